"""Claim frames: what a figure measures decides which figures meet (issue 9).

Sentences written for these tests in the styles of the three desks, then the rows the diff
makes from frames on an annotated dev story (tests/data/devset).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compare.facts import extract_facts
from compare.facts.frames import markers
from compare.model import Article, Fact
from compare.pipeline import compare, compare_articles
from compare.textlayer import segment

DEVSET = Path(__file__).resolve().parent / "data" / "devset"


def _quantity(sentence: str, figure: str, published: str = "2025-06-30") -> Fact:
    article = Article(id="x.txt", source="x.txt", text=sentence, published=published)
    facts = [f for f in extract_facts([segment(article)]) if f.type == "quantity"]
    return next(f for f in facts if f.text.startswith(figure) or figure in f.text)


@pytest.mark.parametrize(("sentence", "figure", "event"), [
    ("قُتل 5 جنود في هجوم على ثكنة عسكرية.", "5", "killed"),
    ("أعلنت الشرطة اعتقال 12 شخصاً بعد الاشتباكات.", "12", "arrested"),
    ("وأصيب 40 شخصاً بجروح متفاوتة في الحادث.", "40", "injured"),
    ("ونزح أكثر من ألفي شخص من منازلهم خلال الليل.", "أكثر من ألفي", "displaced"),
    ("ولقي 21 شخصاً مصرعهم في حصيلة جديدة.", "21", "killed"),
    ("وبلغت نسبة المشاركة 41 في المئة.", "41", "turnout"),
    ("وحصل حزب الأمل على 30 مقعداً في البرلمان الجديد.", "30", "seats"),
    ("وغرق قارب كان يقل نحو مئتي شخص.", "نحو مئتي", "passengers"),
    ("وأكد أن ما لا يقل عن 60 شخصاً لقوا حتفهم.", "ما لا يقل عن 60", "killed"),  # «لا يقل عن» bounds
    ("تحدث ناجون عن وجود قرابة مئتي مهاجر على متن المركب.", "قرابة مئتي", "passengers"),
    ("ولقي 50 مهاجراً مصرعهم قبالة السواحل.", "50", "killed"),
    ("وقالت إن السلطات أخلت 11 بلدة.", "11", "evacuated"),
    ("لقي عاملان حتفهما وعلق 15 آخرون تحت الأرض.", "15", "trapped"),
    ("وتمكنت فرق الإنقاذ من إخراج ستة عمال أحياء.", "ستة", "rescued"),
])
def test_a_figure_measures_its_event_not_its_noun(sentence: str, figure: str, event: str) -> None:
    """«شخص» and «%» say nothing: the event word of the clause does, before or after the figure."""
    assert _quantity(sentence, figure).frame.event == event


@pytest.mark.parametrize(("sentence", "figure", "event"), [
    ("وأتى الحريق على فندق من اثني عشر طابقاً.", "اثني عشر", "storeys"),  # floors, not burned area
    ("ودمّر الزلزال 40 مدرسة في المنطقة.", "40", "destroyed"),  # not the magnitude of «الزلزال»
    ("وقضت المحكمة بسجن 5 متهمين في القضية.", "5", "defendants"),  # a term is counted in years
    ("وضرب زلزال بقوة 5.8 درجة المنطقة.", "5.8", "magnitude"),
    ("وقضت المحكمة بسجن المتهم 7 سنوات.", "7", "prison_sentence"),
])
def test_a_measure_takes_only_figures_in_its_units(sentence: str, figure: str, event: str) -> None:
    """A class measured in units (degrees, years) does not take a figure that counts something
    else, however near its word stands: the scan goes on to the next event word."""
    assert _quantity(sentence, figure).frame.event == event


@pytest.mark.parametrize(("sentence", "figure", "value", "unit", "event"), [
    ("وأتت النيران على 8 آلاف دونم من الأحراج.", "8 آلاف", 800, "هكتار", "burned_area"),  # a metric dunam
    ("والتهمت الحرائق نحو 500 فدان من المزارع.", "نحو 500", 210, "هكتار", "burned_area"),
    ("وأعلن الحريق في المصنع عن تضرر 2500 هكتار من الحقول.", "2500", 2500, "هكتار", "burned_area"),
    ("ووصلت 30 ألف كيلوغرام من المساعدات الغذائية.", "30 ألف", 30, "طن", "aid"),
])
def test_figures_in_other_units_are_compared_in_one(sentence: str, figure: str, value: float, unit: str,
                                                    event: str) -> None:
    """Units with a fixed ratio are compared in one unit, so «12 ألف دونم» meets «1200 هكتار»; a
    class that counts things (fires) hands a figure in its domain's unit to the class measured in
    it (the burned area)."""
    fact = _quantity(sentence, figure)
    assert (fact.value, fact.unit, fact.frame.event) == (value, unit, event)


def test_a_count_of_people_takes_no_area() -> None:
    """«1500 هكتار ووفاة متطوع»: the death after the figure does not make hectares a toll."""
    area = _quantity("ارتفاع المساحة المتضررة في الجبل إلى 1500 هكتار ووفاة متطوع", "1500")
    assert area.frame.event != "killed"


def test_a_capacity_word_decides_over_the_counted_noun() -> None:
    """«يتسع لـ60 ألف متفرج» is what the stadium holds, not how many came."""
    held = _quantity("وأقيمت المباراة في ملعب المدينة الذي يتسع لـ60 ألف متفرج.", "60 ألف")
    came = _quantity("وحضر المباراة 48 ألف متفرج.", "48 ألف")
    assert held.frame.event == "capacity" and came.frame.event == "attendance"


def test_what_a_contest_is_for_is_the_whole() -> None:
    """«تتنافس خمسة أحزاب على 90 مقعداً» names all the seats, not a party's share."""
    whole = _quantity("وتتنافس خمسة أحزاب في الدورة الجديدة على 90 مقعداً في البرلمان.", "90")
    share = _quantity("وحصل حزب الأمل على 30 مقعداً في البرلمان الجديد.", "30")
    assert whole.frame.holder == "total" and share.frame.holder != "total"


