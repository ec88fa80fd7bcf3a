"""The normalised detection view and its offset map (redactor.detect.normalize)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redactor.detect.engine import Engine, run_recognizers
from redactor.detect.normalize import fold_cluster, normalize
from redactor.detect.patterns import PatternRecognizer
from redactor.policy import load_policy
from redactor.span import Span

INVISIBLE = ["\u200b", "\u200c", "\u200d", "\ufeff", "\u2060", "\u00ad", "\u202e", "\ufe0f"]


@pytest.mark.parametrize(
    ("text", "view"),
    [
        ("plain ASCII 123-45-6789", "plain ASCII 123-45-6789"),
        ("1\u200b23-4\u200c5-67\u200d8\ufeff9", "123-45-6789"),
        ("１２３-４５-６７８９", "123-45-6789"),
        ("ａｎａ＠ｅｘａｍｐｌｅ．ｏｒｇ", "ana@example.org"),
        ("617\u2009555\u00a00143", "617 555 0143"),
        ("617\u2013555\u20140143 \u2212", "617-555-0143 -"),
        ("٠٣/٠٣/٢٠٢١ ०३-०३-२०२१", "03/03/2021 03-03-2021"),
        ("line\u2028next", "line\nnext"),
        ("Jose\u0301 café", "José café"),
        ("\u200b", ""),
    ],
)
def test_view(text, view):
    assert normalize(text).text == view


def test_ascii_and_normal_text_are_their_own_view():
    for text in ("John Smith 617-555-0143", "Zoë Ørsted, München, 東京"):
        norm = normalize(text)
        assert norm.identity and norm.text is text
        assert norm.span_to_original(Span(0, 4, "PERSON")) == Span(0, 4, "PERSON")


def test_span_maps_to_the_original_characters_invisible_ones_inside_included():
    text = "SSN: \u200b1\u200b23-45-6789\u200b."
    norm = normalize(text)
    start = norm.text.index("123")
    span = norm.span_to_original(Span(start, start + 11, "US_SSN"))
    # the leading and trailing zero-width spaces lie outside; the inner one is covered
    assert text[span.start : span.end] == "1\u200b23-45-6789"


def test_expanded_cluster_maps_to_the_whole_cluster():
    text = "a ½ b"  # NFKC: "1⁄2"
    norm = normalize(text)
    one = norm.text.index("1")
    assert norm.span_to_original(Span(one, one + 1, "X")) == Span(2, 3, "X")


def test_span_to_view_and_back_covers_the_span():
    text = "x \uff11\uff12\u200b\uff13 y"
    norm = normalize(text)
    view = norm.span_to_view(Span(2, 6, "X"))
    assert view is not None and norm.text[view.start : view.end] == "123"
    back = norm.span_to_original(view)
    assert (back.start, back.end) == (2, 6)
    assert norm.span_to_view(Span(4, 5, "X")) is None  # only the zero-width space


def test_engine_replaces_the_original_characters():
    policy = load_policy("hipaa")
    engine = Engine.from_policy(policy, recognizers=[PatternRecognizer()])
    text = "SSN 1\u200b23-45-6789 or １２３-４５-６７８９."
    spans = engine.analyze([text])[0]
    assert [text[s.start : s.end] for s in spans] == ["1\u200b23-45-6789", "１２３-４５-６７８９"]
    assert [s.label for s in spans] == ["US_SSN", "US_SSN"]


# ---------------------------------------------------------------- property: invisible insertions

_IDENTIFIERS = ["078-05-1120", "617-555-0143", "ana.lima@example.org", "10.12.0.1",
                "https://example.org/a", "4111 1111 1111 1111", "03/14/2021", "Dr. Smith"]
_FILLER = ["call", "SSN", "at", "the", " ", ", ", ".", "\n", "on", "e-mail", "x"]


@st.composite
def _text_and_insertions(draw):
    parts = draw(st.lists(st.sampled_from(_IDENTIFIERS + _FILLER), min_size=1, max_size=12))
    base = " ".join(parts)
    positions = draw(st.lists(st.integers(0, len(base)), max_size=8))
    chars = draw(st.lists(st.sampled_from(INVISIBLE), min_size=len(positions),
                          max_size=len(positions)))
    return base, sorted(zip(positions, chars, strict=True))


@settings(max_examples=200, deadline=None)
@given(_text_and_insertions())
def test_invisible_characters_change_no_finding(case):
    base, insertions = case
    pieces, last = [], 0
    for pos, char in insertions:
        pieces += [base[last:pos], char]
        last = pos
    text = "".join(pieces) + base[last:]

    def moved(p: int) -> int:  # where base character p lies in text
        return p + sum(1 for pos, _ in insertions if pos <= p)

    recognizers = [PatternRecognizer()]
    expected = sorted(
        (moved(s.start), moved(s.end - 1) + 1, s.label, s.source)
        for s in run_recognizers(recognizers, [base])[0]
    )
    found = sorted(
        (s.start, s.end, s.label, s.source) for s in run_recognizers(recognizers, [text])[0]
    )
    assert found == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(
    "a1 -.\n\u200b\u00ad\uff11\uff41\u2009\u3000\u2013\u2212\u0661\u0967e\u0301\u00bd\ufb01\u2028"
), max_size=60))
def test_every_view_character_maps_to_the_characters_it_came_from(text):
    norm = normalize(text)
    covered = set()
    last = 0
    for v, char in enumerate(norm.text):
        start, end = norm.to_original_start(v), norm.to_original_end(v + 1)
        assert last <= start < end <= len(text)
        assert char in fold_cluster(text[start:end])
        covered.update(range(start, end))
        last = start
    assert all(text[i] in "\u200b\u00ad" for i in set(range(len(text))) - covered)


def test_a_long_fullwidth_text_is_one_segment():
    norm = normalize("\uff11\uff12\uff13 " * 10_000)
    assert norm.text == "123 " * 10_000 and len(norm._view_at) == 1
