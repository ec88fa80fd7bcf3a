"""The address, organisation, plate, dateline and facility patterns in notes written in capitals
(issue 10: eval-real's ``mtsamples:upper`` and ``maccrobat:upper`` false alarms): instrument and
suture sizes, doses and durations are no street, a cue's own noun phrase is no organisation,
while real addresses, insurers, plates and datelines in capitals stay."""

from __future__ import annotations

import pytest

from redactor.detect.patterns import PatternRecognizer

REC = PatternRecognizer()


def _found(text: str, label: str) -> list[str]:
    return [text[s.start : s.end] for s in REC.detect([text])[0] if s.label == label]


@pytest.mark.parametrize("text", [
    "THE RESECTOSCOPE WAS THEN INSERTED UTILIZING THE #26 FRENCH RESECTOSCOPE LOOP.",
    "A #27 FRENCH RESECTOSCOPE WITH A #26 CUTTING LOOP WAS INSERTED",
    "AN #0 VICRYL STICK SUTURE WAS USED WITH #0 VICRYL LOOP SUTURE",
    "An #0 Vicryl stick suture was used with #0 Vicryl loop suture",
    "AND 2-0 VICRYL WAS USED TO CLOSE THE FASCIA OF THE TROCAR",
    "A 4-0 PROLENE DOUBLE ROW OF SUTURE WAS USED",
    "VICRYL #1 WAS UTILIZED TO CLOSE THE INCISION",
    "FOLLOWED-UP EVERY 4 TO 6 MONTHS WITH CT SCANS",
    "ON A DAY AFTER 2 WEEKS FROM THE INITIAL CT SCAN",
    "PACLITAXEL ON DAY 1 (135 MG PER SQUARE METER OF BODY SURFACE AREA)",
    "LIGATED BY USING 0 VICRYL SUTURE ON A CT-1 NEEDLE",
])
def test_sizes_doses_and_durations_are_no_streets(text: str) -> None:
    assert _found(text, "STREET_ADDRESS") == []


@pytest.mark.parametrize(("text", "street"), [
    ("LIVES AT 123 MAIN STREET, BOSTON", "123 MAIN STREET"),
    ("1600 PENNSYLVANIA AVE NW", "1600 PENNSYLVANIA AVE NW"),
    ("lives at 12-14 Elm St. with her son", "12-14 Elm St."),
    ("4205 E Highland Avenue Apt. 27A", "4205 E Highland Avenue Apt. 27A"),
    ("Address: 221B Baker Street", "221B Baker Street"),
])
def test_streets_in_any_case_stay(text: str, street: str) -> None:
    assert _found(text, "STREET_ADDRESS") == [street]


@pytest.mark.parametrize("text", [
    "HEADACHE, ACCOMPANYING NAUSEA AND VOMITING FOLLOWED BY CONFUSION",  # inside a word
    "PRESERVING THE SMALL LONGITUDINAL VESSELS ACCOMPANYING IT.",
    "HE WAS A HEPATITIS B VIRUS CARRIER WITH A 10 PACK-YEARS HISTORY",   # a grammar word
    "IT WAS NOT COVERED BY HEALTH INSURANCE OF THIS PATIENT.",
    "WE WILL SUBMIT HIM FOR INSURANCE APPROVAL.",                        # the cue's noun phrase
    "SEEN BY HIS PHYSICIAN FOR A COMPANY PHYSICAL.",
])
def test_a_cues_own_words_are_no_organisation(text: str) -> None:
    assert _found(text, "ORGANIZATION") == []


@pytest.mark.parametrize(("text", "org"), [
    ("INSURANCE: BLUE CROSS", "BLUE CROSS"),
    ("INSURANCE (MEDICARE)", "MEDICARE"),
    ("WORKS FOR ACME", "ACME"),
    ("EMPLOYED BY GENERAL MOTORS", "GENERAL MOTORS"),
    ("Insurance: Anthem Blue Cross", "Anthem Blue Cross"),
])
def test_organisations_after_a_cue_stay(text: str, org: str) -> None:
    assert org in _found(text, "ORGANIZATION")  # ("Blue Cross" alone is well known too)


def test_grammar_words_are_no_licence_plate() -> None:
    assert _found("AROUND THE URETHRAL PLATE WITH THE 15 BLADE KNIFE", "VEHICLE_ID") == []
    assert _found("PLATE: ABC 1234", "VEHICLE_ID") == ["ABC 1234"]


def test_a_hyphen_after_a_bracket_is_no_dateline() -> None:
    assert _found("HEMATOXYLIN AND EOSIN (HE)-STAINED TISSUES REVEALED", "LOCATION") == []
    assert _found("BOSTON (Reuters) - The city said", "LOCATION") == ["BOSTON"]


def test_a_possessive_before_a_clinic_is_no_facility() -> None:
    assert _found("I SAW THE PATIENT IN MY CLINIC.", "LOCATION") == []
    assert _found("DC TO RIDGEVIEW REHAB TOMORROW", "LOCATION") == ["RIDGEVIEW REHAB"]
