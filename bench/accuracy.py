"""Accuracy on the annotated stories: the pipeline run in-process, scored by bench/scoring.py.

A story is a folder holding its articles and a ``gold.json``; the seeds (``seeds/``, whose gold
is ``tests/data/gold.json``) are one too. Without arguments it scores the eight dev stories of
``tests/data/devset`` and the seeds, and prints one row per story, a TOTAL over the dev stories
(summed counts, not a mean of ratios) and the seeds apart:

    python -m bench.accuracy                    # the table
    python -m bench.accuracy tests/data/devset/d1_earthquake --json
    python -m bench.accuracy --check            # also run ../shared/tools/evaluate.py and compare
    python -m bench.accuracy --write-floors     # rewrite tests/data/accuracy_floors.json

Columns: gold aligned pairs found in one group; predicted cross-outlet passage pairs that are a
gold or optional pair; gold conflicts reported as conflicts; reported conflict rows that are a
gold conflict; gold non-conflicts reported as conflicts; matched gold discrepancies given the
gold kind; page-furniture figures reported as facts (noise leaks); seconds for the pipeline
(the first story with an HTML page also pays ~2 s for trafilatura's date search to load dateparser).
Stories below their floors in tests/data/accuracy_floors.json are listed after the table.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.scoring import Count, Score, score
from compare.pipeline import compare
from compare.render.export import to_json
from compare.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "tests" / "data" / "devset"
#: Stories annotated apart from the dev set (tests/data/extra/README.md): scored on request, and
#: training data for the aligner's weights.
EXTRA = ROOT / "tests" / "data" / "extra"
#: Stories kept out of every fit (tests/data/heldout/README.md): the aligner's weights never see
#: them, so their figures estimate what an unseen story scores.
HELDOUT = ROOT / "tests" / "data" / "heldout"
SEEDS = ROOT / "seeds"
SEEDS_GOLD = ROOT / "tests" / "data" / "gold.json"
FLOORS = ROOT / "tests" / "data" / "accuracy_floors.json"
EVALUATOR = ROOT.parent / "shared" / "tools" / "evaluate.py"
MARGIN = 0.03
"""Floors sit this far below today's ratios (rounded down to hundredths)."""


@dataclass(frozen=True)
class Story:
    """An annotated story: the folder the pipeline reads and the gold file it is scored with."""

    name: str
    folder: Path
    gold: Path
    seeds: bool = False


@dataclass
class Result:
    story: Story
    score: Score
    seconds: float
    output: dict[str, Any]
    """The comparison as the CLI's JSON would hold it."""


def find_stories(folders: Iterable[Path]) -> list[Story]:
    """The stories in ``folders``: each folder is a story (it holds gold.json, or is seeds/)
    or holds stories one level down."""
    stories = []
    for folder in folders:
        if folder.resolve() == SEEDS.resolve():
            stories.append(Story("seeds", folder, SEEDS_GOLD, seeds=True))
        elif (folder / "gold.json").is_file():
            stories.append(Story(folder.name, folder, folder / "gold.json"))
        else:
            stories += [Story(sub.name, sub, sub / "gold.json")
                        for sub in sorted(p for p in folder.iterdir() if p.is_dir()) if (sub / "gold.json").is_file()]
    return stories


def default_stories() -> list[Story]:
    """The dev stories of tests/data/devset, then the seeds."""
    return find_stories([DEVSET, SEEDS])


def run_story(story: Story, settings: Settings | None = None) -> Result:
    """Compare the story's articles with the library API and score the JSON it would write."""
    started = time.perf_counter()
    comparison = compare([str(story.folder)], settings or Settings())
    output = json.loads(to_json(comparison))
    seconds = time.perf_counter() - started
    gold = json.loads(story.gold.read_text(encoding="utf-8"))
    return Result(story, score(output, gold), seconds, output)


# --- floors ------------------------------------------------------------------------------------

#: Ratios that must not fall below their floor, and counts that must not rise above their ceiling.
FLOOR_RATIOS = ("align_recall", "align_precision", "conflict_recall", "conflict_precision", "kind_accuracy")
CEILING_COUNTS = ("false_conflicts", "noise_leaks")


