"""Line up the sentences of different outlets that report the same claim.

Unit: the sentence (a claim), shown with its paragraph as context. A sentence is also scored
against two adjacent sentences of another article taken together, so a claim one outlet writes
in one sentence and another splits in two ends in one group.

Evidence per pair (combined by logistic-regression weights learned on the dev stories' gold
pairs by ``bench/fit_align.py``; n-gram settings in :class:`~compare.settings.Settings`):
- wording: TF-IDF cosine over character n-grams of the matching key (robust to clitics and
  spellings: البنتاغون/البنتاجون), containment of consonant-skeleton word bigrams (a short
  sentence inside a long one scores high), of content words and of rough roots (أُخليت/إخلاء),
  and an IDF-weighted cosine of the roots (a rare shared root counts more than a common one);
- facts: shared numbers/dates, names, quotes and frames (what a figure or a day measures); a
  frame each article tells once marks the two sentences as one claim even with little shared
  wording ("2500 troops" vs "5200 soldiers"), and aligns them at half the threshold.
Kinds: ``verbatim`` (a shared run of content words), ``paraphrase`` (wording above a threshold),
``same-fact`` (aligned by facts more than by wording).

Cost grows near-linearly with the number of sentences: features are sparse matrices; candidates
come from a sparse product over each sentence's rarest anchors (with a document-frequency cap)
keeping the top k per sentence; pair scores are row-wise products over the candidate list.
Groups are built from the strongest pairs down; a group holds one claim: one sentence per
article (or two adjacent ones), and a merge needs a strict majority of cross-outlet pairs to be
related, so a hub sentence cannot chain two unrelated ones. A sentence that reports two claims
joins a second group in a later pass.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple

import numpy as np
from scipy import sparse

from .facts import is_duration
from .model import Fact, Group, Passage
from .settings import Settings
from .textlayer import TOKEN, Layer, Token, tokens
from .words import is_content, root, skeleton

KINDS = ("same-fact", "paraphrase", "verbatim")  # weakest first: the index is the kind's rank
_CHUNK = 4_000  # pairs per row-wise product: bounds the memory of one step
_CHAR_BITS = 20  # 2**20 hashed columns for character n-grams
_FIBONACCI = np.uint64(0x9E3779B97F4A7C15)  # multiplicative hashing: spreads structured codes evenly


@dataclass
class Unit:
    """A sentence prepared for matching."""

    passage: Passage
    article: int  # article number
    index: int  # position in the list of units; one article's units are consecutive
    toks: list[Token]
    skel: list[str]  # consonant skeleton of each token
    content: list[int]  # positions in ``toks`` of content words: verbatim runs count these
    content_skel: list[str]  # their skeletons
    numbers: set[str] = field(default_factory=set)
    slots: set[str] = field(default_factory=set)
    unique: set[str] = field(default_factory=set)  # slots the article's body gives one value only
    values: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # slot -> values
    names: set[str] = field(default_factory=set)
    quotes: set[str] = field(default_factory=set)


class PairScore(NamedTuple):
    wording: float  # char cosine and word containment, weighted
    score: float  # wording plus the number and name bonuses
    kind: int  # index into KINDS
    aligned: bool  # enough to put the pair in one group
    coherent: bool  # enough to count as related when groups merge


def _units(layers: list[Layer], facts: list[Fact], settings: Settings) -> list[Unit]:
    by_passage: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact.passage:
            by_passage[fact.passage].append(fact)
    units = []
    for number, layer in enumerate(layers):
        text = layer.article.text
        for p in layer.passages:
            toks = tokens(text, p.start, p.end)
            if len(toks) < settings.min_passage_words or _headline(layer, p):
                continue
            skel = [skeleton(t.key) for t in toks]
            content = [i for i, t in enumerate(toks) if is_content(t.key)]
            unit = Unit(p, number, len(units), toks, skel, content, [skel[i] for i in content])
            for f in by_passage[p.id]:
                _add_evidence(unit, f)
            units.append(unit)
        _mark_unique([u for u in units if u.article == number])
    return units


def _headline(layer: Layer, passage: Passage) -> bool:
    """The article's headline: it sums up the story, so it resembles every other outlet's lead
    and summary without reporting one claim of its own; its figures stay facts of the article."""
    title = layer.article.title
    return bool(title) and passage.paragraph <= 2 and passage.text.strip() in title.strip()  # after a masthead


def _attach_headlines(groups: list[Group], layers: list[Layer], units: list[Unit]) -> None:
    """A headline joins the group of its own lead (the article's first aligned body sentence),
    shown with it but not compared: headlines are left out of alignment (see :func:`_headline`)."""
    first_unit: dict[str, str] = {}
    for u in units:
        first_unit.setdefault(u.passage.article, u.passage.id)
    for layer in layers:
        headline = next((p for p in layer.passages if _headline(layer, p)), None)
        lead = first_unit.get(layer.article.id)
        if headline is None or lead is None:
            continue
        home = next((g for g in groups if any(p.id == lead for p in g.passages)), None)
        if home:  # the lead's strongest group (groups come most outlets first)
            home.headlines.append(headline)


def _mark_unique(units: list[Unit]) -> None:
    """Frames the article's body tells once: in one sentence (its headline may repeat them), or
    with one value wherever it tells them (a lead and a later quote). When two articles each tell
    a frame once, those sentences report the same claim, however differently they word it
    («وبلغ وجود القوات الأميركية حوالي 2500» / «وتتألف من نحو 5200 جندي»). Two sentences with two
    values of one frame (a toll that rose) leave it ambiguous."""
    where: dict[str, set[int]] = defaultdict(set)
    told: dict[str, set[str]] = defaultdict(set)
    for u in units:
        if u.passage.paragraph > 0:
            for slot in u.slots:
                where[slot].add(u.index)
                told[slot] |= u.values[slot]
    for u in units:
        u.unique = {slot for slot in u.slots if len(where[slot]) <= 1 or len(told[slot]) <= 1}


def _add_evidence(unit: Unit, f: Fact) -> None:
    """Facts as matching evidence: values, frames (what a figure or a day measures), names and
    quotes."""
    if f.type == "quantity" and (not is_duration(f) or (f.frame and f.frame.specific)):
        value = f"{f.value:g}" if isinstance(f.value, float) else str(f.value)
        unit.numbers.add(value)
        if f.slot:  # an ordinal names one item ("the fourth round"): only the same ordinal is one fact
            slot = f"{f.slot}#{f.value}" if f.form == "ordinal" else f.slot
            unit.slots.add(slot)
            unit.values[slot].add(value)
    elif f.type == "date" and f.value:
        unit.numbers.add(str(f.value))
        if f.frame and f.frame.event:  # the day or hour of an event: «ضرب زلزال فجر الإثنين»
            slot = f"{'hour' if f.slot == 'date:hour' else 'date'}|{f.frame.event}"
            unit.slots.add(slot)
            unit.values[slot].add(str(f.value))
    elif f.type == "score":  # one match, one result: «بنتيجة 2-1» and «بهدفين لهدف» tell one claim
        unit.numbers.add(str(f.value))
        slot = f"score|{f.frame.stage}" if f.frame and f.frame.stage else "score"  # the half-time score
        unit.slots.add(slot)
        unit.values[slot].add(str(f.value))
    elif f.type == "name" and f.value:
        unit.names.add(str(f.value))
    elif f.type == "quote" and f.value and f.form != "reported":  # reported speech is no copied wording
        unit.quotes.add(" ".join(skeleton(w.group()) for w in TOKEN.finditer(str(f.value)) if is_content(w.group())))


def _suppress_furniture(units: list[Unit], settings: Settings) -> list[Unit]:
    """Drop page furniture that the line filter of ingest let through (newsletter blurbs,
    disclaimers): a sentence whose exact wording recurs in many articles and whose words are
    foreign to its article. Agency copy also recurs word for word, but it speaks of the story."""
    wording = [" ".join(u.skel) for u in units]
    seen: dict[str, set[int]] = defaultdict(set)
    for u, w in zip(units, wording, strict=True):
        seen[w].add(u.article)
    recurring = [len(seen[w]) >= settings.furniture_min_articles for w in wording]
    hit = {u.article for u, r in zip(units, recurring, strict=True) if r}
    words: dict[int, Counter[str]] = defaultdict(Counter)
    for u in units:
        if u.article in hit:
            words[u.article].update(u.content_skel)
    return [u for u, r in zip(units, recurring, strict=True)
            if not r or _related(u, words[u.article]) >= settings.furniture_related]


def _related(u: Unit, article_words: Counter[str]) -> float:
    """Share of a sentence's content words that its article also uses elsewhere."""
    own = Counter(u.content_skel)
    return sum(article_words[w] > n for w, n in own.items()) / max(1, len(own))


def _binary(rows: list[list[Hashable]]) -> sparse.csr_matrix:
    """A 0/1 matrix with one row per list of distinct items; columns are numbered in order of
    first sight, so callers pass lists (not sets, whose order changes between runs)."""
    vocab: dict[Hashable, int] = {}
    indices: list[int] = []
    indptr = [0]
    for row in rows:
        indices.extend(sorted(vocab.setdefault(item, len(vocab)) for item in row))
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float32)
    return sparse.csr_matrix((data, indices, indptr), shape=(len(rows), max(1, len(vocab))))


