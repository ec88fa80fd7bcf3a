"""Evidence rules read in nursing notes and posts: titles and the people around a patient
alone, British spellings, named streets, shorthand after a name's sentence, greetings and kin
titles before a name, and a name's ending after a model's span (evidence.py)."""

from __future__ import annotations

import pytest
from fakes import span_at

from redactor.detect.evidence import (
    extend_over_name_ending,
    extend_over_office,
    ordinary_language,
    split_at_paragraph_breaks,
    trim_leading_words,
)
from redactor.detect.lexicon import is_common_word
from redactor.span import Span


def _span(text: str, value: str, label: str, source: str = "hf_ner:PERSON") -> Span:
    return span_at(text, value, label, source)


@pytest.mark.parametrize(("text", "value", "label"), [
    ("pt's sons Tariq and Imran, MICU attending Dr. Lindqvist", "Dr", "PERSON"),
    ("Imam requested, pastoral care paged.", "Imam", "PERSON"),
    ("Key safe code held by neighbour Mr Hakimi.", "neighbour", "ORGANIZATION"),
    ("Carer from the agency arrived during the visit", "Carer", "PERSON"),
    # a language an interpreter speaks, a kin word's shorthand, a healer
    ("DTR AT BS UNTIL 2300, PT FARSI SPEAKING.", "FARSI", "PERSON"),
    ("KREYOL INTERPRETER USED FOR UPDATE", "KREYOL", "ORGANIZATION"),
    ("HUSB ASKED ABT CHEMO. FAMILY REQUESTED SHAMAN VISIT", "SHAMAN", "PERSON"),
])
def test_titles_and_people_around_a_patient_alone_are_no_names(text: str, value: str,
                                                               label: str) -> None:
    assert ordinary_language(text, _span(text, value, label))


def test_a_title_is_a_name_only_as_a_persons_label_is_kept_apart() -> None:
    text = "Ms. Imamura called back"
    assert not ordinary_language(text, _span(text, "Imamura", "PERSON"))


@pytest.mark.parametrize(("word", "common"), [
    ("neighbour", True), ("neighbours", True), ("harbour", True),
    ("Seymour", False), ("Honour", False),  # names ("Honour" is a given name)
])
def test_british_spellings_in_our_are_words_when_the_american_one_is(word: str,
                                                                      common: bool) -> None:
    assert is_common_word(word) is common


@pytest.mark.parametrize("text", [
    "Road closure: Harbour Street will be closed from 3 June to 7 June.",
    "Road closure: Harbor Street will be closed from 3 June.",
])
def test_a_street_named_in_words_is_a_place_in_mixed_case(text: str) -> None:
    value = text.split(": ")[1].split(" will")[0]
    assert not ordinary_language(text, _span(text, value, "LOCATION", "hf_ner:LOCATION"))


def test_a_street_named_in_words_in_capitals_needs_more() -> None:
    text = "ROAD CLOSURE: HARBOR STREET WILL BE CLOSED"
    assert ordinary_language(text, _span(text, "HARBOR STREET", "LOCATION", "hf_ner:LOCATION"))


def test_shorthand_that_starts_the_next_sentence_is_no_part_of_a_name() -> None:
    text = "Key safe code held by neighbour Mr Hakimi. TTOs to be delivered to ward."
    pieces = split_at_paragraph_breaks(text, _span(text, "Hakimi. TTOs", "PERSON"))
    assert [text[p.start : p.end] for p in pieces] == ["Hakimi"]


def test_a_name_that_starts_the_next_sentence_stays_a_piece() -> None:
    text = "Spoke with Dr Okafor. Maria called later."
    pieces = split_at_paragraph_breaks(text, _span(text, "Okafor. Maria", "PERSON"))
    assert [text[p.start : p.end] for p in pieces] == ["Okafor", "Maria"]


