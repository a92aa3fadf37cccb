"""The diff engine on the seeds (gold.json) and on the ANS stance corpus."""

from __future__ import annotations

from pathlib import Path

from conftest import GOLD, SEEDS

from bench.ans_stance import DATA, Score, evaluate
from compare.ingest import ingest
from compare.settings import Settings

RUDAW, LEVANT, DIYARUNA, BAGHDAD = (sorted(GOLD["articles"])[i] for i in (0, 1, 2, 4))


def _rows(data: dict, kind: str | None = None) -> list[dict]:
    return [d for d in data["discrepancies"] if kind is None or d["kind"] == kind]


def _troops(data: dict) -> dict:
    wanted = set(next(d for d in GOLD["discrepancies"] if d["id"] == "troops")["numbers"])
    return next(d for d in data["discrepancies"] if wanted <= {v["value"] for v in d["values"]})


def test_troop_figures_are_explained_not_just_different(seeds_json: dict) -> None:
    row = _troops(seeds_json)
    assert row["kind"] != "conflict"
    notes = {(v["article"], v["value"]): v["note"] for v in row["values"]}
    assert "الإجمالي" in notes[(BAGHDAD, 3500)] and "جنبي" in notes[(BAGHDAD, 3500)]  # all foreign troops
    assert "جزء من الإجمالي" in notes[(BAGHDAD, 2500)]  # of which American
    assert "سابق" in notes[(RUDAW, 3000)]  # the level before the reduction
    assert "2020" in notes[(DIYARUNA, 5200)]  # a 2020 figure


def test_thursday_and_friday_date_one_statement_differently(seeds_json: dict) -> None:
    rows = [d for d in _rows(seeds_json, "conflict")
            if {v["value"] for v in d["values"]} == {"2021-07-22", "2021-07-23"}]
    assert rows, _rows(seeds_json, "conflict")
    values = {v["article"]: v["value"] for v in rows[0]["values"]}
    assert values == {RUDAW: "2021-07-22", BAGHDAD: "2021-07-23"}


def test_fourth_round_and_at_least_three_rounds_do_not_conflict(seeds_json: dict) -> None:
    """Rounds have no event frame: they meet only inside one aligned claim, and never conflict."""
    texts = {f["id"]: f["text"] for f in seeds_json["facts"]}
    assert any("جولات على الأقل" in t for t in texts.values()) and any("رابعة" in t for t in texts.values())
    rows = [d for d in seeds_json["discrepancies"] if any("جولات على الأقل" in v["text"] for v in d["values"])]
    assert all(d["kind"] != "conflict" for d in rows)


def test_2014_and_2011_agree(seeds_json: dict) -> None:
    for year in ("2014", "2011"):
        rows = [d for d in _rows(seeds_json, "agreement") if {str(v["value"]) for v in d["values"]} == {year}]
        assert rows, year
        assert {RUDAW, LEVANT} <= {v["article"] for v in rows[0]["values"]}


def test_foreign_vs_american_wording_is_highlighted_in_its_group(seeds_json: dict) -> None:
    for g in seeds_json["groups"]:
        marked = {(d["article"], d["text"]) for d in g["differences"]}
        if (RUDAW, "أجنبية") in marked and (LEVANT, "أمريكية") in marked:
            assert any("عدم حاجة العراق إلى وجود أي قوات قتالية أجنبية" in p["text"] for p in g["passages"])
            return
    raise AssertionError("no group marks أجنبية / أمريكية")


def test_every_discrepancy_has_a_known_kind_and_an_arabic_label(seeds_json: dict) -> None:
    kinds = {"conflict", "scope", "time", "compatible", "agreement", "single-source", "wording"}
    for d in seeds_json["discrepancies"]:
        assert d["kind"] in kinds
        assert any("\u0600" <= c <= "\u06ff" for c in d["label"])


def test_publication_date_of_an_undated_page_is_inferred_from_its_weekday() -> None:
    files = [str(p) for p in sorted(SEEDS.glob("*.txt"))]  # files, not the folder: no manifest
    articles, _ = ingest(files, Settings())
    by_id = {a.id: a for a in articles}
    assert by_id[DIYARUNA].published == "2020-06-11"
    assert by_id[DIYARUNA].published_inferred
    assert by_id[RUDAW].published == "2021-07-26"  # its date line


