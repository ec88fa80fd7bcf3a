"""Audit reports: ``YYYY-MM-DD-<policy>.json`` and a self-contained HTML page beside it.

The HTML page needs nothing but a browser: inline CSS and inline SVG charts, no script, no
web fonts, no CDN. It shows the gates, person-name recall per origin (with 95% bootstrap
intervals as error bars), per origin x gender, recall per entity type, the leak rate of every
identifier per origin, and the trend over the earlier reports of the same policy found in the
same folder. Reports hold counts and rates only, never document text.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from redactor.formats.atomic import atomic_write

SCHEMA_PREFIX = "redactor.audit."


def report_stem(report: Mapping[str, Any]) -> str:
    """``YYYY-MM-DD-<policy>``: the file name of a report without its extension."""
    name = re.sub(r"[^A-Za-z0-9_.-]+", "-", str(report["policy"]["name"])).strip("-.") or "policy"
    return f"{report['date']}-{name}"


# --------------------------------------------------------------------------- history


@dataclass(frozen=True)
class TrendPoint:
    """The headline figures of one report, for the trend chart."""

    date: str
    created: str
    recall: float | None
    person_recall: float | None
    worst_origin_recall: float | None
    origin_gap: float | None
    passed: bool
    size: int
    file: str


def trend_point(report: Mapping[str, Any], file: str = "") -> TrendPoint:
    """Headline figures of ``report``."""
    metrics = report["metrics"]
    origin = metrics["person_groups"]["origin"]
    recalls = [v["recall"] for v in origin["by_group"].values() if v.get("recall") is not None]
    return TrendPoint(
        date=str(report["date"]),
        created=str(report.get("created", "")),
        recall=metrics["overall"].get("recall"),
        person_recall=metrics["per_entity"].get("PERSON", {}).get("recall"),
        worst_origin_recall=min(recalls) if recalls else None,
        origin_gap=(origin.get("difference") or {}).get("recall"),
        passed=bool(report.get("passed")),
        size=int(report["test_set"]["size"]),
        file=file,
    )


def load_history(
    folder: Path | str, policy_name: str, *, exclude: Iterable[str] = ()
) -> list[TrendPoint]:
    """Trend points of the earlier reports of ``policy_name`` in ``folder``, oldest first.

    Files that are not audit reports (or cannot be read) are passed over; ``exclude`` names
    files to leave out (the report being written).
    """
    skip = set(exclude)
    points = []
    base = Path(folder)
    if not base.is_dir():
        return []
    for path in sorted(base.glob("*.json")):
        if path.name in skip:
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if not str(data.get("schema", "")).startswith(SCHEMA_PREFIX):
                continue
            if data["policy"]["name"] != policy_name:
                continue
            points.append(trend_point(data, path.name))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            continue
    return sorted(points, key=lambda p: (p.date, p.created))


# --------------------------------------------------------------------------- writing


def write_report(report: Mapping[str, Any], folder: Path | str) -> tuple[Path, Path]:
    """Write ``<stem>.json`` and ``<stem>.html`` into ``folder`` (created); both paths.

    A report of the same policy and day replaces the earlier one (a rerun of the same day).
    """
    base = Path(folder)
    stem = report_stem(report)
    json_path, html_path = base / f"{stem}.json", base / f"{stem}.html"
    history = load_history(base, str(report["policy"]["name"]), exclude={json_path.name})
    with atomic_write(json_path, newline="\n") as fh:
        json.dump(report, fh, indent=2, ensure_ascii=False, allow_nan=False)
        fh.write("\n")
    with atomic_write(html_path, newline="\n") as fh:
        fh.write(render_html(report, history))
    return json_path, html_path


# --------------------------------------------------------------------------- SVG charts

_E = html.escape
WIDTH = 760
LEFT = 190
RIGHT = 70
ROW = 22
TOP = 34
BOTTOM = 40

_COLORS = {"female": "#b2182b", "male": "#2166ac", "value": "#1b7837", "worst": "#d6604d",
           "leak": "#8c510a", "limit": "#c51b7d", "gap": "#e08214", "overall": "#1b7837",
           "person": "#2166ac"}


@dataclass(frozen=True)
class Row:
    """One labelled value with an optional interval."""

    label: str
    value: float | None
    lo: float | None = None
    hi: float | None = None
    series: str = "value"
    note: str = ""


@dataclass(frozen=True)
class Ref:
    """A vertical reference line (a gate)."""

    value: float
    label: str
    color: str


def _domain(values: Iterable[float | None]) -> tuple[float, float]:
    """From one 0.05 step below the smallest value (at least 0) to 1."""
    present = [v for v in values if v is not None and not math.isnan(v)]
    low = min(present, default=0.0)
    return (max(0.0, math.floor(min(low, 1.0) * 20 - 1) / 20), 1.0)


def _x(value: float, domain: tuple[float, float]) -> float:
    lo, hi = domain
    frac = 0.0 if hi == lo else (value - lo) / (hi - lo)
    return LEFT + max(0.0, min(1.0, frac)) * (WIDTH - LEFT - RIGHT)


def _axis(domain: tuple[float, float], height: float, label: str) -> list[str]:
    lo, hi = domain
    step = 0.05 if hi - lo <= 0.35 else 0.1
    parts = []
    tick = math.ceil(lo / step - 1e-9) * step
    while tick <= hi + 1e-9:
        x = _x(tick, domain)
        parts.append(f'<line class="grid" x1="{x:.1f}" y1="{TOP - 6}" x2="{x:.1f}" '
                     f'y2="{height - BOTTOM + 4}"/>')
        parts.append(f'<text class="tick" x="{x:.1f}" y="{height - BOTTOM + 18}" '
                     f'text-anchor="middle">{tick:.2f}</text>')
        tick += step
    parts.append(f'<text class="axis" x="{(LEFT + WIDTH - RIGHT) / 2:.1f}" y="{height - 6}" '
                 f'text-anchor="middle">{_E(label)}</text>')
    return parts


def dot_chart(
    rows: Sequence[Row],
    *,
    title: str,
    x_label: str,
    refs: Sequence[Ref] = (),
    bars: bool = False,
    domain: tuple[float, float] | None = None,
    css_id: str = "",
    flag_below: float | None = None,
) -> str:
    """A horizontal chart: one row per label, a dot (or bar) with its interval as error bar.

    Rows sharing a label are drawn on the same line, offset by series (female / male).
    Values below ``flag_below`` are drawn in the warning colour.
    """
    labels: list[str] = []
    for row in rows:
        if row.label not in labels:
            labels.append(row.label)
    series = sorted({r.series for r in rows})
    height = TOP + ROW * max(len(labels), 1) + BOTTOM
    domain = domain or _domain([*(r.lo if r.lo is not None else r.value for r in rows),
                                *(ref.value for ref in refs)])
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{_E(css_id)}" '
           f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img" '
           f'aria-label="{_E(title)}">', f"<title>{_E(title)}</title>",
           f'<text class="ctitle" x="{LEFT}" y="16">{_E(title)}</text>']
    out += _axis(domain, height, x_label)
    for i, label in enumerate(labels):
        y = TOP + ROW * i + ROW / 2
        if i % 2 == 0:
            out.append(f'<rect class="band" x="0" y="{y - ROW / 2:.1f}" width="{WIDTH}" '
                       f'height="{ROW}"/>')
        out.append(f'<text class="label" x="{LEFT - 8}" y="{y + 4:.1f}" '
                   f'text-anchor="end">{_E(label)}</text>')
    for k, ref in enumerate(refs):
        x = _x(ref.value, domain)
        out.append(f'<line class="ref" x1="{x:.1f}" y1="{TOP - 6}" x2="{x:.1f}" '
                   f'y2="{height - BOTTOM + 4}" stroke="{ref.color}"/>')
        anchor = "end" if k % 2 == 0 else "start"
        shift = -3 if k % 2 == 0 else 3
        out.append(f'<text class="reflabel" x="{x + shift:.1f}" y="{TOP - 9}" '
                   f'text-anchor="{anchor}" fill="{ref.color}">{_E(ref.label)}</text>')
    for row in rows:
        if row.value is None:
            continue
        i = labels.index(row.label)
        offset = 0.0 if len(series) == 1 else (series.index(row.series) - (len(series) - 1) / 2) * 7
        y = TOP + ROW * i + ROW / 2 + offset
        color = _COLORS.get(row.series, _COLORS["value"])
        if flag_below is not None and row.value < flag_below:
            color = _COLORS["worst"]
        x = _x(row.value, domain)
        tip = f"{row.label} {row.series}: {row.value:.3f}"
        if row.lo is not None and row.hi is not None:
            tip += f" (95% CI {row.lo:.3f}-{row.hi:.3f})"
        if row.note:
            tip += f", {row.note}"
        if bars:
            x0 = _x(domain[0], domain)
            out.append(f'<rect class="bar" x="{x0:.1f}" y="{y - 6:.1f}" '
                       f'width="{max(x - x0, 1):.1f}" height="12" fill="{color}">'
                       f"<title>{_E(tip)}</title></rect>")
        if row.lo is not None and row.hi is not None:
            x1, x2 = _x(row.lo, domain), _x(row.hi, domain)
            out.append(f'<line class="err" x1="{x1:.1f}" y1="{y:.1f}" x2="{x2:.1f}" y2="{y:.1f}"/>')
            out.append(f'<line class="err" x1="{x1:.1f}" y1="{y - 4:.1f}" x2="{x1:.1f}" '
                       f'y2="{y + 4:.1f}"/>')
            out.append(f'<line class="err" x1="{x2:.1f}" y1="{y - 4:.1f}" x2="{x2:.1f}" '
                       f'y2="{y + 4:.1f}"/>')
        if not bars:
            shape = (f'<rect class="dot" x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" '
                     f'fill="{color}">' if row.series == "male" else
                     f'<circle class="dot" cx="{x:.1f}" cy="{y:.1f}" r="4.5" fill="{color}">')
            end = "</rect>" if row.series == "male" else "</circle>"
            out.append(f"{shape}<title>{_E(tip)}</title>{end}")
        out.append(f'<text class="value" x="{WIDTH - RIGHT + 6}" y="{y + 4:.1f}">'
                   f"{row.value:.3f}</text>" if len(series) == 1 else "")
    if len(series) > 1:
        for j, name in enumerate(series):
            x = 16 + j * 70  # bottom left, under the labels
            fill = _COLORS.get(name, "#444")
            out.append(f'<rect x="{x - 4:.1f}" y="{height - 14}" width="8" height="8" '
                       f'fill="{fill}"/>' if name == "male" else
                       f'<circle cx="{x:.1f}" cy="{height - 10}" r="4" fill="{fill}"/>')
            out.append(f'<text class="tick" x="{x + 8:.1f}" y="{height - 6}">{_E(name)}</text>')
    out.append("</svg>")
    return "\n".join(p for p in out if p)


def line_chart(
    points: Sequence[TrendPoint], *, title: str, refs: Sequence[Ref] = (), css_id: str = "trend"
) -> str:
    """Headline recalls over the reports of one policy (x: report date)."""
    series = {
        "overall recall": ("overall", [p.recall for p in points]),
        "person-name recall": ("person", [p.person_recall for p in points]),
        "worst origin (person names)": ("worst", [p.worst_origin_recall for p in points]),
    }
    values = [v for _, vs in series.values() for v in vs] + [r.value for r in refs]
    lo, hi = _domain(values)
    height = 260
    plot_top, plot_bottom = TOP, height - BOTTOM - 20
    left, right = 60, WIDTH - 30

    def y_of(v: float) -> float:
        return plot_bottom - (v - lo) / (hi - lo) * (plot_bottom - plot_top)

    def x_of(i: int) -> float:
        if len(points) == 1:
            return (left + right) / 2
        return left + i * (right - left) / (len(points) - 1)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{_E(css_id)}" '
           f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img" '
           f'aria-label="{_E(title)}">', f"<title>{_E(title)}</title>",
           f'<text class="ctitle" x="{left}" y="16">{_E(title)}</text>']
    step = 0.05 if hi - lo <= 0.35 else 0.1
    tick = math.ceil(lo / step - 1e-9) * step
    while tick <= hi + 1e-9:
        y = y_of(tick)
        out.append(f'<line class="grid" x1="{left}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}"/>')
        out.append(f'<text class="tick" x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">'
                   f"{tick:.2f}</text>")
        tick += step
    for ref in refs:
        y = y_of(ref.value)
        out.append(f'<line class="ref" x1="{left}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}" '
                   f'stroke="{ref.color}"/>')
        out.append(f'<text class="reflabel" x="{right - 4}" y="{y - 4:.1f}" text-anchor="end" '
                   f'fill="{ref.color}">{_E(ref.label)}</text>')
    for i, p in enumerate(points):
        out.append(f'<text class="tick" x="{x_of(i):.1f}" y="{plot_bottom + 16}" '
                   f'text-anchor="middle">{_E(p.date)}</text>')
    for name, (key, vs) in series.items():
        color = _COLORS[key]
        coords = [(x_of(i), y_of(v)) for i, v in enumerate(vs) if v is not None]
        if len(coords) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
            out.append(f'<polyline class="trend" points="{path}" stroke="{color}"/>')
        for (x, y), v in zip(coords, [v for v in vs if v is not None], strict=True):
            out.append(f'<circle class="dot" cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{color}">'
                       f"<title>{_E(name)}: {v:.3f}</title></circle>")
    for j, (name, (key, _)) in enumerate(series.items()):
        x = left + j * 230
        out.append(f'<circle cx="{x:.1f}" cy="{height - 14}" r="4" fill="{_COLORS[key]}"/>')
        out.append(f'<text class="tick" x="{x + 8:.1f}" y="{height - 10}">{_E(name)}</text>')
    out.append("</svg>")
    return "\n".join(out)


# --------------------------------------------------------------------------- the page

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;
margin:2rem auto;max-width:860px;color:#222;line-height:1.45;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;
border-bottom:1px solid #ddd;padding-bottom:.2rem}
.badge{display:inline-block;padding:.15rem .6rem;border-radius:.3rem;color:#fff;font-weight:600}
.pass{background:#1b7837}.fail{background:#b2182b}
table{border-collapse:collapse;font-size:.88rem;margin:.5rem 0}
td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}
tr.bad td{background:#fde0dd}.bad-note{background:#fde0dd;padding:.4rem .6rem}
.chart{display:block;margin:.8rem 0;max-width:100%;height:auto}
.chart .band{fill:#f6f6f6}.chart .grid{stroke:#e3e3e3}.chart .tick{font-size:11px;fill:#555}
.chart .axis{font-size:12px;fill:#333}.chart .label{font-size:12px;fill:#222}
.chart .ctitle{font-size:13px;font-weight:600;fill:#222}
.chart .value{font-size:11px;fill:#333;font-variant-numeric:tabular-nums}
.chart .err{stroke:#333;stroke-width:1.2}.chart .ref{stroke-width:1.5;stroke-dasharray:5 4}
.chart .reflabel{font-size:11px}.chart .trend{fill:none;stroke-width:2}
.muted{color:#666;font-size:.88rem}code{background:#f3f3f3;padding:0 .2rem}
"""


