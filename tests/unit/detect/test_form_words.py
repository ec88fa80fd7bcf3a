"""Words of forms, notes and claims that the models take for names (issue 10, from the audit's
false alarms, shapes that real notes share): a nationality or faith used as a word, a car's
make and model, a piece of clinical shorthand ("P" of "H&P"), a role before a field's colon
("Triage RN:"), an eponym with a bare apostrophe ("Graves' disease"), dashes a model took in,
a field label a name rule or spaCy ran into ("DOB"). Each rule with the names it must leave
alone."""

from __future__ import annotations

import pytest

from redactor.detect.evidence import (
    eponym,
    has_cue,
    ordinary_language,
    trim_punctuation_edges,
)
from redactor.detect.names import NameRecognizer, echo_names
from redactor.detect.spacy_ner import trim
from redactor.span import Span


def _span(text: str, value: str, label: str = "PERSON", source: str = "hf_ner:PER") -> Span:
    start = text.index(value)
    return Span(start, start + len(value), label, 0.9, source)


# --- nationalities and faiths ---------------------------------------------------------------

@pytest.mark.parametrize(("text", "value", "label"), [
    ("at the bedside with an interpreter. She is Ghanaian, arrived in 2006", "Ghanaian",
     "PERSON"),
    ("He is Bangladeshi, arrived in 2012, and", "Bangladeshi", "PERSON"),
    ("confirms that Budi Hidayat (Indonesian national, passport", "Indonesian", "ORGANIZATION"),
    ("the applicant, a Kenyan national, was", "Kenyan", "ORGANIZATION"),
    ("and identifies as Pentecostal. She lives", "Pentecostal", "ORGANIZATION"),
    ("and identifies as Muslim. He lives", "Muslim", "PERSON"),
    ("and identifies as Baha'i. He lives", "Baha", "PERSON"),
    ("(Israeli national, passport number", "Israeli", "NRP"),
    ("A 36-yr-old previously healthy Sri Lankan male presented", "Sri Lankan", "PERSON"),
    ("the fourth child born to an Arab Muslim family of Palestinian origin", "Arab Muslim",
     "PERSON"),
    ("a previously healthy 28-year-old woman, Afro-Brazilian, in her first pregnancy",
     "Afro-Brazilian", "ORGANIZATION"),
])
def test_a_nationality_or_faith_used_as_a_word_is_no_name(text: str, value: str,
                                                           label: str) -> None:
    assert ordinary_language(text, _span(text, value, label))


@pytest.mark.parametrize(("text", "value", "label", "dropped"), [
    ("practising in Kharkiv. The Ukrainian Government (\"the Government\")",
     "The Ukrainian Government", "ORGANIZATION", True),
    ("in Diyarbakir. The Turkish Government were represented", "Turkish", "LOCATION", True),
    ("The Azerbaijani Government were represented", "Azerbaijani", "PERSON", True),
    ("a criminal fine of 25,000,000 Romanian lei (ROL)", "Romanian lei", "PERSON", True),
    ("sections 406 and 420 of the Indian Penal Code", "Indian", "LOCATION", True),
    ("She works at the Georgia Government Center", "Georgia", "LOCATION", False),  # a place
    ("Mr Romanian Popescu said", "Romanian Popescu", "PERSON", False),  # a name after it
])
def test_a_states_government_code_or_money_is_no_name(text: str, value: str, label: str,
                                                       dropped: bool) -> None:
    assert ordinary_language(text, _span(text, value, label)) is dropped


@pytest.mark.parametrize(("text", "value", "label"), [
    ("Handed over by Emmanuel, taken by Sivan.", "Sivan", "PERSON"),  # no country's stem
    ("I love you Britian .", "Britian", "PERSON"),             # Britain misspelt, no word
    ("her husband, Long Thai, who drove her in", "Thai", "PERSON"),   # a listed surname
    ("admitted to Methodist Hospital overnight", "Methodist", "ORGANIZATION"),  # a name after
    ("Brian, can you call me", "Brian", "PERSON"),
    ("She met Jordan, who works here", "Jordan", "PERSON"),    # a country, and a given name
    ("Dr. Sri Devi, who reviewed the films", "Sri Devi", "PERSON"),
    ("Thanks to Latin Okonkwo, who", "Latin Okonkwo", "PERSON"),  # a prefix, then no origin
])
def test_names_shaped_like_nationalities_stay(text: str, value: str, label: str) -> None:
    assert not ordinary_language(text, _span(text, value, label))


