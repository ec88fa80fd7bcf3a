"""benchmarks/review_loop.py's model route: a fine-tuned model's spans replace only the
transformer's among the cached raw spans, in the engine's recognizer order."""

from pathlib import Path

import pytest
from fakes import script_module

from redactor.span import Span

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def review_loop():
    with script_module("review_loop", ROOT / "benchmarks" / "review_loop.py") as module:
        yield module


def _parts():
    pattern = Span(0, 3, "DATE", 1.0, "patterns")
    spacy = Span(4, 8, "PERSON", 0.8, "spacy")
    old = Span(4, 8, "LOCATION", 0.6, "hf_ner")
    deny = Span(9, 12, "PERSON", 1.0, "deny_list")
    kinds = ["patterns", "spacy", "transformer", "deny_list"]
    return (kinds, {"a text": [[pattern], [spacy], [old], [deny]], "b": [[], [], [], []]}), (
        pattern, spacy, old, deny)


def test_compose_without_a_new_model_is_every_recognizers_spans_in_order(review_loop):
    parts, (pattern, spacy, old, deny) = _parts()
    assert review_loop.ModelRoute.compose(parts) == {"a text": [pattern, spacy, old, deny],
                                                     "b": []}


def test_compose_replaces_only_the_transformers_spans(review_loop):
    parts, (pattern, spacy, _old, deny) = _parts()
    new = Span(4, 8, "PERSON", 0.9, "hf_ner")
    out = review_loop.ModelRoute.compose(parts, {"a text": [new], "b": []})
    assert out["a text"] == [pattern, spacy, new, deny]
    assert out["b"] == []
