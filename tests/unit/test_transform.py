import pytest

from redactor.policy import Policy
from redactor.span import Span
from redactor.transform import apply

POLICY = Policy.from_mapping(
    {"name": "t", "entities": {"PERSON": {"action": "redact"}, "US_SSN": {"action": "mask"},
                               "NRP": {"action": "keep"}}}
)


def test_apply_replaces_spans_and_records_offsets_in_the_original():
    text = "Jane Doe, SSN 219-09-9999, is Catholic."
    spans = [Span(0, 8, "PERSON", 0.9, "spacy:PERSON"), Span(14, 25, "US_SSN", 1.0, "pattern:ssn"),
             Span(30, 38, "NRP", 0.7, "spacy:NORP")]
    new, done = apply(text, spans, POLICY, None)
    assert new == "[PERSON], SSN ***********, is Catholic."
    assert [(r.start, r.end, r.label, r.action) for r in done] == [
        (0, 8, "PERSON", "redact"), (14, 25, "US_SSN", "mask")]
    assert all(text[r.start:r.end] for r in done)


def test_record_never_holds_text():
    _, done = apply("Jane Doe", [Span(0, 8, "PERSON", 0.9, "x")], POLICY, None)
    assert "Jane" not in str(done[0].to_dict())
    assert set(done[0].to_dict()) == {"start", "end", "label", "recognizer", "score", "action"}


def test_overlapping_spans_are_refused():
    with pytest.raises(ValueError):
        apply("abcdef", [Span(0, 4, "PERSON"), Span(2, 6, "PERSON")], POLICY, None)


def test_no_spans_is_identity():
    assert apply("hello", [], POLICY, None) == ("hello", [])
