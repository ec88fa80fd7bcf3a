"""Score predicted spans against gold: span and character level, type-blind and per type.

Pure functions, no model imports, so the same code scores the detection stack (``redact eval``,
``benchmarks/eval_dev.py``) and a model during training.

Definitions (``g`` a gold span, ``p`` a predicted span, both after label filtering):

* **exact** match: same ``start`` and ``end``.
* **overlap** match: the two share at least one character.
* **type-blind**: labels are ignored. A gold span is *found* when some prediction matches it;
  a prediction is *correct* when it matches some gold span. Recall = found gold / all gold,
  precision = correct predictions / all predictions (under overlap matching the two numerators
  may differ: one prediction covering two gold spans finds both).
* **per type** ``T``: as above, but only spans labelled ``T`` on both sides are compared; a
  prediction of another type that overlaps a gold ``T`` span counts for type-blind scores only.
* **characters**: the gold characters covered by the union of predicted spans, over all gold
  characters (the *leak rate* is one minus that), and the predicted characters that lie inside
  gold, over all predicted characters. Whitespace characters are not counted: a missed space
  leaks nothing.
* **groups**: gold spans may carry ``group`` facets such as ``"origin=vi_VN;gender=female"``; each
  facet gets a type-blind overlap recall, which is what a fairness check across name origins reads.

A ratio whose denominator is zero is ``None`` (``null`` in JSON, ``-`` in tables).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from redactor.errors import InputError, RedactorError
from redactor.util.bio import split_tag

if TYPE_CHECKING:
    from redactor.policy import Policy

__all__ = [
    "CharScore",
    "GoldDoc",
    "GoldSpan",
    "Report",
    "Score",
    "SpanLike",
    "TypeScore",
    "changes_text",
    "counts_as_detection",
    "evaluate",
    "label_counts",
    "load_conll",
    "load_gold_jsonl",
    "missed_spans",
]


class SpanLike(Protocol):
    """Anything with offsets and a label: :class:`redactor.span.Span` or :class:`GoldSpan`."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def label(self) -> str: ...


@dataclass(frozen=True, slots=True, order=True)
class GoldSpan:
    """A reference annotation: ``text[start:end]`` is of type ``label``.

    ``group`` holds ``;``-separated ``key=value`` facets (``"origin=pl_PL;gender=male"``) used
    for per-group recall; ``field`` names where the span came from (a generator's template
    field, an annotator note). Neither takes part in matching.
    """

    start: int
    end: int
    label: str
    group: str = ""
    field: str = ""

    def __post_init__(self) -> None:
        if not (0 <= self.start < self.end):
            raise ValueError(f"invalid gold span offsets {self.start}:{self.end}")
        if not self.label:
            raise ValueError("gold span label must not be empty")

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """One annotated text. ``meta`` keeps any extra fields of the source record (``kind`` ...)."""

    id: str
    text: str
    spans: tuple[GoldSpan, ...]
    meta: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


