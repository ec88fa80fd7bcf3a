"""Whether a detected name, place or organisation is ordinary language after all (pure).

Statistical models and name lists call clinical vocabulary a person ("Dermabond", "Foley"),
a place ("anesthesia", "septum") or an organisation ("Vicryl", "Hemostasis"). A span made only
of words that :mod:`redactor.detect.lexicon` knows as English or clinical language is dropped,
unless a cue around it says it is a name: a title or role before it ("Dr.", "wife", "Patient:"),
a credential after it (", MD"), or an institution word inside a longer name ("Mercy Hospital").
Spans found by a cue of their own (the name rules' titles, field labels, signatures, relatives)
and patterns are never second-guessed here.
"""

from __future__ import annotations

import re
from dataclasses import replace

from redactor.detect.casing import letters_case, line_around, line_before, shouting
from redactor.detect.lexicon import (
    country_names,
    is_common_word,
    is_technical_word,
    place_names,
    words_of,
)
from redactor.detect.name_lists import family_names, given_names
from redactor.detect.names import CHAT_CLOCK, person_predicate_at
from redactor.span import Span

#: Version of these rules, for the audit's rule ids.
VERSION = "evidence.v1"

#: Labels this filter applies to: the ones models guess from capitalisation and context.
NAMEISH = frozenset({"PERSON", "ORGANIZATION", "LOCATION", "NRP"})

#: Recognizers (source prefixes) whose spans need evidence: the statistical models and the
#: cue-less name rules (list matches, lone given names, user ids after "by").
UNCUED_SOURCES = ("spacy:", "hf_ner", "transformer", "names:lists", "names:given",
                  "names:user_field", "names:speaker")

_CUE_BEFORE = re.compile(
    r"(?:\b(?:dr|drs|mr|mrs|ms|miss|mx|prof|sir|dame|rev|fr|nurse|rn|np|pa|md|attending|"
    r"resident|fellow|intern|pcp|physician|doctor|surgeon|name|patient|pt|dear|hi|hello|"
    r"son|daughter|wife|husband|mother|father|mom|dad|brother|sister|friend|spouse|partner|"
    r"signed|dictated|transcribed|cc|contact|hcp|proxy|guardian)\b\.?|@"
    r"|\b(?:signed|dictated|transcribed|seen|examined|reviewed|electronically[ \t]+signed)"
    r"[ \t]+by)"
    r"[ \t]*[:,-]?[ \t]*$",
    re.IGNORECASE,
)
_CUE_AFTER = re.compile(
    r"^,?[ \t]*(?:M\.?D\.?|R\.?N\.?|D\.?O\.?|N\.?P\.?|P\.?A\.?-?C?|Ph\.?D\.?|MSW|LCSW|"
    r"DDS|DMD|CRNA|PharmD|Esq\.?)(?![\w])"
)
_INSTITUTION = re.compile(
    r"\b(?:hospital|clinic|cent(?:er|re)|medical|health|healthcare|university|college|school|"
    r"institute|rehab|rehabilitation|nursing|hospice|pharmacy|laborator(?:y|ies)|bank|"
    r"insurance|inc|llc|ltd|corp|company|church|court|council|county|ministry|department|"
    r"agency|association|foundation|society|trust|group|partners|library|libraries|museum|"
    r"sons|brothers|bros|associates|holdings|enterprises|industries|plc|gmbh|"
    r"office|bureau|commission|committee|parliament|congress|senate|army|police|authority|"
    r"tribunal|government|empire|kingdom|republic|dynasty)\b",
    re.IGNORECASE,
)


def needs_evidence(span: Span) -> bool:
    """Whether ``span`` is a model's or a cue-less list's name, place or organisation."""
    return span.label in NAMEISH and span.source.startswith(UNCUED_SOURCES)


#: After a given name at the start of a sentence, a comma and the words of someone being
#: spoken to ("Jacob, can I speak to your boss?").
_VOCATIVE = re.compile(r",[ \t]+(?:can|could|would|will|please|thanks|thank|i|we|you|how|what|"
                       r"where|when|why|are|is|do|did|have|let|see|hi|hey)\b", re.IGNORECASE)


def _listed_name_in_a_persons_place(text: str, start: int, end: int) -> bool:
    """A listed given name or surname (not a drug or clinical word) followed by what only a
    person does ("Jacob shouted", "Wood stable overnight"), or a given name spoken to at the
    start of a sentence ("Jacob, can I ..."): the models' name, though the name is a word."""
    value = text[start:end]
    if not value[:1].isupper() or value.isupper() or is_technical_word(value):
        return False
    given = value in given_names()
    if (given or value in family_names()) and person_predicate_at(text, end):
        return True
    return given and not _mid_sentence(text, start) and _VOCATIVE.match(text, end) is not None


#: A chat log's time stamp before a speaker ("[08:55] bilal: hey", "[5:40 AM] lan: ya").
_STAMP_BEFORE = re.compile(rf"(?:^|\n)[ \t>]*(?:{CHAT_CLOCK.pattern})[ \t]*$", re.IGNORECASE)