# --- cars -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "value", "label"), [
    ("Vehicle: Hyundai Elantra, VIN 60JKVKR2XMCM47P3L", "Hyundai Elantra", "PERSON"),
    ("Vehicle: Toyota Corolla, VIN RMR9708X4BYG3VLCA", "Toyota", "ORGANIZATION"),
    ("she drives a Honda Civic to work", "Honda Civic", "ORGANIZATION"),
])
def test_a_cars_make_and_model_is_no_name(text: str, value: str, label: str) -> None:
    assert ordinary_language(text, _span(text, value, label))


@pytest.mark.parametrize(("text", "value", "label"), [
    ("Kia Johnson called about her claim", "Kia Johnson", "PERSON"),  # a listed surname after
    ("he works at Toyota now", "Toyota", "ORGANIZATION"),            # the maker alone
    ("Needa Parts 795001 Toyota Front Door Handle", "Toyota", "ORGANIZATION"),  # no car here
])
def test_makers_and_people_named_like_them_stay(text: str, value: str, label: str) -> None:
    assert not ordinary_language(text, _span(text, value, label))


# --- clinical shorthand, roles, eponyms -------------------------------------------------------

@pytest.mark.parametrize(("text", "value"), [
    ("ADMISSION H&P - Mercy Valley Hospital", "P"),
    ("ADMISSION H&P - Mercy Valley Hospital", "&P"),
    ("s/p I&D of the left thigh", "D"),
])
def test_a_piece_of_clinical_shorthand_is_no_organisation(text: str, value: str) -> None:
    assert ordinary_language(text, _span(text, value, "ORGANIZATION", "hf_ner:ORG"))


def test_a_name_joined_to_a_word_is_no_piece_of_shorthand() -> None:
    text = "The Jimenez-Parker office is at 593 Candice Plains"
    assert not ordinary_language(text, _span(text, "Parker", "ORGANIZATION", "hf_ner:ORG"))


def test_a_credential_before_a_colon_is_a_fields_label_not_a_cue() -> None:
    text = "Allergies: sulfa.\nTriage RN: I. Riviere, RN"
    start = text.index("Triage")
    assert not has_cue(text, start, start + len("Triage"), "PERSON")
    assert ordinary_language(text, _span(text, "Triage"))
    name = text.index("I. Riviere")
    assert has_cue(text, name, name + len("I. Riviere"), "PERSON")  # ", RN" after a name


@pytest.mark.parametrize("text", [
    "whom I have followed since 2009 for Graves' disease. Over",
    "whom I have followed since 2009 for Graves’ disease. Over",
])
def test_an_eponym_with_a_bare_apostrophe_is_no_person(text: str) -> None:
    assert eponym(text, _span(text, "Graves", source="spacy:PERSON"))


def test_a_name_before_a_bare_apostrophe_and_a_noun_stays() -> None:
    text = "We met at James' house on Sunday."
    assert not eponym(text, _span(text, "James", source="spacy:PERSON"))


# --- edges and labels -------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "value", "expected"), [
    ("ADMISSION H&P - Mercy Valley Hospital\n", "- Mercy Valley Hospital",
     "Mercy Valley Hospital"),
    ("Attending: Dr. Ana Lima:", "Ana Lima:", "Ana Lima"),
    ("The Jimenez-Parker office", "-Parker", "-Parker"),         # a hyphen joined to a word
    ("Phillips, Simmons and Villarreal", "Phillips,", "Phillips,"),  # a firm's comma stays
])
def test_dashes_and_colons_at_a_models_edges_go(text: str, value: str, expected: str) -> None:
    span = trim_punctuation_edges(text, _span(text, value, "LOCATION"))
    assert text[span.start : span.end] == expected


def test_exact_spans_keep_their_edges() -> None:
    text = "- Mercy Valley Hospital"
    span = _span(text, text, "LOCATION", "pattern:facility")
    assert trim_punctuation_edges(text, span, exact=True) == span


def test_a_fields_name_ends_at_a_column_gap() -> None:
    text = "Policyholder: Karolina Olszewska   DOB November 20, 1950"
    spans = NameRecognizer().detect([text])[0]
    field = [text[s.start : s.end] for s in spans if s.source == "names:field"]
    assert field == ["Karolina Olszewska"]


def test_a_field_label_is_never_echoed_as_a_name() -> None:
    text = "Karolina Olszewska DOB\nIdentity confirmed with DOB 03/27/1978. Karolina ate."
    found = Span(0, len("Karolina Olszewska DOB"), "PERSON", 0.95, "hf_ner:PER")
    echoed = {text[s.start : s.end] for s in echo_names(text, [found])}
    assert "DOB" not in echoed and "Karolina" in echoed


