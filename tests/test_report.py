"""The briefing's HTML: content and order of sections, links, highlights, directions, escaping."""

from __future__ import annotations

import re

import pytest

from compare.model import Article, Comparison, Discrepancy, Fact, Group, Passage, Value
from compare.render import highlight
from compare.render.report import count_ar, date_ar, render_html

AR_TEXT = "قال المتحدث إن عدد الجنود الأمريكيين في العراق يبلغ 2500 جندي حتى الآن."
EN_TEXT = "The spokesman said 2,500 American troops remain in Iraq for now."


def _passage(article: Article) -> Passage:
    end = len(article.text)
    return Passage(article.id, 0, end, article.text, id=f"{article.id}#p0s0", para_start=0, para_end=end)


def _fact(fid: str, article: Article, number: str, value: int) -> Fact:
    start = article.text.index(number)
    return Fact(fid, article.id, start, start + len(number), number, "quantity", value)


def _mixed(ar_text: str = AR_TEXT) -> Comparison:
    """One Arabic and one English article reporting the same figure, with a reuse table."""
    ar = Article("ar.txt", "ar.txt", ar_text, outlet="رووداو", published="2021-07-26", title="عنوان")
    en = Article("en.txt", "en.txt", EN_TEXT, outlet="AP", published="2021-07-25", language="en", direction="ltr")
    f1, f2 = _fact("f1", ar, "2500", 2500), _fact("f2", en, "2,500", 2500)
    group = Group("g1", "paraphrase", 0.61, [_passage(ar), _passage(en)])
    rows = [Discrepancy("d1", "عدد الجنود", "agreement", [Value("ar.txt", "f1", "2500", 2500),
                                                            Value("en.txt", "f2", "2,500", 2500)])]
    comparison = Comparison([ar, en], [group], [f1, f2], rows, settings={"top_k": 8}, title="اختبار",
                            generated="2021-07-27T00:00:00+00:00")
    comparison.reuse = {  # from the aligner (compare.reuse); rendered when present
        "pairs": [{"a": "ar.txt", "b": "en.txt", "a_share": 0.42, "b_share": 0.07, "words": 9}],
        "sources": [{"group": "g1", "source": "en.txt", "agency": "AP", "why": "أقدم تاريخ نشر"}],
    }
    return comparison


@pytest.fixture
def mixed() -> Comparison:
    return _mixed()


@pytest.fixture(scope="module")
def seeds_html(seeds_run: dict) -> str:
    return seeds_run["pdf"].with_suffix(".html").read_text(encoding="utf-8")


def test_sections_come_in_the_issue_order(seeds_html: str) -> None:
    ids = re.findall(r'<h2 id="([^"]+)"', seeds_html)
    order = ["summary", "discrepancies", "timeline", "groups", "reuse", "single", "excerpts", "sources", "method"]
    assert ids == [i for i in order if i in ids]
    assert {"summary", "discrepancies", "groups", "single", "sources", "method"} <= set(ids)
    assert seeds_html.index('class="cover"') < seeds_html.index('id="summary"')


def test_single_source_rows_leave_the_table(seeds_run: dict, seeds_html: str) -> None:
    table = seeds_html.split('<table class="discrepancies">')[1].split("</table>")[0]
    assert 'data-kind="single-source"' not in table
    single = seeds_html.split('<h2 id="single">')[1].split("<h2")[0]
    facts = {f["id"]: f for f in seeds_run["json"]["facts"]}
    for d in seeds_run["json"]["discrepancies"]:
        if d["kind"] == "single-source":
            for v in d["values"]:
                assert f'href="#f-{v["fact"]}"' in single
                assert facts[v["fact"]]["text"] in re.sub("<[^>]+>|\u200d", "", single)


def test_every_link_has_a_target_once(seeds_html: str) -> None:
    targets = re.findall(r'\bid="([^"]+)"', seeds_html)
    assert len(targets) == len(set(targets))
    links = set(re.findall(r'href="#([^"]+)"', seeds_html))
    assert links and links <= set(targets)


def test_html_is_self_contained_and_interactive(seeds_html: str) -> None:
    assert not re.search(r'\b(src|href)="(?!#)', seeds_html)
    assert "url(" not in seeds_html and "@import" not in seeds_html
    assert "<script>" in seeds_html and 'id="filter-kind"' in seeds_html


