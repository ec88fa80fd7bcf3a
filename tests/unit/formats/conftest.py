"""Helpers shared by the format tests: write bytes to a file, read them back as records."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from redactor.formats import (
    FormatOptions,
    Record,
    format_for_path,
    open_input,
    read_records,
)

ReadFile = Callable[..., list[Record]]


def _render_all(records: list[Record], new_texts: Mapping[str, str] | None = None) -> str:
    out = []
    for record in records:
        texts = record.original_texts()
        if new_texts:
            texts.update({k: v for k, v in new_texts.items() if k in texts})
        out.append(record.render(texts))
    return "".join(out)


@pytest.fixture
def render_all() -> Callable[..., str]:
    """``render_all(records, new_texts=None)``: the output; ``new_texts`` overrides some ids."""
    return _render_all


@pytest.fixture
def read_file(tmp_path: Path) -> ReadFile:
    """``read_file(name, data, **options)``: write ``data`` (bytes or str) and read records."""

    def read(name: str, data: bytes | str, encoding: str = "utf-8", **options) -> list[Record]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        raw = data.encode(encoding) if isinstance(data, str) else data
        path.write_bytes(raw)
        fmt = format_for_path(path)
        opts = FormatOptions(encoding=encoding, **options)
        with open_input(path, encoding) as stream:
            return list(read_records(fmt, stream, name, opts))

    return read
