"""Context words before a match raise its score; the functions are pure."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redactor.detect.context import (
    DEFAULT_BOOST,
    DEFAULT_FLOOR,
    boosted,
    context_regex,
    context_score,
    has_context,
)

SSN_WORDS = ("ssn", "social security", "ss#")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SSN: 078-05-1121", True),
        ("ssn 078-05-1121", True),
        ("Ssn078-05-1121", True),  # glued to the value still counts
        ("Social   Security number 078-05-1121", True),  # any whitespace inside a phrase
        ("social\nsecurity: 078-05-1121", True),
        ("SS# 078-05-1121", True),
        ("lessn 078-05-1121", False),  # not a whole word
        ("ssns: 078-05-1121", False),  # "ssns" is not in the list
        ("socialsecurity 078-05-1121", False),
        ("Ref: 078-05-1121", False),
        ("078-05-1121 is my SSN", False),  # only text before the match counts
    ],
)
def test_has_context(text: str, expected: bool) -> None:
    start = text.index("078")
    assert has_context(text, start, SSN_WORDS) is expected


def test_window_limits_how_far_back_a_word_counts() -> None:
    text = "SSN" + " " * 50 + "078-05-1121"
    start = text.index("078")
    assert not has_context(text, start, SSN_WORDS, window=40)
    assert has_context(text, start, SSN_WORDS, window=60)


def test_a_word_cut_by_the_window_edge_does_not_count() -> None:
    text = "social security 078-05-1121"
    start = text.index("078")
    assert not has_context(text, start, ("social security",), window=10)
    assert has_context(text, start, ("security",), window=10)


@pytest.mark.parametrize(
    ("words", "start", "window"),
    [((), 10, 40), (("ssn",), 0, 40), (("ssn",), 10, 0), (("  ",), 10, 40)],
)
def test_no_context_without_words_text_or_window(
    words: tuple[str, ...], start: int, window: int
) -> None:
    assert not has_context("ssn ssn ssn ssn", start, words, window)


def test_context_regex_is_cached_and_none_when_empty() -> None:
    assert context_regex(("a", "b")) is context_regex(("a", "b"))
    assert context_regex(()) is None


def test_symbols_in_context_words_are_literal() -> None:
    assert has_context("MR# 12345", 4, ("mr#",))
    assert not has_context("MRX 12345", 4, ("mr#",))
    assert not has_context("a.c 12345", 4, ("a/c",))


@pytest.mark.parametrize(
    ("score", "expected"),
    [(0.0, DEFAULT_FLOOR), (0.3, 0.65), (0.5, 0.85), (0.7, 1.0), (1.0, 1.0)],
)
def test_boosted(score: float, expected: float) -> None:
    assert boosted(score) == pytest.approx(expected)


def test_context_score_raises_only_with_context() -> None:
    assert context_score("SSN: 078-05-1121", 5, 0.4, ("ssn",)) == pytest.approx(0.75)
    assert context_score("Ref: 078-05-1121", 5, 0.4, ("ssn",)) == 0.4
    assert context_score("SSN: x", 5, 0.4, ("ssn",), boost=0.1, floor=0.0) == pytest.approx(0.5)


@given(st.floats(0.0, 1.0), st.floats(0.0, 1.0), st.floats(0.0, 1.0))
def test_boosted_stays_a_score_and_never_lowers(score: float, boost: float, floor: float) -> None:
    result = boosted(score, boost, floor)
    assert 0.0 <= result <= 1.0
    assert result >= score


@given(st.text(max_size=80), st.integers(0, 100))
def test_context_score_is_pure(text: str, start: int) -> None:
    first = context_score(text, start, 0.3, ("ssn", "phone"))
    assert first == context_score(text, start, 0.3, ("ssn", "phone"))
    assert first in (0.3, pytest.approx(boosted(0.3)))
    assert DEFAULT_BOOST > 0
