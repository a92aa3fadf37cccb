"""Every tunable parameter in one place, with its documented default (GUIDE §2).

The report's method section prints these values, so a reader can tell how a briefing was made.
A TOML file (``--settings FILE``) can override any field by name.
"""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from .errors import InputError


@dataclass(frozen=True)
class Settings:
    """Defaults chosen by measurement on ``tests/data/gold.json`` (see tests/test_align.py)."""

    # --- ingest ---
    max_file_bytes: int = 20_000_000
    """Largest input accepted; a saved news page is rarely over 2 MB."""
    noise_max_words: int = 7
    """A line with at most this many words and no sentence punctuation is page furniture."""

    # --- align ---
    char_ngram_min: int = 2
    char_ngram_max: int = 5
    """Character n-grams (within words) of the matching key: robust to clitics and spelling variants."""
    word_ngram: int = 2
    """Word n-gram length for the containment score."""
    weight_char: float = 0.6
    weight_words: float = 0.4
    """Combined score = weight_char * char-TF-IDF cosine + weight_words * word n-gram containment."""
    bonus_numbers: float = 0.08
    bonus_names: float = 0.04
    """Added per shared number (max 2) and shared rare content word (max 3): evidence of the same fact."""
    align_threshold: float = 0.30
    """Passage pairs from different outlets scoring at least this are aligned."""
    top_k: int = 8
    """Candidates kept per passage before scoring (sparse top-k search, near-linear cost)."""
    verbatim_min_words: int = 8
    """A shared run of at least this many normalised words makes a pair ``verbatim``."""
    paraphrase_threshold: float = 0.45
    """Pairs scoring at least this (and not verbatim) are ``paraphrase``; below it ``same-fact``."""
    min_passage_words: int = 4
    """Shorter sentences are not aligned on their own (titles and fragments carry little evidence)."""
    group_coherence: float = 0.20
    """A passage joins a group only if it scores at least this with most passages already in it."""

    # --- facts and diff ---
    facts: bool = True

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_toml(cls, path: Path) -> Settings:
        """Read overrides from a TOML file; unknown names are a user error."""
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise InputError(str(path), f"cannot read settings: {exc}") from None
        known = {f.name: f.type for f in fields(cls)}
        unknown = sorted(set(data) - set(known))
        if unknown:
            raise InputError(str(path), f"unknown setting(s): {', '.join(unknown)}")
        return cls(**data)
