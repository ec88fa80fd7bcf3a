"""One exception hierarchy with stable codes. Messages never contain document text."""

from __future__ import annotations


class RedactorError(Exception):
    """Base of every error redactor raises on purpose. ``code`` is stable across releases."""

    code = "R000"
    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class PolicyError(RedactorError):
    """A policy file cannot be found, parsed or validated. ``problems`` lists every error."""

    code = "R100"

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        self.problems = list(problems or [])
        if self.problems:
            message = message + "\n" + "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(message)


class InputError(RedactorError):
    """An input file or stream cannot be read as the format it claims to be."""

    code = "R200"
    exit_code = 1


class OutputError(RedactorError):
    """An output cannot be written (exists without --overwrite, lies inside the input, ...)."""

    code = "R300"


class KeyMissingError(RedactorError):
    """A keyed action (hash, pseudonymize) is used and no key was given."""

    code = "R400"


class ModelError(RedactorError):
    """A detection model cannot be loaded or run. Detection never silently degrades."""

    code = "R500"
