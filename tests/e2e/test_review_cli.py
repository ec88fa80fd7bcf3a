"""redact explain, redact review and redact train --corrections end to end (fast policy)."""

import json
import stat
from pathlib import Path

from click.testing import CliRunner

from redactor.cli.root import main

FAST = str(Path(__file__).parent / "fast_policy.yaml")
DOCS = [
    "Patient: Kwame Mensah seen by Dr. Adeyemi. SSN 078-05-1121.",
    "Thanks, Maria\nMy son jasmine came along; met with Lotte at the desk.",
    "Thanks, Maria\nMy son jasmine called again.",
    "Reviewed by Grace Hill today. Contact Ifeoma Okafor at 617-555-0143.",
]


def _input(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "notes.jsonl").write_text(
        "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(DOCS)))
    (folder / "letter.txt").write_text("Dear Laila,\nyour results are fine.\n")
    return folder


def test_explain_shows_each_decision_and_never_touches_an_audit(tmp_path):
    folder = _input(tmp_path)
    result = CliRunner().invoke(main, ["explain", "--policy", FAST, str(folder / "notes.jsonl")])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "[9:21] PERSON 'Kwame Mensah' -> redact" in out and "by entities.PERSON" in out
    assert "reported by pattern:ssn US_SSN 1.00, context 'SSN'" in out
    assert "merged 2 spans by union_patterns_first.v1" in out
    assert not list(tmp_path.rglob("run.json")) and not list(tmp_path.rglob("_audit"))
    result = CliRunner().invoke(main, ["explain", "--policy", FAST, "--json", str(folder)])
    records = [json.loads(line) for line in result.output.splitlines()]
    assert records[0]["document"] == "letter.txt"
    ssn = next(s for r in records for s in r["spans"] if s["label"] == "US_SSN")
    assert ssn["text"] == "078-05-1121" and ssn["rule"] == {"from": "default",
                                                            "action": "redact",
                                                            "placeholder": "[{label}]"}


def test_help_says_explain_shows_text_and_the_queue_holds_personal_data():
    explain = " ".join(CliRunner().invoke(main, ["explain", "--help"]).output.split())
    assert "SHOWS THE DOCUMENT TEXT" in explain and "never written to a run's audit" in explain
    review = " ".join(CliRunner().invoke(main, ["review", "--help"]).output.split())
    assert "PERSONAL DATA" in review and "0600" in review


def test_review_writes_a_private_doccano_queue_and_corrections_fold_back(tmp_path):
    folder = _input(tmp_path)
    queue = tmp_path / "queue.jsonl"
    result = CliRunner().invoke(main, ["review", "--policy", FAST, str(folder), "--out",
                                       str(queue), "--budget", "4"])
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(queue.stat().st_mode) == 0o600
    records = [json.loads(line) for line in queue.read_text().splitlines()]
    assert sum(len(r["review"]) for r in records) == 4
    assert all(r["label"] == r["predicted"] and r["text"] for r in records)
    assert {r["file"] for r in records} <= {"notes.jsonl", "letter.txt"}
    # the reviewer: "jasmine" is no name; "Grace Hill" was missed if the engine missed it
    done = tmp_path / "done.jsonl"
    with done.open("w") as out:
        for text in DOCS:
            rec = next((r for r in records if r["text"] == text), None)
            labels = [s for s in (rec["predicted"] if rec else []) if s[0] != 21 or s[1] != 28]
            if text.endswith("again."):  # jasmine removed in a second document: now allowed
                rec = {"predicted": [[8, 13, "PERSON"], [21, 28, "PERSON"]]}
                labels = [[8, 13, "PERSON"]]
            if text.startswith("Reviewed"):
                labels = [[12, 22, "PERSON"], [38, 51, "PERSON"], [55, 67, "PHONE_NUMBER"]]
            out.write(json.dumps({"text": text, "label": labels,
                                  **({"predicted": rec["predicted"]} if rec else {})}) + "\n")
    policy_out = tmp_path / "reviewed.yaml"
    result = CliRunner().invoke(main, ["train", "--corrections", str(done), "--policy", FAST,
                                       "--policy-out", str(policy_out), "--holdout", "0"])
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(policy_out.stat().st_mode) == 0o600
    text = policy_out.read_text()
    assert "extends:" in text and "jasmine" in text
    run = CliRunner().invoke(main, ["explain", "--policy", str(policy_out), "--json",
                                    str(folder / "notes.jsonl")])
    second = json.loads(run.output.splitlines()[1])
    assert all(s["text"] != "jasmine" for s in second["spans"])
    assert any(c["dropped"] == "allow" for c in second["dropped_elsewhere"])


def test_label_studio_queue_and_missing_train_options(tmp_path):
    folder = _input(tmp_path)
    queue = tmp_path / "queue.json"
    result = CliRunner().invoke(main, ["review", "--policy", FAST, str(folder), "--out",
                                       str(queue), "--format", "label-studio", "--budget", "2"])
    assert result.exit_code == 0, result.output
    tasks = json.loads(queue.read_text())
    assert tasks and all(t["predictions"][0]["result"] for t in tasks)
    result = CliRunner().invoke(main, ["train", "--train", str(queue)])
    assert result.exit_code == 2 and "missing option(s) --base, --out" in result.output


def test_run_json_names_rule_and_filter_versions_without_text(tmp_path):
    folder = _input(tmp_path)
    result = CliRunner().invoke(main, ["--policy", FAST, str(folder / "notes.jsonl"),
                                       str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    raw = (tmp_path / "out" / "_audit" / "run.json").read_text()
    rules = json.loads(raw)["rules"]
    assert rules["overlap"] == "union_patterns_first.v1" and len(rules["policy_sha256"]) == 64
    assert set(rules["filters"]) >= {"validity.shapes", "spacy.not_entities", "spacy.eponyms"}
    assert "Kwame" not in raw and "078-05-1121" not in raw


def test_model_route_writes_training_data_and_needs_a_model(tmp_path):
    done = tmp_path / "done.jsonl"
    done.write_text("".join(json.dumps({"text": t, "label": [[0, 5, "PERSON"]],
                                        "predicted": []}) + "\n" for t in DOCS))
    result = CliRunner().invoke(main, ["train", "--corrections", str(done), "--policy", FAST,
                                       "--as", "model", "--out", str(tmp_path / "m"),
                                       "--holdout", "0.34"])
    assert result.exit_code == 2 and "no transformer detector" in result.output
    train = [json.loads(line) for line in (tmp_path / "done.train.jsonl").read_text().splitlines()]
    held = (tmp_path / "done.heldout.jsonl").read_text().splitlines()
    assert len(train) == len(DOCS) - 1 and len(held) == 1
    assert train[0]["spans"] == [{"start": 0, "end": 5, "type": "PERSON"}]
    assert stat.S_IMODE((tmp_path / "done.train.jsonl").stat().st_mode) == 0o600