def _rowdot(m: sparse.csr_matrix, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Dot products of rows ``a[i]`` and ``b[i]`` of ``m``, in chunks so memory stays bounded."""
    out = np.zeros(len(a), dtype=np.float64)
    for lo in range(0, len(a), _CHUNK):
        hi = lo + _CHUNK
        out[lo:hi] = np.asarray(m[a[lo:hi]].multiply(m[b[lo:hi]]).sum(axis=1)).ravel()
    return out


def _grams(seq: list[str], n: int) -> list[tuple[str, ...]]:
    """Distinct word n-grams in text order."""
    return list(dict.fromkeys(zip(*(seq[i:] for i in range(n)), strict=False)))


@dataclass
class Rows:
    """What each feature row stands for: a unit, or a span of two adjacent units of one article."""

    units: list[Unit]
    spans: list[tuple[int, int]]  # unit indices; span k is row len(units) + k

    def span_row(self) -> dict[tuple[int, int], int]:
        return {span: len(self.units) + k for k, span in enumerate(self.spans)}


#: Columns of :meth:`Scorer.features`, in order; the learned weights follow it.
FEATURES = ("cosine", "containment", "words", "roots", "rare_roots", "numbers", "names", "frames", "unique_frames", "quotes",
            "verbatim")
_WEIGHTS = Path(__file__).parent / "align_weights.json"


@dataclass(frozen=True)
class PairWeights:
    """Logistic-regression weights over :data:`FEATURES`, fitted on the gold pairs of the dev
    stories and the seeds by ``python -m bench.fit_align`` (which writes align_weights.json and
    prints leave-one-story-out figures). ``threshold`` aligns a pair, ``coherence`` lets it
    vouch for a merge of two groups, ``frame_threshold`` aligns two sentences that share a frame
    each article tells once."""

    coef: np.ndarray
    intercept: float
    threshold: float
    coherence: float
    frame_threshold: float


@cache
def pair_weights() -> PairWeights:
    data = json.loads(_WEIGHTS.read_text(encoding="utf-8"))
    if list(data["features"]) != list(FEATURES):
        raise RuntimeError(f"{_WEIGHTS.name} was fitted on other features; run python -m bench.fit_align")
    return PairWeights(np.array(data["coef"], dtype=np.float64), float(data["intercept"]),
                       float(data["threshold"]), float(data["coherence"]), float(data["frame_threshold"]))


class Scorer:
    """Sparse features of every row and vectorised scores of row pairs, cached by pair."""

    def __init__(self, rows: Rows, settings: Settings) -> None:
        self.rows = rows
        self.s = settings
        units = rows.units
        n = settings.word_ngram
        v = settings.verbatim_min_words
        # span rows are sums of their two unit rows: one sparse product, no second pass over text
        spans = np.array(rows.spans, dtype=np.int64).reshape(-1, 2)
        self.select = sparse.csr_matrix((np.ones(spans.size), (np.repeat(np.arange(len(spans)), 2), spans.ravel())),
                                        shape=(len(spans), len(units)))
        words, vocab = _count_rows([[t.key for t in u.toks] for u in units])
        self.chars = self._chars(self._stack(words), vocab, len(units))
        self.bigrams = self._stack(_binary([_grams(u.skel, n) for u in units]), binary=True)
        self.bigram_count = np.asarray(self.bigrams.sum(axis=1)).ravel()
        self.words = self._stack(_binary([list(dict.fromkeys(u.content_skel)) for u in units]), binary=True)
        self.word_count = np.asarray(self.words.sum(axis=1)).ravel()
        self.roots = self._stack(_binary([list(dict.fromkeys(root(u.toks[i].key) for i in u.content)) for u in units]),
                                 binary=True)
        self.root_count = np.asarray(self.roots.sum(axis=1)).ravel()
        self.root_tfidf = _idf_rows(self.roots, len(units))
        self.shingles = self._stack(_binary([_grams(u.content_skel, v) for u in units]), binary=True)
        self.numbers = self._stack(_binary([sorted(u.numbers) for u in units]), binary=True)
        self.frames = self._stack(_binary([sorted(u.slots) for u in units]), binary=True)
        self.unique = self._stack(_binary([sorted(u.unique) for u in units]), binary=True)
        self.quotes = self._stack(_binary([sorted(u.quotes) for u in units]), binary=True)
        self.names = self._stack(_binary([sorted(u.names) for u in units]), binary=True)
        self.cache: dict[tuple[int, int], PairScore] = {}

    def _stack(self, m: sparse.csr_matrix, binary: bool = False) -> sparse.csr_matrix:
        """Unit rows followed by span rows."""
        extra = (self.select @ m).tocsr()
        if binary:
            extra.data[:] = 1
        return sparse.vstack([m, extra], format="csr")

    def _chars(self, words: sparse.csr_matrix, vocab: list[str], n_units: int) -> sparse.csr_matrix:
        """Sublinear TF-IDF of character n-grams, L2-normalised, from word counts per row and a
        per-word n-gram table, so each distinct word is cut into n-grams once."""
        if not vocab:
            return sparse.csr_matrix((words.shape[0], 1), dtype=np.float32)
        m = (words @ _char_table(vocab, self.s.char_ngram_min, self.s.char_ngram_max)).tocsr().astype(np.float32)
        df = np.bincount(m.indices[:m.indptr[n_units]], minlength=m.shape[1])
        idf = (np.log((1 + n_units) / (1 + df)) + 1.0).astype(np.float32)
        m.data = (1.0 + np.log(m.data)) * idf[m.indices]  # float32 halves the memory traffic
        row = np.repeat(np.arange(m.shape[0]), np.diff(m.indptr))
        norms = np.sqrt(np.bincount(row, weights=m.data ** 2, minlength=m.shape[0]))
        m.data /= np.maximum(norms, 1e-12)[row]
        return m

    def features(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Evidence that row pairs ``a[i], b[i]`` carry one claim, one column per name in
        :data:`FEATURES`: wording (character cosine, word-bigram, content-word and rough-root
        containment), shared values,
        names, frames (the same specific event or counted noun) and quotes, and a copied run."""
        cosine = _rowdot(self.chars, a, b)
        shared = _rowdot(self.bigrams, a, b)
        containment = shared / np.maximum(1, np.minimum(self.bigram_count[a], self.bigram_count[b]))
        words = _rowdot(self.words, a, b) / np.maximum(1, np.minimum(self.word_count[a], self.word_count[b]))
        roots = _rowdot(self.roots, a, b) / np.maximum(1, np.minimum(self.root_count[a], self.root_count[b]))
        rare = _rowdot(self.root_tfidf, a, b)
        numbers = np.minimum(2, _rowdot(self.numbers, a, b))
        names = np.minimum(3, _rowdot(self.names, a, b))
        frames = np.minimum(2, _rowdot(self.frames, a, b))
        unique = np.minimum(1, _rowdot(self.unique, a, b))
        quotes = np.minimum(1, _rowdot(self.quotes, a, b))
        verbatim = (_rowdot(self.shingles, a, b) > 0).astype(np.float64)
        return np.column_stack([cosine, containment, words, roots, rare, numbers, names, frames, unique, quotes, verbatim])

    def evaluate(self, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, ...]:
        """The columns of :class:`PairScore` for row pairs ``a[i], b[i]``, as arrays. The score
        is the probability of one claim under the weights learned by ``bench/fit_align.py``."""
        s = self.s
        x = self.features(a, b)
        weights = pair_weights()
        wording = s.weight_char * x[:, 0] + s.weight_words * x[:, 1]
        score = 1.0 / (1.0 + np.exp(-(x @ weights.coef + weights.intercept)))
        verbatim = x[:, FEATURES.index("verbatim")] > 0
        kind = np.where(verbatim, 2, np.where(wording >= s.paraphrase_threshold, 1, 0))
        # the same frame told once by each article is a same-fact candidate even with little
        # shared wording (issue 9): it needs only the weaker coherence level
        unique = x[:, FEATURES.index("unique_frames")] > 0
        aligned = verbatim | (score >= weights.threshold) | (unique & (score >= weights.frame_threshold))
        coherent = verbatim | (score >= weights.coherence)
        return wording, score, kind, aligned, coherent

    def pairs(self, wanted: Iterable[tuple[int, int]]) -> dict[tuple[int, int], PairScore]:
        """Scores of the wanted pairs, keyed smaller row first; computed in one batch and cached."""
        keys = sorted({(min(p), max(p)) for p in wanted})
        missing = [k for k in keys if k not in self.cache]
        if missing:
            cols = self.evaluate(*np.array(missing, dtype=np.int64).T)
            for k, *values in zip(missing, *(c.tolist() for c in cols), strict=True):
                self.cache[k] = PairScore(*values)
        return {k: self.cache[k] for k in keys}


def _idf_rows(m: sparse.csr_matrix, n_units: int) -> sparse.csr_matrix:
    """Binary rows weighted by inverse document frequency (over the unit rows) and L2-normalised:
    a cosine where a rare shared root (a place, a verb of the event) counts more than a common one."""
    m = m.tocsr().astype(np.float64)
    df = np.bincount(m.indices[:m.indptr[n_units]], minlength=m.shape[1])
    m.data = np.log((1 + n_units) / (1 + df[m.indices])) + 1.0
    row = np.repeat(np.arange(m.shape[0]), np.diff(m.indptr))
    norms = np.sqrt(np.bincount(row, weights=m.data ** 2, minlength=m.shape[0]))
    m.data /= np.maximum(norms, 1e-12)[row]
    return m


def _char_table(words: list[str], lo: int, hi: int) -> sparse.csr_matrix:
    """Words x character n-grams (lo..hi) count table, each word padded with a space on both
    sides as sklearn's char_wb does. Array arithmetic instead of a Python loop per n-gram: an
    n-gram is coded as an integer over the words' alphabet, then hashed into 2 ** _CHAR_BITS
    buckets (the hashing trick: memory is bounded however large the vocabulary grows; on a
    comparison of a few articles, two n-grams sharing a bucket is rare)."""
    padded = [f" {w} " for w in words]
    lengths = np.array([len(p) for p in padded])
    codes = np.frombuffer("".join(padded).encode("utf-32-le"), dtype=np.uint32)
    alphabet, symbols = np.unique(codes, return_inverse=True)
    base = np.uint64(len(alphabet) + 1)
    symbols = symbols.astype(np.uint64) + np.uint64(1)  # no symbol is 0: n-grams of different n differ
    word_of = np.repeat(np.arange(len(words)), lengths)
    word_end = np.repeat(np.cumsum(lengths), lengths)
    position = np.arange(len(codes))
    rows, grams = [], []
    for n in range(lo, hi + 1):
        start = position[position + n <= word_end]
        code = np.zeros(len(start), dtype=np.uint64)
        for k in range(n):
            code = code * base + symbols[start + k]
        rows.append(word_of[start])
        grams.append(code)
    row = np.concatenate(rows)
    bucket = ((np.concatenate(grams) * _FIBONACCI) >> np.uint64(64 - _CHAR_BITS)).astype(np.int64)
    present = np.zeros(1 << _CHAR_BITS, dtype=bool)
    present[bucket] = True
    col = (np.cumsum(present) - 1)[bucket]  # only the buckets in use become columns (no sort needed)
    table = sparse.csr_matrix((np.ones(len(row)), (row, col)), shape=(len(words), int(present.sum())))
    table.sum_duplicates()
    return table


def _count_rows(words: list[list[str]]) -> tuple[sparse.csr_matrix, list[str]]:
    """Rows x distinct words count matrix, and the words of its columns."""
    vocab: dict[str, int] = {}
    indices: list[int] = []
    indptr = [0]
    for row in words:
        indices.extend(vocab.setdefault(w, len(vocab)) for w in row)
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float64)
    m = sparse.csr_matrix((data, indices, indptr), shape=(len(words), max(1, len(vocab))))
    m.sum_duplicates()
    return m, list(vocab)


