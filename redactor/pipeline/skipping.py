"""Texts that cannot hold an identifier never reach the detectors.

A text with no letter and no digit (only spaces, punctuation, symbols, emoji, invisible
characters) names no one: every identifier the policies know is written with letters or
digits. Such texts (blank cells, rulers of dashes, placeholders such as ``---`` or ``*``)
are passed through unchanged, at the cost of one scan, instead of through the regexes,
spaCy and the transformer. Repeated texts are already detected once per batch
(:func:`redactor.redact.distinct`); this skips the ones that need no detection at all.

The test looks at the text as the detectors would read it: a text whose characters are not
letters or digits but fold to them under NFKC ("ⓙⓞⓗⓝ", "①②③") is detected as usual.

It applies only where it is known to be safe: the policy's own detectors are the built-in
ones and every deny-list term holds a letter or digit. A policy with ``recognizers:`` of its
own (a regex could match "::" on purpose) or a deny term such as ``"***"`` has every text
detected, as before (fail closed).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from redactor.detect.engine import Engine, recognizer_specs
from redactor.policy import Policy

#: One letter or digit of any script (``\w`` without the underscore).
_ALNUM = re.compile(r"[^\W_]")


def may_hold_identifier(text: str) -> bool:
    """Whether ``text`` has a letter or a digit, as written or after NFKC folding."""
    if _ALNUM.search(text):
        return True
    if text.isascii():
        return False
    return _ALNUM.search(unicodedata.normalize("NFKC", text)) is not None


def skipping_applies(policy: Policy) -> bool:
    """Whether texts with no letter or digit may skip detection under ``policy``: no
    recognizers of its own, and every deny-list term holds a letter or digit."""
    if policy.recognizers:
        return False
    return all(may_hold_identifier(term) for terms in policy.deny.values() for term in terms)


def engine_may_skip(engine: Engine) -> bool:
    """:func:`skipping_applies` to the engine's policy, and the engine runs the recognizers
    that policy names (:func:`~redactor.detect.engine.recognizer_specs`), no others: one
    given recognizers from Python may run anything, so it detects every text."""
    named = recognizer_specs(engine.policy, engine.excluded)
    return skipping_applies(engine.policy) and len(engine.recognizers) == len(named)


def to_detect(texts: Sequence[str], enabled: bool = True) -> list[int]:
    """The positions of the texts that go to the detectors (all of them unless ``enabled``)."""
    if not enabled:
        return list(range(len(texts)))
    return [i for i, text in enumerate(texts) if may_hold_identifier(text)]
