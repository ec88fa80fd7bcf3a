"""Opening inputs as text: binary and encoding checks, and errors that name the byte offset.

:func:`open_input` (files) and :func:`open_stream` (stdin) look at the first 8 KB before
anything is parsed, so a binary file or a file in another encoding fails at once with a
clear :class:`~redactor.errors.InputError`. Decoding is incremental after that, so a bad
byte further on surfaces while records are read: :func:`read_records` turns that into an
``InputError`` carrying the absolute byte offset.

Byte-order mark: a UTF-8 BOM is decoded as the character U+FEFF and left in the stream. The
formats strip it before parsing and write it back in front of their output, so it is neither
part of any document nor lost (an input with a BOM gives an output with a BOM).
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

from redactor.errors import InputError
from redactor.formats.base import FileFormat, FormatOptions, Record

SNIFF_BYTES = 8192
"""How much of the start of an input is checked for binary content and encoding errors."""

CONTROL_RATIO = 0.10
"""More than this share of control characters in the first 8 KB means a binary file."""

_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v\x1b")
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or an Office document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"\x28\xb5\x2f\xfd", "a zstd archive"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"PAR1", "a Parquet file"),
)
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


class InputText(io.TextIOWrapper):
    """A text stream over a checked binary input; knows how many bytes it has consumed."""

    def __init__(self, counter: _CountingReader, encoding: str, display_name: str) -> None:
        super().__init__(counter, encoding=encoding, errors="strict", newline="")
        self.display_name = display_name
        self.counter = counter

    def decode_error(self, exc: UnicodeDecodeError) -> InputError:
        """An InputError for ``exc``, raised while this stream was being read."""
        offset: int | None = None
        if isinstance(exc.object, (bytes, bytearray)):
            # The decoder was given its pending bytes plus the last chunk read: exc.object.
            offset = self.counter.position - len(exc.object) + exc.start
            if not 0 <= offset < self.counter.position:  # pragma: no cover - defensive
                offset = None
        return _encoding_error(self.display_name, self.encoding, exc, offset)


class _CountingReader(io.BufferedIOBase):
    """A read-only binary stream that replays ``head`` then reads ``raw``, counting bytes."""

    def __init__(self, raw: BinaryIO, head: bytes, name: str) -> None:
        super().__init__()
        self._raw = raw
        self._head = head
        self.name = name
        self.position = 0

    def readable(self) -> bool:
        return True

    def _take(self, size: int | None, *, once: bool) -> bytes:
        if self._head:
            if size is None or size < 0:
                data, self._head = self._head, b""
                if not once:
                    data += self._raw.read()
            else:
                data, self._head = self._head[:size], self._head[size:]
        elif once and hasattr(self._raw, "read1"):
            data = self._raw.read1(-1 if size is None else size)  # type: ignore[attr-defined]
        else:
            data = self._raw.read(-1 if size is None else size)
        self.position += len(data)
        return data

    def read(self, size: int | None = -1) -> bytes:
        return self._take(size, once=False)

    def read1(self, size: int = -1) -> bytes:
        return self._take(size, once=True)

    def close(self) -> None:
        if not self.closed:
            try:
                self._raw.close()
            finally:
                super().close()


def open_input(
    path: Path | str, encoding: str = "utf-8", display_name: str | None = None
) -> TextIO:
    """Open the file at ``path`` for reading as text, after checking that it is text.

    The stream reads with ``newline=""`` (line endings untranslated) and strict decoding.
    Raises InputError when the file cannot be opened, looks binary, or its first 8 KB are not
    valid in ``encoding``. ``display_name`` names the file in messages (default: ``path``).
    """
    name = display_name if display_name is not None else str(path)
    _check_encoding_name(encoding, name)
    try:
        raw = open(path, "rb")  # noqa: SIM115 - owned by the returned stream
    except FileNotFoundError:
        raise InputError(f"{name}: file not found. Check the path.") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a folder, not a file.") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot open the file ({exc.strerror}).") from None
    try:
        return open_stream(raw, encoding, name)
    except BaseException:
        raw.close()
        raise


def open_stream(raw: BinaryIO, encoding: str = "utf-8", display_name: str = "<stdin>") -> TextIO:
    """Wrap a binary stream (such as ``sys.stdin.buffer``) as checked text, like :func:`open_input`.

    Closing the returned stream closes ``raw``.
    """
    _check_encoding_name(encoding, display_name)
    try:
        head = _read_head(raw)
    except OSError as exc:
        raise InputError(f"{display_name}: cannot read ({exc.strerror}).") from None
    check_text(head, encoding, display_name)
    return InputText(_CountingReader(raw, head, display_name), encoding, display_name)


def check_text(head: bytes, encoding: str, display_name: str) -> None:
    """Raise InputError if ``head`` (the start of an input) is binary or not in ``encoding``."""
    wide = codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))
    try:
        text = codecs.getincrementaldecoder(encoding)("strict").decode(head, final=False)
    except UnicodeDecodeError as exc:
        if _signature(head) or (not wide and b"\x00" in head):
            raise _binary_error(display_name, head) from None
        raise _encoding_error(display_name, encoding, exc, exc.start) from None
    if not text:
        return
    controls = sum(1 for ch in text if (ch < " " or ch == "\x7f") and ch not in _ALLOWED_CONTROLS)
    if "\x00" in text or controls / len(text) > CONTROL_RATIO:
        raise _binary_error(display_name, head)


def read_records(
    fmt: FileFormat, stream: TextIO, doc_prefix: str, options: FormatOptions
) -> Iterator[Record]:
    """``fmt.records(...)``, with decoding and read errors turned into InputError.

    Use this rather than calling ``records`` directly: a bad byte past the first 8 KB is only
    found while reading, and its error then names the byte offset instead of a traceback.
    """
    try:
        yield from fmt.records(stream, doc_prefix, options)
    except UnicodeDecodeError as exc:
        if isinstance(stream, InputText):
            raise stream.decode_error(exc) from None
        raise _encoding_error(doc_prefix, options.encoding, exc, None) from None
    except OSError as exc:
        raise InputError(f"{doc_prefix}: reading failed ({exc.strerror or exc}).") from None


def _read_head(raw: BinaryIO) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while size < SNIFF_BYTES:
        chunk = raw.read(SNIFF_BYTES - size)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _check_encoding_name(encoding: str, display_name: str) -> None:
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(
            f"{display_name}: unknown encoding {encoding!r}. Pass --encoding with a Python codec "
            "name such as utf-8, latin-1, cp1252 or utf-16."
        ) from None


def _signature(head: bytes) -> str | None:
    for magic, kind in _SIGNATURES:
        if head.startswith(magic):
            return kind
    return None


def _binary_error(display_name: str, head: bytes) -> InputError:
    if head.startswith(_UTF16_BOMS):
        return InputError(
            f"{display_name}: looks like UTF-16 text (it starts with a UTF-16 byte-order mark). "
            "Pass --encoding utf-16."
        )
    kind = _signature(head)
    what = f"looks like {kind}" if kind else "looks binary (control bytes in its first 8 KB)"
    return InputError(
        f"{display_name}: {what}, not text. Convert it to text first or leave it out of the input."
    )


def _encoding_error(
    display_name: str, encoding: str, exc: UnicodeDecodeError, offset: int | None
) -> InputError:
    bad = (
        exc.object[exc.start : exc.start + 1] if isinstance(exc.object, (bytes, bytearray)) else b""
    )
    where = f"byte offset {offset}" if offset is not None else "a byte"
    value = f" (0x{bad[0]:02X})" if bad else ""
    return InputError(
        f"{display_name}: {where}{value} is not valid {encoding} ({exc.reason}). The file is "
        "probably in another encoding: pass --encoding, for example --encoding cp1252 or "
        "--encoding latin-1."
    )
