"""Person names for surrogates: read a mention into parts, and the name lists behind them.

A mention such as ``"Ms. Gonzalez"``, ``"GONZALEZ, MARIA"``, ``"M. Gonzalez"`` or ``"Maria de la
Cruz"`` is read into parts (title, given name, initial, particle, family name, suffix) with
the text between them kept, so a surrogate can be written in the original's shape: the same
order, the same case, initials where the original had initials.

The name lists come from Faker's person providers (every installed locale): they tell whether
a given name is female or male, and which locale a name belongs to (``surrogate_locale:
match``), and they are the pools surrogates are drawn from.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from redactor.detect.name_lists import fold

TITLES = frozenset(
    "mr mrs ms mx miss dr prof professor doctor nurse sir dame lady lord rev fr sr sra srta "
    "herr frau mme mlle mister madam madame".split()
)
SUFFIXES = frozenset(
    "jr sr ii iii iv md m.d rn np pa-c phd ph.d dds pharmd msw lcsw fnp cnm dpm esq".split()
)
PARTICLES = frozenset(
    "van von der den de del della da di du le la bin binti ibn al el dos das ten ter y".split()
)
# A letter outside the Latin ranges (word characters minus digits, "_" and Latin letters).
_NON_LATIN_LETTER = re.compile(r"[^\W\d_A-Za-z\u00C0-\u024F\u1E00-\u1EFF\u0300-\u036F]")
_INITIAL_SHAPE = re.compile(r"^(?:[^\W\d_]\.)+$|^[^\W\d_]$")
_HANDLE = re.compile(r"[@\d_/:]")
_TOKEN = re.compile(r"[^\s,]+")

Role = str  # "title", "given", "initial", "particle", "family", "suffix", "handle"


@lru_cache(maxsize=200_000)
def name_key(word: str) -> str:
    """The form under which two spellings are the same name part (case, accents, dots)."""
    return fold(word).casefold().strip(".'’")


def is_latin(text: str) -> bool:
    """True when every letter of ``text`` is a Latin letter (accents allowed)."""
    return _NON_LATIN_LETTER.search(text) is None


@dataclass(frozen=True, slots=True)
class NamePart:
    """One word of a mention: as written, the text after it, and what it is."""

    text: str
    sep: str
    role: Role

    @property
    def key(self) -> str:
        """The part's lookup key (``name_key`` of its text)."""
        return name_key(self.text)


@dataclass(frozen=True, slots=True)
class ParsedName:
    """A mention read into parts; ``lead`` is the text before the first part."""

    lead: str
    parts: tuple[NamePart, ...]
    inverted: bool = False

    def keys(self, role: Role) -> tuple[str, ...]:
        """The keys of the parts with ``role``, in order."""
        return tuple(p.key for p in self.parts if p.role == role)

    @property
    def family(self) -> str | None:
        """The main family-name key (the last family part), if any."""
        family = self.keys("family")
        return family[-1] if family else None

    @property
    def first_given(self) -> str | None:
        """The first given-name key, if any."""
        given = self.keys("given")
        return given[0] if given else None

    @property
    def titles(self) -> tuple[str, ...]:
        """The titles (``ms``, ``dr``), lower case without dots."""
        return self.keys("title")


class _Initials:
    """``M.``, ``J.R.``, ``M``: letters of a cased script (a CJK character is not an initial)."""

    @staticmethod
    def match(word: str) -> bool:
        letters = [c for c in word if c.isalpha()]
        return bool(_INITIAL_SHAPE.match(word)) and all(c.lower() != c.upper() for c in letters)


_INITIAL = _Initials()


def _bare(word: str) -> str:
    return word.lower().rstrip(".")


