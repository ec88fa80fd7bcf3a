"""redactor.pandas: a redacted column as a Series; missing cells kept; batched like the CLI."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import pytest

from redactor import Redactor
from redactor.detect.engine import Engine
from redactor.errors import InputError
from redactor.policy import Policy
from redactor.span import Span

pd = pytest.importorskip("pandas")

from redactor.pandas import redact_column, redact_series  # noqa: E402

POLICY = Policy.from_mapping({"name": "t", "entities": {"PHONE_NUMBER": {"action": "redact"}}})


@dataclass
class Phones:
    """Finds 555 numbers; remembers the size of every batch it was given."""

    name: str = "phones"
    batches: list[int] = field(default_factory=list)

    def detect(self, texts):
        self.batches.append(len(texts))
        return [[Span(m.start(), m.end(), "PHONE_NUMBER", 0.9, "fake")
                 for m in re.finditer(r"555-\d{4}", t)] for t in texts]


def make() -> tuple[Redactor, Phones]:
    phones = Phones()
    return Redactor(POLICY, engine=Engine(POLICY, [phones])), phones


def test_redact_column_keeps_index_name_and_missing_cells():
    """Issue 11, item 9: redact_many on a column with NaN raised TypeError."""
    df = pd.DataFrame({"notes": ["call 555-0143", None, float("nan"), "", "ok"],
                       "id": range(5)}, index=[10, 11, 12, 13, 14])
    r, _ = make()
    out = redact_column(df, "notes", policy=r)
    assert isinstance(out, pd.Series)
    assert list(out.index) == [10, 11, 12, 13, 14] and out.name == "notes"
    assert out[10] == "call [PHONE_NUMBER]" and out[13] == "" and out[14] == "ok"
    assert out.isna().tolist() == [False, True, True, False, False]
    assert df["notes"][10] == "call 555-0143"  # the frame is not changed


def test_pandas_na_and_string_dtype():
    series = pd.Series(["555-0100", pd.NA], dtype="string", name="s")
    r, _ = make()
    out = redact_series(series, r)
    assert out.dtype == series.dtype and out[0] == "[PHONE_NUMBER]" and out[1] is pd.NA


def test_batched_like_the_command_line():
    df = pd.DataFrame({"notes": [f"note {i} 555-{i:04d}" for i in range(600)]})
    r, phones = make()
    out = redact_column(df, "notes", policy=r)
    assert phones.batches == [256, 256, 88]
    assert out.str.contains("555-").sum() == 0
    r, phones = make()
    redact_column(df, "notes", policy=r, batch_chars=1000)
    assert max(phones.batches) < 256 and sum(phones.batches) == 600


def test_a_policy_name_works(key_env):
    df = pd.DataFrame({"notes": ["Call 617-555-0143 today.", None]})
    out = redact_column(df, "notes", policy="hipaa-fast")
    assert "617-555-0143" not in out[0] and pd.isna(out[1])


def test_non_text_cells_are_refused_without_their_value():
    df = pd.DataFrame({"notes": ["a", 4471923, None]})
    r, _ = make()
    with pytest.raises(InputError, match=r"position 1 is int, not text") as info:
        redact_column(df, "notes", policy=r)
    assert "4471923" not in str(info.value)
    with pytest.raises(InputError, match="no column 'nope'"):
        redact_column(df, "nope", policy=r)


def test_redact_many_refuses_non_text_clearly():
    r, _ = make()
    with pytest.raises(InputError, match=r"text 1 is float, not str") as info:
        r.redact_many(["a", math.nan])
    assert info.value.code == "R200"
    with pytest.raises(InputError, match="not one str"):
        r.redact_many("555-0143")


def test_subject_column_gives_each_row_its_subject():
    policy = Policy.from_mapping({"name": "d", "entities": {
        "DATE": {"action": "date_shift", "max_days": 30}}})

    @dataclass
    class Dates:
        name: str = "dates"

        def detect(self, texts):
            return [[Span(m.start(), m.end(), "DATE", 0.9, "fake")
                     for m in re.finditer(r"\d{2}/\d{2}/\d{4}", t)] for t in texts]

    r = Redactor(policy, key=b"k" * 32, engine=Engine(policy, [Dates()]))
    df = pd.DataFrame({"notes": ["seen 03/01/2021", "seen 03/01/2021", "seen 03/01/2021"],
                       "patient": ["p1", "p1", "p2"]})
    out = redact_column(df, "notes", policy=r, subject_column="patient")
    assert out[0] == out[1] != out[2]  # (the key fixes the offsets: p1's and p2's differ)
    same = redact_column(df, "notes", policy=r)
    assert len(set(same)) == 1  # without subjects, each identical text is its own subject
