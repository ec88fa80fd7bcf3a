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
