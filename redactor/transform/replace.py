"""Apply a policy to one document's resolved spans: new text plus a record of what was done."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from redactor.policy import Policy
from redactor.span import Span
from redactor.transform.operators import OPERATORS, Scope
from redactor.transform.person_names import DocumentNames
from redactor.transform.pseudonyms import PseudonymContext


@dataclass(frozen=True, slots=True)
class Replacement:
    """What the audit records for one span: offsets in the ORIGINAL text, never the text.

    ``out_start``/``out_end`` locate the replacement in the NEW text (the vault uses them to
    put originals back); they are not written to the audit.
    """

    start: int
    end: int
    label: str
    source: str
    score: float
    action: str
    out_start: int = -1
    out_end: int = -1

    def to_dict(self) -> dict[str, object]:
        """The audit's JSON shape for one span."""
        return {
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "recognizer": self.source,
            "score": round(self.score, 4),
            "action": self.action,
        }


def text_subject(text: str) -> str:
    """The date-shift subject of a text given without one: the text's own digest."""
    return "text:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def apply(
    text: str,
    spans: Sequence[Span],
    policy: Policy,
    ctx: PseudonymContext | None,
    *,
    subject: str | None = None,
    today: date | None = None,
) -> tuple[str, list[Replacement]]:
    """``text`` with each span replaced per the policy. ``spans`` must not overlap.

    ``subject`` names whose dates these are (every date of one subject is shifted by the same
    offset); without one, the text itself is the subject. ``today`` is the run's date (default:
    the context's, else today).
    """
    ordered = sorted(spans, key=lambda s: s.start)
    persons = [text[s.start : s.end] for s in ordered
               if s.label == "PERSON" and policy.rule_for("PERSON").action == "pseudonymize"]
    scope = Scope(
        subject=subject if subject is not None else text_subject(text),
        names=DocumentNames.build(persons),
        today=today or (ctx.today if ctx is not None else date.today()),
    )
    pieces: list[str] = []
    done: list[Replacement] = []
    cursor = 0
    length = 0
    for span in ordered:
        if span.start < cursor:
            raise ValueError("apply() needs non-overlapping spans; resolve them first")
        rule = policy.rule_for(span.label)
        if rule.action == "keep":
            continue
        value = text[span.start : span.end]
        before = text[cursor : span.start]
        new = OPERATORS[rule.action](value, span, rule, ctx, scope)
        pieces.append(before)
        pieces.append(new)
        out_start = length + len(before)
        length = out_start + len(new)
        done.append(Replacement(span.start, span.end, span.label, span.source, span.score,
                                rule.action, out_start, length))
        cursor = span.end
    pieces.append(text[cursor:])
    return "".join(pieces), done
