"""Facts per article: quantities and dates (names and quotes join here), each tied to its passage.

Readers live in their own modules (numbers/quantities, dates); this stage runs them once per
article, drops what is not a fact (years and dates read as numbers, Latin sidebar dates),
attaches each fact to the sentence that holds it, and gives quantities a *slot* — what they
count — so that figures from passages that were never aligned still meet in one row.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from itertools import accumulate

from ..model import Fact, Frame
from ..normalize import key
from ..textlayer import Layer
from .clock import ClockMention, find_times
from .dates import DateMention, find_dates
from .frames import FrameReader
from .lexicon import event_at, noun_event
from .names import NameMention, find_names, gazetteer
from .numbers import scale_of
from .quantities import DURATION_NOUNS, STAGE_NOUNS, Quantity, find_quantities
from .quotes import Quote, find_quotes
from .scores import ScoreMention, find_scores


def is_duration(fact: Fact) -> bool:
    return fact.noun in DURATION_NOUNS


def _published(layer: Layer) -> dt.date | None:
    value = layer.article.published
    return dt.date.fromisoformat(value) if value else None


def _passage_of(layer: Layer, starts: list[int], offset: int) -> str | None:
    i = bisect_right(starts, offset) - 1
    if i >= 0 and layer.passages[i].start <= offset < layer.passages[i].end:
        return layer.passages[i].id
    return None


#: «حتى» or «لغاية» right before a date: the moment a figure held, not the day of an event.
_AS_OF = re.compile(r"(?:حتى|لغاية|إلى غاية)\s*$")
#: «بعد/عقب/إثر» between a named stage and a figure: the figure is what came before the stage
#: («المرحلة الثانية غداً بعد إطلاق 39 أسيراً»); «بعد غد» is a day, not an order.
_AFTER_WORD = re.compile(r"(?<!\w)(?:بعد(?!\s*غد)|عقب|إثر|اثر)(?!\w)")


def _quantity_fact(layer: Layer, q: Quantity, fid: str, passage: str | None, whole: str | None,
                   reader: FrameReader | None, earlier: list[Fact]) -> Fact:
    """A quantity with its frame. «19 من القتلى» and «ثلاث من القرى» are parts of a known set;
    «45 ألفاً من المشجعين» (a scale word) is a count, unless the article counts more of the same
    (``earlier`` are its quantities read so far)."""
    text = layer.article.text
    frame = reader.frame(q.start, q.end, q.num_start, q.noun, q.unit, q.noun_inferred, q.kind == "ordinal") \
        if reader else None
    if frame and reader:
        reader.absorb(frame, q.num_start)
        frame.part = q.subset or (q.partitive and (scale_of(text[q.num_start:q.num_end]) == 1 or any(
            f.frame and f.frame.event == frame.event and float(f.value) > q.value for f in earlier)))
    return Fact(
        id=fid, article=layer.article.id, start=q.start, end=q.end, text=text[q.start:q.end],
        type="quantity", value=_number(q.value), low=_number(q.low), high=_number(q.high), approx=q.approx,
        bound=q.bound, exact=q.exact, form=q.kind, noun=q.noun, unit=q.unit, scope=sorted(q.scope),
        subset_of=whole if q.subset else None, time=q.time, as_of=layer.article.published,
        slot=_slot(frame) if frame else None, passage=passage, frame=frame,
    )


def _date_fact(layer: Layer, m: DateMention, fid: str, passage: str | None, reader: FrameReader | None) -> Fact:
    """A date with the event of its clause (what happened that day), so outlets' dates of one
    event meet: «ضرب زلزال فجر الإثنين» and «للزلزال الذي ضرب فجر اليوم الاثنين»."""
    text = layer.article.text
    frame = reader.frame(m.start, m.end, m.start, None, None, day=True, hour=m.precision == "hour") if reader else None
    if frame and _AS_OF.search(text[max(0, m.start - 8):m.start]):  # «حتى صباح اليوم السبت»: when a
        frame.event = None                                            # count held, not when it happened
        frame.spans.pop("event", None)
    return Fact(id=fid, article=layer.article.id, start=m.start, end=m.end, text=text[m.start:m.end],
                type="date", value=m.iso, time=m.time, passage=passage, frame=frame,
                slot=f"date:{m.precision}", check="weekday" if m.weekday_ok is False else None)


def _clock_fact(layer: Layer, c: ClockMention, fid: str, passage: str | None, reader: FrameReader | None) -> Fact:
    """A time of day with the event of its clause; the clock it is written in is its unit."""
    fact = _date_fact(layer, DateMention(c.start, c.end, None, "hour"), fid, passage, reader)
    fact.value, fact.approx, fact.unit = c.value, c.approx, c.zone
    return fact


def _score_fact(layer: Layer, r: ScoreMention, fid: str, passage: str | None, reader: FrameReader | None) -> Fact:
    """A match result («بنتيجة 2-1», «بهدفين لهدف»): the winner's goals first."""
    text = layer.article.text
    frame = reader.frame(r.start, r.end, r.start, None, None, day=True) if reader else None
    return Fact(id=fid, article=layer.article.id, start=r.start, end=r.end, text=text[r.start:r.end],
                type="score", value=r.value, passage=passage, frame=frame, slot="score")


