"""The audit set generator: seeded, balanced, diverse, and labelled exactly."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from redactor.detect import checksums
from redactor.entities import ENTITY_TYPES
from redactor.quality.origins import BY_KEY, GENDERS, ORIGIN_KEYS, fold
from redactor.quality.synth import Generator, facet, generate, schedule
from redactor.quality.templates import TEMPLATES, Template

CELLS = len(ORIGIN_KEYS) * len(GENDERS)


@pytest.fixture(scope="module")
def docs():
    return generate(CELLS * 5, 11)


def test_same_seed_same_set_and_other_seed_other_set():
    a, b, c = generate(40, 7), generate(40, 7), generate(40, 8)
    def facts(docs):
        return [(d.text, d.spans, dict(d.meta)) for d in docs]

    assert facts(a) == facts(b)
    assert [d.text for d in a] != [d.text for d in c]


def test_global_random_state_does_not_matter():
    import random

    random.seed(1)
    first = generate(10, 3)
    random.seed(999)
    assert [d.text for d in generate(10, 3)] == [d.text for d in first]


def test_thirty_one_origins_including_the_required_ones():
    required = {"us", "mexico", "france", "germany", "poland", "turkey", "nigeria", "kenya",
                "india", "vietnam", "china", "arabic", "korea", "japan", "ethiopia", "iran"}
    assert len(ORIGIN_KEYS) == 31 and required <= set(ORIGIN_KEYS)
    assert set(GENDERS) == {"female", "male"}


@pytest.mark.parametrize("size", [1, 27, 61, 62, 124, 201])
def test_schedule_balances_origin_and_gender(size):
    import random

    subjects = schedule(size, random.Random(0))
    counts = Counter(subjects)
    assert len(subjects) == size
    assert max(counts.values()) - min(counts.values(), default=0) <= 1
    if size >= CELLS:
        assert len(counts) == CELLS


def test_document_subjects_are_balanced(docs):
    counts = Counter(d.meta["group"] for d in docs)
    assert len(counts) == CELLS and set(counts.values()) == {5}


def test_spans_are_exact_non_overlapping_and_labelled(docs):
    for d in docs:
        last_end = 0
        for s in d.spans:
            value = d.text[s.start : s.end]
            assert value and value == value.strip(), (d.id, s)
            assert s.start >= last_end, (d.id, s)  # sorted, never overlapping
            last_end = s.end
            assert s.label in ENTITY_TYPES
            if s.label == "PERSON":
                assert facet(s.group, "origin") in ORIGIN_KEYS
                assert facet(s.group, "gender") in GENDERS


def test_every_span_carries_the_value_placed_for_its_field():
    # A probe template whose literals delimit the fields: the text between them is the value.
    probe = Template("probe", "test", "<{pt.full}|{pt.given}|{pt.family}|{pt.phone}|{pt.email}|"
                     "{pt.ssn}|{pt.card}|{pt.iban}|{pt.dob}|{pt.mrn}|{date}|{hosp}>")
    gen = Generator(5)
    for i, subject in enumerate(schedule(CELLS, gen.rng)):
        doc = gen.render(probe, subject, f"p{i}")
        values = doc.text[1:-1].split("|")
        assert [doc.text[s.start : s.end] for s in sorted(doc.spans)] == values
        person = [s for s in doc.spans if s.label == "PERSON"]
        assert {s.group for s in person} == {f"origin={subject[0]};gender={subject[1]}"}
        assert doc.meta["group"] == f"origin={subject[0]};gender={subject[1]}"


def test_person_forms_are_consistent_within_a_document():
    probe = Template("probe", "test", "{pt.full}|{pt.given}|{pt.family}|{pt.lf}|{pt.LF}")
    gen = Generator(9)
    for i, subject in enumerate(schedule(CELLS, gen.rng)):
        full, given, family, lf, upper = gen.render(probe, subject, f"p{i}").text.split("|")
        assert given in full and family in full
        assert lf.startswith(f"{family}, {given}") and upper == lf.upper()


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.name)
def test_every_template_renders_for_every_origin_and_gender(template):
    gen = Generator(3)
    for origin in ORIGIN_KEYS:
        for gender in GENDERS:
            doc = gen.render(template, (origin, gender), "t")
            assert "{" not in doc.text and "}" not in doc.text
            assert any(s.label == "PERSON" for s in doc.spans)


def test_templates_are_of_several_kinds_and_cover_every_hipaa_identifier(hipaa):
    kinds = Counter(t.kind for t in TEMPLATES)
    assert {"clinical", "letter", "email", "ticket", "chat"} <= set(kinds)
    labels = {s.label for d in generate(len(TEMPLATES) * 4, 1) for s in d.spans}
    assert hipaa.entity_labels <= labels


def test_identifiers_pass_their_checksums(docs):
    checks = {"CREDIT_CARD": checksums.credit_card_valid, "IBAN_CODE": checksums.iban_valid,
              "US_NPI": checksums.npi_valid, "US_SSN": checksums.ssn_valid,
              "US_ITIN": checksums.itin_valid}
    seen = Counter()
    for d in docs:
        for s in d.spans:
            value = d.text[s.start : s.end]
            if s.label in checks:
                assert checks[s.label](value), (s.label, s.field)
                seen[s.label] += 1
            if s.field.endswith(".vin"):
                assert checksums.vin_valid(value)
                seen["VIN"] += 1
            if s.field.endswith(".dea"):
                assert checksums.dea_valid(value)
                seen["DEA"] += 1
    assert set(seen) == {*checks, "VIN", "DEA"}


# Phone prefixes and postcode shapes of each origin's country (the Arabic-speaking group spans
# several countries; Vietnam's addresses carry no postcode).
COUNTRY_FORMATS = {
    "us": (r"^(?:\(\d{3}\) |\d{3}[-.]|\+1 |1-)", r"^\d{5}(?:-\d{4})?$"),
    "mexico": (r"^(?:\+52 |\(\d\d\) |\d\d )", r"^\d{5}$"),
    "france": (r"^(?:0\d|\+33 )", r"^\d{5}$"),
    "germany": (r"^(?:0\d|\+49 |\(0)", r"^\d{5}$"),
    "poland": (r"^(?:\+48 |\d{3} |\(\d\d\) )", r"^\d\d-\d{3}$"),
    "turkey": (r"^(?:\+90 |0 ?\(?\d)", r"^\d{5}$"),
    "nigeria": (r"^(?:\+234 |0[789][01])", r"^\d{6}$"),
    "kenya": (r"^(?:\+254 |07)", r"^00\d{3}$"),
    "india": (r"^(?:\+91|0\d)", r"^\d{6}$"),
    "vietnam": (r"^(?:\+84 |09)", None),
    "china": (r"^(?:\+86 |1[38])", r"^\d{6}$"),
    "arabic": (r"^(?:\+(?:20|962|966|212|971|961) |05)", r"^\d{5}$"),
    "brazil": (r"^(?:\+55 |\(\d\d\) )", r"^\d{5}-\d{3}$"),
    "korea": (r"^(?:\+82 |0[12]0?-?)", r"^0\d{4}$"),
    "japan": (r"^(?:\+81 |0[389]0?-)", r"^\d{3}-\d{4}$"),
    "philippines": (r"^(?:\+63 |09|\(02\) )", r"^\d{4}$"),
    "indonesia": (r"^(?:\+62 |08|\(021\) )", r"^\d{5}$"),
    "thailand": (r"^(?:\+66 |0[289])", r"^\d{5}$"),
    "pakistan": (r"^(?:\+92 |03|\+880 |01)", r"^\d{5}$"),
    "iran": (r"^(?:\+98 |09|021-)", r"^\d{5}-\d{5}$"),
    "israel": (r"^(?:\+972 |0[235])", r"^\d{7}$"),
    "ethiopia": (r"^(?:\+251 |09|011 )", None),
    "ghana": (r"^(?:\+233 |0[235])", None),
    "south_africa": (r"^(?:\+27 |0[178])", r"^\d{4}$"),
    "spain": (r"^(?:\+34 |[69])", r"^\d{5}$"),
    "italy": (r"^(?:\+39 |3|06 )", r"^\d{5}$"),
    "russia": (r"^(?:\+7 |8[ -]|\+380 )", r"^\d{6}$"),
    "greece": (r"^(?:\+30 |69|21)", r"^\d{3} \d{2}$"),
    "netherlands": (r"^(?:\+31 |0[26])", r"^\d{4} [A-Z]{2}$"),
    "nordic": (r"^(?:\+4[567] |\+358 |0[47])", r"^\d{3} \d{2}$"),
    "uk": (r"^(?:\+44 |\+353 |0[278])", r"^[A-Z]{1,2}\d{1,2} \d[A-Z]{2}$"),
}


@pytest.mark.parametrize("origin", ORIGIN_KEYS)
def test_addresses_and_phones_follow_the_origin_country(origin):
    phone_re, zip_re = COUNTRY_FORMATS[origin]
    probe = Template("probe", "test", "{pt.phone}\n{pt.addr}")
    gen = Generator(21)
    for i in range(20):
        doc = gen.render(probe, (origin, GENDERS[i % 2]), "p")
        by_label = {}
        for s in doc.spans:
            by_label.setdefault(s.label, []).append(doc.text[s.start : s.end])
        assert re.match(phone_re, by_label["PHONE_NUMBER"][0]), by_label["PHONE_NUMBER"]
        assert by_label["STREET_ADDRESS"] and by_label["LOCATION"]
        for z in by_label.get("ZIP_CODE", []):
            assert zip_re is not None and re.match(zip_re, z), z


def test_names_come_with_and_without_diacritics_where_the_language_has_them():
    gen = Generator(2)
    names = [gen.person("vietnam", g).full for g in GENDERS for _ in range(60)]
    assert any(n != fold(n) for n in names) and any(n == fold(n) for n in names)
    assert any(n.split()[0] in BY_KEY["vietnam"].family or fold(n.split()[0]) in
               {fold(f) for f in BY_KEY["vietnam"].family} for n in names)


def test_polish_women_bear_the_feminine_surname():
    gen = Generator(8)
    women = [gen.person("poland", "female").family for _ in range(80)]
    assert not any(f.endswith(("ski", "cki")) for f in women)
    assert any(f.endswith(("ska", "cka")) for f in women)


def test_labels_filter_keeps_text_and_drops_other_types():
    everything = generate(20, 1)
    persons = generate(20, 1, labels={"PERSON"})
    assert [d.text for d in everything] == [d.text for d in persons]
    assert {s.label for d in persons for s in d.spans} == {"PERSON"}


def test_size_must_be_positive():
    with pytest.raises(ValueError):
        generate(0, 1)
