"""Evidence that a model's name, place or organisation in clinical text is no personal data, by
its shape and its context (issue 10: false alarms on real case reports): biomedical codes,
terms the text abbreviates, markers after "positive for", makers cited in brackets, clinical
nouns after an eponym or a genus. Each rule with the names, places and organisations it must
leave alone."""

from __future__ import annotations

import pytest

from redactor.detect.evidence import eponym, ordinary_language
from redactor.span import Span


def _span(text: str, value: str, label: str, source: str = "spacy:ORG", *,
          last: bool = False) -> Span:
    start = text.rindex(value) if last else text.index(value)
    return Span(start, start + len(value), label, 0.85, source)


# --- biomedical codes (spaCy's spans) -----------------------------------------------------

@pytest.mark.parametrize(("text", "value", "label"), [
    ("uptake in the seventh rib was found on PET/CT, which identified", "PET/CT",
     "ORGANIZATION"),
    ("mission tomography/computed tomography (18F-FDG PET/CT) and", "18F-FDG PET/CT",
     "ORGANIZATION"),
    ("positive staining for p63, p40, CK 7, and CK 5/6, while", "CK 5/6", "ORGANIZATION"),
    ("the intronic boundaries of the genes, of KCNQ1 (NCBI ref", "KCNQ1", "LOCATION"),
    ("cells showed strong positive staining for VEGFR-2 (Fig.3).", "VEGFR-2", "LOCATION"),
    ("karyotype revised to 46,XX,arr cgh", "46,XX", "LOCATION"),
    ("neutrophils 1.7×109/L and lymphocytes 0.8×109/L (1.5–4)", "0.8×109/L", "ORGANIZATION"),
    ("TTF-1 and NapsinA staining were absent", "NapsinA", "ORGANIZATION"),
    ("elevated serum IgG, IgM, and IgA, as well as", "IgA", "ORGANIZATION"),
    ("referred for the implantation of VEPTRs.", "VEPTRs", "ORGANIZATION"),
    ("the Hb was 10.9 g/dl on admission", "Hb", "ORGANIZATION"),
    ("pressure was 70 mm of Hg with features", "Hg", "LOCATION"),
    ("DIAGNOSIS: , Clinical stage Ta Nx Mx transitional cell carcinoma", "Ta Nx Mx", "PERSON"),
])
def test_biomedical_codes_are_no_names(text: str, value: str, label: str) -> None:
    assert ordinary_language(text, _span(text, value, label))


@pytest.mark.parametrize(("text", "value", "label", "source"), [
    ("landed at Heathrow Terminal 5 at noon", "Heathrow Terminal 5", "LOCATION", "spacy:FAC"),
    ("watched LeBron score again", "LeBron", "PERSON", "spacy:PERSON"),
    ("lunch at McDonald with Ana", "McDonald", "ORGANIZATION", "spacy:ORG"),
    ("born in Burlington, Vt in 1950", "Vt", "LOCATION", "spacy:GPE"),
    ("Jo said she would call", "Jo", "PERSON", "spacy:PERSON"),
    ("Seen today by Dr. DeA in clinic", "DeA", "PERSON", "spacy:PERSON"),  # a title
    ("@Calum5SOS chef funk", "@Calum5SOS", "LOCATION", "spacy:GPE"),       # a handle
    ("VISITED BY JOHN/MARY TODAY", "JOHN/MARY", "PERSON", "spacy:PERSON"),  # in capitals
    ("transfer from GB18PLVK32263857720511 to", "GB18PLVK32263857720511", "LOCATION",
     "spacy:GPE"),                                                         # an account
])
def test_names_with_digits_or_odd_case_stay(text: str, value: str, label: str,
                                            source: str) -> None:
    assert not ordinary_language(text, _span(text, value, label, source))


def test_codes_are_judged_by_shape_only_in_spacys_spans() -> None:
    text = "the user Kim2 replied"  # the transformer has seen user names with digits
    assert not ordinary_language(text, _span(text, "Kim2", "PERSON", "hf_ner:PERSON"))


# --- terms the text abbreviates -----------------------------------------------------------

