"""The discrepancy table and group counts in a terminal, with rich (``compare-sources show``).

Arabic is printed in logical order by default: many terminals apply the bidi algorithm
themselves. ``visual=True`` is for those that do not: each cell is shaped (arabic-reshaper)
and reordered (python-bidi) on its own, and the columns run right to left. Never a whole
row: the bidi algorithm over a row reorders across cells and turned 2021-07-25 into
25-07-2021 (GUIDE §4).
"""

from __future__ import annotations

import textwrap
from collections import Counter

import arabic_reshaper
from bidi import get_display
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..model import Comparison
from .report import KIND_AR, table_rows

KIND_STYLE = {
    "conflict": "bold white on red3",
    "scope": "bold black on dark_orange",
    "time": "bold white on purple4",
    "wording": "bold white on blue3",
    "compatible": "bold white on dark_cyan",
    "agreement": "bold white on green4",
}


def visual(text: str, width: int | None = None) -> str:
    """One cell in display order: wrapped in logical order to ``width`` first (a terminal must not
    wrap a reordered line: its lines would come out last first), then each line shaped and
    reordered on its own (python-bidi mirrors the brackets)."""
    lines = [part for line in text.split("\n") for part in (textwrap.wrap(line, width) if width else [line]) or [""]]
    return "\n".join(get_display(arabic_reshaper.reshape(line)) for line in lines)


def _longest_word(texts: list[str]) -> int:
    """Width of the longest word of a column: rich never folds a column narrower than this, so a
    word is never split («الأميركي|ة»)."""
    return max((len(word) for text in texts for word in text.split()), default=1)


def render(comparison: Comparison, console: Console, *, visual_order: bool = False) -> None:
    """Print the title, the discrepancy table, then counts of groups and single-source facts."""
    labels = {a.id: a.label for a in comparison.articles}
    columns: list[tuple[str, str | None]] = [("النوع", None), ("الواقعة", None)]
    columns += [(a.label, a.id) for a in comparison.articles]
    texts: list[list[str]] = []
    for d in table_rows(comparison):
        row = [KIND_AR[d.kind], d.label]
        for _, article in columns[2:]:
            row.append("\n".join(v.with_note for v in d.values if v.article == article))
        texts.append(row)
    styles = [lambda d: KIND_STYLE.get(d.kind, ""), lambda d: "bold"]
    # visual order: every column gets a fixed width (a border and two spaces of padding around
    # each), cells are wrapped to it before reordering
    width = max(4, (console.width - 1) // len(columns) - 3) if visual_order else None
    cell = (lambda text: visual(text, width)) if visual_order else str
    table = Table(title=visual(comparison.title, console.width) if visual_order else comparison.title,
                  show_lines=True, title_justify="right")
    order = slice(None, None, -1) if visual_order else slice(None)
    for n, (name, _) in list(enumerate(columns))[order]:
        longest = _longest_word([name] + [row[n] for row in texts])
        if visual_order:
            table.add_column(cell(name), justify="right", width=width, no_wrap=True)
        else:
            table.add_column(name, justify="left", min_width=min(longest, 30), overflow="fold")
    for d, row in zip(table_rows(comparison), texts, strict=True):
        shown = [Text(cell(text), style=styles[n](d) if n < 2 else "") for n, text in enumerate(row)]
        table.add_row(*shown[order])
    console.print(table)
    cell = visual if visual_order else str  # lines below the table wrap as the terminal likes
    kinds = Counter(g.kind for g in comparison.groups)
    parts = "، ".join(f"{KIND_AR[k]} {n}" for k, n in kinds.most_common())
    console.print(cell(f"المقاطع المتطابقة: {len(comparison.groups)}" + (f" ({parts})" if parts else "")))
    single = Counter(v.article for d in comparison.discrepancies if d.kind == "single-source" for v in d.values)
    if single:
        console.print(cell("ما ينفرد به مصدر واحد: " + "، ".join(f"{labels[a]} {n}" for a, n in single.items())))
