"""Scores of redactor.quality.evaluate against hand-computed numbers."""

from __future__ import annotations

import json

import pytest

from redactor.errors import InputError
from redactor.quality.evaluate import (
    CharScore,
    GoldSpan,
    Score,
    evaluate,
    label_counts,
    load_conll,
    load_gold_jsonl,
    missed_spans,
)
from redactor.span import Span

TEXT = "John Smith lives in Boston."
#       0123456789012345678901234567
GOLD = [GoldSpan(0, 10, "PERSON"), GoldSpan(20, 26, "LOCATION")]
PRED = [Span(0, 4, "PERSON"), Span(11, 16, "DATE"), Span(20, 26, "LOCATION")]


def test_type_blind_exact_and_overlap():
    rep = evaluate([GOLD], [PRED], [TEXT])
    assert rep.exact == Score(n_gold=2, n_pred=3, gold_found=1, pred_correct=1)
    assert rep.exact.recall == pytest.approx(1 / 2)
    assert rep.exact.precision == pytest.approx(1 / 3)
    assert rep.exact.f1 == pytest.approx(0.4)
    assert rep.overlap == Score(2, 3, 2, 2)
    assert rep.overlap.recall == 1.0
    assert rep.overlap.precision == pytest.approx(2 / 3)
    assert rep.overlap.f1 == pytest.approx(0.8)


def test_character_scores_skip_whitespace():
    rep = evaluate([GOLD], [PRED], [TEXT])
    # gold: "JohnSmith" (9) + "Boston" (6); pred: "John" (4) + "lives" (5) + "Boston" (6)
    assert rep.chars == CharScore(gold_chars=15, pred_chars=15, covered_chars=10)
    assert rep.chars.recall == pytest.approx(2 / 3)
    assert rep.chars.leak_rate == pytest.approx(1 / 3)
    assert rep.chars.precision == pytest.approx(2 / 3)


def test_per_type_counts_only_same_label():
    rep = evaluate([GOLD], [PRED], [TEXT])
    person = rep.per_type["PERSON"]
    assert person.exact == Score(1, 1, 0, 0)
    assert person.overlap == Score(1, 1, 1, 1)
    assert person.chars.gold_chars == 9 and person.chars.covered_chars == 4
    assert rep.per_type["LOCATION"].exact == Score(1, 1, 1, 1)
    date = rep.per_type["DATE"]
    assert date.overlap == Score(0, 1, 0, 0)
    assert date.overlap.recall is None and date.overlap.precision == 0.0


def test_wrong_type_counts_type_blind_only():
    rep = evaluate([[GoldSpan(0, 10, "PERSON")]], [[Span(0, 10, "LOCATION")]], [TEXT])
    assert rep.exact.recall == 1.0 and rep.exact.precision == 1.0
    assert rep.per_type["PERSON"].overlap.recall == 0.0
    assert rep.per_type["LOCATION"].overlap.precision == 0.0
    assert rep.per_type["PERSON"].chars.recall == 1.0  # characters are covered, whatever the type


@pytest.mark.parametrize(
    ("labels", "n_gold", "n_pred", "found_exact"),
    [
        (None, 2, 3, 1),
        ({"PERSON"}, 1, 1, 0),
        ({"LOCATION", "DATE"}, 1, 2, 1),
        ({"ZIP_CODE"}, 0, 0, 0),
    ],
)
def test_label_filter_applies_to_both_sides(labels, n_gold, n_pred, found_exact):
    rep = evaluate([GOLD], [PRED], [TEXT], labels=labels)
    assert (rep.exact.n_gold, rep.exact.n_pred, rep.exact.gold_found) == (
        n_gold,
        n_pred,
        found_exact,
    )
    if labels is not None:
        assert set(rep.per_type) <= set(labels)


