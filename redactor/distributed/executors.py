"""Where batches of texts get redacted: in this process, in N worker processes, or on a cluster.

The pipeline reads records, groups them into batches and writes each batch's output in input
order. In between, a *batch executor* redacts the batch's texts. Every executor has the same
shape, :meth:`BatchExecutor.map`: an iterable of jobs ``(tag, texts, subjects)`` in, an
iterator of ``(tag, results)`` out, in the order the jobs came. The tag stays in the calling
process (it carries the records that render the output); only texts and subjects travel.

* :class:`LocalExecutor` redacts in the calling process (the default, ``--workers 1``).
* :class:`ProcessExecutor` (``--workers N``) starts N processes. Each loads the engine once,
  from a :class:`~redactor.distributed.common.RedactorSpec`, and then takes batch after batch.
  When the transformer runs on a GPU (:func:`models_in_main`), it stays in the calling process
  alone: that process runs it on each batch, with the device's large batches, and sends its
  spans with the texts to workers that run the CPU detectors, resolve and transform.
  At most ``window`` batches are in flight, so memory stays bounded however long the input;
  reading the next batches and writing finished ones go on in the calling process meanwhile.
  A failure in a worker (an exception, or a worker that dies) surfaces as a
  :class:`~redactor.errors.ModelError` naming the error type, never as a hang.
* ``redactor.distributed.spark`` and ``redactor.distributed.ray_engine`` provide executors
  that send batches to a Spark or Ray cluster.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Protocol, TypeVar

from redactor.detect.base import Recognizer
from redactor.detect.engine import Engine, run_recognizers
from redactor.distributed.common import RedactorSpec, redact_texts, redactor_for
from redactor.errors import ModelError, RedactorError
from redactor.redact import Redacted, distinct
from redactor.span import Span
from redactor.transform.pseudonyms import PseudonymContext

log = logging.getLogger("redactor")

T = TypeVar("T")
R = TypeVar("R")
Subjects = Sequence[str | None] | None
Job = tuple[T, Sequence[str], Subjects]


class BatchExecutor(Protocol):
    """Redacts batches of texts and hands back the results in job order."""

    name: str

    def map(self, jobs: Iterable[Job[T]]) -> Iterator[tuple[T, list[Redacted]]]:
        """``(tag, results)`` for each ``(tag, texts, subjects)`` job, in the order given."""
        ...

    def close(self) -> None:
        """Release workers or cluster connections."""
        ...


class LocalExecutor:
    """Redacts in the calling process with an already loaded engine."""

    name = "local"

    def __init__(self, engine: Engine, ctx: PseudonymContext | None) -> None:
        self.engine = engine
        self.ctx = ctx

    def map(self, jobs: Iterable[Job[T]]) -> Iterator[tuple[T, list[Redacted]]]:
        """Each job's results, computed when the caller asks for them."""
        for tag, texts, subjects in jobs:
            # a batch whose texts all skipped detection costs no recognizer call
            yield tag, redact_texts(self.engine, self.ctx, texts, subjects) if texts else []

    def close(self) -> None:
        """Nothing to release."""

    def __enter__(self) -> LocalExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# --------------------------------------------------------------------------- worker side

_WORKER: dict[str, Any] = {}


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity, which containers and ``taskset``
    narrow), else the machine's count."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not Linux
        return max(1, os.cpu_count() or 1)


def threads_per_worker(workers: int, cores: int | None = None) -> int:
    """Intra-op threads for each of ``workers`` processes, so that workers x threads <= cores
    (one at least)."""
    return max(1, (usable_cores() if cores is None else cores) // max(1, workers))


def _limit_threads(threads: int) -> None:
    """Cap the math libraries' thread pools of this process at ``threads``: the environment
    for those not yet started (OpenMP, OpenBLAS, MKL: read when torch or numpy loads), and
    torch's intra-op pool (which ONNX Runtime sessions follow) where torch is loaded."""
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, str(threads))
    torch = sys.modules.get("torch")
    if torch is not None:
        torch.set_num_threads(threads)


def peak_rss(pid: int) -> int | None:
    """The peak resident memory of process ``pid`` so far, in bytes (``VmHWM`` in Linux's
    /proc); None where it cannot be read."""
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def _init_worker(spec: RedactorSpec, threads: int) -> None:
    """Runs once in each worker process: cap its threads, load the engine (or remember why it
    failed)."""
    _limit_threads(threads)
    os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
    started = time.perf_counter()
    try:
        redactor_for(spec)
        _limit_threads(threads)  # torch, if the engine loaded it, follows the cap too
    except RedactorError as exc:
        _WORKER["error"] = exc
    except Exception as exc:  # reported with its type on the first batch
        _WORKER["error"] = ModelError(
            f"a worker could not load the engine ({type(exc).__name__})"
        )
    _WORKER["spec"] = spec
    _WORKER["load_seconds"] = time.perf_counter() - started
    _WORKER["threads"] = threads


