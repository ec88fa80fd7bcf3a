"""The re-identification vault: where each pseudonymised span came from, encrypted.

GDPR Art. 4(5) pseudonymisation keeps "the additional information" that links surrogates to
people separately and under technical protection. With ``--vault PATH`` a run stores, for
every document it pseudonymised, the spans it replaced (their offsets in the OUTPUT text, the
surrogate and the original), encrypted with AES-256-GCM under a key that lives elsewhere
(``$REDACTOR_VAULT_KEY`` or a key file, never next to the vault or the data).

- ``redact reidentify`` reads redacted files, finds each document's entry by its id and the
  SHA-256 of its redacted text, and puts the originals back: exactly, because the offsets are
  those of the output it reads.
- ``redact forget --subject ID`` removes every entry of a data subject (right to erasure,
  Art. 17); ``redact forget VALUE`` removes every span whose original contains the value,
  whatever its edges. The vault log records that an erasure happened and how many spans it
  removed, never what.

File format (version 1)::

    MAGIC | u32 header length | header JSON (format, vault id, key id, created)
    then segments: u32 length | 12-byte nonce | AES-GCM(ciphertext + tag)

Each segment holds the documents of one output file (zlib-compressed JSON); its associated
data binds it to the header and to its position, so a changed, reordered or swapped segment
fails authentication. A wrong key is recognised by the header's key id. Appends happen under
an exclusive ``fcntl`` lock on ``PATH.lock`` and are fsynced; a crash can only leave an
incomplete last segment, which the next writer cuts off; until then it counts as damage for a
reader (``reidentify`` stops unless ``--partial``). The log records the number of complete
entries at every run, re-identification and erasure, so entries cut off at an entry boundary
are noticed too. Erasure rewrites the whole vault into a temporary file and renames it over the
old one (atomic). The vault, its log and its lock are created ``0600``; a vault or key file
that others may read is reported.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import logging
import os
import re
import secrets
import struct
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from redactor.errors import KeyMissingError, RedactorError
from redactor.formats.atomic import atomic_write_bytes
from redactor.transform.keys import long_enough, read_key_file, warn_if_shared
from redactor.transform.person_names import DocumentNames, ParsedName, parse_name
from redactor.transform.pseudonyms import normalise
from redactor.util import accents

log = logging.getLogger("redactor")

VAULT_KEY_ENV = "REDACTOR_VAULT_KEY"
MIN_VAULT_KEY_BYTES = 16
MAGIC = b"REDACTOR-VAULT\x00\x01"
FORMAT = 1
_LEN = struct.Struct(">I")
_NONCE = 12
SECRET_MODE = 0o600


class VaultError(RedactorError):
    """The vault cannot be opened, read or written: wrong key, tampering, damage, misuse."""

    code = "R600"


# ------------------------------------------------------------------------------------------
# Keys
# ------------------------------------------------------------------------------------------


@dataclass(frozen=True, repr=False)
class VaultKey:
    """The vault's secret. The AES-256 key is derived from it with HKDF-SHA256."""

    material: bytes

    def __repr__(self) -> str:  # never print key material
        return f"VaultKey(id={self.key_id})"

    @property
    def key_id(self) -> str:
        """A short, non-reversible fingerprint (stored in the vault to recognise a wrong key)."""
        return hmac.new(self.material, b"redactor vault key id", hashlib.sha256).hexdigest()[:16]

    def aes_key(self) -> bytes:
        """The 32-byte AES key."""
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.kdf.hkdf import HKDF

        hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"redactor vault v1")
        return hkdf.derive(self.material)


def load_vault_key(key_file: str | Path | None = None) -> VaultKey:
    """The vault key from ``key_file``, else ``$REDACTOR_VAULT_KEY``; an error without one."""
    if key_file is not None:
        path = Path(key_file)
        material = read_key_file(path, "vault key file")
        where = f"vault key file {path}"
        warn_if_shared(path, "vault key file")
    else:
        env = os.environ.get(VAULT_KEY_ENV, "")
        if not env:
            raise KeyMissingError(
                f"a vault needs its own secret key: set ${VAULT_KEY_ENV} or pass "
                "--vault-key-file FILE (keep it apart from the vault and the data; generate one "
                "with: python -c 'import secrets; print(secrets.token_hex(32))')"
            )
        material, where = env.encode("utf-8"), f"${VAULT_KEY_ENV}"
    return VaultKey(long_enough(material, where, MIN_VAULT_KEY_BYTES))