def test_since_after_a_superlative_ranks_the_event_and_makes_no_running_total() -> None:
    ranked = _quantity("وأكدت المنظمة أن 45 شخصاً لقوا حتفهم في أسوأ كارثة منذ بداية العام.", "45")
    total = _quantity("وارتفع عدد ضحايا الغرق منذ بداية العام إلى 900 شخص.", "900")
    assert ranked.frame.time is None and total.frame.time == "cumulative"


def test_a_preliminary_turnout_is_provisional_and_the_turnout_has_no_holder() -> None:
    """«نسبة المشاركة الأولية»: an early figure of an election; «المشاركة» is the event's own word,
    not whose turnout it is."""
    early = _quantity("وقالت الهيئة إن نسبة المشاركة الأولية بلغت نحو 38 في المئة.", "نحو 38")
    final = _quantity("وبلغت نسبة المشاركة 36.5 في المئة.", "36.5")
    assert early.frame.time == "provisional" and final.frame.time is None
    assert early.frame.holder is None and final.frame.holder is None and early.slot == final.slot


@pytest.mark.parametrize(("sentence", "figure", "event"), [
    ("وأدى السيل إلى انهيار ثلاثين منزلاً في القرية.", "ثلاثين", "destroyed"),
    ("ولقي 7 عمال حتفهم في الحادث.", "7", "killed"),
])
def test_a_phrase_its_figure_interrupts_is_its_event(sentence: str, figure: str, event: str) -> None:
    """«انهيار ... منزلاً» is «انهيار منازل» counted; «لقي ... حتفهم» is «لقي حتفه»."""
    assert _quantity(sentence, figure).frame.event == event


def test_adad_names_what_is_counted() -> None:
    """«ارتفع عدد الموقوفين ... إلى 23 شخصاً»: the figure counts the arrested, whatever other event
    word («أسعار») stands nearer."""
    held = _quantity("وارتفع عدد الموقوفين في الاحتجاجات على رفع الأسعار إلى 31 شخصاً.", "31")
    assert held.frame.event == "arrested"
    apart = _quantity("وارتفع عدد المعتقلين، بحسب مصادر حقوقية، على خلفية الاحتجاجات ضد غلاء الأسعار، إلى 40 شخصاً.",
                      "40")
    assert apart.frame.event == "arrested"  # «... إلى 40»: across the commas of its sentence


def test_the_past_perfect_tells_an_earlier_level() -> None:
    """«وكانت الحكومة قد رفعت الأسعار بنسبة 12%»: what happened before the news, not its figure."""
    before = _quantity("وكانت الحكومة قد رفعت أسعار الخبز في مارس بنسبة 12%، ما أثار احتجاجات.", "12%")
    now = _quantity("ورفعت الحكومة أسعار الخبز بنسبة 15% اعتباراً من اليوم.", "15%")
    assert before.frame.time == "earlier" and now.frame.time is None
    said = _quantity("وكانت اللجنة قد أعلنت أن 300 شخص شاركوا في الوقفة.", "300")
    assert said.frame.time is None  # an earlier saying, not an earlier level


