"""Rules found on real text (``benchmarks/eval_real.py --show-errors``): model dates that are
durations or bare numbers, eponymous instruments, section headers, places after "the", and
countries in lower case. Each with the cases it must leave alone."""

from __future__ import annotations

import pytest

from redactor.detect.evidence import eponym, has_cue, ordinary_language, trim_leading_words
from redactor.detect.spacy_ner import date_reason
from redactor.detect.validity import plausible
from redactor.span import Span


def _span(text: str, value: str, label: str, source: str = "spacy:PERSON") -> Span:
    start = text.index(value)
    return Span(start, start + len(value), label, 0.85, source)


@pytest.mark.parametrize("value", ["6-8 weeks", "3-5 years", "1.5 years", "1-7 month",
                                   "7-1/2-month-old", "DIAGNOSES,1", "1+", "2+", "0.45",
                                   "between 10 and 12", "technetium-99", "the 2nd",
                                   # a pressure's range, a nurse's shift
                                   "110-130/60S", "120/80-140/90", "1900-0700", "0700-1500",
                                   "-1900"])  # a model's piece of "0700-1900"
def test_durations_and_numbers_are_no_dates(value: str) -> None:
    assert date_reason(value) is not None


@pytest.mark.parametrize("value", ["4 March 1998", "the summer of 1981", "03/14/2021", "3/14",
                                   "6/81", "9/2", "D: 05/11/91", "14.03.2021", "05.11.91",
                                   "2021-03-14", "in '98", "12th of October",
                                   "September 17, 1859", "the end of December", "10/2019",
                                   "1939-1945", "3/14-3/16", "12-31-2020"])
def test_dates_keep_their_shape(value: str) -> None:
    assert date_reason(value) is None


@pytest.mark.parametrize(("text", "value", "label"), [
    ("a midline incision through the Buck fascia was made", "Buck", "PERSON"),
    ("Potts elevator was then used", "Potts", "LOCATION"),
    ("brought out with the Keith needle", "Keith", "PERSON"),
    ("Marlex repair of right inguinal hernia", "Marlex", "PERSON"),
    ("continuation of the Kegel exercises", "Kegel", "PERSON"),
    ("A 20-French Foley Catheter was used.", "Foley Catheter", "PERSON"),
    ("incising the white line of Toldt and mobilizing", "Toldt", "LOCATION"),
    ("This nicely exposed the space of Retzius.", "Retzius", "LOCATION"),
])
def test_instruments_and_anatomy_named_after_people(text: str, value: str, label: str) -> None:
    assert eponym(text, _span(text, value, label))


@pytest.mark.parametrize(("text", "value", "label"), [
    ("Keith Foley was seen today.", "Keith Foley", "PERSON"),
    ("the Transbay Tube and the bridge", "Transbay Tube", "LOCATION"),
    ("Heidi called about the results", "Heidi", "PERSON"),
])
def test_names_that_are_no_eponyms_stay(text: str, value: str, label: str) -> None:
    assert not eponym(text, _span(text, value, label))


def test_cued_names_are_never_eponyms() -> None:
    text = "Dr. Buck fascia"  # a name rule's span is not second-guessed
    assert not eponym(text, _span(text, "Buck", "PERSON", source="names:title"))


@pytest.mark.parametrize(("text", "value", "label"), [
    ("FLUIDS RECEIVED:  100 mL", "RECEIVED", "PERSON"),
    ("PHYSICAL EXAM: BP Sitting: 120/80", "BP Sitting", "ORGANIZATION"),
])
def test_headers_before_a_colon_are_dropped(text: str, value: str, label: str) -> None:
    assert ordinary_language(text, _span(text, value, label))


@pytest.mark.parametrize(("text", "value", "label", "source"), [
    ("JOHN: are you there", "JOHN", "PERSON", "spacy:PERSON"),      # a name, not a word
    ("BILL: are you there", "BILL", "PERSON", "names:speaker"),     # a name rule's speaker
    ("RT @L_E_G _ O _ S : hi", "@L_E_G _ O _ S", "PERSON", "hf_ner:PERSON"),
])
def test_speakers_before_a_colon_stay(text: str, value: str, label: str, source: str) -> None:
    assert not ordinary_language(text, _span(text, value, label, source))


@pytest.mark.parametrize(("text", "value", "label"), [
    ("the legal structures of the United States. On", "the United States", "LOCATION"),
    ("citizens of these United States, I", "these United States", "LOCATION"),
    ("i live in india . . . likes", "india", "LOCATION"),
    ("see you soon ~ japan ! ! !", "japan", "LOCATION"),
    ("the National Library of the Netherlands (KB)", "the National Library of the Netherlands",
     "ORGANIZATION"),
    ("Zachary Goodman from Walker and Sons is the keynote", "Walker and Sons", "ORGANIZATION"),
    ("audited by Baker Brothers last year", "Baker Brothers", "ORGANIZATION"),
    ("a letter from Cardiology Associates arrived", "Cardiology Associates", "ORGANIZATION"),
])
def test_places_and_institutions_stay(text: str, value: str, label: str) -> None:
    assert not ordinary_language(text, _span(text, value, label))


def test_a_lower_case_city_that_is_a_word_is_still_dropped() -> None:
    text = "the patient is mobile and ambulating"
    assert ordinary_language(text, _span(text, "mobile", "LOCATION"))


