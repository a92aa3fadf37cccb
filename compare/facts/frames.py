"""Claim frames: what a figure measures, whose it is, where, when and per whom (GUIDE §2).

A figure's row in the discrepancy table is decided by its frame, never by a shared noun or
unit alone: «27 شخصاً» after «مقتل» counts the dead, «19 من القتلى في بلدة X وحدها» is a
local part of them, «612 شخصاً» in a clause about the 1994 quake is another time. The words
come from lexicons (events.toml for event classes, frames.toml for place, time, source and
holder markers); this module only reads the sentence around a figure with them.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from ..model import Frame
from ..normalize import key
from ..textlayer import CLAUSE_PUNCT, Token, tokens
from ..words import is_content
from .lexicon import EVENTS, event_at, forms, measured_in, measures, noun_event
from .numbers import number_word
from .quantities import DURATION_NOUNS, QUALIFIER_HEADS, noun_key
from .roles import fold as roles_fold
from .roles import roles

_LEXICON = Path(__file__).parent / "lexicons" / "frames.toml"
#: Punctuation that closes a clause: a frame word beyond it belongs to another claim.
#: How far (in words) an event word may stand from its figure inside one clause.
_BEFORE, _AFTER = 10, 4
_ASIDES = 1_000_000  # first clause number of the asides in parentheses
#: A term (years, months) takes the nearest event measured in terms this far back.
_BEYOND = 15
_YEAR = re.compile(r"^(19|20)\d\d$")


@dataclass(frozen=True)
class Markers:
    """Folded phrases of frames.toml, each a tuple of word keys."""

    wide: tuple[tuple[str, ...], ...]
    only: frozenset[str]
    place_nouns: frozenset[str]
    recorders: frozenset[str]
    provisional: tuple[tuple[str, ...], ...]
    updated: tuple[tuple[str, ...], ...]
    cumulative: tuple[tuple[str, ...], ...]
    source: tuple[tuple[str, ...], ...]
    not_source: frozenset[str]
    holder_heads: frozenset[str]
    holder_links: frozenset[str]
    people: frozenset[str]
    contests: frozenset[str]
    total: tuple[tuple[str, ...], ...]
    contest_verbs: frozenset[str]
    item_classes: frozenset[str]
    item_measures: frozenset[str]
    earlier: tuple[tuple[str, ...], ...]
    pluperfect: frozenset[str]
    recent: tuple[tuple[str, ...], ...]
    superlatives: frozenset[str]
    evolving: frozenset[str]
    evolving_fixed: frozenset[str]
    provisional_too: frozenset[str]
    falling: frozenset[str]
    basis: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]
    sides: tuple[tuple[str, frozenset[str]], ...]
    side_class: str


def _phrases(words: list[str]) -> tuple[tuple[str, ...], ...]:
    """Longest first, so «حصيلة أولية» wins over «أولية»."""
    return tuple(sorted({tuple(key(w).split()) for w in words}, key=lambda p: (-len(p), p)))


@cache
def markers() -> Markers:
    data = tomllib.loads(_LEXICON.read_text(encoding="utf-8"))
    return Markers(
        wide=_phrases(data["place"]["wide"]), only=frozenset(key(w) for w in data["place"]["only"]),
        place_nouns=frozenset(key(w) for w in data["place"]["nouns"]),
        recorders=frozenset(key(w) for w in data["place"]["recorders"]),
        provisional=_phrases(data["time"]["provisional"]), updated=_phrases(data["time"]["updated"]),
        cumulative=_phrases(data["time"]["cumulative"]), source=_phrases(data["source"]["markers"]),
        not_source=frozenset(key(w) for w in data["source"]["between"]),
        holder_heads=frozenset(key(w) for w in data["holder"]["heads"]),
        holder_links=frozenset(key(w) for w in data["holder"]["links"]),
        people=frozenset(noun_key(key(w)) for w in data["people"]["nouns"]),
        contests=frozenset(data["holder"]["contests"]),
        total=_phrases(data["total"]["markers"]),
        contest_verbs=frozenset(key(w) for w in data["total"]["contest_verbs"]),
        item_classes=frozenset(data["item"]["classes"]),
        item_measures=frozenset(key(w) for w in data["item"]["measures"]),
        earlier=_phrases(data["time"]["earlier"]),
        pluperfect=frozenset(key(w) for w in data["time"]["pluperfect"]),
        recent=_phrases(data["time"]["recent"]),
        superlatives=frozenset(key(w) for w in data["time"]["superlatives"]),
        evolving=frozenset(data["time"]["evolving"]), evolving_fixed=frozenset(data["time"]["fixed"]),
        provisional_too=frozenset(data["time"]["provisional_too"]),
        falling=frozenset(data["time"]["falling"]),
        basis=tuple((name, _phrases(words)) for name, words in data["basis"].items()),
        sides=tuple((name, frozenset(key(w) for w in words)) for name, words in data["side"].items() if name != "class"),
        side_class=data["side"]["class"],
    )


_PROCLITIC = re.compile(r"^(?:[وف]?(?:[بلك]?ال|لل)|[وف]?[بل]|[وف])(?=\w{3,})")


@cache
def unfolds(event: str | None) -> str | None:
    """How a class's counts change while a story unfolds: "grows" (the dead), "falls" too (the
    missing), or None for counts fixed once told (a magnitude, seats, a price)."""
    m = markers()
    if event is None or EVENTS[event].domain not in m.evolving or event in m.evolving_fixed:
        return None
    return "falls" if event in m.falling else "grows"


def _says(words: list[str]) -> bool:
    """The word is a verb of saying (أكد، قال، أعلن ...: lexicons/roles.toml)."""
    verbs = roles().verbs
    return any(roles_fold(w) in verbs or roles_fold(w)[1:] in verbs for w in words)


@lru_cache(maxsize=1 << 16)
def _bare(word: str) -> str:
    """A key without its proclitics (وبالمحافظة -> محافظه)."""
    return _PROCLITIC.sub("", word)


def _in(word: str, table: frozenset[str]) -> str | None:
    """The form of ``word`` found in ``table``: as written, without its article, or without its
    proclitics (بلدة keeps its ب: it is tried as written first)."""
    for form in (word, word[2:] if word.startswith("ال") else "", _bare(word)):
        if form and form in table:
            return form
    return None


def _at(keys: list[str], i: int, phrase: tuple[str, ...]) -> bool:
    """``phrase`` starts at ``i`` (the first word may carry a proclitic: «وبحسب»)."""
    words = keys[i:i + len(phrase)]
    if len(words) < len(phrase) or words[1:] != list(phrase[1:]):
        return False
    return words[0] == phrase[0] or _bare(words[0]) == phrase[0] or words[0][1:] == phrase[0]


_HEADS: dict[int, tuple[tuple[tuple[str, ...], ...], dict[str, tuple[tuple[str, ...], ...]]]] = {}


def _by_head(phrases: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases by their first word, longest first. Each marker list is indexed once, found again
    by its identity: hashing a long tuple of tuples on every lookup cost more than the lookup."""
    known = _HEADS.get(id(phrases))
    if known is None or known[0] is not phrases:
        heads: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            heads.setdefault(phrase[0], []).append(phrase)
        known = _HEADS[id(phrases)] = (phrases, {head: tuple(found) for head, found in heads.items()})
    return known[1]


