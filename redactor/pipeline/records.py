"""Redaction of records: batches of documents through the engine (in this process or in
workers), each batch's output written in input order, with the file's audit part and its
vault entries. Where the output goes, and when, is :mod:`redactor.pipeline.runner`'s business."""

from __future__ import annotations

import io
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TextIO

from redactor.detect.engine import Engine
from redactor.distributed.common import redact_texts
from redactor.distributed.executors import BatchExecutor, LocalExecutor, worker_engine
from redactor.distributed.files import RenderedFile
from redactor.document import Document
from redactor.formats.base import Record
from redactor.formats.plan import FileJob
from redactor.formats.reading import open_input, read_records
from redactor.pipeline.config import RunConfig
from redactor.pipeline.skipping import engine_may_skip, to_detect
from redactor.pipeline.subjects import subject_for
from redactor.redact import Redacted
from redactor.runlog import FileFailure, FilePart
from redactor.transform.columns import typed_result
from redactor.transform.operators import REVERSIBLE_ACTIONS
from redactor.transform.pseudonyms import PseudonymContext
from redactor.util.hashing import sha256_file
from redactor.vault.store import VaultDocument, document_entry

ProgressHook = Callable[[str, int], None]


def _batches(records: Iterable[Record], max_chars: int, max_records: int) -> Iterator[list[Record]]:
    """Records in batches of about ``max_chars`` characters, ``max_records`` at most."""
    batch: list[Record] = []
    size = 0
    for record in records:
        batch.append(record)
        size += sum(len(doc.text) for doc in record.documents)
        if size >= max_chars or len(batch) >= max_records:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _with_skipped(documents: list[Document], sent: list[int],
                  detected: list[Redacted]) -> list[Redacted]:
    """One result per document: the detected ones where they were sent, the text unchanged
    (no span, no replacement) for those that skipped detection."""
    if len(sent) == len(documents):
        return detected
    results = [Redacted(doc.text, (), ()) for doc in documents]
    for i, result in zip(sent, detected, strict=True):
        results[i] = result
    return results


#: One batch of a file's records ready for detection: the records, their documents, each
#: document's subject, and the indexes of the documents sent to the detectors.
BatchMeta = tuple[list[Record], list[Document], list[str | None], list[int]]
Job = tuple[BatchMeta, list[str], list[str | None]]


def _jobs(records: Iterable[Record], part: FilePart, config: RunConfig, skip: bool
          ) -> Iterator[Job]:
    """The detection jobs of a file's records: each batch, its texts to detect and their
    subjects (texts with no letter or digit go to no detector, :mod:`.skipping`)."""
    for batch in _batches(records, config.batch_chars, config.batch_records):
        documents = [doc for record in batch for doc in record.documents]
        subjects = [subject_for(doc, part.file, config.subject_field) for doc in documents]
        sent = to_detect([doc.text for doc in documents], skip)
        yield ((batch, documents, subjects, sent), [documents[i].text for i in sent],
               [subjects[i] for i in sent])


def _write_batch(
    meta: BatchMeta,
    detected: list[Redacted],
    out: TextIO,
    engine: Engine,
    ctx: PseudonymContext | None,
    part: FilePart,
    config: RunConfig,
    vault_entries: list[VaultDocument] | None,
) -> int:
    """Write one batch's records with their documents' results, add them to the audit
    ``part`` (and the vault entries); how many documents it held."""
    batch, documents, subjects, sent = meta
    results = _with_skipped(documents, sent, detected)
    column_types = dict(config.column_types)
    new_text = {}
    for doc, result, subject in zip(documents, results, subjects, strict=True):
        if column_types:
            result = typed_result(doc, result, column_types, engine.policy, ctx, subject)
        new_text[doc.id] = result.text
        if result.replacements or not doc.meta.get("key"):  # keys: only where found
            part.add(doc.id, list(result.replacements))
        if vault_entries is not None:
            entry = document_entry(doc.id, subject, part.file, doc.text, result.text,
                                   result.replacements, REVERSIBLE_ACTIONS)
            if entry is not None:
                vault_entries.append(entry)
    for record in batch:
        out.write(record.render(new_text))
    part.records += sum(any(not d.meta.get("key") for d in r.documents) for r in batch)
    return len(documents)


