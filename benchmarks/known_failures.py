"""Record (``--write``) or check the dev set's known failures for a policy: ``make known-failures``.

Runs the policy's engine over ``benchmarks/data/dev.jsonl`` and compares each document's misses
with ``tests/regression/known_failures.json`` (see :mod:`redactor.quality.known_failures`).
Exit 0 when they are the same, 1 when they differ; ``--write`` records the current misses and
the unstable ones: those that come or go when the transformer's int8 graph runs with its float
scales nudged by a few parts in ten million (``--nudges``), as another CPU's float kernels may
round them (see :mod:`redactor.quality.known_failures`).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from redactor.quality import known_failures as kf
from redactor.quality.evaluate import load_gold_jsonl

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "benchmarks" / "data" / "dev.jsonl"
RECORD = ROOT / "tests" / "regression" / "known_failures.json"


def main(argv: list[str] | None = None) -> int:
    """Check or record; prints counts, document ids and offsets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--policy", default="hipaa")
    parser.add_argument("--dev", type=Path, default=DEV)
    parser.add_argument("--record", type=Path, default=RECORD)
    parser.add_argument("--write", action="store_true", help="record the current misses")
    parser.add_argument("--nudges", default="-3e-6,-1e-6,-3e-7,3e-7,1e-6,3e-6",
                        help="relative nudges of the int8 graph's scales for --write ('' none)")
    args = parser.parse_args(argv)

    docs = load_gold_jsonl(args.dev)
    policy_labels = _labels(args.policy)
    current = kf.document_misses(docs, kf.predict(args.policy, docs), policy_labels)
    total = sum(len(m) for m in current.values())
    gold = sum(1 for d in docs for s in d.spans if s.label in policy_labels)
    print(f"{args.policy}: {total} of {gold} gold spans missed in {len(current)} of "
          f"{len(docs)} documents")
    if args.write:
        with tempfile.TemporaryDirectory(prefix="redactor-nudged-") as tmp:
            folders = _nudged_models(args.policy, args.nudges, Path(tmp))
            nudged = [kf.document_misses(docs, kf.predict(args.policy, docs, model=folder),
                                         policy_labels) for folder in folders]  # fmt: skip
        unstable = kf.unstable_misses(current, nudged)
        kf.write(args.record, args.policy, current, unstable)
        print(f"recorded in {args.record} ({sum(map(len, unstable.values()))} unstable in "
              f"{len(nudged)} nudged runs)")
        return 0
    comparison = kf.compare(kf.read(args.record), current, kf.read(args.record, "unstable"))
    if comparison.clean:
        print("same misses as recorded")
        return 0
    print(kf.summary(comparison))
    return 1


def _nudged_models(policy_name: str, nudges: str, root: Path) -> list[str]:
    """Copies of the policy's transformer folder under ``root`` (links to its files) whose int8
    graph has every float scale multiplied by 1 + each nudge."""
    import numpy as np
    import onnx
    from onnx import numpy_helper

    from redactor.models import resolve_model
    from redactor.policy import load_policy
    from redactor.training.onnx_export import INT8_GRAPH

    transformer = load_policy(policy_name).detectors.transformer
    if transformer is None or not nudges:
        return []
    folder = Path(resolve_model(transformer.model))
    if not (folder / INT8_GRAPH).is_file():
        return []
    out = []
    for i, nudge in enumerate(float(n) for n in nudges.split(",")):
        target = root / f"n{i}"
        target.mkdir()
        for item in folder.iterdir():
            if item.name != INT8_GRAPH:
                (target / item.name).symlink_to(item)
        graph = onnx.load(str(folder / INT8_GRAPH))
        for tensor in graph.graph.initializer:
            if tensor.data_type == onnx.TensorProto.FLOAT and tensor.name.endswith("_scale"):
                value = numpy_helper.to_array(tensor) * np.float32(1 + nudge)
                tensor.CopyFrom(numpy_helper.from_array(value.astype(np.float32), tensor.name))
        onnx.save(graph, str(target / INT8_GRAPH))
        out.append(str(target))
    return out


def _labels(policy_name: str) -> frozenset[str]:
    from redactor.policy import load_policy

    return load_policy(policy_name).entity_labels


if __name__ == "__main__":
    sys.exit(main())
