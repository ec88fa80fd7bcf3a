"""The template field language."""

from __future__ import annotations

import random

from redactor.synthetic.fields import keep_optional_lines, parse_field, split_fields


def test_parse_field() -> None:
    assert parse_field("~a|b|c").choices == ("a", "b", "c")
    person = parse_field("pt.full")
    assert person.is_person and (person.role, person.attr, person.style) == ("pt", "full", None)
    value = parse_field("date2:long")
    assert not value.is_person and not value.is_choice
    assert (value.key, value.style) == ("date2", "long")
    assert parse_field("dr.dob:eu").style == "eu"


def test_split_fields() -> None:
    assert list(split_fields("Hi {pt.given}, {~a|b}!")) == [
        ("Hi ", "pt.given"), (", ", "~a|b"), ("!", None)]
    assert list(split_fields("no fields")) == [("no fields", None)]


def test_optional_lines_draw_once_per_line_and_keep_at_the_rate() -> None:
    text = "a\n?b\nc\n?d\n"
    for seed in range(50):
        out = keep_optional_lines(text, random.Random(seed), 0.5, keep_when_below=False)
        assert out.startswith("a\n") and "c\n" in out and "?" not in out
        r = random.Random(seed)
        first, second = r.random(), r.random()
        expected = "a\n" + ("b\n" if first >= 0.5 else "") + "c\n" + (
            "d\n" if second >= 0.5 else "")
        assert out == expected
    kept = sum("b" in keep_optional_lines("?b", random.Random(s), 0.6, keep_when_below=True)
               for s in range(2000))
    assert 1100 < kept < 1300
