"""A model's name, place or organisation that ran into lower-case words at its edges is cut
back to its capitalised words (issue 10: "against the Republic of Turkey lodged with the
Court" was redacted as "[LOCATION] with"), in mixed-case text only, and never into a name.
And a name that a storm or an operation bears is no one's ("Cyclone Phailin" in GUM)."""

from __future__ import annotations

import pytest
from fakes import Fixed

from redactor.detect.engine import Engine
from redactor.detect.evidence import (
    agreed_names,
    eponym,
    ordinary_language,
    trim_around_handles,
    trim_lower_case_edges,
)
from redactor.policy import load_policy
from redactor.span import Span


def _trimmed(text: str, value: str, label: str = "PERSON", source: str = "hf_ner:PERSON",
             *, exact: bool = False) -> str:
    start = text.index(value)
    span = trim_lower_case_edges(text, Span(start, start + len(value), label, 0.8, source),
                                 exact=exact)
    return text[span.start : span.end]


@pytest.mark.parametrize(("text", "value", "label", "source", "expected"), [
    ("the application against the Republic of Turkey lodged with the Court",
     "Republic of Turkey lodged", "ORGANIZATION", "hf_ner:ORGANIZATION", "Republic of Turkey"),
    ("the application against the Republic of Turkey lodged with the Court",
     "the Republic of Turkey", "LOCATION", "spacy:GPE", "Republic of Turkey"),
    ("In a decree the following month, Norton summoned the Army.", "Norton summoned",
     "PERSON", "hf_ner:PERSON", "Norton"),
    ("Caleb Jones of Wong-Davis is the CEO", "Caleb Jones of", "PERSON", "hf_ner:PERSON",
     "Caleb Jones"),
    ("according to the Moore-Davis website. They", "Moore-Davis website", "ORGANIZATION",
     "hf_ner:ORGANIZATION", "Moore-Davis"),
    ("Margaret shouted at Lindsey", "Margaret shouted", "PERSON", "hf_ner:PERSON", "Margaret"),
    ("A previous cyclone in the Bay of Bengal area", "the Bay of Bengal", "LOCATION",
     "spacy:LOC", "Bay of Bengal"),
    ("Wait simon wears glasses ? ? ?", "simon wears", "PERSON", "hf_ner:PERSON", "simon"),
    # chat at either edge, in any line
    ("with my grandma Pilar lmaooo the man", "Pilar lmaooo", "PERSON", "hf_ner:PERSON", "Pilar"),
    ("lmao jake really said trust me", "lmao jake", "PERSON", "hf_ner:PERSON", "jake"),
])
def test_lower_case_words_at_the_edges_go(text: str, value: str, label: str, source: str,
                                          expected: str) -> None:
    assert _trimmed(text, value, label, source) == expected


@pytest.mark.parametrize(("text", "value", "label", "source"), [
    ("son tom called today", "tom called", "PERSON", "hf_ner:PERSON"),         # lower case
    ("went to see tom called out", "tom called", "PERSON", "hf_ner:PERSON"),   # no capital left
    ("she said that Jane called again", "Jane called", "PERSON", "names:given"),  # no model
    ("A painting by van Gogh was sold", "van Gogh", "PERSON", "hf_ner:PERSON"),  # a particle
    ("Charles de Gaulle spoke", "Charles de Gaulle", "PERSON", "spacy:PERSON"),
    ("thanks Zac brown band !", "Zac brown band", "PERSON", "spacy:PERSON"),   # a name's head
    ("doing Fargo ( the Coen brothers ' movie )", "Coen brothers", "PERSON", "spacy:PERSON"),
    ("Barracuda and Kayangan lakes are stunning", "Kayangan lakes", "LOCATION",
     "hf_ner:LOCATION"),
    ("bo Burnham is in this", "bo Burnham", "PERSON", "hf_ner:PERSON"),  # a short first word
    ("the video is inspired by paul walker", "paul walker", "PERSON", "hf_ner:PERSON"),  # a name
    ("i am go to orchard academy in milton", "orchard academy", "ORGANIZATION",
     "hf_ner:ORGANIZATION"),
    ("That was the simon we Know", "the simon", "PERSON", "hf_ner:PERSON"),  # not its start
    ("PT SEEN BY JOHN SMITH TODAY", "JOHN SMITH TODAY", "PERSON", "hf_ner:PERSON"),
    ("Norton summoned the Army", "Norton summoned", "DATE", "hf_ner:DATE"),   # not a name
])
def test_names_and_other_spans_are_left_alone(text: str, value: str, label: str,
                                              source: str) -> None:
    assert _trimmed(text, value, label, source) == value


