"""Choosing a format: by file extension, or by name for streams (``--format``)."""

from __future__ import annotations

from pathlib import PurePath

from redactor.errors import InputError
from redactor.formats.base import FileFormat
from redactor.formats.delimited import DelimitedFormat
from redactor.formats.jsonfile import JsonFormat
from redactor.formats.jsonl import JsonLinesFormat
from redactor.formats.text import TextFormat

TEXT = TextFormat()
JSONL = JsonLinesFormat()
JSON = JsonFormat()
CSV = DelimitedFormat("csv", ",")
TSV = DelimitedFormat("tsv", "\t")

FORMATS: dict[str, FileFormat] = {f.name: f for f in (TEXT, JSONL, JSON, CSV, TSV)}
"""Every format by its name."""

_BY_EXTENSION: dict[str, FileFormat] = {
    ".txt": TEXT,
    ".md": TEXT,
    ".jsonl": JSONL,
    ".ndjson": JSONL,
    ".json": JSON,
    ".csv": CSV,
    ".tsv": TSV,
}
_ALIASES = {"txt": "text", "md": "text", "markdown": "text", "ndjson": "jsonl"}

SUPPORTED_EXTENSIONS: tuple[str, ...] = tuple(sorted(_BY_EXTENSION))
"""File extensions (lower case, with the dot) that have a format."""

FORMAT_NAMES: tuple[str, ...] = tuple(sorted(FORMATS))
"""Names accepted by :func:`format_by_name` (aliases aside)."""


def is_supported(path: PurePath | str) -> bool:
    """True when the extension of ``path`` has a format (case-insensitive)."""
    return PurePath(path).suffix.lower() in _BY_EXTENSION


def format_for_path(path: PurePath | str) -> FileFormat:
    """The format of a file, from its extension (case-insensitive). Raises InputError."""
    suffix = PurePath(path).suffix.lower()
    try:
        return _BY_EXTENSION[suffix]
    except KeyError:
        what = f"extension {suffix!r}" if suffix else "no extension"
        raise InputError(
            f"{path}: {what} is not supported. Supported extensions: "
            f"{', '.join(SUPPORTED_EXTENSIONS)}. Rename the file or convert it."
        ) from None


def format_by_name(name: str) -> FileFormat:
    """The format called ``name`` (see ``FORMAT_NAMES``; ``txt``, ``md``, ``ndjson`` too)."""
    key = name.strip().lower().lstrip(".")
    key = _ALIASES.get(key, key)
    try:
        return FORMATS[key]
    except KeyError:
        raise InputError(
            f"unknown format {name!r}. Choose one of: {', '.join(FORMAT_NAMES)}."
        ) from None
