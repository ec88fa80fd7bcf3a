"""Shared fixtures for the audit tests: a small seeded set and recognizers that know its gold."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fakes import SEED, SIZE, Oracle

from redactor.detect.engine import Engine
from redactor.policy import Policy, load_policy
from redactor.quality.evaluate import GoldSpan
from redactor.quality.synth import generate


@pytest.fixture(scope="session")
def hipaa() -> Policy:
    return load_policy("hipaa")


@pytest.fixture(scope="session")
def gold_by_text(hipaa: Policy) -> dict[str, tuple[GoldSpan, ...]]:
    docs = generate(SIZE, SEED, labels=hipaa.entity_labels)
    return {d.text: d.spans for d in docs}


@pytest.fixture
def oracle_class() -> type[Oracle]:
    """The Oracle recognizer class (:mod:`fakes`)."""
    return Oracle


@pytest.fixture
def oracle_engine(hipaa: Policy, gold_by_text) -> Callable[..., Engine]:
    """``oracle_engine(drop=...)``: an Engine over the Oracle recognizer."""

    def make(drop: Callable[[GoldSpan], bool] = lambda s: False) -> Engine:
        return Engine(hipaa, [Oracle(gold_by_text, drop)])

    return make


@pytest.fixture(scope="session")
def perfect_report(hipaa: Policy, gold_by_text) -> dict:
    """The report of an audit whose detector finds every gold span (every group counts as
    supported: the set is kept small for speed, far below the real minimum support)."""
    from redactor.quality.audit import run_audit

    engine = Engine(hipaa, [Oracle(gold_by_text)])
    return run_audit(hipaa, size=SIZE, seed=SEED, engine=engine, n_boot=50,
                     min_support=1).report
