"""spaCy's greedy NER decisions, taken in a few array operations instead of a step per token.

spaCy's entity recognizer (``EntityRecognizer``, greedy, ``nr_feature`` 3) reads a document
one token per transition. At each token it scores every move (``B``/``I``/``L``/``U`` of each
label, and ``O``) from three tokens' precomputed features, asks each of the 74 moves whether it
is valid, and takes the best valid one. On 2,000 benchmark documents the validity checks and
the loop around them took more than half of spaCy's NER time, for decisions that are simple:

- outside an entity, the features are the current token and two padding vectors, so the scores
  of every token read outside an entity are computed at once, and only the tokens whose best
  move opens an entity that goes on (``B``) need more;
- inside an entity only two moves are valid, ``I`` and ``L`` of the open label, so each further
  token of an entity compares two scores.

The sums, the maxout and the output layer are the ones spaCy's ``predict_states`` does, in the
same order and with the same ``blis`` matrix product, so the decisions are the same ones, bit
for bit: the tests compare them with spaCy's own on real and odd texts, and the benchmark's
2,000 documents gave the same 27,368 entities. A pipe this module cannot mirror (beam search,
another feature set, moves it does not know, entities set before the NER) is left to spaCy:
:meth:`GreedyEntityDecoder.from_pipe` returns None, or :meth:`entities` returns None for a batch.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

_KINDS = {"B": 1, "I": 2, "L": 3, "U": 4, "O": 5}
_BEGIN, _IN, _LAST, _UNIT, _OUT = 1, 2, 3, 4, 5

Entity = tuple[int, int, str]
"""``(first token, end token, label)``, as spaCy's ``Span(doc, start, end, label)``."""


def continues(score_in: float, score_last: float, in_first: bool) -> bool:
    """Whether ``I`` beats ``L`` as spaCy's ``arg_max_if_valid`` picks: the first of equal
    scores wins, so a tie goes to the move with the lower class index."""
    return score_in >= score_last if in_first else score_in > score_last


