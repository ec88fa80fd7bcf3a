"""Does the review queue beat random selection? A simulated review loop on WNUT-17.

WNUT-17 is the real corpus the current stack does worst on (``redact eval --policy hipaa``,
PERSON/LOCATION/ORGANIZATION, overlap match: WNUT-17 dev F1 0.707, BTC dev 0.770). The loop:

1. the hipaa policy's full detection stack runs once over WNUT-17 *train* (the pool) and *dev*
   (measurement); its raw spans are cached (``--work``), so every variant below re-runs only
   the engine's filters, propagation and resolution on them (``Engine.analyze`` with the
   spans as ``extra``), plus the deny list it adds;
2. per seed, a pool of ``--pool`` train posts is drawn; ``redact review``'s code
   (:func:`~redactor.review.queue.all_items`,
   :func:`~redactor.review.queue.select`) picks N review places
   from it, and a random draw picks N places from the same items (the items of the types the
   gold annotates, for both arms);
3. a simulated reviewer corrects each chosen place with the gold labels of WNUT-17 train: the
   engine's spans overlapping it are replaced by the gold spans overlapping it; everything
   else stays as the engine had it;
4. the corrections are folded in by ``redact train --corrections --as policy``'s code
   (:func:`~redactor.review.corrections.policy_entries`,
   :func:`~redactor.review.corrections.write_policy`): a
   policy that extends hipaa with allow/deny entries, loaded back from its file;
5. that policy is scored on WNUT-17 *dev* (never seen by the reviewer), overlap match on
   PERSON, LOCATION, ORGANIZATION, as ``redact eval`` scores.

``--route model`` folds the same corrected documents in as ``redact train --corrections --as
model`` does instead (step 4): :func:`~redactor.review.corrections.training_records` of them,
plus a fixed replay sample of the model's own kind of training data (Broad Twitter Corpus and
GUM train, our synthetic documents; never WNUT-17), fine-tune ``models/redactor-ner`` from its
weights with :func:`redactor.training.trainer.train` for a fixed number of steps (same seed,
learning rate, steps and replay for every arm: the arms differ only in which places were
reviewed). Each fine-tuned model is scored in the hipaa stack on WNUT-17 dev: the raw spans
of the other recognizers are cached per recognizer, so only the transformer runs again.

    python benchmarks/review_loop.py --work /tmp/review-loop --seeds 3
    python benchmarks/review_loop.py --route model --work /tmp/review-loop-model --seeds 3 \\
        --json /tmp/review-loop-model/summary.json
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import statistics
import time
from pathlib import Path

from redactor.detect.engine import Engine
from redactor.detect.lists import DenyListRecognizer
from redactor.detect.names import NameRecognizer
from redactor.policy import load_policy
from redactor.quality.evaluate import evaluate, load_conll
from redactor.review.corrections import Correction, policy_entries, write_policy
from redactor.review.explain import trace_texts
from redactor.review.queue import all_items, select
from redactor.span import Span

DATA = Path("/work/shared/data/wnut17")
LABEL_MAP = {"person": "PERSON", "location": "LOCATION", "corporation": "ORGANIZATION",
             "group": "ORGANIZATION"}
LABELS = frozenset(LABEL_MAP.values())
BUDGETS = (50, 100, 200)


class Propagator:
    """The stack's within-document propagation (the name recognizer's) without detection: the
    cached raw spans come into ``Engine.analyze`` as ``extra``, at the texts' own offsets."""

    name = "names"

    def __init__(self) -> None:
        self._names = NameRecognizer()

    def detect(self, texts):
        return [[] for _ in texts]

    def propagate(self, text, accepted):
        return self._names.propagate(text, accepted)


def raw_spans(policy, docs, cache: Path) -> dict[str, list[Span]]:
    if cache.is_file():
        return pickle.loads(cache.read_bytes())
    engine = Engine.from_policy(policy).load()
    texts = sorted({d.text for d in docs})
    t0 = time.time()
    raw = engine.detect_raw(texts)
    print(f"  detected {len(texts)} texts in {time.time() - t0:.0f} s", flush=True)
    out = dict(zip(texts, raw, strict=True))
    cache.write_bytes(pickle.dumps(out))
    return out


