"""Distillation into a shallower student: its shape, the loss, and a short run on a tiny teacher."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from redactor.errors import InputError
from redactor.training.encode import LabelSet
from redactor.training.generate import generate

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

from redactor.training.distill import (  # noqa: E402
    DistillConfig,
    _flags,
    distill,
    distill_loss,
    load_teacher,
    make_student,
    mean_loss,
)

TYPES = ("DATE", "PERSON")


def _write_jsonl(recs: list[dict], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for r in recs:
            fh.write(json.dumps(r) + "\n")
    return path


@pytest.fixture()
def teacher(tmp_path: Path, write_tiny_base) -> Path:
    """A 4-layer tiny BERT with redactor's labels for PERSON and DATE, random weights."""
    folder = write_tiny_base(tmp_path / "teacher", id2label=LabelSet.of(TYPES).id2label)
    config = transformers.AutoConfig.from_pretrained(folder)
    config.num_hidden_layers = 4
    transformers.set_seed(0)
    transformers.BertForTokenClassification(config).save_pretrained(folder)
    return folder


def test_student_keeps_the_chosen_layers(teacher: Path) -> None:
    _, model, labels = load_teacher(teacher)
    assert labels.types == TYPES
    student = make_student(model, (0, 3))
    assert student.config.num_hidden_layers == 2
    assert len(student.bert.encoder.layer) == 2
    assert len(model.bert.encoder.layer) == 4  # the teacher is untouched
    for mine, theirs in ((0, 0), (1, 3)):
        a = student.bert.encoder.layer[mine].output.dense.weight
        b = model.bert.encoder.layer[theirs].output.dense.weight
        assert torch.equal(a, b)
        assert a.data_ptr() != b.data_ptr()  # a copy, not shared
    assert torch.equal(student.classifier.weight, model.classifier.weight)


def test_student_layers_must_exist(teacher: Path) -> None:
    _, model, _ = load_teacher(teacher)
    with pytest.raises(InputError, match="out of range"):
        make_student(model, (0, 4))


def test_loss_is_zero_kl_for_equal_logits_and_ignores_rows_without_gold() -> None:
    torch.manual_seed(0)
    logits = torch.randn(2, 5, 3)
    labels = torch.tensor([[-100, 1, 0, 2, -100], [-100, 2, 2, 2, -100]])
    mask = torch.ones(2, 5, dtype=torch.bool)
    _, kl, ce_both = distill_loss(logits, logits, labels, mask, torch.tensor([True, True]),
                                  temperature=2.0, alpha=0.5)
    assert kl == pytest.approx(0.0, abs=1e-6)
    _, _, ce_first = distill_loss(logits, logits, labels, mask, torch.tensor([True, False]),
                                  temperature=2.0, alpha=0.5)
    ref = torch.nn.functional.cross_entropy(logits[0, 1:4], labels[0, 1:4])
    assert ce_first == pytest.approx(float(ref), rel=1e-5)
    assert ce_first != pytest.approx(ce_both)
    _, kl_other, _ = distill_loss(logits, -logits, labels, mask, torch.tensor([False, False]),
                                  temperature=2.0, alpha=1.0)
    assert kl_other > 0.1


def test_kl_skips_the_tokens_the_teacher_may_not_teach() -> None:
    torch.manual_seed(1)
    student, teacher = torch.randn(2, 4, 3), torch.randn(2, 4, 3)
    labels = torch.full((2, 4), -100)
    gold = torch.tensor([False, False])
    first_only = torch.tensor([[True] * 4, [False] * 4])
    _, kl_first, _ = distill_loss(student, teacher, labels, first_only, gold,
                                  temperature=2.0, alpha=1.0)
    _, kl_ref, _ = distill_loss(student[:1], teacher[:1], labels[:1], first_only[:1], gold[:1],
                                temperature=2.0, alpha=1.0)
    assert kl_first == pytest.approx(kl_ref, rel=1e-5)
    loss, kl_none, _ = distill_loss(student, teacher, labels, torch.zeros(2, 4, dtype=torch.bool),
                                    gold, temperature=2.0, alpha=1.0)
    assert kl_none == 0.0 and not torch.isnan(loss)


def test_record_flags_default_to_gold_and_teacher(tmp_path: Path) -> None:
    path = _write_jsonl([{"text": "a", "spans": []}, {"text": "b", "spans": [], "gold": False},
                         {"text": "c", "spans": [], "teacher": False}], tmp_path / "t.jsonl")
    flags = _flags(path)
    assert flags.gold == [True, False, True] and flags.teacher == [True, True, False]
    _write_jsonl([{"text": "d", "spans": [], "gold": False, "teacher": False}], path)
    with pytest.raises(InputError, match="record 1 has neither"):
        _flags(path)


def test_config_errors_are_listed_together() -> None:
    with pytest.raises(InputError) as err:
        DistillConfig(teacher="t", train="x", out="o", layers=(1, 1), alpha=2.0,
                      temperature=0).check()
    for part in ("layers", "alpha", "temperature"):
        assert part in str(err.value)


def test_short_run_lowers_the_loss_and_saves_a_loadable_student(
    teacher: Path, tmp_path: Path
) -> None:
    docs = [{"id": d["id"], "text": d["text"], "spans": d["spans"]}
            for d in generate(40, seed=1)]
    for d in docs[::2]:
        d["gold"] = False  # text only: the teacher's outputs alone teach these
    for d in docs[1::4]:
        d["teacher"] = False  # gold only: text the teacher does not know
    train = _write_jsonl(docs, tmp_path / "train.jsonl")
    dev = _write_jsonl([{"id": d["id"], "text": d["text"], "spans": d["spans"]}
                        for d in generate(6, seed=2)], tmp_path / "dev.jsonl")
    out = tmp_path / "student"
    result = distill(DistillConfig(teacher=teacher, train=train, dev=dev, out=out,
                                   layers=(1, 3), max_steps=30, eval_steps=15, batch_size=8,
                                   lr=3e-3, warmup_ratio=0.1, max_length=64))
    assert result.steps == 30
    assert mean_loss(result.losses, False, 5) < mean_loss(result.losses, True, 5)
    assert [e["step"] for e in result.evals] == [15, 30]
    assert result.best_step in (15, 30) and result.teacher_dev is not None
    config = json.loads((out / "config.json").read_text())
    assert config["num_hidden_layers"] == 2
    assert config["redactor_distilled_layers"] == [1, 3]
    metrics = json.loads((out / "distill_metrics.json").read_text())
    assert metrics["steps"] == 30 and len(metrics["evals"]) == 2

    (tmp_path / "again").mkdir()
    stale = tmp_path / "again" / "model.int8.onnx"  # an older checkpoint's CPU graph
    stale.write_bytes(b"old graph")
    again = distill(DistillConfig(teacher=teacher, train=train, out=tmp_path / "again",
                                  init=out, max_steps=2, eval_steps=2, batch_size=8,
                                  max_length=64))
    assert again.steps == 2 and again.best_step == 2  # no dev: saved at every evaluation
    assert not stale.exists()  # it would not match the new weights
    assert json.loads((tmp_path / "again" / "config.json").read_text())[
        "num_hidden_layers"] == 2

    from redactor.detect.hf_ner import TransformerRecognizer

    texts = ["Dr. Mary Smith was seen on 3/4/2021.", "call ann lee"]
    spans = TransformerRecognizer(out).detect(texts)
    assert len(spans) == 2
    for text, found in zip(texts, spans, strict=True):
        for s in found:
            assert 0 <= s.start < s.end <= len(text) and s.label in TYPES
