"""Read numbers in Arabic news text: digits, number words, duals, ordinals and vague counts.

Everything is matched on the normalised key of :mod:`compare.normalize` (digits ASCII,
hamza and teh marbuta folded) and mapped back to the outlet's own characters, so a span's
``text[start:end]`` is exactly what was published. Each number in a sentence is its own span:
``"ثلاث جولات ... 50 هجوما"`` gives two, unlike pyarabic's ``text2number`` (GUIDE §4).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from ..normalize import Keyed, fold_char, key, keyed
from .lexicon import read_lexicon


@dataclass(frozen=True)
class NumberSpan:
    """A number at ``text[start:end]``; ``low..high`` is its range (equal to value unless vague)."""

    start: int
    end: int
    value: float
    low: float
    high: float
    kind: str  # cardinal | ordinal | dual | vague


class Tok(NamedTuple):
    """A token of the key: a digit group, an Arabic or Latin word, or one other character."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Found:
    """A number with the key tokens it spans (``first..last`` inclusive), for :mod:`quantities`."""

    span: NumberSpan
    first: int
    last: int


@dataclass(frozen=True)
class Scan:
    """One pass over a text: its key, key tokens and the numbers found in it."""

    keyed: Keyed
    tokens: list[Tok]
    numbers: list[Found]


_TOKEN = re.compile(r"\d+(?:[.,٬’'٫]\d+)*|[\u0621-\u064a]+|[a-z]+|\S|\n")
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\S+")
#: Phone numbers: a leading + or three or more groups; checked for >= 9 digits below.
_PHONE = re.compile(r"\+?\d+(?:[ \-]\d+){2,}|\+\d[\d \-]{6,}\d")
_ARABIC = re.compile(r"[\u0621-\u064a]+")

#: Clitics that may be glued to a number word or to digits (conjunction, prepositions).
_CLITICS = ("", "و", "ب", "ل", "ك", "ف", "وب", "ول", "فب", "وك")
_DEFINITE = ("ال", "وال", "بال", "لل", "وبال", "ولل", "فال", "كال", "فبال")

