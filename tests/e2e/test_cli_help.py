"""Every command explains itself, with an example."""

import pytest
from click.testing import CliRunner

from redactor.cli.root import main


def commands():
    return sorted(main.commands)


@pytest.mark.parametrize("name", commands())
def test_every_command_has_help_with_an_example(name):
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output and "redact" in result.output


def test_entities_lists_the_catalogue():
    result = CliRunner().invoke(main, ["entities"])
    assert result.exit_code == 0 and "PERSON" in result.output and "HIPAA #7" in result.output


def test_check_policy():
    result = CliRunner().invoke(main, ["check-policy", "hipaa"])
    assert result.exit_code == 0 and "is valid" in result.output


def test_version():
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and "redact" in result.output