def redact_stream(
    records: Iterable[Record],
    out: TextIO,
    engine: Engine,
    ctx: PseudonymContext | None,
    part: FilePart,
    config: RunConfig,
    on_documents: ProgressHook | None = None,
    vault_entries: list[VaultDocument] | None = None,
    executor: BatchExecutor | None = None,
) -> None:
    """Redact records batch by batch, writing each batch's output as soon as it is done.

    With ``vault_entries``, the reversible replacements of each document are appended to it.
    ``executor`` redacts the batches (default: this process); output stays in input order.
    """
    runner = executor if executor is not None else LocalExecutor(engine, ctx)
    jobs = _jobs(records, part, config, engine_may_skip(engine))
    for meta, detected in runner.map(jobs):
        count = _write_batch(meta, detected, out, engine, ctx, part, config, vault_entries)
        out.flush()
        if on_documents is not None:
            on_documents("documents", count)


def redact_file(
    job: FileJob,
    stream: TextIO,
    out: TextIO,
    engine: Engine,
    ctx: PseudonymContext | None,
    config: RunConfig,
    fingerprint: str,
    on_documents: ProgressHook | None = None,
    entries: list[VaultDocument] | None = None,
    executor: BatchExecutor | None = None,
) -> FilePart:
    """Redact the records of ``job``'s open input ``stream`` into ``out``; the audit part."""
    started = time.perf_counter()
    part = FilePart(job.rel, sha256_file(job.source), fingerprint)
    records = read_records(job.format, stream, job.rel, config.options)
    redact_stream(records, out, engine, ctx, part, config, on_documents, entries, executor)
    part.seconds = time.perf_counter() - started
    return part


@dataclass
class _Prepared:
    """A small file read whole in a worker, its detection jobs waiting for the group's run."""

    part: FilePart
    jobs: list[Job]
    entries: list[VaultDocument] | None
    seconds: float


def render_files(jobs: Sequence[FileJob], config: RunConfig, fingerprint: str,
                 with_vault: bool) -> list[RenderedFile | FileFailure]:
    """Redact a group of small files whole in a worker process (its engine from
    :func:`worker_engine`), one result per file in order.

    The files' texts go to the detectors in one run, as a large file's batch would (small
    batches cost spaCy and the transformer a quarter more per character); a text's result does
    not depend on the texts run with it, so each output is what the file alone would give. A
    file that cannot be read fails alone; a detector failure fails the group's files."""
    try:
        engine, ctx = worker_engine()
    except Exception as exc:
        return [FileFailure.of(exc)] * len(jobs)
    skip = engine_may_skip(engine)
    results: list[RenderedFile | FileFailure | _Prepared] = []
    for job in jobs:
        started = time.perf_counter()
        try:
            part = FilePart(job.rel, sha256_file(job.source), fingerprint)
            with open_input(job.source, config.options.encoding, job.rel) as stream:
                records = list(read_records(job.format, stream, job.rel, config.options))
            prepared = _Prepared(part, list(_jobs(records, part, config, skip)),
                                 [] if with_vault else None, 0.0)
        except Exception as exc:  # reported by the main process, like a failure there
            results.append(FileFailure.of(exc))
            continue
        prepared.seconds = time.perf_counter() - started
        results.append(prepared)
    ready = [r for r in results if isinstance(r, _Prepared)]
    started = time.perf_counter()
    try:
        texts = [t for p in ready for _, ts, _ in p.jobs for t in ts]
        subjects = [s for p in ready for _, _, ss in p.jobs for s in ss]
        detected = redact_texts(engine, ctx, texts, subjects) if texts else []
    except Exception as exc:
        return [r if isinstance(r, FileFailure) else FileFailure.of(exc) for r in results]
    share = (time.perf_counter() - started) / max(1, len(texts))
    found = iter(detected)
    out_results: list[RenderedFile | FileFailure] = []
    for result in results:
        if not isinstance(result, _Prepared):
            out_results.append(result)
            continue
        started = time.perf_counter()
        mine = [[next(found) for _ in ts] for _, ts, _ in result.jobs]
        try:
            out = io.StringIO(newline="")
            for (meta, _, _), batch in zip(result.jobs, mine, strict=True):
                _write_batch(meta, batch, out, engine, ctx, result.part, config,
                             result.entries)
        except Exception as exc:
            out_results.append(FileFailure.of(exc))
            continue
        result.part.seconds = (result.seconds + time.perf_counter() - started
                               + share * sum(len(ts) for _, ts, _ in result.jobs))
        out_results.append(RenderedFile(out.getvalue(), result.part, result.entries))
    return out_results