def engine_for(policy) -> Engine:
    recognizers = [Propagator()]
    if policy.deny:
        recognizers.append(DenyListRecognizer(policy.deny))
    return Engine.from_policy(policy, recognizers=recognizers)


def analyze(engine, texts, by_text):
    return engine.analyze(texts, extra=[by_text[t] for t in texts])


def score(policy, docs, by_text) -> dict[str, float]:
    texts = [d.text for d in docs]
    pred = analyze(engine_for(policy), texts, by_text)
    report = evaluate([d.spans for d in docs], pred, texts, labels=LABELS)
    return {"precision": report.overlap.precision, "recall": report.overlap.recall,
            "f1": report.overlap.f1, "exact_f1": report.exact.f1}


def changed(items, traces, docs) -> int:
    """Reviewed places where the review changes whether text is redacted: the engine redacts
    there (a span of the gold's types) and the gold has nothing, or the other way round.
    Boundary and type fixes are not counted (WNUT-17's own boundaries differ often)."""
    n = 0
    for it in items:
        def covered(spans, it=it):
            return any(s.start < it.end and it.start < s.end and s.label in LABELS
                       for s in spans)
        n += covered(traces[it.doc].spans) != covered(docs[it.doc].spans)
    return n


def review(items, traces, docs) -> list[Correction]:
    """The simulated reviewer: each chosen place takes the gold spans that overlap it."""
    by_doc: dict[int, list[tuple[int, int]]] = {}
    for it in items:
        by_doc.setdefault(it.doc, []).append((it.start, it.end))
    out = []
    for i, places in by_doc.items():
        trace, doc = traces[i], docs[i]

        def reviewed(s, places=places):
            return any(s.start < b and a < s.end for a, b in places)

        kept = [s for s in trace.spans if not (reviewed(s) and s.label in LABELS)]
        gold = [Span(g.start, g.end, g.label, 1.0, "review") for g in doc.spans if reviewed(g)]
        labels = sorted(set(kept) | set(gold))
        out.append(Correction(doc.id, doc.text, tuple(labels), tuple(trace.spans)))
    return out


def fold(corrections, parent: str, parent_policy, path: Path):
    allow, deny = policy_entries(corrections)
    write_policy(path, parent, parent_policy, allow, deny)
    return load_policy(path), len(allow), sum(map(len, deny.values()))


