from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redactor.transform.dates import age_on, earliest, find_year, parse_date

REF = date(2025, 6, 1)


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("March 3, 2021", (2021, 3, 3)),
        ("Mar. 3rd, 2021", (2021, 3, 3)),
        ("3 March 2021", (2021, 3, 3)),
        ("3rd of March, 2021", (2021, 3, 3)),
        ("14-MAR-21", (2021, 3, 14)),
        ("Monday, March 1, 2021", (2021, 3, 1)),
        ("03/14/2021", (2021, 3, 14)),
        ("3/14/2021", (2021, 3, 14)),
        ("03/14/62", (1962, 3, 14)),
        ("03/14/25", (2025, 3, 14)),
        ("14/03/2021", (2021, 3, 14)),  # a part over 12 decides
        ("14.03.2021", (2021, 3, 14)),
        ("03.04.2021", (2021, 4, 3)),  # dots: day first
        ("2021-03-14", (2021, 3, 14)),
        ("2021/03/14", (2021, 3, 14)),
        ("2021-03-14T10:30:00Z", (2021, 3, 14)),
        ("03/14/2021 10:30 pm", (2021, 3, 14)),
        ("20210314", (2021, 3, 14)),
        ("March 2021", (2021, 3, None)),
        ("Mar-2021", (2021, 3, None)),
        ("03/2021", (2021, 3, None)),
        ("2021-03", (2021, 3, None)),
        ("March 3", (None, 3, 3)),
        ("3/14", (None, 3, 14)),
        ("2021", (2021, None, None)),
    ],
)
def test_reads_fields(text, fields):
    written = parse_date(text, reference=REF)
    assert written is not None
    assert (written.year, written.month, written.day) == fields


@pytest.mark.parametrize(
    "text",
    ["last week", "yesterday", "Christmas 2020", "two weeks ago", "02/30/2021", "13/13/2021",
     "14", "2021-13-01", "the 1990s", "", "March April 2021", "1/2/3/4"],
)
def test_refuses_what_it_cannot_rewrite(text):
    assert parse_date(text, reference=REF) is None


@pytest.mark.parametrize(
    ("text", "days", "expected"),
    [
        ("March 3, 2021", 200, "September 19, 2021"),
        ("Mar. 3rd, 2021", -30, "Feb. 1st, 2021"),
        ("MARCH 3, 2021", 1, "MARCH 4, 2021"),
        ("march 3, 2021", 1, "march 4, 2021"),
        ("Sept 3, 2021", 30, "Oct 3, 2021"),
        ("Oct 3, 2021", -30, "Sep 3, 2021"),
        ("3rd of March, 2021", 19, "22nd of March, 2021"),
        ("14-MAR-21", 365, "14-MAR-22"),
        ("03/14/62", 10, "03/24/62"),
        ("3/4/2021", 10, "3/14/2021"),
        ("03/04/2021", 1, "03/05/2021"),
        ("12/15/2021", 30, "01/14/2022"),
        ("2021-03-14", -14, "2021-02-28"),
        ("2021-03-14T10:30:00Z", 1, "2021-03-15T10:30:00Z"),
        ("20210314", 1, "20210315"),
        ("14.03.2021", 1, "15.03.2021"),
        ("Monday, March 1, 2021", 1, "Tuesday, March 2, 2021"),
        ("March 2021", 31, "April 2021"),
        ("03/2021", -60, "01/2021"),
        ("3/14", 1, "3/15"),
        ("2021", 365, "2022"),
    ],
)
def test_shift_keeps_the_format(text, days, expected):
    assert parse_date(text, reference=REF).shifted(days) == expected


def test_day_first_option():
    assert parse_date("03/04/2021", reference=REF).month == 3
    assert parse_date("03/04/2021", day_first=True, reference=REF).month == 4
    # A part over 12 wins over the option.
    assert parse_date("03/14/2021", day_first=True, reference=REF).month == 3


def test_two_digit_years_follow_the_reference():
    assert parse_date("01/01/30", reference=REF).year == 1930
    assert parse_date("01/01/25", reference=REF).year == 2025


@pytest.mark.parametrize(
    ("text", "year"),
    [("March 3, 2021", 2021), ("03/14/62", 1962), ("Christmas 2020", 2020), ("in 1936", 1936),
     ("March 3", None), ("last week", None), ("1999 or 2000", None)],
)
def test_find_year(text, year):
    assert find_year(text, reference=REF) == year


def test_age_and_earliest():
    assert age_on(date(1935, 6, 1), REF) == 90
    assert age_on(date(1935, 6, 2), REF) == 89
    assert earliest(parse_date("March 1935", reference=REF)) == date(1935, 3, 1)
    assert earliest(parse_date("1935", reference=REF)) == date(1935, 1, 1)
    assert earliest(parse_date("3/14", reference=REF)) is None


_FORMATS = ["%m/%d/%Y", "%Y-%m-%d", "%B %d, %Y", "%d %B %Y", "%d.%m.%Y", "%b %d, %Y", "%m/%d/%y"]


@settings(max_examples=60, deadline=None)
@given(
    st.dates(min_value=date(1931, 1, 1), max_value=date(2024, 12, 31)),
    st.sampled_from(_FORMATS),
    st.integers(min_value=-3650, max_value=3650),
)
def test_shifting_round_trips(day, fmt, days):
    text = day.strftime(fmt)
    written = parse_date(text, reference=REF)
    assert written is not None and (written.year, written.month, written.day) == (
        day.year, day.month, day.day)
    moved = parse_date(written.shifted(days), reference=date(2035, 12, 31) if "%y" not in fmt
                       else REF)
    target = day + timedelta(days=days)
    if "%y" in fmt:  # two-digit years stay two-digit; compare month and day and year mod 100
        assert (moved.year % 100, moved.month, moved.day) == (
            target.year % 100, target.month, target.day)
    else:
        assert (moved.year, moved.month, moved.day) == (target.year, target.month, target.day)
