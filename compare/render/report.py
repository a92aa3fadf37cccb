"""The briefing: one Jinja2 document rendered to HTML and, through WeasyPrint, to PDF.

Renderers only read the finished :class:`Comparison`. Article text is untrusted: Jinja2
autoescapes everything, highlights are built by :mod:`compare.render.highlight` from offsets.
Every value in the discrepancy table links to the first place its words are printed (an
aligned passage, the single-source list, or the excerpts section), so a fact-checker can
always get from a figure to the outlet's sentence.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from ..model import Article, Comparison, Discrepancy, Fact, Group, Passage, Value
from ..settings import Settings
from ..textlayer import paragraphs, sentences, tokens
from . import highlight

#: Jinja2 templates and CSS of the briefing; the PDF renderer may read nothing else but fonts.
TEMPLATES = Path(__file__).resolve().parents[2] / "templates"

KIND_AR = {
    "conflict": "تعارض",
    "scope": "نطاق مختلف",
    "time": "زمن مختلف",
    "compatible": "متوافق",
    "agreement": "اتفاق",
    "single-source": "مصدر واحد",
    "wording": "صياغة مختلفة",
    "verbatim": "نقل حرفي",
    "paraphrase": "إعادة صياغة",
    "same-fact": "الواقعة نفسها",
}
ROW_ORDER = ["conflict", "scope", "time", "wording", "compatible", "agreement", "single-source"]
#: Kinds the summary reports as discrepancies, most important first.
DISPUTES = ("conflict", "time", "scope", "compatible", "wording")
MONTHS_AR = ("كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو", "حزيران/يونيو",
             "تموز/يوليو", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر", "تشرين الثاني/نوفمبر",
             "كانون الأول/ديسمبر")
#: Metadata ingest could not determine (Article.unknown), as the briefing names it.
UNKNOWN_AR = {"outlet": "اسم المصدر", "publication date": "تاريخ النشر"}
#: What each setting does, for the method section (templates/settings_ar.toml).
SETTINGS_AR: dict[str, str] = tomllib.loads((TEMPLATES / "settings_ar.toml").read_text(encoding="utf-8"))
#: A group taller than this (estimated, mm) may break across pages; shorter ones never split.
BREAKABLE_MM = 90.0
#: A page for the PDF's page budget: the text area (A4 less the margins of base.css, 255 mm) less
#: what groups that do not split leave blank at page ends (the estimate gave 8.9 pages for the
#: seeds' 9.5, 59.7 for the dev stories' 64).
PAGE_MM = 238.0
#: Passages the PDF prints side by side in one group (two rows): a claim 23 outlets carry took
#: six rows, over a page of near-identical text; the others are named, their text is in the HTML.
PDF_CELLS = 8
#: Outlets side by side in one table row; more continue in another row below, because
#: narrower columns are unreadable and their line breaking dominated render time.
COLUMNS = 4
#: Beyond this many outlets a column per outlet is unreadable (and slow to lay out): the
#: discrepancy table lists values in one column and the reuse matrix becomes a ranked list.
COMPACT_OUTLETS = 6
RANKED_PAIRS = 20
#: Figures listed per outlet in "what only one outlet reports"; the rest are in the JSON and CSV.
SINGLE_SOURCE_SHOWN = 30
#: Characters of paragraph context shown on each side of an aligned passage.
CONTEXT_CHARS = 300


@dataclass
class Cell:
    """One outlet's column in a group row: its paragraph with the aligned sentence emphasised."""

    article: Article
    before: Markup
    sentence: Markup
    after: Markup


@dataclass
class GroupView:
    group: Group
    number: int
    cells: list[Cell]
    copied_words: int
    height: float  # estimated mm (_estimated_mm)
    also: list[Article]  # outlets whose passage is word for word one already printed
    spelled: list[tuple[Article, list[str]]] = field(default_factory=list)  # the same after spelling is folded
    more: list[Article] = field(default_factory=list)  # outlets whose passage the PDF leaves to the HTML

    @property
    def breakable(self) -> bool:
        return self.height > BREAKABLE_MM

    @property
    def outlets(self) -> list[Article]:
        return [c.article for c in self.cells] + self.more + self.also + [a for a, _ in self.spelled]

    @property
    def rows(self) -> list[list[Cell]]:
        """The cells in rows of at most COLUMNS outlets, in article order (first on the right)."""
        return [self.cells[i:i + COLUMNS] for i in range(0, len(self.cells), COLUMNS)]


