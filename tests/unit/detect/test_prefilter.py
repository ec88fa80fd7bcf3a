import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redactor.detect.patterns import _COMPILED, _NEEDS, PATTERNS, PatternRecognizer, _span_of
from redactor.detect.prefilter import (
    context_literals,
    folded,
    literal_test,
    may_match,
    required_literals,
)

EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "input"


@pytest.mark.parametrize(
    ("regex", "needs"),
    [
        (r"(?<![\w/])MRN[:#]?[ \t]*\d{6,}", {"mrn"}),
        (r"(?i:policy|member)[ ]?id", {"policy id", "policyid", "member id", "memberid"}),
        (r"(?:foo|bar)bazz", {"foobazz", "barbazz"}),  # a run of few strings: each of them
        (r"(?:foo|bar)\d+bazz", {"bazz"}),  # the rarer of two requirements
        (r"a?bc", {"bc"}),  # "abc" holds "bc": the shorter one is in the text wherever it is
        (r"(?:0[1-9]|1[0-2])/\d", {f"{m:02}/" for m in range(1, 13)}),  # a small class: its chars
        (r"[A-Z]{2}-x", {"-x"}),  # a class of many characters ends the run
        (r"(?=\d+ mg)\w+", {" mg"}),  # a lookahead: the text holds what it looks at
        (r"(?<=MRN: )\d+", {"mrn: "}),
        (r"\d+年\d+月", {"年"}),  # characters without case count
        (r"(?:ab)+x", {"ab"}),
        (r"(?i)Apt\.?[ ]+\d+", {"apt"}),
        (r"\d{3}-\d{4}", {"-"}),
    ],
)
def test_required_literals(regex, needs):
    assert required_literals(re.compile(regex)) == needs


@pytest.mark.parametrize(
    "regex",
    [r"\d+", r"(?:x|\d)", r"x*", r"(?:abc)?\d", r"[A-Z]{2}\d", r"(?!abc)\w+", r"é+",
     r"(?i)straße", r"x{0,3}y?"],
)
def test_no_requirement_where_a_match_needs_no_literal(regex):
    assert required_literals(re.compile(regex)) is None


@pytest.mark.parametrize(
    ("needs", "text", "holds"),
    [({"mrn"}, "pt mrn 12", True), ({"mrn"}, "pt mr 12", False),
     ({"a.b", "c+d", "x"}, "1 c+d 2", True), ({"a.b", "c+d"}, "aXb c d", False),
     ({f"{m:02}/" for m in range(1, 13)}, "seen 07/14", True),
     ({f"{m:02}/" for m in range(1, 13)}, "seen 7/14", False)],
)
def test_a_test_finds_any_of_its_strings_and_only_them(needs, text, holds):
    assert bool(literal_test(frozenset(needs))(text)) is holds
    assert may_match(frozenset(needs), text) is holds


@pytest.mark.parametrize(
    ("regex", "text"),
    [
        (r"(?i)risk", "R\u0131SK"),  # dotless i
        (r"(?i)id", "\u0130D"),  # dotted capital I
        (r"(?i)key", "\u212aEY"),  # Kelvin sign
        (r"(?i)ssn", "S\u017fN"),  # long s
    ],
)
def test_letters_a_case_blind_regex_equates_with_ascii_pass_the_test(regex, text):
    compiled = re.compile(regex)
    assert compiled.search(text)
    assert may_match(required_literals(compiled), folded(text))


_FRAGMENTS = st.sampled_from(
    ["MRN", "mrn:", "Policy", "member id", "@", ".com", "www.", "http://", "Apt", "Suite",
     "NPI", "DOB", "Acct #", "Box", "VIN", "serial", "case no.", "12", "345", "6789", "-",
     "/", ".", ",", ":", " ", "\n", "(", ")", "+1", "St", "Ave", "CA", "Boston", "MA 02115",
     "\u0130", "\u0131", "\u212a", "\u017f", "id", "Ward 4", "Rd", "ZIP", "ext", "TFN",
     "call ", "card ", "Fax", "routing "]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_FRAGMENTS, min_size=1, max_size=30).map("".join))
def test_a_pattern_skipped_by_the_test_yields_no_span(text):
    # a regex's literal, or a context word a pattern requires: either is in every text where
    # the pattern yields a span
    lowered = folded(text)
    for pattern, regex, needs in zip(PATTERNS, _COMPILED, _NEEDS, strict=True):
        if not may_match(needs, lowered):
            assert all(_span_of(pattern, m, text) is None for m in regex.finditer(text))


def test_the_recognizer_finds_the_same_spans_with_and_without_the_test():
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.rglob("*")) if p.is_file()]
    assert texts
    with_test = PatternRecognizer()
    without = PatternRecognizer()
    without._tests = tuple(None for _ in PATTERNS)
    assert with_test.detect(texts) == without.detect(texts)
    assert sum(map(len, with_test.detect(texts))) > 20
    skipped = sum(not may_match(n, folded(t)) for t in texts for n in _NEEDS)
    assert skipped > len(texts) * 20  # most texts skip many patterns


def test_a_pattern_that_requires_context_needs_a_word_of_it():
    assert context_literals(("zip", "postal code", "Tel")) == frozenset({"zip", "postal", "tel"})
    assert context_literals(("n°", "zip")) is None  # a word not in ASCII: no test
    assert context_literals(()) is None
    tfn = next(i for i, p in enumerate(PATTERNS) if p.name == "au_tfn")
    assert not may_match(_NEEDS[tfn], folded("order 123 456 782 shipped"))
    assert may_match(_NEEDS[tfn], folded("TFN 123 456 782"))
