"""A number out of a scale is a score, not a date (pure).

Clinical notes rate pain, strength, reflexes and murmurs as a fraction ("HE REPORTS PAIN 4/10",
"PAIN SCORE 7/10", "strength 5/5", "grade 2/6 murmur"), which has the shape of a month and a
day. The patterns leave out such a number after a score word (their ``exclude_context``, the
words of :data:`SCORE_WORDS`); the models do not, and in a long note written in capitals they
call "4/10" a date. :func:`exam_score` says that a date span of any recognizer is such a score:
a bare fraction with no year, after a score word and at most a few filler words ("pain level
is 4/10", "rates it 5/10"), or after another score in the same clause ("pain 7/10, now 3/10").
A full date stays whatever precedes it ("pain since 4/10/2021"), and so does a fraction after a
word that dates it ("chest pain since 4/10").
"""

from __future__ import annotations

import re

from redactor.span import Span

#: Words after which a bare fraction is a score: what is rated, and rating itself.
SCORE_WORDS = ("pain", "score", "scored", "scores", "strength", "murmur", "grade", "graded",
               "rated", "rates", "rate", "rating", "scale", "power", "reflexes", "motor",
               "vas", "nrs", "gcs", "apgar", "apgars", "mmse", "moca",
               "tof", "cp", "grip", "grips",
               "acuity", "acuities", "vision", "snellen")  # fmt: skip  (a train of four "TOF
#   1/4", chest pain "cp 4/10", "LEFT GRIP 4/5", visual acuity "documented as 6/18")

#: Words that may stand between a score word and its number ("pain level is 4/10", "rates it
#: 5/10", "pain score of about 7/10"), and a clock time ("pain 7/10 at 1400, now 3/10"); a word
#: that dates ("since", "on") is none of them.
_FILLER = ("is", "was", "were", "are", "of", "at", "it", "as", "a", "an", "about", "approx",
           "approximately", "around", "roughly", "now", "currently", "still", "level", "levels",
           "score", "scores", "scale", "rating", "rated", "reported", "reports", "intensity",
           "severity", "to", "from", "up", "down", "out", "improved", "increased", "decreased",
           "then", "and", "the", "his", "her", "their", "patient's", "pt's",
           "documented", "measured", "recorded", "noted",
           # the limb a strength score is of ("2/5 right arm, 4/5 right leg")
           "right", "left", "arm", "arms", "leg", "legs", "side", "upper", "lower", "bilat",
           "ue", "le", "rue", "lue", "rle", "lle", "hand", "foot", "bil",
           "on arrival")  # fmt: skip  ("PAIN 9/10 ON ARRIVAL -> 3/10")

#: Measurements a note writes as a range with no unit ("CVP 8-10", "PEEP 5-8", "HR 8/10" is
#: no date either).
MEASURE_WORDS = ("cvp", "hr", "rr", "sbp", "dbp", "map", "peep", "uo", "uop", "sats?", "spo2",
                 "fio2", "icp", "cpp", "pap", "pas", "pcwp", "pip", "ps", "tv", "fs", "fsbs",
                 "bg", "glucose", "temp", "tmax", "ci", "svr", "inr", "ptt", "cpap", "bipap",
                 "psv", "ac", "simv", "imv", "vent", "settings", "residuals?",
                 "day",  # ("zosyn day 6/14": a course's days)
                 "ages?", "aged")  # fmt: skip  ("3 children ages 4-11")

#: What stands between a score word and its number, or two scores: a sign, or an arrow of a
#: change ("PAIN 9/10 -> 3/10").
_SEPARATOR = r"(?:->|→|[:=~,(-])"

_SCORE_BEFORE = re.compile(
    rf"""(?:\b(?:{"|".join(SCORE_WORDS + MEASURE_WORDS)})\b   # pain, score, CVP ...
         |(?<![\w/])\d{{1,2}}/(?:10|5)(?![\w/]))      # or another score: "7/10, now 3/10",
                                                      # "2/5 right arm, 4/5 right leg"
         (?:[ \t]*{_SEPARATOR}?[ \t]*(?:(?:{"|".join(map(re.escape, _FILLER))})\b
                                     |\d{{1,2}}:\d{{2}}\b|\d{{4}}\b)){{0,3}}   # "at 1400"
         [ \t]*{_SEPARATOR}?[ \t]*$""",
    re.IGNORECASE | re.VERBOSE,
)

#: A fraction or a range with no year: the shape a score or a measurement shares with a month
#: and a day ("4/10", "5/5", "8-10").
_FRACTION = re.compile(r"\d{1,2}[/-]\d{1,2}")

#: How far before the number a score word is looked for (on its line).
_REACH = 60


def score_before(text: str, start: int) -> bool:
    """Whether a score word, or another score, comes right before ``start`` on its line, with
    at most three filler words between ("PAIN 4/10", "pain level is 4/10", "RATES IT 5/10")."""
    return _SCORE_BEFORE.search(text[_line_start(text, start) : start]) is not None


