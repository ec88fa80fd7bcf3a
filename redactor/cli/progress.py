"""A progress bar on a terminal (files and documents per second); silent otherwise."""

from __future__ import annotations

import time
from types import TracebackType


class Progress:
    """Counts files and documents; draws a tqdm bar on stderr when ``enabled``."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.files = 0
        self.documents = 0
        self._start = time.perf_counter()
        self._bar = None

    def __enter__(self) -> Progress:
        if self.enabled:
            from tqdm import tqdm

            self._bar = tqdm(unit="file", desc="redact", leave=False, dynamic_ncols=True)
        return self

    def update(self, kind: str, count: int) -> None:
        """Advance the ``files`` or ``documents`` counter."""
        if kind == "files":
            self.files += count
            if self._bar is not None:
                self._bar.update(count)
        else:
            self.documents += count
        if self._bar is not None:
            rate = self.documents / max(time.perf_counter() - self._start, 1e-9)
            self._bar.set_postfix(docs=self.documents, docs_per_s=f"{rate:.0f}", refresh=False)

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.close()
