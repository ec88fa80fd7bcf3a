"""Why a span was redacted: the engine's stages re-run with a trace.

:func:`trace_texts` follows :meth:`Engine.analyze` step by step, not a second detector:
``detect_raw`` (every recognizer's raw spans), then the engine's own checks per span
(:meth:`Engine.reject_reason`: the first one that fails), then the within-document
propagation; the final spans are ``analyze``'s own (overlap resolution, generalised types kept
apart, trimming), each explained by the candidates that overlap it. Around that it
records what a reviewer needs to follow a decision: the context words that raised a pattern's
score, the candidates spaCy's precision filters dropped inside the recognizer (eponyms, field
labels, common words), the members of each merged cluster and the winner the overlap strategy
picked, and the policy rule that gives the action.

A trace holds document text. It is for the user's terminal; it is never written to a run's
audit. :func:`rules_record` is the part that is: ids of the policy, the overlap strategy, the
detector versions and the filter lists, so that a decision in the audit can be reproduced from
the audit and the policy alone.
"""

from __future__ import annotations

import hashlib
import inspect
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from redactor.detect.engine import Engine
from redactor.detect.evidence import agreed_names
from redactor.policy import Policy
from redactor.resolve import STRATEGIES
from redactor.span import Span

#: What each of the engine's checks means (``Engine.reject_reason`` codes).
CHECKS: dict[str, str] = {
    "label": "not acted on by the policy (its rule is keep)",
    "threshold": "score below the threshold",
    "shape": "implausible shape for the type (redactor/detect/validity.py)",
    "allow": "on the policy's allow list",
    "score": "a pain score or exam grade, no date (redactor/detect/scores.py)",
    "lexicon": "made only of English or clinical words, with no name cue "
               "(redactor/detect/evidence.py)",
    "eponym": "names a disease, sign, instrument or device (redactor/detect/evidence.py)",
    "filter": "dropped by the recognizer's precision filter",
}

#: Stages a candidate comes from.
DETECTED, PROPAGATED, RECOGNIZER_FILTER = "detected", "propagated", "recognizer filter"


@dataclass(frozen=True)
class Candidate:
    """A span some recognizer reported, and what the engine made of it.

    ``dropped`` is None for an accepted span, else a key of :data:`CHECKS`; ``detail`` says it
    in words with the numbers ("0.42 < 0.50"); ``context`` holds the words before the span that
    raised its score; ``threshold`` is the one that applied to its type.
    """

    span: Span
    stage: str = DETECTED
    dropped: str | None = None
    detail: str = ""
    context: tuple[str, ...] = ()
    threshold: float = 0.0

    def to_dict(self, text: str) -> dict[str, Any]:
        """JSON-ready form (with the span's text)."""
        s = self.span
        out: dict[str, Any] = {
            "start": s.start, "end": s.end, "text": text[s.start : s.end], "label": s.label,
            "score": round(s.score, 4), "recognizer": s.source, "stage": self.stage,
            "kept": self.dropped is None,
        }
        if self.dropped is not None:
            out["dropped"] = self.dropped
            out["why"] = self.detail
        if self.context:
            out["context"] = list(self.context)
        return out


@dataclass(frozen=True)
class Decision:
    """One final span: the accepted candidates merged into it, the winner the strategy picked,
    the dropped candidates that overlap it, and the policy rule that acts on it."""

    span: Span
    members: tuple[Candidate, ...]
    winner: Span
    rejected: tuple[Candidate, ...]
    strategy: str
    rule: str  # "entities.PERSON" or "default"
    action: dict[str, Any]
    threshold: float
    threshold_from: str

    def to_dict(self, text: str) -> dict[str, Any]:
        """JSON-ready form (with text)."""
        s = self.span
        return {
            "start": s.start, "end": s.end, "text": text[s.start : s.end], "label": s.label,
            "score": round(s.score, 4),
            "reported_by": [c.to_dict(text) for c in self.members],
            "merge": {"strategy": self.strategy, "members": len(self.members),
                      "winner": self.winner.source},
            "dropped_here": [c.to_dict(text) for c in self.rejected],
            "rule": {"from": self.rule, **self.action},
            "threshold": {"value": self.threshold, "from": self.threshold_from},
        }


