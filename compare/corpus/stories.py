"""Story clustering: which articles report the same event.

Candidates come from MinHash LSH (the band keys of :mod:`.parse`, looked up in the store);
each candidate is confirmed on the whole article, so one shared paragraph of agency boilerplate
is never enough: content-word TF-IDF cosine, with shared names or figures as support. An article
joins the story it links to most, and only if it links to at least half of that story's members,
so a chain of pairwise resemblances never merges two events. Articles are taken in publication
order then id, so the same input always gives the same stories, on one core or a cluster.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections import Counter, OrderedDict
from dataclasses import dataclass

from .parse import Features
from .store import Store


@dataclass(frozen=True)
class Thresholds:
    """When an article joins a story. ``python -m bench.corpus_quality --sweep`` (real stories
    mixed with 1000 generated ones around their days): precision 1.0 and no merged events for
    every setting tried; the cosines sit mid-plateau of the real stories' recall (link 0.15-0.20
    with supported 0.10-0.15 all find 45 of 52 same-story pairs; supported 0.18 finds 41, link
    0.25 finds 40). The share made no difference in [0.34, 0.5]."""

    link_cosine: float = 0.18
    """Content-word TF-IDF cosine that links two articles on its own."""
    supported_cosine: float = 0.12
    """The lower cosine that links them when they also share a name or a figure."""
    min_share: float = 0.5
    """Share of a story's members an article must link to before it joins that story."""
    bucket_cap: int = 10
    """Articles kept under one band key, the latest: a key shared by many articles is a site
    footer, agency boilerplate or one very big story, and a few of its articles are enough."""
    candidate_stories: int = 5
    """Stories confirmed per article, those sharing the most band keys: chance collisions grow
    with the articles in the window, and the confirmation must not grow with them."""
    recent_members: int = 30
    """Members of a story an article is compared with (the latest)."""

_CACHE = 20_000  # article vectors kept in memory


@dataclass
class Counts:
    clustered: int = 0
    new_stories: int = 0


