"""Command line: a thin layer over :func:`compare.pipeline.compare` and the renderers.

Exit codes: 0 ok, 1 internal error (run again with --debug for the traceback), 2 bad input.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import signal
import sys
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from rich.console import Console

from .errors import InputError, Stopped, forget_stops, stop
from .model import DIFFERENCES
from .settings import Settings, out_of_range, range_text

DEFAULT_OUTPUT = Path("reports/briefing.pdf")
NAME_MAX = 255  # bytes in one file name on Linux and macOS file systems

EXIT_OK, EXIT_INTERNAL, EXIT_INPUT = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="compare-sources",
        description="Compare news articles about one event across outlets: align the passages that "
                    "report the same thing, find where their facts differ, write a right-to-left briefing.",
        epilog="Exit codes: 0 ok, 1 internal error (rerun with --debug), 2 bad input.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    report = sub.add_parser(
        "report", help="write the PDF briefing with HTML, JSON and CSV beside it",
        description="Write FILE.pdf and, beside it with the same stem, .html (the same document), "
                    ".json (the whole comparison) and .csv (the discrepancy table, UTF-8 with BOM).",
    )
    report.add_argument("paths", nargs="+", metavar="PATH",
                        help="article files (.txt, .md, .html, .htm), folders searched recursively, or "
                             "http(s) URLs of articles; a sources.toml in a given folder is read as its manifest")
    report.add_argument("-o", "--output", type=_output, default=DEFAULT_OUTPUT, metavar="FILE.pdf",
                        help=f"PDF to write (default: {DEFAULT_OUTPUT}; an existing folder: {DEFAULT_OUTPUT.name} "
                             "inside it); folders are created")
    report.add_argument("--manifest", type=Path, metavar="sources.toml",
                        help="outlet, publication date and URL per file (TOML tables keyed by file name)")
    report.add_argument("--title", help="briefing title (default: derived from the story)")
    report.add_argument("--settings", type=Path, metavar="FILE.toml",
                        help="override tuning parameters (names as in the report's method section)")
    report.add_argument("--max-bytes", type=_max_bytes, metavar="N",
                        help=f"largest input file or page accepted, in bytes (default {Settings().max_file_bytes:,})")
    report.add_argument("--no-pdf", action="store_true", help="skip the PDF; write HTML, JSON and CSV only")
    report.add_argument("--force", action="store_true",
                        help="replace existing files of the output names even if compare-sources did not write them")
    report.add_argument("--debug", action="store_true", help="show the traceback of internal errors")
    loud = report.add_mutually_exclusive_group()
    loud.add_argument("-q", "--quiet", action="store_true", help="print nothing but warnings and errors")
    loud.add_argument("-v", "--verbose", action="store_true", help="print each stage as it starts, with its time")
    show = sub.add_parser(
        "show", help="print the discrepancy table and group counts in the terminal",
        description="Compare the articles and print the discrepancy table (facts reported by two or more "
                    "outlets) and the number of aligned groups; nothing is written.",
    )
    show.add_argument("paths", nargs="+", metavar="PATH", help="article files, folders or URLs, as for report")
    show.add_argument("--manifest", type=Path, metavar="sources.toml", help="as for report")
    show.add_argument("--settings", type=Path, metavar="FILE.toml", help="as for report")
    show.add_argument("--max-bytes", type=_max_bytes, metavar="N", help="as for report")
    show.add_argument("--visual", action="store_true",
                      help="shape and reorder Arabic cell by cell, for terminals without bidi support")
    show.add_argument("--debug", action="store_true", help="show the traceback of internal errors")
    from .corpus.command import add_parser as add_corpus

    add_corpus(sub, _date, "override tuning parameters, as for report")
    sub.add_parser("settings", help="print every tuning setting with its default and what it does",
                   description="Print the settings a --settings FILE.toml may override: name, default, and "
                               "what each does (in Arabic, as in the briefing's method section).")
    return parser


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("compare-sources")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def _output(text: str) -> Path:
    """An argparse type: a non-empty path without control characters (they would split the one-line errors)."""
    if not text.strip() or any(ord(ch) < 32 for ch in text):
        raise argparse.ArgumentTypeError("give a file name such as reports/briefing.pdf")
    return Path(text)


def _date(text: str) -> str:
    """An argparse type: a day as YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError("give a day as YYYY-MM-DD") from None


