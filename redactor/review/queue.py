"""A review queue: the spans most worth a person's look, by uncertainty sampling.

Every span the engine kept and every candidate it dropped becomes an :class:`Item` with a
usefulness score in [0, 1.4] and the reasons for it (pure functions of a :class:`Trace`):

* a kept span whose score lies within :data:`WIDTH` of its threshold, or a candidate dropped
  by the threshold within :data:`WIDTH` of it (the nearer, the higher);
* recognizers that disagree: candidates of different types on the same text;
* a candidate dropped by a filter (shape, allow list, spaCy's precision filters);
* a kept span that one recognizer alone reported, and a value found once in the whole input
  (a name seen once is the typical miss: propagation cannot help it).

:func:`select` picks the ``budget`` best items greedily with a diversity penalty (per entity
type and per document, or per file as ``redact review`` groups them, already picked; the same
value is never picked twice), so the queue does not fill with one file's or one type's spans.
:func:`queue_records` writes each chosen document once, pre-annotated with the engine's spans
and listing the spans to look at, as doccano or Label Studio import it.

The queue holds the documents' text: it is personal data on the user's own machine, and
:func:`write_queue` creates the file with mode 0600.
"""

from __future__ import annotations

import heapq
import json
import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from redactor.review.explain import Candidate, Trace

#: How far from the threshold a score still counts as uncertain.
WIDTH = 0.25
#: Usefulness of a candidate a filter (not a score) dropped.
FILTER_DROP = 0.5
#: Usefulness of recognizers that give one text different types.
DISAGREE = 0.8
#: Bonuses: one recognizer only; a value found once in the input.
SINGLE_SOURCE = 0.1
FOUND_ONCE = 0.15
#: Diversity penalties per item already picked of the same type / from the same document.
SAME_LABEL = 0.02
SAME_DOCUMENT = 0.1
FORMATS = ("doccano", "label-studio")


@dataclass(frozen=True)
class Item:
    """One place in one document worth reviewing."""

    doc: int
    start: int
    end: int
    label: str
    score: float
    why: tuple[str, ...]
    kept: bool  # the engine redacts it (else: a dropped candidate)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (offsets, not text)."""
        return {"start": self.start, "end": self.end, "label": self.label, "kept": self.kept,
                "usefulness": round(self.score, 3), "why": list(self.why)}


def _near(score: float, threshold: float) -> float:
    """1 at the threshold, falling to 0 at :data:`WIDTH` from it."""
    return max(0.0, 1.0 - abs(score - threshold) / WIDTH)


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _groups(candidates: Sequence[Candidate]) -> list[list[Candidate]]:
    """Dropped candidates grouped into runs that overlap (one review place per run)."""
    groups: list[list[Candidate]] = []
    end = -1
    for c in sorted(candidates, key=lambda c: (c.span.start, c.span.end, c.span.source)):
        if groups and c.span.start < end:
            groups[-1].append(c)
            end = max(end, c.span.end)
        else:
            groups.append([c])
            end = c.span.end
    return groups


def items_of(trace: Trace, doc: int, seen: Counter[str] | None = None) -> list[Item]:
    """The review items of one traced document. ``seen``: how often each value (casefolded)
    occurs as a span or candidate in the whole input (for "found once")."""
    text = trace.text
    out: list[Item] = []
    for d in trace.decisions:
        why: list[str] = []
        u = _near(d.span.score, d.threshold)
        if u > 0:
            why.append(f"score {d.span.score:.2f} near threshold {d.threshold:.2f}")
        labels = {c.span.label for c in (*d.members, *d.rejected) if c.dropped != "label"}
        if len(labels) > 1:
            u = max(u, DISAGREE)
            why.append("recognizers disagree: " + "/".join(sorted(labels)))
        sources = {c.span.source.split(":")[0] for c in d.members}
        if len(sources) == 1:
            u += SINGLE_SOURCE
            why.append(f"only {next(iter(sources))}")
        if seen is not None and seen[_key(text[d.span.start : d.span.end])] <= 1:
            u += FOUND_ONCE
            why.append("found once")
        out.append(Item(doc, d.span.start, d.span.end, d.span.label, round(u, 4),
                        tuple(why), True))
    for group in _groups([c for c in trace.dropped_alone if c.dropped != "label"]):
        why, u = [], 0.0
        for c in group:
            if c.dropped == "threshold":
                near = _near(c.span.score, c.threshold)
                if near > 0:
                    why.append(f"{c.span.source} {c.span.label} dropped narrowly: {c.detail}")
                u = max(u, near)
            else:
                why.append(f"{c.span.source} {c.span.label} dropped: {c.detail}")
                u = max(u, FILTER_DROP)
        if len({c.span.label for c in group}) > 1:
            u = max(u, DISAGREE)
            why.append("recognizers disagree: " + "/".join(sorted({c.span.label for c in group})))
        best = max(group, key=lambda c: (c.span.score, len(c.span)))
        start, end = min(c.span.start for c in group), max(c.span.end for c in group)
        if seen is not None and seen[_key(text[best.span.start : best.span.end])] <= 1:
            u += FOUND_ONCE if u > 0 else 0.0
            why.append("found once")
        if u > 0:
            out.append(Item(doc, start, end, best.span.label, round(u, 4), tuple(why), False))
    return out


