"""The command line: parse arguments, call the library, turn its errors into messages and exits.

``redact --policy hipaa in/ out/`` is short for ``redact run --policy hipaa in/ out/``.
Exit codes: 0 done; 1 some files failed (the rest are written); 2 usage, policy, key or model
error, or another run writes to OUTPUT (nothing written); 3 stopped part way, e.g. a full disk
(partly written: the audit's journal.jsonl lists what was).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from collections.abc import Callable
from typing import Any

import click

from redactor import __version__
from redactor.errors import RedactorError

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

EXIT_USAGE = 2
EXIT_INTERNAL = 70  # EX_SOFTWARE


class DefaultGroup(click.Group):
    """A group that runs ``default_command`` when the first argument is not a subcommand."""

    default_command = "run"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # The main form first: `redact --policy P INPUT OUTPUT` is `redact run ...`.
        formatter.write_usage(ctx.command_path, "--policy POLICY [OPTIONS] INPUT OUTPUT")
        formatter.write_usage(ctx.command_path, "COMMAND [ARGS]...", prefix="       ")

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        command = self.get_command(ctx, self.default_command)
        if command is not None:
            sub = click.Context(command, info_name=self.default_command, parent=ctx)
            rows = [row for param in command.get_params(sub)
                    if isinstance(param, click.Option) and "--help" not in param.opts
                    and (row := param.get_help_record(sub)) is not None]
            with formatter.section(f"Options of the main form (`{ctx.command_path} "
                                   f"{self.default_command}`)"):
                formatter.write_dl(rows)
        super().format_options(ctx, formatter)


def fail(exc: RedactorError) -> None:
    """Print a library error as a one-line message (plus its listed problems) and exit 2."""
    click.echo(f"redact: error: {exc}", err=True)
    sys.exit(EXIT_USAGE)


def handle_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Decorator: library errors become clear messages and exit codes, never tracebacks."""
    import functools

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except RedactorError as exc:
            fail(exc)
        except KeyboardInterrupt:
            click.echo("redact: interrupted; rerun with --resume to finish", err=True)
            sys.exit(130)
        except BrokenPipeError:
            # stdout closed early (`redact ... - - | head`): stop quietly, as Unix tools do
            with contextlib.suppress(OSError):
                sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - no flush error at exit
            sys.exit(141)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except Exception as exc:
            # An unexpected error's message may quote document text: show its type only.
            if os.environ.get("REDACTOR_DEBUG"):
                raise
            click.echo(
                f"redact: internal error ({type(exc).__name__}); its message is withheld because "
                "it may contain document text. Set REDACTOR_DEBUG=1 to see it, and please "
                "report the bug.",
                err=True,
            )
            sys.exit(EXIT_INTERNAL)

    return wrapper