@pytest.mark.parametrize(("text", "value", "expected"), [
    ("Identity confirmed with DOB 03/27/1978 and address.", "DOB 03/27/1978", "03/27/1978"),
    ("MRN: 4471923 on file", "MRN: 4471923", "4471923"),
    ("works at Dobson 4 Ltd", "Dobson 4 Ltd", "Dobson 4 Ltd"),  # no label: a word's start
])
def test_spacy_entities_lose_a_field_label_before_a_value(text: str, value: str,
                                                          expected: str) -> None:
    start = text.index(value)
    s, e = trim(text, start, start + len(value), "ORGANIZATION")
    assert text[s:e] == expected


# --- devices and departments in notes (MTSamples' false alarms) -----------------------------

NOTE = ("PROCEDURE: Total abdominal hysterectomy. ANESTHESIA: General endotracheal. "
        "ESTIMATED BLOOD LOSS: 200 mL. The patient was prepped and draped in the usual sterile "
        "fashion. ")


@pytest.mark.parametrize(("text", "value", "label"), [
    (NOTE + "The arm was exsanguinated with an Esmarch and tourniquet inflated.", "Esmarch",
     "ORGANIZATION"),
    (NOTE + "A 22-French 3-way Foley was inserted per urethra.", "Foley", "PERSON"),
    (NOTE + "The GYN Balfour was then placed.", "Balfour", "LOCATION"),
    (NOTE + "The Falope rings were then applied to each tube bilaterally.", "Falope", "PERSON"),
    (NOTE + "A Pfannenstiel skin incision was made.", "Pfannenstiel", "ORGANIZATION"),
    (NOTE + "He was transferred to Postanesthesia Care Unit in stable condition.",
     "Postanesthesia Care Unit", "ORGANIZATION"),
    (NOTE + "He was seen in the Pediatric Urology Clinic.", "Pediatric Urology Clinic",
     "ORGANIZATION"),
    ("Yaa Adjei, MD - Hospital Medicine\nNPI 2630806273", "MD - Hospital Medicine",
     "ORGANIZATION"),
    # an office named by its work, or a department by its specialty, in any letter
    ("Anthem Blue Cross\nClaims Department\n\n07/09/2020", "Claims Department", "ORGANIZATION"),
    ("Please forward the contract to our Legal Department by Friday.", "Legal Department",
     "ORGANIZATION"),
    ("05/26/2022\n\nDear Admissions Committee,\n\nIt is a pleasure", "Dear Admissions Committee",
     "ORGANIZATION"),
    ("Prairie View Memorial Hospital\nDepartment of Internal Medicine\n",
     "Department of Internal Medicine", "ORGANIZATION"),
    ("BRIEF-KYLE THOMAS NAMED HEAD OF REGIONAL OFFICE", "REGIONAL OFFICE", "ORGANIZATION"),
    # a committee or a service of the hospital, with the article a model took in
    ("The study was approved by the Ethics Committee of the hospital.", "the Ethics Committee",
     "ORGANIZATION"),
    (NOTE + "Pain was managed by the Anesthesia Service postoperatively.", "Anesthesia Service",
     "ORGANIZATION"),
    (NOTE + "INR to be followed by the Anticoagulation Service at the clinic.",
     "Anticoagulation Service", "ORGANIZATION"),
    (NOTE + "He is to follow up in Brain Tumor Clinic 12/8 for suture removal.",  # a condition's
     "Brain Tumor Clinic", "LOCATION"),
    (NOTE + "She was seen by Pulmonary, Dr. Gervasi, who recommended a taper.", "Pulmonary",
     "PERSON"),                                                   # a service alone
    (NOTE + "Accepting physician: Stephen Okoro, MD, Interventional Cardiology",
     "Interventional Cardiology", "ORGANIZATION"),
    (NOTE + "FOLLOW-UP: DR. BISHOP IN NEUROSURGERY CLINIC IN SIX WEEKS.", "NEUROSURGERY CLINIC",
     "LOCATION"),
    (NOTE + "FLUIDS: 2400 cc lactated Ringer's. DRAINS: 19 French Blake drain.", "Ringer",
     "PERSON"),                                                   # a solution named after him
])
def test_a_device_or_a_department_in_a_note_is_no_name(text: str, value: str,
                                                       label: str) -> None:
    span = _span(text, value, label, "spacy:ORG")
    assert ordinary_language(text, span) or eponym(text, span)


