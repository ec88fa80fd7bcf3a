"""``redact reidentify`` and ``redact forget``: the vault's two commands (thin click layer)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from redactor.cli.errors import handle_errors
from redactor.cli.options import (
    format_options,
    io_arguments,
    overwrite_option,
    quiet_option,
    read_options,
    setup_logging,
    vault_options,
)

EXIT_NOTHING_ERASED = 1


def _open(vault: str, vault_key_file: str | None, *data_dirs: str,
          partial: bool = False):  # -> Vault
    """The vault, once its key is checked to be kept apart from it and from the data."""
    from redactor.vault.store import Vault, check_key_placement, load_vault_key

    check_key_placement(vault_key_file, Path(vault), *data_dirs)
    return Vault.open(vault, load_vault_key(vault_key_file), partial=partial)


@click.command("reidentify")
@vault_options("The vault a `redact --vault` run wrote.", required=True)
@io_arguments()
@format_options(
    text_field_help="JSON field for files the vault has no record of (default: every string).",
    columns_help="CSV columns for files the vault has no record of (default: text cells).",
    encoding_help="Encoding for files the vault has no record of.")
@overwrite_option()
@click.option("--partial", is_flag=True,
              help="Restore what a damaged vault still holds (exit 5) instead of stopping.")
@quiet_option("No summary.")
@handle_errors
def reidentify_command(vault: str, vault_key_file: str | None, input_path: str,
                       output_path: str, text_fields: tuple[str, ...], columns: tuple[str, ...],
                       encoding: str, overwrite: bool, partial: bool, quiet: bool) -> None:
    """Put the originals back into pseudonymised INPUT (folder or file), writing OUTPUT.

    Only an authorised holder of the vault key can do this. Spans whose entries were erased
    with `redact forget` stay pseudonymised. A damaged vault (changed, truncated) stops with
    exit 2 and nothing written, unless --partial.

    Exit codes: 0 all restored; 1 some span could not be restored or some file failed;
    2 usage, key or vault error (nothing written); 5 partly restored from a damaged vault
    (--partial; unresolved spans and documents without an entry are counted).

    \b
    Example:
        REDACTOR_VAULT_KEY=... redact reidentify --vault ~/vaults/study.vault out/ restored/
    """
    from redactor.vault.reidentify import reidentify

    setup_logging(quiet, False)
    opened = _open(vault, vault_key_file, input_path, output_path, partial=partial)
    summary = reidentify(input_path, output_path, opened, overwrite=overwrite,
                         options=read_options(text_fields, columns, encoding))
    if not quiet:
        click.echo(f"redact: {summary.files} file(s), {summary.documents} document(s), "
                   f"{summary.restored} span(s) restored, {summary.unresolved} unresolved"
                   + (f", {len(summary.failed)} file(s) FAILED" if summary.failed else ""),
                   err=True)
    if summary.damage:  # even with --quiet: the output is incomplete
        click.echo(f"redact: PARTLY restored from a damaged vault "
                   f"({'; '.join(summary.damage)}): {summary.unresolved} span(s) "
                   f"unresolved, {summary.unmatched} document(s) without a vault entry "
                   "may keep pseudonyms whose entries were lost", err=True)
    sys.exit(summary.exit_code)


@click.command("forget")
@vault_options("The vault to erase from.", required=True)
@click.argument("value", metavar="[VALUE]", required=False)
@click.option("--subject", metavar="ID",
              help="Erase every entry of this data subject (the value of --subject-field / "
                   "--subject-column at redaction, or a record id). `-` reads it from stdin.")
@click.option("--dry-run", is_flag=True, help="Count what would be erased; change nothing.")
@handle_errors
def forget_command(vault: str, vault_key_file: str | None, value: str | None,
                   subject: str | None, dry_run: bool) -> None:
    """Erase a data subject or a value from the vault (GDPR Art. 17, right to erasure).

    --subject ID erases everything stored for that person (names, e-mail, SSN, dates...):
    the form a GDPR Art. 17 request needs. VALUE erases one value: every span whose original
    contains it, whatever the span's edges ("I'm Maria Gonzalez", "GONZALEZ, MARIA"; case,
    accents and punctuation aside), a surrogate, and, for a person, the variants of the name
    within the subjects that name them in full. `-` reads the value or ID from stdin, keeping
    it out of the shell history. The entries are removed for good, so those surrogates can
    never be reversed; the vault log records that an erasure happened and its counts, never
    the value. Exit 1 when nothing matched (check the value or ID).

    \b
    Example:
        redact forget --vault ~/vaults/study.vault --subject patient-00123
        redact forget --vault ~/vaults/study.vault "Maria Gonzalez"
        echo "patient-00123" | redact forget --vault ~/vaults/study.vault --subject -
    """
    if (value is None) == (subject is None):
        raise click.UsageError("give either a VALUE or --subject ID, not both")
    given = [sys.stdin.readline().strip() if v == "-" else v for v in (value, subject)]
    result = _open(vault, vault_key_file).forget(given[0] if value is not None else None,
                                                  subject=given[1], dry_run=dry_run)
    verb = "would erase" if dry_run else "erased"
    click.echo(f"redact: {verb} {result.spans} span(s) in {result.documents} document(s)",
               err=True)
    if not result.spans:
        click.echo("redact: nothing in the vault matched", err=True)
        sys.exit(EXIT_NOTHING_ERASED)
    sys.exit(0)


COMMANDS: tuple[click.Command, ...] = (reidentify_command, forget_command)