def value_counts(traces: Iterable[Trace]) -> Counter[str]:
    """How often each value occurs as a kept span or a candidate (once per document)."""
    counts: Counter[str] = Counter()
    for t in traces:
        values = {_key(t.text[c.span.start : c.span.end]) for c in t.candidates}
        values |= {_key(t.text[d.span.start : d.span.end]) for d in t.decisions}
        counts.update(values)
    return counts


def all_items(traces: Sequence[Trace]) -> list[Item]:
    """Every review item of every traced document (document index = position in ``traces``)."""
    seen = value_counts(traces)
    return [item for i, t in enumerate(traces) for item in items_of(t, i, seen)]


def select(items: Sequence[Item], budget: int, texts: Sequence[str],
           groups: Sequence[str] | None = None) -> list[Item]:
    """The ``budget`` most useful items, greedily, with diversity penalties: per item already
    picked of the same type and of the same document (or ``groups[doc]``, e.g. its file);
    a value already picked is not picked again. Deterministic (ties by position)."""
    heap = [(-it.score, it.doc, it.start, i) for i, it in enumerate(items)]
    heapq.heapify(heap)
    by_label: Counter[str] = Counter()
    by_doc: Counter[Any] = Counter()
    values: set[str] = set()
    chosen: list[Item] = []
    while heap and len(chosen) < budget:
        neg, doc, start, i = heapq.heappop(heap)
        it = items[i]
        value = _key(texts[it.doc][it.start : it.end])
        if value in values:
            continue
        where = groups[it.doc] if groups is not None else it.doc
        adjusted = it.score - SAME_LABEL * by_label[it.label] - SAME_DOCUMENT * by_doc[where]
        if heap and adjusted < -heap[0][0] - 1e-12 and adjusted < -neg:
            heapq.heappush(heap, (-adjusted, doc, start, i))  # penalties only grow: lazy update
            continue
        chosen.append(it)
        values.add(value)
        by_label[it.label] += 1
        by_doc[where] += 1
    return chosen


# --------------------------------------------------------------------------- output


def queue_records(
    chosen: Sequence[Item],
    traces: Sequence[Trace],
    *,
    fmt: str = "doccano",
    files: Sequence[str] | None = None,
    model_version: str = "redactor",
) -> list[dict[str, Any]]:
    """One record per document holding chosen items, in order of its best item: the text,
    the engine's spans as pre-annotation, and the places to review."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown queue format {fmt!r}; known: {', '.join(FORMATS)}")
    per_doc: dict[int, list[Item]] = defaultdict(list)
    for it in chosen:
        per_doc[it.doc].append(it)
    records = []
    for doc, items in per_doc.items():
        t = traces[doc]
        spans = [[s.start, s.end, s.label] for s in t.spans]
        review = [it.to_dict() for it in sorted(items, key=lambda it: it.start)]
        meta = {"document": t.doc_id, "file": files[doc] if files is not None else "",
                "predicted": spans, "review": review}
        if fmt == "doccano":
            records.append({"text": t.text, "label": spans, **meta})
            continue
        result = [
            {"id": f"p{k}", "from_name": "label", "to_name": "text", "type": "labels",
             "value": {"start": s.start, "end": s.end, "text": t.text[s.start : s.end],
                       "labels": [s.label]}, "score": round(s.score, 4)}
            for k, s in enumerate(t.spans)
        ]
        records.append({"data": {"text": t.text, **meta},
                        "predictions": [{"model_version": model_version, "result": result}]})
    return records


def write_queue(records: Sequence[dict[str, Any]], path: str | Path, fmt: str = "doccano") -> None:
    """Write the queue, creating the file with mode 0600 (it holds the documents' text).

    doccano: JSON Lines; Label Studio: one JSON array of tasks (what its import reads).
    """
    path = Path(path)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)  # an existing file keeps its mode through O_CREAT: set it
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        if fmt == "label-studio":
            json.dump(list(records), out, ensure_ascii=False, indent=1)
            out.write("\n")
        else:
            for record in records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")


# --------------------------------------------------------------------------- input


def iter_documents(path: str | Path, options: Any = None) -> Iterator[tuple[str, str, str]]:
    """``(file, document id, text)`` of every document under ``path``, read by the format
    layer as ``redact run`` reads it (unsupported files are passed over)."""
    from redactor.formats.base import FormatOptions
    from redactor.formats.reading import open_input, read_records
    from redactor.formats.registry import format_for_path, is_supported
    from redactor.formats.walk import iter_input_files

    options = options or FormatOptions()
    for file_path, rel in iter_input_files(Path(path)):
        if not is_supported(file_path):
            continue
        fmt = format_for_path(file_path)
        with open_input(file_path, options.encoding, rel) as stream:
            for record in read_records(fmt, stream, rel, options):
                for doc in record.documents:
                    yield rel, doc.id, doc.text
