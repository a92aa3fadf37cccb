"""Page-noise filter for saved articles: keeps the story, drops the page around it.

Rules over classes of page furniture, never phrases of one site (GUIDE §4). The page is read in
three regions around the article body, whose first and last lines are *paragraphs* (ten words or
more ending like a sentence, or twenty words or more):

* the head, before the first paragraph: mastheads, menus and breadcrumbs, tickers, the date
  line, bylines, photo captions and video labels. The headline stays even without punctuation:
  the longest head line that can be one (4 to 25 words, none of the classes below; a tagline
  or a byline is shorter). Other head lines follow the body's rules.
* the body, where each line is judged on its own: a line is furniture when it belongs to a class
  of page furniture (below) or is short and without sentence punctuation (section labels,
  subheads, tags) unless it reads as a sentence (it opens with "و" or reports speech).
* the trailer, after the last paragraph: there a line is furniture unless it ends like a
  sentence (lists of headlines, numbered «١.» or bulleted, carry no final punctuation).

Classes of furniture, at any place: "read also" links and cross-references («في الصفحة 5:»),
labels of page widgets (share, follow, tags, newsletter, advertising), counters in any position
of a short line (عدد القراءات: 8.412، قرئ 3215 مرة، تعليقات (5)، ١٫٢ ألف مشاركة، منذ 12 دقيقة),
copyright lines, tickers (several short "name number unit" segments, or one price, rate or
temperature after a label), menus and breadcrumbs (three or more short segments between | › » /),
bylines, media labels and captions («▶ شاهد: … (02:35)»، «[صورة] …»), issue numbers, phone
numbers, bare URLs, dates and markers, and repeats of an earlier line (photo captions).

Blocks: a heading-like short line that opens related stories, a most-read box or the comments
(«اقرأ أيضاً»، «الأكثر قراءة»، «مقالات ذات صلة»، «التعليقات (17)») ends the article wherever it
starts once the story has begun, unless two or more paragraphs follow the block (an inline box:
then only the block's headline lines go). A comments opener, or a comment header (a user name
with "منذ 12 دقيقة"), always ends the article once the story has begun. Above the story such a
line is dropped alone (a "most read" box before the article must not swallow it).

Date lines (a full date with little else: weekday, time, «نُشر في»، «آخر تحديث»، issue number)
are furniture too, but they are returned in :attr:`Cleaned.datelines` with their label, so that
ingest can take the publication date from them and not from the body's own dates.

Kept lines are untouched; the clean text is the kept lines joined by newlines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .facts.dates import find_dates
from .normalize import key

# Patterns below run on the matching key (normalize.key): hamza folded (اقرأ → اقرا), teh
# marbuta as ه, diacritics and tatweel out, Arabic-Indic digits as ASCII.

_NUM = r"\d[\d.,٫٬]*"
#: Links to other stories and cross-references: furniture at any length (a headline can be long).
_LINKS = re.compile(r"^\W*(اقرا|طالع|شاهد)\s+(ايضا|المزيد|كذلك)|^\W*اقرا\s+في\s"
                    r"|^\W*(في\s+)?(الصفحه|ص)\s*\d+\s*:")
#: Labels of page furniture at the start of a short line; a long line that starts the same way
#: ("شارك آلاف المتظاهرين في ...") is a sentence.
_LABELS = re.compile(
    r"^\W*(قد تحب ايضا|قد يعجبك|قد يهمك|اخترنا لك|اخبار ذات صله|مواضيع ذات صله|مقالات ذات صله|المزيد من|"
    r"شارك|تابعنا|تابعونا|اشترك|اشتراك|للاشتراك|النشره|اعلان|مساحه اعلانيه|اعلن معنا|للاعلان|تعليقات|"
    r"اضف تعليق|علق |التعليقات|اترك تعليق|النص المطلوب|البريد الالكتروني|الكلمات الداله|الكلمات المفتاحيه|"
    r"وسوم|الوسوم|كلمات مفتاحيه|حقوق النشر|جميع الحقوق|هل اعجبك|منشورات شائعه|الاكثر قراءه|"
    r"الاكثر مشاهده|مصدر الصوره|تصوير|حجم الخط|تكبير الخط|تصغير الخط|طباعه|"
    r"(ال)?هاتف\s*:|فاكس\s*:|تحديث تلقائي|المصدر\s*:)"
)
_LABEL_MAX_WORDS = 10
_OPENER = (r"(قد تحب ايضا|قد يعجبك|قد يهمك|اخترنا لك|اقرا ايضا|اقرا كذلك|اقرا المزيد|شاهد ايضا|طالع ايضا|"
           r"\w+ ذات صله|\w+ متعلقه|المزيد من \w+( \w+)?|الاكثر (قراءه|مشاهده|تداولا|تعليقا|مشاركه)( \w+)?|"
           r"اخر الاخبار|اخبار اخرى|في نفس القسم|من نفس القسم|هل اعجبك|{comments})")
_COMMENTS = (r"(ال)?تعليقات( (القراء|الزوار|المتابعين|المستخدمين|الاعضاء|فيسبوك|الفيسبوك))?|اراء القراء|"
             r"اضف تعليق\w*|اترك تعليق\w*|علق على \w+")
#: A heading that opens a block after the article: the label with at most two more words, a count
#: or a colon.
_BLOCK = re.compile(r"^\W*" + _OPENER.format(comments=_COMMENTS) + rf"(\W+\w+){{0,2}}\W*(\(?\s*{_NUM}\s*\)?)?\W*$")
_COMMENT_BLOCK = re.compile(rf"^\W*({_COMMENTS})\W*(\(?\s*{_NUM}\s*\)?)?\W*$")
#: A short line that still reads as a sentence: opens with the conjunction و or reports speech.
_SENTENCE_LIKE = re.compile(r"^\W*(و\w{2,}|\w*(قال|اكد|اضاف|اعلن|اشار)\w*)\s|\s(ان|انه|انها)\s")
_MARKERS = re.compile(r"^\s*(\[ad_\d+\]|\[[^\]]{0,30}\]|[-–—•|*#=_.]+|A\+\s*A-|https?://\S+|www\.\S+)\s*$",
                      re.IGNORECASE)
_COUNTER = re.compile(r"^\s*\d+\s*(/\s*\d+|تعليق\w*|مشاهد\w*|قراء\w*|views?|comments?)?\s*$")
#: Counters: a widget segment of a short line (between | · •) that is a count with its label or
#: unit and nothing else ("عدد القراءات: 8.412", "١٫٢ ألف مشاركة", "مشاركة 1.1K", "تعليقات (5)"),
#: "read N times" and the reading time anywhere in a short line.
_COUNTED = (r"قراءات|قراءه|مشاهدات|مشاهده|تعليقات|تعليق|مشاركات|مشاركه|زيارات|زياره|اعجابات|اعجاب|"
            r"views?|reads?|shares?|comments?|likes?")
_COUNTER_SEGMENT = re.compile(
    rf"^\W*((عدد\s+)?(ال)?({_COUNTED}|شارك|يتابع الان|يشاهد الان|المتابعون|متابع\w*)(\s+ال\w+)?\W*)?"
    rf"{_NUM}\s*(الف|مليون|[km])?\s*({_COUNTED})?\W*$",
    re.IGNORECASE,
)
_COUNTERS = re.compile(rf"(?<!\w)(قرئ\s+{_NUM}\s+مر|(وقت|مده)\s+القراءه\s*:?\s*{_NUM}|القراءه\s*:\s*{_NUM}"
                       rf"|{_NUM}\s*(دقيقه|دقائق)\s+(لل)?قراءه)")
_COUNTER_MAX_WORDS = 12
#: A comment's time stamp ("منذ 12 دقيقة", "قبل ساعتين"), alone or after a user name.
_AGO = re.compile(rf"(?<!\w)(منذ|قبل)\s+({_NUM}\s+)?(ثانيه|ثوان\w*|دقيقه|دقيقتين|دقائق|ساعه|ساعتين|ساعات|"
                  r"يوم|يومين|ايام|اسبوع|اسبوعين|اسابيع|شهر|اشهر)(?!\w)")
_AGO_MAX_WORDS = 6
_COPYRIGHT = re.compile(r"©|\(c\)|حقوق (النشر|الطبع)|الحقوق محفوظه|all rights reserved", re.IGNORECASE)
_COPYRIGHT_MAX_WORDS = 16
#: A price, rate or temperature after a label ("الدولار: 134.20 دينار", "البورصة: +0.8%").
_UNIT = (r"(\$|€|£|°|(دينار|دولار|جنيه|يورو|ريال|درهم|ليره|نقطه|للغرام|للاونصه|درجه|درجات|كلم/س|كم/س)"
         r"(?!\w))")
_PRICE = re.compile(rf"^[^\d:]{{1,30}}:\s*([-+▲▼]?\s*\$?{_NUM}\s*{_UNIT}|[-+▲▼]\s*{_NUM}\s*%)")
_SEGMENTS = re.compile(r"\s*[|·•▲▼]\s*")
_NAV = re.compile(r"\s+/\s+|\s*[|›»•·>]\s*")
_BYLINE = re.compile(
    r"^\W*(بقلم|كتب|كتبت|كتبه|بواسطه|(من\s+)?مراسل\w*|تغطيه\s+\w+|by)(?!\w)"
    r"|^\W*(اعداد|تحرير|متابعه|ترجمه|تقرير|حوار)\s*[:\-–—]"
    r"|[|\-–—]\s*(اعداد|تحرير|بقلم|كتب|كتبت|تصوير)\s*:"
    r"|[|\-–—_/]\s*(متابعه|متابعات|خاص|وكالات|\w+ برس|رويترز)\W*$",
    re.IGNORECASE,
)
_BYLINE_MAX_WORDS = 10
_MEDIA = re.compile(r"^\W*(▶|►|🎥|📷|(شاهد|فيديو|بالفيديو|بالصور|صور|video)\s*:)|^\s*[\[(](صوره|صور|فيديو|"
                    r"الصوره|photo|video)[\])]|\(\d{1,2}:\d{2}\)\s*$", re.IGNORECASE)
#: A breaking-news banner ("عاجل | ..."): another story, or this one's teaser.
_BREAKING = re.compile(r"^\W*عاجل\s*[:|\-–—]")
#: A photo caption or credit ("صورة أرشيفية …", "(أ ف ب)"): never a date line.
_CAPTION = re.compile(r"(?<!\w)(صوره|الصوره|صور|ارشيفيه|ارشيف|الارشيف|تصوير|getty|afp|reuters|epa|photo|"
                      r"ا ف ب|ا ب)(?!\w)", re.IGNORECASE)
_CAPTION_START = re.compile(r"^\W*(صوره|الصوره|صور)\s*(ارشيفيه|من|لـ?|:|-|–|—|\()")
_CAPTION_MAX_WORDS = 12
_ISSUE = re.compile(rf"(?<!\w)العدد\s*:?\s*{_NUM}")
_PHONE = re.compile(r"(?<![\d.,])(\+?\d{2,4}[- ]\d{5,}|0\d{8,})(?![\d.,])")
_FONT = re.compile(r"(?<!\w)A\s*[-+]\s+A\s*[-+](?!\w)")
_COMMENT_FORM = re.compile(r"(تعليق|تسجيل الدخول|معلومات ضروريه|الحقول المطلوبه|\d+\s*/\s*\d+\s*$)")
_LATIN_DATE = re.compile(
    r"^\W*((January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2},?\s+\d{4}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})\W*$",
    re.IGNORECASE,
)
_SENTENCE_PUNCT = re.compile(r"[.!?؟:،,؛;\"“”«»]")
#: How a paragraph ends (a closing quote or a question mark alone ends many headlines); a
#: trailer line must end like a sentence to stay.
_PARAGRAPH_END = re.compile(r"[.!…:][»\"”’)\]]*\s*$")
_TRAILER_END = re.compile(r"[.!…»\"”]\s*$")
_LIST_ITEM = re.compile(r"^\s*(\d{1,2}\s*[.)\-–]\s+\S|[-–—•*▪●◦·]\s*\S)")
_PARAGRAPH_WORDS = 10
_LONG_PARAGRAPH_WORDS = 20
_INLINE_BLOCK_PARAGRAPHS = 2  # paragraphs after a block that show the story goes on
#: Date lines just after the first paragraph still count (a long headline ending with a full stop
#: reads as a paragraph), after every other date line.
_BODY_DATELINE_LINES = 2

#: Date lines: a full date with little else (weekday, time, labels, an issue number).
_TIME = re.compile(r"(?<!\d)\d{1,2}:\d{2}(:\d{2})?(?!\d)")
_DATELINE_MAX_WORDS = 16
_DATELINE_REST_WORDS = 5
_PUBLISHED = re.compile(r"(?<!\w)(نشر|تاريخ النشر|تم النشر|published|posted)(?!\w)", re.IGNORECASE)
_UPDATED = re.compile(r"(?<!\w)(اخر تحديث|تم التحديث|تحديث|محدث|updated|modified)(?!\w)", re.IGNORECASE)
_CRAWLED = re.compile(r"(?<!\w)(تاريخ الزياره|تاريخ الاطلاع|تاريخ الاسترجاع|تم الحفظ|حفظ في|تاريخ الحفظ|"
                      r"retrieved|accessed|archived|saved|crawled|fetched)(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class Dateline:
    """A date line of the page: its text, its label and where it stood."""

    line: str
    label: str  # published | updated | crawled | plain
    place: str  # head (before the headline) | meta (after it, before the story) | body | trailer


@dataclass
class Cleaned:
    """Clean text plus what was removed, so the report can say how much noise the page had."""

    text: str
    removed: list[str] = field(default_factory=list)
    kept_lines: list[str] = field(default_factory=list)
    datelines: list[Dateline] = field(default_factory=list)
    lead: list[str] = field(default_factory=list)  # the lines above the story, captions and boxes out


def _words(line: str) -> int:
    return len(line.split())


def _nav(stripped: str) -> bool:
    """A menu or breadcrumb: three or more short segments between separators."""
    parts = [p for p in _NAV.split(stripped) if p.strip()]
    return len(parts) >= 3 and all(len(p.split()) <= 4 for p in parts) and not _TRAILER_END.search(stripped)


def _ticker(stripped: str, k: str) -> bool:
    """Prices, scores or weather: two or more short segments with a number, or one labelled price."""
    if _PRICE.match(k):
        return True
    parts = [p for p in _SEGMENTS.split(k) if p.strip()]
    numbered = [p for p in parts if re.search(r"\d", p)]
    return len(numbered) >= 2 and all(len(p.split()) <= 6 for p in numbered) \
        and not _TRAILER_END.search(stripped) and not _SENTENCE_LIKE.search(k)


def _marked(stripped: str, k: str) -> bool:
    """Furniture whatever its place: a class of page furniture (module docstring)."""
    if _MARKERS.match(stripped) or _COUNTER.match(k) or _LATIN_DATE.match(stripped) or _LINKS.match(k):
        return True
    if _MEDIA.search(k) or _FONT.search(stripped) or (_BREAKING.match(k) and _words(stripped) <= 25):
        return True
    words = _words(stripped)
    if words <= _LABEL_MAX_WORDS and _LABELS.match(k):
        return True
    if words <= 12 and _COMMENT_FORM.search(k):
        return True
    if words <= _COUNTER_MAX_WORDS and (_COUNTERS.search(k) or any(
            _COUNTER_SEGMENT.match(part) and re.search(r"[^\W\d_]", part) for part in _SEGMENTS.split(k))):
        return True
    if words <= _AGO_MAX_WORDS and _AGO.search(k):
        return True
    if words <= _COPYRIGHT_MAX_WORDS and _COPYRIGHT.search(k):
        return True
    if words <= _BYLINE_MAX_WORDS and _BYLINE.search(k):
        return True
    if words <= _CAPTION_MAX_WORDS and _CAPTION_START.match(k):
        return True
    if words <= 8 and (_ISSUE.search(k) or _PHONE.search(k)) and not _TRAILER_END.search(stripped):
        return True
    return words <= 20 and (_nav(stripped) or _ticker(stripped, k))


def dateline_label(line: str) -> str | None:
    """published | updated | crawled | plain when ``line`` is a date line (a full date with little
    else), else None."""
    stripped = line.strip()
    if not stripped or _words(stripped) > _DATELINE_MAX_WORDS or not re.search(r"\d", stripped):
        return None
    full = [m for m in find_dates(stripped, None) if m.precision == "day" and m.explicit_year]
    if not full:
        return None
    rest = stripped
    for m in reversed(full):
        rest = rest[:m.start] + " " + rest[m.end:]
    rest_key = _TIME.sub(" ", key(rest))
    for pattern in (_PUBLISHED, _UPDATED, _CRAWLED, _ISSUE):
        rest_key = pattern.sub(" ", rest_key)
    if len(re.findall(r"[^\W\d_]{2,}", rest_key)) > _DATELINE_REST_WORDS:
        return None
    k = key(stripped)
    if _CAPTION.search(k) or _MEDIA.search(k):
        return None
    if _CRAWLED.search(k):
        return "crawled"
    if _PUBLISHED.search(k):
        return "published"
    return "updated" if _UPDATED.search(k) else "plain"


def is_furniture(line: str, max_words: int) -> bool:
    """True for one line of page furniture (judged on its own, without context)."""
    stripped = line.strip()
    if not stripped:
        return False
    k = key(stripped)
    if _marked(stripped, k):
        return True
    return _words(stripped) <= max_words and not _SENTENCE_PUNCT.search(stripped) \
        and not _SENTENCE_LIKE.search(k)


def _paragraph(line: str) -> bool:
    """A line of the story's body: ten words or more ending like a sentence, or twenty words.
    A teaser cut short ("…") is a related story's."""
    words = _words(line)
    if words < _PARAGRAPH_WORDS or _LIST_ITEM.match(line) or line.rstrip().endswith(("...", "…")):
        return False
    if words < _LONG_PARAGRAPH_WORDS and not _PARAGRAPH_END.search(line):
        return False
    k = key(line)
    return not (_LINKS.match(k) or _BYLINE.match(k) or _MEDIA.search(k) or _LABELS.match(k))


