"""Pure validity checks for numbers that carry a checksum or a known structure.

Every function takes the matched text (separators allowed where the number is usually written
with them), never raises on bad input, and answers ``True`` only for a number that could have been
issued. Pattern recognizers use them to turn a shape match into a confident one.

The rules follow the issuers' published specifications; where presidio-analyzer had the same
check, the behaviour matches it except where noted (presidio's IBAN table has wrong lengths for
MU, PS, PT and QA, and its card regex misses 2-series Mastercard numbers).
"""

from __future__ import annotations

import re
from types import MappingProxyType

_SEPARATORS = re.compile(r"[ \-.]")


def _digits_only(text: str, separators: str = " -") -> str | None:
    """``text`` without the given separators, or None when anything else but digits is left."""
    compact = "".join(c for c in text if c not in separators)
    return compact if compact.isascii() and compact.isdigit() else None


def _one_kind_of_separator(text: str) -> bool:
    """True when ``text`` uses at most one kind of separator (not ``123-45 6789``)."""
    return len(set(_SEPARATORS.findall(text))) <= 1


# --------------------------------------------------------------------------------------------
# Luhn family
# --------------------------------------------------------------------------------------------


def luhn(digits: str) -> bool:
    """Luhn (mod 10) check over a string of ASCII digits, the last one being the check digit.

    >>> luhn("79927398713")
    True
    """
    if len(digits) < 2 or not (digits.isascii() and digits.isdigit()):
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def luhn_check_digit(body: str) -> str:
    """The digit that, appended to ``body`` (ASCII digits), makes it pass :func:`luhn`."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = ord(ch) - 48
        if i % 2 == 0:  # these digits double once the check digit is appended
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str(-total % 10)


#: Issuer identification ranges: (first, last, prefix length, allowed lengths). A card number is
#: accepted when its leading ``prefix length`` digits fall in [first, last] for some row.
CARD_RANGES: tuple[tuple[int, int, int, frozenset[int]], ...] = (
    (4, 4, 1, frozenset({13, 16, 19})),  # Visa
    (51, 55, 2, frozenset({16})),  # Mastercard
    (2221, 2720, 4, frozenset({16})),  # Mastercard 2-series (since 2017)
    (34, 34, 2, frozenset({15})),  # American Express
    (37, 37, 2, frozenset({15})),  # American Express
    (6011, 6011, 4, frozenset(range(16, 20))),  # Discover
    (644, 649, 3, frozenset(range(16, 20))),  # Discover
    (65, 65, 2, frozenset(range(16, 20))),  # Discover
    (62, 62, 2, frozenset(range(16, 20))),  # UnionPay (incl. Discover co-branded 622126-622925)
    (3528, 3589, 4, frozenset(range(16, 20))),  # JCB
    (300, 305, 3, frozenset(range(14, 20))),  # Diners Club International
    (3095, 3095, 4, frozenset(range(14, 20))),  # Diners Club International
    (36, 36, 2, frozenset(range(14, 20))),  # Diners Club International
    (38, 39, 2, frozenset(range(14, 20))),  # Diners Club International
    (2200, 2204, 4, frozenset(range(16, 20))),  # Mir
    (5018, 5018, 4, frozenset(range(12, 20))),  # Maestro (12 to 19 digits)
    (5020, 5020, 4, frozenset(range(12, 20))),  # Maestro
    (5038, 5038, 4, frozenset(range(12, 20))),  # Maestro
    (5893, 5893, 4, frozenset(range(12, 20))),  # Maestro
    (6304, 6304, 4, frozenset(range(12, 20))),  # Maestro
    (6759, 6759, 4, frozenset(range(12, 20))),  # Maestro UK
    (6761, 6763, 4, frozenset(range(12, 20))),  # Maestro
    (1800, 1800, 4, frozenset({15})),  # JCB, 15 digits (older range)
    (2131, 2131, 4, frozenset({15})),  # JCB, 15 digits (older range)
)


def card_issuer_known(digits: str) -> bool:
    """True when ``digits`` starts with a known issuer range and has a length that issuer uses."""
    n = len(digits)
    return any(
        n in lengths and lo <= int(digits[:plen]) <= hi
        for lo, hi, plen, lengths in CARD_RANGES
        if n >= plen
    )


def _card_digits(text: str) -> str | None:
    """The digits of a card number's shape, 12-19 of them (spaces or dashes, one kind), not
    all one digit; None for any other text."""
    if not _one_kind_of_separator(text):
        return None
    digits = _digits_only(text)
    if digits is None or not 12 <= len(digits) <= 19 or len(set(digits)) == 1:
        return None
    return digits


def credit_card_valid(text: str) -> bool:
    """A payment card number: 12-19 digits (spaces or dashes, one kind), known issuer and a
    length it issues (12 only for Maestro), Luhn."""
    digits = _card_digits(text)
    return digits is not None and card_issuer_known(digits) and luhn(digits)


def card_luhn_valid(text: str) -> bool:
    """12-19 digits (spaces or dashes, one kind) that pass Luhn, whatever the issuer: a card
    number where the text names a card ("card # 3515 0295 2920 7426")."""
    digits = _card_digits(text)
    return digits is not None and luhn(digits)


def npi_valid(text: str) -> bool:
    """US National Provider Identifier: 10 digits starting 1 or 2, Luhn over ``80840`` + NPI.

    Degenerate numbers whose first nine digits are all the same are rejected (as presidio does).
    """
    digits = _digits_only(text)
    if digits is None or len(digits) != 10 or digits[0] not in "12":
        return False
    if len(set(digits[:9])) == 1:
        return False
    return luhn("80840" + digits)


# --------------------------------------------------------------------------------------------
# IBAN (ISO 13616, ISO 7064 MOD 97-10)
# --------------------------------------------------------------------------------------------

#: IBAN length per country code, from the SWIFT IBAN registry.
IBAN_LENGTHS: MappingProxyType[str, int] = MappingProxyType(
    {
        "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22,
        "BH": 22, "BI": 27, "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24,
        "DE": 22, "DJ": 27, "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18,
        "FK": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27,
        "GT": 28, "HN": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26,
        "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20,
        "LU": 20, "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MN": 20,
        "MR": 27, "MT": 31, "MU": 30, "NI": 28, "NL": 18, "NO": 15, "OM": 23, "PK": 24,
        "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "RU": 33, "SA": 24,
        "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25,
        "SV": 28, "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
        "YE": 30,
    }
)  # fmt: skip


def iban_check_digits(country: str, bban: str) -> str:
    """The two check digits of the IBAN ``country + ?? + bban`` (ISO 13616 mod-97)."""
    rearranged = (bban + country + "00").upper()
    return f"{98 - int(''.join(str(int(c, 36)) for c in rearranged)) % 97:02d}"


def iban_valid(text: str) -> bool:
    """An IBAN, compact or in groups of four: known country, its exact length, mod-97 == 1."""
    compact = text.replace(" ", "").replace("-", "").upper()
    if not compact.isascii() or not compact.isalnum():
        return False
    if IBAN_LENGTHS.get(compact[:2]) != len(compact) or not compact[2:4].isdigit():
        return False
    if not compact[:2].isalpha() or compact[2:4] in ("00", "01", "99"):
        return False
    rearranged = compact[4:] + compact[:4]
    number = "".join(str(int(c, 36)) for c in rearranged)
    return int(number) % 97 == 1


# --------------------------------------------------------------------------------------------
# Vehicle identification number (ISO 3779, North American check digit)
# --------------------------------------------------------------------------------------------

_VIN_VALUES: MappingProxyType[str, int] = MappingProxyType(
    {
        **{str(d): d for d in range(10)},
        **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
        **dict(zip("JKLMN", range(1, 6), strict=True)),
        "P": 7,
        "R": 9,
        **dict(zip("STUVWXYZ", range(2, 10), strict=True)),
    }
)
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def vin_check_digit(vin: str) -> str | None:
    """The check character (``0``-``9`` or ``X``) a 17-character VIN should carry at position 9."""
    if len(vin) != 17 or any(c not in _VIN_VALUES for c in vin):
        return None
    total = sum(_VIN_VALUES[c] * w for c, w in zip(vin, _VIN_WEIGHTS, strict=True))
    rest = total % 11
    return "X" if rest == 10 else str(rest)


def vin_valid(text: str) -> bool:
    """A 17-character VIN without I, O or Q whose 9th character is the right check digit.

    VINs from outside North America need not carry a check digit; they fail here on purpose, so
    that a bare 17-character token is only reported when it proves to be a VIN.
    """
    vin = text.upper()
    check = vin_check_digit(vin)
    return check is not None and vin[8] == check


# --------------------------------------------------------------------------------------------
# DEA registration number, ABA routing number
# --------------------------------------------------------------------------------------------

#: First letter of a DEA number: the registrant type.
DEA_REGISTRANT_TYPES = frozenset("ABCDEFGHJKLMPRSTUX")


def dea_valid(text: str) -> bool:
    """A DEA number: registrant letter, last-name initial (or ``9``), six digits, check digit.

    The check digit is the last digit of (d1 + d3 + d5) + 2 * (d2 + d4 + d6).
    """
    dea = text.upper()
    if len(dea) != 9 or not dea.isascii() or dea[0] not in DEA_REGISTRANT_TYPES:
        return False
    if not (dea[1].isalpha() or dea[1] == "9") or not dea[2:].isdigit():
        return False
    return dea_check_digit(dea[2:8]) == dea[8]


def dea_check_digit(six: str) -> str:
    """The DEA check digit of six digits: last digit of (d1 + d3 + d5) + 2 * (d2 + d4 + d6)."""
    d = [int(c) for c in six]
    return str((d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10)


def aba_routing_valid(text: str) -> bool:
    """A US ABA routing number: 9 digits, Federal Reserve prefix, 3-7-1 weighted sum mod 10."""
    digits = _digits_only(text, "-")
    if digits is None or len(digits) != 9 or digits == "000000000":
        return False
    prefix = int(digits[:2])
    if not (prefix <= 12 or 21 <= prefix <= 32 or 61 <= prefix <= 72 or prefix == 80):
        return False
    weights = (3, 7, 1) * 3
    return sum(int(c) * w for c, w in zip(digits, weights, strict=True)) % 10 == 0


# --------------------------------------------------------------------------------------------
# US SSN and ITIN (no checksum: structural rules of the issuer)
# --------------------------------------------------------------------------------------------

#: Numbers published as examples (Woolworth wallet card, SSA pamphlet, advertising) that never
#: identify a person.
SSN_SAMPLES = frozenset({"078051120", "219099999", "123456789", "987654320"})


def _nine_digits(text: str) -> str | None:
    if not _one_kind_of_separator(text):
        return None
    digits = _digits_only(text, " -.")
    return digits if digits is not None and len(digits) == 9 else None


def ssn_valid(text: str) -> bool:
    """A US SSN that could have been issued.

    Presidio's invalidation rules (one kind of separator, not all one digit, group not ``00``,
    serial not ``0000``, area not ``000``/``666``, not a published sample) plus the SSA's own:
    areas ``900``-``999`` are never issued as SSNs (that range is the ITIN's).
    """
    digits = _nine_digits(text)
    # Published samples (SSN_SAMPLES) are not rejected: redacting them costs nothing, and a
    # tool that fails closed does not bet that a number in real data is only an example.
    if digits is None or len(set(digits)) == 1:
        return False
    area, group, serial = digits[:3], digits[3:5], digits[5:]
    return area not in ("000", "666") and area[0] != "9" and group != "00" and serial != "0000"


def itin_valid(text: str) -> bool:
    """A US ITIN: ``9XX-GG-SSSS`` with group GG in 50-65, 70-88, 90-92 or 94-99 (IRS ranges)."""
    digits = _nine_digits(text)
    if digits is None or digits[0] != "9":
        return False
    group = int(digits[3:5])
    return 50 <= group <= 65 or 70 <= group <= 88 or 90 <= group <= 92 or 94 <= group <= 99


# --------------------------------------------------------------------------------------------
# National numbers of other countries (GDPR data: ID numbers of the people in it)
# --------------------------------------------------------------------------------------------

#: UK National Insurance number prefixes never issued (HMRC NIM39110).
_NINO_BAD_PREFIXES = frozenset({"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})
_NINO = re.compile(r"[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]")


def uk_nino_valid(text: str) -> bool:
    """A UK National Insurance number (``AB 12 34 56 C``): HMRC's letter rules (no D, F, I, Q,
    U, V; no O second; seven never-issued prefixes; suffix A-D), and its example prefix QQ."""
    compact = "".join(text.split()).upper()
    if compact[:2] == "QQ":  # HMRC's own example prefix: redacting it costs nothing
        compact = "AB" + compact[2:]
    return bool(_NINO.fullmatch(compact)) and compact[:2] not in _NINO_BAD_PREFIXES


def uk_nhs_valid(text: str) -> bool:
    """A UK NHS number: ten digits whose last is the modulus-11 check of the first nine."""
    digits = _digits_only(text, " -")
    if digits is None or len(digits) != 10 or len(set(digits)) == 1:
        return False
    check = 11 - sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True)) % 11
    return check != 10 and (check % 11) == int(digits[9])


def _nir_number(body: str) -> str:
    """A NIR body with Corsica's departments ``2A``/``2B`` as the digits the key uses."""
    return body[:5] + body[5:7].upper().replace("2A", "19").replace("2B", "18") + body[7:]


