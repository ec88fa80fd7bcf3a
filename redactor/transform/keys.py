"""The secret key behind hash and pseudonymize: where it comes from, and keyed hashing."""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import secrets
import stat
from dataclasses import dataclass
from pathlib import Path

from redactor.errors import KeyMissingError

log = logging.getLogger("redactor")

KEY_ENV = "REDACTOR_KEY"
MIN_KEY_BYTES = 16


@dataclass(frozen=True, repr=False)
class SecretKey:
    """A secret key. ``ephemeral`` keys are random per run, so pseudonyms differ between runs."""

    material: bytes
    ephemeral: bool = False

    def __repr__(self) -> str:  # never print key material
        return f"SecretKey(id={self.key_id}, ephemeral={self.ephemeral})"

    @property
    def key_id(self) -> str:
        """A short, non-reversible fingerprint so audits can tell whether two runs shared a key."""
        return hmac.new(self.material, b"redactor key id", hashlib.sha256).hexdigest()[:12]

    def digest(self, *parts: str) -> bytes:
        """HMAC-SHA256 of the parts (joined unambiguously)."""
        message = b"\x1f".join(part.encode("utf-8") for part in parts)
        return hmac.new(self.material, message, hashlib.sha256).digest()


def load_key(key_file: str | Path | None = None, *, ephemeral: bool = False) -> SecretKey | None:
    """The key from ``key_file``, else ``$REDACTOR_KEY``, else a random one if ``ephemeral``.

    Returns None when no key is available; callers that need one raise
    :class:`KeyMissingError` via :func:`require_key`.
    """
    if key_file is not None:
        path = Path(key_file)
        material = read_key_file(path, "key file")
        key = SecretKey(long_enough(material, f"key file {path}", MIN_KEY_BYTES))
        warn_if_shared(path, "key file")
        return key
    env = os.environ.get(KEY_ENV)
    if env:
        return SecretKey(long_enough(env.encode("utf-8"), f"${KEY_ENV}", MIN_KEY_BYTES))
    if ephemeral:
        return SecretKey(secrets.token_bytes(32), ephemeral=True)
    return None


def warn_if_shared(path: Path, what: str) -> bool:
    """Warn (and return True) when the secret at ``path`` may be read by its group or others.

    A warning rather than a refusal: a key on a shared mount may be readable by a group on
    purpose; the run goes on, and the log says how to restrict it.
    """
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    if not mode & (stat.S_IRWXG | stat.S_IRWXO):
        return False
    log.warning("%s %s can be read by others (mode %03o); restrict it: chmod 600 %s",
                what, path, stat.S_IMODE(mode), path)
    return True


def require_key(key: SecretKey | None, policy_name: str) -> SecretKey:
    """``key`` itself, or a clear error explaining how to give one."""
    if key is None:
        raise KeyMissingError(
            f"policy {policy_name!r} hashes or pseudonymizes, which needs a secret key: set "
            f"${KEY_ENV}, pass --key-file FILE, or pass --ephemeral-key to use a random "
            "per-run key (pseudonyms then differ between runs)"
        )
    return key


def read_key_file(path: Path, what: str) -> bytes:
    """The secret in the key file at ``path`` (surrounding white space removed); a
    KeyMissingError naming ``what`` (``key file``, ``vault key file``) when it cannot be read."""
    try:
        return path.read_bytes().strip()
    except OSError as exc:
        raise KeyMissingError(f"cannot read {what} {path}: {exc.strerror}") from None


def long_enough(material: bytes, where: str, min_bytes: int) -> bytes:
    """``material`` itself, or a KeyMissingError when it is shorter than ``min_bytes``
    (``where`` names its source: a key file, an environment variable)."""
    if len(material) < min_bytes:
        raise KeyMissingError(f"{where} is shorter than {min_bytes} bytes; use a longer key")
    return material
