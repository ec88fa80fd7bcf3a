"""Texts with no letter or digit skip the detectors: unchanged out, no recognizer call."""

from __future__ import annotations

import io
from collections.abc import Sequence

import pytest

from redactor.detect.engine import Engine
from redactor.document import Document
from redactor.formats.base import FormatOptions, Record
from redactor.pipeline.config import RunConfig
from redactor.pipeline.records import redact_stream
from redactor.pipeline.skipping import (
    engine_may_skip,
    may_hold_identifier,
    skipping_applies,
    to_detect,
)
from redactor.policy import Policy
from redactor.runlog import FilePart
from redactor.span import Span

POLICY = {"name": "t", "detectors": {"patterns": True, "names": False, "places": False},
          "entities": {"PERSON": {"action": "redact"}}}  # fmt: skip


@pytest.mark.parametrize("text, expected", [
    ("", False), ("   ", False), ("---", False), ("::", False), ("@", False), ("* * *", False),
    ("\u200b\u200b", False), ("😀 ☎ •", False), ("(   )   -    ", False), ("__", False),
    ("a", True), ("7", True), ("-- x --", True), ("Ana", True), ("é", True), ("٣", True),
    ("王", True), ("１２３", True),
    ("ⓙⓞⓗⓝ", True),  # not letters as written, letters after NFKC: detected as usual
    ("①", True),
])  # fmt: skip
def test_may_hold_identifier(text: str, expected: bool) -> None:
    assert may_hold_identifier(text) is expected


def test_to_detect_keeps_order_and_can_be_switched_off() -> None:
    texts = ["a", "--", "", "b 1", "::"]
    assert to_detect(texts) == [0, 3]
    assert to_detect(texts, enabled=False) == [0, 1, 2, 3, 4]


def test_skipping_fails_closed_for_own_recognizers_and_symbol_deny_terms() -> None:
    assert skipping_applies(Policy.from_mapping(POLICY))
    deny = {**POLICY, "deny": {"PERSON": ["Ana Souza"]}}
    assert skipping_applies(Policy.from_mapping(deny))
    symbols = {**POLICY, "deny": {"PERSON": ["Ana", "***"]}}
    assert not skipping_applies(Policy.from_mapping(symbols))
    own = {**POLICY, "recognizers": [{"type": "regex", "name": "colons", "label": "PERSON",
                                      "pattern": "::"}]}  # fmt: skip
    assert not skipping_applies(Policy.from_mapping(own))


class Counting:
    """A recognizer that records every text it is given and finds 'Ana'."""

    name = "counting"

    def __init__(self) -> None:
        self.seen: list[str] = []
        self.calls = 0

    def detect(self, texts: Sequence[str]) -> list[list[Span]]:
        self.calls += 1
        self.seen.extend(texts)
        return [[Span(t.index("Ana"), t.index("Ana") + 3, "PERSON", 0.9, "counting")]
                if "Ana" in t else [] for t in texts]  # fmt: skip


def _run(texts: list[str], engine: Engine) -> str:
    records = [Record((Document(f"{i}", text),), lambda new, i=i: new[f"{i}"] + "\n")
               for i, text in enumerate(texts)]  # fmt: skip
    out = io.StringIO()
    part = FilePart("f", "", "")
    redact_stream(records, out, engine, None, part,
                  RunConfig(policy="t", input="i", output="o", options=FormatOptions(),
                            batch_records=4))  # fmt: skip
    assert part.documents == len(texts)
    return out.getvalue()


def _engine(recognizer: Counting) -> Engine:
    # the policy names one recognizer (patterns) and the engine runs one: as built from it
    return Engine(Policy.from_mapping(POLICY), [recognizer])  # type: ignore[list-item]


def test_texts_without_letters_or_digits_come_out_unchanged_and_cost_no_call() -> None:
    counting = Counting()
    engine = _engine(counting)
    assert engine_may_skip(engine)
    texts = ["---", "Seen by Ana", "", "  ::  ", "* * *", "Ana 2", "😀", "\u200b"]
    out = _run(texts, engine)
    assert out.splitlines() == ["---", "Seen by [PERSON]", "", "  ::  ", "* * *", "[PERSON] 2",
                                "😀", "\u200b"]  # fmt: skip
    assert counting.seen == ["Seen by Ana", "Ana 2"]
    assert counting.calls == 2  # batches of 4 records: one call each


def test_a_batch_with_nothing_to_detect_makes_no_call() -> None:
    counting = Counting()
    out = _run(["--", "", "::", "***"], _engine(counting))
    assert out == "--\n\n::\n***\n"
    assert counting.calls == 0


def test_an_engine_with_recognizers_from_python_detects_every_text() -> None:
    counting, other = Counting(), Counting()
    engine = Engine(Policy.from_mapping(POLICY), [counting, other])  # type: ignore[list-item]
    assert not engine_may_skip(engine)
    _run(["--", "Ana"], engine)
    assert counting.seen == ["--", "Ana"]
