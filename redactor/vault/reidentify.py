"""Re-identification: put the originals back into pseudonymised output, from the vault.

Each redacted file is read with the same format and options as the run that wrote it, so its
documents have the same ids; a document's vault entry is found by its id and the SHA-256 of
its redacted text, and every stored span is replaced by its original at its recorded offsets.
A document edited since (digest differs) falls back to finding each surrogate in it: a
surrogate that occurs exactly once is restored, any other is counted as unresolved.
Spans whose entries were erased (``redact forget``) stay pseudonymised.

A damaged vault (an entry that fails authentication, a truncated end) stops re-identification
before anything is written, unless ``partial``: then what the readable entries hold is
restored, every span that cannot be placed and every document without an entry is counted, and
the exit code is :data:`EXIT_PARTIAL`.

Vaults written before positional document ids (runs before the format options recorded
``redact_keys``): their JSON and CSV entries' ids name fields and header cells
(``data.csv:3:note``), which no document id of today's readers matches, so their documents are
found by content: the entries of an output file are taken in write order for the documents of
that file whose redacted text has the same digest (exactly as written: restored at the stored
offsets). Ids that did not change (plain text files) still match by id. An old entry of a file
being restored that matches no document (its text edited since) is not guessed at: its spans
are counted as unresolved (exit 1) with a warning that names the count, so nothing is left
pseudonymised silently. Re-running the old output through ``redact run`` with a new vault
gives positional ids.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from redactor.errors import OutputError, RedactorError
from redactor.formats.atomic import atomic_write
from redactor.formats.base import FormatOptions
from redactor.formats.plan import plan_files
from redactor.formats.reading import open_input, read_records
from redactor.runlog import AUDIT_DIRNAME, os_reason
from redactor.vault.run import options_from_record
from redactor.vault.store import Segment, Vault, VaultDocument, text_digest

log = logging.getLogger("redactor")

EXIT_FAILED = 1
EXIT_PARTIAL = 5  # partly restored: the vault was damaged and --partial was given


@dataclass
class ReidentifySummary:
    """What a re-identification did (counts only)."""

    files: int = 0
    documents: int = 0
    restored: int = 0
    unresolved: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    damage: tuple[str, ...] = ()  # what of the vault could not be read (``partial`` only)
    unmatched: int = 0  # documents with no vault entry (under damage: maybe lost entries)
    legacy_unmatched: int = 0  # entries with pre-positional ids that matched no document

    @property
    def exit_code(self) -> int:
        """5 when the vault was damaged (``partial``: only part could be restored); else 1
        when a stored span could not be put back or a file failed; else 0."""
        if self.damage:
            return EXIT_PARTIAL
        return EXIT_FAILED if self.unresolved or self.failed else 0


def positional_ids(segment: Segment) -> bool:
    """Whether a segment's document ids are positional (JSON pointers by index, CSV column
    numbers): runs record ``redact_keys`` among their options since ids changed; older runs'
    ids carried JSON field names and CSV header text. A segment without options (appended
    through the library, not by a run) counts as positional."""
    return not segment.options or "redact_keys" in segment.options


@dataclass
class VaultIndex:
    """The vault's documents by (id, digest), by digest and by id; later entries win.

    ``legacy`` holds, per output file, the entries of runs from before positional ids (see the
    module docstring) in write order, unless a later run of that file wrote positional ones;
    ``used`` the identities of the entries :meth:`find` gave out."""

    by_key: dict[tuple[str, str], VaultDocument] = field(default_factory=dict)
    by_digest: dict[str, list[VaultDocument]] = field(default_factory=dict)
    by_id: dict[str, VaultDocument] = field(default_factory=dict)
    legacy: dict[str, dict[str, VaultDocument]] = field(default_factory=dict)
    legacy_digests: dict[tuple[str, str], list[VaultDocument]] = field(default_factory=dict)
    used: set[int] = field(default_factory=set)

    @classmethod
    def build(cls, documents: Iterable[VaultDocument]) -> VaultIndex:
        """Index the documents (oldest first, so the latest entry of a document wins)."""
        index = cls()
        for doc in documents:
            index.by_key[(doc.doc_id, doc.sha256)] = doc
            index.by_digest.setdefault(doc.sha256, []).append(doc)
            index.by_id[doc.doc_id] = doc
        return index

    @classmethod
    def from_segments(cls, segments: Iterable[Segment]) -> VaultIndex:
        """Index the documents of the segments (oldest first), old-id entries apart too."""
        segments = list(segments)
        index = cls.build(doc for segment in segments for doc in segment.documents)
        for segment in segments:
            current = positional_ids(segment)
            for doc in segment.documents:
                if current:
                    index.legacy.pop(doc.file, None)  # a later run of the file replaced them
                else:
                    index.legacy.setdefault(doc.file, {})[doc.doc_id] = doc  # latest wins
        for file, docs in index.legacy.items():
            for doc in docs.values():
                index.legacy_digests.setdefault((file, doc.sha256), []).append(doc)
        return index

    def find(self, doc_id: str, text: str, file: str | None = None
             ) -> tuple[VaultDocument | None, bool]:
        """The entry for a redacted document of output ``file``, and whether its text is
        exactly as written (an old-id entry of that file is matched by its digest, in order)."""
        digest = text_digest(text)
        found, exact = self.by_key.get((doc_id, digest)), True
        if found is None and file is not None:
            found = next((d for d in self.legacy_digests.get((file, digest), ())
                          if id(d) not in self.used), None)
        if found is None:
            same_text = self.by_digest.get(digest, [])
            if same_text and all(d.spans == same_text[-1].spans for d in same_text):
                found = same_text[-1]  # renamed file, same content
        if found is None:
            found, exact = self.by_id.get(doc_id), False
        if found is not None:
            self.used.add(id(found))
        return found, exact

    def legacy_left(self, files: Iterable[str]) -> list[VaultDocument]:
        """Old-id entries of ``files`` that no document matched."""
        return [doc for file in files for doc in self.legacy.get(file, {}).values()
                if id(doc) not in self.used]


def restore_text(text: str, entry: VaultDocument, exact: bool) -> tuple[str, int, int]:
    """``text`` with the entry's originals put back; and the counts restored / unresolved."""
    placed: list[tuple[int, int, str]] = []
    unresolved = 0
    for span in entry.spans:
        if exact and text[span.start : span.end] == span.surrogate:
            placed.append((span.start, span.end, span.original))
            continue
        first = text.find(span.surrogate)
        if span.surrogate and first >= 0 and text.find(span.surrogate, first + 1) < 0:
            placed.append((first, first + len(span.surrogate), span.original))
        else:
            unresolved += 1
    placed.sort()
    pieces, cursor, restored = [], 0, 0
    for start, end, original in placed:
        if start < cursor:
            unresolved += 1
            continue
        pieces.append(text[cursor:start])
        pieces.append(original)
        cursor = end
        restored += 1
    pieces.append(text[cursor:])
    return "".join(pieces), restored, unresolved


