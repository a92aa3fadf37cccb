"""Large inputs through the real CLI: time, peak memory and outcome per case. Prints figures.

Each case runs the CLI in its own process, which prints its peak resident memory
(``ru_maxrss``) when it exits. The big file is paired with one seed article. Text is
built from the seeds' words in random sentences (distinct lines: repeated lines would be removed
as page noise and the test would be of a small file). Many articles: 300 of
:func:`bench.corpus.corpus` (60 stories of five outlets) in one comparison, with the PDF.

    python -m bench.big_inputs                 # the issue's cases
    python -m bench.big_inputs 1 5             # also any size in MB (a multi-line article, own limit)
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
MB = 1_000_000
TIME_LIMIT = 900  # seconds per case
#: ``compare-sources`` in a child process that reports its own peak memory (KiB) on exit.
LAUNCH = ("import atexit, resource, sys; from compare.cli import main; "
          "atexit.register(lambda: print('PEAK', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)); "
          "sys.exit(main())")


def article(size: int, *, lines: bool = True, punctuation: bool = True, seed: int = 0) -> str:
    """About ``size`` bytes of seed words in random sentences, one paragraph per line (or one line)."""
    rng = random.Random(seed)
    words = sorted({w for p in SEEDS.glob("*.txt") for w in p.read_text(encoding="utf-8").split()})
    out: list[str] = []
    total = 0
    while total < size:
        sentence = " ".join(rng.choices(words, k=rng.randint(8, 30))) + ("." if punctuation else "")
        out.append(sentence)
        total += len(sentence.encode()) + 1
    return ("\n" if lines else " ").join(out)


def many(count: int, folder: Path) -> Path:
    """A folder of ``count`` corpus articles with a manifest giving each its seed's outlet and date."""
    from bench.corpus import corpus

    folder.mkdir()
    manifest = []
    for a in corpus(count):
        (folder / f"{a.id}.txt").write_text(a.text, encoding="utf-8")
        manifest.append(f'["{a.id}.txt"]\noutlet = "{a.outlet}"\npublished = {a.published}\n')
    (folder / "sources.toml").write_text("\n".join(manifest), encoding="utf-8")
    return folder


def run(name: str, path: Path, extra: list[str], folder: Path) -> None:
    """One CLI run on ``path`` (a big file, paired with a seed, or a folder); print outcome, time,
    peak memory, PDF pages and the last line."""
    paths = [str(path)] if path.is_dir() else [str(path), str(sorted(SEEDS.glob("*.txt"))[0])]
    out = folder / name / "b.pdf"
    command = [sys.executable, "-c", LAUNCH, "report", *paths, "-o", str(out), *extra]
    start = time.perf_counter()
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=TIME_LIMIT)
    except subprocess.TimeoutExpired:
        result = subprocess.CompletedProcess(command, f"killed after {TIME_LIMIT} s", "", "")
    seconds = time.perf_counter() - start
    lines = [line for line in (result.stderr + result.stdout).splitlines() if line.strip()]
    peak = next((int(line.split()[1]) / 1024 for line in lines if line.startswith("PEAK ")), None)
    last = next((line for line in lines if line.startswith(("compare-sources:", "written:"))), "")
    outcome = f"exit {result.returncode}" if isinstance(result.returncode, int) else result.returncode
    peak_text = f"{peak:7.0f} MiB" if peak else "         —"
    size = sum(p.stat().st_size for p in path.iterdir()) if path.is_dir() else path.stat().st_size
    pages = _pages(out) if out.exists() else "—"
    print(f"{name:34} {size / MB:7.1f} MB  {outcome:10} {seconds:7.1f} s  {peak_text}  {pages:>5} pages  "
          f"{last[:110]}", flush=True)
    if path.is_file():
        path.unlink()


def _pages(pdf: Path) -> str:
    """The PDF's page count."""
    from pypdf import PdfReader

    return str(len(PdfReader(pdf).pages))


def text_file(name: str, text: str, folder: Path) -> Path:
    path = folder / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    return path


def main(sizes: list[float]) -> None:
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    print(f"{'case':34} {'input':>10}  {'outcome':10} {'time':>9}  {'peak RSS':>11}  {'PDF':>11}  last line of output")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        run("300-articles", many(300, folder / "300"), [], folder)
        run("50MB-default-limit", text_file("50MB", article(50 * MB), folder), [], folder)
        run("2MB-single-line", text_file("2MB", article(2 * MB, lines=False), folder), [], folder)
        run("2MB-single-line-no-punctuation", text_file("2MBnp", article(2 * MB, lines=False, punctuation=False), folder),
            ["--no-pdf"], folder)
        for size in sizes:  # a 50 MB article with the limit raised would need hours and ~17 GB: not run
            run(f"{size:g}MB-lines", text_file(f"{size:g}MB", article(int(size * MB)), folder),
                ["--no-pdf", "--max-bytes", str(int(size * MB) + MB)], folder)


if __name__ == "__main__":
    main([float(s) for s in sys.argv[1:]])
