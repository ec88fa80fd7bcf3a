"""What ``redact serve`` was asked for, as one frozen value (the app reads nothing else)."""

from __future__ import annotations

from dataclasses import dataclass

from redactor.util.checks import at_least, failures

MODES = ("ab", "shadow")
MIB = 1024 * 1024


def _flag(name: str) -> str:
    """The command-line option of a settings field (``max_body`` -> ``--max-body``)."""
    return f"--{name.replace('_', '-')}"


@dataclass(frozen=True)
class ServeSettings:
    """Options of the service. Sizes are in bytes, characters or texts; times in seconds.

    - ``max_body``: largest request body (413 beyond).
    - ``max_items``: most texts in one batch request (413 beyond).
    - ``batch_window``: how long the first queued request waits for others to join its batch.
    - ``batch_texts`` / ``batch_chars``: a collected batch closes at this many texts or characters.
    - ``queue_texts``: texts waiting per arm before new requests get 503 + Retry-After.
    - ``workers``: detection worker processes per arm (1: the serving process itself).
    - ``mode``: ``None`` (one policy), ``ab`` or ``shadow`` (with ``candidate_policy``).
    - ``ab_share``: the share of requests the candidate serves in ``ab`` mode.
    - ``shadow_summary``: a JSON file the shadow comparison's counts are written to.
    - ``api_token``: when set, every route but ``/health`` requires ``Authorization: Bearer``.
    """

    policy: str
    candidate_policy: str | None = None
    mode: str | None = None
    ab_share: float = 0.1
    host: str = "127.0.0.1"
    port: int = 8080
    workers: int = 1
    device: str | None = None
    key_file: str | None = None
    ephemeral_key: bool = False
    api_token: str | None = None
    max_body: int = MIB
    max_items: int = 1024
    batch_window: float = 0.005
    batch_texts: int = 256
    batch_chars: int = 100_000
    queue_texts: int = 4096
    shutdown_timeout: float = 30.0
    shadow_summary: str | None = None
    shadow_window: int = 1000

    def problems(self) -> list[str]:
        """Every inconsistency, each naming its option (empty when the settings are usable)."""
        return failures([
            (self.mode is not None and self.mode not in MODES,
             f"--mode: {self.mode!r} is not one of {', '.join(MODES)}"),
            ((self.mode is None) != (self.candidate_policy is None),
             "--mode and --candidate-policy go together"),
            (not 0.0 <= self.ab_share <= 1.0, "--ab-share must lie in [0, 1]"),
            (self.shadow_summary is not None and self.mode != "shadow",
             "--shadow-summary needs --mode shadow"),
            *at_least(self, ("max_body", "max_items", "batch_texts", "batch_chars", "queue_texts",
                             "workers", "shadow_window"), 1, _flag),
            (self.queue_texts < self.max_items,
             "--queue-texts must be at least --max-items (a full batch must fit)"),
            (self.batch_window < 0, "--batch-window-ms must not be negative"),
        ])