_UNIT_WORDS = {
    1: ["واحد", "واحده", "واحدا"], 2: ["اثنان", "اثنين", "اثنتان", "اثنتين"], 3: ["ثلاث", "ثلاثه"],
    4: ["اربع", "اربعه"], 5: ["خمس", "خمسه"], 6: ["ست", "سته"], 7: ["سبع", "سبعه"],
    8: ["ثمان", "ثماني", "ثمانيه"], 9: ["تسع", "تسعه"], 10: ["عشر", "عشره"],
}
#: Forms that are a number only before عشر (إحدى عشرة, اثنا عشر): أحد alone is "anyone"/Sunday.
_TEEN_ONLY = {"احد": 1, "احدي": 1, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2}
_TENS = {"عشر": 20, "ثلاث": 30, "اربع": 40, "خمس": 50, "ست": 60, "سبع": 70, "ثمان": 80, "تسع": 90}
_HUNDRED_STEMS = {"ثلاث": 3, "اربع": 4, "خمس": 5, "ست": 6, "سبع": 7, "ثمان": 8, "ثماني": 8, "تسع": 9}
#: Scale words, with the English and French ones so that "100 million" vs "100 billion" in
#: Latin-script articles is read too (digits + scale is the same grammar in every language).
_SCALES = {"الف": 1e3, "مليون": 1e6, "مليار": 1e9, "بليون": 1e9, "ترليون": 1e12, "تريليون": 1e12,
           "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "milliard": 1e9}
_SCALE_PLURALS = {"الاف": 1e3, "ملايين": 1e6, "مليارات": 1e9, "بلايين": 1e9, "ترليونات": 1e12,
                  "تريليونات": 1e12, "thousands": 1e3, "millions": 1e6, "billions": 1e9, "milliards": 1e9}

#: Vague counts as (low, high) multipliers: عشرات = 20..99, بضعة = 3..9.
_VAGUE = {"عشرات": (20, 99), "ميات": (100, 999), "بضع": (3, 9), "بضعه": (3, 9)}
_FRACTIONS = {"نصف": 0.5, "ربع": 0.25}
_TEEN = {"عشر", "عشره"}

_ORDINAL_WORDS = {
    1: ["اول", "اولي", "حادي", "حاديه"], 2: ["ثاني", "ثانيه", "ثان"], 3: ["ثالث", "ثالثه"],
    4: ["رابع", "رابعه"], 5: ["خامس", "خامسه"], 6: ["سادس", "سادسه"], 7: ["سابع", "سابعه"],
    8: ["ثامن", "ثامنه"], 9: ["تاسع", "تاسعه"], 10: ["عاشر", "عاشره"],
}
_ORDINAL = {w: n for n, ws in _ORDINAL_WORDS.items() for w in ws}
#: Month names built from ordinals (كانون الثاني, تشرين الأول, ربيع الأول): not counts.
_ORDINAL_MONTHS = {"كانون", "تشرين", "ربيع", "جمادي"}
#: Dual adjectives of time that confirm a definite dual: العقدين الماضيين = two decades.
_DUAL_TIME_ADJ = {"الماضيين", "الماضيتين", "الاخيرين", "الاخيرتين", "المقبلين", "المقبلتين",
                  "القادمين", "القادمتين", "المنصرمين", "المنصرمتين", "السابقين", "السابقتين"}


def _lexicon() -> dict[str, tuple[str, float]]:
    """Key form -> (role, value) for every cardinal number word."""
    lex: dict[str, tuple[str, float]] = {"صفر": ("unit", 0)}
    for n, words in _UNIT_WORDS.items():
        lex.update({w: ("unit", n) for w in words})
    lex.update({w: ("teen-only", n) for w, n in _TEEN_ONLY.items()})
    for stem, n in _TENS.items():
        lex[stem + "ون"] = lex[stem + "ين"] = ("tens", n)
    for h in ("ميه", "مايه"):
        lex[h] = ("hundred", 100)
        lex.update({stem + h: ("hundred", n * 100) for stem, n in _HUNDRED_STEMS.items()})
    for two in ("ميتان", "ميتين", "ميتا", "ميتي", "مايتان", "مايتين", "مايتا", "مايتي"):
        lex[two] = ("hundred", 200)
    for base, s in _SCALES.items():
        lex[base] = ("scale", s)
        lex[base + "ا"] = ("scale-a", s)  # accusative singular after a count, else dual construct
        lex.update({base + end: ("scale-dual", s) for end in ("ان", "ين", "ي")})
    lex.update({w: ("scale-plural", s) for w, s in _SCALE_PLURALS.items()})
    lex.update({w: ("vague", 0) for w in _VAGUE})
    lex.update({w: ("fraction", f) for w, f in _FRACTIONS.items()})
    return lex


_LEX = _lexicon()


def scale_of(number: str) -> float:
    """The largest scale word a number is written with, in any of its forms («9 آلاف» -> 1000,
    «45 ألفاً» -> 1000, «مليوني» -> 1e6), 1 if none."""
    return max((float(_LEX[w][1]) for w in key(number).split() if _LEX.get(w, ("",))[0].startswith("scale")),
               default=1.0)
#: Roles that may take the article: الثلاثة, الآلاف, العشرات, نصف المليار. Not hundreds
#: (في المئة is a percent sign), not tens (القرن العشرين is an ordinal use), not 1 or 2
#: (الاثنين is Monday).
_DEFINITE_OK = {"unit", "scale", "scale-plural", "vague"}


def _with_clitics() -> dict[str, tuple[str, float, int]]:
    """Every number word with the clitics it may carry -> (role, value, clitic length)."""
    table: dict[str, tuple[str, float, int]] = {}
    for p in _CLITICS:
        for w, (role, v) in _LEX.items():
            if not (p and w == "ست" and p != "و"):  # لست, بست are not six
                table.setdefault(p + w, (role, v, len(p)))
    for p in _DEFINITE:
        for w, (role, v) in _LEX.items():
            if role in _DEFINITE_OK and not (role == "unit" and v < 3):
                table.setdefault(p + w, (role, v, len(p)))
    return table


_WORDS = _with_clitics()
_ORDINALS = {p + w: n for p in ("", "و", "ب", "ل", "ك", *_DEFINITE) for w, n in _ORDINAL.items()}


def _lookup(word: str) -> tuple[str, float, int] | None:
    """(role, value, clitic length) of a number word with its clitics, or None."""
    return _WORDS.get(word)


def number_word(word: str) -> bool:
    """Whether a key token is a cardinal number word (ملياري is, ساعتين is not)."""
    return word in _WORDS


def parse_digits(s: str) -> float | None:
    """Value of a digit group with thousands separators or a decimal mark, or None if malformed.

    ``,`` ``٬`` ``’`` and ``.`` followed by groups of exactly three digits are thousands
    separators (2,500 / 2.500 / ٢٬٥٠٠); a single other ``.``, ``,`` or ``٫`` is a decimal mark.
    """
    s = s.translate({ord(c): "," for c in "٬’'"})
    if re.fullmatch(r"\d+", s):
        return float(s)
    if m := re.fullmatch(r"(\d{1,3}(?:,\d{3})+)(?:[.٫](\d+))?", s):
        return float(m[1].replace(",", "") + "." + (m[2] or "0"))
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", s):
        return float(s.replace(".", ""))
    if m := re.fullmatch(r"(\d+)[.,٫](\d+)", s):
        return float(f"{m[1]}.{m[2]}")
    return None


def original_span(text: str, k: Keyed, start: int, end: int) -> tuple[int, int]:
    """Original offsets of key characters ``start:end``, with the last word's trailing marks."""
    s, e = k.span(start, end)
    while e < len(text) and not text[e].isspace() and fold_char(text[e]) == "":
        e += 1  # keep trailing tanween and shadda with the word
    return s, e


@dataclass
class _State:
    """A cardinal being read: completed scale groups, the running count and the last word's role."""

    end: int
    total: float = 0.0
    cur: float = 0.0
    last: str = ""
    top: float = float("inf")  # smallest scale used so far; the next must be smaller
    saved: tuple[float, float, str, float, int] = (0.0, 0.0, "", float("inf"), -1)

    def add(self, value: float, role: str, end: int) -> None:
        self.cur, self.last, self.end = self.cur + value, role, end


class _Reader:
    """Parses a run of tokens into one number (cardinal words, digits with scale words)."""

    def __init__(self, toks: list[Tok], text: str, k: Keyed) -> None:
        self.toks, self.text, self.k = toks, text, k

    def word(self, i: int) -> tuple[str, float, int] | None:
        """Lexicon entry of token ``i`` (digit groups are role "digits")."""
        if i >= len(self.toks):
            return None
        t = self.toks[i].text
        if t[0].isdigit():
            v = parse_digits(t)
            return None if v is None else ("digits", v, 0)
        hit = _lookup(t)
        if hit and t[hit[2]:].startswith("ميت"):  # مئتا needs its hamza: ميت is "dead"
            s, e = self.span(i, i)
            if "ئ" not in self.text[s:e]:
                return None
        return hit

    def span(self, first: int, last: int, skip: int = 0) -> tuple[int, int]:
        """Original offsets of tokens ``first..last``, past ``skip`` clitic letters."""
        return original_span(self.text, self.k, self.toks[first].start + skip, self.toks[last].end)

    def joined(self, i: int) -> tuple[int, tuple[str, float, int] | None, bool]:
        """Token index, entry and whether a conjunction و introduces token ``i``."""
        t = self.toks[i].text if i < len(self.toks) else ""
        if t == "و":
            return i + 1, self.word(i + 1), True
        w = self.word(i)
        return i, w, bool(w and w[2] and t.startswith("و"))

    def cardinal(self, i: int) -> tuple[int, float, float, float, str] | None:
        """Parse a cardinal starting at token ``i``: (last token, value, low, high, kind)."""
        w = self.word(i)
        if w is None or w[0] == "fraction":
            return None
        role, v, _ = w
        if role == "vague":
            lo, hi = _VAGUE[self.toks[i].text[w[2]:]]
            nxt = self.word(i + 1) or ("", 0, 0)
            hundreds = (nxt[0] == "hundred" and nxt[1] == 100) or (
                i + 1 < len(self.toks) and self.toks[i + 1].text[nxt[2]:] == "ميات")
            times = nxt[1] if nxt[0] in ("scale-plural", "scale") else 100 if hundreds else 0
            if times:  # عشرات الآلاف, بضع مئات
                return i + 1, lo * times, lo * times, hi * times, "vague"
            return i, lo, lo, hi, "vague"
        if role == "scale-plural":
            return i, v, v, v * 10 - 1, "vague"  # آلاف = 1000..9999
        st = _State(end=i - 1)
        j = i
        while j < len(self.toks):
            jj, w, waw = (j, self.word(j), False) if j == i else self.joined(j)
            if w is None or not self.step(st, jj, w, waw, first=j == i):
                break
            j = st.end + 1
        end, total, cur = st.end, st.total, st.cur
        if end < i:
            return None
        value = total + cur
        dual = end == i and role in ("scale-dual", "scale-a")  # ألفين, ملياري
        return end, value, value, value, "dual" if dual else "cardinal"


    def step(self, st: _State, j: int, w: tuple[str, float, int], waw: bool, first: bool) -> bool:
        """Add number word ``w`` at token ``j`` to ``st``; False when it does not continue the number.

        A new additive part (unit, tens, hundreds) needs و after hundreds or a complete scale
        group; units take عشر (teens) and مئة (ثلاث مئة) unjoined; a count takes its scale word.
        """
        role, v, _ = w
        opens = first or (waw and (st.last == "hundred" or (st.last == "scale" and st.cur == 0)))
        nxt = self.toks[j + 1].text if j + 1 < len(self.toks) else ""
        if waw and (role in ("teen-only", "unit", "digits", "hundred") or (role == "tens" and st.last != "unit")):
            st.saved = (st.total, st.cur, st.last, st.top, st.end)
        if role == "teen-only":  # أحد عشر, اثنا عشر
            if not opens or nxt not in _TEEN:
                return False
            st.add(v + 10, "teen", j + 1)
        elif role == "unit" and not waw and st.last == "unit" and v == 10 and 1 <= st.cur % 100 <= 9:
            st.add(10, "teen", j)  # ثلاثة عشر
        elif role in ("unit", "digits"):
            if not opens or (role == "digits" and not first and v >= st.top):
                return False
            st.add(v, "unit" if role == "unit" else "digits", j)
        elif role == "tens":
            if not (opens or (waw and st.last == "unit" and st.cur % 100 < 10)):
                return False
            st.add(v, "tens", j)
        elif role == "hundred" and not waw and st.last == "unit" and v == 100 and 3 <= st.cur <= 9:
            st.cur, st.last, st.end = st.cur * 100, "hundred", j  # ثلاث مئة
        elif role == "hundred":
            if not (first or (waw and st.last == "scale" and st.cur == 0)):
                return False
            st.add(v, "hundred", j)
        elif role.startswith("scale"):
            return self.scale(st, j, role, v, waw, first)
        elif role == "fraction":  # مليار ونصف (المليار)
            if not (waw and st.last == "scale" and st.cur == 0):
                return False
            st.total += v * st.top
            st.last, st.end = "fraction", j
            after = self.word(j + 1)
            if after and after[0] == "scale" and after[1] == st.top:
                st.end = j + 1
        else:
            return False
        return True

    @staticmethod
    def scale(st: _State, j: int, role: str, v: float, waw: bool, first: bool) -> bool:
        """Apply a scale word: it multiplies the count before it, or stands alone (ألف, ألفان)."""
        if v >= st.top:  # ثلاثة آلاف وخمسة آلاف: the last part was a new number
            if st.cur:
                st.total, st.cur, st.last, st.top, st.end = st.saved
            return False
        if st.cur and not waw and role != "scale-dual":
            st.total, st.cur = st.total + st.cur * v, 0.0  # ألفاً after a count is singular
        elif st.cur == 0 and role != "scale-plural" and (first or (waw and st.last == "scale")):
            st.total += v * (2 if role in ("scale-a", "scale-dual") else 1)  # ألفا alone is two thousand
        else:
            return False
        st.last, st.top, st.end = "scale", v, j
        return True


def _excluded(toks: list[Tok], key: str) -> set[int]:
    """Indices of digit tokens that are not numbers: names, URLs, ids, phones, dates, counters."""
    bad: set[int] = set()
    spans = [m.span() for m in _URL.finditer(key)]
    spans += [m.span() for m in _PHONE.finditer(key) if sum(c.isdigit() for c in m[0]) >= 9]
    for i, t in enumerate(toks):
        if not t.text[0].isdigit():
            continue
        prev = toks[i - 1] if i else None
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        glued_prev = prev is not None and prev.end == t.start
        glued_next = nxt is not None and nxt.start == t.end
        if any(s <= t.start < e for s, e in spans):
            bad.add(i)
        elif re.fullmatch(r"\d{9,}", t.text) or (glued_prev and prev and prev.text.isascii()
                                                   and prev.text.isalpha()):
            bad.add(i)  # long ids; F16, A320
        elif glued_next and nxt and ((nxt.text.isascii() and nxt.text.isalpha()) or nxt.text in "_]"):
            bad.add(i)  # 5G, 3D, [ad_1]
        elif glued_prev and prev and prev.text in "_#@":
            bad.add(i)
        elif glued_prev and prev and _ARABIC.fullmatch(prev.text) and prev.text not in _CLITICS + _DEFINITE:
            bad.add(i)  # a word glued to digits is a name or code
        elif glued_prev and prev and prev.text in "-:/" and i >= 2 and toks[i - 2].end == prev.start:
            bad.add(i)  # كوفيد-19, 26-07-2021, 10:30
        elif glued_next and nxt and nxt.text in "-:" and i + 2 < len(toks) and toks[i + 2].start == nxt.end:
            bad.add(i)
        elif nxt and nxt.text == "/" and i + 2 < len(toks) and toks[i + 2].text[0].isdigit():
            bad.update((i, i + 2))  # 1500 / 1500, 11/6/2020
    return bad


def _ordinal(toks: list[Tok], i: int) -> tuple[int, float] | None:
    """Ordinal starting at token ``i`` (الرابعة, جولة رابعة, الحادي عشر, الحادي والعشرون)."""
    t = toks[i].text
    n = _ORDINALS.get(t)
    if n is None or (i and toks[i - 1].text in _ORDINAL_MONTHS):
        return None
    nxt = toks[i + 1].text if i + 1 < len(toks) else ""
    if n < 10 and nxt in _TEEN:
        return i + 1, n + 10
    tens = nxt[3:] if nxt.startswith("وال") else toks[i + 2].text if nxt == "و" and i + 2 < len(toks) else ""
    tens = tens[2:] if tens.startswith("ال") else tens
    if n < 10 and _LEX.get(tens, ("",))[0] == "tens":
        return i + (1 if nxt != "و" else 2), n + _LEX[tens][1]
    if t.endswith(("حادي", "حاديه")):
        return None
    return i, n


#: A masculine dual written with its vowels: fatha before ي with sukun, then ن (متهمَيْن).
_VOCALISED_DUAL = re.compile("\u064e\u064a\u0652\u0646\u0650?$")


#: Words that end like a feminine dual but are one thing (lexicons/naming.toml: باكستان, أوكتان).
_NOT_DUALS = frozenset(key(w) for w in read_lexicon("naming")["dual"]["not"])


#: The number two after a dual noun: it counts, the noun is its noun («طفلان اثنان»).
_TWO = frozenset({"اثنان", "اثنين", "اثنتان", "اثنتين"})
#: Singular counted nouns (lexicons/nouns.toml): «عاملان» is two of them.
_SINGULARS = frozenset(key(w) for w in read_lexicon("nouns")["plurals"])


def _dual(toks: list[Tok], i: int) -> int:
    """Clitic length if token ``i`` is clearly the dual of a counted noun, else -1.

    Masculine ين is left alone: unvocalised it is also the sound plural (المسؤولين); masculine
    ان only on a listed singular noun («لقي عاملان حتفهما»), else it is a name (لبنان). Read as
    2: an indefinite feminine dual in تين/تان (ساعتين, دولتين) whose stem does not end in a long
    vowel (بوتين, روتين), and a definite dual confirmed by a dual time adjective (العقدين
    الماضيين). A bare definite dual (البلدين) refers, it does not count.
    """
    t = toks[i].text
    if not t.endswith(("ين", "ان")):
        return -1
    if {t, t[1:], t.removeprefix("ال"), t[1:].removeprefix("ال")} & _NOT_DUALS:
        return -1  # «باكستان», «والأوكتان»: one thing, even after a clitic
    nxt = toks[i + 1].text if i + 1 < len(toks) else ""
    if (i and toks[i - 1].text.endswith(("تين", "تان"))) or nxt in _TWO:
        return -1  # «بنايتين ملاصقتين»: an adjective agrees with the dual; «ساعتين اثنتين»: the number word counts
    if t.startswith("ال") and t.endswith(("ين", "تين")) and len(t) >= 6:
        return 0 if nxt in _DUAL_TIME_ADJ else -1
    for p in ("", "و", "ب", "ل", "ف"):
        w = t[len(p):] if t.startswith(p) else ""
        if w.endswith(("تين", "تان")) and len(w) >= 5 and w[-4] not in "اوي":
            return len(p)
        if w.endswith("ان") and not w.startswith("ال") and w[:-2] in _SINGULARS and len(w) >= 5:
            return len(p)
    return -1


def scan(text: str) -> Scan:
    """Key, tokens and numbers of ``text`` (the work behind :func:`find_numbers`)."""
    k = keyed(text)
    toks = [Tok(m.start(), m.end(), m[0]) for m in _TOKEN.finditer(k.key)]
    bad = _excluded(toks, k.key)
    reader = _Reader(toks, text, k)
    found: list[Found] = []
    i = 0
    while i < len(toks):
        t = toks[i].text
        if i in bad or not (t[0].isdigit() or t in _WORDS or t in _ORDINALS or t.endswith(("ين", "ان"))):
            i += 1  # the common case: a word that cannot start a number
            continue
        card = reader.cardinal(i)
        if card:
            last, value, low, high, kind = card
            skip = 0 if t[0].isdigit() else (reader.word(i) or ("", 0, 0))[2]
            first = i
            prev = toks[i - 1].text if i else ""
            if (value == 2 and kind == "cardinal" and last == i and prev.endswith(("ان", "ين"))
                    and _lookup(prev) is None and not (found and found[-1].last == i - 1)):
                first, skip, kind = i - 1, 0, "dual"  # جنديين اثنين: the numeral confirms the dual
            s, e = reader.span(first, last, skip)
            found.append(Found(NumberSpan(s, e, value, low, high, kind), first, last))
            i = last + 1
            continue
        after_number = bool(found) and found[-1].last == i - 1
        if _ARABIC.fullmatch(t) and not after_number:
            ordn = _ordinal(toks, i)
            if ordn:
                s, e = reader.span(i, ordn[0])
                found.append(Found(NumberSpan(s, e, ordn[1], ordn[1], ordn[1], "ordinal"), i, ordn[0]))
                i = ordn[0] + 1
                continue
            clitic = _dual(toks, i)
            if clitic < 0 and _VOCALISED_DUAL.search(text[slice(*reader.span(i, i, 0))]):
                clitic = 0  # «متهمَيْن»: the vowels the outlet wrote say dual, not plural
            if clitic >= 0:
                s, e = reader.span(i, i, clitic)
                found.append(Found(NumberSpan(s, e, 2, 2, 2, "dual"), i, i))
        i += 1
    return Scan(k, toks, found)


def find_numbers(text: str) -> list[NumberSpan]:
    """Every number in ``text`` with original offsets, in reading order."""
    return [f.span for f in scan(text).numbers]


def parse_number_words(s: str) -> float | None:
    """Value of ``s`` when the whole string is one number (words or digits), else None."""
    found = find_numbers(s)
    if len(found) == 1 and found[0].start == len(s) - len(s.lstrip()) and found[0].end == len(s.rstrip()):
        return found[0].value
    return None
