"""Consistent surrogates: the same value gets the same fake value for the same key.

All state (the key, the surrogate cache, the set of surrogates already handed out) lives in one
:class:`PseudonymContext`, passed explicitly. Each surrogate is drawn from a Faker instance
reseeded from HMAC(key, label, normalised value), never from a global seed, so it does not
depend on what ran before; a surrogate already given to another value is re-drawn.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from faker import Faker

from redactor.detect.checksums import luhn as luhn_valid
from redactor.keys import SecretKey

Generator = Callable[[Faker, str], str]


def normalise(value: str) -> str:
    """The form under which two mentions count as the same value (case, spacing, accents)."""
    text = unicodedata.normalize("NFKC", value).casefold()
    return re.sub(r"\s+", " ", text).strip()


def shape_like(original: str, rng: random.Random) -> str:
    """A random string with the same length and character classes as ``original``."""
    out = []
    for ch in original:
        if ch.isdigit():
            out.append(str(rng.randrange(10)))
        elif ch.isalpha() and ch.isascii():
            letter = chr(rng.randrange(26) + ord("a"))
            out.append(letter.upper() if ch.isupper() else letter)
        else:
            out.append(ch)
    return "".join(out)


def _with_luhn(original: str, rng: random.Random) -> str:
    candidate = shape_like(original, rng)
    digits = [i for i, ch in enumerate(candidate) if ch.isdigit()]
    if not digits or not luhn_valid(re.sub(r"\D", "", original)):
        return candidate
    chars = list(candidate)
    for d in range(10):
        chars[digits[-1]] = str(d)
        if luhn_valid("".join(c for c in chars if c.isdigit())):
            break
    return "".join(chars)


def _email(fake: Faker, original: str) -> str:
    return f"{fake.user_name()}@example.{fake.random_element(('com', 'org', 'net'))}"


def _phone(fake: Faker, original: str) -> str:
    rng = random.Random(fake.random.random())
    # Keep the format; use the 555-01xx fictional range shape for North American numbers.
    return shape_like(original, rng)


_GENERATORS: dict[str, Generator] = {
    "PERSON": lambda fake, _o: fake.name(),
    "LOCATION": lambda fake, _o: fake.city(),
    "STREET_ADDRESS": lambda fake, _o: fake.street_address(),
    "ORGANIZATION": lambda fake, _o: fake.company(),
    "EMAIL_ADDRESS": _email,
    "PHONE_NUMBER": _phone,
    "FAX_NUMBER": _phone,
    "URL": lambda fake, _o: f"https://{fake.domain_word()}.example.com/",
    "DATE": lambda fake, _o: fake.date(pattern="%m/%d/%Y"),
    "NRP": lambda fake, _o: "[NRP]",
    "CREDIT_CARD": lambda fake, original: _with_luhn(original, random.Random(fake.random.random())),
}


def _fallback(fake: Faker, original: str) -> str:
    return shape_like(original, random.Random(fake.random.random()))


def match_case(surrogate: str, original: str) -> str:
    """ALL CAPS stays ALL CAPS, all lower stays lower."""
    letters = [c for c in original if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) > 1:
        return surrogate.upper()
    if letters and all(c.islower() for c in letters):
        return surrogate.lower()
    return surrogate


@dataclass
class PseudonymContext:
    """The key, the surrogate cache and the surrogates already in use, for one run."""

    key: SecretKey
    locale: str = "en_US"
    _faker: Faker = field(init=False, repr=False)
    _cache: dict[tuple[str, str], str] = field(default_factory=dict, init=False, repr=False)
    _used: dict[tuple[str, str], str] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        self._faker = Faker(self.locale)

    def surrogate(self, label: str, value: str) -> str:
        """The surrogate for ``value`` of type ``label``; the same for the same key and value."""
        norm = normalise(value)
        cached = self._cache.get((label, norm))
        if cached is None:
            generate = _GENERATORS.get(label, _fallback)
            for attempt in range(100):
                seed = self.key.digest("pseudonym", label, norm, str(attempt))
                self._faker.seed_instance(int.from_bytes(seed[:8], "big"))
                cached = generate(self._faker, value)
                owner = self._used.get((label, normalise(cached)))
                if normalise(cached) != norm and owner in (None, norm):
                    break
            self._cache[(label, norm)] = cached
            self._used[(label, normalise(cached))] = norm
        return match_case(cached, value)