@pytest.mark.parametrize(("label", "value", "ok"), [
    ("LOCATION", "PERFORMED:,1", False),
    ("LOCATION", "OPERATIONS PERFORMED:,1.  Right", False),
    ("PERSON", "IMAGING:,Chest x-ray", False),
    ("PERSON", "I", False),
    ("PERSON", "III", False),
    ("PERSON", "RT @frappexniam : Seriously", True),
    ("PERSON", "Ivan", True),
    ("ORGANIZATION", "Star Trek: Voyager", True),
])
def test_names_hold_no_header_and_are_no_roman_numerals(label: str, value: str, ok: bool) -> None:
    assert plausible(label, value) is ok


@pytest.mark.parametrize("value", ["75-87", "25-35", "15-65", "18-64", "120/80", "0/5"])
def test_reference_ranges_and_pressures_are_no_dates(value: str) -> None:
    assert date_reason(value) is not None


@pytest.mark.parametrize("value", ["POD 4/12", "s/p AVR 6/81", "10/2019", "2021-03"])
def test_clinical_dates_without_a_year_stay_dates(value: str) -> None:
    assert date_reason(value) is None


@pytest.mark.parametrize(("text", "value"), [
    ("after the procedure the Foley catheter was removed", "Foley"),
    ("an Amplatz wire then passed", "Amplatz"),
    ("exsanguinated with an Esmarch bandage", "Esmarch"),
])
def test_echoes_of_a_name_before_an_instrument_are_eponyms(text: str, value: str) -> None:
    assert eponym(text, _span(text, value, "PERSON", source="names:echo"))


_THERAPY = ("PT HOME VISIT. GAIT: AMB W/ RW, 5X STS 19 SEC W/ UE ASSIST. BERG 41/56. NAS: "
            "FINNEGAN SCORES 6, 9, 7, MORPHINE WEANED. SKIN: BRADEN 14. DAUGHTER MORSE CALLED "
            "AT 617-555-0143. WILL CONTINUE PLAN OF CARE, HEP REVIEWED, VITALS STABLE.")


@pytest.mark.parametrize(("value", "scale"), [
    ("BERG", True), ("FINNEGAN", True), ("BRADEN", True),
    ("MORSE", False),  # a relative's name before a verb, not a scale's value
])
def test_a_scale_named_after_its_author_before_its_value_is_no_person(value, scale) -> None:
    assert eponym(_THERAPY, _span(_THERAPY, value, "PERSON", source="spacy:PERSON")) is scale
    news = "What a match last night! Berg 41 minutes in and the crowd went wild"  # a person
    assert not eponym(news, _span(news, "Berg", "PERSON", source="spacy:PERSON"))


def test_lower_case_echoes_of_words_go_unless_the_note_is_lower_case() -> None:
    text = "Denies chest pain, denies any seizure disorder."
    assert ordinary_language(text, _span(text, "denies", "PERSON", source="names:echo"))
    lower = "son tom called. will call tom back"
    start = lower.rindex("tom")
    assert not ordinary_language(lower, Span(start, start + 3, "PERSON", 0.7, "names:echo"))


def test_units_are_no_organisations() -> None:
    from redactor.detect.spacy_ner import drop_reason

    assert drop_reason("ORGANIZATION", "mIU/mL") == "unit of measure"
    assert drop_reason("ORGANIZATION", "ng/mL") == "unit of measure"
    assert drop_reason("ORGANIZATION", "Acme Labs") is None


@pytest.mark.parametrize(("text", "value"), [
    ("“ FBI seeks 90 victims of alleged fraud", "FBI"),
    ("Paul Heyman makes an announcement : WWE App", "WWE"),
])
def test_acronyms_of_organisations_stay(text: str, value: str) -> None:
    span = _span(text, value, "ORGANIZATION", source="hf_ner:ORGANIZATION")
    assert not ordinary_language(text, span)


@pytest.mark.parametrize(("text", "value"), [
    ("NEURO: A+OX3, PERRLA, MAE.", "PERRLA"),          # clinical shorthand
    ("ASSESSMENT:,1.  UTI.,2.  GERD.", "UTI.,2"),     # not an acronym alone
    ("PT SEEN, LUNGS COARSE, FBI", "FBI"),             # a note in capitals
])
def test_clinical_acronyms_and_notes_in_capitals_are_no_organisations(text: str,
                                                                       value: str) -> None:
    span = _span(text, value, "ORGANIZATION", source="hf_ner:ORGANIZATION")
    assert ordinary_language(text, span) or not _is_acronym_kept(text, span)


def _is_acronym_kept(text: str, span: Span) -> bool:
    from redactor.detect.evidence import _acronym_of_an_organisation
    from redactor.detect.lexicon import words_of

    return _acronym_of_an_organisation(text, span, words_of(text[span.start : span.end]))


@pytest.mark.parametrize("value", ["Wowwwwwww", "Damnnnn", "HAHAHAHA", "Pleaseee", "fackkk"])
def test_spacy_exclamations_are_no_names(value: str) -> None:
    text = f"well done {value} . see you"
    assert ordinary_language(text, _span(text, value, "PERSON"))