@dataclass
class Quote:
    """A fact printed in its sentence (single-source list, excerpts)."""

    article: Article
    fact: Fact
    label: str
    note: str
    html: Markup


@dataclass
class Marks:
    """Highlights per article and the anchors already placed in the document."""

    by_article: dict[str, list[highlight.Mark]] = field(default_factory=lambda: defaultdict(list))
    used: set[str] = field(default_factory=set)

    def render(self, article: Article, start: int, end: int) -> Markup:
        """``article.text[start:end]`` with its highlights; anchors go to the first print."""
        return highlight.render(article.text[start:end], start, self.by_article[article.id], self.used)


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "j2"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals["kind_ar"] = KIND_AR
    env.filters["date_ar"] = date_ar
    env.filters["percent"] = lambda share: f"{round(100 * share)}%"
    env.filters["similarity"] = similarity
    env.filters["outlet"] = outlet
    env.filters["isolate_ltr"] = isolate_ltr
    env.globals["count_ar"] = count_ar
    env.globals["unknown_ar"] = UNKNOWN_AR
    env.globals["settings_ar"] = SETTINGS_AR
    env.filters["date_source_ar"] = date_source_ar
    return env


def date_source_ar(source: str | None) -> str:
    """How a publication date was found, in Arabic (the JSON keeps the English code)."""
    if not source:
        return "—"
    if source == "manifest":
        return "ملف المصادر"
    for prefix, arabic in (("dateline ", "سطر التاريخ"), ("full date in the first lines: ", "تاريخ كامل في أول الأسطر"),
                           ("page metadata ", "بيانات الصفحة")):
        if source.startswith(prefix):
            return f"{arabic} «{source[len(prefix):].strip('()')}»"
    if source.startswith("guess from weekday: "):
        cue = source.removeprefix("guess from weekday: ").split(" → ")[0]
        return f"اسم اليوم «{cue}» قياساً على المواد الأخرى"
    return source


def similarity(score: float) -> Markup:
    """A group's score in words and on its 0-1 scale: the probability, under the aligner's learned
    weights, that the passages report one claim (averaged over the group's pairs)."""
    words = "متطابق" if score >= 0.9 else "متقارب" if score >= 0.6 else "مرتبط"
    return Markup('التشابه: {} (<span dir="ltr">{:.2f}</span> من 1)').format(words, min(1.0, max(0.0, score)))


def date_ar(iso: str | None) -> str:
    """'2021-07-26' -> '26 تموز/يوليو 2021' (months in both Levantine and Egyptian names)."""
    if not iso:
        return "تاريخ غير معروف"
    parts = iso.split("-")
    if len(parts) >= 2 and parts[0].isdigit() and parts[1].isdigit() and 1 <= int(parts[1]) <= 12:
        month = f"{MONTHS_AR[int(parts[1]) - 1]} {parts[0]}"
        return f"{int(parts[2][:2])} {month}" if len(parts) == 3 and parts[2][:2].isdigit() else month
    return iso


def _marks(comparison: Comparison) -> Marks:
    """Spans to highlight in every article: compared figures, differing words, copied runs."""
    marks = Marks()
    facts = {f.id: f for f in comparison.facts}
    for d in comparison.discrepancies:
        for v in d.values:
            fact = facts.get(v.fact)
            if fact:
                marks.by_article[v.article].append(highlight.Mark(
                    fact.start, fact.end, f"fact {d.kind}", f"{d.label}: {KIND_AR[d.kind]}", f"f-{fact.id}"))
    for g in comparison.groups:
        for span in g.differences:
            marks.by_article[span.article].append(highlight.Mark(span.start, span.end, "diff", "كلمة مختلفة"))
        for run in g.verbatim:
            for side in ("a", "b"):
                marks.by_article[run[side]].append(
                    highlight.Mark(run[f"{side}_start"], run[f"{side}_end"], "verbatim", "نص منقول حرفياً"))
    return marks


_TAG = re.compile(r"<[^>]*>")


