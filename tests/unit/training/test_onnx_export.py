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
    inputs = [i.name for i in ort.InferenceSession(str(graph)).get_inputs()]
    assert inputs == ["input_ids"]  # one unpadded window per run: no mask to add


def test_weights_fit_seven_bits_so_no_cpu_saturates(folder: Path) -> None:
    """uint8 x int8 pairs summed in 16 bits (AVX2's vpmaddubsw) must not overflow: the same
    spans on every CPU. The bundled model's graph too."""
    from onnx import numpy_helper

    root = Path(__file__).resolve().parents[3]
    for graph in (folder / INT8_GRAPH, root / "models" / "redactor-ner-small" / INT8_GRAPH):
        weights = [numpy_helper.to_array(t) for t in onnx.load(str(graph)).graph.initializer
                   if t.data_type == onnx.TensorProto.INT8 and t.name.endswith("_quantized")
                   and "MatMul" in t.name]  # fmt: skip
        assert weights
        assert max(int(abs(w).max()) for w in weights) * 255 * 2 <= 32767


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
    real = enc["attention_mask"].astype(bool)
    for row, ids in enumerate(enc["input_ids"]):  # one unpadded text per run, as it runs
        got = session.run(None, {"input_ids": ids[real[row]][None].astype(np.int64)})[0][0]
        want = ref[row][real[row]]
        assert (want.argmax(-1) == got.argmax(-1)).mean() >= 0.8
        assert np.abs(want - got).max() < 0.5


def test_a_graph_without_a_mask_input_runs_one_window_per_run(tmp_path: Path) -> None:
    """Without an attention_mask input a graph cannot take padded rows, whatever its
    metadata says: the recognizer never batches windows for it."""
    import shutil

    from redactor.training.onnx_export import export_float32
    from tests.unit.training.conftest import write_tiny_base

    base = write_tiny_base(tmp_path / "m", id2label=LabelSet.of(TYPES).id2label, weights=True)
    export_float32(base, tmp_path / "plain.onnx", mask=False)
    shutil.copy(tmp_path / "plain.onnx", base / INT8_GRAPH)  # float32, no quantisation mark
    rec = TransformerRecognizer(base, LABEL_MAP, device="cpu")
    assert rec.runtime["backend"] == "onnx"
    assert rec.runtime["max_batch_tokens"] == 1
    assert rec.detect(TEXTS) == [rec.detect([t])[0] for t in TEXTS]