def _max_bytes(text: str) -> int:
    """An argparse type: a whole number in max_file_bytes' range (argparse reports the error, exit code 2)."""
    value = int(text)
    problem = out_of_range("max_file_bytes", value)
    if problem:
        raise argparse.ArgumentTypeError(problem)
    return value


def _settings(args: argparse.Namespace) -> Settings:
    settings = Settings.from_toml(args.settings) if args.settings else Settings()
    if args.max_bytes:
        settings = replace(settings, max_file_bytes=args.max_bytes)
    return settings


def _check_outputs(outputs: list[Path], args: argparse.Namespace) -> None:
    """Refuse, before any work, outputs that would destroy something or that cannot be written.

    No output may land on a file the run reads (every input after resolving symlinks, the files
    found in input folders, the manifest, the settings), nor an article file into an input folder
    (it would be read next time), nor on an existing file an earlier run did not write (unless
    ``--force``).
    """
    from .fetch import is_url
    from .ingest import ARTICLE_SUFFIXES, articles_in
    from .render.export import written_by_us

    given = [_resolved(Path(p)) for p in args.paths if not is_url(p)]
    reads = {*given, *(_resolved(f) for g in given if g.is_dir() for f in articles_in(g)[0])}
    reads |= {_resolved(p) for p in (args.manifest, args.settings) if p}
    for path in outputs:
        if len(path.name.encode()) > NAME_MAX:
            raise InputError(str(path), f"file name is over {NAME_MAX} bytes; choose a shorter one with -o")
        target = _resolved(path)
        if target in reads:
            raise InputError(str(path), "is a file this run reads (an input, the manifest or the settings); choose another output name with -o")
        folder = next((g for g in given if g.is_dir() and target.is_relative_to(g)), None)
        if folder and target.suffix in ARTICLE_SUFFIXES:
            raise InputError(str(path), f"is inside the input folder {folder}; choose another output folder with -o")
        if target.is_dir():
            raise InputError(str(path), "is a folder; choose another output name with -o")
        if target.exists() and not args.force and not written_by_us(target):
            raise InputError(str(path), "exists and was not written by compare-sources; "
                                        "choose another output name with -o, or replace it with --force")
        existing = next(p for p in target.parents if p.exists())
        if not existing.is_dir() or not os.access(existing, os.W_OK | os.X_OK):
            raise InputError(str(path), f"cannot be written: {existing} is not a writable folder")


def _resolved(path: Path) -> Path:
    """The real path behind symlinks; a symlink loop is a user error, not a crash."""
    try:
        return path.resolve()
    except (RuntimeError, OSError) as exc:
        raise InputError(str(path), f"cannot be resolved: {exc}") from None


def run_report(args: argparse.Namespace, err: Console) -> int:
    from .pipeline import compare
    from .render.files import outputs, write_briefing

    try:
        is_folder = args.output.is_dir()
    except OSError:  # a name too long to look up: _check_outputs says so
        is_folder = False
    pdf = args.output / DEFAULT_OUTPUT.name if is_folder else args.output
    if pdf.suffix.lower() != ".pdf":
        raise InputError(str(pdf), "the output must be a .pdf file name (the .html, .json and .csv "
                                   "are written beside it); for no PDF use --no-pdf")
    _check_outputs([p for e, p in outputs(pdf).items() if e != "pdf" or not args.no_pdf], args)
    with _progress(err, args) as step:
        comparison = compare(args.paths, _settings(args), manifest=args.manifest, title=args.title, progress=step)
        step("rendering the briefing")
        written, pages = write_briefing(comparison, pdf, with_pdf=not args.no_pdf)
    for warning in comparison.warnings:
        err.print(f"[yellow]warning:[/] {warning}", highlight=False)
    if not args.quiet:
        print(f"{len(comparison.articles)} articles, {len(comparison.groups)} aligned groups, {len(comparison.facts)} facts")
        print(summary(comparison.discrepancies))
        if comparison.uncovered:  # never a silent all-clear: say which articles were not compared
            print(f"not compared (language the fact readers do not cover): {', '.join(comparison.uncovered)}")
        print("written: " + ", ".join(str(p) for p in written) + (f" ({pages} pages)" if pages else ""))
    return EXIT_OK