def test_an_exact_span_is_left_alone() -> None:
    text = "Norton summoned the Army"
    assert _trimmed(text, "Norton summoned", exact=True) == "Norton summoned"


def test_the_union_of_two_models_no_longer_takes_the_next_word() -> None:
    text = "the application against the Republic of Turkey lodged with the Court"
    org = text.index("Republic")
    gpe = text.index("the Republic")
    spans = [Span(org, org + len("Republic of Turkey lodged"), "ORGANIZATION", 0.65,
                  "hf_ner:ORGANIZATION"),
             Span(gpe, gpe + len("the Republic of Turkey"), "LOCATION", 0.8, "spacy:GPE")]
    (out,) = Engine(load_policy("hipaa"), [Fixed(spans)]).analyze([text])
    assert [text[s.start : s.end] for s in out] == ["Republic of Turkey"]


# --- names that storms and operations bear (GUM's "Cyclone Phailin") -----------------------

def _span(text: str, value: str, label: str = "PERSON", source: str = "spacy:PERSON",
          nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(value, start + 1)
    return Span(start, start + len(value), label, 0.85, source)


STORM = ("Cyclone Phailin has winds of 200 km/h. As of the last advisory, T C Phailin has "
         "winds of 190 km/h. Phailin's winds will rapidly weaken.")


@pytest.mark.parametrize(("text", "value", "label", "source", "nth"), [
    (STORM, "Cyclone Phailin", "PERSON", "spacy:PERSON", 0),
    (STORM, "Phailin", "PERSON", "spacy:PERSON", 1),       # the same name elsewhere
    (STORM, "Phailin's", "PERSON", "hf_ner:PERSON", 0),
    (STORM, "Phailin", "PERSON", "names:echo", 2),
    ("Wikinews interviews experts on Cyclone Phalin\n\nFile photo", "Cyclone Phalin\n\nFile",
     "ORGANIZATION", "spacy:ORG", 0),
    ("took the threat of Hurricane Katrina very seriously", "Katrina", "PERSON",
     "hf_ner:PERSON", 0),
    ("the planning of Operation Overlord began", "Overlord", "PERSON", "spacy:PERSON", 0),
])
def test_names_of_storms_and_operations_are_no_ones(text: str, value: str, label: str,
                                                    source: str, nth: int) -> None:
    assert ordinary_language(text, _span(text, value, label, source, nth))


@pytest.mark.parametrize(("text", "value", "source"), [
    ("Katrina Lee was admitted after the storm.", "Katrina Lee", "spacy:PERSON"),
    ("Dr. Katrina Lee saw her. Hurricane Katrina hit.", "Katrina Lee", "spacy:PERSON"),
    ("Hurricane Katrina hit. Katrina said the storm was bad.", "Katrina", "hf_ner:PERSON"),
    ("I'd like to call a taxi to USS Greer\nFPO AP 03013.", "USS Greer", "hf_ner:PERSON"),
])
def test_people_and_addresses_beside_a_storm_stay(text: str, value: str, source: str) -> None:
    nth = 1 if text.startswith("Hurricane") else 0
    assert not ordinary_language(text, _span(text, value, "PERSON", source, nth))


@pytest.mark.parametrize(("text", "value", "label", "source"), [
    ("Kia ora koutou,\n\nWhat a summer.", "Kia ora koutou", "PERSON", "hf_ner:PERSON"),
    ("Kia ora koutou,\n\nWhat a summer.", "koutou", "PERSON", "hf_ner:PERSON"),
    ("Ngā mihi, and keep your binoculars dry.", "Ngā mihi", "PERSON", "hf_ner:PERSON"),
    ("Fa'afetai tele lava. Congratulations.", "Fa'afetai", "PERSON", "spacy:PERSON"),
    ("Namaskar trekkers!", "Namaskar", "LOCATION", "hf_ner:LOCATION"),
    # everyday words of other Englishes
    ("Shout out to Kemi and Femi for the best jollof in Peckham", "jollof", "PERSON",
     "spacy:PERSON"),
    ("the veggie combo and the doro wat, the injera is always fresh", "injera", "LOCATION",
     "hf_ner:LOCATION"),
    ("grabe ang init sa Manila ngayon", "grabe", "PERSON", "spacy:PERSON"),
    ("[00:00] Sabaidee everybody, welcome back", "Sabaidee", "PERSON", "hf_ner:PERSON"),
    ("our periamma looking for the muhurtham saree", "periamma", "PERSON", "hf_ner:PERSON"),
    ("the gate is, mera ghar literally main road pe", "mera ghar", "LOCATION",
     "hf_ner:LOCATION"),
    # a trade of care, alone or with its qualifiers, and a fiancé
    ("Ffion Mathias, Dietitian, ext 44719", "Dietitian", "PERSON", "spacy:PERSON"),
    ("A. Okonkwo-Reid, Clinical Pharmacist, bleep 2287", "Clinical Pharmacist", "PERSON",
     "spacy:PERSON"),
    ("home visit with pt, physio (Ciara) and nephew", "physio", "PERSON", "spacy:PERSON"),
    ("TL;DR fiancé wants ex as groomswoman", "fiancé", "PERSON", "hf_ner:PERSON"),
])
def test_greetings_and_everyday_words_of_other_languages_are_no_names(
        text: str, value: str, label: str, source: str) -> None:
    assert ordinary_language(text, _span(text, value, label, source, 0))


@pytest.mark.parametrize(("text", "value"), [
    ("Thanks to Salaam Ahmed for the ride", "Salaam Ahmed"),  # a name's other word
    ("Kia ora, Aroha Ngata here", "Aroha Ngata"),
    ("Dr. Merci came by", "Merci"),  # a title before it
    ("Hola Sana! long time", "Sana"),  # greeted, a given name
    ("asante Sana for the lift", "Sana"),
    ("Seen by Nurse Ratched on the ward", "Nurse Ratched"),  # a trade before a name
    ("Attendees: Do, Hai; Brown, Alice", "Hai"),  # a given name that is Hindi's "is" too
    ("sat with his gogo, Gogo Dlamini", "Gogo"),
])
def test_a_greetings_word_in_a_name_stays(text: str, value: str) -> None:
    assert not ordinary_language(text, _span(text, value, "PERSON", "hf_ner:PERSON", 0))


# --- handles: a model's span that took in a retweet marker or the retweeted text ----------

@pytest.mark.parametrize(("text", "value", "expected"), [
    ("RT @worldnetdaily : Jailed Marine back home", "RT @worldnetdaily : Jailed Marine",
     "@worldnetdaily"),
    ("RT @_shayclemons 13m Tony Mayo RT @SKTV_ : Sloppy", "Tony Mayo RT @SKTV_", "Tony Mayo"),
    ("RT @LaLaDessie : hi there", "RT @LaLaDessie", "@LaLaDessie"),
    ("@Dewskii__ 😂 which one", "@Dewskii__ 😂", "@Dewskii__"),
    ("to @AndyGood45 @suitetti & @maura", "@AndyGood45 @suitetti &", "@AndyGood45 @suitetti"),
    ("RT @Josh : @Gemma yup !", "RT @Josh : @Gemma yup", "@Josh : @Gemma"),  # chat after
    # the post's words in lower case after the handle
    ("@jessieeexo ya i saw marcus", "@jessieeexo ya", "@jessieeexo"),
    ("@FaisalQ_ happy eid bro", "@FaisalQ_ happy", "@FaisalQ_"),
    ("@ananya_k @rohit.mehra94 pack your bags", "@ananya_k @rohit.mehra94 pack",
     "@ananya_k @rohit.mehra94"),
])
def test_words_around_a_handle_go(text: str, value: str, expected: str) -> None:
    start = text.index(value)
    span = trim_around_handles(text, Span(start, start + len(value), "PERSON", 0.9,
                                          "hf_ner:PERSON"))
    assert text[span.start : span.end] == expected


@pytest.mark.parametrize(("text", "value", "source"), [
    ("@JessicaLakey Jess is here", "@JessicaLakey Jess", "hf_ner:PERSON"),     # a name after it
    ("@jessicalakey jess , will you", "@jessicalakey jess", "hf_ner:PERSON"),  # in lower case
    ("@luke5sos luke , i love you", "@luke5sos luke", "hf_ner:PERSON"),
    ("@Yubylopez_ siipi", "@Yubylopez_ siipi", "hf_ner:PERSON"),  # no word of the dictionary
    ("Liz Crowe @beerwencha2 said", "Liz Crowe @beerwencha2", "hf_ner:PERSON"),
    ("RT @nasa : launch", "RT @nasa", "names:handle"),                          # no model's
    ("Tony Mayo RT @SKTV_", "Tony Mayo RT @SKTV_", "pattern:x"),
])
def test_handles_with_names_and_other_recognizers_stay(text: str, value: str,
                                                       source: str) -> None:
    start = text.index(value)
    span = Span(start, start + len(value), "PERSON", 0.9, source)
    assert trim_around_handles(text, span, exact=source.startswith("pattern:")) == span


# --- two models that agree on a capitalised word at the start of a sentence ----------------

def _both(text: str, value: str, label: str = "PERSON", score: float = 0.98) -> list[Span]:
    start = text.index(value)
    return [Span(start, start + len(value), label, score, "hf_ner:" + label),
            Span(start, start + len(value), label, 0.85, "spacy:" + label)]


@pytest.mark.parametrize(("text", "value", "label"), [
    ("Pat's real life http://t.co/abc", "Pat", "PERSON"),
    ("RT @Forbes : Apple will eliminate up to 18,000 jobs", "Apple", "ORGANIZATION"),
])
def test_two_models_agreeing_make_a_common_word_a_name(text: str, value: str,
                                                       label: str) -> None:
    spans = _both(text, value, label)
    assert agreed_names(spans) == {(spans[0].start, spans[0].end, label)}
    assert ordinary_language(text, spans[0])                     # the lexicon alone drops it
    assert not ordinary_language(text, spans[0], agreed=True)    # both models keep it
    (out,) = Engine(load_policy("hipaa"), [Fixed(spans)]).analyze([text])
    assert value in [text[s.start : s.end] for s in out]


def test_agreement_needs_a_confident_transformer_and_the_same_span() -> None:
    text = "Tim's real life"
    assert agreed_names(_both(text, "Tim", score=0.6)) == frozenset()
    hf, _ = _both(text, "Tim")
    assert agreed_names([hf, Span(0, 6, "PERSON", 0.85, "spacy:PERSON")], text) == frozenset()
    assert agreed_names([hf, Span(0, 3, "LOCATION", 0.85, "spacy:GPE")]) == frozenset()


@pytest.mark.parametrize(("text", "value"), [
    ("Hemostasis was achieved. Pt tolerated the procedure; BP 120/80, HR 72, afebrile, wound "
     "clean, dressing changed, morphine 2 mg IV given for pain, lungs clear.", "Hemostasis"),
    ("Lasix was given. Pt tolerated the procedure; BP 120/80, HR 72, afebrile, wound clean, "
     "dressing changed, morphine 2 mg IV given for pain, lungs clear.", "Lasix"),
    ("Mark's real life", "mark"),  # no capital, and an English word ("tim" is kept: a name)
])
def test_agreement_is_no_cue_in_clinical_notes_or_without_a_capital(text: str,
                                                                    value: str) -> None:
    if value == "mark":
        text = text.lower()
    hf, _ = _both(text, value)
    assert ordinary_language(text, hf, agreed=True)


# --- an institution word is a cue inside a capitalised name only ---------------------------

def test_a_lower_case_phrase_with_an_institution_word_is_no_name_in_prose() -> None:
    text = "Senior researcher Mu Li, of the University of NSW's school of public health, said"
    span = _span(text, "of public health", "ORGANIZATION", "hf_ner:ORGANIZATION")
    assert ordinary_language(text, span)


@pytest.mark.parametrize(("text", "value"), [
    ("She was moved to Mercy Hospital yesterday", "Mercy Hospital"),
    ("she was moved to mercy hospital yesterday lol", "mercy hospital"),  # a lower-case line
])
def test_institution_names_stay(text: str, value: str) -> None:
    span = _span(text, value, "ORGANIZATION", "hf_ner:ORGANIZATION")
    assert not ordinary_language(text, span)


# --- eponyms in notes written in capitals, and the makers of stitches and splints ----------

@pytest.mark.parametrize(("text", "value"), [
    ("TWO #12-FRENCH RED RUBBER ROBINSON CATHETERS WERE PLACED, 1 IN EACH NARIS", "ROBINSON"),
    ("SUTURE LIGATED WITH A #0 VICRYL IN A HEANEY STITCH FASHION.", "HEANEY"),
    ("THE NOSE PACKED WITH TWO KENNEDY MEROCEL SPONGES.", "KENNEDY"),
    ("AFTER THE DOYLE SPLINTS WERE PLACED IN THE NOSE", "DOYLE"),
    ("secured on the Morris taper and checked", "Morris"),
    ("ALSO, NOTABLY A JACKSON-PRATT DRAIN WAS PLACED IN THE AREA", "JACKSON"),
    ("JACKSON-PRATT DRAINS WERE PLACED AND CAMPER'S FASCIA CLOSED", "JACKSON"),
    ("SUTURED OVER THE GRAFTOTOMY WITH RUNNING 6-0 GORE-TEX SUTURE.", "GORE"),
    ("THIS WAS THEN SUTURE LIGATED IN HEANEY FASHION.", "HEANEY"),
    ("THE TENSOR FASCIA LATA WAS THEN IDENTIFIED.", "LATA"),
])
def test_eponyms_of_devices_in_capitals_or_not(text: str, value: str) -> None:
    assert eponym(text, _span(text, value, "PERSON", "spacy:PERSON"))


@pytest.mark.parametrize(("text", "value"), [
    ("SEEN BY DR. HEANEY STITCHES REMOVED TODAY", "HEANEY"),  # a title
    ("ROBINSON WAS SEEN IN CLINIC TODAY", "ROBINSON"),
    ("Robinson stitched the wound", "Robinson"),
    ("MARY SMITH-JONES WAS SEEN IN CLINIC", "MARY SMITH"),  # a double-barrelled surname
    ("Jackson-Pratt called about the results", "Jackson"),
    ("in the fashion of the day, Jackson left", "Jackson"),
])
def test_people_in_capitals_stay(text: str, value: str) -> None:
    assert not eponym(text, _span(text, value, "PERSON", "spacy:PERSON"))


def test_spacys_chat_phrase_around_the_transformers_name_is_agreed() -> None:
    text = "[1:15 PM] hoang: ya do van quan picks me up"
    start = text.index("ya do van quan")
    phrase = Span(start, start + len("ya do van quan"), "PERSON", 0.85, "spacy:PERSON")
    inner = text.index("van quan")
    model = Span(inner, inner + len("van quan"), "PERSON", 0.8, "hf_ner:PERSON")
    assert (phrase.start, phrase.end, "PERSON") in agreed_names([phrase, model], text)
    assert not agreed_names([phrase, model])  # without the text: the same offsets only
    assert ordinary_language(text, phrase)  # alone, another language's words or chat go
    assert not ordinary_language(text, phrase, agreed=True)  # around a model's name: "do" stays
    assert (phrase.start, phrase.end, "PERSON") not in agreed_names([phrase], text)
