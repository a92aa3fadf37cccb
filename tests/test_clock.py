"""Times of day of an event (compare/facts/clock.py) and the rows that compare them."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.accuracy import Story, run_story
from compare.facts import extract_facts
from compare.facts.clock import find_times
from compare.model import Article, Fact
from compare.textlayer import segment

EXTRA = Path(__file__).resolve().parent / "data" / "extra"
HELDOUT = Path(__file__).resolve().parent / "data" / "heldout"


@pytest.mark.parametrize(("text", "written", "value", "approx", "zone"), [
    ("ووقعت الهزة عند الساعة ٠٢:١٢ بتوقيت غرينتش", "الساعة ٠٢:١٢ بتوقيت غرينتش", "02:12", False, "gmt"),
    ("وقعت على الساعة الثالثة و12 دقيقة بالتوقيت المحلي", "الساعة الثالثة و12 دقيقة بالتوقيت المحلي", "03:12", False, "local"),
    ("انهار المبنى قرابة الرابعة والنصف فجراً", "قرابة الرابعة والنصف فجراً", "04:30", True, None),
    ("اندلع الحريق نحو العاشرة مساءً", "نحو العاشرة مساءً", "22:00", True, None),
    ("دوى الانفجار في الثالثة ليلاً", "الثالثة ليلاً", "03:00", False, None),
    ("ففي الساعة 03:12 من فجر أمس الإثنين", "الساعة 03:12", "03:12", False, None),  # the day stays a date
    ("اصطدم بقطار بضائع في الخامسة وأربعين دقيقة من صباح اليوم", "الخامسة وأربعين دقيقة", "05:40", False, None),
    ("أُغلقت الصناديق عند السابعة من مساء أمس الأحد", "السابعة", "19:00", False, None),
])
def test_times_of_day(text: str, written: str, value: str, approx: bool, zone: str | None) -> None:
    (t,) = find_times(text)
    assert (text[t.start:t.end], t.value, t.approx, t.zone) == (written, value, approx, zone)


@pytest.mark.parametrize("text", ["نشر في 10:30", "آخر تحديث 14:05 بتوقيت مكة", "في الجولة الثالثة من المفاوضات",
                                  "احتل المرتبة الرابعة"])
def test_a_bare_clock_or_an_ordinal_is_no_time(text: str) -> None:
    """Timestamps and tickers on saved pages stay out: a time needs «الساعة» or a part of the day."""
    assert find_times(text) == []


def test_hours_of_one_event_conflict_across_outlets() -> None:
    """h4: witnesses' «قرابة الرابعة والنصف فجراً» and «الساعة 4:30» against the authorities'
    «نحو السادسة صباحاً», 90 minutes apart: more than an approximate hour's reach."""
    folder = EXTRA / "h4_building_collapse"
    out = run_story(Story(folder.name, folder, folder / "gold.json")).output
    (row,) = [d for d in out["discrepancies"] if d["slot"].startswith("hour:")]
    assert row["kind"] == "conflict"
    assert sorted(v["value"] for v in row["values"]) == ["04:30", "04:30", "06:00"]


def test_the_hour_of_an_accident_meets_in_every_outlets_clock_and_words() -> None:
    """h6: «نحو الساعة 5:40 فجراً», «الخامسة وأربعين دقيقة من صباح اليوم» and «الساعة ٥:٤٠»
    against «حوالي السادسة والربع صباحاً»: the collision («اصطدم», «الحادث») is one event."""
    folder = HELDOUT / "h6_train_collision"
    out = run_story(Story(folder.name, folder, folder / "gold.json")).output
    (row,) = [d for d in out["discrepancies"] if d["slot"] == "hour:accidents"]
    assert row["kind"] == "conflict"
    assert sorted(v["value"] for v in row["values"]) == ["05:40", "05:40", "05:40", "06:15"]


