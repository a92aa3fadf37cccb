"""Render time of the briefing, after imports: the seeds (target ≤ 1.5 s) and a 40-page
briefing from 28 articles built out of the seeds' paragraphs (target ≤ 8 s).

Run: .venv/bin/python bench/render_speed.py   (prints one line per case; exits 0)
The comparison itself is timed apart: this measures the renderer (HTML + WeasyPrint PDF),
including the first-use cost of fonts, as a CLI run pays it.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

started = time.perf_counter()
from compare.pipeline import compare  # noqa: E402
from compare.render.pdf import write_pdf  # noqa: E402  (imports are timed on purpose)
from compare.render.report import render_documents  # noqa: E402

IMPORTS = time.perf_counter() - started


def build_large(folder: Path, articles: int = 28, seed: int = 7) -> None:
    """Write ``articles`` texts, each mixing paragraphs of two seeds in a shuffled order, and a
    manifest naming 25 outlets: shared paragraphs align across many outlets, as agency copy does."""
    rng = random.Random(seed)
    sources = [p.read_text(encoding="utf-8").splitlines() for p in sorted(SEEDS.glob("*.txt"))]
    paragraphs = [[line for line in lines if len(line.split()) >= 8] for lines in sources]
    manifest = []
    for n in range(articles):
        first, second = rng.sample(range(len(paragraphs)), 2)
        chosen = rng.sample(paragraphs[first], min(8, len(paragraphs[first])))
        chosen += rng.sample(paragraphs[second], min(4, len(paragraphs[second])))
        rng.shuffle(chosen)
        name = f"{n:03d}.txt"
        (folder / name).write_text("\n".join(chosen) + "\n", encoding="utf-8")
        manifest.append(f'["{name}"]\noutlet = "مصدر {n + 1}"\npublished = 2021-07-{10 + n % 18:02d}\n')
    (folder / "sources.toml").write_text("\n".join(manifest), encoding="utf-8")


def measure(label: str, paths: list[str], target: float, out: Path) -> None:
    """Print wall and CPU seconds of the render; the verdict uses CPU time, which other
    processes on a shared machine do not inflate (the renderer is single-threaded)."""
    t0 = time.perf_counter()
    comparison = compare(paths)
    t1, cpu1 = time.perf_counter(), time.process_time()
    _html, pdf_html = render_documents(comparison)  # the HTML file and the PDF's, as the CLI renders them
    pages = write_pdf(pdf_html, out)
    t2, cpu2 = time.perf_counter(), time.process_time()
    verdict = "ok" if cpu2 - cpu1 <= target else "SLOW"
    print(f"{label}: {len(comparison.articles)} articles, {len(comparison.groups)} groups, {pages} pages; "
          f"compare {t1 - t0:.2f} s, render {t2 - t1:.2f} s wall / {cpu2 - cpu1:.2f} s CPU "
          f"(target ≤ {target} s: {verdict})")


def main() -> int:
    print(f"imports {IMPORTS:.2f} s")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "large"
        folder.mkdir()
        measure("seeds", [str(SEEDS)], 1.5, Path(tmp) / "seeds.pdf")
        build_large(folder)
        measure("large", [str(folder)], 8.0, Path(tmp) / "large.pdf")
    return 0


if __name__ == "__main__":
    sys.exit(main())
