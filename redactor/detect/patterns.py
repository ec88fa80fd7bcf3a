"""Regex + checksum recognizer: what it knows is the data table :data:`PATTERNS`.

Each :class:`Pattern` is a verbose regex, the entity label it yields, a base score, an optional
pure validator (a checksum from :mod:`redactor.detect.checksums`, or a calendar / range check)
and context words that raise the score when they occur just before the match (see
:mod:`redactor.detect.context`). A pattern may mark the entity with a named group ``value`` (a
labelled identifier: "MRN: 4471923" yields only "4471923"), relabel a match when a word
precedes it (a phone number after "Fax:" is a FAX_NUMBER), or fire only with context.

Scores: a checksum-validated match scores 0.9 or more; formatted phone numbers 0.7; shapes that
are often something else start below 0.5 and need context. Every regex is compiled once, at
import; none has nested unbounded quantifiers, so :meth:`PatternRecognizer.detect` runs in time
roughly linear in the length of the text.

The table is shaped so that it can later be run as one combined regex: every pattern is a
self-contained verbose regex plus flags that can be scoped (``(?i:...)``, ``(?m:...)``); a
combiner has to suffix the group names (``value``, ``sep``) and their back-references per
pattern, and must keep in mind that one alternation reports one match per position, where the
separate passes here also report overlapping matches of different patterns.

Where presidio-analyzer's patterns were good they are ported here (e-mail, IPv6, MAC, UK
postcode, SSN invalidation); they are not imported, because importing any part of
``presidio_analyzer`` loads spaCy and torch (seconds), and several of them needed fixes: the
card regex misses 2-series Mastercard, the URL regex reports the domain of every e-mail address
and swallows a sentence-final "." after a path, phones start at 0.4 (below a 0.5 threshold),
and the date regexes match inside IP addresses ("10.10.10" in 10.10.10.10) and versions.
"""

from __future__ import annotations

import calendar
import functools
import ipaddress
import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from redactor.detect import checksums
from redactor.detect.casing import letters_case, line_around
from redactor.detect.context import DEFAULT_WINDOW, boosted, has_context
from redactor.detect.lexicon import (
    FUNCTION_WORDS,
    GRAMMAR_WORDS,
    INSTITUTION,
    NOT_ENTITIES,
    SERVICE_WORDS,
    is_common_word,
    is_technical_word,
    note_register,
    place_names,
)
from redactor.detect.name_lists import CHAT_WORDS, is_dictionary_word, is_listed_name
from redactor.detect.post_cues import BAND_NEEDS, BAND_REGEX, band_cued
from redactor.detect.prefilter import (
    Literals,
    context_literals,
    folded,
    literal_tests,
    rarer,
    required_literals,
    table_literals,
)
from redactor.detect.regex_prefix import compile_table, hoisted
from redactor.detect.regexes import alternation, portable
from redactor.detect.scores import SCORE_WORDS
from redactor.detect.validity import (
    CLOCK,
    UNIT_AFTER,
    international_phone_doubtful,
    international_phone_valid,
    national_phone_valid,
)
from redactor.detect.well_known import (
    PARTY_REGEX,
    PUBLIC_BODY_REGEX,
    VENUE_NEEDS,
    VENUE_REGEX,
    WELL_KNOWN_NEEDS,
    WELL_KNOWN_REGEX,
    public_body,
    well_known_organisation,
    well_known_venue,
)
from redactor.entities import is_known
from redactor.span import Span

# ============================================================================================
# The data shape
# ============================================================================================


@dataclass(frozen=True, slots=True)
class Pattern:
    """One regex recognizer, as data.

    ``regex`` is compiled with ``re.VERBOSE | flags``. The span is the named group ``group`` when
    given (else the whole match). ``validate`` receives the span's text and drops the match when
    it answers False. ``context`` words within ``context_window`` characters before the span
    raise ``score`` (:func:`redactor.detect.context.boosted`); with ``requires_context`` the
    pattern fires only when such a word is there. ``relabel_context`` words within
    ``relabel_window`` characters before the span give it the label ``relabel`` instead (a
    phone number after "Fax:" is a FAX_NUMBER). ``exclude_context`` words within
    ``exclude_window`` characters before the span drop it ("version 10.12.14" is no date).
    ``check`` receives the whole match (and through ``match.string`` the text around it) and
    drops it when it answers False: what the span's text alone cannot tell ("#26 CUTTING LOOP"
    is an instrument's size, not a house number). ``needs`` is a regex that a text, folded as
    :func:`~redactor.detect.prefilter.folded` folds it, matches wherever the pattern can
    match it: the test that skips it elsewhere, for a regex whose literals are too many for
    the prefilter to read (a list of names).
    """

    name: str
    label: str
    regex: str
    score: float
    validate: Callable[[str], bool] | None = None
    context: tuple[str, ...] = ()
    flags: int = 0
    group: str | None = None
    relabel: str | None = None
    relabel_context: tuple[str, ...] = ()
    relabel_window: int = 16
    requires_context: bool = False
    context_window: int = DEFAULT_WINDOW
    exclude_context: tuple[str, ...] = ()
    exclude_window: int = 12
    check: Callable[[re.Match[str]], bool] | None = None
    needs: str | None = None

    def __post_init__(self) -> None:
        for label in (self.label, self.relabel or self.label):
            if not is_known(label):
                raise ValueError(f"pattern {self.name!r}: unknown entity label {label!r}")
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"pattern {self.name!r}: score {self.score} outside [0, 1]")
        if self.requires_context and not self.context:
            raise ValueError(f"pattern {self.name!r}: requires_context without context words")
        if bool(self.relabel) != bool(self.relabel_context):
            raise ValueError(f"pattern {self.name!r}: relabel needs relabel_context and back")

    def compile(self) -> re.Pattern[str]:
        """The compiled regex, rewritten to start with the class of its first character where
        that makes search skip ahead (:mod:`redactor.detect.regex_prefix`: same matches);
        checks that the groups the pattern names exist."""
        compiled = hoisted(re.compile(portable(self.regex), re.VERBOSE | self.flags))
        if self.group is not None and self.group not in compiled.groupindex:
            raise ValueError(f"pattern {self.name!r}: no group named {self.group!r}")
        return compiled


# ============================================================================================
# Vocabulary (data)
# ============================================================================================

#: US states, DC, territories and military "states": postal abbreviation -> name.
US_STATES: MappingProxyType[str, str] = MappingProxyType(
    {
        "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
        "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "FL": "Florida",
        "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana",
        "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine",
        "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
        "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska",
        "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico",
        "NY": "New York", "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio",
        "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island",
        "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas",
        "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
        "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
        "DC": "District of Columbia", "PR": "Puerto Rico", "GU": "Guam",
        "VI": "Virgin Islands", "AS": "American Samoa", "MP": "Northern Mariana Islands",
        "AA": "Armed Forces Americas", "AE": "Armed Forces Europe", "AP": "Armed Forces Pacific",
    }
)  # fmt: skip

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    # French, German, Spanish, Italian, Dutch month names (dates in letters from abroad)
    "janvier", "février", "fevrier", "avril", "juin", "juillet", "août", "aout", "septembre",
    "octobre", "novembre", "décembre", "decembre", "Januar", "Februar", "März", "Maerz", "Juni",
    "Juli", "Oktober", "Dezember", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
    "agosto", "septiembre", "octubre", "noviembre", "diciembre", "gennaio", "febbraio", "aprile",
    "maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre", "januari", "februari",
    "maart", "mei", "augustus",
)  # fmt: skip
#: Month words that are common English words when written in lower case.
MONTHS_NOT_LOWER = frozenset({"may", "mar", "march", "mayo", "mei"})
#: French "mars" and "mai" (German "Mai") are English words or names too: a date needs a day
#: before and a year after them ("4 mai 2020", "20 mars 2024").
MONTHS_WITH_YEAR_ONLY = ("mars", "Mars", "MARS", "mai", "Mai", "MAI")

#: Street types that end a street name ("Elm Street", "Park Avenue").
STREET_SUFFIXES = (
    "Street", "Avenue", "Road", "Boulevard", "Drive", "Lane", "Court", "Place", "Terrace", "Way",
    "Circle", "Parkway", "Highway", "Square", "Trail", "Plaza", "Alley", "Row", "Loop", "Pike",
    "Crescent", "Close", "Mews", "Gardens", "Park", "Grove", "Hill", "Heights", "Ridge",
    "Crossing", "Route", "Expressway", "Freeway", "Turnpike", "Esplanade", "Quay", "Wharf",
)  # fmt: skip
#: The rest of the USPS street suffixes (Publication 28, appendix C1): a street's type only
#: after a house number and in title case ("5682 Michael Estate", "1106 Cynthia Spurs").
#: Left out: those a clinical or everyday line puts after a number and a capitalised word
#: ("Level 1 Trauma Center", "Day 3 Bed Rest", "2 Red Lights", "Grade 2 Pressure Point").
USPS_SUFFIXES = (
    "Branch", "Bridge", "Brook", "Brooks", "Burg", "Burgs", "Bypass", "Canyon", "Causeway",
    "Circles", "Cliff", "Cliffs", "Common", "Corner", "Corners", "Course", "Courts", "Cove",
    "Coves", "Creek", "Crest", "Crossroad", "Curve", "Dale", "Drives", "Estate", "Estates",
    "Extension", "Extensions", "Falls", "Ferry", "Fields", "Flats", "Ford", "Fords", "Forest",
    "Forge", "Forges", "Fork", "Forks", "Garden", "Gateway", "Glen", "Glens", "Greens",
    "Groves", "Harbor", "Harbors", "Haven", "Hills", "Hollow", "Inlet", "Island", "Islands",
    "Isle", "Junction", "Junctions", "Keys", "Knoll", "Knolls", "Lake", "Lakes", "Landing",
    "Lodge", "Manor", "Manors", "Meadow", "Meadows", "Mill", "Mills", "Mission", "Motorway",
    "Mountain", "Mountains", "Neck", "Orchard", "Oval", "Overpass", "Parks", "Parkways",
    "Passage", "Pines", "Plain", "Plains", "Prairie", "Radial", "Ramp", "Ranch", "Rapid",
    "Rapids", "Ridges", "River", "Roads", "Shoal", "Shoals", "Shore", "Shores", "Skyway",
    "Springs", "Spur", "Spurs", "Squares", "Stravenue", "Stream", "Streets", "Summit",
    "Throughway", "Trace", "Trafficway", "Tunnel", "Underpass", "Valley", "Valleys", "Via",
    "Viaduct", "Village", "Villages", "Ville", "Vista", "Walk", "Walks", "Ways",
)  # fmt: skip
#: Their abbreviations, which may carry a dot ("St.", "Ave.").
STREET_ABBREVIATIONS = (
    "St", "Ave", "Av", "Rd", "Blvd", "Dr", "Ln", "Ct", "Pl", "Ter", "Terr", "Cir", "Pkwy", "Hwy",
    "Sq", "Trl", "Plz", "Cres", "Gdns", "Hts", "Rte", "Expy", "Fwy", "Tpke",
)  # fmt: skip

#: Large European cities: a 4- or 5-digit number right before one is a postcode ("10115 Berlin").
EU_CITIES = (
    "Berlin", "Hamburg", "München", "Munich", "Köln", "Cologne", "Frankfurt", "Stuttgart",
    "Düsseldorf", "Leipzig", "Dortmund", "Essen", "Bremen", "Dresden", "Hannover", "Nürnberg",
    "Paris", "Marseille", "Lyon", "Toulouse", "Nice", "Nantes", "Strasbourg", "Montpellier",
    "Bordeaux", "Lille", "Wien", "Vienna", "Graz", "Linz", "Salzburg", "Innsbruck", "Zürich",
    "Zurich", "Genève", "Geneva", "Basel", "Bern", "Lausanne", "Bruxelles", "Brussels",
    "Antwerpen", "Madrid", "Barcelona", "Valencia", "Sevilla", "Roma", "Rome", "Milano", "Milan",
    "Napoli", "Torino", "Lisboa", "Porto", "København", "Copenhagen", "Stockholm", "Oslo",
    "Helsinki", "Warszawa", "Praha", "Luxembourg",
)  # fmt: skip

#: Unit designators inside a street line ("Apt 4B", "Suite 200").
#: ("Fl" is left out: in upper case it is Florida, and "St, FL 33101" is no unit.)
UNIT_WORDS = ("Apartment", "Apt", "Suite", "Ste", "Unit", "Room", "Rm", "Floor", "Bldg",
              "Building", "Flat")  # fmt: skip

#: Labels that introduce an identifier: (name, label regex, entity, needs a marker). The marker
#: is "#", "no.", "number" or ":"; a label that is also an everyday word ("chart", "serial",
#: "group", "visit") needs one. The pattern is called ``labelled_<name>``.
ID_LABELS: tuple[tuple[str, str, str, bool], ...] = (
    ("mrn", r"MRN|medical[ ]record(?:[ ]number)?|med(?:ical)?[ ]rec(?:ord)?",
     "MEDICAL_RECORD_NUMBER", False),
    ("mrn_marked", r"MR|chart|record|hospital[ ]number|hospital|hosp|unit[ ]number|unit"
     r"|UR(?:[ ]number|[ ]no)?|URN",  # an Australian unit record: "UR: 0093318"
     "MEDICAL_RECORD_NUMBER", True),
    ("account", r"acct|account(?:[ ]number)?|bank[ ]account|a/c", "ACCOUNT_NUMBER", False),
    ("account_marked", r"routing|invoice|billing|claim|transaction|cheque", "ACCOUNT_NUMBER",
     True),
    ("health_plan", r"member[ ]?id|membership|policy|subscriber(?:[ ]id)?|insurance[ ]id"
     r"|beneficiary[ ]id|plan[ ]id|health[ ]plan(?:[ ]id)?|HICN|MBI|medicaid[ ]id|medicare[ ]id"
     # national health numbers abroad: "Health Card: 4521-339-018-KM", "NHI PRX2318", OHIP
     r"|health[ ]card(?:[ ]number|[ ]no)?|NHI|OHIP(?:[ ]number)?|IHI"
     r"|medicare(?:[ ]card)?(?:[ ]number)?"
     # Scotland's CHI, Alberta's ULI, Ireland's medical (GMS) card: "CHI 1203492281"
     r"|CHI|ULI|(?:GMS|medical)[ ]card(?:[ ]number|[ ]no)?"
     # Nigeria's, Kenya's and the Philippines' health insurance: "PhilHealth 12-050334567-8"
     r"|NHIS|NHIF|PhilHealth",
     "HEALTH_PLAN_ID", False),
    ("health_plan_marked", r"member|group|medicaid|insurance|PHN", "HEALTH_PLAN_ID",
     True),  # (a public health nurse's "PHN 2X WEEKLY" has no colon)
    ("license", r"licen[cs]e|driver'?s[ ]licen[cs]e", "LICENSE_NUMBER", False),
    ("license_marked", r"lic|DL|cert(?:ificate)?|permit|DEA", "LICENSE_NUMBER", True),
    ("device", r"S/N|device[ ]id|IMEI(?:/serial)?|UDI|implant[ ]id|asset[ ]tag|workstation"
     r"|MEID|ESN", "DEVICE_ID", False),
    ("device_marked", r"serial|SN|device|asset|laptop|computer|host(?:name)?", "DEVICE_ID", True),
    ("vin", r"VIN", "VEHICLE_ID", False),
    ("biometric", r"biometric[ ]id|fingerprint[ ]id|voiceprint[ ]id|retina[ ]id|iris[ ]id",
     "BIOMETRIC_ID", False),
    ("id_number", r"patient[ ]id|pt[ ]id|employee[ ]id|student[ ]id|national[ ]id|passport"
     r"|identification[ ]number|case[ ]reference|case[ ]ref"
     # Pakistan's and India's national numbers: "CNIC: 35202-8841756-3", "Aadhaar 4521 ..."
     r"|CNIC|Aadhaa?r"
     # Sri Lanka's bed head ticket, a ward's record: "BHT 2024/42/3325"
     r"|BHT"
     # Kenya's M-Pesa business number, a fundraiser's or a shop's: "Paybill 891300"
     r"|pay[ ]?bill(?:[ ](?:number|no))?"
     # a booking's code, which has no marker: "booking ref K7XQ2M", "confirmation code 8HJ2KQ"
     r"|(?:booking|reservation|confirmation)[ ](?:ref(?:erence)?|code)", "ID_NUMBER", False),
    ("id_number_marked", r"encounter|visit|case|accession|specimen|sample|order|reference|ref"
     r"|file|employee|emp|badge|staff|student|ticket|confirmation|conf|booking|reservation"
     r"|inmate|prisoner|offender|charity"
     r"|tracking|auth|authorization|approval|CLIA|registration|reg"
     r"|police[ ]report|report|index|job|dictation|transcription|batch|FIR|crime|docket|exam"
     r"|doc",
     "ID_NUMBER", True),
)  # fmt: skip
#: Words that make "<word> ID" one of the specific labels above, not a generic "ID".
ID_QUALIFIERS = ("member", "subscriber", "insurance", "beneficiary", "plan", "device", "implant",
                 "biometric", "fingerprint", "voiceprint", "retina", "iris", "patient", "pt",
                 "employee", "student", "national")  # fmt: skip
#: Last words of a health facility's name ("Ridgeview Rehab", "Mercy Nursing Home").
FACILITY_WORDS = ("Hospital", "Rehab", "Rehabilitation", "Rehabilitation Center", "Medical Center",
                  "Nursing Home", "Nursing Center", "Care Center", "Health Center", "Clinic",
                  "Manor", "Hospice", "Infirmary", "Health System", "Healthcare", "Medical Centre",
                  "Convalescent Home", "Skilled Nursing Facility", "Surgery Center",
                  "LTAC", "LTACH", "Assisted Living", "Inn", "Shelter",
                  "Nursing and Rehabilitation", "Nursing and Rehabilitation Center",
                  "Behavioral Health", "Mental Health Services",
                  "Mental Health Center", "SNF", "Group Home", "Care Home", "Residential Home",
                  "Retirement Home", "Senior Living", "Health Centre", "Pharmacy",
                  "Detox", "Transitional Care", "Transitional Care Unit", "Post-Acute",
                  "Post-Acute Care")  # fmt: skip
#: Teaching hospitals' short forms that word lists hold as words (Philter's whitelist has
#: "MGH"): a facility after a transfer all the same ("POSS TRANSFER TO MGH").
HOSPITAL_SHORT_FORMS = frozenset(("MGH", "BWH", "BIDMC", "BMC", "MEEI", "DFCI", "NEBH", "NEMC",
                                  "UMMC", "CHOP", "UCSF", "OHSU", "UPMC", "NYU", "UCLA"))
#: A bare "ID:" label is weaker than a specific one, so it loses to it on the same value.
GENERIC_ID_SCORE = 0.6
LABELLED_ID_SCORE = 0.85


def _cased(words: Iterable[str], *, lower_except: frozenset[str] = frozenset()) -> str:
    """Alternation of ``words`` as written, in UPPER case and in lower case (see _alternation)."""
    forms: set[str] = set()
    for word in words:
        forms.update((word, word.upper()))
        if word.lower() not in lower_except:
            forms.add(word.lower())
    return alternation(forms)


# ============================================================================================
# Small validators (pure; the checksums live in checksums.py)
# ============================================================================================


