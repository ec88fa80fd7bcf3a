"""CSV and TSV: a header row, then one record per row, streamed.

Rows are parsed with the :mod:`csv` module while the raw text of each row is kept, so a row
whose cells do not change is written back byte for byte, and a row that changes keeps the
spelling (quoting, spacing) of its other cells and its line ending.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from itertools import chain
from typing import TextIO

from redactor.document import Document
from redactor.errors import InputError
from redactor.formats.base import BOM, FormatOptions, Record, constant, split_line_ending

QUOTE = '"'
# No artificial limit on a cell's size (the csv module's default is 131,072 characters).
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
_NUMBER_CELL = re.compile(r"[-+]?(?:\d+(?:[.,]\d+)*|\.\d+)(?:[eE][-+]?\d+)?")


class DelimitedFormat:
    """CSV (``delimiter=","``) or TSV (``"\\t"``) with a header row and ``"`` quoting.

    Quoting is parsed strictly: a quote left open at the end of the file, or text right after
    a closing quote, is an InputError (rather than silently merging rows into one cell).

    The header row is a record without documents. Each data row is a record whose documents
    are its selected non-empty cells, with ids ``PREFIX:ROW:COLUMN``: ``ROW`` counts data rows
    from 1 (header and blank lines excluded), ``COLUMN`` is the column's number from 1 (never
    the header text, which may itself be personal data). With ``FormatOptions.redact_keys``
    the header cells are documents too (``PREFIX:0:COLUMN``, ``meta["key"]`` true). Cells
    that are plain numbers are documents too, flagged ``meta["numeric"]``: ZIP codes, ages,
    phone, SSN and record numbers are often written as bare digits. ``meta`` also holds
    ``row``, ``line`` (the physical line the row starts on), ``column``, ``column_index``
    and ``record`` (the row as a dict from column name to cell).
    """

    def __init__(self, name: str, delimiter: str) -> None:
        self.name = name
        self.delimiter = delimiter

    def records(self, stream: TextIO, doc_prefix: str, options: FormatOptions) -> Iterator[Record]:
        """Yield the header record, then one record per row (blank lines kept as records)."""
        lines = iter(stream)
        first = next(lines, None)
        if first is None:
            return
        bom = ""
        if first.startswith(BOM):
            bom, first = BOM, first[len(BOM) :]
        consumed: list[str] = []
        again: deque[str] = deque()  # lines to read once more (after a literal TSV row)
        reader = csv.reader(
            _capture(chain((first,), lines), consumed, again),
            delimiter=self.delimiter,
            quotechar=QUOTE,
            doublequote=True,
            skipinitialspace=False,
            strict=True,
        )
        label = "TSV" if self.delimiter == "\t" else "CSV"
        tsv = self.delimiter == "\t"
        literal_rows: set[int] = set()  # start lines of TSV rows read without quoting
        read_again = 0

        def literal(start_line: int) -> tuple[list[str], str, int]:
            # TSV: the first line alone, split at every tab; the lines after it read again
            nonlocal read_again
            line, rest = consumed[0], consumed[1:]
            consumed.clear()
            again.extend(rest)
            read_again += len(rest)
            literal_rows.add(start_line)
            return split_line_ending(line)[0].split("\t"), line, start_line

        def read_row(row_number: int) -> tuple[list[str], str, int] | None:
            start_line = reader.line_num - read_again + 1
            try:
                row = next(reader)
            except StopIteration:
                return None
            except csv.Error as exc:
                if tsv and consumed:
                    return literal(start_line)
                where = "the header row" if row_number == 0 else f"row {row_number}"
                raise InputError(
                    f"{doc_prefix}: {where} (starting on line {start_line}) cannot be read as "
                    f"{label} ({exc}). An unbalanced quote often causes this: check that the "
                    "quote characters of that row come in pairs."
                ) from None
            if tsv and len(consumed) > 1 and row_number and len(row) != len(header):
                return literal(start_line)  # a quote that opened a cell but closed no cell
            raw = "".join(consumed)
            consumed.clear()
            return row, raw, start_line

        header: list[str] = []

        got = read_row(0)
        if got is None:  # pragma: no cover - a first line always gives a row
            return
        header, raw_header, _ = got
        if not header:
            raise InputError(
                f"{doc_prefix}: line 1 is empty, but the first line of a {label} file must be "
                "its header row. Remove the leading blank line."
            )
        keys = _column_keys(header)
        selected = self._select(header, options.columns, doc_prefix)
        yield self._header_record(header, raw_header, bom, doc_prefix, options.redact_keys)

        row_number = 0
        while (got := read_row(row_number + 1)) is not None:
            row, raw, start_line = got
            if not row:
                yield Record((), constant(raw))
                continue
            row_number += 1
            if len(row) != len(header):
                raise InputError(
                    f"{doc_prefix}: row {row_number} (starting on line {start_line}) has "
                    f"{len(row)} cells but the header has {len(header)} columns. Fix that row: "
                    "quote cells that contain the delimiter or a line break, and give every "
                    "row one cell per column."
                )
            docs: list[Document] = []
            cells: list[tuple[int, str]] = []
            record: dict[str, str] | None = None
            for index in selected:
                cell = row[index]
                if not cell.strip():
                    continue
                if record is None:
                    record = dict(zip(keys, row, strict=True))
                doc_id = f"{doc_prefix}:{row_number}:{index + 1}"
                meta = {
                    "format": self.name,
                    "row": row_number,
                    "line": start_line,
                    "column": keys[index],
                    "column_index": index,
                    "numeric": _NUMBER_CELL.fullmatch(cell.strip()) is not None,
                    "record": record,
                }
                docs.append(Document(doc_id, cell, meta))
                cells.append((index, doc_id))
            if not docs:
                yield Record((), constant(raw))
                continue
            yield Record(tuple(docs), self._renderer(raw, row, cells, start_line in literal_rows))

    def _header_record(self, header: list[str], raw: str, bom: str, doc_prefix: str,
                       redact: bool) -> Record:
        """The header row: without documents, or (``redact``) one per non-empty cell, with
        ids ``PREFIX:0:COLUMN`` (row 0 is the header)."""
        docs: list[Document] = []
        cells: list[tuple[int, str]] = []
        for index, cell in enumerate(header if redact else ()):
            if cell.strip():
                doc_id = f"{doc_prefix}:0:{index + 1}"
                meta = {"format": self.name, "row": 0, "line": 1, "key": True,
                        "column_index": index, "numeric": False, "record": None}
                docs.append(Document(doc_id, cell, meta))
                cells.append((index, doc_id))
        if not docs:
            return Record((), constant(bom + raw))
        render = self._renderer(raw, header, cells)
        return Record(tuple(docs), lambda new_texts: bom + render(new_texts))

    def _select(self, header: list[str], columns: Iterable[str], doc_prefix: str) -> list[int]:
        """Indices of the columns to redact (all of them when ``columns`` is empty)."""
        wanted = set(columns)
        if not wanted:
            return list(range(len(header)))
        unknown = [name for name in columns if name not in header]
        if unknown:
            listed = ", ".join(f'"{name}"' for name in header)
            raise InputError(
                f"{doc_prefix}: no column named "
                + ", ".join(f'"{name}"' for name in unknown)
                + f". The header has: {listed}. Column names are case-sensitive."
            )
        return [index for index, name in enumerate(header) if name in wanted]

    def _renderer(self, raw: str, row: list[str], cells: list[tuple[int, str]],
                  literal: bool = False):
        delimiter = self.delimiter

        def render(new_texts: Mapping[str, str]) -> str:
            changes = {
                index: new_texts[doc_id]
                for index, doc_id in cells
                if new_texts[doc_id] != row[index]
            }
            if not changes:
                return raw
            if literal:
                body, ending = split_line_ending(raw)
                parts = body.split(delimiter)
                for index, value in changes.items():
                    parts[index] = quote_cell(value, delimiter, False) if any(
                        ch in value for ch in (delimiter, "\r", "\n")) else value
                return delimiter.join(parts) + ending
            return rewrite_row(raw, row, changes, delimiter)

        return render


def _capture(lines: Iterable[str], consumed: list[str], again: deque[str]) -> Iterator[str]:
    """Pass ``lines`` through, remembering each one in ``consumed``; lines put in ``again``
    come first."""
    source = iter(lines)
    while True:
        line = again.popleft() if again else next(source, None)
        if line is None:
            return
        consumed.append(line)
        yield line


def _column_keys(header: list[str]) -> list[str]:
    """Unique names for the columns: the header name, or ``NAME#N`` if empty or repeated."""
    counts: dict[str, int] = {}
    for name in header:
        counts[name] = counts.get(name, 0) + 1
    return [
        name if name and counts[name] == 1 else f"{name}#{index + 1}"
        for index, name in enumerate(header)
    ]


