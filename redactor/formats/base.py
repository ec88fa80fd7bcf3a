"""Types shared by every file format: options, records and the format protocol.

A format turns a text stream into :class:`Record` objects. Each record carries the
:class:`~redactor.document.Document` objects that detection sees and a ``render`` function
that, given the new text of each document, returns the output text of that record. Joining
the rendered records in order gives the output file, so a format never needs to hold more
than one record in memory (the JSON format, which parses the whole file, is the exception).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Protocol, TextIO

from redactor.document import Document

BOM = "\ufeff"
"""A byte-order mark decoded as text. Formats strip it before parsing and put it back on output."""


@dataclass(frozen=True)
class FormatOptions:
    """Which parts of a structured file hold text to redact.

    ``text_fields``: dotted paths for JSON / JSON Lines (``"user.bio"``, ``"notes"``). A path
    selects the value there and, when that value is an object or a list, every string below
    it; ``*`` matches any one key or list index, and list indices may be left out
    (``"comments.body"`` selects ``comments.0.body``, ``comments.1.body``, ...). Empty: every
    string value in the record, at any depth (ids then read ``tags.0`` for list items).

    ``columns``: CSV / TSV columns by header name. Empty: every non-empty cell.

    ``encoding``: the text encoding of inputs and outputs.

    ``redact_keys``: JSON object keys and CSV / TSV header cells are documents too (personal
    data is sometimes used as a key or a column name); their ids carry positions only.
    """

    text_fields: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()
    encoding: str = "utf-8"
    redact_keys: bool = False


@dataclass(frozen=True)
class Record:
    """One unit of output: zero or more Documents and how to render the redacted result.

    ``render`` maps the new text of every document (by ``Document.id``) to the output text of
    this record. Every document id must be present: a missing id raises ``KeyError`` rather
    than letting original text through unnoticed.
    """

    documents: tuple[Document, ...]
    render: Callable[[Mapping[str, str]], str]

    def original_texts(self) -> dict[str, str]:
        """The mapping of every document id to its unchanged text."""
        return {doc.id: doc.text for doc in self.documents}

    def render_unchanged(self) -> str:
        """The output of this record when no text changes (the input, byte for byte)."""
        return self.render(self.original_texts())


class FileFormat(Protocol):
    """A file format: reads a text stream into records (see :class:`Record`)."""

    name: str
    """Short name: ``"text"``, ``"jsonl"``, ``"csv"``, ``"tsv"`` or ``"json"``."""

    def records(self, stream: TextIO, doc_prefix: str, options: FormatOptions) -> Iterator[Record]:
        """Yield the records of ``stream`` in input order.

        ``stream`` must be opened with ``newline=""`` so that line endings reach the format
        untranslated. ``doc_prefix`` (the path relative to the input root) starts every
        document id and names the file in error messages. Raises
        :class:`~redactor.errors.InputError` for input that is not valid in this format.
        """
        ...


def constant(text: str) -> Callable[[Mapping[str, str]], str]:
    """A render function for a record without documents: always returns ``text``."""

    def render(_new_texts: Mapping[str, str]) -> str:
        return text

    return render


def split_line_ending(line: str) -> tuple[str, str]:
    """Split ``line`` into its content and its line ending (``""`` when it has none)."""
    if line.endswith("\r\n"):
        return line[:-2], "\r\n"
    if line.endswith(("\n", "\r")):
        return line[:-1], line[-1]
    return line, ""


def split_bom(text: str) -> tuple[str, str]:
    """``(bom, rest)``: a leading byte-order mark (:data:`BOM`, else ``""``) and the text after
    it. The mark is no part of any document; a writer puts it back in front of the output."""
    if text.startswith(BOM):
        return BOM, text[len(BOM) :]
    return "", text
