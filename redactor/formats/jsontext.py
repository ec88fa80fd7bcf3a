"""JSON values with their source positions, field selection, and in-place rendering.

JSON and JSON Lines outputs are produced by splicing new string values into the original
text at the exact positions of the old ones, so everything else (key order, spacing,
escapes, number spelling, line endings) stays byte for byte as it was.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from json.decoder import scanstring
from typing import Any, NamedTuple

from redactor.document import Document

PathPart = str | int
Path = tuple[PathPart, ...]

_WS = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")
_LITERALS = ("null", "true", "false", "NaN", "Infinity", "-Infinity")
_SURROGATE = re.compile("[\ud800-\udfff]")


class JsonToken(NamedTuple):
    """A string or number value (or an object key): ``text[start:end]`` is its JSON spelling."""

    path: Path
    start: int
    end: int
    value: str
    """The decoded string, or the number exactly as written."""
    numeric: bool
    position: tuple[int, ...] = ()
    """The same place by position only: each object member by its index in the object, each
    list item by its index (what document ids use, so that they never carry a key's text)."""
    key: bool = False
    """An object key (``path`` and ``position`` then name the member it is the key of)."""


def scan_scalars(text: str, *, keys: bool = False) -> list[JsonToken]:
    """Every string and number value of ``text``, in order, with its path and position.

    ``text`` must already be known to be valid JSON (parse it with :func:`json.loads` first):
    this scanner locates values, it does not validate. Object keys are reported too (as
    ``key=True`` tokens, before their value) when ``keys`` is true. It is iterative, so nesting
    depth is limited by memory only.
    """
    out: list[JsonToken] = []
    # One frame per open container: [is_array, path, position of the container, index].
    stack: list[list[Any]] = []
    path: Path = ()
    position: tuple[int, ...] = ()

    def member(frame: list[Any], i: int) -> int:
        """Read the key at ``i`` (a '"') of the container ``frame``; return where its value
        starts, with ``path`` and ``position`` set to the member."""
        nonlocal path, position
        key, j = scanstring(text, i + 1, True)
        path = (*frame[1], key)
        position = (*frame[2], frame[3])
        if keys:
            out.append(JsonToken(path, i, j, key, False, position, True))
        j = _WS.match(text, j).end()  # type: ignore[union-attr]  # at ':'
        return _WS.match(text, j + 1).end()  # type: ignore[union-attr]

    i = _WS.match(text, 0).end()  # type: ignore[union-attr]
    while True:
        c = text[i]
        if c == '"':
            value, end = scanstring(text, i + 1, True)
            out.append(JsonToken(path, i, end, value, False, position))
            i = end
        elif c == "{" or c == "[":
            j = _WS.match(text, i + 1).end()  # type: ignore[union-attr]
            if text[j] in "}]":
                i = j + 1
            elif c == "[":
                stack.append([True, path, position, 0])
                path = (*path, 0)
                position = (*position, 0)
                i = j
                continue
            else:
                stack.append([False, path, position, 0])
                i = member(stack[-1], j)
                continue
        else:
            m = _NUMBER.match(text, i)
            if m is not None:
                out.append(JsonToken(path, i, m.end(), m.group(), True, position))
                i = m.end()
            else:
                for literal in _LITERALS:
                    if text.startswith(literal, i):
                        i += len(literal)
                        break
                else:  # pragma: no cover - only reached for input json.loads rejected
                    raise ValueError(f"unexpected character at offset {i}")
        # A value ended at i: close containers until the next value starts.
        while True:
            i = _WS.match(text, i).end()  # type: ignore[union-attr]
            if not stack:
                return out
            frame = stack[-1]
            if text[i] == ",":
                i = _WS.match(text, i + 1).end()  # type: ignore[union-attr]
                frame[3] += 1
                if frame[0]:
                    path = (*frame[1], frame[3])
                    position = (*frame[2], frame[3])
                else:
                    i = member(frame, i)
                break
            stack.pop()  # '}' or ']'
            i += 1


def pointer(position: tuple[int, ...]) -> str:
    """A position as a JSON pointer of indices (``(0, 2)`` -> ``"/0/2"``; the root: ``""``)."""
    return "".join(f"/{index}" for index in position)


def field_name(path: Path) -> str:
    """The dotted field path of ``path`` (``("tags", 0)`` -> ``"tags.0"``)."""
    return ".".join(str(part) for part in path)


class FieldSelector:
    """Decides which values of a record are documents (see ``FormatOptions.text_fields``).

    Without selectors every string value is a document. With selectors, strings and numbers
    at or below a selected path are documents (a number is only redacted when asked for).
    """

    _CACHE_SIZE = 8192

    def __init__(self, text_fields: Sequence[str]) -> None:
        self.selectors: tuple[tuple[str, ...], ...] = tuple(
            tuple(field.split(".")) for field in text_fields if field
        )
        self._cache: dict[tuple[Path, bool], str | None] = {}

    def selects(self, path: Path, numeric: bool) -> bool:
        """True when the value at ``path`` (a number when ``numeric``) is a document."""
        return self.field(path, numeric) is not None

    def field(self, path: Path, numeric: bool) -> str | None:
        """The dotted field name of ``path`` when it is selected, else None (cached)."""
        key = (path, numeric)
        try:
            return self._cache[key]
        except KeyError:
            pass
        if self.selectors:
            chosen = any(_matches(selector, path) for selector in self.selectors)
        else:
            chosen = not numeric
        result = field_name(path) if chosen else None
        if len(self._cache) >= self._CACHE_SIZE:
            self._cache.clear()
        self._cache[key] = result
        return result


def _matches(selector: tuple[str, ...], path: Path) -> bool:
    """True when ``path`` is at or below ``selector`` (``*`` = any part; indices optional)."""

    def match(i: int, j: int) -> bool:
        if i == len(selector):
            return True
        if j == len(path):
            return False
        part = path[j]
        if selector[i] in ("*", str(part)) and match(i + 1, j + 1):
            return True
        return isinstance(part, int) and match(i, j + 1)

    return match(0, 0)


def encode_string(text: str) -> str:
    """``text`` as a JSON string literal, non-ASCII kept (lone surrogates escaped)."""
    return json.dumps(text, ensure_ascii=_SURROGATE.search(text) is not None)


class Placed(NamedTuple):
    """A token that became a document, and the id of that document."""

    token: JsonToken
    doc_id: str


def build_documents(
    tokens: Iterable[JsonToken],
    selector: FieldSelector,
    locate: Callable[[JsonToken], tuple[int, int]],
    record_of: Callable[[int], Any],
    doc_prefix: str,
    format_name: str,
) -> tuple[list[Document], list[Placed]]:
    """Documents for the tokens ``selector`` picks, and for every object key token.

    ``locate`` gives a token's line number and how many leading parts of its path name that
    line (0, or 1 for the items of a top-level JSON array); ``record_of(line)`` the parsed
    record (put in ``meta["record"]``). Ids carry positions only, never a key's text:
    ``PREFIX:LINE:POINTER`` with ``POINTER`` a JSON pointer of indices (``/0/2``: the third
    member of the first member; ``PREFIX:LINE`` for a bare string), and ``PREFIX:LINE:POINTER:key``
    for the key of that member.
    """
    docs: list[Document] = []
    placed: list[Placed] = []
    for token in tokens:
        line, skip = locate(token)
        path, where = token.path[skip:], pointer(token.position[skip:])
        if token.key:
            doc_id = f"{doc_prefix}:{line}:{where}:key"
            meta: dict[str, Any] = {"format": format_name, "line": line, "key": True,
                                    "path": path, "record": record_of(line)}
        else:
            field = selector.field(path, token.numeric)
            if field is None:
                continue
            doc_id = f"{doc_prefix}:{line}:{where}" if where else f"{doc_prefix}:{line}"
            meta = {
                "format": format_name,
                "line": line,
                "field": field,
                "path": path,
                "numeric": token.numeric,
                "record": record_of(line),
            }
        docs.append(Document(doc_id, token.value, meta))
        placed.append(Placed(token, doc_id))
    return docs, placed


def splice_renderer(
    text: str, placed: Sequence[Placed], prefix: str = "", suffix: str = ""
) -> Callable[[Mapping[str, str]], str]:
    """A render function writing new values into ``text`` in place of the old ones.

    Unchanged values keep their original spelling. A changed number becomes a JSON string.
    """

    def render(new_texts: Mapping[str, str]) -> str:
        parts = [prefix]
        pos = 0
        for item in placed:
            new = new_texts[item.doc_id]
            if new == item.token.value:
                continue
            parts.append(text[pos : item.token.start])
            parts.append(encode_string(new))
            pos = item.token.end
        parts.append(text[pos:])
        parts.append(suffix)
        return "".join(parts)

    return render


def describe_decode_error(exc: Exception, *, one_line: bool = False) -> str:
    """What is wrong with a JSON text (``exc`` from :func:`json.loads`), quoting none of it."""
    if isinstance(exc, json.JSONDecodeError):
        if one_line:
            return f"{exc.msg} at column {exc.colno}"
        return f"{exc.msg} at line {exc.lineno}, column {exc.colno}"
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    return "a number is too long to convert"
