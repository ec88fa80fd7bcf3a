from types import SimpleNamespace

import pytest

from redactor.detect.spacy_decode import GreedyEntityDecoder, continues
from redactor.detect.spacy_ner import SpacyRecognizer

#: Texts that reach every rule of the decoder: entities at the very end and start, adjacent
#: entities, whitespace tokens inside and before entities, one-token and empty docs, capitals.
TEXTS = [
    "Dr. Maria Garcia saw the patient at Boston General Hospital on Monday.",
    "Acme Corp hired John Smith in Paris; he moved to Berlin in 2019.",
    "",
    "Paris",
    "Call Ahmed Khan of Lloyds Bank about the loan for Priya Patel",
    "PATIENT: GARCIA, MARIA L   MRN: 4471923\n\nSEEN BY DR. KELLY AT MERCY HOSPITAL 3/14/2019",
    "New   York \n\n  City   Council met  with Angela Merkel and Emmanuel Macron in Brussels .",
    "son tom called from new jersey; wife mary at bedside. f/u with dr lee at mgh on 9/2",
    "The European Court of Human Rights, application no. 41872/98, Strasbourg, 4 March 1998.",
    " \t ",
    "4410 Harlow Crossing\n Suite 212\n Westbrookfield\n Malta 55021",  # lines led by a space
    "88 Wren Lane\n Apt. 9\n South Dellaview\n Hong Kong 40210",
    "Name:    Bruce Dixon\nAddress:     082 Vickie Lodge\nPort Jeremyberg, VA 15421",
    "THE PATIENT TOLERATED THE PROCEDURE WELL AND WAS TAKEN TO THE PACU IN STABLE CONDITION. "
    "A 1 CM INFRAUMBILICAL INCISION WAS MADE. 6 CM DORSOMEDIAL INCISION WITH A #15 BLADE.",
    "Kim Min-jun (Seoul) met Nguyen Van Minh, Li Wei and Oluwaseun Adeyemi at Google London.",
]


@pytest.fixture(scope="module")
def recognizer():
    rec = SpacyRecognizer()
    rec.load()
    return rec


def _spacy_entities(rec, texts):
    """spaCy's own pipe: its greedy parse, move by move."""
    return [[(e.start, e.end, e.label_) for e in doc.ents]
            for doc in rec._nlp.pipe(texts, batch_size=len(texts))]  # fmt: skip


@pytest.mark.model
def test_the_decoder_takes_spacys_decisions_in_one_batch_and_one_by_one(recognizer):
    assert recognizer._decoder is not None
    expected = _spacy_entities(recognizer, TEXTS)
    docs = [recognizer._nlp.make_doc(text) for text in TEXTS]
    assert recognizer._decoder.entities(docs) == expected
    for text, ents in zip(TEXTS, expected, strict=True):
        assert recognizer._decoder.entities([recognizer._nlp.make_doc(text)]) == [ents]
    labels = {label for ents in expected for *_, label in ents}
    assert {"PERSON", "GPE", "ORG", "DATE"} <= labels  # the texts do open entities
    assert any(end - start >= 4 for ents in expected for start, end, _ in ents)


@pytest.mark.model
def test_the_recognizer_finds_the_same_spans_with_and_without_the_decoder(recognizer):
    with_decoder = recognizer.detect(TEXTS)
    spacy_only = SpacyRecognizer()
    spacy_only.load()
    object.__setattr__(spacy_only, "_decoder", None)
    assert spacy_only.detect(TEXTS) == with_decoder
    assert sum(map(len, with_decoder)) >= 10


@pytest.mark.model
def test_entities_set_before_the_ner_are_left_to_spacy(recognizer):
    from spacy.tokens import Span as SpacySpan

    doc = recognizer._nlp.make_doc("Maria Garcia lives in Boston.")
    doc.set_ents([SpacySpan(doc, 0, 2, label="PERSON")])
    assert recognizer._decoder.entities([doc]) is None


@pytest.mark.model
def test_a_beam_search_pipe_is_not_mirrored():
    rec = SpacyRecognizer()
    rec.load()
    ner = rec._nlp.get_pipe("ner")
    assert GreedyEntityDecoder.from_pipe(ner) is not None
    ner.cfg["beam_width"] = 4
    assert GreedyEntityDecoder.from_pipe(ner) is None


def test_a_pipe_without_a_model_is_not_mirrored():
    pipe = SimpleNamespace(cfg={"beam_width": 1}, model=None, moves=None)
    assert GreedyEntityDecoder.from_pipe(pipe) is None


@pytest.mark.parametrize(
    ("score_in", "score_last", "in_first", "expected"),
    [
        (2.0, 1.0, True, True),
        (1.0, 2.0, True, False),
        (1.5, 1.5, True, True),  # a tie goes to the lower class index
        (1.5, 1.5, False, False),
        (2.0, 1.0, False, True),
    ],
)
def test_in_or_last_as_spacys_first_best(score_in, score_last, in_first, expected):
    assert continues(score_in, score_last, in_first) is expected