@dataclass(frozen=True, slots=True)
class Score:
    """Span counts under one matching rule, with the ratios they give."""

    n_gold: int = 0
    n_pred: int = 0
    gold_found: int = 0
    pred_correct: int = 0

    @property
    def recall(self) -> float | None:
        """Found gold spans over all gold spans (``None`` without gold)."""
        return _ratio(self.gold_found, self.n_gold)

    @property
    def precision(self) -> float | None:
        """Correct predictions over all predictions (``None`` without predictions)."""
        return _ratio(self.pred_correct, self.n_pred)

    @property
    def f1(self) -> float | None:
        """Harmonic mean of precision and recall (``None`` when either is undefined)."""
        return _f1(self.precision, self.recall)

    def __add__(self, other: Score) -> Score:
        return Score(
            self.n_gold + other.n_gold,
            self.n_pred + other.n_pred,
            self.gold_found + other.gold_found,
            self.pred_correct + other.pred_correct,
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready counts and ratios."""
        return {
            "n_gold": self.n_gold,
            "n_pred": self.n_pred,
            "gold_found": self.gold_found,
            "pred_correct": self.pred_correct,
            "recall": self.recall,
            "precision": self.precision,
            "f1": self.f1,
        }


@dataclass(frozen=True, slots=True)
class CharScore:
    """Non-whitespace character counts: gold, predicted, and gold covered by a prediction."""

    gold_chars: int = 0
    pred_chars: int = 0
    covered_chars: int = 0

    @property
    def recall(self) -> float | None:
        """Covered gold characters over all gold characters."""
        return _ratio(self.covered_chars, self.gold_chars)

    @property
    def precision(self) -> float | None:
        """Predicted characters inside gold over all predicted characters."""
        return _ratio(self.covered_chars, self.pred_chars)

    @property
    def leak_rate(self) -> float | None:
        """Fraction of gold characters no prediction covers: ``1 - recall``."""
        r = self.recall
        return None if r is None else 1.0 - r

    def __add__(self, other: CharScore) -> CharScore:
        return CharScore(
            self.gold_chars + other.gold_chars,
            self.pred_chars + other.pred_chars,
            self.covered_chars + other.covered_chars,
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready counts and ratios."""
        return {
            "gold_chars": self.gold_chars,
            "pred_chars": self.pred_chars,
            "covered_chars": self.covered_chars,
            "recall": self.recall,
            "precision": self.precision,
            "leak_rate": self.leak_rate,
        }


@dataclass(frozen=True, slots=True)
class TypeScore:
    """Scores for one entity type. ``chars`` covers gold of this type by predictions of any type."""

    exact: Score = Score()
    overlap: Score = Score()
    chars: CharScore = CharScore()

    def __add__(self, other: TypeScore) -> TypeScore:
        return TypeScore(
            self.exact + other.exact, self.overlap + other.overlap, self.chars + other.chars
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready nested scores (``chars`` carries recall and leak rate only)."""
        chars = self.chars.to_dict()
        del chars["precision"], chars["pred_chars"]
        return {"exact": self.exact.to_dict(), "overlap": self.overlap.to_dict(), "chars": chars}


@dataclass(frozen=True, slots=True)
class Report:
    """The result of :func:`evaluate`. Holds counts only, never document text."""

    n_docs: int
    exact: Score
    overlap: Score
    chars: CharScore
    per_type: Mapping[str, TypeScore]
    by_group: Mapping[str, Score]
    labels: tuple[str, ...] | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary (``None`` ratios become ``null``)."""
        return {
            "n_docs": self.n_docs,
            "labels": list(self.labels) if self.labels is not None else None,
            "type_blind": {
                "exact": self.exact.to_dict(),
                "overlap": self.overlap.to_dict(),
                "chars": self.chars.to_dict(),
            },
            "per_type": {k: v.to_dict() for k, v in sorted(self.per_type.items())},
            "by_group": {
                k: {"n_gold": v.n_gold, "gold_found": v.gold_found, "recall": v.recall}
                for k, v in sorted(self.by_group.items())
            },
        }

    def format_table(self, *, groups: bool = False) -> str:
        """A plain-text table: type-blind rows, then one row per type (and per group facet)."""
        head = f"{'':<24}{'n_gold':>7}{'n_pred':>7}  {'P':>6}{'R':>6}{'F1':>6}  {'P_ex':>6}"
        head += f"{'R_ex':>6}{'F1_ex':>6}  {'R_char':>6}"
        lines = [head, "-" * len(head)]

        def row(name: str, ov: Score, ex: Score, ch: float | None) -> str:
            return (
                f"{name:<24}{ov.n_gold:>7}{ov.n_pred:>7}  {_fmt(ov.precision)}{_fmt(ov.recall)}"
                f"{_fmt(ov.f1)}  {_fmt(ex.precision)}{_fmt(ex.recall)}{_fmt(ex.f1)}  {_fmt(ch)}"
            )

        lines.append(row("ALL (type-blind)", self.overlap, self.exact, self.chars.recall))
        for label, ts in sorted(self.per_type.items()):
            lines.append(row(label, ts.overlap, ts.exact, ts.chars.recall))
        lines.append(
            f"chars: recall {_fmt(self.chars.recall).strip()}  precision "
            f"{_fmt(self.chars.precision).strip()}  leak rate {_fmt(self.chars.leak_rate).strip()}"
            f"  (P/R/F1 = overlap match, _ex = exact match, {self.n_docs} docs)"
        )
        if groups and self.by_group:
            lines.append("")
            lines.append(f"{'group facet':<32}{'n_gold':>7}{'R':>6}")
            for facet, sc in sorted(self.by_group.items()):
                lines.append(f"{facet:<32}{sc.n_gold:>7}{_fmt(sc.recall)}")
        return "\n".join(lines)


def _fmt(x: float | None) -> str:
    return f"{'-':>6}" if x is None else f"{x:>6.3f}"


def _merge(intervals: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(intervals):
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _prefix_counts(text: str) -> list[int]:
    """``pc[i]`` = non-whitespace characters in ``text[:i]``."""
    pc = [0] * (len(text) + 1)
    for i, ch in enumerate(text):
        pc[i + 1] = pc[i] + (not ch.isspace())
    return pc


def _chars(pc: list[int], intervals: Iterable[tuple[int, int]]) -> int:
    return sum(pc[e] - pc[s] for s, e in intervals)


def _intersect(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    i = j = 0
    while i < len(a) and j < len(b):
        s, e = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if s < e:
            out.append((s, e))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return out


def _overlaps(a: SpanLike, b: SpanLike) -> bool:
    return a.start < b.end and b.start < a.end


def _match(gold: Sequence[SpanLike], pred: Sequence[SpanLike], exact: bool) -> Score:
    if exact:
        gkeys = {(g.start, g.end) for g in gold}
        pkeys = {(p.start, p.end) for p in pred}
        found = sum((g.start, g.end) in pkeys for g in gold)
        correct = sum((p.start, p.end) in gkeys for p in pred)
    else:
        found = sum(any(_overlaps(g, p) for p in pred) for g in gold)
        correct = sum(any(_overlaps(p, g) for g in gold) for p in pred)
    return Score(len(gold), len(pred), found, correct)


def _facets(group: str) -> list[str]:
    return [f.strip() for f in group.split(";") if f.strip()]


def _check(spans: Sequence[SpanLike], n: int, doc: int, side: str) -> None:
    for s in spans:
        if not (0 <= s.start < s.end <= n):
            raise InputError(
                f"{side} span {s.start}:{s.end} of document {doc} lies outside its text "
                f"(length {n})"
            )


def evaluate(
    gold: Sequence[Sequence[SpanLike]],
    pred: Sequence[Sequence[SpanLike]],
    texts: Sequence[str],
    *,
    labels: Collection[str] | None = None,
) -> Report:
    """Score ``pred`` against ``gold``, one span list per text in ``texts``.

    ``labels`` restricts both sides to the types a policy acts on; spans of other types are
    dropped before any matching. Raises :class:`InputError` when the three sequences differ in
    length or a span lies outside its text.
    """
    if not (len(gold) == len(pred) == len(texts)):
        raise InputError(
            f"evaluate needs one gold and one prediction list per text: got {len(gold)} gold, "
            f"{len(pred)} prediction and {len(texts)} text entries"
        )
    keep = frozenset(labels) if labels is not None else None
    exact = Score()
    overlap = Score()
    chars = CharScore()
    per_type: dict[str, TypeScore] = defaultdict(TypeScore)
    by_group: dict[str, Score] = defaultdict(Score)
    for i, (g_all, p_all, text) in enumerate(zip(gold, pred, texts, strict=True)):
        _check(g_all, len(text), i, "gold")
        _check(p_all, len(text), i, "predicted")
        g = [s for s in g_all if keep is None or s.label in keep]
        p = [s for s in p_all if keep is None or s.label in keep]
        exact += _match(g, p, exact=True)
        overlap += _match(g, p, exact=False)

        pc = _prefix_counts(text)
        g_union = _merge((s.start, s.end) for s in g)
        p_union = _merge((s.start, s.end) for s in p)
        chars += CharScore(
            _chars(pc, g_union), _chars(pc, p_union), _chars(pc, _intersect(g_union, p_union))
        )

        for label in {s.label for s in g} | {s.label for s in p}:
            gt = [s for s in g if s.label == label]
            pt = [s for s in p if s.label == label]
            gt_union = _merge((s.start, s.end) for s in gt)
            per_type[label] += TypeScore(
                _match(gt, pt, exact=True),
                _match(gt, pt, exact=False),
                CharScore(_chars(pc, gt_union), 0, _chars(pc, _intersect(gt_union, p_union))),
            )

        for s in g:
            for facet in _facets(getattr(s, "group", "") or ""):
                hit = any(_overlaps(s, q) for q in p)
                by_group[facet] += Score(1, 0, int(hit), 0)
    return Report(
        n_docs=len(texts),
        exact=exact,
        overlap=overlap,
        chars=chars,
        per_type=dict(per_type),
        by_group=dict(by_group),
        labels=tuple(sorted(keep)) if keep is not None else None,
    )


def missed_spans(
    gold: Sequence[Sequence[SpanLike]],
    pred: Sequence[Sequence[SpanLike]],
    *,
    labels: Collection[str] | None = None,
    exact: bool = False,
) -> list[tuple[int, SpanLike]]:
    """Gold spans no prediction matches (type-blind), as ``(document index, gold span)`` pairs."""
    keep = frozenset(labels) if labels is not None else None
    out: list[tuple[int, SpanLike]] = []
    for i, (g_all, p_all) in enumerate(zip(gold, pred, strict=True)):
        p = [s for s in p_all if keep is None or s.label in keep]
        for s in g_all:
            if keep is not None and s.label not in keep:
                continue
            if exact:
                hit = any(q.start == s.start and q.end == s.end for q in p)
            else:
                hit = any(_overlaps(s, q) for q in p)
            if not hit:
                out.append((i, s))
    return out


def load_gold_jsonl(path: str | Path) -> list[GoldDoc]:
    """Read ``{"id", "text", "spans": [{"start", "end", "type", "group"?, "field"?}]}`` lines.

    Other record keys (``kind``, ``template``) go to :attr:`GoldDoc.meta`. Raises
    :class:`InputError` with the line number when a line is not such a record.
    """
    docs: list[GoldDoc] = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                text = rec["text"]
                spans = tuple(
                    GoldSpan(
                        int(s["start"]),
                        int(s["end"]),
                        str(s.get("type") or s.get("label")),
                        str(s.get("group", "")),
                        str(s.get("field", "")),
                    )
                    for s in rec["spans"]
                )
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(
                    f"line {lineno}: not a gold record ({type(exc).__name__})"
                ) from None
            for s in spans:
                if s.end > len(text):
                    raise InputError(f"line {lineno}: span {s.start}:{s.end} outside the text")
            meta = {k: v for k, v in rec.items() if k not in ("id", "text", "spans")}
            docs.append(GoldDoc(str(rec.get("id", lineno)), text, tuple(sorted(spans)), meta))
    return docs


def load_conll(
    path: str | Path, *, label_map: Mapping[str, str | None] | None = None
) -> list[GoldDoc]:
    """Read a BIO / IOB2 CoNLL file: ``token<TAB>tag`` lines, a blank line between sentences.

    The text of a sentence is its tokens joined by single spaces; span offsets point into it.
    Lines without a tab are split on whitespace (first field token, last field tag); a line
    holding only whitespace and tabs ends a sentence. ``label_map`` maps the file's entity
    types (``person``) to labels (``PERSON``) or to ``None`` to drop them; types missing from a
    given map are dropped too. Without a map the file's types are kept as they are. An ``I-``
    tag that does not continue a span of its type starts a new one (IOB1 tolerance).
    """
    docs: list[GoldDoc] = []
    name = Path(path).name
    tokens: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        if tokens:
            docs.append(_conll_doc(f"{name}:{len(docs)}", tokens, tags, label_map))
        tokens.clear()
        tags.clear()

    with open(path, encoding="utf-8") as fh:
        for lineno, raw in enumerate(fh, 1):
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip():
                flush()
                continue
            if "\t" in line:
                parts = line.split("\t")
                tok, tag = parts[0], parts[-1].strip()
            else:
                parts = line.split()
                tok, tag = parts[0], parts[-1]
            if len(parts) < 2 or not tag or split_tag(tag)[0] not in ("O", "B", "I"):
                raise InputError(f"line {lineno}: expected 'token<TAB>tag' with a BIO tag")
            tokens.append(tok)
            tags.append(tag)
    flush()
    return docs


def _conll_doc(
    doc_id: str, tokens: list[str], tags: list[str], label_map: Mapping[str, str | None] | None
) -> GoldDoc:
    text_parts: list[str] = []
    spans: list[GoldSpan] = []
    pos = 0
    cur: list[Any] | None = None  # [start, end, type]
    for tok, tag in zip(tokens, tags, strict=True):
        if text_parts:
            text_parts.append(" ")
            pos += 1
        start, end = pos, pos + len(tok)
        text_parts.append(tok)
        pos = end
        prefix, kind = split_tag(tag)
        if prefix == "I" and cur is not None and cur[2] == kind:
            cur[1] = end
            continue
        if cur is not None:
            spans.append(GoldSpan(cur[0], cur[1], cur[2]))
            cur = None
        if prefix != "O" and end > start:
            cur = [start, end, kind]
    if cur is not None:
        spans.append(GoldSpan(cur[0], cur[1], cur[2]))
    mapped: list[GoldSpan] = []
    for s in spans:
        if label_map is None:
            mapped.append(s)
            continue
        label = label_map.get(s.label)
        if label:
            mapped.append(GoldSpan(s.start, s.end, label))
    return GoldDoc(doc_id, "".join(text_parts), tuple(mapped), {"n_tokens": len(tokens)})


def label_counts(docs: Iterable[GoldDoc]) -> Counter[str]:
    """How many gold spans of each label ``docs`` hold."""
    return Counter(s.label for d in docs for s in d.spans)


def changes_text(text: str, span: SpanLike, policy: Policy) -> bool:
    """Whether acting on ``span`` changes ``text``: not for a type the policy keeps, nor for a
    generalisation that leaves the value as it is (a recent year under HIPAA, an age under 90).
    An action that needs a key (pseudonymise, hash) changes it."""
    if policy.rule_for(span.label).action == "keep":
        return False
    from redactor.transform.replace import apply  # the operators load only when scored

    try:
        return apply(text, [span], policy, None)[0] != text
    except RedactorError:
        return True


def counts_as_detection(doc: GoldDoc, span: SpanLike, policy: Policy) -> bool:
    """Whether a detection counts: it touches a gold span, or acting on it changes the text
    (:func:`changes_text`). A year the policy generalises to itself ("arrived in 2009" under
    HIPAA) is found, but no false alarm (as in ``benchmarks/eval_real.py``; the audit and
    ``benchmarks/eval_dev.py`` score only the detections that count)."""
    return (any(g.start < span.end and span.start < g.end for g in doc.spans)
            or changes_text(doc.text, span, policy))
