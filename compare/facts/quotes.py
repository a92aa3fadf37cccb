"""Quotes and who said them.

Quote marks are paired within a paragraph, straight and curly, in either direction (Arabic
desks write “…”, ”…“, ”…” and "…"). The speaker is found by rules over word classes
(lexicons/roles.toml, read by names.py):

* after the nearest cue of saying before the quote in its sentence: a verb of saying (قال، أكد،
  أضاف ...), an attribution («بحسب»، «وفق»، «نقل ... عن»), the subject being a role phrase with
  or without a name, a name, a surname alone (resolved to the full name written earlier) or a body;
* a participle («مضيفاً»، «مشيراً») or a verb whose subject is not after it gives the subject of
  an earlier verb of the sentence, or the one written before the verb («وكان الوزير ... قد صرح»);
* a verb with no subject at all («وأضاف أن»، «وتابع قائلاً:») continues the article's last speaker;
* a phrase right before the quote after a colon («مدرب الأمل عادل بوزيان: «...»»), or an
  attribution right after it («...»، بحسب الشرطة) speaks too.

``Quote.speaker`` is the speaker's matching key (gazetteer key of the name, or the skeleton of a
body or an unnamed role; ``kind`` says which), ``speaker_start``/``speaker_end`` the article's
characters as written (role and name), ``role`` the role as written.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from .names import NameMention, Phrase, Speaker, Speakers, Tokens, phrase_at

_OPEN = {"“": "”", "«": "»", '"': '"', "”": "”", "„": "“"}
_MAX_QUOTE = 1200
_MIN_WORDS = 3
#: Words that open what a verb of saying reports («وأكد الوزير أن ...», «وحذر من أن ...»).
_THAT = frozenset({"ان", "انه", "انها", "انهم", "بان", "بانه", "بانها", "بانهم"})
#: What may follow a verb of saying that has no subject of its own ("وأضاف أن", "وتابع قائلا:").
_NO_SUBJECT = _THAT | {"الي", "ايضا", "كذلك"}
_MARKS = set(":\"“”«»„")
#: Reported speech shorter than this many words says too little to be a statement.
_MIN_REPORTED = 5


@dataclass(frozen=True)
class Quote:
    start: int  # the quoted words, marks excluded
    end: int
    speaker: str | None  # matching key: gazetteer key of a person's name, or a body's / role's skeleton
    speaker_start: int | None = None  # who speaks as written: role and name, a body, a role
    speaker_end: int | None = None
    role: str | None = None  # the speaker's role as written («وزير الداخلية»), if any
    kind: str | None = None  # person | org | role | anonymous
    reported: bool = False  # reported speech («وحذر المحافظ من أن السلطات لن تسمح ...»), no marks


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


class _Finder:
    """Speaker rules over one article."""

    def __init__(self, text: str, names: list[NameMention], quotes: list[tuple[int, int]]) -> None:
        self.speakers = Speakers(text, names)
        self.t: Tokens = self.speakers.t
        self.text = text
        self.inside = [False] * len(self.t)  # words inside quote marks are never cues
        for s, e in quotes:
            for i in range(self.t.index(s), self.t.index(e)):
                self.inside[i] = True
        self.attributions: dict[int, int] = {}  # word -> size of the attribution phrase there

    def _attribution(self, i: int) -> int:
        """Words of an attribution phrase at word i («بحسب»، «وفقا ل»، «على لسان»); 0 if none.
        Each quote's cues are looked for over overlapping spans: a word is read once."""
        if i not in self.attributions:
            self.attributions[i] = self._read_attribution(i)
        return self.attributions[i]

    def _read_attribution(self, i: int) -> int:
        t = self.t
        size = t.match(i, t.lex.attribution)
        if size:
            return size
        for entry in t.lex.attribution:  # «وفقاً للشرطة»: the phrase's ل is written on the next word
            n = len(entry) - 1
            if entry[-1] == "ل" and i + n < len(t) and t.folded[i + n][:1] == "ل" \
                    and (t.folded[i].removeprefix("و"), *t.folded[i + 1:i + n]) == entry[:-1] \
                    and not any(t.stop(i + m) for m in range(1, n + 1)):
                return n
        return 0

    def cues(self, lo: int, hi: int) -> list[tuple[int, str, int]]:
        """(word, kind, size) of each cue of saying in words [lo, hi): verb, participle, attribution."""
        t = self.t
        out = []
        i = lo
        while i < hi:
            if self.inside[i]:
                i += 1
                continue
            size = self._attribution(i)
            if size:
                out.append((i, "attribution", size))
                i += size
                continue
            if t.verb(i):
                out.append((i, "verb", 1))
            elif t.participle(i):
                out.append((i, "participle", 1))
            i += 1
        return out

    def _phrase(self, i: int, *, lam: bool = False) -> Phrase | None:
        t = self.t
        while i < len(t) and not t.hard(i) and (t.time(i) or t.folded[i] in ("ايضا", "بدوره", "بدورها")):
            i += 1  # «وقال أمس وزير ...»
        if i >= len(t) or t.hard(i) or self.inside[i]:
            return None
        if lam and t.folded[i][:1] == "ل" and not t.folded[i].startswith("لل"):
            return phrase_at(_Shifted(t, i), i)  # «وفقا لوزارة الصحة»
        return phrase_at(t, i)

    def subject_after(self, cue: int, kind: str, size: int) -> Speaker | None:
        """The speaker named right after a cue, or None."""
        t = self.t
        i = cue + size
        if i >= len(t) or t.hard(i):  # a comma may stand there: «من جانبه قال، أستاذ العلوم السياسية ...»
            return None
        if kind == "verb" and t.folded[cue].lstrip("وف") in ("نقل", "نقلت"):
            for j in range(i, min(i + 6, len(t))):  # «ونقلت وكالة الأناضول عن المبعوث ...»
                if j > i and t.hard(j):
                    break
                if t.folded[j] == "عن":
                    i = j + 1
                    break
        if t.document(i):  # «ذكر بيان للحكومة»: the body speaks, never the document alone
            j = i + 1
            if j < len(t) and t.folded[j] in ("صادر", "صادره") and j + 1 < len(t) and t.folded[j + 1] == "عن":
                j += 2
            elif j < len(t) and t.folded[j] in ("عن", "من"):
                j += 1
            p = self._phrase(j, lam=True) if j < len(t) and not t.hard(j) else None
            return self.speakers.resolve(p) if p is not None and p.kind == "org" else None
        p = self._phrase(i, lam=kind == "attribution")
        if p is None:
            return None
        if kind == "attribution" and p.kind == "surname" and t.folded[i][:1] == "ل":
            return None
        return self.speakers.resolve(p)

    def subjectless(self, cue: int, size: int, quote_start: int) -> bool:
        """A verb followed by no subject: «وأضاف أن»، «وتابع قائلاً:»، «ولفت إلى أن»."""
        t = self.t
        i = cue + size
        if i >= len(t) or t.words[i][0] >= quote_start:
            return True
        gap = self.text[t.words[i - 1][1]:t.words[i][0]]
        return any(c in _MARKS for c in gap) or t.folded[i] in _NO_SUBJECT or t.participle(i) \
            or t.folded[i] in ("قايلا", "قايله", "بالقول")

    def subject_before(self, lo: int, hi: int) -> Speaker | None:
        """A subject written before its verb in words [lo, hi): «وكان وزير الداخلية، إبراهيم
        بلقاسم، قد صرح»، «لكن المتحدثة ... جين ساكي قالت»، «وكان الكاظمي قال»."""
        t = self.t
        i = lo
        while i < hi:
            if self.inside[i]:
                i += 1
                continue
            lead = i == lo or all(t.function(j) or t.comma(j) for j in range(lo, i))
            p = phrase_at(t, i, after_verb=lead)
            if p is not None and p.last <= hi and p.kind != "anonymous":
                found = self.speakers.resolve(p)  # a surname nobody was named with is no subject
                if found is not None:
                    return found
            i += 1
        return None

    def speaker(self, lo: int, hi: int, quote_start: int) -> Speaker | bool | None:
        """Speaker of the words that follow word ``hi`` in a sentence starting at word ``lo``:
        a Speaker; True when a verb without subject continues the last speaker; None when a cue
        names nobody; False when no cue of saying introduces them."""
        cues = self.cues(lo, hi)
        if not cues:
            return False
        for cue, kind, size in reversed(cues):
            if kind == "participle":
                continue
            found = self.subject_after(cue, kind, size)
            if found is not None:
                return found
        first = next((c for c, k, _ in cues if k != "attribution"), cues[0][0])
        found = self.subject_before(lo, first)
        if found is not None:
            return found
        last, kind, size = cues[-1]
        if kind == "participle" or (kind == "verb" and self.subjectless(last, size, quote_start)):
            return True
        return None

    def colon_speaker(self, lo: int, hi: int) -> Speaker | None:
        """A phrase ending right before the quote after a colon: «مدرب الأمل عادل بوزيان: «...»»."""
        t = self.t
        if hi == 0 or hi > len(t) or ":" not in self.text[t.words[hi - 1][1]:t.words[hi][0] if hi < len(t) else None]:
            return None
        for i in range(lo, hi):
            p = phrase_at(t, i, after_verb=False)
            if p is not None and p.last == hi and p.named:
                return self.speakers.resolve(p)
        return None

    def after_quote(self, end: int, sentence_end: int) -> Speaker | None:
        """An attribution right after the quote: «...»، بحسب الشرطة / «...»، قال الوزير."""
        t = self.t
        i = t.index(end)
        if i >= len(t) or t.words[i][0] >= sentence_end or t.words[i][0] - end > 4:
            return None
        for cue, kind, size in self.cues(i, min(i + 2, len(t))):
            if cue == i and kind != "participle":
                return self.subject_after(cue, kind, size)
        return None


