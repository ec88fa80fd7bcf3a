"""Consistent surrogates: the same value gets the same fake value for the same key.

All state (the key, the surrogate cache, the surrogates already handed out) lives in one
:class:`PseudonymContext`, passed explicitly. Every surrogate is drawn from a local random
generator (or a local Faker instance) seeded from HMAC(key, kind, normalised value, attempt),
never from a global seed, so it depends only on the key and the value, not on what ran
before. A surrogate already given to another value in this context is re-drawn with the next
attempt number, so two different values never share a surrogate.

That makes a surrogate the same across files and runs for one key, with one exception the
audit can count (:attr:`PseudonymContext.redrawn`): a value whose first draw another value
already held in that run. Names come from small pools, so this happens more for names than
for identifiers.

Person names are pseudonymised by *parts*: a family name always maps to the same surrogate
family name and a given name to the same surrogate given name (female for female, male for
male, where the name lists tell), so ``Maria Gonzalez``, ``Ms. Gonzalez``, ``GONZALEZ, MARIA``
and ``M. Gonzalez`` become ``Lucía Fernández``, ``Ms. Fernández``, ``FERNÁNDEZ, LUCÍA`` and
``L. Fernández``.
"""

from __future__ import annotations

import random
import re
import string
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from faker import Faker

from redactor.transform.dates import parse_date
from redactor.transform.keys import SecretKey
from redactor.transform.person_names import (
    DocumentNames,
    ParsedName,
    Pool,
    gender_of,
    is_latin,
    language_of,
    locale_names,
    match_locale,
    name_key,
    parse_name,
)
from redactor.transform.surrogates import (
    identifier,
    ip_address,
    is_hex_shaped,
    phone,
    shape_like,
    url,
)

__all__ = ["PseudonymContext", "match_case", "normalise", "shape_like"]

MAX_ATTEMPTS = 400


def normalise(value: str) -> str:
    """The form under which two mentions count as the same value (case, spacing, accents)."""
    text = unicodedata.normalize("NFKC", value).casefold()
    return re.sub(r"\s+", " ", text).strip()


def match_case(surrogate: str, original: str) -> str:
    """ALL CAPS stays ALL CAPS, all lower stays lower."""
    letters = [c for c in original if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) > 1:
        return surrogate.upper()
    if letters and all(c.islower() for c in letters):
        return surrogate.lower()
    return surrogate


def _word_case(surrogate: str, original: str) -> str:
    """Case of one name word: ``GONZALEZ`` -> upper, ``gonzalez`` -> lower, else as drawn."""
    if len(original) > 1 and original.isupper():
        return surrogate.upper()
    if original.islower():
        return surrogate.lower()
    return surrogate


def _draw(pool: Pool, rng: random.Random) -> str:
    if pool.weights is not None:
        return rng.choices(pool.names, weights=pool.weights)[0]
    return pool.names[rng.randrange(len(pool.names))]


