"""Audit gates: min_recall overall, per entity type and per group; max_group_gap per facet."""

from __future__ import annotations

import pytest

from redactor.policy import AuditGates
from redactor.quality.gates import check_gates, passed


def group(recall, n=100):
    return {"recall": recall, "n_gold": n}


def metrics(overall=0.95, types=None, origins=None, genders=None):
    return {
        "overall": {"recall": overall, "n_gold": 1000},
        "per_entity": {k: group(v) for k, v in (types or {"PERSON": 0.95, "DATE": 0.99}).items()},
        "person_groups": {
            "origin": {"by_group": {k: group(v) for k, v in
                                    (origins or {"us": 0.96, "kenya": 0.95}).items()}},
            "gender": {"by_group": {k: group(v) for k, v in
                                    (genders or {"female": 0.95, "male": 0.96}).items()}},
        },
    }


GATES = AuditGates(min_recall=0.9, max_group_gap=0.05)


def by_name(results):
    return {r.name: r for r in results}


def test_all_gates_pass():
    results = check_gates(metrics(), GATES)
    assert passed(results) and len(results) == 5
    assert [r.name for r in results] == ["min_recall.overall", "min_recall.entity_type",
                                         "min_recall.person_group", "max_group_gap.origin",
                                         "max_group_gap.gender"]


@pytest.mark.parametrize(
    ("kwargs", "gate", "failing", "also_failing"),
    [
        ({"overall": 0.85}, "min_recall.overall", ("all",), set()),
        ({"types": {"PERSON": 0.95, "ZIP_CODE": 0.4, "AGE": 0.8}}, "min_recall.entity_type",
         ("ZIP_CODE", "AGE"), set()),
        ({"origins": {"us": 0.95, "korea": 0.85, "china": 0.88}}, "min_recall.person_group",
         ("origin=korea", "origin=china"), {"max_group_gap.origin"}),
        ({"genders": {"female": 0.89, "male": 0.91}}, "min_recall.person_group",
         ("gender=female",), set()),
        ({"origins": {"mexico": 0.99, "us": 0.96, "vietnam": 0.93, "korea": 0.92}},
         "max_group_gap.origin", ("origin=korea", "origin=vietnam"), set()),
        ({"genders": {"female": 0.99, "male": 0.92}}, "max_group_gap.gender", ("gender=male",),
         set()),
    ],
)
def test_a_failing_gate_names_what_fails(kwargs, gate, failing, also_failing):
    results = by_name(check_gates(metrics(**kwargs), GATES))
    assert not results[gate].passed and results[gate].failing == failing
    assert not passed(list(results.values()))
    assert gate in results[gate].message() and "FAIL" in results[gate].message()
    assert {name for name, r in results.items() if not r.passed} == {gate, *also_failing}


def test_gap_value_is_best_minus_worst():
    results = by_name(check_gates(metrics(origins={"a": 0.99, "b": 0.95, "c": 0.97}), GATES))
    gate = results["max_group_gap.origin"]
    assert gate.passed and gate.value == pytest.approx(0.04) and "origin=a" in gate.detail


def test_a_small_group_never_passes_and_is_named():
    """Issue 11: a group under the minimum support makes its gate INSUFFICIENT, not PASS."""
    m = metrics(types={"PERSON": 0.95, "BIOMETRIC_ID": 0.0})
    m["per_entity"]["BIOMETRIC_ID"]["n_gold"] = 5
    gate = by_name(check_gates(m, GATES))["min_recall.entity_type"]
    assert not gate.passed and gate.status == "INSUFFICIENT" and gate.failing == ()
    assert gate.insufficient == (("BIOMETRIC_ID", 5),) and gate.value == 0.0
    assert gate.message().startswith("INSUFFICIENT  min_recall.entity_type")
    assert "BIOMETRIC_ID (n=5)" in gate.message()
    assert gate.to_dict()["insufficient"] == [{"group": "BIOMETRIC_ID", "n_gold": 5}]
    judged = by_name(check_gates(m, GATES, min_support=5))["min_recall.entity_type"]
    assert judged.status == "FAIL" and judged.failing == ("BIOMETRIC_ID",)


def test_a_gap_from_a_small_group_is_shown_and_not_passed():
    """The --size 60 case: vietnam (n=15) at 0.867, the others at 1.0. The gate's value is the
    headline's gap (0.133), and the gate is not a PASS."""
    m = metrics(origins={"us": 1.0, "kenya": 1.0, "vietnam": 0.867})
    m["person_groups"]["origin"]["by_group"]["vietnam"]["n_gold"] = 15
    results = by_name(check_gates(m, GATES))
    gate = results["max_group_gap.origin"]
    assert gate.value == pytest.approx(0.133) and gate.status == "INSUFFICIENT"
    assert "origin=vietnam (n=15)" in gate.message() and not passed(list(results.values()))
    assert results["min_recall.person_group"].insufficient == (("origin=vietnam", 15),)
    from redactor.quality.gates import verdict

    assert verdict(list(results.values())) == "INSUFFICIENT"
    m["person_groups"]["origin"]["by_group"]["kenya"]["recall"] = 0.9  # a judged group fails
    assert by_name(check_gates(m, GATES))["max_group_gap.origin"].status == "FAIL"


def test_expected_groups_without_examples_are_insufficient():
    results = by_name(check_gates(metrics(), GATES, expected={
        "origin": ("us", "kenya", "korea"), "gender": ("female", "male")}))
    assert results["max_group_gap.origin"].insufficient == (("origin=korea", 0),)
    assert results["max_group_gap.gender"].passed
    lone = metrics(origins={"us": 0.96})
    lone["person_groups"]["origin"]["by_group"]["us"]["n_gold"] = 3
    gate = by_name(check_gates(lone, GATES))["max_group_gap.origin"]
    assert gate.status == "INSUFFICIENT" and gate.value is None  # one group: no gap to show


def test_too_small_a_set_overall_is_insufficient():
    m = metrics()
    m["overall"]["n_gold"] = 7
    gate = by_name(check_gates(m, GATES))["min_recall.overall"]
    assert gate.status == "INSUFFICIENT" and gate.insufficient == (("all", 7),)


def test_policy_limits_are_used():
    strict = AuditGates(min_recall=0.99, max_group_gap=0.001)
    results = by_name(check_gates(metrics(), strict))
    assert not results["min_recall.overall"].passed
    assert results["max_group_gap.origin"].failing == ("origin=kenya",)
    assert results["min_recall.overall"].limit == 0.99


def test_to_dict_is_json_ready():
    import json

    payload = [r.to_dict() for r in check_gates(metrics(overall=0.5), GATES)]
    assert json.loads(json.dumps(payload))[0]["failing"] == ["all"]
