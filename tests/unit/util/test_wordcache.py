"""Cached word sets: the same words as built, rebuilt when what they depend on changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from redactor.util import wordcache
from redactor.util.wordcache import cache_dir, cached_words


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("REDACTOR_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _builder(words: set[str]) -> tuple[list[int], object]:
    calls: list[int] = []

    def build() -> set[str]:
        calls.append(1)
        return set(words)

    return calls, build


def test_built_once_then_read_back_the_same(folder: Path, tmp_path: Path) -> None:
    source = tmp_path / "terms.txt"
    source.write_text("v1")
    words = {"Nguyễn", "o'brien", "lisinopril", "Al-Sayed"}
    calls, build = _builder(words)
    first = cached_words("terms", build, packages=("faker",), files=[source])
    second = cached_words("terms", build, packages=("faker",), files=[source])
    assert first == second == frozenset(words) and len(calls) == 1
    assert len(list(folder.glob("terms-*.txt"))) == 1


def test_a_changed_source_builds_again_and_drops_the_old_list(folder: Path,
                                                              tmp_path: Path) -> None:
    source = tmp_path / "terms.txt"
    source.write_text("v1")
    calls, build = _builder({"alpha"})
    cached_words("terms", build, files=[source])
    source.write_text("v2")
    cached_words("terms", build, files=[source])
    assert len(calls) == 2
    assert len(list(folder.glob("terms-*.txt"))) == 1  # the v1 list was removed


def test_a_damaged_file_is_built_again(folder: Path) -> None:
    calls, build = _builder({"alpha", "beta"})
    cached_words("terms", build)
    (path,) = folder.glob("terms-*.txt")
    path.write_text("garbage without the header")
    assert cached_words("terms", build) == {"alpha", "beta"} and len(calls) == 2


def test_off_and_unwritable_folders_still_give_the_words(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDACTOR_CACHE_DIR", "off")
    assert cache_dir() is None
    calls, build = _builder({"alpha"})
    assert cached_words("terms", build) == {"alpha"}
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("REDACTOR_CACHE_DIR", str(blocker / "cache"))  # under a file: no folder
    assert cached_words("terms", build) == {"alpha"} and len(calls) == 2


def test_words_that_a_line_cannot_hold_are_not_cached(folder: Path) -> None:
    calls, build = _builder({"two\nlines", "ok"})
    assert cached_words("terms", build) == {"two\nlines", "ok"}
    assert cached_words("terms", build) == {"two\nlines", "ok"} and len(calls) == 2


def test_default_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("REDACTOR_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "redactor"
    assert wordcache.CACHE_ENV == "REDACTOR_CACHE_DIR"


def test_cached_strings_computes_once_and_keeps_each_keys_value(folder: Path,
                                                                 tmp_path: Path) -> None:
    from redactor.util.wordcache import cached_strings

    source = tmp_path / "table.py"
    source.write_text("v1")
    calls: list[str] = []

    def compute(key: str) -> str:
        calls.append(key)
        return "" if key == "b" else key.upper() * 2

    first = cached_strings("table", ["a", "b", "c"], compute, files=[source])
    second = cached_strings("table", ["a", "b", "c"], compute, files=[source])
    assert first == second == {"a": "AA", "b": "", "c": "CC"}
    assert sorted(calls) == ["a", "b", "c"]  # read back the second time
    assert cached_strings("table", ["a", "d"], compute, files=[source]) == {"a": "AA", "d": "DD"}
    source.write_text("v2")  # a changed source: computed anew
    calls.clear()
    assert cached_strings("table", ["a"], compute, files=[source]) == {"a": "AA"}
    assert calls == ["a"]
