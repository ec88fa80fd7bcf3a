"""RedactorSpec (the redactor as plain data) and redact_texts (the unit of distributed work)."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from redactor.detect.base import Recognizer
from redactor.detect.engine import Engine
from redactor.distributed.common import (
    OFFLINE_ENV,
    RedactorSpec,
    go_offline,
    redact_texts,
    redactor_for,
    scratch_folder,
)
from redactor.policy import load_policy
from redactor.redact import redact_batch
from redactor.span import Span
from redactor.transform.keys import SecretKey
from redactor.transform.pseudonyms import PseudonymContext

KEY = b"a-test-key-of-32-bytes-0123456789"


def test_spec_from_a_policy_file_carries_its_text_and_builds_the_same_policy(
    policy_file: Path,
) -> None:
    policy = load_policy(policy_file)
    spec = RedactorSpec.from_run(policy, None)
    assert spec.policy_yaml == policy_file.read_text(encoding="utf-8")
    assert spec.key is None
    engine, ctx = spec.build()
    assert ctx is None
    assert engine.policy.sha256 == policy.sha256  # same bytes -> same audit fingerprint
    assert engine.policy.name == "patterns-only"


def test_spec_of_an_in_memory_policy_round_trips(policy_file: Path) -> None:
    policy = load_policy(policy_file)
    in_memory = type(policy).from_mapping(policy.model_dump(mode="json"))
    assert in_memory.path == "<policy>"
    engine, _ = RedactorSpec.from_run(in_memory, None).build()
    assert engine.policy.model_dump() == policy.model_dump()


def test_spec_is_picklable_and_hides_the_key(keyed_policy_file: Path) -> None:
    ctx = PseudonymContext(SecretKey(KEY))
    spec = RedactorSpec.from_run(load_policy(keyed_policy_file), ctx)
    assert spec.key == KEY
    assert spec.today == ctx.today.isoformat()
    assert pickle.loads(pickle.dumps(spec)) == spec
    assert KEY.decode() not in repr(spec)
    assert KEY.hex() not in spec.cache_key


def test_redactor_for_builds_once_per_process(policy_file: Path) -> None:
    spec = RedactorSpec.from_run(load_policy(policy_file), None)
    first = redactor_for(spec)
    assert redactor_for(spec) is first
    assert redactor_for(RedactorSpec(spec.policy_yaml, source="other")) is not first


@pytest.mark.parametrize("keyed", [False, True])
def test_redact_texts_equals_redact_batch(
    texts: list[str], policy_file: Path, keyed_policy_file: Path, keyed: bool
) -> None:
    ctx = PseudonymContext(SecretKey(KEY)) if keyed else None
    engine = Engine.from_policy(load_policy(keyed_policy_file if keyed else policy_file)).load()
    expected = redact_batch(engine, texts, ctx)
    got = redact_texts(engine, ctx, texts)
    assert got == expected
    assert any(r.text != t for r, t in zip(got, texts, strict=True))  # something was redacted


def test_two_processes_built_from_one_spec_give_the_same_surrogates(
    texts: list[str], keyed_policy_file: Path,
) -> None:
    ctx = PseudonymContext(SecretKey(KEY))
    spec = RedactorSpec.from_run(load_policy(keyed_policy_file), ctx)
    a = redact_texts(*spec.build(), texts)  # two independent builds stand for two executors
    b = redact_texts(*spec.build(), list(reversed(texts)))
    assert [r.text for r in a] == [r.text for r in reversed(b)]
    other = RedactorSpec.from_run(load_policy(keyed_policy_file), PseudonymContext(SecretKey(
        b"another-key-of-32-bytes-987654321")))  # fmt: skip
    c = redact_texts(*other.build(), texts)
    assert [r.text for r in a] != [r.text for r in c]


class _Counting:
    """A recognizer that records the texts it was asked about."""

    name = "counting"

    def __init__(self) -> None:
        self.seen: list[str] = []

    def detect(self, texts):  # type: ignore[no-untyped-def]
        self.seen.extend(texts)
        return [[Span(0, 6, "PERSON")] if t.startswith("closed") else [] for t in texts]


def test_redact_texts_detects_each_distinct_text_once(policy_file: Path) -> None:
    counting = _Counting()
    recognizers: list[Recognizer] = [counting]
    engine = Engine.from_policy(load_policy(policy_file), recognizers=recognizers)
    texts = ["closed", "open", "closed", "closed", "open"]
    results = redact_texts(engine, None, texts)
    assert sorted(counting.seen) == ["closed", "open"]
    assert [r.text for r in results] == ["[PERSON]", "open", "[PERSON]", "[PERSON]", "open"]


def test_redact_texts_passes_subjects_per_text(keyed_policy_file: Path) -> None:
    ctx = PseudonymContext(SecretKey(KEY))
    engine = Engine.from_policy(load_policy(keyed_policy_file)).load()
    text = "Admitted 2021-03-14."
    same = redact_texts(engine, ctx, [text, text], ["subject:a", "subject:a"])
    assert same[0].text == same[1].text != text
    many = redact_texts(engine, ctx, [text] * 12, [f"subject:{i}" for i in range(12)])
    assert len({r.text for r in many}) > 1  # the date-shift offset follows the subject


def test_redact_texts_rejects_subjects_of_another_length(policy_file: Path) -> None:
    engine = Engine.from_policy(load_policy(policy_file)).load()
    with pytest.raises(ValueError, match="one subject per text"):
        redact_texts(engine, None, ["a", "b"], ["s"])


def test_go_offline_sets_only_what_is_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    first, *rest = OFFLINE_ENV
    monkeypatch.setenv(first, "kept")
    for name in rest:
        monkeypatch.delenv(name, raising=False)
    go_offline()
    import os

    assert os.environ[first] == "kept"
    assert all(os.environ[name] == OFFLINE_ENV[name] for name in rest)


def test_scratch_folder_is_created_only_for_a_local_cluster_without_one(tmp_path: Path) -> None:
    given = str(tmp_path / "given")
    assert scratch_folder(given, None, "x-") == (given, None)
    assert scratch_folder(None, "spark://host:7077", "x-") == (None, None)
    scratch, created = scratch_folder(None, None, "x-")
    try:
        assert scratch == created
        assert created is not None and Path(created).is_dir()
        assert Path(created).name.startswith("x-")
    finally:
        if created:
            Path(created).rmdir()
