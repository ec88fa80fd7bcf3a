"""Shape checks for spans from statistical models: what a value of a type must look like.

A model sometimes calls a bare ``1001`` in a CSV cell a phone number. Patterns check shape
themselves; these checks apply to the other recognizers' spans. They only reject values that
cannot be of the type (a phone number has at least seven digits), never doubtful ones.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

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
    # a name or number on both sides of the "@" and a dot in the domain before a top-level
    # domain's letters (a lone "@" is a note's "at": "GTT @ 900U/HR", "tf @ goal.", "-1.4L net @
    # MN. ionized Ca")
    "EMAIL_ADDRESS": lambda text: re.search(
        r"\w[ \t]*@[ \t]*\w[^@]*?\.[ \t]*[A-Za-z]{2,6}(?![A-Za-z])", text) is not None,
    "URL": lambda text: "." in text or "/" in text,
    "IP_ADDRESS": lambda text: ("." in text or ":" in text) and bool(_DIGITS.search(text)),
    # a model's "ZIP" that is a bare year (1985) is the year a date generalises to, and four
    # digits with a leading zero a clock time ("AT BEDSIDE 0340"); Oslo's "0150" comes with its
    # city from a pattern
    "ZIP_CODE": lambda text: _digits(3)(text)
    and not re.fullmatch(r"(?:19|20)\d\d|0\d{3}", text.strip()),
    # a street has a name or a number: a lone letter is the "w" of "w/ DKA" ("66", "pr." stay)
    "STREET_ADDRESS": lambda text: _digits(1)(text) or len(_LETTER.findall(text)) >= 2,
    "ACCOUNT_NUMBER": _digits(4),
    "ID_NUMBER": _digits(3),
    "LICENSE_NUMBER": _digits(3),
    "MEDICAL_RECORD_NUMBER": _digits(3),
    "HEALTH_PLAN_ID": _digits(3),
    "DEVICE_ID": _digits(3),
    # a model's "3 days", "the age of" or bare "8" is no date (patterns check their own)
    "DATE": lambda text: _date_reason(text) is None,
    # a name has a letter ("." is none), holds no section header ("PERFORMED:,1", "IMAGING:,Chest
    # x-ray") and is no Roman numeral ("I", "III") unless a person's cue says so in its
    # sentence (plausible_at)
    # and has a word that starts with no digit (a model's "1100U" in "HEPARIN @ 1100U/HR")
    "PERSON": lambda text: _named(text) and _ROMAN.fullmatch(text.strip()) is None
    and _WORD_NOT_A_NUMBER.search(text) is not None,
    "ORGANIZATION": lambda text: _named(text),
    "LOCATION": lambda text: _named(text),
}

#: A word in capitals ending in a colon (not a user id such as "TZK:salvemini"), or a colon
#: before a comma: a header inside the span.
_HEADER = re.compile(r"\b[A-Z]{2,}:(?![^\W\d_])(?=[ \t,]*\S)|:,")
_ROMAN = re.compile(r"[IVXLC]+")
_LETTER = re.compile(r"[^\W\d_]")
_WORD_NOT_A_NUMBER = re.compile(r"(?<![\w'’])[^\W\d]|@")


def _named(text: str) -> bool:
    """A name's shape: a letter in it, and no section header inside."""
    return _LETTER.search(text) is not None and _HEADER.search(text) is None


#: Before a Roman numeral that is a person's name ("LI", "VI", "DI"): a title, or a cue that
#: a person is spoken with or about ("D/W LI AND FAMILY", "Dr. Vi", "per Li").
_PERSON_BEFORE = re.compile(
    r"(?i:(?<![\w/])(?:dr|mr|mrs|ms|mx|miss|prof|d/w|discussed[ \t]+with|spoke[ \t]+(?:to|with)|"
    r"talked[ \t]+(?:to|with)|met[ \t]+with|per|covering[ \t]+for|paged|notified|informed))"
    r"\.?[ \t]*[:,]?[ \t]*$")