@dataclass(frozen=True)
class GreedyEntityDecoder:
    """The moves and weights of one greedy spaCy NER pipe; :meth:`entities` decodes docs."""

    pipe: Any
    kinds: np.ndarray  # per class: _BEGIN.._OUT
    labels: tuple[str, ...]  # per class: the entity label ('' for O and the blocked U)
    in_class: dict[str, int]
    last_class: dict[str, int]
    begin_classes: np.ndarray  # bool per class: B of a label
    unit_classes: np.ndarray  # bool per class: U of a label (not the blocked U without one)
    out_classes: np.ndarray  # bool per class: O

    @classmethod
    def from_pipe(cls, pipe: Any) -> GreedyEntityDecoder | None:
        """A decoder for ``pipe``, or None where its decisions are not the ones mirrored here."""
        try:
            from thinc.api import NumpyOps
        except ImportError:  # pragma: no cover - spaCy always brings thinc
            return None
        model = getattr(pipe, "model", None)
        moves = getattr(pipe, "moves", None)
        cfg = getattr(pipe, "cfg", {})
        if model is None or moves is None or cfg.get("beam_width", 1) != 1:
            return None
        if type(moves).__name__ != "BiluoPushDown" or len(model.layers) != 3:
            return None
        if not model.attrs.get("has_upper") or model.attrs.get("unseen_classes"):
            return None
        lower = model.layers[1]
        if lower.name != "precomputable_affine" or lower.get_dim("nF") != 3:
            return None
        if not all(isinstance(node.ops, NumpyOps) for node in model.walk()):
            return None
        names = [moves.get_class_name(i) for i in range(moves.n_moves)]
        if any(name[:1] not in _KINDS or (len(name) > 1 and name[1] != "-") for name in names):
            return None
        kinds = np.array([_KINDS[name[0]] for name in names])
        labels = tuple(name[2:] for name in names)
        in_class = {labels[c]: c for c in range(len(names)) if kinds[c] == _IN}
        last_class = {labels[c]: c for c in range(len(names)) if kinds[c] == _LAST}
        opening = [labels[c] for c in range(len(names)) if kinds[c] == _BEGIN]
        if any(label not in in_class or label not in last_class for label in opening):
            return None
        named = np.array([bool(label) for label in labels])
        return cls(pipe, kinds, labels, in_class, last_class, (kinds == _BEGIN) & named,
                   (kinds == _UNIT) & named, kinds == _OUT)

    def entities(self, docs: Sequence[Any]) -> list[list[Entity]] | None:
        """Each doc's entities, as spaCy's greedy parse would set them; None where a doc
        already has entity annotation (spaCy's preset-entity rules are not mirrored)."""
        from spacy.attrs import ENT_IOB, IS_SPACE, SENT_START

        columns = [doc.to_array([IS_SPACE, SENT_START, ENT_IOB]).reshape(len(doc), 3)
                   for doc in docs]  # fmt: skip
        if any(cols[:, 2].any() for cols in columns):
            return None
        if not any(len(doc) for doc in docs):
            return [[] for _ in docs]
        tok2vec, lower, upper = self.pipe.model.layers
        # row 0: the padding features of a missing token; row 1 + i: token i of the batch
        cached = lower.predict(tok2vec.predict(list(docs)))
        weights = _Weights(cached, lower.get_param("b"), upper.get_param("W"),
                           upper.get_param("b"))  # fmt: skip
        out: list[list[Entity]] = []
        first = 1
        for doc, cols in zip(docs, columns, strict=True):
            out.append(self._decode(weights, first, len(doc), cols))
            first += len(doc)
        return out

    def _decode(self, w: _Weights, first: int, n: int, cols: np.ndarray) -> list[Entity]:
        if n == 0:
            return []
        space = cols[:, 0].astype(bool)
        next_starts = np.zeros(n, dtype=bool)  # token i + 1 starts a sentence
        next_starts[:-1] = cols[1:, 1] == 1
        rows = w.cached[first : first + n]
        # Outside an entity: the features are token i, then the padding of "no entity start"
        # and of "no previous entity token", added in spaCy's order.
        hidden = rows[:, 0] + w.cached[0, 1]
        hidden += w.cached[0, 2]
        scores = w.scores(hidden)
        valid = np.zeros(scores.shape, dtype=bool)
        # B needs a next token in the same sentence; neither B nor U starts on whitespace
        can_begin = (np.arange(n, 0, -1) >= 2) & ~space & ~next_starts
        valid[:, self.begin_classes] = can_begin[:, None]
        valid[:, self.unit_classes] = ~space[:, None]
        valid[:, self.out_classes] = True
        best = np.where(valid, scores, -np.inf).argmax(axis=1)
        entities: list[Entity] = []
        resume = 0
        for i in np.flatnonzero(self.kinds[best] != _OUT).tolist():
            if i < resume:
                continue
            move = int(best[i])
            label = self.labels[move]
            end = i + 1
            if self.kinds[move] == _BEGIN:
                end = self._extend(w, rows, i, label, n, next_starts)
            entities.append((i, end, label))
            resume = end
        return entities

    def _extend(self, w: _Weights, rows: np.ndarray, start: int, label: str, n: int,
                next_starts: np.ndarray) -> int:
        """The end of an entity opened at ``start``: token by token, ``I`` or ``L``."""
        in_class, last_class = self.in_class[label], self.last_class[label]
        i = start + 1
        while True:
            # features: token i, the entity's first token, the token before i
            hidden = rows[i, 0] + rows[start, 1]
            hidden += rows[i - 1, 2]
            scores = w.scores(hidden[None])[0]
            may_continue = n - i >= 2 and not (i + 1 < n and next_starts[i])
            if may_continue and continues(scores[in_class], scores[last_class],
                                          in_class < last_class):  # fmt: skip
                i += 1
                continue
            return i + 1


@dataclass(frozen=True)
class _Weights:
    cached: np.ndarray  # (1 + tokens, 3 features, hidden, pieces)
    bias: np.ndarray  # (hidden, pieces)
    out_w: np.ndarray  # (classes, hidden)
    out_b: np.ndarray  # (classes,)

    def scores(self, summed: np.ndarray) -> np.ndarray:
        """Class scores from summed features ``(n, hidden, pieces)``: bias, maxout, then the
        output layer with blis's product, as spaCy's ``predict_states``."""
        import blis.py

        summed += self.bias
        hidden = summed[..., 0].copy()  # maxout: pieces compared in place (max(axis) is slow
        for piece in range(1, summed.shape[-1]):  # over a last axis of two)
            np.maximum(hidden, summed[..., piece], out=hidden)
        scores = blis.py.gemm(hidden, self.out_w, trans2=True)
        scores += self.out_b
        return scores
