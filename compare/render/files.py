"""Writing a briefing's files: the PDF, HTML, JSON and CSV appear together, or none does."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..errors import InputError
from ..model import Comparison
from .export import staged, to_csv, to_json
from .report import render_documents

EXTENSIONS = ("pdf", "html", "json", "csv")


def outputs(pdf: Path) -> dict[str, Path]:
    """The four files of a briefing, named after its PDF."""
    return {ext: pdf.with_suffix(f".{ext}") for ext in EXTENSIONS}


def write_briefing(comparison: Comparison, pdf: Path, *, with_pdf: bool = True) -> tuple[list[Path], int]:
    """Write the briefing next to ``pdf`` (the PDF itself only ``with_pdf``); return the files
    written and the PDF's page count."""
    files = outputs(pdf)
    written = [files[e] for e in EXTENSIONS if e != "pdf" or with_pdf]
    json_text, csv_text = to_json(comparison), to_csv(comparison)
    html, pdf_html = render_documents(comparison)
    pages = 0
    try:
        with staged(written) as temp:
            if with_pdf:
                from .pdf import write_pdf

                pages = write_pdf(pdf_html, temp[files["pdf"]], attachments=[
                    (files["json"].name, json_text.encode(), "application/json"),
                    (files["csv"].name, csv_text.encode(), "text/csv"),
                ], created=dt.datetime.fromisoformat(comparison.generated))
            temp[files["html"]].write_bytes(html.encode())
            temp[files["json"]].write_bytes(json_text.encode())
            temp[files["csv"]].write_bytes(csv_text.encode())
    except OSError as exc:  # a full disk, an immutable or foreign-owned old output: nothing was changed
        ours = not exc.filename or Path(str(exc.filename)).name.startswith(".compare-sources-")
        raise InputError(str(pdf.parent if ours else exc.filename),  # a temporary name means nothing to a user
                         f"cannot write the outputs: {exc.strerror or exc}; the previous files are unchanged") from None
    return written, pages