def check_key_placement(key_file: str | Path | None, vault: Path, *data_dirs: str | Path) -> None:
    """Refuse a vault key file that sits next to the vault or inside the data folders."""
    if key_file is None:
        return
    key = Path(key_file).resolve()
    places = [vault.resolve().parent, *(Path(d).resolve() for d in data_dirs)]
    for place in places:
        if key == place or place in key.parents:
            raise VaultError(
                f"the vault key file lies in {place}, beside the vault or the data; keep the "
                "key elsewhere (another folder, a secrets manager via $REDACTOR_VAULT_KEY)"
            )


# ------------------------------------------------------------------------------------------
# Entries
# ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class VaultSpan:
    """One replaced span: where it is in the OUTPUT text, and what it was."""

    start: int
    end: int
    label: str
    action: str
    surrogate: str
    original: str

    def to_list(self) -> list[Any]:
        return [self.start, self.end, self.label, self.action, self.surrogate, self.original]

    @classmethod
    def from_list(cls, data: Sequence[Any]) -> VaultSpan:
        start, end, label, action, surrogate, original = data
        return cls(int(start), int(end), str(label), str(action), str(surrogate), str(original))


@dataclass(frozen=True, slots=True)
class VaultDocument:
    """The replaced spans of one redacted document.

    ``doc_id`` is the document id of the run (``notes/a.txt``, ``data.csv:3:note``);
    ``sha256`` the digest of the redacted text; ``subject`` the date-shift subject;
    ``file`` the output file relative to the run's output root.
    """

    doc_id: str
    sha256: str
    subject: str
    file: str
    spans: tuple[VaultSpan, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"doc": self.doc_id, "sha256": self.sha256, "subject": self.subject,
                "file": self.file, "spans": [s.to_list() for s in self.spans]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> VaultDocument:
        return cls(str(data["doc"]), str(data["sha256"]), str(data["subject"]),
                   str(data["file"]), tuple(VaultSpan.from_list(s) for s in data["spans"]))


def text_digest(text: str) -> str:
    """SHA-256 of a redacted text (how reidentify finds its entry)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_entry(doc_id: str, subject: str, file: str, original: str, redacted: str,
                   replacements: Iterable[Any], reversible: frozenset[str]) -> VaultDocument | None:
    """The vault entry for one redacted document (``None`` when nothing in it is reversible).

    ``replacements`` are :class:`redactor.transform.replace.Replacement` records of that document.
    """
    spans = tuple(
        VaultSpan(r.out_start, r.out_end, r.label, r.action, redacted[r.out_start : r.out_end],
                  original[r.start : r.end])
        for r in replacements if r.action in reversible
    )
    if not spans:
        return None
    return VaultDocument(doc_id, text_digest(redacted), subject, file, spans)


@dataclass
class Segment:
    """What one append stored: the documents of one output file and how it was read."""

    documents: list[VaultDocument]
    options: dict[str, Any] = field(default_factory=dict)
    written: str = ""

    def to_bytes(self) -> bytes:
        body = {"written": self.written, "options": self.options,
                "documents": [d.to_dict() for d in self.documents]}
        return zlib.compress(json.dumps(body, ensure_ascii=False, separators=(",", ":"))
                             .encode("utf-8"))

    @classmethod
    def from_bytes(cls, data: bytes) -> Segment:
        body = json.loads(zlib.decompress(data).decode("utf-8"))
        return cls([VaultDocument.from_dict(d) for d in body["documents"]],
                   dict(body.get("options", {})), str(body.get("written", "")))


@dataclass(frozen=True)
class ForgetResult:
    """What an erasure removed (counts only)."""

    spans: int
    documents: int


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


# ------------------------------------------------------------------------------------------
# The vault file
# ------------------------------------------------------------------------------------------


class Vault:
    """An open vault file. Use :meth:`open`; every write takes the lock."""

    def __init__(self, path: Path, key: VaultKey, *, partial: bool = False) -> None:
        self.path = path
        self.key = key
        self.partial = partial
        self.vault_id = ""
        self.torn_tail = False
        self.damage: list[str] = []  # what the last read could not use (no content, ever)
        self.missing_entries = 0  # complete entries the log records and the file lacks

    # -------------------------------------------------------------- opening
    @classmethod
    def open(cls, path: str | Path, key: VaultKey, *, create: bool = False,
             partial: bool = False) -> Vault:
        """Open (and with ``create``, make) the vault; check the key and every segment now.

        A segment that fails authentication is an error, unless ``partial``: then it is
        skipped and listed in :attr:`damage` (as is an incomplete last segment, always).
        """
        vault = cls(Path(path), key, partial=partial)
        with vault._lock(exclusive=create):
            if not vault.path.exists():
                if not create:
                    raise VaultError(f"vault {vault.path} does not exist")
                vault._create()
            else:
                warn_if_shared(vault.path, "vault")
            vault._read_all()
        if create and vault.missing_entries:  # appending would hide the loss from readers
            raise VaultError(
                f"vault {vault.path} holds fewer entries than its log records "
                f"({vault.damage[0]}); restore it from a backup before adding to it")
        return vault

    @property
    def damaged(self) -> bool:
        """True when the last read found an entry it could not use."""
        return bool(self.damage)

    def require_intact(self) -> None:
        """Raise :class:`VaultError` when the last read found damage (see :attr:`damage`)."""
        if self.damage:
            raise VaultError(
                f"vault {self.path} is damaged ({'; '.join(self.damage)}): restore it from a "
                "backup (or finish an interrupted run with --resume), or pass --partial to "
                "restore what can be, with every unresolved span counted"
            )

    @property
    def lock_path(self) -> Path:
        """The lock file beside the vault."""
        return self.path.with_name(self.path.name + ".lock")

    @property
    def log_path(self) -> Path:
        """The vault log: one JSON line per run, re-identification or erasure (counts only)."""
        return self.path.with_name(self.path.name + ".log")

    @contextlib.contextmanager
    def _lock(self, *, exclusive: bool) -> Iterator[None]:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not POSIX
            yield
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle = open(self.lock_path, "a+b", opener=_secret_opener)  # noqa: SIM115 - held
        except OSError as exc:
            raise VaultError(f"cannot lock the vault {self.path}: {exc.strerror}") from None
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
            handle.close()

    def _header_bytes(self, header: dict[str, Any]) -> bytes:
        raw = json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")
        return MAGIC + _LEN.pack(len(raw)) + raw

    def _create(self) -> None:
        header = {"format": FORMAT, "vault_id": secrets.token_hex(16),
                  "key_id": self.key.key_id, "created": _now()}
        try:
            with atomic_write_bytes(self.path) as out:
                os.fchmod(out.fileno(), SECRET_MODE)
                out.write(self._header_bytes(header))
        except RedactorError as exc:
            raise VaultError(f"cannot create the vault: {exc.message}") from None
        self._log({"event": "created", "entries": 0}, vault_id=header["vault_id"])

    def _read_bytes(self) -> bytes:
        try:
            return self.path.read_bytes()
        except OSError as exc:
            raise VaultError(f"cannot read the vault {self.path}: {exc.strerror}") from None

    def _parse_header(self, data: bytes) -> tuple[dict[str, Any], int, bytes]:
        if not data.startswith(MAGIC) or len(data) < len(MAGIC) + _LEN.size:
            raise VaultError(f"{self.path} is not a redactor vault (or its header is damaged)")
        (size,) = _LEN.unpack_from(data, len(MAGIC))
        start = len(MAGIC) + _LEN.size
        try:
            header = json.loads(data[start : start + size])
        except (ValueError, UnicodeDecodeError):
            raise VaultError(f"the header of vault {self.path} is damaged") from None
        if not isinstance(header, dict) or header.get("format") != FORMAT:
            raise VaultError(f"vault {self.path} has an unknown format")
        if header.get("key_id") != self.key.key_id:
            raise VaultError(
                f"wrong vault key for {self.path}: the vault was written with key id "
                f"{header.get('key_id')}, the key given has id {self.key.key_id}"
            )
        end = start + size
        return header, end, hashlib.sha256(data[:end]).digest()

    def _aad(self, header_digest: bytes, index: int) -> bytes:
        return header_digest + struct.pack(">Q", index)

    def _segments(self, data: bytes | None = None) -> tuple[list[Segment], int]:
        """Every segment, checked; and the offset where complete segments end."""
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        data = self._read_bytes() if data is None else data
        header, offset, digest = self._parse_header(data)
        self.vault_id = str(header.get("vault_id", ""))
        aes = AESGCM(self.key.aes_key())
        segments: list[Segment] = []
        self.torn_tail = False
        self.damage = []
        index = 0  # the position of the next segment (skipped ones included: it is in the AAD)
        while offset < len(data):
            if offset + _LEN.size > len(data):
                self.torn_tail = True
                break
            (size,) = _LEN.unpack_from(data, offset)
            body_start = offset + _LEN.size
            if body_start + size > len(data) or size < _NONCE + 16:
                self.torn_tail = True
                break
            nonce = data[body_start : body_start + _NONCE]
            sealed = data[body_start + _NONCE : body_start + size]
            try:
                plain = aes.decrypt(nonce, sealed, self._aad(digest, index))
                segments.append(Segment.from_bytes(plain))
            except InvalidTag:
                problem = f"entry {index + 1} fails authentication"
                if not self.partial:
                    raise VaultError(
                        f"vault {self.path} fails authentication at entry {index + 1}: it "
                        "was changed or damaged after it was written (restore it from a backup)"
                    ) from None
                self.damage.append(problem)
            except (ValueError, KeyError, zlib.error):
                if not self.partial:
                    raise VaultError(f"vault {self.path}: entry {index + 1} is malformed"
                                     ) from None
                self.damage.append(f"entry {index + 1} is malformed")
            index += 1
            offset = body_start + size
        for problem in self.damage:
            log.warning("vault %s: %s; it is skipped (--partial)", self.path, problem)
        logged = self._logged_entries()
        self.missing_entries = max((logged or 0) - index, 0)
        if self.missing_entries:
            self.damage.append(f"it holds {index} complete entries where its log records "
                               f"{logged}: entries are missing (a truncated or older copy)")
            log.warning("vault %s: %s", self.path, self.damage[-1])
        if self.torn_tail:
            self.damage.append(f"it ends in an incomplete entry ({len(data) - offset} bytes), "
                               "from an interrupted run or a truncated copy")
            log.warning("vault %s ends in an incomplete entry (an interrupted run or a "
                        "truncated copy); a reader cannot use it", self.path)
        return segments, offset

    def _read_all(self) -> list[Segment]:
        segments, _ = self._segments()
        return segments

    # -------------------------------------------------------------- writing
    def _scan(self, handle: Any) -> tuple[int, int, bytes]:
        """Count the complete segments by their length fields (no decryption: :meth:`open`
        authenticated them) and find where they end; and the header digest."""
        head = handle.read(len(MAGIC) + _LEN.size)
        if len(head) < len(MAGIC) + _LEN.size:
            raise VaultError(f"{self.path} is not a redactor vault (or its header is damaged)")
        (size,) = _LEN.unpack_from(head, len(MAGIC))
        header_bytes = head + handle.read(size)
        _, end, digest = self._parse_header(header_bytes)
        total = os.fstat(handle.fileno()).st_size
        count = 0
        while end + _LEN.size <= total:
            handle.seek(end)
            (length,) = _LEN.unpack(handle.read(_LEN.size))
            if end + _LEN.size + length > total or length < _NONCE + 16:
                break
            end += _LEN.size + length
            count += 1
        return count, end, digest

    def append(self, documents: Sequence[VaultDocument], options: dict[str, Any] | None = None
               ) -> None:
        """Store the documents of one output file (one authenticated, fsynced segment)."""
        if not documents:
            return
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        segment = Segment(list(documents), dict(options or {}), _now())
        with self._lock(exclusive=True):
            try:
                with open(self.path, "r+b") as handle:
                    count, end, digest = self._scan(handle)
                    nonce = secrets.token_bytes(_NONCE)
                    sealed = AESGCM(self.key.aes_key()).encrypt(
                        nonce, segment.to_bytes(), self._aad(digest, count))
                    handle.truncate(end)  # drop an incomplete entry a crash left behind
                    handle.seek(end)
                    handle.write(_LEN.pack(_NONCE + len(sealed)) + nonce + sealed)
                    handle.flush()
                    os.fsync(handle.fileno())
            except OSError as exc:
                raise VaultError(f"cannot write the vault {self.path}: {exc.strerror}") from None

    def _rewrite(self, segments: Sequence[Segment]) -> None:
        """Replace the vault by one holding ``segments`` (atomically; caller holds the lock)."""
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        data = self._read_bytes()
        header, _, _ = self._parse_header(data)
        head = self._header_bytes(header)
        digest = hashlib.sha256(head).digest()
        aes = AESGCM(self.key.aes_key())
        try:
            with atomic_write_bytes(self.path) as out:
                os.fchmod(out.fileno(), SECRET_MODE)
                out.write(head)
                for index, segment in enumerate(s for s in segments if s.documents):
                    nonce = secrets.token_bytes(_NONCE)
                    sealed = aes.encrypt(nonce, segment.to_bytes(), self._aad(digest, index))
                    out.write(_LEN.pack(_NONCE + len(sealed)) + nonce + sealed)
        except RedactorError as exc:
            raise VaultError(f"cannot rewrite the vault: {exc.message}") from None

    # -------------------------------------------------------------- reading
    def segments(self) -> list[Segment]:
        """Every stored segment (checked), under a shared lock."""
        with self._lock(exclusive=False):
            return self._read_all()

    def documents(self) -> list[VaultDocument]:
        """Every stored document entry, oldest first."""
        return [doc for segment in self.segments() for doc in segment.documents]

    def file_options(self) -> dict[str, dict[str, Any]]:
        """The format options each output file was read with (latest run wins)."""
        out: dict[str, dict[str, Any]] = {}
        for segment in self.segments():
            for doc in segment.documents:
                out[doc.file] = segment.options
        return out

    # -------------------------------------------------------------- erasure
    def forget(self, value: str | None = None, *, subject: str | None = None,
               dry_run: bool = False) -> ForgetResult:
        """Erase from the vault, for good: every document of ``subject`` (the subject key of
        ``--subject-field`` / ``--subject-column``, or a record id), or every span of ``value``.

        A span goes with ``value`` when its original contains the value whatever its edges
        (``I'm Maria Gonzalez``, ``Maria Gonzalez,``, ``GONZALEZ, MARIA``: case, accents,
        spacing and punctuation folded) or its surrogate is the value; and, in the documents
        of a subject that is named in full somewhere, a variant of the name (``Ms. Gonzalez``,
        ``GONZALEZ``). A ``value`` that
        is exactly a subject key erases that subject too (fail closed). The vault is rewritten
        without them, atomically; the log records the counts only.
        """
        if (value is None) == (subject is None):
            raise VaultError("forget needs either a value or a subject, not both")
        wanted = normalise(value or "")
        patterns = _value_patterns(value or "")
        subject_key = normalise(subject if subject is not None else value or "")
        if not subject_key or (value is not None and not patterns):
            raise VaultError("forget needs a value or a subject")
        target = parse_name(wanted) if value is not None else None
        with self._lock(exclusive=True):
            segments = self._read_all()
            names = {} if target is None else _person_variants(
                [d for s in segments for d in s.documents], patterns, target)
            removed_spans = removed_docs = 0
            kept_segments = []
            for segment in segments:
                kept_docs = []
                for doc in segment.documents:
                    if subject_key in (normalise(doc.subject),
                                       normalise(doc.subject.removeprefix("subject:"))):
                        removed_spans += len(doc.spans)
                        removed_docs += 1
                        continue
                    keep = list(doc.spans)
                    if target is not None:
                        keep = [s for s in doc.spans if not _forget_span(
                            s, wanted, patterns, target, names.get(doc.subject))]
                    if len(keep) != len(doc.spans):
                        removed_spans += len(doc.spans) - len(keep)
                        removed_docs += 1
                    if keep:
                        kept_docs.append(VaultDocument(doc.doc_id, doc.sha256, doc.subject,
                                                       doc.file, tuple(keep)))
                kept_segments.append(Segment(kept_docs, segment.options, segment.written))
            if removed_spans and not dry_run:
                self._rewrite(kept_segments)
            if not dry_run:
                self._log({"event": "erasure", "of": "subject" if subject is not None else
                           "value", "spans_removed": removed_spans,
                           "documents_affected": removed_docs, "entries": self._entries()})
        return ForgetResult(removed_spans, removed_docs)

    def _log(self, event: dict[str, Any], vault_id: str | None = None) -> None:
        record = {"time": _now(), "vault_id": vault_id or self.vault_id,
                  "key_id": self.key.key_id, **event}
        try:
            with open(self.log_path, "a", encoding="utf-8", opener=_secret_opener) as handle:
                handle.write(json.dumps(record) + "\n")
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as exc:
            raise VaultError(f"cannot write the vault log {self.log_path}: {exc.strerror}"
                             ) from None

    def log_event(self, event: str, **counts: int) -> None:
        """Append an event (``run``, ``reidentify``) with counts to the vault log, and the
        number of complete entries the vault holds then (so a reader can tell when entries
        have gone missing: a copy cut at an entry boundary looks whole otherwise)."""
        with self._lock(exclusive=False):
            self._log({"event": event, **counts, "entries": self._entries()})

    def _entries(self) -> int:
        """The complete entries in the file, by their length fields (caller holds a lock)."""
        try:
            with open(self.path, "rb") as handle:
                return self._scan(handle)[0]
        except OSError as exc:
            raise VaultError(f"cannot read the vault {self.path}: {exc.strerror}") from None

    def _logged_entries(self) -> int | None:
        """The entry count of the log's last record that has one (``None``: no such record).

        Every count is taken under the vault's lock and only appends add entries after it,
        so the vault must hold at least that many."""
        try:
            lines = self.log_path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            return None
        for line in reversed(lines):
            try:
                record = json.loads(line)
                entries = record.get("entries")
            except (ValueError, AttributeError):
                continue  # a line being written, or not ours
            if record.get("vault_id") != self.vault_id:
                continue  # the log of an earlier vault of that name
            if isinstance(entries, int) and not isinstance(entries, bool):
                return entries
        return None


def _secret_opener(path: str, flags: int) -> int:
    """``open(..., opener=)`` that creates files readable by their owner only."""
    return os.open(path, flags, SECRET_MODE)


def _words(text: str) -> str:
    """The words of ``text``, case, accents, spacing and punctuation folded, space-separated
    and padded (``" i m maria gonzalez "``), so containment is a plain substring test."""
    folded = accents.fold(normalise(text), plain=False, compose=False)
    return " " + " ".join(re.findall(r"\w+", folded)) + " "


def _value_patterns(value: str) -> tuple[str, ...]:
    """The padded word sequences a span must contain to hold ``value``: the value itself and,
    for a name of several words, its "Last, First" orders (``GONZALEZ, MARIA``)."""
    words = _words(value).split()
    if not words:
        return ()
    orders = [words]
    if len(words) > 1 and all(w.isalpha() for w in words):
        orders += [words[i:] + words[:i] for i in range(1, len(words))]
    return tuple(" " + " ".join(o) + " " for o in orders)


def _contains(original: str, patterns: Sequence[str]) -> bool:
    words = _words(original)
    return any(p in words for p in patterns)


def _person_variants(docs: Sequence[VaultDocument], patterns: Sequence[str], target: ParsedName
                     ) -> dict[str, DocumentNames]:
    """The person mentions of each subject whose documents name the person to forget in full
    (a subject is a document, a record, or the key of ``--subject-field``)."""
    if target.family is None or target.first_given is None:
        return {}
    named = {d.subject for d in docs
             if any(s.label == "PERSON" and _contains(s.original, patterns) for s in d.spans)}
    mentions: dict[str, list[str]] = {}
    for d in docs:
        if d.subject in named:
            mentions.setdefault(d.subject, []).extend(
                s.original for s in d.spans if s.label == "PERSON")
    return {subject: DocumentNames.build(found) for subject, found in mentions.items()}


def _forget_span(span: VaultSpan, wanted: str, patterns: Sequence[str], target: ParsedName,
                 names: DocumentNames | None) -> bool:
    """True when ``span`` holds the value to forget (its original contains it, or its surrogate
    is it), or, for a subject that names that person in full (``names``), a variant of the
    name (``Ms. Gonzalez``, ``M. Gonzalez`` beside ``Maria Gonzalez``)."""
    if _contains(span.original, patterns) or normalise(span.surrogate) == wanted:
        return True
    if span.label != "PERSON" or names is None:
        return False
    mention = names.reinterpret(parse_name(span.original))
    if mention.family != target.family:
        return False
    initials = [p.key[:1] for p in mention.parts if p.role == "initial"]
    return mention.first_given in (None, target.first_given) and all(
        i == (target.first_given or "")[:1] for i in initials[:1])
