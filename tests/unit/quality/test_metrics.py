"""Audit metrics: the sample table, group metrics via fairlearn, and bootstrap intervals."""

from __future__ import annotations

import numpy as np
import pytest

from redactor.quality.evaluate import GoldDoc, GoldSpan
from redactor.quality.metrics import compute, metric_frame, samples
from redactor.quality.origins import ORIGIN_KEYS
from redactor.quality.synth import facet, generate
from redactor.span import Span

K = "origin=kenya;gender=female"
V = "origin=vietnam;gender=male"


def doc(text, spans, group=K):
    return GoldDoc("d", text, tuple(spans), {"group": group})


def test_sample_rows_found_partial_and_spurious():
    text = "Pt Ana  Souza, Dr Le Van An, Tylenol"
    #       0123456789012345678901234567890123456
    gold = [GoldSpan(3, 13, "PERSON", K), GoldSpan(18, 27, "PERSON", V)]
    pred = [Span(3, 13, "PERSON"), Span(18, 20, "PERSON"), Span(29, 36, "ORGANIZATION")]
    table = samples([doc(text, gold)], [pred], {"PERSON", "ORGANIZATION"})
    rows = table.to_dict("records")
    assert rows[0] == {"doc": 0, "label": "PERSON", "origin": "kenya", "gender": "female",
                            "y_true": 1, "y_pred": 1, "chars": 8, "leaked": 0, "full": 1}
    # "Le Van An": found (overlap) but only "Le" covered: 5 of 7 letters leak.
    assert (rows[1]["y_pred"], rows[1]["chars"], rows[1]["leaked"], rows[1]["full"]) == (1, 7, 5, 0)
    # The spurious detection counts for its own label and the document subject's group.
    assert rows[2] == {"doc": 0, "label": "ORGANIZATION", "origin": "kenya",
                            "gender": "female", "y_true": 0, "y_pred": 1, "chars": 0, "leaked": 0,
                            "full": 0}


def test_labels_outside_the_policy_are_ignored_on_both_sides():
    text = "Ana Souza, Catholic"
    gold = [GoldSpan(0, 9, "PERSON", K), GoldSpan(11, 19, "NRP", K)]
    pred = [Span(11, 19, "NRP")]
    table = samples([doc(text, gold)], [pred], {"PERSON"})
    assert table["label"].tolist() == ["PERSON"] and table["y_pred"].tolist() == [0]


def test_a_detection_of_another_label_still_finds_the_identifier():
    text = "call 555-0100 now"
    table = samples([doc(text, [GoldSpan(5, 13, "PHONE_NUMBER", K)])],
                    [[Span(5, 13, "US_SSN")]], {"PHONE_NUMBER", "US_SSN"})
    assert table["y_pred"].tolist() == [1] and len(table) == 1


@pytest.fixture(scope="module")
def audit_docs(hipaa):
    return generate(84, 5, labels=hipaa.entity_labels)


def test_perfect_detection_scores_one_everywhere(audit_docs, hipaa):
    m = compute(audit_docs, [list(d.spans) for d in audit_docs], hipaa.entity_labels, n_boot=40)
    assert m["overall"]["recall"] == 1.0 and m["overall"]["leak_rate"] == 0.0
    assert m["overall"]["precision"] == 1.0 and m["overall"]["n_spurious"] == 0
    origin = m["person_groups"]["origin"]
    assert len(origin["by_group"]) == len(ORIGIN_KEYS)
    assert origin["difference"]["recall"] == 0.0 and origin["ratio"]["recall"] == 1.0
    assert origin["recall_gap_ci"] == [0.0, 0.0]
    assert len(m["person_groups"]["origin_x_gender"]["by_group"]) == 2 * len(ORIGIN_KEYS)
    assert m["evaluation"]["type_blind"]["overlap"]["recall"] == 1.0


def test_missing_one_origin_shows_in_its_group_and_the_gap(audit_docs, hipaa):
    def keep(s):
        return not (s.label == "PERSON" and facet(s.group, "origin") == "china")

    pred = [[s for s in d.spans if keep(s)] for d in audit_docs]
    m = compute(audit_docs, pred, hipaa.entity_labels, n_boot=40)
    origin = m["person_groups"]["origin"]
    assert origin["by_group"]["china"]["recall"] == 0.0
    assert origin["by_group"]["china"]["leak_rate"] == 1.0
    assert origin["worst"] == "china" and origin["difference"]["recall"] == 1.0
    assert origin["ratio"]["recall"] == 0.0
    assert m["per_entity"]["PERSON"]["recall"] < 1.0
    assert m["per_entity"]["DATE"]["recall"] == 1.0
    # Every identifier of a Chinese person: names are missed, the rest is found.
    china_all = m["all_identifier_groups"]["origin"]["by_group"]["china"]
    assert 0.0 < china_all["recall"] < 1.0


def test_intervals_bracket_the_estimate(audit_docs, hipaa):
    rng = np.random.default_rng(0)
    pred = [[s for s in d.spans if rng.random() < 0.8] for d in audit_docs]
    m = compute(audit_docs, pred, hipaa.entity_labels, n_boot=200)
    for name, row in m["person_groups"]["origin"]["by_group"].items():
        lo, hi = row["recall_ci"]
        assert 0.0 <= lo <= row["recall"] <= hi <= 1.0, name
        if 0.0 < row["recall"] < 1.0:  # a group with every span found has the interval [1, 1]
            assert lo < hi, name
    lo, hi = m["person_groups"]["origin"]["recall_gap_ci"]
    assert 0.0 < lo < hi <= 1.0


def test_the_same_seed_gives_the_same_intervals(audit_docs, hipaa):
    pred = [[s for i, s in enumerate(d.spans) if i % 3] for d in audit_docs]
    a = compute(audit_docs, pred, hipaa.entity_labels, n_boot=50, seed=1)
    b = compute(audit_docs, pred, hipaa.entity_labels, n_boot=50, seed=1)
    assert a == b


def test_metric_frame_difference_is_the_spread_of_group_recalls(audit_docs, hipaa):
    pred = [[s for i, s in enumerate(d.spans) if i % 4] for d in audit_docs]
    table = samples(audit_docs, pred, hipaa.entity_labels)
    mf = metric_frame(table[table["label"] == "PERSON"], ["origin"])
    recalls = mf.by_group["recall"]
    assert mf.difference()["recall"] == pytest.approx(recalls.max() - recalls.min())
    assert mf.ratio()["recall"] == pytest.approx(recalls.min() / recalls.max())