@pytest.mark.parametrize(("text", "value", "source"), [
    ("so nice meeting you and Jonyeee !", "Jonyeee", "hf_ner:PERSON"),  # the transformer's
    ("Awwwww Didga so cute", "Awwwww Didga", "spacy:PERSON"),           # two words
    ("Dr. Ottt will see you", "Ottt", "spacy:PERSON"),                  # a cue
    ("the Anna Hall today", "Anna", "spacy:PERSON"),                    # double letters only
])
def test_long_written_names_with_evidence_stay(text: str, value: str, source: str) -> None:
    assert not ordinary_language(text, _span(text, value, "PERSON", source))


@pytest.mark.parametrize(("text", "value"), [
    ("MEDICATIONS:,  Bactrim DS one pill a day", "Bactrim DS"),
    ("started on Lasix XL today", "Lasix XL"),
])
def test_drugs_with_a_short_suffix_are_vocabulary(text: str, value: str) -> None:
    assert ordinary_language(text, _span(text, value, "PERSON"))


def test_empires_and_republics_are_institutions() -> None:
    text = "Greece suffered badly under the Ottoman Empire, only to"
    assert not ordinary_language(text, _span(text, "the Ottoman Empire", "LOCATION"))


def test_field_labels_after_a_name_are_no_eponym_nouns() -> None:
    text = "Employer: Deschamps Bruneau S.A.S.   Position: Engineer"
    span = _span(text, "Bruneau S.A.S.", "ORGANIZATION", source="hf_ner:ORGANIZATION")
    assert not eponym(text, span)


@pytest.mark.parametrize("value", ["TZK:salvemini", "KFC:wakula", "VWV:"])
def test_user_ids_with_a_colon_are_names(value: str) -> None:
    assert plausible("PERSON", value)


def test_a_german_day_before_its_month_is_a_date() -> None:
    assert date_reason("23.") is None


def test_an_initial_is_no_drug_suffix() -> None:
    text = "Findings discussed with J. Johnson on 10/31/15."
    assert not ordinary_language(text, _span(text, "J. Johnson", "PERSON"))


@pytest.mark.parametrize("value", ["4. Februar", "3 mars", "12 de marzo"])
def test_dates_with_month_names_of_other_languages(value: str) -> None:
    assert date_reason(value) is None


@pytest.mark.parametrize("value", ["the 1980s", "the late 1980s", "early 1990s", "1970s",
                                   "the 90s"])
def test_decades_are_coarser_than_a_year(value: str) -> None:
    assert date_reason(value) == "decade"


@pytest.mark.parametrize(("text", "value"), [
    ("Almost half of all Australian primary school children", "Australian"),
    ("the largest state on the Greek mainland", "Greek"),
    ("Athens (Greek: Αθήνα, Athína), is the capital", "Greek"),
])
def test_nationalities_used_as_adjectives_are_no_places(text: str, value: str) -> None:
    span = _span(text, value, "LOCATION", source="hf_ner:LOCATION")
    assert ordinary_language(text, span)


@pytest.mark.parametrize(("text", "value"), [
    ("she moved to Michigan last year", "Michigan"),      # a listed place
    ("he lives in Sichuan province now", "Sichuan"),     # a region
    ("sailed across the Indian Ocean", "Indian"),        # part of a name
])
def test_places_that_look_like_nationalities_stay(text: str, value: str) -> None:
    span = _span(text, value, "LOCATION", source="hf_ner:LOCATION")
    assert not ordinary_language(text, span)


@pytest.mark.parametrize(("text", "value"), [
    ('Jacob shouted at Jessica: "What are you doing here?"', "Jacob"),
    ("Jacob, can I please speak to your boss?", "Jacob"),
    ("Will reviewed the chart and agreed.", "Will"),
    ("Fox stable overnight, plan CT head this am.", "Fox"),  # a listed surname too
])
def test_given_names_that_are_words_stay_in_a_persons_place(text: str, value: str) -> None:
    assert not ordinary_language(text, _span(text, value, "PERSON"))


@pytest.mark.parametrize(("text", "value"), [
    ("Will continue current plan.", "Will"),
    ("Mark the dressing daily.", "Mark"),
    ("Fox, please note the dressing.", "Fox"),  # a surname is not spoken to like this
    ("JACOB SHOUTED", "JACOB"),  # a line in capitals says nothing about a word
])
def test_given_names_that_are_words_go_elsewhere(text: str, value: str) -> None:
    assert ordinary_language(text, _span(text, value, "PERSON"))


def test_evidence_reads_a_bounded_neighbourhood_of_a_line_without_breaks() -> None:
    # Reading the whole line for each span made a long text without line breaks quadratic.
    from redactor.detect.casing import LINE_REACH

    looked: list[int] = []

    class Text(str):
        def rfind(self, sub, start=None, end=None):  # type: ignore[override]
            looked.append(len(self) if end is None else end - (start or 0))
            return super().rfind(sub, start, end)

        def find(self, sub, start=None, end=None):  # type: ignore[override]
            looked.append(len(self) - (start or 0) if end is None else end - (start or 0))
            return super().find(sub, start, end)

    text = Text("the note says " * 2000 + "Jacob shouted at denies " + "and so on " * 2000)
    for value in ("Jacob", "denies"):
        start = text.index(value)
        for source in ("spacy:PERSON", "names:echo"):
            ordinary_language(text, Span(start, start + len(value), "PERSON", 0.85, source))
    assert looked and max(looked) <= LINE_REACH