@pytest.mark.parametrize(("text", "written", "value"), [
    ("بعد فوزه على الأمل بنتيجة 2-1 في المباراة", "بنتيجة 2-1", "2-1"),
    ("لتنتهي المباراة بهدفين لهدف لصالح الشعلة", "بهدفين لهدف", "2-1"),
    ("بعد فوزه على الأمل بهدفين مقابل هدف", "بهدفين مقابل هدف", "2-1"),
    ("بفوز الشعلة على الأمل (٢-١) على استاد الواحة", "(٢-١)", "2-1"),
    ("خسر الفريق 1-3 بنتيجة 1-3", "بنتيجة 1-3", "3-1"),  # the winner's goals first
    ("فاز بهدف نظيف", "بهدف نظيف", "1-0"),
    ("انتهت المباراة بالتعادل السلبي", "بالتعادل السلبي", "0-0"),
])
def test_match_results_in_digits_and_words(text: str, written: str, value: str) -> None:
    from compare.facts.scores import find_scores

    (r,) = find_scores(text)
    assert (text[r.start:r.end], r.value) == (written, value)


@pytest.mark.parametrize("text", ["المواد (12-14) من القانون", "كوفيد-19", "في الفترة 2020-2021", "الطريق 5-6"])
def test_a_dash_between_numbers_is_no_result_without_a_match(text: str) -> None:
    from compare.facts.scores import find_scores

    assert find_scores(text) == []


def test_one_result_written_four_ways_is_one_agreement() -> None:
    """d4: «بنتيجة 2-1», «بهدفين لهدف», «بهدفين مقابل هدف» and «(٢-١)» are one result."""
    folder = Path(__file__).resolve().parent / "data" / "devset" / "d4_football_final"
    out = run_story(Story(folder.name, folder, folder / "gold.json")).output
    row = next(d for d in out["discrepancies"] if d["slot"] == "score" and len(d["values"]) == 4)
    assert row["kind"] == "agreement" and {v["value"] for v in row["values"]} == {"2-1"}


@pytest.mark.parametrize("text", [
    "ففي الساعة 03:12 من فجر أمس الإثنين، ضرب زلزال بقوة 6.2 درجة على سلم ريشتر.",  # the event after it
    "وأفاد المعهد بأن الزلزال بلغت قوته 6.2 درجات، ووقع في الساعة 03:12 بالتوقيت المحلي على عمق عشرة كيلومترات.",
    "وأوضح المعهد أن الهزة وقعت على الساعة الثالثة و12 دقيقة بالتوقيت المحلي.",  # «الهزة» is the quake
])
def test_an_hour_dates_the_event_of_its_sentence(text: str) -> None:
    """d1: the hour of «ووقع في الساعة 03:12» is the quake's, named in the clause before it (the
    colon of a clock time ends no clause), not the depth's that follows it: no day dates a depth."""
    (hour,) = [f for f in _facts(text) if f.slot == "date:hour"]
    assert hour.frame.event == "magnitude"


def test_an_hour_beside_a_statement_is_when_it_was_said() -> None:
    """A verb of saying between the hour and an event stops the search: the ministry announced
    the toll at that hour; it says nothing of when the dead were killed."""
    (hour,) = [f for f in _facts("وفي الساعة العاشرة صباحاً، أعلنت الوزارة مقتل 30 شخصاً.") if f.slot == "date:hour"]
    assert hour.frame.event is None


def _facts(text: str) -> list[Fact]:
    return extract_facts([segment(Article(id="x.txt", source="x.txt", text=text, published="2025-06-30"))])


def test_the_half_time_score_is_compared_apart_from_the_result() -> None:
    """d4: «لينهي الضيوف الشوط الأول متقدمين بهدف نظيف» is the half-time score (its clause names
    the half) and meets «بهدف دون رد» of another outlet; the four ways of writing 2-1 stay one
    result, though one of them follows «في الشوط الثاني» in an earlier clause."""
    folder = Path(__file__).resolve().parent / "data" / "devset" / "d4_football_final"
    out = run_story(Story(folder.name, folder, folder / "gold.json")).output
    rows = {d["slot"]: d for d in out["discrepancies"] if d["slot"].startswith("score")}
    assert sorted(v["value"] for v in rows["score"]["values"]) == ["2-1"] * 4
    assert [v["value"] for v in rows["score|شوط#1"]["values"]] == ["1-0", "1-0"]
    assert rows["score|شوط#1"]["kind"] == "agreement"
