"""Faults and secrets (issue 13): data in keys and headers, concurrent runs, a full disk,
stale temporary files, symbolic links. Each case reproduces what failed before its fix."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from redactor.cli import main

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
    docs = [json.loads(x)["document"] for x in (out / "_audit/spans.jsonl").read_text().splitlines()]
    assert "p.jsonl:1:/0:key" in docs and "p.csv:0:2" in docs
    assert "p.jsonl:1:/1:key" not in docs  # a key without findings adds no audit line


def test_hipaa_and_gdpr_redact_keys():
    from redactor.policy import load_policy

    assert load_policy("hipaa").redact_keys and load_policy("gdpr").redact_keys
    assert not load_policy(FAST_POLICY).redact_keys
