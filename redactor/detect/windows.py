"""Long texts cut into overlapping character windows at safe boundaries, for models that cost
more than linear time or memory in the length of one input (spaCy's tokenizer and NER).

Pure functions. A window ends at the last paragraph break in the second half of its room,
else the last line break, sentence end or whitespace there, else at its full width; the next
window starts ``overlap`` characters earlier (at a word start when there is one), so an entity
cut by one window's end is whole in the next. A caller maps each window's spans back by adding
its start and keeps the union (overlap resolution merges the doubles).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

_LONG_TOKEN = re.compile(r"\S{101,}")
_SPACE = re.compile(r"\s")
#: Whitespace-free runs longer than this are blanked for a model (see :func:`mask_long_tokens`).
MAX_TOKEN = 100


def _cut(text: str, lo: int, hi: int) -> int:
    """Where to end a window that may end anywhere in ``(lo, hi]``: after a paragraph break,
    a line break, a sentence end or a whitespace, whichever is found first in that order."""
    for sep in ("\n\n", "\n"):
        at = text.rfind(sep, lo, hi)
        if at >= 0:
            return at + len(sep)
    at = max(text.rfind(p, lo, hi) for p in (". ", "! ", "? ", ".\t"))
    if at >= 0:
        return at + 2
    at = max(text.rfind(" ", lo, hi), text.rfind("\t", lo, hi))
    return at + 1 if at >= 0 else hi


def split_text(text: str, size: int, overlap: int) -> list[tuple[int, int]]:
    """``(start, end)`` windows of at most ``size`` characters covering ``text``, each
    overlapping the one before by about ``overlap`` characters (``overlap < size // 2``)."""
    if size <= 0 or not 0 <= overlap < size // 2:
        raise ValueError("window size must be positive and the overlap under half of it")
    n = len(text)
    windows: list[tuple[int, int]] = []
    start = 0
    while n - start > size:
        end = _cut(text, start + size // 2, start + size)
        windows.append((start, end))
        nxt = end - overlap
        space = _SPACE.search(text, nxt, end - 1)  # begin at a word start in the overlap
        start = space.end() if space else nxt
    windows.append((start, n))
    return windows


def mask_long_tokens(text: str) -> str:
    """``text`` with every whitespace-free run over :data:`MAX_TOKEN` characters blanked to
    spaces (same length, so offsets hold): no name or date is one 100-character token, and a
    tokenizer's prefix and suffix rules take time quadratic in a token's length."""
    return _LONG_TOKEN.sub(lambda m: " " * len(m.group()), text)


def batches(
    lengths: Sequence[int], max_count: int, max_chars: int
) -> Iterator[list[int]]:
    """Indices of ``lengths`` in order, in groups of at most ``max_count`` items and (unless
    one item alone exceeds it) ``max_chars`` characters, so a batch's memory has a bound."""
    group: list[int] = []
    chars = 0
    for index, length in enumerate(lengths):
        if group and (len(group) >= max_count or chars + length > max_chars):
            yield group
            group, chars = [], 0
        group.append(index)
        chars += length
    if group:
        yield group
