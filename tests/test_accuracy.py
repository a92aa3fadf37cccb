"""Accuracy on the annotated stories holds its floors, and the project's scorer means what the
shared evaluator means.

Each dev story (tests/data/devset), each extra story (tests/data/extra) and the seeds run once
through the pipeline; their figures
must stay at or above the floors of tests/data/accuracy_floors.json (rewrite them with
``python -m bench.accuracy --write-floors`` when accuracy improves). The scorer itself is checked
on a small synthetic comparison whose figures were worked out by hand and agree with
../shared/tools/evaluate.py (``python -m bench.accuracy --check`` compares the two on every
story); nothing here reads outside the repository.
"""

from __future__ import annotations

import pytest

from bench.accuracy import (
    DEVSET,
    EXTRA,
    HELDOUT,
    SEEDS,
    Result,
    Story,
    below_floors,
    find_stories,
    floors_of,
    read_floors,
    run_story,
)
from bench.scoring import Count, Score, gold_values, norm_kind, reported_numbers, same_value, score

STORIES = find_stories([DEVSET, EXTRA, HELDOUT, SEEDS])
FLOORS = read_floors()


def test_the_dev_set_the_extra_and_held_out_stories_and_the_seeds_are_there() -> None:
    names = [s.name for s in STORIES]
    assert len(names) == 21 and names[-1] == "seeds", names


def test_every_story_has_floors() -> None:
    assert sorted(FLOORS) == sorted(s.name for s in STORIES)


@pytest.fixture(scope="module", params=STORIES, ids=lambda story: story.name)
def result(request: pytest.FixtureRequest) -> Result:
    """One pipeline run per story, shared by the tests below."""
    story: Story = request.param
    return run_story(story)


def test_every_gold_article_is_read(result: Result) -> None:
    mapped = result.score.articles_mapped
    assert mapped.found == mapped.total > 0


def test_figures_hold_their_floors(result: Result) -> None:
    broken = below_floors(result.score, FLOORS[result.story.name])
    assert not broken, f"{result.story.name}: " + "; ".join(broken)


# --- the scorer on a synthetic story ------------------------------------------------------------

TEXTS = {
    "a.txt": "ضرب زلزال بقوة 6.2 درجة فجر الإثنين.\nقُتل 21 شخصاً في القرى.\n"
             "وقال الوزير إبراهيم بلقاسم إن الدولة ستعيد البناء.\nوكان عمق الزلزال نحو 10 كيلومترات وتلته 3 هزات.\n"
             "عدد القراءات: 812",
    "b.txt": "زلزال بقوة 6.4 درجة ضرب المنطقة.\nلقي 27 شخصا مصرعهم.\nونقلت الوكالة الخبر بعد 5 ساعات.\n"
             "وقال وزير السكن رضا حمادي إن الدولة ستعيد البناء.\nوبلغ العمق 12 كيلومترا مع 4 هزات.\nالطريق رقم 17",
    "c": "هزة أرضية قوية في الجبال.\nالحصيلة 27 قتيلاً.\nوقال طبيب «لم نر مثل هذا منذ كوفيد-19».\n"
         "وانتشرت الفرقة التاسعة في المنطقة.",
    "x.txt": "زلزال قوي في بلد آخر.",
}


def at(article: str, text: str, **more: object) -> dict:
    """A span of ``text`` in ``article`` (passage, fact or row value)."""
    start = TEXTS[article].index(text)
    return {"article": article, "start": start, "end": start + len(text), "text": text, **more}


def sentence(article: str, number: int) -> dict:
    return at(article, TEXTS[article].split("\n")[number].rstrip("."))


