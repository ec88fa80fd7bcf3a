"""Surnames that are English words too (issue 10, "Fairness beyond our own name lists"): taken
only where a strong cue says a person is meant (a handover's patient slot and a person's
predicate, "D/W ... AND FAMILY", a "Last, First" pair in a form or list), and left alone where
the same words are clinical language ("Back pain controlled", "D/W ONCOLOGY AND FAMILY").
"""

from __future__ import annotations

import pytest

from redactor.detect.name_lists import family_names, is_dictionary_word
from redactor.detect.names import NameRecognizer, pair_completions
from redactor.span import Span

REC = NameRecognizer()
RULES = ("names:handover", "names:pair")


def _found(text: str) -> list[str]:
    """What the handover and pair rules find in ``text``."""
    return [text[s.start : s.end] for s in REC.detect([text])[0] if s.source in RULES]


def _span(text: str, word: str) -> Span:
    """A PERSON span over the first ``word`` of ``text``, as another recognizer found it."""
    start = text.index(word)
    return Span(start, start + len(word), "PERSON", 0.9, "hf_ner")


@pytest.mark.parametrize("word", ["Fox", "Lamb", "Moon", "Rice", "Wood"])
def test_the_surnames_used_here_are_english_words_the_lists_hold(word: str) -> None:
    assert word in family_names() and is_dictionary_word(word)


HANDOVER = """NIGHT HANDOVER WARD 3
Fox stable overnight, for CT head today.
Bed 4 Lamb NBM from midnight for theatre.
Rice spiked 38.2, cultures sent, Moon aware.
Wood's wife to ring after 10.
"""


def test_a_handovers_patient_slot_and_a_persons_predicate_take_an_english_surname() -> None:
    assert _found(HANDOVER) == ["Fox", "Lamb", "Rice", "Moon", "Wood"]


def test_no_handover_no_surname_but_a_beds() -> None:
    text = HANDOVER.replace("NIGHT HANDOVER", "WARD ROUND")
    assert _found(text) == ["Lamb"]  # a bed's number is a cue of its own
    assert _found(text.replace("Bed 4 ", "")) == []


def test_a_handover_after_the_line_is_no_cue() -> None:
    assert _found("Fox stable overnight.\nHandover at 8.\n") == []


@pytest.mark.parametrize("line", [
    "Back pain controlled on oxycodone.",   # a body site that is a surname too
    "Hand stable after the splint.",
    "Wood pain controlled.",                # a technical word before a predicate a symptom takes
    "Plan: Fox stable overnight.",           # no patient slot: a word before it on the line
    "Foot stable after the cast.",
])
def test_clinical_language_in_a_handover_is_no_name(line: str) -> None:
    assert _found(f"HANDOVER\n{line}\n") == []


def test_handed_over_by_a_listed_name() -> None:
    assert _found("Handed over by Rice, taken by Lamb.") == ["Rice", "Lamb"]
    assert _found("Handed over to Team.") == []


@pytest.mark.parametrize(("text", "name"), [
    ("PLAN: ADMIT. D/W HE AND FAMILY.", "HE"),       # "discussed with he" is no English
    ("PLAN: ADMIT. D/W SHIN AND FAMILY.", "SHIN"),   # a shin is not discussed with
    ("Discussed with Jacobs and wife at the bedside.", "Jacobs"),
])
def test_a_person_discussed_with_with_their_family(text: str, name: str) -> None:
    assert _found(text) == [name]


@pytest.mark.parametrize("text", [
    "D/W HIM AND FAMILY.", "D/W PT AND FAMILY.", "d/w Oncology and family.",
    "D/W SISTER AND FAMILY.", "Spoke with Surgery and family.", "D/W HE.",
])
def test_a_role_service_relative_or_pronoun_discussed_with_is_no_name(text: str) -> None:
    assert _found(text) == []


def test_a_pair_after_a_last_first_label() -> None:
    text = "Primary care (Last, First): Fox, Frank\nTel: 555 0100\n"
    assert _found(text) == ["Fox, Frank"]


@pytest.mark.parametrize("text", [
    "Diagnosis: Pneumonia, Left\n",                          # no label that asks for a pair
    "Name (Last, First): Unknown, Patient\n",               # field words, no name
])
def test_no_pair_without_a_label_or_with_field_words(text: str) -> None:
    assert _found(text) == []


