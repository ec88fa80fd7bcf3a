"""JSON Lines: one record per line, values replaced in place, everything else kept."""

from __future__ import annotations

import json

import pytest

from redactor.errors import InputError
from redactor.formats.base import BOM

ROUND_TRIP = [
    '{"name": "John Smith", "age": 42}\n',
    '{"name":"John Smith","age":42}\r\n{"b" :  "x" }\r\n',
    '{"a": "\\u00e9\\n\\"q\\"", "b": "é", "n": 1.50e3, "z": -0.0}\n',
    '{"a": 1}\n\n   \n{"a": "two"}\n',
    '{"a": "no final newline"}',
    '"just a string"\n[1, "two", {"three": null}]\n42\ntrue\nnull\n',
    '{"nested": {"deeper": {"deepest": ["x", ["y", {"z": "w"}]]}}}\n',
    '{"k": "tab\\there", "emoji": "😀", "sep": "\u2028"}\n',
    '  {"leading": "space"}  \n',
    BOM + '{"bom": "first line"}\n{"b": "c"}\n',
    "",
]


@pytest.mark.parametrize("content", ROUND_TRIP)
@pytest.mark.parametrize("name", ["export.jsonl", "x.NDJSON"])
def test_round_trip_is_byte_exact(read_file, render_all, tmp_path, name, content):
    records = read_file(name, content)
    assert render_all(records).encode() == (tmp_path / name).read_bytes()


def test_document_ids_are_line_and_pointer_of_indices(read_file):
    content = '{"user": {"name": "Ann", "bio": "b"}, "tags": ["t0", "t1"], "n": 3}\n\n"s"\n'
    records = read_file("dir/export.jsonl", content)
    ids = [doc.id for record in records for doc in record.documents]
    assert ids == [
        "dir/export.jsonl:1:/0/0",
        "dir/export.jsonl:1:/0/1",
        "dir/export.jsonl:1:/1/0",
        "dir/export.jsonl:1:/1/1",
        "dir/export.jsonl:3",
    ]
    fields = [doc.meta["field"] for record in records for doc in record.documents]
    assert fields == ["user.name", "user.bio", "tags.0", "tags.1", ""]


def test_document_ids_never_carry_a_key(read_file):
    key = "John Smith SSN 123-45-6789"
    records = read_file("p.jsonl", json.dumps({key: "x", "n": {key: ["y"]}}) + "\n")
    ids = [doc.id for record in records for doc in record.documents]
    assert ids == ["p.jsonl:1:/0", "p.jsonl:1:/1/0/0"]
    assert not any("John" in i or "123" in i for i in ids)


def test_keys_are_documents_with_redact_keys(read_file, render_all):
    content = '{"John Smith": {"ssn 123-45-6789": "x"}, "n": ["John Smith"]}\r\n'
    records = read_file("p.jsonl", content, redact_keys=True)
    docs = records[0].documents
    assert [(d.id, d.text, d.meta.get("key", False)) for d in docs] == [
        ("p.jsonl:1:/0:key", "John Smith", True),
        ("p.jsonl:1:/0/0:key", "ssn 123-45-6789", True),
        ("p.jsonl:1:/0/0", "x", False),
        ("p.jsonl:1:/1:key", "n", True),
        ("p.jsonl:1:/1/0", "John Smith", False),
    ]
    assert "field" not in docs[0].meta  # a key is no field value (no --column-type for it)
    out = render_all(records, {"p.jsonl:1:/0:key": "[PERSON]",
                               "p.jsonl:1:/0/0:key": 'ssn "[SSN]"'})
    assert out == '{"[PERSON]": {"ssn \\"[SSN]\\"": "x"}, "n": ["John Smith"]}\r\n'
    assert json.loads(out) == {"[PERSON]": {'ssn "[SSN]"': "x"}, "n": ["John Smith"]}
    assert read_file("q.jsonl", content)[0].documents[0].id == "q.jsonl:1:/0/0"  # off: values


