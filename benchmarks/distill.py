"""Distil ``models/redactor-ner`` into a shallower student for the CPU (redactor.training.distill).

Data: the teacher's recipe (``benchmarks/train_real.py``), TRAIN splits only: BTC, GUM and
WNUT-17 train (as they are and with people swapped), the odd halves of MACCROBAT and MTSamples,
and synthetic documents of another seed than the teacher's (new text for the teacher to label).
With ``--written N``, the written documents the detector is fixed on
(``benchmarks/data/written.jsonl`` without its held-out half: nursing notes, summaries,
judgments, news, posts), N times each, learnt from their gold alone (``"teacher": false``: the
teacher never saw such text); with ``--written-swaps K``, K more copies of them with their
names swapped (generated people of any origin; places and organisations from other documents
of the same style: :func:`redactor.training.realtext.swap_record`). The dev splits (GUM dev,
400 BTC dev tweets, 400 WNUT-17 dev posts) only choose the checkpoint; the held-out written
documents are never trained on.

Usage::

    python benchmarks/distill.py --work /tmp/distill                  # data, then 3-layer student
    python benchmarks/distill.py --work /tmp/distill --layers 0,2,5 --max-minutes 45
    python benchmarks/distill.py --work /tmp/distill --skip-train     # data only
    python benchmarks/distill.py --work /tmp/distill --written 3 --init models/redactor-ner-small \
        --layers 0,2,4,5 --alpha 0.5 --lr 4e-5 --max-steps 700 --int8   # see docs/training.md
    python benchmarks/distill.py --work /tmp/distill \
        --speed models/redactor-ner,/tmp/distill/student            # chars/s, chars/CPU-s
    python benchmarks/distill.py --work /tmp/distill --skip-train --int8   # + model.int8.onnx

The training process is CPU-heavy: on a shared machine lower its priority (Linux autogroup:
``echo 19 > /proc/<pid>/autogroup``).
"""

from __future__ import annotations

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

import argparse
import json
import logging
import random
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def written_fixed_on() -> list[dict]:
    """The written documents that are not held out, cut at paragraphs, marked gold-only, each
    piece with its document's style."""
    sys.path.insert(0, str(HERE))
    import train_real as tr

    out = []
    for rec in tr._jsonl(HERE / "data" / "written.jsonl"):
        if rec.get("held_out"):
            continue
        spans = [(s["start"], s["end"], s["type"]) for s in rec["spans"]]
        out.extend(dict(piece, teacher=False, style=rec["style"])
                   for piece in tr._paragraphs(rec["id"], rec["text"], spans, "written"))
    return out


def written_swapped(pieces: list[dict], swaps: int, seed: int) -> list[dict]:
    """``swaps`` copies of each written piece with its names swapped
    (:func:`redactor.training.realtext.swap_record`): generated people of any origin, and
    places and organisations from other pieces of the same style."""
    from redactor.training.realtext import swap_record
    from redactor.training.values import Values

    pools: dict[str, dict[str, set[str]]] = {}
    for rec in pieces:
        for s in rec["spans"]:
            if s["type"] in ("LOCATION", "ORGANIZATION"):
                pools.setdefault(rec["style"], {}).setdefault(s["type"], set()).add(
                    rec["text"][s["start"] : s["end"]])
    sorted_pools = {style: {label: sorted(names) for label, names in by_label.items()}
                    for style, by_label in pools.items()}
    values = Values(random.Random(seed))
    return [swap_record(rec, values, sorted_pools.get(rec["style"], {}), f"written-swap{k}")
            for k in range(swaps) for rec in pieces]


def build_data(work: Path, synthetic: int, seed: int, written: int = 0,
               written_swaps: int = 0) -> tuple[Path, Path]:
    """Write ``work/train.jsonl`` and ``work/dev.jsonl`` with the teacher's loaders (and the
    fixed-on written documents ``written`` times, plus ``written_swaps`` swapped copies)."""
    sys.path.insert(0, str(HERE))
    import train_real as tr

    work.mkdir(parents=True, exist_ok=True)
    train = tr.gum("train") + tr.btc("train") + tr.maccrobat_odd() + tr.mtsamples_odd()
    train += tr.synthetic(synthetic, seed)
    pieces = written_fixed_on() if written or written_swaps else []
    train += pieces * written + written_swapped(pieces, written_swaps, seed)
    random.Random(seed).shuffle(train)
    paths = []
    for name, recs in (("train", train), ("dev", tr.dev_set())):
        path = work / f"{name}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for r in recs:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        paths.append(path)
    print("train records by source:", dict(Counter(r.get("source", "?") for r in train)))
    return paths[0], paths[1]


