"""`redact eval`: scores the policy's stack against gold files (JSONL and CoNLL)."""

import json

from click.testing import CliRunner

from redactor.cli.root import main

FAST = "tests/e2e/fast_policy.yaml"


def test_eval_jsonl_table_and_json(tmp_path):
    text = "Call Dr. Amara Diallo at 617-555-0143 today."
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "1", "text": text, "spans": [
        {"start": 9, "end": 21, "type": "PERSON"}, {"start": 25, "end": 37, "type": "PHONE_NUMBER"},
        {"start": 38, "end": 43, "type": "DATE"}]}) + "\n")
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["eval", "--policy", FAST, str(gold), "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert "ALL (type-blind)" in result.output
    report = json.loads(out.read_text())
    assert report["type_blind"]["overlap"]["recall"] == 2 / 3  # "today" is not a date
    assert report["per_type"]["PERSON"]["overlap"]["recall"] == 1.0
    assert report["policy"]["name"] == "fast" and "Amara" not in out.read_text()


def test_eval_conll_with_label_map(tmp_path):
    gold = tmp_path / "g.conll"
    gold.write_text("Dr.\tO\nAmara\tB-person\nDiallo\tI-person\ncalled\tO\n\nHi\tO\n")
    args = ["eval", "-p", FAST, "--label-map", "person=PERSON", str(gold)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    line = next(x for x in result.output.splitlines() if x.startswith("PERSON"))
    assert line.split()[1] == "1"  # one gold person


def test_eval_bad_gold_is_a_clear_error(tmp_path):
    gold = tmp_path / "bad.jsonl"
    gold.write_text("{not json\n")
    result = CliRunner().invoke(main, ["eval", "-p", FAST, str(gold)])
    assert result.exit_code == 2 and "line 1" in result.output and "Traceback" not in result.output