def _find(keys: list[str], lo: int, hi: int, phrases: tuple[tuple[str, ...], ...]) -> tuple[int, int] | None:
    """First (index, length) of any phrase inside keys[lo:hi]."""
    heads = _by_head(phrases)
    for i in range(max(lo, 0), min(hi, len(keys))):
        word = keys[i]
        for head in dict.fromkeys((word, _bare(word), word[1:])):
            for phrase in heads.get(head, ()):
                if _at(keys, i, phrase):
                    return i, len(phrase)
    return None


@cache
def _in_terms(event: str) -> bool:
    """The event class is measured in durations (a prison term in years)."""
    return any(noun_key(unit) in DURATION_NOUNS for unit in EVENTS[event].units)


class FrameReader:
    """Reads the frames of the figures of one sentence."""

    def __init__(self, text: str, start: int, end: int, published_year: int | None) -> None:
        self.text = text
        self.toks: list[Token] = tokens(text, start, end)
        self.keys = [t.key for t in self.toks]
        self.year = published_year
        self.found: dict[tuple[int, int, int], tuple[int, int] | None] = {}
        self.events: dict[int, tuple[str, int] | None] = {}
        # clause number of each token: punctuation between tokens starts a new clause, except that
        # the clause goes on after a parenthesis («سعر لتر البنزين (أوكتان 90) من 1.20 دينار»)
        self.clause: list[int] = []
        n, aside, inside = 0, _ASIDES, False  # an aside's clauses are numbered apart
        for i, t in enumerate(self.toks):
            gap = text[self.toks[i - 1].end:t.start] if i else ""
            if inside and ")" in gap:
                inside = False
            elif "(" in gap:
                inside, aside = True, aside + 1
            elif i and CLAUSE_PUNCT.search(text, self.toks[i - 1].end, t.start):
                n, aside = (n, aside + 1) if inside else (n + 1, aside)
            self.clause.append(aside if inside else n)
        self.bounds: dict[int, tuple[int, int]] = {}  # clause -> its first and last token (asides stand inside)
        for i, c in enumerate(self.clause):
            self.bounds[c] = (self.bounds.get(c, (i, i))[0], i)

    def _find(self, lo: int, hi: int, phrases: tuple[tuple[str, ...], ...]) -> tuple[int, int] | None:
        """:func:`_find` on this sentence, remembered: its figures ask about the same spans."""
        asked = (lo, hi, id(phrases))
        if asked not in self.found:
            self.found[asked] = _find(self.keys, lo, hi, phrases)
        return self.found[asked]

    def _event_at(self, i: int) -> tuple[str, int] | None:
        """:func:`event_at` on this sentence, remembered for the next figure of the sentence."""
        if i not in self.events:
            self.events[i] = event_at(self.keys, i)
        return self.events[i]

    def _number_at(self, i: int) -> bool:
        """The token opens another figure: digits (after a clitic, «و11») or a number word; not
        a definite one, which refers to a known set («ثلاث من القرى الست التي أُخليت»)."""
        word = self.keys[i]
        return word.lstrip("وفبل")[:1].isdigit() or (bool(number_word(word)) and not word.startswith("ال"))

    def clause_of(self, offset: int) -> int:
        """Number of the clause holding ``offset`` (clauses are cut at punctuation)."""
        return self.clause[self._index(offset)] if self.toks else 0

    def _index(self, offset: int) -> int:
        """Token holding or following ``offset``."""
        return next((i for i, t in enumerate(self.toks) if t.end > offset), len(self.toks) - 1)

    def _span(self, i: int, n: int) -> list[int]:
        return [self.toks[i].start, self.toks[i + n - 1].end]

    def frame(self, start: int, end: int, num_start: int, noun: str | None, unit: str | None,
              inferred: bool = False, ordinal: bool = False, day: bool = False, hour: bool = False) -> Frame:
        """The frame of the figure whose words are text[start:end] (its number at num_start);
        an ``ordinal`` names an item of the noun before its number («الدقيقة 78»). A ``day``
        (a date or a time of day) has only an event and a source: where, whose and since when
        say nothing of a day. An ``hour`` (a time of day) is told of what happened, so it may
        take its event from the clauses beside its own; a day is as often the day a thing was
        said, and keeps to its clause."""
        f = Frame(unit=unit, noun=None if noun in markers().people or inferred else noun)  # a borrowed noun says little
        if not self.toks:
            return f
        first, last = self._index(min(start, num_start)), self._index(max(start, end - 1))  # «متهماً واحداً»
        lo, hi = self.bounds[self.clause[first]]
        self._event(f, noun, inferred, (first, self._index(num_start) if ordinal else first, last), lo, hi, day)
        if f.unit == "%" and f.event and EVENTS[f.event].base and f.spans.get("event", [0])[0] > self.toks[first].start:
            self._measured_against_base(f, first)
        if day:
            if hour and f.event is None and not _says(self.keys[lo:hi + 1]):
                self._sentence_event(f, lo, hi)
            self._source(f)
            return f
        self._item(f, first)
        self._place(f, first, last, hi)
        self._time(f, lo, hi, first)
        self._source(f)
        self._holder(f, lo, first, last)
        self._basis(f, lo, hi, first, last)
        m = markers()
        if first >= 2 and self._find(first - 2, first, m.total) and self._part_of_same(f, first - 2):
            f.holder = "total"  # «37 مقعداً من أصل 120»: the whole, not another party's count
            f.spans["holder"] = self._span(first - 2, 2)
        elif first >= 1 and _bare(self.keys[first - 1]) == "علي" \
                and any(_bare(k) in m.contest_verbs or k in m.contest_verbs for k in self.keys[lo:first - 1]):
            f.holder = "total"  # «تنافس ألف مرشح على 120 مقعداً»: all that is contested
            f.spans["holder"] = self._span(first - 1, 1)
        return f

    def _sentence_event(self, f: Frame, lo: int, hi: int) -> None:
        """An hour whose clause names no event dates the nearest event of the clauses on
        either side («ففي الساعة 03:12 من فجر أمس، ضرب زلزال ...», «بأن الزلزال بلغت قوته 6.2،
        ووقع في الساعة 03:12»); a verb of saying on the way stops the search: the day of
        «وفي مؤتمر عقده الخميس، أعلن الوزير مقتل 30» is when it was said."""
        after = next((c for c in range(self.clause[hi] + 1, max(self.clause) + 1) if c in self.bounds), None)
        before = next((c for c in range(self.clause[lo] - 1, -1, -1) if c in self.bounds), None)
        ways = []
        if after is not None:
            ways.append(range(self.bounds[after][0], self.bounds[after][1] + 1))
        if before is not None:
            ways.append(range(self.bounds[before][1], self.bounds[before][0] - 1, -1))
        found = []
        for way in ways:
            for distance, i in enumerate(way):
                if _says(self.keys[i:i + 1]):
                    break
                hit = self._event_at(i)
                if hit and not EVENTS[hit[0]].undated:
                    found.append((distance, len(found), i, hit))
                    break
        if found:
            _, _, i, hit = min(found)
            f.event = hit[0]
            f.spans["event"] = self._span(i, hit[1])

    def _measured_against_base(self, f: Frame, first: int) -> None:
        """A share of a base class after the figure («4.8% من الناتج المحلي») is a share of the
        measure named before it, across commas («عجزاً قدره 13.4 مليار دينار، أي ما يعادل 4.8% من
        الناتج»): the deficit against GDP, which another outlet's «عجزاً يناهز 5,2 بالمائة من
        الناتج» meets."""
        for i in range(first - 1, max(0, first - _BEYOND) - 1, -1):
            hit = self._event_at(i)
            if hit and not EVENTS[hit[0]].base and not EVENTS[hit[0]].undated:
                f.event = hit[0]
                f.spans["event"] = self._span(i, hit[1])
                return

    def _side(self, first: int, last: int, lo: int) -> tuple[str, int] | None:
        """The side of a vote a count is of, and where it is said: the nearest side word before
        the figure in its clause, not past another figure («لصالح المشروع 112 نائباً مقابل 38»),
        else the word right after its noun («38 نائباً عارضوه»)."""
        sides = markers().sides

        def side_at(i: int) -> str | None:
            return next((name for name, words in sides if _in(self.keys[i], words)), None)

        for i in range(first - 1, lo - 1, -1):
            if self._number_at(i):
                break
            if side := side_at(i):
                return side, i
        if last + 1 < len(self.keys) and (side := side_at(last + 1)):
            return side, last + 1
        return None

    def _part_of_same(self, f: Frame, marker: int) -> bool:
        """The part before «من أصل» counts what the figure counts: in «أودى بحياة 14 شخصاً من أصل
        530 حالة» the 530 cases are no total of the dead but the outlet's count of cases."""
        before = next(filter(None, (self._event_at(i) for i in range(marker - 1, -1, -1))), None)
        return before is None or f.event is None or before[0] == f.event

    def _event(self, f: Frame, noun: str | None, inferred: bool, where: tuple[int, int, int], lo: int, hi: int,
               day: bool = False) -> None:
        """A governing word before the figure (a capacity), else the counted noun's own class
        (قتلى), else an event word inside an ordinal before its
        number (the index noun of «الدقيقة 78»: whatever else the clause says, the number names a
        minute), else the nearest event word of the clause: before
        the figure (مقتل 27 شخصاً), the counted noun as an event word (2500 جندي), or after it
        (لقي 21 شخصاً مصرعهم; ... مهاجر على متن المركب); a tie goes to the word before. A noun
        the figure only borrowed from the previous one («و20 آخرون في عداد المفقودين») comes last.
        A ``day`` takes no class that no day dates (a depth, «بمشاركة»: see events.toml ``undated``)."""
        first, number, last = where

        def fits(event: str) -> bool:
            return measures(event, counted, f.unit) and not (day and EVENTS[event].undated)

        for i in range(first - 1, max(lo, first - _BEFORE) - 1, -1):  # «يتسع لـ55 ألف متفرج»
            hit = self._event_at(i)
            if hit and EVENTS[hit[0]].governs:
                f.event = hit[0]
                f.spans["event"] = self._span(i, hit[1])
                return
        if noun and not inferred:
            event = noun_event(noun)
            if event:
                f.event = event
                f.spans["event"] = self._span(last, 1)
                return
        counted = None if inferred else noun
        for after in (last, last + 1)[:len(self.keys) - last] if first > 0 else ():
            # a phrase its figure interrupts: «انهيار ستين منزلاً» (انهيار منازل), «لقي 9 أشخاص حتفهم»
            split = event_at([self.keys[first - 1], self.keys[after]], 0)
            if split and split[1] == 2:
                f.event = split[0]
                f.spans["event"] = self._span(first - 1, after - first + 2)
                return
        for i in range(first, number):
            hit = self._event_at(i)
            if hit and fits(hit[0]):
                f.event = hit[0]
                f.spans["event"] = self._span(i, hit[1])
                return
        reach = 0 if first and self.keys[first - 1] == "الي" else lo  # «ارتفع عدد X، ...، إلى 23»: across commas
        for i in range(first - 1, reach - 1, -1):  # «ارتفع عدد الموقوفين ... إلى 23 شخصاً»: «عدد» names what is counted
            hit = None
            if _bare(self.keys[i]) == "عدد":
                hit = self._event_at(i + 1) if i + 1 < first else None
            elif "عدد" in forms(self.keys[i]):  # «تجمع محتجون ...، وقدرت الشرطة عددهم بألفي شخص»: those named before
                hit = next(filter(None, (self._event_at(k) for k in range(i - 1, max(0, i - _BEYOND) - 1, -1))), None)
            if hit and fits(hit[0]):
                f.event = hit[0]
                f.spans["event"] = self._span(i, hit[1] + 1)
                return
        if noun in DURATION_NOUNS:  # a term: the nearest event measured in terms, across commas
            for i in range(first - 1, max(0, first - _BEYOND) - 1, -1):  # («بسجن المتهم الأول، المدير
                hit = self._event_at(i)                                  # السابق، خمس عشرة سنة»)
                if hit and _in_terms(hit[0]):
                    f.event = hit[0]
                    f.spans["event"] = self._span(i, hit[1])
                    return
        found = []  # (distance, index, hit): the nearest event word in the clause, before or after
        for i in range(first - 1, max(lo, first - _BEFORE) - 1, -1):
            hit = self._event_at(i)
            if hit and i < first and fits(hit[0]):  # a phrase may run into
                # the previous figure's own noun yields to a word after this one («7 وفيات وعاملان
                # في عداد المفقودين»), but stays when nothing follows («17 تسديدة مقابل 9 للأمل»)
                owned = _BEFORE if i and self._number_at(i - 1) else 0
                found.append((first - i - hit[1] + owned, 0, i, hit))  # the qualifier («عن عمر يناهز 80»)
                break
        # the counted noun itself, then after it; a predicate right after a participant noun says
        # what is counted of them («قرابة مئتي مهاجر على متن المركب» are on board)
        end = min(hi, last + _AFTER)
        later = next((i for i in range(last + 1, end + 1) if self._number_at(i)), None) if counted else None
        end = end if later is None else later - 1  # «468 حالة و11 وفاة»: the next figure's noun is its own
        # (a figure with no noun shares the next one's: «7 من أصل 9 متهمين», «بين ثلاث وسبع سنوات»)
        right_after = [last + 1] if last + 1 <= end else []
        for i in right_after + list(range(first + 1, end + 1)):
            hit = self._event_at(i)
            if hit and fits(hit[0]):
                found.append((max(0, i - last - 1), 1, i, hit))
                break
        if found:
            _, _, i, hit = min(found)
            f.event = measured_in(hit[0], f.unit)
            f.spans["event"] = self._span(i, hit[1])
            return
        # a noun taken from the clause or the previous figure («من 3000 إلى 2500»، «و20 آخرون»)
        event = (noun_event(noun) or (event_at([noun], 0) or (None,))[0]) if noun else None
        if event:
            f.event = event
            return

    def absorb(self, f: Frame, offset: int) -> None:
        """A class named in the figure's clause that absorbs its class takes it: «412 حالة يشتبه
        بإصابتها بالكوليرا» counts the infected (events.toml ``absorbs``). Figures only: a day's
        event stays the one its own words name."""
        if f.event is None or not self.toks:
            return
        clause = self.clause_of(offset)
        lo, hi = self.bounds[clause]
        for i in (k for k in range(lo, hi + 1) if self.clause[k] == clause):
            hit = self._event_at(i)
            if hit and f.event in EVENTS[hit[0]].absorbs:
                f.event = hit[0]
                f.spans["event"] = self._span(i, hit[1])
                return

    def _item(self, f: Frame, first: int) -> None:
        """What a price is of: the noun after the event word, past a measure («سعر لتر البنزين
        العادي»), with its definite adjective; none when only a measure follows («سعر اللتر»)."""
        m = markers()
        if f.event not in m.item_classes or "event" not in f.spans:
            return
        i = self._index(f.spans["event"][1])  # the token after the event words
        while i < len(self.keys) and (self.keys[i] in m.item_measures or _bare(self.keys[i]) in m.item_measures):
            i += 1
        if i >= first or not is_content(self.keys[i]) or event_at(self.keys, i) or self.clause[i] != self.clause[i - 1]:
            return  # the item is named before the figure, in its clause
        words = [self.keys[i]]
        nxt = i + 1 < len(self.keys) and self.keys[i + 1]
        if nxt and i + 1 < first and self.keys[i].startswith("ال") and nxt.startswith("ال") and is_content(nxt) \
                and self.clause[i + 1] == self.clause[i] and not event_at(self.keys, i + 1):
            words.append(nxt)  # «البنزين العادي»
        f.item = " ".join(_bare(w) for w in words)
        f.spans["item"] = self._span(i, len(words))

    def _place(self, f: Frame, first: int, last: int, hi: int) -> None:
        """The whole country anywhere in the sentence, unless the figure's own clause names
        where it is said of before it («تخطت الحرارة 45 درجة في معظم مناطق البلاد، ... رياح بلغت
        سرعتها في جبل الريحان نحو 60»); a local place right after the figure
        («في بلدة X», «داخل المدينة», «بالمدينة»), or any place marked «وحدها»; a place that
        recorded the figure, as the subject before it («وسجلت مدينة تازروت 51,2 درجة»)."""
        m = markers()
        wide = self._find(0, len(self.keys), m.wide)
        lo = self.bounds[self.clause[first]][0]
        if wide and self.clause[wide[0]] != self.clause[first] and any(
                self.keys[i] == "في" and is_content(self.keys[i + 1]) and not self._number_at(i + 1)
                for i in range(lo, first - 1)):
            wide = None
        if wide:
            f.place = "wide"
            f.spans["place"] = self._span(*wide)
            return
        for i in range(max(lo, 1), first - 1):
            noun = _in(self.keys[i], m.place_nouns)
            if noun and _in(self.keys[i - 1], m.recorders) and is_content(self.keys[i + 1]):
                f.place = f"{noun} {self.keys[i + 1]}"
                f.spans["place"] = self._span(i, 2)
                return
        for i in range(last + 1, min(len(self.keys) - 1, last + 6) + 1):
            noun = _in(self.keys[i], m.place_nouns) or _in(noun_key(self.keys[i]), m.place_nouns)
            if noun is None:  # (plurals fold to the singular: «في خمس محافظات»)
                continue
            counted = self.keys[i - 1].isdigit() or number_word(self.keys[i - 1])  # «في خمس محافظات»
            introduced = self.keys[i - 1 - bool(counted)] in ("في", "داخل") or self.keys[i][:1] == "ب"
            alone = any(k in m.only for k in self.keys[i + 1:i + 5])
            if introduced and (alone or i - last <= 3) and i + 1 < len(self.keys):
                named = not counted and is_content(self.keys[i + 1])  # «في بلدة تالا»; «في خمس محافظات مع» names none
                f.place = f"{noun} {self.keys[i + 1]}" if named else noun
                f.spans["place"] = self._span(i, 2 if named else 1)
                return
        if len(self.keys) > 3 and self.keys[0] in ("في", "وفي") and self.clause[2] == 0 \
                and (noun := _in(self.keys[1], m.place_nouns)) and is_content(self.keys[2]):
            f.place = f"{noun} {self.keys[2]}"  # «وفي جهة وادي السدرة، ...»: the place the sentence opens on
            f.spans["place"] = self._span(1, 2)

    def _time(self, f: Frame, lo: int, hi: int, first: int) -> None:
        """Another year named in the clause; a running total; a count the outlet calls early or
        updated."""
        m = markers()
        for i in range(0, hi + 1):  # a past year anywhere before the figure: «زلزال 1994، الذي أودى بحياة 612»
            k = self.keys[i]
            if _YEAR.match(k) and self.year and int(k) < self.year and i != first:
                f.time = f"year:{k}"
                f.spans["time"] = self._span(i, 1)
                return
        for i in range(0, first - 1):  # «وكانت الحكومة قد رفعت ... بنسبة 10%»
            qad = next((j for j in range(i + 1, min(first, i + 4)) if self.keys[j] == "قد"), None)
            if _bare(self.keys[i]) in m.pluperfect and qad is not None and not _says(self.keys[qad + 1:qad + 2]) \
                    and not self._find(lo, hi + 1, m.recent):
                f.time = "earlier"  # (not «كانت التنسيقية قد أكدت أن 15 ألفاً ...»: an earlier saying)
                f.spans["time"] = self._span(i, 1)
                return
        evolving = unfolds(f.event) is not None
        for kind, phrases in (("cumulative", m.cumulative), ("provisional", m.provisional), ("earlier", m.earlier),
                              ("updated", m.updated)):
            early = kind == "provisional" and f.event is not None and EVENTS[f.event].domain in m.provisional_too
            if kind in ("provisional", "updated") and not evolving and not early:
                continue
            sentence_wide = kind == "provisional"  # «في حصيلة أولية» often opens the sentence
            hit = self._find(0 if sentence_wide else lo, len(self.keys) if sentence_wide else hi + 1, phrases)
            if hit and kind == "cumulative" and hit[0] > first \
                    and any(_bare(k) in m.superlatives or k in m.superlatives for k in self.keys[first:hit[0]]):
                continue  # «... 60 شخصاً لقوا حتفهم في واحدة من أسوأ الحوادث منذ بداية العام»
            if hit:
                f.time = kind
                f.spans["time"] = self._span(*hit)
                return

    def _basis(self, f: Frame, lo: int, hi: int, first: int, last: int) -> None:
        """What is measured of a set, said in the figure's clause: a rate's basis (annual,
        monthly, core) anywhere in it; the highest, lowest or a range only before the figure
        («أكبرهم سناً 71 عاماً»; in «خمسة متهمين ... تتراوح بين 3 و7» the five are not a range);
        new ones added to a count, or others beside those counted, only right after its noun
        («جثتين جديدتين», «خمسة متهمين آخرين»; in «112 آخرين» the word is the noun)."""
        for name, phrases in markers().basis:
            if name == "others" and self._number_at(last):
                continue
            if name in ("increment", "others"):
                lo_at, hi_at = last + 1, min(hi, last + (2 if name == "increment" else 1)) + 1
            else:
                lo_at, hi_at = lo, first if name in ("highest", "lowest", "range", "needed") else hi + 1
            hit = self._find(lo_at, hi_at, phrases)
            if hit:
                f.basis = name
                f.spans["basis"] = self._span(*hit)
                return

    def _source(self, f: Frame) -> None:
        """Who the sentence attributes its figures to: the body named after «بحسب/وفق/نقلاً عن»
        (past the report it issued: «بحسب أحدث بيان أصدرته وزارة الصحة»), else the subject of a
        verb of saying that opens the sentence («أعلنت وزارة الصحة تسجيل 412 حالة»)."""
        m = markers()
        hit = self._find(0, len(self.keys), m.source)
        if hit:
            at, i = hit[0], hit[0] + hit[1]
        else:
            opening = next((k for k in range(min(3, len(self.keys))) if _says([self.keys[k]])), None)
            if opening is None:
                return
            at, i = opening, opening + 1
        words, first = [], None
        while i < len(self.keys) and len(words) < 3 and self.clause[i] == self.clause[at]:
            word = self.keys[i]
            between = _in(word, m.not_source)
            if word.isdigit() or number_word(word) or _bare(word) in QUALIFIER_HEADS or _says([word]) \
                    or (words and between):
                break  # the figure or the next phrase begins: «قدّرت الشرطة عددهم بنحو ألفي شخص»
            if is_content(word) and not between:
                words.append(word[2:] if word.startswith("ال") else word)
                first = i if first is None else first
            i += 1
        if words and first is not None:
            f.source = " ".join(words[:2])
            f.spans["source"] = [self.toks[first].start, self.toks[i - 1].end]

    def _holder(self, f: Frame, lo: int, first: int, last: int) -> None:
        """Whose share, seats or prize: a party, team or body named before the figure in its
        clause and tied to it by a verb of getting («حصل حزب X على 37 مقعداً», «حصد الشعلة جائزة»),
        or named right after it («9 تسديدات للأمل»)."""
        m = markers()
        side = self._side(first, last, lo) if f.event in (None, m.side_class) else None
        if side:  # «112 نائباً» for and «38 نائباً» against are two counts of one vote, whoever
            f.event, f.holder, f.noun = m.side_class, side[0], None  # casts them («118 صوتاً», «120 دولة»)
            f.spans["holder"] = self._span(side[1], 1)
            f.spans.setdefault("event", f.spans["holder"])
            return
        if f.event is not None and EVENTS[f.event].domain in m.evolving:
            return  # a toll belongs to nobody: «سجّل المعهد 40 هزة» names who counted, not whose
        after = last + 1  # «9 تسديدات للأمل»: لل + a name right after a team's or a party's figure
        contest = f.event is not None and EVENTS[f.event].domain in m.contests
        if contest and after < len(self.keys) and self.keys[after].startswith("لل") and len(self.keys[after]) > 4 \
                and not event_at(self.keys, after) and not _in(self.keys[after][2:], m.place_nouns):
            f.holder = self.keys[after][2:]
            f.spans["holder"] = self._span(after, 1)
            return
        with_ba = self.text[max(0, self.toks[first].start - 2):self.toks[first].start].rstrip().endswith(("بـ", "ب"))
        if not with_ba and not any(_in(k, m.holder_links) for k in self.keys[lo:first]):
            return  # «حلّت الجبهة ثانية بـ18 مقعداً»: بـ before the figure ties it to the subject too
        for i in range(first - 1, lo - 1, -1):
            if _in(self.keys[i], m.holder_heads):
                name = [self.keys[i]] + [k for k in self.keys[i + 1:min(first, i + 3)] if k not in m.holder_links]
                f.holder = " ".join(_bare(k) for k in name[:2])
                f.spans["holder"] = self._span(i, min(2, first - i))
                return
        for i in range(lo, first - 1):  # no head word: the subject right after the verb («حصد الشعلة جائزة»)
            subject = self.keys[i + 1]
            phrase = event_at(self.keys, i)  # «نسبة المشاركة» is the event, «المشاركة» no holder
            if _in(self.keys[i], m.holder_links) and subject.startswith("ال") and is_content(subject) \
                    and not _in(subject, m.holder_links) and not event_at(self.keys, i + 1) \
                    and not (phrase and phrase[1] > 1):
                f.holder = _bare(subject)
                f.spans["holder"] = self._span(i + 1, 1)
                return
