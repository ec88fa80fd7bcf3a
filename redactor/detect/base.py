"""The recognizer protocol every detector implements, batched so a GPU model fits beside regexes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from redactor.span import Span


@runtime_checkable
class Recognizer(Protocol):
    """Finds entities in a batch of texts.

    ``detect`` returns one list of spans per input text, in input order. Implementations must
    not mutate their inputs, must be deterministic for a given model, and must raise
    :class:`redactor.errors.ModelError` rather than return less than they were asked to find.
    """

    name: str

    def detect(self, texts: Sequence[str]) -> list[list[Span]]:
        """Spans found in each of ``texts``."""
        ...
