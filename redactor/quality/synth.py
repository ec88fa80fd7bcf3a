"""Seeded synthetic test set for audits: documents with every identifier labelled, by group.

:func:`generate` fills the templates of :mod:`redactor.quality.templates` with people drawn from
the origins of :mod:`redactor.quality.origins`. The subject of each document (the patient, the
customer, the employee) is drawn from a balanced schedule, so every origin x gender cell gets
the same number of documents; the other people in it (clinicians, relatives, agents) are drawn
at random. Every span carries its group (``origin=kenya;gender=female``) when it belongs to a
person: the person's name in any form, and the identifiers of that person (address, phone,
dates, numbers). Facility and company details carry no group.

People's names come only from the hand-written lists of :mod:`redactor.quality.origins` (public
name statistics, never Faker, whose locale data the detectors' name lists are built from); Faker
supplies some employer names. Everything comes from one ``random.Random(seed)`` and Faker
instances seeded from it; nothing touches a global seed, so the same seed gives the same set on
every machine and run. The annotation follows ``benchmarks/devset/GUIDELINES.md`` (titles and
degrees outside a name, ages with their unit, states and countries not marked).

Template language (``templates.py``): ``{role.attr}`` is a person field (``{pt.full}``,
``{dr.family}``, ``{pt.phone}``, ``{pt.he}``), ``{key}`` another value (``{date2}``, ``{hosp}``);
the same field gives the same value throughout a document. ``{~a|b|c}`` picks a literal. A line
starting with ``?`` is kept with probability one half.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field

from redactor.quality.evaluate import GoldDoc, GoldSpan
from redactor.quality.origins import (
    BY_KEY,
    ORIGIN_KEYS,
    Origin,
    Segment,
    base_surname,
    digits,
    feminine_surname,
    fold,
    phone_for,
)
from redactor.quality.templates import TEMPLATES, Template
from redactor.synthetic import dates, values
from redactor.synthetic.fields import keep_optional_lines, parse_field, split_fields
from redactor.synthetic.people import GENDERS, Person, ascii_letters
from redactor.synthetic.seeding import SeededFakers

# v2: 31 origins from public name statistics, no Faker names; v3: bed boards, chat subjects,
# record and news predicates (three templates more)
GENERATOR_VERSION = "synth.v3"
DEFAULT_SEED = 20240611

# --------------------------------------------------------------------------- people


def _given_middle(p: Person) -> str:
    return f"{p.given} {p.middle}" if p.middle else p.given


def _middle_initial(p: Person) -> str:
    return f"{p.given} {p.middle[0]}. {p.family}" if p.middle else f"{p.given} {p.family}"


def _initials(p: Person) -> str:
    """The initials a signature or a dictation line uses ("SP" for Seo-yeon Park)."""
    return f"{p.given[0]}{p.family[0]}".upper()


#: The audit templates' name forms: ``{role.<form>}`` -> the name written so (labelled PERSON).
NAME_FORMS: dict[str, Callable[[Person], str]] = {
    "full": lambda p: p.full,
    "given": lambda p: p.given,
    "family": lambda p: p.family,
    "lf": lambda p: f"{p.family}, {_given_middle(p)}",
    "LF": lambda p: f"{p.family}, {_given_middle(p)}".upper(),
    "UP": lambda p: p.full.upper(),
    "ini": lambda p: f"{p.given[0]}. {p.family}",
    "gf": lambda p: f"{p.given} {p.family}",
    "mi": _middle_initial,
    "lower": lambda p: p.full.lower(),
    "lgiven": lambda p: p.given.lower(),
    "lfamily": lambda p: p.family.lower(),
    "lgf": lambda p: p.given_family.lower(),
    "FAM": lambda p: p.family.upper(),
    "GF": lambda p: p.given_family.upper(),
    "inits": lambda p: _initials(p).lower(),
    "INITS": _initials,
}  # fmt: skip


def name_form(person: Person, attr: str) -> str | None:
    """``person``'s name written in form ``attr`` (``None`` when ``attr`` is no name form)."""
    form = NAME_FORMS.get(attr)
    return form(person) if form is not None else None


