"""Redact a pandas column: ``redact_column(df, "notes", policy="hipaa")`` -> a Series.

The result has the column's index and name. Missing cells (``None``, ``NaN``, ``pd.NA``) stay
as they are; every other cell must be text (a number in a text column is refused, never passed
through unredacted). Cells are redacted in batches as the command line batches records (by
characters and by count), through :meth:`redactor.api.Redactor.redact_many`, so repeated values
are detected once per batch.

pandas is an optional dependency (``pip install 'redactor[pandas]'``); this module imports it
when called.

>>> from redactor.pandas import redact_column      # doctest: +SKIP
>>> df["notes_redacted"] = redact_column(df, "notes", policy="hipaa")  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from redactor.errors import InputError

if TYPE_CHECKING:
    import pandas as pd

    from redactor.api import Redactor
    from redactor.policy import Policy
    from redactor.transform.keys import SecretKey

#: Batch limits, the command line's defaults (``redact --policy P file.csv out/``).
BATCH_CHARS = 100_000
BATCH_TEXTS = 256

__all__ = ["BATCH_CHARS", "BATCH_TEXTS", "redact_column", "redact_series"]


def redact_column(
    df: pd.DataFrame,
    column: str,
    policy: str | Path | Policy | Redactor = "hipaa",
    *,
    subject_column: str | None = None,
    key: bytes | SecretKey | None = None,
    ephemeral_key: bool = False,
    batch_chars: int = BATCH_CHARS,
    batch_texts: int = BATCH_TEXTS,
) -> pd.Series:
    """``df[column]`` redacted: a Series with the same index and name.

    ``policy`` is a bundled policy name, a policy file, a loaded :class:`Policy`, or a
    :class:`~redactor.api.Redactor` (reuse one for many columns: its models load once).
    ``subject_column`` names the column whose value says whose dates a row holds (for
    ``date_shift``; default: each cell is its own subject). ``key`` / ``ephemeral_key`` are
    as for :class:`~redactor.api.Redactor` (default: ``$REDACTOR_KEY``).
    """
    for name in (column, subject_column):
        if name is not None and name not in df.columns:
            raise InputError(f"no column {name!r} in the DataFrame")
    subjects = df[subject_column] if subject_column is not None else None
    return redact_series(df[column], policy, subjects=subjects, key=key,
                         ephemeral_key=ephemeral_key, batch_chars=batch_chars,
                         batch_texts=batch_texts)


def redact_series(
    series: pd.Series,
    policy: str | Path | Policy | Redactor = "hipaa",
    *,
    subjects: Sequence[Any] | pd.Series | None = None,
    key: bytes | SecretKey | None = None,
    ephemeral_key: bool = False,
    batch_chars: int = BATCH_CHARS,
    batch_texts: int = BATCH_TEXTS,
) -> pd.Series:
    """``series`` redacted (see :func:`redact_column`); ``subjects``: one per cell, or None."""
    import pandas as pd

    from redactor.api import Redactor

    if batch_chars < 1 or batch_texts < 1:
        raise ValueError("batch_chars and batch_texts must be at least 1")
    if subjects is not None and len(subjects) != len(series):
        raise InputError("subjects must give one subject per cell")
    redactor = policy if isinstance(policy, Redactor) else Redactor(
        policy, key=key, ephemeral_key=ephemeral_key)
    cells = series.tolist()
    present = [i for i, value in enumerate(cells) if not _missing(value)]
    for i in present:
        if not isinstance(cells[i], str):  # the value itself is never shown
            raise InputError(
                f"column {series.name!r}: the cell at position {i} is "
                f"{type(cells[i]).__name__}, not text; redact_column redacts text cells "
                "(missing values are kept as they are)")
    who = None if subjects is None else [None if _missing(s) else str(s) for s in subjects]
    out: list[Any] = list(cells)
    for batch in _batches(present, cells, batch_chars, batch_texts):
        results = redactor.redact_many([cells[i] for i in batch],
                                       None if who is None else [who[i] for i in batch])
        for i, result in zip(batch, results, strict=True):
            out[i] = result.text
    dtype = series.dtype if isinstance(series.dtype, pd.StringDtype) else object
    return pd.Series(out, index=series.index, name=series.name, dtype=dtype)


def _missing(value: Any) -> bool:
    """None, NaN, NaT or pd.NA (a scalar that pandas calls missing)."""
    import pandas as pd

    if value is None:
        return True
    if isinstance(value, str) or not pd.api.types.is_scalar(value):
        return False
    return bool(pd.isna(value))


def _batches(positions: list[int], cells: list[Any], max_chars: int,
             max_texts: int) -> Iterator[list[int]]:
    batch: list[int] = []
    size = 0
    for i in positions:
        batch.append(i)
        size += len(cells[i])
        if size >= max_chars or len(batch) >= max_texts:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch
