"""Dev-set regression: each document's misses equal the recorded known failures (docdeid style).

A change that loses an identifier the stack used to find fails here with the document id, the
offsets and the type; a change that finds a recorded miss fails too, asking for
``make known-failures`` so the record stays exact.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from redactor.quality import known_failures as kf
from redactor.quality.evaluate import GoldDoc, GoldSpan, load_gold_jsonl

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "benchmarks" / "data" / "dev.jsonl"
RECORD = Path(__file__).with_name("known_failures.json")


def _doc(doc_id: str, *spans: tuple[int, int, str]) -> GoldDoc:
    return GoldDoc(doc_id, "x" * 40, tuple(GoldSpan(s, e, label) for s, e, label in spans))


class _Pred:
    def __init__(self, start: int, end: int, label: str) -> None:
        self.start, self.end, self.label = start, end, label


def test_document_misses_are_type_blind_overlaps_on_policy_labels() -> None:
    docs = [_doc("a", (0, 4, "PERSON"), (10, 14, "DATE"), (20, 24, "NRP")),
            _doc("b", (0, 3, "DATE"))]
    predicted = [[_Pred(2, 6, "LOCATION")], [_Pred(0, 3, "DATE")]]
    misses = kf.document_misses(docs, predicted, frozenset({"PERSON", "DATE", "LOCATION"}))
    assert misses == {"a": [(10, 14, "DATE")]}


def test_compare_splits_losses_from_gains() -> None:
    recorded = {"a": [(10, 14, "DATE")], "c": [(1, 2, "PERSON")]}
    current = {"a": [(10, 14, "DATE"), (0, 4, "PERSON")]}
    result = kf.compare(recorded, current)
    assert result.regressions == {"a": [(0, 4, "PERSON")]}
    assert result.improvements == {"c": [(1, 2, "PERSON")]}
    assert not result.clean and kf.compare(current, current).clean
    assert "a: [(0, 4, 'PERSON')]" in kf.summary(result)


def test_written_record_reads_back(tmp_path: Path) -> None:
    misses = {"dev-2": [(3, 9, "PERSON")], "dev-1": [(0, 2, "AGE"), (5, 7, "DATE")]}
    unstable = {"dev-3": [(1, 4, "DEVICE_ID")]}
    kf.write(tmp_path / "k.json", "hipaa", misses, unstable)
    assert kf.read(tmp_path / "k.json") == misses
    assert kf.read(tmp_path / "k.json", "unstable") == unstable
    kf.write(tmp_path / "none.json", "hipaa", misses)
    assert kf.read(tmp_path / "none.json", "unstable") == {}


def test_unstable_misses_are_those_any_nudged_run_moves() -> None:
    current = {"a": [(0, 4, "PERSON"), (9, 12, "DATE")]}
    nudged = [{"a": [(0, 4, "PERSON")]},                          # (9, 12) found by chance
              {"a": [(0, 4, "PERSON"), (9, 12, "DATE")], "b": [(1, 2, "AGE")]}]  # fmt: skip
    assert kf.unstable_misses(current, nudged) == {"a": [(9, 12, "DATE")], "b": [(1, 2, "AGE")]}
    assert kf.unstable_misses(current, [current]) == {}


def test_unstable_misses_count_neither_way_but_the_rest_must_match() -> None:
    recorded = {"a": [(9, 12, "DATE")], "c": [(1, 2, "PERSON")]}
    unstable = {"a": [(9, 12, "DATE")], "b": [(5, 8, "AGE")]}
    now = {"b": [(5, 8, "AGE")], "c": [(1, 2, "PERSON")]}  # one unstable found, one missed
    assert kf.compare(recorded, now, unstable).clean
    assert not kf.compare(recorded, now).clean
    lost = {"b": [(5, 8, "AGE")], "c": [(1, 2, "PERSON"), (3, 6, "PERSON")]}
    assert kf.compare(recorded, lost, unstable).regressions == {"c": [(3, 6, "PERSON")]}


@pytest.mark.model
@pytest.mark.slow
def test_dev_set_misses_are_the_known_failures() -> None:
    from redactor.policy import load_policy

    recorded_policy = __import__("json").loads(RECORD.read_text())["policy"]
    docs = load_gold_jsonl(DEV)
    labels = load_policy(recorded_policy).entity_labels
    current = kf.document_misses(docs, kf.predict(recorded_policy, docs), labels)
    comparison = kf.compare(kf.read(RECORD), current, kf.read(RECORD, "unstable"))
    assert comparison.clean, kf.summary(comparison)
