"""Locating JSON values in their source text, selecting fields, splicing new values in."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redactor.formats.jsontext import (
    FieldSelector,
    build_documents,
    encode_string,
    scan_scalars,
    splice_renderer,
)

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**12), 10**12)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4)
    ),
    max_leaves=20,
)


def _strings(value, path=()):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, (*path, i))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))


def _replace(value, new):
    if isinstance(value, str):
        return new
    if isinstance(value, list):
        return [_replace(v, new) for v in value]
    if isinstance(value, dict):
        return {k: _replace(v, new) for k, v in value.items()}
    return value


@settings(max_examples=200, deadline=None)
@given(
    value=json_values,
    indent=st.sampled_from([None, 2, "\t"]),
    ensure_ascii=st.booleans(),
    new=st.text(max_size=6),
)
def test_property_scan_finds_every_string_and_splice_replaces_them(
    value, indent, ensure_ascii, new
):
    text = json.dumps(value, indent=indent, ensure_ascii=ensure_ascii)
    tokens = scan_scalars(text)
    strings = [(t.path, t.value) for t in tokens if not t.numeric]
    assert strings == list(_strings(value))
    for token in tokens:
        assert json.loads(text[token.start : token.end]) == json.loads(
            json.dumps(token.value if not token.numeric else json.loads(token.value))
        )
    docs, placed = build_documents(
        tokens, FieldSelector(()), lambda t: (1, 0), lambda _: value, "p", "json"
    )
    render = splice_renderer(text, placed)
    assert render({d.id: d.text for d in docs}) == text
    assert json.loads(render(dict.fromkeys((d.id for d in docs), new))) == _replace(value, new)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"a": NaN, "b": -Infinity, "c": "s"}', [(("c",), "s", False)]),
        ('[ 1 , -2.5e+3 , "x" ]', [((0,), "1", True), ((1,), "-2.5e+3", True), ((2,), "x", False)]),
        ('{"a": {}, "b": [], "c": [[], {}], "d": "z"}', [(("d",), "z", False)]),
        ('"\\ud83d\\ude00"', [((), "😀", False)]),
        ('{"k\\"ey": "v"}', [(('k"ey',), "v", False)]),
    ],
)
def test_scan_scalars_examples(text, expected):
    assert [(t.path, t.value, t.numeric) for t in scan_scalars(text)] == expected


def test_scan_scalars_handles_deep_nesting_without_recursion():
    depth = 5_000  # deeper than json.loads accepts (about 1,000)
    text = '{"a": ' * depth + '"deep"' + "}" * depth
    [token] = scan_scalars(text)
    assert token.value == "deep"
    assert len(token.path) == depth


@pytest.mark.parametrize(
    ("selectors", "path", "numeric", "expected"),
    [
        ((), ("a",), False, True),
        ((), ("a",), True, False),
        (("a",), ("a", "b", 0), False, True),
        (("a",), ("a",), True, True),
        (("a.b",), ("a",), False, False),
        (("a.b",), ("a", 3, "b"), False, True),
        (("a.b",), ("a", 3, 4, "b"), False, True),
        (("a.*.c",), ("a", "x", "c"), False, True),
        (("a.*.c",), ("a", "x", "y", "c"), False, False),
        (("a.0",), ("a", 1), False, False),
        (("x", "a.1"), ("a", 1), False, True),
        (("",), ("a",), False, True),  # empty selectors are ignored: everything is selected
    ],
)
def test_field_selector(selectors, path, numeric, expected):
    assert FieldSelector(selectors).selects(path, numeric) is expected


@pytest.mark.parametrize(
    ("text", "literal"),
    [("é", '"é"'), ('a"b\\', '"a\\"b\\\\"'), ("\ud800", '"\\ud800"'), ("\n", '"\\n"')],
)
def test_encode_string(text, literal):
    assert encode_string(text) == literal


def _at(value, position):
    """The (key, value) a position of indices names: dict members by their order."""
    key = None
    for index in position:
        if isinstance(value, dict):
            key, value = list(value.items())[index]
        else:
            key, value = None, value[index]
    return key, value


@settings(max_examples=200, deadline=None)
@given(value=json_values, indent=st.sampled_from([None, 2]), new=st.text(max_size=4))
def test_property_positions_name_the_value_and_keys_are_found(value, indent, new):
    text = json.dumps(value, indent=indent)
    tokens = scan_scalars(text, keys=True)
    values = [t for t in tokens if not t.key]
    assert [(t.path, t.value) for t in values] == [
        (t.path, t.value) for t in scan_scalars(text)]
    for token in tokens:
        key, found = _at(value, token.position)
        if token.key:
            assert json.loads(text[token.start : token.end]) == key == token.value
            assert token.path[-1] == key
        elif not token.numeric:
            assert found == token.value
    docs, placed = build_documents(
        tokens, FieldSelector(()), lambda t: (1, 0), lambda _: value, "p", "json"
    )
    assert len({d.id for d in docs}) == len(docs)
    render = splice_renderer(text, placed)
    assert render({d.id: d.text for d in docs}) == text
    keys_only = {d.id: (new if d.meta.get("key") else d.text) for d in docs}
    json.loads(render(keys_only))  # still valid JSON
