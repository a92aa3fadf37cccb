"""Passage text with marked spans, as safe HTML that keeps Arabic letters joined.

A ``<mark>`` that cuts a word between two joining letters breaks the letter shapes; a ZWJ
(U+200D) on both sides of the cut keeps them joined and is not part of copied text
(GUIDE §5). Runs without Arabic letters (numbers, Latin) get ``dir="ltr"`` so they do not
reorder inside right-to-left lines.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

ZWJ = "\u200d"
#: Arabic letters that join to the following letter (dual-joining); others only join backwards.
_NON_JOINING_FORWARD = set("اأإآٱدذرزوؤةى")


@dataclass(frozen=True)
class Mark:
    start: int  # original offsets into the article text
    end: int
    cls: str
    title: str = ""
    anchor: str = ""


def _arabic(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff" and ch.isalpha()


def _joins(left: str, right: str) -> bool:
    """True when a cut between ``left`` and ``right`` would break a joined pair."""
    return _arabic(left) and _arabic(right) and left not in _NON_JOINING_FORWARD


def render(text: str, base: int, marks: list[Mark]) -> Markup:
    """HTML of ``text`` (which starts at offset ``base``) with non-overlapping marks applied."""
    out: list[str] = []
    pos = 0
    chosen: list[Mark] = []
    for m in sorted(marks, key=lambda m: (m.start, -(m.end - m.start))):
        s, e = max(m.start - base, 0), min(m.end - base, len(text))
        if s >= e or (chosen and s < chosen[-1].end - base):
            continue
        chosen.append(m)
        left_cut = s > 0 and _joins(text[s - 1], text[s])
        right_cut = e < len(text) and _joins(text[e - 1], text[e])
        out.append(str(escape(text[pos:s])) + (ZWJ if left_cut else ""))
        inner = text[s:e]
        attrs = f' class="{m.cls}"'
        if m.title:
            attrs += f' title="{escape(m.title)}"'
        if m.anchor:
            attrs += f' id="{escape(m.anchor)}"'
        if not any(_arabic(c) for c in inner):
            attrs += ' dir="ltr"'
        out.append(f"<mark{attrs}>{ZWJ if left_cut else ''}{escape(inner)}{ZWJ if right_cut else ''}</mark>")
        out.append(ZWJ if right_cut else "")
        pos = e
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))
