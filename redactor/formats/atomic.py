"""Atomic output: write to a temporary file beside the target, then rename it into place.

Readers of the target see either the old file or the complete new one, never half a file;
if anything fails, the temporary file is removed and the target is left as it was.
Temporary files are named ``.NAME.redactor-tmp-XXXXXXXX`` (hidden, recognisable, and
skipped by :func:`redactor.formats.walk.iter_input_files`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, TextIO, TypeVar

from redactor.errors import OutputError

TEMP_MARKER = ".redactor-tmp-"
"""Every temporary file name contains this."""

_TEMP_NAME = re.compile(r"\..+" + re.escape(TEMP_MARKER) + r"[0-9a-f]{8}")
_NO_SPACE = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))


class NoSpaceError(OutputError):
    """The device (or the quota) is full: no further output can be written."""

    code = "R310"

_MAX_NAME = 255 - len(TEMP_MARKER) - 1 - 8  # room for the dot, marker and random suffix


def is_temp_file(name: str) -> bool:
    """True when ``name`` (a file name) is one of our temporary files."""
    return name.startswith(".") and TEMP_MARKER in name


def is_own_temp_file(name: str) -> bool:
    """True when ``name`` has exactly the shape :func:`atomic_write` gives its temporary files
    (``.NAME.redactor-tmp-`` and 8 hex digits): the only files a cleanup may remove."""
    return _TEMP_NAME.fullmatch(name) is not None


def temp_prefix(path: Path) -> str:
    """How every temporary file of ``path`` begins (they lie beside it)."""
    return f".{path.name[:_MAX_NAME]}{TEMP_MARKER}"


def remove_stale_temp_files(folder: Path | str, *, recursive: bool = True) -> int:
    """Remove our temporary files left in ``folder`` by a crashed run; how many were removed.

    Only for a folder no other run is writing to (the caller holds its lock). Symbolic links
    to folders are not followed.
    """
    removed = 0
    for root, dirs, files in os.walk(folder):
        for name in files:
            if is_own_temp_file(name):
                path = Path(root) / name
                if path.is_symlink() or not path.is_file():
                    continue
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
                    removed += 1
        if not recursive:
            dirs.clear()
    return removed


@contextlib.contextmanager
def atomic_write(
    path: Path | str, *, encoding: str = "utf-8", newline: str = "", sync_dir: bool = True,
    sync: bool = True,
) -> Iterator[TextIO]:
    """Open a text stream whose content replaces ``path`` when the ``with`` block succeeds.

    Parent folders are created. The data is flushed and fsynced before ``os.replace``, and the
    folder after it (the rename made durable); ``sync_dir=False`` leaves that to the caller,
    who syncs each folder once after many files (:func:`fsync_dirs`). ``sync=False`` skips the
    file's fsync too, for a file its reader checks whole and can do without (an audit part:
    after a crash it may be renamed in empty or cut short). On any exception the
    temporary file is removed and the exception propagates; OS errors and characters the
    output encoding cannot represent become OutputError. ``newline=""`` writes line endings
    exactly as given.
    """

    def opener(fd: int) -> TextIO:
        return open(fd, "w", encoding=encoding, newline=newline, errors="strict")

    try:
        with _atomic(Path(path), opener, sync_dir=sync_dir, sync=sync) as stream:
            yield stream
    except UnicodeEncodeError as exc:
        char = exc.object[exc.start] if isinstance(exc.object, str) else "?"
        raise OutputError(
            f"{path}: a character (U+{ord(char):04X}) cannot be written in {encoding}. "
            "Choose an output encoding that can hold it, such as utf-8."
        ) from None


@contextlib.contextmanager
def atomic_write_bytes(path: Path | str, *, mode: int = 0o666) -> Iterator[BinaryIO]:
    """Like :func:`atomic_write`, for binary content. ``mode`` (before the umask) is the new
    file's: ``0o600`` for secrets (a vault, a key), which only their owner may read."""

    def opener(fd: int) -> BinaryIO:
        return open(fd, "wb")

    with _atomic(Path(path), opener, mode) as stream:
        yield stream


_Stream = TypeVar("_Stream", TextIO, BinaryIO)


@contextlib.contextmanager
def _atomic(path: Path, opener: Callable[[int], _Stream], mode: int = 0o666,
            sync_dir: bool = True, sync: bool = True) -> Iterator[_Stream]:
    """Create the temp file and its stream; on success fsync and rename, else remove it."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(
            f"{path.parent}: cannot create the output folder ({exc.strerror})."
        ) from None
    if path.is_dir():
        raise OutputError(f"{path}: is a folder; cannot write a file there.")
    fd, temp = _create_temp(path, mode)
    try:
        stream = opener(fd)
    except BaseException:
        os.close(fd)
        temp.unlink(missing_ok=True)
        raise
    try:
        with stream:
            yield stream
            stream.flush()
            if sync:
                os.fsync(stream.fileno())
        os.replace(temp, path)
    except BaseException as exc:
        temp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise output_error(path, "cannot write the file", exc) from None
        raise
    if sync_dir:
        _fsync_dir(path.parent)


def fsync_dirs(folders: Iterable[Path]) -> None:
    """Make the renames into each of ``folders`` durable, once per folder (after writes with
    ``sync_dir=False``: a folder of 2,000 small outputs costs one fsync, not 2,000)."""
    for folder in sorted(set(folders)):
        _fsync_dir(folder)


def _create_temp(path: Path, mode: int = 0o666) -> tuple[int, Path]:
    """A new temp file beside ``path`` (``mode`` less the umask, like a normal new file)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        temp = path.with_name(f"{temp_prefix(path)}{secrets.token_hex(4)}")
        try:
            return os.open(temp, flags, mode), temp
        except FileExistsError:
            continue
        except OSError as exc:
            raise output_error(path, "cannot create a file there", exc) from None
    raise OutputError(f"{path}: cannot find a free temporary file name.")  # pragma: no cover


def output_error(path: Path, what: str, exc: OSError) -> OutputError:
    """An OS error while writing ``path`` as our error (a full disk or quota: a
    :class:`NoSpaceError`); the OS message names only the path."""
    if exc.errno in _NO_SPACE:
        return NoSpaceError(f"{path}: {what} ({exc.strerror or 'no space left on device'}).")
    return OutputError(f"{path}: {what} ({exc.strerror or exc}).")


def _fsync_dir(folder: Path) -> None:
    """Make the rename durable (POSIX); ignored where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
