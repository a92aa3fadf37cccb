"""People, organisations and speakers without an NER model (none works offline, GUIDE §4).

Rules over word classes, the classes in lexicons/roles.toml (role nouns, ranks, courtesy titles,
bodies, verbs of saying, function words):

* a *role phrase* is a role noun with its complement (a genitive chain: «وزير الداخلية»،
  «مدير الدفاع المدني»، «الناطق باسم خفر السواحل»، «محافظ جبل الريحان»), then an optional comma
  and a person's name of one to four words («وزير الداخلية، إبراهيم بلقاسم،»);
* a name may also stand alone after a verb of saying when a boundary follows it («وقالت ريم
  العتيبي، ...»), and a surname alone resolves to the full name met earlier («وقال بلقاسم»);
* a body speaks too («وقالت وزارة الصحة»، «أعلنت الأمم المتحدة»), and a role without a name
  («أكد الناطق باسم الجيش»); a function word, a word ending in a preposition or a single common
  noun never does.

The names found in *all* articles of the comparison make a gazetteer; spelling variants of one
person (ترمب/ترامب، كاردوسو/كاردوزو، يوسف الهاملي/يوسف بن حمدان الهاملي) share one key, the
consonant skeleton of the fullest form.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache, lru_cache

from ..normalize import keyed
from ..words import STOPWORDS, consonants
from .roles import Roles, bare, fold, roles

_WORD = re.compile(r"[^\W\d_]+")
_QAF = str.maketrans({"ق": "ج"})  # names transliterate the hard g as ق too (ماكغورك/ماكقورك)
#: Name openers that bind the next word (أبو مهدي المهندس, عبد الله, يوسف بن حمدان).
_OPENERS = frozenset({"ابو", "ابي", "عبد", "بن", "ابن", "ام", "بنت", "ال"})
#: Punctuation (and digits) between two words: the phrase cannot run across it.
_HARD = re.compile(r"[.:؛;!?؟\"“”«»()\[\]\n\d]")
_COMMA = re.compile(r"[،,]")
_QUOTES = frozenset("\"“”«»„")
_PUNCT = re.compile(r"[،,.:؛;!?؟\"“”«»()\[\]\n]")
_TANWEEN = re.compile("[\u064b-\u064d]")
#: Words that follow a speaker's name: «أن»، «إن»، and where or to whom it was said.
_AFTER_SPEAKER = frozenset({"ان", "انه", "انها", "بان", "في", "خلال", "عقب", "لدي", "امام", "ل", "اثناء", "اليوم",
                            "امس", "مساء", "صباح", "بعد", "قبل", "ايضا", "قد", "كان", "يوم"})
_DEFINITE = re.compile(r"^(?:[وف]?[بلك]?ال|[وف]?لل)")
_PREP_ARTICLE = re.compile(r"^(?:[وف]?[بلك]ال|[وف]?لل|[وف]ال)")  # «بالجماهير»، «للشعلة»: never in a name


@dataclass(frozen=True)
class NameMention:
    start: int
    end: int
    key: str  # skeleton key shared by spelling variants
    title: str | None = None


@lru_cache(maxsize=1 << 16)
def skeleton(word: str) -> str:
    """Consonant skeleton of one name word: its first letter, then the rest without long vowels,
    ال dropped; ترمب/ترامب, ماكغورك/ماكجورك meet (unlike words.skeleton, no clitic is stripped:
    فؤاد is not ف + ؤاد)."""
    if word.startswith("ال") and len(word) > 4:
        word = word[2:]
    return word[:1] + consonants(word[1:]).translate(_QAF)


def name_key(words: list[str]) -> str:
    """Key of a name: skeletons of its words, so ترمب and ترامب meet."""
    return " ".join(skeleton(w) for w in words)


@lru_cache(maxsize=64)
def _words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, key) of each word; cached because the gazetteer and the finder both need it."""
    k = keyed(text, yeh=False)
    out = []
    for m in _WORD.finditer(k.key):
        s, e = k.span(m.start(), m.end())
        out.append((s, e, m.group()))
    return out


def _definite(word: str) -> bool:
    """The word carries the article, with at least two letters after it («والي» does not)."""
    m = _DEFINITE.match(word)
    return bool(m) and len(word) - m.end() >= 2


