"""Documents: the unit of text that detection sees."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Document:
    """One piece of text to redact.

    ``id`` is stable and free of document content: the path relative to the input root, plus
    ``:LINE:FIELD`` for JSON Lines / JSON and ``:ROW:COLUMN`` for CSV. ``meta`` carries
    format-specific facts (field path, subject key) that writers and operators need.
    """

    id: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
