"""A regex rewritten to start with the character it consumes first, so that search skips ahead.

Python's regex engine scans a text fast for a match's first character when a pattern starts
with one (a literal, a class, or an alternation of literals): it then tries a match only where
such a character stands. A pattern that starts with a lookbehind ("a word start": ``(?<![\\w/])``)
or with an alternation of classes gets no such scan: the engine tries a match at every
position of every text, and the pattern table runs over 160 regexes on each. :func:`hoisted`
returns an equivalent regex whose first item is the character class a match must start with,
the zero-width tests that stood before it moved into a lookbehind right after it::

    (?<![\\w/.:-])(?:1[0-2]|0?[1-9])/...  ->  [01-9](?<=(?<![\\w/.:-])[01-9])(?:(?<=1)[0-2]|...)/...

Same matches, same groups, same order of trying alternatives: a rewritten item consumes the
same character it did before, and each branch still checks that the character is its own.
Where a pattern cannot be rewritten so (its first item may be empty, or sits in a capturing
group, or a case-blind letter gives the engine no class to scan for), it is returned as it is.
Pure; the rewritten regex is built as a string, so it pickles like any other.
:func:`compile_table` compiles a whole table so, and keeps the rewritten strings in the word
cache (:mod:`redactor.util.wordcache`) between processes: reading a regex's syntax tree and
writing it again costs about a tenth of a second per process for the pattern table. (The
rewritten regexes have no raw line break or unit separator: every character that is not a
letter, a digit or "_" is written as an escape.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from redactor.detect.regexes import cached_per_regex

try:  # Python 3.11+
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

Item = tuple[object, object]

_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT}
_AT = {_c.AT_BEGINNING: "^", _c.AT_END: "$", _c.AT_BEGINNING_STRING: r"\A",
       _c.AT_END_STRING: r"\Z", _c.AT_BOUNDARY: r"\b", _c.AT_NON_BOUNDARY: r"\B"}
_CATEGORY = {_c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_NOT_DIGIT: r"\D", _c.CATEGORY_SPACE: r"\s",
             _c.CATEGORY_NOT_SPACE: r"\S", _c.CATEGORY_WORD: r"\w",
             _c.CATEGORY_NOT_WORD: r"\W"}
_FLAGS = ((re.IGNORECASE, "i"), (re.MULTILINE, "m"), (re.DOTALL, "s"), (re.ASCII, "a"))


#: At most so many alternatives a rewrite may lead with a lookbehind each, and only behind a
#: class of no letter: where letters start them (month names, country codes, state codes),
#: every position that holds one tries each alternative, which costs more than the scan saves.
_MAX_BRANCHES = 6
#: At most so many lower-case letters in the first class: a class of many letters stands at
#: most positions of a text, and the scan skips little.
_MAX_LOWER = 6


class _Unsupported(Exception):
    """A regex item this module does not rewrite (the regex is left as it is)."""


def hoisted(regex: re.Pattern[str]) -> re.Pattern[str]:
    """``regex``, or an equivalent regex that starts with the class of its first character
    (see the module's docstring); the same flags (less VERBOSE) and the same named groups."""
    try:
        parsed = _p.parse(regex.pattern, regex.flags)
        split = _split(list(parsed), check=False)
        if split is None or not _scannable(split[0], regex.flags, _branches(split[1])):
            return regex
        names = {number: name for name, number in regex.groupindex.items()}
        # the regex's own flags lead the text, so that it compiles the same with none given
        # (a table's flags leave out an inline "(?m)": see compile_table)
        inline = "".join(letter for flag, letter in _FLAGS if regex.flags & flag)
        source = (f"(?{inline})" if inline else "") + _unparse([split[0], *split[1]], names)
        rewritten = re.compile(source, regex.flags & ~re.VERBOSE)
    except (_Unsupported, re.error, RecursionError):
        return regex
    if rewritten.groupindex != regex.groupindex or rewritten.groups != regex.groups:
        return regex  # pragma: no cover - the rewrite keeps every group in its place
    return rewritten


def compile_table(table: Sequence[tuple[str, int]], *, name: str,
                  files: Sequence[Path] = ()) -> list[re.Pattern[str]]:
    """``hoisted(re.compile(source, flags))`` of each ``(source, flags)`` of a table, the
    rewritten sources kept in the word cache under ``name`` while this module, the ``files``
    that hold the table and Python's version are unchanged."""
    def rewrite(source: str, flags: int) -> str:
        regex = hoisted(re.compile(source, flags))
        return "" if regex.pattern == source else regex.pattern

    rewritten = cached_per_regex(f"regex-prefix-{name}", table, rewrite,
                                 files=(Path(__file__), *files))
    return [re.compile(new, flags & ~re.VERBOSE) if new else re.compile(source, flags)
            for new, (source, flags) in zip(rewritten, table, strict=True)]


def _split(items: list[Item], *, check: bool) -> tuple[Item, list[Item]] | None:
    """The single-character item a match of ``items`` consumes first, and the rest: what
    follows it, led by a lookbehind that re-checks the zero-width items before it (and, with
    ``check``, the character itself). None when there is no such item."""
    count = 0
    while count < len(items) and items[count][0] in _ZERO_WIDTH:
        count += 1
    before, rest = items[:count], items[count:]
    if not rest:
        return None
    (op, av), after = rest[0], rest[1:]
    if op is _c.LITERAL or op is _c.NOT_LITERAL or op is _c.IN:
        first = (op, av)
        lookbehind = [(_c.ASSERT, (-1, [*before, first]))] if before or check else []
        return first, lookbehind + after
    if op is _c.SUBPATTERN:
        group, add_flags, del_flags, body = av  # type: ignore[misc]
        if group is not None or add_flags or del_flags:
            return None  # a group would lose its first character; a flag would change before
        return _split([*before, *body, *after], check=check)
    if op in _REPEATS and av[:2] == (0, 1) and after and not _has_group([*av[2], after[0]]):
        # an optional first item: "x?y" tries "xy", then "y" ("x??y" the other way round)
        body, following = list(av[2]), after[0]  # type: ignore[index]
        ways = [[*body, following], [following]]
        ways = ways if op is _c.MAX_REPEAT else ways[::-1]
        return _split([*before, (_c.BRANCH, (None, ways)), *after[1:]], check=check)
    if op in _REPEATS:
        low, high, body = av  # type: ignore[misc]
        if low < 1 or _has_group(body):
            return None
        again = [] if high == 1 else [
            (op, (low - 1, high if high == _c.MAXREPEAT else high - 1, body))]
        return _split([*before, *body, *again, *after], check=check)
    if op is _c.BRANCH:
        members: list[Item] = []
        branches = []
        for branch in av[1]:  # type: ignore[index]
            split = _split([*before, *branch], check=True)
            if split is None or not (first := _members(split[0])):
                return None
            members.extend(first)
            branches.append(split[1])
        lookbehind = [(_c.ASSERT, (-1, [(_c.IN, members)]))] if check else []
        return (_c.IN, members), [*lookbehind, (_c.BRANCH, (None, branches)), *after]
    return None


def _members(item: Item) -> list[Item]:
    """The members of a class that matches what ``item`` matches (empty: none)."""
    op, av = item
    if op is _c.LITERAL:
        return [item]
    if op is _c.IN and not any(o is _c.NEGATE for o, _ in av):  # type: ignore[union-attr]
        return list(av)  # type: ignore[call-overload]
    return []


def _has_group(items: Sequence[Item]) -> bool:
    """Whether ``items`` hold a capturing group or a back reference (not copied)."""
    for op, av in items:
        if op is _c.SUBPATTERN and av[0] is not None:  # type: ignore[index]
            return True
        if op in (_c.GROUPREF, _c.GROUPREF_EXISTS):
            return True
        if any(isinstance(part, (list, _p.SubPattern)) and _has_group(part)
               for part in _parts(op, av)):
            return True
    return False


def _parts(op: object, av: object) -> list[object]:
    """The nested item lists of one item."""
    if op is _c.SUBPATTERN:
        return [av[-1]]  # type: ignore[index]
    if op in _REPEATS or op is getattr(_c, "POSSESSIVE_REPEAT", None):
        return [av[-1]]  # type: ignore[index]
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        return [av[1]]  # type: ignore[index]
    if op is _c.BRANCH:
        return list(av[1])  # type: ignore[index]
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return [av]
    if op is _c.GROUPREF_EXISTS:
        return [part for part in av[1:] if part is not None]  # type: ignore[index]
    return []


def _scannable(item: Item, flags: int, branches: int) -> bool:
    """Whether the engine scans for ``item`` and the scan pays: a literal or a class of
    literals, ranges and categories, none a letter with a case when the regex is case-blind,
    few lower-case letters, and no letter at all before ``branches`` alternatives."""
    op, av = item
    if op is _c.LITERAL:
        chars = [av]
    elif op is _c.IN:
        chars = []
        for o, a in av:  # type: ignore[union-attr]
            if o is _c.LITERAL:
                chars.append(a)
            elif o is _c.RANGE:
                chars.extend(range(a[0], a[1] + 1))  # type: ignore[index]
            elif o is not _c.CATEGORY:
                return False
    else:
        return False
    letters = [chr(c) for c in chars if chr(c).isalpha()]  # type: ignore[arg-type]
    if sum(map(str.islower, letters)) > _MAX_LOWER or branches > (0 if letters else _MAX_BRANCHES):
        return False
    return not flags & re.IGNORECASE or not any(
        chr(c).lower() != chr(c) or chr(c).upper() != chr(c) for c in chars)  # type: ignore[arg-type]


def _branches(items: Sequence[Item]) -> int:
    """How many alternatives of an alternation a rewrite's lookbehinds lead (see _split)."""
    return sum(len(av[1]) for op, av in items if op is _c.BRANCH  # type: ignore[index]
               and av[1] and av[1][0] and av[1][0][0][0] is _c.ASSERT)  # type: ignore[index]


def _unparse(items: Sequence[Item], names: dict[int, str]) -> str:
    """A regex (without VERBOSE) for a parsed item list."""
    return "".join(_unparse_item(op, av, names) for op, av in items)


def _char(code: int) -> str:
    char = chr(code)
    return char if char.isascii() and (char.isalnum() or char == "_") else f"\\U{code:08x}"


def _unparse_item(op: object, av: object, names: dict[int, str]) -> str:
    if op is _c.LITERAL:
        return _char(av)  # type: ignore[arg-type]
    if op is _c.NOT_LITERAL:
        return f"[^{_char(av)}]"  # type: ignore[arg-type]
    if op is _c.ANY:
        return "."
    if op is _c.IN:
        return "[" + "".join(_class_member(o, a) for o, a in av) + "]"  # type: ignore[union-attr]
    if op is _c.AT:
        return _AT[av]  # type: ignore[index]
    if op is _c.BRANCH:
        return "(?:" + "|".join(_unparse(b, names) for b in av[1]) + ")"  # type: ignore[index]
    if op is _c.SUBPATTERN:
        group, add_flags, del_flags, body = av  # type: ignore[misc]
        inner = _unparse(body, names)
        if group is not None:
            return f"(?P<{names[group]}>{inner})" if group in names else f"({inner})"
        on = "".join(letter for flag, letter in _FLAGS if add_flags & flag)
        off = "".join(letter for flag, letter in _FLAGS if del_flags & flag)
        return f"(?{on}{'-' + off if off else ''}:{inner})"
    if op in _REPEATS or op is getattr(_c, "POSSESSIVE_REPEAT", None):
        low, high, body = av  # type: ignore[misc]
        bound = f"{{{low},}}" if high == _c.MAXREPEAT else f"{{{low},{high}}}"
        lazy = "?" if op is _c.MIN_REPEAT else "+" if op not in _REPEATS else ""
        return f"(?:{_unparse(body, names)}){bound}{lazy}"
    if op is _c.ASSERT or op is _c.ASSERT_NOT:
        direction, body = av  # type: ignore[misc]
        sign = "=" if op is _c.ASSERT else "!"
        return f"(?{'<' if direction < 0 else ''}{sign}{_unparse(body, names)})"
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return f"(?>{_unparse(av, names)})"  # type: ignore[arg-type]
    if op is _c.GROUPREF:
        return f"(?P={names[av]})" if av in names else f"(?:\\{av})"  # type: ignore[index]
    if op is _c.GROUPREF_EXISTS:
        group, yes, no = av  # type: ignore[misc]
        ref = names.get(group, str(group))
        return f"(?({ref}){_unparse(yes, names)}|{_unparse(no, names) if no else ''})"
    raise _Unsupported(str(op))


def _class_member(op: object, av: object) -> str:
    if op is _c.NEGATE:
        return "^"
    if op is _c.LITERAL:
        return _char(av)  # type: ignore[arg-type]
    if op is _c.RANGE:
        return f"{_char(av[0])}-{_char(av[1])}"  # type: ignore[index]
    if op is _c.CATEGORY and av in _CATEGORY:
        return _CATEGORY[av]  # type: ignore[index]
    raise _Unsupported(str(op))