def test_a_time_stamped_chat_speaker_stays_whatever_the_word() -> None:
    text = "[08:55] lovely: hey u there\nlovely day: sunny"
    assert not ordinary_language(text, _span(text, "lovely", "PERSON", "names:speaker"))
    later = text.rindex("lovely")
    assert ordinary_language(text, Span(later, later + 6, "PERSON", 0.85, "spacy:PERSON"))


@pytest.mark.parametrize(
    ("text", "value", "kept"),
    [
        ("kendrick is the goat no cap", "kendrick", True),  # listed, no English word
        ("tell mark i said hi", "mark", False),  # an English word
        ("Kendrick is the goat", "Kendrick", True),  # capitalised: the old rule
    ],
)
def test_two_models_agreeing_on_a_listed_name_in_lower_case(text, value, kept):
    span = _span(text, value, "PERSON", "hf_ner:PERSON")
    assert ordinary_language(text, span, agreed=True) is not kept


def test_a_lower_case_name_needs_both_models():
    text = "kendrick is the goat no cap"
    assert ordinary_language(text, _span(text, "kendrick", "PERSON", "hf_ner:PERSON"))


@pytest.mark.parametrize("value", ["OMFG", "Hahaha", "LMAOO", "Dude", "Kinda", "dem", "Yasss",
                                   "lol omg", "AITA", "AIBU", "ngl", "TIFU", "szn", "YNWA"])
def test_chat_words_are_no_names(value):
    from redactor.detect.evidence import chat_words_only

    assert chat_words_only(value)
    text = f"ok {value} that was wild"
    assert ordinary_language(text, _span(text, value, "PERSON"))


@pytest.mark.parametrize(("text", "value", "dropped"), [
    ("omg #TheDress is clearly white and gold", "TheDress", True),
    ("#ThrowbackThursday to when my fringe was a terrible decision", "ThrowbackThursday", True),
    ("Ice cold. #INDvAUS", "INDvAUS", True),  # a match
    # a name, a place or a word no dictionary holds in it: left to the other rules
    ("what a night #ManUnited", "ManUnited", False),
    ("watching the fight #TeamVillarosa", "TeamVillarosa", False),
    ("the dress is white", "dress", False),  # no hashtag
])
def test_a_hashtag_run_together_from_words_is_a_topic(text, value, dropped):
    from redactor.detect.evidence import _hashtag_of_words

    assert _hashtag_of_words(text, _span(text, value, "PERSON")) is dropped


@pytest.mark.parametrize("value", ["Ha", "He", "Oh", "Um", "Kaka", "Lola", "Lol Smith", "Ahmed"])
def test_surnames_shaped_like_chat_stay_names(value):
    from redactor.detect.evidence import chat_words_only

    assert not chat_words_only(value)


_OPERATIVE = ("PROCEDURE: The patient was prepped and draped in the usual sterile fashion. The "
              "incision was closed with Dexon sutures and a Telfa dressing was applied. "
              "Hemostasis was achieved with cautery. Estimated blood loss was minimal. The "
              "patient tolerated the procedure well. Discussed the plan with Park and his wife.")


@pytest.mark.parametrize(("value", "label", "dropped"), [
    ("Dexon", "PERSON", True),        # a suture, capitalised mid-sentence
    ("Telfa", "ORGANIZATION", True),  # a dressing
    ("Park", "PERSON", False),        # a surname the lists hold only where a cue says so
])
def test_a_lone_word_of_spacy_in_a_note_needs_more_than_spacy(value, label, dropped) -> None:
    span = Span(_OPERATIVE.index(value), _OPERATIVE.index(value) + len(value), label, 0.85,
                f"spacy:{'PER' if label == 'PERSON' else 'ORG'}")
    assert ordinary_language(_OPERATIVE, span) is dropped
    # outside a note, a capital in mid-sentence keeps a word of the lexicons
    prose = "Yesterday the team met Dexon at the station."
    assert not ordinary_language(prose, Span(23, 28, "PERSON", 0.85, "spacy:PER"))


_UROLOGY = ("PROCEDURE: The patient was prepped with Betadine and draped in the usual sterile "
            "fashion. A 20-French Foley catheter was inserted and the bladder was drained. The "
            "vaginal cuff was grasped with straight Ochsner clamps. Hemostasis was achieved. The "
            "Foley was then inflated. Two straight Ochsner's were placed across the ligament. "
            "The patient tolerated the procedure well. Mr. Foley was seen by Dr. Smith.")


def _nth(text: str, value: str, nth: int) -> int:
    start = -1
    for _ in range(nth + 1):
        start = text.index(value, start + 1)
    return start


@pytest.mark.parametrize(("value", "nth", "source", "thing"), [
    ("Foley", 1, "spacy:PERSON", True),          # "The Foley was then inflated"
    ("Ochsner's", 0, "spacy:PERSON", True),      # "Two straight Ochsner's"
    ("Foley", 1, "places:geonames", True),       # Foley, Alabama: the device all the same
    ("Foley", 2, "spacy:PERSON", False),         # "Mr. Foley": a cue keeps the person
])
def test_a_device_named_in_full_once_is_the_device_alone_elsewhere_in_the_note(
        value: str, nth: int, source: str, thing: bool) -> None:
    start = _nth(_UROLOGY, value, nth)
    label = "LOCATION" if source.startswith("places") else "PERSON"
    span = Span(start, start + len(value), label, 0.85, source)
    assert eponym(_UROLOGY, span) is thing
    assert eponym(_UROLOGY.upper(), span) is thing  # in a note written in capitals too


