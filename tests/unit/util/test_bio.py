"""The one split of a BIO / BIOES / BILOU tag (model labels, base heads, CoNLL files)."""

from __future__ import annotations

import pytest

from redactor.util.bio import split_tag


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("O", ("O", "")),
        ("", ("O", "")),
        ("B-PER", ("B", "PER")),
        ("I-GIVEN_NAME", ("I", "GIVEN_NAME")),
        ("E-LOC", ("E", "LOC")),
        ("S-LOC", ("S", "LOC")),
        ("L-ORG", ("L", "ORG")),
        ("U-ORG", ("U", "ORG")),
        ("B-I-X", ("B", "I-X")),  # the type keeps its own hyphens
        ("PER", ("", "PER")),  # no scheme prefix: all type
        ("B-", ("", "B-")),  # a prefix without a type is no prefix
        ("X-PER", ("", "X-PER")),
        ("BB-PER", ("", "BB-PER")),
    ],
)
def test_split_tag(tag: str, expected: tuple[str, str]) -> None:
    assert split_tag(tag) == expected