def _anchor_features(u: Unit) -> list[str]:
    """Content words in text order, then the facts: the column order of the anchor matrix, which
    breaks ties between equally rare anchors, is then the same on every run."""
    words = [u.skel[i] for i in u.content if not u.skel[i].isdigit()]
    facts = [f"#{x}" for x in sorted(u.numbers)] + [f"@{x}" for x in sorted(u.slots)] \
        + [f"${x}" for x in sorted(u.names)] + [f'"{x}' for x in sorted(u.quotes)]
    return list(dict.fromkeys(words + facts))


def _ranks(group: np.ndarray, value: np.ndarray, tie: np.ndarray) -> np.ndarray:
    """Rank of each entry among the entries of its group, highest value first."""
    order = np.lexsort((tie, -value, group))
    ranks = np.empty(len(group), dtype=np.int64)
    ranks[order] = np.arange(len(group)) - np.searchsorted(group[order], group[order], side="left")
    return ranks


def _candidates(units: list[Unit], settings: Settings) -> np.ndarray:
    """Candidate partners from other articles, as (a, b) rows with a < b.

    Features are content skeletons, numbers, slots, names and quotes seen in at least two and at
    most ``anchor_max_df`` units. Each unit looks its ``anchors`` rarest features up among all
    features of the other units, and ranks partners by the summed IDF of the shared ones (one
    sparse product whose cost is bounded per unit, no all-pairs matrix). A pair is kept when
    it is in the top k of either unit, and no unit keeps more than 2k pairs: hub sentences that
    many others rank high would otherwise make the later steps grow faster than the corpus."""
    n = len(units)
    feats = _binary([_anchor_features(u) for u in units]).tocoo()
    df = np.bincount(feats.col, minlength=feats.shape[1])
    usable = (df[feats.col] >= 2) & (df[feats.col] <= settings.anchor_max_df)
    row, col = feats.row[usable], feats.col[usable]
    weight = np.log1p(n / df[col])  # smoothed: a feature every unit shares still counts
    index = sparse.csr_matrix((weight, (row, col)), shape=feats.shape)
    rarest = _ranks(row, -df[col].astype(np.float64), col) < settings.anchors
    anchors = sparse.csr_matrix((weight[rarest], (row[rarest], col[rarest])), shape=feats.shape)
    votes = (anchors @ index.T).tocoo()  # a unit's anchors against every usable feature of the others
    article = np.array([u.article for u in units])
    other = article[votes.row] != article[votes.col]
    row, col, val = votes.row[other], votes.col[other], votes.data[other]
    top = _ranks(row, val, col) < settings.top_k
    a, b = np.minimum(row[top], col[top]), np.maximum(row[top], col[top])
    pairs, first = np.unique(np.stack([a, b], axis=1).astype(np.int64).reshape(-1, 2), axis=0, return_index=True)
    value = val[top][first]
    ends = np.concatenate([pairs[:, 0], pairs[:, 1]])
    pair_id = np.tile(np.arange(len(pairs)), 2)
    rank = _ranks(ends, np.tile(value, 2), pair_id)
    worst = np.maximum(rank[:len(pairs)], rank[len(pairs):])
    return np.unique(np.concatenate([pairs[worst < 2 * settings.top_k], _told_once_pairs(units, settings)]), axis=0)


