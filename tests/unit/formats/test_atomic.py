"""Atomic writes: all or nothing, temp files removed, parents created."""

from __future__ import annotations

import os

import pytest

from redactor.errors import OutputError
from redactor.formats import TEMP_MARKER, atomic_write, atomic_write_bytes, is_temp_file


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if TEMP_MARKER in p.name)


def test_writes_text_exactly_and_creates_parents(tmp_path):
    target = tmp_path / "out" / "deep" / "a.txt"
    with atomic_write(target) as stream:
        stream.write("one\r\ntwo\n")
    assert target.read_bytes() == b"one\r\ntwo\n"
    assert _leftovers(target.parent) == []


def test_replaces_an_existing_file_on_success(tmp_path):
    target = tmp_path / "a.txt"
    target.write_text("old")
    with atomic_write(target) as stream:
        stream.write("new")
        # Until the block ends, readers see the old content.
        assert target.read_text() == "old"
    assert target.read_text() == "new"


@pytest.mark.parametrize("existing", [None, "old content"])
def test_exception_leaves_no_file_and_keeps_the_old_one(tmp_path, existing):
    target = tmp_path / "a.txt"
    if existing is not None:
        target.write_text(existing)
    with pytest.raises(RuntimeError, match="boom"), atomic_write(target) as stream:
        stream.write("partial")
        raise RuntimeError("boom")
    assert _leftovers(tmp_path) == []
    if existing is None:
        assert not target.exists()
    else:
        assert target.read_text() == existing


def test_temp_file_is_hidden_and_recognisable_while_writing(tmp_path):
    target = tmp_path / "report.csv"
    with atomic_write(target) as stream:
        stream.write("x")
        [temp] = _leftovers(tmp_path)
        assert temp.startswith(".report.csv" + TEMP_MARKER)
        assert is_temp_file(temp)
    assert _leftovers(tmp_path) == []


def test_long_names_still_give_a_valid_temp_name(tmp_path):
    target = tmp_path / ("n" * 250 + ".txt")
    with atomic_write(target) as stream:
        stream.write("ok")
    assert target.read_text() == "ok"


def test_unencodable_character_is_an_output_error_and_leaves_nothing(tmp_path):
    target = tmp_path / "a.txt"
    with pytest.raises(OutputError) as caught, atomic_write(target, encoding="ascii") as stream:
        stream.write("Zoë Smithers")
        stream.flush()
    message = str(caught.value)
    assert "U+00EB" in message
    assert "Smithers" not in message
    assert not target.exists()
    assert _leftovers(tmp_path) == []


def test_target_that_is_a_folder_is_an_output_error(tmp_path):
    (tmp_path / "a.txt").mkdir()
    with pytest.raises(OutputError, match="is a folder"), atomic_write(tmp_path / "a.txt"):
        pass


def test_unwritable_folder_is_an_output_error(tmp_path, monkeypatch):
    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)
    with (
        pytest.raises(OutputError, match="cannot create a file there"),
        atomic_write(tmp_path / "a.txt"),
    ):
        pass


def test_failing_rename_is_an_output_error_and_removes_the_temp(tmp_path, monkeypatch):
    def refuse(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OutputError, match="No space left"), atomic_write(tmp_path / "a") as out:
        out.write("x")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_new_file_gets_the_usual_mode(tmp_path):
    umask = os.umask(0o022)
    os.umask(umask)
    with atomic_write(tmp_path / "a.txt") as stream:
        stream.write("x")
    assert (tmp_path / "a.txt").stat().st_mode & 0o777 == 0o666 & ~umask


def test_bytes_variant(tmp_path):
    target = tmp_path / "b.bin"
    with atomic_write_bytes(target) as stream:
        stream.write(b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01"
    with pytest.raises(ValueError), atomic_write_bytes(target) as stream:
        stream.write(b"zz")
        raise ValueError
    assert target.read_bytes() == b"\x00\x01"
    assert _leftovers(tmp_path) == []


def test_secrets_can_be_created_owner_only(tmp_path):
    old = os.umask(0o022)
    try:
        with atomic_write_bytes(tmp_path / "secret", mode=0o600) as out:
            out.write(b"k")
        with atomic_write_bytes(tmp_path / "plain") as out:
            out.write(b"p")
    finally:
        os.umask(old)
    assert (tmp_path / "secret").stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "plain").stat().st_mode & 0o777 == 0o644


def test_a_full_disk_is_a_no_space_error_and_leaves_nothing(tmp_path):
    import errno

    from redactor.formats.atomic import NoSpaceError

    target = tmp_path / "a.txt"
    with pytest.raises(NoSpaceError) as caught, atomic_write(target) as stream:
        stream.write("x")
        raise OSError(errno.ENOSPC, "No space left on device")
    assert isinstance(caught.value, OutputError) and caught.value.code == "R310"
    assert list(tmp_path.iterdir()) == []


def test_stale_temp_files_are_removed_and_nothing_else(tmp_path):
    from redactor.formats.atomic import is_own_temp_file, remove_stale_temp_files

    stale = [tmp_path / ".a.txt.redactor-tmp-0badf00d",
             tmp_path / "d" / ".b.csv.redactor-tmp-12345678"]
    kept = [tmp_path / "a.txt", tmp_path / ".a.txt.redactor-tmp-notours!",
            tmp_path / "x.redactor-tmp-0badf00d", tmp_path / "d" / ".hidden"]
    for path in stale + kept:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("z")
    with atomic_write(tmp_path / "c.txt") as stream:  # the name atomic_write gives is ours
        names = [p.name for p in tmp_path.iterdir()
                 if TEMP_MARKER in p.name and p.name.startswith(".c")]
        assert len(names) == 1 and is_own_temp_file(names[0])
        stream.write("c")
    assert remove_stale_temp_files(tmp_path) == 2
    assert not any(p.exists() for p in stale) and all(p.exists() for p in kept)


def _count_dir_syncs(monkeypatch):
    import redactor.formats.atomic as atomic

    synced = []
    real = atomic._fsync_dir
    monkeypatch.setattr(atomic, "_fsync_dir", lambda folder: (synced.append(folder),
                                                              real(folder)))
    return synced


def test_a_folder_of_outputs_is_synced_once_when_the_caller_asks(tmp_path, monkeypatch):
    from redactor.formats.atomic import fsync_dirs

    synced = _count_dir_syncs(monkeypatch)
    with atomic_write(tmp_path / "kept.txt") as out:  # the default: its folder at once
        out.write("x")
    assert synced == [tmp_path]
    for i in range(5):
        with atomic_write(tmp_path / "many" / f"{i}.txt", sync_dir=False) as out:
            out.write(str(i))
    assert synced == [tmp_path]  # none of the five synced its folder
    fsync_dirs([tmp_path / "many"] * 5)
    assert synced == [tmp_path, tmp_path / "many"]
    assert [(tmp_path / "many" / f"{i}.txt").read_text() for i in range(5)] == list("01234")
