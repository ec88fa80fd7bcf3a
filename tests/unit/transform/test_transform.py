from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redactor.policy import Policy
from redactor.span import Span
from redactor.transform.keys import SecretKey
from redactor.transform.pseudonyms import PseudonymContext
from redactor.transform.replace import apply, text_subject

POLICY = Policy.from_mapping(
    {"name": "t", "entities": {"PERSON": {"action": "redact"}, "US_SSN": {"action": "mask"},
                               "NRP": {"action": "keep"}}}
)
PSEUDO = Policy.from_mapping(
    {"name": "p", "entities": {"PERSON": {"action": "pseudonymize"},
                               "DATE": {"action": "date_shift", "max_days": 50},
                               "ZIP_CODE": {"action": "generalize", "to": "zip3"}}}
)
CTX = PseudonymContext(SecretKey(b"t" * 32), today=date(2025, 6, 1))


def test_apply_replaces_spans_and_records_offsets_in_the_original():
    text = "Jane Doe, SSN 219-09-9999, is Catholic."
    spans = [Span(0, 8, "PERSON", 0.9, "spacy:PERSON"), Span(14, 25, "US_SSN", 1.0, "pattern:ssn"),
             Span(30, 38, "NRP", 0.7, "spacy:NORP")]
    new, done = apply(text, spans, POLICY, None)
    assert new == "[PERSON], SSN ***********, is Catholic."
    assert [(r.start, r.end, r.label, r.action) for r in done] == [
        (0, 8, "PERSON", "redact"), (14, 25, "US_SSN", "mask")]
    assert all(text[r.start:r.end] for r in done)


def test_output_offsets_locate_each_replacement():
    text = "Jane Doe, SSN 219-09-9999, is Catholic."
    spans = [Span(0, 8, "PERSON"), Span(14, 25, "US_SSN")]
    new, done = apply(text, spans, POLICY, None)
    assert [new[r.out_start : r.out_end] for r in done] == ["[PERSON]", "***********"]


def test_record_never_holds_text():
    _, done = apply("Jane Doe", [Span(0, 8, "PERSON", 0.9, "x")], POLICY, None)
    assert "Jane" not in str(done[0].to_dict())
    assert set(done[0].to_dict()) == {"start", "end", "label", "recognizer", "score", "action"}


def test_overlapping_spans_are_refused():
    with pytest.raises(ValueError):
        apply("abcdef", [Span(0, 4, "PERSON"), Span(2, 6, "PERSON")], POLICY, None)


def test_no_spans_is_identity():
    assert apply("hello", [], POLICY, None) == ("hello", [])


def spans_of(text, *parts):
    out, start = [], 0
    for value, label in parts:
        start = text.index(value, start)
        out.append(Span(start, start + len(value), label))
        start += len(value)
    return out


def test_a_document_resolves_initials_against_its_full_names():
    text = "Maria Gonzalez came in. Later M. Gonzalez called."
    spans = spans_of(text, ("Maria Gonzalez", "PERSON"), ("M. Gonzalez", "PERSON"))
    new, done = apply(text, spans, PSEUDO, CTX)
    full, short = (new[r.out_start : r.out_end] for r in done)
    assert short == f"{full[0]}. {full.split()[-1]}"
    # The same mention alone (another document) uses the keyed permutation instead.
    alone, _ = apply("M. Gonzalez called.", [Span(0, 11, "PERSON")], PSEUDO, CTX)
    assert alone.endswith(f"{full.split()[-1]} called.")


def test_one_subject_one_offset():
    text = "Admitted 03/01/2021, discharged 03/15/2021."
    spans = spans_of(text, ("03/01/2021", "DATE"), ("03/15/2021", "DATE"))
    a, _ = apply(text, spans, PSEUDO, CTX, subject="patient-7")
    b, _ = apply(text, spans, PSEUDO, CTX, subject="patient-7")
    c, _ = apply(text, spans, PSEUDO, CTX)  # no subject: the text itself
    assert a == b and a != text
    assert c == apply(text, spans, PSEUDO, CTX, subject=text_subject(text))[0]


def test_generalize_needs_no_key():
    text = "ZIP 02115"
    new, done = apply(text, [Span(4, 9, "ZIP_CODE")], PSEUDO, None)
    assert new == "ZIP 021**" and done[0].action == "generalize"


_DATES = st.dates(min_value=date(1950, 1, 1), max_value=date(2024, 12, 31))


@settings(max_examples=40, deadline=None)
@given(st.lists(_DATES, min_size=2, max_size=6), st.sampled_from(["%m/%d/%Y", "%Y-%m-%d",
                                                                 "%B %d, %Y"]), st.text(
    alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_", min_size=1, max_size=12))
def test_shifted_intervals_are_equal(days, fmt, subject):
    """Every date of one subject moves by the same offset, so every interval stays true."""
    from redactor.transform.dates import parse_date

    texts = [d.strftime(fmt) for d in days]
    text = " | ".join(texts)
    spans = spans_of(text, *((t, "DATE") for t in texts))
    new, done = apply(text, spans, PSEUDO, CTX, subject=subject)
    moved = []
    for r in done:
        w = parse_date(new[r.out_start : r.out_end], reference=date(2030, 1, 1))
        moved.append(date(w.year, w.month, w.day))
    offsets = {(m - d).days for m, d in zip(moved, days, strict=True)}
    assert len(offsets) == 1 and 1 <= abs(offsets.pop()) <= 50