def _told_once_pairs(units: list[Unit], settings: Settings) -> np.ndarray:
    """Pairs of sentences from two articles that each tell one frame once («وكان على متنه 180
    مهاجراً» / «كان يقل نحو مئتي شخص»): same-fact candidates however little wording they share,
    which the rarest-anchor vote misses when a long sentence has rarer words. A frame told once by
    more than ``anchor_max_df`` sentences says too little to pair them all (a corpus of stories)."""
    holders: dict[str, list[int]] = defaultdict(list)
    for u in units:
        for slot in u.unique:
            holders[slot].append(u.index)
    pairs = [(a, b) for members in holders.values() if len(members) <= settings.anchor_max_df
             for k, a in enumerate(members) for b in members[k + 1:] if units[a].article != units[b].article]
    return np.array(pairs, dtype=np.int64).reshape(-1, 2)


def _spans(units: list[Unit]) -> list[tuple[int, int]]:
    """Every two adjacent units of one article."""
    return [(i, i + 1) for i in range(len(units) - 1) if units[i].article == units[i + 1].article]


def _span_edges(aligned: list[tuple[int, int]], rows: Rows, scorer: Scorer,
                settings: Settings) -> list[tuple[float, tuple[int, ...]]]:
    """Edges from a unit to two adjacent units of another article that together say what it says
    (looked for next to aligned pairs): the two sentences read as one must align and word it
    better than either sentence alone."""
    span_of = rows.span_row()
    wanted = []
    for a, b in aligned:
        for one, other in ((a, b), (b, a)):
            for span in ((other - 1, other), (other, other + 1)):
                if span in span_of:
                    wanted.append((one, span))
    scores = scorer.pairs([(one, span_of[span]) for one, span in wanted]
                          + [(one, part) for one, span in wanted for part in span])
    edges = []
    for one, span in sorted(set(wanted)):
        joint = scores[(one, span_of[span])]
        best_part = max(scores[(min(one, p), max(one, p))].wording for p in span)
        if joint.aligned and joint.wording >= best_part + settings.span_gain:
            edges.append((joint.score, (one, *span)))
    return edges


