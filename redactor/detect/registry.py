"""Recognizers by versioned name: the policy says which to build, the registry knows how.

A factory turns a typed config into a :class:`~redactor.detect.base.Recognizer`:
``factory(config, context) -> Recognizer``, where ``config`` is the policy's pydantic object
for it (:class:`~redactor.policy.SpacyConfig`, a regex entry ...) and ``context`` a
:class:`BuildContext`. Factories are registered under versioned names (``patterns.v1``,
``spacy.v1``), as spaCy's registry does, so a policy names a recognizer without an import
path and a new version can sit beside the old one:

>>> from redactor.detect.registry import register
>>> @register("employee_ids.v1")                      # doctest: +SKIP
... def employee_ids(config, context):
...     return EmployeeIds()

A policy then uses it as ``recognizers: [{type: class, factory: employee_ids.v1}]``. Installed
packages may register factories through the ``redactor.recognizers`` entry-point group (read
only when a name is not registered yet). Built-in factories import their recognizer's module
when called, never at import, so the registry costs nothing to import.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import import_module
from importlib.metadata import entry_points
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, ValidationError

from redactor.errors import PolicyError

if TYPE_CHECKING:
    from redactor.detect.base import Recognizer
    from redactor.policy import Policy

#: The entry-point group installed packages register recognizer factories under.
ENTRY_POINT_GROUP = "redactor.recognizers"

#: A registered name: dotted lower-case words ending in a version (``patterns.v1``).
_VERSIONED = re.compile(r"[a-z0-9_]+(?:\.[a-z0-9_]+)*\.v\d+")


@dataclass(frozen=True)
class BuildContext:
    """What a factory may need besides its config: the policy (its folder, its labels) and
    the device the caller asked the transformer to run on."""

    policy: Policy
    device: str | None = None

    @property
    def base(self) -> Path | None:
        """The policy file's folder (relative paths in a policy are relative to it)."""
        return Path(self.policy.path).parent if self.policy.path else None

    @property
    def labels(self) -> frozenset[str]:
        """The entity types a recognizer of this policy may report."""
        return self.policy.labels


class NoConfig(BaseModel):
    """The config of a factory that takes none: any key is an error."""

    model_config = ConfigDict(extra="forbid", frozen=True)


#: ``factory(config, context) -> Recognizer``.
Factory = Callable[[Any, BuildContext], "Recognizer"]


@dataclass(frozen=True)
class Entry:
    """A registered factory and the pydantic model that a policy's ``config:`` for it is
    validated into."""

    name: str
    factory: Factory
    config: type[BaseModel] = NoConfig

    def typed(self, data: dict[str, Any], where: str) -> BaseModel:
        """``data`` (a policy entry's ``config:``) validated into :attr:`config`, every
        problem reported at once with its path under ``where``."""
        try:
            return self.config.model_validate(data)
        except ValidationError as exc:
            problems = [f"{where}.{'.'.join(map(str, e['loc']))}: "
                        f"{'unknown key' if e['type'] == 'extra_forbidden' else e['msg']}"
                        for e in exc.errors()]
            raise PolicyError(f"config of recognizer {self.name!r} is invalid", problems
                              ) from None