_NURSING_GU = ("GU: FOLEY DRAINING CLEAR YELLOW URINE 30-50CC/HR. LASIX 20MG IV GIVEN WITH GOOD "
               "RESPONSE. K+ REPLETED. ABD SOFT, +BS, TOLERATING SIPS. SEEN BY DR. FOLEY OF "
               "UROLOGY, WHO WILL F/U IN AM. PLAN: CONT TO MONITOR UOP, LYTES.")


@pytest.mark.parametrize(("nth", "device"), [(0, True), (1, False)])  # "DR. FOLEY" stays
def test_a_device_a_note_names_by_its_maker_alone_is_no_name(nth: int, device: bool) -> None:
    for text in (_NURSING_GU, _NURSING_GU.title()):
        value = text[_nth(text.upper(), "FOLEY", nth):][:5]
        start = _nth(text, value, nth)
        span = Span(start, start + 5, "PERSON", 0.85, "spacy:PERSON")
        assert eponym(text, span) is device


def test_a_device_s_name_is_remembered_only_in_a_clinical_note() -> None:
    text = ("The Foley catheter ad ran on TV last year, and it sold well. Later Foley said the "
            "market was calm, the shares rose and the team was happy with the year they had.")
    assert not eponym(text, Span(_nth(text, "Foley", 1), _nth(text, "Foley", 1) + 5, "PERSON",
                                 0.85, "spacy:PERSON"))


def test_a_given_name_and_surname_stay_though_a_brand_bears_the_given_name() -> None:
    text = "She designed the assay that Sipho Pillay and Camila Torres later used in their work."
    assert not ordinary_language(text, _span(text, "Camila Torres", "PERSON", source="hf_ner"))
    # a drug with its suffix stays a drug
    note = "He was started on Bactrim DS and the rash improved over the week."
    assert ordinary_language(note, _span(note, "Bactrim DS", "PERSON", source="hf_ner"))


@pytest.mark.parametrize(("text", "value", "kept"), [
    ("Judgment\nLord Justice Ward:\n1. On 3 March 1997 the claimant", "Lord Justice Ward", True),
    ("the midwife, Sister Park, noted a fall", "Sister Park", True),
    ("So Secretary Grant again invoked the Act", "Secretary Grant", True),
    # a title before a word in lower case is no name
    ("Sister in law visited today.", "Sister in", False),
    ("SISTER IN TO VISIT WITH SON", "SISTER IN", False),  # capitals: no title read
])
def test_a_title_inside_a_models_name_makes_it_a_person(text: str, value: str,
                                                          kept: bool) -> None:
    span = _span(text, value, "PERSON", source="hf_ner")
    assert ordinary_language(text, span) is not kept


@pytest.mark.parametrize(("text", "value", "dropped"), [
    ("Neutral Citation Number: [2004] EWCA Civ 1234\nCase No: B3", "EWCA Civ", True),
    ("see Smith v Jones [2019] UKSC 41, at [12]", "UKSC", True),
    ("Kaya v. Turkey, judgment of 19 February 1998, Reports 1998-I, p. 297", "Reports", True),
    ("see Smith v Jones [2019] UKSC 41, at [12]", "Smith", False),  # the parties stay
])
def test_a_name_inside_a_law_reports_citation_is_the_report(text: str, value: str,
                                                              dropped: bool) -> None:
    span = _span(text, value, "PERSON", source="hf_ner")
    assert ordinary_language(text, span) is dropped


_TELEHEALTH = ("TELEHEALTH VISIT - 10/02/2023\nConnected by video with the patient, 49 yrs old, "
               "from Teshie. Identity confirmed with DOB and address.\nHPI: three days of right "
               "lower lobe pneumonia. No fever. Tolerating fluids.\nPlan: Augmentin 875 mg BID; "
               "return precautions given. On Telemetry overnight, Valsalva attempted.")


@pytest.mark.parametrize(("value", "kept"), [("Teshie", True), ("Telemetry", False)])
def test_a_place_someone_comes_from_stays_in_a_clinical_note(value: str, kept: bool) -> None:
    from redactor.detect.lexicon import clinical_register

    assert clinical_register(_TELEHEALTH)
    span = _span(_TELEHEALTH, value, "LOCATION", source="spacy:GPE")
    assert ordinary_language(_TELEHEALTH, span) is not kept


