"""Delimited lines read by their header (redactor.detect.tables): positives per delimiter and
quoting, the table's end, negatives from prose and clinical tables, and the wiring into the
``patterns`` detector group."""

from __future__ import annotations

import pytest

from redactor.detect.base import Recognizer
from redactor.detect.tables import (
    SCORE,
    TableRecognizer,
    find_table_spans,
    header_type,
    read_header,
    split_cells,
)
from redactor.entities import ENTITY_TYPES
from redactor.span import Span

RECOGNIZER = TableRecognizer()


def found(text: str) -> list[tuple[str, str]]:
    """(label, covered text) of each span, in order."""
    return [(s.label, text[s.start : s.end]) for s in RECOGNIZER.detect([text])[0]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # comma, the audit's shape: quoted cells with a comma inside
        ('mrn,last_name,first_name,dob,phone,clinician\n'
         '00915956,Desjardins,Jean-Baptiste,"04-JUL-1950",+33 (0)2 30 15 92 59,"Hà, Linh"\n',
         [("MEDICAL_RECORD_NUMBER", "00915956"), ("PERSON", "Desjardins"),
          ("PERSON", "Jean-Baptiste"), ("DATE", "04-JUL-1950"),
          ("PHONE_NUMBER", "+33 (0)2 30 15 92 59"), ("PERSON", "Hà, Linh")]),
        # semicolon, capitalised labels
        ("Name;MRN;Phone\nAsma Darwish;4417782;+966 53 269 5294\n",
         [("PERSON", "Asma Darwish"), ("MEDICAL_RECORD_NUMBER", "4417782"),
          ("PHONE_NUMBER", "+966 53 269 5294")]),
        # tab
        ("Patient Name\tDOB\tSSN\nKaori Okamoto\t1966-04-29\t123-45-6789\n",
         [("PERSON", "Kaori Okamoto"), ("DATE", "1966-04-29"), ("US_SSN", "123-45-6789")]),
        # pipe, with spaces around the cells and a separator row
        ("| Patient | Fax | E-mail |\n|---|---|---|\n| Lars Huisman | 06 25 77 59 89 | "
         "lars@example.org |\n",
         [("PERSON", "Lars Huisman"), ("FAX_NUMBER", "06 25 77 59 89"),
          ("EMAIL_ADDRESS", "lars@example.org")]),
        # every label quoted, labels with suffixes and qualifiers
        ('"Medical Record No.","Home Tel","Zip Code","Acct #","Member ID"\n'
         '"77120","555 0143 22","02115","99-1231","XKD44120"\n',
         [("MEDICAL_RECORD_NUMBER", "77120"), ("PHONE_NUMBER", "555 0143 22"),
          ("ZIP_CODE", "02115"), ("ACCOUNT_NUMBER", "99-1231"),
          ("HEALTH_PLAN_ID", "XKD44120")]),
    ],
)
def test_cells_under_known_headers(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_one_known_label_among_label_like_cells_is_a_header() -> None:
    text = "Ward,Bed,MRN\n4 East,12,00763576\n"
    assert found(text) == [("MEDICAL_RECORD_NUMBER", "00763576")]


def test_unknown_columns_give_nothing() -> None:
    text = "mrn,test,result,units\n00915956,Sodium,139,mmol/L\n"
    assert found(text) == [("MEDICAL_RECORD_NUMBER", "00915956")]


def test_a_row_with_another_number_of_cells_ends_the_table() -> None:
    text = ("mrn,name,phone\n00915956,Asma Darwish,555 0143\n"
            "Seen today, no concerns\n77120,Kaori Okamoto,555 0199\n")
    assert found(text) == [("MEDICAL_RECORD_NUMBER", "00915956"), ("PERSON", "Asma Darwish"),
                           ("PHONE_NUMBER", "555 0143")]


def test_a_blank_line_ends_the_table() -> None:
    text = "mrn,name\n00915956,Asma Darwish\n\n77120,Kaori Okamoto\n"
    assert [v for _, v in found(text)] == ["00915956", "Asma Darwish"]


def test_two_tables_in_one_text() -> None:
    text = "Name;Phone\nLi Wei;555 0143\n\nNotes follow.\nmrn,dob\n4417,1950-01-02\n"
    assert found(text) == [("PERSON", "Li Wei"), ("PHONE_NUMBER", "555 0143"),
                           ("MEDICAL_RECORD_NUMBER", "4417"), ("DATE", "1950-01-02")]


@pytest.mark.parametrize("cell", ["", "N/A", "-", "unknown", "  ", '""', "n/a", "None"])
def test_empty_cells_give_nothing(cell: str) -> None:
    text = f"mrn,phone\n{cell},555 0143\n"
    assert found(text) == [("PHONE_NUMBER", "555 0143")]


def test_offsets_are_exact_inside_a_longer_text() -> None:
    text = 'Export below.\r\nmrn , "name"\r\n 00915956 , " Asma Darwish "\r\n'
    spans = RECOGNIZER.detect([text])[0]
    assert [text[s.start : s.end] for s in spans] == ["00915956", "Asma Darwish"]
    assert all(s.score == SCORE and s.source == "tables" for s in spans)


@pytest.mark.parametrize(
    "text",
    [
        "Lisinopril, aspirin, metformin\nContinue all three, review in 2 weeks\n",
        "mrn,name,phone\n",  # a header alone
        "1,2,3\n4,5,6\n",
        "Test,Result,Units\nSodium,139,mmol/L\nPotassium,4.1,mmol/L\n",
        "Drug;Dose;Route\nMetformin;500 mg;PO\n",
        "Name the drug, dose and route.\nAspirin, 81 mg, PO.\n",  # a sentence is no header
        "BP 120/80, HR 72, RR 16\nT 37.1, SpO2 98%, pain 2\n",
        "The patient, his mother and the nurse agreed\nHe will return, and call, if worse\n",
    ],
)
def test_negatives(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("label", "expected"),
    [("mrn", "MEDICAL_RECORD_NUMBER"), ("MRN #", "MEDICAL_RECORD_NUMBER"),
     ("Medical Record Number", "MEDICAL_RECORD_NUMBER"), ("last_name", "PERSON"),
     ("LastName", "PERSON"), ("Patient Phone No.", "PHONE_NUMBER"), ("Mobile", "PHONE_NUMBER"),
     ("Date of Birth", "DATE"), ("Pt DOB", "DATE"), ("Postcode", "ZIP_CODE"),
     ("Street Address", "STREET_ADDRESS"), ("City", "LOCATION"), ("Policy Number",
     "HEALTH_PLAN_ID"), ("Result", None), ("Units", None), ("pH", None), ("Test Name", None)],
)
def test_header_type(label: str, expected: str | None) -> None:
    assert header_type(label) == expected


def test_every_header_type_is_a_known_entity_type() -> None:
    from redactor.detect.tables import HEADERS

    assert set(HEADERS.values()) <= set(ENTITY_TYPES)


def test_read_header_gives_the_delimiter_and_each_column_type() -> None:
    header = read_header("Name;Ward Bed;Phone")
    assert header is not None
    assert header[0] == ";"
    assert header[1] == ["PERSON", None, "PHONE_NUMBER"]
    assert read_header("Name;MRN,Ward;Phone") is None  # a cell holding another delimiter


def test_split_cells_respects_quotes_and_escaped_quotes() -> None:
    line = 'a,"b ""x"", c", d ,""'
    assert [line[s:e] for s, e in split_cells(line, ",")] == ["a", '"b ""x"", c"', " d ", '""']


@pytest.mark.parametrize("line", ["a,b,,c", ",", "", "a", " a , b ", "a;b,c|d"])
@pytest.mark.parametrize("delimiter", [",", ";", "|"])
def test_split_cells_without_quotes_matches_str_split(line: str, delimiter: str) -> None:
    assert [line[s:e] for s, e in split_cells(line, delimiter)] == line.split(delimiter)


def test_long_inputs_are_linear_enough() -> None:
    """A long table and a long unbalanced-quote line finish (no regex over whole lines)."""
    rows = "".join(f"{i:08d},Person {i},555 {i:04d}\n" for i in range(5000))
    spans = find_table_spans("mrn,name,phone\n" + rows)
    assert len(spans) == 15000
    assert find_table_spans('mrn,name\n"' + "a," * 50000 + "\n") == []


def test_is_a_recognizer_and_answers_per_text() -> None:
    assert isinstance(RECOGNIZER, Recognizer)
    out = RECOGNIZER.detect(["mrn,name\n1234,Li Wei\n", "no table", ""])
    assert [len(spans) for spans in out] == [2, 0, 0]
    assert all(isinstance(s, Span) for s in out[0])


def _members(recognizers: list[Recognizer]) -> list[str]:
    return [m.name for r in recognizers for m in getattr(r, "members", (r,))]


def test_the_patterns_group_builds_it() -> None:
    """A policy with ``patterns: true`` gets the table recognizer (no new policy key)."""
    from redactor.detect.engine import build_recognizers
    from redactor.policy import load_policy

    policy = load_policy("hipaa")
    built = build_recognizers(policy, exclude=("spacy", "transformer"))
    assert built[0].name == "patterns"
    assert _members(built)[:2] == ["patterns", "tables"]
    off = policy.model_copy(update={"detectors": policy.detectors.model_copy(
        update={"patterns": False})})
    assert "tables" not in _members(build_recognizers(off, exclude=("spacy", "transformer")))


def test_the_group_keeps_pattern_spans_exact_and_table_spans_checked() -> None:
    from redactor.detect.patterns import PatternRecognizer
    from redactor.detect.tables import RecognizerGroup

    group = RecognizerGroup("patterns", (PatternRecognizer(), TableRecognizer()))
    assert group.exact_sources == PatternRecognizer().sources
    assert "tables" not in group.exact_sources
    text = "mrn,phone\n00915956,617-555-0143\n"
    sources = {s.source for s in group.detect([text])[0]}
    assert "tables" in sources and any(s.startswith("pattern:") for s in sources)


def test_the_group_fails_closed_on_a_short_answer() -> None:
    from redactor.detect.tables import RecognizerGroup
    from redactor.errors import ModelError

    class Short:
        name = "short"

        def detect(self, texts: list[str]) -> list[list[Span]]:
            return []

    with pytest.raises(ModelError):
        RecognizerGroup("patterns", (TableRecognizer(), Short())).detect(["a", "b"])


REFINE_TEXT = 'mrn,name,ward\n00915956,Ndlovu,4 East\n'


def test_refine_cuts_a_span_across_cells_and_drops_what_a_table_span_covers() -> None:
    from redactor.detect.tables import refine_spans

    table = find_table_spans(REFINE_TEXT)
    across = Span(14, REFINE_TEXT.index("East") + 4, "PHONE_NUMBER", 0.9, "hf_ner")
    inside = Span(REFINE_TEXT.index("Ndlovu"), REFINE_TEXT.index("Ndlovu") + 6, "LOCATION",
                  0.99, "hf_ner")
    out = refine_spans(REFINE_TEXT, [*table, across, inside])
    others = [(REFINE_TEXT[s.start : s.end], s.label) for s in out if s.source != "tables"]
    assert others == [("4 East", "PHONE_NUMBER")]  # the unknown column keeps its piece
    assert [s for s in out if s.source == "tables"] == table
    covered = {i for s in out for i in range(s.start, s.end)}
    assert {i for s in (across, inside) for i in range(s.start, s.end)} - covered <= {
        i for i, c in enumerate(REFINE_TEXT) if c in ',\n'}  # only delimiters lose coverage


def test_refine_leaves_spans_alone_without_accepted_table_spans() -> None:
    from redactor.detect.tables import refine_spans

    across = Span(14, 30, "PHONE_NUMBER", 0.9, "hf_ner")
    assert refine_spans(REFINE_TEXT, [across]) == [across]
    prose = "Seen by Li Wei today."
    span = Span(8, 14, "PERSON", 0.9, "hf_ner")
    assert refine_spans(prose, [span]) == [span]


def test_refine_keeps_spans_outside_the_table() -> None:
    from redactor.detect.tables import refine_spans

    text = "Seen by Li Wei.\n" + REFINE_TEXT + "Call Asma.\n"
    before = Span(8, 14, "PERSON", 0.9, "hf_ner")
    after = Span(text.index("Asma"), text.index("Asma") + 4, "PERSON", 0.9, "hf_ner")
    out = refine_spans(text, [*find_table_spans(text), before, after])
    assert before in out and after in out


def test_the_engine_labels_cells_by_their_header() -> None:
    """With a model that reads a row as one phone number, the engine still reports each
    cell as its column's type."""
    from redactor.detect.engine import Engine
    from redactor.detect.patterns import PatternRecognizer
    from redactor.detect.tables import RecognizerGroup
    from redactor.policy import load_policy

    class RowModel:
        name = "hf_ner"

        def detect(self, texts: list[str]) -> list[list[Span]]:
            return [[Span(14, t.index("4 East"), "PHONE_NUMBER", 0.99, "hf_ner:PHONE_NUMBER")]
                    for t in texts]

    group = RecognizerGroup("patterns", (PatternRecognizer(), TableRecognizer()))
    engine = Engine(load_policy("hipaa"), [group, RowModel()])
    spans = engine.analyze([REFINE_TEXT])[0]
    assert [(REFINE_TEXT[s.start : s.end], s.label) for s in spans] == [
        ("00915956", "MEDICAL_RECORD_NUMBER"), ("Ndlovu", "PERSON")]
