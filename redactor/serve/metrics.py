"""The service's Prometheus metrics, in a registry of its own (one per app, so tests can run two).

Labels are route templates, status codes, arm names, operations, entity types and error codes:
a fixed, small set, and never anything a client wrote.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Gauge,
    Histogram,
    generate_latest,
)
from prometheus_client import Counter as PromCounter

from redactor.span import Span

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.35, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
BATCH_BUCKETS = (1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024)


class Metrics:
    """Every metric ``/metrics`` shows."""

    content_type = CONTENT_TYPE_LATEST

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.requests = PromCounter("redactor_http_requests", "HTTP requests by route, status "
                                    "and serving arm", ["route", "status", "arm"], registry=r)
        self.latency = Histogram("redactor_http_request_duration_seconds",
                                 "Request latency by route", ["route"],
                                 buckets=LATENCY_BUCKETS, registry=r)
        self.characters = PromCounter("redactor_characters", "Characters of text processed",
                                      ["route", "arm"], registry=r)
        self.texts = PromCounter("redactor_texts", "Texts processed", ["route", "arm"],
                                 registry=r)
        self.entities = PromCounter("redactor_entities", "Entities found, by type and arm",
                                    ["label", "arm"], registry=r)
        self.batch_texts = Histogram("redactor_model_batch_texts", "Texts per model batch",
                                     ["arm", "op"], buckets=BATCH_BUCKETS, registry=r)
        self.batch_seconds = Histogram("redactor_model_batch_duration_seconds",
                                       "Time to run one model batch", ["arm", "op"],
                                       buckets=LATENCY_BUCKETS, registry=r)
        self.errors = PromCounter("redactor_errors", "Error responses by error code", ["code"],
                                  registry=r)
        self.queue = Gauge("redactor_queue_texts", "Texts waiting for a batch", ["arm"],
                           registry=r)
        self.shadow_spans = PromCounter("redactor_shadow_spans", "Shadow comparison: spans per "
                                        "type found by both arms or by one only",
                                        ["label", "outcome"], registry=r)
        self.shadow_requests = PromCounter("redactor_shadow_requests", "Shadow comparisons by "
                                           "result (compared, dropped, failed)", ["result"],
                                           registry=r)
        self.info = Gauge("redactor_policy_info", "The policy each arm serves",
                          ["arm", "policy", "policy_sha256"], registry=r)

    def found(self, arm: str, spans_per_text: Sequence[Sequence[Span]]) -> None:
        """Count the entities of one request's results by type."""
        counts = Counter(s.label for spans in spans_per_text for s in spans)
        for label, n in counts.items():
            self.entities.labels(label=label, arm=arm).inc(n)

    def shadow(self, counts: Counter[tuple[str, str]]) -> None:
        """Add one compared request's agreement counts."""
        self.shadow_requests.labels(result="compared").inc()
        for (label, outcome), n in counts.items():
            self.shadow_spans.labels(label=label, outcome=outcome).inc(n)

    def render(self) -> bytes:
        """The Prometheus text exposition of every metric."""
        return generate_latest(self.registry)
