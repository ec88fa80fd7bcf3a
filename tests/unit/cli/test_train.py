"""`redact train` and `redact train-data` on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from redactor.cli.root import main


def test_train_and_train_data_have_help_with_example() -> None:
    runner = CliRunner()
    for command in ("train", "train-data"):
        result = runner.invoke(main, [command, "--help"])
        assert result.exit_code == 0
        assert "Example" in result.output and f"redact {command}" in result.output


def test_train_data_writes_records(tmp_path: Path) -> None:
    out = tmp_path / "t.jsonl"
    result = CliRunner().invoke(
        main, ["train-data", "--out", str(out), "--count", "7", "--seed", "2"]
    )
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 7 and all(r["source"] == "synthetic" for r in records)


def test_train_reports_errors_without_traceback(tmp_path: Path) -> None:
    data = tmp_path / "d.jsonl"
    data.write_text('{"id": "a", "text": "x", "spans": []}\n')
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "f").write_text("x")
    result = CliRunner().invoke(
        main,
        [
            "train",
            "--base",
            str(tmp_path / "missing"),
            "--train",
            str(data),
            "--out",
            str(tmp_path / "out"),
        ],
    )
    assert result.exit_code == 2
    assert "not empty" in result.output


def test_fp16_and_bf16_exclude_each_other(tmp_path: Path) -> None:
    data = tmp_path / "d.jsonl"
    data.write_text('{"id": "a", "text": "x", "spans": []}\n')
    result = CliRunner().invoke(
        main,
        [
            "train",
            "--base",
            "b",
            "--train",
            str(data),
            "--out",
            str(tmp_path / "o"),
            "--fp16",
            "--bf16",
        ],
    )
    assert result.exit_code == 2


def test_help_and_docs_show_no_paths_of_a_development_machine() -> None:
    """Issue 11, item 7: the examples named /work/shared/... and /tmp/... folders."""
    import re

    absolute = re.compile(r"(?<![\w.:/])/(?:work|home|tmp|Users|mnt|data)/")
    runner = CliRunner()
    for command in ("train", "train-data"):
        result = runner.invoke(main, [command, "--help"])
        assert result.exit_code == 0 and not absolute.search(result.output), result.output
    docs = Path(__file__).resolve().parents[3] / "docs" / "training.md"
    assert not absolute.search(docs.read_text(encoding="utf-8"))


def test_train_takes_a_bundled_model_by_name(tmp_path: Path, monkeypatch) -> None:
    import redactor.training.trainer as train_module
    from redactor.models import MODELS_DIR

    seen = []

    def fake_load_base(config, labels):
        seen.append(config.base)
        raise RuntimeError("stop here")

    monkeypatch.setattr(train_module, "load_base", fake_load_base)
    data = tmp_path / "d.jsonl"
    data.write_text('{"id": "a", "text": "Jane Doe", "spans": '
                    '[{"start": 0, "end": 8, "type": "PERSON"}]}\n')
    config = train_module.TrainConfig(base="rampart-bert", train=data, out=tmp_path / "out")
    with pytest.raises(RuntimeError, match="stop here"):
        train_module.train(config)
    expected = MODELS_DIR / "rampart-bert"
    assert seen == [str(expected.resolve()) if expected.is_dir() else "rampart-bert"]
