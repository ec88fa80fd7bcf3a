"""Values for the training-data generator: people, addresses, dates, identifiers and decoys.

Everything is drawn from one :class:`Values` object, which owns a ``random.Random`` and one
Faker instance per locale, each seeded from that generator (``seed_instance``, never the global
``Faker.seed``), so a seed gives the same values on every run. A value that holds more than one
kind of identifier (an address) is a list of :data:`~redactor.training.origins.Segment`.

Labels follow ``benchmarks/devset/GUIDELINES.md``: titles and degrees outside names, the age
number without its unit, the whole date expression without a following time, health-care
facilities as LOCATION, states and countries unmarked.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import string
from collections.abc import Callable, Collection, Sequence
from typing import ClassVar

from faker import Faker

from redactor.synthetic import dates
from redactor.synthetic import values as shared
from redactor.synthetic.people import GENDERS, Person, ascii_letters, translit
from redactor.training.origins import (
    BY_KEY,
    ORIGINS,
    US_CITIES,
    US_STREET_TYPES,
    US_STREETS,
    Origin,
    Segment,
    fold,
)

#: SSN separators of the training set, drawn before the digits.
SSN_SEPARATORS = ("-", "-", " ", "")
_NAME_WORD = re.compile(r"^[^\W\d_]+(?:['’-][^\W\d_]+)*$")
_BAD_PARTS = frozenset({"Jr", "Sr", "II", "III", "IV", "MD", "DDS", "PhD", "Dr", "Mr", "Mrs"})


def _middle_initial(p: Person) -> str:
    return f"{p.given} {p.middle[:1]}. {p.family}" if p.middle else p.given_family


#: The training templates' name forms: ``{role.<form>}`` -> the name written so.
NAME_FORMS: dict[str, Callable[[Person], str]] = {
    "full": lambda p: p.given_family,
    "middle": _middle_initial,
    "given": lambda p: p.given,
    "family": lambda p: p.family,
    "initial": lambda p: f"{p.given[:1]}. {p.family}",
    "lf": lambda p: f"{p.family}, {p.given}",
    "lf_upper": lambda p: f"{p.family}, {p.given}".upper(),
    "upper": lambda p: p.given_family.upper(),
    "lower": lambda p: p.given_family.lower(),
    "initials": lambda p: (p.given[:1] + p.family[:1]).upper(),
}


def name_form(person: Person, style: str) -> str:
    """The name in one written form (``full``, ``given``, ``initial``, ``lf_upper`` ...).

    ``full`` is given and family name only (no middle name) in the person's order.
    """
    if style not in NAME_FORMS:
        raise ValueError(f"unknown name style {style!r}")
    return NAME_FORMS[style](person)


class Values:
    """Seeded source of every generated value (one per generated data set)."""

    def __init__(self, rng: random.Random, *, holdout: Collection[str] = ()) -> None:
        self.rng = rng
        self._fakers: dict[str, Faker] = {}
        self._holdout = frozenset(w.lower() for w in holdout)
        self._weights = [o.weight for o in ORIGINS]

    # -- Faker -----------------------------------------------------------------------------

    def faker(self, locale: str) -> Faker:
        """A Faker for ``locale`` seeded from this object's generator on first use."""
        fake = self._fakers.get(locale)
        if fake is None:
            fake = Faker(locale)
            fake.seed_instance(self.rng.randrange(2**32))
            self._fakers[locale] = fake
        return fake

    # -- people ------------------------------------------------------------------------------

    def origin(self) -> Origin:
        """An origin drawn by weight."""
        return self.rng.choices(ORIGINS, weights=self._weights)[0]

    def _name_part(self, origin: Origin, gender: str, part: str) -> str | None:
        rng = self.rng
        hand = {
            "given": origin.given_f if gender == "female" else origin.given_m,
            "family": origin.family,
        }[part]
        for _ in range(30):
            if hand and (not origin.name_locales or rng.random() < 0.5):
                value = rng.choice(hand)
            else:
                locale = rng.choice(origin.name_locales)
                fake = self.faker(locale)
                if locale in ("ja_JP", "zh_CN", "zh_TW"):
                    value = (
                        fake.first_romanized_name()
                        if part == "given"
                        else fake.last_romanized_name()
                    ).title()
                elif part == "given":
                    value = (
                        fake.first_name_female() if gender == "female" else fake.first_name_male()
                    )
                else:
                    value = (
                        fake.last_name_female()
                        if gender == "female" and hasattr(fake, "last_name_female")
                        else fake.last_name()
                    )
                if locale in ("ru_RU", "uk_UA"):
                    value = translit(value)
            words = value.split()
            clean = all(_NAME_WORD.match(w) and w not in _BAD_PARTS for w in words)
            if words and clean and not self._held(value):
                return value
        return None

    def _held(self, value: str) -> bool:
        """Whether a word of ``value`` (with or without diacritics) is held out."""
        if not self._holdout:
            return False
        parts = re.split(r"[\s'’.-]+", value.lower()) + re.split(r"[\s'’.-]+", fold(value).lower())
        return any(p in self._holdout for p in parts)

    def person(self, origin: Origin | str | None = None, gender: str | None = None) -> Person:
        """A person of ``origin`` (drawn by weight when None) and ``gender`` (drawn when None)."""
        rng = self.rng
        if isinstance(origin, str):
            origin = BY_KEY[origin]
        fixed = origin is not None
        origin = origin or self.origin()
        gender = gender or rng.choice(GENDERS)
        for _ in range(20):
            given = self._name_part(origin, gender, "given")
            family = self._name_part(origin, gender, "family")
            if given and family:
                break
            if not fixed:  # this origin's names are all held out: try another
                origin = self.origin()
        else:
            raise ValueError(f"no usable name of origin {origin.key} outside the holdout list")
        middle = (self._name_part(origin, gender, "given") or "") if rng.random() < 0.25 else ""
        if origin.key != "en_US" and rng.random() < origin.fold_rate:
            given, family, middle = fold(given), fold(family), fold(middle)
        family_first = rng.random() < origin.family_first
        return Person(given=given, family=family, gender=gender, origin=origin.key,
                      middle=middle, family_first=family_first)

    def user_id(self, p: Person) -> str:
        """A system user id: ``RAD:okafor``, ``jsmith2``, ``smith.j``, ``okafor_t``."""
        rng = self.rng
        family = ascii_letters(fold(p.family)) or "user"
        given = ascii_letters(fold(p.given)) or "x"
        dept = "".join(rng.choices(string.ascii_uppercase, k=3))
        return rng.choice(
            [
                f"{dept}:{family}",
                f"{dept}:{family[:6]}",
                f"{given[0]}{family}{rng.randint(1, 99)}",
                f"{family}.{given[0]}",
                f"{family}_{given[0]}",
                f"{given[0]}{family[:7]}",
                f"{dept.lower()}\\{given[0]}{family}",
            ]
        )

    def handle(self, p: Person) -> str:
        """A social media handle: ``@maria_g88``."""
        rng = self.rng
        family = ascii_letters(fold(p.family)) or "x"
        given = ascii_letters(fold(p.given)) or "x"
        body = rng.choice(
            [
                f"{given}_{family[:1]}{rng.randint(1, 99)}",
                f"{given}{family}",
                f"the_real_{given}",
                f"{given[:4]}{rng.randint(70, 2005)}",
                f"{family}.{given}",
            ]
        )
        return "@" + body

    def email(self, p: Person | None = None, domain: str | None = None) -> str:
        """An e-mail address, made from the person's name when one is given."""
        rng = self.rng
        if p is None:
            p = self.person()
        family = ascii_letters(fold(p.family)) or "mail"
        given = ascii_letters(fold(p.given)) or "x"
        local = rng.choice(
            [
                f"{given}.{family}",
                f"{given[0]}{family}",
                f"{given}{rng.randint(1, 99)}",
                f"{family}.{given[0]}",
                f"{given}_{family}",
            ]
        )
        domain = domain or rng.choice(
            [
                "gmail.com",
                "yahoo.com",
                "outlook.com",
                "hotmail.com",
                "icloud.com",
                "aol.com",
                "proton.me",
                "gmx.de",
                "web.de",
                "mail.ru",
                "yahoo.co.uk",
                "comcast.net",
                "live.com",
            ]
        )
        return f"{local}@{domain}"

    # -- places and organisations ------------------------------------------------------------

    def city(self, home: str | None = None) -> str:
        """A city name (real US city, or a Faker city of ``home``)."""
        if home is None or self.rng.random() < 0.15:
            return self.rng.choice(US_CITIES)[0]
        return _city(self.faker(home))

    def address(self, home: str | None = None, *, oneline: bool | None = None) -> list[Segment]:
        """A postal address: street line, city and postcode as separate spans."""
        rng = self.rng
        if oneline is None:
            oneline = rng.random() < 0.5
        sep = ", " if oneline else "\n"
        if home is None or home == "en_US":
            number = str(rng.randint(1, 9999))
            street = (
                f"{number} {rng.choice(['', 'N ', 'S ', 'E ', 'W ', 'North ', 'West '])}"
                f"{rng.choice(US_STREETS)} {rng.choice(US_STREET_TYPES)}"
            )
            if rng.random() < 0.3:
                street += (
                    rng.choice([", Apt ", " Apt. ", " Unit ", " #", ", Suite "])
                    + f"{rng.randint(1, 60)}{rng.choice(['', 'A', 'B', 'C'])}"
                )
            if rng.random() < 0.08:
                street = f"P.O. Box {rng.randint(10, 99999)}"
            city, state = rng.choice(US_CITIES)
            zip5 = f"{rng.randint(1001, 99950):05d}"
            if rng.random() < 0.15:
                zip5 += f"-{rng.randint(0, 9999):04d}"
            state_sep = rng.choice([", ", " ", ", "])
            return [
                (street, "STREET_ADDRESS"),
                (sep, None),
                (city, "LOCATION"),
                (f"{state_sep}{state}{rng.choice([' ', '  '])}", None),
                (zip5, "ZIP_CODE"),
            ]
        fake = self.faker(home)
        street = fake.street_address()
        city = _city(fake)
        post = fake.postcode()
        if home in ("en_GB", "pt_BR", "en_IN", "es_MX", "tr_TR"):
            return [
                (street, "STREET_ADDRESS"),
                (sep, None),
                (city, "LOCATION"),
                (" ", None),
                (post, "ZIP_CODE"),
            ]
        return [
            (street, "STREET_ADDRESS"),
            (sep, None),
            (post, "ZIP_CODE"),
            (" ", None),
            (city, "LOCATION"),
        ]

    def hospital(self) -> str:
        """A health-care facility name (a LOCATION under the guideline)."""
        rng = self.rng
        city = self.city()
        saint = rng.choice(
            [
                "Mary's",
                "Vincent's",
                "Anne's",
                "Francis",
                "Joseph's",
                "Luke's",
                "Catherine's",
                "Elizabeth's",
                "Jude",
                "Agnes",
            ]
        )
        family = self.person().family
        return rng.choice(
            [
                f"{city} General Hospital",
                f"St. {saint} Medical Center",
                f"{city} Regional Medical Center",
                f"{family} Family Practice",
                f"{city} Community Health Center",
                f"Mercy Hospital of {city}",
                f"{family} Pediatrics",
                f"{city} Veterans Affairs Medical Center",
                "Good Shepherd Rehabilitation Hospital",
                f"{city} Women's Clinic",
                "Lakeside Behavioral Health",
                f"{family} Eye Associates",
                f"{city} Urgent Care",
                "Riverbend Dialysis Center",
                f"{city} Memorial Hospital",
            ]
        )

    def organization(self) -> str:
        """A company, insurer, school or employer (ORGANIZATION)."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.35:
            fake = self.faker(
                rng.choice(["en_US", "en_US", "en_GB", "de_DE", "fr_FR", "nl_NL", "it_IT"])
            )
            return fake.company()
        if roll < 0.55:
            return rng.choice(
                [
                    "Aetna",
                    "Cigna",
                    "Humana",
                    "Kaiser Permanente",
                    "Blue Cross Blue Shield",
                    "UnitedHealthcare",
                    "Anthem",
                    "Molina Healthcare",
                    "Centene",
                    "Allianz",
                    "AXA",
                    "Walmart",
                    "Amazon",
                    "Target",
                    "FedEx",
                    "UPS",
                    "Home Depot",
                    "Starbucks",
                    "Wells Fargo",
                    "Chase",
                    "Bank of America",
                    "Deloitte",
                    "Accenture",
                    "Siemens",
                    "Bosch",
                    "Infosys",
                    "Tata Consultancy Services",
                    "Uber",
                    "DoorDash",
                    "Costco",
                ]
            )
        word = rng.choice(
            [
                "Northwind",
                "Bluewater",
                "Summit",
                "Ironwood",
                "Keystone",
                "Pinecrest",
                "Silverline",
                "Redstone",
                "Brightpath",
                "Granite",
                "Harborview",
                "Evergreen",
            ]
        )
        return rng.choice(
            [
                f"{word} Logistics",
                f"{word} Capital LLC",
                f"{word} Software Inc.",
                f"{word} Realty",
                f"{self.city()} Public Schools",
                f"University of {self.city()}",
                f"{word} Credit Union",
                f"{word} Manufacturing Co.",
                f"{self.person().family} & Sons Plumbing",
                f"{word} Insurance Group",
                f"{self.city()} Community College",
                f"{word} Staffing",
            ]
        )

    # -- numbers -----------------------------------------------------------------------------

    def digits(self, shape: str) -> str:
        """``shape`` with ``#`` -> a digit, ``A`` -> a capital letter, ``N`` -> a digit 1-9."""
        return shared.fill_shape(self.rng, shape)

    def pick_shape(self, shapes: Sequence[str]) -> str:
        """One of ``shapes`` filled by :meth:`digits`."""
        return self.digits(self.rng.choice(shapes))

    def phone(self, home: str | None = None) -> str:
        """A telephone number in US formats or the formats of ``home``."""
        rng = self.rng
        if home is None or home == "en_US" or rng.random() < 0.2:
            return self.pick_shape(
                [
                    "(N##) N##-####",
                    "N##-N##-####",
                    "N##.N##.####",
                    "+1 N##-N##-####",
                    "1-N##-N##-####",
                    "(N##)N##-####",
                    "N## N## ####",
                    "N##-N##-#### ext. ###",
                ]
            )
        return self.faker(home).phone_number()

    def mrn(self) -> str:
        """A medical record number."""
        return self.pick_shape(
            [
                "########",
                "#######",
                "NN-##-##",
                "A#######",
                "MR-######",
                "AA######",
                "###-###-###",
                "E##########",
            ]
        )

    def account(self) -> str:
        """A bank, billing or policy account number."""
        return self.pick_shape(
            [
                "##########",
                "####-######",
                "AC-########",
                "########-##",
                "HB#########",
                "### #### ####",
            ]
        )

    def member_id(self) -> str:
        """A health plan member id."""
        return self.pick_shape(
            ["AAA#########", "A########", "N#A#-A#A-##", "###########A", "AA#######-##"]
        )

    def license_no(self) -> str:
        """A driver's or professional licence number."""
        return self.pick_shape(
            ["A#######", "A###-####-####", "###-###-###", "AA#######", "RN#######", "A########"]
        )

    def id_number(self) -> str:
        """An employee, passport, claim or accession id."""
        return self.pick_shape(
            [
                "E######",
                "EMP-#####",
                "A########",
                "CLM-########",
                "S##-#####",
                "#########",
                "ID-###-###",
                "AA#######",
            ]
        )

    def ssn(self) -> str:
        """A US social security number shape (not 000/666/9xx in the first group)."""
        return shared.ssn(self.rng, SSN_SEPARATORS, separator_first=True)

    def serial(self) -> str:
        """A device serial number."""
        return self.pick_shape(
            ["AAA#######A", "SN######", "##AA#####", "A#A#-####-A#A#", "C02A#####AA#"]
        )

    def plate(self) -> str:
        """A licence plate."""
        return self.pick_shape(["#AAA###", "AAA-####", "AA# ####", "AAA ###"])

    def ip(self) -> str:
        """An IPv4 address."""
        rng = self.rng
        return ".".join(str(rng.randint(1, 254)) for _ in range(4))

    def url(self, person: Person | None = None) -> str:
        """A web address."""
        rng = self.rng
        word = ascii_letters(fold((person or self.person()).family)) or "site"
        return rng.choice(
            [
                f"https://www.{word}-law.com",
                f"http://{word}photography.net/about",
                f"www.{word}.org",
                f"https://linkedin.com/in/{word}{rng.randint(1, 999)}",
                f"https://portal.{word}health.com/patient?id={rng.randint(1000, 99999)}",
            ]
        )

    # -- dates and ages ----------------------------------------------------------------------

    def day(self, start_year: int = 2015, end_year: int = 2025) -> dt.date:
        """A date between the two years."""
        start = dt.date(start_year, 1, 1).toordinal()
        return dt.date.fromordinal(self.rng.randint(start, dt.date(end_year, 12, 28).toordinal()))

    #: Date styles of :meth:`date_text` and how often :meth:`date_style` picks each.
    DATE_STYLES: ClassVar[dict[str, int]] = {
        "us": 6,
        "us_short": 3,
        "us_nopad": 3,
        "iso": 4,
        "eu_dot": 2,
        "eu_slash": 2,
        "long": 6,
        "long_abbr": 3,
        "long_nocomma": 1,
        "day_first": 2,
        "day_abbr": 2,
        "weekday": 2,
        "weekday_short": 1,
        "ordinal": 2,
        "md": 2,
        "month_year": 2,
        "of": 1,
        "compact": 1,
    }

    def date_style(self) -> str:
        """A date style name drawn by weight."""
        styles = self.DATE_STYLES
        return self.rng.choices(list(styles), weights=list(styles.values()))[0]

    def date_text(self, day: dt.date | None = None, style: str | None = None) -> str:
        """``day`` written in one of :attr:`DATE_STYLES` (numeric, long, partial, weekday)."""
        d = day or self.day()
        style = style or self.date_style()
        if style not in _DATE_TEXT:
            raise ValueError(f"unknown date style {style!r}")
        return _DATE_TEXT[style](d)

    def dob(self) -> str:
        """A date of birth in a numeric or long style."""
        return self.date_text(
            self.day(1930, 2015),
            self.rng.choice(
                ["us", "us", "us_nopad", "iso", "eu_dot", "long", "day_abbr", "long_abbr"]
            ),
        )

    def age(self) -> int:
        """An age, weighted towards adults, sometimes over 89."""
        rng = self.rng
        return rng.choice(
            [
                rng.randint(18, 89),
                rng.randint(18, 89),
                rng.randint(1, 17),
                rng.randint(90, 104),
                rng.randint(40, 80),
            ]
        )

    def time_text(self) -> str:
        """A clock time (never an identifier)."""
        rng = self.rng
        h, m = rng.randint(0, 23), rng.choice([0, 5, 10, 15, 20, 30, 40, 45, 50, 55])
        return rng.choice(
            [
                f"{h:02d}:{m:02d}",
                f"{h:02d}{m:02d}",
                f"{(h % 12) or 12}:{m:02d} {'AM' if h < 12 else 'PM'}",
                f"{(h % 12) or 12}{'am' if h < 12 else 'pm'}",
            ]
        )


