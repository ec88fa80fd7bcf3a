"""Whose data a document holds."""

from __future__ import annotations

from redactor.document import Document
from redactor.pipeline.subjects import subject_for


def test_the_subject_field_names_the_subject() -> None:
    doc = Document("f.jsonl:1:/note", "x", {"record": {"patient": {"id": 7}}, "line": 1})
    assert subject_for(doc, "f.jsonl", "patient.id") == "subject:7"
    csv = Document("f.csv:2:1", "x", {"record": {"mrn": " A1 "}, "row": 2})
    assert subject_for(csv, "f.csv", "mrn") == "subject:A1"


def test_without_the_field_the_record_is_the_subject() -> None:
    doc = Document("f.csv:2:1", "x", {"record": {"mrn": ""}, "row": 2})
    assert subject_for(doc, "f.csv", "mrn") == "f.csv:row:2"
    assert subject_for(doc, "f.csv", None) == "f.csv:row:2"
    line = Document("f.jsonl:3:/a", "x", {"record": {"a": "x"}, "line": 3})
    assert subject_for(line, "f.jsonl", "patient.id") == "f.jsonl:line:3"


def test_a_text_file_is_its_own_subject() -> None:
    assert subject_for(Document("notes.txt", "x"), "notes.txt", "mrn") == "notes.txt"
