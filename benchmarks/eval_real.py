"""Real text that nobody here wrote: recall, precision and leak per corpus, ours beside Presidio.

``make eval-real`` runs it. Every detection change is judged here, not on our own templates.

Corpora (all under ``../shared/data/``, dev splits only; train splits are for training):

* ``wnut17``: WNUT-17 dev, social media (persons, locations, corporations, groups).
* ``btc``: Broad Twitter Corpus dev, tweets (persons, places, organisations).
* ``gum``: GUM dev, news, interviews, biographies, travel, academic, court (persons, places,
  organisations, dates).
* ``presidio``: Presidio's own PII sentence set, rebuilt from presidio-evaluator's templates
  with Faker values (``benchmarks/presidio_sentences.py``; generated, but not by us: the
  stand-in for the held-out "Presidio sentence set").
* ``maccrobat`` / ``mtsamples``: real clinical text with no patient identifiers. Only false
  alarms are measured there: redactions per 1,000 words that overlap an annotated clinical
  entity (certain false alarms), and all redactions per 1,000 words with dates, ages and places
  aside. The even-numbered documents are the evaluation half; the odd ones may be used for
  training.
* ``NAME:upper`` / ``NAME:lower``: a corpus in capitals or in lower case, offsets kept. The
  default set adds ``maccrobat:upper`` and ``mtsamples:upper`` (the stand-ins for ICU nursing
  notes written in capitals) and ``btc:lower`` (chat in lower case).

Scoring, the way the held-out sets are scored: type-blind; a gold span is found when at least
half of its characters are covered by predictions; a prediction is correct when at least half
of its characters lie inside gold spans (predictions on gold types the corpus leaves out, such
as WNUT's products, count neither way). ``leak`` is the share of gold characters not covered.
A prediction is a span the policy changes: spans it leaves as they are on purpose (``keep``,
ages under 90 under ``age90``, a bare year under ``year``) are not redactions and not counted.

Usage::

    python benchmarks/eval_real.py                      # hipaa, hipaa-fast and Presidio
    python benchmarks/eval_real.py --systems hipaa --corpora gum,btc
    python benchmarks/eval_real.py --json audits/eval-real.json
"""

from __future__ import annotations

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

import argparse
import atexit
import dataclasses
import hashlib
import inspect
import json
import pickle
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from redactor.quality.evaluate import GoldDoc, GoldSpan, load_conll, load_gold_jsonl  # noqa: E402
from redactor.span import Span  # noqa: E402

SHARED = Path(os.environ.get("REDACTOR_SHARED_DATA", HERE.parent.parent / "shared" / "data"))
WNUT_MAP = {"person": "PERSON", "location": "LOCATION", "corporation": "ORGANIZATION",
            "group": "ORGANIZATION", "product": "IGNORE", "creative-work": "IGNORE"}
IGNORE = "IGNORE"
#: Clinical corpora: labels that are not false alarms there ("dates and places aside").
CLINICAL_ASIDE = frozenset({"DATE", "AGE", "LOCATION"})
#: MACCROBAT types that are HIPAA-relevant (a redaction there is no false alarm).
MACCROBAT_PHI = frozenset({"Date", "Age", "Time", "Nonbiological_location", "Duration"})

Predictor = Callable[[Sequence[str]], list[list[Span]]]


