"""Literals a regex cannot match without: a cheap test that skips a pattern on a text (pure).

The pattern table runs 115 regexes over every text, and most of them start with a lookbehind,
where Python's regex engine tries a match at every position. Many also need a word of their own
somewhere ("MRN", "policy", "@", "www") that most texts do not hold. :func:`required_literals`
reads a compiled regex's syntax tree and returns lower-case strings of which every match holds
at least one (None when it cannot tell); :func:`folded` lower-cases a text once for the test.
The test is exact in one direction: when no string of the set is in the folded text, the regex
has no match there, so skipping it changes no span.

Sound by construction: only literal characters that a match must consume one after another
count (a lookaround, a class, an optional part or a repeat that may be empty gives nothing); an
alternation requires one of its branches' requirements (nothing if a branch has none); and only
ASCII literals are kept, compared after the letters that a case-blind regex equates with ASCII
ones ("\u017f", "\u0131", "\u0130", the Kelvin sign) are folded to them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

try:  # Python 3.11+
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

Literals = frozenset[str]

#: Letters a case-blind regex matches to an ASCII letter that ``str.lower`` leaves apart.
_TO_ASCII = str.maketrans({"\u017f": "s", "\u0131": "i", "\u0130": "i", "\u212a": "k"})

_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT}
if hasattr(_c, "POSSESSIVE_REPEAT"):
    _REPEATS.add(_c.POSSESSIVE_REPEAT)


def folded(text: str) -> str:
    """``text`` as a case-blind regex compares it with ASCII: case-folded, with the letters that
    ``str.casefold`` leaves apart from their ASCII twins folded too ("İhsan" = "ihsan")."""
    return text.translate(_TO_ASCII).casefold()


def required_literals(regex: re.Pattern[str]) -> Literals | None:
    """Lower-case strings of which every match of ``regex`` holds one, or None."""
    return _sequence(_p.parse(regex.pattern, regex.flags))


def may_match(needs: Literals | None, folded_text: str) -> bool:
    """False only when ``folded_text`` holds none of ``needs`` (the regex cannot match it)."""
    return needs is None or any(literal in folded_text for literal in needs)


def context_literals(words: Iterable[str]) -> Literals | None:
    """What a text must hold for one of the context ``words`` to be in it (see
    :func:`redactor.detect.context.has_context`: whole words, any case, a phrase across any
    whitespace): each word's first token, lower-cased. None when a token is not ASCII."""
    firsts = {w.split()[0] for w in words if w.strip()}
    if not firsts or not all(t.isascii() for t in firsts):
        return None
    return frozenset(folded(t) for t in firsts)


def rarer(a: Literals | None, b: Literals | None) -> Literals | None:
    """The rarer of two requirements that a match meets both of: the longer shortest string,
    then fewer strings."""
    if a is None:
        return b
    if b is None:
        return a
    return a if (min(map(len, a)), -len(a)) >= (min(map(len, b)), -len(b)) else b


def _literal_set(text: str) -> Literals | None:
    text = text.lower()
    return frozenset({text}) if text and text.isascii() else None


def _sequence(items: Iterable[tuple[object, object]]) -> Literals | None:
    """The rarest requirement of a sequence: a run of literals, or an item's own."""
    best: Literals | None = None
    run: list[str] = []
    for op, arg in items:
        if op is _c.LITERAL:
            run.append(chr(arg))  # type: ignore[arg-type]
            continue
        best = rarer(best, _literal_set("".join(run)))
        run = []
        best = rarer(best, _item(op, arg))
    return rarer(best, _literal_set("".join(run)))


def _item(op: object, arg: object) -> Literals | None:
    if op is _c.SUBPATTERN:
        return _sequence(arg[-1])  # type: ignore[index]
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(arg)  # type: ignore[arg-type]
    if op is _c.BRANCH:  # one branch matches: the union of the branches' requirements
        union: set[str] = set()
        for branch in arg[1]:  # type: ignore[index]
            needs = _sequence(branch)
            if needs is None:
                return None
            union |= needs
        return frozenset(union)
    if op in _REPEATS:
        low, _, body = arg  # type: ignore[misc]
        return _sequence(body) if low >= 1 else None
    return None  # a class, any character, an anchor, a lookaround, a back reference