def test_ans_numeric_contradictions_are_caught_without_false_alarms() -> None:
    total = Score()
    for split in ("train", "dev", "test"):
        s = evaluate(Path(DATA) / f"{split}.csv")
        total.disagree += s.disagree
        total.caught += s.caught
        total.agree += s.agree
        total.alarms += s.alarms
    # figures reached when this test was written: 31/37 caught (84%), 0/135 false alarms; 28/37 since
    # verbs of exceeding bound their figure (2026-11-30): «تجاوز حاجز الـ 75 دولار» and «تجاوز حاجز
    # الــ60 دولار» are two "more than" bounds, which the numbers alone do not set against each other
    assert total.disagree >= 30 and total.agree >= 100
    assert total.recall >= 0.74, (total.caught, total.disagree)
    assert total.false_alarms <= 0.02, (total.alarms, total.agree)


def _compare(*texts: str) -> list:
    from compare.model import Article
    from compare.pipeline import compare_articles

    articles = [Article(id=f"{n}.txt", source=f"{n}.txt", text=t, published="2023-02-08") for n, t in enumerate(texts)]
    return compare_articles(articles).discrepancies


def test_casualty_figures_meet_across_wordings_of_another_event() -> None:
    rows = _compare(
        "قالت إدارة الكوارث إن زلزالا ضرب الولاية أمس، ما أسفر عن مقتل 29 شخصا وإصابة نحو 300 آخرين.",
        "وقالت السلطات إن الزلزال الذي ضرب الولاية أسفر عن 31 قتيلا وأكثر من 400 جريح.",
    )
    dead = next(d for d in rows if {v.value for v in d.values} == {29, 31})
    assert dead.kind == "conflict"
    wounded = next(d for d in rows if {v.value for v in d.values} == {300, 400})
    assert wounded.kind == "conflict"  # about 300 and more than 400 cannot both hold


def test_a_risen_toll_differs_in_time_not_in_fact() -> None:
    rows = _compare("أعلنت الوزارة مقتل 29 شخصا في الفيضانات التي ضربت المدينة.",
                    "ارتفع عدد القتلى جراء الفيضانات التي ضربت المدينة إلى 53 قتيلا.")
    toll = next(d for d in rows if {v.value for v in d.values} == {29, 53})
    assert toll.kind == "time"


def test_a_figure_in_another_scale_is_a_conflict_and_the_same_value_in_another_form_agrees() -> None:
    rows = _compare("وخصصت الحكومة 100 مليون دولار لإعادة الإعمار في المناطق المتضررة.",
                    "وخصصت الحكومة 100 مليار دولار لإعادة الإعمار في المناطق المتضررة.")
    assert any(d.kind == "conflict" and {v.value for v in d.values} == {1e8, 1e11} for d in rows), rows
    rows = _compare("وقدم البنك قرضا بقيمة 1.5 مليار دولار لدعم الموازنة العامة للدولة.",
                    "وقدم البنك قرضا بقيمة 1500 مليون دولار لدعم الموازنة العامة للدولة.")
    assert not any(d.kind == "conflict" for d in rows), rows


def test_a_percentage_measures_what_follows_the_word_share_and_bare_figures_meet_only_in_one_claim() -> None:
    rows = _compare(
        "فوز الحزب الحاكم بنسبة ٥٢٪\nوبلغت نسبة المشاركة نحو 50.3 في المئة، وهي الأعلى منذ سنوات بحسب الوزارة.",
        "وقالت الوزارة إن نسبة المشاركة بلغت 50.35 بالمئة، وهي الأعلى منذ سنوات.",
    )
    turnout = next(d for d in rows if {v.value for v in d.values} == {50.3, 50.35})
    assert turnout.kind == "compatible" and "المشاركة" in turnout.label
    assert not any(d.kind == "conflict" for d in rows), rows  # the party's 52% is another figure