def test_one_prediction_covering_two_gold_spans():
    text = "Ann Lee and Bo Li"
    gold = [GoldSpan(0, 7, "PERSON"), GoldSpan(12, 17, "PERSON")]
    pred = [Span(0, 17, "PERSON")]
    rep = evaluate([gold], [pred], [text])
    assert rep.overlap == Score(2, 1, 2, 1)
    assert rep.exact == Score(2, 1, 0, 0)
    # gold 6 + 4 = 10 non-space chars; prediction 13 non-space chars ("and" is not gold)
    assert rep.chars == CharScore(10, 13, 10)


def test_counts_add_up_over_documents():
    texts = [TEXT, "Call 555-0100 now", "nothing here"]
    gold = [GOLD, [GoldSpan(5, 13, "PHONE_NUMBER")], []]
    pred = [PRED, [], [Span(0, 7, "PERSON")]]
    rep = evaluate(gold, pred, texts)
    assert rep.n_docs == 3
    assert rep.overlap == Score(3, 4, 2, 2)
    assert rep.per_type["PHONE_NUMBER"].overlap.recall == 0.0
    assert rep.per_type["PERSON"].overlap == Score(1, 2, 1, 1)
    assert rep.chars.gold_chars == 15 + 8


def test_group_facets():
    text = "Hanh Nguyen met Ola Nowak"
    gold = [
        GoldSpan(0, 11, "PERSON", group="origin=vi_VN;gender=female"),
        GoldSpan(16, 25, "PERSON", group="origin=pl_PL;gender=female"),
    ]
    rep = evaluate([gold], [[Span(0, 4, "PERSON")]], [text])
    assert rep.by_group["gender=female"] == Score(2, 0, 1, 0)
    assert rep.by_group["origin=vi_VN"].recall == 1.0
    assert rep.by_group["origin=pl_PL"].recall == 0.0


def test_empty_input_gives_undefined_ratios():
    rep = evaluate([], [], [])
    assert rep.overlap.recall is None and rep.overlap.precision is None and rep.overlap.f1 is None
    assert rep.chars.leak_rate is None
    assert json.loads(json.dumps(rep.to_dict()))["type_blind"]["overlap"]["recall"] is None


@pytest.mark.parametrize(
    ("gold", "pred", "texts"),
    [
        ([[]], [], ["a"]),
        ([[GoldSpan(0, 5, "PERSON")]], [[]], ["abc"]),
        ([[]], [[Span(2, 9, "PERSON")]], ["abc"]),
    ],
)
def test_bad_input_raises_without_text(gold, pred, texts):
    with pytest.raises(InputError) as err:
        evaluate(gold, pred, texts)
    assert "abc" not in str(err.value)


def test_report_dict_and_table():
    rep = evaluate([GOLD], [PRED], [TEXT], labels={"PERSON", "LOCATION", "DATE"})
    d = json.loads(json.dumps(rep.to_dict()))
    assert d["labels"] == ["DATE", "LOCATION", "PERSON"]
    assert d["type_blind"]["exact"]["gold_found"] == 1
    assert d["per_type"]["PERSON"]["overlap"]["recall"] == 1.0
    assert "pred_chars" not in d["per_type"]["PERSON"]["chars"]
    table = rep.format_table()
    assert "ALL (type-blind)" in table and "LOCATION" in table
    assert "John" not in table and "John" not in json.dumps(d)


def test_missed_spans():
    missed = missed_spans([GOLD], [PRED], exact=True)
    assert missed == [(0, GoldSpan(0, 10, "PERSON"))]
    assert missed_spans([GOLD], [PRED]) == []
    assert missed_spans([GOLD], [[]], labels={"LOCATION"}) == [(0, GOLD[1])]


def test_load_gold_jsonl(tmp_path):
    path = tmp_path / "g.jsonl"
    recs = [
        {"id": "a", "kind": "plain", "text": TEXT, "spans": [
            {"start": 20, "end": 26, "type": "LOCATION"},
            {"start": 0, "end": 10, "type": "PERSON", "group": "origin=en_US", "field": "p1"},
        ]},
        {"id": "b", "text": "x", "spans": []},
    ]  # fmt: skip
    path.write_text("\n".join(json.dumps(r) for r in recs) + "\n\n", encoding="utf-8")
    docs = load_gold_jsonl(path)
    assert [d.id for d in docs] == ["a", "b"]
    assert docs[0].spans[0] == GoldSpan(0, 10, "PERSON", "origin=en_US", "p1")
    assert docs[0].meta == {"kind": "plain"}
    assert label_counts(docs) == {"PERSON": 1, "LOCATION": 1}


