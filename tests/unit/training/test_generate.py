"""The training-data generator: seeded, exact spans, many origins, WNUT-17 as-is and swapped."""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from redactor.entities import ENTITY_TYPES
from redactor.errors import InputError
from redactor.training.generate import generate, holdout_words, main, write_jsonl
from redactor.training.realtext import load_wnut, swap, swap_record, wnut_records
from redactor.training.synth import fill
from redactor.training.templates import TEMPLATES
from redactor.training.values import Values

CONLL = """\
@jdoe\tO
met\tO
John\tB-person
Smith\tI-person
in\tO
Paris\tB-location
at\tO
Acme\tB-corporation
\t
nothing\tO
to\tO
see\tO

i\tO
love\tO
the\tO
Beatles\tB-group
and\tO
iPhone\tB-product
"""


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return generate(150, seed=5)


def check_record(record: dict) -> None:
    text = record["text"]
    previous_end = 0
    for span in sorted(record["spans"], key=lambda s: s["start"]):
        value = text[span["start"] : span["end"]]
        assert value, span
        assert value == value.strip(), (record["id"], span)
        assert span["type"] in ENTITY_TYPES
        assert span["start"] >= previous_end, f"overlap in {record['id']}"
        previous_end = span["end"]


def test_same_seed_same_records() -> None:
    assert generate(40, seed=9) == generate(40, seed=9)


def test_other_seed_other_records() -> None:
    assert [r["text"] for r in generate(20, seed=1)] != [r["text"] for r in generate(20, seed=2)]


def test_spans_exact_and_disjoint(records: list[dict]) -> None:
    for record in records:
        check_record(record)


def test_many_types_origins_and_both_genders(records: list[dict]) -> None:
    types = Counter(s["type"] for r in records for s in r["spans"])
    for kind in (
        "PERSON",
        "DATE",
        "LOCATION",
        "ORGANIZATION",
        "AGE",
        "MEDICAL_RECORD_NUMBER",
        "STREET_ADDRESS",
        "ZIP_CODE",
        "PHONE_NUMBER",
        "EMAIL_ADDRESS",
    ):
        assert types[kind] > 0, kind
    groups = [s["group"] for r in records for s in r["spans"] if s["type"] == "PERSON"]
    assert all(g.startswith("origin=") for g in groups)
    origins = {g.split(";")[0] for g in groups}
    genders = {g.split(";")[1] for g in groups}
    assert len(origins) >= 12
    assert genders == {"gender=female", "gender=male"}


def test_every_template_fills() -> None:
    values = Values(random.Random(3))
    for template in TEMPLATES:
        record = fill(template, values, template.name)
        check_record(record)
        assert "{" not in record["text"].replace("{}", ""), template.name
        assert record["kind"] == template.kind


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("titles", "Dr."),
        ("ages", "-year-old"),
    ],
)
def test_titles_and_units_stay_outside_spans(records: list[dict], text: str, label: str) -> None:
    for record in records:
        for span in record["spans"]:
            assert label not in record["text"][span["start"] : span["end"]], (text, record["id"])


def test_ages_are_numbers(records: list[dict]) -> None:
    ages = [
        r["text"][s["start"] : s["end"]] for r in records for s in r["spans"] if s["type"] == "AGE"
    ]
    assert ages and all(a.isdigit() for a in ages)


def test_holdout_names_are_never_generated() -> None:
    baseline = generate(80, seed=4)
    words = Counter(
        w.lower()
        for r in baseline
        for s in r["spans"]
        if s["type"] == "PERSON"
        for w in r["text"][s["start"] : s["end"]].replace(",", " ").split()
    )
    banned = {w for w, _ in words.most_common(15) if w.isalpha() and len(w) > 2}
    held = generate(80, seed=4, holdout=banned)
    seen = {
        w.lower()
        for r in held
        for s in r["spans"]
        if s["type"] == "PERSON"
        for w in r["text"][s["start"] : s["end"]].replace(",", " ").split()
    }
    assert not (banned & seen)


