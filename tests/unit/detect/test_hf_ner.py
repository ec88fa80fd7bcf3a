"""TransformerRecognizer on a tiny hand-wired BERT (no download) and, if built, the Rampart model.

The tiny model's prediction for a token depends only on its input id (and, in the
"edge-poisoned" variant, on whether it sits at the first or last content position of a full
window): each word embedding is a one-hot-ish vector over the label dimensions, attention and
feed-forward outputs are zeroed, and the classifier is a scaled identity. The real tokenizer,
windowing, batching, stitching and aggregation code runs unchanged on top of it.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest

from redactor.detect.base import Recognizer
from redactor.detect.hf_ner import (
    LABEL_MAP_FILE,
    TransformerRecognizer,
    pack_batches,
    plan_windows,
    resolve_device,
)
from redactor.errors import ModelError

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")
hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

os.environ.setdefault("HF_HUB_OFFLINE", "1")

LABELS = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]
LABEL_MAP = {"PER": "PERSON", "LOC": "LOCATION", "MISC": None}
HIDDEN = 16
#: wordpiece -> {label: weight}; the embedding is sum(weight * one_hot(label)).
PIECES: dict[str, dict[str, float]] = {
    "john": {"B-PER": 1.0},
    "smith": {"B-PER": 1.0},
    "mary": {"B-PER": 1.0},
    "ann": {"I-PER": 1.0, "B-PER": 0.7},  # a continuation, less sure than "mary"
    "o": {"B-PER": 1.0},
    "brien": {"B-PER": 1.0},
    "##son": {"O": 1.0, "B-PER": 0.6},  # "johnson": first piece decides under "first"
    "ton": {"O": 1.0, "B-PER": 0.5},  # "tonny": O under "first", PER under "max"
    "##ny": {"B-PER": 1.0},
    "paris": {"B-LOC": 1.0},
    "berlin": {"B-LOC": 1.0},
    "acme": {"B-MISC": 1.0},  # mapped to None: dropped
}
FILLERS = ["the", "a", "and", "saw", "met", "in", "with", "today", "x", "we", "it", "is"]
PUNCT = [".", ",", "-", "'", "@", "(", ")"]
SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
EDGE_MAX_LENGTH = 10  # the poisoned model mislabels content positions 1 and 8 of such windows


def _write_model(folder: Path, *, labels: list[str] = LABELS, poison_edges: bool = False) -> Path:
    """Save the tiny BERT with tokenizer and label map into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    vocab = SPECIALS + FILLERS + PUNCT + list(PIECES)
    (folder / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors

    backend = Tokenizer(
        models.WordPiece(vocab={w: i for i, w in enumerate(vocab)}, unk_token="[UNK]")
    )
    backend.normalizer = normalizers.BertNormalizer(lowercase=True)
    backend.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    backend.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]",
        pair="[CLS] $A [SEP] $B:1 [SEP]:1",
        special_tokens=[("[CLS]", vocab.index("[CLS]")), ("[SEP]", vocab.index("[SEP]"))],
    )
    tokenizer = transformers.PreTrainedTokenizerFast(
        tokenizer_object=backend,
        unk_token="[UNK]",
        pad_token="[PAD]",
        cls_token="[CLS]",
        sep_token="[SEP]",
        mask_token="[MASK]",
    )
    tokenizer.save_pretrained(folder)
    config = transformers.BertConfig(
        vocab_size=len(vocab),
        hidden_size=HIDDEN,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=8,
        max_position_embeddings=64,
        id2label=dict(enumerate(labels)),
        label2id={lab: i for i, lab in enumerate(labels)},
    )
    model = transformers.BertForTokenClassification(config).eval()
    index = {lab: i for i, lab in enumerate(labels)}
    with torch.no_grad():
        emb = torch.zeros(len(vocab), HIDDEN)
        emb[:, index["O"]] = 1.0
        for piece, weights in PIECES.items():
            row = vocab.index(piece)
            emb[row] = 0.0
            for lab, weight in weights.items():
                emb[row, index[lab]] = weight
        model.bert.embeddings.word_embeddings.weight.copy_(emb)
        model.bert.embeddings.position_embeddings.weight.zero_()
        model.bert.embeddings.token_type_embeddings.weight.zero_()
        if poison_edges:
            for position in (1, EDGE_MAX_LENGTH - 2):
                model.bert.embeddings.position_embeddings.weight[position, index["O"]] = 20.0
        layer = model.bert.encoder.layer[0]
        for linear in (layer.attention.output.dense, layer.output.dense):
            linear.weight.zero_()
            linear.bias.zero_()
        classifier = torch.zeros(len(labels), HIDDEN)
        classifier[:, : len(labels)] = torch.eye(len(labels)) * 3.0
        model.classifier.weight.copy_(classifier)
        model.classifier.bias.zero_()
    model.save_pretrained(folder)
    (folder / LABEL_MAP_FILE).write_text(json.dumps(LABEL_MAP), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def tiny_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write_model(tmp_path_factory.mktemp("tiny") / "model")


@pytest.fixture(scope="module")
def poisoned_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write_model(tmp_path_factory.mktemp("poisoned") / "model", poison_edges=True)


@pytest.fixture(scope="module")
def tiny(tiny_dir: Path) -> TransformerRecognizer:
    recognizer = TransformerRecognizer(tiny_dir, LABEL_MAP)
    recognizer.load()
    return recognizer


def _found(text: str, spans: list) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.label) for s in spans]


