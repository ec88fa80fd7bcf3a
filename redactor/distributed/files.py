"""Whole files in worker processes: with ``--workers N``, a folder of many small files keeps
every worker busy by sending small files whole to the workers, a few at a time (their texts
detected in one run), while a large file is split into batches that all the workers share.
Outputs are still written by the main process, one file at a time and in plan order."""

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
#: Small files go to a worker in groups of up to this many files and a quarter of a batch's
#: characters: one detector run per group rather than per file (a run per file of a few
#: hundred characters cost spaCy and the transformer a quarter more per character), groups
#: small enough that every worker stays busy to the end.
GROUP_FILES = 64
GROUP_BATCH_SHARE = 4

Outcome = tuple[FileJob, FilePart | FileFailure]


@dataclass(frozen=True)
class RenderedFile:
    """A file redacted by a worker: its output text and audit part, for the main process to
    write (atomically, after the vault entries, as for any other file)."""

    text: str
    part: FilePart
    vault_entries: list[VaultDocument] | None


def file_size(source: Path) -> int | None:
    """The size of the file at ``source`` in bytes, None where it cannot be read."""
    try:
        return source.stat().st_size
    except OSError:
        return None


def is_small(source: Path, batch_chars: int) -> bool:
    """Whether the file at ``source`` goes whole to one worker (:data:`WHOLE_FILE_BATCHES`)."""
    size = file_size(source)
    return size is not None and size <= WHOLE_FILE_BATCHES * batch_chars  # None: the usual path


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
    render: Callable[..., list[RenderedFile | FileFailure]] | None = None,
    render_args: tuple[Any, ...] = (),
    write: Callable[[FileJob, RenderedFile], FilePart] | None = None,
    on_progress: Callable[[str, int], None] | None = None,
    group_chars: int = 0,
) -> Iterator[Outcome]:
    """Each file's part, or why it failed, in plan order (one bad file never stops the run).

    ``process`` redacts and writes a file in this process (its batches perhaps spread over
    the workers). With a ``pool``, consecutive ``small`` files are redacted whole in a worker,
    in groups of up to :data:`GROUP_FILES` files and ``group_chars`` bytes, by
    ``render(group, *render_args)`` (one result per file; up to the pool's ``window`` groups
    at a time; ``render`` travels by name: a module-level function), and each result is
    ``write``-n here. Closing the iterator cancels the groups still in flight.
    """
    in_flight: deque[tuple[list[FileJob], Future[list[RenderedFile | FileFailure]]]] = deque()
    group: list[FileJob] = []
    group_size = 0

    def finish(job: FileJob, rendered: RenderedFile | FileFailure) -> Outcome:
        assert write is not None
        if isinstance(rendered, FileFailure):
            return job, rendered
        try:
            part = write(job, rendered)
        except Exception as exc:
            return job, FileFailure.of(exc)
        if on_progress is not None:
            on_progress("documents", part.documents)
        return job, part

    def finish_group() -> Iterator[Outcome]:
        assert pool is not None
        jobs_, future = in_flight.popleft()
        try:
            results = pool.result(future)
        except Exception as exc:
            results = [FileFailure.of(exc)] * len(jobs_)
        for job, rendered in zip(jobs_, results, strict=True):
            yield finish(job, rendered)

    def submit() -> Iterator[Outcome]:
        nonlocal group, group_size
        assert pool is not None
        if group:
            in_flight.append((group, pool.submit(render, group, *render_args)))
            group, group_size = [], 0
        while len(in_flight) >= pool.window:
            yield from finish_group()

    try:
        for job in jobs:
            if pool is not None and render is not None and small(job):
                size = file_size(job.source) or 0
                if group and (len(group) >= GROUP_FILES or group_size + size > group_chars):
                    yield from submit()
                group.append(job)
                group_size += size
                continue
            if pool is not None:
                yield from submit()
            while in_flight:
                yield from finish_group()
            try:
                yield job, process(job)
            except Exception as exc:  # its message could quote text: FileFailure.of keeps it out
                yield job, FileFailure.of(exc)
        if pool is not None:
            yield from submit()
        while in_flight:
            yield from finish_group()
    finally:
        for _, future in in_flight:
            future.cancel()
