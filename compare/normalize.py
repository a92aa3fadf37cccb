"""Matching keys for Arabic (and other) text, with a map back to the original characters.

The clean text of an article is never changed. Everything that compares text works on a
*key* built here, and every key character remembers which original character it came from,
so a match on the key can be highlighted on the exact words the outlet published.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Protocol, TypeVar

#: Arabic-Indic (U+0660..) and Persian/Extended (U+06F0..) digits to ASCII.
DIGITS = {ord("٠") + i: str(i) for i in range(10)} | {ord("۰") + i: str(i) for i in range(10)}

#: Characters dropped from the key: tatweel, bidi controls, zero-width marks, BOM.
_DROP = set("\u0640\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff")

#: Letter folds for the matching key only (GUIDE §4). ى->ي is applied by :func:`key`
#: but not by :func:`name_key` because it turns على (on) into علي (Ali).
_FOLD = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ؤ": "و", "ئ": "ي", "ک": "ك", "ی": "ي"}

_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")


@dataclass(frozen=True)
class Keyed:
    """A matching key and, for each of its characters, the index of the original character."""

    key: str
    origin: Sequence[int]  # a range when no character was dropped or expanded
    text: str = ""

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) covering key characters ``start:end``, with the marks that follow
        the last character (tanween, shadda) so a highlight never cuts a letter from its marks."""
        first, last = self.origin[start], self.origin[end - 1] + 1
        while last < len(self.text) and not self.text[last].isspace() and not fold_char(self.text[last]):
            last += 1
        return first, last


@cache
def fold_char(ch: str, *, yeh: bool = True) -> str:
    """Fold one character into its matching-key form ('' when it is dropped)."""
    if ch in _DROP or _ARABIC_MARKS.match(ch):
        return ""
    ch = unicodedata.normalize("NFKC", ch).translate(DIGITS)
    if ch == "\u00a0":
        return " "
    out = "".join(_FOLD.get(c, c) for c in ch)
    if yeh:
        out = out.replace("ى", "ي")
    return out.lower()


@lru_cache(maxsize=64)
def keyed(text: str, *, yeh: bool = True) -> Keyed:
    """Build the matching key of ``text`` with its offset map (each distinct character folded once).
    Remembered for the last articles: numbers, dates, names and quotes each key the same text."""
    table = {ch: fold_char(ch, yeh=yeh) for ch in set(text)}
    folded = [table[ch] for ch in text]
    if all(len(f) == 1 for f in table.values()):  # most news text: every character keeps its place
        return Keyed("".join(folded), range(len(text)), text)
    origin = [i for i, f in enumerate(folded) for _ in range(len(f))]
    return Keyed("".join(folded), origin, text)


def key(text: str) -> str:
    """Matching key of ``text``: diacritics out, alef/teh marbuta/alef maqsura folded, digits ASCII."""
    return "".join(fold_char(ch) for ch in text)


@lru_cache(maxsize=1 << 16)
def word_key(word: str) -> str:
    """:func:`key` of one word, cached: news text repeats its words, and the aligner, the fact
    readers and the diff each key every token."""
    return key(word)


def name_key(text: str) -> str:
    """Key for names: like :func:`key` but keeps ى so that على and علي stay apart."""
    return keyed(text, yeh=False).key


class _Spanned(Protocol):
    start: int
    end: int


S = TypeVar("S", bound=_Spanned)


def earliest_longest(found: Iterable[S]) -> list[S]:
    """Matches of several patterns over one text without overlaps: the earliest wins, then the
    longest («الساعة الثالثة و12 دقيقة» over «الثالثة»)."""
    chosen: list[S] = []
    for m in sorted(found, key=lambda m: (m.start, -m.end)):
        if not chosen or m.start >= chosen[-1].end:
            chosen.append(m)
    return chosen


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of already-keyed words, longest first (so «الحادية عشرة» wins over a
    word it starts with)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
