"""Regex text that runs on every supported Python, and alternations of many words.

Possessive quantifiers (``x++``, ``x*+``) keep the regex engine from saving backtracking state
for every repetition of a group: without them one long token (1 MB of "http://", "A-A-A-...")
costs memory in proportion to its length. Python's ``re`` reads them from 3.11 on; on 3.10
:func:`portable` turns them into the plain greedy quantifiers, which match the same text
wherever they are used here (nothing after them could take back what they consumed) and only
need more memory.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable

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
