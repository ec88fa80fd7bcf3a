"""Redaction on Ray: ``ray.data`` datasets, and the ``--engine ray`` executor.

:func:`redact_dataset` adds redacted columns to a ``ray.data.Dataset`` with ``map_batches``
and a stateful callable class (:class:`RedactBatch`): Ray starts a pool of actors, each builds
the engine once from a :class:`~redactor.distributed.common.RedactorSpec` (policy text, key
bytes, run date) and then takes batch after batch. Nothing loaded travels from the driver.
Give the actors GPUs (``num_gpus=1``) when the policy runs a transformer model; reading,
regexes and writing stay in Ray's CPU tasks.

:class:`RayExecutor` is what ``redact --engine ray INPUT OUTPUT`` uses: a fixed set of
redaction actors, fed the pipeline's batches in order with a bounded number in flight; the
pipeline reads, plans and writes locally as with the local engine.

The module is named ``ray_engine`` so that it never shadows the ``ray`` package. Ray is an
optional dependency (``pip install 'redactor[scale]'``).
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

from redactor.distributed import common
from redactor.distributed.common import RedactorSpec, redact_texts, redact_values, redactor_for
from redactor.distributed.executors import ordered_results
from redactor.errors import ModelError, RedactorError
from redactor.redact import Redacted

log = logging.getLogger("redactor")

T = TypeVar("T")
#: Ray's unix socket paths live under its temp dir and must stay under ~107 bytes.
_MAX_TEMP_DIR = 48


def init_ray(
    address: str | None = None, *, cpus: int = 2, scratch: str | None = None
) -> str | None:
    """Connect to the Ray cluster at ``address``, or start a local one with ``cpus`` CPUs.

    A local cluster keeps its files in ``scratch`` (or a short folder under the system temp
    dir when ``scratch`` is too long for Ray's socket paths), runs no dashboard and a small
    object store. Returns the temp dir it created itself, if any (the caller removes it).
    """
    import ray

    common.go_offline()
    if ray.is_initialized():
        return None
    if address:
        ray.init(address=address, ignore_reinit_error=True, log_to_driver=False)
        return None
    created = None
    if scratch is None or len(scratch) > _MAX_TEMP_DIR:
        short = "/tmp" if os.path.isdir("/tmp") else None
        scratch = created = tempfile.mkdtemp(prefix="rdr-ray-", dir=short)
    ray.init(
        num_cpus=cpus,
        include_dashboard=False,
        _temp_dir=scratch,
        object_store_memory=256 * 2**20,
        ignore_reinit_error=True,
        log_to_driver=False,
        configure_logging=False,
    )
    return created


class RedactBatch:
    """A ``map_batches`` callable: builds the engine once per actor, redacts pandas batches.

    For each of ``columns`` it adds ``<column><suffix>`` and, with ``spans``,
    ``<column>_spans`` (the audit record of each cell as JSON). Null cells stay null.
    """

    def __init__(self, spec: RedactorSpec, columns: Sequence[str], suffix: str = "_redacted",
                 spans: bool = False) -> None:
        self.engine, self.ctx = redactor_for(spec)
        self.columns = list(columns)
        self.suffix = suffix
        self.spans = spans

    def __call__(self, batch: Any) -> Any:
        out = batch.copy()
        for column in self.columns:
            texts, audit = redact_values(self.engine, self.ctx, batch[column].tolist())
            out[column + self.suffix] = texts
            if self.spans:
                out[f"{column}_spans"] = audit
        return out


def redact_dataset(
    ds: Any,
    columns: Sequence[str],
    spec: RedactorSpec,
    *,
    suffix: str = "_redacted",
    spans: bool = False,
    concurrency: int = 2,
    batch_size: int = 256,
    num_gpus: float = 0,
) -> Any:
    """``ds`` with a redacted copy of each of ``columns`` added (lazily, like any Ray dataset).

    ``concurrency`` actors each load the engine once; ``num_gpus`` per actor for a GPU model.
    """
    return ds.map_batches(
        RedactBatch,
        fn_constructor_args=(spec, list(columns)),
        fn_constructor_kwargs={"suffix": suffix, "spans": spans},
        batch_format="pandas",
        batch_size=batch_size,
        concurrency=concurrency,
        num_cpus=1,
        num_gpus=num_gpus,
    )


class _Redactor:
    """The actor behind :class:`RayExecutor` (wrapped with ``ray.remote`` at start)."""

    def __init__(self, spec: RedactorSpec) -> None:
        started = time.perf_counter()
        self.error: RedactorError | None = None
        try:
            redactor_for(spec)
        except RedactorError as exc:
            self.error = exc
        except Exception as exc:  # reported with its type only
            self.error = ModelError(f"a Ray actor could not load the engine ({type(exc).__name__})")
        self.spec = spec
        self.load_seconds = time.perf_counter() - started

    def ready(self) -> float:
        if self.error is not None:
            raise self.error
        return self.load_seconds

    def redact(self, texts: list[str], subjects: list[str | None] | None) -> list[Redacted]:
        if self.error is not None:
            raise self.error
        engine, ctx = redactor_for(self.spec)
        try:
            return redact_texts(engine, ctx, texts, subjects)
        except RedactorError:
            raise
        except Exception as exc:  # its message could quote text: keep only the type
            raise ModelError(f"a Ray actor failed on a batch ({type(exc).__name__})") from None


def _unwrap(exc: BaseException) -> RedactorError:
    cause = getattr(exc, "cause", None)
    if isinstance(cause, RedactorError):
        return cause
    return ModelError(f"the Ray job failed ({type(exc).__name__}); see the Ray logs")


class RayExecutor:
    """``workers`` Ray actors, each with its own engine, fed batches in order (``--engine ray``)."""

    name = "ray"

    def __init__(self, actors: list[Any], *, created_dirs: Sequence[str | None] = (),
                 owns: bool = True) -> None:
        self.actors = actors
        self.window = 2 * len(actors)
        self._created_dirs = [d for d in created_dirs if d]
        self._owns = owns
        self._next = 0

    @classmethod
    def start(
        cls,
        spec: RedactorSpec,
        *,
        workers: int = 2,
        address: str | None = None,
        scratch: str | None = None,
    ) -> RayExecutor:
        """Start (or join) Ray and ``workers`` actors; wait until each has loaded the engine."""
        try:
            import ray
        except ImportError:
            raise ModelError("--engine ray needs ray: pip install 'redactor[scale]'") from None
        scratch, own_scratch = common.scratch_folder(scratch, address, "rdr-ray-")
        started = time.perf_counter()
        created = init_ray(address, cpus=workers, scratch=scratch)
        remote = ray.remote(num_cpus=1)(_Redactor)
        actors = [remote.remote(spec) for _ in range(workers)]  # type: ignore[attr-defined]
        executor = cls(actors, created_dirs=(created, own_scratch))
        try:
            ray.get([a.ready.remote() for a in actors])
        except Exception as exc:
            executor.close()
            raise _unwrap(exc) from None
        log.info("ray ready in %.1f s", time.perf_counter() - started)
        return executor

    def map(
        self, jobs: Iterable[tuple[T, Sequence[str], Sequence[str | None] | None]]
    ) -> Iterator[tuple[T, list[Redacted]]]:
        """Each job's results in job order, two batches per actor in flight at most."""
        import ray

        def submit(texts: Sequence[str], subjects: Sequence[str | None] | None) -> Any:
            actor = self.actors[self._next % len(self.actors)]
            self._next += 1
            return actor.redact.remote(list(texts), None if subjects is None else list(subjects))

        def result(ref: Any) -> list[Redacted]:
            try:
                return ray.get(ref)
            except Exception as exc:
                raise _unwrap(exc) from None

        return ordered_results(jobs, submit, self.window, result)

    def close(self) -> None:
        """Stop the actors, and the local cluster this executor started."""
        import ray

        for actor in self.actors:
            ray.kill(actor)
        self.actors = []
        if self._owns and ray.is_initialized():
            ray.shutdown()
        for folder in self._created_dirs:
            shutil.rmtree(folder, ignore_errors=True)
        self._created_dirs = []