_PRONOUNS: dict[str, tuple[str, str]] = {  # attr -> (female, male)
    "he": ("she", "he"), "He": ("She", "He"), "his": ("her", "his"), "His": ("Her", "His"),
    "him": ("her", "him"), "mr": ("Ms.", "Mr."), "mrs": ("Mrs.", "Mr."),
    "man": ("woman", "man"), "sex": ("female", "male"), "Sex": ("Female", "Male"),
    "MF": ("F", "M"), "son": ("daughter", "son"), "sib": ("sister", "brother"),
    "spouse": ("wife", "husband"), "parent": ("mother", "father"),
}  # fmt: skip

# --------------------------------------------------------------------------- value helpers



_ordinal = values.ordinal
#: Date styles, by name: a full date written in many ways.
DATE_STYLES: dict[str, Callable[[dt.date], str]] = dates.styles({
    "us_num": "mdy_slash", "us_short": "mdy_short", "us_long": "month_d_y",
    "us_abbr": "mon_d_y", "us_ord": "month_ord_y", "us_dash": "mdy_dash", "iso": "iso",
    "dmy_slash": "dmy_slash", "dmy_dot": "dmy_dot", "dmy_dash": "dmy_dash",
    "dmy_long": "d_month_y", "dmy_abbr": "d_mon_y", "dmy_mon": "dd_MON_y_dash",
    "dmy_ord": "ord_of_month_y", "weekday": "weekday_month_d_y",
})  # fmt: skip
_DOC_STYLE_WEIGHTS = {"us_num": 6, "us_short": 2, "us_long": 4, "us_abbr": 2, "us_ord": 1,
                      "us_dash": 1, "iso": 2, "dmy_slash": 1, "dmy_dot": 1, "dmy_long": 1,
                      "dmy_abbr": 1, "dmy_mon": 1, "dmy_ord": 1, "weekday": 1}  # fmt: skip


def _short_date(r: random.Random, d: dt.date) -> str:
    """A date without its year ("3/14", "March 14th", "14 Mar")."""
    return r.choice([f"{d.month}/{d.day}", f"{dates.month(d)} {_ordinal(d.day)}",
                     f"{dates.mon(d)} {d.day}", f"{d.day} {dates.month(d)}"])


_upper = values.clear_upper


def _ascii(text: str) -> str:
    return ascii_letters(fold(text))


# --------------------------------------------------------------------------- document facts


@dataclass
class Facts:
    """The values of one document, drawn lazily and memoised by field."""

    gen: Generator
    subject: tuple[str, str]  # (origin, gender) of the role "pt"
    rng: random.Random
    people: dict[str, Person] = field(default_factory=dict)
    values: dict[str, list[Segment]] = field(default_factory=dict)
    anchor: dt.date = dt.date(2020, 1, 1)
    age: int = 40
    style: str = "us_num"

    def person(self, role: str) -> Person:
        """The person playing ``role`` (``pt`` is the document's subject)."""
        if role not in self.people:
            if role == "pt":
                self.people[role] = self.gen.person(*self.subject)
            elif role.startswith("kin"):
                pt = self.person("pt")
                self.people[role] = self.gen.person(pt.origin, self.rng.choice(GENDERS), like=pt)
            else:
                self.people[role] = self.gen.person(
                    self.rng.choice(ORIGIN_KEYS), self.rng.choice(GENDERS)
                )
        return self.people[role]

    def field(self, key: str) -> tuple[list[Segment], str]:
        """Segments for the field ``key`` and the group they belong to."""
        if "." in key:
            role, attr = key.split(".", 1)
            person = self.person(role)
            if attr in _PRONOUNS:
                return [(_PRONOUNS[attr][person.gender == "male"], None)], ""
            name = name_form(person, attr)
            if name is not None:
                return [(name, "PERSON")], person.group
            if attr not in PERSON_FIELDS:
                raise KeyError(f"unknown person field {key!r}")
            if key not in self.values:
                self.values[key] = PERSON_FIELDS[attr](self, person, role)
            return self.values[key], person.group
        kind = re.sub(r"\d+$", "", key)
        if kind not in PLAIN_FIELDS:
            raise KeyError(f"unknown field {key!r}")
        maker, owned = PLAIN_FIELDS[kind]
        if key not in self.values:
            self.values[key] = maker(self, key)
        return self.values[key], self.person("pt").group if owned else ""

    def date(self, d: dt.date, origin: Origin | None = None) -> str:
        """``d`` in this document's style (or, often, the person's country style)."""
        style = self.style
        if origin is not None and origin.date_styles and self.rng.random() < 0.4:
            style = self.rng.choice(origin.date_styles)
        return DATE_STYLES[style](d)


