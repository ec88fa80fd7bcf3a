"""``redact reidentify`` and ``redact forget``: the vault's two commands (thin click layer)."""

from __future__ import annotations

import sys

import click


def _open(vault: str, vault_key_file: str | None):  # -> Vault
    from redactor.vault import Vault, load_vault_key

    return Vault.open(vault, load_vault_key(vault_key_file))


@click.command("reidentify")
@click.option("--vault", required=True, type=click.Path(dir_okay=False),
              help="The vault a `redact --vault` run wrote.")
@click.option("--vault-key-file", type=click.Path(dir_okay=False),
              help="File holding the vault key (else $REDACTOR_VAULT_KEY).")
@click.argument("input_path", metavar="INPUT")
@click.argument("output_path", metavar="OUTPUT")
@click.option("--text-field", "text_fields", multiple=True,
              help="JSON field for files the vault has no record of (default: every string).")
@click.option("--columns", multiple=True,
              help="CSV columns for files the vault has no record of (default: text cells).")
@click.option("--encoding", default="utf-8", show_default=True,
              help="Encoding for files the vault has no record of.")
@click.option("--overwrite", is_flag=True, help="Replace existing output files.")
@click.option("--quiet", "-q", is_flag=True, help="No summary.")
def reidentify_command(vault: str, vault_key_file: str | None, input_path: str,
                       output_path: str, text_fields: tuple[str, ...], columns: tuple[str, ...],
                       encoding: str, overwrite: bool, quiet: bool) -> None:
    """Put the originals back into pseudonymised INPUT (folder or file), writing OUTPUT.

    Only an authorised holder of the vault key can do this. Spans whose entries were erased
    with `redact forget` stay pseudonymised. Exit 1 when some span could not be restored.

    \b
    Example:
        REDACTOR_VAULT_KEY=... redact reidentify --vault ~/vaults/study.vault out/ restored/
    """
    from redactor.cli import _setup_logging, _split, handle_errors
    from redactor.formats.base import FormatOptions
    from redactor.reidentify import reidentify

    @handle_errors
    def go() -> int:
        _setup_logging(quiet, False)
        opened = _open(vault, vault_key_file)
        options = FormatOptions(text_fields=_split(text_fields), columns=_split(columns),
                                encoding=encoding)
        summary = reidentify(input_path, output_path, opened, overwrite=overwrite,
                             options=options)
        if not quiet:
            click.echo(f"redact: {summary.files} file(s), {summary.documents} document(s), "
                       f"{summary.restored} span(s) restored, {summary.unresolved} unresolved"
                       + (f", {len(summary.failed)} file(s) FAILED" if summary.failed else ""),
                       err=True)
        return summary.exit_code

    sys.exit(go())


@click.command("forget")
@click.option("--vault", required=True, type=click.Path(dir_okay=False),
              help="The vault to erase from.")
@click.option("--vault-key-file", type=click.Path(dir_okay=False),
              help="File holding the vault key (else $REDACTOR_VAULT_KEY).")
@click.argument("value_or_subject", metavar="VALUE_OR_SUBJECT")
@click.option("--dry-run", is_flag=True, help="Count what would be erased; change nothing.")
def forget_command(vault: str, vault_key_file: str | None, value_or_subject: str,
                   dry_run: bool) -> None:
    """Erase a value or a data subject from the vault (GDPR Art. 17, right to erasure).

    VALUE_OR_SUBJECT is an original value (a name, an e-mail address; for a person, the
    variants of the name in the documents that name them in full go too), a surrogate, or a
    subject id as given with --subject-field; `-` reads one from stdin, keeping it out of
    the shell history. The entries are removed for good, so those surrogates can never be
    reversed; the vault log records that an erasure happened and its counts, never the value.

    \b
    Example:
        redact forget --vault ~/vaults/study.vault "Maria Gonzalez"
        echo "patient-00123" | redact forget --vault ~/vaults/study.vault -
    """
    from redactor.cli import handle_errors

    @handle_errors
    def go() -> None:
        value = sys.stdin.readline().strip() if value_or_subject == "-" else value_or_subject
        result = _open(vault, vault_key_file).forget(value, dry_run=dry_run)
        verb = "would erase" if dry_run else "erased"
        click.echo(f"redact: {verb} {result.spans} span(s) in {result.documents} document(s)",
                   err=True)
        if not result.spans:
            click.echo("redact: nothing in the vault matched", err=True)

    go()


def register(group: click.Group) -> None:
    """Add the vault commands to the ``redact`` command group."""
    group.add_command(reidentify_command)
    group.add_command(forget_command)