@dataclass
class Scores:
    """Counts for one corpus and system."""

    gold: int = 0
    found: int = 0
    pred: int = 0
    correct: int = 0
    gold_chars: int = 0
    leaked_chars: int = 0
    words: int = 0
    on_clinical: int = 0  # predictions overlapping an annotated clinical entity
    not_aside: int = 0  # predictions whose label is not a date, age or place
    seconds: float = 0.0
    chars: int = 0

    def row(self, clinical: bool) -> dict[str, float | int | None]:
        """The printed / JSON figures."""
        if clinical:
            per_k = 1000 / max(self.words, 1)
            return {"fa_clinical_per_1k": round(self.on_clinical * per_k, 2),
                    "fa_all_per_1k": round(self.not_aside * per_k, 2),
                    "redactions_per_1k": round(self.pred * per_k, 2),
                    "chars_per_s": round(self.chars / max(self.seconds, 1e-9))}
        return {"recall": _ratio(self.found, self.gold),
                "precision": _ratio(self.correct, self.pred),
                "leak": _ratio(self.leaked_chars, self.gold_chars),
                "gold": self.gold, "pred": self.pred,
                "chars_per_s": round(self.chars / max(self.seconds, 1e-9))}


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def _covered(start: int, end: int, mask: bytearray) -> int:
    return sum(mask[start:end])


def _mask(n: int, spans: Sequence[tuple[int, int]]) -> bytearray:
    m = bytearray(n)
    for s, e in spans:
        m[s:e] = b"\x01" * (e - s)
    return m


def score_doc(acc: Scores, doc: GoldDoc, pred: Sequence[Span]) -> None:
    """Add one document's counts (half-coverage rule both ways, type-blind)."""
    n = len(doc.text)
    real = [g for g in doc.spans if g.label != IGNORE]
    ignored = _mask(n, [(g.start, g.end) for g in doc.spans if g.label == IGNORE])
    gold_mask = _mask(n, [(g.start, g.end) for g in real])
    pred_mask = _mask(n, [(p.start, p.end) for p in pred])
    for g in real:
        acc.gold += 1
        cov = _covered(g.start, g.end, pred_mask)
        acc.found += cov * 2 >= len(g)
        acc.gold_chars += len(g)
        acc.leaked_chars += len(g) - cov
    for p in pred:
        inside = _covered(p.start, p.end, gold_mask)
        if inside * 2 >= len(p):
            acc.pred += 1
            acc.correct += 1
        elif _covered(p.start, p.end, ignored) == 0:
            acc.pred += 1


def score_clinical(acc: Scores, doc: GoldDoc, pred: Sequence[Span],
                   phi: Sequence[GoldSpan]) -> None:
    """False alarms on text with no patient identifiers (``doc.spans``: clinical entities)."""
    acc.words += len(doc.text.split())
    clinical = _mask(len(doc.text), [(g.start, g.end) for g in doc.spans])
    phi_mask = _mask(len(doc.text), [(g.start, g.end) for g in phi])
    for p in pred:
        if _covered(p.start, p.end, phi_mask):
            continue
        acc.pred += 1
        acc.on_clinical += _covered(p.start, p.end, clinical) > 0
        acc.not_aside += p.label not in CLINICAL_ASIDE


# --- corpora ------------------------------------------------------------------------------


def _jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_corpus(name: str, limit: int = 0) -> tuple[list[GoldDoc], list[list[GoldSpan]]]:
    """Documents of a corpus and, for the clinical ones, their HIPAA-relevant spans.

    ``NAME:upper`` / ``NAME:lower``: the same documents in capitals / in lower case (notes
    written in capitals, chat in lower case), offsets kept; a document whose length the case
    change alters (``ß`` -> ``SS``) is left out."""
    base, _, case = name.partition(":")
    if case:
        if case not in CASES:
            raise SystemExit(f"unknown case {case!r} in {name!r}: one of {', '.join(CASES)}")
        docs, phi = load_corpus(base, limit)
        change = CASES[case]
        kept = [i for i, d in enumerate(docs) if len(change(d.text)) == len(d.text)]
        return ([dataclasses.replace(docs[i], text=change(docs[i].text)) for i in kept],
                [phi[i] for i in kept] if phi else [])
    phi: list[list[GoldSpan]] = []
    if name == "wnut17":
        docs = load_conll(SHARED / "wnut17" / "emerging.dev.conll", label_map=WNUT_MAP)
    elif name == "btc":
        docs = load_gold_jsonl(SHARED / "btc" / "dev.jsonl")
    elif name == "gum":
        docs = load_gold_jsonl(SHARED / "gum" / "dev.jsonl")
    elif name == "maccrobat":
        docs, phi = _clinical_half(
            "maccrobat/maccrobat.jsonl", "spans",
            lambda rec: [GoldSpan(s["start"], s["end"], s["type"]) for s in rec["other_spans"]
                         if s["type"] in MACCROBAT_PHI])
    elif name == "mtsamples":
        docs, phi = _clinical_half("mtsamples/mtsamples.jsonl", "keyword_spans",
                                   lambda rec: _placeholders(rec["text"]))
    elif name == "presidio":
        from presidio_sentences import sentences

        docs = sentences()
    else:
        raise SystemExit(f"unknown corpus {name!r}")
    if limit:
        docs, phi = docs[:limit], phi[:limit]
    return docs, phi


