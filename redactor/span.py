"""The one value that flows from detection to audit: a frozen, checked character span."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A detected entity: ``text[start:end]`` is of type ``label``.

    Offsets are character offsets into the document's original text. ``source`` names the
    recognizer that produced the span; ``score`` is its confidence in [0, 1]. Later stages
    derive new spans with :func:`dataclasses.replace`; nothing mutates a span.
    """

    start: int
    end: int
    label: str
    score: float = 1.0
    source: str = ""

    def __post_init__(self) -> None:
        if not (0 <= self.start < self.end):
            raise ValueError(f"invalid span offsets {self.start}:{self.end}")
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"span score {self.score} outside [0, 1]")
        if not self.label:
            raise ValueError("span label must not be empty")

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        """True when the two spans share at least one character."""
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        """True when ``other`` lies within this span."""
        return self.start <= other.start and other.end <= self.end
