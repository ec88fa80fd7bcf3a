"""The run's lock, its journal, and the removal of a crashed run's temporary files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from redactor.errors import OutputError
from redactor.pipeline.journal import Journal, output_lock, remove_stale_temps
from redactor.runlog import FilePart


def test_a_second_lock_on_one_folder_is_refused_until_the_first_is_released(tmp_path: Path
                                                                            ) -> None:
    with output_lock(tmp_path / "audit"), \
            pytest.raises(OutputError, match="another redact run"), \
            output_lock(tmp_path / "audit"):
        pass
    with output_lock(tmp_path / "audit"):
        pass
    with output_lock(None):  # nothing to lock (a stream to stdout)
        pass


def test_journal_lines(tmp_path: Path) -> None:
    path = tmp_path / "journal.jsonl"
    journal = Journal(path)
    journal.start(resume=False)
    part = FilePart("a.txt", "0" * 64, "fp", documents=2)
    part.seconds = 1.5
    journal.written(part)
    journal.failed("b.txt", "R900")
    lines = [json.loads(x) for x in path.read_text().splitlines()]
    assert lines[0]["event"] == "start" and lines[0]["resume"] is False
    assert lines[1]["file"] == "a.txt" and lines[1]["documents"] == 2 and "seconds" not in lines[1]
    assert lines[2] == {"file": "b.txt", "failed": "R900"}
    Journal(path).start(resume=True)
    assert len(path.read_text().splitlines()) == 4  # --resume appends
    Journal(path).start(resume=False)
    assert len(path.read_text().splitlines()) == 1  # a new run starts afresh
    Journal(None).start(resume=False)  # no audit folder: no journal


def test_remove_stale_temps_removes_only_our_own(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "sub").mkdir(parents=True)
    ours = [out / ".a.txt.redactor-tmp-0badf00d", out / "sub" / ".c.txt.redactor-tmp-12345678"]
    beside = tmp_path / ".single.txt.redactor-tmp-abcdef01"
    other = [out / "notes.redactor-tmp-0badf00d", tmp_path / ".other.txt.redactor-tmp-abcdef01"]
    for path in [*ours, beside, *other]:
        path.write_text("half")
    assert remove_stale_temps([out, tmp_path / "missing"], [tmp_path / "single.txt"]) == 3
    assert [p for p in [*ours, beside] if p.exists()] == []
    assert all(p.exists() for p in other)
