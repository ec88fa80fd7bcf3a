import re

import pytest

from redactor.keys import SecretKey
from redactor.operators import OPERATORS
from redactor.policy import HashRule, KeepRule, MaskRule, PseudonymizeRule, RedactRule
from redactor.pseudonyms import PseudonymContext
from redactor.span import Span

CTX = PseudonymContext(SecretKey(b"k" * 32))


def op(rule, value, label="PERSON", ctx=CTX):
    return OPERATORS[rule.action](value, Span(0, len(value), label), rule, ctx)


def test_redact_placeholder():
    assert op(RedactRule(action="redact"), "Jane Doe") == "[PERSON]"
    assert op(RedactRule(action="redact", placeholder="<{label}>"), "x", "DATE") == "<DATE>"


@pytest.mark.parametrize(
    ("value", "keep_last", "char", "expected"),
    [("4111111111111111", 4, "*", "************1111"), ("123-45-6789", 0, "#", "###########"),
     ("ab", 5, "*", "ab")],
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


def test_keyed_actions_need_a_context():
    with pytest.raises(ValueError):
        op(HashRule(action="hash"), "x", ctx=None)
    with pytest.raises(ValueError):
        op(PseudonymizeRule(action="pseudonymize"), "x", ctx=None)


def test_keep_and_pseudonymize():
    assert op(KeepRule(action="keep"), "Jane") == "Jane"
    fake = op(PseudonymizeRule(action="pseudonymize"), "Jane Doe")
    assert fake != "Jane Doe" and fake == op(PseudonymizeRule(action="pseudonymize"), "Jane Doe")
