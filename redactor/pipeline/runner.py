"""``run(RunConfig)``: read -> detect -> resolve -> transform -> write -> audit, files or streams.

This module only wires the stages. The files come from :mod:`redactor.formats.plan`, which
refuses to write inside the input or over it; their records are redacted by
:mod:`redactor.pipeline.records` (small files whole in worker processes:
:mod:`redactor.distributed.files`); every output is written atomically here, under the run's
lock and journal (:mod:`redactor.pipeline.journal`); one file that fails never stops the others; and
the audit (:mod:`redactor.runlog`) lets ``--resume`` finish an interrupted run.
"""

from __future__ import annotations

import io
import logging
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TextIO

from redactor.detect.engine import Engine
from redactor.distributed.executors import BatchExecutor, LocalExecutor, open_executor
from redactor.distributed.files import (
    GROUP_BATCH_SHARE,
    RenderedFile,
    file_outcomes,
    is_small,
    whole_file_pool,
)
from redactor.errors import InputError, OutputError, RedactorError
from redactor.formats.atomic import NoSpaceError, atomic_write, fsync_dirs
from redactor.formats.plan import FileJob, is_within
from redactor.formats.plan import plan_files as plan_paths
from redactor.formats.reading import open_input, open_stream, read_records
from redactor.formats.registry import SUPPORTED_EXTENSIONS, format_by_name, format_for_path
from redactor.pipeline.config import STDIO, RunConfig, default_audit_dir, fingerprint, run_meta
from redactor.pipeline.journal import (
    JOURNAL_NAME,
    OUTPUT_LOCK_NAME,
    Journal,
    output_lock,
    remove_stale_temps,
)
from redactor.pipeline.records import ProgressHook, redact_file, redact_stream, render_files
from redactor.pipeline.workers import AUTO, execution_record, resolve_workers
from redactor.policy import Policy, load_policy
from redactor.runlog import AUDIT_DIRNAME, AuditLog, FileFailure, FilePart
from redactor.transform.keys import SecretKey, load_key, require_key
from redactor.transform.pseudonyms import PseudonymContext
from redactor.util.hashing import sha256_file
from redactor.vault.run import open_run_vault, options_record
from redactor.vault.store import Vault, VaultDocument

__all__ = ["EXIT_PARTIAL", "STDIO", "RunConfig", "RunSummary", "default_audit_dir",
           "plan_files", "prepare", "redact_stream", "run"]

log = logging.getLogger("redactor")

EXIT_PARTIAL = 3


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
    execution: dict[str, Any] | None = None  # workers, cores, peak memory (run.json's record)

    @property
    def exit_code(self) -> int:
        """0 when every file was redacted, 1 when some failed (the run went to its end), 3
        (:data:`EXIT_PARTIAL`) when the run stopped part way: partly written, the journal in
        the audit folder lists what was."""
        if self.stopped:
            return EXIT_PARTIAL
        return 1 if self.failed else 0


def prepare(config: RunConfig) -> tuple[Policy, Engine, PseudonymContext | None]:
    """Load the policy and the key and build the engine; any failure stops the run before
    output. The models load when the executor opens (:func:`open_executor`), still before
    any output: in this process, or only in the worker processes that run them."""
    policy = load_policy(config.policy)
    key: SecretKey | None = load_key(config.key_file, ephemeral=config.ephemeral_key)
    if policy.uses_key:
        key = require_key(key, policy.name)
        if key.ephemeral:
            log.warning("using a random per-run key: pseudonyms and hashes differ between runs")
    engine = Engine.from_policy(policy, device=config.device)
    if not engine.recognizers and not engine.excluded:
        engine.load()  # says that the policy enables no detector
    ctx = PseudonymContext(key) if key is not None else None
    return policy, engine, ctx


def plan_files(config: RunConfig, audit: AuditLog | None = None) -> list[FileJob]:
    """The files to process, checked against the rules for inputs and outputs; what is not
    processed is logged, and listed in ``audit``."""
    source, target = Path(config.input), Path(config.output)
    if not source.exists():
        raise InputError(f"input {config.input!r} does not exist")
    if not source.is_dir():
        format_for_path(source)  # a single INPUT of no known format stops the run
    if source.is_dir() and not is_within(target, source) and target.exists() \
            and not target.is_dir():
        raise OutputError(f"OUTPUT {config.output!r} is a file but INPUT is a folder")
    plan = plan_paths(source, target, follow_symlinks=config.follow_symlinks,
                      file_suffixes=SUPPORTED_EXTENSIONS)
    for item in plan.unsupported:
        log.warning("skipped a file of unsupported type: %s", item.relative)
    for item in plan.skipped:
        log.warning("skipped: %s: %s", item.relative, item.reason)
    for link in plan.links:
        if link.outside and link.followed:
            log.warning("followed a link out of INPUT: %s", link.relative)
    if audit is not None:
        audit.add_unread([*plan.unsupported, *plan.skipped], plan.links)
    if not plan.jobs:
        raise InputError(
            f"no supported files in {config.input!r} "
            f"(supported: {', '.join(sorted(SUPPORTED_EXTENSIONS))})"
        )
    return plan.jobs


