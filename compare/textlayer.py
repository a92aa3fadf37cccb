"""Paragraphs, sentences and tokens with offsets into an article's clean text.

A regex on newlines and sentence marks (. ! ? ؟ …) that leaves decimals, URLs and
abbreviation-like dots alone works for news Arabic; pyarabic's tokenizer stops after 32
splits and punkt is not available offline (GUIDE §4).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from .model import Article, Passage
from .normalize import word_key

#: Sentence end: a run of . ! ? ؟ … (optionally followed by closing quotes/brackets) then space or end.
#: A dot between two digits (2.5) or inside a URL is never an end: it is not followed by space; a
#: dot after a lone letter is an initial («المتهم الأول (خ. س. م)», «د. أحمد»), not an end.
_SENT_END = re.compile(r"(?<!(?<!\w)[^\W\d_])[.!?؟…]+[\"'”’»)\]]*(?=\s|$)"
                       r"|(?<=(?<!\w)[^\W\d_])[!?؟…]+[\"'”’»)\]]*(?=\s|$)")
#: Tokens: words in any script (with Arabic marks), or numbers with separators and decimals.
TOKEN = re.compile(r"\d+(?:[.,٫٬]\d+)*|[^\W\d_](?:[^\W\d_]|[\u064b-\u065f\u0670\u0640])*")
#: Punctuation that ends a clause: the figures of one clause report one claim. The colon of a clock
#: time («03:12») and quotation marks («إن النسبة «لم تتجاوز 30%»») do not. Search the whole text
#: from a position (``search(text, pos)``), not a slice: the colon looks at the digit before it.
CLAUSE_PUNCT = re.compile(r"[،,؛;.!?؟()\n]|(?<![0-9٠-٩]):")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    key: str


@dataclass
class Layer:
    """The segmented view of one article; built once per article and shared by all stages."""

    article: Article
    passages: list[Passage]

    @cached_property
    def tokens(self) -> list[Token]:
        return tokens(self.article.text)


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word tokens of ``text[start:end]`` with original offsets and matching keys."""
    return [Token(m.start(), m.end(), word_key(m.group())) for m in TOKEN.finditer(text, start, end or len(text))]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            lead = len(line) - len(line.lstrip())
            spans.append((pos + lead, pos + len(line.rstrip())))
        pos += len(line) + 1
    return spans


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each sentence inside ``text[start:end]``, whitespace trimmed."""
    spans = []
    cut = start
    for m in _SENT_END.finditer(text, start, end):
        spans.append((cut, m.end()))
        cut = m.end()
    spans.append((cut, end))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s and any(c.isalnum() for c in text[s:e]):
            out.append((s, e))
    return out


def segment(article: Article) -> Layer:
    """Split an article into sentence passages, each knowing its paragraph."""
    text = article.text
    passages = []
    for p_index, (ps, pe) in enumerate(paragraphs(text)):
        for s_index, (ss, se) in enumerate(sentences(text, ps, pe)):
            passages.append(Passage(
                article=article.id, start=ss, end=se, text=text[ss:se],
                id=f"{article.id}#p{p_index}s{s_index}", paragraph=p_index, sentence=s_index,
                para_start=ps, para_end=pe,
            ))
    return Layer(article, passages)
