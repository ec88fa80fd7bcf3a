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
        ("PERSON", "Hgb 9.8", ", Plt 212", False, False),
        ("PERSON", "Vaccines", " today: Tdap", True, False),
        ("PERSON", "Trump", " says", False, True),  # a name that is also a word, mid-line
        ("PERSON", "Grace Hill", " called", True, True),  # listed names survive
        ("ORGANIZATION", "Legal Department", "", False, False),
        ("ORGANIZATION", "Riverside Family Practice", "", False, True),
        ("LOCATION", "Paris", "", False, True),
    ],
)
def test_context_filters(label, text, after, line_start, keep):
    assert keep_entity(label, text, after, line_start) is keep


@pytest.mark.parametrize(
    ("text", "name"),
    [("(Dr. Kwame Mensah),", "Kwame Mensah"), ("Hey Bartholomew,", "Bartholomew"),
     ("Dear Mrs. Okafor", "Okafor"), ("Hillary Dearborn", "Hillary Dearborn")],
)
def test_trim_removes_title_greeting_and_punctuation(text, name):
    start, end = trim(text, 0, len(text), "PERSON")
    assert text[start:end] == name


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
