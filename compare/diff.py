"""Same fact, different value: discrepancy rows and word-level differences inside groups.

Two sources of rows:
- *slots*: quantities that count the same thing (folded noun + unit) across outlets, wherever
  they appear; each value is read with its scope (foreign vs American, a subset "بينهم"), its
  time (an earlier level, an article from another year) and its precision (approximate, a
  bound), so differences that are explained are not reported as conflicts;
- *groups*: passages aligned as one claim: the day a statement was made, the years they cite,
  and single-word swaps of qualifying adjectives (أجنبية vs أمريكية).
Row kinds, strongest first: conflict, scope, time, wording, compatible, agreement, single-source.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable
from difflib import SequenceMatcher
from itertools import combinations

from .facts.frames import unfolds
from .facts.lexicon import EVENTS, forms
from .facts.quantities import noun_key, scope_key
from .facts.roles import fold as roles_fold
from .facts.roles import roles
from .model import Article, Discrepancy, Fact, Group, Passage, Span, Value
from .normalize import key, word_key
from .textlayer import CLAUSE_PUNCT, TOKEN, Token, paragraphs, sentences, tokens
from .words import is_content, skeleton

KINDS = ["conflict", "scope", "time", "wording", "compatible", "agreement", "single-source"]
#: Figures from articles published this many days before the newest one are "another time".
OTHER_TIME_DAYS = 180
_DIRECTIONS = {f"{w}{e}" for w in ("شمال", "جنوب", "شرق", "غرب") for e in ("ي", "يه")}
#: The year a slot names («دينار|year:2024»).
_YEAR_PART = re.compile(r"\|year:\d+")
#: Why a row of figures has its kind, as the briefing says it.
_REASONS = {
    "conflict": "قيم مختلفة للواقعة نفسها في الوقت نفسه",
    "scope": "الأرقام تعدّ مجموعات مختلفة (الكل أو جزء منه)",
    "time": "الأرقام من أوقات مختلفة",
    "compatible": "القيم متقاربة أو حدود لا تتعارض",
    "agreement": "القيم متطابقة",
}
#: An outlet's figure within this log ratio (x1.5) of the main claim's joins it when its other
#: figures of the frame are at least OTHER_ORDER (x3) away: another order is another claim.
SAME_ORDER, OTHER_ORDER = math.log(1.5), math.log(3.0)
#: The last paragraph of an article's headline and lead (0-based).
LEAD_PARAGRAPH = 1
#: Share of words two quotes must share to be one quote.
SAME_QUOTE = 0.6
#: Shorter quotes (a slogan, a phrase) are not statements one can attribute...
MIN_STATEMENT_WORDS = 5
#: ... unless every word of one of at least this many words stands in a statement another outlet quotes.
MIN_EXCERPT_WORDS = 3
#: Minutes an approximate time of day («نحو السادسة») may be from another outlet's.
MAX_CLOCK_DRIFT = 30
#: Relative tolerance of an approximate figure ("نحو 3500").
APPROX_TOLERANCE = 0.1
#: A following paragraph that starts like this reports when/where the previous statement was made.
_SAID_AT = re.compile(r"^\W*و?جاء ذلك")
#: Nisba adjectives (أجنبية, الأمريكية): a swap between two of them changes who is meant.
_NISBA = re.compile(r"^(ال)?\w+[^\Wاوي](ي|يه|يين|يون)$")


def _swapped_qualifier(a: str, b: str) -> bool:
    """Two nisba adjectives in the same grammatical slot (same definiteness and gender), such as
    أجنبية/أمريكية: a change of who is meant. Directions (جنوبي) describe places, not parties."""
    ma, mb = _NISBA.match(a), _NISBA.match(b)
    if not (ma and mb) or {a.removeprefix("ال"), b.removeprefix("ال")} & _DIRECTIONS or set(forms(a)) & set(forms(b)):
        return False  # (one word with and without a clitic, «قضية» / «بقضية», is no swap)
    return bool(ma.group(1)) == bool(mb.group(1)) and ma.group(2) == mb.group(2)


def _interval(f: Fact) -> tuple[float, float]:
    """Range of values a fact allows."""
    v = float(f.value)
    if f.low is not None and f.high is not None and f.high > f.low:
        return f.low, f.high
    if f.bound == "min":
        return v, math.inf
    if f.bound == "max":
        return -math.inf, v
    if f.approx:
        return v * (1 - APPROX_TOLERANCE), v * (1 + APPROX_TOLERANCE)
    return v, v


def _framed(a: Fact, b: Fact) -> bool:
    """Two figures that may be one claim with different values: not two ordinals of no event."""
    return not any(f.form == "ordinal" and not (f.frame and f.frame.event) for f in (a, b))


def _relation(a: Fact, b: Fact, same_claim: bool) -> str:
    """agreement, compatible, conflict or unrelated between two values of one slot, scope and time.
    Two ordinals name different items ("third round", "fourth round") unless they are one claim."""
    ordinal_a, ordinal_b = a.form == "ordinal", b.form == "ordinal"
    if ordinal_a and ordinal_b and not same_claim:
        return "unrelated"
    if a.value == b.value and "vague" not in (a.form, b.form):  # «نحو 600 مليون» and «600 مليون» say the
        return "agreement" if (a.approx, a.bound) == (b.approx, b.bound) else "compatible"  # same less precisely
    if ordinal_a and ordinal_b:
        return "conflict"
    la, ha = (float(a.value), math.inf) if ordinal_a else _interval(a)
    lb, hb = (float(b.value), math.inf) if ordinal_b else _interval(b)
    if ordinal_a or ordinal_b:  # "the fourth round" is compatible with "at least three rounds"
        return "compatible" if max(la, lb) <= min(ha, hb) or (ordinal_a and hb >= la) or (ordinal_b and ha >= lb) \
            else "conflict"
    return "compatible" if max(la, lb) <= min(ha, hb) else "conflict"


def _when(f: Fact) -> str | None:
    """"earlier" for a former level (من 3000 إلى 2500, بعد أن اكتفت بتسعة مقاعد), "later" for a
    planned one; None for the figure of the article's present."""
    if f.time in ("earlier", "later"):
        return f.time
    return "earlier" if f.frame and f.frame.time == "earlier" else None


def _scoped(f: Fact) -> bool:
    """A figure said of a part (a place, a subset «بينهم», a running total) or of another time
    (a former or planned level): it gets its own row against the others' main figures."""
    frame = f.frame
    return bool(f.subset_of or _when(f) or (frame and (frame.part or frame.place or frame.time == "cumulative")))


