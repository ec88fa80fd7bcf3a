"""A fixed, seeded, labelled corpus for the speed benchmark (``benchmarks/bench.py``).

Four kinds of documents, the mix a redaction job meets in practice:

* ``note``: clinical notes (history, progress, discharge), 1-2.5 KB each;
* ``ticket``: support tickets and e-mails, a few hundred characters;
* ``csv``: rows of a patient / customer table (name, birth date, phone, e-mail, city, ZIP,
  categorical columns that repeat, a short free-text comment);
* ``jsonl``: event records (user name and e-mail, IP address, a message, a timestamp).

Every value is drawn from a local :class:`faker.Faker` seeded from the corpus seed and a
local :class:`random.Random`; nothing touches a global seed, so the same seed gives the same
corpus byte for byte. Each document is a list of *fields* (one for notes and tickets, one per
cell or string value for CSV and JSONL), and each field carries its gold spans, so the
benchmark can score type-blind character recall on exactly the texts the systems see.

Usage::

    from benchmarks.corpus import make_corpus, write_files, stream_jsonl
    docs = make_corpus(seed=7, size=2400)
    texts = [f.text for d in docs for f in d.fields]
"""

from __future__ import annotations

import csv
import io
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from faker import Faker

from redactor.quality.evaluate import GoldSpan

DEFAULT_SEED = 20240611
DEFAULT_SIZE = 2400
#: Share of each kind in the corpus (by document count).
MIX = (("note", 0.25), ("ticket", 0.30), ("csv", 0.25), ("jsonl", 0.20))
#: Locales names are drawn from (Latin script, many origins).
NAME_LOCALES = ("en_US", "en_GB", "es_MX", "fr_FR", "de_DE", "it_IT", "pl_PL", "pt_BR",
                "tr_TR", "vi_VN", "en_IN", "nl_NL", "yo_NG", "fil_PH")  # fmt: skip
CSV_COLUMNS = ("record_id", "name", "dob", "phone", "email", "city", "state", "zip",
               "status", "department", "comment")  # fmt: skip


@dataclass(frozen=True)
class Field:
    """One text the systems see (a note, a CSV cell, a JSON string value) and its gold spans."""

    name: str
    text: str
    spans: tuple[GoldSpan, ...]


@dataclass(frozen=True)
class BenchDoc:
    """One document of the corpus: its kind and its fields, in order."""

    id: str
    kind: str
    fields: tuple[Field, ...]

    @property
    def chars(self) -> int:
        """Characters in all fields."""
        return sum(len(f.text) for f in self.fields)


class _Text:
    """Builds a text piece by piece and records where each labelled value lands."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.spans: list[GoldSpan] = []
        self.size = 0

    def add(self, text: str, label: str | None = None) -> _Text:
        if label is not None and text.strip():
            lead = len(text) - len(text.lstrip())
            core = text.strip()
            self.spans.append(GoldSpan(self.size + lead, self.size + lead + len(core), label))
        self.parts.append(text)
        self.size += len(text)
        return self

    def field(self, name: str) -> Field:
        text = "".join(self.parts)
        for s in self.spans:
            assert text[s.start : s.end].strip() == text[s.start : s.end], "span edge is space"
        return Field(name, text, tuple(self.spans))


def _single(name: str, value: str, label: str | None) -> Field:
    return _Text().add(value, label).field(name)


class _Values:
    """Seeded values: people, dates, identifiers (all fake)."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.fake = Faker(list(NAME_LOCALES))
        self.fake.seed_instance(seed)
        self.us = self.fake["en_US"]

    def name(self) -> str:
        locale = self.rng.choice(NAME_LOCALES)
        fake = self.fake[locale]
        return f"{fake.first_name()} {fake.last_name()}"

    def last(self) -> str:
        return self.fake[self.rng.choice(NAME_LOCALES)].last_name()

    def date(self) -> str:
        d = self.us.date_between(start_date="-30y", end_date="today")
        style = self.rng.randrange(4)
        if style == 0:
            return d.strftime("%m/%d/%Y")
        if style == 1:
            return d.isoformat()
        if style == 2:
            return d.strftime("%B %d, %Y").replace(" 0", " ")
        return d.strftime("%d %b %Y").lstrip("0")

    def dob(self) -> str:
        return self.us.date_of_birth(minimum_age=1, maximum_age=88).strftime("%m/%d/%Y")

    def phone(self) -> str:
        a, b, c = self.rng.randint(201, 989), self.rng.randint(200, 999), self.rng.randint(0, 9999)
        style = self.rng.randrange(3)
        if style == 0:
            return f"({a}) {b}-{c:04d}"
        if style == 1:
            return f"{a}-{b}-{c:04d}"
        return f"+1 {a} {b} {c:04d}"

    def email(self, name: str | None = None) -> str:
        user = (name or self.name()).lower().replace(" ", ".")
        user = "".join(ch for ch in user if ch.isascii() and (ch.isalnum() or ch == "."))
        return f"{user or 'user'}{self.rng.randint(1, 99)}@{self.us.free_email_domain()}"

    def mrn(self) -> str:
        return str(self.rng.randint(1_000_000, 99_999_999))

    def ssn(self) -> str:
        area, group, serial = (self.rng.randint(100, 665), self.rng.randint(10, 99),
                               self.rng.randint(1000, 9999))
        return f"{area}-{group}-{serial}"

    def street(self) -> str:
        return self.us.street_address()

    def city(self) -> str:
        return self.us.city()

    def state(self) -> str:
        return self.us.state_abbr(include_territories=False)

    def zip(self) -> str:
        return self.us.postcode()

    def ip(self) -> str:
        return self.us.ipv4_public()

    def card(self) -> str:
        return self.us.credit_card_number(card_type=self.rng.choice(["visa16", "mastercard"]))

    def account(self) -> str:
        return str(self.rng.randint(10**9, 10**12))

    def company(self) -> str:
        return self.us.company()

    def url(self) -> str:
        return f"https://{self.us.domain_name()}/u/{self.rng.randint(1000, 99999)}"


