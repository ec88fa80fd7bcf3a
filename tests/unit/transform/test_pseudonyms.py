import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redactor.detect.checksums import credit_card_valid, iban_valid, npi_valid
from redactor.detect.checksums import luhn as luhn_valid
from redactor.transform.keys import SecretKey
from redactor.transform.person_names import (
    DocumentNames,
    is_latin,
    locale_names,
    name_key,
    parse_name,
)
from redactor.transform.pseudonyms import (
    PseudonymContext,
    _ascii,
    match_case,
    normalise,
    shape_like,
)

KEY = SecretKey(b"a" * 32)
US = locale_names()[("en_US", "latin")]
US_FEMALE = {name_key(n) for n in US.female.names}
US_MALE = {name_key(n) for n in US.male.names}
# Full names from the lists, for property tests (distinct values, realistic shapes).
GIVEN = sorted({*list(US.female.names)[:150], *list(US.male.names)[:150]})
FAMILY = sorted(US.family.names)[:400]


def test_same_value_same_surrogate_across_contexts():
    a = PseudonymContext(KEY).surrogate("PERSON", "Maria Gonzalez")
    b = PseudonymContext(KEY).surrogate("PERSON", "maria  gonzalez")
    assert normalise(a) == normalise(b)  # normalised value; case and spacing follow the mention
    assert b == b.lower() and "  " in b


def test_different_keys_differ():
    a = PseudonymContext(KEY).surrogate("PERSON", "Maria Gonzalez")
    b = PseudonymContext(SecretKey(b"b" * 32)).surrogate("PERSON", "Maria Gonzalez")
    assert a != b


def test_order_does_not_matter():
    one, two = PseudonymContext(KEY), PseudonymContext(KEY)
    one.surrogate("PERSON", "Someone Else")
    assert one.surrogate("PERSON", "Wei Zhang") == two.surrogate("PERSON", "Wei Zhang")


names = st.tuples(st.sampled_from(GIVEN), st.sampled_from(FAMILY)).map(" ".join)


@settings(max_examples=25, deadline=None)
@given(st.lists(names, min_size=2, max_size=30, unique_by=normalise), st.randoms())
def test_consistent_across_runs_whatever_the_order(values, rnd):
    """Two runs with one key, the values in different orders: every value that neither run
    had to re-draw (its first keyed draw was free) gets the same surrogate."""
    first, second = PseudonymContext(KEY), PseudonymContext(KEY)
    shuffled = values[:]
    rnd.shuffle(shuffled)
    a = {v: first.surrogate("PERSON", v) for v in values}
    b = {v: second.surrogate("PERSON", v) for v in shuffled}
    redrawn = {key for _, key in first.redrawn | second.redrawn}
    for value in values:
        parsed = parse_name(value)
        if not {parsed.first_given, parsed.family} & redrawn:
            assert a[value] == b[value]


@settings(max_examples=25, deadline=None)
@given(st.lists(names, min_size=3, max_size=10, unique_by=normalise))
def test_different_keys_give_different_surrogates(values):
    a = [PseudonymContext(KEY).surrogate("PERSON", v) for v in values]
    b = [PseudonymContext(SecretKey(b"c" * 32)).surrogate("PERSON", v) for v in values]
    assert a != b
    assert sum(x == y for x, y in zip(a, b, strict=True)) <= 1


@settings(max_examples=20, deadline=None)
@given(st.lists(names, min_size=2, max_size=120, unique_by=normalise))
def test_no_two_people_share_a_surrogate(values):
    ctx = PseudonymContext(KEY)
    surrogates = [normalise(ctx.surrogate("PERSON", v)) for v in values]
    assert len(set(surrogates)) == len(values)
    assert all(s != normalise(v) for s, v in zip(surrogates, values, strict=True))


@settings(max_examples=30, deadline=None)
@given(st.lists(st.text(alphabet="abcdefgh", min_size=1, max_size=3), min_size=2, max_size=40,
                unique=True))
def test_no_two_values_share_a_surrogate(values):
    ctx = PseudonymContext(KEY)
    surrogates = [normalise(ctx.surrogate("ID_NUMBER", v)) for v in values]
    assert len(set(surrogates)) == len(values)


def test_collisions_are_redrawn_and_counted():
    ctx = PseudonymContext(KEY)
    one, two = ctx.surrogate("NRP", "Catholic"), ctx.surrogate("NRP", "Buddhist")
    assert one != two and ("NRP", "buddhist") in ctx.redrawn


