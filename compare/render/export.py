"""Machine-readable outputs: the whole model as JSON, the discrepancy table as CSV; atomic writes."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from ..model import Comparison
from .report import KIND_AR


def to_json(comparison: Comparison) -> str:
    """The JSON contract of GUIDE §3 (the whole model); stable order so runs are byte-identical."""
    return json.dumps(comparison.to_dict(), ensure_ascii=False, indent=1) + "\n"


def to_csv(comparison: Comparison) -> str:
    """One row per discrepancy, one column per outlet; UTF-8 with BOM so spreadsheets show Arabic.
    The kind is given twice: the English code for scripts, the Arabic label for readers."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    articles = comparison.articles
    writer.writerow(["id", "kind", "النوع", "label", "explanation",
                     *[f"{a.label} ({a.published or 'تاريخ غير معروف'})" for a in articles]])
    for d in comparison.discrepancies:
        cells = []
        for a in articles:
            values = [v for v in d.values if v.article == a.id]
            cells.append(" | ".join(v.with_note for v in values))
        writer.writerow([d.id, d.kind, KIND_AR[d.kind], d.label, d.explanation, *cells])
    return "\ufeff" + out.getvalue()


@contextmanager
def staged(paths: Iterable[Path]) -> Iterator[dict[Path, Path]]:
    """Give a temporary file beside each of ``paths``; rename them all into place only if the block succeeds.

    A failure anywhere (say, while rendering the PDF) leaves no output at all: not a partial set
    of files, not a half-written file, not even the folders created for them.
    """
    temps: dict[Path, Path] = {}
    created: list[Path] = []
    try:
        for path in paths:
            created += _make_folders(path.parent)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            os.close(fd)
            temps[path] = Path(tmp)
        yield temps
        for path, tmp in temps.items():
            os.chmod(tmp, 0o644)  # mkstemp makes 0600; outputs are documents to share
            os.replace(tmp, path)
        created.clear()
    finally:
        for tmp in temps.values():
            tmp.unlink(missing_ok=True)
        for folder in reversed(created):
            with suppress(OSError):  # someone else put a file there meanwhile: leave it
                folder.rmdir()


def _make_folders(folder: Path) -> list[Path]:
    """Create ``folder`` and its missing parents; return the ones created, outermost first."""
    missing = [p for p in (folder, *folder.parents) if not p.exists()][::-1]
    folder.mkdir(parents=True, exist_ok=True)
    return missing
