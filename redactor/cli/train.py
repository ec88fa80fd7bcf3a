"""``redact train`` and ``redact train-data``: thin click commands over
redactor.training.trainer and redactor.training.generate; ``redact train --corrections`` folds
a reviewed queue back in with redactor.review.corrections. Exit codes: 0 done, 2 usage, data or
model error.
"""

from __future__ import annotations

import logging
from pathlib import Path

import click

from redactor.cli.errors import handle_errors
from redactor.cli.options import (
    choice_option,
    count_option,
    input_file_option,
    label_map_option,
    overwrite_option,
    seed_option,
)


def _pairs(values: tuple[str, ...]) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for item in values:
        if "=" not in item:
            raise click.BadParameter(
                f"expected THEIRS=OURS, got {item!r}", param_hint="--label-map"
            )
        theirs, ours = item.split("=", 1)
        out[theirs.strip()] = ours.strip() or None
    return out


def fold_corrections(
    corrections: str, fold_as: str, policy: str | None, policy_out: str | None,
    holdout: float, seed: int, base: str | None, dev_path: str | None,
) -> tuple[str | None, str | None, str | None]:
    """``redact train --corrections``: hold a part back (for ``redact eval``), write the policy
    that extends ``policy`` with allow/deny entries and/or the training file; return
    ``(train, dev, base)`` for the model route. Every file written is 0600."""
    from redactor.detect.engine import Engine
    from redactor.errors import InputError
    from redactor.policy import load_policy
    from redactor.review.corrections import (
        load_corrections,
        policy_entries,
        split_heldout,
        training_records,
        with_predictions,
        write_jsonl,
        write_policy,
    )

    if not policy:
        raise click.UsageError("--corrections needs --policy: the policy the queue was "
                               "reviewed against")
    loaded = load_policy(policy)
    docs = load_corrections(corrections)
    if not docs:
        raise InputError(f"{corrections}: no reviewed document in it")
    if any(c.predicted is None for c in docs):
        docs = with_predictions(docs, Engine.from_policy(loaded).load())
    fold, back = split_heldout(docs, holdout, seed)
    stem = str(Path(corrections).with_suffix(""))
    if back:
        held = write_jsonl(training_records(back), f"{stem}.heldout.jsonl")
        click.echo(f"redact: {len(back)} reviewed document(s) held back in {held}", err=True)
    train_path = None
    if fold_as in ("policy", "both"):
        allow, deny = policy_entries(fold)
        out = write_policy(policy_out or f"{stem}.policy.yaml", policy, loaded, allow, deny,
                           f"{len(fold)} reviewed document(s) of {Path(corrections).name}")
        n_deny = sum(map(len, deny.values()))
        click.echo(f"redact: {len(allow)} allow and {n_deny} deny entries from {len(fold)} "
                   f"document(s) in {out} (extends {policy}; mode 0600)", err=True)
        if back:
            click.echo(f"redact: compare: redact eval --policy {policy} {stem}.heldout.jsonl; "
                       f"redact eval --policy {out} {stem}.heldout.jsonl", err=True)
    if fold_as in ("model", "both"):
        train_path = str(write_jsonl(training_records(fold), f"{stem}.train.jsonl"))
        if base is None:
            if loaded.detectors.transformer is None:
                raise click.UsageError(f"policy {loaded.name!r} has no transformer detector: "
                                       "name the model to fine-tune with --base")
            from redactor.models import resolve_model

            base = str(resolve_model(loaded.detectors.transformer.model,
                                     Path(loaded.path).parent if loaded.path else None))
    return train_path, dev_path, base


def _kept_types(base: str, train_path: str) -> tuple[str, ...]:
    """The types to fine-tune on corrections: the base model's own and any the corrections
    add, so a model corrected on names does not forget e-mails or dates."""
    from redactor.quality.evaluate import load_gold_jsonl
    from redactor.training.trainer import model_types

    added = (s.label for doc in load_gold_jsonl(train_path) for s in doc.spans)
    return tuple(dict.fromkeys((*model_types(base), *added)))


@click.command("train")
@click.option(
    "--base",
    metavar="MODEL",
    help="Model to start from: a bundled model's name (rampart-bert) or a model folder; a "
    "folder with only config.json + tokenizer starts from random weights.",
)
@input_file_option("--train", "train_path", help="Training data: JSON Lines spans or BIO CoNLL.")
@input_file_option("--corrections", help="A reviewed `redact review` queue (doccano or Label "
                   "Studio export) to fold back in, instead of --train.")
