"""Opening inputs: binary and encoding checks, byte offsets in errors, streams for stdin."""

from __future__ import annotations

import io

import pytest

from redactor.errors import InputError
from redactor.formats import (
    FormatOptions,
    format_by_name,
    format_for_path,
    open_input,
    open_stream,
    read_records,
)
from redactor.formats.reading import SNIFF_BYTES

FAKE = b"Johnathan Smithers"


def _read(path, encoding="utf-8", **options):
    fmt = format_for_path(path)
    with open_input(path, encoding, display_name=path.name) as stream:
        return list(
            read_records(fmt, stream, path.name, FormatOptions(encoding=encoding, **options))
        )


@pytest.mark.parametrize(
    ("data", "offset", "byte"),
    [
        (b"Patient " + FAKE + b" \xe9 here\n", 27, "0xE9"),
        (b"\xff" + FAKE, 0, "0xFF"),
        (b"a" * 100 + b"\xc3\x28" + FAKE, 100, "0xC3"),
    ],
)
def test_bad_byte_in_the_first_8_kb_fails_on_open(tmp_path, data, offset, byte):
    path = tmp_path / "notes.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        open_input(path)
    message = str(caught.value)
    assert f"byte offset {offset} ({byte}) is not valid utf-8" in message
    assert "--encoding" in message
    assert "Smithers" not in message


@pytest.mark.parametrize("name", ["a.txt", "a.jsonl", "a.csv", "a.json"])
@pytest.mark.parametrize("offset", [SNIFF_BYTES + 5, 3 * SNIFF_BYTES - 1, 100_003])
def test_bad_byte_after_the_first_8_kb_fails_while_reading_with_its_offset(tmp_path, name, offset):
    line = {
        "a.txt": b"x" * 9 + b"\n",
        "a.jsonl": b'{"a": 1}\n\n',
        "a.csv": b"xxxx,yyy\n",
        "a.json": b"          ",
    }[name]
    head = b"h,k\n" if name == "a.csv" else (b"[" if name == "a.json" else b"")
    data = head + line * ((offset - len(head)) // len(line) + 1)
    data = data[:offset] + b"\xe9" + FAKE + b"\n"
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        _read(path)
    message = str(caught.value)
    assert f"{name}: byte offset {offset} (0xE9)" in message
    assert "Smithers" not in message


@pytest.mark.parametrize("size", [3, SNIFF_BYTES + 10])
def test_truncated_character_at_end_of_file_reports_its_offset(tmp_path, size):
    path = tmp_path / "t.txt"
    path.write_bytes(b"a" * size + b"\xc3")
    with pytest.raises(InputError, match=f"byte offset {size} \\(0xC3\\)"):
        _read(path)


@pytest.mark.parametrize("position", range(SNIFF_BYTES - 3, SNIFF_BYTES + 3))
def test_multibyte_characters_across_chunk_boundaries_decode(tmp_path, render_all, position):
    data = b"a" * position + "é😀".encode() + b"z" * 20_000
    path = tmp_path / "t.txt"
    path.write_bytes(data)
    assert render_all(_read(path)).encode() == data


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF document"),
        (b"PK\x03\x04\x14\x00\x00\x00", "a ZIP archive"),
        (b"\x1f\x8b\x08\x00\x00\x00", "a gzip archive"),
        (b"text then a NUL\x00 byte " + FAKE, "looks binary"),
        (bytes(range(1, 32)) * 20 + FAKE, "looks binary"),
        (b"\x00\x01\x02\xff\xfe" + FAKE, "looks binary"),
    ],
)
def test_binary_files_are_refused(tmp_path, data, what):
    path = tmp_path / "data.csv"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        open_input(path)
    message = str(caught.value)
    assert what in message
    assert "not text" in message
    assert "Smithers" not in message


def test_utf16_without_encoding_suggests_it(tmp_path):
    path = tmp_path / "u.txt"
    path.write_bytes("Hello there\n".encode("utf-16"))
    with pytest.raises(InputError, match="--encoding utf-16"):
        open_input(path)


@pytest.mark.parametrize("encoding", ["utf-16", "latin-1", "cp1252", "utf-8"])
def test_other_encodings_read_with_encoding(tmp_path, render_all, encoding):
    text = "id,name\r\n1,Zoë Ça\r\n"
    path = tmp_path / "t.csv"
    path.write_bytes(text.encode(encoding))
    records = _read(path, encoding)
    assert render_all(records) == text
    assert records[1].documents[1].text == "Zoë Ça"


def test_text_with_tabs_and_escapes_is_not_binary(tmp_path):
    path = tmp_path / "t.txt"
    path.write_bytes(b"\ta\tb\f\x1b[0m colour\r\n" * 100)
    with open_input(path) as stream:
        assert stream.read().startswith("\ta")


def test_utf8_bom_is_kept_as_a_character(tmp_path):
    path = tmp_path / "t.txt"
    path.write_bytes(b"\xef\xbb\xbfhi")
    with open_input(path) as stream:
        assert stream.read() == "\ufeffhi"


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda p: p, "file not found"),
        (lambda p: (p.mkdir(), p)[1], "is a folder"),
    ],
)
def test_missing_or_folder_is_an_input_error(tmp_path, setup, message):
    path = setup(tmp_path / "x.txt")
    with pytest.raises(InputError, match=message):
        open_input(path)


def test_unknown_encoding_is_an_input_error(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("hi")
    with pytest.raises(InputError, match="unknown encoding 'utf-9'"):
        open_input(path, "utf-9")


def test_open_stream_reads_stdin_like_bytes(render_all):
    data = b'{"a": "b"}\n' * 2000
    stream = open_stream(io.BytesIO(data), "utf-8")
    records = list(read_records(format_by_name("jsonl"), stream, "<stdin>", FormatOptions()))
    assert render_all(records).encode() == data
    assert len(records) == 2000


def test_open_stream_reports_offsets_too():
    data = b'{"a": "b"}\n' * 2000 + b'{"a": "\xe9"}\n'
    stream = open_stream(io.BytesIO(data), "utf-8")
    with pytest.raises(InputError, match="<stdin>: byte offset 22007 "):
        list(read_records(format_by_name("jsonl"), stream, "<stdin>", FormatOptions()))


def test_closing_the_stream_closes_the_file(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("hi")
    raw = open(path, "rb")  # noqa: SIM115
    stream = open_stream(raw)
    stream.close()
    assert raw.closed


def test_decode_error_on_a_plain_stream_is_still_an_input_error():
    class Broken(io.StringIO):
        def __iter__(self):
            raise UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")

    with pytest.raises(InputError, match="is not valid utf-8"):
        list(read_records(format_by_name("jsonl"), Broken(), "x.jsonl", FormatOptions()))
