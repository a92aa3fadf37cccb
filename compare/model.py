"""The one data model passed between stages (GUIDE §2).

Articles hold their clean text once; passages, facts and highlights are (start, end)
offsets into it, so every ``text`` shown anywhere is ``article.text[start:end]``.
Renderers only read a finished :class:`Comparison`; JSON is the whole model.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA = "compare-sources/1"
#: Kinds of row that are a difference between outlets, in the order an editor reads them.
DIFFERENCES = ("conflict", "scope", "time", "wording", "compatible")
_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@dataclass
class Article:
    """One outlet's article: its clean text and what we know about where it came from."""

    id: str
    source: str  # file path or URL as given
    text: str  # clean text: the outlet's own characters, page-noise lines removed
    outlet: str | None = None
    published: str | None = None  # ISO date
    published_inferred: bool = False
    date_source: str | None = None  # how the date was found ("manifest", "dateline 26-07-2021", ...)
    outlet_source: str | None = None
    title: str | None = None
    url: str | None = None
    language: str = "ar"
    direction: str = "rtl"
    raw_chars: int = 0  # characters before noise removal
    removed_lines: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)  # metadata that could not be determined
    notes: list[str] = field(default_factory=list)

    position: int = 0  # 1-based place among the compared articles (set by ingest)

    @property
    def label(self) -> str:
        """What a reader calls this article: the outlet, else «مصدر ٤» (its place among the
        articles; the sources table gives its file), else its file name."""
        if self.outlet:
            return self.outlet
        if self.position:
            return "مصدر " + str(self.position).translate(_ARABIC_INDIC)
        return self.id.rsplit(".", 1)[0][:16]

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass
class Span:
    """Offsets into one article's clean text."""

    article: str
    start: int
    end: int
    text: str


@dataclass
class Passage(Span):
    """A sentence (the unit of a claim) with its paragraph as context."""

    id: str = ""
    paragraph: int = 0
    sentence: int = 0
    para_start: int = 0
    para_end: int = 0


@dataclass
class Group:
    """Passages from different outlets that report the same thing."""

    id: str
    kind: str  # verbatim | paraphrase | same-fact
    score: float
    passages: list[Passage]
    pairs: list[dict[str, Any]] = field(default_factory=list)  # per passage pair: a, b, kind, score
    verbatim: list[dict[str, Any]] = field(default_factory=list)  # copied runs: spans on both sides
    differences: list[Span] = field(default_factory=list)  # words that differ between passages
    headlines: list[Passage] = field(default_factory=list)  # headlines of the articles whose lead is here (not compared)


@dataclass
class Frame:
    """What a figure or date measures, so that only figures of one claim meet in a row.

    Each part is a folded key; ``spans`` gives, per part, the (start, end) of the words in the
    article that say it, so a reader can see why two figures were (not) compared.
    """

    event: str | None = None  # event class from compare/facts/lexicons/events.toml ("killed", "seats")
    noun: str | None = None  # counted noun when it adds to the event ("قريه" of "villages cut off")
    unit: str | None = None  # "%", "دولار", "هكتار" ...
    holder: str | None = None  # whose share or count ("حزب النهضه")
    item: str | None = None  # what a price is of ("بنزين عادي" of «سعر لتر البنزين العادي»)
    place: str | None = None  # "wide" (the whole country) or the local place ("بلده تالا")
    part: bool = False  # counts a part of a larger set («بينهم 2500», «19 من القتلى»)
    basis: str | None = None  # what is measured of a set: "annual", "monthly", "core" rate; "highest", "range" ...
    stage: str | None = None  # the instalment its sentence names: "مرحله#2" («في المرحلة الثانية»)
    time: str | None = None  # "year:1994", "provisional", "updated", "earlier", "cumulative"
    source: str | None = None  # who the figure is attributed to ("وزاره الداخليه")
    spans: dict[str, list[int]] = field(default_factory=dict)

    @property
    def specific(self) -> bool:
        """Specific enough to meet figures of other outlets outside aligned passages: the event
        classes of the lexicon say what is counted (the dead, seats, turnout), a noun or a unit
        alone does not («شخص», «%»)."""
        return self.event is not None


@dataclass
class Fact:
    """A quantity, date, name or quote found in an article, with its normalised value."""

    id: str
    article: str
    start: int
    end: int
    text: str
    type: str  # quantity | date | score | name | quote
    value: Any  # number, ISO date string (HH:MM for a time of day), «2-1» for a score, name key, or quote key
    low: float | None = None  # ranges: vague quantities (عشرات = 20..99) and bounds
    high: float | None = None
    approx: bool = False
    bound: str | None = None  # "min" | "max" | None
    exact: bool = False
    form: str | None = None  # quantities: cardinal | ordinal | dual | vague; quotes: "reported" (no marks)
    noun: str | None = None  # folded counted noun ("جندي")
    unit: str | None = None  # "%", "دولار", ...
    scope: list[str] = field(default_factory=list)  # scope words ("اجنبي", "امريكي")
    subset_of: str | None = None  # fact id this one is a part of ("بينهم")
    as_of: str | None = None  # when the value held, if not the article's time
    time: str | None = None  # "earlier" | "later" | None relative to the article's present
    speaker: str | None = None
    slot: str | None = None  # what the fact is about; facts with one slot meet in one row
    passage: str | None = None
    check: str | None = None  # an inconsistency inside the article ("weekday": the named day is wrong)
    frame: Frame | None = None  # quantities and dates: what the value measures


@dataclass
class Value:
    """One outlet's value in a discrepancy row."""

    article: str
    fact: str
    text: str
    value: Any
    note: str = ""  # Arabic note on scope/time ("كل القوات الأجنبية", "رقم عام 2020")

    @property
    def with_note(self) -> str:
        """The value as published, its note in brackets: one line of a table cell."""
        return f"{self.text} ({self.note})" if self.note else self.text


@dataclass
class Discrepancy:
    id: str
    label: str  # short Arabic label of what the row is about
    kind: str  # conflict | scope | time | compatible | agreement | single-source | wording
    values: list[Value]
    slot: str = ""
    group: str | None = None
    explanation: str = ""


@dataclass
class Comparison:
    articles: list[Article]
    groups: list[Group] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    discrepancies: list[Discrepancy] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)
    title: str = ""
    generated: str = ""
    warnings: list[str] = field(default_factory=list)
    schema: str = SCHEMA
    reuse: dict[str, Any] = field(default_factory=dict)  # verbatim reuse per article pair, likely sources (compare.reuse)
    uncovered: list[str] = field(default_factory=list)  # articles in a language the fact readers do not cover

    def article(self, article_id: str) -> Article:
        return next(a for a in self.articles if a.id == article_id)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
