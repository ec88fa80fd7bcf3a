"""redact explain's trace: the engine's own stages, each decision with its reason."""

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from fakes import Fixed

from redactor.detect.engine import Engine
from redactor.detect.names import NameRecognizer
from redactor.detect.patterns import PatternRecognizer
from redactor.detect.spacy_ner import SpacyRecognizer, drop_reason, keep_entity
from redactor.policy import Policy, load_policy
from redactor.review.explain import (
    CHECKS,
    context_words,
    filter_versions,
    format_trace,
    rule_of,
    rules_record,
    trace_texts,
)
from redactor.span import Span

FAST = Path(__file__).parents[2] / "e2e" / "fast_policy.yaml"


POLICY = Policy.from_mapping(
    {"name": "t", "threshold": 0.5, "allow": ["Mayo Clinic"],
     "entities": {"PERSON": {"action": "redact", "threshold": 0.8},
                  "ORGANIZATION": {"action": "keep"},
                  "DATE": {"action": "generalize", "to": "year"}}}
)
TEXT = "Jane Doe at Mayo Clinic call 123 Lee Ann on 3 May 2021"


def _engine(*spans):
    return Engine(POLICY, [Fixed(list(spans), name="model")])


def test_each_drop_has_the_reason_of_its_first_failing_check():
    engine = _engine(
        Span(0, 8, "PERSON", 0.9, "model:PER"),
        Span(12, 23, "LOCATION", 0.9, "model:LOC"),         # allow list
        Span(12, 23, "ORGANIZATION", 0.9, "model:ORG"),     # keep rule: not acted on
        Span(29, 32, "PHONE_NUMBER", 0.9, "model:PHONE"),   # 3 digits: shape
        Span(33, 40, "PERSON", 0.7, "model:PER"),           # 0.7 < PERSON's 0.8
    )
    (trace,) = trace_texts(engine, [TEXT])
    reasons = {(c.span.start, c.span.label): c.dropped for c in trace.candidates}
    assert reasons == {(0, "PERSON"): None, (12, "LOCATION"): "allow",
                       (12, "ORGANIZATION"): "label", (29, "PHONE_NUMBER"): "shape",
                       (33, "PERSON"): "threshold"}
    weak = next(c for c in trace.candidates if c.dropped == "threshold")
    assert weak.detail == "score 0.70 < threshold 0.80" and weak.threshold == 0.8
    assert [(d.span.start, d.span.end) for d in trace.decisions] == [(0, 8)]
    assert {c.span.label for c in trace.dropped_alone} == {"LOCATION", "ORGANIZATION",
                                                            "PHONE_NUMBER", "PERSON"}


def test_reject_reason_agrees_with_accept():
    engine = _engine()
    for span in (Span(0, 8, "PERSON", 0.9), Span(0, 8, "PERSON", 0.79),
                 Span(29, 32, "PHONE_NUMBER", 0.9), Span(29, 32, "PHONE_NUMBER", 0.9, "pattern:x"),
                 Span(12, 23, "LOCATION", 0.9), Span(12, 23, "LOCATION", 0.9, "deny_list")):
        assert engine.accept(TEXT, span) == (engine.reject_reason(TEXT, span) is None)


def test_merge_lists_members_winner_and_the_drops_inside():
    engine = _engine(
        Span(0, 8, "PERSON", 0.95, "model:PER"),
        Span(5, 23, "LOCATION", 0.6, "model:LOC"),
        Span(0, 4, "PERSON", 0.3, "model:PER"),
    )
    (trace,) = trace_texts(engine, [TEXT])
    (decision,) = trace.decisions
    assert (decision.span.start, decision.span.end, decision.span.label) == (0, 23, "PERSON")
    assert [c.span.source for c in decision.members] == ["model:PER", "model:LOC"]
    assert decision.winner == Span(0, 8, "PERSON", 0.95, "model:PER")
    assert decision.strategy == "union_patterns_first.v1"
    assert [c.dropped for c in decision.rejected] == ["threshold"]
    assert (decision.rule, decision.action, decision.threshold_from) == (
        "entities.PERSON", {"action": "redact", "placeholder": "[{label}]"},
        "entities.PERSON.threshold")


