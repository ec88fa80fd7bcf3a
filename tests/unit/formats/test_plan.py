"""File planning and the path-safety rules shared by run, reidentify and scan."""

from __future__ import annotations

from pathlib import Path

import pytest

from redactor.errors import InputError, OutputError
from redactor.formats.plan import find_files, is_within, names_a_file, plan_files
from redactor.formats.registry import SUPPORTED_EXTENSIONS


def _make(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")


def test_is_within(tmp_path: Path) -> None:
    assert is_within(tmp_path, tmp_path)
    assert is_within(tmp_path / "a" / "b", tmp_path)
    assert not is_within(tmp_path, tmp_path / "a")
    assert not is_within(tmp_path / "ab", tmp_path / "a")


@pytest.mark.parametrize(
    ("name", "suffixes", "expected"),
    [("out.txt", SUPPORTED_EXTENSIONS, True), ("out.xyz", SUPPORTED_EXTENSIONS, False),
     ("out.TXT", SUPPORTED_EXTENSIONS, True), ("out", None, False), ("out.xyz", None, True)],
)
def test_names_a_file(tmp_path: Path, name: str, suffixes: tuple[str, ...] | None,
                      expected: bool) -> None:
    assert names_a_file(tmp_path / name, suffixes) is expected


def test_a_folder_is_never_a_file_name(tmp_path: Path) -> None:
    (tmp_path / "out.txt").mkdir()
    assert not names_a_file(tmp_path / "out.txt", SUPPORTED_EXTENSIONS)


def test_folder_plan_sorts_jobs_unsupported_and_skipped(tmp_path: Path) -> None:
    src = tmp_path / "in"
    _make(src, "b.txt", "a/c.csv", "notes.bin", ".hidden.txt", "_audit/run.json")
    plan = plan_files(src, tmp_path / "out", exclude=lambda rel: rel.startswith("_audit/"))
    assert [(j.rel, j.target, j.format.name) for j in plan.jobs] == [
        ("a/c.csv", tmp_path / "out" / "a" / "c.csv", "csv"),
        ("b.txt", tmp_path / "out" / "b.txt", "text"),
    ]
    assert [s.relative for s in plan.unsupported] == ["notes.bin"]
    assert plan.skipped == [] and plan.links == []


def test_output_inside_input_is_refused(tmp_path: Path) -> None:
    _make(tmp_path, "a.txt")
    for target in (tmp_path, tmp_path / "out"):
        with pytest.raises(OutputError, match="inside INPUT"):
            plan_files(tmp_path, target)


def test_a_single_file_is_never_its_own_output(tmp_path: Path) -> None:
    _make(tmp_path, "a.txt")
    with pytest.raises(OutputError, match="is the INPUT file"):
        plan_files(tmp_path / "a.txt", tmp_path / "a.txt")
    with pytest.raises(OutputError, match="is the INPUT file"):
        plan_files(tmp_path / "a.txt", tmp_path)  # a folder: the output would be a.txt in it


def test_single_file_target_rule(tmp_path: Path) -> None:
    _make(tmp_path, "in/a.txt")
    source = tmp_path / "in" / "a.txt"
    assert plan_files(source, tmp_path / "o.xyz").jobs[0].target == tmp_path / "o.xyz"
    assert plan_files(source, tmp_path / "o.xyz", file_suffixes=SUPPORTED_EXTENSIONS
                      ).jobs[0].target == tmp_path / "o.xyz" / "a.txt"
    assert plan_files(source, tmp_path / "o").jobs[0].target == tmp_path / "o" / "a.txt"


def test_a_single_unsupported_file_is_planned_as_unsupported(tmp_path: Path) -> None:
    _make(tmp_path, "a.bin")
    plan = plan_files(tmp_path / "a.bin", tmp_path / "out")
    assert plan.jobs == [] and [s.relative for s in plan.unsupported] == ["a.bin"]


def test_missing_input(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        plan_files(tmp_path / "nope", tmp_path / "out")


def test_find_files_without_a_target_points_jobs_into_the_root(tmp_path: Path) -> None:
    _make(tmp_path, "a.txt", "x/_audit/run.json")
    plan = find_files(tmp_path, exclude=lambda rel: "_audit" in Path(rel).parts[:-1])
    assert [(j.rel, j.target) for j in plan.jobs] == [("a.txt", tmp_path / "a.txt")]
