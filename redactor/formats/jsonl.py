"""JSON Lines (``.jsonl``, ``.ndjson``): one JSON value per line, streamed line by line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TextIO

from redactor.errors import InputError
from redactor.formats.base import BOM, FormatOptions, Record, constant, split_line_ending
from redactor.formats.jsontext import (
    FieldSelector,
    build_documents,
    describe_decode_error,
    scan_scalars,
    splice_renderer,
)


class JsonLinesFormat:
    """One record per line; document ids read ``PREFIX:LINE:POINTER`` (line numbers from 1,
    ``POINTER`` a JSON pointer of member and item indices: ids never carry a key's text).

    Each line may hold any JSON value. Objects and arrays are searched for strings (see
    ``FormatOptions.text_fields``); a line that is a bare string is one document with id
    ``PREFIX:LINE`` (selected only when no ``text_fields`` are given); with
    ``FormatOptions.redact_keys`` every object key is a document too (id
    ``PREFIX:LINE:POINTER:key``, ``meta["key"]`` true); numbers, booleans and
    ``null`` lines pass through. Blank lines are kept. Output changes only the redacted values:
    key order, spacing, escapes and line endings stay as they were. ``meta`` holds ``line``,
    ``field``, ``path``, ``numeric`` and ``record`` (the parsed value of the whole line, shared
    by its documents: read it, do not change it).
    """

    name = "jsonl"

    def records(self, stream: TextIO, doc_prefix: str, options: FormatOptions) -> Iterator[Record]:
        """Yield one record per line; raise InputError on the first line that is not JSON."""
        selector = FieldSelector(options.text_fields)
        for number, raw_line in enumerate(stream, 1):
            line, bom = raw_line, ""
            if number == 1 and line.startswith(BOM):
                line, bom = line[len(BOM) :], BOM
            body, ending = split_line_ending(line)
            if not body.strip():
                yield Record((), constant(bom + line))
                continue
            try:
                value = json.loads(body)
            except (ValueError, RecursionError) as exc:
                raise InputError(
                    f"{doc_prefix}: line {number} is not valid JSON "
                    f"({describe_decode_error(exc, one_line=True)}). Each line of a JSON Lines "
                    "file must hold one JSON value: fix or remove that line."
                ) from None
            docs, placed = build_documents(
                scan_scalars(body, keys=options.redact_keys),
                selector,
                lambda _token, n=number: (n, 0),
                lambda _line, v=value: v,
                doc_prefix,
                self.name,
            )
            if not docs:
                yield Record((), constant(bom + line))
                continue
            yield Record(tuple(docs), splice_renderer(body, placed, prefix=bom, suffix=ending))