def reidentify(
    source: str | Path,
    target: str | Path,
    vault: Vault,
    *,
    overwrite: bool = False,
    options: FormatOptions | None = None,
) -> ReidentifySummary:
    """Restore every pseudonymised span of the redacted files under ``source`` into ``target``.

    ``options`` are used for files the vault has no record of (default: every text field).
    Files of unsupported types are skipped. The vault log records the counts. A damaged vault
    is a :class:`~redactor.vault.store.VaultError` before anything is written, unless it was opened
    with ``partial=True`` (see the module docstring).
    """
    fallback = options or FormatOptions()
    plan = plan_files(Path(source), Path(target),
                      exclude=lambda rel: rel.startswith(AUDIT_DIRNAME + "/"))
    for item in plan.unsupported:
        log.warning("skipped a file of unsupported type: %s", item.relative)
    clashes = [job.rel for job in plan.jobs if job.target.exists()]
    if clashes and not overwrite:
        raise OutputError(f"{len(clashes)} output file(s) already exist ({clashes[0]} ...); "
                          "pass --overwrite to replace them")
    segments = vault.segments()
    if not vault.partial:
        vault.require_intact()
    index = VaultIndex.from_segments(segments)
    stored_options = {doc.file: segment.options for segment in segments
                      for doc in segment.documents}
    summary = ReidentifySummary(damage=tuple(vault.damage))
    for job in plan.jobs:
        path, rel, out, fmt = job.source, job.rel, job.target, job.format
        opts = options_from_record(stored_options.get(rel), fallback)
        try:
            with open_input(path, opts.encoding, rel) as stream, atomic_write(
                out, encoding=opts.encoding
            ) as sink:
                for record in read_records(fmt, stream, rel, opts):
                    texts = {}
                    for doc in record.documents:
                        entry, exact = index.find(doc.id, doc.text, rel)
                        text = doc.text
                        if entry is not None:
                            text, restored, unresolved = restore_text(doc.text, entry, exact)
                            summary.restored += restored
                            summary.unresolved += unresolved
                        else:
                            summary.unmatched += 1
                        texts[doc.id] = text
                        summary.documents += 1
                    sink.write(record.render(texts))
        except RedactorError as exc:
            summary.failed.append((rel, exc.message))
            log.error("failed: %s: [%s] %s", rel, exc.code, exc.message)
            continue
        except OSError as exc:
            reason = os_reason(exc)
            summary.failed.append((rel, reason))
            log.error("failed: %s: %s", rel, reason)
            continue
        summary.files += 1
    left = index.legacy_left(job.rel for job in plan.jobs)
    if left:
        summary.legacy_unmatched = len(left)
        summary.unresolved += sum(len(doc.spans) for doc in left)
        log.warning("%d vault entr(ies) from a run before positional document ids matched no "
                    "document by content (edited since?); their %d span(s) are counted as "
                    "unresolved", len(left), sum(len(doc.spans) for doc in left))
    vault.log_event("reidentify", files=summary.files, documents=summary.documents,
                    spans_restored=summary.restored, spans_unresolved=summary.unresolved,
                    damaged_entries=len(summary.damage),
                    documents_without_entry=summary.unmatched,
                    old_id_entries_unmatched=summary.legacy_unmatched)
    return summary
