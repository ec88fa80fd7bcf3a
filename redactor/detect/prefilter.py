"""Literals a regex cannot match without: a cheap test that skips a pattern on a text (pure).

The pattern table runs over 160 regexes over every text. Many need a word of their own
somewhere ("MRN", "policy", "@", "www") that most texts do not hold. :func:`required_literals`
reads a compiled regex's syntax tree and returns lower-case strings of which every match holds
at least one (None when it cannot tell); :func:`folded` lower-cases a text once for the test;
:func:`literal_test` makes the test one search in C of a regex of all the strings. The test is exact
in one direction: when no string of the set is in the folded text, the regex has no match
there, so skipping it changes no span.

Sound by construction: a run of items that a match must consume one after another, each of
which matches one of a few strings (a literal, a small class, an alternation or a bounded
repeat of such), requires one of their concatenations ("(?:0[1-9]|1[0-2])/" needs one of
"01/" ... "12/"); a lookahead or lookbehind requires what it looks at (the text must hold it);
an alternation requires one of its branches' requirements (nothing if a branch has none); a
class of many characters, an optional part or a repeat that may be empty gives nothing. Only
strings of ASCII or of characters without case ("年") are kept, compared after the letters that
a case-blind regex equates with ASCII ones ("\u017f", "\u0131", "\u0130", the Kelvin sign)
are folded to them. :func:`table_literals` keeps a table's requirements in the word cache
between processes (reading 160 syntax trees costs a tenth of a second at start-up).
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from redactor.detect.regexes import alternation, cached_per_regex

try:  # Python 3.11+
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

Literals = frozenset[str]

#: Letters a case-blind regex matches to an ASCII letter that ``str.lower`` leaves apart.
_TO_ASCII = str.maketrans({"\u017f": "s", "\u0131": "i", "\u0130": "i", "\u212a": "k"})

#: At most so many strings in a run's set of what it can match, characters in a class that
#: counts as its characters, repeats of a bounded repeat that count as copies.
_MAX_STRINGS = 64
_MAX_CLASS = 10
_MAX_REPEAT = 4

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


def table_literals(regexes: Sequence[re.Pattern[str]], *,
                   name: str) -> list[Literals | None]:
    """:func:`required_literals` of each regex of a table, kept in the word cache under
    ``name`` while this module and Python's version are unchanged."""
    def literals(source: str, flags: int) -> str:
        needs = required_literals(re.compile(source, flags))
        return json.dumps(None if needs is None else sorted(needs))

    found = cached_per_regex(f"literals-{name}", [(r.pattern, r.flags) for r in regexes],
                             literals, files=(Path(__file__),))
    return [None if (value := json.loads(v)) is None else frozenset(value) for v in found]


def may_match(needs: Literals | None, folded_text: str) -> bool:
    """False only when ``folded_text`` holds none of ``needs`` (the regex cannot match it)."""
    return needs is None or literal_test(needs)(folded_text) is not None


#: A requirement's test on a folded text: a match (truthy) where the text holds one of its
#: strings, None where it holds none.
Test = Callable[[str], object]


def literal_tests(needs: Iterable[Literals | None]) -> tuple[Test | None, ...]:
    """:func:`literal_test` of each requirement (None where it has none), for a regex table."""
    return tuple(None if n is None else literal_test(n) for n in needs)


@functools.cache
def literal_test(needs: Literals) -> Test:
    """The test of one requirement: one search in C of a regex of all its strings, factored by
    their common prefixes (one test per first character, not one per string)."""
    return re.compile(alternation(needs)).search


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


def _literal_set(strings: Iterable[str]) -> Literals | None:
    """A requirement of strings a match holds one of: none empty, all ASCII once lower-cased;
    a string that holds another of them is left out (the other is in the text wherever it is)."""
    lowered = {s.lower() for s in strings}
    if not lowered or "" in lowered or not all(map(_foldable, lowered)):
        return None
    return frozenset(s for s in lowered if not any(o != s and o in s for o in lowered))


def _foldable(string: str) -> bool:
    """Whether :func:`folded` keeps ``string`` where a text holds it in any case a regex
    equates with it: ASCII, or characters without case ("年", "№")."""
    return string.isascii() or all(
        c.lower() == c.upper() == c.casefold() == c for c in string)


