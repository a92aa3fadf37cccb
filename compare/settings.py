"""Every tunable parameter in one place, with its documented default (GUIDE §2).

The report's method section prints these values, so a reader can tell how a briefing was made.
A TOML file (``--settings FILE``) can override any field by name.
"""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from .errors import InputError, check_small_file


@dataclass(frozen=True)
class Settings:
    """Defaults chosen by measurement on ``tests/data/gold.json`` (see tests/test_align.py)."""

    # --- ingest ---
    max_file_bytes: int = 5_000_000
    """Largest input (file or fetched page) accepted. A saved news page is rarely over 2 MB; 5 MB of
    plain text takes minutes and ~2 GB of memory (bench/big_inputs.py), 50 MB would not finish."""
    noise_max_words: int = 7
    """A line with at most this many words and no sentence punctuation is page furniture."""
    near_duplicate: float = 0.9
    """Articles sharing at least this Jaccard share of word 3-grams are flagged as near-duplicates."""
    fetch_timeout: float = 20.0
    """Seconds allowed to fetch one URL, from connecting to the last byte."""
    max_redirects: int = 5
    """Redirects followed when fetching a URL."""

    # --- align ---
    # Whether two sentences carry one claim is learned: logistic-regression weights over the
    # evidence (compare/align_weights.json, fitted by `python -m bench.fit_align` on the dev
    # stories' gold pairs, reported leave-one-story-out). The settings below shape the evidence
    # and the groups; they were chosen with `python -m bench.align_sweep` on the seeds (plateaus
    # given as [low, high]) and checked with `python -m bench.accuracy` on the dev stories.
    min_passage_words: int = 4
    """Shorter sentences are not aligned on their own: titles and fragments carry little
    evidence (plateau [2, 6])."""
    char_ngram_min: int = 2
    char_ngram_max: int = 5
    """Character n-grams (within words) of the matching key: robust to clitics and spelling
    variants (min 1 or max 3-4 add a group holding no gold pair; max 6 ties with 5 but costs more)."""
    word_ngram: int = 2
    """Word n-gram length (consonant skeletons) for the containment score (1 and 3 lose 4 pairs)."""
    weight_char: float = 0.6
    weight_words: float = 0.4
    """Wording = weight_char * char-TF-IDF cosine + weight_words * word n-gram containment
    (weight_char plateau [0.55, 0.6]; 0.5 loses 4 pairs, 0.65 and up add groups)."""
    paraphrase_threshold: float = 0.27
    """Aligned pairs whose wording reaches this (without a copied run) are ``paraphrase``, the
    rest ``same-fact`` (plateau [0.25, 0.29])."""
    verbatim_min_words: int = 8
    """A shared run of at least this many normalised content words makes a pair ``verbatim``
    (plateau [7, 14]). Function words inside a run ride along but do not count: the paraphrased
    pairs of gold.json share 8-word runs of which 2 are "في"/"إلى", while copied agency text
    shares 13 content words or more."""
    max_sentences_per_claim: int = 2
    """Sentences one article may bring to a group: one claim, possibly split in two adjacent
    sentences of one paragraph."""
    claim_passes: int = 5
    """Grouping passes: edges left outside every group after a pass form groups of their own in
    the next, so a sentence that reports two claims joins both (1 = one group per sentence). Dev
    stories: 3 passes 209/332 pairs at 82% precision, 5 passes 218 at 82%, 8 and 12 no more pairs."""
    coherence_sample: int = 8
    """Members per group checked for coherence when groups are large (bounds the cost)."""
    span_gain: float = 0.025
    """Two adjacent sentences join a third sentence together when, read as one, their wording
    beats the better of the two alone by at least this: one outlet split the other's sentence
    (plateau [0, 0.05]; 0.06 loses the split AP quote)."""
    top_k: int = 12
    """Candidate partners kept per sentence before scoring (sparse top-k search, near-linear cost).
    Flat on gold.json from 2; dev stories (2026-11-29): 8 found 294/332 pairs, 10 295, 12 and 16
    296 at the same 90% precision; 12 costs 4 ms more on the seeds than 8 (48 -> 52 ms of alignment)."""
    anchors: int = 20
    """Rarest features per sentence used to find candidates (seeds plateau [8, 20]; dev stories:
    12 found 233/332 pairs, 20 and 30 found 237, at 82-83% precision)."""
    anchor_max_df: int = 60
    """Features in more sentences than this are too common to find candidates with; bounds the
    cost per sentence on large corpora (flat on gold.json)."""
    furniture_min_articles: int = 4
    furniture_related: float = 0.15
    """A sentence whose exact wording recurs in at least furniture_min_articles articles is page
    furniture, never aligned, when less than furniture_related of its content words occur
    elsewhere in its article. On the seeds the noise lines ingest removed score 0.0-0.2 (the
    ones above are captions and related-story links, which never recur across outlets), while
    all but 2 story sentences score above 0.15 (median 0.54); wire copy recurs too but speaks
    of the story."""

    # --- render ---
    pdf_page_budget: int = 40
    """Pages (estimated) the PDF gives to the aligned passages side by side. The groups an editor
    checks first (those holding discrepancy rows, most serious first, then by outlets) fill it; the
    PDF says how many are left to the HTML and JSON, which keep all. The seeds' 42 groups take ~10
    pages; 300 articles' 2,370 groups took 503 of a 693-page PDF (bench/big_inputs.py)."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_toml(cls, path: Path) -> Settings:
        """Read overrides from a TOML file; unknown names, wrong types and values out of range are user errors."""
        check_small_file(path, "settings")
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise InputError(str(path), f"cannot read settings: {exc}") from None
        defaults = cls()
        unknown = sorted(set(data) - {f.name for f in fields(cls)})
        if unknown:
            raise InputError(str(path), f"unknown setting(s): {', '.join(unknown)}")
        for name, value in data.items():
            wanted = type(getattr(defaults, name))
            ok = isinstance(value, wanted) and not (wanted is not bool and isinstance(value, bool))
            if not ok and not (wanted is float and isinstance(value, int) and not isinstance(value, bool)):
                raise InputError(str(path), f"setting {name} must be {wanted.__name__}, not {value!r}")
            problem = out_of_range(name, value)
            if problem:
                raise InputError(str(path), problem)
        if data.get("char_ngram_min", defaults.char_ngram_min) > data.get("char_ngram_max", defaults.char_ngram_max):
            raise InputError(str(path), "setting char_ngram_min must not exceed char_ngram_max")
        return cls(**data)


#: The accepted range of every setting, inclusive. Beyond these a run is meaningless (a share above
#: 1, n-grams of 0 characters), never ends (hundreds of passes, anchors or candidates per sentence)
#: or cannot read a page (a timeout of 0); NaN and infinities are never in range.
RANGES: dict[str, tuple[float, float]] = {
    "max_file_bytes": (1, 50_000_000),
    "noise_max_words": (0, 50),
    "near_duplicate": (0.5, 1.0),
    "fetch_timeout": (0.1, 600.0),
    "max_redirects": (0, 20),
    "min_passage_words": (1, 50),
    "char_ngram_min": (1, 10),
    "char_ngram_max": (1, 10),
    "word_ngram": (1, 5),
    "weight_char": (0.0, 1.0),
    "weight_words": (0.0, 1.0),
    "paraphrase_threshold": (0.0, 1.0),
    "verbatim_min_words": (2, 100),
    "max_sentences_per_claim": (1, 10),
    "claim_passes": (1, 20),
    "coherence_sample": (2, 100),
    "span_gain": (0.0, 1.0),
    "top_k": (1, 100),
    "anchors": (1, 200),
    "anchor_max_df": (2, 100_000),
    "furniture_min_articles": (2, 1_000),
    "furniture_related": (0.0, 1.0),
    "pdf_page_budget": (0, 1_000),
}


def out_of_range(name: str, value: float) -> str | None:
    """The one-line complaint when ``value`` is outside the setting's range (NaN and ±inf always are)."""
    low, high = RANGES[name]
    if not low <= value <= high:  # False for NaN too
        return f"setting {name} must be between {range_text(name).replace(' … ', ' and ')}, not {value!r}"
    return None


def range_text(name: str) -> str:
    """The setting's range for people: ``1 … 50,000,000``, ``0 … 1``."""
    return " … ".join(f"{bound:,}" if isinstance(bound, int) else f"{bound:g}" for bound in RANGES[name])