def test_variants_of_one_person_share_a_family():
    mentions = ["Maria Gonzalez", "Ms. Gonzalez", "GONZALEZ, MARIA", "M. Gonzalez",
                "maria gonzalez", "Gonzalez, Maria", "Maria"]
    names = DocumentNames.build(mentions)
    ctx = PseudonymContext(KEY)
    out = {m: ctx.surrogate("PERSON", m, names=names) for m in mentions}
    given, family = out["Maria Gonzalez"].split(" ")
    assert out["Ms. Gonzalez"] == f"Ms. {family}"
    assert out["GONZALEZ, MARIA"] == f"{family.upper()}, {given.upper()}"
    assert out["M. Gonzalez"] == f"{given[0]}. {family}"
    assert out["maria gonzalez"] == f"{given} {family}".lower()
    assert out["Gonzalez, Maria"] == f"{family}, {given}"
    assert out["Maria"] == given
    assert "gonzalez" not in normalise(" ".join(out.values()))


def test_initials_without_a_full_name_use_a_keyed_permutation():
    ctx = PseudonymContext(KEY)
    a, b = ctx.surrogate("PERSON", "M. Gonzalez"), ctx.surrogate("PERSON", "J. Gonzalez")
    assert a[0] != b[0] and a[1:] == b[1:]  # one letter always maps to one other letter
    assert PseudonymContext(KEY).surrogate("PERSON", "M. Gonzalez") == a


@pytest.mark.parametrize("given_name", ["Maria", "Jennifer", "Aisha", "Ingrid", "Mary"])
def test_female_names_get_female_surrogates(given_name):
    ctx = PseudonymContext(KEY)
    for family in ("Smith", "Okafor", "Lindqvist"):
        first = ctx.surrogate("PERSON", f"{given_name} {family}").split(" ")[0]
        assert name_key(first) in US_FEMALE


@pytest.mark.parametrize("given_name", ["John", "Jonas", "Mohammed", "Kwame", "Robert"])
def test_male_names_get_male_surrogates(given_name):
    first = PseudonymContext(KEY).surrogate("PERSON", f"{given_name} Doe").split(" ")[0]
    assert name_key(first) in US_MALE


@pytest.mark.parametrize(
    ("name", "locale"),
    [("Maria Gonzalez", "es_"), ("Ingrid Halvorsen", "no_NO"), ("Wei Zhang", "zh_"),
     ("Jonas Becker", "de_")],
)
def test_surrogate_locale_match_picks_a_similar_origin(name, locale):
    from redactor.transform.person_names import match_locale

    ctx = PseudonymContext(KEY)
    out = ctx.surrogate("PERSON", name, locale="match")
    family = name_key(out.split(" ")[-1])
    parsed = parse_name(name)
    chosen = match_locale(parsed.keys("given"), parsed.keys("family"), "latin")
    assert chosen.startswith(locale)
    assert family in {name_key(n) for n in locale_names()[(chosen, "latin")].family.names}


def test_fixed_locale_and_native_script():
    ctx = PseudonymContext(KEY)
    german = ctx.surrogate("PERSON", "Maria Gonzalez", locale="de_DE")
    assert name_key(german.split(" ")[-1]) in {
        name_key(n) for n in locale_names()[("de_DE", "latin")].family.names}
    assert is_latin(ctx.surrogate("PERSON", "Wei Zhang", locale="zh_CN"))
    native = ctx.surrogate("PERSON", "王 伟", locale="zh_CN")
    assert not is_latin(native) and native != "王 伟"


def test_case_preserved():
    assert match_case("Jane Doe", "NGUYEN THI") == "JANE DOE"
    assert match_case("Jane Doe", "nguyen") == "jane doe"
    assert match_case("Jane Doe", "Nguyen") == "Jane Doe"
    assert PseudonymContext(KEY).surrogate("PERSON", "WEI ZHANG").isupper()
    assert PseudonymContext(KEY).surrogate("LOCATION", "CHICAGO").isupper()


def test_shapes_and_checksums():
    ctx = PseudonymContext(KEY)
    card = ctx.surrogate("CREDIT_CARD", "4111 1111 1111 1111")
    assert re.fullmatch(r"\d{4} \d{4} \d{4} \d{4}", card) and luhn_valid(card.replace(" ", ""))
    assert credit_card_valid(card)
    assert npi_valid(ctx.surrogate("US_NPI", "1234567893"))
    iban = ctx.surrogate("IBAN_CODE", "DE89 3704 0044 0532 0130 00")
    assert iban_valid(iban) and iban.startswith("DE") and len(iban) == 27
    mrn = ctx.surrogate("MEDICAL_RECORD_NUMBER", "AB-4471923")
    assert re.fullmatch(r"[A-Z]{2}-\d{7}", mrn)
    assert re.fullmatch(r"\(\d{3}\) 555-01\d\d", ctx.surrogate("PHONE_NUMBER", "(312) 555-0176"))


def test_email_gets_a_fake_domain_and_follows_the_name():
    ctx = PseudonymContext(KEY)
    email = ctx.surrogate("EMAIL_ADDRESS", "hoa.nguyen@gmail.com")
    assert re.fullmatch(r"[^@\s]+@example\.(com|org|net)", email)
    given, family = ctx.surrogate("PERSON", "Maria Gonzalez").split(" ")
    mail = ctx.surrogate("EMAIL_ADDRESS", "maria.gonzalez@hospital.org")
    assert mail.split("@")[0] == f"{_ascii(given)}.{_ascii(family)}".lower()
    other = ctx.surrogate("EMAIL_ADDRESS", "x9z@foo.com")
    assert other.endswith(("@example.com", "@example.org", "@example.net"))