class _Shifted(Tokens):
    """Tokens whose word i is read without its preposition ل («لوزارة» as «وزارة»)."""

    def __init__(self, t: Tokens, i: int) -> None:
        self.__dict__.update(t.__dict__)
        self.folded = list(t.folded)
        self.keys = list(t.keys)
        self.folded[i] = t.folded[i][1:]
        self.keys[i] = t.keys[i][1:]


def _sentence_of(sentences: list[tuple[int, int]], starts: list[int], offset: int, text: str) -> tuple[int, int]:
    """The sentence holding ``offset``, else its line."""
    i = bisect_right(starts, offset) - 1
    if i >= 0 and offset < sentences[i][1]:
        return sentences[i]
    end = text.find("\n", offset)
    return text.rfind("\n", 0, offset) + 1, len(text) if end < 0 else end


def find_quotes(text: str, sentences: list[tuple[int, int]], names: list[NameMention]) -> list[Quote]:
    """Quotes with speakers; a verb of saying without a subject continues the last speaker, who
    may have spoken in a sentence without quote marks («وأوضح القابسي أن ...»)."""
    spans = [(s, e) for s, e in quote_spans(text) if sum(w.isalpha() for w in text[s:e].split()) >= _MIN_WORDS]
    finder = _Finder(text, names, spans)
    t = finder.t
    sentence_starts = [s for s, _ in sentences]
    quotes = []
    last: Speaker | None = None
    done = 0  # sentences read so far for the last speaker
    marked = {bisect_right(sentence_starts, start - 1) - 1 for start, _ in spans}  # sentences with quote marks
    for start, end in spans:
        s0, s1 = _sentence_of(sentences, sentence_starts, start - 1, text)
        while done < len(sentences) and sentences[done][1] <= s0:  # speech between quotes
            last = _speech(finder, sentences[done], last, None if done in marked else quotes)
            done += 1
        lo, hi = t.index(s0), t.index(start)
        found = finder.speaker(lo, hi, start)
        if found is False:
            found = finder.colon_speaker(lo, hi) or finder.after_quote(end + 1, s1) or False
        if found is True:
            found = last
        elif isinstance(found, Speaker):
            last = found
        sp = found if isinstance(found, Speaker) else None
        quotes.append(Quote(start, end, sp.key, sp.start, sp.end, sp.role, sp.kind) if sp else Quote(start, end, None))
    while done < len(sentences):  # after the last quote only reported speech is left to read
        last = _speech(finder, sentences[done], last, None if done in marked else quotes, trailing=True)
        done += 1
    return sorted(quotes, key=lambda q: q.start)


