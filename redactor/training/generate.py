"""Build a training set: synthetic documents from the templates, mixed with real WNUT-17 posts.

``python -m redactor.training --out train.jsonl --count 4000 --seed 13 --wnut PATH`` (or
``redact train-data``) writes JSON Lines records ``{"id", "kind", "template"?, "source",
"text", "spans": [{"start", "end", "type", "group"?}]}``, the format ``redact train`` and
``redact eval`` read. The same arguments give the same file, byte for byte.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from redactor.errors import InputError
from redactor.quality.evaluate import load_gold_jsonl
from redactor.training.realtext import load_wnut, wnut_records
from redactor.training.synth import fill
from redactor.training.templates import TEMPLATES, Template
from redactor.training.values import Values

DEFAULT_SEED = 13


def holdout_words(path: str | Path) -> set[str]:
    """Lower-cased words of the PERSON spans of a gold JSONL file (to keep out of training)."""
    words: set[str] = set()
    for doc in load_gold_jsonl(path):
        for s in doc.spans:
            if s.label == "PERSON":
                words.update(w.lower() for w in re.split(r"[\s'’.,-]+", doc.text[s.start : s.end]))
    words.discard("")
    return words


def generate(
    count: int,
    seed: int = DEFAULT_SEED,
    *,
    wnut: str | Path | None = None,
    wnut_as_is: bool = True,
    wnut_swaps: int = 1,
    holdout: Sequence[str] | set[str] = (),
    templates: Sequence[Template] = TEMPLATES,
) -> list[dict[str, Any]]:
    """``count`` synthetic records plus, with ``wnut``, its posts (as-is and swapped), shuffled.

    ``holdout`` lists name words never to generate (e.g. :func:`holdout_words` of a dev set, so
    that set measures names the model has not seen).
    """
    if count < 0 or wnut_swaps < 0:
        raise InputError("count and wnut_swaps must not be negative")
    rng = random.Random(seed)
    values = Values(rng, holdout=holdout)
    records = [fill(rng.choice(templates), values, f"syn-{seed}-{i:06d}") for i in range(count)]
    if wnut is not None:
        path = Path(wnut)
        if not path.is_file():
            raise InputError(f"WNUT-17 file {path} not found")
        records += wnut_records(load_wnut(path), values, as_is=wnut_as_is, swaps=wnut_swaps)
    rng.shuffle(records)
    return records


def write_jsonl(records: Sequence[dict[str, Any]], path: str | Path) -> None:
    """One JSON object per line, UTF-8, keys in insertion order."""
    with open(path, "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def summary(records: Sequence[dict[str, Any]]) -> str:
    """Counts of records per source and spans per type (no text)."""
    sources = Counter(r["source"] for r in records)
    types = Counter(s["type"] for r in records for s in r["spans"])
    return (
        f"{len(records)} records ({', '.join(f'{k} {v}' for k, v in sorted(sources.items()))}); "
        f"spans: {', '.join(f'{k} {v}' for k, v in types.most_common())}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Command line of ``python -m redactor.training``."""
    parser = argparse.ArgumentParser(
        prog="python -m redactor.training", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--out", required=True, type=Path, help="JSON Lines file to write")
    parser.add_argument(
        "--count", type=int, default=2000, help="synthetic documents (default 2000)"
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--wnut", type=Path, default=None, help="WNUT-17 CoNLL file to mix in")
    parser.add_argument(
        "--wnut-swaps", type=int, default=1, help="swapped copies per post with a person"
    )
    parser.add_argument("--no-wnut-as-is", action="store_true", help="only the swapped posts")
    parser.add_argument(
        "--holdout-names",
        type=Path,
        default=None,
        help="gold JSONL whose PERSON name words are never generated",
    )
    args = parser.parse_args(argv)
    try:
        holdout = holdout_words(args.holdout_names) if args.holdout_names else set()
        records = generate(
            args.count,
            args.seed,
            wnut=args.wnut,
            wnut_as_is=not args.no_wnut_as_is,
            wnut_swaps=args.wnut_swaps,
            holdout=holdout,
        )
        write_jsonl(records, args.out)
    except (InputError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(summary(records), file=sys.stderr)
    return 0
