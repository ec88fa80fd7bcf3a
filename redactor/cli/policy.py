"""``redact check-policy`` and ``redact entities``: what a policy does, and the entity types it
can name. Exit codes: 0 done, 2 an invalid policy.
"""

from __future__ import annotations

import click

from redactor.cli.errors import handle_errors


@click.command("check-policy")
@click.argument("policy")
@handle_errors
def check_policy(policy: str) -> None:
    """Validate a policy and print what it does per entity type.

    \b
    Example:
        redact check-policy policies/hipaa.yaml
    """
    from redactor.policy import load_policy

    loaded = load_policy(policy)
    click.echo(f"policy {loaded.name} (sha256 {loaded.sha256[:12]}) is valid")
    for label in sorted(loaded.entities):
        rule = loaded.entities[label]
        click.echo(f"  {label:<24} {rule.action:<13} threshold {loaded.threshold_for(label):.2f}")
    click.echo(f"  {'(other types)':<24} {loaded.default.action}")
    from redactor.detect.engine import recognizer_specs

    click.echo("recognizers, in the order they run:")
    for spec in recognizer_specs(loaded):
        name = getattr(spec.config, "name", None)
        where = f" ({spec.where}: {name})" if spec.where and name else (
            f" ({spec.where})" if spec.where else "")
        click.echo(f"  {spec.factory}{where}")


@click.command("entities")
@handle_errors
def entities() -> None:
    """List the entity types a policy can name, with their HIPAA identifier number.

    \b
    Example:
        redact entities
    """
    from redactor.entities import ENTITY_TYPES

    for label, (description, hipaa) in ENTITY_TYPES.items():
        tag = f"HIPAA #{hipaa}" if hipaa else "-"
        click.echo(f"{label:<24} {tag:<9} {description}")


COMMANDS: tuple[click.Command, ...] = (check_policy, entities)
