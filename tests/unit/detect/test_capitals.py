"""Clinical notes written in capitals (issue 10: ICU nursing notes, dictations in capitals):
spaCy, trained on mixed case, takes verbs and instruments for names there. What drops them,
and the names, places and cued mentions that must stay."""

from __future__ import annotations

import pytest
from fakes import Fixed

from redactor.detect.engine import Engine
from redactor.detect.evidence import unconfirmed_in_capitals
from redactor.detect.lexicon import clinical_register, is_common_word, note_register
from redactor.policy import Policy
from redactor.span import Span

NOTE = ("THE PATIENT WAS TAKEN TO THE OPERATING ROOM AND PLACED SUPINE. THE INCISION WAS MADE "
        "AND THE FASCIA WAS OPENED. THE AMPULLAE WERE MOBILIZED AND TRANSECTED, AND HEMOSTASIS "
        "WAS OBTAINED WITH BIPOLAR CAUTERY. A KITNER WAS USED TO DISSECT THE TISSUE.")
TWEET = "OMG CANT WAIT TO SEE KISHAN AND THE BOYS TONIGHT AT THE STADIUM WITH EVERYONE!!! SO HYPED"


def _at(text: str, value: str, label: str = "PERSON", source: str = "spacy:PERSON") -> Span:
    start = text.index(value)
    return Span(start, start + len(value), label, 0.85, source)


@pytest.mark.parametrize("word", ["MOBILIZED", "reapproximated", "TRANSFIXING", "undermined",
                                  "insufflated", "stapled"])
def test_verb_forms_of_clinical_and_english_words_are_common(word: str) -> None:
    assert is_common_word(word)


@pytest.mark.parametrize("word", ["Harding", "MANNING", "Sterling", "Fleming", "Reed"])
def test_listed_names_ending_like_verbs_are_not(word: str) -> None:
    assert not is_common_word(word)


def test_clinical_register_tells_notes_from_posts() -> None:
    assert clinical_register(NOTE)
    assert clinical_register(NOTE.lower())
    assert not clinical_register(TWEET)
    assert not clinical_register("INCISION MADE. FASCIA OPENED.")  # too short to tell


#: An ICU nursing note in capitals and shorthand: units, drips and care words, few sentences.
NURSING = ("NPN 7A-7P NEURO: ALERT AND ORIENTED X3, MAE. CV: HR 80-90S NSR, NO ECTOPY. BP "
           "110-130/60S. K+ 3.6 REPLETED. RESP: LS COARSE BILAT, O2 SAT 95% ON 4L NC. GI: ABD "
           "SOFT, +BS, TOLERATING SIPS. NGT TO LCWS. GU: FOLEY DRAINING CLEAR YELLOW URINE "
           "30-50CC/HR. ID: TMAX 100.2. VANCO/ZOSYN CONT. SKIN: DSG D+I, CDI.")


def test_a_nursing_note_in_shorthand_is_clinical_and_chat_with_the_same_grammar_is_not() -> None:
    assert clinical_register(NURSING)
    assert clinical_register(NURSING.lower())
    # the grammar words and one-letter words count neither way: a post stays a post
    assert not clinical_register("so i went to the gym and then on to the mall with my sister, "
                                 "she is going to buy a new dress for the party on friday")


@pytest.mark.parametrize("value", ["MOBILIZED", "KITNER"])
def test_spacys_lone_guess_in_a_note_in_capitals_is_dropped(value: str) -> None:
    assert unconfirmed_in_capitals(NOTE, _at(NOTE, value), [])


def test_what_keeps_spacys_span_in_capitals() -> None:
    kitner = _at(NOTE, "KITNER")
    confirmed = Span(kitner.start, kitner.end, "PERSON", 0.9, "hf_ner:PERSON")
    assert not unconfirmed_in_capitals(NOTE, kitner, [confirmed])  # the uncased model agrees
    listed = Span(kitner.start, kitner.end, "PERSON", 0.6, "names:lists")
    assert unconfirmed_in_capitals(NOTE, kitner, [listed])  # list matches confirm nothing
    cued = NOTE.replace("A KITNER WAS", "DR. KITNER WAS")
    assert not unconfirmed_in_capitals(cued, _at(cued, "KITNER"), [])
    named = NOTE.replace("A KITNER WAS", "JACKSON WAS")
    assert not unconfirmed_in_capitals(named, _at(named, "JACKSON"), [])  # a listed surname
    placed = NOTE.replace("A KITNER WAS", "BOSTON WAS")
    assert not unconfirmed_in_capitals(placed, _at(placed, "BOSTON", "LOCATION", "spacy:GPE"), [])
    mixed = NOTE.capitalize()
    assert not unconfirmed_in_capitals(mixed, _at(mixed, "kitner"), [])  # not in capitals
    model = _at(NOTE, "KITNER", source="hf_ner:PERSON")
    assert not unconfirmed_in_capitals(NOTE, model, [])  # only spaCy's spans


@pytest.mark.parametrize("saint", ["ST. ISIDORE'S", "SAINT ANNE'S", "ST BRENDAN'S", "ST. AGNES"])
def test_a_place_named_for_a_saint_stays_in_capitals(saint: str) -> None:
    text = NOTE.replace("A KITNER WAS USED", f"PLAN TRANSFER TO {saint} LEVEL II NURSERY")
    assert not unconfirmed_in_capitals(text, _at(text, saint, "ORGANIZATION", "spacy:ORG"), [])