def test_date_offsets():
    ctx = PseudonymContext(KEY)
    offsets = [ctx.date_offset(f"patient-{i}", 30) for i in range(300)]
    assert all(-30 <= o <= 30 and o != 0 for o in offsets)
    assert len(set(offsets)) > 40  # spread over the range
    assert ctx.date_offset("patient-1", 30) == PseudonymContext(KEY).date_offset("patient-1", 30)
    assert PseudonymContext(SecretKey(b"z" * 32)).date_offset("patient-1", 30) != offsets[1] or \
        PseudonymContext(SecretKey(b"y" * 32)).date_offset("patient-1", 30) != offsets[1]


def test_dates_pseudonymise_to_dates_in_the_same_format():
    out = PseudonymContext(KEY).surrogate("DATE", "March 3, 2021")
    assert re.fullmatch(r"[A-Z][a-z]+ \d{1,2}, \d{4}", out) and out != "March 3, 2021"


def test_shape_like_keeps_classes():
    import random

    out = shape_like("Ab-12 x", random.Random(1))
    assert re.fullmatch(r"[A-Z][a-z]-\d\d [a-z]", out)


def test_a_surrogate_never_reuses_a_real_name_of_the_same_document():
    """ "Dr. Ana Souza" became "Dr. Megan Gonzalez" in Maria Gonzalez's note (issue 13)."""
    plain = PseudonymContext(KEY)
    family = plain.person("Ana Souza").split()[-1]  # what Souza becomes with this key
    given = plain.person("Ana Souza").split()[0]
    mentions = [f"Maria {family}", f"{given} Okafor", "Dr. Ana Souza"]
    names = DocumentNames.build(mentions)
    ctx = PseudonymContext(KEY)
    out = ctx.person("Dr. Ana Souza", names=names)
    real = {name_key(w) for m in mentions for w in m.replace(".", " ").split()}
    assert out.startswith("Dr. ")
    assert not {name_key(w) for w in out[4:].split()} & real, out
    assert ctx.person("Dr. Ana Souza", names=names) == out  # deterministic
    # Elsewhere (no clash) Souza keeps its usual surrogate.
    assert ctx.person("Ana Souza") == plain.person("Ana Souza")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(GIVEN), min_size=1, max_size=3),
       st.lists(st.sampled_from(FAMILY), min_size=1, max_size=3))
def test_property_no_surrogate_part_is_a_name_of_the_document(givens, families):
    mentions = [f"{g} {f}" for g, f in zip(givens, families, strict=False)] + families
    names = DocumentNames.build(mentions)
    real = {name_key(w) for m in mentions for w in m.split()}
    ctx = PseudonymContext(KEY)
    for mention in mentions:
        out = ctx.person(mention, names=names)
        assert not {name_key(w) for w in out.split()} & real, (mention, out)


def test_transform_avoids_the_documents_names():
    from redactor.policy import Policy
    from redactor.span import Span
    from redactor.transform.replace import apply

    policy = Policy.from_mapping({"name": "p", "entities": {"PERSON": {"action": "pseudonymize"}}})
    plain = PseudonymContext(KEY)
    family = plain.person("Ana Souza").split()[-1]
    text = f"Note of Maria {family}, seen by Dr. Ana Souza."
    start = text.index("Maria")
    spans = [Span(start, start + len(f"Maria {family}"), "PERSON", 1.0, "t"),
             Span(text.index("Ana"), text.index("Ana") + 9, "PERSON", 1.0, "t")]
    new, _ = apply(text, spans, policy, PseudonymContext(KEY))
    assert family not in new and "Souza" not in new and "Maria" not in new


def test_an_email_surrogate_never_names_a_real_person_of_the_document():
    plain = PseudonymContext(KEY)
    drawn = plain.surrogate("EMAIL_ADDRESS", "ana.souza@clinic.org")  # x.y@example...
    first, last = re.split(r"[._-]", drawn.partition("@")[0])[:2]
    mentions = [f"Maria {last.capitalize()}", f"{first.capitalize()} Okafor", "Ana Souza"]
    names = DocumentNames.build(mentions)
    ctx = PseudonymContext(KEY)
    out = ctx.surrogate("EMAIL_ADDRESS", "ana.souza@clinic.org", names=names)
    words = {name_key(w) for w in re.split(r"[._\-@\d]+", out.partition("@")[0]) if w}
    assert not words & names.words, out
    assert out.endswith(("example.com", "example.org", "example.net"))
    assert ctx.surrogate("EMAIL_ADDRESS", "ana.souza@clinic.org") == drawn  # elsewhere: usual
