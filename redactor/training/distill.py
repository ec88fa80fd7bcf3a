"""Distil a token classifier into a shallower student: the CPU model behind ``redactor-ner-small``.

Data flow::

    teacher folder (BertForTokenClassification) -> student = a copy keeping a subset of its
      encoder layers (embeddings and head shared in value, so it starts close to the teacher)
    train file (JSONL spans; records with ``"gold": false`` are text only, records with
      ``"teacher": false`` are learnt from their gold alone: text the teacher does not know)
      -> BIO chunks (redactor.training.encode, the teacher's label set)
      -> per batch: teacher logits (no gradient) and student logits
      -> loss = alpha * T^2 * KL(teacher_T || student_T) over every real token of the
               records the teacher may teach
               + (1 - alpha) * cross-entropy on gold labels (first sub-tokens of gold records)
    every ``eval_steps``: dev chunks -> word predictions -> character spans -> the metrics of
      ``redact train`` (redactor.training.trainer.scores); the best checkpoint is saved
      -> OUT: config.json, tokenizer, weights, redactor_label_map.json, distill_metrics.json

The teacher's logits are computed on the fly: a run on a shared CPU covers about one pass over
the data, where precomputing them would cost the same teacher passes plus the storage.

torch and transformers are imported inside the functions, never at import time. Logs hold
steps, losses and scores, never text.
"""

from __future__ import annotations

import copy
import json
import logging
import math
import random
import shutil
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from redactor.errors import InputError, ModelError
from redactor.quality.evaluate import GoldDoc, evaluate
from redactor.training.encode import IGNORE, Chunk, LabelSet, encode
from redactor.training.trainer import (
    LABEL_MAP_FILE,
    load_docs,
    predictions_to_spans,
    remove_stale_weights,
    save_dtype_check,
    scores,
)
from redactor.util.checks import at_least, one_of, raise_failures

log = logging.getLogger(__name__)

METRICS = ("f1_overlap", "recall", "f1", "char_recall")


@dataclass(frozen=True)
class DistillConfig:
    """Everything a distillation run takes. Paths may be str or Path.

    ``layers``: the teacher's encoder layers the student keeps, in order (0-based).
    ``alpha``: weight of the soft (KL) loss; ``1 - alpha`` weighs the gold cross-entropy.
    ``max_minutes``: stop after this much wall time (0: no limit); the best checkpoint stays.
    ``init``: a student folder to continue from (``layers`` then only records its origin).
    """

    teacher: str | Path
    train: str | Path
    out: str | Path
    dev: str | Path | None = None
    layers: tuple[int, ...] = (0, 2, 4)
    temperature: float = 2.0
    alpha: float = 0.7
    max_steps: int = 600
    lr: float = 1e-4
    batch_size: int = 32
    eval_batch_size: int = 64
    warmup_ratio: float = 0.06
    weight_decay: float = 0.01
    max_length: int = 128
    seed: int = 13
    eval_steps: int = 100
    metric: str = "f1_overlap"
    max_minutes: float = 0.0
    threads: int = 0
    save_dtype: str = "float16"
    init: str | Path | None = None

    def check(self) -> None:
        """Raise InputError listing every invalid option."""
        raise_failures("distillation", [
            (not self.layers or len(set(self.layers)) != len(self.layers),
             "layers must name distinct teacher layers"),
            (any(k < 0 for k in self.layers), "layers must not be negative"),
            (self.temperature <= 0, "temperature must be positive"),
            (not 0 <= self.alpha <= 1, "alpha must be in [0, 1]"),
            *at_least(self, ("max_steps", "batch_size", "eval_batch_size", "eval_steps"), 1),
            (self.lr <= 0, "lr must be positive"),
            (not 0 <= self.warmup_ratio < 1, "warmup_ratio must be in [0, 1)"),
            *at_least(self, ("max_length",), 8),
            one_of("metric", self.metric, METRICS),
            save_dtype_check(self.save_dtype),
        ])


@dataclass
class DistillResult:
    """What a run did: steps, the best evaluation, the loss history and the dev history."""

    out: Path
    steps: int
    best_step: int | None
    best: dict[str, float] | None
    teacher_dev: dict[str, float] | None
    losses: list[tuple[int, float]] = field(default_factory=list)
    evals: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0


# --------------------------------------------------------------------------- student


def make_student(teacher: Any, layers: Sequence[int]) -> Any:
    """A copy of ``teacher`` (a BERT-style token classifier) keeping only ``layers``.

    The teacher is left untouched; the student's config says its new depth.
    """
    encoder = _encoder(teacher)
    depth = len(encoder.layer)
    bad = [k for k in layers if not 0 <= k < depth]
    if bad:
        raise InputError(f"layers {bad} out of range: the teacher has {depth} layers")
    student = copy.deepcopy(teacher)
    import torch

    _encoder(student).layer = torch.nn.ModuleList(
        [copy.deepcopy(encoder.layer[k]) for k in layers]
    )
    student.config.num_hidden_layers = len(layers)
    student.config.redactor_distilled_layers = list(layers)
    return student


