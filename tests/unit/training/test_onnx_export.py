"""The int8 CPU graph: written into the folder, marked as quantised per run, loaded as such."""

from __future__ import annotations

from pathlib import Path

import pytest

from redactor.training.encode import LabelSet

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")
onnx = pytest.importorskip("onnx")
ort = pytest.importorskip("onnxruntime")

from redactor.detect.hf_ner import TransformerRecognizer  # noqa: E402
from redactor.training.onnx_export import INT8_GRAPH, QUANTIZE_KEY, export_int8  # noqa: E402

TYPES = ("DATE", "PERSON")
LABEL_MAP = {t: t for t in TYPES}
TEXTS = ["seen by dr smith on 3 may", "mary ann lee", "call mr nguyen at the patient desk",
         "the date 12 6 2021 and name lee"]  # fmt: skip


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny model with random weights and its int8 graph."""
    from tests.unit.training.conftest import write_tiny_base

    base = write_tiny_base(tmp_path_factory.mktemp("int8"), id2label=LabelSet.of(TYPES).id2label,
                           weights=True)  # fmt: skip
    export_int8(base)
    return base


def test_graph_is_written_with_its_quantisation_in_the_metadata(folder: Path) -> None:
    graph = folder / INT8_GRAPH
    assert graph.is_file() and not list(folder.glob("*.partial"))
    meta = ort.InferenceSession(str(graph)).get_modelmeta().custom_metadata_map
    assert meta[QUANTIZE_KEY] == "dynamic-int8"
    ops = {n.op_type for n in onnx.load(str(graph)).graph.node}
    assert "DynamicQuantizeLinear" in ops  # activations quantised at run time, not float32
    assert "IsNaN" not in ops  # eager attention: no guard for fully masked softmax rows


def test_cpu_auto_backend_runs_the_graph_one_window_per_run(folder: Path) -> None:
    rec = TransformerRecognizer(folder, LABEL_MAP, device="cpu")
    runtime = rec.runtime
    assert runtime["backend"] == "onnx"
    assert runtime["quantize"] == "dynamic-int8"
    assert runtime["max_batch_tokens"] == 1
    batched = rec.detect(TEXTS)
    alone = [rec.detect([t])[0] for t in TEXTS]
    reordered = rec.detect(TEXTS[::-1])[::-1]
    assert batched == alone == reordered


def test_graph_agrees_with_the_float32_model(folder: Path) -> None:
    """int8 keeps most token labels of the float32 weights (a random tiny model is the
    hardest case: its logits are close together)."""
    import numpy as np

    tok = transformers.AutoTokenizer.from_pretrained(folder)
    enc = tok(TEXTS, padding=True, return_tensors="np")
    model = transformers.AutoModelForTokenClassification.from_pretrained(folder).eval()
    with torch.inference_mode():
        ref = model(input_ids=torch.from_numpy(enc["input_ids"]),
                    attention_mask=torch.from_numpy(enc["attention_mask"])).logits.numpy()
    session = ort.InferenceSession(str(folder / INT8_GRAPH))
    got = session.run(None, {"input_ids": enc["input_ids"].astype(np.int64),
                             "attention_mask": enc["attention_mask"].astype(np.int64)})[0]
    real = enc["attention_mask"].astype(bool)
    agree = (ref.argmax(-1) == got.argmax(-1))[real].mean()
    assert agree >= 0.8
    assert np.abs(ref - got)[real].max() < 0.5
