"""Regex text that runs on every supported Python, alternations of many words, and what is
worked out of a table of regexes, kept between processes.

Possessive quantifiers (``x++``, ``x*+``) keep the regex engine from saving backtracking state
for every repetition of a group: without them one long token (1 MB of "http://", "A-A-A-...")
costs memory in proportion to its length. Python's ``re`` reads them from 3.11 on; on 3.10
:func:`portable` turns them into the plain greedy quantifiers, which match the same text
wherever they are used here (nothing after them could take back what they consumed) and only
need more memory.
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from redactor.util.wordcache import cached_strings

#: Whether this Python's ``re`` reads possessive quantifiers.
POSSESSIVE = sys.version_info >= (3, 11)

_POSSESSIVE_MARK = re.compile(r"(?<!\\)([+*?}])\+")


def portable(regex: str, possessive: bool = POSSESSIVE) -> str:
    """``regex`` as is, or without its possessive marks where ``re`` lacks them."""
    return regex if possessive else _POSSESSIVE_MARK.sub(r"\1", regex)


def alternation(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, longest first, factored by common prefix.

    ``{"MA", "MD", "Maine"}`` gives ``M(?:A|D|aine)``: the engine tests each first character once
    instead of once per word, which makes the state and month lists several times faster.
    """
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:  # type: ignore[type-arg]
        branches = [re.escape(c) + build(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        if "" not in node:
            return body
        return f"(?:{body})?" if len(branches) == 1 and len(body) > 1 else f"{body}?"

    return build(trie)


def cached_per_regex(name: str, table: Sequence[tuple[str, int]],
                     compute: Callable[[str, int], str], *,
                     files: Sequence[Path] = ()) -> list[str]:
    """``compute(source, flags)`` of each regex of a table, kept in the word cache under
    ``name`` and Python's version (a regex's syntax tree is the version's own) while ``files``
    (the code that computes it, the table's module) are unchanged; each regex is looked up by
    a digest of its text and flags. A value is one line, with no "\\x1f"."""
    keys = [hashlib.sha256(f"{flags}\0{source}".encode()).hexdigest()[:24]
            for source, flags in table]
    by_key = dict(zip(keys, table, strict=True))
    version = f"py{sys.version_info[0]}.{sys.version_info[1]}"
    values = cached_strings(f"{name}-{version}", list(by_key),
                            lambda key: compute(*by_key[key]), files=files)
    return [values[key] for key in keys]