def _estimated_mm(cells: list[Cell]) -> float:
    """Rough height of a group's tables: per row, the longest cell's lines at its column width.

    Measured on the seeds at 9.5 pt Naskh: ~0.7 characters per mm of column, 4.9 mm a line. The
    characters are the visible text: counting the highlights' markup too made the dev stories'
    groups 104 pages instead of the 64 they take.
    """
    width = 170.0 / min(len(cells), COLUMNS) - 4
    height = 12.0
    for i in range(0, len(cells), COLUMNS):
        longest = max(len(_TAG.sub("", c.before + c.sentence + c.after)) for c in cells[i:i + COLUMNS])
        height += 10 + 4.9 * (longest / (0.7 * width) + 1)
    return height


def _context(text: str, para_start: int, start: int, end: int, para_end: int) -> tuple[int, int]:
    """Paragraph context around a passage, at most CONTEXT_CHARS on each side, cut at a space:
    a page saved as one long line must not print the whole article in every cell."""
    lo = max(para_start, start - CONTEXT_CHARS)
    if lo > para_start:
        lo = text.find(" ", lo, start) + 1 or start
    hi = min(para_end, end + CONTEXT_CHARS)
    if hi < para_end:
        hi = text.rfind(" ", end, hi) if text.rfind(" ", end, hi) > end else end
    return lo, hi


def _related(comparison: Comparison, group: Group, article: Article, lo: int, hi: int) -> list[tuple[int, int]]:
    """Sentences outside the printed context that hold a value this group's rows compare, such
    as the following "جاء ذلك ... يوم الخميس" that dates a statement: shown in the cell, so the
    disputed day stands beside the passage it dates."""
    facts = {f.id: f for f in comparison.facts}
    spans = {_sentence(article.text, facts[v.fact].start, facts[v.fact].end)
             for d in comparison.discrepancies if d.group == group.id
             for v in d.values if v.article == article.id and v.fact in facts
             and not lo <= facts[v.fact].start < hi}
    return sorted(spans)


def _clip(cut: bool) -> Markup:
    """An ellipsis where the context was shortened (not part of the outlet's text)."""
    return Markup('<span class="clip">…</span>') if cut else Markup("")


def _groups(comparison: Comparison, marks: Marks) -> list[GroupView]:
    return [_view(comparison, marks, number, group) for number, group in enumerate(comparison.groups, 1)]


