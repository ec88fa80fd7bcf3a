from dataclasses import FrozenInstanceError, replace

import pytest

from redactor.span import Span


def test_span_is_frozen():
    span = Span(0, 4, "PERSON", 0.9, "x")
    with pytest.raises(FrozenInstanceError):
        span.start = 1  # type: ignore[misc]
    assert replace(span, start=1).start == 1 and span.start == 0


@pytest.mark.parametrize(
    "args",
    [(3, 3, "PERSON"), (5, 2, "PERSON"), (-1, 2, "PERSON"), (0, 2, ""), (0, 2, "PERSON", 1.5)],
)
def test_invalid_spans_are_rejected(args):
    with pytest.raises(ValueError):
        Span(*args)


def test_overlap_and_contains():
    a, b, c = Span(0, 5, "A"), Span(4, 8, "B"), Span(5, 9, "C")
    assert a.overlaps(b) and b.overlaps(a)
    assert not a.overlaps(c)
    assert Span(0, 9, "X").contains(b) and not b.contains(a)
    assert len(b) == 4