def test_a_found_half_makes_its_pair_whole() -> None:
    text = "Today's list: Brown, David; Okafor, Ngozi Ada; Lamb, Rose.\n"
    spans = [_span(text, "Brown"), _span(text, "Ngozi"), _span(text, "Lamb"), _span(text, "Rose")]
    pairs = [text[s.start : s.end] for s in pair_completions(text, spans)]
    assert pairs == ["Brown, David", "Okafor, Ngozi Ada", "Lamb, Rose"]


def test_a_pairs_given_name_may_be_a_word_of_a_sentence() -> None:
    text = "Attendees: Flores, Rose; Brown, Alice; Hall, Will\n"
    spans = [_span(text, "Flores"), _span(text, "Hall")]
    pairs = [text[s.start : s.end] for s in pair_completions(text, spans)]
    assert pairs == ["Flores, Rose", "Hall, Will"]


def test_a_pairs_surname_of_two_letters_before_a_found_given_name() -> None:
    text = "Attendees: Do, Giang; Ly, Dung; Brown, Alice\n"
    spans = [_span(text, "Giang"), _span(text, "Dung")]
    pairs = [text[s.start : s.end] for s in pair_completions(text, spans)]
    assert pairs == ["Do, Giang", "Ly, Dung"]
    text = "Attendees: Brown, Do; Chen, Wei\n"  # a found surname: the word after it stays
    assert pair_completions(text, [_span(text, "Brown")]) == []


def test_a_pair_before_a_record_number() -> None:
    text = "KOWALSKA , IRENA 114-72-06-3\nEaston Hospital"
    pairs = [text[s.start : s.end] for s in pair_completions(text, [_span(text, "KOWALSKA")])]
    assert pairs == ["KOWALSKA , IRENA"]


def test_a_pair_before_a_credential() -> None:
    text = "Dictated by: Okafor, Ngozi, MD\n"
    pairs = [text[s.start : s.end] for s in pair_completions(text, [_span(text, "Ngozi")])]
    assert pairs == ["Okafor, Ngozi"]
    text = "Seen by Okafor, Ngozi, who agreed.\n"  # no list or field: no pair
    assert pair_completions(text, [_span(text, "Ngozi")]) == []


def test_a_surname_with_particles_counts_as_found() -> None:
    text = "de Vries, Mila  DOB 01/02/1990\n"
    pairs = [text[s.start : s.end] for s in pair_completions(text, [_span(text, "Vries")])]
    assert pairs == ["de Vries, Mila"]


@pytest.mark.parametrize(("text", "found"), [
    ("Seen by Dr. Mensah, Cardiology.\n", "Mensah"),   # a department after the comma
    ("Mensah, Boston.\n", "Mensah"),                    # a large place
    ("Today: Brown, David.\n", None),                   # nothing found: nothing to complete
])
def test_no_pair_where_the_other_half_is_no_name(text: str, found: str | None) -> None:
    spans = [_span(text, found)] if found else []
    assert pair_completions(text, spans) == []


# -- Names the lists leave out as words ("Park", "Long"): taken only by a strong cue.


@pytest.mark.parametrize(("text", "name"), [
    ("NIGHT HANDOVER\nBed 9 Park NBM from midnight for theatre.\n", "Park"),
    ("Handed over by Hiroshi, taken by Long.\n", "Long"),
    ("Handed over by Park.\n", "Park"),
])
def test_a_strong_cue_takes_a_name_the_lists_leave_out_as_a_word(text: str, name: str) -> None:
    assert name in _found(text)


@pytest.mark.parametrize("text", [
    "NIGHT HANDOVER\nPark stable overnight.\n",  # no bed number: the word may start a line
    "Bed 9 Park NBM from midnight.\n",  # no handover
    "NIGHT HANDOVER\nBed 3 Doctor aware.\nHanded over by Day, taken by Nurse.\n",
    "Car park stable. Long term plan agreed.\n",
])
def test_without_a_strong_cue_or_as_a_role_such_words_stay_words(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(("word", "english"), [
    ("delinquencies", True), ("phlebotomies", True), ("vaccines", True), ("boxes", True),
    ("electronically", True), ("Okonkwo", False), ("Tshabalala", False),
])
def test_dictionary_words_with_their_plurals(word: str, english: bool) -> None:
    assert is_dictionary_word(word) is english


def test_a_pairs_given_name_may_end_with_an_initial() -> None:
    text = "Attending :\nNGUYEN , BAO Q. , M.D.\nTR : ab\n"
    pairs = [text[s.start : s.end] for s in pair_completions(text, [_span(text, "NGUYEN")])]
    assert pairs == ["NGUYEN , BAO Q"]
    assert pair_completions("Attending :\nNGUYEN , Q. , M.D.\n", []) == []  # no name at all
