"""Reviewed queues folded back: a reviewer's corrections as policy entries or training data.

:func:`load_corrections` reads what an annotation tool exports after review of a queue that
``redact review`` wrote: doccano JSON Lines (``{"text", "label": [[start, end, TYPE]]}``, or
the newer ``"entities": [{"start_offset", "end_offset", "label"}]``) and Label Studio exports
(a JSON array, or JSON Lines, of tasks with ``annotations``; a task nobody annotated is left
out). The engine's own spans come back in the record's ``predicted`` field, which the queue
wrote; where a tool dropped it, pass an engine and they are detected again.

Two routes, the user's choice:

* :func:`policy_entries` -> :func:`write_policy`: a policy file that ``extends:`` the original
  and adds ``deny`` entries (values the reviewer marked that the engine missed or typed
  otherwise) and ``allow`` entries (values the engine redacted that the reviewer removed, in
  at least :data:`MIN_ALLOW` documents: an allow entry leaks the value everywhere).
  Lists in a child policy replace the parent's, so the parent's entries are copied in first.
  A value marked both ways anywhere in the corrections is left out of both.
* :func:`training_records`: the reviewed documents as the JSON Lines that ``redact train``
  and ``redact eval`` read (``{"id", "text", "spans": [{"start", "end", "type"}]}``).

:func:`split_heldout` keeps a seeded part of the corrections back, so that ``redact eval`` on
it shows what folding the rest in gained. Corrections hold document text: every file written
here is created with mode 0600.
"""

from __future__ import annotations

import json
import os
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from redactor.entities import ENTITY_TYPES
from redactor.errors import InputError
from redactor.span import Span

#: Shortest value written to an allow or deny list (a one-letter deny entry matches everywhere).
MIN_VALUE = 2
#: Documents in which reviewers must have removed a value before it is allowed everywhere: an
#: allow entry lets the value through in every document, so one removal is not enough (on
#: WNUT-17, single removals allowed "Los Angeles" and "Roman", which other posts do tag).
MIN_ALLOW = 2


@dataclass(frozen=True)
class Correction:
    """One reviewed document: its text, the reviewer's spans, and the engine's (if known)."""

    id: str
    text: str
    gold: tuple[Span, ...]
    predicted: tuple[Span, ...] | None = None


def _spans(items: Iterable[Any], text: str, where: str, source: str) -> tuple[Span, ...]:
    out = []
    for item in items:
        if isinstance(item, dict) and "value" in item:  # Label Studio result
            value = item["value"]
            labels = value.get("labels") or []
            if not labels:
                continue
            start, end, label = value["start"], value["end"], labels[0]
        elif isinstance(item, dict):  # doccano "entities"
            start, end, label = item["start_offset"], item["end_offset"], item["label"]
        else:
            start, end, label = item
        start, end = int(start), int(end)
        if not (0 <= start < end <= len(text)):
            raise InputError(f"{where}: span {start}:{end} outside the text")
        if label not in ENTITY_TYPES:
            raise InputError(f"{where}: unknown entity type {label!r} (`redact entities` lists "
                             "them)")
        out.append(Span(start, end, str(label), 1.0, source))
    return tuple(sorted(out))


def parse_record(record: dict[str, Any], where: str) -> Correction | None:
    """One exported record as a :class:`Correction` (None: a Label Studio task not annotated)."""
    try:
        if "data" in record:  # Label Studio
            data = record["data"]
            text = data["text"]
            done = [a for a in record.get("annotations") or record.get("completions") or []
                    if not a.get("was_cancelled")]
            if not done:
                return None
            gold = _spans(done[-1].get("result") or [], text, where, "review")
            predicted = data.get("predicted")
            doc_id = str(data.get("document") or record.get("id") or where)
        else:  # doccano
            text = record["text"]
            items = record["entities"] if "entities" in record else record.get("label") or []
            gold = _spans(items, text, where, "review")
            predicted = record.get("predicted")
            doc_id = str(record.get("document") or record.get("id") or where)
        pred = _spans(predicted, text, where, "engine") if predicted is not None else None
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"{where}: not a doccano or Label Studio record "
                         f"({type(exc).__name__})") from None
    return Correction(doc_id, text, gold, pred)


def load_corrections(path: str | Path) -> list[Correction]:
    """Every reviewed record of a doccano or Label Studio export (JSON Lines or a JSON array)."""
    path = Path(path)
    raw = path.read_text(encoding="utf-8")
    if raw.lstrip().startswith("["):
        try:
            records = [(f"{path.name}[{i}]", r) for i, r in enumerate(json.loads(raw))]
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}: not valid JSON (line {exc.lineno})") from None
    else:
        records = []
        for lineno, line in enumerate(raw.splitlines(), 1):
            if line.strip():
                try:
                    records.append((f"{path.name}:{lineno}", json.loads(line)))
                except json.JSONDecodeError:
                    raise InputError(f"{path}:{lineno}: not a JSON record") from None
    out = []
    for where, record in records:
        if not isinstance(record, dict):
            raise InputError(f"{where}: not a JSON object")
        parsed = parse_record(record, where)
        if parsed is not None:
            out.append(parsed)
    return out


