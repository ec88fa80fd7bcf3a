"""Dates as people write them: read one, then write another date in exactly the same format.

``parse_date("March 3rd, 2021")`` gives a :class:`WrittenDate` that knows its year, month and
day (each may be missing: ``March 2021``, ``3/14``, ``2021``) and the *style* it was written
in: the order of the parts, separators, zero padding, two- or four-digit year, month names
(full, abbreviated, with or without a dot, their case), ordinal suffixes and weekday names.
``written.render(other_date)`` writes ``other_date`` in that style, so a shifted date reads
like the original (``03/14/62`` stays two-digit, ISO stays ISO).

Pure functions and frozen values; nothing here knows about keys or policies.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass, replace
from datetime import date, timedelta

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_MONTH_WORDS: dict[str, int] = {}
for _number, _name in enumerate(MONTHS, start=1):
    _MONTH_WORDS[_name] = _number
    _MONTH_WORDS[_name[:3]] = _number
_MONTH_WORDS["sept"] = 9
_WEEKDAY_WORDS: dict[str, int] = {}
for _number, _name in enumerate(WEEKDAYS):
    _WEEKDAY_WORDS[_name] = _number
    _WEEKDAY_WORDS[_name[:3]] = _number
_WEEKDAY_WORDS.update({"tues": 1, "wednes": 2, "thur": 3, "thurs": 3})
_ORDINALS = frozenset({"st", "nd", "rd", "th"})
_FILLER = frozenset({"of", "the"})

#: A time of day after the date ("T10:30:00Z", " 10:30 pm"): kept as written.
_TIME_TAIL = re.compile(
    r"""(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?   # T10:30, 10:30:15.5
        (?:[ ]?[AaPp]\.?[Mm]\.?)?                   # pm, a.m.
        (?:[ ]?(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT))?)$   # Z, +01:00
    """,
    re.VERBOSE,
)
_TOKEN = re.compile(r"\d+|[^\W\d_]+|[^\w]+|_")
_COMPACT = re.compile(r"((?:19|20)\d\d)(\d\d)(\d\d)")  # 20210314
_YEAR_IN_TEXT = re.compile(r"(?<!\d)(1[6-9]\d\d|2[01]\d\d)(?!\d)")


@dataclass(frozen=True, slots=True)
class _Part:
    """One piece of a written date: a literal, or a date field with its written form."""

    kind: str  # "lit", "year", "month", "month_name", "day", "ordinal", "weekday"
    text: str = ""  # literal text, or the field as written (for case and abbreviation)
    width: int = 0  # digits for numeric fields (2 for a two-digit year or a padded month)


@dataclass(frozen=True, slots=True)
class WrittenDate:
    """A date read from text: its fields (``None`` where the text has none) and its style."""

    year: int | None
    month: int | None
    day: int | None
    parts: tuple[_Part, ...]
    tail: str = ""
    anchor_year: int = 2000  # the year a date without one is taken to be in, for shifting

    @property
    def complete(self) -> bool:
        """True when year, month and day are all known."""
        return self.year is not None and self.month is not None and self.day is not None

    def anchor(self) -> date:
        """A full date standing for this (partial) one: mid-month, mid-year, a leap year."""
        year = self.year if self.year is not None else self.anchor_year
        if self.month is None:
            return date(year, 7, 2)
        day = self.day if self.day is not None else 15
        return date(year, self.month, day)

    def render(self, new: date) -> str:
        """``new`` written in this date's style (only the fields the original had)."""
        out = []
        for part in self.parts:
            if part.kind == "lit":
                out.append(part.text)
            elif part.kind == "year":
                out.append(f"{new.year % 100:02d}" if part.width == 2 else f"{new.year:04d}")
            elif part.kind == "month":
                out.append(f"{new.month:0{part.width}d}")
            elif part.kind == "day":
                out.append(f"{new.day:0{part.width}d}")
            elif part.kind == "month_name":
                out.append(_word_like(MONTHS[new.month - 1], part.text))
            elif part.kind == "weekday":
                out.append(_word_like(WEEKDAYS[new.weekday()], part.text))
            elif part.kind == "ordinal":
                out.append(_same_case(_ordinal_suffix(new.day), part.text))
        return "".join(out) + self.tail

    def shifted(self, days: int) -> str:
        """This date moved by ``days`` days, written in the same style."""
        return self.render(self.anchor() + timedelta(days=days))


def _ordinal_suffix(day: int) -> str:
    if 11 <= day % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _same_case(word: str, like: str) -> str:
    if like.isupper():
        return word.upper()
    if like[:1].isupper():
        return word.capitalize()
    return word.lower()