def test_their_number_is_the_number_of_those_named_before() -> None:
    """«تجمع محتجون ...، وقدّرت الشرطة عددهم بنحو ثلاثة آلاف»: the crowd, told across commas."""
    crowd = _quantity("واحتشد محتجون أمام البرلمان مساء الأحد، وقدّرت الشرطة عددهم بنحو ثلاثة آلاف شخص.", "نحو ثلاثة آلاف")
    assert crowd.frame.event == "demonstrators"
    assert crowd.frame.source == "شرطه"  # who estimated it, up to the figure


@pytest.mark.parametrize(("sentence", "figure", "value"), [
    ("ليصبح سعر لتر السولار ديناراً واحداً و200 فلس.", "ديناراً واحداً", 1.2),  # a fils is 1/1000 of a dinar
    ("وبلغ سعر الوجبة 35 درهماً و50 فلساً.", "35 درهماً", 35.5),  # ... and 1/100 of a dirham
    ("وبيع الكيلو 18 جنيهاً و25 قرشاً.", "18 جنيهاً", 18.25),  # «الكيلو 18» is no label before a price
])
def test_an_amount_and_its_minor_part_are_one_figure(sentence: str, figure: str, value: float) -> None:
    fact = _quantity(sentence, figure)
    assert fact.value == value and "و" in fact.text


def test_a_price_is_of_what_its_words_name_and_an_aside_does_not_cut_its_clause() -> None:
    """«سعر كيلو اللحم البلدي (الضأن) من 9 إلى 11 ديناراً»: the price of local meat, read across the
    aside; the price of bread beside it is another row's."""
    text = "وارتفع سعر كيلو اللحم البلدي (الضأن) من 9 إلى 11 ديناراً، فيما بلغ سعر ربطة الخبز 0.5 دينار."
    meat = _quantity(text, "11")
    assert meat.frame.event == "price" and meat.frame.item == "لحم بلدي"
    bread = _quantity(text, "0.5")
    assert bread.frame.item == "خبز" and bread.slot != meat.slot


def test_a_disease_in_the_clause_makes_the_injured_and_the_suspected_cases() -> None:
    """«تسجيل 300 حالة يشتبه بإصابتها بالحصبة»: infections (events.toml ``absorbs``); without a
    disease the same words count the injured."""
    infected = _quantity("وأعلنت الوزارة تسجيل 300 حالة يشتبه بإصابتها بالحصبة في المخيم.", "300")
    injured = _quantity("وأصيب 40 شخصاً بجروح في الحادث.", "40")
    assert infected.frame.event == "cases" and injured.frame.event == "injured"


def test_a_toll_has_no_holder() -> None:
    """«سجّلت الوزارة» names who counted a toll, not whose it is: other outlets' tolls must meet it."""
    cases = _quantity("وسجّلت الوزارة 30 وفاة جديدة خلال يوم.", "30")
    assert cases.frame.event == "killed" and cases.frame.holder is None


def test_a_frame_keeps_holder_place_time_source_and_basis() -> None:
    seats = _quantity("وحصل حزب الأمل على 30 مقعداً من أصل 120 مقعداً في البرلمان.", "30")
    total = _quantity("وحصل حزب الأمل على 30 مقعداً من أصل 120 مقعداً في البرلمان.", "120")
    assert seats.frame.holder == "حزب امل" and total.frame.holder == "total" and seats.slot != total.slot
    cases = _quantity("وأودى الوباء بحياة 20 شخصاً من أصل 600 حالة إصابة مسجلة.", "600")
    assert cases.frame.holder is None  # the whole of another kind: the outlet's count of cases
    local = _quantity("وسقط 19 من القتلى في بلدة تالا وحدها.", "19")
    assert local.frame.place == "بلده تالا"
    wide = _quantity("وأتت الحرائق على نحو ثلاثة آلاف هكتار في عموم البلاد.", "نحو ثلاثة آلاف")
    assert wide.frame.place == "wide"
    old = _quantity("وكان زلزال عام 1994 قد أودى بحياة 612 شخصاً.", "612")
    assert old.frame.time == "year:1994" and "1994" in old.slot
    reported = _quantity("وأصيب 40 شخصاً بجروح، وفق الهلال الأحمر.", "40")
    assert reported.frame.source == "هلال احمر"
    text = "وأصيب 40 شخصاً بجروح، وفق الهلال الأحمر."
    start, end = reported.frame.spans["source"]
    assert text[start:end] == "الهلال الأحمر"  # offsets point at the outlet's own words
    annual = _quantity("وارتفع معدل التضخم السنوي إلى 7.8% في أكتوبر.", "7.8")
    assert annual.frame.basis == "annual" and annual.frame.event == "inflation"


def test_provisional_and_updated_counts_are_marked_only_for_growing_tolls() -> None:
    early = _quantity("وخلّف الزلزال في حصيلة أولية تسعة قتلى.", "تسعة")
    assert early.frame.time == "provisional"
    magnitude = _quantity("ضرب زلزال بقوة 6.2 درجة، وخلّف في حصيلة أولية تسعة قتلى.", "6.2")
    assert magnitude.frame.time is None  # a magnitude does not rise through the day