# -- person fields: (facts, person, role) -> segments


def _p_email(f: Facts, p: Person, role: str) -> list[Segment]:
    r, o = f.rng, BY_KEY[p.origin]
    g, fam = _ascii(p.given) or "user", _ascii(p.family) or "x"
    local = r.choice([f"{g}.{fam}", f"{g}{fam}{r.randint(1, 99)}", f"{g[0]}{fam}",
                      f"{fam}.{g}", f"{g}_{fam[:1]}{r.randint(70, 99)}"])
    domain = "mercyhealth.org" if role in ("dr", "rn", "nurse") else r.choice(o.email_domains)
    return [(f"{local}@{domain}", "EMAIL_ADDRESS")]


def _p_phone(f: Facts, p: Person, role: str) -> list[Segment]:
    return [(phone_for(f.rng, BY_KEY[p.origin]), "PHONE_NUMBER")]


def _p_addr(f: Facts, p: Person, role: str) -> list[Segment]:
    o = BY_KEY[p.origin]
    assert o.address is not None
    return o.address(f.rng, o)


def _p_city(f: Facts, p: Person, role: str) -> list[Segment]:
    o = BY_KEY[p.origin]
    city = f.rng.choice(o.cities).split("|")
    return [(city[1] if len(city) > 1 and p.origin in _DISTRICT_FIRST else city[0], "LOCATION")]


#: Origins whose ``cities`` entries are ``district|city[|state]`` (the others: ``city|state``).
_DISTRICT_FIRST = frozenset({"nigeria", "india", "turkey", "kenya", "china", "korea", "japan"})


def _p_city_caps(f: Facts, p: Person, role: str) -> list[Segment]:
    """The person's city in capitals, as a news dateline writes it ("SEOUL, March 3 ...")."""
    return [(text.upper(), label) for text, label in _p_city(f, p, role)]


def _p_dob(f: Facts, p: Person, role: str) -> list[Segment]:
    age = f.age if role == "pt" else f.rng.randint(20, 80)
    d = f.anchor - dt.timedelta(days=365 * age + f.rng.randrange(1, 364))
    return [(f.date(d, BY_KEY[p.origin]), "DATE")]


def _p_age(f: Facts, p: Person, role: str) -> list[Segment]:
    a = f.age if role == "pt" else f.rng.randint(20, 80)
    return _age_number(f.rng.choice([f"{a}-year-old", f"{a} year old", f"{a} y/o", f"{a}yo",
                                     f"{a}-yr-old"]))


def _p_agen(f: Facts, p: Person, role: str) -> list[Segment]:
    return [(str(f.age if role == "pt" else f.rng.randint(20, 80)), "AGE")]


def _p_ageyrs(f: Facts, p: Person, role: str) -> list[Segment]:
    a = f.age if role == "pt" else f.rng.randint(20, 80)
    return _age_number(f.rng.choice([f"{a} years old", f"{a} yrs old", f"{a} years of age"]))


def _age_number(expression: str) -> list[Segment]:
    """An age expression labelled on its number only ("45" of "45-year-old"): the number is
    the identifier (and what Safe Harbor generalises), the unit is not."""
    number = expression[: len(expression) - len(expression.lstrip("0123456789"))]
    return [(number, "AGE"), (expression[len(number) :], None)]


def _p_ssn(f: Facts, p: Person, role: str) -> list[Segment]:
    return [(values.ssn(f.rng), "US_SSN")]


def _p_itin(f: Facts, p: Person, role: str) -> list[Segment]:
    return [(values.itin(f.rng), "US_ITIN")]


def _p_mrn(f: Facts, p: Person, role: str) -> list[Segment]:
    r = f.rng
    return [(r.choice([digits(r, "N#######"), digits(r, "00######"), f"MR{digits(r, '#######')}",
                       digits(r, "N##-##-##"), f"{_upper(r, 1)}{digits(r, '#######')}"]),
             "MEDICAL_RECORD_NUMBER")]


def _p_plan(f: Facts, p: Person, role: str) -> list[Segment]:
    r = f.rng
    return [(r.choice([f"{_upper(r, 3)}{digits(r, '#########')}", f"W{digits(r, '#########')}",
                       f"{r.randint(1, 9)}{_upper(r, 2)}{r.randint(0, 9)}-{_upper(r, 2)}"
                       f"{r.randint(0, 9)}-{_upper(r, 2)}{digits(r, '##')}",
                       f"{_upper(r, 2)}{digits(r, '#######')}-0{r.randint(1, 4)}"]),
             "HEALTH_PLAN_ID")]


