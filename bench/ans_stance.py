"""How well the diff engine tells numeric contradictions from paraphrases (ANS stance corpus).

Each headline pair of tests/data/ans (s1, s2, agree|disagree|other) is compared as two one-line
articles of the same day. Among pairs where both headlines hold a number, it prints
- recall: the share of ``disagree`` pairs whose numbers differ (each headline has a number the
  other lacks: "45 sentenced" vs "45 acquitted" is a contradiction, but not a numeric one) that
  get a ``conflict`` row;
- false alarms: the share of ``agree`` pairs that get a ``conflict`` row.
"""

from __future__ import annotations

import csv
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from compare.model import Article
from compare.pipeline import compare_articles

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "ans"
_DIGITS = re.compile(r"[0-9٠-٩۰-۹]+")
_TO_ASCII = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


@dataclass
class Score:
    disagree: int = 0
    caught: int = 0
    agree: int = 0
    alarms: int = 0

    @property
    def recall(self) -> float:
        return self.caught / self.disagree if self.disagree else 0.0

    @property
    def false_alarms(self) -> float:
        return self.alarms / self.agree if self.agree else 0.0


def numbers(text: str) -> set[int]:
    return {int(n.translate(_TO_ASCII)) for n in _DIGITS.findall(text)}


def flags_conflict(s1: str, s2: str) -> bool:
    """True when the pipeline reports a conflict between the two headlines."""
    articles = [Article(id=f"s{i}", source=f"s{i}", text=s, published="2020-01-01") for i, s in enumerate((s1, s2), 1)]
    return any(d.kind == "conflict" for d in compare_articles(articles).discrepancies)


def evaluate(path: Path) -> Score:
    score = Score()
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            n1, n2 = numbers(row["s1"]), numbers(row["s2"])
            if not n1 or not n2:
                continue
            if row["stance"] == "disagree" and n1 - n2 and n2 - n1:
                score.disagree += 1
                score.caught += flags_conflict(row["s1"], row["s2"])
            elif row["stance"] == "agree":
                score.agree += 1
                score.alarms += flags_conflict(row["s1"], row["s2"])
    return score


def main(splits: list[str]) -> None:
    for split in splits:
        start = time.perf_counter()
        s = evaluate(DATA / f"{split}.csv")
        print(f"{split:5}  numeric contradictions caught {s.caught}/{s.disagree} = {s.recall:.0%}   "
              f"false alarms on paraphrases {s.alarms}/{s.agree} = {s.false_alarms:.0%}   "
              f"({time.perf_counter() - start:.1f} s)")


if __name__ == "__main__":
    main(sys.argv[1:] or ["train", "dev", "test"])