@pytest.mark.parametrize(("text", "value", "label"), [
    ("RT @WeddingPornx : Vera Wang engagement ring from her Love collection", "Vera Wang",
     "PERSON"),                                                   # a ring outside a note
    (NOTE + "The Smith family was updated at the bedside.", "Smith", "PERSON"),  # no device verb
    ("She was referred to the Mayo Clinic for a second opinion.", "Mayo Clinic",
     "ORGANIZATION"),                                             # no specialty: a facility
    ("He filed a complaint with the Department of Justice on Monday.", "Department of Justice",
     "ORGANIZATION"),                                             # a ministry's name
    ("The Home Office said the visa was refused.", "Home Office", "ORGANIZATION"),
    # a body named by common words and its institution's word, outside clinical notes
    ("The National Weather Service said gusts reached 68 mph.", "The National Weather Service",
     "ORGANIZATION"),
    ("Ebenezer Quaye of the Industrial and Commercial Workers' Union said the workers would "
     "seek talks.", "the Industrial and Commercial Workers' Union", "ORGANIZATION"),
    ("The lawyer referred the case to the Social Services in Leeds last week.",
     "Social Services", "ORGANIZATION"),
    (NOTE + "Dr. Okafor was present for the entire procedure.", "Okafor", "PERSON"),
    # common words of a body's name with its lower-case joiners, mid-sentence
    ("The MP would be raising the issue in the House of Commons next week.", "House of Commons",
     "ORGANIZATION"),
])
def test_names_near_devices_and_facilities_stay(text: str, value: str, label: str) -> None:
    span = _span(text, value, label, "hf_ner:PER")
    assert not ordinary_language(text, span) and not eponym(text, span)


def test_a_model_span_is_split_at_blank_lines_and_a_dates_piece_needs_a_number() -> None:
    from redactor.detect.evidence import split_at_paragraph_breaks

    text = "June 23, 2020\n\nTo Whom It May Concern:\n\nI am writing"
    date = Span(0, text.index(":"), "DATE", 0.9, "hf_ner:DATE")
    assert [text[s.start : s.end] for s in split_at_paragraph_breaks(text, date)] == [
        "June 23, 2020"]
    letter = "Meikeweg 3\n5847 BD  LEIDEN\n\nDear Baseer,"
    org = Span(letter.index("LEIDEN"), letter.index(","), "ORGANIZATION", 0.6, "spacy:ORG")
    assert [letter[s.start : s.end] for s in split_at_paragraph_breaks(letter, org)] == [
        "LEIDEN", "Dear Baseer"]
    assert split_at_paragraph_breaks(letter, org, exact=True) == [org]  # a pattern's is whole
    heading = "Declares himself emperor\n\nEmperor Joshua Norton, in full uniform"
    person = Span(heading.index("emperor"), heading.index(","), "PERSON", 0.84, "hf_ner:PER")
    assert [heading[s.start : s.end] for s in split_at_paragraph_breaks(heading, person)] == [
        "Emperor Joshua Norton"]  # the words of the dictionary in lower case before it go


def test_a_persons_or_an_organisations_model_span_is_split_at_every_line_break() -> None:
    from redactor.detect.evidence import split_at_paragraph_breaks

    text = "Fami Tarhan\nDavis-Roberts\nBaltimore General Hospital\nPATIENT INSTRUCTIONS"
    person = Span(0, text.index("\nBaltimore"), "PERSON", 0.9, "hf_ner:PER")
    assert [text[s.start : s.end] for s in split_at_paragraph_breaks(text, person)] == [
        "Fami Tarhan", "Davis-Roberts"]
    org = Span(text.index("Baltimore"), text.index(" INSTR"), "ORGANIZATION", 0.6, "spacy:ORG")
    assert [text[s.start : s.end] for s in split_at_paragraph_breaks(text, org)] == [
        "Baltimore General Hospital", "PATIENT"]  # each line's piece is then judged alone
    place = Span(text.index("Baltimore"), len(text), "LOCATION", 0.9, "hf_ner:LOC")
    assert split_at_paragraph_breaks(text, place) == [place]  # an address runs over lines
    judgment = "lodged an appeal on 2 April 2004.\n7. On 15 September 2005 the court"
    date = Span(judgment.index("2 April"), judgment.index(". On"), "DATE", 0.9, "hf_ner:DATE")
    assert [judgment[s.start : s.end] for s in split_at_paragraph_breaks(judgment, date)] == [
        "2 April 2004", "7"]  # the next paragraph's number is no part of it (nor a date)
    wrapped = "seen on 2 April\n2004 in clinic"
    date = Span(wrapped.index("2 April"), wrapped.index(" in"), "DATE", 0.9, "hf_ner:DATE")
    assert split_at_paragraph_breaks(wrapped, date) == [date]  # a wrapped line stays whole
    listed = "Attendees: He, Yan; Brown, Alice"
    people = Span(listed.index("Yan"), len(listed), "PERSON", 0.9, "hf_ner:PER")
    assert [listed[s.start : s.end] for s in split_at_paragraph_breaks(listed, people)] == [
        "Yan", "Brown, Alice"]  # a list's entries, at its semicolons
    firm = "Smith; Jones LLP"
    assert split_at_paragraph_breaks(firm, Span(0, len(firm), "ORGANIZATION", 0.6, "spacy:ORG")
                                     ) == [Span(0, len(firm), "ORGANIZATION", 0.6, "spacy:ORG")]