def _encoder(model: Any) -> Any:
    base = getattr(model, model.base_model_prefix, None)
    encoder = getattr(base, "encoder", None)
    if encoder is None or not hasattr(encoder, "layer"):
        raise ModelError("the teacher is not a BERT-style encoder (no encoder.layer)")
    return encoder


# --------------------------------------------------------------------------- loss


def distill_loss(
    student_logits: Any,
    teacher_logits: Any,
    labels: Any,
    mask: Any,
    gold: Any,
    *,
    temperature: float,
    alpha: float,
) -> tuple[Any, float, float]:
    """``alpha * T^2 * KL(teacher_T || student_T) + (1 - alpha) * CE(gold)``.

    ``mask`` (batch x tokens, bool) marks the tokens the KL term averages over; ``labels``
    holds gold ids or ``-100``; ``gold`` (batch, bool) says which rows have gold labels.
    Returns the loss and its two parts as floats.
    """
    import torch
    import torch.nn.functional as F

    n_labels = student_logits.shape[-1]
    s = student_logits[mask] / temperature
    t = teacher_logits[mask] / temperature
    if bool(mask.any()):
        kl = F.kl_div(F.log_softmax(s, -1), F.log_softmax(t, -1), log_target=True,
                      reduction="batchmean") * temperature**2
    else:  # only records the teacher may not teach
        kl = student_logits.sum() * 0.0
    gold_labels = torch.where(gold[:, None], labels, torch.full_like(labels, IGNORE))
    if bool((gold_labels != IGNORE).any()):
        ce = F.cross_entropy(student_logits.reshape(-1, n_labels), gold_labels.reshape(-1),
                             ignore_index=IGNORE)
    else:
        ce = student_logits.sum() * 0.0
    loss = alpha * kl + (1 - alpha) * ce
    return loss, float(kl.detach()), float(ce.detach())


# --------------------------------------------------------------------------- batches


def _batches(chunks: Sequence[Chunk], size: int, rng: random.Random) -> list[list[int]]:
    """Chunk indices grouped by length (less padding), batches in random order."""
    order = list(range(len(chunks)))
    rng.shuffle(order)
    pool = 50 * size
    out: list[list[int]] = []
    for at in range(0, len(order), pool):
        part = sorted(order[at:at + pool], key=lambda i: len(chunks[i].input_ids))
        out.extend(part[k:k + size] for k in range(0, len(part), size))
    rng.shuffle(out)
    return out


def _collate(chunks: Sequence[Chunk], rows: Sequence[int], flags: Flags | None, pad: int) -> dict:
    import torch

    width = max(len(chunks[i].input_ids) for i in rows)
    ids = torch.full((len(rows), width), pad, dtype=torch.long)
    att = torch.zeros((len(rows), width), dtype=torch.long)
    lab = torch.full((len(rows), width), IGNORE, dtype=torch.long)
    for r, i in enumerate(rows):
        c = chunks[i]
        n = len(c.input_ids)
        ids[r, :n] = torch.tensor(c.input_ids)
        att[r, :n] = 1
        lab[r, :n] = torch.tensor(c.labels)
    batch = {"input_ids": ids, "attention_mask": att, "labels": lab}
    if flags is not None:  # training: which rows have gold labels, which the teacher teaches
        for name in ("gold", "teacher"):
            per_doc = getattr(flags, name)
            batch[name] = torch.tensor([per_doc[chunks[i].doc] for i in rows], dtype=torch.bool)
    return batch


# --------------------------------------------------------------------------- evaluation


def predict_words(
    model: Any, chunks: Sequence[Chunk], batch_size: int, pad: int
) -> list[list[int]]:
    """Argmax label id of each chunk's words (its first sub-tokens), chunk by chunk."""
    import torch

    order = sorted(range(len(chunks)), key=lambda i: len(chunks[i].input_ids))
    out: list[list[int]] = [[] for _ in chunks]
    model.eval()
    with torch.inference_mode():
        for at in range(0, len(order), batch_size):
            rows = order[at:at + batch_size]
            b = _collate(chunks, rows, None, pad)
            logits = model(input_ids=b["input_ids"], attention_mask=b["attention_mask"]).logits
            pred = logits.argmax(-1)
            for r, i in enumerate(rows):
                keep = b["labels"][r] != IGNORE
                out[i] = [int(x) for x in pred[r][keep]]
    return out


