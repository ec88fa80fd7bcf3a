"""The template field language shared by the synthetic template sets.

A template is prose with fields in braces. Each set (the dev set's ``templates.txt``, the audit
templates, the training templates) keeps its own templates and its own field names; the
syntax is common:

* ``{key}`` or ``{key:style}``: a document value; ``{role.attr}`` a person's field.
* ``{~a|b|c}``: one of the literals, drawn at random, unlabelled.
* A line starting with ``?`` is optional: kept with some probability, the ``?`` dropped.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass

#: A field: the text between braces (no nested braces).
FIELD = re.compile(r"\{([^{}]+)\}")


@dataclass(frozen=True)
class Template:
    """One document template: a name, a kind (clinical, email ...) and its text."""

    name: str
    kind: str
    text: str


@dataclass(frozen=True)
class Field:
    """One parsed field. ``choices`` for ``{~a|b}``; ``role`` and ``attr`` for
    ``{role.attr}``; ``key`` (and ``style``) for a document value."""

    spec: str
    key: str = ""
    style: str | None = None
    role: str = ""
    attr: str = ""
    choices: tuple[str, ...] = ()

    @property
    def is_choice(self) -> bool:
        """``{~a|b|c}``: a literal drawn at random."""
        return bool(self.choices)

    @property
    def is_person(self) -> bool:
        """``{role.attr}``: a field of the person playing ``role``."""
        return bool(self.role)


def parse_field(spec: str) -> Field:
    """Parse the text between braces (``pt.full``, ``date2:long``, ``~a|b``)."""
    if spec.startswith("~"):
        return Field(spec, choices=tuple(spec[1:].split("|")))
    key, _, style = spec.partition(":")
    if "." in key:
        role, attr = key.split(".", 1)
        return Field(spec, key=key, style=style or None, role=role, attr=attr)
    return Field(spec, key=key, style=style or None)


def keep_optional_lines(
    text: str, rng: random.Random, keep: float, *, keep_when_below: bool
) -> str:
    """``text`` with each ``?`` line kept with probability ``keep`` (one draw per such line).

    ``keep_when_below``: the line is kept when the draw is below ``keep`` (the training set),
    else when it is at or above ``1 - keep`` (the dev and audit sets). Both keep a line with
    the same probability, but on different draws; each set's output is pinned to its own.
    """
    lines = []
    for line in text.split("\n"):
        if line.startswith("?"):
            u = rng.random()
            if (u >= keep) if keep_when_below else (u < 1 - keep):
                continue
            line = line[1:]
        lines.append(line)
    return "\n".join(lines)


def split_fields(source: str) -> Iterator[tuple[str, str | None]]:
    """``(literal, spec)`` pairs in order: the text before each field and the field's spec;
    the last pair holds the text after the last field and ``None``."""
    last = 0
    for m in FIELD.finditer(source):
        yield source[last : m.start()], m.group(1)
        last = m.end()
    yield source[last:], None


__all__ = ["FIELD", "Field", "Template", "keep_optional_lines", "parse_field", "split_fields"]
