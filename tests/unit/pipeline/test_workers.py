"""--workers auto: the rule that picks how many worker processes a run starts."""

from __future__ import annotations

import sys

import pytest

from redactor.distributed.executors import LocalExecutor
from redactor.pipeline.workers import (
    AUTO,
    AUTO_BYTES_PER_WORKER,
    auto_workers,
    execution_line,
    execution_record,
    parse_workers,
    pieces,
    resolve_workers,
)

BATCH = 100_000
PER = AUTO_BYTES_PER_WORKER


@pytest.mark.parametrize("value, expected", [("auto", AUTO), ("AUTO", AUTO), (" 3 ", 3), (1, 1)])
def test_parse_workers(value: str | int, expected: int | str) -> None:
    assert parse_workers(value) == expected


@pytest.mark.parametrize("value", ["0", "-2", "two", "", 0])
def test_parse_workers_refuses(value: str | int) -> None:
    with pytest.raises(ValueError):
        parse_workers(value)


def test_pieces_count_small_files_whole_and_large_ones_by_batch() -> None:
    assert pieces([10, 400_000], BATCH) == 2  # up to four batches: one piece each
    assert pieces([400_001], BATCH) == 5
    assert pieces([], BATCH) == 0


@pytest.mark.parametrize("sizes, cores, streaming, expected", [
    ([10 * PER], 1, False, 1),           # one core: in this process
    ([10 * PER], 8, True, 1),            # a stream: in this process
    ([1_000] * 5, 8, False, 1),          # a handful of short documents: start-up dominates
    ([PER + 1], 8, False, 1),            # one worker's worth: in this process
    ([PER] * 2, 2, False, 2),            # two workers' worth of small files
    ([PER // 2] * 64, 2, False, 2),      # many small files: every core
    ([PER // 2] * 64, 64, False, 32),    # ... as many as the input repays
    ([390_000], 8, False, 1),            # one file that goes whole to one worker
    ([1_000_000], 2, False, 2),          # one large file shared batch by batch
    ([1_000_000], 16, False, 10),        # ... no more workers than its size repays
])  # fmt: skip
def test_auto_workers(sizes: list[int], cores: int, streaming: bool, expected: int) -> None:
    assert auto_workers(sizes, BATCH, cores=cores, streaming=streaming) == expected


def test_resolve_workers_takes_numbers_as_given_and_clusters_get_every_core() -> None:
    assert resolve_workers(3, "local", [10], BATCH, cores=1) == 3
    assert resolve_workers(AUTO, "local", [10], BATCH, cores=4) == 1
    assert resolve_workers(AUTO, "spark", [10], BATCH, cores=4) == 4
    assert resolve_workers(AUTO, "local", [PER * 4], BATCH, streaming=True, cores=4) == 1


def test_execution_line_reports_workers_and_memory_without_data() -> None:
    line = execution_line({"engine": "local", "workers_requested": "auto",
                           "worker_processes": 2, "cores": 2, "threads_per_worker": 1,
                           "peak_rss_mb": {"main": 812.4, "workers": [700.2, 1690.0]}})  # fmt: skip
    assert line == ("2 worker process(es) (--workers auto, 2 core(s), 1 thread(s) each); "
                    "peak RSS 812 MB in this process, per worker 700, 1,690 MB")
    here = execution_line({"workers_requested": "auto", "worker_processes": 0, "cores": 1,
                           "peak_rss_mb": {"main": 450.0}})  # fmt: skip
    assert here == "in this process (--workers auto, 1 core(s)); peak RSS 450 MB in this process"


def test_execution_record_in_this_process_and_on_a_cluster() -> None:
    here = execution_record(LocalExecutor(None, None), AUTO, "local")  # type: ignore[arg-type]
    assert here["worker_processes"] == 0 and "cluster_workers" not in here
    assert set(here["peak_rss_mb"]) == {"main"} and here["cores"] >= 1
    if sys.platform == "linux":
        assert here["peak_rss_mb"]["main"] > 10
    spark = execution_record(LocalExecutor(None, None), AUTO, "spark", 4)  # type: ignore[arg-type]
    assert spark["cluster_workers"] == 4 and spark["engine"] == "spark"
