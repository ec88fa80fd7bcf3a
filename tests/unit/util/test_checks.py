"""Option checks: every failed check is reported, in order, in one error."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from redactor.errors import InputError
from redactor.util.checks import at_least, failures, one_of, raise_failures


def test_failures_keeps_the_failed_messages_in_order() -> None:
    assert failures([(True, "a"), (False, "b"), (True, "c")]) == ["a", "c"]
    assert failures([]) == []


def test_at_least_checks_each_name_against_the_minimum_with_its_label() -> None:
    obj = SimpleNamespace(low=0, edge=1, high=5)
    checks = at_least(obj, ("low", "edge", "high"), 1, lambda n: n.upper())
    assert failures(checks) == ["LOW must be at least 1"]
    assert failures(at_least(obj, ("high",), 8)) == ["high must be at least 8"]


def test_one_of_names_every_choice() -> None:
    assert one_of("metric", "f1", ("f1", "recall")) == (False, "metric must be one of f1, recall")
    assert one_of("metric", "acc", ("f1", "recall"))[0]


def test_raise_failures_lists_every_failed_check_together() -> None:
    raise_failures("test", [(False, "fine")])
    with pytest.raises(InputError, match=r"invalid test options: a must be x; c must be z$"):
        raise_failures("test", [(True, "a must be x"), (False, "b"), (True, "c must be z")])