@choice_option("--as", "fold_as", choices=("policy", "model", "both"), default="policy",
               help="With --corrections: allow/deny entries in a policy that extends --policy, "
               "and/or training data to fine-tune its model (--base defaults to the policy's).")
@click.option("--policy", "policy", help="With --corrections: the policy reviewed against.")
@click.option(
    "--policy-out",
    type=click.Path(dir_okay=False),
    help="With --corrections: the policy file to write (default: CORRECTIONS.policy.yaml).",
)
@click.option(
    "--holdout",
    default=0.2,
    show_default=True,
    type=click.FloatRange(0, 0.9),
    help="With --corrections: share of reviewed documents held back for `redact eval`.",
)
@input_file_option("--dev", "dev_path",
                   help="Dev data for evaluation, best-model choice and early stopping.")
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False),
    help="Folder to write the model to (required unless --corrections --as policy).",
)
@click.option(
    "--labels",
    multiple=True,
    metavar="TYPE[,TYPE]",
    help="Entity types to learn (default: the types in the training data; with --corrections, "
    "the base model's own types and any the corrections add).",
)
@label_map_option("Map a data type to ours (person=PERSON); THEIRS= drops it. Repeatable.")
@click.option("--epochs", default=3.0, show_default=True, type=click.FloatRange(min=0))
@count_option("--max-steps", default=0, minimum=0,
              help="Optimizer steps (overrides --epochs when > 0).")
@click.option("--lr", default=5e-5, show_default=True, type=float, help="Peak learning rate.")
@count_option("--batch-size", default=16, minimum=1)
@count_option("--grad-accum", default=1, minimum=1, help="Gradient accumulation steps.")
@click.option(
    "--warmup-ratio",
    default=0.1,
    show_default=True,
    type=float,
    help="Share of steps with linear warm-up (then linear decay).",
)
@click.option("--weight-decay", default=0.01, show_default=True, type=float)
@count_option("--max-length", default=128, minimum=8,
              help="Tokens per training chunk, specials included.")
@seed_option()
@count_option("--patience", default=3, minimum=0,
              help="Evaluations without improvement before stopping (0: never stop early).")
@click.option(
    "--eval-steps",
    type=click.IntRange(min=1),
    help="Evaluate every N steps (default: about 5 times per run).",
)
@choice_option("--metric", choices=("f1", "f1_overlap", "recall", "char_recall"), default="f1",
               help="Dev metric choosing the best checkpoint.")
@choice_option("--precision", choices=("auto", "fp32", "fp16", "bf16"), default="auto",
               help="auto: bf16 (else fp16) on a GPU, fp32 on the CPU.")
@click.option("--fp16", "fp16_flag", is_flag=True, help="Same as --precision fp16.")
@click.option("--bf16", "bf16_flag", is_flag=True, help="Same as --precision bf16.")
@choice_option("--device", choices=("auto", "cpu"), default="auto")
@choice_option("--save-dtype", choices=("float16", "float32", "bfloat16"), default="float16",
               help="Dtype of the saved weights.")
