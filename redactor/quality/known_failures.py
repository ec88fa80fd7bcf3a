"""Known failures on the dev set: each document's misses, recorded, so a lost identifier fails.

The regression check of docdeid/deduce, for our stack: run a policy's engine over the dev set
(``benchmarks/data/dev.jsonl``), list per document the gold spans no kept span overlaps
(type-blind, the overlap rule of :mod:`redactor.quality.evaluate`, on the types the policy acts
on), and compare that with the recorded file (``tests/regression/known_failures.json``):

* a miss that is not recorded is a **regression**: a change lost an identifier it used to find;
* a recorded miss that is now found is an **improvement**: record it with
  ``make known-failures``, so the file stays the exact list and the next loss is caught.

The bundled transformer runs int8 with its activations quantised per run, so a rounding
difference in the last bit of a float (another CPU's kernels) can move a word across a
quantisation step and, at the margin, add or drop a span: nudging the graph's scales by
3 parts in 10 million changed 1 of these 25 misses in 2 of 4 tries. ``make known-failures``
therefore also records the **unstable** misses, those that come or go in any of a few such
nudged runs (:func:`unstable_misses`); the comparison ignores them in both directions, and
every other miss must match exactly.

The file holds document ids, offsets and types only (the dev set is synthetic, but the rule is
the audit's: no text).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from redactor.quality.evaluate import GoldDoc, missed_spans

#: A miss: (start, end, gold type).
Miss = tuple[int, int, str]


def document_misses(
    docs: Sequence[GoldDoc], predicted: Sequence[Sequence[object]], labels: frozenset[str]
) -> dict[str, list[Miss]]:
    """Per document id, the gold spans of ``labels`` that no predicted span overlaps."""
    out: dict[str, list[Miss]] = {doc.id: [] for doc in docs}
    for index, span in missed_spans(
        [doc.spans for doc in docs], predicted, labels=labels  # type: ignore[arg-type]
    ):
        out[docs[index].id].append((span.start, span.end, span.label))
    return {doc_id: sorted(misses) for doc_id, misses in out.items() if misses}


def predict(
    policy_name: str, docs: Sequence[GoldDoc], batch: int = 64, *, model: str | None = None
) -> list[list[object]]:
    """The spans the policy's engine keeps, for each document (loads the policy's models);
    ``model`` replaces the folder of the policy's transformer."""
    from redactor.detect.engine import Engine
    from redactor.policy import load_policy

    policy = load_policy(policy_name)
    if model is not None and policy.detectors.transformer is not None:
        transformer = policy.detectors.transformer.model_copy(update={"model": model})
        detectors = policy.detectors.model_copy(update={"transformer": transformer})
        policy = policy.model_copy(update={"detectors": detectors})
    engine = Engine.from_policy(policy)
    engine.load()
    texts = [doc.text for doc in docs]
    spans: list[list[object]] = []
    for start in range(0, len(texts), batch):
        spans.extend(engine.analyze(texts[start : start + batch]))
    return [[s for s in doc if policy.acts_on(s.label)] for doc in spans]  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Comparison:
    """Misses that are new (regressions) and recorded misses now found (improvements)."""

    regressions: dict[str, list[Miss]]
    improvements: dict[str, list[Miss]]

    @property
    def clean(self) -> bool:
        """True when the current misses are exactly the recorded ones."""
        return not self.regressions and not self.improvements


def unstable_misses(
    current: Mapping[str, Sequence[Miss]], nudged: Sequence[Mapping[str, Sequence[Miss]]]
) -> dict[str, list[Miss]]:
    """Per document, the misses that differ between ``current`` and any run in ``nudged``
    (the same engine with the model's float arithmetic nudged): found or missed by chance."""
    out: dict[str, set[Miss]] = {}
    for run in nudged:
        for doc_id in set(current) | set(run):
            moved = set(map(tuple, current.get(doc_id, ()))) ^ set(map(tuple, run.get(doc_id, ())))
            if moved:
                out.setdefault(doc_id, set()).update(moved)  # type: ignore[arg-type]
    return {doc_id: sorted(misses) for doc_id, misses in out.items()}


def compare(
    recorded: Mapping[str, Sequence[Miss]],
    current: Mapping[str, Sequence[Miss]],
    unstable: Mapping[str, Sequence[Miss]] | None = None,
) -> Comparison:
    """Split the difference between recorded and current misses by direction, leaving out the
    ``unstable`` ones (:func:`unstable_misses`)."""
    skip = {doc_id: set(map(tuple, misses)) for doc_id, misses in (unstable or {}).items()}

    def minus(
        a: Mapping[str, Sequence[Miss]], b: Mapping[str, Sequence[Miss]]
    ) -> dict[str, list[Miss]]:
        diff: dict[str, list[Miss]] = {}
        for doc_id, misses in a.items():
            extra = sorted(set(map(tuple, misses)) - set(map(tuple, b.get(doc_id, ())))
                           - skip.get(doc_id, set()))
            if extra:
                diff[doc_id] = extra  # type: ignore[assignment]
        return diff

    return Comparison(regressions=minus(current, recorded), improvements=minus(recorded, current))


def read(path: str | Path, key: str = "misses") -> dict[str, list[Miss]]:
    """The recorded misses of a known-failures file (``key="unstable"``: its unstable ones)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return {doc_id: [tuple(m) for m in misses] for doc_id, misses in data.get(key, {}).items()}  # type: ignore[misc]


def write(
    path: str | Path,
    policy_name: str,
    misses: Mapping[str, Sequence[Miss]],
    unstable: Mapping[str, Sequence[Miss]] | None = None,
) -> None:
    """Record ``misses`` and the ``unstable`` ones (sorted, one document per line, so a diff
    reads per document)."""

    def block(spans: Mapping[str, Sequence[Miss]]) -> str:
        lines = [f"  {json.dumps(doc_id)}: {json.dumps([list(m) for m in spans[doc_id]])}"
                 for doc_id in sorted(spans)]  # fmt: skip
        return "{\n" + ",\n".join(lines) + "\n}"

    Path(path).write_text(
        "{\n"
        f'"policy": {json.dumps(policy_name)},\n'
        f'"count": {sum(len(m) for m in misses.values())},\n'
        f'"misses": {block(misses)},\n'
        f'"unstable": {block(unstable or {})}\n'
        "}\n",
        encoding="utf-8",
    )


def summary(comparison: Comparison) -> str:
    """A readable account of a comparison: document ids, offsets and types (never text)."""
    parts = []
    for title, diff in (("lost (new misses)", comparison.regressions),
                        ("now found (record with `make known-failures`)", comparison.improvements)):
        if diff:
            parts.append(f"{title}: {sum(len(v) for v in diff.values())} span(s)")
            parts.extend(f"  {doc_id}: {misses}" for doc_id, misses in sorted(diff.items()))
    return "\n".join(parts)
