"""The shared date formats."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from redactor.synthetic import dates

DAY = dt.date(2021, 3, 4)


EXAMPLES = dict(
    [
        ("mdy_slash", "03/04/2021"), ("mdy_short", "3/4/21"), ("mdy_nopad", "3/4/2021"),
        ("mdy_dash", "03-04-2021"), ("month_d_y", "March 4, 2021"), ("mon_d_y", "Mar 4, 2021"),
        ("mon_dot_d_y", "Mar. 4 2021"), ("month_ord_y", "March 4th, 2021"),
        ("month_ord", "March 4th"), ("iso", "2021-03-04"), ("compact", "20210304"),
        ("dmy_slash", "04/03/2021"), ("dmy_dot", "04.03.2021"), ("dmy_dash", "04-03-2021"),
        ("d_month_y", "4 March 2021"), ("d_mon_y", "4 Mar 2021"),
        ("d_mon_y_dash", "4-Mar-2021"), ("dd_mon_y_dash", "04-Mar-2021"),
        ("dd_MON_y_dash", "04-MAR-2021"), ("ord_of_month_y", "4th of March 2021"),
        ("the_ord_of_month", "the 4th of March"),
        ("weekday_month_d_y", "Thursday, March 4, 2021"), ("wkd_d_mon_y", "Thu 4 Mar 2021"),
        ("md", "3/4"), ("month_y", "March 2021"),
    ]
)  # fmt: skip


@pytest.mark.parametrize(("name", "expected"), sorted(EXAMPLES.items()))
def test_formats(name: str, expected: str) -> None:
    assert dates.FORMATS[name](DAY) == expected


def test_every_format_has_an_example_above() -> None:
    assert set(EXAMPLES) == set(dates.FORMATS)


def test_styles_maps_names_and_rejects_unknown_formats() -> None:
    table = dates.styles({"us": "mdy_slash", "eu": "dmy_dot"})
    assert [f(DAY) for f in table.values()] == ["03/04/2021", "04.03.2021"]
    with pytest.raises(KeyError):
        dates.styles({"odd": "no_such_format"})


def test_each_generator_names_only_known_formats() -> None:
    from redactor.quality.synth import DATE_STYLES as AUDIT
    from redactor.training.values import Values

    v = Values(random.Random(0))
    for style in Values.DATE_STYLES:
        assert v.date_text(DAY, style)
    assert AUDIT["us_num"](DAY) == "03/04/2021"
