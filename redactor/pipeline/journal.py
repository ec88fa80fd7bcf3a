"""What keeps a run safe from a second run and from its own crash: the lock on its OUTPUT, the
journal of what it wrote, and the removal of what a crashed run left.

One run at a time writes to an OUTPUT and its audit folder (:func:`output_lock`). Every output
file is listed in ``journal.jsonl`` before it is renamed into place (:class:`Journal`), so even
a run that dies before ``run.json`` leaves a list of what it wrote. A run starts by removing the
temporary files of a crashed one (:func:`remove_stale_temps`).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from redactor import __version__
from redactor.errors import OutputError
from redactor.formats.atomic import (
    is_own_temp_file,
    output_error,
    remove_stale_temp_files,
    temp_prefix,
)
from redactor.runlog import FilePart

log = logging.getLogger("redactor")

LOCK_NAME = ".lock"  # in the audit folder: one run at a time writes there (and to its OUTPUT)
OUTPUT_LOCK_NAME = ".redactor.lock"  # in a folder OUTPUT whose audit goes elsewhere
JOURNAL_NAME = "journal.jsonl"  # in the audit folder: each output as it is written


@contextlib.contextmanager
def output_lock(folder: Path | None, name: str = LOCK_NAME) -> Iterator[None]:
    """Hold an exclusive lock on the audit ``folder`` for the run, or refuse at once.

    Two runs into one OUTPUT would overwrite each other's outputs and audit; the second one
    stops with an OutputError (exit 2) before it writes anything. The lock is released when
    the process ends, however it ends. Without ``fcntl`` (Windows) there is no lock.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    if folder is None:
        yield
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(folder / name, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise OutputError(f"{folder}: cannot create the audit folder ({exc.strerror})") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise OutputError(
                f"another redact run is writing to this OUTPUT or audit folder ({folder} is "
                "locked); wait for it to finish, or choose another OUTPUT"
            ) from None
        yield
    finally:
        os.close(fd)  # releases the lock


def append_line(path: Path, line: str) -> None:
    """Append one line to ``path`` and make it durable before returning."""
    with open(path, "a", encoding="utf-8", newline="\n") as handle:
        handle.write(line + "\n")
        handle.flush()
        os.fsync(handle.fileno())


@dataclass
class Journal:
    """``journal.jsonl`` in the audit folder: a line per output file, written before the file
    is renamed into place, so even a run that dies before ``run.json`` (a full disk, a kill)
    leaves a list of what it wrote. A new run starts it afresh; ``--resume`` appends."""

    path: Path | None

    def start(self, resume: bool) -> None:
        """Begin the run's lines (after the previous run's, with ``resume``)."""
        if self.path is None:
            return
        if not resume:
            self.path.unlink(missing_ok=True)
        self._append({"event": "start", "resume": resume, "version": __version__})

    def written(self, part: FilePart) -> None:
        """``part``'s output is complete and about to be renamed in (no timings: the journal
        of one job is the same whatever the workers or engine)."""
        self._append({k: v for k, v in part.header().items() if k != "seconds"})

    def failed(self, rel: str, code: str) -> None:
        """Best effort: a full disk may refuse this line too."""
        with contextlib.suppress(OSError, OutputError):
            self._append({"file": rel, "failed": code})

    def _append(self, record: dict[str, object]) -> None:
        if self.path is not None:
            try:
                append_line(self.path, json.dumps(record, ensure_ascii=False))
            except OSError as exc:
                raise output_error(self.path, "cannot write the journal", exc) from None


def remove_stale_temps(folders: Iterable[Path], targets: Iterable[Path] = ()) -> int:
    """Remove the temporary files a crashed run left: anywhere under each of ``folders`` (an
    output folder, the audit folder) and beside each of ``targets`` (single output files,
    only their own); how many were removed, with a warning when any were.

    The caller holds the lock, so no other run is writing there. Only files named exactly as
    :func:`~redactor.formats.atomic.atomic_write` names its own are removed.
    """
    removed = 0
    for target in targets:
        prefix = temp_prefix(target)
        folder = target.parent
        for entry in os.scandir(folder) if folder.is_dir() else ():
            if entry.name.startswith(prefix) and is_own_temp_file(entry.name) and \
                    entry.is_file(follow_symlinks=False):
                Path(entry.path).unlink(missing_ok=True)
                removed += 1
    for folder in folders:
        if folder.is_dir():
            removed += remove_stale_temp_files(folder)
    if removed:
        log.warning("removed %d temporary file(s) left by an interrupted run", removed)
    return removed
