"""Page-noise filter for saved articles: keeps the story, drops the page around it.

Rules, not lists of one site's phrases (GUIDE §4): a line is furniture when it is a link,
share or comment-form label, an ad marker, a counter, a bare URL or date, a repeat of an
earlier line (photo captions), or short and without sentence punctuation (section labels,
bylines, tags). Kept lines are untouched; the clean text is the kept lines joined by newlines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .normalize import key

#: Labels of page furniture, matched on the matching key at the start of a line.
_LABELS = re.compile(
    r"^\W*(اقرا ايضا|اقرا المزيد|قد تحب ايضا|قد يعجبك|اخبار ذات صله|مواضيع ذات صله|المزيد من|شارك|"
    r"تابعنا|تابعونا|اشترك|النشره|اعلان|مساحه اعلانيه|تعليقات|اضف تعليق|علق |التعليقات|اترك تعليق|"
    r"النص المطلوب|البريد الالكتروني|الكلمات الداله|وسوم|كلمات مفتاحيه|حقوق النشر|جميع الحقوق|"
    r"هل اعجبك|منشورات شائعه|الاكثر قراءه|الاكثر مشاهده|مصدر الصوره|تصوير|اقرا\b)"
)
_MARKERS = re.compile(r"^\s*(\[ad_\d+\]|\[[^\]]{0,30}\]|[-–—•|*#=_.]+|A\+\s*A-|https?://\S+|www\.\S+)\s*$",
                      re.IGNORECASE)
_COUNTER = re.compile(r"^\s*\d+\s*(/\s*\d+|تعليق\w*|مشاهد\w*|قراء\w*|views?|comments?)?\s*$")
_COMMENT_FORM = re.compile(r"(تعليق|تسجيل الدخول|معلومات ضروريه|الحقول المطلوبه|\d+\s*/\s*\d+\s*$)")
_LATIN_DATE = re.compile(
    r"^\W*((January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2},?\s+\d{4}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})\W*$",
    re.IGNORECASE,
)
_SENTENCE_PUNCT = re.compile(r"[.!?؟:،,؛;\"“”«»]")


@dataclass
class Cleaned:
    """Clean text plus what was removed, so the report can say how much noise the page had."""

    text: str
    removed: list[str] = field(default_factory=list)
    kept_lines: list[str] = field(default_factory=list)


def is_furniture(line: str, max_words: int) -> bool:
    """True for one line of page furniture (judged on its own, without context)."""
    stripped = line.strip()
    if not stripped:
        return False
    k = key(stripped)
    if _MARKERS.match(stripped) or _COUNTER.match(k) or _LATIN_DATE.match(stripped) or _LABELS.match(k):
        return True
    words = stripped.split()
    if len(words) <= 12 and _COMMENT_FORM.search(k):
        return True
    return len(words) <= max_words and not _SENTENCE_PUNCT.search(stripped)


def clean(text: str, max_words: int = 7) -> Cleaned:
    """Drop furniture lines and repeated lines; keep every other line exactly as published."""
    kept: list[str] = []
    removed: list[str] = []
    seen: set[str] = set()
    for line in text.split("\n"):
        body = line.strip()
        if not body:
            continue
        k = key(body)
        if k in seen or is_furniture(body, max_words):
            removed.append(body)
            continue
        seen.add(k)
        kept.append(body)
    return Cleaned("\n".join(kept), removed, kept)