@pytest.mark.parametrize(("text", "value", "label", "name"), [
    ("INTERPRETER FOR UPDATE. DTR JOY WILL BE PRIMARY CONTACT", "DTR JOY", "PERSON", "JOY"),
    ("Congratulations Priya & Arjun!!! Jaipur was magical", "Congratulations Priya & Arjun",
     "PERSON", "Priya & Arjun"),
    ("Congratulations Priya & Arjun!!!", "Congratulations Priya & Arjun", "ORGANIZATION",
     "Priya & Arjun"),
    ("Thank u Tita Marites and Tito Boy for flying in", "Tito Boy", "PERSON", "Boy"),
    ("haft-sin all set up at maman Shirin's house", "maman Shirin", "PERSON", "Shirin"),
    ("Pastor Odom will open with prayer at 9.", "Pastor Odom", "PERSON", "Odom"),
    ("led by Rev. Mensah and Deacon Hall", "Rev. Mensah", "PERSON", "Mensah"),
    ("REFERRING: BISHOP, ELEANOR MD", "BISHOP, ELEANOR", "PERSON", "BISHOP, ELEANOR"),  # a surname
    # a neighbour, an infant, a chaplain, a visit before the name, as a model or spaCy's
    # "organisation" takes them in
    ("AFTER SUPPER. NEIGHBOR WINSTON HELPS W/ GROCERIES", "NEIGHBOR WINSTON", "PERSON", "WINSTON"),
    ("W/ LATCH. INFANT MATEO TO HAVE CCHD SCREEN", "INFANT MATEO", "ORGANIZATION", "MATEO"),
    ("grandson. Chaplain Fr. Mulcahy in at 1300", "Chaplain Fr. Mulcahy", "PERSON", "Mulcahy"),
    ("DN visit\nVisited Mr MacLeod at home", "Visited Mr MacLeod", "ORGANIZATION", "MacLeod"),
    # an imperative before a contact, an elected office before a name
    ("per year. Contact Ayesha at members@gbra.org.za.", "Contact Ayesha", "ORGANIZATION",
     "Ayesha"),
    ("Questions from councillors\nCouncillor Ana Zec asked when", "Councillor Ana Zec", "PERSON",
     "Ana Zec"),
    ("as Cllr. Hussain put it", "Cllr. Hussain", "PERSON", "Hussain"),
    ("In attendance: Gill Bayliss (Clerk), Ward Cllr T. Malik, 4 members", "Ward Cllr T. Malik",
     "PERSON", "T. Malik"),
    # a chat line's time before its sender
    ("03/09/2023, 22:44 - Brian K: I've called the guards", "22:44 - Brian K", "PERSON",
     "Brian K"),
    ("03/09/2023, 22:41 - Kamau Estate Chair: Wakazi", "22:41 - Kamau Estate Chair",
     "ORGANIZATION", "Kamau Estate Chair"),
])
def test_greetings_and_kin_titles_before_a_name_are_trimmed(text: str, value: str, label: str,
                                                            name: str) -> None:
    span = trim_leading_words(text, _span(text, value, label))
    assert text[span.start : span.end] == name


@pytest.mark.parametrize(("text", "value", "whole", "label"), [
    ("DROPPED OFF BY COWORKER FROM TYSON FOODS PLANT.", "TYSON", "TYSON FOODS",
     "ORGANIZATION"),
    ("PT WANTS HIS PASTOR, REV ASANTE OF ST. PETER'S CHURCH, CALLED.", "ST. PETER",
     "ST. PETER'S CHURCH", "LOCATION"),
    ("transferred from Mercy Hospital overnight", "Mercy", "Mercy Hospital", "LOCATION"),
])
def test_a_models_name_takes_in_the_word_that_ends_a_place_or_firm(text: str, value: str,
                                                                   whole: str,
                                                                   label: str) -> None:
    span = extend_over_name_ending(text, _span(text, value, "PERSON"))
    assert (text[span.start : span.end], span.label) == (whole, label)


