"""Throughput of corpus mode (issue 12): whole runs over generated feeds, the growth of story
clustering, and the cost of a 1% increment. Prints figures; it is not a test.

Feeds come from bench/corpus.py ``feed`` (stories of 1 to 8 outlets over ``--days`` days).
- Full run: ``run_corpus`` on a fresh store with 1 and 2 workers, each in its own process so
  that its memory is its own. Stage times come from the progress callback: parsing ends at the
  last ``articles`` call, clustering at ``stories``, comparing at the end of the run (it includes
  the cluster's shutdown). Peak memory is ``VmHWM`` (the kernel's peak resident size): the
  client's at the end, each worker's read from /proc every 0.2 s while the run goes. Not
  ``ru_maxrss``: Linux carries it across exec, so a child of a big parent reports the parent's.
- Clustering growth: the articles are parsed once, then stored in fresh stores of increasing
  size and ``Clusterer.run`` is timed alone; the exponent is the least-squares slope of
  log(time) against log(articles) (target <= 1.2). With ``--per-day K`` the feed has K articles
  a day and each size is its first days, so the density stays that of a steady feed (without
  it, N articles share ``--days`` days and a bigger N is a denser feed). ``--profile`` prints
  the top of a cProfile of the largest clustering.
- Increment: after the full run of the largest size, a feed of 1% more articles (the next
  stories of the same generator) is run on the same store, alone and together with the old
  feed (a folder re-run); its time as a share of the full run (target <= 5%).

    python -m bench.corpus_scale [--sizes 10000 50000] [--workers 1 2] [--cluster-sizes 1000 2000 5000 10000 20000]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from bench.corpus import Record, feed, write_feed
from compare.corpus.feed import Item, feed_item
from compare.corpus.parse import Parsed, parse_batch
from compare.corpus.run import run_corpus
from compare.corpus.store import Store
from compare.corpus.stories import Clusterer
from compare.settings import Settings

DAYS = 7
WINDOW_DAYS = 3


class PeakSampler(threading.Thread):
    """The peak resident size (VmHWM) of every descendant process, sampled from /proc: the
    workers of a LocalCluster are child processes of the client, so no hook in the run is needed."""

    def __init__(self, interval: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.interval, self.peaks, self.stop = interval, dict[int, int](), threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            for pid in _descendants(os.getpid()):
                self.peaks[pid] = max(self.peaks.get(pid, 0), _hwm_kb(pid))
            self.stop.wait(self.interval)

    def finish(self) -> list[float]:
        """Peaks in MB of the processes that looked like workers (above 60 MB: not the resource tracker)."""
        self.stop.set()
        self.join()
        return sorted((kb / 1024 for kb in self.peaks.values() if kb > 60 * 1024), reverse=True)


def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                ppid = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [root]
    while todo:
        for child in children.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def _hwm_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


@dataclass
class RunFigures:
    """One run's seconds (whole and by stage), counts and peak memory (MB)."""

    seconds: float
    parse: float
    cluster: float
    compare: float
    read: int
    stored: int
    stories: int
    compared: int
    failed: int
    client_mb: float
    workers_mb: list[float]

    def line(self, label: str) -> str:
        workers = ", ".join(f"{mb:.0f}" for mb in self.workers_mb)
        return (f"{label:<34} {self.seconds:7.1f} s {self.stored / self.seconds:6.1f} art/s | parse {self.parse:6.1f} "
                f"cluster {self.cluster:6.1f} compare {self.compare:6.1f} s | {self.stories} stories, {self.compared} "
                f"compared, {self.failed} failed | client {self.client_mb:.0f} MB, workers [{workers}] MB")


def one_run(paths: list[str], store_path: Path, workers: int) -> RunFigures:
    """One ``run_corpus``, timed by stage, with the peak memory of the client and each worker."""
    marks: dict[str, float] = {}
    counts: dict[str, int] = {}

    def progress(name: str, n: int) -> None:
        marks[name] = time.perf_counter()
        counts[name] = counts.get(name, 0) + n

    sampler = PeakSampler()
    sampler.start()
    start = time.perf_counter()
    with Store(store_path) as store:
        summary = run_corpus(paths, store, Settings(), window_days=WINDOW_DAYS, workers=workers, progress=progress)
    end = time.perf_counter()
    parsed_at = marks.get("articles", start)
    clustered_at = marks.get("stories", parsed_at)
    return RunFigures(end - start, parsed_at - start, clustered_at - parsed_at, end - clustered_at, summary.read,
                      summary.stored, summary.stories, summary.compared, summary.failed_comparisons,
                      _hwm_kb(os.getpid()) / 1024, sampler.finish())


def run_in_child(paths: list[Path], store_path: Path, workers: int) -> RunFigures:
    """:func:`one_run` in a fresh interpreter, so the client's peak memory is the run's alone."""
    command = [sys.executable, "-m", "bench.corpus_scale", "--one-run", str(store_path), str(workers), *map(str, paths)]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return RunFigures(**json.loads(done.stdout.strip().splitlines()[-1]))


def _items(records: list[Record]) -> list[Item]:
    settings = Settings()
    return [feed_item(r.line().encode(), f"gen:{n}", settings) for n, r in enumerate(records)]


