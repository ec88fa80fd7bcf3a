"""Overlap resolution: many recognizers' spans in, non-overlapping spans out. Pure functions.

For redaction, leaking a character is worse than mislabelling one, so every strategy first
groups spans that overlap (directly or through a chain) into clusters, then emits ONE span per
cluster that covers the whole cluster, labelled by the cluster's winner. Strategies differ only
in how they rank the winner, and are chosen by a versioned name from the policy. In every
strategy, a span of a type outside the catalogue (a recognizer added from Python for its own
type, ``EMPLOYEE_ID``) names its cluster when it covers at least half of it, as a pattern does.

One exception keeps a policy's generalisations working inside a cluster: a pattern's span of
a label the policy generalises (a ZIP code it writes as ``021**``) that lies inside a larger
cluster keeps its own extent and label, and the rest of the cluster is labelled by the best
span covering it ("Boston, MA 02114" under a street address: the street is redacted, the ZIP
generalised). Every character of the cluster is still covered, by one span or another.

Which spans are *exact* (a regex or checksum match, a deny-list entry: they know their type) is
the recognizers' own attribute (:attr:`redactor.detect.base.Recognizer.exact`); the engine passes
the exact sources in, so this module never guesses it from a source name.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import replace

from redactor.entities import is_known
from redactor.span import Span

#: Ranks a span within its cluster (lowest wins); ``extent`` is the cluster's length, ``exact``
#: whether the span's recognizer is exact.
RankKey = Callable[[Span, int, bool], tuple]


def _by_score(span: Span, extent: int, exact: bool) -> tuple:
    # Highest score, then longest, then a fixed tie-break so the result never depends on order.
    return (-span.score, -len(span), span.start, span.label, span.source)


def _by_length(span: Span, extent: int, exact: bool) -> tuple:
    return (-len(span), -span.score, span.start, span.label, span.source)


def _patterns_first(span: Span, extent: int, exact: bool) -> tuple:
    # A regex or checksum match knows its type best ("203.0.113.45" is an IP address even when
    # a statistical model, more confident, calls it an ID), when it covers at least half of
    # what the cluster covers; then as union_score.v1.
    decisive = exact and 2 * len(span) >= extent
    return (not decisive, *_by_score(span, extent, exact))


def _own_types_first(rank: RankKey) -> RankKey:
    # A type outside the catalogue comes from a recognizer a user added for it ("EMPLOYEE_ID"):
    # it knows its type best, like a pattern, and must not be renamed by a model's guess.
    def key(span: Span, extent: int, exact: bool) -> tuple:
        own = not is_known(span.label) and 2 * len(span) >= extent
        return (not own, *rank(span, extent, exact))

    return key


STRATEGIES: dict[str, RankKey] = {
    "union_score.v1": _by_score,
    "union_longest.v1": _by_length,
    "union_patterns_first.v1": _patterns_first,
}


def clusters(spans: Iterable[Span]) -> list[list[Span]]:
    """Group spans into maximal runs where each span overlaps the run's extent so far."""
    return list(iter_clusters(spans))


def iter_clusters(spans: Iterable[Span]) -> Iterator[list[Span]]:
    """:func:`clusters` one at a time, each as soon as it is complete (so that a document's
    clusters are never all held at once: one list per finding on a text full of them)."""
    ordered = sorted(spans, key=lambda s: (s.start, s.end, s.label, s.source, s.score))
    group: list[Span] = []
    end = -1
    for span in ordered:
        if group and span.start < end:
            group.append(span)
            end = max(end, span.end)
        else:
            if group:
                yield group
            group = [span]
            end = span.end
    if group:
        yield group


