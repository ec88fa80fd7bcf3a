"""Option bundles shared by the ``redact`` commands, as decorators, and the helpers that turn
their values into library objects.

A bundle adds its options in the order listed, where it is placed among a command's
decorators. The help text is the one most commands show; a command that says something else
about the same option passes its own (``help=`` or ``*_help=``), so every command's help stays
as it was written.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from redactor.formats.base import FormatOptions

F = TypeVar("F", bound=Callable[..., Any])

POLICY_HELP = "Bundled policy name (hipaa, gdpr) or YAML path."
POLICY_HELP_SHORT = "Bundled policy name or YAML path."
KEY_FILE_HELP = "File holding the secret key (else $REDACTOR_KEY)."
VAULT_KEY_FILE_HELP = "File holding the vault key (else $REDACTOR_VAULT_KEY)."
OVERWRITE_HELP = "Replace existing output files."
ENCODING_HELP = "Text encoding of the input."


def bundle(*decorators: Callable[[Any], Any]) -> Callable[[F], F]:
    """Several decorators as one, applied so that the options appear in the order given."""

    def decorate(func: F) -> F:
        for decorator in reversed(decorators):
            func = decorator(func)
        return func

    return decorate


def policy_option(help: str = POLICY_HELP) -> Callable[[F], F]:
    """``--policy/-p`` (required): a bundled policy name or a YAML path."""
    return click.option("--policy", "-p", required=True, help=help)


def key_options(key_file_help: str = KEY_FILE_HELP, *,
                ephemeral_help: str) -> Callable[[F], F]:
    """``--key-file`` and ``--ephemeral-key``: the secret key of hash/pseudonymize."""
    return bundle(
        click.option("--key-file", type=click.Path(dir_okay=False), help=key_file_help),
        click.option("--ephemeral-key", is_flag=True, help=ephemeral_help),
    )


def vault_options(vault_help: str, key_file_help: str = VAULT_KEY_FILE_HELP, *,
                  required: bool = False) -> Callable[[F], F]:
    """``--vault`` and ``--vault-key-file``: the encrypted surrogate-to-original mapping."""
    return bundle(
        click.option("--vault", required=required, type=click.Path(dir_okay=False),
                     help=vault_help),
        click.option("--vault-key-file", type=click.Path(dir_okay=False), help=key_file_help),
    )


def io_arguments() -> Callable[[F], F]:
    """``INPUT OUTPUT``: a folder, file or ``-`` each (stored as ``input_path``,
    ``output_path``)."""
    return bundle(
        click.argument("input_path", metavar="INPUT"),
        click.argument("output_path", metavar="OUTPUT"),
    )


def format_options(verb: str = "redact", *, text_field_help: str | None = None,
                   columns_help: str | None = None,
                   encoding_help: str = ENCODING_HELP) -> Callable[[F], F]:
    """``--text-field``, ``--columns`` and ``--encoding``: what of a structured file is text
    (see :func:`read_options`). ``verb`` names what is done to it in the default help."""
    return bundle(
        click.option("--text-field", "text_fields", multiple=True,
                     help=text_field_help or f"JSON/JSONL field to {verb} (dotted path; "
                     "repeatable). Default: every string."),
        click.option("--columns", multiple=True,
                     help=columns_help or f"CSV/TSV columns to {verb} (comma-separated or "
                     "repeated). Default: text cells."),
        click.option("--encoding", default="utf-8", show_default=True, help=encoding_help),
    )


def json_flag(help: str) -> Callable[[F], F]:
    """``--json`` (stored as ``as_json``): JSON on stdout instead of lines."""
    return click.option("--json", "as_json", is_flag=True, help=help)


def quiet_option(help: str) -> Callable[[F], F]:
    """``--quiet/-q``: less on stderr (what is left out, the command says)."""
    return click.option("--quiet", "-q", is_flag=True, help=help)


def verbose_option(help: str) -> Callable[[F], F]:
    """``--verbose/-v``: more log messages (never document text)."""
    return click.option("--verbose", "-v", is_flag=True, help=help)


def overwrite_option(help: str = OVERWRITE_HELP) -> Callable[[F], F]:
    """``--overwrite``: replace existing output."""
    return click.option("--overwrite", is_flag=True, help=help)


def device_option(help: str) -> Callable[[F], F]:
    """``--device DEVICE``: where the transformer runs (cpu, cuda, cuda:N)."""
    return click.option("--device", metavar="DEVICE", help=help)


def seed_option() -> Callable[[F], F]:
    """``--seed`` (default 13): the seed of generated or sampled data."""
    return click.option("--seed", default=13, show_default=True, type=int)


def input_file_option(*param_decls: str, help: str) -> Callable[[F], F]:
    """An option naming a file that must exist (a usage error otherwise)."""
    return click.option(*param_decls, type=click.Path(exists=True, dir_okay=False), help=help)


def count_option(*param_decls: str, default: int, minimum: int,
                 help: str | None = None) -> Callable[[F], F]:
    """An option taking a whole number of at least ``minimum`` (a usage error below it), its
    default shown in the help."""
    return click.option(*param_decls, default=default, show_default=True,
                        type=click.IntRange(min=minimum), help=help)


def choice_option(*param_decls: str, choices: Sequence[str], default: str,
                  help: str | None = None) -> Callable[[F], F]:
    """An option taking one of ``choices`` (listed in the help), its default shown."""
    return click.option(*param_decls, type=click.Choice(list(choices)), default=default,
                        show_default=True, help=help)


def label_map_option(help: str) -> Callable[[F], F]:
    """``--label-map THEIRS=OURS`` (repeatable, stored as ``label_map``)."""
    return click.option("--label-map", "label_map", multiple=True, metavar="THEIRS=OURS",
                        help=help)


def split_values(values: tuple[str, ...]) -> tuple[str, ...]:
    """Comma-separated and repeated values as one tuple, blanks dropped."""
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def read_options(text_fields: tuple[str, ...], columns: tuple[str, ...],
                 encoding: str) -> FormatOptions:
    """The :class:`~redactor.formats.base.FormatOptions` of :func:`format_options`' values."""
    from redactor.formats.base import FormatOptions

    return FormatOptions(text_fields=split_values(text_fields), columns=split_values(columns),
                         encoding=encoding)


def setup_logging(quiet: bool, verbose: bool) -> None:
    """Log to stderr at the level ``--quiet`` / ``--verbose`` ask for (default: warnings)."""
    level = logging.ERROR if quiet else logging.DEBUG if verbose else logging.WARNING
    logging.basicConfig(level=level, format="redact: %(levelname)s: %(message)s", stream=sys.stderr)


class WorkersType(click.ParamType):
    """``--workers``: ``auto`` or a whole number of at least 1."""

    name = "N|auto"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> int | str:
        """``auto`` as is, else the number (a usage error otherwise, exit 2)."""
        from redactor.pipeline.workers import parse_workers

        try:
            return parse_workers(value)
        except ValueError:
            self.fail(f"{value!r} is neither 'auto' nor a whole number of at least 1", param, ctx)


def workers_option(help: str) -> Callable[[F], F]:
    """``--workers N|auto`` (default ``auto``): worker processes, each with its own models."""
    return click.option("--workers", type=WorkersType(), default="auto", show_default=True,
                        help=help)