def test_a_named_weekday_that_misses_its_date_is_flagged_for_checking() -> None:
    from compare.model import Article
    from compare.pipeline import compare_articles

    texts = ("وقال الوزير أمس الجمعة إن المحادثات ستستأنف قريبا في العاصمة.",
             "وقال الوزير أمس إن المحادثات ستستأنف قريبا في العاصمة.")
    articles = [Article(id=f"{n}.txt", source="", text=t, published="2021-07-26") for n, t in enumerate(texts)]
    comparison = compare_articles(articles)  # 2021-07-26 is a Monday: yesterday was Sunday
    assert [f.text for f in comparison.facts if f.check == "weekday"] == ["أمس الجمعة"]
    assert len(comparison.warnings) == 1 and "أمس الجمعة" in comparison.warnings[0]


def test_words_split_differently_are_not_a_difference() -> None:
    """«ما زالت» / «مازالت» is spelling: the passage is aligned and no word is marked as differing."""
    from compare.model import Article
    from compare.pipeline import compare_articles

    text = "وقال المسؤول إن فرق الإنقاذ {} تبحث عن المفقودين تحت الأنقاض في القرية المنكوبة منذ الفجر."
    articles = [Article(id=f"{n}.txt", source="", text=text.format(w), published="2024-01-01")
                for n, w in (("a", "ما زالت"), ("b", "مازالت"))]
    groups = compare_articles(articles).groups
    assert groups and not [d.text for g in groups for d in g.differences]


def _rows_by_label(days_and_texts: list[tuple[str, str]]) -> dict[str, list]:
    from compare.model import Article
    from compare.pipeline import compare_articles

    articles = [Article(id=f"{n}.txt", source=f"{n}.txt", text=t, published=day)
                for n, (day, t) in enumerate(days_and_texts)]
    rows: dict[str, list] = {}
    for d in compare_articles(articles).discrepancies:
        if len({v.article for v in d.values}) > 1:
            rows.setdefault(d.label, []).append(d)
    return rows


def test_a_toll_told_a_day_later_is_the_next_state_and_only_a_growing_toll_that_falls_conflicts() -> None:
    """A landslide: the next day's article gives more dead and fewer missing (some were found):
    both rows are another time. An article of the next day giving fewer dead contradicts."""
    first = ("2024-03-04", "لقي 9 أشخاص حتفهم في انهيار أرضي ضرب قرية جبلية، وما زال 12 شخصاً في عداد المفقودين.")
    later = ("2024-03-05", "ارتفع عدد ضحايا الانهيار الأرضي إلى 11 قتيلاً، فيما لا يزال 5 أشخاص في عداد المفقودين.")
    rows = _rows_by_label([first, later])
    assert [d.kind for d in rows["عدد القتلى"]] == ["time"]
    assert [d.kind for d in rows["عدد المفقودين"]] == ["time"]
    fewer = ("2024-03-05", "أسفر الانهيار الأرضي الذي ضرب القرية الجبلية عن مقتل 6 أشخاص.")
    assert [d.kind for d in _rows_by_label([first, fewer])["عدد القتلى"]] == ["conflict"]


def test_two_years_that_date_two_figures_are_no_misdated_event() -> None:
    """Two outlets copy one sentence, each with its own year and bill: the years date two states
    of the bill, they are not one event told in two years."""
    said = "وقالت الوزارة إن فاتورة دعم المحروقات بلغت {} مليار دينار في عام {} وفق الأرقام الرسمية المنشورة."
    rows = _rows_by_label([("2025-12-05", said.format("3.2", "2024")), ("2025-12-05", said.format("3.5", "2025"))])
    assert not [d for ds in rows.values() for d in ds if d.kind == "conflict"]


def test_two_estimates_of_one_crowd_a_day_apart_conflict() -> None:
    """A crowd is counted once it has gathered: the police's figure on the day and the organisers'
    the next day disagree, they are not two states of a growing count."""
    police = ("2024-05-03", "وتظاهر آلاف في وسط العاصمة يوم الجمعة، وقدّرت الشرطة عددهم بنحو ثلاثة آلاف شخص.")
    organisers = ("2024-05-04", "وقال المنظمون إن أكثر من 20 ألف متظاهر شاركوا في مسيرة أمس الجمعة وسط العاصمة.")
    rows = _rows_by_label([police, organisers])
    assert [d.kind for d in rows["عدد المتظاهرين"]] == ["conflict"]