def worker_engine() -> tuple[Engine, PseudonymContext | None]:
    """The engine and pseudonym context of this worker process (raises if loading failed).

    For functions run in a worker with :meth:`ProcessExecutor.submit`.
    """
    error = _WORKER.get("error")
    if error is not None:
        raise error
    return redactor_for(_WORKER["spec"])


def _worker_ping(delay: float = 0.0) -> tuple[int, float]:
    """The worker's pid and how long its engine took to load (raises if loading failed)."""
    worker_engine()
    if delay:
        time.sleep(delay)  # keeps this worker busy so the next ping reaches another one
    return os.getpid(), float(_WORKER.get("load_seconds", 0.0))


def _worker_redact(
    texts: Sequence[str], subjects: Subjects, extra: Sequence[Sequence[Span]] | None = None
) -> list[Redacted]:
    engine, ctx = worker_engine()
    try:
        return redact_texts(engine, ctx, texts, subjects, extra)
    except RedactorError:
        raise
    except Exception as exc:  # its message could quote text: keep only the type
        raise ModelError(
            f"a worker failed while redacting a batch of {len(texts)} text(s) "
            f"({type(exc).__name__})"
        ) from None


# --------------------------------------------------------------------------- calling side


def ordered_results(
    jobs: Iterable[Job[T]],
    submit: Any,
    window: int,
    result: Any = None,
) -> Iterator[tuple[T, Any]]:
    """Submit jobs as the iterator yields them, keep ``window`` in flight, yield in job order.

    ``submit(texts, subjects)`` returns a handle; ``result(handle)`` waits for it (default:
    ``handle.result()``). Handles still pending when the consumer stops are cancelled.
    """
    get = result or (lambda handle: handle.result())
    pending: deque[tuple[T, Any]] = deque()
    try:
        for tag, texts, subjects in jobs:
            pending.append((tag, submit(texts, subjects)))
            while len(pending) >= window:
                tag0, handle = pending.popleft()
                yield tag0, get(handle)
        while pending:
            tag0, handle = pending.popleft()
            yield tag0, get(handle)
    finally:
        for _, handle in pending:
            cancel = getattr(handle, "cancel", None)
            if cancel is not None:
                cancel()


class ProcessExecutor:
    """``workers`` processes on this machine, each with its own engine, fed batch by batch.

    Use as a context manager, or call :meth:`start` (loads every worker's engine, so a model
    that cannot load fails before any output) and :meth:`close`.
    """

    name = "processes"

    def __init__(
        self,
        spec: RedactorSpec,
        workers: int,
        window: int | None = None,
        models: Sequence[Recognizer] = (),
    ) -> None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        if bool(models) != bool(spec.exclude):
            raise ValueError("models run here exactly when the workers' spec excludes them")
        self.spec = spec
        self.workers = workers
        self.window = window or 2 * workers
        self.models = list(models)
        self.load_seconds = 0.0
        self.threads = threads_per_worker(workers)
        self._pool: ProcessPoolExecutor | None = None
        self._peaks: dict[int, int] = {}

    def start(self) -> ProcessExecutor:
        """Start the workers and wait until each has loaded the engine."""
        if self._pool is not None:
            return self
        self._pool = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(self.spec, self.threads),
        )
        started = time.perf_counter()
        try:
            # A short sleep in each ping keeps one worker from answering them all.
            pings = [self._pool.submit(_worker_ping, 0.05) for _ in range(self.workers)]
            loads = [self.result(f) for f in pings]
        except BaseException:
            self.close()
            raise
        self.load_seconds = time.perf_counter() - started
        log.info("%d worker(s) ready in %.1f s (engine load %.1f s each at most)",
                 self.workers, self.load_seconds, max(s for _, s in loads))
        return self

    def submit(self, fn: Callable[..., R], *args: Any) -> Future[R]:
        """Run ``fn(*args)`` in a worker, where :func:`worker_engine` gives its loaded engine.

        ``fn`` must be a module-level function (workers are spawned: it travels by name).
        Wait for the result with :meth:`result`.
        """
        pool = self.start()._pool
        assert pool is not None
        try:
            return pool.submit(fn, *args)
        except BrokenProcessPool:
            raise ModelError("the worker processes are no longer running "
                             "(one died earlier in this run)") from None

    def result(self, future: Future[R]) -> R:
        """The value of a submitted call; a worker that died is a clear ModelError."""
        try:
            return future.result()
        except BrokenProcessPool:
            raise ModelError(
                "a worker process died (killed, out of memory, or crashed in native code); "
                "the run stops rather than hang. Try fewer --workers or a smaller batch"
            ) from None

    def map(self, jobs: Iterable[Job[T]]) -> Iterator[tuple[T, list[Redacted]]]:
        """Each job's results in job order, ``window`` batches in flight at most."""
        self.start()

        def submit(texts: Sequence[str], subjects: Subjects) -> Future[list[Redacted]]:
            if not texts:  # every text of the batch skipped detection: nothing to send
                done: Future[list[Redacted]] = Future()
                done.set_result([])
                return done
            # The models of the calling process (a transformer on the GPU) run on this batch
            # while the workers redact the earlier ones; their spans travel with the texts.
            extra = detect_with(self.models, texts) if self.models else None
            return self.submit(_worker_redact, list(texts),
                               None if subjects is None else list(subjects), extra)

        return ordered_results(jobs, submit, self.window, self.result)

    def worker_peak_rss(self) -> list[int]:
        """The peak resident memory of each worker process so far, in bytes (Linux; empty
        where /proc cannot be read). Kept after :meth:`close`."""
        if self._pool is not None:
            for pid in list(getattr(self._pool, "_processes", None) or {}):
                peak = peak_rss(pid)
                if peak is not None:
                    self._peaks[pid] = max(peak, self._peaks.get(pid, 0))
        return [self._peaks[pid] for pid in sorted(self._peaks)]

    def close(self) -> None:
        """Stop the workers (pending batches are cancelled)."""
        if self._pool is not None:
            self.worker_peak_rss()  # their last figures, before the processes exit
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> ProcessExecutor:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()


