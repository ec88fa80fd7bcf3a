"""``--workers auto`` (the command line's default): how many worker processes a run starts.

A worker costs its start-up: a fresh interpreter that imports redactor and loads the policy's
models, while the main process has loaded them already. Measured on the 2-core development
machine with ``hipaa-fast``, whole ``redact`` commands on folders of corpus documents
(``benchmarks/bench.py --folder-files N --folder-workers 1,2,auto``, docs/scale.md): 10 files
(6 KB) took 4.7 s in one process and 8.4 s with 2 workers; 200 files (125 KB) 12.9 s and
11.9 s; 400 files (255 KB) 20.5 s and 17.1 s. Two workers pay for themselves from about
130 KB on that busy machine, and from about 225 KB on a quiet one (3 s of start-up against the
12 us per character they save there, from ``bench.py``'s one-process and two-worker rates).
Hence the rule, for the local engine:

* one usable core (CPU affinity): no worker, the run stays in this process;
* streaming (``-`` as INPUT or OUTPUT): no worker (one record at a time, in order, and a
  pipe is often short);
* otherwise one worker per :data:`AUTO_BYTES_PER_WORKER` bytes of input still to do, one per
  usable core at most, and no more than the pieces of work the input splits into (a file of up
  to four batches goes whole to one worker; a larger one is shared batch by batch); when that
  comes to one, no worker.

With ``--engine spark|ray``, ``auto`` is the number of usable cores: a cluster run was asked
for. ``--workers N`` is taken as given.
"""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Sequence
from typing import Any

from redactor.distributed.executors import BatchExecutor, ProcessExecutor, peak_rss, usable_cores
from redactor.distributed.files import WHOLE_FILE_BATCHES

AUTO = "auto"

#: Input bytes that keep one more worker busy long enough to repay its start-up.
AUTO_BYTES_PER_WORKER = 100_000


def parse_workers(value: str | int) -> int | str:
    """``auto`` or a whole number of at least 1 (else ValueError)."""
    if isinstance(value, int):
        number = value
    elif value.strip().lower() == AUTO:
        return AUTO
    else:
        number = int(value.strip())
    if number < 1:
        raise ValueError("workers must be at least 1")
    return number


def pieces(sizes: Sequence[int], batch_chars: int) -> int:
    """How many pieces of work files of these sizes (bytes) split into across workers: one per
    file that goes whole to a worker, one per batch of a larger file."""
    whole = WHOLE_FILE_BATCHES * batch_chars
    return sum(1 if size <= whole else math.ceil(size / batch_chars) for size in sizes)


def auto_workers(sizes: Sequence[int], batch_chars: int, *, cores: int,
                 streaming: bool = False) -> int:
    """The worker count of ``auto`` for a local run over inputs of ``sizes`` bytes on
    ``cores`` usable cores (1 means: in this process, no worker)."""
    if streaming or cores <= 1:
        return 1
    by_size = sum(sizes) // AUTO_BYTES_PER_WORKER
    return max(1, min(cores, by_size, pieces(sizes, batch_chars)))


def resolve_workers(requested: int | str, engine: str, sizes: Sequence[int], batch_chars: int,
                    *, streaming: bool = False, cores: int | None = None) -> int:
    """The number of workers a run starts: ``requested`` when it is a number, else
    :func:`auto_workers` (local engine) or every usable core (a cluster engine)."""
    if requested != AUTO:
        return int(requested)
    cores = usable_cores() if cores is None else cores
    if engine != "local":
        return cores
    return auto_workers(sizes, batch_chars, cores=cores, streaming=streaming)


def process_peak_rss(pid: int | None = None) -> int | None:
    """Peak resident memory of process ``pid`` (default: this one), in bytes: /proc's
    ``VmHWM``, else ``getrusage`` for this process; None where neither can be read."""
    peak = peak_rss(os.getpid() if pid is None else pid)
    if peak is not None or pid is not None:
        return peak
    try:
        import resource
    except ImportError:  # not Unix
        return None
    scale = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB on Linux
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) * scale


def _mb(value: int | None) -> float | None:
    return None if value is None else round(value / 2**20, 1)


def execution_record(executor: BatchExecutor, requested: int | str, engine: str,
                     workers: int = 1) -> dict[str, Any]:
    """How the run was executed, for ``run.json``: the engine, the workers asked for
    (``requested``) and started (``workers``; ``worker_processes`` 0: in this process; on a
    cluster engine, ``cluster_workers``), the usable cores, the threads of each worker and the
    peak resident memory (MB) of this process and of each local worker process. No document
    data."""
    record: dict[str, Any] = {
        "engine": engine,
        "workers_requested": str(requested),
        "worker_processes": executor.workers if isinstance(executor, ProcessExecutor) else 0,
        "cores": usable_cores(),
    }
    if engine != "local":
        record["cluster_workers"] = workers
    peaks: dict[str, Any] = {"main": _mb(process_peak_rss())}
    if isinstance(executor, ProcessExecutor):
        record["threads_per_worker"] = executor.threads
        peaks["workers"] = [_mb(p) for p in executor.worker_peak_rss()]
    record["peak_rss_mb"] = peaks
    return record


def execution_line(record: dict[str, Any]) -> str:
    """``record`` (:func:`execution_record`) as the summary's line: workers and memory."""
    peaks = record.get("peak_rss_mb", {})
    main = peaks.get("main")
    memory = f"peak RSS {'?' if main is None else f'{main:,.0f}'} MB in this process"
    workers = record.get("worker_processes", 0)
    if not workers:
        where = f"in this process (--workers {record.get('workers_requested')}"
        where += f", {record.get('cores')} core(s))"
        return f"{where}; {memory}"
    each = ", ".join(f"{p:,.0f}" for p in peaks.get("workers", []) if p is not None) or "?"
    return (f"{workers} worker process(es) (--workers {record.get('workers_requested')}, "
            f"{record.get('cores')} core(s), {record.get('threads_per_worker')} thread(s) each); "
            f"{memory}, per worker {each} MB")
