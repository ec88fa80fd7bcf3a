"""Clinical and legal shapes from real notes and judgments (issue 10): each found, and its
near miss left alone."""

from __future__ import annotations

import pytest

from redactor.detect.patterns import PatternRecognizer

REC = PatternRecognizer()


def _found(text: str) -> list[tuple[str, str]]:
    return [(s.label, text[s.start : s.end]) for s in REC.detect([text])[0]]


@pytest.mark.parametrize(("text", "label", "value"), [
    ("POD 4/12 pt doing well", "DATE", "4/12"),
    ("s/p AVR 6/81, on coumadin", "DATE", "6/81"),
    ("prior admissions (3/14, 5/14) for CHF", "DATE", "3/14"),
    ("prior admissions (3/14, 5/14) for CHF", "DATE", "5/14"),
    ("Seen 9/2 in clinic", "DATE", "9/2"),
    ("D: 05/11/91  T: 05/12/91", "DATE", "05/12/91"),
    ("PLAN: TRANSFER TO NWH IN AM.", "LOCATION", "NWH"),
    ("Pt transferred from SMH on 6/9 for mgmt of ARDS.", "LOCATION", "SMH"),  # chat's too
    ("Pt: Mr Seamus Geoghegan, 79, inpatient TUH.", "LOCATION", "TUH"),
    ("DC TO RIDGEVIEW REHAB TOMORROW", "LOCATION", "RIDGEVIEW REHAB"),
    ("will be discharged to Ridgeview Rehab.", "LOCATION", "Ridgeview Rehab"),
    ("Plan to return to Hebrew Rehab when stable.", "LOCATION", "Hebrew Rehab"),
    ("TRANSFERRED FROM BAPTIST HOSPITAL", "LOCATION", "BAPTIST HOSPITAL"),
    ("Frank & Gross Orthopedics\n19513 E Spring Ave", "LOCATION", "Gross Orthopedics"),
    ("JRK/mlt/bsk\n", "PERSON", "JRK/mlt/bsk"),
    ("JOB# KQ882/40417", "ID_NUMBER", "KQ882/40417"),
    ("D: 05/11/91  T: 05/12/91  JRK/mlt/bsk  JOB #: 311-52-09-7", "PERSON", "JRK/mlt/bsk"),
    ("311-52-09-7  KQ882/40417\n", "ID_NUMBER", "KQ882/40417"),  # no label
    ("Application no. 41872/98 was lodged", "ID_NUMBER", "41872/98"),
])
def test_shape_is_found(text: str, label: str, value: str) -> None:
    assert (label, value) in _found(text)


@pytest.mark.parametrize(("text", "value"), [
    ("BACK TO SICU FROM OR AT 1400.", "SICU"),
    ("BACK TO SICU FROM OR AT 1400.", "OR"),
    ("transfer to the rehab floor", "rehab floor"),
    ("strength 5/5 bilaterally, pain 6/10", "5/5"),
    ("pain 6/10", "6/10"),
    ("BP 120/80 HR 88", "120/80"),
    ("Acute Rehab consulted", "Acute Rehab"),
    ("Cardiac Rehab consulted", "Cardiac Rehab"),
    ("sent to ED for eval", "ED"),
    ("glasses will be sent from NH tomorrow", "NH"),  # a nursing home's shorthand
    ("Pt came from OSH intubated", "OSH"),              # an outside hospital's
    ("to be discharged to LTACH next week", "LTACH"),
    ("C5/6 disc, T10/11 level", "C5/6"),
    ("C5/6 disc, T10/11 level", "T10/11"),
])
def test_near_miss_is_left(text: str, value: str) -> None:
    assert all(v != value for _, v in _found(text))


# --- a day and month alone in a dated report; holidays; one-word rehabs; an extension ---

_SUMMARY = ("NICU DISCHARGE SUMMARY\nDATE OF BIRTH: 02/27/2012\nDISCHARGE DATE: 04/16/2012\n"
            "RESP: Extubated to CPAP DOL 3 (3/1), to high flow 3/19, room air 4/2.\n"
            "FOLLOW UP: PCP 4/18. Ophtho 4/24.\n")


@pytest.mark.parametrize("value", ["3/1", "3/19", "4/2", "4/18", "4/24"])
def test_a_day_and_month_alone_is_a_date_in_a_dated_report(value: str) -> None:
    assert ("DATE", value) in _found(_SUMMARY)


