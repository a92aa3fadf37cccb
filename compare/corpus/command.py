"""``compare-sources corpus``: run a feed into a store, or write one story's briefing from it."""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.console import Console
from rich.progress import Progress, TextColumn

from ..errors import InputError
from ..model import DIFFERENCES
from ..settings import Settings
from .feed import check_paths
from .store import Store


def add_parser(sub: argparse._SubParsersAction, date: type, settings_help: str) -> None:
    corpus = sub.add_parser(
        "corpus", help="cluster a feed into stories, compare each, keep everything in an SQLite store",
        description="Read folders of saved pages and JSON Lines feeds (url, outlet, published, html or text per "
                    "line), group the articles that report one event into stories, compare every story with two "
                    "outlets or more, and keep it all in the store; the index page lists the stories. Run again "
                    "with new articles: only the stories they join are compared again.")
    corpus.add_argument("paths", nargs="*", metavar="PATH", help="folders of saved pages, .jsonl feeds, article files")
    corpus.add_argument("--store", type=Path, required=True, metavar="DESK.sqlite", help="the store (created if new)")
    corpus.add_argument("--since", type=date, metavar="YYYY-MM-DD", help="skip articles published before this day")
    corpus.add_argument("--window-days", type=_window, default=3, metavar="N",
                        help="articles more than N days apart never join one story (default 3)")
    corpus.add_argument("--workers", type=_workers, metavar="N", help="local worker processes (default: one per core)")
    corpus.add_argument("--scheduler", metavar="ADDRESS", help="an existing Dask cluster, e.g. tcp://10.0.0.5:8786")
    corpus.add_argument("--index", type=Path, metavar="FILE.html",
                        help="the index page (default: beside the store, DESK.html)")
    corpus.add_argument("--briefing", metavar="STORY_ID", help="write this story's briefing (PDF, HTML, JSON, CSV)")
    corpus.add_argument("-o", "--output", type=Path, metavar="FILE.pdf",
                        help="with --briefing: the PDF (default: DESK-briefings/STORY_ID.pdf)")
    corpus.add_argument("--no-pdf", action="store_true", help="with --briefing: HTML, JSON and CSV only")
    corpus.add_argument("--settings", type=Path, metavar="FILE.toml", help=settings_help)
    corpus.add_argument("--debug", action="store_true", help="show the traceback of internal errors")
    corpus.add_argument("-q", "--quiet", action="store_true", help="print nothing but warnings and errors")


def _window(text: str) -> int:
    value = int(text)
    if not 0 <= value <= 366:
        raise argparse.ArgumentTypeError("give a whole number of days from 0 to 366")
    return value


def _workers(text: str) -> int:
    value = int(text)
    if not 1 <= value <= 1024:
        raise argparse.ArgumentTypeError("give a whole number of workers from 1 to 1024")
    return value


def run_command(args: argparse.Namespace, err: Console) -> int:
    settings = Settings.from_toml(args.settings) if args.settings else Settings()
    if not args.briefing and not args.paths:
        raise InputError("PATH", "give folders or feeds to read, or --briefing STORY_ID")
    check_paths(args.paths)
    if args.briefing and not args.store.is_file():
        raise InputError(str(args.store), "no such store; run corpus PATH... --store first")
    index = args.index or args.store.with_suffix(".html")
    briefings = args.store.with_name(f"{args.store.stem}-briefings")
    with Store(args.store) as store:
        if args.briefing:
            _briefing(store, args.briefing, args.output or briefings / f"{args.briefing}.pdf", settings, args)
        else:
            _run(store, settings, args, err)
        _write_index(store, index, briefings)
    if not args.quiet:
        print(f"index: {index}")
    return 0


def _run(store: Store, settings: Settings, args: argparse.Namespace, err: Console) -> None:
    from .run import run_corpus

    columns = [TextColumn("{task.description}: {task.completed}")]
    with Progress(*columns, console=err, disable=args.quiet, transient=False) as progress:
        tasks = {name: progress.add_task(label, total=None) for name, label in
                 (("articles", "articles read"), ("stories", "stories found"), ("compared", "stories compared"))}

        def step(name: str, amount: int) -> None:
            if name == "stories":
                progress.update(tasks["stories"], completed=amount)
            elif name in tasks:
                progress.advance(tasks[name], amount)

        summary = run_corpus(args.paths, store, settings, since=args.since, window_days=args.window_days,
                             workers=args.workers, scheduler=args.scheduler, progress=step)
    if summary.problems:
        err.print(f"[yellow]warning:[/] {summary.problems} article(s) could not be read; "
                  f"see the run log (SELECT * FROM run_log) in {args.store}", highlight=False)
    if not args.quiet:
        kinds = ", ".join(f"{summary.kinds.get(k, 0)} {k}" for k in DIFFERENCES if summary.kinds.get(k))
        print(f"{summary.read} articles read: {summary.stored} new, {summary.known} already stored, "
              f"{summary.problems} unreadable, {summary.before_since} before --since")
        print(f"{summary.stories} stories ({summary.stories_new} new); {summary.compared} compared this run"
              + (f", {summary.failed_comparisons} failed (retried next run)" if summary.failed_comparisons else ""))
        print(f"differences in the store: {kinds or 'none'}")


def _briefing(store: Store, story: str, pdf: Path, settings: Settings, args: argparse.Namespace) -> None:
    from ..pipeline import compare_articles
    from ..render.files import write_briefing

    members = store.members(story)
    if not members:
        raise InputError(story, f"no such story in {store.path}")
    if len(members) < 2:
        raise InputError(story, "has a single article: nothing to compare")
    if pdf.suffix.lower() != ".pdf":
        raise InputError(str(pdf), "the output must be a .pdf file name")
    pdf.parent.mkdir(parents=True, exist_ok=True)
    articles = store.articles(members)
    for position, article in enumerate(articles, 1):
        article.position = position
    written, pages = write_briefing(compare_articles(articles, settings), pdf, with_pdf=not args.no_pdf)
    if not args.quiet:
        print("written: " + ", ".join(map(str, written)) + (f" ({pages} pages)" if pages else ""))


def _write_index(store: Store, index: Path, briefings: Path) -> None:
    from ..render.export import staged, written_by_us
    from ..render.index import render_index

    if index.exists() and not written_by_us(index):
        raise InputError(str(index), "exists and was not written by compare-sources; choose another name with --index")
    html = render_index(store.stories(), store.path, briefings, index)
    with staged([index]) as temp:
        temp[index].write_bytes(html.encode())