def _inside(m: DateMention, times: list[ClockMention]) -> bool:
    """A date word that is part of a time («فجراً» of «الرابعة والنصف فجراً»)."""
    return any(c.start <= m.start and m.end <= c.end for c in times)


#: «قبل» right before a figure of years: «قبل ثماني سنوات» is a year, counted back from publication.
_AGO = re.compile(r"قبل\s+$")
_YEAR_NOUNS = frozenset({"سنه", "عام"})


def _years_ago(text: str, q: Quantity, published: str | None) -> tuple[int, int] | None:
    """The year «قبل ثماني سنوات» names (the publication year minus eight) and where its words
    start, or None. Exact counts only: «قبل نحو عشر سنوات» is no year one can compare."""
    if not published or q.noun not in _YEAR_NOUNS or q.noun_inferred or q.approx or q.bound or q.kind == "vague" \
            or not float(q.value).is_integer() or not 1 <= q.value <= 100:
        return None
    before = _AGO.search(text, max(0, q.start - 8), q.start)
    return (int(published[:4]) - int(q.value), before.start()) if before else None


def _date_years_ago(facts: list[Fact], years_ago: set[tuple[str, int]]) -> None:
    """A figure in a sentence dated «قبل ثماني سنوات» (a year of ``years_ago``) belongs to that
    year, as one beside «عام 2017» does (frames.py reads digit years itself): «أودى بحياة 6 أشخاص»
    is the earlier toll."""
    years = {f.passage: f for f in facts if f.type == "date" and (f.article, f.start) in years_ago}
    for f in facts:
        if f.type == "quantity" and f.passage in years and f.frame and f.frame.time is None:
            ago = years[f.passage]
            f.frame.time = f"year:{ago.value}"
            f.frame.spans["time"] = [ago.start, ago.end]
            f.slot = _slot(f.frame)


def _reads_as_year(q: Quantity) -> bool:
    """A bare 4-digit number between 1900 and 2100 with no counted noun of its own ("أوسكار 2018")."""
    return (q.noun is None or q.noun_inferred) and q.unit is None and not (q.approx or q.bound) \
        and q.kind == "cardinal" and float(q.value).is_integer() and 1900 <= q.value <= 2100 \
        and q.num_end - q.num_start == 4