def _fmt(x: Any, digits: int = 3) -> str:
    if x is None:
        return "-"
    if isinstance(x, float):
        return f"{x:.{digits}f}"
    return _E(str(x))


def _ci(row: Mapping[str, Any], key: str = "recall_ci") -> str:
    ci = row.get(key) or [None, None]
    return "-" if ci[0] is None else f"{ci[0]:.3f}-{ci[1]:.3f}"


def _group_table(groups: Mapping[str, Any], floor: float, first: str, min_support: int = 0
                 ) -> str:
    head = (f"<tr><th>{_E(first)}</th><th>n</th><th>recall</th><th>95% CI</th><th>full recall</th>"
            "<th>precision</th><th>leak rate</th></tr>")
    rows = []
    for name, row in sorted(groups.items(), key=lambda kv: (kv[1].get("recall") or 0, kv[0])):
        bad = row.get("recall") is not None and row["recall"] < floor
        few = " (too few)" if row["n_gold"] < min_support else ""
        rows.append(
            f'<tr{" class=bad" if bad else ""}><td>{_E(name)}</td>'
            f'<td class="n">{row["n_gold"]}{few}</td>'
            f'<td class="n">{_fmt(row.get("recall"))}</td><td class="n">{_ci(row)}</td>'
            f'<td class="n">{_fmt(row.get("full_recall"))}</td>'
            f'<td class="n">{_fmt(row.get("precision"))}</td>'
            f'<td class="n">{_fmt(row.get("leak_rate"))}</td></tr>'
        )
    return f"<table>{head}{''.join(rows)}</table>"