FACTS = {
    "fa1": at("a.txt", "6.2 درجة", type="quantity", value=6.2),
    "fa2": at("a.txt", "21 شخصاً", type="quantity", value=21),
    "fa3": at("a.txt", "إبراهيم بلقاسم", type="name", value="إبراهيم بلقاسم"),
    "fa4": at("a.txt", "10 كيلومترات", type="quantity", value=10),
    "fa5": at("a.txt", "812", type="quantity", value=812),  # a read counter: leaks
    "fa6": at("a.txt", "الإثنين", type="date", value="2025-06-30"),
    "fa7": at("a.txt", "3 هزات", type="quantity", value=3),
    "fb1": at("b.txt", "6.4 درجة", type="quantity", value=6.4),
    "fb2": at("b.txt", "27 شخصا", type="quantity", value=27),
    "fb3": at("b.txt", "رضا حمادي", type="name", value="رضا حمادي"),
    "fb4": at("b.txt", "12 كيلومترا", type="quantity", value=12),
    "fb5": at("b.txt", "رقم 17", type="quantity", value=17, form="ordinal"),  # an ordinal: no leak
    "fb6": at("b.txt", "4 هزات", type="quantity", value=4),
    "fb7": at("b.txt", "5 ساعات", type="quantity", value=5),
    "fc1": at("c", "27 قتيلاً", type="quantity", value=27),
    "fc2": at("c", "لم نر مثل هذا منذ كوفيد-19", type="quote", value=None),  # a quote: no leak
    "fc3": at("c", "الفرقة التاسعة", type="quantity", value=9, form="ordinal"),  # reaches a row: leaks
}


def value(fact: str, **more: object) -> dict:
    """A row value taken from a fact (its span, text and value, unless given)."""
    f = FACTS[fact]
    return {"article": f["article"], "fact": fact, "start": f["start"], "end": f["end"], "text": f["text"],
            "value": f["value"], **more}


def loose(article: str, text: str, val: object) -> dict:
    """A row value with no fact and no span."""
    return {"article": article, "text": text, "value": val}


ROWS = [  # kind, values
    ("conflict", [value("fa1"), value("fb1")]),  # R1: D1 found, a real conflict row
    ("conflict", [value("fa2"), value("fb2")]),  # R2: D2 lacks c, so D2 is missed; still a real row
    ("agreement", [value("fb2"), value("fc1")]),  # R3: D3, part_of D2: not counted for kinds
    ("conflict", [value("fa3"), value("fb3")]),  # R4: D4, a speaker conflict matched on text
    ("conflict", [value("fa4"), value("fb4")]),  # R5: D5 is compatible: a false conflict
    ("conflict", [value("fa7"), value("fb6"), value("fc3")]),  # R6: D6 plus a value outside it
    ("agreement", [value("fa6"), loose("b.txt", "مساء", {"date": "2025-06-30T02:12"})]),  # R7: D7
    ("compatible", [value("fa7", value={"low": 3, "high": 7}), value("fb7", value=None)]),  # R8: D8
    ("scope", [loose("a.txt", "2500", "2500"), loose("c", "3500", 3500.0)]),  # R9: the seeds-style D9
    ("conflict", [loose("a.txt", "الخميس", "2025-06-26"), loose("b.txt", "الجمعة", "2025-06-27")]),  # R10: D10
]

ARTICLE_SOURCES = {"a.txt": "/data/story/a.txt", "b.txt": "/data/story/b.txt",
                   "c": "https://example.org/news/c-story", "x.txt": "/elsewhere/x.txt"}

COMPARISON = {
    "articles": [{"id": i, "source": s, "text": TEXTS[i]} for i, s in ARTICLE_SOURCES.items()],
    "groups": [
        {"id": "g1", "passages": [sentence("a.txt", 0), sentence("b.txt", 0), sentence("c", 0), sentence("x.txt", 0)]},
        {"id": "g2", "passages": [sentence("a.txt", 1), sentence("b.txt", 1), sentence("b.txt", 2)]},
    ],
    "facts": [{"id": i, **f} for i, f in FACTS.items()],
    "discrepancies": [{"id": f"r{n}", "kind": kind, "values": values} for n, (kind, values) in enumerate(ROWS, 1)],
}


def entry(normalized: object, as_written: str = "") -> dict:
    return {"as_written": as_written, "normalized": normalized}


