"""Regex text that runs on every supported Python.

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

#: Whether this Python's ``re`` reads possessive quantifiers.
POSSESSIVE = sys.version_info >= (3, 11)

_POSSESSIVE_MARK = re.compile(r"(?<!\\)([+*?}])\+")


def portable(regex: str, possessive: bool = POSSESSIVE) -> str:
    """``regex`` as is, or without its possessive marks where ``re`` lacks them."""
    return regex if possessive else _POSSESSIVE_MARK.sub(r"\1", regex)
