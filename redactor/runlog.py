"""The audit of a run: ``run.json`` (what ran, counts, failures, timings) and ``spans.jsonl``.

Audit records hold offsets, labels, recognizer names, scores and actions, never document
text and never a surrogate-to-original mapping. Per-file parts are written atomically to
``.parts/`` in the audit folder as each file finishes, which is what lets ``--resume`` finish
a crashed, stopped or partly failed run; a run that finishes every file removes them
(:meth:`AuditLog.remove_parts`), as nothing is left to resume.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import platform
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from redactor.errors import RedactorError
from redactor.formats.atomic import atomic_write, fsync_dirs
from redactor.transform.replace import Replacement

if TYPE_CHECKING:
    from redactor.formats.walk import LinkedFile, SkippedFile

AUDIT_DIRNAME = "_audit"
"""The audit folder a run writes beside its output (``OUTPUT/_audit``); what reads a run's
output back (``redact reidentify``, ``redact scan``) passes over it."""
PARTS_DIR = ".parts"


@dataclass(frozen=True)
class FileFailure:
    """Why a file failed: a code and a reason that hold no document text (:meth:`of`)."""

    code: str
    reason: str

    @classmethod
    def of(cls, exc: Exception) -> FileFailure:
        """Our errors carry no document text; the message of any other exception might, so
        only its type is kept."""
        if isinstance(exc, RedactorError):
            return cls(exc.code, exc.message)
        if isinstance(exc, OSError):
            return cls("R900", os_reason(exc))
        return cls("R999", f"internal error ({type(exc).__name__}); its message is withheld "
                           "because it may contain document text; please report it")


def os_reason(exc: OSError) -> str:
    """An OS error in short: its type and description, not the path it names."""
    return f"{type(exc).__name__}: {exc.strerror or 'I/O error'}"


def span_line(document_id: str, replacements: Iterable[Replacement]) -> str:
    """One ``spans.jsonl`` line: the document id and its spans."""
    record = {"document": document_id, "spans": [r.to_dict() for r in replacements]}
    return json.dumps(record, ensure_ascii=False, separators=(", ", ": "))


SPOOL_BYTES = 1 << 20
"""Span lines a part keeps in memory before it spools them to a temporary file."""


@dataclass
class FilePart:
    """What one finished input file contributed to the audit.

    Its ``spans.jsonl`` lines are spooled: kept in memory up to :data:`SPOOL_BYTES`, then in a
    temporary file, so a part's memory does not grow with its input. Once stored in the audit
    folder they are read back from the part file there.
    """

    file: str
    input_sha256: str
    fingerprint: str
    documents: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    records: int = 0  # lines, rows or files that hold text (``documents`` counts the texts)
    _spool: IO[str] | None = field(default=None, init=False, repr=False)
    _stored: Path | None = field(default=None, init=False, repr=False)

    def _write(self, line: str) -> None:
        if self._spool is None:
            self._spool = tempfile.SpooledTemporaryFile(  # noqa: SIM115 - closed in release()
                max_size=SPOOL_BYTES, mode="w+", encoding="utf-8", newline="\n"
            )
        self._spool.write(line + "\n")

    def add(self, document_id: str, replacements: list[Replacement]) -> None:
        """Record one redacted document."""
        self.documents += 1
        self.counts.update(r.label for r in replacements)
        self._write(span_line(document_id, replacements))

    def iter_lines(self) -> Iterator[str]:
        """The part's ``spans.jsonl`` lines in order, read from the spool or the part file."""
        if self._stored is not None:
            with self._stored.open(encoding="utf-8") as handle:
                handle.readline()  # the header
                for line in handle:
                    yield line.rstrip("\n")
            return
        if self._spool is None:
            return
        self._spool.seek(0)
        try:
            for line in self._spool:
                yield line.rstrip("\n")
        finally:
            self._spool.seek(0, 2)

    @property
    def lines(self) -> list[str]:
        """All lines as a list (for small parts and tests; :meth:`iter_lines` streams)."""
        return list(self.iter_lines())

    def stored_at(self, path: Path) -> None:
        """The lines now live in the part file at ``path``: read them from there, free the spool."""
        self._stored = path
        self.release()

    def release(self) -> None:
        """Close the spool (its lines are gone unless stored)."""
        if self._spool is not None:
            self._spool.close()
            self._spool = None

    def __getstate__(self) -> dict[str, Any]:
        """A part travels between processes (a file redacted whole by a worker) with its lines."""
        state = {k: v for k, v in self.__dict__.items() if k not in ("_spool", "_stored")}
        state["_lines"] = self.lines
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        lines = state.pop("_lines")
        self.__dict__.update(state, _spool=None, _stored=None)
        for line in lines:
            self._write(line)

    def header(self) -> dict[str, Any]:
        """The part's summary, as stored in the part file and in run.json."""
        return {
            "file": self.file,
            "input_sha256": self.input_sha256,
            "fingerprint": self.fingerprint,
            "records": self.records,
            "documents": self.documents,
            "counts": dict(sorted(self.counts.items())),
            "seconds": round(self.seconds, 3),
        }