def _word_like(full: str, like: str) -> str:
    """``full`` (a month or weekday name) abbreviated and cased as ``like`` was written."""
    if like.lower() not in MONTHS and like.lower() not in WEEKDAYS:  # an abbreviation
        full = "sept" if full == "september" and len(like) == 4 else full[:3]
    return _same_case(full, like)


def _two_digit_year(yy: int, reference: date) -> int:
    """``62`` -> 1962, ``21`` -> 2021: the latest year not after the reference year."""
    year = 2000 + yy
    return year if year <= reference.year else 1900 + yy


def _valid(year: int | None, month: int | None, day: int | None) -> bool:
    if month is not None and not 1 <= month <= 12:
        return False
    if year is not None and not 1 <= year <= 9999:
        return False
    if day is not None:
        if month is None:
            return False
        return 1 <= day <= monthrange(year if year is not None else 2000, month)[1]
    return True


def parse_date(
    text: str, *, day_first: bool = False, reference: date | None = None
) -> WrittenDate | None:
    """Read ``text`` as a date, or return ``None`` when it is not one this module can rewrite.

    Numeric dates are read month first (US) unless ``day_first``, a part over 12 decides, or
    the separator is a dot (``14.03.2021``, European). Two-digit years are the latest year not
    after ``reference`` (default: today). Relative phrases ("last week") are not dates here.
    """
    reference = reference or date.today()
    stripped = text.strip()
    if not stripped:
        return None
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    time_match = _TIME_TAIL.search(stripped)
    tail = ""
    if time_match and time_match.start() > 0:
        tail = stripped[time_match.start() :]
        stripped = stripped[: time_match.start()]
    compact = _COMPACT.fullmatch(stripped)
    tokens = [compact[1], compact[2], compact[3]] if compact else _TOKEN.findall(stripped)
    if not tokens:
        return None
    parsed = _compact(tokens) if compact else _assign(tokens, day_first, reference)
    if parsed is None:
        return None
    year, month, day, parts = parsed
    if not _valid(year, month, day):
        return None
    if lead:
        parts = (_Part("lit", lead), *parts)
    # A date without a year is shifted as if in the reference year (a leap year for Feb 29).
    anchor_year = reference.year if _valid(reference.year, month, day) else 2000
    return WrittenDate(year, month, day, parts, tail + trail, anchor_year)


def _assign(
    tokens: list[str], day_first: bool, reference: date
) -> tuple[int | None, int | None, int | None, tuple[_Part, ...]] | None:
    """Give every token a role; ``None`` when a token fits no role."""
    numbers = [i for i, t in enumerate(tokens) if t.isdigit()]
    month_name = [i for i, t in enumerate(tokens)
                  if t.isalpha() and t.lower().rstrip(".") in _MONTH_WORDS]
    roles: dict[int, str] = {}
    for i, token in enumerate(tokens):
        if token.isdigit() or (not token.isalpha() and not token.isalnum()):
            continue  # numbers are placed below; punctuation and spaces are literals
        word = token.lower()
        if i in month_name and len(month_name) == 1:
            roles[i] = "month_name"
        elif word in _WEEKDAY_WORDS:
            roles[i] = "weekday"
        elif word in _ORDINALS and i > 0 and tokens[i - 1].isdigit():
            roles[i] = "ordinal"
        elif word in _FILLER:
            roles[i] = "lit"
        else:
            return None  # a word that is not part of a date ("last", "ago", "Christmas")
    if len(month_name) > 1 or len(numbers) > 3 or (not numbers and not month_name):
        return None
    if month_name:
        placed = _place_with_month_name(tokens, numbers, month_name[0], roles)
    else:
        placed = _place_numeric(tokens, numbers, day_first)
    if placed is None:
        return None
    roles.update(placed)
    if "weekday" in roles.values() and not {"year", "day"} <= set(roles.values()):
        return None  # a weekday is only rewritten for a complete date
    year = month = day = None
    parts: list[_Part] = []
    for i, token in enumerate(tokens):
        role = roles.get(i, "lit")
        if role == "year":
            value = int(token)
            year = _two_digit_year(value, reference) if len(token) == 2 else value
            parts.append(_Part("year", token, 2 if len(token) == 2 else 4))
        elif role in ("month", "day"):
            value = int(token)
            if role == "month":
                month = value
            else:
                day = value
            parts.append(_Part(role, token, 0))
        elif role == "month_name":
            month = _MONTH_WORDS[token.lower()]
            parts.append(_Part("month_name", token))
        elif role in ("weekday", "ordinal"):
            parts.append(_Part(role, token))
        else:
            parts.append(_Part("lit", token))
    return year, month, day, _with_padding(tuple(parts))


