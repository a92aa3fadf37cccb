"""Our aligner beside the obvious baseline on the seeds (issue 3 target: >= 20x faster, higher recall).

Baseline: difflib's SequenceMatcher over every pair of paragraphs from different articles
(characters of the clean text, as a quick script would do it), a pair aligned when its ratio
reaches a threshold. A gold pair is found when its two snippets lie in an aligned pair of
paragraphs. The baseline's recall is printed at several thresholds, with the number of paragraph
pairs it then aligns; its time (all ratios) does not depend on the threshold.
Ours: ``align`` on the same articles (segmenting and fact extraction done beforehand for both).

    python -m bench.baselines
"""

from __future__ import annotations

import time
from difflib import SequenceMatcher
from itertools import combinations

from bench.align_sweep import GOLD, run, score, seed_layers
from bench.timing import best_of
from compare.settings import Settings
from compare.textlayer import Layer, paragraphs

THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6)


def difflib_ratios(layers: list[Layer]) -> list[tuple[float, str, str, str, str]]:
    """(ratio, article a, paragraph a, article b, paragraph b) for every cross-article paragraph pair."""
    paras = [(layer.article.id, [layer.article.text[s:e] for s, e in paragraphs(layer.article.text)])
             for layer in layers]
    out = []
    for (ida, pa), (idb, pb) in combinations(paras, 2):
        for x in pa:
            for y in pb:
                out.append((SequenceMatcher(None, x, y).ratio(), ida, x, idb, y))
    return out


def difflib_recall(ratios: list[tuple[float, str, str, str, str]], threshold: float) -> tuple[int, int]:
    """(gold pairs found, paragraph pairs aligned) at ``threshold``."""
    aligned = [r for r in ratios if r[0] >= threshold]
    found = 0
    for pair in GOLD["aligned_pairs"]:
        (fa, sa), (fb, sb) = pair["a"], pair["b"]
        found += any(((ia, ib) == (fa, fb) and sa in pa and sb in pb) or ((ia, ib) == (fb, fa) and sa in pb and sb in pa)
                     for _, ia, pa, ib, pb in aligned)
    return found, len(aligned)


def main() -> None:
    layers, facts = seed_layers()
    settings = Settings()
    ours_time = best_of(lambda: run(layers, facts, settings), runs=5)
    ours = score(run(layers, facts, settings))
    start = time.perf_counter()
    ratios = difflib_ratios(layers)
    base_time = time.perf_counter() - start
    total = len(GOLD["aligned_pairs"])
    print(f"ours     recall {ours.found}/{total}  kinds {ours.kinds}/{total}  groups {ours.groups}  "
          f"time {ours_time * 1000:8.1f} ms")
    for t in THRESHOLDS:
        found, aligned = difflib_recall(ratios, t)
        print(f"difflib  recall {found}/{total}  at ratio >= {t:.1f}: {aligned:5d} paragraph pairs aligned")
    print(f"difflib  time {base_time * 1000:8.1f} ms for {len(ratios)} paragraph pairs")
    print(f"ours is {base_time / ours_time:.0f}x faster")


if __name__ == "__main__":
    main()
