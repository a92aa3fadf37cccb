"""People, organisations and places without an NER model (none works offline, GUIDE §4).

Three steps: names right after a title trigger (الرئيس, وزير الخارجية, المتحدث باسم ...), a
gazetteer of those names built over *all* articles of the comparison, and every later mention of
a gazetteer name or its surname. Variants across outlets (ترمب/ترامب, أوستن/اوستن) share one
key: the consonant skeleton of each word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..normalize import keyed
from ..words import STOPWORDS, consonants

#: Titles that introduce a person's name (matching-key forms, longest first when they overlap).
_TITLES = (
    "الرئيس السابق", "الرئيس", "رئيس الوزراء", "رئيس الحكومه", "رئيس مجلس الوزراء", "وزير الخارجيه",
    "وزير الدفاع", "وزير الداخليه", "وزير الماليه", "وزير", "وزيره", "المتحدث باسم", "المتحدثه باسم",
    "مستشار الامن القومي", "مستشار", "السفير", "الجنرال", "القائد", "الزعيم", "الملك", "الامير", "الشيخ",
    "الدكتور", "النائب", "السيناتور", "المبعوث", "موفد", "الخبير",
)
#: Words that end a name: verbs of saying, prepositions, conjunctions, nisba adjectives after a title.
_NOT_NAME = re.compile(r"^(اخر|ان|انه|في|الي|علي|من|عن|مع|خلال|قال|قالت|اكد|اضاف|بان|الذي|التي|يوم|امس|اليوم)$")
_WORD = re.compile(r"[^\W\d_]+")
_NISBA = re.compile(r"^ال\w{2,}(ي|يه)$")  # definite, like the title it follows: not سامي
_QAF = str.maketrans({"ق": "ج"})  # names transliterate the hard g as ق too (ماكغورك/ماكقورك)
#: Name openers that make a three-word name (أبو مهدي المهندس, عبد الله ...).
_OPENERS = ("ابو", "عبد", "بن", "ابن", "ام")
#: Words between a title and the name that are not part of the name.
_SKIP = frozenset({"الجديد", "الجديده", "السابق", "السابقه", "الحالي", "الحاليه", "البيت", "الابيض", "الاسبق"})
_PUNCT = re.compile(r"[،,.:؛;!?؟\"“”«»()\[\]]")


@dataclass(frozen=True)
class NameMention:
    start: int
    end: int
    key: str  # skeleton key shared by spelling variants
    title: str | None = None


def skeleton(word: str) -> str:
    """Consonant skeleton of one name word: its first letter, then the rest without long vowels,
    ال dropped; ترمب/ترامب, ماكغورك/ماكجورك meet (unlike words.skeleton, no clitic is stripped:
    فؤاد is not ف + ؤاد)."""
    if word.startswith("ال") and len(word) > 4:
        word = word[2:]
    return word[:1] + consonants(word[1:]).translate(_QAF)


def name_key(words: list[str]) -> str:
    """Key of a name: skeletons of its words, so ترمب and ترامب meet."""
    return " ".join(skeleton(w) for w in words)


@lru_cache(maxsize=64)
def _words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, key) of each word; cached because the gazetteer and the finder both need it."""
    k = keyed(text, yeh=False)
    out = []
    for m in _WORD.finditer(k.key):
        s, e = k.span(m.start(), m.end())
        out.append((s, e, m.group()))
    return out


def _after_title(text: str, words: list[tuple[int, int, str]], i: int) -> tuple[int, int] | None:
    """Word range of the name after a title ending at word ``i - 1``; None if none.
    A name is two words (three after أبو/عبد/بن) with no punctuation between them."""
    j = i + 1 if words[i - 1][2] == "باسم" else i  # "المتحدث باسم البنتاغون جون كيربي": skip the body
    while j < len(words) and j - i < 3 and (_NISBA.match(words[j][2]) or words[j][2] in _SKIP):
        j += 1  # "وزير الخارجية العراقي", "رئيس الوزراء الجديد", "موفد البيت الابيض"
    if j == i and j < len(words) and _PUNCT.search(text[words[i - 1][1]:words[j][0]]):
        return None  # "قال الرئيس، ...": the title stands alone
    size = 3 if j < len(words) and words[j][2] in _OPENERS else 2
    end = j
    while end < len(words) and end - j < size and not _NOT_NAME.match(words[end][2]) \
            and words[end][2] not in STOPWORDS and len(words[end][2]) > 1 \
            and (end == j or not text[words[end - 1][1]:words[end][0]].strip()):
        end += 1
    return (j, end) if end - j >= 2 else None


@dataclass
class Gazetteer:
    """Names found after titles in all articles: full names by key, surnames by skeleton."""

    full: dict[str, str] = field(default_factory=dict)  # skeleton key of the full name -> itself
    surnames: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # skeleton -> (word, full key)


def gazetteer(texts: list[str]) -> Gazetteer:
    """Collect the names that follow a title anywhere in the comparison."""
    titles: dict[str, list[list[str]]] = {}
    for title in _TITLES:
        parts = keyed(title, yeh=False).key.split()
        titles.setdefault(parts[0], []).append(parts)
    found = Gazetteer()
    for text in texts:
        words = _words(text)
        keys = [w[2] for w in words]
        for i, first in enumerate(keys):
            for parts in titles.get(first, ()):
                if keys[i:i + len(parts)] == parts:
                    span = _after_title(text, words, i + len(parts))
                    if span:
                        full = name_key(keys[span[0]:span[1]])
                        found.full[full] = full
                        surname = keys[span[1] - 1].removeprefix("ال")
                        found.surnames.setdefault(skeleton(surname), []).append((surname, full))
                    break
    return found


def _close(a: str, b: str) -> bool:
    """One edit apart at most (ترمب/ترامب), so a surname's skeleton twin (بدون/بايدن) is not it."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def find_names(text: str, names: Gazetteer) -> list[NameMention]:
    """Mentions of gazetteer names: full names (any spelling variant), then surnames alone."""
    words = _words(text)
    skels = [skeleton(w[2]) for w in words]
    found = []
    i = 0
    while i < len(words):
        for size in (3, 2):
            key = " ".join(skels[i:i + size])
            if len(skels[i:i + size]) == size and key in names.full \
                    and not _PUNCT.search(text[words[i][1]:words[i + size - 1][0]]):
                found.append(NameMention(words[i][0], words[i + size - 1][1], names.full[key]))
                i += size
                break
        else:
            word = words[i][2].removeprefix("ال")
            full = next((f for raw, f in names.surnames.get(skels[i], []) if _close(word, raw)), None)
            if full and len(word) > 2:
                found.append(NameMention(words[i][0], words[i][1], full))
            i += 1
    return found
