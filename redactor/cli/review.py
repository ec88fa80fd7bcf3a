"""``redact explain`` and ``redact review``: thin click commands over redactor.review.explain and
redactor.review.queue. Both show or write document text; neither writes to a run's audit.
Exit codes: 0 done, 2 usage, policy, input or model error.
"""

from __future__ import annotations

import json
from itertools import islice
from typing import Any

import click

from redactor.cli.errors import handle_errors
from redactor.cli.options import POLICY_HELP_SHORT, json_flag, policy_option


def _batches(iterable: Any, size: int = 64) -> Any:
    it = iter(iterable)
    while batch := list(islice(it, size)):
        yield batch


@click.command("explain")
@policy_option(POLICY_HELP_SHORT)
@click.argument("file", type=click.Path(exists=True))
@json_flag("One JSON object per document.")
@click.option("--no-filters", is_flag=True,
              help="Skip re-running spaCy to list what its precision filters dropped.")
@handle_errors
def explain_command(policy: str, file: str, as_json: bool, no_filters: bool) -> None:
    """Show why each span of FILE is redacted (or not), stage by stage.

    For each final span: the recognizers that reported it with their scores, the context
    words that raised a score, the candidates dropped there and why (policy label, threshold,
    implausible shape, allow list, spaCy's precision filters such as eponyms or field labels),
    how overlapping spans were merged (strategy, members, winner), and the policy rule that
    gives the action. Then the candidates dropped where nothing was redacted.

    The output SHOWS THE DOCUMENT TEXT. It goes to the terminal only and is never written to
    a run's audit (the audit's run.json keeps the rule and filter version ids instead).

    \b
    Example:
        redact explain --policy hipaa note.txt
        redact explain --policy hipaa --json notes.jsonl | jq .
    """
    from redactor.detect.engine import Engine
    from redactor.policy import load_policy
    from redactor.review.explain import format_trace, trace_texts
    from redactor.review.queue import iter_documents

    loaded = load_policy(policy)
    engine = Engine.from_policy(loaded).load()
    if not as_json:
        click.echo(f"policy {loaded.name} (sha256 {loaded.sha256[:12]}), overlap "
                   f"{loaded.overlap}, threshold {loaded.threshold}")
    for batch in _batches(iter_documents(file)):
        traces = trace_texts(engine, [t for _, _, t in batch], doc_ids=[d for _, d, _ in batch],
                             recognizer_filters=not no_filters)
        for trace in traces:
            click.echo(json.dumps(trace.to_dict(), ensure_ascii=False) if as_json
                       else format_trace(trace))


@click.command("review")
@policy_option(POLICY_HELP_SHORT)
@click.argument("input_path", metavar="INPUT", type=click.Path(exists=True))
@click.option("--out", "out_path", required=True, type=click.Path(dir_okay=False),
              help="Queue file to write (created 0600: it holds the documents' text).")
@click.option("--budget", default=50, show_default=True, type=click.IntRange(min=1),
              help="Spans to put in the queue.")
@click.option("--format", "fmt", type=click.Choice(["doccano", "label-studio"]),
              default="doccano", show_default=True,
              help="doccano: JSON Lines {text, label}; label-studio: a JSON array of tasks "
              "with predictions.")
@handle_errors
def review_command(policy: str, input_path: str, out_path: str, budget: int, fmt: str) -> None:
    """Write a review queue: the BUDGET spans of INPUT most worth a person's look.

    Spans are picked by uncertainty: scores near the threshold, recognizers that disagree,
    candidates a filter or the threshold dropped narrowly, names found once; with a penalty
    for types and documents already picked, so the queue is diverse. Each chosen document is
    written once, pre-annotated with the policy's spans (its "predicted" field keeps them for
    `redact train --corrections`), with the places to review listed under "review".

    THE QUEUE HOLDS PERSONAL DATA: the full text of the chosen documents. It is created with
    mode 0600, for the user's own machine; delete it when the review is done.

    \b
    Example:
        redact review --policy hipaa notes/ --out queue.jsonl --budget 100
        # label in doccano, export to queue-done.jsonl, then
        redact train --corrections queue-done.jsonl --policy hipaa --as policy
    """
    from redactor import __version__
    from redactor.detect.engine import Engine
    from redactor.policy import load_policy
    from redactor.review.explain import trace_texts
    from redactor.review.queue import all_items, iter_documents, queue_records, select, write_queue

    loaded = load_policy(policy)
    engine = Engine.from_policy(loaded).load()
    files, traces = [], []
    for batch in _batches(iter_documents(input_path)):
        traces += trace_texts(engine, [t for _, _, t in batch], doc_ids=[d for _, d, _ in batch])
        files += [f for f, _, _ in batch]
    chosen = select(all_items(traces), budget, [t.text for t in traces], files)
    records = queue_records(chosen, traces, fmt=fmt, files=files,
                            model_version=f"redactor {__version__} {loaded.name} "
                            f"{loaded.sha256[:12]}")
    write_queue(records, out_path, fmt)
    click.echo(f"redact: {len(chosen)} span(s) in {len(records)} document(s) of "
               f"{len(traces)} written to {out_path} (mode 0600; it holds personal data)",
               err=True)


COMMANDS: tuple[click.Command, ...] = (explain_command, review_command)