class ModelRoute:
    """``--route model``: fine-tune the policy's transformer on corrected documents and score
    the stack with it. Raw spans are cached per recognizer (``raw-parts-*.pkl``), so a new
    model re-runs only the transformer; the others' spans are reused as they were."""

    def __init__(self, policy, work: Path, args) -> None:
        from redactor.models import resolve_model
        from redactor.policy import TransformerConfig

        self.policy, self.work, self.args = policy, work, args
        transformer = policy.detectors.transformer
        if not isinstance(transformer, TransformerConfig):
            raise SystemExit(f"policy {policy.name} has no transformer to fine-tune")
        self.config = transformer
        self.base = resolve_model(transformer.model,
                                  Path(policy.path).parent if policy.path else None)
        labels = json.loads((Path(self.base) / "redactor_label_map.json").read_text())
        # every type the model has: a head cut to the corrections' types would forget the rest
        self.labels = tuple(sorted({v for v in labels.values() if v}))
        self._engine = None
        self._replay = None

    def parts(self, docs, cache: Path) -> tuple[list[str], dict[str, list[list[Span]]]]:
        """Each recognizer's raw spans per text, in the engine's recognizer order (their
        concatenation is ``Engine.detect_raw``'s answer)."""
        from redactor.detect.engine import run_recognizers
        from redactor.detect.hf_ner import TransformerRecognizer

        if cache.is_file():
            return pickle.loads(cache.read_bytes())
        if self._engine is None:
            self._engine = Engine.from_policy(self.policy).load()
        texts = sorted({d.text for d in docs})
        kinds, found = [], []
        for rec in self._engine.recognizers:
            t0 = time.time()
            found.append(run_recognizers([rec], texts))
            kinds.append("transformer" if isinstance(rec, TransformerRecognizer) else rec.name)
            print(f"  {rec.name}: {len(texts)} texts in {time.time() - t0:.0f} s", flush=True)
        out = (kinds, {t: [f[i] for f in found] for i, t in enumerate(texts)})
        cache.write_bytes(pickle.dumps(out))
        return out

    @staticmethod
    def compose(parts, transformer: dict[str, list[Span]] | None = None) -> dict[str, list[Span]]:
        """Raw spans per text: every recognizer's, the transformer's replaced if given."""
        kinds, by_text = parts
        return {t: [s for kind, spans in zip(kinds, per, strict=True)
                    for s in (transformer[t] if transformer is not None and kind == "transformer"
                              else spans)]
                for t, per in by_text.items()}

    def transformer_spans(self, model: Path, texts) -> dict[str, list[Span]]:
        """The fine-tuned model's raw spans, as the policy's transformer detector runs it."""
        from redactor.detect.engine import run_recognizers
        from redactor.detect.hf_ner import TransformerRecognizer

        rec = TransformerRecognizer.from_config(self.config.model_copy(
            update={"model": str(model), "device": "cpu"}).model_dump(exclude_none=True))
        texts = sorted(set(texts))
        return dict(zip(texts, run_recognizers([rec], texts), strict=True))

    def replay(self) -> list[dict]:
        """A fixed sample of the model's own training data (train splits; no WNUT-17, which
        the reviewer draws from): BTC tweets, GUM paragraphs, synthetic documents."""
        if self._replay is None:
            import train_real  # benchmarks/train_real.py, next to this file

            from redactor.training.generate import generate

            rng = random.Random(77)
            n = self.args.replay
            btc = rng.sample(train_real.btc("train"), round(n * 0.7))
            gum = rng.sample(train_real.gum("train"), round(n * 0.15))
            synth = list(generate(count=n - len(btc) - len(gum), seed=77))
            self._replay = [{"id": r["id"], "text": r["text"], "spans": r["spans"]}
                            for r in (*btc, *gum, *synth)]
        return self._replay

    def fine_tune(self, corrections, name: str, seed: int) -> tuple[Path, dict]:
        """The corrections (``redact train --corrections --as model``'s records) plus the
        replay sample, trained for ``--steps`` from the base weights."""
        from redactor.review.corrections import training_records, write_jsonl
        from redactor.training.trainer import TrainConfig, train

        out = self.work / f"{name}.model"
        info_path = self.work / f"{name}.train.json"
        if info_path.is_file() and (out / "config.json").is_file():
            return out, json.loads(info_path.read_text())
        records = training_records(corrections)
        data = write_jsonl([*records, *self.replay()], self.work / f"{name}.train.jsonl")
        config = TrainConfig(base=self.base, train=data, out=out, labels=self.labels,
                             max_steps=self.args.steps, lr=self.args.lr, batch_size=16,
                             warmup_ratio=0.1, seed=13 + seed, patience=0, precision="fp32",
                             device="cpu", final_eval=False, overwrite=True)
        t0 = time.time()
        result = train(config)
        info = {"steps": result.global_step, "train_s": round(time.time() - t0, 1),
                "docs": len(records), "chunks": result.n_train_chunks,
                "loss": result.train_loss[-1][1] if result.train_loss else None}
        info_path.write_text(json.dumps(info) + "\n")
        return out, info

    def score(self, corrections, name: str, seed: int, dev, dev_parts) -> dict:
        """Fine-tune on ``corrections`` and score the stack with the new model on dev."""
        cached = self.work / f"{name}.score.json"
        if cached.is_file():
            return json.loads(cached.read_text())
        model, info = self.fine_tune(corrections, name, seed)
        t0 = time.time()
        spans = self.transformer_spans(model, [d.text for d in dev])
        row = {**info, "detect_s": round(time.time() - t0, 1),
               **score(self.policy, dev, self.compose(dev_parts, spans))}
        cached.write_text(json.dumps(row) + "\n")
        return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--work", default="/tmp/review-loop")
    ap.add_argument("--policy", default="hipaa")
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--pool", type=int, default=2000, help="train posts per seed's pool")
    ap.add_argument("--budgets", default=",".join(map(str, BUDGETS)))
    ap.add_argument("--plot", default="", help="PNG to write (default: docs/review_loop.png, "
                    "docs/review_loop_model.png for --route model)")
    ap.add_argument("--route", choices=("policy", "model"), default="policy",
                    help="fold the corrections in as allow/deny lists (redact train --as "
                    "policy) or as training data for the policy's model (--as model)")
    ap.add_argument("--steps", type=int, default=60, help="--route model: optimizer steps")
    ap.add_argument("--lr", type=float, default=3e-5, help="--route model: peak learning rate")
    ap.add_argument("--replay", type=int, default=300,
                    help="--route model: replay records mixed into every arm's training data")
    ap.add_argument("--threads", type=int, default=1, help="--route model: torch threads")
    ap.add_argument("--json", default="")
    ap.add_argument("--gold", choices=("guidelines", "raw"), default="guidelines",
                    help="guidelines: WNUT-17 with @handles as PERSON, as our annotation "
                    "guidelines and redactor.training.realtext read it (WNUT leaves handles "
                    "untagged, and a reviewer of a redaction tool would not); raw: as released")
    args = ap.parse_args()
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    budgets = [int(b) for b in args.budgets.split(",")]
    policy = load_policy(args.policy)
    if args.gold == "guidelines":
        from redactor.training.realtext import load_wnut

        train, dev = load_wnut(DATA / "wnut17train.conll"), load_wnut(DATA / "emerging.dev.conll")
    else:
        train = load_conll(DATA / "wnut17train.conll", label_map=LABEL_MAP)
        dev = load_conll(DATA / "emerging.dev.conll", label_map=LABEL_MAP)
    print(f"WNUT-17: {len(train)} train posts (pool), {len(dev)} dev posts; policy "
          f"{policy.name} {policy.sha256[:12]}", flush=True)
    route = None
    if args.route == "model":
        import torch

        torch.set_num_threads(args.threads)
        route = ModelRoute(policy, work, args)
        key = f"{policy.sha256[:12]}"
        dev_parts = route.parts(dev, work / f"raw-parts-dev-{key}.pkl")
        raw_train = route.compose(route.parts(train, work / f"raw-parts-train-{key}.pkl"))
        raw_dev = route.compose(dev_parts)
    else:
        raw_train = raw_spans(policy, train, work / f"raw-train-{policy.sha256[:12]}.pkl")
        raw_dev = raw_spans(policy, dev, work / f"raw-dev-{policy.sha256[:12]}.pkl")
    base = score(policy, dev, raw_dev)
    print(f"N=0: P {base['precision']:.3f} R {base['recall']:.3f} F1 {base['f1']:.3f}", flush=True)
    base_engine = engine_for(policy)
    results: dict[str, dict[int, list[dict]]] = {"queue": {}, "random": {}}
    for seed in range(args.seeds):
        rng = random.Random(seed)
        pool = rng.sample(train, min(args.pool, len(train)))
        texts = [d.text for d in pool]
        traces = trace_texts(base_engine, texts, raw=[raw_train[t] for t in texts],
                             final=analyze(base_engine, texts, raw_train),
                             recognizer_filters=False)
        items = [it for it in all_items(traces) if it.label in LABELS]
        if route is not None:  # the fine-tuning alone, on the replay sample: a control
            row = {"seed": seed, **route.score([], f"replay-only-s{seed}", seed, dev, dev_parts)}
            results.setdefault("replay only", {}).setdefault(0, []).append(row)
            print(f"seed {seed} N=  0 replay only: P {row['precision']:.3f} "
                  f"R {row['recall']:.3f} F1 {row['f1']:.3f} ({row['steps']} steps, "
                  f"{row['train_s']:.0f} s training)", flush=True)
        for n in budgets:
            picks = {"queue": select(items, n, texts),
                     "random": random.Random(1000 + seed).sample(items, min(n, len(items)))}
            for arm, chosen in picks.items():
                corrections = review(chosen, traces, pool)
                corrected = changed(chosen, traces, pool) / max(1, len(chosen))
                if route is not None:
                    row = {"seed": seed, "corrected": corrected, "allow": 0, "deny": 0,
                           **route.score(corrections, f"{arm}-{n}-s{seed}", seed, dev,
                                         dev_parts)}
                    results[arm].setdefault(n, []).append(row)
                    print(f"seed {seed} N={n:3d} {arm:6s}: P {row['precision']:.3f} "
                          f"R {row['recall']:.3f} F1 {row['f1']:.3f} ({row['docs']} documents, "
                          f"{row['steps']} steps, {row['train_s']:.0f} s training, "
                          f"{row['detect_s']:.0f} s dev; {corrected:.0%} of places were "
                          "errors)", flush=True)
                    continue
                path = work / f"{arm}-{n}-s{seed}.policy.yaml"
                variant, n_allow, n_deny = fold(corrections, args.policy, policy, path)
                row = {"seed": seed, "allow": n_allow, "deny": n_deny, "corrected": corrected,
                       **score(variant, dev, raw_dev)}
                results[arm].setdefault(n, []).append(row)
                print(f"seed {seed} N={n:3d} {arm:6s}: P {row['precision']:.3f} "
                      f"R {row['recall']:.3f} F1 {row['f1']:.3f} "
                      f"(+{n_allow} allow, +{n_deny} deny; "
                      f"{row['corrected']:.0%} of places were errors)", flush=True)
    summary = {"baseline": base, "pool": args.pool, "seeds": args.seeds, "arms": {},
               "gold": args.gold, "route": args.route,
               **({"steps": args.steps, "lr": args.lr, "replay": args.replay}
                  if route is not None else {}),
               "code": _code_version()}
    print("\nmean over seeds (sd)        precision        recall           F1        "
          "places that were errors")
    for arm, by_n in results.items():
        summary["arms"][arm] = {}
        for n, rows in sorted(by_n.items()):
            stats = {}
            keys = ["precision", "recall", "f1", "allow", "deny", "corrected"]
            if route is not None:
                keys += ["steps", "train_s", "detect_s", "docs"]
            for key in keys:
                vals = [r.get(key, 0.0) for r in rows]
                stats[key] = (statistics.mean(vals),
                              statistics.stdev(vals) if len(vals) > 1 else 0.0)
            summary["arms"][arm][n] = stats
            print(f"{arm:6s} N={n:3d}   " + "   ".join(
                f"{stats[k][0]:.3f} ({stats[k][1]:.3f})"
                for k in ("precision", "recall", "f1", "corrected")))
    if args.json:
        Path(args.json).write_text(json.dumps(summary, indent=1, default=str) + "\n")
    default_plot = "docs/review_loop_model.png" if route else "docs/review_loop.png"
    plot(summary, budgets, Path(args.plot or default_plot))


