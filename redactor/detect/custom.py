"""Recognizers a policy adds without code (a regex) and the guard around those that are code.

A :class:`RegexRecognizer` is one policy entry ``{type: regex, name, label, pattern, score,
context}``: its spans are exact (the regex says where the value is and what it is), scored as
a built-in pattern is (a context word before the match raises the score). A
:class:`LabelGuard` wraps a recognizer built from user code and fails closed when it reports a
type the policy does not know, rather than let the span be renamed or dropped.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

from redactor.detect.base import Recognizer
from redactor.detect.context import context_score
from redactor.errors import ModelError
from redactor.span import Span

#: The source prefix of a policy regex's spans (``regex:employee_id``).
REGEX_SOURCE = "regex:"


@dataclass(frozen=True)
class RegexRecognizer:
    """Matches of one regular expression, as spans of one label, named ``regex:<name>``."""

    name: str
    label: str
    pattern: str
    score: float = 0.85
    context: tuple[str, ...] = ()
    ignore_case: bool = False
    #: Its spans are exact: no shape check, no trimming of leading words.
    exact: bool = field(default=True, init=False)
    _regex: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        flags = re.IGNORECASE if self.ignore_case else 0
        object.__setattr__(self, "_regex", re.compile(self.pattern, flags))

    @classmethod
    def from_config(cls, config: Any) -> RegexRecognizer:
        """From a policy's :class:`~redactor.policy.RegexRecognizerConfig`."""
        return cls(f"{REGEX_SOURCE}{config.name}", config.label, config.pattern, config.score,
                   tuple(config.context), config.ignore_case)

    def detect(self, texts: Sequence[str]) -> list[list[Span]]:
        """Every non-empty match in each text, scored with its context."""
        return [[Span(m.start(), m.end(), self.label,
                      context_score(text, m.start(), self.score, self.context), self.name)
                 for m in self._regex.finditer(text) if m.end() > m.start()]
                for text in texts]


class LabelGuard:
    """A recognizer from user code, checked: a span whose label is not one of ``labels``
    (the policy's catalogue and custom types) is a ModelError naming the recognizer and the
    label, never a silent remap. Every other attribute is the wrapped recognizer's."""

    def __init__(self, inner: Recognizer, labels: Collection[str]) -> None:
        if not callable(getattr(inner, "detect", None)) or not isinstance(
                getattr(inner, "name", None), str):
            raise ModelError(f"{type(inner).__name__} is no recognizer: it needs a str "
                             "`name` and a `detect(texts)` method")
        self.inner = inner
        self.labels = frozenset(labels)

    @property
    def name(self) -> str:
        """The wrapped recognizer's name."""
        return self.inner.name

    def detect(self, texts: Sequence[str]) -> list[list[Span]]:
        """The wrapped recognizer's spans, after checking their labels."""
        found = self.inner.detect(texts)
        for spans in found:
            for span in spans:
                if span.label not in self.labels:
                    raise ModelError(
                        f"recognizer {self.name!r} reported the undeclared entity type "
                        f"{span.label!r}; declare it under custom_entities or map it to a "
                        "known type")
        return found

    def __getattr__(self, attr: str) -> Any:
        if attr == "inner":  # not set yet (during unpickling)
            raise AttributeError(attr)
        return getattr(self.inner, attr)
