"""Line up sentences from different outlets that report the same thing.

Three kinds of evidence, combined into one score per passage pair (weights in Settings):
- TF-IDF cosine over character n-grams of the matching key (robust to clitics and spellings);
- containment of word-bigram skeletons (a short passage inside a long one scores high);
- shared numbers and shared fact slots (the same counted noun), which catch paraphrases
  with little shared wording ("2500 troops" vs "3500 foreign soldiers").
Candidates come from an inverted index of rare features (no all-pairs matrix), so the cost
grows near-linearly with the number of passages. Groups are built from the best pairs down,
and a passage only joins a group it is coherent with, so no hub passage chains unrelated ones.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from .facts import is_duration
from .model import Fact, Group, Passage
from .settings import Settings
from .textlayer import Layer, Token, tokens
from .words import is_content, skeleton

KIND_RANK = {"verbatim": 3, "paraphrase": 2, "same-fact": 1}


@dataclass
class Unit:
    """A passage prepared for matching."""

    passage: Passage
    index: int
    toks: list[Token]
    skel: list[str]
    features: set[str] = field(default_factory=set)
    numbers: set[str] = field(default_factory=set)
    slots: set[str] = field(default_factory=set)

    @property
    def article(self) -> str:
        return self.passage.article


def _units(layers: list[Layer], facts: list[Fact], settings: Settings) -> list[Unit]:
    by_passage: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact.passage:
            by_passage[fact.passage].append(fact)
    units = []
    for layer in layers:
        text = layer.article.text
        for p in layer.passages:
            toks = tokens(text, p.start, p.end)
            if len(toks) < settings.min_passage_words:
                continue
            skel = [skeleton(t.key) for t in toks]
            unit = Unit(p, len(units), toks, skel)
            unit.features = {s for t, s in zip(toks, skel, strict=True) if is_content(t.key) and not s.isdigit()}
            for f in by_passage[p.id]:
                if f.type == "quantity" and f.slot and not is_duration(f):
                    # an ordinal names one item ("the fourth round"): only the same ordinal is one fact
                    unit.slots.add(f"{f.slot}#{f.value}" if f.form == "ordinal" else f.slot)
                    unit.numbers.add(f"{f.value:g}" if isinstance(f.value, float) else str(f.value))
                elif f.type == "date" and f.value:
                    unit.numbers.add(str(f.value))
            units.append(unit)
    return units


def _suppress_furniture(units: list[Unit], n_articles: int) -> list[Unit]:
    """Drop passages whose exact wording recurs in more than half the articles (page furniture)."""
    if n_articles < 4:
        return units
    seen: dict[str, set[str]] = defaultdict(set)
    for u in units:
        seen[" ".join(u.skel)].add(u.article)
    return [u for u in units if len(seen[" ".join(u.skel)]) <= n_articles / 2]


class Scorer:
    """Pair scores with their parts, computed on demand and cached."""

    def __init__(self, units: list[Unit], settings: Settings) -> None:
        self.units = units
        self.s = settings
        vectorizer = TfidfVectorizer(analyzer="char_wb", sublinear_tf=True,
                                     ngram_range=(settings.char_ngram_min, settings.char_ngram_max))
        self.matrix = vectorizer.fit_transform([" ".join(t.key for t in u.toks) for u in units]).tocsr()
        n = settings.word_ngram
        self.grams = [set(zip(*(u.skel[i:] for i in range(n)), strict=False)) for u in units]
        self.cache: dict[tuple[int, int], tuple[float, str]] = {}

    def cosine(self, a: int, b: int) -> float:
        return float(self.matrix[a].multiply(self.matrix[b]).sum())

    def score(self, a: int, b: int) -> tuple[float, str]:
        """(score, kind) of a pair of units."""
        if a > b:
            a, b = b, a
        if (a, b) in self.cache:
            return self.cache[(a, b)]
        ua, ub = self.units[a], self.units[b]
        ga, gb = self.grams[a], self.grams[b]
        containment = len(ga & gb) / max(1, min(len(ga), len(gb)))
        score = self.s.weight_char * self.cosine(a, b) + self.s.weight_words * containment
        score += self.s.bonus_numbers * min(2, len(ua.numbers & ub.numbers))
        shared_slots = ua.slots & ub.slots
        if longest_run(ua.skel, ub.skel)[2] >= self.s.verbatim_min_words:
            kind = "verbatim"
        elif score >= self.s.paraphrase_threshold:
            kind = "paraphrase"
        else:
            kind = "same-fact"
            if shared_slots:  # the same fact slot is evidence enough that the passages report one fact
                score = max(score, self.s.align_threshold)
        self.cache[(a, b)] = (score, kind)
        return score, kind


def longest_run(a: list[str], b: list[str]) -> tuple[int, int, int]:
    """(start in a, start in b, length) of the longest shared run of words."""
    m = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return m.a, m.b, m.size


def shared_runs(a: Unit, b: Unit, min_words: int) -> list[dict[str, int | str]]:
    """Copied runs of at least ``min_words`` words, as original-offset spans on both sides."""
    runs = []
    for block in SequenceMatcher(None, a.skel, b.skel, autojunk=False).get_matching_blocks():
        if block.size >= min_words:
            ta, tb = a.toks[block.a:block.a + block.size], b.toks[block.b:block.b + block.size]
            runs.append({"a": a.article, "a_start": ta[0].start, "a_end": ta[-1].end,
                         "b": b.article, "b_start": tb[0].start, "b_end": tb[-1].end, "words": block.size})
    return runs


def _candidates(units: list[Unit], settings: Settings) -> set[tuple[int, int]]:
    """Top-k partners per unit from an inverted index of rare features, numbers and slots."""
    index: dict[str, list[int]] = defaultdict(list)
    for u in units:
        for f in u.features | {f"#{n}" for n in u.numbers} | {f"@{s}" for s in u.slots}:
            index[f].append(u.index)
    n_articles = len({u.article for u in units})
    max_df = max(2 * n_articles, int(0.02 * len(units)))
    idf = {f: float(np.log(len(units) / len(ids))) for f, ids in index.items() if len(ids) <= max_df}
    pairs: set[tuple[int, int]] = set()
    for u in units:
        votes: Counter[int] = Counter()
        for f in u.features | {f"#{n}" for n in u.numbers} | {f"@{s}" for s in u.slots}:
            weight = idf.get(f)
            if weight is None:
                continue
            for other in index[f]:
                if units[other].article != u.article:
                    votes[other] += weight
        for other, _ in votes.most_common(settings.top_k):
            pairs.add((min(u.index, other), max(u.index, other)))
    return pairs


def _adjacent(a: Passage, b: Passage) -> bool:
    return a.article == b.article and a.paragraph == b.paragraph and abs(a.sentence - b.sentence) == 1


def _mergeable(g1: list[int], g2: list[int], scorer: Scorer) -> bool:
    """Two groups join only if they do not hold unrelated passages of one article and most
    cross pairs from different outlets are similar (group coherence)."""
    units = scorer.units
    cross = 0
    good = 0
    for a in g1:
        for b in g2:
            pa, pb = units[a].passage, units[b].passage
            if pa.article == pb.article:
                if not _adjacent(pa, pb):
                    return False
                continue
            cross += 1
            good += scorer.score(a, b)[0] >= scorer.s.group_coherence
    return cross == 0 or good * 2 >= cross


def align(layers: list[Layer], facts: list[Fact], settings: Settings) -> list[Group]:
    """Groups of passages from at least two outlets, strongest first."""
    units = _suppress_furniture(_units(layers, facts, settings), len(layers))
    if len(units) < 2:
        return []
    for i, u in enumerate(units):
        u.index = i
    scorer = Scorer(units, settings)
    scored = []
    for a, b in sorted(_candidates(units, settings)):
        score, kind = scorer.score(a, b)
        if score >= settings.align_threshold:
            scored.append((score, a, b, kind))
    scored.sort(key=lambda x: (-x[0], x[1], x[2]))
    member: dict[int, list[int]] = {}
    for _, a, b, _ in scored:
        ga, gb = member.get(a, [a]), member.get(b, [b])
        if ga is gb or not _mergeable(ga, gb, scorer):
            continue
        merged = ga + gb
        for i in merged:
            member[i] = merged
    groups_idx = {id(g): g for g in member.values()}.values()
    groups = [_group(sorted(g), scorer, settings) for g in groups_idx]
    groups.sort(key=lambda g: (-len({p.article for p in g.passages}), -g.score, g.passages[0].id))
    for n, g in enumerate(groups, 1):
        g.id = f"g{n}"
    return groups


def _group(members: list[int], scorer: Scorer, settings: Settings) -> Group:
    units = [scorer.units[i] for i in members]
    pairs = []
    verbatim = []
    for i, a in enumerate(units):
        for b in units[i + 1:]:
            if a.article == b.article:
                continue
            score, kind = scorer.score(a.index, b.index)
            pairs.append({"a": a.passage.id, "b": b.passage.id, "kind": kind, "score": round(score, 3)})
            if kind == "verbatim":
                verbatim.extend(shared_runs(a, b, settings.verbatim_min_words))
    best = max(pairs, key=lambda p: (KIND_RANK[p["kind"]], p["score"]))
    score = sum(p["score"] for p in pairs) / len(pairs)
    passages = sorted((u.passage for u in units), key=lambda p: (p.article, p.start))
    return Group(id="", kind=best["kind"], score=round(score, 3), passages=passages, pairs=pairs,
                 verbatim=verbatim)
