"""Dates in Arabic news text, resolved against the article's publication date (GUIDE §4).

Everything is matched on the shared matching key (:mod:`compare.normalize`), so hamza forms,
diacritics (أمسِ), tatweel and Arabic-Indic digits need no special cases; offsets are mapped back
to the original text, so ``text[m.start:m.end]`` is exactly what the outlet wrote.

Documented rules (they decide what counts as a date and how it is resolved):

* Bare weekday ("الخميس", "يوم الخميس"): the nearest such day on or before the publication
  date; the same day counts, because outlets report same-day events with a bare weekday
  ("الخميس، 11 حزيران/يونيو" in an article of that Thursday). With الماضي/المنصرم/الفائت it is
  strictly before, with المقبل/القادم strictly after. In a future context (a future cue such as
  من المقرر / المرتقب / سوف / a س-prefixed verb in the same clause) it is the nearest such day
  on or after the publication date.
* Ambiguous weekdays: الاثنين ("the two"), الأحد ("the one"), الجمعة (Friday prayer) are dates
  unless preceded by a word that makes them ordinary words (بين/كلا/صلاة/خطبة/الواحد …) or
  followed by a number word ("الأحد عشر", "الاثنين والعشرين").
* Ambiguous months (آب "father", مارس "practised", ماي, أيار, أوت, جوان): only with a day
  number, a year, a second month name ("آب/أغسطس"), a qualifier (الماضي) or after في/شهر/منذ.
* اليوم is "today" except as part of a name: followed by a dash or colon ("بغداد اليوم –"),
  on a short byline-like line, after قناة/صحيفة/موقع + name, or followed by an ال-adjective
  ("اليوم الوطني", "اليوم السابع"). غدا followed by an ال-word (the verb "became") is not a date.
* Plain years only after عام/العام/سنة or a month name: a troop count such as 2500 is no year.
* A day and month without year take the publication year; with الماضي/المقبل the nearest such
  day before/after publication. Without a publication date they stay unresolved (value None).
* Latin-script dates ("December 19, 2024") are recognised with ``latin=True`` so callers can
  skip them: on Arabic pages they are sidebars and widgets, not facts.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass

from hijridate import Hijri

from ..normalize import key, keyed

Date = dt.date

_GREGORIAN = {
    1: "كانون الثاني|كانون ثاني|يناير|جانفي",
    2: "شباط|فبراير|فيفري",
    3: "آذار|مارس",
    4: "نيسان|أبريل|ابريل|إبريل|أفريل",
    5: "أيار|مايو|ماي",
    6: "حزيران|يونيو|يونيه|جوان",
    7: "تموز|يوليو|يوليه|يوليوز|جويلية",
    8: "آب|أغسطس|اغسطس|غشت|أوت",
    9: "أيلول|سبتمبر|شتنبر",
    10: "تشرين الأول|تشرين أول|أكتوبر|اكتوبر",
    11: "تشرين الثاني|تشرين ثاني|نوفمبر|نونبر",
    12: "كانون الأول|كانون أول|ديسمبر|دجنبر|دیسمبر",
}
_HIJRI = {
    1: "محرم",
    2: "صفر",
    3: "ربيع الأول",
    4: "ربيع الثاني|ربيع الآخر",
    5: "جمادى الأولى|جمادى الأول",
    6: "جمادى الآخرة|جمادى الثانية|جمادى الآخر",
    7: "رجب",
    8: "شعبان",
    9: "رمضان",
    10: "شوال",
    11: "ذو القعدة|ذي القعدة",
    12: "ذو الحجة|ذي الحجة",
}
_LATIN = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
_WEEKDAYS = {"الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3, "الجمعة": 4,
             "السبت": 5, "الأحد": 6}
#: Month names that are also ordinary words or names (see module docstring).
_AMBIGUOUS_MONTHS = {key(w) for w in ("آب", "مارس", "ماي", "أيار", "أوت", "جوان")}
_AMBIGUOUS_WEEKDAYS = {key(w) for w in ("الاثنين", "الأحد", "الجمعة")}
#: Words before an ambiguous weekday that make it an ordinary word ("بين الاثنين", "صلاة الجمعة").
_NOT_WEEKDAY_BEFORE = {key(w) for w in ("بين", "كلا", "صلاة", "خطبة", "خطيب", "إمام", "أئمة", "مسجد",
                                        "جامع", "الواحد", "الله", "هذين", "أحد")}
_MONTH_CUE_BEFORE = {key(w) for w in ("في", "شهر", "منذ", "حتى", "خلال", "مطلع", "أواخر", "أوائل",
                                      "منتصف", "نهاية", "بداية", "أواسط", "قبل", "بعد")}
_PAST_Q = "الماضي|الماضية|المنصرم|المنصرمة|الفائت|الفائتة"
_NOW_Q = "الجاري|الجارية|الحالي|الحالية"
_NEXT_Q = "المقبل|المقبلة|القادم|القادمة"
_PARTS = {"early": "بداية|مطلع|أوائل|مستهل", "mid": "منتصف|أواسط", "late": "نهاية|أواخر|آخر|ختام"}
_FUTURE_CUES = ("من المقرر|من المتوقع|المقرر|المرتقب|المرتقبة|المزمع|المزمعة|سوف|يعتزم|تعتزم|يرتقب|"
                "يترقب|المنتظر|المنتظرة|يتوقع|تتوقع|توقعت|ينتظر|المتوقع|متوقع|يرجح|ترجح|توقعات|"
                "اعتبارا من|ابتداء من|بدءا من")
#: The one-word future cues, as word keys: a figure after one is expected, not reached
#: (quantities.py: «من المتوقع أن تبلغ كلفة الدعم 3.5 مليار»).
FUTURE_WORDS = frozenset(key(w) for w in _FUTURE_CUES.split("|") if " " not in w)
#: Nouns that look like س-prefixed future verbs (سياسة, سيارة, سنوات, ستين …).
_S_NOUNS = "سياس|سيار|سيطر|سيدة|سيدات|سيول|سيناء|سينما|سنوات|سنوي|سنوية|ستين|ستون|ستار|ستوديو|سيناريو"


def _alt(words: str) -> str:
    """Regex alternation of matching keys, longest first, spaces as any whitespace."""
    keys = sorted({key(w) for w in words.split("|")}, key=len, reverse=True)
    return "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys)


def _one_space(matched: str) -> str:
    """Matched text as the lookup tables spell it: the patterns accept any run of whitespace
    between words («تشرين  الأول», «كانون<TAB>الثاني»), the tables know one space."""
    return " ".join(matched.split())


def _table(groups: dict[int, str]) -> dict[str, int]:
    return {key(w): n for n, ws in groups.items() for w in ws.split("|")}


_G_MONTH = _table(_GREGORIAN)
_H_MONTH = _table(_HIJRI)
_WD = {key(w): n for w, n in _WEEKDAYS.items()}
_PART = {key(w): p for p, ws in _PARTS.items() for w in ws.split("|")}

_GM = _alt("|".join(_GREGORIAN.values()))
_HM = _alt("|".join(_HIJRI.values()))
_WDR = _alt("|".join(_WEEKDAYS))
_PQ = _alt(_PAST_Q)
_NQ = _alt(_NOW_Q)
_FQ = _alt(_NEXT_Q)
_Q = f"(?P<q>{_PQ}|{_NQ}|{_FQ})"
_PARTR = rf"(?:(?:ب|في\s+)?(?P<part>{_alt('|'.join(_PARTS.values()))})\s+)?"
_B = r"(?<!\w)"
_E = r"(?!\w)"
_CL = r"(?<!\w)(?:و|ف|ب|وب|فب)?"  # a clitic before the expression, kept out of the span
_YEARWORD = _alt("عام|العام|سنة|السنة|لعام|للعام")
_ERA = r"(?:\s*(?P<era>هـ|ه|م|هجري|هجرية|للهجرة|ميلادي|ميلادية|للميلاد)(?!\w))?".replace("ة", "ه")
_YEAR_TAIL = (
    rf"(?:\s*[-/.،,]?\s*(?:(?:من\s+)?(?:{_YEARWORD})\s+)?(?P<y>\d{{4}})(?!\d){_ERA}"
    rf"|\s+(?:من\s+)?(?:(?P<ythis>{_alt('هذا العام|هذه السنة')})"
    rf"|(?:{_alt('العام|السنة')})\s+(?P<yq>{_PQ}|{_NQ}|{_FQ}))"
    rf"|\s+{_Q})"
)
_YR = f"(?:{_alt('العام|السنة')})"
_THIS_YEAR = _alt("هذا العام|هذه السنة")
_DM = r"\s*(?:[-/.]\s*)?(?:من\s+)?(?:شهر\s+)?"  # between day and month: "11 حزيران", "11-يوليو"
_MONTHS = (
    rf"(?P<m>{_GM})(?:\s*(?:/|\\|(?P<op>\())\s*(?P<m2>{_GM})(?(op)\s*\)))?{_E}"
)

#: Days written as ordinals: «الثامن من ديسمبر», «الحادي والعشرين من مارس» (matching-key forms).
_ORDINAL_UNITS = ["الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"]
_ORDINAL_DAY = {word: n for n, word in enumerate(_ORDINAL_UNITS, 1)} | {"العاشر": 10, "العشرين": 20, "الثلاثين": 30}
_ORDINAL_DAY |= {f"{'الحادي' if n == 1 else word} عشر": 10 + n for n, word in enumerate(_ORDINAL_UNITS, 1)}
_ORDINAL_DAY |= {f"{'الحادي' if n == 1 else word} والعشرين": 20 + n for n, word in enumerate(_ORDINAL_UNITS, 1)}
_ORDINAL_DAY |= {"الحادي والثلاثين": 31}
_ORDINAL_DAYS = "|".join(sorted(_ORDINAL_DAY, key=len, reverse=True))
_DIGITS = tuple("0123456789")
_YEARS = ("عام", "سنه")
_MONTH_NEEDLES = tuple({m.split()[0] for m in _G_MONTH})
#: (kind, pattern, needles): a pattern runs only on lines holding one of its needles, which keeps
#: find_dates well under the 30 ms budget on the seeds (the regexes alone would cost ~15 ms).
_PATTERNS: list[tuple[str, re.Pattern[str], tuple[str, ...]]] = [
    (kind, re.compile(p), needles) for kind, p, needles in [
        ("dmy", rf"{_B}(?P<d>[0-3]?\d){_DM}{_MONTHS}(?:{_YEAR_TAIL})?", _DIGITS),
        ("dmy", rf"{_CL}(?P<x>(?P<od>{_ORDINAL_DAYS}){_DM}{_MONTHS}(?:{_YEAR_TAIL})?)", _MONTH_NEEDLES),
        ("my", rf"{_CL}(?P<x>{_PARTR}(?:شهر\s+)?{_MONTHS}(?:{_YEAR_TAIL})?)", _MONTH_NEEDLES),
        ("hijri", rf"{_B}(?P<d>[0-3]?\d){_DM}(?P<m>{_HM})"
                  rf"\s*[-/.،,]?\s*(?:(?:{_YEARWORD})\s+)?(?P<y>1[34]\d\d)(?!\d){_ERA}", _DIGITS),
        ("num", rf"(?<![\d/.\-])(?P<a>\d{{1,4}})(?P<s>[-/.])(?P<b>\d{{1,2}})(?P=s)(?P<c>\d{{1,4}})(?![\d/])"
                rf"{_ERA}", _DIGITS),
        ("year", rf"{_CL}(?P<x>{_PARTR}(?:{_YEARWORD})\s+(?P<y>\d{{4}})(?!\d){_ERA})", _YEARS),
        ("ryear", rf"{_CL}(?P<x>{_PARTR}(?:{_YR}\s+{_Q}|(?P<this>{_THIS_YEAR})|{_YR}(?!\s*\d)){_E})", _YEARS),
        ("rmonth", rf"{_CL}(?P<x>{_PARTR}(?:الشهر\s+{_Q}|(?P<this>هذا\s+الشهر)){_E})", ("الشهر",)),
        ("rweek", rf"{_CL}(?P<x>{_PARTR}(?:الاسبوع\s+{_Q}|(?P<this>هذا\s+الاسبوع)){_E})", ("الاسبوع",)),
        ("rday", rf"{_CL}(?P<x>(?:(?P<pod>ليله|صباح|مساء|ظهر|عصر|فجر|ظهيره|يوم)\s+)?"
                 rf"(?P<rel>اول\s+من\s+امس|اول\s+امس|بعد\s+غد|امس|الامس|البارحه|اليوم|غدا|غد)"
                 rf"(?:\s*[،,]?\s*(?P<wd>{_WDR}))?{_E})", ("امس", "اليوم", "غد", "البارحه")),
        ("wday", rf"{_CL}(?P<x>(?:(?P<pod>ليله|صباح|مساء|ظهر|عصر|فجر|ظهيره|يوم)\s+)?(?P<wd>{_WDR})"
                 rf"(?:\s+(?P<q>{_PQ}|{_FQ}))?{_E})", tuple(_WD)),
        ("latin", rf"{_B}(?:(?P<m>{'|'.join(_LATIN)})\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}})"
                  rf"|(?P<d2>\d{{1,2}})\s+(?P<m3>{'|'.join(_LATIN)})\s+(?P<y2>\d{{4}})){_E}", _DIGITS),
    ]
]
_FUTURE = re.compile(rf"{_B}[وف]?(?:{_alt(_FUTURE_CUES)}|(?!{_alt(_S_NOUNS)})س[يتن]\w{{2,}}){_E}")
#: A call to act on the day: «دعت النقابات إلى التظاهر يوم الجمعة» (the day of the act, ahead);
#: «دعا يوم الخميس إلى الحوار» is the day of the call.
_CALL_FOR = re.compile(rf"{_B}[وف]?(?:{_alt('دعا|دعت|دعوا|يدعو|تدعو|يدعون|دعوة|دعوات|الدعوة')}){_E}.*{_B}"
                       rf"(?:{_alt('إلى|الى')}){_E}\s*\S+\s*$")
#: A weekday word followed by this is a number: "الأحد عشر", "الاثنين والعشرين".
_NUMBER_AFTER = re.compile(r"\s+(?:عشر|و(?:ال)?(?:عشر|ثلاث|اربع|خمس|ست|سبع|ثمان|تسع)ين)(?!\w)")
_CLAUSE_END = re.compile(r"[.!?؟\n]")
_REPORTED = re.compile(r"(?<!\w)(?:ب?ان|انه|انها|لان)(?!\w)")
_OUTLET_BEFORE = re.compile(rf"(?:{_alt('قناة|صحيفة|موقع|وكالة|شبكة|جريدة|مجلة|إذاعة|راديو')})\s+\S+\s+$")


@dataclass
class DateMention:
    """A date expression with its resolved value; ``text[start:end]`` is the exact expression."""

    start: int
    end: int
    value: Date | None  # first day of the period (Monday for weeks)
    precision: str  # day | week | month | year
    relative: bool = False  # resolved against the publication date
    weekday: int | None = None  # named weekday, Monday = 0
    weekday_ok: bool | None = None  # named weekday agrees with a date found some other way
    time: str | None = None  # past | future | None, relative to the publication date
    part: str | None = None  # early | mid | late ("نهاية هذا العام")
    latin: bool = False  # Latin-script date: page furniture on Arabic pages, not a fact
    hijri: bool = False
    explicit_year: bool = False  # the year is written in the expression

    @property
    def iso(self) -> str | None:
        """ISO form at the mention's precision (YYYY-MM-DD, YYYY-Www, YYYY-MM or YYYY)."""
        if self.value is None:
            return None
        if self.precision == "day":
            return self.value.isoformat()
        if self.precision == "week":
            year, week, _ = self.value.isocalendar()
            return f"{year:04d}-W{week:02d}"
        if self.precision == "month":
            return f"{self.value.year:04d}-{self.value.month:02d}"
        return f"{self.value.year:04d}"