def _view(comparison: Comparison, marks: Marks, number: int, group: Group,
          keep: set[str] | None = None) -> GroupView:
    """Group ``number`` as printed: one cell per outlet whose wording differs, the others named;
    with ``keep``, only those articles get a cell (the rest are named in ``more``)."""
    by_article: dict[str, list[Passage]] = defaultdict(list)
    for p in group.passages:
        by_article[p.article].append(p)
    cells = []
    printed: dict[str, list[str]] = {}  # matching key of a printed passage -> its words as written
    also: list[Article] = []
    spelled: list[tuple[Article, list[str]]] = []
    more: list[Article] = []
    for article in comparison.articles:
        passages = by_article.get(article.id)
        if passages:
            start, end = passages[0].start, passages[-1].end
            words = tokens(article.text, start, end)
            wording = " ".join(t.key for t in words)
            written = [article.text[t.start:t.end] for t in words]
            if wording in printed:  # agency copy carried unchanged: print it once, name the others
                variants = [f"{a}/{b}" for a, b in zip(printed[wording], written, strict=True) if a != b]
                if variants:
                    spelled.append((article, list(dict.fromkeys(variants))))
                else:
                    also.append(article)
                continue
            printed[wording] = written
            if keep is not None and article.id not in keep:
                more.append(article)
                continue
            lo, hi = _context(article.text, passages[0].para_start, start, end, passages[-1].para_end)
            after = marks.render(article, end, hi) + _clip(hi < passages[-1].para_end)
            for s_start, s_end in _related(comparison, group, article, lo, hi):
                after += _clip(True) + Markup(" ") + marks.render(article, s_start, s_end)
            before = _clip(lo > passages[0].para_start) + marks.render(article, lo, start)
            headline = next((h for h in group.headlines if h.article == article.id), None)
            if headline:  # the outlet's headline above its lead, as published
                before = Markup('<strong class="headline">{}</strong><br>').format(
                    marks.render(article, headline.start, headline.end)) + before
            cells.append(Cell(article, before, marks.render(article, start, end), after))
    copied = sum(run.get("words", 0) for run in group.verbatim)
    return GroupView(group, number, cells, copied, _estimated_mm(cells), also, spelled, more)


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or, across sentence marks, the paragraph) holding ``text[start:end]``."""
    para = next(((s, e) for s, e in paragraphs(text) if s <= start < e), (start, end))
    inside = [(s, e) for s, e in sentences(text, *para) if s <= start and end <= e]
    return inside[0] if inside else (min(para[0], start), max(para[1], end))


def _quote(comparison: Comparison, marks: Marks, fact: Fact, d: Discrepancy, v: Value) -> Quote:
    article = comparison.article(fact.article)
    start, end = _sentence(article.text, fact.start, fact.end)
    return Quote(article, fact, d.label, v.note, marks.render(article, start, end))


def _single_source(comparison: Comparison, marks: Marks) -> list[tuple[Article, list[Quote], int]]:
    """What only one outlet reports, per outlet in article order: the first SINGLE_SOURCE_SHOWN
    figures each, and how many more the JSON and CSV hold (a briefing is not an index)."""
    facts = {f.id: f for f in comparison.facts}
    by_article: dict[str, list[Value]] = defaultdict(list)
    rows: dict[str, Discrepancy] = {}
    for d in comparison.discrepancies:
        if d.kind == "single-source":
            for v in d.values:
                if v.fact in facts:
                    by_article[v.article].append(v)
                    rows[v.fact] = d
    return [(a, [_quote(comparison, marks, facts[v.fact], rows[v.fact], v)
                 for v in by_article[a.id][:SINGLE_SOURCE_SHOWN]], max(0, len(by_article[a.id]) - SINGLE_SOURCE_SHOWN))
            for a in comparison.articles if by_article.get(a.id)]


def _excerpts(comparison: Comparison, marks: Marks, rows: list[Discrepancy]) -> list[Quote]:
    """Sentences of table values that no aligned passage prints, so every link has a target."""
    facts = {f.id: f for f in comparison.facts}
    quotes = []
    for d in rows:
        for v in d.values:
            if v.fact in facts and f"f-{v.fact}" not in marks.used:
                quotes.append(_quote(comparison, marks, facts[v.fact], d, v))
    return quotes


def _sort_key(values: list[Value]) -> str:
    numbers = [v.value for v in values if isinstance(v.value, int | float) and not isinstance(v.value, bool)]
    if numbers:
        return f"{min(numbers):020.4f}"
    return values[0].text if values else ""


def table_rows(comparison: Comparison) -> list[Discrepancy]:
    """Rows of the discrepancy table: facts reported by two or more outlets, most serious first."""
    return sorted((d for d in comparison.discrepancies if d.kind != "single-source"),
                  key=lambda d: (ROW_ORDER.index(d.kind), d.id))


def _table(comparison: Comparison, rows: list[Discrepancy]) -> list[dict[str, Any]]:
    """One row per fact reported by two or more outlets, one column per outlet."""
    out = []
    for d in rows:
        cells = [[v for v in d.values if v.article == a.id] for a in comparison.articles]
        outlets = " ".join(f"o{i}" for i, values in enumerate(cells) if values)
        out.append({"d": d, "cells": cells, "outlets": outlets, "order": ROW_ORDER.index(d.kind),
                    "sort": [_sort_key(values) for values in cells], "all": _sort_key(d.values),
                    "listed": [(a, v) for a, values in zip(comparison.articles, cells, strict=True) for v in values]})
    return out


def _timeline(comparison: Comparison, rows: list[Discrepancy]) -> list[dict[str, Any]]:
    """Figures of one fact that differ and were true at different times, oldest first.

    A value's time is its ``as_of`` date, else its article's publication date (a value with
    neither is left out); a value the article gives as an earlier level (``time == "earlier"``)
    is shown as "before" that date.
    """
    facts = {f.id: f for f in comparison.facts}
    lines = []
    for d in rows:
        entries = []
        for v in d.values:
            fact = facts.get(v.fact)
            if fact is None or fact.type != "quantity" or fact.form == "ordinal":
                continue  # an ordinal names an item ("the fourth round"), it is no level over time
            article = comparison.article(v.article)
            when = fact.as_of or article.published
            if not when:
                continue  # a value with no date has no place on a timeline («تاريخ غير معروف»)
            earlier = fact.time == "earlier"
            entries.append({"when": when, "earlier": earlier, "article": article, "v": v,
                            "key": (when, 0 if earlier else 1)})
        values = {e["v"].value for e in entries}
        times = {e["key"] for e in entries}
        if len(values) >= 2 and len(times) >= 2:
            lines.append({"d": d, "entries": sorted(entries, key=lambda e: e["key"])})
    return lines


def _reuse(comparison: Comparison) -> dict[str, Any] | None:
    """Outlet-by-outlet share of copied wording (``Comparison.reuse`` from the aligner), if any;
    beyond COMPACT_OUTLETS the matrix gives way to a ranked list of the pairs that copy most."""
    reuse = getattr(comparison, "reuse", None)
    if not reuse or not reuse.get("pairs"):
        return None
    share: dict[tuple[str, str], float] = {}
    words: dict[tuple[str, str], int] = {}
    for pair in reuse["pairs"]:
        share[pair["a"], pair["b"]], share[pair["b"], pair["a"]] = pair["a_share"], pair["b_share"]
        words[pair["a"], pair["b"]] = words[pair["b"], pair["a"]] = pair.get("words", 0)
    ids = [a.id for a in comparison.articles]
    matrix = [[None if a == b else (share.get((a, b), 0.0), words.get((a, b), 0)) for b in ids] for a in ids]
    numbers = {g.id: n for n, g in enumerate(comparison.groups, 1)}
    sources = [{**s, "number": numbers.get(s.get("group")), "article": comparison.article(s["source"])}
               for s in reuse.get("sources", []) if s.get("source") in ids]
    ranked = sorted(reuse["pairs"], key=lambda p: (-max(p["a_share"], p["b_share"]), p["a"], p["b"]))
    pairs = [{**p, "article_a": comparison.article(p["a"]), "article_b": comparison.article(p["b"])}
             for p in ranked[:RANKED_PAIRS]]
    return {"matrix": matrix, "pairs": pairs, "sources": sources}


_LTR_RUN = re.compile(r"(?:\d[\d.,]*\s+)?[A-Za-zÀ-ɏ](?:[^\u0590-\u08ff]*[A-Za-zÀ-ɏ0-9.!?)])?")


def isolate_ltr(text: str) -> Markup:
    """Text for a right-to-left line with each Latin-script run isolated left to right, so an
    English headline inside an Arabic title keeps its punctuation where its writer put it."""
    out, pos = [], 0
    for m in _LTR_RUN.finditer(text):
        out += [str(escape(text[pos:m.start()])), f'<bdi dir="ltr">{escape(m.group())}</bdi>']
        pos = m.end()
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


def outlet(article: Article) -> Markup:
    """An outlet's name as HTML; a name without Arabic letters (a file name) is isolated
    left to right, or the bidi algorithm shuffles "003_1959643b" inside an Arabic line."""
    if any(highlight.arabic(ch) for ch in article.label):
        return Markup.escape(article.label)  # no extra inline box: a thousand of them cost seconds
    return Markup('<span class="outlet" dir="ltr">{}</span>').format(article.label)


def _outlets(comparison: Comparison, article_ids: list[str]) -> Markup:
    ids = dict.fromkeys(article_ids)
    return Markup("، ").join(outlet(comparison.article(a)) for a in ids)


def _value(comparison: Comparison, v: Value) -> Markup:
    """«value» as published, linked to where it is printed."""
    name = outlet(comparison.article(v.article))
    if not v.fact:
        return Markup("{} «{}»").format(name, isolate_ltr(v.text))
    return Markup('{} <a href="#f-{}">«{}»</a>').format(name, v.fact, isolate_ltr(v.text))


def _excerpt(text: str, words: int = 14) -> str:
    """The first ``words`` words, with an ellipsis when cut."""
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def count_ar(n: int, one: str, two: str, few: str, many: str) -> str:
    """A counted noun in Arabic: سطر واحد، سطران، 3-10 أسطر، 11+ سطراً (and 0 as 11+)."""
    if n == 1:
        return one
    if n == 2:
        return two
    return f"{n} {few if 3 <= n % 100 <= 10 else many}"


def _claims(views: list[GroupView]) -> list[GroupView]:
    """The two groups the summary quotes as what the outlets report alike: most outlets first."""
    return sorted((v for v in views if v.group.kind in ("verbatim", "paraphrase")),
                  key=lambda v: (-len(v.cells), -v.group.score, v.number))[:2]


def _kept(view: GroupView, disputed: set[str]) -> set[str] | None:
    """The PDF_CELLS articles of a group the PDF prints (those with a value in the discrepancy
    table first, then in article order), or None when all fit."""
    if len(view.cells) <= PDF_CELLS:
        return None
    ids = sorted((c.article.id for c in view.cells), key=lambda a: a not in disputed)
    return set(ids[:PDF_CELLS])


def _within_budget(views: list[GroupView], rows: list[Discrepancy], pages: int,
                   heights: dict[str, float]) -> list[GroupView]:
    """The groups an editor checks first, as many as fit in ``pages`` (``heights`` in mm), in their order:
    the two the summary quotes (its links must land), then those holding a row of the discrepancy
    table, most serious kind first, then the rest in the aligner's order (most outlets first)."""
    severity: dict[str | None, int] = {}
    for d in rows:
        severity[d.group] = min(severity.get(d.group, len(ROW_ORDER)), ROW_ORDER.index(d.kind))
    quoted = {v.group.id for v in _claims(views)}
    ranked = sorted(views, key=lambda v: (v.group.id not in quoted, severity.get(v.group.id, len(ROW_ORDER)),
                                          v.number))
    room = pages * PAGE_MM
    shown = []
    for view in ranked:
        room -= heights[view.group.id]
        if room < 0:
            break
        shown.append(view)
    return sorted(shown, key=lambda v: v.number)