def _triangles(edges: list[tuple[float, tuple[int, ...]]], units: list[Unit]) -> list[tuple[int, int]]:
    """Pairs of units from different articles that share an aligned neighbour: the pairs the
    coherence check asks about, scored in one batch instead of one merge at a time."""
    near: dict[int, set[int]] = defaultdict(set)
    for _, nodes in edges:
        for a in nodes:
            near[a].update(b for b in nodes if units[b].article != units[a].article)
    return [(a, b) for around in near.values() for a in around for b in around
            if a < b and units[a].article != units[b].article]


class Grouper:
    """Union-find over units with the two merge guards (neighbours per article, coherence)."""

    def __init__(self, units: list[Unit], scorer: Scorer, settings: Settings) -> None:
        self.units = units
        self.scorer = scorer
        self.s = settings
        self.parent = list(range(len(units)))
        self.members: dict[int, list[int]] = {i: [i] for i in range(len(units))}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def merge(self, nodes: tuple[int, ...]) -> bool:
        """Join the groups of ``nodes`` if the result stays a group of neighbours that agree."""
        roots = sorted({self.find(i) for i in nodes}, key=lambda r: (-len(self.members[r]), r))
        if len(roots) < 2:
            return False
        joined = [i for r in roots for i in self.members[r]]
        if not self._neighbours(joined) or not self._coherent(roots, set(nodes)):
            return False
        big = roots[0]
        for r in roots[1:]:
            self.members[big].extend(self.members.pop(r))
            self.parent[r] = big
        return True

    def _neighbours(self, joined: list[int]) -> bool:
        """A group holds one claim: one sentence per article, or two that follow each other in
        one paragraph (an outlet that split the claim in two). A sentence that reports two
        claims joins a second group in a later pass (:func:`_claims`) instead of chaining them."""
        by_article: dict[int, list[Unit]] = defaultdict(list)
        for i in joined:
            by_article[self.units[i].article].append(self.units[i])
        for us in by_article.values():
            if len(us) > self.s.max_sentences_per_claim:
                return False
            us.sort(key=lambda u: u.index)
            for x, y in pairwise(us):
                if y.index - x.index != 1 or x.passage.paragraph != y.passage.paragraph:
                    return False
        return True

    def _coherent(self, roots: list[int], edge: set[int]) -> bool:
        """A strict majority of cross-outlet pairs between the joined groups must be related;
        pairs inside the triggering edge vouch for themselves. Only pairs already scored count as
        possibly related (candidates, span parts, pairs with an aligned neighbour in common): a
        pair that is in neither sentence's candidate list is unrelated. Large groups are sampled."""
        sample = [self.members[r][:self.s.coherence_sample] for r in roots]
        cross = [(min(a, b), max(a, b)) for i, ga in enumerate(sample) for gb in sample[i + 1:]
                 for a in ga for b in gb
                 if self.units[a].article != self.units[b].article and not (a in edge and b in edge)]
        good = sum(self.scorer.cache[p].coherent for p in cross if p in self.scorer.cache)
        return 2 * good > len(cross) if cross else True

    def groups(self) -> list[list[int]]:
        return [sorted(m) for m in self.members.values() if len({self.units[i].article for i in m}) > 1]