def parse_name(text: str) -> ParsedName:
    """Read a person mention into parts (see the module docstring)."""
    matches = list(_TOKEN.finditer(text))
    if not matches:
        return ParsedName(text, ())
    lead = text[: matches[0].start()]
    words = [m.group() for m in matches]
    seps = [text[m.end() : (matches[i + 1].start() if i + 1 < len(matches) else len(text))]
            for i, m in enumerate(matches)]
    if len(words) == 1 and _HANDLE.search(words[0]):
        return ParsedName(lead, (NamePart(words[0], seps[0], "handle"),))
    if len(words) == 1 and 2 <= len(words[0]) <= 4 and not is_latin(words[0]) and (
        name_key(words[0][0]) in name_index().family_locales
    ):  # 王伟: a one-character family name, then the given name, without a space
        return ParsedName(lead, (NamePart(words[0][0], "", "family"),
                                 NamePart(words[0][1:], seps[0], "given")))
    roles: list[Role] = [""] * len(words)
    first, last = 0, len(words)
    while first < last - 1 and _bare(words[first]) in TITLES:
        roles[first] = "title"
        first += 1
    while last - 1 > first and (_bare(words[last - 1]) in SUFFIXES or words[last - 1] in (
        "DO", "PA"
    )):
        roles[last - 1] = "suffix"
        last -= 1
    comma_at = next((i for i in range(first, last - 1) if "," in seps[i]), None)
    if comma_at is not None:
        _inverted_roles(words, roles, first, comma_at + 1, last)
        return ParsedName(lead, _parts(words, seps, roles), inverted=True)
    _ordered_roles(words, roles, first, last, has_title=first > 0)
    return ParsedName(lead, _parts(words, seps, roles))


def _parts(
    words: Sequence[str], seps: Sequence[str], roles: Sequence[Role]
) -> tuple[NamePart, ...]:
    return tuple(NamePart(w, s, r) for w, s, r in zip(words, seps, roles, strict=True))


def _inverted_roles(words: Sequence[str], roles: list[Role], first: int, split: int,
                    last: int) -> None:
    """``GONZALEZ, MARIA A.``: family names before the comma, given names after it."""
    for i in range(first, split):
        roles[i] = "particle" if _is_particle(words, i, split) else "family"
    for i in range(split, last):
        roles[i] = "initial" if _INITIAL.match(words[i]) else "given"


def _is_particle(words: Sequence[str], i: int, end: int) -> bool:
    return words[i] in PARTICLES and i < end - 1  # lower-case "de", "van", not a last word


def _ordered_roles(words: Sequence[str], roles: list[Role], first: int, last: int,
                   has_title: bool) -> None:
    """``Maria de la Cruz``, ``M. Gonzalez``, ``Zhang Wei``, ``Gonzalez`` (alone)."""
    core = [i for i in range(first, last) if not _INITIAL.match(words[i])
            and not _is_particle(words, i, last)]
    for i in range(first, last):
        if _INITIAL.match(words[i]):
            roles[i] = "initial"
        elif _is_particle(words, i, last):
            roles[i] = "particle"
    if not core:
        return
    if len(core) == 1:
        (i,) = core
        initials_before = any(roles[j] == "initial" for j in range(first, i))
        lone_given = not has_title and not initials_before and _listed_given(words[i])
        roles[i] = "given" if lone_given else "family"
        return
    head, tail = core[0], core[-1]
    if _family_only(words[head]) and not _listed_family(words[tail]):
        roles[head] = "family"  # family name first: "Zhang Wei", "Nguyen Thi Lan"
        for i in core[1:]:
            roles[i] = "given"
        return
    roles[head] = "given"
    roles[tail] = "family"
    for i in core[1:-1]:  # middle words: a second family name when only listed as one
        roles[i] = "family" if _family_only(words[i]) else "given"


def _listed_given(word: str) -> bool:
    return name_key(word) in name_index().gender


def _listed_family(word: str) -> bool:
    return name_key(word) in name_index().family_locales


def _family_only(word: str) -> bool:
    return _listed_family(word) and not _listed_given(word)


# ------------------------------------------------------------------------------------------
# Name lists per locale
# ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pool:
    """Names to draw from, with optional weights (Faker's frequency weights)."""

    names: tuple[str, ...]
    weights: tuple[float, ...] | None = None

    def __len__(self) -> int:
        return len(self.names)


@dataclass(frozen=True)
class LocaleNames:
    """One locale's name pools, in one script (``latin`` or ``native``)."""

    locale: str
    female: Pool
    male: Pool
    given: Pool
    family: Pool


