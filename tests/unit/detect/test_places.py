"""City names from the GeoNames gazetteer, taken by the shape of the match."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from redactor.detect import places
from redactor.detect.places import PlaceRecognizer, accept_place, city_populations
from redactor.span import Span

REC = PlaceRecognizer()


def found(text: str) -> list[str]:
    (spans,) = REC.detect([text])
    assert all(s.label == "LOCATION" and s.source == "places:geonames" for s in spans)
    return [text[s.start : s.end] for s in spans]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("i'm moving to miami next week lol", "miami"),
        ("putting up with my 4am snack runs. lisbon next?? 👀", "lisbon"),
        ("leeds was freezing today", "leeds"),
        # a city GeoNames names "X City", by X alone
        ("SISTER JOVELYN CALLED FROM CEBU.", "CEBU"),
        ("my lola in cebu watches this channel every night haha", "cebu"),
        ("MONTCLAIR N.J. TECH TOUR LAUNCHES", "MONTCLAIR"),
        ("Lives w/ daughter in Dearborn Heights.", "Dearborn Heights"),
        ("He drove down to Long Beach on Sunday.", "Long Beach"),
        ("flight back to New York tonight", "New York"),
        ("alejo vive en mar del plata", "mar del plata"),
        ("ISI AND FBI TO REPEAT PESHAWAR , INDIA MAY", "PESHAWAR"),
        ("Referred from Ouagadougou.", "Ouagadougou"),
        ("EU rejects call . Peter Blackburn BRUSSELS 1996-08-22", "BRUSSELS"),
        ("Moved from Foley, Alabama last spring.", "Foley"),  # no article: the town
        ("transferred to the Toronto clinic", "Toronto"),  # after an article, no English word
        ("PT LIVES IN REVERE W/ WIFE, RETIRED MAILMAN.", "REVERE"),  # a word, where one lives
        ("She moved to Mobile in 2010.", "Mobile"),
        # words of the clause between the verb and the place; a place written with its accents
        ("PT LIVES WITH PARTNER RAY IN REVERE, CALLED AND UPDATED.", "REVERE"),
        ("A taxi or Grab to Hội An takes 45 minutes.", "Hội An"),
    ],
)
def test_listed_places_are_found(text: str, place: str) -> None:
    assert place in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Foley catheter removed; f/u of Kawasaki disease.",  # eponyms
        "Nice to meet you. Reading is fun. Mobile phone.",  # places that are English words
        "a long beach walk at sunset",  # dictionary words in lower case
        "Seen in March, May and June.",  # months
        "scranton",  # a smaller place in lower case
        "THE FOLEY WAS THEN INFLATED.",  # after an article, a word of clinical English
        "blue urine in the Foley.",
        "pt lives in revere w/ wife",  # a word in lower case, even where one lives
        "Reading is fun; he moved to tears.",  # no verb of living before the word
    ],
)
def test_words_that_are_also_places_are_not(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("words", "population", "expected"),
    [
        (["Scranton"], 20_000, True),
        (["scranton"], 20_000, False),
        (["miami"], 480_000, True),
        (["Bath"], 90_000, False),  # a common word: left to the models
        (["Paris"], 2_000_000, True),  # a proper noun only
        (["BRUSSELS"], 1_000_000, True),
        # in lower case, names the dictionary writes only capitalised ("paris", "lisbon"), not
        # words it writes in lower case too ("nice") or listed ones ("tours", "nada")
        (["paris"], 2_000_000, True),
        (["lisbon"], 500_000, True),
        (["nice"], 340_000, False),
        (["tours"], 140_000, False),
        (["nada"], 100_000, False),
        (["Toyota"], 400_000, False),
        (["Ede"], 100_000, False),  # too short alone
        (["San", "Jose"], 1_000_000, True),
        (["san", "jose"], 1_000_000, True),
        (["long", "beach"], 460_000, False),
        (["Long", "beach"], 460_000, False),  # mixed case
        (["LONG", "BEACH"], 460_000, True),
    ],
)
def test_accept_place(words: list[str], population: int, expected: bool) -> None:
    assert accept_place(words, population) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # in a line in lower case, a place of words after "from", "in", "to" or "near"
        ("family from fall river. pt stable", ["fall river"]),
        ("pt lives in south boston w/ wife", ["south boston"]),
        ("fell from high point of the bed", []),                    # "of" after it: a phrase
        ("Family From fall river came", []),                        # the line is not in lower case
        ("the long beach was empty", []),                           # no preposition before it
    ],
)
def test_a_place_of_words_after_from_or_in_in_a_lower_case_line(text: str,
                                                                 expected: list[str]) -> None:
    assert found(text) == expected
    assert accept_place(["fall", "river"], 90_000, from_in=True)
    assert not accept_place(["fall", "river"], 90_000)


def test_the_gazetteer_is_large_and_keyed_by_casefolded_name() -> None:
    cities = city_populations()
    assert len(cities) > 20_000
    assert cities["new york"] == cities["new york city"] > 8_000_000
    assert all(k == k.casefold() for k in list(cities)[:1000])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Paris Lagos Atlanta", ["Paris", "Lagos", "Atlanta"]),  # one window after another
        ("from Dearborn Heights to Long Beach", ["Dearborn Heights", "Long Beach"]),
        ("alejo vive en mar del plata", ["mar del plata"]),  # the longest run, at the end
    ],
)
def test_consecutive_places_and_a_place_at_the_end(text: str, expected: list[str]) -> None:
    assert found(text) == expected


def test_words_are_read_a_few_ahead_not_all_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # A list of every word's match held 20-45 bytes per character of text until the end
    # (issue 13); the recognizer needs only the next MAX_WORDS words.
    drawn = 0
    word = places._WORD

    class CountingWord:
        def finditer(self, text: str) -> Iterator[re.Match[str]]:
            nonlocal drawn
            for match in word.finditer(text):
                drawn += 1
                yield match

    lookups: list[int] = []  # words drawn from the text at each word's first test
    may_start = places._may_start_a_place

    def counting_start(found: str) -> bool:
        lookups.append(drawn)
        return may_start(found)

    monkeypatch.setattr(places, "_WORD", CountingWord())
    monkeypatch.setattr(places, "_may_start_a_place", counting_start)
    text = "Dr. Smith " * 500 + "Paris"
    spans = REC._find(text, city_populations())
    assert [text[s.start : s.end] for s in spans] == ["Paris"]
    assert drawn == 1001  # every word was read, in the end
    assert lookups[0] <= places.MAX_WORDS  # but not before the first test
    # at the i-th word's test, at most MAX_WORDS words beyond it are read
    assert all(drawn_then <= i + places.MAX_WORDS for i, drawn_then in enumerate(lookups))


@pytest.mark.parametrize(("name", "initials"), [
    ("Riverside Community Hospital", "RCH"),
    ("St. Joseph Medical Center", "SJMC"),
    ("University of the Arts London", "UAL"),  # "of" and "the" left out
    ("Emergency Department", None),  # two words
    ("THE GENERAL HOSPITAL", None),  # capitals: no way to tell a name from a heading
    ("Acme Widget Makers", None),  # no institution's word
])
def test_a_facilitys_initials(name: str, initials: str | None) -> None:
    from redactor.detect.places import facility_initials

    assert facility_initials(name) == initials


def test_a_facility_found_once_is_found_again_by_its_initials() -> None:
    from redactor.span import Span

    text = ("Transferred from Riverside Community Hospital. Course at RCH: aspirin. Call the "
            "RCH hospitalist. PRCH and RCHx are other words.")
    start = text.index("Riverside")
    found = Span(start, start + len("Riverside Community Hospital"), "LOCATION", 0.9, "hf_ner")
    spans = PlaceRecognizer().propagate(text, [found])
    assert [text[s.start : s.end] for s in spans] == ["RCH", "RCH"]
    assert {s.label for s in spans} == {"LOCATION"}
    assert PlaceRecognizer().propagate(text, []) == []


def test_a_word_of_clinical_vocabulary_is_no_town_unless_someone_lives_there() -> None:
    rec = PlaceRecognizer()
    note = "CV: LEVO 0.15 -> 0.1, VASO 0.04 UNCHANGED. HR 90S NSR."
    assert rec.detect([note]) == [[]]
    moved = "He moved to Fargo last spring."
    assert [moved[s.start : s.end] for s in rec.detect([moved])[0]] == ["Fargo"]
    scale = "FLUID RESUSCITATION PER PARKLAND, LR AT 450CC/HR."  # a formula's name
    assert rec.detect([scale]) == [[]]
    town = "DAUGHTER IS A TEACHER IN SENS, VISITS MONTHLY."  # after "in": the town
    assert [town[s.start : s.end] for s in rec.detect([town])[0]] == ["SENS"]


def test_a_facility_a_pattern_found_is_found_again_by_its_name():
    from redactor.detect.engine import Engine
    from redactor.policy import load_policy

    text = ("CM Note: Pt screened today for acute rehab. SPAULDING rep Joy reviewed chart.\n"
            "pt screened by spaulding & kindred, kindred rep to eval 11/20.")
    engine = Engine.from_policy(load_policy("hipaa-fast")).load()
    found = [(text[s.start : s.end], s.source) for s in engine.analyze([text])[0]]
    assert ("SPAULDING", "places:again") in found and ("kindred", "places:again") in found


@pytest.mark.parametrize(("text", "facility", "other"), [
    ("WILL NEED REHAB - FAMILY PREFERS HEBREW REHAB OR YOUVILLE.", "HEBREW REHAB", "YOUVILLE"),
    ("Plan: d/c to Ridgeview Rehab or Kindred when a bed opens", "Ridgeview Rehab", "Kindred"),
    ("Plan: d/c to Ridgeview Rehab or Home with services", "Ridgeview Rehab", None),  # a word
    ("D/C TO RIDGEVIEW REHAB OR Kindred", "RIDGEVIEW REHAB", None),  # cased otherwise
])
def test_a_second_facility_after_or_is_found_with_the_first(text, facility, other):
    start = text.index(facility)
    span = Span(start, start + len(facility), "LOCATION", 0.7, "pattern:facility_name")
    found = places._other_facility_after(text, span)
    assert (found and text[found.start : found.end]) == other


def test_a_word_that_starts_no_listed_place_is_passed_at_once():
    assert places._may_start_a_place("Paris") and places._may_start_a_place("st.")
    assert places._may_start_a_place("Hội")  # "Hội An", listed "Hoi An"
    assert not places._may_start_a_place("Smith.") and not places._may_start_a_place("zzqx")


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("TX'D FROM MILFORD REGIONAL VIA MEDFLIGHT", "MILFORD REGIONAL", "LOCATION"),
        ("went to Lowell General for a CT", "Lowell General", "LOCATION"),
        ("Cambridge Police were called", "Cambridge Police", "ORGANIZATION"),
    ],
)
def test_a_towns_hospital_or_service_is_taken_with_the_town(text: str, name: str,
                                                            label: str) -> None:
    (spans,) = REC.detect([text])
    assert (name, label) in [(text[s.start : s.end], s.label) for s in spans
                             if s.source == "places:institution"]


@pytest.mark.parametrize(
    "text",
    ["PT FROM BOSTON. GENERAL: ALERT", "Lowell\nGeneral appearance: well", "BOSTON general"],
)
def test_a_towns_institution_needs_its_word_right_after_in_its_case(text: str) -> None:
    (spans,) = REC.detect([text])
    assert not [s for s in spans if s.source == "places:institution"]


@pytest.mark.parametrize("text", ["INCISION C/D/I. FOLEY REMOVED 0800, VOIDED X2.",
                                  "Foley draining clear yellow urine", "FOLEY TO GRAVITY"])
def test_a_device_that_a_note_says_something_of_is_no_town(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(("text", "found", "other"), [
    ("2 hrs from cubao to ortigas 😭", "cubao", "ortigas"),
    ("took the bus from Surulere to Ikeja today", "Ikeja", "Surulere"),
])
def test_the_other_end_of_a_route_from_a_place_found(text, found, other):
    start = text.index(found)
    span = Span(start, start + len(found), "LOCATION", 0.9, "hf_ner:LOCATION")
    assert [text[s.start : s.end] for s in places.route_ends(text, [span])] == [other]


@pytest.mark.parametrize(("text", "found"), [
    ("drove from Boston to home", "Boston"),
    ("from London to the coast", "London"),
    ("transferred from Oakmont to ICU", "Oakmont"),
    ("a ride from cubao to 7 eleven", "cubao"),
])
def test_no_route_end_that_is_a_word(text, found):
    start = text.index(found)
    span = Span(start, start + len(found), "LOCATION", 0.9, "hf_ner:LOCATION")
    assert places.route_ends(text, [span]) == []