#: After it: "and family", "and wife", "'s daughter", or a credential ("LI, MD").
_PERSON_AFTER = re.compile(
    r"(?i:[ \t]+(?:and|&)[ \t]+(?:(?:his|her|their|the)[ \t]+)?(?:family|wife|husband|partner|"
    r"son|daughter|parents|mother|father|mum|mom|dad|relatives|carer|children)|['’]s[ \t]+"
    r"(?:family|wife|husband|partner|son|daughter|mother|father)|,?[ \t]+(?:MD|RN|NP|DO|PhD))"
    r"(?!\w)")


def roman_numeral(text: str, start: int, end: int) -> bool:
    """Whether a "name" ``text[start:end]`` is a Roman numeral: its shape ("II", "IV", "LI"),
    and no person cue around it. A title or a person's cue before it ("D/W LI AND FAMILY",
    "Dr. LI") or a relative or credential after it makes a name of two letters or more; "I"
    alone is never one, nor a numeral after a noun ("type II", "stage IV", "Henry VIII")."""
    value = text[start:end].strip()
    if _ROMAN.fullmatch(value) is None:
        return False
    if len(value) < 2:
        return True
    before = text[max(0, start - 24) : start]
    return not (_PERSON_BEFORE.search(before) or _PERSON_AFTER.match(text, end))


def _date_reason(text: str) -> str | None:
    from redactor.detect.spacy_ner import date_reason  # spaCy itself loads only in load()

    return date_reason(text)


# ------------------------------------------------------------------------------------------
# International phone numbers, by country (libphonenumber's metadata, via ``phonenumbers``)
# ------------------------------------------------------------------------------------------

#: What :func:`phone_status` says of a number written with its country code.
VALID, POSSIBLE, IMPOSSIBLE = "valid", "possible", "impossible"

_EXTENSION_SPLIT = re.compile(r"(?i)x|ext")
_NANP = re.compile(r"1([2-9]\d\d[2-9]\d{6})")


@lru_cache(maxsize=8192)
def phone_status(text: str) -> str:
    """Whether ``+CC ...`` is a phone number of country CC: ``valid`` (its length and
    prefixes are those of a number there: "+34 612 345 678"), ``possible`` (a length that
    country uses, but no number range it has: "+34 230 339 785") or ``impossible`` (no such
    country code, or a length it never uses).

    North American numbers (+1) take a fast path: ten digits with area code and exchange
    from 2-9 are valid. That is all libphonenumber would add for them but the list of area
    codes in service, and fictional 555 numbers are phone numbers too.
    """
    number = _EXTENSION_SPLIT.split(text, maxsplit=1)[0]
    digits = "".join(c for c in number if c.isdigit())
    if digits.startswith("1"):
        return VALID if _NANP.fullmatch(digits) else IMPOSSIBLE
    import phonenumbers

    try:
        parsed = phonenumbers.parse(text, None)
    except phonenumbers.NumberParseException:
        return IMPOSSIBLE
    if phonenumbers.is_valid_number(parsed):
        return VALID
    return POSSIBLE if phonenumbers.is_possible_number(parsed) else IMPOSSIBLE


def international_phone_valid(text: str) -> bool:
    """``+CC ...`` is a valid number of country CC (see :func:`phone_status`)."""
    return phone_status(text) == VALID


#: Countries whose numbers a note writes with the trunk zero and no country code.
NATIONAL_REGIONS = ("GB", "IE", "AU")


def national_phone_valid(text: str) -> bool:
    """``0...`` is a valid number of the United Kingdom, Ireland or Australia as written at
    home ("01865 572 192", "087 123 4567", "07 3123 4567")."""
    import phonenumbers

    for region in NATIONAL_REGIONS:
        try:
            if phonenumbers.is_valid_number(phonenumbers.parse(text, region)):
                return True
        except phonenumbers.NumberParseException:
            continue  # (each region is tried: a failure in one says nothing of the next)
    return False


