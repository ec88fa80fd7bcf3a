from pathlib import Path

import pytest
from pydantic import ValidationError

from redactor.entities import ENTITY_TYPES
from redactor.errors import PolicyError
from redactor.policy import MaskRule, Policy, load_policy, merge_policy

POLICIES = Path(__file__).resolve().parents[2] / "policies"


@pytest.mark.parametrize("name", ["hipaa", "gdpr", "hipaa-limited", "hipaa-fast"])
def test_bundled_policies_load(name):
    policy = load_policy(name)
    assert policy.name == name
    assert len(policy.sha256) == 64
    assert policy.path.endswith(f"{name}.yaml")


def test_hipaa_covers_every_safe_harbor_category():
    policy = load_policy("hipaa")
    covered = {ENTITY_TYPES[label][1] for label in policy.entity_labels}
    # 17 (full-face photographs) cannot occur in text; every other category must be acted on.
    assert set(range(1, 19)) - {17} <= covered
    assert not policy.uses_key


def test_gdpr_uses_a_key_and_removes_special_categories():
    policy = load_policy("gdpr")
    assert policy.uses_key
    assert policy.rule_for("NRP").action == "redact"
    assert policy.rule_for("PERSON").action == "pseudonymize"


def test_path_and_name_load_the_same_policy():
    assert load_policy(POLICIES / "hipaa.yaml").sha256 == load_policy("hipaa").sha256


def test_every_error_is_reported_at_once_with_its_path():
    data = {
        "name": "x",
        "entities": {
            "PERSN": {"action": "redact"},
            "DATE": {"action": "mask", "char": "ab", "bogus": 1},
            "AGE": {"action": "zap"},
            "URL": {"threshold": 0.3},
        },
        "colour": "blue",
        "threshold": 2,
        "overlap": "nope.v1",
    }
    with pytest.raises(PolicyError) as info:
        Policy.from_mapping(data)
    problems = info.value.problems
    expected = [
        "threshold:", "overlap:",
        "entities.PERSN: unknown entity type 'PERSN' (did you mean 'PERSON'?)",
        "entities.DATE.char:", "entities.DATE.bogus: unknown key", "entities.AGE: unknown action",
        "entities.URL: missing 'action'", "colour: unknown key",
    ]
    for prefix in expected:
        assert any(p.startswith(prefix) for p in problems), (prefix, problems)
    assert len(problems) == len(expected)


def test_typed_rules_and_thresholds():
    policy = Policy.from_mapping(
        {"name": "t", "threshold": 0.4,
         "entities": {"US_SSN": {"action": "mask", "keep_last": 4, "threshold": 0.8}}}
    )
    rule = policy.rule_for("US_SSN")
    assert isinstance(rule, MaskRule) and rule.keep_last == 4 and rule.char == "*"
    assert policy.threshold_for("US_SSN") == 0.8
    assert policy.threshold_for("PERSON") == 0.4
    assert policy.rule_for("PERSON").action == "redact"  # default: fail closed


def test_keep_removes_a_label_from_the_acted_on_set():
    policy = Policy.from_mapping({"name": "t", "entities": {"NRP": {"action": "keep"}}})
    assert "NRP" not in policy.entity_labels and "PERSON" in policy.entity_labels


def test_placeholder_may_only_use_label():
    with pytest.raises(PolicyError, match="placeholder"):
        Policy.from_mapping(
            {"name": "t", "entities": {"PERSON": {"action": "redact", "placeholder": "{text}"}}}
        )


def test_policy_is_frozen():
    policy = load_policy("hipaa")
    with pytest.raises(ValidationError):
        policy.threshold = 0.1  # type: ignore[misc]


@pytest.mark.parametrize(
    ("content", "match"),
    [("name: [unclosed", "not valid YAML at line"), ("- a\n- b\n", "mapping"), ("", "mapping")],
)
def test_bad_files_give_clear_errors(tmp_path, content, match):
    path = tmp_path / "p.yaml"
    path.write_text(content)
    with pytest.raises(PolicyError, match=match):
        load_policy(path)


def test_unknown_bundled_name_lists_the_bundled_ones():
    with pytest.raises(PolicyError, match=r"bundled: .*gdpr.*hipaa"):
        load_policy("hippa")


def test_missing_file():
    with pytest.raises(PolicyError, match="does not exist"):
        load_policy("/nonexistent/policy.yaml")


