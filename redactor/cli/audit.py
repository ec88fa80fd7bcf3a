"""``redact audit`` and ``redact scan``: thin click commands over
redactor.quality.

Exit codes: ``audit`` 0 when every gate passes, 3 when a gate fails or lacks support; ``scan``
0 when nothing is left, 4 when identifiers remain, 1 when some file could not be read; both 2 on
a usage, policy or model error.
"""

from __future__ import annotations

import json
import sys

import click

from redactor.cli.errors import handle_errors
from redactor.cli.options import (
    format_options,
    json_flag,
    policy_option,
    quiet_option,
    read_options,
)

EXIT_GATE_FAILED = 3


def _num(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.3f}"


@click.command("audit")
@policy_option()
@click.option("--out", "out_dir", default="audits", show_default=True,
              type=click.Path(file_okay=False), help="Folder for the JSON and HTML report.")
@click.option("--size", default=1000, show_default=True, type=click.IntRange(min=1),
              help="Number of synthetic documents.")
@click.option("--seed", default=None, type=int,
              help="Seed of the test set (default: a fixed seed, so reports compare).")
@click.option("--n-boot", default=500, show_default=True, type=click.IntRange(min=10),
              help="Bootstrap resamples for the confidence intervals.")
@click.option("--min-support", default=20, show_default=True, type=click.IntRange(min=1),
              help="Gold spans a group needs to be judged; fewer make its gate INSUFFICIENT.")
@quiet_option("Print only the gate results.")
@handle_errors
def audit_command(policy: str, out_dir: str, size: int, seed: int | None, n_boot: int,
                  min_support: int, quiet: bool) -> None:
    """Audit a policy's detection stack on a seeded, diverse synthetic test set.

    Names of 31 origins and both genders, with addresses, phones and identifiers in their
    countries' formats, are placed in clinical notes, letters, e-mails, tickets, chats, CSV
    lines and news items.
    Recall, precision and leak rate are reported per entity type and per group (origin,
    gender, origin x gender) with bootstrap confidence intervals, and checked against the
    policy's ``audit: {min_recall, max_group_gap}`` gates. Writes
    OUT/YYYY-MM-DD-<policy>.json and .html (with a trend over earlier reports in OUT).

    A group (origin, gender, entity type) with fewer than --min-support gold spans cannot
    pass a gate: the gate is INSUFFICIENT and names it (raise --size).

    Exit codes: 0 every gate passed; 3 a gate failed or had groups with too few examples
    (the groups are named); 2 policy or model error.

    \b
    Example:
        redact audit --policy hipaa --out audits/
        redact audit --policy policies/my-policy.yaml --size 2000 --seed 7
    """
    from redactor.policy import load_policy
    from redactor.quality.audit import run_audit
    from redactor.quality.report import write_report
    from redactor.quality.synth import DEFAULT_SEED

    loaded = load_policy(policy)
    if not quiet:
        click.echo(f"redact: auditing policy {loaded.name} on {size} synthetic documents", err=True)
    result = run_audit(loaded, size=size, seed=DEFAULT_SEED if seed is None else seed,
                       n_boot=n_boot, min_support=min_support)
    json_path, html_path = write_report(result.report, out_dir)
    metrics = result.report["metrics"]
    if not quiet:
        overall = metrics["overall"]
        click.echo(f"overall recall {overall['recall']:.3f}  precision "
                   f"{overall['precision']:.3f}  leak rate {overall['leak_rate']:.3f}")
        click.echo("person-name recall by origin:")
        groups = metrics["person_groups"]["origin"]["by_group"]
        for name, row in sorted(groups.items(), key=lambda kv: kv[1]["recall"] or 0):
            lo, hi = row["recall_ci"]
            few = "  (too few to judge)" if row["n_gold"] < min_support else ""
            click.echo(f"  {name:<10} {_num(row['recall'])}  [{_num(lo)}, {_num(hi)}]  "
                       f"n={row['n_gold']}{few}")
    for gate in result.gates:
        click.echo(gate.message())
    click.echo(f"report: {json_path}  {html_path}", err=True)
    if not result.passed:
        failing = sorted({f for g in result.gates if not g.passed for f in g.failing})
        small = result.report["insufficient_support"]
        if failing:
            click.echo(f"redact: audit FAILED: {', '.join(failing)}", err=True)
        if small:
            click.echo(f"redact: audit INSUFFICIENT: under {min_support} examples: "
                       f"{', '.join(small)} (raise --size)", err=True)
        sys.exit(EXIT_GATE_FAILED)


@click.command("scan")
@policy_option()
@click.argument("path", type=click.Path(exists=True))
@click.option("--threshold", type=click.FloatRange(0.0, 1.0),
              help="Minimum detector score of a finding (default: the policy's thresholds).")
@format_options("scan")
@click.option("--check-pseudonymized", is_flag=True,
              help="Also check types the policy pseudonymises (surrogates will be reported).")
@json_flag("Print one JSON object instead of lines.")
@quiet_option("No summary on stderr.")
@handle_errors
def scan_command(policy: str, path: str, threshold: float | None, text_fields: tuple[str, ...],
                 columns: tuple[str, ...], encoding: str, check_pseudonymized: bool,
                 as_json: bool, quiet: bool) -> None:
    """Check PATH (redacted output, or any data) for identifiers that remain.

    Reads the same formats as `redact run`; placeholders, hashes and masks that redaction
    wrote are not findings, and `_audit` folders are skipped. Each finding is printed as
    file, document id, start-end offsets, entity type, score and recognizer; never the text.

    Exit codes: 0 nothing found; 4 identifiers remain; 1 some file could not be read;
    2 policy or model error.

    \b
    Example:
        redact scan --policy hipaa redacted/
        redact scan --policy hipaa --threshold 0.7 --json export.jsonl
    """
    from redactor.policy import load_policy
    from redactor.quality.scan import Scanner

    options = read_options(text_fields, columns, encoding)
    scanner = Scanner(load_policy(policy), threshold=threshold,
                      check_pseudonymized=check_pseudonymized, options=options)
    result = scanner.scan_path(path)
    if as_json:
        click.echo(json.dumps(result.to_dict(), indent=2))
    else:
        for f in result.findings:
            click.echo(f"{f.file}\t{f.document}\t{f.start}-{f.end}\t{f.label}\t{f.score:.2f}"
                       f"\t{f.recognizer}")
    if not quiet:
        for failure in result.failures:
            click.echo(f"redact: could not scan {failure.file}: {failure.reason}", err=True)
        if result.unchecked_labels:
            click.echo(f"redact: not checked (pseudonymised by the policy, surrogates look real): "
                       f"{', '.join(result.unchecked_labels)}", err=True)
        verdict = (f"{len(result.findings)} identifier(s) remain" if result.findings
                   else "no identifiers found")
        click.echo(f"redact: scanned {result.files} file(s), {result.documents} document(s): "
                   f"{verdict}; {len(result.skipped)} skipped, {len(result.failures)} unreadable",
                   err=True)
    sys.exit(result.exit_code)


COMMANDS: tuple[click.Command, ...] = (audit_command, scan_command)
