"""The shared person shape."""

from __future__ import annotations

import pytest

from redactor.synthetic.people import Person, ascii_letters


def test_full_keeps_the_written_order_and_the_middle_name() -> None:
    western = Person(given="Mary", family="Lee", gender="female", origin="us", middle="Ann")
    eastern = Person(given="Minh", family="Nguyen", gender="male", origin="vi",
                     middle="Van", family_first=True)
    assert western.full == "Mary Ann Lee"
    assert western.given_family == "Mary Lee"
    assert eastern.full == "Nguyen Van Minh"
    assert eastern.given_family == "Nguyen Minh"
    assert western.group == "origin=us;gender=female"
    assert western.female and not eastern.female


def test_person_is_frozen_and_keyword_only() -> None:
    p = Person(given="A", family="B", gender="male", origin="x")
    with pytest.raises(AttributeError):
        p.given = "C"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Person("A", "B", "male", "x")  # type: ignore[misc]


def test_ascii_letters() -> None:
    assert ascii_letters("O'Brien-Smith") == "obriensmith"
    assert ascii_letters("Nguyễn") == "nguyn"  # folding is the caller's (its own table)