def test_the_documented_path_of_a_bundled_policy_works_outside_the_repository(tmp_path,
                                                                             monkeypatch):
    """Issue 11, item 7: `redact check-policy policies/hipaa.yaml` outside the repository."""
    monkeypatch.chdir(tmp_path)
    assert load_policy("policies/hipaa.yaml").sha256 == load_policy("hipaa").sha256
    with pytest.raises(PolicyError, match="does not exist"):
        load_policy("policies/nope.yaml")
    with pytest.raises(PolicyError, match="does not exist"):
        load_policy("elsewhere/hipaa.yaml")
    # a folder of one's own named policies/ comes first
    (tmp_path / "policies").mkdir()
    (tmp_path / "policies" / "hipaa.yaml").write_text("name: mine\nentities: {}\n")
    assert load_policy("policies/hipaa.yaml").name == "mine"


def test_the_package_carries_the_bundled_policies():
    """An installed (non-editable) package finds them as package data under redactor/."""
    import redactor

    package = Path(redactor.__file__).parent / "policies"
    assert sorted(p.name for p in package.glob("*.yaml")) == sorted(
        p.name for p in POLICIES.glob("*.yaml"))
    assert (package / "restricted_zip3.txt").is_file()
    pyproject = (POLICIES.parent / "pyproject.toml").read_text(encoding="utf-8")
    assert '"policies/*.yaml", "policies/*.txt"' in pyproject


# --- extends: a policy that starts from another ------------------------------------------------


def test_hipaa_fast_is_hipaa_without_the_transformer():
    fast, full = load_policy("hipaa-fast"), load_policy("hipaa")
    assert fast.detectors.transformer is None and full.detectors.transformer is not None
    assert fast.detectors.spacy == full.detectors.spacy and fast.detectors.places
    assert fast.entities == full.entities and fast.default == full.default
    assert fast.sha256 != full.sha256


def test_extends_merges_the_child_over_the_parent(tmp_path):
    child = tmp_path / "mine.yaml"
    child.write_text(
        "name: mine\nextends: hipaa\nthreshold: 0.4\n"
        "entities:\n  PERSON: {action: mask, char: '#'}\n  ORGANIZATION: {action: keep}\n"
        "detectors:\n  spacy: null\n"
    )
    mine, hipaa = load_policy(child), load_policy("hipaa")
    assert mine.name == "mine" and mine.threshold == 0.4
    assert isinstance(mine.entities["PERSON"], MaskRule) and mine.entities["PERSON"].char == "#"
    assert "ORGANIZATION" not in mine.entity_labels
    assert mine.entities["ZIP_CODE"] == hipaa.entities["ZIP_CODE"]  # inherited as is
    assert mine.detectors.spacy is None
    assert mine.detectors.transformer == hipaa.detectors.transformer
    assert mine.path == str(child) and mine.resolved_source


def test_a_parent_path_is_relative_to_the_child_and_its_changes_change_the_hash(tmp_path):
    (tmp_path / "sub").mkdir()
    parent = tmp_path / "base.yaml"
    parent.write_text("name: base\nentities: {PERSON: {action: redact}}\n")
    child = tmp_path / "sub" / "child.yaml"
    child.write_text(
        "name: child\nextends: ../base.yaml\nentities: {EMAIL_ADDRESS: {action: redact}}\n"
    )
    first = load_policy(child)
    assert set(first.entities) == {"PERSON", "EMAIL_ADDRESS"}
    parent.write_text("name: base\nentities: {PERSON: {action: mask}}\n")
    assert load_policy(child).sha256 != first.sha256


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"a.yaml": "name: a\nextends: b.yaml\nentities: {}\n",
          "b.yaml": "name: b\nextends: a.yaml\nentities: {}\n"}, "loops back"),
        ({"a.yaml": "name: a\nextends: hipa\nentities: {}\n"}, "no bundled policy named 'hipa'"),
        ({"a.yaml": "name: a\nextends: [hipaa]\nentities: {}\n"}, "extends must name a policy"),
        ({"a.yaml": "name: a\nextends: hipaa\nentities: {PERSN: {action: redact}}\n"},
         "did you mean 'PERSON'"),
    ],
)
def test_bad_extends_is_a_clear_policy_error(tmp_path, files, message):
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    with pytest.raises(PolicyError, match=message):
        load_policy(tmp_path / "a.yaml")


