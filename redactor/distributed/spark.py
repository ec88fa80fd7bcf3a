"""Redaction on Spark: redacted columns for a DataFrame, and the ``--engine spark`` executor.

:func:`redact_columns` adds redacted columns to a DataFrame through pandas UDFs over Arrow
batches. The engine is *not* broadcast from the driver: the UDF carries a
:class:`~redactor.distributed.common.RedactorSpec` (policy text, key bytes, run date), and each
Python worker builds the engine from it on its first batch and keeps it for the next ones
(Spark reuses Python workers between tasks). That also works under Spark Connect, where
broadcasting a loaded engine fails. Pseudonyms derive from the key, so every executor gives a
value the same surrogate.

:class:`SparkExecutor` is what ``redact --engine spark INPUT OUTPUT`` uses: the pipeline reads
and plans files locally, sends windows of batches to Spark (one ``mapInPandas`` job per
window), gets the results back in order and writes outputs and audit locally, exactly as the
local engine does.

Spark is an optional dependency (``pip install 'redactor[scale]'``). Set ``PYSPARK_PYTHON``
when the executors' Python is not this one; :func:`spark_session` sets it for a local cluster.
"""

import logging
import os
import pickle
import shutil
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

import pandas as pd

from redactor.distributed import common
from redactor.distributed.common import RedactorSpec, redact_texts, redact_values, redactor_for
from redactor.errors import ModelError
from redactor.redact import Redacted

log = logging.getLogger("redactor")

T = TypeVar("T")
WINDOW_CHARS = 2_000_000
"""Characters sent to Spark in one job by :class:`SparkExecutor` (a window of batches)."""


#: What to tell a user whose machine has no Java runtime.
JAVA_HINT = ("install a Java 17+ runtime (e.g. `apt-get install openjdk-17-jre-headless`, "
             "or `brew install openjdk@17`) or set JAVA_HOME to one")


def find_java() -> str | None:
    """The ``java`` a local Spark would start: ``$JAVA_HOME/bin/java``, else ``java`` on the
    PATH; None when there is none (pyspark would fail with a gateway error much later)."""
    home = os.environ.get("JAVA_HOME")
    if home:
        java = os.path.join(home, "bin", "java")
        return java if os.path.isfile(java) and os.access(java, os.X_OK) else None
    return shutil.which("java")


def require_java() -> str:
    """The ``java`` to run Spark with, or a ModelError (exit 2) that says what to install."""
    java = find_java()
    if java is None:
        home = os.environ.get("JAVA_HOME")
        why = (f"JAVA_HOME ({home}) holds no bin/java" if home
               else "no `java` on the PATH and JAVA_HOME is not set")
        raise ModelError(f"Spark needs a Java runtime: {why}; {JAVA_HINT}")
    return java


def spark_session(
    address: str | None = None,
    *,
    cores: int = 2,
    scratch: str | None = None,
    app_name: str = "redactor",
) -> Any:
    """A SparkSession: a local cluster with ``cores`` cores, or the cluster at ``address``.

    ``address`` is a master URL (``spark://host:7077``, ``yarn``, ``local[4]``) or a Spark
    Connect URL (``sc://host:15002``). ``scratch`` is where a local cluster keeps its shuffle
    and temporary files. The JVM runs with ``-XX:-UsePerfData`` (no hsperfdata files), the UI
    is off, and the Python workers run this interpreter offline. Except under Spark Connect,
    the driver starts a JVM: without a Java runtime this raises ModelError (what to install).
    """
    from pyspark.sql import SparkSession

    common.go_offline()
    if address and address.startswith("sc://"):
        return SparkSession.builder.remote(address).appName(app_name).getOrCreate()
    require_java()
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    java_opts = "-XX:-UsePerfData"
    builder = (
        SparkSession.builder.master(address or f"local[{cores}]")
        .appName(app_name)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.sql.shuffle.partitions", str(max(1, cores)))
        .config("spark.python.worker.reuse", "true")
    )
    if scratch:
        java_opts += f" -Djava.io.tmpdir={scratch}"
        builder = builder.config("spark.local.dir", scratch)
    builder = builder.config("spark.driver.extraJavaOptions", java_opts).config(
        "spark.executor.extraJavaOptions", java_opts
    )
    for name, value in common.OFFLINE_ENV.items():
        builder = builder.config(f"spark.executorEnv.{name}", value)
    return builder.getOrCreate()