@click.option("--license", "licence", help="Licence of the result (default: the base's).")
@click.option("--attribution", multiple=True, help="Extra attribution line for the model card.")
@click.option("--allow-download", is_flag=True, help="Let a hub id as --base download.")
@overwrite_option("Replace the files of a non-empty --out.")
@click.option("--progress/--no-progress", default=True, show_default=True)
@handle_errors
def train_command(
    base: str | None,
    train_path: str | None,
    corrections: str | None,
    fold_as: str,
    policy: str | None,
    policy_out: str | None,
    holdout: float,
    dev_path: str | None,
    out_dir: str,
    labels: tuple[str, ...],
    label_map: tuple[str, ...],
    epochs: float,
    max_steps: int,
    lr: float,
    batch_size: int,
    grad_accum: int,
    warmup_ratio: float,
    weight_decay: float,
    max_length: int,
    seed: int,
    patience: int,
    eval_steps: int | None,
    metric: str,
    precision: str,
    fp16_flag: bool,
    bf16_flag: bool,
    device: str,
    save_dtype: str,
    licence: str | None,
    attribution: tuple[str, ...],
    allow_download: bool,
    overwrite: bool,
    progress: bool,
) -> None:
    """Fine-tune a token classifier on our entity types and write a model folder.

    The folder loads as a policy's transformer detector (``transformer: {model: OUT}``): it
    holds config.json, the tokenizer, the weights, redactor_label_map.json, MODEL_CARD.md and
    training_metrics.json. Metrics are computed by the same code as ``redact eval``.

    With --corrections, folds a reviewed `redact review` queue back in: as allow/deny
    entries in a policy that extends --policy, and/or (--as model) as training data for
    the policy's model; a held-back part is written for `redact eval` to show the gain.

    \b
    Example:
        redact train --corrections queue-done.jsonl --policy hipaa --as policy
        redact train-data --out train.jsonl --count 4000
        redact train-data --out val.jsonl --count 400 --seed 14
        redact train --base rampart-bert --train train.jsonl --dev val.jsonl \\
            --out rampart-ft --max-steps 300 \\
            --labels PERSON,LOCATION,ORGANIZATION,DATE,AGE,MEDICAL_RECORD_NUMBER
    """
    from redactor.training.trainer import TrainConfig, train

    if corrections:  # redact train --corrections
        train_path, dev_path, base = fold_corrections(
            corrections, fold_as, policy, policy_out, holdout, seed, base, dev_path
        )
        if fold_as == "policy":
            return
    missing = [o for o, v in (("--base", base), ("--train", train_path), ("--out", out_dir))
               if not v]
    if missing:
        raise click.UsageError(f"missing option(s) {', '.join(missing)}")
    if fp16_flag and bf16_flag:
        raise click.UsageError("--fp16 and --bf16 exclude each other")
    if fp16_flag or bf16_flag:
        precision = "fp16" if fp16_flag else "bf16"
    types = tuple(t.strip() for v in labels for t in v.split(",") if t.strip()) or None
    if corrections and types is None and Path(base).is_dir():
        types = _kept_types(base, train_path)
    logging.getLogger("redactor.training.trainer").setLevel(logging.INFO)
    config = TrainConfig(
        base=base,
        train=train_path,
        dev=dev_path,
        out=out_dir,
        labels=types,
        label_map=_pairs(label_map) or None,
        epochs=epochs,
        max_steps=max_steps,
        lr=lr,
        batch_size=batch_size,
        grad_accum=grad_accum,
        warmup_ratio=warmup_ratio,
        weight_decay=weight_decay,
        max_length=max_length,
        seed=seed,
        patience=patience,
        eval_steps=eval_steps,
        metric=metric,
        precision=precision,
        device=device,
        save_dtype=save_dtype,
        license=licence,
        attribution=attribution,
        local_files_only=not allow_download,
        overwrite=overwrite,
        progress=progress,
    )
    result = train(config)
    click.echo(
        f"redact: model in {result.out} ({result.global_step} steps, best step "
        f"{result.best_step}, {metric} {result.best_metric})",
        err=True,
    )
    if result.final:
        click.echo(result.final["table"])


@click.command("train-data")
@click.option(
    "--out",
    "out_path",
    required=True,
    type=click.Path(dir_okay=False),
    help="JSON Lines file to write.",
)
@count_option("--count", default=2000, minimum=0, help="Synthetic documents.")
@seed_option()
@input_file_option("--wnut", help="WNUT-17 CoNLL file to mix in (as-is and with names swapped).")
@count_option("--wnut-swaps", default=1, minimum=0,
              help="Swapped copies of each WNUT post that names a person.")
@click.option("--no-wnut-as-is", is_flag=True, help="Only the swapped WNUT posts.")
@input_file_option("--holdout-names",
                   help="Gold JSONL whose PERSON name words are never generated.")
@handle_errors
def train_data_command(
    out_path: str,
    count: int,
    seed: int,
    wnut: str | None,
    wnut_swaps: int,
    no_wnut_as_is: bool,
    holdout_names: str | None,
) -> None:
    """Write a seeded training set: templated documents mixed with real WNUT-17 posts.

    Same as ``python -m redactor.training``. Names of many origins and both genders, addresses
    and phones of many countries, in clinical notes, letters, e-mails, tickets, chats, HR and
    finance records; every span exact.

    \b
    Example:
        redact train-data --out train.jsonl --count 4000 --seed 13 \\
            --wnut wnut17train.conll

    wnut17train.conll is the WNUT-17 training file (CC-BY 4.0), from
    https://github.com/leondz/emerging_entities_17.
    """
    from redactor.training.generate import generate, holdout_words, summary, write_jsonl

    holdout = holdout_words(holdout_names) if holdout_names else set()
    records = generate(
        count, seed, wnut=wnut, wnut_as_is=not no_wnut_as_is, wnut_swaps=wnut_swaps, holdout=holdout
    )
    write_jsonl(records, out_path)
    click.echo(summary(records), err=True)


COMMANDS: tuple[click.Command, ...] = (train_command, train_data_command)