def _number(value: float | None) -> float | int | None:
    """Integers stay integers in JSON (2500, not 2500.0)."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def _slot(frame: Frame) -> str | None:
    """What a quantity measures: its event, the counted noun (its own class if it has one, none
    if it only says "people"), the unit, whose it is and another year it belongs to. Scope (place, a part, a running
    total) stays out of the slot on purpose: "3500 foreign troops" and "2500 American troops"
    belong in one row, told apart by scope."""
    noun = frame.noun
    if frame.event and noun:
        own = noun_event(noun) or (event_at([noun], 0) or (None,))[0]
        noun = None if own == frame.event else own or noun  # جنود and عسكريين meet as "troops"
    year = frame.time if frame.time and frame.time.startswith("year:") else None
    parts = [frame.event, noun, frame.unit, frame.holder and f"holder={frame.holder}", frame.item and f"of={frame.item}", year,
             frame.basis and f"basis={frame.basis}", frame.stage and f"stage={frame.stage}"]
    if not (frame.event or noun or frame.unit):
        return None
    return "|".join(part for part in parts if part)


def _name_fact(layer: Layer, m: NameMention, fid: str, passage: str | None) -> Fact:
    text = layer.article.text
    return Fact(id=fid, article=layer.article.id, start=m.start, end=m.end, text=text[m.start:m.end],
                type="name", value=m.key, slot=f"name|{m.key}", passage=passage)


def _quote_fact(layer: Layer, q: Quote, fid: str, passage: str | None, days: list[Fact]) -> Fact:
    """A quote; its speaker as the article writes the name, and the day it was said if its
    sentence gives one (``days`` are the day dates read so far, the latest last)."""
    text = layer.article.text
    said = [d for d in days[-3:] if d.passage == passage]
    return Fact(id=fid, article=layer.article.id, start=q.start, end=q.end, text=text[q.start:q.end],
                type="quote", value=key(text[q.start:q.end]), passage=passage,
                speaker=text[q.speaker_start:q.speaker_end] if q.speaker_start is not None else None,
                slot=f"quote|{q.speaker}" if q.speaker else None, as_of=said[0].value if said else None,
                form="reported" if q.reported else None)


def extract_facts(layers: list[Layer]) -> list[Fact]:
    """All facts of all articles, in article order then text order, with stable ids."""
    facts: list[Fact] = []
    years_ago: set[tuple[str, int]] = set()  # (article, start) of the years read from «قبل N سنوات»
    names = gazetteer([layer.article.text for layer in layers])
    readers: dict[str, FrameReader] = {}  # one per sentence that holds a figure or a date
    for n, layer in enumerate(layers, 1):
        text = layer.article.text
        starts = [p.start for p in layer.passages]
        by_id = {p.id: p for p in layer.passages}
        times = find_times(text)
        scores = find_scores(text)
        dates = [m for m in find_dates(text, _published(layer)) if not m.latin and not _inside(m, times)]
        taken = sorted([(m.start, m.end) for m in dates] + [(c.start, c.end) for c in times + scores])
        date_starts = [start for start, _ in taken]
        reach = list(accumulate((end for _, end in taken), max))  # furthest end of the dates so far
        found: list[tuple[int, str, DateMention | ClockMention | ScoreMention | Quantity | NameMention | Quote]] = [
            (m.start, "d", m) for m in dates] + [(c.start, "c", c) for c in times] + [(r.start, "r", r) for r in scores]
        for q in find_quantities(text):
            before = bisect_left(date_starts, q.num_end)  # dates starting before the number ends
            if before and reach[before - 1] > q.num_start:  # one of them overlaps it
                continue
            if _reads_as_year(q):
                year = dt.date(int(q.value), 1, 1)
                found.append((q.num_start, "d", DateMention(q.num_start, q.num_end, year, "year", explicit_year=True)))
            elif ago := _years_ago(text, q, layer.article.published):
                year, start = ago
                found.append((start, "d", DateMention(start, q.end, dt.date(year, 1, 1), "year", relative=True,
                                                      time="past")))
                years_ago.add((layer.article.id, start))
            else:
                found.append((q.start, "q", q))
        mentions = find_names(text, names)
        found += [(m.start, "n", m) for m in mentions]
        sentences = [(p.start, p.end) for p in layer.passages]
        found += [(q.start, "t", q) for q in find_quotes(text, sentences, mentions)]
        found.sort(key=lambda item: (item[0], item[1]))
        previous: str | None = None  # the quantity a "بينهم" subset belongs to
        days: list[Fact] = []
        quantities: list[Fact] = []  # this article's so far (a running list: long articles have thousands)
        year = int(layer.article.published[:4]) if layer.article.published else None
        for i, (start, kind, item) in enumerate(found, 1):
            fid = f"a{n}-{kind}{i}"
            passage = _passage_of(layer, starts, start)
            sentence = by_id.get(passage or "")
            if passage and sentence and passage not in readers and \
                    isinstance(item, DateMention | ClockMention | ScoreMention | Quantity):
                readers[passage] = FrameReader(text, sentence.start, sentence.end, year)
            if isinstance(item, ClockMention):
                facts.append(_clock_fact(layer, item, fid, passage, readers.get(passage or "")))
            elif isinstance(item, ScoreMention):
                facts.append(_score_fact(layer, item, fid, passage, readers.get(passage or "")))
            elif isinstance(item, DateMention):
                facts.append(_date_fact(layer, item, fid, passage, readers.get(passage or "")))
                if item.precision == "day":
                    days.append(facts[-1])
            elif isinstance(item, Quantity):
                facts.append(_quantity_fact(layer, item, fid, passage, previous, readers.get(passage or ""),
                                            quantities))
                quantities.append(facts[-1])
                previous = fid
            elif isinstance(item, NameMention):
                facts.append(_name_fact(layer, item, fid, passage))
            elif isinstance(item, Quote):
                facts.append(_quote_fact(layer, item, fid, passage, days))
    _mark_stages(facts, readers)
    _date_years_ago(facts, years_ago)
    return facts


def _mark_stages(facts: list[Fact], readers: dict[str, FrameReader]) -> None:
    """A figure after a named instalment in its sentence («نُفذت المرحلة الثانية وأُفرج خلالها عن
    46 أسيراً»، «الدفعة الأولى»: an ordinal of a stage noun, in the figure's clause or an earlier
    one) belongs to that instalment: 46 prisoners of stage two are not 39 of stage one. A figure
    before the stage is named («يشمل الاتفاق 140 أسيراً، أُفرج عن 39 منهم في المرحلة الأولى») is
    not. The stage joins the frame (and a quantity's slot); a date gets it too: «تُنفذ المرحلة
    الثالثة الثلاثاء المقبل» dates the third stage. A match result only in the stage's own clause:
    «لينهي الضيوف الشوط الأول متقدمين بهدف نظيف» is the half-time score, but «في الشوط الثاني
    وأدركوا التعادل، ... لتنتهي المباراة بهدفين لهدف» the final result."""
    stages: dict[str, dict[int, set[str]]] = {}
    named_at: dict[str, int] = {}  # passage -> end of its first named stage
    for f in facts:
        reader = readers.get(f.passage or "")
        if reader and f.type == "quantity" and f.form == "ordinal" and f.noun in STAGE_NOUNS:
            clauses = stages.setdefault(f.passage or "", {})
            clauses.setdefault(reader.clause_of(f.start), set()).add(f"{f.noun}#{f.value}")
            named_at.setdefault(f.passage or "", f.end)
    for f in facts:
        reader = readers.get(f.passage or "")
        clauses = stages.get(f.passage or "")
        countable = f.type == "quantity" and f.form != "ordinal" and not is_duration(f)
        if not (reader and clauses and f.frame and (countable or f.type in ("date", "score"))):
            continue  # a duration or an age («أكبرهم سناً 71 عاماً») is not a count of the instalment
        if _AFTER_WORD.search(reader.text, named_at[f.passage or ""], f.start):
            continue  # «المرحلة الثانية غداً بعد إطلاق 39 أسيراً»: the 39 came before it
        here = reader.clause_of(f.start)
        since = here if f.type == "score" else max((c for c in clauses if c <= here), default=-1)
        named = clauses.get(since, set())
        if len(named) == 1:
            f.frame.stage = next(iter(named))
            if f.type == "quantity":
                f.slot = _slot(f.frame)
