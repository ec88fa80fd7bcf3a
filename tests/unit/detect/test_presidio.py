"""The Presidio adapter: presidio-analyzer recognizers run as redactor's, imported lazily, and
redactor's spans exported as Presidio RecognizerResults."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
import yaml

from redactor import Redactor
from redactor.detect.engine import Engine
from redactor.errors import ModelError, PolicyError
from redactor.policy import Policy
from redactor.span import Span

presidio_analyzer = pytest.importorskip("presidio_analyzer")
from presidio_analyzer import (  # noqa: E402
    EntityRecognizer,
    Pattern,
    PatternRecognizer,
    RecognizerResult,
)

from redactor.detect.presidio import (  # noqa: E402
    PresidioAdapter,
    adapt,
    entity_map,
    from_yaml,
    to_recognizer_results,
)

LABELS = Policy.from_mapping({"name": "t", "custom_entities": {"TITLE": "title"},
                              "entities": {}}).labels


class NumbersRecognizer(EntityRecognizer):
    """The shape of Presidio's documented custom recognizer (analyze over the text)."""

    expected_confidence_level = 0.7

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):
        results = []
        for word in ("one", "two", "three"):
            start = text.find(word)
            if start >= 0:
                results.append(RecognizerResult("NUMBER", start, start + len(word),
                                                self.expected_confidence_level))
        return results


def test_importing_the_engine_does_not_import_presidio():
    code = textwrap.dedent("""
        import sys
        import redactor.detect.engine, redactor.detect.registry, redactor.detect.presidio
        from redactor.policy import load_policy
        load_policy("hipaa")
        assert "presidio_analyzer" not in sys.modules, "presidio imported"
    """)
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_a_pattern_recognizer_with_context_is_exact():
    zips = PatternRecognizer(supported_entity="ZIP", name="zip",
                             patterns=[Pattern("zip", r"\b\d{5}\b", 0.3)], context=["zip"])
    adapter = adapt(zips, LABELS, {"ZIP": "ZIP_CODE"})
    assert adapter.exact and adapter.name == "presidio:zip"
    (spans,) = adapter.detect(["zip 02139 and then, much later in the note, 90210"])
    assert [(s.label, s.score) for s in spans] == [("ZIP_CODE", pytest.approx(0.65)),
                                                   ("ZIP_CODE", 0.3)]
    assert Engine(Policy.from_mapping({"name": "t", "entities": {}}), [adapter]).is_exact(
        spans[0])


def test_a_deny_list_recognizer_keeps_a_custom_label():
    titles = PatternRecognizer(supported_entity="TITLE", deny_list=["Mr.", "Dr."])
    policy = Policy.from_mapping({"name": "t", "custom_entities": {"TITLE": "title"},
                                  "detectors": {"patterns": False, "names": False},
                                  "entities": {}})
    r = Redactor(policy, engine=Engine(policy, [adapt(titles, policy.labels)]))
    assert r.redact("Dr. Ade and Mr. Obi").text == "[TITLE] Ade and [TITLE] Obi"


def test_a_custom_entity_recognizer_subclass():
    adapter = adapt(NumbersRecognizer(supported_entities=["NUMBER"]),
                    {*LABELS, "NUMBER"})
    assert not adapter.exact
    assert adapter.detect(["two cats", "no cats"]) == [
        [Span(0, 3, "NUMBER", 0.7, "presidio:NumbersRecognizer")], []]


def test_presidio_names_map_to_ours_and_unknown_ones_fail_closed():
    assert entity_map(["DATE_TIME", "PHONE_NUMBER", "US_DRIVER_LICENSE"], LABELS) == {
        "DATE_TIME": "DATE", "PHONE_NUMBER": "PHONE_NUMBER",
        "US_DRIVER_LICENSE": "LICENSE_NUMBER"}
    with pytest.raises(PolicyError) as err:
        entity_map(["ZIP", "TITLE", "FOO"], LABELS)
    assert len(err.value.problems) == 2  # TITLE is declared; ZIP and FOO are not
    # a result of an entity it never declared is a run error, not a silent remap
    rogue = PresidioAdapter(NumbersRecognizer(supported_entities=["NUMBER"]),
                            {"OTHER": "ID_NUMBER"})
    with pytest.raises(ModelError, match="'NUMBER', which it does not declare"):
        rogue.detect(["one"])


