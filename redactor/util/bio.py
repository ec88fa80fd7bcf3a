"""Entity tags of token-classification schemes (BIO / IOB2, BIOES, BILOU): one tag split.

Model outputs (:mod:`redactor.detect.hf_ner`), base-model heads (:mod:`redactor.training.trainer`)
and CoNLL gold files (:mod:`redactor.quality.evaluate`) all read tags through
:func:`split_tag`.
"""

from __future__ import annotations

#: Prefixes a tag may carry: Begin, Inside, End, Single (BIOES) and Last, Unit (BILOU).
PREFIXES = frozenset("BIESLU")


def split_tag(tag: str) -> tuple[str, str]:
    """``"B-PER"`` -> ``("B", "PER")``; ``"O"`` (or ``""``) -> ``("O", "")``; a tag without a
    scheme prefix is all type: ``"PER"`` -> ``("", "PER")``, ``"B-"`` -> ``("", "B-")``."""
    if tag in ("O", ""):
        return "O", ""
    prefix, _, kind = tag.partition("-")
    return (prefix, kind) if kind and prefix in PREFIXES else ("", tag)
