"""Audit gates: the policy's ``audit: {min_recall, max_group_gap}`` checked against the metrics.

Gates (each names what fails):

* ``min_recall.overall``: recall over every identifier the policy acts on.
* ``min_recall.entity_type``: recall of each entity type (types with at least ``min_support``
  gold spans; fewer would make the gate a coin toss).
* ``min_recall.person_group``: person-name recall of each origin and each gender.
* ``max_group_gap.origin`` / ``max_group_gap.gender``: how far a group's person-name recall may
  fall behind the best group's.

Gates compare point estimates; the report gives the bootstrap intervals next to them, so a
reader can see when a failure is within noise (raise ``--size`` to narrow them).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from redactor.policy import AuditGates

DEFAULT_MIN_SUPPORT = 20
GAP_FACETS = ("origin", "gender")


@dataclass(frozen=True)
class GateResult:
    """The outcome of one gate: the limit, the worst value seen, and what failed."""

    name: str
    passed: bool
    limit: float
    value: float | None
    failing: tuple[str, ...] = ()
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"name": self.name, "passed": self.passed, "limit": self.limit,
                "value": self.value, "failing": list(self.failing), "detail": self.detail}

    def message(self) -> str:
        """One line for the terminal."""
        status = "PASS" if self.passed else "FAIL"
        shown = "-" if self.value is None else f"{self.value:.3f}"
        line = f"{status}  {self.name:<26} {shown:>6} (limit {self.limit:.3f})"
        if self.failing:
            line += ": " + ", ".join(self.failing)
        return line


def _recall_rows(groups: Mapping[str, Any], min_support: int) -> dict[str, float]:
    return {
        name: row["recall"]
        for name, row in groups.items()
        if row.get("recall") is not None and row.get("n_gold", 0) >= min_support
    }


def check_gates(
    metrics: Mapping[str, Any], gates: AuditGates, *, min_support: int = DEFAULT_MIN_SUPPORT
) -> list[GateResult]:
    """Every gate of ``gates`` evaluated on ``metrics`` (the output of ``metrics.compute``)."""
    out: list[GateResult] = []
    floor = gates.min_recall

    overall = metrics["overall"].get("recall")
    out.append(GateResult("min_recall.overall", overall is not None and overall >= floor, floor,
                          overall, () if overall is not None and overall >= floor else ("all",),
                          "recall over every identifier the policy acts on"))

    per_type = _recall_rows(metrics["per_entity"], min_support)
    low = tuple(sorted((t for t, r in per_type.items() if r < floor), key=per_type.__getitem__))
    out.append(GateResult("min_recall.entity_type", not low, floor,
                          min(per_type.values()) if per_type else None, low,
                          f"types with at least {min_support} gold spans"))

    person: dict[str, float] = {}
    for facet in GAP_FACETS:
        rows = _recall_rows(metrics["person_groups"][facet]["by_group"], min_support)
        person.update({f"{facet}={g}": r for g, r in rows.items()})
    low = tuple(sorted((g for g, r in person.items() if r < floor), key=person.__getitem__))
    out.append(GateResult("min_recall.person_group", not low, floor,
                          min(person.values()) if person else None, low,
                          "person-name recall of each origin and gender"))

    for facet in GAP_FACETS:
        rows = _recall_rows(metrics["person_groups"][facet]["by_group"], min_support)
        if len(rows) < 2:
            out.append(GateResult(f"max_group_gap.{facet}", True, gates.max_group_gap, None, (),
                                  "fewer than two groups with enough support"))
            continue
        best = max(rows, key=rows.__getitem__)
        gap = rows[best] - min(rows.values())
        behind = tuple(sorted((g for g, r in rows.items() if rows[best] - r > gates.max_group_gap),
                              key=rows.__getitem__))
        out.append(GateResult(f"max_group_gap.{facet}", not behind, gates.max_group_gap,
                              round(gap, 4), tuple(f"{facet}={g}" for g in behind),
                              f"person-name recall behind the best group ({facet}={best}, "
                              f"{rows[best]:.3f})"))
    return out


def passed(results: list[GateResult]) -> bool:
    """True when every gate passed."""
    return all(r.passed for r in results)