def _key(spans: list) -> list[tuple[int, int, str]]:
    return [(s.start, s.end, s.label) for s in spans]


# --------------------------------------------------------------------------- pure helpers


@pytest.mark.parametrize(
    ("device", "available", "count", "expected"),
    [
        ("auto", False, 0, "cpu"),
        ("auto", True, 1, "cuda"),
        ("cpu", True, 1, "cpu"),
        ("cuda", True, 1, "cuda"),
        ("cuda:1", True, 2, "cuda:1"),
        ("cuda", False, 0, ModelError),
        ("cuda:1", True, 1, ModelError),
        ("gpu", True, 1, ModelError),
    ],
)
def test_resolve_device(device: str, available: bool, count: int, expected: object) -> None:
    if expected is ModelError:
        with pytest.raises(ModelError):
            resolve_device(device, available, count)
    else:
        assert resolve_device(device, available, count) == expected


@given(
    n=st.integers(0, 300),
    width=st.integers(1, 40),
    stride=st.integers(0, 39),
)
@settings(max_examples=300, deadline=None)
def test_plan_windows_partition_and_prefer_the_middle(n: int, width: int, stride: int) -> None:
    if stride >= width:
        stride = width - 1
    windows = plan_windows(n, width, stride)
    if n == 0:
        assert windows == []
        return
    assert windows[0][0] == 0 and windows[-1][1] == n
    owned = []
    for start, end, own_start, own_end in windows:
        assert 0 <= start < end <= n and end - start <= width
        assert start <= own_start <= own_end <= end
        owned.extend(range(own_start, own_end))
    assert owned == list(range(n))  # every token owned exactly once, in order
    if len(windows) > 1:  # as few windows as possible, all of one length
        assert (len(windows) - 1) * (width - stride) + stride < n
        assert len({end - start for start, end, _, _ in windows}) == 1
    for index, (start, end, own_start, own_end) in enumerate(windows):
        if index:  # consecutive windows overlap by at least the stride
            assert windows[index - 1][1] - start >= stride
        for token in range(own_start, own_end):
            margin = min(token - start, end - 1 - token)
            best = max(min(token - s, e - 1 - token) for s, e, _, _ in windows if s <= token < e)
            assert margin == best


@given(st.lists(st.integers(1, 50), max_size=40), st.integers(1, 200))
@settings(max_examples=200, deadline=None)
def test_pack_batches_respects_the_token_budget(lengths: list[int], budget: int) -> None:
    batches = pack_batches(lengths, budget)
    assert sorted(i for batch in batches for i in batch) == list(range(len(lengths)))
    flat = [lengths[i] for batch in batches for i in batch]
    assert flat == sorted(flat, reverse=True)  # longest first, so padding stays small
    for batch in batches:
        assert len(batch) == 1 or len(batch) * lengths[batch[0]] <= budget


# --------------------------------------------------------------------------- construction


def _heavy_imports_after(code: str) -> list[str]:
    """Which of torch and transformers a fresh interpreter has imported after ``code``."""
    code = ("import sys\nfrom redactor.detect.hf_ner import TransformerRecognizer\n" + code
            + "\nprint(' '.join(m for m in ('torch', 'transformers') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.split()


def test_construction_is_cheap_and_imports_no_torch(tmp_path: Path) -> None:
    code = (f"r = TransformerRecognizer({str(tmp_path / 'absent')!r}, {{'PER': 'PERSON'}})\n"
            "assert not r.loaded")
    assert _heavy_imports_after(code) == []


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"aggregation": "average"}, "aggregation"),
        ({"score": "max"}, "score"),
        ({"dtype": "int4"}, "dtype"),
        ({"quantize": "static"}, "quantize"),
        ({"device": "gpu0"}, "device"),
        ({"max_length": 2}, "max_length"),
        ({"stride": -1}, "stride"),
        ({"max_batch_tokens": 0}, "max_batch_tokens"),
        ({"label_map": {"PER": "HUMAN"}}, "PER->HUMAN"),
    ],
)
def test_bad_options_fail_at_construction(options: dict, message: str) -> None:
    options = {"label_map": LABEL_MAP, **options}
    with pytest.raises(ModelError, match=message):
        TransformerRecognizer("unused", **options)