def rewrite_row(raw: str, row: list[str], changes: Mapping[int, str], delimiter: str) -> str:
    """The raw row text with the cells in ``changes`` replaced, other cells kept as written.

    A replaced cell keeps its quotes if it had them, and gets quotes if its new value needs
    them. If the raw text cannot be split the way :mod:`csv` parsed it, the whole row is
    written with :func:`csv.writer` instead (valid, but without the original spelling).
    """
    body, ending = split_line_ending(raw)
    spans = split_cells(body, delimiter)
    if (
        spans is None
        or len(spans) != len(row)
        or any(
            cell_value(body[start:end]) != row[index] for index, (start, end) in enumerate(spans)
        )
    ):
        new_row = [changes.get(index, value) for index, value in enumerate(row)]
        out = io.StringIO()
        csv.writer(out, delimiter=delimiter, quotechar=QUOTE, lineterminator="\n").writerow(new_row)
        return out.getvalue()[:-1] + ending
    parts: list[str] = []
    for index, (start, end) in enumerate(spans):
        if index:
            parts.append(delimiter)
        if index in changes:
            was_quoted = body.startswith(QUOTE, start) and end > start
            parts.append(quote_cell(changes[index], delimiter, was_quoted or len(row) == 1))
        else:
            parts.append(body[start:end])
    return "".join(parts) + ending