def fr_nir_valid(text: str) -> bool:
    """A French social security number (NIR, *numéro de sécurité sociale*): sex 1/2 (or 7/8),
    year, month 01-12 or 20-99, department (``2A``/``2B`` for Corsica), commune, order, and
    the key ``97 - (number mod 97)``."""
    compact = "".join(c for c in text if c not in " .-").upper()
    if len(compact) != 15 or compact[0] not in "1278":
        return False
    body, key = compact[:13], compact[13:]
    number = _nir_number(body)
    if not (number.isdigit() and key.isdigit()):
        return False
    month = int(number[3:5])
    if not (1 <= month <= 12 or 20 <= month <= 99):
        return False
    return fr_nir_key(body) == key


def fr_nir_key(body: str) -> str:
    """The two-digit key of a 13-character NIR body (``2A``/``2B`` allowed)."""
    return f"{97 - int(_nir_number(body)) % 97:02d}"


def au_tfn_valid(text: str) -> bool:
    """An Australian tax file number: 9 digits (or 8, older) with the ATO weighted mod-11 check."""
    digits = _digits_only(text, " -")
    if digits is None or len(set(digits)) == 1:
        return False
    weights = {9: (1, 4, 3, 7, 5, 8, 6, 9, 10), 8: (10, 7, 8, 4, 6, 3, 5, 1)}.get(len(digits))
    if weights is None:
        return False
    return sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11 == 0


def br_cpf_valid(text: str) -> bool:
    """A Brazilian CPF (``123.456.789-09``): two mod-11 check digits, not one digit repeated."""
    digits = _digits_only(text, ".- ")
    if digits is None or len(digits) != 11 or len(set(digits)) == 1:
        return False
    for n in (9, 10):
        total = sum(int(d) * w for d, w in zip(digits[:n], range(n + 1, 1, -1), strict=True))
        if (total * 10 % 11) % 10 != int(digits[n]):
            return False
    return True