@pytest.mark.parametrize(("text", "value", "label", "source", "dropped"), [
    ("HOSPITAL COURSE: He was diuresed.", "HOSPITAL COURSE", "LOCATION", "hf_ner", True),
    ("Plan\nHOSPITAL COURSE: He was diuresed.", "HOSPITAL COURSE", "LOCATION", "hf_ner", True),
    ("MERCY HOSPITAL: 555 1234", "MERCY HOSPITAL", "LOCATION", "hf_ner", False),
    ("Seen by EP , Dr. Achterberg , who agreed", "EP", "PERSON", "hf_ner", True),
    ("evaluated by GI today", "GI", "PERSON", "hf_ner", True),
    ("Seen by Dr. EP today", "EP", "PERSON", "hf_ner", False),  # a title: a name
    ("Seen by NGUYEN today", "NGUYEN", "PERSON", "hf_ner", False),
])
def test_section_headers_and_services_seen_by(text: str, value: str, label: str, source: str,
                                              dropped: bool) -> None:
    assert ordinary_language(text, _span(text, value, label, source)) is dropped


@pytest.mark.parametrize(("text", "value"), [
    ("so i just switched from verizon to tmobile and honestly the signal in my apartment is "
     "way better now", "verizon"),
    ("tesco have run out of oat milk AGAIN. absolute scenes", "tesco"),
    ("happy bday ahmed!!! cant believe ur 30 already", "ahmed"),
    ("cant believe putin said that in the interview, my timeline is losing it", "putin"),
    # a post whose everyday words the clinical lists know too ("family", "night"): no note
    ("family night at the club was the best, waking up to 90s videos on mtv after", "mtv"),
])
def test_a_transformers_unlisted_word_in_a_post_stays(text, value):
    # Philter's whitelist holds these; no dictionary lists them in lower case
    assert not ordinary_language(text, _span(text, value, "ORGANIZATION", "hf_ner:ORGANIZATION"))


@pytest.mark.parametrize(("text", "value", "source"), [
    # a dictionary word, a chat word, a link's word: still ordinary language
    ("just bought a new apple pie recipe book", "apple", "hf_ner:ORGANIZATION"),
    ("lmaooo that was wild", "lmaooo", "hf_ner:PERSON"),
    ("see https for the rest of it", "https", "hf_ner:PERSON"),
    # spaCy's find: the old rule
    ("so i just switched from verizon to tmobile and honestly the signal in my apartment is "
     "way better now", "verizon", "spacy:ORG"),
])
def test_listed_words_and_spacys_finds_in_a_post_still_go(text, value, source):
    assert ordinary_language(text, _span(text, value, "ORGANIZATION", source))


def test_an_unlisted_word_in_a_note_still_goes():
    text = ("Pt alert, oriented x3. VS stable, sbp 110-130. Lasix 40mg iv given with good "
            "diuresis. Tolerating diet. Dtr called, updated by RN, will get him a verizon phone "
            "for the room.")
    assert ordinary_language(text, _span(text, "verizon", "ORGANIZATION", "hf_ner:ORGANIZATION"))


@pytest.mark.parametrize(("text", "value"), [
    ("my mum Rose just joined twitter, everyone say hi", "Rose"),
    ("grandma rose turned 94 today and still beats everyone at rummy", "rose"),
    ("NIECE HOPE CALLED FOR UPDATE, WILL VISIT TOMORROW", "HOPE"),
])
def test_a_word_after_a_relative_is_their_name(text, value):
    assert not ordinary_language(text, _span(text, value, "PERSON", "hf_ner:PERSON"))


def test_a_relative_ending_a_sentence_cues_no_name():
    text = "PARENTS LIVE W/ MATERNAL GRANDMOTHER. MOB HAS STATE INSURANCE, FOB WORKS NIGHTS."
    assert ordinary_language(text, _span(text, "MOB", "PERSON", "hf_ner:PERSON"))


@pytest.mark.parametrize(("text", "value", "label"), [
    ("two minor children and his mother, Smt. Bhagwati Devi, who was aged 64", "Smt", "PERSON"),
    ("two minor children and his mother, Smt. Bhagwati Devi, who was aged 64", "Smt",
     "ORGANIZATION"),
])
def test_a_title_alone_before_a_name_is_no_name(text, value, label):
    assert ordinary_language(text, _span(text, value, label))


@pytest.mark.parametrize(("value", "label", "trimmed"), [
    ("Mdm Lim", "PERSON", "Lim"),
    ("Mdm Lim", "ORGANIZATION", "Lim"),  # spaCy's organisation of a titled name
    ("Smt. Kamla Devi", "PERSON", "Kamla Devi"),
])
def test_titles_of_other_countries_are_trimmed(value, label, trimmed):
    text = f"the sum was transferred to {value} and to the second defendant"
    span = trim_leading_words(text, _span(text, value, label))
    assert text[span.start : span.end] == trimmed


@pytest.mark.parametrize(("text", "value", "label"), [
    ("why does doordash keep giving my order to some guy named kyle", "guy", "PERSON"),
    ("happy bday to my lil sis mei sept 3 gang rise up", "gang", "PERSON"),
    ("rip danny, this was his favorite song. miss you bro", "song", "LOCATION"),
    # a post whose everyday words the clinical lists hold too ("family", "night"): no note
    ("family night at the club was the best, that song tho!! see u all next week",
     "song", "LOCATION"),
])
def test_spacys_lone_dictionary_word_in_a_post_is_dropped(text, value, label):
    assert ordinary_language(text, _span(text, value, label, f"spacy:{label}"))


def test_spacys_lower_case_country_in_a_post_stays():
    text = "cant believe how cheap everything is in china compared to here"
    assert not ordinary_language(text, _span(text, "china", "LOCATION", "spacy:GPE"))