@lru_cache(maxsize=1 << 16)
def _strip(word: str) -> tuple[str, ...]:
    """Lookup forms of a word key: itself, without و/ف, without its article (ال, لل). Memoised:
    every word of every article is looked up against each class of the lexicon."""
    forms = [word]
    if word[:1] in "وف" and len(word) > 3:
        forms.append(word[1:])
    out = []
    for w in forms:
        out.append(bare(w))
        if w.startswith("لل") and len(w) > 4:
            out.append(w[2:])
    return tuple(out)


@lru_cache(maxsize=1 << 16)
def _first_forms(word: str, lam: bool) -> tuple[str, ...]:
    """Forms the first word of a lexicon entry may take: و/ف and the article cut, with ``lam``
    also the preposition ل («للحكومة»)."""
    first = list(_strip(word))
    if lam:
        if word.startswith("لل") and len(word) > 4:
            first.append(word[2:])
        elif word.startswith("ل") and len(word) > 3:
            first += [bare(word[1:]), word[1:]]
    return tuple(first)


@cache
def _heads(entries: frozenset[tuple[str, ...]]) -> dict[str, int]:
    """First word of the entries -> the longest entry it starts (lexicon sets are built once)."""
    heads: dict[str, int] = {}
    for entry in entries:
        heads[entry[0]] = max(heads.get(entry[0], 0), len(entry))
    return heads


