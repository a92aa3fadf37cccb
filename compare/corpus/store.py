"""The corpus store: one SQLite file holding articles, stories, comparisons and the run log.

Only the client process writes it (workers return results), so a dead worker never leaves a
half-written row, and WAL mode lets a reader query the file during a run. The schema is in the
README («Corpus store»); ``SCHEMA`` below is the source of truth.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Article, Comparison
from ..pipeline import TITLE_PREFIX
from .parse import Features, Parsed

VERSION = "compare-sources-corpus/1"
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY, started TEXT, finished TEXT, inputs TEXT, summary TEXT);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, source TEXT, url TEXT, outlet TEXT, published TEXT, title TEXT,
    language TEXT, words INTEGER, run INTEGER,
    article TEXT,   -- the whole Article as JSON: what a comparison reads
    features TEXT   -- what story clustering compares (parse.Features as JSON)
);
CREATE TABLE IF NOT EXISTS bands (  -- one small B-tree ordered by key, then clustering order
    key INTEGER, seq INTEGER, PRIMARY KEY (key, seq)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS terms (word TEXT PRIMARY KEY, df INTEGER);
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY, title TEXT, first_published TEXT, last_published TEXT,
    articles INTEGER, outlets INTEGER,
    members_hash TEXT,    -- the member ids now
    compared_hash TEXT,   -- the member ids when last compared: equal means nothing to do
    kinds TEXT,           -- rows per kind of the last comparison, JSON
    comparison BLOB       -- the comparison's JSON as `report` writes it, zlib-compressed
);
CREATE TABLE IF NOT EXISTS members (
    article TEXT PRIMARY KEY, story TEXT, run INTEGER,
    seq INTEGER UNIQUE,  -- clustering order (the bands refer to it)
    published TEXT       -- the article's, here so candidate lookups need no second join
);
CREATE INDEX IF NOT EXISTS members_story ON members (story, seq);
CREATE TABLE IF NOT EXISTS groups (story TEXT, id TEXT, kind TEXT, score REAL, articles INTEGER, PRIMARY KEY (story, id));
CREATE TABLE IF NOT EXISTS discrepancies (
    story TEXT, id TEXT, kind TEXT, label TEXT, slot TEXT, grp TEXT, explanation TEXT, PRIMARY KEY (story, id));
CREATE TABLE IF NOT EXISTS discrepancy_values (
    story TEXT, discrepancy TEXT, article TEXT, fact TEXT, text TEXT, value TEXT, note TEXT);
CREATE INDEX IF NOT EXISTS values_story ON discrepancy_values (story);
CREATE TABLE IF NOT EXISTS run_log (run INTEGER, source TEXT, article TEXT, level TEXT, problem TEXT);
"""
#: SQLite's page cache: the band keys are random, so their B-tree is read all over; with the
#: default 2 MB cache, clustering 10k articles took 116 s instead of 71 s (bench/corpus_scale.py).
CACHE_KIB = 256 * 1024
#: Tables whose content is the result of the runs (the run log and runs table are history).
RESULT_TABLES = ("articles", "bands", "terms", "stories", "members", "groups", "discrepancies", "discrepancy_values")


