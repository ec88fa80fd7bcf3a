"""Clinical and legal shapes from real notes and judgments (issue 10): each found, and its
near miss left alone."""

from __future__ import annotations

import pytest

from redactor.detect.patterns import PatternRecognizer

REC = PatternRecognizer()


def _found(text: str) -> list[tuple[str, str]]:
    return [(s.label, text[s.start : s.end]) for s in REC.detect([text])[0]]


@pytest.mark.parametrize(("text", "label", "value"), [
    ("POD 4/12 pt doing well", "DATE", "4/12"),
    ("s/p AVR 6/81, on coumadin", "DATE", "6/81"),
    ("prior admissions (3/14, 5/14) for CHF", "DATE", "3/14"),
    ("prior admissions (3/14, 5/14) for CHF", "DATE", "5/14"),
    ("Seen 9/2 in clinic", "DATE", "9/2"),
    ("D: 05/11/91  T: 05/12/91", "DATE", "05/12/91"),
    ("PLAN: TRANSFER TO NWH IN AM.", "LOCATION", "NWH"),
    ("DC TO RIDGEVIEW REHAB TOMORROW", "LOCATION", "RIDGEVIEW REHAB"),
    ("will be discharged to Ridgeview Rehab.", "LOCATION", "Ridgeview Rehab"),
    ("Plan to return to Hebrew Rehab when stable.", "LOCATION", "Hebrew Rehab"),
    ("TRANSFERRED FROM BAPTIST HOSPITAL", "LOCATION", "BAPTIST HOSPITAL"),
    ("Frank & Gross Orthopedics\n19513 E Spring Ave", "LOCATION", "Gross Orthopedics"),
    ("JRK/mlt/bsk\n", "PERSON", "JRK/mlt/bsk"),
    ("JOB# KQ882/40417", "ID_NUMBER", "KQ882/40417"),
    ("D: 05/11/91  T: 05/12/91  JRK/mlt/bsk  JOB #: 311-52-09-7", "PERSON", "JRK/mlt/bsk"),
    ("311-52-09-7  KQ882/40417\n", "ID_NUMBER", "KQ882/40417"),  # no label
    ("Application no. 41872/98 was lodged", "ID_NUMBER", "41872/98"),
])
def test_shape_is_found(text: str, label: str, value: str) -> None:
    assert (label, value) in _found(text)


@pytest.mark.parametrize(("text", "value"), [
    ("BACK TO SICU FROM OR AT 1400.", "SICU"),
    ("BACK TO SICU FROM OR AT 1400.", "OR"),
    ("transfer to the rehab floor", "rehab floor"),
    ("strength 5/5 bilaterally, pain 6/10", "5/5"),
    ("pain 6/10", "6/10"),
    ("BP 120/80 HR 88", "120/80"),
    ("Acute Rehab consulted", "Acute Rehab"),
    ("Cardiac Rehab consulted", "Cardiac Rehab"),
    ("sent to ED for eval", "ED"),
    ("C5/6 disc, T10/11 level", "C5/6"),
    ("C5/6 disc, T10/11 level", "T10/11"),
])
def test_near_miss_is_left(text: str, value: str) -> None:
    assert all(v != value for _, v in _found(text))