#: The training set's date style names -> the shared formats.
_DATE_TEXT = dates.styles({
    "us": "mdy_slash", "us_short": "mdy_short", "us_nopad": "mdy_nopad", "iso": "iso",
    "eu_dot": "dmy_dot", "eu_slash": "dmy_slash", "long": "month_d_y", "long_abbr": "mon_d_y",
    "long_nocomma": "mon_dot_d_y", "day_first": "d_month_y", "day_abbr": "d_mon_y_dash",
    "weekday": "weekday_month_d_y", "weekday_short": "wkd_d_mon_y", "ordinal": "month_ord",
    "md": "md", "month_year": "month_y", "of": "the_ord_of_month", "compact": "compact",
})  # fmt: skip

_SORTED_CITIES: dict[str, tuple[str, ...]] = {}


def _city(fake: Faker) -> str:
    """``fake.city()``, reproducible also where a locale builds its city list from a set (it_IT).

    A locale whose address provider holds a ``cities`` list is drawn from that list sorted, so
    the draw depends only on the seed, not on the process's string hash seed.
    """
    for provider in fake.get_providers():
        cities = getattr(provider, "cities", None)
        if isinstance(cities, (list, tuple, set, frozenset)) and cities:
            key = type(provider).__module__
            if key not in _SORTED_CITIES:
                _SORTED_CITIES[key] = tuple(sorted(cities))
            return str(fake.random_element(_SORTED_CITIES[key]))
    return fake.city()