class Tokens:
    """The words of one text with their lookup forms and what stands between them."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words = _words(text)
        self.keys = [w[2] for w in self.words]
        self.folded = [fold(k) for k in self.keys]
        self.starts = [w[0] for w in self.words]
        self.roles: dict[int, tuple[str, int, bool, str] | None] = {}  # _role's answers by word
        self.tanween = [bool(_TANWEEN.search(text, s, e)) for s, e, _ in self.words]
        #: the word ends in the letter ه as written (a pronoun: «اسمه»، «مدربه»), not in ة
        self.ha = [text[s:e].rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652").endswith("ه")
                   and not k.endswith(("له", "طه")) for s, e, k in self.words]
        self.lex: Roles = roles()

    def __len__(self) -> int:
        return len(self.words)

    def index(self, offset: int) -> int:
        """First word starting at or after ``offset``."""
        return bisect_left(self.starts, offset)

    def gap(self, i: int) -> str:
        """Characters between word i - 1 and word i."""
        return self.text[self.words[i - 1][1]:self.words[i][0]] if 0 < i < len(self.words) else ""

    def hard(self, i: int) -> bool:
        """Punctuation, a digit or a line break (not a comma) before word i, or i is out of range."""
        return i <= 0 or i >= len(self.words) or bool(_HARD.search(self.gap(i)))

    def comma(self, i: int) -> bool:
        return 0 < i < len(self.words) and bool(_COMMA.search(self.gap(i)))

    def quoted(self, i: int) -> bool:
        """Only quote marks before word i: a body's name in quotes («باسم “البنتاجون” جون كيربي»)."""
        gap = self.gap(i)
        return 0 < i < len(self.words) and any(c in _QUOTES for c in gap) and all(c in _QUOTES or c.isspace() for c in gap)

    def punct(self, i: int) -> bool:
        """Punctuation (not a digit) before word i, or the end."""
        return i >= len(self.words) or bool(_PUNCT.search(self.gap(i)))

    def stop(self, i: int) -> bool:
        """Any punctuation before word i (or the end): a name or phrase ends there."""
        return i >= len(self.words) or self.hard(i) or self.comma(i)

    # -- word classes -------------------------------------------------------------------------
    def function(self, i: int) -> bool:
        """A function word or number word, also behind و/ف or ب/ل («وله»، «بثلاثة»)."""
        w = self.folded[i]
        if w in self.lex.function or w in STOPWORDS or (len(w) < 2 and w != "د"):
            return True
        rest = w[1:] if w[:1] in "وفبل" else ""
        if (bare(w),) in self.lex.titles or (bare(w),) in self.lex.organisations:
            return False  # «والي» is a governor, not و + «إلى»
        return len(rest) > 1 and (rest in self.lex.function or rest in STOPWORDS)

    def verb(self, i: int) -> bool:
        w = self.folded[i]
        return w in self.lex.verbs or (w[:1] in "وف" and w[1:] in self.lex.verbs)

    def participle(self, i: int) -> bool:
        w = self.folded[i]
        return w in self.lex.participles or (w[:1] in "وف" and w[1:] in self.lex.participles)

    def speech_noun(self, i: int) -> bool:
        return self.folded[i] in self.lex.speech_nouns

    def time(self, i: int) -> bool:
        return any(f in self.lex.time for f in _strip(self.folded[i]))

    def modifier(self, i: int) -> bool:
        return any(f in self.lex.modifiers for f in _strip(self.folded[i]))

    def document(self, i: int) -> bool:
        return any(f in self.lex.documents for f in _strip(self.folded[i]))

    def find(self, i: int, entries: frozenset[tuple[str, ...]], *, lam: bool = False) -> tuple[str, ...]:
        """The longest entry of ``entries`` starting at word i (empty if none); the first word may
        carry و/ف and the article, with ``lam`` also the preposition ل."""
        if i >= len(self.words):
            return ()
        heads = _heads(entries)
        first = [f for f in _first_forms(self.folded[i], lam) if f in heads]
        if not first:
            return ()  # most words start no entry: answer before building any tuple
        longest = min(max(heads[f] for f in first), len(self.words) - i)
        free = 1  # words i .. i + free - 1 have no punctuation between them
        while free < longest and not self.stop(i + free):
            free += 1
        for n in range(free, 0, -1):
            rest = tuple(bare(self.folded[i + m]) for m in range(1, n))
            for f in first:
                if (f, *rest) in entries and not (self.ha[i] and f.endswith("ه")):  # «مدربه» is not «مدربة»
                    return (f, *rest)
        return ()

    def match(self, i: int, entries: frozenset[tuple[str, ...]], *, lam: bool = False) -> int:
        """Words of the longest entry of ``entries`` at word i (0 if none)."""
        return len(self.find(i, entries, lam=lam))

    def lexical(self, i: int) -> bool:
        """A word of a class: never part of a person's name."""
        lex = self.lex
        return self.function(i) or self.verb(i) or self.participle(i) or self.speech_noun(i) \
            or self.time(i) or self.modifier(i) or self.document(i) \
            or any(self.match(i, s, lam=True) for s in (lex.titles, lex.ranks, lex.anonymous, lex.organisations)) \
            or self.honorific(i)

    def honorific(self, i: int) -> int:
        """Words of a courtesy title or rank written with the article («القاضي»، «العقيد»)."""
        if i >= len(self.words):
            return 0
        if self.folded[i] == "د":
            return 1
        if not _definite(self.folded[i]):
            return 0
        return self.match(i, self.lex.honorifics) or self.match(i, self.lex.ranks)

    def boundary(self, i: int) -> bool:
        """Where a name may end: punctuation, the end, a function or class word, or a word that
        carries a preposition («لديارنا»، «بمقعده»)."""
        if self.stop(i):
            return True
        w = self.folded[i]
        return self.lexical(i) or (w[:1] in "لب" and len(w) > 4) or bool(_PREP_ARTICLE.match(w))

    def strong(self, i: int) -> bool:
        """Where a name standing without a role ends: punctuation, a verb of saying, «أن»، a role
        (an apposition), or a preposition that follows a speaker («في»، «خلال»، «لـ»)."""
        if self.stop(i):
            return True
        w = self.folded[i]
        return w in _AFTER_SPEAKER or self.verb(i) or self.participle(i) or self.speech_noun(i) \
            or bool(self.match(i, self.lex.titles)) or (w[:1] == "ل" and len(w) > 3 and not _definite(w))


@dataclass(frozen=True)
class Phrase:
    """A speaker phrase as word indices: [first, last) the whole, [name_first, name_last) the
    person's name inside it (empty when the phrase is a role or a body only)."""

    kind: str  # person | role | org | anonymous | surname
    first: int
    last: int
    name_first: int = 0
    name_last: int = 0
    role_first: int = 0
    role_last: int = 0
    head: str = ""  # folded role or body noun («وزير»، «شرطه»), for a bare role's antecedent
    weak: bool = False  # a name after a role with no boundary after it: a name only if known elsewhere

    @property
    def named(self) -> bool:
        return self.name_last > self.name_first


