"""The ``redact`` command group: it assembles the subcommands, each defined in its own module
beside this one (which imports nothing back from here).

``redact --policy hipaa in/ out/`` is short for ``redact run --policy hipaa in/ out/``.
Exit codes: 0 done; 1 some files failed (the rest are written); 2 usage, policy, key or model
error, or another run writes to OUTPUT (nothing written); 3 stopped part way, e.g. a full disk
(partly written: the audit's journal.jsonl lists what was). Each command's module lists its own.
"""

from __future__ import annotations

import os

import click

from redactor import __version__
from redactor.cli import audit, evaluate, policy, review, run, serve, train, vault

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

SUBCOMMAND_MODULES = (run, evaluate, policy, vault, audit, train, serve, review)


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


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="redact")
def main() -> None:
    """Find personal data in text and apply a HIPAA / GDPR policy to it.

    \b
    Example:
        redact --policy hipaa notes/ redacted/
        cat note.txt | redact --policy gdpr --ephemeral-key - -
    """


for _module in SUBCOMMAND_MODULES:
    for _command in _module.COMMANDS:
        main.add_command(_command)

if __name__ == "__main__":  # pragma: no cover
    main()
