"""Platforms, chains and clubs known by one name (well_known.py)."""

from __future__ import annotations

import re

import pytest

from redactor.detect.patterns import PatternRecognizer
from redactor.detect.well_known import WELL_KNOWN_REGEX, club_in_context, well_known_organisation


def _all(text: str) -> list[str]:
    return [m.group() for m in re.finditer(WELL_KNOWN_REGEX, text, re.VERBOSE)
            if well_known_organisation(m)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("posted it on snapchat and Instagram", ["snapchat", "Instagram"]),
        ("#facebook #twitter", ["facebook", "twitter"]),
        ("alisha from the verizon store", ["verizon"]),
        ("FILLS AT WALGREENS ON CENTRE ST", ["WALGREENS"]),
        ("lmao the knicks really found a new way to lose", ["knicks"]),
        ("Watching Man Utd v Liverpool #MUFC", ["Man Utd", "MUFC"]),
        ("my cousin got me into blackpink and coldplay", ["blackpink", "coldplay"]),
        ("SW ASSISTING W/ MASSHEALTH APPLICATION. NEOB NOTIFIED", ["MASSHEALTH", "NEOB"]),
        # two names across a slash, or one beside a word
        ("supplemental is AARP/UnitedHealthcare Plan G", ["AARP", "UnitedHealthcare"]),
        ("application for free care/MassHealth", ["MassHealth"]),
        ("says he's from Thames Water; a Capital One card", ["Thames Water", "Capital One"]),
        ("MEDICAID CAB VIA MTM SET UP; USED LANGUAGELINE PHONE INTERPRETER", ["MTM",
                                                                         "LANGUAGELINE"]),
        ("Shoprite in Ikeja no get light today o", ["Shoprite"]),
        ("RCB fans please take note", ["RCB"]),
    ],
)
def test_platforms_chains_and_clubs_that_are_no_word_in_any_case(text: str,
                                                                 names: list[str]) -> None:
    assert _all(text) == names


@pytest.mark.parametrize(
    "text",
    ["@twitter said so", "see twitter.com/help", "Facebooking all day", "my_instagram_acct",
     "venmo me by thurs", "an apple a day", "under the 1975 Act", "medical history",
     "x.com/Tesco/deals", "see r/spotify", "/srv/netflix/logs", "~/spotify/cache"],
)
def test_handles_links_longer_words_and_verbs_are_no_organisation(text: str) -> None:
    assert _all(text) == []


@pytest.mark.parametrize(
    ("text", "club"),
    [
        ("the heat won again tonight, what a game", True),
        ("Spurs robbed AGAIN, never a penalty", True),
        ("giants and Dodgers tonight", True),  # another club is context enough
        ("Habs beat Lightning 4 - 3 to move on to next round of #StanleyCup playoffs", True),
        ("HEART BEAT REGULAR. METS TO LIVER. TEAM AWARE.", False),  # a note's words
        ("heat applied to the knee", False),  # no sport
        ("professor of jazz saxophone at the college", False),
        ("BONE SPURS. GAME PLAN: PT/OT, PAIN 4/10, METS TO LIVER", False),  # clinical text
        # a score after the name, or a word only sport uses
        ("get innnnn what a finish!!! Arsenal 2-0 up #afc", True),
        ("first time at wrigley and the cubs lost 11-2 lmaooo", True),
        ("Patriots down 28-3 and i turned it off", True),
        ("Footy's back!!! Pies v Blues tonight", True),
        ("ARSENAL YOU ABSOLUTE BEAUTIES!!!!! 3 POINTS!!! #COYG", True),
        ("thunder 1-2 miles away and heat all day", False),  # a measure's range, no score
        ("Bears 2-3 times a week in the yard", False),
    ],
)
def test_a_club_that_is_a_word_needs_lay_text_about_sport(text: str, club: bool) -> None:
    match = next(m for m in re.finditer(WELL_KNOWN_REGEX, text, re.VERBOSE)
                 if m.group().casefold() not in ("dodgers", "habs"))
    assert club_in_context(match) is club
    assert well_known_organisation(match) is club


