"""The shared shape of a synthetic person: name parts, origin, gender and name order.

Every generator (the dev set, the audit set, training data) draws its people from its own name
data, so their names stay independent sets; what they share is this shape, so a span's group
facet and the written forms of a name mean the same everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

GENDERS = ("female", "male")


@dataclass(frozen=True, kw_only=True)
class Person:
    """A synthetic person. ``family_first``: the name is written family name first."""

    given: str
    family: str
    gender: str
    origin: str
    middle: str = ""
    family_first: bool = False

    @property
    def group(self) -> str:
        """The ``origin=..;gender=..`` facets every span of this person carries."""
        return f"origin={self.origin};gender={self.gender}"

    @property
    def female(self) -> bool:
        """Whether gendered words about this person take their feminine form."""
        return self.gender == "female"

    @property
    def full(self) -> str:
        """Every name part, in the order this person writes them (middle name included)."""
        parts = ([self.family, self.middle, self.given] if self.family_first
                 else [self.given, self.middle, self.family])
        return " ".join(p for p in parts if p)

    @property
    def given_family(self) -> str:
        """Given and family name only, in the order this person writes them."""
        return (f"{self.family} {self.given}" if self.family_first
                else f"{self.given} {self.family}")


#: Cyrillic letter -> Latin letters (a simple BGN-like scheme, Russian and Ukrainian).
CYRILLIC: dict[str, str] = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяієїґ",
    ["a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
     "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
     "i", "ye", "yi", "g"],
    strict=True,
))  # fmt: skip


def translit(text: str) -> str:
    """Cyrillic to Latin letters (a simple BGN-like scheme): ``Жданова`` -> ``Zhdanova``."""
    out = []
    for ch in text:
        low = ch.lower()
        if low in CYRILLIC:
            latin = CYRILLIC[low]
            out.append(latin.capitalize() if ch != low else latin)
        else:
            out.append(ch)
    return "".join(out)


def ascii_letters(text: str) -> str:
    """The lower-case ASCII letters of ``text``: a name part made fit for an address or id.

    Diacritics are not folded here (each generator folds with its own table first):
    ``ascii_letters(fold("Ó'Brien"))`` is ``"obrien"``.
    """
    return re.sub(r"[^a-z]", "", text.lower())


__all__ = ["CYRILLIC", "GENDERS", "Person", "ascii_letters", "translit"]