def _claims(edges: list[tuple[float, tuple[int, ...]]], units: list[Unit], scorer: Scorer,
            settings: Settings) -> list[list[int]]:
    """Groups of units, strongest edges first. A sentence that reports two claims (a lead with
    the toll and the magnitude) is aligned with the other outlets' sentences of both: edges
    left outside every group after one pass form groups of their own in the next, so a
    sentence may stand in more than one group while each group still holds one claim. An
    aligned pair (or a sentence and the two that say it together) that no pass could join, and
    none of whose sentences stand together in any group, is a group of its own: each of its
    sentences was held by groups the other does not cohere with («عادوا في الشوط الثاني وأدركوا
    التعادل، قبل أن يسجل ... هدف الفوز» and «قبل أن يعادل ماجد الحربي النتيجة»)."""
    members: list[list[int]] = []
    ever: set[tuple[int, int]] = set()
    for _ in range(settings.claim_passes):
        grouper = Grouper(units, scorer, settings)
        for _, nodes in edges:
            grouper.merge(nodes)
        found = grouper.groups()
        members += found
        together = {(a, b) for m in found for a in m for b in m}
        ever |= together
        edges = [e for e in edges if any((a, b) not in together for a in e[1] for b in e[1]
                                         if units[a].article != units[b].article)]
        if not edges:
            break
    return members + [sorted(nodes) for _, nodes in edges
                      if not any((a, b) in ever for a in nodes for b in nodes if units[a].article != units[b].article)]