def _date_parts_valid(day: int, month: int, year: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _full_year(year: str) -> int:
    return int(year) + 2000 if len(year) == 2 else int(year)


def numeric_date_valid(text: str) -> bool:
    """``M/D/Y`` or ``D/M/Y`` (``/``, ``-`` or ``.``) that is a real day in either reading.

    A two-digit year is accepted only with ``/``, or with two-digit day and month ("14.03.21"),
    so that "1.2.10" (a version) and "3-4-21" (a range) are not dates.
    """
    parts = re.split(r"[/.-]", text)
    if len(parts) != 3:
        return False
    a, b, y = parts
    if len(y) == 2 and "/" not in text and (len(a) != 2 or len(b) != 2):
        return False
    year = _full_year(y)
    return _date_parts_valid(int(b), int(a), year) or _date_parts_valid(int(a), int(b), year)


def iso_date_valid(text: str) -> bool:
    """``YYYY-MM-DD`` (optionally with a time) that is a real day."""
    y, m, d = (int(p) for p in re.split(r"[/.-]", text[:10].rstrip("T"))[:3])
    return _date_parts_valid(d, m, y)


def _listed_day(name: str, regex: str) -> Pattern:
    """A pattern of a day and month in a list (``regex`` marks it as ``value``), judged by
    :func:`listed_month_day_valid` and left out after a score word."""
    return Pattern(name=name, label="DATE", regex=r"(?=\d)" + _NUM_BEFORE + regex, score=0.5,
                   validate=listed_month_day_valid, exclude_context=SCORE_WORDS,
                   exclude_window=12, group="value")


#: A date with its year, numeric ("03/14/2012", "D: 05/11/91", "2019-01-29"), as a dictated
#: report's header and stamps write them.
_FULL_DATE = re.compile(r"(?<![\w/.:-])(?:\d{1,2}([/.-])\d{1,2}\1(?:19|20)?\d\d"
                        r"|(?:19|20)\d\d-\d\d-\d\d)(?![\w/]|[.:-]\d)")
#: A day and month that a word or sign after it makes a measure, a grade or a count: "2/6
#: systolic murmur", "1/3 up", "4/4 extremities", "2/2 bottles", "3/4 of the way", "1/22 nodes".
_NOT_A_DAY_AFTER = re.compile(
    r"[ 	]*(?:[-+]|(?i:of|systolic|diastolic|holosystolic|murmur|sem|up|down|way|extremit\w*"
    r"|bottles?|sets?|cultures?|positive|pos|neg|negative|lobes?|fields?|pulses?|beats?|dose"
    r"|doses|tabs?|tablets?|caps?|cups?|strength|power|reflex\w*|vision|ratio|units?|mg|ml|cc"
    r"|x|times|nodes?|ln|lns|lymph)\b)")


@functools.lru_cache(maxsize=8)
def _dated_text(text: str) -> bool:
    """Whether a text writes two dates or more with their year (a dictated report's header,
    its dictation and transcription stamps): there a day and month alone is a date too."""
    return next(itertools.islice(_FULL_DATE.finditer(text), 1, None), None) is not None


#: Words of a judgment ("court", "appellant", "tribunal").
_SPEAKS_OF_A_COURT = re.compile(r"(?i)\b(?:court|tribunal|appellant|respondent|claimant"
                                r"|defendant|plaintiff|petitioner|judgment)\b")


def _case_code_of_a_judgment(match: re.Match[str]) -> bool:
    """A code in a judgment's heading (the ``court_case_code`` pattern): in the first 2,000
    characters of a text that speaks of a court, with four digits in a row or a letter after
    a digit ("A18-1432", "E41LS093"; not a note's "HR 80-90" or "NPN 1900-0730")."""
    return (match.start() < 2000 and re.search(r"\d{4}|\d[A-Z]", match.group("value"))
            is not None and _SHIFT_HOURS.fullmatch(match.group("value")) is None
            and _SPEAKS_OF_A_COURT.search(match.string, 0, 4000) is not None)


#: A note's heading with its shift's hours ("NPN 1900-0730"), no case's code.
_SHIFT_HOURS = re.compile(rf"[A-Z]{{1,6}}[ ]?{CLOCK.pattern}-{CLOCK.pattern}")


def _day_of_a_dated_text(match: re.Match[str]) -> bool:
    """A day and month written alone (:func:`listed_month_day_valid`) in a dated text, with no
    measure or grade right after it; not "2/2", a note's "secondary to" ("ESRD 2/2 DM")."""
    return (match.group() != "2/2" and _dated_text(match.string)
            and _NOT_A_DAY_AFTER.match(match.string, match.end()) is None)


#: A preposition before a holiday that dates an event (the date_holiday pattern).
_HOLIDAY_CUE = re.compile(r"(?i:\b(?:at|on|for|since|by|until|till|over|before|after|around|"
                          r"from|through|thru|during)[ \t]+(?:the[ \t]+)?)$")


def institution_valid(value: str) -> bool:
    """A public body's name (the org_institution pattern) that is no hospital's service, board
    or committee: two words or more before its kind, or its place after it ("... Board of
    Canada"), none of them clinical or a service's ("Tumor Board", "Infection Control
    Committee", "Cardiology Division", "Ethics Committee" are none)."""
    head, _, place = value.partition(" of ")
    words = [w for w in re.findall(r"[^\W\d_]+", head)[:-1] if w not in ("and", "for", "of")]
    return (len(words) >= 2 or bool(place)) and not any(
        w.casefold() in SERVICE_WORDS or is_technical_word(w) for w in words)


#: A dictation stamp's word before its date: dictated, transcribed ("D: 05/11/91 T: 05/12/91",
#: "DD: 08/03/09", "Dict 12/23/15", "Trans 12/23/15"; the dictation patterns).
_STAMP = r"(?i:dd|td|dt|d|t|dict(?:ated)?|trans(?:cribed)?)"


#: A party's line in a judgment's heading and its role (the court_party patterns).
_COURT_PARTY = r"""
    (?m)^[ \t*]*(?:(?:BETWEEN|AND|And|and)[ \t:]+)?
    (?P<value>[A-Z][^\n]{1,78}?[^\s.…_,:-])
    (?:[ \t]{2,}|[ \t]*[.…_]{3,}[ \t]*|[ \t]*\n(?:[ \t]*\n)?[ \t]*)   # (a blank line between)
    (?:(?i:first|second|third|fourth|fifth|sixth|\d(?:st|nd|rd|th))[ \t]+)?
    (?i:plaintiffs?|defendants?|respondents?|applicants?|appellants?|petitioners?|claimants?
       |pursuers?|defenders?|notice[ \t]+part(?:y|ies)|interveners?|accused|complainants?)
    [ \t]*(?:/[ \t]*[A-Za-z]+[ \t]*)?$
"""
#: Words that make a party an organisation.
_ORGANISATION_PARTY = re.compile(
    r"(?i)\b(?:limited|ltd|inc|llc|llp|plc|pty|corp(?:oration)?|company|co|holdings|group|trust"
    r"|bank|services|council|minister|ministry|director|registrar|attorney|board|commission"
    r"|commissioner|authority|department|police|county|city|state|government|university"
    r"|hospital|secretary|officer|agency|society|association|union|republic|federation"
    r"|insurance)\b|&")


def _organisation_party(value: str) -> bool:
    return _ORGANISATION_PARTY.search(value) is not None


#: Parties that name no one: the Crown, the State, the People; a heading's own words.
_NO_PARTY = frozenset({"state", "the state", "r", "regina", "rex", "the queen", "the king",
                       "the crown", "the people", "the republic", "the commonwealth",
                       "union of india", "between", "and", "her majesty the queen",
                       "his majesty the king"})
#: Lower-case words a party's name may hold ("SECRETARY OF STATE for the Home Department").
_PARTY_PARTICLES = frozenset("of and the for de del van von da bin binti al".split())


def court_party_valid(value: str) -> bool:
    """A party's line that names someone: not the Crown or the State (:data:`_NO_PARTY`), not
    a sentence (no lower-case word but a particle)."""
    if " ".join(value.casefold().split()) in _NO_PARTY:
        return False
    return all(w in _PARTY_PARTICLES for w in re.findall(r"[^\W\d_]+", value) if w.islower())


def listed_month_day_valid(text: str) -> bool:
    """A day and month of a list (:func:`month_day_valid`) that is no common fraction or score:
    halves, thirds, quarters and eighths are doses ("take 1/2, 1/4 tab"), fifths and tenths
    scores ("strength 4/5, 5/5", "pain 3/10, 2/10")."""
    m, d = (int(p) for p in text.split("/"))
    return month_day_valid(text) and not (m < d and d in (2, 3, 4, 8)) and d not in (5, 10)


def month_day_valid(text: str) -> bool:
    """``M/D`` (or ``M-D``) without a year: a day that exists in that month in some year."""
    m, d = (int(p) for p in re.split("[/-]", text))
    return _date_parts_valid(d, m, 2000)


def day_month_valid(text: str) -> bool:
    """``D/M`` without a year, as Britain and Europe write it: :func:`month_day_valid` read
    the other way round."""
    d, m = (int(p) for p in text.split("/"))
    return _date_parts_valid(d, m, 2000)


_FACILITY_FOLDED = frozenset(w.casefold() for p in FACILITY_WORDS for w in p.split())
_FACILITY_ALTERNATION = _cased(FACILITY_WORDS,
                               lower_except=frozenset(w.lower() for w in FACILITY_WORDS))


#: Words that end a facility's name before them ("MERCY HOSPITAL OF NOTE", "... Hospital of
#: the patient's choice"): grammar and a note's words.
_NO_TAIL_WORD = (r"(?i:and|or|for|to|with|in|on|at|the|of|from|by|was|is|are|note|which|who|"
                 r"whom|where|when|his|her|their|its|patient|pt|choice|course|admission|stay)")


#: Faiths and peoples that name hospitals and homes ("Hebrew Rehab", "Baptist Hospital", "Good
#: Samaritan Medical Center"): words of the dictionary, and a facility's own name there.
_FACILITY_FAITHS = frozenset((
    "adventist", "baptist", "catholic", "christian", "deaconess", "episcopal", "hebrew",
    "jewish", "lutheran", "mennonite", "methodist", "moravian", "presbyterian", "samaritan",
    "shriners",
))  # fmt: skip


def facility_name_valid(text: str) -> bool:
    """A facility name holds a word of its own, not only common words, grammar words and the
    facility word ("Ridgeview Rehab", "Hebrew Rehab", not "The Rehab", "Acute Rehab" or "WILL
    NEED CARDIAC REHAB", whose "Will" is a name only in the lists); before a home's word that
    only a name ends with ("Manor", "SNF", "Nursing Home"), common words that are neither a
    kind of care nor clinical vocabulary are one too ("SEA VIEW MANOR", "Sunnybrook SNF", not
    "Local Nursing Home")."""
    words = [w for w in re.findall(r"[^\W\d_]+", text) if w.casefold() not in _FACILITY_FOLDED]
    own = [w for w in words
           if w.casefold() not in ("st", "saint") and w.casefold() not in GRAMMAR_WORDS
           and w.casefold() not in _CARE_KINDS]
    if any(not is_common_word(w) or is_listed_name(w) or w.casefold() in _FACILITY_FAITHS
           for w in own):
        return True
    return (bool(own) and len(own) == len(words) and _HOME_WORD_AT_END.search(text) is not None
            and not any(is_technical_word(w) or w.casefold() in _NO_HOMES_NAME for w in own))


#: A home's word that ends a name and nothing else ("Sea View Manor", "Sunnybrook SNF").
_HOME_WORD_AT_END = re.compile(r"(?i:manor|snf|pharmacy|nursing[ \t]+(?:home|center|centre)"
                               r"|care[ \t]+home"
                               r"|assisted[ \t]+living|senior[ \t]+living|retirement[ \t]+home"
                               r"|convalescent[ \t]+home|group[ \t]+home)$")
#: Words before a home's word that say which one, not its name ("local nursing home").
_NO_HOMES_NAME = frozenset("local nearby new same previous prior current former another other "
                           "different closer close preferred chosen first second third her his "
                           "their pt pts patient patients retail specialty compounding mail order "
                           "community hospital home infusion central main usual regular "
                           "memory care residential private adult dementia respite".split())


#: Words of a kind of care before a facility's word, no facility's own ("EARLY REHAB",
#: "Acute Rehab", "CARDIAC REHAB"), though a list holds "Early" as a surname.
_CARE_KINDS = frozenset("early acute subacute inpatient outpatient cardiac pulmonary stroke "
                        "brain spinal geriatric pediatric day long-term short-term long short "
                        "term".split())  # ("SHORT-TERM REHAB": "Short" is a surname too)


def _clinical_word(word: str) -> bool:
    """A word of clinical vocabulary, or one joined of such words and common ones by hyphens
    ("Trauma", "Neuro-Oncology"), that no name list holds ("Frank", "Gross" are names too)."""
    parts = [p for p in word.split("-") if p]
    if word.casefold() in SERVICE_WORDS:  # "Orthopedic Clinic", "NEUROSURGERY CLINIC"
        return True
    return bool(parts) and not is_listed_name(word) and any(map(is_technical_word, parts)) and all(
        is_technical_word(p) or is_common_word(p) for p in parts)


def _name_after_a_facility_word(value: str) -> bool:
    """A facility's name after its word (the ``facility_first`` pattern): a word no dictionary
    or clinic knows among its words, and no grammar or note word after the facility's."""
    words = re.findall(r"[^\W\d_][\w'’-]*", value)[1:]
    words = [w for w in words if w.casefold() not in ("de", "del", "da", "do", "dos", "la")]
    if not words or words[0].casefold() in GRAMMAR_WORDS or is_technical_word(words[0]):
        return False
    return any(not (is_common_word(w) or is_dictionary_word(w) or is_technical_word(w))
               for w in words)


#: A home of care in two words or more, whose name before it is a name even when it is a word
#: ("riverside nursing & rehab", "the elms assisted living", "hillside nursing ctr").
_HOME_OF_CARE = re.compile(r"nursing[ \t]+\S|assisted[ \t]+living|senior[ \t]+living"
                           r"|care[ \t]+home")


def _lower_facility_name(value: str) -> bool:
    """A facility's name in lower case (the ``facility_lower`` pattern): a word before the
    facility's that no dictionary or clinic knows, after a saint's ("st. jude"), and none that
    says which one or what care ("her", "local", "acute")."""
    words = re.findall(r"[a-z][a-z'’-]+", value)
    saint = len(words) > 2 and words[0] == "st"
    own = [w for w in words[1 if saint else 0:] if w not in _FACILITY_FOLDED and w != "parish"]
    if any(w in GRAMMAR_WORDS or w in _NO_HOMES_NAME or w in _CARE_KINDS for w in own):
        return False
    if own and _HOME_OF_CARE.search(value):  # a home's name may be a word: "the elms"
        return not any(is_technical_word(w) for w in own)
    return bool(own) and (saint or any(not is_common_word(w) and not is_technical_word(w)
                                       for w in own))


def _police_place(match: re.Match[str]) -> bool:
    """The words before "police" (the ``org_police_of_a_place`` pattern) are a place's: each
    a known place or no common word ("BOSTON POLICE"; not "CALLED POLICE", "State Police")."""
    return all(w.casefold() in place_names() or not is_common_word(w)
               for w in match.group("place").split())


def _facility_words(value: str) -> bool:
    """The name a placement's cue stands before (the ``facility_screening`` pattern): each of
    two facilities joined by "and" or "vs" no common or clinical word ("Spaulding vs Youville");
    of a name in two words, one ("Hebrew SeniorLife"; not "Rehab Hospital")."""
    def plain(word: str) -> bool:
        return is_common_word(word) or is_technical_word(word)

    parts = re.split(r"[ \t]+(?i:and|&|vs\.?)[ \t]+", value)
    if len(parts) > 1:
        return not any(plain(w) for w in re.findall(r"[^\W\d_]+", value)
                       if w.lower() not in ("and", "vs"))
    words = re.findall(r"[^\W\d_][\w'’-]*", value)
    return not all(map(plain, words)) if len(words) > 1 else not plain(words[0])


def _runner_name(value: str) -> bool:
    """Who runs something (the ``org_run_by`` pattern): a name with a word that no
    dictionary or clinic knows, or a place's ("REM MINNESOTA", "Vinfen"); not "ICU TEAM",
    "PHARMACY" or "Monday"."""
    words = re.findall(r"[^\W\d_][\w'’-]*", value)
    if not words or words[0].casefold() in GRAMMAR_WORDS:
        return False
    return any(not (is_common_word(w) or is_technical_word(w)) or w.casefold() in place_names()
               for w in words)


def facility_suffix_valid(text: str) -> bool:
    """A named clinic holds a word that is no clinical vocabulary before its last words: "Trauma
    Clinic", "Transplant Clinic", "Neuro-Oncology Clinic" are services of a hospital, not its
    name ("Riverbend Orthopedics" is one)."""
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    head = [w for w in words if w.casefold() not in _FACILITY_SUFFIX_FOLDED]
    return not head or not all(map(_clinical_word, head))


#: Legal forms of two or three letters that a note in capitals writes as other words: "AQUACEL
#: AG" (silver), "CONT ASA" (aspirin).
_SHORT_LEGAL_FORMS = frozenset({"AG", "SA", "SAS", "BV", "NV", "ASA", "OY", "OYJ", "SPA", "KK"})


def org_suffix_valid(text: str) -> bool:
    """An organisation by its legal form, unless all in capitals with a short form that is
    also a clinical abbreviation there ("AQUACEL AG.", "CONT ASA"; "SIEMENS GMBH" stays), or
    a clinical team's work ("Case Management", "Wound Care Management")."""
    words = re.findall(r"[^\W\d_][\w.]*", text)
    if text.isupper() and words and words[-1].rstrip(".") in _SHORT_LEGAL_FORMS:
        return False
    return not (len(words) > 1 and all(map(_clinical_word, words[:-1])))


#: A law's or a statute's word before its number ("Act No. 12 of 1999", "Law no. 89/2001").
_LAW_BEFORE = re.compile(r"(?i:\b(?:act|law|ordinance|regulation|rules?|notification|order)"
                         r"[ \t]*,?[ \t]*)$")
#: An event of a stay right before a day and month with a hyphen ("admitted 10-10").
_EVENT_BEFORE = re.compile(
    r"(?<![\w/-])(?i:admitted|admit|adm|transferred|extubated|intubated|floor|since|until|s/p"
    r"|s/p[ \t]+[a-z]{3,10}"  # a procedure's shorthand after it: "s/p orif 6-14"
    r"|on|d/c['’]?d|dc['’]d|egd|ercp|dccv|cath|surgery|due|eval"
    r"|placed|inserted|removed)[ \t]+$")  # a line's or a drain's day: "R PICC placed 2-27"
#: A capitalised word right before an age in brackets ("Mother (93)", "DUBOIS (91)").
_NAME_BEFORE_BRACKET = re.compile(r"(?<![\w'’-])([A-Z][A-Za-z'’-]+)$")


def _capitalised_before(text: str, start: int) -> str | None:
    """The capitalised word that ends right before ``start``, if one does."""
    word = _NAME_BEFORE_BRACKET.search(text, max(0, start - 30), start)
    return word.group(1) if word else None


def _after_a_surname(text: str, start: int) -> bool:
    """Whether a capitalised word that no lexicon holds as common or clinical language ends
    right before ``start`` ("Lindqvist"; not "Oral", "Mother", "MI")."""
    word = _capitalised_before(text, start)
    return word is not None and not (is_common_word(word) or is_technical_word(word))


def _after_a_name(text: str, start: int) -> bool:
    """Whether a capitalised word that is no clinical shorthand ends right before ``start``
    ("Mother", "DUBOIS"; not "MI", "EF")."""
    word = _capitalised_before(text, start)
    return word is not None and not is_technical_word(word)


#: A procedure's word right before a day and month, which dates it ("VALVULOPLASTY 3/3",
#: "transfusion on 1/6", "lap chole 5/12").
_PROCEDURE_ENDINGS = r"plasty|ectomy|otomy|ostomy|scopy|graphy|gram|fusion|centesis|pexy|plant"
_PROCEDURE_NAMES = (r"chole|c-section|repair|replacement|resection|ablation|biopsy|debridement"
                    r"|amputation|transplant|cabg(?:[ \t]*x[ \t]*\d)?|orif|[amt]vr")
_PROCEDURE_BEFORE = re.compile(
    rf"(?:(?<![\w/-])[A-Za-z]{{2,}}(?i:{_PROCEDURE_ENDINGS})|(?<![\w/-])(?i:{_PROCEDURE_NAMES}))"
    r"[ \t]+(?:(?i:on)[ \t]+)?$")
#: A fraction's strength or part after it, no date's ("DEBRIDEMENT 1/4 STRENGTH DAKINS").
_STRENGTH_AFTER = re.compile(r"[ \t]+(?i:strength|str|tabs?|of)\b")
#: A subject right before a weekday's short form in lower case, whose verb it is ("she sat").
_SUBJECT_BEFORE = re.compile(r"(?i:\b(?:i|he|she|we|they|you|who|it|and)[ \t]+)$")
#: What dates a day of the month written alone by its ordinal ("on the 19th", "due the 3rd";
#: not "through the 4th arm port", an incision's).
_ORDINAL_CUE = re.compile(r"(?<![\w-])(?i:on|by|until|till|since|from|before|after|for|due"
                          r"|starting|beginning)[ \t]+(?i:the)[ \t]+$")


def _closing_initials(match: re.Match[str]) -> bool:
    """Initials that end a document (the ``closing_initials`` pattern): no word or chat; in
    capitals no common word either, unless a dash signs them ("-KT") or they are three
    letters ("JMK", which a word list may hold), where only the note's shorthand is no one's
    ("-- PT", "ICU")."""
    value = match.group("value")
    if is_dictionary_word(value.lower()) or value.lower() in CHAT_WORDS or (
            value.lower() in GRAMMAR_WORDS):
        return False
    if "-" in match.group() or "—" in match.group() or (value.isupper() and len(value) == 3):
        return not is_technical_word(value)
    return value.islower() or not is_common_word(value)


def _signing_initials(value: str) -> bool:
    """Initials before a credential (the ``initials_credential`` pattern): with full stops
    any ("K.L."); three capitals that are no clinical shorthand ("JMK", not "ICU"); two that
    are no word either ("AF" is atrial fibrillation)."""
    if "." in value:
        return True
    if value.lower() in NOT_ENTITIES or is_technical_word(value):
        return False
    return len(value) == 3 or not is_common_word(value)


#: "the" right before an ordinal, not after a rank's verb ("ranked the 4th."), and a clause's
#: end right after it ("first session the 19th.").
_THE_BEFORE = re.compile(r"(?i:(?<![\w-])(?<!ranked )(?<!placed )(?<!finished )(?<!came in )"
                         r"(?<!is )(?<!was )(?<!be )(?<!as )the)[ \t]+$")
_CLAUSE_END = re.compile(r"[ \t]*(?:[.,;:!?)]|$)", re.MULTILINE)


#: A word of what falls due right before a day's ordinal with no "the", as notes write it
#: ("depot next due 28th,", "next visit 3rd.", "START 12TH.").
_DUE_BEFORE = re.compile(r"(?<![\w-])(?i:due|visit|start|starts|starting|restart|review)"
                         r"[ \t]+$")


def _ordinal_day_cued(match: re.Match[str]) -> bool:
    """A day's ordinal after a preposition and "the" ("until the 3rd"), or after "the" or a
    word of what falls due where a clause ends ("cardiac rehab, first session the 19th.",
    "depot next due 28th, will give at clinic")."""
    before = (match.string, max(0, match.start() - 16), match.start())
    return _ORDINAL_CUE.search(*before) is not None or (
        (_THE_BEFORE.search(*before) is not None or _DUE_BEFORE.search(*before) is not None)
        and _CLAUSE_END.match(match.string, match.end()) is not None)


#: Kinds of natural feature after their name ("Mekong Delta"; not "Range", "Basin", "Falls"
#: or "Plate": a reference range, an emesis basin, a fall risk, a locking plate).
_FEATURE_AFTER = ("Delta|Plateau|Ridge|Sound|Strait|Straits|Peninsula|River|Valley|Mountains"
                  "|Highlands|Desert|Glacier|Ocean|Sea|Fjord|Estuary|Lagoon|Archipelago|Atoll"
                  "|Escarpment|Canyon|Gorge")
#: ... and before "of" and their name ("Bay of Bengal").
_FEATURE_BEFORE = "Bay|Gulf|Strait|Straits|Sea|Isle|Isles|Cape|Port|Lake|River|Firth|Vale"
#: Words that start a sentence or a phrase before a feature's kind, no name's ("The Sea",
#: "In Valley", "Our River").
_FEATURE_NOT_NAME = ("(?:The|A|An|In|On|At|Of|And|From|To|Into|Its|This|That|Our|Their|His|Her"
                     "|My|Your|By|For|With|Across|Along|Over|Under|Near|Deep|Open|High|Low"
                     "|North|South|East|West|Upper|Lower|Big|Little|Great)")


#: The words of a feature's name that say what kind it is, or join it ("of", "the").
_FEATURE_KIND = re.compile(rf"(?:{_FEATURE_AFTER}|{_FEATURE_BEFORE}|Loch|Lough|Mount|of|the)")


def _feature_named(value: str) -> bool:
    """A natural feature's name (:data:`_FEATURE_AFTER`) of no clinical or technical word
    but its kind ("Tibetan Plateau", whose "Plateau" is a ventilator's too; not "Emesis
    Basin")."""
    return not any(is_technical_word(w) for w in re.findall(r"[A-Za-z]+", value)
                   if not _FEATURE_KIND.fullmatch(w))


def _cased_as_its_line(match: re.Match[str]) -> bool:
    """A facility's name in capitals, or in lower case in a line written in lower case ("pt
    screened by spaulding", not "Pt screened by spaulding")."""
    return (match.group("value")[:1].isupper()
            or letters_case(line_around(match.string, match.start(), match.end())) == "lower")


#: Words that make "X liaison" a service's or a program's, not a facility's.
_LIAISON_OF_A_SERVICE = frozenset(
    "case management family patient patients hospice rehab rehabilitation psych psychiatry "
    "nursing nurse social work worker services service relations hospital pace program home "
    "care cm sw rn np md the our his her their".split())


def _facility_of_a_liaison(value: str) -> bool:
    """Capitalised words before "liaison" that name a facility: no service's word, and two
    words or a word that is no common or clinical one ("Jewish Memorial", "Youville")."""
    words = value.split()
    if any(w.lower() in _LIAISON_OF_A_SERVICE or is_technical_word(w) for w in words):
        return False
    return len(words) >= 2 or not is_common_word(words[0])


#: A note's infectious-disease section is no identifier's label: "ID: H1N1 POSITIVE", "ID: C3
#: NEG" (a strain, a culture's result).
_INFECTION_RESULT = re.compile(r"(?:[ \t]*(?i:positive|negative|pos|neg|detected|pending)|[+-])"
                               r"(?![\w])")  # ("ID: 4471923 - verified" stays an ID)
_VIRUS = re.compile(r"(?i:H\dN\d|COVID-?19|SARS-?CoV-?2|HIV-?[12]|HSV-?[12]|HPV-?\d{1,2}|CD4)")


#: Words of traffic news around a road's number (the ``road_number`` pattern).
_ROAD_NEWS = re.compile(
    r"(?i)(?<![\w-])(?:motorway|junction|j\d{1,2}|(?:north|south|east|west)bound|closed|closes"
    r"|closure|traffic|diversion|diverted|roadworks|drivers?|lorry|lorries|crash|collision"
    r"|carriageway|slip[ ]road|tailbacks?|queues?)(?![\w-])")


#: A dictated report's first line: its record number and the hospital's code ("018636330
#: DH"), read at the text's start.
_REPORT_HEADER_LINE = r"[ \t]*(?P<value>\d{6,12})[ \t]+[A-Z]{2,6}[ \t]*(?=\r?\n)"
_REPORT_HEADER = re.compile(_REPORT_HEADER_LINE)


def age_valid(text: str) -> bool:
    """An age a person can have."""
    return text.isdigit() and int(text) <= 125


def ip_valid(text: str) -> bool:
    """An IPv4/IPv6 address or interface (with prefix) that ``ipaddress`` accepts."""
    try:
        ipaddress.ip_interface(text)
    except ValueError:
        return False
    return any(c.isdigit() for c in text)


def mac_valid(text: str) -> bool:
    """A MAC address other than all-zeros and broadcast."""
    compact = re.sub(r"[:.-]", "", text).upper()
    return len(compact) == 12 and compact not in ("000000000000", "FFFFFFFFFFFF")


def phone_digits_valid(text: str) -> bool:
    """An international number with 8 to 15 digits (E.164), not counting an extension."""
    number = re.split(r"(?i)x|ext", text, maxsplit=1)[0]
    return 8 <= sum(c.isdigit() for c in number) <= 15


def cued_phone_valid(text: str) -> bool:
    """A national number after a verb of calling: 8 to 12 digits, and no range of years
    ("the 2020-2021 season")."""
    return (8 <= sum(c.isdigit() for c in text) <= 12
            and re.fullmatch(r"(?:19|20)\d\d[ -]+(?:19|20)?\d\d", text) is None)


#: What makes a number a year before it: "in", "in the year", "during", "circa", "c.", "the
#: summer of", "the end of".
_YEAR_CUE = re.compile(
    r"(?i)(?<![\w])(?:in(?:[ \t]+the[ \t]+year)?|during|circa|c\.|ca\."
    r"|(?:spring|summer|autumn|fall|winter|year|end|beginning|start)[ \t]+of)[ \t]+$")
#: After such a number, what makes it a count or a measure ("in 2000 women", "in 1500 mg").
_COUNTED_AFTER = re.compile(
    r"[ \t]+(?:[a-z]+s\b(?<!\bwas)(?<!\bhas)(?<!\bis)(?<!\bas)(?<!\bthis)(?<!\bits)(?<!\bhis)"
    r"(?<!\bthus)|(?:wo)?men\b|children\b|people\b|(?i:hrs?|hours?|h|mg|mcg|g|kg|ml|cc|units?"
    r"|mm)\b)")
#: "from" a year "to" a word (not a clock time: "from 1900 to 2100").
_FROM_CUE = re.compile(r"(?i)(?<![\w])from[ \t]+$")
_TO_A_WORD = re.compile(r"(?i)[ \t]+(?:to|until|through)[ \t]+[^\W\d]")


def year_in_prose_check(match: re.Match[str]) -> bool:
    """A number of a year's shape that a year's cue stands before ("in 1947"), and no count
    after it ("in 2000 women"); or "from" it "to" a word ("from 1939 to the outbreak")."""
    text, start, end = match.string, match.start(), match.end()
    if _YEAR_CUE.search(text, max(0, start - 24), start):
        return _COUNTED_AFTER.match(text, end) is None
    return (_FROM_CUE.search(text, max(0, start - 8), start) is not None
            and _TO_A_WORD.match(text, end) is not None)


#: An amount in a currency written with letters before it: rand, rupees, shillings, naira,
#: ringgit ("Membership is R150 per household", "fee Rs 2500").
_AMOUNT = re.compile(r"(?:R|Rs|KSh|Ksh|N|RM|Rp)[ ]?\d{1,5}(?:[.,]\d{2})?")


def _facility_short_valid(value: str) -> bool:
    """A facility's short form after a transfer (the ``facility_short`` pattern): a listed
    one, or no word of the dictionary; a common word only as a hospital's initials ending in
    its "H" or "MC", three letters or more, that are no clinical shorthand ("SMH"; not a
    nursing home's "NH", "OSH", "TRANSPORTED TO SHORE")."""
    if value in HOSPITAL_SHORT_FORMS:
        return True
    if is_dictionary_word(value):
        return False
    if not is_common_word(value):
        return True
    return len(value) >= 3 and value.endswith(("H", "MC")) and not is_technical_word(value)


def identifier_valid(text: str) -> bool:
    """An identifier after a label: 4+ characters, at least one digit, no product of two
    numbers (a ventilator's "A/C 500x14", a size "3x4") and no amount of money ("R150")."""
    return (len(text) >= 4 and any(c.isdigit() for c in text)
            and re.fullmatch(r"\d+[ \t]*[xX×][ \t]*\d+", text) is None
            and _AMOUNT.fullmatch(text) is None)


def plate_valid(text: str) -> bool:
    """A licence plate: 4 to 10 letters and digits, at least one digit, and no grammar word
    among its parts ("PLATE WITH THE 15 BLADE" in a note in capitals)."""
    compact = re.sub(r"[ -]", "", text)
    if any(part.casefold() in _GRAMMAR_WORDS for part in re.split(r"[ -]", text)):
        return False
    return 4 <= len(compact) <= 10 and any(c.isdigit() for c in compact)


#: Words that are no part of a street's or a plate's name: grammar words, units and spans of
#: time. In a note in capitals the address patterns would otherwise read "6 MONTHS WITH CT",
#: "135 MG PER SQUARE" or "1 WAS UTILIZED TO CLOSE" as a street.
_GRAMMAR_WORDS = FUNCTION_WORDS | frozenset("""
a an on in to per via mg mcg ml cc cm mm kg g mmhg iu units meq fr french
seconds minutes hours days weeks months years
""".split())


def street_check(match: re.Match[str]) -> bool:
    """A street line (the ``number`` and ``name`` groups of ``street_us``) whose number is a
    house number and whose words may name a street: not an instrument's or a suture's size
    ("#26 CUTTING LOOP", "#0 VICRYL LOOP", "4-0 PROLENE DOUBLE ROW"), and no grammar word, unit
    or span of time among its words ("1 WAS UTILIZED TO CLOSE", "MAG 2 G. FELLOW DR", "28 Fr
    CT."; see ``_GRAMMAR_WORDS``)."""
    text, number = match.string, match.start("number")
    if text[max(0, number - 1) : number] == "#" or re.fullmatch(r"\d{1,2}-0", match["number"]):
        return False
    return not any(w.strip(".,").casefold() in _GRAMMAR_WORDS for w in match["name"].split())


#: Whose job it is, right before "job at" ("his job at Kmart", "LOST JOB AT AMAZON").
_JOB_OWNER = re.compile(r"(?<![\w'’-])(?i:his|her|my|their|your|our|a|new|old|lost|former"
                        r"|first|summer|part-time|full-time|dream)[ \t]+$")


def org_cued_check(match: re.Match[str]) -> bool:
    """An organisation after "insurance", "company", "employer" ... that starts with no grammar
    word ("CARRIER WITH A ...", "INSURANCE OF THIS PATIENT"); in capitals, a name of English or
    clinical words only after a cue noun with no colon or bracket is the cue's noun phrase
    ("INSURANCE APPROVAL", "COMPANY PHYSICAL"), while "INSURANCE: BLUE CROSS" and "WORKS FOR
    ACME" stay; after "job at" someone's job in any case ("HIS JOB AT FOOD BAZAAR", not "GOOD
    JOB AT BEDSIDE")."""
    value = match.group("value")
    words = value.split()
    if words[0].casefold() in _GRAMMAR_WORDS:
        return False
    if len(words) == 1 and INSTITUTION.fullmatch(value):
        return False  # a kind of place, no name: "a professor at College"
    between = match.string[match.start() : match.start("value")]
    if between[:3].casefold() == "job":  # someone's job, not praise: "GOOD JOB AT BEDSIDE"
        return (_JOB_OWNER.search(match.string, max(0, match.start() - 16), match.start())
                is not None and not all(map(is_technical_word, words)))
    if any(c.islower() for c in value):
        return True
    if re.search(r"[:(]", between) or re.match(r"(?i:works|employed)", between):
        return True  # "INSURANCE: BLUE CROSS", "WORKS FOR ACME"
    return not all(is_common_word(w) for w in words)


def vin_shape_valid(text: str) -> bool:
    """A bare 17-character token is a VIN only with letters, digits and a right check digit."""
    return any(c.isalpha() for c in text) and checksums.vin_valid(text)


# ============================================================================================
# Regex building blocks
# ============================================================================================

#: A month's name; a dot only after an abbreviation ("Mar. 3"): after "March." it ends the
#: sentence, not the date.
_MONTH = (rf"(?:{_cased(MONTHS, lower_except=MONTHS_NOT_LOWER)})(?![A-Za-z])"
          r"(?:(?<=(?i:jan|feb|mar|apr|jun|jul|aug|sep|ept|oct|nov|dec))\.)?")
#: A record's header line in fields between pipes: a long number first, three pipes or more.
_RECORD_HEADER = re.compile(r"[ \t]*\d{6,12}[ \t]*\|(?:[^|\n]*\|){2}")


def _line_start(text: str, index: int) -> int:
    """Where the line holding ``index`` starts."""
    return text.rfind("\n", 0, index) + 1


#: An age over 89 in words: "ninety", "ninety-two", "a hundred", "one hundred and three".
_AGE_WORDS = (r"(?:ninety(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?"
              r"|(?:(?:one|a)[ -])?hundred(?:[ -](?:and[ -])?(?:ten|eleven|twelve|twenty"
              r"|(?:thir|four|fif|six|seven|eigh|nine)teen|one|two|three|four|five|six|seven"
              r"|eight|nine))?)")
#: What follows a number that is a measure or a reading, not an age: "who is 95 kg", "she was
#: 98% on RA", "she was 98 on RA" (the alternatives of a verbose regex).
_READING_UNITS = r"""%|mg|kg|lbs?|pounds|percent|min|mph|cm|mm|degrees|beats|bpm
                     |on[ ]+(?:ra|room|nc|\d)"""
#: Words of a temperature before a reading in Fahrenheit, which is no age and sex ("T 98 F").
TEMPERATURE_WORDS = ("t", "temp", "temps", "tmax", "tm", "tc", "tcurrent", "temperature",
                     "febrile", "afebrile", "fever", "degrees", "pyrexial", "apyrexial",
                     "oral", "axillary", "rectal", "tympanic")  # where it was taken: "Oral 98F"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
#: A day of the month by its ordinal in words: "ninth", "twenty-first", "thirtieth".
_DAY_WORDS = (r"(?i:(?:twenty|twenty-|thirty-?)?(?:first|second|third|fourth|fifth|sixth|seventh"
              r"|eighth|ninth)|tenth|eleventh|twelfth|(?:thir|four|fif|six|seven|eigh|nine)teenth"
              r"|twentieth|thirtieth)")
_MONTH_NUM = r"(?:1[0-2]|0?[1-9])"
_YEAR4 = r"(?:1[89]|20)\d{2}"
_ORDINAL = r"(?:st|nd|rd|th)"
# Not inside a longer number, a path, a time or an IP address (before / after a date).
_NUM_BEFORE = r"(?<![\w/.:-])"
_NUM_AFTER = r"(?![\w/]|[.:-]\d)"

#: A day and month alone ("3/14"), read from its digits (a cheap first test at each position).
_BARE_MONTH_DAY = r"(?=\d)" + _NUM_BEFORE + rf"{_MONTH_NUM}/{_DAY}" + _NUM_AFTER

_STATE_ABBR = alternation(US_STATES)
#: A day and month of a list, and what joins two of them ("6/21 , 6/22", "3/8 or 3/9").
_LISTED_DAY = rf"{_MONTH_NUM}/{_DAY}(?![\w/]|[.:-]\d)"
_LIST_JOIN = r"[ \t]*(?:,|;|or|and|&)[ \t]*"
#: State abbreviations that are also everyday words or labels ("Patient ID 12345").
_AMBIGUOUS_STATES = r"(?:ID|OR|MS|PA|IN|ME|OK|HI|OH|DE|MD|MO|CO)"
_STATE_NAME = alternation(US_STATES.values()).replace(r"\ ", "[ ]")
_STREET_SUFFIX = _cased(STREET_SUFFIXES + STREET_ABBREVIATIONS)
# A street type at the end of a street line: the full word, or an abbreviation with its dot.
_STREET_END = rf"""(?:(?:{_cased(STREET_SUFFIXES)})\b|(?:{_cased(STREET_ABBREVIATIONS)})\b\.?
                  |(?:{alternation(USPS_SUFFIXES)})\b)"""
_UNIT = _cased(UNIT_WORDS)
_ZIP = r"\d{5}(?:-\d{4})?(?![\w]|-\d)"

_EXTENSION = r"(?:[ ]?(?i:x|ext\.?|extension)[ ]?\d{1,6})?"  # "x123", " ext. 45"
#: A phone number written with its country code: "+44 20 7946 0958", "+44 (0)20 ...".
_PHONE_INTERNATIONAL = (
    r"""
    (?<![\w+])
    \+[1-9]\d{0,2}                            # country code
    (?:[ ]?\(0\)[ ]?\d{1,6}                   # "+44 (0)20": trunk zero
      |[ .-]\d{1,8}                           # first group
    )
    (?:[ .-]\d{1,8}){0,5}                     # more groups, one separator each
    """
    + _EXTENSION
    + r"(?![\w]|[.-]\d)"
)

# The identifier after a label: letters, digits, "-" and "." (inner only), one digit at least.
_ID_VALUE = r"""
    (?P<value>
        (?=(?:\d[ ]?){8})\d{3,5}(?:[ ]\d{1,6}){1,3}(?![\w/.-]\w)  # a number written in groups:
                                        # "2953 41267 1", "PHN: 9874 521 336" (8 digits or more)
        |[A-Z]{1,3}\d{0,2}[ ]\d{5,10}(?![\w/.-]\w)  # or a prefix and a number: "RX1 0092817"
        |(?=[A-Za-z0-9./-]*\d)            # or one token, somewhere in which there is a digit,
        [A-Za-z0-9](?:[A-Za-z0-9./-]*[A-Za-z0-9])?  # no leading / trailing ".", "-" or "/"
    )
    (?![\w])
"""
# Between a label and its value: optional "#"/"no."/"number", then ":" or "=" or "#".
_MARKER = r"(?i:\#|no\.?|nr\.?|num\.?|number|nbr)"
# ("MRN is 4471923", "pt's MRN there 0048812": the record of another hospital)
_TAIL_OPTIONAL = (rf"(?:[ \t]*{_MARKER})?[ \t]*[:=]?[ \t]*\#?[ \t]*"
                  r"(?:(?i:is|was|there|here|ending[ \t]+in)[ \t]+)?")
_TAIL_REQUIRED = rf"[ \t]*(?:{_MARKER}[ \t]*[:=]?|[:=])[ \t]*\#?[ \t]*(?:(?i:is)[ \t]+)?"
#: A court's file number after a bare "no.": four to six digits and the year ("41872/98"), or
#: the year first ("1997/4521").
_COURT_NO = r"(?:\d{4,6}/\d{2}|(?:19|20)\d{2}/\d{1,6})"
#: A domestic court's file number after a bare "no.": the shapes above, the year last
#: ("287/2019"), a letter prefix ("P-4127/98"), a register's parts ("I C 1322/95"), a
#: chamber's number ("2(102)-1134/10"), a register's letters between number and year
#: ("C.C. No. 1893/SS/2015"), a prosecutor's office and register ("PR 2 Ds 117/12").
_COURT_FILE = (rf"(?:(?:[A-Z]{{1,3}}-)?(?:{_COURT_NO}|\d{{1,6}}/(?:19|20)\d{{2}})"
               r"|[IVX]{1,4}[ \t]+[A-Z][A-Za-z]{0,4}[ \t]+\d{1,6}/\d{2,4}"
               r"|\d{1,3}\(\d{1,4}\)-\d{1,6}/\d{2,4}"
               r"|\d{1,6}/[A-Z]{1,4}/(?:19|20)\d{2}"
               r"|[A-Z]{1,3}[ \t]+\d{1,2}[ \t]+[A-Z][a-z]{1,2}[ \t]+\d{1,6}/\d{2,4})")


def _iban_regex(*, lower: bool = False) -> str:
    """One alternative per IBAN length, listing the countries with that length; in capitals,
    or (``lower``) in lower case, as a message typed or folded to lower case writes it (one
    regex per case: one that ignores case runs four times slower)."""
    by_length: dict[int, list[str]] = defaultdict(list)
    for country, length in checksums.IBAN_LENGTHS.items():
        by_length[length - 4].append(country.lower() if lower else country)
    char = "[a-z0-9]" if lower else "[A-Z0-9]"
    alternatives = []
    for body, countries in sorted(by_length.items()):
        groups, rest = divmod(body, 4)
        tail = rf"[ ]?{char}{{{rest}}}" if rest else ""
        alternatives.append(
            rf"(?:{'|'.join(sorted(countries))})\d{{2}}(?:[ ]?{char}{{4}}){{{groups}}}{tail}"
        )
    head = "[a-z]{2}\\d{2}" if lower else "[A-Z]{2}\\d{2}"
    return (
        f"(?={head})                  # (a cheap first test: a country and two digits)\n"
        "(?<![A-Za-z0-9])              # not inside a longer token\n"
        f"(?:{'|'.join(alternatives)})  # country, check digits, groups of 4 for that length\n"
        "(?![A-Za-z0-9])"
    )


#: A label that ends its line with a colon, its value alone on the next line, as a dictated
#: report's header writes them ("UNIT NUMBER :\n418-83-32"); such a value holds three digits.
_NEXT_LINE = rf"""(?P<next_line>[ \t]*(?:{_MARKER}[ \t]*)?:[ \t]*\r?\n[ \t]*)
    (?=(?:[A-Za-z./-]*\d){{3}})"""


def _labelled(labels: str, marker_required: bool) -> str:
    """Case-insensitive ``labels``, the marker (optional or not), then the identifier, on the
    label's line or alone on the next."""
    tail = _TAIL_REQUIRED if marker_required else _TAIL_OPTIONAL
    return (rf"(?<![\w/])(?i:{labels})\b(?:{_NEXT_LINE}|{tail}){_ID_VALUE}"
            r"(?(next_line)[ \t]*(?=\r?\n|\Z))")


def _postal_line(*, code_group: bool) -> str:
    """A line holding a European postal code and a place name, and nothing else."""
    code = (r"(?:[A-Z]{1,2}-)?(?:\d{5}|\d{2}-\d{3}"
            r"|(?!(?:19|20)\d\d[ \t]+[A-Z][a-z])\d{4}(?:[ ]?[A-Z]{2}(?=[ \t]))?)")
    word = r"[A-Za-zÀ-ÿĀ-ɏ'’.-]"
    place = rf"[A-ZÀ-ÝĀ-ɏ]{word}+(?:[ -][A-ZÀ-Ýa-zà-ÿĀ-ɏ]{word}*){{0,3}}"
    not_street = rf"(?!.*\b(?:{_STREET_SUFFIX})\b)"
    if code_group:
        code, place = f"(?P<value>{code})", place
    else:
        place = f"(?P<value>{place})"
    return rf"(?m)^[ \t]*{code}[ \t]+{not_street}{place}[ \t]*(?:\r?$|,)"


#: Last words that make capitalised words an organisation or a clinic.
_ORG_SUFFIX = alternation((
    "Inc", "Incorporated", "LLC", "LLP", "Ltd", "Limited", "GmbH", "AG", "SA", "SAS", "BV", "NV",
    "PLC", "Corp", "Corporation", "Company", "Co", "Group", "Holdings", "Partners", "Associates",
    "Industries", "Manufacturing", "Systems", "Technologies", "Solutions", "Logistics", "Lines",
    "Foods", "Staffing", "Authority", "Bank", "Insurance", "Capital", "Ventures", "Consulting",
    "Properties", "Realty", "Management", "Enterprises", "Foundation", "Trust", "Agency", "VNA",
    "University", "College", "Academy", "Institute", "School", "District", "Constabulary",
    "Association", "Society", "Federation", "Fellowship", "Cooperative", "Co-operative",
    # movements, guilds and observatories: "the Green Belt Movement", "the Ethical Tea
    # Partnership", "the Catholic Women's Social Guild", "Kandilli Observatory", "the Royal
    # Institution"
    "Movement", "Partnership", "Guild", "Observatory", "Institution",
    # legal forms abroad (the final dot is matched after the suffix): "Tanguy S.A.", "Nokia Oyj";
    # not "AB" or "SL" (blood group AB, sublingual)
    "S.A", "S.L", "S.p.A", "SpA", "S.r.l", "Srl", "SRL", "SARL", "Oy", "Oyj", "A/S",
    "ApS", "ASA", "K.K", "Pty", "Bhd", "Tbk", "s.c", "sp. z o.o", "a.s", "s.r.o", "d.o.o", "Kft",
    "Zrt", "Lda", "Ltda",
))  # fmt: skip
_FACILITY_SUFFIX_WORDS = (
    "Hospital", "Clinic", "Medical Center", "Medical Centre", "Health Center", "Health Centre",
    "Medical Group", "Family Practice", "Family Medicine", "Internal Medicine", "Pediatrics",
    "Paediatrics", "Dermatology", "Orthopedics", "Orthopaedics", "Cardiology", "Oncology",
    "Neurology", "Urology", "Radiology", "Rehabilitation Center", "Nursing Home", "Hospice",
    "Urgent Care", "Surgery Center", "Dental", "Dentistry", "Pharmacy", "Health System",
    "Healthcare", "Medical Associates", "Women's Health", "Eye Care", "Physical Therapy",
)  # fmt: skip
_FACILITY_SUFFIX = alternation(_FACILITY_SUFFIX_WORDS)
_FACILITY_SUFFIX_FOLDED = frozenset(w.casefold() for p in _FACILITY_SUFFIX_WORDS
                                    for w in re.findall(r"[\w'’]+", p))
#: A family's words: "Father and Sons" is no firm.
_KIN_WORDS = alternation(("Father", "Mother", "Mum", "Mom", "Dad", "Grandfather", "Grandmother",
                           "Parents", "Husband", "Wife", "Daughters", "Sons", "Brothers"))
#: Words that are not a name on their own ("Internal Medicine" is no clinic's name).
_GENERIC_ORG_WORDS = alternation((
    "The", "A", "An", "Our", "Your", "His", "Her", "Their", "This", "That", "Internal", "Family",
    "General", "Emergency", "Regional", "Community", "Medical", "Primary", "Urgent", "Behavioral",
    "Mental", "Public", "National", "Central", "Main", "New", "Local", "Department", "Dept",
    "Human", "Claims", "Accounts", "Patient", "Insurance", "Health", "Care", "Dental", "Eye",
    "Physical", "Women's", "Children's", "Pediatric", "Surgical", "Surgery", "Hospital",
    "Clinic", "Center", "Centre", "Dear", "To", "From", "At", "In", "On", "By", "For", "With",
    "Seen", "Referred", "Call", "Contact", "Visit", "Please", "If", "And", "Or", "Member", "ID",
    "Policy", "Plan", "Group", "Card", "Number", "No", "Claim", "Claims", "Subscriber", "Info",
    "Case", "Self", "Uninsured", "None", "Pending", "Unknown",
))  # fmt: skip


# ============================================================================================
# Context words
# ============================================================================================

CTX_PHONE = ("phone", "tel", "telephone", "cell", "mobile", "call", "contact", "ph", "pager",
             "fax", "home", "work")  # fmt: skip
#: "Fax:", "Tel/Fax", "F:" (as printed on letterheads) just before a number make it a fax.
_FAX: dict[str, Any] = {
    "relabel": "FAX_NUMBER",
    "relabel_context": ("fax", "facsimile", "telefax", "f"),
}
#: A French NIR without its key: sex, year, month, department (Corsica 2A/2B), commune, order.
_NIR = (
    r"(?<![\w.-])[1278](?P<sep>[ .]?)\d{2}(?P=sep)\d{2}(?P=sep)(?:\d{2}|2[AB])"
    r"(?P=sep)\d{3}(?P=sep)\d{3}"
)
_CTX_NIR = ("nir", "sécurité sociale", "securite sociale", "insee", "sécu", "secu")
CTX_SSN = ("ssn", "ssns", "ss#", "ss #", "social security", "soc sec", "social")
CTX_ITIN = ("itin", "taxpayer", "tax id", "tin", "individual taxpayer")
CTX_CARD = ("card", "credit", "debit", "visa", "mastercard", "maestro", "amex", "american express",
            "discover", "jcb", "diners", "cc", "payment")  # fmt: skip
CTX_DATE = ("date", "dated", "dob", "born", "seen", "admitted", "admission", "discharged",
            "discharge", "since", "until", "visit", "dos", "surgery", "appt", "appointment",
            "scheduled", "expires", "exp", "on", "by", "due", "from", "through", "thru",
            "before", "after", "between", "effective", "starting", "updated", "charged",
            "week of", "dated", "du", "le", "am", "vom")  # fmt: skip
#: Clinical events that a bare "7/3" after them dates ("last colonoscopy 7/3", "labs drawn 3/4").
CTX_MONTH_DAY = (
    *CTX_DATE,
    "last", "next", "note", "colonoscopy", "mammogram", "vaccine", "vaccinated", "shot", "labs",
    "drawn", "started", "stopped", "placed", "removed", "f/u", "follow-up", "followup", "ct",
    "mri", "cxr", "echo", "ekg", "ecg", "biopsy", "procedure", "called", "admit", "tested",
    "result", "results", "returned", "received", "sent", "faxed", "signed", "pod", "s/p",
    "admissions", "postop", "post-op", "diagnosed", "dx", "readmitted", "hospitalized",
    "hospitalization", "dated", "to or", "transferred", "intubated", "extubated", "cath",
    "meeting", "consented", "discussed", "addendum", "trough", "level", "peak", "culture",
    "cx", "see", "d/c", "d/c'd", "dc'd", "given", "egd", "ercp", "dccv", "tee", "tte",
    "bronch", "bronchoscopy", "paracentesis", "thoracentesis", "floor", "call out", "repeat",
    "clinic", "eval", "evaluation", "coiled", "clipped", "stented", "embolized", "scheduled",
    "inserted", "trached", "pegged", "extubation", "intubation", "trach", "peg", "decannulated",
    "expected", "booked", "exam", "angio",
    # a result's date ("C DIFF NEG 12/19") and a clinic's appointment ("DIABETES CENTER 11/21")
    "neg", "center", "centre",
    # a placement's dates in case management ("bed avail 4/22", "VNA SOC 10/3", "auth thru 5/2")
    "avail", "available", "soc", "accepted", "approved", "auth", "authorized", "transport",
    # events of a summary's course ("resumed at home dose 8/6", "the evening of 3/1", "switched
    # to po amox-clav 1/8", "to the stroke unit 6/12", "L&D triage 9/18")
    # (a time of day or a dose only as "... of", "home dose": "1/2 tab at night" is a fraction)
    "resumed", "restarted", "switched", "changed", "weaned", "held", "evening of",
    "morning of", "night of", "presented", "presenting", "triage", "unit", "home dose", "hd",
    "spaced",
    # a stay's admission and a family's meeting ("ADM 4/30", "FAMILY MTG 11/8", "to meet w/
    # mother 7/16")
    "adm", "mtg", "meet",
    # a weekday before the date ("Tues 2/14", "FRI 3/6")
    "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs",
    "thursday", "fri", "friday", "sat", "saturday", "sun", "sunday")  # fmt: skip
#: Clinical events that a bare month/two-digit year after them dates ("s/p AVR 6/81").
CTX_MONTH_YEAR = ("s/p", "status post", "since", "dx", "diagnosed", "hx", "history of",
                  "surgery", "admitted", "admission", "admissions", "hospitalized", "last",
                  "prior", "baseline", "cabg", "avr", "mvr", "pci", "stent", "mi", "cva", "dvt",
                  "repair", "replacement", "resection", "ectomy")  # fmt: skip
#: Words before a dotted number that make it a version, not a date.
NOT_DATE = ("version", "ver", "v", "release", "build", "rev", "revision", "firmware", "software",
            "update", "patch", "python", "java", "ios", "android")  # fmt: skip
CTX_ADDRESS = ("address", "addr", "lives at", "resides at", "residing at", "home",
               "mailing", "street", "located at")  # fmt: skip
CTX_POSTCODE = ("postcode", "post code", "postal code", "zip", "address", "london")

# ============================================================================================
# Evasions: numbers spaced out or broken over a line, e-mail addresses spelled out
# ============================================================================================
# Detection reads a normalised view (redactor.detect.normalize): zero-width characters are
# gone and fullwidth forms, Unicode spaces and dashes, other scripts' digits are folded there.
# These patterns catch what folding cannot.

#: A line break inside a number, with the number's dash before or after it ("617-555-\n0143").
_WRAP = r"(?:[ \t]*-?[ \t]*\r?\n[ \t]*-?[ \t]*)"
#: Top-level domains of e-mail addresses written out in words ("ana at gmail dot com").
_SPELLED_TLD = alternation((
    "com", "org", "net", "edu", "gov", "mil", "int", "io", "co", "info", "biz", "me", "us", "uk",
    "ca", "au", "nz", "ie", "de", "fr", "nl", "be", "ch", "at", "es", "it", "pt", "se", "no",
    "dk", "fi", "pl", "cz", "ru", "br", "mx", "ar", "in", "jp", "cn", "kr", "za", "eu",
))  # fmt: skip
#: Mail providers: "jsmith at gmail dot com" is an address without any other sign.
_MAIL_PROVIDERS = frozenset(
    "gmail googlemail yahoo ymail hotmail outlook live msn aol icloud me mac proton protonmail "
    "pm gmx web yandex mail zoho fastmail hey tutanota comcast verizon att sbcglobal".split()
)
#: Words before "at" or after it that make "X at Y dot com" prose ("look at the dot com era").
_SPELLED_NOT = frozenset(
    "the a an this that these those my your his her our their its look looking looked arrived "
    "stay stayed is are was were be been am me him them us it we they you i he she who one "
    "all home work school".split()
)
_SPELLED_SPLIT = re.compile(r"[ ]+(?:at|AT|At)[ ]+")


def _spelled_parts(text: str) -> tuple[str, str]:
    local, host = _SPELLED_SPLIT.split(text, maxsplit=1)
    return local, re.split(r"[ .]", host, maxsplit=1)[0]


def spelled_email_plausible(text: str) -> bool:
    """"ana at host dot com" that is not prose: neither side a pronoun, article or the like."""
    local, host = _spelled_parts(text)
    return local.lower() not in _SPELLED_NOT and host.lower() not in _SPELLED_NOT


def spelled_email_valid(text: str) -> bool:
    """A spelled-out address that needs no context: a local part with a digit, dot,
    underscore, plus or hyphen ("j.smith at ..."), or a mail provider's host."""
    local, host = _spelled_parts(text)
    return spelled_email_plausible(text) and (
        any(not c.isalpha() for c in local) or host.lower() in _MAIL_PROVIDERS
    )


def _compact_valid(check: Callable[[str], bool]) -> Callable[[str], bool]:
    """``check`` on the text without its spaces and line breaks ("1 2 3-4 5-6 7 8 9")."""
    return lambda text: check(re.sub(r"[ \t\r\n]+", "", text))


def _wrapped(check: Callable[[str], bool]) -> Callable[[str], bool]:
    """A number broken over a line: a line break in it, and ``check`` on it joined."""
    return lambda text: "\n" in text and check(re.sub(r"[ \t]*\r?\n[ \t]*", "", text))


_CJK_NUMERALS = "〇零一二三四五六七八九十"


def cjk_date_valid(text: str) -> bool:
    """"2021年3月3日", "3月3日", "2021년 3월 3일": a month 1-12 and a day 1-31 (numerals in
    CJK characters are not checked)."""
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    if len(numbers) < 2:
        return any(c in _CJK_NUMERALS for c in text)
    if re.search(r"\d[ ]?[年년]", text):
        numbers = numbers[1:]
    month, *day = numbers
    return 1 <= month <= 12 and all(1 <= d <= 31 for d in day)


# ============================================================================================
# The patterns
# ============================================================================================

PATTERNS: tuple[Pattern, ...] = (
    # ---------------------------------------------------------------- e-mail, URL, network
    Pattern(
        name="email",
        label="EMAIL_ADDRESS",
        regex=r"""
            (?<![\w.!#$%&'*+/=?^`{|}~-])          # start of the local part
            [\w!#$%&'*+/=?^`{|}~-]++              # local part: dot-free runs ...
            (?:\.[\w!#$%&'*+/=?^`{|}~-]++)*+      # ... joined by single dots (possessive:
            @                                     # no memory per character of "a.a.a...")
            (?:[^\W_](?:[\w-]{0,61}[^\W_])?\.){1,127}   # domain labels, each with a dot
            [^\W\d_]{2,63}                        # top-level domain: letters only
            (?![\w-])
        """,
        score=0.9,
        context=("email", "e-mail", "mail"),
    ),
    Pattern(
        name="email_obfuscated",
        label="EMAIL_ADDRESS",
        # "john.smith [at] gmail [dot] com", "jsmith(at)uni-bonn.de", "ana {at} example {dot} org"
        regex=r"""
            (?<![\w.+-])[\w+-]++(?:\.[\w+-]++)*+
            [ ]?(?:\[at\]|\(at\)|\{at\}|\[@\]|\(@\))[ ]?
            (?:[^\W_][\w-]*(?:[ ]?(?:\[dot\]|\(dot\)|\{dot\})[ ]?|\.)){1,127}
            [^\W\d_]{2,24}(?![\w-])                    # the top-level domain: letters
        """,
        score=0.8,
    ),
    Pattern(
        name="url",
        label="URL",
        regex=r"""
            (?<![\w@.:/-])                        # not inside a word, e-mail or other URL
            (?:(?:https?|ftp)://|www\d{0,3}\.)    # scheme, or a bare www. host
            (?=[^\W_])                            # host starts with a letter or digit
            (?:[^\s<>"'()\[\]{}|\\^`.,;:!?*]++     # URL characters but brackets ...
              |[.,;:!?*]++(?=[^\s<>"'()\[\]{}|\\^`.,;:!?*]|\()  # ... punctuation inside
              |\([^\s<>"'()]*+\)                  # ... or a balanced "(...)" group
            )++                                   # a sentence's final "." is not the URL's;
        """,  # possessive (++): the engine keeps no backtracking state per character
        score=0.85,
        context=("url", "website", "web", "link", "site"),
        flags=re.IGNORECASE,
    ),
    Pattern(
        name="url_bare_domain",
        label="URL",
        regex=r"""
            (?<![\w@.:/-])                        # not inside a word, an e-mail, a URL
            (?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){1,127}   # host labels (DNS: 127 at most)
            (?:com|org|net|edu|gov|mil|io|info|biz|us|uk|ca|de|fr|eu|nl|au|ch|health|app|dev)
            (?![\w@-])                            # the whole last label, not an e-mail's
            (?:/(?:[^\s<>"'()\[\]{}|\\^`.,;:!?*]++   # optional path, as in "url" above
                |[.,;:!?*]++(?=[^\s<>"'()\[\]{}|\\^`.,;:!?*]|\()
                |\([^\s<>"'()]*+\))*+)?
            (?<![.,;:!?*])                        # no sentence-final punctuation
        """,
        score=0.5,
        context=("url", "website", "web", "link", "site", "visit"),
        flags=re.IGNORECASE,
    ),
    Pattern(
        name="ipv4",
        label="IP_ADDRESS",
        regex=r"""
            (?<![\w.])                                        # not after a digit or a dot
            (?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}      # three octets 0-255 + dot
            (?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)               # fourth octet
            (?:/(?:3[0-2]|[12]?\d))?                          # optional CIDR prefix
            (?![\w]|\.\d)                                     # not a 5th part
        """,
        score=0.8,
        validate=ip_valid,
        context=("ip", "ipv4", "address", "host", "server"),
    ),
    Pattern(
        name="ipv6",
        label="IP_ADDRESS",
        # presidio-analyzer's IPv6 regex (full and "::"-compressed forms), zone id, prefix.
        regex=r"""
            (?<![\w:])
            (?=[0-9A-Fa-f]{0,4}:[0-9A-Fa-f]{0,4}:)            # quick reject: two colons ahead
            (?:(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}
              |(?:[0-9A-Fa-f]{1,4}:){1,7}:
              |(?:[0-9A-Fa-f]{1,4}:){1,6}:[0-9A-Fa-f]{1,4}
              |(?:[0-9A-Fa-f]{1,4}:){1,5}(?::[0-9A-Fa-f]{1,4}){1,2}
              |(?:[0-9A-Fa-f]{1,4}:){1,4}(?::[0-9A-Fa-f]{1,4}){1,3}
              |(?:[0-9A-Fa-f]{1,4}:){1,3}(?::[0-9A-Fa-f]{1,4}){1,4}
              |(?:[0-9A-Fa-f]{1,4}:){1,2}(?::[0-9A-Fa-f]{1,4}){1,5}
              |[0-9A-Fa-f]{1,4}:(?::[0-9A-Fa-f]{1,4}){1,6}
              |:(?::[0-9A-Fa-f]{1,4}){1,7}
            )
            (?:%[0-9A-Za-z]+)?                                # zone id
            (?:/(?:12[0-8]|1[01]\d|[1-9]?\d))?                # prefix length
            (?![\w:]|\.\d)
        """,
        score=0.8,
        validate=ip_valid,
        context=("ip", "ipv6", "address", "host"),
    ),
    Pattern(
        name="ipv4_mapped_ipv6",
        label="IP_ADDRESS",
        regex=r"""
            (?<![\w:])
            ::(?:ffff(?::0{1,4})?:)?                          # ::ffff: prefix
            (?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)
            (?![\w]|\.\d)
        """,
        score=0.8,
        validate=ip_valid,
        flags=re.IGNORECASE,
    ),
    Pattern(
        name="mac",
        label="MAC_ADDRESS",
        regex=r"""
            (?<![\w:.-])
            [0-9A-Fa-f]{2}(?P<sep>[:-])(?:[0-9A-Fa-f]{2}(?P=sep)){4}[0-9A-Fa-f]{2}   # 00:1A:...
            (?![\w]|[:-]\w)
        """,
        score=0.85,
        validate=mac_valid,
        context=("mac", "hardware", "ethernet", "wifi", "physical"),
    ),
    Pattern(
        name="mac_cisco",
        label="MAC_ADDRESS",
        regex=r"""
            (?<![\w.])
            [0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}    # 0012.3456.789A
            (?![\w]|\.\w)
        """,
        score=0.6,
        validate=mac_valid,
        context=("mac", "hardware", "ethernet", "wifi", "physical"),
    ),
    # ---------------------------------------------------------------- phone and fax
    Pattern(
        name="phone_us",
        label="PHONE_NUMBER",
        regex=r"""
            (?<![\w+./-])                            # not inside a longer number or path
            (?:\+?1[ .-]?)?                           # country code
            (?:\([2-9]\d{2}\)[ ]?[2-9]\d{2}[ .-]\d{4}     # (617) 555-0143
              |[2-9]\d{2}(?P<sep>[ .-])[2-9]\d{2}(?P=sep)\d{4}   # 617-555-0143, 617.555.0143
              |[2-9]\d{2}[ ][2-9]\d{2}-\d{4}                   # 617 555-0143
            )
        """
        + _EXTENSION
        + r"(?![\w]|[.-]\d)",
        score=0.7,
        context=CTX_PHONE,
        **_FAX,
    ),
    Pattern(
        name="phone_international",
        label="PHONE_NUMBER",
        regex=_PHONE_INTERNATIONAL,
        score=0.7,
        validate=international_phone_valid,  # a valid number of its country (phonenumbers)
        context=CTX_PHONE,
        **_FAX,
    ),
    Pattern(
        name="phone_national",
        label="PHONE_NUMBER",
        # a British, Irish or Australian number written at home, with its trunk zero, in two
        # or three groups: "01865 572 192", "087 123 4567", "07 3123 4567", a British mobile's
        # "07700 900431" (a valid one only)
        regex=r"""
            (?<![\w+./-])0\d{1,4}[ ](?:\d{3,4}(?:[ ]\d{3,4})?|\d{6})(?![\w]|[.-]\d)
        """,
        score=0.6,
        validate=national_phone_valid,
        context=CTX_PHONE,
        **_FAX,
    ),
    Pattern(
        name="phone_international_doubtful",
        label="PHONE_NUMBER",
        regex=_PHONE_INTERNATIONAL,  # a length its country uses, no number range it has
        score=0.4,
        validate=international_phone_doubtful,
        context=CTX_PHONE,
        **_FAX,
    ),
    Pattern(
        name="phone_fr",
        label="PHONE_NUMBER",
        # 01 23 45 67 89, 06.12.34.56.78
        regex=r"(?<![\w+.-])0[1-9](?P<sep>[ .-]?)\d{2}(?:(?P=sep)\d{2}){3}(?![\w]|[ .-]\d)",
        score=0.55,
        context=CTX_PHONE,
        **_FAX,
    ),
    Pattern(
        name="phone_international_compact",
        label="PHONE_NUMBER",
        regex=r"(?<![\w+])\+[1-9]\d{7,14}(?![\w]|[.-]\d)",  # +442079460958
        score=0.6,
        validate=international_phone_valid,
        context=CTX_PHONE,
        **_FAX,
    ),
    Pattern(
        name="phone_international_compact_doubtful",
        label="PHONE_NUMBER",
        regex=r"(?<![\w+])\+[1-9]\d{7,14}(?![\w]|[.-]\d)",
        score=0.4,
        validate=international_phone_doubtful,
        context=CTX_PHONE,
        **_FAX,
    ),
    Pattern(
        name="phone_us_bare",
        label="PHONE_NUMBER",
        # ten digits in the North American plan's shape, alone: a phone number ("not answering
        # at 2299128705"), unless the label of another number stands just before it
        regex=r"(?<![\w+./-])[2-9]\d{2}[2-9]\d{6}(?![\w]|[.-]\d)",  # 6175550143
        score=0.55,
        context=CTX_PHONE,
        exclude_context=("order", "invoice", "tracking", "ticket", "ref", "reference", "case",
                         "serial", "model", "part", "isbn", "item", "sku", "batch", "lot"),
        **_FAX,
    ),
    Pattern(
        name="phone_us_local",
        label="PHONE_NUMBER",
        regex=r"(?<![\w+./)-])(?<!\)[ ])[2-9]\d{2}-\d{4}"  # 555-0143, not in "(617) 555-0143"
        + _EXTENSION
        + r"(?![\w]|[.-]\d)",
        score=0.3,
        context=CTX_PHONE,
        requires_context=True,
        **_FAX,
    ),
    Pattern(
        name="phone_cued",
        label="PHONE_NUMBER",
        # a national number of any country written without a country code, right after a verb
        # of calling (and whom: "called Garba at 0810-202-1150"), "my number is" or a hand
        # phone's label: "to ring 602984125", "my number is 092823 87823", "Contact for the
        # policyholder: 093013 90094", "Wife to call if any qns, HP 8224 6619"
        regex=r"""
            (?=[rRcCpPtTnNmMhH])                # (a cheap first test at each position)
            (?:(?i:\b(?:r[ia]ng|call(?:ed)?|phoned?|text(?:ed)?|reach(?:ed)?|contact(?:ed)?))
               (?:(?i:[ ](?:me|him|her|them|us))?(?i:[ ](?:on|at))?
                 |(?:[ ][A-ZÀ-Þ][\w'’-]+){1,3}[ ](?i:on|at))
              |(?i:\b(?:number|mobile|cell)[ ](?:is|:)|\b(?:mobile|cell|tel)[ ]?:
                 |\bcontact[ ](?:for|of)[ ][^:\n\d]{1,30}:)
              |\b(?:HP|H/P|(?i:handphone))(?:[ ]?:)?)[ ]*  # a hand phone's: "HP 8224 6619"
            (?P<value>(?<![\w+])\d[\d -]{6,14}\d)(?![\w]|[.,-]\d)
        """,
        score=0.7,
        group="value",
        validate=cued_phone_valid,
    ),
    Pattern(
        name="pager",
        label="PHONE_NUMBER",
        # Hospital pagers have short numbers: "pager #12345", "beeper 42345", "pgr: 4471",
        # "beeper 4-2291", "pager x7-4410", "DR FERREIRA PAGED AT 4-7723" (not the time a
        # doctor was paged at: "paged at 0418 (pager 4-2231)")
        regex=r"""
            (?<![\w])(?i:pager|beeper|bleep|pgr|paged[ \t]+(?:at|via))(?![A-Za-z])[ \t]*
            (?i:\#|no\.?|number)?[ \t]*
            [:=]?[ \t]*\#?[ \t]*(?P<value>x?(?:\d{3,7}|\d{1,2}-\d{4}))(?![\w]|[.-]\d)
        """,
        score=0.8,
        group="value",
        check=lambda match: not (
            match.group()[:5].casefold() == "paged"
            and CLOCK.fullmatch(match.group("value")) is not None),
    ),
    Pattern(
        name="phone_extension_short",
        label="PHONE_NUMBER",
        # A hospital's extension after "x" at a signature's end: "K. Doherty, LICSW x4-5562".
        regex=r"(?=[xX])(?<![\w/.-])[xX](?P<value>\d-\d{4})(?![\w/-]|\.\d)",
        score=0.6,
        group="value",
    ),
    Pattern(
        name="phone_extension_word",
        label="PHONE_NUMBER",
        # ... after "ext" ("Interpreter Services ext 4-2210", "ext. 44102"); not a knee's
        # extension ("EXT 5/5", "extension 160")
        regex=r"""(?=[eE])(?<![\w/.-])(?i:ext|extn)\.?[ \t]*\#?[ \t]*
                  (?P<value>x?(?:\d-\d{4}|\d{4,5}))(?![\w/]|[.-]\d)""",
        score=0.6,
        group="value",
    ),
    Pattern(
        name="phone_extension_after_number",
        label="PHONE_NUMBER",
        # ... and right after a phone number, of any length: "617-555-0933, EXT 214 AT WORK",
        # "(508) 555-0143 x12"
        regex=r"""(?<=\d{3}[-. ]\d{4})[ \t]*,?[ \t]*(?i:ext|extn|x)\.?[ \t]*
                  (?P<value>\d{1,5})(?![\w/]|[.-]\d)""",
        score=0.6,
        group="value",
    ),
    Pattern(
        name="phone_extension_signed",
        label="PHONE_NUMBER",
        # ... and after "x", of four or five digits, at the end of a line signed with a
        # credential ("Stacy Bishop RN CM x4471", "Beatriz Olaniyan, LCSW  x4471"; not a
        # post's "follow me please x1435")
        regex=r"(?=x)(?:(?<=[A-Z]{2}[ \t])|(?<=[A-Z]{2}[ \t]{2}))x(?P<value>\d{4,5})"
              r"(?=[ \t]*(?:\n|\Z))",
        score=0.6,
        group="value",
    ),
    Pattern(
        name="pager_paged",
        label="PHONE_NUMBER",
        # a pager's number of the hospital's shape right after "paged": "DR SAITO PAGED 4-3721",
        # "FELLOW PAGED X2 (#2-7714)", "FELLOW PAGED #41762" (not a clock time: "paged 1400")
        regex=r"""
            (?=[Pp])(?<![\w])(?i:paged)(?:[ \t]+(?i:x)[ \t]?\d)?[ \t]*\(?[ \t]*\#?[ \t]*
            (?P<value>\d{1,2}-\d{4}|(?<=\#)\d{4,6})(?![\w]|[.-]\d)
        """,
        score=0.8,
        group="value",
    ),
    # ---------------------------------------------------------------- US SSN / ITIN
    Pattern(
        name="ssn",
        label="US_SSN",
        regex=r"(?<![\w.-])\d{3}-\d{2}-\d{4}(?![\w]|[.-]\d)",  # 078-05-1121
        score=0.7,
        validate=checksums.ssn_valid,
        context=CTX_SSN,
    ),
    Pattern(
        name="ssn_spaced",
        label="US_SSN",
        regex=r"(?<![\w.-])\d{3}(?P<sep>[ .])\d{2}(?P=sep)\d{4}(?![\w]|[ .-]\d)",  # 078 05 1121
        score=0.5,
        validate=checksums.ssn_valid,
        context=CTX_SSN,
    ),
    Pattern(
        name="ssn_bare",
        label="US_SSN",
        regex=r"(?<![\w.-])\d{9}(?![\w]|[.-]\d)",  # 078051121 only next to "SSN"
        score=0.3,
        validate=checksums.ssn_valid,
        context=CTX_SSN,
        requires_context=True,
    ),
    Pattern(
        name="itin",
        label="US_ITIN",
        regex=r"(?<![\w.-])9\d{2}(?P<sep>[- ])\d{2}(?P=sep)\d{4}(?![\w]|[.-]\d)",
        score=0.7,
        validate=checksums.itin_valid,
        context=CTX_ITIN,
    ),
    Pattern(
        name="itin_bare",
        label="US_ITIN",
        regex=r"(?<![\w.-])9\d{8}(?![\w]|[.-]\d)",
        score=0.3,
        validate=checksums.itin_valid,
        context=CTX_ITIN,
        requires_context=True,
    ),
    # ---------------------------------------------------------------- evasions (issue 13)
    Pattern(
        name="ssn_digit_spaced",
        label="US_SSN",
        # "1 2 3 - 4 5 - 6 7 8 9": one space between digits, a dash between the groups
        regex=r"""
            (?<![\w.-])(?<!\d[ ])
            \d[ ]\d[ ]\d[ ]?-[ ]?\d[ ]\d[ ]?-[ ]?\d[ ]\d[ ]\d[ ]\d
            (?![ ]?\d|\w)(?![ ]?[-.][ ]?\d)
        """,
        score=0.6,
        validate=_compact_valid(checksums.ssn_valid),
        context=CTX_SSN,
    ),
    Pattern(
        name="ssn_digit_spaced_bare",
        label="US_SSN",
        # "SSN 1 2 3 4 5 6 7 8 9": nine digits one by one, only next to "SSN"
        regex=r"(?<![\w.-])(?<!\d[ ])\d(?:[ ]\d){8}(?![ ]?\d|\w)(?![ ]?[-.][ ]?\d)",
        score=0.3,
        validate=_compact_valid(checksums.ssn_valid),
        context=CTX_SSN,
        requires_context=True,
    ),
    Pattern(
        name="phone_digit_spaced",
        label="PHONE_NUMBER",
        # "6 1 7 - 5 5 5 - 0 1 4 3", "( 6 1 7 ) 5 5 5 - 0 1 4 3": ten digits one by one
        regex=r"""
            (?<![\w.-])(?<!\d[ ])
            (?:\([ ]?\d[ ]\d[ ]\d[ ]?\)[ ]?|\d[ ]\d[ ]\d[ ]?[-.][ ]?)    # area code
            \d[ ]\d[ ]\d[ ]?[-.][ ]?\d[ ]\d[ ]\d[ ]\d                   # 555 - 0143
            (?![ ]?\d|\w)(?![ ]?[-.][ ]?\d)
        """,
        score=0.7,
        context=CTX_PHONE,
        **_FAX,
    ),
    Pattern(
        name="phone_digit_spaced_local",
        label="PHONE_NUMBER",
        # "call 5 5 5 - 1 2 3 4", "phone 6 1 7 5 5 5 0 1 4 3": only next to a phone word
        regex=r"""
            (?<![\w.-])(?<![\d)-][ ])
            (?:\d[ ]\d[ ]\d[ ]?-[ ]?\d[ ]\d[ ]\d[ ]\d|\d(?:[ ]\d){9})
            (?![ ]?\d|\w)(?![ ]?[-.][ ]?\d)
        """,
        score=0.3,
        context=CTX_PHONE,
        requires_context=True,
        **_FAX,
    ),
    Pattern(
        name="ssn_wrapped",
        label="US_SSN",
        # "078-05-\n1121": an SSN broken over two lines
        regex=rf"(?<![\w.-])\d{{3}}(?:-|{_WRAP})\d{{2}}(?:-|{_WRAP})\d{{4}}(?![\w]|[.-]\d)",
        score=0.6,
        validate=_wrapped(checksums.ssn_valid),
        context=CTX_SSN,
    ),
    Pattern(
        name="phone_us_wrapped",
        label="PHONE_NUMBER",
        # "(617)\n555-0143", "617-555-\n0143": a phone number broken over two lines
        regex=rf"""
            (?<![\w+./-])(?:\+?1[ .-]?)?
            (?:\([2-9]\d{{2}}\)(?:[ ]?|{_WRAP})|[2-9]\d{{2}}(?:[ .-]|{_WRAP}))
            [2-9]\d{{2}}(?:[.-]|{_WRAP})\d{{4}}(?![\w]|[.-]\d)
        """,
        score=0.6,
        validate=_wrapped(lambda text: True),
        context=CTX_PHONE,
        **_FAX,
    ),
    Pattern(
        name="email_spelled",
        label="EMAIL_ADDRESS",
        # "j.smith at example dot com", "ana at gmail dot com" (see spelled_email_valid)
        regex=rf"""
            (?<![\w.+-])[\w+-]++(?:\.[\w+-]++)*+                       # local part
            [ ]+(?:at|AT|At)[ ]+
            (?:[^\W_][\w-]*(?:[ ]+(?:dot|DOT|Dot)[ ]+|\.)){{1,127}}          # host labels
            (?:{_SPELLED_TLD})(?![\w-])
        """,
        score=0.8,
        validate=spelled_email_valid,
        context=("email", "e-mail", "mail"),
    ),
    Pattern(
        name="email_spelled_context",
        label="EMAIL_ADDRESS",
        # "email me: ana at example dot org": any spelled-out address after a mail word
        regex=rf"""
            (?<![\w.+-])[\w+-]++(?:\.[\w+-]++)*+
            [ ]+(?:at|AT|At)[ ]+
            (?:[^\W_][\w-]*(?:[ ]+(?:dot|DOT|Dot)[ ]+|\.)){{1,127}}
            (?:{_SPELLED_TLD})(?![\w-])
        """,
        score=0.3,
        validate=spelled_email_plausible,
        context=("email", "e-mail", "mail", "contact", "reach", "write", "address", "send"),
        requires_context=True,
    ),
    Pattern(
        name="email_percent_encoded",
        label="EMAIL_ADDRESS",
        # "?to=ana.lima%40example.org": an address with its "@" percent-encoded
        regex=r"""
            (?<![\w.+-])[\w+-]++(?:\.[\w+-]++)*+        # local part ("=" and "?" are the URL's)
            %40
            (?:[^\W_](?:[\w-]{0,61}[^\W_])?\.){1,127}[^\W\d_]{2,63}(?![\w-])
        """,
        score=0.85,
    ),
    Pattern(
        name="date_cjk",
        label="DATE",
        # "2021年3月3日", "3月3日", "2021년 3월 3일", "二〇二一年三月三日"
        regex=rf"""
            (?<!\d)
            (?:\d{{4}}[ ]?年[ ]?\d{{1,2}}[ ]?月(?:[ ]?\d{{1,2}}[ ]?[日号])?
              |\d{{1,2}}[ ]?月[ ]?\d{{1,2}}[ ]?[日号]
              |\d{{4}}[ ]?년[ ]?\d{{1,2}}[ ]?월(?:[ ]?\d{{1,2}}[ ]?일)?
              |\d{{1,2}}[ ]?월[ ]?\d{{1,2}}[ ]?일
              |[{_CJK_NUMERALS}]{{4}}年[{_CJK_NUMERALS}]{{1,2}}月(?:[{_CJK_NUMERALS}]{{1,3}}[日号])?
            )
        """,
        score=0.8,
        validate=cjk_date_valid,
    ),
    # ---------------------------------------------------------------- national numbers (GDPR)
    Pattern(
        name="uk_nino",
        label="ID_NUMBER",
        regex=r"(?<![\w-])[A-Z]{2}[ ]?\d{2}[ ]?\d{2}[ ]?\d{2}[ ]?[A-D](?![\w-])",  # AB 12 34 56 C
        score=0.6,
        validate=checksums.uk_nino_valid,
        context=("ni", "nino", "national insurance", "insurance number", "ni number", "ni no"),
    ),
    Pattern(
        name="uk_nhs",
        label="MEDICAL_RECORD_NUMBER",
        regex=r"(?<![\w.-])\d{3}(?P<sep>[ -]?)\d{3}(?P=sep)\d{4}(?![\w]|[.-]\d)",  # 943 476 5919
        score=0.4,
        validate=checksums.uk_nhs_valid,
        context=("nhs", "nhs number", "nhs no", "chi number", "health and care number"),
        requires_context=True,
    ),
    Pattern(
        name="fr_nir",
        label="ID_NUMBER",
        # 1 79 11 75 111 222 87 (sex, year, month, department, commune, order, key)
        regex=_NIR + r"(?P=sep)\d{2}(?![\w]|[ .-]\d)",
        score=0.8,
        validate=checksums.fr_nir_valid,
        context=_CTX_NIR,
    ),
    Pattern(
        name="fr_nir_labelled",
        label="ID_NUMBER",
        # Next to its label, a NIR with a wrong key (a typo) is still someone's number.
        regex=_NIR + r"(?:(?P=sep)\d{2})?(?![\w]|[ .-]\d)",  # the key, if any
        score=0.5,
        context=_CTX_NIR,
        requires_context=True,
    ),
    Pattern(
        name="br_cpf",
        label="ID_NUMBER",
        regex=r"(?<![\w.-])\d{3}\.\d{3}\.\d{3}-\d{2}(?![\w]|[.-]\d)",  # 123.456.789-09
        score=0.85,
        validate=checksums.br_cpf_valid,
        context=("cpf",),
    ),
    Pattern(
        name="br_cpf_bare",
        label="ID_NUMBER",
        regex=r"(?<![\w.-])\d{11}(?![\w]|[.-]\d)",
        score=0.4,
        validate=checksums.br_cpf_valid,
        context=("cpf",),
        requires_context=True,
    ),
    Pattern(
        name="au_tfn",
        label="ID_NUMBER",
        regex=r"(?<![\w.-])\d{3}(?P<sep>[ -]?)\d{3}(?P=sep)\d{2,3}(?![\w]|[.-]\d)",  # 123 456 782
        score=0.4,
        validate=checksums.au_tfn_valid,
        context=("tfn", "tax file"),
        requires_context=True,
    ),
    # ---------------------------------------------------------------- payment and banking
    Pattern(
        name="credit_card",
        label="CREDIT_CARD",
        regex=r"""
            (?<![\w.-])(?<!\d[ ])                 # not inside a longer number
            (?:\d[ -]?){12,18}\d                  # 13-19 digits, single spaces or dashes
            (?![\w]|[ -]\d)                       # and not followed by more digits
        """,
        score=0.95,
        validate=checksums.credit_card_valid,  # issuer range + length + Luhn
        context=CTX_CARD,
    ),
    Pattern(
        name="credit_card_cued",
        label="CREDIT_CARD",
        regex=r"""
            (?<![\w.-])(?<!\d[ ])                 # not inside a longer number
            (?:\d[ -]?){11,18}\d                  # 12-19 digits
            (?![\w]|[ -]\d)
        """,
        score=0.85,
        validate=checksums.card_luhn_valid,  # Luhn alone: the issuer ranges change, and
        context=CTX_CARD,                    # where a card is named, Luhn is enough
        requires_context=True,
    ),
    Pattern(
        name="iban",
        label="IBAN_CODE",
        regex=_iban_regex(),
        score=0.95,
        validate=checksums.iban_valid,  # country length + mod 97
        context=("iban", "bank", "account", "transfer"),
    ),
    Pattern(
        name="iban_lower",
        label="IBAN_CODE",
        regex=_iban_regex(lower=True),  # "gb33csmi67831845314530": mod 97 is blind to case
        score=0.95,
        validate=checksums.iban_valid,
        context=("iban", "bank", "account", "transfer"),
    ),
    Pattern(
        name="aba_routing",
        label="ACCOUNT_NUMBER",
        regex=r"(?<![\w.-])\d{9}(?![\w]|[.-]\d)",  # 9 digits, only next to "routing"/"ABA"
        score=0.55,
        validate=checksums.aba_routing_valid,
        context=("routing", "aba", "rtn", "transit"),
        requires_context=True,
    ),
    # ---------------------------------------------------------------- providers, licences, vehicles
    Pattern(
        name="npi_labelled",
        label="US_NPI",
        regex=r"(?<![\w/])(?i:NPI)\b" + _TAIL_OPTIONAL + r"(?P<value>[12]\d{9})(?![\w]|[.-]\d)",
        score=0.95,
        validate=checksums.npi_valid,
        group="value",
    ),
    Pattern(
        name="npi",
        label="US_NPI",
        regex=r"(?<![\w.-])[12]\d{9}(?![\w]|[.-]\d)",  # 10 digits only near "NPI"/"provider"
        score=0.55,
        validate=checksums.npi_valid,
        context=("npi", "provider", "national provider", "prescriber"),
        requires_context=True,
    ),
    Pattern(
        name="dea",
        label="LICENSE_NUMBER",
        regex=r"""
            (?<![\w-])
            [ABCDEFGHJKLMPRSTUX][A-Z9]\d{7}   # registrant type, initial, 6 digits + check
            (?![\w])
        """,
        score=0.9,
        validate=checksums.dea_valid,
        context=("dea", "registration", "prescriber"),
    ),
    Pattern(
        name="vin",
        label="VEHICLE_ID",
        regex=r"(?<![A-Za-z0-9])[A-HJ-NPR-Z0-9]{17}(?![A-Za-z0-9])",  # no I, O, Q
        score=0.95,
        validate=vin_shape_valid,  # check digit at position 9
        context=("vin", "vehicle", "chassis"),
    ),
    Pattern(
        name="licence_plate",
        label="VEHICLE_ID",
        regex=r"""
            (?<![\w])
            (?i:(?:(?:licen[cs]e|number|registration|reg\.?|vehicle)[ ])?plate
               |(?:licen[cs]e|vehicle)[ ]tag
               |tag[ ]?(?:\#|no\.?|number)
               |vehicle[ ]reg(?:istration)?(?:[ ]mark)?|reg(?:istration)?[ ]mark)
            (?![A-Za-z])[ \t]*(?i:\#|no\.?|number)?[ \t]*[:=]?[ \t]*\#?[ \t]*
            (?P<value>[A-Z0-9]{1,4}(?:[ -]?[A-Z0-9]{1,4}){1,2})   # 7ABC123, ABC 1234, AB-123-CD
            (?![A-Za-z0-9])
        """,
        score=0.85,
        validate=plate_valid,
        group="value",
    ),
    # ---------------------------------------------------------------- dates
    Pattern(
        name="date_numeric",
        label="DATE",
        regex=_NUM_BEFORE
        + rf"""
            {_DAY}(?P<sep>[/-]){_DAY}(?P=sep)     # 03/14/ or 14-03- (month or day first)
            (?:{_YEAR4}|\d{{2}})                  # 2021 or 21
        """
        + _NUM_AFTER,
        score=0.85,
        validate=numeric_date_valid,
        context=CTX_DATE,
    ),
    Pattern(
        name="date_numeric_spaced",
        label="DATE",
        # a date written with spaces round its slashes, as tokenised records have it:
        # "ADMITTED :   12 / 28 / 98", "scheduled  1 / 5 / 99"
        regex=_NUM_BEFORE + rf"{_DAY}[ ]/[ ]{_DAY}[ ]/[ ](?:{_YEAR4}|\d{{2}})" + _NUM_AFTER,
        score=0.85,
        validate=lambda value: numeric_date_valid(value.replace(" ", "")),
        context=CTX_DATE,
    ),
    Pattern(
        name="date_numeric_dotted",
        label="DATE",
        regex=_NUM_BEFORE
        + rf"""
            {_DAY}\.{_DAY}\.                      # 14.03. (day first, as in Europe)
            (?:{_YEAR4}|\d{{2}})                  # 2021 or 21
        """
        + _NUM_AFTER,
        score=0.85,
        validate=numeric_date_valid,
        context=CTX_DATE,
        exclude_context=NOT_DATE,  # "version 1.2.10", "update 3.15.20"
    ),
    Pattern(
        name="date_iso",
        label="DATE",
        regex=_NUM_BEFORE
        + rf"""
            {_YEAR4}(?P<sep>[-/.]){_MONTH_NUM}(?P=sep){_DAY}   # 2021-03-14
            (?:T\d{{2}}:\d{{2}}(?::\d{{2}}(?:\.\d+)?)?(?:Z|[+-]\d{{2}}:?\d{{2}})?)?  # time
        """
        + _NUM_AFTER,
        score=0.9,
        validate=iso_date_valid,
        context=CTX_DATE,
        exclude_context=NOT_DATE,
    ),
    Pattern(
        name="date_month_day_year",
        label="DATE",
        regex=rf"""
            (?<![\w])
            {_MONTH}[ ]+                          # March / Mar.
            {_DAY}{_ORDINAL}?(?![\w])             # 3, 3rd
            (?:,?[ ]+{_YEAR4}(?![\w]))?           # , 2021
        """,
        score=0.85,
        context=CTX_DATE,
    ),
    Pattern(
        name="date_day_month_year",
        label="DATE",
        regex=rf"""
            (?<![\w])
            {_DAY}{_ORDINAL}?                     # 3, 3rd
            [ ]+(?:of[ ]+)?                       # "3rd of March"
            {_MONTH}                              # March / Mar.
            (?:,?[ ]+{_YEAR4}(?![\w]))?           # 2021
            (?![\w])
        """,
        score=0.85,
        context=CTX_DATE,
    ),
    Pattern(
        name="birth_year",
        label="DATE",
        # A year of birth alone: "born in 1932", "(b. 1931)", "DOB: 1930", "year of birth 1928".
        # Safe Harbor keeps a year unless it reveals an age over 89; as a date of the person's
        # the policy's generalisation can tell ("[DATE 90+]"), and keeps a later one as it is.
        regex=r"""
            (?<![\w])
            (?i:born(?:[ \t]+(?:in|on))?|b\.|(?:year|date)[ \t]+of[ \t]+birth|birth[ \t]*year|yob
               |dob|d\.o\.b\.?)
            [ \t]*[:,-]?[ \t]*
            (?P<value>1[89]\d\d|20\d\d)
            (?![\w/.-]?\d|[^\W\d])
        """,
        score=0.85,
        group="value",
    ),
    Pattern(
        name="year_in_prose",
        label="DATE",
        # A year alone where only a year can stand: "In 1947, ...", "in the summer of 1981",
        # "c. 1230 BC", "during 1935", "from 1939 to the outbreak". Safe Harbor keeps a year
        # unless it reveals an age over 89 ("history of polio in 1935"); as a date the policy
        # can tell ("[DATE 90+]") and keeps a later year as it is. A count ("in 2000 women",
        # "in 1500 mg") and a clock time in a range ("from 1900 to 2100") are no year. The
        # regex finds the number; the words around it are read by ``year_in_prose_check``.
        regex=r"""
            (?<![\w/.,:'’-])(?:1\d{3}|20\d\d)(?![\w/.,:-]?\d|[^\W\d])
        """,
        score=0.6,
        check=year_in_prose_check,
    ),
    Pattern(
        name="date_day_month_year_fr",
        label="DATE",
        regex=rf"""
            (?<![\w])
            {_DAY}(?:er|\.)?[ ]+                  # 4, 1er, 3.
            (?:{"|".join(MONTHS_WITH_YEAR_ONLY)})  # mars, mai
            [ ]+{_YEAR4}(?![\w])                  # 2020
        """,
        score=0.85,
        context=CTX_DATE,
    ),
    Pattern(
        name="date_day_mon_year_dashed",
        label="DATE",
        regex=rf"""
            (?<![\w-])
            {_DAY}(?P<sep>[-/ ]){_MONTH}(?P=sep)  # 14-Mar-, 14/MAR/
            (?:{_YEAR4}|\d{{2}})                  # 2021 or 21
            (?![\w]|-\d)
        """,
        score=0.85,
        context=CTX_DATE,
    ),
    Pattern(
        name="date_month_year",
        label="DATE",
        regex=rf"""
            (?<![\w])
            (?<!\d[ /-])(?<!\dst[ ])(?<!\dnd[ ])(?<!\drd[ ])(?<!\dth[ ])   # not in "3 March 2021"
            {_MONTH},?[ -]+(?:of[ ]+)?            # March, Mar-, "March of"
            {_YEAR4}(?![\w])                      # 2021
        """,
        score=0.75,
        context=CTX_DATE,
    ),
    Pattern(
        name="date_numeric_month_year",
        label="DATE",
        regex=_NUM_BEFORE + rf"{_MONTH_NUM}/{_YEAR4}" + _NUM_AFTER,  # 03/2021
        score=0.6,
        context=CTX_DATE,
    ),
    Pattern(
        name="date_numeric_month_day",
        label="DATE",
        regex=_NUM_BEFORE + rf"{_MONTH_NUM}/{_DAY}" + _NUM_AFTER,  # 3/14, only after "seen" etc.
        score=0.35,
        validate=month_day_valid,
        exclude_context=SCORE_WORDS,  # "pain 4/10", "strength 5/5": scores (scores.py)
        exclude_window=12,
        context=CTX_MONTH_DAY,
        requires_context=True,
        context_window=20,
    ),
    Pattern(
        name="date_numeric_day_month",
        label="DATE",
        # ... and a day before its month, as Britain and Europe write it, where the day cannot
        # be a month: "OGD on 29/01", "seen 14/3" (not a fraction: "29/10" has no such month)
        regex=_NUM_BEFORE + r"(?:1[3-9]|2\d|3[01])/(?:1[0-2]|0?[1-9])" + _NUM_AFTER,
        score=0.35,
        validate=day_month_valid,
        exclude_context=SCORE_WORDS,
        exclude_window=12,
        context=CTX_MONTH_DAY,
        requires_context=True,
        context_window=20,
    ),
    Pattern(
        name="date_numeric_month_day_dated_text",
        label="DATE",
        # a day and month with no word before it, in a text that writes two dates or more with
        # their year: a dictated summary's course ("to high flow 3/19, room air 4/2", "PCP
        # 4/18. Ophtho 4/24", "PET 2/20 with ..."), not a fraction, score or grade
        regex=_BARE_MONTH_DAY,
        score=0.5,
        validate=listed_month_day_valid,
        check=_day_of_a_dated_text,
        exclude_context=SCORE_WORDS,
        exclude_window=12,
    ),
    Pattern(
        name="date_numeric_month_day_padded",
        label="DATE",
        # a day and month of two digits each, one with its leading zero, as a form or a
        # dictation writes a date: "staples out 08/31", "seen 12/05" (no fraction is written so)
        regex=r"(?=[01])" + _NUM_BEFORE
        + r"(?:0[1-9]/(?:0[1-9]|[12]\d|3[01])|1[0-2]/0[1-9])" + _NUM_AFTER,
        score=0.5,
        validate=month_day_valid,
        exclude_context=SCORE_WORDS,
        exclude_window=12,
    ),
    # a day and month in a list with another ("HEMODIALYSIS X 3 ( 6/21 , 6/22 , 6/24 )", "(3/8
    # or 3/9)"): each one that another follows, and each one after another
    _listed_day("date_numeric_month_day_listed",
                rf"(?P<value>{_LISTED_DAY})(?={_LIST_JOIN}{_LISTED_DAY})"),
    _listed_day("date_numeric_month_day_listed_after",
                rf"{_LISTED_DAY}{_LIST_JOIN}(?=(?P<value>{_LISTED_DAY}))"),
    Pattern(
        name="date_numeric_month_day_timed",
        label="DATE",
        # a day and month with a clock time after it, as a note writes its events: "Last dose
        # 2/8 @ 2200", "f/u 2/12 at 10am", "2/11 0300 desat", "delivery window 11/4 12-4pm"
        # (no word needed before it)
        regex=r"(?=\d)" + _NUM_BEFORE + rf"""
            (?P<value>{_MONTH_NUM}/{_DAY})
            (?=[ \t]*(?:@|at|-|–)?[ \t]*
               (?:(?:[01]\d|2[0-3])[0-5]\d(?![\d/.:])           # 2200, 0300
                 |(?:[01]?\d|2[0-3]):[0-5]\d(?![\d/])           # 14:30
                 |(?:1[0-2]|0?[1-9])(?::[0-5]\d)?               # 10am, 9:30 pm, 12-4pm
                  (?:[ ]?[-–][ ]?(?:1[0-2]|0?[1-9])(?::[0-5]\d)?)?[ ]?(?i:am|pm)\b))
        """,
        score=0.6,
        validate=month_day_valid,
        exclude_context=SCORE_WORDS,
        exclude_window=12,
        group="value",
    ),
    Pattern(
        name="date_numeric_month_day_entry",
        label="DATE",
        # a day and month that opens a line's entry: "2/11 - desat to 85%", "3/2: extubated"
        regex=rf"""
            ^[ \t>*•-]*(?P<value>{_MONTH_NUM}/{_DAY})(?=[ \t]*[-–:][ \t])
        """,
        score=0.6,
        validate=month_day_valid,
        flags=re.MULTILINE,
        group="value",
    ),
    Pattern(
        name="date_numeric_month_day_procedure",
        label="DATE",
        # a day and month right after a procedure, which it dates: "S/P BALLOON VALVULOPLASTY
        # 3/3", "s/p exchange transfusion 1/6", "lap chole 5/12", "s/p c-section 6/18", "MV
        # REPAIR 11/2", "CABG X4 10/3" (a procedure's word by its
        # ending: -plasty, -ectomy, -otomy, -ostomy, -scopy, -gram, -fusion, -centesis ...,
        # or its name: repair, resection, biopsy, CABG, ORIF, AVR ...);
        # not a dose or a strength after it ("transfusion 1/2 unit", "debridement 1/4 strength")
        # (read from its digits, the procedure behind them: a cheap first test at each position)
        regex=_BARE_MONTH_DAY,
        score=0.6,
        validate=month_day_valid,
        check=lambda match: _PROCEDURE_BEFORE.search(
            match.string, max(0, match.start() - 40), match.start()) is not None
        and UNIT_AFTER.match(match.string, match.end()) is None
        and _STRENGTH_AFTER.match(match.string, match.end()) is None,
        needs=rf"(?:{_PROCEDURE_ENDINGS}|{_PROCEDURE_NAMES})[ \t]+(?:on[ \t]+)?\d",
    ),
    Pattern(
        name="date_numeric_month_day_hyphen",
        label="DATE",
        # a day and month with a hyphen, right after an event of a stay: "admitted 10-10",
        # "call out to floor 10-12"; not a range of doses, rates or days ("on 2-3 L NC",
        # "since 3-4 days", "RR 12-20")
        # (read from its digits, the cue behind them: a cheap first test at each position)
        regex=rf"""
            (?=\d)(?<![\w/.-]){_MONTH_NUM}-{_DAY}(?![\w/-]|[.,]\d)
        """,
        score=0.6,
        validate=month_day_valid,
        check=lambda match: _EVENT_BEFORE.search(
            match.string, max(0, match.start() - 16), match.start()) is not None
        and UNIT_AFTER.match(match.string, match.end()) is None,
    ),
    Pattern(
        name="date_ordinal_day",
        label="DATE",
        # a day of the month alone, by its ordinal: "flying in from lagos on the 19th", "until
        # the 3rd", "Deposit is due the 3rd and I'm going round in circles"; not a century, a
        # floor, a percentile or a birthday ("the 19th century"), nor one of a list ("the 2nd
        # and 3rd MCPs": "and" before a new clause's subject only)
        regex=rf"""
            (?=\d)(?<![\w-]){_DAY}(?i:st|nd|rd|th)(?![\w-])
            (?![ \t]+(?i:century|centuries|floor|percentile|time|times|day|week|month|year
                      |birthday|anniversary|place|grade|street|st|avenue|ave|of|or|to|-)\b)
            (?![ \t]+(?i:and)\b(?![ \t]+(?i:i|i['’]m|i['’]ll|she|he|we|they|you|it|my|her|his
                                           |our|their|then)\b))
        """,
        score=0.6,
        check=_ordinal_day_cued,
    ),
    Pattern(
        name="date_day_of_month",
        label="DATE",
        # a judgment's or a deed's day: "delivered on the 24th day of July, 2020", "this 3rd
        # day of March 2019", "the 18th day of June"
        regex=rf"""
            (?=\d)(?<![\w-]){_DAY}(?i:st|nd|rd|th)[ \t]+(?i:day)[ \t]+(?i:of)[ \t]+{_MONTH}
            (?:,?[ \t]+{_YEAR4}(?![\w-]))?
        """,
        score=0.6,
    ),
    Pattern(
        name="date_holiday",
        label="DATE",
        # A holiday after a preposition, which dates what happened on it ("fine at
        # Thanksgiving", "coughing since New Year's", "home for christmas eve", "HOLD BY XMAS
        # EVE", "on the 4th of July", "closed since Memorial Day", "since Boxing Day"): a day
        # of the year, as a date written in numbers is (HIPAA's elements of dates); not a
        # greeting or a custom ("Merry Christmas", "every Christmas", "the christmas party").
        regex=r"""
            (?=[TtNnCcXxFf4BbMmLlIiEeHhDdSsVv])(?<![\w-])
            (?P<value>(?i:thanksgiving(?:[ \t]+day)?
              |new[ \t]+year['’]?s(?:[ \t]+(?:eve|day))?
              |(?:christmas|xmas|x-mas)(?:[ \t]+(?:eve|day))?
              |(?:4th|fourth)[ \t]+of[ \t]+july
              |(?:boxing|memorial|labou?r|independence|valentine['’]?s|st\.?[ \t]+patrick['’]?s)
               [ \t]+day
              |easter(?:[ \t]+(?:sunday|monday))?|halloween|diwali|hanukkah|chanukah))
            (?![\w-]|['’]\w
               |[ \t]+(?i:party|parties|dinner|cards?|trees?|gifts?|presents?|shopping|sales?
                        |break|lights|market|music|movies?|specials?|bonus|songs?|carols?
                        |eggs?|costumes?|weekend)\b)
        """,
        score=0.6,
        group="value",
        check=lambda match: _HOLIDAY_CUE.search(
            match.string, max(0, match.start() - 12), match.start()) is not None,
    ),
    Pattern(
        name="date_weekday_ordinal_day",
        label="DATE",
        # a weekday and a day of the month by its ordinal: "will come back Saturday the 9th",
        # "ON TUES THE 14TH", "on sale Friday 9th", "dinner at dishoom sat 9th?" (a short form
        # in lower case right before its day, not after one who sat: "she sat 9th")
        regex=rf"""
            (?=[MTWFSmtwfs])(?<![\w-])   # (a cheap first test: a weekday's first letter)
            (?:(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)
                        |(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun
                           |MON|TUES?|WED|THU(?:RS?)?|FRI|SAT|SUN)\.?
                        |(?P<short>mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)(?=[ \t]+\d))
            ,?[ \t]+(?:(?i:the)[ \t]+)?{_DAY}(?i:st|nd|rd|th)(?![\w-])
            (?![ \t]+(?i:century|floor|percentile|time|times|place|grade|of|best|worst|day)\b)
        """,
        score=0.6,
        check=lambda m: not m.group("short") or _SUBJECT_BEFORE.search(
            m.string, max(0, m.start() - 12), m.start()) is None,
    ),
    Pattern(
        name="date_ordinal_words",
        label="DATE",
        # a day of the month by its ordinal in words, of a month or after a weekday: "The ninth
        # of March, she said", "on the twenty-first of June", "on Thursday the twelfth"
        regex=rf"""
            (?<![\w-])
            (?:(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)[ \t]+(?i:the)[ \t]+
               {_DAY_WORDS}(?:[ \t]+(?i:of)[ \t]+{_MONTH})?
              |{_DAY_WORDS}[ \t]+(?i:of)[ \t]+{_MONTH}(?:,?[ \t]+{_YEAR4})?)
            (?![\w-])
        """,
        score=0.6,
    ),
    Pattern(
        name="date_numeric_month_day_range",
        label="DATE",
        # two days of a course: "zosyn (2/3-2/10)", "admitted 12/30 - 1/4"
        regex=r"(?=\d)" + _NUM_BEFORE
        + rf"{_MONTH_NUM}/{_DAY}[ \t]?[-–][ \t]?{_MONTH_NUM}/{_DAY}" + _NUM_AFTER,
        score=0.6,
        validate=lambda text: all(month_day_valid(p.strip()) for p in re.split("[-–]", text)),
        exclude_context=SCORE_WORDS,
        exclude_window=12,
    ),
    Pattern(
        name="date_numeric_month_yy",
        label="DATE",
        # A month and a two-digit year after a clinical event: "s/p AVR 6/81", "dx 11/98".
        regex=_NUM_BEFORE + rf"{_MONTH_NUM}/\d{{2}}" + _NUM_AFTER,
        score=0.35,
        exclude_context=(*SCORE_WORDS, "bp"),
        exclude_window=12,
        context=CTX_MONTH_YEAR,
        requires_context=True,
        context_window=16,
    ),
    Pattern(
        name="date_dateline",
        label="DATE",
        # a news story's day in its dateline: "KUMASI, 2/5 (Reuters) -", "TAMALE, 3/2 (AFP) -"
        regex=r"""
            ^[ \t]*[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'’ -]{1,30},[ ]
            (?P<value>(?:1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9])(?:/(?:\d{2}|\d{4}))?)
            [ ]\([A-Z][\w.&'’ -]{0,25}\)[ ]?[-–—]
        """,
        score=0.8,
        flags=re.MULTILINE,
        group="value",
    ),
    # ---------------------------------------------------------------- age
    Pattern(
        name="age_years_old",
        label="AGE",
        regex=r"""
            (?<![\w.,])
            (?P<value>\d{1,3})                    # the age; the words stay
            [ -]?
            (?:(?:years?|yrs?|y)[ -]?old\b        # 45-year-old, 45 years old, 45 yr old
              |(?:years?|yrs?)[ ]of[ ]age\b       # 45 years of age
              |y/?o\b                             # 45yo, 45 y/o
              |y\.o\.?                            # 45 y.o.
            )
        """,
        score=0.85,
        validate=age_valid,
        flags=re.IGNORECASE,
        group="value",
    ),
    Pattern(
        name="age_who_is",
        label="AGE",
        # An age of 90 or more after "who is" or "he/she is", or at a death, in figures or
        # words: "her husband Seamus, who is 91 and himself frail", "she's 93 so i'm not going
        # to argue", "his mother, who is now 94", "She was 91.", "Dies at 91", "until she was
        # ninety-one" (not a measure or a reading: "who is 95 kg", "she was 98% on RA", "she
        # was 98 on RA", "was 91.5").
        regex=r"""
            (?=[WwHhSsDdPp])(?i:\b(?:(?:who|he|she)[ ]+(?:is|was|turned|turns|will[ ]be)
                                     (?:[ ]+(?:now|then))?
                                  |(?:he|she|who)['’]s|(?:died|dies|passed[ ]away)[ ]+(?:at|aged))
                               [ ]+)
            (?P<value>9\d|1[01]\d
                      |(?i:ninety(?:-(?:one|two|three|four|five|six|seven|eight|nine))?
                          |(?:a|one)[ ]hundred))
            (?![\w%-]|[.,]\d|[ \t]*(?i:""" + _READING_UNITS + r"""))
        """,
        score=0.7,
        group="value",
    ),
    Pattern(
        name="age_of_kin",
        label="AGE",
        # An age of 90 or more after a relative or the patient and "is" or "was", or after
        # "lived to", "made it to", "would have been": "my nan is 99 today", "PT IS 94, LIVES
        # ALONE", "Age is 92 per family", "lived to 103", "her sister made it to 98" (not a
        # measure or a reading: "pt is 95 kg", "mum is 90 miles away", "pt was 98 on RA").
        regex=r"""
            (?=[AaDdFfGgLlMmNnPpWw])
            (?i:\b(?:(?:nan|nana|nanna|nanny|gran|granny|grandma|grandmother|grandad|granddad
                       |grandpa|grandfather|mum|mom|mother|dad|father|pt|patient|age)
                    [ ]+(?:is|was)(?:[ ]+(?:now|about|nearly|almost))?
                  |(?:lived|made[ ]it)[ ]+to(?:[ ]+(?:be|about))?
                  |would[ ]have[ ]been)
               [ ]+)
            (?P<value>9\d|1[01]\d)
            (?![\w%-]|[.,]\d|[ \t]*(?i:""" + _READING_UNITS + r"""
                                      |miles?|km|feet|ft|hours?|hrs?|days?))
        """,
        score=0.7,
        group="value",
    ),
    Pattern(
        name="age_labelled",
        label="AGE",
        regex=r"""
            \b(?:age|aged)(?:[ ]of)?              # age, aged, age of
            (?:[ ](?:about|around|approximately|approx\.?|nearly|almost|over|some))?
            [ \t]*[:=]?[ \t]*
            (?P<value>\d{1,3})
            (?:[ ]?(?:years?|yrs?|y)(?![\w]))?    # "AGE: 91Y", "Age 94 yrs"
            (?![\w]|\.\d)
        """,
        score=0.8,
        validate=age_valid,
        flags=re.IGNORECASE,
        group="value",
    ),
    Pattern(
        name="age_in_brackets",
        label="AGE",
        # an age of 90 or more in brackets after a person's name or a relative's, as notes and
        # news write it: "Mother (93) lives alone", "ROSE DUBOIS (91) ADMITTED"; younger ones
        # stay as written under Safe Harbor, and a bracket after a word in lower case ("visits
        # (92)") is some other count
        regex=r"""
            (?<=[A-Za-z])[ ]\((?P<value>9\d|1[01]\d)\)(?![\w/-])
        """,
        score=0.6,
        group="value",
        check=lambda match: _after_a_name(match.string, match.start()),
    ),
    Pattern(
        name="age_after_name",
        label="AGE",
        # an age of 90 or more between commas after a name, as news and UK notes give it, then
        # the rest of the clause: "Dorothy Pearce, 91, admitted via A&E", "John Okafor, 94, of
        # Dorchester", "Mrs Patel, 92, was found", "Mrs Elsie Moss, 94, NHS no ...", "Tom Ivey,
        # 93, retired miner" (not a list of numbers: "values 92, 94, 96";
        # not after shorthand: "SpO2, 94, on RA")
        regex=r"""
            (?<=[A-Za-z]),[ ](?P<value>9\d|1[01]\d)
            (?:(?=(?i:y|yo|yrs?|y/o),[ ])  # a ward list's "Mr. Thangarajah, 90y, aspiration"
            |,[ ]
            (?=(?i:was|is|has|had|who|whose|a|an|of|from|died|dies|lives|living|admitted
                  |presented|presents|brought|arrived|found|fell|says|said|told|remains
                  |nhs|dob|mrn|hospital|born|retired|widowed|widow|widower|resident|known|with
                  |seen|transferred|usually)\b))
        """,
        score=0.6,
        group="value",
        check=lambda match: _after_a_name(match.string, match.start()),
    ),
    Pattern(
        name="age_words_old",
        label="AGE",
        # an age over 89 in words: "a ninety-two-year-old", "one hundred and one years old"
        regex=rf"""
            (?<![\w-])
            (?P<value>{_AGE_WORDS})
            (?=[ -](?:years?|yrs?)(?:[ -]old|[ ]of[ ]age)\b|[ -]y/?o\b)
        """,
        score=0.85,
        flags=re.IGNORECASE,
        group="value",
    ),
    Pattern(
        name="age_words_labelled",
        label="AGE",
        # "aged ninety-four", "she turned ninety-two last month", "at the age of a hundred"
        regex=rf"""
            \b(?:aged|age[ ]of|turned|turns|turning)[ ]+
            (?P<value>{_AGE_WORDS})
            (?![\w-]|[ ]+(?:degrees?|percent|per|minutes?|seconds?|times|°))  # "ninety degrees"
        """,
        score=0.8,
        flags=re.IGNORECASE,
        group="value",
    ),
    Pattern(
        name="age_turned",
        label="AGE",
        # an age in figures after "turned": "turning 92!", "she turns 90 next week"
        regex=r"""
            \b(?i:turned|turns|turning)[ ]+
            (?P<value>\d{2,3})
            (?![\w/.,:%°-]|[ ]*(?i:degrees?|percent|per|minutes?|seconds?|times|mg|ml|cc|°))
        """,
        score=0.8,
        validate=age_valid,
        group="value",
    ),
    Pattern(
        name="age_in_year",
        label="AGE",
        # an age of 90 or more as the year of life an obituary counts: "in her 93rd year",
        # "in his 101st year" (not "in its 95th year", a firm's or a festival's)
        regex=r"""
            (?<=\b[Ii]n[ ])(?=[hHtT])(?i:his|her|their)[ ]
            (?P<value>(?:9\d|1[01]\d)(?i:st|nd|rd|th)[ ]year)\b
        """,
        score=0.8,
        group="value",
    ),
    Pattern(
        name="age_birthday",
        label="AGE",
        # an age as the ordinal of a birthday: "marked her 104th birthday", "his 90th bday"
        regex=r"""
            (?<![\w.,/-])(?P<value>\d{2,3})(?i:st|nd|rd|th)[ ]+(?i:birthday|bday|b-day)\b
        """,
        score=0.8,
        validate=age_valid,
        group="value",
    ),
    Pattern(
        name="age_sex_shorthand",
        label="AGE",
        regex=r"""
            (?<![\w.°/-])
            (?P<value>\d{1,3})[ ]?[MF]            # 92M, 67 F (clinical shorthand) ...
            (?=[ ,]+(?i:with|w/|presents|presenting|presented|who|c/o|s/p|h/o|hx|pmh
                       |admitted|brought|complaining|reports|here)\b)   # ... before a clinical verb
        """,
        score=0.7,
        exclude_context=TEMPERATURE_WORDS,  # "Tc 97 F, 95 F with blanket": a temperature
        exclude_window=14,
        validate=age_valid,
        group="value",
    ),
    Pattern(
        name="age_sex_old",
        label="AGE",
        # An age of 90 or more and a sex's letter before a comma, a line's end or a word of
        # where from or what for: "Client 92 F, lives with granddaughter", "UNKNOWN DOWNTIME
        # 96 F FROM HOME" (not a temperature: "T 98 F, HR 80", "Tmax 99F overnight", "temp of
        # 97 F at 0400").
        regex=r"""
            (?<![\w.°/-])
            (?P<value>9\d|1[01]\d)[ ]?[MF](?![\w°'’.-])
            (?=[ \t]*(?:[,;]|\n|\Z)
               |[ \t]+(?i:from|who|with|w/|pmh|hx|s/p|h/o|admitted|presents|presented|lives
                         |living|resident|brought|found|transferred|known|dx)\b)
        """,
        score=0.7,
        exclude_context=TEMPERATURE_WORDS,
        exclude_window=14,
        group="value",
    ),
    Pattern(
        name="age_sex_after_name",
        label="AGE",
        # An age of 90 or more and a sex's letter right after a surname, as a handover's list
        # gives its patients: "2. Mrs Lindqvist 96F  D2 hemi L NOF", "Okafor 91/F for CT" (a
        # word no lexicon knows: not "Oral 98F", "Temp 99 F")
        regex=r"""
            (?<=[A-Za-z'’])[ ](?P<value>9\d|1[01]\d)[ ]?/?[MF](?![\w°'’-]|\.\w)
        """,
        score=0.7,
        exclude_context=TEMPERATURE_WORDS,
        exclude_window=14,
        group="value",
        check=lambda match: _after_a_surname(match.string, match.start()),
    ),
    Pattern(
        name="age_after_birth_date",
        label="AGE",
        # An age of 90 or more in brackets after a birth date, as an incident form or a ward
        # list gives it: "DOB 17/05/1932 (91)", "born 3 Mar 1931 (92 yrs)"
        regex=r"""
            (?i:\b(?:dob|d\.o\.b\.?|born|date[ ]of[ ]birth))[ \t]*[:.]?[ \t]*
            (?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{1,2}[ ][A-Za-z]{3,9}\.?[ ]\d{4})
            [ \t]*\([ \t]*(?P<value>9\d|1[01]\d)(?:[ \t]*(?i:y|yo|yrs?|years?))?[ \t]*\)
        """,
        score=0.75,
        group="value",
    ),
    Pattern(
        name="age_sex_parenthesised",
        label="AGE",
        regex=r"""
            (?<=\()(?P<value>\d{1,3})[ ]?[MF](?=\))   # "NGUYEN, LAN (78F)" in ward lists
        """,
        score=0.75,
        validate=age_valid,
        group="value",
    ),
    # ---------------------------------------------------------------- organisations
    Pattern(
        name="org_suffix",
        label="ORGANIZATION",
        # "Lakeshore Transit Authority", "Ironwood Manufacturing", "Acme Data Systems Inc.":
        # capitalised words ending in a word that names a kind of organisation.
        regex=rf"""
            (?<![\w&'’-])                  # a word start (inside "A-A-A..." none: linear)
            (?P<value>(?:(?!{_GENERIC_ORG_WORDS}\b)(?!(?:WITH|TO|FROM|AT|IN|ON|BY|VIA|PER)\b)
                         [A-Z][A-Za-z&'’-]+[ ]){{1,4}}   # (no clause's word in capitals: "HOME
                                                      # WITH SOUTHEASTERN MASSACHUSETTS VNA")
                      (?:(?!(?:WITH|TO|FROM|AT|IN|ON|BY|VIA|PER)\b)[A-Z][A-Za-z&'’-]+[ ])?
                      {_ORG_SUFFIX}\b(?:(?<![a-z]{{4}})\.)?)  # "Inc.", not a sentence's end
            (?![ ](?:Judge|Court|Attorney))  # "United States District Judge": an office
        """,
        score=0.7,
        validate=org_suffix_valid,
        group="value",
    ),
    Pattern(
        name="org_unit_of",
        label="ORGANIZATION",
        # A university's department, school or faculty by its field, outside notes, as an
        # author's affiliation or a news page gives it: "Department of Linguistics and
        # Philology, Uppsala University", "School of Cultures, Languages and Linguistics",
        # "Communications Officer, Faculty of Science" (not a hospital's own service, in a
        # note or a letter: "Department of Surgery", "Department of Internal Medicine")
        regex=r"""
            (?<![\w'’-])
            (?P<value>(?:Department|School|Faculty|Division|Centre|Center)[ ]of[ ]
                      [A-Z][a-z]+(?:[ ][A-Z][a-z]+)?                     # "Public Health"
                      (?:(?:,[ ][A-Z][a-z]+(?:[ ][A-Z][a-z]+)?)*         # a list's fields
                         [ ](?:and|&)[ ][A-Z][a-z]+(?:[ ][A-Z][a-z]+)?)?)  # "... and Philology"
            (?![\w'’-])
        """,
        score=0.6,
        validate=lambda value: not any(w.casefold() in SERVICE_WORDS for w in value.split()),
        group="value",
        check=lambda match: not note_register(match.string),
    ),
    Pattern(
        name="org_transport",
        label="ORGANIZATION",
        # an ambulance or air service by its name, after "via" or "by": "via Fallon Ambulance",
        # "ARR VIA LIFELINE AMBULANCE", "BY BOSTON MEDFLIGHT" (not "VIA PRIVATE AMBULANCE")
        regex=r"""
            (?:(?<=\bvia[ ])|(?<=\bVIA[ ])|(?<=\bVia[ ])|(?<=\bby[ ])|(?<=\bBY[ ])|(?<=\bBy[ ]))
            (?!(?i:private|chair|chaircar|wheelchair|bls|als|stretcher|local|town|city|county
                  |state|the|an?|ground|air)\b)
            (?P<value>(?:[A-Z][A-Za-z'’-]+[ ]){1,3}(?:Ambulance|AMBULANCE|MedFlight|Medflight
                                                  |MEDFLIGHT|Med[ ]Flight|MED[ ]FLIGHT))
            (?![\w-])
        """,
        score=0.7,
        group="value",
    ),
    Pattern(
        name="org_veterans",
        label="ORGANIZATION",
        # the Veterans Administration by its initials before what it gives: "ASKING ABOUT VA
        # BENEFITS", "ELIGIBLE FOR VA AID & ATTENDANCE", "the VA hospital" (not "VA 20/40")
        regex=r"""
            (?<![\w/-])VA
            (?=[ ](?i:benefits|hospital|clinic|pension|aid|medical[ ]cent(?:er|re)|health(?:care)?
                   |coverage|social[ ]worker|sw|services|system|home)\b)
        """,
        score=0.7,
    ),
    Pattern(
        name="org_well_known",
        label="ORGANIZATION",
        # a platform, chain or club known by one name, in any case: "posted it on snapchat",
        # "sixers fans we stay suffering", "#LFC"; a club whose name is a word in lay text
        # about sport: "the heat won again, what a game"
        regex=WELL_KNOWN_REGEX,
        score=0.7,
        check=well_known_organisation,
        needs=WELL_KNOWN_NEEDS,
    ),
    Pattern(
        name="org_public_body",
        label="ORGANIZATION",
        # a public body by its initials in lay text: "WHO warns of a rise in dengue", "a
        # referendum on EU membership", "a filing with the SEC" (not "WHO grade II", "30 SEC")
        regex=PUBLIC_BODY_REGEX,
        score=0.6,
        check=public_body,
    ),
    Pattern(
        name="org_band_cued",
        label="ORGANIZATION",
        # a band by what a post says of it, in any case: "saw the night cafe live", "tickets to
        # see the 1975 at msg", "open for arctic lanterns", "#nowplaying The Harbour Lights -"
        regex=BAND_REGEX,
        score=0.6,
        group="value",
        check=band_cued,
        needs=BAND_NEEDS,
    ),
    Pattern(
        name="place_well_known",
        label="LOCATION",
        # a venue, stadium, landmark or airport known by its name, in any case, in lay text:
        # "one direction at the o2 tonight", "the wifi at heathrow terminal 5"
        regex=VENUE_REGEX,
        score=0.7,
        check=well_known_venue,
        needs=VENUE_NEEDS,
    ),
    Pattern(
        name="state_of_a_member",
        label="LOCATION",
        # the state a member of Congress sits for, after the party's letter: "Rep. Dolores
        # Whitfield (D-NM)", "Sen. Cruz (R-TX)", "(I-Vt.)"
        regex=rf"""
            \([DRI][ ]?[-–][ ]?(?P<value>{_STATE_ABBR}|[A-Z][a-z]{{1,4}}\.|[A-Z]\.[ ]?[A-Z]\.)
            (?:[-–]\d{{1,2}})?\)
        """,
        score=0.7,
        group="value",
    ),
    Pattern(
        name="state_after_a_preposition",
        label="LOCATION",
        # a US state's code after "in", "to", "from" or "near" in lower case: "Children in CA
        # notified", "moved to FL"; only codes that a note uses for nothing else (not "in OR",
        # "in MI", "in CT", "to ME", "in PA", "in MS", "wean to NC", "from NH": a nursing home;
        # "died from CA": cancer), and no lab value ("rise in CA 19-9")
        regex=r"""
            (?:(?<=\bin[ ])|(?<=\bto[ ])|(?<=\bfrom[ ])|(?<=\bnear[ ]))
            (?P<value>CA|NY|NJ|RI|VT|FL|TX|VA|WA|AZ|NV|NM|OH|WI|MN|TN|KY|AK|WY|WV|MA|LA)
            (?![\w+-]|[ ]?\d)
        """,
        score=0.6,
        group="value",
        check=lambda m: m.group("value") != "CA" or m.string.endswith("in ", 0, m.start()),
    ),
    Pattern(
        name="org_agency_worker",
        label="ORGANIZATION",
        # an agency by its initials before one of its workers: "DCF WORKER MS. OKEKE", "BPD
        # officer was in earlier", "APS caseworker"; not a unit's or a service's shorthand ("ICU
        # worker", "PT rep": clinical vocabulary)
        regex=r"""
            (?<![\w/-])(?P<value>[A-Z]{2,5})[ \t]+(?:(?i:case|social)[ \t]+)?
            (?i:worker|caseworker|officers?|investigator|detective|trooper)(?![\w-])
        """,
        score=0.6,
        validate=lambda value: not (is_technical_word(value) or is_dictionary_word(value.lower())
                                    or value.casefold() in GRAMMAR_WORDS),  # "HOUSE OFFICER"
        group="value",
    ),
    Pattern(
        name="org_party",
        label="ORGANIZATION",
        # a party before one of its people or bodies: "Labour MP Jess Phillips", "Tory leader"
        regex=PARTY_REGEX,
        score=0.7,
        group="value",
    ),
    Pattern(
        name="org_letterhead",
        label="ORGANIZATION",
        # a letter's first line, above the department that writes it: "Bluestem Analytics /
        # Human Resources", "Şişecam / Payroll"
        regex=r"""
            \A[ \t\n]*
            (?P<value>[^\W\d_][\w&.,'’-]*(?:[ ][^\W\d_&][\w&.,'’-]*){0,4})[ \t]*\n[ \t]*
            (?:Human[ ]Resources|HR(?:[ ]Department)?|People[ ]Operations|Payroll|Admissions
              |Accounts[ ](?:Payable|Receivable)|Billing(?:[ ]Department)?|Legal[ ]Department
              |Finance[ ]Department|Customer[ ](?:Service|Care|Support)|Claims[ ]Department
              |Office[ ]of[ ]the[ ]Registrar|Medical[ ]Records|Health[ ]Information[ ]Management)
            [ \t]*\n
        """,
        score=0.7,
        group="value",
        check=lambda match: match.group("value")[0].isupper() and re.match(
            r"(?i:dear|hi|hello|to|re|attn|from|subject)\b", match.group("value")) is None,
    ),
    Pattern(
        name="org_firm",
        label="ORGANIZATION",
        # a family firm: "Rich and Sons", "Vaughn & Sons", "Dombey and Son", "Pryce & Co."
        regex=rf"""
            (?<![\w&'’-])
            (?P<value>(?!(?:{_GENERIC_ORG_WORDS}|{_KIN_WORDS})\b)
                      [A-Z][a-z'’-]+(?:,[ ][A-Z][a-z'’-]+)*
                      [ ](?:and|&)[ ](?:Sons?|Daughters|Co\b\.?)(?![\w-]))
        """,
        score=0.7,
        group="value",
    ),
    Pattern(
        name="org_instructed_by",
        label="ORGANIZATION",
        # the solicitors who instruct counsel, in a judgment's list of counsel: "(instructed by
        # Capsticks)", "(instructed by Irwin Mitchell, Sheffield)", "(instructed by Messrs
        # Bindman & Partners)"
        regex=r"""
            \((?i:instructed[ ]by)[ ]+(?:Messrs\.?[ ]+)?
            (?P<value>[A-Z][\w'’.-]*(?:[ ]+(?:&|and|[A-Z][\w'’.-]*)){0,5})
            (?=[,)])
        """,
        score=0.7,
        group="value",
    ),
    Pattern(
        name="facility_suffix",
        label="LOCATION",
        # "Riverbend Orthopedics", "Maple Grove Family Practice", "Lakeshore Regional Medical
        # Center": a named clinic or hospital (a place under Safe Harbor).
        regex=rf"""
            (?<![\w&'’-])                  # a word start (inside "A-A-A..." none: linear)
            (?!Per[ ])                     # "Per Pharmacy, ...": who a note cites
            (?P<value>(?:(?!{_GENERIC_ORG_WORDS}\b)[A-Z][A-Za-z'’-]+[ ]){{1,3}}
                      (?:(?:{_GENERIC_ORG_WORDS})[ ]){{0,2}}
                      {_FACILITY_SUFFIX}\b)
        """,
        score=0.7,
        validate=facility_suffix_valid,
        group="value",
    ),
    Pattern(
        name="place_feature",
        label="LOCATION",
        # A natural feature by its name, in title case: the kind after the name ("the Mekong
        # Delta", "the Tibetan Plateau", "fishing the Puget Sound"; "Mid" is a drug's shorthand),
        # or before it with "of" ("the Bay of Bengal", "the Port of Refuge", "the Strait of
        # Gibraltar") or without ("the River Cale", "Lake Naivasha"); no clinical or
        # technical word in it ("Emesis Basin", "Breath Sound": no such kind here either)
        regex=rf"""
            (?<![\w'’-])
            (?P<value>(?:(?!{_FEATURE_NOT_NAME}[ ])[A-Z][a-z]+(?:-[A-Z][a-z]+)?[ ]){{1,2}}
                      (?:{_FEATURE_AFTER})
                     |(?:{_FEATURE_BEFORE})[ ]of[ ](?:the[ ])?[A-Z][a-z]+(?:[ ][A-Z][a-z]+)?
                     |(?:River|Lake|Loch|Lough|Mount)[ ](?!{_FEATURE_NOT_NAME}\b)[A-Z][a-z]{{2,}})
            (?![\w'’-]|[ ][A-Z][a-z])  # not inside a firm's name ("Kamo River Cycles")
        """,
        score=0.6,
        validate=_feature_named,
        group="value",
    ),
    Pattern(
        name="our_lady",
        label="LOCATION",
        # a church, school or hospital named for Mary: "Our Lady of Guadalupe", "OUR LADY OF
        # LOURDES HOSPITAL", "Our Lady of the Lake", "Our Lady's" (in capitals or title case;
        # not "our lady of the house")
        regex=r"""
            (?<![\w'’-])(?P<value>(?:Our[ ]Lady|OUR[ ]LADY)
              (?:[ ](?:of|OF)(?:[ ](?:the|THE))?
                 (?:(?![ ](?:TO|AND|FOR|ON|IN|AT|WITH|FROM|BY|IS|WAS|THE)\b)
                    [ ][A-Z][A-Za-z'’-]+){1,3}
               |['’]s\b))
        """,
        score=0.7,
        group="value",
    ),
    Pattern(
        name="org_cjk",
        label="ORGANIZATION",
        # a company's name in Chinese, Japanese or Korean with its legal form:
        # "东方峻景科技有限公司", "思优传媒股份有限公司", "株式会社山田製作所", "주식회사 한빛"
        regex=r"""
            [\u4e00-\u9fff]{2,24}(?:股份有限公司|有限责任公司|有限責任公司|有限公司|集团|集團)
            |株式会社[ ]?[\u30a0-\u30ff\u4e00-\u9fff]{1,20}   # kanji and katakana, no kana
            |[\u30a0-\u30ff\u4e00-\u9fff]{1,20}株式会社       # particle ("に勤務")
            |주식회사[ ]?[\uac00-\ud7a3]{1,12}|[\uac00-\ud7a3]{1,12}[ ]?주식회사
        """,
        score=0.8,
    ),
    Pattern(
        name="org_institution",
        label="ORGANIZATION",
        # A public body named by its words and its kind: "the Refugee Appeal Division", "the
        # Immigration and Refugee Board of Canada", "the Marine Accident Investigation
        # Branch", "the Land Control Board" (not a hospital's service or board: "Tumor Board",
        # "Cardiology Division"; see institution_valid).
        regex=r"""
            (?=[A-Z])(?<![\w'’.-])
            (?!(?:The|A|An|This|That|Our|His|Her|Their|Its|Each|Every|Any|No)\b)
            (?P<value>(?:[A-Z][a-z]+|[A-Z]{2,5})
              (?:[ \t]+(?:(?:and|of|for|&)[ \t]+)?(?:[A-Z][a-z]+|[A-Z]{2,5})){0,5}
              [ \t]+(?:Board|Division|Branch|Tribunal|Commission|Agency|Authority|Committee
                      |Bureau|Directorate|Inspectorate|Ombudsman|Registry)
              (?:[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2})?)
            (?![\w'’-])
        """,
        score=0.6,
        validate=institution_valid,
        group="value",
    ),
    Pattern(
        name="org_office_of_a_place",
        label="ORGANIZATION",
        # A place's prosecutor, governor, mayor or police by the place: "the Istanbul public
        # prosecutor's office", "the Mardin Governor's Office", "the Diyarbakır Security
        # Directorate"; a place's council or municipality: "the Municipality of Kalamaria"
        regex=r"""
            (?<![\w'’-])(?!(?:The|A|An|This|That|Its|Their|His|Her)\b)
            (?P<value>[A-Z][\w'’-]+(?:[ ][A-Z][\w'’-]+){0,2}[ ]
               (?:(?:Chief[ ])?(?:[Pp]ublic[ ])?[Pp]rosecutor\W?s?\W?[ ][Oo]ffice
                 |[Gg]overnor\Ws[ ][Oo]ffice|[Mm]ayor\Ws[ ][Oo]ffice   # (\W: ' or ’, which
                                                                    # the prefilter cannot fold)
                 |[Pp]olice[ ][Hh]eadquarters|[Ss]ecurity[ ][Dd]irectorate
                 |[Gg]endarmerie[ ][Cc]ommand)
             |(?:Municipality|Municipal[ ]Council|Prefecture|Governorate|Regional[ ]Council
                 |City[ ]Council|Town[ ]Council|County[ ]Council|District[ ]Council
                 |Borough[ ]Council)[ ]of[ ](?:the[ ])?[A-Z][\w'’-]+(?:[ ][A-Z][\w'’-]+){0,2})
            (?![\w'’-])
        """,
        score=0.7,
        group="value",
    ),
    Pattern(
        name="org_police_of_a_place",
        label="ORGANIZATION",
        # A town's or county's police by its place: "BOSTON POLICE DETECTIVE PRICE CALLED",
        # "Brockton Police Department", "Cork Garda", "the Durban Police Service" (a place's
        # words, not a sentence's: "CALLED POLICE", "State Police")
        regex=r"""
            (?=[A-Z])(?<![\w'’-])(?!(?:The|A|An|This|That|Its|Their|His|Her)\b)
            (?P<value>(?P<place>[A-Z][\w'’-]+(?:[ ][A-Z][\w'’-]+)?)[ ]
               (?:[Pp]olice|POLICE|Garda[ií]?|GARDA[IÍ]?|[Ss]heriff['’]?s[ ][Oo]ffice
                  |SHERIFF['’]?S[ ]OFFICE)
               (?:[ ](?:[Dd]epartment|DEPARTMENT|[Ss]ervice|SERVICE|[Ff]orce|FORCE))?)
            (?![\w'’-])
        """,
        score=0.7,
        group="value",
        check=_police_place,
    ),
    Pattern(
        name="org_police_short",
        label="ORGANIZATION",
        # ... and a force by its initials in brackets after "police": "POLICE (QPS) IN DEPT",
        # "Police (SAPS) notified"
        regex=r"(?=[Pp])(?<![\w'’-])(?i:police)[ \t]*\((?P<value>[A-Z]{3,5})\)",
        score=0.7,
        group="value",
    ),
    Pattern(
        name="org_police_initials",
        label="ORGANIZATION",
        # ... and a police or fire department by its initials after who brought, told or
        # answered: "pt bib tpd on emergency custody order", "alias per BPD", "found down by
        # JFRD"; not an outpatient or inpatient department, a skin test, a pupil or a lung
        # disease ("to OPD", "PPD placed", "no APD", "pt with COPD")
        regex=r"""(?=[BbPpVvFfWwCcNnTt])(?<![\w-])
            (?i:bib|by|per|via|from|with|called|notified|contacted|to)[ \t]+
            (?P<value>(?!(?i:opd|ipd|ppd|apd|rapd|copd)\b)
               (?:[A-Z]{1,3}(?:PD|FD|FRD)|[a-z]{1,3}(?:pd|fd|frd)))(?![\w-])""",
        score=0.6,
        group="value",
    ),
    Pattern(
        name="org_vna_of",
        label="ORGANIZATION",
        # A visiting nurse association or an elder, family or guardianship agency by its place:
        # "HOME SVCS SET UP W/ VNA OF BOSTON FOR RN/PT/OT", "THROUGH VNA OF NORTHEAST OHIO",
        # "VNA of Cape Cod", "VIA ELDER SERVICES OF THE MERRIMACK VALLEY", "GUARDIANSHIP
        # SERVICES OF POLK COUNTY", "Catholic Charities of Boston"
        regex=r"""(?=[VEFGPSCLJ])(?<![\w-])
            (?P<value>(?:VNA
                |(?:Elder|ELDER|Family|FAMILY|Guardianship|GUARDIANSHIP|Protective|PROTECTIVE
                   |Senior|SENIOR|Community|COMMUNITY|Catholic|CATHOLIC|Lutheran|LUTHERAN
                   |Jewish|JEWISH)[ \t]+(?:Services|SERVICES|Charities|CHARITIES))
            [ \t]+(?i:of)(?:[ \t]+(?:the|THE))?
            (?:[ \t]+(?!(?i:for|and|to|with|in|at|on|the|of|by|from|pt|rn|ot|via|per|note)\b)
               [A-Z][A-Za-z'’-]+){1,3})(?![\w'’-])""",
        score=0.7,
        group="value",
    ),
    Pattern(
        name="org_cued",
        label="ORGANIZATION",
        # "insurance card (Ambetter", "Insurance: Anthem Blue Cross", "works for Acme",
        # "Insurance is Tufts Health Plan" (not "insurance is Pending"), "his job at Kmart",
        # "worked for Raytheon", "RETIRED FROM BOSTON EDISON", "OWNS BAKER'S AUTO BODY" (not
        # "WORKED AT NIGHT", "OWNS A HOME");
        # an employer after a trade: "engineer at Raytheon", "ELECTRICIAN W/ NSTAR", "a
        # student at Northeastern", "long haul driver for Covenant Transport" (not "NURSE AT
        # BEDSIDE")
        regex=rf"""
            (?<![A-Za-z])                         # a whole word: not "ACCOMPANYING"
            (?:(?i:insurance|insurer|carrier|payer|employer|company|works[ ]for|works[ ]at
                 |employed[ ]by|employed[ ]at|job[ ]at|job[ ]with
                 |work(?:ed|ing)[ ](?:for|at)|retired[ ]from|owns|owned
                 |agency(?=[ \t]*:)                  # a home-care note's "Agency: ..."
                 |(?:physician|pharmacist|nurse|teacher|engineer|electrician|machinist
                    |mechanic|lawyer|attorney|accountant|firefighter|cashier|technician
                    |programmer|professor|plumber|carpenter|welder|janitor|student|driver
                    |manager|clerk|cook|chef|employee|waitress|waiter|cleaner|guard)
                  [ ](?:at|with|w/|for)(?=[ ]))(?:[ ](?i:card|plan|company))?
               (?:[ ](?i:is|through|with|via)(?=[ ]))?[ ]*[:(]?[ ]*)
            (?P<value>(?!{_GENERIC_ORG_WORDS}\b)[A-Z][A-Za-z&'’-]+(?:[ ][A-Z][A-Za-z&'’-]+){{0,3}})
        """,
        score=0.65,
        group="value",
        check=org_cued_check,
    ),
    Pattern(
        name="org_run_by",
        label="ORGANIZATION",
        # Who runs a home, a service or a venue is named: "a group home in Maple Grove run by
        # REM Minnesota", "boats run by Şehir Hatları", "a clinic operated by the Horn of Africa
        # Health Alliance" (a person's name too, type aside); not "run by the ICU team" or
        # "RUN BY PHARMACY" (common or clinical words only: see _facility_words)
        regex=r"""
            (?<![\w'’-])(?i:run|operated)[ \t]+(?i:by)[ \t]+(?:(?i:the)[ \t]+)?
            (?P<value>[A-Z][\w'’&-]*
                      (?:[ \t]+(?:(?:of|for|and|de|du|der)[ \t]+)?
                         (?!(?:IN|AT|ON|TO|FOR|FROM|WITH|AND|OF|THE|SINCE|UNTIL)\b)
                         [A-Z][\w'’&-]*){0,5})
        """,
        score=0.6,
        validate=_runner_name,
        group="value",
    ),
    # ---------------------------------------------------------------- addresses
    Pattern(
        name="street_us",
        label="STREET_ADDRESS",
        regex=rf"""
            (?<![\w.,/-])
            (?:(?:{_UNIT})\.?[ ]+\#?[A-Za-z0-9-]{{1,6}},?[ ]+)?   # "Flat 3, " before the number
            (?P<number>\d{{1,6}}(?:-\d{{1,6}})?[A-Z]?)   # house number: 1234, 12-14, 221B
            [ ]+
            (?:(?:[NSEW]|NE|NW|SE|SW|North|South|East|West)\.?[ ]+)?    # N, East
            (?P<name>(?:(?:[A-Z][a-z]?\.|[A-Z][A-Za-z'’-]*|\d+{_ORDINAL})[ ]+){{1,4}})  # Elm, 5th
            {_STREET_END}                         # Street, St., Ave
            (?:[ ]+(?:[NSEW]|NE|NW|SE|SW)\b\.?)?  # post-direction
            (?:,?[ ]+(?:{_UNIT}|\#)\.?[ ]*\#?[ ]*[A-Za-z0-9-]{{1,6}}\b)?   # Apt 4B, Suite 200
        """,
        score=0.8,
        context=CTX_ADDRESS,
        check=street_check,
    ),
    Pattern(
        name="military_address",
        label="STREET_ADDRESS",
        # US forces' mail: "Unit 5503 Box 7815 / DPO AA 25003", "PSC 1234, Box 5678 / APO AE
        # 09001", "USNS Bell / FPO AA 88294" (the line break between the two parts, or none)
        regex=r"""
            (?<![\w])
            (?:(?:Unit|PSC|CMR)[ ]\d{1,5},?[ ]Box[ ]\d{1,5}
               (?:[ \t]*\n?[ \t]*(?:APO|FPO|DPO)[ ](?:AA|AE|AP)[ ]\d{5}(?:-\d{4})?)?
              |(?:USS|USNS|USNV|USCGC)[ ][A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2}
               [ \t]*\n?[ \t]*(?:APO|FPO|DPO)[ ](?:AA|AE|AP)[ ]\d{5}(?:-\d{4})?
              |(?:APO|FPO|DPO)[ ](?:AA|AE|AP)[ ]\d{5}(?:-\d{4})?
            )(?![\w])
        """,
        score=0.85,
        flags=re.IGNORECASE,
    ),
    Pattern(
        name="street_broadway",
        label="STREET_ADDRESS",
        regex=r"(?<![\w.,/-])\d{1,6}[A-Z]?[ ]+Broadway\b",
        score=0.8,
        context=CTX_ADDRESS,
    ),
    Pattern(
        name="street_french",
        label="STREET_ADDRESS",
        regex=r"""
            (?<![\w.,/-])
            \d{1,4}(?:[ ]?(?:bis|ter|[A-Z]))?,?[ ]+      # 12, 12 bis, 12,
            (?i:rue|avenue|av\.|boulevard|bd|place|all[ée]e|chemin|impasse|quai|cours
               |route|passage|faubourg|square)
            (?:[ ]+(?:(?:de|du|des|la|le|les|aux|au|sur|et)[ ]+)*   # de la, du
               (?:[dl]['’])?[A-ZÀ-Ý][\w'’-]*            # Paix, l'Église
            ){1,4}
        """,
        score=0.8,
        context=CTX_ADDRESS,
    ),
    Pattern(
        name="street_german",
        label="STREET_ADDRESS",
        regex=r"""
            (?<![\w-])
            (?:[A-ZÄÖÜ][a-zäöüß]+[ -](?:Straße|Strasse|Str\.|Weg|Gasse|Platz|Allee|Damm|Ufer)
              |[A-ZÄÖÜ][a-zäöüß-]*(?:straße|strasse|str\.|weg|gasse|platz|allee|damm|ufer))
            [ ]+\d{1,4}[a-zA-Z]?(?:[-/]\d{1,4}[a-zA-Z]?)?   # 12, 12a, 12-14
            (?![\w])
        """,
        score=0.75,
        context=CTX_ADDRESS,
    ),
    Pattern(
        name="street_highway",
        label="STREET_ADDRESS",
        # A highway or route by its number: "off Hwy 53", "Route 9", "state route 2".
        regex=r"""(?=[HhRrIiSsUu])(?<![\w-])
            (?P<value>(?i:hwy|highway|route|rte|interstate|state[ ]route|us[ ]route|us[ ]hwy)
                      [ ]?\d{1,3}[A-Za-z]?)(?![\w/-]|\.\d)""",
        score=0.6,
        group="value",
    ),
    Pattern(
        name="road_number",
        label="STREET_ADDRESS",
        # A British road by its number in traffic news: "closes parts of the M5 near
        # Tewkesbury", "Diversion via A24", "the A38 between Tewkesbury and Coombe Hill"; not an
        # artery's segment ("the M1 segment"): a road's words must stand near it.
        regex=r"(?=[AM])(?<![\w-])(?P<value>[AM][1-9]\d{0,3}(?:\(M\))?)(?![\w-]|\.\d)",
        score=0.6,
        group="value",
        check=lambda m: _ROAD_NEWS.search(m.string, max(0, m.start() - 60), m.end() + 60)
        is not None,
    ),
    Pattern(
        name="street_lower",
        label="STREET_ADDRESS",
        # A street written in lower case, as a post or a note writes it: "on 5th ave", "the dmv
        # on harbor blvd", "back on cesar chavez ave", "the tesco on castle street" (after a
        # preposition unless the street is numbered), and with its house number "14 ashworth
        # close", "42 orchard ln" (not "a 30 minute drive", "2 more days way")
        regex=r"""(?=[a-z\d])(?<![\w'’.,/-])
            (?:(?<=on[ ])|(?<=at[ ])|(?<=off[ ])|(?<=near[ ])|(?<=along[ ])|(?<=down[ ])
               |(?<=to[ ])|(?<=from[ ])|(?<=by[ ])|(?=\d{1,3}(?:st|nd|rd|th)[ ])
               |(?=\d{1,5}[ ][a-z]{3}))
            (?!(?:the|a|an|my|your|his|her|our|their|this|that)[ ])
            (?P<value>(?:\d{1,3}(?:st|nd|rd|th)|[a-z]{3,}(?:[ ][a-z]{3,})?)
                      [ ](?:ave|blvd|st|rd|pkwy|hwy|street|road)
                      |\d{1,5}[ ](?!(?:mins?|minutes?|hours?|hrs?|days?|weeks?|wks?|miles?|years?
                                      |yrs?|months?|times|blocks?|steps?|more|and|the|that|this
                                      |per|for|with|from|feet|flights?|euros|dollars|pounds)\b)
                       [a-z]{3,}(?:[ ][a-z]{3,})?
                       [ ](?:ave|blvd|st|rd|pkwy|hwy|street|road|ln|lane|dr|drive|ct|court|close
                            |way|cres|crescent|pl|place|terrace|gdns|gardens))
            (?![\w'’-]|\.\w)""",
        score=0.6,
        group="value",
    ),
    Pattern(
        name="street_upper",
        label="STREET_ADDRESS",
        # A street without its number in a note in capitals, after a preposition: "SPOKE W/
        # CVS ON CENTRE ST", "KEYS TO APT ON BLUE HILL AVE" (not "REMAINS ON SINUS ST": before
        # "ST", sinus tachycardia's, no clinical word)
        regex=r"""(?=[A-Z])(?<![\w'’-])
            (?:(?<=ON[ ])|(?<=AT[ ])|(?<=OFF[ ])|(?<=NEAR[ ])|(?<=ALONG[ ])|(?<=DOWN[ ]))
            (?!(?:THE|A|AN|MY|YOUR|HIS|HER|OUR|THEIR|THIS|THAT)[ ])
            (?P<value>[A-Z]{3,}(?:[ ][A-Z]{3,})?[ ](?:AVE|BLVD|ST|RD|STREET|ROAD|AVENUE))
            (?![\w'’-]|\.\w)""",
        score=0.6,
        group="value",
        check=lambda m: not m.group("value").endswith(" ST")
        or not any(map(is_technical_word, m.group("value").split()[:-1])),
    ),
    Pattern(
        name="street_title",
        label="STREET_ADDRESS",
        # A street without its number in title case, after a preposition: "found down outside
        # Sully's Tap on Main St.", "the garage on Harmon Ave", "bus 18 runs along 16th Street"
        # (the street's word abbreviated or written out; a saint's "St" stands before a name,
        # not after it)
        regex=r"""(?=[A-Z1-9])(?<![\w'’-])
            (?:(?<=on[ ])|(?<=at[ ])|(?<=off[ ])|(?<=near[ ])|(?<=along[ ])|(?<=down[ ])
               |(?<=outside[ ]))
            (?!(?:The|A|An|My|This|That)[ ])
            (?P<value>(?:[A-Z][a-z]{2,}(?:[ ][A-Z][a-z]{2,})?|[1-9]\d?(?:st|nd|rd|th))
                      [ ](?:Ave|Blvd|St|Rd|Street|Road|Avenue))  # "along 16th Street"
            (?![\w'’-]|\.\w)""",
        score=0.6,
        group="value",
    ),
    Pattern(
        name="road_number_us",
        label="STREET_ADDRESS",
        # An American numbered road after a word of travel: "driving on I-90 near Sturbridge",
        # "the long drive north on I-25", "took it to Pep Boys on Route 9", "crash on Hwy 101"
        # (not a note's "RT" or "SR": a therapist and a sinus rhythm; not an isotope, "I-131")
        regex=r"""
            (?<![\w-])(?i:on|off|onto|along|near|via|take|took|taking|exit|from|to|down|up|across)
            [ \t]+(?:(?i:the)[ \t]+)?
            (?P<value>(?:I|IH)-(?!12[35]\b|131\b)\d{1,3}|(?:Interstate|INTERSTATE|Hwy|HWY|Highway
                      |HIGHWAY|Route|ROUTE|Rte|RTE)[ ]\d{1,3}[A-Z]?)
            (?![\w/-])
        """,
        score=0.6,
        group="value",
    ),
    Pattern(
        name="street_word_first",
        label="STREET_ADDRESS",
        # the street's word before its name and number, as Polish, Italian, Spanish and
        # Portuguese write it: "ul. Długa 14", "al. Jerozolimskie 54/3", "Piazza Navona 12",
        # "calle Mayor 5", "Avda. de la Constitución 12", "Rua Augusta 100"
        regex=r"""
            (?=[UuAaCcRrTtVvPp])                # (a cheap first test at each position)
            (?<![\w.])(?<!et[ ])                 # "et al. Nature 12" is a citation
            (?:(?i:ul|al|avda|av)\.[ ]?|(?i:ulica|aleja|calle|avenida|rua|travessa)[ ]
               |(?:Viale|Piazza|Corso)[ ])       # ("Via London 3 times": no "Via")
            (?:(?:de|del|de[ ]la|dos|das|da|di|della|delle)[ ])?
            [A-ZÀ-ÝĄĆĘŁŃÓŚŹŻ][\w'’.-]*
            (?:[ ](?:(?:de|del|de[ ]la|dos|das|da|di|della|delle|i)[ ])?
               [A-ZÀ-ÝĄĆĘŁŃÓŚŹŻ][\w'’.-]*){0,3}
            ,?[ ]\d{1,4}[a-zA-Z]?(?:[-/]\d{1,4}[a-zA-Z]?)?
            (?![\w]|[ ]?(?:%|(?i:mg|km|m|h|hrs?|hours?|days?|min)\b))
        """,
        score=0.75,
        context=CTX_ADDRESS,
    ),
    Pattern(
        name="po_box",
        label="STREET_ADDRESS",
        regex=r"""
            (?<![\w.])
            (?:P\.?[ ]?O\.?|Post[ ]Office)[ ]*Box   # PO Box, P.O. Box
            [ ]+\#?\d{1,7}(?![\w])
        """,
        score=0.85,
        context=CTX_ADDRESS,
        flags=re.IGNORECASE,
    ),
    Pattern(
        name="unit",
        label="STREET_ADDRESS",
        regex=r"""
            (?=[ \t>?*•|SAF])                  # (a cheap first test at each position)
            (?:^(?:[ \t]*(?:>|\?{3}|[*•|]))?   # own line, quoted or bulleted ("> Apt. 918"),
              |(?<=\bin[ ])|(?<=\bat[ ])|(?<=\bto[ ])|(?<=:[ ]))  # "in Suite 200",
            [ \t]*                                     # "Ship to: Flat 12B"; inside a street line
            (?P<value>(?:Suite|Ste\.?|Apt\.?|Apartment|Flat)  # the street pattern covers it
                [ ]*\#?[ ]*\d{1,5}[A-Z]?)(?![\w])
        """,
        score=0.6,
        context=CTX_ADDRESS,
        flags=re.MULTILINE,
        group="value",
    ),
    Pattern(
        name="city_state_zip",
        label="LOCATION",
        regex=rf"""
            (?=[A-Z])(?<![\w])             # (a cheap first test at each position)
            (?P<value>
                (?:(?:St|Ste|Ft|Mt)\.?[ ]+)?      # St. Louis, Ft Worth
                (?!(?:{_STREET_SUFFIX})\b)[A-Z][a-z'’]+   # a capitalised word, not "Street"
                (?:[ -](?!(?:{_STREET_SUFFIX})\b)[A-Z][a-z'’]+){{0,3}}   # New York, Winston-Salem
            )
            ,[ ]+(?:{_STATE_ABBR}|{_STATE_NAME})  # , MA
            [ ]+{_ZIP}                            # 02115
        """,
        score=0.85,
        group="value",
    ),
    Pattern(
        name="state_after_city",
        label="LOCATION",
        # The state after a town and a comma, ending the line ("Riverside Community Hospital,
        # Attleboro, MA"), where its code is no credential or word ("Jones, MD"). Before a ZIP
        # the address patterns read the town and the ZIP, and the state stays, as Safe Harbor
        # allows.
        regex=rf"""
            (?<=[a-z’'],[ ])
            (?P<value>{_STATE_ABBR}|{_STATE_NAME})
            (?=[ \t]*\r?$)
        """,
        score=0.7,
        group="value",
        flags=re.MULTILINE,
        check=lambda match: re.fullmatch(_AMBIGUOUS_STATES, match.group("value")) is None,
    ),
    Pattern(
        name="zip_after_state",
        label="ZIP_CODE",
        regex=rf"""
            (?:,[ ]*(?:{_STATE_ABBR})             # ", MA": the comma, as "ID", "OR", "MS"
                                                  # and "PA" are also everyday abbreviations
              |(?<![\w])(?:{_STATE_NAME}),?)      # "Massachusetts"
            [ ]+(?P<value>{_ZIP})                 # 02115, 02115-1234
        """,
        score=0.9,
        group="value",
    ),
    Pattern(
        name="zip_labelled",
        label="ZIP_CODE",
        regex=rf"""
            (?<![\w])(?i:zip(?:[ ]?code)?|zip\+4|postal[ ]code)   # ZIP, zip code
            [ \t]*[:\#]?[ \t]*(?:(?i:is)[ \t]+)?     # "my zip code is 88889"
            (?P<value>{_ZIP})
        """,
        score=0.9,
        group="value",
    ),
    Pattern(
        name="uk_postcode",
        label="ZIP_CODE",
        # presidio-analyzer's position-specific UK rules, with the space between the halves.
        regex=r"""
            \b(?:GIR[ ]0AA
               |[A-PR-UWYZ][0-9][ABCDEFGHJKPSTUW]?[ ][0-9][ABD-HJLNP-UW-Z]{2}
               |[A-PR-UWYZ][0-9]{2}[ ][0-9][ABD-HJLNP-UW-Z]{2}
               |[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY]?[ ][0-9][ABD-HJLNP-UW-Z]{2}
               |[A-PR-UWYZ][A-HK-Y][0-9]{2}[ ][0-9][ABD-HJLNP-UW-Z]{2}
            )\b
        """,
        score=0.6,
        context=CTX_POSTCODE,
    ),
    Pattern(
        name="eircode",
        label="ZIP_CODE",
        # Irish Eircodes: a routing key (letter + 2 digits, or D6W) and a 4-character unique
        # identifier from their own alphabet ("H91 E2K7", "D02 X285"); at least one digit in it.
        regex=r"""
            (?<![\w-])(?:[AC-FHKNPRTV-Y]\d{2}|D6W)[ ]?
            (?=[0-9AC-FHKNPRTV-Y]{0,3}\d)[0-9AC-FHKNPRTV-Y]{4}(?![\w-])
        """,
        score=0.6,
        context=(*CTX_POSTCODE, "eircode", "ireland", "dublin", "co."),
    ),
    Pattern(
        name="eu_postcode_prefixed",
        label="ZIP_CODE",
        regex=r"""
            (?<![\w-])
            (?P<value>(?:D|A|CH|F|I|B|L|NL)-\d{4,5})   # D-10115, CH-8001
            (?=[ ]+[A-ZÄÖÜÉ][a-zäöüßéèàç])           # followed by a city name
        """,
        score=0.8,
        group="value",
    ),
    Pattern(
        name="gps_pair",
        label="LOCATION",
        # GPS coordinates: "42.4440, -76.5019", "(40.7128,-74.0060)" (3+ decimals each).
        regex=r"""
            (?<![\w.-])(?P<value>[-+]?(?:[0-8]?\d|90)\.\d{3,8}°?[ ]?[NS]?,[ ]?
            [-+]?(?:1[0-7]\d|0?\d{1,2}|180)\.\d{3,8}°?[ ]?[EW]?)(?![\w]|\.\d)
        """,
        score=0.75,
        context=("gps", "coordinates", "location", "lat", "latitude", "geo"),
        group="value",
    ),
    Pattern(
        name="gps_labelled",
        label="LOCATION",
        # "lat 42.4440", "long -76.5019", "latitude: 51.5072": a coordinate after its label.
        regex=r"""
            (?<![\w])(?i:lat(?:itude)?|lon(?:g(?:itude)?)?|lng)\.?[ \t]*[:=]?[ \t]*
            (?P<value>[-+]?\d{1,3}\.\d{2,8}°?)(?![\w]|\.\d)
        """,
        score=0.8,
        group="value",
    ),
    Pattern(
        name="news_dateline",
        label="LOCATION",
        # The dateline of a news story: "BOSTON (Reuters) -", "LAGOS, Nigeria (AP) —",
        # "NEW DELHI, March 3 (Reuters) -", "SAN FRANCISCO, Calif. —": a place in capitals
        # at the start of a line, then a news agency, or a region and a dash.
        regex=r"""
            ^[ \t]*
            (?!(?:NOTE|NOTES|PLAN|UPDATE|UPDATED|ASSESSMENT|IMPRESSION|ADDENDUM|CORRECTION|
                 EXCLUSIVE|BREAKING|ANALYSIS|OPINION|EDITORIAL|WATCH|VIDEO|PHOTOS|LIVE)\b)
            (?P<value>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'’-]+(?:[ ][A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'’-]+){0,3}
                      (?:,[ ][A-ZÀ-ÖØ-Þ][\w.'’-]*(?:[ ][A-ZÀ-ÖØ-Þ][\w.'’-]*){0,2})?)
            (?:
                (?:,[ ][^()\n]{1,30}?)?[ ]\((?:[A-Z][\w.&'’ -]{0,25}|dpa)\)[ ]?[-–—]
                (?![\w-])                        # a dash, not "(HE)-STAINED"
              | (?<=[a-z.])[ ][–—-][ ]
            )
        """,
        score=0.8,
        flags=re.MULTILINE,
        group="value",
    ),
    Pattern(
        name="city_state_zip_plain",
        label="LOCATION",
        # "Madison WI  53703" (no comma): the ZIP after the state makes the abbreviation safe.
        regex=rf"""
            (?=[A-Z])(?<![\w])             # (a cheap first test at each position)
            (?P<value>
                (?!(?:{_STREET_SUFFIX})\b)[A-Z][a-z'’]+
                (?:[ -](?!(?:{_STREET_SUFFIX})\b)[A-Z][a-z'’]+){{0,2}}
            )
            [ ]+(?!{_AMBIGUOUS_STATES}\b)(?:{_STATE_ABBR})[ ]{{1,2}}{_ZIP}
        """,
        score=0.75,
        group="value",
    ),
    Pattern(
        name="zip_after_state_plain",
        label="ZIP_CODE",
        regex=rf"""
            (?<=[a-z'’])[ ]+(?!{_AMBIGUOUS_STATES}\b)(?:{_STATE_ABBR})  # "Madison WI"
            [ ]{{1,2}}(?P<value>{_ZIP})
        """,
        score=0.85,
        group="value",
    ),
    Pattern(
        name="postal_line_code",
        label="ZIP_CODE",
        # A European postal line on its own line: "10115 Berlin", "30-485 Wrocław",
        # "8844 UR Groningen", "75008 PARIS", "D-80331 München" (not "1234 Elm Street").
        regex=_postal_line(code_group=True),
        score=0.75,
        group="value",
    ),
    Pattern(
        name="postal_line_city",
        label="LOCATION",
        regex=_postal_line(code_group=False),
        score=0.75,
        group="value",
    ),
    Pattern(
        name="serial_token",
        label="DEVICE_ID",
        # "serial D43E0A2F", "Laptop serial SN610522754": letters and digits, or 8+ digits.
        regex=r"""
            (?<![\w])(?i:serial)[ \t]+
            (?P<value>(?=[A-Za-z0-9-]*[A-Za-z])(?=[A-Za-z0-9-]*\d)[A-Za-z0-9][A-Za-z0-9-]{5,}
                     |\d{8,})
            (?![\w])
        """,
        score=0.8,
        group="value",
    ),
    Pattern(
        name="prefixed_id",
        label="ID_NUMBER",
        # Record-style identifiers: a short upper-case prefix glued to 6+ digits
        # ("MR4758170", "RAD41670742", "SN610522754", "EMP-098341").
        regex=r"(?<![\w-])[A-Z]{1,4}-?\d{6,12}(?![\w-])",
        score=0.6,
    ),
    Pattern(
        name="prefixed_id_segmented",
        label="ID_NUMBER",
        # A prefix and groups of digits: "CLM-2021-004512", "INV-22-88412", "PT-4471-923".
        regex=r"(?<![\w-])[A-Z]{2,5}(?:-\d{2,8}){2,3}(?![\w-])",
        score=0.6,
    ),
    Pattern(
        name="whole_field_number",
        label="ID_NUMBER",
        # A CSV cell or JSON field that is one long number and nothing else ("48213377"): a
        # record, account or member number; amounts have decimals, counts are short.
        regex=r"\A[ \t]*(?P<value>\d{7,14})[ \t]*\Z",
        score=0.6,
        group="value",
    ),
    Pattern(
        name="number_line",
        label="ID_NUMBER",
        # A line that is one long number and nothing else, as a record's header stacks them
        # ("718429357 CTMC / 28561974 / 817662 / 11/16/1997"): a record, visit or accession
        # number; a measurement has its unit beside it, a count is short.
        regex=r"(?m)^[ \t]*(?P<value>\d{6,12})[ \t]*\r?$",
        score=0.55,
        group="value",
    ),
    Pattern(
        name="record_header_number",
        label="ID_NUMBER",
        # The numbers of a record's header line in fields between pipes, as a dictation system
        # exports it ("022111412 | FIH | 21564853 | | 0121371 | 6/15/2005 12:00:00 AM |
        # Discharge Summary"): the record, patient and visit numbers.
        regex=r"""(?m)(?:^|(?<=\|))[ \t]*(?P<value>\d{6,12})[ \t]*\|""",  # "|": a literal
        score=0.6,
        group="value",
        check=lambda m: _RECORD_HEADER.match(m.string, _line_start(m.string, m.start()))
        is not None,
    ),
    Pattern(
        name="record_header_site",
        label="LOCATION",
        # The hospital's code after a record's number on its header line: "718429357 CTMC",
        # "022111412 | FIH | 21564853 | ...".
        regex=r"""
            (?m)^[ \t]*\d{6,12}[ \t]*(?:\|[ \t]*)?
            (?P<value>(?!(?:AM|PM|MRN|DIS|ID|NO)\b)[A-Z]{2,6})
            [ \t]*(?=\||\r?$)
        """,
        score=0.6,
        group="value",
    ),
    Pattern(
        name="labelled_slashed_number",
        label="ID_NUMBER",
        # Case, application and dictation job numbers in parts: "Application no. 41872/98",
        # "JOB# KQ882/40417", "Case No: 2019-CV-0412".
        regex=r"""
            (?<![\w/])
            (?i:application|appl\.?|case|complaint|petition|docket|job|dictation|transcription
               |document|doc|file|claim|matter|appeal|judgment)
        """ + _TAIL_REQUIRED + r"""
            (?P<value>[A-Za-z0-9]{1,12}(?:[/-][A-Za-z0-9]{1,12}){1,3})
            (?![\w/])
        """,
        score=LABELLED_ID_SCORE,
        validate=identifier_valid,
        group="value",
    ),
    Pattern(
        name="court_application_numbers",
        label="ID_NUMBER",
        # Court and tribunal numbers in running prose, one or a list: "an application (no.
        # 41872/98)", "applications nos. 2345/95 and 2346/95", "Case number 1234/2001".
        regex=r"""
            (?<![\w/])
            (?i:applications?|appl\.?|cases?|complaints?|petitions?|appeals?|judgments?)
            [ \t]*\(?[ \t]*(?i:nos?\.?|numbers?|nrs?\.?)[ \t]*:?[ \t]*
            (?P<value>\d{1,6}/\d{2,4}(?:[ \t]*(?:,|and|&)[ \t]*\d{1,6}/\d{2,4})*)
            (?![\w/])
        """,
        score=LABELLED_ID_SCORE,
        group="value",
    ),
    Pattern(
        name="court_bare_numbers",
        label="ID_NUMBER",
        # The same after a bare "no." when the number before the slash has four digits or
        # more ("(no. 41872/98)"; "no. 120/80" is no case), or a domestic file's year first
        # ("registered under no. 1997/4521", Turkish "E. 1997/123, K. 1998/45") or last, or
        # its other shapes (_COURT_FILE: "no. I C 1322/95", "no. P-4127/98").
        regex=rf"""
            (?<![\w])(?:(?i:nos?\.)|[EK]\.)[ \t]*
            (?P<value>{_COURT_FILE}(?:[ \t]*(?:,|and|&)[ \t]*{_COURT_FILE})*)
            (?![\w/])
        """,
        score=LABELLED_ID_SCORE,
        group="value",
    ),
    Pattern(
        name="court_signature",
        label="ID_NUMBER",
        # A court file's signature in parts, after its label: Polish "case no. I C 1234/01",
        # "sygn. akt II AKa 123/02", German "Az. 3 U 45/19".
        regex=r"""
            (?<![\w/])
            (?i:(?:case|file|docket|ref(?:erence)?)[ \t]*(?:nos?\.?|numbers?|nr\.?)
               |sygn\.(?:[ \t]*akt)?|az\.)
            [ \t]*:?[ \t]*
            (?P<value>(?:[IVX]{1,4}|\d{1,3})[ \t]+[A-Z][A-Za-z]{0,4}(?:[ \t]+[A-Z][A-Za-z]{0,3})?
                      [ \t]+\d{1,6}/\d{2,4})
            (?![\w/])
        """,
        score=LABELLED_ID_SCORE,
        group="value",
    ),
    Pattern(
        name="court_number_of_year",
        label="ID_NUMBER",
        # A case's number and year in Indian and other common-law courts: "CRIMINAL APPEAL NO.
        # 1187 OF 2016", "W.M.P. No. 21567 of 2018"; a law's is none ("Act No. 12 of 1999").
        regex=r"""
            (?<![\w])(?i:nos?)\.?[ \t]*
            (?P<value>\d{1,6}[ \t]+(?i:of)[ \t]+(?:19|20)\d\d)(?!\d)
        """,
        score=LABELLED_ID_SCORE,
        group="value",
        check=lambda match: _LAW_BEFORE.search(
            match.string, max(0, match.start() - 20), match.start()) is None,
    ),
    Pattern(
        name="docket_number",
        label="ID_NUMBER",
        # An American docket number, two digits of the year and the case's: "No. 18-1390",
        # "next in Case 22-1147", "Docket No. 21-5567".
        regex=r"""
            (?<![\w])(?i:nos?\.|case|docket(?:[ \t]+no\.)?)[ \t]*
            (?P<value>\d{2}-\d{3,5})(?![\w/-])
        """,
        score=LABELLED_ID_SCORE,
        group="value",
    ),
    Pattern(
        name="neutral_citation",
        label="ID_NUMBER",
        # A judgment's neutral citation: the year in brackets, the court's code in capitals and
        # a number ("[2019] EWCA Civ 2147", "[2021] EWHC 3318 (QB)", "[2020] IEHC 512", "[2022]
        # SGHC 137", "[2018] NSWCA 214", "[2023] KEHC 24519 (KLR)"), or without brackets in the
        # courts that write it so ("2020 FC 688", "2019 SCC 65", "2021 ONCA 12").
        regex=r"""
            (?=\[|(?:19|20)\d\d[ \t]+[A-Z])
            (?:\[(?:19|20)\d\d\][ \t]+[A-Z]{2,8}(?:[ \t]+(?:Civ|Crim|Admin|Fam|Comm|Ch|QB|KB))?
              |(?<![\w\[])(?:19|20)\d\d[ \t]+(?:SCC|FCA|FC|ONCA|ONSC|BCCA|BCSC|ABCA|ABQB|QCCA|QCCS
                                              |NSCA|NBCA|MBCA|SKCA|NLCA|TCC|CMAC|HCA|NZSC|NZCA))
            [ \t]+\d{1,5}(?![\w/])(?:[ \t]+\([A-Za-z]{2,10}\))?
        """,
        score=LABELLED_ID_SCORE,
    ),
    Pattern(
        name="court_case_code",
        label="ID_NUMBER",
        # A case's code alone on a line of a judgment's heading: "A18-1432", "IP18C00412",
        # "DA 19-0412", "UKEAT/0219/19/BA", "EA-2019-000641" (letters, then digits and more;
        # in a text that speaks of a court, in its first 2,000 characters)
        regex=r"""
            (?m)^[ \t]*(?P<value>[A-Z]{1,6}(?:[ ]|[/-])?\d{2}[A-Z0-9/.:-]{2,20}(?<=[A-Z0-9]))
            [ \t]*\r?$
        """,
        score=LABELLED_ID_SCORE,
        group="value",
        check=_case_code_of_a_judgment,
    ),
    Pattern(
        name="court_heading",
        label="ORGANIZATION",
        # The court in a judgment's heading, on a line of its own in capitals: "IN THE HIGH
        # COURT OF JUDICATURE AT MADRAS", "ON APPEAL FROM THE FAMILY COURT AT IPSWICH", "IN
        # COURT OF APPEALS", "IN THE COURT OF APPEAL (CIVIL DIVISION)", "UNITED STATES COURT OF
        # APPEALS FOR THE NINTH CIRCUIT", "*   IN THE HIGH COURT OF DELHI AT NEW DELHI", "OUTER
        # HOUSE, COURT OF SESSION".
        regex=r"""
            (?m)^[ \t*]*(?!FOR[ ]THESE[ ]REASONS)(?:(?:IN|ON[ ]APPEAL[ ]FROM|BEFORE)[ ](?:THE[ ])?)?
            (?P<value>(?:[A-Z][A-Z'&.,-]*[ ]){0,6}COURTS?(?:[ ][A-Z][A-Z'&.-]*){0,10}
                      (?:[ ]\([A-Z][A-Z ]{2,30}\))?)    # "COURT OF APPEAL (CIVIL DIVISION)"
            [ \t]*\r?$
        """,
        score=0.7,
        group="value",
    ),
    # A party in a judgment's heading: a line with its role after a column gap, a row of dots
    # or on the next line ("MINISTER OF POLICE        First Defendant", "THE LAND REGISTRAR,
    # NAKURU.......2ND DEFENDANT", "TE ARAROA HOLDINGS LIMITED\nPlaintiff"): an organisation
    # where a word says so, else a person; the Crown or the State is no one.
    Pattern(name="court_party", label="PERSON", regex=_COURT_PARTY, score=0.7, group="value",
            validate=lambda value: court_party_valid(value) and not _organisation_party(value)),
    Pattern(name="court_party_organisation", label="ORGANIZATION", regex=_COURT_PARTY,
            score=0.7, group="value",
            validate=lambda value: court_party_valid(value) and _organisation_party(value)),
    Pattern(
        name="us_case_number",
        label="ID_NUMBER",
        # A US federal court's case number: office, year, kind, serial, judge's initials and
        # defendant ("2:17-cr-00098-HTM-1", "1:20-cv-04417").
        regex=r"""(?=\d:\d\d-)(?<![\w:-])\d:\d{2}-(?:cr|cv|mj|mc|md|bk|ap|po|sw)-\d{3,6}
                  (?:-[A-Z]{2,4})?(?:-\d{1,3})?(?![\w-])""",
        score=LABELLED_ID_SCORE,
    ),
    Pattern(
        name="date_compact_labelled",
        label="DATE",
        # A date of eight digits after "Date": "Date: 20200611" (the Federal Court of Canada).
        regex=r"""(?=[Dd])(?i:\bdate)[ \t]*:[ \t]*(?P<value>(?:19|20)\d\d(?:0[1-9]|1[0-2])
                  (?:0[1-9]|[12]\d|3[01]))(?!\d)""",
        score=0.85,
        group="value",
    ),
    Pattern(
        name="bail_application",
        label="ID_NUMBER",
        # An Indian court's application after its abbreviation: "BAIL APPLN. 3512/2020",
        # "CRL.M.A. 4417/2021", a motor accident claim's appeal "MAC.APP. 412/2019".
        regex=r"""(?=[BACWLRFSM])(?<![\w.])
                  (?:BAIL[ ]APPLN|APPLN|CRL\.M\.A|CRL\.A|CRL\.REV\.P|W\.P\.\(C\)|CS\(OS\)
                  |LPA|RFA|FAO|CM[ ]APPL|MAC\.?[ ]?APP)\.?[ \t]*(?:No\.?[ \t]*)?
                  (?P<value>\d{1,6}/(?:19|20)\d\d)(?!\d)""",
        score=LABELLED_ID_SCORE,
        group="value",
    ),
    Pattern(
        name="echr_respondent_state",
        label="LOCATION",
        # The respondent state in a Strasbourg judgment's title: "CASE OF RUSSO v. ITALY",
        # "CASE OF X AND OTHERS v. THE UNITED KINGDOM".
        regex=r"(?m)^[ \t]*CASE[ ]OF[ ][^\n]{1,120}?[ ]v\.?[ ](?:THE[ ])?"
              r"(?P<value>[A-Z][A-Z'-]+(?:[ ][A-Z][A-Z'-]+){0,3})[ \t]*\r?$",
        score=0.7,
        group="value",
    ),
    Pattern(
        name="closing_initials",
        label="PERSON",
        # Initials alone on a document's last line: a judgment's stenographer ("17.10.2019\n
        # Index : Yes\nvsm"), a note's nurse ("wean as tol.\nJM", "-lmc"); no word, shorthand
        # or chat; "-LMcG".
        regex=r"""
            (?:\n[ \t]*(?:-{1,2}|—)?|[.!][ \t]+(?:-{1,2}|—))   # its own line, or "... in am. -jt"
            [ \t]*(?P<value>[a-z]{2,4}|[A-Z]{2,3}|[A-Z]{1,2}[a-z]{1,2}[A-Z])[ \t]*\n?[ \t]*\Z
        """,
        score=0.6,
        group="value",
        check=_closing_initials,
    ),
    Pattern(
        name="initials_credential",
        label="PERSON",
        # A nurse's or therapist's initials and credential alone on a line, as a note is
        # signed: "K.L. RN", "AF RN", "JMK, RRT" (not "PT RN", "SW CM": roles).
        regex=r"""
            (?m)^[ \t]*-{0,2}[ \t]*
            (?P<value>(?:[A-Z]\.[ ]?){2,3}|(?!(?:PT|OT|SW|CM|RN|NP|MD|DR|PA)\b)[A-Z]{2,3})
            ,?[ \t]+(?:RN|LPN|NP|RRT|RT|LICSW|LCSW|MSW|RD|CCM|BSN)\b[ \t]*\r?$
        """,
        score=0.6,
        group="value",
        validate=_signing_initials,
    ),
    Pattern(
        name="closing_name",
        label="PERSON",
        # A nurse's given name after a dash on a note's last line: "restraint order renewed.
        # \n--amy", "-- Grace": a listed name, no shorthand or grammar word ("-- pt", "--and").
        regex=r"""
            \n[ \t]*(?:-{1,2}|—)[ \t]*(?P<value>[A-Za-z][a-z]{1,14})[ \t]*\n?[ \t]*\Z
        """,
        score=0.6,
        group="value",
        validate=lambda value: (is_listed_name(value) and not is_technical_word(value)
                                and value.lower() not in CHAT_WORDS
                                and value.lower() not in GRAMMAR_WORDS),
    ),
    Pattern(
        name="dictation_initials",
        label="PERSON",
        # Dictating and transcribing initials on a line of their own: "JRK/mlt/bsk", "JRK:mlt".
        # (not a nurse's initials and credential: "MM/RN" is "MM", the initials rule's)
        regex=r"(?m)^[ \t]*(?P<value>[A-Z]{2,4}(?:[/:](?!(?:RN|LPN|MD|NP|PA|RRT)\b)"
              r"[A-Za-z]{2,4}){1,3})[ \t]*$",
        score=0.7,
        group="value",
    ),
    Pattern(
        name="transcriber_initials",
        label="PERSON",
        # A dictated report's transcriber, after "TR :" on its line or alone on the next:
        # "TR :\ndp / bmot", "TR : ra".
        regex=r"""(?m)^[ \t]*TR[ \t]*:[ \t]*(?:\r?\n[ \t]*)?
            (?P<value>[a-z]{2,4}(?:[ \t]*/[ \t]*[a-z]{2,4}){0,2})[ \t]*$""",
        score=0.7,
        group="value",
    ),
    Pattern(
        name="signature_code",
        label="ID_NUMBER",
        # A dictating clinician's code after the credential, in brackets or at the end of a
        # signature line: "FERRER , LEE , M.D. TK04", "BALOGUN , TEMITOPE , M.D. ( TB53 )",
        # "dictated by: yusuf demir, md YD62".
        regex=r"""(?m)(?=[Mm])(?<![\w.])(?:M\.?D\.?|md)[ \t]+
            (?:\([ \t]*(?=[A-Z]{2,3}\d{1,3}[ \t]*\))|(?=[A-Z]{2,3}\d{1,3}[ \t]*$))
            (?P<value>[A-Z]{2,3}\d{1,3})""",
        score=0.7,
        group="value",
    ),
    Pattern(
        name="dictation_stamp_initials",
        label="PERSON",
        # A typist's initials after the dictation or transcription date (and time) on a stamp
        # line: "Trans 12/23/15 1102 cmj", "DICTATED 23/11/2016 TYPED 25/11/2016 TM/JLW".
        regex=rf"""(?m)(?=[DdTt])(?<![\w/.-])(?:{_STAMP}|(?i:typed))[ \t]*[:.]?[ \t]*
            \d{{1,2}}/\d{{1,2}}/\d{{2,4}}(?:[ \t]+\d{{3,4}})?[ \t]+
            (?P<value>[A-Za-z]{{2,4}}(?:/[A-Za-z]{{2,4}}){{0,3}})[ \t]*$""",
        score=0.6,
        validate=lambda value: value.lower() not in ("am", "pm", "a.m", "p.m", "est", "edt"),
        group="value",
    ),
    Pattern(
        name="dictation_stamp_number",
        label="ID_NUMBER",
        # A dictation's number at the end of its stamp line, after "#": "D 4/16/12 T 4/17/12
        # GM/sdw  #883104".
        regex=rf"""(?m)(?=[DdTt])(?<![\w/.-]){_STAMP}
            [ \t]*[:.]?[ \t]*\d{{1,2}}/\d{{1,2}}/\d{{2,4}}[^\n#]{{0,60}}
            \#[ \t]?(?P<value>\d{{4,10}})[ \t]*$""",
        score=0.6,
        group="value",
    ),
    Pattern(
        name="dictation_initials_lower",
        label="PERSON",
        # Initials in lower case on a line of their own in a dictated report's footer: "yd/pel"
        # above "dd: 08/03/09" (two letters or more a side: no "s/p", "n/v", "c/o").
        regex=rf"""(?m)(?=[a-z])^[ \t]*(?P<value>[a-z]{{2,4}}/[a-z]{{2,4}})[ \t]*\n
            (?=[ \t]*{_STAMP}[ \t]*[:.]?[ \t]*\d)""",
        score=0.6,
        validate=lambda value: value != "and/or" and not any(
            map(is_technical_word, value.split("/"))),
        group="value",
    ),
    Pattern(
        name="dictated_record_number",
        label="MEDICAL_RECORD_NUMBER",
        # A record number of four parts ("311-52-09-7", "KOWALSKA , IRENA 114-72-06-3").
        regex=r"(?=\d)(?<![\w./-])\d{3}-\d{2}-\d{2}-\d(?![\w/-]|\.\d)",
        score=0.6,
    ),
    Pattern(
        name="header_numbers",
        label="ID_NUMBER",
        # A number of five digits alone on a line below a dictated report's first line
        # ("518832746 FIH\n6672051\n29843\n"), or two numbers joined by a slash there
        # ("8123/4621", "41839/6x2p"); longer ones are number_line's anywhere.
        regex=r"(?m)^[ \t]*(?P<value>\d{5}|\d{3,6}/(?=[a-z\d]*\d)[a-z\d]{3,6})[ \t]*\r?$",
        score=0.55,
        group="value",
        check=lambda match: (_REPORT_HEADER.match(match.string) is not None
                             and match.string.count("\n", 0, match.start()) <= 4),
    ),
    Pattern(
        name="header_record_number",
        label="MEDICAL_RECORD_NUMBER",
        # A dictated report's first line: the record number and the hospital's code
        # ("018636330 DH", "014990154 RWH").
        regex=r"\A" + _REPORT_HEADER_LINE,
        score=0.7,
        group="value",
    ),
    Pattern(
        name="dictation_initials_in_footer",
        label="PERSON",
        # The same between the column gaps of a footer line ("T: 05/12/91  JRK/mlt/bsk  JOB
        # #: ..."), there with a slash and the typists' initials in lower case only.
        regex=r"(?m)(?<=[ \t]{2})[A-Z]{2,4}(?:/[a-z]{2,4}){1,2}(?=[ \t]{2}|[ \t]*$)",
        score=0.7,
    ),
    Pattern(
        name="job_number_slashed",
        label="ID_NUMBER",
        # A dictation's job or document number: letters and digits, a slash, digits
        # ("KQ882/40417"); a ratio or a vertebral level has no letters-and-digits head
        # ("120/70", "C5/6", "T10/11").
        regex=r"(?<![\w/.-])[A-Z]{1,3}\d{3,6}/\d{4,8}(?![\w/.-])",
        score=0.6,
    ),
    Pattern(
        name="job_number_unmarked",
        label="ID_NUMBER",
        # A dictation's job number after "job" with no "#" or "no." ("Dictated 05/16/2019
        # 17:42, Job 889127", "JOB 0088213-2"): five digits or more, no count ("a job 40 hours a
        # week").
        regex=r"(?=[Jj])(?<![\w/.-])(?i:job)[ \t]+(?P<value>\d{5,9}(?:-\d{1,2})?)(?![\w/.-])",
        score=0.6,
        group="value",
    ),
    Pattern(
        name="pathology_accession",
        label="ID_NUMBER",
        # A pathology specimen's accession number, its letter, year and serial: "core biopsy
        # (S07-19902)", "accession S19-08834", after a word of pathology on its line.
        regex=r"(?=[A-Z])(?<![\w/.-])(?P<value>[A-Z]{1,2}\d{2}-\d{4,6})(?![\w/-]|\.\d)",
        score=0.6,
        group="value",
        context=("biopsy", "biopsies", "pathology", "path", "specimen", "specimens",
                 "accession", "cytology", "surgical", "slides", "block", "blocks"),
        requires_context=True,
        context_window=40,
    ),
    Pattern(
        name="facility_short",
        label="LOCATION",
        # A facility named by its short form after a transfer, a follow-up or an inpatient's
        # stay: "transfer to NWH", "followed at DFCI", "listed for tx at BWH", "inpatient TUH";
        # "d/c'd to SNF" is no name (ward and service abbreviations are common words: see
        # validate), but a hospital's initials that end in its "H" or "MC" are one even when
        # chat spells them too ("transferred from SMH"), unless they are the clinic's
        # shorthand ("came from OSH", "discharged to LTACH").
        regex=r"""
            (?=[tTxXdDaAsSrRcCbBmMfFlLiI])      # (a cheap first test at each position)
            (?:(?i:transfer(?:red|ring)?|xfer(?:red)?|d/?c(?:['’]?d)?|discharged?|admitted
                  |sent|transported|returned?|readmitted|came|coming|back|arrived|moved
                  |followed|seen|treated|listed[ \t]+for[ \t]+[A-Za-z]{2,12})
               [ \t]+(?i:to|from|at)
              |(?i:inpatient|inpt))
            [ \t]+(?:(?i:the)[ \t]+)?
            (?P<value>[A-Z]{2,6})(?![\w/&-])
        """,
        score=0.7,
        validate=_facility_short_valid,
        group="value",
    ),
    Pattern(
        name="facility_initials_heading",
        label="LOCATION",
        # A hospital's initials, which end in its "H" or "MC", in a note's heading, after a
        # dash, a comma or a column's gap: "NURSE'S NOTES – VSMMC", "FEMALE MEDICAL WARD, LUTH
        # 14/6/24", "KNH – Ward 7C", "DIETETICS OP – SGH" (in the first three lines)
        regex=r"""
            (?=[A-Z])(?:(?<=^)|(?<=\n)|(?<=[–—-][ ])|(?<=,[ ])|(?<=[ \t]{2}))
            (?P<value>[A-Z]{2,4}(?:H|MC))
            (?=[ \t]*(?:\r?\n|\Z|[ \t]{2}|[–—-][ ]|(?i:ward)\b))
        """,
        score=0.6,
        # (no clinical word, nor a common word of the dictionary: "SAH", "PAH", "BATH"; a rare
        # word of the dictionary may stand, "LUTH", and initials that a whitelist of clinical
        # text holds, "SGH", "PGH")
        validate=lambda value: value in HOSPITAL_SHORT_FORMS or not (
            is_technical_word(value)
            or (is_common_word(value) and is_dictionary_word(value.lower()))),
        check=lambda match: match.string.count("\n", 0, match.start()) < 3,
        group="value",
    ),
    Pattern(
        name="facility_initials",
        label="LOCATION",
        # A hospital's initials, which end in its "H", after a word of place: "Dating scan
        # requested at NMGH", "hernia repair in CUH", "from UCLH" (three to five capitals that
        # are no common or clinical word: not "in SAH", "at ACH", "to LVH").
        regex=r"""
            (?=[aAiItTfF])(?<![\w/])(?i:at|in|to|from)[ \t]+(?:(?i:the)[ \t]+)?
            (?P<value>[A-Z]{2,4}H)(?![\w/&'’-])
        """,
        score=0.6,
        validate=lambda value: value in HOSPITAL_SHORT_FORMS or not (
            is_common_word(value) or is_dictionary_word(value) or is_technical_word(value)),
        group="value",
    ),
    Pattern(
        name="facility_screening",
        label="LOCATION",
        # A rehab or long-term hospital named by one word where a case manager's note places a
        # patient: "SCREENED BY SPAULDING", "screens sent to Kindred and Vibra", "accepted at
        # Youville", "wife prefers Spaulding", "WAS AT KINDRED BEFORE THIS ADMISSION", "pt
        # screened by spaulding & kindred", "admitted from Hebrew SeniorLife", "rehab:
        # Spaulding vs Youville", "choice list: Wingate" (one word that is no common or clinical
        # one, or two of which one is none).
        regex=r"""
            (?=[SsRrAaBbLlWwPpTtCc])
            (?i:screened[ \t]+(?:(?:pt|patient|him|her)[ \t]+)?(?:by|at|for)
               |screens?[ \t]+(?:sent[ \t]+)?to|screener[ \t]+from
               |referrals?[ \t]+(?:sent[ \t]+|faxed[ \t]+)?to|accepted[ \t]+(?:at|to|by)
               |prefers|(?:admitted|transferred)[ \t]+from
               |(?:rehab|snf|ltach|ltac)[ \t]*[,:]|choice[ \t]+list[ \t]*:
               |bed[ \t]+(?:at|offer(?:ed)?[ \t]+(?:at|from|by))|liaison[ \t]+from
               |was[ \t]+at(?=[ \t]+\S+[ \t]+(?i:before|prior|until)\b))
            [ \t]+(?P<value>[A-Z][A-Za-z'’-]{2,}
                        (?:[ \t]+(?:(?:and|&|vs\.?|VS\.?)[ \t]+)?
                           (?!(?i:and|or|vs|before|prior|until|after|with|for|on|in|at|to|from
                                 |today|tomorrow|yesterday|tonight)\b)
                           [A-Z][A-Za-z'’-]{2,})?
                      |[a-z][a-z'’-]{2,}(?:[ \t]+(?:&|vs\.?)[ \t]+[a-z][a-z'’-]{2,})?)
            (?![\w'’-])
        """,
        score=0.6,
        validate=_facility_words,
        check=_cased_as_its_line,
        group="value",
    ),
    Pattern(
        name="facility_first",
        label="LOCATION",
        # a hospital or clinic named as Spanish and Portuguese write it, its word first:
        # "TRANSFER TO HOSPITAL SAN JOSE IN MONTERREY", "Clínica Alemana", "Hospital de
        # Clínicas" (a name word no lexicon knows: not "HOSPITAL COURSE", "Hospital Day 3")
        regex=r"""
            (?=[HCSI])(?<![\w'’-])
            (?P<value>(?:Hospital|HOSPITAL|Cl[ií]nica|CL[IÍ]NICA|Sanatorio|SANATORIO
                        |Instituto|INSTITUTO)
              (?:[ ](?:de|DE|del|DEL|da|DA|do|DO|dos|DOS|la|LA))?
              (?:[ ](?!(?i:in|at|to|for|on|of|and|or|with|from|by|via|is|was|the)\b)
                 [A-ZÁÉÍÓÚÑ][\w'’-]+){1,3})
            (?![\w'’-])
        """,
        score=0.6,
        validate=_name_after_a_facility_word,
        group="value",
    ),
    Pattern(
        name="facility_lower",
        label="LOCATION",
        # A home, rehab or pharmacy named in a note written in lower case, after a preposition:
        # "pt is a 96 yo woman from marian manor", "from st. camillus nursing home", "braintree
        # rehab vs ...", "father alonso from st. jude parish", "from riverside nursing &
        # rehab", a list's "her top 3: hillside, rosehill nursing ctr" (a name word no
        # dictionary or clinic knows, or before a home's two words any but a kind's: not "to
        # acute rehab", "from her nursing home", "to local nursing home")
        regex=r"""
            (?=[ftavw@,:])(?:(?<![\w/-])(?:from|to|at|vs\.?|via|w/|@)|(?<=\w)[,:])[ \t]+
            (?:the[ \t]+)?
            (?P<value>(?:st\.?[ \t]+)?[a-z][a-z'’-]{2,}(?:[ \t]+[a-z][a-z'’-]{2,})?[ \t]+
              (?:nursing[ \t]+(?:home|center|centre|ctr|(?:&|and)[ \t]+rehab(?:ilitation)?
                                  (?:[ \t]+(?:center|centre|ctr))?)
                 |manor|rehab|healthcare|detox|pharmacy
                 |snf|ltach|hospice|care[ \t]+home|assisted[ \t]+living|senior[ \t]+living
                 |parish))
            (?![\w'’-])
        """,
        score=0.6,
        validate=_lower_facility_name,
        group="value",
    ),
    Pattern(
        name="facility_liaison",
        label="LOCATION",
        # A rehab or nursing home by the name of its liaison or screener, who comes to place a
        # patient: "Screened by Jewish Memorial liaison", "SPOKE W/ YOUVILLE LIAISON" (not a
        # service's: "rehab liaison", "Case Management liaison", "PACE liaison").
        regex=r"""
            (?=[A-Z])(?<![\w'’-])
            (?P<value>[A-Z][A-Za-z'’-]{2,}(?:[ \t]+[A-Z][A-Za-z'’-]{2,}){0,2})
            [ \t]+(?i:liaison|screener)(?![\w-])
        """,
        score=0.6,
        validate=_facility_of_a_liaison,
        group="value",
    ),
    Pattern(
        name="place_labelled",
        label="LOCATION",
        # A place after a form's label for it: "Area: Ballyfermot", "District: Kisumu", "Town:
        # Port Maria", "Place of birth: Przemyśl" (a name no lexicon holds as a word, or a known
        # place: not "Area: Sacrum", "Region: Lumbar", "Town: Unknown")
        regex=r"""
            (?<![\w/-])(?i:city|town|village|suburb|district|county|locality|parish|province
                         |region|hometown|birthplace|place[ ]of[ ]birth|area|barangay|lga)
            [ \t]*:[ \t]*
            (?P<value>[A-Z][\w'’.-]+(?:[ -][A-Z][\w'’.-]+){0,3})
            (?=[ \t]*(?:\r?\n|\Z|,|[ \t]{2}|\t))
        """,
        score=0.6,
        validate=_runner_name,
        group="value",
    ),
    Pattern(
        name="facility_name",
        label="LOCATION",
        # Hospitals, rehab units and nursing homes by name, in title case or in capitals:
        # "Ridgeview Rehab", "ST. MARY'S HOSPITAL", "Mercy Nursing Home".
        regex=rf"""
            (?=[A-Z])                      # (a cheap first test at each position)
            (?<![\w.'’-])                  # a word start (inside "A-A-A..." none: linear)
            (?<!Dr\.[ ])(?<!DR\.[ ])(?<!Dr[ ])(?<!DR[ ])  # a doctor's: "DR. FROST RENAL CLINIC"
            (?P<value>
              (?:(?:St\.?|ST\.?|Saint|SAINT)[ \t]+)?
              (?:(?!(?i:to|from|at|the|and|in|of|for|with|via|by|pt|patient|seen|sent|back
                     |my|our|your|his|her|their|this|that|a|an|dr|mr|mrs|ms
                     |transfer\w*|xfer\w*|discharg\w*|admit\w*|return\w*|go(?:es|ing|ne)?
                     # a case manager's sentence before a rehab's word: "FAMILY PREFERS
                     # HEBREW REHAB", "DAUGHTER KIMBERLY PREFERS REHAB", "WILL NEED REHAB"
                     |prefers?|preferred|needs?|wants?|likely|will|may|screened|accepted
                     |referred|family|wife|husband|son|daughter|dtr
                     |has|had|have|no|not|prior|previous|per)\b)  # "HAS NO PRIOR DETOX"
                 (?:[A-Z][\w'’-]*|[A-Z][A-Za-z]?\.)[ \t]+){{1,3}}  # (a dot: "J.", "Mt.";
                                                  # no sentence's end: "BRIANNA. HOSPITAL")
              (?:{_FACILITY_ALTERNATION})
              (?:[ \t]+(?:of|OF)(?:[ \t]+(?:the|THE))?    # "CHILDREN'S HOSPITAL OF THE PIEDMONT"
                 (?:[ \t]+(?!{_NO_TAIL_WORD}\b)[A-Z][\w'’-]*){{1,3}})?
            )(?![\w])
        """,
        score=0.7,
        validate=facility_name_valid,
        group="value",
    ),
    Pattern(
        name="eu_postcode_city",
        label="ZIP_CODE",
        regex=rf"""
            (?<![\w.,/-])
            (?!(?:19|20)\d\d(?!\d))                # not a year: "in 2019 Paris"
            (?P<value>\d{{4,5}})                  # 10115, 1010
            [ ]+(?={alternation(EU_CITIES)}\b)   # followed by a large city: "10115 Berlin"
        """,
        score=0.8,
        group="value",
    ),
    # ---------------------------------------------------------------- labelled identifiers
    *(
        Pattern(
            name=f"labelled_{name}",
            label=label,
            regex=_labelled(labels, marker_required),
            score=LABELLED_ID_SCORE,
            validate=identifier_valid,
            group="value",
        )
        for name, labels, label, marker_required in ID_LABELS
    ),
    Pattern(
        name="reference_code",
        label="ID_NUMBER",
        # a referral's or a register's code in parts after "ref" or "reg" with no marker, as a
        # safeguarding or palliative register gives it: "REF SG/24/03318", "Reg SPC/TSR/1147"
        # (capitals and digits between slashes, four digits or more, a letter or two slashes:
        # not a date, "ref 3/12 scan")
        regex=r"""
            (?<![\w/])(?i:ref|reference|reg)[ \t]+
            (?P<value>(?=(?:[A-Z/]*\d){4})[A-Z0-9]{1,6}(?:/[A-Z0-9]{1,8}){1,3})
            (?![\w/])
        """,
        score=0.6,
        validate=lambda value: identifier_valid(value) and (
            value.count("/") >= 2 or any(c.isalpha() for c in value)),
        group="value",
    ),
    Pattern(
        name="id_mykad",
        label="ID_NUMBER",
        # Malaysia's identity card number: the birth date as YYMMDD, the place of birth's two
        # digits and four more, "960412-10-5531" (no month or day out of range: "961341-...")
        regex=r"""
            (?<![\w-])(?P<value>\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])-\d{2}-\d{4})
            (?![\w-]|[.,]\d)
        """,
        score=0.7,
        group="value",
    ),
    Pattern(
        name="id_after_hash",
        label="ID_NUMBER",
        # a record's number after "#" with no label before it: "Safety event report filed
        # #2231984", "OLD # 0948271 MERGED" (six digits or more: no bed, room or list item)
        regex=r"(?=\#)(?<![\w#&])\#[ ]?(?P<value>\d{6,12})(?![\w/]|[.,:-]\d)",
        score=0.6,
        group="value",
    ),
    *(
        Pattern(
            name=f"labelled_{name}_digits",
            label=label,
            # a record's label in capitals, then digits with no marker between, as a care home's
            # or a clinic's header writes them: "URN 40021876", "PHN 9876 543 210" (six digits
            # or more: "PHN 2X WEEKLY" is a public health nurse's visits)
            regex=rf"(?<![\w/])(?:{labels})[ \t]+"
            r"(?P<value>\d{6,10}|\d{3,5}(?:[ ]\d{3,5}){1,3})(?![\w/.-]\w)",
            score=LABELLED_ID_SCORE,
            group="value",
        )
        for name, labels, label in (("unit_record", "URN|UR", "MEDICAL_RECORD_NUMBER"),
                                    ("health_number", "PHN", "HEALTH_PLAN_ID"))
    ),
    Pattern(
        name="labelled_account_codes",
        label="ACCOUNT_NUMBER",
        # a hospital account's, a contact's and a financial number's codes, in capitals only:
        # "HAR: 300188826", "CSN: 880012947731", "FIN# 44120931"
        regex=r"(?=[HCF])(?<![\w/])(?:HAR|CSN|FIN)\b" + _TAIL_REQUIRED + _ID_VALUE,
        score=LABELLED_ID_SCORE,
        validate=identifier_valid,
        group="value",
    ),
    Pattern(
        name="labelled_id",
        label="ID_NUMBER",
        regex=r"(?<![\w/])(?i:ID|identifier)\b"
        + "".join(rf"(?<!{w}[ ]ID)" for w in ID_QUALIFIERS)  # "Member ID" is more specific
        + _TAIL_OPTIONAL
        + _ID_VALUE,
        score=GENERIC_ID_SCORE,
        validate=identifier_valid,
        flags=re.IGNORECASE,
        group="value",
        check=lambda m: _INFECTION_RESULT.match(m.string, m.end()) is None
        and _VIRUS.fullmatch(m.group("value")) is None,
    ),
    Pattern(
        name="npi_labelled_unchecked",
        label="US_NPI",
        regex=_labelled("NPI", marker_required=False),  # a labelled NPI failing its check digit
        score=0.7,
        validate=identifier_valid,
        group="value",
    ),
)


# ============================================================================================
# The recognizer
# ============================================================================================


def _compile_all(patterns: Sequence[Pattern], *,
                 cache: str | None = None) -> tuple[re.Pattern[str], ...]:
    """Each pattern's :meth:`Pattern.compile`; with ``cache``, the rewritten regexes kept in the
    word cache under that name (:func:`redactor.detect.regex_prefix.compile_table`)."""
    names = [p.name for p in patterns]
    if len(set(names)) != len(names):
        raise ValueError("pattern names must be unique")
    if cache is None:
        return tuple(p.compile() for p in patterns)
    compiled = compile_table([(portable(p.regex), re.VERBOSE | p.flags) for p in patterns],
                             name=cache, files=(Path(__file__),))
    for pattern, regex in zip(patterns, compiled, strict=True):
        if pattern.group is not None and pattern.group not in regex.groupindex:
            raise ValueError(f"pattern {pattern.name!r}: no group named {pattern.group!r}")
    return tuple(compiled)


_COMPILED: tuple[re.Pattern[str], ...] = _compile_all(PATTERNS, cache="patterns")


def _needs_all(patterns: Sequence[Pattern], compiled: Sequence[re.Pattern[str]], *,
               cache: str | None = None) -> tuple[Literals | None, ...]:
    """Per pattern, what a text must hold for it to yield a span: a literal of its regex, or,
    for a pattern that requires context, one of its context words (the rarer of the two);
    with ``cache``, the regexes' literals kept in the word cache under that name."""
    literals = (table_literals(compiled, name=cache) if cache is not None
                else [required_literals(regex) for regex in compiled])
    return tuple(
        rarer(needs, context_literals(p.context)) if p.requires_context else needs
        for p, needs in zip(patterns, literals, strict=True))


#: Per pattern, strings of which a text must hold one for the pattern to yield a span there
#: (None: no such test), for skipping the rest (:mod:`redactor.detect.prefilter`).
_NEEDS = _needs_all(PATTERNS, _COMPILED, cache="patterns")


class PatternRecognizer:
    """Finds the entities of a pattern table; implements the :class:`Recognizer` protocol.

    >>> [s.label for s in PatternRecognizer().detect(["Call 617-555-0143."])[0]]
    ['PHONE_NUMBER']
    """

    #: Its spans are regex matches checked by checksums: exact (no shape check, no trimming).
    exact = True

    def __init__(self, patterns: Sequence[Pattern] = PATTERNS, name: str = "patterns") -> None:
        self.name = name
        self.patterns = tuple(patterns)
        self._compiled = _COMPILED if patterns is PATTERNS else _compile_all(self.patterns)
        self._needs = (_NEEDS if patterns is PATTERNS
                       else _needs_all(self.patterns, self._compiled))
        self._tests = tuple(
            re.compile(p.needs).search if p.needs is not None else test
            for p, test in zip(self.patterns, literal_tests(self._needs), strict=True))

    @property
    def sources(self) -> frozenset[str]:
        """The ``source`` of every span it can report: ``pattern:<name>`` per pattern."""
        return frozenset(f"pattern:{p.name}" for p in self.patterns)

    def detect(self, texts: Sequence[str]) -> list[list[Span]]:
        """Spans found in each of ``texts``, sorted by offset; one list per text."""
        return [self.find(text) for text in texts]

    def find(self, text: str) -> list[Span]:
        """Spans found in one text, sorted; of equal (start, end, label) the best score stays."""
        best: dict[tuple[int, int, str], Span] = {}
        lowered = folded(text)
        for pattern, regex, test in zip(self.patterns, self._compiled, self._tests, strict=True):
            if test is not None and not test(lowered):  # a word it needs is not in the text
                continue
            for match in regex.finditer(text):
                span = _span_of(pattern, match, text)
                if span is None:
                    continue
                if span.label == "DATE":
                    span = _with_weekday(span, text)
                key = (span.start, span.end, span.label)
                if key not in best or span.score > best[key].score:
                    best[key] = span
        return sorted(best.values())


#: A weekday right before a date, on its line ("Fri 6/9", "THURS 9/12", "Sunday, May 5").
_WEEKDAY_BEFORE = re.compile(
    r"(?<![\w-])(?:(?i:(?:mon|tue|tues|wed|thu|thur|thurs|fri)\.?"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|(?:Sat|SAT|Sun|SUN)\.?),?[ \t]+$")  # "pt sat 2/17 in chair": a verb


def _with_weekday(span: Span, text: str) -> Span:
    """``span`` (a date) from the weekday before it, if one is there: the weekday narrows the
    date down as much as a year does, and a reader counts it part of the date."""
    found = _WEEKDAY_BEFORE.search(text, max(0, span.start - 12), span.start)
    if found is None:
        return span
    return Span(found.start(), span.end, span.label, span.score, span.source)


def _span_of(pattern: Pattern, match: re.Match[str], text: str) -> Span | None:
    start, end = match.span(pattern.group) if pattern.group else match.span()
    if start < 0 or start == end:
        return None
    if pattern.validate is not None and not pattern.validate(text[start:end]):
        return None
    if pattern.check is not None and not pattern.check(match):
        return None
    if pattern.exclude_context and has_context(
        text, start, pattern.exclude_context, pattern.exclude_window
    ):
        return None
    score = pattern.score
    if pattern.context:
        if has_context(text, start, pattern.context, pattern.context_window):
            score = boosted(score)
        elif pattern.requires_context:
            return None
    label = pattern.label
    if pattern.relabel and has_context(
        text, start, pattern.relabel_context, pattern.relabel_window
    ):
        label = pattern.relabel
    return Span(start, end, label, round(score, 4), f"pattern:{pattern.name}")
