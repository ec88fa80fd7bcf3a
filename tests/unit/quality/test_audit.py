"""run_audit: the real pipeline of an audit, with fake and deliberately weakened detectors."""

from __future__ import annotations

import datetime as dt

from fakes import SEED, SIZE

from redactor import __version__
from redactor.detect.engine import Engine
from redactor.detect.patterns import PatternRecognizer
from redactor.quality.audit import run_audit
from redactor.quality.origins import ORIGIN_KEYS
from redactor.quality.synth import GENERATOR_VERSION, facet


def gates(result):
    return {g.name: g for g in result.gates}


def test_perfect_detection_passes_and_the_report_identifies_its_setup(perfect_report, hipaa):
    r = perfect_report
    assert r["passed"] and all(g["passed"] for g in r["gates"])
    assert r["metrics"]["overall"]["recall"] == 1.0
    assert r["tool"]["version"] == __version__
    assert r["models"] == {"redactor": __version__, "oracle": __version__}
    assert r["policy"]["name"] == "hipaa" and r["policy"]["sha256"] == hipaa.sha256
    assert r["policy"]["gates"] == {"min_recall": 0.9, "max_group_gap": 0.05}
    ts = r["test_set"]
    assert (ts["seed"], ts["size"], ts["generator"]) == (SEED, SIZE, GENERATOR_VERSION)
    assert dt.date.fromisoformat(r["date"])
    assert not r["policy"]["path"].startswith("/")  # relative to the working folder


def test_names_of_one_origin_missed_trip_the_gap_gate_and_name_the_group(hipaa, oracle_engine):
    engine = oracle_engine(lambda s: s.label == "PERSON" and facet(s.group, "origin") == "korea")
    result = run_audit(hipaa, size=SIZE, seed=SEED, engine=engine, n_boot=30, min_support=5)
    g = gates(result)
    assert not result.passed
    assert g["max_group_gap.origin"].failing == ("origin=korea",)
    failing_origins = [f for f in g["min_recall.person_group"].failing if f.startswith("origin=")]
    assert failing_origins == ["origin=korea"]
    assert g["min_recall.overall"].passed and g["min_recall.entity_type"].failing == ()


def test_a_pattern_only_stack_fails_on_names(hipaa):
    weak = Engine(hipaa, [PatternRecognizer()])
    result = run_audit(hipaa, size=SIZE, seed=SEED, engine=weak, n_boot=30, min_support=5)
    g = gates(result)
    assert not result.passed
    assert "PERSON" in g["min_recall.entity_type"].failing
    person = g["min_recall.person_group"]
    judged = {*person.failing, *(group for group, _ in person.insufficient)}
    assert len(judged) == len(ORIGIN_KEYS) + 2  # every origin and both genders, none passes
    assert result.report["metrics"]["per_entity"]["PERSON"]["recall"] < 0.2
    assert result.report["models"] == {"redactor": __version__, "patterns": __version__}


def test_the_same_seed_gives_the_same_report(hipaa, oracle_engine):
    def run():
        engine = oracle_engine(lambda s: s.start % 5 == 0)
        report = run_audit(hipaa, size=SIZE, seed=SEED, engine=engine, n_boot=30).report
        return {k: v for k, v in report.items() if k not in ("created", "timing")}

    assert run() == run()


def test_progress_is_reported_per_batch(hipaa, oracle_engine):
    seen = []
    run_audit(hipaa, size=SIZE, seed=SEED, engine=oracle_engine(), n_boot=10, batch_size=20,
              on_progress=lambda done, total: seen.append((done, total)))
    assert seen == [(20, SIZE), (40, SIZE), (SIZE, SIZE)]


def test_a_tiny_set_runs_and_reports_insufficient_support(hipaa, oracle_class):
    """Issue 11: --size 20 crashed (ValueError on an origin x gender cell with no sample)."""
    from redactor.quality.synth import generate

    gold = {d.text: d.spans for d in generate(20, SEED, labels=hipaa.entity_labels)}
    result = run_audit(hipaa, size=20, seed=SEED, engine=Engine(hipaa, [oracle_class(gold)]),
                       n_boot=10)  # every identifier found: only the support is lacking
    r = result.report
    assert not result.passed and r["verdict"] == "INSUFFICIENT" and not r["passed"]
    assert len(r["insufficient_support"]) > len(ORIGIN_KEYS) // 2
    cells = r["metrics"]["person_groups"]["origin_x_gender"]["by_group"]
    assert all(isinstance(c["n_gold"], int) and c["n_gold"] >= 0 for c in cells.values())
    assert len(cells) < 2 * len(ORIGIN_KEYS)  # cells without a sample are left out, not NaN
    statuses = {g.name: g.status for g in result.gates}
    assert "PASS" not in (statuses["max_group_gap.origin"], statuses["min_recall.person_group"])


