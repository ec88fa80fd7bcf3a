"""``redact eval``: score a policy's detection stack against a labelled gold file (thin click
layer over redactor.quality.evaluate). Exit codes: 0 done, 2 usage, policy, input or model error.
"""

from __future__ import annotations

import click

from redactor.cli.errors import handle_errors
from redactor.cli.options import POLICY_HELP_SHORT, label_map_option, policy_option


@click.command("eval")
@policy_option(POLICY_HELP_SHORT)
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "gold_format", type=click.Choice(["auto", "jsonl", "conll"]),
              default="auto", show_default=True, help="Gold file format (auto: by extension).")
@label_map_option("Map a CoNLL entity type to ours (repeatable), e.g. person=PERSON.")
@click.option("--json", "json_out", type=click.Path(dir_okay=False),
              help="Also write the report as JSON here.")
@click.option("--groups", is_flag=True, help="Also print recall per group facet.")
@handle_errors
def eval_command(policy: str, gold: str, gold_format: str, label_map: tuple[str, ...],
                 json_out: str | None, groups: bool) -> None:
    """Score the policy's detection stack against a labelled GOLD file.

    GOLD is JSON Lines ({"id","text","spans":[{"start","end","type"}]}) or CoNLL/BIO
    (token TAB tag). Prints precision, recall and F1 per entity type, exact and overlap
    match, and the type-blind character recall (1 - leak rate).

    \b
    Example:
        redact eval --policy hipaa benchmarks/data/dev.jsonl
        redact eval --policy hipaa --label-map person=PERSON wnut17.conll
    """
    import json

    from redactor.detect.engine import Engine
    from redactor.policy import load_policy
    from redactor.quality.evaluate import evaluate, load_conll, load_gold_jsonl

    loaded = load_policy(policy)
    conll = gold_format == "conll" or (
        gold_format == "auto" and not gold.endswith((".jsonl", ".ndjson", ".json"))
    )
    if conll:
        mapping = dict(item.split("=", 1) for item in label_map if "=" in item) or None
        docs = load_conll(gold, label_map=mapping)
    else:
        docs = load_gold_jsonl(gold)
    engine = Engine.from_policy(loaded).load()
    texts = [doc.text for doc in docs]
    pred = engine.analyze(texts)
    report = evaluate([doc.spans for doc in docs], pred, texts, labels=loaded.entity_labels)
    click.echo(report.format_table(groups=groups))
    if json_out:
        from redactor.formats.atomic import atomic_write

        record = {"policy": {"name": loaded.name, "sha256": loaded.sha256},
                  "models": engine.versions(), "gold": gold, **report.to_dict()}
        with atomic_write(json_out) as out:
            json.dump(record, out, indent=2)
            out.write("\n")


COMMANDS: tuple[click.Command, ...] = (eval_command,)
