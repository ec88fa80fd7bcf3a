"""CSV and TSV: header kept, selected cells redacted, other bytes kept, valid quoting."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from redactor.errors import InputError
from redactor.formats import FormatOptions, format_by_name
from redactor.formats.base import BOM
from redactor.formats.delimited import cell_value, rewrite_row, split_cells

CSV_ROUND_TRIP = [
    "id,name,note\r\n1,Ann,hello\r\n2,Bob,bye\r\n",
    "id,name,note\n1,Ann,hello\n2,Bob,bye\n",
    'id,name,note\n1,"Smith, John","said ""hi"""\n',
    'id,name,note\r\n1,Ann,"line one\r\nline two\nline three"\r\n',
    'id,name,note\n1,"quoted","  spaced  "\n2,,\n',
    "id,name,note\n1,Ann,no final newline",
    "id,name,note\n\n1,Ann,x\n\n",
    'a,b\n1,mid"quote\n',
    "only_header\n",
    "",
    BOM + "id,name\n1,Zoë\n",
    "a,b\r1,old mac\r",
]

TSV_ROUND_TRIP = [
    "id\tname\tnote\n1\tAnn\thello, there\n",
    'id\tname\n1\t"tab\tinside"\r\n',
    "id\tname\n1\tJosé\n2\t\n",
]


@pytest.mark.parametrize("content", CSV_ROUND_TRIP)
def test_csv_round_trip_is_byte_exact(read_file, render_all, tmp_path, content):
    records = read_file("t.csv", content)
    assert render_all(records).encode() == (tmp_path / "t.csv").read_bytes()


@pytest.mark.parametrize("content", TSV_ROUND_TRIP)
def test_tsv_round_trip_is_byte_exact(read_file, render_all, tmp_path, content):
    records = read_file("t.tsv", content)
    assert render_all(records).encode() == (tmp_path / "t.tsv").read_bytes()


def test_header_is_a_record_without_documents(read_file):
    records = read_file("t.csv", "id,name\r\n1,Ann\r\n")
    assert records[0].documents == ()
    assert records[0].render({}) == "id,name\r\n"


def test_ids_are_row_and_column_number(read_file):
    records = read_file("tickets.csv", "id,name,note\n7,Ann,\n\n8,,hi\n")
    ids = [doc.id for record in records for doc in record.documents]
    assert ids == [
        "tickets.csv:1:1",
        "tickets.csv:1:2",
        "tickets.csv:2:1",
        "tickets.csv:2:3",
    ]


def test_ids_never_carry_a_header(read_file):
    records = read_file("p.csv", "id,John Smith 123-45-6789\n1,x\n")
    assert [doc.id for doc in records[1].documents] == ["p.csv:1:1", "p.csv:1:2"]
    assert records[1].documents[1].meta["column"] == "John Smith 123-45-6789"


@pytest.mark.parametrize("delimiter", [",", "\t"])
def test_header_cells_are_documents_with_redact_keys(read_file, render_all, delimiter):
    ext = "csv" if delimiter == "," else "tsv"
    content = BOM + delimiter.join(["id", '"Smith, John"', "", "note"]) + "\r\n1,a,b,c\r\n"
    content = content.replace("1,a,b,c", delimiter.join("1abc"))
    records = read_file(f"p.{ext}", content, redact_keys=True)
    header = records[0].documents
    assert [(d.id, d.text, d.meta["key"], d.meta["row"]) for d in header] == [
        (f"p.{ext}:0:1", "id", True, 0),
        (f"p.{ext}:0:2", "Smith, John", True, 0),
        (f"p.{ext}:0:4", "note", True, 0),
    ]
    assert "column" not in header[1].meta  # a header is no cell of its column
    out = render_all(records, {f"p.{ext}:0:2": "[PERSON], [PERSON]"})
    assert out.startswith(BOM)
    rows = list(csv.reader(io.StringIO(out[1:], newline=""), delimiter=delimiter))
    assert rows == [["id", "[PERSON], [PERSON]", "", "note"], ["1", "a", "b", "c"]]
    assert render_all(records) == content


