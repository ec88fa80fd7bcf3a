"""The vault of a redaction run: opened and checked before any output is written, and the
format options each of its segments records (so re-identification reads an output file as the
run that wrote it did)."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from redactor.errors import OutputError
from redactor.formats.base import FormatOptions
from redactor.formats.plan import is_within
from redactor.policy import Policy
from redactor.transform.operators import REVERSIBLE_ACTIONS
from redactor.transform.pseudonyms import PseudonymContext
from redactor.vault.store import Vault, check_key_placement, load_vault_key

log = logging.getLogger("redactor")


def open_run_vault(
    path: Path,
    key_file: str | None,
    *,
    data_dirs: list[str],
    output: str | None,
    policy: Policy,
    ctx: PseudonymContext | None,
) -> Vault:
    """The run's vault (created when missing), refused when it or its key lies among the data
    (``data_dirs``: INPUT and OUTPUT, ``output``: OUTPUT, None for a stream) or when its key is
    the pseudonym key."""
    for folder in data_dirs:
        if Path(folder).is_dir() and is_within(path, Path(folder)):
            raise OutputError("the vault lies inside INPUT or OUTPUT; keep it apart from the data")
    if output is not None and is_within(path, Path(output)):
        raise OutputError("the vault lies inside OUTPUT; keep it apart from the data")
    check_key_placement(key_file, path, *data_dirs)
    key = load_vault_key(key_file)
    if ctx is not None and key.material == ctx.key.material:
        raise OutputError("the vault key is the pseudonym key; give the vault a key of its own")
    if ctx is None or not any(rule.action in REVERSIBLE_ACTIONS
                              for rule in [*policy.entities.values(), policy.default]):
        log.warning("policy %r pseudonymises nothing, so the vault will stay empty", policy.name)
    return Vault.open(path, key, create=True)


def options_record(options: FormatOptions) -> dict[str, object]:
    """The format options a segment records (:func:`options_from_record` reads them back)."""
    return {"text_fields": list(options.text_fields), "columns": list(options.columns),
            "encoding": options.encoding, "redact_keys": options.redact_keys}


def options_from_record(stored: Mapping[str, Any] | None, fallback: FormatOptions
                        ) -> FormatOptions:
    """The format options a segment recorded; ``fallback`` for a file the vault has none for."""
    if not stored:
        return fallback
    return FormatOptions(
        text_fields=tuple(stored.get("text_fields", ())),
        columns=tuple(stored.get("columns", ())),
        encoding=str(stored.get("encoding", fallback.encoding)),
        redact_keys=bool(stored.get("redact_keys", False)),  # keys are documents too then
    )
