"""redact_columns (Spark DataFrame) and redact_dataset (Ray Dataset): the same cells as local."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pandas as pd
import pytest

from redactor.distributed.common import RedactorSpec, redact_texts
from redactor.distributed.ray_engine import RedactBatch
from redactor.policy import load_policy

ROWS = 300


@pytest.fixture
def frame(texts: list[str]) -> pd.DataFrame:
    notes = [texts[i % len(texts)] for i in range(ROWS)]
    notes[5] = None  # a null cell stays null
    return pd.DataFrame({"id": range(ROWS), "note": notes,
                         "who": [f"Dr. Ana Souza #{i % 7}" for i in range(ROWS)]})  # fmt: skip


def _cells(values: object) -> list[object]:
    """Cells as a list, missing values (None, NaN, NA: pandas' choice) as None."""
    return [v if isinstance(v, str) else None for v in list(values)]  # type: ignore[call-overload]


def _expected(spec: RedactorSpec, values: list[object]) -> tuple[list, list]:  # type: ignore[type-arg]
    engine, ctx = spec.build()
    present = [v for v in values if isinstance(v, str)]
    found = iter(redact_texts(engine, ctx, present))
    texts, spans = [], []
    for v in values:
        if isinstance(v, str):
            r = next(found)
            texts.append(r.text)
            spans.append([x.to_dict() for x in r.replacements])
        else:
            texts.append(None)
            spans.append(None)
    return texts, spans


def test_redact_batch_adds_redacted_and_audit_columns(
    policy_file: Path, frame: pd.DataFrame
) -> None:
    spec = RedactorSpec.from_run(load_policy(policy_file), None)
    out = RedactBatch(spec, ["note", "who"], spans=True)(frame)
    assert list(out.columns) == ["id", "note", "who", "note_redacted", "note_spans",
                                 "who_redacted", "who_spans"]  # fmt: skip
    texts, spans = _expected(spec, frame["note"].tolist())
    assert _cells(out["note_redacted"]) == texts
    assert [None if s is None else json.loads(s) for s in _cells(out["note_spans"])] == spans
    assert _cells(out["note"]) == _cells(frame["note"])  # the original column is untouched
    assert out["who_redacted"].tolist()[0] == "Dr. [PERSON] #0"


@pytest.mark.slow
def test_spark_redact_columns_matches_local(
    policy_file: Path, frame: pd.DataFrame, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("pyspark")
    from redactor.distributed.spark import redact_columns, spark_session

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    spec = RedactorSpec.from_run(load_policy(policy_file), None)
    spark = spark_session(cores=2, scratch=str(tmp_path / "spark"))
    try:
        df = spark.createDataFrame(frame, schema="id long, note string, who string")
        out = redact_columns(df, ["note"], spec, spans=True).orderBy("id").toPandas()
    finally:
        spark.stop()
    texts, spans = _expected(spec, frame["note"].tolist())
    assert _cells(out["note_redacted"]) == texts
    assert [None if s is None else json.loads(s) for s in _cells(out["note_spans"])] == spans
    assert "who_redacted" not in out.columns


@pytest.mark.slow
def test_ray_redact_dataset_matches_local(policy_file: Path, frame: pd.DataFrame) -> None:
    ray = pytest.importorskip("ray")
    from redactor.distributed.ray_engine import init_ray, redact_dataset

    spec = RedactorSpec.from_run(load_policy(policy_file), None)
    created = init_ray(cpus=2)
    try:
        ds = ray.data.from_pandas(frame)
        out = redact_dataset(ds, ["note"], spec, batch_size=64).to_pandas()
    finally:
        ray.shutdown()
        if created:
            import shutil

            shutil.rmtree(created, ignore_errors=True)
    out = out.sort_values("id")
    texts, _ = _expected(spec, frame["note"].tolist())
    assert _cells(out["note_redacted"]) == texts
