import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redactor.detect import checksums
from redactor.transform.surrogates import (
    _fix_iban,
    _fix_luhn,
    checks_passed,
    identifier,
    ip_address,
    is_hex_shaped,
    phone,
    shape_like,
    url,
)


def classes(text):
    """The character class of each position (digit, upper, lower, or the character itself)."""
    return ["9" if c.isdigit() else "A" if c.isupper() else "a" if c.islower() else c
            for c in text]


def test_shape_like_keeps_classes():
    out = shape_like("Ab-12 x", random.Random(1))
    assert re.fullmatch(r"[A-Z][a-z]-\d\d [a-z]", out)
    hexed = shape_like("00:1a:2b", random.Random(2), hex_digits=True)
    assert re.fullmatch(r"[0-9a-f]{2}:[0-9a-f]{2}:[0-9a-f]{2}", hexed)


@pytest.mark.parametrize(
    ("value", "checks"),
    [("4111 1111 1111 1111", {"card", "luhn"}), ("1234567893", {"npi"}),
     ("DE89 3704 0044 0532 0130 00", {"iban"}), ("1HGCM82633A004352", {"vin"}),
     ("AB1234563", {"dea"}), ("011000015", {"aba", "luhn"}), ("912-70-1234", {"itin"}),
     ("219-09-9992", {"ssn"}), ("219-09-9991", {"ssn", "luhn"}), ("MRN-4471923", set())],
)
def test_checks_passed(value, checks):
    assert {c.name for c in checks_passed(value)} == checks


@pytest.mark.parametrize(
    ("value", "valid"),
    [("4111 1111 1111 1111", checksums.credit_card_valid),
     ("5500-0000-0000-0004", checksums.credit_card_valid),
     ("378282246310005", checksums.credit_card_valid),
     ("1234567893", checksums.npi_valid),
     ("DE89 3704 0044 0532 0130 00", checksums.iban_valid),
     ("GB82WEST12345698765432", checksums.iban_valid),
     ("1HGCM82633A004352", checksums.vin_valid),
     ("AB1234563", checksums.dea_valid),
     ("011000015", checksums.aba_routing_valid),
     ("912-70-1234", checksums.itin_valid),
     ("219-09-9991", checksums.ssn_valid)],
)
@pytest.mark.parametrize("seed", range(5))
def test_identifier_keeps_shape_and_checksum(value, valid, seed):
    out = identifier(value, random.Random(seed))
    assert out != value and len(out) == len(value) and valid(out)
    non_alnum = [(i, c) for i, c in enumerate(value) if not c.isalnum()]
    assert [(i, out[i]) for i, _ in non_alnum] == non_alnum  # separators stay
    if not value[:2].isalpha():  # (an IBAN keeps its country; a VIN check may be X)
        assert sum(c.isdigit() for c in out) >= sum(c.isdigit() for c in value) - 1


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=13, max_value=19), st.sampled_from("4"), st.randoms())
def test_card_surrogates_stay_valid(length, first, rnd):
    digits = first + "".join(str(rnd.randrange(10)) for _ in range(length - 1))
    card = _fix_luhn(digits, digits, rnd)
    if not checksums.credit_card_valid(card):
        return  # Visa lengths are 13, 16, 19 only
    out = identifier(card, random.Random(rnd.random()))
    assert checksums.credit_card_valid(out) and len(out) == len(card) and out != card


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["DE", "GB", "FR", "NL", "ES", "IT", "CH"]), st.randoms())
def test_iban_surrogates_stay_valid(country, rnd):
    length = checksums.IBAN_LENGTHS[country]
    body = "".join(str(rnd.randrange(10)) for _ in range(length - 2))
    iban = _fix_iban(country + body, country + body, rnd)
    assert checksums.iban_valid(iban)
    grouped = " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
    out = identifier(grouped, random.Random(rnd.random()))
    assert checksums.iban_valid(out) and out[:2] == country and classes(out)[4:] == classes(
        grouped)[4:]


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=0, max_value=10**8), st.sampled_from("12"))
def test_npi_surrogates_stay_valid(number, first):
    digits = f"{first}{number:08d}0"
    npi = _fix_luhn(digits, digits, random.Random(number), prefix="80840")
    if not checksums.npi_valid(npi):
        return
    out = identifier(npi, random.Random(number))
    assert checksums.npi_valid(out) and out != npi


@pytest.mark.parametrize(
    ("value", "pattern"),
    [("(312) 555-0176", r"\([2-9]\d\d\) 555-01\d\d"), ("312-555-0176", r"[2-9]\d\d-555-01\d\d"),
     ("+1 312 555 0176", r"\+1 [2-9]\d\d 555 01\d\d"), ("3125550176", r"[2-9]\d\d55501\d\d"),
     ("+34 612 345 678", r"\+34 \d{3} \d{3} \d{3}"), ("020 7946 0958", r"0\d\d \d{4} \d{4}"),
     ("+49 30 1234567", r"\+49 \d\d \d{7}")],
)
@pytest.mark.parametrize("seed", range(3))
def test_phone_keeps_format(value, pattern, seed):
    assert re.fullmatch(pattern, phone(value, random.Random(seed)))


@pytest.mark.parametrize("seed", range(5))
def test_ip_addresses_come_from_documentation_ranges(seed):
    v4 = ip_address("8.8.8.8", random.Random(seed))
    assert v4.startswith(("192.0.2.", "198.51.100.", "203.0.113."))
    assert ip_address("8.8.8.8", random.Random(seed), attempt=30).startswith("10.")
    assert ip_address("2a00:1450::1", random.Random(seed)).startswith("2001:db8:")


def test_hex_shapes_and_urls():
    assert is_hex_shaped("00:1A:2B:3C:4D:5E")
    assert is_hex_shaped("8f14e45f-ceea-467f-a0e6-3a4c1b2d9e0f")
    assert not is_hex_shaped("4471923") and not is_hex_shaped("MRN-4471923")
    out = identifier("00:1A:2B:3C:4D:5E", random.Random(1))
    assert re.fullmatch(r"([0-9A-F]{2}:){5}[0-9A-F]{2}", out)
    assert re.fullmatch(r"https://word\.example\.(com|org|net)/",
                        url("https://www.mayo.org/patients/123", "word", random.Random(1)))
    assert url("www.mayo.org", "w", random.Random(1)).startswith("www.w.example.")