@pytest.mark.parametrize(("sentence", "phrase"), [
    ("وأغلقت الانهيارات الطريق الوطني رقم 17 المؤدي إلى القرى.", "17"),
    ("صدر القانون رقم 25 لسنة 2023 لتنظيم الانتخابات.", "2023"),
    ("وشارك عناصر من اللواء 17 في عمليات البحث.", "17"),
    ("وتقام البطولة في نسختها الـ23 هذا الصيف.", "23"),
    ("وارتطمت الكرة بالخشبات الثلاث قبل أن تخرج.", "الثلاث"),
    ("وارتفع سعر البنزين أوكتان 92 إلى دينار ونصف.", "92"),  # a grade of fuel
    ("وبلغ سعر غرام الذهب عيار 21 نحو 40 ديناراً.", "21"),  # a grade of gold
])
def test_numbers_in_names_are_not_counts(sentence: str, phrase: str) -> None:
    article = Article(id="x.txt", source="x.txt", text=sentence, published="2025-06-30")
    figures = [f for f in extract_facts([segment(article)]) if f.type in ("quantity", "date")]
    assert not [f for f in figures if phrase in f.text], figures


@pytest.fixture(scope="module")
def earthquake() -> dict:
    return _compared("d1_earthquake")


@pytest.fixture(scope="module")
def football() -> dict:
    return _compared("d4_football_final")


def _compared(story: str) -> dict:
    """A dev story's comparison as its JSON reads."""
    return json.loads(json.dumps(compare([str(DEVSET / story)]).to_dict(), ensure_ascii=False, default=str))


def _rows_with(data: dict, *texts: str) -> list[dict]:
    return [d for d in data["discrepancies"] if all(any(t in v["text"] for v in d["values"]) for t in texts)]


def test_unseen_story_rows_come_from_frames(earthquake: dict) -> None:
    """d1: the magnitudes meet (one foreign centre's 6.4 against the national 6.2), the injured
    conflict, the rising toll is another time, the 1994 toll never meets 2025's."""
    magnitude = _rows_with(earthquake, "٦٫٤", "6.2")
    assert magnitude and magnitude[0]["kind"] == "conflict" and magnitude[0]["label"] == "قوة الزلزال"
    injured = _rows_with(earthquake, "86 جريحاً", "١١٢")
    assert injured and injured[0]["kind"] == "conflict" and injured[0]["label"] == "عدد الجرحى"
    toll = _rows_with(earthquake, "تسعة قتلى", "سبعة وعشرين قتيلاً")
    assert toll and toll[0]["kind"] == "time"
    assert not _rows_with(earthquake, "612", "سبعة وعشرين قتيلاً")
    speaker = [d for d in earthquake["discrepancies"] if d["label"] == "قائل التصريح"]
    assert speaker and speaker[0]["kind"] == "conflict"
    assert {v["text"] for v in speaker[0]["values"]} >= {"وزير الداخلية إبراهيم بلقاسم", "وزير السكن والعمران، رضا حمادي"}


def test_no_row_meets_on_a_noun_or_unit_alone(earthquake: dict) -> None:
    """Every compared row has a frame event or stands inside one aligned claim."""
    facts = {f["id"]: f for f in earthquake["facts"]}
    for d in earthquake["discrepancies"]:
        if d["kind"] in ("single-source", "wording") or d["slot"].startswith(("speaker", "year", "date")):
            continue
        frames = [facts[v["fact"]]["frame"] for v in d["values"] if v["fact"] in facts]
        assert all(f and f["event"] for f in frames) or "@" in d["slot"], d


def test_an_index_noun_makes_an_ordinal_not_a_count() -> None:
    """«الدقيقة 78 بتسديدة» is the 78th minute, not 78 shots."""
    goal = _quantity("ثم خطف اللاعب هدف الفوز في الدقيقة 78 بتسديدة قوية.", "الدقيقة 78")
    assert goal.form == "ordinal" and goal.noun == "دقيقه"


def test_a_level_reached_before_the_news_is_the_present_one() -> None:
    heat = _quantity("أعلنت الأرصاد حالة التأهب بعدما بلغت الحرارة في الوادي 49 درجة مئوية.", "49")
    assert heat.time is None and heat.frame.time is None and heat.frame.event == "temperature"


