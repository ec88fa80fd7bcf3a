"""The one accent folding, and the spellings each of its users keeps."""

from __future__ import annotations

import pytest

from redactor.util import accents
from redactor.util.accents import AE, LIGATURES, fold


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Nguyễn", "Nguyen"), ("Yılmaz", "Yilmaz"), ("Łódź", "Lodz"), ("Straße", "Strasse"),
     ("Søren", "Soren"), ("İstanbul", "Istanbul"), ("Đặng", "Dang"), ("Ærø", "Æro"),
     ("cœur", "cœur"), ("plain", "plain")],
)
def test_fold_without_extras(text: str, expected: str) -> None:
    assert fold(text) == expected


def test_extra_letters_are_written_out() -> None:
    assert fold("Ærø", AE) == "AEro"
    assert fold("Æbelø cœur Œuvre", LIGATURES) == "AEbelo coeur OEuvre"
    assert fold("cœur", AE) == "cœur"


def test_compose_false_leaves_the_text_decomposed() -> None:
    assert fold("한") == "한"
    assert fold("한", compose=False) != "한"
    assert fold("Müller", compose=False) == "Muller"


def test_the_three_users_keep_their_own_spellings() -> None:
    from redactor.detect.name_lists import fold as names_fold
    from redactor.quality.origins import fold as audit_fold
    from redactor.training.origins import fold as training_fold

    assert (audit_fold("Ærø"), training_fold("Ærø"), names_fold("Ærø")) == ("Æro", "AEro", "AEro")
    assert (audit_fold("œ"), training_fold("œ"), names_fold("œ")) == ("œ", "œ", "oe")
    assert names_fold("한") == fold("한", compose=False)
    assert accents.PLAIN["ß"] == "ss"


def test_plain_false_keeps_the_letters_unicode_does_not_decompose() -> None:
    assert fold("Łódź Søren", plain=False) == "Łodz Søren"
    assert fold("Łódź", LIGATURES, plain=False) == "Łodz"