def split_cells(body: str, delimiter: str) -> list[tuple[int, int]] | None:
    """Raw ``(start, end)`` of every cell in one row's text; None if a quote is unclosed."""
    spans: list[tuple[int, int]] = []
    start = 0
    while True:
        i = start
        if body.startswith(QUOTE, i):
            i += 1
            while True:
                j = body.find(QUOTE, i)
                if j == -1:
                    return None
                if body.startswith(QUOTE, j + 1):
                    i = j + 2
                    continue
                i = j + 1
                break
        j = body.find(delimiter, i)
        if j == -1:
            spans.append((start, len(body)))
            return spans
        spans.append((start, j))
        start = j + 1


def cell_value(raw_cell: str) -> str:
    """The value :mod:`csv` reads from one raw cell (quotes removed, doubled quotes undone)."""
    if not raw_cell.startswith(QUOTE):
        return raw_cell
    i = 1
    while True:
        j = raw_cell.find(QUOTE, i)
        if j == -1:
            return raw_cell[1:]
        if raw_cell.startswith(QUOTE, j + 1):
            i = j + 2
            continue
        return raw_cell[1:j].replace(QUOTE * 2, QUOTE) + raw_cell[j + 1 :]


def quote_cell(value: str, delimiter: str, force: bool) -> str:
    """``value`` as a cell: quoted when ``force`` or when it holds a delimiter, quote or newline."""
    if force or any(ch in value for ch in (delimiter, QUOTE, "\r", "\n")):
        return QUOTE + value.replace(QUOTE, QUOTE * 2) + QUOTE
    return value
