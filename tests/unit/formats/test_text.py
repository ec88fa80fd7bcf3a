"""Plain text and Markdown: one document per file, output byte for byte."""

from __future__ import annotations

import pytest

from redactor.formats.base import BOM


@pytest.mark.parametrize(
    "content",
    [
        "Patient John Smith\nseen on 2024-01-02\n",
        "windows\r\nline\r\nendings\r\n",
        "old mac\rendings\r",
        "mixed\r\nendings\nand\rno final newline",
        "unicode: Zoë Ångström — 東京 \u2028 sep\n",
        "\n\n\n",
        "",
        BOM + "with a byte-order mark\n",
    ],
)
@pytest.mark.parametrize("name", ["notes/a.txt", "README.MD"])
def test_round_trip_is_byte_exact(read_file, render_all, tmp_path, name, content):
    records = read_file(name, content)
    assert render_all(records) == content
    assert render_all(records).encode() == (tmp_path / name).read_bytes()


def test_whole_file_is_one_document_with_the_relative_path_as_id(read_file):
    [record] = read_file("notes/a.txt", "Call Jane\r\nDoe\r\n")
    [doc] = record.documents
    assert doc.id == "notes/a.txt"
    assert doc.text == "Call Jane\r\nDoe\r\n"
    assert doc.meta["format"] == "text"


def test_new_text_replaces_the_document(read_file):
    [record] = read_file("a.md", "# Jane Doe\n")
    assert record.render({"a.md": "# [PERSON]\n"}) == "# [PERSON]\n"


def test_bom_is_not_part_of_the_document_but_is_written_back(read_file):
    [record] = read_file("a.txt", BOM + "Jane\n")
    assert record.documents[0].text == "Jane\n"
    assert record.render({"a.txt": "[P]\n"}) == BOM + "[P]\n"


def test_empty_file_has_no_documents(read_file):
    [record] = read_file("empty.txt", "")
    assert record.documents == ()
    assert record.render({}) == ""


def test_render_refuses_a_missing_document(read_file):
    [record] = read_file("a.txt", "Jane\n")
    with pytest.raises(KeyError):
        record.render({})


def test_split_bom_takes_only_a_leading_mark() -> None:
    from redactor.formats.base import split_bom

    assert split_bom(BOM + "a" + BOM) == (BOM, "a" + BOM)
    assert split_bom("a" + BOM) == ("", "a" + BOM)
    assert split_bom("") == ("", "")