@pytest.mark.parametrize(("text", "value"), [
    ("revealed hypochromic anemia (hemoglobin (Hb): 10.9 g/dl", "Hb"),
    ("an endoscopic naso-gallbladder drainage (ENGBD) catheter", "ENGBD"),
    ("Response Evaluation Criteria in Solid Tumors (RECIST) 1.1 standard", "RECIST"),
])
def test_acronyms_defined_by_a_term_are_no_organisations(text: str, value: str) -> None:
    assert ordinary_language(text, _span(text, value, "ORGANIZATION"))


def test_a_later_mention_of_a_defined_acronym_goes_too() -> None:
    text = ("according to response evaluation criteria in solid tumors (RECIST). Later, by "
            "the RECIST 1.1 standard, it was stable")
    assert ordinary_language(text, _span(text, "RECIST", "ORGANIZATION", last=True))


@pytest.mark.parametrize(("text", "value", "label"), [
    ("a statement from the Federal Bureau of Investigation (FBI) said", "FBI", "ORGANIZATION"),
    ("she spoke with the agency (FBI) today", "FBI", "ORGANIZATION"),
    ("the claim was filed by his lawyer (Smith) today", "Smith", "PERSON"),
    ("what it entails (e.g. Hartsell-Gundy et al., 2015)", "e.g. Hartsell-Gundy", "PERSON"),
    ("NASA will launch a probe", "NASA", "ORGANIZATION"),
    ("SPOKE WITH THE DAUGHTER (DANA) TODAY", "DANA", "PERSON"),          # a note in capitals
    ("2 DAYS OF SYMPTOMS. HX FROM PT AND FAMILY (DESPOINA GEORGIADI).", "DESPOINA GEORGIADI",
     "PERSON"),  # more letters than the words before could abbreviate
])
def test_organisations_and_people_in_brackets_stay(text: str, value: str, label: str) -> None:
    assert not ordinary_language(text, _span(text, value, label))


# --- markers and diagnoses after "positive for", "diagnosed with" -------------------------

@pytest.mark.parametrize(("text", "value", "label"), [
    ("negative to CK20, p63, and EGFR.", "EGFR", "PERSON"),
    ("The patient was diagnosed with STEMI due to embolization", "STEMI", "ORGANIZATION"),
])
def test_markers_and_diagnoses_are_no_names(text: str, value: str, label: str) -> None:
    assert ordinary_language(text, _span(text, value, label))


@pytest.mark.parametrize(("text", "value", "label"), [
    ("tested positive for flu. NASA said so", "NASA", "ORGANIZATION"),   # another sentence
    ("diagnosed with flu while in PARIS", "PARIS", "LOCATION"),         # a place
    ("diagnosed with flu by Ortega", "Ortega", "PERSON"),               # a name's shape
    ("POSITIVE FOR MRSA PER JONES", "JONES", "PERSON"),                 # a note in capitals
])
def test_names_after_a_diagnosis_stay(text: str, value: str, label: str) -> None:
    assert not ordinary_language(text, _span(text, value, label))


# --- figure references --------------------------------------------------------------------

@pytest.mark.parametrize("text", ["as shown (Fig. 2) the mass", "cancer (Fig.S1 in the Appendix",
                                  "no varices (Fig.\u200b2).", "on February 24 (Fig.(Fig.4).4)."])
def test_fig_before_a_number_is_no_person(text: str) -> None:
    assert ordinary_language(text, _span(text, "Fig", "PERSON", "spacy:PERSON"))


def test_fig_without_a_number_is_left_to_the_other_rules() -> None:
    text = "Fig Newton called"
    assert not ordinary_language(text, _span(text, "Fig Newton", "PERSON", "spacy:PERSON"))


# --- makers cited in brackets -------------------------------------------------------------

@pytest.mark.parametrize(("text", "value", "label", "source"), [
    ("thromboelastometry (ROTEM®, Pentapharm Co., Munich, Germany) was performed", "Munich",
     "LOCATION", "spacy:GPE"),
    ("thromboelastometry (ROTEM®, Pentapharm Co., Munich, Germany) was performed",
     "Pentapharm Co.", "ORGANIZATION", "pattern:org_suffix"),
    ("a stent (Boston Scientific Corporation, Natick, MA, USA) was", "Natick", "LOCATION",
     "spacy:GPE"),
    ("the clip (Abbott Vascular, Abbott Laboratories, Abbott Park, Illinois, U.S.A.) and",
     "Illinois", "LOCATION", "spacy:GPE"),
    ("(Fluency Plus; Bard Peripheral Vascular, Tempe, Arizona, United States) was",
     "Arizona", "PERSON", "names:given"),  # a place a name list took for a given name
    ("interferon (Hoffmann-La Roche Inc., Nutley, NJ, USA) was", "Nutley", "PERSON",
     "hf_ner:PERSON"),  # a town a model took for a person
])
def test_a_makers_citation_is_no_personal_data(text: str, value: str, label: str,
                                               source: str) -> None:
    assert ordinary_language(text, _span(text, value, label, source))


