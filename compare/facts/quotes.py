"""Quotes and who said them.

Quote marks are paired within a paragraph, straight and curly, in either direction (Arabic
desks write “…”, ”…“, ”…” and "…"). The speaker is the subject of the nearest verb of saying
before the quote in its sentence (قال, أكد, أضاف, أشار ...), found as a gazetteer name or, when
the subject is a title only, the title phrase; a verb with no subject ("وأضاف أن") continues the
previous speaker of the article.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from ..normalize import key, keyed
from .names import NameMention

_OPEN = {"“": "”", "«": "»", '"': '"', "”": "”", "„": "“"}
#: Verbs of saying (matching-key forms, with و/ف and feminine ت), and "according to".
_SAY = re.compile(
    r"(?<!\w)[وف]?(قال|قالت|اكد|اكدت|اضاف|اضافت|اشار|اشارت|اوضح|اوضحت|لفت|لفتت|شدد|شددت|ذكر|ذكرت|"
    r"اعلن|اعلنت|تابع|تابعت|استدرك|اردف|صرح|صرحت|نقل عن|وفق|وفقا ل|بحسب|حسب ما قال)(?!\w)"
)
_MAX_QUOTE = 1200
_MIN_WORDS = 3
#: What may stand between a subjectless verb of saying and its quote ("وأضاف أن", "وتابع قائلا:").
_NO_SUBJECT = re.compile(r"^\W*(الي|ان|انه|انها|قائلا|بالقول|بقوله|مضيفا|ايضا)?\W*(ان|انه)?\W*$")


@dataclass(frozen=True)
class Quote:
    start: int  # the quoted words, marks excluded
    end: int
    speaker: str | None  # gazetteer key of the speaker's name, or the title phrase's key
    speaker_start: int | None = None
    speaker_end: int | None = None


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside each pair of quote marks, within one paragraph."""
    spans = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in _OPEN:
            close = _OPEN[ch]
            j = i + 1
            while j < len(text) and text[j] != "\n" and j - i < _MAX_QUOTE:
                if text[j] == close or (ch == "”" and text[j] == "“"):
                    break
                j += 1
            if j < len(text) and text[j] != "\n" and j - i < _MAX_QUOTE and j > i + 1:
                spans.append((i + 1, j))
                i = j + 1
                continue
        i += 1
    return spans


def _between(names: list[NameMention], starts: list[int], lo: int, hi: int) -> list[NameMention]:
    """Names starting in [lo, hi), found by bisection so long articles stay linear."""
    return names[bisect_left(starts, lo):bisect_left(starts, hi)]


def _speaker(text: str, sentence_start: int, quote_start: int, names: list[NameMention],
             starts: list[int]) -> tuple[str, int, int] | bool | None:
    """Speaker of a quote: the name between the last verb of saying and the quote. True when
    the verb has no subject of its own ("وأضاف أن"), None when the subject is not a known name,
    False when no verb of saying introduces the quote."""
    before = keyed(text[sentence_start:quote_start])
    verbs = list(_SAY.finditer(before.key))
    if not verbs:
        return False
    verb_end = sentence_start + before.span(verbs[-1].start(), verbs[-1].end())[1]
    after_verb = _between(names, starts, verb_end, quote_start)
    if after_verb:
        return after_verb[0].key, after_verb[0].start, after_verb[0].end
    before_verb = _between(names, starts, sentence_start, verb_end)
    if before_verb:  # "الكاظمي ... قال" / "وقال الرئيس ... الكاظمي"
        return before_verb[-1].key, before_verb[-1].start, before_verb[-1].end
    if _NO_SUBJECT.match(key(text[verb_end:quote_start])):
        return True
    return None


def find_quotes(text: str, sentences: list[tuple[int, int]], names: list[NameMention]) -> list[Quote]:
    """Quotes with speakers; a verb of saying without a named subject continues the last speaker."""
    quotes = []
    last: tuple[str, int, int] | None = None
    names = sorted(names, key=lambda n: n.start)
    name_starts = [n.start for n in names]
    sentence_starts = [s for s, _ in sentences]
    for start, end in quote_spans(text):
        if sum(w.isalpha() for w in text[start:end].split()) < _MIN_WORDS:
            continue  # a term in quotes ("داعش"), not a statement
        i = bisect_right(sentence_starts, start - 1) - 1
        in_sentence = i >= 0 and start - 1 < sentences[i][1]
        sentence_start = sentences[i][0] if in_sentence else text.rfind("\n", 0, start) + 1
        found = _speaker(text, sentence_start, start, names, name_starts)
        if found is True:
            found = last
        elif found is not False:
            last = found
        speaker = found if isinstance(found, tuple) else None
        quotes.append(Quote(start, end, *(speaker or (None, None, None))))
    return quotes

