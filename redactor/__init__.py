"""redactor: find personal data in text and apply a HIPAA / GDPR policy to it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["Redacted", "Redactor", "Span", "__version__", "load_policy"]

if TYPE_CHECKING:
    from redactor.api import Redactor
    from redactor.policy import load_policy
    from redactor.redact import Redacted
    from redactor.span import Span


def __getattr__(name: str) -> Any:
    # Lazy, so `import redactor` stays cheap and never loads a model.
    if name == "Redactor":
        from redactor.api import Redactor

        return Redactor
    if name == "load_policy":
        from redactor.policy import load_policy

        return load_policy
    if name == "Redacted":
        from redactor.redact import Redacted

        return Redacted
    if name == "Span":
        from redactor.span import Span

        return Span
    raise AttributeError(name)
