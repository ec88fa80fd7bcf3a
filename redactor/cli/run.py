"""``redact run`` (also ``redact --policy P INPUT OUTPUT``): build a RunConfig from the command
line, run the pipeline, summarise on stderr.

Exit codes: 0 done; 1 some files failed (the rest are written); 2 usage, policy, key or model
error, or another run writes to OUTPUT (nothing written); 3 stopped part way, e.g. a full disk
(partly written: the audit's journal.jsonl lists what was).
"""

from __future__ import annotations

import sys

import click

from redactor.cli.errors import handle_errors
from redactor.cli.options import (
    device_option,
    format_options,
    io_arguments,
    key_options,
    overwrite_option,
    policy_option,
    quiet_option,
    read_options,
    setup_logging,
    vault_options,
    verbose_option,
    workers_option,
)


def _column_types(items: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """``--column-type`` values, checked (a bad one is a usage error, exit 2)."""
    from redactor.errors import InputError
    from redactor.transform.columns import parse_column_types

    try:
        return tuple(sorted(parse_column_types(items).items()))
    except InputError as exc:
        raise click.BadParameter(exc.message.removeprefix("--column-type: "),
                                 param_hint="--column-type") from None


@click.command("run")
@policy_option()
@io_arguments()
@click.option("--format", "fmt", type=click.Choice(["text", "jsonl", "csv", "tsv", "json"]),
              help="Format of stdin/stdout streams (default: text, or the input's extension).")
@format_options("redact")
@click.option("--follow-symlinks/--no-follow-symlinks", default=False, show_default=True,
              help="Read files linked from INPUT to outside it. Off: such links are skipped "
                   "and listed in the audit (links within INPUT are always read).")
@click.option("--redact-keys/--keep-keys", "redact_keys", default=None,
              help="Also redact JSON object keys and CSV/TSV header cells (default: the "
                   "policy's redact_keys; on in hipaa and gdpr).")
@key_options("File holding the secret key for hash/pseudonymize (else $REDACTOR_KEY).",
             ephemeral_help="Use a random per-run key when none is given (pseudonyms differ "
                            "between runs).")
@overwrite_option()
@click.option("--resume", is_flag=True, help="Skip files an interrupted run already finished.")
@click.option("--audit-dir", type=click.Path(file_okay=False),
              help="Where run.json and spans.jsonl go (default OUTPUT/_audit).")
@device_option("Transformer device: cpu, cuda, cuda:N (default: the policy's, auto = CUDA "
               "when present).")
@click.option("--column-type", "column_types", multiple=True, metavar="COLUMN=TYPE",
              help="Every value of this CSV column / JSON field is one entity of TYPE, taken "
                   "whole (e.g. zip=ZIP_CODE, patient_name=PERSON; repeatable).")
@click.option("--subject-field", "--subject-column", "subject_field", metavar="FIELD",
              help="Record field (JSON dotted path) or CSV column naming the data subject: "
                   "date_shift moves all of one subject's dates by one offset.")
@vault_options("Store the surrogate-to-original mapping, encrypted, for `redact reidentify`.",
               "File holding the vault key (else $REDACTOR_VAULT_KEY); keep it elsewhere.")
@workers_option("Worker processes, each with its own models (with --engine spark|ray: the "
                "cores of the local cluster). auto: one per usable core, none (this process) "
                "with one core, for streams (-) and for inputs under 100 KB per worker.")
@click.option("--model-placement", type=click.Choice(["auto", "main", "workers"]),
              default="auto", show_default=True,
              help="With --workers: run the transformer once in the main process, which feeds "
                   "it whole batches while the workers run the rest (main), or a copy in each "
                   "worker (workers). auto: main when it runs on a GPU.")
@click.option("--engine", "engine_kind", type=click.Choice(["local", "spark", "ray"]),
              default="local", show_default=True,
              help="Where batches are redacted: this machine, or a Spark / Ray cluster "
                   "(outputs and audit are written here either way).")
@click.option("--engine-address", metavar="URL",
              help="Cluster to use with --engine: a Spark master (spark://..., sc://...) or a "
                   "Ray address (ray://..., auto). Default: a local cluster.")
@quiet_option("No progress bar and no summary.")
@verbose_option("More log messages (never document text).")
@handle_errors
def run_command(policy: str, input_path: str, output_path: str, fmt: str | None,
                text_fields: tuple[str, ...], columns: tuple[str, ...], encoding: str,
                key_file: str | None, ephemeral_key: bool, overwrite: bool, resume: bool,
                audit_dir: str | None, subject_field: str | None, vault: str | None,
                vault_key_file: str | None, workers: int | str, engine_kind: str,
                engine_address: str | None, quiet: bool, verbose: bool,
                device: str | None, model_placement: str,
                column_types: tuple[str, ...], redact_keys: bool | None,
                follow_symlinks: bool) -> None:
    """Redact INPUT (folder, file or - for stdin) into OUTPUT (folder, file or - for stdout).

    \b
    Example:
        redact run --policy hipaa examples/input/ examples/output/
        redact --policy gdpr --text-field message export.jsonl out/
    """
    from redactor.cli.progress import Progress
    from redactor.pipeline.runner import RunConfig, run

    setup_logging(quiet, verbose)
    config = RunConfig(
        policy=policy, input=input_path, output=output_path, format=fmt,
        options=read_options(text_fields, columns, encoding),
        key_file=key_file, ephemeral_key=ephemeral_key, overwrite=overwrite, resume=resume,
        audit_dir=audit_dir, subject_field=subject_field, vault=vault,
        vault_key_file=vault_key_file,
        workers=workers, engine=engine_kind, engine_address=engine_address, device=device,
        model_placement=model_placement,
        column_types=_column_types(column_types), redact_keys=redact_keys,
        follow_symlinks=follow_symlinks,
    )
    streaming = output_path == "-"
    with Progress(enabled=not quiet and not streaming and sys.stderr.isatty()) as progress:
        summary = run(config, on_progress=progress.update)
    if not quiet:
        texts = (f"{summary.documents} document(s)" if summary.records == summary.documents
                 else f"{summary.records} record(s), {summary.documents} text field(s)")
        parts = [f"{summary.done} file(s) redacted", texts]
        if summary.resumed:
            parts.append(f"{summary.resumed} already done")
        if summary.skipped:
            parts.append(f"{summary.skipped} skipped (unsupported type or link; see the audit)")
        if summary.failed:
            parts.append(f"{summary.failed} FAILED (see the audit)")
        click.echo("redact: " + ", ".join(parts), err=True)
        if not streaming:
            click.echo(f"redact: output in {summary.output}", err=True)
        if summary.audit_dir is not None:
            click.echo(f"redact: audit in {summary.audit_dir}", err=True)
        if verbose and summary.execution is not None:
            from redactor.pipeline.workers import execution_line

            click.echo(f"redact: {execution_line(summary.execution)}", err=True)
    if summary.stopped:
        where = f" (listed in {summary.audit_dir}/journal.jsonl)" if summary.audit_dir else ""
        click.echo(f"redact: error: stopped, {summary.stopped}: partly written, {summary.done} "
                   f"file(s) written{where}; make room and rerun with --resume to finish",
                   err=True)
    sys.exit(summary.exit_code)


COMMANDS: tuple[click.Command, ...] = (run_command,)
