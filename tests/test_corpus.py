"""Corpus mode on real text: feeds with broken records, reruns that change nothing, new articles
that touch only their story, the index page, and clustering quality on the seeds and dev stories."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from compare.cli import main
from compare.corpus.store import Store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
DEV = ROOT / "tests" / "data" / "devset"


def _record(path: Path, n: int, **extra: str) -> str:
    return json.dumps({"url": f"https://outlet{n}.example/news/{path.stem}", "outlet": f"منفذ {n}",
                       "published": "2021-07-26T09:30:00+03:00", "text": path.read_text(encoding="utf-8"), **extra},
                      ensure_ascii=False)


@pytest.fixture(scope="module")
def feed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds as a feed, with the broken records a real crawler export holds."""
    path = tmp_path_factory.mktemp("feed") / "day.jsonl"
    lines = [_record(p, n) for n, p in enumerate(SEEDS[:4])]
    lines += [
        '{"url": "https://x.example/1", "text": ',  # cut off mid-record
        json.dumps({"url": "https://x.example/empty", "outlet": "س", "text": "  "}),  # no text
        _record(SEEDS[4], 9, url="htp:/broken address"),  # a broken url: kept, noted
        json.dumps({"url": "https://x.example/bin", "html": "\x00\x01\x02\x03" * 300}),  # a binary page
        lines[0],  # the same record twice
    ]
    data = "\n".join(lines).encode() + b"\n\xff\xfe not json at all\n"
    path.write_bytes(data)
    return path


def _corpus(*args: str) -> int:
    return main(["corpus", *args, "--workers", "1", "-q"])


def test_feed_with_broken_records_is_read_logged_and_compared(feed: Path, tmp_path: Path, capsys) -> None:
    store = tmp_path / "desk.sqlite"
    assert _corpus(str(feed), "--store", str(store)) == 0
    db = sqlite3.connect(store)
    log = {(source.rsplit(":", 1)[1], level): problem for source, level, problem in
           db.execute("SELECT source, level, problem FROM run_log")}
    assert log[("5", "error")].startswith("not a JSON record")
    assert log[("6", "error")] == "record has no html or text"
    assert "not an http(s) address" in log[("7", "warning")]
    assert ("8", "error") in log and "binary" in log[("8", "error")]
    assert log[("10", "error")].startswith("not a JSON record")
    assert db.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 5  # four seeds and the broken-url one
    assert db.execute("SELECT url FROM articles WHERE outlet = 'منفذ 9'").fetchone() == (None,)
    assert db.execute("SELECT COUNT(*) FROM stories WHERE compared_hash IS NOT NULL").fetchone()[0] >= 1
    assert "warning: 4 article(s) could not be read" in capsys.readouterr().err


def test_rerun_changes_nothing_and_new_articles_touch_only_their_story(feed: Path, tmp_path: Path) -> None:
    store = tmp_path / "desk.sqlite"
    assert _corpus(str(feed), "--store", str(store)) == 0
    with Store(store) as s:
        first = s.dump()
        compared = dict(s.db.execute("SELECT id, compared_hash FROM stories"))
    assert _corpus(str(feed), "--store", str(store)) == 0
    with Store(store) as s:
        assert s.dump() == first
    story = DEV / "d3_rate_decision"
    assert _corpus(str(story), "--store", str(store)) == 0
    with Store(store) as s:
        after = dict(s.db.execute("SELECT id, compared_hash FROM stories"))
        runs = s.db.execute("SELECT summary FROM runs ORDER BY id").fetchall()
    assert {k: v for k, v in after.items() if k in compared} == compared  # the seeds' stories were not compared again
    assert json.loads(runs[-1][0])["compared"] == 1  # the rate decision alone
    assert json.loads(runs[1][0])["stored"] == 0