@pytest.mark.parametrize(
    "config",
    [
        {"model": "m", "device": "cpu", "batch_tokens": 512, "label_map": LABEL_MAP},
        SimpleNamespace(model="m", device="cpu", batch_tokens=512, label_map=LABEL_MAP),
    ],
)
def test_from_config(config: object) -> None:
    recognizer = TransformerRecognizer.from_config(config)
    assert (recognizer.model, recognizer.device, recognizer.max_batch_tokens) == ("m", "cpu", 512)
    assert not recognizer.loaded


def test_from_config_rejects_unknown_options() -> None:
    with pytest.raises(ModelError, match="threshold"):
        TransformerRecognizer.from_config({"model": "m", "threshold": 0.5})


def test_satisfies_the_recognizer_protocol(tiny: TransformerRecognizer) -> None:
    assert isinstance(tiny, Recognizer)
    assert tiny.entity_types == {"PERSON", "LOCATION"}


# --------------------------------------------------------------------------- detection


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I met John Smith today.", [("John Smith", "PERSON")]),
        ("Mary-Ann is in Paris", [("Mary-Ann", "PERSON"), ("Paris", "LOCATION")]),
        ("O'Brien saw ACME in Berlin.", [("O'Brien", "PERSON"), ("Berlin", "LOCATION")]),
        ("we saw johnson and john", [("johnson", "PERSON"), ("john", "PERSON")]),
        ("John, Smith", [("John", "PERSON"), ("Smith", "PERSON")]),
        ("John - Smith", [("John", "PERSON"), ("Smith", "PERSON")]),
        ("john x smith", [("john", "PERSON"), ("smith", "PERSON")]),
        ("John\n  Smith", [("John\n  Smith", "PERSON")]),
        ("Paris John", [("Paris", "LOCATION"), ("John", "PERSON")]),
        ("the tonny saw it", []),
        ("ACME", []),
        ("", []),
        ("   ", []),
    ],
)
def test_detect_entities_with_exact_offsets(
    tiny: TransformerRecognizer, text: str, expected: list[tuple[str, str]]
) -> None:
    [spans] = tiny.detect([text])
    assert _found(text, spans) == expected
    for span in spans:
        assert 0.0 < span.score <= 1.0
        assert span.source.startswith("hf_ner:")


@pytest.mark.parametrize(
    ("aggregation", "text", "expected"),
    [
        ("first", "the johnson saw", [("johnson", "PERSON")]),
        ("max", "the johnson saw", [("johnson", "PERSON")]),
        ("first", "the tonny saw", []),
        ("max", "the tonny saw", [("tonny", "PERSON")]),
        ("max", "Tonny Smith", [("Tonny Smith", "PERSON")]),
    ],
)
def test_subword_aggregation_covers_whole_words(
    tiny_dir: Path, aggregation: str, text: str, expected: list[tuple[str, str]]
) -> None:
    recognizer = TransformerRecognizer(tiny_dir, LABEL_MAP, aggregation=aggregation)
    [spans] = recognizer.detect([text])
    assert _found(text, spans) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("John Smith", [("John", "PERSON"), ("Smith", "PERSON")]),  # B B: two entities
        ("Mary Ann", [("Mary Ann", "PERSON")]),  # B I: one entity
        ("Mary, Ann", [("Mary", "PERSON"), ("Ann", "PERSON")]),
    ],
)
def test_strict_bio_merging(tiny_dir: Path, text: str, expected: list) -> None:
    recognizer = TransformerRecognizer(tiny_dir, LABEL_MAP, merge_adjacent=False)
    [spans] = recognizer.detect([text])
    assert _found(text, spans) == expected


def test_min_score_is_at_most_mean_score(tiny_dir: Path) -> None:
    mean = TransformerRecognizer(tiny_dir, LABEL_MAP, score="mean").detect(["Mary Ann"])[0]
    low = TransformerRecognizer(tiny_dir, LABEL_MAP, score="min").detect(["Mary Ann"])[0]
    assert _key(mean) == _key(low) == [(0, 8, "PERSON")]
    assert low[0].score < mean[0].score <= 1.0  # "ann" is less certain than "mary"


def test_label_mapped_to_none_is_dropped_and_other_labels_renamed(tiny_dir: Path) -> None:
    keep_misc = TransformerRecognizer(tiny_dir, {**LABEL_MAP, "MISC": "ORGANIZATION"})
    [spans] = keep_misc.detect(["ACME in Paris"])
    assert _found("ACME in Paris", spans) == [("ACME", "ORGANIZATION"), ("Paris", "LOCATION")]
    drop_loc = TransformerRecognizer(tiny_dir, {**LABEL_MAP, "LOC": None})
    assert _found("ACME in Paris", drop_loc.detect(["ACME in Paris"])[0]) == []