def _letter_words(line: str) -> int:
    return sum(any(c.isalpha() for c in w) for w in line.split())


def _headline(line: str) -> bool:
    """A line that can be the headline: 4 to 25 words, none of them page furniture. Headlines
    carry no final punctuation, so the short-line rule alone would drop them."""
    k = key(line)
    return 4 <= _letter_words(line) <= 25 and not _marked(line, k) and dateline_label(line) is None \
        and not _BLOCK.match(k) and not _LIST_ITEM.match(line)


def _name_line(line: str) -> bool:
    """A user name: one to four words, no digit, no punctuation."""
    return 1 <= _words(line) <= 4 and not re.search(r"\d", line) and not _SENTENCE_PUNCT.search(line)


def _comment_header(lines: list[str], i: int) -> bool:
    """A reader comment's header: a time stamp ("منذ 12 دقيقة") after a user name on the same
    line ("أبو خالد · قبل ساعة") or on the line before. A time stamp alone is a live-blog entry's."""
    line = lines[i]
    found = _AGO.search(key(line))
    if not found or _words(line) > _AGO_MAX_WORDS:
        return False
    before = re.sub(r"[\W_]+", " ", key(line)[:found.start()]).strip()
    return bool(before) or (i > 0 and _name_line(lines[i - 1]))