def _process_file(
    job: FileJob,
    engine: Engine,
    ctx: PseudonymContext | None,
    config: RunConfig,
    digest: str,
    on_documents: ProgressHook | None,
    vault: Vault | None = None,
    executor: BatchExecutor | None = None,
    journal: Journal | None = None,
) -> FilePart:
    """Redact ``job`` here and write its output atomically, its vault entries and journal
    line before it is renamed in."""
    entries: list[VaultDocument] | None = [] if vault is not None else None
    with open_input(job.source, config.options.encoding, job.rel) as stream, atomic_write(
        job.target, encoding=config.options.encoding, sync_dir=False
    ) as out:
        part = redact_file(job, stream, out, engine, ctx, config, digest, on_documents,
                           entries, executor)
        if vault is not None and entries:
            vault.append(entries, options_record(config.options))  # before the output is renamed in
        if journal is not None:
            journal.written(part)  # so is its journal line
    return part


def _write_rendered(job: FileJob, rendered: RenderedFile, config: RunConfig,
                    vault: Vault | None, journal: Journal | None = None) -> FilePart:
    """Write a file a worker redacted, atomically, its vault entries and journal line first."""
    with atomic_write(job.target, encoding=config.options.encoding, sync_dir=False) as out:
        out.write(rendered.text)
        if vault is not None and rendered.vault_entries:
            vault.append(rendered.vault_entries, options_record(config.options))
        if journal is not None:
            journal.written(rendered.part)
    return rendered.part


def _file_outcomes(
    jobs: list[FileJob], engine: Engine, ctx: PseudonymContext | None, config: RunConfig,
    digest: str, on_progress: ProgressHook | None, vault: Vault | None,
    executor: BatchExecutor, journal: Journal | None = None,
) -> Iterator[tuple[FileJob, FilePart | FileFailure]]:
    """Each file's part, or why it failed, in plan order: small files whole in the workers
    when they hold every model, the others here (their batches perhaps in the workers)."""
    return file_outcomes(
        jobs,
        lambda job: _process_file(job, engine, ctx, config, digest, on_progress, vault,
                                  executor, journal),
        pool=whole_file_pool(executor),
        small=lambda job: is_small(job.source, config.batch_chars),
        render=render_files,
        render_args=(config, digest, vault is not None),
        write=lambda job, rendered: _write_rendered(job, rendered, config, vault, journal),
        on_progress=on_progress,
        group_chars=config.batch_chars // GROUP_BATCH_SHARE,
    )


def run(config: RunConfig, on_progress: ProgressHook | None = None) -> RunSummary:
    """Run a whole job. Raises RedactorError for errors that stop it before any output."""
    policy, engine, ctx = prepare(config)
    redact_keys = policy.redact_keys if config.redact_keys is None else config.redact_keys
    config = replace(config, options=replace(config.options, redact_keys=redact_keys))
    vault = open_vault(config, policy, ctx)
    if config.input == STDIO or config.output == STDIO:
        executor, workers = _open_executor(config, engine, ctx, [], streaming=True)
        try:
            with output_lock(default_audit_dir(config)):
                return _run_stream(config, policy, engine, ctx, vault, executor, workers)
        finally:
            executor.close()
    return _run_files(config, policy, engine, ctx, vault, on_progress)


def _open_executor(config: RunConfig, engine: Engine, ctx: PseudonymContext | None,
                   sizes: list[int], streaming: bool = False) -> tuple[BatchExecutor, int]:
    """The run's executor and its worker count, ``--workers auto`` resolved for inputs of
    ``sizes`` bytes (:mod:`redactor.pipeline.workers`); loads what it needs now (fails before
    any output)."""
    workers = resolve_workers(config.workers, config.engine, sizes, config.batch_chars,
                              streaming=streaming)
    if config.workers == AUTO:
        log.info("--workers auto: %d worker process(es)", workers if workers > 1 else 0)
    return open_executor(engine, ctx, kind=config.engine, workers=workers,
                         address=config.engine_address,
                         model_placement=config.model_placement), workers


def _file_sizes(jobs: list[FileJob]) -> list[int]:
    sizes = []
    for job in jobs:
        try:
            sizes.append(job.source.stat().st_size)
        except OSError:  # the file's own read reports it
            sizes.append(0)
    return sizes


def open_vault(config: RunConfig, policy: Policy, ctx: PseudonymContext | None) -> Vault | None:
    """The run's vault (created when missing), checked before any output is written."""
    if not config.vault:
        return None
    return open_run_vault(
        Path(config.vault), config.vault_key_file,
        data_dirs=[d for d in (config.input, config.output) if d != STDIO],
        output=None if config.output == STDIO else config.output, policy=policy, ctx=ctx)


