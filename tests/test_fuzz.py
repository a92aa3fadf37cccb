"""Mutated real articles never cause an internal error (issue 11): a comparison or a user error.

A sample of the cases of ``python -m bench.fuzz`` (byte flips, truncation, whitespace and
punctuation between words, mixed encodings, repeated spans over the seeds and dev stories); the
benchmark runs 10,000. Cases are numbered and reproducible.
"""

from __future__ import annotations

import pytest

from bench.fuzz import run_case


@pytest.mark.parametrize("first", range(0, 120, 30))
def test_mutated_articles_end_in_a_comparison_or_a_user_error(first: int) -> None:
    outcomes = [run_case(number) for number in range(first, first + 30)]
    internal = [detail for outcome, detail in outcomes if outcome == "internal error"]
    assert not internal, internal[0]
    assert any(outcome == "ok" for outcome, _ in outcomes)  # the mutations leave most articles readable
