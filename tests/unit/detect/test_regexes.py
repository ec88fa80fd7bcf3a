"""Possessive quantifiers, and their plain form for Python 3.10 (redactor.detect.regexes)."""

import re

from redactor.detect.patterns import PATTERNS
from redactor.detect.regexes import portable


def test_portable_drops_possessive_marks_only():
    assert portable(r"[\w+-]++(?:\.[\w+-]++)*+x?+a{2}+", possessive=False) == (
        r"[\w+-]+(?:\.[\w+-]+)*x?a{2}"
    )
    assert portable(r"a\++ \*+", possessive=False) == r"a\++ \*+"  # escaped: a literal, kept


def test_every_pattern_compiles_in_its_plain_form_with_the_same_matches():
    text = ("See https://ex.org/a_(b). Mail j.smith@mass.gov, ana at gmail dot com; "
            "Dr. Al-Sayed-Smith, MD; example.com/x. a.b.c@d.e.org")
    for pattern in PATTERNS:
        plain = re.compile(portable(pattern.regex, possessive=False), re.VERBOSE | pattern.flags)
        assert [m.span() for m in plain.finditer(text)] == [
            m.span() for m in pattern.compile().finditer(text)
        ], pattern.name
