"""The Python API: a Redactor redacts strings with a policy, batched and streamed."""

from dataclasses import dataclass

import pytest

from redactor import Redactor
from redactor.engine import Engine
from redactor.errors import KeyMissingError
from redactor.keys import SecretKey
from redactor.policy import Policy
from redactor.span import Span


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
