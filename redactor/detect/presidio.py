"""Presidio users bring their recognizers: presidio-analyzer recognizers as redactor's.

:class:`PresidioAdapter` wraps any ``presidio_analyzer.EntityRecognizer`` (a
``PatternRecognizer`` of regexes or a deny list, or a subclass with its own
``analyze(text, entities, nlp_artifacts)``) into the :class:`~redactor.detect.base.Recognizer`
protocol; :func:`from_class` and :func:`from_yaml` build them from a policy's
``{type: presidio, class: ...}`` and ``{type: presidio-yaml, path: ...}`` entries.
:func:`to_recognizer_results` goes the other way: redactor's spans as Presidio's
``RecognizerResult`` objects, for code that consumes Presidio's analyzer output.

presidio-analyzer is imported by these functions only, never when this module or the engine
is imported: it costs seconds (it pulls in spaCy), paid only by policies that use it.

Presidio entity names are mapped to redactor's (:data:`PRESIDIO_ENTITIES`, then the policy
entry's ``entities:``, then the name itself when the policy knows it); an entity that maps to
no type the policy knows is an error when the recognizer is built, never a silent remap.
Recognizers get ``nlp_artifacts=None`` (redactor runs no Presidio NLP engine), and context
words raise a score as for redactor's own patterns (+0.35, at least 0.6, for a word in the 40
characters before the match) where Presidio's analyzer would use lemmas around it.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from redactor.detect.context import context_score
from redactor.errors import ModelError, PolicyError
from redactor.span import Span

#: The source prefix of an adapted recognizer's spans (``presidio:Titles recognizer``).
SOURCE_PREFIX = "presidio:"

#: Presidio's entity names that differ from redactor's, and the type each becomes. Presidio
#: names equal to a redactor type (PERSON, PHONE_NUMBER, US_SSN ...) map to themselves.
PRESIDIO_ENTITIES: Mapping[str, str] = MappingProxyType({
    "DATE_TIME": "DATE",
    "US_DRIVER_LICENSE": "LICENSE_NUMBER",
    "MEDICAL_LICENSE": "LICENSE_NUMBER",
    "US_BANK_NUMBER": "ACCOUNT_NUMBER",
    "CRYPTO": "ACCOUNT_NUMBER",
    "US_PASSPORT": "ID_NUMBER",
    "UK_NHS": "ID_NUMBER",
    "UK_NINO": "ID_NUMBER",
    "ES_NIF": "ID_NUMBER",
    "ES_NIE": "ID_NUMBER",
    "IT_FISCAL_CODE": "ID_NUMBER",
    "IT_DRIVER_LICENSE": "LICENSE_NUMBER",
    "IT_VAT_CODE": "ID_NUMBER",
    "IT_PASSPORT": "ID_NUMBER",
    "IT_IDENTITY_CARD": "ID_NUMBER",
    "PL_PESEL": "ID_NUMBER",
    "SG_NRIC_FIN": "ID_NUMBER",
    "SG_UEN": "ID_NUMBER",
    "AU_ABN": "ID_NUMBER",
    "AU_ACN": "ID_NUMBER",
    "AU_TFN": "ID_NUMBER",
    "AU_MEDICARE": "HEALTH_PLAN_ID",
    "IN_PAN": "ID_NUMBER",
    "IN_AADHAAR": "ID_NUMBER",
    "IN_VEHICLE_REGISTRATION": "VEHICLE_ID",
    "IN_VOTER": "ID_NUMBER",
    "IN_PASSPORT": "ID_NUMBER",
    "FI_PERSONAL_IDENTITY_CODE": "ID_NUMBER",
    "LOC": "LOCATION",
    "GPE": "LOCATION",
    "ORG": "ORGANIZATION",
    "PER": "PERSON",
    "NORP": "NRP",
})

#: redactor's types as Presidio names them, where the name differs (for export).
TO_PRESIDIO: Mapping[str, str] = MappingProxyType({"DATE": "DATE_TIME"})


def entity_map(
    supported: Iterable[str], labels: Collection[str], entities: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Presidio entity name -> redactor type for each of ``supported``: the policy entry's
    ``entities`` first, then :data:`PRESIDIO_ENTITIES`, then the name itself. PolicyError
    listing every entity that maps to none of ``labels`` (the policy's known types)."""
    overrides = dict(entities or {})
    out: dict[str, str] = {}
    problems = []
    for name in supported:
        label = overrides.get(name) or PRESIDIO_ENTITIES.get(name, name)
        if label in labels:
            out[name] = label
        else:
            problems.append(f"presidio entity {name!r} maps to no entity type of the policy; "
                            f"map it under entities ({name}: ID_NUMBER) or declare it under "
                            "custom_entities")
    if problems:
        raise PolicyError("a presidio recognizer reports unknown entity types", problems)
    return out


