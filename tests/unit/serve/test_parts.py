"""The service's pure parts: the batcher, the A/B hash, the shadow agreement, the settings."""

from __future__ import annotations

import threading
import time
from collections import Counter

import pytest

from redactor.serve.arms import ab_arm, agreement
from redactor.serve.batching import Batcher, Closed, QueueFull
from redactor.serve.settings import ServeSettings
from redactor.span import Span
from redactor.transform.keys import SecretKey


def echo_upper(op: str, texts: list[str]) -> list[str]:
    return [f"{op}:{t.upper()}" for t in texts]


def test_batcher_joins_requests_and_gives_each_its_own_slice_in_order():
    sizes = []
    batcher = Batcher(echo_upper, window=0.2, max_texts=100,
                      on_batch=lambda op, n, chars, s: sizes.append((op, n, chars)))
    futures = [batcher.submit("redact", [f"a{i}", f"b{i}"]) for i in range(5)]
    futures.append(batcher.submit("scan", ["c"]))
    assert [f.result(5) for f in futures[:2]] == [["redact:A0", "redact:B0"],
                                                  ["redact:A1", "redact:B1"]]
    assert futures[-1].result(5) == ["scan:C"]
    assert sizes == [("redact", 10, 20), ("scan", 1, 1)]  # one batch per operation
    assert batcher.close(5)


def test_a_batch_is_counted_before_its_requests_return():
    """/metrics read right after a response already holds its batch (no race)."""
    def slow_hook(op, n, chars, seconds):
        time.sleep(0.2)  # a hook that ran after the results would be seen late
        sizes.append(n)

    sizes: list[int] = []
    batcher = Batcher(echo_upper, window=0.0, max_texts=10, on_batch=slow_hook)
    for i in range(3):
        assert batcher.submit("redact", ["a"]).result(5) == ["redact:A"]
        assert len(sizes) == i + 1
    assert batcher.close(5)


def test_batcher_closes_a_batch_at_max_texts_without_waiting_the_window():
    batcher = Batcher(echo_upper, window=30.0, max_texts=3)
    started = time.monotonic()
    first = batcher.submit("redact", ["x", "y", "z"])
    assert first.result(5) == ["redact:X", "redact:Y", "redact:Z"]
    assert time.monotonic() - started < 5
    batcher.close(5)


def test_full_queue_raises_and_close_finishes_queued_work():
    gate = threading.Event()

    def slow(op: str, texts: list[str]) -> list[str]:
        gate.wait(5)
        return texts

    batcher = Batcher(slow, window=0.0, max_texts=2, capacity=4)
    running = batcher.submit("redact", ["1", "2"])  # taken by the worker, which waits
    time.sleep(0.1)
    queued = batcher.submit("redact", ["3", "4", "5", "6"])
    with pytest.raises(QueueFull):
        batcher.submit("redact", ["7"])
    closer = threading.Thread(target=batcher.close, args=(10,))
    closer.start()
    time.sleep(0.1)
    with pytest.raises(Closed):
        batcher.submit("redact", ["8"])
    gate.set()
    closer.join(10)
    assert running.result(1) == ["1", "2"] and queued.result(1) == ["3", "4", "5", "6"]


def test_retry_after_follows_the_queued_characters_and_the_recent_rate():
    batcher = Batcher(echo_upper, window=0.0)
    assert batcher.retry_after() == 1  # no rate known yet
    batcher._rate, batcher._chars = 1000.0, 4500  # 4.5 s of work queued
    assert batcher.retry_after() == 5
    batcher._chars = 0
    batcher.close(5)


def test_a_failing_batch_fails_each_of_its_requests_and_the_worker_goes_on():
    calls = []

    def flaky(op: str, texts: list[str]) -> list[str]:
        calls.append(texts)
        if len(calls) == 1:
            raise ValueError("boom")
        return texts

    batcher = Batcher(flaky, window=0.1)
    a, b = batcher.submit("redact", ["a"]), batcher.submit("redact", ["b"])
    for future in (a, b):
        with pytest.raises(ValueError):
            future.result(5)
    assert batcher.submit("redact", ["c"]).result(5) == ["c"]
    batcher.close(5)


def test_ab_assignment_is_stable_keyed_and_near_the_share():
    key = SecretKey(b"k" * 32)
    arms = [ab_arm(0.25, key, f"req-{i}", []) for i in range(4000)]
    assert abs(arms.count("candidate") / 4000 - 0.25) < 0.03
    assert arms == [ab_arm(0.25, key, f"req-{i}", []) for i in range(4000)]
    other = [ab_arm(0.25, SecretKey(b"o" * 32), f"req-{i}", []) for i in range(4000)]
    assert other != arms  # another key, another split
    assert {ab_arm(0.0, key, f"r{i}", []) for i in range(100)} == {"main"}
    assert {ab_arm(1.0, key, f"r{i}", []) for i in range(100)} == {"candidate"}
    by_text = {ab_arm(0.5, None, None, ["same text"]) for _ in range(10)}
    assert len(by_text) == 1


def test_agreement_counts_exact_matches_and_each_side_alone_per_type():
    main = [Span(0, 4, "PERSON"), Span(10, 22, "PHONE_NUMBER"), Span(30, 35, "DATE")]
    cand = [Span(0, 4, "PERSON"), Span(10, 20, "PHONE_NUMBER"), Span(40, 45, "EMAIL_ADDRESS")]
    assert agreement(main, cand) == Counter({
        ("PERSON", "both"): 1, ("PHONE_NUMBER", "main_only"): 1,
        ("PHONE_NUMBER", "candidate_only"): 1, ("DATE", "main_only"): 1,
        ("EMAIL_ADDRESS", "candidate_only"): 1})


@pytest.mark.parametrize(("changes", "problem"), [
    ({"mode": "shadow"}, "--mode and --candidate-policy go together"),
    ({"candidate_policy": "x"}, "--mode and --candidate-policy go together"),
    ({"shadow_summary": "s.json"}, "--shadow-summary needs --mode shadow"),
    ({"queue_texts": 10, "max_items": 20}, "--queue-texts must be at least --max-items"),
])
def test_settings_report_inconsistent_options(changes, problem):
    problems = ServeSettings(policy="hipaa", **changes).problems()
    assert any(problem in p for p in problems), problems


def test_default_settings_are_consistent():
    assert ServeSettings(policy="hipaa").problems() == []


def test_settings_name_each_option_below_one_as_its_flag():
    problems = ServeSettings(policy="hipaa", batch_texts=0, shadow_window=0).problems()
    assert problems == ["--batch-texts must be at least 1", "--shadow-window must be at least 1"]