def detect_with(recognizers: Sequence[Recognizer], texts: Sequence[str]) -> list[list[Span]]:
    """The raw spans of ``recognizers`` for each text; each distinct text is detected once."""
    index, unique = distinct(texts)
    found = run_recognizers(recognizers, unique)
    return [found[index[text]] for text in texts]


ENGINES = ("local", "spark", "ray")
PLACEMENTS = ("auto", "main", "workers")


def models_in_main(engine: Engine, placement: str = "auto") -> list[Recognizer]:
    """The recognizers that ``--workers N`` runs in the main process rather than in each worker.

    ``main``: the transformer runs in the calling process, which feeds it whole batches while
    the workers run patterns, names and spaCy and write nothing but results; ``workers``: each
    worker loads its own copy; ``auto``: ``main`` when the transformer runs on a GPU (one copy
    on the device, large batches), else ``workers`` (on a CPU, N copies use N cores).
    """
    if placement not in PLACEMENTS:
        raise ModelError(
            f"unknown model placement {placement!r}; choose one of {', '.join(PLACEMENTS)}"
        )
    models = engine.model_recognizers()
    if placement == "workers" or not models:
        return []
    if placement == "main":
        return models
    on_gpu = [m for m in models if not getattr(m, "surely_on_cpu", False)
              and getattr(m, "runtime", {}).get("device", "cpu") != "cpu"]
    return models if on_gpu else []


def open_executor(
    engine: Engine,
    ctx: PseudonymContext | None,
    *,
    kind: str = "local",
    workers: int = 1,
    address: str | None = None,
    scratch: str | None = None,
    model_placement: str = "auto",
) -> BatchExecutor:
    """The executor a run asked for; loads what it needs now (fails before any output).

    The models load where they run: in this process for one worker, in each worker process
    for local workers (which report a model that cannot load as its own clear error; this
    process then loads only the models placed here), and here as well as on the cluster for
    Spark and Ray.

    ``kind`` is ``local`` (this machine: the calling process when ``workers`` is 1, else
    ``workers`` processes), ``spark`` or ``ray`` (a local cluster with ``workers`` cores, or
    the cluster at ``address``). ``scratch`` is where a local cluster keeps its temporary files.
    ``model_placement`` says where the transformer runs with local workers
    (:func:`models_in_main`).
    """
    if kind not in ENGINES:
        raise ModelError(f"unknown engine {kind!r}; choose one of {', '.join(ENGINES)}")
    if workers < 1:
        raise ModelError("--workers must be at least 1")
    if kind == "local":
        if workers == 1:
            return LocalExecutor(engine.load(), ctx)
        models = models_in_main(engine, model_placement)
        for model in models:
            getattr(model, "load", lambda: None)()
        exclude = ("transformer",) if models else ()
        spec = RedactorSpec.from_run(engine.policy, ctx, exclude, engine.device)
        return ProcessExecutor(spec, workers, models=models).start()
    engine.load()
    spec = RedactorSpec.from_run(engine.policy, ctx, device=engine.device)
    if kind == "spark":
        from redactor.distributed.spark import SparkExecutor

        return SparkExecutor.start(spec, workers=workers, address=address, scratch=scratch)
    from redactor.distributed.ray_engine import RayExecutor

    return RayExecutor.start(spec, workers=workers, address=address, scratch=scratch)
