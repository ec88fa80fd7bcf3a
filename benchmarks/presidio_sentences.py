"""Presidio's own PII sentence set, rebuilt: presidio-evaluator's templates filled with Faker.

The templates (``benchmarks/data/presidio/templates.txt``, 209 lines, MIT, Copyright (c)
Presidio contributors, from the ``presidio-evaluator`` 0.3.2 wheel on PyPI) are the ones
presidio-research fills to make its evaluation sentences ("My name is {{person}}", "How do I
change my address to {{address}}?"). They are used for measurement only: nothing here trains a
model or feeds a list, and none of redactor's own templates come from them.

Values come from Faker (``en_US``, seeded), about 5 % of sentences are lower-cased whole (as
presidio-evaluator's ``lower_case_ratio`` does), and each placeholder becomes a gold span:

* identifiers (names, places smaller than a country, addresses, postcodes, organisations,
  full dates, phone, e-mail, URL, card, IBAN, SSN, IP, driver's licence) are gold;
* what HIPAA Safe Harbor keeps or what is no identifier (countries, nationalities, religions,
  jobs, a bare year, a weekday, an age under 90) is ``IGNORE``: a redaction there counts
  neither way.

    python benchmarks/eval_real.py --corpora presidio
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from faker import Faker

from redactor.quality.evaluate import GoldDoc, GoldSpan

TEMPLATES = Path(__file__).resolve().parent / "data" / "presidio" / "templates.txt"
IGNORE = "IGNORE"
_PLACEHOLDER = re.compile(r"\{\{([a-z_]+)\}\}")
_DATE_FORMATS = ("%B %d, %Y", "%m/%d/%Y", "%d %B %Y", "%Y-%m-%d", "%b %d %Y", "%d/%m/%Y",
                 "%A, %B %d, %Y")
_NATIONALITIES = ("American", "British", "Canadian", "French", "German", "Indian", "Irish",
                  "Italian", "Japanese", "Korean", "Mexican", "Nigerian", "Polish", "Spanish",
                  "Turkish", "Vietnamese", "Brazilian", "Chinese", "Egyptian", "Swedish")
_RELIGIONS = ("Christian", "Muslim", "Jewish", "Hindu", "Buddhist", "Sikh", "Atheist")

Value = Callable[[Faker, random.Random], str]


#: Fixed ends for the dates and the weekdays' own list, so that the set is the same on every
#: day it is built (Faker's "-60y", its birth dates and its weekday count from today: the set
#: changed at midnight).
_DATES = (date(1966, 1, 1), date(2027, 12, 31))
_BIRTHS = (date(1937, 1, 1), date(2025, 12, 31))
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _date(fake: Faker, rng: random.Random) -> str:
    return fake.date_between(*_DATES).strftime(rng.choice(_DATE_FORMATS))


def _birth(fake: Faker, rng: random.Random) -> str:
    return fake.date_between(*_BIRTHS).strftime(rng.choice(_DATE_FORMATS))


def _licence(fake: Faker, rng: random.Random) -> str:
    return rng.choice("ABCDEFGHJKLMNPRSTWY") + "".join(rng.choice("0123456789") for _ in range(7))


def _nation(index: int) -> Value:
    forms = ("", "", "s")
    return lambda fake, rng: rng.choice(_NATIONALITIES) + forms[index]


#: placeholder -> (label or IGNORE, value maker)
FIELDS: dict[str, tuple[str, Value]] = {
    "person": ("PERSON", lambda f, r: f.name()),
    "name": ("PERSON", lambda f, r: f.name()),
    "name_female": ("PERSON", lambda f, r: f.name_female()),
    "name_male": ("PERSON", lambda f, r: f.name_male()),
    "first_name": ("PERSON", lambda f, r: f.first_name()),
    "first_name_female": ("PERSON", lambda f, r: f.first_name_female()),
    "first_name_male": ("PERSON", lambda f, r: f.first_name_male()),
    "first_name_nonbinary": ("PERSON", lambda f, r: f.first_name_nonbinary()),
    "last_name": ("PERSON", lambda f, r: f.last_name()),
    "last_name_female": ("PERSON", lambda f, r: f.last_name_female()),
    "last_name_male": ("PERSON", lambda f, r: f.last_name_male()),
    "prefix": (IGNORE, lambda f, r: f.prefix()),
    "prefix_female": (IGNORE, lambda f, r: f.prefix_female()),
    "prefix_male": (IGNORE, lambda f, r: f.prefix_male()),
    "city": ("LOCATION", lambda f, r: f.city()),
    "country": (IGNORE, lambda f, r: f.country()),
    "state_abbr": (IGNORE, lambda f, r: f.state_abbr()),
    "address": ("STREET_ADDRESS", lambda f, r: f.address()),
    "street_name": ("STREET_ADDRESS", lambda f, r: f.street_name()),
    "building_number": ("STREET_ADDRESS", lambda f, r: f.building_number()),
    "secondary_address": ("STREET_ADDRESS", lambda f, r: f.secondary_address()),
    "postcode": ("ZIP_CODE", lambda f, r: f.postcode()),
    "zipcode": ("ZIP_CODE", lambda f, r: f.zipcode()),
    "organization": ("ORGANIZATION", lambda f, r: f.company()),
    "date_time": ("DATE", _date),
    "date_of_birth": ("DATE", _birth),
    "year": (IGNORE, lambda f, r: str(r.randint(1950, 2030))),
    "day_of_week": (IGNORE, lambda f, r: f.random_element(_WEEKDAYS)),
    "age": (IGNORE, lambda f, r: str(r.randint(1, 89))),
    "phone_number": ("PHONE_NUMBER", lambda f, r: f.phone_number()),
    "email": ("EMAIL_ADDRESS", lambda f, r: f.email()),
    "url": ("URL", lambda f, r: f.url()),
    "credit_card_number": ("CREDIT_CARD", lambda f, r: f.credit_card_number()),
    "iban": ("IBAN_CODE", lambda f, r: f.iban()),
    "ssn": ("US_SSN", lambda f, r: f.ssn()),
    "ip_address": ("IP_ADDRESS", lambda f, r: f.ipv4()),
    "us_driver_license": ("LICENSE_NUMBER", _licence),
    "job": (IGNORE, lambda f, r: f.job()),
    "nationality": (IGNORE, _nation(0)),
    "nation_woman": (IGNORE, _nation(1)),
    "nation_plural": (IGNORE, _nation(2)),
    "religion": (IGNORE, lambda f, r: r.choice(_RELIGIONS)),
}


def templates(path: Path = TEMPLATES) -> list[str]:
    """The template lines, with their written ``\\n`` as line breaks."""
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    return [line.replace("\\n", "\n").replace("\\,", ",") for line in lines if line.strip()]


def fill(template: str, fake: Faker, rng: random.Random, lower: bool) -> tuple[str, list[GoldSpan]]:
    """One sentence and its spans; an unknown placeholder is a KeyError (the set is fixed)."""
    out: list[str] = []
    spans: list[GoldSpan] = []
    pos = 0
    length = 0
    for m in _PLACEHOLDER.finditer(template):
        literal = template[pos:m.start()]
        out.append(literal)
        length += len(literal)
        label, make = FIELDS[m.group(1)]
        value = make(fake, rng)
        spans.append(GoldSpan(length, length + len(value), label))
        out.append(value)
        length += len(value)
        pos = m.end()
    out.append(template[pos:])
    text = "".join(out)
    return (text.lower() if lower else text), spans


def sentences(count: int = 1500, seed: int = 2026, lower_ratio: float = 0.05) -> list[GoldDoc]:
    """``count`` sentences, templates drawn uniformly with replacement, the same for a seed."""
    rng = random.Random(seed)
    fake = Faker("en_US")
    fake.seed_instance(seed)
    lines = templates()
    docs = []
    for i in range(count):
        text, spans = fill(rng.choice(lines), fake, rng, rng.random() < lower_ratio)
        docs.append(GoldDoc(f"presidio-{i}", text, tuple(spans)))
    return docs