@dataclass(frozen=True)
class Trace:
    """Everything :meth:`Engine.analyze` did for one text."""

    text: str
    candidates: tuple[Candidate, ...]
    decisions: tuple[Decision, ...]
    strategy: str
    doc_id: str = ""

    @property
    def spans(self) -> list[Span]:
        """The final spans (what ``Engine.analyze`` returns)."""
        return [d.span for d in self.decisions]

    @property
    def dropped_alone(self) -> list[Candidate]:
        """Dropped candidates that overlap no final span (where nothing is redacted)."""
        return [c for c in self.candidates if c.dropped is not None
                and not any(c.span.overlaps(d.span) for d in self.decisions)]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (with text)."""
        return {
            "document": self.doc_id,
            "overlap_strategy": self.strategy,
            "spans": [d.to_dict(self.text) for d in self.decisions],
            "dropped_elsewhere": [c.to_dict(self.text) for c in self.dropped_alone],
        }


# --------------------------------------------------------------------------- pure parts


@lru_cache(maxsize=1)
def _patterns_by_source() -> dict[str, Any]:
    """The built-in pattern behind each span source the pattern recognizer reports."""
    from redactor.detect.patterns import PATTERNS, PatternRecognizer

    return {source: p for p in PATTERNS for source in PatternRecognizer([p]).sources}


def context_words(text: str, span: Span) -> tuple[str, ...]:
    """The context words before a pattern's span that raised its score or changed its type
    (as :func:`redactor.detect.patterns._span_of` looked for them); () for other sources."""
    from redactor.detect.context import context_regex

    pattern = _patterns_by_source().get(span.source)
    if pattern is None:
        return ()
    found: list[str] = []
    for words, window in ((pattern.context, pattern.context_window),
                          (pattern.relabel_context if span.label == pattern.relabel else (),
                           pattern.relabel_window)):
        regex = context_regex(tuple(words))
        if regex is None:
            continue
        found += [m.group() for m in regex.finditer(text, max(0, span.start - window),
                                                      span.start)]
    return tuple(dict.fromkeys(found))


def rule_of(policy: Policy, label: str) -> tuple[str, dict[str, Any], float, str]:
    """Where the rule for ``label`` comes from, its fields, the threshold and where that is set."""
    where = f"entities.{label}" if label in policy.entities else "default"
    rule = policy.rule_for(label)
    fields = rule.model_dump(mode="json", exclude_none=True)
    fields.pop("threshold", None)
    if rule.threshold is not None:
        return where, fields, rule.threshold, f"{where}.threshold"
    return where, fields, policy.threshold, "threshold"


def _detail(engine: Engine, text: str, span: Span, reason: str) -> str:
    if reason == "threshold":
        limit = engine.policy.threshold_for(span.label)
        return f"score {span.score:.2f} < threshold {limit:.2f}"
    if reason == "label":
        return f"{span.label} is not acted on by policy {engine.policy.name!r}"
    if reason == "shape":
        return f"{text[span.start:span.end]!r} cannot be a {span.label} (validity.plausible_at)"
    if reason == "allow":
        return f"{text[span.start:span.end]!r} is on the policy's allow list"
    return CHECKS.get(reason, reason)


def _candidate(engine: Engine, text: str, span: Span, stage: str,
               agreed: frozenset[tuple[int, int, str]] = frozenset()) -> Candidate:
    both = (span.start, span.end, span.label) in agreed
    reason = engine.reject_reason(text, span, agreed=both)
    detail = _detail(engine, text, span, reason) if reason else ""
    fitted = span if reason else engine.fit(text, span)
    if fitted != span:  # checked again as analyze does, once fitted
        reason = engine.reject_reason(text, fitted, agreed=both)
        if reason:
            detail = (f"fitted to {_quote(text[fitted.start:fitted.end], 30)}: "
                      + _detail(engine, text, fitted, reason))
    return Candidate(span, stage, reason, detail, context_words(text, span),
                     engine.policy.threshold_for(span.label))


def _spacy_filtered(engine: Engine, text: str) -> list[Candidate]:
    """Entities spaCy found that its recognizer's precision filters dropped, through each
    recognizer's ``trace`` hook (spaCy's reads the text in the windows its ``detect`` uses, so
    a text of any length is traced with bounded memory)."""
    out = []
    for recognizer in engine.recognizers:
        trace = getattr(recognizer, "trace", None)
        if trace is None:
            continue
        for span, reason in trace(text):
            if reason:
                out.append(Candidate(span, RECOGNIZER_FILTER, "filter",
                                     f"{recognizer.name} precision filter: {reason}",
                                     threshold=engine.policy.threshold_for(span.label)))
    return out


def trace_texts(
    engine: Engine,
    texts: Sequence[str],
    *,
    raw: Sequence[Sequence[Span]] | None = None,
    final: Sequence[Sequence[Span]] | None = None,
    recognizer_filters: bool = True,
    doc_ids: Sequence[str] | None = None,
) -> list[Trace]:
    """A :class:`Trace` per text: :meth:`Engine.analyze`'s stages with what each decided.

    The final spans are ``engine.analyze(texts)``'s (``final`` when already computed), so a
    trace never disagrees with a run; each is explained by the candidates of
    ``engine.detect_raw(texts)`` (``raw`` when already computed) that overlap it, checked by
    :meth:`Engine.reject_reason` and propagated as ``analyze`` does. ``recognizer_filters``:
    also list the candidates a recognizer's own filters dropped (spaCy's; this runs spaCy once
    more per text).
    """
    final = engine.analyze(texts) if final is None else final
    raw = engine.detect_raw(texts) if raw is None else raw
    policy = engine.policy
    strategy = policy.overlap
    rank = STRATEGIES[strategy]
    propagators = [r for r in engine.recognizers if hasattr(r, "propagate")]
    out = []
    for i, (text, spans, finals) in enumerate(zip(texts, raw, final, strict=True)):
        agreed = agreed_names(spans, text)  # both models: a name though its words are common
        candidates = [_candidate(engine, text, s, DETECTED, agreed) for s in spans]
        accepted = [c.span for c in candidates if c.dropped is None]
        for recognizer in propagators:
            more = [_candidate(engine, text, s, PROPAGATED)
                    for s in recognizer.propagate(text, accepted)]  # type: ignore[attr-defined]
            candidates += more
            accepted += [c.span for c in more if c.dropped is None]
        if recognizer_filters:
            candidates += _spacy_filtered(engine, text)
        candidates.sort(key=lambda c: (c.span.start, c.span.end, c.span.label, c.span.source))
        decisions = []
        for span in finals:
            members = tuple(c for c in candidates if c.dropped is None and c.span.overlaps(span))
            same = [c.span for c in members if c.span.label == span.label] or [
                c.span for c in members]
            extent = (max(s.end for s in same) - min(s.start for s in same)) if same else 0
            winner = (min(same, key=lambda s: rank(s, extent, engine.is_exact(s)))
                      if same else span)
            where, action, limit, limit_from = rule_of(policy, span.label)
            decisions.append(Decision(
                span=span, members=members, winner=winner,
                rejected=tuple(c for c in candidates
                               if c.dropped is not None and c.span.overlaps(span)),
                strategy=strategy, rule=where, action=action,
                threshold=limit, threshold_from=limit_from,
            ))
        out.append(Trace(text, tuple(candidates), tuple(decisions), strategy,
                         doc_ids[i] if doc_ids is not None else ""))
    return out


# --------------------------------------------------------------------------- rendering


def _quote(value: str, width: int = 60) -> str:
    flat = " ".join(value.split())
    return repr(flat if len(flat) <= width else flat[: width - 1] + "…")


def _line(text: str, c: Candidate, within: Span | None = None) -> str:
    s = c.span
    head = f"{s.source} {s.label} {s.score:.2f}"
    if c.stage != DETECTED:
        head += f" ({c.stage})"
    if within is None or (s.start, s.end) != (within.start, within.end):
        head += f" [{s.start}:{s.end}] {_quote(text[s.start:s.end], 30)}"
    if c.context:
        head += f", context {', '.join(map(repr, c.context))}"
    if c.dropped is not None:
        head += f": {c.detail}"
    return head


def format_trace(trace: Trace) -> str:
    """A trace for the terminal: one block per final span, then the drops elsewhere."""
    text = trace.text
    lines = [f"{trace.doc_id or '<text>'}: {len(trace.decisions)} span(s), overlap "
             f"{trace.strategy}"]
    for d in trace.decisions:
        s = d.span
        params = ", ".join(f"{k}={v}" for k, v in d.action.items() if k != "action")
        lines.append(f"  [{s.start}:{s.end}] {s.label} {_quote(text[s.start:s.end])} -> "
                     f"{d.action['action']}{f' ({params})' if params else ''} by {d.rule}; "
                     f"threshold {d.threshold:.2f} ({d.threshold_from})")
        for c in d.members:
            lines.append(f"      reported by {_line(text, c, s)}")
        if len(d.members) > 1:
            lines.append(f"      merged {len(d.members)} spans by {d.strategy}: winner "
                         f"{d.winner.source} ({d.winner.label} {d.winner.score:.2f})")
        for c in d.rejected:
            lines.append(f"      dropped {_line(text, c, s)}")
    alone = trace.dropped_alone
    if alone:
        lines.append("  dropped where nothing was redacted:")
        for c in alone:
            lines.append(f"      {_line(text, c)}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- the audit's part


def _digest(data: Any) -> str:
    return "sha256:" + hashlib.sha256(repr(data).encode("utf-8")).hexdigest()[:16]


@lru_cache(maxsize=1)
def filter_versions() -> dict[str, str]:
    """Content ids of the filter lists and checks that decide which candidates are dropped
    (``sha256:`` of their data or, for code, their source), for the audit."""
    from redactor.detect import context, lists, name_lists, places, spacy_ner, validity

    return {
        "engine.reject_reason": _digest(inspect.getsource(Engine.reject_reason)),
        "validity.shapes": _digest(inspect.getsource(validity)),
        "context.words": _digest(inspect.getsource(context)),
        "spacy.not_entities": _digest(sorted(spacy_ner.NOT_ENTITIES)),
        "spacy.eponyms": _digest(spacy_ner.EPONYM_AFTER.pattern),
        "spacy.drop_reason": _digest(inspect.getsource(spacy_ner.drop_reason)),
        "names.not_name_words": _digest(sorted(name_lists.NOT_NAME_WORDS)),
        "places.not_places": _digest(sorted(places.NOT_PLACES)),
        "deny_list": _digest(inspect.getsource(lists)),
    }


def rules_record(policy: Policy, engine: Engine) -> dict[str, Any]:
    """The ``rules`` section of run.json: what, with the policy file, reproduces a decision."""
    return {
        "policy_sha256": policy.sha256,
        "overlap": policy.overlap,
        "detectors": engine.versions(),
        "filters": dict(filter_versions()),
    }
