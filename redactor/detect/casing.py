"""Casing for models trained on mixed case: notes in capitals, posts in lower case (pure).

spaCy's English models learned names from capital letters; on "PT SEEN BY DR KOWALSKI, LUNGS
COARSE" they call every word an organisation, and on "son tom called" they miss the name.
:func:`truecase` gives such lines the casing of ordinary prose: words that are English or
clinical vocabulary in lower case, other words capitalised (in capitals lines), or listed names
and places capitalised (in lower-case lines). The result has the same length as the input, so
offsets found in it hold in the original. The uncased transformer needs none of this.
"""

from __future__ import annotations

import re
from functools import lru_cache

from redactor.detect.lexicon import is_common_word, place_names
from redactor.detect.name_lists import is_listed_name

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_LINE = re.compile(r"[^\n]+")


@lru_cache(maxsize=1024)  # asked again for each span of a line
def letters_case(line: str) -> str:
    """``upper`` when at least 80 % of a line's letters (at least 4) are capitals, ``lower``
    when none is, else ``mixed``."""
    letters = sum(map(str.isalpha, line))  # (counted in C: a line may hold 4,000 characters)
    if letters < 4:
        return "mixed"
    upper = (sum(map(str.isupper, line)) if line.isascii()  # only letters are capitals there
             else sum(c.isupper() and c.isalpha() for c in line))  # not "Ⅱ", "Ⓐ"
    if upper >= 0.8 * letters:
        return "upper"
    return "lower" if upper == 0 else "mixed"


#: How far a line is read on each side of a span: a text without line breaks is one line, and
#: reading all of it for each of its spans would take time growing with the square of its size.
LINE_REACH = 2000


def line_around(text: str, start: int, end: int, reach: int = LINE_REACH) -> str:
    """The line(s) holding ``text[start:end]``, at most ``reach`` characters on each side."""
    low = max(0, start - reach)
    high = min(len(text), end + reach)
    before = text.rfind("\n", low, start)
    after = text.find("\n", end, high)
    return text[before + 1 if before >= 0 else low : after if after >= 0 else high]


def line_before(text: str, start: int, reach: int) -> str:
    """The text of ``start``'s line before it, at most ``reach`` characters."""
    low = max(0, start - reach)
    cut = text.rfind("\n", low, start)
    return text[cut + 1 if cut >= 0 else low : start]


def at_line_start(text: str, start: int) -> bool:
    """Whether only white space, a bullet or a quote mark stands before ``start`` on its line."""
    return not line_before(text, start, LINE_REACH).strip(" \t>*#-")


def shouting(text: str, start: int, end: int, reach: int = LINE_REACH) -> bool:
    """Whether the line(s) holding ``text[start:end]`` are written in capitals (read at most
    ``reach`` characters each way)."""
    return letters_case(line_around(text, start, end, reach)) == "upper"


_TITLES = frozenset({"dr", "mr", "mrs", "ms", "miss", "prof", "st"})


def _word_case(word: str, mode: str) -> str:
    if mode == "upper" and word.lower() in _TITLES:
        new = word.capitalize()
    elif mode == "upper":
        new = word.lower() if is_common_word(word) else word.capitalize()
    elif not is_common_word(word) and (is_listed_name(word) or word in place_names()):
        new = word.capitalize()
    else:
        return word
    return new if len(new) == len(word) else word  # "ß".upper() is "SS": keep offsets exact


def truecase(text: str) -> str:
    """``text`` with its capitals and lower-case lines given prose casing (same length)."""
    parts: list[str] = []
    pos = 0
    for line in _LINE.finditer(text):
        mode = letters_case(line.group())
        if mode == "mixed":
            continue
        parts.append(text[pos : line.start()])
        cased = _WORD.sub(lambda m, mode=mode: _word_case(m.group(), mode), line.group())
        if mode == "upper":  # a sentence starts with a capital
            cased = re.sub(r"(^|[.!?:]\s+)([a-z])", lambda m: m.group(1) + m.group(2).upper(),
                           cased)
        parts.append(cased)
        pos = line.end()
    if not parts:
        return text
    parts.append(text[pos:])
    out = "".join(parts)
    return out if len(out) == len(text) else text
