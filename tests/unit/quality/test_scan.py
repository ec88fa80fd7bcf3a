"""redactor.quality.scan: what counts as a remaining identifier; scanning with the format layer."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import pytest

from redactor.detect.engine import Engine
from redactor.policy import Policy, load_policy
from redactor.quality.scan import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    EXIT_UNREADABLE,
    Scanner,
    operator_output_regex,
)
from redactor.quality.scan import residual as residual_of
from redactor.span import Span

POLICY = Policy.from_mapping({
    "name": "t", "threshold": 0.5,
    "entities": {"PERSON": {"action": "redact"},
                 "DATE": {"action": "redact", "placeholder": "<<{label}>>"},
                 "US_SSN": {"action": "mask", "char": "#", "keep_last": 4},
                 "EMAIL_ADDRESS": {"action": "hash"},
                 "PHONE_NUMBER": {"action": "pseudonymize"},
                 "NRP": {"action": "keep"}},
    "allow": ["Mayo Clinic"],
})


@dataclass
class Regexes:
    """A fake recognizer: fixed regexes per label, with a fixed score."""

    rules: tuple[tuple[str, str, float], ...] = (
        (r"\b(?:Okafor|Nguyen|Kowalska|Mayo Clinic)\b", "PERSON", 0.9),
        (r"\d{3}-\d{2}-\d{4}", "US_SSN", 0.9),
        (r"\b\d{3}-\d{4}\b", "PHONE_NUMBER", 0.9),
        (r"[\w.]+@[\w.]+\w", "EMAIL_ADDRESS", 0.95),
        (r"\bmaybe\w+", "PERSON", 0.4),
        (r"\[\w+\]", "ORGANIZATION", 0.9),  # a detector that mistakes placeholders for names
    )
    name: str = "regexes"

    def detect(self, texts):
        return [[Span(m.start(), m.end(), label, score, f"regex:{label}")
                 for rx, label, score in self.rules for m in re.finditer(rx, t)] for t in texts]


def scanner(policy=POLICY, **kwargs) -> Scanner:
    return Scanner(policy, engine=Engine(policy, [Regexes()]), **kwargs)


@pytest.mark.parametrize(
    ("text", "covered"),
    [
        ("[PERSON]", True), ("<PERSON>", True), ("[US_ITIN]", True), ("<<DATE>>", True),
        ("<EMAIL_ADDRESS:0123456789abcdef>", True), ("########", True), ("#####1234", True),
        ("*****", True), ("[person]", False), ("Okafor", False), ("<EMAIL_ADDRESS:xyz>", False),
        ("#", False),
    ],
)
def test_operator_output_regex(text, covered):
    m = operator_output_regex(POLICY).fullmatch(text)
    assert (m is not None) == covered


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Dr. [PERSON] said", (4, 12), None),                    # the placeholder itself
        ("Dr. [PERSON] Okafor said", (4, 19), (13, 19)),         # a surname left after it
        ("Dr. [PERSON]'s note", (4, 14), None),                  # "'s" is no identifier
        ("SSN ######6789 ok", (4, 14), None),                    # mask plus the kept tail
        ("Okafor", (0, 6), (0, 6)),                              # nothing redacted at all
    ],
)
def test_residual_keeps_only_what_lies_outside_redaction_output(text, span, expected):
    regions = [m.span() for m in operator_output_regex(POLICY).finditer(text)]
    left = residual_of(text, Span(*span, "PERSON"), regions)
    assert (None if left is None else (left.start, left.end)) == expected


def test_texts_placeholders_hashes_masks_and_allowed_terms_are_not_findings():
    texts = ["Seen by [PERSON] on <<DATE>>, SSN #######6789, <EMAIL_ADDRESS:0011223344556677>.",
             "Mayo Clinic called [PERSON]."]
    assert scanner().scan_texts(texts) == [[], []]


def test_texts_leftovers_are_findings():
    (found,) = scanner().scan_texts(["Seen by [PERSON] Okafor, SSN 123-45-6789, a@b.org"])
    assert [(s.label, s.start, s.end) for s in found] == [
        ("PERSON", 17, 23), ("US_SSN", 29, 40), ("EMAIL_ADDRESS", 42, 49)]


def test_threshold_defaults_to_the_policy_and_can_be_lowered():
    text = ["maybeOkafor"]
    assert scanner().scan_texts(text) == [[]]
    assert [s.label for s in scanner(threshold=0.3).scan_texts(text)[0]] == ["PERSON"]


def test_pseudonymised_types_are_unchecked_unless_asked():
    text = ["call 555-0100"]
    plain = scanner()
    assert plain.unchecked_labels == ("PHONE_NUMBER",) and plain.scan_texts(text) == [[]]
    strict = scanner(check_pseudonymized=True)
    assert strict.unchecked_labels == ()
    assert [s.label for s in strict.scan_texts(text)[0]] == ["PHONE_NUMBER"]


@pytest.fixture
def drop(tmp_path):
    """A data drop: a leaky note, a clean note, JSONL, CSV, an audit folder, odd files."""
    root = tmp_path / "drop"
    (root / "notes").mkdir(parents=True)
    (root / "notes" / "leak.txt").write_text("Pt [PERSON] Nguyen, SSN 123-45-6789.\n",
                                             encoding="utf-8")
    (root / "notes" / "clean.txt").write_text("Pt [PERSON], SSN ######6789.\n", encoding="utf-8")
    (root / "events.jsonl").write_text(
        json.dumps({"id": 1, "who": "[PERSON]", "note": "fine"}) + "\n"
        + json.dumps({"id": 2, "who": "Kowalska", "note": "x"}) + "\n", encoding="utf-8")
    (root / "rows.csv").write_text("id,name\n1,[PERSON]\n2,Okafor\n", encoding="utf-8")
    (root / "_audit").mkdir()
    (root / "_audit" / "spans.jsonl").write_text('{"document": "Okafor"}\n', encoding="utf-8")
    (root / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (root / "blob.txt").write_bytes(b"\x00\x01\x02" * 400)
    return root


def test_scan_path_reports_file_document_offsets_and_types_never_text(drop):
    result = scanner().scan_path(drop)
    got = sorted((f.file, f.document, f.start, f.end, f.label) for f in result.findings)
    assert got == [
        ("events.jsonl", "events.jsonl:2:/1", 0, 8, "PERSON"),  # line 2, member 2
        ("notes/leak.txt", "notes/leak.txt", 12, 18, "PERSON"),
        ("notes/leak.txt", "notes/leak.txt", 24, 35, "US_SSN"),
        ("rows.csv", "rows.csv:2:2", 0, 6, "PERSON"),  # row 2, column 2
    ]
    assert result.exit_code == EXIT_FINDINGS
    assert result.files == 4 and result.documents == 10  # 2 notes, 2x2 JSON fields, 2x2 cells
    payload = json.dumps(result.to_dict())
    for planted in ("Nguyen", "Kowalska", "Okafor", "123-45-6789"):
        assert planted not in payload
    assert [s.relative for s in result.skipped] == ["image.png"]
    assert [f.file for f in result.failures] == ["blob.txt"]
    assert "Okafor" not in result.failures[0].reason


def test_a_clean_folder_passes(drop):
    for name in ("notes/leak.txt", "events.jsonl", "rows.csv", "blob.txt"):
        (drop / name).unlink()
    result = scanner().scan_path(drop)
    assert result.findings == [] and result.exit_code == EXIT_CLEAN and result.files == 1


def test_an_unreadable_file_means_not_clean(drop):
    for name in ("notes/leak.txt", "events.jsonl", "rows.csv"):
        (drop / name).unlink()
    assert scanner().scan_path(drop).exit_code == EXIT_UNREADABLE


def test_a_single_file_can_be_scanned(drop):
    result = scanner().scan_path(drop / "notes" / "leak.txt")
    assert {f.document for f in result.findings} == {"leak.txt"}


def test_field_selection_is_honoured(drop):
    from redactor.formats.base import FormatOptions

    result = scanner(options=FormatOptions(text_fields=("note",))).scan_path(drop / "events.jsonl")
    assert result.findings == [] and result.documents == 2


def test_output_of_a_real_redaction_scans_clean(tmp_path):
    """Redact with the real pattern and name recognizers, then scan with the same policy."""
    from redactor.api import Redactor
    from redactor.detect.names import NameRecognizer
    from redactor.detect.patterns import PatternRecognizer

    policy = load_policy("hipaa")
    engine = Engine(policy, [PatternRecognizer(), NameRecognizer()])
    text = ("Patient: Chidi Okonkwo   MRN: 5820193\nDOB: 07/22/1971\nSeen by Dr. Ingrid Halvorsen"
            " on 03/14/2021.\nPhone (312) 555-0176, email chidi.okonkwo@example.com.\n"
            "Card 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00, IP 203.0.113.45\n")
    redacted = Redactor(policy, engine=engine).redact(text).text
    (tmp_path / "out.txt").write_text(redacted, encoding="utf-8")
    (tmp_path / "raw.txt").write_text(text, encoding="utf-8")
    scan = Scanner(policy, engine=Engine(policy, [PatternRecognizer(), NameRecognizer()]))
    assert scan.scan_path(tmp_path / "out.txt").exit_code == EXIT_CLEAN
    raw = scan.scan_path(tmp_path / "raw.txt")
    assert raw.exit_code == EXIT_FINDINGS and len(raw.findings) >= 8


def test_generalised_values_and_implausible_model_spans_are_not_findings(tmp_path):
    from redactor.policy import load_policy
    from redactor.quality.scan import Scanner

    class Fixed:
        name = "fixed"

        def detect(self, texts):
            out = []
            for text in texts:
                spans = []
                for value, label, source in (("58", "AGE", "pattern:age"),
                                             ("2021", "DATE", "pattern:date"),
                                             ("1001", "PHONE_NUMBER", "hf_ner:PHONE"),
                                             ("92", "AGE", "pattern:age")):
                    at = text.find(value)
                    if at >= 0:
                        spans.append(Span(at, at + len(value), label, 0.9, source))
                out.append(spans)
            return out

    from redactor.detect.engine import Engine
    from redactor.span import Span

    policy = load_policy("hipaa")
    scanner = Scanner(policy, engine=Engine(policy, [Fixed()]))
    text = "ticket 1001: a 58 year old seen in 2021; a 92 year old"
    (found,) = scanner.scan_texts([text])
    # only the age over 89 remains: 58 and 2021 are what generalisation leaves, 1001 no phone
    assert [(s.label, s.start) for s in found] == [("AGE", text.find("92"))]


class Labelled:
    """A fake stack: each (value, label, source) found wherever the value occurs."""

    name = "labelled"

    def __init__(self, *found: tuple[str, str, str]) -> None:
        self.found = found

    def detect(self, texts):
        return [[Span(m.start(), m.end(), label, 0.9, source)
                 for value, label, source in self.found
                 for m in re.finditer(re.escape(value), text)] for text in texts]


@pytest.mark.parametrize(("text", "found", "left"), [
    # issue 11: "age 45" kept by hipaa's age90 rule; spaCy calls it a DATE, the age pattern AGE
    ("Pt, age 45, seen", [("45", "AGE", "pattern:age"), ("age 45", "DATE", "spacy:DATE")], []),
    ("seen in 2021.", [("2021", "DATE", "spacy:DATE")], []),
    ("Boston, MA 021**.", [("021**", "ZIP_CODE", "hf_ner:ZIP")], []),
    ("ZIP 000** and 90+ years", [("000**", "ZIP_CODE", "spacy:CARDINAL"),
                                 ("90+ years", "DATE", "spacy:DATE")], []),
    ("born [DATE 90+] in Oslo", [("[DATE 90+]", "DATE", "spacy:DATE")], []),
    ("Boston, MA 021**.", [("MA 021", "ORGANIZATION", "spacy:ORG")], []),  # zip3 keeps the state
    ("Hi, I'm [PERSON].", [("I'm [PERSON]", "PERSON", "names:greeting")], []),
    ("Seen by Dr. [PERSON] Li", [("[PERSON] Li", "PERSON", "names:title")], ["PERSON"]),
    ("Boston, MA 02115", [("MA 02115", "ORGANIZATION", "spacy:ORG")], ["ORGANIZATION"]),
    # what the policy would still change is a finding, whatever else is near it
    ("seen March 3, 2021", [("March 3, 2021", "DATE", "spacy:DATE")], ["DATE"]),
    ("Pt Okafor, age 45", [("45", "AGE", "pattern:age"), ("Okafor, age 45", "PERSON",
                                                         "spacy:PERSON")], ["PERSON"]),
    ("Pt Okafor 45", [("45", "AGE", "pattern:age"), ("Okafor", "PERSON", "spacy:PERSON")],
     ["PERSON"]),
    ("a 52 y/o male", [("52 y/o", "DATE", "spacy:DATE")], []),
    ("ZIP 02115", [("02115", "ZIP_CODE", "pattern:zip")], ["ZIP_CODE"]),
    ("aged 92", [("92", "AGE", "pattern:age")], ["AGE"]),
])
def test_what_the_policy_keeps_or_generalises_is_no_finding(text, found, left):
    policy = load_policy("hipaa")
    scan = Scanner(policy, engine=Engine(policy, [Labelled(*found)]))
    assert [s.label for s in scan.scan_texts([text])[0]] == left


def test_a_policys_own_entity_types_are_placeholders_too() -> None:
    policy = Policy.from_mapping({
        "name": "custom", "detectors": {"patterns": True, "names": False},
        "custom_entities": {"EMPLOYEE_ID": "employee number"},
        "entities": {"EMPLOYEE_ID": {"action": "redact"}},
        "recognizers": [{"type": "regex", "name": "emp", "label": "EMPLOYEE_ID",
                         "pattern": r"EMP-\d{6}"}]})
    assert operator_output_regex(policy).fullmatch("[EMPLOYEE_ID]")
    assert not operator_output_regex(POLICY).fullmatch("[EMPLOYEE_ID]")
