"""Property tests over arbitrary Unicode and bytes: nothing raises but InputError, every offset is exact.

Text strategies mix arbitrary characters with the material of real pages (Arabic words from the
seeds, digits in three scripts, number and month words, punctuation, line ends), so that the
readers' interesting paths are reached and not only noise. Example counts stay modest: the file
must run in well under a minute (PROPERTY_EXAMPLES=2000 for a thorough local run).
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import re
import tempfile
from pathlib import Path

from conftest import SEEDS
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from compare.decode import decode
from compare.errors import InputError
from compare.facts.dates import find_dates
from compare.facts.numbers import find_numbers
from compare.model import Article
from compare.normalize import keyed
from compare.pipeline import compare
from compare.textlayer import segment

SEED_WORDS = sorted({w for p in SEEDS.glob("*.txt") for w in p.read_text(encoding="utf-8").split()})
PAGE_WORDS = ["ثلاثة", "آلاف", "وخمسمائة", "مئتي", "جندي", "أمريكي", "نحو", "أكثر", "من", "تموز", "يوليو",
              "أمس", "الجمعة", "الخميس", "عام", "2021", "٢٬٥٠٠", "۱۲", "2,500", "3.5", "%", "بالمئة", "26-07-2021",
              "كوفيد-19", "https://example.org/a.html", "«", "»", '"', "،", ".", "؟", "…", "\n", "\n\n", "\u200f",
              "\u0640", "\ufeff", "The", "troops", "2500", "le", "ministre", "ארצות", "نیروهای"]
EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "80"))
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

words = st.one_of(st.sampled_from(SEED_WORDS), st.sampled_from(PAGE_WORDS), st.text(max_size=6))
separators = st.sampled_from([" ", " ", " ", "\n", "\r\n", "، ", ". ", "\t", "\xa0"])
#: Page-like text: words and separators, with arbitrary characters mixed in.
page_text = st.lists(st.tuples(words, separators), max_size=80).map(lambda pairs: "".join(w + s for w, s in pairs))
any_text = st.one_of(st.text(), page_text)
#: A line an article would keep: several words and a sentence mark.
sentence = st.tuples(st.lists(words, min_size=4, max_size=20), st.sampled_from([".", "،", "؟", ":", "!"])).map(
    lambda parts: " ".join(parts[0]) + parts[1])

#: Characters decoding changes on purpose: controls, line ends other than LF, a leading BOM, and ط/ظ
#: (which can make a line look like mojibake that the decoder repairs).
_CHANGED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeffطظ]")


@FAST
@given(st.binary(max_size=3000))
def test_decoding_arbitrary_bytes(data: bytes) -> None:
    try:
        text = decode(data, "x")
    except InputError as exc:
        assert exc.where == "x" and "\n" not in str(exc)
        return
    assert "\r" not in text and not re.search("[\x00-\x08\x0b-\x1f\x7f]", text)


@FAST
@given(any_text, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_decoding_gives_back_the_text(text: str, codec: str) -> None:
    assume(not _CHANGED.search(text) and text.strip())
    assume(not text.startswith(("%PDF", "GIF8")))  # magic numbers of binary files
    assert decode(text.encode(codec), "x") == text


@FAST
@given(any_text, st.booleans())
def test_normalisation_offset_map(text: str, yeh: bool) -> None:
    k = keyed(text, yeh=yeh)
    assert len(k.origin) == len(k.key)
    assert all(a <= b for a, b in itertools.pairwise(k.origin))
    assert all(0 <= o < len(text) for o in k.origin)


@FAST
@given(any_text)
def test_segmentation_offsets(text: str) -> None:
    layer = segment(Article(id="a", source="a", text=text))
    for p in layer.passages:
        assert p.text == text[p.start:p.end] and p.text.strip()
        assert 0 <= p.para_start <= p.start < p.end <= p.para_end <= len(text)
    for t in layer.tokens:
        assert 0 <= t.start < t.end <= len(text)


@FAST
@given(any_text)
def test_number_reader(text: str) -> None:
    for n in find_numbers(text):
        assert 0 <= n.start < n.end <= len(text)
        assert n.low <= n.high


@FAST
@given(any_text, st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))))
def test_date_reader(text: str, published: dt.date | None) -> None:
    for m in find_dates(text, published):
        assert 0 <= m.start < m.end <= len(text)
        assert m.iso is None or isinstance(m.iso, str)


@settings(max_examples=EXAMPLES // 2, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(sentence, min_size=2, max_size=10), st.data(), st.sampled_from(["utf-8", "utf-16", "cp1256"]))
def test_whole_pipeline(lines: list[str], data: st.DataObject, codec: str) -> None:
    """Two articles sharing some lines (so passages align), each with noise of its own."""
    first, second = (
        "\n".join(data.draw(st.permutations(lines))[:data.draw(st.integers(1, len(lines)))]) + data.draw(page_text)
        for _ in range(2)
    )
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for name, text in (("a.txt", first), ("b.html", second)):
            path = Path(folder) / name
            path.write_bytes(text.encode(codec, errors="replace"))
            paths.append(str(path))
        try:
            comparison = compare(paths)
        except InputError:
            return
    texts = {a.id: a.text for a in comparison.articles}
    for group in comparison.groups:
        for p in group.passages:
            assert texts[p.article][p.start:p.end] == p.text
        for d in group.differences:
            assert texts[d.article][d.start:d.end] == d.text
    for f in comparison.facts:
        assert texts[f.article][f.start:f.end] == f.text
    facts = {f.id: f for f in comparison.facts}
    for row in comparison.discrepancies:
        for v in row.values:
            assert facts[v.fact].text == v.text and facts[v.fact].article == v.article
