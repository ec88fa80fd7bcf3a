"""``run(RunConfig)``: read -> detect -> resolve -> transform -> write -> audit, files or streams.

This module only wires the stages. It decides which files to process, refuses to write inside
the input or over existing outputs, writes every output atomically, keeps going when one file
fails, and leaves an audit that lets ``--resume`` finish an interrupted run.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import logging
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TextIO

from redactor import __version__
from redactor.detect.engine import Engine
from redactor.distributed.executors import (
    BatchExecutor,
    LocalExecutor,
    ProcessExecutor,
    open_executor,
    worker_engine,
)
from redactor.document import Document
from redactor.errors import InputError, OutputError, RedactorError
from redactor.formats.atomic import (
    NoSpaceError,
    atomic_write,
    is_own_temp_file,
    output_error,
    remove_stale_temp_files,
    temp_prefix,
)
from redactor.formats.base import FileFormat, FormatOptions, Record
from redactor.formats.reading import open_input, open_stream, read_records
from redactor.formats.registry import SUPPORTED_EXTENSIONS, format_by_name, format_for_path
from redactor.formats.walk import LinkedFile, SkippedFile, iter_input_files
from redactor.hashing import sha256_file
from redactor.policy import Policy, load_policy
from redactor.review.explain import rules_record
from redactor.runlog import AuditLog, FilePart
from redactor.transform.columns import typed_result
from redactor.transform.keys import SecretKey, load_key, require_key
from redactor.transform.operators import REVERSIBLE_ACTIONS
from redactor.transform.pseudonyms import PseudonymContext
from redactor.vault.store import (
    Vault,
    VaultDocument,
    check_key_placement,
    document_entry,
    load_vault_key,
)

log = logging.getLogger("redactor")

STDIO = "-"
AUDIT_DIRNAME = "_audit"
LOCK_NAME = ".lock"  # in the audit folder: one run at a time writes there (and to its OUTPUT)
OUTPUT_LOCK_NAME = ".redactor.lock"  # in a folder OUTPUT whose audit goes elsewhere
JOURNAL_NAME = "journal.jsonl"  # in the audit folder: each output as it is written
EXIT_PARTIAL = 3


@dataclass(frozen=True)
class RunConfig:
    """Everything one run needs; the CLI builds it from the command line."""

    policy: str | Path
    input: str
    output: str
    format: str | None = None
    options: FormatOptions = field(default_factory=FormatOptions)
    key_file: str | None = None
    ephemeral_key: bool = False
    overwrite: bool = False
    resume: bool = False
    audit_dir: str | None = None
    batch_chars: int = 100_000
    batch_records: int = 256
    workers: int = 1  # worker processes (local engine) or cores of a local cluster
    engine: str = "local"  # where batches are redacted: local | spark | ray
    engine_address: str | None = None  # a Spark master / Ray cluster address (else local)
    subject_field: str | None = None  # record field / column whose value names the subject
    vault: str | None = None  # encrypted surrogate -> original store (reidentify, forget)
    vault_key_file: str | None = None
    device: str | None = None  # the transformer's device (cpu, cuda, cuda:1); None: the policy's
    model_placement: str = "auto"  # with --workers: transformer in the main process or each worker
    column_types: tuple[tuple[str, str], ...] = ()  # (column or field, entity type): whole values
    redact_keys: bool | None = None  # JSON keys / CSV headers too; None: the policy's redact_keys
    follow_symlinks: bool = False  # read file links whose target lies outside INPUT


@dataclass
class FileJob:
    """One input file and where its output goes."""

    source: Path
    rel: str
    target: Path
    format: FileFormat


@dataclass
class RunSummary:
    """What a run did, for the CLI's message and exit code."""

    done: int = 0
    resumed: int = 0
    failed: int = 0
    skipped: int = 0
    documents: int = 0  # texts redacted: a text file, a JSON string field, a CSV cell
    audit_dir: Path | None = None
    output: str = ""
    records: int = 0  # the text files, JSON Lines lines, CSV rows ... that held those texts
    stopped: str = ""  # why the run stopped before its end (a full disk), "" when it did not

    @property
    def exit_code(self) -> int:
        """0 when every file was redacted, 1 when some failed (the run went to its end), 3
        (:data:`EXIT_PARTIAL`) when the run stopped part way: partly written, the journal in
        the audit folder lists what was."""
        if self.stopped:
            return EXIT_PARTIAL
        return 1 if self.failed else 0