def prepared_units(layers: list[Layer], facts: list[Fact], settings: Settings) -> list[Unit]:
    """The sentences the aligner compares, page furniture left out, numbered in order (also what
    ``bench/fit_align.py`` scores)."""
    units = _suppress_furniture(_units(layers, facts, settings), settings)
    for i, u in enumerate(units):
        u.index = i
    return units


def align(layers: list[Layer], facts: list[Fact], settings: Settings) -> list[Group]:
    """Groups of sentences from at least two outlets, most outlets and strongest first."""
    units = prepared_units(layers, facts, settings)
    if len({u.article for u in units}) < 2:
        return []
    rows = Rows(units, _spans(units))
    scorer = Scorer(rows, settings)
    scores = scorer.pairs(map(tuple, _candidates(units, settings).tolist()))
    aligned = [p for p, s in scores.items() if s.aligned]
    edges = [(scores[p].score, p) for p in aligned] + _span_edges(aligned, rows, scorer, settings)
    edges.sort(key=lambda e: (-e[0], e[1]))
    scorer.pairs(_triangles(edges, units))
    members = _claims(edges, units, scorer, settings)
    scores = scorer.pairs((a, b) for m in members for a in m for b in m
                          if a < b and units[a].article != units[b].article)
    groups = [_group([units[i] for i in m], scores, settings) for m in members]
    groups.sort(key=lambda g: (-len({p.article for p in g.passages}), -g.score, g.passages[0].id))
    _attach_headlines(groups, layers, units)
    for n, g in enumerate(groups, 1):
        g.id = f"g{n}"
    return groups