class Clusterer:
    """Assigns articles to stories inside one store transaction."""

    def __init__(self, store: Store, window_days: int, thresholds: Thresholds | None = None) -> None:
        self.store = store
        self.limits = thresholds or Thresholds()
        self.window = dt.timedelta(days=window_days)
        self.df: dict[str, int] = dict(store.db.execute("SELECT word, df FROM terms"))
        self.n = store.count("members")  # articles whose words are in the document frequencies
        self.seq = store.db.execute("SELECT COALESCE(MAX(seq) + 1, 0) FROM members").fetchone()[0]  # clustering order
        self.vectors: OrderedDict[str, tuple[str | None, Features, dict[str, float]]] = OrderedDict()
        self.touched: set[str] = set()

    def run(self, articles: list[tuple[str, str | None]]) -> Counts:
        counts = Counts()
        with self.store.batch():
            new_words: set[str] = set()
            for article, _published in articles:  # the batch's own words count in the IDF from the start
                for word in self.store.features(article)[1].words:
                    self.df[word] = self.df.get(word, 0) + 1
                    new_words.add(word)
            self.n += len(articles)
            for article, _published in articles:
                counts.clustered += 1
                counts.new_stories += not self.assign(article)
            self.store.db.executemany("INSERT OR REPLACE INTO terms VALUES (?, ?)",  # only what changed:
                                      [(w, self.df[w]) for w in sorted(new_words)])  # a 1% run costs 1%
            self._update_stories()
        return counts

    def assign(self, article: str) -> bool:
        """Put one article in a story (an existing one, or its own); True if it joined one."""
        published, features, vector = self._vector(article)
        best: tuple[float, float, str] | None = None
        stories, full = self._candidate_stories(features, published)
        for story in stories:
            members = self._recent_members(story)
            links, total = 0, 0.0
            for member in members:
                _, theirs, their_vector = self._vector(member)
                # fsum: exact whatever order the set yields the shared words (string hashes vary by process)
                cosine = math.fsum(vector[word] * their_vector[word] for word in vector.keys() & their_vector.keys())
                total += cosine
                supported = bool(set(features.names) & set(theirs.names) or set(features.figures) & set(theirs.figures))
                links += cosine >= self.limits.link_cosine or (cosine >= self.limits.supported_cosine and supported)
            if links and links >= self.limits.min_share * len(members):
                score = (links / len(members), total / len(members), story)
                if best is None or score[:2] > best[:2]:
                    best = score
        story = best[2] if best else "s" + article[1:]
        db = self.store.db
        db.execute("INSERT INTO members VALUES (?, ?, (SELECT MAX(id) FROM runs), ?, ?)", (article, story, self.seq, published))
        # A full bucket (a site footer, agency boilerplate, one huge story) keeps its latest
        # articles only: lookups stay bounded however big the store grows.
        db.executemany("DELETE FROM bands WHERE key = ? AND seq <= (SELECT seq FROM bands WHERE key = ? "
                       "ORDER BY seq DESC LIMIT 1 OFFSET ?)", [(k, k, self.limits.bucket_cap - 2) for k in full])
        db.executemany("INSERT INTO bands VALUES (?, ?)", [(k, self.seq) for k in features.bands])
        self.seq += 1
        self.touched.add(story)
        return best is not None

    def _recent_members(self, story: str) -> list[str]:
        """The story's latest members, up to ``recent_members``: a big story is judged on its
        current wording, and joining it costs the same at its hundredth article as at its tenth."""
        return [r[0] for r in self.store.db.execute("SELECT article FROM members WHERE story = ? ORDER BY seq DESC LIMIT ?",
                                                    (story, self.limits.recent_members))]

    def _candidate_stories(self, features: Features, published: str | None) -> tuple[list[str], list[int]]:
        """The stories sharing the most band keys with the article, within the time window; and
        the keys whose bucket is full (``bucket_cap`` articles), which :meth:`assign` trims."""
        keys = features.bands
        if not keys:
            return [], []
        rows = self.store.db.execute(
            f"SELECT b.key, m.story, m.published FROM bands b JOIN members m ON m.seq = b.seq "
            f"WHERE b.key IN ({','.join('?' * len(keys))})", keys).fetchall()
        sizes = Counter(key for key, _, _ in rows)
        full = sorted(key for key, n in sizes.items() if n >= self.limits.bucket_cap)
        hits = Counter(story for _, story, theirs in rows if self._near(published, theirs))
        ranked = sorted(hits, key=lambda story: (-hits[story], story))[:self.limits.candidate_stories]
        return ranked, full

    def _near(self, a: str | None, b: str | None) -> bool:
        """Within the time window (an unknown date does not rule a story out)."""
        if not a or not b:
            return True
        return abs(dt.date.fromisoformat(a) - dt.date.fromisoformat(b)) <= self.window

    def _vector(self, article: str) -> tuple[str | None, Features, dict[str, float]]:
        """Unit-length TF-IDF vector of the article's content words (IDF over the store so far)."""
        if article in self.vectors:
            self.vectors.move_to_end(article)
            return self.vectors[article]
        published, features = self.store.features(article)
        weights = {w: (1 + math.log(tf)) * (math.log((self.n + 1) / (self.df.get(w, 0) + 1)) + 1)
                   for w, tf in features.words.items()}
        norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
        entry = (published, features, {w: v / norm for w, v in weights.items()})
        self.vectors[article] = entry
        if len(self.vectors) > _CACHE:
            self.vectors.popitem(last=False)
        return entry

    def _update_stories(self) -> None:
        """Titles, periods, counts and member hashes of the stories that changed."""
        db = self.store.db
        for story in sorted(self.touched):
            members = self.store.members(story)
            rows = db.execute(f"SELECT id, outlet, published, title FROM articles WHERE id IN "
                              f"({','.join('?' * len(members))}) ORDER BY published, id", members).fetchall()
            dates = sorted(r[2] for r in rows if r[2])
            outlets = len({r[1] or r[0] for r in rows})
            members_hash = hashlib.sha1(",".join(members).encode()).hexdigest()[:16]
            db.execute("INSERT INTO stories (id, title, first_published, last_published, articles, outlets, members_hash) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET first_published = excluded.first_published, "
                       "last_published = excluded.last_published, articles = excluded.articles, "
                       "outlets = excluded.outlets, members_hash = excluded.members_hash",
                       (story, rows[0][3], dates[0] if dates else None, dates[-1] if dates else None,
                        len(rows), outlets, members_hash))