def _clinical_half(
    path: str, key: str, phi_of: Callable[[dict], list[GoldSpan]]
) -> tuple[list[GoldDoc], list[list[GoldSpan]]]:
    """The even-numbered records of a clinical corpus: its ``key`` spans (clinical entities) as
    the documents' spans, and ``phi_of(record)`` (what is no false alarm there)."""
    docs: list[GoldDoc] = []
    phi: list[list[GoldSpan]] = []
    for i, rec in enumerate(_jsonl(SHARED / path)):
        if i % 2 == 0:
            spans = tuple(GoldSpan(s["start"], s["end"], s["type"]) for s in rec[key])
            docs.append(GoldDoc(rec["id"], rec["text"], spans))
            phi.append(phi_of(rec))
    return docs, phi


_PLACEHOLDER = re.compile(r"\b(?:Dr\.|Mr\.|Mrs\.|Ms\.)\s+[A-Z]\b|\b[A-Z]{3,4}\s+(?:Hospital|"
                          r"Services|Clinic|Medical Center)\b|\bXYZ\b|\bABC\b|\bABCD\b")


def _placeholders(text: str) -> list[GoldSpan]:
    """MTSamples' own placeholders ("Dr. X", "ABCD Hospital"): redacting them is no error."""
    return [GoldSpan(m.start(), m.end(), "PLACEHOLDER") for m in _PLACEHOLDER.finditer(text)]


# --- systems ------------------------------------------------------------------------------


def ours(policy_name: str) -> Predictor:
    """Our engine for a policy; only spans whose rule changes the text count."""
    from redactor.detect.engine import Engine
    from redactor.policy import load_policy
    from redactor.quality.evaluate import changes_text

    policy = load_policy(policy_name)
    engine = Engine.from_policy(policy).load()
    if CACHE_DIR is not None:
        engine.recognizers = [Cached(r) if r.name in ("spacy", "hf_ner") else r
                              for r in engine.recognizers]

    def predict(texts: Sequence[str]) -> list[list[Span]]:
        out: list[list[Span]] = []
        for i in range(0, len(texts), 64):
            batch = list(texts[i : i + 64])
            for text, spans in zip(batch, engine.analyze(batch), strict=True):
                # a generalisation may leave the value as it is (age 45, a recent year)
                out.append([s for s in spans if changes_text(text, s, policy)])
        return out

    return predict


CACHE_DIR: Path | None = None


def _sources(cls: type) -> list[str]:
    """The source files of ``cls``'s module and of the project modules it imports from."""
    module = sys.modules[cls.__module__]
    names = {cls.__module__}
    for value in vars(module).values():
        name = value.__name__ if inspect.ismodule(value) else getattr(value, "__module__", None)
        if isinstance(name, str) and name.startswith("redactor."):
            names.add(name)
    files = (getattr(sys.modules.get(name), "__file__", None) for name in sorted(names))
    return [f for f in files if f]