@dataclass
class PseudonymContext:
    """The key, the surrogate caches and the surrogates already in use, for one run.

    ``locale`` is the default Faker locale for surrogates; ``today`` is the run's date (ages
    for Safe Harbor are counted to it unless a rule names a reference date).
    """

    key: SecretKey
    locale: str = "en_US"
    today: date = field(default_factory=date.today)
    redrawn: set[tuple[str, str]] = field(default_factory=set, init=False, repr=False)
    _fakers: dict[str, Faker] = field(default_factory=dict, init=False, repr=False)
    _cache: dict[tuple[str, str, str], str] = field(default_factory=dict, init=False, repr=False)
    _used: dict[tuple[str, str], tuple[str, str]] = field(
        default_factory=dict, init=False, repr=False)
    _parts: dict[tuple[str, str, str, str], str] = field(
        default_factory=dict, init=False, repr=False)
    _used_parts: dict[str, tuple[str, str, str, str]] = field(
        default_factory=dict, init=False, repr=False)
    _initials: dict[str, str] = field(default_factory=dict, init=False, repr=False)

    # ------------------------------------------------------------------ seeds
    def seed(self, *parts: str) -> int:
        """A 64-bit seed from HMAC(key, parts): the only source of randomness for surrogates."""
        return int.from_bytes(self.key.digest("pseudonym", *parts)[:8], "big")

    def rng(self, *parts: str) -> random.Random:
        """A local random generator seeded from the key and ``parts``."""
        return random.Random(self.seed(*parts))

    def faker(self, locale: str, *parts: str) -> Faker:
        """This context's Faker for ``locale``, reseeded from the key and ``parts``."""
        fake = self._fakers.get(locale)
        if fake is None:
            fake = self._fakers[locale] = Faker(locale)
        fake.seed_instance(self.seed(*parts))
        return fake

    # ------------------------------------------------------------------ dates
    def date_offset(self, subject: str, max_days: int) -> int:
        """Days to shift every date of ``subject``: keyed, in [-max_days, max_days], never 0."""
        value = self.seed("date_shift", subject) % (2 * max_days)
        return value - max_days if value < max_days else value - max_days + 1

    # ------------------------------------------------------------------ surrogates
    def surrogate(
        self,
        label: str,
        value: str,
        *,
        locale: str | None = None,
        names: DocumentNames | None = None,
    ) -> str:
        """The surrogate for ``value`` of type ``label``; the same for the same key and value.

        ``locale`` (default: the context's) may be ``match`` for person names; ``names`` holds
        the document's other person mentions, so initials and partial names resolve to them.
        """
        locale = locale or self.locale
        if label == "PERSON":
            return self.person(value, locale=locale, names=names)
        norm = normalise(value)
        cache_key = (label, locale, norm)
        cached = self._cache.get(cache_key)
        if cached is None:
            generate = _GENERATORS.get(label, _identifier)
            for attempt in range(MAX_ATTEMPTS):
                candidate = generate(self, locale, value, attempt)
                owner = self._used.get((label, normalise(candidate)))
                if normalise(candidate) != norm and owner in (None, (locale, norm)):
                    break
            if attempt:
                self.redrawn.add((label, norm))
            cached = candidate
            self._cache[cache_key] = cached
            self._used[(label, normalise(cached))] = (locale, norm)
        if label == "EMAIL_ADDRESS" and names is not None and _local_names(cached) & names.words:
            cached = self._email_avoiding(locale, value, frozenset(names.words))
        return match_case(cached, value)

    def _email_avoiding(self, locale: str, value: str, avoid: frozenset[str]) -> str:
        """An e-mail surrogate for this document only, whose local part names none of its
        real people (see :meth:`name_part`); it claims nothing, like a name drawn so."""
        norm = normalise(value)
        candidate = value
        for attempt in range(MAX_ATTEMPTS):
            candidate = _email(self, locale, value, attempt, avoid=avoid)
            owner = self._used.get(("EMAIL_ADDRESS", normalise(candidate)))
            if normalise(candidate) != norm and owner in (None, (locale, norm)) and not (
                    _local_names(candidate) & avoid):
                break
        return candidate

    # ------------------------------------------------------------------ person names
    def person(self, value: str, *, locale: str = "en_US", names: DocumentNames | None = None
               ) -> str:
        """A surrogate person name written in the original's shape (see the module doc)."""
        parsed = (names or DocumentNames()).reinterpret(parse_name(value))
        roles = {p.role for p in parsed.parts}
        if "handle" in roles:
            return self._handle(value)
        if not roles & {"given", "family", "initial"}:
            return match_case(self.surrogate("ID_NUMBER", value), value)
        script = "latin" if is_latin(value) else "native"
        loc = self._person_locale(parsed, locale, names, script)
        avoid = frozenset(names.words) if names is not None else frozenset()
        out = [parsed.lead]
        for part in parsed.parts:
            if part.role == "particle":
                continue  # "de la" belongs to the original family name
            if part.role in ("given", "family"):
                new = self.name_part(part.role, part.key, loc, script, avoid=avoid)
                text = _word_case(new, part.text)
            elif part.role == "initial":
                text = self._initials_of(part.text, parsed, names, loc, script)
            else:
                text = part.text  # titles and suffixes stay
            out.append(text + part.sep)
        return "".join(out)

    def _person_locale(self, parsed: ParsedName, locale: str, names: DocumentNames | None,
                       script: str) -> str:
        if locale != "match":
            return locale if (locale, script) in locale_names() else self.locale
        given, family = (names or DocumentNames()).context_for(parsed)
        return match_locale(given, family, script, default=self.locale)

    def name_part(self, kind: str, key: str, locale: str, script: str,
                  avoid: frozenset[str] = frozenset()) -> str:
        """The surrogate for one given (``kind="given"``) or family name, by its key.

        Given names keep their gender where the name lists tell it. Draws come from the
        locale's list, then (when it is used up) from its language, then from every locale.
        ``avoid`` holds the real names of the document (keys): when the usual surrogate is one
        of them ("Souza" -> "Gonzalez" in Maria Gonzalez's note), this document gets the next
        draw that is none of them, so a surrogate never names a real person beside it.
        """
        cache_key = (kind, locale, script, key)
        cached = self._parts.get(cache_key)
        if cached is None:
            cached = self._draw_part(kind, key, locale, script, cache_key, frozenset())
            self._parts[cache_key] = cached
        if name_key(cached) in avoid:
            return self._draw_part(kind, key, locale, script, cache_key, avoid)
        return cached

    def _draw_part(self, kind: str, key: str, locale: str, script: str,
                   cache_key: tuple[str, str, str, str], avoid: frozenset[str]) -> str:
        """The first keyed draw for ``key`` that is not ``key``, not in ``avoid`` and not
        another value's surrogate. The usual draw (no ``avoid``) becomes ``key``'s, so no other
        value draws it; a draw for one document does not, so it changes no other draw (which
        must not depend on which documents a process saw: workers keep their own contexts)."""
        gender = gender_of(key) if kind == "given" else None
        candidate = ""
        for attempt in range(MAX_ATTEMPTS):
            rng = self.rng("name", kind, locale, script, key, str(attempt))
            candidate = self._draw_name(kind, gender, locale, script, attempt, rng)
            norm = name_key(candidate)
            owner = self._used_parts.get(norm)
            if norm != key and norm not in avoid and owner in (None, cache_key):
                break
        if not avoid:
            if attempt:
                self.redrawn.add((f"PERSON:{kind}", key))
            self._used_parts[name_key(candidate)] = cache_key
        return candidate

    def _draw_name(self, kind: str, gender: str | None, locale: str, script: str, attempt: int,
                   rng: random.Random) -> str:
        pools = locale_names()
        if attempt < 24:
            chosen = [pools.get((locale, script)) or pools[("en_US", "latin")]]
        elif attempt < 64:
            chosen = [p for (loc, s), p in pools.items()
                      if s == script and language_of(loc) == language_of(locale)]
        else:
            chosen = [p for (_loc, s), p in sorted(pools.items()) if s == script]
        names = chosen[rng.randrange(len(chosen))] if chosen else pools[("en_US", "latin")]
        if kind == "family":
            pool = names.family
        else:
            gendered = names.female if gender == "female" else names.male if gender else None
            pool = gendered if gendered is not None and len(gendered) else names.given
        drawn = _draw(pool, rng)
        if attempt >= 200:  # every list used up: a double name
            drawn = f"{drawn}-{_draw(pool, rng)}"
        return drawn

    def _initials_of(self, text: str, parsed: ParsedName, names: DocumentNames | None,
                     locale: str, script: str) -> str:
        """``M.`` -> the initial of the surrogate of the document's one ``M...`` with this
        family name; else a keyed permutation of the alphabet (one letter always maps to one
        letter)."""
        letters = [c for c in text if c.isalpha()]
        out = []
        for index, letter in enumerate(letters):
            given = (names or DocumentNames()).given_for_initial(parsed.family, letter) \
                if index == 0 else None
            if given is not None:
                new = self.name_part("given", given, locale, script)[:1]
            else:
                new = self.initial(letter)
            out.append(new.upper() if letter.isupper() else new.lower())
        result, i = [], 0
        for c in text:
            if c.isalpha():
                result.append(out[i])
                i += 1
            else:
                result.append(c)
        return "".join(result)

    def initial(self, letter: str) -> str:
        """A keyed permutation of A-Z: one initial always maps to one other initial."""
        if not self._initials:
            alphabet = list(string.ascii_uppercase)
            shuffled = alphabet[:]
            self.rng("initials").shuffle(shuffled)
            self._initials = dict(zip(alphabet, shuffled, strict=True))
        new = self._initials.get(name_key(letter).upper()[:1], letter)
        return new.lower() if letter.islower() else new

    def _handle(self, value: str) -> str:
        """User names and handles (``@nadia48``, ``vkrishnamurthy4``, ``TD/kl``)."""
        if "/" in value or ":" in value:
            return self.surrogate("ID_NUMBER", value)
        return self.surrogate("USER_NAME", value)