def _p_acct(f: Facts, p: Person, role: str) -> list[Segment]:
    r = f.rng
    return [(r.choice([digits(r, "N#########"), digits(r, "####-######"),
                       f"AC-{digits(r, '########')}", digits(r, "###-#######-##")]),
             "ACCOUNT_NUMBER")]


def _p_card(f: Facts, p: Person, role: str) -> list[Segment]:
    return [(values.credit_card(f.rng), "CREDIT_CARD")]


def _p_iban(f: Facts, p: Person, role: str) -> list[Segment]:
    r = f.rng
    country = BY_KEY[p.origin].iban_country or r.choice(["DE", "FR", "GB", "PL"])
    iban = values.iban(r, country)
    if r.random() < 0.5:
        iban = " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
    return [(iban, "IBAN_CODE")]


def _p_dl(f: Facts, p: Person, role: str) -> list[Segment]:
    r = f.rng
    return [(r.choice([f"{_upper(r, 1)}{digits(r, '#######')}", digits(r, "N########"),
                       f"{_upper(r, 1)}{digits(r, '###-####-####')}"]), "LICENSE_NUMBER")]


def _p_lic(f: Facts, p: Person, role: str) -> list[Segment]:
    r = f.rng
    return [(r.choice([f"MD{digits(r, '######')}", f"RN{digits(r, '#######')}",
                       f"{digits(r, '##')}-{digits(r, '######')}"]), "LICENSE_NUMBER")]


def _p_dea(f: Facts, p: Person, role: str) -> list[Segment]:
    initial = fold(p.family)[0].upper() if fold(p.family)[0].isalpha() else "X"
    return [(values.dea(f.rng, initial), "LICENSE_NUMBER")]


def _p_npi(f: Facts, p: Person, role: str) -> list[Segment]:
    return [(values.npi(f.rng), "US_NPI")]


def _p_passport(f: Facts, p: Person, role: str) -> list[Segment]:
    r = f.rng
    return [(r.choice([digits(r, "N########"), f"{_upper(r, 2)}{digits(r, '#######')}",
                       f"{_upper(r, 1)}{digits(r, '########')}"]), "ID_NUMBER")]


def _p_empid(f: Facts, p: Person, role: str) -> list[Segment]:
    r = f.rng
    return [(r.choice([f"E{digits(r, '######')}", f"EMP-{digits(r, '#####')}",
                       f"{_upper(r, 2)}{digits(r, '#####')}"]), "ID_NUMBER")]


def _p_url(f: Facts, p: Person, role: str) -> list[Segment]:
    r = f.rng
    slug = f"{_ascii(p.given)}-{_ascii(p.family)}"
    return [(r.choice([f"https://www.linkedin.com/in/{slug}-{digits(r, '###')}",
                       f"https://www.facebook.com/{slug.replace('-', '.')}",
                       f"https://{slug.replace('-', '')}.blogspot.com",
                       f"https://portal.northgate-health.org/u/{digits(r, '#######')}"]), "URL")]


def _p_ip(f: Facts, p: Person, role: str) -> list[Segment]:
    r = f.rng
    if r.random() < 0.2:
        return [(":".join(f"{r.randrange(65536):x}" for _ in range(8)), "IP_ADDRESS")]
    first = r.choice([23, 45, 67, 73, 81, 98, 104, 141, 172, 186, 203, 212])
    return [(f"{first}.{r.randrange(256)}.{r.randrange(256)}.{r.randint(1, 254)}", "IP_ADDRESS")]


def _p_mac(f: Facts, p: Person, role: str) -> list[Segment]:
    return [(values.mac(f.rng, separator_first=True), "MAC_ADDRESS")]


def _p_serial(f: Facts, p: Person, role: str) -> list[Segment]:
    r = f.rng
    return [(r.choice([f"SN{digits(r, '#########')}", f"{_upper(r, 3)}{digits(r, '######')}",
                       f"C02{_upper(r, 2)}{digits(r, '###')}{_upper(r, 2)}{r.randint(0, 9)}",
                       f"{_upper(r, 2)}-{digits(r, '#####')}-{_upper(r, 2)}"]), "DEVICE_ID")]


def _p_imei(f: Facts, p: Person, role: str) -> list[Segment]:
    return [(values.imei(f.rng), "DEVICE_ID")]