def test_an_outlet_giving_one_frame_two_values_is_never_a_guessed_conflict() -> None:
    """d8: outlets tell the first and second stage of one exchange with the same words; a row
    where one outlet gives two values of one time reports only what outlets share."""
    data = json.loads(json.dumps(compare([str(DEVSET / "d8_prisoner_exchange")]).to_dict(), ensure_ascii=False,
                                 default=str))
    facts = {f["id"]: f for f in data["facts"]}
    for d in data["discrepancies"]:
        if d["kind"] != "conflict" or d["label"] == "قائل التصريح":
            continue
        per_outlet: dict[str, set] = {}
        for v in d["values"]:
            f = facts.get(v["fact"])
            if f and f["type"] == "quantity" and f["time"] not in ("earlier", "later"):
                per_outlet.setdefault(v["article"], set()).add(v["value"])
        assert all(len(values) == 1 for values in per_outlet.values()), d


def test_same_words_on_inferred_dates_warn_instead_of_conflicting() -> None:
    """«أمس» in two copies whose publication dates were inferred a day apart: a warning on the
    dates, not a conflict between the outlets."""
    text = "وضرب زلزال عنيف المنطقة الجبلية أمس مخلفاً أضراراً كبيرة في المنازل والطرق."
    articles = [Article(id=f"{n}.txt", source=f"{n}.txt", text=text, published=day, published_inferred=True)
                for n, day in (("a", "2025-07-01"), ("b", "2025-07-02"))]
    comparison = compare_articles(articles)
    assert not [d for d in comparison.discrepancies if d.kind == "conflict"]
    assert any("«أمس»" in w and "2025-07-01" in w and "2025-07-02" in w for w in comparison.warnings)


@pytest.mark.parametrize(("sentence", "figure", "value", "event"), [
    ("فيما برأت المحكمة متهماً واحداً لعدم كفاية الأدلة.", "متهماً واحداً", 1, "acquitted"),
    ("وقضت المحكمة ببراءة متهمَيْن لعدم ثبوت الأدلة.", "متهمَيْن", 2, "acquitted"),
])
def test_one_after_its_noun_and_a_vocalised_dual_are_counts(sentence: str, figure: str, value: int,
                                                           event: str) -> None:
    fact = _quantity(sentence, figure)
    assert fact.value == value and fact.frame.event == event


def test_a_figure_after_a_named_stage_belongs_to_it() -> None:
    text = ("يشمل الاتفاق الإفراج عن نحو 140 أسيراً، أُفرج عن 39 منهم في المرحلة الأولى. "
            "ونُفذت المرحلة الثانية أمس، وأُفرج خلالها عن 46 أسيراً.")
    article = Article(id="x.txt", source="x.txt", text=text, published="2025-12-07")
    facts = {f.text: f for f in extract_facts([segment(article)]) if f.type == "quantity" and f.form != "ordinal"}
    assert facts["نحو 140 أسيراً"].frame.stage is None  # told before any stage is named
    assert facts["46 أسيراً"].frame.stage == "مرحله#2"
    assert facts["46 أسيراً"].slot != facts["نحو 140 أسيراً"].slot


def test_a_figure_after_bahd_came_before_the_stage_its_sentence_names() -> None:
    """«المرحلة الثالثة الأحد بعد الإفراج عن 52 معتقلاً»: the 52 were freed before stage three;
    «بعد غد» is a day and keeps the date in its stage."""
    text = "صفقة التبادل: المرحلة الثالثة الأحد بعد الإفراج عن 52 معتقلاً. وتُنفذ المرحلة الرابعة بعد غد الاثنين."
    article = Article(id="x.txt", source="x.txt", text=text, published="2025-12-05")
    facts = {f.text: f for f in extract_facts([segment(article)]) if f.form != "ordinal"}
    assert facts["52 معتقلاً"].frame.stage is None
    assert facts["بعد غد الاثنين"].frame.stage == "مرحله#4"


def test_a_sentence_of_two_claims_gives_its_figure_to_the_claim_its_clause_tells(football: dict) -> None:
    """d4: one outlet tells the equaliser and the winning goal in one sentence («... وأدركوا
    التعادل، قبل أن يسجل يوسف بن عمر هدف الفوز في الدقيقة 81»). Its minute meets the other
    outlets' winning-goal minute (78) as a conflict; the first goal's and the equaliser's minutes
    stay agreements of their own, and no row mixes the minutes of two goals."""
    minutes = [d for d in football["discrepancies"] if d["label"] == "دقيقة المباراة" and len({v["article"] for v in d["values"]}) > 1]
    winning = [d for d in minutes if any(v["text"] == "الدقيقة 81" for v in d["values"])]
    assert len(winning) == 1 and winning[0]["kind"] == "conflict"
    assert {v["text"] for v in winning[0]["values"]} == {"الدقيقة 78", "الدقيقة 81"}
    assert len({v["article"] for v in winning[0]["values"]}) == 4
    for row in minutes:
        values = {v["text"] for v in row["values"]}
        assert not ("الدقيقة 23" in values and "الدقيقة 56" in values), row


