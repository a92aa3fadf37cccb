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

from .errors import InputError, check_small_file

FIELDS = {"outlet", "outlet_en", "published", "url", "note", "title", "language"}
#: Publication dates outside this range are typing mistakes (a future date, a year of 0021).
EARLIEST = dt.date(1800, 1, 1)


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
    check_small_file(path, "manifest")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(where, f"cannot read manifest: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(where, f"not valid TOML: {exc}") from None
    return {name: _entry(table, where, name) for name, table in data.items()}


def _entry(table: object, where: str, name: str) -> Entry:
    if not isinstance(table, dict):
        raise InputError(where, f"entry {name!r} must be a table like [\"{name}\"]")
    unknown = sorted(set(table) - FIELDS)
    if unknown:
        raise InputError(where, f"entry {name!r} has unknown field(s): {', '.join(unknown)}")
    texts = {f: table[f] for f in ("outlet", "url", "note", "title", "language") if f in table}
    for field_name, value in texts.items():
        if not isinstance(value, str) or not value.strip():
            raise InputError(where, f"entry {name!r}: {field_name} must be non-empty text, not {value!r}")
    return Entry(published=_date(table.get("published"), where, name), **texts)


def _date(value: object, where: str, name: str) -> str | None:
    """An ISO date from a TOML date or a "YYYY-MM-DD" string; impossible dates are user errors."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        try:
            value = dt.date.fromisoformat(str(value))
        except ValueError:
            raise InputError(where, f"entry {name!r}: {value!r} is not a valid date (YYYY-MM-DD)") from None
    if not EARLIEST <= value <= dt.date.today() + dt.timedelta(days=1):
        raise InputError(where, f"entry {name!r}: published {value.isoformat()} is not a possible "
                                "publication date (in the future or before 1800)")
    return value.isoformat()