class Cached:
    """A slow recognizer (spaCy, the transformer) whose spans are kept on disk per text, so
    that trying a filter or a combination does not run the models again (``--cache DIR``)."""

    def __init__(self, inner: object) -> None:
        self.inner = inner
        self.name = inner.name  # type: ignore[attr-defined]
        ident = f"{self.name}:{getattr(inner, 'model', '')}:{getattr(inner, 'version', '')}"
        folder = Path(str(getattr(inner, "model", "")))
        if folder.is_dir():  # new weights or a new graph (model.int8.onnx) start a new cache
            ident += "".join(f":{f.name}:{f.stat().st_mtime_ns}"
                             for f in sorted(folder.iterdir()) if f.is_file())
        # the recognizer's own filters, and the word lists and rules they import, change its
        # spans: a change to any of those modules starts a new cache
        for source in _sources(type(inner)):
            ident += ":" + hashlib.sha256(Path(source).read_bytes()).hexdigest()
        assert CACHE_DIR is not None
        self.path = CACHE_DIR / (hashlib.sha256(ident.encode()).hexdigest()[:16] + ".pkl")
        self.store: dict[str, list[Span]] = (
            pickle.loads(self.path.read_bytes()) if self.path.is_file() else {})
        self.dirty = False
        atexit.register(self.save)

    def save(self) -> None:
        """Write the spans found in this run."""
        if self.dirty:
            self.path.write_bytes(pickle.dumps(self.store))

    def __getattr__(self, name: str) -> object:
        return getattr(self.inner, name)

    def detect(self, texts: Sequence[str]) -> list[list[Span]]:
        keys = [hashlib.sha256(t.encode()).hexdigest() for t in texts]
        todo = [t for t, k in zip(texts, keys, strict=True) if k not in self.store]
        if todo:
            for text, spans in zip(todo, self.inner.detect(todo), strict=True):  # type: ignore[attr-defined]
                self.store[hashlib.sha256(text.encode()).hexdigest()] = spans
            self.dirty = True
        return [list(self.store[k]) for k in keys]


def presidio_predictor(policy_name: str) -> Predictor:
    """Stock Presidio with the same spaCy model (see eval_dev.py), labels mapped to ours."""
    from eval_dev import presidio

    from redactor.policy import load_policy

    policy = load_policy(policy_name)
    keep = {lbl for lbl in policy.entity_labels if policy.rule_for(lbl).action != "keep"}
    return presidio(keep, policy.overlap, None)


SYSTEMS = {"hipaa": lambda: ours("hipaa"), "hipaa-fast": lambda: ours("hipaa-fast"),
           "presidio": lambda: presidio_predictor("hipaa")}
CORPORA = ("wnut17", "btc", "gum", "presidio", "maccrobat", "mtsamples",
           "maccrobat:upper", "mtsamples:upper", "btc:lower")  # notes in capitals, lower-case chat
CLINICAL = frozenset({"maccrobat", "mtsamples"})
#: Case changes a corpus can be read in (``--corpora mtsamples:upper``).
CASES = {"upper": str.upper, "lower": str.lower}


def _clinical(corpus: str) -> bool:
    """Whether ``corpus`` (``NAME`` or ``NAME:case``) is scored by false alarms only."""
    return corpus.partition(":")[0] in CLINICAL


def evaluate(predict: Predictor, corpus: str, docs: Sequence[GoldDoc],
             phi: Sequence[Sequence[GoldSpan]]) -> Scores:
    """Run one system over one corpus and count."""
    acc = Scores()
    t0 = time.perf_counter()
    preds = predict([d.text for d in docs])
    acc.seconds = time.perf_counter() - t0
    acc.chars = sum(len(d.text) for d in docs)
    for i, (doc, pred) in enumerate(zip(docs, preds, strict=True)):
        if _clinical(corpus):
            score_clinical(acc, doc, pred, phi[i])
        else:
            score_doc(acc, doc, pred)
    return acc


