"""Identifiers in delimited lines pasted inside text, read by their header.

A plain-text document may hold a CSV/TSV extract::

    mrn,last_name,first_name,dob,phone
    00915956,Desjardins,Jean-Baptiste,"04-JUL-1950",+33 (0)2 30 15 92 59

A bare ``00915956`` says nothing by itself; its column header says it is a medical record
number. :class:`TableRecognizer` finds a header line of delimited field labels (comma,
semicolon, tab or pipe; at least two labels of :data:`HEADERS`, or one among short label-like
cells), then reads the lines under it that have the same number of cells (quotes respected;
the table stops at the first line that does not fit) and reports each non-empty cell of a
known column as the column's entity type, with a field label's score.

It is mostly data (:data:`HEADERS`, :data:`SUFFIXES`, :data:`QUALIFIERS`). It runs in linear
time: each line is split once by a character scan (no regex over whole lines), header
candidates are bounded in length and cell count, and the lines of a table are never read
again as header candidates.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from redactor.detect.base import Recognizer, exact_sources, run_all
from redactor.span import Span

#: The score of a cell under a known header: a field label's cue (patterns' LABELLED_ID_SCORE,
#: names' "field" rule).
SCORE = 0.85
#: The ``source`` of its spans.
SOURCE = "tables"

#: Normalised header labels (lower case, words separated by one space) -> entity type.
HEADERS: dict[str, str] = {
    # medical record numbers
    **dict.fromkeys(("mrn", "medical record", "med rec", "med record", "record no", "chart",
                     "emr", "ehr", "urn", "patient id", "pt id", "pid", "patient identifier",
                     "hospital no", "hospital number", "case no"), "MEDICAL_RECORD_NUMBER"),
    # telephone and fax numbers
    **dict.fromkeys(("phone", "telephone", "tel", "mobile", "cell", "cellphone", "mob",
                     "contact phone"), "PHONE_NUMBER"),
    **dict.fromkeys(("fax", "facsimile"), "FAX_NUMBER"),
    # dates
    **dict.fromkeys(("dob", "d o b", "date of birth", "birth date", "birthdate", "birthday",
                     "born", "date", "admit date", "admission date", "adm date",
                     "discharge date", "disch date", "dc date", "visit date", "service date",
                     "date of service", "dos", "death date", "date of death", "dod",
                     "appointment", "appt", "appt date", "encounter date", "procedure date",
                     "surgery date"), "DATE"),
    # names
    **dict.fromkeys(("name", "names", "first", "first name", "firstname", "given",
                     "given name", "given names", "forename", "forenames", "middle",
                     "middle name", "last", "last name", "lastname", "surname", "family",
                     "family name", "full name", "patient", "patient name", "pt name",
                     "client", "client name", "clinician", "physician", "doctor", "provider",
                     "attending", "pcp", "nurse", "surgeon", "prescriber", "consultant",
                     "referring", "referrer", "guardian", "next of kin", "nok",
                     "emergency contact", "kin", "spouse", "mother", "father", "parent",
                     "guarantor", "member name", "subscriber name", "insured"), "PERSON"),
    # identifiers
    **dict.fromkeys(("ssn", "social security", "soc sec"), "US_SSN"),
    **dict.fromkeys(("email", "e mail", "email address", "e mail address"),
                    "EMAIL_ADDRESS"),
    **dict.fromkeys(("address", "addr", "street", "street address", "address line",
                     "address 1", "address line 1", "address1", "home address"),
                    "STREET_ADDRESS"),
    **dict.fromkeys(("city", "town", "city town"), "LOCATION"),
    **dict.fromkeys(("zip", "zip code", "zipcode", "postcode", "postal code", "post code"),
                    "ZIP_CODE"),
    **dict.fromkeys(("account", "acct", "account number", "billing account"),
                    "ACCOUNT_NUMBER"),
    **dict.fromkeys(("member id", "policy", "subscriber id", "insurance id", "plan id",
                     "health plan", "beneficiary id", "medicaid", "medicare"), "HEALTH_PLAN_ID"),
    **dict.fromkeys(("npi",), "US_NPI"),
}  # fmt: skip

#: Last words that only say "the number of" ("MRN #", "Phone No.", "Account Number").
SUFFIXES = frozenset({"number", "no", "num", "nr", "nbr", "id", "ids", "code", "numbers"})
#: First words that say whose ("Patient Phone", "Home Tel", "Pt DOB").
QUALIFIERS = frozenset({"patient", "pt", "pat", "home", "work", "primary", "contact",
                        "emergency", "alt", "alternate", "secondary", "office", "personal",
                        "business", "client", "member", "subscriber", "mobile", "cell"})

#: Delimiters of a table's cells, tried in this order on a header candidate.
DELIMITERS = (",", ";", "\t", "|")
#: Cell values that give nothing (lower case, trimmed).
EMPTY_VALUES = frozenset({"", "n/a", "na", "-", "--", "unknown", "unk", "none", "null", "nil",
                          "nan", "?", "not known", "not available", "tbd", "x"})

#: A header candidate is at most this long (characters) ...
MAX_HEADER_CHARS = 400
#: ... and has at most this many cells.
MAX_HEADER_CELLS = 40
#: A label-like cell: a letter, then letters, digits, spaces and label punctuation, short.
_LABEL_LIKE = re.compile(r"[^\W\d_][\w .#/()&'-]{0,39}")
#: A label-like cell has at most this many words.
MAX_LABEL_WORDS = 4
#: Where camelCase words meet ("LastName" -> "Last Name").
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
#: What separates a label's words.
_NON_WORD = re.compile(r"[^a-z0-9]+")
#: A separator row of a pipe table (``---``, ``:--:``).
_RULE_CELL = re.compile(r"[ \t:=-]*")


def split_cells(line: str, delimiter: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` offsets (in ``line``) of each cell's raw text, CSV quotes respected:
    a delimiter inside a double-quoted cell does not split it (``""`` is an escaped quote).

    >>> line = 'a,"b, c",d'
    >>> [line[s:e] for s, e in split_cells(line, ",")]
    ['a', '"b, c"', 'd']
    """
    if '"' not in line:  # no quotes: the C split (most lines)
        cells: list[tuple[int, int]] = []
        start = 0
        for part in line.split(delimiter):
            cells.append((start, start + len(part)))
            start += len(part) + 1
        return cells
    cells = []
    start = 0
    quoted = False
    at_cell_start = True
    i = 0
    n = len(line)
    while i < n:
        char = line[i]
        if quoted:
            if char == '"':
                if i + 1 < n and line[i + 1] == '"':
                    i += 1
                else:
                    quoted = False
        elif char == delimiter:
            cells.append((start, i))
            start = i + 1
            at_cell_start = True
            i += 1
            continue
        elif char == '"' and at_cell_start:
            quoted = True
        if char not in " \t" or quoted:
            at_cell_start = False
        i += 1
    cells.append((start, n))
    return cells


