"""The Python API: a Redactor redacts strings with a policy, batched and streamed."""

from dataclasses import dataclass

import pytest

from redactor import Redactor
from redactor.detect.engine import Engine
from redactor.errors import KeyMissingError
from redactor.policy import Policy
from redactor.span import Span
from redactor.transform.keys import SecretKey


@dataclass
class FindJane:
    name: str = "fake"

    def detect(self, texts):
        return [[Span(t.index("Jane Roe"), t.index("Jane Roe") + 8, "PERSON", 0.9, "fake")]
                if "Jane Roe" in t else [] for t in texts]


POLICY = Policy.from_mapping({"name": "t", "entities": {"PERSON": {"action": "pseudonymize"}}})


def make() -> Redactor:
    return Redactor(POLICY, key=b"k" * 32, engine=Engine(POLICY, [FindJane()]))


def test_redact_one_many_and_stream_agree():
    r = make()
    texts = ["Hello Jane Roe.", "nothing", "Jane Roe again"]
    many = [x.text for x in r.redact_many(texts)]
    assert [r.redact(t).text for t in texts] == many == [x.text for x in r.stream(iter(texts), 2)]
    assert "Jane Roe" not in many[0] and many[1] == "nothing"
    first = many[0][len("Hello "):-1]
    assert many[2].startswith(first)  # the same surrogate for the same value


def test_keyed_policy_needs_a_key(no_key_env):
    with pytest.raises(KeyMissingError):
        Redactor(POLICY, engine=Engine(POLICY, [FindJane()]))
    assert Redactor(POLICY, key=SecretKey(b"z" * 32), engine=Engine(POLICY, [FindJane()]))


def test_subjects_must_match_texts():
    with pytest.raises(ValueError, match="one subject per text"):
        make().redact_many(["a", "b"], ["s"])


@dataclass
class EmployeeIds:
    """A recognizer a user adds from Python for a type of their own."""

    name: str = "employee_ids"

    def detect(self, texts):
        import re

        return [[Span(m.start(), m.end(), "EMPLOYEE_ID", 0.8, "custom:employee")
                 for m in re.finditer(r"EMP-\d{6}", t)] for t in texts]


@dataclass
class ModelGuess:
    """A model that calls the badge (and the word before it) an organisation, more confidently."""

    name: str = "model"

    def detect(self, texts):
        return [[Span(t.index("Badge"), t.index("Badge") + 16, "ORGANIZATION", 0.95, "hf_ner:ORG")]
                if "Badge EMP-" in t else [] for t in texts]


def test_a_custom_label_keeps_its_name():
    """Issue 11, item 6: EMPLOYEE_ID came out as [ORGANIZATION] (dropped as an unknown type,
    the model's guess standing in for it)."""
    policy = Policy.from_mapping({"name": "t", "entities": {"ORGANIZATION": {"action": "redact"}}})
    engine = Engine.from_policy(policy, recognizers=[EmployeeIds(), ModelGuess()])
    r = Redactor(policy, engine=engine)
    assert r.redact("Badge EMP-123456 used.").text == "[EMPLOYEE_ID] used."
    assert r.redact("ID EMP-123456.").text == "ID [EMPLOYEE_ID]."
    # the policy's default rule handles it; a default of keep keeps it
    masked = Policy.from_mapping({"name": "m", "default": {"action": "mask"}, "entities": {}})
    r = Redactor(masked, engine=Engine.from_policy(masked, recognizers=[EmployeeIds()]))
    assert r.redact("ID EMP-123456.").text == "ID **********."
    kept = Policy.from_mapping({"name": "k", "default": {"action": "keep"}, "entities": {}})
    r = Redactor(kept, engine=Engine.from_policy(kept, recognizers=[EmployeeIds()]))
    assert r.redact("ID EMP-123456.").text == "ID EMP-123456."
