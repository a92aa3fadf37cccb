"""The optional ``sources.toml`` manifest: what the user knows about each file.

One table per file, keyed by file name (or by URL)::

    ["000_rudaw.txt"]
    outlet = "رووداو"
    published = 2021-07-26        # a TOML date or "YYYY-MM-DD"
    url = "https://..."
    note = "date line on the page"

Anything left out is inferred from the page, and the report says what could not be.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

FIELDS = {"outlet", "outlet_en", "published", "url", "note", "title", "language"}


@dataclass(frozen=True)
class Entry:
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    note: str | None = None
    title: str | None = None
    language: str | None = None


def read_manifest(path: Path) -> dict[str, Entry]:
    """Entries by file name; raise :class:`InputError` on anything a user must fix."""
    where = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise InputError(where, "manifest not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(where, f"cannot read manifest: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(where, f"not valid TOML: {exc}") from None
    entries = {}
    for name, table in data.items():
        if not isinstance(table, dict):
            raise InputError(where, f"entry {name!r} must be a table like [\"{name}\"]")
        unknown = sorted(set(table) - FIELDS)
        if unknown:
            raise InputError(where, f"entry {name!r} has unknown field(s): {', '.join(unknown)}")
        entries[name] = Entry(
            outlet=table.get("outlet"),
            published=_date(table.get("published"), where, name),
            url=table.get("url"),
            note=table.get("note"),
            title=table.get("title"),
            language=table.get("language"),
        )
    return entries


def _date(value: object, where: str, name: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise InputError(where, f"entry {name!r}: {value!r} is not a valid date (YYYY-MM-DD)") from None
