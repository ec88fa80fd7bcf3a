"""Columns (CSV, TSV) and fields (JSON, JSON Lines) whose every value is one entity.

A data team knows that the ``zip`` column holds ZIP codes, even where a cell is a bare
``02446`` that no detector can tell from any other number. ``--column-type zip=ZIP_CODE``
says so: each non-empty value of that column is taken whole as a ``ZIP_CODE`` and gets the
policy's rule for that type, whatever detection found in it. Columns are matched by their
header name (CSV) or dotted field path (JSON).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping

from redactor.document import Document
from redactor.entities import ENTITY_TYPES
from redactor.errors import InputError
from redactor.policy import Policy
from redactor.redact import Redacted
from redactor.span import Span
from redactor.transform.pseudonyms import PseudonymContext
from redactor.transform.replace import apply


def parse_column_types(items: Iterable[str]) -> dict[str, str]:
    """``["zip=ZIP_CODE", "name=PERSON"]`` -> ``{"zip": "ZIP_CODE", "name": "PERSON"}``;
    an InputError lists every malformed item and unknown entity type at once."""
    out: dict[str, str] = {}
    problems = []
    for item in items:
        column, sep, label = item.rpartition("=")
        column, label = column.strip(), label.strip()
        if not sep or not column or not label:
            problems.append(f"{item!r}: expected COLUMN=ENTITY_TYPE (e.g. zip=ZIP_CODE)")
        elif label not in ENTITY_TYPES:
            close = difflib.get_close_matches(label, list(ENTITY_TYPES), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            problems.append(f"{item!r}: unknown entity type {label!r}{hint}")
        else:
            out[column] = label
    if problems:
        raise InputError("--column-type: " + "; ".join(problems))
    return out


def column_of(doc: Document) -> str | None:
    """The CSV column or JSON field path a document is the value of (None for plain text)."""
    name = doc.meta.get("column", doc.meta.get("field"))
    return str(name) if name else None


def redact_whole(
    text: str, label: str, policy: Policy, ctx: PseudonymContext | None, subject: str | None
) -> Redacted:
    """``text`` (its surrounding spaces kept) taken whole as one ``label`` span, transformed by
    the policy's rule for ``label``."""
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    if start >= end:
        return Redacted(text, (), ())
    spans = [Span(start, end, label, 1.0, "column_type")]
    new_text, done = apply(text, spans, policy, ctx, subject=subject)
    return Redacted(new_text, tuple(spans), tuple(done))


def typed_result(
    doc: Document,
    result: Redacted,
    column_types: Mapping[str, str],
    policy: Policy,
    ctx: PseudonymContext | None,
    subject: str | None,
) -> Redacted:
    """The result for ``doc``: detection's, unless its column has a declared type."""
    column = column_of(doc)
    label = column_types.get(column) if column is not None else None
    if label is None:
        return result
    return redact_whole(doc.text, label, policy, ctx, subject)