class Store:
    """An open corpus store. Use as a context manager; every write goes through :meth:`batch`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        _check(path)
        try:
            self.db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
            self.db.executescript(SCHEMA)
            self.db.execute("INSERT OR IGNORE INTO meta VALUES ('version', ?)", (VERSION,))
        except sqlite3.DatabaseError as exc:
            raise InputError(str(path), f"is not a compare-sources corpus store ({exc})") from None
        version = self.db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()[0]
        if version != VERSION:
            raise InputError(str(path), f"is a store of another version ({version}, this is {VERSION})")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.db.close()

    @contextmanager
    def batch(self) -> Iterator[sqlite3.Connection]:
        """One transaction: a run stopped in the middle leaves the store as before the batch."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # --- runs and their log ---
    def start_run(self, inputs: list[str]) -> int:
        with self.batch() as db:
            return db.execute("INSERT INTO runs (started, inputs) VALUES (?, ?)",
                              (_now(), json.dumps(inputs, ensure_ascii=False))).lastrowid or 0

    def finish_run(self, run: int, summary: dict[str, int]) -> None:
        with self.batch() as db:
            db.execute("UPDATE runs SET finished = ?, summary = ? WHERE id = ?", (_now(), json.dumps(summary), run))

    def log(self, run: int, entries: Iterable[tuple[str, str | None, str, str]]) -> None:
        """(source, article id, level, problem) lines of the run log."""
        with self.batch() as db:
            db.executemany("INSERT INTO run_log VALUES (?, ?, ?, ?, ?)", [(run, *e) for e in entries])

    # --- articles ---
    def known(self, ids: list[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(ids, 500):
            marks = ",".join("?" * len(chunk))
            found |= {row[0] for row in self.db.execute(f"SELECT id FROM articles WHERE id IN ({marks})", chunk)}
        return found

    def add_articles(self, run: int, parsed: list[Parsed]) -> None:
        with self.batch() as db:
            db.executemany(
                "INSERT OR IGNORE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(p.article.id, p.article.source, p.article.url, p.article.outlet, p.article.published,
                  p.article.title, p.article.language, p.article.words, run,
                  json.dumps(asdict(p.article), ensure_ascii=False), json.dumps(asdict(p.features), ensure_ascii=False))
                 for p in parsed if p.article and p.features])

    def unclustered(self) -> list[tuple[str, str | None]]:
        """Stored articles in no story yet (new ones, or a run stopped before clustering), in
        the order clustering takes them: by publication date, then id."""
        rows = self.db.execute("SELECT id, published FROM articles WHERE id NOT IN (SELECT article FROM members)")
        return sorted(rows, key=lambda r: (r[1] or "9999", r[0]))

    def features(self, article: str) -> tuple[str | None, Features]:
        published, text = self.db.execute("SELECT published, features FROM articles WHERE id = ?", (article,)).fetchone()
        return published, Features(**json.loads(text))

    def articles(self, ids: list[str]) -> list[Article]:
        rows = dict(self.db.execute(f"SELECT id, article FROM articles WHERE id IN ({','.join('?' * len(ids))})", ids))
        return [Article(**json.loads(rows[i])) for i in ids]

    def count(self, table: str) -> int:
        return self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

    # --- stories ---
    def members(self, story: str) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT article FROM members WHERE story = ? ORDER BY article", (story,))]

    def to_compare(self) -> list[str]:
        """Stories with two outlets or more whose members changed since their last comparison."""
        return [r[0] for r in self.db.execute(
            "SELECT id FROM stories WHERE outlets >= 2 AND members_hash IS NOT compared_hash ORDER BY id")]

    def save_comparison(self, story: str, members_hash: str, comparison: Comparison, packed: bytes) -> None:
        kinds: dict[str, int] = {}
        for d in comparison.discrepancies:
            kinds[d.kind] = kinds.get(d.kind, 0) + 1
        with self.batch() as db:
            for table in ("groups", "discrepancies", "discrepancy_values"):
                db.execute(f"DELETE FROM {table} WHERE story = ?", (story,))
            db.executemany("INSERT INTO groups VALUES (?, ?, ?, ?, ?)", [
                (story, g.id, g.kind, g.score, len({p.article for p in g.passages})) for g in comparison.groups])
            db.executemany("INSERT INTO discrepancies VALUES (?, ?, ?, ?, ?, ?, ?)", [
                (story, d.id, d.kind, d.label, d.slot, d.group, d.explanation) for d in comparison.discrepancies])
            db.executemany("INSERT INTO discrepancy_values VALUES (?, ?, ?, ?, ?, ?, ?)", [
                (story, d.id, v.article, v.fact, v.text, json.dumps(v.value, ensure_ascii=False), v.note)
                for d in comparison.discrepancies for v in d.values])
            db.execute("UPDATE stories SET compared_hash = ?, kinds = ?, comparison = ?, title = ? WHERE id = ?",
                       (members_hash, json.dumps(kinds), packed, comparison.title.removeprefix(TITLE_PREFIX), story))

    def stories(self) -> list[dict[str, Any]]:
        """Every story for the index page, newest first, with its outlets' names."""
        names = ("id", "title", "first_published", "last_published", "articles", "outlets", "kinds", "compared_hash")
        outlets: dict[str, list[str]] = {}
        for story, outlet in self.db.execute("SELECT DISTINCT m.story, a.outlet FROM members m JOIN articles a "
                                             "ON a.id = m.article WHERE a.outlet IS NOT NULL ORDER BY a.outlet"):
            outlets.setdefault(story, []).append(outlet)
        rows = self.db.execute(f"SELECT {', '.join(names)} FROM stories ORDER BY last_published DESC, id")
        return [{**dict(zip(names, row, strict=True)), "outlet_names": outlets.get(row[0], [])} for row in rows]

    def dump(self) -> dict[str, list[tuple]]:
        """The stored results, table by table in a canonical order: two runs over the same input
        give equal dumps (the comparison JSON is left out: it carries its generation time)."""
        out = {}
        for table in RESULT_TABLES:
            columns = [r[1] for r in self.db.execute(f"PRAGMA table_info({table})") if r[1] not in ("comparison", "run")]
            out[table] = sorted(self.db.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall(), key=repr)
        return out


def _check(path: Path) -> None:
    """Refuse a folder, a special file or a file that is not SQLite: never write over a user's file."""
    if not path.exists():
        if not path.parent.is_dir():
            raise InputError(str(path), "its folder does not exist")
        return
    if not path.is_file():
        raise InputError(str(path), "is not a regular file")
    with path.open("rb") as handle:
        head = handle.read(16)
    if head and head != b"SQLite format 3\x00":
        raise InputError(str(path), "exists and is not an SQLite file; give a new name for the store")


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]