def _by_scope(facts: Iterable[Fact]) -> dict[str, list[Fact]]:
    """Scoped figures by the scope they are said of (another time, one place, the whole
    country, a running total, a part)."""
    out: dict[str, list[Fact]] = defaultdict(list)
    for f in facts:
        frame = f.frame
        scope = (_when(f) or (frame.place if frame and frame.place else None)
                 or ("cumulative" if frame and frame.time == "cumulative" else "part"))
        out[scope].append(f)
    return out


def _same_frame(a: Fact, b: Fact) -> bool:
    """Two figures may be one claim's figure: their frames say the same (event, holder, place,
    time, a part or the whole); an end of a range is no level («بين 8 و10 درجات» / «47.8 درجة»),
    and two bases said differ (annual / monthly); a basis one outlet leaves unsaid may be the same."""
    fa, fb = a.frame, b.frame
    if not fa or not fb:
        return fa is fb
    bases = {fa.basis, fb.basis}
    if len(bases) > 1 and (None not in bases or "range" in bases):
        return False
    return (fa.event, fa.holder, fa.place, fa.time, fa.part) == (fb.event, fb.holder, fb.place, fb.time, fb.part)


def _dated_figures(facts: Iterable[Fact]) -> bool:
    """One frame has different figures in a group's passages: then two years date two states
    («3.2 مليار في 2024» / «3.5 مليار لعام 2025»), they do not misdate one event."""
    values: dict[str, set[object]] = defaultdict(set)
    for f in facts:
        if f.type == "quantity" and f.slot:
            values[_YEAR_PART.sub("", f.slot)].add(f.value)  # the year is what differs
    return any(len(v) > 1 for v in values.values())


def _early(f: Fact) -> bool:
    """A figure its outlet calls preliminary («حصيلة أولية», «نسبة المشاركة الأولية»)."""
    return bool(f.frame and f.frame.time == "provisional")


def _future(f: Fact) -> bool:
    """A day ahead of its article («الاثنين المقبل»، «غداً»)."""
    return f.time == "future"


def _respaced(a: list[Token], b: list[Token]) -> bool:
    """The same letters split into words differently («ما زالت» / «مازالت»): spelling, not wording."""
    return "".join(skeleton(t.key) for t in a) == "".join(skeleton(t.key) for t in b)


def _said_on(f: Fact) -> bool:
    """A day a statement can have been made on: not in the future of its article («غداً»،
    «الاثنين المقبل» are what it announces)."""
    return f.slot == "date:day" and not _future(f)


def _excerpt(text: str, words: int = 8) -> str:
    """The first words of a quote, to name it in a note."""
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _timed(f: Fact) -> bool:
    """The outlet marks the count as early or updated (حصيلة أولية, ارتفع إلى)."""
    return bool(f.frame and f.frame.time in ("provisional", "updated"))


class _Joins:
    """Union-find over hashable keys: which figures end up one claim."""

    def __init__(self, keys: Iterable[Hashable]) -> None:
        self.parent = {k: k for k in keys}

    def find(self, k: Hashable) -> Hashable:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def join(self, a: Hashable, b: Hashable) -> None:
        """Put ``a``'s set under ``b``'s root."""
        self.parent[self.find(a)] = self.find(b)


