"""Faults and secrets (issue 13): data in keys and headers, concurrent runs, a full disk,
stale temporary files, symbolic links. Each case reproduces what failed before its fix."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from redactor.cli.root import main

HERE = Path(__file__).parent
FAST_POLICY = HERE / "fast_policy.yaml"  # patterns + cued names, no model

KEY = "Dr. Amara Diallo SSN 123-45-6789"
SECRETS = ("Amara", "Diallo", "123-45-6789")


def invoke(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def write(path: Path, data: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data, encoding="utf-8")
    return path


def audit_text(out: Path) -> str:
    return "\n".join(p.read_text() for p in sorted((out / "_audit").rglob("*")) if p.is_file())


def keyed_input(src: Path) -> None:
    write(src / "p.jsonl", json.dumps({KEY: "x", "note": {KEY: ["Dr. Amara Diallo"]}}) + "\n")
    write(src / "p.json", json.dumps([{"a": {KEY: 1}}], indent=2))
    write(src / "p.csv", f'id,"{KEY}"\n1,hello\n')


def test_document_ids_carry_no_key_or_header_text(tmp_path):
    keyed_input(tmp_path / "in")
    out = tmp_path / "out"
    result = invoke("--policy", str(FAST_POLICY), "-q", str(tmp_path / "in"), str(out))
    assert result.exit_code == 0, result.output
    audit = audit_text(out)
    assert [s for s in SECRETS if s in audit] == []
    lines = (out / "_audit/spans.jsonl").read_text().splitlines()
    docs = {json.loads(x)["document"] for x in lines}
    assert "p.jsonl:1:/1/0/0" in docs and "p.csv:1:2" in docs
    # Without redact_keys (the fast policy's default) the keys themselves pass unchanged.
    assert KEY in (out / "p.jsonl").read_text()


def test_keys_and_headers_are_redacted_with_the_option(tmp_path):
    keyed_input(tmp_path / "in")
    out = tmp_path / "out"
    result = invoke("--policy", str(FAST_POLICY), "-q", "--redact-keys", str(tmp_path / "in"),
                    str(out))
    assert result.exit_code == 0, result.output
    written = "\n".join((out / name).read_text() for name in ("p.jsonl", "p.json", "p.csv"))
    assert [s for s in SECRETS if s in written + audit_text(out)] == []
    line = json.loads((out / "p.jsonl").read_text())
    assert line == {"Dr. [PERSON] SSN [US_SSN]": "x",
                    "note": {"Dr. [PERSON] SSN [US_SSN]": ["Dr. [PERSON]"]}}
    assert json.loads((out / "p.json").read_text()) == [{"a": {"Dr. [PERSON] SSN [US_SSN]": 1}}]
    rows = list(csv.reader(io.StringIO((out / "p.csv").read_text())))
    assert rows == [["id", "Dr. [PERSON] SSN [US_SSN]"], ["1", "hello"]]
    run = json.loads((out / "_audit/run.json").read_text())
    assert run["options"]["redact_keys"] is True
    lines = (out / "_audit/spans.jsonl").read_text().splitlines()
    docs = [json.loads(x)["document"] for x in lines]
    assert "p.jsonl:1:/0:key" in docs and "p.csv:0:2" in docs
    assert "p.jsonl:1:/1:key" not in docs  # a key without findings adds no audit line


def test_hipaa_and_gdpr_redact_keys():
    from redactor.policy import load_policy

    assert load_policy("hipaa").redact_keys and load_policy("gdpr").redact_keys
    assert not load_policy(FAST_POLICY).redact_keys


# --- one run at a time per OUTPUT ---------------------------------------------------------


def test_a_second_run_into_the_same_output_is_refused(tmp_path, monkeypatch):
    import threading

    import redactor.pipeline.runner as pipeline

    src = tmp_path / "in"
    for i in range(3):
        write(src / f"f{i}.txt", f"Dr. Amara Diallo {i}\n")
    out = tmp_path / "out"
    inside, release = threading.Event(), threading.Event()
    real = pipeline._process_file

    def slow(job, *args, **kwargs):
        inside.set()
        assert release.wait(30)
        return real(job, *args, **kwargs)

    monkeypatch.setattr(pipeline, "_process_file", slow)
    first: dict[str, object] = {}

    def run_first() -> None:
        first["summary"] = pipeline.run(pipeline.RunConfig(FAST_POLICY, str(src), str(out)))

    thread = threading.Thread(target=run_first)
    thread.start()
    try:
        assert inside.wait(30)
        result = invoke("--policy", str(FAST_POLICY), "--overwrite", str(src), str(out))
        assert result.exit_code == 2
        assert "another redact run" in result.output
    finally:
        release.set()
        thread.join(30)
    assert first["summary"].exit_code == 0
    run = json.loads((out / "_audit" / "run.json").read_text())
    assert len(run["files"]) == 3
    # Once the first run is over, the lock is free again.
    monkeypatch.setattr(pipeline, "_process_file", real)
    assert invoke("--policy", str(FAST_POLICY), "-q", "--overwrite", str(src),
                  str(out)).exit_code == 0


def test_two_audit_folders_do_not_let_two_runs_into_one_output(tmp_path):
    from redactor.pipeline.journal import OUTPUT_LOCK_NAME, output_lock

    src = tmp_path / "in"
    write(src / "a.txt", "Dr. Amara Diallo\n")
    out = tmp_path / "out"
    with output_lock(out, OUTPUT_LOCK_NAME):  # a run with its audit in tmp/audit1
        result = invoke("--policy", str(FAST_POLICY), "--audit-dir", str(tmp_path / "audit2"),
                        str(src), str(out))
        assert result.exit_code == 2 and "another redact run" in result.output
    assert not (out / "a.txt").exists()
    result = invoke("--policy", str(FAST_POLICY), "-q", "--audit-dir", str(tmp_path / "audit2"),
                    str(src), str(out))
    assert result.exit_code == 0 and (out / "a.txt").read_text() == "Dr. [PERSON]\n"


def test_a_stream_into_a_locked_output_is_refused(tmp_path):
    from redactor.pipeline.journal import output_lock

    out = tmp_path / "out"
    with output_lock(out / "_audit"):
        result = invoke("--policy", str(FAST_POLICY), "--format", "text", "-", str(out / "a.txt"),
                        input=b"Dr. Amara Diallo\n")
        assert result.exit_code == 2 and "another redact run" in result.output
        assert not (out / "a.txt").exists()
    result = invoke("--policy", str(FAST_POLICY), "--format", "text", "-q", "-",
                    str(out / "a.txt"), input=b"Dr. Amara Diallo\n")
    assert result.exit_code == 0 and (out / "a.txt").read_text() == "Dr. [PERSON]\n"


# --- temporary files of a crashed run ----------------------------------------------------


def test_stale_temp_files_are_removed_at_start(tmp_path):
    src = tmp_path / "in"
    write(src / "a.txt", "Dr. Amara Diallo\n")
    write(src / "sub" / "b.txt", "Dr. Amara Diallo\n")
    out = tmp_path / "out"
    assert invoke("--policy", str(FAST_POLICY), "-q", str(src), str(out)).exit_code == 0
    stale = [write(out / ".a.txt.redactor-tmp-0badf00d", "Dr. Amara Diallo half"),
             write(out / "sub" / ".c.txt.redactor-tmp-12345678", "half"),
             write(out / "_audit" / ".run.json.redactor-tmp-abcdef01", "half")]
    other = write(out / "notes.redactor-tmp-0badf00d", "not ours")
    result = invoke("--policy", str(FAST_POLICY), "-q", "--resume", str(src), str(out))
    assert result.exit_code == 0, result.output
    assert [p for p in stale if p.exists()] == [] and other.exists()


# --- a full disk -------------------------------------------------------------------------


def test_a_full_disk_stops_the_run_partly_written_and_resume_finishes(tmp_path, monkeypatch):
    import contextlib
    import errno

    import redactor.pipeline.journal as journal_module
    import redactor.pipeline.runner as pipeline
    import redactor.runlog as audit

    src = tmp_path / "in"
    for i in range(6):
        write(src / f"f{i}.txt", f"Dr. Amara Diallo {i}\n")
    out = tmp_path / "out"
    disk = {"outputs": 0, "full": False}
    real_output, real_audit = pipeline.atomic_write, audit.atomic_write
    real_journal = journal_module.append_line

    def no_space():
        return OSError(errno.ENOSPC, "No space left on device")

    @contextlib.contextmanager
    def output(path, **kwargs):
        with real_output(path, **kwargs) as stream:
            disk["outputs"] += 1
            disk["full"] = disk["full"] or disk["outputs"] > 3
            if disk["full"]:
                raise no_space()
            yield stream

    @contextlib.contextmanager
    def audit_file(path, **kwargs):
        with real_audit(path, **kwargs) as stream:
            if disk["full"]:
                raise no_space()
            yield stream

    def journal(path, line):
        if disk["full"]:
            raise no_space()
        real_journal(path, line)

    monkeypatch.setattr(pipeline, "atomic_write", output)
    monkeypatch.setattr(audit, "atomic_write", audit_file)
    monkeypatch.setattr(journal_module, "append_line", journal)
    result = invoke("--policy", str(FAST_POLICY), str(src), str(out))
    assert result.exit_code == 3, result.output
    assert "partly written" in result.output and "--resume" in result.output
    written = sorted(p.name for p in out.glob("*.txt"))
    assert written == ["f0.txt", "f1.txt", "f2.txt"]
    assert not (out / "_audit" / "run.json").exists()  # the disk was full
    journal = (out / "_audit" / "journal.jsonl").read_text().splitlines()
    journal_lines = [json.loads(x) for x in journal]
    assert [x["file"] for x in journal_lines if "documents" in x] == written
    assert not [p for p in out.rglob("*") if ".redactor-tmp-" in p.name]
    # Space is freed: --resume finishes the run.
    monkeypatch.setattr(pipeline, "atomic_write", real_output)
    monkeypatch.setattr(audit, "atomic_write", real_audit)
    monkeypatch.setattr(journal_module, "append_line", real_journal)
    result = invoke("--policy", str(FAST_POLICY), "-q", "--resume", str(src), str(out))
    assert result.exit_code == 0, result.output
    run = json.loads((out / "_audit" / "run.json").read_text())
    assert sorted(run["resumed"]) == written and len(run["files"]) == 6


def test_a_full_disk_reported_in_the_audit_when_it_can_be_written(tmp_path, monkeypatch):
    import contextlib
    import errno

    import redactor.pipeline.runner as pipeline

    src = tmp_path / "in"
    for i in range(4):
        write(src / f"f{i}.txt", f"Dr. Amara Diallo {i}\n")
    out = tmp_path / "out"
    real_output = pipeline.atomic_write
    count = {"n": 0}

    @contextlib.contextmanager
    def output(path, **kwargs):  # space comes back once the failed temp file is removed
        with real_output(path, **kwargs) as stream:
            count["n"] += 1
            if count["n"] == 2:
                raise OSError(errno.ENOSPC, "No space left on device")
            yield stream

    monkeypatch.setattr(pipeline, "atomic_write", output)
    result = invoke("--policy", str(FAST_POLICY), str(src), str(out))
    assert result.exit_code == 3, result.output
    run = json.loads((out / "_audit" / "run.json").read_text())
    assert [f["file"] for f in run["files"]] == ["f0.txt"]
    assert [(f["file"], f["code"]) for f in run["failures"]] == [("f1.txt", "R310")]
    assert [s["file"] for s in run["skipped"]] == ["f2.txt", "f3.txt"]
    assert run["stopped"]


# --- symbolic links ----------------------------------------------------------------------


def test_links_out_of_input_are_skipped_and_recorded_unless_followed(tmp_path):
    src = tmp_path / "in"
    write(src / "a.txt", "Dr. Amara Diallo\n")
    outside = write(tmp_path / "private" / "other.txt", "Dr. Amara Diallo, elsewhere\n")
    (src / "link.txt").symlink_to(outside)
    (src / "again.txt").symlink_to(src / "a.txt")
    out = tmp_path / "out"
    result = invoke("--policy", str(FAST_POLICY), str(src), str(out))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.glob("*.txt")) == ["a.txt", "again.txt"]
    run = json.loads((out / "_audit" / "run.json").read_text())
    assert [s["file"] for s in run["skipped"]] == ["link.txt"]
    assert run["symlinks"] == [
        {"file": "again.txt", "target": "in INPUT", "followed": True},
        {"file": "link.txt", "target": "outside INPUT", "followed": False}]
    assert "private" not in audit_text(out)  # the target's path is not recorded
    out2 = tmp_path / "out2"
    result = invoke("--policy", str(FAST_POLICY), "--follow-symlinks", str(src), str(out2))
    assert result.exit_code == 0, result.output
    assert (out2 / "link.txt").read_text() == "Dr. [PERSON], elsewhere\n"
    run = json.loads((out2 / "_audit" / "run.json").read_text())
    assert run["skipped"] == [] and run["symlinks"][1]["followed"] is True


@pytest.mark.model
def test_hipaa_redacts_the_issue_key_and_header(tmp_path):
    """The case of issue 13: "p.jsonl:1:John Smith SSN 123-45-6789" in the audit."""
    src = tmp_path / "in"
    write(src / "p.jsonl", json.dumps({"John Smith SSN 123-45-6789": "follow-up"}) + "\n")
    write(src / "p.csv", 'id,"John Smith SSN 123-45-6789"\n1,follow-up\n')
    out = tmp_path / "out"
    result = invoke("--policy", "hipaa", "-q", str(src), str(out))
    assert result.exit_code == 0, result.output
    produced = (out / "p.jsonl").read_text() + (out / "p.csv").read_text() + audit_text(out)
    assert "John" not in produced and "Smith" not in produced and "6789" not in produced
    assert list(json.loads((out / "p.jsonl").read_text()).values()) == ["follow-up"]
    assert len(next(csv.reader(io.StringIO((out / "p.csv").read_text())))) == 2
