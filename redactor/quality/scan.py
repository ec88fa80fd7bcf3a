"""Scan data (typically a redacted drop) for identifiers that remain: the check before release.

:class:`Scanner` reads a folder or file with the format layer (the same readers and document
ids as ``redact run``), runs the policy's detection stack over every document, and reports
each identifier found at or above the threshold as a :class:`Finding`: file, document id,
offsets and entity type. **Never the text.**

Detection is resolved exactly as ``redact run`` resolves it (same filters, same overlap
strategy), so a span gets the type redaction would give it. What the policy leaves as it is on
purpose is not a finding: a span its own rule would not change (an age of 45 under ``age90``,
``2021`` under ``year``, a ``keep`` type), whichever detectors reported it and whatever label
each gave (spaCy's DATE for "age 45" merges with the age pattern's AGE, as in redaction); and
what the policy's operators write: placeholders (``[PERSON]``, a policy's own ``placeholder``
such as ``<DATE>``, ``[DATE 90+]``), keyed hashes (``<EMAIL_ADDRESS:3fa4...>``), masks
(``*******`` plus the ``keep_last`` characters the rule keeps on purpose) and generalised values
(``021**``, ``90+``). A detection is trimmed to what lies outside those regions and dropped when
fewer than two letters or digits are left. Entity types the policy pseudonymises are not checked
by default: their surrogates are realistic by design and cannot be told from originals
(``check_pseudonymized=True`` checks them anyway). The ``_audit`` folder a run writes beside
its output is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from redactor.detect.engine import Engine
from redactor.detect.patterns import US_STATES
from redactor.errors import InputError
from redactor.formats.base import FormatOptions, Record
from redactor.formats.plan import FileJob, find_files
from redactor.formats.reading import open_input, read_records
from redactor.formats.walk import SkippedFile, unsupported_reason
from redactor.policy import DateShiftRule, GeneralizeRule, MaskRule, Policy, RedactRule
from redactor.runlog import AUDIT_DIRNAME
from redactor.span import Span
from redactor.transform.operators import OPERATORS
from redactor.transform.safe_harbor import AGE_90_PLUS, OLDEST_AGE, generalize_age

EXIT_CLEAN = 0
EXIT_UNREADABLE = 1
EXIT_FINDINGS = 4
MIN_RESIDUAL_ALNUM = 2
BATCH = 64
#: A courtesy title alone names no one ("Seen by Dr. [PERSON]": a rule may take "Dr" for a name).
TITLES = frozenset("dr mr mrs ms mx miss prof professor doctor nurse sr sra srta herr frau mme "
                   "mlle".split())
#: Nor do the words a name rule may take with a placeholder ("Hi, I'm [PERSON]", "Call [PERSON]").
NOT_NAMES = TITLES | frozenset("i im me my it its this is hi hello hey dear call called customer "
                               "patient client user name named".split())
#: The words an age may be written with ("age 45", "45 years old", "52 y/o", "aged 67 yrs").
AGE_WORDS = frozenset("age aged years year yrs yr old yo y o".split())


@dataclass(frozen=True)
class Finding:
    """An identifier left in the data: where it is and what it is, never what it says."""

    file: str
    document: str
    start: int
    end: int
    label: str
    score: float
    recognizer: str

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form."""
        return {"file": self.file, "document": self.document, "start": self.start,
                "end": self.end, "label": self.label, "score": round(self.score, 4),
                "recognizer": self.recognizer}


@dataclass(frozen=True)
class ScanFailure:
    """A file that could not be scanned (so it cannot be called clean)."""

    file: str
    reason: str


