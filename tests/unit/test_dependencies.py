"""Runtime dependencies are what the package imports: every third-party import is declared."""

from __future__ import annotations

import ast
import re
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

tomllib = pytest.importorskip("tomllib")  # Python 3.11+

ROOT = Path(__file__).resolve().parents[2]


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirement_name(spec: str) -> str:
    return _norm(re.split(r"[\s<>=!~;\[]", spec.strip(), maxsplit=1)[0])


def _project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def _imported_top_level_names() -> set[str]:
    names: set[str] = set()
    for path in (ROOT / "redactor").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return {n for n in names if n != "redactor" and n not in sys.stdlib_module_names}


def test_every_third_party_import_is_a_declared_dependency() -> None:
    project = _project()
    declared = {_requirement_name(s) for s in project["dependencies"]}
    for extra in project["optional-dependencies"].values():
        declared |= {_requirement_name(s) for s in extra}
    dists = packages_distributions()
    undeclared = {}
    for name in sorted(_imported_top_level_names()):
        owners = {_norm(d) for d in dists.get(name, [])}
        if owners and not owners & declared:
            undeclared[name] = sorted(owners)
    assert not undeclared, f"imported but not declared in pyproject.toml: {undeclared}"


def test_training_only_packages_are_not_runtime_dependencies() -> None:
    project = _project()
    runtime = {_requirement_name(s) for s in project["dependencies"]}
    assert "accelerate" not in runtime
    assert "accelerate" in {_requirement_name(s) for s in project["optional-dependencies"]["train"]}


def test_every_data_file_of_the_package_is_package_data() -> None:
    """A wheel carries only the data files ``package-data`` names: a word list or policy left
    out would make an installed redactor fail (or, worse, detect less)."""
    from fnmatch import fnmatch

    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"][
        "package-data"]["redactor"]
    package = ROOT / "redactor"
    data = [p.relative_to(package).as_posix() for p in package.rglob("*")
            if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts]
    assert data, "expected data files under redactor/"
    missing = [f for f in data if not any(fnmatch(f, pat) for pat in patterns)]
    assert not missing, f"not in [tool.setuptools.package-data]: {missing}"
