from datetime import date
from pathlib import Path

import pytest

from redactor.errors import PolicyError
from redactor.transform.safe_harbor import (
    generalize_age,
    generalize_date,
    generalize_zip,
    read_age,
    restricted_zip3,
    reveals_age_over_89,
)

REF = date(2025, 6, 1)
OLD = "[DATE 90+]"
# The HHS guidance's list (2000 Census): three-digit ZIP areas of 20,000 people or fewer.
HHS_RESTRICTED = ["036", "059", "063", "102", "203", "556", "692", "790", "821", "823", "830",
                  "831", "878", "879", "884", "890", "893"]


def test_bundled_list_is_the_hhs_list():
    assert restricted_zip3() == frozenset(HHS_RESTRICTED)
    text = (Path(__file__).resolve().parents[3] / "policies" / "restricted_zip3.txt").read_text()
    assert "Department of Health and Human Services" in text and "2000 Census" in text


@pytest.mark.parametrize(
    ("zip_code", "expected"),
    [("02115", "021**"), ("60613", "606**"), ("60613-1234", "606**"), ("606131234", "606**"),
     ("90210", "902**"), ("03601", "000**"), ("10200", "000**"), ("89301-0001", "000**"),
     ("03701", "037**"),  # next to a restricted prefix, but not one
     (" 02115 ", "021**"),
     ("SW1A 1AA", None), ("D-10115", None), ("0211", None), ("021155", None), ("abcde", None)],
)
def test_zip3(zip_code, expected):
    assert generalize_zip(zip_code) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("MA 02114", "MA 021**"), ("MA, 02114-1234", "MA, 021**"),
     ("Massachusetts 02114", "Massachusetts 021**"), ("NH 03601", "NH 000**"),
     ("JS 02114", None), ("Boston 02114", None), ("Boston, MA 02114", None),
     ("ma 02114", None)],
)
def test_a_state_before_the_zip_stays(value, expected):
    # a merged span "MA 02114" (spaCy calls it a DATE): the state is no Safe Harbor identifier
    assert generalize_zip(value) == expected


@pytest.mark.parametrize("prefix", HHS_RESTRICTED)
def test_every_restricted_prefix_becomes_000(prefix):
    assert generalize_zip(prefix + "42") == "000**"


def test_custom_restricted_list(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("# test\n021\n")
    assert generalize_zip("02115", restricted_zip3(str(path))) == "000**"
    path.write_text("21\n")
    restricted_zip3.cache_clear()
    with pytest.raises(PolicyError, match="not three-digit"):
        restricted_zip3(str(path))
    with pytest.raises(PolicyError, match="cannot read"):
        restricted_zip3(str(tmp_path / "missing.txt"))


@pytest.mark.parametrize(
    ("age", "expected"),
    [("0", "0"), ("45", "45"), ("89", "89"), ("90", "90+"), ("92", "90+"), ("104", "90+"),
     ("92 years", "90+ years"), ("89 yrs", "89 yrs"), ("ninety-two", "90+"),
     ("eighty-nine", "eighty-nine"), ("one hundred and two", "90+"), ("ninety", "90+"),
     ("old", None), ("1 or 2", None), ("5-1/2", "5-1/2"), ("2 1/2 years", "2 1/2 years"),
     ("91½", "90+"), ("89.5", "89.5"), ("1/2", None)],
)
def test_age90(age, expected):
    assert generalize_age(age) == expected


def test_read_age():
    assert read_age("ninety-nine") == 99 and read_age("seventy") == 70 and read_age("x") is None
    assert read_age("a hundred") == 100 and read_age("a") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("March 3, 2021", "2021"),
        ("03/14/2021", "2021"),
        ("2021-03-14", "2021"),
        ("03/14/62", "1962"),
        ("March 2021", "2021"),  # partial dates keep their year
        ("03/2021", "2021"),
        ("2021", "2021"),
        ("Christmas 2020", "2020"),  # unreadable but names one year
        # 89 vs 90 on the reference date (June 1, 2025)
        ("06/02/1935", "1935"),  # 89 years and 364 days
        ("06/01/1935", OLD),  # 90 today
        ("1935-06-01", OLD),
        ("June 2, 1935", "1935"),
        ("1936", "1936"),  # at most 89
        ("1935", OLD),  # may be 90: January 1, 1935 is 90 years back
        ("May 1935", OLD),
        ("July 1935", "1935"),  # July 1, 1935 is less than 90 years back
        ("06/1935", OLD),
        ("07/1935", "1935"),
        ("03/14/20", "2020"),  # two-digit year: the latest before the reference
        ("1890", OLD),
    ],
)
def test_year_only_and_ages_revealed_by_dates(text, expected):
    assert generalize_date(text, REF, OLD) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("1938 and 1941", "1938 and 1941"),             # each year of a list kept
    ("1950, 1955 and 1972", "1950, 1955 and 1972"),
    ("1982 to 1999", "1982 to 1999"),
    ("1939-1945", "1939-1945"),
    ("1930 and 1941", f"{OLD} and 1941"),          # and each one over 89 generalised
    ("12/03/1930 and 04/05/2001", f"{OLD} and 2001"),
])
def test_each_date_of_a_list_is_generalised_alone(text, expected):
    assert generalize_date(text, REF, OLD) == expected


@pytest.mark.parametrize("text", ["March 3", "3/14", "last week", "yesterday",
                                  "March 3 and March 5", "3/14 to 3/16"])
def test_dates_without_a_year_cannot_be_generalised(text):
    assert generalize_date(text, REF, OLD) is None


def test_reveals_age_over_89():
    assert reveals_age_over_89("06/01/1935", REF)
    assert not reveals_age_over_89("06/02/1935", REF)
    assert not reveals_age_over_89("March 3", REF)
    assert reveals_age_over_89("born in 1920", REF)
    assert not reveals_age_over_89("2030", REF)
