"""`compare-sources show`: the discrepancy table in a terminal, logical or visual order."""

from __future__ import annotations

import io

import arabic_reshaper
from bidi import get_display
from conftest import SEEDS
from rich.console import Console
from test_report import _mixed

from compare.cli import main
from compare.model import Comparison, Discrepancy, Value
from compare.render.terminal import render, visual


def _shown(comparison: Comparison, visual_order: bool) -> str:
    out = io.StringIO()
    render(comparison, Console(file=out, width=160, color_system=None), visual_order=visual_order)
    return out.getvalue()


def _with_date_row() -> Comparison:
    comparison = _mixed()
    comparison.discrepancies.append(Discrepancy("d2", "يوم التصريح", "conflict", [
        Value("ar.txt", "", "2021-07-25", "2021-07-25"), Value("en.txt", "", "2021-07-22", "2021-07-22")]))
    return comparison


def test_logical_order_prints_text_as_stored() -> None:
    text = _shown(_with_date_row(), visual_order=False)
    assert "رووداو" in text and "يوم التصريح" in text and "تعارض" in text
    assert "2021-07-25" in text and "2,500" in text
    assert text.index("النوع") < text.index("الواقعة") < text.index("رووداو")  # columns in logical order


def test_visual_order_shapes_each_cell_and_never_a_row() -> None:
    text = _shown(_with_date_row(), visual_order=True)
    assert "يوم التصريح" not in text  # reshaped into presentation forms and reversed
    assert get_display(arabic_reshaper.reshape("يوم التصريح")) in text
    assert "2021-07-25" in text and "25-07-2021" not in text  # a whole-row bidi pass would flip it
    header = next(line for line in text.splitlines() if visual("النوع") in line)
    assert header.index(visual("رووداو")) < header.index(visual("النوع"))  # first column on the right


def test_cli_show_prints_the_seeds_table(capsys) -> None:
    assert main(["show", str(SEEDS)]) == 0
    out = capsys.readouterr().out
    assert "المقاطع المتطابقة" in out
    assert "3500" in out and "5200" in out
    assert "ما ينفرد به مصدر واحد" in out


def test_no_word_is_split_and_visual_cells_keep_their_lines_in_order() -> None:
    comparison = _mixed()
    long_note = "القوات الأميركية المنتشرة في العراق منذ سنوات طويلة بحسب المتحدث باسم وزارة الدفاع"
    comparison.discrepancies.append(Discrepancy("d3", "عدد القوات الأميركية (تقريبي)", "scope", [
        Value("ar.txt", "", "2500", 2500, note=long_note), Value("en.txt", "", "3000", 3000)]))
    out = io.StringIO()
    render(comparison, Console(file=out, width=60, color_system=None), visual_order=False)
    words = set(long_note.split())
    cut = [piece for line in out.getvalue().splitlines() for piece in line.replace("│", " ").split()
           if any(w.startswith(piece) and w != piece for w in words) and piece not in words]
    assert not cut, cut  # «الأميركي|ة»
    out = io.StringIO()
    render(comparison, Console(file=out, width=60, color_system=None), visual_order=True)
    text = out.getvalue()
    first, last = visual("القوات"), visual("الدفاع")
    assert text.index(first) < text.index(last)  # the cell's first words on its first line
    assert visual("(تقريبي)") in text or visual("عدد القوات الأميركية (تقريبي)", 20).split("\n")[0] in text
