"""The generated feed of bench/corpus.py: corpus-mode benchmarks (bench/corpus_scale.py) are
only telling if stories differ, outlets vary, days are spread and the feed reads as a real one."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from pathlib import Path

import pytest

from bench.corpus import _SENTENCE_END, FURNITURE, Record, feed, write_feed
from compare.corpus.feed import feed_item, read_items
from compare.settings import Settings

SIZE, DAYS = 400, 4


@pytest.fixture(scope="module")
def records() -> list[Record]:
    return feed(SIZE, seed=3, days=DAYS)


def _by_story(records: list[Record]) -> dict[int, list[Record]]:
    stories: dict[int, list[Record]] = defaultdict(list)
    for r in records:
        stories[r.story].append(r)
    return stories


def _trigrams(text: str) -> set[tuple[str, ...]]:
    words = text.split()
    return set(zip(words, words[1:], words[2:], strict=False))


def test_deterministic_and_sizes_are_prefixes(records: list[Record]) -> None:
    assert feed(SIZE, seed=3, days=DAYS) == records
    assert feed(SIZE // 2, seed=3, days=DAYS) == records[:SIZE // 2]
    assert feed(50, seed=4, days=DAYS) != records[:50]


def test_no_sentence_is_shared_between_stories(records: list[Record]) -> None:
    owner: dict[str, int] = {}
    for r in records:
        for paragraph in r.text.split("\n"):
            for sentence in _SENTENCE_END.split(paragraph):
                if len(sentence.split()) >= 6 and sentence != FURNITURE:  # the footer recurs on purpose
                    assert owner.setdefault(sentence, r.story) == r.story, sentence


def test_stories_differ_and_outlets_of_a_story_agree(records: list[Record]) -> None:
    stories = _by_story(records)
    grams = {s: set().union(*(_trigrams(r.text) for r in rs)) for s, rs in stories.items()}
    across = [len(grams[a] & grams[b]) / len(grams[a] | grams[b]) for a, b in itertools.combinations(list(grams)[:60], 2)]
    assert max(across) < 0.1
    within = [len(_trigrams(a.text) & _trigrams(b.text)) / len(_trigrams(a.text) | _trigrams(b.text))
              for rs in stories.values() for a, b in itertools.combinations(rs, 2)]
    assert sum(within) / len(within) > 0.25


def test_outlets_vary(records: list[Record]) -> None:
    stories = _by_story(records)
    sizes = {len(rs) for s, rs in stories.items() if s != records[-1].story}  # the last one may be cut short
    assert 1 in sizes and max(sizes) == 8 and len(sizes) >= 6
    for rs in stories.values():
        assert len({r.outlet for r in rs}) == len(rs)
    assert len({r.outlet for r in records}) > 100


def test_dates_span_the_days(records: list[Record]) -> None:
    dates = {dt.datetime.fromisoformat(r.published).date() for r in records}
    assert len(dates) == DAYS
    assert (max(dates) - min(dates)).days == DAYS - 1
    for rs in _by_story(records).values():
        days = {dt.datetime.fromisoformat(r.published).date() for r in rs}
        assert (max(days) - min(days)).days <= 1


def test_feed_lines_read_as_items(records: list[Record], tmp_path: Path) -> None:
    path = write_feed(tmp_path / "feed.jsonl", records)
    settings = Settings()
    lines = path.read_bytes().splitlines()
    assert len(lines) == SIZE
    items = [feed_item(line, f"feed:{n}", settings) for n, line in enumerate(lines, 1)]
    assert all(i.problem is None and not i.notes and i.source and i.entry for i in items)
    assert len({i.id for i in items}) == SIZE  # unique urls give unique ids
    by_url = {r.url: r for r in records}
    for item in items[:20]:
        assert item.entry is not None and item.entry.url is not None
        record = by_url[item.entry.url]
        assert item.entry.outlet == record.outlet
        assert item.entry.published == record.published[:10]
    assert [i.id for i in read_items([str(path)], settings)] == [i.id for i in items]
