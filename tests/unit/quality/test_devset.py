"""The committed dev set is well-formed, varied, and reproducible from its seeded generator."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from fakes import script_module

from redactor.entities import ENTITY_TYPES
from redactor.quality.evaluate import load_gold_jsonl

ROOT = Path(__file__).resolve().parents[3]
DEV = ROOT / "benchmarks" / "data" / "dev.jsonl"
GENERATOR = ROOT / "benchmarks" / "devset" / "make_devset.py"


@pytest.fixture(scope="module")
def make_devset():
    with script_module("make_devset", GENERATOR) as module:
        yield module


@pytest.fixture(scope="module")
def records():
    with open(DEV, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def test_spans_in_range_typed_and_non_overlapping(records):
    for rec in records:
        text = rec["text"]
        prev_end = 0
        for s in sorted(rec["spans"], key=lambda s: s["start"]):
            assert 0 <= s["start"] < s["end"] <= len(text), rec["id"]
            assert s["start"] >= prev_end, f"overlap in {rec['id']}"
            prev_end = s["end"]
            value = text[s["start"] : s["end"]]
            assert value == value.strip(), rec["id"]
            assert s["type"] in ENTITY_TYPES, s["type"]
            if s["type"] == "PERSON":
                assert s["group"].startswith("origin=") and "gender=" in s["group"]


def test_loads_with_evaluate_loader(records):
    docs = load_gold_jsonl(DEV)
    assert len(docs) == len(records)
    assert sum(len(d.spans) for d in docs) == sum(len(r["spans"]) for r in records)


def test_variety(records):
    assert 250 <= len(records) <= 500
    assert DEV.stat().st_size < 600_000
    assert len({r["template"] for r in records}) >= 40
    kinds = Counter(r["kind"] for r in records)
    assert {"clinical", "letter", "email", "ticket", "chat", "social", "hr", "finance",
            "plain"} <= set(kinds)  # fmt: skip
    types = Counter(s["type"] for r in records for s in r["spans"])
    assert set(types) >= set(ENTITY_TYPES) - {"BIOMETRIC_ID"}
    origins = {
        s["group"].split(";")[0] for r in records for s in r["spans"] if s["type"] == "PERSON"
    }
    assert len(origins) >= 25
    assert len({r["id"] for r in records}) == len(records)


def test_decoys_are_not_marked(records):
    decoys = ("Parkinson's disease", "Foley catheter", "Apgar", "Bell's palsy", "Hasson")
    seen = Counter()
    for rec in records:
        for word in decoys:
            start = rec["text"].find(word)
            while start != -1:
                seen[word] += 1
                end = start + len(word)
                assert not any(s["start"] < end and start < s["end"] for s in rec["spans"])
                start = rec["text"].find(word, end)
    assert all(seen[w] > 0 for w in decoys)


def test_generator_is_deterministic(make_devset, tmp_path):
    a, b, c = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "c.jsonl"
    assert make_devset.main(["--count", "15", "--out", str(a), "--seed", "5"]) == 0
    assert make_devset.main(["--count", "15", "--out", str(b), "--seed", "5"]) == 0
    assert make_devset.main(["--count", "15", "--out", str(c), "--seed", "6"]) == 0
    assert a.read_bytes() == b.read_bytes()
    assert a.read_bytes() != c.read_bytes()
    assert len(a.read_text(encoding="utf-8").splitlines()) == 15


def test_committed_file_matches_generator(make_devset, tmp_path):
    out = tmp_path / "dev.jsonl"
    make_devset.main(["--out", str(out)])
    # a failure here means the generator, its templates or Faker changed: regenerate with
    # `python benchmarks/devset/make_devset.py` and re-run the dev evaluation.
    assert out.read_bytes() == DEV.read_bytes()


def test_every_template_renders(make_devset):
    templates = make_devset.load_templates()
    assert len(templates) >= 40
    gen = make_devset.Generator(11)
    for t in templates:
        text, spans = gen.render(t)
        assert "{" not in text and "}" not in text, t.name
        assert spans or "decoys" in t.name, t.name


@pytest.fixture(scope="module")
def eval_dev():
    with script_module("eval_dev", ROOT / "benchmarks" / "eval_dev.py") as module:
        yield module


@pytest.mark.parametrize(
    ("presidio", "ours"),
    [("DATE_TIME", "DATE"), ("US_DRIVER_LICENSE", "LICENSE_NUMBER"), ("PERSON", "PERSON"),
     ("UK_NHS", "ID_NUMBER"), ("IN_VEHICLE_REGISTRATION", "VEHICLE_ID")],
)  # fmt: skip
def test_presidio_labels_map_to_catalogue(eval_dev, presidio, ours):
    assert eval_dev.map_presidio_label(presidio) == ours
    assert all(v in ENTITY_TYPES for v in eval_dev.PRESIDIO_MAP.values())


def test_missed_table_json_rows_hold_no_text(eval_dev):
    docs = load_gold_jsonl(DEV)[:20]
    table, rows = eval_dev.missed_table(docs, [[] for _ in docs], {"PERSON", "DATE"}, 5)
    assert len(rows) == 5 and rows[0]["n"] >= rows[-1]["n"]
    assert {"n", "type", "kind", "template", "field"} == set(rows[0])
    values = {d.text[s.start : s.end] for d in docs for s in d.spans}
    assert not any(v in values for row in rows for k, v in row.items() if k != "n")
    assert "[" in table  # the terminal table shows an example
