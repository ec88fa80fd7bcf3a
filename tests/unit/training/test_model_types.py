"""Fine-tuning on corrections keeps the base model's own types (no forgetting by default)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from redactor.cli.train import _kept_types
from redactor.errors import ModelError
from redactor.training.trainer import model_types


def _model(folder: Path, tags: list[str], mapping: dict[str, str | None]) -> Path:
    folder.mkdir()
    (folder / "config.json").write_text(json.dumps({"id2label": dict(enumerate(tags))}))
    (folder / "redactor_label_map.json").write_text(json.dumps(mapping))
    return folder


def test_types_are_the_models_labels_in_our_names(tmp_path: Path) -> None:
    folder = _model(tmp_path / "m", ["O", "B-GIVEN_NAME", "I-GIVEN_NAME", "B-SURNAME",
                                     "B-EMAIL", "B-ODDITY", "B-DROPPED"],
                    {"GIVEN_NAME": "PERSON", "SURNAME": "PERSON", "EMAIL": "EMAIL_ADDRESS",
                     "DROPPED": None})
    assert model_types(folder) == ("PERSON", "EMAIL_ADDRESS")


def test_the_bundled_model_keeps_every_type_it_predicts() -> None:
    types = model_types(Path(__file__).resolve().parents[3] / "models" / "redactor-ner")
    assert {"PERSON", "DATE", "EMAIL_ADDRESS", "MEDICAL_RECORD_NUMBER"} <= set(types)
    assert len(types) == 21


def test_corrections_add_their_own_types(tmp_path: Path) -> None:
    folder = _model(tmp_path / "m", ["O", "B-PERSON", "I-PERSON"], {})
    train = tmp_path / "train.jsonl"
    train.write_text(json.dumps({"text": "Seen 3/4 by Ana", "spans": [
        {"start": 5, "end": 8, "type": "DATE"}, {"start": 12, "end": 15, "type": "PERSON"}]})
        + "\n\n")
    assert _kept_types(str(folder), str(train)) == ("PERSON", "DATE")


def test_a_folder_without_config_is_a_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="cannot read"):
        model_types(tmp_path)
