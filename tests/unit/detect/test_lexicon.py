"""The lexicon of ordinary and clinical language, and the evidence filter built on it."""

from __future__ import annotations

import pytest

from redactor.detect.evidence import has_cue, ordinary_language, trim_leading_words
from redactor.detect.lexicon import (
    is_common_word,
    is_technical_word,
    only_common_words,
    place_names,
    words_of,
)
from redactor.span import Span


@pytest.mark.parametrize("word", ["Lisinopril", "LASIX", "PERRLA", "sob", "htn", "Awake",
                                  "Atraumatic", "Nontender", "coarse", "Vicryl", "Bovie",
                                  "Doppler", "Hemostasis", "septum", "trastuzumab", "dilt",
                                  "gtt", "NGT", "using", "Dermabond", "SICU",
                                  # ICU and NICU shorthand, and shorthand's past ("pan cx'd")
                                  "NSURG", "Kinair", "TLSO", "PHOTOTX", "LTAC", "ADLs",
                                  "UNDOMICILED", "consolable", "cx'd", "CAM", "LIDO",
                                  "CVVHDF", "NSTEMI", "Medicaid", "BAL", "SI", "T&C",
                                  "Bair", "Hugger", "CaCl", "venti", "QUINTON", "BINDER",
                                  "LICSW", "MI", "tmrw", "wknd", "indep", "mtg", "Vigileo",
                                  "SENS", "resusc", "OSH", "WBAT", "MFM", "Braden",
                                  "PARKLAND", "Apgars", "HMF", "NIF", "ROX", "CTICU",
                                  "Neoblue", "DigiFab", "Acapella",
                                  # court shorthand ("Exh. 28", "[Dkt. 48]", "CORAM:")
                                  "Exh", "Dkt", "CORAM", "HON'BLE", "movant", "quashing"])
def test_clinical_and_english_words_are_common(word: str) -> None:
    assert is_common_word(word)


@pytest.mark.parametrize("word", ["Kowalski", "Nguyen", "Okonkwo", "Ridgeview", "Schmidt",
                                  "NWH", "Oyelaran", "SHO"])  # a given name ("OGAWA, SHO")
def test_names_are_not_common(word: str) -> None:
    assert not is_common_word(word)


def test_technical_words_are_not_general_english() -> None:
    assert is_technical_word("Vicryl") and is_technical_word("Dermabond")
    assert not is_technical_word("Congress") and not is_technical_word("Microsoft")
    # brands of dressings and feeds are; the surnames that name devices are not
    assert is_technical_word("Sudocrem") and is_technical_word("Fortisip")
    assert not is_technical_word("Hickman") and not is_technical_word("Webster")


def test_words_and_places() -> None:
    assert words_of("Tri-Cyclen 10 mg, a&o x3") == ["Tri-Cyclen", "mg", "a&o", "x"]
    assert only_common_words("Lungs coarse") and not only_common_words("Maria Kowalski")
    assert not only_common_words("12/3")
    assert {"australia", "boston", "california"} <= place_names()


def _span(text: str, value: str, label: str, source: str = "spacy:PERSON") -> Span:
    start = text.index(value)
    return Span(start, start + len(value), label, 0.85, source)


@pytest.mark.parametrize(("text", "value", "label"), [
    ("Closed with 2-0 Vicryl suture.", "Vicryl", "ORGANIZATION"),
    ("Skin was closed with Dermabond.", "Dermabond", "PERSON"),
    ("under general anesthesia", "anesthesia", "LOCATION"),
    ("NEURO: A+OX3, PERRLA, MAE.", "PERRLA", "ORGANIZATION"),
    ("RESP: LUNGS COARSE, SOB", "LUNGS COARSE", "PERSON"),
    ("Hemostasis was achieved.", "Hemostasis", "ORGANIZATION"),
    # a word of the dictionary in lower case, no listed name, in a note: no person
    ("pt resting, no c/o pain. vss. foley draining. He asked for her rosary at bedside, "
     "placed on L wrist. cont to monitor.", "rosary", "PERSON"),
    ("Neuro: A&Ox3, MAE, PERRL. CV: SR 80s, SBP 120s. Resp: LS clear, sats 97% on 2L NC. "
     "Teaching: Wife and daughter educated re stroke signs, aspiration precautions. Plan: "
     "cont neuro checks q2h, f/u MRI.", "educated", "PERSON"),
])
def test_clinical_vocabulary_from_a_model_is_dropped(text: str, value: str, label: str) -> None:
    assert ordinary_language(text, _span(text, value, label))


