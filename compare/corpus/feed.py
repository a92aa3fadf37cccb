"""Inputs of a corpus run: folders of saved pages and JSON Lines feeds, read into :class:`Item` s.

Reading happens in the client: only bytes travel to the workers, so a remote Dask cluster never
needs the client's files. A bad line or file becomes an item with a ``problem`` (kept in the
store's run log), never an exception: one broken record must not stop a day's run.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..fetch import is_url
from ..ingest import MANIFEST_NAME, Source, articles_in, load
from ..manifest import Entry, read_manifest
from ..settings import Settings

FEED_SUFFIXES = (".jsonl", ".ndjson")


@dataclass(frozen=True)
class Item:
    """One article to read, or the reason it cannot be: ``where`` is a file, or ``feed:line``."""

    id: str
    where: str
    source: Source | None = None
    entry: Entry | None = None
    problem: str | None = None
    notes: tuple[str, ...] = ()  # recorded in the run log, the article is kept (a broken url field)


def article_id(*parts: str) -> str:
    """A stable id: the same page or feed record gets the same id on every run and machine."""
    return "a" + hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:15]


def check_paths(paths: list[str]) -> None:
    """Refuse, before the store is opened, a path that does not exist or is not a file or folder."""
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(raw, "no such file or folder")
        if not (path.is_dir() or path.is_file()):  # a FIFO or device would block or never end
            raise InputError(raw, "is not a regular file or folder")


def read_items(paths: list[str], settings: Settings) -> Iterator[Item]:
    """Every article of the given folders, files and feeds (see :func:`check_paths`), in the order given."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files, skipped = articles_in(path)
            for message in skipped:
                yield Item(article_id(message), message.split(":", 1)[0], problem=message.split(": ", 1)[-1])
            entries: dict[str, Entry] = {}
            if (path / MANIFEST_NAME).is_file():  # outlets and dates, as `report` reads them
                try:
                    entries = read_manifest(path / MANIFEST_NAME)
                except InputError as exc:
                    yield Item(article_id(exc.where), exc.where, problem=f"manifest not used: {exc.problem}")
            feeds, _ = articles_in(path, FEED_SUFFIXES)  # its unreadable folders were named above
            for file in files:
                yield _page(file, settings, entries.get(file.name))
            for feed in feeds:
                yield from _feed(feed, settings)
        elif path.suffix.lower() in FEED_SUFFIXES:
            yield from _feed(path, settings)
        else:
            yield _page(path, settings)


def _page(path: Path, settings: Settings, entry: Entry | None = None) -> Item:
    where = str(path)
    try:
        return Item(article_id(str(path.resolve())), where, source=load(path, settings), entry=entry)
    except InputError as exc:
        return Item(article_id(where), where, problem=exc.problem)


def _feed(path: Path, settings: Settings) -> Iterator[Item]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Item(article_id(str(path)), str(path), problem=f"cannot be read: {exc.strerror or exc}")
        return
    with handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                yield feed_item(line, f"{path}:{number}", settings)


def feed_item(line: bytes, where: str, settings: Settings) -> Item:
    """One JSON Lines record (``url``, ``outlet``, ``published``, ``html`` or ``text``) as an item."""
    if len(line) > settings.max_file_bytes:
        return Item(article_id(where), where, problem=f"line is {len(line):,} bytes, over the size limit")
    try:
        record = json.loads(line)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return Item(article_id(where), where, problem=f"not a JSON record ({exc})")
    if not isinstance(record, dict):
        return Item(article_id(where), where, problem="not a JSON object")
    body, html = _text(record.get("html")), True
    if not body:
        body, html = _text(record.get("text")), False
    url = _text(record.get("url")).strip()
    outlet = _text(record.get("outlet")).strip() or None
    published, notes = _date(record.get("published"))
    if url and not is_url(url):
        notes += (f"url {url[:80]!r} is not an http(s) address; kept without it",)
        url = ""
    ident = article_id(url) if url else article_id(outlet or "", published or "", body)
    if not body.strip():
        return Item(ident, where, problem="record has no html or text")
    source = Source(where, ident, body.encode("utf-8", "surrogatepass"),
                    media_type="text/html" if html else "text/plain", charset="utf-8", url=url or None)
    return Item(ident, where, source=source, notes=notes,
                entry=Entry(outlet=outlet, published=published, url=url or None, title=_text(record.get("title")) or None))


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _date(value: object) -> tuple[str | None, tuple[str, ...]]:
    """An ISO date from the record's timestamp (date or date-time, any zone), or a note why not."""
    if value in (None, ""):
        return None, ()
    try:
        return dt.datetime.fromisoformat(str(value).replace("Z", "+00:00")).date().isoformat(), ()
    except ValueError:
        return None, (f"published {str(value)[:40]!r} is not an ISO date; date left unknown",)
