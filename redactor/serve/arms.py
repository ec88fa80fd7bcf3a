"""The policies that serve: the main arm, and a candidate for an A/B test or a shadow run.

An :class:`Arm` is a loaded policy with its engine, pseudonym context and scanner (or, with
``workers > 1``, the worker processes of
:class:`redactor.distributed.executors.ProcessExecutor`, each
with its own copy). :meth:`Arm.run` is what the batcher calls: one operation on a batch of
texts, through the library's own entry points (``redact_batch``, ``Engine.analyze``,
``Scanner.scan_texts``, and ``trace_texts`` of ``redact explain``), so the service detects and
explains exactly what the CLI does.

A/B: :func:`ab_arm` sends a stable share of requests to the candidate, by a keyed hash of the
client's ``X-Request-Id`` (or of the texts). Shadow: :func:`agreement` counts, per entity
type, the spans both arms found and those only one found; :class:`ShadowSummary` keeps those
counts (totals and a rolling window), never a text.
"""

from __future__ import annotations

import threading
import time
from collections import Counter, deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from redactor.detect.engine import Engine
from redactor.policy import Policy, load_policy
from redactor.quality.scan import Scanner
from redactor.redact import Redacted, redact_batch
from redactor.span import Span
from redactor.transform.keys import SecretKey
from redactor.transform.pseudonyms import PseudonymContext

OPS = ("redact", "analyze", "scan", "explain")
#: Used for the A/B hash when the service has no secret key: assignment is still stable
#: across restarts, but a client could predict it.
AB_FALLBACK_KEY = SecretKey(b"redactor serve a/b assignment v1")
OUTCOMES = ("both", "main_only", "candidate_only")


def run_op(engine: Engine, ctx: PseudonymContext | None, scanner: Scanner, op: str,
           texts: list[str]) -> list[Any]:
    """One operation on a batch: ``Redacted`` results, analyzed spans, scan findings, or (for
    ``explain``) the JSON form of ``redact explain``'s trace of each text, which holds text."""
    if op == "redact":
        return redact_batch(engine, texts, ctx)
    if op == "analyze":
        return engine.analyze(texts)
    if op == "scan":
        return scanner.scan_texts(texts)
    if op == "explain":
        from redactor.review.explain import trace_texts

        return [trace.to_dict() for trace in trace_texts(engine, texts)]
    raise ValueError(f"unknown operation {op!r}")


_WORKER_SCANNERS: dict[int, Scanner] = {}


def _worker_op(op: str, texts: list[str]) -> list[Any]:
    """:func:`run_op` in a worker process of a ``ProcessExecutor``."""
    from redactor.distributed.executors import worker_engine

    engine, ctx = worker_engine()
    scanner = _WORKER_SCANNERS.get(id(engine))
    if scanner is None:
        scanner = _WORKER_SCANNERS[id(engine)] = Scanner(engine.policy, engine=engine)
    return run_op(engine, ctx, scanner, op, texts)


@dataclass
class Arm:
    """One loaded policy that can serve requests (``name``: ``main`` or ``candidate``)."""

    name: str
    policy: Policy
    engine: Engine
    ctx: PseudonymContext | None
    scanner: Scanner
    executor: Any = None  # a started ProcessExecutor when workers > 1

    @classmethod
    def load(cls, name: str, policy: str | Policy, key: SecretKey | None, *, workers: int = 1,
             device: str | None = None) -> Arm:
        """Load the policy, its models and key now (errors propagate: the service fails closed).

        With ``workers > 1`` the worker processes start and load their engines here too.
        """
        from redactor.api import Redactor

        loaded = policy if isinstance(policy, Policy) else load_policy(policy)
        redactor = Redactor(loaded, key=key, engine=Engine.from_policy(loaded, device=device))
        executor = None
        if workers > 1:
            from redactor.distributed.executors import open_executor

            executor = open_executor(redactor.engine, redactor.context, workers=workers)
        return cls(name, loaded, redactor.engine, redactor.context,
                   Scanner(loaded, engine=redactor.engine), executor)

    def run(self, op: str, texts: list[str]) -> list[Any]:
        """One operation on a batch of texts, here or in a worker process."""
        if self.executor is None:
            return run_op(self.engine, self.ctx, self.scanner, op, texts)
        return self.executor.result(self.executor.submit(_worker_op, op, texts))

    def close(self) -> None:
        """Stop the worker processes, if any."""
        if self.executor is not None:
            self.executor.close()
            self.executor = None


