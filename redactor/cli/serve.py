"""``redact serve``: the REST service (thin click layer over redactor.serve).

Everything loads before the server listens: a policy, key or model that cannot load stops the
command with exit 2 and no port is ever opened.
"""

from __future__ import annotations

import os

import click

from redactor.cli.errors import handle_errors
from redactor.cli.options import (
    device_option,
    key_options,
    policy_option,
    setup_logging,
    verbose_option,
)
from redactor.serve.settings import MIB


@click.command("serve")
@policy_option()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8080, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(min=1),
              help="Detection worker processes per policy, each with its own models "
                   "(1: the server process runs them).")
@click.option("--candidate-policy", metavar="POLICY",
              help="A second policy (or model) to compare with the main one (needs --mode).")
@click.option("--mode", type=click.Choice(["ab", "shadow"]),
              help="ab: the candidate serves --ab-share of requests; shadow: it runs on every "
                   "request off the response path and only its agreement is counted.")
@click.option("--ab-share", default=0.1, show_default=True, type=click.FloatRange(0.0, 1.0),
              help="Share of requests the candidate serves in --mode ab.")
@click.option("--shadow-summary", type=click.Path(dir_okay=False),
              help="JSON file for the shadow comparison's counts (rewritten at most once a "
                   "second; counts only, never text).")
@key_options(ephemeral_help="Allow a random per-process key when none is given.")
@device_option("Transformer device: cpu, cuda, cuda:N.")
@click.option("--max-body", default=MIB, show_default=True, type=click.IntRange(min=1),
              help="Largest request body in bytes (413 beyond).")
@click.option("--max-items", default=1024, show_default=True, type=click.IntRange(min=1),
              help="Most texts in one batch request (413 beyond).")
@click.option("--batch-window-ms", default=5.0, show_default=True,
              type=click.FloatRange(min=0.0),
              help="How long a request waits for others to share its model batch.")
@click.option("--batch-texts", default=256, show_default=True, type=click.IntRange(min=1),
              help="A model batch closes at this many texts (the CLI's batch)...")
@click.option("--batch-chars", default=100_000, show_default=True, type=click.IntRange(min=1),
              help="...or at this many characters.")
@click.option("--queue-texts", default=4096, show_default=True, type=click.IntRange(min=1),
              help="Texts waiting per policy before requests get 503 + Retry-After.")
@click.option("--shutdown-timeout", default=30.0, show_default=True,
              type=click.FloatRange(min=0.0),
              help="Seconds to finish in-flight requests after SIGTERM.")
@verbose_option("Log every request (method, route, status, time: never text).")
@handle_errors
def serve_command(policy: str, host: str, port: int, workers: int, candidate_policy: str | None,
                  mode: str | None, ab_share: float, shadow_summary: str | None,
                  key_file: str | None, ephemeral_key: bool, device: str | None, max_body: int,
                  max_items: int, batch_window_ms: float, batch_texts: int, batch_chars: int,
                  queue_texts: int, shutdown_timeout: float, verbose: bool) -> None:
    """Serve redaction over HTTP: /v1/redact, /v1/analyze, /v1/scan, /health, /ready, /metrics.

    Set $REDACTOR_API_TOKEN to require `Authorization: Bearer TOKEN` on every route but
    /health. Exit 2 when a policy, key or model cannot load (before listening).

    \b
    Example:
        redact serve --policy hipaa --port 8080
        curl -s localhost:8080/v1/redact -d '{"text": "Call Jane Doe at 617-555-0143"}'
        redact serve --policy hipaa --candidate-policy hipaa-fast --mode shadow
    """
    from redactor.serve.settings import ServeSettings

    # Idle OpenMP threads sleep instead of spinning: between a service's small batches the spin
    # cost 2.5x the CPU per request (hipaa, 4 clients: 15 -> 6 ms) at the same latency. Set
    # before torch loads; an explicit setting wins.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    from redactor.serve.app import TOKEN_ENV, Service, make_server
    setup_logging(False, verbose)
    if verbose:
        import logging

        logging.getLogger("redactor.serve").setLevel(logging.INFO)
    settings = ServeSettings(
        policy=policy, candidate_policy=candidate_policy, mode=mode, ab_share=ab_share,
        host=host, port=port, workers=workers, device=device, key_file=key_file,
        ephemeral_key=ephemeral_key, api_token=os.environ.get(TOKEN_ENV) or None,
        max_body=max_body, max_items=max_items, batch_window=batch_window_ms / 1000,
        batch_texts=batch_texts, batch_chars=batch_chars, queue_texts=queue_texts,
        shutdown_timeout=shutdown_timeout, shadow_summary=shadow_summary)
    problems = settings.problems()
    if problems:
        raise click.UsageError("; ".join(problems))
    service = Service.load(settings)
    names = ", ".join(f"{name}={arm.policy.name}" for name, arm in service.arms.items())
    click.echo(f"redact: serving {names} on http://{host}:{port}"
               + (f" ({mode} mode)" if mode else "")
               + (" with bearer token" if settings.api_token else ""), err=True)
    try:
        make_server(service).run()
    finally:
        service.close()  # a no-op after a normal shutdown; else (say, the port was taken)


COMMANDS: tuple[click.Command, ...] = (serve_command,)
