"""The review queue (uncertainty sampling, diversity, formats) and folding corrections back."""

import json
import stat
from dataclasses import dataclass

import pytest

from redactor.detect.engine import Engine
from redactor.errors import InputError
from redactor.policy import Policy, load_policy
from redactor.review.corrections import (
    Correction,
    load_corrections,
    merged_lists,
    policy_entries,
    split_heldout,
    training_records,
    write_policy,
)
from redactor.review.explain import trace_texts
from redactor.review.queue import Item, all_items, items_of, queue_records, select, write_queue
from redactor.span import Span


@dataclass
class PerText:
    """A fake recognizer: given spans per text."""

    spans: dict
    name: str = "model"

    def detect(self, texts):
        return [list(self.spans.get(t, [])) for t in texts]


POLICY = Policy.from_mapping({"name": "t", "threshold": 0.5,
                              "entities": {"PERSON": {"action": "redact"},
                                           "ORGANIZATION": {"action": "keep"}}})
A = "Ann Lee met Bob Roy in Paris"
B = "Carl Dunn wrote to Dora Fay"


def _traces(spans, texts=(A, B)):
    engine = Engine(POLICY, [PerText(spans)])
    return trace_texts(engine, list(texts), doc_ids=[f"d{i}" for i in range(len(texts))])


def test_uncertainty_ranks_near_threshold_disagreement_and_narrow_drops():
    traces = _traces({A: [
        Span(0, 7, "PERSON", 0.99, "model:a"), Span(0, 7, "PERSON", 0.99, "names:x"),  # sure
        Span(12, 19, "PERSON", 0.52, "model:a"),                     # just above 0.5
        Span(23, 28, "LOCATION", 0.9, "model:a"), Span(23, 28, "PERSON", 0.6, "spacy:P"),
    ], B: [Span(0, 9, "PERSON", 0.46, "model:a"),                    # dropped narrowly
           Span(19, 27, "PERSON", 0.05, "model:a")]})                # far below: not an item
    items = {(it.doc, it.start): it for it in all_items(traces)}
    assert set(items) == {(0, 0), (0, 12), (0, 23), (1, 0)}
    sure, near, disagree, narrow = items[0, 0], items[0, 12], items[0, 23], items[1, 0]
    assert near.score > sure.score and disagree.score > sure.score
    assert "recognizers disagree: LOCATION/PERSON" in disagree.why
    assert not narrow.kept and narrow.score > 0.7 and "dropped narrowly" in narrow.why[0]
    assert sure.why == ("found once",)  # two recognizers, far from the threshold
    assert items_of(traces[0], 0)[0].why == ()  # without the input's counts, no bonus


def test_found_once_is_a_bonus():
    traces = _traces({A: [Span(0, 7, "PERSON", 0.9, "model:a")],
                      B: [Span(0, 9, "PERSON", 0.9, "model:a")]}, texts=(A, B, A))
    items = all_items(traces)
    by_doc = {it.doc: it for it in items}
    assert "found once" in by_doc[1].why and "found once" not in by_doc[0].why
    assert by_doc[1].score > by_doc[0].score


def test_select_is_diverse_and_never_repeats_a_value():
    texts = ["Ann L.....Bob R.....Cid D..", "Eve F", "Ann L."]
    items = [Item(0, 0, 5, "PERSON", 0.9, (), True), Item(0, 10, 15, "PERSON", 0.89, (), True),
             Item(0, 20, 25, "PERSON", 0.88, (), True), Item(1, 0, 5, "LOCATION", 0.76, (), True),
             Item(2, 0, 5, "PERSON", 0.95, (), True), Item(2, 0, 6, "PERSON", 0.2, (), True)]
    chosen = select(items, 3, texts)
    # doc 2's "Ann L" first; doc 0's "Ann L" is the same value and never picked; the penalty
    # per document and type sends the third place to doc 1 rather than doc 0 again
    assert [(c.doc, c.start, c.end) for c in chosen] == [(2, 0, 5), (0, 10, 15), (1, 0, 5)]
    everything = select(items, 10, texts)
    assert len(everything) == 5 and (0, 0, 5) not in [(c.doc, c.start, c.end) for c in everything]
    assert select(items, 0, texts) == []