@pytest.mark.parametrize(("text", "value"), [
    ("transferred from Mercy HOSPITAL overnight", "Mercy"),  # the case differs
    ("Tyson foods were brought in by family", "Tyson"),  # no name's ending in lower case
    ("seen by Dr. Lee Clinic staff aware", "Lee"),  # an exact span is left alone below
])
def test_no_ending_in_another_case_is_taken_in(text: str, value: str) -> None:
    span = _span(text, value, "PERSON")
    exact = value == "Lee"
    assert extend_over_name_ending(text, span, exact=exact) == span


@pytest.mark.parametrize(("text", "value"), [
    ("SINGED NASAL HAIRS. CARBOXYHGB 18% ON ARRIVAL, NOW 2%.", "CARBOXYHGB"),
    ("Remains on ITO, EPOA is sister.", "EPOA"),
])
def test_shorthand_of_burns_and_capacity_is_no_name(text: str, value: str) -> None:
    assert ordinary_language(text, _span(text, value, "PERSON"))


@pytest.mark.parametrize(("text", "value", "kept"), [
    ("said she'd been at her mum's in rochdale & missed the bus. appeared calm", "rochdale",
     True),  # a town that is no word, after "in", in a note
    ("transferred from brockton, pt on heparin gtt", "brockton", True),
    # a town that is a word too, in a note ("bath": a city that is a word only in lay text,
    # and only of a million or more)
    ("pt to bath in am w/ assist, tol well. npo after mn", "bath", False),
    # a city of a million or more that is a word too, in a short post that reads not as lay
    # text (a terminal, a flight, hours: words the clinic's lists hold too)
    ("playing this at the terminal rn, flight to accra delayed 4 hours", "accra", True),
    # a town the dictionary writes only capitalised (a proper noun), in any text
    ("illustrator living in glasgow, looking for someone to drag round the markets", "glasgow",
     True),
    # a large city that is clinical shorthand too ("LIMA" graft), in a post
    ("omg finally booked the flight to lima for my birthday trip with the girls", "lima", True),
])
def test_a_town_in_lower_case_after_a_preposition(text: str, value: str, kept: bool) -> None:
    span = _span(text, value, "LOCATION", "hf_ner:LOCATION")
    assert ordinary_language(text, span) is not kept


_PROSE = ("The study was published on Monday. It covered two states. Salt is cheap. Bread is "
          "a staple. Most people eat it. Few know the risk. Children are most at risk. Doctors "
          "agree. The cost is low. The fix is simple. ")


def test_an_office_before_a_name_in_edited_prose_is_taken_in() -> None:
    text = _PROSE + "Professor Eastman says manufacturers could act."
    span = extend_over_office(text, _span(text, "Eastman", "PERSON"))
    assert text[span.start : span.end] == "Professor Eastman"


@pytest.mark.parametrize("text", [
    "Professor Eastman says manufacturers could act.",  # a short text: no edited prose
    _PROSE + "Dr Eastman says manufacturers could act.",  # a courtesy title stays out
])
def test_no_office_is_taken_in_elsewhere(text: str) -> None:
    span = _span(text, "Eastman", "PERSON")
    assert extend_over_office(text, span) == span


#: A note that tells of a family and a plan: clinical words are over a third of its words, not
#: half (:func:`~redactor.detect.lexicon.note_register`).
_FAMILY_NOTE = ("NEURO: A+OX3, TEARFUL. SOCIAL: PT IS ORIGINALLY FROM KUMASI, WIFE HERE W/ HIS "
                "COUSIN, THEY ASKED ABOUT HIS JOB AND THE HOUSE, WILL RETURN TOMORROW WITH THE "
                "KIDS. GU: FOLEY. F/U IN FALLS CLINIC NEXT MONTH.")


def test_a_device_and_a_clinic_of_a_note_that_tells_of_a_family_are_no_names() -> None:
    from redactor.detect.evidence import eponym
    from redactor.detect.lexicon import clinical_register, note_register

    assert note_register(_FAMILY_NOTE) and not clinical_register(_FAMILY_NOTE)
    assert eponym(_FAMILY_NOTE, _span(_FAMILY_NOTE, "FOLEY", "PERSON", "spacy:PERSON"))
    clinic = _span(_FAMILY_NOTE, "FALLS CLINIC", "LOCATION", "hf_ner:LOCATION")
    assert ordinary_language(_FAMILY_NOTE, clinic)


