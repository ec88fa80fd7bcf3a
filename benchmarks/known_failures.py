"""Record (``--write``) or check the dev set's known failures for a policy: ``make known-failures``.

Runs the policy's engine over ``benchmarks/data/dev.jsonl`` and compares each document's misses
with ``tests/regression/known_failures.json`` (see :mod:`redactor.quality.known_failures`).
Exit 0 when they are the same, 1 when they differ; ``--write`` records the current misses.
"""

from __future__ import annotations

import argparse
import sys
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
    args = parser.parse_args(argv)

    docs = load_gold_jsonl(args.dev)
    policy_labels = _labels(args.policy)
    current = kf.document_misses(docs, kf.predict(args.policy, docs), policy_labels)
    total = sum(len(m) for m in current.values())
    gold = sum(1 for d in docs for s in d.spans if s.label in policy_labels)
    print(f"{args.policy}: {total} of {gold} gold spans missed in {len(current)} of "
          f"{len(docs)} documents")
    if args.write:
        kf.write(args.record, args.policy, current)
        print(f"recorded in {args.record}")
        return 0
    comparison = kf.compare(kf.read(args.record), current)
    if comparison.clean:
        print("same misses as recorded")
        return 0
    print(kf.summary(comparison))
    return 1


def _labels(policy_name: str) -> frozenset[str]:
    from redactor.policy import load_policy

    return load_policy(policy_name).entity_labels


if __name__ == "__main__":
    sys.exit(main())