@dataclass
class PresidioAdapter:
    """A ``presidio_analyzer.EntityRecognizer`` as a redactor recognizer.

    Spans have the source ``presidio:<recognizer name>`` and the label :func:`entity_map`
    gives. A ``PatternRecognizer``'s spans are exact (regex or deny-list matches); other
    recognizers' are checked for shape like a model's. A result of an entity outside the map
    is a ModelError (fail closed)."""

    recognizer: Any
    labels: Mapping[str, str]
    name: str = ""
    exact: bool = False
    context: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        self.name = self.name or f"{SOURCE_PREFIX}{self.recognizer.name}"
        self.context = tuple(getattr(self.recognizer, "context", None) or ())

    @property
    def version(self) -> str:
        """The wrapped recognizer's version, for the audit."""
        return str(getattr(self.recognizer, "version", ""))

    def detect(self, texts: Sequence[str]) -> list[list[Span]]:
        """Each text's results of the wrapped recognizer's ``analyze``, as spans."""
        entities = list(self.labels)
        return [self._spans(text, self.recognizer.analyze(text, entities, None) or [])
                for text in texts]

    def _spans(self, text: str, results: Iterable[Any]) -> list[Span]:
        spans = []
        for result in results:
            label = self.labels.get(result.entity_type)
            if label is None:
                raise ModelError(f"presidio recognizer {self.name!r} reported the entity "
                                 f"{result.entity_type!r}, which it does not declare")
            start, end = int(result.start), int(result.end)
            score = float(result.score)
            if not (0 <= start < end <= len(text)) or math.isnan(score) or score <= 0.0:
                continue  # Presidio drops zero scores (invalidated matches) too
            score = context_score(text, start, min(score, 1.0), self.context)
            spans.append(Span(start, end, label, score, self.name))
        return sorted(spans)


def adapt(
    recognizer: Any, labels: Collection[str], entities: Mapping[str, str] | None = None
) -> PresidioAdapter:
    """Wrap a presidio-analyzer recognizer instance; PolicyError when it is none, or when one
    of its ``supported_entities`` maps to no type of ``labels``."""
    from presidio_analyzer import EntityRecognizer, PatternRecognizer

    if not isinstance(recognizer, EntityRecognizer):
        raise PolicyError(f"{type(recognizer).__name__} is not a presidio_analyzer "
                          "EntityRecognizer")
    mapping = entity_map(recognizer.supported_entities, labels, entities)
    return PresidioAdapter(recognizer, mapping, exact=isinstance(recognizer, PatternRecognizer))