def test_queue_records_doccano_and_label_studio(tmp_path):
    traces = _traces({A: [Span(0, 7, "PERSON", 0.55, "model:a")], B: []})
    chosen = select(all_items(traces), 5, [t.text for t in traces])
    (rec,) = queue_records(chosen, traces, files=["a.txt", "b.txt"])
    assert rec["text"] == A and rec["label"] == [[0, 7, "PERSON"]] == rec["predicted"]
    assert rec["file"] == "a.txt" and rec["review"][0]["start"] == 0
    (task,) = queue_records(chosen, traces, fmt="label-studio", model_version="v")
    result = task["predictions"][0]["result"][0]
    assert task["data"]["text"] == A and result["value"] == {
        "start": 0, "end": 7, "text": "Ann Lee", "labels": ["PERSON"]}
    with pytest.raises(ValueError):
        queue_records(chosen, traces, fmt="csv")
    path = tmp_path / "q.jsonl"
    path.write_text("old")
    path.chmod(0o644)
    write_queue([rec], path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert json.loads(path.read_text()) == rec
    write_queue([task], tmp_path / "ls.json", "label-studio")
    assert json.loads((tmp_path / "ls.json").read_text()) == [task]


def test_load_corrections_reads_doccano_and_label_studio(tmp_path):
    doccano = tmp_path / "done.jsonl"
    doccano.write_text(
        json.dumps({"text": A, "label": [[0, 7, "PERSON"]], "predicted": [[12, 19, "PERSON"]]})
        + "\n" + json.dumps({"text": B, "entities": [
            {"id": 1, "start_offset": 0, "end_offset": 9, "label": "PERSON"}]}) + "\n")
    first, second = load_corrections(doccano)
    assert first.gold == (Span(0, 7, "PERSON", 1.0, "review"),)
    assert first.predicted == (Span(12, 19, "PERSON", 1.0, "engine"),)
    assert second.gold[0].end == 9 and second.predicted is None
    ls = tmp_path / "ls.json"
    ls.write_text(json.dumps([
        {"data": {"text": A, "predicted": []}, "annotations": [{"result": [
            {"value": {"start": 23, "end": 28, "labels": ["LOCATION"]}}]}]},
        {"data": {"text": B}, "annotations": []},  # not reviewed: left out
    ]))
    (only,) = load_corrections(ls)
    assert only.gold == (Span(23, 28, "LOCATION", 1.0, "review"),) and only.predicted == ()
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"text": "ab", "label": [[0, 5, "PERSON"]]}) + "\n")
    with pytest.raises(InputError, match="outside the text"):
        load_corrections(bad)
    bad.write_text(json.dumps({"text": "ab", "label": [[0, 2, "PERSONA"]]}) + "\n")
    with pytest.raises(InputError, match="unknown entity type"):
        load_corrections(bad)


def _c(text, gold, pred):
    return Correction("x", text, tuple(Span(*g) for g in gold), tuple(Span(*p) for p in pred))


def test_policy_entries_from_what_the_reviewer_changed():
    corrections = [
        _c(A, gold=[(0, 7, "PERSON"), (23, 28, "LOCATION")],        # Paris missed: deny
           pred=[(0, 7, "PERSON"), (12, 19, "PERSON")]),            # Bob Roy removed: allow
        _c(B, gold=[(0, 9, "PERSON")], pred=[(0, 9, "LOCATION"),     # retyped: deny as PERSON
                                             (19, 20, "PERSON")]),   # "D": too short
        _c("Bob Roy again", gold=[], pred=[(0, 7, "PERSON")]),      # removed twice: allow
        _c("Cid Orr", gold=[], pred=[(0, 7, "PERSON")]),            # removed once: not yet
    ]
    allow, deny = policy_entries(corrections)
    assert allow == ["Bob Roy"] and policy_entries(corrections, min_allow=1)[0] == [
        "Bob Roy", "Cid Orr"]
    assert deny == {"LOCATION": ["Paris"], "PERSON": ["Carl Dunn"]}
    # a value marked as an entity anywhere is never allowed
    conflict = [*corrections, _c("Bob Roy", gold=[(0, 7, "PERSON")], pred=[(0, 7, "PERSON")])]
    assert policy_entries(conflict)[0] == []
    with pytest.raises(ValueError):
        policy_entries([Correction("y", A, (), None)])


def test_written_policy_extends_the_original_and_keeps_its_lists(tmp_path):
    parent = tmp_path / "p.yaml"
    parent.write_text("name: p\nallow: [Mayo]\ndeny: {PERSON: [Zed Q]}\n"
                      "detectors: {patterns: true, names: false}\nentities: {}\n")
    loaded = load_policy(parent)
    out = write_policy(tmp_path / "r.yaml", str(parent), loaded, ["Bob Roy"],
                       {"PERSON": ["Carl Dunn", "zed q"]})
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    child = load_policy(out)
    assert child.name == "p-reviewed" and child.allow == ("Mayo", "Bob Roy")
    assert child.deny == {"PERSON": ("Zed Q", "Carl Dunn")}
    assert child.detectors.names is False  # the rest comes from the parent
    (spans,) = Engine.from_policy(child).analyze(["Carl Dunn and Bob Roy"])
    assert [(s.start, s.end) for s in spans] == [(0, 9)]
    assert merged_lists([], {}, ["a"], {}) == (["a"], {})


def test_split_heldout_is_seeded_and_training_records_round_trip():
    docs = [_c(f"text {i}", [(0, 4, "PERSON")], []) for i in range(10)]
    keep, back = split_heldout(docs, 0.3, seed=1)
    assert len(back) == 3 and len(keep) == 7 and split_heldout(docs, 0.3, seed=1)[1] == back
    assert split_heldout(docs, 0.0)[1] == []
    assert training_records(docs[:1]) == [
        {"id": "x", "text": "text 0", "spans": [{"start": 0, "end": 4, "type": "PERSON"}]}]