ProgressHook = Callable[[str, int], None]


def prepare(config: RunConfig) -> tuple[Policy, Engine, PseudonymContext | None]:
    """Load the policy, the key and every model; any failure stops the run before output."""
    policy = load_policy(config.policy)
    key: SecretKey | None = load_key(config.key_file, ephemeral=config.ephemeral_key)
    if policy.uses_key:
        key = require_key(key, policy.name)
        if key.ephemeral:
            log.warning("using a random per-run key: pseudonyms and hashes differ between runs")
    engine = Engine.from_policy(policy, device=config.device).load()
    ctx = PseudonymContext(key) if key is not None else None
    return policy, engine, ctx


def _fingerprint(policy: Policy, ctx: PseudonymContext | None, options: FormatOptions,
                 subject_field: str | None = None,
                 column_types: tuple[tuple[str, str], ...] = ()) -> str:
    """What must match for a finished file to count as done on --resume."""
    parts = [policy.sha256, ctx.key.key_id if ctx else "", repr(options), __version__]
    if subject_field:
        parts.append(f"subject:{subject_field}")
    if column_types:
        parts.append(f"columns:{sorted(column_types)}")
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _is_within(child: Path, parent: Path) -> bool:
    try:
        child.resolve().relative_to(parent.resolve())
    except ValueError:
        return False
    return True


def plan_files(config: RunConfig, audit: AuditLog | None = None) -> list[FileJob]:
    """The files to process, checked against the rules for inputs and outputs."""
    source = Path(config.input)
    target = Path(config.output)
    if not source.exists():
        raise InputError(f"input {config.input!r} does not exist")
    if source.is_dir():
        if _is_within(target, source):
            raise OutputError("OUTPUT lies inside INPUT; redactor never writes inside its input")
        if target.exists() and not target.is_dir():
            raise OutputError(f"OUTPUT {config.output!r} is a file but INPUT is a folder")
        jobs, unsupported = [], []
        passed: list[SkippedFile] = []
        links: list[LinkedFile] = []
        for path, rel in iter_input_files(source, passed, follow_symlinks=config.follow_symlinks,
                                          links=links):
            try:
                jobs.append(FileJob(path, rel, target / rel, format_for_path(path)))
            except InputError:
                unsupported.append(rel)
        for rel in unsupported:
            if audit is not None:
                audit.add_skipped(rel, "unsupported file type")
            log.warning("skipped a file of unsupported type: %s", rel)
        for item in passed:
            if audit is not None:
                audit.add_skipped(item.relative, item.reason)
            log.warning("skipped: %s: %s", item.relative, item.reason)
        if audit is not None and links:
            audit.meta["symlinks"] = [
                {"file": link.relative, "target": "outside INPUT" if link.outside else "in INPUT",
                 "followed": link.followed} for link in links]
        for link in links:
            if link.outside and link.followed:
                log.warning("followed a link out of INPUT: %s", link.relative)
        if not jobs:
            raise InputError(
                f"no supported files in {config.input!r} "
                f"(supported: {', '.join(sorted(SUPPORTED_EXTENSIONS))})"
            )
        return jobs
    fmt = format_for_path(source)
    if target.is_dir() or target.suffix.lower() not in SUPPORTED_EXTENSIONS:
        target = target / source.name
    if target.resolve() == source.resolve():
        raise OutputError("OUTPUT is the INPUT file; redactor never modifies its input")
    return [FileJob(source, source.name, target, fmt)]


def default_audit_dir(config: RunConfig) -> Path | None:
    """``--audit-dir``, else ``OUTPUT/_audit`` (beside a single output file), else none."""
    if config.audit_dir:
        return Path(config.audit_dir)
    if config.output == STDIO:
        return None
    out = Path(config.output)
    if out.suffix.lower() in SUPPORTED_EXTENSIONS and not out.is_dir():
        return out.parent / AUDIT_DIRNAME
    return out / AUDIT_DIRNAME


# --- one run per OUTPUT, its journal, and what a crashed run left ----------------------------


