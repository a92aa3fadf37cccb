"""The discrepancy table and group counts in a terminal, with rich (``compare-sources show``).

Arabic is printed in logical order by default: many terminals apply the bidi algorithm
themselves. ``visual=True`` is for those that do not: each cell is shaped (arabic-reshaper)
and reordered (python-bidi) on its own, and the columns run right to left. Never a whole
row: the bidi algorithm over a row reorders across cells and turned 2021-07-25 into
25-07-2021 (GUIDE §4).
"""

from __future__ import annotations

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


def visual(text: str) -> str:
    """One cell in display order: each line shaped and reordered on its own."""
    return "\n".join(get_display(arabic_reshaper.reshape(line)) for line in text.split("\n"))


def render(comparison: Comparison, console: Console, *, visual_order: bool = False) -> None:
    """Print the title, the discrepancy table, then counts of groups and single-source facts."""
    cell = visual if visual_order else str
    labels = {a.id: a.label for a in comparison.articles}
    table = Table(title=cell(comparison.title), show_lines=True, title_justify="right")
    columns: list[tuple[str, str | None]] = [("النوع", None), ("الواقعة", None)]
    columns += [(a.label, a.id) for a in comparison.articles]
    rows = []
    for d in table_rows(comparison):
        row = [Text(cell(KIND_AR[d.kind]), style=KIND_STYLE.get(d.kind, "")),
               Text(cell(d.label), style="bold")]
        for _, article in columns[2:]:
            values = [v.with_note for v in d.values if v.article == article]
            row.append(Text(cell("\n".join(values))))
        rows.append(row)
    order = slice(None, None, -1) if visual_order else slice(None)
    for name, _ in columns[order]:
        table.add_column(cell(name), justify="right" if visual_order else "left", overflow="fold")
    for row in rows:
        table.add_row(*row[order])
    console.print(table)
    kinds = Counter(g.kind for g in comparison.groups)
    parts = "، ".join(f"{KIND_AR[k]} {n}" for k, n in kinds.most_common())
    console.print(cell(f"المقاطع المتطابقة: {len(comparison.groups)}" + (f" ({parts})" if parts else "")))
    single = Counter(v.article for d in comparison.discrepancies if d.kind == "single-source" for v in d.values)
    if single:
        console.print(cell("ما ينفرد به مصدر واحد: " + "، ".join(f"{labels[a]} {n}" for a, n in single.items())))
