"""Date formats of the synthetic generators, by name: one table for every written form.

Each generator keeps its own style names, weights and draws (they pin its output); its style
table maps those names to the formatters here. Month and weekday names are English and spelled
out here, so the output never depends on the process's locale (``%B`` would).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from redactor.synthetic.values import ordinal

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

DateFormat = Callable[[dt.date], str]


def month(d: dt.date) -> str:
    """The month's English name (``March``)."""
    return MONTHS[d.month - 1]


def mon(d: dt.date) -> str:
    """The month's three-letter abbreviation (``Mar``)."""
    return MONTHS[d.month - 1][:3]


def weekday(d: dt.date) -> str:
    """The weekday's English name (``Thursday``)."""
    return WEEKDAYS[d.weekday()]


#: Written forms of a date, by name; the example is 4 March 2021.
FORMATS: dict[str, DateFormat] = {
    "mdy_slash": lambda d: f"{d.month:02d}/{d.day:02d}/{d.year}",  # 03/04/2021
    "mdy_short": lambda d: f"{d.month}/{d.day}/{d.year % 100:02d}",  # 3/4/21
    "mdy_nopad": lambda d: f"{d.month}/{d.day}/{d.year}",  # 3/4/2021
    "mdy_dash": lambda d: f"{d.month:02d}-{d.day:02d}-{d.year}",  # 03-04-2021
    "month_d_y": lambda d: f"{month(d)} {d.day}, {d.year}",  # March 4, 2021
    "mon_d_y": lambda d: f"{mon(d)} {d.day}, {d.year}",  # Mar 4, 2021
    "mon_dot_d_y": lambda d: f"{mon(d)}. {d.day} {d.year}",  # Mar. 4 2021
    "month_ord_y": lambda d: f"{month(d)} {ordinal(d.day)}, {d.year}",  # March 4th, 2021
    "month_ord": lambda d: f"{month(d)} {ordinal(d.day)}",  # March 4th
    "iso": lambda d: d.isoformat(),  # 2021-03-04
    "compact": lambda d: f"{d.year}{d.month:02d}{d.day:02d}",  # 20210304
    "dmy_slash": lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}",  # 04/03/2021
    "dmy_dot": lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",  # 04.03.2021
    "dmy_dash": lambda d: f"{d.day:02d}-{d.month:02d}-{d.year}",  # 04-03-2021
    "d_month_y": lambda d: f"{d.day} {month(d)} {d.year}",  # 4 March 2021
    "d_mon_y": lambda d: f"{d.day} {mon(d)} {d.year}",  # 4 Mar 2021
    "d_mon_y_dash": lambda d: f"{d.day}-{mon(d)}-{d.year}",  # 4-Mar-2021
    "dd_mon_y_dash": lambda d: f"{d.day:02d}-{mon(d)}-{d.year}",  # 04-Mar-2021
    "dd_MON_y_dash": lambda d: f"{d.day:02d}-{mon(d).upper()}-{d.year}",  # 04-MAR-2021
    "ord_of_month_y": lambda d: f"{ordinal(d.day)} of {month(d)} {d.year}",  # 4th of March 2021
    "the_ord_of_month": lambda d: f"the {ordinal(d.day)} of {month(d)}",  # the 4th of March
    "weekday_month_d_y": lambda d: f"{weekday(d)}, {month(d)} {d.day}, {d.year}",
    "wkd_d_mon_y": lambda d: f"{weekday(d)[:3]} {d.day} {mon(d)} {d.year}",  # Thu 4 Mar 2021
    "md": lambda d: f"{d.month}/{d.day}",  # 3/4
    "month_y": lambda d: f"{month(d)} {d.year}",  # March 2021
}


def styles(names: dict[str, str]) -> dict[str, DateFormat]:
    """A generator's style table: its own style name -> the :data:`FORMATS` entry named."""
    return {style: FORMATS[name] for style, name in names.items()}


__all__ = ["FORMATS", "MONTHS", "WEEKDAYS", "DateFormat", "mon", "month", "styles", "weekday"]
