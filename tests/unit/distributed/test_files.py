"""Whole-file scheduling: order, failures, and which files go whole to a worker."""

from __future__ import annotations

from pathlib import Path

from redactor.distributed.files import WHOLE_FILE_BATCHES, file_outcomes, is_small
from redactor.errors import InputError
from redactor.formats.plan import FileJob
from redactor.formats.registry import format_by_name
from redactor.runlog import FileFailure, FilePart


def _jobs(tmp_path: Path, *names: str) -> list[FileJob]:
    return [FileJob(tmp_path / n, n, tmp_path / "out" / n, format_by_name("text")) for n in names]


def test_is_small(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("x" * (WHOLE_FILE_BATCHES * 10))
    assert is_small(path, 10)
    assert not is_small(path, 9)
    assert not is_small(tmp_path / "missing.txt", 10)  # the usual route reports it


def test_outcomes_in_plan_order_and_a_failure_never_stops_the_others(tmp_path: Path) -> None:
    def process(job: FileJob) -> FilePart:
        if job.rel == "b.txt":
            raise ValueError("Amara Diallo was here")  # a message that may quote text
        if job.rel == "c.txt":
            raise InputError("c.txt: cannot decode")
        return FilePart(job.rel, "", "")

    outcomes = list(file_outcomes(_jobs(tmp_path, "a.txt", "b.txt", "c.txt", "d.txt"), process))
    assert [job.rel for job, _ in outcomes] == ["a.txt", "b.txt", "c.txt", "d.txt"]
    assert isinstance(outcomes[0][1], FilePart) and isinstance(outcomes[3][1], FilePart)
    failure = outcomes[1][1]
    assert isinstance(failure, FileFailure) and failure.code == "R999"
    assert "Amara" not in failure.reason and "ValueError" in failure.reason
    assert outcomes[2][1] == FileFailure(InputError.code, "c.txt: cannot decode")


def test_os_errors_keep_their_kind_not_their_path(tmp_path: Path) -> None:
    def process(job: FileJob) -> FilePart:
        raise FileNotFoundError(2, "No such file or directory", str(job.source))

    [(_, failure)] = file_outcomes(_jobs(tmp_path, "secret-name.txt"), process)
    assert failure == FileFailure("R900", "FileNotFoundError: No such file or directory")


class _Pool:
    """A stand-in for the worker pool: runs each submitted group at once, records the groups."""

    window = 2

    def __init__(self) -> None:
        self.groups: list[list[str]] = []

    def submit(self, fn, *args):  # type: ignore[no-untyped-def]
        from concurrent.futures import Future

        self.groups.append([job.rel for job in args[0]])
        future: Future = Future()
        future.set_result(fn(*args))
        return future

    def result(self, future):  # type: ignore[no-untyped-def]
        return future.result()


def _render(group: list[FileJob]) -> list:
    from redactor.distributed.files import RenderedFile

    return [FileFailure("R200", f"{job.rel}: bad") if job.rel.startswith("bad")
            else RenderedFile(job.rel.upper(), FilePart(job.rel, "", ""), None)
            for job in group]


def test_small_files_go_in_groups_and_come_back_in_plan_order(tmp_path: Path) -> None:
    from redactor.distributed.files import GROUP_FILES

    names = [f"s{i:03}.txt" for i in range(GROUP_FILES + 3)] + ["big.txt", "bad.txt", "t.txt"]
    for name in names:
        (tmp_path / name).write_text("x" * (500 if name == "big.txt" else 10))
    pool = _Pool()
    written: list[str] = []

    def write(job: FileJob, rendered) -> FilePart:  # type: ignore[no-untyped-def]
        written.append(rendered.text)
        return rendered.part

    outcomes = list(file_outcomes(
        _jobs(tmp_path, *names), lambda job: FilePart(job.rel, "", ""), pool=pool,  # type: ignore[arg-type]
        small=lambda job: job.rel != "big.txt", render=_render, write=write, group_chars=10_000,
    ))
    assert [job.rel for job, _ in outcomes] == names  # plan order
    # at most GROUP_FILES files a group; the large file is done here and splits the groups
    assert [len(g) for g in pool.groups] == [GROUP_FILES, 3, 2]
    assert pool.groups[-1] == ["bad.txt", "t.txt"]
    assert outcomes[-2][1] == FileFailure("R200", "bad.txt: bad")  # fails alone
    assert written[-1] == "T.TXT" and len(written) == GROUP_FILES + 4


def test_groups_hold_a_bounded_number_of_bytes(tmp_path: Path) -> None:
    names = [f"s{i}.txt" for i in range(6)]
    for name in names:
        (tmp_path / name).write_text("x" * 40)
    pool = _Pool()
    list(file_outcomes(_jobs(tmp_path, *names), lambda job: FilePart(job.rel, "", ""),
                       pool=pool, small=lambda job: True, render=_render,  # type: ignore[arg-type]
                       write=lambda job, r: r.part, group_chars=100))
    assert [len(g) for g in pool.groups] == [2, 2, 2]  # 80 bytes each; a third would be 120