def _complement(t: Tokens, k: int, open_: bool) -> tuple[int, bool]:
    """End of the complement of a role noun or body starting at word k, and whether it ended on a
    definite word (closed). ``open_``: the noun is indefinite and wants a genitive («وزير ...»)."""
    n = len(t)
    closed = not open_
    first = k
    while k < n and (not t.stop(k) or (k > first and t.quoted(k) and t.folded[k - 1] == "باسم")):
        w = t.folded[k]
        if w == "باسم":  # «الناطق (الرسمي) باسم الحرس البحري»
            k, open_, closed = k + 1, True, False
            continue
        if t.function(k) or t.time(k) or t.verb(k) or t.participle(k) or t.speech_noun(k) or t.honorific(k):
            break
        if _definite(w):
            if w[:1] == "ب" or w[:2] in ("وب", "فب", "كا"):
                break  # «بالجماهير»: a prepositional phrase, not the role's genitive
            k, open_, closed = k + 1, False, True
            continue
        nxt = k + 1 < n and not t.stop(k + 1) and _definite(t.folded[k + 1]) and not t.honorific(k + 1)
        if w[:1] in "ول" and len(w) > 4 and nxt and closed:
            k, open_, closed = k + 1, True, False  # «لشؤون الهجرة»، «ومكافحة الفساد»
            continue
        if not open_:
            if w.endswith("ي") and len(w) > 3 and not closed and not t.lexical(k):
                k += 1  # «مسؤول دفاعي»: an indefinite nisba adjective
                continue
            break
        run = k  # indefinite words (construct nouns, proper nouns) up to a definite one
        while run < n and run - k < 3 and not (run > k and t.stop(run)) and not _definite(t.folded[run]) \
                and not (t.function(run) or t.time(run) or t.verb(run) or t.participle(run)):
            run += 1
        if run < n and run > k and not t.stop(run) and _definite(t.folded[run]) and not t.honorific(run) \
                and not t.function(run) and not t.time(run):
            k = run  # «هيئة النزاهة»، «جبل الريحان»، «قرنيطة سليم العيادي» (carved later)
            continue
        took = k
        while took < run and (t.match(took, t.lex.organisations) or t.match(took, t.lex.titles)
                              or (t.folded[took].endswith("ي") and len(t.folded[took]) > 3)):
            took += 1  # «شرطة ولاية ...»، «مسؤول دفاعي أمريكي»
        if took == run - 1 and t.boundary(run) and not t.lexical(took):
            took = run  # one proper noun: «والي قرنيطة»
        k, closed = took, False
        break
    return k, closed


def _name_word(t: Tokens, i: int, *, first: bool, alone: bool) -> bool:
    """Whether word i can be part of a person's name. Never a class word, a word with tanween
    («تمهيداً»), a preposition and article («بالجماهير»), a pronoun suffix («عزمها») or a plural
    verb («سلّموا»); a first name is not definite, nor a plural («معطيات»، and without a role
    before it «ناشطون»)."""
    w = t.folded[i]
    if not first and t.keys[i] == "علي" and (t.folded[i - 1] in _OPENERS or t.boundary(i + 1)):
        return True  # «مراد بن علي»: the name علي, not the preposition على typed with ي
    if len(w) < 2 or t.lexical(i) or t.tanween[i] or t.ha[i] or _PREP_ARTICLE.match(w) \
            or w.endswith(("ها", "هم", "هما", "وا")) or (alone and w.endswith("ات")):
        return False
    if first:
        return not w.endswith("ات") and not (alone and w.endswith("ون"))
    return True


def _name(t: Tokens, k: int, *, strict: bool, single: bool = False, alone: bool = False) -> int:
    """End of a person's name starting at word k (k when there is none): one to four words, no
    class word, no punctuation inside. Past two words only with an opener (بن، عبد، أبو) or when
    punctuation follows; ``strict``: a boundary must follow the name; ``single``: one word may do
    (after a courtesy title or rank); ``alone``: no role before it."""
    n = len(t)
    if k >= n or (_definite(t.folded[k]) and not single) or not _name_word(t, k, first=True, alone=alone):
        return k
    end = k + 1
    while end < n and end - k < 4 and not t.stop(end) and _name_word(t, end, first=False, alone=alone):
        family = _definite(t.folded[end]) and not _definite(t.folded[end - 1])  # «خالد بن سالم الراشدي»
        if end - k >= 2 and t.folded[end - 1] not in _OPENERS and t.folded[end] not in _OPENERS and not family \
                and not (t.punct(end + 1) and t.folded[end][:1] not in "لب"):
            break
        end += 1
    while end > k and t.folded[end - 1] in _OPENERS:
        end -= 1  # «يوسف بن» is not a whole name
    if end - k < 2 and not single:
        return k
    if strict and not (t.strong(end) if alone else t.boundary(end)):
        return k
    if not single and end - k == 2 and _definite(t.folded[k + 1]) and t.folded[k + 1].endswith("ه"):
        return k  # «أعيان المدينة»: a noun and its genitive, not a first name and a family name
    return end


