"""The detection engine: the policy's recognizers, its thresholds and lists, and overlap resolution.

``Engine.analyze(texts)`` is the single entry to detection for every front end (the run
pipeline, the Python API, scan, audit, eval, Spark and Ray), so they all see the same spans.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

from redactor import __version__
from redactor.detect.base import Recognizer, exact_sources, run_all
from redactor.detect.evidence import (
    agreed_names,
    complete_after_particle,
    eponym,
    extend_over_name_ending,
    extend_over_office,
    extend_to_whole_token,
    ordinary_language,
    spacy_in_capitals,
    split_at_paragraph_breaks,
    trim_around_handles,
    trim_at_joining_words,
    trim_date_tail,
    trim_leading_words,
    trim_lower_case_edges,
    trim_punctuation_edges,
    trim_sentence_verbs,
    trim_trailing_role,
    unconfirmed_in_capitals,
)
from redactor.detect.lexicon import note_register
from redactor.detect.lists import allowed
from redactor.detect.normalize import Normalized, normalize
from redactor.detect.registry import BY_TYPE, BuildContext, Registry
from redactor.detect.registry import recognizers as default_registry
from redactor.detect.scores import exam_score
from redactor.detect.validity import plausible_at
from redactor.errors import ModelError, PolicyError
from redactor.policy import Policy
from redactor.resolve import resolve, trim
from redactor.span import Span

#: Detector kinds of a policy's ``detectors`` section, in the order they run.
DETECTOR_KINDS = ("patterns", "names", "places", "spacy", "transformer", "deny")


@dataclass(frozen=True)
class RecognizerSpec:
    """One recognizer a policy names: its detector kind (:data:`DETECTOR_KINDS`, or
    ``custom`` for an entry of the policy's ``recognizers:``), the registered factory that
    builds it and the typed config the factory gets."""

    kind: str
    factory: str
    config: Any
    where: str = ""  # the policy path of a ``recognizers:`` entry, for error messages


def recognizer_specs(policy: Policy, exclude: Collection[str] = ()) -> list[RecognizerSpec]:
    """The recognizers a policy names, in the order they run: the built-in detectors, then
    the policy's ``recognizers:`` entries, then the deny list; ``exclude`` kinds left out."""
    det = policy.detectors
    specs = [
        RecognizerSpec(kind, f"{kind}.v1", config)
        for kind, config in (("patterns", None if det.patterns else False),
                             ("names", None if det.names else False),
                             ("places", None if det.places else False),
                             ("spacy", det.spacy or False),
                             ("transformer", det.transformer or False))
        if config is not False and kind not in exclude
    ]
    specs += [RecognizerSpec("custom", BY_TYPE[entry.type], entry, f"recognizers.{i}")
              for i, entry in enumerate(policy.recognizers)]
    if policy.deny and "deny" not in exclude:
        specs.append(RecognizerSpec("deny", "deny_list.v1", policy.deny))
    return specs


def build_recognizers(
    policy: Policy,
    device: str | None = None,
    exclude: Collection[str] = (),
    registry: Registry = default_registry,
) -> list[Recognizer]:
    """The recognizers a policy names, constructed but not yet loaded, each by its
    registered factory (:mod:`redactor.detect.registry`).

    ``device`` overrides the transformer's device (``cpu``, ``cuda``, ``cuda:1``). ``exclude``
    names detector kinds (:data:`DETECTOR_KINDS`) that run elsewhere: a worker process whose
    transformer runs in the main process gets their spans with each batch. The problems of
    the policy's ``recognizers:`` entries (an unknown factory, an import that fails, an entity
    type the policy does not know) are reported together, as one PolicyError.
    """
    unknown = set(exclude) - set(DETECTOR_KINDS)
    if unknown:
        raise ModelError(f"unknown detector kind(s) {sorted(unknown)}")
    context = BuildContext(policy, device)
    recognizers: list[Recognizer] = []
    problems: list[str] = []
    for spec in recognizer_specs(policy, exclude):
        if not spec.where:
            recognizers.append(registry.build(spec.factory, spec.config, context))
            continue
        try:
            recognizers.append(registry.build(spec.factory, spec.config, context))
        except (PolicyError, ModelError) as exc:
            details = exc.problems if isinstance(exc, PolicyError) else []
            problems += [f"{spec.where}: {p}" for p in details] or [
                f"{spec.where}: {exc.message}"]
    if problems:
        raise PolicyError(f"policy {policy.path or policy.name} names recognizers that cannot "
                          f"be built ({len(problems)} problem(s))", problems)
    return recognizers


def run_recognizers(recognizers: Sequence[Recognizer], texts: Sequence[str]) -> list[list[Span]]:
    """Every recognizer's raw spans for each text, in recognizer order, at offsets of ``texts``.

    The recognizers read each text's normalised view (:mod:`redactor.detect.normalize`: zero-
    width characters out, fullwidth forms, Unicode spaces, dashes and digits folded), and their
    spans are mapped back to cover the original characters; a recognizer that answers for
    another number of texts is a ModelError."""
    views = [normalize(text) for text in texts]
    found = run_all(recognizers, [view.text for view in views])
    return [view.spans_to_original(spans) for view, spans in zip(views, found, strict=True)]


#: An organisation or place of two to four capitals ("IBAN", "EHR", "DH") is an acronym of
#: anything: the policy's lower threshold for the transformer's less sure organisations and
#: places (0.35 in ``hipaa``) does not reach it, which keeps this one.
UNSURE_ACRONYM_LIMIT = 0.5
_ACRONYM = re.compile(r"[A-Z]{2,4}")


@dataclass
class Engine:
    """Detection for one policy. Build with :meth:`from_policy`; call :meth:`load` to fail early."""

    policy: Policy
    recognizers: list[Recognizer]
    excluded: tuple[str, ...] = ()
    device: str | None = None  # the transformer device it was built with, when overridden
    _allow: frozenset[str] = field(init=False, repr=False)
    _exact: frozenset[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._allow = frozenset(term.strip().casefold() for term in self.policy.allow)
        self._exact = frozenset().union(*map(exact_sources, self.recognizers))

    @property
    def exact_sources(self) -> frozenset[str]:
        """Span sources of the recognizers whose spans are exact (their ``exact`` attribute:
        patterns, the deny list, a policy's regexes, Presidio pattern recognizers)."""
        return self._exact

    def is_exact(self, span: Span) -> bool:
        """Whether ``span`` comes from a recognizer whose spans are exact: the engine then
        neither checks its shape nor trims leading words off it."""
        return span.source in self._exact

    @classmethod
    def from_policy(
        cls,
        policy: Policy,
        *,
        recognizers: list[Recognizer] | None = None,
        device: str | None = None,
        exclude: Collection[str] = (),
    ) -> Engine:
        """An engine running the policy's detectors (or the given ones, for tests).

        With ``exclude``, the engine lacks those detector kinds and :meth:`analyze` requires
        their spans as ``extra`` (it never runs with less detection than the policy asks).
        """
        if recognizers is None:
            recognizers = build_recognizers(policy, device, exclude)
        return cls(policy, recognizers, tuple(sorted(exclude)), device)

    def model_recognizers(self) -> list[Recognizer]:
        """The transformer recognizers (the part worth running on a GPU in one process)."""
        from redactor.detect.hf_ner import TransformerRecognizer

        return [r for r in self.recognizers if isinstance(r, TransformerRecognizer)]

    def load(self) -> Engine:
        """Load every model now, so a missing model stops the run before any output."""
        if not self.recognizers and not self.excluded:
            raise ModelError(f"policy {self.policy.name!r} enables no detector")
        for recognizer in self.recognizers:
            load = getattr(recognizer, "load", None)
            if load is not None:
                load()
        return self

    def versions(self) -> dict[str, str]:
        """Tool and model versions, for the audit."""
        out = {"redactor": __version__}
        for recognizer in self.recognizers:
            out[recognizer.name] = str(getattr(recognizer, "version", __version__))
        return out

    def detect_raw(
        self, texts: Sequence[str], extra: Sequence[Sequence[Span]] | None = None
    ) -> list[list[Span]]:
        """Every recognizer's spans, unfiltered and unresolved, after ``extra`` (the raw spans
        of recognizers that ran elsewhere, one list per text; required when the engine was
        built with ``exclude``)."""
        views = [normalize(text) for text in texts]
        found = self._detect_views(views, extra)
        return [view.spans_to_original(spans) for view, spans in zip(views, found, strict=True)]

    def _detect_views(
        self, views: Sequence[Normalized], extra: Sequence[Sequence[Span]] | None
    ) -> list[list[Span]]:
        """:meth:`detect_raw` at offsets of the normalised views (``extra`` mapped to them)."""
        if extra is None and self.excluded:
            raise ModelError(
                f"this engine lacks the {', '.join(self.excluded)} detector(s) and got no spans "
                "from them; refusing to detect with less than the policy asks"
            )
        if extra is not None and len(extra) != len(views):
            raise ModelError("extra spans must give one list per text")
        merged = run_all(self.recognizers, [view.text for view in views])
        if not extra:
            return merged
        return [[*view.spans_to_view(e), *m]
                for view, e, m in zip(views, extra, merged, strict=True)]

    def accept(self, text: str, span: Span, threshold: float | None = None, *,
               agreed: bool = False) -> bool:
        """The policy's filters: acted-on label, threshold (``threshold`` overrides the
        policy's), shape of model spans, allow list, evidence (``agreed``: both models report
        the span, see :func:`~redactor.detect.evidence.agreed_names`)."""
        return self.reject_reason(text, span, threshold, agreed=agreed) is None

    def reject_reason(self, text: str, span: Span, threshold: float | None = None, *,
                      agreed: bool = False) -> str | None:
        """Why :meth:`accept` drops ``span`` (its first failing check), or None when it keeps
        it: ``label`` (not acted on), ``threshold``, ``shape``, ``allow``, ``score`` (a date that
        is a pain score or an exam grade: "PAIN 4/10"), ``lexicon`` (a model's name, place or
        organisation made only of English or clinical words, with no cue), ``eponym``."""
        policy = self.policy
        limit = policy.threshold_for(span.label) if threshold is None else threshold
        if not policy.acts_on(span.label):
            return "label"
        if span.score < limit or (span.score < UNSURE_ACRONYM_LIMIT
                                  and span.label in ("ORGANIZATION", "LOCATION")
                                  and _ACRONYM.fullmatch(text, span.start, span.end)):
            return "threshold"
        if not self.is_exact(span) and not plausible_at(span.label, text, span.start, span.end):
            return "shape"
        if span.source != "deny_list" and allowed(text[span.start : span.end], self._allow):
            return "allow"
        if span.source != "deny_list" and exam_score(text, span):
            return "score"
        if ordinary_language(text, span, agreed=agreed):
            return "lexicon"
        if eponym(text, span):
            return "eponym"
        return None

    def fit(self, text: str, span: Span) -> Span:
        """``span`` fitted to what it names, step by step: over the whole token of an
        identifier it cut (:func:`~redactor.detect.evidence.extend_to_whole_token`); without
        the words a model took in at its edges: a title or role before a name
        (:func:`~redactor.detect.evidence.trim_leading_words`), a retweet marker or the
        retweeted text around a handle (:func:`~redactor.detect.evidence.trim_around_handles`),
        lower-case words around a capitalised name
        (:func:`~redactor.detect.evidence.trim_lower_case_edges`), the sentence's words after a
        name in capitals or lower case
        (:func:`~redactor.detect.evidence.trim_sentence_verbs`), a role
        after a name and a comma (:func:`~redactor.detect.evidence.trim_trailing_role`), a
        date's clause after a comma (:func:`~redactor.detect.evidence.trim_date_tail`), what
        follows a preposition inside a name
        (:func:`~redactor.detect.evidence.trim_at_joining_words`); and over the surname after
        a particle it ended with (:func:`~redactor.detect.evidence.complete_after_particle`)
        and over a word that ends a place's or a firm's name after it ("TYSON" of "TYSON FOODS":
        :func:`~redactor.detect.evidence.extend_over_name_ending`); in edited prose, over an
        office before a name ("Professor Eastman":
        :func:`~redactor.detect.evidence.extend_over_office`)."""
        exact = self.is_exact(span)
        for step in (extend_to_whole_token, trim_punctuation_edges, trim_leading_words,
                     trim_around_handles, trim_lower_case_edges, trim_sentence_verbs,
                     trim_trailing_role, trim_date_tail, trim_at_joining_words,
                     complete_after_particle, extend_over_name_ending, extend_over_office):
            span = step(text, span, exact=exact)
        return span

    def _kept(self, text: str, spans: Sequence[Span], keep: Callable[[str, Span], bool] | None,
              agreed: frozenset[tuple[int, int, str]]) -> list[Span]:
        """``spans`` that pass the policy's filters (or ``keep``), fitted (:meth:`fit`). One whose
        edges moved is checked again as it now is: "sulfa. Triage" may be a name where
        "Triage" alone is a word. A model's span over a blank line is one span per paragraph
        (:func:`~redactor.detect.evidence.split_at_paragraph_breaks`), each checked alone.
        ``agreed``: what both models report (read at the raw span)."""
        out = []
        for raw in spans:
            pieces = split_at_paragraph_breaks(text, raw, exact=self.is_exact(raw))
            # what both models report is that raw span, not a piece of it
            both = pieces == [raw] and (raw.start, raw.end, raw.label) in agreed
            out.extend(self._fitted(text, pieces, keep, both))
        return out

    def _fitted(self, text: str, spans: Sequence[Span],
                keep: Callable[[str, Span], bool] | None, both: bool) -> list[Span]:
        """The pieces of one raw span that pass the filters, fitted (see :meth:`_kept`)."""

        def passes(s: Span) -> bool:
            return keep(text, s) if keep else self.accept(text, s, agreed=both)

        out = []
        for span in spans:
            if not passes(span):
                continue
            fitted = self.fit(text, span)
            if fitted == span or passes(fitted):
                out.append(fitted)
        return out

    def analyze(
        self,
        texts: Sequence[str],
        keep: Callable[[str, Span], bool] | None = None,
        extra: Sequence[Sequence[Span]] | None = None,
    ) -> list[list[Span]]:
        """Final spans per text: filtered by the policy (or by ``keep``), propagated within the
        document (a name found once is found at its other mentions too), and resolved so none
        overlap. ``extra``: raw spans of excluded recognizers (see :meth:`detect_raw`).

        All of it runs on each text's normalised view; ``keep`` sees the view and its spans,
        and the final spans are mapped back to cover the original characters."""
        propagators = [r for r in self.recognizers if hasattr(r, "propagate")]
        refiners = [r for r in self.recognizers if hasattr(r, "refine")]
        out = []
        views = [normalize(text) for text in texts]
        for view, spans in zip(views, self._detect_views(views, extra), strict=True):
            text = view.text
            agreed = agreed_names(spans, text) if keep is None else frozenset()
            accepted = self._kept(text, spans, keep, agreed)
            if any(spacy_in_capitals(text, s) for s in accepted) and note_register(text):
                accepted = [s for s in accepted if not unconfirmed_in_capitals(text, s, accepted)]
            for recognizer in propagators:
                extra = recognizer.propagate(text, accepted)  # type: ignore[attr-defined]
                accepted += self._kept(text, extra, keep, frozenset())
            for recognizer in refiners:  # spans fitted to what a recognizer knows (table cells)
                accepted = recognizer.refine(text, accepted)  # type: ignore[attr-defined]
            resolved = resolve(accepted, self.policy.overlap, self.policy.generalized_labels,
                               self._exact)
            if not view.identity:  # two spans of one expanded cluster may now overlap
                resolved = resolve(view.spans_to_original(resolved), self.policy.overlap,
                                   self.policy.generalized_labels, self._exact)
            out.append(trim(view.original, resolved))
        return out