def _pool(values: Iterable[object], script: str) -> Pool:
    weights: tuple[float, ...] | None = None
    if isinstance(values, dict):
        items = [(str(k), float(v)) for k, v in values.items() if isinstance(k, str)]
    else:
        items = [(v, 1.0) for v in values if isinstance(v, str)]
    keep = [(n, w) for n, w in items if n.strip() and (is_latin(n) == (script == "latin"))]
    seen: dict[str, float] = {}
    for name, weight in keep:
        seen[name] = seen.get(name, 0.0) + weight
    if isinstance(values, dict):
        weights = tuple(seen.values())
    return Pool(tuple(seen), weights)


def _provider_lists(provider: type) -> dict[str, object]:
    out = {}
    for attr in ("first_names_female", "first_names_male", "first_names", "last_names",
                 "first_romanized_names_female", "first_romanized_names_male",
                 "first_romanized_names", "last_romanized_names"):
        value = getattr(provider, attr, None)
        if isinstance(value, (dict, list, tuple)):
            out[attr] = value
    return out


def _merge(*pools: Pool) -> Pool:
    names: dict[str, float] = {}
    weighted = all(p.weights is not None for p in pools if len(p))
    for pool in pools:
        weights = pool.weights or (1.0,) * len(pool)
        total = sum(weights) or 1.0
        for name, weight in zip(pool.names, weights, strict=True):
            names[name] = names.get(name, 0.0) + weight / total
    return Pool(tuple(names), tuple(names.values()) if weighted else None)


@lru_cache(maxsize=1)
def locale_names() -> dict[tuple[str, str], LocaleNames]:
    """(locale, script) -> pools, for every Faker locale with person names."""
    import faker.providers.person as person

    out: dict[tuple[str, str], LocaleNames] = {}
    for module in pkgutil.iter_modules(person.__path__):
        if not module.ispkg:
            continue
        provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        lists = _provider_lists(provider)
        for script in ("latin", "native"):
            def get(attr: str, script: str = script, lists: dict[str, object] = lists) -> Pool:
                return _pool(lists.get(attr, ()), script)  # type: ignore[arg-type]

            female = _merge(get("first_names_female"), get("first_romanized_names_female"))
            male = _merge(get("first_names_male"), get("first_romanized_names_male"))
            given = _merge(female, male, get("first_names"), get("first_romanized_names"))
            family = _merge(get("last_names"), get("last_romanized_names"))
            if len(given) >= 5 and len(family) >= 5:
                out[(module.name, script)] = LocaleNames(module.name, female, male, given, family)
    return out


@dataclass(frozen=True)
class NameIndex:
    """Which locales list each name, and how often a given name is listed female or male."""

    given_locales: dict[str, frozenset[str]]
    family_locales: dict[str, frozenset[str]]
    gender: dict[str, str | None] = field(default_factory=dict)


@lru_cache(maxsize=1)
def name_index() -> NameIndex:
    """The index over every locale's lists (keys are :func:`name_key` forms)."""
    given: dict[str, set[str]] = {}
    family: dict[str, set[str]] = {}
    counts: dict[str, list[int]] = {}
    for (locale, _script), names in locale_names().items():
        for name in names.given.names:
            given.setdefault(name_key(name), set()).add(locale)
        for name in names.family.names:
            family.setdefault(name_key(name), set()).add(locale)
        for i, pool in enumerate((names.female, names.male)):
            for name in pool.names:
                counts.setdefault(name_key(name), [0, 0])[i] += 1
    gender: dict[str, str | None] = {key: None for key in given}
    for key, (female, male) in counts.items():
        gender[key] = "female" if female > male else "male" if male > female else None
    return NameIndex(
        {k: frozenset(v) for k, v in given.items()},
        {k: frozenset(v) for k, v in family.items()},
        gender,
    )


def gender_of(given_key: str) -> str | None:
    """``female`` / ``male`` when the name lists say so (by majority of locales), else None."""
    return name_index().gender.get(given_key)


