"""benchmarks/presidio_sentences.py: Presidio's sentence set, the same on every day."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.fakes import script_module

from .test_written import ROOT

SCRIPT = ROOT / "benchmarks" / "presidio_sentences.py"


def test_the_set_does_not_change_with_todays_date(monkeypatch: pytest.MonkeyPatch) -> None:
    import faker.providers.date_time as provider

    with script_module("presidio_sentences", SCRIPT) as module:
        today = [(d.text, d.spans) for d in module.sentences(200)]

        class Later(datetime):
            @classmethod
            def now(cls, tz=None):  # type: ignore[no-untyped-def, override]
                return datetime(2031, 6, 1, tzinfo=tz)

            @classmethod
            def today(cls):  # type: ignore[no-untyped-def, override]
                return datetime(2031, 6, 1)

        monkeypatch.setattr(provider, "datetime", Later)
        assert [(d.text, d.spans) for d in module.sentences(200)] == today

