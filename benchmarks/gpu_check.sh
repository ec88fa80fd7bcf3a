#!/usr/bin/env bash
# The GPU measurements of issue 6, as one script for a machine with a CUDA device.
#
#   PY=.venv/bin/python bash benchmarks/gpu_check.sh [OUT_DIR]
#
# Prints (and writes to OUT_DIR): the device, the CUDA tests of the transformer recognizer, the
# transformer alone on GPU batches (bench_hf.py: chars/s and tokens/s, bf16 against float32),
# and bench.py's `model` (the target: 1M chars/s on an H100), `default` and `default-w2`
# (transformer in the main process on the GPU, the rest in 2 workers) with --device cuda.
set -euo pipefail
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS=
PY=${PY:-.venv/bin/python}
OUT=${1:-gpu-check}
mkdir -p "$OUT"
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv | tee "$OUT/gpu.txt"
"$PY" -c "import torch; print('torch', torch.__version__, 'cuda', torch.cuda.is_available())" \
  | tee -a "$OUT/gpu.txt"
"$PY" -m pytest -q tests/unit/detect/test_hf_ner.py tests/e2e/test_run.py tests/e2e/test_engines.py -k "cuda or device or gpu or main_process" \
  | tee "$OUT/tests.txt"
"$PY" benchmarks/bench_hf.py --device cuda --sentences 2000 --repeats 3 | tee "$OUT/bench_hf.txt"
"$PY" benchmarks/bench.py --systems model,default,default-w2 --device cuda --stream-mb 0 \
  --json "$OUT/bench.json" | tee "$OUT/bench.txt"
