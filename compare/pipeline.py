"""The library entry point: ``compare(paths, settings) -> Comparison``; the CLI is a thin layer over it."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

from .align import align
from .diff import diff
from .errors import InputError
from .facts import extract_facts
from .ingest import ingest
from .model import Article, Comparison, Fact
from .reuse import compute_reuse
from .settings import Settings
from .textlayer import segment

Progress = Callable[[str], None]


def generated_at() -> str:
    """Generation time; SOURCE_DATE_EPOCH fixes it so outputs are byte-identical across runs."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch and not epoch.isdigit():
        raise InputError("SOURCE_DATE_EPOCH", f"must be whole seconds since 1970, not {epoch!r}")
    moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    return moment.replace(microsecond=0).isoformat()


def compare(paths: list[str], settings: Settings | None = None, *, manifest: Path | None = None,
            title: str | None = None, progress: Progress | None = None) -> Comparison:
    """Read the given files and folders, then compare them (:func:`compare_articles`)."""
    settings = settings or Settings()
    step = progress or (lambda _stage: None)
    step("reading articles")
    articles, warnings = ingest(paths, settings, manifest)
    comparison = compare_articles(articles, settings, progress=step)
    comparison.warnings = warnings + comparison.warnings
    comparison.title = title or comparison.title
    return comparison


def compare_articles(articles: list[Article], settings: Settings | None = None, *,
                     progress: Progress | None = None) -> Comparison:
    """Segment, extract facts, align and diff articles already in memory. The work runs in one
    canonical order (by article id), so the comparison does not depend on the order the paths
    were given; the articles are listed back in the user's order."""
    settings = settings or Settings()
    step = progress or (lambda _stage: None)
    given = articles
    articles = sorted(articles, key=lambda a: (a.id, a.source))
    step("segmenting")
    layers = [segment(a) for a in articles]
    step("extracting facts")
    facts = extract_facts(layers)
    step("aligning passages")
    groups = align(layers, facts, settings)
    step("comparing facts")
    discrepancies, date_warnings = diff(articles, groups, facts)
    comparison = Comparison(articles=list(given), groups=groups, facts=facts, discrepancies=discrepancies,
                            settings=settings.to_dict(), generated=generated_at())
    comparison.reuse = compute_reuse(articles, groups)
    comparison.title = default_title(comparison)
    comparison.uncovered = [a.id for a in articles if a.language not in COVERED_LANGUAGES]
    comparison.warnings = _language_warnings(comparison) + _weekday_warnings(comparison) + date_warnings
    return comparison


#: Languages whose figures, dates and speakers the fact readers understand.
COVERED_LANGUAGES = frozenset({"ar"})
_LANGUAGE_AR = {"en": "الإنجليزية", "fr": "الفرنسية", "fa": "الفارسية", "ur": "الأردية", "he": "العبرية"}


def _language_warnings(comparison: Comparison) -> list[str]:
    """Articles whose language the readers do not cover: their figures were not compared, so a
    briefing with no differences must not read as an all-clear."""
    lines = []
    for article_id in comparison.uncovered:
        article = comparison.article(article_id)
        language = _LANGUAGE_AR.get(article.language, f"غير محددة ({article.language})")
        lines.append(f"{article.label}: المادة باللغة {language}، ولا تقرأ الأداة أرقامها وتواريخها وأسماءها، "
                     "فلم تُقارن بالمصادر الأخرى")
    return lines


def _weekday_warnings(comparison: Comparison) -> list[str]:
    """Named weekdays that do not fall on the dates they resolve to, one line per article: the
    text or its publication date is wrong, and a fact-checker wants to know before trusting
    either. Several in one article point at the publication date."""
    misses: dict[str, list[Fact]] = {}
    for fact in comparison.facts:
        if fact.check == "weekday":
            misses.setdefault(fact.article, []).append(fact)
    lines = []
    for article_id, facts in misses.items():
        article = comparison.article(article_id)
        if len(facts) == 1:
            lines.append(f"{article.label}: «{facts[0].text}» لا يوافق يومَ {facts[0].value} "
                         f"(تاريخ النشر {article.published}) — تحقّق من التاريخ")
        else:
            lines.append(f"{article.label}: {len(facts)} أيام أسبوع مذكورة لا توافق تاريخ النشر {article.published} "
                         f"(مثل «{facts[0].text}») — قد يكون تاريخ النشر خاطئاً")
    return lines


#: Starts a briefing's default title; the corpus index, a list of stories, shows the headline alone.
TITLE_PREFIX = "مقارنة التغطية: "


def default_title(comparison: Comparison) -> str:
    """A title from the story: the headline of the article most other outlets align with."""
    counts = {a.id: 0 for a in comparison.articles}
    for group in comparison.groups:
        for article in {p.article for p in group.passages}:
            counts[article] += 1
    best = max(sorted(comparison.articles, key=lambda a: a.id), key=lambda a: counts[a.id])  # ties: the first id
    return f"{TITLE_PREFIX}{best.title}" if best.title else "مقارنة تغطية المصادر"
