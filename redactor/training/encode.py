"""Character spans <-> BIO labels over word-aligned sub-word tokens, and chunking to a window.

A *word* is what the tokenizer's pre-tokenizer yields (for BERT: runs of letters and digits,
and each punctuation mark) — the same words :class:`~redactor.detect.hf_ner.TransformerRecognizer`
aggregates over. A word takes the type of the gold span it overlaps most (``B-`` when it is the
span's first word, ``I-`` after); its first sub-token carries the label, the other sub-tokens
and the special tokens carry ``-100`` (ignored by the loss).

Long documents are cut into chunks of at most ``max_length`` tokens (specials included), at
word boundaries that no gold span crosses, preferring line breaks; each token lies in exactly
one chunk, so predictions map back to the document without loss or double counting.

:func:`decode_words` turns per-word predictions back into character spans the way the
recognizer does (adjacent words of one type joined across whitespace, a hyphen or an
apostrophe), so training metrics and ``redact eval`` read the same spans.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from redactor.entities import ENTITY_TYPES
from redactor.errors import InputError
from redactor.quality.evaluate import GoldDoc, GoldSpan

IGNORE = -100
#: Text allowed between two words of one type for them to form one span (as in hf_ner).
_JOIN_GAP = re.compile(r"\s*|[-'’‐]")


@dataclass(frozen=True)
class LabelSet:
    """BIO labels over entity types: ``O`` then ``B-T``, ``I-T`` for each type in order."""

    types: tuple[str, ...]

    @classmethod
    def of(cls, types: Collection[str]) -> LabelSet:
        """Sorted, de-duplicated types; each must be an entity type of the catalogue."""
        unknown = sorted(set(types) - set(ENTITY_TYPES))
        if unknown:
            raise InputError(f"unknown entity types for training: {', '.join(unknown)}")
        if not types:
            raise InputError("no entity types to train")
        return cls(tuple(sorted(set(types))))

    @property
    def labels(self) -> list[str]:
        """``["O", "B-T1", "I-T1", ...]``."""
        return ["O"] + [f"{p}-{t}" for t in self.types for p in ("B", "I")]

    @property
    def id2label(self) -> dict[int, str]:
        """Label id -> label."""
        return dict(enumerate(self.labels))

    @property
    def label2id(self) -> dict[str, int]:
        """Label -> label id."""
        return {label: i for i, label in enumerate(self.labels)}

    def begin(self, kind: str) -> int:
        """Id of ``B-kind``."""
        return 1 + 2 * self.types.index(kind)

    def type_of(self, label_id: int) -> str | None:
        """Entity type of a label id (None for ``O``)."""
        return None if label_id <= 0 else self.types[(label_id - 1) // 2]


@dataclass(frozen=True)
class Chunk:
    """One model input: token ids with specials, labels, and the words it holds.

    ``words`` are the character ranges ``(start, end)`` of the words whose first sub-token lies
    in this chunk, in order; they match the positions where ``labels != -100``.
    """

    doc: int
    input_ids: tuple[int, ...]
    labels: tuple[int, ...]
    words: tuple[tuple[int, int], ...]

    def features(self) -> dict[str, list[int]]:
        """The dictionary a data collator pads."""
        return {
            "input_ids": list(self.input_ids),
            "attention_mask": [1] * len(self.input_ids),
            "labels": list(self.labels),
        }


def special_tokens(tokenizer: Any) -> tuple[list[int], list[int]]:
    """Ids the tokenizer puts before and after a single sequence (``[CLS]``, ``[SEP]``)."""
    plain = tokenizer("a", add_special_tokens=False)["input_ids"]
    full = tokenizer("a", add_special_tokens=True)["input_ids"]
    cut = next((i for i in range(len(full)) if full[i : i + len(plain)] == plain), len(full))
    return list(full[:cut]), list(full[cut + len(plain) :])


def word_ranges(
    offsets: Sequence[tuple[int, int]], word_ids: Sequence[int | None]
) -> list[tuple[int, int, int]]:
    """``(first token, char start, char end)`` of each word, in order."""
    words: list[tuple[int, int, int]] = []
    previous: int | None = None
    for i, (word, (start, end)) in enumerate(zip(word_ids, offsets, strict=True)):
        if word is None:
            previous = None
            continue
        if word != previous or not words:
            words.append((i, start, end))
        else:
            first, s, e = words[-1]
            words[-1] = (first, min(s, start), max(e, end))
        previous = word
    return words


def word_labels(
    words: Sequence[tuple[int, int, int]], spans: Sequence[GoldSpan], labels: LabelSet
) -> list[int]:
    """BIO label id of each word: the type of the span it overlaps most, B- on its first word."""
    out: list[int] = []
    keep = [s for s in spans if s.label in labels.types]
    previous: GoldSpan | None = None
    for _, start, end in words:
        best: GoldSpan | None = None
        best_overlap = 0
        for s in keep:
            overlap = min(end, s.end) - max(start, s.start)
            if overlap > best_overlap:
                best, best_overlap = s, overlap
        if best is None or end <= start:
            out.append(0)
            previous = None
            continue
        begin = labels.begin(best.label)
        out.append(begin if best is not previous else begin + 1)
        previous = best
    return out


def _cut_points(
    text: str, words: Sequence[tuple[int, int, int]], tags: Sequence[int], n_tokens: int, width: int
) -> list[int]:
    """Token indices where chunks start (the first is 0)."""
    first_tokens = [w[0] for w in words]
    # boundary before word k is safe when word k does not continue an entity (not an I- tag)
    safe = [k for k in range(1, len(words)) if tags[k] == 0 or tags[k] % 2 == 1]
    safe_set = set(safe)
    starts = [0]
    while n_tokens - starts[-1] > width:
        lo, hi = starts[-1], starts[-1] + width
        candidates = [k for k in range(len(words)) if lo < first_tokens[k] <= hi]
        pick = None
        for prefer_newline in (True, False):
            for k in reversed(candidates):
                if first_tokens[k] <= lo + width // 2:
                    break
                if k in safe_set and (
                    not prefer_newline or "\n" in text[words[k - 1][2] : words[k][1]]
                ):
                    pick = first_tokens[k]
                    break
            if pick is not None:
                break
        if pick is None:
            ok = [first_tokens[k] for k in candidates if k in safe_set]
            pick = ok[-1] if ok else (first_tokens[candidates[-1]] if candidates else hi)
            if pick <= lo:
                pick = hi
        starts.append(pick)
    return starts


def encode(
    docs: Sequence[GoldDoc], tokenizer: Any, labels: LabelSet, max_length: int
) -> list[Chunk]:
    """Tokenize, label and chunk ``docs`` (chunks in document order)."""
    prefix, suffix = special_tokens(tokenizer)
    width = max_length - len(prefix) - len(suffix)
    if width < 2:
        raise InputError(f"max_length {max_length} leaves no room for tokens")
    chunks: list[Chunk] = []
    batch = 256
    for at in range(0, len(docs), batch):
        part = docs[at : at + batch]
        enc = tokenizer(
            [d.text for d in part], add_special_tokens=False, return_offsets_mapping=True
        )
        for j, doc in enumerate(part):
            ids = enc["input_ids"][j]
            offsets = [tuple(o) for o in enc["offset_mapping"][j]]
            words = word_ranges(offsets, enc.word_ids(j))
            tags = word_labels(words, doc.spans, labels)
            token_label = [IGNORE] * len(ids)
            for (first, _, _), tag in zip(words, tags, strict=True):
                token_label[first] = tag
            starts = _cut_points(doc.text, words, tags, len(ids), width)
            bounds = [*starts, len(ids)]
            k = 0
            for s, e in itertools.pairwise(bounds):
                held = []
                while k < len(words) and words[k][0] < e:
                    held.append((words[k][1], words[k][2]))
                    k += 1
                if e <= s:
                    continue
                chunks.append(
                    Chunk(
                        doc=at + j,
                        input_ids=tuple(prefix + list(ids[s:e]) + suffix),
                        labels=tuple(
                            [IGNORE] * len(prefix) + token_label[s:e] + [IGNORE] * len(suffix)
                        ),
                        words=tuple(held),
                    )
                )
    return chunks


@dataclass(frozen=True, order=True)
class PredSpan:
    """A decoded span (``start``, ``end``, ``label``), evaluable like a Span."""

    start: int
    end: int
    label: str


def decode_words(
    text: str,
    words: Sequence[tuple[int, int]],
    label_ids: Sequence[int],
    labels: LabelSet,
    *,
    merge_adjacent: bool = True,
) -> list[PredSpan]:
    """Character spans from per-word label ids.

    With ``merge_adjacent`` (the recognizer's default) words of one type separated by nothing,
    whitespace, a hyphen or an apostrophe form one span whatever their B-/I- prefix; without it
    a ``B-`` label always starts a new span.
    """
    out: list[PredSpan] = []
    current: list[Any] | None = None
    for (start, end), label_id in zip(words, label_ids, strict=True):
        kind = labels.type_of(int(label_id))
        if kind is None or end <= start:
            if current:
                out.append(PredSpan(*current))
            current = None
            continue
        joins = merge_adjacent or int(label_id) % 2 == 0  # an I- label continues
        if (
            current
            and joins
            and current[2] == kind
            and (start <= current[1] or _JOIN_GAP.fullmatch(text, current[1], start))
        ):
            current[1] = max(current[1], end)
            continue
        if current:
            out.append(PredSpan(*current))
        current = [start, end, kind]
    if current:
        out.append(PredSpan(*current))
    return out


def restrict(docs: Sequence[GoldDoc], label_map: Mapping[str, str | None] | None) -> list[GoldDoc]:
    """``docs`` with labels mapped (``None`` drops a span); without a map, unchanged."""
    if not label_map:
        return list(docs)
    out = []
    for d in docs:
        spans = []
        for s in d.spans:
            target = label_map.get(s.label, s.label)
            if target:
                spans.append(GoldSpan(s.start, s.end, target, s.group, s.field))
        out.append(GoldDoc(d.id, d.text, tuple(sorted(spans)), d.meta))
    return out
