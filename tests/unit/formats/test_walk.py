"""Walking input folders: deterministic order, hidden and temp files skipped, others reported."""

from __future__ import annotations

import os

import pytest

from redactor.errors import InputError
from redactor.formats import SkippedFile, is_supported, iter_input_files, unsupported_reason
from redactor.formats.walk import LinkedFile


def _make(root, *names):
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")


def test_order_is_sorted_by_path_parts_and_recursive(tmp_path):
    _make(tmp_path, "b.txt", "a/z.csv", "a/b/c.jsonl", "a.txt", "A.md", "a-b/x.json", "Z.TSV")
    found = list(iter_input_files(tmp_path))
    # Part by part: "a" (a folder) sorts before "a-b" and "a.txt".
    assert [rel for _, rel in found] == [
        "A.md",
        "Z.TSV",
        "a/b/c.jsonl",
        "a/z.csv",
        "a-b/x.json",
        "a.txt",
        "b.txt",
    ]
    assert all(path.is_absolute() and path == tmp_path / rel for path, rel in found)


def test_hidden_and_temp_files_are_skipped_silently(tmp_path):
    _make(tmp_path, ".hidden.txt", ".git/config.txt", "keep.txt", ".keep.txt.redactor-tmp-1a2b")
    skipped: list[SkippedFile] = []
    assert [rel for _, rel in iter_input_files(tmp_path, skipped)] == ["keep.txt"]
    assert skipped == []


def test_unsupported_files_are_yielded_for_the_caller_to_report(tmp_path):
    _make(tmp_path, "a.txt", "scan.pdf", "sub/Makefile", "sub/b.csv")
    skipped: list[SkippedFile] = []
    found = [rel for _, rel in iter_input_files(tmp_path, skipped)]
    assert found == ["a.txt", "scan.pdf", "sub/Makefile", "sub/b.csv"]
    assert [rel for rel in found if not is_supported(rel)] == ["scan.pdf", "sub/Makefile"]
    assert skipped == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [("scan.PDF", "unsupported extension '.pdf'"), ("Makefile", "no file extension")],
)
def test_unsupported_reason_names_the_extension_and_the_supported_ones(name, expected):
    reason = unsupported_reason(name)
    assert expected in reason
    assert ".jsonl" in reason


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_special_files_are_reported(tmp_path):
    _make(tmp_path, "a.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    skipped: list[SkippedFile] = []
    assert [rel for _, rel in iter_input_files(tmp_path, skipped)] == ["a.txt"]
    assert [(s.relative, s.reason) for s in skipped] == [("pipe.txt", "not a regular file")]


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
def test_symlinked_folders_are_not_followed(tmp_path):
    _make(tmp_path, "real/a.txt")
    (tmp_path / "link").symlink_to(tmp_path / "real")
    (tmp_path / "file-link.txt").symlink_to(tmp_path / "real" / "a.txt")
    skipped: list[SkippedFile] = []
    rels = [rel for _, rel in iter_input_files(tmp_path, skipped)]
    assert rels == ["file-link.txt", "real/a.txt"]
    assert [(s.relative, s.reason) for s in skipped] == [
        ("link", "symbolic link to a folder (not followed)")
    ]


def test_single_file_root(tmp_path):
    _make(tmp_path, "one.csv", "two.bin")
    assert list(iter_input_files(tmp_path / "one.csv")) == [(tmp_path / "one.csv", "one.csv")]
    assert list(iter_input_files(tmp_path / "two.bin")) == [(tmp_path / "two.bin", "two.bin")]


def test_empty_folder_yields_nothing(tmp_path):
    assert list(iter_input_files(tmp_path)) == []


def test_missing_root_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        list(iter_input_files(tmp_path / "nope"))


def test_unreadable_folder_is_reported(tmp_path, monkeypatch):
    _make(tmp_path, "locked/a.txt", "b.txt")
    real_scandir = os.scandir

    def scandir(path):
        if os.path.basename(path) == "locked":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    skipped: list[SkippedFile] = []
    assert [rel for _, rel in iter_input_files(tmp_path, skipped)] == ["b.txt"]
    assert [s.relative for s in skipped] == ["locked"]
    assert skipped[0].reason == "cannot list the folder (Permission denied)"


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
@pytest.mark.parametrize("follow", [False, True])
def test_file_links_out_of_the_root_are_skipped_unless_followed(tmp_path, follow):
    root = tmp_path / "in"
    _make(root, "a.txt")
    _make(tmp_path, "elsewhere/secret.txt")
    (root / "in.txt").symlink_to(root / "a.txt")
    (root / "out.txt").symlink_to(tmp_path / "elsewhere" / "secret.txt")
    skipped: list[SkippedFile] = []
    links: list[LinkedFile] = []
    rels = [rel for _, rel in iter_input_files(root, skipped, follow_symlinks=follow,
                                               links=links)]
    assert rels == (["a.txt", "in.txt", "out.txt"] if follow else ["a.txt", "in.txt"])
    assert [(link.relative, link.outside, link.followed) for link in links] == [
        ("in.txt", False, True), ("out.txt", True, follow)]
    if follow:
        assert skipped == []
    else:
        [(rel, reason)] = [(s.relative, s.reason) for s in skipped]
        assert rel == "out.txt" and "outside" in reason and "--follow-symlinks" in reason
    assert "elsewhere" not in repr([s.reason for s in skipped])  # never the target's path
