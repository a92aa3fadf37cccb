"""Quantities on the seed articles (located by anchors, not retyped) and on phrases from other news."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from compare.facts.quantities import Quantity, find_quantities, find_years, noun_key, scope_key
from compare.normalize import key

ROOT = Path(__file__).resolve().parent.parent
SEEDS = {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))}
GOLD = json.loads((ROOT / "tests" / "data" / "gold.json").read_text(encoding="utf-8"))
TROOPS = noun_key("جنود")


def paragraph(seed: str, anchor: str) -> str:
    """The seed paragraph (line) that holds ``anchor``."""
    return next(line for line in SEEDS[seed].splitlines() if anchor in line)


def quantity(text: str, number: str) -> Quantity:
    """The one quantity whose number is written ``number``."""
    found = [q for q in find_quantities(text) if text[q.num_start:q.num_end] == number]
    assert len(found) == 1, [q.text for q in find_quantities(text)]
    return found[0]


def test_foreign_troops_and_american_subset() -> None:
    text = paragraph("004", "بينهم 2500")
    total, part = quantity(text, "3500"), quantity(text, "2500")
    assert (total.text, total.value, total.approx, total.noun) == ("نحو 3500 جندي أجنبي", 3500, True, TROOPS)
    assert total.scope == ["اجنبي"] and not total.subset
    assert (part.value, part.subset, part.noun, part.scope) == (2500, True, TROOPS, ["امريكي"])


def test_inferred_noun_and_earlier_level() -> None:
    text = paragraph("000", "حوالي 2500")
    now, before = quantity(text, "2500"), quantity(text, "3000")
    assert (now.approx, now.noun, now.noun_inferred, now.time) == (True, TROOPS, True, None)
    assert "امريكي" in now.scope
    assert (before.noun, before.noun_inferred, before.time) == (TROOPS, True, "earlier")


def test_years_are_not_quantities() -> None:
    text = paragraph("000", "عام 2014")
    assert [v for _, _, v in find_years(text)] == [2014, 2011]
    assert not [q for q in find_quantities(text) if q.value in (2014, 2011)]


def test_attacks() -> None:
    q = quantity(paragraph("000", "هجوماً"), "50")
    assert (q.approx, q.noun) == (True, "هجوم")


def test_seed_002() -> None:
    q = quantity(paragraph("002", "5200"), "5200")
    assert (q.text, q.approx, q.noun) == ("نحو 5200 جندي", True, TROOPS)
    text = paragraph("002", "قواعد فقط")
    only, before = quantity(text, "3"), quantity(text, "12")
    assert (only.text, only.exact, only.noun) == ("3 قواعد فقط", True, "قاعده")
    assert (before.noun, before.time) == ("قاعده", "earlier")
    assert find_quantities(paragraph("002", "كوفيد-19")) == []


def test_seed_001_rounds() -> None:
    q = quantity(paragraph("001", "على الأقل"), "ثلاث")
    assert (q.text, q.value, q.bound, q.noun) == ("ثلاث جولات على الأقل", 3, "min", "جوله")
    fourth = quantity(paragraph("001", "جولة رابعة"), "رابعة")
    assert (fourth.kind, fourth.value, fourth.noun, fourth.text) == ("ordinal", 4, "جوله", "جولة رابعة")


def test_ordinal_agrees_with_its_noun() -> None:
    q = quantity(paragraph("000", "جولة الحوار الرابعة"), "الرابعة")
    assert q.noun == "جوله"


def test_gold_non_facts_never_become_quantities() -> None:
    for item in GOLD["non_facts"]:
        text = SEEDS[item["file"][:3]]
        at = text.index(item["text"])
        spans = [(q.num_start, q.num_end) for q in find_quantities(text)]
        assert not [s for s in spans if s[0] < at + len(item["text"]) and at < s[1]], item


def test_gold_troop_figures_are_found() -> None:
    found = {q.value for seed in SEEDS.values() for q in find_quantities(seed) if q.noun == TROOPS}
    assert found == set(next(d for d in GOLD["discrepancies"] if d["id"] == "troops")["numbers"])


@pytest.mark.parametrize(("text", "value", "expect"), [
    ("ارتفع عدد القتلى إلى 53 قتيلا", 53, {"noun": "قتيل", "time": "updated"}),
    ("بلغت الخسائر 165 مليار دولار", 165e9, {"unit": "دولار", "noun": None}),
    ("فاز الحزب بنحو 40 بالمئة من الأصوات", 40, {"unit": "%", "approx": True, "noun": "صوت"}),
    ("صوت 40 في المئة", 40, {"unit": "%"}),
    ("نسبة 12.5%", 12.5, {"unit": "%"}),
    ("أصيب عشرات الجرحى", 20, {"kind": "vague", "high": 99, "noun": "جريح"}),
    ("منذ أكثر من 10 سنوات", 10, {"bound": "min", "noun": "سنه"}),
    ("أبقت 3 قواعد فقط", 3, {"exact": True, "noun": "قاعده"}),
    ("لا يقل عن 200 شخص", 200, {"bound": "min", "noun": "شخص"}),
    ("ما لا يزيد عن 15 طائرة", 15, {"bound": "max", "noun": "طايره"}),
    ("أقل من ثلاثة أشهر", 3, {"bound": "max", "noun": "شهر"}),
    ("قتل 12 مدنيا، بينهم خمسة أطفال", 5, {"subset": True, "noun": "طفل"}),
    ("خفضت الشركة عدد موظفيها من 1200 إلى 900", 1200, {"time": "earlier", "noun_inferred": True}),
    ("خفضت الشركة عدد موظفيها من 1200 إلى 900", 900, {"time": "updated"}),
    ("وكان عدد الضحايا 40", 40, {"time": "earlier", "noun": noun_key("الضحايا")}),
    ("ستخفض الحكومة عدد الوزارات إلى 20 وزارة", 20, {"time": "later"}),
    ("قتل قرابة ثلاثة آلاف وخمسمائة شخص", 3500, {"approx": True, "noun": "شخص"}),
    ("سقط 7 قتلى و12 جريحا", 12, {"noun": "جريح"}),
    ("خلال العقدين الماضيين", 2, {"kind": "dual", "noun": "عقد"}),
    ("يبلغ عدد سكانها نحو مليوني نسمة", 2e6, {"approx": True, "noun": "نسمه"}),
    ("ارتفعت الأسعار بنسبة ٪15", 15, {"unit": "%"}),
    ("صفقة بقيمة 2.5 مليار دولار أمريكي", 2.5e9, {"unit": "دولار", "scope": ["امريكي"]}),
    ("قتل 5 جنود وأصيب 12 آخرون", 12, {"noun": TROOPS, "noun_inferred": True}),
    ("قتل 3 أشخاص وأصيب خمسة، بينهم طفلان اثنان", 2, {"kind": "dual", "subset": True, "noun": "طفل"}),
    # two ends of a range share the second's noun and scale; «و» and a joined verb are no noun
    ("وحضر ما بين 7 و9 آلاف مشجع", 7000, {"noun": "مشجع", "low": 7000}),
    ("تتراوح أعمارهم بين 16 و19 عاماً", 16, {"noun": "سنه"}),
    ("بكلفة بين 3 و5 ملايين دولار", 3e6, {"unit": "دولار"}),
    ("قتل 5 وأصيب 12 آخرون", 5, {"noun": None}),
    ("بلغ عدد القتلى 12 وفقاً للشرطة", 12, {"noun": "قتيل"}),
    ("سجلت 5 وفيات جديدة", 5, {"noun": "وفيه"}),
    ("لقي عاملان حتفهما", 2, {"kind": "dual", "noun": "عامل"}),  # a masculine dual of a listed noun
    # a unit keeps its tanween alef: «دولاراً» is a unit, not a counted noun
    ("بقيمة 50 دولاراً", 50, {"unit": "دولار", "noun": None}),
    ("رياح بلغت سرعتها نحو 60 كيلومتراً في الساعة", 60, {"unit": "كم", "approx": True}),
    ("أتت النيران على 1200 هكتاراً", 1200, {"unit": "هكتار"}),
    # a verb of approaching or exceeding qualifies the figure across its subject
    ("بينما يناهز الدين العمومي 80 بالمائة", 80, {"approx": True, "bound": None}),
    ("ويتجاوز العجز المالي 13 مليار دينار", 13e9, {"bound": "min"}),
    ("لا يتجاوز عددهم 30 شخصاً", 30, {"bound": "max"}),
    # the adjectives of a measure's name are no scope
    ("أي ما يعادل 4.8% من الناتج المحلي الإجمالي", 4.8, {"scope": []}),
    # a qualifier is no verb of change: «أزيد من» is "more than", and «إلى أكثر من» the new level
    ("وسجل المعهد أزيد من أربعين هزة ارتدادية", 40, {"time": None, "bound": "min", "noun": "هزه"}),
    ("وارتفع عدد القتلى إلى أكثر من 50 شخصاً", 50, {"time": "updated"}),
    ("وارتفع عدد القتلى من نحو 20 إلى 27", 20, {"time": "earlier"}),
    ("بعد ساعتين اثنتين", 2, {"noun": "ساعه"}),  # the number word counts, once
])

def test_general_phrases(text: str, value: float, expect: dict[str, object]) -> None:
    (q,) = [q for q in find_quantities(text) if q.value == value]
    assert {k: getattr(q, k) for k in expect} == expect


@pytest.mark.parametrize("text", [
    "المادة 140 من الدستور", "القرار رقم 2254", "هو واحد من أكبر المشاريع", "منذ 2003", "في 10 تشرين الأول المقبل",
    "وصل في 11 حزيران/يونيو", "كوفيد-19", "0 تعليق\nنص",
    "أخليت بنايتين ملاصقتين للمبنى", "زار لبنان وعمان وإيران",  # an adjective agreeing with a dual; names
    "تضررت البلدات المحيطة بالدرجة الأولى", "في المقام الأول", "لاعب من الطراز الأول", "قالت السيدة الأولى",
])
def test_not_quantities(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize(("words", "same"), [
    (["جندي", "جنود", "الجنود", "القوات", "عسكريين", "جنديا"], True),
    (["قاعدة", "قواعد", "القواعد"], True), (["هجوم", "هجمات", "هجوماً"], True),
    (["قتيل", "قتلى", "قتيلا"], True), (["مسلح", "مسلحين", "المسلحون"], True),
    (["طائرة", "طائرات", "طائرتين"], True), (["جولة", "جولات", "جولته"], True),
    (["لقاء", "قاء"], False), (["قاعدة", "مقعد"], False),
])
def test_noun_key(words: list[str], same: bool) -> None:
    assert (len({noun_key(key(w)) for w in words}) == 1) is same


def test_scope_key_folds_gender_number_article_and_spelling() -> None:
    assert {scope_key(key(w)) for w in ["أمريكي", "الأميركية", "أمريكيين", "الأمريكيون"]} == {"امريكي"}
    assert {scope_key(key(w)) for w in ["أجنبي", "أجنبية", "الأجنبية"]} == {"اجنبي"}


def test_day_of_month_and_sidebar_dates_are_not_quantities() -> None:
    text = "وصل الأحد (25 تموز 2021) ويعود في 11 حزيران/يونيو - December 19, 2024"
    assert find_quantities(text) == []
    assert [y for _, _, y in find_years(text)] == [2021, 2024]


QUALIFIERS = tomllib.loads((Path(__file__).resolve().parent.parent / "compare" / "facts" / "lexicons"
                            / "qualifiers.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("side", "phrase"), [(side, p) for side, ps in QUALIFIERS["before"].items() for p in ps])
def test_every_qualifier_before_a_figure_qualifies_it(side: str, phrase: str) -> None:
    (q,) = [q for q in find_quantities(f"وقالت الشرطة إن {phrase} 30 شخصاً أصيبوا.") if q.value == 30]
    assert (q.approx, q.bound) == {"approx": (True, None), "min": (False, "min"), "max": (False, "max")}[side]


@pytest.mark.parametrize(("side", "phrase"), [(side, p) for side, ps in QUALIFIERS["after"].items() for p in ps])
def test_every_qualifier_after_a_figure_qualifies_it(side: str, phrase: str) -> None:
    (q,) = [q for q in find_quantities(f"وأصيب 30 شخصاً {phrase} في الحادث.") if q.value == 30]
    assert (q.approx, q.bound, q.exact) == {"approx": (True, None, False), "min": (False, "min", False),
                                           "max": (False, "max", False), "exact": (False, None, True)}[side]