def _summary(comparison: Comparison, rows: list[Discrepancy], views: list[GroupView],
             reuse: dict[str, Any] | None) -> dict[str, Any]:
    """A few Arabic sentences: what the outlets agree on, then the main discrepancies with outlets."""
    articles = comparison.articles
    dates = sorted(a.published for a in articles if a.published)
    overview = Markup("تقارن هذه الورقة {} عن الحدث نفسه نشرتها {}").format(
        count_ar(len(articles), "مادة واحدة", "مادتين", "مواد", "مادة"), _outlets(comparison, [a.id for a in articles]))
    if len(dates) > 1 and dates[0] != dates[-1]:
        overview += Markup("، بين {} و{}").format(date_ar(dates[0]), date_ar(dates[-1]))
    elif dates:  # every outlet on one day: that day, not «بين 12 آذار و12 آذار»
        overview += Markup("، في {}").format(date_ar(dates[0]))
    overview += Markup(". طابقنا {} تنقل الخبر نفسه في أكثر من مصدر.").format(
        count_ar(len(views), "مقطعاً واحداً", "مقطعين", "مقاطع", "مقطعاً"))
    agree = []
    for view in _claims(views):
        agree.append(Markup('تنقل {} الخبر نفسه (<a href="#{}">المقطع {}</a>، {}): «{}»').format(
            _outlets(comparison, [a.id for a in view.outlets]), view.group.id, view.number,
            KIND_AR[view.group.kind], isolate_ltr(_excerpt(
                view.cells[0].article.text[view.group.passages[0].start:view.group.passages[0].end]))))
    agreed = [d for d in rows if d.kind == "agreement"]
    if agreed:
        agree.append(Markup("وتتفق على: ") + Markup("؛ ").join(
            Markup("{} «{}» ({})").format(isolate_ltr(d.label), isolate_ltr(d.values[0].text),
                                          _outlets(comparison, [v.article for v in d.values]))
            for d in agreed) + Markup("."))
    disputes = []
    for d in sorted((d for d in rows if d.kind in DISPUTES), key=lambda d: (DISPUTES.index(d.kind), d.id))[:4]:
        values = Markup("، ").join(_value(comparison, v) for v in d.values)
        line = Markup("<strong>{}</strong>: {}.").format(isolate_ltr(d.label), values)
        disputes.append((d.kind, line + (Markup(" {}.").format(d.explanation) if d.explanation else "")))
    tail = []
    if reuse:
        share, a, b = max(((cell[0], a, b) for a, row in enumerate(reuse["matrix"])
                           for b, cell in enumerate(row) if cell), default=(0.0, 0, 0))
        if share > 0:
            tail.append(Markup('أعلى نسبة نقل حرفي: {} تشارك {} في {}% من كلماتها (<a href="#reuse">مصفوفة النقل</a>).')
                        .format(outlet(articles[a]), outlet(articles[b]), round(100 * share)))
    single = sum(len(d.values) for d in comparison.discrepancies if d.kind == "single-source")
    if single:
        tail.append(Markup('وينفرد مصدر واحد بـ{} من الأرقام والتواريخ (<a href="#single">القائمة</a>).').format(single))
    return {"overview": overview, "agree": agree, "disputes": disputes, "tail": tail}


