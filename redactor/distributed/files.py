"""Whole files in worker processes: with ``--workers N``, a folder of many small files keeps
every worker busy by sending each small file whole to one worker, while a large file is split
into batches that all the workers share. Outputs are still written by the main process, one
file at a time and in plan order."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from redactor.distributed.executors import BatchExecutor, ProcessExecutor
from redactor.formats.plan import FileJob
from redactor.runlog import FileFailure, FilePart
from redactor.vault.store import VaultDocument

#: A file of up to this many batches' worth of characters is redacted whole by one worker
#: (``--workers N``), so a folder of many small files keeps every worker busy; a larger file
#: is split into batches that all the workers share.
WHOLE_FILE_BATCHES = 4

Outcome = tuple[FileJob, FilePart | FileFailure]


@dataclass(frozen=True)
class RenderedFile:
    """A file redacted by a worker: its output text and audit part, for the main process to
    write (atomically, after the vault entries, as for any other file)."""

    text: str
    part: FilePart
    vault_entries: list[VaultDocument] | None


def is_small(source: Path, batch_chars: int) -> bool:
    """Whether the file at ``source`` goes whole to one worker (:data:`WHOLE_FILE_BATCHES`)."""
    try:
        size = source.stat().st_size
    except OSError:
        return False  # the usual path reports it
    return size <= WHOLE_FILE_BATCHES * batch_chars


def whole_file_pool(executor: BatchExecutor) -> ProcessExecutor | None:
    """``executor`` when it takes whole files: worker processes that hold every model. Workers
    that lack the transformer (it runs in the main process, on the GPU) only take batches with
    its spans, so whole files stay in the main process's batch route."""
    return executor if isinstance(executor, ProcessExecutor) and not executor.models else None


def file_outcomes(
    jobs: Iterable[FileJob],
    process: Callable[[FileJob], FilePart],
    *,
    pool: ProcessExecutor | None = None,
    small: Callable[[FileJob], bool] = lambda job: False,
    render: Callable[..., RenderedFile | FileFailure] | None = None,
    render_args: tuple[Any, ...] = (),
    write: Callable[[FileJob, RenderedFile], FilePart] | None = None,
    on_progress: Callable[[str, int], None] | None = None,
) -> Iterator[Outcome]:
    """Each file's part, or why it failed, in plan order (one bad file never stops the run).

    ``process`` redacts and writes a file in this process (its batches perhaps spread over
    the workers). With a ``pool``, each ``small`` file is redacted whole in a worker by
    ``render(job, *render_args)`` (up to the pool's ``window`` at a time; ``render`` travels by
    name: a module-level function) and its result ``write``-n here. Closing the iterator
    cancels the files still in flight.
    """
    in_flight: deque[tuple[FileJob, Future[RenderedFile | FileFailure]]] = deque()

    def finish(job: FileJob, future: Future[RenderedFile | FileFailure]) -> Outcome:
        assert pool is not None and write is not None
        try:
            rendered = pool.result(future)
            if isinstance(rendered, FileFailure):
                return job, rendered
            part = write(job, rendered)
        except Exception as exc:
            return job, FileFailure.of(exc)
        if on_progress is not None:
            on_progress("documents", part.documents)
        return job, part

    try:
        for job in jobs:
            if pool is not None and render is not None and small(job):
                in_flight.append((job, pool.submit(render, job, *render_args)))
                while len(in_flight) >= pool.window:
                    yield finish(*in_flight.popleft())
                continue
            while in_flight:
                yield finish(*in_flight.popleft())
            try:
                yield job, process(job)
            except Exception as exc:  # its message could quote text: FileFailure.of keeps it out
                yield job, FileFailure.of(exc)
        while in_flight:
            yield finish(*in_flight.popleft())
    finally:
        for _, future in in_flight:
            future.cancel()
