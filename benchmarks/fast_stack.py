"""The benchmark's "fast" stack: the policy's own detectors, spaCy only where it can help.

spaCy's NER costs about three quarters of the default stack's time, and a good part of that is
its fixed cost per text, paid even on the short CSV cells and JSON values (``closed``,
``44365``, ``a@b.com``) where it can find nothing our regexes miss: the statistical model
finds names, places and organisations, and in this corpus (as in most data) those are
written with a capital letter. :class:`CapitalisedOnly` runs spaCy only on texts holding an
upper-case letter. What that gives up: entities spaCy would find in all-lower-case text
(chat messages written in lower case); the benchmark prints the recall it costs.

Used with ``RedactorSpec(recognizers="fast_stack:recognizers")``; ``benchmarks/`` must be on
the path (``bench.py`` puts it there, and worker processes inherit it).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from redactor.detect.base import Recognizer
from redactor.engine import build_recognizers
from redactor.policy import Policy
from redactor.span import Span


class CapitalisedOnly:
    """Runs ``inner`` only on the texts that have an upper-case letter; others get no spans."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.name = inner.name

    def load(self) -> None:
        """Load the inner recognizer."""
        load = getattr(self.inner, "load", None)
        if load is not None:
            load()

    @property
    def version(self) -> str:
        """The inner recognizer's version, marked as gated."""
        return f"{getattr(self.inner, 'version', '')} (capitalised texts only)"

    def detect(self, texts: Sequence[str]) -> list[list[Span]]:
        """The inner recognizer's spans for texts with a capital letter; none for the rest."""
        chosen = [i for i, text in enumerate(texts) if text.lower() != text]
        out: list[list[Span]] = [[] for _ in texts]
        for i, spans in zip(chosen, self.inner.detect([texts[i] for i in chosen]), strict=True):
            out[i] = spans
        return out


def recognizers(policy: Policy) -> list[Recognizer]:
    """The policy's recognizers, with spaCy gated by :class:`CapitalisedOnly`."""
    return [CapitalisedOnly(r) if r.name == "spacy" else r for r in build_recognizers(policy)]
