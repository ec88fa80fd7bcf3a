"""JSON (``.json``): the whole file is parsed at once and written back in place."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, TextIO

from redactor.errors import InputError
from redactor.formats.base import FormatOptions, Record, constant, split_bom
from redactor.formats.jsontext import (
    FieldSelector,
    JsonToken,
    build_documents,
    describe_decode_error,
    scan_scalars,
    splice_renderer,
)


class JsonFormat:
    """One record for the whole file; document ids read ``PREFIX:LINE:POINTER`` (see
    :class:`~redactor.formats.jsonl.JsonLinesFormat`; keys with ``redact_keys``).

    ``LINE`` is the position (from 1) of the element in a top-level array, whose elements are
    treated like the lines of a JSON Lines file: ``POINTER`` and ``text_fields`` are relative
    to the element, and ``meta["record"]`` is the element. Any other top-level value is record
    ``1`` and paths start at its root. The output is the input with only the redacted values
    replaced, so its layout (indentation, key order, escapes) is the input's.
    """

    name = "json"

    def records(self, stream: TextIO, doc_prefix: str, options: FormatOptions) -> Iterator[Record]:
        """Yield a single record; raise InputError when the file is not one JSON value."""
        bom, text = split_bom(stream.read())
        if not text.strip():
            raise InputError(
                f"{doc_prefix}: the file is empty; a .json file must hold one JSON value. "
                "Remove the file from the input or give it content."
            )
        try:
            value = json.loads(text)
        except (ValueError, RecursionError) as exc:
            raise InputError(
                f"{doc_prefix}: not valid JSON ({describe_decode_error(exc)}). Fix the file, "
                "or give it the extension of its real format."
            ) from None

        if isinstance(value, list):

            def locate(token: JsonToken) -> tuple[int, int]:
                return int(token.path[0]) + 1, 1

            def record_of(line: int) -> Any:
                return value[line - 1]

        else:

            def locate(token: JsonToken) -> tuple[int, int]:
                return 1, 0

            def record_of(line: int) -> Any:
                return value

        docs, placed = build_documents(
            scan_scalars(text, keys=options.redact_keys),
            FieldSelector(options.text_fields),
            locate,
            record_of,
            doc_prefix,
            self.name,
        )
        if not docs:
            yield Record((), constant(bom + text))
            return
        yield Record(tuple(docs), splice_renderer(text, placed, prefix=bom))
