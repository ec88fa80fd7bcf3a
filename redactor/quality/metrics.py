"""Audit metrics: recall, precision and leak rate per entity type and per group, with CIs.

Every gold span is one sample (``y_true = 1``; ``y_pred = 1`` when a detection the policy acts
on overlaps it, whatever that detection's label: a leak is about what stays in clear text, not
about the name given to what was removed). Every detection that overlaps no gold span is one
more sample (``y_true = 0, y_pred = 1``), attributed to its own label and to the group of the
document's subject. So, per group:

* **recall** = gold spans found / gold spans (the overlap rule of :mod:`redactor.quality.evaluate`);
* **precision** = gold spans found / (gold spans found + detections of nothing);
* **leak rate** = gold characters (not whitespace) left uncovered / gold characters;
* **full recall** = gold spans covered to the last character / gold spans.

Groups are computed with fairlearn's :class:`~fairlearn.metrics.MetricFrame` (``by_group``,
``difference()``, ``ratio()``). Confidence intervals come from a bootstrap over *documents*
(the spans of one document are not independent: one template, one person's name repeated), as
percentiles of ``n_boot`` resamples; the gap between the best and the worst group gets one too.
The type-blind and per-type scores of :func:`redactor.quality.evaluate.evaluate` are kept alongside.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from typing import Any

import numpy as np
import pandas as pd

from redactor.quality.evaluate import GoldDoc, SpanLike, evaluate, missed_spans
from redactor.quality.synth import facet

#: Sensitive features of the person groups, as (report key, sample columns).
GROUPINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("origin", ("origin",)),
    ("gender", ("gender",)),
    ("origin_x_gender", ("origin", "gender")),
)
CI_LEVEL = 0.95


def _nonspace_prefix(text: str) -> np.ndarray:
    flags = np.fromiter((not c.isspace() for c in text), dtype=np.int64, count=len(text))
    return np.concatenate(([0], np.cumsum(flags)))


def samples(
    docs: Sequence[GoldDoc],
    predictions: Sequence[Sequence[SpanLike]],
    labels: Collection[str] | None = None,
) -> pd.DataFrame:
    """One row per gold span and per detection of nothing (see the module docstring).

    Columns: ``doc`` (index), ``label``, ``origin``, ``gender`` (``""`` when the span belongs
    to no person), ``y_true``, ``y_pred``, ``chars``, ``leaked``, ``full``.
    """
    keep = frozenset(labels) if labels is not None else None
    gold = [[s for s in d.spans if keep is None or s.label in keep] for d in docs]
    pred = [[s for s in p if keep is None or s.label in keep] for p in predictions]
    missed = {(i, id(s)) for i, s in missed_spans(gold, pred)}
    spurious = missed_spans(pred, gold)  # detections that overlap no gold span
    rows: list[tuple[Any, ...]] = []
    for i, (doc, g_spans, p_spans) in enumerate(zip(docs, gold, pred, strict=True)):
        prefix = _nonspace_prefix(doc.text)
        covered = np.zeros(len(doc.text) + 1, dtype=np.int64)
        for p in p_spans:
            covered[p.start] += 1
            covered[p.end] -= 1
        mask = (np.cumsum(covered)[:-1] > 0) & np.fromiter(
            (not c.isspace() for c in doc.text), dtype=bool, count=len(doc.text)
        )
        covered_prefix = np.concatenate(([0], np.cumsum(mask)))
        for s in g_spans:
            chars = int(prefix[s.end] - prefix[s.start])
            hit = int(covered_prefix[s.end] - covered_prefix[s.start])
            group = getattr(s, "group", "") or ""
            rows.append((i, s.label, facet(group, "origin"), facet(group, "gender"), 1,
                         int((i, id(s)) not in missed), chars, chars - hit, int(hit == chars)))
    for i, p in spurious:
        group = str(docs[i].meta.get("group", ""))
        rows.append((i, p.label, facet(group, "origin"), facet(group, "gender"), 0, 1, 0, 0, 0))
    return pd.DataFrame(rows, columns=["doc", "label", "origin", "gender", "y_true", "y_pred",
                                       "chars", "leaked", "full"])


# --------------------------------------------------------------------------- metric functions


def _recall(y_true: Any, y_pred: Any) -> float:
    t = np.asarray(y_true)
    n = int(t.sum())
    return float(np.asarray(y_pred)[t == 1].sum() / n) if n else math.nan


def _precision(y_true: Any, y_pred: Any) -> float:
    t, p = np.asarray(y_true), np.asarray(y_pred)
    n = int(p.sum())
    return float(((t == 1) & (p == 1)).sum() / n) if n else math.nan


def _leak_rate(y_true: Any, y_pred: Any, chars: Any, leaked: Any) -> float:
    total = int(np.asarray(chars).sum())
    return float(np.asarray(leaked).sum() / total) if total else math.nan


def _full_recall(y_true: Any, y_pred: Any, full: Any) -> float:
    t = np.asarray(y_true)
    n = int(t.sum())
    return float(np.asarray(full)[t == 1].sum() / n) if n else math.nan


def _support(y_true: Any, y_pred: Any) -> float:
    return float(np.asarray(y_true).sum())


METRICS = {"recall": _recall, "precision": _precision, "leak_rate": _leak_rate,
           "full_recall": _full_recall, "n_gold": _support}  # fmt: skip


def metric_frame(table: pd.DataFrame, features: Sequence[str]) -> Any:
    """A fairlearn MetricFrame of :data:`METRICS` over ``table`` grouped by ``features``."""
    from fairlearn.metrics import MetricFrame

    return MetricFrame(
        metrics=METRICS,
        y_true=table["y_true"].to_numpy(),
        y_pred=table["y_pred"].to_numpy(),
        sensitive_features=table[list(features)].reset_index(drop=True),
        sample_params={
            "leak_rate": {"chars": table["chars"].to_numpy(), "leaked": table["leaked"].to_numpy()},
            "full_recall": {"full": table["full"].to_numpy()},
        },
    )


# --------------------------------------------------------------------------- bootstrap


def _bootstrap_weights(n_docs: int, n_boot: int, seed: int) -> np.ndarray:
    """How often each document is drawn in each of ``n_boot`` resamples (n_boot x n_docs)."""
    rng = np.random.default_rng(seed)
    return rng.multinomial(n_docs, np.full(n_docs, 1.0 / n_docs), size=n_boot).astype(np.float64)


def _per_doc(table: pd.DataFrame, keys: pd.Series, num: str, den: str, n_docs: int,
             groups: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Per document x group sums of ``num`` and ``den`` columns."""
    index = {g: j for j, g in enumerate(groups)}
    numer = np.zeros((n_docs, len(groups)))
    denom = np.zeros((n_docs, len(groups)))
    cols = keys.map(index).to_numpy()
    ok = ~pd.isna(cols)
    docs = table["doc"].to_numpy()[ok]
    cols = cols[ok].astype(int)
    np.add.at(numer, (docs, cols), table[num].to_numpy()[ok])
    np.add.at(denom, (docs, cols), table[den].to_numpy()[ok])
    return numer, denom


