"""Test doubles shared by the test modules (``tests/`` is on pytest's ``pythonpath``)."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from redactor.quality.evaluate import GoldSpan
from redactor.span import Span


@dataclass
class Fixed:
    """A fake recognizer that returns the same spans for every text (those that fit in it).

    Its ``pattern:*`` sources stand for the pattern recognizer's and are exact, as the real
    one's are (:attr:`redactor.detect.patterns.PatternRecognizer.exact`)."""

    spans: list[Span]
    name: str = "fixed"

    @property
    def exact_sources(self) -> frozenset[str]:
        """The ``pattern:*`` sources of its spans."""
        return frozenset(s.source for s in self.spans if s.source.startswith("pattern:"))

    def detect(self, texts: Sequence[str]) -> list[list[Span]]:
        """The fixed spans that end inside each text."""
        return [[s for s in self.spans if s.end <= len(t)] for t in texts]


#: The compliance-audit tests' small seeded set: two documents per origin x gender cell.
SIZE = 56
SEED = 4250


@dataclass
class Oracle:
    """A fake recognizer that finds the gold spans of the audit set (minus those ``drop`` names)."""

    gold: dict[str, tuple[GoldSpan, ...]]
    drop: Callable[[GoldSpan], bool] = field(default=lambda s: False)
    name: str = "oracle"

    def detect(self, texts: Sequence[str]) -> list[list[Span]]:
        """The gold spans of each text (a text not in the set has none)."""
        return [[Span(s.start, s.end, s.label, 0.99, "oracle")
                 for s in self.gold.get(t, ()) if not self.drop(s)] for t in texts]


@contextmanager
def script_module(name: str, path: Path) -> Iterator[ModuleType]:
    """A script outside the package (``benchmarks/*.py``) imported as module ``name`` for the
    block, and taken out of ``sys.modules`` after it."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop(name, None)


def span_at(text: str, value: str, label: str, source: str, score: float = 0.85) -> Span:
    """A detector's span over the first ``value`` in ``text``."""
    start = text.index(value)
    return Span(start, start + len(value), label, score, source)
