"""Audit gates: the policy's ``audit: {min_recall, max_group_gap}`` checked against the metrics.

Gates (each names what fails):

* ``min_recall.overall``: recall over every identifier the policy acts on.
* ``min_recall.entity_type``: recall of each entity type.
* ``min_recall.person_group``: person-name recall of each origin and each gender.
* ``max_group_gap.origin`` / ``max_group_gap.gender``: how far a group's person-name recall may
  fall behind the best group's.

A gate has one of three outcomes. **FAIL**: a group with enough support (at least
``min_support`` gold spans) is below the limit. **INSUFFICIENT**: none fails, but some group
(an entity type, an origin, a gender, or the whole set) has fewer gold spans than that, so a
PASS would be a coin toss; the groups are named with their counts (raise ``--size``).
**PASS**: every group has enough support and none fails. The value shown is the worst over
every group, small ones included, so it always agrees with the report's headline figures.

Gates compare point estimates; the report gives the bootstrap intervals next to them, so a
reader can see when a failure is within noise (raise ``--size`` to narrow them).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from redactor.policy import AuditGates

DEFAULT_MIN_SUPPORT = 20
GAP_FACETS = ("origin", "gender")
PASS, FAIL, INSUFFICIENT = "PASS", "FAIL", "INSUFFICIENT"


@dataclass(frozen=True)
class GateResult:
    """The outcome of one gate: the limit, the worst value seen, what failed, and the groups
    with too little support to be judged (``(group, n_gold)``)."""

    name: str
    passed: bool
    limit: float
    value: float | None
    failing: tuple[str, ...] = ()
    detail: str = ""
    insufficient: tuple[tuple[str, int], ...] = ()
    min_support: int = DEFAULT_MIN_SUPPORT

    @property
    def status(self) -> str:
        """``PASS``, ``FAIL`` (a group with enough support fails) or ``INSUFFICIENT``."""
        if self.passed:
            return PASS
        return FAIL if self.failing else INSUFFICIENT

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"name": self.name, "status": self.status, "passed": self.passed,
                "limit": self.limit, "value": self.value, "failing": list(self.failing),
                "insufficient": [{"group": g, "n_gold": n} for g, n in self.insufficient],
                "min_support": self.min_support, "detail": self.detail}

    def message(self) -> str:
        """One line for the terminal."""
        shown = "-" if self.value is None else f"{self.value:.3f}"
        line = f"{self.status:<4}  {self.name:<26} {shown:>6} (limit {self.limit:.3f})"
        if self.failing:
            line += ": " + ", ".join(self.failing)
        if self.insufficient:
            line += (f"{';' if self.failing else ':'} under {self.min_support} examples: "
                     + ", ".join(f"{g} (n={n})" for g, n in self.insufficient))
        return line


def _gate(name: str, limit: float, value: float | None, failing: Sequence[str], detail: str,
          insufficient: Sequence[tuple[str, int]], min_support: int) -> GateResult:
    return GateResult(name, not failing and not insufficient, limit, value, tuple(failing),
                      detail, tuple(insufficient), min_support)


def _groups(rows: Mapping[str, Any], prefix: str = "", expected: Sequence[str] = ()
            ) -> dict[str, tuple[float | None, int]]:
    """``{group: (recall, n_gold)}``; an expected group missing from ``rows`` has ``n = 0``."""
    out = {f"{prefix}{g}": (None, 0) for g in expected}
    for g, row in rows.items():
        out[f"{prefix}{g}"] = (row.get("recall"), int(row.get("n_gold") or 0))
    return out


def _split(groups: Mapping[str, tuple[float | None, int]], min_support: int
           ) -> tuple[dict[str, float], dict[str, float], list[tuple[str, int]]]:
    """Recall of every group that has one, of those with enough support, and the groups
    without enough support (smallest first)."""
    scored = {g: r for g, (r, _) in groups.items() if r is not None}
    supported = {g: r for g, (r, n) in groups.items() if r is not None and n >= min_support}
    small = sorted(((g, n) for g, (_, n) in groups.items() if g not in supported),
                   key=lambda x: (x[1], x[0]))
    return scored, supported, small


def check_gates(
    metrics: Mapping[str, Any],
    gates: AuditGates,
    *,
    min_support: int = DEFAULT_MIN_SUPPORT,
    expected: Mapping[str, Sequence[str]] | None = None,
) -> list[GateResult]:
    """Every gate of ``gates`` evaluated on ``metrics`` (the output of ``metrics.compute``).

    ``expected`` names the groups each facet should have (``{"origin": [...], "gender":
    [...]}``); one the metrics lack (no example at all) is reported as insufficient.
    """
    out: list[GateResult] = []
    floor = gates.min_recall
    expected = expected or {}

    overall_row = metrics["overall"]
    overall = overall_row.get("recall")
    n_all = int(overall_row.get("n_gold") or 0)
    low = () if overall is not None and overall >= floor else ("all",)
    out.append(_gate("min_recall.overall", floor, overall, low if overall is not None else (),
                     "recall over every identifier the policy acts on",
                     [("all", n_all)] if overall is None or n_all < min_support else [],
                     min_support))

    scored, supported, small = _split(_groups(metrics["per_entity"]), min_support)
    low = tuple(sorted((t for t, r in supported.items() if r < floor), key=supported.__getitem__))
    out.append(_gate("min_recall.entity_type", floor, min(scored.values()) if scored else None,
                     low, "recall of each entity type", small, min_support))

    person: dict[str, tuple[float | None, int]] = {}
    for facet in GAP_FACETS:
        person.update(_groups(metrics["person_groups"][facet]["by_group"], f"{facet}=",
                              expected.get(facet, ())))
    scored, supported, small = _split(person, min_support)
    low = tuple(sorted((g for g, r in supported.items() if r < floor), key=supported.__getitem__))
    out.append(_gate("min_recall.person_group", floor, min(scored.values()) if scored else None,
                     low, "person-name recall of each origin and gender", small, min_support))

    limit = gates.max_group_gap
    for facet in GAP_FACETS:
        groups = _groups(metrics["person_groups"][facet]["by_group"], f"{facet}=",
                         expected.get(facet, ()))
        scored, supported, small = _split(groups, min_support)
        gap = round(max(scored.values()) - min(scored.values()), 4) if len(scored) > 1 else None
        if len(supported) < 2:
            out.append(_gate(f"max_group_gap.{facet}", limit, gap, (),
                             "fewer than two groups with enough support", small, min_support))
            continue
        best = max(supported, key=supported.__getitem__)
        behind = tuple(sorted((g for g, r in supported.items() if supported[best] - r > limit),
                              key=supported.__getitem__))
        out.append(_gate(f"max_group_gap.{facet}", limit, gap, behind,
                         f"person-name recall behind the best group ({best}, "
                         f"{supported[best]:.3f})", small, min_support))
    return out


def passed(results: list[GateResult]) -> bool:
    """True when every gate passed."""
    return all(r.passed for r in results)


def verdict(results: list[GateResult]) -> str:
    """``FAIL`` when a gate fails, else ``INSUFFICIENT`` when one lacks support, else ``PASS``."""
    statuses = {r.status for r in results}
    return FAIL if FAIL in statuses else INSUFFICIENT if INSUFFICIENT in statuses else PASS
