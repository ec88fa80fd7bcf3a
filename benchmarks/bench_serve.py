"""Load test of ``redact serve`` on localhost, beside the library on the same texts.

A bounded run that stops by itself: the library's characters/s first (``redact_batch`` on the
CLI's batches: up to 256 texts or 100,000 characters), then ``redact serve`` in a subprocess
on a free localhost port, and two phases of a fixed number of requests from ``--clients``
concurrent clients (threads, one keep-alive ``httpx`` connection each):

* ``single``: ``{"text": ...}`` requests of the corpus's short texts (20 to 300 characters:
  log lines, one-line notes, addresses);
* ``batch``: ``{"texts": [...]}`` requests of ``--batch`` texts each, over the whole corpus.

Printed per phase: requests, errors, requests/s, p50/p95/p99 latency, characters/s and its
ratio to the library's on the same texts, and the same per CPU-second of the server process (a
ratio that survives a shared, busy machine better than wall time); then the server's peak RSS
and its RSS at the start and end of each phase (flat memory). ``--max-seconds`` bounds every
phase, the library's included; a phase that hits it reports what it did. The texts come
from ``benchmarks/corpus.py`` (seeded, synthetic).

Targets (issue 15): batch requests at >= 70 % of the library's characters/s; p99 of single
short requests under 200 ms at 4 concurrent clients; no errors; memory flat.

Usage::

    python benchmarks/bench_serve.py                          # hipaa, 4 clients
    python benchmarks/bench_serve.py --policy hipaa-fast --size 400 --json serve.json
"""

from __future__ import annotations

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

import argparse
import json
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

from bench import RssSampler, cpu_seconds, tree_pids  # noqa: E402
from corpus import DEFAULT_SEED, make_corpus  # noqa: E402

BATCH_CHARS = 100_000
BATCH_RECORDS = 256


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def cli_batches(texts: Sequence[str]) -> list[list[str]]:
    """The texts in the CLI's batches (up to 256 texts or 100,000 characters)."""
    out: list[list[str]] = []
    batch: list[str] = []
    size = 0
    for text in texts:
        batch.append(text)
        size += len(text)
        if size >= BATCH_CHARS or len(batch) >= BATCH_RECORDS:
            out.append(batch)
            batch, size = [], 0
    if batch:
        out.append(batch)
    return out


def library_rate(policy: str, sets: dict[str, list[str]], max_seconds: float
                 ) -> dict[str, float]:
    """Characters/s of ``redact_batch`` on each set of texts, in this process (each set's
    CLI batches until ``max_seconds`` have passed, at least one batch)."""
    from redactor.api import Redactor

    redactor = Redactor(policy, ephemeral_key=True)
    redactor.redact_many(sets["batch"][:16])  # lazy tables outside the timing
    rates: dict[str, float] = {}
    for name, texts in sets.items():
        started, cpu = time.perf_counter(), time.process_time()
        chars = done = 0
        for batch in cli_batches(texts):
            redactor.redact_many(batch)
            chars += sum(len(t) for t in batch)
            done += len(batch)
            if time.perf_counter() - started > max_seconds:
                break
        rates[name] = chars / (time.perf_counter() - started)
        rates[name + "_per_cpu_s"] = chars / (time.process_time() - cpu)
        rates[name + "_texts"] = done
    return rates


def load(base: str, bodies: list[dict[str, Any]], clients: int, deadline: float,
         rss: RssSampler) -> dict[str, Any]:
    """Send every body once from ``clients`` threads; latencies, errors, characters, RSS."""
    import httpx

    lock = threading.Lock()
    queue = list(reversed(bodies))
    latencies: list[float] = []
    errors: dict[str, int] = {}
    chars = [0]

    def client() -> None:  # a generous timeout: a busy shared machine is slow, not failing
        with httpx.Client(base_url=base, timeout=600) as http:
            while time.monotonic() < deadline:
                with lock:
                    if not queue:
                        return
                    body = queue.pop()
                started = time.perf_counter()
                try:
                    response = http.post("/v1/redact", json=body)
                    status = str(response.status_code)
                except httpx.HTTPError as exc:
                    status = type(exc).__name__
                elapsed = time.perf_counter() - started
                with lock:
                    if status == "200":
                        latencies.append(elapsed)
                        chars[0] += sum(len(t) for t in body.get("texts", [body.get("text")]))
                    else:
                        errors[status] = errors.get(status, 0) + 1

    rss_start = rss.last
    cpu = cpu_seconds(tree_pids(rss.pid))
    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    cpu = cpu_seconds(tree_pids(rss.pid)) - cpu
    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000 if latencies \
            else float("nan")

    return {"requests": len(latencies) + sum(errors.values()), "planned": len(bodies),
            "ok": len(latencies), "errors": errors, "seconds": seconds,
            "requests_per_s": len(latencies) / seconds, "chars_per_s": chars[0] / seconds,
            "server_cpu_s": cpu, "chars_per_cpu_s": chars[0] / cpu if cpu else float("nan"),
            "p50_ms": pct(0.50), "p95_ms": pct(0.95), "p99_ms": pct(0.99),
            "rss_start_mb": rss_start / 2**20, "rss_end_mb": rss.last / 2**20,
            "stopped_early": len(latencies) + sum(errors.values()) < len(bodies)}