def _block_end(lines: list[str], start: int, paragraphs: list[bool]) -> int:
    """Index after the lines of the block opened at ``start``: its headline lines (no paragraph)."""
    end = start + 1
    while end < len(lines) and not paragraphs[end]:
        end += 1
    return end


def clean(text: str, max_words: int = 7) -> Cleaned:
    """Drop furniture lines and repeated lines; keep every other line exactly as published."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    paragraphs = [_paragraph(line) for line in lines]
    first = next((i for i, p in enumerate(paragraphs) if p), len(lines))
    drop: set[int] = set()
    end = len(lines)  # first line of the blocks after the article
    for i, line in enumerate(lines):
        if i in drop:
            continue
        k = key(line)
        story_begun = i > first
        if story_begun and (_COMMENT_BLOCK.match(k) or _comment_header(lines, i)):
            name_above = not _COMMENT_BLOCK.match(k) and _name_line(lines[i - 1]) and i - 1 > first
            end = i - 1 if name_above else i
            break
        if _BLOCK.match(k) and _words(line) <= 6:
            if not story_begun:  # a box above the story: its list items go, not what follows
                drop.add(i)
                box = range(i + 1, _block_end(lines, i, paragraphs))
                drop.update(j for j in box if _LIST_ITEM.match(lines[j]))
                continue
            block_end = _block_end(lines, i, paragraphs)
            if sum(paragraphs[block_end:]) < _INLINE_BLOCK_PARAGRAPHS:
                end = i
                break
            drop.update(range(i, block_end))
    last = max((i for i in range(end) if paragraphs[i] and i not in drop), default=-1)
    candidates = [i for i in range(min(first, end)) if i not in drop and _headline(lines[i])]
    headline = max(candidates, key=lambda i: (_letter_words(lines[i]), i)) if candidates else None

    kept: list[str] = []
    removed: list[str] = []
    datelines: list[Dateline] = []
    seen: set[str] = set()
    for i, line in enumerate(lines[:end]):
        k = key(line)
        label = None if paragraphs[i] else dateline_label(line)
        if label and (i <= first + _BODY_DATELINE_LINES or (i > last and label == "published")):
            place = ("body" if first < i <= last else "trailer" if i > last
                     else "head" if headline is None or i < headline else "meta")
            datelines.append(Dateline(line, label, place))
        if i == headline:
            keep = True
        elif i in drop or k in seen or label or is_furniture(line, max_words):
            keep = False
        elif i > last >= 0 and not paragraphs[i]:
            keep = bool(_TRAILER_END.search(line)) and not _LIST_ITEM.match(line)
        else:
            keep = True
        if keep:
            seen.add(k)
            kept.append(line)
        else:
            removed.append(line)
    removed += lines[end:]
    lead = [lines[i] for i in range(min(first, end)) if i not in drop and not _MEDIA.search(key(lines[i]))]
    return Cleaned("\n".join(kept), removed, kept, datelines, lead)
