"""Values of the training generator: name forms, dates, transliteration, reproducible Faker."""

from __future__ import annotations

import datetime as dt
import random
import re

import pytest

from redactor.synthetic.people import Person, translit
from redactor.training.origins import ORIGINS, fold
from redactor.training.values import Values, name_form

P = Person(given="Mary", family="Lee", gender="female", origin="en_US", middle="Ann")


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        ("full", "Mary Lee"),
        ("middle", "Mary A. Lee"),
        ("given", "Mary"),
        ("family", "Lee"),
        ("initial", "M. Lee"),
        ("lf", "Lee, Mary"),
        ("lf_upper", "LEE, MARY"),
        ("upper", "MARY LEE"),
        ("lower", "mary lee"),
        ("initials", "ML"),
    ],
)
def test_name_forms(style: str, expected: str) -> None:
    assert name_form(P, style) == expected


def test_unknown_name_form_fails() -> None:
    with pytest.raises(ValueError):
        name_form(P, "nickname")


def test_family_first_full_name() -> None:
    minh = Person(given="Minh", family="Nguyen", gender="male", origin="vi_VN", middle="Van",
                  family_first=True)
    assert name_form(minh, "full") == "Nguyen Minh"  # the training set's full: no middle name


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        ("us", "03/04/2021"),
        ("us_short", "3/4/21"),
        ("iso", "2021-03-04"),
        ("eu_dot", "04.03.2021"),
        ("long", "March 4, 2021"),
        ("long_abbr", "Mar 4, 2021"),
        ("day_first", "4 March 2021"),
        ("day_abbr", "4-Mar-2021"),
        ("weekday", "Thursday, March 4, 2021"),
        ("ordinal", "March 4th"),
        ("md", "3/4"),
        ("month_year", "March 2021"),
        ("of", "the 4th of March"),
        ("compact", "20210304"),
    ],
)
def test_date_styles(style: str, expected: str) -> None:
    assert Values(random.Random(0)).date_text(dt.date(2021, 3, 4), style) == expected


def test_every_date_style_renders() -> None:
    values = Values(random.Random(0))
    for style in values.DATE_STYLES:
        assert values.date_text(dt.date(2020, 11, 22), style)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nguyễn Thị", "Nguyen Thi"),
        ("Łukasz Wójcik", "Lukasz Wojcik"),
        ("Yılmaz", "Yilmaz"),
        ("Jürgen Groß", "Jurgen Gross"),
    ],
)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Жданова", "Zhdanova"), ("Елена", "Elena"), ("Щукин", "Shchukin"), ("Юлія", "Yuliya")],
)
def test_translit(text: str, expected: str) -> None:
    assert translit(text) == expected


def test_people_are_latin_and_clean() -> None:
    values = Values(random.Random(8))
    for origin in ORIGINS:
        for gender in ("female", "male"):
            p = values.person(origin, gender)
            for part in (p.given, p.family):
                assert re.fullmatch(r"[^\W\d_]+(?:[ '’-][^\W\d_]+)*", part), (origin.key, part)
                assert all(ord(c) < 0x2E80 for c in part), (origin.key, part)  # no CJK, Hangul


@pytest.mark.parametrize("home", [None, "de_DE", "fr_FR", "en_GB", "it_IT", "pl_PL"])
def test_address_segments(home: str | None) -> None:
    segments = Values(random.Random(2)).address(home)
    labels = [label for _, label in segments if label]
    assert sorted(labels) == ["LOCATION", "STREET_ADDRESS", "ZIP_CODE"]
    assert all(text == text.strip() for text, label in segments if label)


def test_user_ids_and_handles() -> None:
    values = Values(random.Random(5))
    for _ in range(30):
        assert re.fullmatch(r"[\w.:\\]+", values.user_id(P))
        assert re.fullmatch(r"@[\w.]+", values.handle(P))
