"""The Python API: redact strings in a program or a data pipeline.

>>> from redactor import Redactor
>>> r = Redactor("hipaa")                       # doctest: +SKIP
>>> r.redact("Call Jane Doe at 617-555-0143").text   # doctest: +SKIP
'Call [PERSON] at [PHONE_NUMBER]'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from redactor.detect.engine import Engine
from redactor.errors import InputError
from redactor.policy import Policy, load_policy
from redactor.redact import Redacted, redact_batch
from redactor.transform.keys import SecretKey, load_key, require_key
from redactor.transform.pseudonyms import PseudonymContext


class Redactor:
    """A loaded policy, its detection engine and its key, ready to redact text.

    ``key`` may be bytes or a :class:`SecretKey`; otherwise ``$REDACTOR_KEY`` is used, and
    ``ephemeral_key=True`` allows a random per-process key. Models load in the constructor,
    so a missing model fails here rather than on the first text.
    """

    def __init__(
        self,
        policy: str | Path | Policy = "hipaa",
        *,
        key: bytes | SecretKey | None = None,
        ephemeral_key: bool = False,
        engine: Engine | None = None,
    ) -> None:
        self.policy = policy if isinstance(policy, Policy) else load_policy(policy)
        if isinstance(key, bytes):
            key = SecretKey(key)
        if key is None:
            key = load_key(ephemeral=ephemeral_key)
        if self.policy.uses_key:
            key = require_key(key, self.policy.name)
        self.context = PseudonymContext(key) if key is not None else None
        self.engine = (engine or Engine.from_policy(self.policy)).load()

    def redact(self, text: str, subject: str | None = None) -> Redacted:
        """Redact one text; ``subject`` names whose dates it holds (for ``date_shift``)."""
        return self.redact_many([text], None if subject is None else [subject])[0]

    def redact_many(
        self, texts: Sequence[str], subjects: Sequence[str | None] | None = None
    ) -> list[Redacted]:
        """Redact a batch of texts (faster than one at a time: models run batched).

        Every text must be a ``str``: anything else (a NaN from a pandas column) is an
        InputError naming its position and type; :func:`redactor.pandas.redact_column`
        keeps missing cells as they are."""
        if isinstance(texts, str):
            raise InputError("redact_many takes a list of texts, not one str (use redact)")
        for i, text in enumerate(texts):
            if not isinstance(text, str):  # its value is never shown: it may be personal data
                raise InputError(
                    f"text {i} is {type(text).__name__}, not str; redact only text (for a "
                    "pandas column with missing values use redactor.pandas.redact_column)")
        return redact_batch(self.engine, texts, self.context, subjects)

    def stream(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[Redacted]:
        """Redact an iterable lazily, ``batch_size`` texts at a time, in order."""
        batch: list[str] = []
        for text in texts:
            batch.append(text)
            if len(batch) >= batch_size:
                yield from self.redact_many(batch)
                batch = []
        if batch:
            yield from self.redact_many(batch)
