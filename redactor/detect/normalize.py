"""The normalised view that detectors read, and its exact map back to the original text.

An identifier can be disguised so that a regex or a model no longer sees it while a reader
still does: zero-width characters inside "123‌-45-6789", fullwidth digits "１２３-４５-６７８９",
a thin space or a figure dash as a separator, Arabic-Indic or Devanagari digits. Detection
therefore runs on a view of the text in which

* format characters (Unicode category Cf: U+200B/C/D, U+2060, U+FEFF, soft hyphen, bidi
  controls) and variation selectors are removed;
* each character cluster (a base character and its combining marks) is NFKC-normalised
  (fullwidth letters and digits, ligatures, compatibility forms);
* Unicode spaces (Zs) become " ", line and paragraph separators "\\n", dashes (Pd) and the
  minus sign "-", and decimal digits of every script ASCII digits.

:class:`Normalized` keeps a map from view offsets to original offsets: a span ``[s, e)`` of
the view is ``[to_original_start(s), to_original_end(e))`` of the original, which covers every
character the span was made from, the invisible ones inside it included; so the original
characters are what gets replaced. Text that is already normal (pure ASCII text always is)
is its own view and costs one scan.
"""

from __future__ import annotations

import io
import re
import sys
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from redactor.span import Span
from redactor.util.wordcache import cached_words

#: Characters removed from the view besides category Cf: the variation selectors and the
#: combining grapheme joiner, which change nothing a reader sees.
_IGNORABLE_EXTRA = frozenset(
    [0x034F, *range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0), 0x115F, 0x1160, 0x3164, 0xFFA0]
)


def fold_char(char: str) -> str:
    """One character of an NFKC-normalised cluster, folded: spaces, dashes, digits."""
    if char.isascii():
        return char
    category = unicodedata.category(char)
    if category == "Zs":
        return " "
    if category in ("Zl", "Zp"):
        return "\n"
    if category == "Pd" or char == "\u2212":
        return "-"
    if char.isdecimal():
        return str(unicodedata.digit(char))
    return char


def _ignorable(char: str) -> bool:
    return unicodedata.category(char) == "Cf" or ord(char) in _IGNORABLE_EXTRA


def fold_cluster(cluster: str) -> str:
    """The view of one cluster: ignorables out, NFKC, then :func:`fold_char` per character."""
    kept = "".join(c for c in cluster if not _ignorable(c))
    return "".join(fold_char(c) for c in unicodedata.normalize("NFKC", kept))


@lru_cache(maxsize=1)
def _special() -> re.Pattern[str]:
    """Runs of the non-ASCII characters the view may change (built on first use by reading
    every code point, about half a second, then kept in the word cache per Unicode version)."""
    lines = cached_words(
        f"normalize-ranges-{unicodedata.unidata_version}",
        lambda: {f"{a:x}-{b:x}" for a, b in _special_ranges()},
        files=(Path(__file__),),
    )
    ranges = sorted(tuple(int(x, 16) for x in line.split("-")) for line in lines)
    body = "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )
    return re.compile(f"[{body}]+")


def _special_ranges() -> list[list[int]]:
    """The code point ranges of :func:`_special`, from unicodedata."""
    ranges: list[list[int]] = []
    for code in range(0x80, sys.maxunicode + 1):
        char = chr(code)
        if unicodedata.category(char) in ("Cn", "Co", "Cs"):
            continue
        if (
            unicodedata.combining(char)
            or _ignorable(char)
            or fold_cluster(char) != char
        ):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return ranges


