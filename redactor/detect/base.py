"""The recognizer protocol every detector implements, batched so a GPU model fits beside regexes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from redactor.errors import ModelError
from redactor.span import Span


@runtime_checkable
class Recognizer(Protocol):
    """Finds entities in a batch of texts.

    ``detect`` returns one list of spans per input text, in input order. Implementations must
    not mutate their inputs, must be deterministic for a given model, and must raise
    :class:`redactor.errors.ModelError` rather than return less than they were asked to find.

    Optional attributes the engine reads (see :func:`exact_sources`): ``exact`` (bool,
    default False) says that the recognizer's spans are exact by construction (a regex and
    its checksum, a listed term), so the engine neither checks their shape nor trims words
    off them; ``sources``, the span sources it reports when they are not just its ``name``
    (``pattern:us_ssn`` ...). Also optional: ``load()``, ``version``, ``propagate``.
    """

    name: str

    def detect(self, texts: Sequence[str]) -> list[list[Span]]:
        """Spans found in each of ``texts``."""
        ...


def exact_sources(recognizer: object) -> frozenset[str]:
    """The span sources whose spans ``recognizer`` reports exactly: its ``exact_sources``
    when it has them (a group of recognizers), else its ``sources`` (or its ``name``) when
    its ``exact`` attribute is true, else none."""
    own = getattr(recognizer, "exact_sources", None)
    if own is not None:
        return frozenset(own)
    if not getattr(recognizer, "exact", False):
        return frozenset()
    sources = getattr(recognizer, "sources", None)
    return frozenset(sources) if sources is not None else frozenset({recognizer.name})  # type: ignore[attr-defined]


def run_all(recognizers: Sequence[Recognizer], texts: Sequence[str]) -> list[list[Span]]:
    """Every recognizer's spans for each text, in recognizer order; one that answers for
    another number of texts is a ModelError (never fewer spans than asked for)."""
    merged: list[list[Span]] = [[] for _ in texts]
    for recognizer in recognizers:
        found = recognizer.detect(texts)
        if len(found) != len(texts):
            raise ModelError(f"recognizer {recognizer.name!r} returned the wrong batch size")
        for acc, spans in zip(merged, found, strict=True):
            acc.extend(spans)
    return merged