@pytest.mark.parametrize(("text", "value", "label", "source"), [
    ("Seen by Dr. Hope today.", "Hope", "PERSON", "spacy:PERSON"),        # a title before
    ("wife mary at bedside", "mary", "PERSON", "spacy:PERSON"),           # a relative before
    ("Neuro: A&Ox3, MAE, pupils brisk. Social: son joe called, updated by RN. cont to "
     "monitor.", "joe", "PERSON", "hf_ner:PERSON"),                 # a listed name in a note
    ("She moved to Australia last year.", "Australia", "LOCATION", "spacy:GPE"),  # a country
    ("The bill went to Congress in May.", "Congress", "ORGANIZATION", "spacy:ORG"),  # capital
    ("Closed with Vicryl.", "Vicryl", "ORGANIZATION", "pattern:org_cued"),  # patterns untouched
    ("Dr. Foley", "Foley", "PERSON", "names:title"),                       # a cued name rule
    ("Seen by Maria Kowalski.", "Maria Kowalski", "PERSON", "spacy:PERSON"),  # not common
    ("He works at Mercy Hospital now.", "Mercy Hospital", "ORGANIZATION", "spacy:ORG"),
])
def test_names_places_and_cued_spans_stay(text: str, value: str, label: str,
                                          source: str) -> None:
    assert not ordinary_language(text, _span(text, value, label, source))


def test_cues() -> None:
    text = "Patient: Hope, signed John Rose, MD"
    assert has_cue(text, 9, 13, "PERSON")
    rose = text.index("Rose")
    assert has_cue(text, rose, rose + 4, "PERSON")  # a credential after it
    assert not has_cue("achieved by using silk", 12, 17, "PERSON")
    text = "Called rose (wife of deceased) 6 weeks after his death."
    assert has_cue(text, 7, 11, "PERSON")  # a relation in brackets after it
    text = "HCP (SON GABRIEL) AGREED. Attendant (son) informed."
    assert not has_cue(text, 0, 3, "PERSON")  # a short form in capitals ...
    assert not has_cue(text, 26, 35, "PERSON")  # ... or a role before the relation


@pytest.mark.parametrize(("text", "value", "cued"), [
    ("my name is ahmed", "ahmed", True),  # a listed name that a word list holds too
    ("his name's crystal and he is 9", "crystal", True),
    ("a boy named grace", "grace", True),
    ("just call me will", "will", True),
    ("my name is not important", "important", False),
    ("the name of the drug is crystal", "crystal", False),
])
def test_a_name_given_is_a_cue(text: str, value: str, cued: bool) -> None:
    start = text.index(value)
    assert has_cue(text, start, start + len(value), "PERSON") is cued


@pytest.mark.parametrize(("text", "value", "name"), [
    ("Call Raj Patel tomorrow", "Call Raj Patel", "Raj Patel"),
    ("Customer Jane Doe wrote", "Customer Jane Doe", "Jane Doe"),
    ("Hi, I'm Maria Gonzalez.", "I'm Maria Gonzalez", "Maria Gonzalez"),
    ("Ask Will Smith", "Will Smith", "Will Smith"),     # nothing to trim
    ("JOHN R. KELLY, M.D.\nJRK/mlt", "M.D.\nJRK", "JRK"),  # a credential ends the line before
    ("Mark Lee, MD\nRN Jane Doe", "RN Jane Doe", "Jane Doe"),
    ("Do Van Minh was seen", "Do Van Minh", "Do Van Minh"),  # "Do" is a surname, no credential
    ("PAIN 2-3/10. APS DR CHOI IN TO SEE", "APS DR CHOI", "CHOI"),  # a service before a title
    ("Seen by Cardiology Dr. Ruiz today", "Cardiology Dr. Ruiz", "Ruiz"),
])