class Differ:
    def __init__(self, articles: list[Article], groups: list[Group], facts: list[Fact]) -> None:
        self.articles = {a.id: a for a in articles}
        self.order = [a.id for a in articles]
        self.groups = groups
        self.facts = facts
        dates = [dt.date.fromisoformat(a.published) for a in articles if a.published]
        self.newest = max(dates) if dates else None
        self.rows: list[Discrepancy] = []
        self.cut: dict[str, list[Token]] = {}  # passage id -> its tokens
        self.said: set[tuple[str, frozenset[tuple[str, str]]]] = set()  # (kind, values) of the rows so far
        self.warnings: list[str] = []
        self.by_id = {f.id: f for f in facts}
        self.groups_of: dict[str, set[str]] = defaultdict(set)  # passage -> the groups it stands in
        self.passages: dict[str, Passage] = {}  # the aligned passages by id
        for g in groups:
            for p in g.passages:
                self.groups_of[p.id].add(g.id)
                self.passages[p.id] = p
        self.wholes = {f.subset_of for f in facts if f.subset_of}
        self.nouns = _written_nouns(articles, {f.noun for f in facts if f.noun})
        self.paragraphs = {a.id: paragraphs(a.text) for a in articles}
        self.paragraph_starts = {a: [start for start, _ in spans] for a, spans in self.paragraphs.items()}
        self.dates_in: dict[tuple[str, int], list[Fact]] = defaultdict(list)  # dates by (article, paragraph)
        for f in facts:
            if f.type == "date":
                self.dates_in[f.article, self._paragraph(f.article, f.start)].append(f)

    def _paragraph(self, article: str, offset: int) -> int:
        """Index of the paragraph holding ``offset``."""
        return bisect_right(self.paragraph_starts[article], offset) - 1

    # --- notes ---------------------------------------------------------------------------
    def _other_year(self, f: Fact) -> str | None:
        published = self.articles[f.article].published
        if published and self.newest and (self.newest - dt.date.fromisoformat(published)).days > OTHER_TIME_DAYS:
            return published[:4]
        return None

    def _scope_words(self, f: Fact) -> str:
        """The fact's scope as the outlet wrote it: in the fact, else just before it ("القوات
        الأميركية حوالي 2500"); the folded key only when neither holds it."""
        text = self.articles[f.article].text
        for window in (f.text, text[max(0, f.start - 80):f.start]):
            words = [w for w in re.findall(r"\w+", window) if scope_key(word_key(w)) in f.scope]
            if words:
                return " ".join(dict.fromkeys(words))
        return " ".join(f.scope)

    def _note(self, f: Fact) -> str:
        """Why this value may differ from the others: its scope, its time, its precision (Arabic)."""
        parts = []
        scope = self._scope_words(f)
        frame = f.frame
        text = self.articles[f.article].text
        if frame and frame.place:
            start, end = frame.spans["place"]
            parts.append(f"النطاق: {text[start:end]}")
        if frame and frame.time == "cumulative":
            start, end = frame.spans["time"]
            parts.append(f"حصيلة تراكمية: {text[start:end]}")
        if f.subset_of:
            parts.append("جزء من الإجمالي" + (f" ({scope})" if scope else ""))
        elif f.id in self.wholes:
            parts.append("الإجمالي" + (f" ({scope})" if scope else ""))
        elif scope:
            parts.append(f"النطاق: {scope}")
        timed = frame is not None and frame.time is not None and frame.time != "cumulative"
        if timed:  # the outlet's own words: «حصيلة أولية»، «ارتفع»، «السابقة»، «1994»
            start, end = frame.spans["time"]
            parts.append(f"الزمن: {text[start:end]}")
        if frame and frame.source:
            start, end = frame.spans["source"]
            parts.append(f"المصدر: {text[start:end]}")
        if f.time == "earlier":
            parts.append("مستوى سابق")
        elif f.time == "updated" and not timed:
            parts.append("رقم محدّث بعد ارتفاع أو انخفاض")
        elif f.time == "later":
            parts.append("مستوى مخطط له")
        year = self._other_year(f)
        if year:
            parts.append(f"رقم عام {year}")
        if f.approx:
            parts.append("تقريبي")
        if f.bound == "min":
            parts.append("حد أدنى")
        elif f.bound == "max":
            parts.append("حد أقصى")
        return "؛ ".join(parts)

    def _value(self, f: Fact) -> Value:
        return Value(article=f.article, fact=f.id, text=f.text, value=f.value, note=self._note(f))

    # --- slot rows -----------------------------------------------------------------------
    def slot_rows(self) -> None:
        """Rows of figures whose frames match. A specific frame (a known event: a sentence's years,
        a goal's minute) meets figures of other outlets wherever they stand; any other figure (a
        noun or a unit alone, a bare duration, an ordinal naming an item) meets only the figures
        of its own aligned claim. Inside a row,
        figures of another scope (a place, a part, a running total) get their own scope row
        against the others' main figures."""
        figures = [f for f in self.facts if f.type == "quantity" and f.slot]
        local = [f for f in figures if f.form == "ordinal" or not (f.frame and f.frame.specific)]
        claim = self._local_claims(local)
        by_slot: dict[str, list[Fact]] = defaultdict(list)
        for f in figures:
            by_slot[f"{f.slot}@{claim[f.id]}" if f.id in claim else f.slot].append(f)
        rows: list[tuple[str, list[Fact]]] = []
        for slot, facts in sorted(by_slot.items()):
            parts = self._claims(facts)
            rows += [(slot if len(parts) == 1 else f"{slot}#{n}", part) for n, part in enumerate(parts, 1)]
        for slot, facts in rows:
            facts.sort(key=lambda f: (self.order.index(f.article), f.start))
            if len({f.article for f in facts}) < 2:
                self._add("single-source", slot, facts, "")
                continue
            main = [f for f in facts if not _scoped(f)]
            parts = [f for f in facts if _scoped(f)]
            if not main and len(_by_scope(parts)) == 1:  # all said of one other scope or time: compare them
                main, parts = parts, []
            if self._ambiguous(main):
                self._agreements(slot, main)
            elif len({f.article for f in main}) >= 2:
                kind, explanation = self._classify(main)
                unframed = not any(f.frame and f.frame.event for f in main)
                ordinal = any(f.form == "ordinal" for f in main)  # items named alike are not one item
                if kind == "conflict" and unframed and (ordinal or not self._worded_alike(main)):
                    kind, explanation = "single-source", ""  # nothing says these measure one thing
                if kind == "scope":  # already a row of scopes: every part joins it, each with its note
                    main, parts = facts, []
                self._add(kind, slot, main, explanation)
            elif main:
                self._add("single-source", slot, main, "")
            for scope, part in sorted(_by_scope(parts).items()):
                place = scope not in ("earlier", "later", "part", "cumulative")
                if place and len({f.article for f in part}) >= 2 and not self._ambiguous(part):
                    kind, explanation = self._classify(part)  # one place told by several outlets
                    self._add(kind, f"{slot}~{scope}", part, explanation)
                    continue
                others = [f for f in main if f.article not in {g.article for g in part}]
                if not others:
                    self._add("single-source", f"{slot}~{scope}", part, "")
                    continue
                values = {f.value for f in part} | {f.value for f in others}
                timed = scope in ("earlier", "later")
                kind = ("time" if timed else "scope") if len(values) > 1 else "agreement"
                self._add(kind, f"{slot}~{scope}", part + others, _REASONS[kind])

    def _local_claims(self, local: list[Fact]) -> dict[str, str]:
        """The claim each local figure is compared in, as the id of one of its figures. Two
        figures of one frame are one claim when their sentences stand in one aligned group and
        they give the same value or their clauses share a word: a sentence that tells two claims
        stands in two groups, and its «الدقيقة 78» must meet another outlet's «هدف الفوز في الدقيقة
        81», not the equaliser's minute its sentence also tells. Ordinals that name items of no
        known event («جولته الأولى», «الجولة الرابعة») are one claim only when they are one item."""
        words = {f.id: self._clause_words(f, self.passages[f.passage]) for f in local if f.passage in self.passages}
        near: dict[tuple[str, str], list[Fact]] = defaultdict(list)  # (slot, group) -> its figures
        for f in local:
            for g in self.groups_of[f.passage or ""]:
                near[f.slot or "", g].append(f)
        joins = _Joins(sorted(f.id for f in local))
        for figures in near.values():
            for a, b in combinations(figures, 2):
                if a.article != b.article and (a.value == b.value or (words[a.id] & words[b.id] and _framed(a, b))):
                    x, y = sorted((joins.find(a.id), joins.find(b.id)))
                    joins.join(y, x)  # the smaller id names the claim: the same on every run
        return {f.id: str(joins.find(f.id)) for f in local}

    def _clause_words(self, f: Fact, passage: Passage) -> set[str]:
        """Content-word skeletons of the clause of ``passage`` that holds the figure, its own
        words left out (every minute is «الدقيقة»)."""
        text = self.articles[f.article].text
        start = max((m.end() for m in CLAUSE_PUNCT.finditer(text, passage.start, f.start)), default=passage.start)
        end = next((m.start() for m in CLAUSE_PUNCT.finditer(text, f.end, passage.end)), passage.end)
        return {skeleton(t.key) for t in tokens(text, start, end)
                if is_content(t.key) and not t.key.isdigit() and not f.start <= t.start < f.end}

    def _worded_alike(self, facts: list[Fact]) -> bool:
        """The figures stand in passages worded alike (a copied or paraphrased sentence whose
        figure changed): the wording says they measure one thing when no frame does."""
        kinds = {g.id: g.kind for g in self.groups}
        return all(any(kinds[g] != "same-fact" for g in self.groups_of[a.passage or ""] & self.groups_of[b.passage or ""])
                   for a, b in combinations(facts, 2) if a.article != b.article and a.value != b.value)

    @staticmethod
    def _ambiguous(facts: list[Fact]) -> bool:
        """An outlet gives the row's claim two values of the same time: the frame has not told
        two claims apart, and calling the row a conflict would be a guess."""
        values: dict[str, set[object]] = defaultdict(set)
        for f in facts:
            if not _when(f):
                values[f.article].add(f.value)
        return any(len(v) > 1 for v in values.values())

    def _agreements(self, slot: str, facts: list[Fact]) -> None:
        """What can be said of an ambiguous row: each value two or more outlets give alike is an
        agreement; the other values are the outlets' own."""
        shared = self._shared(facts)
        for n, same in enumerate(shared, 1):
            self._add("agreement", f"{slot}={n}", same, "القيم متطابقة")
        alone = [f for f in facts if not any(f in same for same in shared)]
        if alone:
            self._add("single-source", slot, alone, "")

    def _claims(self, facts: list[Fact]) -> list[list[Fact]]:
        """One frame, one claim — unless an outlet gives it several values: then its frame did
        not tell its claims apart (stage one and stage two, the winner's and the runner-up's
        seats). Outlets that give one value form the main claim; each figure of the others
        joins the claim that holds its value, or its one counterpart in an aligned passage when
        it is its sentence's only value of the frame and no other value of its outlet has that
        counterpart too; the rest stand alone."""
        values: dict[str, set[object]] = defaultdict(set)
        for f in facts:
            if not _scoped(f):  # a part or a former level is explained
                values[f.article].add(f.value)
        if all(len(v) <= 1 for v in values.values()):
            return [facts]
        joins = _Joins(range(len(facts)))
        clear = [i for i, f in enumerate(facts) if len(values.get(f.article, ())) <= 1 and not _scoped(f)]
        for i in clear[1:]:
            joins.join(i, clear[0])
        counterparts: dict[tuple[str, int], list[int]] = defaultdict(list)  # (outlet, its counterpart) -> figures
        # a figure that shares its sentence with another value of the frame has no counterpart of its own
        alone = [not any(b.passage == a.passage and b.value != a.value for b in facts) and not _scoped(a) for a in facts]
        for i, a in enumerate(facts):
            for j in range(i + 1, len(facts)):
                if facts[j].value == a.value:
                    joins.join(i, j)
            for article in ({f.article for f in facts} - {a.article}) if alone[i] else ():
                there = [j for j, b in enumerate(facts) if b.article == article and b.noun == a.noun and alone[j]
                         and self.groups_of[a.passage or ""] & self.groups_of[b.passage or ""]]
                if len({facts[j].value for j in there}) == 1:
                    counterparts[a.article, there[0]].append(i)
        for (_, j), mine in counterparts.items():
            if len({facts[i].value for i in mine}) == 1:  # two values of one outlet against one: no counterpart
                for i in mine:
                    joins.join(i, j)
        self._join_places(facts, joins)
        if clear:
            self._join_main_claim(facts, clear, joins)
        parts: dict[Hashable, list[Fact]] = defaultdict(list)
        for i, f in enumerate(facts):
            parts[joins.find(i)].append(f)
        return sorted(parts.values(), key=lambda p: min(self.order.index(f.article) * 10**9 + f.start for f in p))

    @staticmethod
    def _join_places(facts: list[Fact], joins: _Joins) -> None:
        """Figures said of one named place are one claim when each outlet gives that place one
        value: «سجلت مدينة تازروت 49.6 درجة» and «51,2 درجة» in «مدينة تازروت» are one reading."""
        at: dict[str, list[int]] = defaultdict(list)
        for i, f in enumerate(facts):
            if f.frame and f.frame.place and f.frame.place != "wide" and not f.subset_of:
                at[f.frame.place].append(i)
        for same in at.values():
            values: dict[str, set[object]] = defaultdict(set)
            for i in same:
                values[facts[i].article].add(facts[i].value)
            if len(values) >= 2 and all(len(v) == 1 for v in values.values()):
                for i in same[1:]:
                    joins.join(i, same[0])

    def _join_main_claim(self, facts: list[Fact], clear: list[int], joins: _Joins) -> None:
        """An outlet that gives two values of the main claim's frame reports the main claim with
        one of them, which joins it: the one of the main claim's order when its other value is
        of another order of magnitude («نحو خمسين ألف متفرج», not «8 آلاف مشجع» of the visitors);
        else, when the main claim is told in the leads, the one its own lead tells if it is of
        the same order (the main defendant's term comes first, his deputy's after; a total of
        seats in a lead is no party's seats)."""
        main = joins.find(clear[0])
        told = [f for i, f in enumerate(facts) if joins.find(i) == main and not _scoped(f) and float(f.value) > 0]
        if not told:
            return
        scale = [math.log(float(f.value)) for f in told]
        in_leads = any(self._in_lead(f) for f in told)

        def far_from(i: int) -> float:
            return min(abs(math.log(float(facts[i].value)) - m) for m in scale)

        for article in {f.article for f in facts}:
            own = [i for i, f in enumerate(facts)
                   if f.article == article and joins.find(i) != main and float(f.value) > 0 and not _scoped(f)]
            if any(facts[i].form != "vague" for i in own):  # «عشرات القتلى» beside «60 شخصاً» is its vaguer echo
                own = [i for i in own if facts[i].form != "vague"]
            if any(joins.find(i) == main and not _scoped(f) for i, f in enumerate(facts) if f.article == article) or not own:
                continue
            if len(own) == 1:  # its one precise figure beside a vague echo of it
                joins.join(own[0], clear[0])
                continue
            far = sorted((far_from(i), i) for i in own)
            first = min(own, key=lambda i: facts[i].start)
            if far[0][0] <= SAME_ORDER and far[1][0] >= OTHER_ORDER:
                joins.join(far[0][1], clear[0])
            elif in_leads and self._in_lead(facts[first]) and far_from(first) < OTHER_ORDER:
                joins.join(first, clear[0])

    def _in_lead(self, f: Fact) -> bool:
        """The figure stands in its article's headline or lead (its first two paragraphs)."""
        return self._paragraph(f.article, f.start) <= LEAD_PARAGRAPH

    def _pair(self, a: Fact, b: Fact) -> str:
        """How two values of one frame from different outlets relate. A count the outlets mark
        as early or updated (a toll that rises through the day) is another time when the later
        article does not give less; a later article giving less is a conflict."""
        if a.subset_of or b.subset_of or sorted(a.scope) != sorted(b.scope):
            return "scope" if a.value != b.value else "agreement"
        same_claim = bool(self.groups_of[a.passage or ""] & self.groups_of[b.passage or ""])  # one aligned claim
        relation = _relation(a, b, same_claim)
        if relation == "compatible" and a.value != b.value and _early(a) != _early(b):
            return "time"  # «نسبة المشاركة الأولية نحو 43» against the final 41.3: an early figure
        if relation in ("agreement", "unrelated", "compatible"):
            return relation
        if self._other_year(a) != self._other_year(b) or a.time in ("earlier", "later") or b.time in ("earlier", "later"):
            return "time"
        change = unfolds(a.frame.event if a.frame else None)
        # «ارتفع سعر البنزين إلى 1.45» is the news itself, not a later count: only unfolding counts update
        if _timed(a) or _timed(b) or (change and (a.time or b.time or self._days_apart(a, b))):
            return "conflict" if change != "falls" and self._later_gives_less(a, b) else "time"
        return relation

    def _days_apart(self, a: Fact, b: Fact) -> bool:
        """The two figures' articles were published on different days: a toll told a day later
        is the story's next state."""
        da, db = self.articles[a.article].published, self.articles[b.article].published
        return bool(da and db and da != db)

    def _later_gives_less(self, a: Fact, b: Fact) -> bool:
        """The article published later reports the smaller figure."""
        da, db = self.articles[a.article].published, self.articles[b.article].published
        if not da or not db or da == db:
            return False
        later, earlier = (a, b) if da > db else (b, a)
        return float(later.value) < float(earlier.value)

    def _classify(self, facts: list[Fact]) -> tuple[str, str]:
        """Each value is read against its best counterpart in every other outlet (a figure one
        outlet confirms is not contradicted by that outlet's other figures); the row takes the
        worst of those readings."""
        worst = "agreement"
        for a in facts:
            for other in {f.article for f in facts} - {a.article}:
                relations = {self._pair(a, b) for b in facts if b.article == other} - {"unrelated"}
                if relations:
                    best = max(relations, key=KINDS.index)
                    worst = min(worst, best, key=KINDS.index)
        return worst, _REASONS[worst]

    # --- group rows ----------------------------------------------------------------------
    def group_rows(self) -> None:
        by_passage: dict[str, list[Fact]] = defaultdict(list)
        for f in self.facts:
            if f.passage:
                by_passage[f.passage].append(f)
        self.years: dict[str, dict[str, Fact]] = {}
        for group in self.groups:
            group.differences = []  # recomputed on every diff, so running it twice changes nothing
            self._statement_days(group, by_passage)
            self._years(group, by_passage)
            self._figures(group, by_passage)
            self._word_differences(group)
        for value, facts in sorted(self.years.items()):
            self._add("agreement", f"year:{value}", sorted(facts.values(), key=lambda f: (f.article, f.start)),
                      "السنة نفسها في المصادر", label=f"سنة {value}")

    def _statement_day(self, article: Article, passage: Passage, by_passage: dict[str, list[Fact]]) -> list[Fact]:
        """Day-precision dates that say when a passage's statement was made: in the sentence,
        else in its paragraph, else in the first sentence of a following "جاء ذلك ..." paragraph."""
        own = [f for f in by_passage[passage.id] if _said_on(f)]
        if own:
            return own
        index = self._paragraph(article.id, passage.start)
        paragraph = [f for f in self.dates_in[article.id, index] if _said_on(f)]
        if paragraph or index + 1 >= len(self.paragraphs[article.id]):
            return paragraph
        start, end = self.paragraphs[article.id][index + 1]
        if not _SAID_AT.match(article.text[start:end]):
            return []
        first_end = sentences(article.text, start, end)[0][1]
        return [f for f in self.dates_in[article.id, index + 1] if _said_on(f) and f.start < first_end]

    def _tokens(self, passage: Passage) -> list[Token]:
        """The passage's tokens, cut once: a group's pairs ask for each passage many times."""
        if passage.id not in self.cut:
            self.cut[passage.id] = tokens(self.articles[passage.article].text, passage.start, passage.end)
        return self.cut[passage.id]

    def _reports_speech(self, passage: Passage) -> bool:
        """The sentence has a verb of saying (أكد، قال، أعلن ...) or a quote."""
        verbs = roles().verbs | roles().participles
        words = self._tokens(passage)
        return any(roles_fold(t.key) in verbs or roles_fold(t.key)[1:] in verbs for t in words)

    def _statement_days(self, group: Group, by_passage: dict[str, list[Fact]]) -> None:
        """One statement (copied or paraphrased speech) dated on different days. Sentences that
        report events rather than speech («أفرجت الحكومة اليوم ...») are compared by frame: two
        stages of a story told alike are not one statement."""
        if group.kind == "same-fact" or not all(self._reports_speech(p) for p in group.passages):
            return
        days: dict[str, Fact] = {}
        for p in group.passages:
            found = self._statement_day(self.articles[p.article], p, by_passage)
            if len({f.value for f in found}) == 1 and p.article not in days:
                days[p.article] = found[0]
        if len(days) >= 2 and len({f.value for f in days.values()}) > 1:
            self._add("conflict", "date:statement", list(days.values()),
                      "الخبر نفسه منسوب إلى يومين مختلفين", group.id, label="يوم التصريح")

    def _years(self, group: Group, by_passage: dict[str, list[Fact]]) -> None:
        """Years cited in the paragraphs of aligned passages: the paragraph is the claim's context."""
        years: dict[str, list[Fact]] = defaultdict(list)
        paragraphs_seen = {(p.article, self._paragraph(p.article, p.start)) for p in group.passages}
        for where in sorted(paragraphs_seen):
            for f in self.dates_in[where]:
                if f.slot == "date:year":
                    years[str(f.value)].append(f)
        for value, facts in sorted(years.items()):
            if len({f.article for f in facts}) >= 2:  # one row per year, however many claims cite it
                self.years.setdefault(value, {}).update((f.id, f) for f in facts)
        if group.kind != "same-fact" and len(years) == 2 and all(len({f.article for f in fs}) == 1
                                                                 for fs in years.values()):
            (_, a), (_, b) = sorted(years.items())
            if a[0].article != b[0].article and all(len([f for f in fs if f.passage]) for fs in (a, b)) \
                    and not _dated_figures(f for p in group.passages for f in by_passage[p.id]):
                self._add("conflict", f"year@{group.id}", [a[0], b[0]], "الخبر نفسه منسوب إلى سنتين مختلفتين",
                          group.id, label="السنة")

    def _figures(self, group: Group, by_passage: dict[str, list[Fact]]) -> None:
        """In one claim told by two outlets, the one figure each tells that the other does not
        (and that no slot row already compares) is the same figure: compare it."""
        for a, b in combinations(group.passages, 2):
            if a.article == b.article:
                continue
            qa = [f for f in by_passage[a.id] if f.type == "quantity"]
            qb = [f for f in by_passage[b.id] if f.type == "quantity"]
            only_a = [f for f in qa if f.value not in {g.value for g in qb}]
            only_b = [f for f in qb if f.value not in {g.value for g in qa}]
            if len(only_a) != 1 or len(only_b) != 1:
                continue
            fa, fb = only_a[0], only_b[0]
            if (fa.slot and fa.slot == fb.slot) or fa.unit != fb.unit or fa.form != fb.form \
                    or (fa.noun and fb.noun and fa.noun != fb.noun) or not _same_frame(fa, fb):
                continue
            kind = self._pair(fa, fb)
            if kind == "conflict" and not (fa.frame and fa.frame.event) and group.kind == "same-fact":
                continue  # two unexplained figures of one loosely worded claim: nothing says they are one
            if kind != "unrelated":
                self._add(kind, f"figure@{group.id}", [fa, fb], "رقم مختلف في الخبر نفسه", group.id)

    def date_rows(self) -> None:
        """Days of one event across outlets: every dated event is compared by what happened
        (its frame's event), wherever the outlets report it. Days that differ conflict only in
        passages aligned and worded alike (a frame's event class holds several happenings: a
        past sinking and this one both «أودى بحياة»), or when the sentences name the first of them
        («أول إصابة سُجلت يوم 29 غشت» / «يعود رصد أول إصابة إلى 2 سبتمبر»). An outlet giving the event two days is
        ambiguous (only shared days are reported). Days that differ only because the same
        relative words («أمس الإثنين») were resolved against different inferred publication
        dates are a warning on those dates, not a conflict."""
        by_event: dict[str, list[Fact]] = defaultdict(list)
        firsts = {(f.passage, f.frame.event) for f in self.facts
                  if f.type == "quantity" and f.form == "ordinal" and f.value == 1 and f.frame and f.frame.event}
        for f in self.facts:  # what happened: the stage the sentence names, else the event
            if f.type == "date" and f.slot == "date:day" and f.frame and (f.frame.stage or f.frame.event):
                first = "#1" if (f.passage, f.frame.event) in firsts else ""  # «أول إصابة»: one happening
                ahead = "~ahead" if _future(f) else ""  # a forecast («أمطار يوم الجمعة المقبل») is the next one
                by_event[f.frame.stage or f"{f.frame.event}{first}{ahead}"].append(f)
        for event, facts in sorted(by_event.items()):
            if len({f.article for f in facts}) < 2:
                continue
            facts.sort(key=lambda f: (self.order.index(f.article), f.start))
            label = "تاريخ: " + self._event_words(facts[0], event)
            apart = self._values_differ(facts) and (event.endswith("#1") or (self._aligned_apart(facts) and self._worded_alike(facts)))
            if apart and self._same_words_other_dates(facts):
                dates = "، ".join(f"{self.articles[f.article].label} ({self.articles[f.article].published})"
                                  for f in facts)
                self.warnings.append(f"{label}: كتبت المصادر الكلمات نفسها «{facts[0].text}» لكن تواريخ نشرها "
                                     f"المستنتجة تختلف ({dates})، فاختلف اليوم المحسوب — تحقّق من تاريخ النشر")
                continue
            self._one_happening(f"date:{event}", facts, label, apart, "اليوم نفسه في المصادر",
                                "الحدث نفسه منسوب إلى يومين مختلفين")

    def _values_differ(self, facts: list[Fact]) -> bool:
        """The outlets give different values, each one value: what may be a conflict."""
        return len({f.value for f in facts}) > 1 and not self._ambiguous(facts)

    def _one_happening(self, slot: str, facts: list[Fact], label: str, apart: bool, same: str, other: str) -> None:
        """Outlets' values of one happening (a day, a result): a conflict when they stand
        ``apart`` as one claim told with different values; else each value two or more outlets
        give is an agreement."""
        if apart:
            self._add("conflict", slot, facts, other, label=label)
            return
        for row in self._shared(facts):
            self._add("agreement", slot, row, same, label=label)

    def unframed_day_rows(self) -> None:
        """Days whose sentences name no event class, in one aligned claim: outlets that give the
        same day agree («فرّقت قوات الأمن المحتجين عصر اليوم الجمعة» / «أمس الجمعة»), one row
        however many groups link them. Different days are not compared: nothing says which
        happening each dates."""
        days = [f for f in self.facts if f.type == "date" and f.slot == "date:day" and f.passage in self.passages
                and not (f.frame and (f.frame.event or f.frame.stage)) and not _future(f)]
        in_group: dict[str, list[Fact]] = defaultdict(list)
        for f in days:
            for g in self.groups_of[f.passage or ""]:
                in_group[g].append(f)
        joins = _Joins(f.id for f in days)
        for told in in_group.values():
            for a, b in combinations(told, 2):
                if a.article != b.article and a.value == b.value:
                    joins.join(a.id, b.id)
        rows: dict[Hashable, list[Fact]] = defaultdict(list)
        for f in days:
            rows[joins.find(f.id)].append(f)
        for row in rows.values():
            if len({f.article for f in row}) < 2:
                continue
            row.sort(key=lambda f: (self.order.index(f.article), f.start))
            first = row[0]
            words = _excerpt(self.articles[first.article].text[self.passages[first.passage or ""].start:first.start], 4)
            self._add("agreement", f"date@{first.id}", row, "اليوم نفسه في المصادر", label=f"تاريخ: {words}")

    def hour_rows(self) -> None:
        """Hours of one event across outlets, in the clock each wrote: «03:12 بالتوقيت المحلي» and
        «02:12 بتوقيت غرينتش» are one moment when their minutes agree (the offset is whole hours).
        Hours that differ beyond an approximate one's reach conflict only in aligned passages,
        as days do: «اندلع الحريق» and «أُخمد الحريق» are one event class and two moments."""
        by_event: dict[str, list[Fact]] = defaultdict(list)
        for f in self.facts:
            if f.type == "date" and f.slot == "date:hour" and f.frame and f.frame.event:
                by_event[f.frame.event].append(f)
        for event, facts in sorted(by_event.items()):
            if len({f.article for f in facts}) < 2 or self._ambiguous(facts):
                continue
            facts.sort(key=lambda f: (self.order.index(f.article), f.start))
            slot, label = f"hour:{event}", "ساعة: " + self._event_words(facts[0], event)
            kinds = {_clock_kind(a, b) for a, b in combinations(facts, 2) if a.article != b.article}
            if kinds == {"agreement"}:
                zones = len({f.unit or "local" for f in facts}) > 1
                self._add("agreement", slot, facts, "الوقت نفسه بتوقيتين مختلفين" if zones else "الساعة نفسها في المصادر",
                          label=label)
            elif "conflict" in kinds and self._aligned_apart(facts):
                self._add("conflict", slot, facts, "الحدث نفسه في ساعتين مختلفتين", label=label)
            elif "conflict" not in kinds:
                self._add("compatible", slot, facts, "ساعة تقريبية قريبة من الأخرى", label=label)

    def score_rows(self) -> None:
        """The result of a match across outlets («بنتيجة 2-1», «بهدفين لهدف», «(٢-١)»): an outlet
        that gives one result meets the others'; results that differ conflict only in aligned
        passages (an article also tells earlier matches). A score at a named stage (the half-time
        score: «أنهى الشوط الأول متقدماً بهدف نظيف») is compared with that stage's only."""
        by_stage: dict[str, list[Fact]] = defaultdict(list)
        for f in sorted((f for f in self.facts if f.type == "score"), key=lambda f: (self.order.index(f.article), f.start)):
            by_stage[f.frame.stage if f.frame and f.frame.stage else ""].append(f)
        for stage, scores in sorted(by_stage.items()):
            if len({f.article for f in scores}) < 2:
                continue
            slot, label = (f"score|{stage}", "النتيجة: " + self._event_words(scores[0], stage)) if stage \
                else ("score", "نتيجة المباراة")
            self._one_happening(slot, scores, label, self._values_differ(scores) and self._aligned_apart(scores),
                                "النتيجة نفسها في المصادر", "نتيجتان مختلفتان للمباراة نفسها")

    def _aligned_apart(self, facts: list[Fact]) -> bool:
        """Every two days that differ stand in aligned passages and look the same way (both
        past or both ahead): the outlets tell one claim. An event class alone («the fires») holds
        several happenings (broke out, spread, will end), so other days are not set against
        each other."""
        return all(self.groups_of[a.passage or ""] & self.groups_of[b.passage or ""] and _future(a) == _future(b)
                   for a, b in combinations(facts, 2) if a.article != b.article and a.value != b.value)

    def _event_words(self, f: Fact, event: str) -> str:
        """The words that name a fact's event (or stage), as its outlet wrote them."""
        if f.frame and f.frame.stage == event:
            noun, number = event.split("#")
            return f"{self.nouns.get(noun, noun)} {number}"
        if f.frame and "event" in f.frame.spans:
            start, end = f.frame.spans["event"]
            return self.articles[f.article].text[start:end]
        return f.text

    @staticmethod
    def _shared(facts: list[Fact]) -> list[list[Fact]]:
        """Groups of facts with one value that two or more outlets give."""
        by_value: dict[object, list[Fact]] = defaultdict(list)
        for f in facts:
            by_value[f.value].append(f)
        return [same for _, same in sorted(by_value.items(), key=lambda kv: str(kv[0]))
                if len({f.article for f in same}) >= 2]

    def _same_words_other_dates(self, facts: list[Fact]) -> bool:
        """All outlets wrote the same words and an inferred publication date made them differ."""
        same_words = len({key(f.text) for f in facts}) == 1
        return same_words and any(self.articles[f.article].published_inferred for f in facts)

    def speaker_rows(self) -> None:
        """One row per statement quoted by two or more outlets (most of its words shared, wherever
        the quotes stand): a conflict when the outlets give it to different named persons, else
        an agreement. Each value is the speaker as the outlet wrote it."""
        said = [f for f in self.facts if f.type == "quote" and f.slot and f.speaker]
        words = {f.id: {skeleton(w.group()) for w in TOKEN.finditer(str(f.value))} for f in said}
        quoted = [f for f in said if f.form != "reported"]
        quotes = [f for f in quoted if len(words[f.id]) >= MIN_STATEMENT_WORDS]
        persons = {str(f.value) for f in self.facts if f.type == "name"}
        statements: list[list[Fact]] = []

        def same(a: Fact, b: Fact) -> bool:  # most words of the shorter one are the other's
            return len(words[a.id] & words[b.id]) / max(1, min(len(words[a.id]), len(words[b.id]))) >= SAME_QUOTE

        for f in quotes:
            home = next((s for s in statements if any(same(f, g) for g in s)), None)
            if home is None:
                statements.append([f])
            else:
                home.append(f)
        for f in quoted:  # an excerpt of a statement is that statement: «كارثة طبيعية بكل المقاييس»
            if MIN_EXCERPT_WORDS <= len(words[f.id]) < MIN_STATEMENT_WORDS:
                home = next((s for s in statements if any(words[f.id] <= words[g.id] for g in s)), None)
                if home:
                    home.append(f)
        for f in said:  # an outlet that reports the quoted words without marks gives them to its speaker
            if f.form == "reported" and len(words[f.id]) >= MIN_STATEMENT_WORDS:
                home = next((s for s in statements if f.article not in {g.article for g in s}
                             and any(same(f, g) for g in s)), None)
                if home:
                    home.append(f)
        for statement in statements:
            if len({f.article for f in statement}) < 2:
                continue
            values: dict[tuple[str, str], Value] = {}
            for f in statement:
                speaker = str(f.slot).removeprefix("quote|")
                said_as = f"بصيغة غير مباشرة: {_excerpt(f.text)}" if f.form == "reported" else f"«{_excerpt(f.text)}»"
                values.setdefault((f.article, speaker), Value(
                    article=f.article, fact=f.id, text=str(f.speaker), value=speaker, note=said_as))
            speakers = {v.value for v in values.values()}
            differ = len(speakers) > 1
            if differ and not speakers <= persons:
                continue  # a body or an unnamed role against a person: not a clear attribution conflict
            self.rows.append(Discrepancy(
                id="", label="قائل التصريح", kind="conflict" if differ else "agreement",
                slot=f"speaker:{statement[0].id}", values=list(values.values()),
                explanation="التصريح نفسه منسوب إلى متحدثين مختلفين" if differ else "التصريح منسوب إلى القائل نفسه"))

    def _word_differences(self, group: Group) -> None:
        """Words that differ right next to a shared run of at least two words (the anchor that
        says both outlets are writing the same phrase), as original-offset spans."""
        for a, b in combinations(group.passages, 2):
            if a.article == b.article:
                continue
            ta, tb = self._tokens(a), self._tokens(b)
            ops = SequenceMatcher(None, [skeleton(t.key) for t in ta], [skeleton(t.key) for t in tb],
                                  autojunk=False).get_opcodes()
            for n, (op, i1, i2, j1, j2) in enumerate(ops):
                if op != "replace" or _respaced(ta[i1:i2], tb[j1:j2]):
                    continue
                before = n > 0 and ops[n - 1][0] == "equal" and ops[n - 1][2] - ops[n - 1][1] >= 2
                after = n + 1 < len(ops) and ops[n + 1][0] == "equal" and ops[n + 1][2] - ops[n + 1][1] >= 2
                if before:  # the first words after the shared run
                    self._differ(group, a.article, ta[i1], b.article, tb[j1])
                if after and (i2 - 1, j2 - 1) != (i1, j1):  # the last words before the next run
                    self._differ(group, a.article, ta[i2 - 1], b.article, tb[j2 - 1])

    def _differ(self, group: Group, art_a: str, ta: Token, art_b: str, tb: Token) -> None:
        nisba = _swapped_qualifier(ta.key, tb.key)
        if not (is_content(ta.key) and is_content(tb.key)) or (group.kind == "same-fact" and not nisba):
            return  # in a same-fact group the wording differs anyway; only a changed qualifier counts
        for art, tok in ((art_a, ta), (art_b, tb)):
            group.differences.append(Span(art, tok.start, tok.end, self.articles[art].text[tok.start:tok.end]))
        if nisba:
            self._wording_row(group, art_a, ta, art_b, tb)

    def _wording_row(self, group: Group, art_a: str, ta, art_b: str, tb) -> None:
        values = []
        for art, tok in ((art_a, ta), (art_b, tb)):
            text = self.articles[art].text[tok.start:tok.end]
            values.append(Value(article=art, fact="", text=text, value=tok.key))
        said = ("wording", frozenset((v.article, v.value) for v in values))
        if said in self.said:  # the same swap read again in another group of the two sentences
            return
        self.said.add(said)
        self.rows.append(Discrepancy(id="", label="صياغة: " + " / ".join(v.text for v in values), kind="wording",
                                     values=values, slot=f"wording:{group.id}", group=group.id,
                                     explanation="كلمة وصفية مختلفة في المقطع نفسه"))

    # --- rows ----------------------------------------------------------------------------
    @staticmethod
    def _trivia(d: Discrepancy) -> bool:
        """Rows an editor reads last: a year both outlets cite, a figure no frame explains."""
        return d.slot.startswith("year") or d.label.startswith("«")

    def _depth(self, d: Discrepancy) -> int:
        """How far into their articles the row's values stand: the lowest paragraph number."""
        paragraphs = [self._paragraph(v.article, self.by_id[v.fact].start) for v in d.values if v.fact in self.by_id]
        return min(paragraphs, default=99)

    def _label(self, facts: list[Fact]) -> str:
        """A natural Arabic label: the event's label from the lexicon («عدد القتلى», «نسبة
        المشاركة»), else "عدد" and the counted noun as the articles write it; another year or
        a holder is named after it."""
        frame = next((f.frame for f in facts if f.frame and f.frame.event), None)
        if frame and frame.event:
            label = EVENTS[frame.event].label
        else:
            noun = next((f.noun for f in facts if f.noun), None)
            unit = next((f.unit for f in facts if f.unit), None)
            if not noun or noun not in self.nouns:  # never a folded key («عدد سنه»): the figure as written
                return f"«{facts[0].text}»"
            written = self.nouns[noun]
            label = f"عدد {written}" if unit is None else f"{written} ({unit})"
        first = facts[0]
        for part in ("holder", "item"):  # «عدد المقاعد: جبهة الإصلاح», «السعر: البنزين العادي»
            if first.frame and getattr(first.frame, part):
                start, end = first.frame.spans[part]
                label += f": {self.articles[first.article].text[start:end]}"
        if first.frame and (first.frame.time or "").startswith("year:"):
            label += f" (عام {first.frame.time[5:]})"
        if first.frame and first.frame.basis:
            start, end = first.frame.spans["basis"]
            label += f" ({self.articles[first.article].text[start:end]})"
        return label

    def _add(self, kind: str, slot: str, facts: list[Fact], explanation: str, group: str | None = None,
             label: str | None = None) -> None:
        """A row with one value per outlet and value: an outlet that repeats a figure (headline
        and body) is shown once, with the fuller note. A row that repeats another's kind and
        values is not added twice."""
        values: dict[tuple[str, str], Value] = {}
        for f in facts:
            v = self._value(f)
            kept = values.setdefault((v.article, str(v.value)), v)
            if len(v.note) > len(kept.note):
                values[v.article, str(v.value)] = v
        said = (kind, frozenset(values))
        if said in self.said:
            return
        self.said.add(said)
        self.rows.append(Discrepancy(id="", label=label or self._label(facts), kind=kind, values=list(values.values()),
                                     slot=slot, group=group, explanation=explanation))

    def finish(self) -> list[Discrepancy]:
        """Rows in the order an editor checks them: by kind, then the story's core facts first
        (told by more outlets, in headlines and leads), bare years and other trivia last."""
        self.rows.sort(key=lambda d: (KINDS.index(d.kind), self._trivia(d), -len({v.article for v in d.values}),
                                      self._depth(d), d.slot, d.values[0].article if d.values else ""))
        for n, row in enumerate(self.rows, 1):
            row.id = f"d{n}"
        return self.rows


