"""Bands that a post names by what it says of them, in any case and by names nobody listed:
"just saw the night cafe live in liverpool", "got tickets to see the 1975 at msg", "saw them
open for arctic lanterns", "my top artist was sundrop", "#nowplaying The Harbour Lights - Paper
Boats". A band is an organisation; the cue, not a list, says so.

Each cue pairs what stands before the name with what follows it (:func:`band_cued`): "saw X"
only with "live" after it ("saw the doctor last night" names no band), a ticket, an opening act
or a top artist before the end of the clause ("saw them open for X": a band seen opening, not
"open for visitors"), and a track's artist before its " - ". Never in a note
(:func:`~redactor.detect.lexicon.note_register`).
"""

from __future__ import annotations

import re

from redactor.detect.lexicon import note_register

#: A word of a band's name: letters, digits and the marks names use ("the 1975", "AC/DC" aside).
_WORD = r"[\w'’.&]+"

#: Cue, name (one to three words, after an optional "the") and what follows; which pairs count
#: is :func:`band_cued`'s.
BAND_REGEX = rf"""
    (?<![\w#])
    (?P<cue>(?i:saw|seen|seeing|see|catch|caught|watch(?:ed|ing)?|tickets?[ ]to[ ]see
             |(?:saw|seen|watched)[ ]\w+[ ]open(?:ing)?[ ]for|top[ ]artist[ ](?:was|is))
           |(?i:\#nowplaying|now[ ]playing:?))
    [ ]+
    (?P<value>(?:(?i:the)[ ])?{_WORD}(?:[ ]{_WORD}){{0,2}}?)
    (?P<after>[ ](?i:live)\b
             |[ ][-–][ ]
             |(?=[ ](?i:at|on|in|back|last|tonight|tmrw|tomorrow|next|this|and|but|with)\b
                |[ ]*[.!?,]|[ ]*$))
"""

#: What a text folded as the prefilter folds it holds wherever :data:`BAND_REGEX` can name a
#: band: "live" after a sighting, a ticket, an opening act, a top artist or a track playing.
BAND_NEEDS = r"\blive\b|ticket|top[ ]artist|open(?:ing)?[ ]for|playing"

#: Words a band's name does not start with: pronouns and determiners ("saw them live", "saw my
#: brother live", "see u live").
_NOT_A_NAME = re.compile(
    r"(?i:my|his|her|their|our|your|ur|u|you|them|him|it|this|that|these|those|a|an|some|all"
    r"|every|me|us|we|they|i|what|how|why|when|who)\b"
)


def band_cued(match: re.Match[str]) -> bool:
    """Whether a match of :data:`BAND_REGEX` names a band: its cue and what follows pair up
    (a sighting with "live", a track's artist with " - ", any other cue with the clause's end),
    its name starts with no pronoun or determiner, and the text does not read as a note."""
    cue = match.group("cue").casefold()
    after = match.group("after").strip().casefold()
    if cue.startswith(("saw", "see", "catch", "caught", "watch")) and " for" not in cue:
        paired = after == "live"
    elif cue.endswith(("nowplaying", "playing", "playing:")):
        paired = after in ("-", "–")
    else:
        paired = after != "live" and after not in ("-", "–")
    if not paired or _NOT_A_NAME.match(match.group("value")):
        return False
    return not note_register(match.string)