@pytest.mark.parametrize(("text", "value", "pieces"), [
    # (shorthand that starts the next sentence is no piece: "NPO", "VNA")
    ("CABG w/ Dr Papadakis. NPO after MN.", "Papadakis. NPO", ["Papadakis"]),
    ("seen by Kowalski. Daughter Ellen called", "Kowalski. Daughter Ellen",
     ["Kowalski", "Daughter Ellen"]),
    # a full stop that abbreviates stays inside the name
    ("spoke with Mrs. Haas today", "Mrs. Haas", ["Mrs. Haas"]),
    ("MRS. HAAS AT BEDSIDE", "MRS. HAAS", ["MRS. HAAS"]),
    ("a note by Prof. Eastman", "Prof. Eastman", ["Prof. Eastman"]),
    ("signed J. R. Smith", "J. R. Smith", ["J. R. Smith"]),
    ("from Dr. Lee", "Dr. Lee", ["Dr. Lee"]),
    ("letters of Chas. Dickens", "Chas. Dickens", ["Chas. Dickens"]),
    ("Home with his wife , Mei . VNA from South Cove", "Mei . VNA", ["Mei"]),  # tokens
])
def test_a_persons_model_span_is_split_at_a_sentences_end(text: str, value: str,
                                                          pieces: list[str]) -> None:
    from redactor.detect.evidence import split_at_paragraph_breaks

    span = _span(text, value, "PERSON", "hf_ner:PER")
    assert [text[s.start : s.end] for s in split_at_paragraph_breaks(text, span)] == pieces


@pytest.mark.parametrize(("text", "value", "whole"), [
    ("MRN :\n311-52-09-7\n", "311-52-09-", "311-52-09-7"),
    ("JOB #: 311-52-09-7 seen", "52-09-7", "311-52-09-7"),
    ("Acct KQ882/40417.", "KQ882/", "KQ882/40417"),
    ("call 617-555-0199 now", "617-555-01", "617-555-0199"),
    ("MRN 4471923. Seen today", "4471923", "4471923"),  # a sentence's full stop stays out
    ("MRN: 4471923 seen", "4471923", "4471923"),
])
def test_a_models_identifier_covers_the_whole_token(text: str, value: str, whole: str) -> None:
    from redactor.detect.evidence import extend_to_whole_token

    label = "PHONE_NUMBER" if text.startswith("call") else "MEDICAL_RECORD_NUMBER"
    span = _span(text, value, label, "hf_ner:ID")
    fitted = extend_to_whole_token(text, span)
    assert text[fitted.start : fitted.end] == whole
    assert extend_to_whole_token(text, span, exact=True) == span  # a pattern's stays
    person = _span(text, value, "PERSON", "hf_ner:PER")
    assert extend_to_whole_token(text, person) == person  # names have their own fitting


@pytest.mark.parametrize(("text", "value", "date"), [
    ("the second in 1958 and the third in 1971", "in 1958", "1958"),
    ("Seen on 3 May 2019 in clinic.", "on 3 May 2019", "3 May 2019"),
    ("In the summer of 1981 she moved.", "In the summer of 1981", "the summer of 1981"),
    ("the summer of 1981", "the summer of 1981", "the summer of 1981"),
    ("ID: afebrile, Zosyn day 6/14.", "day 6/14", "6/14"),  # then read as a course's day
    ("CMO if no improvement by Friday 3/5.", "by Friday 3/5", "Friday 3/5"),  # a weekday stays
    ("Commencement Address - Class of 2024", "of 2024", "2024"),  # then a year alone
])
def test_a_models_date_without_the_preposition_before_it(text: str, value: str,
                                                         date: str) -> None:
    from redactor.detect.evidence import trim_leading_words

    fitted = trim_leading_words(text, _span(text, value, "DATE", "hf_ner:DATE"))
    assert text[fitted.start : fitted.end] == date


