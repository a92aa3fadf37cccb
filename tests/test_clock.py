"""Times of day of an event (compare/facts/clock.py) and the rows that compare them."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.accuracy import Story, run_story
from compare.facts.clock import find_times

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
