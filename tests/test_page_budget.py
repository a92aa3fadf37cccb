"""The PDF's page budget for aligned groups (issue 11, item 14): many articles give a readable PDF
whose side-by-side section stops near ``pdf_page_budget`` pages and says how many groups it left to
the HTML and JSON; the discrepancy table and its links stay whole; the seeds lose nothing."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import SEEDS, needs_poppler
from pypdf import PdfReader

from bench.corpus import corpus
from compare.pipeline import compare, compare_articles
from compare.render.pdf import write_pdf
from compare.render.report import (
    PDF_CELLS,
    ROW_ORDER,
    context,
    count_ar,
    pdf_context,
    render_documents,
    table_rows,
)
from compare.settings import Settings

DEVSET = Path(__file__).resolve().parent / "data" / "devset"
BUDGET = 3


def _group_bookmarks(pdf: Path) -> list[str]:
    """Titles of the PDF's bookmarks under the aligned-groups heading (one per group printed).
    pypdf gives the outline as a list where an entry's children follow it as a nested list."""
    levels = [PdfReader(pdf).outline]
    while levels:
        level = levels.pop()
        for item, following in zip(level, [*level[1:], None], strict=True):
            if isinstance(item, list):
                levels.append(item)
            elif item.title == "المقاطع المتطابقة":
                children = following if isinstance(following, list) else []
                return [c.title for c in children if not isinstance(c, list)]
    return []


def _bare(text: str) -> str:
    """Text without spaces, bidi controls and diacritics: how pdftotext's RTL lines compare reliably
    (it moves spaces around numbers and drops the tanween drawn without text, GUIDE §5)."""
    return re.sub(r"[\s\u064b-\u065f\u202a-\u202e\u2066-\u2069]", "", text)


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The eight dev stories and the seeds (35 articles) in one comparison, rendered with a small budget."""
    stories = [str(p) for p in sorted(DEVSET.iterdir()) if p.is_dir()]
    comparison = compare([*stories, str(SEEDS)], replace(Settings(), pdf_page_budget=BUDGET))
    html, pdf_html = render_documents(comparison)
    pdf = tmp_path_factory.mktemp("budget") / "many.pdf"
    pages = write_pdf(pdf_html, pdf)
    return {"c": comparison, "html": html, "pdf_html": pdf_html, "pdf": pdf, "pages": pages}


def test_html_keeps_every_group_and_the_pdf_a_budget(many: dict) -> None:
    groups = many["c"].groups
    shown = re.findall(r'<section class="group[^"]*" id="([^"]+)"', many["pdf_html"])
    assert re.findall(r'<section class="group[^"]*" id="([^"]+)"', many["html"]) == [g.id for g in groups]
    assert 'class="left-out"' not in many["html"]
    assert 0 < len(shown) < len(groups) // 2
    assert shown == [g.id for g in groups if g.id in shown]  # in the aligner's order, numbers kept


@needs_poppler
def test_pdf_names_what_it_left_out_and_stays_within_budget(many: dict) -> None:
    """The PDF says, in Arabic, how many groups are in the HTML and JSON only; its groups section
    spans about the budget (the estimate is rough: one page of slack)."""
    import subprocess

    text = subprocess.run(["pdftotext", str(many["pdf"]), "-"], capture_output=True, text=True, check=True).stdout
    printed = _group_bookmarks(many["pdf"])
    left = len(many["c"].groups) - len(printed)
    assert printed and left > 0
    wanted = "و" + count_ar(left, "مقطع واحد آخر", "مقطعان آخران", "مقاطع أخرى", "مقطعاً آخر") + " في نسخة HTML وملف"
    assert _bare(wanted) in _bare(text)  # (readers put the sentence's final stop before «JSON»)
    pages = text.split("\f")
    first = next(i for i, p in enumerate(pages) if "المقاطع المتطابقة" in p)
    after = next(i for i, p in enumerate(pages) if i > first and re.search("مصفوفة النقل|ما ينفرد به مصدر واحد", p))
    assert after - first <= BUDGET + 1


def test_disputed_groups_come_first_and_every_table_link_lands(many: dict) -> None:
    """Every discrepancy row is in the PDF; a value whose group was left out is quoted in the excerpts,
    so every link of the PDF has a target; groups holding rows go in before those holding none."""
    comparison, pdf_html = many["c"], many["pdf_html"]
    rows = table_rows(comparison)
    assert pdf_html.count('<tr class="row ') == len(rows)
    targets = set(re.findall(r'\bid="([^"]+)"', pdf_html))
    links = set(re.findall(r'href="#([^"]+)"', pdf_html))
    assert links and links <= targets, sorted(links - targets)[:5]
    severity = {}
    for d in rows:
        severity[d.group] = min(severity.get(d.group, len(ROW_ORDER)), ROW_ORDER.index(d.kind))
    shown = set(re.findall(r'<section class="group[^"]*" id="([^"]+)"', pdf_html))
    quoted = set(re.findall(r'<a href="#([^"]+)">المقطع', pdf_html.split('id="discrepancies"')[0]))
    kept = [severity.get(g.id, len(ROW_ORDER)) for g in comparison.groups if g.id in shown - quoted]
    dropped = [severity.get(g.id, len(ROW_ORDER)) for g in comparison.groups if g.id not in shown]
    assert max(kept) <= min(dropped)


@needs_poppler
def test_seeds_briefing_shows_every_group(seeds_run: dict) -> None:
    """The default budget does not cut the seeds: 42 groups, all bookmarked, no left-out line."""
    groups = seeds_run["json"]["groups"]
    assert len(_group_bookmarks(seeds_run["pdf"])) == len(groups) >= 40
    assert 'class="left-out"' not in seeds_run["pdf"].with_suffix(".html").read_text(encoding="utf-8")
    assert len(PdfReader(seeds_run["pdf"]).pages) <= 16


def test_a_group_of_many_outlets_prints_at_most_two_rows() -> None:
    """Twenty rewrites of the seeds: a claim carried by nine or ten outlets in their own words prints
    PDF_CELLS passages, the outlets with a compared value first, and names the rest."""
    comparison = compare_articles(corpus(20, story_share=0.0), replace(Settings(), pdf_page_budget=1_000))
    shared = context(comparison)
    full = {v.group.id: v for v in shared["groups"]}
    printed = pdf_context(comparison, shared)["groups"]
    assert [v.group.id for v in printed] == list(full)
    compared = {(d.group, v.article) for d in table_rows(comparison) for v in d.values}
    wide = [v for v in printed if len(full[v.group.id].cells) > PDF_CELLS]
    assert wide
    for view in wide:
        everyone = [c.article.id for c in full[view.group.id].cells]
        kept = [c.article.id for c in view.cells]
        assert len(kept) == PDF_CELLS and [a.id for a in view.more] == [a for a in everyone if a not in kept]
        disputed = [a for a in everyone if (view.group.id, a) in compared]
        assert set(disputed[:PDF_CELLS]) <= set(kept)
    _, pdf_html = render_documents(comparison)
    view = wide[0]
    more = count_ar(len(view.more), "مصدر واحد آخر", "مصدران آخران", "مصادر أخرى", "مصدراً آخر")
    section = pdf_html.split(f'id="{view.group.id}">')[1].split("</section>")[0]
    assert section.count('<td class="context"') == PDF_CELLS and f"و{more} بصياغته في نسخة HTML" in section
    assert set(re.findall(r'href="#([^"]+)"', pdf_html)) <= set(re.findall(r'\bid="([^"]+)"', pdf_html))
