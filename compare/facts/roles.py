"""Who can speak in a news article: role nouns, ranks, bodies, verbs of saying (lexicons/roles.toml).

Entries are written in normal spelling and folded here to the form words take in
:func:`names._words` (the name key, ى kept) with ى folded to ي for lookup only, «ال» dropped from
every word, tanween gone; nouns also get their feminine form («وزير» -> «وزيرة»).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..normalize import name_key

_LEXICON = Path(__file__).parent / "lexicons" / "roles.toml"


def fold(word: str) -> str:
    """Lookup form of one word key: ى as ي (so «مستشفى» and «مستشفي» meet)."""
    return word.replace("ى", "ي")


def bare(word: str) -> str:
    """A word key without its article: «الوزير» -> «وزير» (not «الي», «اله» ...)."""
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


def _words(entry: str) -> tuple[str, ...]:
    """Folded words of one entry; «قاضٍ» gives «قاض» (its ي form is added by :func:`_forms`)."""
    return tuple(bare(fold(w)) for w in name_key(entry.replace("ـ", "")).split())


def _forms(entries: list[str], feminine: bool, masculine_only: frozenset[str] = frozenset()) -> frozenset[tuple[str, ...]]:
    out = set()
    for entry in entries:
        words = _words(entry)
        if not words:
            continue
        out.add(words)
        first = words[0]
        if entry.split()[0].endswith("ٍ"):  # قاضٍ / القاضي, محامٍ / محامي
            out.add((first + "ي", *words[1:]))
        if feminine and len(first) > 2 and not first.endswith(("ه", "ي", "ا")) and entry not in masculine_only:
            out.add((first + "ه", *(w + "ه" if w.endswith("ي") else w for w in words[1:])))
    return frozenset(out)


@dataclass(frozen=True)
class Roles:
    titles: frozenset[tuple[str, ...]]
    ranks: frozenset[tuple[str, ...]]
    honorifics: frozenset[tuple[str, ...]]
    anonymous: frozenset[tuple[str, ...]]
    organisations: frozenset[tuple[str, ...]]
    documents: frozenset[str]
    verbs: frozenset[str]
    participles: frozenset[str]
    speech_nouns: frozenset[str]
    attribution: frozenset[tuple[str, ...]]
    recipients: frozenset[tuple[str, ...]]
    function: frozenset[str]
    time: frozenset[str]
    modifiers: frozenset[str]
    longest: int  # words in the longest multi-word entry


@cache
def roles() -> Roles:
    data = tomllib.loads(_LEXICON.read_text(encoding="utf-8"))
    person, org, speech, never = data["person"], data["organisation"], data["speech"], data["never"]

    def flat(entries: list[str]) -> frozenset[str]:
        return frozenset(w for e in entries for w in _words(e))

    participles = flat(speech["participles"])
    sets = {
        "titles": _forms(person["titles"], True, frozenset(person["no_feminine"])),
        "ranks": _forms(person["ranks"], False),
        "honorifics": _forms(person["honorifics"], True), "anonymous": _forms(person["anonymous"], False),
        "organisations": _forms(org["heads"], False),
        "attribution": _forms(speech["attribution"], False), "recipients": _forms(speech["recipients"], False),
    }
    return Roles(
        **sets, documents=flat(org["documents"]),
        verbs=frozenset(fold(w) for line in speech["verbs"] for w in name_key(line).split()),
        participles=participles,
        speech_nouns=flat(speech["nouns"]),
        function=frozenset(fold(w) for w in name_key(" ".join(never["function"] + never["numerals"])).split()),
        time=flat(never["time"]), modifiers=flat(never["modifiers"]),
        longest=max(len(e) for s in sets.values() for e in s),
    )