GOLD = {
    "articles": {"a.txt": {}, "b.txt": {}, "c.html": {}},  # c.html is the article with id "c"
    "aligned_pairs": [
        {"a": ["a.txt", "ضرب زلزال بقوة"], "b": ["b.txt", "زلزال بقوة 6.4"]},  # found in g1
        {"a": ["a.txt", "قتل 21 شخصا"], "b": ["b.txt", "لقي 27 شخصا"]},  # found in g2 (no diacritics)
        {"a": ["a.txt", "ضرب زلزال"], "b": ["c.html", "الحصيلة 27"]},  # c's sentence is in no group
        {"a": ["c.html", "هزة أرضية"], "b": ["b.txt", "زلزال بقوة 6.4"]},  # found; b before c in g1
    ],
    "optional_pairs": [{"a": ["a.txt", "ضرب زلزال"], "b": ["c.html", "هزة أرضية"]}],
    "discrepancies": [
        {"id": "magnitude", "kind": "conflict", "values": {"a.txt": entry(6.2), "b.txt": entry(6.4)}},
        {"id": "dead", "kind": "conflict", "values": {"a.txt": entry(21), "b.txt": entry(27), "c.html": entry(27)}},
        {"id": "dead_b_c", "kind": "agreement", "part_of": "dead",
         "values": {"b.txt": entry(27), "c.html": entry(27)}},
        {"id": "speaker", "kind": "conflict",
         "values": {"a.txt": entry("Ibrahim Belkacem", "الوزير إبراهيم بلقاسم"),
                    "b.txt": entry("Reda Hammadi", "وزير السكن رضا حمادي")}},
        {"id": "depth", "kind": "approximation-compatible", "values": {"a.txt": entry(10), "b.txt": entry(12)}},
        {"id": "aftershocks", "kind": "scope", "values": {"a.txt": entry(3), "b.txt": entry(4)}},
        {"id": "day", "kind": "agreement", "values": {"a.txt": entry("2025-06-30"), "b.txt": entry("2025-06-30")}},
        {"id": "range", "kind": "approximation-compatible",
         "values": {"a.txt": entry({"min": 3, "max": 7}), "b.txt": entry(5)}},
        {"id": "troops", "kind": "conflict-or-context", "numbers": [2500, 3500],
         "values": {"a.txt": ["حوالي 2500 (since late last year)"], "c.html": ["نحو 3500 جندي أجنبي (all foreign troops)"]}},
        {"id": "statement-day", "kind": "conflict",
         "values": {"a.txt": ["يوم الخميس (Thursday 2025-06-26)"], "b.txt": ["أمس الجمعة (Friday 2025-06-27)"]}},
        {"id": "wording", "kind": "wording",
         "values": {"a.txt": ["قوات قتالية أجنبية (foreign)"], "b.txt": ["قوات قتالية أمريكية (American)"]}},
    ],
    "non_facts": [
        {"file": "a.txt", "text": "عدد القراءات: 812"},  # under a quantity fact: leaks
        {"file": "b.txt", "text": "رقم 17"},  # under an ordinal fact only
        {"file": "b.txt", "text": "© 2025"},  # not in the clean text
        {"file": "c.html", "text": "كوفيد-19"},  # inside a quote
        {"file": "c.html", "text": "الفرقة التاسعة"},  # an ordinal fact that is a row value: leaks
    ],
}


def test_the_scorer_gives_the_shared_evaluators_figures() -> None:
    """The figures evaluate.py prints for this comparison and gold, each worked out in the comments above."""
    assert score(COMPARISON, GOLD).as_evaluate_dict() == {
        "articles_mapped": "3/3",  # x.txt is no gold file; "c" is c.html by its stem
        "align_recall": 0.75,
        "align_found": "3/4",
        "align_pred_pairs": 5,  # g1: a-b, a-c, b-c; g2: a-b, a-b (b-b is no pair; x is left out)
        "align_precision": 0.8,  # a1-b1 gold, a1-c1 optional, b1-c1 gold reversed, a2-b2 gold; a2-b3 wrong
        "conflict_recall": 0.8,
        "conflicts_found": "4/5",  # magnitude, speaker, troops (by a scope row), statement-day; not dead
        "kind_accuracy": 5 / 7,  # matched: magnitude, speaker, depth, aftershocks, day, range, statement-day
        "discrepancy_matched": 7,
        "false_conflicts": "1/6",  # depth; aftershocks' conflict row holds a value outside it
        "reported_rows": 10,
        "reported_conflicts": 6,
        "conflict_precision": 4 / 6,  # R1, R2 (a split of dead), R4, R10; not R5, R6
        "conflict_rows_right": "4/6",
        "noise_leaks": 2,
        "noise_leak_list": ["a.txt: عدد القراءات: 812", "c.html: الفرقة التاسعة"],
    }


