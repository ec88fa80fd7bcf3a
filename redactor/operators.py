"""Operators: what a rule does to the text of one span. Pure functions of (text, span, rule).

Masking reuses presidio-anonymizer's ``Mask`` operator; keyed hashing and surrogates are ours
(presidio's hash is not keyed, and its replace is not consistent across documents).
"""

from __future__ import annotations

from collections.abc import Callable

from presidio_anonymizer.operators import Mask

from redactor.policy import HashRule, KeepRule, MaskRule, PseudonymizeRule, RedactRule, Rule
from redactor.pseudonyms import PseudonymContext
from redactor.span import Span

_MASK = Mask()


def redact(value: str, span: Span, rule: RedactRule, ctx: PseudonymContext | None) -> str:
    """The rule's placeholder, e.g. ``[PERSON]``."""
    return rule.placeholder.format(label=span.label)


def mask(value: str, span: Span, rule: MaskRule, ctx: PseudonymContext | None) -> str:
    """Every character but the last ``keep_last`` replaced by ``rule.char``."""
    count = max(len(value) - rule.keep_last, 0)
    params = {"masking_char": rule.char, "chars_to_mask": count, "from_end": False}
    return _MASK.operate(value, params)


def hash_value(value: str, span: Span, rule: HashRule, ctx: PseudonymContext | None) -> str:
    """Keyed HMAC-SHA256 of the value (hex, truncated), tagged with the label."""
    if ctx is None:
        raise ValueError("hash needs a key")
    from redactor.pseudonyms import normalise

    digest = ctx.key.digest("hash", span.label, normalise(value)).hex()[: rule.length]
    return f"<{span.label}:{digest}>"


def pseudonymize(value: str, span: Span, rule: PseudonymizeRule, ctx: PseudonymContext | None) -> str:
    """A realistic surrogate of the same type, consistent for the same key and value."""
    if ctx is None:
        raise ValueError("pseudonymize needs a key")
    return ctx.surrogate(span.label, value)


def keep(value: str, span: Span, rule: KeepRule, ctx: PseudonymContext | None) -> str:
    """The value unchanged."""
    return value


Operator = Callable[[str, Span, Rule, "PseudonymContext | None"], str]

OPERATORS: dict[str, Operator] = {
    "redact": redact,
    "mask": mask,
    "hash": hash_value,
    "pseudonymize": pseudonymize,
    "keep": keep,
}