def test_leading_words_are_trimmed_from_names(text: str, value: str, name: str) -> None:
    span = _span(text, value, "PERSON")
    out = trim_leading_words(text, span)
    assert text[out.start : out.end] == name
    assert out.end == span.end and out.label == "PERSON"


@pytest.mark.parametrize(("text", "value", "name"), [
    ("decided by Lindahl, Presiding Judge; Vang, Judge; and Okonkwo, Judge.", "Vang, Judge",
     "Vang"),
    ("decided by Lindahl, Presiding Judge; Vang", "Lindahl, Presiding Judge", "Lindahl"),
    ("Signed: Ardenne, Deputy Registrar", "Ardenne, Deputy Registrar", "Ardenne"),
    ("Judge Judy, Esq. was there", "Judge Judy", "Judge Judy"),  # no comma: nothing to trim
])
def test_a_role_after_a_comma_is_trimmed_from_a_name(text: str, value: str, name: str) -> None:
    from redactor.detect.evidence import trim_trailing_role

    out = trim_trailing_role(text, _span(text, value, "PERSON", "hf_ner:PERSON"))
    assert text[out.start : out.end] == name


@pytest.mark.parametrize(("text", "value", "dropped"), [
    ("Done at Strasbourg.\n\nF. Ardenne, Registrar\nH. Lindqvist, President", "Registrar", True),
    ("the learned Magistrate erred in placing the burden", "Magistrate", True),
    ("Before the Court is the motion. Petitioner Delgado says", "Petitioner", True),
    ("Then Lindqvist said the hearing was over.", "Lindqvist", False),  # a name stays
    ("For the Appellant: MR DANIEL ASHWORTH (of Counsel), Instructed by", "Counsel", True),
])
def test_a_role_a_judgment_capitalises_is_no_person(text: str, value: str,
                                                    dropped: bool) -> None:
    assert ordinary_language(text, _span(text, value, "PERSON", "spacy:PERSON")) is dropped


def test_a_cued_rules_words_in_capitals_are_no_name_when_per_is_among_them() -> None:
    text = ("AMIO GTT 1MG/MIN, WIFE AT BEDSIDE. CHAPLAIN CALLED PER PT'S REQUEST.\n"
            "PLAN: CONT AMIO, KEEP K>4 MG>2.")
    assert ordinary_language(text, _span(text, "CALLED PER PT'S", "PERSON", "names:role"))


NOTE_IN_CAPITALS = ("NEURO: A+OX3, MAE. CV: SR 80S, SBP 110-130. GI: EGD SCHEDULED IN AM. NPO. "
                    "PT DENIES NSAID USE BUT WIFE REPORTS DAILY MOTRIN. PT KELLY WAS SEEN. K 3.6, "
                    "REPLETED. RESP: LS CLEAR, SATS 96% ON 2L NC.")


def test_a_verb_in_capitals_after_pt_is_no_name_and_a_name_is() -> None:
    assert ordinary_language(NOTE_IN_CAPITALS, _span(NOTE_IN_CAPITALS, "DENIES", "PERSON",
                                                     "hf_ner:PERSON"))
    assert not ordinary_language(NOTE_IN_CAPITALS, _span(NOTE_IN_CAPITALS, "KELLY", "PERSON",
                                                         "hf_ner:PERSON"))


def test_a_clinical_word_after_pt_is_no_name() -> None:
    note = ("Neuro: unresponsive, GCS 3. CV: HR 40s, BP 70s on levo. Family meeting with "
            "daughters and MICU team. Decision made to make pt CMO. Morphine gtt started.")
    assert ordinary_language(note, _span(note, "CMO", "PERSON", "hf_ner:PERSON"))


