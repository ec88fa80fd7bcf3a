"""The policy's deny list as a recognizer: listed terms are always redacted, whole words only."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from redactor.span import Span


@dataclass
class DenyListRecognizer:
    """Case-insensitive whole-word matches of each listed term, with score 1.0."""

    terms: Mapping[str, Sequence[str]]
    name: str = "deny_list"
    #: Listed terms are exact: no shape check, no trimming.
    exact: ClassVar[bool] = True
    _patterns: list[tuple[str, re.Pattern[str]]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._patterns = [
            (label, re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(words, key=len,
             reverse=True))) + r")(?!\w)", re.IGNORECASE))
            for label, words in sorted(self.terms.items())
            if words
        ]

    def detect(self, texts: Sequence[str]) -> list[list[Span]]:
        """Spans of listed terms in each text."""
        return [
            [
                Span(m.start(), m.end(), label, 1.0, self.name)
                for label, pattern in self._patterns
                for m in pattern.finditer(text)
            ]
            for text in texts
        ]


def allowed(text: str, allow: frozenset[str]) -> bool:
    """True when ``text`` is on the allow list (case-insensitive, surrounding space ignored)."""
    return text.strip().casefold() in allow