def _rows(groups: Mapping[str, Any], metric: str = "recall") -> list[Row]:
    ci_key = f"{metric}_ci"
    out = []
    for name, row in sorted(groups.items(), key=lambda kv: (-(kv[1].get(metric) or 0), kv[0])):
        ci = row.get(ci_key) or [None, None]
        out.append(Row(name, row.get(metric), ci[0], ci[1], note=f"n={row['n_gold']}"))
    return out


def _too_few(gate: Mapping[str, Any]) -> str:
    return ", ".join(f"{x['group']} (n={x['n_gold']})" for x in gate.get("insufficient", []))


def render_html(report: Mapping[str, Any], history: Sequence[TrendPoint] = ()) -> str:
    """The self-contained HTML page of ``report`` (``history``: earlier reports, oldest first)."""
    m = report["metrics"]
    policy = report["policy"]
    gates = policy["gates"]
    floor, gap = float(gates["min_recall"]), float(gates["max_group_gap"])
    ok = bool(report["passed"])
    verdict = "PASS" if ok else str(report.get("verdict") or "FAIL")
    verdict = "FAIL" if not ok and verdict == "PASS" else verdict  # an old or edited report
    support = int(policy.get("gate_min_support") or 0)
    small = report.get("insufficient_support") or []
    origin = m["person_groups"]["origin"]
    best = origin.get("best")
    best_recall = origin["by_group"].get(best, {}).get("recall") if best else None
    refs = [Ref(floor, f"min_recall {floor:.2f}", _COLORS["limit"])]
    if best_recall is not None:
        refs.append(Ref(best_recall - gap, f"best - gap {best_recall - gap:.2f}", _COLORS["gap"]))

    origin_chart = dot_chart(_rows(origin["by_group"]), refs=refs, css_id="person-origin",
                             flag_below=floor,
                             title="Person-name recall by origin (95% bootstrap CI)",
                             x_label="recall (share of names found)")
    xg_rows = []
    for name, row in m["person_groups"]["origin_x_gender"]["by_group"].items():
        o, _, g = name.partition("/")
        ci = row.get("recall_ci") or [None, None]
        xg_rows.append(Row(o, row.get("recall"), ci[0], ci[1], series=g,
                           note=f"n={row['n_gold']}"))
    order = [r.label for r in _rows(origin["by_group"])]
    xg_rows.sort(key=lambda r: (order.index(r.label) if r.label in order else 99, r.series))
    xg_chart = dot_chart(xg_rows, refs=refs[:1], css_id="person-origin-gender",
                         title="Person-name recall by origin and gender (95% bootstrap CI)",
                         x_label="recall")
    entity_chart = dot_chart(_rows(m["per_entity"]), refs=refs[:1], bars=True, css_id="entity",
                             flag_below=floor,
                             title="Recall by entity type (95% bootstrap CI)", x_label="recall")
    leak = m["all_identifier_groups"]["origin"]["by_group"]
    leak_rows = [Row(n, r.get("leak_rate"), *(r.get("leak_rate_ci") or [None, None]),
                     series="leak", note=f"n={r['n_gold']}")
                 for n, r in sorted(leak.items(), key=lambda kv: -(kv[1].get("leak_rate") or 0))]
    top = max([r.hi or r.value or 0 for r in leak_rows] + [0.05])
    leak_chart = dot_chart(leak_rows, bars=True, domain=(0.0, min(1.0, math.ceil(top * 20) / 20)),
                           css_id="leak-origin",
                           title="Leak rate of all identifiers of a person, by origin (95% CI)",
                           x_label="share of identifier characters left in clear text")
    current = trend_point(report, report_stem(report) + ".json")
    points = [*history, current]
    trend = line_chart(points, refs=refs[:1],
                       title=f"Trend over {len(points)} report(s) of policy {policy['name']}")

    gate_rows = "".join(
        f'<tr{"" if g["passed"] else " class=bad"}><td>{_E(g["name"])}</td>'
        f'<td>{_E(g.get("status") or ("PASS" if g["passed"] else "FAIL"))}</td>'
        f'<td class="n">{_fmt(g["value"])}</td>'
        f'<td class="n">{_fmt(float(g["limit"]))}</td><td>{_E(", ".join(g["failing"]))}</td>'
        f'<td>{_E(_too_few(g))}</td></tr>'
        for g in report["gates"]
    )
    badge = {"PASS": "PASSED", "FAIL": "FAILED"}.get(verdict, "INSUFFICIENT SUPPORT")
    small_note = (f'<p class="bad-note"><b>Too few examples to judge</b> (under {support} gold '
                  f'spans; raise <code>--size</code>): {_E(", ".join(small))}. A gate with such '
                  "a group does not pass.</p>" if small else "")
    models = "".join(f"<tr><td>{_E(k)}</td><td>{_E(str(v))}</td></tr>"
                     for k, v in report["models"].items())
    ts = report["test_set"]
    overall = m["overall"]
    diff = origin.get("difference") or {}
    trend_rows = "".join(
        f"<tr><td>{_E(p.date)}</td><td class='n'>{p.size}</td><td class='n'>{_fmt(p.recall)}</td>"
        f"<td class='n'>{_fmt(p.person_recall)}</td>"
        f"<td class='n'>{_fmt(p.worst_origin_recall)}</td>"
        f"<td class='n'>{_fmt(p.origin_gap)}</td><td>{'pass' if p.passed else 'FAIL'}</td></tr>"
        for p in points
    )
    entity_table = _group_table(m["per_entity"], floor, "entity type", support)
    defs = "".join(f"<li><b>{_E(k)}</b>: {_E(v)}</li>" for k, v in m["definitions"].items())
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Audit {_E(report_stem(report))}</title>
<style>{_CSS}</style></head>
<body>
<h1>Redaction audit: policy {_E(policy['name'])}, {_E(report['date'])}</h1>
<p><span class="badge {'pass' if ok else 'fail'}">{badge}</span>
 &nbsp;overall recall <b>{_fmt(overall.get('recall'))}</b> ({_ci(overall)}),
 person-name recall gap across origins <b>{_fmt(diff.get('recall'))}</b>
 (CI {_ci(origin, 'recall_gap_ci')}), leak rate {_fmt(overall.get('leak_rate'))}.</p>