def _batch_results(spec: RedactorSpec) -> Any:
    """A mapInPandas function over rows that each hold one pickled batch of the pipeline.

    Each batch is redacted as one unit, as the local engine does, so a model whose output
    could depend on its batch-mates (padding, quantisation scales) gives identical results.
    """

    def redact_partition(frames: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        engine, ctx = redactor_for(spec)
        for frame in frames:
            out = []
            for payload in frame["payload"]:
                texts, subjects = pickle.loads(payload)
                out.append(pickle.dumps(redact_texts(engine, ctx, texts, subjects)))
            yield pd.DataFrame({"seq": frame["seq"].to_numpy(), "payload": out})

    return redact_partition


def redact_columns(
    df: Any,
    columns: Sequence[str],
    spec: RedactorSpec,
    *,
    suffix: str = "_redacted",
    spans: bool = False,
) -> Any:
    """``df`` with a redacted copy of each of ``columns`` (string columns) added.

    The new column is ``<column><suffix>`` (``suffix=""`` replaces the column). With
    ``spans``, a ``<column>_spans`` column holds the audit record of each cell: a JSON list of
    ``{"start", "end", "label", "recognizer", "score", "action"}`` (offsets in the original
    cell, never its text). Null cells stay null. Build ``spec`` with
    :meth:`RedactorSpec.from_run` or directly (``RedactorSpec(policy_yaml=..., key=...)``).
    """
    from pyspark.sql import functions as F
    from pyspark.sql.types import StringType, StructField, StructType

    result_type = StructType(
        [StructField("text", StringType()), StructField("spans", StringType())]
    )

    @F.pandas_udf(result_type)  # type: ignore[call-overload]
    def redact_udf(batches: Iterator[pd.Series]) -> Iterator[pd.DataFrame]:
        engine, ctx = redactor_for(spec)
        for series in batches:
            texts, audit = redact_values(engine, ctx, series.tolist())
            yield pd.DataFrame({"text": texts, "spans": audit})

    for column in columns:
        tmp = f"__redactor_{column}"
        df = df.withColumn(tmp, redact_udf(F.col(column)))
        df = df.withColumn(column + suffix, F.col(tmp).getField("text"))
        if spans:
            df = df.withColumn(f"{column}_spans", F.col(tmp).getField("spans"))
        df = df.drop(tmp)
    return df


class SparkExecutor:
    """Sends windows of batches to Spark and yields results in order (``--engine spark``)."""

    name = "spark"

    def __init__(self, session: Any, spec: RedactorSpec, *, owns: bool = True,
                 scratch: str | None = None, window_chars: int = WINDOW_CHARS) -> None:
        self.session = session
        self.spec = spec
        self.window_chars = window_chars
        self._owns = owns
        self._scratch = scratch

    @classmethod
    def start(
        cls,
        spec: RedactorSpec,
        *,
        workers: int = 2,
        address: str | None = None,
        scratch: str | None = None,
    ) -> "SparkExecutor":
        """Start (or connect to) Spark and load the engine on its executors once, to fail early."""
        try:
            import pyspark  # noqa: F401
        except ImportError:
            raise ModelError(
                "--engine spark needs pyspark: pip install 'redactor[scale]'"
            ) from None
        scratch, own_scratch = common.scratch_folder(scratch, address, "redactor-spark-")
        started = time.perf_counter()
        session = spark_session(address, cores=workers, scratch=scratch)
        executor = cls(session, spec, scratch=own_scratch)
        try:
            list(executor.map([(None, ["warm-up"], None)]))
        except BaseException:
            executor.close()
            raise
        log.info("spark ready in %.1f s", time.perf_counter() - started)
        return executor

    def _run(self, batches: list[bytes]) -> list[list[Redacted]]:
        """Redact pickled ``(texts, subjects)`` batches on Spark; results in batch order."""
        frame = pd.DataFrame({"seq": range(len(batches)), "payload": batches})
        parts = max(1, min(len(batches), self.session.sparkContext.defaultParallelism))
        df = self.session.createDataFrame(frame, schema="seq long, payload binary")
        try:
            rows = (df.repartition(parts, "seq")
                    .mapInPandas(_batch_results(self.spec), schema="seq long, payload binary")
                    .collect())  # fmt: skip
        except Exception as exc:  # a Py4J / Spark error: its message may quote data
            raise ModelError(f"the Spark job failed ({type(exc).__name__}); see the Spark "
                             "executor logs") from None
        if len(rows) != len(batches):
            raise ModelError(f"Spark returned {len(rows)} results for {len(batches)} batches")
        return [pickle.loads(row["payload"]) for row in sorted(rows, key=lambda r: r["seq"])]

    def map(
        self, jobs: Iterable[tuple[T, Sequence[str], Sequence[str | None] | None]]
    ) -> Iterator[tuple[T, list[Redacted]]]:
        """Each job's results in job order; one Spark job per window of jobs.

        A window closes at :data:`WINDOW_CHARS` characters, so the driver holds a bounded
        number of batches however long the input.
        """
        tags: list[T] = []
        batches: list[bytes] = []
        size = 0
        for tag, texts, subjects in jobs:
            tags.append(tag)
            batches.append(pickle.dumps(
                (list(texts), None if subjects is None else list(subjects))))  # fmt: skip
            size += sum(len(t) for t in texts)
            if size >= self.window_chars:
                yield from zip(tags, self._run(batches), strict=True)
                tags, batches, size = [], [], 0
        if batches:
            yield from zip(tags, self._run(batches), strict=True)

    def close(self) -> None:
        """Stop the session this executor started and remove its scratch folder."""
        if self._owns and self.session is not None:
            self.session.stop()
            self.session = None
        if self._scratch:
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = None
