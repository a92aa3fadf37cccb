"""Tests of date finding and resolution (GUIDE §4) on seed sentences and general cases.

Seed expressions are located in the real files, so a test fails if the finder stops seeing
what the outlet wrote; general cases from other domains guard against seed-fitted rules.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.facts.dates import DateMention, find_dates, infer_publication_date

ROOT = Path(__file__).resolve().parents[1]
SEEDS = {p.name: p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))}
GOLD = json.loads((ROOT / "tests" / "data" / "gold.json").read_text(encoding="utf-8"))
S000, S001, S002, S003, S004 = sorted(SEEDS)

LEVANTINE = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
             "تشرين الأول", "تشرين الثاني", "كانون الأول"]
EGYPTIAN = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
            "نوفمبر", "ديسمبر"]
MAGHREB = ["يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر",
           "دجنبر"]
TOKENS = ["أمس", "أمسِ", "اليوم", "غداً", "بعد غد", "يوم", "الخميس", "الجمعة", "الأحد", "الماضي", "المقبل",
          "11", "31", "٢٩", "2", "حزيران", "/", "يونيو", "آب", "ماي", "رمضان", "شعبان", "2021", "1442", "هـ",
          "عام", "العام", "الأسبوع", "هذا", "نهاية", "في", "شهر", "من", "،", "-", "(", ")", "\n", "December",
          "29", "فبراير", "1900", "13/13/2021", "30/2/2020", "31/12/1442", "بغداد", "قناة"]
DATEISH = st.one_of(st.text(max_size=200), st.lists(st.sampled_from(TOKENS), max_size=40).map(" ".join),
                    st.lists(st.sampled_from(TOKENS), max_size=40).map("".join))


def published(name: str) -> date:
    return date.fromisoformat(GOLD["articles"][name]["published"])


def at(text: str, phrase: str, pub: date | None, context: str = "") -> DateMention:
    """The one mention inside ``phrase``; ``context`` picks the occurrence that follows it."""
    start = text.index(phrase, text.index(context) if context else 0)
    end = start + len(phrase)
    found = [m for m in find_dates(text, pub) if start <= m.start and m.end <= end]
    assert len(found) == 1, [text[m.start:m.end] for m in found]
    return found[0]


def one(text: str, pub: date | None = None) -> DateMention:
    found = find_dates(text, pub)
    assert len(found) == 1, [text[m.start:m.end] for m in found]
    return found[0]


def spans(text: str, pub: date | None = None) -> list[str]:
    return [text[m.start:m.end] for m in find_dates(text, pub)]


# --- seed 000, published Monday 2021-07-26 -------------------------------------------------

def test_seed000_thursday_in_speech_sentence() -> None:
    text = SEEDS[S000]
    m = at(text, "يوم الخميس", published(S000), context="جاء ذلك في كلمة حسين خلال الجولة الرابعة")
    assert (m.iso, m.weekday, m.relative, m.time) == ("2021-07-22", 3, True, "past")


@pytest.mark.parametrize(("phrase", "iso", "precision"), [
    ("ليلة أمس الأحد", "2021-07-25", "day"),
    ("اليوم الاثنين", "2021-07-26", "day"),
    ("يوم الخميس الماضي", "2021-07-22", "day"),
    ("نيسان الماضي", "2021-04", "month"),
    ("10 تشرين الأول المقبل", "2021-10-10", "day"),
    ("نهاية هذا العام", "2021", "year"),
    ("أواخر العام الماضي", "2020", "year"),
    ("الأسبوع الماضي", "2021-W29", "week"),
    ("الأسبوع الجاري", "2021-W30", "week"),
    ("عام 2014", "2014", "year"),
    ("25 تموز 2021", "2021-07-25", "day"),
])
def test_seed000_expressions(phrase: str, iso: str, precision: str) -> None:
    text = SEEDS[S000]
    m = at(text, phrase, published(S000))
    assert text[m.start:m.end] == phrase
    assert (m.iso, m.precision) == (iso, precision)


def test_seed000_details() -> None:
    text, pub = SEEDS[S000], published(S000)
    assert at(text, "ليلة أمس الأحد", pub).weekday_ok is True
    assert at(text, "نهاية هذا العام", pub).part == "late"
    assert at(text, "10 تشرين الأول المقبل", pub).time == "future"
    assert at(text, "الأسبوع الماضي", pub).value == date(2021, 7, 19)
    sunday = at(text, "الأحد (25 تموز 2021)", pub)  # weekday merged with its date and checked
    assert (sunday.iso, sunday.weekday_ok, text[sunday.start:sunday.end]) == ("2021-07-25", True,
                                                                              "الأحد (25 تموز 2021)")


def test_seed000_troop_counts_are_not_years() -> None:
    text = SEEDS[S000]
    sentence = text[text.index("وبلغ وجود القوات"):text.index("من 3000.") + 8]
    assert spans(sentence, published(S000)) == ["أواخر العام الماضي"]


# --- seed 004, published Saturday 2021-07-24 -----------------------------------------------

def test_seed004_relative_days() -> None:
    text, pub = SEEDS[S004], published(S004)
    friday = at(text, "أمس الجمعة", pub)
    assert (friday.iso, friday.weekday_ok, friday.time) == ("2021-07-23", True, "past")
    monday = at(text, "بعد غد الاثنين", pub)
    assert (monday.iso, monday.weekday_ok, monday.time) == ("2021-07-26", True, "future")
    assert at(text, "يونيو/ حزيران من العام الماضي", pub).iso == "2020-06"


def test_seed004_outlet_name_is_not_today() -> None:
    text = SEEDS[S004]
    start = text.index("بغداد اليوم")
    assert not [m for m in find_dates(text, published(S004)) if m.start < start + 11 and m.end > start]


def test_thursday_friday_discrepancy_resolves_one_day_apart() -> None:
    row = next(d for d in GOLD["discrepancies"] if d["id"] == "hussein-remarks-day")
    thursday = at(SEEDS[S000], "يوم الخميس", published(S000), context="جاء ذلك في كلمة حسين")
    friday = at(SEEDS[S004], "أمس الجمعة", published(S004))
    assert [thursday.iso, friday.iso] == ["2021-07-22", "2021-07-23"]
    assert "2021-07-22" in row["values"][S000][0] and "2021-07-23" in row["values"][S004][0]


# --- seeds 001-003 --------------------------------------------------------------------------

def test_seed002_weekday_with_date() -> None:
    text = SEEDS[S002]
    m = at(text, "الخميس، 11 حزيران/يونيو", published(S002))
    assert (m.iso, m.weekday, m.weekday_ok) == ("2020-06-11", 3, True)
    unresolved = at(text, "الخميس، 11 حزيران/يونيو", None)
    assert (unresolved.value, unresolved.weekday) == (None, 3)
    assert at(text, "يناير/كانون الثاني", published(S002)).iso == "2020-01"
    assert at(text, "شهر أيار/مايو الماضي", published(S002)).iso == "2020-05"
    assert at(text, "يوم الأربعاء", published(S002)).iso == "2020-06-10"


def test_seed002_covid_is_not_a_date() -> None:
    text = SEEDS[S002]
    start = text.index("كوفيد-19")
    assert not [m for m in find_dates(text, published(S002)) if m.start < start + 8 and m.end > start]


def test_seed001_latin_sidebar_date_is_flagged() -> None:
    m = at(SEEDS[S001], "December 19, 2024", published(S001))
    assert (m.latin, m.iso) == (True, "2024-12-19")


def test_seed003_maghreb_style_dateline_and_bare_month() -> None:
    text = SEEDS[S003]
    assert at(text, "11-يوليو-2021", None).iso == "2021-07-11"
    assert at(text, "ابريل 2021", None).iso == "2021-04"


# --- publication dates ----------------------------------------------------------------------

@pytest.mark.parametrize(("name", "expected", "evidence"), [
    ("000_fa21b2dda6de4db5.txt", date(2021, 7, 26), "dateline 26-07-2021"),
    ("003_1959643b4c841efe.txt", date(2021, 7, 11), "dateline 11-يوليو-2021"),
    ("002_e2731bd4b515444c.txt", date(2020, 6, 11), "weekday+day+month: الخميس، 11 حزيران/يونيو → 2020"),
])
def test_infer_publication_date(name: str, expected: date, evidence: str) -> None:
    assert infer_publication_date(SEEDS[name], date(2021, 7, 26)) == (expected, evidence)


@pytest.mark.parametrize("name", ["001_51785bafbf3e3a86.txt", "004_66b99715f277d18e.txt"])
def test_infer_guess_from_weekday_needs_reference(name: str) -> None:
    assert infer_publication_date(SEEDS[name]) is None  # the Latin sidebar date is not used
    found = infer_publication_date(SEEDS[name], date(2021, 7, 26))
    assert found is not None and found[0] == published(name) and found[1].startswith("guess")


def test_infer_weekday_year_respects_mentioned_years() -> None:
    text = "وقال الوزير الخميس، 11 حزيران/يونيو، إن الاتفاق الموقع عام 2018 ما زال ساريا."
    assert infer_publication_date(text, date(2021, 7, 26)) == (date(2020, 6, 11), "weekday+day+month: "
                                                                "الخميس، 11 حزيران/يونيو → 2020")
    assert infer_publication_date(text.replace("2018", "2021"), date(2021, 7, 26)) is None


def test_infer_full_date_in_lead() -> None:
    text = "عنوان الخبر\nنشر بتاريخ السبت 3 شتنبر 2022 على الساعة العاشرة صباحا في موقعنا الإخباري\nنص الخبر."
    assert infer_publication_date(text) == (date(2022, 9, 3),
                                            "full date in the first lines: السبت 3 شتنبر 2022")


# --- general cases from other domains -------------------------------------------------------

def test_weekday_mismatch_is_detected() -> None:
    m = one("وقال المدرب في مؤتمر صحافي أمس الجمعة إن الفريق جاهز.", date(2021, 7, 25))  # a Sunday
    assert (m.iso, m.weekday, m.weekday_ok) == ("2021-07-24", 4, False)


@pytest.mark.parametrize(("text", "pub", "iso"), [
    ("ارتفع التضخم في مارس الماضي إلى 5 في المئة", date(2022, 1, 10), "2021-03"),
    ("أعلن البنك المركزي في 15 مارس 2022 رفع الفائدة", None, "2022-03-15"),
    ("تجرى المباراة يوم 3 شتنبر 2019 بالرباط", None, "2019-09-03"),
    ("افتتح المهرجان في 20 دجنبر 2020", None, "2020-12-20"),
    ("صدر القرار في يوليوز 2018", None, "2018-07"),
    ("وقعت الحادثة في 5 آب 2020", None, "2020-08-05"),
    ("بدأ العمل في شهر آب", date(2020, 9, 1), "2020-08"),
    ("انعقد المؤتمر في ٢٦/٧/٢٠٢١ بحضور الوزراء", None, "2021-07-26"),
    ("بتاريخ 2021-07-26 صدر البيان", None, "2021-07-26"),
    ("صدر المرسوم في 1 رمضان 1442 هـ", None, "2021-04-13"),
    ("المؤرخ في 1/9/1442هـ", None, "2021-04-13"),
    ("تأسست الشركة سنة 1990", None, "1990"),
    ("ستفتتح المدرسة العام المقبل", date(2023, 5, 1), "2024"),
    ("تراجعت المبيعات السنة الماضية", date(2023, 5, 1), "2022"),
    ("ارتفعت الأسعار الشهر الماضي", date(2023, 1, 15), "2022-12"),
    ("تنطلق البطولة الخميس المقبل", date(2023, 6, 1), "2023-06-08"),
    ("فاز الفريق يوم السبت", date(2023, 6, 1), "2023-05-27"),
    ("وصل الوفد أول من أمس", date(2023, 6, 1), "2023-05-30"),
    ("في 11 حزيران/يونيو الماضي", date(2021, 3, 1), "2020-06-11"),
    ("وفي آب وقعت الاشتباكات", date(2020, 9, 1), "2020-08"),
    ("أواخر آذار المقبل", date(2020, 9, 1), "2021-03"),
    ("السبت 24 تموز/يوليو 2021", None, "2021-07-24"),
])
def test_general_cases(text: str, pub: date | None, iso: str) -> None:
    assert one(text, pub).iso == iso


def test_hijri_year_alone_is_recognised_but_not_resolved() -> None:
    m = one("تأسست المدرسة عام 1380 هـ", date(2021, 7, 25))
    assert (m.hijri, m.precision, m.value) == (True, "year", None)


def test_weekdays_in_a_list() -> None:
    found = find_dates("ستعقد الجلسات الأحد والاثنين", date(2021, 7, 21))
    assert [m.iso for m in found] == ["2021-07-25", "2021-07-26"]


def test_bare_weekday_rules() -> None:
    sunday = date(2021, 7, 25)
    assert one("التقى الوزير نظيره يوم الاثنين", sunday).iso == "2021-07-19"  # past: on or before
    assert one("ومن المقرر أن يلتقي الرئيس يوم الاثنين", sunday).iso == "2021-07-26"  # future cue
    assert one("وسيعقد الاجتماع الاثنين في القاهرة", sunday).iso == "2021-07-26"  # س-prefixed verb
    assert one("وقالت الوزارة الأحد إن", sunday).iso == "2021-07-25"  # same weekday: that day
    assert one("بدأت المحادثات الأحد الماضي", sunday).iso == "2021-07-18"


@pytest.mark.parametrize("text", [
    "مارس الضغط على الحكومة طوال سنوات",
    "قال أب الضحية إن ابنه بريء",
    "أدى المصلون صلاة الجمعة في المسجد",
    "جرى لقاء بين الاثنين في مكتبه",
    "وقال لقناة روسيا اليوم إن الوضع هادئ",
    "روسيا اليوم – متابعة",
    "احتفلت المدارس باليوم الوطني",
    "نشر نحو 2500 جندي و3000 آلية",
    "انتشار فيروس كوفيد-19 في المدينة",
    "انتهت المباراة بنتيجة 2-1 لصالح الفريق",
    "غدا الوضع أكثر تعقيدا",
    "عاد اللاعبون الأحد عشر إلى الملعب",
    "في الذكرى الاثنين والعشرين للتأسيس",
])
def test_not_dates(text: str) -> None:
    assert spans(text, date(2021, 7, 25)) == []


def test_offsets_keep_diacritics_and_drop_clitics() -> None:
    text = "وغداً الاثنين تنطلق القمة، وكان قد وصل أمسِ"
    assert spans(text, date(2021, 7, 25)) == ["غداً الاثنين", "أمسِ"]
    assert spans("والأسبوع الماضي بحث الوزير", date(2021, 7, 25)) == ["الأسبوع الماضي"]


def test_relative_without_publication_date_is_unresolved() -> None:
    m = one("وصل الوفد أمس الأحد", None)
    assert (m.value, m.weekday, m.weekday_ok, m.time, m.iso) == (None, 6, None, "past", None)


# --- properties and performance -------------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(DATEISH,
       st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1))))
def test_find_dates_never_raises_and_spans_are_sane(text: str, pub: date | None) -> None:
    for m in find_dates(text, pub):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end].strip()


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2150, 12, 31)), st.booleans())
def test_round_trip_every_month_set(day: date, indic: bool) -> None:
    for names in (LEVANTINE, EGYPTIAN, MAGHREB):
        text = f"{day.day} {names[day.month - 1]} {day.year}"
        if indic:
            text = text.translate({ord(str(i)): chr(0x660 + i) for i in range(10)})
        m = one(f"جرى ذلك في {text} بحضور الوفد")
        assert m.iso == day.isoformat()


def test_a_future_verb_in_the_reported_clause_does_not_move_the_day_of_saying() -> None:
    text = "وقال الوزير يوم الخميس إن المحادثات ستستأنف قريبا في العاصمة."
    (m,) = find_dates(text, date(2021, 7, 24))
    assert m.iso == "2021-07-22"
    (m,) = find_dates("سيلتقي الرئيس نظيره يوم الخميس في العاصمة", date(2021, 7, 24))
    assert m.iso == "2021-07-29"


def test_a_forecast_or_a_start_date_looks_ahead() -> None:
    (m,) = find_dates("وتتوقع الأرصاد هطول أمطار غزيرة مساء الجمعة على المرتفعات.", date(2025, 11, 20))
    assert m.iso == "2025-11-21"
    (m,) = find_dates("ويبدأ تطبيق التسعيرة الجديدة اعتباراً من الأحد.", date(2025, 11, 20))
    assert m.iso == "2025-11-23"


def test_a_call_to_act_on_a_day_looks_ahead_the_day_of_the_call_does_not() -> None:
    (m,) = find_dates("ودعت نقابات وأحزاب إلى الإضراب يوم الاثنين في كل القطاعات.", date(2021, 7, 22))
    assert m.iso == "2021-07-26"
    (m,) = find_dates("ودعا رئيس الوزراء يوم الاثنين إلى حوار وطني شامل.", date(2021, 7, 22))
    assert m.iso == "2021-07-19"


@pytest.mark.parametrize(("text", "iso"), [
    ("على أن تُستكمل الصفقة بالمرحلة الثالثة في الثامن من ديسمبر الجاري", "2025-12-08"),
    ("وتنطلق الدورة في الحادي والعشرين من مارس 2026", "2026-03-21"),
    ("ويبدأ العمل بالقرار في الأول من يناير 2026", "2026-01-01"),
])
def test_a_day_written_as_an_ordinal(text: str, iso: str) -> None:
    found = find_dates(text, date(2025, 12, 5))
    assert [m.iso for m in found] == [iso]


_PHRASES = ["5 تشرين الأول 2021", "11 كانون الثاني 2022", "3 ربيع الأول 1447 هـ", "10 ذو الحجة 1445",
            "قال الوزير اليوم الجمعة", "أمس الخميس", "بعد غد الاثنين", "يوم الأحد الماضي", "نهاية هذا العام",
            "الثامن من ديسمبر الجاري", "25 تموز/يوليو 2021"]


@settings(max_examples=300, deadline=None)
@given(phrase=st.sampled_from(_PHRASES), gaps=st.lists(st.sampled_from([" ", "  ", "\t", " \t ", "، ", " ,", "\u00a0"]),
                                                        min_size=12, max_size=12))
def test_any_whitespace_or_punctuation_between_the_words_of_a_date_never_crashes(phrase: str, gaps: list[str]) -> None:
    """The patterns accept any whitespace between words; every lookup keyed on matched text must
    too («تشرين  الأول» with two spaces raised a KeyError)."""
    words = phrase.split(" ")
    text = "".join(w + gaps[i % len(gaps)] for i, w in enumerate(words))
    for mention in find_dates(text, date(2025, 12, 5)):
        assert 0 <= mention.start < mention.end <= len(text)


def test_years_ago_is_a_year_and_dates_the_figures_of_its_sentence() -> None:
    """«قبل ثماني سنوات» in an article of 2025 is 2017, and «أودى بحياة 6 أشخاص» beside it is that
    year's toll, as one beside «عام 2017» is; «قبل نحو عشر سنوات» names no year to compare."""
    from compare.facts import extract_facts
    from compare.model import Article
    from compare.textlayer import segment

    def facts(text: str) -> list:
        article = Article(id="x.txt", source="x.txt", text=text, published="2025-06-17")
        return [f for f in extract_facts([segment(article)]) if f.type in ("date", "quantity")]

    ago = facts("وشهدت المدينة انهياراً مماثلاً قبل ثماني سنوات أودى بحياة 6 أشخاص")
    assert [(f.type, f.text, f.value) for f in ago] == [("date", "قبل ثماني سنوات", "2017"), ("quantity", "6 أشخاص", 6)]
    assert ago[1].slot == "killed|year:2017"
    assert [f.type for f in facts("وقع حادث مماثل قبل نحو عشر سنوات")] == ["quantity"]
