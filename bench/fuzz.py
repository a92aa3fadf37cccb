"""Fuzz the whole comparison with mutated real articles: every case must end in a comparison or a
user error (InputError), never an internal error (issue 11).

Each case takes one article of the seeds or a dev story, mutates its bytes with a seeded mutator
(byte flips, truncation, whitespace and punctuation injected between words, mixed encodings,
invisible and bidi controls) and compares it with an untouched article of the same story, through
ingest, facts, alignment, diff and the JSON/CSV export. A case is reproducible from its number.

    python -m bench.fuzz --cases 10000          # all cores; prints counts and any internal error
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
import traceback
from collections import Counter
from multiprocessing import Pool
from pathlib import Path

from compare.errors import InputError
from compare.pipeline import compare
from compare.render.export import to_csv, to_json

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
_JUNK = [" ", "  ", "\t", "\n", "\u00a0", "\u200b", "\u200f", "\u202b", "\u202c", "\u0640", "،", "؛", ".", ",",
         "«", "»", "(", ")", "-", "/", ":", "؟", "!", "%", "٪", "\ufeff", "\r\n", "\u2066", "\u061c"]


def stories() -> list[list[Path]]:
    """The seeds and each dev story, as lists of article files."""
    folders = [SEEDS, *sorted(p for p in (DATA / "devset").iterdir() if p.is_dir())]
    suffixes = (".txt", ".html", ".htm", ".md")
    return [sorted(p for p in folder.iterdir() if p.suffix in suffixes) for folder in folders]


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One to three mutations of one article's bytes."""
    for _ in range(rng.randint(1, 3)):
        data = rng.choice(_MUTATORS)(data, rng)
    return data


def _flip_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 40)):
        if out:
            out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def _truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def _inject_between_words(data: bytes, rng: random.Random) -> bytes:
    words = data.decode("utf-8", errors="replace").split(" ")
    share = rng.random()
    text = "".join(w + (rng.choice(_JUNK) * rng.randint(1, 3) if rng.random() < share else " ") for w in words)
    return text.encode("utf-8")


def _mixed_encoding(data: bytes, rng: random.Random) -> bytes:
    """Part of the text re-encoded as cp1256, iso-8859-6 or UTF-16 (a page pasted from two sources)."""
    text = data.decode("utf-8", errors="replace")
    cut = rng.randrange(len(text) + 1)
    codec = rng.choice(["cp1256", "iso-8859-6", "utf-16", "latin-1"])
    return text[:cut].encode("utf-8") + text[cut:].encode(codec, errors="replace")


def _duplicate_span(data: bytes, rng: random.Random) -> bytes:
    start = rng.randrange(len(data) + 1)
    span = data[start:start + rng.randint(1, 2000)]
    return data[:start] + span * rng.randint(2, 20) + data[start:]


_MUTATORS = [_flip_bytes, _truncate, _inject_between_words, _mixed_encoding, _duplicate_span]


def run_case(number: int) -> tuple[str, str]:
    """``("ok" | "input error" | "internal error", detail)`` for case ``number``."""
    rng = random.Random(number)
    story = rng.choice([s for s in stories() if len(s) >= 2])
    target, other = rng.sample(story, 2)
    data = mutate(target.read_bytes(), rng)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"mutated{target.suffix}"
        path.write_bytes(data)
        try:
            comparison = compare([str(path), str(other)])
            to_json(comparison)
            to_csv(comparison)
        except InputError as exc:
            return "input error", exc.problem
        except Exception:  # what the fuzzer is looking for
            return "internal error", f"case {number} ({target.name}): {traceback.format_exc(limit=-3)}"
    return "ok", ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--first", type=int, default=0, help="number of the first case (cases are reproducible)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    started = time.perf_counter()
    with Pool(args.workers) as pool:
        results = pool.map(run_case, range(args.first, args.first + args.cases), chunksize=20)
    elapsed = time.perf_counter() - started
    counts = Counter(outcome for outcome, _ in results)
    print(f"{args.cases} cases in {elapsed:.0f} s on {args.workers} workers: "
          + ", ".join(f"{counts[k]} {k}" for k in ("ok", "input error", "internal error")))
    problems = Counter(detail.split(":")[0] for outcome, detail in results if outcome == "input error")
    for problem, n in problems.most_common(8):
        print(f"  input error x{n}: {problem}")
    for outcome, detail in results:
        if outcome == "internal error":
            print(detail)


if __name__ == "__main__":
    main()
