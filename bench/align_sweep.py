"""How the alignment settings were chosen: gold.json figures while one setting moves at a time.

The pair decision itself is learned (``python -m bench.fit_align``); these are the settings
around it: n-grams, candidates, grouping.

For each value it prints the gold pairs found (both snippets in one group), the pairs whose kind
matches the gold kind, the number of groups, and how many groups hold no gold pair (a proxy for
false alignments: read them with ``--show``). The defaults in Settings sit where recall and
kinds are at their best and the unlisted groups are few, in the middle of a plateau.

    python -m bench.align_sweep            # the sweep
    python -m bench.align_sweep --show     # groups at the defaults, with gold verdicts
"""

from __future__ import annotations

import dataclasses
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from compare.align import align
from compare.facts import extract_facts
from compare.ingest import ingest
from compare.model import Fact
from compare.settings import Settings
from compare.textlayer import Layer, segment

ROOT = Path(__file__).resolve().parent.parent
GOLD = json.loads((ROOT / "tests" / "data" / "gold.json").read_text(encoding="utf-8"))

#: The values tried per setting (the default is always among them).
GRID: dict[str, list[float]] = {
    "paraphrase_threshold": [0.20, 0.24, 0.25, 0.26, 0.27, 0.28, 0.29, 0.30, 0.32, 0.36, 0.45],
    "weight_char": [0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 1.0],
    "verbatim_min_words": [5, 6, 7, 8, 10, 12, 14, 16],
    "claim_passes": [1, 2, 3, 4, 6],
    "max_sentences_per_claim": [1, 2, 3],
    "span_gain": [-0.05, 0.0, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.10],
    "word_ngram": [1, 2, 3],
    "char_ngram_min": [1, 2, 3],
    "char_ngram_max": [3, 4, 5, 6],
    "min_passage_words": [2, 3, 4, 5, 6],
    "top_k": [2, 4, 8, 16],
    "anchors": [4, 8, 12, 20],
    "anchor_max_df": [10, 30, 60, 200],
}


@dataclass
class GoldScore:
    """Gold figures of one alignment."""

    found: int = 0
    kinds: int = 0
    groups: int = 0
    unlisted: int = 0
    missed: list[str] = field(default_factory=list)
    wrong_kind: list[str] = field(default_factory=list)


def gold_pair(groups: list[dict], pair: dict) -> tuple[dict, dict | None] | None:
    """The group (as in the JSON output) holding both snippets of a gold pair, and the passage
    pair joining them."""
    (file_a, snip_a), (file_b, snip_b) = pair["a"], pair["b"]
    for g in groups:
        ids_a = {p["id"] for p in g["passages"] if p["article"] == file_a and snip_a in p["text"]}
        ids_b = {p["id"] for p in g["passages"] if p["article"] == file_b and snip_b in p["text"]}
        if ids_a and ids_b:
            joined = next((x for x in g["pairs"] if {x["a"], x["b"]} & ids_a and {x["a"], x["b"]} & ids_b), None)
            return g, joined
    return None


def score(groups: list[dict]) -> GoldScore:
    """Gold figures of groups as in the JSON output (``dataclasses.asdict`` of :class:`Group`)."""
    result = GoldScore(groups=len(groups))
    listed = set()
    for pair in GOLD["aligned_pairs"]:
        hit = gold_pair(groups, pair)
        label = f"{pair['a'][1][:30]} / {pair['b'][1][:30]}"
        if hit is None:
            result.missed.append(label)
            continue
        result.found += 1
        listed.add(hit[0]["id"])
        if hit[1] and hit[1]["kind"] == pair["kind"]:
            result.kinds += 1
        else:
            result.wrong_kind.append(f"{label}: {hit[1]['kind'] if hit[1] else '-'} (gold {pair['kind']})")
    result.unlisted = sum(g["id"] not in listed for g in groups)
    return result


def run(layers: list[Layer], facts: list[Fact], settings: Settings) -> list[dict]:
    return [dataclasses.asdict(g) for g in align(layers, facts, settings)]


def seed_layers() -> tuple[list[Layer], list[Fact]]:
    articles, _ = ingest([str(ROOT / "seeds")], Settings())
    layers = [segment(a) for a in articles]
    return layers, extract_facts(layers)


def sweep() -> None:
    layers, facts = seed_layers()
    base = Settings()
    print(f"{'setting':22s} {'value':>6s}  found/14  kinds/14  groups  unlisted")
    for name, values in GRID.items():
        for value in values:
            s = score(run(layers, facts, dataclasses.replace(base, **{name: type(getattr(base, name))(value)})))
            mark = "*" if value == getattr(base, name) else " "
            print(f"{name:22s} {value:6g}{mark}  {s.found:8d}  {s.kinds:8d}  {s.groups:6d}  {s.unlisted:8d}")
        print()


def show() -> None:
    layers, facts = seed_layers()
    groups = run(layers, facts, Settings())
    outlets = {layer.article.id: layer.article.label for layer in layers}
    s = score(groups)
    for g in groups:
        print(f"{g['id']} {g['kind']} {g['score']}")
        for p in g["passages"]:
            print(f"   {outlets[p['article']][:14]:14s} {p['id'].split('#')[1]:7s} {p['text'][:90]}")
    print(f"found {s.found}/14, kinds {s.kinds}/14, groups {s.groups}, unlisted {s.unlisted}")
    for line in s.missed:
        print("missed:", line)
    for line in s.wrong_kind:
        print("kind:", line)


if __name__ == "__main__":
    show() if "--show" in sys.argv else sweep()
