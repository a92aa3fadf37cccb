"""One corpus run: read the inputs, parse new articles, cluster them into stories, compare the
stories they touched. Every stage commits to the store as it goes, so a run stopped anywhere
(a dead worker, Ctrl-C, a killed client) resumes from the store when run again."""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from ..model import Article, Comparison
from ..pipeline import compare_articles
from ..render.export import to_json
from ..settings import Settings
from .engine import engine, run_all
from .feed import Item, read_items
from .parse import Parsed, parse_batch
from .store import Store
from .stories import Clusterer

BATCH = 32  # items per parsing task: enough to outweigh a task's overhead


@dataclass
class Summary:
    """What a run did; printed at the end and kept in the store's runs table."""

    read: int = 0
    known: int = 0  # already in the store (a rerun, or a resumed run)
    stored: int = 0
    problems: int = 0
    before_since: int = 0
    clustered: int = 0
    stories_new: int = 0
    compared: int = 0
    failed_comparisons: int = 0
    stories: int = 0
    kinds: dict[str, int] = field(default_factory=dict)


Progress = Callable[[str, int], None]  # (counter name, amount to add)


def run_corpus(paths: list[str], store: Store, settings: Settings, *, since: str | None = None,
               window_days: int = 3, workers: int | None = None, scheduler: str | None = None,
               progress: Progress | None = None) -> Summary:
    step = progress or (lambda _name, _n: None)
    summary = Summary()
    run = store.start_run(paths)
    with engine(workers, scheduler) as client:
        run_all(client, parse_batch, ((batch, settings) for batch in _new_batches(paths, settings, store, summary, step)),
                lambda parsed: _store_parsed(store, run, parsed, since, summary, step),
                lambda task, exc: _store_parsed(store, run, [Parsed(i, problem=f"not parsed: {exc}") for i in task[0]],
                                                since, summary, step))
        counts = Clusterer(store, window_days).run(store.unclustered())
        summary.clustered, summary.stories_new = counts.clustered, counts.new_stories
        step("stories", store.count("stories"))
        todo = store.to_compare()
        step("to compare", len(todo))
        run_all(client, compare_story, ((story, *_story_input(store, story), settings) for story in todo),
                lambda result: _store_comparison(store, run, result, summary, step),
                lambda task, exc: _store_comparison(store, run, (task[0], task[1], None, str(exc)), summary, step))
    summary.stories = store.count("stories")
    for (kind, n) in store.db.execute("SELECT kind, COUNT(*) FROM discrepancies GROUP BY kind"):
        summary.kinds[kind] = n
    store.finish_run(run, {k: v for k, v in vars(summary).items() if isinstance(v, int)})
    return summary


def _new_batches(paths: list[str], settings: Settings, store: Store, summary: Summary,
                 step: Progress) -> Iterator[list[Item]]:
    """Items not yet in the store, in batches; each id once (a feed may repeat a record)."""
    seen: set[str] = set()
    batch: list[Item] = []
    for item in read_items(paths, settings):
        summary.read += 1
        if item.id in seen:
            summary.known += 1
            continue
        seen.add(item.id)
        batch.append(item)
        if len(batch) == BATCH:
            yield from _unknown(batch, store, summary)
            batch = []
    yield from _unknown(batch, store, summary)


def _unknown(batch: list[Item], store: Store, summary: Summary) -> Iterator[list[Item]]:
    known = store.known([i.id for i in batch])
    summary.known += len(known)
    fresh = [i for i in batch if i.id not in known]
    if fresh:
        yield fresh


def _store_parsed(store: Store, run: int, parsed: list[Parsed], since: str | None, summary: Summary,
                  step: Progress) -> None:
    kept, log = [], []
    for p in parsed:
        log += [(p.item.where, p.item.id, "warning", note) for note in p.item.notes]
        if p.problem or p.article is None:
            log.append((p.item.where, p.item.id, "error", p.problem or "unreadable"))
            summary.problems += 1
        elif since and p.article.published and p.article.published < since:
            summary.before_since += 1
        else:
            kept.append(p)
    store.add_articles(run, kept)
    if log:
        store.log(run, log)
    summary.stored += len(kept)
    step("articles", len(parsed))


def _story_input(store: Store, story: str) -> tuple[str, list[Article]]:
    members = store.members(story)
    row = store.db.execute("SELECT members_hash FROM stories WHERE id = ?", (story,)).fetchone()
    return row[0], store.articles(members)


def compare_story(story: str, members_hash: str, articles: list[Article],
                  settings: Settings) -> tuple[str, str, Comparison | None, bytes | str]:
    """A Dask task: the story's comparison, exactly as `report` makes it, with its JSON
    compressed for the store; or the error that stopped it (kept in the run log)."""
    for position, article in enumerate(articles, 1):
        article.position = position
    try:
        comparison = compare_articles(articles, settings)
    except Exception as exc:  # one bad story must not stop the day's run: it is logged and retried
        return story, members_hash, None, f"{type(exc).__name__}: {exc}"
    return story, members_hash, comparison, zlib.compress(to_json(comparison).encode(), 6)


def _store_comparison(store: Store, run: int, result: tuple[str, str, Comparison | None, bytes | str],
                      summary: Summary, step: Progress) -> None:
    story, members_hash, comparison, payload = result
    if comparison is None:
        store.log(run, [(story, None, "error", f"comparison failed: {payload}")])
        summary.failed_comparisons += 1
    else:
        store.save_comparison(story, members_hash, comparison, bytes(payload))
        summary.compared += 1
    step("compared", 1)