# ------------------------------------------------------------------------------------------
# Generators: (context, locale, original, attempt) -> candidate
# ------------------------------------------------------------------------------------------

Generator = Callable[[PseudonymContext, str, str, int], str]


def _norm_seed(label: str, original: str, attempt: int) -> tuple[str, str, str]:
    return label, normalise(original), str(attempt)


def _identifier(ctx: PseudonymContext, locale: str, original: str, attempt: int) -> str:
    return identifier(original, ctx.rng(*_norm_seed("id", original, attempt)))


def _mac(ctx: PseudonymContext, locale: str, original: str, attempt: int) -> str:
    rng = ctx.rng(*_norm_seed("mac", original, attempt))
    return identifier(original, rng, hex_digits=is_hex_shaped(original) or ":" in original)


def _phone(ctx: PseudonymContext, locale: str, original: str, attempt: int) -> str:
    return phone(original, ctx.rng(*_norm_seed("phone", original, attempt)))


def _ip(ctx: PseudonymContext, locale: str, original: str, attempt: int) -> str:
    return ip_address(original, ctx.rng(*_norm_seed("ip", original, attempt)), attempt)


FAKE_DOMAINS = ("example.com", "example.org", "example.net")


def _url(ctx: PseudonymContext, locale: str, original: str, attempt: int) -> str:
    fake = ctx.faker("en_US", *_norm_seed("url", original, attempt))
    return url(original, fake.domain_word(), random.Random(fake.random.random()))


