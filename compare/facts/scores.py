"""Results of a match: «بنتيجة 2-1», «بفوز الشعلة على الأمل (٢-١)», «بهدفين لهدف», «بهدفين مقابل
هدف», «بهدف نظيف», «التعادل السلبي».

A result is one fact, the winner's goals first («2-1» however the outlet orders it), so outlets
that write it in digits, in words or in another order meet. Two small numbers in brackets are a
result only near a word of a match («فوز», «مباراة», «تعادل»): «(12-14)» in a list of articles of
a law is none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..normalize import alternation, earliest_longest, keyed

#: Goals in words as the matching key spells them, after the preposition ب or ل.
_GOALS = {"هدف": 1, "هدفين": 2, "ثلاثه اهداف": 3, "اربعه اهداف": 4, "خمسه اهداف": 5, "سته اهداف": 6}
_NIL = ("نظيف", "نظيفه", "نظيفين", "نظيفتين", "دون رد", "من دون رد", "دون مقابل")
_MATCH_WORDS = re.compile(r"(?:فوز|فاز|تغلب|خسر|خساره|هزم|هزيمه|تعادل|مباراه|لقاء|نتيجه|مواجهه)")


_DIGITS = re.compile(r"(?<![\d.,])(?P<a>\d{1,2})\s*[-–]\s*(?P<b>\d{1,2})(?:\s*\))?(?![\d.,])")
#: «بنتيجة» or an opening bracket right before the two numbers, looked for behind each: a pattern
#: that opens with an optional part is tried at every position of the text.
_LEAD = re.compile(r"(?:ب?(?:ال)?نتيجه\s*:?|(?P<bracket>\())\s*$")
_WORDS = re.compile(rf"(?<!\w)ب(?P<a>{alternation(_GOALS)})\s+(?:(?:مقابل\s+)|ل)(?P<b>{alternation(_GOALS)})(?!\w)")
_CLEAN = re.compile(rf"(?<!\w)ب(?P<a>{alternation(_GOALS)})\s+(?:{alternation(_NIL)})(?!\w)")
_GOALLESS = re.compile(r"(?<!\w)[بو]?(?:ال)?تعادل(?:ا)?\s+(?:ال)?سلبي(?:ا)?(?!\w)")


@dataclass
class ScoreMention:
    """A match result at ``text[start:end]``: ``value`` is «winner-loser» («2-1», «0-0»)."""

    start: int
    end: int
    value: str


def _result(a: int, b: int) -> str:
    return f"{max(a, b)}-{min(a, b)}"


def find_scores(text: str) -> list[ScoreMention]:
    """Match results in ``text``, in order."""
    kt = keyed(text)
    k = kt.key
    found: list[ScoreMention] = []
    for m in _DIGITS.finditer(k):
        lead = _LEAD.search(k, max(0, m.start() - 12), m.start())
        if not lead or (lead.group("bracket") and not _MATCH_WORDS.search(k, max(0, lead.start() - 60), lead.start())):
            continue  # two numbers with a dash: a result only after «بنتيجة» or in brackets after a match word
        found.append(ScoreMention(*kt.span(lead.start(), m.end()),
                                  _result(int(m.group("a")), int(m.group("b")))))
    goals = "هدف" in k or "اهداف" in k  # most news is no match report: the word patterns need its words
    for m in _WORDS.finditer(k) if goals else ():
        found.append(ScoreMention(*kt.span(*m.span()), _result(_GOALS[m.group("a")], _GOALS[m.group("b")])))
    for m in _CLEAN.finditer(k) if goals else ():
        found.append(ScoreMention(*kt.span(*m.span()), _result(_GOALS[m.group("a")], 0)))
    for m in _GOALLESS.finditer(k) if "تعادل" in k else ():
        found.append(ScoreMention(*kt.span(*m.span()), "0-0"))
    return earliest_longest(found)