@pytest.mark.parametrize(("text", "value", "label", "kept"), [
    ("seen by dr. mcnamara from renal, recs", "mcnamara from renal", "PERSON", "mcnamara"),
    ("Tom from accounting called", "Tom from accounting", "PERSON", "Tom"),
    ("ambulated in hall w/ pt x2", "hall w/ pt", "LOCATION", "hall"),
    ("PT AMBULATED IN HALL W/ PT X 150FT", "HALL W", "LOCATION", "HALL"),  # cut inside "W/"
    ("Catherine of Aragon was queen", "Catherine of Aragon", "PERSON", "Catherine of Aragon"),
    ("Tom and Jerry", "Tom and Jerry", "PERSON", "Tom and Jerry"),
    ("love Death Cab for Cutie", "Death Cab for Cutie", "PERSON", "Death Cab for Cutie"),
    ("the Society for Neuroscience met", "Society for Neuroscience", "ORGANIZATION",
     "Society for Neuroscience"),
])
def test_a_models_name_ends_before_a_preposition(text: str, value: str, label: str,
                                                  kept: str) -> None:
    from redactor.detect.evidence import trim_at_joining_words

    fitted = trim_at_joining_words(text, _span(text, value, label, "spacy:PERSON"))
    assert text[fitted.start : fitted.end] == kept


NOTE_LOWER = ("npn 7a-7p\npt rec'd from ccu at 0800, alert, oriented x3. c/o nausea, zofran 4mg "
              "iv given. hr 60s-80s sr, bp 100s-120s/60s. lungs clear, 2l nc sats 96%.\n")


@pytest.mark.parametrize(("text", "value", "label", "dropped"), [
    (NOTE_LOWER + "ambulated in hall x2.", "hall", "LOCATION", True),
    (NOTE_LOWER + "son joe in to visit.", "joe", "PERSON", False),
    # too short to read as a note: spaCy's lone word of the dictionary in lower case goes all
    # the same, as in any text that is no note
    ("ambulated in hall x2 with Dr. Okafor, Cardiology Clinic", "hall", "LOCATION", True),
    # a note's section in lower case; a kin word before the name in brackets; shorthand that
    # names a town too ("LIMA-LAD" graft)
    (NOTE_LOWER + "ren: crrt running, removing 50cc/hr.", "ren", "PERSON", True),
    ("ren: hi all, back tomorrow", "ren", "PERSON", False),  # no note: a chat's speaker
    (NOTE_LOWER + "chest pt done. Son (Mike) called from work.", "Son", "PERSON", True),
    (NOTE_LOWER + "Son Heung-min called from work.", "Son Heung-min", "PERSON", False),
    (NOTE_LOWER + "s/p cabg x3 (LIMA-LAD, SVG-OM), pod 2.", "LIMA", "PERSON", True),
    ("She flew from LIMA to Quito.", "LIMA", "LOCATION", False),
])
def test_a_lower_case_word_in_a_note(text: str, value: str, label: str, dropped: bool) -> None:
    assert ordinary_language(text, _span(text, value, label, "spacy:FAC")) is dropped


@pytest.mark.parametrize(("text", "value", "device"), [
    (NOTE_LOWER + "foley d/c'd at 1400, due to void.", "foley d/c'd", True),
    (NOTE_LOWER + "seen by dr. foley today.", "foley", False),  # a title: a person
    (NOTE_LOWER + "Foley Smith in to visit.", "Foley Smith", False),
])
def test_a_device_with_shorthand_after_it(text: str, value: str, device: bool) -> None:
    assert eponym(text, _span(text, value, "PERSON", "spacy:PERSON")) is device


def test_a_greeting_is_no_part_of_a_name() -> None:
    from redactor.detect.evidence import trim_leading_words

    text = "Hi Hafsat, refill sent. Dear Ms. Castro,"
    for value, name in (("Hi Hafsat", "Hafsat"), ("Dear Ms. Castro", "Castro")):
        span = _span(text, value, "PERSON", "hf_ner:PER")
        fitted = trim_leading_words(text, span)
        assert text[fitted.start : fitted.end] == name


