"""Documents: the unit of text that detection sees."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Document:
    """One piece of text to redact.

    ``id`` is stable and free of document content: the path relative to the input root, plus
    positions only (never a key's or a header's text): ``:LINE:POINTER`` for JSON Lines / JSON
    (a JSON pointer of member and item indices, ``/1/0``; ``:LINE:POINTER:key`` for a key) and
    ``:ROW:COLUMN`` for CSV (the column's number from 1; row 0 is the header). ``meta`` carries
    format-specific facts (field path, subject key) that writers and operators need.
    """

    id: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
