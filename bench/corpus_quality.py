"""Story clustering quality: the seeds and the eight dev stories mixed with a generated background
in one corpus run. Prints pairwise precision and recall of story membership on the real-text
stories, and every story that merges two events (real or generated).

    python -m bench.corpus_quality                 # 500 background articles
    python -m bench.corpus_quality --background 2000
    python -m bench.corpus_quality --sweep         # the thresholds of compare.corpus.stories, each story held out

Clustering only (the comparisons do not change the stories), with parsing in this process: the
Dask path gives the same stores (tests/test_corpus.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import tempfile
import tomllib
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from compare.corpus.feed import read_items
from compare.corpus.parse import parse_batch
from compare.corpus.store import Store
from compare.corpus.stories import Clusterer, Thresholds
from compare.settings import Settings

from .accuracy import DEVSET, EXTRA, SEEDS
from .corpus import feed, write_feed

#: The real-text stories: each folder is one event (the seeds are one story too); the dev stories
#: and the extra ones annotated apart from them (the held-out ones stay out of every fit).
REAL = [SEEDS, *sorted(p for folder in (DEVSET, EXTRA) for p in folder.iterdir() if p.is_dir())]


def background_feed(path: Path, size: int) -> None:
    """Generated stories (bench/corpus.py ``feed``) around the days of the real stories, so each
    real story has generated ones in its time window; the url names the story, for scoring."""
    days = sorted({dt.date.fromisoformat(d) for d in _real_days()})
    records = []
    for n, day in enumerate(days):
        for record in feed(size // len(days), seed=n, days=3, start=day - dt.timedelta(days=1)):
            records.append(replace(record, url=f"https://bg.example/{n}-{record.story}/{record.url.split('/', 2)[2]}"))
    write_feed(path, records)


def _real_days() -> list[str]:
    """Publication days of the real stories (their gold files and the seeds' manifest)."""
    days = [a["published"] for story in REAL[1:]
            for a in json.loads((story / "gold.json").read_text(encoding="utf-8"))["articles"].values()
            if a.get("published")]
    seeds = tomllib.loads((REAL[0] / "sources.toml").read_text(encoding="utf-8"))
    return days + [str(entry["published"]) for entry in seeds.values()]


def truth(source: str, url: str | None) -> str:
    """The event an article belongs to: its folder, or its generated story."""
    if url and url.startswith("https://bg.example/"):
        return "bg:" + url.split("/")[3]
    return Path(source).parent.name


def pairwise(members: list[tuple[str, str]]) -> tuple[int, int, int]:
    """(same event and story, same story only, same event only) over all pairs of (event, story)."""
    tp = fp = fn = 0
    for (t1, s1), (t2, s2) in itertools.combinations(members, 2):
        tp += t1 == t2 and s1 == s2
        fp += t1 != t2 and s1 == s2
        fn += t1 == t2 and s1 != s2
    return tp, fp, fn


def score(store: Store) -> dict:
    rows = store.db.execute("SELECT a.source, a.url, m.story FROM articles a JOIN members m ON m.article = a.id").fetchall()
    real = [(truth(s, u), story) for s, u, story in rows if not truth(s, u).startswith("bg:")]
    tp, fp, fn = pairwise(real)
    btp, bfp, bfn = pairwise([(truth(s, u), story) for s, u, story in rows if truth(s, u).startswith("bg:")])
    events: dict[str, set[str]] = defaultdict(set)
    for s, u, story in rows:
        events[story].add(truth(s, u))
    merged = {story: sorted(e) for story, e in events.items() if len(e) > 1}
    split = sorted({t1 for (t1, s1), (t2, s2) in itertools.combinations(real, 2) if t1 == t2 and s1 != s2})
    return {"precision": tp / (tp + fp) if tp + fp else 1.0, "recall": tp / (tp + fn) if tp + fn else 1.0,
            "pairs": tp + fn, "merged": len(merged),
            "background": (btp / (btp + bfp) if btp + bfp else 1.0, btp / (btp + bfn) if btp + bfn else 1.0), "stories": len(events), "detail": merged, "split": split}


def parsed_store(folder: Path, background: int) -> Path:
    """A store holding every article parsed and none clustered: each threshold setting starts from a copy."""
    feed = folder / "background.jsonl"
    background_feed(feed, background)
    path = folder / "parsed.sqlite"
    with Store(path) as store:
        run = store.start_run([])
        store.add_articles(run, parse_batch(list(read_items([*map(str, REAL), str(feed)], Settings())), Settings()))
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def cluster(parsed: Path, thresholds: Thresholds, folder: Path, window_days: int = 3) -> dict:
    copy = folder / "trial.sqlite"
    copy.write_bytes(parsed.read_bytes())
    with Store(copy) as store:
        Clusterer(store, window_days, thresholds=thresholds).run(store.unclustered())
        return score(store)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--background", type=int, default=500)
    parser.add_argument("--sweep", action="store_true")
    parser.add_argument("--window-days", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        parsed = parsed_store(folder, args.background)
        trials = [Thresholds()]
        if args.sweep:
            trials = [Thresholds(link_cosine=link, supported_cosine=low, min_share=share)
                      for link in (0.15, 0.18, 0.2, 0.25, 0.3) for low in (0.1, 0.12, 0.15, 0.18) for share in (0.34, 0.5)
                      if low <= link]
        for thresholds in trials:
            result = cluster(parsed, thresholds, folder, args.window_days)
            print(f"link {thresholds.link_cosine:.2f} supported {thresholds.supported_cosine:.2f} "
                  f"share {thresholds.min_share:.2f}: precision {result['precision']:.3f}, recall {result['recall']:.3f} "
                  f"({result['pairs']} same-story pairs); generated stories {result['background'][0]:.3f}, "
                  f"{result['background'][1]:.3f}; {result['stories']} stories, {result['merged']} merge two events")
            for story, events in result["detail"].items():
                print(f"  merged: {story}: {', '.join(events)}")
            if result["split"]:
                print(f"  split: {', '.join(result['split'])}")


if __name__ == "__main__":
    main()
