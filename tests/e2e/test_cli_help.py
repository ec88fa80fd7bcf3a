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
    order = result.output.split("recognizers, in the order they run:")[1].split()
    assert order == ["patterns.v1", "names.v1", "places.v1", "spacy.v1", "transformer.v1"]


def test_check_policy_lists_a_policys_own_recognizers(tmp_path):
    policy = tmp_path / "p.yaml"
    policy.write_text(
        "name: p\ndetectors: {patterns: true, names: false}\n"
        "custom_entities: {EMPLOYEE_ID: employee number}\n"
        "entities: {EMPLOYEE_ID: {action: redact}}\n"
        "recognizers:\n  - {type: regex, name: emp, label: EMPLOYEE_ID, pattern: 'EMP-\\d{6}'}\n"
        "deny: {PERSON: [Falcon]}\n")
    result = CliRunner().invoke(main, ["check-policy", str(policy)])
    assert result.exit_code == 0, result.output
    assert "EMPLOYEE_ID" in result.output
    tail = result.output.split("in the order they run:")[1]
    assert tail.split() == ["patterns.v1", "regex.v1", "(recognizers.0:", "emp)", "deny_list.v1"]


def test_version():
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and "redact" in result.output
