"""Hostile sizes: time and peak memory of detection against input size, per input shape.

Each case (one shape, one size) runs in a fresh subprocess: it builds the engine of a policy
(default ``hipaa-fast``: the transformer already cuts its input into windows), makes one
document of that many characters by repeating the shape ("1 ", "Dr. ", "1-", "http://" ...), and
times ``Engine.analyze`` on it; the parent reads the child's peak RSS (``ru_maxrss``). With
``--stages`` the child also times each recognizer, the name echo and overlap resolution
alone, which is how a superlinear path is found; ``--trace`` adds what each of those stages
allocates (Python's ``tracemalloc``: its peak and what it keeps, in bytes per character of
input), which is how a stage that holds memory is found.

Printed per shape: seconds and peak RSS at each size, and the slope of log(time) and
log(memory above the engine's baseline) against log(size): 1.0 is linear, 2.0 quadratic
(time is CPU time, which a machine shared with other work disturbs less than wall time).
A case over ``--timeout`` seconds is shown as ``>T`` and ends the shape's larger sizes.

Memory above the baseline understates the small sizes: the engine's process keeps tens of MB
it freed while loading (about 35-50 MB), which a document fills before the peak RSS grows, so
bytes per character above the baseline rise with size even where memory is linear. The
*marginal* bytes per character between two sizes, (peak RSS at b - peak RSS at a) / (b - a),
are free of that; ``--report`` prints them.

Usage::

    python benchmarks/bench_sizes.py                                   # 1, 4, 16 MB
    python benchmarks/bench_sizes.py --sizes 64K,256K,1M --stages      # find the hot path
    python benchmarks/bench_sizes.py --sizes 512K,1M --stages --trace  # and who holds memory
    python benchmarks/bench_sizes.py --shapes "1-,ab:" --timeout 60 --json sizes.json
    python benchmarks/bench_sizes.py --report sizes.json               # a Markdown table of it
"""

from __future__ import annotations

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

import argparse
import json
import math
import resource
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from itertools import pairwise
from typing import Any

#: The shapes of issue 13 (each repeated to the size): the ones that blew up before.
SHAPES = ("1 ", "Dr. ", "Mr. Smith ", "John ", "1-", "ab:", "http://", "a@b.", "5 5 5 - ",
          "Mr. Okonkwo ", "Иван ", "\uff11 ", "a\u200b", "A", "A-", "Ab'", "Arsenal fans ",
          "twitter/")


def parse_size(text: str) -> int:
    """``"64K"``, ``"1M"``, ``"16M"`` or a byte count."""
    text = text.strip().upper()
    factor = {"K": 1 << 10, "M": 1 << 20}.get(text[-1:], 1)
    return int(float(text.rstrip("KM")) * factor)


def human(size: int) -> str:
    for unit, factor in (("M", 1 << 20), ("K", 1 << 10)):
        if size >= factor and size % factor == 0:
            return f"{size // factor}{unit}"
    return str(size)


class StageMeter:
    """Seconds of each stage, and with ``trace`` the Python memory it allocates (tracemalloc):
    ``mem:<stage>`` gives its peak above what was held when it started and what it still
    holds when it ends (the spans it made), in bytes per character of the document."""

    def __init__(self, out: dict[str, Any], size: int, trace: bool) -> None:
        self.out, self.size, self.trace = out, size, trace
        if trace:
            tracemalloc.start()

    def __call__(self, name: str, run: Callable[[], Any]) -> Any:
        if self.trace:
            held = tracemalloc.get_traced_memory()[0]
            tracemalloc.reset_peak()
        t0 = time.perf_counter()
        result = run()
        self.out[name] = round(time.perf_counter() - t0, 3)
        if self.trace:
            now, peak = tracemalloc.get_traced_memory()
            self.out[f"mem:{name}"] = [round((peak - held) / self.size, 2),
                                       round((now - held) / self.size, 2)]
        return result

    def stop(self) -> None:
        if self.trace:
            tracemalloc.stop()


