"""One audit: generate the seeded set, run the policy's real detection stack, score, gate.

>>> from redactor.quality.audit import run_audit          # doctest: +SKIP
>>> result = run_audit(load_policy("hipaa"), size=500)  # doctest: +SKIP
>>> result.passed, result.report["metrics"]["overall"]["recall"]  # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import platform
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from redactor import __version__
from redactor.detect.engine import Engine
from redactor.policy import Policy
from redactor.quality import gates as gates_mod
from redactor.quality.evaluate import counts_as_detection
from redactor.quality.metrics import compute
from redactor.quality.origins import GENDERS, ORIGIN_KEYS
from redactor.quality.synth import DEFAULT_SEED, GENERATOR_VERSION, generate
from redactor.quality.templates import TEMPLATES

SCHEMA = "redactor.audit.v1"
DEFAULT_SIZE = 1000
DEFAULT_N_BOOT = 500


@dataclass(frozen=True)
class AuditResult:
    """The JSON-ready report and the gate outcomes of one audit."""

    report: dict[str, Any]
    gates: tuple[gates_mod.GateResult, ...]

    @property
    def passed(self) -> bool:
        """True when every gate passed."""
        return gates_mod.passed(list(self.gates))


def _display_path(path: str) -> str:
    """``path`` relative to the working folder when below it (keeps home folders out of reports)."""
    if not path:
        return ""
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        return path


def run_audit(
    policy: Policy,
    *,
    size: int = DEFAULT_SIZE,
    seed: int = DEFAULT_SEED,
    engine: Engine | None = None,
    n_boot: int = DEFAULT_N_BOOT,
    batch_size: int = 64,
    min_support: int = gates_mod.DEFAULT_MIN_SUPPORT,
    today: dt.date | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> AuditResult:
    """Audit ``policy``'s detection stack (or ``engine``, for tests) on ``size`` documents.

    A gate where some group or entity type has fewer than ``min_support`` gold spans is not
    passed: it is ``INSUFFICIENT`` (those groups are named), unless a group with enough
    support fails it. Every origin and gender is expected; one without examples counts.

    Raises :class:`~redactor.errors.ModelError` when a model cannot load (nothing is scored
    with a weaker stack).
    """
    started = time.perf_counter()
    engine = (engine or Engine.from_policy(policy)).load()
    loaded = time.perf_counter()
    labels = policy.entity_labels
    docs = generate(size, seed, labels=labels)
    generated = time.perf_counter()
    predictions = []
    for i in range(0, len(docs), batch_size):
        batch = docs[i : i + batch_size]
        found = engine.analyze([d.text for d in batch])
        predictions.extend([s for s in spans if counts_as_detection(doc, s, policy)]
                           for doc, spans in zip(batch, found, strict=True))
        if on_progress is not None:
            on_progress(min(i + batch_size, len(docs)), len(docs))
    detected = time.perf_counter()
    metrics = compute(docs, predictions, labels, n_boot=n_boot, seed=seed)
    expected = {"origin": ORIGIN_KEYS, "gender": GENDERS} if "PERSON" in labels else {}
    results = tuple(gates_mod.check_gates(metrics, policy.audit, min_support=min_support,
                                          expected=expected))
    scored = time.perf_counter()
    per_label = Counter(s.label for d in docs for s in d.spans)
    now = dt.datetime.now(dt.timezone.utc)
    day = today or now.date()
    report = {
        "schema": SCHEMA,
        "date": day.isoformat(),
        "created": now.isoformat(timespec="seconds"),
        "tool": {"name": "redactor", "version": __version__,
                 "python": platform.python_version()},
        "models": engine.versions(),
        "policy": {
            "name": policy.name,
            "path": _display_path(policy.path),
            "sha256": policy.sha256,
            "version": policy.version,
            "threshold": policy.threshold,
            "labels": sorted(labels),
            "gates": policy.audit.model_dump(),
            "gate_min_support": min_support,
        },
        "test_set": {
            "generator": GENERATOR_VERSION,
            "seed": seed,
            "size": len(docs),
            "n_spans": sum(len(d.spans) for d in docs),
            "spans_per_label": dict(sorted(per_label.items())),
            "origins": list(ORIGIN_KEYS),
            "genders": list(GENDERS),
            "templates": len(TEMPLATES),
            "kinds": dict(sorted(Counter(str(d.meta["kind"]) for d in docs).items())),
        },
        "metrics": metrics,
        "gates": [g.to_dict() for g in results],
        "passed": gates_mod.passed(list(results)),
        "verdict": gates_mod.verdict(list(results)),
        "insufficient_support": sorted({g for r in results for g, _ in r.insufficient}),
        "timing": {
            "load_s": round(loaded - started, 2),
            "generate_s": round(generated - loaded, 2),
            "detect_s": round(detected - generated, 2),
            "score_s": round(scored - detected, 2),
            "docs_per_s": round(len(docs) / max(detected - generated, 1e-9), 1),
        },
    }
    return AuditResult(report, results)
