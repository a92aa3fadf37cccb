"""The project's scorer: how far a comparison is from a hand-annotated gold file.

The metrics are those of the shared evaluator (``../shared/tools/evaluate.py``), written again
here so the repository scores itself without it; ``python -m bench.accuracy --check`` runs both
and reports any difference. Every figure is a count (found out of total), so figures over
several stories are sums of counts, never means of ratios.

The comparison is the JSON contract of GUIDE §3 read as a dict (``compare.render.export.to_json``,
or the ``.json`` the CLI writes beside a report). The gold format (``tests/data/gold.json`` for
the seeds, ``tests/data/devset/*/gold.json`` for the dev stories):

``articles``
    ``{file name: {...}}``; an output article belongs to a gold file when its ``source`` ends
    with that name (or its id is the file's stem).
``aligned_pairs``
    ``[{"a": [file, snippet], "b": [file, snippet], "kind": ...}]``: snippets occur verbatim
    in the files and are compared on a folded matching key (:func:`match_key`).
``optional_pairs``
    Present only when ``aligned_pairs`` is exhaustive: related passages that may be aligned
    without being wrong. Alignment precision is measured only then.
``discrepancies``
    ``[{"id", "kind", "values": {file: entry}, "part_of"?, "numbers"?}]``. A dev-set entry is
    ``{"as_written": ..., "normalized": number | ISO date | list | {"min", "max"}}``; a seeds
    entry is a list of annotated strings such as ``"حوالي 2500 (since late last year)"`` or
    ``"أمس الجمعة (Friday 2021-07-23)"`` (see :func:`gold_values`). ``part_of`` marks one camp
    inside a wider discrepancy; ``numbers`` (seeds only) lists figures that must stand together
    in one row.
``non_facts``
    ``[{"file", "text"}]``: page furniture (counters, tickers, related-story links, ordinals
    in names) that must never be reported as a figure or a date.

Metrics (:class:`Score`):

- **align_recall**: gold pairs with snippet *a* in a passage of file *a* and snippet *b* in a
  passage of file *b* of one group.
- **align_precision**: predicted cross-article passage pairs (two passages of one group from
  different files) that hold both snippets of a gold or optional pair, either way round.
- **conflict_recall**: gold conflicts matched (:func:`row_matches`) by a row of kind conflict;
  a seeds ``numbers`` entry is found by any row holding all its figures, whatever its kind.
- **kind_accuracy**: gold discrepancies (not ``part_of`` ones) matched by some row, among which
  a matching row has the gold kind.
- **false_conflicts**: non-conflict gold discrepancies matched by a conflict row that holds only
  their values (:func:`only_gold_values`).
- **conflict_precision**: reported conflict rows that are real: inside one gold conflict (two
  files, two values, only that conflict's values; name conflicts: :func:`row_matches`).
- **noise_leaks**: non-facts overlapped by a reported figure or date (a fact that is not a quote,
  a name or an ordinal, or any value of a discrepancy row that is not a quote or a name).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

#: A value compared by the scorer: a number, or an ISO date (``YYYY-MM`` or ``YYYY-MM-DD``).
Num = float | str

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_BIDI_MARKS = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_FOLD = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
    **{chr(0x660 + i): str(i) for i in range(10)},  # Arabic-Indic digits
    **{chr(0x6F0 + i): str(i) for i in range(10)},  # Persian digits
    "“": '"', "”": '"', "«": '"', "»": '"', "\u00a0": " ",
})
_ISO_DATE = re.compile(r"^(\d{4}-\d{2}(?:-\d{2})?)")
_ANNOTATED_DATE = re.compile(r"\((?:[A-Za-z]+ )?(\d{4}-\d{2}-\d{2})\)")
_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")
#: Keys of a reported value object that hold numbers, in the order they are read.
_VALUE_KEYS = ("value", "number", "amount", "date", "min", "max", "low", "high", "start", "end")
#: Kind names as the gold files write them, mapped to the words reported kinds are read by.
_KIND_ALIASES = {"approximation-compatible": "compatible", "conflict-or-context": "conflict"}
_KIND_WORDS = ("conflict", "scope", "time", "compatible", "agreement", "single")
#: Ordinal words the seeds gold writes instead of digits.
_SEED_ORDINALS = (("رابع", 4.0), ("ثلاث", 3.0))


# --- normalisation -----------------------------------------------------------------------------

def match_key(text: str | None) -> str:
    """The folded form in which snippets are looked up in passages.

    NFKC, no diacritics or tatweel, one alef, ى as ي, ة as ه, ASCII digits, straight quotes, no
    bidi or zero-width marks, single spaces.
    """
    text = unicodedata.normalize("NFKC", text or "")
    text = _DIACRITICS.sub("", text).translate(_FOLD)
    text = _BIDI_MARKS.sub("", text)
    return re.sub(r"\s+", " ", text).strip()


def norm_kind(kind: str | None) -> str:
    """A discrepancy kind reduced to one word: ``approximation-compatible`` and ``compatible`` are
    one kind, ``conflict-or-context`` is a conflict, ``single-source`` is ``single``; a kind
    holding none of the known words is returned lower-cased."""
    kind = (kind or "").lower().replace("_", "-")
    kind = _KIND_ALIASES.get(kind, kind)
    return next((word for word in _KIND_WORDS if word in kind), kind)


def _number_or_date(text: str) -> list[Num]:
    """An ISO date prefix of ``text`` as a string, else ``text`` as a number, else nothing."""
    date = _ISO_DATE.match(text)
    if date:
        return [date.group(1)]
    try:
        return [float(text)]
    except ValueError:
        return []


def reported_numbers(value: Any) -> list[Num]:
    """Numbers and ISO dates inside a reported value (a number, a string, a range object, a list)."""
    if isinstance(value, bool) or value is None:
        return []
    if isinstance(value, int | float):
        return [float(value)]
    if isinstance(value, str):
        return _number_or_date(value)
    if isinstance(value, Mapping):
        return [n for k in _VALUE_KEYS if k in value for n in reported_numbers(value[k])]
    if isinstance(value, list | tuple):
        return [n for item in value for n in reported_numbers(item)]
    return []


def gold_values(entry: Any) -> list[Num]:
    """Numbers and ISO dates of one gold value entry.

    A dev-set entry is a dict whose ``normalized`` is a number, an ISO date (a time such as
    ``2025-06-30T02:12Z`` keeps only its date), a list of them, or a range object; anything else
    (a speaker's name) gives no value. A seeds entry is a string or a list of annotated strings:
    a date in brackets (``"(Friday 2021-07-23)"``) is the value; otherwise every figure written
    in the string counts (the year in ``"(January 2020)"`` too), plus 4 for رابع and 3 for ثلاث.
    """
    if isinstance(entry, Mapping):
        normalized = entry.get("normalized")
        out: list[Num] = []
        for item in normalized if isinstance(normalized, list) else [normalized]:
            if isinstance(item, bool):
                continue
            if isinstance(item, int | float):
                out.append(float(item))
            elif isinstance(item, str):
                out += _number_or_date(item)
            elif isinstance(item, Mapping):
                out += reported_numbers(item)
        return out
    out = []
    for text in entry if isinstance(entry, list) else [entry]:
        date = _ANNOTATED_DATE.search(text)
        if date:
            out.append(date.group(1))
            continue
        out += [float(figure.replace(",", "")) for figure in _FIGURE.findall(text)]
        out += [value for word, value in _SEED_ORDINALS if word in text]
    return out


def same_value(a: Num, b: Num) -> bool:
    """Two numbers equal within a relative 1e-6, or two dates one of which extends the other
    (``2025-06`` is the same as ``2025-06-30``). A number never equals a date."""
    if isinstance(a, str) or isinstance(b, str):
        return isinstance(a, str) and isinstance(b, str) and (a.startswith(b) or b.startswith(a))
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def _any_same(wanted: Sequence[Num], got: Sequence[Num]) -> bool:
    return any(same_value(w, g) for w in wanted for g in got)


# --- the comparison and the gold, read once ----------------------------------------------------

@dataclass(frozen=True)
class Count:
    """``found`` out of ``total``; the ratio is undefined (None) when nothing was there to find."""

    found: int = 0
    total: int = 0

    @property
    def ratio(self) -> float | None:
        return self.found / self.total if self.total else None

    def __add__(self, other: Count) -> Count:
        return Count(self.found + other.found, self.total + other.total)

    def __str__(self) -> str:
        return f"{self.found}/{self.total}"


@dataclass(frozen=True)
class Passage:
    file: str
    key: str


@dataclass(frozen=True)
class RowValue:
    """One value of a reported discrepancy row: its gold file, numbers and folded text."""

    file: str | None
    numbers: tuple[Num, ...]
    key: str


@dataclass(frozen=True)
class Row:
    """A reported discrepancy row with its kind reduced by :func:`norm_kind`."""

    kind: str
    values: tuple[RowValue, ...]

    @property
    def is_conflict(self) -> bool:
        return self.kind == "conflict"

    def numbers(self) -> Iterator[Num]:
        return (n for v in self.values for n in v.numbers)


@dataclass(frozen=True)
class GoldDiscrepancy:
    """One gold discrepancy: per file its values (:func:`gold_values`) and folded written text."""

    id: str
    kind: str
    values: dict[str, list[Num]]
    written: dict[str, str]
    part_of: str | None = None
    numbers: tuple[float, ...] | None = None  # seeds: figures that must stand together in one row

    @classmethod
    def read(cls, item: Mapping[str, Any]) -> GoldDiscrepancy:
        entries: Mapping[str, Any] = item["values"]
        return cls(
            id=str(item.get("id", "")),
            kind=norm_kind(item["kind"]),
            values={f: gold_values(e) for f, e in entries.items()},
            written={f: match_key(e.get("as_written", "")) if isinstance(e, Mapping) else ""
                     for f, e in entries.items()},
            part_of=item.get("part_of"),
            numbers=tuple(float(n) for n in item["numbers"]) if "numbers" in item else None,
        )

    @property
    def is_conflict(self) -> bool:
        return self.kind == "conflict"

    @property
    def has_values(self) -> bool:
        """False for a conflict over a name or a speaker: no file has a number or a date."""
        return any(self.values.values())


def map_articles(comparison: Mapping[str, Any], gold: Mapping[str, Any]) -> dict[str, str]:
    """Output article id -> gold file name, for the articles that are gold files.

    An article is a gold file when its ``source`` (else ``path``, else id) has the file's name or
    ends with it, or when its id is the file's stem; of several such files the last one listed
    in the gold wins.
    """
    files = list(gold["articles"])
    mapping: dict[str, str] = {}
    for article in comparison.get("articles", []):
        source = str(article.get("source") or article.get("path") or article.get("id"))
        hits = [f for f in files
                if Path(source).name == f or source.endswith(f) or Path(f).stem == str(article.get("id"))]
        if hits:
            mapping[article["id"]] = hits[-1]
    return mapping


def group_passages(comparison: Mapping[str, Any], files: Mapping[str, str]) -> list[list[Passage]]:
    """Per aligned group, its passages from gold files (others are left out)."""
    groups = []
    for group in comparison.get("groups", []):
        passages = [Passage(files[p["article"]], match_key(p.get("text", "")))
                    for p in group.get("passages", []) if files.get(p["article"])]
        groups.append(passages)
    return groups


def reported_rows(comparison: Mapping[str, Any], files: Mapping[str, str]) -> list[Row]:
    """The discrepancy rows; a value without a number of its own takes its fact's value."""
    facts = {f["id"]: f for f in comparison.get("facts", [])}
    rows = []
    for item in comparison.get("discrepancies", []):
        values = []
        for v in item.get("values", []):
            numbers = reported_numbers(v.get("value"))
            if not numbers and v.get("fact") in facts:
                numbers = reported_numbers(facts[v["fact"]].get("value"))
            values.append(RowValue(files.get(v.get("article")), tuple(numbers), match_key(v.get("text", ""))))
        rows.append(Row(norm_kind(item.get("kind")), tuple(values)))
    return rows


# --- matching rows to gold discrepancies -------------------------------------------------------

def row_matches(gold: GoldDiscrepancy, row: Row) -> bool:
    """True when, for every gold file, the row holds a value from that file equal to a gold value.

    A file whose gold entry has no number or date (a speaker) is matched on its written text
    instead: the folded texts must contain one another (three characters at least); a file with
    neither is not checked. At least two files must be checked, or the only file of a one-file
    entry.
    """
    checked = 0
    for file, wanted in gold.values.items():
        if wanted:
            got = [n for v in gold_file_values(row, file) for n in v.numbers]
            found = _any_same(wanted, got)
        elif len(gold.written[file]) >= 3:
            written = gold.written[file]
            found = any(len(v.key) >= 3 and (v.key in written or written in v.key)
                        for v in gold_file_values(row, file))
        else:
            continue
        if not found:
            return False
        checked += 1
    return checked >= 2 or (checked == 1 and len(gold.values) == 1)


def gold_file_values(row: Row, file: str) -> list[RowValue]:
    return [v for v in row.values if v.file == file]


def only_gold_values(gold: GoldDiscrepancy, row: Row) -> bool:
    """True when every value of the row that has a number is one of the gold values of its file:
    the row is about these values, not about a wider set that really differs."""
    return all(_any_same(gold.values.get(v.file, []), v.numbers) for v in row.values if v.numbers)


def holds_all(numbers: Sequence[float], row: Row) -> bool:
    """True when each of ``numbers`` is among the row's values (from any file)."""
    got = list(row.numbers())
    return all(_any_same([n], got) for n in numbers)


def inside_conflict(gold: GoldDiscrepancy, row: Row) -> bool:
    """A conflict row is real when it lies inside this gold conflict: values from two of its
    files, at least two distinct values, none outside the conflict. A name conflict needs a
    full match. A row that splits one gold conflict into several is still right."""
    if not gold.has_values:
        return row_matches(gold, row)
    files = {v.file for v in row.values if v.file in gold.values and v.numbers}
    distinct = set(row.numbers())
    return len(files) >= 2 and len(distinct) >= 2 and only_gold_values(gold, row)


# --- the metrics -------------------------------------------------------------------------------

@dataclass
class Score:
    """The figures of one story (or, added up, of several)."""

    articles_mapped: Count = field(default_factory=Count)
    """Gold files that an output article was read from."""
    aligned_pairs: Count = field(default_factory=Count)
    """Gold aligned pairs found inside one group (align_recall)."""
    predicted_pairs: int = 0
    """Cross-article passage pairs inside groups."""
    pair_precision: Count | None = None
    """Predicted pairs that cover a gold or optional pair (align_precision); exhaustive gold only."""
    conflicts: Count = field(default_factory=Count)
    """Gold conflicts reported as conflicts with both sides' values (conflict_recall)."""
    kinds: Count = field(default_factory=Count)
    """Matched gold discrepancies whose kind a matching row agrees with (kind_accuracy)."""
    false_conflicts: Count = field(default_factory=Count)
    """Gold non-conflicts reported as a conflict about their own values, out of all non-conflicts."""
    conflict_rows: Count = field(default_factory=Count)
    """Reported conflict rows that are a gold conflict (conflict_precision)."""
    reported_rows: int = 0
    leaks: list[str] = field(default_factory=list)
    """Gold non-facts reported as a figure or date, as ``file: text``."""
    missed_conflicts: list[str] = field(default_factory=list)
    """Ids of gold conflicts no conflict row reports."""
    false_conflict_ids: list[str] = field(default_factory=list)
    """Ids of gold non-conflicts reported as conflicts."""

    @property
    def align_recall(self) -> float | None:
        return self.aligned_pairs.ratio

    @property
    def align_precision(self) -> float | None:
        return self.pair_precision.ratio if self.pair_precision else None

    @property
    def conflict_recall(self) -> float | None:
        return self.conflicts.ratio

    @property
    def kind_accuracy(self) -> float | None:
        return self.kinds.ratio

    @property
    def conflict_precision(self) -> float | None:
        return self.conflict_rows.ratio

    @property
    def noise_leaks(self) -> int:
        return len(self.leaks)

    def __add__(self, other: Score) -> Score:
        """Figures of two stories together: counts added, lists joined."""
        precision = [p for p in (self.pair_precision, other.pair_precision) if p is not None]
        return Score(
            articles_mapped=self.articles_mapped + other.articles_mapped,
            aligned_pairs=self.aligned_pairs + other.aligned_pairs,
            predicted_pairs=self.predicted_pairs + other.predicted_pairs,
            pair_precision=sum(precision, Count()) if precision else None,
            conflicts=self.conflicts + other.conflicts,
            kinds=self.kinds + other.kinds,
            false_conflicts=self.false_conflicts + other.false_conflicts,
            conflict_rows=self.conflict_rows + other.conflict_rows,
            reported_rows=self.reported_rows + other.reported_rows,
            leaks=self.leaks + other.leaks,
            missed_conflicts=self.missed_conflicts + other.missed_conflicts,
            false_conflict_ids=self.false_conflict_ids + other.false_conflict_ids,
        )

    def figures(self) -> dict[str, Any]:
        """Machine-readable figures: each metric as its ratio and the counts behind it."""

        def metric(count: Count | None) -> dict[str, Any] | None:
            return None if count is None else {"ratio": count.ratio, "found": count.found, "total": count.total}

        return {
            "articles_mapped": metric(self.articles_mapped),
            "align_recall": metric(self.aligned_pairs),
            "align_precision": metric(self.pair_precision),
            "predicted_pairs": self.predicted_pairs,
            "conflict_recall": metric(self.conflicts),
            "conflict_precision": metric(self.conflict_rows),
            "false_conflicts": metric(self.false_conflicts),
            "kind_accuracy": metric(self.kinds),
            "reported_rows": self.reported_rows,
            "noise_leaks": self.noise_leaks,
            "noise_leak_list": self.leaks,
            "missed_conflicts": self.missed_conflicts,
            "false_conflict_ids": self.false_conflict_ids,
        }

    def as_evaluate_dict(self) -> dict[str, Any]:
        """The figures under the names and in the forms ``evaluate.py --json`` prints."""
        out: dict[str, Any] = {
            "articles_mapped": str(self.articles_mapped),
            "align_recall": self.align_recall,
            "align_found": str(self.aligned_pairs),
            "align_pred_pairs": self.predicted_pairs,
        }
        if self.pair_precision is not None:
            out["align_precision"] = self.align_precision
        out.update({
            "conflict_recall": self.conflict_recall,
            "conflicts_found": str(self.conflicts),
            "kind_accuracy": self.kind_accuracy,
            "discrepancy_matched": self.kinds.total,
            "false_conflicts": str(self.false_conflicts),
            "reported_rows": self.reported_rows,
            "reported_conflicts": self.conflict_rows.total,
            "conflict_precision": self.conflict_precision,
            "conflict_rows_right": str(self.conflict_rows),
            "noise_leaks": self.noise_leaks,
            "noise_leak_list": self.leaks,
        })
        return out


def score_alignment(groups: list[list[Passage]], gold: Mapping[str, Any], score: Score) -> None:
    """align_recall always; align_precision when the gold lists optional pairs (it is exhaustive)."""
    pairs = [_pair(p) for p in gold.get("aligned_pairs", [])]
    found = sum(any(_group_covers(group, pair) for group in groups) for pair in pairs)
    score.aligned_pairs = Count(found, len(pairs))
    predicted = [(x, y) for group in groups for x, y in combinations(group, 2) if x.file != y.file]
    score.predicted_pairs = len(predicted)
    if "optional_pairs" in gold:
        allowed = pairs + [_pair(p) for p in gold["optional_pairs"]]
        right = sum(any(_pair_covers(x, y, pair) for pair in allowed) for x, y in predicted)
        score.pair_precision = Count(right, len(predicted))


Snippet = tuple[str, str]  # (file, folded snippet)


def _pair(item: Mapping[str, Any]) -> tuple[Snippet, Snippet]:
    (file_a, text_a), (file_b, text_b) = item["a"], item["b"]
    return (file_a, match_key(text_a)), (file_b, match_key(text_b))


def _holds(passage: Passage, snippet: Snippet) -> bool:
    return passage.file == snippet[0] and snippet[1] in passage.key


def _group_covers(group: list[Passage], pair: tuple[Snippet, Snippet]) -> bool:
    a, b = pair
    return any(_holds(p, a) for p in group) and any(_holds(p, b) for p in group)


def _pair_covers(x: Passage, y: Passage, pair: tuple[Snippet, Snippet]) -> bool:
    a, b = pair
    return (_holds(x, a) and _holds(y, b)) or (_holds(x, b) and _holds(y, a))


def score_discrepancies(rows: list[Row], gold: Mapping[str, Any], score: Score) -> None:
    """conflict_recall, kind_accuracy, false_conflicts and conflict_precision."""
    discrepancies = [GoldDiscrepancy.read(d) for d in gold.get("discrepancies", [])]
    conflicts = [d for d in discrepancies if d.is_conflict]
    for d in conflicts:
        if d.numbers is not None:
            found = any(holds_all(d.numbers, r) for r in rows)
        else:
            found = any(r.is_conflict and row_matches(d, r) for r in rows)
        if not found:
            score.missed_conflicts.append(d.id)
    score.conflicts = Count(len(conflicts) - len(score.missed_conflicts), len(conflicts))

    matched = agreed = non_conflicts = 0
    for d in discrepancies:
        if d.numbers is not None:
            continue
        candidates = [r for r in rows if row_matches(d, r)]
        if not d.is_conflict:
            non_conflicts += 1
            if any(r.is_conflict and only_gold_values(d, r) for r in candidates):
                score.false_conflict_ids.append(d.id)
        if candidates and not d.part_of:  # one camp inside a conflict: the conflict row is its row
            matched += 1
            agreed += any(r.kind == d.kind for r in candidates)
    score.kinds = Count(agreed, matched)
    score.false_conflicts = Count(len(score.false_conflict_ids), non_conflicts)

    real = [d for d in conflicts if d.numbers is None]
    reported = [r for r in rows if r.is_conflict]
    right = sum(any(inside_conflict(d, r) for d in real) for r in reported)
    score.conflict_rows = Count(right, len(reported))
    score.reported_rows = len(rows)


def figure_spans(comparison: Mapping[str, Any]) -> dict[str, list[tuple[int, int]]]:
    """Per article, the spans reported as figures or dates.

    Facts count unless they are quotes or names (a quote may hold "كوفيد-19") or ordinals (an
    ordinal names an item; it counts only when it reaches a row); every value of a discrepancy
    row counts unless its fact is a quote or a name.
    """
    facts = comparison.get("facts", [])
    wordy = {f["id"] for f in facts if f.get("type") in ("quote", "name")}
    spans: dict[str, list[tuple[int, int]]] = {}

    def add(article: Any, start: Any, end: Any) -> None:
        if isinstance(start, int) and isinstance(end, int):
            spans.setdefault(article, []).append((start, end))

    for f in facts:
        if f["id"] not in wordy and f.get("form") != "ordinal":
            add(f.get("article"), f.get("start"), f.get("end"))
    for d in comparison.get("discrepancies", []):
        for v in d.get("values", []):
            if v.get("fact") not in wordy:
                add(v.get("article"), v.get("start"), v.get("end"))
    return spans


def score_noise(comparison: Mapping[str, Any], files: Mapping[str, str], gold: Mapping[str, Any],
                score: Score) -> None:
    """noise_leaks: gold non-facts whose text, where it occurs in the article, a figure span overlaps.

    A non-fact that no longer occurs in the clean text (its line was removed as furniture) cannot leak.
    """
    texts = {a["id"]: a.get("text", "") for a in comparison.get("articles", [])}
    spans = figure_spans(comparison)
    for item in gold.get("non_facts", []):
        text = item["text"]
        for article_id, file in files.items():
            if file != item["file"]:
                continue
            starts = [m.start() for m in re.finditer(re.escape(text), texts.get(article_id, ""))]
            if any(start < s + len(text) and end > s for start, end in spans.get(article_id, []) for s in starts):
                score.leaks.append(f"{file}: {text}")


def score(comparison: Mapping[str, Any], gold: Mapping[str, Any]) -> Score:
    """All figures of one comparison (the JSON contract as a dict) against one gold file (a dict)."""
    files = map_articles(comparison, gold)
    result = Score(articles_mapped=Count(len(set(files.values())), len(gold["articles"])))
    score_alignment(group_passages(comparison, files), gold, result)
    score_discrepancies(reported_rows(comparison, files), gold, result)
    score_noise(comparison, files, gold, result)
    return result
