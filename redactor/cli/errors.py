"""The command line's one error handler: library errors become one-line messages and exit codes,
never tracebacks, and nothing a message might quote from a document is shown.

Every ``redact`` command's callback is wrapped by :func:`handle_errors`. Exit codes it gives:
2 a library error (usage, policy, input, key, model: :class:`~redactor.errors.RedactorError`);
70 an unexpected error (its message withheld); 130 interrupted; 141 stdout closed early.
Click's own usage errors and ``sys.exit`` from a command pass through unchanged.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from collections.abc import Callable
from typing import Any, NoReturn, TypeVar

import click

from redactor.errors import RedactorError

EXIT_USAGE = 2
EXIT_INTERNAL = 70  # EX_SOFTWARE
EXIT_INTERRUPTED = 130  # 128 + SIGINT
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE
DEBUG_ENV = "REDACTOR_DEBUG"

F = TypeVar("F", bound=Callable[..., Any])


def fail(exc: RedactorError) -> NoReturn:
    """Print a library error as a one-line message (plus its listed problems) and exit 2."""
    click.echo(f"redact: error: {exc}", err=True)
    sys.exit(EXIT_USAGE)


def handle_errors(func: F) -> F:
    """Decorator for a command's callback: library errors become clear messages and exit codes,
    never tracebacks. The wrapper is marked ``handles_errors`` (a test checks every command)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except RedactorError as exc:
            fail(exc)
        except KeyboardInterrupt:
            click.echo("redact: interrupted; rerun with --resume to finish", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except BrokenPipeError:
            # stdout closed early (`redact ... - - | head`): stop quietly, as Unix tools do
            with contextlib.suppress(OSError):
                sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - no flush error at exit
            sys.exit(EXIT_BROKEN_PIPE)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except Exception as exc:
            # An unexpected error's message may quote document text: show its type only.
            if os.environ.get(DEBUG_ENV):
                raise
            click.echo(
                f"redact: internal error ({type(exc).__name__}); its message is withheld because "
                "it may contain document text. Set REDACTOR_DEBUG=1 to see it, and please "
                "report the bug.",
                err=True,
            )
            sys.exit(EXIT_INTERNAL)

    wrapper.handles_errors = True  # type: ignore[attr-defined]
    return wrapper  # type: ignore[return-value]


def handles_errors(func: Callable[..., Any] | None) -> bool:
    """Whether ``func`` (a command's callback) is wrapped by :func:`handle_errors`."""
    return bool(getattr(func, "handles_errors", False))
