"""Surrogates that keep the original's shape: identifiers, phone numbers, addresses on the net.

Pure functions of the original and a seeded ``random.Random`` (the caller seeds it from a
keyed HMAC, see :mod:`redactor.transform.pseudonyms`):

- identifiers keep their length, separators and character classes (digits stay digits,
  upper-case letters stay upper case, hex stays hex), and every checksum the original passes
  (Luhn, NPI, IBAN mod-97, VIN, DEA, ABA routing, SSN and ITIN structure) the surrogate
  passes too;
- phone numbers keep their format; North American numbers get the fictional ``555-01XX``
  range;
- IP addresses come from the documentation ranges (RFC 5737, RFC 3849).
"""

from __future__ import annotations

import ipaddress
import random
import re
from collections.abc import Callable
from dataclasses import dataclass

from redactor.detect import checksums
from redactor.synthetic.values import (
    CLEAR_UPPER,
    EXAMPLE_DOMAINS,
    ITIN_GROUPS,
    doc_ipv4,
)

_HEX_SHAPE = re.compile(
    r"""(?:[0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}               # MAC 00:1A:2B:3C:4D:5E
       |[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}        # MAC 001a.2b3c.4d5e
       |[0-9A-Fa-f]{8}-(?:[0-9A-Fa-f]{4}-){3}[0-9A-Fa-f]{12}  # UUID
       |(?=[0-9A-Fa-f]*[A-Fa-f])(?=[0-9A-Fa-f]*\d)[0-9A-Fa-f]{12,}  # long hex run with both
    """,
    re.VERBOSE,
)
_HEX = "0123456789abcdef"


def shape_like(original: str, rng: random.Random, *, hex_digits: bool = False) -> str:
    """A random string with the same length and character classes as ``original``.

    Separators and other characters stay; ASCII digits and letters are drawn anew, keeping
    case. With ``hex_digits`` every hex character is drawn from the hex digits.
    """
    out = []
    for ch in original:
        if hex_digits and ch in "0123456789abcdefABCDEF":
            new = _HEX[rng.randrange(16)]
            out.append(new.upper() if ch.isupper() or (ch.isdigit() and _upper_hex(original))
                       else new)
        elif ch.isascii() and ch.isdigit():
            out.append(str(rng.randrange(10)))
        elif ch.isascii() and ch.isalpha():
            letter = chr(rng.randrange(26) + ord("a"))
            out.append(letter.upper() if ch.isupper() else letter)
        else:
            out.append(ch)
    return "".join(out)