def _written_nouns(articles: list[Article], nouns: set[str]) -> dict[str, str]:
    """For each counted noun, the definite form the articles write most (الجنود, القوات), so a
    row reads "عدد الجنود" and not the folded key "عدد جندي"; plurals win over the singular."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for article in articles:
        for word, n in Counter(re.findall(r"\w+", article.text)).items():  # each distinct word once
            if "ال" not in word and "لل" not in word:
                continue  # no definite form: most words, and two regex substitutions each
            bare = re.sub("^[وف]?ل(?=ل)", "ا", re.sub("^[وف]?[بلك]?(?=ال)", "", word))  # للجولات -> الجولات
            if bare.startswith("ال") and len(bare) > 3:
                noun = noun_key(word_key(bare))
                if noun in nouns:
                    counts[noun][bare] += n
    return {noun: max(c, key=lambda w: (word_key(w)[2:] != noun, c[w], w)) for noun, c in counts.items()}


def _clock_kind(a: Fact, b: Fact) -> str:
    """Two times of day: one moment (the same clock and minute, or GMT against another clock
    with the same minutes), close (an approximate one within half an hour) or a conflict."""
    ha, ma = map(int, str(a.value).split(":"))
    hb, mb = map(int, str(b.value).split(":"))
    apart = abs((ha * 60 + ma) - (hb * 60 + mb))
    apart = min(apart, 24 * 60 - apart)
    if apart == 0 or ("gmt" in (a.unit, b.unit) and a.unit != b.unit and ma == mb and apart <= 14 * 60):
        return "agreement"
    return "compatible" if (a.approx or b.approx) and apart <= MAX_CLOCK_DRIFT else "conflict"


def diff(articles: list[Article], groups: list[Group], facts: list[Fact]) -> tuple[list[Discrepancy], list[str]]:
    """All discrepancy rows and the warnings found on the way (dates that differ only through
    inferred publication dates); also fills ``group.differences`` with word-level spans."""
    differ = Differ(articles, groups, facts)
    differ.slot_rows()
    differ.date_rows()
    differ.unframed_day_rows()
    differ.hour_rows()
    differ.score_rows()
    differ.speaker_rows()
    differ.group_rows()
    return differ.finish(), differ.warnings
