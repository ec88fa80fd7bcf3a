"""Input and output formats: files to Documents and back, streamed, written atomically.

Reading a file::

    fmt = format_for_path(path)
    with open_input(path, options.encoding) as stream:
        for record in read_records(fmt, stream, relative_path, options):
            new_texts = ...  # one new text per record.documents[i].id
            out.write(record.render(new_texts))

Outputs go through :func:`atomic_write`. Inputs under a folder come from
:func:`iter_input_files`, which yields every file: those for which :func:`is_supported` is
false are to be reported as skipped (:func:`unsupported_reason` says why).
"""

from redactor.formats.atomic import TEMP_MARKER, atomic_write, atomic_write_bytes, is_temp_file
from redactor.formats.base import FileFormat, FormatOptions, Record
from redactor.formats.reading import open_input, open_stream, read_records
from redactor.formats.registry import (
    FORMAT_NAMES,
    SUPPORTED_EXTENSIONS,
    format_by_name,
    format_for_path,
    is_supported,
)
from redactor.formats.walk import SkippedFile, iter_input_files, unsupported_reason

__all__ = [
    "FORMAT_NAMES",
    "SUPPORTED_EXTENSIONS",
    "TEMP_MARKER",
    "FileFormat",
    "FormatOptions",
    "Record",
    "SkippedFile",
    "atomic_write",
    "atomic_write_bytes",
    "format_by_name",
    "format_for_path",
    "is_supported",
    "is_temp_file",
    "iter_input_files",
    "open_input",
    "open_stream",
    "read_records",
    "unsupported_reason",
]
