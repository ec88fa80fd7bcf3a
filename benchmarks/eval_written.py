"""Documents written here in the held-out sets' styles: recall and precision per set and style.

These are NOT real text: 182 documents (2,927 marked identifiers) that four of this project's
sessions wrote by hand in the styles of the hidden sets, to find shapes, then measured on:
ICU nursing notes in shorthand (in capitals, mixed and lower case), i2b2-style dictated
discharge summaries (tokenised, with their headers and signatures), European Court of Human
Rights judgments, news, biographies and travel writing, and posts (``benchmarks/data/
written.jsonl``: ``set`` w1-w4, ``style``). The names in them are invented, of many origins.

Sets ``w1`` and ``w2`` were written first and the detector was then fixed on them; ``w3`` was
written after those fixes and measured before the next ones (then fixed on too); ``w4`` was
written last and never fixed on: it is the only held-out one. Read a change's effect on ``w4``,
and judge every detection change on the real corpora of ``eval_real.py`` first.

Scoring is eval_real's: type-blind, a gold span found when half of it is covered, a redaction
right when half of it is gold, only spans the policy changes count. Years alone, months alone,
nationalities, wards and role nouns ("the Court") are not marked; ages are marked only over 89.

Usage::

    python benchmarks/eval_written.py                   # hipaa
    python benchmarks/eval_written.py --systems hipaa,hipaa-fast --json out.json
    PYTHONPATH=/path/to/other/checkout python benchmarks/eval_written.py   # before / after
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from eval_real import Scores, ours, score_doc  # noqa: E402

from redactor.quality.evaluate import GoldDoc, load_gold_jsonl  # noqa: E402

DATA = HERE / "data" / "written.jsonl"


def groups(docs: Sequence[GoldDoc]) -> dict[str, list[int]]:
    """Document indices per reported group: all, each set, each style, each set and style."""
    out: dict[str, list[int]] = defaultdict(list)
    for i, doc in enumerate(docs):
        written, style = doc.meta["set"], doc.meta["style"]
        for key in ("all", written, style, f"{written}.{style}"):
            out[key].append(i)
    return dict(out)


def _order(item: tuple[str, list[int]]) -> tuple[int, str]:
    """All first, then the sets, the styles, and each set's styles."""
    key = item[0]
    return (0 if key == "all" else 3 if "." in key else 1 if key[1:].isdigit() else 2, key)


def main(argv: Sequence[str] | None = None) -> int:
    """Print recall and precision per group for each system; optionally write ``--json``."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--systems", default="hipaa")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)
    docs = load_gold_jsonl(DATA)
    results: dict[str, dict[str, dict]] = {}
    for system in (s for s in args.systems.split(",") if s):
        preds = ours(system)([d.text for d in docs])
        rows = {}
        for key, members in sorted(groups(docs).items(), key=_order):
            acc = Scores()
            for i in members:
                score_doc(acc, docs[i], preds[i])
            row = acc.row(clinical=False)
            rows[key] = {k: row[k] for k in ("recall", "precision", "gold", "pred")}
            print(f"{system:10s} {key:16s} R {row['recall']:.3f}  P {row['precision']:.3f}  "
                  f"gold {row['gold']:5d}  redactions {row['pred']:5d}")
        results[system] = rows
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
