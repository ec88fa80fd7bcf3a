"""The recognizer registry: versioned names, policy recognizers, custom entity types, exactness,
and the runnable example of docs/plugins.md."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel, ConfigDict

from redactor import Redactor
from redactor.detect.custom import LabelGuard, RegexRecognizer
from redactor.detect.engine import Engine, build_recognizers
from redactor.detect.registry import Registry, recognizers
from redactor.errors import ModelError, PolicyError
from redactor.policy import Policy, load_policy
from redactor.span import Span

DOCS = Path(__file__).resolve().parents[3] / "docs" / "plugins.md"

EMPLOYEE = {
    "name": "hr",
    "detectors": {"patterns": True, "names": False},
    "custom_entities": {"EMPLOYEE_ID": "employee number"},
    "entities": {"EMPLOYEE_ID": {"action": "redact"}},
    "recognizers": [{"type": "regex", "name": "employee_id", "label": "EMPLOYEE_ID",
                     "pattern": r"EMP-\d{6}", "score": 0.5, "context": ["employee"]}],
}


def test_built_ins_are_registered_by_versioned_name():
    for name in ("patterns.v1", "names.v1", "places.v1", "spacy.v1", "transformer.v1",
                 "deny_list.v1", "regex.v1", "class.v1", "presidio.v1", "presidio_yaml.v1"):
        assert name in recognizers


def test_an_unknown_name_lists_the_known_ones():
    with pytest.raises(PolicyError, match=r"unknown recognizer 'patterns\.v2' \(did you mean "
                       r"'patterns\.v1'\?\); registered: .*deny_list\.v1.*spacy\.v1"):
        recognizers.get("patterns.v2")


def test_names_must_be_versioned_and_are_not_silently_replaced():
    registry = Registry(group=None)
    with pytest.raises(ValueError, match="must be versioned"):
        registry.register("mine")

    def one(config, context):
        return None

    def two(config, context):
        return None

    registry.register("mine.v1", one)
    registry.register("mine.v1", one)  # the same factory again is harmless
    with pytest.raises(ValueError, match="already registered"):
        registry.register("mine.v1", two)
    registry.register("mine.v1", two, replace=True)
    assert registry.get("mine.v1").factory is two and registry.names() == ["mine.v1"]


@pytest.mark.parametrize("name", ["hipaa", "gdpr", "hipaa-fast", "hipaa-limited"])
def test_bundled_policies_build_the_same_recognizers_in_the_same_order(name):
    expected = {"hipaa": ["patterns", "names", "places", "spacy", "hf_ner"],
                "gdpr": ["patterns", "names", "places", "spacy", "hf_ner"],
                "hipaa-fast": ["patterns", "names", "places", "spacy"],
                "hipaa-limited": ["patterns", "names", "spacy", "hf_ner"]}[name]
    assert [r.name for r in build_recognizers(load_policy(name))] == expected


def test_the_transformer_factory_takes_the_typed_config():
    from redactor.detect.hf_ner import TransformerRecognizer
    from redactor.models import resolve_model

    policy = load_policy("hipaa")
    (built,) = [r for r in build_recognizers(policy, "cpu", exclude=("spacy",))
                if isinstance(r, TransformerRecognizer)]
    assert built.device == "cpu"
    assert built.model == resolve_model("redactor-ner-small", Path(policy.path).parent)


def test_exactness_is_an_attribute_the_engine_collects():
    policy = Policy.from_mapping({**EMPLOYEE, "deny": {"ID_NUMBER": ["Falcon"]}})
    engine = Engine.from_policy(policy)
    assert "regex:employee_id" in engine.exact_sources
    assert "deny_list" in engine.exact_sources and "pattern:ssn" in engine.exact_sources
    assert engine.is_exact(Span(0, 3, "PERSON", 1.0, "deny_list"))
    assert not engine.is_exact(Span(0, 3, "PERSON", 1.0, "hf_ner:PERSON"))
    # a model's PERSON is trimmed of a leading imperative, an exact recognizer's is not
    text = "Call Raj Patel"
    for source, kept in (("deny_list", "Call Raj Patel"), ("fake", "Raj Patel")):
        @dataclass
        class Fixed:
            name: str = source
            exact: bool = source == "deny_list"

            def detect(self, texts):
                return [[Span(0, 14, "PERSON", 1.0, self.name)] for _ in texts]

        (out,) = Engine(policy, [Fixed()]).analyze([text])
        assert [text[s.start:s.end] for s in out] == [kept]


def test_a_custom_regex_from_a_policy_file_end_to_end(tmp_path):
    path = tmp_path / "hr.yaml"
    path.write_text(yaml.safe_dump(EMPLOYEE))
    r = Redactor(load_policy(path))
    # the score 0.5 reaches 0.85 with the context word "employee"
    assert r.redact("Employee EMP-123456 left.").text == "Employee [EMPLOYEE_ID] left."
    assert r.redact("Ticket EMP-123456 left.").text == "Ticket [EMPLOYEE_ID] left."
    spans = r.engine.analyze(["staff EMP-000001"])[0]
    assert [(s.label, s.source) for s in spans] == [("EMPLOYEE_ID", "regex:employee_id")]


def test_the_redact_cli_runs_a_policy_regex(tmp_path):
    from click.testing import CliRunner

    from redactor.cli import main

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Badge EMP-123456 at 9am.\n")
    (tmp_path / "hr.yaml").write_text(yaml.safe_dump(EMPLOYEE))
    result = CliRunner().invoke(main, ["--policy", str(tmp_path / "hr.yaml"), "--quiet",
                                       str(tmp_path / "in"), str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "a.txt").read_text() == "Badge [EMPLOYEE_ID] at 9am.\n"


def test_a_custom_type_gets_its_rule_and_may_be_deny_listed():
    policy = Policy.from_mapping({
        **EMPLOYEE, "entities": {"EMPLOYEE_ID": {"action": "mask", "keep_last": 2}},
        "deny": {"EMPLOYEE_ID": ["Project Falcon"]}})
    assert "EMPLOYEE_ID" in policy.entity_labels and policy.acts_on("EMPLOYEE_ID")
    r = Redactor(policy)
    assert r.redact("EMP-123456 on Project Falcon").text == "********56 on ************on"


class PrefixConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    prefix: str
    label: str = "EMPLOYEE_ID"


@dataclass
class Prefixed:
    prefix: str
    label: str
    name: str = "prefixed"

    def detect(self, texts):
        regex = re.compile(re.escape(self.prefix) + r"\d+")
        return [[Span(m.start(), m.end(), self.label, 0.9, self.name)
                 for m in regex.finditer(t)] for t in texts]


@pytest.fixture(scope="module")
def prefixed_registered():
    if "test_prefixed.v1" not in recognizers:
        recognizers.register("test_prefixed.v1", config=PrefixConfig)(
            lambda config, context: Prefixed(config.prefix, config.label))
    return "test_prefixed.v1"


def test_a_class_recognizer_registered_from_python(prefixed_registered):
    policy = Policy.from_mapping({**EMPLOYEE, "recognizers": [
        {"type": "class", "factory": prefixed_registered, "config": {"prefix": "E#"}}]})
    r = Redactor(policy)
    assert r.redact("id E#42.").text == "id [EMPLOYEE_ID]."
    (guard,) = [x for x in r.engine.recognizers if isinstance(x, LabelGuard)]
    assert guard.name == "prefixed" and guard.prefix == "E#"  # attributes pass through


def test_a_class_by_import_path(tmp_path, monkeypatch):
    (tmp_path / "hr_recognizers.py").write_text(
        "import re\nfrom redactor.span import Span\n"
        "class Ids:\n    name = 'ids'\n"
        "    def __init__(self, width=3):\n        self.regex = re.compile(r'X\\d{%d}' % width)\n"
        "    def detect(self, texts):\n"
        "        return [[Span(m.start(), m.end(), 'EMPLOYEE_ID', 0.9, self.name)\n"
        "                 for m in self.regex.finditer(t)] for t in texts]\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    policy = Policy.from_mapping({**EMPLOYEE, "recognizers": [
        {"type": "class", "factory": "hr_recognizers:Ids", "config": {"width": 4}}]})
    assert Redactor(policy).redact("X1234 X12").text == "[EMPLOYEE_ID] X12"
    sys.modules.pop("hr_recognizers", None)


def test_an_undeclared_label_fails_closed(prefixed_registered):
    policy = Policy.from_mapping({**EMPLOYEE, "recognizers": [
        {"type": "class", "factory": prefixed_registered,
         "config": {"prefix": "E#", "label": "BADGE"}}]})
    engine = Engine.from_policy(policy)
    with pytest.raises(ModelError, match="undeclared entity type 'BADGE'") as err:
        engine.analyze(["id E#42"])
    assert "E#42" not in str(err.value)  # no document text in errors


def test_build_problems_are_reported_together(prefixed_registered):
    policy = Policy.from_mapping({**EMPLOYEE, "recognizers": [
        {"type": "class", "factory": "no_such.v1"},
        {"type": "class", "factory": "no_such_module_xyz:Thing"},
        {"type": "class", "factory": prefixed_registered, "config": {"prefx": "E"}},
    ]})
    with pytest.raises(PolicyError) as err:
        Engine.from_policy(policy)
    problems = err.value.problems
    assert len(problems) == 4, problems
    assert problems[0].startswith("recognizers.0: unknown recognizer 'no_such.v1'")
    assert problems[1].startswith("recognizers.1: cannot import 'no_such_module_xyz:Thing'")
    assert {p.split(": ")[1] for p in problems[2:]} == {"config.prefix", "config.prefx"}


def test_policy_validation_reports_every_recognizer_problem_at_once():
    with pytest.raises(PolicyError) as err:
        Policy.from_mapping({
            "name": "bad", "custom_entities": {"PERSON": "clash", "lower": "bad name",
                                               "EMPLOYEE_ID": "employee number"},
            "entities": {"EMPLOYEE_ID": {"action": "redact"}},
            "recognizers": [
                {"type": "regex", "name": "a", "label": "EMPLOYE_ID", "pattern": "(["},
                {"type": "shell", "name": "b"},
                {"name": "c"},
                {"type": "presidio", "class": "not-a-path"},
                {"type": "regex", "name": "d", "label": "PERSON", "pattern": "x", "scor": 1},
            ]})
    assert err.value.problems == [
        "custom_entities.PERSON: 'PERSON' is already a catalogue type; name it under entities",
        "custom_entities.lower: a custom entity type is 2-64 capitals, digits and "
        "underscores, starting with a capital (EMPLOYEE_ID)",
        "recognizers.0.label: unknown entity type 'EMPLOYE_ID' (did you mean 'EMPLOYEE_ID'?)"
        "; `redact entities` lists them",
        "recognizers.0.pattern: not a valid regular expression (unterminated character set "
        "at position 1)",
        "recognizers.1: unknown type; expected one of regex, class, presidio, presidio-yaml",
        "recognizers.2: missing 'type'",
        "recognizers.3.class: expected an import path 'package.module:Class'",
        "recognizers.4.scor: unknown key",
    ]


def test_regex_recognizer_scores_with_context():
    rec = RegexRecognizer("regex:x", "EMPLOYEE_ID", r"\d{3}", 0.4, ("staff",))
    text = "staff 123, and far, far, far away from it: 456"
    (spans,) = rec.detect([text])
    assert [(text[s.start:s.end], s.score) for s in spans] == [("123", 0.75), ("456", 0.4)]


def _blocks(markdown: str) -> list[tuple[str, str]]:
    """(marker, code) of each fenced block preceded by an HTML comment marker."""
    return re.findall(r"<!-- (run|file: [\w.-]+) -->\n```\w+\n(.*?)```", markdown, re.S)


def test_the_documented_example_runs(tmp_path, monkeypatch):
    blocks = _blocks(DOCS.read_text())
    assert len(blocks) == 6
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    for marker, code in blocks:
        if marker.startswith("file: "):
            (tmp_path / marker.removeprefix("file: ")).write_text(code)
    try:
        for marker, code in blocks:
            if marker == "run":
                exec(compile(code, str(DOCS), "exec"), {"__name__": "plugins_doc"})
    finally:
        sys.modules.pop("my_recognizers", None)


def test_installed_packages_register_through_entry_points(monkeypatch):
    from importlib.metadata import EntryPoint

    import redactor.detect.registry as registry_module

    point = EntryPoint("plugged.v1", "redactor.detect.custom:RegexRecognizer",
                       "redactor.recognizers")
    seen = []
    monkeypatch.setattr(registry_module, "entry_points",
                        lambda group: seen.append(group) or [point])
    registry = Registry()
    assert registry.get("plugged.v1").factory is RegexRecognizer
    assert seen == ["redactor.recognizers"]
    with pytest.raises(PolicyError, match=r"registered: plugged\.v1"):
        registry.get("other.v1")
    assert seen == ["redactor.recognizers"]  # read once
