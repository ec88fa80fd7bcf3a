"""Spark without a Java runtime: a clear error (exit 2, what to install), not exit 70."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from redactor.cli.root import main
from redactor.distributed.spark import find_java, require_java, spark_session
from redactor.errors import ModelError


@pytest.fixture
def no_java(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No ``java`` on the PATH and no JAVA_HOME."""
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.delenv("JAVA_HOME", raising=False)


def test_no_java_is_a_clear_model_error(no_java: None) -> None:
    assert find_java() is None
    with pytest.raises(ModelError, match=r"no `java` on the PATH.*Java 17\+.*openjdk-17"):
        require_java()
    pytest.importorskip("pyspark")
    with pytest.raises(ModelError, match="Java runtime"):
        spark_session()


def test_a_java_home_without_java_is_named(no_java: None, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JAVA_HOME", str(tmp_path))
    with pytest.raises(ModelError, match=r"JAVA_HOME .* holds no bin/java"):
        require_java()
    java = tmp_path / "bin" / "java"
    java.parent.mkdir()
    java.write_text("#!/bin/sh\n")
    java.chmod(0o755)
    assert find_java() == str(java)


def test_engine_spark_without_java_exits_2(no_java: None, tmp_path: Path,
                                           policy_file: Path) -> None:
    """Issue 11, item 8: it said "internal error ... please report the bug" (exit 70)."""
    pytest.importorskip("pyspark")
    source = tmp_path / "in.txt"
    source.write_text("Call 617-555-0143.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["--policy", str(policy_file), "--engine", "spark",
                                       str(source), str(out)])
    assert result.exit_code == 2, result.output
    assert "Java" in result.output and "openjdk-17-jre-headless" in result.output
    assert "internal error" not in result.output
    assert not any(out.rglob("*.txt")) if out.exists() else True