def _p_vin(f: Facts, p: Person, role: str) -> list[Segment]:
    return [(values.vin(f.rng), "VEHICLE_ID")]


def _p_plate(f: Facts, p: Person, role: str) -> list[Segment]:
    r = f.rng
    return [(r.choice([f"{r.randint(1, 9)}{_upper(r, 3)}{digits(r, '###')}",
                       f"{_upper(r, 3)}-{digits(r, '####')}",
                       f"{_upper(r, 3)} {digits(r, '###')}"]),
             "VEHICLE_ID")]


def _p_bio(f: Facts, p: Person, role: str) -> list[Segment]:
    r = f.rng
    return [(r.choice([f"FP-{digits(r, '########')}", f"BIO{digits(r, '#######')}",
                       f"{_upper(r, 2)}{digits(r, '######')}-{r.randint(1, 9)}"]),
             "BIOMETRIC_ID")]


def _p_employer(f: Facts, p: Person, role: str) -> list[Segment]:
    r = f.rng
    o = BY_KEY[p.origin]
    if o.company_fakers and r.random() < 0.5:
        name = clean_company(f.gen.faker(o.company_fakers[0]).company())
        if name:
            return [(name, "ORGANIZATION")]
    return [(r.choice(EMPLOYERS), "ORGANIZATION")]


def _p_nat(f: Facts, p: Person, role: str) -> list[Segment]:
    return [(f.rng.choice(NATIONALITIES[p.origin]), "NRP")]


def _p_faith(f: Facts, p: Person, role: str) -> list[Segment]:
    return [(f.rng.choice(FAITHS[p.origin]), "NRP")]


def _p_user(f: Facts, p: Person, role: str) -> list[Segment]:
    g, fam = _ascii(p.given) or "u", _ascii(p.family) or "x"
    return [(f.rng.choice([f"{g[0]}{fam}", f"{fam}{g[0]}", f"{g}.{fam}"])[:20], "PERSON")]


PERSON_FIELDS: dict[str, Callable[[Facts, Person, str], list[Segment]]] = {
    "email": _p_email, "phone": _p_phone, "cell": _p_phone, "addr": _p_addr, "city": _p_city,
    "CITY": _p_city_caps,
    "dob": _p_dob, "age": _p_age, "agen": _p_agen, "ageyrs": _p_ageyrs, "ssn": _p_ssn,
    "itin": _p_itin, "mrn": _p_mrn, "plan": _p_plan, "acct": _p_acct, "card": _p_card,
    "iban": _p_iban, "dl": _p_dl, "lic": _p_lic, "dea": _p_dea, "npi": _p_npi,
    "passport": _p_passport, "empid": _p_empid, "url": _p_url, "ip": _p_ip, "mac": _p_mac,
    "serial": _p_serial, "imei": _p_imei, "vin": _p_vin, "plate": _p_plate, "bio": _p_bio,
    "employer": _p_employer, "nat": _p_nat, "faith": _p_faith, "user": _p_user,
}  # fmt: skip

# -- plain fields: (facts, key) -> segments; owned by the subject or by nobody

EMPLOYERS = ("Harborview Logistics", "Bluestem Analytics", "Crescent Valley Foods",
             "Ironwood Manufacturing", "Pinecrest Staffing", "Summit Ridge Credit Union",
             "Tidewater Shipping Co.", "Redwood Data Systems", "Lakeshore Transit Authority",
             "Cobalt Energy Partners", "Northfield Public Schools",
             "Granite Peak Insurance")  # fmt: skip
INSURERS = ("Aetna", "Cigna", "Humana", "UnitedHealthcare", "Anthem Blue Cross",
            "Molina Healthcare", "Kaiser Permanente", "Oscar Health", "Ambetter",
            "WellCare")  # fmt: skip
HOSPITALS = ("Riverside General Hospital", "St. Brigid Medical Center", "Northgate Health",
             "Lakeshore Regional Medical Center", "Mercy Valley Hospital",
             "Cedar Hills Community Hospital", "Bayview University Hospital",
             "Good Shepherd Medical Center", "Prairie View Memorial Hospital")  # fmt: skip
CLINICS = ("Maple Grove Family Practice", "Eastside Pediatrics", "Harbor Cardiology Associates",
           "Westbrook Internal Medicine", "Sunrise Women's Clinic", "Oak Park Dermatology",
           "Riverbend Orthopedics")  # fmt: skip