def _ratios(weights: np.ndarray, numer: np.ndarray, denom: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        return (weights @ numer) / (weights @ denom)


def _interval(values: np.ndarray) -> list[float | None]:
    values = values[~np.isnan(values)]
    if not len(values):
        return [None, None]
    lo, hi = np.quantile(values, [(1 - CI_LEVEL) / 2, 1 - (1 - CI_LEVEL) / 2])
    return [round(float(lo), 4), round(float(hi), 4)]


# --------------------------------------------------------------------------- summaries


def _num(x: Any) -> float | None:
    try:
        value = float(x)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(value) else round(value, 4)


def _group_key(value: Any) -> str:
    return "/".join(str(v) for v in value) if isinstance(value, tuple) else str(value)


def summarise(
    table: pd.DataFrame,
    features: Sequence[str],
    weights: np.ndarray,
    *,
    with_gap: bool = True,
) -> dict[str, Any]:
    """By-group metrics of ``table`` (rows whose features are all set) with bootstrap CIs."""
    rows = table
    for f in features:
        rows = rows[rows[f] != ""]
    if rows.empty:
        return {"by_group": {}}
    mf = metric_frame(rows, features)
    by_group = mf.by_group
    keys = rows[features[0]].astype(str)
    for f in features[1:]:
        keys = keys + "/" + rows[f].astype(str)
    groups = [_group_key(g) for g in by_group.index]
    n_docs = weights.shape[1]
    rec_num, rec_den = _per_doc(rows.assign(found=rows["y_true"] * rows["y_pred"]), keys,
                                "found", "y_true", n_docs, groups)
    leak_num, leak_den = _per_doc(rows, keys, "leaked", "chars", n_docs, groups)
    recall_boot = _ratios(weights, rec_num, rec_den)
    leak_boot = _ratios(weights, leak_num, leak_den)
    out: dict[str, Any] = {"by_group": {}}
    for j, (g, row) in enumerate(zip(groups, by_group.itertuples(index=False), strict=True)):
        values = row._asdict()
        if _num(values["n_gold"]) is None:
            continue  # a combination of features no sample has (origin x gender in a small set)
        out["by_group"][g] = {
            "n_gold": int(values["n_gold"]),
            "recall": _num(values["recall"]),
            "recall_ci": _interval(recall_boot[:, j]),
            "precision": _num(values["precision"]),
            "leak_rate": _num(values["leak_rate"]),
            "leak_rate_ci": _interval(leak_boot[:, j]),
            "full_recall": _num(values["full_recall"]),
        }
    if with_gap and len(groups) > 1:
        diff, ratio = mf.difference(), mf.ratio()
        out["difference"] = {m: _num(diff[m]) for m in ("recall", "leak_rate", "full_recall")}
        out["ratio"] = {m: _num(ratio[m]) for m in ("recall", "leak_rate", "full_recall")}
        with np.errstate(invalid="ignore"):
            gaps = np.nanmax(recall_boot, axis=1) - np.nanmin(recall_boot, axis=1)
        out["recall_gap_ci"] = _interval(gaps)
        recalls = {g: v["recall"] for g, v in out["by_group"].items() if v["recall"] is not None}
        if recalls:
            out["best"] = max(recalls, key=lambda g: recalls[g])
            out["worst"] = min(recalls, key=lambda g: recalls[g])
    return out


def compute(
    docs: Sequence[GoldDoc],
    predictions: Sequence[Sequence[SpanLike]],
    labels: Collection[str],
    *,
    n_boot: int = 500,
    seed: int = 0,
) -> dict[str, Any]:
    """Every audit figure for ``predictions`` against the gold of ``docs`` (JSON-ready)."""
    table = samples(docs, predictions, labels)
    weights = _bootstrap_weights(len(docs), n_boot, seed)
    everything = table.assign(all="all")
    overall = summarise(everything, ["all"], weights, with_gap=False)["by_group"].get("all", {})
    per_entity = summarise(table, ["label"], weights, with_gap=False)["by_group"]
    persons = table[table["label"] == "PERSON"]
    person_groups = {name: summarise(persons, cols, weights) for name, cols in GROUPINGS}
    all_groups = {name: summarise(table, cols, weights) for name, cols in GROUPINGS[:2]}
    report = evaluate([d.spans for d in docs], predictions, [d.text for d in docs], labels=labels)
    n_pred = int(table["y_pred"].sum() - (table["y_true"] * table["y_pred"]).sum())
    return {
        "definitions": {
            "recall": "gold spans overlapped by any acted-on detection / gold spans",
            "precision": "gold spans found / (gold spans found + detections overlapping no gold"
                         " that change the text)",
            "leak_rate": "non-whitespace gold characters left uncovered / gold characters",
            "full_recall": "gold spans covered to the last character / gold spans",
            "ci": f"{CI_LEVEL:.0%} percentile bootstrap over documents, {n_boot} resamples",
        },
        "overall": {**overall, "n_spurious": n_pred},
        "per_entity": per_entity,
        "person_groups": person_groups,
        "all_identifier_groups": all_groups,
        "evaluation": report.to_dict(),
    }