def international_phone_doubtful(text: str) -> bool:
    """``+CC ...`` has a length country CC uses but is no valid number there: a typo, or not
    a phone number at all (the pattern that uses this scores low and wants context)."""
    return phone_status(text) == POSSIBLE


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
#: A 24-hour clock time written as four digits ("0830", "1900").
CLOCK = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")


def clock_time(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a 24-hour clock time by its shape and the word before it
    ("seen at 1400", "meds @ 2100", "0830 and 1415"); a model often calls these ZIP codes."""
    value = text[start:end]
    if not CLOCK.fullmatch(value):
        return False
    before = text[max(0, start - 12) : start]
    after = text[end : end + 6]
    return bool(_TIME_CUE.search(before)) or bool(re.match(r"[ \t]*(?:h|hrs?|hours)\b", after))


#: A clinician's credential, which a model takes for a name or a place in a dictated
#: report's "IWU , CHINEDU , M.D." (".D", "M.D.").
_CREDENTIAL_TOKEN = re.compile(r"(?:M\.?D|D\.?O|R\.?N|N\.?P|P\.?A|Ph\.?D|M\.?B\.?B\.?S)\.?")
_NAMEISH = frozenset({"PERSON", "LOCATION", "ORGANIZATION"})


#: A unit, a count, a duration or a time of day right after a number: what a "date" of one
#: or two numbers measures instead ("10-20cc", "2-3 L NC", "1-2 weeks", "4-8pm", "2-3 times").
UNIT_AFTER = re.compile(
    r"(?i:[ \t]?(?:mg|mcg|g|cc|ml|units?|u|hrs?|hours?|min|mins|minutes|x|times|days?|d|wks?"
    r"|weeks?|months?|yrs?|years?|bpm|mmhg|breaths|beats|points|lpm|liters?|l|kg|lbs?|cm|mm"
    r"|inches|tabs?|pills?|puffs?|drops?|sprays?)\b|[ \t]?%|(?:am|pm)\b)(?![/.]?\d)")


#: Two numbers joined by a dash after a nurse's shift or a vote: hours or a tally, no day and
#: month ("nsg note 7-3", "NPN 11-7", "the council voted 9-4").
_NOT_A_DAY_BEFORE = re.compile(r"(?i)\b(?:note|shift|nsg|npn|voted|vote|won|lost|beat|"
                               r"defeated|score|scored|record)[ \t]+$")
_TALLY = re.compile(r"\d{1,2}[ \t]?[-–][ \t]?\d{1,2}")
_NUMBERS = re.compile(r"[\d/.\-– \t]+")


def _measured(text: str, start: int, end: int) -> bool:
    """Whether the span ``text[start:end]`` is numbers only, and a unit follows its last one,
    inside the span or right after it ("10-20cc", "1-2" of "1-2 weeks")."""
    last = max((i for i in range(start, end) if text[i].isdigit()), default=-1)
    if last < 0 or not _NUMBERS.fullmatch(text, start, last + 1):
        return False  # "June 2 at 4pm" is a date
    unit = UNIT_AFTER.match(text, last + 1)
    return unit is not None and (unit.end() >= end or not text[unit.end() : end].strip())


#: A British note's count of weeks, days or months as a fraction ("2/52": two weeks; "4/7":
#: four days; "6/12": six months): weeks always, days and months after a word that measures
#: a time ("for 2/7", "not open 4/7", "x 3/7", "within 2/12"; not "review 6/12" or "since
#: 4/7", which may date an event).
_FRACTION_OF_TIME = re.compile(r"(?<![\w/.])\d{1,2}/(?:52|7|12)(?![\w/])")
_BEFORE_A_TIME = re.compile(
    r"(?i)\b(?:for|x|in|within|over|past|last|next|beyond|open|nbo|bno)[ \t]+$")


def fraction_of_time(text: str, start: int, end: int) -> bool:
    """Whether the span ``text[start:end]`` is a count of weeks ("2/52", never a day and month),
    or of days or months after a word that measures a time ("bowels not open 4/7", "review
    in 6/12"): British clinical shorthand, no date."""
    if _FRACTION_OF_TIME.fullmatch(text, start, end) is None:
        return False
    return text[start:end].endswith("/52") or _BEFORE_A_TIME.search(
        text, max(0, start - 16), start) is not None


def credential(text: str, start: int, end: int) -> bool:
    """Whether the span ``text[start:end]`` lies in a credential written as its own token: the
    span widened to the spaces, commas and brackets around it is "M.D." or "RN" ... """
    while start and not (text[start - 1].isspace() or text[start - 1] in ",;()"):
        start -= 1
    while end < len(text) and not (text[end].isspace() or text[end] in ",;()"):
        end += 1
    return _CREDENTIAL_TOKEN.fullmatch(text, start, end) is not None


def plausible_at(label: str, text: str, start: int, end: int) -> bool:
    """False when the span ``text[start:end]`` cannot be a value of ``label``: by its shape
    (:func:`plausible`), a "ZIP code" that is a clock time in its sentence, a "name" that
    is a Roman numeral there (:func:`roman_numeral`), or a name, place or organisation that
    is a credential (:func:`credential`)."""
    if label == "PERSON" and _ROMAN.fullmatch(text[start:end].strip()):
        return not roman_numeral(text, start, end)
    if label in _NAMEISH and credential(text, start, end):
        return False
    if label == "DATE" and _measured(text, start, end):
        return False  # "residuals 10-20cc", "in 1-2 weeks", "from 4-8pm": no day and month
    if (label == "DATE" and _TALLY.fullmatch(text, start, end)
            and _NOT_A_DAY_BEFORE.search(text, max(0, start - 16), start)):
        return False  # "nsg note 7-3", "voted 9-4"
    if label == "DATE" and fraction_of_time(text, start, end):
        return False  # "for 2/52", "bowels not open 4/7", "review 6/12"
    if label == "DATE" and piece_of_a_date(text, start, end):
        return True  # the transformer's "/14" of "3/14" (BERT's words: "3", "/", "14"): the
        # fitting takes the whole date (evidence.extend_to_whole_token), checked again then
    if not plausible(label, text[start:end]):
        return False
    return not (label == "ZIP_CODE" and clock_time(text, start, end))


#: A day and month, with their year or not, as one token ("3/14", "12/05/2019").
_DAY_MONTH_TOKEN = re.compile(r"(\d{1,2})/(\d{1,2})(?:/(?:\d{2}|\d{4}))?")
#: What may follow a date written in numbers: the clause's end, or a word that is no unit or
#: thing counted ("1/4 bottles" is a count).
_AFTER_A_DATE = re.compile(r"[ \t]*(?:[.,;:)\]]|$)|[ \t]+(?!(?i:of|in|bottles?|doses?|tabs?"
                           r"|strength|power|pain|score|scale)\b)[A-Za-z@(-]", re.MULTILINE)


def piece_of_a_date(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is digits or a "/" inside a longer token that is a day and
    month ("/14", "3/", "/" of "3/14"), a valid one, that no unit or thing counted follows and
    that is no score out of five or ten."""
    if not all(c.isdigit() or c == "/" for c in text[start:end]):
        return False
    a, b = start, end
    while a > 0 and (text[a - 1].isdigit() or text[a - 1] == "/"):
        a -= 1
    while b < len(text) and (text[b].isdigit() or text[b] == "/"):
        b += 1
    if (a, b) == (start, end) or (a and (text[a - 1].isalnum() or text[a - 1] in ".-:")):
        return False
    token = _DAY_MONTH_TOKEN.fullmatch(text, a, b)
    if token is None or _AFTER_A_DATE.match(text, b) is None or UNIT_AFTER.match(text, b):
        return False
    first, second = int(token.group(1)), int(token.group(2))
    if b - a < 6 and (token.group() == "24/7" or second == 5 or first == second
                      or (second == 10 and first <= 10)):
        return False  # a score or a setting ("grip 4/5", "10/10 would recommend", "9/9 on
        # the Beighton scale", BiPAP "10/5")
    return (1 <= first <= 12 and 1 <= second <= 31) or (1 <= second <= 12 and 13 <= first <= 31)