def with_predictions(corrections: Sequence[Correction], engine: Any) -> list[Correction]:
    """Corrections whose engine spans were lost in the export, detected again by ``engine``."""
    missing = [c for c in corrections if c.predicted is None]
    found = iter(engine.analyze([c.text for c in missing])) if missing else iter(())
    return [c if c.predicted is not None else
            Correction(c.id, c.text, c.gold, tuple(next(found))) for c in corrections]


def _key(value: str) -> str:
    return " ".join(value.split()).casefold()


def _usable(value: str) -> bool:
    return len(value.strip()) >= MIN_VALUE and any(ch.isalnum() for ch in value)


def policy_entries(
    corrections: Sequence[Correction], min_allow: int = MIN_ALLOW,
) -> tuple[list[str], dict[str, list[str]]]:
    """``(allow, deny)`` from what the reviewers changed (pure).

    allow: values of engine spans no reviewed span overlaps, in at least ``min_allow``
    documents; deny[TYPE]: values of reviewed spans that no engine span of the same type
    overlaps (one is enough: a deny entry fails closed). Values marked as an entity anywhere
    are never allowed; values allowed are never denied.
    """
    allow: dict[str, str] = {}
    removed: dict[str, set[int]] = {}
    deny: dict[str, dict[str, str]] = {}
    positive: set[str] = set()
    for i, c in enumerate(corrections):
        if c.predicted is None:
            raise ValueError(f"correction {c.id} has no engine spans; see with_predictions")
        for g in c.gold:
            value = c.text[g.start : g.end].strip()
            positive.add(_key(value))
            if _usable(value) and not any(p.overlaps(g) and p.label == g.label
                                          for p in c.predicted):
                deny.setdefault(g.label, {}).setdefault(_key(value), value)
        for p in c.predicted:
            value = c.text[p.start : p.end].strip()
            if _usable(value) and not any(g.overlaps(p) for g in c.gold):
                allow.setdefault(_key(value), value)
                removed.setdefault(_key(value), set()).add(i)
    allowed = {k: v for k, v in allow.items()
               if k not in positive and len(removed[k]) >= min_allow}
    denied = {label: sorted(v for k, v in values.items() if k not in allowed)
              for label, values in sorted(deny.items())}
    return sorted(allowed.values()), {k: v for k, v in denied.items() if v}


def merged_lists(
    parent_allow: Sequence[str], parent_deny: dict[str, Sequence[str]],
    allow: Sequence[str], deny: dict[str, Sequence[str]],
) -> tuple[list[str], dict[str, list[str]]]:
    """The parent's lists with the new entries added (a child's list replaces its parent's)."""
    seen = {_key(v) for v in parent_allow}
    out_allow = [*parent_allow, *(v for v in allow if _key(v) not in seen)]
    out_deny: dict[str, list[str]] = {k: list(v) for k, v in parent_deny.items()}
    for label, values in deny.items():
        have = {_key(v) for v in out_deny.get(label, [])}
        out_deny.setdefault(label, []).extend(v for v in values if _key(v) not in have)
    return out_allow, out_deny


def _private_open(path: Path) -> Any:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)
    return os.fdopen(fd, "w", encoding="utf-8")


def write_policy(
    out: str | Path, parent: str, parent_policy: Any, allow: Sequence[str],
    deny: dict[str, Sequence[str]], note: str = "",
) -> Path:
    """Write a policy that ``extends: parent`` with ``allow``/``deny`` added (mode 0600: the
    entries are values from the documents). ``parent`` is a bundled name or a path; a path is
    written relative to the new file's folder, as ``extends`` reads it."""
    out = Path(out)
    extends = parent
    if Path(parent).suffix and Path(parent).exists():
        extends = os.path.relpath(Path(parent).resolve(), out.resolve().parent)
    all_allow, all_deny = merged_lists(parent_policy.allow, dict(parent_policy.deny), allow, deny)
    data: dict[str, Any] = {"extends": extends, "name": f"{parent_policy.name}-reviewed"}
    if all_allow:
        data["allow"] = all_allow
    if all_deny:
        data["deny"] = all_deny
    with _private_open(out) as handle:
        handle.write(f"# Written by `redact train --corrections`{': ' + note if note else ''}.\n"
                     "# Holds values from reviewed documents (personal data): keep it private.\n")
        yaml.safe_dump(data, handle, sort_keys=False, allow_unicode=True)
    return out


def training_records(corrections: Sequence[Correction]) -> list[dict[str, Any]]:
    """The reviewed documents as ``redact train`` / ``redact eval`` JSON Lines records."""
    return [{"id": c.id, "text": c.text,
             "spans": [{"start": s.start, "end": s.end, "type": s.label} for s in c.gold]}
            for c in corrections]


def write_jsonl(records: Iterable[dict[str, Any]], path: str | Path) -> Path:
    """JSON Lines, created with mode 0600."""
    path = Path(path)
    with _private_open(path) as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def split_heldout(
    corrections: Sequence[Correction], fraction: float, seed: int = 13
) -> tuple[list[Correction], list[Correction]]:
    """``(fold in, held back)``: a seeded ``fraction`` of the documents kept back."""
    order = list(range(len(corrections)))
    random.Random(seed).shuffle(order)
    n_back = round(len(order) * fraction)
    back = set(order[:n_back])
    return ([c for i, c in enumerate(corrections) if i not in back],
            [c for i, c in enumerate(corrections) if i in back])
