"""BIO over word-aligned sub-words, chunking at safe word boundaries, decoding back to spans."""

from __future__ import annotations

import pytest

from redactor.errors import InputError
from redactor.quality.evaluate import GoldDoc, GoldSpan
from redactor.training.encode import (
    IGNORE,
    LabelSet,
    PredSpan,
    decode_words,
    encode,
    restrict,
    special_tokens,
    word_labels,
)

LABELS = LabelSet.of(["PERSON", "DATE", "AGE"])


def doc(text: str, *spans: tuple[str, str]) -> GoldDoc:
    """A gold doc whose spans are given by their text (first occurrence) and label."""
    out = []
    for value, label in spans:
        start = text.index(value)
        out.append(GoldSpan(start, start + len(value), label))
    return GoldDoc("d", text, tuple(sorted(out)))


def tags(chunk, labels: LabelSet = LABELS) -> list[str]:
    names = labels.labels
    return [names[i] if i != IGNORE else "-" for i in chunk.labels]


def test_label_set_order_and_ids() -> None:
    assert LABELS.labels == ["O", "B-AGE", "I-AGE", "B-DATE", "I-DATE", "B-PERSON", "I-PERSON"]
    assert LABELS.begin("DATE") == 3
    assert [LABELS.type_of(i) for i in range(7)] == [
        None,
        "AGE",
        "AGE",
        "DATE",
        "DATE",
        "PERSON",
        "PERSON",
    ]


@pytest.mark.parametrize("types", [["PERSON", "NOT_A_TYPE"], []])
def test_label_set_rejects_unknown_or_empty(types: list[str]) -> None:
    with pytest.raises(InputError):
        LabelSet.of(types)


def test_special_tokens_of_bert(tiny_tokenizer) -> None:
    prefix, suffix = special_tokens(tiny_tokenizer)
    assert tiny_tokenizer.convert_ids_to_tokens(prefix) == ["[CLS]"]
    assert tiny_tokenizer.convert_ids_to_tokens(suffix) == ["[SEP]"]


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # "nguyen" is one vocabulary word; "okafor" is o ##k ##a ##f ##o ##r: only "o" is labelled
        (
            "Dr. Okafor was seen",
            [("Okafor", "PERSON")],
            ["-", "O", "O", "B-PERSON", "-", "-", "-", "-", "-", "O", "O", "-"],
        ),
        (
            "mary ann lee call",
            [("mary ann lee", "PERSON")],
            ["-", "B-PERSON", "I-PERSON", "I-PERSON", "O", "-"],
        ),
        # two adjacent people: the second starts with B-
        (
            "mary, lee",
            [("mary", "PERSON"), ("lee", "PERSON")],
            ["-", "B-PERSON", "O", "B-PERSON", "-"],
        ),
        # a span covering part of a word labels the whole word ("25yo": 2 ##5 ##y ##o)
        ("25yo", [("25", "AGE")], ["-", "B-AGE", "-", "-", "-", "-"]),
        # punctuation inside a span continues it
        ("on 3/4 at", [("3/4", "DATE")], ["-", "O", "B-DATE", "I-DATE", "I-DATE", "O", "-"]),
        # a type outside the label set is O
        ("call nguyen", [("nguyen", "LOCATION")], ["-", "O", "O", "-"]),
    ],
)
def test_bio_on_first_subtoken(tiny_tokenizer, text, spans, expected) -> None:
    gold = GoldDoc(
        "d",
        text,
        tuple(sorted(GoldSpan(text.index(v), text.index(v) + len(v), label) for v, label in spans)),
    )
    (chunk,) = encode([gold], tiny_tokenizer, LABELS, 64)
    assert tags(chunk) == expected
    assert len(chunk.words) == sum(label != IGNORE for label in chunk.labels)


def test_word_labels_pick_largest_overlap() -> None:
    words = [(0, 0, 4), (1, 5, 9)]
    spans = [GoldSpan(0, 2, "AGE"), GoldSpan(1, 9, "PERSON")]  # overlaps word 0 by 2 and by 3
    assert [LABELS.labels[i] for i in word_labels(words, spans, LABELS)] == ["B-PERSON", "I-PERSON"]


def test_long_documents_chunk_at_safe_boundaries(tiny_tokenizer) -> None:
    lines = [f"name mary ann lee {i}/{i + 1} at the date seen on the patient" for i in range(1, 30)]
    text = "\n".join(lines)
    spans = []
    for i in range(len(lines)):
        offset = sum(len(x) + 1 for x in lines[:i])
        spans.append(GoldSpan(offset + 5, offset + 17, "PERSON"))
        date = f"{i + 1}/{i + 2}"
        spans.append(GoldSpan(offset + 18, offset + 18 + len(date), "DATE"))
    gold = GoldDoc("long", text, tuple(spans))
    chunks = encode([gold], tiny_tokenizer, LABELS, 24)
    assert len(chunks) > 5
    assert all(len(c.input_ids) <= 24 for c in chunks)
    words = [w for c in chunks for w in c.words]
    assert words == sorted(words) and len(set(words)) == len(words)
    for c in chunks:  # no chunk starts inside an entity
        first = next(label for label in c.labels if label != IGNORE)
        assert LABELS.labels[first][0] in "OB"
    # round trip: the gold labels decode back to the gold spans
    ids = [label for c in chunks for label in c.labels if label != IGNORE]
    decoded = decode_words(text, words, ids, LABELS, merge_adjacent=False)
    assert [(s.start, s.end, s.label) for s in decoded] == [
        (s.start, s.end, s.label) for s in spans
    ]


@pytest.mark.parametrize(
    ("labels", "merge", "expected"),
    [
        (["B-PERSON", "I-PERSON", "O"], True, [(0, 9, "PERSON")]),
        (["B-PERSON", "B-PERSON", "O"], True, [(0, 9, "PERSON")]),
        (["B-PERSON", "B-PERSON", "O"], False, [(0, 4, "PERSON"), (5, 9, "PERSON")]),
        (["B-PERSON", "I-PERSON", "B-DATE"], False, [(0, 9, "PERSON"), (10, 13, "DATE")]),
        (["O", "I-PERSON", "I-PERSON"], False, [(5, 13, "PERSON")]),
        (["O", "O", "O"], True, []),
    ],
)
def test_decode_words(labels: list[str], merge: bool, expected: list[tuple]) -> None:
    text = "mary leee 3/4"
    words = [(0, 4), (5, 9), (10, 13)]
    ids = [LABELS.label2id[label] for label in labels]
    got = decode_words(text, words, ids, LABELS, merge_adjacent=merge)
    assert got == [PredSpan(*e) for e in expected]


def test_decode_does_not_join_across_commas() -> None:
    text = "lee, mary"
    ids = [LABELS.label2id["B-PERSON"], 0, LABELS.label2id["B-PERSON"]]
    got = decode_words(text, [(0, 3), (3, 4), (5, 9)], ids, LABELS)
    assert got == [PredSpan(0, 3, "PERSON"), PredSpan(5, 9, "PERSON")]


def test_restrict_maps_and_drops() -> None:
    gold = GoldDoc("d", "john in paris", (GoldSpan(0, 4, "person"), GoldSpan(8, 13, "location")))
    (out,) = restrict([gold], {"person": "PERSON", "location": None})
    assert [(s.start, s.end, s.label) for s in out.spans] == [(0, 4, "PERSON")]
