"""JSON files: parsed whole, values replaced in place so the layout is the input's."""

from __future__ import annotations

import json

import pytest

from redactor.errors import InputError
from redactor.formats.base import BOM

PRETTY = """{
  "patient": {
    "name": "Ann Lee",
    "phones": ["555-0100", "555-0199"]
  },
  "visits": 3
}
"""


@pytest.mark.parametrize(
    "content",
    [
        PRETTY,
        '{"compact":"yes","n":[1,2.5e-3,"x"]}',
        '[{"name": "A"},\r\n {"name": "B"}]\r\n',
        '"top-level string"',
        "42",
        "[]",
        BOM + '{"a": "b"}\n',
        '{"esc": "\\u00e9\\t", "raw": "é"}',
    ],
)
def test_round_trip_is_byte_exact(read_file, render_all, tmp_path, content):
    records = read_file("data.json", content)
    assert render_all(records).encode() == (tmp_path / "data.json").read_bytes()


def test_object_file_is_line_one_and_layout_is_kept(read_file, render_all):
    [record] = read_file("data.json", PRETTY)
    ids = [doc.id for doc in record.documents]
    assert ids == [
        "data.json:1:/0/0",
        "data.json:1:/0/1/0",
        "data.json:1:/0/1/1",
    ]
    out = render_all([record], {"data.json:1:/0/0": "[PERSON]"})
    assert out == PRETTY.replace("Ann Lee", "[PERSON]")
    assert record.documents[0].meta["record"] == json.loads(PRETTY)


def test_top_level_array_elements_are_numbered_records(read_file):
    content = '[{"name": "A", "id": "x"}, {"name": "B"}, "bare"]'
    [record] = read_file("list.json", content, text_fields=("name",))
    assert [doc.id for doc in record.documents] == ["list.json:1:/0", "list.json:2:/0"]
    second = record.documents[1]
    assert second.meta["line"] == 2
    assert second.meta["field"] == "name"
    assert second.meta["record"] == {"name": "B"}


def test_bare_string_elements_without_selection(read_file):
    [record] = read_file("list.json", '["Ann", ["Bob"]]')
    assert [doc.id for doc in record.documents] == ["list.json:1", "list.json:2:/0"]


@pytest.mark.parametrize("content", ["", "  \n", BOM])
def test_empty_file_is_an_input_error(read_file, content):
    with pytest.raises(InputError, match="empty"):
        read_file("e.json", content)


@pytest.mark.parametrize(
    ("content", "where"),
    [
        ('{\n  "name": "Johnathan Smithers",\n}\n', "line 3, column 1"),
        ('{"name": "Johnathan Smithers"}\n{"second": 1}\n', "line 2, column 1"),
        ("Johnathan Smithers", "line 1, column 1"),
    ],
)
def test_invalid_json_names_the_position_not_the_text(read_file, content, where):
    with pytest.raises(InputError) as caught:
        read_file("bad.json", content)
    message = str(caught.value)
    assert "bad.json: not valid JSON" in message
    assert where in message
    assert "Smithers" not in message
