"""A synthetic corpus of N articles grown from the five seeds, for timing the aligner at scale.

It imitates a monitoring desk's day: many *stories*, each covered by five outlets.
- Story: article i belongs to story i // 5 and is seed i % 5 rewritten for that story. Every
  story gets its own lexicon: each content word of the seeds is respelt, with probability
  ``story_share``, by a letter substitution drawn for that story, consistently across its five
  articles. Function words stay, so stories share the grammar and a little vocabulary but not
  their names and topics, as real stories do; without this, every story would be a copy of the
  seeds and all of them one giant group.
- Outlet edits, drawn per article: paragraphs shuffled (each paragraph swaps with a random one
  with probability ``shuffle``), content words replaced by another seed word (``substitute``),
  and numbers changed by a random factor (``number_edit``).
- Page furniture: a newsletter blurb with punctuation (so the line filter of ingest would keep
  it) ends every article of the first outlet, recurring across stories as a site footer does.
Everything is drawn from ``random.Random(seed)``: the corpus is the same on every run.

:func:`feed` grows a larger and less regular corpus for corpus mode (issue 12, bench/corpus_scale.py),
where five seeds respelt would make every story the same five articles:
- Story text: a random subset of a sentence pool (every sentence of the seeds and of the 30 dev
  articles), respelt with the story's own lexicon, so no two stories share their text.
- Outlets: each story has 1 to 8 outlets (single-outlet stories are common in a real feed) drawn
  from a pool of a few hundred generated names; each outlet's article drops some of the story's
  sentences, adds a few of its own (respelt in the story's lexicon: on topic), and gets the
  edits above.
- Dates: each story has a day among ``days``; its articles are published that day or the next.
Each story draws from its own ``random.Random``, so the first stories of a bigger feed are those
of a smaller one: sizes are prefixes of each other, and adding articles adds new stories.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from compare.ingest import ingest
from compare.model import Article
from compare.normalize import key
from compare.settings import Settings
from compare.words import is_content

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
DEVSET = Path(__file__).resolve().parent.parent / "tests" / "data" / "devset"
_WORD = re.compile(r"[\u0621-\u064a]{3,}")
_NUMBER = re.compile(r"\d+")
_LETTERS = "بتثجحخدذرزسشصضطظعغفقكلمنهوي"
FURNITURE = "اشترك في نشرتنا البريدية ليصلك كل جديد من أخبارنا وتقاريرنا، مباشرة إلى بريدك."


def seed_articles() -> list[Article]:
    """The five seeds as ingest reads them (clean text, outlet, date)."""
    articles, _ = ingest([str(SEEDS)], Settings())
    return articles


def _content_words(articles: list[Article]) -> list[str]:
    return sorted({w for a in articles for w in _WORD.findall(a.text) if is_content(key(w))})


def _respell(word: str, rng: random.Random) -> str:
    """The word with one or two inner letters swapped for others: a different name of the same shape."""
    chars = list(word)
    for _ in range(1 + (len(word) > 5)):
        i = rng.randrange(1, len(chars))
        chars[i] = rng.choice(_LETTERS)
    return "".join(chars)


def _edit(text: str, lexicon: dict[str, str], vocab: list[str], rng: random.Random,
          shuffle: float, substitute: float, number_edit: float) -> str:
    paragraphs = text.split("\n")
    for i in range(len(paragraphs)):
        if rng.random() < shuffle:
            j = rng.randrange(len(paragraphs))
            paragraphs[i], paragraphs[j] = paragraphs[j], paragraphs[i]
    text = "\n".join(paragraphs)

    def word(m: re.Match[str]) -> str:
        w = lexicon.get(m.group(), m.group())
        return rng.choice(vocab) if rng.random() < substitute else w

    def number(m: re.Match[str]) -> str:
        if rng.random() >= number_edit:
            return m.group()
        return str(max(1, round(int(m.group()) * rng.uniform(0.5, 1.5))))

    return _NUMBER.sub(number, _WORD.sub(word, text))


def corpus(size: int, *, seed: int = 0, story_share: float = 0.9, shuffle: float = 0.15,
           substitute: float = 0.03, number_edit: float = 0.3) -> list[Article]:
    """``size`` articles: stories of five outlets each, grown from the seeds (see module doc)."""
    seeds = seed_articles()
    vocab = _content_words(seeds)
    rng = random.Random(seed)
    out = []
    lexicon: dict[str, str] = {}
    for i in range(size):
        story, outlet = divmod(i, len(seeds))
        if outlet == 0:
            lexicon = {w: _respell(w, rng) for w in vocab if rng.random() < story_share}
        base = seeds[outlet]
        text = _edit(base.text, lexicon, vocab, rng, shuffle, substitute, number_edit)
        if outlet == 0:
            text += "\n" + FURNITURE
        out.append(replace(base, id=f"s{story:04d}_{base.id}", source=f"corpus/{story}/{base.id}", text=text,
                           title=None, removed_lines=[]))
    return out


def stories(articles: list[Article]) -> list[list[Article]]:
    """The articles of each story (what one comparison would hold)."""
    by_story: dict[str, list[Article]] = {}
    for a in articles:
        by_story.setdefault(a.id.split("_", 1)[0], []).append(a)
    return list(by_story.values())


# --- corpus mode: a feed of many stories, outlets and days -------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+")
#: Outlet names are a prefix and a place: 24 x 16 = 384 names, more than a desk follows.
_PREFIXES = [("jaridat", "جريدة"), ("sawt", "صوت"), ("anbaa", "أنباء"), ("akhbar", "أخبار"), ("madar", "مدار"),
             ("ufuq", "أفق"), ("bawabat", "بوابة"), ("nafizat", "نافذة"), ("minbar", "منبر"), ("sada", "صدى"),
             ("raed", "رائد"), ("yawmiyyat", "يوميات"), ("qanat", "قناة"), ("shabakat", "شبكة"), ("marsad", "مرصد"),
             ("wikalat", "وكالة"), ("sahifat", "صحيفة"), ("idhaat", "إذاعة"), ("majallat", "مجلة"), ("nabd", "نبض"),
             ("arsif", "أرشيف"), ("maydan", "ميدان"), ("muashir", "مؤشر"), ("hadath", "حدث")]
_PLACES = [("sharq", "الشرق"), ("gharb", "الغرب"), ("watan", "الوطن"), ("asima", "العاصمة"), ("sahil", "الساحل"),
           ("jabal", "الجبل"), ("nahr", "النهر"), ("wadi", "الوادي"), ("madina", "المدينة"), ("jazira", "الجزيرة"),
           ("khalij", "الخليج"), ("sahra", "الصحراء"), ("bahr", "البحر"), ("rif", "الريف"), ("yawm", "اليوم"),
           ("ghad", "الغد")]
#: Weights of 1..8 outlets per story: many stories are covered by one or two outlets, few by eight.
_OUTLET_WEIGHTS = [4, 4, 3, 2, 2, 1, 1, 1]
START = dt.date(2024, 3, 1)


@dataclass(frozen=True)
class Outlet:
    slug: str  # for urls
    name: str


@dataclass(frozen=True)
class Record:
    """One line of a generated feed: what compare/corpus/feed.py ``feed_item`` reads, and the story it is from."""

    story: int
    outlet: str
    url: str
    published: str  # ISO date-time with zone
    text: str

    def line(self) -> str:
        return json.dumps({"url": self.url, "outlet": self.outlet, "published": self.published, "text": self.text},
                          ensure_ascii=False)


@cache
def sentence_pool() -> tuple[str, ...]:
    """Every sentence of the seeds and the dev articles long enough to carry content (>= 6 words,
    >= 3 content words): the material stories are drawn from."""
    settings = Settings()
    folders = [SEEDS, *sorted(p for p in DEVSET.iterdir() if p.is_dir())]
    sentences: dict[str, None] = {}
    for folder in folders:
        for article in ingest([str(folder)], settings)[0]:
            for paragraph in article.text.split("\n"):
                for sentence in _SENTENCE_END.split(paragraph.strip()):
                    words = _WORD.findall(sentence)
                    if len(sentence.split()) >= 6 and sum(is_content(key(w)) for w in words) >= 3:
                        sentences[sentence] = None
    return tuple(sentences)


@cache
def _pool_vocab() -> tuple[str, ...]:
    return tuple(sorted({w for s in sentence_pool() for w in _WORD.findall(s) if is_content(key(w))}))


def outlets(count: int = 300, *, seed: int = 0) -> list[Outlet]:
    """``count`` distinct outlet names (at most 384), the same for a seed."""
    pairs = [(p, q) for p in _PREFIXES for q in _PLACES]
    chosen = random.Random(f"outlets:{seed}").sample(pairs, min(count, len(pairs)))
    return [Outlet(f"{p[0]}-{q[0]}", f"{p[1]} {q[1]}") for p, q in chosen]


class _Lexicon:
    """A story's respelling: each content word, met for the first time, is respelt with
    probability ``share`` and then spelt that way everywhere in the story."""

    def __init__(self, rng: random.Random, share: float) -> None:
        self.rng, self.share, self.words = rng, share, dict[str, str]()

    def apply(self, text: str) -> str:
        return _WORD.sub(self._word, text)

    def _word(self, m: re.Match[str]) -> str:
        w = m.group()
        if w not in self.words:
            respelt = is_content(key(w)) and self.rng.random() < self.share
            self.words[w] = _respell(w, self.rng) if respelt else w
        return self.words[w]


def feed(size: int, *, seed: int = 0, days: int = 7, outlet_pool: int = 300, sentences: tuple[int, int] = (8, 16),
         story_share: float = 0.9, drop: float = 0.15, add: int = 2, shuffle: float = 0.15,
         substitute: float = 0.03, number_edit: float = 0.3, next_day: float = 0.3,
         start: dt.date = START) -> list[Record]:
    """``size`` feed records, story after story (see module doc); the same for the same arguments,
    and a prefix of the records of any larger ``size``."""
    pool, vocab = sentence_pool(), list(_pool_vocab())
    names = outlets(outlet_pool, seed=seed)
    footers = {o.name for o in names[::7]}  # a site footer recurring across that outlet's stories
    out: list[Record] = []
    story = 0
    while len(out) < size:
        rng = random.Random(f"story:{seed}:{story}")
        lexicon = _Lexicon(random.Random(f"lexicon:{seed}:{story}"), story_share)
        day = start + dt.timedelta(days=rng.randrange(days))
        chosen = rng.sample(range(len(pool)), rng.randint(*sentences))
        paragraphs: list[list[str]] = []
        for i in chosen:
            if not paragraphs or len(paragraphs[-1]) >= rng.randint(1, 3):
                paragraphs.append([])
            paragraphs[-1].append(lexicon.apply(pool[i]))
        covering = rng.sample(names, rng.choices(range(1, 9), _OUTLET_WEIGHTS)[0])
        for outlet in covering:
            text = _outlet_text(paragraphs, pool, lexicon, vocab, rng, drop, add, shuffle, substitute, number_edit)
            if outlet.name in footers:
                text += "\n" + FURNITURE
            date = day + dt.timedelta(days=int(rng.random() < next_day and day < start + dt.timedelta(days=days - 1)))
            time = dt.time(rng.randrange(24), rng.randrange(60), rng.randrange(60), tzinfo=dt.timezone(dt.timedelta(hours=3)))
            url = f"https://{outlet.slug}.example/{date.isoformat()}/s{seed}-{story}"
            out.append(Record(story, outlet.name, url, dt.datetime.combine(date, time).isoformat(), text))
            if len(out) == size:
                break
        story += 1
    return out


def _outlet_text(paragraphs: list[list[str]], pool: tuple[str, ...], lexicon: _Lexicon, vocab: list[str],
                 rng: random.Random, drop: float, add: int, shuffle: float, substitute: float,
                 number_edit: float) -> str:
    """One outlet's version of the story: some sentences dropped, a few of its own added, then the edits of :func:`_edit`."""
    kept = [[s for s in paragraph if rng.random() >= drop] for paragraph in paragraphs]
    if sum(map(len, kept)) < 2:  # an outlet reports at least the lead
        kept = [paragraph[:] for paragraph in paragraphs[:1]] + kept[1:]
    for _ in range(rng.randint(0, add)):
        paragraph = rng.choice(kept)
        paragraph.insert(rng.randint(0, len(paragraph)), lexicon.apply(rng.choice(pool)))
    text = "\n".join(" ".join(p) for p in kept if p)
    return _edit(text, {}, vocab, rng, shuffle, substitute, number_edit)


def write_feed(path: Path, records: list[Record]) -> Path:
    """The records as a JSON Lines feed, in publication order as a feed would list them."""
    with path.open("w", encoding="utf-8") as handle:
        for record in sorted(records, key=lambda r: (r.published, r.url)):
            handle.write(record.line() + "\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description="Write a generated JSON Lines feed (see bench/corpus.py).")
    parser.add_argument("path", type=Path)
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--days", type=int, default=7)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    records = feed(args.size, seed=args.seed, days=args.days)
    write_feed(args.path, records)
    print(f"{len(records)} articles, {records[-1].story + 1} stories -> {args.path}")


if __name__ == "__main__":
    main()
