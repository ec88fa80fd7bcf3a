"""Requests collected into the model's batches: a bounded queue drained by worker threads.

Each request puts its texts on the queue with the operation it wants (``redact``, ``analyze``,
``scan``) and gets a :class:`~concurrent.futures.Future`. A worker thread takes the oldest
request, waits up to ``window`` seconds (counted from when that request arrived) for others to
join, until ``max_texts`` texts or ``max_chars`` characters are queued, then runs each
operation once on all the texts it collected and hands every request its own slice back, in
order. So a burst of single-text requests costs about what one batch of them costs, which is
what lets the service's throughput approach the CLI's.

The queue is bounded in texts: :meth:`Batcher.submit` raises :class:`QueueFull` rather than
let memory grow (:meth:`Batcher.retry_after` estimates when the queue will have drained).
:meth:`Batcher.close` stops new submissions and lets the workers finish what is queued
(graceful shutdown).
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger("redactor.serve")

#: ``run(op, texts)``: one result per text, in order.
Runner = Callable[[str, list[str]], Sequence[Any]]
#: ``on_batch(op, texts, chars, seconds)``: called after each batch the runner ran.
BatchHook = Callable[[str, int, int, float], None]


class QueueFull(Exception):
    """The queue holds as many texts as it may; the caller should retry later."""


class Closed(Exception):
    """The batcher is shutting down and takes no new work."""


@dataclass
class _Item:
    op: str
    texts: list[str]
    chars: int
    arrived: float
    future: Future[list[Any]] = field(default_factory=Future)


class Batcher:
    """A bounded queue of requests and ``threads`` workers that run them in batches."""

    def __init__(self, run: Runner, *, window: float = 0.005, max_texts: int = 64,
                 max_chars: int = 100_000, capacity: int = 4096, threads: int = 1,
                 on_batch: BatchHook | None = None, name: str = "batcher") -> None:
        if capacity < 1 or max_texts < 1 or max_chars < 1 or threads < 1:
            raise ValueError("capacity, max_texts, max_chars and threads must be positive")
        self.run = run
        self.window = window
        self.max_texts = max_texts
        self.max_chars = max_chars
        self.capacity = capacity
        self.on_batch = on_batch
        self._items: deque[_Item] = deque()
        self._texts = 0  # queued texts (not yet taken by a worker)
        self._chars = 0
        self._closing = False
        self._rate = 0.0  # characters per second of recent batches (moving average)
        self._cond = threading.Condition()
        self._threads = [threading.Thread(target=self._work, name=f"{name}-{i}", daemon=True)
                         for i in range(threads)]
        for thread in self._threads:
            thread.start()

    @property
    def depth(self) -> int:
        """Texts waiting in the queue."""
        return self._texts

    def retry_after(self) -> int:
        """Whole seconds until the queued characters should be done, at the recent rate."""
        if self._rate <= 0:
            return 1
        return max(1, math.ceil(self._chars / self._rate))

    def submit(self, op: str, texts: Sequence[str]) -> Future[list[Any]]:
        """Queue ``texts`` for ``op``; the future gives one result per text, in order."""
        item = _Item(op, list(texts), sum(len(t) for t in texts), time.monotonic())
        with self._cond:
            if self._closing:
                raise Closed("the service is shutting down")
            if self._texts + len(item.texts) > self.capacity:
                raise QueueFull(f"{self._texts} texts queued (capacity {self.capacity})")
            self._items.append(item)
            self._texts += len(item.texts)
            self._chars += item.chars
            self._cond.notify_all()
        return item.future

    def close(self, timeout: float | None = None) -> bool:
        """Take no more work, finish what is queued; True when every worker stopped in time."""
        with self._cond:
            self._closing = True
            self._cond.notify_all()
        deadline = None if timeout is None else time.monotonic() + timeout
        for thread in self._threads:
            thread.join(None if deadline is None else max(0.0, deadline - time.monotonic()))
        return not any(thread.is_alive() for thread in self._threads)

    # ------------------------------------------------------------------ worker side

    def _full(self) -> bool:
        return self._texts >= self.max_texts or self._chars >= self.max_chars

    def _take(self) -> list[_Item] | None:
        """The next batch of requests (oldest first), or None when closing with nothing left."""
        with self._cond:
            while not self._items and not self._closing:
                self._cond.wait()
            if not self._items:
                return None
            deadline = self._items[0].arrived + self.window
            while not self._closing and not self._full():
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._cond.wait(left)
            batch: list[_Item] = []
            texts = chars = 0
            while self._items:
                item = self._items[0]
                if batch and (texts + len(item.texts) > self.max_texts
                              or chars + item.chars > self.max_chars):
                    break
                batch.append(self._items.popleft())
                texts += len(item.texts)
                chars += item.chars
            self._texts -= texts
            self._chars -= chars
            return batch

    def _work(self) -> None:
        while (batch := self._take()) is not None:
            for op in dict.fromkeys(item.op for item in batch):
                self._run_op(op, [item for item in batch if item.op == op])

    def _run_op(self, op: str, items: list[_Item]) -> None:
        live = [item for item in items if item.future.set_running_or_notify_cancel()]
        if not live:
            return
        texts = [text for item in live for text in item.texts]
        started = time.perf_counter()
        try:
            results = list(self.run(op, texts))
            if len(results) != len(texts):
                raise RuntimeError(f"{op} returned {len(results)} results for {len(texts)} texts")
        except BaseException as exc:  # each waiting request gets the error
            for item in live:
                item.future.set_exception(exc)
            return
        seconds = time.perf_counter() - started
        chars = sum(item.chars for item in live)
        if seconds > 0 and chars:
            rate = chars / seconds
            self._rate = rate if self._rate <= 0 else 0.8 * self._rate + 0.2 * rate
        if self.on_batch is not None:  # before the results: a request that returns is counted
            try:
                self.on_batch(op, len(texts), chars, seconds)
            except Exception:  # metrics must never stop the worker
                log.exception("batch hook failed")
        offset = 0
        for item in live:
            item.future.set_result(results[offset : offset + len(item.texts)])
            offset += len(item.texts)
