"""Plain text and Markdown: the whole file is one document."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TextIO

from redactor.document import Document
from redactor.formats.base import FormatOptions, Record, constant, split_bom


class TextFormat:
    """``.txt`` / ``.md``: one document per file, id = the relative path.

    Line endings are kept exactly (the stream is read with ``newline=""``). A leading byte-order
    mark is not part of the document text; it is written back in front of the output.
    """

    name = "text"

    def records(self, stream: TextIO, doc_prefix: str, options: FormatOptions) -> Iterator[Record]:
        """Yield a single record holding the whole file (no document for an empty file)."""
        bom, text = split_bom(stream.read())
        if not text:
            yield Record((), constant(bom))
            return
        doc = Document(doc_prefix, text, {"format": self.name})

        def render(new_texts: Mapping[str, str]) -> str:
            return bom + new_texts[doc.id]

        yield Record((doc,), render)
