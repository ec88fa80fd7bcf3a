"""The ``redact`` command line: the group in :mod:`redactor.cli.root`, which assembles one
module per subcommand group; those share :mod:`redactor.cli.options` (option bundles) and
:mod:`redactor.cli.errors` (the one error handler), and never import the root back."""

from redactor.cli.root import main

__all__ = ["main"]