def _compact(
    tokens: list[str],
) -> tuple[int | None, int | None, int | None, tuple[_Part, ...]]:
    """``20210314``: year, month and day without separators."""
    year, month, day = (int(t) for t in tokens)
    parts = (_Part("year", tokens[0], 4), _Part("month", tokens[1], 2), _Part("day", tokens[2], 2))
    return year, month, day, parts


def _with_padding(parts: tuple[_Part, ...]) -> tuple[_Part, ...]:
    """Numeric month and day widths: padded when the original padded them (``03``), or when
    every such field had two digits anyway (``12/15``)."""
    fields = [p for p in parts if p.kind in ("month", "day")]
    padded = any(len(p.text) == 2 and p.text.startswith("0") for p in fields) or (
        bool(fields) and all(len(p.text) == 2 for p in fields)
    )
    width = 2 if padded else 1
    return tuple(replace(p, width=width) if p.kind in ("month", "day") else p for p in parts)


def _place_with_month_name(
    tokens: list[str], numbers: list[int], month_at: int, roles: dict[int, str]
) -> dict[int, str] | None:
    """``March 3, 2021``, ``3 March 2021``, ``14-Mar-21``, ``March 2021``, ``March 3``."""
    placed: dict[int, str] = {}
    long_numbers = [i for i in numbers if len(tokens[i]) == 4]
    short_numbers = [i for i in numbers if len(tokens[i]) <= 2]
    if len(long_numbers) > 1 or len(long_numbers) + len(short_numbers) != len(numbers):
        return None
    for i in long_numbers:
        placed[i] = "year"
    if len(short_numbers) == 2 and not long_numbers:
        first, second = short_numbers  # 14-Mar-21: day before the month, year after it
        placed[first], placed[second] = "day", "year"
    elif len(short_numbers) == 1:
        placed[short_numbers[0]] = "day"
    elif short_numbers:
        return None
    ordinal_days = [i - 1 for i, r in roles.items() if r == "ordinal"]
    if any(placed.get(i) != "day" for i in ordinal_days):
        return None
    return placed


def _place_numeric(tokens: list[str], numbers: list[int], day_first: bool) -> dict[int, str] | None:
    """``03/14/2021``, ``14.03.21``, ``2021-03-14``, ``03/2021``, ``2021-03``, ``3/14``,
    ``2021``, ``20210314``."""
    separators = {tokens[i] for i in range(len(tokens)) if not tokens[i].isalnum()}
    if len(separators) > 1 or any(len(s) > 1 and s != ", " for s in separators):
        return None
    values = [tokens[i] for i in numbers]
    if len(numbers) == 1:
        if len(values[0]) == 4:
            return {numbers[0]: "year"}
        return None  # a lone number ("14") is not a date we can rewrite
    dotted = separators == {"."}
    if len(numbers) == 3:
        a, b, c = values
        if len(a) == 4:  # ISO order
            return dict(zip(numbers, ("year", "month", "day"), strict=True))
        if len(c) not in (2, 4) or len(a) > 2 or len(b) > 2:
            return None
        if int(a) > 12 or dotted or (day_first and int(b) <= 12):
            order = ("day", "month", "year")
        else:
            order = ("month", "day", "year")
        return dict(zip(numbers, order, strict=True))
    a, b = values
    if len(a) == 4 and len(b) <= 2:
        return {numbers[0]: "year", numbers[1]: "month"}  # 2021-03
    if len(a) <= 2 and len(b) == 4:
        return {numbers[0]: "month", numbers[1]: "year"}  # 03/2021
    if len(a) <= 2 and len(b) <= 2:  # 3/14 (no year)
        if int(a) > 12 or ((dotted or day_first) and int(b) <= 12):
            return {numbers[0]: "day", numbers[1]: "month"}
        return {numbers[0]: "month", numbers[1]: "day"}
    return None


def find_year(text: str, *, day_first: bool = False, reference: date | None = None) -> int | None:
    """The year a date mentions: its year field, else a four-digit year (1600-2199) in it."""
    written = parse_date(text, day_first=day_first, reference=reference)
    if written is not None:
        return written.year
    years = {int(m) for m in _YEAR_IN_TEXT.findall(text)}
    return years.pop() if len(years) == 1 else None


def age_on(born: date, on: date) -> int:
    """Completed years between ``born`` and ``on``."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def earliest(written: WrittenDate) -> date | None:
    """The earliest day a (partial) date can stand for; ``None`` without a year."""
    if written.year is None:
        return None
    return date(written.year, written.month or 1, written.day or 1)