@contextlib.contextmanager
def output_lock(folder: Path | None, name: str = LOCK_NAME) -> Iterator[None]:
    """Hold an exclusive lock on the audit ``folder`` for the run, or refuse at once.

    Two runs into one OUTPUT would overwrite each other's outputs and audit; the second one
    stops with an OutputError (exit 2) before it writes anything. The lock is released when
    the process ends, however it ends. Without ``fcntl`` (Windows) there is no lock.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    if folder is None:
        yield
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(folder / name, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise OutputError(f"{folder}: cannot create the audit folder ({exc.strerror})") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise OutputError(
                f"another redact run is writing to this OUTPUT or audit folder ({folder} is "
                "locked); wait for it to finish, or choose another OUTPUT"
            ) from None
        yield
    finally:
        os.close(fd)  # releases the lock


def append_line(path: Path, line: str) -> None:
    """Append one line to ``path`` and make it durable before returning."""
    with open(path, "a", encoding="utf-8", newline="\n") as handle:
        handle.write(line + "\n")
        handle.flush()
        os.fsync(handle.fileno())


@dataclass
class Journal:
    """``journal.jsonl`` in the audit folder: a line per output file, written before the file
    is renamed into place, so even a run that dies before ``run.json`` (a full disk, a kill)
    leaves a list of what it wrote. A new run starts it afresh; ``--resume`` appends."""

    path: Path | None

    def start(self, resume: bool) -> None:
        if self.path is None:
            return
        if not resume:
            self.path.unlink(missing_ok=True)
        self._append({"event": "start", "resume": resume, "version": __version__})

    def written(self, part: FilePart) -> None:
        """``part``'s output is complete and about to be renamed in (no timings: the journal
        of one job is the same whatever the workers or engine)."""
        self._append({k: v for k, v in part.header().items() if k != "seconds"})

    def failed(self, rel: str, code: str) -> None:
        """Best effort: a full disk may refuse this line too."""
        with contextlib.suppress(OSError, OutputError):
            self._append({"file": rel, "failed": code})

    def _append(self, record: dict[str, object]) -> None:
        if self.path is not None:
            try:
                append_line(self.path, json.dumps(record, ensure_ascii=False))
            except OSError as exc:
                raise output_error(self.path, "cannot write the journal", exc) from None


def _remove_stale_temps(config: RunConfig, jobs: list[FileJob], audit_dir: Path | None) -> None:
    """Remove temporary files a crashed run left in OUTPUT and the audit folder (the caller
    holds the lock, so no other run is writing there). Only files named exactly as
    :func:`~redactor.formats.atomic.atomic_write` names its own."""
    removed = 0
    if Path(config.input).is_dir() and Path(config.output).is_dir():
        removed += remove_stale_temp_files(config.output)
    else:  # a single output file: only its own temporary files, beside it
        for job in jobs:
            prefix = temp_prefix(job.target)
            folder = job.target.parent
            for entry in os.scandir(folder) if folder.is_dir() else ():
                if entry.name.startswith(prefix) and is_own_temp_file(entry.name) and \
                        entry.is_file(follow_symlinks=False):
                    Path(entry.path).unlink(missing_ok=True)
                    removed += 1
    if audit_dir is not None and audit_dir.is_dir():
        removed += remove_stale_temp_files(audit_dir)
    if removed:
        log.warning("removed %d temporary file(s) left by an interrupted run", removed)


def _batches(records: Iterable[Record], max_chars: int, max_records: int) -> Iterator[list[Record]]:
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


# --- subjects and vault (issue 4) ---------------------------------------------------------


def subject_for(doc: Document, file: str, subject_field: str | None) -> str:
    """Whose dates a document holds: the value of ``subject_field`` in its record (JSON dotted
    path or CSV column) when given and present; else its record (file + row or line) for CSV,
    JSON Lines and JSON; else the document itself (a text file)."""
    record = doc.meta.get("record")
    if subject_field and record is not None:
        value: object = record
        for step in subject_field.split(".") if isinstance(record, (dict, list)) else ():
            if isinstance(value, dict) and step in value:
                value = value[step]
            elif isinstance(value, list) and step.isdigit() and int(step) < len(value):
                value = value[int(step)]
            else:
                value = None
                break
        if isinstance(record, dict) and subject_field in record:
            value = record[subject_field]  # a CSV column (or a JSON key with dots in it)
        if isinstance(value, (str, int, float)) and not isinstance(value, bool) and str(value):
            return f"subject:{str(value).strip()}"
        log.warning("no subject field %r in the record of %s; its record is the subject",
                    subject_field, doc.id)
    for where in ("row", "line"):
        if where in doc.meta and record is not None:
            return f"{file}:{where}:{doc.meta[where]}"
    return doc.id


def _vault_options(config: RunConfig) -> dict[str, object]:
    return {"text_fields": list(config.options.text_fields),
            "columns": list(config.options.columns), "encoding": config.options.encoding,
            "redact_keys": config.options.redact_keys}


def open_vault(config: RunConfig, policy: Policy, ctx: PseudonymContext | None) -> Vault | None:
    """The run's vault (created when missing), checked before any output is written."""
    if not config.vault:
        return None
    path = Path(config.vault)
    data_dirs = [d for d in (config.input, config.output) if d != STDIO]
    for folder in data_dirs:
        if Path(folder).is_dir() and _is_within(path, Path(folder)):
            raise OutputError("the vault lies inside INPUT or OUTPUT; keep it apart from the data")
    if config.output != STDIO and _is_within(path, Path(config.output)):
        raise OutputError("the vault lies inside OUTPUT; keep it apart from the data")
    check_key_placement(config.vault_key_file, path, *data_dirs)
    key = load_vault_key(config.vault_key_file)
    if ctx is not None and key.material == ctx.key.material:
        raise OutputError("the vault key is the pseudonym key; give the vault a key of its own")
    if ctx is None or not any(rule.action in REVERSIBLE_ACTIONS
                              for rule in [*policy.entities.values(), policy.default]):
        log.warning("policy %r pseudonymises nothing, so the vault will stay empty", policy.name)
    return Vault.open(path, key, create=True)