@pytest.mark.parametrize(("tail", "value"), [
    ("grade 2/6 systolic murmur.", "2/6"),          # a grade
    ("pT3 N1a (1/22 nodes).", "1/22"),              # a count of nodes
    ("57M WITH ESRD 2/2 DM ON HD.", "2/2"),         # "secondary to"
    ("take 1/2 tab at night.", "1/2"),              # a dose
    ("strength 4/5 in the legs.", "4/5"),           # a score
    ("crackles 1/3 up bilat.", "1/3"),
])
def test_a_fraction_of_a_dated_report_stays_a_number(tail: str, value: str) -> None:
    text = _SUMMARY + tail
    assert ("DATE", value) not in _found(text)


def test_a_day_and_month_alone_needs_a_dated_report() -> None:
    assert ("DATE", "3/19") not in _found("to high flow 3/19, room air 4/2. DOB 02/27/2012")


@pytest.mark.parametrize(("text", "value"), [
    ("wife states he was 'fine at Thanksgiving' then stopped eating.", "Thanksgiving"),
    ("coughing since New Year's, updated son.", "New Year's"),
    ("family wants pt home for christmas eve.", "christmas eve"),
    ("ASKING ABT BEING ABLE TO HOLD BY XMAS EVE.", "XMAS EVE"),
    ("fell on the 4th of July at a cookout", "4th of July"),
])
def test_a_holiday_after_a_preposition_is_a_date(text: str, value: str) -> None:
    assert ("DATE", value) in _found(text)


@pytest.mark.parametrize("text", ["Merry Christmas and thank you!",
                                  "We talk about it every Christmas.",
                                  "danced at the christmas party", "the spirit of Christmas",
                                  "Thanksgiving menu ideas"])
def test_a_holiday_as_a_custom_or_greeting_is_no_date(text: str) -> None:
    assert not [v for label, v in _found(text) if label == "DATE"]


@pytest.mark.parametrize(("text", "value"), [
    ("DISPO: CM AWARE, PT SCREENED BY SPAULDING AND ACCEPTED", "SPAULDING"),
    ("STATES PT WAS AT KINDRED BEFORE THIS ADMISSION", "KINDRED"),
    ("referral faxed to Youville today", "Youville"),
])
def test_a_rehab_named_by_one_word_where_a_patient_is_placed(text: str, value: str) -> None:
    assert ("LOCATION", value) in _found(text)


@pytest.mark.parametrize("text", ["screened by PT and OT", "referral sent to Rehab.",
                                  "accepted at the floor", "WAS AT HOME BEFORE THIS"])
def test_a_role_or_a_word_after_a_screening_is_no_place(text: str) -> None:
    assert not [v for label, v in _found(text) if label == "LOCATION"]


def test_an_extension_after_a_signature_is_a_phone() -> None:
    assert ("PHONE_NUMBER", "4-5562") in _found("K. Doherty, LICSW x4-5562\n")
    assert not [v for label, v in _found("ativan x2-3 doses, x4 ext") if label == "PHONE_NUMBER"]


# --- a judgment's parties and courts ---

@pytest.mark.parametrize(("text", "label", "value"), [
    ("BETWEEN TE ARAROA HOLDINGS LIMITED\nPlaintiff\n", "ORGANIZATION",
     "TE ARAROA HOLDINGS LIMITED"),
    ("MINISTER OF POLICE                             First Defendant\n", "ORGANIZATION",
     "MINISTER OF POLICE"),
    ("THE LAND REGISTRAR, NAKURU..................................2ND DEFENDANT\n",
     "ORGANIZATION", "THE LAND REGISTRAR, NAKURU"),
    ("PRECIOUS MOKOENA                    Plaintiff\n", "PERSON", "PRECIOUS MOKOENA"),
    ("Kwame Osei-Bonsu\nAppellant\n", "PERSON", "Kwame Osei-Bonsu"),
    ("SCOTTISH COURTS AND TRIBUNALS\n\nOUTER HOUSE, COURT OF SESSION\n", "ORGANIZATION",
     "OUTER HOUSE, COURT OF SESSION"),
])
def test_a_party_or_court_of_a_judgments_heading(text: str, label: str, value: str) -> None:
    assert (label, value) in _found(text)