def test_timeline_orders_the_troop_figures(seeds_html: str) -> None:
    timeline = seeds_html.split('<h2 id="timeline">')[1].split("<h2")[0]
    rows = re.findall(r"<tr><td class=\"date\">(.*?)</td>.*?<a href=\"#f-[^\"]+\">([^<]+)</a>", timeline, re.S)
    figures = [text for _, text in rows]
    assert any("5200" in t for t in figures) and any("3500" in t for t in figures)
    assert figures.index(next(t for t in figures if "5200" in t)) < figures.index(next(t for t in figures if "3500" in t))
    assert any(date.startswith("قبل ") for date, _ in rows)  # Rudaw's earlier level of 3000


def test_ltr_articles_are_laid_out_ltr(mixed: Comparison) -> None:
    html = render_html(mixed)
    cells = re.findall(r"<td([^>]*)>", html.split('<table class="passages">')[1].split("</table>")[0])
    assert len(cells) == 2 and 'dir="ltr"' not in cells[0] and 'dir="ltr" lang="en"' in cells[1]
    row = html.split('<tr class="row agreement"')[1].split("</tr>")[0]
    assert row.count('dir="ltr" lang="en"') == 1
    assert '<span class="outlet" dir="ltr">AP</span>' in html


def test_reuse_matrix_is_a_coloured_table(mixed: Comparison) -> None:
    html = render_html(mixed)
    matrix = html.split('<table class="reuse">')[1].split("</table>")[0]
    assert "<svg" not in html
    assert re.search(r'<td style="background: rgba\(46, 125, 50, 0\.36\);[^"]*"[^>]*><span dir="ltr">42%</span>', matrix)
    assert '<td class="self">' in matrix and "7%" in matrix
    assert "أعلى نسبة نقل حرفي" in html and 'href="#g1"' in html
    mixed.reuse = {}
    assert 'id="reuse"' not in render_html(mixed)


def test_many_outlets_get_the_compact_layout(mixed: Comparison) -> None:
    """Beyond six outlets: values listed in one column with their outlet, reuse as ranked pairs."""
    from compare.render.report import COMPACT_OUTLETS

    first = mixed.articles[0]
    extra = [Article(id=f"x{n}.txt", source=f"x{n}.txt", text=first.text, outlet=f"مصدر {n}")
             for n in range(COMPACT_OUTLETS)]
    mixed.articles = mixed.articles + extra
    html = render_html(mixed)
    table = html.split('<table class="discrepancies">')[1].split("</table>")[0]
    assert table.count('<th class="outlet">') == 0 and "القيم كما نشرتها المصادر" in table
    assert f"<b>{first.label}:</b>" in table
    assert '<table class="reuse-pairs">' in html and '<table class="reuse">' not in html


def test_pdf_html_differs_only_by_fonts_and_script(mixed: Comparison) -> None:
    html, pdf_html = render_html(mixed), render_html(mixed, for_pdf=True)
    assert 'url("file://' in pdf_html and "url(" not in html
    assert "<script>" in html and "<script>" not in pdf_html


def test_untrusted_text_is_escaped() -> None:
    hostile = _mixed(AR_TEXT + ' <img src="file:///etc/passwd"><script>x()</script>')
    hostile.title = "<b>عنوان</b>"
    html = render_html(hostile)
    assert "<img" not in html and "<script>x()" not in html and "<b>عنوان" not in html
    assert "&lt;img src=&#34;file:///etc/passwd&#34;&gt;" in html


def test_overlapping_marks_keep_every_class_and_one_anchor() -> None:
    text = "نقلت الوكالة أن 2500 جندي باقون"
    start = text.index("2500")
    marks = [highlight.Mark(0, len(text), "verbatim"), highlight.Mark(start, start + 4, "fact conflict", "", "f-1")]
    used: set[str] = set()
    html = highlight.render(text, 0, marks, used)
    assert '<mark class="verbatim fact conflict" id="f-1" dir="ltr">2500</mark>' in html
    assert used == {"f-1"}
    assert 'id="f-1"' not in highlight.render(text, 0, marks, used)  # printed twice, anchored once


def test_partial_word_marks_keep_letters_joined() -> None:
    html = highlight.render("الكتب", 0, [highlight.Mark(4, 5, "diff")])
    assert html == "الكت\u200d<mark class=\"diff\">\u200dب</mark>"
    # after a letter that never joins forward (ا) there is nothing to keep joined
    assert highlight.render("الكتابية", 0, [highlight.Mark(5, 8, "diff")]) == 'الكتا<mark class="diff">بية</mark>'