def _sequence(items: Iterable[tuple[object, object]]) -> Literals | None:
    """The rarest requirement of a sequence: a run of items each of which matches one of a few
    strings (their concatenations, up to :data:`_MAX_STRINGS` of them), or an item's own.
    Zero-width items (an anchor, a lookaround) do not end a run; a lookahead's or lookbehind's
    own requirement counts too, since the text must hold what it looks at."""
    best: Literals | None = None
    run: frozenset[str] = frozenset({""})
    for op, arg in items:
        if op is _c.AT or op is _c.ASSERT_NOT:
            continue
        if op is _c.ASSERT:
            best = rarer(best, _sequence(arg[1]))  # type: ignore[index]
            continue
        exact = _exact(op, arg)
        if exact is not None and len(run) * len(exact) <= _MAX_STRINGS:
            run = frozenset(a + b for a in run for b in exact)
            continue
        best = rarer(best, _literal_set(run))
        run = exact if exact is not None else frozenset({""})
        best = rarer(best, _item(op, arg))
    return rarer(best, _literal_set(run))


def _exact_sequence(items: Iterable[tuple[object, object]]) -> frozenset[str] | None:
    """Every string a sequence can match, when there are few (None otherwise)."""
    run: frozenset[str] = frozenset({""})
    for op, arg in items:
        exact = _exact(op, arg)
        if exact is None or len(run) * len(exact) > _MAX_STRINGS:
            return None
        run = frozenset(a + b for a in run for b in exact)
    return run


def _exact(op: object, arg: object) -> frozenset[str] | None:
    """Every string one item can match, when there are few (lower-cased), or None."""
    if op is _c.LITERAL:
        return frozenset({chr(arg).lower()})  # type: ignore[arg-type]
    if op is _c.IN:
        return _class_chars(arg)  # type: ignore[arg-type]
    if op is _c.SUBPATTERN:
        return _exact_sequence(arg[-1])  # type: ignore[index]
    if op is _c.BRANCH:
        strings = _union(arg[1], _exact_sequence)  # type: ignore[index]
        return strings if strings is not None and len(strings) <= _MAX_STRINGS else None
    if op in _REPEATS:
        low, high, body = arg  # type: ignore[misc]
        if high > _MAX_REPEAT:
            return None
        strings = _exact_sequence(body)
        return None if strings is None else _repeated(strings, low, high)
    return None


def _repeated(strings: frozenset[str], low: int, high: int) -> frozenset[str] | None:
    """Every string of ``low`` to ``high`` copies of ``strings`` one after another, when few."""
    result: set[str] = set()
    power = frozenset({""})
    for count in range(high + 1):
        if count >= low:
            result |= power
        if count < high:
            power = frozenset(a + b for a in power for b in strings)
            if len(power) > _MAX_STRINGS:
                return None
    return frozenset(result) if len(result) <= _MAX_STRINGS else None


def _class_chars(items: list[tuple[object, object]]) -> frozenset[str] | None:
    """The characters of a small class of literals and ranges (no category, no negation)."""
    chars: set[str] = set()
    for op, arg in items:
        if op is _c.LITERAL:
            chars.add(chr(arg).lower())  # type: ignore[arg-type]
        elif op is _c.RANGE and arg[1] - arg[0] < _MAX_CLASS:  # type: ignore[index,operator]
            chars.update(chr(c).lower() for c in range(arg[0], arg[1] + 1))  # type: ignore[index]
        else:
            return None
    return frozenset(chars) if len(chars) <= _MAX_CLASS else None


def _item(op: object, arg: object) -> Literals | None:
    if op is _c.SUBPATTERN:
        return _sequence(arg[-1])  # type: ignore[index]
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(arg)  # type: ignore[arg-type]
    if op is _c.BRANCH:  # one branch matches: the union of the branches' requirements
        return _union(arg[1], _sequence)  # type: ignore[index]
    if op in _REPEATS:
        low, _, body = arg  # type: ignore[misc]
        return _sequence(body) if low >= 1 else None
    return None  # a class, any character, an anchor, a lookaround, a back reference


def _union(branches: Iterable[Iterable[tuple[object, object]]],
           of: Callable[[Iterable[tuple[object, object]]], frozenset[str] | None],
           ) -> frozenset[str] | None:
    """The union of ``of(branch)`` over an alternation's branches; None where one gives None."""
    union: set[str] = set()
    for branch in branches:
        part = of(branch)
        if part is None:
            return None
        union |= part
    return frozenset(union)
