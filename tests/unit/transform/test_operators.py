import re
from datetime import date

import pytest

from redactor.policy import (
    DateShiftRule,
    GeneralizeRule,
    HashRule,
    KeepRule,
    MaskRule,
    PseudonymizeRule,
    RedactRule,
)
from redactor.span import Span
from redactor.transform.keys import SecretKey
from redactor.transform.operators import OPERATORS, REVERSIBLE_ACTIONS, Scope
from redactor.transform.person_names import DocumentNames
from redactor.transform.pseudonyms import PseudonymContext

CTX = PseudonymContext(SecretKey(b"k" * 32))
REF = date(2025, 6, 1)


def op(rule, value, label="PERSON", ctx=CTX, scope=None):
    args = (value, Span(0, len(value), label), rule, ctx)
    return OPERATORS[rule.action](*args) if scope is None else OPERATORS[rule.action](*args, scope)


def test_every_action_has_an_operator():
    from redactor.policy import ACTIONS

    assert set(OPERATORS) == set(ACTIONS)
    assert set(ACTIONS) >= REVERSIBLE_ACTIONS


def test_redact_placeholder():
    assert op(RedactRule(action="redact"), "Jane Doe") == "[PERSON]"
    assert op(RedactRule(action="redact", placeholder="<{label}>"), "x", "DATE") == "<DATE>"


@pytest.mark.parametrize(
    ("value", "keep_last", "char", "expected"),
    [("4111111111111111", 4, "*", "************1111"), ("123-45-6789", 0, "#", "###########"),
     ("ab", 5, "*", "ab"), ("x", 0, "*", "*")],
)
def test_mask(value, keep_last, char, expected):
    assert op(MaskRule(action="mask", keep_last=keep_last, char=char), value) == expected


def test_hash_is_keyed_and_stable():
    rule = HashRule(action="hash", length=20)
    a = op(rule, "219-09-9999", "US_SSN")
    assert re.fullmatch(r"<US_SSN:[0-9a-f]{20}>", a)
    assert op(rule, "219-09-9999", "US_SSN") == a
    other = PseudonymContext(SecretKey(b"z" * 32))
    assert op(rule, "219-09-9999", "US_SSN", other) != a


@pytest.mark.parametrize(
    "rule",
    [HashRule(action="hash"), PseudonymizeRule(action="pseudonymize"),
     DateShiftRule(action="date_shift")],
)
def test_keyed_actions_need_a_context(rule):
    with pytest.raises(ValueError):
        op(rule, "x", ctx=None)


def test_keep_and_pseudonymize():
    assert op(KeepRule(action="keep"), "Jane") == "Jane"
    fake = op(PseudonymizeRule(action="pseudonymize"), "Jane Doe")
    assert fake != "Jane Doe" and fake == op(PseudonymizeRule(action="pseudonymize"), "Jane Doe")


def test_pseudonymize_uses_the_document_names_and_the_locale():
    rule = PseudonymizeRule(action="pseudonymize", surrogate_locale="match")
    scope = Scope(names=DocumentNames.build(["Maria Gonzalez", "M. Gonzalez"]))
    full = op(rule, "Maria Gonzalez", scope=scope)
    short = op(rule, "M. Gonzalez", scope=scope)
    assert short == f"{full[0]}. {full.split(' ')[-1]}"


def test_date_shift_is_per_subject_and_keeps_the_format():
    rule = DateShiftRule(action="date_shift", max_days=30)
    a = Scope(subject="patient-1", today=REF)
    b = Scope(subject="patient-2", today=REF)
    first = op(rule, "March 3, 2021", "DATE", scope=a)
    second = op(rule, "March 10, 2021", "DATE", scope=a)
    assert re.fullmatch(r"[A-Z][a-z]+ \d{1,2}, 2021", first)
    from redactor.transform.dates import parse_date

    def day(text):
        w = parse_date(text, reference=REF)
        return date(w.year, w.month, w.day)

    assert (day(second) - day(first)).days == 7  # intervals stay true
    offset = (day(first) - date(2021, 3, 3)).days
    assert 1 <= abs(offset) <= 30
    assert op(rule, "2021-03-03", "DATE", scope=a) == (date(2021, 3, 3) + (day(first) - date(
        2021, 3, 3))).isoformat()
    others = {op(rule, "March 3, 2021", "DATE", scope=Scope(subject=f"p{i}", today=REF))
              for i in range(10)}
    assert len(others) > 3 and b.subject != a.subject


def test_date_shift_fails_closed():
    rule = DateShiftRule(action="date_shift")
    assert op(rule, "last week", "DATE") == "[DATE]"
    custom = DateShiftRule(action="date_shift", placeholder="<{label}>")
    assert op(custom, "soon", "DATE") == "<DATE>"


def test_date_shift_day_first():
    rule = DateShiftRule(action="date_shift", day_first=True, max_days=1)
    out = op(rule, "03/04/2021", "DATE", scope=Scope(subject="s", today=REF))
    assert out in ("02/04/2021", "04/04/2021")  # 3 April moved by one day


@pytest.mark.parametrize(
    ("to", "label", "value", "expected"),
    [("zip3", "ZIP_CODE", "02115", "021**"), ("zip3", "ZIP_CODE", "03601", "000**"),
     ("zip3", "ZIP_CODE", "SW1A 1AA", "[ZIP_CODE]"),
     ("year", "DATE", "March 3, 2021", "2021"), ("year", "DATE", "06/01/1935", "[DATE 90+]"),
     ("year", "DATE", "06/02/1935", "1935"), ("year", "DATE", "last week", "[DATE]"),
     ("year", "DATE", "1934", "[DATE 90+]"), ("year", "DATE", "1965", "1965"),  # born in ...
     ("age90", "AGE", "89", "89"), ("age90", "AGE", "90", "90+"), ("age90", "AGE", "?", "[AGE]")],
)
def test_generalize(to, label, value, expected):
    rule = GeneralizeRule(action="generalize", to=to, reference_date=REF)
    assert op(rule, value, label, ctx=None) == expected


def test_generalize_counts_ages_to_the_run_date_without_a_reference():
    rule = GeneralizeRule(action="generalize", to="year")
    assert op(rule, "06/01/1935", "DATE", ctx=None, scope=Scope(today=REF)) == "[DATE 90+]"
    assert op(rule, "06/01/1935", "DATE", ctx=None, scope=Scope(today=date(2025, 5, 31))) == "1935"
    custom = GeneralizeRule(action="generalize", to="year", over_89="<old>", reference_date=REF)
    assert op(custom, "1920", "DATE", ctx=None) == "<old>"
