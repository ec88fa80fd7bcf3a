"""HIPAA Safe Harbor generalisation (45 CFR 164.514(b)(2)(i)): ZIP3, years, ages over 89.

- ZIP codes keep their first three digits (``02115`` -> ``021**``), except prefixes whose
  area holds 20,000 people or fewer (``policies/restricted_zip3.txt``), which become
  ``000**``.
- Dates keep only their year; a date that reveals an age over 89 (more than 89 years before
  the reference date) loses the year too.
- Ages over 89 become ``90+``.

Every function returns ``None`` for a value it cannot read, so the caller can fail closed.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from pathlib import Path

from redactor.errors import PolicyError
from redactor.transform.dates import age_on, earliest, find_year, parse_date

OLDEST_AGE = 89
"""Ages above this are aggregated into one category, ``90+``."""
AGE_90_PLUS = "90+"
RESTRICTED_ZIP3_FILE = "restricted_zip3.txt"

_US_ZIP = re.compile(r"(\d{3})\d{2}(?:-?\d{4})?")
_AGE_NUMBER = re.compile(r"(?<!\d)(\d{1,3})(?!\d)")
#: A half or a quarter after the years ("5-1/2", "5 1/2", "5½", "2.5"): the whole years count.
_FRACTION = re.compile(r"(?<=\d)(?:[- ]?[1-3]/[2-4]|[½¼¾]|\.\d+)(?![\d/])")

_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * i for i, w in enumerate(
    "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if w != "_"}


@lru_cache(maxsize=4)
def restricted_zip3(path: str | None = None) -> frozenset[str]:
    """The restricted three-digit prefixes (from the bundled list unless ``path`` is given)."""
    if path is None:
        from redactor.policy import bundled_policy_dir

        source = bundled_policy_dir() / RESTRICTED_ZIP3_FILE
    else:
        source = Path(path)
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise PolicyError(
            f"cannot read the restricted ZIP prefixes {source}: {exc.strerror}") from None
    prefixes = {line.strip() for line in lines if line.strip() and not line.startswith("#")}
    bad = sorted(p for p in prefixes if not re.fullmatch(r"\d{3}", p))
    if bad:
        raise PolicyError(f"{source}: not three-digit prefixes: {', '.join(bad[:5])}")
    return frozenset(prefixes)


@lru_cache(maxsize=1)
def _state_then_zip() -> re.Pattern[str]:
    from redactor.detect.patterns import US_STATES

    states = "|".join(re.escape(s) for s in sorted({*US_STATES, *US_STATES.values()},
                                                   key=len, reverse=True))
    return re.compile(rf"((?:{states}),?[ ]+)(\d{{5}}(?:-?\d{{4}})?)")


def generalize_zip(value: str, restricted: frozenset[str] | None = None) -> str | None:
    """``02115`` / ``02115-1234`` -> ``021**``; a restricted prefix -> ``000**``.

    A US state before the ZIP code stays (``MA 02115`` -> ``MA 021**``): Safe Harbor removes
    geographic units smaller than a state, not the state. Only US ZIP codes are generalised;
    anything else (a UK postcode, a ZIP after a city) gives ``None``.
    """
    text = value.strip()
    state = ""
    with_state = _state_then_zip().fullmatch(text)
    if with_state is not None:
        state, text = with_state.group(1), with_state.group(2)
    match = _US_ZIP.fullmatch(text)
    if match is None:
        return None
    prefix = match.group(1)
    if prefix in (restricted_zip3() if restricted is None else restricted):
        prefix = "000"
    return f"{state}{prefix}**"


def read_age(value: str) -> int | None:
    """The age a span states: ``92``, ``92 years``, ``ninety-two``, ``5-1/2`` (5); ``None`` if
    unreadable."""
    numbers = _AGE_NUMBER.findall(_FRACTION.sub("", value))
    if len(numbers) == 1:
        return int(numbers[0])
    if numbers:
        return None
    words = re.findall(r"[a-z]+", value.lower())
    total, seen = 0, False
    for word in words:
        if word in _UNITS:
            total += _UNITS[word]
        elif word in _TENS:
            total += _TENS[word]
        elif word == "hundred":
            total = max(total, 1) * 100
        elif word in ("and", "years", "year", "old", "yo", "aged", "age", "a"):  # "a hundred"
            continue
        else:
            return None
        seen = True
    return total if seen else None


def generalize_age(value: str) -> str | None:
    """``92`` -> ``90+`` (and ``92 years`` -> ``90+ years``); ages up to 89 stay as written."""
    age = read_age(value)
    if age is None:
        return None
    if age <= OLDEST_AGE:
        return value
    value = _FRACTION.sub("", value)  # "91½" -> "90+", not "90+½"
    number = _AGE_NUMBER.search(value)
    if number is not None:
        return value[: number.start()] + AGE_90_PLUS + value[number.end() :]
    return AGE_90_PLUS


def reveals_age_over_89(value: str, reference: date, *, day_first: bool = False) -> bool:
    """True when ``value`` is a date more than 89 years before ``reference``.

    A partial date counts from its earliest possible day (``1935`` from January 1, ``March
    1935`` from March 1), so a date that *may* reveal an age of 90 does.
    """
    written = parse_date(value, day_first=day_first, reference=reference)
    if written is not None:
        start = earliest(written)
        return start is not None and age_on(start, reference) > OLDEST_AGE
    year = find_year(value, day_first=day_first, reference=reference)
    return year is not None and age_on(date(year, 1, 1), reference) > OLDEST_AGE


#: What joins the dates of a list or a range ("1938 and 1941", "1950, 1955 and 1972",
#: "from 1982 to 1999", "1939–1945").
#: (One group: ``split`` returns the dates and the joiners between them, in turn.)
_DATE_JOINER = re.compile(r"([ \t]*(?:,[ \t]*(?:and|or)?|\b(?:and|or|to|until|through)\b|"
                          r"[ \t]+[-–][ \t]+|–|(?<=\d{4})-(?=\d{4}\b))[ \t]*)")


def _generalize_list(value: str, reference: date, over_89: str, day_first: bool) -> str | None:
    """Each date of a list or range of dates generalised alone (:func:`generalize_date`), the
    words between kept ("1938 and 1941" stays, "1923 and 1941" -> "[DATE 90+] and 1941");
    None unless every part names a year."""
    pieces = _DATE_JOINER.split(value)
    if len(pieces) < 3:
        return None
    for i in range(0, len(pieces), 2):  # the dates; the joiners stand at the odd places
        general = generalize_date(pieces[i], reference, over_89, day_first=day_first)
        if general is None:
            return None
        pieces[i] = general
    return "".join(pieces)


def generalize_date(
    value: str, reference: date, over_89: str, *, day_first: bool = False
) -> str | None:
    """Only the year of the date (``March 3, 2021`` -> ``2021``); ``over_89`` for a date more
    than 89 years before ``reference``; each date of a list or range so ("1923 and 1941" ->
    ``over_89`` and 1941); ``None`` when the text names no year."""
    year = find_year(value, day_first=day_first, reference=reference)
    if year is None:
        return _generalize_list(value, reference, over_89, day_first)
    if reveals_age_over_89(value, reference, day_first=day_first):
        return over_89
    return f"{year:04d}"