def test_label_map_is_read_from_the_folder_when_not_given(tiny_dir: Path) -> None:
    [spans] = TransformerRecognizer(tiny_dir).detect(["John in Paris"])
    assert [s.label for s in spans] == ["PERSON", "LOCATION"]


def _sentence(words: list[str]) -> str:
    return " ".join(words)


ENTITY_TOKENS = {"John Smith": 2, "johnson": 2, "O'Brien": 3, "Mary-Ann": 3}


EDGE_CASES = [
    (stride, entity, lead)
    for stride in (2, 3, 4, 5)
    for entity, size in ENTITY_TOKENS.items()
    # three full windows: n = 3 * width - 2 * stride tokens; "the" before and after
    for lead in range(1, 3 * (EDGE_MAX_LENGTH - 2) - 2 * stride - size)
]


@pytest.mark.parametrize(("stride", "entity", "lead"), EDGE_CASES)
def test_entity_across_a_window_edge_is_found_once(
    poisoned_dir: Path, stride: int, entity: str, lead: int
) -> None:
    """Three full windows (so both poisoned edge positions are in play), entity slid across."""
    width = EDGE_MAX_LENGTH - 2
    n_tokens = 3 * width - 2 * stride
    assert [w[1] - w[0] for w in plan_windows(n_tokens, width, stride)] == [width] * 3
    trail = n_tokens - lead - ENTITY_TOKENS[entity]
    text = _sentence(["the"] * lead + [entity] + ["the"] * trail)
    start = text.index(entity)
    recognizer = TransformerRecognizer(
        poisoned_dir, LABEL_MAP, max_length=EDGE_MAX_LENGTH, stride=stride
    )
    [spans] = recognizer.detect([text])
    assert _key(spans) == [(start, start + len(entity), "PERSON")]


def test_edge_poison_is_real(poisoned_dir: Path) -> None:
    """Control: a token read at a window edge is lost; only the stitching saves it."""
    recognizer = TransformerRecognizer(poisoned_dir, LABEL_MAP, max_length=EDGE_MAX_LENGTH)
    assert recognizer.detect(["John the"])[0] == []  # first position of the only window
    assert recognizer.detect(["the " * 7 + "John"])[0] == []  # last position of a full one
    assert _found("the John", recognizer.detect(["the John"])[0]) == [("John", "PERSON")]


_WORDS = st.sampled_from(
    [
        "the",
        "a",
        "saw",
        "John",
        "Smith",
        "johnson",
        "tonny",
        "Mary",
        "Ann",
        "-",
        "'",
        ",",
        "Paris",
        "ACME",
        "O'Brien",
        "x",
    ]
)


@pytest.fixture(scope="module")
def window_pairs(poisoned_dir: Path, tiny_dir: Path) -> dict[int, tuple]:
    """stride -> (edge-poisoned model in 10-token windows, clean model in one 64-token window)."""
    return {
        stride: (
            TransformerRecognizer(
                poisoned_dir, LABEL_MAP, max_length=EDGE_MAX_LENGTH, stride=stride
            ),
            TransformerRecognizer(tiny_dir, LABEL_MAP, max_length=64, stride=stride),
        )
        for stride in range(2, 7)
    }


@given(middle=st.lists(_WORDS, min_size=0, max_size=40), stride=st.integers(2, 6))
@settings(max_examples=80, deadline=None)
def test_small_windows_agree_with_one_big_window(
    window_pairs: dict[int, tuple], middle: list[str], stride: int
) -> None:
    """Stitched windows of the edge-poisoned model == the clean model reading everything at once.

    A stride of at least 2 gives every token a window where it is not the outermost one.
    """
    text = _sentence(["the", *middle, "the"])
    small, big = window_pairs[stride]
    got, want = small.detect([text])[0], big.detect([text])[0]
    assert _key(got) == _key(want)
    assert [round(s.score, 4) for s in got] == [round(s.score, 4) for s in want]


def test_results_keep_input_order_across_batches(tiny_dir: Path) -> None:
    texts = [
        "John " + "the " * 30 + "Paris",
        "",
        "Mary",
        "the " * 5 + "Berlin and Smith",
        "   ",
        "a johnson",
        "the " * 70 + "O'Brien",
    ]
    recognizer = TransformerRecognizer(tiny_dir, LABEL_MAP, max_batch_tokens=40, stride=4)
    together = recognizer.detect(texts)
    alone = [recognizer.detect([t])[0] for t in texts]
    assert [_key(x) for x in together] == [_key(x) for x in alone]
    assert [_found(t, s) for t, s in zip(texts, together, strict=True)] == [
        [("John", "PERSON"), ("Paris", "LOCATION")],
        [],
        [("Mary", "PERSON")],
        [("Berlin", "LOCATION"), ("Smith", "PERSON")],
        [],
        [("johnson", "PERSON")],
        [("O'Brien", "PERSON")],
    ]


