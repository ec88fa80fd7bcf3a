"""Context words: a cue shortly before a match ("SSN", "phone", "NPI") raises its score.

Pure functions of (text, offset, words): no state, no model. A word matches case-insensitively
and as a whole word, so "ssn" matches "SSN:" but not "lessn"; a phrase ("social security")
matches across any run of whitespace. Only the text *before* the match is looked at, within a
small window, because labels precede values in the documents we see ("MRN: 123", not
"123 is the MRN").
"""

from __future__ import annotations

import re
from functools import lru_cache

#: How many characters before a match are searched for context words.
DEFAULT_WINDOW = 40
#: How much a context word adds to a score (presidio uses the same figure).
DEFAULT_BOOST = 0.35
#: A match that has context scores at least this much, however weak its pattern.
DEFAULT_FLOOR = 0.6


@lru_cache(maxsize=256)
def context_regex(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """One compiled, case-insensitive whole-word alternation of ``words`` (None when empty)."""
    parts = [r"\s+".join(map(re.escape, w.split())) for w in words if w.strip()]
    if not parts:
        return None
    # Longest first so that "mr#" is tried before "mr"; whole word on both sides.
    alternation = "|".join(sorted(set(parts), key=lambda p: (-len(p), p)))
    return re.compile(rf"(?<![a-z0-9])(?:{alternation})(?![a-z0-9])", re.IGNORECASE)


def has_context(
    text: str, start: int, words: tuple[str, ...], window: int = DEFAULT_WINDOW
) -> bool:
    """True when one of ``words`` lies wholly within the ``window`` characters before ``start``."""
    regex = context_regex(words)
    if regex is None or start <= 0 or window <= 0:
        return False
    return regex.search(text, max(0, start - window), start) is not None


def boosted(score: float, boost: float = DEFAULT_BOOST, floor: float = DEFAULT_FLOOR) -> float:
    """The score of a match that has context: raised by ``boost``, at least ``floor``, at most 1."""
    return min(1.0, max(score + boost, floor))


def context_score(
    text: str,
    start: int,
    score: float,
    words: tuple[str, ...],
    *,
    window: int = DEFAULT_WINDOW,
    boost: float = DEFAULT_BOOST,
    floor: float = DEFAULT_FLOOR,
) -> float:
    """``score`` raised when one of ``words`` occurs in the ``window`` characters before ``start``.

    >>> context_score("SSN: 078-05-1121", 5, 0.4, ("ssn",))
    0.75
    >>> context_score("Ref: 078-05-1121", 5, 0.4, ("ssn",))
    0.4
    """
    if has_context(text, start, words, window):
        return boosted(score, boost, floor)
    return score