def _noise(article: Article) -> dict[str, Any]:
    removed = max(article.raw_chars - len(article.text), 0)
    return {"lines": len(article.removed_lines),
            "share": removed / article.raw_chars if article.raw_chars else 0.0}


def context(comparison: Comparison, *, for_pdf: bool = False) -> dict[str, Any]:
    """Everything the template shows, computed once. Order matters for anchors: a fact's id
    goes to the first place it is printed (aligned passages, then single-source, then excerpts)."""
    marks = _marks(comparison)
    rows = table_rows(comparison)
    views = _groups(comparison, marks)
    single = _single_source(comparison, marks)
    excerpts = _excerpts(comparison, marks, rows)
    reuse = _reuse(comparison)
    dates = sorted(a.published for a in comparison.articles if a.published)
    shared = {
        "c": comparison,
        "for_pdf": False,
        "compact": len(comparison.articles) > COMPACT_OUTLETS,
        "running_title": _excerpt(comparison.title, 16),
        "period": (dates[0], dates[-1]) if dates else None,
        "summary": _summary(comparison, rows, views, reuse),
        "rows": _table(comparison, rows),
        "kinds": [k for k in ROW_ORDER if any(d.kind == k for d in rows)],
        "timeline": _timeline(comparison, rows),
        "groups": views,
        "discrepancies": rows,  # the table's Discrepancy rows, for pdf_context
        "printed": {v.group.id for v in views},  # groups this document prints (links may go there)
        "left_out": 0,
        "reuse": reuse,
        "single": single,
        "excerpts": excerpts,
        "noise": {a.id: _noise(a) for a in comparison.articles},
        "settings_json": {k: json.dumps(v, ensure_ascii=False) for k, v in comparison.settings.items()},
    }
    return pdf_context(comparison, shared) if for_pdf else shared


