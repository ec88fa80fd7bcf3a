"""Bands named by what a post says of them (post_cues.py)."""

from __future__ import annotations

import pytest

from redactor.detect.patterns import PatternRecognizer


def _bands(text: str) -> list[str]:
    return [text[s.start : s.end] for s in PatternRecognizer().find(text)
            if s.source == "pattern:org_band_cued"]


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("just saw the night cafe live in liverpool and honestly best gig", "the night cafe"),
        ("just got tickets to see the 1975 at madison square garden", "the 1975"),
        ("saw them open for the 1975 back in 2019", "the 1975"),
        ("spotify wrapped said my top artist was sundrop and i felt seen", "sundrop"),
        ("Now playing: The Harbour Lights - Paper Boats #nowplaying", "The Harbour Lights"),
        ("#nowplaying moth cathedral - glass teeth", "moth cathedral"),
    ],
)
def test_a_band_is_named_by_its_cue(text: str, band: str) -> None:
    assert _bands(text) == [band]


@pytest.mark.parametrize(
    "text",
    [
        "saw the doctor last night",                  # a sighting needs "live"
        "saw my brother live on tv lol",              # a person, by a possessive
        "saw them live last year",                    # a pronoun
        "Ward is open for visitors at 2pm.",          # no band seen opening
        "tickets to see",                             # no name
        "PT S/P LAP CHOLE CONVERTED TO OPEN FOR GANGRENOUS GB, ADMITTED FOR BP MGMT",
        # a note (20 words or more, over a third of them clinical)
        "NEURO: A&O X3. PT TOLD WIFE HE SAW THE NIGHT CAFE LIVE IN 1999. CV: NSR 80S, BP STABLE."
        " RESP: LS CLEAR, O2 2L NC. GI: TOL DIET. PLAN: CONT ABX, OOB TO CHAIR.",
    ],
)
def test_no_band_without_a_paired_cue_or_in_a_note(text: str) -> None:
    assert _bands(text) == []