class Registry:
    """Versioned names to recognizer factories. Registering a name twice is an error unless
    ``replace=True`` (a plug-in must not silently shadow a built-in)."""

    def __init__(self, group: str | None = ENTRY_POINT_GROUP) -> None:
        self._entries: dict[str, Entry] = {}
        self._group = group
        self._entry_points_read = group is None

    def register(
        self,
        name: str,
        factory: Factory | None = None,
        *,
        config: type[BaseModel] = NoConfig,
        replace: bool = False,
    ) -> Any:
        """Register ``factory`` under ``name``; without ``factory``, a decorator that does.

        ``config`` is the pydantic model a policy's ``config:`` mapping is validated into
        before the factory gets it."""
        if not _VERSIONED.fullmatch(name):
            raise ValueError(f"recognizer name {name!r} must be versioned, like 'my_ids.v1'")

        def add(func: Factory) -> Factory:
            old = self._entries.get(name)
            if old is not None and old.factory is not func and not replace:
                raise ValueError(f"recognizer {name!r} is already registered; pass "
                                 "replace=True to replace it")
            self._entries[name] = Entry(name, func, config)
            return func

        return add if factory is None else add(factory)

    def get(self, name: str) -> Entry:
        """The entry of ``name``; PolicyError naming every registered name when unknown."""
        if name not in self._entries:
            self._read_entry_points()
        entry = self._entries.get(name)
        if entry is None:
            close = difflib.get_close_matches(name, list(self._entries), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise PolicyError(f"unknown recognizer {name!r}{hint}; registered: "
                              f"{', '.join(self.names())}")
        return entry

    def build(self, name: str, config: Any, context: BuildContext) -> Recognizer:
        """The recognizer ``name``'s factory builds from ``config`` (already typed)."""
        return self.get(name).factory(config, context)

    def names(self) -> list[str]:
        """Every registered name, sorted."""
        return sorted(self._entries)

    def __contains__(self, name: object) -> bool:
        return name in self._entries

    def __iter__(self) -> Iterator[str]:
        return iter(self.names())

    def _read_entry_points(self) -> None:
        if self._entry_points_read or self._group is None:
            return
        self._entry_points_read = True
        for point in entry_points(group=self._group):
            if point.name not in self._entries:
                loaded = point.load()
                if callable(loaded) and point.name not in self._entries:
                    self.register(point.name, loaded)


#: The registry the engine builds a policy's recognizers from.
recognizers = Registry()
#: Register a recognizer factory in :data:`recognizers` (a decorator).
register = recognizers.register


def import_object(path: str) -> Any:
    """The object an import path ``package.module:attr.sub`` names; PolicyError when it
    cannot be imported (the message names the path and the error type only)."""
    module_name, _, attr = path.partition(":")
    try:
        obj: Any = import_module(module_name)
        for part in attr.split("."):
            obj = getattr(obj, part)
    except (ImportError, AttributeError) as exc:
        raise PolicyError(f"cannot import {path!r} ({type(exc).__name__}: {exc})") from None
    return obj


# --------------------------------------------------------------------------- built-ins
# Each imports its module when called: building a policy's recognizers pays only for those it
# names (presidio-analyzer, spaCy and torch are imported by the factories that need them).


@register("patterns.v1")
def _patterns(config: None, context: BuildContext) -> Recognizer:
    """The regex + checksum recognizers, the delimited lines read by their header and the
    address blocks of any country (one group, so every policy with ``patterns: true`` reads
    tables pasted in text and addresses after a cue)."""
    from redactor.detect.address_blocks import AddressBlockRecognizer
    from redactor.detect.patterns import PatternRecognizer
    from redactor.detect.tables import RecognizerGroup, TableRecognizer

    return RecognizerGroup("patterns",
                           (PatternRecognizer(), TableRecognizer(), AddressBlockRecognizer()))


@register("tables.v1")
def _tables(config: None, context: BuildContext) -> Recognizer:
    """Identifiers in delimited lines read by their header alone (``patterns.v1`` has them)."""
    from redactor.detect.tables import TableRecognizer

    return TableRecognizer()


@register("names.v1")
def _names(config: None, context: BuildContext) -> Recognizer:
    from redactor.detect.names import NameRecognizer

    return NameRecognizer()


@register("places.v1")
def _places(config: None, context: BuildContext) -> Recognizer:
    from redactor.detect.places import PlaceRecognizer

    return PlaceRecognizer()


@register("spacy.v1")
def _spacy(config: Any, context: BuildContext) -> Recognizer:
    from redactor.detect.spacy_ner import SpacyRecognizer

    return SpacyRecognizer(model=config.model, batch_size=config.batch_size)


@register("transformer.v1")
def _transformer(config: Any, context: BuildContext) -> Recognizer:
    """The token classifier of a :class:`~redactor.policy.TransformerConfig`: a bundled model
    name or a folder relative to the policy; ``context.device`` overrides its device."""
    from redactor.detect.hf_ner import TransformerRecognizer
    from redactor.models import resolve_model

    update: dict[str, Any] = {"model": resolve_model(config.model, context.base)}
    if context.device is not None:
        update["device"] = context.device
    return TransformerRecognizer.from_config(
        config.model_copy(update=update).model_dump(exclude_none=True))


@register("deny_list.v1")
def _deny_list(config: Any, context: BuildContext) -> Recognizer:
    """The policy's ``deny`` mapping (label -> terms) as a recognizer."""
    from redactor.detect.lists import DenyListRecognizer

    return DenyListRecognizer(config)


@register("regex.v1")
def _regex(config: Any, context: BuildContext) -> Recognizer:
    """A policy's ``{type: regex}`` entry (:class:`~redactor.policy.RegexRecognizerConfig`)."""
    from redactor.detect.custom import RegexRecognizer

    return RegexRecognizer.from_config(config)


@register("class.v1")
def _class(config: Any, context: BuildContext) -> Recognizer:
    """A policy's ``{type: class}`` entry: a registered factory (its ``config:`` validated
    into the factory's model) or an import path called with ``config:`` as keyword
    arguments. Its spans must carry a label the policy knows (else ModelError at run)."""
    from redactor.detect.custom import LabelGuard

    if ":" in config.factory:
        target = import_object(config.factory)
        if not callable(target):
            raise PolicyError(f"{config.factory!r} is not callable")
        try:
            built = target(**config.config)
        except TypeError as exc:
            raise PolicyError(f"cannot build {config.factory!r} from its config ({exc})"
                              ) from None
    else:
        entry = recognizers.get(config.factory)
        built = entry.factory(entry.typed(config.config, "config"), context)
    return LabelGuard(built, context.labels)


@register("presidio.v1")
def _presidio(config: Any, context: BuildContext) -> Recognizer:
    """A policy's ``{type: presidio}`` entry: a presidio-analyzer recognizer class."""
    from redactor.detect.presidio import from_class

    return from_class(config.class_, config.config, labels=context.labels,
                      entities=config.entities, language=config.language)


@register("presidio_yaml.v1")
def _presidio_yaml(config: Any, context: BuildContext) -> Recognizer:
    """A policy's ``{type: presidio-yaml}`` entry: presidio's recognizer YAML file."""
    from redactor.detect.presidio import from_yaml

    path = Path(config.path).expanduser()
    if not path.is_absolute() and context.base is not None:
        path = context.base / path
    return from_yaml(path, labels=context.labels, entities=config.entities,
                     language=config.language)


#: The registered name that builds each ``type`` of a policy's ``recognizers:`` entries.
BY_TYPE = {"regex": "regex.v1", "class": "class.v1", "presidio": "presidio.v1",
           "presidio-yaml": "presidio_yaml.v1"}
