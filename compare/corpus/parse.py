"""Worker side of a corpus run: an item's bytes -> an article and what clustering compares.

Pure functions of their arguments (no store, no files), so they run as Dask tasks on any worker.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
from datasketch import MinHash

from ..errors import InputError
from ..facts import extract_facts
from ..ingest import read_article
from ..model import Article
from ..normalize import key
from ..settings import Settings
from ..textlayer import segment
from ..words import is_content
from .feed import Item

#: LSH banding of each window's MinHash: BANDS bands of ROWS hash values. Two windows sharing
#: a quarter of their words collide in at least one band with probability 1-(1-0.25^2)^16 = 0.64,
#: at a twentieth 0.04. On the seeds and dev stories, 51 of 52 same-story article pairs share a
#: key and 10% of other pairs do (three rows: 36 of 52); every candidate is then confirmed.
BANDS, ROWS = 16, 2
#: Content words per window, and the step between windows: the claims of a news article sit
#: in its first paragraphs, and a window is about one paragraph.
WINDOW, STEP, MAX_WINDOWS = 30, 15, 12
_WORD = re.compile(r"[^\W\d_]+")
_YEARS = range(1900, 2101)


@dataclass
class Features:
    """What story clustering compares: LSH band keys, content-word counts, names and figures."""

    bands: list[int] = field(default_factory=list)
    words: dict[str, int] = field(default_factory=dict)
    names: list[str] = field(default_factory=list)
    figures: list[str] = field(default_factory=list)


@dataclass
class Parsed:
    item: Item
    article: Article | None = None
    features: Features | None = None
    problem: str | None = None


def parse_batch(items: list[Item], settings: Settings) -> list[Parsed]:
    """Read and featurise a batch of items; a failure is recorded on its item, never raised."""
    return [parse(item, settings) for item in items]


def parse(item: Item, settings: Settings) -> Parsed:
    if item.problem or item.source is None:
        return Parsed(item, problem=item.problem or "nothing to read")
    try:
        article = read_article(item.source, item.entry, settings)
        article.id = item.id
        return Parsed(item, article, features(article))
    except InputError as exc:
        return Parsed(item, problem=exc.problem)
    except Exception as exc:  # a page no reader expected: logged with its item, the day's run goes on
        return Parsed(item, problem=f"internal error: {type(exc).__name__}: {exc}")


def features(article: Article) -> Features:
    words = [w for w in _WORD.findall(key(article.text)) if is_content(w)]
    facts = extract_facts([segment(article)])
    names = sorted({str(f.value) for f in facts if f.type == "name"})
    figures = sorted({_figure(f.value) for f in facts if f.type == "quantity" and _telling(f.value)})
    return Features(bands=band_keys(words), words=dict(Counter(words)), names=names, figures=figures)


def _telling(value: object) -> bool:
    """A figure worth sharing: not a small count (2 and 3 are everywhere) nor a year."""
    return isinstance(value, int | float) and value >= 10 and int(value) not in _YEARS


def _figure(value: float) -> str:
    return f"{value:g}"


def band_keys(words: list[str]) -> list[int]:
    """The LSH band keys of every window of the article: windows that share many words share a key."""
    keys: set[int] = set()
    last = max(len(words) - STEP, 1)
    for start in list(range(0, last, STEP))[:MAX_WINDOWS]:
        signature = MinHash(num_perm=BANDS * ROWS, seed=1)
        signature.update_batch([w.encode() for w in set(words[start:start + WINDOW])])
        values = signature.hashvalues.astype(np.uint64)
        for band in range(BANDS):
            digest = hashlib.blake2b(values[band * ROWS:(band + 1) * ROWS].tobytes(), digest_size=8,
                                     salt=band.to_bytes(2, "little"))
            keys.add(int.from_bytes(digest.digest(), "little", signed=True))
    return sorted(keys)
