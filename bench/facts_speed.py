"""Time of fact extraction, alignment and diff on the seeds, after imports (issue 9 target:
150 ms for the three). Prints figures; not a timed test."""

from __future__ import annotations

from pathlib import Path

from bench.timing import best_of
from compare.align import align
from compare.diff import diff
from compare.facts import extract_facts
from compare.facts.names import tokens_of
from compare.ingest import ingest
from compare.normalize import keyed
from compare.settings import Settings
from compare.textlayer import segment

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def main() -> None:
    settings = Settings()
    articles, _ = ingest([str(SEEDS)], settings)
    layers = [segment(a) for a in articles]
    facts = extract_facts(layers)
    groups = align(layers, facts, settings)
    diff(articles, groups, facts)  # warm the lexicon caches: the figures are per comparison
    def cold() -> None:  # no article read before: the per-text caches start empty
        tokens_of.cache_clear()
        keyed.cache_clear()
        extract_facts(layers)

    t_facts = best_of(cold, runs=5)
    t_align = best_of(lambda: align(layers, facts, settings), runs=5)
    t_diff = best_of(lambda: diff(articles, groups, facts), runs=5)
    print(f"seeds: {len(articles)} articles, {len(facts)} facts, {len(groups)} groups")
    print(f"facts  {t_facts * 1000:7.1f} ms (best of 5)")
    print(f"align  {t_align * 1000:7.1f} ms (best of 5)")
    print(f"diff   {t_diff * 1000:7.1f} ms (best of 5)")
    print(f"total  {(t_facts + t_align + t_diff) * 1000:7.1f} ms  (target <= 150 ms)")


if __name__ == "__main__":
    main()
