"""The one redaction step every front end shares: texts in, redacted texts and records out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from redactor.detect.engine import Engine
from redactor.span import Span
from redactor.transform.pseudonyms import PseudonymContext
from redactor.transform.replace import Replacement, apply


@dataclass(frozen=True, slots=True)
class Redacted:
    """The result for one text: the new text, the spans found, and what was done to each."""

    text: str
    spans: tuple[Span, ...]
    replacements: tuple[Replacement, ...]


def distinct(texts: Sequence[str]) -> tuple[dict[str, int], list[str]]:
    """Each distinct text's position among the distinct texts, and those texts in order."""
    index: dict[str, int] = {}
    unique: list[str] = []
    for text in texts:
        if text not in index:
            index[text] = len(unique)
            unique.append(text)
    return index, unique


def redact_batch(
    engine: Engine,
    texts: Sequence[str],
    ctx: PseudonymContext | None,
    subjects: Sequence[str | None] | None = None,
    extra: Sequence[Sequence[Span]] | None = None,
) -> list[Redacted]:
    """Detect, resolve and transform a batch of texts with the engine's policy, in order.

    Detection runs once per distinct text (CSV columns and logs repeat values; a text's spans
    do not depend on the rest of its batch). ``subjects`` (one per text, or ``None``) name whose
    dates each text holds, for ``date_shift``; without one a text is its own subject. ``extra``
    (one list per text) holds the raw spans of recognizers that ran elsewhere, for an engine
    built without them (see :meth:`Engine.analyze`).
    """
    if subjects is not None and len(subjects) != len(texts):
        raise ValueError("subjects must give one subject per text")
    index, unique = distinct(texts)
    unique_extra = None
    if extra is not None:
        if len(extra) != len(texts):
            raise ValueError("extra must give one list of spans per text")
        firsts: dict[int, Sequence[Span]] = {}
        for text, spans in zip(texts, extra, strict=True):
            firsts.setdefault(index[text], spans)
        unique_extra = [firsts[i] for i in range(len(unique))]
    found = engine.analyze(unique, extra=unique_extra)
    out: list[Redacted] = []
    for i, text in enumerate(texts):
        spans = found[index[text]]
        subject = subjects[i] if subjects is not None else None
        new_text, done = apply(text, spans, engine.policy, ctx, subject=subject)
        out.append(Redacted(new_text, tuple(spans), tuple(done)))
    return out