def _setup_logging(quiet: bool, verbose: bool) -> None:
    level = logging.ERROR if quiet else logging.DEBUG if verbose else logging.WARNING
    logging.basicConfig(level=level, format="redact: %(levelname)s: %(message)s", stream=sys.stderr)


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="redact")
def main() -> None:
    """Find personal data in text and apply a HIPAA / GDPR policy to it.

    \b
    Example:
        redact --policy hipaa notes/ redacted/
        cat note.txt | redact --policy gdpr --ephemeral-key - -
    """


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def _column_types(items: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """``--column-type`` values, checked (a bad one is a usage error, exit 2)."""
    from redactor.errors import InputError
    from redactor.transform.columns import parse_column_types

    try:
        return tuple(sorted(parse_column_types(items).items()))
    except InputError as exc:
        raise click.BadParameter(exc.message.removeprefix("--column-type: "),
                                 param_hint="--column-type") from None


@main.command("run")
@click.option("--policy", "-p", required=True,
              help="Bundled policy name (hipaa, gdpr) or YAML path.")
@click.argument("input_path", metavar="INPUT")
@click.argument("output_path", metavar="OUTPUT")
@click.option("--format", "fmt", type=click.Choice(["text", "jsonl", "csv", "tsv", "json"]),
              help="Format of stdin/stdout streams (default: text, or the input's extension).")
@click.option("--text-field", "text_fields", multiple=True,
              help="JSON/JSONL field to redact (dotted path; repeatable). Default: every string.")
@click.option("--columns", multiple=True,
              help="CSV/TSV columns to redact (comma-separated or repeated). Default: text cells.")
@click.option("--encoding", default="utf-8", show_default=True, help="Text encoding of the input.")
@click.option("--follow-symlinks/--no-follow-symlinks", default=False, show_default=True,
              help="Read files linked from INPUT to outside it. Off: such links are skipped "
                   "and listed in the audit (links within INPUT are always read).")
@click.option("--redact-keys/--keep-keys", "redact_keys", default=None,
              help="Also redact JSON object keys and CSV/TSV header cells (default: the "
                   "policy's redact_keys; on in hipaa and gdpr).")
@click.option("--key-file", type=click.Path(dir_okay=False),
              help="File holding the secret key for hash/pseudonymize (else $REDACTOR_KEY).")
@click.option("--ephemeral-key", is_flag=True,
              help="Use a random per-run key when none is given (pseudonyms differ between runs).")
@click.option("--overwrite", is_flag=True, help="Replace existing output files.")
@click.option("--resume", is_flag=True, help="Skip files an interrupted run already finished.")
@click.option("--audit-dir", type=click.Path(file_okay=False),
              help="Where run.json and spans.jsonl go (default OUTPUT/_audit).")
@click.option("--device", metavar="DEVICE",
              help="Transformer device: cpu, cuda, cuda:N (default: the policy's, auto = CUDA "
                   "when present).")
@click.option("--column-type", "column_types", multiple=True, metavar="COLUMN=TYPE",
              help="Every value of this CSV column / JSON field is one entity of TYPE, taken "
                   "whole (e.g. zip=ZIP_CODE, patient_name=PERSON; repeatable).")
@click.option("--subject-field", "--subject-column", "subject_field", metavar="FIELD",
              help="Record field (JSON dotted path) or CSV column naming the data subject: "
                   "date_shift moves all of one subject's dates by one offset.")
@click.option("--vault", type=click.Path(dir_okay=False),
              help="Store the surrogate-to-original mapping, encrypted, for `redact reidentify`.")
@click.option("--vault-key-file", type=click.Path(dir_okay=False),
              help="File holding the vault key (else $REDACTOR_VAULT_KEY); keep it elsewhere.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes, each with its own models (with --engine spark|ray: the "
                   "cores of the local cluster).")
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
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
@click.option("--verbose", "-v", is_flag=True, help="More log messages (never document text).")
@handle_errors
def run_command(policy: str, input_path: str, output_path: str, fmt: str | None,
                text_fields: tuple[str, ...], columns: tuple[str, ...], encoding: str,
                key_file: str | None, ephemeral_key: bool, overwrite: bool, resume: bool,
                audit_dir: str | None, subject_field: str | None, vault: str | None,
                vault_key_file: str | None, workers: int, engine_kind: str,
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
    from redactor.formats.base import FormatOptions
    from redactor.pipeline import RunConfig, run

    _setup_logging(quiet, verbose)
    config = RunConfig(
        policy=policy, input=input_path, output=output_path, format=fmt,
        options=FormatOptions(text_fields=_split(text_fields), columns=_split(columns),
                              encoding=encoding),
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
    if summary.stopped:
        where = f" (listed in {summary.audit_dir}/journal.jsonl)" if summary.audit_dir else ""
        click.echo(f"redact: error: stopped, {summary.stopped}: partly written, {summary.done} "
                   f"file(s) written{where}; make room and rerun with --resume to finish",
                   err=True)
    sys.exit(summary.exit_code)


@main.command("eval")
@click.option("--policy", "-p", required=True, help="Bundled policy name or YAML path.")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "gold_format", type=click.Choice(["auto", "jsonl", "conll"]),
              default="auto", show_default=True, help="Gold file format (auto: by extension).")
@click.option("--label-map", "label_map", multiple=True, metavar="THEIRS=OURS",
              help="Map a CoNLL entity type to ours (repeatable), e.g. person=PERSON.")
@click.option("--json", "json_out", type=click.Path(dir_okay=False),
              help="Also write the report as JSON here.")
@click.option("--groups", is_flag=True, help="Also print recall per group facet.")
@handle_errors
def eval_command(policy: str, gold: str, gold_format: str, label_map: tuple[str, ...],
                 json_out: str | None, groups: bool) -> None:
    """Score the policy's detection stack against a labelled GOLD file.

    GOLD is JSON Lines ({"id","text","spans":[{"start","end","type"}]}) or CoNLL/BIO
    (token TAB tag). Prints precision, recall and F1 per entity type, exact and overlap
    match, and the type-blind character recall (1 - leak rate).

    \b
    Example:
        redact eval --policy hipaa benchmarks/data/dev.jsonl
        redact eval --policy hipaa --label-map person=PERSON wnut17.conll
    """
    import json

    from redactor.detect.engine import Engine
    from redactor.policy import load_policy
    from redactor.quality.evaluate import evaluate, load_conll, load_gold_jsonl

    loaded = load_policy(policy)
    conll = gold_format == "conll" or (
        gold_format == "auto" and not gold.endswith((".jsonl", ".ndjson", ".json"))
    )
    if conll:
        mapping = dict(item.split("=", 1) for item in label_map if "=" in item) or None
        docs = load_conll(gold, label_map=mapping)
    else:
        docs = load_gold_jsonl(gold)
    engine = Engine.from_policy(loaded).load()
    texts = [doc.text for doc in docs]
    pred = engine.analyze(texts)
    report = evaluate([doc.spans for doc in docs], pred, texts, labels=loaded.entity_labels)
    click.echo(report.format_table(groups=groups))
    if json_out:
        from redactor.formats.atomic import atomic_write

        record = {"policy": {"name": loaded.name, "sha256": loaded.sha256},
                  "models": engine.versions(), "gold": gold, **report.to_dict()}
        with atomic_write(json_out) as out:
            json.dump(record, out, indent=2)
            out.write("\n")


@main.command("check-policy")
@click.argument("policy")
@handle_errors
def check_policy(policy: str) -> None:
    """Validate a policy and print what it does per entity type.

    \b
    Example:
        redact check-policy policies/hipaa.yaml
    """
    from redactor.policy import load_policy

    loaded = load_policy(policy)
    click.echo(f"policy {loaded.name} (sha256 {loaded.sha256[:12]}) is valid")
    for label in sorted(loaded.entities):
        rule = loaded.entities[label]
        click.echo(f"  {label:<24} {rule.action:<13} threshold {loaded.threshold_for(label):.2f}")
    click.echo(f"  {'(other types)':<24} {loaded.default.action}")


@main.command("entities")
def entities() -> None:
    """List the entity types a policy can name, with their HIPAA identifier number.

    \b
    Example:
        redact entities
    """
    from redactor.entities import ENTITY_TYPES

    for label, (description, hipaa) in ENTITY_TYPES.items():
        tag = f"HIPAA #{hipaa}" if hipaa else "-"
        click.echo(f"{label:<24} {tag:<9} {description}")


from redactor.cli.vault import register  # noqa: E402

register(main)

from redactor.cli.audit import register as _register_audit; _register_audit(main)  # noqa: E402, E702, I001

from redactor.cli.train import register as _register_train; _register_train(main)  # noqa: E402, E702, I001

from redactor.cli.serve import register as _register_serve; _register_serve(main)  # noqa: E402, E702, I001

from redactor.cli.review import register as _register_review; _register_review(main)  # noqa: E402, E702, I001

if __name__ == "__main__":  # pragma: no cover
    main()