@pytest.mark.parametrize(("text", "value", "label", "source"), [
    ("she moved here (Munich, Germany) last year", "Munich", "LOCATION", "spacy:GPE"),
    ("treated at (St. Mary's Hospital, Boston, MA, USA) for", "Boston", "LOCATION",
     "spacy:GPE"),
    ("a kit (ROTEM®, Pentapharm Co., Munich) was used", "Munich", "LOCATION", "spacy:GPE"),
    ("the clip (Abbott Vascular, Mr. Lee, Illinois, USA) and", "Lee", "PERSON",
     "spacy:PERSON"),
    ("the clip (Abbott Vascular, Mr. Lee, Illinois, USA) and", "Lee", "PERSON",
     "names:title"),
    ("(Bard Peripheral Vascular, Maria, Arizona, United States) was", "Maria", "PERSON",
     "names:given"),  # a given name that is no place
])
def test_places_and_people_outside_a_makers_citation_stay(text: str, value: str, label: str,
                                                           source: str) -> None:
    assert not ordinary_language(text, _span(text, value, label, source))


# --- a lower-case word after "by" that the user-id rule took --------------------------------

def test_an_adjective_after_by_is_no_user_id() -> None:
    text = "Cough was alleviated by anti-tussive therapy."
    assert ordinary_language(text, _span(text, "anti-tussive", "PERSON", "names:user_field"))


@pytest.mark.parametrize("text", [
    "Ticket updated by jdoe on 3/4.",
    "Ticket updated by jdoe yesterday.",
    "cough was alleviated by anti-tussive therapy",  # a note all in lower case
])
def test_user_ids_after_by_stay(text: str) -> None:
    value = "jdoe" if "jdoe" in text else "anti-tussive"
    assert not ordinary_language(text, _span(text, value, "PERSON", "names:user_field"))


# --- eponyms, organisms and scales by the clinical noun after them --------------------------

@pytest.mark.parametrize(("text", "value", "label", "source"), [
    ("(9/9 on the Beighton hypermobility scale), very soft", "Beighton", "PERSON",
     "spacy:PERSON"),
    ("pressure was 12 mm Hg by Goldmann applanation tonometry.", "Goldmann", "ORGANIZATION",
     "spacy:ORG"),
    ("simultaneous Ivor-Lewis esophagectomy and lobectomy", "Ivor-Lewis", "ORGANIZATION",
     "spacy:ORG"),
    ("no evidence of Epstein–Barr virus, cytomegalovirus", "Epstein–Barr", "PERSON",
     "spacy:PERSON"),
    ("did not detect Streptococcus pneumoniae antigen.", "Streptococcus", "LOCATION",
     "spacy:GPE"),
    ("possible diagnosis of Nocardia infection (Fig.1B)", "Nocardia", "ORGANIZATION",
     "spacy:ORG"),
    ("The patient's Eastern Cooperative Oncology Group (ECOG) performance status was 2",
     "Eastern Cooperative Oncology Group", "ORGANIZATION", "pattern:org_suffix"),
    ("cardiac failure NYHA (New York Heart Association) class II.",
     "New York Heart Association", "ORGANIZATION", "hf_ner:ORGANIZATION"),
    ("cardiac failure NYHA (New York Heart Association) class II.", "New York", "LOCATION",
     "places:geonames"),
    ("resulting in a Glasgow Coma Scale score of 15.", "Glasgow", "LOCATION", "places:geonames"),
])
def test_names_of_tests_procedures_organisms_and_scales(text: str, value: str, label: str,
                                                        source: str) -> None:
    assert eponym(text, _span(text, value, label, source))