@dataclass(frozen=True)
class Normalized:
    """A text's view for detection and the map from view offsets back to the original.

    The map is a list of segments, each starting at view offset ``_view_at[i]`` and original
    offset ``_orig_at[i]``: an identity segment (``_orig_end[i] == -1``) maps character for
    character; a changed cluster maps every character it became to the whole original cluster
    ``[_orig_at[i], _orig_end[i])``. Removed characters have no segment: the original offsets
    jump over them. ``identity`` is True when the view is the original.
    """

    original: str
    text: str
    identity: bool = True
    _view_at: Sequence[int] = field(default_factory=list, repr=False)
    _orig_at: Sequence[int] = field(default_factory=list, repr=False)
    _orig_end: Sequence[int] = field(default_factory=list, repr=False)

    def to_original_start(self, start: int) -> int:
        """Original offset of the first character that view offset ``start`` came from."""
        if self.identity:
            return start
        if start >= len(self.text):
            return len(self.original)
        i = bisect_right(self._view_at, start) - 1
        if self._orig_end[i] < 0:
            return self._orig_at[i] + start - self._view_at[i]
        return self._orig_at[i]

    def to_original_end(self, end: int) -> int:
        """Original offset just after the last character that view character ``end - 1``
        came from."""
        if self.identity:
            return end
        if end <= 0:
            return 0
        i = bisect_right(self._view_at, end - 1) - 1
        if self._orig_end[i] < 0:
            return self._orig_at[i] + end - self._view_at[i]
        return self._orig_end[i]

    def span_to_original(self, span: Span) -> Span:
        """``span`` of the view as a span of the original text."""
        if self.identity:
            return span
        return replace(
            span, start=self.to_original_start(span.start), end=self.to_original_end(span.end)
        )

    def spans_to_original(self, spans: Iterable[Span]) -> list[Span]:
        return list(spans) if self.identity else [self.span_to_original(s) for s in spans]

    def span_to_view(self, span: Span) -> Span | None:
        """A span of the original as a span of the view: the view characters made from any of
        its characters; None when it covers only removed (invisible) characters."""
        if self.identity:
            return span
        n = len(self.text)
        start = bisect_right(range(n), span.start, key=lambda v: self.to_original_end(v + 1))
        end = bisect_left(range(n), span.end, key=self.to_original_start)
        return replace(span, start=start, end=end) if start < end else None

    def spans_to_view(self, spans: Iterable[Span]) -> list[Span]:
        if self.identity:
            return list(spans)
        return [v for v in map(self.span_to_view, spans) if v is not None]


def normalize(text: str) -> Normalized:
    """The detection view of ``text`` (see the module docstring).

    Memory is bounded by the view plus three integers per place where the length changes: a
    character replaced by one character (fullwidth "１", a thin space) extends the segment
    it follows, so a text of fullwidth digits is one segment, not one per character.
    """
    if text.isascii():
        return Normalized(text, text)
    special = _special()
    combining = unicodedata.combining
    view = io.StringIO()
    view_at, orig_at, orig_end = array("q"), array("q"), array("q")
    length = 0  # of the view so far
    done = 0  # original characters consumed
    positional = False  # the last segment maps character for character up to (length, done)

    def extend(upto: int, piece: str) -> None:
        # original [done, upto) becomes ``piece`` of the same length, character for character
        nonlocal length, done, positional
        if not positional:
            view_at.append(length)
            orig_at.append(done)
            orig_end.append(-1)
            positional = True
        view.write(piece)
        length += len(piece)
        done = upto

    for run in special.finditer(text):
        start, end = run.span()
        # A combining mark composes with the character before it ("e" + U+0301 -> "é").
        if start > done and combining(text[start]):
            start -= 1
        i = start
        while i < end:
            j = i + 1
            while j < end and combining(text[j]):
                j += 1
            cluster = text[i:j]
            folded = fold_cluster(cluster)
            if folded != cluster:
                if i > done:
                    extend(i, text[done:i])
                if len(folded) == 1 == len(cluster):
                    extend(j, folded)
                else:
                    if folded:  # the whole cluster for each character it became
                        view_at.append(length)
                        orig_at.append(i)
                        orig_end.append(j)
                        view.write(folded)
                        length += len(folded)
                    done, positional = j, False
            i = j
    if not view_at and done == 0:  # nothing changed
        return Normalized(text, text)
    if len(text) > done:
        extend(len(text), text[done:])
    return Normalized(text, view.getvalue(), False, view_at, orig_at, orig_end)


def normalize_all(texts: Sequence[str]) -> list[Normalized]:
    return [normalize(text) for text in texts]