def resolve(
    spans: Sequence[Span],
    strategy: str = "union_score.v1",
    apart: Collection[str] = (),
    exact: Collection[str] = (),
) -> list[Span]:
    """Non-overlapping spans, sorted by start, covering every character any input span covers.

    ``apart``: labels whose rule keeps part of the value (generalisation: ZIP3, year, age
    90+); see :func:`split_cluster`. ``exact``: the sources of exact recognizers
    (:attr:`Engine.exact_sources <redactor.detect.engine.Engine.exact_sources>`).
    """
    ranked = _own_types_first(STRATEGIES[strategy])
    exact_sources = frozenset(exact)

    def rank(span: Span, extent: int) -> tuple:
        return ranked(span, extent, span.source in exact_sources)

    apart_labels = frozenset(apart)
    out: list[Span] = []
    for group in iter_clusters(spans):
        out.extend(split_cluster(group, rank, apart_labels, exact_sources))
    return out


def split_cluster(
    group: Sequence[Span],
    rank: Callable[[Span, int], tuple],
    apart: frozenset[str],
    exact: frozenset[str] = frozenset(),
) -> list[Span]:
    """One cluster's spans: one span covering the cluster, labelled by its winner; or, when
    pattern spans of ``apart`` labels lie inside it, those spans as they are and the rest of
    the cluster labelled by the winner. When the winner is itself such a span, its rule cannot
    apply beyond it, so the rest is labelled by the best span covering it that does not overlap
    the spans kept apart, else by a span around them of a type that is not generalised (a
    street line), else by the winner (spaCy's DATE "MA 02114" around a ZIP code: the ZIP
    rule knows to keep a state). Touching pieces of one label merge back.
    """
    start = min(s.start for s in group)
    end = max(s.end for s in group)
    extent = end - start
    winner = min(group, key=lambda s: rank(s, extent))
    # The winner itself when it covers the cluster (a span alone): no copy per finding.
    whole = [winner if (winner.start, winner.end) == (start, end)
             else replace(winner, start=start, end=end)]
    # Only an exact recognizer knows an inner value's type well enough to take it out of a
    # larger cluster (a ZIP after ", MA"); a model's "ZIP" inside a phone number must not leave.
    candidates = sorted((s for s in group if s.label in apart and s.source in exact
                         and len(s) < extent), key=lambda s: rank(s, extent))
    kept: list[Span] = []
    for span in candidates:
        if not any(span.overlaps(k) for k in kept):
            kept.append(span)
    if not kept:
        return whole

    def around(span: Span) -> bool:
        return any(span.overlaps(k) for k in kept)

    def rest(a: int, b: int) -> Span:
        best = winner
        if winner in kept:
            covering = [s for s in group if s.start < b and a < s.end and s not in kept]
            best = min(covering, key=lambda s: (around(s), s.label in apart, *rank(s, extent)))
            if around(best) and best.label in apart:
                best = winner
        return replace(best, start=a, end=b)

    pieces: list[Span] = []
    cursor = start
    for span in sorted(kept):
        if cursor < span.start:
            pieces.append(rest(cursor, span.start))
        pieces.append(span)
        cursor = span.end
    if cursor < end:
        pieces.append(rest(cursor, end))
    merged: list[Span] = []
    for piece in pieces:
        last = merged[-1] if merged else None
        if last is not None and last.label == piece.label and last.end == piece.start:
            best = min(last, piece, key=lambda s: rank(s, extent))
            merged[-1] = replace(best, start=last.start, end=piece.end)
        else:
            merged.append(piece)
    return whole if len(merged) == 1 else merged


def trim(text: str, spans: Iterable[Span]) -> list[Span]:
    """``spans`` without the white space at their edges (none that is only white space): a
    piece of a split cluster ("MA " before a ZIP code) must not swallow the space after it."""
    out = []
    for span in spans:
        value = text[span.start : span.end]
        stripped = value.strip()
        if not stripped:
            continue
        start = span.start + len(value) - len(value.lstrip())
        if start != span.start or len(stripped) != len(span):
            span = replace(span, start=start, end=start + len(stripped))
        out.append(span)
    return out
