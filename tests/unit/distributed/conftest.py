"""Policies and texts shared by the distributed-engine tests."""

from __future__ import annotations

from pathlib import Path

import pytest

PATTERNS_ONLY = """\
name: patterns-only
threshold: 0.5
detectors: {patterns: true, names: true}
entities:
  PERSON: {action: redact}
  NRP: {action: keep}
"""

KEYED = """\
name: keyed
threshold: 0.5
detectors: {patterns: true, names: true}
default: {action: redact}
entities:
  PERSON: {action: pseudonymize}
  EMAIL_ADDRESS: {action: hash, length: 12}
  PHONE_NUMBER: {action: pseudonymize}
  DATE: {action: date_shift, max_days: 30}
"""

TEXTS = [
    "Seen by Dr. Ana Souza on 03/14/2021, call 617-555-0143.",
    "closed",
    "Patient: SMITH, JOHN   MRN: 4471923",
    "Write to kofi.mensah@example.org or call (212) 555-0199.",
    "closed",
    "",
    "Signed by Li Wei, MD on 2020-02-29",
    "Seen by Dr. Ana Souza on 03/14/2021, call 617-555-0143.",
]


@pytest.fixture
def texts() -> list[str]:
    """Short texts with identifiers, repeats and an empty one."""
    return list(TEXTS)


@pytest.fixture
def policy_file(tmp_path: Path) -> Path:
    """A keyless patterns + names policy (loads in well under a second)."""
    path = tmp_path / "patterns-only.yaml"
    path.write_text(PATTERNS_ONLY, encoding="utf-8")
    return path


@pytest.fixture
def keyed_policy_file(tmp_path: Path) -> Path:
    """A policy with keyed actions (pseudonymize, hash, date_shift)."""
    path = tmp_path / "keyed.yaml"
    path.write_text(KEYED, encoding="utf-8")
    return path
