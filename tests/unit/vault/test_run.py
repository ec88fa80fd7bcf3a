"""The vault of a redaction run: placement checks and the options its segments record."""

from __future__ import annotations

from pathlib import Path

import pytest

from redactor.errors import OutputError
from redactor.formats.base import FormatOptions
from redactor.policy import load_policy
from redactor.vault.run import open_run_vault, options_from_record, options_record


def test_options_round_trip() -> None:
    options = FormatOptions(text_fields=("a.b",), columns=("note",), encoding="latin-1",
                            redact_keys=True)
    assert options_from_record(options_record(options), FormatOptions()) == options
    fallback = FormatOptions(columns=("x",))
    assert options_from_record(None, fallback) is fallback
    assert options_from_record({}, fallback) is fallback


def test_a_vault_among_the_data_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                           ) -> None:
    monkeypatch.setenv("REDACTOR_VAULT_KEY", "vault-key-0123456789abcdef")
    (tmp_path / "in").mkdir()
    (tmp_path / "out").mkdir()
    policy = load_policy("hipaa")
    for inside in ("in", "out"):
        with pytest.raises(OutputError, match="the vault lies inside"):
            open_run_vault(tmp_path / inside / "v", None,
                           data_dirs=[str(tmp_path / "in"), str(tmp_path / "out")],
                           output=str(tmp_path / "out"), policy=policy, ctx=None)
    vault = open_run_vault(tmp_path / "vault", None,
                           data_dirs=[str(tmp_path / "in"), str(tmp_path / "out")],
                           output=str(tmp_path / "out"), policy=policy, ctx=None)
    assert vault.path == tmp_path / "vault"