@pytest.mark.parametrize("text", [
    "THE STATE                    Respondent\n",
    "BETWEEN\n\nHer Majesty the Queen\nRespondent\n",
    "The appeal was dismissed by the court below and the\nrespondent\n",  # a sentence's words
    "FOR THESE REASONS, THE COURT UNANIMOUSLY\n",
])
def test_the_crown_a_sentence_or_a_courts_decision_is_no_party(text: str) -> None:
    assert not [v for label, v in _found(text) if label in ("PERSON", "ORGANIZATION")]


# --- a dictated report's stamps and footer; public bodies; streets in lower case ---

@pytest.mark.parametrize(("text", "label", "value"), [
    ("NNP for Dr. Adeyemi\nD 4/16/12 T 4/17/12  GM/sdw  #883104\n", "ID_NUMBER", "883104"),
    ("Dict 12/23/15 0631 / Trans 12/23/15 1102 cmj\nConf #71039555\n", "PERSON", "cmj"),
    ("Dict 12/23/15 0631 / Trans 12/23/15 1102 cmj\nConf #71039555\n", "ID_NUMBER", "71039555"),
    ("DICTATED 23/11/2016 TYPED 25/11/2016 TM/JLW\nCC: DR F. ADEBAYO", "PERSON", "TM/JLW"),
    ("D: 01/29/2019 T: 01/30/2019\nJOB 0088213-2\n", "ID_NUMBER", "0088213-2"),
    ("dictated by: yusuf demir, md YD62\n", "ID_NUMBER", "YD62"),
    ("attending: wendell jackson, md WJ19\nyd/pel\ndd: 08/03/09\n", "PERSON", "yd/pel"),
    ("a decision of the Refugee Appeal Division (RAD) of the", "ORGANIZATION",
     "Refugee Appeal Division"),
    ("the Immigration and Refugee Board of Canada dated June 2", "ORGANIZATION",
     "Immigration and Refugee Board of Canada"),
    ("the boat ramp at Lake Lanier off Hwy 53 is open", "STREET_ADDRESS", "Hwy 53"),
    ("im outside her building on 5th ave like a lost puppy", "STREET_ADDRESS", "5th ave"),
    ("does anyone know if the dmv on harbor blvd takes walk ins", "STREET_ADDRESS",
     "harbor blvd"),
])
def test_a_stamp_a_body_or_a_street(text: str, label: str, value: str) -> None:
    assert (label, value) in _found(text)


@pytest.mark.parametrize(("text", "label"), [
    ("T: 05/12/91 2:15 PM\n", "PERSON"),                 # a clock's "PM", no typist
    ("s/p\nn/v\ndd: 08/03/09\n", "PERSON"),               # shorthand of one letter a side
    ("c/o cp\ndd: 08/03/09\n", "PERSON"),                 # clinical shorthand
    ("Discussed at Tumor Board today.", "ORGANIZATION"),  # a hospital's board
    ("Ethics Committee consulted.", "ORGANIZATION"),
    ("Per Cardiology Division.", "ORGANIZATION"),
    ("walked on the road to recovery", "STREET_ADDRESS"),
    ("ROUTE: PO daily", "STREET_ADDRESS"),
])
def test_shorthand_a_hospitals_board_or_a_road_is_left_alone(text: str, label: str) -> None:
    assert not [v for found_label, v in _found(text) if found_label == label]


@pytest.mark.parametrize(("text", "label", "value"), [
    ("PLAN: CXR & DEVICE CHECK IN AM, ?D/C HOME.\nJMK\n", "PERSON", "JMK"),  # a nurse's initials
    ("HOME SVCS SET UP W/ VNA OF BOSTON FOR RN/PT/OT.", "ORGANIZATION", "VNA OF BOSTON"),
    ("home health through VNA of Cape Cod, lifeline", "ORGANIZATION", "VNA of Cape Cod"),
])
def test_a_notes_last_initials_and_a_visiting_nurse_association(text: str, label: str,
                                                                 value: str) -> None:
    assert (label, value) in _found(text)


@pytest.mark.parametrize("text", ["PLAN: CONT TO MONITOR.\nICU\n", "wean as tol.\nDNR\n",
                                  "VNA of the future"])
def test_shorthand_on_the_last_line_or_a_vna_of_no_place_is_left(text: str) -> None:
    assert not [v for label, v in _found(text) if label in ("PERSON", "ORGANIZATION")]