@pytest.mark.parametrize(
    "line",
    [
        "not json",
        '{"id": "a", "text": "abc"}',
        '{"id": "a", "text": "abc", "spans": [{"start": 1, "end": 9, "type": "X"}]}',
        '{"id": "a", "text": "abc", "spans": [{"start": 2, "end": 1, "type": "X"}]}',
    ],
)
def test_load_gold_jsonl_errors_name_the_line(tmp_path, line):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "ok", "text": "t", "spans": []}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2"):
        load_gold_jsonl(path)


CONLL = (
    "You\tO\nshould\tO\nvisit\tO\nRedondo\tB-location\nBeach\tI-location\nBlvd\tI-location\n"
    "with\tO\nemma\tB-person\nand\tO\nkaite\tI-person\n.\tO\n\t\n"
    "Rick\tB-creative-work\nand\tI-creative-work\nMorty\tI-creative-work\n\n\n"
    "Apple\tB-corporation\nrocks\tO\n"
)


def test_load_conll_rebuilds_text_and_offsets(tmp_path):
    path = tmp_path / "x.conll"
    path.write_text(CONLL, encoding="utf-8")
    docs = load_conll(path)
    assert len(docs) == 3
    first = docs[0]
    assert first.text == "You should visit Redondo Beach Blvd with emma and kaite ."
    got = [(first.text[s.start : s.end], s.label) for s in first.spans]
    # an I- tag after O starts a new span (IOB1 tolerance)
    assert got == [("Redondo Beach Blvd", "location"), ("emma", "person"), ("kaite", "person")]
    assert docs[1].spans == (GoldSpan(0, 14, "creative-work"),)
    assert docs[2].id == "x.conll:2"


def test_load_conll_label_map_drops_unmapped(tmp_path):
    path = tmp_path / "x.conll"
    path.write_text(CONLL, encoding="utf-8")
    docs = load_conll(path, label_map={"person": "PERSON", "location": "LOCATION",
                                       "creative-work": None})  # fmt: skip
    assert [s.label for s in docs[0].spans] == ["LOCATION", "PERSON", "PERSON"]
    assert docs[1].spans == ()
    assert docs[2].spans == ()  # corporation is not in the map


@pytest.mark.parametrize("tag", ["X-person", "B-", "E-person", "person"])
def test_load_conll_rejects_bad_tags(tmp_path, tag):
    path = tmp_path / "bad.conll"
    path.write_text(f"a\tO\nb\t{tag}\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2"):
        load_conll(path)


def test_gold_span_checks_offsets():
    with pytest.raises(ValueError):
        GoldSpan(3, 3, "PERSON")
    with pytest.raises(ValueError):
        GoldSpan(0, 1, "")


def test_a_detection_that_changes_nothing_is_no_false_alarm():
    """A year HIPAA keeps as written ("arrived in 2009") is found but changes no text: no false
    alarm. A year over 89 years ago, which the policy generalises, is one; a gold span counts."""
    from redactor.policy import load_policy
    from redactor.quality.evaluate import GoldDoc, GoldSpan, counts_as_detection
    from redactor.span import Span

    hipaa = load_policy("hipaa")
    text = "Ms. Rao arrived in 2009; her mother in 1901."
    doc = GoldDoc("a", text, (GoldSpan(4, 7, "PERSON"),))
    spans = [Span(text.index(v), text.index(v) + len(v), label, 0.9, "test")
             for v, label in (("Rao", "PERSON"), ("2009", "DATE"), ("1901", "DATE"))]
    assert [counts_as_detection(doc, s, hipaa) for s in spans] == [True, False, True]
