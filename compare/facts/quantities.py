"""Quantity facts: a number with what it counts, its qualifiers, scope and time (GUIDE §4).

"نحو 3500 جندي أجنبي، بينهم 2500 أمريكي" is two facts: 3500 troops (approx, scope foreign)
and 2500 troops (a subset, scope American). Everything is decided on the normalised key of
:mod:`compare.normalize` and tokens of :func:`compare.facts.numbers.scan`; offsets are original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..normalize import key
from .dates import FUTURE_WORDS
from .lexicon import event_at, noun_event, read_lexicon
from .numbers import Found, Scan, Tok, number_word, original_span, scale_of, scan


def _uncase(word: str) -> str:
    """A key word without a final alef, as noun_key looks it up: tanween alef (هجوما, قتيلا),
    and so also the last letter of ضحايا and قضايا, which the table lists cut the same way."""
    return word[:-1] if len(word) > 3 and word.endswith("ا") else word


def fold_nouns(data: dict[str, Any]) -> tuple[dict[str, str], frozenset[str]]:
    """Every form of a nouns lexicon (lexicons/nouns.toml: broken plurals, then synonyms) folded
    as noun_key folds a text word (:func:`key`, then :func:`_uncase`) and mapped to its
    singular's key, and the keys of its clause nouns. A form under two singulars would fold one
    of them into the other by accident of order, so each folded form must be listed once (a
    singular may head an entry in both tables): ValueError otherwise."""
    fold: dict[str, str] = {}
    for table in ("plurals", "synonyms"):
        heads: set[str] = set()
        for singular, forms in data[table].items():
            base = key(singular)
            if base in heads:
                raise ValueError(f"nouns.toml: singular «{singular}» heads two entries of [{table}]")
            heads.add(base)
            if fold.setdefault(_uncase(base), base) != base:
                raise ValueError(f"nouns.toml: singular «{singular}» is already a form of «{fold[_uncase(base)]}»")
            for form in forms:
                folded = _uncase(key(form))
                if folded in fold:
                    raise ValueError(f"nouns.toml: «{form}» of «{singular}» is already listed under «{fold[folded]}»")
                fold[folded] = base
    clause = frozenset(key(w) for w in data["clause"]["nouns"])
    if clause - set(fold.values()):
        raise ValueError(f"nouns.toml: clause nouns that are no singular: {sorted(clause - set(fold.values()))}")
    return fold, clause


#: Broken plurals and same-thing synonyms: folded form -> singular key (lexicons/nouns.toml), and
#: the singulars a figure without a noun of its own takes from its clause.
_FOLD, _CLAUSE_NOUNS = fold_nouns(read_lexicon("nouns"))
#: Singular keys: a word that folds to one is a counted noun, never a scope adjective.
_NOUNS = frozenset(_FOLD.values())

def read_units(data: dict[str, Any]) -> tuple[dict[str, str], dict[str, tuple[float, str]], dict[str, dict[str, int]]]:
    """A units lexicon (lexicons/units.toml) as folded form -> unit, unit -> (factor, unit) for
    the units compared in another one, and currency -> {its minor unit: how many make one}.
    A form of two units would be read as one of them by accident: ValueError."""
    unit: dict[str, str] = {}
    equals: dict[str, tuple[float, str]] = {}
    parts: dict[str, dict[str, int]] = {}
    for name, table in data.items():
        base = key(name)
        for form in table["forms"]:
            if unit.setdefault(key(form), base) != base:
                raise ValueError(f"units.toml: «{form}» of «{name}» is already a form of «{unit[key(form)]}»")
        if "equals" in table:
            factor, other = table["equals"]
            equals[base] = (float(factor), key(other))
        if "parts" in table:
            parts[base] = {key(minor): int(n) for minor, n in table["parts"].items()}
    if set(t for _, t in equals.values()) - set(unit.values()):
        raise ValueError("units.toml: a unit is compared in a unit that is not listed")
    return unit, equals, parts


#: Units take the counted noun's place ("165 مليار دولار" counts dollars): folded form -> unit,
#: the units whose figures are compared in another unit, and the minor units of currencies
#: (lexicons/units.toml).
_UNIT, _EQUALS, _PARTS = read_units(read_lexicon("units"))

_QUALIFIERS = read_lexicon("qualifiers")
#: What each side of lexicons/qualifiers.toml makes of a figure: (what, how) for :meth:`_Builder.qualify`.
_SIDES = {"approx": ("approx", ""), "min": ("bound", "min"), "max": ("bound", "max"), "exact": ("exact", "")}


def _qualifier_phrases(table: dict[str, list[str]]) -> list[tuple[tuple[str, ...], str, str]]:
    """Key token sequences of a qualifier table, longest first (ما لا يزيد عن before يزيد عن)."""
    found = [(tuple(key(w) for w in phrase.split()), *_SIDES[side]) for side, phrases in table.items()
             for phrase in phrases]
    return sorted(found, key=lambda item: -len(item[0]))


#: Qualifiers before and after the number (a clitic و/ب on the first word is stripped when matching).
_BEFORE = _qualifier_phrases(_QUALIFIERS["before"])
_AFTER = _qualifier_phrases(_QUALIFIERS["after"])
#: Verbs that qualify a figure across their subject, and the negations that turn them into a bound above.
_VERBS_BEFORE = {key(w): side for side in ("approx", "min") for w in _QUALIFIERS["across_subject"][side]}
_NEGATIONS = frozenset(key(w) for w in _QUALIFIERS["across_subject"]["negations"])
#: Words that open a qualified figure («بنحو ألفي شخص», «أكثر من 300»); «ما» and «لا» open other
#: phrases too.
QUALIFIER_HEADS = frozenset(seq[0] for seq, _, _ in _BEFORE) - {"ما", "لا"}
_OTHERS = {"اخرون", "اخرين", "اخري", "اخر", "اخريات"}
_NAMING = read_lexicon("naming")
#: Words after which a number is a label, not a count (المادة 140, الطريق الوطني رقم 12, اللواء 17).
_LABELS = frozenset(key(w) for w in _NAMING["label"]["nouns"])
#: Words after which any number, digits or words, is a label («رقم»، «المادة الثانية عشرة»).
_ALWAYS_LABELS = frozenset(key(w) for w in _NAMING["label"]["always"])
#: Nouns a number after them indexes (الدقيقة 78, الجولة 12): an ordinal of that noun.
_INDEX = frozenset(key(w) for w in _NAMING["index"]["nouns"])
#: A year after a label number belongs to the name (القانون رقم 25 لسنة 2023).
_LABEL_YEAR = frozenset(key(w) for w in _NAMING["label"]["year_of"])
_SUBSET = {"بينهم", "منهم", "بينها", "منها", "بينهن", "منهن", "ضمنهم"}
_MONTH_ORDINALS = {"الاول", "الثاني"}  # كانون الثاني 2021
_YEAR_WORDS = {"عام", "العام", "سنه", "السنه", "عامي", "منذ", "لعام", "بعام", "وعام", "العامين"}
_MONTHS = set(
    ["يناير", "فبراير", "مارس", "ابريل", "مايو", "يونيو", "يوليو", "اغسطس", "سبتمبر", "اكتوبر", "نوفمبر", "ديسمبر", "يوليوز", "ماي", "غشت", "شتنبر", "نونبر", "دجنبر", "شباط", "اذار", "نيسان", "ايار", "حزيران", "تموز", "اب", "ايلول", "كانون", "تشرين", "محرم", "رمضان", "شوال", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
)
#: Words that never are a counted noun or a scope adjective (prepositions, particles, pronouns).
_STOP = set(
    ["من", "في", "علي", "الي", "عن", "مع", "منذ", "حتي", "خلال", "بعد", "قبل", "عند", "بين", "ضد", "نحو", "او", "ام", "ثم", "قد", "لا", "لم", "لن", "ما", "و", "ف", "ان", "اذا", "التي", "الذي", "الذين", "اللذين", "هذا", "هذه", "ذلك", "تلك", "هو", "هي", "هم", "كل", "بعض", "اي", "اخري", "اخر", "كما", "لكن", "حيث", "وفق", "وفقا", "طبقا", "حسب", "بحسب", "نقلا", "اثر", "عبر", "لدي", "كي", "لكي", "ذي", "فيما", "بينما", "مقابل", "دون", "سوي", "غير", "فقط", "تقريبا", "حوالي", "قرابه", "زهاء", "اكثر", "اقل"]
)
#: Clause boundaries for look-back: punctuation and words that open a new clause.
_BOUNDARY_WORDS = {"عندما", "حيث", "لكن", "بينما", "بعدما", "فيما", "اذ", "الذي", "التي", "الذين"}
_SENTENCE_END = set(".!?؟\n")
_CLAUSE_END = _SENTENCE_END | set("،,;؛:()\"«»“”")
#: Verbs and nouns of change (خفض/تخفيض, قلص/تقليص, ارتفع, زاد/زيادة, انخفض, تراجع ...).
_CHANGE = re.compile(r"خ[اوي]?ف[اوي]?ض|ق[اوي]?ل[اوي]?ص|ر(?:ت)?[اوي]?ف[اوي]?ع|ز[اي]?[اي]?د|تراجع|هبط|نقص")
_EARLIER = {"سابقا"}  # not «بعدما»: «بعدما بلغت الحرارة 49 درجة» is the present level
_WAS = {"كان", "كانت", "وكان", "وكانت"}  # a former level only as كان عدد ... (not the narrative pluperfect)
_COUNT_HEADS = {"عدد", "حجم", "مجموع", "اجمالي"}
_NISBA = re.compile(r"^(?:[وف]?(?:[بك]?ال|لل))?(\w{2,}?)(?:ي|يه|يين|يون|يات|يا)$")
#: Spelling variants of one nisba stem (أميركي/أمريكي).
_VARIANTS = {"اميرك": "امريك"}
#: Plural, dual and pronoun endings cut when folding a noun (the first five are sound plurals
#: and feminine duals, also used without a table hit; ته is جولته -> جوله).
_SUFFIXES = (("تين", "ه"), ("تان", "ه"), ("ات", "ه"), ("ين", ""), ("ون", ""), ("ان", ""), ("ته", "ه"))
_ARTICLE = re.compile(r"^[وف]?(?:[بك]?ال|لل)")


@dataclass
class Quantity:
    """A counted quantity at ``start:end``; its number alone is ``num_start:num_end``."""

    start: int
    end: int
    num_start: int
    num_end: int
    value: float
    low: float
    high: float
    kind: str  # cardinal | ordinal | dual | vague (from compare.facts.numbers)
    text: str = ""
    approx: bool = False
    bound: str | None = None  # "min" | "max"
    exact: bool = False
    unit: str | None = None  # "%", "دولار", ...
    noun: str | None = None  # folded counted-noun key (see noun_key)
    noun_inferred: bool = False  # noun taken from the clause or the previous quantity
    scope: list[str] = field(default_factory=list)  # folded nisba keys ("اجنبي", "امريكي")
    subset: bool = False  # introduced by بينهم/منهم: a part of the previous quantity
    partitive: bool = False  # «19 من القتلى»: a part, if the whole is counted elsewhere
    time: str | None = None  # "earlier" | "later" | "updated" | None


def _bare(word: str) -> str:
    """A key word without its article and the clitics before it (والقوات, بالقواعد -> قواعد)."""
    m = _ARTICLE.match(word)
    return word[m.end():] if m and len(word) - m.end() >= 3 else word


#: «بالدرجة الأولى», «في المقام الأول»: (noun, ordinal) set phrases that are never a figure.
_IDIOMS = frozenset((_bare(key(n)), key(o)) for n in _NAMING["idiom"]["nouns"] for o in _NAMING["idiom"]["ordinals"])


def _stems(word: str) -> list[str]:
    """``word`` without its article, then also without one leading و/ف/ب/ل/ك (only worth trying
    against the tables: the letter is part of لقاء, وزير, بيت)."""
    w = _bare(word)
    return [w, w[1:]] if w[:1] in "وفبلك" and len(w) >= 4 else [w]


def _known(word: str, table: set[str] | dict[str, str]) -> str | None:
    """The form of ``word`` (as is, or without article or one clitic) found in ``table``."""
    return next((w for w in (word, *_stems(word)) if w in table), None)


def _unit_form(word: str) -> str | None:
    """The form of a unit ``word`` found in the units table, its tanween alef cut if need be:
    «50 دولاراً», «60 كيلومتراً», «1200 هكتاراً» are in a unit, not counts of a noun."""
    return _known(word, _UNIT) or _known(_uncase(word), _UNIT)


def _next_clause(word: str) -> bool:
    """«قتل 5 وأصيب 12 آخرون»: an event verb joined by و/ف opens the next clause; it is no noun
    (a noun of a class, «5 وفيات», stays one)."""
    return word[:1] in "وف" and event_at([word], 0) is not None and noun_event(noun_key(word)) is None


@lru_cache(maxsize=1 << 16)
def noun_key(word: str) -> str:
    """Fold a counted noun so that singular, plural, dual and case forms meet (جنود -> جندي).

    Table first (broken plurals, synonyms); otherwise sound plurals and feminine duals are cut
    to the singular (مسلحين -> مسلح, طائرات -> طايره) so that unlisted nouns still meet.
    """
    forms: list[str] = []
    for w in _stems(word):
        w = _uncase(w)
        forms.append(w)
        forms += [w[: -len(a)] + b for a, b in _SUFFIXES if w.endswith(a) and len(w) - len(a) >= 2]
    hit = next((_FOLD[f] for f in forms if f in _FOLD), None)
    if hit:
        return hit
    w = forms[0]
    if len(w) == 5 and w[0] == "ا" and w[3] == "ا":
        return w[1:3] + w[4]  # broken plural afʿāl: اصوات -> صوت, اسلاك -> سلك
    return next((w[: -len(a)] + b for a, b in _SUFFIXES[:5] if w.endswith(a) and len(w) - len(a) >= 3), w)


#: Durations are rarely the same fact across unaligned passages ("8 years since the invasion" vs
#: "the first dialogue in 10 years"): they meet only inside aligned groups.
DURATION_NOUNS = frozenset({"سنه", "عام", "شهر", "يوم", "ساعه", "اسبوع", "دقيقه", "عقد", "ليله"})
#: Instalment nouns as counted-noun keys (المرحلة -> مرحله): an ordinal of one names a stage.
STAGE_NOUNS = frozenset(noun_key(_bare(key(w))) for w in _NAMING["stage"]["nouns"])


def scope_key(word: str) -> str:
    """Fold a nisba adjective: feminine, plural, definite and spelling variants to one key."""
    m = _NISBA.match(word)
    stem = m[1] if m else _bare(word)
    for a, b in _VARIANTS.items():
        stem = stem.replace(a, b)
    return stem + "ي"


#: (noun, adjective) of a unit («درجة مئوية», «ميلاً بحرياً»): part of the figure, no scope of it.
_UNIT_ADJECTIVES = frozenset((noun_key(key(n)), scope_key(key(a)))
                             for n, a in (p.split() for p in _NAMING["unit_adjectives"]["pairs"]))


def _is_nisba(word: str) -> bool:
    return bool(_NISBA.match(word)) and _bare(word) not in _STOP and word not in _STOP


def _is_word(t: Tok) -> bool:
    return "\u0621" <= t.text[0] <= "\u064a"


def _match(tokens: list[Tok], lo: int, seq: tuple[str, ...]) -> int:
    """Length of the clitic on the first word if ``seq`` starts at token ``lo`` (بنحو -> 1), else -1."""
    words = [t.text for t in tokens[max(lo, 0):lo + len(seq)]]
    if lo < 0 or len(words) < len(seq) or words[1:] != list(seq[1:]):
        return -1
    w0 = words[0]
    if w0 == seq[0]:
        return 0
    return 1 if len(w0) == len(seq[0]) + 1 and w0[0] in "وبفل" and w0[1:] == seq[0] else -1


def _clause_start(tokens: list[Tok], i: int, limit: set[str]) -> int:
    """First token of the clause (or sentence, with ``_SENTENCE_END``) that holds token ``i``."""
    j = i - 1
    while j >= 0 and tokens[j].text not in limit:
        if limit is _CLAUSE_END and tokens[j].text in _BOUNDARY_WORDS:
            return j
        j -= 1
    return j + 1


def _years(s: Scan) -> list[Found]:
    """Numbers that are years: four digits 1900-2100 after عام/سنة/منذ or a month name (skipping a
    day and punctuation: "25 تموز 2021", "December 19, 2024"), or joined by و to a year."""
    years: list[Found] = []
    for f in s.numbers:
        t = s.tokens[f.first].text
        if f.first != f.last or not re.fullmatch(r"\d{4}", t) or not 1900 <= f.span.value <= 2100:
            continue
        k = f.first - 1
        while k >= 0 and f.first - k <= 4 and (s.tokens[k].text in "/-،,." or (s.tokens[k].text.isdigit()
                                               and len(s.tokens[k].text) <= 2) or s.tokens[k].text in _MONTH_ORDINALS):
            k -= 1
        near = s.tokens[k].text if k >= 0 else ""
        joined = near == "و" and years and years[-1].last >= f.first - 3
        if near in _YEAR_WORDS or near in _MONTHS or _bare(near) in _MONTHS or joined:
            years.append(f)
    return years


def find_years(text: str) -> list[tuple[int, int, int]]:
    """Years written as numbers (عام 2014, تموز 2021): (start, end, year) for the dates module."""
    return [(f.span.start, f.span.end, int(f.span.value)) for f in _years(scan(text))]


class _Builder:
    """Turns the numbers of one scan into quantities, in reading order."""

    def __init__(self, text: str, s: Scan) -> None:
        self.text, self.s, self.toks = text, s, s.tokens
        self.out: list[Quantity] = []
        self.taken: set[int] = set()  # first tokens of numbers an amount already read (its minor part)
        self.partitive = False  # set by noun_at: the noun follows من («19 من القتلى»)

    def orig(self, first: int, last: int) -> tuple[int, int]:
        return original_span(self.text, self.s.keyed, self.toks[first].start, self.toks[last].end)

    def word(self, i: int) -> str:
        return self.toks[i].text if 0 <= i < len(self.toks) else ""

    def skip(self, f: Found) -> bool:
        """Counters and labels: a number opening a line of at most three tokens ("0 تعليق")."""
        if f.first and self.word(f.first - 1) != "\n":
            return False
        j = f.last + 1
        while j < len(self.toks) and self.word(j) != "\n":
            j += 1
        return j - f.last <= 2

    def build(self, f: Found) -> Quantity:
        """The quantity around number ``f``: qualifiers, unit, noun, scope, subset and time."""
        sp = f.span
        q = Quantity(sp.start, sp.end, sp.start, sp.end, sp.value, sp.low, sp.high, sp.kind)
        first, last, skip = f.first, f.last, 0
        for seq, what, how in _BEFORE:
            clitic = _match(self.toks, f.first - len(seq), seq)
            if clitic >= 0:
                self.qualify(q, what, how)
                first, skip = f.first - len(seq), clitic
                break
        else:
            self.qualify_across_subject(q, f)
        q.subset = bool(_known(self.word(first - 1), _SUBSET))
        self.partitive = False
        j = last + 1
        unit = _unit_form(self.word(j))
        if unit:
            q.unit, last, j = _UNIT[unit], j, j + 1
            last = self.scope(q, last, last)  # دولار أمريكي
            if q.unit in _EQUALS:  # «12 ألف دونم» is compared as 1200 hectares
                factor, q.unit = _EQUALS[q.unit]
                q.value, q.low, q.high = (round(v * factor, 6) for v in (q.value, q.low, q.high))
        elif self.word(f.first - 1) in ("%", "٪") and self.toks[f.first - 1].end == self.toks[f.first].start:
            q.unit = "%"  # ٪15 typed before the digits
        elif self.word(j) == "في" and self.word(j + 1) in ("الميه", "المايه"):
            q.unit, last, j = "%", j + 1, j + 2
        index = f.first - 1 if q.unit is None and self.word(f.first).isdigit() and \
            _known(self.word(f.first - 1), _INDEX) else -1
        if index >= 0:  # «الدقيقة 78»: the 78th minute, an ordinal of the noun before it
            q.kind = "ordinal"
        noun_at = index if index >= 0 else self.noun_at(f, j, q.unit)
        q.partitive = self.partitive
        if noun_at >= 0:
            word = self.word(noun_at)
            parent = self.parent(f)
            if q.subset and parent and parent.noun and _is_nisba(word) and noun_key(word) not in _NOUNS:
                q.noun, q.noun_inferred, q.scope = parent.noun, True, [scope_key(word)]  # بينهم 2500 أمريكي
            else:
                q.noun = noun_key(word)
            first, last = min(first, noun_at), max(last, noun_at)
            if q.kind != "ordinal":
                last = self.scope(q, noun_at, last)
        elif q.unit is None and q.kind != "ordinal":
            self.infer(q, f)
        for seq, what, how in _AFTER:
            if _match(self.toks, last + 1, seq) == 0:
                self.qualify(q, what, how)
                last += len(seq)
                break
        last = self.minor_part(q, last)
        q.time = self.time(f, first)
        q.start = original_span(self.text, self.s.keyed, self.toks[first].start + skip, self.toks[first].end)[0]
        q.end = max(self.orig(last, last)[1], sp.end)
        q.start = min(q.start, sp.start)
        q.text = self.text[q.start:q.end]
        return q

    def minor_part(self, q: Quantity, last: int) -> int:
        """«ديناراً واحداً و450 فلساً» is 1.45 dinars: a number of the currency's minor unit
        after «و» joins the amount (and is not read again). Returns the amount's last token."""
        minors = _PARTS.get(q.unit or q.noun or "")
        nxt = next((g for g in self.s.numbers if g.first == last + 2), None)
        if not minors or self.word(last + 1) != "و" or nxt is None:
            return last
        said = noun_key(self.word(nxt.last + 1))
        per = next((n for minor, n in minors.items() if noun_key(minor) == said), None)
        if per is None or nxt.span.value >= per:
            return last
        q.value, q.low, q.high = (round(v + nxt.span.value / per, 6) for v in (q.value, q.low, q.high))
        self.taken.add(nxt.first)
        return nxt.last + 1

    def noun_at(self, f: Found, j: int, unit: str | None) -> int:
        """Token of the counted noun: after the number (or after من: عشرات من الجرحى, 40% من
        الأصوات), before an ordinal, the dual word itself; -1 when none is written there."""
        if f.span.kind == "ordinal":
            return self.ordinal_noun(f)
        if f.span.kind == "dual" and not number_word(self.word(f.first)):
            return f.first  # the dual noun itself: ساعتين, جنديين اثنين
        before = f.first - 1
        if f.span.value == 1 and number_word(self.word(f.first)) and before >= 0 and _is_word(self.toks[before]) \
                and self.word(before) not in _STOP and not self.is_number(before):
            return before  # «متهماً واحداً»: one follows its noun
        nxt = self.word(j)
        if _known(nxt, _OTHERS):
            return -1  # قتل 5 وأصيب 12 آخرون: the noun is the previous one
        if nxt == "من" and self.word(j + 1).startswith("ال") and (unit == "%" or f.span.kind == "vague"):
            return j + 1
        if nxt == "من" and self.word(j + 1).startswith("ال") and unit is None and f.span.kind == "cardinal" \
                and _is_word(self.toks[j + 1]) and self.word(j + 1) not in _STOP:
            self.partitive = True  # «19 من القتلى»: a part of a set named elsewhere
            return j + 1
        if unit is None and j < len(self.toks) and _is_word(self.toks[j]) and nxt not in _STOP \
                and _bare(nxt) not in _STOP and not self.is_number(j) and not _next_clause(nxt):
            return j
        return -1

    def ordinal_noun(self, f: Found) -> int:
        """The noun an ordinal counts: after indefinite أول (أول لقاء), else the preceding noun
        that agrees in gender (جولة الحوار الرابعة -> جولة), else the word just before."""
        if self.word(f.first) == "اول":
            return f.last + 1 if f.last + 1 < len(self.toks) and _is_word(self.toks[f.last + 1]) else -1
        feminine = self.word(f.last).endswith(("ه", "اولي"))
        before = [k for k in (f.first - 1, f.first - 2) if k >= 0 and _is_word(self.toks[k])
                  and self.word(k) not in _STOP]
        if not before or before[0] != f.first - 1:
            return -1
        agree = [k for k in before if self.word(k).endswith(("ه", "ات")) == feminine]
        return agree[0] if agree else before[0]

    def is_number(self, i: int) -> bool:
        return any(f.first <= i <= f.last for f in self.s.numbers)

    @staticmethod
    def qualify(q: Quantity, what: str, how: str) -> None:
        if what == "approx":
            q.approx = True
        elif what == "bound":
            q.bound = how
        else:
            q.exact = True

    def qualify_across_subject(self, q: Quantity, f: Found) -> None:
        """A verb of approaching or exceeding right before the figure or up to three words before
        it, its subject between them: «التي تتجاوز 20 مليار دولار» is more than 20 billion,
        «يناهز الدين العمومي 80 بالمائة» about 80, «لا يتجاوز عددهم 30» at most 30."""
        for k in range(f.first - 1, max(-1, f.first - 5), -1):
            if not _is_word(self.toks[k]) or number_word(self.word(k)):
                return
            form = _known(self.word(k), _VERBS_BEFORE)  # «ويتجاوز» as «يتجاوز»
            if form:
                verb, negated = _VERBS_BEFORE[form], self.word(k - 1) in _NEGATIONS
                what, how = ("bound", "max") if negated else ("approx", "") if verb == "approx" else ("bound", "min")
                self.qualify(q, what, how)
                return

    def scope(self, q: Quantity, noun_at: int, last: int) -> int:
        """Collect nisba adjectives right after the noun; return the last token used. The
        adjectives of a measure's name are none: «من الناتج المحلي الإجمالي» and «من الناتج الداخلي
        الخام» both name GDP."""
        k = noun_at + 1
        named = event_at([self.word(j) for j in range(noun_at, min(noun_at + 4, len(self.toks)))], 0)
        while k < len(self.toks) and k - noun_at <= 3 and _is_word(self.toks[k]) and _is_nisba(self.word(k)):
            if noun_key(self.word(k)) in _NOUNS or event_at([self.word(j) for j in range(k, min(k + 3, len(self.toks)))], 0):
                break  # a noun, or a verb ending in ى that opens an event («أودى بحياة»)
            key = scope_key(self.word(k))
            if named and k - noun_at < named[1]:
                pass  # part of the measure's name
            elif key not in q.scope and (noun_key(self.word(noun_at)), key) not in _UNIT_ADJECTIVES:
                q.scope.append(key)
            last = max(last, k)
            k += 1
        return last

    def parent(self, f: Found) -> Quantity | None:
        """The previous quantity in the same sentence."""
        if not self.out:
            return None
        start = _clause_start(self.toks, f.first, _SENTENCE_END)
        prev = self.out[-1]
        return prev if prev.num_start >= self.orig(start, start)[0] else None

    def infer(self, q: Quantity, f: Found) -> None:
        """No noun follows: take it from "عدد X", a clause noun before it, or the previous quantity."""
        start = _clause_start(self.toks, f.first, _CLAUSE_END)
        for k in range(f.first - 1, start - 1, -1):
            if _known(self.word(k), _COUNT_HEADS) and k + 1 < f.first and _is_word(self.toks[k + 1]):
                q.noun, q.noun_inferred = noun_key(self.word(k + 1)), True
                self.scope(q, k + 1, k + 1)
                return
        for k in range(f.first - 1, max(start, f.first - 7) - 1, -1):
            if _is_word(self.toks[k]) and noun_key(self.word(k)) in _CLAUSE_NOUNS:
                q.noun, q.noun_inferred = noun_key(self.word(k)), True
                self.scope(q, k, k)
                return
        parent = self.parent(f)
        if parent and parent.noun:
            q.noun, q.noun_inferred = parent.noun, True
            q.scope = list(parent.scope)

    def time(self, f: Found, opening: int) -> str | None:
        """"earlier" for a former level: من X after a verb of change (خفض من 3000), بعدما كان,
        كان عدد ... X; "later" for a planned change (ستخفض ... إلى, سوف); "updated" for the new
        level of a change that happened (ارتفع عدد القتلى ... إلى 53). Read before the figure's
        ``opening`` word, its qualifier left out: «أزيد من أربعين» is "more than forty", no
        increase from forty, and «ارتفع إلى أكثر من 50» is the new level."""
        start = _clause_start(self.toks, opening, _CLAUSE_END)
        before = [self.word(k) for k in range(start, opening)]
        change = [w for w in before if _CHANGE.search(w)]
        if "سوف" in before or any(re.match(r"^و?س[يتن]", w) for w in change) \
                or any(w in FUTURE_WORDS or (w[:1] in "وف" and w[1:] in FUTURE_WORDS) for w in before):
            return "later"  # «ستخفض ... إلى», «من المتوقع أن تبلغ كلفة الدعم 3.5 مليار»
        if change and self.word(opening - 1) == "من":
            return "earlier"
        if self.word(opening - 1) in ("الي", "لي"):  # the new level: the verb may stand clauses before
            sentence = range(max(_clause_start(self.toks, opening, _SENTENCE_END), opening - 15), opening)
            if any(_CHANGE.search(self.word(k)) and not re.match(r"^و?س[يتن]", self.word(k)) for k in sentence):
                return "updated"
        was = [k for k, w in enumerate(before) if w in _WAS]
        if any(w in _EARLIER for w in before) or any(before[k + 1:k + 2] and before[k + 1].startswith(
                tuple(_COUNT_HEADS)) for k in was):
            return "earlier"
        return None

    def run(self) -> list[Quantity]:
        years = {f.first for f in _years(self.s)}
        for f in self.s.numbers:
            if f.first in self.taken or self.is_label(f) or self.is_idiom(f) or f.first in years or self.skip(f) or self.is_date_day(f):
                continue
            self.out.append(self.build(f))
        self.pair_ends()
        return self.out

    def pair_ends(self) -> None:
        """Two ends of one range or list share the second's noun and scale: «ما بين 7 و9 آلاف من
        أنصار الفريق» is 7,000 to 9,000 fans, «بين 16 و19 عاماً» 16 to 19 years."""
        for a, b in zip(self.out, self.out[1:], strict=False):
            if self.text[a.num_end:b.num_start].strip() != "و" or a.unit or (a.noun and not a.noun_inferred) \
                    or a.kind != "cardinal" or a.end > b.num_start:
                continue
            a.noun, a.noun_inferred, a.unit, a.scope = b.noun, b.noun_inferred, b.unit, list(b.scope)
            scale = scale_of(self.text[b.num_start:b.num_end])
            if scale > 1 and a.value < 1000 and a.value * scale <= b.value * 10:
                a.value, a.low, a.high = a.value * scale, a.low * scale, a.high * scale

    def is_label(self, f: Found) -> bool:
        """Numbers that name or rank rather than count: المادة 140, رقم 2254, الطريق الوطني 12,
        اللواء 17, "واحد من" (one of), «الـ23» (an edition), a year after «رقم 25 لسنة»;
        a definite number word after a definite noun («الخشبات الثلاث») refers to a known set."""
        one_of = f.span.value == 1 and f.span.kind == "cardinal" and self.word(f.last + 1) == "من"
        before = self.word(f.first - 1)
        label = self.word(f.first - 2)  # a nisba agrees with its label: «الطريق الوطني 12», not «القانون بأغلبية 118»
        after_nisba = _is_nisba(before) and _known(label, _LABELS) and before.startswith("ال") == label.startswith("ال")
        start = self.orig(f.first, f.first)[0]
        edition = self.word(f.first).isdigit() and _unit_form(self.word(f.last + 1)) is None \
            and re.search(r"(?:^|\s)الـ?\s*$", self.text[max(0, start - 5):start]) is not None
        named_year = before in _LABEL_YEAR and self.is_number(f.first - 2) and bool(_known(self.word(f.first - 3), _LABELS))
        known_set = f.first > 0 and self.word(f.first).startswith("ال") and number_word(self.word(f.first)) \
            and _bare(before) != before and _is_word(self.toks[f.first - 1])
        digits = self.word(f.first).isdigit()  # «جولة رابعة» is an ordinal, «الجولة 5» a name
        named = digits and (bool(_known(before, _LABELS)) or bool(after_nisba))
        measured = bool(_unit_form(self.word(f.last + 1)))  # «الكيلو 12 جنيهاً»: a price, no label
        return one_of or (named and not measured) or bool(_known(before, _ALWAYS_LABELS)) or edition or named_year \
            or known_set

    def is_idiom(self, f: Found) -> bool:
        """An ordinal of a set phrase («بالدرجة الأولى»: mainly), see :data:`_IDIOMS`."""
        return f.span.kind == "ordinal" and f.first > 0 and (_bare(self.word(f.first - 1)), self.word(f.first)) in _IDIOMS

    def is_date_day(self, f: Found) -> bool:
        """A day of the month (25 تموز, 11 حزيران/يونيو) is a date, not a count."""
        near = (self.word(f.last + 1), self.word(f.first - 1))
        return f.first == f.last and f.span.value <= 31 and any(_known(w, _MONTHS) for w in near)


def find_quantities(text: str) -> list[Quantity]:
    """Quantities in ``text`` (years, days of month, counters and excluded numbers left out)."""
    return _Builder(text, scan(text)).run()
