"""A run: read -> detect -> resolve -> transform -> write -> audit, wired by :func:`run`.

:mod:`~redactor.pipeline.runner` wires the stages; beside it, :mod:`~redactor.pipeline.config`
(``RunConfig``, the audit folder, the resume fingerprint), :mod:`~redactor.pipeline.records`
(batching records into the engine and rendering a file), :mod:`~redactor.pipeline.subjects`
(whose data a document is) and :mod:`~redactor.pipeline.journal` (the run lock and the journal of
written outputs).
"""

from redactor.pipeline.config import STDIO, RunConfig
from redactor.pipeline.runner import RunSummary, plan_files, run

__all__ = ["STDIO", "RunConfig", "RunSummary", "plan_files", "run"]
