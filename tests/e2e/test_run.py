"""End to end: the `redact` command over folders, files and streams, via click's runner."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from redactor.cli.root import main

HERE = Path(__file__).parent
GOLDEN = HERE / "golden"
FAST_POLICY = HERE / "fast_policy.yaml"  # patterns + cued names, no spaCy: for behaviour tests

# Synthetic PII planted in the golden input: none of it may appear in output, audit or logs.
PLANTED = [
    "Chidi Okonkwo", "Okonkwo", "5820193", "07/22/1971", "Ingrid Halvorsen", "(312) 555-0176",
    "chidi.okonkwo@example.com", "4410 Lakeview Avenue", "Chicago", "60613",
    "4111 1111 1111 1111", "+34 612 345 678", "DE89 3704 0044 0532 0130 00",
    "203.0.113.45", "198.51.100.7", "jonas.becker@example.de",
]


RUN_SPECIFIC = ("run.json", "journal.jsonl", ".lock")  # timings, the lock: not compared


def invoke(*args: str, input: bytes | None = None):
    runner = CliRunner()
    return runner.invoke(main, list(args), input=input, catch_exceptions=False)


def all_text(folder: Path) -> str:
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return "\n".join(p.read_text(encoding="utf-8") for p in files)


@pytest.mark.model
def test_golden_folder(tmp_path):
    out = tmp_path / "out"
    result = invoke("--policy", "hipaa", "--quiet", str(GOLDEN / "input"), str(out))
    assert result.exit_code == 0, result.output
    expected = GOLDEN / "expected"
    if os.environ.get("REDACTOR_UPDATE_GOLDEN"):
        shutil.rmtree(expected, ignore_errors=True)
        shutil.copytree(out, expected, ignore=shutil.ignore_patterns(*RUN_SPECIFIC, ".parts"))
    produced = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()
                      and ".parts" not in p.parts and p.name not in RUN_SPECIFIC)
    wanted = sorted(
        p.relative_to(expected).as_posix() for p in expected.rglob("*") if p.is_file()
    )
    assert produced == wanted
    for rel in wanted:
        got, want = ((folder / rel).read_text(encoding="utf-8") for folder in (out, expected))
        if rel.endswith("spans.jsonl"):  # scores are model floats: compare all but them
            got, want = _without_scores(got), _without_scores(want)
        assert got == want, rel


def _without_scores(jsonl: str) -> list[dict]:
    lines = [json.loads(line) for line in jsonl.splitlines()]
    for line in lines:
        for span in line["spans"]:
            assert 0.0 <= span.pop("score") <= 1.0
    return lines


@pytest.mark.model
def test_no_planted_pii_in_output_audit_or_logs(tmp_path):
    out = tmp_path / "out"
    result = invoke("--policy", "hipaa", "-v", str(GOLDEN / "input"), str(out))
    assert result.exit_code == 0
    produced = all_text(out) + result.output
    leaked = [value for value in PLANTED if value in produced]
    assert leaked == []
    # Inputs untouched.
    assert "Chidi Okonkwo" in (GOLDEN / "input" / "notes" / "visit.txt").read_text()


def test_audit_shape(tmp_path):
    out = tmp_path / "out"
    result = invoke("--policy", str(FAST_POLICY), "-q", str(GOLDEN / "input"), str(out))
    assert result.exit_code == 0
    run = json.loads((out / "_audit" / "run.json").read_text())
    assert run["policy"]["name"] == "fast" and len(run["policy"]["sha256"]) == 64
    assert {f["file"] for f in run["files"]} == {"events.jsonl", "notes/visit.txt", "tickets.csv"}
    assert run["failures"] == [] and run["documents"] > 0 and "models" in run
    lines = [json.loads(x) for x in (out / "_audit" / "spans.jsonl").read_text().splitlines()]
    docs = {line["document"] for line in lines}
    assert "notes/visit.txt" in docs and "tickets.csv:1:3" in docs  # row 1, column 3
    assert "events.jsonl:1:/3" in docs  # line 1, the 4th member
    source = {"notes/visit.txt": (GOLDEN / "input/notes/visit.txt").read_text()}
    for line in lines:
        assert set(line) == {"document", "spans"}
        for span in line["spans"]:
            assert set(span) == {"start", "end", "label", "recognizer", "score", "action"}
            if line["document"] in source:
                assert 0 <= span["start"] < span["end"] <= len(source[line["document"]])


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


@pytest.fixture
def mixed_input(tmp_path):
    src = tmp_path / "in"
    write(src / "good.txt", "Call Dr. Amara Diallo at 617-555-0143.\n")
    write(src / "latin1.txt", "Patient Jos\xe9 Mu\xf1oz\n".encode("latin-1"))
    write(src / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    write(src / "bad.jsonl", '{"a": "Dr. Amara Diallo"}\n{"a": "Dr. Amara Diallo",\n')
    write(src / "ragged.csv", "a,b\n1,Dr. Amara Diallo\n2,3,4\n")
    write(src / "photo.png", b"\x89PNG")
    return src


def test_bad_files_fail_alone_with_clear_messages(tmp_path, mixed_input):
    out = tmp_path / "out"
    result = invoke("--policy", str(FAST_POLICY), str(mixed_input), str(out))
    assert result.exit_code == 1
    assert (out / "good.txt").read_text() == "Call Dr. [PERSON] at [PHONE_NUMBER].\n"
    for name in ("latin1.txt", "image.txt", "bad.jsonl", "ragged.csv", "photo.png"):
        assert not (out / name).exists()
    leftovers = [p.name for p in out.rglob("*") if "redactor-tmp" in p.name]
    assert leftovers == []
    run = json.loads((out / "_audit" / "run.json").read_text())
    reasons = {f["file"]: f["reason"] for f in run["failures"]}
    assert set(reasons) == {"latin1.txt", "image.txt", "bad.jsonl", "ragged.csv"}
    assert "--encoding" in reasons["latin1.txt"]
    assert reasons["image.txt"].startswith("image.txt: looks like a PNG image, not text")
    assert "line 2" in reasons["bad.jsonl"]
    assert "row" in reasons["ragged.csv"]
    assert run["skipped"] == [{"file": "photo.png", "reason": "unsupported file type"}]
    everything = result.output + all_text(out / "_audit")
    assert "Amara" not in everything and "Mu" not in everything and "Traceback" not in everything
    # The input folder is untouched.
    assert sorted(p.name for p in mixed_input.iterdir()) == sorted(
        ["good.txt", "latin1.txt", "image.txt", "bad.jsonl", "ragged.csv", "photo.png"])


def test_encoding_option_reads_latin1(tmp_path):
    src = write(tmp_path / "in" / "l.txt", "Dr. Jos\xe9 Mu\xf1oz\n".encode("latin-1"))
    out = tmp_path / "out"
    result = invoke("--policy", str(FAST_POLICY), "--encoding", "latin-1", "-q", str(src), str(out))
    assert result.exit_code == 0
    assert (out / "l.txt").read_bytes() == b"Dr. [PERSON]\n"


def test_empty_folder_is_a_usage_error(tmp_path):
    (tmp_path / "in").mkdir()
    result = invoke("--policy", str(FAST_POLICY), str(tmp_path / "in"), str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "no supported files" in result.output
    assert not (tmp_path / "out").exists()


def test_policy_errors_stop_before_output(tmp_path):
    bad = write(tmp_path / "bad.yaml", "name: x\nentities:\n  PERSON: {action: redact, colour: 1}\n"
                "  SSN: {action: mask}\nthreshhold: 0.3\n")
    write(tmp_path / "in" / "a.txt", "hello")
    result = invoke("--policy", str(bad), str(tmp_path / "in"), str(tmp_path / "out"))
    assert result.exit_code == 2
    for fragment in ("entities.PERSON.colour: unknown key", "entities.SSN: unknown entity type",
                     "threshhold: unknown key"):
        assert fragment in result.output
    assert not (tmp_path / "out").exists()


def test_missing_key_stops(tmp_path, no_key_env):
    write(tmp_path / "in" / "a.txt", "hello")
    result = invoke("--policy", "gdpr", str(tmp_path / "in"), str(tmp_path / "out"))
    assert result.exit_code == 2 and "needs a secret key" in result.output
    assert not (tmp_path / "out").exists()


def test_existing_output_needs_overwrite_or_resume(tmp_path):
    src = write(tmp_path / "in" / "a.txt", "Dr. Amara Diallo")
    out = tmp_path / "out"
    write(out / "a.txt", "old")
    result = invoke("--policy", str(FAST_POLICY), str(src.parent), str(out))
    assert result.exit_code == 2 and "--overwrite" in result.output
    assert (out / "a.txt").read_text() == "old"
    assert invoke("--policy", str(FAST_POLICY), "--overwrite", "-q", str(src.parent),
                  str(out)).exit_code == 0
    assert (out / "a.txt").read_text() == "Dr. [PERSON]"


def test_resume_finishes_an_interrupted_run(tmp_path, monkeypatch):
    src = tmp_path / "in"
    for i in range(4):
        write(src / f"f{i}.txt", f"Dr. Amara Diallo {i}\n")
    out = tmp_path / "out"
    import redactor.pipeline.runner as pipeline

    real = pipeline._process_file
    calls = []

    def crashing(job, *args, **kwargs):
        calls.append(job.rel)
        if job.rel == "f2.txt":
            raise KeyboardInterrupt  # a crash mid-run
        return real(job, *args, **kwargs)

    monkeypatch.setattr(pipeline, "_process_file", crashing)
    result = invoke("--policy", str(FAST_POLICY), str(src), str(out))
    assert result.exit_code == 130
    assert sorted(p.name for p in out.glob("*.txt")) == ["f0.txt", "f1.txt"]
    monkeypatch.setattr(pipeline, "_process_file", real)
    result = invoke("--policy", str(FAST_POLICY), "--resume", str(src), str(out))
    assert result.exit_code == 0, result.output
    assert "2 already done" in result.output
    assert sorted(p.name for p in out.glob("*.txt")) == ["f0.txt", "f1.txt", "f2.txt", "f3.txt"]
    run = json.loads((out / "_audit" / "run.json").read_text())
    assert sorted(run["resumed"]) == ["f0.txt", "f1.txt"]
    lines = (out / "_audit" / "spans.jsonl").read_text().splitlines()
    assert [json.loads(x)["document"] for x in lines] == ["f0.txt", "f1.txt", "f2.txt", "f3.txt"]
    # A changed input is redone, not skipped.
    write(src / "f0.txt", "Dr. Kofi Boateng\n")
    result = invoke("--policy", str(FAST_POLICY), "--resume", "-q", str(src), str(out))
    assert result.exit_code == 0
    run = json.loads((out / "_audit" / "run.json").read_text())
    assert "f0.txt" not in run["resumed"]


def test_output_inside_input_is_refused(tmp_path):
    src = write(tmp_path / "in" / "a.txt", "x").parent
    result = invoke("--policy", str(FAST_POLICY), str(src), str(src / "out"))
    assert result.exit_code == 2 and "inside INPUT" in result.output


def test_single_file_to_folder(tmp_path):
    src = write(tmp_path / "a.txt", "Dr. Amara Diallo\n")
    out = tmp_path / "out"
    assert invoke("--policy", str(FAST_POLICY), "-q", str(src), str(out)).exit_code == 0
    assert (out / "a.txt").read_text() == "Dr. [PERSON]\n"
    assert (out / "_audit" / "run.json").is_file()


def test_stdin_to_stdout(tmp_path):
    data = '{"msg": "Dr. Amara Diallo, 617-555-0143", "n": 1}\n'
    result = invoke("--policy", str(FAST_POLICY), "--format", "jsonl", "-q", "-", "-",
                    input=data.encode())
    assert result.exit_code == 0
    assert result.output == '{"msg": "Dr. [PERSON], [PHONE_NUMBER]", "n": 1}\n'


def test_stdin_with_audit_dir(tmp_path):
    result = invoke("--policy", str(FAST_POLICY), "--audit-dir", str(tmp_path / "aud"), "-q",
                    "-", "-", input=b"Dr. Amara Diallo\n")
    assert result.exit_code == 0
    line = json.loads((tmp_path / "aud" / "spans.jsonl").read_text())
    assert line["document"] == "stdin" and line["spans"][0]["label"] == "PERSON"


def test_explicit_run_and_default_command_agree(tmp_path):
    src = write(tmp_path / "a.txt", "Dr. Amara Diallo\n")
    for cmd, out in ((["run"], "o1"), ([], "o2")):
        assert invoke(*cmd, "--policy", str(FAST_POLICY), "-q", str(src),
                      str(tmp_path / out)).exit_code == 0
    assert (tmp_path / "o1/a.txt").read_text() == (tmp_path / "o2/a.txt").read_text()


def test_an_unexpected_error_fails_its_file_without_its_message(tmp_path, monkeypatch):
    src = tmp_path / "in"
    write(src / "a.txt", "Dr. Amara Diallo\n")
    write(src / "b.txt", "Dr. Kofi Boateng\n")
    import redactor.distributed.executors as parallel

    real = parallel.redact_texts

    def flaky(engine, ctx, texts, subjects=None):
        if any("Amara" in t for t in texts):
            raise ValueError("cannot handle 'Dr. Amara Diallo'")  # a message quoting the text
        return real(engine, ctx, texts, subjects)

    monkeypatch.setattr(parallel, "redact_texts", flaky)
    out = tmp_path / "out"
    result = invoke("--policy", str(FAST_POLICY), str(src), str(out))
    assert result.exit_code == 1
    assert not (out / "a.txt").exists() and (out / "b.txt").read_text() == "Dr. [PERSON]\n"
    run = json.loads((out / "_audit" / "run.json").read_text())
    (failure,) = run["failures"]
    assert failure["code"] == "R999" and "ValueError" in failure["reason"]
    assert "Amara" not in result.output + all_text(out / "_audit")


def test_an_unexpected_error_in_the_cli_shows_no_message(tmp_path, monkeypatch):
    import redactor.pipeline.runner as pipeline

    def broken(config, on_progress=None):
        raise RuntimeError("Amara Diallo")

    monkeypatch.setattr(pipeline, "run", broken)
    monkeypatch.delenv("REDACTOR_DEBUG", raising=False)
    write(tmp_path / "a.txt", "x")
    result = invoke("--policy", str(FAST_POLICY), str(tmp_path / "a.txt"), str(tmp_path / "o"))
    assert result.exit_code == 70
    assert "internal error (RuntimeError)" in result.output and "Amara" not in result.output


def test_missing_gpu_is_a_clear_error(tmp_path):
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has a GPU")
    write(tmp_path / "a.txt", "x")
    result = invoke("--policy", "hipaa", "--device", "cuda", str(tmp_path / "a.txt"),
                    str(tmp_path / "o"))
    assert result.exit_code == 2 and "CUDA" in result.output
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_model_that_cannot_load_stops_the_run_before_any_output(tmp_path, workers):
    policy = tmp_path / "broken.yaml"
    policy.write_text("name: broken\ndetectors: {patterns: true, names: false, spacy: "
                      "{model: no_such_model_xyz}}\nentities: {PERSON: {action: redact}}\n")
    for i in range(3):
        write(tmp_path / "in" / f"{i}.txt", "Dr. Ana Souza called.")
    result = invoke("--policy", str(policy), "--workers", workers, str(tmp_path / "in"),
                    str(tmp_path / "o"))
    assert result.exit_code == 2 and "no_such_model_xyz" in result.output
    assert "Ana" not in result.output and "Traceback" not in result.output
    assert not (tmp_path / "o").exists()  # with workers too: they load before the lock


def test_column_types_take_whole_cells_and_fields(tmp_path):
    src = tmp_path / "in"
    write(src / "p.csv", "id,zip,amount\n1,02446,02446\n2, 10115 ,17\n")
    write(src / "e.jsonl", '{"user": {"zip": "02446"}, "total": "02446"}\n')
    outputs = {}
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}"
        result = invoke("--policy", str(FAST_POLICY), "--quiet", "--workers", workers,
                        "--column-type", "zip=ZIP_CODE", "--column-type", "user.zip=ZIP_CODE",
                        str(src), str(out))  # fmt: skip
        assert result.exit_code == 0, result.output
        outputs[workers] = ((out / "p.csv").read_text(), (out / "e.jsonl").read_text())
    csv_out, jsonl_out = outputs["1"]
    assert csv_out.splitlines()[1].split(",")[1] != "02446"  # the zip column: taken whole
    assert csv_out.splitlines()[1].split(",")[2] == "02446"  # the amount column: left alone
    assert '"total": "02446"' in jsonl_out and '"zip": "02446"' not in jsonl_out
    assert outputs["2"] == outputs["1"]
    run = json.loads((tmp_path / "out1" / "_audit" / "run.json").read_text())
    assert run["options"]["column_types"] == {"user.zip": "ZIP_CODE", "zip": "ZIP_CODE"}
    bad = invoke("--policy", str(FAST_POLICY), "--column-type", "zip=ZIPCODE", str(src),
                 str(tmp_path / "bad"))
    assert bad.exit_code == 2 and "did you mean 'ZIP_CODE'" in bad.output


def test_workers_auto_keeps_small_inputs_and_streams_in_this_process(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Dr. Amara Diallo\n---\n")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["--policy", str(FAST_POLICY), "-v", str(src), str(out)])
    assert result.exit_code == 0, result.output
    execution = json.loads((out / "_audit" / "run.json").read_text())["execution"]
    assert execution["workers_requested"] == "auto" and execution["worker_processes"] == 0
    assert execution["peak_rss_mb"]["main"] > 10
    assert "redact: in this process (--workers auto" in result.output
    assert "MB in this process" in result.output and "Amara" not in result.output
    aud = tmp_path / "aud"
    result = invoke("--policy", str(FAST_POLICY), "--audit-dir", str(aud), "-q", "-", "-",
                    input=b"Dr. Amara Diallo\n" * 20_000)  # 340 KB: a stream stays here
    assert result.exit_code == 0
    assert json.loads((aud / "run.json").read_text())["execution"]["worker_processes"] == 0


def test_text_without_letters_or_digits_passes_through(tmp_path):
    data = "---\n\n* * *\n::\n"
    result = invoke("--policy", str(FAST_POLICY), "--format", "text", "-q", "-", "-",
                    input=data.encode())
    assert result.exit_code == 0 and result.output == data
