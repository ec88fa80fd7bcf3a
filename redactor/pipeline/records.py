"""Redaction of records: batches of documents through the engine (in this process or in
workers), each batch's output written in input order, with the file's audit part and its
vault entries. Where the output goes, and when, is :mod:`redactor.pipeline.runner`'s business."""

from __future__ import annotations

import io
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TextIO

from redactor.detect.engine import Engine
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

    skip = engine_may_skip(engine)

    def jobs() -> Iterator[tuple[tuple[list[Record], list[Document], list[str], list[int]],
                                 list[str], list[str]]]:
        for batch in _batches(records, config.batch_chars, config.batch_records):
            documents = [doc for record in batch for doc in record.documents]
            subjects = [subject_for(doc, part.file, config.subject_field) for doc in documents]
            # texts with no letter or digit go to no detector (redactor.pipeline.skipping)
            sent = to_detect([doc.text for doc in documents], skip)
            yield ((batch, documents, subjects, sent), [documents[i].text for i in sent],
                   [subjects[i] for i in sent])

    runner = executor if executor is not None else LocalExecutor(engine, ctx)
    column_types = dict(config.column_types)
    for (batch, documents, subjects, sent), detected in runner.map(jobs()):
        results = _with_skipped(documents, sent, detected)
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
        out.flush()
        if on_documents is not None:
            on_documents("documents", len(documents))


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


def render_file(job: FileJob, config: RunConfig, fingerprint: str,
                with_vault: bool) -> RenderedFile | FileFailure:
    """Redact one whole file in a worker process (its engine from :func:`worker_engine`)."""
    try:
        engine, ctx = worker_engine()
        entries: list[VaultDocument] | None = [] if with_vault else None
        out = io.StringIO(newline="")
        with open_input(job.source, config.options.encoding, job.rel) as stream:
            part = redact_file(job, stream, out, engine, ctx, config, fingerprint,
                               entries=entries)
        return RenderedFile(out.getvalue(), part, entries)
    except Exception as exc:  # reported by the main process, like a failure there
        return FileFailure.of(exc)