def _chat_speaker(text: str, start: int, end: int) -> bool:
    """The speaker of a time-stamped chat line: a person (or a handle), whatever the word."""
    return (_STAMP_BEFORE.search(text, max(0, start - 30), start) is not None
            and re.match(r"[ \t]*:[ \t]", text[end : end + 4]) is not None)


def has_cue(text: str, start: int, end: int, label: str) -> bool:
    """A title, role or field label before the span, a credential after it, an institution
    word inside a name of two words or more, a listed name in a person's place, or a chat
    speaker's place."""
    before = line_before(text, start, 30)
    if _CUE_BEFORE.search(before) or _CUE_AFTER.match(text[end : end + 12]):
        return True
    value = text[start:end]
    if label == "PERSON":
        return (_chat_speaker(text, start, end)
                or _listed_name_in_a_persons_place(text, start, end))
    return len(value.split()) >= 2 and bool(_INSTITUTION.search(value))


#: A determiner before a place ("the United States", "these United States").
_DETERMINER = re.compile(r"^(?:the|these|this|our)[ \t]+", re.IGNORECASE)
#: Model sources (not the name rules, whose "JOHN:" is a chat speaker).
_MODEL_SOURCES = ("spacy:", "hf_ner", "transformer")


def _header(text: str, span: Span) -> bool:
    """A model's span of capitals followed by a colon: a section header or field label
    ("FLUIDS RECEIVED:", "BP Sitting:"), not a name (its words are all common ones)."""
    value = text[span.start : span.end]
    words = words_of(value)
    return (span.source.startswith(_MODEL_SOURCES)
            and "@" not in value and any(len(w) >= 3 for w in words)
            and all(w[:1].isupper() for w in words)
            and re.match(r"[ \t]*:", text[span.end : span.end + 4]) is not None)


#: A letter three times in a row, or a syllable laughed four times ("Pleaseee", "fackkk",
#: "HAHAHAHA"): no name is written so.
_ELONGATED = re.compile(r"([^\W\d_])\1\1|(?i:(?:ha|he|hi|lo|ja|ka|ke|wk){4})")


def _exclamation(text: str, span: Span) -> bool:
    """spaCy's one-word "name" written long ("Wowwwwwww", "Damnnnn", "HAHAHAHA") with no cue:
    an exclamation. The transformer's such spans stay (it has seen nicknames: "Jonyeee")."""
    value = text[span.start : span.end]
    return (span.source.startswith("spacy:") and len(value.split()) == 1
            and _ELONGATED.search(value) is not None
            and not has_cue(text, span.start, span.end, span.label))


_DEMONYM = re.compile(r"[A-Z][a-z]+(?:an|ian|ese|ish|ic)|Greek|French|Dutch|Thai|Swiss|Welsh|"
                      r"Irish|Czech|Ottoman")
_REGION_NOUN = re.compile(
    r"[ \t]+(?:province|region|state|county|city|district|prefecture|peninsula|island|"
    r"islands|valley|coast|desert|sea|mountains?|basin|area)\b", re.IGNORECASE)


def _demonym(text: str, span: Span) -> bool:
    """A model's one-word "place" that is a nationality used as an adjective ("Australian
    school children", "the Greek mainland", "Athens (Greek: ...)"): not a place, and no
    identifier. A listed place ("Michigan", "Japan") or a region ("Sichuan province") stays."""
    value = text[span.start : span.end]
    if span.label != "LOCATION" or not _DEMONYM.fullmatch(value):
        return False
    if value.casefold() in place_names() or _REGION_NOUN.match(text, span.end):
        return False
    return re.match(r"[ \t]*(?::|[a-z])", text[span.end : span.end + 3]) is not None


def _acronym_of_an_organisation(text: str, span: Span, words: list[str]) -> bool:
    """An organisation's acronym in capitals in mixed-case prose ("FBI seeks", "filing with the
    SEC") that is no clinical shorthand ("PERRLA", "HTN" are technical words)."""
    return (span.label == "ORGANIZATION" and len(words) == 1 and 2 <= len(words[0]) <= 6
            and text[span.start : span.end] == words[0] and words[0].isupper()
            and not shouting(text, span.start, span.end)
            and not is_technical_word(words[0]))


def _lower_case_echo(text: str, span: Span) -> bool:
    """An echo of a name in lower case that is an English or clinical word, on a line of
    mixed case ("denies" after a model took "Denies" for a name); in a note written all in
    lower case ("son tom called") the echo stays."""
    value = text[span.start : span.end]
    words = words_of(value)
    if not words or not value.islower() or not all(is_common_word(w) for w in words):
        return False
    return letters_case(line_around(text, span.start, span.end)) != "lower"


