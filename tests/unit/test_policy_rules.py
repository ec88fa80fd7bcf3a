"""The rule types of issue 4: date_shift, generalize, surrogate_locale; and the bundled policies."""

from datetime import date

import pytest

from redactor.entities import ENTITY_TYPES
from redactor.errors import PolicyError
from redactor.policy import DateShiftRule, GeneralizeRule, Policy, PseudonymizeRule, load_policy


def policy(entities, **extra):
    return Policy.from_mapping({"name": "t", "entities": entities, **extra})


def problems(entities, **extra):
    with pytest.raises(PolicyError) as info:
        policy(entities, **extra)
    return info.value.problems


def test_typed_rules():
    p = policy({
        "DATE": {"action": "date_shift", "max_days": 30, "day_first": True},
        "ZIP_CODE": {"action": "generalize", "to": "zip3"},
        "AGE": {"action": "generalize", "to": "age90", "placeholder": "<{label}>"},
        "PERSON": {"action": "pseudonymize", "surrogate_locale": "match"},
        "LOCATION": {"action": "pseudonymize", "surrogate_locale": "de_DE"},
    })
    date_rule, zip_rule = p.rule_for("DATE"), p.rule_for("ZIP_CODE")
    assert isinstance(date_rule, DateShiftRule) and date_rule.max_days == 30 and date_rule.day_first
    assert isinstance(zip_rule, GeneralizeRule) and zip_rule.to == "zip3"
    assert p.rule_for("AGE").placeholder == "<{label}>"
    assert isinstance(p.rule_for("PERSON"), PseudonymizeRule)
    assert p.rule_for("PERSON").surrogate_locale == "match"
    assert p.rule_for("LOCATION").surrogate_locale == "de_DE"
    assert p.rule_for("ORGANIZATION").action == "redact"


def test_defaults():
    p = policy({"DATE": {"action": "date_shift"}, "AGE": {"action": "generalize", "to": "age90"},
                "PERSON": {"action": "pseudonymize"}})
    assert p.rule_for("DATE").max_days == 365 and not p.rule_for("DATE").day_first
    assert p.rule_for("AGE").over_89 == "[{label} 90+]" and p.rule_for("AGE").reference_date is None
    assert p.rule_for("PERSON").surrogate_locale == "en_US"


def test_reference_date_is_a_date():
    p = policy({"DATE": {"action": "generalize", "to": "year", "reference_date": "2024-01-31"}})
    assert p.rule_for("DATE").reference_date == date(2024, 1, 31)


def test_date_shift_needs_a_key_generalize_does_not():
    assert policy({"DATE": {"action": "date_shift"}}).uses_key
    assert not policy({"DATE": {"action": "generalize", "to": "year"}}).uses_key


def test_every_problem_at_once_with_its_path():
    found = problems({
        "DATE": {"action": "date_shift", "max_days": 0, "shift": 3},
        "ZIP_CODE": {"action": "generalize", "to": "zip5"},
        "AGE": {"action": "generalize"},
        "PERSON": {"action": "pseudonymize", "surrogate_locale": "en_UX"},
        "LOCATION": {"action": "generalize", "to": "zip3"},
        "URL": {"action": "date_shift"},
        "EMAIL_ADDRESS": {"action": "redact", "placeholder": "[{value}]"},
        "PHONE_NUMBER": {"action": "scramble"},
    }, default={"action": "generalize", "to": "year"})
    expected = [
        "entities.DATE.max_days:", "entities.DATE.shift: unknown key", "entities.ZIP_CODE.to:",
        "entities.AGE.to: Field required", "entities.PERSON.surrogate_locale: unknown locale "
        "'en_UX' (did you mean 'en_US'?)", "entities.LOCATION: generalize to 'zip3' applies to "
        "ZIP_CODE only", "entities.URL: date_shift applies to DATE only",
        "entities.EMAIL_ADDRESS.placeholder: placeholder may only use the {label} field",
        "entities.PHONE_NUMBER: unknown action; expected one of redact, mask, hash, "
        "pseudonymize, date_shift, generalize, keep",
        "default: action 'generalize' applies to specific entity types only",
    ]
    for prefix in expected:
        assert any(p.startswith(prefix) for p in found), (prefix, found)
    assert len(found) == len(expected), found


@pytest.mark.parametrize(("to", "label"), [("zip3", "ZIP_CODE"), ("year", "DATE"),
                                           ("age90", "AGE")])
def test_generalize_targets_fit_their_labels(to, label):
    assert policy({label: {"action": "generalize", "to": to}}).rule_for(label).to == to
    others = [lbl for lbl in ("ZIP_CODE", "DATE", "AGE") if lbl != label]
    for other in others:
        assert problems({other: {"action": "generalize", "to": to}})


def test_bundled_hipaa_generalises_by_default():
    hipaa = load_policy("hipaa")
    assert (hipaa.rule_for("ZIP_CODE").action, hipaa.rule_for("ZIP_CODE").to) == (
        "generalize", "zip3")
    assert hipaa.rule_for("DATE").to == "year" and hipaa.rule_for("AGE").to == "age90"
    assert not hipaa.uses_key


def test_bundled_limited_data_set():
    limited = load_policy("hipaa-limited")
    kept = {label for label in ENTITY_TYPES if limited.rule_for(label).action == "keep"}
    assert kept == {"DATE", "AGE", "ZIP_CODE", "LOCATION", "NRP"}
    direct = ["PERSON", "STREET_ADDRESS", "PHONE_NUMBER", "FAX_NUMBER", "EMAIL_ADDRESS", "US_SSN",
              "MEDICAL_RECORD_NUMBER", "HEALTH_PLAN_ID", "ACCOUNT_NUMBER", "LICENSE_NUMBER",
              "VEHICLE_ID", "DEVICE_ID", "URL", "IP_ADDRESS", "BIOMETRIC_ID", "ORGANIZATION"]
    assert all(limited.rule_for(label).action == "redact" for label in direct)
    assert not limited.uses_key
