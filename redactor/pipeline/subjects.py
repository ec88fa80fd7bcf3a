"""Whose data a document holds: the subject that keys per-person state (date-shift offsets,
surrogates) and vault entries."""

from __future__ import annotations

import logging

from redactor.document import Document

log = logging.getLogger("redactor")


def subject_for(doc: Document, file: str, subject_field: str | None) -> str:
    """Whose dates a document holds: the value of ``subject_field`` in its record (JSON dotted
    path or CSV column) when given and present; else its record (file + row or line) for CSV,
    JSON Lines and JSON; else the document itself (a text file)."""
    record = doc.meta.get("record")
    if subject_field and record is not None:
        value: object = record
        for step in subject_field.split(".") if isinstance(record, (dict, list)) else ():
            if isinstance(value, dict) and step in value:
                value = value[step]
            elif isinstance(value, list) and step.isdigit() and int(step) < len(value):
                value = value[int(step)]
            else:
                value = None
                break
        if isinstance(record, dict) and subject_field in record:
            value = record[subject_field]  # a CSV column (or a JSON key with dots in it)
        if isinstance(value, (str, int, float)) and not isinstance(value, bool) and str(value):
            return f"subject:{str(value).strip()}"
        log.warning("no subject field %r in the record of %s; its record is the subject",
                    subject_field, doc.id)
    for where in ("row", "line"):
        if where in doc.meta and record is not None:
            return f"{file}:{where}:{doc.meta[where]}"
    return doc.id
