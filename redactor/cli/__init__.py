"""The ``redact`` command line: the root command in :mod:`redactor.cli.root`, one module per
subcommand group beside it."""

from redactor.cli.root import main

__all__ = ["main"]
