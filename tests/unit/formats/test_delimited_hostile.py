"""CSV and TSV inputs that used to fail a whole file (issue 13): a cell over the csv module's
131,072-character default, a TSV cell that starts with a quote."""

import pytest

from redactor.errors import InputError


def _cells(records):
    return {d.id: d.text for r in records for d in r.documents}


def test_csv_cell_has_no_size_limit(read_file, render_all, tmp_path):
    big = "word " * 60_000  # 300,000 characters
    content = f'id,note\n1,"{big}"\n2,short\n'
    records = read_file("t.csv", content)
    assert _cells(records)["t.csv:1:2"] == big
    assert render_all(records).encode() == (tmp_path / "t.csv").read_bytes()


def test_tsv_cell_starting_with_a_quote_is_literal(read_file, render_all, tmp_path):
    content = 'id\tnote\tname\n1\t"Hello" she said\tAnn Lee\n2\tok\tBo\n'
    records = read_file("t.tsv", content)
    cells = _cells(records)
    assert cells["t.tsv:1:2"] == '"Hello" she said'
    assert cells["t.tsv:1:3"] == "Ann Lee"
    assert cells["t.tsv:2:3"] == "Bo"
    assert render_all(records).encode() == (tmp_path / "t.tsv").read_bytes()
    # another cell changes: the literal cell keeps its spelling
    out = render_all(records, {"t.tsv:1:3": "[PERSON]"})
    assert out.splitlines()[1] == '1\t"Hello" she said\t[PERSON]'
    out = render_all(records, {"t.tsv:1:2": '"[PERSON]" she said'})
    assert out.splitlines()[1] == '1\t"[PERSON]" she said\tAnn Lee'


def test_tsv_unclosed_quote_stays_on_its_line(read_file, render_all, tmp_path):
    content = 'id\tnote\n1\t"unclosed note\n2\tAnn\n3\t"x"\n'
    records = read_file("t.tsv", content)
    cells = _cells(records)
    assert cells == {"t.tsv:1:2": '"unclosed note', "t.tsv:2:2": "Ann", "t.tsv:3:2": "x",
                     "t.tsv:1:1": "1", "t.tsv:2:1": "2", "t.tsv:3:1": "3"}
    lines = {d.id: d.meta["line"] for r in records for d in r.documents}
    assert lines["t.tsv:2:2"] == 3 and lines["t.tsv:3:2"] == 4
    assert render_all(records).encode() == (tmp_path / "t.tsv").read_bytes()


def test_tsv_quote_swallowing_a_line_is_literal(read_file, render_all, tmp_path):
    content = 'a\tb\n1\t"x\n"\t\n'  # quoted, this would be one row of three cells
    records = read_file("t.tsv", content)
    assert _cells(records) == {"t.tsv:1:1": "1", "t.tsv:1:2": '"x', "t.tsv:2:1": '"'}
    assert render_all(records).encode() == (tmp_path / "t.tsv").read_bytes()


def test_csv_unbalanced_quote_still_fails_the_file(read_file):
    with pytest.raises(InputError, match=r"row 1 \(starting on line 2\)"):
        read_file("t.csv", 'id,note\n1,"Hello" she said\n')