def shared_runs(a: Unit, b: Unit, min_words: int) -> list[dict[str, int | str]]:
    """Copied runs of at least ``min_words`` content words, as original-offset spans on both sides
    (function words inside a run are covered; they do not count towards its length)."""
    runs = []
    matcher = SequenceMatcher(None, a.content_skel, b.content_skel, autojunk=False)
    for block in matcher.get_matching_blocks():
        if block.size >= min_words:
            ta = [a.toks[a.content[block.a]], a.toks[a.content[block.a + block.size - 1]]]
            tb = [b.toks[b.content[block.b]], b.toks[b.content[block.b + block.size - 1]]]
            runs.append({"a": a.passage.article, "a_start": ta[0].start, "a_end": ta[1].end,
                         "b": b.passage.article, "b_start": tb[0].start, "b_end": tb[1].end,
                         "words": block.size})
    return runs


def _group(units: list[Unit], scores: dict[tuple[int, int], PairScore], settings: Settings) -> Group:
    pairs = []
    verbatim = []
    for i, a in enumerate(units):
        for b in units[i + 1:]:
            if a.article == b.article:
                continue
            pair = scores[(a.index, b.index)]
            pairs.append({"a": a.passage.id, "b": b.passage.id, "kind": KINDS[pair.kind], "score": round(pair.score, 3)})
            if KINDS[pair.kind] == "verbatim":
                verbatim.extend(shared_runs(a, b, settings.verbatim_min_words))
    best = max(pairs, key=lambda p: (KINDS.index(p["kind"]), p["score"]))
    score = sum(p["score"] for p in pairs) / len(pairs)
    passages = sorted((u.passage for u in units), key=lambda p: (p.article, p.start))
    return Group(id="", kind=best["kind"], score=round(score, 3), passages=passages, pairs=pairs,
                 verbatim=verbatim)