NATIONALITIES: dict[str, tuple[str, ...]] = {
    "us": ("American",), "mexico": ("Mexican",), "france": ("French",), "germany": ("German",),
    "poland": ("Polish",), "turkey": ("Turkish",), "nigeria": ("Nigerian",),
    "kenya": ("Kenyan",), "india": ("Indian",), "vietnam": ("Vietnamese",),
    "china": ("Chinese",), "arabic": ("Egyptian", "Jordanian", "Saudi", "Moroccan", "Lebanese"),
    "brazil": ("Brazilian",), "korea": ("Korean", "South Korean"), "japan": ("Japanese",),
    "philippines": ("Filipino", "Filipina"), "indonesia": ("Indonesian",), "thailand": ("Thai",),
    "pakistan": ("Pakistani", "Bangladeshi"), "iran": ("Iranian",), "israel": ("Israeli",),
    "ethiopia": ("Ethiopian",), "ghana": ("Ghanaian",), "south_africa": ("South African",),
    "spain": ("Spanish",), "italy": ("Italian",), "russia": ("Russian", "Ukrainian"),
    "greece": ("Greek",), "netherlands": ("Dutch",),
    "nordic": ("Swedish", "Norwegian", "Danish", "Finnish"), "uk": ("British", "Irish"),
}  # fmt: skip
FAITHS: dict[str, tuple[str, ...]] = {
    "us": ("Baptist", "Catholic", "Methodist"), "mexico": ("Catholic",),
    "france": ("Catholic", "Protestant"), "germany": ("Lutheran", "Catholic"),
    "poland": ("Catholic",), "turkey": ("Muslim",), "nigeria": ("Muslim", "Anglican", "Catholic"),
    "kenya": ("Anglican", "Catholic", "Muslim"), "india": ("Hindu", "Sikh", "Muslim", "Jain"),
    "vietnam": ("Buddhist", "Catholic"), "china": ("Buddhist",), "arabic": ("Muslim", "Coptic"),
    "brazil": ("Catholic", "Evangelical"), "korea": ("Presbyterian", "Buddhist"),
    "japan": ("Buddhist", "Shinto"), "philippines": ("Catholic", "Iglesia ni Cristo"),
    "indonesia": ("Muslim", "Protestant", "Hindu"), "thailand": ("Buddhist",),
    "pakistan": ("Muslim",), "iran": ("Muslim", "Baha'i"), "israel": ("Jewish",),
    "ethiopia": ("Orthodox Christian", "Muslim"), "ghana": ("Methodist", "Pentecostal", "Muslim"),
    "south_africa": ("Anglican", "Methodist", "Dutch Reformed"), "spain": ("Catholic",),
    "italy": ("Catholic",), "russia": ("Orthodox Christian",), "greece": ("Greek Orthodox",),
    "netherlands": ("Protestant", "Catholic"), "nordic": ("Lutheran",),
    "uk": ("Anglican", "Catholic"),
}  # fmt: skip
DRUGS = ("amlodipine 5 mg daily", "losartan 50 mg daily", "rosuvastatin 10 mg",
         "empagliflozin 10 mg", "pantoprazole 40 mg BID", "duloxetine 30 mg", "Keppra 500 mg BID",
         "Lovenox 40 mg SC daily", "Augmentin 875 mg BID", "hydralazine 25 mg TID")  # fmt: skip
DIAGNOSES = ("right lower lobe pneumonia", "acute cholecystitis", "new-onset atrial flutter",
             "hypertensive urgency", "a left ankle fracture", "pyelonephritis",
             "an asthma exacerbation", "gastroenteritis with dehydration",
             "a migraine with aura", "cellulitis of the right forearm")  # fmt: skip
EPONYMS = ("Hashimoto's thyroiditis", "Crohn's disease", "Bell's palsy", "Graves' disease",
           "Sjögren's syndrome", "Parkinson's disease", "Addison's disease")  # fmt: skip


def _c_date(f: Facts, key: str) -> list[Segment]:
    n = int(re.sub(r"\D", "", key) or 0)
    d = f.anchor + dt.timedelta(days=n * f.rng.randint(1, 3))
    return [(f.date(d), "DATE")]


def _c_sdate(f: Facts, key: str) -> list[Segment]:
    d = f.anchor - dt.timedelta(days=f.rng.randint(1, 40))
    return [(_short_date(f.rng, d), "DATE")]