# --- end subjects and vault ---------------------------------------------------------------


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

    def jobs() -> Iterator[tuple[tuple[list[Record], list[Document], list[str]], list[str],
                                 list[str]]]:
        for batch in _batches(records, config.batch_chars, config.batch_records):
            documents = [doc for record in batch for doc in record.documents]
            subjects = [subject_for(doc, part.file, config.subject_field) for doc in documents]
            yield (batch, documents, subjects), [doc.text for doc in documents], subjects

    runner = executor if executor is not None else LocalExecutor(engine, ctx)
    column_types = dict(config.column_types)
    for (batch, documents, subjects), results in runner.map(jobs()):
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


def _redact_file(
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


def _process_file(
    job: FileJob,
    engine: Engine,
    ctx: PseudonymContext | None,
    config: RunConfig,
    fingerprint: str,
    on_documents: ProgressHook | None,
    vault: Vault | None = None,
    executor: BatchExecutor | None = None,
    journal: Journal | None = None,
) -> FilePart:
    entries: list[VaultDocument] | None = [] if vault is not None else None
    with open_input(job.source, config.options.encoding, job.rel) as stream, atomic_write(
        job.target, encoding=config.options.encoding
    ) as out:
        part = _redact_file(job, stream, out, engine, ctx, config, fingerprint, on_documents,
                            entries, executor)
        if vault is not None and entries:
            vault.append(entries, _vault_options(config))  # before the output is renamed in
        if journal is not None:
            journal.written(part)  # so is its journal line
    return part


# --- whole files in worker processes ------------------------------------------------------

#: A file of up to this many batches' worth of characters is redacted whole by one worker
#: (``--workers N``), so a folder of many small files keeps every worker busy; a larger file
#: is split into batches that all the workers share.
WHOLE_FILE_BATCHES = 4


@dataclass(frozen=True)
class RenderedFile:
    """A file redacted by a worker: its output text and audit part, for the main process to
    write (atomically, after the vault entries, as for any other file)."""

    text: str
    part: FilePart
    vault_entries: list[VaultDocument] | None


@dataclass(frozen=True)
class FileFailure:
    """Why a file failed: a code and a reason that hold no document text (:func:`_failure`)."""

    code: str
    reason: str


def render_file(job: FileJob, config: RunConfig, fingerprint: str,
                with_vault: bool) -> RenderedFile | FileFailure:
    """Redact one whole file in a worker process (its engine from :func:`worker_engine`)."""
    try:
        engine, ctx = worker_engine()
        entries: list[VaultDocument] | None = [] if with_vault else None
        out = io.StringIO(newline="")
        with open_input(job.source, config.options.encoding, job.rel) as stream:
            part = _redact_file(job, stream, out, engine, ctx, config, fingerprint,
                                entries=entries)
        return RenderedFile(out.getvalue(), part, entries)
    except Exception as exc:  # reported by the main process, like a failure there
        return FileFailure(*_failure(exc))


def _write_rendered(job: FileJob, rendered: RenderedFile, config: RunConfig,
                    vault: Vault | None, journal: Journal | None = None) -> FilePart:
    """Write a file a worker redacted, atomically, its vault entries and journal line first."""
    with atomic_write(job.target, encoding=config.options.encoding) as out:
        out.write(rendered.text)
        if vault is not None and rendered.vault_entries:
            vault.append(rendered.vault_entries, _vault_options(config))
        if journal is not None:
            journal.written(rendered.part)
    return rendered.part


def _file_outcomes(
    jobs: list[FileJob], engine: Engine, ctx: PseudonymContext | None, config: RunConfig,
    fingerprint: str, on_progress: ProgressHook | None, vault: Vault | None,
    executor: BatchExecutor, journal: Journal | None = None,
) -> Iterator[tuple[FileJob, FilePart | FileFailure]]:
    """Each file's part, or why it failed, in plan order (one bad file never stops the run).

    With worker processes, small files go whole to the workers (up to ``window`` at a time)
    and large ones are split into batches; outputs are still written here, one file at a time.
    """
    # Workers that lack the transformer (it runs here, on the GPU) only take batches with its
    # spans: whole files stay in this process's batch route.
    whole = executor if isinstance(executor, ProcessExecutor) and not executor.models else None
    in_flight: deque[tuple[FileJob, Future[RenderedFile | FileFailure]]] = deque()

    def finish(job: FileJob, future: Future[RenderedFile | FileFailure]) -> tuple[
            FileJob, FilePart | FileFailure]:
        assert whole is not None
        try:
            rendered = whole.result(future)
            if isinstance(rendered, FileFailure):
                return job, rendered
            part = _write_rendered(job, rendered, config, vault, journal)
        except Exception as exc:
            return job, FileFailure(*_failure(exc))
        if on_progress is not None:
            on_progress("documents", part.documents)
        return job, part

    try:
        for job in jobs:
            if whole is not None and _is_small(job, config):
                future = whole.submit(render_file, job, config, fingerprint, vault is not None)
                in_flight.append((job, future))
                while len(in_flight) >= whole.window:
                    yield finish(*in_flight.popleft())
                continue
            while in_flight:
                yield finish(*in_flight.popleft())
            try:
                yield job, _process_file(job, engine, ctx, config, fingerprint, on_progress,
                                         vault, executor, journal)
            except Exception as exc:  # its message could quote text: _failure keeps it out
                yield job, FileFailure(*_failure(exc))
        while in_flight:
            yield finish(*in_flight.popleft())
    finally:
        for _, future in in_flight:
            future.cancel()


def _is_small(job: FileJob, config: RunConfig) -> bool:
    try:
        size = job.source.stat().st_size
    except OSError:
        return False  # the usual path reports it
    return size <= WHOLE_FILE_BATCHES * config.batch_chars


def run(config: RunConfig, on_progress: ProgressHook | None = None) -> RunSummary:
    """Run a whole job. Raises RedactorError for errors that stop it before any output."""
    policy, engine, ctx = prepare(config)
    redact_keys = policy.redact_keys if config.redact_keys is None else config.redact_keys
    config = replace(config, options=replace(config.options, redact_keys=redact_keys))
    vault = open_vault(config, policy, ctx)
    executor = open_executor(engine, ctx, kind=config.engine, workers=config.workers,
                             address=config.engine_address,
                             model_placement=config.model_placement)
    try:
        if config.input == STDIO or config.output == STDIO:
            with output_lock(default_audit_dir(config)):
                return _run_stream(config, policy, engine, ctx, vault, executor)
        return _run_files(config, policy, engine, ctx, vault, executor, on_progress)
    finally:
        executor.close()


def _run_files(
    config: RunConfig, policy: Policy, engine: Engine, ctx: PseudonymContext | None,
    vault: Vault | None, executor: BatchExecutor, on_progress: ProgressHook | None = None,
) -> RunSummary:
    audit_dir = default_audit_dir(config)
    audit = AuditLog(audit_dir, _meta(policy, engine, ctx, config, vault))
    jobs = plan_files(config, audit)
    fingerprint = _fingerprint(policy, ctx, config.options, config.subject_field,
                               config.column_types)
    if audit_dir is not None and _is_within(audit_dir, Path(config.input)):
        raise OutputError("the audit folder lies inside INPUT; choose another --audit-dir")
    # With --audit-dir elsewhere, a folder OUTPUT is locked too: two runs with two audit
    # folders must not write one OUTPUT either.
    output = Path(config.output)
    own = output if Path(config.input).is_dir() and audit_dir != output / AUDIT_DIRNAME else None
    with output_lock(audit_dir), output_lock(own, OUTPUT_LOCK_NAME):
        _remove_stale_temps(config, jobs, audit_dir)
        return _run_locked(config, engine, ctx, vault, executor, on_progress, audit, jobs,
                           fingerprint)


def _run_locked(
    config: RunConfig, engine: Engine, ctx: PseudonymContext | None, vault: Vault | None,
    executor: BatchExecutor, on_progress: ProgressHook | None, audit: AuditLog,
    jobs: list[FileJob], fingerprint: str,
) -> RunSummary:
    """The files of a run, with OUTPUT locked: every output is listed in the journal as it is
    written; a full disk stops the run (partly written, exit 3) rather than failing every
    file after it."""
    pending: list[FileJob] = []
    for job in jobs:
        if config.resume:
            previous = audit.finished_part(job.rel, sha256_file(job.source), fingerprint)
            if previous is not None and job.target.is_file():
                audit.add_resumed(previous)
                continue
        pending.append(job)
    clashes = [j.rel for j in pending if j.target.exists()]
    if clashes and not (config.overwrite or config.resume):
        shown = ", ".join(clashes[:3]) + (" ..." if len(clashes) > 3 else "")
        raise OutputError(
            f"{len(clashes)} output file(s) already exist ({shown}); "
            "pass --overwrite to replace them or --resume to finish an interrupted run"
        )
    journal = Journal(audit.directory / JOURNAL_NAME if audit.directory is not None else None)
    journal.start(config.resume)
    summary = RunSummary(resumed=len(audit.resumed), skipped=len(audit.skipped),
                         audit_dir=audit.directory, output=config.output)
    seen: set[str] = set()
    outcomes = _file_outcomes(pending, engine, ctx, config, fingerprint, on_progress, vault,
                              executor, journal)
    for job, outcome in outcomes:
        seen.add(job.rel)
        if isinstance(outcome, FileFailure):
            audit.add_failure(job.rel, outcome.code, outcome.reason)
            log.error("failed: %s: [%s] %s", job.rel, outcome.code, outcome.reason)
            journal.failed(job.rel, outcome.code)
            summary.failed += 1
            if outcome.code == NoSpaceError.code:
                summary.stopped = "the disk is full"
        else:
            summary.done += 1  # written (and in the journal), whatever becomes of its part
            try:
                audit.store_part(outcome)
            except OutputError as exc:
                summary.stopped = f"its audit part could not be stored ({exc.code})"
                log.error("%s: its audit part could not be stored: %s", job.rel, exc.message)
        if on_progress is not None:
            on_progress("files", 1)
        if summary.stopped:
            outcomes.close()
            break
    if summary.stopped:
        for job in pending:
            if job.rel not in seen:
                audit.add_skipped(job.rel, f"not written: the run stopped ({summary.stopped}); "
                                           "rerun with --resume")
        audit.meta["stopped"] = summary.stopped
    summary.documents = sum(p.documents for p in audit.parts)
    summary.records = sum(p.records for p in audit.parts)
    if vault is not None:
        try:
            vault.log_event("run", files=summary.done, documents=summary.documents)
        except RedactorError as exc:
            if not summary.stopped:
                raise
            log.error("the vault log could not be written: [%s]", exc.code)
    try:
        audit.write()
    except OutputError as exc:
        if not summary.stopped and not summary.done:
            raise
        summary.stopped = summary.stopped or f"the audit could not be written ({exc.code})"
        log.error("the audit could not be written: %s", exc.message)
    if not summary.failed and not summary.stopped:
        audit.remove_parts()  # every file is done: nothing for --resume to finish
    return summary


def _failure(exc: Exception) -> tuple[str, str]:
    """Error code and reason for a failed file. Our errors carry no document text; the text
    of any other exception might, so only its type is kept."""
    if isinstance(exc, RedactorError):
        return exc.code, exc.message
    if isinstance(exc, OSError):
        return "R900", _os_reason(exc)
    return "R999", (
        f"internal error ({type(exc).__name__}); its message is withheld because it may "
        "contain document text; please report it"
    )


def _os_reason(exc: OSError) -> str:
    # The OS message names the file, which is the input path (already in the audit): keep it short.
    return f"{type(exc).__name__}: {exc.strerror or 'I/O error'}"


def _run_stream(
    config: RunConfig, policy: Policy, engine: Engine, ctx: PseudonymContext | None,
    vault: Vault | None = None, executor: BatchExecutor | None = None,
) -> RunSummary:
    """Stdin and/or stdout: one stream, its format from --format (or the input's extension)."""
    if config.input == STDIO:
        fmt = format_by_name(config.format or "text")
        name = "stdin"
        stream: TextIO = open_stream(sys.stdin.buffer, config.options.encoding, name)
    else:
        path = Path(config.input)
        if path.is_dir():
            raise InputError("a folder INPUT needs a folder OUTPUT, not '-'")
        fmt = format_by_name(config.format) if config.format else format_for_path(path)
        stream = open_input(path, config.options.encoding)
        name = path.name
    audit_dir = default_audit_dir(config)
    audit = AuditLog(audit_dir, _meta(policy, engine, ctx, config, vault))
    part = FilePart(name, "", _fingerprint(policy, ctx, config.options, config.subject_field,
                               config.column_types))
    summary = RunSummary(audit_dir=audit_dir, output=config.output)
    entries: list[VaultDocument] | None = [] if vault is not None else None
    if config.output == STDIO:
        out = io.TextIOWrapper(sys.stdout.buffer, encoding=config.options.encoding, newline="",
                               write_through=True)
        with stream:
            records = read_records(fmt, stream, name, config.options)
            redact_stream(records, out, engine, ctx, part, config, vault_entries=entries,
                          executor=executor)
        out.flush()
        out.detach()
        if vault is not None and entries:
            vault.append(entries, _vault_options(config))
    else:
        target = Path(config.output)
        if target.exists() and not config.overwrite:
            raise OutputError(f"OUTPUT {config.output!r} exists; pass --overwrite to replace it")
        with stream, atomic_write(target, encoding=config.options.encoding) as out:
            records = read_records(fmt, stream, name, config.options)
            redact_stream(records, out, engine, ctx, part, config, vault_entries=entries,
                          executor=executor)
            if vault is not None and entries:
                vault.append(entries, _vault_options(config))
    audit.store_part(part)
    audit.write()
    audit.remove_parts()
    summary.done, summary.documents, summary.records = 1, part.documents, part.records
    return summary


def _meta(
    policy: Policy, engine: Engine, ctx: PseudonymContext | None, config: RunConfig,
    vault: Vault | None = None,
) -> dict[str, object]:
    meta: dict[str, object] = {
        "tool": "redactor",
        "version": __version__,
        "policy": {"name": policy.name, "path": policy.path, "sha256": policy.sha256},
        "models": engine.versions(),
        # ids of the policy, overlap strategy, detectors and filter lists: with the policy
        # file, enough to reproduce each audited decision (redact explain shows one)
        "rules": rules_record(policy, engine),
        "key_id": ctx.key.key_id if ctx else None,
        "ephemeral_key": bool(ctx and ctx.key.ephemeral),
        "input": config.input,
        "output": config.output,
        "options": {
            "text_fields": list(config.options.text_fields),
            "columns": list(config.options.columns),
            "encoding": config.options.encoding,
            "redact_keys": config.options.redact_keys,
            "subject_field": config.subject_field,
            "column_types": dict(config.column_types),
        },
    }
    if vault is not None:  # which vault holds this run's mapping (its log records erasures)
        meta["vault"] = {"vault_id": vault.vault_id, "key_id": vault.key.key_id,
                         "log": str(vault.log_path)}
    return meta
