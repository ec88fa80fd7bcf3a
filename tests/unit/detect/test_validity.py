import pytest

from redactor.detect.validity import clock_time, plausible, plausible_at


@pytest.mark.parametrize(
    ("label", "text", "ok"),
    [
        ("PHONE_NUMBER", "1001", False),
        ("PHONE_NUMBER", "(617) 555-0143", True),
        ("EMAIL_ADDRESS", "maria", False),
        ("EMAIL_ADDRESS", "m@example.org", True),
        ("EMAIL_ADDRESS", "@", False),  # a note's "at": "HEPARIN GTT @ 900U/HR"
        ("EMAIL_ADDRESS", "@ 900", False),
        ("EMAIL_ADDRESS", "maria . lopez @ gmail . com", True),  # spaced out, still an address
        ("EMAIL_ADDRESS", "net @ MN. ionized", False),  # a net fluid balance at midnight
        ("EMAIL_ADDRESS", "o.adeyemi@nhs.net", True),
        ("EMAIL_ADDRESS", "tf @ goal.", False),  # a note's "at" before a sentence's end
        ("ZIP_CODE", "MA", False),
        ("ACCOUNT_NUMBER", "00123456789", True),
        ("ID_NUMBER", "Falcon", False),
        # a name, place or organisation has a letter (a model's "." in "ok np. is khanh")
        ("PERSON", "1001", False),
        ("PERSON", ".", False),
        ("PERSON", "@", False),
        ("LOCATION", "- ,", False),
        ("PERSON", "Li", True),
        ("PERSON", "Đặng", True),
        ("ORGANIZATION", "3M", True),
        ("PERSON", "李", True),
        # a name has a word that starts with no digit (a dose's "1100U", "60'S")
        ("PERSON", "1100U", False),
        ("PERSON", "60'S", False),
        ("PERSON", "21 Savage", True),
        ("PERSON", "@kim_88", True),
        ("PERSON", "O'Neil", True),
        # a month and a four-digit year needs a year of the calendar ("beeper 4-2291")
        ("DATE", "6/1905", True),
        ("DATE", "2004-11", True),
        ("DATE", "4-2291", False),
        ("DATE", "3-1234", False),
        ("DATE", "2291-4", False),
        # a model's ZIP of four digits with a leading zero is a clock time ("AT BEDSIDE 0340")
        ("ZIP_CODE", "0340", False),
        ("ZIP_CODE", "02115", True),
        # a street has a name or a number ("w" of "w/ DKA")
        ("STREET_ADDRESS", "w", False),
        ("STREET_ADDRESS", "12 Elm St", True),
        ("STREET_ADDRESS", "66", True),  # a house number alone ("Nevsky pr., d. 66")
        ("STREET_ADDRESS", "pr.", True),
    ],
)
def test_shapes(label, text, ok):
    assert plausible(label, text) is ok


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        ("Family updated by RN Sato at 1400.", "1400", True),
        ("BP checked at 0830 and 1415; meds given @ 2100.", "1415", True),
        ("meds given @ 2100.", "2100", True),
        ("pain since 0600 hrs", "0600", True),
        ("Dressing changed 1400 h", "1400", True),
        ("1020 Wien, Österreich", "1020", False),  # a postcode: no time word before it
        ("Kingsford NSW 2032", "2032", False),
        ("at 2460", "2460", False),  # no clock time: 24 h
        ("at 1275", "1275", False),  # no clock time: 75 min
        ("at 02139", "02139", False),  # five digits
    ],
)
def test_clock_times(text: str, value: str, expected: bool) -> None:
    start = text.index(value)
    assert clock_time(text, start, start + len(value)) is expected
    assert plausible_at("ZIP_CODE", text, start, start + len(value)) is (
        not expected and plausible("ZIP_CODE", value)
    )
    assert plausible_at("PHONE_NUMBER", text, start, start + len(value)) is False  # < 7 digits


