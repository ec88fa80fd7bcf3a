import json
import pickle
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redactor.detect.names import RULES
from redactor.detect.patterns import _COMPILED, PATTERNS
from redactor.detect.regex_prefix import hoisted
from redactor.detect.regexes import portable

ROOT = Path(__file__).resolve().parents[3]


def _matches(regex: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in regex.finditer(text)]


@pytest.mark.parametrize(
    ("regex", "first"),
    [
        (r"(?<![\w/])\d{2}/\d{2}", "[\\d]"),  # a lookbehind moves after the first character
        (r"(?<![\w/.:-])(?:1[0-2]|0?[1-9])/\d\d", "[10"),  # an alternation: one class for all
        (r"\b(?:\+|00)\d{2}", "[\\U0000002b0]"),
        (r"(?<!\w)x?\d", None),  # the first item may be empty, and the next is a letter's
        (r"(?<!\w)#?\d", "[\\U00000023\\d]"),  # "x?y" is "xy" or "y"
        (r"(?<!\w)(?P<v>x)?\d", None),  # an optional group: left as it is
        (r"(?<!\w)(?P<v>\d+)", None),  # the first character is a group's own
        (r"(?i)(?<!\w)mrn\d", None),  # a case-blind letter: no class to scan for
        (r"(?<!\w)(?:jan|feb|mar|apr|may|jun|jul)\d", None),  # letters before many branches
    ],
)
def test_a_regex_starts_with_its_first_class_where_that_pays(regex, first):
    compiled = re.compile(regex)
    result = hoisted(compiled)
    if first is None:
        assert result is compiled
    else:
        assert result is not compiled and result.pattern.startswith(first)


@pytest.mark.parametrize(
    ("regex", "texts"),
    [
        (r"(?<![\w/.:-])(?:1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9])(?![\w/])",
         ["seen 3/14 and 12/1, not 13/1 or a/3/4 or 1/2/3", "0/1 09/31 x10/2"]),
        (r"(?<![\w-])\d{3}-(?P<mid>\d{2})-\d{4}\b", ["ssn 123-45-6789 x123-45-6789 1234-56-7890"]),
        (r"(?<=\s)(?:\+|00)\d{2}[ ]\d+", ["tel +44 2071 or 0044 207; +1 x"]),
        (r"(?:(?<!\d)\#\d{2}|\d{3})-\d+", ["#12-3 1#23-4 123-4 1234-5"]),
        (r"(?<![\w.])\+?\d{2}(?P<rest>[ ]\d+)", ["+44 2071, 44 207, x+44 1, .44 2, +4 1"]),
        (r"(?<![\w.])\+??\d{2}[ ]\d+", ["+44 2071, 44 207, x+44 1, .44 2"]),
    ],
)
def test_a_rewritten_regex_finds_the_same_matches_and_groups(regex, texts):
    compiled = re.compile(regex)
    result = hoisted(compiled)
    assert result is not compiled
    for text in texts:
        assert _matches(result, text) == _matches(compiled, text)
        assert _matches(compiled, text)


def test_a_rewritten_regex_carries_its_inline_flags_in_its_text():
    original = re.compile(r"(?m)(?<=[ \t]{2})[A-Z]{2,4}/[a-z]{2,4}(?=[ \t]*$)")
    result = hoisted(original)
    assert result is not original and result.pattern.startswith("(?m)")
    text = "DT 09/10/2017 15:02  CF/aab\nDocument"
    assert _matches(re.compile(result.pattern), text) == _matches(original, text) != []


def test_a_rewritten_regex_pickles_and_keeps_its_flags_and_groups():
    original = re.compile(r"(?<!\w)\d{1,2}(?P<month>[ \t]+(?i:march))", re.VERBOSE)
    result = hoisted(original)
    assert result is not original
    assert result.groupindex == original.groupindex
    assert not result.flags & re.VERBOSE
    assert pickle.loads(pickle.dumps(result)).pattern == result.pattern
    assert result.search("on 14 MARCH").group("month") == " MARCH"


def test_most_of_the_tables_regexes_that_start_with_a_lookbehind_are_rewritten():
    rewritten = sum(not c.pattern.startswith("(?") for c in _COMPILED)
    assert rewritten >= 40


_FRAGMENTS = st.sampled_from(
    ["12", "3/14", "07/04/2019", "1-2", "555-0142", "+44", "(617) ", "MRN", "Job", "x", "DR",
     "Dr. ", "Smith", "SMITH", "lee", "/", ".", ",", ":", "-", " ", "\n", "\t", "(", ")", "#",
     "@", "a", "Z", "0", "9", "1999", "St", "Ave", "MA 02115", "Hospital", "Rehab", "on the",
     "19th", "年", "月", "\u0130", "é", "RN", "MD", "'s", "son", "wife", "Mar", "2021", "No."]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_FRAGMENTS, min_size=1, max_size=25).map("".join))
def test_every_rewritten_regex_of_the_tables_matches_as_its_source(text):
    for pattern, compiled in zip(PATTERNS, _COMPILED, strict=True):
        original = re.compile(_source(pattern), re.VERBOSE | pattern.flags)
        assert _matches(compiled, text) == _matches(original, text), pattern.name


def _source(pattern) -> str:
    return portable(pattern.regex)


def test_the_rewritten_tables_find_what_their_sources_find_on_written_documents():
    texts = [json.loads(line)["text"] for line in
             (ROOT / "benchmarks" / "data" / "written.jsonl").read_text("utf-8").splitlines()]
    assert len(texts) > 1000
    checked = 0
    for pattern, table_regex in zip(PATTERNS, _COMPILED, strict=True):
        original = re.compile(_source(pattern), re.VERBOSE | pattern.flags)
        compiled = pattern.compile()
        if compiled.pattern == original.pattern:
            continue
        checked += 1
        for text in texts[::3]:  # the one compiled alone, and the table's (through the cache)
            assert _matches(compiled, text) == _matches(original, text), pattern.name
            assert _matches(table_regex, text) == _matches(original, text), pattern.name
    assert checked >= 40
    assert any(not rule.regex.pattern.startswith("(?") for rule in RULES)


def test_a_table_compiled_through_the_cache_is_the_table_compiled_anew(tmp_path, monkeypatch):
    from redactor.detect.prefilter import required_literals, table_literals
    from redactor.detect.regex_prefix import compile_table

    monkeypatch.setenv("REDACTOR_CACHE_DIR", str(tmp_path / "cache"))
    table = [(portable(p.regex), re.VERBOSE | p.flags) for p in PATTERNS]
    first = compile_table(table, name="test")
    second = compile_table(table, name="test")  # read back
    assert list(tmp_path.joinpath("cache").glob("regex-prefix-test-*.txt"))
    assert [r.pattern for r in first] == [r.pattern for r in second]
    assert [r.pattern for r in second] == [c.pattern for c in _COMPILED]
    assert [r.flags for r in second] == [c.flags for c in _COMPILED]
    # as each regex compiled and rewritten alone, its inline flags ("(?m)") kept
    alone = [hoisted(re.compile(source, flags)) for source, flags in table]
    assert [(r.pattern, r.flags) for r in second] == [(r.pattern, r.flags) for r in alone]
    literals = table_literals(second, name="test")
    assert table_literals(second, name="test") == literals == [
        required_literals(r) for r in second]
    monkeypatch.setenv("REDACTOR_CACHE_DIR", "off")
    assert [r.pattern for r in compile_table(table, name="test")] == [r.pattern for r in first]