def test_the_prefilter_test_passes_every_listed_name_in_any_case_at_a_word_start():
    import re

    from redactor.detect.prefilter import folded
    from redactor.detect.well_known import (
        CLUB_WORDS,
        CLUBS,
        PLATFORMS_AND_CHAINS,
        WELL_KNOWN_NEEDS,
    )

    needs = re.compile(WELL_KNOWN_NEEDS)
    for name in PLATFORMS_AND_CHAINS + CLUBS + CLUB_WORDS:
        for text in (f"on {name} now", f"#{name.upper()}", f"({name.lower()})"):
            assert needs.search(folded(text)), text
    assert not needs.search(folded("@twitter"))  # a handle: no word's start


@pytest.mark.parametrize(("text", "org"), [
    ("just got rejected by google for the 3rd time lmaooo", "google"),
    ("why does comcast keep throttling my internet", "comcast"),
    ("just google it lol", None),                  # a verb
    ("ill uber home, too tired", None),
    ("watching the Lakers there tonight", "Lakers"),  # a club is no verb
])
def test_a_platforms_name_is_one_unless_it_is_used_as_a_verb(text, org):
    found = [text[s.start : s.end] for s in PatternRecognizer().find(text)]
    assert found == ([org] if org else [])


def _bodies(text: str) -> list[str]:
    return [text[s.start : s.end] for s in PatternRecognizer().find(text)
            if s.source == "pattern:org_public_body"]


@pytest.mark.parametrize(("text", "bodies"), [
    ("RT @HealthDeskIN: WHO warns of sharp rise in dengue cases", ["WHO"]),
    ("PM promises in/out referendum on EU membership", ["EU"]),
    ("bitcoins, according to a recent filing with the SEC", ["SEC"]),
    ("Jeremy Clarkson has been suspended by the BBC after a fracas", ["BBC"]),
])
def test_a_public_body_by_its_initials_in_lay_text(text: str, bodies: list[str]) -> None:
    assert _bodies(text) == bodies


@pytest.mark.parametrize("text", [
    "WHO IS THIS GUY",                                        # a shouted line
    "Astrocytoma, WHO grade II, resected.",                   # a grade
    "Held for 30 SEC.",                                       # seconds
    "Mrs Margaret Ainsworth   NHS No: 485 777 3456",          # a number's label
    "Prescriber DEA AH0602284  NPI 2867706246",
    "She presented on 4/12/02 with fever to 102.4 and ANC of 200. Neupogen 300 mcg subq q.d."
    " until ANC > 1000, Ativan 0.5 mg p.o. q6h p.r.n., CBC twice weekly, cultures negative.",
    "the who, the what and the why",                          # in lower case: a word
])
def test_no_public_body_in_a_note_a_shout_a_grade_or_a_label(text: str) -> None:
    assert _bodies(text) == []


@pytest.mark.parametrize("text", [
    "the heat won again tonight, what a game",
    "HEAT APPLIED TO KNEE. HEART BEAT REGULAR. METS TO LIVER. TEAM AWARE. " * 3,
    "Spurs robbed AGAIN, never a penalty",
])
def test_the_register_without_a_name_is_that_of_the_rest(text: str) -> None:
    from redactor.detect.lexicon import (
        clinical_register,
        clinical_register_without,
        lay_register,
        lay_register_without,
    )

    for match in re.finditer(WELL_KNOWN_REGEX, text, re.VERBOSE):
        rest = text[: match.start()] + text[match.end() :]
        assert lay_register_without(text, *match.span()) is lay_register(rest)
        assert clinical_register_without(text, *match.span()) is clinical_register(rest)


def test_a_post_with_a_club_named_thousands_of_times_is_read_once(monkeypatch) -> None:
    # each name used to have the rest of the text read again: 2,000 names, 2,000 x 2,000 words
    from redactor.detect import lexicon

    calls = []
    real = lexicon.is_technical_word
    monkeypatch.setattr(lexicon, "is_technical_word", lambda w: calls.append(w) or real(w))
    lexicon._register.cache_clear()
    text = "Arsenal fans " * 3000
    spans = PatternRecognizer().find(text)
    assert len([s for s in spans if s.source == "pattern:org_well_known"]) == 3000
    assert len(calls) < 20_000
