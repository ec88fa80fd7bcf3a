"""Seeded generator of redactor's fixed dev set: ``benchmarks/data/dev.jsonl``.

Documents come from the hand-written templates in ``templates.txt`` (clinical notes, tickets,
chats, e-mails, letters, HR and finance records, plain sentences), filled with values drawn from
per-locale :class:`faker.Faker` instances and small hand-written lists, all seeded from one
``random.Random(seed)``; nothing touches a global seed. The annotation guideline is
``GUIDELINES.md`` beside this file. Every span is checked (``text[start:end] == value``) while
it is written.

Template language (``templates.txt``):

* ``=== <name> <kind>`` starts a template; the lines up to the next header are its text.
* ``{key}`` is a field. ``role.attr`` keys are people (``{pt.name}``, ``{dr.lf}``, ``{pt.he}``);
  other keys are chosen by their alphabetic prefix (``{date2}`` is a date, ``{phone_cell}`` a
  phone number). The same key gives the same value throughout a document. ``{date1:eu}``
  formats a date in a named style.
* ``{~a|b|c}`` picks one literal at random.
* A line starting with ``?`` is kept with probability one half (the ``?`` is dropped).

Usage::

    python benchmarks/devset/make_devset.py                # writes benchmarks/data/dev.jsonl
    python benchmarks/devset/make_devset.py --count 20 --out /tmp/dev.jsonl --seed 7
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import string
import sys
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from redactor.synthetic import dates, fields, people, values
from redactor.synthetic.people import translit
from redactor.synthetic.seeding import SeededFakers

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE.parent / "data" / "dev.jsonl"
DEFAULT_COUNT = 320
DEFAULT_SEED = 20240611

Segment = tuple[str, str | None, str]  # (text, entity type or None, group)

# --------------------------------------------------------------------------- names

#: origin -> weight. Origins map to a Faker locale or to the hand-written lists below.
ORIGINS: dict[str, float] = {
    "en_US": 5.0, "en_GB": 1.0, "en_IE": 0.6, "es_MX": 1.6, "es_CO": 0.6, "pt_BR": 1.0,
    "fr_FR": 1.0, "de_DE": 1.0, "it_IT": 0.8, "pl_PL": 1.0, "nl_NL": 0.5, "ro_RO": 0.5,
    "cs_CZ": 0.4, "tr_TR": 1.0, "ru_RU": 1.0, "uk_UA": 0.5, "yo_NG": 1.0, "ig_NG": 0.8,
    "ha_NG": 0.6, "en_KE": 0.6, "sw": 0.5, "tw_GH": 0.6, "zu_ZA": 0.4, "en_IN": 1.6,
    "en_PK": 0.8, "vi_VN": 1.2, "zh_CN": 1.4, "ja_JP": 0.8, "ko_KR": 0.8, "ar": 1.4,
    "id_ID": 0.4, "fi_FI": 0.3, "hu_HU": 0.3,
}

ARABIC = {
    "female": ["Fatima", "Aisha", "Mariam", "Layla", "Noor", "Huda", "Amira", "Yasmin", "Salma",
               "Rania", "Zainab", "Hanan", "Samira", "Dalia", "Reem", "Lina", "Nadia", "Asma"],
    "male": ["Mohammed", "Ahmed", "Omar", "Khalid", "Youssef", "Tariq", "Hamza", "Karim", "Samir",
             "Walid", "Bilal", "Faisal", "Ibrahim", "Mustafa", "Hassan", "Ali", "Ziad", "Nabil"],
    "family": ["Al-Sayed", "Haddad", "Khoury", "Nasser", "El-Amin", "Mansour", "Saleh",
               "Abdullah", "Hamdan", "Farouk", "Al-Masri", "Hussein", "Aziz", "Darwish", "Othman",
               "Jaber", "Al-Rashid", "Shaheen", "Bakri", "El-Hashem", "Qasim", "Tahan"],
}
KOREAN = {
    "female": ["Ji-yeon", "Min-ji", "Seo-yeon", "Hye-jin", "Eun-ji", "Soo-ah", "Ha-eun",
               "Ji-woo", "Yuna", "Da-eun", "Soo-jin", "Mi-kyung"],
    "male": ["Min-jun", "Seo-jun", "Ji-hoon", "Hyun-woo", "Dong-hyun", "Jae-won", "Sung-min",
             "Joon-ho", "Tae-yang", "Young-ho", "Kyung-soo", "Jin"],
    "family": ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han",
               "Shin", "Seo", "Kwon", "Hwang", "Ahn", "Song", "Oh"],
}
PINYIN = {
    "female": ["Xiaoling", "Mei", "Yan", "Jing", "Li", "Hui", "Xiu", "Ying", "Fang", "Lan",
               "Na", "Min", "Qian", "Yuting", "Xinyi", "Lihua", "Shu", "Yue"],
    "male": ["Wei", "Jun", "Hao", "Lei", "Qiang", "Jian", "Tao", "Ming", "Bo", "Zhiwei",
             "Yong", "Jie", "Peng", "Chao", "Haoran", "Zihao", "Gang", "Dong"],
}
VI_MIDDLE = {"female": ["Thị", "Ngọc", "Thu", "Minh", "Thanh", "Bảo"],
             "male": ["Văn", "Đức", "Minh", "Quang", "Hữu", "Công"]}
#: given names and surnames that are also English words: the hard cases for a name model.
WORDLIKE = {
    "female": ["Faith", "Hope", "Grace", "Joy", "April", "June", "Rose", "Summer", "Crystal",
               "Destiny", "Ivy", "Dawn", "Autumn", "Amber"],
    "male": ["Will", "Mark", "Bill", "Grant", "Chase", "Hunter", "Rusty", "Cash", "Forrest",
             "Sonny", "Rich", "Bishop"],
    "family": ["Brown", "White", "Young", "King", "Bell", "Street", "Wood", "Hill", "Rice",
               "Lane", "Price", "Little", "Long", "Love", "Cash", "Friend", "Sharp", "Moody",
               "Church", "Banks", "Winter", "Strong"],
}
ASCII_FOLD = str.maketrans({"đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ı": "i", "ß": "ss",
                            "ø": "o", "Ø": "O", "æ": "ae", "’": "'"})
FAMILY_FIRST = {"vi_VN", "zh_CN", "ko_KR", "hu_HU", "ja_JP"}


def fold(text: str) -> str:
    """``text`` without diacritics, as many US records store foreign names."""
    text = unicodedata.normalize("NFKD", text.translate(ASCII_FOLD))
    return "".join(c for c in text if not unicodedata.combining(c))


@dataclass(frozen=True, kw_only=True)
class Person(people.Person):
    """A synthetic person (the shared shape) and the forms fixed for them in a document."""

    name: str  # the preferred full form in this document
    uid: str
    email: str
    handle: str


# --------------------------------------------------------------------------- places

US_CITIES = [
    ("Springfield", "IL"), ("Boston", "MA"), ("Worcester", "MA"), ("Houston", "TX"),
    ("San Antonio", "TX"), ("El Paso", "TX"), ("Phoenix", "AZ"), ("Tucson", "AZ"),
    ("Denver", "CO"), ("Aurora", "CO"), ("Atlanta", "GA"), ("Savannah", "GA"),
    ("Chicago", "IL"), ("Peoria", "IL"), ("Detroit", "MI"), ("Grand Rapids", "MI"),
    ("Minneapolis", "MN"), ("Duluth", "MN"), ("St. Louis", "MO"), ("Kansas City", "MO"),
    ("Omaha", "NE"), ("Albuquerque", "NM"), ("Las Cruces", "NM"), ("Buffalo", "NY"),
    ("Rochester", "NY"), ("Brooklyn", "NY"), ("Newark", "NJ"), ("Paterson", "NJ"),
    ("Philadelphia", "PA"), ("Pittsburgh", "PA"), ("Baltimore", "MD"), ("Richmond", "VA"),
    ("Norfolk", "VA"), ("Charlotte", "NC"), ("Durham", "NC"), ("Columbia", "SC"),
    ("Jacksonville", "FL"), ("Tampa", "FL"), ("Miami", "FL"), ("Orlando", "FL"),
    ("Nashville", "TN"), ("Memphis", "TN"), ("Louisville", "KY"), ("Cleveland", "OH"),
    ("Columbus", "OH"), ("Dayton", "OH"), ("Indianapolis", "IN"), ("Milwaukee", "WI"),
    ("Madison", "WI"), ("Des Moines", "IA"), ("Seattle", "WA"), ("Spokane", "WA"),
    ("Portland", "OR"), ("Eugene", "OR"), ("Sacramento", "CA"), ("Fresno", "CA"),
    ("Oakland", "CA"), ("San Diego", "CA"), ("Los Angeles", "CA"), ("Salt Lake City", "UT"),
    ("Boise", "ID"), ("Reno", "NV"), ("Anchorage", "AK"), ("Honolulu", "HI"),
    ("Little Rock", "AR"), ("Jackson", "MS"), ("Birmingham", "AL"), ("New Orleans", "LA"),
    ("Hartford", "CT"), ("Providence", "RI"), ("Burlington", "VT"), ("Lowell", "MA"),
]
US_AREA = ["212", "213", "214", "216", "303", "305", "312", "313", "404", "412", "415", "502",
           "503", "504", "508", "512", "601", "602", "612", "615", "617", "702", "713", "718",
           "732", "773", "801", "804", "813", "816", "832", "901", "916", "919", "971"]
STREET_WORDS = ["Oak", "Maple", "Main", "Washington", "Lincoln", "Park", "Cedar", "Elm", "Pine",
                "Lake", "Hill", "Sunset", "Highland", "Church", "Mill", "River", "Spring",
                "Chestnut", "Walnut", "Jefferson", "Madison", "Franklin", "Willow", "Meadow",
                "Ridge", "Martin Luther King Jr", "Grand", "Cherry", "Dogwood", "Magnolia",
                "Second", "3rd", "5th", "14th", "Peachtree", "Vine", "Forest", "Orchard"]
STREET_SUFFIX = ["St", "St.", "Street", "Ave", "Ave.", "Avenue", "Rd", "Road", "Blvd", "Dr",
                 "Drive", "Ln", "Lane", "Ct", "Way", "Pl", "Pkwy", "Terrace", "Circle"]
UNITS = ["Apt {n}", "Apt. {n}{l}", "Unit {n}", "Suite {n}00", "#{n}", "Apartment {n}{l}",
         "Fl {n}"]
EU_CITIES = {
    "de": ["Berlin", "München", "Hamburg", "Köln", "Frankfurt am Main", "Leipzig", "Dresden",
           "Bremen", "Hannover", "Nürnberg", "Freiburg im Breisgau", "Osnabrück"],
    "fr": ["Paris", "Lyon", "Marseille", "Toulouse", "Lille", "Bordeaux", "Nantes",
           "Strasbourg", "Montpellier", "Rennes", "Saint-Étienne", "Grenoble"],
    "uk": ["London", "Manchester", "Leeds", "Bristol", "Glasgow", "Edinburgh", "Cardiff",
           "Sheffield", "Nottingham", "Leicester", "Newcastle upon Tyne", "Brighton"],
    "nl": ["Amsterdam", "Utrecht", "Rotterdam", "Den Haag", "Eindhoven", "Groningen",
           "Nijmegen", "Leiden"],
    "es": ["Madrid", "Barcelona", "Valencia", "Sevilla", "Zaragoza", "Málaga", "Bilbao",
           "Granada"],
    "it": ["Milano", "Torino", "Bologna", "Napoli", "Firenze", "Genova", "Padova", "Verona"],
    "pl": ["Kraków", "Wrocław", "Gdańsk", "Poznań", "Łódź", "Lublin", "Katowice", "Szczecin"],
}
EU_COUNTRY = {"de": ["Germany", "DEUTSCHLAND"], "fr": ["France", "FRANCE"],
              "uk": ["United Kingdom", "UK"], "nl": ["Netherlands", "NEDERLAND"],
              "es": ["Spain", "ESPAÑA"], "it": ["Italy", "ITALIA"],
              "pl": ["Poland", "POLSKA"]}
EU_FAKER = {"de": "de_DE", "fr": "fr_FR", "uk": "en_GB", "nl": "nl_NL", "es": "es_ES",
            "it": "it_IT", "pl": "pl_PL"}
WORLD_CITIES = ["Lagos", "Abuja", "Ibadan", "Nairobi", "Mombasa", "Accra", "Kumasi", "Durban",
                "Johannesburg", "Mumbai", "Pune", "Chennai", "Hyderabad", "Karachi", "Lahore",
                "Ho Chi Minh City", "Hanoi", "Da Nang", "Guangzhou", "Chengdu", "Osaka",
                "Busan", "Istanbul", "Izmir", "Guadalajara", "Monterrey", "Puebla", "Medellín",
                "São Paulo", "Recife", "Kyiv", "Lviv", "Kraków", "Cairo", "Amman", "Beirut",
                "Casablanca", "Manila", "Jakarta", "Toronto", "Montreal", "Vancouver"]
SAINTS = ["Mary", "Joseph", "Luke", "Francis", "Vincent", "Elizabeth", "Jude", "Anne",
          "Catherine", "Michael", "John", "Agnes", "Anthony", "Clare"]

# --------------------------------------------------------------------------- plain values

DRUGS = ["metoprolol succinate 25 mg daily", "lisinopril 10 mg PO daily",
         "atorvastatin 40 mg qHS", "metformin 500 mg BID", "apixaban 5 mg BID",
         "furosemide (Lasix) 40 mg IV x1", "Tylenol 650 mg q6h PRN", "ondansetron 4 mg IV PRN",
         "warfarin (Coumadin) 5 mg", "levothyroxine 75 mcg", "insulin glargine 18 units qHS",
         "amoxicillin-clavulanate 875 mg BID", "prednisone 40 mg taper", "Eliquis 2.5 mg BID",
         "gabapentin 300 mg TID", "sertraline 50 mg", "albuterol 2 puffs q4h PRN",
         "vancomycin 1.25 g IV q12h", "ceftriaxone 1 g IV daily", "Zofran 4 mg ODT"]
EPONYMS = ["Parkinson's disease", "Alzheimer's dementia", "Crohn's disease", "Graves' disease",
           "Hashimoto's thyroiditis", "Bell's palsy", "Hodgkin lymphoma", "Cushing syndrome",
           "Down syndrome", "Guillain-Barré syndrome", "Barrett's esophagus", "Raynaud's",
           "Sjögren's syndrome", "Kawasaki disease", "Addison's disease", "Wilson disease",
           "Huntington's disease", "Meniere's disease", "Paget's disease of bone"]
SIGNS = ["Murphy's sign negative", "Babinski downgoing bilaterally", "Romberg negative",
         "Homans sign negative", "McBurney point tenderness", "Kernig and Brudzinski negative",
         "Tinel sign positive at the wrist", "Phalen test positive", "Lachman negative"]
DEVICES = ["Foley catheter", "PICC line", "Swan-Ganz catheter", "Holter monitor",
           "Jackson-Pratt drain", "Pleur-evac", "Hickman catheter", "Port-a-Cath",
           "Dobhoff tube", "Mepilex dressing", "Bair Hugger", "Yankauer suction"]
HOSP_UNITS = ["MICU", "SICU", "4 West", "7 North", "CCU", "PACU", "the step-down unit",
              "L&D", "NICU", "5 East telemetry", "the ED", "Burn Unit", "Oncology 6B"]
LABS = ["Na 138, K 4.1, Cl 102, HCO3 24, BUN 18, Cr 1.1", "WBC 11.2, Hgb 9.8, Plt 212",
        "troponin <0.01 x2", "INR 2.4", "HbA1c 8.1%", "TSH 3.2", "lactate 1.9",
        "BNP 842", "LDL 131", "eGFR 54", "ALT 32, AST 28, alk phos 95"]
DX = ["community-acquired pneumonia", "CHF exacerbation", "COPD exacerbation",
      "diabetic ketoacidosis", "acute pancreatitis", "NSTEMI", "cellulitis of the left leg",
      "urinary tract infection", "atrial fibrillation with RVR", "small bowel obstruction",
      "syncope", "acute kidney injury", "sepsis secondary to pyelonephritis"]
NRP_REL = ["Jehovah's Witness", "Muslim", "Catholic", "Orthodox Jewish", "Hindu", "Buddhist",
           "Sikh", "Seventh-day Adventist", "Mormon", "Evangelical Christian"]
NRP_NAT = ["Nigerian", "Vietnamese", "Polish", "Mexican", "Somali", "Haitian", "Guatemalan",
           "Korean", "Ukrainian", "Filipino", "Ethiopian", "Turkish", "Brazilian"]
INSURERS = ["Blue Cross Blue Shield", "Aetna", "UnitedHealthcare", "Cigna", "Humana",
            "Kaiser Permanente", "Molina Healthcare", "Anthem", "Tricare", "Oscar Health"]
SCHOOLS = ["Lincoln High School", "Westview Elementary", "Ohio State University",
           "Riverside Community College", "Roosevelt Middle School", "Emory University"]
STATES = ["IL", "TX", "CA", "NY", "FL", "MA", "OH", "GA", "WA", "PA", "MI", "AZ"]




# --------------------------------------------------------------------------- facts


class Facts:
    """The values of one document, drawn lazily and memoised by key."""

    def __init__(self, gen: Generator) -> None:
        self.g = gen
        self.r = gen.rng
        self.people: dict[str, Person] = {}
        self.values: dict[str, object] = {}
        self.anchor = dt.date(2015, 1, 1) + dt.timedelta(days=self.r.randrange(3650))
        self.age = self._draw_age()
        self.date_style = self.r.choices(
            list(DATE_STYLES), weights=[6, 4, 3, 2, 4, 2, 2, 2, 1, 1, 0, 0]
        )[0]

    def _draw_age(self) -> int:
        u = self.r.random()
        if u < 0.08:
            return self.r.randint(90, 103)
        if u < 0.15:
            return self.r.randint(2, 17)
        return self.r.randint(18, 89)

    # -- people
    def person(self, role: str) -> Person:
        if role not in self.people:
            if role == "kin" and "pt" in self.people:
                self.people[role] = self.g.person(like=self.person("pt"))
            else:
                self.people[role] = self.g.person()
        return self.people[role]

    def person_field(self, role: str, attr: str) -> list[Segment]:
        p = self.person(role)
        g, f = p.given, p.family
        female = p.gender == "female"
        pronouns = {
            "he": "she" if female else "he", "He": "She" if female else "He",
            "his": "her" if female else "his", "His": "Her" if female else "His",
            "him": "her" if female else "him", "mr": "Ms." if female else "Mr.",
            "mrs": "Mrs." if female else "Mr.", "man": "woman" if female else "man",
            "sex": "female" if female else "male", "Sex": "Female" if female else "Male",
            "MF": "F" if female else "M", "boy": "girl" if female else "boy",
        }
        if attr in pronouns:
            return [(pronouns[attr], None, "")]
        if attr in ("rel", "parent"):  # a relation word that agrees with the person's gender
            key = f"{role}.{attr}"
            if key not in self.values:
                pairs = RELATIONS if attr == "rel" else PARENTS
                self.values[key] = self.r.choice(pairs)[0 if female else 1]
            return [(str(self.values[key]), None, "")]
        mid = f" {p.middle}" if p.middle else ""
        forms = {
            "name": p.name,
            "full": f"{g}{mid} {f}",
            "first": g,
            "last": f,
            "lf": f"{f}, {g}{mid}",
            "LF": f"{f}, {g}{mid}".upper(),
            "LFc": f"{f.upper()},{g.upper()}",
            "NAME": p.name.upper(),
            "ini": f"{g[0]}. {f}",
            "fi": f"{g} {f[0]}.",
            "inits": f"{g[0]}{f[0]}",
            "linits": f"{g[0]}{f[0]}".lower(),
            "lower": p.name.lower(),
            "lfirst": g.lower(),
            "llast": f.lower(),
            "uid": p.uid,
            "handle": p.handle,
        }
        if attr == "email":
            return [(p.email, "EMAIL_ADDRESS", "")]
        if attr == "url":
            key = f"{role}.url"
            if key not in self.values:
                self.values[key] = person_url(self.r, p)
            return [(str(self.values[key]), "URL", "")]
        if attr not in forms:
            raise KeyError(f"unknown person attribute {attr!r}")
        return [(forms[attr], "PERSON", p.group)]

    # -- everything else
    def field(self, key: str, style: str | None) -> list[Segment]:
        if "." in key:
            role, attr = key.split(".", 1)
            return self.person_field(role, attr)
        base = re.match(r"[a-z]+", key)
        kind = base.group(0) if base else ""
        if kind in DATE_KINDS:
            if key not in self.values:
                self.values[key] = _draw_date(self, kind, key)
            d = self.values[key]
            assert isinstance(d, dt.date)
            return [(format_date(d, kind, style or self.date_style, self.r), "DATE", "")]
        if kind not in FIELDS:
            raise KeyError(f"unknown field {key!r}")
        if key not in self.values:
            self.values[key] = FIELDS[kind](self, key)
        value = self.values[key]
        assert isinstance(value, list)
        return value


def _draw_date(facts: Facts, kind: str, key: str) -> dt.date:
    r, a = facts.r, facts.anchor
    n = int(re.sub(r"\D", "", key) or 0)
    if kind == "dob":
        return a - dt.timedelta(days=365 * facts.age + r.randrange(1, 364))
    if kind == "past":
        return a - dt.timedelta(days=r.randint(20, 1200))
    if kind == "future":
        return a + dt.timedelta(days=r.randint(5, 120))
    return a + dt.timedelta(days=n * 2 + r.randint(0, 1) if n else 0)


MONTHS_DE = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
             "September", "Oktober", "November", "Dezember"]
MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre"]
RELATIONS = [("wife", "husband"), ("daughter", "son"), ("sister", "brother"),
             ("mother", "father"), ("niece", "nephew"), ("partner", "partner")]
PARENTS = [("mother", "father"), ("grandmother", "grandfather"), ("aunt", "uncle")]
WEEKDAYS = list(dates.WEEKDAYS)


_ordinal = values.ordinal


DATE_STYLES: dict[str, Callable[[dt.date], str]] = dates.styles({
    "num": "mdy_slash", "nums": "mdy_short", "long": "month_d_y", "short": "mon_d_y",
    "numl": "mdy_nopad", "iso": "iso", "dmy": "d_month_y", "dmon": "dd_mon_y_dash",
    "ord": "month_ord_y", "dash": "mdy_dash", "eu": "dmy_dot", "uk": "dmy_slash",
})  # fmt: skip


def format_date(d: dt.date, kind: str, style: str, r: random.Random) -> str:
    """Write ``d`` in ``style``; ``kind`` selects partial forms (no year, month-year, weekday)."""
    if style == "de":
        return f"{d.day}. {MONTHS_DE[d.month - 1]} {d.year}"
    if style == "fr":
        return f"{d.day} {MONTHS_FR[d.month - 1]} {d.year}"
    if kind == "sdate":
        return r.choice([f"{d.month}/{d.day}", f"{d:%B} {_ordinal(d.day)}", f"{d:%b} {d.day}",
                         f"{d.day} {d:%b}", f"{d:%m/%d}"])
    if kind == "mdate":
        return r.choice([f"{d:%B} {d.year}", f"{d:%m/%Y}", f"{d:%b} {d.year}"])
    text = DATE_STYLES[style](d)
    if kind == "wdate":
        return f"{WEEKDAYS[d.weekday()]}, {text}"
    return text


_digits = values.digit_string
_upper = values.clear_upper


def f_age(facts: Facts, key: str) -> list[Segment]:
    r, a = facts.r, facts.age
    if key.startswith("agen"):
        return [(str(a), "AGE", "")]
    if key.startswith("ageyrs"):
        return _age_number(r.choice([f"{a} years old", f"{a} yrs old", f"{a} years", f"{a} y.o."]))
    if key.startswith("agex"):  # somebody else's age
        b = r.randint(19, 95)
        return _age_number(r.choice([f"{b}-year-old", f"{b} y/o"]))
    return _age_number(r.choice([f"{a}-year-old", f"{a} year old", f"{a} y/o", f"{a}yo", f"{a} yo",
                                 f"{a}-yr-old", f"{a}-year-old"]))


def _age_number(expression: str) -> list[Segment]:
    """An age labelled on its number only ("45" of "45-year-old"), as GUIDELINES.md says."""
    number = expression[: len(expression) - len(expression.lstrip("0123456789"))]
    return [(number, "AGE", ""), (expression[len(number) :], None, "")]


def f_infage(facts: Facts, key: str) -> list[Segment]:
    r = facts.r
    n = r.randint(2, 11)
    unit = r.choice(["day", "week", "month"])
    return _age_number(r.choice([f"{n}-{unit}-old", f"{n} {unit}s old", f"{n} {unit} old"]))


def f_phone(facts: Facts, key: str) -> list[Segment]:
    r = facts.r
    label = "FAX_NUMBER" if key.startswith("fax") else "PHONE_NUMBER"
    if key.endswith("i"):  # international
        value = r.choice([
            f"+49 {r.choice(['30', '89', '40', '221'])} {_digits(r, 7)}",
            f"+33 {r.randint(1, 9)} {_digits(r, 2)} {_digits(r, 2)} {_digits(r, 2)} "
            f"{_digits(r, 2)}",
            f"+44 20 {_digits(r, 4)} {_digits(r, 4)}",
            f"+44 7{_digits(r, 3)} {_digits(r, 6)}",
            f"+34 9{_digits(r, 2)} {_digits(r, 3)} {_digits(r, 3)}",
            f"+39 02 {_digits(r, 4)} {_digits(r, 4)}",
            f"+48 12 {_digits(r, 3)} {_digits(r, 2)} {_digits(r, 2)}",
            f"+31 20 {_digits(r, 3)} {_digits(r, 4)}",
            f"+234 80{r.randint(2, 9)} {_digits(r, 3)} {_digits(r, 4)}",
            f"+254 7{_digits(r, 2)} {_digits(r, 6)}",
            f"+91 9{_digits(r, 4)} {_digits(r, 5)}",
            f"0{r.randint(30, 89)} {_digits(r, 3)} {_digits(r, 4)}",
        ])
        return [(value, label, "")]
    a, e, n = r.choice(US_AREA), str(r.randint(201, 989)), _digits(r, 4)
    value = r.choice([f"({a}) {e}-{n}", f"{a}-{e}-{n}", f"{a}.{e}.{n}", f"+1 {a} {e} {n}",
                      f"1-{a}-{e}-{n}", f"{a} {e} {n}", f"({a}){e}-{n}", f"+1 ({a}) {e}-{n}",
                      f"{a}-{e}-{n}", f"({a}) {e}-{n}"])
    return [(value, label, "")]


def f_ssn(facts: Facts, key: str) -> list[Segment]:
    return [(values.ssn(facts.r, ("-", "-", " ", "")), "US_SSN", "")]


def f_itin(facts: Facts, key: str) -> list[Segment]:
    return [(values.itin(facts.r), "US_ITIN", "")]


def f_mrn(facts: Facts, key: str) -> list[Segment]:
    r = facts.r
    value = r.choice([_digits(r, 8), _digits(r, 7), f"00{_digits(r, 6)}",
                      f"{_digits(r, 3)}-{_digits(r, 2)}-{_digits(r, 2)}", f"MR{_digits(r, 7)}",
                      f"{_upper(r, 1)}{_digits(r, 7)}", _digits(r, 10)])
    return [(value, "MEDICAL_RECORD_NUMBER", "")]


def f_acct(facts: Facts, key: str) -> list[Segment]:
    r = facts.r
    value = r.choice([_digits(r, 10), _digits(r, 12), f"{_digits(r, 4)}-{_digits(r, 6)}",
                      f"ACCT-{_digits(r, 8)}", f"{_digits(r, 3)}-{_digits(r, 7)}-{_digits(r, 2)}",
                      f"CX{_digits(r, 8)}"])
    return [(value, "ACCOUNT_NUMBER", "")]


def f_plan(facts: Facts, key: str) -> list[Segment]:
    r = facts.r
    mbi = (f"{r.randint(1, 9)}{_upper(r, 1)}{r.choice(string.ascii_uppercase + string.digits)}"
           f"{r.randint(0, 9)}-{_upper(r, 1)}{r.choice('ABCDEFGHJKMNPQRTUVWXY0123456789')}"
           f"{r.randint(0, 9)}-{_upper(r, 2)}{_digits(r, 2)}")  # Medicare MBI shape
    value = r.choice([f"{_upper(r, 3)}{_digits(r, 9)}", f"W{_digits(r, 9)}", mbi,
                      f"{_digits(r, 8)}{_upper(r, 1)}", f"{_upper(r, 2)}{_digits(r, 7)}-01",
                      f"ZGP{_digits(r, 9)}"])
    return [(value, "HEALTH_PLAN_ID", "")]


#: Card issuers of the dev set: (prefix, length).
CARD_PREFIXES = (("4", 16), ("51", 16), ("55", 16), ("37", 15), ("6011", 16))


def f_card(facts: Facts, key: str) -> list[Segment]:
    return [(values.credit_card(facts.r, CARD_PREFIXES, (" ", "-", "", " ")), "CREDIT_CARD", "")]


def f_iban(facts: Facts, key: str) -> list[Segment]:
    r = facts.r
    loc = r.choice(["de_DE", "fr_FR", "en_GB", "nl_NL", "es_ES", "it_IT", "pl_PL"])
    iban = facts.g.faker(loc).iban()
    if r.random() < 0.5:
        iban = " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
    return [(iban, "IBAN_CODE", "")]


def f_npi(facts: Facts, key: str) -> list[Segment]:
    return [(values.npi(facts.r), "US_NPI", "")]


def f_dea(facts: Facts, key: str) -> list[Segment]:
    return [(values.dea(facts.r), "LICENSE_NUMBER", "")]


def f_dl(facts: Facts, key: str) -> list[Segment]:
    r = facts.r
    value = r.choice([f"{_upper(r, 1)}{_digits(r, 7)}", f"{_upper(r, 1)}{_digits(r, 12)}",
                      f"{_digits(r, 9)}", f"{_upper(r, 1)}{_digits(r, 3)}-{_digits(r, 4)}-"
                      f"{_digits(r, 4)}", f"{_upper(r, 2)}{_digits(r, 6)}"])
    return [(value, "LICENSE_NUMBER", "")]


def f_lic(facts: Facts, key: str) -> list[Segment]:
    r = facts.r
    value = r.choice([f"MD{_digits(r, 6)}", f"{_upper(r, 1)}{_digits(r, 5)}",
                      f"RN{_digits(r, 7)}", f"{_digits(r, 2)}-{_digits(r, 6)}"])
    return [(value, "LICENSE_NUMBER", "")]


def f_vin(facts: Facts, key: str) -> list[Segment]:
    return [(values.vin(facts.r), "VEHICLE_ID", "")]


def f_plate(facts: Facts, key: str) -> list[Segment]:
    return [(facts.g.faker("en_US").license_plate(), "VEHICLE_ID", "")]


def f_serial(facts: Facts, key: str) -> list[Segment]:
    r = facts.r
    hexs = "".join(r.choice("0123456789ABCDEF") for _ in range(8))
    value = r.choice([f"SN{_digits(r, 9)}", f"{_upper(r, 3)}{_digits(r, 6)}{_upper(r, 1)}",
                      hexs, f"{_upper(r, 2)}-{_digits(r, 5)}-{_upper(r, 2)}",
                      f"C02{_upper(r, 2)}{_digits(r, 3)}{_upper(r, 2)}{r.randint(0, 9)}"])
    return [(value, "DEVICE_ID", "")]


def f_imei(facts: Facts, key: str) -> list[Segment]:
    return [(values.imei(facts.r), "DEVICE_ID", "")]


def f_mac(facts: Facts, key: str) -> list[Segment]:
    value = values.mac(facts.r, (":", "-", ":"), separator_first=False)
    return [(value, "MAC_ADDRESS", "")]


def f_ip(facts: Facts, key: str) -> list[Segment]:
    fk = facts.g.faker("en_US")
    value = fk.ipv6() if facts.r.random() < 0.15 else fk.ipv4_public()
    return [(value, "IP_ADDRESS", "")]


def person_url(r: random.Random, p: Person) -> str:
    """A web address that names ``p`` (profile page, blog, portal)."""
    slug = fold(f"{p.given}.{p.family}").lower().replace(" ", "").replace("'", "")
    value = r.choice([f"https://www.facebook.com/{slug}", f"https://www.linkedin.com/in/{slug}"
                      f"-{_digits(r, 3)}", f"http://{slug.replace('.', '')}.blogspot.com",
                      f"https://portal.mychart-health.org/u/{_digits(r, 7)}",
                      f"www.instagram.com/{p.handle.lstrip('@')}",
                      f"https://github.com/{slug.replace('.', '-')}"])
    return value


def f_passport(facts: Facts, key: str) -> list[Segment]:
    r = facts.r
    value = r.choice([f"{_digits(r, 9)}", f"{_upper(r, 2)}{_digits(r, 7)}",
                      f"C{_digits(r, 8)}"])
    return [(value, "ID_NUMBER", "")]


def f_accession(facts: Facts, key: str) -> list[Segment]:
    """A specimen or imaging accession number: ties a report to one patient."""
    r = facts.r
    value = r.choice([f"S{facts.anchor:%y}-{r.randint(100, 99999)}", f"RAD{_digits(r, 8)}",
                      f"{_upper(r, 2)}{_digits(r, 7)}", _digits(r, 9)])
    return [(value, "ID_NUMBER", "")]


def f_claim(facts: Facts, key: str) -> list[Segment]:
    """An insurance claim number."""
    r = facts.r
    value = r.choice([f"{_digits(r, 2)}-{_digits(r, 7)}", f"CLM{_digits(r, 9)}",
                      f"{facts.anchor:%Y}{_digits(r, 8)}"])
    return [(value, "ID_NUMBER", "")]


def f_empid(facts: Facts, key: str) -> list[Segment]:
    r = facts.r
    value = r.choice([f"E{_digits(r, 6)}", f"{_digits(r, 6)}", f"EMP-{_digits(r, 5)}",
                      f"{_upper(r, 2)}{_digits(r, 5)}"])
    return [(value, "ID_NUMBER", "")]


def _us_street(facts: Facts) -> str:
    r = facts.r
    num = str(r.choice([r.randint(1, 99), r.randint(100, 999), r.randint(1000, 19999)]))
    if r.random() < 0.25:
        name = facts.g.faker("en_US").street_name()
    else:
        pre = r.choice(["", "", "", "N ", "S ", "E ", "W ", "North ", "NE "])
        name = f"{pre}{r.choice(STREET_WORDS)} {r.choice(STREET_SUFFIX)}"
    street = f"{num} {name}"
    if r.random() < 0.3:
        unit = r.choice(UNITS).format(n=r.randint(1, 40), l=r.choice("ABCD"))
        street += r.choice([", ", " "]) + unit
    if r.random() < 0.06:
        street = f"P.O. Box {r.randint(10, 9999)}"
    return street


def _us_city(facts: Facts) -> tuple[str, str]:
    return facts.r.choice(US_CITIES)


def _zip(r: random.Random) -> str:
    z = f"{r.randint(1001, 99950):05d}"
    return z + f"-{_digits(r, 4)}" if r.random() < 0.2 else z


def f_street(facts: Facts, key: str) -> list[Segment]:
    return [(_us_street(facts), "STREET_ADDRESS", "")]


def f_city(facts: Facts, key: str) -> list[Segment]:
    if key.startswith("cityw"):
        return [(facts.r.choice(WORLD_CITIES), "LOCATION", "")]
    return [(_us_city(facts)[0], "LOCATION", "")]


def f_citye(facts: Facts, key: str) -> list[Segment]:
    """A European city; ``citye_de`` picks the country."""
    country = key.split("_", 1)[1] if "_" in key else facts.r.choice(list(EU_CITIES))
    return [(facts.r.choice(EU_CITIES[country]), "LOCATION", "")]


def f_zip(facts: Facts, key: str) -> list[Segment]:
    return [(_zip(facts.r), "ZIP_CODE", "")]


def f_addr(facts: Facts, key: str) -> list[Segment]:
    """A US postal address; ``addrl`` on one line, ``addr`` on two."""
    r = facts.r
    city, st = _us_city(facts)
    sep = ", " if key.startswith("addrl") else "\n"
    return [(_us_street(facts), "STREET_ADDRESS", ""), (sep, None, ""), (city, "LOCATION", ""),
            (r.choice([", ", " ", ", "]) + st + r.choice([" ", "  ", " "]), None, ""),
            (_zip(r), "ZIP_CODE", "")]


def f_poaddr(facts: Facts, key: str) -> list[Segment]:
    """A US post-office box address on two lines."""
    r = facts.r
    city, st = _us_city(facts)
    return [(f"{r.choice(['P.O. Box', 'PO Box', 'P. O. Box'])} {r.randint(100, 99999)}",
             "STREET_ADDRESS", ""), ("\n", None, ""), (city, "LOCATION", ""),
            (f", {st} ", None, ""), (_zip(r), "ZIP_CODE", "")]


def f_eaddr(facts: Facts, key: str) -> list[Segment]:
    """A European postal address (``eaddr_de`` ... or a random country), two to four lines."""
    r = facts.r
    country = re.sub(r"\d", "", key.split("_", 1)[1]) if "_" in key else ""
    country = country or r.choice(list(EU_CITIES))
    fk = facts.g.faker(EU_FAKER[country])
    city = r.choice(EU_CITIES[country])
    num = str(r.randint(1, 180))
    seg: list[Segment]
    if country == "de":
        seg = [(f"{fk.street_name()} {num}", "STREET_ADDRESS", ""), ("\n", None, ""),
               (f"{r.randint(1067, 99998):05d}", "ZIP_CODE", ""), (" ", None, ""),
               (city, "LOCATION", "")]
    elif country == "fr":
        seg = [(f"{num}{r.choice(['', ' bis'])}, {fk.street_name()}", "STREET_ADDRESS", ""),
               ("\n", None, ""), (f"{r.randint(1000, 95999):05d}", "ZIP_CODE", ""),
               (" ", None, ""), (city, "LOCATION", "")]
    elif country == "uk":
        street = f"{num} {fk.street_name()}"
        if r.random() < 0.4:
            street = f"Flat {r.randint(1, 30)}, {street}"
        pc = (f"{_upper(r, 2)}{r.randint(1, 20)} {r.randint(0, 9)}"
              f"{r.choice('ABDEFGHJLNPQRSTUWXYZ')}{r.choice('ABDEFGHJLNPQRSTUWXYZ')}")
        seg = [(street, "STREET_ADDRESS", ""), ("\n", None, ""), (city.upper() if
               r.random() < 0.4 else city, "LOCATION", ""), ("\n", None, ""),
               (pc, "ZIP_CODE", "")]
    elif country == "nl":
        seg = [(f"{fk.street_name()} {num}", "STREET_ADDRESS", ""), ("\n", None, ""),
               (f"{r.randint(1000, 9999)} {_upper(r, 2)}", "ZIP_CODE", ""), ("  ", None, ""),
               (city.upper(), "LOCATION", "")]
    elif country == "es":
        seg = [(f"{fk.street_name()}, {num}, {r.randint(1, 9)}º {r.choice('ABCD')}",
                "STREET_ADDRESS", ""), ("\n", None, ""),
               (f"{r.randint(1000, 52999):05d}", "ZIP_CODE", ""), (" ", None, ""),
               (city, "LOCATION", "")]
    elif country == "it":
        seg = [(f"{fk.street_name()} {num}", "STREET_ADDRESS", ""), ("\n", None, ""),
               (f"{r.randint(10, 98099):05d}", "ZIP_CODE", ""), (" ", None, ""),
               (city, "LOCATION", ""), (f" ({city[:2].upper()})", None, "")]
    else:  # pl
        seg = [(f"ul. {fk.street_name()} {num}/{r.randint(1, 60)}", "STREET_ADDRESS", ""),
               ("\n", None, ""), (f"{r.randint(0, 99):02d}-{r.randint(0, 999):03d}",
               "ZIP_CODE", ""), (" ", None, ""), (city, "LOCATION", "")]
    if r.random() < 0.6:
        seg.append(("\n" + r.choice(EU_COUNTRY[country]), None, ""))
    return seg


def f_hosp(facts: Facts, key: str) -> list[Segment]:
    r = facts.r
    city = _us_city(facts)[0]
    sur = facts.g.faker("en_US").last_name()
    value = r.choice([f"{city} General Hospital", f"{city} Regional Medical Center",
                      f"St. {r.choice(SAINTS)}'s Hospital", f"{r.choice(SAINTS)} Mercy Medical "
                      f"Center", f"{sur} Memorial Hospital", f"University Hospital of {city}",
                      f"{city} Children's Hospital", "Good Samaritan Hospital",
                      f"{sur} County Medical Center", f"Mount {r.choice(SAINTS)} Hospital",
                      f"{city} Veterans Affairs Medical Center", f"{sur}-{city} Health"])
    return [(value, "LOCATION", "")]


def f_clinic(facts: Facts, key: str) -> list[Segment]:
    r = facts.r
    city = _us_city(facts)[0]
    sur = facts.g.faker("en_US").last_name()
    value = r.choice([f"{city} Family Medicine", f"{sur} Pediatrics",
                      f"{city} Cardiology Associates", f"Lakeside Internal Medicine of {city}",
                      f"{sur} Dermatology Clinic", f"{city} Community Health Center",
                      f"{sur} & {facts.g.faker('en_US').last_name()} Orthopedics",
                      "Northside Women's Clinic"])
    return [(value, "LOCATION", "")]


def f_worship(facts: Facts, key: str) -> list[Segment]:
    """A place of worship: a facility, so a LOCATION."""
    r = facts.r
    city = _us_city(facts)[0]
    value = r.choice([f"St. {r.choice(SAINTS)}'s Church", f"the Islamic Center of {city}",
                      "Temple Beth Shalom", "Greater Hope Baptist Church",
                      f"{city} Gurdwara", f"First Presbyterian Church of {city}"])
    return [(value, "LOCATION", "")]


def f_company(facts: Facts, key: str) -> list[Segment]:
    r = facts.r
    loc = r.choice(["en_US", "en_US", "en_US", "de_DE", "fr_FR", "en_GB", "es_MX"])
    name = facts.g.faker(loc).company()
    if loc == "en_US" and r.random() < 0.4:
        name = name.split(",")[0].split(" and ")[0] + r.choice([" Inc.", " LLC", " Corp."])
    if r.random() < 0.3:
        name = r.choice(["Northwind Logistics", "Bluepeak Software", "Harbor Freight Lines",
                         "Cascade Dental Group", "Summit Payroll Services",
                         "Meridian Credit Union", "Granite State Insurance",
                         "Silverline Telecom", "Acorn Property Management"])
    return [(name, "ORGANIZATION", "")]


def f_insurer(facts: Facts, key: str) -> list[Segment]:
    return [(facts.r.choice(INSURERS), "ORGANIZATION", "")]


def f_school(facts: Facts, key: str) -> list[Segment]:
    return [(facts.r.choice(SCHOOLS), "ORGANIZATION", "")]


def f_nrp(facts: Facts, key: str) -> list[Segment]:
    pool = NRP_REL if key.startswith("nrprel") else NRP_NAT
    return [(facts.r.choice(pool), "NRP", "")]


def _plain(pool: Sequence[str]) -> Callable[[Facts, str], list[Segment]]:
    def draw(facts: Facts, key: str) -> list[Segment]:
        return [(facts.r.choice(pool), None, "")]

    return draw


def f_time(facts: Facts, key: str) -> list[Segment]:
    r = facts.r
    h, m = r.randint(0, 23), r.choice([0, 5, 10, 15, 20, 30, 32, 45, 47, 50])
    value = r.choice([f"{h:02d}:{m:02d}", f"{(h % 12) or 12}:{m:02d} {'AM' if h < 12 else 'PM'}",
                      f"{h:02d}{m:02d}", f"{(h % 12) or 12}{'am' if h < 12 else 'pm'}",
                      f"{(h % 12) or 12}:{m:02d}{'a' if h < 12 else 'p'}"])
    return [(value, None, "")]


def f_num(facts: Facts, key: str) -> list[Segment]:
    """A decoy number that identifies no one (ticket, job, invoice, version)."""
    r = facts.r
    kind = re.sub(r"\d", "", key[3:]) or "n"
    value = {
        "po": str(r.randint(100, 99999)),
        "routing": f"0{_digits(r, 8)}",
        "nmls": str(r.randint(100000, 2999999)),
        "ticket": f"INC{_digits(r, 7)}",
        "job": _digits(r, 6),
        "ver": f"{r.randint(1, 17)}.{r.randint(0, 12)}.{r.randint(0, 40)}",
        "inv": f"INV-{_digits(r, 5)}",
        "room": f"{r.randint(2, 9)}{r.randint(0, 4)}{r.randint(1, 9)}",
        "case": f"CS-{_digits(r, 6)}",
    }.get(kind, str(r.randint(2, 60)))
    return [(value, None, "")]


def f_year(facts: Facts, key: str) -> list[Segment]:
    return [(str(facts.anchor.year - facts.r.randint(1, 12)), None, "")]


def f_money(facts: Facts, key: str) -> list[Segment]:
    r = facts.r
    return [(f"${r.randint(12, 9800):,}.{r.randint(0, 99):02d}", None, "")]


DATE_KINDS = frozenset({"date", "dob", "past", "future", "sdate", "mdate", "wdate"})
FIELDS: dict[str, Callable[[Facts, str], list[Segment]]] = {
    "age": f_age, "agen": f_age, "ageyrs": f_age, "agex": f_age, "infage": f_infage,
    "phone": f_phone, "phonei": f_phone, "cell": f_phone, "fax": f_phone, "faxi": f_phone,
    "ssn": f_ssn, "itin": f_itin, "mrn": f_mrn, "acct": f_acct, "plan": f_plan, "card": f_card,
    "iban": f_iban, "npi": f_npi, "dea": f_dea, "dl": f_dl, "lic": f_lic, "vin": f_vin,
    "plate": f_plate, "serial": f_serial, "imei": f_imei, "mac": f_mac, "ip": f_ip,
    "passport": f_passport, "accession": f_accession, "claim": f_claim, "empid": f_empid,
    "street": f_street, "city": f_city, "cityw": f_city, "citye": f_citye, "zip": f_zip,
    "addr": f_addr, "addrl": f_addr, "poaddr": f_poaddr, "eaddr": f_eaddr, "hosp": f_hosp,
    "worship": f_worship,
    "clinic": f_clinic, "company": f_company, "insurer": f_insurer, "school": f_school,
    "nrp": f_nrp, "nrprel": f_nrp, "time": f_time, "num": f_num, "year": f_year, "money": f_money,
    "drug": _plain(DRUGS), "epo": _plain(EPONYMS), "sign": _plain(SIGNS),
    "device": _plain(DEVICES), "unit": _plain(HOSP_UNITS), "lab": _plain(LABS), "dx": _plain(DX),
    "weekday": _plain(WEEKDAYS), "state": _plain(STATES),
}
for _k in ("numticket", "numjob", "numver", "numinv", "numroom", "numcase", "numpo",
           "numrouting", "numnmls"):
    FIELDS[_k] = f_num

# --------------------------------------------------------------------------- generator


@dataclass(frozen=True)
class Template(fields.Template):
    """One hand-written document template from ``templates.txt``."""

    child: bool = False  # the patient is a child (ages 2-17, or an infant)


def load_templates(path: Path = HERE / "templates.txt") -> list[Template]:
    """Parse ``templates.txt`` (``=== name kind`` headers, text up to the next header)."""
    out: list[Template] = []
    name = kind = ""
    flags: list[str] = []
    lines: list[str] = []

    def flush() -> None:
        if name:
            out.append(Template(name, kind, "\n".join(lines).strip("\n"), "child" in flags))

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("=== "):
            flush()
            name, kind, *flags = line[4:].split()
            lines = []
        elif name:
            lines.append(line)
    flush()
    names = [t.name for t in out]
    if len(set(names)) != len(names):
        raise ValueError("duplicate template names in templates.txt")
    return out


class Generator(SeededFakers):
    """Seeded document factory: its own RNG and one seeded Faker per locale."""

    # -- people
    def person(self, like: Person | None = None) -> Person:
        r = self.rng
        gender = r.choice(["female", "male"])
        if like is not None:
            origin = like.origin
            given, _, middle = self._given_family(origin, gender)
            family = like.family
        else:
            origin = r.choices(list(ORIGINS), weights=list(ORIGINS.values()))[0]
            given, family, middle = self._given_family(origin, gender)
        if origin != "en_US" and r.random() < 0.45:
            given, family, middle = fold(given), fold(family), fold(middle)
        if origin in FAMILY_FIRST and r.random() < 0.45:
            name = f"{family} {middle} {given}" if middle else f"{family} {given}"
        elif middle and r.random() < 0.7:
            name = f"{given} {middle} {family}"
        elif r.random() < 0.15:
            name = f"{given} {r.choice(string.ascii_uppercase)}. {family}"
        else:
            name = f"{given} {family}"
        ascii_g = re.sub(r"[^a-z]", "", fold(given).lower()) or "user"
        ascii_f = re.sub(r"[^a-z]", "", fold(family).lower()) or "x"
        uid = r.choice([f"{ascii_g[0]}{ascii_f}", f"{ascii_f}{ascii_g[0]}",
                        f"{ascii_g}.{ascii_f}", f"{ascii_g[0]}{ascii_f}{r.randint(1, 99)}",
                        f"{_upper(r, 3)}:{ascii_f}", f"{ascii_f[:6]}{ascii_g[:2]}"])
        domain = r.choice(["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com",
                           "aol.com", "protonmail.com", "web.de", "orange.fr", "gmx.net",
                           "comcast.net", "mercyhealth.org", "acme-corp.com"])
        local = r.choice([f"{ascii_g}.{ascii_f}", f"{ascii_g}{ascii_f}{r.randint(1, 99)}",
                          f"{ascii_g[0]}{ascii_f}", f"{ascii_g}_{ascii_f[:1]}",
                          f"{ascii_f}.{ascii_g}{r.randint(70, 99)}"])
        handle = "@" + r.choice([f"{ascii_g}_{ascii_f}", f"{ascii_g}{r.randint(1, 999)}",
                                 f"the_real_{ascii_g}", f"{ascii_g}{ascii_f[:3]}"])
        return Person(given=given, family=family, middle=middle, origin=origin, gender=gender,
                      name=name, uid=uid, email=f"{local}@{domain}", handle=handle)

    def _given_family(self, origin: str, gender: str) -> tuple[str, str, str]:
        r = self.rng
        middle = ""
        if origin == "ar":
            return r.choice(ARABIC[gender]), r.choice(ARABIC["family"]), ""
        if origin == "ko_KR":
            return r.choice(KOREAN[gender]), r.choice(KOREAN["family"]), ""
        if origin == "zh_CN":
            return r.choice(PINYIN[gender]), self.faker("zh_CN").last_romanized_name(), ""
        if origin == "en_US" and r.random() < 0.18:
            return r.choice(WORDLIKE[gender]), r.choice(WORDLIKE["family"]), ""
        fk = self.faker(origin)
        if origin == "ja_JP":
            given = getattr(fk, f"first_romanized_name_{gender}")()
            return given, fk.last_romanized_name(), ""
        given = getattr(fk, f"first_name_{gender}")()
        if origin in ("ru_RU", "uk_UA"):
            fam = (fk.last_name_female() if gender == "female" and hasattr(fk, "last_name_female")
                   else fk.last_name_male() if hasattr(fk, "last_name_male") else fk.last_name())
            return translit(given), translit(fam), ""
        family = fk.last_name()
        if origin == "vi_VN":
            middle = r.choice(VI_MIDDLE[gender])
        elif origin in ("es_MX", "es_CO") and r.random() < 0.35:
            family = f"{family} {fk.last_name()}"
        elif origin == "en_US" and r.random() < 0.2:
            middle = fk.first_name_female() if gender == "female" else fk.first_name_male()
        return given, family, middle

    # -- documents
    def render(self, template: Template) -> tuple[str, list[dict[str, object]]]:
        """Fill ``template``: the text and its spans (each checked against the text)."""
        facts = Facts(self)
        if template.child:
            facts.age = self.rng.randint(2, 17)
        source = fields.keep_optional_lines(template.text, self.rng, 0.5, keep_when_below=False)
        parts: list[str] = []
        spans: list[dict[str, object]] = []
        checks: list[tuple[int, str]] = []
        pos = 0
        for lit, spec in fields.split_fields(source):
            parts.append(lit)
            pos += len(lit)
            if spec is None:
                break
            parsed = fields.parse_field(spec)
            if parsed.is_choice:
                choice = self.rng.choice(parsed.choices)
                parts.append(choice)
                pos += len(choice)
                continue
            key = parsed.key
            for text, label, group in facts.field(key, parsed.style):
                parts.append(text)
                if label is not None:
                    checks.append((pos, text))
                if label is not None:
                    span: dict[str, object] = {"start": pos, "end": pos + len(text),
                                               "type": label}
                    if group:
                        span["group"] = group
                    span["field"] = key
                    spans.append(span)
                pos += len(text)
        text = "".join(parts)
        for start, value in checks:
            if text[start : start + len(value)] != value or value.strip() != value or not value:
                raise AssertionError(f"span at {start} of template {template.name} is misplaced")
        return text, spans


def generate(count: int, seed: int, templates: Sequence[Template] | None = None) -> list[dict]:
    """``count`` dev-set records; every template is used before any is used again."""
    gen = Generator(seed)
    pool = list(templates if templates is not None else load_templates())
    records: list[dict] = []
    order: list[Template] = []
    for i in range(count):
        if not order:
            order = pool[:]
            gen.rng.shuffle(order)
        t = order.pop()
        text, spans = gen.render(t)
        records.append({"id": f"dev-{i:04d}", "kind": t.kind, "template": t.name,
                        "text": text, "spans": spans})
    return records


def write_jsonl(records: Sequence[dict], out: Path) -> None:
    """One compact JSON record per line, UTF-8."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="\n") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``--count N --out PATH --seed S``."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=DEFAULT_COUNT, help="number of documents")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output JSON Lines file")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
    args = ap.parse_args(argv)
    records = generate(args.count, args.seed)
    write_jsonl(records, args.out)
    n_spans = sum(len(r["spans"]) for r in records)
    print(f"wrote {len(records)} documents, {n_spans} spans to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
