"""What every engine (worker processes, Spark, Ray) shares: a redactor that travels as data.

A loaded :class:`~redactor.detect.engine.Engine` holds spaCy pipelines and compiled regexes; it is
neither cheap nor safe to pickle and ship. What travels instead is a :class:`RedactorSpec`:
the policy as YAML text, the key as bytes, the run's date and locale. Each process builds its
engine from the spec once (:func:`redactor_for` caches it per process) and then redacts batch
after batch. Pseudonyms and hashes derive from the key, so every process gives the same
value the same surrogate (see
:mod:`redactor.transform.pseudonyms` for the one exception: a value whose
first draw collides with another value is re-drawn, and which value comes first depends on
what that process saw).

:func:`redact_texts` is the unit of work: texts (and optional date-shift subjects) in,
:class:`~redactor.redact.Redacted` results out, in order. It runs detection once per distinct
text in the batch (CSV columns and log fields repeat values) and the transform per document.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from redactor.detect.engine import Engine
from redactor.policy import Policy
from redactor.redact import Redacted, redact_batch
from redactor.span import Span
from redactor.transform.keys import SecretKey
from redactor.transform.pseudonyms import PseudonymContext

__all__ = ["OFFLINE_ENV", "RedactorSpec", "go_offline", "redact_texts", "redact_values",
           "redactor_for", "scratch_folder"]

OFFLINE_ENV = {"TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS": "", "HF_HUB_OFFLINE": "1",
               "TRANSFORMERS_OFFLINE": "1"}  # fmt: skip
"""What keeps a cluster's processes offline: no model hub, no public suffix list download."""


def go_offline() -> None:
    """Set :data:`OFFLINE_ENV` in this process's environment where a variable is not set yet
    (the processes a local cluster starts inherit it)."""
    for name, value in OFFLINE_ENV.items():
        os.environ.setdefault(name, value)


def scratch_folder(scratch: str | None, address: str | None,
                   prefix: str) -> tuple[str | None, str | None]:
    """``(scratch, created)``: a local cluster (no ``address``) given no ``scratch`` folder
    gets a new temporary one, which is also returned as ``created`` (its owner removes it);
    else ``scratch`` as given and ``None``."""
    if scratch is None and not address:
        created = tempfile.mkdtemp(prefix=prefix)
        return created, created
    return scratch, None


@dataclass(frozen=True)
class RedactorSpec:
    """Everything a process needs to build the run's redactor, as plain picklable data.

    ``policy_yaml`` is the policy file's text (so executors need no copy of the file);
    ``source`` names it in messages. ``key`` is the secret key's bytes (``None`` for a keyless
    policy). ``today`` and ``locale`` are the run's pseudonym context settings, so every
    process ages dates against the same day.
    """

    policy_yaml: str
    source: str = "<policy>"
    key: bytes | None = field(default=None, repr=False)
    ephemeral_key: bool = False
    today: str = ""
    locale: str = "en_US"
    exclude: tuple[str, ...] = ()
    device: str | None = None

    @classmethod
    def from_run(
        cls,
        policy: Policy,
        ctx: PseudonymContext | None,
        exclude: tuple[str, ...] = (),
        device: str | None = None,
    ) -> RedactorSpec:
        """The spec of a loaded policy and pseudonym context (as the pipeline prepares them).

        ``exclude`` names detector kinds the built engine leaves out because they run in
        another process, which sends their spans with each batch (``transformer`` on a GPU).
        ``device`` overrides the policy's transformer device (``--device``).
        """
        path = Path(policy.path) if policy.path else None
        if policy.resolved_source:  # it extends another policy: ship the merged result
            text = policy.resolved_source
        elif path is not None and path.is_file():
            text = path.read_text(encoding="utf-8")
        else:  # built in memory: its validated content, as JSON (which YAML reads)
            text = json.dumps(policy.model_dump(mode="json"))
        return cls(
            policy_yaml=text,
            source=policy.path or "<policy>",
            key=ctx.key.material if ctx is not None else None,
            ephemeral_key=bool(ctx is not None and ctx.key.ephemeral),
            today=(ctx.today if ctx is not None else date.today()).isoformat(),
            locale=ctx.locale if ctx is not None else "en_US",
            exclude=tuple(sorted(exclude)),
            device=device,
        )

    @property
    def cache_key(self) -> str:
        """Identifies the redactor this spec builds (key material is hashed, never kept)."""
        import hashlib

        digest = hashlib.sha256()
        for part in (self.policy_yaml, self.source, self.today, self.locale, self.device or "",
                     *self.exclude):
            digest.update(part.encode("utf-8") + b"\x1f")
        digest.update(self.key or b"")
        return digest.hexdigest()

    def build(self) -> tuple[Engine, PseudonymContext | None]:
        """Load the policy, its models and the context (seconds: do it once per process)."""
        raw = self.policy_yaml.encode("utf-8")
        policy = Policy.from_mapping(yaml.safe_load(raw), source=self.source, raw=raw)
        engine = Engine.from_policy(policy, exclude=self.exclude, device=self.device).load()
        ctx = None
        if self.key is not None:
            ctx = PseudonymContext(SecretKey(self.key, self.ephemeral_key), locale=self.locale)
            if self.today:
                ctx.today = date.fromisoformat(self.today)
        return engine, ctx


_CACHE: dict[str, tuple[Engine, PseudonymContext | None]] = {}
_LOCK = threading.Lock()


def redactor_for(spec: RedactorSpec) -> tuple[Engine, PseudonymContext | None]:
    """The engine and context of ``spec``, built on first use in this process, then reused.

    Spark reuses its Python workers between tasks and Ray keeps actors alive, so the models
    load once per executor process, not once per batch.
    """
    key = spec.cache_key
    found = _CACHE.get(key)
    if found is None:
        with _LOCK:
            found = _CACHE.get(key)
            if found is None:
                found = _CACHE[key] = spec.build()
    return found


def redact_texts(
    engine: Engine,
    ctx: PseudonymContext | None,
    texts: Sequence[str],
    subjects: Sequence[str | None] | None = None,
    extra: Sequence[Sequence[Span]] | None = None,
) -> list[Redacted]:
    """Redact ``texts`` in order; detection runs once per distinct text.

    ``subjects`` (one per text, or ``None``) name whose dates each text holds, for
    ``date_shift``; without one a text is its own subject. The result equals calling
    :func:`redactor.redact.redact_batch` on the texts (detection of a text does not depend on
    the other texts of its batch). ``extra``: spans of the recognizers the engine excludes.
    """
    return redact_batch(engine, texts, ctx, subjects, extra)


def redact_values(
    engine: Engine, ctx: PseudonymContext | None, values: Sequence[object]
) -> tuple[list[str | None], list[str | None]]:
    """A DataFrame column's values redacted: the new text and the audit record (JSON, no text)
    of each string value, in order; any other value (a null) gives ``None`` in both."""
    present = [i for i, v in enumerate(values) if isinstance(v, str)]
    found = redact_texts(engine, ctx, [str(values[i]) for i in present])
    texts: list[str | None] = [None] * len(values)
    audit: list[str | None] = [None] * len(values)
    for i, result in zip(present, found, strict=True):
        texts[i] = result.text
        audit[i] = json.dumps([x.to_dict() for x in result.replacements])
    return texts, audit