def test_an_outlets_figure_of_another_order_is_another_claim(football: dict) -> None:
    """d4: two outlets give the crowd and, in the same frame, the visiting fans (8 thousand):
    the crowds (52, about 50, 45 thousand) conflict in one row, the fans stay out of it."""
    crowd = [d for d in football["discrepancies"] if any(v["text"] == "52 ألف متفرج" for v in d["values"])
             and d["kind"] == "conflict"]
    assert len(crowd) == 1
    assert {v["text"] for v in crowd[0]["values"]} == {"52 ألف متفرج", "نحو خمسين ألف متفرج", "45 ألفاً من المشجعين"}


def test_the_term_an_outlet_leads_with_meets_the_others_term() -> None:
    """d6: two outlets give the main defendant's term and his deputy's in one frame, a third only
    the main one (12 years, in its lead): the leads' terms (15, 15, 12) conflict, the deputy's
    terms (10, 10) agree apart."""
    data = _compared("d6_court_verdict")
    terms = [d for d in data["discrepancies"] if d["label"] == "مدة السجن" and d["kind"] in ("conflict", "agreement")]
    main = [d for d in terms if any(v["text"] == "12 عاماً" for v in d["values"])]
    assert len(main) == 1 and main[0]["kind"] == "conflict"
    assert {v["text"] for v in main[0]["values"]} == {"15 عاماً", "خمس عشرة سنة", "12 عاماً"}
    deputy = [d for d in terms if any(v["text"] == "عشر سنوات" for v in d["values"])]
    assert deputy and deputy[0]["kind"] == "agreement" and "12 عاماً" not in {v["text"] for v in deputy[0]["values"]}


def test_a_vague_echo_gives_way_to_the_outlets_precise_figure() -> None:
    """d5: one outlet heads with «عشرات القتلى» and reports «ما لا يقل عن 60 شخصاً» below: the
    precise figure meets the others' tolls (63, 58, 63), the vague one does not stand for it."""
    data = _compared("d5_boat_sinking")
    toll = [d for d in data["discrepancies"] if any(v["text"] == "58 جثة" for v in d["values"])]
    assert len(toll) == 1
    texts = {v["text"] for v in toll[0]["values"]}
    assert "ما لا يقل عن 60 شخصاً" in texts and "عشرات القتلى" not in texts


def test_a_preliminary_figure_near_the_final_one_is_another_time() -> None:
    """d2: one outlet gives the preliminary turnout (about 43%), the others the final 41.3%: the
    figures are of two times, which an editor reads before any approximation."""
    data = _compared("d2_election")
    turnout = [d for d in data["discrepancies"] if d["label"] == "نسبة المشاركة" and len(d["values"]) > 1]
    assert len(turnout) == 1 and turnout[0]["kind"] == "time"
    assert len({v["article"] for v in turnout[0]["values"]}) == 4


def test_a_row_explains_its_own_kind(earthquake: dict, football: dict) -> None:
    """An agreement among the parts of a scope row says the values agree, not that they count
    different sets."""
    from compare.diff import _REASONS

    rows = [d for data in (earthquake, football) for d in data["discrepancies"] if d["explanation"] in _REASONS.values()]
    assert rows and all(d["explanation"] == _REASONS[d["kind"]] for d in rows)


@pytest.mark.parametrize(("sentence", "figure", "source"), [
    ("أعلنت وزارة الصحة مساء اليوم السبت تسجيل 412 حالة يشتبه بإصابتها بالكوليرا.", "412", "وزاره صحه"),
    ("ارتفعت الحصيلة إلى 468 حالة، بحسب أحدث بيان أصدرته وزارة الصحة ظهر اليوم.", "468", "وزاره صحه"),
    ("كشفت منظمة الصحة العالمية أن الوباء أودى بحياة 14 شخصاً.", "14", "منظمه صحه"),
    ("قتل 12 شخصاً وفق الدفاع المدني.", "12", "دفاع مدني"),
])
def test_a_figure_is_attributed_to_the_body_named_not_to_its_report(sentence: str, figure: str, source: str) -> None:
    """The source is the body after «بحسب» past the report it issued, or the subject of the verb
    of saying that opens the sentence; the two outlets' bodies then show in the row's notes."""
    assert _quantity(sentence, figure).frame.source == source


