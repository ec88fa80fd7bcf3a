"""Real text for training: WNUT-17 posts as they are, and with their entities swapped.

WNUT-17 (Derczynski et al. 2017, CC-BY 4.0) is English social-media text with ``person``,
``location``, ``corporation``, ``group``, ``product`` and ``creative-work`` tags. Here ``person``
becomes PERSON, ``location`` LOCATION, ``corporation`` and ``group`` ORGANIZATION (as
``benchmarks/eval_dev.py`` scores them); products and creative works are left unmarked.
``@handles`` are marked PERSON, as ``benchmarks/devset/GUIDELINES.md`` asks (WNUT leaves them
untagged).

:func:`swap` keeps a post's words and replaces each person (and, half the time, each location)
with a generated one of any origin, in the same case style, so the model sees names of many
origins in real sentences. Most posts hold no identifier at all, which teaches the model what
to leave alone; synthetic documents alone make a model that over-fires on real text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from redactor.quality.evaluate import GoldDoc, GoldSpan, load_conll
from redactor.training.synth import Piece, assemble
from redactor.training.values import Values, name_form

#: WNUT-17 type -> our entity type (types not listed are left unmarked).
WNUT_LABELS: Mapping[str, str] = {
    "person": "PERSON",
    "location": "LOCATION",
    "corporation": "ORGANIZATION",
    "group": "ORGANIZATION",
}
WNUT_ATTRIBUTION = (
    "WNUT-17 Emerging Entities: Leon Derczynski, Eric Nichols, Marieke van Erp, Nut "
    "Limsopatham. 2017. Results of the WNUT2017 Shared Task on Novel and Emerging Entity "
    "Recognition. Proceedings of the Workshop on Noisy, User-generated Text (W-NUT) at EMNLP. "
    "CC-BY 4.0."
)
_HANDLE = re.compile(r"(?<!\S)@\w{2,}")
#: A courtesy or professional title right before a name ("Dr. ", "MRS ").
_TITLE_BEFORE = re.compile(r"(?<![\w.])(?i:dr|mr|mrs|ms|miss|prof|sr|rev)\.?[ \t]+$")


def load_wnut(path: str | Path) -> list[GoldDoc]:
    """WNUT-17 CoNLL posts with our labels, ``@handles`` added as PERSON."""
    docs = []
    for doc in load_conll(path, label_map=dict(WNUT_LABELS)):
        spans = list(doc.spans)
        taken = [(s.start, s.end) for s in spans]
        for match in _HANDLE.finditer(doc.text):
            if not any(s < match.end() and match.start() < e for s, e in taken):
                spans.append(GoldSpan(match.start(), match.end(), "PERSON"))
        docs.append(GoldDoc(doc.id, doc.text, tuple(sorted(spans)), doc.meta))
    return docs


def as_record(doc: GoldDoc, source: str) -> dict[str, Any]:
    """A training record for ``doc`` as it is."""
    pieces: list[Piece] = []
    pos = 0
    for s in doc.spans:
        pieces.append((doc.text[pos : s.start], None, ""))
        pieces.append((doc.text[s.start : s.end], s.label, ""))
        pos = s.end
    pieces.append((doc.text[pos:], None, ""))
    return assemble(pieces, f"{source}:{doc.id}", kind="social", source=source)


def _case_like(value: str, original: str) -> str:
    if original.islower():
        return value.lower()
    if original.isupper() and len(original) > 1:
        return value.upper()
    return value


def _person(
    original: str, people: dict[str, Any], values: Values, *, shapes: bool, titled: bool = False
) -> Piece:
    """A generated stand-in for the person written ``original`` (the same stand-in for the
    same name in one document) in its case: a handle for a handle, one word for one word;
    with ``shapes`` also initials for initials ("JW"), "Last, First" for that form and a
    family name after a title (``titled``: "Dr. Iwu")."""
    rng = values.rng
    person = people.setdefault(original.lower(), values.person())
    if original.startswith("@"):
        return values.handle(person), "PERSON", person.group
    words = original.split()
    if shapes and len(words) == 1 and original.isupper() and len(original) <= 3:
        form = "initials"
    elif shapes and "," in original:
        form = "lf"
    elif titled and len(words) == 1:
        form = "family"
    elif len(words) == 1:
        form = rng.choice(["given", "given", "family"])
    else:
        form = rng.choice(["full", "full", "full", "initial", "middle"])
    return _case_like(name_form(person, form), original), "PERSON", person.group


def swap(doc: GoldDoc, values: Values, source: str) -> dict[str, Any]:
    """``doc`` with persons, handles and some locations replaced by generated ones."""
    rng = values.rng
    pieces: list[Piece] = []
    pos = 0
    people: dict[str, Any] = {}
    for s in doc.spans:
        original = doc.text[s.start : s.end]
        pieces.append((doc.text[pos : s.start], None, ""))
        pos = s.end
        if s.label == "PERSON":
            pieces.append(_person(original, people, values, shapes=False))
        elif s.label == "LOCATION" and rng.random() < 0.5:
            pieces.append((_case_like(values.city(values.origin().home), original), "LOCATION", ""))
        else:
            pieces.append((original, s.label, ""))
    pieces.append((doc.text[pos:], None, ""))
    return assemble(pieces, f"{source}:{doc.id}", kind="social", source=source)


def swap_record(
    record: Mapping[str, Any],
    values: Values,
    pools: Mapping[str, Sequence[str]],
    source: str,
    *,
    rate: float = 0.7,
) -> dict[str, Any]:
    """A training record with its people replaced by generated ones of any origin and, at
    ``rate``, each place or organisation by another of its type drawn from ``pools`` (names
    from other documents of the same kind), each in the original's case; other spans stay.

    The words around the names stay as written, so the model learns a name from what
    surrounds it rather than from the names it was shown. The record's other keys (such as
    ``"teacher": false``) are kept; ``id`` gets ``source`` as its prefix.
    """
    rng = values.rng
    text = record["text"]
    pieces: list[Piece] = []
    pos = 0
    people: dict[str, Any] = {}
    for s in sorted(record["spans"], key=lambda s: s["start"]):
        original = text[s["start"] : s["end"]]
        pieces.append((text[pos : s["start"]], None, ""))
        pos = s["end"]
        pool = pools.get(s["type"], ())
        if s["type"] == "PERSON":
            titled = _TITLE_BEFORE.search(text, max(0, s["start"] - 12), s["start"]) is not None
            pieces.append(_person(original, people, values, shapes=True, titled=titled))
        elif pool and rng.random() < rate:
            pieces.append((_case_like(rng.choice(pool), original), s["type"], ""))
        else:
            pieces.append((original, s["type"], ""))
    pieces.append((text[pos:], None, ""))
    meta = {k: v for k, v in record.items() if k not in ("id", "text", "spans", "source")}
    return assemble(pieces, f"{source}:{record['id']}", **meta, source=source)


def wnut_records(
    docs: Iterable[GoldDoc], values: Values, *, as_is: bool = True, swaps: int = 1
) -> list[dict[str, Any]]:
    """Each post as it is (when ``as_is``) and ``swaps`` swapped copies of each post with a name.

    Posts without a PERSON span are not copied (swapping would change nothing).
    """
    out: list[dict[str, Any]] = []
    for doc in docs:
        if as_is:
            out.append(as_record(doc, "wnut17"))
        if any(s.label == "PERSON" for s in doc.spans):
            for k in range(swaps):
                out.append(swap(doc, values, f"wnut17-swap{k}"))
    return out