def _run_files(
    config: RunConfig, policy: Policy, engine: Engine, ctx: PseudonymContext | None,
    vault: Vault | None, on_progress: ProgressHook | None = None,
) -> RunSummary:
    audit_dir = default_audit_dir(config)
    audit = AuditLog(audit_dir, run_meta(policy, engine, ctx, config, vault))
    jobs = plan_files(config, audit)
    digest = fingerprint(policy, ctx, config.options, config.subject_field, config.column_types)
    if audit_dir is not None and is_within(audit_dir, Path(config.input)):
        raise OutputError("the audit folder lies inside INPUT; choose another --audit-dir")
    # With --audit-dir elsewhere, a folder OUTPUT is locked too: two runs with two audit
    # folders must not write one OUTPUT either.
    output = Path(config.output)
    own = output if Path(config.input).is_dir() and audit_dir != output / AUDIT_DIRNAME else None
    # The models load with the executor, before the lock creates any folder: a model that
    # cannot load leaves no output behind.
    pending = _pending_jobs(config, audit, jobs, digest)
    executor, workers = _open_executor(config, engine, ctx, _file_sizes(pending))
    try:
        with output_lock(audit_dir), output_lock(own, OUTPUT_LOCK_NAME):
            # What a crashed run left: anywhere in a folder OUTPUT, else beside each output.
            in_folder = Path(config.input).is_dir() and output.is_dir()
            folders = [output] if in_folder else []
            folders += [audit_dir] if audit_dir is not None else []
            remove_stale_temps(folders, [] if in_folder else [job.target for job in jobs])
            return _write_files(config, engine, ctx, vault, on_progress, audit, pending,
                                digest, executor, workers)
    finally:
        executor.close()


def _pending_jobs(config: RunConfig, audit: AuditLog, jobs: list[FileJob], digest: str
                  ) -> list[FileJob]:
    """The files still to do (with --resume, those an earlier run did not finish; they are
    added to ``audit`` as resumed); OutputError when outputs exist and neither --overwrite
    nor --resume was given. Reads only."""
    pending: list[FileJob] = []
    for job in jobs:
        if config.resume:
            previous = audit.finished_part(job.rel, sha256_file(job.source), digest)
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
    return pending


def _write_files(
    config: RunConfig, engine: Engine, ctx: PseudonymContext | None, vault: Vault | None,
    on_progress: ProgressHook | None, audit: AuditLog, pending: list[FileJob], digest: str,
    executor: BatchExecutor, workers: int,
) -> RunSummary:
    """Redact and write the ``pending`` files with ``executor`` (``workers`` of them), OUTPUT
    locked: every output is listed in the journal as it is written; a full disk stops the run
    (partly written, exit 3) rather than failing every file after it. Then the audit."""
    journal = Journal(audit.directory / JOURNAL_NAME if audit.directory is not None else None)
    journal.start(config.resume)
    summary = RunSummary(resumed=len(audit.resumed), skipped=len(audit.skipped),
                         audit_dir=audit.directory, output=config.output)
    seen: set[str] = set()
    outcomes = _file_outcomes(pending, engine, ctx, config, digest, on_progress, vault,
                              executor, journal)
    written: set[Path] = set()  # folders whose renames are synced once, at the end
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
            written.add(job.target.parent)
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
    fsync_dirs(written)  # a rename a crash lost before this only makes --resume redo a file
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
    summary.execution = audit.meta["execution"] = execution_record(
        executor, config.workers, config.engine, workers)
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


def _run_stream(
    config: RunConfig, policy: Policy, engine: Engine, ctx: PseudonymContext | None,
    vault: Vault | None = None, executor: BatchExecutor | None = None, workers: int = 1,
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
    audit = AuditLog(audit_dir, run_meta(policy, engine, ctx, config, vault))
    part = FilePart(name, "", fingerprint(policy, ctx, config.options, config.subject_field,
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
            vault.append(entries, options_record(config.options))
    else:
        target = Path(config.output)
        if target.exists() and not config.overwrite:
            raise OutputError(f"OUTPUT {config.output!r} exists; pass --overwrite to replace it")
        with stream, atomic_write(target, encoding=config.options.encoding) as out:
            records = read_records(fmt, stream, name, config.options)
            redact_stream(records, out, engine, ctx, part, config, vault_entries=entries,
                          executor=executor)
            if vault is not None and entries:
                vault.append(entries, options_record(config.options))
    audit.store_part(part)
    summary.execution = audit.meta["execution"] = execution_record(
        executor or LocalExecutor(engine, ctx), config.workers, config.engine, workers)
    audit.write()
    audit.remove_parts()
    summary.done, summary.documents, summary.records = 1, part.documents, part.records
    return summary
