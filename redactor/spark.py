"""Redaction on Spark, under its documented name: ``from redactor.spark import redact_columns``.

The code lives in :mod:`redactor.distributed.spark` (see it and ``docs/scale.md``). Names load
when first used, so ``import redactor.spark`` needs neither pyspark nor a Java runtime and
starts no JVM; :func:`spark_session` does, and says what to install when Java is missing.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__all__ = ["RedactorSpec", "SparkExecutor", "find_java", "redact_columns", "require_java",
           "spark_session"]

_WHERE = {"RedactorSpec": "redactor.distributed.common"}

if TYPE_CHECKING:
    from redactor.distributed.common import RedactorSpec
    from redactor.distributed.spark import (
        SparkExecutor,
        find_java,
        redact_columns,
        require_java,
        spark_session,
    )


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(_WHERE.get(name, "redactor.distributed.spark")), name)


def __dir__() -> list[str]:
    return sorted(__all__)