@pytest.mark.parametrize("text", [
    "Patient: John Smith, SSN 078-05-1121, seen by Dr. Adeyemi. John called 617-555-0143.",
    "Thanks, María\nMRN: 0048213 DOB 03/04/1961 e-mail maria.g@example.org",
    "nothing to see here",
])
def test_final_spans_are_analyzes_and_each_is_explained_by_its_members(text):
    engine = Engine.from_policy(load_policy(FAST))
    (trace,) = trace_texts(engine, [text])
    assert trace.spans == engine.analyze([text])[0]
    for d in trace.decisions:
        assert d.members and all(c.dropped is None and c.span.overlaps(d.span)
                                 for c in d.members)
        assert d.winner.label == d.span.label and d.winner in [c.span for c in d.members]


def test_propagated_mentions_are_marked():
    engine = Engine(load_policy(FAST), [NameRecognizer()])
    (trace,) = trace_texts(engine, ["Patient: Bushra Al-Hashimi\nBushra slept poorly."])
    stages = {c.span.start: c.stage for c in trace.candidates}
    assert stages[27] == "propagated"


def test_context_words_that_raised_a_pattern_score():
    cued, plain = "SSN: 078-05-1121", "The number on file was 078-05-1121"
    (hit,) = [s for s in PatternRecognizer().find(cued) if s.label == "US_SSN"]
    (bare,) = [s for s in PatternRecognizer().find(plain) if s.label == "US_SSN"]
    assert context_words(cued, hit) == ("SSN",) and hit.score > bare.score
    assert context_words(plain, bare) == ()
    assert context_words(cued, Span(0, 3, "PERSON", 0.9, "names:title")) == ()


def test_rule_of_names_where_the_rule_and_threshold_come_from():
    assert rule_of(POLICY, "DATE")[0] == "entities.DATE"
    assert rule_of(POLICY, "DATE")[1] == {"action": "generalize", "to": "year",
                                          "placeholder": "[{label}]",
                                          "over_89": "[{label} 90+]", "day_first": False}
    assert rule_of(POLICY, "EMAIL_ADDRESS")[0::2] == ("default", 0.5)
    assert rule_of(POLICY, "EMAIL_ADDRESS")[3] == "threshold"


@pytest.mark.parametrize("label, text, after, reason", [
    ("PERSON", "Foley", " catheter in place", "eponym"),
    ("ORGANIZATION", "SSN", ": 123", "field label or clinical abbreviation"),
    ("ORGANIZATION", "Customer Success", "", "common words"),
    ("DATE", "last May", "", "relative date"),
    ("DATE", "next week", "", "no digit or month"),
    ("DATE", "1999", "", "bare number"),
    ("PERSON", "R2D2", "", "digits in a name"),
    ("LOCATION", "NYC", "", "short capitals"),
    ("PERSON", "Kwame Mensah", " said", None),
])
def test_spacy_filter_reasons(label, text, after, reason):
    assert drop_reason(label, text, after) == reason
    assert keep_entity(label, text, after) == (reason is None)


def test_rendering_shows_the_decision_and_the_json_round_trips():
    engine = _engine(Span(0, 8, "PERSON", 0.95, "model:PER"), Span(33, 40, "PERSON", 0.7, "m"))
    (trace,) = trace_texts(engine, [TEXT], doc_ids=["a.txt"])
    out = format_trace(trace)
    assert "[0:8] PERSON 'Jane Doe' -> redact" in out and "by entities.PERSON" in out
    assert "score 0.70 < threshold 0.80" in out and out.startswith("a.txt: 1 span(s)")
    record = json.loads(json.dumps(trace.to_dict()))
    assert record["spans"][0]["text"] == "Jane Doe"
    assert record["dropped_elsewhere"][0]["why"] == "score 0.70 < threshold 0.80"