class AuditLog:
    """Collects per-file parts and failures, and writes ``run.json`` and ``spans.jsonl``."""

    def __init__(self, directory: Path | None, meta: dict[str, Any]) -> None:
        self.directory = directory
        self.meta = meta
        self.started = time.time()
        self.parts: list[FilePart] = []
        self.resumed: list[str] = []
        self.failures: list[dict[str, str]] = []
        self.skipped: list[dict[str, str]] = []
        self.events: list[dict[str, Any]] = []

    def _part_path(self, rel: str) -> Path:
        assert self.directory is not None
        name = hashlib.sha1(rel.encode("utf-8")).hexdigest() + ".jsonl"
        return self.directory / PARTS_DIR / name

    def finished_part(self, rel: str, input_sha256: str, fingerprint: str) -> FilePart | None:
        """A part recorded by an earlier run for the same input bytes and settings, if any."""
        if self.directory is None:
            return None
        path = self._part_path(rel)
        if not path.is_file():
            return None
        with path.open(encoding="utf-8") as handle:
            try:
                head = json.loads(handle.readline())
            except json.JSONDecodeError:
                return None
            if head.get("input_sha256") != input_sha256 or head.get("fingerprint") != fingerprint:
                return None
            # one whole line a document: a part a crash cut short is redone, not trusted
            if sum(line.endswith("\n") for line in handle) != head.get("documents"):
                return None
        part = FilePart(rel, input_sha256, fingerprint, head["documents"], Counter(head["counts"]))
        part.seconds = head.get("seconds", 0.0)
        part.records = head.get("records", head["documents"])
        part.stored_at(path)
        return part

    def store_part(self, part: FilePart) -> None:
        """Persist a finished file's part (atomically) and add it to this run."""
        if self.directory is not None:
            path = self._part_path(part.file)
            # no fsync, and the parts folder synced once by write(): a part that a crash lost
            # or cut short only makes --resume redo its file (finished_part reads it whole)
            with atomic_write(path, sync_dir=False, sync=False) as out:
                out.write(json.dumps(part.header(), ensure_ascii=False) + "\n")
                for line in part.iter_lines():
                    out.write(line + "\n")
            part.stored_at(path)
        self.parts.append(part)

    def add_resumed(self, part: FilePart) -> None:
        """A file finished by an earlier run and skipped now."""
        self.parts.append(part)
        self.resumed.append(part.file)

    def add_failure(self, rel: str, code: str, reason: str) -> None:
        """A file that could not be redacted (its output was not written)."""
        self.failures.append({"file": rel, "code": code, "reason": reason})

    def add_skipped(self, rel: str, reason: str) -> None:
        """A file that was not processed (unsupported type); it is not in the output."""
        self.skipped.append({"file": rel, "reason": reason})

    def add_unread(self, skipped: Iterable[SkippedFile], links: Sequence[LinkedFile]) -> None:
        """What a run's plan leaves out, as skipped files, and the file links it met (whether
        each target lies in INPUT and was read; never the target's path)."""
        for item in skipped:
            self.add_skipped(item.relative, item.reason)
        if links:
            self.meta["symlinks"] = [
                {"file": link.relative, "target": "outside INPUT" if link.outside else "in INPUT",
                 "followed": link.followed} for link in links]

    def totals(self) -> Counter[str]:
        """Span counts per label over the run."""
        total: Counter[str] = Counter()
        for part in self.parts:
            total.update(part.counts)
        return total

    def run_record(self) -> dict[str, Any]:
        """The content of run.json."""
        finished = time.time()
        return {
            **self.meta,
            "python": platform.python_version(),
            "started": _iso(self.started),
            "finished": _iso(finished),
            "seconds": round(finished - self.started, 3),
            "records": sum(p.records for p in self.parts),
            "documents": sum(p.documents for p in self.parts),
            "files": [p.header() for p in self.parts],
            "resumed": self.resumed,
            "failures": self.failures,
            "skipped": self.skipped,
            "counts": dict(sorted(self.totals().items())),
        }

    def span_lines(self) -> Iterator[str]:
        """Every document's spans line, file by file in run order."""
        for part in sorted(self.parts, key=lambda p: p.file):
            yield from part.iter_lines()

    def remove_parts(self) -> None:
        """Delete ``.parts/`` once run.json and spans.jsonl are written and every file is
        done: the parts only serve ``--resume``. The parts in memory read nothing after this."""
        if self.directory is None:
            return
        folder = self.directory / PARTS_DIR
        for part in self.parts:
            part.release()
            part._stored = None
        if folder.is_dir():
            for path in folder.iterdir():
                if path.is_file():
                    path.unlink()
            with contextlib.suppress(OSError):  # not empty: something else put a file there
                folder.rmdir()

    def write(self) -> None:
        """Write run.json and spans.jsonl atomically (no-op without an audit directory)."""
        if self.directory is None:
            return
        parts = self.directory / PARTS_DIR
        if parts.is_dir():
            fsync_dirs([parts])  # the parts stored without a sync of their own
        with atomic_write(self.directory / "spans.jsonl") as out:
            for line in self.span_lines():
                out.write(line + "\n")
        with atomic_write(self.directory / "run.json") as out:
            json.dump(self.run_record(), out, indent=2, ensure_ascii=False)
            out.write("\n")


def _iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, tz=timezone.utc).isoformat(timespec="seconds")