def from_class(
    path: str,
    config: Mapping[str, Any],
    *,
    labels: Collection[str],
    entities: Mapping[str, str] | None = None,
    language: str = "en",
) -> PresidioAdapter:
    """The presidio recognizer class at import path ``path``, built with ``config`` as keyword
    arguments, adapted."""
    from redactor.detect.registry import import_object

    cls = import_object(path)
    from presidio_analyzer import EntityRecognizer

    if not (isinstance(cls, type) and issubclass(cls, EntityRecognizer)):
        raise PolicyError(f"{path!r} is not a presidio_analyzer EntityRecognizer subclass")
    try:
        instance = cls(**dict(config))
    except (TypeError, ValueError) as exc:
        raise PolicyError(f"cannot build {path!r} from its config ({exc})") from None
    if instance.supported_language != language:
        raise PolicyError(f"{path!r} reads {instance.supported_language!r}, not {language!r}")
    return adapt(instance, labels, entities)


@dataclass
class PresidioGroup:
    """The recognizers of one Presidio YAML file, run one after the other."""

    name: str
    members: list[PresidioAdapter]

    @property
    def exact_sources(self) -> frozenset[str]:
        """The sources of its exact members (its pattern and deny-list recognizers)."""
        return frozenset(m.name for m in self.members if m.exact)

    def detect(self, texts: Sequence[str]) -> list[list[Span]]:
        """Every member's spans for each text, in member order."""
        out: list[list[Span]] = [[] for _ in texts]
        for member in self.members:
            for acc, spans in zip(out, member.detect(texts), strict=True):
                acc.extend(spans)
        return out


def from_yaml(
    path: str | Path,
    *,
    labels: Collection[str],
    entities: Mapping[str, str] | None = None,
    language: str = "en",
) -> PresidioGroup:
    """The recognizers of a Presidio recognizer YAML file (a ``recognizers:`` list of pattern
    and deny-list recognizers, ``type: predefined`` ones by class name, as Presidio's
    ``RecognizerRegistry`` reads it), those of ``language``, adapted."""
    import yaml

    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise PolicyError(f"presidio recognizer file {str(path)!r} cannot be read "
                          f"({type(exc).__name__})") from None
    except yaml.YAMLError:
        raise PolicyError(f"presidio recognizer file {str(path)!r} is not valid YAML") from None
    if not isinstance(data, dict) or not isinstance(data.get("recognizers"), list):
        raise PolicyError(f"presidio recognizer file {str(path)!r} has no 'recognizers' list")
    from presidio_analyzer.recognizer_registry.recognizers_loader_utils import (
        RecognizerListLoader,
    )

    flags = data.get("global_regex_flags", 26)  # Presidio's default: DOTALL|MULTILINE|IGNORECASE
    try:
        found = list(RecognizerListLoader.get(data["recognizers"], [language], flags))
    except Exception as exc:  # Presidio raises many types: report the type
        raise PolicyError(f"presidio recognizer file {str(path)!r} is invalid "
                          f"({type(exc).__name__}: {exc})") from None
    if not found:
        raise PolicyError(f"presidio recognizer file {str(path)!r} has no recognizer for "
                          f"language {language!r}")
    problems: list[str] = []
    members = []
    for recognizer in found:
        try:
            members.append(adapt(recognizer, labels, entities))
        except PolicyError as exc:
            problems += [f"{recognizer.name}: {p}" for p in exc.problems] or [exc.message]
    if problems:
        raise PolicyError(f"presidio recognizer file {str(path)!r} reports unknown entity "
                          "types", problems)
    return PresidioGroup(f"presidio-yaml:{path.name}", members)


def to_recognizer_results(
    spans: Iterable[Span], *, presidio_names: bool = False
) -> list[Any]:
    """redactor's spans as ``presidio_analyzer.RecognizerResult`` objects (offsets, type,
    score; the recognizer in ``recognition_metadata``). ``presidio_names`` renames the types
    Presidio calls otherwise (``DATE`` -> ``DATE_TIME``)."""
    from presidio_analyzer import RecognizerResult

    out = []
    for span in spans:
        label = TO_PRESIDIO.get(span.label, span.label) if presidio_names else span.label
        out.append(RecognizerResult(
            label, span.start, span.end, span.score,
            recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: span.source,
                                  RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: span.source}))
    return out