def test_meta_gives_field_line_and_the_whole_record(read_file):
    [record] = read_file("e.jsonl", '{"patient_id": "P-7", "note": "Ann called"}\n')
    note = next(doc for doc in record.documents if doc.meta["field"] == "note")
    assert note.meta["line"] == 1
    assert note.meta["path"] == ("note",)
    assert note.meta["record"] == {"patient_id": "P-7", "note": "Ann called"}
    assert note.meta["format"] == "jsonl"
    assert note.meta["numeric"] is False


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ((), ["id", "user.name", "user.bio", "tags.0", "tags.1", "items.0.note", "items.1.note"]),
        (("user.bio",), ["user.bio"]),
        (("user",), ["user.name", "user.bio"]),
        (("tags",), ["tags.0", "tags.1"]),
        (("tags.1",), ["tags.1"]),
        (("items.note",), ["items.0.note", "items.1.note"]),
        (("items.*.note",), ["items.0.note", "items.1.note"]),
        (("items.1.note",), ["items.1.note"]),
        (("*.bio",), ["user.bio"]),
        (("age",), ["age"]),  # a number is a document only when selected
        (("missing", "user.name"), ["user.name"]),
        (("user.name.extra",), []),
    ],
)
def test_field_selection(read_file, fields, expected):
    line = json.dumps(
        {
            "id": "u1",
            "age": 91,
            "user": {"name": "Ann Lee", "bio": "nurse", "active": True},
            "tags": ["a", "b"],
            "items": [{"note": "n0", "qty": 1}, {"note": "n1"}],
        }
    )
    [record] = read_file("s.jsonl", line + "\n", text_fields=fields)
    assert [doc.meta["field"] for doc in record.documents] == expected


def test_changed_values_are_replaced_in_place(read_file, render_all):
    content = '{"name": "John Smith",   "keep": "\\u00e9", "n": 1.50}\r\n'
    records = read_file("a.jsonl", content)
    out = render_all(records, {"a.jsonl:1:/0": 'Sé "quoted"\n'})
    assert out == '{"name": "Sé \\"quoted\\"\\n",   "keep": "\\u00e9", "n": 1.50}\r\n'
    assert json.loads(out)["name"] == 'Sé "quoted"\n'


def test_selected_number_that_changes_becomes_a_string(read_file, render_all):
    records = read_file("a.jsonl", '{"ssn": 123456789, "x": 1}\n', text_fields=("ssn",))
    [doc] = records[0].documents
    assert (doc.text, doc.meta["numeric"]) == ("123456789", True)
    assert render_all(records) == '{"ssn": 123456789, "x": 1}\n'
    assert render_all(records, {doc.id: "[US_SSN]"}) == '{"ssn": "[US_SSN]", "x": 1}\n'


def test_duplicate_keys_get_distinct_ids(read_file, render_all):
    records = read_file("d.jsonl", '{"a": "one", "a": "two"}\n')
    ids = [doc.id for doc in records[0].documents]
    assert ids == ["d.jsonl:1:/0", "d.jsonl:1:/1"]
    assert render_all(records, dict.fromkeys(ids, "X")) == '{"a": "X", "a": "X"}\n'


def test_lone_surrogate_is_written_escaped(read_file, render_all):
    records = read_file("s.jsonl", '{"a": "\\ud800 x"}\n')
    out = render_all(records, {"s.jsonl:1:/0": "\ud800 y"})
    assert out == '{"a": "\\ud800 y"}\n'


@pytest.mark.parametrize(
    ("content", "line"),
    [
        ('{"a": 1}\n{"name": "Johnathan Q. Smithers",}\n', 2),
        ('{"a": 1}\n\n{"name": "Johnathan Q. Smithers"\n', 3),
        ("Johnathan Q. Smithers\n", 1),
        ('{"a": 1}\n{"name": "Johnathan Q. Smithers"} trailing Smithers\n', 2),
        ('{"a": 1}\r\n{"name": \'Johnathan Q. Smithers\'}\r\n', 2),
    ],
)
def test_malformed_line_names_its_number_and_not_its_text(read_file, content, line):
    with pytest.raises(InputError) as caught:
        read_file("bad.jsonl", content)
    message = str(caught.value)
    assert f"bad.jsonl: line {line} is not valid JSON" in message
    assert "Smithers" not in message
    assert "Johnathan" not in message


def test_deep_nesting_is_an_input_error(read_file):
    with pytest.raises(InputError, match=r"line 1 .*nested too deeply"):
        read_file("deep.jsonl", "[" * 100_000 + "]" * 100_000 + "\n")


def test_records_stream_one_line_at_a_time(tmp_path):
    import io

    from redactor.formats import FormatOptions, format_by_name

    class Once(io.StringIO):
        reads = 0

        def __next__(self):
            Once.reads += 1
            return super().__next__()

    stream = Once('{"a": "x"}\n' * 5, newline="")
    records = format_by_name("jsonl").records(stream, "s", FormatOptions())
    next(records)
    assert Once.reads == 1


def test_render_refuses_a_missing_document(read_file):
    [record] = read_file("a.jsonl", '{"a": "x", "b": "y"}\n')
    with pytest.raises(KeyError):
        record.render({"a.jsonl:1:/0": "x"})


def test_bom_is_kept_on_the_first_line_only(read_file, render_all):
    records = read_file("a.jsonl", BOM + '{"a": "x"}\n{"a": "y"}\n')
    out = render_all(records, {"a.jsonl:1:/0": "1", "a.jsonl:2:/0": "2"})
    assert out == BOM + '{"a": "1"}\n{"a": "2"}\n'
