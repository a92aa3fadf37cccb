"""Passage text with marked spans, as safe HTML that keeps Arabic letters joined.

Marks may overlap (a disputed figure inside a copied run): the text is cut at every mark
edge and each piece becomes one ``<mark>`` carrying the classes of all marks over it, so no
mark is dropped and every fact keeps its anchor. A ``<mark>`` that cuts a word between two
joining letters breaks the letter shapes; a ZWJ (U+200D) on both sides of the cut keeps them
joined and is not part of copied text (GUIDE §5). Pieces without Arabic letters (numbers,
Latin) get ``dir="ltr"`` so they do not reorder inside right-to-left lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

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


def arabic(ch: str) -> bool:
    """An Arabic letter (not a digit, mark or punctuation)."""
    return "\u0600" <= ch <= "\u06ff" and ch.isalpha()


def _joins(left: str, right: str) -> bool:
    """True when a cut between ``left`` and ``right`` would break a joined pair."""
    return arabic(left) and arabic(right) and left not in _NON_JOINING_FORWARD


def _attrs(active: list[Mark], starting: list[Mark], piece: str, used: set[str]) -> str:
    """Attributes of one piece: the union of its marks' classes and titles; the anchor of a
    mark that starts here unless that id is already in the document."""
    classes = dict.fromkeys(c for m in active for c in m.cls.split())
    titles = dict.fromkeys(m.title for m in active if m.title)
    attrs = f' class="{escape(" ".join(classes))}"'
    if titles:
        attrs += f' title="{escape(" · ".join(titles))}"'
    anchor = next((m.anchor for m in starting if m.anchor and m.anchor not in used), "")
    if anchor:
        used.add(anchor)
        attrs += f' id="{escape(anchor)}"'
    if not any(arabic(c) for c in piece):
        attrs += ' dir="ltr"'
    return attrs


def render(text: str, base: int, marks: list[Mark], used: set[str] | None = None) -> Markup:
    """HTML of ``text`` (which starts at offset ``base``) with ``marks`` applied.

    ``used`` collects the anchors already placed in the document, so an id is emitted once
    (the first place a fact is printed) even when the same span is shown twice.
    """
    used = set() if used is None else used
    spans = [(max(m.start - base, 0), min(m.end - base, len(text)), m) for m in marks]
    spans = [span for span in spans if span[0] < span[1]]
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out: list[str] = []
    for left, right in pairwise(cuts):
        piece = text[left:right]
        lead = ZWJ if left > 0 and _joins(text[left - 1], text[left]) else ""
        trail = ZWJ if right < len(text) and _joins(text[right - 1], text[right]) else ""
        body = f"{lead}{escape(piece)}{trail}"
        active = [m for s, e, m in spans if s <= left and right <= e]
        if active:
            starting = [m for s, _, m in spans if s == left]
            body = f"<mark{_attrs(active, starting, piece, used)}>{body}</mark>"
        out.append(body)
    return Markup("".join(out))
