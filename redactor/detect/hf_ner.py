"""A Hugging Face token classifier as a recognizer: length buckets, token windows, GPU or CPU.

Data flow for one ``detect`` call (all documents together):

1. tokenize every text with the fast tokenizer (no special tokens, exact character offsets);
2. cut each document into as few evenly spread windows of at most ``max_length`` tokens
   (specials included) as overlap by at least ``stride`` tokens;
3. sort the windows by length and pack them into batches of at most ``max_batch_tokens``
   padded tokens, run the model once per batch under ``torch.inference_mode()``;
4. stitch: each token takes its prediction from the window where it lies farthest from an
   edge (each window "owns" the middle of its overlaps), so nothing is lost or doubled;
5. aggregate sub-word tokens into words ("first" or "max" token decides), map model labels to
   ours through ``label_map``, and merge adjacent same-type words into spans.

transformers and torch are imported by :meth:`TransformerRecognizer.load`, never at import; an
ONNX graph on the CPU needs neither (only ``tokenizers`` and ``onnxruntime``).
Every failure to load or run is a :class:`~redactor.errors.ModelError` that names paths,
options and counts, never document text.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import sys
import threading
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from redactor.entities import ENTITY_TYPES
from redactor.errors import ModelError
from redactor.span import Span
from redactor.util.bio import split_tag
from redactor.util.hashing import folder_digest

AGGREGATIONS = ("first", "max")
SCORE_REDUCTIONS = ("mean", "min")
DTYPES = ("auto", "float32", "float16", "bfloat16")
QUANTIZATIONS = (None, "dynamic-int8")
#: Default padded tokens per batch: small batches stay in the CPU caches (2048 ran about 30 %
#: faster than 8192 on 2 cores, benchmarks/bench_hf.py); a GPU wants large ones.
CPU_BATCH_TOKENS = 2048
GPU_BATCH_TOKENS = 16384
#: File in a model folder holding its label map, used when none is given.
LABEL_MAP_FILE = "redactor_label_map.json"
#: At least one of these must be in a local model folder.
TOKENIZER_FILES = (
    "tokenizer.json",
    "vocab.txt",
    "vocab.json",
    "tokenizer.model",
    "spiece.model",
    "sentencepiece.bpe.model",
)
WEIGHT_PATTERNS = ("*.safetensors", "*.bin", "*.safetensors.index.json", "*.bin.index.json")

#: Policy key -> option name, for :meth:`TransformerRecognizer.from_config`.
_CONFIG_ALIASES = {"batch_tokens": "max_batch_tokens"}
_DEVICE = re.compile(r"auto|cpu|mps|cuda(:\d+)?")
#: Text allowed between two words of the same type for them to form one span: nothing,
#: whitespace, or one hyphen / apostrophe ("Jean-Luc", "O'Brien", "Mary Ann").
_JOIN_GAP = re.compile(r"\s*|[-'’‐]")
#: Prefixes that continue an entity in BIO / BIOES / BILOU, and those that close one.
_CONTINUE = frozenset({"I", "E", "L", ""})
_CLOSING = frozenset({"E", "L", "S", "U"})


def check_label_map(label_map: Mapping[str, str | None]) -> None:
    """Every target must be None or an entity type of the catalogue."""
    bad = sorted(
        f"{key}->{value}"
        for key, value in label_map.items()
        if value is not None and value not in ENTITY_TYPES
    )
    if bad:
        raise ModelError(f"label_map targets unknown entity types: {', '.join(bad)}")


def resolve_device(device: str, cuda_available: bool, cuda_count: int = 1) -> str:
    """``"auto"`` -> ``"cuda"`` when a GPU is usable, else ``"cpu"``; a missing GPU is an error."""
    if not _DEVICE.fullmatch(device):
        raise ModelError(f"device must be auto, cpu, mps, cuda or cuda:N, not {device!r}")
    if device == "auto":
        return "cuda" if cuda_available else "cpu"
    if device.startswith("cuda"):
        index = int(device.partition(":")[2] or 0)
        if not cuda_available or index >= cuda_count:
            raise ModelError(
                f"device {device!r} requested but {cuda_count if cuda_available else 0} CUDA "
                "device(s) are available; use device='cpu' or 'auto'"
            )
    return device


def plan_windows(n_tokens: int, width: int, stride: int) -> list[tuple[int, int, int, int]]:
    """Token windows ``(start, end, own_start, own_end)`` covering ``n_tokens`` tokens.

    As few windows as fit ``width`` tokens each with overlaps of at least ``stride``, all of
    one length and evenly spread (a document just over one window costs about
    ``n + stride`` tokens, not ``2 * width``). A window owns the tokens nearer its middle than
    any other window's, so the owned ranges partition ``[0, n_tokens)`` and each token is
    read where it has the most context on both sides.
    """
    if n_tokens <= 0:
        return []
    if n_tokens <= width:
        return [(0, n_tokens, 0, n_tokens)]
    count = -(-(n_tokens - stride) // (width - stride))
    length = -(-(n_tokens + (count - 1) * stride) // count)
    starts = [i * (n_tokens - length) // (count - 1) for i in range(count)]
    bounds = [0]
    for left, right in itertools.pairwise(starts):
        bounds.append(max(bounds[-1], right + (left + length - right) // 2))
    bounds.append(n_tokens)
    return [(s, s + length, bounds[k], bounds[k + 1]) for k, s in enumerate(starts)]


def pack_batches(lengths: Sequence[int], max_batch_tokens: int) -> list[list[int]]:
    """Indices of ``lengths`` grouped longest first so rows x longest <= ``max_batch_tokens``.

    Sorting by length keeps padding small; every batch holds at least one row.
    """
    order = sorted(range(len(lengths)), key=lambda i: -lengths[i])
    batches: list[list[int]] = []
    current: list[int] = []
    for index in order:
        if current and (len(current) + 1) * lengths[current[0]] > max_batch_tokens:
            batches.append(current)
            current = []
        current.append(index)
    if current:
        batches.append(current)
    return batches


@dataclass
class TransformerRecognizer:
    """Entities from a Hugging Face token-classification model in a local folder.

    ``label_map`` maps the model's entity labels (prefix stripped: ``B-PER`` -> ``PER``) to our
    entity types, or to None to ignore them; when omitted it is read from the folder's
    ``redactor_label_map.json``. Every label the model can emit must be a key: a model whose
    labels are not all accounted for does not load.

    Construction is cheap; :meth:`load` (called by the first :meth:`detect`) imports torch,
    loads the model and fails closed.

    - ``device``: ``auto`` (CUDA when available, else CPU), ``cpu``, ``cuda``, ``cuda:N``.
    - ``dtype``: ``auto`` is bfloat16 (float16 where unsupported) on a GPU, float32 on the CPU.
    - ``quantize="dynamic-int8"``: int8 Linear weights per output channel, activations
      quantised on the fly (CPU, float32 only). The activation scale is taken per run, so
      each window runs alone: with shared batches a text's spans depended on the texts
      batched with it (12 of 200 Faker sentences changed on Rampart). An ONNX graph whose
      metadata says ``redactor_quantize: dynamic-int8`` (redactor.training.onnx_export) runs
      the same way.
    - ``max_length`` tokens per window, specials included (default: the model's limit, at most
      512); windows overlap by ``stride`` tokens (default: a quarter of the window, at most 128).
    - ``max_batch_tokens``: padded tokens per batch (default 2048 on the CPU, 16384 on a GPU;
      1, one window per run, for a model quantised per run).
    - ``aggregation``: which sub-word token labels a word, the ``first`` or the most confident
      (``max``); ``score``: a span's score is the ``mean`` or ``min`` of its words'.
    - ``merge_adjacent`` (default): same-type words separated by nothing, whitespace or one
      hyphen / apostrophe form one span even when each is tagged ``B-``; without it only BIO
      continuations join.
    - ``local_files_only=False`` lets a hub id download (never in tests).
    - ``backend``: ``torch``, ``onnx`` (ONNX Runtime on the CPU, from a ``*.onnx`` graph in the
      model folder), or ``auto``: ONNX Runtime on the CPU when the folder has a graph and no
      quantisation or dtype is asked for, torch otherwise. For the bundled model the graph is
      the one the weights were converted from, so both give the same predictions.
    - ``not_alone``: model labels dropped when a span holds nothing else (default: the
      model config's ``redactor_not_alone``, e.g. a bare building number).
    """

    model: str | Path
    label_map: Mapping[str, str | None] | None = None
    name: str = "hf_ner"
    device: str = "auto"
    dtype: str = "auto"
    quantize: str | None = None
    max_length: int | None = None
    stride: int | None = None
    max_batch_tokens: int | None = None
    aggregation: str = "first"
    score: str = "mean"
    merge_adjacent: bool = True
    local_files_only: bool = True
    backend: str = "auto"
    not_alone: tuple[str, ...] | None = None
    _state: dict[str, Any] | None = field(default=None, init=False, repr=False, compare=False)
    _lock: Any = field(default_factory=threading.Lock, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        problems = []
        if self.aggregation not in AGGREGATIONS:
            problems.append(f"aggregation must be one of {AGGREGATIONS}")
        if self.score not in SCORE_REDUCTIONS:
            problems.append(f"score must be one of {SCORE_REDUCTIONS}")
        if self.dtype not in DTYPES:
            problems.append(f"dtype must be one of {DTYPES}")
        if self.quantize not in QUANTIZATIONS:
            problems.append(f"quantize must be one of {QUANTIZATIONS}")
        if not _DEVICE.fullmatch(self.device):
            problems.append("device must be auto, cpu, mps, cuda or cuda:N")
        if self.max_length is not None and self.max_length < 3:
            problems.append("max_length must be at least 3")
        if self.stride is not None and self.stride < 0:
            problems.append("stride must not be negative")
        if self.max_batch_tokens is not None and self.max_batch_tokens < 1:
            problems.append("max_batch_tokens must be positive")
        if problems:
            raise ModelError(f"{self.name}: " + "; ".join(problems))
        if self.label_map is not None:
            check_label_map(self.label_map)

    @classmethod
    def from_config(cls, config: Any) -> TransformerRecognizer:
        """Build from a policy's ``detectors.transformer`` block (pydantic model or mapping).

        Keys are this class's options; ``batch_tokens`` is accepted for ``max_batch_tokens``.
        An unknown key is an error rather than a silently ignored setting.
        """
        if isinstance(config, Mapping):
            data = dict(config)
        elif hasattr(config, "model_dump"):
            data = config.model_dump()
        else:
            data = dict(vars(config))
        options = {f.name for f in fields(cls) if f.init}
        kwargs = {_CONFIG_ALIASES.get(key, key): value for key, value in data.items()}
        unknown = sorted(set(kwargs) - options)
        if unknown:
            raise ModelError(f"unknown transformer detector options: {', '.join(unknown)}")
        return cls(**kwargs)

    # -- pickling ships the configuration only; a worker loads lazily ------------------------

    def __getstate__(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.init}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for key, value in state.items():
            object.__setattr__(self, key, value)
        self._state = None
        self._lock = threading.Lock()

    # -- loading ------------------------------------------------------------------------------

    @property
    def loaded(self) -> bool:
        """Whether :meth:`load` has run successfully."""
        return self._state is not None

    def load(self) -> None:
        """Import torch, load tokenizer and model, check the label map; ModelError on failure."""
        with self._lock:
            if self._state is None:
                self._state = self._load()

    def _source(self) -> tuple[str, Path | None]:
        path = Path(self.model).expanduser()
        if path.exists():
            if not path.is_dir():
                raise ModelError(f"model path {path} is not a folder")
            if not (path / "config.json").is_file():
                raise ModelError(f"model folder {path} has no config.json")
            if not any(next(path.glob(p), None) for p in WEIGHT_PATTERNS):
                raise ModelError(f"model folder {path} has no weights (*.safetensors, *.bin)")
            if not any((path / f).is_file() for f in TOKENIZER_FILES):
                raise ModelError(f"model folder {path} has no tokenizer files")
            return str(path), path
        if self.local_files_only:
            raise ModelError(
                f"model folder {path} not found (build it with scripts/build_model.py, or "
                "allow downloads with local_files_only=False)"
            )
        return str(self.model), None

    def _label_map(self, folder: Path | None) -> dict[str, str | None]:
        if self.label_map is not None:
            return dict(self.label_map)
        file = folder / LABEL_MAP_FILE if folder is not None else None
        if file is None or not file.is_file():
            raise ModelError(
                f"{self.name}: no label_map given and no {LABEL_MAP_FILE} in the model"
            )
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ModelError(f"cannot read {file} ({type(exc).__name__})") from None
        if not isinstance(data, dict) or not all(
            isinstance(k, str) and (v is None or isinstance(v, str)) for k, v in data.items()
        ):
            raise ModelError(f"{file} must map model labels to entity types or null")
        check_label_map(data)
        return data

    def _load(self) -> dict[str, Any]:
        source, folder = self._source()
        label_map = self._label_map(folder)
        graph = self._light_graph(folder)
        parts = _load_graph(folder, graph) if graph is not None and folder is not None else None
        if parts is None:
            parts = self._load_hf(source, folder)
        config, tokenizer, session, model = (parts["config"], parts["tokenizer"],
                                              parts["session"], parts["model"])
        import numpy as np

        id2label = {int(i): str(lab) for i, lab in config.id2label.items()}
        tags = [split_tag(id2label.get(i, "")) for i in range(config.num_labels)]
        uncovered = sorted({t for p, t in tags if p != "O"} - set(label_map))
        if uncovered:
            raise ModelError(f"label_map does not cover the model's labels: {uncovered}")
        types = sorted({v for v in label_map.values() if v is not None})
        type_of = np.array(
            [types.index(label_map[t]) if p != "O" and label_map[t] else -1 for p, t in tags],
            dtype=np.int64,
        )

        torch, device, dtype = parts["torch"], parts["device"], parts["dtype"]
        if model is not None:
            model.eval()
        if self.quantize == "dynamic-int8":
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                from torch.ao.quantization import per_channel_dynamic_qconfig, quantize_dynamic

                # Per output channel: on Rampart it agrees with float32 clearly better than
                # one scale per tensor (benchmarks/bench_hf.py), at the same speed.
                model = quantize_dynamic(
                    model, {torch.nn.Linear: per_channel_dynamic_qconfig}, dtype=torch.qint8
                )
        try:
            if model is not None:
                model.to(device)
        except Exception as exc:
            raise ModelError(f"cannot move model to {device} ({type(exc).__name__})") from None

        backend = tokenizer
        backend.no_truncation()
        backend.no_padding()
        plain = backend.encode("a", add_special_tokens=False).ids
        full = backend.encode("a", add_special_tokens=True).ids
        cut = next((i for i in range(len(full)) if full[i : i + len(plain)] == plain), len(full))
        prefix, suffix = full[:cut], full[cut + len(plain) :]
        limits = [512, int(config.max_position_embeddings)]
        if 0 < parts["model_max_length"] < 1_000_000:
            limits.append(parts["model_max_length"])
        max_length = self.max_length or min(limits)
        if max_length > int(config.max_position_embeddings):
            raise ModelError(
                f"max_length {max_length} exceeds the model's "
                f"{config.max_position_embeddings} positions"
            )
        width = max_length - len(prefix) - len(suffix)
        stride = min(128, width // 4) if self.stride is None else self.stride
        if width <= stride:
            raise ModelError(
                f"max_length {max_length} leaves {width} tokens per window, not more than "
                f"stride {stride}"
            )
        if folder is not None:
            version = folder_version(folder, getattr(config, "redactor_model_version", None))
        else:
            version = f"{source}@{getattr(config, '_commit_hash', None) or 'unknown'}"
        # Activations quantised per run (torch's dynamic int8, or a graph that says so): one
        # window per run, so that a text's spans never depend on the texts batched with it.
        # A graph without an attention_mask input (the int8 export) cannot take padded rows.
        per_run = (self.quantize == "dynamic-int8"
                   or _graph_quantization(session) == "dynamic-int8"
                   or (session is not None and not _takes_mask(session)))
        batch_tokens = self.max_batch_tokens or (
            CPU_BATCH_TOKENS if device == "cpu" else GPU_BATCH_TOKENS
        )
        return {
            "np": np,
            "torch": torch,
            "model": model,
            "session": session,
            "backend": "onnx" if session is not None else "torch",
            "tokenizer": backend,
            "device": device,
            "dtype": dtype,
            "prefix": np.array(prefix, dtype=np.int64),
            "suffix": np.array(suffix, dtype=np.int64),
            "pad_id": parts["pad_id"],
            "width": width,
            "stride": stride,
            "max_batch_tokens": 1 if per_run else batch_tokens,
            "quantize": "dynamic-int8" if per_run else None,
            "max_length": max_length,
            "tags": tags,
            "types": types,
            "type_of": type_of,
            "version": version,
            "not_alone": frozenset(
                self.not_alone
                if self.not_alone is not None
                else getattr(config, "redactor_not_alone", None) or ()
            ),
        }

    def _light_graph(self, folder: Path | None) -> Path | None:
        """The ONNX graph to run without importing torch or transformers, or None.

        That path needs a local folder with ``tokenizer.json``, the CPU for sure (``cpu``, or
        ``auto`` where no GPU driver is present) and an ONNX backend; it reads the same files
        as transformers would and builds the same tokenizer (tests compare the two), saving
        about two seconds of every process's start."""
        if folder is None or not (folder / "tokenizer.json").is_file():
            return None
        if not self.surely_on_cpu or self.backend == "torch" or self.quantize is not None:
            return None
        if self.backend == "auto" and self.dtype != "auto":
            return None
        return self._onnx_file(folder, "cpu")

    def _load_hf(self, source: str, folder: Path | None) -> dict[str, Any]:
        """Tokenizer, config and model (torch) or session (ONNX Runtime) through transformers."""
        try:
            import torch
            import transformers
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise ModelError(f"{self.name} needs torch and transformers ({exc.name})") from None
        device = resolve_device(self.device, torch.cuda.is_available(), torch.cuda.device_count())
        dtype = self._resolve_dtype(torch, device)
        if self.quantize and (device != "cpu" or dtype != torch.float32):
            raise ModelError("quantize='dynamic-int8' needs device='cpu' and float32")

        onnx_file = self._onnx_file(folder, device)
        if onnx_file is not None and self.quantize:
            raise ModelError("quantize='dynamic-int8' needs backend='torch'")

        logging = transformers.utils.logging
        bars = logging.is_progress_bar_enabled()
        logging.disable_progress_bar()
        model = session = None
        try:
            tokenizer = transformers.AutoTokenizer.from_pretrained(
                source, local_files_only=self.local_files_only
            )
            if onnx_file is None:
                model, info = transformers.AutoModelForTokenClassification.from_pretrained(
                    source,
                    dtype=dtype,
                    local_files_only=self.local_files_only,
                    output_loading_info=True,
                )
                config = model.config
            else:
                config = transformers.AutoConfig.from_pretrained(
                    source, local_files_only=self.local_files_only
                )
                session, info = _onnx_session(onnx_file, torch.get_num_threads()), {}
        except ModelError:
            raise
        except Exception as exc:
            raise ModelError(
                f"cannot load model {source} ({type(exc).__name__}: {str(exc)[:300]})"
            ) from None
        finally:
            if bars:
                logging.enable_progress_bar()
        broken = list(info.get("missing_keys") or []) + list(info.get("mismatched_keys") or [])
        if broken:
            raise ModelError(
                f"model {source} lacks or mismatches weights: {sorted(map(str, broken))[:5]}"
            )
        if not getattr(tokenizer, "is_fast", False):
            raise ModelError(f"model {source} needs a fast tokenizer (tokenizer.json)")
        return {
            "config": config,
            "tokenizer": Tokenizer.from_str(tokenizer.backend_tokenizer.to_str()),
            "pad_id": int(tokenizer.pad_token_id or 0),
            "model_max_length": int(getattr(tokenizer, "model_max_length", 0) or 0),
            "model": model,
            "session": session,
            "torch": torch,
            "device": device,
            "dtype": str(dtype).removeprefix("torch."),
        }

    def _onnx_file(self, folder: Path | None, device: str) -> Path | None:
        """The ONNX graph to run, or None for torch. ``auto`` takes ONNX Runtime on the CPU
        when the folder holds a graph (same predictions as torch float32, about the same speed on
        a 2-core CPU, 0.1 s to load instead of 2.6 s, no torch copy of the weights)."""
        if self.backend not in ("auto", "torch", "onnx"):
            raise ModelError(f"backend must be auto, torch or onnx, not {self.backend!r}")
        graphs = sorted(folder.glob("*.onnx")) if folder is not None else []
        if self.backend == "torch" or (self.backend == "auto" and device != "cpu"):
            return None
        if self.backend == "auto" and (not graphs or self.quantize or self.dtype != "auto"):
            return None
        if device != "cpu":
            raise ModelError("backend='onnx' runs on the CPU only; use runtime='torch' on a GPU")
        if not graphs:
            raise ModelError(
                f"backend='onnx' but no .onnx graph in {folder} (for the bundled model run "
                "`make setup`, which fetches it)"
            )
        return graphs[0]

    def _resolve_dtype(self, torch: Any, device: str) -> Any:
        if self.dtype != "auto":
            return getattr(torch, self.dtype)
        if device.startswith("cuda"):
            return torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
        return torch.float32

    def _loaded(self) -> dict[str, Any]:
        self.load()
        assert self._state is not None
        return self._state

    @property
    def model_version(self) -> str:
        """Folder name (or declared version) and a hash of the folder's files, for the audit;
        read from a local folder without loading the model."""
        if self._state is None:
            folder = Path(self.model).expanduser()
            if folder.is_dir() and (folder / "config.json").is_file():
                config = _read_json(folder / "config.json")
                return folder_version(folder, config.get("redactor_model_version"))
        return str(self._loaded()["version"])

    @property
    def surely_on_cpu(self) -> bool:
        """Whether the model runs on the CPU, known without loading it: ``device: cpu``, or
        ``auto`` on a machine with no GPU driver."""
        if self._state is not None:
            return bool(self._state["device"] == "cpu")
        return self.device == "cpu" or (self.device == "auto" and not gpu_driver_present())

    version = model_version

    @property
    def runtime(self) -> dict[str, Any]:
        """Resolved device, dtype, quantisation and window size (loads the model)."""
        state = self._loaded()
        return {
            "backend": state["backend"],
            "device": state["device"],
            "dtype": state["dtype"],
            "quantize": state["quantize"],
            "max_length": state["max_length"],
            "stride": state["stride"],
            "max_batch_tokens": state["max_batch_tokens"],
        }

    @property
    def entity_types(self) -> frozenset[str]:
        """Our entity types this recognizer can emit (from the label map)."""
        return frozenset(self._loaded()["types"])

    # -- detection ----------------------------------------------------------------------------

    def detect(self, texts: Sequence[str]) -> list[list[Span]]:
        """Spans found in each of ``texts``, in input order."""
        state = self._loaded()
        texts = list(texts)
        if not texts:
            return []
        try:
            return self._detect(state, texts)
        except ModelError:
            raise
        except Exception as exc:
            raise ModelError(
                f"{self.name}: inference failed on a batch of {len(texts)} texts "
                f"({type(exc).__name__})"
            ) from None

    def _detect(self, state: dict[str, Any], texts: list[str]) -> list[list[Span]]:
        np = state["np"]
        encodings = state["tokenizer"].encode_batch(texts, add_special_tokens=False)
        counts = np.array([len(e.ids) for e in encodings], dtype=np.int64)
        total = int(counts.sum())
        if total == 0:
            return [[] for _ in texts]
        base = np.concatenate(([0], np.cumsum(counts)[:-1]))
        chain = itertools.chain.from_iterable
        ids = np.fromiter(chain(e.ids for e in encodings), dtype=np.int64, count=total)
        offsets = np.fromiter(
            chain(chain(e.offsets for e in encodings)), dtype=np.int64, count=2 * total
        ).reshape(total, 2)
        words = np.fromiter(
            (-1 if w is None else w for w in chain(e.word_ids for e in encodings)),
            dtype=np.int64,
            count=total,
        )

        labels, probs = self._predict(state, ids, counts, base, total)

        # Words: a token starts one when its document or its word index changes.
        doc_start = np.zeros(total, dtype=bool)
        doc_start[base[counts > 0]] = True
        starts_word = doc_start.copy()
        starts_word[1:] |= (words[1:] != words[:-1]) | (words[1:] < 0)
        first = np.flatnonzero(starts_word)
        if self.aggregation == "first":
            pick = first
        else:  # "max": the most confident token of each word decides
            word_of = np.cumsum(starts_word) - 1
            order = np.lexsort((-probs, word_of))
            pick = order[first]  # segments keep their positions after the stable sort
        word_label = labels[pick]
        word_score = probs[pick]
        word_start = np.minimum.reduceat(offsets[:, 0], first)
        word_end = np.maximum.reduceat(offsets[:, 1], first)
        word_doc = np.searchsorted(base, first, side="right") - 1
        # Empty documents share a base with the next one; searchsorted picks the last of them,
        # which is the one that holds the token.
        word_type = state["type_of"][word_label]
        entity = np.flatnonzero((word_type >= 0) & (word_end > word_start))
        return self._assemble(
            state,
            texts,
            word_doc[entity].tolist(),
            word_type[entity].tolist(),
            word_label[entity].tolist(),
            word_start[entity].tolist(),
            word_end[entity].tolist(),
            word_score[entity].tolist(),
        )

    def _predict(
        self, state: dict[str, Any], ids: Any, counts: Any, base: Any, total: int
    ) -> tuple[Any, Any]:
        """Label id and probability of every token, stitched from batched windows."""
        np, torch, model = state["np"], state["torch"], state["model"]
        prefix, suffix = state["prefix"], state["suffix"]
        head, tail = len(prefix), len(suffix)
        windows = [
            (int(b), *w)
            for b, n in zip(base.tolist(), counts.tolist(), strict=True)
            for w in plan_windows(n, state["width"], state["stride"])
        ]
        lengths = [end - start + head + tail for _, start, end, _, _ in windows]
        labels = np.zeros(total, dtype=np.int64)
        probs = np.zeros(total, dtype=np.float32)
        for batch in pack_batches(lengths, state["max_batch_tokens"]):
            width = lengths[batch[0]]
            input_ids = np.full((len(batch), width), state["pad_id"], dtype=np.int64)
            mask = np.zeros((len(batch), width), dtype=np.int64)
            for row, index in enumerate(batch):
                b, start, end, _, _ = windows[index]
                n = end - start
                input_ids[row, :head] = prefix
                input_ids[row, head : head + n] = ids[b + start : b + end]
                input_ids[row, head + n : head + n + tail] = suffix
                mask[row, : head + n + tail] = 1
            if state["session"] is not None:
                best, label = _onnx_predict(state["session"], np, input_ids, mask)
            else:
                with torch.inference_mode():
                    logits = model(
                        input_ids=torch.from_numpy(input_ids).to(state["device"]),
                        attention_mask=torch.from_numpy(mask).to(state["device"]),
                    ).logits
                    best, label = logits.float().softmax(-1).max(-1)
                best, label = best.cpu().numpy(), label.cpu().numpy()
            for row, index in enumerate(batch):
                b, start, _, own_start, own_end = windows[index]
                cols = slice(head + own_start - start, head + own_end - start)
                labels[b + own_start : b + own_end] = label[row, cols]
                probs[b + own_start : b + own_end] = best[row, cols]
        return labels, probs

    def _assemble(
        self,
        state: dict[str, Any],
        texts: list[str],
        docs: list[int],
        types: list[int],
        labels: list[int],
        starts: list[int],
        ends: list[int],
        scores: list[float],
    ) -> list[list[Span]]:
        """Merge consecutive entity words of one type into spans (the only per-word loop)."""
        tags, names = state["tags"], state["types"]
        reduce = min if self.score == "min" else (lambda xs: sum(xs) / len(xs))
        results: list[list[Span]] = [[] for _ in texts]
        current: dict[str, Any] | None = None

        def flush() -> None:
            if current is not None and not set(current["model"]) <= state["not_alone"]:
                source = f"{self.name}:{'+'.join(dict.fromkeys(current['model']))}"
                score = min(1.0, max(0.0, float(reduce(current["scores"]))))
                results[current["doc"]].append(
                    Span(current["start"], current["end"], names[current["type"]], score, source)
                )

        for doc, kind, label, start, end, score in zip(
            docs, types, labels, starts, ends, scores, strict=True
        ):
            prefix, model_type = tags[label]
            if (
                current is not None
                and current["doc"] == doc
                and current["type"] == kind
                and (
                    start <= current["end"]
                    or _JOIN_GAP.fullmatch(texts[doc], current["end"], start)
                )
                and (
                    self.merge_adjacent or (prefix in _CONTINUE and current["last"] not in _CLOSING)
                )
            ):
                current["end"] = max(current["end"], end)
                current["scores"].append(score)
                current["model"].append(model_type)
                current["last"] = prefix
                continue
            flush()
            current = {
                "doc": doc,
                "type": kind,
                "start": start,
                "end": end,
                "scores": [score],
                "model": [model_type],
                "last": prefix,
            }
        flush()
        return results


#: Paths that exist when a GPU driver is installed (NVIDIA; AMD ROCm's kernel driver). Without
#: one, torch cannot see a GPU, so ``device: auto`` is the CPU without importing torch.
GPU_DRIVER_PATHS = ("/proc/driver/nvidia/version", "/dev/nvidiactl", "/dev/kfd")
#: Tokenizer classes whose tokenizer.json transformers uses as it is, once the normaliser
#: agrees with tokenizer_config.json (BERT's WordPiece family).
_PLAIN_TOKENIZERS = frozenset({"BertTokenizer", "BertTokenizerFast", "DistilBertTokenizer",
                               "DistilBertTokenizerFast"})


def folder_version(folder: Path, declared: object = None) -> str:
    """A model folder's audit version: its declared version (config.json's
    ``redactor_model_version``) or its name, and a hash of its files."""
    return f"{declared or folder.name}@{folder_digest(folder)[:12]}"


def gpu_driver_present() -> bool:
    """Whether this machine has a GPU driver (then only torch can say whether a GPU is usable)."""
    return any(Path(p).exists() for p in GPU_DRIVER_PATHS)


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot read {path} ({type(exc).__name__})") from None
    if not isinstance(data, dict):
        raise ModelError(f"{path} must hold a JSON object")
    return data


def _token_name(value: Any) -> str | None:
    """A special token as tokenizer_config.json writes it: a string or ``{"content": ...}``."""
    if isinstance(value, dict):
        value = value.get("content")
    return value if isinstance(value, str) else None


def _plain_tokenizer(tokenizer: Any, settings: Mapping[str, Any]) -> bool:
    """Whether transformers would use ``tokenizer`` (from tokenizer.json) unchanged: a BERT
    tokenizer whose normaliser already has tokenizer_config.json's casing, accent and Chinese
    character settings (transformers rebuilds it otherwise)."""
    if settings.get("tokenizer_class") not in _PLAIN_TOKENIZERS:
        return False
    normalizer = json.loads(tokenizer.to_str()).get("normalizer") or {}
    return normalizer.get("type") == "BertNormalizer" and all(
        normalizer.get(ours) == settings.get(theirs, default)
        for ours, theirs, default in (("lowercase", "do_lower_case", True),
                                      ("strip_accents", "strip_accents", None),
                                      ("handle_chinese_chars", "tokenize_chinese_chars", True))
    )


def _cpu_threads() -> int:
    """Intra-op threads for an ONNX Runtime session: torch's setting where torch is loaded,
    else ``OMP_NUM_THREADS`` (which the workers set), else 0 (ONNX Runtime's own default, one
    per physical core, as torch's)."""
    torch = sys.modules.get("torch")
    if torch is not None:
        return int(torch.get_num_threads())
    value = os.environ.get("OMP_NUM_THREADS", "")
    return int(value) if value.isdigit() and int(value) > 0 else 0


def _load_graph(folder: Path, graph: Path) -> dict[str, Any] | None:
    """Tokenizer, config and ONNX Runtime session from the model folder's own files, without
    torch or transformers; None when transformers might build a different tokenizer (then
    it is loaded through transformers)."""
    try:
        from tokenizers import Tokenizer
    except ImportError as exc:
        raise ModelError(f"the ONNX backend needs the tokenizers package ({exc.name})") from None
    settings = _read_json(folder / "tokenizer_config.json")
    special = _read_json(folder / "special_tokens_map.json")
    try:
        tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    except Exception as exc:
        raise ModelError(f"cannot load {folder}/tokenizer.json ({type(exc).__name__})") from None
    if not _plain_tokenizer(tokenizer, settings):
        return None
    data = _read_json(folder / "config.json")
    id2label = data.get("id2label")
    if not isinstance(id2label, dict) or "max_position_embeddings" not in data:
        return None
    data["id2label"] = {int(k): v for k, v in id2label.items()}
    data["num_labels"] = len(id2label)
    pad = _token_name(settings.get("pad_token")) or _token_name(special.get("pad_token"))
    pad_id = tokenizer.token_to_id(pad) if pad else None
    return {
        "config": SimpleNamespace(**data),
        "tokenizer": tokenizer,
        "pad_id": int(pad_id or 0),
        "model_max_length": int(settings.get("model_max_length") or 0),
        "model": None,
        "session": _onnx_session(graph, _cpu_threads()),
        "torch": None,
        "device": "cpu",
        "dtype": "float32",
    }


def _onnx_session(path: Path, threads: int) -> Any:
    """An ONNX Runtime CPU session for ``path``; ModelError when it cannot be built."""
    try:
        import onnxruntime as ort
    except ImportError:
        raise ModelError("backend='onnx' needs the onnxruntime package") from None
    options = ort.SessionOptions()
    options.intra_op_num_threads = max(1, threads)
    options.log_severity_level = 3
    try:
        return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    except Exception as exc:
        raise ModelError(f"cannot load ONNX graph {path.name} ({type(exc).__name__})") from None


#: ONNX graph metadata key saying how the graph was quantised (redactor.training.onnx_export
#: writes it; ``dynamic-int8`` means activations quantised per run).
QUANTIZE_METADATA_KEY = "redactor_quantize"


def _graph_quantization(session: Any) -> str | None:
    """How an ONNX graph says it was quantised (:data:`QUANTIZE_METADATA_KEY`)."""
    if session is None:
        return None
    try:
        return session.get_modelmeta().custom_metadata_map.get(QUANTIZE_METADATA_KEY)
    except Exception:
        return None


def _takes_mask(session: Any) -> bool:
    """Whether an ONNX graph has an ``attention_mask`` input (without one, every row it is
    given must be unpadded: one window per run)."""
    return any(i.name == "attention_mask" for i in session.get_inputs())


def _onnx_predict(session: Any, np: Any, input_ids: Any, mask: Any) -> tuple[Any, Any]:
    """Best probability and label of every token, from ONNX Runtime logits."""
    feed = {"input_ids": input_ids, "attention_mask": mask}
    names = {i.name for i in session.get_inputs()}
    if "token_type_ids" in names:
        feed["token_type_ids"] = np.zeros_like(input_ids)
    logits = session.run(None, {k: v for k, v in feed.items() if k in names})[0]
    logits = logits.astype(np.float32)
    logits -= logits.max(-1, keepdims=True)
    probs = np.exp(logits)
    probs /= probs.sum(-1, keepdims=True)
    return probs.max(-1), probs.argmax(-1)
