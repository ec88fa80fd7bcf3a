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


@dataclass(frozen=True)
class LinkedFile:
    """A symbolic link to a file met under the root: whether its target lies outside the root,
    and whether it was read (for the audit; the target's own path is not kept)."""

    path: Path
    relative: str
    outside: bool
    followed: bool


OUTSIDE_LINK = ("symbolic link to a file outside INPUT (not followed; --follow-symlinks "
                "reads it)")


def iter_input_files(
    root: Path | str,
    skipped: list[SkippedFile] | None = None,
    *,
    follow_symlinks: bool = False,
    links: list[LinkedFile] | None = None,
) -> Iterator[tuple[Path, str]]:
    """Yield ``(absolute path, relative posix path)`` of every input file under ``root``.

    Every regular file is yielded, whatever its extension: the caller separates the ones it
    cannot read with :func:`~redactor.formats.registry.is_supported` (or the InputError of
    ``format_for_path``) and lists them as skipped, so no file is ignored silently.
    Order: depth first, the entries of each folder sorted by name (code points), which is the
    order of the relative paths compared part by part. Hidden files and folders (name starting
    with ``.``) and our own temporary files are passed over silently. What cannot be yielded
    (folders that cannot be listed, symbolic links to folders, which are not followed, and
    special files such as sockets) is appended to ``skipped`` when it is given.

    A symbolic link to a file is read when its target lies under ``root`` (it is INPUT's own
    data under a second name); one whose target lies outside is skipped (and listed in
    ``skipped``) unless ``follow_symlinks``: INPUT is what the caller chose to process, and a
    link out of it, planted in a shared drop or left by accident, must not pull other files
    (another folder's records, system files) into the output unseen. Every file link is
    appended to ``links`` when it is given. ``root`` may
    also be a single file: it is yielded with its name as relative path. An empty folder
    yields nothing. Raises InputError when ``root`` does not exist.
    """
    root = Path(root).absolute()
    if root.is_file():
        yield root, root.name
        return
    if not root.is_dir():
        raise InputError(f"{root}: no such file or folder. Check the input path.")
    yield from _walk(root, "", skipped, _Links(root.resolve(), follow_symlinks, links))


@dataclass(frozen=True)
class _Links:
    root: Path  # resolved
    follow: bool
    seen: list[LinkedFile] | None

    def read(self, path: Path, relative: str) -> bool:
        """Whether to read the file link at ``path`` (and note it)."""
        try:
            path.resolve().relative_to(self.root)
            outside = False
        except (ValueError, OSError, RuntimeError):
            outside = True
        followed = self.follow or not outside
        if self.seen is not None:
            self.seen.append(LinkedFile(path, relative, outside, followed))
        return followed


def _walk(
    folder: Path, prefix: str, skipped: list[SkippedFile] | None, links: _Links
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
            yield from _walk(path, relative + "/", skipped, links)
        elif is_file and is_link:
            if links.read(path, relative):
                yield path, relative
            elif skipped is not None:
                skipped.append(SkippedFile(path, relative, OUTSIDE_LINK))
        elif is_file:
            yield path, relative
        elif skipped is not None:
            skipped.append(SkippedFile(path, relative, "not a regular file"))


def unsupported_reason(name: str) -> str:
    """Why a file is skipped, for a file whose extension has no format."""
    suffix = Path(name).suffix.lower()
    what = f"unsupported extension {suffix!r}" if suffix else "no file extension"
    return f"{what} (supported: {', '.join(SUPPORTED_EXTENSIONS)})"