@pytest.mark.parametrize(
    ("text", "value", "ok"),
    [
        ("PLAN: D/W LI AND FAMILY.", "LI", True),  # a person's cue before and after
        ("Discussed with XI and wife.", "XI", True),
        ("Seen by Dr. LI today.", "LI", True),
        ("Reviewed with LI, MD.", "LI", True),
        ("Type II diabetes, stage IV disease.", "II", False),
        ("Type II diabetes, stage IV disease.", "IV", False),
        ("Henry VIII married six times.", "VIII", False),
        ("D/W I AND FAMILY.", "I", False),  # "I" alone is never a name
        ("Seen by LI.", "LI", False),  # no cue: a numeral is read as one
    ],
)
def test_a_roman_numeral_is_a_name_only_where_a_cue_says_so(
    text: str, value: str, ok: bool
) -> None:
    start = text.index(value)
    assert plausible_at("PERSON", text, start, start + len(value)) is ok
    assert not plausible("PERSON", value)  # its shape alone says numeral


def test_a_name_that_is_no_roman_numeral_needs_no_cue() -> None:
    text = "Seen by LIU."
    assert plausible_at("PERSON", text, 8, 11)


@pytest.mark.parametrize(("text", "value", "label", "ok"), [
    # a credential written as its own token is no name, place or organisation
    ("CHARLOTTE MBEKI , M.D. ,", ".D", "PERSON", False),
    ("cc : Jose Amaral , M.D. ;", "M.D.", "PERSON", False),
    ("SERGEI MOROZOV , M.D. , Concord", ".D.", "LOCATION", False),
    ("Dr. Mdina went home", "Mdina", "PERSON", True),
    # numbers only, with a unit after the last: a measure, not a date
    ("will f/u in 1-2 weeks", "1-2", "DATE", False),
    ("in from 4-8pm", "4-8", "DATE", False),
    ("residuals 10-20cc", "10-20cc", "DATE", False),
    ("seen June 2 at 4pm", "June 2 at 4pm", "DATE", True),
    ("labs 3/14 am", "3/14", "DATE", True),
    ("seen 3/14 for f/u", "3/14", "DATE", True),
    # a nurse's shift or a vote's tally
    ("nsg note 7-3\n89 yo m s/p fall", "7-3", "DATE", False),
    ("The City Council voted 9-4 on Thursday", "9-4", "DATE", False),
    ("NPN note 3/14 events", "3/14", "DATE", True),
    ("Nursing Progress Note 1900-0700", "1900-0700", "DATE", False),  # a shift of hours
    # a British note's weeks, days and months as fractions: no day and month
    ("IF NO IMPROVEMENT IN 2/52 REFER TO TVN", "2/52", "DATE", False),
    ("Next appt 2/52 with Dr Nasser", "2/52", "DATE", False),  # weeks: always
    ("Bowels not open 4/7 - discussed with GP", "4/7", "DATE", False),
    ("reablement 4x daily for 2/7. Referral sent.", "2/7", "DATE", False),
    ("abx x 5/7 then review", "5/7", "DATE", False),
    ("seen in clinic 4/7", "4/7", "DATE", True),  # a day and month: no measure before it
    ("review 6/12 in clinic", "6/12", "DATE", True),  # may date the review
    ("admitted since 4/7", "4/7", "DATE", True),
])
def test_plausible_in_its_sentence(text: str, value: str, label: str, ok: bool) -> None:
    start = text.index(value)
    assert plausible_at(label, text, start, start + len(value)) is ok


@pytest.mark.parametrize(("text", "piece", "date"), [
    ("f/u in clinic 3/14. cont meds", "/14", True),        # the transformer's piece of "3/14"
    ("ADMITTED 12/05/2019 FROM HOME", "12/", True),
    ("OGD on 29/01 showed an ulcer", "/", True),
    ("LEFT GRIP 4/5. DILANTIN 100MG", "/", False),          # a score out of five
    ("10/10 would recommend", "/10", False),                # out of ten
    ("(9/9 on the Beighton scale)", "/9", False),           # full marks
    ("grew in 1/4 bottles, a contaminant", "/", False),     # a count
    ("open 24/7 from April", "/", False),
    ("3/14", "3/14", False),                                # the whole token: no piece
])
def test_a_piece_of_a_day_and_month_is_a_date_to_fit(text, piece, date):
    from redactor.detect.validity import piece_of_a_date

    start = text.index(piece)
    assert piece_of_a_date(text, start, start + len(piece)) is date
