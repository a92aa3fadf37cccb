"""Event classes: what a figure measures (the dead, the displaced, seats, turnout, a fine).

Two figures belong in one discrepancy row only when they measure the same thing; sharing a
noun («شخص») or a unit («%») is not enough. The classes and their vocabulary live in
``lexicons/events.toml`` (general news vocabulary, normal spelling); this module folds them to
the matching key of :mod:`compare.normalize` once, at import, and finds them in folded text.

Text words carry clitics and endings the lexicon does not list («وقُتلوا», «بالجرحى», «حتفهما»),
so each text word is tried as written, then without its proclitics (و ف, ب ل ك, the article,
لل, future س) and with a pronoun or plural ending cut. Only whole stems of at least three letters
are looked up, never substrings: «قتل» is found in «وقتلوا» but not in «مستقبل» or «مقاتلين».
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files
from typing import Any

from ..normalize import word_key


@cache
def read_lexicon(name: str) -> dict[str, Any]:
    """One lexicon file of ``lexicons/`` («naming», «nouns», «units» ...), parsed once for every
    reader that needs it."""
    return tomllib.loads(files(__package__).joinpath("lexicons", f"{name}.toml").read_text(encoding="utf-8"))

#: Shortest stem left after cutting a clitic or an ending: shorter stems meet unrelated words.
MIN_STEM = 3

_CONJUNCTIONS = ("", "و", "ف")
_PREPOSITIONS = ("", "ب", "ل", "ك")
#: Pronoun suffixes, longest first (حتفهما before حتفها before حتفه).
_PRONOUNS = ("هما", "هم", "هن", "ها", "ه", "كم", "نا")
#: Inflection endings and what replaces them: sound plurals and duals, verb plural and dual
#: endings, tanween alef, feminine past ت, construct-state و (مصابو), feminine plural ن.
#: Not ي: it ends nisba adjectives (تنموي is not تنمو); not ت -> ة but before a pronoun
#: (منحت is a verb, اصابته is اصابه + ه).
_ENDINGS = (("تين", "ه"), ("تان", "ه"), ("ات", "ه"), ("ات", ""), ("ون", ""), ("ين", ""), ("ان", ""),
            ("وا", ""), ("تا", ""), ("ا", ""), ("ت", ""), ("و", ""), ("ن", ""))


def _prefixes() -> tuple[str, ...]:
    """Every proclitic cluster, shortest first: و/ف, then ب/ل/ك, then the article (لل for ل+ال)."""
    out = {"", "س"}
    for c in _CONJUNCTIONS:
        for p in _PREPOSITIONS:
            out.add(c + p)
            if p != "ل":
                out.add(c + p + "ال")
        out.update((c + "لل", c + "س"))
    return tuple(sorted(out, key=lambda p: (len(p), p)))


_PREFIXES = _prefixes()


def _suffix_forms(word: str) -> list[str]:
    """``word`` and the stems left by cutting one pronoun and/or one inflection ending."""
    out: list[str] = []
    cores = [word]
    for p in _PRONOUNS:
        if word.endswith(p) and len(word) - len(p) >= MIN_STEM:
            core = word[: -len(p)]
            out.append(word)  # as written, but no ending cut from it: تعرفها is not تعرفه
            cores = [core]
            if core.endswith("ت"):
                cores.append(core[:-1] + "ه")  # اصابته -> اصابه (ة is written ت before a pronoun)
            if core.endswith("ا"):
                cores.append(core[:-1] + "ي")  # قتلاهم -> قتلي (ى is written ا before a pronoun)
            if core.endswith(("او", "اي")):
                cores.append(core[:-1] + "ء")  # اجلاوهم -> اجلاء (hamza on its seat)
            break
    for core in cores:
        out.append(core)
        out += [core[: -len(e)] + r for e, r in _ENDINGS if core.endswith(e) and len(core) - len(e) >= MIN_STEM]
    return out


@lru_cache(maxsize=1 << 16)
def forms(word: str) -> tuple[str, ...]:
    """Lookup forms of one folded word, most literal first: as written, then without proclitics,
    each with its endings cut. The first form found in the lexicon decides, so an entry listed
    with its clitic («بالإعدام») beats the bare stem («إعدام») of another class."""
    out: list[str] = []
    for pre in _PREFIXES:
        if not word.startswith(pre):
            continue
        stem = word[len(pre):]
        if pre and (len(stem) < MIN_STEM or (pre.endswith("س") and stem[0] not in "يتنا")):
            continue
        out += _suffix_forms(stem)
    return tuple(dict.fromkeys(out))


@dataclass(frozen=True)
class EventClass:
    """One table of events.toml, its entries folded to matching keys.

    ``nouns`` are single-word counted nouns that name the class (قتلى, and «مقعد» among
    ``counted``, the nouns that name it only when counted); ``words`` single event words;
    ``phrases`` every entry of more than one word, as word-key tuples, longest first.
    """

    name: str
    label: str
    domain: str
    nouns: frozenset[str]
    words: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    units: frozenset[str]
    counted: frozenset[str] = frozenset()
    governs: bool = False  # its words decide whatever noun is counted («يتسع لـ55 ألف متفرج» is a capacity)
    absorbs: frozenset[str] = frozenset()  # classes whose figures are its own in a clause naming it
    undated: bool = False  # a property of another event (a depth, an age): no day dates it
    base: bool = False  # a share of it measures something else against it («4.8% من الناتج المحلي»)


_Phrase = tuple[tuple[frozenset[str], ...], str]


def _fold(entry: str) -> tuple[str, ...]:
    """Word keys of an entry written in normal spelling (one for a word, more for a phrase)."""
    return tuple(word_key(w) for w in entry.split())


def _load() -> tuple[dict[str, EventClass], dict[str, tuple[str, ...]]]:
    """Classes of events.toml, and for each class the folded keys of its noun phrases."""
    data = read_lexicon("events")
    events: dict[str, EventClass] = {}
    noun_phrases: dict[str, tuple[str, ...]] = {}
    # a class's unit as the quantity reader names it (units.toml): «كلم/س» of a wind speed is in
    # «كم», as «60 كلم/ساعة» is read
    unit_name = {word_key(form): word_key(unit) for unit, table in read_lexicon("units").items() for form in table["forms"]}
    for name, table in data.items():
        lists = {part: [_fold(e) for e in table.get(part, [])] for part in ("nouns", "counted", "words")}
        phrases = {e for entries in lists.values() for e in entries if len(e) > 1}
        single = {part: frozenset(e[0] for e in entries if len(e) == 1) for part, entries in lists.items()}
        events[name] = EventClass(
            name=name, label=table["label"], domain=table["domain"],
            nouns=single["nouns"] | single["counted"], words=single["words"],
            phrases=tuple(sorted(phrases, key=lambda p: (-len(p), p))),
            units=frozenset(unit_name.get(k, k) for k in (word_key(u.split()[0].split("/")[0]) for u in table.get("units", []))),
            counted=single["counted"],
            governs=bool(table.get("governs", False)), absorbs=frozenset(table.get("absorbs", [])),
            undated=bool(table.get("undated", False)), base=bool(table.get("base", False)),
        )
        noun_phrases[name] = tuple(" ".join(e) for e in lists["nouns"] + lists["counted"] if len(e) > 1)
    return events, noun_phrases


def entries(event: EventClass) -> set[str]:
    """Every folded entry of a class (phrases joined by spaces): no entry may be in two classes."""
    return set(event.nouns) | set(event.words) | {" ".join(p) for p in event.phrases}


def _index(events: dict[str, EventClass], noun_phrases: dict[str, tuple[str, ...]]
           ) -> tuple[dict[str, str], dict[str, str], dict[str, list[_Phrase]], dict[str, list[_Phrase]]]:
    """Lookup tables: word -> class (event words and the nouns that are not counted-only),
    noun -> class, and phrases by the forms of their first word (all, and noun phrases).
    An entry in two classes is an error in the data: which class wins would be an accident."""
    owner: dict[str, str] = {}
    for ev in events.values():
        for entry in entries(ev):
            if owner.setdefault(entry, ev.name) != ev.name:
                raise ValueError(f"events.toml: «{entry}» is in both [{owner[entry]}] and [{ev.name}]")
    word = {k: ev.name for ev in events.values() for k in (ev.words | (ev.nouns - ev.counted))}
    noun = {k: ev.name for ev in events.values() for k in ev.nouns}
    phrases: dict[str, list[_Phrase]] = {}
    nouns: dict[str, list[_Phrase]] = {}
    for ev in events.values():
        for p in ev.phrases:
            shaped = (tuple(frozenset(forms(w)) for w in p), ev.name)
            for table in (phrases, nouns) if " ".join(p) in noun_phrases[ev.name] else (phrases,):
                for f in shaped[0][0]:
                    table.setdefault(f, []).append(shaped)
    for table in (phrases, nouns):
        for hits in table.values():
            hits.sort(key=lambda h: -len(h[0]))
    return word, noun, phrases, nouns


EVENTS, _NOUN_PHRASES = _load()
_WORD, _NOUN, _PHRASES, _NOUN_PHRASE_INDEX = _index(EVENTS, _NOUN_PHRASES)
_LONGEST = max(len(p) for ev in EVENTS.values() for p in ev.phrases)


def _phrase_at(keys: list[str], i: int, table: dict[str, list[_Phrase]]) -> tuple[str, int] | None:
    """Longest phrase of ``table`` starting at ``keys[i]``; each of its words may carry clitics."""
    best: tuple[str, int] | None = None
    for f in forms(keys[i]):
        for shape, name in table.get(f, ()):
            n = len(shape)
            if (best is None or n > best[1]) and i + n <= len(keys) and all(
                    shape[j].intersection(forms(keys[i + j])) for j in range(1, n)):
                best = (name, n)
    return best


def event_at(keys: list[str], i: int) -> tuple[str, int] | None:
    """The event class whose word or phrase starts at ``keys[i]`` and its length in words.

    ``keys`` are folded word keys (:func:`compare.normalize.word_key`) of a sentence. Phrases
    win over single words («حالات إصابة» is health, «إصابة» alone the injured), and a word
    inside a phrase that starts earlier is no event of its own, so a reader scanning back from a
    figure reaches the phrase's first word («عجز الموازنة» is the deficit, not the budget).
    Counted-only nouns («مقعد», «هدف») are not event words: near another figure they say
    nothing about it.
    """
    if not 0 <= i < len(keys):
        return None
    for j in range(max(0, i - _LONGEST + 1), i):
        inside = _phrase_at(keys, j, _PHRASES)
        if inside and j + inside[1] > i:
            return None  # «الموازنة» of «عجز الموازنة»: the phrase is found at its start
    hit = _phrase_at(keys, i, _PHRASES)
    if hit:
        return hit
    return next(((_WORD[f], 1) for f in forms(keys[i]) if f in _WORD), None)


@cache
def _folded_nouns() -> dict[str, str]:
    """Each noun as :func:`compare.facts.quantities.noun_key` folds it (وفيات -> وفيه, ناجين ->
    ناج, ضحايا -> ضحيه): frames.py asks with the counted noun in that form. A folded key two
    classes share is left out. Built on first use, so that importing the lexicon does not import
    the quantity reader."""
    from .quantities import noun_key

    out: dict[str, str] = {}
    shared: set[str] = set()
    for ev in EVENTS.values():
        for noun in ev.nouns:
            folded = noun_key(noun)
            if out.setdefault(folded, ev.name) != ev.name:
                shared.add(folded)
    return {k: v for k, v in out.items() if k not in shared}


def measures(event: str, noun: str | None, unit: str | None) -> bool:
    """Whether a figure counting ``noun`` (a :func:`compare.facts.quantities.noun_key`) or
    measured in ``unit`` can be a figure of ``event``. A class that lists units and no counted
    nouns measures in those units (a magnitude in degrees, a term in years, a depth in km): a
    figure that counts anything else («اثنتا عشرة قرية» after «عزل الزلزال», «سجن 5 متهمين»)
    is not its figure, whatever word stands next to it. A class without units does not take a
    figure in a unit that only another domain's classes measure in: «1500 هكتار ووفاة متطوع»
    is no toll of the dead (a unit of several domains, such as %, says nothing)."""
    ev = EVENTS[event]
    said = noun or unit
    if said is None:
        return True
    if not ev.units:
        domains = {c.domain for c in _measuring(unit)} if unit else set()
        return len(domains) != 1 or ev.domain in domains
    return ev.nouns != frozenset() or any(f in ev.units for f in (said, *forms(said)))


@cache
def _measuring(unit: str) -> tuple[EventClass, ...]:
    """The classes that list ``unit`` (a folded unit key) among their units."""
    return tuple(c for c in EVENTS.values() if any(f in c.units for f in (unit, *forms(unit))))


def measured_in(event: str, unit: str | None) -> str:
    """``event``, or the one class of its domain measured in ``unit`` when ``event`` counts things:
    «أتى الحريق على 1200 هكتار» is the burned area, not a number of fires. A unit several classes
    of the domain share (% of turnout and of votes) leaves the event as it is."""
    ev = EVENTS[event]
    if unit is None or ev.units:
        return event
    owners = [c.name for c in _measuring(unit) if c.domain == ev.domain and not c.nouns]
    return owners[0] if len(owners) == 1 else event


def noun_event(key: str) -> str | None:
    """The class a counted noun names by itself (قتلى -> killed, مقعدا -> seats), or None for
    nouns that are counted under many predicates (شخص, جنود, منازل): their verb decides.
    ``key`` may be a text word or the singular quantities.noun_key makes of it (وفيات -> وفيه).
    A key of several words is first tried as a noun phrase («طائرات مسيرة» -> drones)."""
    words = key.split()
    if not words:
        return None
    if len(words) > 1:
        hit = _phrase_at(words, 0, _NOUN_PHRASE_INDEX)
        if hit:
            return hit[0]
    hit = next((_NOUN[f] for f in forms(words[0]) if f in _NOUN), None)
    return hit or _folded_nouns().get(words[0])