def _line_start(text: str, start: int) -> int:
    """Where the text a score word is looked for begins: the start of ``start``'s line, at
    most :data:`_REACH` characters before it."""
    low = max(0, start - _REACH)
    cut = text.rfind("\n", low, start)
    return cut + 1 if cut >= 0 else low


def exam_score(text: str, span: Span) -> bool:
    """True when ``span`` should be dropped: a date that is a bare fraction or range ("4/10",
    "8-10", no year) right after a score word or a measurement (:func:`score_before`): a pain
    score, an exam grade, a pressure ("CVP 8-10"); or before a percentage, a ventilator's
    settings ("5/5 40%"), or before its named scale ("9/9 on the Beighton scale"), or a range
    before what it counts ("UNTIL 3-4 BM'S", "2-3 times a day"; "3/14 days" stays a day), or
    the sevenths of a pregnancy's weeks ("38 4/7 weeks")."""
    if span.label != "DATE":
        return False
    return (_FRACTION.fullmatch(text[span.start : span.end]) is not None
            and ((score_before(text, span.start) and not _saturday(text, span))
                 or _SETTING_AFTER.match(text, span.end) is not None
                 or _SCALE_AFTER.match(text, span.end) is not None
                 or ("-" in text[span.start : span.end]
                     and _RANGE_COUNTS.match(text, span.end) is not None)
                 or _gestation(text, span) or _out_of_ten(text, span)))


#: A Saturday right before a day and month ("Next vac change Sat 2/17"): no saturation, which
#: a note writes as a percentage or a range ("sat 92%", "SATS 88-92").
_SATURDAY_BEFORE = re.compile(r"(?i)\bsat(?:urday)?\.?,?[ \t]+$")


def _saturday(text: str, span: Span) -> bool:
    """A day and month with a slash right after "Sat" or "Saturday"."""
    return ("/" in text[span.start : span.end]
            and _SATURDAY_BEFORE.search(text, max(0, span.start - 12), span.start) is not None)


#: What a number out of ten rates on a note's line, however far before it ("C/O EPIGASTRIC PAIN
#: RADIATING TO BACK 8/10"), or another score out of ten ("8/10, DILAUDID ... NOW 4/10").
_RATED_IN_LINE = re.compile(r"(?i)\b(?:pain|painful|discomfort|headache|ha|ache|aches"
                            r"|\d{1,2}/10)\b")  # ("HA improved 3/10": a headache)
#: Words between that make the number a day: a visit or an event ("pain clinic appointment
#: 4/10", "pain since 4/10", "seen 4/10").
_DATING_BETWEEN = re.compile(r"(?i)\b(?:clinic|service|team|appt|appointment|visit|seen|since|"
                             r"on|f/u|follow|scheduled|consult|admitted|started|until)\b")


def _out_of_ten(text: str, span: Span) -> bool:
    """A number out of ten with pain, or another score out of ten, before it on its line, and
    no word of a visit or an event between."""
    if not text[span.start : span.end].endswith("/10"):
        return False
    rated = list(_RATED_IN_LINE.finditer(text, _line_start(text, span.start), span.start))
    return bool(rated) and _DATING_BETWEEN.search(text, rated[-1].end(), span.start) is None


#: A percentage right after a fraction: a ventilator's settings ("CPAP via trach 5/5 40%"),
#: no day of a month.
_SETTING_AFTER = re.compile(r"[ \t]*,?[ \t]*\d{2,3}[ \t]*%")
#: A score's scale named right after it ("9/9 on the Beighton hypermobility scale").
_SCALE_AFTER = re.compile(
    r"(?i)[ \t]+on[ \t]+the[ \t]+(?:[\w'’-]+[ \t]+){0,3}(?:scale|score|index)\b")


#: What a range with a hyphen counts, right after it: no day of a month ("LACTULOSE UNTIL 3-4
#: BM'S", "2-3 times a day", "1-2 tabs", "4-5 episodes").
_RANGE_COUNTS = re.compile(
    r"(?i)[ \t]*(?:bms?|bm['’]s|stools?|times|x|episodes?|tabs?|tablets?|puffs?|pills?|caps?|"
    r"capsules?|drinks?|beers?|cigarettes?|packs?|ppd|voids?|diapers?|feeds?|doses?|units?|"
    r"hours?|hrs?|minutes?|mins?|days?|wee?ks?|months?|mos?|years?|yrs?)(?![\w/-])")


#: Weeks of a pregnancy and the days past them in sevenths: "presented at 38 4/7 weeks".
_WEEKS_BEFORE = re.compile(r"(?<![\d/.])[1-4]\d[ \t]+$")
_WEEKS_AFTER = re.compile(r"(?i)[ \t]*(?:weeks?|wks?|wk)\b")


def _gestation(text: str, span: Span) -> bool:
    """Whether a fraction in sevenths is a gestational age: "38 4/7 weeks", "at 36 2/7 wk"."""
    value = text[span.start : span.end]
    return (value.endswith("/7") and _WEEKS_AFTER.match(text, span.end) is not None
            and _WEEKS_BEFORE.search(text, max(0, span.start - 4), span.start) is not None)