def test_detect_of_nothing_is_nothing(tiny: TransformerRecognizer) -> None:
    assert tiny.detect([]) == []


def test_inference_failure_is_a_model_error_without_text(tiny_dir: Path) -> None:
    recognizer = TransformerRecognizer(tiny_dir, LABEL_MAP)
    recognizer.load()
    secret = "Jane Roe 555-0100"

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError(f"cannot process {secret}")

    recognizer._state["model"] = boom  # type: ignore[index]
    with pytest.raises(ModelError) as caught:
        recognizer.detect([secret])
    assert secret not in str(caught.value) and "Jane" not in str(caught.value)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


# --------------------------------------------------------------------------- loading


def test_device_auto_is_cpu_here(tiny: TransformerRecognizer) -> None:
    expected = "cuda" if torch.cuda.is_available() else "cpu"
    assert tiny.runtime["device"] == expected


@pytest.mark.skipif(torch.cuda.is_available(), reason="needs a machine without CUDA")
def test_cuda_without_a_gpu_fails_closed(tiny_dir: Path) -> None:
    recognizer = TransformerRecognizer(tiny_dir, LABEL_MAP, device="cuda")
    with pytest.raises(ModelError, match="cuda"):
        recognizer.load()
    assert not recognizer.loaded


def test_quantize_needs_float32_cpu(tiny_dir: Path) -> None:
    with pytest.raises(ModelError, match="dynamic-int8"):
        TransformerRecognizer(
            tiny_dir, LABEL_MAP, device="cpu", dtype="bfloat16", quantize="dynamic-int8"
        ).load()


def test_dynamic_int8_gives_the_same_entities(tiny_dir: Path) -> None:
    texts = ["I met John Smith today.", "O'Brien in Berlin", "the johnson"]
    plain = TransformerRecognizer(tiny_dir, LABEL_MAP, device="cpu")
    quant = replace(plain, quantize="dynamic-int8")
    assert quant.runtime["quantize"] == "dynamic-int8"
    assert [_key(x) for x in quant.detect(texts)] == [_key(x) for x in plain.detect(texts)]


def test_dynamic_int8_runs_each_window_alone(tiny_dir: Path) -> None:
    """Activations are quantised per run: shared batches would make a text's spans depend on
    its neighbours, so each window runs alone."""
    texts = ["I met John Smith today.", "O'Brien in Berlin", "the johnson " * 40]
    quant = TransformerRecognizer(tiny_dir, LABEL_MAP, device="cpu", quantize="dynamic-int8")
    assert quant.runtime["max_batch_tokens"] == 1
    assert TransformerRecognizer(tiny_dir, LABEL_MAP, device="cpu").runtime["max_batch_tokens"] > 1
    alone = [quant.detect([t])[0] for t in texts]
    assert quant.detect(texts) == alone == quant.detect(texts[::-1])[::-1]


def _copy(src: Path, dst: Path) -> Path:
    dst.mkdir()
    for path in src.iterdir():
        (dst / path.name).write_bytes(path.read_bytes())
    return dst


def _corrupt_config(folder: Path) -> None:
    (folder / "config.json").write_text("{not json", encoding="utf-8")


def _corrupt_weights(folder: Path) -> None:
    (folder / "model.safetensors").write_bytes(b"\x00garbage" * 10)


def _truncate_weights(folder: Path) -> None:
    data = (folder / "model.safetensors").read_bytes()
    (folder / "model.safetensors").write_bytes(data[: len(data) // 2])


def _drop_classifier(folder: Path) -> None:
    from safetensors.torch import load_file, save_file

    tensors = load_file(folder / "model.safetensors")
    save_file(
        {k: v for k, v in tensors.items() if not k.startswith("classifier.")},
        folder / "model.safetensors",
        metadata={"format": "pt"},
    )


def _remove(*names: str):
    def apply(folder: Path) -> None:
        for name in names:
            (folder / name).unlink()

    return apply


def _bad_label_map_file(folder: Path) -> None:
    (folder / LABEL_MAP_FILE).write_text('["PER"]', encoding="utf-8")


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (_corrupt_config, "cannot load model"),
        (_corrupt_weights, "cannot load model"),
        (_truncate_weights, "cannot load model"),
        (_drop_classifier, "classifier"),
        (_remove("model.safetensors"), "no weights"),
        (_remove("config.json"), "no config.json"),
        (_remove("tokenizer.json", "vocab.txt"), "no tokenizer files"),
        (_bad_label_map_file, LABEL_MAP_FILE),
        (_remove(LABEL_MAP_FILE), "no label_map given"),
    ],
)
def test_damaged_model_folder_fails_closed(
    tiny_dir: Path, tmp_path: Path, damage, message: str
) -> None:
    folder = _copy(tiny_dir, tmp_path / "model")
    damage(folder)
    recognizer = TransformerRecognizer(folder)  # label map from the folder
    with pytest.raises(ModelError, match=message):
        recognizer.detect(["John Smith"])
    assert not recognizer.loaded