def parse_all(records: list[Record], workers: int) -> list[Parsed]:
    """Parsed articles in generation order (a size's articles are a prefix of a bigger size's)."""
    items, settings = _items(records), Settings()
    batches = [items[i:i + 64] for i in range(0, len(items), 64)]
    with ProcessPoolExecutor(workers) as pool:
        return [p for batch in pool.map(parse_batch, batches, [settings] * len(batches)) for p in batch]


def time_clustering(parsed: list[Parsed], size: int, folder: Path, profile: bool,
                    cache_mb: int = 0) -> tuple[float, int]:
    """Seconds of ``Clusterer.run`` over a fresh store of the first ``size`` articles, and its
    stories. ``cache_mb`` sets SQLite's page cache (default 2 MB) to see how much of the time is
    the bands index outgrowing it."""
    with Store(folder / f"cluster{size}.sqlite") as store:
        store.add_articles(store.start_run(["bench"]), parsed[:size])
        if cache_mb:
            store.db.execute(f"PRAGMA cache_size = -{cache_mb * 1024}")
        articles = store.unclustered()
        profiler = cProfile.Profile() if profile else None
        start = time.perf_counter()
        if profiler:
            profiler.enable()
        Clusterer(store, WINDOW_DAYS).run(articles)
        seconds = time.perf_counter() - start
        if profiler:
            profiler.disable()
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(25)
            print(out.getvalue())
        return seconds, store.count("stories")


def slope(sizes: list[int], seconds: list[float]) -> float:
    return float(np.polyfit(np.log(sizes), np.log(seconds), 1)[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 50_000], help="articles of the full runs")
    parser.add_argument("--workers", type=int, nargs="*", default=[1, 2])
    parser.add_argument("--cluster-sizes", type=int, nargs="*", default=[1000, 2000, 5000, 10_000, 20_000])
    parser.add_argument("--days", type=int, default=DAYS)
    parser.add_argument("--per-day", type=int, default=0,
                        help="steady volume: this many articles a day (days grow with the feed); the clustering "
                             "sizes are then the first days of the feed in publication order")
    parser.add_argument("--profile", action="store_true", help="cProfile the largest clustering")
    parser.add_argument("--no-increment", action="store_true")
    parser.add_argument("--sqlite-cache-mb", type=int, default=0, help="page cache of the clustering stores")
    parser.add_argument("--one-run", nargs="+", help=argparse.SUPPRESS)  # store workers feed...: used by run_in_child
    args = parser.parse_args()
    if args.one_run:
        store, workers, *paths = args.one_run
        print(json.dumps(asdict(one_run(paths, Path(store), int(workers)))))
        return

    with tempfile.TemporaryDirectory(prefix="corpus_scale_") as tmp:
        folder = Path(tmp)
        biggest = max([*args.sizes, *args.cluster_sizes, 0])
        days = max(1, -(-biggest // args.per_day)) if args.per_day else args.days
        start = time.perf_counter()
        records = feed(biggest + 2 * (biggest // 100) + 1, days=days)
        print(f"generated {len(records)} articles, {records[-1].story + 1} stories over {days} days "
              f"in {time.perf_counter() - start:.1f} s", flush=True)

        if args.cluster_sizes:
            sizes = sorted(args.cluster_sizes)
            start = time.perf_counter()
            ordered = sorted(records, key=lambda r: r.published) if args.per_day else records
            parsed = parse_all(ordered[:sizes[-1]], max(args.workers))
            print(f"parsed {len(parsed)} articles for clustering in {time.perf_counter() - start:.1f} s", flush=True)
            times = []
            for size in sizes:
                seconds, stories = time_clustering(parsed, size, folder, args.profile and size == sizes[-1],
                                                  args.sqlite_cache_mb)
                times.append(seconds)
                print(f"clustering {size:>7} articles: {seconds:7.2f} s  {size / seconds:7.0f} art/s  {stories} stories",
                      flush=True)
            del parsed
            if len(sizes) > 1 and all(times):
                print(f"clustering growth exponent over {sizes}: {slope(sizes, times):.2f} (target <= 1.2)", flush=True)

        for size in sorted(args.sizes):
            main_feed = write_feed(folder / f"feed{size}.jsonl", records[:size])
            stories = records[size - 1].story + 1
            full: dict[int, RunFigures] = {}
            for workers in args.workers:
                store = folder / f"store{size}_{workers}.sqlite"
                full[workers] = run_in_child([main_feed], store, workers)
                print(full[workers].line(f"{size} articles ({stories} stories), {workers} worker(s)"), flush=True)
            if args.no_increment or size != max(args.sizes):
                continue
            workers = max(args.workers)
            extra = write_feed(folder / f"extra{size}.jsonl", records[size:size + max(1, size // 100)])
            store = folder / f"store{size}_{workers}.sqlite"
            alone = run_in_child([extra], store, workers)
            print(alone.line(f"+1% ({size // 100}), new feed only") +
                  f" = {100 * alone.seconds / full[workers].seconds:.1f}% of the full run", flush=True)
            again = write_feed(folder / f"extra{size}b.jsonl", records[size + size // 100:size + 2 * (size // 100)])
            both = run_in_child([main_feed, again], store, workers)
            print(both.line("+1% more, old feed re-read too") +
                  f" = {100 * both.seconds / full[workers].seconds:.1f}% of the full run", flush=True)


if __name__ == "__main__":
    main()