def summary(rows: list) -> str:
    """The closing line: differences by kind, then agreements and single-source figures apart
    (an agreement is not a discrepancy)."""
    kinds = Counter(d.kind for d in rows)
    differences = ", ".join(f"{kinds[k]} {k}" for k in DIFFERENCES if kinds[k]) or "none"
    return (f"differences: {differences}; agreements: {kinds['agreement']}; "
            f"figures one outlet alone reports: {kinds['single-source']}")


@contextmanager
def _progress(err: Console, args: argparse.Namespace) -> Iterator[Callable[[str], None]]:
    """How the stages show: a spinner, a timed line each (--verbose), or nothing (--quiet)."""
    if args.quiet:
        yield lambda _stage: None
    elif args.verbose:
        started = time.perf_counter()
        yield lambda stage: err.print(f"[{time.perf_counter() - started:6.2f} s] {stage}", highlight=False)
    else:
        with err.status("reading articles") as status:
            yield lambda stage: status.update(stage)


def run_show(args: argparse.Namespace, err: Console) -> int:
    from .pipeline import compare
    from .render.terminal import render

    with err.status("reading articles") as status:
        comparison = compare(args.paths, _settings(args), manifest=args.manifest,
                             progress=lambda stage: status.update(stage))
    render(comparison, Console(), visual_order=args.visual)
    return EXIT_OK


def run_settings(_args: argparse.Namespace, _err: Console) -> int:
    """One line per setting: ``name = default`` and its description, ready for a settings TOML."""
    from .render.report import SETTINGS_AR

    for name, value in Settings().to_dict().items():
        print(f"{name} = {value!r}  # [{range_text(name)}] {SETTINGS_AR.get(name, '')}")
    return EXIT_OK


def _one_line(text: str) -> str:
    """Control characters (a newline in a file name) escaped, so an error stays one line."""
    return "".join(ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode() for ch in text)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    err = Console(stderr=True)
    args.debug = getattr(args, "debug", False)
    hook = sys.unraisablehook
    if not args.debug:  # "Exception ignored in ..." from destructors failing when memory runs out
        sys.unraisablehook = lambda _unraisable: None
    from .corpus.command import run_command as run_corpus

    command = {"show": run_show, "settings": run_settings, "corpus": run_corpus}.get(args.command, run_report)
    main_thread = threading.current_thread() is threading.main_thread()  # only it may set handlers
    forget_stops()
    previous = {signum: signal.signal(signum, stop) for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
                if main_thread}
    try:
        return command(args, err)
    except InputError as exc:
        err.print(f"compare-sources: error: {_one_line(str(exc))}", highlight=False, soft_wrap=True, markup=False)
        return EXIT_INPUT
    except (KeyboardInterrupt, Stopped) as exc:
        signum = exc.signum if isinstance(exc, Stopped) else signal.SIGINT
        err.print(f"compare-sources: stopped by {signal.Signals(signum).name} (temporary files removed)",
                  highlight=False, soft_wrap=True)
        return 128 + signum
    except MemoryError:
        pass  # reported below: by then the traceback, and the failed work's memory with it, is freed
    except Exception as exc:  # an internal error: one line for the user, the traceback on request
        if args.debug:
            traceback.print_exc()
        else:
            err.print(f"compare-sources: internal error: {type(exc).__name__}: {exc} (rerun with --debug)",
                      highlight=False, soft_wrap=True)
        return EXIT_INTERNAL
    finally:
        sys.unraisablehook = hook
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    sys.stderr.write("compare-sources: internal error: out of memory (are the inputs this large? see --max-bytes)\n")
    return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