@pytest.mark.parametrize("kind", ["missing", "file"])
def test_missing_model_folder_fails_closed(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "model"
    if kind == "file":
        path.write_text("x", encoding="utf-8")
    with pytest.raises(ModelError, match=str(path)):
        TransformerRecognizer(path, LABEL_MAP).load()


def test_label_map_must_cover_every_model_label(tmp_path: Path) -> None:
    folder = _write_model(tmp_path / "model", labels=[*LABELS, "B-DATE", "I-DATE"])
    with pytest.raises(ModelError, match=r"\['DATE'\]"):
        TransformerRecognizer(folder, LABEL_MAP).load()
    covered = TransformerRecognizer(folder, {**LABEL_MAP, "DATE": None})
    assert covered.detect(["John"])[0][0].label == "PERSON"


@pytest.mark.parametrize(
    ("options", "message"),
    [({"max_length": 65}, "exceeds"), ({"max_length": 6, "stride": 4}, "stride")],
)
def test_window_options_checked_against_the_model(
    tiny_dir: Path, options: dict, message: str
) -> None:
    with pytest.raises(ModelError, match=message):
        TransformerRecognizer(tiny_dir, LABEL_MAP, **options).load()


def test_model_version_names_folder_and_content(tiny_dir: Path, tmp_path: Path) -> None:
    first = TransformerRecognizer(tiny_dir, LABEL_MAP).model_version
    assert first == TransformerRecognizer(tiny_dir, LABEL_MAP).model_version
    assert first.startswith("model@") and len(first.split("@")[1]) == 12
    changed = _copy(tiny_dir, tmp_path / "model")
    (changed / LABEL_MAP_FILE).write_text(json.dumps({**LABEL_MAP, "MISC": "NRP"}))
    assert TransformerRecognizer(changed, LABEL_MAP).model_version != first


def test_pickle_ships_configuration_only(tiny: TransformerRecognizer) -> None:
    clone = pickle.loads(pickle.dumps(tiny))
    assert not clone.loaded and clone == tiny
    text = "John Smith in Paris"
    assert _key(clone.detect([text])[0]) == _key(tiny.detect([text])[0])


# --------------------------------------------------------------------------- the real model

MODEL_DIR = Path(
    os.environ.get(
        "REDACTOR_RAMPART_DIR", Path(__file__).resolve().parents[3] / "models" / "rampart-bert"
    )
)
needs_model = pytest.mark.skipif(
    not (MODEL_DIR / "config.json").is_file(),
    reason=f"Rampart model folder {MODEL_DIR} not built (run scripts/build_model.py)",
)


@pytest.fixture(scope="module")
def rampart() -> TransformerRecognizer:
    recognizer = TransformerRecognizer(MODEL_DIR, device="cpu")
    recognizer.load()
    return recognizer


@pytest.mark.model
@needs_model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "My name is John Smith and my email is john.smith@example.com.",
            [("John Smith", "PERSON"), ("john.smith@example.com", "EMAIL_ADDRESS")],
        ),
        (
            "Call Maria Garcia-Lopez at (415) 555-0132.",
            [("Maria Garcia-Lopez", "PERSON"), ("(415) 555-0132", "PHONE_NUMBER")],
        ),
        (
            "Ship to 1234 Elm Street, Springfield, IL 62704.",
            [
                ("1234 Elm Street", "STREET_ADDRESS"),
                ("Springfield", "LOCATION"),
                ("62704", "ZIP_CODE"),
            ],
        ),
    ],
)
def test_rampart_finds_pii(rampart: TransformerRecognizer, text: str, expected: list) -> None:
    [spans] = rampart.detect([text])
    assert _found(text, spans) == expected