@pytest.mark.parametrize(("sentence", "figure", "event"), [
    ("ارتفاع الإصابات في المحافظة إلى 468 حالة كوليرا و11 وفاة.", "468", "cases"),  # «وفاة» is 11's
    ("منظمة الصحة العالمية: 530 حالة كوليرا مشتبه فيها.", "530", "cases"),  # a disease written bare
    ("وقضت المحكمة بإدانة 7 من أصل 9 متهمين.", "7", "defendants"),  # a figure with no noun shares the next
    ("وبدأ سكان ثلاث من القرى الست التي أُخليت بالعودة.", "ثلاث", "evacuated"),  # «الست» is no new figure
])
def test_the_next_figures_noun_is_its_own(sentence: str, figure: str, event: str) -> None:
    assert _quantity(sentence, figure).frame.event == event


def test_new_ones_added_to_a_toll_are_no_toll() -> None:
    """«ارتفعت الحصيلة إلى 7 وفيات ... بعد انتشال جثتين جديدتين»: the two new bodies are an
    increment, another measure than the toll they raised."""
    sentence = "ارتفعت حصيلة الضحايا إلى 7 وفيات، بعد انتشال جثتين جديدتين خلال الليل."
    assert _quantity(sentence, "7").frame.basis is None
    assert _quantity(sentence, "جثتين").frame.basis == "increment"


def test_the_previous_figures_noun_yields_to_a_word_after_the_figure() -> None:
    """In «7 وفيات وعاملان في عداد المفقودين» the two are missing, not dead; with nothing after
    the figure the shared noun still counts it («17 تسديدة مقابل 9 للأمل»)."""
    assert _quantity("ارتفعت الحصيلة إلى 7 وفيات وعاملان في عداد المفقودين.", "عاملان").frame.event == "missing"
    assert _quantity("وسدد الفريق 17 تسديدة مقابل 9 للأمل.", "9").frame.event == "shots"


def test_a_place_that_recorded_a_reading_is_its_place_and_a_recent_past_perfect_is_no_earlier_level() -> None:
    """«وسجلت مدينة تازروت 51,2 درجة» is Tazrout's reading; «وكانت تازروت قد سجلت أمس» tells
    the story's own day in the past perfect, not a level before the news."""
    recorded = _quantity("وسجلت مدينة تازروت 51,2 درجة مئوية.", "51,2", published="2025-06-17")
    assert recorded.frame.place == "مدينه تازروت" and recorded.scope == []  # «مئوية» is the unit's
    told = _quantity("وكانت مدينة تازروت قد سجلت أمس الإثنين 51,2 درجة مئوية.", "51,2", published="2025-06-17")
    assert told.frame.time != "earlier"
    before = _quantity("وكانت الحكومة قد رفعت الأسعار في أبريل بنسبة 10%.", "10")
    assert before.frame.time == "earlier"
    assert _quantity("بمقدار 0.5 نقطة مئوية.", "0.5").scope == ["ميوي"]  # a percentage point stays apart


def test_a_range_above_normal_is_a_range_not_the_highest_reading() -> None:
    sentence = "مع بقاء درجات الحرارة أعلى من معدلاتها الموسمية بما بين 8 و10 درجات."
    assert _quantity(sentence, "8").frame.basis == "range"


def test_others_beside_the_ones_counted_are_another_measure() -> None:
    """«خمسة متهمين آخرين» after «سبعة متهمين» are five of the others, not the count of the
    defendants; in «وإصابة 112 آخرين» the word is the counted noun itself, and «في آخر عطاء» is
    "the last auction"."""
    assert _quantity("ومعاقبة خمسة متهمين آخرين بالسجن.", "خمسة").frame.basis == "others"
    assert _quantity("ما أسفر عن مقتل 9 أشخاص وإصابة 112 آخرين.", "112").frame.basis is None
    assert _quantity("وارتفع العائد إلى 6.1% في آخر عطاء قبل القرار.", "6.1").frame.basis is None


def test_a_place_in_the_figures_own_clause_beats_the_whole_country_in_another() -> None:
    """d7: «تخطت درجات الحرارة 45 درجة في معظم مناطق البلاد، ... في ظل رياح جافة بلغت سرعتها في
    جبل الريحان نحو 60 كيلومتراً في الساعة»: the 45 degrees are the country's, the wind is the
    province's (a wind speed written «60 كلم/ساعة» or «60 كيلومتراً» is one unit)."""
    sentence = ("وتخطت درجات الحرارة 45 درجة مئوية في معظم مناطق البلاد، في ظل رياح جافة بلغت سرعتها "
                "في جبل الريحان نحو 60 كيلومتراً في الساعة.")
    assert _quantity(sentence, "45").frame.place == "wide"
    wind = _quantity(sentence, "نحو 60")
    assert (wind.frame.place, wind.frame.event, wind.unit) == (None, "wind_speed", "كم")
    assert _quantity("وهبت رياح قوية بلغت سرعتها 60 كلم/ساعة.", "60").frame.event == "wind_speed"


