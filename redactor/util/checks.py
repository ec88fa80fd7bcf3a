"""Option checks that report every problem at once, not the first one found.

A check is a pair ``(failed, message)``: ``failed`` is the condition that makes an option
wrong, ``message`` says which option and what it must be. A settings object lists all of its
checks; :func:`failures` keeps the messages of those that failed, in order, and
:func:`raise_failures` turns them into one :class:`~redactor.errors.InputError`. Every condition
is evaluated, so a message never depends on another check having passed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from redactor.errors import InputError

Check = tuple[bool, str]
"""``(failed, message)``: an option check and what it says when it fails."""


def failures(checks: Iterable[Check]) -> list[str]:
    """The message of every failed check, in the order given (empty: all passed)."""
    return [message for failed, message in checks if failed]


def at_least(obj: object, names: Iterable[str], minimum: int,
             label: Callable[[str], str] = str) -> list[Check]:
    """One check per attribute of ``obj`` in ``names``: it fails below ``minimum``
    (``"<label(name)> must be at least <minimum>"``)."""
    return [(getattr(obj, name) < minimum, f"{label(name)} must be at least {minimum}")
            for name in names]


def one_of(name: str, value: object, choices: Sequence[str]) -> Check:
    """A check that fails when ``value`` is not among ``choices``
    (``"<name> must be one of a, b, c"``)."""
    return value not in choices, f"{name} must be one of {', '.join(choices)}"


def raise_failures(what: str, checks: Iterable[Check]) -> None:
    """Raise one InputError (``"invalid <what> options: a; b"``) listing every failed check;
    nothing when all passed."""
    found = failures(checks)
    if found:
        raise InputError(f"invalid {what} options: " + "; ".join(found))
