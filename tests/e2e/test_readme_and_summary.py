"""What README promises a new user: the Python example's output, `redact --help` showing the
main form, an honest run summary, and no stray `_audit/.parts/` (issue 11, item 10)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from redactor.cli.root import main

ROOT = Path(__file__).resolve().parents[2]
FAST_POLICY = Path(__file__).with_name("fast_policy.yaml")


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), prog_name="redact")


@pytest.mark.model
def test_the_python_api_example_prints_what_readme_shows():
    """README showed [DATE] where hipaa writes the year."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("### Python API", 1)[1].split("```python", 1)[1].split("```", 1)[0]
    text = re.search(r'result = r\.redact\("([^"]+)"\)', block).group(1)
    shown = re.search(r"result\.text\s+# '([^']+)'", block).group(1)
    from redactor import Redactor

    assert Redactor("hipaa").redact(text).text == shown


def test_group_help_shows_the_main_form_and_its_options():
    result = invoke("--help")
    assert result.exit_code == 0
    assert "redact --policy POLICY [OPTIONS] INPUT OUTPUT" in result.output
    for option in ("--policy", "--engine", "--text-field", "--resume"):
        assert option in result.output
    assert "Commands:" in result.output and "check-policy" in result.output


def test_the_summary_counts_records_and_fields(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text('{"a": "Call 617-555-0143", "b": "Dr. Amara Diallo", "c": "x"}\n'
                      '{"a": "y", "b": "z", "c": "w", "n": 5}\n', encoding="utf-8")
    out = tmp_path / "out"
    result = invoke("--policy", str(FAST_POLICY), str(source), str(out))
    assert result.exit_code == 0, result.output
    assert "2 record(s), 6 text field(s)" in result.output
    run = json.loads((out / "_audit" / "run.json").read_text(encoding="utf-8"))
    assert (run["records"], run["documents"]) == (2, 6)
    text = tmp_path / "note.txt"
    text.write_text("Dr. Amara Diallo\n", encoding="utf-8")
    result = invoke("--policy", str(FAST_POLICY), str(text), str(tmp_path / "out2"))
    assert "1 document(s)" in result.output


def test_parts_are_removed_after_a_complete_run_and_kept_for_resume(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Dr. Amara Diallo\n", encoding="utf-8")
    (src / "b.jsonl").write_text('{"a": "Dr. Amara Diallo"}\n{not json\n', encoding="utf-8")
    out = tmp_path / "out"
    result = invoke("--policy", str(FAST_POLICY), "-q", str(src), str(out))
    assert result.exit_code == 1  # b.jsonl failed: the part of a.txt stays for --resume
    assert len(list((out / "_audit" / ".parts").iterdir())) == 1
    (src / "b.jsonl").write_text('{"a": "Dr. Amara Diallo"}\n', encoding="utf-8")
    result = invoke("--policy", str(FAST_POLICY), "-q", "--resume", str(src), str(out))
    assert result.exit_code == 0, result.output
    run = json.loads((out / "_audit" / "run.json").read_text(encoding="utf-8"))
    assert run["resumed"] == ["a.txt"] and len(run["files"]) == 2
    assert not (out / "_audit" / ".parts").exists()
    spans = (out / "_audit" / "spans.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["document"] for line in spans] == ["a.txt", "b.jsonl:1:/0"]