@pytest.mark.parametrize(("text", "value"), [
    ("Graduating from University of Kent today Mum and Dad love you x", "Dad"),
    ("She said Grandma wanted a small thing and then she rented the hall", "Grandma"),
    ("NANA IN TO VISIT, UPDATED", "NANA"),
])
def test_a_kin_word_alone_is_no_name(text, value):
    assert ordinary_language(text, _span(text, value, "PERSON"))


_NOTE = ("Pt alert and oriented x3, VS stable, sbp 110-130, lungs clear, abd soft, tolerating "
         "diet, voiding, ambulating w/ walker, pain 2/10 on tylenol. ")


@pytest.mark.parametrize(("text", "value", "label"), [
    (_NOTE + "Drexwel applied to sacrum.", "Drexwel", "PERSON"),
    (_NOTE + "Catheter inserted with Instillagel, urine clear.", "Instillagel", "LOCATION"),
    (_NOTE + "On Roho cushion, heels floated.", "Roho", "ORGANIZATION"),
    # in capitals a listed name too: a procedure, an instrument
    ((_NOTE + "THE PATIENT HAD A CYSTO AND TUR OF THE PROSTATE.").upper(), "TUR", "PERSON"),
    ((_NOTE + "A KLING WAS APPLIED OVER THE DRESSING.").upper(), "KLING", "LOCATION"),
])
def test_spacys_unlisted_lone_word_in_a_note_is_dropped(text, value, label):
    assert ordinary_language(text, _span(text, value, label, f"spacy:{label}"))


@pytest.mark.parametrize(("text", "value", "label", "source", "agreed"), [
    (_NOTE + "Baby in NICU at Brigham, photos brought.", "Brigham", "LOCATION", "spacy:GPE",
     False),  # a place after "at"
    (_NOTE + "SW consult for MassHealth application.", "MassHealth", "ORGANIZATION",
     "spacy:ORG", False),  # a body after "for"
    (_NOTE + "Lives with Edith at 3795 Walls Villages Apt. 094, Joshuabury, PW 29064.",
     "Joshuabury", "LOCATION", "spacy:GPE", False),  # a town before its state and ZIP
    (_NOTE + "Drexwel applied to sacrum.", "Drexwel", "PERSON", "spacy:PERSON", True),
    ("rip danny, Drexwel was his favourite thing", "Drexwel", "PERSON", "spacy:PERSON",
     False),  # no clinical note
    (_NOTE + "Tur aware of plan.", "Tur", "PERSON", "spacy:PERSON", False),  # listed, not caps
    (_NOTE + "Medford, MA 02155", "MA", "LOCATION", "spacy:GPE", False),  # a state
])
def test_spacys_lone_word_stays_after_a_preposition_when_agreed_or_outside_notes(
        text, value, label, source, agreed):
    assert not ordinary_language(text, _span(text, value, label, source), agreed=agreed)


@pytest.mark.parametrize(("text", "value", "dropped"), [
    ((_NOTE + "PT ADMITTED FROM ED W/ DKA. GAP 28, BS 612, PH 7.08.").upper(), "GAP", True),
    ((_NOTE + "PT ADMITTED FROM ED, TRANSFERRED FROM GAP.").upper(), "GAP", False),  # "from"
    (_NOTE + "Mother called from Gap, France.", "Gap", False),  # not in capitals
])
def test_a_word_in_capitals_that_names_a_town_needs_a_preposition_in_a_note(text, value,
                                                                             dropped):
    span = _span(text, value, "PERSON", "hf_ner:PERSON")
    assert ordinary_language(text, span) is dropped


@pytest.mark.parametrize(("text", "value", "kept"), [
    ("The kettle had boiled twice before Rose heard the car in the lane.", "Rose", True),
    ("She said you were there till the Friday. Rose put the cup down.", "Rose", True),
    ("Hope counted four bog lakes and a church with no roof.", "Hope", True),
    ("Skin warm, dry. Rose spots noted on abdomen.", "Rose", False),  # no narrative's verb
])
def test_a_name_that_is_a_word_before_a_narratives_verb_is_a_name(text, value, kept):
    assert ordinary_language(text, _span(text, value, "PERSON")) is not kept


@pytest.mark.parametrize(("text", "value", "label"), [
    ("social: pt is a student at northeastern, lives w/ roommates.", "northeastern",
     "ORGANIZATION"),
    ("pt works for state street. dispo: to floor tomorrow", "state street", "ORGANIZATION"),
    ("S/P HEMICOLECTOMY. RETIRED FROM POLAROID, WIFE AT BEDSIDE.", "POLAROID", "ORGANIZATION"),
])
def test_an_employer_or_a_school_after_its_cue_is_kept(text, value, label) -> None:
    span = _span(text, value, label, source="hf_ner:ORGANIZATION")
    assert has_cue(text, span.start, span.end, label)


@pytest.mark.parametrize(("text", "value"), [
    ("2. The Claimant was employed by the Respondent as a planner", "Respondent"),
    ("WORKING W/ PT/OT, AMB 50 FT W/ WALKER & ASSIST X1.", "WALKER & ASSIST"),
])
def test_a_party_or_a_word_after_a_comma_has_no_employers_cue(text, value) -> None:
    span = _span(text, value, "ORGANIZATION", source="spacy:ORG")
    assert not has_cue(text, span.start, span.end, "ORGANIZATION")