def real_texts(limit: int) -> list[str]:
    """Dev-split texts for timing (GUM dev pieces, BTC dev tweets, WNUT-17 dev posts)."""
    sys.path.insert(0, str(HERE))
    import train_real as tr

    texts = [r["text"] for r in tr.dev_set()]
    step = max(1, len(texts) // limit) if limit else 1
    return texts[::step][: limit or None]


def speed(models: list[Path], configs: list[str], limit: int, repeats: int) -> list[dict]:
    """Characters per wall second and per CPU second (this process) of each model and config,
    and the share of the first model's spans each one finds (type-blind, exact offsets)."""
    import time

    from redactor.detect.hf_ner import TransformerRecognizer

    texts = real_texts(limit)
    chars = sum(len(t) for t in texts)
    rows, first = [], None
    for model in models:
        for config in configs:
            options = ({"dtype": "float32", "quantize": "dynamic-int8", "backend": "torch"}
                       if config == "dynamic-int8" else {"backend": config})
            rec = TransformerRecognizer(model, device="cpu", **options)
            rec.load()
            rec.detect(texts[:8])
            wall, cpu = [], []
            for _ in range(repeats):
                w0, c0 = time.perf_counter(), time.process_time()
                spans = rec.detect(texts)
                wall.append(time.perf_counter() - w0)
                cpu.append(time.process_time() - c0)
            found = {(i, s.start, s.end) for i, ss in enumerate(spans) for s in ss}
            first = found if first is None else first
            row = {"model": model.name, "config": config, "texts": len(texts), "chars": chars,
                   "chars_per_s": round(chars / min(wall)),
                   "chars_per_cpu_s": round(chars / min(cpu)),
                   "spans": len(found),
                   "same_spans_as_first": round(len(found & first) / max(1, len(first)), 4)}
            print(json.dumps(row), flush=True)
            rows.append(row)
    return rows


def main() -> int:
    """Build the data (unless given), then distil."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--teacher", type=Path, default=ROOT / "models" / "redactor-ner")
    ap.add_argument("--train", type=Path, default=None, help="train JSONL (default: build it)")
    ap.add_argument("--dev", type=Path, default=None, help="dev JSONL (default: build it)")
    ap.add_argument("--out", type=Path, default=None, help="student folder (default WORK/student)")
    ap.add_argument("--synthetic", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=31)
    ap.add_argument("--written", type=int, default=0,
                    help="add the fixed-on written documents this many times (gold only)")
    ap.add_argument("--written-swaps", type=int, default=0,
                    help="add this many copies of them with their names swapped")
    ap.add_argument("--layers", default="0,2,4", help="teacher layers the student keeps")
    ap.add_argument("--temperature", type=float, default=2.0)
    ap.add_argument("--alpha", type=float, default=0.7, help="weight of the KL term")
    ap.add_argument("--max-steps", type=int, default=600)
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--eval-steps", type=int, default=100)
    ap.add_argument("--max-minutes", type=float, default=0.0)
    ap.add_argument("--threads", type=int, default=0)
    ap.add_argument("--init", type=Path, default=None, help="continue from this student folder")
    ap.add_argument("--no-dev", action="store_true",
                    help="no dev scoring while training (cheaper): save every --eval-steps")
    ap.add_argument("--skip-train", action="store_true")
    ap.add_argument("--int8", action="store_true",
                    help="write the student folder's CPU graph (model.int8.onnx), after "
                    "training or, with --skip-train, for the folder --out names")
    ap.add_argument("--speed", default="",
                    help="time these model folders (comma list) instead of training")
    ap.add_argument("--speed-configs", default="torch,dynamic-int8")
    ap.add_argument("--speed-texts", type=int, default=400)
    ap.add_argument("--repeats", type=int, default=2)
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    if args.speed:
        speed([Path(m) for m in args.speed.split(",")], args.speed_configs.split(","),
              args.speed_texts, args.repeats)
        return 0
    out = args.out or args.work / "student"
    if args.skip_train and args.int8:  # the graph of an existing student, no data
        from redactor.training.onnx_export import export_int8

        print(export_int8(out))
        return 0
    if args.train is None or args.dev is None:
        train, dev = build_data(args.work / "data", args.synthetic, args.seed, args.written,
                                 args.written_swaps)
    else:
        train, dev = args.train, args.dev
    if args.skip_train:
        return 0
    from redactor.training.distill import DistillConfig, distill

    config = DistillConfig(
        teacher=args.teacher, train=train, dev=None if args.no_dev else dev,
        out=out,
        layers=tuple(int(k) for k in args.layers.split(",")), temperature=args.temperature,
        alpha=args.alpha, max_steps=args.max_steps, lr=args.lr, batch_size=args.batch_size,
        eval_steps=args.eval_steps, max_minutes=args.max_minutes, threads=args.threads,
        seed=args.seed, init=args.init)
    result = distill(config)
    if args.int8:
        from redactor.training.onnx_export import export_int8

        export_int8(result.out)
    print(json.dumps({"out": str(result.out), "steps": result.steps,
                      "best_step": result.best_step, "best": result.best,
                      "teacher_dev": result.teacher_dev, "seconds": round(result.seconds)},
                     indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