@lru_cache(maxsize=64)
def tokens_of(text: str) -> Tokens:
    """The words of an article, built once for the gazetteer, names and quotes (they read the
    same articles), with the roles found so far."""
    return Tokens(text)


def _role(t: Tokens, i: int) -> tuple[str, int, bool, str] | None:
    """A role or body noun at word i with its complement: (kind, end, closed, head). Memoised
    on the tokens: the gazetteer, names and quotes each ask it for every word."""
    if i not in t.roles:
        t.roles[i] = _read_role(t, i)
    return t.roles[i]


def _read_role(t: Tokens, i: int) -> tuple[str, int, bool, str] | None:
    lex = t.lex
    if t.function(i) or t.time(i) or t.verb(i):
        return None
    for kind, entries in (("role", lex.titles), ("rank", lex.ranks), ("org", lex.organisations),
                          ("anonymous", lex.anonymous)):
        entry = t.find(i, entries)
        if entry:
            size = len(entry)
            last = t.folded[i + size - 1]
            if kind == "rank":  # «العقيد منصف القابسي»: the name follows at once
                return kind, i + size, True, entry[0]
            end, closed = _complement(t, i + size, open_=not _definite(last))
            return kind, end, closed or (end == i + size and _definite(last)), entry[0]
    size = t.honorific(i)
    if size:
        return "rank", i + size, True, bare(t.folded[i])
    return None


def phrase_at(t: Tokens, i: int, *, after_verb: bool = True) -> Phrase | None:
    """The speaker phrase starting at word i, or None. ``after_verb``: right after a verb of
    saying, where a name may stand alone."""
    n = len(t)
    if i >= n or t.function(i) or t.time(i) or t.modifier(i) or t.verb(i) or t.participle(i):
        return None
    k, role_kind, head, closed, role_last = i, None, "", True, i
    while k < n:
        found = _role(t, k)
        if found is None:
            if _definite(t.folded[k]) and t.folded[k].endswith("ي") and not t.lexical(k) \
                    and _name(t, k + 1, strict=True) > k + 1 and not t.stop(k + 1):
                found = ("descriptor", k + 1, True, "")  # «البرتغالي ميجيل كاردوزو،»
            else:
                break
        kind, end, closed, h = found
        if role_kind is None or role_kind == "descriptor":
            role_kind, head = kind, h or head
        k = role_last = end
        if k + 1 < n and t.folded[k] == "في" and not t.stop(k) and not t.stop(k + 1) and _definite(t.folded[k + 1]):
            place, _ = _complement(t, k + 1, open_=False)  # «مدير الدفاع المدني في المحافظة، العقيد ...»
            if place < n and not t.hard(place) and t.honorific(place):
                k = role_last = place
        if k < n and t.comma(k) and not t.hard(k) and _role(t, k) is not None:
            continue  # «رئيس الهيئة، القاضي فؤاد الحايك»
        if k < n and not t.stop(k) and t.honorific(k):
            continue  # «النائب العام المستشار فيصل الكعبي»
        break
    if role_kind is not None:
        start_name, comma = k, k < n and t.comma(k) and not t.hard(k)
        if role_kind not in ("org", "anonymous") and (not t.hard(k) or t.quoted(k)):
            end = _name(t, start_name, strict=not closed or comma, single=role_kind == "rank")
            if end > start_name:
                return Phrase("person", i, end, start_name, end, i, role_last, head, weak=not t.boundary(end))
            carved = _carve(t, i, role_last)
            if carved:
                return Phrase("person", i, role_last, carved, role_last, i, carved, head)
        if role_kind == "descriptor":
            return None  # «البرتغالي» without the name it describes
        kind = {"rank": "role", "descriptor": "role"}.get(role_kind, role_kind)
        return Phrase(kind, i, role_last, role_first=i, role_last=role_last, head=head)
    if not after_verb:
        return None
    end = _name(t, i, strict=True, alone=True)
    if end > i:  # a name first, its role after a comma («وقالت ريم العتيبي، كبيرة الاقتصاديين»)
        after = _role(t, end) if end < n and t.comma(end) and not t.hard(end) else None
        if after is not None:
            return Phrase("person", i, end, i, end, end, after[1], after[3])
        return Phrase("person", i, end, i, end)
    if t.boundary(i + 1) and len(t.folded[i]) > 2 and not t.lexical(i):
        return Phrase("surname", i, i + 1, i, i + 1)
    return None