def match_locale(given: Iterable[str], family: Iterable[str], script: str,
                 default: str = "en_US") -> str:
    """The locale whose name lists these names come from (for ``surrogate_locale: match``).

    First the language: each name votes for the languages whose locales list it, in
    proportion to how many of them do (``Gonzalez`` is listed by six Spanish locales and one
    English one), family names counting double. Then, within that language, the locale that
    lists most of the names (the ``default`` locale on a tie, then the one with the most
    names). No listed name: ``default``.
    """
    index, pools = name_index(), locale_names()
    given, family = list(given), list(family)
    votes: dict[str, float] = {}
    for keys, weight, table in ((family, 2.0, index.family_locales),
                                (given, 1.0, index.given_locales)):
        for key in keys:
            listed = [loc for loc in table.get(key, ()) if (loc, script) in pools]
            for loc in listed:
                votes[language_of(loc)] = votes.get(language_of(loc), 0.0) + weight / len(listed)
    if not votes:
        return default
    language = max(sorted(votes), key=lambda lang: votes[lang])

    def rank(loc: str) -> tuple[int, bool, int]:
        hits = sum(loc in index.family_locales.get(k, ()) for k in family) + sum(
            loc in index.given_locales.get(k, ()) for k in given)
        names = pools[(loc, script)]
        return hits, loc == default, len(names.given) + len(names.family)

    candidates = sorted(loc for loc, pool_script in pools
                        if pool_script == script and language_of(loc) == language)
    return max(candidates, key=rank)


def language_of(locale: str) -> str:
    """``es_ES`` -> ``es``."""
    return locale.split("_")[0]


@dataclass
class DocumentNames:
    """The person mentions of one document, so partial mentions resolve to full ones.

    ``M. Gonzalez`` takes the initial of the surrogate of the one given name seen with
    ``Gonzalez`` in the document; ``Ms. Gonzalez`` (with ``surrogate_locale: match``) takes the
    locale of ``Maria Gonzalez``.
    """

    given_by_family: dict[str, list[str]] = field(default_factory=dict)
    family_by_given: dict[str, list[str]] = field(default_factory=dict)
    words: set[str] = field(default_factory=set)
    """Every given and family name of the document's mentions (keys): real names that no
    surrogate in this document may take."""

    @classmethod
    def build(cls, mentions: Iterable[str]) -> DocumentNames:
        """Index the mentions (in document order)."""
        index = cls()
        for mention in mentions:
            parsed = parse_name(mention)
            index.words.update(p.key for p in parsed.parts if p.role in ("given", "family"))
            family, given = parsed.family, parsed.first_given
            if family is None or given is None:
                continue
            seen = index.given_by_family.setdefault(family, [])
            if given not in seen:
                seen.append(given)
            families = index.family_by_given.setdefault(given, [])
            if family not in families:
                families.append(family)
        return index

    def reinterpret(self, parsed: ParsedName) -> ParsedName:
        """A lone word read as a given name that this document uses as a family name (``Dr.
        Diallo`` beside ``Amara Diallo``, the title outside the span) becomes a family name,
        and the other way round."""
        core = [p for p in parsed.parts if p.role in ("given", "family")]
        if len(core) != 1 or parsed.inverted:
            return parsed
        (word,) = core
        if word.role == "given" and word.key in self.given_by_family and (
                word.key not in self.family_by_given):
            role = "family"
        elif word.role == "family" and word.key in self.family_by_given and (
                word.key not in self.given_by_family):
            role = "given"
        else:
            return parsed
        parts = tuple(NamePart(p.text, p.sep, role) if p is word else p for p in parsed.parts)
        return ParsedName(parsed.lead, parts, parsed.inverted)

    def given_for_initial(self, family: str | None, initial: str) -> str | None:
        """The one given name seen with ``family`` that starts with ``initial``."""
        if family is None:
            return None
        candidates = [g for g in self.given_by_family.get(family, []) if g[:1] == initial.lower()]
        return candidates[0] if len(candidates) == 1 else None

    def context_for(self, parsed: ParsedName) -> tuple[list[str], list[str]]:
        """Given and family keys of the whole person a (partial) mention stands for."""
        given, family = list(parsed.keys("given")), list(parsed.keys("family"))
        if parsed.family is not None and not given:
            given = list(self.given_by_family.get(parsed.family, []))[:1]
        elif parsed.family is None and len(given) == 1:
            families = self.family_by_given.get(given[0], [])
            family = families[:1] if len(families) == 1 else []
        return given, family