def pdf_context(comparison: Comparison, shared: dict[str, Any]) -> dict[str, Any]:
    """The HTML's context for the PDF: side-by-side groups cut to the ``pdf_page_budget`` setting,
    and at most PDF_CELLS passages a group.

    300 articles made a 693-page PDF, 500 of them aligned groups, in minutes and gigabytes; the
    HTML and JSON keep every group. The groups are rendered afresh, so a table value whose passage
    is left out is quoted in the excerpts section and its link still lands in the PDF.
    """
    views = shared["groups"]
    budget = comparison.settings.get("pdf_page_budget", Settings.pdf_page_budget)
    rows = shared["discrepancies"]
    disputed: dict[str | None, set[str]] = defaultdict(set)
    for d in rows:
        disputed[d.group].update(v.article for v in d.values)
    keep = {v.group.id: _kept(v, disputed[v.group.id]) for v in views}
    heights = {v.group.id: _estimated_mm([c for c in v.cells if keep[v.group.id] is None
                                          or c.article.id in keep[v.group.id]]) for v in views}
    shown = _within_budget(views, rows, budget, heights)
    if len(shown) == len(views) and not any(keep.values()):
        return {**shared, "for_pdf": True}
    marks = _marks(comparison)
    shown = [_view(comparison, marks, v.number, v.group, keep[v.group.id]) for v in shown]
    return {**shared, "for_pdf": True, "groups": shown, "printed": {v.group.id for v in shown},
            "left_out": len(views) - len(shown), "page_budget": budget,
            "single": _single_source(comparison, marks), "excerpts": _excerpts(comparison, marks, rows)}


def render_html(comparison: Comparison, *, for_pdf: bool = False) -> str:
    """The briefing as one self-contained HTML document.

    ``for_pdf`` adds the pinned ``@font-face`` files (read by WeasyPrint through its
    restricted fetcher); the HTML file names fonts by family only, so it loads nothing.
    """
    return environment().get_template("briefing.html.j2").render(**context(comparison, for_pdf=for_pdf))


def render_documents(comparison: Comparison) -> tuple[str, str]:
    """(HTML file, HTML for the PDF) from one computed context: the CLI writes both."""
    shared = context(comparison)
    template = environment().get_template("briefing.html.j2")
    return template.render(**shared), template.render(**pdf_context(comparison, shared))
