"""The documents written in the held-out sets' styles (``benchmarks/data/written.jsonl``) are
well-formed gold, and ``eval_written.py`` groups them as its docstring says."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise
from pathlib import Path

import pytest
from fakes import script_module

from redactor.entities import ENTITY_TYPES
from redactor.quality.evaluate import load_gold_jsonl

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "benchmarks" / "data" / "written.jsonl"
SCRIPT = ROOT / "benchmarks" / "eval_written.py"


@pytest.fixture(scope="module")
def docs():
    return load_gold_jsonl(DATA)


def test_every_span_is_a_known_type_inside_its_text_and_apart(docs) -> None:
    assert len(docs) == 6350 and sum(len(d.spans) for d in docs) == 33061
    assert len({d.id for d in docs}) == len(docs)  # ids name one document each
    for doc in docs:
        assert "{{" not in doc.text and "}}" not in doc.text  # the markup is gone
        spans = sorted(doc.spans, key=lambda s: s.start)
        for span, after in pairwise(spans):
            assert span.end <= after.start, (doc.id, span, after)
        for span in spans:
            value = doc.text[span.start : span.end]
            assert span.label in ENTITY_TYPES and value.strip() == value and value, (
                doc.id, span)


def test_sets_and_styles_are_the_documented_ones(docs) -> None:
    kinds = Counter((d.meta["set"], d.meta["style"]) for d in docs)
    styles = ("nursing", "discharge", "court", "news")
    assert set(kinds) == {("w1", "nursing"), ("w1", "discharge"), ("w2", "court"),
                          ("w2", "news"),
                          *((f"w{n}", s) for n in (3, 4, 5, 6, 7, 9) for s in styles),
                          ("w4", "social"), ("w5", "social"), ("w7", "social"), ("w8", "nursing"),
                          ("w9", "social"), *(("w10", s) for s in (*styles, "social")),
                          ("w11", "nursing"), ("w11", "discharge"),
                          *(("w12", s) for s in ("nursing", "court", "news", "social")),
                          *(("w13", s) for s in (*styles, "social")),
                          *(("w14", s) for s in (*styles, "social")), ("w15", "nursing"),
                          *(("w16", s) for s in ("nursing", "discharge", "social")),
                          ("w17", "nursing"), ("w17", "social"), ("w18", "nursing"),
                          ("w18", "social"), ("w19", "nursing"), ("w19", "social"),
                          ("w20", "nursing"), ("w20", "social"), ("w21", "nursing"),
                          ("w21", "social"), ("w22", "nursing"), ("w22", "social"),
                          ("w23", "nursing"), ("w23", "social"), ("w24", "nursing"),
                          ("w24", "social"), ("w25", "nursing"), ("w25", "social"),
                          *(("w26", s) for s in ("nursing", "news", "social")),
                          *(("w27", s) for s in ("nursing", "news", "social")),
                          *(("w28", s) for s in ("nursing", "news", "social")),
                          *(("w29", s) for s in ("nursing", "news", "social")),
                          *(("w30", s) for s in ("nursing", "news", "social")),
                          *(("w31", s) for s in ("nursing", "news", "social"))}


def test_groups_hold_each_document_in_all_its_set_and_its_style(docs) -> None:
    with script_module("eval_written", SCRIPT) as module:
        groups = module.groups(docs)
    assert len(groups["all"]) == len(docs)
    assert sum(len(groups[f"w{n}"]) for n in range(1, 32)) == len(docs)
    held = [i for i, d in enumerate(docs) if d.meta.get("held_out")]
    assert groups["held-out"] == held and len(held) == 2884
    assert set(groups["w12"]) <= set(held) and set(groups["w13.news"]) <= set(held)
    assert set(groups["w23"]) <= set(held) and set(groups["w25"]) <= set(held)
    assert set(groups["w27"]) <= set(held)
    assert len(groups["w4.social"]) == 20
    assert set(groups["nursing"]) == {i for i, d in enumerate(docs)
                                      if d.meta["style"] == "nursing"}


def test_the_student_trains_on_the_fixed_on_half_only(docs) -> None:
    with script_module("distill_script", ROOT / "benchmarks" / "distill.py") as module:
        pieces = module.written_fixed_on()
    held_ids = {d.id for d in docs if d.meta.get("held_out")}
    fixed_ids = {d.id for d in docs} - held_ids
    sources = {p["id"].split(":")[0] for p in pieces}
    assert sources == fixed_ids and not sources & held_ids
    assert len(pieces) == 3846 and sum(len(p["spans"]) for p in pieces) == 20042
    for piece in pieces:
        assert piece["teacher"] is False and piece["source"] == "written"
        for s in piece["spans"]:
            assert 0 <= s["start"] < s["end"] <= len(piece["text"])


def test_swapped_copies_draw_their_places_from_the_fixed_on_half(docs) -> None:
    with script_module("distill_script", ROOT / "benchmarks" / "distill.py") as module:
        pieces = module.written_fixed_on()[:300]
        swapped = module.written_swapped(pieces, 2, seed=7)
    assert len(swapped) == 600
    assert {r["source"] for r in swapped} == {"written-swap0", "written-swap1"}
    known = {(p["style"], s["type"], p["text"][s["start"] : s["end"]].upper())
             for p in pieces for s in p["spans"]}
    changed = 0
    for original, out in zip(pieces * 2, swapped, strict=True):
        assert out["teacher"] is False and out["style"] == original["style"]
        assert [s["type"] for s in out["spans"]] == [s["type"] for s in original["spans"]]
        for s in out["spans"]:
            value = out["text"][s["start"] : s["end"]]
            assert value == value.strip() and value
            if s["type"] in ("LOCATION", "ORGANIZATION"):
                assert (out["style"], s["type"], value.upper()) in known
        changed += out["text"] != original["text"]
    assert changed > 400