def _c_future(f: Facts, key: str) -> list[Segment]:
    return [(f.date(f.anchor + dt.timedelta(days=f.rng.randint(7, 90))), "DATE")]


def _c_time(f: Facts, key: str) -> list[Segment]:
    r = f.rng
    h, m = r.randint(0, 23), r.choice([0, 10, 15, 20, 30, 40, 45, 55])
    return [(r.choice([f"{h:02d}:{m:02d}", f"{(h % 12) or 12}:{m:02d} {'AM' if h < 12 else 'PM'}",
                       f"{h:02d}{m:02d}"]), None)]


def _c_choice(pool: Sequence[str], label: str | None) -> Callable[[Facts, str], list[Segment]]:
    def draw(f: Facts, key: str) -> list[Segment]:
        return [(f.rng.choice(pool), label)]

    return draw


def _c_cphone(f: Facts, key: str) -> list[Segment]:
    label = "FAX_NUMBER" if key.startswith("fax") else "PHONE_NUMBER"
    return [(phone_for(f.rng, BY_KEY["us"]), label)]


def _c_num(f: Facts, key: str) -> list[Segment]:
    r = f.rng
    return [(r.choice([f"INC{digits(r, '#######')}", f"#{digits(r, '#####')}",
                       f"CASE-{digits(r, '######')}"]), None)]


def _c_claim(f: Facts, key: str) -> list[Segment]:
    r = f.rng
    value = r.choice([f"CLM{digits(r, '#########')}", f"{digits(r, '##')}-{digits(r, '#######')}"])
    return [(value, "ID_NUMBER")]


def _c_accession(f: Facts, key: str) -> list[Segment]:
    r = f.rng
    return [(r.choice([f"RAD{digits(r, '########')}", f"ACC-{digits(r, '#######')}"]), "ID_NUMBER")]


def _c_money(f: Facts, key: str) -> list[Segment]:
    return [(f"${f.rng.randint(15, 4800):,}.{f.rng.randint(0, 99):02d}", None)]


def _c_year(f: Facts, key: str) -> list[Segment]:
    return [(str(f.anchor.year - f.rng.randint(2, 15)), None)]


PLAIN_FIELDS: dict[str, tuple[Callable[[Facts, str], list[Segment]], bool]] = {
    "date": (_c_date, True), "sdate": (_c_sdate, True), "future": (_c_future, True),
    "claim": (_c_claim, True), "accession": (_c_accession, True), "time": (_c_time, False),
    "hosp": (_c_choice(HOSPITALS, "LOCATION"), False),
    "clinic": (_c_choice(CLINICS, "LOCATION"), False),
    "insurer": (_c_choice(INSURERS, "ORGANIZATION"), False),
    "company": (_c_choice(EMPLOYERS, "ORGANIZATION"), False),
    "cphone": (_c_cphone, False), "fax": (_c_cphone, False), "num": (_c_num, False),
    "money": (_c_money, False), "year": (_c_year, False),
    "drug": (_c_choice(DRUGS, None), False), "dx": (_c_choice(DIAGNOSES, None), False),
    "epo": (_c_choice(EPONYMS, None), False),
}  # fmt: skip


def clean_company(name: str) -> str | None:
    """A Faker company name fit for a sentence (no trailing commas, no odd characters)."""
    name = name.strip().rstrip(",")
    return name if re.fullmatch(r"[\w&.,' -]{3,60}", name) and not name.endswith(" and") else None


# --------------------------------------------------------------------------- the generator