@pytest.mark.parametrize(("text", "value", "label", "name"), [
    ("SOCIAL: DAUGHTER LINDA AND HUSBAND HERE", "DAUGHTER LINDA", "PERSON", "LINDA"),
    ("Son Michael to visit in am.", "Son Michael", "PERSON", "Michael"),
    ("family meeting w/ SW Kelly and sister Ana", "SW Kelly", "ORGANIZATION", "Kelly"),
    ("family meeting w/ SW Kelly and sister Ana", "sister Ana", "PERSON", "Ana"),
    ("Son Ye-jin was admitted.", "Son Ye-jin", "PERSON", "Son Ye-jin"),  # a Korean surname
    ("Pt Son Nguyen seen in clinic", "Son Nguyen", "PERSON", "Son Nguyen"),  # a given name
    ("Pt Son Lam seen in clinic", "Son Lam", "PERSON", "Son Lam"),  # the patient's
    ("NAME: SON SOO-JIN\nDOB: 1950-02-01", "SON SOO-JIN", "PERSON", "SON SOO-JIN"),  # a field's
    ("PATIENT: SON, MIN-SEO    MRN: 4451209", "SON, MIN-SEO", "PERSON", "SON, MIN-SEO"),
    ("SON PHAN, RN\n03/04/21 0700", "SON PHAN", "PERSON", "SON PHAN"),  # a signature's
    ("HCP: son Walter, tel 555-0100", "son Walter", "PERSON", "Walter"),  # a relative, labelled
    ("Sony Music signed her.", "Sony Music", "ORGANIZATION", "Sony Music"),
    ("Daughter-in-law Priya called.", "in-law Priya", "PERSON", "Priya"),
    ("MET WITH PT'S SON TERRENCE AND HIS WIFE", "PT'S SON TERRENCE", "PERSON", "TERRENCE"),
    ("told her cm jill will call her tmrw", "her cm jill", "PERSON", "jill"),
    ("DAUGHTER IN LAW OKSANA VISITED", "IN LAW OKSANA", "PERSON", "OKSANA"),
    ("ROMEO SANTOS , M.D.\nElectronically Signed ROMEO SANTOS , M.D. 08/09/2006",
     "Electronically Signed ROMEO SANTOS", "PERSON", "ROMEO SANTOS"),
    ("NICU NPN\nBABY BOY OLIVEIRA, 33WKER, DOL 10", "BABY BOY OLIVEIRA", "PERSON", "OLIVEIRA"),
])
def test_a_relative_or_a_care_role_is_no_part_of_a_name(text: str, value: str, label: str,
                                                        name: str) -> None:
    from redactor.detect.evidence import trim_leading_words

    fitted = trim_leading_words(text, _span(text, value, label, "spacy:PERSON"))
    assert text[fitted.start : fitted.end] == name


@pytest.mark.parametrize(("text", "value", "dropped"), [
    ("Family meeting held. Pt made DNR/DNI.", "made DNR", True),  # what the patient did
    ("Seen today. Pt Kelly stable.", "Kelly", False),             # the patient's name
    ("seen today. pt tom smith stable.", "tom smith", False),     # a note in lower case
])
def test_a_verb_after_pt_is_no_name(text: str, value: str, dropped: bool) -> None:
    assert ordinary_language(text, _span(text, value, "PERSON", "hf_ner:PERSON")) is dropped


def test_a_words_full_stop_before_a_place_is_no_part_of_it() -> None:
    from redactor.detect.evidence import trim_punctuation_edges

    text = "CASE OF KOWALCZYK AND OTHERS v. POLAND"
    place = _span(text, ". POLAND", "LOCATION", "hf_ner:LOCATION")
    fitted = trim_punctuation_edges(text, place)
    assert text[fitted.start : fitted.end] == "POLAND"
    signed = "SIGNED BY: MARGARET O'LEARY, M.D. 09/22/2004 14:32"
    date = _span(signed, ". 09/22/2004", "DATE", "hf_ner:DATE")
    fitted = trim_punctuation_edges(signed, date)
    assert signed[fitted.start : fitted.end] == "09/22/2004"  # "M.D." keeps its full stop
    post = "when u get home n ur mum has made jollof 🥹❤️"
    food = _span(post, "jollof 🥹❤️", "PERSON", "spacy:PERSON")
    fitted = trim_punctuation_edges(post, food)
    assert post[fitted.start : fitted.end] == "jollof"  # no emoji in a name's span
    dotnet = "built on .NET Core"
    org = _span(dotnet, ".NET Core", "ORGANIZATION", "hf_ner:ORGANIZATION")
    assert trim_punctuation_edges(dotnet, org) == org


