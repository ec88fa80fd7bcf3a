"""Per-entity value generators: identifiers that pass the checks our recognizers apply.

Building blocks are pure functions of a seeded ``random.Random`` (and arguments where the
generators that use them differ in format); :data:`GENERATORS` offers one generator per entity
type with a single signature, ``generate(rng, faker) -> str``. Check digits come from
:mod:`redactor.detect.checksums`, so every value passes our own validators.

The generators of the dev set, the audit set and the training data draw through these blocks;
where two of them draw in a different order, the block takes an explicit parameter so each keeps
its own (pinned) output for a given seed.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable, Sequence

from faker import Faker

from redactor.detect import checksums

#: Capital letters without I, O and Q (easily read as digits; never in a VIN).
CLEAR_UPPER = "ABCDEFGHJKLMNPRSTUVWXYZ"
#: Characters of a VIN.
VIN_CHARS = "0123456789" + CLEAR_UPPER
#: ITIN group numbers (the middle two digits): 50-65, 70-88, 90-92, 94-99.
ITIN_GROUPS: tuple[int, ...] = tuple(
    g for g in range(50, 100) if g not in range(66, 70) and g not in (89, 93)
)
#: Domains reserved for examples (RFC 2606): fake addresses never reach a real one.
EXAMPLE_DOMAINS = ("example.com", "example.org", "example.net")
#: IPv4 documentation ranges (RFC 5737): a fake address never reaches a real host.
DOC_IPV4_PREFIXES = ("192.0.2.", "198.51.100.", "203.0.113.")
#: SSN separators of the dev set and the audit set ("-" twice as often as the others).
SSN_SEPARATORS = ("-", "-", " ")

#: ``generate(rng, faker) -> str``: one value of an entity type.
Generate = Callable[[random.Random, Faker], str]


def ordinal_suffix(n: int) -> str:
    """``"st"``, ``"nd"``, ``"rd"`` or ``"th"`` for ``n``."""
    return "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def ordinal(n: int) -> str:
    """``n`` with its ordinal suffix (``"21st"``)."""
    return f"{n}{ordinal_suffix(n)}"


def fill_shape(
    rng: random.Random,
    shape: str,
    *,
    lowest_n: int = 1,
    letters: str | None = string.ascii_uppercase,
) -> str:
    """``shape`` with ``#`` -> a digit, ``N`` -> a digit from ``lowest_n`` to 9, ``A`` -> one
    of ``letters`` (kept as it is when ``letters`` is None); other characters stay. One draw
    per placeholder, left to right."""
    out = []
    for ch in shape:
        if ch == "#":
            out.append(str(rng.randrange(10)))
        elif ch == "N":
            out.append(str(rng.randint(lowest_n, 9)))
        elif ch == "A" and letters is not None:
            out.append(rng.choice(letters))
        else:
            out.append(ch)
    return "".join(out)


def digit_string(rng: random.Random, n: int) -> str:
    """``n`` random digits."""
    return "".join(str(rng.randrange(10)) for _ in range(n))


def clear_upper(rng: random.Random, n: int) -> str:
    """``n`` random capital letters of :data:`CLEAR_UPPER`."""
    return "".join(rng.choice(CLEAR_UPPER) for _ in range(n))


def luhn_complete(body: str) -> str:
    """``body`` plus the Luhn check digit that makes it valid."""
    return body + checksums.luhn_check_digit(body)


def ssn(
    rng: random.Random,
    separators: Sequence[str] = SSN_SEPARATORS,
    *,
    separator_first: bool = False,
) -> str:
    """A US SSN of valid structure (area not 000, 666 or 9xx; group and serial not zero).

    Draws area, group and serial, then the separator; ``separator_first`` draws the separator
    first (the training set's order).
    """
    area = rng.choice([x for x in range(1, 900) if x != 666])
    sep = rng.choice(separators) if separator_first else ""
    group, serial = rng.randint(1, 99), rng.randint(1, 9999)
    if not separator_first:
        sep = rng.choice(separators)
    return f"{area:03d}{sep}{group:02d}{sep}{serial:04d}"


def itin(rng: random.Random) -> str:
    """A US ITIN (``9XX-GG-XXXX`` with a group of :data:`ITIN_GROUPS`)."""
    group = rng.choice(ITIN_GROUPS)
    return f"9{digit_string(rng, 2)}-{group}-{digit_string(rng, 4)}"


def card_number(rng: random.Random, prefixes: Sequence[tuple[str, int]]) -> str:
    """A Luhn-valid card number: a ``(prefix, length)`` drawn from ``prefixes``."""
    prefix, length = rng.choice(prefixes)
    return luhn_complete(prefix + digit_string(rng, length - len(prefix) - 1))


def card_groups(number: str) -> list[str]:
    """A card number in its printed groups (4-4-4-4, or 4-6-5 for 15 digits)."""
    if len(number) == 16:
        return [number[i : i + 4] for i in range(0, 16, 4)]
    return [number[:4], number[4:10], number[10:]]


def credit_card(
    rng: random.Random,
    prefixes: Sequence[tuple[str, int]] = (("4", 16), ("52", 16), ("37", 15), ("6011", 16)),
    separators: Sequence[str] = (" ", "-", ""),
) -> str:
    """A Luhn-valid card number of a known issuer, printed in groups."""
    groups = card_groups(card_number(rng, prefixes))
    return rng.choice(separators).join(groups)


def iban(rng: random.Random, country: str) -> str:
    """A mod-97 valid IBAN of ``country`` with a digits-only account part."""
    bban = digit_string(rng, checksums.IBAN_LENGTHS[country] - 4)
    return f"{country}{checksums.iban_check_digits(country, bban)}{bban}"


def vin(rng: random.Random) -> str:
    """A VIN with a valid check digit (position 9)."""
    chars = [rng.choice(VIN_CHARS) for _ in range(17)]
    chars[8] = "0"
    chars[8] = checksums.vin_check_digit("".join(chars)) or "0"
    return "".join(chars)


def npi(rng: random.Random) -> str:
    """A US NPI: ten digits starting 1 or 2, Luhn-valid with the ``80840`` prefix."""
    body = rng.choice("12") + digit_string(rng, 8)
    return body + checksums.luhn_check_digit("80840" + body)


def dea(rng: random.Random, initial: str | None = None) -> str:
    """A DEA registration number: registrant type, ``initial`` (of the family name; drawn
    when None), six digits and the check digit."""
    six = digit_string(rng, 6)
    registrant = rng.choice("ABFM")
    return registrant + (initial or clear_upper(rng, 1)) + six + checksums.dea_check_digit(six)


def imei(rng: random.Random) -> str:
    """A Luhn-valid 15-digit IMEI."""
    return luhn_complete("35" + digit_string(rng, 12))


def mac(
    rng: random.Random, separators: Sequence[str] = (":", "-"), *, separator_first: bool = True
) -> str:
    """A MAC address, upper or lower case. ``separator_first``: the separator is drawn before
    the six octets (the audit set) rather than after them (the dev set)."""
    sep = rng.choice(separators) if separator_first else ""
    octets = [f"{rng.randrange(256):02x}" for _ in range(6)]
    if not separator_first:
        sep = rng.choice(separators)
    value = sep.join(octets)
    return value.upper() if rng.random() < 0.5 else value


def us_phone(rng: random.Random) -> str:
    """A North American number in the fictional ``555-01XX`` range."""
    area = fill_shape(rng, "N##", lowest_n=2)
    return f"({area}) 555-01{digit_string(rng, 2)}"


def doc_ipv4(rng: random.Random) -> str:
    """An IPv4 address of the documentation ranges."""
    return f"{rng.choice(DOC_IPV4_PREFIXES)}{rng.randrange(1, 255)}"


def mrn(rng: random.Random) -> str:
    """A medical record number."""
    return fill_shape(rng, rng.choice(["N#######", "00######", "MR#######", "A#######"]),
                      letters=CLEAR_UPPER)


def email(rng: random.Random, faker: Faker) -> str:
    """An e-mail address on a reserved example domain."""
    local = faker.user_name()
    return f"{local}@{rng.choice(EXAMPLE_DOMAINS)}"


#: One generator per entity type: ``GENERATORS[label](rng, faker)``.
GENERATORS: dict[str, Generate] = {
    "US_SSN": lambda rng, faker: ssn(rng),
    "US_ITIN": lambda rng, faker: itin(rng),
    "CREDIT_CARD": lambda rng, faker: credit_card(rng),
    "IBAN_CODE": lambda rng, faker: iban(rng, rng.choice(["DE", "FR", "GB", "NL", "PL"])),
    "VEHICLE_ID": lambda rng, faker: vin(rng),
    "US_NPI": lambda rng, faker: npi(rng),
    "LICENSE_NUMBER": lambda rng, faker: dea(rng),  # a DEA registration number
    "DEVICE_ID": lambda rng, faker: imei(rng),
    "MAC_ADDRESS": lambda rng, faker: mac(rng),
    "PHONE_NUMBER": lambda rng, faker: us_phone(rng),
    "IP_ADDRESS": lambda rng, faker: doc_ipv4(rng),
    "MEDICAL_RECORD_NUMBER": lambda rng, faker: mrn(rng),
    "EMAIL_ADDRESS": email,
}


def generate(label: str, rng: random.Random, faker: Faker) -> str:
    """One value of entity type ``label`` (a ``KeyError`` names an unknown type)."""
    if label not in GENERATORS:
        raise KeyError(f"no generator for entity type {label!r}")
    return GENERATORS[label](rng, faker)


__all__ = [
    "CLEAR_UPPER", "DOC_IPV4_PREFIXES", "EXAMPLE_DOMAINS", "GENERATORS", "ITIN_GROUPS",
    "VIN_CHARS", "Generate", "card_groups", "card_number", "clear_upper", "credit_card", "dea",
    "digit_string", "doc_ipv4", "email", "fill_shape", "generate", "iban", "imei", "itin",
    "luhn_complete", "mac", "mrn", "npi", "ordinal", "ordinal_suffix", "ssn", "us_phone", "vin",
]  # fmt: skip