class Generator(SeededFakers):
    """Seeded document factory: its own RNG, and one seeded Faker per locale for employer names
    (people's names come from the origins' own lists, never from Faker)."""

    def person(self, origin_key: str, gender: str, like: Person | None = None) -> Person:
        """A person of ``origin_key`` and ``gender`` (a relative of ``like`` when given)."""
        r = self.rng
        o = BY_KEY[origin_key]
        given = r.choice(o.female if gender == "female" else o.male)
        if like is not None and r.random() < 0.6:
            family = base_surname(o, like.family)
        else:
            family = r.choice(o.family)
            if o.double_family and r.random() < o.double_family:
                second = r.choice(o.family)
                family = family if second == family else f"{family} {second}"
        if gender == "female":
            family = feminine_surname(o, family)
        middle = ""
        if o.middle_rate and r.random() < o.middle_rate:
            middle = r.choice(o.middle_female if gender == "female" else o.middle_male)
            if middle in (given, family):
                middle = ""
        elif origin_key == "us" and r.random() < 0.15:
            middle = r.choice(o.female if gender == "female" else o.male)
        if origin_key == "korea":
            style = r.randrange(3)
            given = given if style == 0 else given.replace("-", "" if style == 1 else " ")
            if style:
                given = given[0] + given[1:].lower() if style == 1 else given.title()
        family_first = r.random() < o.family_first
        if origin_key == "vietnam" and not family_first and r.random() < 0.5:
            middle = ""  # "Lan Nguyen": a Western order usually drops the middle name
        if o.fold_rate and r.random() < o.fold_rate:
            given, family, middle = fold(given), fold(family), fold(middle)
        return Person(given=given, family=family, gender=gender, origin=origin_key,
                      middle=middle, family_first=family_first)

    def render(self, template: Template, subject: tuple[str, str], doc_id: str) -> GoldDoc:
        """Fill ``template`` for a subject ``(origin, gender)``: the text and its gold spans."""
        r = self.rng
        facts = Facts(self, subject, r)
        facts.anchor = dt.date(2016, 1, 1) + dt.timedelta(days=r.randrange(3000))
        facts.age = r.randint(19, 88) if r.random() < 0.9 else r.randint(90, 101)
        styles = list(_DOC_STYLE_WEIGHTS)
        facts.style = r.choices(styles, weights=[_DOC_STYLE_WEIGHTS[s] for s in styles])[0]
        source = keep_optional_lines(template.text, r, 0.5, keep_when_below=False)
        parts: list[str] = []
        spans: list[GoldSpan] = []
        pos = 0
        for literal, spec in split_fields(source):
            parts.append(literal)
            pos += len(literal)
            if spec is None:
                break
            parsed = parse_field(spec)
            if parsed.is_choice:
                choice = r.choice(parsed.choices)
                parts.append(choice)
                pos += len(choice)
                continue
            segments, group = facts.field(spec)
            for text, label in segments:
                parts.append(text)
                if label is not None:
                    spans.append(GoldSpan(pos, pos + len(text), label, group, spec))
                pos += len(text)
        text = "".join(parts)
        for span in spans:
            value = text[span.start : span.end]
            if not value or value.strip() != value:
                raise AssertionError(f"span {span.field} of template {template.name} is misplaced")
        meta = {"kind": template.kind, "template": template.name,
                "group": facts.person("pt").group}
        return GoldDoc(doc_id, text, tuple(sorted(spans)), meta)


def schedule(size: int, rng: random.Random) -> list[tuple[str, str]]:
    """Subjects for ``size`` documents: every origin x gender cell equally often (shuffled)."""
    cells = [(o, g) for o in ORIGIN_KEYS for g in GENDERS]
    out: list[tuple[str, str]] = []
    while len(out) < size:
        block = cells[:]
        rng.shuffle(block)
        out.extend(block)
    return out[:size]


def generate(
    size: int,
    seed: int = DEFAULT_SEED,
    *,
    labels: Collection[str] | None = None,
    templates: Sequence[Template] = TEMPLATES,
) -> list[GoldDoc]:
    """``size`` labelled documents, the same for the same ``seed``.

    ``labels`` keeps only gold spans of those entity types (a policy's ``entity_labels``);
    the text is the same either way. Each template is used before any is used again.
    """
    if size < 1:
        raise ValueError("an audit set needs at least one document")
    gen = Generator(seed)
    subjects = schedule(size, gen.rng)
    keep = frozenset(labels) if labels is not None else None
    docs: list[GoldDoc] = []
    order: list[Template] = []
    for i, subject in enumerate(subjects):
        if not order:
            order = list(templates)
            gen.rng.shuffle(order)
        doc = gen.render(order.pop(), subject, f"audit-{i:05d}")
        if keep is not None:
            spans = tuple(s for s in doc.spans if s.label in keep)
            doc = GoldDoc(doc.id, doc.text, spans, doc.meta)
        docs.append(doc)
    return docs


def facet(group: str, key: str) -> str:
    """The value of facet ``key`` in a group string (``""`` when absent)."""
    for part in group.split(";"):
        k, _, v = part.partition("=")
        if k == key:
            return v
    return ""


__all__ = ["DEFAULT_SEED", "GENERATOR_VERSION", "Generator", "Person", "facet", "generate",
           "schedule"]
