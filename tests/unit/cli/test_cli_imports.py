"""Issue 12: the subcommand modules import the shared CLI modules and the library, never the
root command module that assembles them (no imports back, eager or lazy)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import redactor.cli

CLI_DIR = Path(redactor.cli.__file__).parent
ROOT = "redactor.cli.root"
ASSEMBLY = {"__init__", "__main__", "root"}  # the modules that may name the root
SHARED = {"redactor.cli.errors", "redactor.cli.options", "redactor.cli.progress"}


def cli_imports(source: str) -> set[str]:
    """Every ``redactor.cli...`` module (or ``redactor.cli`` name) that ``source`` imports,
    at any depth (function-level imports included), relative imports resolved."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("redactor.cli")}
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:  # relative to redactor.cli
                module = ".".join(p for p in ("redactor.cli", module) if p)
            if module == "redactor.cli":  # `from redactor.cli import root, main, options`
                found |= {f"redactor.cli.{a.name}" for a in node.names}
            elif module.startswith("redactor.cli."):
                found.add(module)
    return found


def subcommand_modules() -> list[Path]:
    return sorted(p for p in CLI_DIR.glob("*.py")
                  if p.stem not in ASSEMBLY and f"redactor.cli.{p.stem}" not in SHARED)


@pytest.mark.parametrize("source, imported", [
    ("from redactor.cli.root import main", {ROOT}),
    ("def f():\n    from redactor.cli.root import handle_errors", {ROOT}),
    ("import redactor.cli.root", {ROOT}),
    ("from redactor.cli import root", {ROOT}),
    ("from redactor.cli import main", {"redactor.cli.main"}),
    ("from .root import main", {ROOT}),
    ("from . import root", {ROOT}),
    ("from redactor.cli.options import policy_option", {"redactor.cli.options"}),
    ("from redactor.policy import load_policy", set()),
])
def test_the_check_sees_every_form_of_import(source: str, imported: set[str]) -> None:
    assert cli_imports(source) == imported


def test_there_are_subcommand_modules_to_check() -> None:
    names = {p.stem for p in subcommand_modules()}
    assert {"run", "audit", "review", "serve", "train", "vault"} <= names


@pytest.mark.parametrize("path", subcommand_modules(), ids=lambda p: p.stem)
def test_subcommand_modules_import_only_shared_cli_modules(path: Path) -> None:
    imported = cli_imports(path.read_text(encoding="utf-8"))
    assert imported <= SHARED, f"{path.name} imports {sorted(imported - SHARED)}"


@pytest.mark.parametrize("module", sorted(SHARED))
def test_shared_modules_import_no_command_module(module: str) -> None:
    path = CLI_DIR / f"{module.rsplit('.', 1)[1]}.py"
    assert cli_imports(path.read_text(encoding="utf-8")) <= SHARED