# Clinical filler: sentences without identifiers, to give notes their real length and shape.
_FINDINGS = (
    "Denies chest pain, fever, chills or night sweats.",
    "Lungs clear to auscultation bilaterally; no wheezes or rales.",
    "Abdomen soft, non-tender, non-distended; bowel sounds present.",
    "Heart regular rate and rhythm, no murmurs, rubs or gallops.",
    "Neurologically intact; cranial nerves II-XII grossly normal.",
    "Labs notable for a creatinine of 1.4 and potassium of 5.1.",
    "Continue metformin 500 mg twice daily and lisinopril 10 mg daily.",
    "Blood pressure 142/88, heart rate 92, SpO2 96% on room air.",
    "Reports 2-pillow orthopnea and a 3 kg weight gain over two weeks.",
    "Tolerating a regular diet; pain controlled on oral medication.",
    "Wound clean, dry and intact; no erythema or drainage.",
    "Plan to repeat the basic metabolic panel in the morning.",
    "Physical therapy recommends discharge home with services.",
    "Patient counselled on smoking cessation and low-sodium diet.",
    "Chest X-ray shows no acute cardiopulmonary process.",
)
_COMPLAINTS = ("shortness of breath", "chest pain", "abdominal pain", "a fall at home",
               "worsening cough", "syncope", "a diabetic foot ulcer", "confusion")  # fmt: skip
_TICKET_ISSUES = (
    "I cannot log in to the portal since the last update.",
    "My invoice shows a charge I do not recognise.",
    "The mobile app crashes when I upload a document.",
    "Please close my account and delete my data.",
    "I was billed twice for the same appointment.",
    "The password reset e-mail never arrives.",
)
_STATUSES = ("open", "closed", "pending", "active", "inactive")
_DEPARTMENTS = ("Cardiology", "Oncology", "Billing", "Radiology", "Pediatrics", "Support")
_EVENTS = ("login", "logout", "password_change", "profile_update", "download", "payment")


