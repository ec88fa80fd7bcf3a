"""A run's configuration (:class:`RunConfig`) and what follows from it before any file is read:
where its audit goes, the fingerprint ``--resume`` matches, and the record ``run.json`` opens
with."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from redactor import __version__
from redactor.detect.engine import Engine
from redactor.formats.base import FormatOptions
from redactor.formats.plan import names_a_file
from redactor.formats.registry import SUPPORTED_EXTENSIONS
from redactor.policy import Policy
from redactor.review.explain import rules_record
from redactor.runlog import AUDIT_DIRNAME
from redactor.transform.pseudonyms import PseudonymContext
from redactor.vault.store import Vault

STDIO = "-"
"""INPUT or OUTPUT: standard input or output."""


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
    # worker processes (local engine) or cores of a local cluster; "auto" (the command line's
    # default) follows redactor.pipeline.workers. 1 here: a library caller's script may lack
    # the `if __name__ == "__main__"` guard that spawned worker processes need.
    workers: int | str = 1
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


def default_audit_dir(config: RunConfig) -> Path | None:
    """``--audit-dir``, else ``OUTPUT/_audit`` (beside a single output file), else none."""
    if config.audit_dir:
        return Path(config.audit_dir)
    if config.output == STDIO:
        return None
    out = Path(config.output)
    if names_a_file(out, SUPPORTED_EXTENSIONS):
        return out.parent / AUDIT_DIRNAME
    return out / AUDIT_DIRNAME


def fingerprint(policy: Policy, ctx: PseudonymContext | None, options: FormatOptions,
                subject_field: str | None = None,
                column_types: tuple[tuple[str, str], ...] = ()) -> str:
    """What must match for a finished file to count as done on --resume."""
    parts = [policy.sha256, ctx.key.key_id if ctx else "", repr(options), __version__]
    if subject_field:
        parts.append(f"subject:{subject_field}")
    if column_types:
        parts.append(f"columns:{sorted(column_types)}")
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def run_meta(
    policy: Policy, engine: Engine, ctx: PseudonymContext | None, config: RunConfig,
    vault: Vault | None = None,
) -> dict[str, object]:
    """What ``run.json`` opens with: the tool, policy, models, rules, key id and options."""
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
