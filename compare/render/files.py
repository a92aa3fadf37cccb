"""Writing a briefing's files: the PDF, HTML, JSON and CSV appear together, or none does."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import pickle
import signal
from multiprocessing.connection import Connection
from pathlib import Path

from ..errors import InputError
from ..model import Comparison
from .export import staged, to_csv, to_json
from .report import render_documents

EXTENSIONS = ("pdf", "html", "json", "csv")


class PdfWriterCrashed(RuntimeError):
    """The PDF writer process died of a signal (a crash, or killed for memory)."""


def pdf_in_child(html: str, out: Path, attachments: list[tuple[str, bytes, str]], created: dt.datetime) -> int:
    """WeasyPrint in a forked child process; the page count back through a pipe.

    Pango and cairo do not always survive running out of memory: under a tight ``ulimit -v``
    they crashed the whole process (SIGSEGV) instead of raising. In a child, a crash is one line
    from the parent, which still removes the temporary files. Errors come back as exceptions.
    """
    context = multiprocessing.get_context("fork")
    reader, writer = context.Pipe(duplex=False)
    child = context.Process(target=_write_pdf, args=(writer, html, out, attachments, created), daemon=True)
    child.start()
    writer.close()
    try:
        result = reader.recv()
    except EOFError:  # the child died before it could answer
        child.join()
        name = signal.Signals(-child.exitcode).name if child.exitcode and child.exitcode < 0 else f"exit {child.exitcode}"
        raise (MemoryError() if child.exitcode == -signal.SIGKILL else
               PdfWriterCrashed(f"the PDF writer stopped with {name} (out of memory?)")) from None
    finally:
        if child.is_alive():
            child.kill()
        child.join()
    if isinstance(result, BaseException):
        raise result
    return result


def _write_pdf(answer: Connection, html: str, out: Path, attachments: list[tuple[str, bytes, str]],
               created: dt.datetime) -> None:
    os.dup2(os.open(os.devnull, os.O_WRONLY), 2)  # a dying renderer's noise is not the user's error line
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C reaches the parent too: it cleans up
    try:
        from .pdf import write_pdf

        answer.send(write_pdf(html, out, attachments=attachments, created=created))
    except BaseException as exc:  # sent back whole: the parent raises it as if it happened there
        answer.send(exc if _picklable(exc) else RuntimeError(f"{type(exc).__name__}: {exc}"))


def _picklable(exc: BaseException) -> bool:
    try:
        pickle.dumps(exc)
    except Exception:
        return False
    return True


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
                pages = pdf_in_child(pdf_html, temp[files["pdf"]], [
                    (files["json"].name, json_text.encode(), "application/json"),
                    (files["csv"].name, csv_text.encode(), "text/csv"),
                ], dt.datetime.fromisoformat(comparison.generated))
            temp[files["html"]].write_bytes(html.encode())
            temp[files["json"]].write_bytes(json_text.encode())
            temp[files["csv"]].write_bytes(csv_text.encode())
    except OSError as exc:  # a full disk, an immutable or foreign-owned old output: nothing was changed
        ours = not exc.filename or Path(str(exc.filename)).name.startswith(".compare-sources-")
        raise InputError(str(pdf.parent if ours else exc.filename),  # a temporary name means nothing to a user
                         f"cannot write the outputs: {exc.strerror or exc}; the previous files are unchanged") from None
    return written, pages