def test_an_excerpt_of_a_statement_is_that_statement() -> None:
    """One outlet quotes four words of the statement another quotes whole, and gives it to
    another person: the same statement, two speakers."""
    whole = ("2024-02-10", 'وقال وزير الصحة نبيل الحسيني إن «الوضع الصحي تحت السيطرة الكاملة ولا داعي للقلق إطلاقاً».')
    part = ("2024-02-10", 'ونقلت وسائل إعلام عن المدير العام للمستشفى سمير العلي قوله إن الوضع «تحت السيطرة الكاملة».')
    rows = _rows_by_label([whole, part])
    assert [d.kind for d in rows["قائل التصريح"]] == ["conflict"]


def test_the_same_value_said_less_precisely_is_compatible() -> None:
    """«نحو 600 مليون دينار» against «600 مليون دينار»: the same figure, one outlet less precise;
    «دون 10%» and «أقل من 10%» are the same bound."""
    rows = _rows_by_label([("2024-06-02", "وقدّرت الحكومة كلفة المشروع بنحو 600 مليون دينار."),
                           ("2024-06-02", "وقدّرت الحكومة كلفة المشروع بـ600 مليون دينار.")])
    assert [d.kind for ds in rows.values() for d in ds] == ["compatible"]
    rows = _rows_by_label([("2024-06-02", "وانخفضت نسبة الرطوبة إلى دون 10 بالمئة في المنطقة."),
                           ("2024-06-02", "وتراجعت نسبة الرطوبة إلى أقل من 10% في المنطقة.")])
    assert [d.kind for ds in rows.values() for d in ds] == ["agreement"]


def test_the_day_of_the_first_case_is_one_happening_across_outlets() -> None:
    """h3: «أول إصابة سُجلت يوم 29 غشت» against «يعود رصد أول إصابة إلى يوم 2 سبتمبر»: the first
    case names one happening, so its days conflict even where the sentences were not aligned."""
    from pathlib import Path

    from bench.accuracy import Story, run_story

    folder = Path(__file__).resolve().parent / "data" / "extra" / "h3_cholera"
    out = run_story(Story(folder.name, folder, folder / "gold.json")).output
    (row,) = [d for d in out["discrepancies"] if d["slot"].endswith("#1") and d["slot"].startswith("date:")]
    assert row["kind"] == "conflict"
    assert sorted(v["value"] for v in row["values"]) == ["2025-08-29", "2025-09-02", "2025-09-02"]


def test_a_forecast_day_is_the_next_happening_not_a_second_day_of_this_one() -> None:
    """h1: b and d also give the day more rain is expected («مساء الجمعة», «يوم الجمعة المقبل»);
    that forecast is compared apart, so the storm's Tuesday still meets across three outlets."""
    from pathlib import Path

    from bench.accuracy import Story, run_story

    folder = Path(__file__).resolve().parent / "data" / "extra" / "h1_flood"
    rows = [d for d in run_story(Story(folder.name, folder, folder / "gold.json")).output["discrepancies"]
            if d["slot"].startswith("date:rainfall")]
    storm = next(d for d in rows if d["slot"] == "date:rainfall")
    ahead = next(d for d in rows if d["slot"] == "date:rainfall~ahead")
    assert {v["value"] for v in storm["values"]} == {"2025-11-18"} and len(storm["values"]) == 3
    assert {v["value"] for v in ahead["values"]} == {"2025-11-21"}


def test_the_same_day_in_one_claim_agrees_even_when_no_event_class_names_it() -> None:
    """d6: the verdict day «أمس الأربعاء» / «اليوم الأربعاء» in three outlets' aligned sentences
    is one agreement row, however many groups link them; different days would not be compared."""
    from pathlib import Path

    from bench.accuracy import Story, run_story

    folder = Path(__file__).resolve().parent / "data" / "devset" / "d6_court_verdict"
    rows = [d for d in run_story(Story(folder.name, folder, folder / "gold.json")).output["discrepancies"]
            if d["slot"].startswith("date@")]
    assert len(rows) == 1 and rows[0]["kind"] == "agreement"
    assert len({v["article"] for v in rows[0]["values"]}) == 3 and len({v["value"] for v in rows[0]["values"]}) == 1
