"""Cost of alignment alone as the corpus grows (issue 3 targets: 200 articles <= 5 s and <= 1 GB,
growth exponent <= 1.3).

Corpora of 10, 50, 200 and 1000 articles come from bench/corpus.py (stories of five outlets
grown from the seeds). Segmenting and fact extraction run first, per story as one comparison
would; then ``align`` is timed over the whole corpus (best of ``--runs``), and run once more
under tracemalloc for its peak memory. The exponent is the least-squares slope of log(time)
against log(articles) over the sizes from 50 up.

    python -m bench.align_scale [--sizes 10,50,200,1000] [--runs 3]
"""

from __future__ import annotations

import argparse
import math
import time
import tracemalloc

import numpy as np

from bench.corpus import corpus, stories
from compare.align import align
from compare.facts import extract_facts
from compare.model import Fact
from compare.settings import Settings
from compare.textlayer import Layer, segment


def prepare(size: int) -> tuple[list[Layer], list[Fact]]:
    """Layers and facts of a generated corpus; facts per story, as each comparison would find them."""
    layers: list[Layer] = []
    facts: list[Fact] = []
    for story in stories(corpus(size)):
        story_layers = [segment(a) for a in story]
        layers += story_layers
        facts += extract_facts(story_layers)
    return layers, facts


def measure(size: int, runs: int) -> tuple[int, int, float, float]:
    """(sentences, groups, seconds, peak MB) of aligning a corpus of ``size`` articles."""
    layers, facts = prepare(size)
    settings = Settings()
    best = math.inf
    groups = []
    for _ in range(runs):
        start = time.perf_counter()
        groups = align(layers, facts, settings)
        best = min(best, time.perf_counter() - start)
    tracemalloc.start()
    align(layers, facts, settings)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return sum(len(layer.passages) for layer in layers), len(groups), best, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10,50,200,1000")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{'articles':>8s} {'sentences':>9s} {'groups':>6s} {'seconds':>8s} {'peak MB':>8s}")
    times = {}
    for size in sizes:
        sentences, groups, seconds, peak = measure(size, args.runs)
        times[size] = seconds
        print(f"{size:8d} {sentences:9d} {groups:6d} {seconds:8.3f} {peak:8.1f}", flush=True)
    fit = [s for s in sizes if s >= 50]
    if len(fit) >= 2:
        slope = np.polyfit(np.log(fit), np.log([times[s] for s in fit]), 1)[0]
        print(f"growth exponent (log-log slope {fit[0]}->{fit[-1]}): {slope:.2f}  (target <= 1.3)")


if __name__ == "__main__":
    main()