def _carve(t: Tokens, first: int, last: int) -> int | None:
    """A name at the end of what read as a role's complement («والي قرنيطة سليم العيادي،»):
    the last two words, the first of them indefinite, with a boundary after and one word of
    complement left before them."""
    if last - first < 4 or not t.boundary(last):
        return None
    a = last - 2
    w = t.folded[a]
    if _definite(w) or t.lexical(a) or t.lexical(a + 1) or (w[:1] == "و" and len(w) > 4) or t.stop(a) \
            or t.stop(a + 1) or t.match(a - 1, t.lex.titles) or (t.match(a - 1, t.lex.organisations) \
            and a - 1 == first):
        return None
    return a


def phrases(text: str) -> list[Phrase]:
    """Every phrase of a text that names a person (after a role noun, rank or courtesy title
    anywhere, and after a verb of saying) or a body of two words or more: one that speaks, one
    that has a spokesman («الناطق باسم جهاز خفر السواحل») and any two-word body of the lexicon
    («الأمم المتحدة»، «خفر السواحل»)."""
    t = tokens_of(text)
    out: list[Phrase] = []
    i = 0
    while i < len(t):
        entry = t.find(i, t.lex.organisations)
        if len(entry) >= 2:
            out.append(Phrase("org", i, i + len(entry)))
        p = None
        after_verb = i > 0 and (t.verb(i - 1) or t.folded[i - 1] == "باسم") and not t.stop(i)
        if _role(t, i) is not None:
            p = phrase_at(t, i, after_verb=False)
        elif after_verb:
            p = phrase_at(t, i)
        if p is not None and p.kind == "org" and after_verb and p.last - p.first >= 2:
            out.append(p)
        if p is not None and p.named and p.kind == "person":
            out.append(p)
            for j in range(p.role_first + 1, p.role_last):  # the body a spokesman speaks for
                body = phrase_at(t, j, after_verb=False) if t.folded[j - 1] == "باسم" else None
                if body is not None and body.kind == "org" and body.last - body.first >= 2:
                    out.append(Phrase("org", body.first, min(body.last, p.role_last)))
            i = p.last
        else:
            i += 1
    return out


@dataclass
class Gazetteer:
    """Names found after titles and verbs of saying in all articles: full names by key (each
    variant to the key of its fullest form), surnames by skeleton."""

    full: dict[str, str] = field(default_factory=dict)  # skeleton key of a name -> canonical key
    surnames: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # skeleton -> (word, canonical)


def _same_person(a: list[str], b: list[str]) -> bool:
    """Two name keys of one person: the same first name (with its opener) and the same or a
    one-letter-apart surname; middle names may be missing («يوسف الهاملي»/«يوسف بن حمدان الهاملي»)."""
    head_a = a[:2] if a[0] in ("عبد", "ابو", "ام") else a[:1]
    head_b = b[:2] if b[0] in ("عبد", "ابو", "ام") else b[:1]
    if head_a != head_b or len(a) < 2 or len(b) < 2 or len(head_a) >= len(a) or len(head_b) >= len(b):
        return False
    x, y = a[-1], b[-1]
    return x == y or (min(len(x), len(y)) >= 4 and _close(x, y))


def gazetteer(texts: list[str]) -> Gazetteer:
    """Collect the names of the comparison and join the spellings of one person."""
    names: dict[str, list[str]] = {}
    seen: dict[str, int] = {}
    weak: set[str] = set()
    strong: set[str] = set()
    alone: Counter[str] = Counter()  # skeleton of every word, to see a surname stand alone
    bodies: set[str] = set()
    for text in texts:
        keys = [w[2] for w in _words(text)]
        alone.update(skeleton(k) for k in keys)
        for p in phrases(text):
            if p.kind == "org":
                bodies.add(name_key(keys[p.first:p.last]))
                continue
            words = keys[p.name_first:p.name_last]
            k = name_key(words)
            names.setdefault(k, words)
            seen[k] = seen.get(k, 0) + 1
            (weak if p.weak else strong).add(k)
    for k in weak - strong:  # «رئيس الدولة دعوة لعقد الجلسة»: kept only if written again
        if seen[k] < 2 and alone[k.split()[-1]] < 2:
            del names[k]
    found = Gazetteer()
    order = sorted(names, key=lambda k: (-len(k.split()), -seen[k], k))  # the fullest form first
    for k in order:
        parts = k.split()
        found.full[k] = next((c for c in order[:order.index(k)] if found.full.get(c) == c
                              and _same_person(parts, c.split())), k)
    for k, words in names.items():
        surname = words[-1].removeprefix("ال")
        entry = (surname, found.full[k])
        bucket = found.surnames.setdefault(skeleton(surname), [])
        if entry not in bucket:
            bucket.append(entry)
    for k in bodies:  # bodies are found by their whole name only, never by a last word
        found.full.setdefault(k, k)
    return found


