"""Who copied whom: verbatim reuse per pair of articles, and the likely source of shared copy.

Built from the verbatim runs alignment stores on each group (``Group.verbatim``: offset spans on
both sides). The result is plain data stored as ``Comparison.reuse``; the report draws ``pairs``
as an outlet x outlet matrix. Its shape::

    {
      "pairs": [                       # article pairs sharing at least one verbatim run
        {"a": "000.txt", "b": "004.txt",   # article ids, a before b in article order
         "a_words": 57, "b_words": 55,     # words of each article inside the runs they share
         "a_share": 0.12, "b_share": 0.3,  # those words / all words of the article (3 decimals)
         "words": 55},                     # min(a_words, b_words): how much text was copied
      ],
      "sources": [                     # groups whose verbatim text several outlets carry
        {"group": "g3",
         "source": "004.txt" | None,       # the earliest-published carrier (None: a tie or no dates)
         "agency": "أسوشيتد برس" | None,   # a news agency named by a carrier, if any
         "why": "..."},                    # in Arabic, for the briefing: dates and where the agency is named
      ],
    }

An agency counts when it is named in the paragraph of a carrier's aligned sentence or in a
carrier's removed credit lines (``Article.removed_lines``, e.g. "ليفانت نيوز_ أسوشيتد برس"),
matched on consonant skeletons of the matching key, so أسوشيتد/أسوشيتيد and "لأسوشيتيد" meet
(short names on their exact key: إرنا is not إيران).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from typing import Any

from .model import Article, Group
from .normalize import key
from .textlayer import TOKEN
from .words import name_form, name_forms

#: News agencies (display name first) and the ways desks write them. Short Arabic acronyms that
#: are also ordinary words or places (واع, بترا, قنا) are left out on purpose.
AGENCIES: dict[str, tuple[str, ...]] = {
    "أسوشيتد برس": ("أسوشيتد برس", "أسوشيتيد برس", "Associated Press", "AP"),
    "وكالة الصحافة الفرنسية": ("وكالة الصحافة الفرنسية", "فرانس برس", "فرانس بريس", "أ ف ب", "AFP"),
    "رويترز": ("رويترز", "Reuters"),
    "الأناضول": ("وكالة الأناضول", "الأناضول للأنباء", "Anadolu"),
    "وكالة الأنباء الألمانية": ("وكالة الأنباء الألمانية", "د ب أ", "dpa"),
    "شينخوا": ("شينخوا", "Xinhua"),
    "سبوتنيك": ("سبوتنيك", "Sputnik"),
    "وكالة الأنباء العراقية": ("وكالة الأنباء العراقية",),
    "وكالة الأنباء السعودية": ("وكالة الأنباء السعودية",),
    "وكالة أنباء الإمارات": ("وكالة أنباء الإمارات",),
    "وكالة الأنباء الكويتية": ("وكالة الأنباء الكويتية", "كونا"),
    "وكالة الأنباء السورية": ("وكالة الأنباء السورية", "سانا"),
    "إرنا": ("إرنا", "وكالة الجمهورية الإسلامية للأنباء"),
    "تسنيم": ("وكالة تسنيم",),
    "وكالة فارس": ("وكالة فارس", "وكالة أنباء فارس"),
    "وكالة أنباء الشرق الأوسط": ("وكالة أنباء الشرق الأوسط", "أ ش أ"),
    "وكالة المغرب العربي للأنباء": ("وكالة المغرب العربي للأنباء",),
    "بلومبرغ": ("بلومبرغ", "بلومبيرغ", "Bloomberg"),
    "يونايتد برس": ("يونايتد برس إنترناشونال", "يونايتد برس", "UPI"),
    "إنترفاكس": ("إنترفاكس", "Interfax"),
    "ريا نوفوستي": ("ريا نوفوستي", "RIA Novosti"),
}
_VARIANTS = sorted(
    ((name, [name_form(key(w)) for w in TOKEN.findall(variant)]) for name, variants in AGENCIES.items()
     for variant in variants),
    key=lambda item: -len(item[1]),
)


def agencies_in(text: str) -> list[str]:
    """Agencies named in ``text``, in order of first mention."""
    forms = [name_forms(key(w)) for w in TOKEN.findall(text)]
    found: dict[str, int] = {}
    for name, words in _VARIANTS:
        for i in range(len(forms) - len(words) + 1):
            if all(w in forms[i + j] for j, w in enumerate(words)):
                found.setdefault(name, i)
                break
    return sorted(found, key=found.__getitem__)


def _words_inside(text: str, spans: list[tuple[int, int]]) -> int:
    """Words of ``text`` that start inside one of ``spans`` (overlapping spans count once)."""
    starts = [m.start() for m in TOKEN.finditer(text)]
    covered = set()
    for s, e in spans:
        covered.update(range(bisect_left(starts, s), bisect_left(starts, e)))
    return len(covered)


def _pairs(articles: list[Article], groups: list[Group]) -> list[dict[str, Any]]:
    order = {a.id: n for n, a in enumerate(articles)}
    spans: dict[tuple[str, str], dict[str, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
    for g in groups:
        for run in g.verbatim:
            a, b = sorted((run["a"], run["b"]), key=order.__getitem__)
            spans[(a, b)][run["a"]].append((run["a_start"], run["a_end"]))
            spans[(a, b)][run["b"]].append((run["b_start"], run["b_end"]))
    texts = {a.id: a.text for a in articles}
    totals = {a.id: max(1, sum(1 for _ in TOKEN.finditer(a.text))) for a in articles}
    out = []
    for (a, b) in sorted(spans, key=lambda p: (order[p[0]], order[p[1]])):
        wa, wb = _words_inside(texts[a], spans[(a, b)][a]), _words_inside(texts[b], spans[(a, b)][b])
        out.append({"a": a, "b": b, "a_words": wa, "b_words": wb, "a_share": round(wa / totals[a], 3),
                    "b_share": round(wb / totals[b], 3), "words": min(wa, wb)})
    return out


def _source(group: Group, articles: dict[str, Article]) -> dict[str, Any]:
    carriers = sorted({run["a"] for run in group.verbatim} | {run["b"] for run in group.verbatim})
    dated = sorted((articles[c].published, c) for c in carriers if articles[c].published)
    why = []
    source = None
    if dated and (len(dated) == 1 or dated[0][0] < dated[1][0]):
        source = dated[0][1]
        why.append(f"الأقدم نشراً ({dated[0][0]}) بين المصادر التي تحمل النص نفسه")
    elif dated:
        why.append(f"نُشر النص نفسه في اليوم ذاته ({dated[0][0]}) لدى أكثر من مصدر")
    else:
        why.append("لا تاريخ نشر معروف للمصادر التي تحمل النص")
    named: Counter[str] = Counter()
    where: dict[str, str] = {}
    for c in carriers:
        article = articles[c]
        paragraphs = " ".join(article.text[p.para_start:p.para_end] for p in group.passages if p.article == c)
        found: dict[str, str] = {}
        for place, text in (("في سطر المصدر", "\n".join(article.removed_lines)), ("في نص الفقرة", paragraphs)):
            found.update(dict.fromkeys(agencies_in(text), f"{place} لدى {article.label}"))
        named.update(found.keys())
        for name, place in found.items():
            where.setdefault(name, place)
    agency = min(named, key=lambda n: (-named[n], list(AGENCIES).index(n))) if named else None
    if agency:
        why.append(f"الوكالة مذكورة {where[agency]}")
    return {"group": group.id, "source": source, "agency": agency, "why": "؛ ".join(why)}


def compute_reuse(articles: list[Article], groups: list[Group]) -> dict[str, Any]:
    """Reuse matrix entries and likely sources (shape in the module docstring)."""
    by_id = {a.id: a for a in articles}
    return {"pairs": _pairs(articles, groups),
            "sources": [_source(g, by_id) for g in groups if g.verbatim]}
