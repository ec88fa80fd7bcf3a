"""Long texts in windows for spaCy (issue 13: a document over 1,000,000 characters failed its
file; spaCy's time and memory grew faster than the length of one document)."""

import itertools
import re
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redactor.detect import spacy_ner
from redactor.detect.spacy_ner import SpacyRecognizer
from redactor.detect.windows import batches, mask_long_tokens, split_text


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("ab .\n\t"), max_size=400),
    st.integers(8, 60),
    st.integers(0, 3),
)
def test_windows_cover_the_text_and_overlap(text, size, overlap):
    windows = split_text(text, size, overlap)
    assert windows[0][0] == 0 and windows[-1][1] == len(text)
    for (s1, e1), (s2, _) in itertools.pairwise(windows):
        assert s1 < s2 <= e1 and e1 - s1 <= size  # in order, no gap, bounded
        assert e1 - overlap <= s2  # the next one starts at most ``overlap`` back
    assert windows[-1][1] - windows[-1][0] <= max(size, len(text) and 1)


def test_windows_end_at_paragraphs_then_lines_then_sentences():
    text = "a" * 60 + "\n\n" + "b" * 30 + "\n" + "c" * 20
    assert split_text(text, 100, 10)[0] == (0, 62)  # after the blank line
    text = "word. " * 30
    _, end = split_text(text, 50, 5)[0]
    assert text[:end].endswith(". ")


def test_long_tokens_are_blanked_and_offsets_hold():
    text = "Ann " + "x:" * 100 + " Lee"
    masked = mask_long_tokens(text)
    assert len(masked) == len(text) and masked.strip().split() == ["Ann", "Lee"]
    assert mask_long_tokens("short http://example.org/a") == "short http://example.org/a"


def test_batches_bound_count_and_characters():
    assert list(batches([5, 5, 5, 20, 1], max_count=2, max_chars=12)) == [[0, 1], [2], [3], [4]]


# ---------------------------------------------------------------- spaCy on windows (a fake model)


@dataclass
class _Ent:
    label_: str
    start_char: int
    end_char: int


@dataclass
class _Doc:
    ents: list


class _FakeNlp:
    """Finds "Ann Lee" as a PERSON; refuses a text over spaCy's limit, as spaCy does."""

    max_length = 1_000_000

    def __init__(self):
        self.lengths = []

    def pipe(self, texts, batch_size):
        for text in texts:
            self.lengths.append(len(text))
            if len(text) > self.max_length:
                raise ValueError("[E088] Text of length exceeds maximum")
            yield _Doc([_Ent("PERSON", m.start(), m.end()) for m in re.finditer("Ann Lee", text)])


def test_a_text_over_spacys_limit_is_read_in_windows_with_exact_offsets():
    filler = "The patient was seen today and is doing well. "
    parts, where = [], []
    length = 0
    while length < 1_200_000:
        piece = filler * (1 + len(parts) % 7) + ("\n" if len(parts) % 3 else "")
        parts.append(piece)
        length += len(piece)
        where.append(length)
        parts.append("Ann Lee ")
        length += len("Ann Lee ")
    text = "".join(parts)
    recognizer = SpacyRecognizer()
    recognizer._nlp = fake = _FakeNlp()
    spans = recognizer.detect([text, "Ann Lee called."])
    assert max(fake.lengths) <= spacy_ner.SPACY_WINDOW
    assert [(s.start, s.end) for s in spans[0]] == [(w, w + 7) for w in where]
    assert [(s.start, s.end) for s in spans[1]] == [(0, 7)]


def test_an_entity_cut_by_a_window_edge_is_found_whole():
    text = ("x " * 4_000) + "Ann Lee" + (" y" * 4_000)
    recognizer = SpacyRecognizer()
    recognizer._nlp = _FakeNlp()
    start = text.index("Ann Lee")
    for size in range(start - 3, start + 10):  # window edges around and inside the name
        spacy_ner.SPACY_WINDOW, saved = size, spacy_ner.SPACY_WINDOW
        try:
            spans = recognizer.detect([text])[0]
        finally:
            spacy_ner.SPACY_WINDOW = saved
        assert (start, start + 7) in {(s.start, s.end) for s in spans}, size


@pytest.mark.filterwarnings("ignore")
def test_real_model_finds_a_name_in_the_last_window():
    recognizer = SpacyRecognizer()
    try:
        recognizer.load()
    except Exception:
        pytest.skip("spaCy model not installed")
    text = "The results were normal and the plan is unchanged.\n" * 500 + (
        "Dr. Kwame Mensah reviewed the chart in Boston.\n"
    )
    assert len(text) > 2 * spacy_ner.SPACY_WINDOW
    spans = recognizer.detect([text])[0]
    found = {(text[s.start : s.end], s.label) for s in spans}
    assert ("Kwame Mensah", "PERSON") in found
