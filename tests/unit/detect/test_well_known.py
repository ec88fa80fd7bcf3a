"""Platforms, chains and clubs known by one name (well_known.py)."""

from __future__ import annotations

import re

import pytest

from redactor.detect.well_known import (
    CLUB_REGEX,
    CLUB_WORD_REGEX,
    PLATFORM_REGEX,
    club_in_context,
)


def _all(regex: str, text: str) -> list[str]:
    return [m.group() for m in re.finditer(regex, text, re.VERBOSE)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("posted it on snapchat and Instagram", ["snapchat", "Instagram"]),
        ("#facebook #twitter", ["facebook", "twitter"]),
        ("alisha from the verizon store", ["verizon"]),
        ("FILLS AT WALGREENS ON CENTRE ST", ["WALGREENS"]),
    ],
)
def test_platforms_and_chains_in_any_case(text: str, names: list[str]) -> None:
    assert _all(PLATFORM_REGEX, text) == names


@pytest.mark.parametrize(
    "text",
    ["@twitter said so", "see twitter.com/help", "Facebooking all day", "my_instagram_acct",
     "venmo me by thurs", "an apple a day"],
)
def test_handles_links_longer_words_and_verbs_are_no_platform(text: str) -> None:
    assert _all(PLATFORM_REGEX, text) == []


def test_clubs_that_are_no_word_stand_alone() -> None:
    assert _all(CLUB_REGEX, "lmao the knicks really found a new way to lose") == ["knicks"]
    assert _all(CLUB_REGEX, "Watching Man Utd v Liverpool #MUFC") == ["Man Utd", "MUFC"]


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
    ],
)
def test_a_club_that_is_a_word_needs_lay_text_about_sport(text: str, club: bool) -> None:
    match = re.search(CLUB_WORD_REGEX, text, re.VERBOSE)
    assert match is not None
    assert club_in_context(match) is club