def test_the_scorer_keeps_its_lists_and_counts() -> None:
    result = score(COMPARISON, GOLD)
    assert result.missed_conflicts == ["dead"]
    assert result.false_conflict_ids == ["depth"]
    assert result.aligned_pairs == Count(3, 4) and result.pair_precision == Count(4, 5)
    assert result.figures()["kind_accuracy"] == {"ratio": 5 / 7, "found": 5, "total": 7}


def test_alignment_precision_needs_an_exhaustive_gold() -> None:
    gold = {k: v for k, v in GOLD.items() if k != "optional_pairs"}
    figures = score(COMPARISON, gold).as_evaluate_dict()
    assert "align_precision" not in figures and figures["align_pred_pairs"] == 5
    assert score(COMPARISON, gold).align_precision is None


def test_totals_add_counts_not_ratios() -> None:
    one = Score(aligned_pairs=Count(1, 2), pair_precision=Count(1, 1), leaks=["a: 1"])
    two = Score(aligned_pairs=Count(3, 8), leaks=["b: 2"])
    both = one + two
    assert both.aligned_pairs == Count(4, 10) and both.align_recall == 0.4
    assert both.pair_precision == Count(1, 1) and both.noise_leaks == 2


def test_gold_values_read_both_gold_formats() -> None:
    assert gold_values(["حوالي 2500 (since late last year)", "3000 (before the reduction)"]) == [2500.0, 3000.0]
    assert gold_values(["نحو 5200 جندي (January 2020)"]) == [5200.0, 2020.0]  # the year in the note counts
    assert gold_values(["أمس الجمعة (Friday 2021-07-23)"]) == ["2021-07-23"]
    assert gold_values(["الجولة الرابعة (4th)"]) == [4.0, 4.0]
    assert gold_values(["قوات قتالية أجنبية (foreign)"]) == []
    assert gold_values(entry("2025-06-30T02:12Z")) == ["2025-06-30"]  # a time keeps its date only
    assert gold_values(entry([1.5, "2", True, {"min": 3, "max": 7}])) == [1.5, 2.0, 3.0, 7.0]
    assert gold_values(entry("Reda Hammadi")) == []


def test_reported_values_kinds_and_equality() -> None:
    assert reported_numbers({"low": 3, "high": 7, "note": 9}) == [3.0, 7.0]
    assert reported_numbers(["12", "2021-07", True, None]) == [12.0, "2021-07"]
    assert [norm_kind(k) for k in ("approximation-compatible", "other_time", "single-source", "wording")] == [
        "compatible", "time", "single", "wording"]
    assert same_value(2500.0, 2500.0000001) and not same_value(2500.0, 2501.0)
    assert same_value("2025-06", "2025-06-30") and not same_value("2025-06-30", 2025.0)


def test_floors_sit_below_todays_figures() -> None:
    today = Score(aligned_pairs=Count(22, 41), pair_precision=Count(3, 5), conflicts=Count(0, 0),
                  leaks=["a: 1", "b: 2"])
    floors = floors_of(today, margin=0.03)
    assert floors == {"min_align_recall": 0.5, "min_align_precision": 0.57, "max_false_conflicts": 0,
                      "max_noise_leaks": 2}
    assert below_floors(today, floors) == []
    worse = Score(aligned_pairs=Count(20, 41), pair_precision=Count(3, 5), leaks=["a: 1", "b: 2", "c: 3"])
    assert below_floors(worse, floors) == ["align_recall 0.488 < floor 0.5", "noise_leaks 3 > ceiling 2"]
