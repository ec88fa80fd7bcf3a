"""A tiny BERT token classifier written by the tests: a vocabulary, a config, no download."""

from __future__ import annotations

import string
from pathlib import Path

import pytest

transformers = pytest.importorskip("transformers")

#: Every lower-case letter and digit as a word and as a continuation piece, punctuation, and a
#: few whole words, so any English-ish text tokenizes without [UNK].
WORDS = (
    "the",
    "and",
    "dr",
    "mr",
    "ms",
    "patient",
    "seen",
    "on",
    "at",
    "in",
    "was",
    "is",
    "call",
    "date",
    "name",
    "smith",
    "mary",
    "ann",
    "lee",
    "nguyen",
)


def write_tiny_base(
    folder: Path,
    *,
    num_labels: int | None = None,
    id2label: dict[int, str] | None = None,
    weights: bool = False,
) -> Path:
    """config.json + tokenizer files (and, with ``weights``, random weights) in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    vocab += list(string.ascii_lowercase + string.digits) + list(string.punctuation)
    vocab += ["##" + c for c in string.ascii_lowercase + string.digits] + list(WORDS)
    (folder / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    tokenizer = transformers.BertTokenizer(str(folder / "vocab.txt"), do_lower_case=True)
    tokenizer.save_pretrained(folder)
    config = transformers.BertConfig(
        vocab_size=len(vocab),
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=128,
    )
    if id2label is not None:
        config.id2label = id2label
        config.label2id = {v: k for k, v in id2label.items()}
    elif num_labels is not None:
        config.num_labels = num_labels
    config.save_pretrained(folder)
    if weights:
        transformers.set_seed(0)
        model = transformers.BertForTokenClassification(config)
        model.save_pretrained(folder)
    return folder


@pytest.fixture(name="write_tiny_base")
def write_tiny_base_fixture():
    """:func:`write_tiny_base`, for tests that need a base of their own."""
    return write_tiny_base


@pytest.fixture(scope="session")
def tiny_base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with a tiny BERT config and tokenizer, no weights (random initialisation)."""
    return write_tiny_base(tmp_path_factory.mktemp("tiny-base"))


@pytest.fixture(scope="session")
def tiny_tokenizer(tiny_base: Path) -> object:
    """The fast tokenizer of :func:`tiny_base`."""
    return transformers.AutoTokenizer.from_pretrained(tiny_base)
