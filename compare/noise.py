"""Page-noise filter for saved articles: keeps the story, drops the page around it.

Rules, not lists of one site's phrases (GUIDE §4): a line is furniture when it is a "read also"
link, a short share or comment-form label, an ad marker, a counter, a bare URL or date, a repeat
of an earlier line (photo captions), or short and without sentence punctuation (section labels,
bylines, tags) unless it reads as a sentence (it opens with "و" or reports speech). A block
opener such as "قد تحب أيضا" or "التعليقات" in the second half of the page ends the article:
what follows is sidebar or comments. Kept lines are untouched; the clean text is the kept lines
joined by newlines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .normalize import key

#: Links to other stories: furniture at any length (their headline can be long).
_LINKS = re.compile(r"^\W*(اقرا ايضا|اقرا المزيد|اقرا كذلك|شاهد ايضا|طالع ايضا)")
#: Labels of page furniture at the start of a short line (matching-key forms); a long line that
#: starts the same way ("شارك آلاف المتظاهرين في ...") is a sentence.
_LABELS = re.compile(
    r"^\W*(قد تحب ايضا|قد يعجبك|اخبار ذات صله|مواضيع ذات صله|مقالات ذات صله|المزيد من|شارك|"
    r"تابعنا|تابعونا|اشترك|النشره|اعلان|مساحه اعلانيه|تعليقات|اضف تعليق|علق |التعليقات|اترك تعليق|"
    r"النص المطلوب|البريد الالكتروني|الكلمات الداله|وسوم|كلمات مفتاحيه|حقوق النشر|جميع الحقوق|"
    r"هل اعجبك|منشورات شائعه|الاكثر قراءه|الاكثر مشاهده|مصدر الصوره|تصوير)"
)
_LABEL_MAX_WORDS = 10
#: Openers of the blocks that follow an article: related stories, comments, newsletter.
_TAIL = re.compile(r"^\W*(قد تحب ايضا|قد يعجبك|اخبار ذات صله|مواضيع ذات صله|مقالات ذات صله|"
                   r"الاكثر قراءه|التعليقات|تعليقات|اضف تعليق|اترك تعليق|هل اعجبك)\W*(\w+\W*){0,3}$")
#: A short line that still reads as a sentence: opens with the conjunction و or reports speech.
_SENTENCE_LIKE = re.compile(r"^\W*(و\w{2,}|\w*(قال|اكد|اضاف|اعلن|اشار)\w*)\s|\s(ان|انه|انها)\s")
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


def _marked(stripped: str, k: str) -> bool:
    """Furniture whatever its length or place: markers, counters, bare dates, links, labels, forms."""
    if _MARKERS.match(stripped) or _COUNTER.match(k) or _LATIN_DATE.match(stripped) or _LINKS.match(k):
        return True
    words = len(stripped.split())
    return (words <= _LABEL_MAX_WORDS and bool(_LABELS.match(k))) or (words <= 12 and bool(_COMMENT_FORM.search(k)))


def is_furniture(line: str, max_words: int) -> bool:
    """True for one line of page furniture (judged on its own, without context)."""
    stripped = line.strip()
    if not stripped:
        return False
    k = key(stripped)
    if _marked(stripped, k):
        return True
    return len(stripped.split()) <= max_words and not _SENTENCE_PUNCT.search(stripped) \
        and not _SENTENCE_LIKE.search(k)


def _headline(line: str) -> bool:
    """A first line that is a headline: 4 to 20 words, none of them page furniture. Headlines
    carry no final punctuation, so the short-line rule alone would drop them."""
    words = sum(any(c.isalpha() for c in w) for w in line.split())
    return 4 <= words <= 20 and not _marked(line, key(line))


def _tail_start(lines: list[str]) -> int:
    """Index of the first line of the blocks after the article (related stories, comments), or
    len(lines). Only a block opener in the second half of the page counts: a "most read" box
    above the article must not swallow the story."""
    total = sum(len(line) for line in lines) or 1
    seen = 0
    for i, line in enumerate(lines):
        if seen > total / 2 and _TAIL.match(key(line.strip())):
            return i
        seen += len(line)
    return len(lines)


def clean(text: str, max_words: int = 7) -> Cleaned:
    """Drop furniture lines and repeated lines; keep every other line exactly as published."""
    kept: list[str] = []
    removed: list[str] = []
    seen: set[str] = set()
    lines = text.split("\n")
    end = _tail_start(lines)
    for line in lines[:end]:
        body = line.strip()
        if not body:
            continue
        k = key(body)
        headline = not kept and _headline(body)  # kept although it ends without punctuation
        if not headline and (k in seen or is_furniture(body, max_words)):
            removed.append(body)
            continue
        seen.add(k)
        kept.append(body)
    removed += [line.strip() for line in lines[end:] if line.strip()]
    return Cleaned("\n".join(kept), removed, kept)