def test_briefing_of_a_story_and_the_index(feed: Path, tmp_path: Path) -> None:
    store = tmp_path / "desk.sqlite"
    assert _corpus(str(DEV / "d6_court_verdict"), "--store", str(store)) == 0
    with Store(store) as s:
        story, title = s.db.execute("SELECT id, title FROM stories WHERE outlets = 3").fetchone()
    index = tmp_path / "desk.html"
    assert story in index.read_text(encoding="utf-8") and "--briefing" in index.read_text(encoding="utf-8")
    assert _corpus("--store", str(store), "--briefing", "s0000") == 2
    assert _corpus("--store", str(store), "--briefing", story, "--no-pdf") == 0
    html = tmp_path / "desk-briefings" / f"{story}.html"
    assert title in html.read_text(encoding="utf-8")
    assert f'href="desk-briefings/{story}.html"' in index.read_text(encoding="utf-8")
    briefing = json.loads(html.with_suffix(".json").read_text(encoding="utf-8"))
    assert sorted(a["source"] for a in briefing["articles"]) == sorted(str(p) for p in (DEV / "d6_court_verdict").glob("*.*") if p.name != "gold.json")


@pytest.mark.parametrize(("args", "message"), [
    (["--briefing", "s0000"], "desk.sqlite: no such store; run corpus PATH... --store first"),
    ([], "PATH: give folders or feeds to read, or --briefing STORY_ID"),
    (["/nowhere/at/all"], "/nowhere/at/all: no such file or folder"),
])
def test_corpus_user_errors_are_one_line(tmp_path: Path, capsys, args: list[str], message: str) -> None:
    assert _corpus(*args, "--store", str(tmp_path / "desk.sqlite")) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and message in err
    assert not (tmp_path / "desk.html").exists()
    assert not (tmp_path / "desk.sqlite").exists()


def test_a_file_that_is_not_a_store_is_never_touched(tmp_path: Path, capsys) -> None:
    notes = tmp_path / "notes.sqlite"
    notes.write_text("my notes", encoding="utf-8")
    assert _corpus(str(SEEDS[0]), "--store", str(notes)) == 2
    assert "is not an SQLite file" in capsys.readouterr().err
    assert notes.read_text(encoding="utf-8") == "my notes"
    assert not (tmp_path / "notes.html").exists()


def _half(n: int) -> float:
    if n == 3:
        raise ValueError("three")
    return n / 2


def test_a_failing_task_is_reported_and_the_others_finish() -> None:
    """A task Dask gives up on (it raised, or its workers kept dying) reaches ``failed`` with its
    arguments; the run does not stop (the store keeps what it has; the next run retries)."""
    from distributed import Client

    from compare.corpus.engine import run_all

    done: list[float] = []
    failed: list[tuple] = []
    with Client(processes=False, n_workers=1, threads_per_worker=1, dashboard_address=":0") as client:
        run_all(client, _half, ((n,) for n in range(10)), done.append, lambda task, exc: failed.append((task, str(exc))))
    assert sorted(done) == [n / 2 for n in range(10) if n != 3]
    assert failed == [((3,), "three")]


def test_since_skips_older_articles_and_says_how_many(tmp_path: Path, capsys) -> None:
    store = tmp_path / "desk.sqlite"
    code = main(["corpus", str(DEV / "d1_earthquake"), str(DEV / "d3_rate_decision"), "--store", str(store),
                 "--since", "2025-11-01", "--workers", "1"])
    assert code == 0
    with Store(store) as s:
        days = sorted({r[0] for r in s.db.execute("SELECT published FROM articles")})
    assert days and all(day >= "2025-11-01" for day in days)  # the rate decision, not the June earthquake
    assert "4 before --since" in capsys.readouterr().out


def test_a_folder_is_read_as_report_reads_it_hidden_folders_skipped(tmp_path: Path) -> None:
    """Feeds and pages anywhere below a folder are read; a hidden folder (a crawler's cache, .git)
    is not, neither its pages nor its feeds."""
    from compare.corpus.feed import read_items
    from compare.settings import Settings

    (tmp_path / "day").mkdir()
    (tmp_path / "day" / "feed.jsonl").write_text(_record(SEEDS[0], 1) + "\n", encoding="utf-8")
    (tmp_path / "day" / "page.txt").write_text(SEEDS[1].read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "old.jsonl").write_text(_record(SEEDS[2], 2) + "\n", encoding="utf-8")
    (tmp_path / ".cache" / "old.txt").write_text(SEEDS[3].read_text(encoding="utf-8"), encoding="utf-8")
    where = sorted(item.where for item in read_items([str(tmp_path)], Settings()))
    assert where == [f"{tmp_path / 'day' / 'feed.jsonl'}:1", str(tmp_path / "day" / "page.txt")]
