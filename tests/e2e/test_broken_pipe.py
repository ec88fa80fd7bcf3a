"""A reader that stops early (`redact ... - - | head`) ends the run quietly, not as exit 70."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

FAST_POLICY = Path(__file__).parent / "fast_policy.yaml"


def test_closed_stdout_is_a_quiet_exit_141(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"t": f"Line {i}: call 617-555-0143"}) + "\n"
                              for i in range(20000)), encoding="utf-8")
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS": ""}
    with source.open("rb") as stdin:
        proc = subprocess.Popen(
            [sys.executable, "-c", "from redactor.cli.root import main; main()", "--policy",
             str(FAST_POLICY), "--format", "jsonl", "-", "-"],
            stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert proc.stdout is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # the reader goes away
    proc.wait(timeout=120)
    err = proc.stderr.read().decode() if proc.stderr else ""
    assert b"[PHONE_NUMBER]" in first
    assert proc.returncode == 141, err
    assert "internal error" not in err and "Traceback" not in err