@dataclass
class ScanResult:
    """Everything a scan found and everything it could not look at."""

    findings: list[Finding] = field(default_factory=list)
    files: int = 0
    documents: int = 0
    skipped: list[SkippedFile] = field(default_factory=list)
    failures: list[ScanFailure] = field(default_factory=list)
    unchecked_labels: tuple[str, ...] = ()

    @property
    def exit_code(self) -> int:
        """4 with findings; else 1 when some file could not be read; else 0."""
        if self.findings:
            return EXIT_FINDINGS
        return EXIT_UNREADABLE if self.failures else EXIT_CLEAN

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form (no document text)."""
        return {
            "files": self.files,
            "documents": self.documents,
            "findings": [f.to_dict() for f in self.findings],
            "skipped": [{"file": s.relative, "reason": s.reason} for s in self.skipped],
            "failures": [{"file": f.file, "reason": f.reason} for f in self.failures],
            "unchecked_labels": list(self.unchecked_labels),
            "exit_code": self.exit_code,
        }


# --------------------------------------------------------------------------- operator output


def operator_output_regex(policy: Policy) -> re.Pattern[str]:
    """A regex for what redaction leaves in a text: placeholders, hashes and masks.

    Covers the policy's own placeholders and the common ``[LABEL]`` / ``<LABEL>`` forms of every
    entity type (data redacted under another policy), ``<LABEL:hex>`` digests, and runs of each
    mask character of the policy (and ``*``) followed by at most ``keep_last`` kept characters.
    """
    literals: set[str] = set()
    keep_tail = 0
    mask_chars = {"*"}
    generalised: set[str] = set()
    for label in sorted(policy.labels):  # the catalogue and the policy's own types
        literals.update({f"[{label}]", f"<{label}>"})
        rule = policy.rule_for(label)
        if isinstance(rule, (RedactRule, DateShiftRule, GeneralizeRule)):
            literals.add(rule.placeholder.format(label=label))
        if isinstance(rule, GeneralizeRule):
            generalised.add(rule.to)
            if rule.to == "year":
                literals.add(rule.over_89.format(label=label))
        elif isinstance(rule, MaskRule):
            mask_chars.add(rule.char)
            keep_tail = max(keep_tail, rule.keep_last)
    alternatives = [re.escape(x) for x in sorted(literals, key=len, reverse=True) if x.strip()]
    alternatives.append(r"<[A-Z][A-Z_]*:[0-9a-f]{8,64}>")  # what the hash operator writes
    if "zip3" in generalised:  # 021**, 000**, and the state zip3 keeps before it (MA 021**)
        states = "|".join(sorted(US_STATES))
        alternatives.append(rf"(?:\b(?:{states})[ \t]+)?(?<![\w*])\d{{3}}\*\*(?![\w*])")
    if "age90" in generalised:
        alternatives.append(r"(?<![\w+])90\+")  # 90+
    chars = "".join(re.escape(c) for c in sorted(mask_chars))
    tail = rf"(?:[\w \-]{{0,{keep_tail}}}(?!\w))?" if keep_tail else ""
    alternatives.append(rf"[{chars}]{{2,}}{tail}")
    return re.compile("|".join(f"(?:{a})" for a in alternatives))


def residual(text: str, span: Span, regions: Sequence[tuple[int, int]]) -> Span | None:
    """``span`` trimmed to what lies outside ``regions`` (``None`` if too little is left)."""
    inside = [False] * (span.end - span.start)
    for start, end in regions:
        for i in range(max(start, span.start), min(end, span.end)):
            inside[i - span.start] = True
    if not any(inside):
        return span
    outside = [span.start + i for i, flag in enumerate(inside) if not flag]
    alnum = [i for i in outside if text[i].isalnum()]
    if len(alnum) < MIN_RESIDUAL_ALNUM:
        return None
    return Span(alnum[0], alnum[-1] + 1, span.label, span.score, span.source)


# --------------------------------------------------------------------------- the scanner


@dataclass
class Scanner:
    """The detection stack of a policy, used to look for what should no longer be there."""

    policy: Policy
    engine: Engine | None = None
    threshold: float | None = None
    check_pseudonymized: bool = False
    options: FormatOptions = field(default_factory=FormatOptions)
    _regex: re.Pattern[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.engine = (self.engine or Engine.from_policy(self.policy)).load()
        self._regex = operator_output_regex(self.policy)

    @property
    def labels(self) -> frozenset[str]:
        """The entity types a finding may have."""
        labels = set(self.policy.entity_labels)
        if not self.check_pseudonymized:
            labels -= set(self.unchecked_labels)
        return frozenset(labels)

    @property
    def unchecked_labels(self) -> tuple[str, ...]:
        """Types left out because the policy pseudonymises them (see the module docstring)."""
        if self.check_pseudonymized:
            return ()
        return tuple(sorted(lbl for lbl in self.policy.entity_labels
                            if self.policy.rule_for(lbl).action == "pseudonymize"))

    def _keep(self, text: str, span: Span) -> bool:
        assert self.engine is not None
        return span.label in self.labels and self.engine.accept(text, span, self.threshold)

    def _left_as_is(self, value: str, span: Span) -> bool:
        """True when the policy's rule for the span's type would not change ``value`` ("58"
        under age90, "2021" under year, anything under keep): a compliant output holds it."""
        rule = self.policy.rule_for(span.label)
        if rule.action == "keep":
            return True
        if rule.action != "generalize":
            return False
        return OPERATORS["generalize"](value, span, rule, None) == value

    def _kept_age(self, value: str) -> bool:
        """True when ``value`` is only an age (a number and age words: "age 45", "90+ years")
        that the policy's ``age90`` rule writes as it is, whatever label a detector gave it
        (spaCy calls "age 45" a DATE)."""
        if not any(isinstance(rule, GeneralizeRule) and rule.to == "age90"
                   for rule in self.policy.entities.values()):
            return False
        words = re.findall(r"[^\W\d_]+", value.casefold())
        if not re.search(r"\d", value) or any(w not in AGE_WORDS for w in words):
            return False
        return generalize_age(value.replace(AGE_90_PLUS, str(OLDEST_AGE + 1))) == value

    def _kept_age_runs(self, text: str, spans: Sequence[Span]) -> set[int]:
        """Indices of spans in runs (spans apart by white space only: "age" and "45" of one
        cluster) that read together as a kept age."""
        runs: list[list[int]] = []
        for i, span in enumerate(spans):
            if runs and not text[spans[runs[-1][-1]].end : span.start].strip():
                runs[-1].append(i)
            else:
                runs.append([i])
        return {i for run in runs
                if self._kept_age(text[spans[run[0]].start : spans[run[-1]].end]) for i in run}

    def scan_texts(self, texts: Sequence[str]) -> list[list[Span]]:
        """Identifiers left in each text: detections resolved as redaction resolves them, less
        what the policy's rules leave as it is, trimmed to outside redaction output."""
        assert self.engine is not None
        out: list[list[Span]] = []
        for text, spans in zip(texts, self.engine.analyze(texts, self._keep), strict=True):
            regions = [m.span() for m in self._regex.finditer(text)]
            ages = self._kept_age_runs(text, spans)
            kept = []
            for i, span in enumerate(spans):
                if i in ages or self._left_as_is(text[span.start : span.end], span):
                    continue
                left = residual(text, span, regions)
                if left is None or _title_only(text, left):
                    continue
                value = text[left.start : left.end]
                if not self._left_as_is(value, left) and not self._kept_age(value):
                    kept.append(left)
            out.append(kept)
        return out

    def scan_path(
        self, path: Path | str, *, on_file: Callable[[str], None] | None = None
    ) -> ScanResult:
        """Scan a file or every supported file under a folder (``_audit`` folders skipped)."""
        result = ScanResult(unchecked_labels=self.unchecked_labels)
        plan = find_files(Path(path), exclude=_in_audit_folder)
        result.skipped.extend(SkippedFile(item.path, item.relative,
                                          unsupported_reason(item.relative))
                              for item in plan.unsupported)
        for job in plan.jobs:
            if on_file is not None:
                on_file(job.rel)
            try:
                found, n_docs = self._scan_file(job)
            except InputError as exc:
                result.failures.append(ScanFailure(job.rel, str(exc)))
                continue
            result.files += 1
            result.documents += n_docs
            result.findings.extend(found)
        result.skipped.extend(plan.skipped)
        return result

    def _scan_file(self, job: FileJob) -> tuple[list[Finding], int]:
        path, rel, fmt = job.source, job.rel, job.format
        findings: list[Finding] = []
        n_docs = 0
        with open_input(path, self.options.encoding, rel) as stream:
            for batch in _batches(read_records(fmt, stream, rel, self.options)):
                n_docs += len(batch)
                for (doc_id, _), spans in zip(batch, self.scan_texts([t for _, t in batch]),
                                              strict=True):
                    findings.extend(Finding(rel, doc_id, s.start, s.end, s.label, s.score,
                                            s.source) for s in spans)
        return findings, n_docs


def _in_audit_folder(rel: str) -> bool:
    """True for a file under an audit folder (``_audit``), at any depth."""
    return AUDIT_DIRNAME in Path(rel).parts[:-1]


def _title_only(text: str, span: Span) -> bool:
    """A "name" of titles and cue words only (``Dr``, ``I'm``): what is left of a name rule's
    span around a placeholder."""
    words = re.findall(r"[^\W\d_]+", text[span.start : span.end].casefold().replace("'", ""))
    return span.label == "PERSON" and bool(words) and all(w in NOT_NAMES for w in words)


def _batches(records: Iterator[Record]) -> Iterator[list[tuple[str, str]]]:
    batch: list[tuple[str, str]] = []
    for record in records:
        for doc in record.documents:
            batch.append((doc.id, doc.text))
            if len(batch) >= BATCH:
                yield batch
                batch = []
    if batch:
        yield batch