<p class="muted">{ts['size']} synthetic documents ({ts['n_spans']} labelled identifiers,
{len(ts['origins'])} name origins x {len(ts['genders'])} genders, generator
<code>{_E(ts['generator'])}</code>, seed <code>{ts['seed']}</code>). No document text is stored
in this report.</p>

<h2>Gates</h2>
{small_note}
<table><tr><th>gate</th><th>result</th><th>worst value</th><th>limit</th><th>failing</th>
<th>too few examples</th></tr>
{gate_rows}</table>

<h2>Person names by origin</h2>
{origin_chart}
{_group_table(origin['by_group'], floor, 'origin', support)}
<h2>Person names by origin and gender</h2>
{xg_chart}
{_group_table(m['person_groups']['gender']['by_group'], floor, 'gender', support)}
<h2>Entity types</h2>
{entity_chart}
{entity_table}
<h2>Every identifier of a person, by origin</h2>
{leak_chart}
<h2>Trend</h2>
{trend}
<table><tr><th>date</th><th>size</th><th>recall</th><th>person recall</th>
<th>worst origin</th><th>origin gap</th><th>gates</th></tr>{trend_rows}</table>

<h2>Set-up</h2>
<table>
<tr><td>tool</td><td>{_E(report['tool']['name'])} {_E(report['tool']['version'])}
 (Python {_E(report['tool']['python'])})</td></tr>
<tr><td>policy</td><td>{_E(policy['name'])} v{policy['version']},
 {_E(policy['path'] or '-')}</td></tr>
<tr><td>policy sha256</td><td><code>{_E(policy['sha256'])}</code></td></tr>
<tr><td>created</td><td>{_E(report['created'])}</td></tr>
{models}
</table>
<h2>Definitions</h2>
<ul>{defs}</ul>
</body></html>
"""
