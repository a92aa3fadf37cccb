"""Sentence cuts: the unit of a claim and of a figure's frame."""

from __future__ import annotations

import pytest

from compare.textlayer import sentences


@pytest.mark.parametrize(("text", "expected"), [
    # initials and abbreviations after a lone letter do not end a sentence
    ("قضت المحكمة بسجن المتهم الأول (خ. س. م)، المدير السابق، خمس عشرة سنة. وبرأت متهمين.",
     ["قضت المحكمة بسجن المتهم الأول (خ. س. م)، المدير السابق، خمس عشرة سنة.", "وبرأت متهمين."]),
    ("وقال د. أحمد إن الحكم نهائي. وأضاف: نعم!", ["وقال د. أحمد إن الحكم نهائي.", "وأضاف: نعم!"]),
    # a score or a figure at the end of a sentence still ends it
    ("انتهت المباراة 2-1. وفاز الفريق بعد ذلك.", ["انتهت المباراة 2-1.", "وفاز الفريق بعد ذلك."]),
])
def test_sentence_cuts(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in sentences(text, 0, len(text))] == expected
