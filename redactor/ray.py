"""Redaction on Ray, under its documented name: ``from redactor.ray import redact_dataset``.

The code lives in :mod:`redactor.distributed.ray_engine` (see it and ``docs/scale.md``). Names
load when first used, so ``import redactor.ray`` needs no Ray and starts no cluster. (This
module's absolute name is ``redactor.ray``: it never shadows the ``ray`` package.)
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__all__ = ["RayExecutor", "RedactBatch", "RedactorSpec", "init_ray", "redact_dataset"]

_WHERE = {"RedactorSpec": "redactor.distributed.common"}

if TYPE_CHECKING:
    from redactor.distributed.common import RedactorSpec
    from redactor.distributed.ray_engine import RayExecutor, RedactBatch, init_ray, redact_dataset


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(_WHERE.get(name, "redactor.distributed.ray_engine")), name)


def __dir__() -> list[str]:
    return sorted(__all__)