def test_meta_holds_row_column_line_and_record(read_file):
    records = read_file("t.csv", 'id,note\n1,"two\nlines"\n2,Ann\n')
    doc = records[2].documents[1]
    assert doc.meta["row"] == 2
    assert doc.meta["line"] == 4
    assert doc.meta["column"] == "note"
    assert doc.meta["column_index"] == 1
    assert doc.meta["record"] == {"id": "2", "note": "Ann"}


@pytest.mark.parametrize(
    ("cell", "numeric"),
    [
        ("02139", True),
        ("-12.5", True),
        ("1,234.5", True),
        ("3e5", True),
        ("555-0100", False),
        ("Ann", False),
        ("+1 555 0100", False),
        ("12 Main St", False),
    ],
)
def test_numeric_cells_are_documents_flagged_numeric(read_file, cell, numeric):
    records = read_file("t.csv", f'a\n"{cell}"\n')
    [doc] = records[1].documents
    assert doc.text == cell
    assert doc.meta["numeric"] is numeric


@pytest.mark.parametrize(
    ("columns", "expected"),
    [
        ((), ["id", "name", "note"]),
        (("note",), ["note"]),
        (("note", "name"), ["name", "note"]),
    ],
)
def test_column_selection(read_file, columns, expected):
    records = read_file("t.csv", "id,name,note\n1,Ann,hi\n", columns=columns)
    assert [doc.meta["column"] for doc in records[1].documents] == expected


def test_duplicate_and_empty_header_names_get_unique_keys(read_file):
    records = read_file("t.csv", "name,,name\nAnn,x,Bob\n", columns=("name",))
    assert [doc.id for doc in records[1].documents] == ["t.csv:1:1", "t.csv:1:3"]


def test_changed_cells_keep_other_cells_and_line_ending(read_file, render_all):
    content = 'id,name,note,"q"\r\n001,"Ann",plain,"x"\r\n'
    records = read_file("t.csv", content)
    out = render_all(records, {"t.csv:1:2": "[P]", "t.csv:1:3": "a, b"})
    assert out == 'id,name,note,"q"\r\n001,"[P]","a, b","x"\r\n'


@pytest.mark.parametrize(
    "new",
    ["plain", "with, comma", 'with "quote"', "multi\nline", "crlf\r\nline", "", " spaced "],
)
@pytest.mark.parametrize("delimiter", [",", "\t"])
def test_changed_cells_parse_back_to_the_new_value(read_file, render_all, new, delimiter):
    ext = "csv" if delimiter == "," else "tsv"
    row = ["1", "Ann", 'n "q"', "x,y\tz"]
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(["id", "name", "note", "other"])
    writer.writerow(row)
    records = read_file(f"t.{ext}", buf.getvalue())
    out = render_all(records, {f"t.{ext}:1:2": new})
    parsed = list(csv.reader(io.StringIO(out, newline=""), delimiter=delimiter))
    assert parsed[1] == ["1", new, 'n "q"', "x,y\tz"]
    assert out.endswith("\r\n")


def test_single_column_row_changed_to_empty_stays_a_row(read_file, render_all):
    records = read_file("t.csv", "name\nAnn\nBob\n")
    out = render_all(records, {"t.csv:1:1": ""})
    assert list(csv.reader(io.StringIO(out, newline=""))) == [["name"], [""], ["Bob"]]


def test_unknown_column_lists_the_header(read_file):
    with pytest.raises(InputError) as caught:
        read_file("t.csv", "id,name,note\n1,Ann,hi\n", columns=("Name", "note"))
    message = str(caught.value)
    assert 'no column named "Name"' in message
    assert '"id", "name", "note"' in message


def test_ragged_row_names_its_number_and_not_its_text(read_file):
    content = "id,name\n1,Ann\n\n2,Johnathan Smithers,extra\n"
    with pytest.raises(InputError) as caught:
        read_file("t.csv", content)
    message = str(caught.value)
    assert "row 2 (starting on line 4) has 3 cells" in message
    assert "header has 2 columns" in message
    assert "Smithers" not in message


def test_short_row_is_ragged_too(read_file):
    with pytest.raises(InputError, match=r"row 1 .* has 1 cells"):
        read_file("t.tsv", "a\tb\nJohnathan Smithers\n")


@pytest.mark.parametrize(
    "content",
    [
        'id,name\n1,"Johnathan Smithers\n2,b\n3,c\n',
        'id,name\n1,"Johnathan" Smithers\n',
    ],
)
def test_malformed_quoting_is_an_input_error(read_file, content):
    with pytest.raises(InputError) as caught:
        read_file("t.csv", content)
    message = str(caught.value)
    assert "row 1 (starting on line 2) cannot be read as CSV" in message
    assert "Smithers" not in message


def test_unclosed_quote_in_a_long_file_is_an_input_error(read_file):
    content = 'id,name\n1,"Johnathan Smithers\n' + ("x" * 200 + "\n") * 1000
    with pytest.raises(InputError) as caught:
        read_file("t.csv", content)
    message = str(caught.value)
    assert "row 1 (starting on line 2)" in message
    assert "Smithers" not in message


def test_blank_first_line_is_an_input_error(read_file):
    with pytest.raises(InputError, match="header row"):
        read_file("t.csv", "\nid,name\n")


def test_rewrite_falls_back_to_csv_writer_when_raw_text_disagrees():
    # The raw text does not split into the parsed cells: the row is written anew, validly.
    out = rewrite_row('"a,b\n', ["x", "y"], {1: "new"}, ",")
    assert out == "x,new\n"


@pytest.mark.parametrize(
    ("body", "cells"),
    [
        ('a,"b,c",d', ["a", '"b,c"', "d"]),
        ('"x""y",', ['"x""y"', ""]),
        ("", [""]),
        ('"q"tail,z', ['"q"tail', "z"]),
    ],
)
def test_split_cells_returns_raw_cells(body, cells):
    spans = split_cells(body, ",")
    assert spans is not None
    assert [body[s:e] for s, e in spans] == cells


@settings(max_examples=150, deadline=None)
@given(
    rows=st.lists(
        st.lists(
            st.text(alphabet=st.sampled_from('ab ,"\t\r\né'), max_size=6), min_size=3, max_size=3
        ),
        min_size=1,
        max_size=5,
    ),
    quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]),
    terminator=st.sampled_from(["\n", "\r\n"]),
    delimiter=st.sampled_from([",", "\t"]),
    new=st.text(alphabet=st.sampled_from('xy ,"\t\n'), max_size=5),
)
def test_property_round_trip_and_replacement(rows, quoting, terminator, delimiter, new):
    # csv.writer leaves a lone "\r" unquoted when the line terminator is "\n" (invalid CSV).
    assume(
        quoting == csv.QUOTE_ALL
        or terminator == "\r\n"
        or not any("\r" in c for r in rows for c in r)
    )
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, quoting=quoting, lineterminator=terminator)
    writer.writerow(["h1", "h2", "h3"])
    writer.writerows(rows)
    content = buf.getvalue()
    fmt = format_by_name("csv" if delimiter == "," else "tsv")
    records = list(fmt.records(io.StringIO(content, newline=""), "p", FormatOptions()))
    assert "".join(r.render_unchanged() for r in records) == content
    # Replace every document with `new`: the output parses to the expected cells.
    out = "".join(r.render(dict.fromkeys(r.original_texts(), new)) for r in records)
    parsed = list(csv.reader(io.StringIO(out, newline=""), delimiter=delimiter))
    expected = [["h1", "h2", "h3"]]
    for row in rows:
        expected.append([new if cell.strip() else cell for cell in row] if any(row) else row)
    assert [p for p in parsed if p] == [e for e in expected if e]


def test_cell_value_undoes_quoting():
    assert cell_value('"a""b"c') == 'a"bc'
    assert cell_value("plain") == "plain"


def test_bom_is_not_part_of_the_first_header_name(read_file, render_all):
    records = read_file("t.csv", BOM + "name,id\r\nAnn,1\r\n", columns=("name",))
    [doc] = records[1].documents
    assert doc.id == "t.csv:1:1"
    assert render_all(records, {doc.id: "[P]"}) == BOM + "name,id\r\n[P],1\r\n"


def test_render_refuses_a_missing_document(read_file):
    records = read_file("t.csv", "name\nAnn\n")
    with pytest.raises(KeyError):
        records[1].render({})
