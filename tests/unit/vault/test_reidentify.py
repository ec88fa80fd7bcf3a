"""reidentify's index: entries written before positional document ids are found by content."""

from redactor.vault.reidentify import VaultIndex, positional_ids
from redactor.vault.store import Segment, VaultDocument, VaultSpan, text_digest

OLD = {"text_fields": [], "columns": [], "encoding": "utf-8"}
NEW = OLD | {"redact_keys": False}


def _doc(doc_id: str, text: str, file: str = "v.csv") -> VaultDocument:
    span = VaultSpan(0, 3, "PERSON", "pseudonymize", text[:3], "Ann")
    return VaultDocument(doc_id, text_digest(text), "", file, (span,))


def test_segments_know_their_id_scheme():
    assert not positional_ids(Segment([], OLD))
    assert positional_ids(Segment([], NEW)) and positional_ids(Segment([], {}))


def test_old_entries_of_a_file_are_matched_by_digest_in_write_order():
    first, second = _doc("v.csv:1:note", "Bob came"), _doc("v.csv:2:note", "Bob came")
    index = VaultIndex.from_segments([Segment([first, second], OLD)])
    assert index.find("v.csv:1:3", "Bob came", "v.csv") == (first, True)
    assert index.find("v.csv:2:3", "Bob came", "v.csv") == (second, True)
    assert index.legacy_left(["v.csv"]) == []


def test_unmatched_old_entries_are_reported_and_a_later_run_replaces_them():
    old = _doc("v.csv:1:note", "Bob came")
    index = VaultIndex.from_segments([Segment([old], OLD)])
    assert index.find("v.csv:1:3", "Bob went", "v.csv") == (None, False)  # edited: no guess
    assert index.legacy_left(["v.csv"]) == [old] and index.legacy_left(["w.csv"]) == []
    new = _doc("v.csv:1:3", "Cyd came")
    rerun = VaultIndex.from_segments([Segment([old], OLD), Segment([new], NEW)])
    assert rerun.legacy_left(["v.csv"]) == []
    assert rerun.find("v.csv:1:3", "Cyd came", "v.csv") == (new, True)