def child(policy: str, shape: str, size: int, stages: bool, trace: bool = False
          ) -> dict[str, Any]:
    """Run in the subprocess: build the engine, then time one document of ``size`` bytes."""
    from redactor.detect.engine import Engine
    from redactor.policy import load_policy

    engine = Engine.from_policy(load_policy(policy)).load()
    # A listed name without a cue ("John Smith") loads the lexicon of ordinary words (about
    # 24 MB, 67 MB while it is built) that the name filters read: a one-time cost, part of
    # the baseline, not of the first document that holds such a name.
    engine.analyze(["warm up: Dr. Smith, 617-555-0143. John Smith was seen."])
    base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    text = (shape * (size // len(shape) + 1))[:size]
    out: dict[str, Any] = {"base_rss_kb": base_rss}
    if stages:
        from redactor.resolve import resolve

        meter = StageMeter(out, size, trace)
        spans = []
        for recognizer in engine.recognizers:
            spans += meter(f"detect:{recognizer.name}",
                           lambda r=recognizer: r.detect([text])[0])
        accepted = meter("accept", lambda: [s for s in spans if engine.accept(text, s)])
        for recognizer in engine.recognizers:
            if hasattr(recognizer, "propagate"):
                accepted += meter(f"propagate:{recognizer.name}",
                                  lambda r=recognizer, a=accepted: r.propagate(text, a))
        meter("resolve", lambda: resolve(accepted, engine.policy.overlap,
                                         engine.policy.generalized_labels, engine.exact_sources))
        meter.stop()
        out["raw_spans"] = len(spans)
        del spans, accepted
    t0, c0 = time.perf_counter(), time.process_time()
    spans = engine.analyze([text])[0]
    out["seconds"] = round(time.perf_counter() - t0, 3)
    out["cpu_seconds"] = round(time.process_time() - c0, 3)
    out["spans"] = len(spans)
    return out


def run_case(policy: str, shape: str, size: int, timeout: float, stages: bool,
             trace: bool = False) -> dict[str, Any]:
    """One case in a fresh interpreter; its figures, with peak RSS, or a timeout."""
    cmd = [sys.executable, __file__, "--child", json.dumps([policy, shape, size, stages, trace])]
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"timeout": True, "wall": round(time.perf_counter() - t0, 1)}
    if proc.returncode != 0:
        return {"error": proc.stderr.strip().splitlines()[-1:] or [f"exit {proc.returncode}"]}
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["peak_rss_mb"] = round(result.pop("own_rss_kb") / 1024, 1)  # the child's ru_maxrss
    return result


def slope(points: list[tuple[int, float]]) -> float | None:
    """Least-squares slope of log(y) against log(x); None with fewer than two points."""
    points = [(x, y) for x, y in points if y > 0]
    if len(points) < 2:
        return None
    xs = [math.log(x) for x, _ in points]
    ys = [math.log(y) for _, y in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / den if den else None


def marginal(points: list[tuple[int, dict[str, Any]]]) -> list[tuple[float, float | None]]:
    """Between each two successive sizes measured: the bytes of peak RSS per character added,
    and per finding added (None when the findings did not grow)."""
    out = []
    for (a, ca), (b, cb) in pairwise(points):
        grown = (cb["peak_rss_mb"] - ca["peak_rss_mb"]) * (1 << 20)
        findings = cb.get("spans", 0) - ca.get("spans", 0)
        out.append((grown / (b - a), grown / findings if findings > 0 else None))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--policy", default="hipaa-fast")
    parser.add_argument("--sizes", default="1M,4M,16M", help="comma-separated: 64K,1M,16M")
    parser.add_argument("--shapes", default=",".join(SHAPES), help="comma-separated shapes")
    parser.add_argument("--timeout", type=float, default=300, help="seconds per case")
    parser.add_argument("--stages", action="store_true", help="time each stage alone too")
    parser.add_argument("--trace", action="store_true",
                        help="with --stages: each stage's Python memory too (tracemalloc)")
    parser.add_argument("--json", help="write every figure to this file")
    parser.add_argument("--report", metavar="JSON",
                        help="print a Markdown table of a --json file (runs nothing)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.report:
        with open(args.report, encoding="utf-8") as fh:
            print(markdown(json.load(fh)))
        return 0
    if args.child:
        policy, shape, size, stages, trace = json.loads(args.child)
        result = child(policy, shape, size, stages, trace)
        result["own_rss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(json.dumps(result))
        return 0

    sizes = [parse_size(s) for s in args.sizes.split(",") if s.strip()]
    shapes = [s for s in args.shapes.split(",") if s] if args.shapes != ",".join(SHAPES) else SHAPES
    table: dict[str, dict[str, Any]] = {}
    print(f"policy {args.policy}; sizes {', '.join(map(human, sizes))}; timeout {args.timeout}s")
    header = f"{'shape':<14}" + "".join(f"{human(s):>20}" for s in sizes) + "  slope t / mem"
    print(header)
    for shape in shapes:
        row: dict[str, Any] = {}
        cells = []
        for size in sizes:
            if any(r.get("timeout") for r in row.values()):
                cells.append(f"{'skipped':>20}")
                continue
            result = run_case(args.policy, shape, size, args.timeout, args.stages, args.trace)
            row[human(size)] = result
            if result.get("timeout"):
                cells.append(f"{'>' + str(int(args.timeout)) + 's':>20}")
            elif "error" in result:
                cells.append(f"{'error':>20}")
            else:
                cells.append(f"{result['cpu_seconds']:>9.2f}s {result['peak_rss_mb']:>7.0f}MB")
            if args.stages and "seconds" in result:
                stages = {k: v for k, v in result.items()
                          if ":" in k or k in ("accept", "resolve")}
                print(f"    {shape!r} {human(size)}: {stages}", file=sys.stderr)
            print(f"    {shape!r} {human(size)}: {cells[-1].strip()}", file=sys.stderr, flush=True)
            table[shape] = {"cases": row}
            if args.json:  # after every case: a long run stopped early keeps what it measured
                write_json(args.json, args.policy, table)
        ok = [(s, row[human(s)]) for s in sizes if "seconds" in row.get(human(s), {})]
        t_slope = slope([(s, r["cpu_seconds"]) for s, r in ok])
        m_slope = slope([(s, r["peak_rss_mb"] - r["base_rss_kb"] / 1024) for s, r in ok])
        fmt = lambda v: "  -" if v is None else f"{v:4.2f}"  # noqa: E731
        print(f"{shape!r:<14}" + "".join(cells) + f"  {fmt(t_slope)} / {fmt(m_slope)}", flush=True)
        table[shape] = {"cases": row, "time_slope": t_slope, "memory_slope": m_slope}
    if args.json:
        write_json(args.json, args.policy, table)
    return 0


def markdown(data: dict[str, Any]) -> str:
    """A Markdown table of a ``--json`` file: CPU seconds and peak RSS per size, and the slopes
    over the sizes measured (a case that timed out or failed is named as such)."""
    shapes = data["shapes"]
    sizes = sorted({size for row in shapes.values() for size in row["cases"]}, key=parse_size)
    lines = [f"policy `{data['policy']}`; CPU seconds / peak RSS (MB) of the process; "
             "marginal: bytes of peak RSS per character (and per finding) from one size to "
             "the next", "",
             "| shape | " + " | ".join(sizes)
             + " | slope time | slope memory | marginal B/char | marginal B/finding |",
             "|---|" + "---|" * (len(sizes) + 4)]
    for shape, row in shapes.items():
        cells = []
        for size in sizes:
            case = row["cases"].get(size)
            if case is None:
                cells.append("not run")
            elif case.get("timeout"):
                cells.append(f"timeout ({case['wall']:.0f} s wall)")
            elif "error" in case:
                cells.append("error")
            else:
                cells.append(f"{case['cpu_seconds']:.1f} s / {case['peak_rss_mb']:.0f}")
        ok = sorted(((parse_size(k), c) for k, c in row["cases"].items() if "cpu_seconds" in c),
                    key=lambda p: p[0])
        t_slope = slope([(s, c["cpu_seconds"]) for s, c in ok])
        m_slope = slope([(s, c["peak_rss_mb"] - c["base_rss_kb"] / 1024) for s, c in ok])
        fmt = lambda v: "-" if v is None else f"{v:.2f}"  # noqa: E731
        steps = marginal(ok)
        per_char = " / ".join(f"{c:.1f}" for c, _ in steps) or "-"
        per_finding = " / ".join("-" if f is None else f"{f:.0f}" for _, f in steps) or "-"
        lines.append(f"| `{shape!r}` | " + " | ".join(cells)
                     + f" | {fmt(t_slope)} | {fmt(m_slope)} | {per_char} | {per_finding} |")
    return "\n".join(lines)


def write_json(path: str, policy: str, table: dict[str, Any]) -> None:
    """Every figure so far, as JSON (rewritten whole)."""
    with open(path, "w", encoding="utf-8") as fh:
        json.dump({"policy": policy, "shapes": table}, fh, indent=1)


if __name__ == "__main__":
    sys.exit(main())