@pytest.mark.parametrize(("sentence", "figure", "side"), [
    ("وصوّت لصالح المشروع 112 نائباً مقابل 38 نائباً عارضوه.", "112", "for"),
    ("وصوّت لصالح المشروع 112 نائباً مقابل 38 نائباً عارضوه.", "38", "against"),  # not past the 112
    ("وحظي المشروع بتأييد مئة واثني عشر نائباً، في حين رفضه 38 نائباً.", "مئة", "for"),
    ("صادق المجلس على القانون بأغلبية 118 صوتاً مقابل معارضة 32 نائباً.", "118", "for"),
    ("صادق المجلس على القانون بأغلبية 118 صوتاً مقابل معارضة 32 نائباً.", "32", "against"),
    ("وامتنع 5 نواب عن التصويت.", "5", "abstained"),
])
def test_a_vote_count_is_of_its_side_whoever_casts_it(sentence: str, figure: str, side: str) -> None:
    """h5: «112 نائباً» for and «118 صوتاً» for are one count of one side, whatever noun counts
    the voters; the 38 against are another."""
    frame = _quantity(sentence, figure).frame
    assert (frame.event, frame.holder, frame.noun) == ("votes", side, None)


def test_a_verb_of_refusal_before_another_event_is_no_vote() -> None:
    assert _quantity("ورفضت الحكومة الإفراج عن 30 معتقلاً.", "30").frame.holder is None


def test_a_share_of_gdp_measures_what_is_named_before_it() -> None:
    """h5: «عجزاً قدره 13.4 مليار دينار، أي ما يعادل 4.8% من الناتج المحلي الإجمالي» is the
    deficit against GDP, and meets «عجزاً يناهز 5,2 بالمائة من الناتج الداخلي الخام»; GDP's own
    growth («نما الناتج المحلي بنسبة 3%») stays GDP."""
    a = _quantity("ما يعني عجزاً قدره 13.4 مليار دينار، أي ما يعادل 4.8% من الناتج المحلي الإجمالي.", "4.8")
    c = _quantity("وعجزاً يناهز 5,2 بالمائة من الناتج الداخلي الخام.", "يناهز")
    assert a.slot == c.slot == "deficit|ناتج|%"
    assert _quantity("ونما الناتج المحلي بنسبة 3% العام الماضي.", "3").frame.event == "gdp"


def test_no_side_word_is_on_two_sides() -> None:
    sides = dict(markers().sides)
    assert set(sides) == {"for", "against", "abstained"}
    assert not (sides["for"] & sides["against"]) and not (sides["abstained"] & (sides["for"] | sides["against"]))


def test_a_day_dates_the_talks_not_those_taking_part() -> None:
    """«جولة جديدة من المفاوضات ستُعقد الخميس المقبل بمشاركة ممثلين عن الوزارة»: the day is the
    talks' («talks» in events.toml), not the participants' (a class no day dates)."""
    article = Article(id="x.txt", source="x.txt", published="2025-11-17",
                      text="وأفادت مصادر بأن جولة جديدة من المفاوضات ستُعقد الخميس المقبل بمشاركة ممثلين عن الوزارة.")
    (day,) = [f for f in extract_facts([segment(article)]) if f.type == "date"]
    assert day.frame.event == "talks"


def test_a_place_the_sentence_opens_on_scopes_its_figures() -> None:
    """h12: «وفي جهة وادي السدرة، أكد المكتب الجهوي أن نسبة المشاركة بلغت 93,5 في المائة» is the
    region's rate, another scope than the national 85%; d2: the votes «وفي الدائرة الثالثة» are
    that district's."""
    assert _quantity("وفي جهة وادي السدرة، أكد المكتب الجهوي أن نسبة المشاركة بلغت 93,5 في المائة.",
                     "93,5").frame.place == "جهه وادي"


def test_what_is_needed_is_no_count() -> None:
    """d2: «ويحتاج أي ائتلاف حكومي إلى 61 صوتاً» is a threshold, not a party's votes."""
    assert _quantity("ويحتاج أي ائتلاف حكومي إلى 61 صوتاً لنيل الثقة.", "61").frame.basis == "needed"
    assert _quantity("وحصل الحزب على 61 صوتاً.", "61").frame.basis is None


def test_the_injured_taken_to_hospital_are_the_hospitalised() -> None:
    """h10: «نُقل أحد عشر مصابا إلى المستشفى» counts those taken to hospital, a part of the
    injured, not another count of them («absorbs» in events.toml)."""
    assert _quantity("فيما نُقل أحد عشر مصابا إلى المستشفى لتلقي العلاج.", "أحد عشر").frame.event == "hospitalized"
    assert _quantity("وأصيب 27 شخصاً برضوض طفيفة.", "27").frame.event == "injured"