def _speech(finder: _Finder, sentence: tuple[int, int], last: Speaker | None, out: list[Quote] | None,
            trailing: bool = False) -> Speaker | None:
    """A sentence without quote marks: who it makes speak (the article's last speaker after it),
    and what it reports after «أن» when a verb of saying stands before: «وحذر المحافظ من أن
    السلطات لن تسمح بتحويل المطالب الاجتماعية إلى فوضى» gives that statement to the governor.
    After the last quote (``trailing``) a sentence with no «أن» is skipped: it reports nothing,
    and a speaker it names would only continue into reported speech, which opens with its own
    verb and subject far more often than not (reading every sentence cost a tenth of the facts)."""
    t = finder.t
    lo, hi = t.index(sentence[0]), t.index(sentence[1])
    if trailing and not any(t.folded[k] in _THAT for k in range(lo + 1, hi)):
        return last
    said = finder.speaker(lo, hi, sentence[1])
    after = said if isinstance(said, Speaker) else last
    cues = finder.cues(lo, hi) if out is not None else []
    that = next((k for k in range(cues[0][0] + 1, hi) if t.folded[k] in _THAT), None) if cues else None
    if out is None or that is None or hi - that - 1 < _MIN_REPORTED:
        return after
    who = finder.speaker(lo, that, t.words[that][0])
    who = last if who is True else who
    if isinstance(who, Speaker):
        start, end = t.words[that + 1][0], t.words[hi - 1][1]
        out.append(Quote(start, end, who.key, who.start, who.end, who.role, who.kind, reported=True))
    return after


def speaker_of(text: str, sentence_start: int, sentence_end: int,
               names: list[NameMention]) -> tuple[str, int, int] | None:
    """(key, start, end) of who reports the sentence's content («وأكد الوالي أن 12 قرية ...»،
    «بحسب الشرطة»), or None; no continuation across sentences."""
    finder = _Finder(text, names, [])
    t = finder.t
    lo, hi = t.index(sentence_start), t.index(sentence_end)
    found = finder.speaker(lo, hi, sentence_end)
    return (found.key, found.start, found.end) if isinstance(found, Speaker) else None
