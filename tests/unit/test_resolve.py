import itertools

from hypothesis import given
from hypothesis import strategies as st

from redactor.resolve import STRATEGIES, clusters, resolve
from redactor.span import Span


@st.composite
def span_lists(draw):
    n = draw(st.integers(0, 12))
    spans = []
    for _ in range(n):
        start = draw(st.integers(0, 60))
        end = draw(st.integers(start + 1, start + 15))
        label = draw(st.sampled_from(["PERSON", "DATE", "LOCATION"]))
        score = draw(st.floats(0, 1))
        spans.append(Span(start, end, label, score, draw(st.sampled_from(["a", "b"]))))
    return spans


def covered(spans):
    return {i for s in spans for i in range(s.start, s.end)}


@given(span_lists(), st.sampled_from(sorted(STRATEGIES)))
def test_output_never_overlaps_and_covers_exactly_the_input(spans, strategy):
    out = resolve(spans, strategy)
    for a, b in itertools.pairwise(out):
        assert a.end <= b.start
    assert covered(out) == covered(spans)  # nothing detected is left unredacted, nothing added


@given(span_lists(), st.sampled_from(sorted(STRATEGIES)))
def test_result_does_not_depend_on_input_order(spans, strategy):
    assert resolve(spans, strategy) == resolve(list(reversed(spans)), strategy)


@given(span_lists())
def test_labels_come_from_input_spans(spans):
    out = resolve(spans)
    for span in out:
        assert any(s.label == span.label and s.score == span.score for s in spans)


def test_score_strategy_prefers_confident_label():
    spans = [Span(0, 10, "ORGANIZATION", 0.6, "spacy"), Span(3, 7, "PERSON", 0.9, "names")]
    (only,) = resolve(spans, "union_score.v1")
    assert (only.start, only.end, only.label) == (0, 10, "PERSON")


def test_longest_strategy_prefers_long_label():
    spans = [Span(0, 10, "ORGANIZATION", 0.6, "spacy"), Span(3, 7, "PERSON", 0.9, "names")]
    (only,) = resolve(spans, "union_longest.v1")
    assert only.label == "ORGANIZATION"


def test_patterns_first_strategy_prefers_pattern_types():
    spans = [Span(0, 12, "ID_NUMBER", 0.99, "hf_ner:TAX_ID"), Span(0, 12, "IP_ADDRESS", 0.8,
                                                                    "pattern:ipv4")]
    (only,) = resolve(spans, "union_patterns_first.v1")
    assert only.label == "IP_ADDRESS"
    (other,) = resolve(spans, "union_score.v1")
    assert other.label == "ID_NUMBER"


def test_a_pattern_covering_little_of_its_cluster_does_not_name_it():
    spans = [Span(0, 44, "PERSON", 0.85, "names:field"), Span(19, 44, "LOCATION", 0.7,
                                                              "pattern:facility_suffix")]
    (only,) = resolve(spans, "union_patterns_first.v1")
    assert only.label == "LOCATION"  # 25 of 44 characters: at least half
    spans[0] = Span(0, 60, "PERSON", 0.85, "names:field")
    (only,) = resolve(spans, "union_patterns_first.v1")
    assert only.label == "PERSON"


def test_touching_spans_stay_apart_and_chains_merge():
    assert len(resolve([Span(0, 3, "A"), Span(3, 6, "B")])) == 2
    chain = [Span(0, 4, "A", 0.5), Span(3, 8, "B", 0.6), Span(7, 12, "C", 0.7)]
    assert len(clusters(chain)) == 1
    (merged,) = resolve(chain)
    assert (merged.start, merged.end, merged.label) == (0, 12, "C")


def test_input_is_not_mutated():
    spans = [Span(0, 5, "A"), Span(2, 9, "B")]
    before = list(spans)
    resolve(spans)
    assert spans == before