def test_a_kind_of_rehab_is_no_facility_but_a_named_one_is() -> None:
    note = ("NEURO: A+OX3. RESP: LS CLEAR, SATS 95% ON 2L NC. DISPO: PT SCREENED AND ACCEPTED "
            "AT BRAINTREE REHAB FOR PULM REHAB, BED AVAILABLE TOMORROW. SON AGREEABLE.")
    assert ordinary_language(note, _span(note, "PULM REHAB", "LOCATION", "hf_ner:LOCATION"))
    assert not ordinary_language(note, _span(note, "BRAINTREE REHAB", "LOCATION",
                                             "hf_ner:LOCATION"))


def test_two_capitals_alone_in_a_note_are_shorthand_unless_a_title_stands_before() -> None:
    note = ("Neuro: A&Ox3, MAE. CV: SR 80s, SBP 110s. Resp: LS clear, sats 97% on 2L NC. "
            "Skin: petechiae on bilat LE, intact otherwise. Seen by Dr. LE at 0100. Plan: cont "
            "to monitor, f/u labs in am.")
    assert ordinary_language(note, _span(note, "LE", "PERSON", "spacy:PERSON"))
    second = note.index("LE at")
    assert not ordinary_language(note, Span(second, second + 2, "PERSON", 0.85, "spacy:PERSON"))


@pytest.mark.parametrize(("text", "value", "date"), [
    ("s/p coiling of ACom aneurysm on 6/14, now day 6, in vasospasm window",
     "6/14, now day 6", "6/14"),
    ("He was seen on June 3, 2016 in clinic.", "June 3, 2016", "June 3, 2016"),
    # a clock time is no part of the date; four digits that may be a year are kept
    ("Plan: repeat head CT 24h post tPA (4/19 1645), then ASA", "4/19 1645", "4/19"),
    ("cont cooling until 6/14 @ 0300, then rewarm", "6/14 @ 0300", "6/14"),
    ("seen on May 3 10:30 am by the team", "May 3 10:30 am", "May 3"),
    ("seen on May 3 2015 by the team", "May 3 2015", "May 3 2015"),
    ("the visit at 1645 went well", "1645", "1645"),
])
def test_a_models_date_ends_before_a_clause_with_no_year_or_month(text: str, value: str,
                                                                  date: str) -> None:
    from redactor.detect.evidence import trim_date_tail

    out = trim_date_tail(text, _span(text, value, "DATE", "hf_ner:DATE"))
    assert text[out.start : out.end] == date


def test_a_grammar_word_is_no_place_though_a_town_is_called_so() -> None:
    text = "STATE OF MINNESOTA\nIN COURT OF APPEALS\nA18-1432"
    start = text.index("OF APPEALS")
    assert ordinary_language(text, Span(start, start + 2, "ORGANIZATION", 0.6, "hf_ner:ORG"))


@pytest.mark.parametrize(("text", "value", "place"), [
    ("SON LIVES IN FLORIDA, WILL FLY IN SAT.", "LIVES IN FLORIDA", "FLORIDA"),
    ("she moved to Leeds last year", "moved to Leeds", "Leeds"),
    ("flew in from Chicago", "flew in from Chicago", "Chicago"),
    ("a flat in Back Bay", "Back Bay", "Back Bay"),       # a place's own word stays
    ("Near East studies", "Near East", "Near East"),      # nothing would be left but a word
])
def test_words_of_living_and_moving_are_trimmed_from_places(text: str, value: str,
                                                           place: str) -> None:
    out = trim_leading_words(text, _span(text, value, "LOCATION"))
    assert text[out.start : out.end] == place


def test_trim_keeps_other_labels_and_patterns() -> None:
    text = "Call Raj Patel"
    other = Span(0, 14, "NRP", 0.6, "spacy:NORP")  # a label with no leading words
    assert trim_leading_words(text, other) == other
    org = Span(0, 14, "ORGANIZATION", 0.6, "spacy:ORG")  # an imperative before a firm goes
    assert trim_leading_words(text, org) == Span(5, 14, "ORGANIZATION", 0.6, "spacy:ORG")
    exact = Span(0, 14, "PERSON", 0.9, "pattern:x")  # an exact recognizer's span (the engine's)
    assert trim_leading_words(text, exact, exact=True) == exact
    assert trim_leading_words(text, exact).start == 5