def test_merge_policy_is_pure_and_replaces_rules_whole():
    parent = {"name": "p", "detectors": {"patterns": True, "spacy": {"model": "m"}},
              "entities": {"PERSON": {"action": "mask", "char": "#"}}, "allow": ["a"]}
    child = {"name": "c", "detectors": {"spacy": None},
             "entities": {"PERSON": {"action": "redact"}}, "allow": ["b"]}
    merged = merge_policy(parent, child)
    assert merged == {"name": "c", "detectors": {"patterns": True, "spacy": None},
                      "entities": {"PERSON": {"action": "redact"}}, "allow": ["b"]}
    assert parent["entities"]["PERSON"] == {"action": "mask", "char": "#"}  # untouched


def test_an_extending_policy_travels_to_workers_merged(tmp_path):
    from redactor.distributed.common import RedactorSpec

    child = tmp_path / "mine.yaml"
    child.write_text("name: mine\nextends: hipaa-fast\nentities: {PERSON: {action: mask}}\n")
    policy = load_policy(child)
    engine, _ = RedactorSpec.from_run(policy, None).build()
    assert engine.policy.entities == policy.entities
    assert engine.policy.detectors == policy.detectors


# --- custom entity types and recognizers (issue 12) -----------------------------------------


def test_custom_entities_are_types_of_that_policy_only(tmp_path):
    parent = tmp_path / "hr.yaml"
    parent.write_text(
        "name: hr\nextends: hipaa-fast\n"
        "custom_entities: {EMPLOYEE_ID: employee number, BADGE: badge}\n"
        "entities: {EMPLOYEE_ID: {action: mask, keep_last: 2}, BADGE: {action: keep}}\n"
        "deny: {EMPLOYEE_ID: [EMP-X]}\n"
        "recognizers:\n"
        "  - {type: regex, name: emp, label: EMPLOYEE_ID, pattern: 'EMP-\\d{6}'}\n")
    policy = load_policy(parent)
    assert policy.labels == frozenset({*ENTITY_TYPES, "EMPLOYEE_ID", "BADGE"})
    assert "EMPLOYEE_ID" in policy.entity_labels and "BADGE" not in policy.entity_labels
    assert not policy.acts_on("BADGE") and policy.rule_for("EMPLOYEE_ID").action == "mask"
    # a child inherits the parent's types; another policy does not know them
    child = tmp_path / "child.yaml"
    child.write_text("name: c\nextends: hr.yaml\nentities: {BADGE: {action: redact}}\n")
    assert load_policy(child).acts_on("BADGE")
    with pytest.raises(PolicyError, match="unknown entity type 'EMPLOYEE_ID'"):
        Policy.from_mapping({"name": "x", "entities": {"EMPLOYEE_ID": {"action": "redact"}}})


def test_a_custom_type_cannot_be_generalised_like_a_catalogue_one():
    with pytest.raises(PolicyError, match=r"entities\.EMPLOYEE_ID: generalize to 'zip3'"):
        Policy.from_mapping({"name": "x", "custom_entities": {"EMPLOYEE_ID": "e"},
                             "entities": {"EMPLOYEE_ID": {"action": "generalize",
                                                          "to": "zip3"}}})


def test_recognizer_entries_are_typed_and_checked():
    policy = Policy.from_mapping({"name": "x", "entities": {}, "recognizers": [
        {"type": "regex", "name": "a", "label": "ID_NUMBER", "pattern": "A\\d+"},
        {"type": "class", "factory": "mine.v1", "config": {"k": 1}},
        {"type": "presidio", "class": "pkg.mod:Rec", "entities": {"ZIP": "ZIP_CODE"}},
        {"type": "presidio-yaml", "path": "recs.yaml"}]})
    regex, cls, presidio, presidio_yaml = policy.recognizers
    assert (regex.score, regex.context, cls.config, presidio.class_) == (
        0.85, (), {"k": 1}, "pkg.mod:Rec")
    assert presidio.entities == {"ZIP": "ZIP_CODE"} and presidio_yaml.language == "en"
    with pytest.raises(PolicyError) as err:
        Policy.from_mapping({"name": "x", "entities": {}, "recognizers": [
            {"type": "regex", "name": "a", "label": "ID_NUMBER", "pattern": "x"},
            {"type": "regex", "name": "a", "label": "ID_NUMBER", "pattern": "y"},
        ]})
    assert err.value.problems == ["recognizers: regex recognizer name(s) used twice: a"]