def _one_deletion(word: str) -> set[str]:
    """The word and every form of it with one letter deleted."""
    return {word, *(word[:i] + word[i + 1:] for i in range(len(word)))}


def _close(a: str, b: str) -> bool:
    """One edit apart at most (ترمب/ترامب), so a surname's skeleton twin (بدون/بايدن) is not it."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def find_names(text: str, names: Gazetteer) -> list[NameMention]:
    """Mentions of gazetteer names: full names (any spelling variant), then surnames alone."""
    words = _words(text)
    skels = [skeleton(w[2]) for w in words]
    lex = roles()
    found = []
    i = 0
    while i < len(words):
        for size in (4, 3, 2):
            key = " ".join(skels[i:i + size])
            if len(skels[i:i + size]) == size and key in names.full \
                    and not re.search(r"[،,.:؛;!?؟\"“”«»()\[\]]", text[words[i][1]:words[i + size - 1][0]]):
                found.append(NameMention(words[i][0], words[i + size - 1][1], names.full[key]))
                i += size
                break
        else:
            word = words[i][2].removeprefix("ال")
            folded = fold(words[i][2])
            full = next((f for raw, f in names.surnames.get(skels[i], []) if _close(word, raw)), None)
            if full and len(word) > 2 and folded not in lex.function and folded not in STOPWORDS:
                found.append(NameMention(words[i][0], words[i][1], full))
            i += 1
    return found


# -- speakers ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Speaker:
    """Who says something: ``key`` lets two outlets' spellings of one person meet (the name's
    canonical skeleton; for a body or an unnamed role, the skeleton of its words); ``start`` and
    ``end`` are the article's own characters (role and name as written); ``role`` the role as
    written, if any."""

    key: str
    start: int
    end: int
    role: str | None = None
    kind: str = "person"  # person | role | org | anonymous


class Speakers:
    """Speaker phrases of one article, resolved: a name to its gazetteer key, a surname alone
    («وقال بلقاسم») or a role without a name («وقال الوالي»، «رئيس الوزراء العراقي أشار») to the
    person named earlier in the article with that surname or that role."""

    def __init__(self, text: str, mentions: list[NameMention]) -> None:
        self.t = tokens_of(text)
        self.text = text
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self._mention_starts = [m.start for m in self.mentions]
        self._roles: list[tuple[int, Phrase]] | None = None  # every named role phrase, by offset
        self._by_last_word: dict[str, list[tuple[int, str]]] | None = None  # see _full_names_ending_near

    def _span(self, first: int, last: int) -> tuple[int, int]:
        return self.t.words[first][0], self.t.words[last - 1][1]

    def _role_word(self, i: int) -> str:
        """A role word without its clitics, as the lexicon writes it («للحكومة» -> «حكومه»)."""
        t = self.t
        forms = _strip(t.folded[i])
        lex = t.lex
        found = next((f for f in forms if (f,) in lex.titles or (f,) in lex.organisations or (f,) in lex.anonymous
                      or f in lex.modifiers), None)
        if found is not None:
            return found
        w = forms[-1] if t.folded[i].startswith("لل") else forms[0]
        return bare(w[1:]) if w[:1] in "لب" and len(w) > 4 else w  # «لرئاسة» -> «رئاسه»

    def role_key(self, first: int, last: int) -> str:
        return name_key([self._role_word(i) for i in range(first, last) if not self.t.function(i)])

    def _person(self, p: Phrase) -> str | None:
        """Gazetteer key of the name in a person phrase; None for a weak name nobody else writes."""
        s, e = self._span(p.name_first, p.name_last)
        i = bisect_left(self._mention_starts, s + 1) - 1
        m = self.mentions[i] if i >= 0 and self.mentions[i].start <= s and self.mentions[i].end >= e else None
        if m is None and p.weak:
            return None
        return m.key if m else name_key(self.t.keys[p.name_first:p.name_last])

    def resolve(self, p: Phrase) -> Speaker | None:
        """The speaker a phrase names, or None when it names nobody (an unknown single word)."""
        start, end = self._span(p.first, p.last)
        role = self.text[slice(*self._span(p.role_first, p.role_last))] if p.role_last > p.role_first else None
        if p.kind == "person":
            key = self._person(p)
            if key is not None:
                return Speaker(key, start, end, role, "person")
            if p.role_last <= p.role_first:
                return None
            p = Phrase("role", p.role_first, p.role_last, role_first=p.role_first, role_last=p.role_last, head=p.head)
            start, end = self._span(p.first, p.last)  # «رئيس الدولة دعوة لعقد»: the role speaks
        if p.kind == "surname":
            return self._surname(p, start, end)
        earlier = self._earlier(p, start)
        if earlier is not None:  # «وقال الوالي»: the governor named before
            return Speaker(earlier.key, start, end, role, earlier.kind)
        # a body or an unnamed role: its own key space, so that it never passes for a person's name
        return Speaker(f"{p.kind}:{self.role_key(p.role_first, p.role_last)}", start, end, role, p.kind)

    def _named_roles(self) -> list[tuple[int, Phrase]]:
        if self._roles is None:
            t = self.t
            self._roles = []
            i = 0
            while i < len(t):
                p = phrase_at(t, i, after_verb=False) if _role(t, i) is not None else None
                if p is not None and p.role_last > p.role_first and (p.kind == "person" or p.last - p.first > 1):
                    self._roles.append((t.words[i][0], p))
                    i = p.last
                else:
                    i += 1
        return self._roles

    def _earlier(self, p: Phrase, before: int) -> Speaker | None:
        """The last person named before offset ``before`` with the role of ``p``: the same head
        noun for a bare role, the same role words otherwise."""
        bare_role = p.role_last - p.role_first == 1
        want = self.role_key(p.role_first, p.role_last)
        for offset, q in reversed(self._named_roles()):
            if offset >= before or q.head != p.head:
                continue
            if q.kind != "person":  # «وأضاف المسؤول» after «وقال مسؤول دفاعي أمريكي كبير»
                if bare_role:
                    return Speaker(f"{q.kind}:{self.role_key(q.role_first, q.role_last)}",
                                   *self._span(q.first, q.last), None, q.kind)
                continue
            if bare_role or self.role_key(q.role_first, q.role_last).startswith(want):
                key = self._person(q)
                if key is not None:
                    return Speaker(key, *self._span(q.first, q.last), None, "person")
        return None

    def _full_names_ending_near(self, skel: str) -> list[tuple[int, str]]:
        """(index, last-word skeleton) of the full names (two words or more) whose last word may be
        one edit from ``skel``, newest first. Indexed once per article by each skeleton and its
        one-letter deletions (two skeletons one edit apart share one of these); a long article
        has thousands of names and surnames, and scanning them all per surname was quadratic."""
        if self._by_last_word is None:
            self._by_last_word = defaultdict(list)
            for j, m in enumerate(self.mentions):
                words = _words(self.text[m.start:m.end])
                if len(words) >= 2:
                    last = skeleton(words[-1][2].removeprefix("ال"))
                    for variant in _one_deletion(last):
                        self._by_last_word[variant].append((j, last))
        return sorted({hit for variant in _one_deletion(skel) for hit in self._by_last_word.get(variant, ())},
                      reverse=True)

    def _surname(self, p: Phrase, start: int, end: int) -> Speaker | None:
        """A surname alone: the last full name before it in the article that ends in it, else
        the gazetteer's person with that surname."""
        word = self.t.keys[p.first].removeprefix("ال")
        skel = skeleton(word)
        i = bisect_left(self._mention_starts, start)
        for j, last in self._full_names_ending_near(skel):
            if j < i and _close(last, skel):
                return Speaker(self.mentions[j].key, start, end, None, "person")
        if i < len(self.mentions) and self.mentions[i].start == start:
            return Speaker(self.mentions[i].key, start, end, None, "person")
        return None
