"""Overlap resolution: many recognizers' spans in, non-overlapping spans out. Pure functions.

For redaction, leaking a character is worse than mislabelling one, so every strategy first
groups spans that overlap (directly or through a chain) into clusters, then emits ONE span per
cluster that covers the whole cluster, labelled by the cluster's winner. Strategies differ only
in how they rank the winner, and are chosen by a versioned name from the policy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from redactor.span import Span

#: Ranks a span within its cluster (lowest wins); ``extent`` is the cluster's length.
RankKey = Callable[[Span, int], tuple]


def _by_score(span: Span, extent: int) -> tuple:
    # Highest score, then longest, then a fixed tie-break so the result never depends on order.
    return (-span.score, -len(span), span.start, span.label, span.source)


def _by_length(span: Span, extent: int) -> tuple:
    return (-len(span), -span.score, span.start, span.label, span.source)


def _patterns_first(span: Span, extent: int) -> tuple:
    # A regex or checksum match knows its type best ("203.0.113.45" is an IP address even when
    # a statistical model, more confident, calls it an ID), when it covers at least half of
    # what the cluster covers; then as union_score.v1.
    decisive = span.source.startswith(("pattern:", "deny_list")) and 2 * len(span) >= extent
    return (not decisive, *_by_score(span, extent))


STRATEGIES: dict[str, RankKey] = {
    "union_score.v1": _by_score,
    "union_longest.v1": _by_length,
    "union_patterns_first.v1": _patterns_first,
}


def clusters(spans: Iterable[Span]) -> list[list[Span]]:
    """Group spans into maximal runs where each span overlaps the run's extent so far."""
    ordered = sorted(spans, key=lambda s: (s.start, s.end, s.label, s.source, s.score))
    groups: list[list[Span]] = []
    end = -1
    for span in ordered:
        if groups and span.start < end:
            groups[-1].append(span)
            end = max(end, span.end)
        else:
            groups.append([span])
            end = span.end
    return groups


def resolve(spans: Sequence[Span], strategy: str = "union_score.v1") -> list[Span]:
    """Non-overlapping spans, sorted by start, covering every character any input span covers."""
    rank = STRATEGIES[strategy]
    out = []
    for group in clusters(spans):
        start = min(s.start for s in group)
        end = max(s.end for s in group)
        winner = min(group, key=lambda s: rank(s, end - start))
        out.append(replace(winner, start=start, end=end))
    return out
