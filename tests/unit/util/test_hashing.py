"""The one file and folder digest."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from redactor.util import hashing
from redactor.util.hashing import folder_digest, sha256_file


@pytest.mark.parametrize("size", [0, 1, hashing.CHUNK - 1, hashing.CHUNK, 2 * hashing.CHUNK + 3])
def test_sha256_file_is_the_digest_of_the_bytes(tmp_path: Path, size: int) -> None:
    data = bytes(i % 251 for i in range(size))
    path = tmp_path / "f.bin"
    path.write_bytes(data)
    assert sha256_file(path) == hashlib.sha256(data).hexdigest()
    assert sha256_file(str(path)) == sha256_file(path)


def test_folder_digest_covers_names_and_contents_of_its_files_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_bytes(b"two")
    (tmp_path / "a.txt").write_bytes(b"one")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_bytes(b"not read")
    expected = hashlib.sha256(b"a.txt\0one" + b"b.txt\0two").hexdigest()
    assert folder_digest(tmp_path) == expected
    (tmp_path / "a.txt").write_bytes(b"One")
    assert folder_digest(tmp_path) != expected
