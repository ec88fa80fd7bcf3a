"""--column-type: values of a named CSV column / JSON field taken whole as one entity."""

from __future__ import annotations

import pytest

from redactor.document import Document
from redactor.errors import InputError
from redactor.policy import load_policy
from redactor.redact import Redacted
from redactor.transform.columns import column_of, parse_column_types, redact_whole, typed_result

HIPAA = load_policy("hipaa")


def test_parse_column_types() -> None:
    assert parse_column_types(["zip=ZIP_CODE", " name = PERSON ", "a=b=PERSON"]) == {
        "zip": "ZIP_CODE", "name": "PERSON", "a=b": "PERSON"}  # fmt: skip


def test_every_bad_column_type_is_reported_at_once() -> None:
    with pytest.raises(InputError) as err:
        parse_column_types(["zip=ZIPCODE", "nocolumn", "=PERSON", "ok=PERSON"])
    message = err.value.message
    assert "did you mean 'ZIP_CODE'" in message
    assert "'nocolumn': expected COLUMN=ENTITY_TYPE" in message and "'=PERSON'" in message


@pytest.mark.parametrize(
    ("meta", "column"),
    [({"column": "zip"}, "zip"), ({"field": "user.name"}, "user.name"), ({}, None),
     ({"field": ""}, None)],
)
def test_column_of(meta: dict, column: str | None) -> None:
    assert column_of(Document("d", "x", meta)) == column


@pytest.mark.parametrize(
    ("text", "label", "expected"),
    [(" 02446 ", "ZIP_CODE", " 024** "), ("Ana Souza", "PERSON", "[PERSON]"),
     ("  ", "PERSON", "  "), ("02/14/1941", "DATE", "1941")],
)
def test_redact_whole_applies_the_policys_rule(text: str, label: str, expected: str) -> None:
    result = redact_whole(text, label, HIPAA, None, None)
    assert result.text == expected
    assert all(r.label == label and r.source == "column_type" for r in result.replacements)


def test_only_typed_columns_change() -> None:
    detected = Redacted("02446", (), ())
    zip_doc = Document("f:1:zip", "02446", {"column": "zip"})
    other = Document("f:1:amount", "02446", {"column": "amount"})
    types = {"zip": "ZIP_CODE"}
    assert typed_result(zip_doc, detected, types, HIPAA, None, None).text == "024**"
    assert typed_result(other, detected, types, HIPAA, None, None) is detected