@pytest.mark.parametrize(("text", "value", "label", "source"), [
    ("Smith's blood test was normal", "Smith", "PERSON", "spacy:PERSON"),
    ("Chris davis is here", "Chris", "PERSON", "spacy:PERSON"),    # a name, no genus
    ("Dr. Lewis esophagectomy went well", "Lewis", "PERSON", "spacy:PERSON"),  # a title
    ("she was in the Harvard class of 1990", "Harvard", "ORGANIZATION", "spacy:ORG"),
    ("flew to New York in class", "New York", "LOCATION", "places:geonames"),
    ("moved to Glasgow Road last year", "Glasgow", "LOCATION", "places:geonames"),
    ("Mercy Hospital (MH) performance review", "Mercy Hospital", "ORGANIZATION",
     "pattern:org_suffix"),
])
def test_names_before_other_words_stay(text: str, value: str, label: str, source: str) -> None:
    assert not eponym(text, _span(text, value, label, source))


@pytest.mark.parametrize(("text", "value", "label", "source"), [
    ("the right lower quadrant SynchroMed pump catheter to the", "SynchroMed", "ORGANIZATION",
     "spacy:ORG"),
    ("The Tessio catheters were assembled.", "Tessio", "PERSON", "spacy:PERSON"),
    ("suctioned with the Yankauer suction.", "Yankauer", "ORGANIZATION", "spacy:ORG"),
    ("Insertion of a Toronto stentless porcine valve.", "Toronto", "LOCATION", "spacy:GPE"),
    ("a bi-lobule. Kitner blunt dissection was utilized", "Kitner", "PERSON", "names:echo"),
])
def test_devices_named_after_people_or_places(text: str, value: str, label: str,
                                              source: str) -> None:
    assert eponym(text, _span(text, value, label, source))


@pytest.mark.parametrize(("text", "value"), [
    ("Mary changed dressing at noon", "Mary"),          # a verb between: a person's act
    ("Mary changes catheters daily", "Mary"),
    ("Mary and her catheter", "Mary"),                  # a function word between
    ("Vera Wang engagement ring from her collection", "Vera Wang"),  # no device noun
    ("Jose was given a pump", "Jose"),
])
def test_people_before_a_device_noun_stay(text: str, value: str) -> None:
    assert not eponym(text, _span(text, value, "PERSON", "spacy:PERSON"))


# --- a thing counted: "a Kitner", "more Viscoat" ---------------------------------------------

@pytest.mark.parametrize(("text", "value", "label"), [
    ("in the groove and a Kitner was placed in this area", "Kitner", "PERSON"),
    ("A second Kitner was placed on the lateral aspect", "Kitner", "PERSON"),
    ("More Viscoat was injected to deepen the chamber", "Viscoat", "PERSON"),
    ("endocarditis were found. An Edwards Intuity bioprosthesis", "An Edwards Intuity",
     "LOCATION"),
])
def test_a_counted_thing_is_no_person(text: str, value: str, label: str) -> None:
    assert ordinary_language(text, _span(text, value, label, f"spacy:{label}"))


@pytest.mark.parametrize(("text", "value"), [
    ("met with a Dr. Kitner today", "Kitner"),          # a title
    ("the Kitner family called", "Kitner"),             # no indefinite article
    ("a Maria Lopez Garcia called", "Maria Lopez Garcia"),  # a full name of three words
    ("I'm not a Belieber but happy birthday", "Belieber"),  # nothing placed or injected
    ("Nota mental : No gedear a Agustina .", "Agustina"),   # "a" before a vowel: not English
])
def test_people_after_an_article_with_a_cue_or_a_full_name_stay(text: str, value: str) -> None:
    assert not ordinary_language(text, _span(text, value, "PERSON", "spacy:PERSON"))


# --- a field label's colon and a comma standing for a line break ------------------------------

def test_a_word_after_a_label_and_a_comma_starts_its_line() -> None:
    text = "PREOPERATIVE DIAGNOSIS: , Varicose veins."
    assert ordinary_language(text, _span(text, "Varicose", "PERSON", "spacy:PERSON"))


def test_a_word_after_a_comma_in_prose_is_mid_sentence() -> None:
    text = "Thanks for the call, Hope and I will come."  # a word capitalised mid-sentence
    assert not ordinary_language(text, _span(text, "Hope", "PERSON", "spacy:PERSON"))