@pytest.mark.parametrize(("label", "value"), [
    ("LOCATION", "Fig.2"), ("ORGANIZATION", "IGF-1"), ("ORGANIZATION", "KCNE1"),
])
def test_spacy_drops_figures_and_codes(label: str, value: str) -> None:
    from redactor.detect.spacy_ner import drop_reason

    assert drop_reason(label, value) is not None
    assert drop_reason("ORGANIZATION", "Acme Corp") is None


@pytest.mark.parametrize(("value", "ok"), [
    ("3 days", False), ("the age of", False), ("8", False), ("months", False),
    ("March 3, 2021", True), ("4/12", True), ("the 1960s", False),  # a decade: coarser than
    ("in 1962", True),                                                 # the year Safe Harbor keeps
])
def test_model_dates_need_a_date_shape(value: str, ok: bool) -> None:
    from redactor.detect.validity import plausible

    assert plausible("DATE", value) is ok


def test_short_capitals_in_prose_are_acronyms_not_places() -> None:
    from redactor.detect.places import PlaceRecognizer

    rec = PlaceRecognizer()
    text = "She was ventilated with NAVA for two days."
    assert rec.detect([text]) == [[]]
    dateline = "ROME (AP) - The talks ended."
    assert [dateline[s.start:s.end] for s in rec.detect([dateline])[0]] == ["ROME"]


def test_titles_are_trimmed_and_eponyms_dropped() -> None:
    from redactor.detect.evidence import eponym

    text = "SEEN BY DR. KOWALSKI. Wilson disease was diagnosed; Mr. Wilson agreed."
    span = _span(text, "DR. KOWALSKI", "PERSON", "hf_ner:PERSON")
    out = trim_leading_words(text, span)
    assert text[out.start : out.end] == "KOWALSKI"
    assert eponym(text, _span(text, "Wilson", "PERSON", "hf_ner:PERSON"))
    second = text.rindex("Wilson")
    assert not eponym(text, Span(second, second + 6, "PERSON", 0.9, "hf_ner:PERSON"))
    assert not eponym(text, _span(text, "Wilson", "PERSON", "names:title"))


@pytest.mark.parametrize("value", ["10MG", "500 mg", "2.5 mL", "40 units"])
def test_doses_are_no_dates(value: str) -> None:
    from redactor.detect.spacy_ner import date_reason

    assert date_reason(value) == "dose or measure"


def test_a_name_rule_stops_at_the_end_of_its_sentence() -> None:
    from redactor.detect.names import NameRecognizer

    text = "Hi, I'm Maria Gonzalez. Call Raj Patel."
    found = [text[s.start : s.end] for s in NameRecognizer().detect([text])[0]
             if s.source == "names:greeting"]
    assert found and all(". Call" not in v and v.endswith("Gonzalez") for v in found)
    text = "Dear J. Smith, thanks"
    assert "J. Smith" in [text[s.start : s.end] for s in NameRecognizer().detect([text])[0]]


@pytest.mark.parametrize(("text", "lay"), [
    ("so i just switched from verizon to tmobile and honestly the signal in my apartment is "
     "way better now", True),
    ("The applicant complained that the domestic courts had refused to examine his arguments "
     "concerning the lawfulness of the search of his flat.", True),
    ("PT ALERT, ORIENTED X3. LASIX 40MG IV GIVEN WITH GOOD DIURESIS. SBP 110-130. NPO.", False),
    ("Pt alert, oriented x3. VS stable, sbp 110-130. Lasix 40mg iv given with good diuresis. "
     "Tolerating diet. Dtr called, updated by RN, will get him a verizon phone for the room.",
     False),
    ("😂😂😂", False),  # no word: no register
])
def test_lay_register(text, lay):
    from redactor.detect.lexicon import lay_register

    assert lay_register(text) is lay
