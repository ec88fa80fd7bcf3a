"""Fine-tune the bundled Rampart model on generated data and compare it with the bundled one.

Steps (each can be skipped):

1. ``prepare``: a training set from ``redactor.training.generate`` (synthetic documents plus
   WNUT-17 *train* posts as they are and with names swapped), with the PERSON name words of
   ``benchmarks/data/dev.jsonl`` held out of the generator, so the dev set measures names the
   model has not seen. Validation (best checkpoint, early stopping): 10 % of the WNUT-17 train
   posts (their swapped copies are dropped from training) plus synthetic documents of another
   seed. Neither the dev set nor WNUT-17 dev is used for training or model choice.
2. ``train``: ``redactor.training.trainer.train`` from ``models/rampart-bert`` with our labels.
3. ``compare``: each model as the policy's transformer, alone and inside the full hipaa stack,
   on the dev set (per type, per origin group) and on WNUT-17 dev (PERSON, LOCATION).

Usage (CPU: about 4 s per step of 16 chunks on 2 busy cores)::

    python benchmarks/train_eval.py --work /tmp/ft --max-steps 300
    python benchmarks/train_eval.py --work /tmp/ft --skip-prepare --skip-train   # compare only

Outputs under ``--work``: train.jsonl, val.jsonl, model/ (the fine-tuned folder),
compare.json (counts and ratios, no text), policy-*.yaml.
"""

from __future__ import annotations

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

import argparse
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
DEV = REPO / "benchmarks" / "data" / "dev.jsonl"
WNUT_TRAIN = Path("/work/shared/data/wnut17/wnut17train.conll")
WNUT_DEV = Path("/work/shared/data/wnut17/emerging.dev.conll")
BUNDLED = REPO / "models" / "rampart-bert"
LABELS = (
    "PERSON",
    "LOCATION",
    "STREET_ADDRESS",
    "ZIP_CODE",
    "ORGANIZATION",
    "DATE",
    "AGE",
    "MEDICAL_RECORD_NUMBER",
    "PHONE_NUMBER",
    "EMAIL_ADDRESS",
    "URL",
    "ID_NUMBER",
    "ACCOUNT_NUMBER",
    "LICENSE_NUMBER",
)


def prepare(work: Path, count: int, seed: int, val_count: int) -> None:
    """Write work/train.jsonl and work/val.jsonl."""
    from redactor.training.generate import generate, holdout_words, summary, write_jsonl

    holdout = holdout_words(DEV)
    records = generate(count, seed, wnut=WNUT_TRAIN, wnut_swaps=1, holdout=holdout)
    posts = sorted({r["id"].split(":", 1)[1] for r in records if r["source"].startswith("wnut17")})
    held = set(random.Random(seed).sample(posts, len(posts) // 10))
    train, val = [], []
    for r in records:
        post = r["id"].split(":", 1)[1] if r["source"].startswith("wnut17") else None
        if post in held:
            if r["source"] == "wnut17":
                val.append(r)
        else:
            train.append(r)
    val += generate(val_count, seed + 1, holdout=holdout)
    write_jsonl(train, work / "train.jsonl")
    write_jsonl(val, work / "val.jsonl")
    print("train:", summary(train), file=sys.stderr)
    print("val:", summary(val), file=sys.stderr)


def finetune(work: Path, args: argparse.Namespace) -> None:
    """Train work/model from the bundled model."""
    from redactor.training.trainer import TrainConfig, train

    config = TrainConfig(
        base=BUNDLED,
        train=work / "train.jsonl",
        dev=work / "val.jsonl",
        out=work / "model",
        labels=LABELS,
        max_steps=args.max_steps,
        lr=args.lr,
        batch_size=args.batch_size,
        grad_accum=args.grad_accum,
        max_length=args.max_length,
        seed=args.seed,
        eval_steps=args.eval_steps,
        patience=args.patience,
        overwrite=True,
        progress=False,
    )
    t0 = time.time()
    result = train(config)
    print(
        f"trained {result.global_step} steps in {time.time() - t0:.0f} s; best step "
        f"{result.best_step} ({result.best_metric})",
        file=sys.stderr,
    )


def _policy(work: Path, name: str, model: Path, alone: bool) -> Path:
    data = yaml.safe_load((REPO / "policies" / "hipaa.yaml").read_text(encoding="utf-8"))
    data["name"] = f"hipaa-{name}"
    if alone:
        data["detectors"] = {
            "patterns": False,
            "names": False,
            "transformer": {"model": str(model), "device": "cpu"},
        }
    else:
        data["detectors"]["transformer"] = {"model": str(model), "device": "cpu"}
    path = work / f"policy-{name}.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def compare(work: Path, models: dict[str, Path], stacks: list[str]) -> dict[str, Any]:
    """Score each model alone and in the full stack on the dev set and WNUT-17 dev."""
    from redactor.detect.engine import Engine
    from redactor.policy import load_policy
    from redactor.quality.evaluate import evaluate, load_conll, load_gold_jsonl

    dev = load_gold_jsonl(DEV)
    wnut = load_conll(WNUT_DEV, label_map={"person": "PERSON", "location": "LOCATION"})
    out: dict[str, Any] = {}
    for stack in stacks:
        for name, folder in models.items():
            key = f"{stack}/{name}"
            policy = load_policy(str(_policy(work, f"{stack}-{name}", folder, stack == "alone")))
            engine = Engine.from_policy(policy).load()
            record: dict[str, Any] = {}
            for set_name, docs, labels in (
                ("dev", dev, policy.entity_labels),
                ("wnut17_dev", wnut, {"PERSON", "LOCATION"}),
            ):
                texts = [d.text for d in docs]
                t0 = time.time()
                pred = engine.analyze(texts)
                secs = time.time() - t0
                report = evaluate([d.spans for d in docs], pred, texts, labels=labels)
                record[set_name] = {**report.to_dict(), "seconds": round(secs, 1)}
                print(f"\n=== {key} on {set_name} ({secs:.0f} s)")
                print(report.format_table(groups=set_name == "dev"))
            out[key] = record
    (work / "compare.json").write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return out


def main() -> int:
    """Parse arguments and run the chosen steps."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--count", type=int, default=3000, help="synthetic training documents")
    ap.add_argument("--val-count", type=int, default=200)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--max-steps", type=int, default=300)
    ap.add_argument("--lr", type=float, default=8e-5)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--grad-accum", type=int, default=1)
    ap.add_argument("--max-length", type=int, default=128)
    ap.add_argument("--eval-steps", type=int, default=50)
    ap.add_argument("--patience", type=int, default=3)
    ap.add_argument("--stacks", default="alone,full", help="alone, full or both")
    ap.add_argument(
        "--finetuned", type=Path, default=None, help="model folder to compare (default: WORK/model)"
    )
    ap.add_argument("--skip-prepare", action="store_true")
    ap.add_argument("--skip-train", action="store_true")
    ap.add_argument("--skip-compare", action="store_true")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    if not args.skip_prepare:
        prepare(args.work, args.count, args.seed, args.val_count)
    if not args.skip_train:
        finetune(args.work, args)
    if not args.skip_compare:
        compare(
            args.work,
            {"bundled": BUNDLED, "finetuned": args.finetuned or args.work / "model"},
            [s for s in args.stacks.split(",") if s],
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