def ab_arm(share: float, key: SecretKey | None, request_id: str | None,
           texts: Sequence[str]) -> str:
    """``candidate`` for a stable ``share`` of requests, else ``main``.

    The same request id (or, without one, the same texts) always gets the same arm for one
    key; the hash is keyed so that clients cannot steer their requests to an arm.
    """
    if share <= 0.0:
        return "main"
    ident = ("id", request_id) if request_id else ("texts", *texts)
    digest = (key or AB_FALLBACK_KEY).digest("ab", *ident)
    draw = int.from_bytes(digest[:8], "big") / 2.0**64
    return "candidate" if draw < share else "main"


def spans_of(op: str, result: Any) -> Sequence[Span]:
    """The spans of one text's result (redact: ``Redacted``; analyze: a list of spans)."""
    return result.spans if isinstance(result, Redacted) else result


def agreement(main: Sequence[Span], candidate: Sequence[Span]) -> Counter[tuple[str, str]]:
    """Per ``(label, outcome)``: spans both found (same offsets and type), or one only.

    A span whose boundaries differ between the arms counts once as ``main_only`` and once as
    ``candidate_only``: the comparison is exact, as a redaction either covers a value or not.
    """
    mine = {(s.start, s.end, s.label) for s in main}
    theirs = {(s.start, s.end, s.label) for s in candidate}
    counts: Counter[tuple[str, str]] = Counter()
    for keyset, outcome in ((mine & theirs, "both"), (mine - theirs, "main_only"),
                            (theirs - mine, "candidate_only")):
        for _, _, label in keyset:
            counts[(label, outcome)] += 1
    return counts


@dataclass
class ShadowSummary:
    """Counts of the shadow comparison: totals, and the last ``window`` requests. No text."""

    main: Policy
    candidate: Policy
    window: int = 1000
    requests: int = 0
    texts: int = 0
    dropped: int = 0
    failed: int = 0
    total: Counter[tuple[str, str]] = field(default_factory=Counter)
    recent: deque[tuple[int, Counter[tuple[str, str]]]] = field(init=False)
    started: str = field(default_factory=lambda: _now())
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _last_write: float = 0.0

    def __post_init__(self) -> None:
        self.recent = deque(maxlen=self.window)

    def add(self, n_texts: int, counts: Counter[tuple[str, str]]) -> None:
        """Record one compared request."""
        with self._lock:
            self.requests += 1
            self.texts += n_texts
            self.total.update(counts)
            self.recent.append((n_texts, counts))

    def count(self, what: str) -> None:
        """Record a request that was not compared (``dropped``: queue full; ``failed``)."""
        with self._lock:
            setattr(self, what, getattr(self, what) + 1)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form: policy names and digests, request counts, counts per type."""
        with self._lock:
            window: Counter[tuple[str, str]] = Counter()
            for _, counts in self.recent:
                window.update(counts)
            return {
                "mode": "shadow",
                "main": {"policy": self.main.name, "policy_sha256": self.main.sha256},
                "candidate": {"policy": self.candidate.name,
                              "policy_sha256": self.candidate.sha256},
                "started": self.started,
                "updated": _now(),
                "requests": self.requests,
                "texts": self.texts,
                "dropped": self.dropped,
                "failed": self.failed,
                "total": _by_type(self.total),
                "window": {"requests": len(self.recent),
                           "texts": sum(n for n, _ in self.recent),
                           "by_type": _by_type(window)},
            }

    def write(self, path: str, *, every: float = 1.0) -> bool:
        """Write the summary to ``path`` (atomically) unless written less than ``every`` s ago."""
        import json

        from redactor.formats.atomic import atomic_write

        now = time.monotonic()
        if every and now - self._last_write < every:
            return False
        self._last_write = now
        with atomic_write(path) as out:
            json.dump(self.to_dict(), out, indent=2, sort_keys=True)
            out.write("\n")
        return True


def _by_type(counts: Counter[tuple[str, str]]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for label in sorted({label for label, _ in counts}):
        row: dict[str, float] = {o: counts[(label, o)] for o in OUTCOMES}
        seen = sum(row.values())
        row["agreement"] = round(row["both"] / seen, 4) if seen else 1.0
        out[label] = row
    return out


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