@pytest.mark.parametrize(("text", "value", "kept"), [
    ("in istanbul for the first time 😍 emre's mom fed us until we couldnt move. turkish "
     "hospitality is undefeated", "istanbul", True),
    ("omg finally going to accra for the wedding!! cant wait to see everyone again lol, its "
     "been way too long", "accra", True),
    ("finally going to reading for the wedding!! cant wait to see everyone again lol, its "
     "been way too long", "reading", False),  # a word too
])
def test_a_big_city_in_lower_case_after_a_preposition_in_a_post_is_a_place(text, value, kept):
    span = _span(text, value, "LOCATION", source="spacy:GPE")
    assert ordinary_language(text, span) is (not kept)


@pytest.mark.parametrize(("text", "value"), [
    ("omg we are going to korea next month cant wait lol", "korea"),
    ("PT IS A VETERAN (SERVED IN KOREA), ELIGIBLE FOR VA AID", "KOREA"),
    ("god bless america and everyone in it", "america"),
])
def test_a_country_by_the_name_people_use_is_a_place_in_any_case(text, value) -> None:
    span = _span(text, value, "LOCATION", source="hf_ner:LOCATION")
    assert not ordinary_language(text, span)


def _sure(text: str, value: str, label: str, score: float) -> Span:
    start = text.index(value)
    return Span(start, start + len(value), label, score, f"hf_ner:{label}")


@pytest.mark.parametrize(("text", "value", "label"), [
    ("BREASTFEEDING Q2-3H, LC FAITH IN TO ASSIST W/ LATCH.", "FAITH", "PERSON"),
    ("94 YO F FROM PALM GARDEN OF WINTER HAVEN W/ TRACH + PEG", "PALM GARDEN OF WINTER HAVEN",
     "LOCATION"),
])
def test_english_words_the_transformer_is_sure_of_stand_in_any_text(text, value, label):
    assert not ordinary_language(text, _sure(text, value, label, 0.97))
    assert ordinary_language(text, _sure(text, value, label, 0.9))  # less sure: the lexicon


def test_a_friend_in_lower_case_stands_in_a_post_however_sure():
    # no dictionary lists "ahmed" in lower case, and a post is no note
    text = "are u going to the thing in osaka?? ahmed got extra tix"
    assert not ordinary_language(text, _sure(text, "ahmed", "PERSON", 0.97))
    assert not ordinary_language(text, _sure(text, "ahmed", "PERSON", 0.9))


@pytest.mark.parametrize(("text", "value", "label"), [
    ("The charge arose from a complaint laid by one Mr Dlamini", "arose", "PERSON"),
    ("CPN home visit. Seen at flat with support worker", "flat", "LOCATION"),
    ("mark's real life", "mark", "PERSON"),  # a word the dictionary writes in lower case
    ("Reports came in from the staff, it said on Monday.", "Reports", "ORGANIZATION"),
    ("CORONER: NOT REFERRED. MCCD ISSUED.", "CORONER", "PERSON"),  # a header
    ("Primary care (Last, First): Shalom, Ronen\nGuarantor: GONZALES, LUZ", "Guarantor",
     "PERSON"),  # a field's label at a line's start
    ("G1P0 PRIMIPARA AT 39 WEEKS, SVD", "PRIMIPARA", "PERSON"),  # clinical vocabulary
])
def test_sure_english_words_that_are_no_names(text, value, label):
    assert ordinary_language(text, _sure(text, value, label, 0.99))


@pytest.mark.parametrize(("text", "value"), [
    ("can the council fix the potholes on Hollins Lane before someone dies", "Hollins Lane"),
    ("anyone know if the chippy on Broad street is open yet", "Broad street"),  # lower case
])
def test_a_street_named_in_capitalised_words_stays(text, value):
    assert not ordinary_language(text, _span(text, value, "LOCATION"))


def test_a_street_of_words_alone_is_no_place():
    text = "turn left at the high street then straight on"
    assert ordinary_language(text, _span(text, "high street", "LOCATION"))


@pytest.mark.parametrize(("text", "value", "cued"), [
    # a service that titles a note is no institution's name
    ("Hospice Community Nurse - Home Visit\nHemi seen at home with wife", "Hospice Community Nurse",
     False),
    ("Mental Health Inpatient Unit – PM shift\nPt spent the shift in the courtyard",
     "Mental Health Inpatient Unit", False),
    # a listed name or a firm's word keeps it one, and so does a place past the title
    ("Mercy Hospice visit\nPt comfortable overnight", "Mercy Hospice", True),
    ("Visiting Nurse Association visit\nwound care done", "Visiting Nurse Association", True),
    ("Riverside General Hospital - Nursing Note\nPt seen", "Riverside General Hospital", True),
    ("Hospice of the Good Shepherd visit\nPt seen", "Hospice of the Good Shepherd", True),
    ("Nursing note\nPt seen. Referral to Hospice Community Care made.", "Hospice Community Care",
     True),
])
def test_a_service_that_titles_a_note_is_no_institution(text, value, cued):
    start = text.index(value)
    assert has_cue(text, start, start + len(value), "ORGANIZATION") is cued
