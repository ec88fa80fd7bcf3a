"""The shared option bundles: options in the order listed, defaults, and the values turned
into library objects."""

from __future__ import annotations

import click
from click.testing import CliRunner

from redactor.cli.options import (
    POLICY_HELP,
    choice_option,
    count_option,
    format_options,
    input_file_option,
    io_arguments,
    key_options,
    policy_option,
    read_options,
    split_values,
    vault_options,
)
from redactor.cli.root import main


def params(command: click.Command) -> list[str]:
    return [p.name or "" for p in command.params]


def test_bundles_add_their_options_in_order_where_placed() -> None:
    @click.command()
    @policy_option()
    @io_arguments()
    @format_options("scan")
    @key_options(ephemeral_help="e")
    @vault_options("v", required=True)
    def command(**kwargs: object) -> None:
        """A command."""

    assert params(command) == ["policy", "input_path", "output_path", "text_fields", "columns",
                               "encoding", "key_file", "ephemeral_key", "vault",
                               "vault_key_file"]
    by_name = {p.name: p for p in command.params}
    assert by_name["policy"].required and by_name["vault"].required
    assert by_name["encoding"].default == "utf-8"
    assert "to scan" in (by_name["text_fields"].help or "")
    assert by_name["policy"].help == POLICY_HELP


def test_a_bundle_parses_its_values() -> None:
    seen = {}

    @click.command()
    @policy_option()
    @format_options()
    def command(policy: str, text_fields: tuple[str, ...], columns: tuple[str, ...],
                encoding: str) -> None:
        """A command."""
        seen.update(policy=policy, options=read_options(text_fields, columns, encoding))

    result = CliRunner().invoke(command, ["-p", "hipaa", "--columns", "a, b", "--columns", "c",
                                          "--text-field", "x.y"])
    assert result.exit_code == 0, result.output
    assert seen["policy"] == "hipaa"
    assert seen["options"].columns == ("a", "b", "c")
    assert seen["options"].text_fields == ("x.y",)
    assert seen["options"].encoding == "utf-8"


def test_policy_is_required() -> None:
    @click.command()
    @policy_option()
    def command(policy: str) -> None:
        """A command."""

    result = CliRunner().invoke(command, [])
    assert result.exit_code == 2 and "--policy" in result.output


def test_split_values_drops_blanks() -> None:
    assert split_values(("a,b", " c ,", ",,", "")) == ("a", "b", "c")
    assert split_values(()) == ()


def test_commands_that_take_a_policy_share_the_bundle() -> None:
    """Every `--policy/-p` is the required bundle's (train's optional --policy is another)."""
    for name, command in main.commands.items():
        for param in command.params:
            if "-p" in getattr(param, "opts", []):
                assert param.required and param.opts == ["--policy", "-p"], name


def test_workers_default_to_auto_and_take_numbers() -> None:
    from redactor.cli.options import workers_option

    @click.command()
    @workers_option("Workers.")
    def cmd(workers: int | str) -> None:
        click.echo(repr(workers))

    runner = CliRunner()
    assert runner.invoke(cmd, []).output == "'auto'\n"
    assert runner.invoke(cmd, ["--workers", "3"]).output == "3\n"
    assert runner.invoke(cmd, ["--workers", "Auto"]).output == "'auto'\n"
    for bad in ("0", "two", "-1"):
        result = runner.invoke(cmd, ["--workers", bad])
        assert result.exit_code == 2 and "neither 'auto' nor a whole number" in result.output


def test_count_choice_and_input_file_options_check_their_values(tmp_path) -> None:
    @click.command()
    @count_option("--count", default=5, minimum=2, help="How many.")
    @choice_option("--as", "fold_as", choices=("a", "b"), default="a")
    @input_file_option("--data", help="A file.")
    def command(count: int, fold_as: str, data: str | None) -> None:
        """A command."""
        click.echo(f"{count} {fold_as} {data}")

    existing = tmp_path / "d.txt"
    existing.write_text("x")
    runner = CliRunner()
    assert runner.invoke(command, []).output == "5 a None\n"
    ok = runner.invoke(command, ["--count", "2", "--as", "b", "--data", str(existing)])
    assert ok.output == f"2 b {existing}\n"
    for args in (["--count", "1"], ["--as", "c"], ["--data", str(tmp_path / "none")],
                 ["--data", str(tmp_path)]):
        assert runner.invoke(command, args).exit_code == 2, args
    help_text = runner.invoke(command, ["--help"]).output
    assert "[default: 5; x>=2]" in help_text and "[a|b]" in help_text