def test_holdout_words_reads_person_spans(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    write_jsonl(
        [
            {
                "id": "a",
                "text": "Dr. Mary-Ann O'Neil, MRN 12",
                "spans": [
                    {"start": 4, "end": 19, "type": "PERSON"},
                    {"start": 25, "end": 27, "type": "MEDICAL_RECORD_NUMBER"},
                ],
            }
        ],
        path,
    )
    assert holdout_words(path) == {"mary", "ann", "o", "neil"}


def test_wnut_as_is_maps_labels_and_handles(tmp_path: Path) -> None:
    path = tmp_path / "w.conll"
    path.write_text(CONLL, encoding="utf-8")
    docs = load_wnut(path)
    assert len(docs) == 3
    first = docs[0]
    got = [(first.text[s.start : s.end], s.label) for s in first.spans]
    assert got == [
        ("@jdoe", "PERSON"),
        ("John Smith", "PERSON"),
        ("Paris", "LOCATION"),
        ("Acme", "ORGANIZATION"),
    ]
    assert docs[1].spans == ()
    assert [(docs[2].text[s.start : s.end], s.label) for s in docs[2].spans] == [
        ("Beatles", "ORGANIZATION")
    ]


def test_wnut_swap_replaces_people_keeps_words(tmp_path: Path) -> None:
    path = tmp_path / "w.conll"
    path.write_text(CONLL, encoding="utf-8")
    doc = load_wnut(path)[0]
    swapped = swap(doc, Values(random.Random(11)), "wnut17-swap0")
    check_record(swapped)
    text = swapped["text"]
    assert "John Smith" not in text and "@jdoe" not in text
    assert " met " in text and "Acme" in text
    persons = [s for s in swapped["spans"] if s["type"] == "PERSON"]
    assert len(persons) == 2 and all("origin=" in s["group"] for s in persons)
    assert text[persons[0]["start"]] == "@"


def _note(text: str, *names: tuple[str, str]) -> dict:
    """A written record with each (value, type) marked at its first place after the last."""
    spans, pos = [], 0
    for value, label in names:
        start = text.index(value, pos)
        spans.append({"start": start, "end": start + len(value), "type": label})
        pos = start + len(value)
    return {"id": "w9-n01:0", "source": "written", "teacher": False, "style": "nursing",
            "text": text, "spans": spans}


NOTE = _note("PT SEEN BY DR IWU. WIFE MARY AT BS. SCREENED FOR SPAULDING. mary called 3/2. JW",
             ("IWU", "PERSON"), ("MARY", "PERSON"), ("SPAULDING", "LOCATION"),
             ("mary", "PERSON"), ("3/2", "DATE"), ("JW", "PERSON"))


def _named(record: dict) -> list[tuple[str, str]]:
    return [(record["text"][s["start"] : s["end"]], s["type"]) for s in record["spans"]]


def test_swap_record_keeps_the_words_and_swaps_the_names() -> None:
    pools = {"LOCATION": ["Hebrew SeniorLife"], "ORGANIZATION": ["Acme"]}
    out = swap_record(NOTE, Values(random.Random(5)), pools, "written-swap0", rate=1.0)
    check_record(out)
    named = _named(out)
    assert [label for _, label in named] == [s["type"] for s in NOTE["spans"]]
    surgeon, wife, place, again, day, initials = (value for value, _ in named)
    assert (place, day) == ("HEBREW SENIORLIFE", "3/2")  # the pool's place in the note's case
    assert surgeon.isupper() and wife.isupper() and again.islower()
    assert again == wife.lower()  # the same person in one document, in each mention's case
    assert re.fullmatch(r"[A-Z]{2}", initials)
    assert "IWU" not in out["text"] and "MARY" not in out["text"].upper()
    assert out["text"].startswith("PT SEEN BY DR ") and " AT BS. SCREENED FOR " in out["text"]
    assert out["teacher"] is False and out["style"] == "nursing"
    assert (out["id"], out["source"]) == ("written-swap0:w9-n01:0", "written-swap0")


def test_swap_record_rate_zero_keeps_places_and_a_title_keeps_a_surname() -> None:
    record = _note("Seen by Dr. Iwu at Spaulding.", ("Iwu", "PERSON"), ("Spaulding", "LOCATION"))
    values = Values(random.Random(3))
    out = swap_record(record, values, {"LOCATION": ["Youville"]}, "written-swap0", rate=0.0)
    (surname, _), (place, _) = _named(out)
    assert place == "Spaulding" and " " not in surname and surname != "Iwu"
    assert out["text"].startswith("Seen by Dr. ") and out["text"].endswith(" at Spaulding.")


def test_wnut_records_counts(tmp_path: Path) -> None:
    path = tmp_path / "w.conll"
    path.write_text(CONLL, encoding="utf-8")
    out = wnut_records(load_wnut(path), Values(random.Random(1)), swaps=2)
    assert Counter(r["source"] for r in out) == {"wnut17": 3, "wnut17-swap0": 1, "wnut17-swap1": 1}


def test_generate_mixes_real_and_synthetic(tmp_path: Path) -> None:
    path = tmp_path / "w.conll"
    path.write_text(CONLL, encoding="utf-8")
    out = generate(5, seed=2, wnut=path)
    assert Counter(r["source"] for r in out) == {"synthetic": 5, "wnut17": 3, "wnut17-swap0": 1}
    with pytest.raises(InputError):
        generate(5, seed=2, wnut=tmp_path / "missing.conll")


def test_cli_writes_reproducible_jsonl(tmp_path: Path) -> None:
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    assert main(["--out", str(a), "--count", "12", "--seed", "3"]) == 0
    # a fresh interpreter (another string hash seed) must give the same bytes
    code = "from redactor.training.generate import main; main()"
    subprocess.run(
        [sys.executable, "-c", code, "--out", str(b), "--count", "12", "--seed", "3"],
        check=True,
        capture_output=True,
    )
    assert a.read_bytes() == b.read_bytes()
    lines = a.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 12 and all(json.loads(line)["spans"] is not None for line in lines)
