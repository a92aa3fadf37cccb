"""Machine-readable outputs: the whole model as JSON, the discrepancy table as CSV; atomic writes."""

from __future__ import annotations

import csv
import fcntl
import io
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from ..errors import honour_stop
from ..model import Comparison
from .report import KIND_AR


def to_json(comparison: Comparison) -> str:
    """The JSON contract of GUIDE §3 (the whole model); stable order so runs are byte-identical."""
    return json.dumps({"generator": GENERATOR, **comparison.to_dict()}, ensure_ascii=False, indent=1) + "\n"


#: The mark every output carries, so a later run knows which existing files it may replace.
GENERATOR = "compare-sources"
_CSV_HEADER = "\ufeffid,kind,النوع,label,explanation,".encode()


def written_by_us(path: Path) -> bool:
    """True when ``path`` is an output of an earlier run (its mark is in the first bytes).

    A PDF's metadata is compressed, so a PDF counts as ours when the HTML or JSON written with it is.
    """
    if path.suffix == ".pdf":
        return any(written_by_us(path.with_suffix(suffix)) for suffix in (".html", ".json"))
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    marks = {".json": f'"generator": "{GENERATOR}"'.encode(), ".html": f'content="{GENERATOR}"'.encode()}
    return head.startswith(_CSV_HEADER) if path.suffix == ".csv" else marks.get(path.suffix, b"\0") in head


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
    """Give a temporary file beside each of ``paths``; put them all in place only if the block succeeds.

    A failure anywhere (say, while rendering the PDF, or one target that cannot be replaced)
    leaves the previous outputs as they were: not a partial set of files, not a half-written
    file, not even the folders created for them. Each output folder is locked while the set is
    put in place, so two runs writing the same names never mix their files.
    """
    temps: dict[Path, Path] = {}
    created: list[Path] = []
    try:
        for path in paths:
            _make_folders(path.parent, created)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".compare-sources-", suffix=".tmp")
            os.close(fd)
            temps[path] = Path(tmp)
        yield temps
        honour_stop()  # a stop signal that landed in a destructor was dropped there; not here
        with _locked({path.parent for path in temps}):
            _replace_all(temps)
        created.clear()
    finally:
        for tmp in temps.values():
            tmp.unlink(missing_ok=True)
        for folder in reversed(created):
            with suppress(OSError):  # someone else put a file there meanwhile: leave it
                folder.rmdir()


def _replace_all(temps: dict[Path, Path]) -> None:
    """Move every temporary onto its target, or, if one cannot be replaced, restore every target.

    Old files are first moved aside (an immutable or foreign-owned one fails here, before any
    new file is in place); they are deleted only once the whole new set is in place.
    """
    aside: dict[Path, Path] = {}
    placed: list[Path] = []
    try:
        for path in temps:
            if path.exists():
                fd, name = tempfile.mkstemp(dir=path.parent, prefix=".compare-sources-", suffix=".old")
                os.close(fd)
                try:
                    os.replace(path, name)
                except OSError:
                    os.unlink(name)
                    raise
                aside[path] = Path(name)
        for path, tmp in temps.items():
            os.chmod(tmp, 0o644)  # mkstemp makes 0600; outputs are documents to share
            os.replace(tmp, path)
            placed.append(path)
    except BaseException:
        for path in placed:
            if path not in aside:
                path.unlink(missing_ok=True)
        for path, old in aside.items():
            os.replace(old, path)
        raise
    finally:
        for old in aside.values():
            old.unlink(missing_ok=True)


@contextmanager
def _locked(folders: Iterable[Path]) -> Iterator[None]:
    """Hold an exclusive lock on each folder (a second run waits for the first to finish its set)."""
    handles = []
    try:
        for folder in sorted(folders):
            handle = os.open(folder, os.O_RDONLY)
            handles.append(handle)
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        for handle in handles:
            os.close(handle)  # closing releases the lock


def _make_folders(folder: Path, created: list[Path]) -> None:
    """Create ``folder`` and its missing parents, listed in ``created`` (outermost first) before
    they exist, so that a signal arriving meanwhile still has them removed."""
    created += [p for p in (folder, *folder.parents) if not p.exists()][::-1]
    folder.mkdir(parents=True, exist_ok=True)
