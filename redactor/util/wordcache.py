"""Word sets built from installed packages' data, kept as plain text between processes.

Building the detectors' word lists (drug names from a compressed pickle, Philter's whitelist,
the name lists of Faker's 100-odd locale modules) takes about a second in every process that
detects: each worker of every run. The result depends only on the packages' versions and on
our own code and data files, so it is written once to a cache folder and read back (a few
hundredths of a second) while those are unchanged.

The cache holds public vocabulary only (never document text), one word per line, and is read
as text, never unpickled. It lives in ``$REDACTOR_CACHE_DIR``, else ``$XDG_CACHE_HOME/redactor``,
else ``~/.cache/redactor``; ``REDACTOR_CACHE_DIR=off`` turns it off. A folder that cannot be
written only means the words are built each time.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import os
import secrets
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from redactor import __version__

CACHE_ENV = "REDACTOR_CACHE_DIR"


def cache_dir() -> Path | None:
    """The cache folder, or None when ``REDACTOR_CACHE_DIR`` is ``off`` (or empty)."""
    value = os.environ.get(CACHE_ENV)
    if value is not None:
        return None if value.strip().lower() in ("", "off", "0", "none") else Path(value)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "redactor"


def _key(name: str, packages: Sequence[str], files: Sequence[Path]) -> str:
    """A digest of what the words depend on: our version, the packages' versions, and the
    bytes of our own code and data files that build them."""
    digest = hashlib.sha256(f"{name}\0{__version__}".encode())
    for package in packages:
        try:
            version = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"\0{package}={version}".encode())
    for path in files:
        digest.update(b"\0" + path.read_bytes())
    return digest.hexdigest()[:20]


def cached_words(name: str, build: Callable[[], Iterable[str]], *,
                 packages: Sequence[str] = (), files: Sequence[Path] = ()) -> frozenset[str]:
    """The words ``build()`` returns, from the cache when ``packages`` (distribution names)
    and ``files`` (our code and data that ``build`` reads) are unchanged, else built and
    stored. Errors of ``build`` propagate; errors of the cache never do."""
    folder = cache_dir()
    path = folder / f"{name}-{_key(name, packages, files)}.txt" if folder else None
    if path is not None:
        with contextlib.suppress(OSError, UnicodeDecodeError):
            text = path.read_text(encoding="utf-8")
            if text.startswith("#words\n"):
                return frozenset(text[len("#words\n"):].split("\n")) - {""}
    words = frozenset(build())
    if path is not None and not any("\n" in w or not w for w in words):
        _store(path, "#words\n" + "\n".join(sorted(words)))
    return words


def cached_strings(name: str, keys: Sequence[str], compute: Callable[[str], str], *,
                   files: Sequence[Path] = ()) -> dict[str, str]:
    """``{key: compute(key)}`` for ``keys``, kept in the cache as :func:`cached_words` keeps a
    word set (keyed by ``name``, our version and ``files``); a key the cached table lacks
    (its ``files`` changed in a way the digest missed) is computed anew. Keys and values are
    one line each, with no "\\x1f"."""
    def build() -> Iterable[str]:
        return (f"{key}\x1f{compute(key)}" for key in keys)

    table = dict(entry.split("\x1f", 1) for entry in
                 cached_words(name, build, files=files) if "\x1f" in entry)
    return {key: table[key] if key in table else compute(key) for key in keys}


def _store(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all (a temp file renamed in); ignore errors."""
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp.write_text(text, encoding="utf-8")
        os.replace(temp, path)
    except OSError:
        with contextlib.suppress(OSError):
            temp.unlink()
        return
    stem = path.name.rsplit("-", 1)[0]
    for old in path.parent.glob(f"{stem}-*.txt"):  # the lists of earlier versions
        if old != path and old.name.rsplit("-", 1)[0] == stem:
            with contextlib.suppress(OSError):
                old.unlink()