#: Decoys: words and numbers that look like identifiers but are not (labelled O).
DRUGS = (
    "metoprolol 25 mg",
    "lisinopril 10 mg",
    "Lasix 40 mg IV",
    "apixaban 5 mg BID",
    "insulin glargine 20 units",
    "amoxicillin-clavulanate",
    "vancomycin",
    "Tylenol 650 mg",
    "atorvastatin 40 mg",
    "prednisone 40 mg",
    "heparin drip",
    "Zofran 4 mg",
    "Keppra 500 mg",
    "sertraline 50 mg",
    "albuterol nebs",
    "ceftriaxone 1 g",
    "Coumadin",
    "Norco 5/325",
)
DIAGNOSES = (
    "community-acquired pneumonia",
    "CHF exacerbation",
    "acute kidney injury",
    "COPD exacerbation",
    "cellulitis of the left leg",
    "new-onset atrial fibrillation",
    "diabetic ketoacidosis",
    "NSTEMI",
    "small bowel obstruction",
    "urosepsis",
    "Crohn's disease flare",
    "Hodgkin lymphoma",
    "Bell's palsy",
    "Graves' disease",
    "Parkinson's disease",
    "Guillain-Barre syndrome",
    "Hashimoto's thyroiditis",
    "Alzheimer's dementia",
    "Cushing's syndrome",
    "Meniere's disease",
)
DEVICES = (
    "Foley catheter",
    "PICC line",
    "Swan-Ganz catheter",
    "Holter monitor",
    "BiPAP",
    "Jackson-Pratt drain",
    "Pleurx catheter",
    "CPAP",
    "Dobhoff tube",
    "Hickman line",
)
UNITS = (
    "MICU",
    "4 West",
    "L&D",
    "PACU",
    "5B",
    "SICU",
    "Cardiac Step-Down",
    "ED Pod C",
    "NICU",
    "Telemetry",
)
EPONYMS = (
    "Murphy's sign negative",
    "Babinski downgoing bilaterally",
    "Apgar 8 and 9",
    "Glasgow Coma Scale 15",
    "Kernig and Brudzinski signs absent",
    "Romberg negative",
    "Homans sign negative",
    "McBurney point tenderness",
    "Tinel sign positive at the wrist",
    "Trendelenburg gait",
    "Cheyne-Stokes respirations",
    "Kussmaul breathing",
)
NRP_TERMS = (
    "Catholic",
    "Muslim",
    "Jewish",
    "Hindu",
    "Buddhist",
    "Jehovah's Witness",
    "Mormon",
    "Sikh",
    "Mexican",
    "Vietnamese",
    "Nigerian",
    "Polish",
    "Haitian",
    "Somali",
    "Korean",
    "Democrat",
    "Republican",
)
