"""Shared test set-up: offline, and a fixed key for keyed actions."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
# Word lists cached for this session only (and its worker processes), not in ~/.cache.
os.environ.setdefault("REDACTOR_CACHE_DIR", tempfile.mkdtemp(prefix="redactor-test-cache-"))

import pytest

TEST_KEY = "test-key-0123456789abcdef"


@pytest.fixture
def key_env(monkeypatch: pytest.MonkeyPatch) -> str:
    """A fixed REDACTOR_KEY for the test."""
    monkeypatch.setenv("REDACTOR_KEY", TEST_KEY)
    return TEST_KEY


@pytest.fixture
def no_key_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No REDACTOR_KEY in the environment."""
    monkeypatch.delenv("REDACTOR_KEY", raising=False)
