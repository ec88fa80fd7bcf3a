"""`redactor.spark` and `redactor.ray`: the documented names of the distributed APIs."""

from __future__ import annotations

import subprocess
import sys

import pytest


def test_importing_the_short_names_loads_neither_spark_nor_ray() -> None:
    """Issue 11, item 7: `import redactor.spark` / `redactor.ray` failed (only
    redactor.distributed.* existed). Importing them must not start a JVM or load pyspark."""
    code = ("import sys, redactor.spark, redactor.ray; "
            "print(sorted(m for m in ('pyspark', 'ray', 'pandas', 'redactor.distributed.spark') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=120)
    assert out.stdout.strip() == "[]"


def test_the_short_names_are_the_distributed_apis() -> None:
    import redactor.ray
    import redactor.spark
    from redactor.distributed.common import RedactorSpec

    spark = pytest.importorskip("redactor.distributed.spark")
    assert redactor.spark.redact_columns is spark.redact_columns
    assert redactor.spark.spark_session is spark.spark_session
    assert redactor.spark.RedactorSpec is RedactorSpec
    ray_engine = pytest.importorskip("redactor.distributed.ray_engine")
    assert redactor.ray.redact_dataset is ray_engine.redact_dataset
    assert redactor.ray.RedactorSpec is RedactorSpec
    assert "redact_columns" in dir(redactor.spark)
    with pytest.raises(AttributeError):
        _ = redactor.spark.nothing_here