def _local_names(email: str) -> set[str]:
    """The words of an e-mail's local part, as name keys (``ana.souza3`` -> ana, souza)."""
    return {name_key(w) for w in re.split(r"[._\-\d]+", email.partition("@")[0]) if w}


def _email(ctx: PseudonymContext, locale: str, original: str, attempt: int,
           avoid: frozenset[str] = frozenset()) -> str:
    """``maria.gonzalez@...`` -> ``lucia.fernandez@example.org`` (the surrogates of the name
    parts, when the local part reads as a name), else a fake user name; always a fake domain.
    """
    local, _, _domain = original.partition("@")
    rng = ctx.rng(*_norm_seed("email", original, attempt))
    domain = rng.choice(FAKE_DOMAINS)
    pieces = re.split(r"([._-])", local)
    words, seps = pieces[0::2], [*pieces[1::2], ""]
    if 2 <= len(words) <= 3 and all(w.isalpha() for w in words) and is_latin(local):
        parsed = parse_name(" ".join(words))
        roles = [p.role for p in parsed.parts]
        if "family" in roles and set(roles) <= {"given", "family", "initial"}:
            given, family = parsed.keys("given"), parsed.keys("family")
            loc = match_locale(given, family, "latin", ctx.locale) if locale == "match" else locale
            mapped = []
            for word, role in zip(words, roles, strict=True):
                if role == "initial":
                    mapped.append(ctx.initial(word))
                else:
                    mapped.append(_ascii(ctx.name_part(role, name_key(word), loc, "latin",
                                                       avoid=avoid)))
            new_local = "".join(m + sep for m, sep in zip(mapped, seps, strict=True))
            new_local = new_local.lower() if local.islower() else new_local
            return f"{new_local}{attempt if attempt else ''}@{domain}"
    fake = ctx.faker(_faker_locale(ctx, locale), *_norm_seed("email-user", original, attempt))
    return f"{fake.user_name()}@{domain}"


def _faker_locale(ctx: PseudonymContext, locale: str) -> str:
    return ctx.locale if locale == "match" else locale


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if c.isascii() and (c.isalnum() or c in "-'")).replace(
        "'", "")


def _faker_text(method: str) -> Generator:
    def generate(ctx: PseudonymContext, locale: str, original: str, attempt: int) -> str:
        fake = ctx.faker(_faker_locale(ctx, locale), *_norm_seed(method, original, attempt))
        return str(getattr(fake, method)())

    return generate


def _user_name(ctx: PseudonymContext, locale: str, original: str, attempt: int) -> str:
    fake = ctx.faker("en_US", *_norm_seed("user", original, attempt))
    name = re.sub(r"[^a-z0-9._]", "", fake.user_name().lower())
    if original.startswith("@"):
        name = "@" + name
    if any(c.isdigit() for c in original) and not any(c.isdigit() for c in name):
        name += str(fake.random_int(1, 99))
    return name


def _date(ctx: PseudonymContext, locale: str, original: str, attempt: int) -> str:
    """Another date in the same format (keyed per value), or the same shape of digits."""
    written = parse_date(original, reference=ctx.today)
    if written is None:
        return _identifier(ctx, locale, original, attempt)
    offset = ctx.date_offset(f"pseudonym:{normalise(original)}:{attempt}", 730)
    return written.shifted(offset)


_GENERATORS: dict[str, Generator] = {
    "LOCATION": _faker_text("city"),
    "STREET_ADDRESS": _faker_text("street_address"),
    "ORGANIZATION": _faker_text("company"),
    "EMAIL_ADDRESS": _email,
    "PHONE_NUMBER": _phone,
    "FAX_NUMBER": _phone,
    "URL": _url,
    "IP_ADDRESS": _ip,
    "MAC_ADDRESS": _mac,
    "DATE": _date,
    "USER_NAME": _user_name,
    "NRP": lambda ctx, locale, original, attempt: f"[NRP{'-' + str(attempt) if attempt else ''}]",
}
