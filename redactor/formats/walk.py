"""Finding input files under a folder, in a deterministic order."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from redactor.errors import InputError
from redactor.formats.atomic import is_temp_file
from redactor.formats.registry import SUPPORTED_EXTENSIONS


@dataclass(frozen=True)
class SkippedFile:
    """An input that is not read, and why (for the run report)."""

    path: Path
    relative: str
    reason: str


def iter_input_files(
    root: Path | str, skipped: list[SkippedFile] | None = None
) -> Iterator[tuple[Path, str]]:
    """Yield ``(absolute path, relative posix path)`` of every input file under ``root``.

    Every regular file is yielded, whatever its extension: the caller separates the ones it
    cannot read with :func:`~redactor.formats.registry.is_supported` (or the InputError of
    ``format_for_path``) and lists them as skipped, so no file is ignored silently.
    Order: depth first, the entries of each folder sorted by name (code points), which is the
    order of the relative paths compared part by part. Hidden files and folders (name starting
    with ``.``) and our own temporary files are passed over silently. What cannot be yielded
    (folders that cannot be listed, symbolic links to folders, which are not followed, and
    special files such as sockets) is appended to ``skipped`` when it is given. ``root`` may
    also be a single file: it is yielded with its name as relative path. An empty folder
    yields nothing. Raises InputError when ``root`` does not exist.
    """
    root = Path(root).absolute()
    if root.is_file():
        yield root, root.name
        return
    if not root.is_dir():
        raise InputError(f"{root}: no such file or folder. Check the input path.")
    yield from _walk(root, "", skipped)


def _walk(
    folder: Path, prefix: str, skipped: list[SkippedFile] | None
) -> Iterator[tuple[Path, str]]:
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        if skipped is not None:
            skipped.append(
                SkippedFile(
                    folder, prefix.rstrip("/") or ".", f"cannot list the folder ({exc.strerror})"
                )
            )
        return
    for entry in entries:
        name = entry.name
        if name.startswith(".") or is_temp_file(name):
            continue
        relative = prefix + name
        path = folder / name
        try:
            is_dir = entry.is_dir()
            is_link = entry.is_symlink()
            is_file = entry.is_file()
        except OSError as exc:  # pragma: no cover - racing deletes
            if skipped is not None:
                skipped.append(SkippedFile(path, relative, f"cannot inspect ({exc.strerror})"))
            continue
        if is_dir and is_link:
            if skipped is not None:
                skipped.append(
                    SkippedFile(path, relative, "symbolic link to a folder (not followed)")
                )
        elif is_dir:
            yield from _walk(path, relative + "/", skipped)
        elif is_file:
            yield path, relative
        elif skipped is not None:
            skipped.append(SkippedFile(path, relative, "not a regular file"))


def unsupported_reason(name: str) -> str:
    """Why a file is skipped, for a file whose extension has no format."""
    suffix = Path(name).suffix.lower()
    what = f"unsupported extension {suffix!r}" if suffix else "no file extension"
    return f"{what} (supported: {', '.join(SUPPORTED_EXTENSIONS)})"
