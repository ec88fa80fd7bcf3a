"""The audit's per-file span lines are spooled, so a long input does not grow memory."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest

import redactor.runlog as audit
from redactor.runlog import AuditLog, FilePart
from redactor.transform.replace import Replacement

SPAN = Replacement(3, 9, "PERSON", "names:title", 0.9, "redact")


def test_lines_spill_to_a_temporary_file_past_the_spool_size(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(audit, "SPOOL_BYTES", 4096)
    part = FilePart("big.jsonl", "sha", "fp")
    for i in range(500):
        part.add(f"big.jsonl:{i}:text", [SPAN] if i % 2 else [])
    assert part._spool is not None and part._spool._rolled  # on disk, not in memory
    lines = part.lines
    assert len(lines) == part.documents == 500
    assert json.loads(lines[1]) == {"document": "big.jsonl:1:text", "spans": [SPAN.to_dict()]}
    assert part.lines == lines  # reading does not consume the spool
    part.add("big.jsonl:500:text", [])
    assert len(part.lines) == 501
    part.release()


def test_a_stored_part_reads_its_lines_back_from_the_part_file(tmp_path: Path) -> None:
    log = AuditLog(tmp_path / "_audit", {"tool": "redactor"})
    parts = []
    for name in ("b.txt", "a.txt"):
        part = FilePart(name, "sha-" + name, "fp")
        for i in range(3):
            part.add(f"{name}:{i}", [SPAN])
        log.store_part(part)
        parts.append(part)
    assert all(p._spool is None for p in parts)  # the spools are freed once stored
    log.write()
    written = (tmp_path / "_audit" / "spans.jsonl").read_text().splitlines()
    assert [json.loads(x)["document"] for x in written] == [
        "a.txt:0", "a.txt:1", "a.txt:2", "b.txt:0", "b.txt:1", "b.txt:2"]  # fmt: skip
    resumed = log.finished_part("a.txt", "sha-a.txt", "fp")
    assert resumed is not None and resumed.documents == 3
    assert resumed.lines == written[:3]


def test_memory_of_a_part_stays_flat_as_documents_grow(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(audit, "SPOOL_BYTES", 64 * 1024)
    part = FilePart("stream.jsonl", "sha", "fp")
    tracemalloc.start()
    try:
        for i in range(2_000):
            part.add(f"stream.jsonl:{i}:message", [SPAN, SPAN])
        small = tracemalloc.get_traced_memory()[0]
        for i in range(2_000, 40_000):
            part.add(f"stream.jsonl:{i}:message", [SPAN, SPAN])
        large = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    # 38,000 more lines (about 8 MB of JSON) cost no more than a small, fixed overhead.
    assert large - small < 256 * 1024
    assert len(part.lines) == 40_000
    part.release()


@pytest.mark.parametrize("keep", ["", "header", "cut"])
def test_a_part_a_crash_cut_short_is_redone(tmp_path: Path, keep: str) -> None:
    """Parts are written without fsync: after a crash one may be renamed in empty or cut
    short, and --resume must redo its file rather than trust it."""
    log = AuditLog(tmp_path / "_audit", {"tool": "redactor"})
    part = FilePart("a.txt", "sha-a", "fp")
    for i in range(3):
        part.add(f"a.txt:{i}", [SPAN])
    log.store_part(part)
    path = log._part_path("a.txt")
    whole = path.read_text(encoding="utf-8")
    assert log.finished_part("a.txt", "sha-a", "fp") is not None
    lines = whole.splitlines(keepends=True)
    cut = {"": "", "header": lines[0], "cut": "".join(lines[:3]) + lines[3][:10]}[keep]
    path.write_text(cut, encoding="utf-8")
    assert log.finished_part("a.txt", "sha-a", "fp") is None


def test_a_part_is_stored_without_fsync(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    calls: list[int] = []
    monkeypatch.setattr(os, "fsync", lambda fd: calls.append(fd))
    log = AuditLog(tmp_path / "_audit", {"tool": "redactor"})
    part = FilePart("a.txt", "sha-a", "fp")
    part.add("a.txt:0", [SPAN])
    log.store_part(part)
    assert calls == []
    assert log.finished_part("a.txt", "sha-a", "fp") is not None