def wait_up(base: str, proc: subprocess.Popen, seconds: float) -> None:
    import httpx

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"redact serve exited with {proc.returncode}")
        try:
            if httpx.get(base + "/ready", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit("redact serve did not come up")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--policy", default="hipaa", help="policy to serve (default hipaa)")
    ap.add_argument("--size", type=int, default=200, help="corpus documents (default 200)")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--clients", type=int, default=4, help="concurrent clients (default 4)")
    ap.add_argument("--singles", type=int, default=400, help="single requests (default 400)")
    ap.add_argument("--short-chars", type=int, default=300,
                    help="longest text of a single request (default 300)")
    ap.add_argument("--short-min", type=int, default=20,
                    help="shortest text of a single request (default 20: no bare CSV cells)")
    ap.add_argument("--batch", type=int, default=32, help="texts per batch request (default 32)")
    ap.add_argument("--max-seconds", type=float, default=90.0,
                    help="bound on each phase (default 90)")
    ap.add_argument("--serve-args", default="", help="extra `redact serve` options")
    ap.add_argument("--json", help="also write the figures here")
    args = ap.parse_args()

    texts = [f.text for d in make_corpus(args.seed, args.size) for f in d.fields if f.text.strip()]
    short = [t for t in texts if args.short_min <= len(t) <= args.short_chars]
    singles = [short[i % len(short)] for i in range(args.singles)]
    sets = {"single": singles, "batch": texts}
    print(f"policy {args.policy}: {len(texts)} texts, {sum(map(len, texts)):,} characters; "
          f"{len(singles)} single requests of {args.short_min}-{args.short_chars} characters "
          f"(mean {sum(map(len, singles)) / len(singles):.0f}); {args.clients} clients",
          flush=True)

    started = time.perf_counter()
    library = library_rate(args.policy, sets, args.max_seconds)
    print(f"library (redact_batch, CLI batches): {library['batch']:,.0f} chars/s "
          f"({library['batch_per_cpu_s']:,.0f} per CPU-s) on {library['batch_texts']:.0f} "
          f"corpus texts, {library['single']:,.0f} chars/s "
          f"({library['single_per_cpu_s']:,.0f} per CPU-s) on {library['single_texts']:.0f} "
          "short texts "
          f"({time.perf_counter() - started:.0f} s)", flush=True)

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    cmd = [sys.executable, "-m", "redactor.cli", "serve", "--policy", args.policy,
           "--port", str(port), "--ephemeral-key", *args.serve_args.split()]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)  # its few log lines: stderr
    report: dict[str, Any] = {"policy": args.policy, "clients": args.clients,
                              "texts": len(texts), "library_chars_per_s": library}
    try:
        started = time.perf_counter()
        wait_up(base, proc, 300)
        report["load_s"] = time.perf_counter() - started
        with RssSampler(proc.pid, interval=0.2) as rss:
            import httpx

            with httpx.Client(base_url=base, timeout=60) as http:  # warm-up
                http.post("/v1/redact", json={"texts": texts[:16]}).raise_for_status()
            phases = {
                "single": [{"text": t} for t in singles],
                "batch": [{"texts": texts[i : i + args.batch]}
                          for i in range(0, len(texts), args.batch)],
            }
            for name, bodies in phases.items():
                result = load(base, bodies, args.clients,
                              time.monotonic() + args.max_seconds, rss)
                result["ratio_to_library"] = result["chars_per_s"] / library[name]
                result["cpu_ratio_to_library"] = (result["chars_per_cpu_s"]
                                                  / library[name + "_per_cpu_s"])
                report[name] = result
            report["peak_rss_mb"] = rss.peak / 2**20
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
        report["server_exit"] = proc.returncode

    print(f"server: loaded in {report['load_s']:.1f} s, peak RSS {report['peak_rss_mb']:.0f} MB, "
          f"exit {report['server_exit']}")
    print(f"{'phase':<7} {'requests':>9} {'errors':>7} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} "
          f"{'p99 ms':>7} {'chars/s':>9} {'x lib':>6} {'chars/CPU-s':>11} {'x lib':>6} "
          f"{'RSS MB start->end':>18}")
    for name in ("single", "batch"):
        r = report[name]
        print(f"{name:<7} {r['requests']:>9} {sum(r['errors'].values()):>7} "
              f"{r['requests_per_s']:>7.1f} {r['p50_ms']:>7.0f} {r['p95_ms']:>7.0f} "
              f"{r['p99_ms']:>7.0f} {r['chars_per_s']:>9,.0f} {r['ratio_to_library']:>6.2f} "
              f"{r['chars_per_cpu_s']:>11,.0f} {r['cpu_ratio_to_library']:>6.2f} "
              f"{r['rss_start_mb']:>8.0f} -> {r['rss_end_mb']:<7.0f}"
              + ("  (stopped at --max-seconds)" if r["stopped_early"] else ""))
    targets = {
        "batch >= 70 % of library chars/s": report["batch"]["ratio_to_library"] >= 0.70,
        f"single p99 < 200 ms at {args.clients} clients": report["single"]["p99_ms"] < 200,
        "no errors": not report["single"]["errors"] and not report["batch"]["errors"],
    }
    report["targets"] = targets
    for what, ok in targets.items():
        print(f"target {what}: {'met' if ok else 'NOT met'}")
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
