"""Fill the training templates with seeded values: one labelled document per call.

:func:`fill` expands one :class:`~redactor.training.templates.Template` into a record
``{"id", "kind", "template", "source", "text", "spans": [{"start", "end", "type", "group"?}]}``
whose spans are exact by construction (``text[start:end]`` is the value that was inserted).
The field language is described in :mod:`redactor.training.templates`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from redactor.synthetic.fields import keep_optional_lines, parse_field, split_fields
from redactor.synthetic.people import Person
from redactor.training.origins import BY_KEY
from redactor.training.templates import Template
from redactor.training.values import (
    DEVICES,
    DIAGNOSES,
    DRUGS,
    EPONYMS,
    NAME_FORMS,
    NRP_TERMS,
    UNITS,
    Values,
    name_form,
)

#: (text, label or None, group facet)
Piece = tuple[str, str | None, str]
DOCTOR_ROLES = frozenset({"dr", "dr2", "rad", "res", "anes", "th", "spec"})
#: Reference day for ages and dates of birth.
TODAY = dt.date(2024, 6, 1)


class DocumentFiller:
    """State of one document: its people and the values its keys already took."""

    def __init__(self, values: Values) -> None:
        self.v = values
        self.rng = values.rng
        self.people: dict[str, Person] = {}
        self.homes: dict[str, str | None] = {}
        self.cache: dict[str, Any] = {}

    # -- people --------------------------------------------------------------------------

    def person(self, role: str) -> Person:
        """The person playing ``role`` in this document (drawn on first use)."""
        p = self.people.get(role)
        if p is None:
            p = self.v.person()
            self.people[role] = p
            self.homes[role] = BY_KEY[p.origin].home if self.rng.random() < 0.35 else None
        return p

    def _cached(self, key: str, make: Callable[[], Any]) -> Any:
        if key not in self.cache:
            self.cache[key] = make()
        return self.cache[key]

    def person_field(self, role: str, attr: str) -> list[Piece]:
        """Pieces for ``{role.attr}``."""
        p = self.person(role)
        v, rng = self.v, self.rng
        home = self.homes[role]
        group = p.group
        if attr in NAME_FORMS:
            return [(name_form(p, attr), "PERSON", group)]
        if attr == "user":
            return [(self._cached(f"{role}.user", lambda: v.user_id(p)), "PERSON", group)]
        if attr == "handle":
            return [(self._cached(f"{role}.handle", lambda: v.handle(p)), "PERSON", group)]
        if attr == "email":
            return [(self._cached(f"{role}.email", lambda: v.email(p)), "EMAIL_ADDRESS", "")]
        if attr == "phone":
            return [(self._cached(f"{role}.phone", lambda: v.phone(home)), "PHONE_NUMBER", "")]
        if attr == "addr":
            segs = self._cached(f"{role}.addr", lambda: v.address(home))
            return [(t, lab, "") for t, lab in segs]
        if attr == "city":
            return [(self._cached(f"{role}.city", lambda: v.city(home)), "LOCATION", "")]
        if attr == "age":
            return [(str(self._age(role)), "AGE", "")]
        if attr == "dob":
            return [(self._cached(f"{role}.dob", lambda: self._dob(role)), "DATE", "")]
        if attr == "mrn":
            return [(self._cached(f"{role}.mrn", v.mrn), "MEDICAL_RECORD_NUMBER", "")]
        he = p.gender == "male"
        words = {
            "title": "Dr."
            if role in DOCTOR_ROLES
            else ("Mr." if he else rng.choice(["Ms.", "Mrs.", "Ms"])),
            "he": "he" if he else "she",
            "He": "He" if he else "She",
            "his": "his" if he else "her",
            "His": "His" if he else "Her",
            "him": "him" if he else "her",
            "man": "man" if he else "woman",
            "sex": "M" if he else "F",
        }
        if attr not in words:
            raise ValueError(f"unknown person field {role}.{attr}")
        return [(words[attr], None, "")]

    def _age(self, role: str) -> int:
        return int(self._cached(f"{role}.age", self.v.age))

    def _dob(self, role: str) -> str:
        age = self._age(role)
        born = TODAY - dt.timedelta(days=int(age * 365.25) + self.rng.randint(1, 360))
        return self.v.date_text(
            born,
            self.rng.choice(
                ["us", "us", "us_nopad", "iso", "eu_dot", "long", "day_abbr", "long_abbr"]
            ),
        )

    # -- document values -----------------------------------------------------------------

    def value(self, key: str, style: str | None) -> list[Piece]:
        """Pieces for ``{key}`` or ``{key:style}``."""
        v, rng = self.v, self.rng
        base = key.rstrip("0123456789")
        if base == "date":
            day = self._cached(key, lambda: v.day(2016, 2025))
            style = style or self._cached(f"{key}:style", v.date_style)
            return [(v.date_text(day, style), "DATE", "")]
        if base == "clinic_addr" or base == "addr":
            return [(t, lab, "") for t, lab in self._cached(key, lambda: v.address(None))]
        simple: dict[str, tuple[Callable[[], str], str | None]] = {
            "dob": (v.dob, "DATE"),
            "age": (lambda: str(v.age()), "AGE"),
            "mrn": (v.mrn, "MEDICAL_RECORD_NUMBER"),
            "acct": (v.account, "ACCOUNT_NUMBER"),
            "member": (v.member_id, "HEALTH_PLAN_ID"),
            "license": (v.license_no, "LICENSE_NUMBER"),
            "idnum": (v.id_number, "ID_NUMBER"),
            "ssn": (v.ssn, "US_SSN"),
            "serial": (v.serial, "DEVICE_ID"),
            "plate": (v.plate, "VEHICLE_ID"),
            "ip": (v.ip, "IP_ADDRESS"),
            "url": (v.url, "URL"),
            "iban": (
                lambda: v.faker(
                    rng.choice(["de_DE", "fr_FR", "nl_NL", "en_GB", "es_ES", "it_IT", "pl_PL"])
                ).iban(),
                "IBAN_CODE",
            ),
            "org": (v.organization, "ORGANIZATION"),
            "hosp": (v.hospital, "LOCATION"),
            "clinic": (v.hospital, "LOCATION"),
            "city": (v.city, "LOCATION"),
            "zip": (lambda: f"{rng.randint(1001, 99950):05d}", "ZIP_CODE"),
            "phone": (v.phone, "PHONE_NUMBER"),
            "fax": (v.phone, "FAX_NUMBER"),
            "email": (v.email, "EMAIL_ADDRESS"),
            "nrp": (lambda: rng.choice(NRP_TERMS), "NRP"),
            # decoys: never identifiers
            "time": (v.time_text, None),
            "drug": (lambda: rng.choice(DRUGS), None),
            "dx": (lambda: rng.choice(DIAGNOSES), None),
            "device": (lambda: rng.choice(DEVICES), None),
            "unit": (lambda: rng.choice(UNITS), None),
            "eponym": (lambda: rng.choice(EPONYMS), None),
            "year": (lambda: str(rng.randint(1975, 2024)), None),
            "ticket": (lambda: str(rng.randint(10000, 999999)), None),
            "weekday": (
                lambda: rng.choice(
                    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
                ),
                None,
            ),
        }
        if base not in simple:
            raise ValueError(f"unknown template field {key!r}")
        make, label = simple[base]
        return [(self._cached(key, make), label, "")]

    def resolve(self, field: str) -> list[Piece]:
        """Pieces for the text between braces."""
        parsed = parse_field(field)
        if parsed.is_choice:
            return [(self.rng.choice(parsed.choices), None, "")]
        if parsed.is_person:
            return self.person_field(parsed.role, parsed.attr)
        return self.value(parsed.key, parsed.style)


def fill(template: Template, values: Values, doc_id: str) -> dict[str, Any]:
    """One labelled record from ``template``; spans are exact and never overlap."""
    filler = DocumentFiller(values)
    rng = values.rng
    body = keep_optional_lines(template.text, rng, 0.6, keep_when_below=True)
    pieces: list[Piece] = []
    for literal, spec in split_fields(body):
        pieces.append((literal, None, ""))
        if spec is not None:
            pieces.extend(filler.resolve(spec))
    return assemble(pieces, doc_id, kind=template.kind, template=template.name)


def assemble(pieces: list[Piece], doc_id: str, **meta: Any) -> dict[str, Any]:
    """Join pieces into ``text`` and exact ``spans`` (whitespace trimmed off span edges)."""
    parts: list[str] = []
    spans: list[dict[str, Any]] = []
    offset = 0
    for text, label, group in pieces:
        if label and text.strip():
            lead = len(text) - len(text.lstrip())
            start, end = offset + lead, offset + len(text.rstrip())
            span: dict[str, Any] = {"start": start, "end": end, "type": label}
            if group:
                span["group"] = group
            spans.append(span)
        parts.append(text)
        offset += len(text)
    return {
        "id": doc_id,
        **meta,
        "source": meta.get("source", "synthetic"),
        "text": "".join(parts),
        "spans": spans,
    }
