"""Write a model folder's CPU graph: ONNX, with int8 weights and activations quantised per run.

Data flow::

    model folder (BertForTokenClassification, safetensors)
      -> float32 ONNX graph (torch.onnx's TorchScript exporter; batch and length dynamic;
         attention traced from the model's eager code, not from scaled_dot_product_attention;
         no attention_mask input: it runs one unpadded window per run)
      -> onnxruntime.quantization.quantize_dynamic: MatMul weights int8 per output channel in
         7 bits (``reduce_range``), the word-embedding table int8; activations quantised on
         the fly (uint8), one scale per run
      -> FOLDER/model.int8.onnx, its metadata ``redactor_quantize = dynamic-int8``

Why 7-bit weights: on x86 CPUs without VNNI (AVX2 only, e.g. AMD EPYC before Zen 4) ONNX
Runtime multiplies uint8 activations by int8 weights with ``vpmaddubsw``, which saturates its
16-bit sum of two products; full-range weights then gave other spans there than on a VNNI
machine (3 of the dev set's 3,643 identifiers). With weights in [-64, 64] no pair can exceed
32,767 (255 * 64 * 2 = 32,640), so every CPU computes the same integers. On an AVX2 machine it
also agreed better with the float32 model (WNUT-17 dev: spans differing from float32 63 -> 42;
held-out written documents 834 -> 697) at the same speed.

``TransformerRecognizer`` reads that metadata: a graph quantised per run gets one window per
run, so a text's spans never depend on the texts batched with it (with shared batches, 6 of
100 tweets changed between a batched and a lone run).

Needs torch, transformers, onnx and onnxruntime (``pip install -e '.[dev]'``); at run time
only onnxruntime is used. Static quantisation (scales calibrated once on real text) was
measured and rejected: as fast as this, and 2.2 points of WNUT-17 recall lost in the ``hipaa``
stack (the feed-forward layers' GELU outputs have outliers a fixed scale cannot hold; keeping
those layers in float32 keeps the recall and loses half the speed). docs/scale.md has the
figures.
"""

from __future__ import annotations

import tempfile
import warnings
from pathlib import Path
from typing import Any

from redactor.detect.hf_ner import QUANTIZE_METADATA_KEY as QUANTIZE_KEY
from redactor.errors import ModelError

#: File name of the quantised graph in a model folder.
INT8_GRAPH = "model.int8.onnx"


def export_float32(folder: Path, out: Path, opset: int = 17, *, mask: bool = True) -> Path:
    """The model in ``folder`` as a float32 ONNX graph at ``out`` (inputs ``input_ids`` and,
    with ``mask``, ``attention_mask``; output ``logits``; batch and length dynamic).

    Without ``mask`` the graph attends to every token of its rows, so it takes only unpadded
    rows: one window per run, as a graph quantised per run is run anyway. The all-ones mask
    it saves cost 8 % of the int8 graph's time (its broadcast add in every layer).

    Attention is traced from the model's eager code: traced through torch's
    scaled_dot_product_attention, each layer's softmax gains a ``Where``/``IsNaN`` guard for
    fully masked rows that cost 18 % of the int8 graph's kernel time (ONNX Runtime's profile,
    one thread), for rows that never occur here (every window has real tokens).
    """
    try:
        import torch
        import transformers
    except ImportError as exc:
        raise ModelError(f"exporting a graph needs torch and transformers ({exc.name})") from None
    model = transformers.AutoModelForTokenClassification.from_pretrained(
        folder, dtype=torch.float32, local_files_only=True, attn_implementation="eager"
    ).eval()
    tokenizer = transformers.AutoTokenizer.from_pretrained(folder, local_files_only=True)
    sample = tokenizer(["a sample of text to trace"], return_tensors="pt")
    names = ["input_ids", "attention_mask"] if mask else ["input_ids"]
    dynamic = {name: {0: "batch", 1: "tokens"} for name in [*names, "logits"]}
    with warnings.catch_warnings(), torch.inference_mode():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            model if mask else _unmasked(model),
            tuple(sample[name] for name in names),
            str(out),
            input_names=names,
            output_names=["logits"],
            dynamic_axes=dynamic,
            opset_version=opset,
            dynamo=False,
        )
    return out


def _unmasked(model: Any) -> Any:
    """``model`` called with token ids alone (no attention mask: every token attends)."""
    import torch

    class Unmasked(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: Any) -> Any:
            return self.model(input_ids=input_ids).logits

    return Unmasked()


def export_int8(folder: Path, name: str = INT8_GRAPH) -> Path:
    """Write ``folder/name``: the folder's model as an ONNX graph quantised to int8 per run.

    Returns the graph's path. Raises ModelError when a package is missing or a step fails.
    """
    folder = Path(folder)
    try:
        import onnx
        from onnxruntime.quantization import QuantType, quantize_dynamic
    except ImportError as exc:
        raise ModelError(
            f"exporting an int8 graph needs onnx and onnxruntime ({exc.name})"
        ) from None
    target = folder / name
    with tempfile.TemporaryDirectory(prefix="redactor-onnx-") as tmp:
        plain = export_float32(folder, Path(tmp) / "float32.onnx", mask=False)
        quantized = Path(tmp) / "int8.onnx"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            quantize_dynamic(
                str(plain),
                str(quantized),
                weight_type=QuantType.QInt8,
                per_channel=True,
                reduce_range=True,  # 7-bit weights: the same integers on every CPU (above)
                op_types_to_quantize=["MatMul", "Gather"],
            )
        graph = onnx.load(str(quantized))
        _set_metadata(graph, {QUANTIZE_KEY: "dynamic-int8"})
        partial = target.with_name(target.name + ".partial")
        onnx.save(graph, str(partial))
        partial.replace(target)
    return target


def _set_metadata(graph: Any, values: dict[str, str]) -> None:
    """Set ``values`` in an ONNX model's ``metadata_props`` (replacing same-named entries)."""
    kept = [p for p in graph.metadata_props if p.key not in values]
    del graph.metadata_props[:]
    graph.metadata_props.extend(kept)
    for key, value in values.items():
        entry = graph.metadata_props.add()
        entry.key, entry.value = key, value
