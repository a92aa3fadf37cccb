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
"""

from __future__ import annotations

import random
import re
from dataclasses import replace
from pathlib import Path

from compare.ingest import ingest
from compare.model import Article
from compare.normalize import key
from compare.settings import Settings
from compare.words import is_content

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
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
