"""Apply a policy to one document's resolved spans: new text plus a record of what was done."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from redactor.operators import OPERATORS
from redactor.policy import Policy
from redactor.pseudonyms import PseudonymContext
from redactor.span import Span


@dataclass(frozen=True, slots=True)
class Replacement:
    """What the audit records for one span: offsets in the ORIGINAL text, never the text."""

    start: int
    end: int
    label: str
    source: str
    score: float
    action: str

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


def apply(
    text: str, spans: Sequence[Span], policy: Policy, ctx: PseudonymContext | None
) -> tuple[str, list[Replacement]]:
    """``text`` with each span replaced per the policy. ``spans`` must not overlap."""
    pieces: list[str] = []
    done: list[Replacement] = []
    cursor = 0
    for span in sorted(spans, key=lambda s: s.start):
        if span.start < cursor:
            raise ValueError("apply() needs non-overlapping spans; resolve them first")
        rule = policy.rule_for(span.label)
        if rule.action == "keep":
            continue
        value = text[span.start : span.end]
        pieces.append(text[cursor : span.start])
        pieces.append(OPERATORS[rule.action](value, span, rule, ctx))
        done.append(
            Replacement(span.start, span.end, span.label, span.source, span.score, rule.action)
        )
        cursor = span.end
    pieces.append(text[cursor:])
    return "".join(pieces), done
