"""Operators: what a rule does to the text of one span. Pure functions of (text, span, rule,
context, scope).

Masking behaves like presidio-anonymizer's ``Mask`` operator (mask from the start, keep the
tail) but is written here: importing presidio-anonymizer pulls in transformers and costs
seconds per run. Keyed hashing, surrogates, date shifting and Safe Harbor generalisation are
ours (presidio's hash is not keyed, and its replace is not consistent across documents). Every
operator fails closed: a value it cannot handle becomes the rule's placeholder, never the
original text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from redactor.policy import (
    DateShiftRule,
    GeneralizeRule,
    HashRule,
    KeepRule,
    MaskRule,
    PseudonymizeRule,
    RedactRule,
    Rule,
)
from redactor.span import Span
from redactor.transform.dates import parse_date
from redactor.transform.person_names import DocumentNames
from redactor.transform.pseudonyms import PseudonymContext, normalise
from redactor.transform.safe_harbor import generalize_age, generalize_date, generalize_zip


@dataclass(frozen=True)
class Scope:
    """What an operator may know about the document its span comes from.

    ``subject``: whose dates these are (date shifting moves all of one subject's dates by the
    same offset); ``names``: the document's person mentions (so ``M. Gonzalez`` follows
    ``Maria Gonzalez``); ``today``: the run's date (for ages over 89).
    """

    subject: str = ""
    names: DocumentNames = field(default_factory=DocumentNames)
    today: date = field(default_factory=date.today)


NO_SCOPE = Scope()


def redact(value: str, span: Span, rule: RedactRule, ctx: PseudonymContext | None,
           scope: Scope = NO_SCOPE) -> str:
    """The rule's placeholder, e.g. ``[PERSON]``."""
    return rule.placeholder.format(label=span.label)


def mask(value: str, span: Span, rule: MaskRule, ctx: PseudonymContext | None,
         scope: Scope = NO_SCOPE) -> str:
    """Every character but the last ``keep_last`` replaced by ``rule.char``."""
    count = max(len(value) - rule.keep_last, 0)
    return rule.char * count + value[count:]


def hash_value(value: str, span: Span, rule: HashRule, ctx: PseudonymContext | None,
               scope: Scope = NO_SCOPE) -> str:
    """Keyed HMAC-SHA256 of the value (hex, truncated), tagged with the label."""
    if ctx is None:
        raise ValueError("hash needs a key")
    digest = ctx.key.digest("hash", span.label, normalise(value)).hex()[: rule.length]
    return f"<{span.label}:{digest}>"


def pseudonymize(value: str, span: Span, rule: PseudonymizeRule, ctx: PseudonymContext | None,
                 scope: Scope = NO_SCOPE) -> str:
    """A realistic surrogate of the same type, consistent for the same key and value."""
    if ctx is None:
        raise ValueError("pseudonymize needs a key")
    return ctx.surrogate(span.label, value, locale=rule.surrogate_locale, names=scope.names)


def date_shift(value: str, span: Span, rule: DateShiftRule, ctx: PseudonymContext | None,
               scope: Scope = NO_SCOPE) -> str:
    """The date moved by the subject's keyed offset, in the same format; else the placeholder."""
    if ctx is None:
        raise ValueError("date_shift needs a key")
    written = parse_date(value, day_first=rule.day_first, reference=scope.today)
    if written is None:
        return rule.placeholder.format(label=span.label)
    return written.shifted(ctx.date_offset(scope.subject, rule.max_days))


def generalize(value: str, span: Span, rule: GeneralizeRule, ctx: PseudonymContext | None,
               scope: Scope = NO_SCOPE) -> str:
    """Safe Harbor: ZIP3, year only, ages over 89 as ``90+``; else the placeholder."""
    reference = rule.reference_date or scope.today
    if rule.to == "zip3":
        out = generalize_zip(value)
    elif rule.to == "year":
        out = generalize_date(value, reference, rule.over_89.format(label=span.label),
                              day_first=rule.day_first)
    else:
        out = generalize_age(value)
    return rule.placeholder.format(label=span.label) if out is None else out


def keep(value: str, span: Span, rule: KeepRule, ctx: PseudonymContext | None,
         scope: Scope = NO_SCOPE) -> str:
    """The value unchanged."""
    return value


Operator = Callable[[str, Span, Rule, "PseudonymContext | None", Scope], str]

OPERATORS: dict[str, Operator] = {
    "redact": redact,
    "mask": mask,
    "hash": hash_value,
    "pseudonymize": pseudonymize,
    "date_shift": date_shift,
    "generalize": generalize,
    "keep": keep,
}

#: Actions whose output an authorised holder of the vault can turn back into the original.
REVERSIBLE_ACTIONS = frozenset({"pseudonymize", "date_shift", "hash"})
