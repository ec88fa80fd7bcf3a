"""SHA-256 digests of files and folders, streamed: the one helper every module uses.

The audit keys ``--resume`` on an input's digest, model versions carry a folder digest, and
model cards cite the digests of their data and weights; all of them come from here, so one
file has one digest wherever it is reported.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

CHUNK = 1 << 20
"""Bytes read at a time."""


def _update(digest: hashlib._Hash, path: Path) -> None:
    with path.open("rb") as handle:
        while block := handle.read(CHUNK):
            digest.update(block)


def sha256_file(path: Path | str) -> str:
    """SHA-256 (hex) of a file's bytes."""
    digest = hashlib.sha256()
    _update(digest, Path(path))
    return digest.hexdigest()


def folder_digest(folder: Path | str) -> str:
    """SHA-256 (hex) over the names and contents of the files directly in ``folder``, in name
    order: each name, a NUL byte, then the file's bytes."""
    digest = hashlib.sha256()
    for path in sorted(p for p in Path(folder).iterdir() if p.is_file()):
        digest.update(path.name.encode() + b"\0")
        _update(digest, path)
    return digest.hexdigest()