@pytest.mark.model
@needs_model
def test_rampart_long_document_windows_match_sentences(rampart: TransformerRecognizer) -> None:
    sentence = "Please call John Smith at (415) 555-0132 about the invoice. "
    document = sentence * 60  # about 900 tokens: two 512-token windows
    [spans] = rampart.detect([document])
    per_sentence = rampart.detect([sentence])[0]
    assert len(spans) == 60 * len(per_sentence)
    for index, span in enumerate(spans):
        ref = per_sentence[index % len(per_sentence)]
        offset = (index // len(per_sentence)) * len(sentence)
        assert (span.start, span.end, span.label) == (
            ref.start + offset,
            ref.end + offset,
            ref.label,
        )


@pytest.mark.model
@needs_model
def test_rampart_folder_carries_its_label_map(rampart: TransformerRecognizer) -> None:
    from redactor.models.rampart import LABEL_MAP as RAMPART_MAP

    stored = json.loads((MODEL_DIR / LABEL_MAP_FILE).read_text(encoding="utf-8"))
    assert stored == dict(RAMPART_MAP)
    assert rampart.model_version.startswith(MODEL_DIR.name + "@")


@pytest.mark.model
@needs_model
@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA device")
def test_rampart_on_the_gpu_finds_what_it_finds_on_the_cpu(
    rampart: TransformerRecognizer,
) -> None:
    texts = [
        "My name is John Smith and my email is john.smith@example.com.",
        "Call Maria Garcia-Lopez at (415) 555-0132 about 1234 Elm Street, Springfield, IL.",
        "Pt Wanjiru Kamau seen by Dr. Okafor; son Oluwaseun at 41 Elm Street, Springfield.",
    ] * 40  # several GPU batches
    gpu = TransformerRecognizer(MODEL_DIR, device="cuda")
    assert gpu.runtime["device"].startswith("cuda") and gpu.runtime["backend"] == "torch"
    on_cpu = [set(_key(spans)) for spans in rampart.detect(texts)]
    on_gpu = [set(_key(spans)) for spans in gpu.detect(texts)]
    same = sum(len(a & b) for a, b in zip(on_cpu, on_gpu, strict=True))
    total = sum(len(a | b) for a, b in zip(on_cpu, on_gpu, strict=True))
    assert total and same / total >= 0.95  # bf16 may move a borderline word, no more


# --------------------------------------------------------------------------- backends

needs_graph = pytest.mark.skipif(
    not list(MODEL_DIR.glob("*.onnx")),
    reason="no ONNX graph beside the bundled model (run scripts/fetch_onnx.py)",
)


@pytest.mark.model
@needs_model
@needs_graph
def test_onnx_and_torch_backends_give_the_same_spans():
    texts = [
        "Patient Chinedu Okafor lives at 12 Elm Street, Springfield. Call 617-555-0143.",
        "Maria Gonzalez emailed maria.g@gmail.com from Lyon about her passport.",
        "",
        "Nothing to see here.",
    ]
    onnx = TransformerRecognizer(MODEL_DIR, backend="onnx")
    torch_ = TransformerRecognizer(MODEL_DIR, backend="torch")
    assert onnx.runtime["backend"] == "onnx" and torch_.runtime["backend"] == "torch"
    a, b = onnx.detect(texts), torch_.detect(texts)
    assert [_key(x) for x in a] == [_key(x) for x in b]
    pairs = [(s, t) for x, y in zip(a, b, strict=True) for s, t in zip(x, y, strict=True)]
    assert all(abs(s.score - t.score) < 1e-3 for s, t in pairs)
    assert any(s.label == "PERSON" for s in a[0])


@needs_model
@needs_graph
def test_auto_backend_is_onnx_on_cpu_and_torch_when_quantised():
    assert TransformerRecognizer(MODEL_DIR).runtime["backend"] == "onnx"
    quantised = TransformerRecognizer(MODEL_DIR, quantize="dynamic-int8")
    assert quantised.runtime["backend"] == "torch"


def test_onnx_backend_without_a_graph_fails_closed(tiny_dir: Path):
    with pytest.raises(ModelError, match=r"no \.onnx graph"):
        TransformerRecognizer(tiny_dir, LABEL_MAP, backend="onnx").load()


def test_auto_backend_without_a_graph_is_torch(tiny: TransformerRecognizer):
    assert tiny.runtime["backend"] == "torch"


def test_unknown_backend_is_refused(tiny_dir: Path):
    with pytest.raises(ModelError, match="backend must be"):
        TransformerRecognizer(tiny_dir, LABEL_MAP, backend="tensorrt").load()


# --------------------------------------------------------------------------- torch-free ONNX

#: The bundled models that carry an ONNX graph, each loaded without torch on a CPU.
GRAPH_MODELS = [p.parent for p in sorted(MODEL_DIR.parent.glob("*/*.onnx"))]
#: What the two loading paths must agree on for the same predictions.
_STATE_KEYS = ("backend", "device", "dtype", "pad_id", "width", "stride", "max_batch_tokens",
               "quantize", "max_length", "tags", "types", "version", "not_alone")


def _through_transformers(folder: Path, monkeypatch: pytest.MonkeyPatch) -> TransformerRecognizer:
    with monkeypatch.context() as patch:
        patch.setattr(TransformerRecognizer, "_light_graph", lambda self, folder: None)
        recognizer = TransformerRecognizer(folder)
        recognizer.load()
    return recognizer


@pytest.mark.model
@pytest.mark.parametrize("folder", GRAPH_MODELS, ids=lambda p: p.name)
def test_graph_without_torch_loads_what_transformers_loads(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    light = TransformerRecognizer(folder)
    light.load()
    assert light._state is not None and light._state["torch"] is None  # the torch-free path
    heavy = _through_transformers(folder, monkeypatch)
    assert heavy._state is not None and heavy._state["torch"] is not None
    for key in _STATE_KEYS:
        assert light._state[key] == heavy._state[key], key
    assert light._state["tokenizer"].to_str() == heavy._state["tokenizer"].to_str()
    assert (light._state["type_of"] == heavy._state["type_of"]).all()
    texts = ["Patient Chinedu Okafor lives at 12 Elm Street, Springfield. Call 617-555-0143.",
             "wife mary called from Lyon on 3/4/2021", ""]
    assert light.detect(texts) == heavy.detect(texts)


@pytest.mark.model
@pytest.mark.skipif(not GRAPH_MODELS, reason="no bundled ONNX graph")
def test_a_graph_on_the_cpu_imports_neither_torch_nor_transformers() -> None:
    code = (f"r = TransformerRecognizer({str(GRAPH_MODELS[0])!r}, device='cpu')\n"
            "assert r.detect(['Maria Gonzalez flew to Lyon.'])[0]")
    assert _heavy_imports_after(code) == []


@pytest.mark.parametrize(
    ("settings", "normalizer", "plain"),
    [
        ({"tokenizer_class": "BertTokenizer", "do_lower_case": True},
         {"type": "BertNormalizer", "lowercase": True, "strip_accents": None,
          "handle_chinese_chars": True}, True),
        # transformers would rebuild the normaliser for a cased config: not plain
        ({"tokenizer_class": "BertTokenizer", "do_lower_case": False},
         {"type": "BertNormalizer", "lowercase": True, "strip_accents": None,
          "handle_chinese_chars": True}, False),
        ({"tokenizer_class": "XLMRobertaTokenizer"}, {"type": "Sequence"}, False),
        ({}, {"type": "BertNormalizer", "lowercase": True}, False),
    ],
)
def test_plain_tokenizer_only_where_transformers_keeps_it(
    settings: dict, normalizer: dict, plain: bool
) -> None:
    from redactor.detect.hf_ner import _plain_tokenizer

    tokenizer = SimpleNamespace(to_str=lambda: json.dumps({"normalizer": normalizer}))
    assert _plain_tokenizer(tokenizer, settings) is plain


def test_light_path_only_on_a_sure_cpu(tiny_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import redactor.detect.hf_ner as hf

    graph = tiny_dir / "model.onnx"
    monkeypatch.setattr(TransformerRecognizer, "_onnx_file", lambda self, folder, device: graph)
    monkeypatch.setattr(hf, "gpu_driver_present", lambda: False)
    assert TransformerRecognizer(tiny_dir, LABEL_MAP)._light_graph(tiny_dir) == graph
    for options in ({"device": "cuda"}, {"backend": "torch"}):
        assert TransformerRecognizer(tiny_dir, LABEL_MAP, **options)._light_graph(tiny_dir) is None
    quantised = TransformerRecognizer(tiny_dir, LABEL_MAP, quantize="dynamic-int8")
    assert quantised._light_graph(tiny_dir) is None
    monkeypatch.setattr(hf, "gpu_driver_present", lambda: True)  # only torch can tell then
    assert TransformerRecognizer(tiny_dir, LABEL_MAP)._light_graph(tiny_dir) is None
    assert TransformerRecognizer(tiny_dir, LABEL_MAP, device="cpu")._light_graph(tiny_dir) == graph


def test_the_version_is_the_same_before_and_after_loading(tiny_dir: Path) -> None:
    recognizer = TransformerRecognizer(tiny_dir, LABEL_MAP)
    before = recognizer.model_version
    assert not recognizer.loaded  # read from the folder: config.json and a hash of its files
    recognizer.load()
    assert recognizer.model_version == before


def test_surely_on_cpu_without_loading(tiny_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import redactor.detect.hf_ner as hf

    monkeypatch.setattr(hf, "gpu_driver_present", lambda: False)
    assert TransformerRecognizer(tiny_dir, LABEL_MAP).surely_on_cpu
    assert not TransformerRecognizer(tiny_dir, LABEL_MAP, device="cuda").surely_on_cpu
    monkeypatch.setattr(hf, "gpu_driver_present", lambda: True)
    assert not TransformerRecognizer(tiny_dir, LABEL_MAP).surely_on_cpu
    assert TransformerRecognizer(tiny_dir, LABEL_MAP, device="cpu").surely_on_cpu
