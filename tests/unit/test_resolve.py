import itertools

from hypothesis import given
from hypothesis import strategies as st

from redactor.resolve import STRATEGIES, clusters, iter_clusters, trim
from redactor.resolve import resolve as resolve_with
from redactor.span import Span


def resolve(spans, strategy="union_score.v1", apart=()):
    """In these tests the ``pattern:*`` sources stand for exact recognizers (the engine passes
    its recognizers' exact sources; see test_exactness_comes_from_the_caller)."""
    exact = {s.source for s in spans if s.source.startswith("pattern:")}
    return resolve_with(spans, strategy, apart, exact)


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


def test_exactness_comes_from_the_caller_not_the_source_name():
    spans = [Span(0, 12, "ID_NUMBER", 0.99, "hf_ner:TAX_ID"), Span(0, 12, "IP_ADDRESS", 0.8,
                                                                    "pattern:ipv4")]
    (model_wins,) = resolve_with(spans, "union_patterns_first.v1")
    assert model_wins.label == "ID_NUMBER"  # no exact source given: ranked by score
    custom = [spans[0], Span(0, 12, "IP_ADDRESS", 0.8, "my_regex")]
    (regex_wins,) = resolve_with(custom, "union_patterns_first.v1", exact={"my_regex"})
    assert regex_wins.label == "IP_ADDRESS"
    street = Span(0, 28, "STREET_ADDRESS", 1.0, "street")
    zip_code = Span(23, 28, "ZIP_CODE", 0.9, "zip")
    assert len(resolve_with([street, zip_code], "union_patterns_first.v1", APART)) == 1
    carved = resolve_with([street, zip_code], "union_patterns_first.v1", APART, {"zip", "street"})
    assert [s.label for s in carved] == ["STREET_ADDRESS", "ZIP_CODE"]


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


def test_a_span_alone_is_kept_as_it_is_not_copied():
    # One Span per finding is all resolution adds to a text full of findings (issue 13): a
    # span that overlaps nothing comes out as the same object.
    spans = [Span(20, 25, "PERSON", 0.9, "b"), Span(0, 5, "PERSON", 0.9, "a"),
             Span(3, 9, "DATE", 0.5, "b")]
    out = resolve(spans)
    assert out[1] is spans[0]
    assert (out[0].start, out[0].end) == (0, 9) and out[0] not in spans  # a cluster: new


@given(span_lists())
def test_clusters_come_one_at_a_time_and_as_a_list_alike(spans):
    lazy = iter_clusters(spans)
    assert iter(lazy) is lazy  # a generator: the clusters are never all held at once
    assert list(lazy) == clusters(spans)
    assert sorted(s for group in clusters(spans) for s in group) == sorted(spans)


def test_input_is_not_mutated():
    spans = [Span(0, 5, "A"), Span(2, 9, "B")]
    before = list(spans)
    resolve(spans)
    assert spans == before


# -- spans of generalised types inside a larger cluster (issue 11, item 4) -----------------

APART = frozenset({"ZIP_CODE", "DATE", "AGE"})


@st.composite
def sourced_span_lists(draw):
    spans = draw(span_lists())
    extra = draw(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 8),
                                    st.sampled_from(["ZIP_CODE", "AGE", "PERSON"])),
                          max_size=4))
    return spans + [Span(s, s + n, label, 0.9, "pattern:p") for s, n, label in extra]


@given(sourced_span_lists(), st.sampled_from(sorted(STRATEGIES)))
def test_keeping_spans_apart_still_covers_exactly_the_input(spans, strategy):
    out = resolve(spans, strategy, APART)
    for a, b in itertools.pairwise(out):
        assert a.end <= b.start
    assert covered(out) == covered(spans)
    assert resolve(list(reversed(spans)), strategy, APART) == out
    for span in out:
        assert any(s.label == span.label and s.score == span.score for s in spans)


def test_a_zip_pattern_inside_an_address_keeps_its_own_label():
    # "12 Main St, Boston, MA 02114": the street line wins the cluster, the ZIP stays a ZIP
    street = Span(0, 28, "STREET_ADDRESS", 1.0, "pattern:street_us")
    zip_code = Span(23, 28, "ZIP_CODE", 0.9, "pattern:zip_after_state")
    out = resolve([street, zip_code], "union_patterns_first.v1", APART)
    assert [(s.start, s.end, s.label) for s in out] == [(0, 23, "STREET_ADDRESS"),
                                                        (23, 28, "ZIP_CODE")]
    # without generalised labels (or for a model's ZIP) the cluster stays one span
    assert len(resolve([street, zip_code], "union_patterns_first.v1")) == 1
    model_zip = Span(23, 28, "ZIP_CODE", 0.99, "hf_ner:ZIP_CODE")
    assert len(resolve([street, model_zip], "union_patterns_first.v1", APART)) == 1


def test_around_a_winning_zip_the_rest_goes_to_spans_that_do_not_overlap_it():
    # "Lives in MA 02114": spaCy's DATE "MA 02114", the model's LOCATION "MA", the ZIP pattern
    spans = [Span(9, 17, "DATE", 0.6, "spacy:DATE"), Span(9, 11, "LOCATION", 0.99, "hf_ner:CITY"),
             Span(12, 17, "ZIP_CODE", 0.85, "pattern:zip_after_state_plain")]
    out = resolve(spans, "union_patterns_first.v1", APART)
    assert [(s.start, s.end, s.label) for s in out] == [(9, 12, "LOCATION"), (12, 17, "ZIP_CODE")]
    # only the DATE around it covers "MA ": the winner's label, merged back (its rule decides)
    (only,) = resolve([spans[0], spans[2]], "union_patterns_first.v1", APART)
    assert (only.start, only.end, only.label) == (9, 17, "ZIP_CODE")


def test_pieces_of_one_label_merge_back():
    # "age 45": spaCy's DATE around the AGE pattern; the age rule handles "age 45" whole
    spans = [Span(0, 6, "DATE", 0.6, "spacy:DATE"), Span(4, 6, "AGE", 0.9, "pattern:age")]
    (only,) = resolve(spans, "union_patterns_first.v1", APART)
    assert (only.start, only.end, only.label) == (0, 6, "AGE")


def test_trim_drops_white_space_at_span_edges():
    text = "in MA 02114."
    spans = [Span(2, 6, "LOCATION"), Span(6, 11, "ZIP_CODE"), Span(11, 12, "X")]
    assert [(s.start, s.end) for s in trim(text, spans)] == [(3, 5), (6, 11), (11, 12)]
    assert trim("a  b", [Span(1, 3, "X")]) == []


def test_around_a_winning_zip_a_street_line_keeps_the_rest():
    spans = [Span(0, 28, "STREET_ADDRESS", 0.8, "hf_ner:STREET"),
             Span(23, 28, "ZIP_CODE", 0.9, "pattern:zip_after_state")]
    out = resolve(spans, "union_patterns_first.v1", APART)
    assert [(s.start, s.end, s.label) for s in out] == [(0, 23, "STREET_ADDRESS"),
                                                        (23, 28, "ZIP_CODE")]


def test_a_type_of_its_own_names_its_cluster_in_every_strategy():
    spans = [Span(0, 16, "ORGANIZATION", 0.95, "hf_ner:ORG"),
             Span(6, 16, "EMPLOYEE_ID", 0.8, "custom:employee")]
    for strategy in STRATEGIES:
        (only,) = resolve(spans, strategy)
        assert (only.start, only.end, only.label) == (0, 16, "EMPLOYEE_ID")
