"""Accent folding: a text's letters without their diacritics (Nguyễn -> Nguyen, Łódź -> Lodz).

One :func:`fold` serves the detectors' name lists, the compliance audit's fake people, the
training data and the vault's word matching. They differ on purpose in three settings, kept as
parameters so that each keeps the spellings it always had (the generators' outputs for a seed,
the name lists' contents, which vault entries a ``forget`` finds):

- which ligatures are written out: the audit set keeps ``Æ`` and ``œ`` as they are, the
  training data writes ``Æ`` as ``AE``, the name lists write ``Æ``, ``œ`` and ``Œ`` out
  (:data:`AE`, :data:`LIGATURES`);
- whether the :data:`PLAIN` letters are written out at all: the vault keeps ``ł`` and ``ø``
  (``plain=False``);
- whether the result is recomposed (NFC): the name lists and the vault compare decomposed
  text, in which Hangul syllables stay as their jamo (``compose=False``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from types import MappingProxyType

#: Letters that Unicode does not decompose into a base letter and a mark, with the plain
#: letters they are written with (``ı`` -> ``i``, ``ł`` -> ``l``, ``ß`` -> ``ss`` ...).
PLAIN: Mapping[str, str] = {"ı": "i", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss",
                            "ø": "o", "Ø": "O", "æ": "ae"}  # fmt: skip
#: Nothing more written out (the audit set's folding).
NONE: Mapping[str, str] = MappingProxyType({})
#: The capital ``Æ`` written out, as the training data writes it.
AE: Mapping[str, str] = {"Æ": "AE"}
#: ``Æ``, ``œ`` and ``Œ`` written out, as the name lists write them.
LIGATURES: Mapping[str, str] = {"Æ": "AE", "œ": "oe", "Œ": "OE"}

_TABLES: dict[tuple[bool, tuple[tuple[str, str], ...]], dict[int, str]] = {}


def _table(extra: Mapping[str, str], plain: bool) -> dict[int, str]:
    key = (plain, tuple(sorted(extra.items())))
    table = _TABLES.get(key)
    if table is None:
        table = _TABLES[key] = str.maketrans({**(PLAIN if plain else {}), **extra})
    return table


def fold(text: str, extra: Mapping[str, str] = NONE, *, plain: bool = True,
         compose: bool = True) -> str:
    """``text`` with its :data:`PLAIN` letters (when ``plain``) and those of ``extra`` replaced,
    then decomposed (NFKD) and its combining marks dropped; recomposed (NFC) when ``compose``."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_table(extra, plain)))
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", kept) if compose else kept