def value_bounds(line: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` of a cell's value: trimmed of spaces and one pair of enclosing quotes
    (and the spaces inside them)."""
    while start < end and line[start] in " \t\r":
        start += 1
    while end > start and line[end - 1] in " \t\r":
        end -= 1
    if end - start >= 2 and line[start] == '"' and line[end - 1] == '"':
        start += 1
        end -= 1
        while start < end and line[start] in " \t":
            start += 1
        while end > start and line[end - 1] in " \t":
            end -= 1
    return start, end


def normalize_label(label: str) -> str:
    """A header cell as :data:`HEADERS` keys are written: camelCase split, lower case, words
    separated by one space (``"Last_Name"``, ``"LastName"``, ``"last-name"`` -> ``"last name"``);
    a ``#`` is the word ``no``."""
    label = _CAMEL.sub(" ", label.replace("#", " no "))
    return " ".join(_NON_WORD.split(label.lower())).strip()


@lru_cache(maxsize=4096)
def header_type(label: str) -> str | None:
    """The entity type a header cell names, or None: its normalised label in
    :data:`HEADERS`, else without a last word of :data:`SUFFIXES`, else without a first word
    of :data:`QUALIFIERS` (``"Patient Phone No."`` -> PHONE_NUMBER)."""
    words = normalize_label(label).split()
    for _ in range(3):
        if not words:
            return None
        found = HEADERS.get(" ".join(words))
        if found is not None:
            return found
        if len(words) > 1 and words[-1] in SUFFIXES:
            words = words[:-1]
        elif len(words) > 1 and words[0] in QUALIFIERS:
            words = words[1:]
        else:
            return None
    return HEADERS.get(" ".join(words))


def _label_like(cell: str) -> bool:
    return bool(_LABEL_LIKE.fullmatch(cell)) and len(cell.split()) <= MAX_LABEL_WORDS


def read_header(line: str) -> tuple[str, list[str | None]] | None:
    """``(delimiter, the entity type of each column)`` when ``line`` is a header of field
    labels, else None.

    A header has two cells or more under one of :data:`DELIMITERS`, every non-empty cell
    label-like (a letter first, no more than 40 characters and :data:`MAX_LABEL_WORDS`
    words), and two known labels, or one among cells that all are label-like and no line
    end in a full stop (prose). Of the delimiters that make a header, the one with the most
    known labels wins."""
    stripped = line.strip()
    if not stripped or len(line) > MAX_HEADER_CHARS or stripped.endswith("."):
        return None
    best: tuple[int, str, list[str | None]] | None = None
    for delimiter in DELIMITERS:
        if delimiter not in line:
            continue
        cells = split_cells(line, delimiter)
        if len(cells) > MAX_HEADER_CELLS:
            continue
        values = [line[s:e] for s, e in (value_bounds(line, *c) for c in cells)]
        filled = [v for v in values if v]
        if len(filled) < 2 or not all(_label_like(v) for v in filled):
            continue
        types = [header_type(v) if v else None for v in values]
        known = sum(t is not None for t in types)
        if known < 1:
            continue
        if best is None or known > best[0]:
            best = (known, delimiter, types)
    if best is None:
        return None
    return best[1], best[2]


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """``(offset, line)`` of each line of ``text`` (split at ``\\n``), without its line break
    (``\\r\\n`` too), one at a time: a text of many short lines is never held as a list."""
    start = 0
    size = len(text)
    while start <= size:
        end = text.find("\n", start)
        if end < 0:
            end = size
        line = text[start:end]
        yield start, line[:-1] if line.endswith("\r") else line
        start = end + 1


def _empty(value: str) -> bool:
    return value.lower() in EMPTY_VALUES or _RULE_CELL.fullmatch(value) is not None


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell of a table row, at offsets of the text: ``start:end`` between its delimiters,
    ``value_start:value_end`` its value (trimmed), ``label`` its column's entity type (None
    for a column whose header is not known) and whether its value gives a span."""

    start: int
    end: int
    value_start: int
    value_end: int
    label: str | None
    filled: bool


def table_rows(text: str) -> Iterator[list[Cell]]:
    """The rows under every header of delimited field labels in ``text``, in order: each a
    list of :class:`Cell`. A table ends at a blank line or at the first line with another
    number of cells than its header (that line may start the next table); its rows are not
    read again as headers. One pass over the lines, each split once or twice."""
    header: tuple[str, list[str | None]] | None = None
    for offset, line in _lines(text):
        if header is not None and line.strip():
            delimiter, types = header
            cells = split_cells(line, delimiter)
            if len(cells) == len(types):
                yield _row(line, offset, cells, types)
                continue
        header = read_header(line)


def _row(line: str, offset: int, cells: list[tuple[int, int]], types: list[str | None]
         ) -> list[Cell]:
    row = []
    for (start, end), label in zip(cells, types, strict=True):
        value_start, value_end = value_bounds(line, start, end)
        filled = value_start < value_end and not _empty(line[value_start:value_end])
        row.append(Cell(offset + start, offset + end, offset + value_start, offset + value_end,
                        label, filled))
    return row


def find_table_spans(text: str) -> list[Span]:
    """The spans of every known column's filled cells in the delimited tables of ``text``."""
    return [Span(c.value_start, c.value_end, c.label, SCORE, SOURCE)
            for row in table_rows(text) for c in row if c.label is not None and c.filled]


def refine_spans(text: str, spans: Sequence[Span]) -> list[Span]:
    """``spans`` with the other recognizers' spans fitted to the cells of ``text``'s tables.

    A model reads ``00915956,Ndlovu,Jacques`` as one phone number; a column header knows
    better. Where a table span of this module is among ``spans`` (accepted by the policy),
    another span inside its cell is dropped (the table span covers it, with the header's
    type), and a span across cell delimiters is cut at them: its pieces inside such cells are
    dropped, the others kept (clipped to their cell's value). Only delimiters, quotes and
    spaces between cells lose coverage, never a character of a value, so nothing leaks."""
    claimed = {(s.start, s.end) for s in spans if s.source == SOURCE}
    if not claimed:
        return list(spans)
    rows = [row for row in table_rows(text)
            if any((c.value_start, c.value_end) in claimed for c in row)]  # rows with a claim
    if not rows:
        return list(spans)
    row_starts = [row[0].start for row in rows]
    out: list[Span] = []
    for span in spans:
        if span.source == SOURCE:
            out.append(span)
            continue
        first = max(bisect_right(row_starts, span.start) - 1, 0)
        if rows[first][-1].end <= span.start:
            first += 1
        if first >= len(rows) or rows[first][0].start >= span.end:
            out.append(span)  # outside every table
            continue
        out.extend(_pieces(text, span, rows, first, claimed))
    return out


def _pieces(text: str, span: Span, rows: list[list[Cell]], first: int,
            claimed: set[tuple[int, int]]) -> Iterator[Span]:
    """``span`` cut to the unclaimed cell values of the rows it crosses (from ``first``) and
    to what lies outside the rows (bar line breaks and spaces)."""
    at = span.start
    for row in rows[first:]:
        if row[0].start >= span.end:
            break
        if at < row[0].start:  # text before the row: only when it is not just a line break
            yield from _piece(text, span, at, row[0].start)
        for cell in row:
            if (cell.value_start, cell.value_end) in claimed:
                continue
            yield from _piece(text, span, max(span.start, cell.value_start),
                              min(span.end, cell.value_end))
        at = row[-1].end
    if at < span.end:
        yield from _piece(text, span, at, span.end)


def _piece(text: str, span: Span, start: int, end: int) -> Iterator[Span]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return
    if (start, end) == (span.start, span.end):
        yield span
    else:
        yield replace(span, start=start, end=end)


class TableRecognizer:
    """Identifiers in delimited lines read by their header; implements the
    :class:`~redactor.detect.base.Recognizer` protocol.

    >>> text = "mrn;name\\n00915956;Asma Darwish\\n"
    >>> [(text[s.start:s.end], s.label) for s in TableRecognizer().detect([text])[0]]
    [('00915956', 'MEDICAL_RECORD_NUMBER'), ('Asma Darwish', 'PERSON')]
    """

    name = SOURCE

    def detect(self, texts: Sequence[str]) -> list[list[Span]]:
        """Spans found in each of ``texts``, one list per text."""
        return [find_table_spans(text) for text in texts]

    def refine(self, text: str, spans: Sequence[Span]) -> list[Span]:
        """The accepted ``spans`` of ``text`` fitted to its table cells (:func:`refine_spans`)."""
        return refine_spans(text, spans)


class RecognizerGroup:
    """Recognizers that run as one (the ``patterns`` detector: regexes and tables): their
    spans concatenated in member order, exact where a member's are."""

    def __init__(self, name: str, members: Sequence[Recognizer]) -> None:
        self.name = name
        self.members = tuple(members)

    @property
    def exact_sources(self) -> frozenset[str]:
        """The span sources its members report exactly (see
        :func:`redactor.detect.base.exact_sources`)."""
        return frozenset().union(*map(exact_sources, self.members))

    def load(self) -> None:
        """Load every member that has something to load."""
        for member in self.members:
            load = getattr(member, "load", None)
            if load is not None:
                load()

    def refine(self, text: str, spans: Sequence[Span]) -> list[Span]:
        """The accepted ``spans`` of ``text`` passed through every member's ``refine``."""
        out = list(spans)
        for member in self.members:
            refine = getattr(member, "refine", None)
            if refine is not None:
                out = refine(text, out)
        return out

    def detect(self, texts: Sequence[str]) -> list[list[Span]]:
        """Every member's spans for each text, in member order; a member that answers for
        another number of texts is a ModelError (never fewer spans than asked for)."""
        return run_all(self.members, texts)


__all__ = ["HEADERS", "SCORE", "SOURCE", "Cell", "RecognizerGroup", "TableRecognizer",
           "find_table_spans", "header_type", "read_header", "refine_spans", "split_cells",
           "table_rows"]