def _code_version() -> str:
    """HEAD, and whether the working tree differs from it (the figures depend on the engine's
    filters and resolution, which run live)."""
    import subprocess

    def git(*cmd):
        return subprocess.run(["git", *cmd], capture_output=True, text=True).stdout.strip()

    dirty = git("status", "--porcelain", "--untracked-files=no", "redactor")
    return git("rev-parse", "--short", "HEAD") + (" (redactor/ modified)" if dirty else "")


def plot(summary, budgets, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 4, figsize=(15, 3.6))
    base = summary["baseline"]
    for ax, key in zip(axes, ("recall", "precision", "f1", "corrected"), strict=True):
        for arm, style in (("queue", "o-"), ("random", "s--")):
            xs = list(budgets) if key == "corrected" else [0, *budgets]
            means = [summary["arms"][arm][n][key][0] for n in budgets]
            sds = [summary["arms"][arm][n][key][1] for n in budgets]
            if key != "corrected":
                means, sds = [base[key], *means], [0.0, *sds]
            ax.errorbar(xs, means, yerr=sds, fmt=style, capsize=3, label=arm)
        control = summary["arms"].get("replay only", {}).get(0)
        if control and key != "corrected":
            ax.errorbar([0], [control[key][0]], yerr=[control[key][1]], fmt="^", color="grey",
                        capsize=3, label="fine-tuned on the replay sample alone")
        ax.set_title("reviewed places that were errors" if key == "corrected"
                     else f"WNUT-17 dev {key}", fontsize=10)
        ax.set_xlabel("reviewed spans (N)")
        ax.set_xticks([0, *budgets])
        ax.grid(alpha=0.3)
    axes[0].legend()
    how = ("policy allow/deny" if summary.get("route", "policy") == "policy" else
           f"model fine-tuning ({summary['steps']} steps, lr {summary['lr']:g}, "
           f"{summary['replay']} replay records)")
    fig.suptitle(f"review queue vs random, folded in as {how} "
                 f"({summary['seeds']} seed(s), pool {summary['pool']} train posts, "
                 f"{summary['gold']} gold)", fontsize=10)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    print(f"plot: {path}")


if __name__ == "__main__":
    main()
