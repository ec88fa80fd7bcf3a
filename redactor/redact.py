"""The one redaction step every front end shares: texts in, redacted texts and records out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from redactor.engine import Engine
from redactor.pseudonyms import PseudonymContext
from redactor.span import Span
from redactor.transform import Replacement, apply


@dataclass(frozen=True, slots=True)
class Redacted:
    """The result for one text: the new text, the spans found, and what was done to each."""

    text: str
    spans: tuple[Span, ...]
    replacements: tuple[Replacement, ...]


def redact_batch(
    engine: Engine, texts: Sequence[str], ctx: PseudonymContext | None
) -> list[Redacted]:
    """Detect, resolve and transform a batch of texts with the engine's policy."""
    out = []
    for text, spans in zip(texts, engine.analyze(texts), strict=True):
        new_text, done = apply(text, spans, engine.policy, ctx)
        out.append(Redacted(new_text, tuple(spans), tuple(done)))
    return out