def _count_of(result: Score, name: str) -> int:
    return result.false_conflicts.found if name == "false_conflicts" else result.noise_leaks


def floors_of(result: Score, margin: float = MARGIN) -> dict[str, float | int]:
    """Today's figures as floors: each ratio minus ``margin``, rounded down to hundredths (a ratio
    with nothing to measure gets no floor), each count as it is."""
    floors: dict[str, float | int] = {}
    for name in FLOOR_RATIOS:
        value = getattr(result, name)
        if value is not None:
            floors[f"min_{name}"] = max(0.0, math.floor(round((value - margin) * 100, 6)) / 100)
    for name in CEILING_COUNTS:
        floors[f"max_{name}"] = _count_of(result, name)
    return floors


def below_floors(result: Score, floors: Mapping[str, float | int]) -> list[str]:
    """The figures of ``result`` that break ``floors``, one line each. A ratio with nothing to
    measure today (no conflict row reported, say) breaks no floor: the recall floors catch a
    pipeline that stops reporting."""
    broken = []
    for name in FLOOR_RATIOS:
        floor, value = floors.get(f"min_{name}"), getattr(result, name)
        if floor is not None and value is not None and value < floor:
            broken.append(f"{name} {value:.3f} < floor {floor}")
    for name in CEILING_COUNTS:
        ceiling, count = floors.get(f"max_{name}"), _count_of(result, name)
        if ceiling is not None and count > ceiling:
            broken.append(f"{name} {count} > ceiling {ceiling}")
    return broken


def read_floors(path: Path = FLOORS) -> dict[str, dict[str, float | int]]:
    """Floors per story name ({} when the file does not exist)."""
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))["stories"]


def write_floors(results: list[Result], margin: float, path: Path = FLOORS) -> list[str]:
    """Set the floors of the scored stories from their figures (other stories keep theirs);
    return one line per floor that moves."""
    stories = read_floors(path)
    changes = []
    for r in results:
        new, old = floors_of(r.score, margin), stories.get(r.story.name, {})
        for name in sorted(set(new) | set(old)):
            if new.get(name) != old.get(name):
                changes.append(f"{r.story.name}: {name} {old.get(name)} -> {new.get(name)}")
        stories[r.story.name] = new
    data = {
        "about": "Per annotated story, the lowest ratios and highest counts tests/test_accuracy.py accepts. "
                 "Written by `python -m bench.accuracy --write-floors` from the figures of the day "
                 f"(ratios minus {margin}, rounded down; counts as they are): rewrite it when accuracy improves.",
        "margin": margin,
        "stories": dict(sorted(stories.items())),
    }
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return changes


# --- the cross-check with the shared evaluator -------------------------------------------------