def _technical_name(words: list[str]) -> bool:
    """Every word technical vocabulary, or a drug or device with a short suffix ("Bactrim DS",
    "Vicodin ES", "Tri-Cyclen Lo")."""
    return all(is_technical_word(w) or (len(w) in (2, 3) and w.isupper()
                                         and any(is_technical_word(v) for v in words))
               for w in words)


def _mid_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` follows other words of its sentence on its line."""
    # the sentence's last characters before the word are enough
    before = line_before(text, start, 200).rstrip(" \t\"'“‘(")
    return bool(before) and before[-1] not in ".!?:;•*-–—#>|"


def ordinary_language(text: str, span: Span) -> bool:
    """True when ``span`` should be dropped: it needs evidence, every word of it is English or
    clinical vocabulary, and nothing says it is a name.

    What says it is a name: a cue around it (:func:`has_cue`); being a listed country, US state
    or city, whatever label the model gave it; and a capital letter in the middle of a sentence
    of mixed-case text, unless the words are technical vocabulary (drugs, devices, shorthand)
    that is capitalised anyway.
    """
    if span.source == "names:echo":
        return _lower_case_echo(text, span)
    if not needs_evidence(span):
        return False
    value = text[span.start : span.end]
    if _exclamation(text, span) or _demonym(text, span):
        return True
    words = words_of(value)
    if not words or not all(is_common_word(w) for w in words):
        return False
    if has_cue(text, span.start, span.end, span.label):
        return False
    place = next((p for p in (value.casefold(), _DETERMINER.sub("", value).casefold())
                  if p in place_names()), "")
    if place and (not value.islower() or place in country_names()):
        return False  # a place whatever the model says; a country in any case ("india")
    if _header(text, span):
        return True
    if _acronym_of_an_organisation(text, span, words):
        return False
    capitalised = all(w[:1].isupper() for w in words)
    if capitalised and _mid_sentence(text, span.start) and not shouting(text, span.start, span.end):
        return _technical_name(words)
    return True


#: Words a model often takes into a name before it: titles, imperatives, roles, "I'm" ("DR.
#: KOWALSKI", "Call Raj Patel", "Customer Jane Doe", "I'm Maria Gonzalez").
_LEADING_WORDS = re.compile(
    r"(?:(?:dr|drs|mr|mrs|ms|miss|mx|prof|sir|dame|call|ask|tell|email|e-mail|text|ping|"
    r"message|contact|page|paged|thank|thanks|"
    r"customer|client|patient|pt|caller|user|member|agent|applicant|claimant|defendant|"
    r"plaintiff|witness|employee|i['’]?m|i[ \t]+am|this[ \t]+is|meet|welcome|attn|cc|re)\b"
    r"[ \t,:.-]*)+",
    re.IGNORECASE,
)


def trim_leading_words(text: str, span: Span, *, exact: bool = False) -> Span:
    """A PERSON span without the title, imperative, role word or "I'm" a model took in before
    the name; the span itself when there is none (or nothing would be left), or when the span
    is ``exact`` (its recognizer's spans are: :meth:`redactor.detect.engine.Engine.is_exact`)."""
    if span.label != "PERSON" or exact:
        return span
    match = _LEADING_WORDS.match(text, span.start, span.end)
    if match is None or match.end() >= span.end or not text[match.end()].isalnum():
        return span
    return replace(span, start=match.end())


#: The last word of a model's "name" that makes it an instrument, device or disease named
#: after a person ("Foley Catheter", "Potts Elevator", "Moya Moya disease").
_EPONYM_LAST = re.compile(
    r"(?i)(?:catheters?|fascia|elevator|dissector|needle|blade|forceps|retractors?|clamps?|"
    r"resectoscope|dressing|syndrome|disease|palsy|sign|maneuver|reflex|stain|sutures?)"
)
#: A structure named after a person, before "of" and the name ("line of Toldt", "space of
#: Retzius", "pouch of Douglas").
_EPONYM_BEFORE = re.compile(
    r"\b(?:line|space|pouch|fascia|canal|ligament|triangle|angle|duct|loop|circle|ampulla|"
    r"sphincter|tubercle|foramen|island|islets|crypts?|node|organ|ducts)[ \t]+of[ \t]+$",
    re.IGNORECASE,
)


def eponym(text: str, span: Span) -> bool:
    """A model's or a name list's name used as the name of a thing: followed by "disease",
    "sign", "catheter", "fascia" ... ("Wilson disease", "Murphy's sign", "Potts elevator"), or
    ending in such a word ("Foley Catheter"), or after "line of" / "space of" ("line of
    Toldt")."""
    from redactor.detect.spacy_ner import EPONYM_AFTER

    if not needs_evidence(span) and span.source != "names:echo":
        return False
    value = text[span.start : span.end]
    words = value.split()
    if EPONYM_AFTER.match(text[span.end : span.end + 40]):
        return True
    if len(words) >= 2 and _EPONYM_LAST.fullmatch(words[-1]):
        return True
    return _EPONYM_BEFORE.search(text[max(0, span.start - 30) : span.start]) is not None
