"""Times of day an event happened: «وقعت الهزة عند الساعة 03:12 بالتوقيت المحلي», «الساعة الثالثة
و12 دقيقة», «قرابة الرابعة والنصف فجراً», «نحو السادسة صباحاً».

Only a time the sentence says is a time: after «الساعة», or an hour in words with a part of the
day. A bare «10:30» is left alone: on a saved page it is a timestamp, a ticker or a counter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..normalize import alternation, earliest_longest, key, keyed
from .lexicon import read_lexicon

#: Ordinal hours as the matching key spells them (longest first: الحاديه عشره before الحاديه).
_HOURS = {"الحاديه عشره": 11, "الثانيه عشره": 12, "الاولي": 1, "الواحده": 1, "الثانيه": 2, "الثالثه": 3,
          "الرابعه": 4, "الخامسه": 5, "السادسه": 6, "السابعه": 7, "الثامنه": 8, "التاسعه": 9, "العاشره": 10}
#: Parts of the day, and how many hours they add to a 12-hour clock hour below 12.
_PARTS = {"فجرا": 0, "فجر": 0, "صباحا": 0, "صباح": 0, "ظهرا": 12, "ظهر": 12, "بعد الظهر": 12, "عصرا": 12,
          "عصر": 12, "مساء": 12, "مساءا": 12, "ليلا": 12, "ليل": 12}
_MINUTES = {"والنصف": 30, "والربع": 15, "الا ربعا": -15, "الا ربع": -15, "الا الربع": -15, "والثلث": 20}
#: Minutes in words after «و» («الخامسة وأربعين دقيقة»), as the matching key spells them.
_MINUTE_WORDS = {"خمس": 5, "خمسه": 5, "عشر": 10, "عشره": 10, "خمس عشره": 15, "عشرين": 20, "عشرون": 20,
                 "خمس وعشرين": 25, "ثلاثين": 30, "ثلاثون": 30, "خمس وثلاثين": 35, "اربعين": 40,
                 "اربعون": 40, "خمس واربعين": 45, "خمسين": 50, "خمسون": 50, "خمس وخمسين": 55}
#: The clock a time is written in: GMT/UTC, or the place's own.
_ZONES = {"بتوقيت غرينتش": "gmt", "بتوقيت جرينتش": "gmt", "بتوقيت غرينيتش": "gmt", "غرينتش": "gmt",
          "بالتوقيت العالمي": "gmt", "gmt": "gmt", "utc": "gmt", "بالتوقيت المحلي": "local",
          "بالتوقيت المحلي للبلاد": "local", "بتوقيت البلاد": "local"}


#: A qualifier of "about" right before a time («قرابة الرابعة», lexicons/qualifiers.toml), looked for
#: behind each match: a pattern that opens with an optional word is tried at every position of the
#: text, and cost a tenth of the facts.
_APPROX = read_lexicon("qualifiers")
_QUAL = re.compile(rf"(?<!\w)(?:{alternation(key(w) for w in _APPROX['before']['approx'] + _APPROX['after']['approx'])})\s+$")
# «فجراً» is the time's; «من صباح اليوم» only tells its half of the day: the words stay the day's
_SAID_PART = rf"(?:\s+(?P<part>{alternation(_PARTS)})(?!\w)|(?=\s+من\s+(?P<later>{alternation(_PARTS)})(?!\w)))"
_PART = rf"{_SAID_PART}?"
_ZONE = rf"(?:\s+(?P<zone>{alternation(_ZONES)})(?!\w))?"
_WORD_MIN = rf"(?:\s+(?P<wmin>{alternation(_MINUTES)})|\s+و\s*(?:(?P<dmin>\d{{1,2}})|(?P<tmin>{alternation(_MINUTE_WORDS)}))\s+دقيقه)?"
_PATTERNS = [
    # «الساعة 03:12», «عند الساعة ٤:٣٠ فجراً»
    re.compile(rf"(?:ال)?ساعه\s+(?P<h>\d{{1,2}})\s*[:.]\s*(?P<m>\d{{2}})(?!\d){_PART}{_ZONE}"),
    # «الساعة الثالثة و12 دقيقة», «الساعة العاشرة صباحاً»
    re.compile(rf"(?:ال)?ساعه\s+(?P<w>{alternation(_HOURS)})(?!\w){_WORD_MIN}{_PART}{_ZONE}"),
    # «قرابة الرابعة والنصف فجراً», «نحو السادسة صباحاً»: no «الساعة», so the part of the day is needed
    re.compile(rf"(?<!\w)(?P<w>{alternation(_HOURS)}){_WORD_MIN}{_SAID_PART}{_ZONE}"),
]


@dataclass
class ClockMention:
    """A time of day at ``text[start:end]``: ``value`` is HH:MM on a 24-hour clock."""

    start: int
    end: int
    value: str
    approx: bool = False
    zone: str | None = None  # "gmt", "local" or None (not said)


def _value(g: dict[str, str | None]) -> str | None:
    hour = int(g["h"]) if g.get("h") else _HOURS[g["w"] or ""]
    minute = int(g["m"]) if g.get("m") else int(g["dmin"]) if g.get("dmin") else \
        _MINUTE_WORDS[g["tmin"]] if g.get("tmin") else _MINUTES.get(g.get("wmin") or "", 0)
    if minute < 0:  # «الرابعة إلا ربعاً» is 3:45
        hour, minute = hour - 1, 60 + minute
    part = g.get("part") or g.get("later") or ""
    if part and hour < 12 and not (part in ("ليلا", "ليل") and hour <= 4):  # «الثالثة ليلاً» is 03:00
        hour += _PARTS[part]
    if not (0 <= hour <= 24 and 0 <= minute < 60):
        return None
    return f"{hour % 24:02d}:{minute:02d}"


def find_times(text: str) -> list[ClockMention]:
    """Times of day in ``text``, in order; overlaps go to the earliest, then the longest."""
    kt = keyed(text)
    found: list[ClockMention] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(kt.key):
            g = m.groupdict()
            value = _value(g)
            if value is None:
                continue
            qualifier = _QUAL.search(kt.key, max(0, m.start() - 12), m.start())
            start, end = kt.span(qualifier.start() if qualifier else m.start(), m.end())
            found.append(ClockMention(start, end, value, bool(qualifier), _ZONES.get(g.get("zone") or "")))
    return earliest_longest(found)
