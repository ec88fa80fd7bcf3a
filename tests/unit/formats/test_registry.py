"""Choosing formats by extension and by name."""

from __future__ import annotations

import pytest

from redactor.errors import InputError
from redactor.formats import SUPPORTED_EXTENSIONS, format_by_name, format_for_path, is_supported


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("a.txt", "text"),
        ("dir/B.TXT", "text"),
        ("notes.md", "text"),
        ("x.jsonl", "jsonl"),
        ("x.NDJSON", "jsonl"),
        ("x.json", "json"),
        ("t.csv", "csv"),
        ("t.Tsv", "tsv"),
        ("archive.tar.csv", "csv"),
    ],
)
def test_format_for_path(path, name):
    assert format_for_path(path).name == name
    assert is_supported(path)


@pytest.mark.parametrize("path", ["a.pdf", "Makefile", "x.jsonl.gz", "x.docx"])
def test_unknown_extension_lists_the_supported_ones(path):
    with pytest.raises(InputError) as caught:
        format_for_path(path)
    message = str(caught.value)
    assert "not supported" in message
    for ext in SUPPORTED_EXTENSIONS:
        assert ext in message
    assert not is_supported(path)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("text", "text"),
        ("TXT", "text"),
        ("md", "text"),
        ("jsonl", "jsonl"),
        ("ndjson", "jsonl"),
        ("json", "json"),
        ("csv", "csv"),
        (".tsv", "tsv"),
    ],
)
def test_format_by_name(name, expected):
    assert format_by_name(name).name == expected


def test_unknown_format_name_lists_the_choices():
    with pytest.raises(InputError, match="csv, json, jsonl, text, tsv"):
        format_by_name("xml")


def test_supported_extensions_are_lower_case_with_a_dot():
    assert set(SUPPORTED_EXTENSIONS) == {
        ".txt",
        ".md",
        ".jsonl",
        ".ndjson",
        ".json",
        ".csv",
        ".tsv",
    }