def test_arabic_dates_and_counts() -> None:
    assert date_ar("2021-07-26") == "26 تموز/يوليو 2021"
    assert date_ar("2021-07") == "تموز/يوليو 2021"
    assert date_ar("2021-W29") == "2021-W29"
    assert date_ar(None) == "تاريخ غير معروف"
    forms = ("سطر واحد", "سطران", "أسطر", "سطراً")
    assert [count_ar(n, *forms) for n in (1, 2, 3, 10, 11, 103)] == [
        "سطر واحد", "سطران", "3 أسطر", "10 أسطر", "11 سطراً", "103 أسطر"]


def test_latin_runs_in_arabic_lines_are_isolated() -> None:
    from compare.render.report import isolate_ltr

    assert str(isolate_ltr("مقارنة التغطية: Floods kill 29, officials say.")) == \
        'مقارنة التغطية: <bdi dir="ltr">Floods kill 29, officials say.</bdi>'
    assert str(isolate_ltr("100 million")) == '<bdi dir="ltr">100 million</bdi>'
    assert str(isolate_ltr("عدد القوات 2500")) == "عدد القوات 2500"
    assert "<b>" not in str(isolate_ltr("<b>x</b>"))  # escaped, never markup


def test_identical_copies_are_printed_once_and_named() -> None:
    from compare.pipeline import compare_articles

    copy = "وقال المتحدث باسم الوزارة إن فرق الإنقاذ انتشلت 12 ناجيا من تحت الأنقاض حتى صباح اليوم."
    texts = [f"عنوان الخبر الأول عن الزلزال في المدينة\n{copy}",
             f"عنوان مختلف تماما عن الكارثة في البلاد\n{copy}",
             "وأوضحت الوزارة أن فرق الإنقاذ انتشلت 12 ناجيا من تحت الأنقاض حتى صباح اليوم بعد جهود كبيرة."]
    articles = [Article(id=f"{n}.txt", source="", text=t, outlet=f"مصدر {n}", published="2023-02-08")
                for n, t in enumerate(texts)]
    html = render_html(compare_articles(articles))
    group = html.split('<section class="group')[1].split("</section>")[0]
    assert group.count('<td class="context"') == 2  # the second copy is not printed again
    assert "النص نفسه حرفاً بحرف لدى: مصدر 1" in group


def test_one_day_is_that_day_and_undated_values_stay_off_the_timeline() -> None:
    comparison = _mixed()
    for article in comparison.articles:
        article.published = "2021-07-26"
    html = render_html(comparison)
    assert "في 26 تموز/يوليو 2021" in html and "بين 26" not in html
    comparison.articles[1].published = None
    for fact in comparison.facts:
        fact.as_of = None
    html = render_html(comparison)
    timeline = html.split('<h2 id="timeline">')[1].split("<h2")[0] if '<h2 id="timeline">' in html else ""
    assert "تاريخ غير معروف" not in timeline


def test_a_copy_respelt_is_not_called_letter_for_letter() -> None:
    """Agency copy with «الإعلامي/الاعلامي» and «في/فى» is the same text after spelling is folded:
    printed once, the variants named, and never «حرفاً بحرف»."""
    from compare.pipeline import compare_articles

    copy = "وقال المكتب الإعلامي في الوزارة إن فرق الإنقاذ انتشلت 12 ناجيا من تحت الأنقاض حتى صباح اليوم."
    respelt = copy.replace("الإعلامي", "الاعلامي").replace(" في ", " فى ")
    texts = [f"عنوان الخبر الأول عن الزلزال في المدينة\n{copy}",
             f"عنوان مختلف تماما عن الكارثة في البلاد\n{respelt}",
             "وأوضحت الوزارة أن فرق الإنقاذ انتشلت 12 ناجيا من تحت الأنقاض حتى صباح اليوم بعد جهود كبيرة."]
    articles = [Article(id=f"{n}.txt", source="", text=t, outlet=f"مصدر {n}", published="2023-02-08")
                for n, t in enumerate(texts)]
    group = render_html(compare_articles(articles)).split('<section class="group')[1].split("</section>")[0]
    assert group.count('<td class="context"') == 2 and "حرفاً بحرف" not in group
    assert "النص نفسه بعد توحيد الإملاء لدى مصدر 1" in group and "الإعلامي/الاعلامي" in group and "في/فى" in group


def test_every_setting_is_described_in_arabic() -> None:
    from compare.render.report import SETTINGS_AR, date_source_ar
    from compare.settings import Settings

    assert set(Settings().to_dict()) == set(SETTINGS_AR)
    assert date_source_ar("dateline الإثنين 30 جوان 2025 - 11:40") == "سطر التاريخ «الإثنين 30 جوان 2025 - 11:40»"
    assert date_source_ar("page metadata (article:published_time)") == "بيانات الصفحة «article:published_time»"
    assert date_source_ar("manifest") == "ملف المصادر"