@pytest.mark.parametrize(("text", "value", "name"), [
    ("DAUGHTER SIOBHAN DRIVING IN FROM WORCESTER", "SIOBHAN DRIVING", "SIOBHAN"),
    ("WIFE MARIE-CLAUDE SPEAKS CREOLE, INTERPRETER USED", "MARIE-CLAUDE SPEAKS CREOLE",
     "MARIE-CLAUDE"),
    ("HUSBAND IVAN DIED 1999.", "IVAN DIED", "IVAN"),
    # names that are words too stay: listed, left out of the lists as words, or short
    ("DAUGHTER MARY ROSE AT BEDSIDE", "MARY ROSE", "MARY ROSE"),
    ("SEEN BY ANNA LONG TODAY", "ANNA LONG", "ANNA LONG"),
    ("KWANG-HO CHO, RN", "KWANG-HO CHO", "KWANG-HO CHO"),
    ("MILA DE VRIES IS A 67 YO M", "MILA DE VRIES", "MILA DE VRIES"),  # after a particle
    ("Siobhan Driving called", "Siobhan Driving", "Siobhan Driving"),  # not in capitals
    ("dilt gtt increased. dr ng aware, paged at 4-1187", "ng aware", "ng"),  # in lower case
    ("placement confirmed. dr ho aware. mitts applied.", "ho aware", "ho"),
    ("BP DROPPED W/ DILT, NEO STARTED @ 0.5", "NEO STARTED @", "NEO"),  # a sign after a verb
])
def test_a_name_in_capitals_or_lower_case_without_the_sentence_after_it(text: str, value: str,
                                                          name: str) -> None:
    from redactor.detect.evidence import trim_sentence_verbs

    note = NOTE.upper() + text  # in a clinical note
    fitted = trim_sentence_verbs(note, _span(note, value, "PERSON", "hf_ner:PER"))
    assert note[fitted.start : fitted.end] == name
    post = "LMSD FROZEN IS THE BEST BAND EVER LOL"  # a post's band is a name of its own
    span = _span(post, "LMSD FROZEN", "PERSON", "hf_ner:PER")
    assert trim_sentence_verbs(post, span) == span


@pytest.mark.parametrize(("text", "value", "name"), [
    ("case manager: sven de wit, ext 4471", "sven de", "sven de wit"),
    ("Bed 12 Lars van Broek -- for CT", "Lars van", "Lars van Broek"),
    ("Pt Nguyen Le seen", "Nguyen Le", "Nguyen Le"),  # "Le" ends a name
    ("seen by Ana da", "Ana da", "Ana da"),           # nothing after it
])
def test_a_name_ends_with_no_particle(text: str, value: str, name: str) -> None:
    from redactor.detect.evidence import complete_after_particle

    fitted = complete_after_particle(text, _span(text, value, "PERSON", "hf_ner:PER"))
    assert text[fitted.start : fitted.end] == name


PROSE = ("The market opens at six. Traders arrive before dawn. Most sell fish and rice. "
         "Prices rose this year. The council built a new roof. Rain still gets in. "
         "Buses stop at the gate. Taxis wait on the corner. Visitors come on Sundays. "
         "The stalls close at noon. ")


@pytest.mark.parametrize(("text", "value", "label", "dropped"), [
    (PROSE + "I met the man who sold suya outside the bank.", "suya", "PERSON", True),
    (PROSE + "A bed costs 20,000 dong a night.", "dong", "LOCATION", True),
    (PROSE + "Kavarna Mesto, Wolfova ulica 3, has cake.", "ulica", "ORGANIZATION", False),
    (PROSE + "Kavarna Mesto, Wolfova ulica 3, has cake.", "ulica 3", "LOCATION", False),
    ("lol me and jasmine at the mall. so bored. " * 3, "jasmine", "PERSON", False),  # a post
    (PROSE + "It was arrested by gendarmes at dawn.", "gendarmes", "PERSON", True),
    (PROSE + "Electronically signed out by vandamm on 2/16.", "vandamm", "PERSON", False),
    (PROSE + "She works for Đặng và Phạm Công ty Cổ phần now.", "phần", "ORGANIZATION", False),
])
def test_a_lower_case_find_in_edited_prose_is_a_word(text: str, value: str, label: str,
                                                     dropped: bool) -> None:
    from redactor.detect.evidence import edited_prose

    assert edited_prose(text) is text.startswith(PROSE)
    span = _span(text, value, label, "hf_ner:PER")
    assert ordinary_language(text, span) is dropped


@pytest.mark.parametrize(("text", "value", "name"), [
    ("leicester actually did it. ranieri deserves a statue.", "ranieri deserves", "ranieri"),
    ("hbo really ended it like that. dany deserved better.", "dany deserved", "dany"),
    ("who's here after pewdiepie reacted to this lmaooo", "pewdiepie reacted", "pewdiepie"),
    ("shoutout to tom jones tonight", "tom jones", "tom jones"),  # a listed surname stays
    ("ANGELA ROSE IS HERE", "ANGELA ROSE", "ANGELA ROSE"),           # not lower case
])
def test_a_posts_verb_after_a_name_in_lower_case_is_no_part_of_it(text: str, value: str,
                                                                   name: str) -> None:
    from redactor.detect.evidence import trim_sentence_verbs

    fitted = trim_sentence_verbs(text, _span(text, value, "PERSON", "hf_ner:PERSON"))
    assert text[fitted.start : fitted.end] == name