def test_rules_record_identifies_policy_strategy_detectors_and_filters():
    engine = Engine.from_policy(load_policy(FAST))
    record = rules_record(engine.policy, engine)
    assert record["policy_sha256"] == engine.policy.sha256
    assert record["overlap"] == "union_patterns_first.v1"
    assert set(record["detectors"]) >= {"redactor", "patterns", "names"}
    assert all(v.startswith("sha256:") for v in record["filters"].values())
    assert record["filters"] == filter_versions() and "spacy.not_entities" in record["filters"]


def test_recognizer_filters_are_traced_through_the_recognizers_trace_hook():
    @dataclass
    class Traced(Fixed):
        def trace(self, text):
            return [(Span(0, 4, "PERSON", 0.85, "spacy:PERSON"), "eponym"),
                    (Span(5, 8, "PERSON", 0.85, "spacy:PERSON"), None)]

    engine = Engine(POLICY, [Traced([])])
    (trace,) = trace_texts(engine, [TEXT])
    (dropped,) = trace.candidates
    assert (dropped.stage, dropped.dropped, dropped.detail) == (
        "recognizer filter", "filter", "fixed precision filter: eponym")
    assert trace_texts(engine, [TEXT], recognizer_filters=False)[0].candidates == ()


def _ruler_recognizer(*names):
    """The spaCy recognizer on a small real pipeline: a blank English tokenizer and an entity
    ruler that tags ``names`` as PERSON (the statistical model is too slow for 1 MB here)."""
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "PERSON", "pattern": n} for n in names])
    recognizer = SpacyRecognizer()
    recognizer._nlp = nlp
    return recognizer


def test_recognizer_filters_are_traced_in_windows_past_spacys_length_limit():
    """A text over spaCy's 1,000,000-character limit (nlp.max_length) is traced in the windows
    detection uses: the eponym drop is found at its offset in the whole text."""
    recognizer = _ruler_recognizer("Wilson", "Okafor")
    filler = "routine follow-up visit noted. " * 35_000
    tail = "Wilson disease was ruled out by Dr. Amara Okafor today."
    text = filler + tail
    assert len(text) > recognizer._nlp.max_length
    engine = Engine(POLICY, [recognizer])
    (trace,) = trace_texts(engine, [text])
    (dropped,) = [c for c in trace.candidates if c.stage == "recognizer filter"]
    assert text[dropped.span.start : dropped.span.end] == "Wilson"
    assert dropped.span.start == len(filler) and "eponym" in dropped.detail
    (decision,) = trace.decisions
    assert text[decision.span.start : decision.span.end] == "Okafor"


def test_spacy_trace_lists_a_span_two_windows_share_once_and_agrees_with_detect():
    recognizer = _ruler_recognizer("Okafor")
    text = ("word " * 1_990) + "Dr. Okafor came. " + ("word " * 2_100)  # in the overlap
    pairs = recognizer.trace(text)
    assert [(text[s.start : s.end], reason) for s, reason in pairs] == [("Okafor", None)]
    assert [s for s, _ in pairs] == recognizer.detect([text])[0]


def test_a_name_both_models_report_is_explained_as_analyze_keeps_it():
    policy = Policy.from_mapping({"name": "t", "threshold": 0.5,
                                  "entities": {"ORGANIZATION": {"action": "redact"}}})
    # a word of the dictionary too: alone, the transformer's find is ordinary language
    text = "Amazon will eliminate 18,000 jobs this year, the company said."
    model = Span(0, 6, "ORGANIZATION", 0.93, "hf_ner:ORGANIZATION")
    spacy = Span(0, 6, "ORGANIZATION", 0.6, "spacy:ORG")
    alone = Engine(policy, [Fixed([model], name="model")])
    (trace,) = trace_texts(alone, [text], recognizer_filters=False)
    assert [c.dropped for c in trace.candidates] == ["lexicon"] and not trace.decisions
    assert CHECKS["lexicon"] in format_trace(trace)  # the reason in words
    both = Engine(policy, [Fixed([model, spacy], name="model")])
    (trace,) = trace_texts(both, [text], recognizer_filters=False)
    assert [c.dropped for c in trace.candidates] == [None, None]  # not "lexicon": as analyze
    assert [(d.span.start, d.span.end) for d in trace.decisions] == [(0, 6)]
    assert both.analyze([text]) == [[d.span for d in trace.decisions]]
