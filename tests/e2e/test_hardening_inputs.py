"""Hostile inputs through `redact` (issue 13): disguised identifiers are replaced with their
invisible characters, a huge CSV cell and a TSV cell starting with a quote no longer fail
their file. Each case failed before its fix."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from redactor.cli.root import main

HERE = Path(__file__).parent
FAST_POLICY = HERE / "fast_policy.yaml"  # patterns + cued names, no model


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def write(path: Path, data: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data, encoding="utf-8")
    return path


DISGUISED = [
    "078\u200b-05-1120",  # zero-width space
    "\uff10\uff17\uff18-\uff10\uff15-\uff11\uff11\uff12\uff10",  # fullwidth
    "617\u2009555\u20090143",  # thin spaces
    "617-555-\n0143",  # over a line
    "6 1 7 - 5 5 5 - 0 1 4 3",  # digit by digit
    "ana.lima at example dot org",
    "ana.lima%40example.org",
    "2021\u5e743\u67083\u65e5",  # 2021年3月3日
]


def test_disguised_identifiers_are_replaced_invisible_characters_and_all(tmp_path):
    text = "Patient note.\n" + "".join(f"Item {i}: {v} end.\n" for i, v in enumerate(DISGUISED))
    write(tmp_path / "in" / "note.txt", text)
    out = tmp_path / "out"
    result = invoke("--policy", str(FAST_POLICY), "-q", str(tmp_path / "in"), str(out))
    assert result.exit_code == 0, result.output
    written = (out / "note.txt").read_text(encoding="utf-8")
    assert [v for v in DISGUISED if v in written] == []
    assert "\u200b" not in written  # the invisible character went with the number
    assert written.count(" end.") == len(DISGUISED)


def test_huge_csv_cell_and_quoted_tsv_cell_are_written(tmp_path):
    big = "filler " * 30_000 + "SSN 078-05-1120"
    write(tmp_path / "in" / "big.csv", f'id,note\n1,"{big}"\n2,ok\n')
    write(tmp_path / "in" / "q.tsv", 'id\tnote\n1\t"Hi" said Dr. Amara Diallo\n2\t078-05-1120\n')
    out = tmp_path / "out"
    result = invoke("--policy", str(FAST_POLICY), "-q", str(tmp_path / "in"), str(out))
    assert result.exit_code == 0, result.output
    csv_out = (out / "big.csv").read_text(encoding="utf-8")
    assert "078-05-1120" not in csv_out and csv_out.endswith("2,ok\n")
    tsv_out = (out / "q.tsv").read_text(encoding="utf-8").splitlines()
    assert tsv_out[1].startswith('1\t"Hi" said Dr. ') and "Diallo" not in tsv_out[1]
    assert "078-05-1120" not in tsv_out[2]
