"""Shape checks for spans from statistical models: what a value of a type must look like.

A model sometimes calls a bare ``1001`` in a CSV cell a phone number. Patterns check shape
themselves; these checks apply to the other recognizers' spans. They only reject values that
cannot be of the type (a phone number has at least seven digits), never doubtful ones.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_DIGITS = re.compile(r"\d")


def _digits(minimum: int) -> Callable[[str], bool]:
    return lambda text: len(_DIGITS.findall(text)) >= minimum


#: label -> a test the span's text must pass.
SHAPES: dict[str, Callable[[str], bool]] = {
    "PHONE_NUMBER": _digits(7),
    "FAX_NUMBER": _digits(7),
    "US_SSN": _digits(9),
    "CREDIT_CARD": _digits(12),
    "IBAN_CODE": _digits(8),
    "EMAIL_ADDRESS": lambda text: "@" in text,
    "URL": lambda text: "." in text or "/" in text,
    "IP_ADDRESS": lambda text: ("." in text or ":" in text) and bool(_DIGITS.search(text)),
    # a model's "ZIP" that is a bare year (1985) is the year a date generalises to
    "ZIP_CODE": lambda text: _digits(3)(text) and not re.fullmatch(r"(?:19|20)\d\d", text.strip()),
    "ACCOUNT_NUMBER": _digits(4),
    "ID_NUMBER": _digits(3),
    "LICENSE_NUMBER": _digits(3),
    "MEDICAL_RECORD_NUMBER": _digits(3),
    "HEALTH_PLAN_ID": _digits(3),
    "DEVICE_ID": _digits(3),
}


def plausible(label: str, text: str) -> bool:
    """False when ``text`` cannot be a value of ``label``."""
    check = SHAPES.get(label)
    return check is None or check(text)


#: Words before a four-digit number that make it a clock time ("at 1400", "@ 0830", "by 2100").
_TIME_CUE = re.compile(
    r"(?:\b(?:at|by|until|till|til|since|from|to|and|between|before|after|around|approx|about)"
    r"|@|~)[ \t]*$",
    re.IGNORECASE,
)
_CLOCK = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")


def clock_time(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a 24-hour clock time by its shape and the word before it
    ("seen at 1400", "meds @ 2100", "0830 and 1415"); a model often calls these ZIP codes."""
    value = text[start:end]
    if not _CLOCK.fullmatch(value):
        return False
    before = text[max(0, start - 12) : start]
    after = text[end : end + 6]
    return bool(_TIME_CUE.search(before)) or bool(re.match(r"[ \t]*(?:h|hrs?|hours)\b", after))


def plausible_at(label: str, text: str, start: int, end: int) -> bool:
    """False when the span ``text[start:end]`` cannot be a value of ``label``: by its shape
    (:func:`plausible`), or a "ZIP code" that is a clock time in its sentence."""
    if not plausible(label, text[start:end]):
        return False
    return not (label == "ZIP_CODE" and clock_time(text, start, end))
