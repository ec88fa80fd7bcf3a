"""Fine-tune a token classifier on our entity types: ``redact train``.

Data flow::

    train / dev files (JSONL spans or BIO CoNLL) -> GoldDoc (redactor.quality.evaluate loaders)
      -> BIO over word-aligned sub-words, chunked to max_length (redactor.training.encode)
      -> Hugging Face Trainer (AdamW, linear warm-up then decay, weight decay, gradient
         accumulation, fixed seeds, bf16/fp16 on a GPU, evaluation every ``eval_steps``)
      -> entity metrics from redactor.quality.evaluate on character spans
         (the code `redact eval` uses)
      -> the best checkpoint by ``metric`` (early stopping after ``patience`` evaluations
         without improvement) -> OUT: config.json (id2label), tokenizer, weights,
         redactor_label_map.json, MODEL_CARD.md, training_metrics.json

The base is a model folder (or hub id with downloads allowed). Its classification head is
resized to our labels: a new label ``B-T`` starts from the mean of the base's ``B-`` rows whose
labels map to ``T`` through the base's ``redactor_label_map.json`` (so Rampart's GIVEN_NAME and
SURNAME rows seed B-PERSON), ``O`` keeps ``O``, and labels with no counterpart start from small
random weights. A folder with a config.json but no weights starts from random weights (tests).

torch and transformers are imported inside the functions, never at import time. Errors are
:class:`~redactor.errors.RedactorError` subclasses that name paths and counts, never text.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import math
import re
import shutil
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from redactor.errors import InputError, ModelError
from redactor.quality.evaluate import GoldDoc, Report, evaluate, load_conll, load_gold_jsonl
from redactor.training.encode import Chunk, LabelSet, PredSpan, decode_words, encode, restrict
from redactor.training.onnx_export import INT8_GRAPH, export_int8
from redactor.util.bio import split_tag
from redactor.util.checks import Check, at_least, one_of, raise_failures
from redactor.util.hashing import folder_digest, sha256_file

log = logging.getLogger(__name__)

LABEL_MAP_FILE = "redactor_label_map.json"
METRICS = ("f1", "f1_overlap", "recall", "char_recall")
PRECISIONS = ("auto", "fp32", "fp16", "bf16")
SAVE_DTYPES = ("float16", "float32", "bfloat16")
_WEIGHTS = ("*.safetensors", "*.bin")


def save_dtype_check(save_dtype: str) -> Check:
    """The check of a ``save_dtype`` option (one of :data:`SAVE_DTYPES`)."""
    return save_dtype not in SAVE_DTYPES, "save_dtype must be float16, float32 or bfloat16"


@dataclass(frozen=True)
class TrainConfig:
    """Everything ``redact train`` takes. Paths may be str or Path.

    ``labels``: entity types to learn (default: those in the training data). ``label_map``: maps
    the data's types (``person`` in CoNLL) to ours, None drops. ``max_steps`` > 0 overrides
    ``epochs``. ``eval_steps`` None: about five evaluations per run, at least one per epoch.
    ``patience`` 0 turns early stopping off. ``metric``: ``f1`` is the typed exact-match
    micro F1 (seqeval's definition on character spans), ``f1_overlap`` the typed overlap F1,
    ``recall`` the typed overlap recall, ``char_recall`` the type-blind character recall.
    """

    base: str | Path
    train: str | Path
    out: str | Path
    dev: str | Path | None = None
    labels: tuple[str, ...] | None = None
    label_map: Mapping[str, str | None] | None = None
    epochs: float = 3.0
    max_steps: int = 0
    lr: float = 5e-5
    batch_size: int = 16
    eval_batch_size: int = 32
    grad_accum: int = 1
    warmup_ratio: float = 0.1
    weight_decay: float = 0.01
    max_length: int = 128
    seed: int = 13
    patience: int = 3
    eval_steps: int | None = None
    metric: str = "f1"
    precision: str = "auto"
    device: str = "auto"
    save_dtype: str = "float16"
    max_train_docs: int | None = None
    local_files_only: bool = True
    license: str | None = None
    attribution: tuple[str, ...] = ()
    final_eval: bool = True
    overwrite: bool = False
    progress: bool = False

    def check(self) -> None:
        """Raise InputError listing every invalid option."""
        raise_failures("training", [
            (self.epochs <= 0 and self.max_steps <= 0, "epochs or max_steps must be positive"),
            (self.lr <= 0, "lr must be positive"),
            *at_least(self, ("batch_size", "eval_batch_size", "grad_accum"), 1),
            (not 0 <= self.warmup_ratio < 1, "warmup_ratio must be in [0, 1)"),
            (self.weight_decay < 0, "weight_decay must not be negative"),
            *at_least(self, ("max_length",), 8),
            (self.patience < 0, "patience must not be negative"),
            (self.eval_steps is not None and self.eval_steps < 1, "eval_steps must be at least 1"),
            one_of("metric", self.metric, METRICS),
            one_of("precision", self.precision, PRECISIONS),
            save_dtype_check(self.save_dtype),
        ])


@dataclass
class TrainResult:
    """What :func:`train` did: where the model is, its steps, and its scores."""

    out: Path
    labels: tuple[str, ...]
    n_train_docs: int
    n_train_chunks: int
    n_dev_docs: int
    global_step: int
    best_step: int | None
    best_metric: float | None
    train_loss: list[tuple[int, float]] = field(default_factory=list)
    eval_history: list[dict[str, float]] = field(default_factory=list)
    final: dict[str, Any] | None = None
    init: dict[str, list[str]] = field(default_factory=dict)


# --------------------------------------------------------------------------- data


def load_docs(
    path: str | Path, *, fmt: str = "auto", label_map: Mapping[str, str | None] | None = None
) -> list[GoldDoc]:
    """Gold documents from JSONL (``{"id","text","spans"}``) or BIO CoNLL, labels mapped."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"data file {path} not found")
    conll = fmt == "conll" or (fmt == "auto" and path.suffix not in (".jsonl", ".ndjson", ".json"))
    docs = load_conll(path) if conll else load_gold_jsonl(path)
    return restrict(docs, label_map)


def choose_labels(docs: Sequence[GoldDoc], labels: Sequence[str] | None) -> LabelSet:
    """The given types, or every type in ``docs``; unknown types are an error."""
    if labels:
        return LabelSet.of(labels)
    return LabelSet.of({s.label for d in docs for s in d.spans})


class _ChunkDataset:
    """A list of chunks as the map-style dataset the Trainer reads."""

    def __init__(self, chunks: Sequence[Chunk]) -> None:
        self.chunks = list(chunks)

    def __len__(self) -> int:
        return len(self.chunks)

    def __getitem__(self, i: int) -> dict[str, list[int]]:
        return self.chunks[i].features()


def predictions_to_spans(
    docs: Sequence[GoldDoc],
    chunks: Sequence[Chunk],
    word_preds: Sequence[Sequence[int]],
    labels: LabelSet,
) -> list[list[PredSpan]]:
    """Per-document spans from per-chunk word predictions (chunks in document order)."""
    words: list[list[tuple[int, int]]] = [[] for _ in docs]
    ids: list[list[int]] = [[] for _ in docs]
    for chunk, pred in zip(chunks, word_preds, strict=True):
        words[chunk.doc].extend(chunk.words)
        ids[chunk.doc].extend(int(p) for p in pred)
    return [decode_words(d.text, w, i, labels) for d, w, i in zip(docs, words, ids, strict=True)]


def scores(report: Report) -> dict[str, float]:
    """Flat metrics for the Trainer: typed micro F1 exact / overlap, recall, char recall."""
    exact = overlap = None
    for ts in report.per_type.values():
        exact = ts.exact if exact is None else exact + ts.exact
        overlap = ts.overlap if overlap is None else overlap + ts.overlap
    out = {
        "f1": (exact.f1 if exact else None) or 0.0,
        "precision": (exact.precision if exact else None) or 0.0,
        "recall_exact": (exact.recall if exact else None) or 0.0,
        "f1_overlap": (overlap.f1 if overlap else None) or 0.0,
        "recall": (overlap.recall if overlap else None) or 0.0,
        "char_recall": report.chars.recall or 0.0,
    }
    for label, ts in sorted(report.per_type.items()):
        out[f"f1_{label}"] = ts.exact.f1 or 0.0
    return out


# --------------------------------------------------------------------------- model


def model_types(folder: str | Path) -> tuple[str, ...]:
    """The entity types a model folder predicts, in our names: its ``config.json`` labels
    (``B-PERSON`` ...) mapped through its ``redactor_label_map.json``, unknown ones left out.
    Fine-tuning on corrections keeps these, so the model forgets no type the data lack."""
    from redactor.entities import ENTITY_TYPES

    path = Path(folder) / "config.json"
    try:
        config = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot read {path} ({type(exc).__name__})") from None
    mapping = _base_label_map(Path(folder))
    types: list[str] = []
    for tag in (config.get("id2label") or {}).values():
        _, name = split_tag(str(tag))
        ours = mapping.get(name, name) if name else None
        if ours in ENTITY_TYPES and ours not in types:
            types.append(ours)
    return tuple(types)


def _has_weights(folder: Path) -> bool:
    return any(next(folder.glob(p), None) for p in _WEIGHTS)


def _base_label_map(folder: Path | None) -> dict[str, str | None]:
    if folder is None or not (folder / LABEL_MAP_FILE).is_file():
        return {}
    try:
        data = json.loads((folder / LABEL_MAP_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot read {folder / LABEL_MAP_FILE} ({type(exc).__name__})") from None
    return {str(k): v for k, v in data.items()} if isinstance(data, dict) else {}


def head_sources(
    old_id2label: Mapping[int, str], old_map: Mapping[str, str | None], labels: LabelSet
) -> dict[str, list[int]]:
    """For each new label, the old label ids whose rows seed it (empty: a new row).

    An old label ``P-X`` seeds ``P-T`` when ``old_map[X] == T`` (or ``X == T`` when the base
    has no map); ``O`` seeds ``O``.
    """
    sources: dict[str, list[int]] = {label: [] for label in labels.labels}
    for i, tag in sorted(old_id2label.items()):
        prefix, kind = split_tag(tag)
        if prefix == "O":
            sources["O"].append(int(i))
            continue
        target = old_map.get(kind, kind if not old_map else None)
        prefix = prefix or "B"
        key = f"{prefix}-{target}"
        if target and key in sources:
            sources[key].append(int(i))
    return sources


def _classifier(model: Any) -> Any:
    import torch

    head = getattr(model, "classifier", None)
    if not isinstance(head, torch.nn.Linear):
        raise ModelError(
            f"{type(model).__name__} has no Linear 'classifier' head to resize; train from a "
            "BERT-like token classifier"
        )
    return head


def load_base(config: TrainConfig, labels: LabelSet) -> tuple[Any, Any, dict[str, list[str]]]:
    """Tokenizer, model with our labels, and which old labels seeded each new head row."""
    import torch
    import transformers

    base = Path(config.base).expanduser()
    folder = base if base.is_dir() else None
    if folder is None and config.local_files_only:
        raise ModelError(f"base model folder {base} not found (or allow downloads)")
    source = str(folder or config.base)
    logging_ = transformers.utils.logging
    bars = logging_.is_progress_bar_enabled()
    logging_.disable_progress_bar()
    try:
        return _load(transformers, torch, config, source, folder, labels)
    finally:
        if bars:
            logging_.enable_progress_bar()


def _load(
    transformers: Any,
    torch: Any,
    config: TrainConfig,
    source: str,
    folder: Path | None,
    labels: LabelSet,
) -> tuple[Any, Any, dict[str, list[str]]]:
    try:
        tokenizer = transformers.AutoTokenizer.from_pretrained(
            source, local_files_only=config.local_files_only
        )
    except Exception as exc:
        raise ModelError(f"cannot load a tokenizer from {source} ({type(exc).__name__})") from None
    if not getattr(tokenizer, "is_fast", False):
        raise ModelError(f"{source} needs a fast tokenizer (tokenizer.json or vocab.txt)")

    id2label = labels.id2label
    label2id = labels.label2id
    init: dict[str, list[str]] = {}
    try:
        if folder is not None and not _has_weights(folder):
            cfg = transformers.AutoConfig.from_pretrained(source, local_files_only=True)
            cfg.id2label, cfg.label2id = id2label, label2id
            model = transformers.AutoModelForTokenClassification.from_config(cfg)
            init = {label: ["<random: base has no weights>"] for label in labels.labels}
        else:
            model = transformers.AutoModelForTokenClassification.from_pretrained(
                source, dtype=torch.float32, local_files_only=config.local_files_only
            )
    except ModelError:
        raise
    except Exception as exc:
        raise ModelError(
            f"cannot load base model {source} ({type(exc).__name__}: {str(exc)[:200]})"
        ) from None

    old = {int(k): str(v) for k, v in model.config.id2label.items()}
    if old != id2label:
        init = _resize_head(model, old, _base_label_map(folder), labels)
    for stale in ("redactor_not_alone", "redactor_model_version"):
        if hasattr(model.config, stale):
            delattr(model.config, stale)
    return tokenizer, model, init


def _resize_head(
    model: Any, old: Mapping[int, str], old_map: Mapping[str, str | None], labels: LabelSet
) -> dict[str, list[str]]:
    import torch

    head = _classifier(model)
    sources = head_sources(old, old_map, labels)
    weight = head.weight.detach()
    bias = head.bias.detach() if head.bias is not None else torch.zeros(weight.shape[0])
    entity_rows = [i for i, tag in old.items() if tag != "O"]
    new_bias_default = float(bias[entity_rows].mean()) if entity_rows else 0.0
    std = float(getattr(model.config, "initializer_range", 0.02))
    generator = torch.Generator().manual_seed(len(labels.labels))
    new = torch.nn.Linear(weight.shape[1], len(labels.labels), bias=True)
    init: dict[str, list[str]] = {}
    with torch.no_grad():
        for j, label in enumerate(labels.labels):
            rows = sources[label]
            if rows:
                new.weight[j] = weight[rows].mean(0)
                new.bias[j] = bias[rows].mean()
                init[label] = [old[i] for i in rows]
            else:
                new.weight[j] = torch.randn(weight.shape[1], generator=generator) * std
                new.bias[j] = new_bias_default
                init[label] = []
    model.classifier = new.to(weight.device, weight.dtype)
    model.num_labels = len(labels.labels)
    model.config.id2label = labels.id2label
    model.config.label2id = labels.label2id
    return init


# --------------------------------------------------------------------------- training


def _precision(config: TrainConfig, torch: Any, cuda: bool) -> tuple[bool, bool]:
    """(fp16, bf16) for the Trainer."""
    if config.precision == "auto":
        if not cuda:
            return False, False
        return (False, True) if torch.cuda.is_bf16_supported() else (True, False)
    if config.precision in ("fp16", "bf16") and not cuda:
        raise InputError(f"precision {config.precision} needs a CUDA device")
    return config.precision == "fp16", config.precision == "bf16"


def plan_steps(n_chunks: int, config: TrainConfig) -> tuple[int, int, int]:
    """(optimizer steps per epoch, total steps, evaluation interval)."""
    per_epoch = max(1, math.ceil(math.ceil(n_chunks / config.batch_size) / config.grad_accum))
    total = config.max_steps if config.max_steps > 0 else math.ceil(per_epoch * config.epochs)
    every = config.eval_steps or max(1, min(per_epoch, math.ceil(total / 5)))
    return per_epoch, total, every


def training_arguments(
    config: TrainConfig, output_dir: Path, total: int, every: int, has_dev: bool, cuda: bool
) -> Any:
    """The Trainer's arguments: linear warm-up and decay, weight decay, seeds, precision,
    evaluation and saving every ``every`` steps, the best checkpoint by ``config.metric``."""
    import torch
    import transformers

    fp16, bf16 = _precision(config, torch, cuda)
    sampling: dict[str, Any] = {}
    names = {f.name for f in dataclasses.fields(transformers.TrainingArguments)}
    if "train_sampling_strategy" in names:  # transformers 5
        sampling["train_sampling_strategy"] = "group_by_length"
    elif "group_by_length" in names:  # transformers 4
        sampling["group_by_length"] = True
    try:
        return transformers.TrainingArguments(
            **sampling,
            output_dir=str(output_dir),
            num_train_epochs=config.epochs,
            max_steps=total,
            learning_rate=config.lr,
            per_device_train_batch_size=config.batch_size,
            per_device_eval_batch_size=config.eval_batch_size,
            gradient_accumulation_steps=config.grad_accum,
            warmup_steps=math.ceil(total * config.warmup_ratio),
            lr_scheduler_type="linear",
            weight_decay=config.weight_decay,
            seed=config.seed,
            data_seed=config.seed,
            fp16=fp16,
            bf16=bf16,
            use_cpu=not cuda,
            eval_strategy="steps" if has_dev else "no",
            eval_steps=every,
            save_strategy="steps" if has_dev else "no",
            save_steps=every,
            save_total_limit=2,
            save_only_model=True,
            load_best_model_at_end=has_dev,
            metric_for_best_model=config.metric if has_dev else None,
            greater_is_better=True,
            logging_steps=max(1, min(every, 50)),
            report_to="none",
            disable_tqdm=not config.progress,
            dataloader_num_workers=0,
        )
    except ImportError as exc:
        raise ModelError(f"the Trainer needs a missing package ({str(exc)[:200]})") from None


def early_stopping(config: TrainConfig, has_dev: bool) -> list[Any]:
    """The early-stopping callback (none without a dev set or with ``patience`` 0)."""
    import transformers

    if not has_dev or config.patience == 0:
        return []
    return [transformers.EarlyStoppingCallback(early_stopping_patience=config.patience)]


def _trainer_class(transformers: Any) -> Any:
    """The Trainer, evaluating in dataset order (metrics map predictions back to documents by
    position; transformers 5 would otherwise group evaluation batches by length)."""
    import torch

    class OrderedEvalTrainer(transformers.Trainer):  # type: ignore[misc, name-defined]
        def get_eval_dataloader(self, eval_dataset: Any = None) -> Any:
            dataset = self.eval_dataset if eval_dataset is None else eval_dataset
            loader = torch.utils.data.DataLoader(
                dataset,
                batch_size=self.args.eval_batch_size,
                shuffle=False,
                collate_fn=self.data_collator,
                num_workers=0,
            )
            return self.accelerator.prepare(loader)

    return OrderedEvalTrainer


def train(config: TrainConfig) -> TrainResult:
    """Fine-tune ``config.base`` on ``config.train``; write the model folder to ``config.out``.

    ``config.base`` may name a bundled model (``rampart-bert``) instead of a folder."""
    from redactor.models import resolve_model

    config.check()
    config = dataclasses.replace(config, base=resolve_model(str(config.base)))
    out = Path(config.out)
    if out.exists() and any(out.iterdir()) and not config.overwrite:
        raise InputError(f"output folder {out} is not empty (use --overwrite)")
    try:
        import accelerate  # noqa: F401  (the Trainer needs it; the `train` extra installs it)
        import torch
        import transformers
    except ImportError as exc:
        raise ModelError(f"training needs {exc.name}: pip install 'redactor[train]'") from None

    transformers.set_seed(config.seed)
    train_docs = load_docs(config.train, label_map=config.label_map)
    if config.max_train_docs:
        train_docs = train_docs[: config.max_train_docs]
    dev_docs = load_docs(config.dev, label_map=config.label_map) if config.dev else []
    if not train_docs:
        raise InputError(f"no training documents in {config.train}")
    labels = choose_labels(train_docs, config.labels)
    log.info("labels: %s", ", ".join(labels.types))

    tokenizer, model, init = load_base(config, labels)
    train_chunks = encode(train_docs, tokenizer, labels, config.max_length)
    dev_chunks = encode(dev_docs, tokenizer, labels, config.max_length) if dev_docs else []
    per_epoch, total, every = plan_steps(len(train_chunks), config)
    cuda = torch.cuda.is_available() and config.device != "cpu"
    checkpoints = out / ".checkpoints"
    has_dev = bool(dev_chunks)

    def compute_metrics(prediction: Any) -> dict[str, float]:
        preds, label_ids = prediction.predictions, prediction.label_ids
        word_preds = [p[y != -100] for p, y in zip(preds, label_ids, strict=True)]
        pred_spans = predictions_to_spans(dev_docs, dev_chunks, word_preds, labels)
        report = evaluate(
            [d.spans for d in dev_docs], pred_spans, [d.text for d in dev_docs], labels=labels.types
        )
        return scores(report)

    def argmax(logits: Any, _labels: Any) -> Any:
        return logits.argmax(-1)

    args = training_arguments(config, checkpoints, total, every, has_dev, cuda)
    callbacks = early_stopping(config, has_dev)
    trainer = _trainer_class(transformers)(
        model=model,
        args=args,
        train_dataset=_ChunkDataset(train_chunks),
        eval_dataset=_ChunkDataset(dev_chunks) if has_dev else None,
        data_collator=transformers.DataCollatorForTokenClassification(tokenizer),
        processing_class=tokenizer,
        compute_metrics=compute_metrics if has_dev else None,
        preprocess_logits_for_metrics=argmax if has_dev else None,
        callbacks=callbacks,
    )
    log.info(
        "training: %d chunks, %d steps (%d per epoch), evaluation every %d",
        len(train_chunks),
        total,
        per_epoch,
        every,
    )
    bars = transformers.utils.logging.is_progress_bar_enabled()
    if not config.progress:  # checkpoint writes draw bars of their own
        transformers.utils.logging.disable_progress_bar()
    try:
        trainer.train()
    finally:
        if bars:
            transformers.utils.logging.enable_progress_bar()
    state = trainer.state
    history = state.log_history
    result = TrainResult(
        out=out,
        labels=labels.types,
        n_train_docs=len(train_docs),
        n_train_chunks=len(train_chunks),
        n_dev_docs=len(dev_docs),
        global_step=state.global_step,
        best_step=_step_of(state.best_model_checkpoint),
        best_metric=state.best_metric,
        train_loss=[(int(h["step"]), float(h["loss"])) for h in history if "loss" in h],
        eval_history=[
            {k: float(v) for k, v in h.items() if isinstance(v, (int, float))}
            for h in history
            if "eval_loss" in h
        ],
        init=init,
    )
    _save(trainer.model, tokenizer, config, labels, out)
    shutil.rmtree(checkpoints, ignore_errors=True)
    if config.final_eval and dev_docs:
        result.final = final_evaluation(out, dev_docs, labels, config.device)
    write_card(out, config, result, train_docs)
    return result


def _step_of(checkpoint: str | None) -> int | None:
    if not checkpoint:
        return None
    tail = Path(checkpoint).name.rpartition("-")[2]
    return int(tail) if tail.isdigit() else None


def remove_stale_weights(out: Path) -> None:
    """Create ``out`` and remove the weights and CPU graphs an older run left there (a graph
    would no longer match the weights about to be saved)."""
    out.mkdir(parents=True, exist_ok=True)
    for stale in [*out.glob("*.safetensors"), *out.glob("*.bin"), *out.glob("*.onnx")]:
        stale.unlink()


def _save(model: Any, tokenizer: Any, config: TrainConfig, labels: LabelSet, out: Path) -> None:
    import torch

    remove_stale_weights(out)
    model.config.redactor_model_version = out.name
    model = model.to("cpu", getattr(torch, config.save_dtype))
    model.save_pretrained(out)
    tokenizer.save_pretrained(out)
    label_map = {t: t for t in labels.types}
    (out / LABEL_MAP_FILE).write_text(json.dumps(label_map, indent=2) + "\n", encoding="utf-8")
    base = Path(config.base)
    if base.is_dir() and (base / "LICENSE").is_file():
        shutil.copyfile(base / "LICENSE", out / "LICENSE")
    if base.is_dir() and (base / INT8_GRAPH).is_file():
        # the base ran as an int8 graph on the CPU: so does the trained model
        try:
            export_int8(out)
        except ModelError as exc:
            log.warning("no int8 graph written (%s): the model runs with torch on the CPU", exc)


def final_evaluation(
    folder: Path, docs: Sequence[GoldDoc], labels: LabelSet, device: str = "auto"
) -> dict[str, Any]:
    """Score the saved folder through TransformerRecognizer (full documents, its windows)."""
    from redactor.detect.hf_ner import TransformerRecognizer

    recognizer = TransformerRecognizer(folder, device=device)
    texts = [d.text for d in docs]
    pred = recognizer.detect(texts)
    report = evaluate([d.spans for d in docs], pred, texts, labels=labels.types)
    return {"scores": scores(report), "report": report.to_dict(), "table": report.format_table()}


# --------------------------------------------------------------------------- model card


_ATTRIBUTION_HEADING = re.compile(r"^## (?:Attribution|Licence and attribution)[^\n]*\n", re.M)


def _base_attribution(base: Path) -> str | None:
    """The attribution section of the base's MODEL_CARD.md (Rampart's, or one this module
    wrote), so a chain of fine-tunings keeps every attribution."""
    card = base / "MODEL_CARD.md"
    if not card.is_file():
        return None
    text = card.read_text(encoding="utf-8")
    match = _ATTRIBUTION_HEADING.search(text)
    if match is None:
        return None
    body = text[match.end() :]
    end = body.find("\n## ")
    return (body if end < 0 else body[:end]).strip() or None


def write_card(
    out: Path, config: TrainConfig, result: TrainResult, train_docs: Sequence[GoldDoc]
) -> None:
    """MODEL_CARD.md (base, data, licence and attribution, training, metrics) and
    training_metrics.json."""
    base = Path(config.base)
    sources = Counter(str(d.meta.get("source", "unspecified")) for d in train_docs)
    types = Counter(s.label for d in train_docs for s in d.spans if s.label in result.labels)
    attributions = list(config.attribution)
    base_attr = _base_attribution(base) if base.is_dir() else None
    if base_attr:
        attributions.insert(0, f"Base model: {base_attr}")
    if any(s.startswith("wnut17") for s in sources):
        from redactor.training.realtext import WNUT_ATTRIBUTION

        attributions.append(f"Training data includes {WNUT_ATTRIBUTION}")
    cc_by = base_attr and ("CC BY 4.0" in base_attr or "CC-BY-4.0" in base_attr)
    licence = config.license or (
        "CC-BY-4.0 (inherited from the base model)" if cc_by else "not stated"
    )
    options = {
        k: (str(v) if isinstance(v, Path) else v)
        for k, v in asdict(config).items()
        if k not in ("attribution", "overwrite", "progress")
    }
    lines = [
        f"# {out.name}: token classifier for redactor",
        "",
        f"Fine-tuned with `redact train` on {dt.date.today().isoformat()}. Labels are redactor "
        "entity types in BIO; `redactor_label_map.json` maps each to itself.",
        "",
        "## Licence and attribution",
        "",
        f"Licence: {licence}.",
        "",
        *[f"- {a}" for a in attributions],
        "",
        "## Base",
        "",
        f"`{config.base}`"
        + (f" (files sha256 prefix {folder_digest(base)[:12]})" if base.is_dir() else ""),
        "",
        "Head initialisation (new label <- base labels whose rows seeded it; empty: random):",
        "",
        *[f"- {label}: {', '.join(src) or '(new)'}" for label, src in result.init.items()],
        "",
        "## Data",
        "",
        f"- train: `{config.train}` (sha256 {sha256_file(Path(config.train))[:16]}), "
        f"{result.n_train_docs} documents, {result.n_train_chunks} chunks of at most "
        f"{config.max_length} tokens; sources: "
        + ", ".join(f"{k} {v}" for k, v in sorted(sources.items())),
        "- spans per type: " + ", ".join(f"{k} {v}" for k, v in types.most_common()),
    ]
    if config.dev:
        lines.append(
            f"- dev: `{config.dev}` (sha256 {sha256_file(Path(config.dev))[:16]}), "
            f"{result.n_dev_docs} documents"
        )
    lines += [
        "",
        "## Training",
        "",
        f"{result.global_step} optimizer steps; best checkpoint at step {result.best_step} "
        f"({config.metric} = {_fmt(result.best_metric)}). Options:",
        "",
        "```json",
        json.dumps(options, indent=2, default=str),
        "```",
        "",
        "## Metrics",
        "",
    ]
    if result.final:
        lines += [
            "Dev set, through `TransformerRecognizer` on whole documents (this model alone, no "
            "patterns; overlap P/R/F1, `_ex` exact match):",
            "",
            "```",
            result.final["table"],
            "```",
        ]
    else:
        lines.append("No dev set was given: no metrics.")
    (out / "MODEL_CARD.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    record = {
        "config": options,
        "labels": list(result.labels),
        "global_step": result.global_step,
        "best_step": result.best_step,
        "best_metric": result.best_metric,
        "train_loss": result.train_loss,
        "eval_history": result.eval_history,
        "final": {k: v for k, v in (result.final or {}).items() if k != "table"} or None,
        "init": result.init,
    }
    (out / "training_metrics.json").write_text(
        json.dumps(record, indent=2) + "\n", encoding="utf-8"
    )


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.4f}"