def check_with_evaluator(result: Result, evaluator: Path) -> list[str]:
    """Run evaluate.py on the story's JSON; one line per figure on which it and bench.scoring differ."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"{result.story.name}.json"
        out.write_text(json.dumps(result.output, ensure_ascii=False), encoding="utf-8")
        run = subprocess.run([sys.executable, str(evaluator), str(out), str(result.story.gold), "--json"],
                             capture_output=True, text=True, check=False)
    if run.returncode != 0:
        return [f"evaluate.py failed: {run.stderr.strip().splitlines()[-1:]}"]
    theirs = json.loads(run.stdout)
    ours = result.score.as_evaluate_dict()
    return [f"{name}: evaluate.py {theirs.get(name)!r}, bench.scoring {ours.get(name)!r}"
            for name in sorted(set(theirs) | set(ours)) if theirs.get(name) != ours.get(name)]


# --- printing ----------------------------------------------------------------------------------

COLUMNS = ("story", "pairs found", "pair precision", "conflicts found", "conflict rows real",
           "false conflicts", "kind right", "furniture figs", "time")


def _cell(count: Count | None) -> str:
    if count is None:
        return "-"
    ratio = count.ratio
    return f"{count}" + (f" {ratio:4.0%}" if ratio is not None else "     ")


def _row(name: str, s: Score, seconds: float) -> list[str]:
    return [name, _cell(s.aligned_pairs), _cell(s.pair_precision), _cell(s.conflicts), _cell(s.conflict_rows),
            str(s.false_conflicts), _cell(s.kinds), str(s.noise_leaks), f"{seconds:.1f}s"]


def total(results: list[Result]) -> Score:
    """The summed counts of ``results``."""
    return sum((r.score for r in results), Score())


def table(results: list[Result]) -> str:
    """One row per story, TOTAL over the dev stories, then the seeds."""
    dev = [r for r in results if not r.story.seeds]
    rows = [_row(r.story.name, r.score, r.seconds) for r in dev]
    rules = []
    if dev:
        rules.append(len(rows))
        rows.append(_row("TOTAL", total(dev), sum(r.seconds for r in dev)))
    seeds = [r for r in results if r.story.seeds]
    if seeds:
        rules.append(len(rows))
        rows += [_row(r.story.name, r.score, r.seconds) for r in seeds]
    widths = [max(len(c), *(len(r[i]) for r in rows)) for i, c in enumerate(COLUMNS)]

    def line(cells: list[str] | tuple[str, ...]) -> str:
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True)))

    out = [line(COLUMNS), line(["-" * w for w in widths])]
    for i, r in enumerate(rows):
        if i in rules:
            out.append(line(["-" * w for w in widths]))
        out.append(line(r))
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.accuracy", description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path, metavar="FOLDER",
                        help="a story folder (articles + gold.json, or seeds/) or a folder of stories "
                             "(default: tests/data/devset and seeds/)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON instead of the table")
    parser.add_argument("--check", action="store_true",
                        help="also score each output with the shared evaluate.py and report any disagreement")
    parser.add_argument("--evaluator", type=Path, default=EVALUATOR, metavar="evaluate.py",
                        help=f"the shared evaluator for --check (default: {EVALUATOR})")
    parser.add_argument("--settings", type=Path, metavar="FILE.toml", help="pipeline settings to score instead of the defaults")
    parser.add_argument("--write-floors", action="store_true",
                        help=f"rewrite {FLOORS.relative_to(ROOT)} from today's figures minus --margin")
    parser.add_argument("--margin", type=float, default=MARGIN, help=f"margin below today's ratios (default {MARGIN})")
    args = parser.parse_args(argv)

    missing = [str(f) for f in args.folders if not f.is_dir()]
    if missing:
        parser.error("not a folder: " + ", ".join(missing))
    stories = find_stories(args.folders) if args.folders else default_stories()
    if not stories:
        parser.error("no annotated story (a folder with gold.json) in " + ", ".join(map(str, args.folders)))
    settings = Settings.from_toml(args.settings) if args.settings else Settings()
    results = [run_story(story, settings) for story in stories]

    if args.json:
        dev = [r for r in results if not r.story.seeds]
        data: dict[str, Any] = {
            "stories": {r.story.name: {**r.score.figures(), "seconds": round(r.seconds, 3)} for r in results},
        }
        if dev:
            data["total"] = {**total(dev).figures(), "seconds": round(sum(r.seconds for r in dev), 3)}
        print(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        print(table(results))
        floors = read_floors()
        for r in results:
            broken = below_floors(r.score, floors.get(r.story.name, {}))
            if broken:
                print(f"{r.story.name} below its floors: " + "; ".join(broken))

    status = 0
    if args.check:
        if not args.evaluator.is_file():
            print(f"check: {args.evaluator} not found; nothing to compare with", file=sys.stderr)
        else:
            disagreements = {r.story.name: check_with_evaluator(r, args.evaluator) for r in results}
            for name, lines in disagreements.items():
                for text in lines:
                    print(f"check: {name}: {text}", file=sys.stderr)
            bad = sum(bool(lines) for lines in disagreements.values())
            print(f"check: bench.scoring and {args.evaluator.name} agree on {len(results) - bad}/{len(results)} "
                  f"stories ({sum(map(len, disagreements.values()))} disagreements)", file=sys.stderr)
            status = 1 if bad else 0
    if args.write_floors:
        changes = write_floors(results, args.margin)
        print(f"floors written to {FLOORS.relative_to(ROOT)}" + (":" if changes else " (unchanged)"), file=sys.stderr)
        for line in changes:
            print(f"  {line}", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