def dev_scores(
    model: Any, docs: Sequence[GoldDoc], chunks: Sequence[Chunk], labels: LabelSet,
    batch_size: int, pad: int,
) -> dict[str, float]:
    """The metrics of ``redact train`` for ``model`` on the dev chunks."""
    preds = predict_words(model, chunks, batch_size, pad)
    spans = predictions_to_spans(docs, chunks, preds, labels)
    report = evaluate([d.spans for d in docs], spans, [d.text for d in docs],
                      labels=labels.types)
    return scores(report)


# --------------------------------------------------------------------------- run


@dataclass(frozen=True)
class Flags:
    """Per record: does it carry gold labels (``"gold": false``: text only), and may the
    teacher's outputs teach it (``"teacher": false``: gold only, text the teacher does not know)."""

    gold: list[bool]
    teacher: list[bool]


def _flags(path: Path) -> Flags:
    gold, teacher = [], []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                gold.append(bool(rec.get("gold", True)))
                teacher.append(bool(rec.get("teacher", True)))
                if not (gold[-1] or teacher[-1]):
                    raise InputError(f"{path}: record {len(gold)} has neither gold nor teacher")
    return Flags(gold, teacher)


def load_teacher(folder: Path) -> tuple[Any, Any, LabelSet]:
    """Tokenizer, float32 teacher in eval mode, and its label set (``O``, ``B-T``, ``I-T``)."""
    import torch
    import transformers

    if not (folder / "config.json").is_file():
        raise ModelError(f"teacher folder {folder} has no config.json")
    try:
        tokenizer = transformers.AutoTokenizer.from_pretrained(folder, local_files_only=True)
        teacher = transformers.AutoModelForTokenClassification.from_pretrained(
            folder, dtype=torch.float32, local_files_only=True)
    except Exception as exc:
        raise ModelError(f"cannot load teacher {folder} ({type(exc).__name__})") from None
    id2label = {int(k): str(v) for k, v in teacher.config.id2label.items()}
    types = {v.split("-", 1)[1] for v in id2label.values() if v != "O"}
    labels = LabelSet.of(types)
    if labels.id2label != id2label:
        raise ModelError("the teacher's labels are not in redactor's O, B-T, I-T order")
    teacher.eval()
    for p in teacher.parameters():
        p.requires_grad_(False)
    return tokenizer, teacher, labels


def load_student(folder: Path, labels: LabelSet) -> Any:
    """A student saved by an earlier run, in float32, with the teacher's labels."""
    import torch
    import transformers

    try:
        model = transformers.AutoModelForTokenClassification.from_pretrained(
            folder, dtype=torch.float32, local_files_only=True)
    except Exception as exc:
        raise ModelError(f"cannot load student {folder} ({type(exc).__name__})") from None
    if {int(k): str(v) for k, v in model.config.id2label.items()} != labels.id2label:
        raise ModelError(f"student {folder} has other labels than the teacher")
    return model


def distill(config: DistillConfig) -> DistillResult:
    """Train a student from ``config.teacher`` and save the best checkpoint in ``config.out``."""
    import torch

    config.check()
    started = time.monotonic()
    if config.threads:
        torch.set_num_threads(config.threads)
    torch.manual_seed(config.seed)
    rng = random.Random(config.seed)
    out = Path(config.out)
    tokenizer, teacher, labels = load_teacher(Path(config.teacher))
    student = (make_student(teacher, config.layers) if config.init is None
               else load_student(Path(config.init), labels))
    for p in student.parameters():
        p.requires_grad_(True)
    pad = int(tokenizer.pad_token_id or 0)

    train_path = Path(config.train)
    docs = load_docs(train_path)
    flags = _flags(train_path)
    if len(flags.gold) != len(docs):
        raise InputError(f"{train_path}: {len(docs)} documents but {len(flags.gold)} records")
    chunks = encode(docs, tokenizer, labels, config.max_length)
    dev_docs = load_docs(Path(config.dev)) if config.dev else []
    dev_chunks = encode(dev_docs, tokenizer, labels, config.max_length) if dev_docs else []
    log.info("distil: %d train docs (%d with gold, %d gold only), %d chunks; %d dev docs",
             len(docs), sum(flags.gold), flags.teacher.count(False), len(chunks), len(dev_docs))

    result = DistillResult(out=out, steps=0, best_step=None, best=None, teacher_dev=None)
    if dev_docs:
        result.teacher_dev = dev_scores(teacher, dev_docs, dev_chunks, labels,
                                        config.eval_batch_size, pad)
        log.info("teacher dev: %s", _brief(result.teacher_dev))

    decay = [p for n, p in student.named_parameters() if "LayerNorm" not in n and "bias" not in n]
    rest = [p for n, p in student.named_parameters() if "LayerNorm" in n or "bias" in n]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": config.weight_decay},
                             {"params": rest, "weight_decay": 0.0}], lr=config.lr)
    warm = max(1, int(config.warmup_ratio * config.max_steps))

    def lr_at(step: int) -> float:
        if step < warm:
            return (step + 1) / warm
        return max(0.0, (config.max_steps - step) / max(1, config.max_steps - warm))

    sched = torch.optim.lr_scheduler.LambdaLR(opt, lr_at)
    queue: list[list[int]] = []
    step, running = 0, []
    while step < config.max_steps:
        if not queue:
            queue = _batches(chunks, config.batch_size, rng)
        b = _collate(chunks, queue.pop(), flags, pad)
        student.train()
        with torch.no_grad():
            t_logits = teacher(input_ids=b["input_ids"], attention_mask=b["attention_mask"]).logits
        s_logits = student(input_ids=b["input_ids"], attention_mask=b["attention_mask"]).logits
        loss, kl, ce = distill_loss(s_logits, t_logits, b["labels"],
                                    b["attention_mask"].bool() & b["teacher"][:, None],
                                    b["gold"],
                                    temperature=config.temperature, alpha=config.alpha)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(student.parameters(), 1.0)
        opt.step()
        sched.step()
        step += 1
        running.append(float(loss.detach()))
        result.losses.append((step, running[-1]))
        if step % 10 == 0:
            log.info("step %d loss %.4f (kl %.4f ce %.4f) %.0fs", step,
                     sum(running) / len(running), kl, ce, time.monotonic() - started)
            running = []
        out_of_time = (config.max_minutes > 0
                       and time.monotonic() - started > 60 * config.max_minutes)
        if step % config.eval_steps == 0 or step == config.max_steps or out_of_time:
            _evaluate(student, tokenizer, labels, config, dev_docs, dev_chunks, pad, step, result)
        if out_of_time:
            log.info("distil: time limit reached at step %d", step)
            break
    result.steps = step
    result.seconds = time.monotonic() - started
    _write_metrics(out, config, result)
    return result