@pytest.mark.parametrize(("replacement", "value"), [
    ("ST DEPRESSION NOTED IN V4", "ST DEPRESSION"),  # sinus rhythm's segment: no saint
    ("ST JOHN'S WORT HELD", "ST JOHN'S"),           # a herb
])
def test_a_segment_or_a_herb_is_no_saints_place(replacement: str, value: str) -> None:
    text = NOTE.replace("A KITNER WAS USED", replacement)
    assert unconfirmed_in_capitals(text, _at(text, value, "ORGANIZATION", "spacy:ORG"), [])


def test_a_listed_name_that_is_a_word_keeps_no_span_in_capitals() -> None:
    strong = NOTE.replace("A KITNER WAS USED", "STRONG NONPROD COUGH, WILL REOFFER MEDS")
    assert unconfirmed_in_capitals(strong, _at(strong, "STRONG NONPROD"), [])
    assert unconfirmed_in_capitals(strong, _at(strong, "WILL REOFFER"), [])


#: A note in capitals that tells of a family and a plan: under half of its words are clinical.
FAMILY_NOTE = ("NPN 7P-7A. NEURO: SEDATED. S/P L DECOMPRESSIVE HEMICRANI. SOCIAL: WIFE AND "
               "TWO DAUGHTERS VISITED THIS EVENING, ASKED ABOUT HIS FISHING BOAT AND THE FARM, "
               "THEY WILL RETURN TOMORROW MORNING TO MEET WITH THE TEAM. CORE TEMP 33.5 ON "
               "BLANKETROL.")


def test_the_engine_drops_them_in_a_note_that_tells_of_a_family_too() -> None:
    assert note_register(FAMILY_NOTE) and not clinical_register(FAMILY_NOTE)
    assert not note_register(TWEET)
    policy = Policy.from_mapping({"name": "t", "entities": {"PERSON": {"action": "redact"}}})
    spans = [_at(FAMILY_NOTE, "HEMICRANI"), _at(FAMILY_NOTE, "BLANKETROL")]
    (kept,) = Engine(policy, [Fixed(spans)]).analyze([FAMILY_NOTE])
    assert kept == []


def test_the_engine_drops_them_in_clinical_notes_only() -> None:
    policy = Policy.from_mapping({"name": "t", "entities": {"PERSON": {"action": "redact"}}})
    note_spans = [_at(NOTE, "KITNER")]
    tweet_spans = [_at(TWEET, "KISHAN")]
    (note,) = Engine(policy, [Fixed(note_spans)]).analyze([NOTE])
    (tweet,) = Engine(policy, [Fixed(tweet_spans)]).analyze([TWEET])
    assert note == []
    assert [(s.start, s.end) for s in tweet] == [(tweet_spans[0].start, tweet_spans[0].end)]


@pytest.mark.parametrize(("text", "value", "source"), [
    ("BOTH SHE AND HER FATHER WERE ADDITIONALLY CLINICALLY DIAGNOSED WITH EDS.",
     "WERE ADDITIONALLY CLINICALLY DIAGNOSED", "names:relative"),
    ("SHE WAS EVALUATED BY STERILE VAGINAL EXAM AND WAS 4 CM.", "STERILE VAGINAL EXAM",
     "names:signed"),
])
def test_common_words_after_a_cue_in_capitals_are_no_name(text: str, value: str,
                                                          source: str) -> None:
    from redactor.detect.evidence import ordinary_language

    assert ordinary_language(text, _at(text, value, source=source))


@pytest.mark.parametrize(("text", "value", "source"), [
    ("SON TOM CALLED, UPDATED ON PLAN.", "TOM", "names:relative"),       # a listed name
    ("D/W HE AND FAMILY AT BEDSIDE.", "HE", "names:context"),             # "He" is a surname
    ("RT @NULL: SAME HERE", "@NULL", "names:handle"),                     # an account
    ("Both she and her father were seen by Sterile today.", "Sterile", "names:relative"),
])
def test_names_after_a_cue_in_capitals_stay(text: str, value: str, source: str) -> None:
    from redactor.detect.evidence import ordinary_language

    assert not ordinary_language(text, _at(text, value, source=source))


def test_grammar_words_of_a_found_name_are_not_echoed() -> None:
    """A cued rule that took "WE WERE ABLE TO" must not make every "WERE" of the note a name;
    a real name's words still echo."""
    from redactor.detect.names import echo_names

    text = ("BUT WE WERE ABLE TO DO THIS. THE TUBINGS WERE TRACKED. PATIENT: LINA OKAFOR. "
            "OKAFOR TOLERATED IT.")
    taken = [_at(text, "WE WERE ABLE TO", source="names:credential"),
             _at(text, "LINA OKAFOR", source="names:field")]
    echoed = {text[s.start:s.end] for s in echo_names(text, taken)}
    assert "WERE" not in echoed and "WE" not in echoed
    assert "OKAFOR" in echoed


@pytest.mark.parametrize(("line", "case"), [
    ("PT SEEN BY DR KOWALSKI", "upper"), ("son tom called", "lower"),
    ("Seen by Dr Kowalski", "mixed"),
    ("ok", "mixed"),  # under four letters
    ("Ⅱ Ⅲ abcd", "lower"),  # capitals of no letter ("Ⅱ") are no capitals
    ("ÀÉÎÕÜ straße", "mixed"), ("ΑΘΗΝΑ İSTANBUL", "upper"),
])
def test_letters_case(line, case):
    from redactor.detect.casing import letters_case

    assert letters_case(line) == case
