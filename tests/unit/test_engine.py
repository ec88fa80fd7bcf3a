from dataclasses import dataclass

import pytest

from redactor.engine import Engine
from redactor.errors import ModelError
from redactor.policy import Policy
from redactor.span import Span


@dataclass
class Fixed:
    """A fake recognizer that returns the same spans for every text."""

    spans: list[Span]
    name: str = "fixed"

    def detect(self, texts):
        return [[s for s in self.spans if s.end <= len(t)] for t in texts]


POLICY = Policy.from_mapping(
    {"name": "t", "threshold": 0.5, "allow": ["Mayo Clinic"],
     "entities": {"PERSON": {"action": "redact", "threshold": 0.8}, "NRP": {"action": "keep"}},
     "deny": {"ID_NUMBER": ["Project Falcon"]}}
)


def test_thresholds_keep_and_allow_list():
    text = "Jane Doe at Mayo Clinic, Catholic, Smith"
    spans = [Span(0, 8, "PERSON", 0.9), Span(12, 23, "ORGANIZATION", 0.9),
             Span(25, 33, "NRP", 0.9), Span(35, 40, "PERSON", 0.7)]
    (out,) = Engine(POLICY, [Fixed(spans)]).analyze([text])
    assert [(s.start, s.end) for s in out] == [(0, 8)]


def test_deny_list_is_built_from_the_policy_and_beats_allow():
    engine = Engine.from_policy(POLICY, recognizers=None)
    assert any(r.name == "deny_list" for r in engine.recognizers)
    deny = next(r for r in engine.recognizers if r.name == "deny_list")
    (out,) = Engine(POLICY, [deny]).analyze(["about project falcon and projects"])
    assert [(s.start, s.end, s.label) for s in out] == [(6, 20, "ID_NUMBER")]


def test_overlaps_resolved():
    spans = [Span(0, 8, "PERSON", 0.9), Span(5, 12, "LOCATION", 0.6)]
    (out,) = Engine(POLICY, [Fixed(spans)]).analyze(["Jane Doe Town"])
    assert len(out) == 1 and (out[0].start, out[0].end, out[0].label) == (0, 12, "PERSON")


def test_engine_without_detectors_fails_closed():
    policy = Policy.from_mapping(
        {"name": "t", "entities": {}, "detectors": {"patterns": False, "names": False}}
    )
    with pytest.raises(ModelError, match="enables no detector"):
        Engine.from_policy(policy).load()


def test_wrong_batch_size_is_an_error():
    class Broken:
        name = "broken"

        def detect(self, texts):
            return []

    with pytest.raises(ModelError, match="wrong batch size"):
        Engine(POLICY, [Broken()]).analyze(["a"])