def _shift(day: Date, days: int) -> Date:
    return day + dt.timedelta(days=days)


def _weekday_near(published: Date, wd: int, mode: str) -> Date:
    """The named weekday relative to ``published``: mode before|after (strict) or onbefore|onafter."""
    back = (published.weekday() - wd) % 7
    ahead = (wd - published.weekday()) % 7
    if mode == "before":
        return _shift(published, -(back or 7))
    if mode == "after":
        return _shift(published, ahead or 7)
    return _shift(published, -back) if mode == "onbefore" else _shift(published, ahead)


def _period_end(value: Date, precision: str) -> Date:
    if precision == "day":
        return value
    if precision == "week":
        return _shift(value, 6)
    if precision == "month":
        nxt = Date(value.year + value.month // 12, value.month % 12 + 1, 1)
        return _shift(nxt, -1)
    return Date(value.year, 12, 31)


def _time(m: DateMention, published: Date | None, hint: str | None) -> str | None:
    """past/future of the whole period against the publication date, else the wording's hint."""
    if m.value is None or published is None:
        return hint
    if _period_end(m.value, m.precision) < published:
        return "past"
    return "future" if m.value > published else None


def _qual(q: str | None) -> str | None:
    """Direction of a qualifier word: past, now or future."""
    if not q:
        return None
    if re.fullmatch(_PQ, q):
        return "past"
    return "future" if re.fullmatch(_FQ, q) else "now"


def _safe_date(y: int, m: int, d: int) -> Date | None:
    try:
        return Date(y, m, d)
    except ValueError:
        return None


def _prev_word(k: str, pos: int) -> str:
    """The word before ``pos`` without a و/ف clitic ("وفي" → "في")."""
    words = k[max(0, pos - 30):pos].split()
    word = words[-1] if words else ""
    return word[1:] if len(word) > 2 and word[0] in "وف" else word


def _future_context(k: str, pos: int, end: int) -> bool:
    """A future cue in the same clause, up to 80 characters before or 40 after the expression,
    or a call to act right before it («دعت ... إلى التظاهر يوم الجمعة»).
    A reported clause opened by أن/إن after the date is another clause: in "قال يوم الخميس إن
    المحادثات ستستأنف" the statement was made on a past Thursday."""
    lo = max(0, pos - 80)
    before = k[lo:pos]
    cut = max((m.end() for m in _CLAUSE_END.finditer(before)), default=0)
    after = k[end:end + 40]
    stops = [m.start() for m in (_CLAUSE_END.search(after), _REPORTED.search(after)) if m]
    window = before[cut:] + " " + after[: min(stops, default=len(after))]
    return bool(_FUTURE.search(window) or _CALL_FOR.search(re.sub(r"\s*يوم\s*$", "", before[cut:])))


def _month_year(mo: int, day: int | None, q: str | None, published: Date | None) -> int | None:
    """Year of a month (and day) written without one: from الماضي/المقبل, else the publication year."""
    if published is None:
        return None
    here = (mo, day or 1)
    now = (published.month, published.day if day else 1)
    if q == "past":
        return published.year if here < now else published.year - 1
    if q == "future":
        return published.year if here > now else published.year + 1
    return published.year


def _build(kind: str, g: dict[str, str | None], k: str, ks: int, ke: int, published: Date | None,
           ) -> DateMention | None:
    """Turn one regex match into a mention (offsets still in key space), or None if not a date."""
    prev = _prev_word(k, ks)
    if kind in ("dmy", "my"):
        mk, m2 = g["m"] or "", g["m2"]
        mo = _G_MONTH[_one_space(mk)]
        if m2 and _G_MONTH[_one_space(m2)] != mo:
            return None
        day = (int(g["d"]) if g.get("d") else _ORDINAL_DAY.get(g.get("od") or "")) if kind == "dmy" else None
        y = int(g["y"]) if g.get("y") else None
        if y is not None and not 1000 <= y <= 2199:
            return None
        yq = _qual(g.get("yq")) or ("now" if g.get("ythis") else None)
        q = _qual(g.get("q"))
        if kind == "my" and mk in _AMBIGUOUS_MONTHS and not (m2 or y or yq or q or prev in _MONTH_CUE_BEFORE
                                                              or g.get("part")):
            return None
        if y is not None:
            year: int | None = y
        elif yq is not None:
            year = None if published is None else published.year + {"past": -1, "now": 0, "future": 1}[yq]
        else:
            year = _month_year(mo, day, q, published)
        value = None if year is None else _safe_date(year, mo, day or 1)
        if day is not None and year is not None and value is None:
            return None
        return DateMention(ks, ke, value, "day" if day else "month", relative=y is None,
                           part=_PART.get(_one_space(g.get("part") or "")), explicit_year=y is not None,
                           time={"past": "past", "future": "future"}.get(q or yq or ""))
    if kind == "hijri":
        try:
            value = Hijri(int(g["y"] or 0), _H_MONTH[_one_space(g["m"] or "")], int(g["d"] or 0)).to_gregorian()
        except (ValueError, OverflowError):
            return None
        return DateMention(ks, ke, Date(value.year, value.month, value.day), "day", hijri=True,
                           explicit_year=True)
    if kind == "num":
        a, b, c = (int(g[n] or 0) for n in "abc")
        if len(g["a"] or "") == 4:
            y, mo, day = a, b, c
        elif len(g["c"] or "") == 4:
            y, mo, day = c, b, a
            if mo > 12 >= day:  # US order 7/26/2021
                mo, day = day, mo
        else:
            return None
        if g.get("era") and key(g["era"] or "")[0] == "ه":
            try:
                h = Hijri(y, mo, day).to_gregorian()
            except (ValueError, OverflowError):
                return None
            return DateMention(ks, ke, Date(h.year, h.month, h.day), "day", hijri=True, explicit_year=True)
        value = _safe_date(y, mo, day) if 1000 <= y <= 2199 else None
        return DateMention(ks, ke, value, "day", explicit_year=True) if value else None
    if kind == "year":
        y = int(g["y"] or 0)
        era = key(g.get("era") or "")
        if era.startswith("ه"):
            return DateMention(ks, ke, None, "year", hijri=True, explicit_year=True) if y <= 1500 else None
        if not 1000 <= y <= 2199:
            return None
        return DateMention(ks, ke, Date(y, 1, 1), "year", part=_PART.get(_one_space(g.get("part") or "")),
                           explicit_year=True)
    if kind in ("ryear", "rmonth", "rweek"):
        q = "now" if g.get("this") else _qual(g.get("q"))
        if q is None and not g.get("part"):
            return None
        step = {"past": -1, "now": 0, "future": 1}[q or "now"]
        value = None
        if published is not None:
            if kind == "ryear":
                value = Date(published.year + step, 1, 1)
            elif kind == "rmonth":
                n = published.year * 12 + published.month - 1 + step
                value = Date(n // 12, n % 12 + 1, 1)
            else:
                value = _shift(published, 7 * step - published.weekday())
        precision = {"ryear": "year", "rmonth": "month", "rweek": "week"}[kind]
        return DateMention(ks, ke, value, precision, relative=True, part=_PART.get(_one_space(g.get("part") or "")),
                           time={-1: "past", 1: "future"}.get(step))
    if kind == "rday":
        return _build_rday(g, k, ks, ke, published)
    if kind == "wday":
        return _build_wday(g, k, ks, ke, prev, published)
    if kind == "latin":
        mon = g["m"] or g["m3"] or ""
        value = _safe_date(int(g["y"] or g["y2"] or 0), _LATIN.index(mon) + 1, int(g["d"] or g["d2"] or 0))
        return DateMention(ks, ke, value, "day", latin=True, explicit_year=True) if value else None
    raise ValueError(kind)


def _build_rday(g: dict[str, str | None], k: str, ks: int, ke: int, published: Date | None,
                ) -> DateMention | None:
    rel = re.sub(r"\s+", " ", g["rel"] or "")
    nxt = k[ke:ke + 3].lstrip(" \t")
    if rel == "اليوم" and not g.get("wd"):
        line_start = k.rfind("\n", 0, ks) + 1
        line_end = k.find("\n", ke)
        line = k[line_start:line_end if line_end >= 0 else len(k)]
        if (nxt[:1] in "-–—:|" and nxt) or nxt.startswith("ال") or _OUTLET_BEFORE.search(k[line_start:ks]):
            return None
        if len(line.split()) <= 4 and not re.search(r"[.،,؟!]", line):
            return None  # a byline or label line ("بغداد اليوم")
    bare_tomorrow = rel in ("غدا", "غد") and not g.get("wd")
    if bare_tomorrow and (nxt.startswith("ال") or (rel == "غد" and not g.get("pod"))):
        return None  # "غدا الوضع" is the verb "became"; bare "غد" is "the morrow"
    offset = {"اول من امس": -2, "اول امس": -2, "امس": -1, "الامس": -1, "البارحه": -1, "اليوم": 0,
              "غدا": 1, "غد": 1, "بعد غد": 2}[rel]
    wd = _WD[_one_space(g["wd"])] if g.get("wd") else None
    value = _shift(published, offset) if published else None
    ok = None if wd is None or value is None else value.weekday() == wd
    return DateMention(ks, ke, value, "day", relative=True, weekday=wd, weekday_ok=ok,
                       time={-2: "past", -1: "past", 1: "future", 2: "future"}.get(offset))


def _build_wday(g: dict[str, str | None], k: str, ks: int, ke: int, prev: str, published: Date | None,
                ) -> DateMention | None:
    wk = g["wd"] or ""
    if wk in _AMBIGUOUS_WEEKDAYS and not g.get("pod") and (
        prev in _NOT_WEEKDAY_BEFORE or _NUMBER_AFTER.match(k, ke)
    ):
        return None
    wd = _WD[_one_space(wk)]
    q = _qual(g.get("q"))
    if published is None:
        return DateMention(ks, ke, None, "day", relative=True, weekday=wd, time=q if q != "now" else None)
    if q == "past":
        mode = "before"
    elif q == "future":
        mode = "after"
    else:
        mode = "onafter" if _future_context(k, ks, ke) else "onbefore"
    return DateMention(ks, ke, _weekday_near(published, wd, mode), "day", relative=True, weekday=wd)


def _occurrences(k: str, needle: str) -> list[int]:
    """Start offsets of ``needle`` in ``k`` (str.find is far faster than a regex scan)."""
    out = []
    i = k.find(needle)
    while i >= 0:
        out.append(i)
        i = k.find(needle, i + 1)
    return out


def _scan(text: str, published: Date | None) -> list[tuple[str, DateMention]]:
    """All (kind, mention) pairs, overlaps resolved (earliest, then longest wins), bare weekdays
    merged with a following date ("الخميس، 11 حزيران/يونيو") so the weekday can be checked."""
    kt = keyed(text)
    k = kt.key
    found: list[tuple[str, DateMention]] = []
    starts = [0, *(i + 1 for i in _occurrences(k, "\n"))]
    ends = [*starts[1:], len(k)]
    for kind, pattern, needles in _PATTERNS:
        lines = {bisect_right(starts, i) - 1 for n in needles for i in _occurrences(k, n)}
        for line in sorted(lines):
            for m in pattern.finditer(k, starts[line], ends[line]):
                ks, ke = m.span("x") if "x" in pattern.groupindex else m.span()
                mention = _build(kind, m.groupdict(), k, ks, ke, published)
                if mention is not None:
                    found.append((kind, mention))
    found.sort(key=lambda x: (x[1].start, -x[1].end))
    chosen: list[tuple[str, DateMention]] = []
    for kind, mention in found:
        if chosen and mention.start < chosen[-1][1].end:
            continue
        if chosen and chosen[-1][0] == "wday" and mention.precision == "day" and mention.weekday is None:
            prev = chosen[-1][1]
            gap = _MERGE_GAP.fullmatch(k, prev.end, mention.start)
            if gap:
                chosen[-1] = ("wday+date", _merge(prev, mention, gap.group("open"), k))
                continue
        chosen.append((kind, mention))
    for _, mention in chosen:
        mention.start, mention.end = kt.span(mention.start, mention.end)
        mention.time = _time(mention, published, mention.time)
    return chosen


_MERGE_GAP = re.compile(r"\s*[،,]?\s*(?:الموافق\s*)?(?P<open>[(\"“«]?)\s*")
_CLOSE = {"(": ")", '"': '"', "“": "”", "«": "»"}


def _merge(weekday: DateMention, date: DateMention, opened: str, k: str) -> DateMention:
    """One mention for a weekday and the date right after it, closing bracket included."""
    end = date.end
    close = re.match(rf"\s*{re.escape(_CLOSE[opened])}", k[end:]) if opened else None
    if close:
        end += close.end()
    ok = None if date.value is None else date.value.weekday() == weekday.weekday
    return DateMention(weekday.start, end, date.value, date.precision, relative=date.relative,
                       weekday=weekday.weekday, weekday_ok=ok, explicit_year=date.explicit_year,
                       hijri=date.hijri)


def find_dates(text: str, published: Date | None) -> list[DateMention]:
    """Date expressions in ``text`` in order, resolved against the publication date when given."""
    return [mention for _, mention in _scan(text, published)]


_LEAD_LINES = 8  # datelines sit within the first lines (title, date, byline, labels)
_DATELINE_MAX = 40  # characters of a line that holds little more than a date
_YEARS_BACK = 28  # the weekday of a given day and month recurs within 28 years


def infer_publication_date(text: str, reference: Date | None = None) -> tuple[Date, str] | None:
    """The article's publication date and a short description of the evidence, or None.

    In order: a dateline (a full date alone on one of the first lines), a full date in the first
    lines, a weekday with day and month but no year (the latest matching year not after
    ``reference`` nor before the latest year the text mentions), and last a guess from a relative
    day with weekday ("أمس الجمعة" → a Saturday) nearest to ``reference`` (only when given).
    ``reference`` is the latest publication date of the other articles in the comparison.
    """
    mentions = [(kind, m) for kind, m in _scan(text, None) if not m.latin]
    lead_end = _lead_end(text)
    full = [m for _, m in mentions if m.start < lead_end and m.precision == "day" and m.explicit_year
            and m.value is not None]
    for m in full:
        line = _line_of(text, m.start)
        if len(line.strip()) <= _DATELINE_MAX:
            return _checked(m.value, f"dateline {text[m.start:m.end]}")
    if full:
        first = full[0]
        return _checked(first.value, f"full date in the first lines: {text[first.start:first.end]}")
    ref = reference or Date.today()
    floor = max((m.value.year for _, m in mentions if m.explicit_year and m.value and m.value <= ref),
                default=ref.year - _YEARS_BACK)
    for kind, m in mentions:
        if kind == "wday+date" and not m.explicit_year:
            found = _year_for_weekday(text[m.start:m.end], m.weekday, ref, floor)
            if found:
                return found
    return _weekday_guess(text, mentions, reference)


def _checked(value: Date | None, how: str) -> tuple[Date, str] | None:
    return None if value is None else (value, how)


def _lead_end(text: str) -> int:
    """Offset where the first ``_LEAD_LINES`` non-empty lines end."""
    seen = 0
    pos = 0
    for line in text.splitlines(keepends=True):
        pos += len(line)
        seen += bool(line.strip())
        if seen >= _LEAD_LINES:
            break
    return pos


def _line_of(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start:end if end >= 0 else len(text)]


def _year_for_weekday(expr: str, weekday: int | None, ref: Date, floor: int) -> tuple[Date, str] | None:
    """Latest year in [floor, ref] in which the day and month of ``expr`` fall on ``weekday``."""
    dated = find_dates(expr, ref)
    if weekday is None or not dated or dated[0].value is None:
        return None
    day, month = dated[0].value.day, dated[0].value.month
    for year in range(ref.year, floor - 1, -1):
        value = _safe_date(year, month, day)
        if value and value <= ref and value.weekday() == weekday:
            return value, f"weekday+day+month: {expr} → {year}"
    return None


def _weekday_guess(text: str, mentions: list[tuple[str, DateMention]], reference: Date | None,
                   ) -> tuple[Date, str] | None:
    """Publication weekday from "أمس الجمعة"-style phrases, placed on the day of that weekday nearest
    to ``reference``. A guess: right when the articles in a comparison are days apart, which is
    why it needs an explicit reference and all such phrases must agree."""
    if reference is None:
        return None
    offsets = {"اليوم": 0, "امس": -1, "الامس": -1, "البارحه": -1, "غدا": 1, "غد": 1, "بعد غد": 2,
               "اول امس": -2, "اول من امس": -2}
    weekdays = set()
    cues = []
    for kind, m in mentions:
        if kind != "rday" or m.weekday is None:
            continue
        words = re.findall(r"\w+", key(text[m.start:m.end]))  # «اليوم، الجمعة»: punctuation between
        rel = " ".join(w for w in words if w not in _WD)
        found = next((r for r in sorted(offsets, key=len, reverse=True) if rel.endswith(r)), None)
        if found is None:
            continue
        weekdays.add((m.weekday - offsets[found]) % 7)
        cues.append(text[m.start:m.end])
    if len(weekdays) != 1:
        return None
    wd = weekdays.pop()
    ahead = (wd - reference.weekday()) % 7
    value = _shift(reference, ahead if ahead < 4 else ahead - 7)
    return value, f"guess from weekday: {cues[0]} → {value:%A} nearest to {reference.isoformat()}"
