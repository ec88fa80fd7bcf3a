"""`redact train` on a tiny BERT built from a config: trains, selects, stops early, saves, loads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from redactor.errors import InputError, ModelError
from redactor.quality.evaluate import GoldSpan
from redactor.span import Span
from redactor.training.encode import LabelSet
from redactor.training.generate import generate, write_jsonl
from redactor.training.trainer import (
    TrainConfig,
    early_stopping,
    head_sources,
    load_base,
    load_docs,
    plan_steps,
    train,
    training_arguments,
)

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

TYPES = ("DATE", "LOCATION", "PERSON")


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("data")
    train_path, dev_path = folder / "train.jsonl", folder / "dev.jsonl"
    write_jsonl(generate(50, seed=1), train_path)
    short = [
        {
            "id": f"s{i}",
            "text": f"call mary lee on 3/{i}",
            "spans": [
                {"start": 5, "end": 13, "type": "PERSON"},
                {"start": 17, "end": 19 + (i > 9), "type": "DATE"},
            ],
        }
        for i in range(1, 12)
    ]
    write_jsonl(generate(10, seed=2) + short, dev_path)  # long and short: order must hold
    return train_path, dev_path


@pytest.fixture(scope="module")
def trained(tiny_base: Path, data: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("out") / "model"
    config = TrainConfig(
        base=tiny_base,
        train=data[0],
        dev=data[1],
        out=out,
        labels=TYPES,
        max_steps=16,
        eval_steps=4,
        lr=1e-3,
        batch_size=8,
        max_length=64,
        patience=0,
        device="cpu",
    )
    return config, train(config)


def test_loss_decreases(trained) -> None:
    _, result = trained
    losses = [loss for _, loss in result.train_loss]
    assert len(losses) >= 3
    assert losses[-1] < losses[0] * 0.9


def test_best_checkpoint_is_the_best_evaluation(trained) -> None:
    _, result = trained
    assert result.global_step == 16
    assert [int(h["step"]) for h in result.eval_history] == [4, 8, 12, 16]
    best = max(h["eval_f1"] for h in result.eval_history)
    assert result.best_metric == pytest.approx(best)
    assert result.best_step in (4, 8, 12, 16)
    by_step = {int(h["step"]): h["eval_f1"] for h in result.eval_history}
    assert by_step[result.best_step] == pytest.approx(best)


def test_output_folder_loads_and_predicts(trained) -> None:
    from redactor.detect.hf_ner import TransformerRecognizer

    config, _ = trained
    out = Path(config.out)
    names = {p.name for p in out.iterdir()}
    assert {
        "config.json",
        "model.safetensors",
        "tokenizer.json",
        "redactor_label_map.json",
        "MODEL_CARD.md",
        "training_metrics.json",
    } <= names
    assert ".checkpoints" not in names
    cfg = json.loads((out / "config.json").read_text())
    assert list(cfg["id2label"].values()) == LabelSet.of(TYPES).labels
    assert cfg["dtype"] == "float16"
    assert json.loads((out / "redactor_label_map.json").read_text()) == {t: t for t in TYPES}
    recognizer = TransformerRecognizer(out, device="cpu")
    texts = ["Dr. Mary Lee saw the patient on 3/14/2021 in Springfield.", "", "call nguyen"]
    spans = recognizer.detect(texts)
    assert len(spans) == 3 and spans[1] == []
    for text, found in zip(texts, spans, strict=True):
        for span in found:
            assert isinstance(span, Span)
            assert 0 <= span.start < span.end <= len(text)
            assert span.label in TYPES
    assert recognizer.entity_types == frozenset(TYPES)


def test_model_card_and_metrics(trained) -> None:
    config, result = trained
    card = (Path(config.out) / "MODEL_CARD.md").read_text()
    assert str(config.base) in card and "## Metrics" in card and "PERSON" in card
    record = json.loads((Path(config.out) / "training_metrics.json").read_text())
    assert record["best_step"] == result.best_step
    assert record["final"]["scores"]["f1"] >= 0.0
    assert result.final is not None and "ALL (type-blind)" in result.final["table"]


def test_early_stopping_stops(tiny_base: Path, data: tuple[Path, Path], tmp_path: Path) -> None:
    # a learning rate too small to change the metric: no improvement after the first evaluation
    config = TrainConfig(
        base=tiny_base,
        train=data[0],
        dev=data[1],
        out=tmp_path / "m",
        labels=TYPES,
        max_steps=40,
        eval_steps=2,
        lr=1e-12,
        batch_size=8,
        max_length=64,
        patience=1,
        final_eval=False,
        device="cpu",
    )
    result = train(config)
    assert result.global_step == 4
    assert len(result.eval_history) == 2


def test_training_arguments_wiring(tmp_path: Path) -> None:
    config = TrainConfig(
        base="b",
        train="t",
        out="o",
        grad_accum=4,
        weight_decay=0.05,
        seed=7,
        warmup_ratio=0.25,
        metric="f1_overlap",
        patience=2,
    )
    args = training_arguments(config, tmp_path, total=100, every=10, has_dev=True, cuda=False)
    assert args.load_best_model_at_end
    assert args.metric_for_best_model == "f1_overlap" and args.greater_is_better
    assert args.eval_strategy == "steps" and args.save_strategy == "steps"
    assert args.eval_steps == args.save_steps == 10
    assert args.warmup_steps == 25 and args.lr_scheduler_type == "linear"
    assert args.gradient_accumulation_steps == 4 and args.weight_decay == 0.05
    assert args.seed == 7 and not args.fp16 and not args.bf16
    (callback,) = early_stopping(config, has_dev=True)
    assert callback.early_stopping_patience == 2
    assert early_stopping(config, has_dev=False) == []
    plain = training_arguments(config, tmp_path, total=100, every=10, has_dev=False, cuda=False)
    assert not plain.load_best_model_at_end and plain.eval_strategy == "no"


@pytest.mark.parametrize(
    ("chunks", "options", "expected"),
    [
        (160, {"batch_size": 16, "epochs": 3}, (10, 30, 6)),
        (160, {"batch_size": 16, "grad_accum": 2, "epochs": 1}, (5, 5, 1)),
        (160, {"batch_size": 16, "max_steps": 7}, (10, 7, 2)),
        (1000, {"batch_size": 8, "max_steps": 300, "eval_steps": 50}, (125, 300, 50)),
    ],
)
def test_plan_steps(chunks: int, options: dict, expected: tuple[int, int, int]) -> None:
    assert plan_steps(chunks, TrainConfig(base="b", train="t", out="o", **options)) == expected


@pytest.mark.parametrize(
    "options",
    [
        {"lr": 0},
        {"batch_size": 0},
        {"warmup_ratio": 1.0},
        {"metric": "accuracy"},
        {"precision": "fp8"},
        {"epochs": 0, "max_steps": 0},
        {"patience": -1},
    ],
)
def test_invalid_options(options: dict) -> None:
    with pytest.raises(InputError):
        TrainConfig(base="b", train="t", out="o", **options).check()


RAMPART_LIKE = {
    0: "O",
    1: "B-GIVEN_NAME",
    2: "I-GIVEN_NAME",
    3: "B-SURNAME",
    4: "I-SURNAME",
    5: "B-CITY",
    6: "I-CITY",
    7: "B-STATE",
    8: "I-STATE",
}
RAMPART_MAP = {"GIVEN_NAME": "PERSON", "SURNAME": "PERSON", "CITY": "LOCATION", "STATE": None}


@pytest.mark.parametrize(
    ("old", "mapping", "expected"),
    [
        (
            RAMPART_LIKE,
            RAMPART_MAP,
            {
                "O": [0],
                "B-DATE": [],
                "I-DATE": [],
                "B-LOCATION": [5],
                "I-LOCATION": [6],
                "B-PERSON": [1, 3],
                "I-PERSON": [2, 4],
            },
        ),
        # a base already in our types needs no map
        (
            {0: "O", 1: "B-PERSON", 2: "I-PERSON"},
            {},
            {
                "O": [0],
                "B-DATE": [],
                "I-DATE": [],
                "B-LOCATION": [],
                "I-LOCATION": [],
                "B-PERSON": [1],
                "I-PERSON": [2],
            },
        ),
        # labels without a prefix count as B-
        (
            {0: "O", 1: "PER"},
            {"PER": "PERSON"},
            {
                "O": [0],
                "B-DATE": [],
                "I-DATE": [],
                "B-LOCATION": [],
                "I-LOCATION": [],
                "B-PERSON": [1],
                "I-PERSON": [],
            },
        ),
    ],
)
def test_head_sources(old: dict, mapping: dict, expected: dict) -> None:
    assert head_sources(old, mapping, LabelSet.of(TYPES)) == expected


def test_resized_head_keeps_mapped_rows(tmp_path: Path, write_tiny_base) -> None:
    base = write_tiny_base(tmp_path / "base", id2label=RAMPART_LIKE, weights=True)
    (base / "redactor_label_map.json").write_text(json.dumps(RAMPART_MAP))
    old = transformers.AutoModelForTokenClassification.from_pretrained(base).classifier
    config = TrainConfig(base=base, train="t", out=tmp_path / "o")
    labels = LabelSet.of(TYPES)
    _, model, init = load_base(config, labels)
    new = model.classifier
    assert new.out_features == 7 and model.config.id2label == labels.id2label
    row = labels.label2id
    torch.testing.assert_close(new.weight[row["B-PERSON"]], old.weight[[1, 3]].mean(0))
    torch.testing.assert_close(new.bias[row["B-PERSON"]], old.bias[[1, 3]].mean())
    torch.testing.assert_close(new.weight[row["O"]], old.weight[0])
    torch.testing.assert_close(new.weight[row["I-LOCATION"]], old.weight[6])
    assert init["B-PERSON"] == ["B-GIVEN_NAME", "B-SURNAME"] and init["B-DATE"] == []
    assert float(new.weight[row["B-DATE"]].detach().abs().sum()) > 0
    logits = model(input_ids=torch.tensor([[2, 10, 3]])).logits
    assert logits.shape == (1, 3, 7)


def test_missing_base_fails_closed(tmp_path: Path) -> None:
    config = TrainConfig(base=tmp_path / "nope", train="t", out=tmp_path / "o")
    with pytest.raises(ModelError):
        load_base(config, LabelSet.of(TYPES))


def test_non_empty_output_needs_overwrite(
    tiny_base: Path, data: tuple[Path, Path], tmp_path: Path
) -> None:
    (tmp_path / "keep.txt").write_text("x")
    config = TrainConfig(base=tiny_base, train=data[0], out=tmp_path, max_steps=1)
    with pytest.raises(InputError, match="not empty"):
        train(config)


def test_load_docs_conll_and_jsonl(tmp_path: Path) -> None:
    conll = tmp_path / "a.conll"
    conll.write_text("John\tB-person\nSmith\tI-person\nin\tO\nParis\tB-location\n\nok\tO\n")
    docs = load_docs(conll, label_map={"person": "PERSON", "location": None})
    assert [d.text for d in docs] == ["John Smith in Paris", "ok"]
    assert docs[0].spans == (GoldSpan(0, 10, "PERSON"),)
    jsonl = tmp_path / "a.jsonl"
    write_jsonl(
        [{"id": "x", "text": "Mary Lee", "spans": [{"start": 0, "end": 8, "type": "PERSON"}]}],
        jsonl,
    )
    (doc,) = load_docs(jsonl)
    assert doc.spans == (GoldSpan(0, 8, "PERSON"),)
    with pytest.raises(InputError):
        load_docs(tmp_path / "missing.jsonl")


def test_same_seed_same_weights(tiny_base: Path, data: tuple[Path, Path], tmp_path: Path) -> None:
    outs = []
    for name in ("a", "b"):
        config = TrainConfig(
            base=tiny_base,
            train=data[0],
            out=tmp_path / name,
            labels=TYPES,
            max_steps=3,
            lr=1e-3,
            batch_size=8,
            max_length=64,
            seed=5,
            device="cpu",
        )
        train(config)
        outs.append((tmp_path / name / "model.safetensors").read_bytes())
    assert outs[0] == outs[1]


@pytest.mark.parametrize(
    "heading", ["## Attribution and licence", "## Licence and attribution", "## Attribution"]
)
def test_base_attribution_is_carried(tmp_path: Path, heading: str) -> None:
    from redactor.training.trainer import _base_attribution

    card = f"# m\n\n{heading}\n\nModel X, CC BY 4.0, by Y.\n\n## Model\n\nnot this\n"
    (tmp_path / "MODEL_CARD.md").write_text(card)
    assert _base_attribution(tmp_path) == "Model X, CC BY 4.0, by Y."
    (tmp_path / "MODEL_CARD.md").write_text("# m\n\nno attribution here\n")
    assert _base_attribution(tmp_path) is None


def test_training_without_accelerate_names_the_extra(
    tiny_base: Path, data: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "accelerate", None)  # as if not installed
    config = TrainConfig(base=tiny_base, train=data[0], dev=data[1], out=tmp_path / "m",
                         labels=TYPES, max_steps=1, device="cpu")
    with pytest.raises(ModelError, match=r"accelerate: pip install 'redactor\[train\]'"):
        train(config)
    assert not (tmp_path / "m").exists()


def test_every_invalid_option_is_listed_in_one_error_in_order() -> None:
    with pytest.raises(InputError) as err:
        TrainConfig(base="b", train="t", out="o", lr=0, grad_accum=0, max_length=4,
                    save_dtype="int8").check()
    message = str(err.value)
    parts = ["lr must be positive", "grad_accum must be at least 1",
             "max_length must be at least 8", "save_dtype must be float16, float32 or bfloat16"]
    assert all(p in message for p in parts), message
    assert [message.index(p) for p in parts] == sorted(message.index(p) for p in parts)


def test_a_base_with_an_int8_graph_gives_a_trained_model_its_own(
    data: tuple[Path, Path], tmp_path: Path, write_tiny_base
) -> None:
    """A base that runs as an int8 graph on the CPU (redactor-ner-small) gives the trained
    folder a graph of its new weights, never a copy of the base's."""
    pytest.importorskip("onnx")
    from redactor.detect.hf_ner import TransformerRecognizer
    from redactor.training.encode import LabelSet
    from redactor.training.onnx_export import INT8_GRAPH, export_int8

    base = write_tiny_base(tmp_path / "base", id2label=LabelSet.of(TYPES).id2label, weights=True)
    export_int8(base)
    out = tmp_path / "out"
    out.mkdir()
    (out / "stale.onnx").write_bytes(b"an older run's graph")
    train(TrainConfig(base=base, train=data[0], out=out, labels=TYPES, max_steps=2, lr=1e-3,
                      batch_size=8, max_length=64, device="cpu", overwrite=True))  # fmt: skip
    assert sorted(p.name for p in out.glob("*.onnx")) == [INT8_GRAPH]
    assert (out / INT8_GRAPH).read_bytes() != (base / INT8_GRAPH).read_bytes()
    runtime = TransformerRecognizer(out, device="cpu").runtime
    assert runtime["backend"] == "onnx" and runtime["quantize"] == "dynamic-int8"
