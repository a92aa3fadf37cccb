"""The briefing: one Jinja2 document rendered to HTML and, through WeasyPrint, to PDF.

Renderers only read the finished :class:`Comparison`. Article text is untrusted: Jinja2
autoescapes everything, highlights are built by :mod:`compare.highlight` from offsets.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from . import highlight
from .model import Article, Comparison, Group, Passage
from .pdf import TEMPLATES

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


@dataclass
class Cell:
    """One outlet's column in a group row: its paragraph with the aligned sentence emphasised."""

    article: Article
    before: str
    sentence: Markup
    after: str


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "j2"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals["kind_ar"] = KIND_AR
    return env


def _marks_by_article(comparison: Comparison) -> dict[str, list[highlight.Mark]]:
    """Spans to highlight in every article: disputed figures, differing words, copied runs."""
    marks: dict[str, list[highlight.Mark]] = defaultdict(list)
    facts = {f.id: f for f in comparison.facts}
    for d in comparison.discrepancies:
        if d.kind == "single-source":
            continue
        for v in d.values:
            f = facts.get(v.fact)
            if f:
                marks[f.article].append(highlight.Mark(f.start, f.end, f"fact {d.kind}",
                                                       f"{d.label}: {KIND_AR[d.kind]}", f"f-{f.id}"))
    for g in comparison.groups:
        for span in g.differences:
            marks[span.article].append(highlight.Mark(span.start, span.end, "diff", "كلمة مختلفة"))
        for run in g.verbatim:
            for side in ("a", "b"):
                marks[run[side]].append(highlight.Mark(run[f"{side}_start"], run[f"{side}_end"], "verbatim",
                                                       "نص منقول حرفيا"))
    return marks


def _cells(group: Group, comparison: Comparison, marks: dict[str, list[highlight.Mark]]) -> list[Cell]:
    by_article: dict[str, list[Passage]] = defaultdict(list)
    for p in group.passages:
        by_article[p.article].append(p)
    cells = []
    for article in comparison.articles:
        passages = by_article.get(article.id)
        if not passages:
            continue
        start, end = passages[0].start, passages[-1].end
        para_start, para_end = passages[0].para_start, passages[-1].para_end
        text = article.text
        cells.append(Cell(article, text[para_start:start],
                          highlight.render(text[start:end], start, marks[article.id]), text[end:para_end]))
    return cells


def _summary(comparison: Comparison) -> list[str]:
    """A few Arabic sentences: how many outlets and claims, the main agreements and disputes."""
    n = len(comparison.articles)
    groups = comparison.groups
    shared = [g for g in groups if len({p.article for p in g.passages}) >= 3]
    kinds = Counter(d.kind for d in comparison.discrepancies)
    lines = [f"قورنت {n} مواد صحفية، وجرت مطابقة {len(groups)} مقطعاً تنقل الخبر نفسه بين أكثر من مصدر"
             + (f"، منها {len(shared)} تتفق عليها ثلاثة مصادر أو أكثر." if shared else ".")]
    if kinds:
        parts = [f"{KIND_AR[k]}: {kinds[k]}" for k in ROW_ORDER if kinds.get(k)]
        lines.append("الفروق بين المصادر حسب النوع — " + "، ".join(parts) + ".")
    names = {a.id: a.label for a in comparison.articles}
    for d in sorted(comparison.discrepancies, key=lambda d: ROW_ORDER.index(d.kind))[:4]:
        if d.kind in ("agreement", "single-source"):
            continue
        outlets = "، ".join(dict.fromkeys(names[v.article] for v in d.values))
        lines.append(f"{d.label} ({KIND_AR[d.kind]}): {d.explanation or 'تختلف القيم'} — {outlets}.")
    return lines


def _table(comparison: Comparison) -> list[dict[str, Any]]:
    rows = []
    for d in sorted(comparison.discrepancies, key=lambda d: (ROW_ORDER.index(d.kind), d.id)):
        cells = [[v for v in d.values if v.article == a.id] for a in comparison.articles]
        rows.append({"d": d, "cells": cells})
    return rows


def context(comparison: Comparison) -> dict[str, Any]:
    """Everything the template shows, computed once."""
    marks = _marks_by_article(comparison)
    dates = sorted(a.published for a in comparison.articles if a.published)
    return {
        "c": comparison,
        "period": (dates[0], dates[-1]) if dates else None,
        "summary": _summary(comparison),
        "rows": _table(comparison),
        "groups": [(g, _cells(g, comparison, marks)) for g in comparison.groups],
        "discrepancy_by_id": {d.id: d for d in comparison.discrepancies},
    }


def render_html(comparison: Comparison) -> str:
    return _environment().get_template("briefing.html.j2").render(**context(comparison))