def main(argv: Sequence[str] | None = None) -> int:
    """Print one table per corpus; optionally write ``--json``."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--systems", default="hipaa,hipaa-fast,presidio")
    ap.add_argument("--corpora", default=",".join(CORPORA))
    ap.add_argument("--limit", type=int, default=0, help="first N documents of each corpus")
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--cache", type=Path, default=None,
                    help="keep spaCy's and the transformer's spans here between runs")
    ap.add_argument("--show-errors", type=int, default=0,
                    help="print the N most frequent false alarms and misses per corpus")
    args = ap.parse_args(argv)
    if not SHARED.is_dir():
        print(f"eval-real: no corpora at {SHARED} (set REDACTOR_SHARED_DATA)", file=sys.stderr)
        return 2
    global CACHE_DIR
    if args.cache is not None:
        args.cache.mkdir(parents=True, exist_ok=True)
        CACHE_DIR = args.cache
    systems = [s for s in args.systems.split(",") if s]
    corpora = [c for c in args.corpora.split(",") if c]
    results: dict[str, dict[str, dict]] = {c: {} for c in corpora}
    loaded = {c: load_corpus(c, args.limit) for c in corpora}
    for name in systems:
        t0 = time.perf_counter()
        predict = SYSTEMS[name]() if name in SYSTEMS else ours(name)
        print(f"[{name}] loaded in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        for corpus in corpora:
            docs, phi = loaded[corpus]
            acc = evaluate(predict, corpus, docs, phi)
            results[corpus][name] = acc.row(_clinical(corpus))
            print(f"[{name}] {corpus}: {results[corpus][name]}", file=sys.stderr)
            if args.show_errors:
                _show_errors(predict, docs, phi if _clinical(corpus) else None,
                             args.show_errors)
    _print_tables(results, systems)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


def _show_errors(predict: Predictor, docs: Sequence[GoldDoc],
                 phi: Sequence[Sequence[GoldSpan]] | None, top: int) -> None:
    """Print the most frequent false alarms and misses (public corpora; terminal only)."""
    preds = predict([d.text for d in docs])
    fa: Counter[tuple[str, str, str]] = Counter()
    for i, (doc, pred) in enumerate(zip(docs, preds, strict=True)):
        truth = phi[i] if phi is not None else doc.spans
        mask = _mask(len(doc.text), [(g.start, g.end) for g in truth])
        for p in pred:
            if _covered(p.start, p.end, mask) * 2 < len(p):
                fa[(p.label, p.source.split(":")[0], doc.text[p.start : p.end])] += 1
    print("  false alarms:", fa.most_common(top), file=sys.stderr)
    if phi is not None:
        return
    misses: Counter[tuple[str, str]] = Counter()
    for doc, pred in zip(docs, preds, strict=True):
        pm = _mask(len(doc.text), [(p.start, p.end) for p in pred])
        for g in doc.spans:
            if g.label != IGNORE and _covered(g.start, g.end, pm) * 2 < len(g):
                misses[(g.label, doc.text[g.start : g.end])] += 1
    print("  misses:", misses.most_common(top), file=sys.stderr)


def _print_tables(results: dict[str, dict[str, dict]], systems: Sequence[str]) -> None:
    print("\n| corpus | " + " | ".join(systems) + " |")
    print("|---|" + "---|" * len(systems))
    for corpus, by_system in results.items():
        cells = []
        for name in systems:
            r = by_system.get(name, {})
            if _clinical(corpus):
                cells.append(f"FA {r.get('fa_clinical_per_1k')} clin / {r.get('fa_all_per_1k')} "
                             f"all per 1k words")
            else:
                cells.append(f"R {r.get('recall')} P {r.get('precision')} leak {r.get('leak')}")
        print(f"| {corpus} | " + " | ".join(cells) + " |")
    print("\nR/P: type-blind, half-coverage match; FA: redactions per 1,000 words on clinical "
          "entities / on anything but dates, ages and places.")


if __name__ == "__main__":
    raise SystemExit(main())