def _note(v: _Values) -> list[Field]:
    t = _Text()
    pt, dr, kin = v.name(), v.name(), v.name()
    t.add(v.rng.choice(["PROGRESS NOTE", "HISTORY AND PHYSICAL", "DISCHARGE SUMMARY"]) + "\n")
    t.add("Patient: ").add(pt, "PERSON").add("    MRN: ").add(v.mrn(), "MEDICAL_RECORD_NUMBER")
    t.add("\nDOB: ").add(v.dob(), "DATE").add("    Date of service: ").add(v.date(), "DATE")
    t.add("\nAttending: Dr. ").add(dr, "PERSON").add("\n\n")
    t.add(f"HPI: The patient is a {v.rng.randint(20, 85)} year old seen for "
          f"{v.rng.choice(_COMPLAINTS)} since ").add(v.date(), "DATE").add(". ")
    for sentence in v.rng.sample(_FINDINGS, v.rng.randint(5, 9)):
        t.add(sentence + " ")
    t.add("\nSOCIAL: Lives with ").add(kin, "PERSON").add(" at ").add(v.street(), "STREET_ADDRESS")
    t.add(", ").add(v.city(), "LOCATION").add(", ").add(v.state()).add(" ").add(v.zip(), "ZIP_CODE")
    t.add(". Contact phone ").add(v.phone(), "PHONE_NUMBER").add(".\n")
    if v.rng.random() < 0.4:
        t.add("Insurance: member ID ").add(f"{v.rng.choice('ABCHKW')}{v.mrn()}", "HEALTH_PLAN_ID")
        t.add("; SSN ").add(v.ssn(), "US_SSN").add(" on file.\n")
    t.add("EXAM: ")
    for sentence in v.rng.sample(_FINDINGS, v.rng.randint(5, 9)):
        t.add(sentence + " ")
    t.add("\nASSESSMENT: ")
    for sentence in v.rng.sample(_FINDINGS, v.rng.randint(2, 5)):
        t.add(sentence + " ")
    t.add("\nPLAN: Follow up with Dr. ").add(v.last(), "PERSON").add(" on ").add(v.date(), "DATE")
    t.add("; call ").add(v.phone(), "PHONE_NUMBER").add(" with questions. ")
    for sentence in v.rng.sample(_FINDINGS, v.rng.randint(1, 4)):
        t.add(sentence + " ")
    t.add("\n\nElectronically signed by ").add(dr, "PERSON").add(", MD on ").add(v.date(), "DATE")
    t.add("\n")
    return [t.field("text")]


def _ticket(v: _Values) -> list[Field]:
    t = _Text()
    who = v.name()
    t.add(f"Subject: {v.rng.choice(['Help', 'Billing question', 'Account issue', 'Bug'])} #")
    t.add(str(v.rng.randint(10000, 99999))).add("\nFrom: ").add(who, "PERSON").add(" <")
    t.add(v.email(who), "EMAIL_ADDRESS").add(">\n\nHi team,\n\n")
    t.add(v.rng.choice(_TICKET_ISSUES) + " ")
    kind = v.rng.randrange(4)
    if kind == 0:
        t.add("My card ending in the number ").add(v.card(), "CREDIT_CARD").add(" was charged. ")
    elif kind == 1:
        t.add("My account number is ").add(v.account(), "ACCOUNT_NUMBER").add(". ")
    elif kind == 2:
        t.add("I logged in from ").add(v.ip(), "IP_ADDRESS").add(" on ").add(v.date(), "DATE")
        t.add(". ")
    else:
        t.add("My profile is at ").add(v.url(), "URL").add(" . ")
    t.add("You can reach me at ").add(v.phone(), "PHONE_NUMBER").add(" or write to me at ")
    t.add(v.street(), "STREET_ADDRESS").add(", ").add(v.city(), "LOCATION").add(", ")
    t.add(v.state()).add(" ").add(v.zip(), "ZIP_CODE").add(".\n\nThanks,\n")
    t.add(who.split()[0], "PERSON").add("\n")
    return [t.field("text")]


def _csv_row(v: _Values) -> list[Field]:
    who = v.name()
    comment = _Text()
    if v.rng.random() < 0.5:
        comment.add("Spoke with ").add(v.name(), "PERSON").add(" on ").add(v.date(), "DATE")
    else:
        comment.add(v.rng.choice(["No show", "Rescheduled", "Paid in full", "Needs callback"]))
    return [
        _single("record_id", v.mrn(), "MEDICAL_RECORD_NUMBER"),
        _single("name", who, "PERSON"),
        _single("dob", v.dob(), "DATE"),
        _single("phone", v.phone(), "PHONE_NUMBER"),
        _single("email", v.email(who), "EMAIL_ADDRESS"),
        _single("city", v.city(), "LOCATION"),
        _single("state", v.state(), None),
        _single("zip", v.zip(), "ZIP_CODE"),
        _single("status", v.rng.choice(_STATUSES), None),
        _single("department", v.rng.choice(_DEPARTMENTS), None),
        comment.field("comment"),
    ]