def _upper_hex(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def is_hex_shaped(value: str) -> bool:
    """A MAC address, UUID or long hex run: drawn as hex, not as letters and digits."""
    return _HEX_SHAPE.fullmatch(value) is not None


# ------------------------------------------------------------------------------------------
# Checksums kept: each check says whether a value passes, and how to make a candidate pass.
# ------------------------------------------------------------------------------------------


def _digit_positions(text: str) -> list[int]:
    return [i for i, c in enumerate(text) if c.isascii() and c.isdigit()]


def _set(text: str, index: int, char: str) -> str:
    return text[:index] + char + text[index + 1 :]


def _luhn_shape(text: str) -> bool:
    """Eight or more digits (with spaces or dashes) passing the Luhn check."""
    digits = re.sub(r"[ -]", "", text)
    return len(digits) >= 8 and digits.isascii() and digits.isdigit() and checksums.luhn(digits)


def _fix_luhn(candidate: str, original: str, rng: random.Random, prefix: str = "") -> str:
    positions = _digit_positions(candidate)
    body = prefix + "".join(candidate[i] for i in positions[:-1])
    if not positions or not body:
        return candidate
    return _set(candidate, positions[-1], checksums.luhn_check_digit(body))


def _fix_card(candidate: str, original: str, rng: random.Random) -> str:
    first = _digit_positions(original)[0]
    return _fix_luhn(_set(candidate, first, original[first]), original, rng)


def _fix_npi(candidate: str, original: str, rng: random.Random) -> str:
    first = _digit_positions(candidate)[0]
    candidate = _set(candidate, first, rng.choice("12"))
    return _fix_luhn(candidate, original, rng, prefix="80840")


def _fix_iban(candidate: str, original: str, rng: random.Random) -> str:
    alnum = [i for i, c in enumerate(candidate) if c.isalnum()]
    if len(alnum) < 5:
        return candidate
    for i in alnum[:2]:  # the country stays
        candidate = _set(candidate, i, original[i])
    compact = "".join(candidate[i] for i in alnum).upper()
    check = checksums.iban_check_digits(compact[:2], compact[4:])
    candidate = _set(candidate, alnum[2], check[0])
    return _set(candidate, alnum[3], check[1])


def _fix_vin(candidate: str, original: str, rng: random.Random) -> str:
    chars = [rng.choice(CLEAR_UPPER) if c in "IOQ" else c for c in candidate.upper()]
    check = checksums.vin_check_digit("".join(chars))
    if check is not None:
        chars[8] = check
    text = "".join(chars)
    return text if original.isupper() or not original.isalpha() else text.lower()


def _fix_dea(candidate: str, original: str, rng: random.Random) -> str:
    chars = list(candidate)
    chars[0] = rng.choice(sorted(checksums.DEA_REGISTRANT_TYPES))
    chars[8] = checksums.dea_check_digit("".join(chars[2:8]))
    return "".join(chars)


def _fix_aba(candidate: str, original: str, rng: random.Random) -> str:
    positions = _digit_positions(candidate)
    digits = [int(candidate[i]) for i in positions]
    digits[0], digits[1] = 0, rng.randrange(1, 10)  # Federal Reserve prefixes 01-09
    weights = (3, 7, 1) * 3
    digits[8] = (-sum(d * w for d, w in zip(digits[:8], weights, strict=False))) % 10
    for i, d in zip(positions, digits, strict=True):
        candidate = _set(candidate, i, str(d))
    return candidate


def _fix_itin(candidate: str, original: str, rng: random.Random) -> str:
    positions = _digit_positions(candidate)
    candidate = _set(candidate, positions[0], "9")
    group = f"{rng.choice(ITIN_GROUPS):02d}"
    candidate = _set(candidate, positions[3], group[0])
    return _set(candidate, positions[4], group[1])


@dataclass(frozen=True)
class Check:
    """A validity rule an identifier may pass, and how to make a random candidate pass it."""

    name: str
    valid: Callable[[str], bool]
    fix: Callable[[str, str, random.Random], str] | None = None


CHECKS: tuple[Check, ...] = (
    Check("card", checksums.credit_card_valid, _fix_card),
    Check("npi", checksums.npi_valid, _fix_npi),
    Check("iban", checksums.iban_valid, _fix_iban),
    Check("vin", checksums.vin_valid, _fix_vin),
    Check("dea", checksums.dea_valid, _fix_dea),
    Check("aba", checksums.aba_routing_valid, _fix_aba),
    Check("itin", checksums.itin_valid, _fix_itin),
    Check("ssn", checksums.ssn_valid),
    Check("luhn", _luhn_shape, _fix_luhn),
)


def checks_passed(value: str) -> tuple[Check, ...]:
    """The checks ``value`` passes (the ones its surrogate must pass too)."""
    return tuple(check for check in CHECKS if check.valid(value))


def identifier(original: str, rng: random.Random, *, hex_digits: bool | None = None) -> str:
    """Same length, separators and character classes; every checksum the original passes."""
    hex_mode = is_hex_shaped(original) if hex_digits is None else hex_digits
    required = checks_passed(original)
    candidate = original
    for _ in range(200):
        candidate = shape_like(original, rng, hex_digits=hex_mode)
        for check in required:
            if check.fix is not None:
                candidate = check.fix(candidate, original, rng)
        if candidate != original and all(check.valid(candidate) for check in required):
            return candidate
    return candidate


# ------------------------------------------------------------------------------------------
# Phone numbers, IP addresses, URLs, e-mail domains
# ------------------------------------------------------------------------------------------


def phone(original: str, rng: random.Random) -> str:
    """The same format. A North American number becomes ``(AAA) 555-01XX`` (fictional, with an
    area code in service); a number written with another country code becomes a valid number
    of that country, of the same kind where the original is valid (a Spanish mobile stays a
    Spanish mobile); an extension gets new digits."""
    marker = re.search(r"(?i)x|ext", original)
    main = original[: marker.start()] if marker else original
    positions = _digit_positions(main)
    extension = [i for i in _digit_positions(original) if marker and i >= marker.start()]
    digits = [original[i] for i in positions]
    out = list(original)
    for i in extension:
        out[i] = str(rng.randrange(10))
    keep = 0
    if main.lstrip().startswith("+"):
        first_group = re.match(r"\s*\+\s*(\d+)", main)
        keep = len(first_group.group(1)) if first_group and len(first_group.group(1)) <= 3 else 2
        country = valid_national_digits(main, rng)
        if country is not None:
            national_at, new_digits = country
            for i, d in zip(positions[national_at:], new_digits, strict=True):
                out[i] = d
            return "".join(out)
    national = digits[keep:]
    if keep == 0 and len(digits) == 11 and digits[0] == "1":
        keep, national = 1, digits[1:]
    if len(national) == 10 and national[0] in "23456789" and (keep == 0 or digits[:keep] == ["1"]):
        new = _nanp_fictional(rng)
    else:
        new = [str(rng.randrange(10)) for _ in national]
        if national and national[0] == "0":
            new[0] = "0"  # trunk prefix (UK 020 ..., DE 030 ...)
        elif new and new[0] == "0":
            new[0] = str(rng.randrange(1, 10))
    for i, d in zip(positions[keep:], new, strict=True):
        out[i] = d
    return "".join(out)


def _nanp_fictional(rng: random.Random, draws: int = 20) -> list[str]:
    """``AAA5550100``-``AAA5550199``: the fictional range, under an area code in service
    (libphonenumber's metadata; the last draw when none of ``draws`` is)."""
    import phonenumbers

    new: list[str] = []
    for _ in range(draws):
        area = [str(rng.randrange(2, 10)), str(rng.randrange(0, 9)), str(rng.randrange(10))]
        if area[1] == area[2] == "1":  # N11 codes are service numbers
            area[2] = "2"
        new = area + list("555") + list("01") + [str(rng.randrange(10)) for _ in range(2)]
        if phonenumbers.is_valid_number(phonenumbers.parse("+1" + "".join(new), None)):
            break
    return new


#: Random national numbers drawn per prefix length before falling back to shape only.
PHONE_DRAWS = 24


def valid_national_digits(original: str, rng: random.Random) -> tuple[int, str] | None:
    """For ``+CC ...`` outside North America: where the national number's digits start among
    the original's digits, and new digits of the same count that make a valid number of the
    same country (and type: mobile, fixed line, when the original is valid). None when the
    number cannot be read so (no such country code, a length that does not match) or no valid
    draw was found; the caller then keeps only the format.

    Draws are random; the first ones keep no digit of the original (not even its area code),
    later ones start from the country's example number's first digits, which is what a
    country with narrow number ranges needs.
    """
    import phonenumbers
    from phonenumbers import PhoneNumberType

    try:
        parsed = phonenumbers.parse(original, None)
    except phonenumbers.NumberParseException:
        return None
    cc = parsed.country_code
    if cc == 1:
        return None  # North America: the fictional 555-01XX range instead
    region = phonenumbers.region_code_for_number(parsed) or \
        phonenumbers.region_code_for_country_code(cc)
    nsn = phonenumbers.national_significant_number(parsed)
    written = re.split(r"(?i)x|ext", original, maxsplit=1)[0]
    digits = [c for c in written if c.isascii() and c.isdigit()]
    cc_len = len(str(cc))
    national = "".join(digits[cc_len:])
    if national == nsn:
        at = cc_len
    elif national == "0" + nsn:  # "+44 (0)20 ...": the trunk zero stays
        at = cc_len + 1
    else:
        return None
    kinds = ({phonenumbers.number_type(parsed)} if phonenumbers.is_valid_number(parsed) else
             {PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE,
              PhoneNumberType.FIXED_LINE_OR_MOBILE})
    kind = next(iter(kinds)) if len(kinds) == 1 else PhoneNumberType.MOBILE
    example = phonenumbers.example_number_for_type(region, kind)
    seed = phonenumbers.national_significant_number(example) if example is not None else ""
    for prefix in range(4):
        if prefix and len(seed) != len(nsn):
            break
        for _ in range(PHONE_DRAWS):
            candidate = seed[:prefix] + "".join(str(rng.randrange(10))
                                                for _ in range(len(nsn) - prefix))
            if candidate == nsn:
                continue
            try:
                number = phonenumbers.parse(f"+{cc}{candidate}", None)
            except phonenumbers.NumberParseException:
                continue
            if (phonenumbers.is_valid_number_for_region(number, region)
                    and phonenumbers.number_type(number) in kinds
                    and phonenumbers.national_significant_number(number) == candidate):
                return at, candidate
    return None


def ip_address(original: str, rng: random.Random, attempt: int = 0) -> str:
    """An address from the documentation ranges (private 10/8 once those are used up)."""
    try:
        parsed = ipaddress.ip_address(original.strip())
    except ValueError:
        return identifier(original, rng, hex_digits=":" in original)
    if parsed.version == 4:
        if attempt < 20:
            return doc_ipv4(rng)
        return f"10.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"
    groups = ":".join(f"{rng.randrange(1, 0x10000):x}" for _ in range(4))
    text = f"2001:db8:{groups}::{rng.randrange(1, 0x10000):x}"
    return text.upper() if _upper_hex(original) else text


FAKE_DOMAINS = EXAMPLE_DOMAINS


def url(original: str, word: str, rng: random.Random) -> str:
    """``https://<word>.example.com/`` with the original's scheme; the path is not kept."""
    scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]*)://", original)
    prefix = f"{scheme.group(1)}://" if scheme else ("www." if original.lower().startswith(
        "www.") else "")
    tail = "/" if re.search(r"\w/", original) or original.endswith("/") else ""
    return f"{prefix}{word}.{rng.choice(FAKE_DOMAINS)}{tail}"