def _evaluate(student: Any, tokenizer: Any, labels: LabelSet, config: DistillConfig,
              dev_docs: Sequence[GoldDoc], dev_chunks: Sequence[Chunk], pad: int, step: int,
              result: DistillResult) -> None:
    """Score the student on dev; save it when it is the best so far (or when there is no dev)."""
    if not dev_docs:
        save_student(student, tokenizer, labels, config, Path(config.out))
        result.best_step = step
        return
    got = dev_scores(student, dev_docs, dev_chunks, labels, config.eval_batch_size, pad)
    result.evals.append({"step": step, **got})
    log.info("step %d dev: %s", step, _brief(got))
    if result.best is None or got[config.metric] > result.best[config.metric]:
        result.best, result.best_step = got, step
        save_student(student, tokenizer, labels, config, Path(config.out))
        log.info("step %d: best so far, saved", step)


def _brief(s: dict[str, float]) -> str:
    return " ".join(f"{k} {s[k]:.4f}" for k in ("f1_overlap", "recall", "precision", "f1"))


def save_student(student: Any, tokenizer: Any, labels: LabelSet, config: DistillConfig,
                 out: Path) -> None:
    """Write a folder ``TransformerRecognizer`` loads: weights, config, tokenizer, label map."""
    import torch

    remove_stale_weights(out)
    copy_ = copy.deepcopy(student).to("cpu", getattr(torch, config.save_dtype))
    copy_.config.redactor_model_version = out.name
    copy_.save_pretrained(out)
    tokenizer.save_pretrained(out)
    teacher = Path(config.teacher)
    label_map = teacher / LABEL_MAP_FILE
    if label_map.is_file():
        shutil.copyfile(label_map, out / LABEL_MAP_FILE)
    else:
        (out / LABEL_MAP_FILE).write_text(
            json.dumps({t: t for t in labels.types}, indent=2) + "\n", encoding="utf-8")
    if (teacher / "LICENSE").is_file():
        shutil.copyfile(teacher / "LICENSE", out / "LICENSE")


def _write_metrics(out: Path, config: DistillConfig, result: DistillResult) -> None:
    out.mkdir(parents=True, exist_ok=True)
    options = {k: (str(v) if isinstance(v, Path) else v) for k, v in asdict(config).items()}
    body = {
        "options": options,
        "steps": result.steps,
        "seconds": round(result.seconds, 1),
        "best_step": result.best_step,
        "best": result.best,
        "teacher_dev": result.teacher_dev,
        "evals": result.evals,
        "loss_every_10": [(s, round(v, 4)) for s, v in result.losses if s % 10 == 0],
    }
    (out / "distill_metrics.json").write_text(json.dumps(body, indent=2, default=str) + "\n",
                                              encoding="utf-8")


def mean_loss(losses: Sequence[tuple[int, float]], first: bool, n: int) -> float:
    """Mean of the first (or last) ``n`` losses of a run (tests, reports)."""
    part = losses[:n] if first else losses[-n:]
    return math.fsum(v for _, v in part) / max(1, len(part))