def _sure(text: str, value: str, label: str = "PERSON", score: float = 0.98) -> Span:
    start = text.index(value)
    return Span(start, start + len(value), label, score, f"hf_ner:{label}")


@pytest.mark.parametrize(("text", "value", "label"), [
    ("Curran's late strike sends Galway into the final", "Curran", "PERSON"),
    ("Thanks. - D. Brown, flat 4", "D. Brown", "PERSON"),
    ("grew up in cork, now in boston pretending the weather is the same", "boston", "LOCATION"),
])
def test_a_name_the_transformer_is_sure_of_outside_a_note_stands(text: str, value: str,
                                                                label: str) -> None:
    from redactor.detect.evidence import sure_model_name

    assert sure_model_name(text, _sure(text, value, label))


@pytest.mark.parametrize(("text", "value", "score"), [
    ("his widow spoke at the burial", "widow", 0.99),             # a word in lower case
    ("Smt. Devi attended the hearing", "Smt", 0.99),              # too short
    ("Vehicle: 2018 Nissan Rogue, VIN pending", "Nissan Rogue", 0.99),  # a car
    ("From: HR\nRe: Separation\n\nStephen resigned", "Separation", 0.99),  # a subject line
    ("Nobody told us about the Bair Hugger when we came", "Bair Hugger", 0.99),  # a device
    ("Curran's late strike sends Galway into the final", "Curran", 0.9),  # not sure enough
])
def test_no_sure_name_that_is_a_word_a_thing_or_a_guess(text: str, value: str,
                                                       score: float) -> None:
    from redactor.detect.evidence import sure_model_name

    assert not sure_model_name(text, _sure(text, value, score=score))


def test_no_sure_name_in_a_note() -> None:
    from redactor.detect.evidence import sure_model_name

    note = _FAMILY_NOTE + " SON CURRAN CALLED."
    assert not sure_model_name(note, _sure(note, "CURRAN"))
    assert not sure_model_name(_FAMILY_NOTE, _sure(_FAMILY_NOTE, "FOLEY"))


_ICU_NOTE = ("Neuro: A&Ox3, MAE. CV: NSR 80s, SBP 110s. Resp: LS clear, 2L NC, sats 96%. GI: tol "
             "diet, +BS. GU: foley, UOP 40cc/hr. ID: Tmax 100.9. Cont vanc/meropenem. Hb 104 this "
             "am. Plan: cont diuresis, f/u lytes, OOB to chair. CT done at Harbor Point Imaging. "
             "Wife moved from THE UNITED STATES.")


@pytest.mark.parametrize("value", ["Cont vanc/meropenem", "Hb 104"])
def test_spacys_organisation_of_a_notes_shorthand_is_no_name(value: str) -> None:
    assert ordinary_language(_ICU_NOTE, _span(_ICU_NOTE, value, "ORGANIZATION", "spacy:ORG"))


@pytest.mark.parametrize(("value", "label"), [
    ("Harbor Point Imaging", "ORGANIZATION"),  # capitalised as a name's words are
    ("THE UNITED STATES", "LOCATION"),          # a listed place
])
def test_a_name_or_a_place_in_a_note_is_no_shorthand(value: str, label: str) -> None:
    assert not ordinary_language(_ICU_NOTE, _span(_ICU_NOTE, value, label, "spacy:ORG"))


def test_a_notes_shorthand_outside_a_note_is_left_to_the_other_rules() -> None:
    from redactor.detect.evidence import _shorthand_of_spacy_in_a_note

    text = "Hb 104 tonight at the arena!"
    assert not _shorthand_of_spacy_in_a_note(text, _span(text, "Hb 104", "ORGANIZATION",
                                                         "spacy:ORG"))
