"""The one CLI error handler: library errors, interrupts, closed pipes and bugs each become a
message and an exit code; nothing a message might quote from a document is shown."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from redactor.cli.errors import (
    EXIT_BROKEN_PIPE,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    handle_errors,
    handles_errors,
)
from redactor.cli.root import main
from redactor.errors import InputError, PolicyError

SECRET = "Jane Doe 078-05-1120"


def command_raising(exc: BaseException) -> click.Command:
    @click.command()
    @handle_errors
    def command() -> None:
        """Raise."""
        raise exc

    return command


def invoke(exc: BaseException) -> tuple[int, str]:
    result = CliRunner().invoke(command_raising(exc), [])
    return result.exit_code, result.output


@pytest.mark.parametrize("exc", [PolicyError("no bundled policy named 'x'"),
                                 InputError("input 'a.txt' does not exist")])
def test_library_errors_are_one_line_and_exit_2(exc: Exception) -> None:
    code, output = invoke(exc)
    assert code == EXIT_USAGE == 2
    assert output == f"redact: error: {exc}\n" and "Traceback" not in output


def test_an_unexpected_error_shows_its_type_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REDACTOR_DEBUG", raising=False)
    code, output = invoke(ValueError(f"bad value {SECRET}"))
    assert code == EXIT_INTERNAL == 70
    assert "internal error (ValueError)" in output and SECRET not in output


def test_redactor_debug_lets_the_error_through(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDACTOR_DEBUG", "1")
    result = CliRunner().invoke(command_raising(ValueError("boom")), [])
    assert isinstance(result.exception, ValueError)


def test_interrupt_exits_130_and_says_how_to_resume() -> None:
    code, output = invoke(KeyboardInterrupt())
    assert code == EXIT_INTERRUPTED == 130 and "--resume" in output


def test_a_closed_pipe_exits_141_quietly() -> None:
    code, output = invoke(BrokenPipeError())
    assert code == EXIT_BROKEN_PIPE == 141 and output == ""


@pytest.mark.parametrize("exc, code", [(click.UsageError("give either"), 2),
                                       (SystemExit(4), 4), (click.exceptions.Exit(0), 0)])
def test_click_errors_and_exits_pass_through(exc: BaseException, code: int) -> None:
    assert invoke(exc)[0] == code


def test_every_command_uses_the_handler() -> None:
    assert sorted(main.commands) and all(
        handles_errors(command.callback) for command in main.commands.values()
    ), [name for name, c in main.commands.items() if not handles_errors(c.callback)]


def test_the_marker_is_not_on_a_bare_function() -> None:
    def bare() -> None:
        """Nothing."""

    assert not handles_errors(bare) and handles_errors(handle_errors(bare))
