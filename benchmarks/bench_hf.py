"""Throughput and agreement of the transformer recognizer: float32 vs dynamic int8 (or on a GPU).

    python benchmarks/bench_hf.py [--model models/rampart-bert] [--sentences 400]

Generates Faker sentences with known PII (seeded, so every run sees the same text), runs
each configuration over (a) the short sentences and (b) the same text joined into ~2,000
character documents, and prints characters/s, tokens/s, exact-span F1 against the generated
labels, and the F1 agreement of each configuration with the first one. E-mail addresses use
free-mail domains: Rampart deliberately leaves placeholder addresses (``@example.com``, which
Faker's ``email()`` produces) untagged after the local part.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

Gold = list[tuple[int, int, str]]


def _templates() -> list[list[tuple[str, str | None, Callable | None]]]:
    """Sentence templates: a list of (text, label, faker method) pieces."""

    def piece(label: str, method: str) -> tuple[str, str, Callable]:
        return ("", label, lambda fake: getattr(fake, method)())

    def t(text: str) -> tuple[str, None, None]:
        return (text, None, None)

    return [
        [
            t("Please contact "),
            piece("PERSON", "name"),
            t(" at "),
            piece("EMAIL_ADDRESS", "free_email"),
            t("."),
        ],
        [
            piece("PERSON", "name"),
            t(" called from "),
            piece("PHONE_NUMBER", "phone_number"),
            t(" yesterday."),
        ],
        [
            t("Ship the parcel to "),
            piece("STREET_ADDRESS", "street_address"),
            t(", "),
            piece("LOCATION", "city"),
            t(" "),
            piece("ZIP_CODE", "zipcode"),
            t("."),
        ],
        [
            t("The patient "),
            piece("PERSON", "name"),
            t(" moved to "),
            piece("LOCATION", "city"),
            t(" last year."),
        ],
        [
            t("Her profile is at "),
            piece("URL", "url"),
            t(" and her phone is "),
            piece("PHONE_NUMBER", "phone_number"),
            t("."),
        ],
        [
            t("Ticket closed; the customer, "),
            piece("PERSON", "name"),
            t(", confirmed by email ("),
            piece("EMAIL_ADDRESS", "free_email"),
            t(")."),
        ],
        [t("No personal data in this line, only a note about the weather.")],
    ]


def generate(count: int, seed: int = 7) -> tuple[list[str], list[Gold]]:
    """``count`` sentences and their gold spans, from a seeded Faker instance."""
    from faker import Faker

    fake = Faker("en_US")
    fake.seed_instance(seed)
    templates = _templates()
    texts: list[str] = []
    golds: list[Gold] = []
    for index in range(count):
        parts: list[str] = []
        gold: Gold = []
        for text, label, make in templates[index % len(templates)]:
            value = make(fake) if make else text
            start = sum(len(p) for p in parts)
            parts.append(value)
            if label:
                gold.append((start, start + len(value), label))
        texts.append("".join(parts))
        golds.append(gold)
    return texts, golds


def documents(texts: Sequence[str], golds: Sequence[Gold], size: int = 2000) -> tuple[list, list]:
    """Join sentences into documents of about ``size`` characters, shifting the gold spans."""
    docs, doc_golds = [], []
    current, gold = "", []
    for text, spans in zip(texts, golds, strict=True):
        if current and len(current) + len(text) + 1 > size:
            docs.append(current)
            doc_golds.append(gold)
            current, gold = "", []
        offset = len(current) + (1 if current else 0)
        current = f"{current} {text}" if current else text
        gold.extend((s + offset, e + offset, lab) for s, e, lab in spans)
    if current:
        docs.append(current)
        doc_golds.append(gold)
    return docs, doc_golds


def f1(predicted: Sequence[Gold], reference: Sequence[Gold]) -> float:
    """Micro F1 of exact (start, end, label) matches."""
    tp = sum(len(set(p) & set(r)) for p, r in zip(predicted, reference, strict=True))
    n_pred = sum(len(set(p)) for p in predicted)
    n_ref = sum(len(set(r)) for r in reference)
    if n_pred + n_ref == 0:
        return 1.0
    return 2 * tp / (n_pred + n_ref)


def run(recognizer, texts: Sequence[str], repeats: int) -> tuple[list[Gold], float]:
    """Spans and the best wall time of ``repeats`` runs (after one warm-up).

    The best, not the median: on a shared machine other processes only ever add time.
    """
    recognizer.detect(texts[: min(len(texts), 16)])
    times = []
    spans = []
    for _ in range(repeats):
        began = time.perf_counter()
        spans = recognizer.detect(texts)
        times.append(time.perf_counter() - began)
    return [[(s.start, s.end, s.label) for s in doc] for doc in spans], min(times)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a table."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=REPO / "models" / "rampart-bert")
    parser.add_argument("--sentences", type=int, default=400)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--max-batch-tokens", type=int, default=None)
    parser.add_argument("--aggregation", choices=("first", "max"), default="first")
    parser.add_argument(
        "--configs",
        default="float32,dynamic-int8,onnx",
        help="comma-separated: float32, dynamic-int8, onnx (ONNX Runtime, CPU), bfloat16, float16",
    )
    args = parser.parse_args(argv)

    import torch

    from redactor.detect.hf_ner import TransformerRecognizer

    texts, golds = generate(args.sentences)
    docs, doc_golds = documents(texts, golds)
    corpora = {"sentences": (texts, golds), "2k-char docs": (docs, doc_golds)}
    print(
        f"torch {torch.__version__}, threads {torch.get_num_threads()}, device {args.device}, "
        f"aggregation {args.aggregation}, max_batch_tokens {args.max_batch_tokens or 'default'}, "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(args.model / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    results: dict[str, dict[str, list[Gold]]] = {}
    first = None
    for config in args.configs.split(","):
        options = {
            "device": args.device,
            "max_batch_tokens": args.max_batch_tokens,
            "aggregation": args.aggregation,
        }
        if config == "dynamic-int8":
            options.update(dtype="float32", quantize="dynamic-int8", backend="torch")
        elif config == "onnx":
            options["backend"] = "onnx"
        else:
            options.update(dtype=config, backend="torch")
        recognizer = TransformerRecognizer(args.model, **options)
        began = time.perf_counter()
        recognizer.load()
        load_s = time.perf_counter() - began
        results[config] = {}
        for corpus, (items, gold) in corpora.items():
            chars = sum(len(t) for t in items)
            tokens = sum(
                len(e.ids) for e in tokenizer.encode_batch(items, add_special_tokens=False)
            )
            spans, seconds = run(recognizer, items, args.repeats)
            results[config][corpus] = spans
            agree = f1(spans, results[first][corpus]) if first else 1.0
            print(
                f"{config:>13} | {corpus:>12} | {len(items):4d} texts | "
                f"{chars / seconds:9,.0f} chars/s | {tokens / seconds:8,.0f} tokens/s | "
                f"F1 vs gold {f1(spans, gold):.3f} | F1 vs {first or config} {agree:.3f} | "
                f"load {load_s:.1f}s"
            )
        first = first or config
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    sys.exit(main())