def test_a_presidio_class_and_yaml_file_from_a_policy(tmp_path, monkeypatch):
    (tmp_path / "numbers_rec.py").write_text(
        "from presidio_analyzer import EntityRecognizer, RecognizerResult\n"
        "class Numbers(EntityRecognizer):\n"
        "    def load(self):\n        pass\n"
        "    def analyze(self, text, entities, nlp_artifacts=None):\n"
        "        i = text.find('seven')\n"
        "        return [RecognizerResult('NUMBER', i, i + 5, 0.8)] if i >= 0 else []\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    (tmp_path / "recs.yaml").write_text(yaml.safe_dump({"recognizers": [
        {"name": "Titles", "supported_language": "en", "supported_entity": "TITLE",
         "deny_list": ["Dr."]},
        {"name": "German zip", "supported_language": "de", "supported_entity": "ZIP",
         "patterns": [{"name": "zip", "regex": r"\d{5}", "score": 0.5}]},
        {"name": "Member", "supported_language": "en", "supported_entity": "MEMBER",
         "patterns": [{"name": "m", "regex": r"\bQ\d{4}\b", "score": 0.9}]},
    ]}))
    (tmp_path / "p.yaml").write_text(yaml.safe_dump({
        "name": "p", "detectors": {"patterns": False, "names": False},
        "custom_entities": {"TITLE": "title", "NUMBER": "number", "MEMBER_NO": "member"},
        "entities": {},
        "recognizers": [
            {"type": "presidio", "class": "numbers_rec:Numbers",
             "config": {"supported_entities": ["NUMBER"]}},
            {"type": "presidio-yaml", "path": "recs.yaml", "entities": {"MEMBER": "MEMBER_NO"}},
        ]}))
    from redactor.policy import load_policy

    r = Redactor(load_policy(tmp_path / "p.yaml"))
    assert r.redact("Dr. Li saw seven of Q1234.").text == (
        "[TITLE] Li saw [NUMBER] of [MEMBER_NO].")  # the German recognizer is not loaded
    group = r.engine.recognizers[-1]
    assert [m.name for m in group.members] == ["presidio:Titles", "presidio:Member"]
    assert r.engine.exact_sources >= {"presidio:Titles", "presidio:Member"}
    sys.modules.pop("numbers_rec", None)


def test_yaml_problems_are_reported(tmp_path):
    (tmp_path / "bad.yaml").write_text("recognizers:\n  - {name: x, supported_entity: ZIP,"
                                       " patterns: [{name: z, regex: 'a', score: 0.5}]}\n")
    with pytest.raises(PolicyError, match="ZIP"):
        from_yaml(tmp_path / "bad.yaml", labels=LABELS)
    with pytest.raises(PolicyError, match="cannot be read"):
        from_yaml(tmp_path / "missing.yaml", labels=LABELS)


def test_spans_export_as_recognizer_results():
    spans = [Span(0, 8, "PERSON", 0.9, "hf_ner:PERSON"), Span(12, 22, "DATE", 1.0, "pattern:d")]
    results = to_recognizer_results(spans)
    assert all(isinstance(x, RecognizerResult) for x in results)
    assert [(x.entity_type, x.start, x.end, x.score) for x in results] == [
        ("PERSON", 0, 8, 0.9), ("DATE", 12, 22, 1.0)]
    assert results[0].recognition_metadata["recognizer_name"] == "hf_ner:PERSON"
    assert [x.entity_type for x in to_recognizer_results(spans, presidio_names=True)] == [
        "PERSON", "DATE_TIME"]