def _jsonl_record(v: _Values) -> list[Field]:
    who = v.name()
    message = _Text()
    if v.rng.random() < 0.5:
        message.add(f"User {v.rng.choice(_EVENTS)} from ").add(v.ip(), "IP_ADDRESS")
        message.add("; confirmation sent to ").add(v.phone(), "PHONE_NUMBER")
    else:
        message.add("Note from ").add(who.split()[0], "PERSON").add(": please update my address "
                                                                   "to ")
        message.add(v.street(), "STREET_ADDRESS").add(", ").add(v.city(), "LOCATION")
    return [
        _single("event", v.rng.choice(_EVENTS), None),
        _single("user.name", who, "PERSON"),
        _single("user.email", v.email(who), "EMAIL_ADDRESS"),
        _single("ip", v.ip(), "IP_ADDRESS"),
        message.field("message"),
        _single("status", v.rng.choice(_STATUSES), None),
    ]


_MAKERS = {"note": _note, "ticket": _ticket, "csv": _csv_row, "jsonl": _jsonl_record}


def iter_corpus(seed: int = DEFAULT_SEED) -> Iterator[BenchDoc]:
    """An endless stream of documents, the kinds mixed by :data:`MIX`, seeded by ``seed``."""
    v = _Values(seed)
    kinds = [k for k, _ in MIX]
    weights = [w for _, w in MIX]
    n = 0
    while True:
        kind = v.rng.choices(kinds, weights)[0]
        yield BenchDoc(f"{kind}-{n:06d}", kind, tuple(_MAKERS[kind](v)))
        n += 1


def make_corpus(seed: int = DEFAULT_SEED, size: int = DEFAULT_SIZE) -> list[BenchDoc]:
    """The first ``size`` documents of :func:`iter_corpus` (the benchmark's fixed corpus)."""
    out = []
    for doc in iter_corpus(seed):
        out.append(doc)
        if len(out) >= size:
            return out
    raise AssertionError("unreachable")  # pragma: no cover


def jsonl_line(doc: BenchDoc) -> str:
    """The document as one JSON Lines record (nested where a field name has a dot)."""
    record: dict[str, object] = {"id": doc.id, "kind": doc.kind}
    for f in doc.fields:
        node = record
        *parents, leaf = f.name.split(".")
        for key in parents:
            node = node.setdefault(key, {})  # type: ignore[assignment]
        node[leaf] = f.text  # type: ignore[index]
    return json.dumps(record, ensure_ascii=False) + "\n"


def write_files(docs: list[BenchDoc], folder: Path) -> dict[str, int]:
    """Write the corpus as an input folder: notes/*.txt, tickets.jsonl, patients.csv, events.jsonl.

    Returns the number of documents per file kind.
    """
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "notes").mkdir(exist_ok=True)
    counts = {"note": 0, "ticket": 0, "csv": 0, "jsonl": 0}
    rows = io.StringIO()
    writer = csv.writer(rows, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    with (folder / "tickets.jsonl").open("w", encoding="utf-8") as tickets, (
        folder / "events.jsonl"
    ).open("w", encoding="utf-8") as events:
        for doc in docs:
            counts[doc.kind] += 1
            if doc.kind == "note":
                (folder / "notes" / f"{doc.id}.txt").write_text(doc.fields[0].text, "utf-8")
            elif doc.kind == "ticket":
                tickets.write(json.dumps({"id": doc.id, "body": doc.fields[0].text}) + "\n")
            elif doc.kind == "csv":
                writer.writerow([f.text for f in doc.fields])
            else:
                events.write(jsonl_line(doc))
    (folder / "patients.csv").write_text(rows.getvalue(), encoding="utf-8")
    return counts


def write_stream_jsonl(path: Path, megabytes: float, seed: int = DEFAULT_SEED + 1) -> int:
    """Write a JSON Lines file of about ``megabytes`` MB from fresh documents; returns lines."""
    limit = int(megabytes * 1_000_000)
    size = lines = 0
    with path.open("w", encoding="utf-8") as out:
        for doc in iter_corpus(seed):
            line = jsonl_line(doc)
            out.write(line)
            size += len(line.encode("utf-8"))
            lines += 1
            if size >= limit:
                return lines
    raise AssertionError("unreachable")  # pragma: no cover
