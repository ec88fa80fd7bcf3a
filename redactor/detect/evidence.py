"""Whether a detected name, place or organisation is ordinary language after all (pure).

Statistical models and name lists call clinical vocabulary a person ("Dermabond", "Foley"),
a place ("anesthesia", "septum") or an organisation ("Vicryl", "Hemostasis"). A span made only
of words that :mod:`redactor.detect.lexicon` knows as English or clinical language is dropped,
unless a cue around it says it is a name: a title or role before it ("Dr.", "wife", "Patient:"),
a credential after it (", MD"), or an institution word inside a longer name ("Mercy Hospital").
Spans found by a cue of their own (the name rules' titles, field labels, signatures, relatives)
are never second-guessed here.

Words a lexicon lacks are judged by their shape and context in clinical text: lab, gene and
imaging codes ("PET/CT", "KCNQ1", "NapsinA"), acronyms the text defines after a term
("hemoglobin (Hb)"), markers after "positive for", a name before a clinical noun ("Beighton
hypermobility scale", "Streptococcus pneumoniae", "SynchroMed pump catheter"), and a maker
cited in brackets ("(ROTEM®, Pentapharm Co., Munich, Germany)"). A maker's citation and a
body's scale ("Eastern Cooperative Oncology Group performance status") are the only cases
where a pattern's organisation or place is dropped too.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from redactor.detect.casing import (
    at_line_start,
    letters_case,
    line_around,
    line_before,
    shouting,
)
from redactor.detect.lexicon import (
    FAITH,
    FAMILY_ADDRESS,
    FUNCTION_WORDS,
    GRAMMAR_WORDS,
    HOME_BEFORE,
    INSTITUTION,
    NOT_ENTITIES,
    PLACE_PREPOSITION,
    RELATIVES,
    ROLE_WORDS,
    SERVICE_WORDS,
    TITLES_ABROAD,
    clinical_register,
    country_names,
    is_common_word,
    is_technical_word,
    lay_register,
    note_register,
    place_names,
    words_of,
)
from redactor.detect.name_lists import (
    CHAT_WORDS,
    cued_name_words,
    family_names,
    fold,
    given_names,
    is_dictionary_word,
    is_listed_name,
    lower_case_words,
)
from redactor.detect.names import (
    CHAT_CLOCK,
    CHAT_EXPORT_STAMP,
    after_particle,
    ends_no_name,
    person_predicate_at,
    sentence_word_in_capitals,
    unknown_word,
)
from redactor.detect.tables import HEADERS as FIELD_HEADERS
from redactor.detect.validity import piece_of_a_date
from redactor.span import Span

#: Version of these rules, for the audit's rule ids.
VERSION = "evidence.v1"

#: Labels this filter applies to: the ones models guess from capitalisation and context.
NAMEISH = frozenset({"PERSON", "ORGANIZATION", "LOCATION", "NRP"})

#: Recognizers (source prefixes) whose spans need evidence: the statistical models and the
#: cue-less name rules (list matches, lone given names, user ids after "by").
UNCUED_SOURCES = ("spacy:", "hf_ner", "transformer", "names:lists", "names:given",
                  "names:user_field", "names:speaker", "names:capitalised")

_CUE_BEFORE = re.compile(
    r"(?:\b(?:dr|drs|mr|mrs|ms|miss|mx|prof|sir|dame|rev|fr|nurse|rn|np|pa|md|attending|"
    r"resident|fellow|intern|pcp|physician|doctor|surgeon|name|patient|pt|dear|hi|hello|"
    r"son|daughter|wife|husband|mother|father|mom|dad|brother|sister|friend|spouse|partner|"
    r"signed|dictated|transcribed|cc|contact|hcp|proxy|guardian|judge|justice)\b(?:[ \t]?\.)?|@"
    r"|\b(?:signed|dictated|transcribed|seen|examined|reviewed|electronically[ \t]+signed)"
    r"[ \t]+by"
    # more kin, never before a sentence's full stop ("W/ MATERNAL GRANDMOTHER. MOB HAS ...")
    r"|\b(?:mum|mama|aunt|auntie|uncle|niece|nephew|cousin|grandma|grandpa|granny|nana"
    r"|grandmother|grandfather|grandson|granddaughter|fianc[eé]e?|girlfriend|boyfriend"
    r"|step(?:mom|dad|son|daughter))\b"
    # a message for someone: "Message left for Aline", "VM left for son", "msg for Min"
    r"|\b(?:message|msg|vm|voicemail)[ \t]+(?:left[ \t]+)?for"
    # a name given: "my name is ahmed", "his name's bilal", "a boy named crystal", "call me al"
    r"|\bname[ \t]+(?:is|was)|\bname['’]s|\bnamed|\bcall[ \t]+me|\bknown[ \t]+as)"
    r"[ \t]*[:,-]?[ \t]*$",
    re.IGNORECASE,
)
#: Where a note says whom a person works for or where they study: an employer's or a
#: school's name follows ("works as an engineer at Raytheon", "RETIRED FROM POLAROID", "PT IS
#: AN ELECTRICIAN W/ NSTAR", "student at northeastern", "OWNS BAKER'S AUTO BODY").
_AFFILIATION_BEFORE = re.compile(
    r"(?:\b(?:works?|worked|working|employed|employee|job|retired|student|studies|studying"
    r"|enrolled)\b[^.,;:\n]{0,25}?[ \t](?:at|for|from|with|w/|by)"
    r"|\b(?:physician|pharmacist|nurse|teacher|engineer|electrician|machinist|mechanic"
    r"|manager|professor|lawyer|attorney|accountant|driver|firefighter|cashier|clerk"
    r"|technician|secretary|analyst|programmer)[ \t]+(?:at|for|with|w/)"
    r"|\b(?:owns|owned|runs)(?:[ \t]+(?:a|an|the|his|her|their))?)"
    r"[ \t]+(?:the[ \t]+)?$",
    re.IGNORECASE,
)
_CUE_AFTER = re.compile(
    r"^,?[ \t]*(?:M\.?D\.?|R\.?N\.?|D\.?O\.?|N\.?P\.?|P\.?A\.?-?C?|Ph\.?D\.?|MSW|LCSW|"
    r"DDS|DMD|CRNA|PharmD|Esq\.?)(?![\w])(?![ \t]*:)"  # "Triage RN:" is a field's label
)


#: A person's relation to the patient in brackets after a name: "Called rose (wife of
#: deceased)", "spoke to Tom (pt's son)", "MARIA (HCP)".
_RELATION_AFTER = re.compile(
    r"[ \t]*\((?:the[ \t]+|pt['’]?s[ \t]+|patient['’]?s[ \t]+)?(?:"
    + "|".join(sorted(RELATIVES | {"grandma", "grandpa", "friend", "girlfriend", "boyfriend",
                                   "carer", "caregiver", "neighbour", "neighbor", "hcp", "poa",
                                   "nok"}, key=len, reverse=True))
    + r")\b", re.IGNORECASE)


def _relative_named(value: str) -> bool:
    """A relative's name before their relation in brackets: words of letters, each a listed
    name or a word no lexicon knows; no short form in capitals ("HCP (SON ...)", "SNF
    (wife's choice)") and no role ("Attendant (son)")."""
    words = value.split()
    return (0 < len(words) <= 3 and not (value.isupper() and len(value) <= 4)
            and all(w.isalpha() and (is_listed_name(w) or unknown_word(w)) for w in words))


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
    if not value[:1].isupper() or value.isupper():
        return False
    given = value in given_names()
    if is_technical_word(value):  # "Rose" (the rash's): only before a narrative's verb
        return given and _NARRATIVE_AFTER.match(text, end) is not None
    if (given or value in family_names()) and (person_predicate_at(text, end)
                                               or _NARRATIVE_AFTER.match(text, end)):
        return True
    return given and not _mid_sentence(text, start) and _VOCATIVE.match(text, end) is not None


#: A narrative's verbs after a character's name ("Rose heard the car", "Hope counted four bog
#: lakes", "Rose put the cup down"), which no clinical word is followed by.
_NARRATIVE_AFTER = re.compile(
    r"[ \t]+(?:said|says|asked|replied|answered|shouted|yelled|whispered|laughed|smiled|cried"
    r"|sighed|nodded|frowned|shrugged|grinned|heard|looked|counted|told|thought|knew|put|sat"
    r"|stood|walked)\b")


#: A chat log's time stamp before a speaker ("[08:55] bilal: hey", "[5:40 AM] lan: ya"), or an
#: exported chat's date and time ("12/09, 18:05 - Joe: not me").
_STAMP_BEFORE = re.compile(
    rf"(?:^|\n)[ \t>]*(?:{CHAT_CLOCK.pattern}|{CHAT_EXPORT_STAMP.pattern})[ \t]*$",
    re.IGNORECASE)


def _chat_speaker(text: str, start: int, end: int) -> bool:
    """The speaker of a time-stamped chat line: a person (or a handle), whatever the word."""
    return (_STAMP_BEFORE.search(text, max(0, start - 30), start) is not None
            and re.match(r"[ \t]*:[ \t]", text[end : end + 4]) is not None)


#: Titles of office before a name, which a model may take alone for the name they stand
#: before ("Judge To dismissed the appeal").
_TITLE_WORDS = frozenset("Justice Judge Senator Governor Secretary Chancellor Professor Rabbi "
                         "Imam Bishop Archbishop Cardinal Reverend Colonel Captain Sergeant "
                         "Detective Inspector Constable Madam".split()) | set(TITLES_ABROAD)
#: A person's name that a model took in with its title, in mixed case: "Lord Justice Ward",
#: "Secretary Cardona", "Sister O'Reilly", "Bishop Tutu" (the title says it is a person):
#: a title of office, or of rank or of a religious order.
_TITLE_FIRST = re.compile(
    r"(?:(?:Lord|Lady|Mr|Mrs|Ms|Sir|Dame)\.?[ \t]+)?(?:"
    + "|".join(sorted(_TITLE_WORDS | {"Lord", "Lady", "Sir", "Dame", "Baroness", "Baron",
                                      "Sister"}))
    + r"|Rev\.)[ \t]+[A-Z][a-z]")


#: "Per" opening a sentence or a note's line, and the name after it ("Per Lopes, no changes").
_PER = re.compile(r"(?:^|(?<=[.;!?\n])[ \t]*)[ \t>*-]*(?:Per|PER|per)[ \t]+$")


def _source_of_a_report(text: str, start: int, end: int) -> bool:
    """A listed name (not a clinical word) that a note's "Per ..." cites, with or without the
    "Per" in the span ("Per Lopes, no changes to plan"; "Per Neuro," and "per protocol" are
    no name): who said so, in the shorthand of handovers."""
    value = text[start:end]
    if value[:4] in ("Per ", "PER ", "per "):  # the model took the cue in
        start, value = start + 4, value[4:]
    return (_PER.search(text, max(0, start - 12), start) is not None
            and value[:1].isupper() and " " not in value and not is_technical_word(value)
            and (value in family_names() or value in given_names()))




def _title_before_a_name(text: str, span: Span) -> bool:
    """A model's person (or spaCy's organisation) that is only the title of the capitalised name
    after it ("Judge" of "Judge To", "Smt" of "Smt. Bhagwati Devi"; "Mr Judge" is a name)."""
    before = text[max(0, span.start - 6) : span.start]
    return (span.label in ("PERSON", "ORGANIZATION") and text[span.start : span.end] in _TITLE_WORDS
            and re.match(r"\.?[ \t]+[A-Z]", text[span.end : span.end + 3]) is not None
            and re.search(r"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?[ \t]*$", before) is None)


#: A note's patient as the subject before the span ("Pt made DNR", "patient denies pain").
_PATIENT_BEFORE = re.compile(r"(?i)\b(?:pt|patient)[ \t]*$")


def _verb_after_patient(text: str, start: int, end: int, before: str) -> bool:
    """A span after "Pt" that starts with a lower-case word of the lexicon, or one in capitals
    that no name list holds, in a line not all in lower case: what the patient did ("Pt made
    DNR", "PT DENIES ETOH"), not their name ("Pt Kelly", "PT KELLY", "pt tom smith" in a
    lower-case note)."""
    words = text[start:end].split()
    if not words or _PATIENT_BEFORE.search(before) is None or not is_common_word(words[0]):
        return False
    first = words[0]  # in capitals, a word of the lexicon no list holds ("PT DENIES ETOH")
    return ((first.islower() or is_technical_word(first)  # "make pt CMO"
             or (first.isupper() and len(first) > 3 and not is_listed_name(first)))
            and letters_case(line_around(text, start, end)) != "lower")


def has_cue(text: str, start: int, end: int, label: str) -> bool:
    """A title, role or field label before the span, a credential or a relation after it
    ("rose (wife of deceased)"), an institution word inside a capitalised name of two words or
    more (not a service that titles a note: :func:`_note_title`), a person's title inside it,
    a listed name in a person's place, or a chat speaker's place."""
    before = line_before(text, start, 30)
    value = text[start:end]
    if _CUE_AFTER.match(text[end : end + 12]) or (
            _CUE_BEFORE.search(before) and not _verb_after_patient(text, start, end, before)):
        return True
    if label == "PERSON":
        return (_chat_speaker(text, start, end) or _TITLE_FIRST.match(value) is not None
                or (_RELATION_AFTER.match(text, end) is not None and _relative_named(value))
                or _listed_name_in_a_persons_place(text, start, end)
                or _source_of_a_report(text, start, end))
    if (_AFFILIATION_BEFORE.search(line_before(text, start, 40))
            and value.casefold() not in ROLE_WORDS):  # "employed by the Respondent"
        return True
    if len(value.split()) < 2 or not INSTITUTION.search(value) or _note_title(text, start, end):
        return False
    # an institution's name has a capital, unless its line has none ("school of public health"
    # in prose is a school's department, "mercy hospital" in a lower-case post a hospital)
    return (any(ch.isupper() for ch in value)
            or letters_case(line_around(text, start, end)) == "lower")


#: A note's kind after its service on the note's first line ("Hospice IPU nursing eval",
#: "Mental Health Inpatient Unit – PM shift", "Hospice Community Nurse - Home Visit").
_NOTE_KIND = re.compile(r"(?i)\b(?:note|notes|visit|eval|evaluation|assessment|shift|call|review"
                        r"|progress|report|round|rounds|admission|handover)\b")


#: Words that name a firm or a body rather than a service ("Visiting Nurse Association").
_FIRM = re.compile(r"(?i)\b(?:association|society|trust|foundation|inc|ltd|llc|group|company"
                   r"|partners|services|agency|network"
                   # ... or a hospital's, or a home's of someone ("Hospice of the Good Shepherd")
                   r"|hospital|clinic|cent(?:er|re)|infirmary|medical|of|st|saint)\b")


_LEADING_SPACE = re.compile(r"\s*")


def _note_title(text: str, start: int, end: int) -> bool:
    """A service's name that titles a note: opening the text's first line, a title's length
    (80 characters at most), with the note's kind on that line, every word of it ordinary or
    clinical language, no listed name ("Mercy Hospice visit" keeps "Mercy") and no firm's or
    hospital's word ("Visiting Nurse Association visit", "Riverside General Hospital - Nursing
    Note" stay)."""
    line_start = _LEADING_SPACE.match(text).end()  # type: ignore[union-attr]
    line_end = text.find("\n", line_start)
    line_end = len(text) if line_end < 0 else line_end
    if start != line_start or end > line_end or line_end - line_start > 80:
        return False
    words = words_of(text[start:end])
    return (bool(words) and _NOTE_KIND.search(text, line_start, line_end) is not None
            and _FIRM.search(text, start, end) is None
            and all(is_common_word(w) and not is_listed_name(w) for w in words))


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


def _service(text: str, span: Span) -> bool:
    """A model's span made only of a hospital's service or specialty words in a clinical text:
    "seen by Pulmonary, Dr. Gervasi", "Tobias Wennerström, MD, Neurology resident"."""
    words = words_of(text[span.start : span.end])
    return (bool(words) and all(w.casefold() in SERVICE_WORDS for w in words)
            and clinical_register(text))


def _lower_case_header(text: str, span: Span) -> bool:
    """A model's one lower-case word that opens a line of a clinical note before a colon: the
    note's section ("ren: crrt running", "dev: isolette")."""
    value = text[span.start : span.end]
    return (span.source.startswith(_MODEL_SOURCES) and value.isalpha() and value.islower()
            and at_line_start(text, span.start)
            and text.startswith(":", span.end) and clinical_register(text))


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


#: A nationality's shape: a country's or US state's first four letters and a demonym's ending
#: ("Ghanaian", "Kenyan", "Bangladeshi", "Texan"; "Sivan" and "Brian" are no country's) that
#: is a word of the lexicons, or one of the irregular ones.
_NATIONALITY = re.compile(r"[A-Z][a-z]{3,}(?:an|ian|ese|ish|ic|i)")
_IRREGULAR = re.compile(r"Greek|Dutch|Swiss|Irish|Czech|British|Filipino|Filipina|Scottish|"
                        r"American|Israeli|Lankan")  # not "Thai", "French", "Welsh": surnames too
#: What follows a nationality or faith used as a word: punctuation, a lower-case word, the end.
_WORD_AFTER = re.compile(r"[ \t]*(?:[,.;:)!?]|[a-z]|$)", re.MULTILINE)


@lru_cache(maxsize=1)
def _country_stems() -> frozenset[str]:
    return frozenset(name[:4] for name in country_names() if len(name) >= 4)


def _nationality_or_faith(text: str, span: Span) -> bool:
    """A model's person or organisation that is a nationality or a faith, used as a word ("She
    is Ghanaian, arrived in 2006", "identifies as Pentecostal.", "a Kenyan national", "Baha'i",
    "an Arab Muslim family": two origin words or prefixes at most before the last), before
    punctuation or a lower-case word. A nationality that a name
    list holds ("Roman", "Jordan") stays, and so do "Methodist Hospital" and "Long Thai"."""
    value = text[span.start : span.end]
    if span.label not in ("PERSON", "ORGANIZATION", "NRP"):
        return False
    *before, value = re.split(r"[ \t]+|-(?=[A-Z])", value)  # "Arab Muslim", "Afro-Brazilian"
    if len(before) > 2 or not all(p in _ORIGIN_PREFIXES or _belonging(p) for p in before):
        return False
    end = span.end
    faith = FAITH.fullmatch(value) or FAITH.fullmatch(value + text[end : end + 2])
    if faith and not FAITH.fullmatch(value):
        end += 2  # "Baha" of "Baha'i"
    return ((bool(faith) or _belonging(value)) and _WORD_AFTER.match(text, end) is not None
            and not has_cue(text, span.start, span.end, span.label))


#: What a state or its people have that is no one's name: its government, codes and money
#: ("the Turkish Government", "the Indian Penal Code", "25,000,000 Romanian lei").
_OF_A_STATE = re.compile(
    r"[ \t]+(?:Government|Constitution|authorities|(?:Penal|Criminal|Civil|Labou?r|Family)"
    r"[ \t]+Code|lei|leu|lev|leva|dollars?|euros?|pounds?|rupees?|dinars?|lira|liras|dirhams?|"
    r"yuan|yen|francs?|kron[ae]r?|krona|zloty|złoty|forints?|rubles?|roubles?|hryvnias?|lari|"
    r"manats?|drams?|pesos?|reais|rand|naira|cedis?|shillings?)\b")


def _national_institution(text: str, span: Span) -> bool:
    """A model's name, place or organisation that is a nationality before its state's
    government, code or money (:data:`_OF_A_STATE`), in the span or right after it: "The
    Ukrainian Government", "Turkish" of "the Turkish Government", "Romanian lei". A listed
    place stays ("Georgia Government Center")."""
    value = text[span.start : span.end]
    match = re.fullmatch(r"(?:(?i:the)[ \t]+)?([A-Z][a-z]+)(.*)", value, re.DOTALL)
    if span.label not in NAMEISH or match is None:
        return False
    nationality, rest = match.groups()
    if not (_belonging(nationality) or _DEMONYM.fullmatch(nationality)) or (
            nationality.casefold() in place_names()):
        return False
    if rest:
        state = _OF_A_STATE.match(rest)
        return state is not None and not rest[state.end() :].strip()
    return _OF_A_STATE.match(text, span.end) is not None


#: Words before a nationality that make one with it ("Sri Lankan", "Afro-Brazilian").
_ORIGIN_PREFIXES = frozenset("Sri Afro Arab Indo Sino Anglo Euro Latin Native South North East "
                             "West Central".split())


def _belonging(word: str) -> bool:
    """A nationality no name list holds, by its shape (:data:`_NATIONALITY`, a country's stem,
    a word of the lexicons) or one of the irregular ones; or a faith."""
    if FAITH.fullmatch(word):
        return True
    return not is_listed_name(word) and (
        _IRREGULAR.fullmatch(word) is not None
        or (_NATIONALITY.fullmatch(word) is not None
            and word[:4].casefold() in _country_stems()  # a word: "Britian" is Britain
            and (is_dictionary_word(word) or is_common_word(word))))


#: Makers of cars ("Ford", "Dodge" and "Suzuki" are people's surnames too, left out).
_CAR_MAKES = frozenset("""Toyota Hyundai Honda Nissan Kia Mazda Subaru Mitsubishi Lexus Acura
Infiniti Volkswagen VW Audi BMW Mercedes-Benz Porsche Opel Vauxhall Skoda Škoda Renault Peugeot
Citroen Citroën Fiat Volvo Saab Chevrolet Chevy Cadillac Buick GMC Jeep Tesla Jaguar Isuzu
Daihatsu Proton Perodua Geely BYD Chery Mahindra Dacia""".split())
_NEXT_WORD = re.compile(r"[ \t]+([A-Z0-9][\w-]*)")
_VEHICLE = re.compile(r"(?i)\b(?:vehicle|car|drives|driving|drove|make|model|vin|plate|"
                      r"registration|reg)\b")


def _car(text: str, span: Span) -> bool:
    """A model's name that is a car's make and model ("Vehicle: Hyundai Elantra", "a Toyota
    Corolla"): a make, then a word no name list holds, in the span or after it. "works at
    Toyota" and "Kia Johnson" stay."""
    words = text[span.start : span.end].split()
    if span.label not in NAMEISH or not words or words[0] not in _CAR_MAKES:
        return False
    after = _NEXT_WORD.match(text, span.end)
    model = words[1] if len(words) > 1 else after.group(1) if after else ""
    if not model or is_listed_name(model):
        return False
    # a maker's organisation stays but where the line speaks of a car ("795001 Toyota Front
    # Door Handle" names the maker)
    line = line_around(text, span.start, span.end)
    return span.label == "PERSON" or _VEHICLE.search(line) is not None


def _piece_of_a_term(text: str, span: Span) -> bool:
    """A model's span cut out of one token of clinical shorthand ("P" of "H&P", "INR" of
    "PT/INR")."""
    start, end = span.start, span.end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    token = text[start:end].strip(_TOKEN_EDGE)
    return (len(token) > len(text[span.start : span.end].strip(_TOKEN_EDGE))
            and is_technical_word(token))


#: An article before a word, perhaps with a size or kind between ("a Foley", "an Esmarch", "a
#: 22-French 3-way Foley", "The GYN Balfour").
_ARTICLE_BEFORE = re.compile(
    r"(?:^|[\s(])(?P<article>[Aa]n?|[Tt]he)[ \t]+(?:(?:[\w#/-]*\d[\w#/-]*|[A-Z]{2,5}|[a-z]+)"
    r"[ \t]+){0,2}$")
#: What a device undergoes in an operation note ("The GYN Balfour was then placed").
_DEVICE_VERB = re.compile(
    r"[ \t]+(?:was|were)[ \t]+(?:then[ \t]+|also[ \t]+)?(?:placed|applied|inserted|removed|"
    r"injected|used|left|introduced|advanced|withdrawn|deployed|irrigated|inflated|deflated)\b")


#: What joins a note's shorthand into one run ("vanc/meropenem", "MAZE + MVR", "L & R").
_SHORTHAND_JOINS = re.compile(r"[\s/+&,]+")


def _shorthand_of_spacy_in_a_note(text: str, span: Span) -> bool:
    """In a clinical note, spaCy's organisation or place made of the note's shorthand: every
    piece a clinical or common word, a number or a measure, or a side's or a grade's letter,
    and one of them clinical vocabulary ("Cont vanc/meropenem", "Hb 104", "T 37.8 Axillary",
    "L IJ TLC"). No institution's word is in it ("Mercy Hospital"), its words
    are not all capitalised as a name's are ("Harbor Point Imaging"), and it is no listed
    place ("THE UNITED STATES")."""
    if not span.source.startswith("spacy:") or span.label not in ("ORGANIZATION", "LOCATION"):
        return False
    value = text[span.start : span.end]
    pieces = [p for p in _SHORTHAND_JOINS.split(value) if p]
    if (not pieces or INSTITUTION.search(value) or not any(map(is_technical_word, pieces))
            or all(p.isalpha() and p.istitle() for p in pieces)
            or _DETERMINER.sub("", value).casefold() in place_names()):
        return False
    return all(any(ch.isdigit() for ch in p) or (len(p) == 1 and p.isalpha())
               or is_technical_word(p) or is_common_word(p) for p in pieces) and (
        clinical_register(text))


def _thing_in_a_note(text: str, span: Span) -> bool:
    """In a clinical note, a model's one-word name that is a device or an instrument: after
    "a" or "an" ("a Foley", "an Esmarch and tourniquet"), or after "the" before what a device
    undergoes ("The GYN Balfour was then placed"). A person takes no article there."""
    value = text[span.start : span.end]
    if " " in value or not value[:1].isupper() or value.isupper():
        return False
    article = _ARTICLE_BEFORE.search(text, max(0, span.start - 40), span.start)
    if article is None:
        return False
    if article.group("article").lower() == "the" and not _DEVICE_VERB.match(text, span.end):
        return False
    return clinical_register(text)


#: The last word of a department's or unit's name ("Pediatric Urology Clinic", "Postanesthesia
#: Care Unit", "Hospital Medicine").
_DEPARTMENT_LAST = frozenset("unit clinic clinics service services department ward medicine "
                             "surgery office committee rehab".split())
#: Specialties that name a department after "Department of", besides the care words.
_SPECIALTIES = frozenset("anesthesiology anaesthesiology anesthesia anaesthesia pathology nursing "
                         "pharmacy paediatrics".split())
#: What an office or department of any organisation does ("Claims Department", "Admissions
#: Committee", "Regional Office").
_OFFICE_WORDS = frozenset("""
claims admissions billing payroll accounts finance legal regional head branch registrar
personnel records compliance ethics ethical
""".split())


def _department(text: str, span: Span, words: list[str]) -> bool:
    """A model's organisation or place that names a department or unit by its specialty or
    its work, made only of common words: "Postanesthesia Care Unit", "Pediatric Urology
    Clinic", "MD - Hospital Medicine", "Claims Department", "Department of Internal Medicine",
    "Dear Admissions Committee"; in a clinical note, any service ("Interpreter Services") and
    a clinic of clinical words ("Brain Tumor Clinic").
    No facility's name is in it ("Mayo Clinic" starts with no specialty)."""
    if span.label not in ("ORGANIZATION", "LOCATION") or len(words) < 2:
        return False
    if not all(map(is_common_word, words)):
        return False
    if words[0].lower() in ("dear", "the"):  # the salutation or article a model took in
        words = words[1:]
    if words[-1].lower() in ("service", "services") and clinical_register(text):
        return True  # a hospital's service in a note ("Liver Surgery Service")
    if len(words) >= 3 and words[0].lower() == "department" and words[1].lower() == "of":
        return all(w.lower() in _CARE_WORDS or w.lower() in _DEPARTMENT_LAST
                   or w.lower() in _SPECIALTIES for w in words[2:])  # "Department of Surgery"
    if len(words) < 2 or words[-1].lower() not in _DEPARTMENT_LAST:
        return False
    if note_register(text) and all(map(is_technical_word, words[:-1])):
        return True  # a clinic of a condition in a note ("F/U IN BRAIN TUMOR CLINIC")
    return (words[0].lower() in _CARE_WORDS or words[0].lower() in _OFFICE_WORDS
            or words[0].lower() in SERVICE_WORDS)  # "NEUROSURGERY CLINIC"


#: Words that open a department's or unit's name: specialties, care settings, and a
#: credential before it ("MD - Hospital Medicine"). No eponym: "Mayo Clinic" is a facility.
_CARE_WORDS = frozenset("""
pediatric paediatric pediatrics postanesthesia post-anesthesia neonatal outpatient inpatient
hospital adult geriatric internal family general emergency intensive critical surgical medical
cardiac cardiology urology oncology neurology radiology psychiatry psychiatric orthopedic
orthopaedic orthopedics gastroenterology dermatology nephrology pulmonary pulmonology
endocrinology rheumatology hematology obstetric obstetrics gynecology ophthalmology vascular
thoracic plastic trauma burn rehabilitation physical occupational respiratory infectious
palliative pain sleep wound spine transplant dialysis labor maternity anesthesia anaesthesia
pulm hospitalist md do rn np pa endocrine
""".split())


def _acronym_of_an_organisation(text: str, span: Span, words: list[str]) -> bool:
    """An organisation's acronym in capitals in mixed-case prose ("FBI seeks", "filing with the
    SEC") that is no clinical shorthand ("PERRLA", "HTN" are technical words)."""
    return (span.label == "ORGANIZATION" and len(words) == 1 and 2 <= len(words[0]) <= 6
            and text[span.start : span.end] == words[0] and words[0].isupper()
            and not shouting(text, span.start, span.end)
            and not is_technical_word(words[0]))


def _words_after_a_cue_in_capitals(text: str, span: Span) -> bool:
    """A cued name rule's span in text written in capitals made only of English or clinical
    words, none of them a listed name (grammar words never count as one): in capitals every
    word looks like a name after a cue ("HER FATHER WERE ADDITIONALLY CLINICALLY DIAGNOSED",
    "EVALUATED BY STERILE VAGINAL EXAM"), where "SON TOM CALLED" names someone."""
    value = text[span.start : span.end]
    if span.label != "PERSON" or not span.source.startswith("names:") or "@" in value:
        return False  # a handle is an account whatever its words ("@NULL", "@WALMART")
    if span.source in ("names:handover", "names:last_initials"):
        return False  # a cue on both sides: "D/W SHIN AND FAMILY"; initials are no words
    if span.source == "names:credential" and re.match(r"[A-Z]\.[ \t]?[A-Z]", value):
        return False  # an initial and a word before a credential: "-- T. To, RN"
    if span.source == "names:title" and re.match(r"[.,;)]|[ \t]*(?:\n|$)",
                                                 text[span.end : span.end + 20]):
        return False  # a title and a word that ends its clause: "CONSULT DR. TO."
    words = words_of(value)
    return (bool(words) and shouting(text, span.start, span.end)
            and all(w.casefold() in FUNCTION_WORDS or w.casefold() == "per"  # "CALLED PER PT"
                    or (is_common_word(w) and not is_listed_name(w)) for w in words))


def _lone_word_of_spacy_in_a_note(text: str, span: Span, words: list[str], *,
                                  agreed: bool) -> bool:
    """One capitalised word of the lexicons that spaCy alone calls a name in a clinical note,
    no name of the lists (nor "Park", "Ward"): what the note capitalises is mostly a device, a
    drug or a test ("Telfa", "Viscoat", "Valsalva", "Telemetry"), and spaCy, trained on news,
    reads it as a name. A place where someone comes from or lives stays ("from Teshie")."""
    return (len(words) == 1 and span.source.startswith("spacy") and not agreed
            and not is_listed_name(words[0]) and words[0] not in cued_name_words()
            and not (span.label == "LOCATION"
                     and HOME_BEFORE.search(text, max(0, span.start - 30), span.start))
            and clinical_register(text))


def _unlisted_lone_word_of_spacy_in_a_note(text: str, span: Span, words: list[str], *,
                                           agreed: bool) -> bool:
    """One word that spaCy alone calls a name in a clinical note, which no name list holds and
    no place is: a brand of drug, dressing or device the drug lists lack ("SURVANTA DOSE #2",
    "Sudocrem applied", "with Instillagel"). A name the transformer reports too stays, as does
    one with a cue (checked by the caller), and a place or body a preposition of place or of
    agency stands before ("NICU at Brigham", "apply for MassHealth", "managed by PUOMC")."""
    if len(words) != 1 or not span.source.startswith("spacy") or agreed:
        return False
    word = words[0]
    if _STATE_AND_ZIP_AFTER.match(text, span.end) or (
            span.label != "PERSON"
            and _WHERE_OR_BY.search(text, max(0, span.start - 12), span.start)):
        return False  # a town before its state and ZIP code, whatever spaCy calls it; "NICU at
        # Brigham"
    # (in capitals a listed name too: "TUR OF THE PROSTATE", "KLING", "CONCHA"; not a state's
    # code: "MEDFORD, MA 02155")
    return ((not is_listed_name(word) or (word.isupper() and len(word) > 2))
            and word not in cued_name_words()
            and word.casefold() not in place_names() and clinical_register(text))


#: A state's code and a ZIP code after a town: ", PW 29064".
_STATE_AND_ZIP_AFTER = re.compile(r",?[ \t]+[A-Z]{2}[ \t]+\d{5}\b")
#: A preposition of place or agency right before a word ("at Brigham", "by the PUOMC").
_WHERE_OR_BY = re.compile(r"(?i)(?<![\w'’-])(?:at|from|to|in|near|for|by|via)[ \t]+(?:the[ \t]+)?$")


def _lone_lower_case_word_of_spacy(text: str, span: Span, words: list[str]) -> bool:
    """One word in lower case that a dictionary lists in lower case, which spaCy alone calls a
    name or a place in a text that is no note: a post's "some guy named kyle", "sept 3 gang
    rise up". (spaCy, trained on edited text, reads a post's lower case poorly; the
    transformer's words there have their own rule, :func:`_unlisted_word_outside_notes`.)"""
    word = words[0] if len(words) == 1 else ""
    return (span.source.startswith("spacy") and word.islower() and word in lower_case_words()
            and word not in country_names() and not note_register(text))  # "china": a country


def _unlisted_lower_case_phrase_of_spacy(text: str, span: Span, words: list[str], *,
                                         agreed: bool) -> bool:
    """Words in lower case that spaCy alone calls a person in lay text, none of them a listed
    name that is no English word: a post's other language or its chat ("traiga la bocina", "ya
    lembur lagi", "omg tysm", "dem eat pum pum"); not "guy wojciech" or "shoutout to big sam"
    (a listed name in it), nor what the transformer found too (``agreed``)."""
    return (span.source.startswith("spacy:PERSON") and len(words) > 1 and not agreed
            and text[span.start : span.end].islower() and lay_register(text)
            and not any(is_listed_name(w) and not is_common_word(w) for w in words))


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
    "Vicodin ES", "Tri-Cyclen Lo"); not a given name and a surname ("Camila Torres": Camila
    is a pill's brand too)."""
    if len(words) == 2 and words[0] in given_names() and words[1] in family_names():
        return False
    return all(is_technical_word(w) or (len(w) in (2, 3) and w.isupper()
                                         and any(is_technical_word(v) for v in words))
               for w in words)


def _mid_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` follows other words of its sentence on its line."""
    # the sentence's last characters before the word are enough
    before = line_before(text, start, 200).rstrip(" \t\"'“‘(")
    # a field label's colon, then a comma that stands for a line break ("DIAGNOSIS: , Varicose")
    before = re.sub(r":[ \t,]*,$", ":", before)
    return bool(before) and before[-1] not in ".!?:;•*-–—#>|"


#: Characters around a token that are no part of its shape.
_TOKEN_EDGE = ".,;:()[]{}\"'“”‘’"


def _code_token(token: str, *, capitals: bool = False) -> bool:
    """A lab, gene, assay or imaging token by its shape: letters with digits ("KCNQ1",
    "VEGFR-2", "AE1/AE3", "46,XX", "Ki67<2%"), a capital closing a lower-case word
    ("NapsinA", "IgA"), an acronym's plural ("VEPTRs"), or acronyms and words joined by a
    slash ("PET/CT", "FDG-PET/CT", "Carbo/Taxol"; in ``capitals``, clinical words only)."""
    core = token.strip(_TOKEN_EDGE)
    if "@" in core or "#" in core or re.search(r"\d{5}", core):
        return False  # a handle, a hashtag, or an account or phone number's run of digits
    if re.search(r"\d", core) and re.search(r"[^\W\d_]", core):
        return True
    if re.fullmatch(r"[A-Z]?[a-z]+[A-Z]|[A-Z]{3,}s", core):
        return True
    parts = core.split("/")
    if capitals:  # in a note in capitals every word looks like an acronym ("JOHN/MARY")
        return len(parts) >= 2 and all(len(p) <= 3 or is_technical_word(p) for p in parts)
    return len(parts) >= 2 and all(
        re.fullmatch(r"[A-Z][A-Z-]{1,7}", p) or (p and is_common_word(p)) for p in parts)


def _code_member(token: str, *, capitals: bool = False) -> bool:
    """A token that may stand beside a code in its name: a short acronym, a number or range,
    a Greek letter ("CK 5/6", "TOPOII α", "RECIST 1.1")."""
    core = token.strip(_TOKEN_EDGE)
    return (bool(re.fullmatch(r"[A-Z]{1,6}|[\d.,/<>%×+–-]+|[α-ωΑ-Ω]", core))
            or _code_token(core, capitals=capitals))


#: A tumour's TNM stage ("Ta Nx Mx", "T2 N0 M0").
_TNM = re.compile(r"[cpy]?T(?:[0-4][a-d]?|x|is|a)[ \t]*N(?:[0-3][a-c]?|x)[ \t]*M(?:[01][a-c]?|x)")


def _biomedical_code(text: str, span: Span) -> bool:
    """spaCy's name, place or organisation made of lab, gene, assay or imaging codes
    ("PET/CT", "CK 5/6", "KCNQ1", "NapsinA", "0.8×109/L", "Ta Nx Mx") or a two-letter symbol
    in title case ("Hb", "Mb"; not a state after a comma: "Burlington, Vt"): no one is called
    so."""
    if not span.source.startswith("spacy:") or span.label not in NAMEISH:
        return False
    value = text[span.start : span.end]
    tokens = value.split()
    if "\n" in value:
        return False
    if _TNM.fullmatch(value):
        return True
    if re.fullmatch(r"[A-Z][a-z]", value):
        if span.label == "PERSON" or value.casefold() in place_names():
            return False
        return not re.search(r",[ \t]*$", text[max(0, span.start - 3) : span.start])
    capitals = shouting(text, span.start, span.end)
    if not tokens or not all(_code_member(t, capitals=capitals) for t in tokens):
        return False
    return any(_code_token(t, capitals=capitals) for t in tokens) or (
        any(re.fullmatch(r"[A-Z]{2,6}", t) for t in tokens)
        and any(re.fullmatch(r"\d+/\d+", t) for t in tokens))  # "CK 5/6"


def _defines(text: str, opening: int, value: str) -> bool:
    """Whether the words before the bracket at ``opening`` are the term that ``value``
    abbreviates: lower-case words ("hemoglobin (Hb)"), or capitalised clinical words with no
    institution among them ("Response Evaluation Criteria in Solid Tumors (RECIST)"; not
    "Federal Bureau of Investigation (FBI)"), one of them starting with the acronym's first
    letter."""
    before = text[max(0, opening - 80) : opening]
    match = re.search(r"((?:[^\s()]+[ \t]+){0,7}[^\s()]+)[ \t]*$", before)
    if match is None:
        return False
    term = [w for w in re.split(r"[\s/-]+", match.group(1)) if w]
    if sum(ch.isalpha() for ch in value) > len(term) + 2:
        return False  # more letters than the words it would stand for: a name in brackets
    last = term[-1].strip(_TOKEN_EDGE)
    if not re.search(r"[^\W\d_]", last):
        return False
    if last[:1].isupper() and not (is_technical_word(last)
                                   and not INSTITUTION.search(match.group(1))):
        return False
    first = next((ch.casefold() for ch in value if ch.isalpha()), "")
    return any(w[:1].casefold() == first for w in term)


def _defined_abbreviation(text: str, span: Span) -> bool:
    """A model's acronym that the text defines in brackets right after the term it abbreviates
    ("hemoglobin (Hb)", "solid tumors (RECIST)", "naso-gallbladder drainage (ENGBD)"), here
    or at an earlier mention: a term's short form, not an organisation's. In a note in
    capitals too: the term's last word must then be clinical vocabulary ("EPITHELIAL MEMBRANE
    ANTIGEN (EMA)"), which a name is not ("JOHN SMITH (JS)")."""
    if not span.source.startswith(_MODEL_SOURCES):
        return False
    value = text[span.start : span.end]
    tokens = value.split()
    if not 1 <= len(tokens) <= 3 or not any(ch.isupper() for ch in value):
        return False
    if len(tokens) > 1 and any(len(t) > 4 for t in tokens):
        return False  # words of a name, not an acronym's parts ("(DESPOINA GEORGIADI)")
    if any(re.match(r"[A-Z][a-z]{2,}", t.strip(_TOKEN_EDGE)) for t in tokens):
        return False  # a capitalised word: a name's shape ("(Smith)", "(e.g. Hartsell-Gundy")
    at = text.find("(" + value, 0, span.end)
    for _ in range(5):  # the first few definitions are enough
        if at < 0:
            return False
        if _defines(text, at, value):
            return True
        at = text.find("(" + value, at + 1, span.end)
    return False


#: What comes before a test result or diagnosis in a clinical sentence ("positive for CK7,
#: TTF-1, and NapsinA", "diagnosed with STEMI").
_RESULT_BEFORE = re.compile(
    r"\b(?:diagnosed[ \t]+with|diagnosis[ \t]+of|(?:positive|negative|positivity|negativity)"
    r"[ \t]+(?:for|to|of)|stain(?:ed|ing)[ \t]+for|expression[ \t]+of|consistent[ \t]+with)"
    r"[^.;:()\n]{0,60}$",
    re.IGNORECASE,
)


def _clinical_result(text: str, span: Span) -> bool:
    """A model's acronym or code in capitals after "positive for", "diagnosed with" and the
    like in the same clause: a marker, test or diagnosis, not an organisation or a person."""
    value = text[span.start : span.end]
    if (not span.source.startswith(_MODEL_SOURCES) or span.label == "LOCATION"
            or shouting(text, span.start, span.end)):
        return False  # in a note in capitals a name is written so too
    if not all(re.fullmatch(r"[A-Z]{2,8}", t) or _code_token(t) for t in value.split()):
        return False
    return _RESULT_BEFORE.search(text, max(0, span.start - 120), span.start) is not None


#: Words after a user id that say when or why, not what ("by jdoe yesterday", "by kim since").
_NOT_QUALIFIED = frozenset(
    """today tonight tomorrow yesterday earlier later this last next since because before after
    during while when where with without from into onto about again also then there here please
    thanks""".split()
)


def _two_capitals_in_a_note(text: str, span: Span, words: list[str]) -> bool:
    """A model's person of two capitals alone in a clinical note ("petechiae on bilat LE",
    "HO AT BEDSIDE"): a note's shorthand (lower extremity, house officer); a surname so short
    has its title or its given name beside it there ("Dr. Le", "LE VAN MINH")."""
    return (span.label == "PERSON" and len(words) == 1 and len(words[0]) == 2
            and words[0].isupper() and text[span.start : span.end] == words[0]
            and clinical_register(text))


def _lower_case_word_in_a_note(text: str, span: Span) -> bool:
    """A model's one word in lower case in a clinical note, a word of the dictionary and no
    listed place or name ("ambulated in hall w/ pt", "asked for her rosary", "daughter
    educated re stroke signs"): a word. A place ("lives in boston") stays, and so does a
    relative's name in lower case ("son joe")."""
    value = text[span.start : span.end]
    return (span.label in ("LOCATION", "ORGANIZATION", "PERSON") and value.isalpha()
            and value.islower() and is_dictionary_word(value) and value not in place_names()
            and not (span.label == "PERSON" and is_listed_name(value))
            and clinical_register(text)
            # a person's cue before a word no list holds is no name's ("daughter educated")
            and (span.label == "PERSON" or not has_cue(text, span.start, span.end, span.label)))


#: A sentence's first word: after a line's start or a sentence's end.
_SENTENCE_START = re.compile(r"(?:^|(?<=[.!?])[ \t]+)[\"'“‘(\[]*([^\W\d_])", re.MULTILINE)


@lru_cache(maxsize=8)  # asked once per span of a text: read once per text
def edited_prose(text: str) -> bool:
    """Whether ``text`` is edited prose: ten sentences or more, and all but one in twenty
    start with a capital (news, judgments, biographies; a post, a chat or a note in shorthand
    writes its sentences in lower case too)."""
    starts = [m.group(1) for m in _SENTENCE_START.finditer(text)]
    return len(starts) >= 10 and sum(c.isupper() for c in starts) >= 0.95 * len(starts)


def _lower_case_in_edited_prose(text: str, span: Span) -> bool:
    """A model's, the gazetteer's or a name list's name, place or organisation all in lower case
    in edited prose, with no digit and no cue: a word of another language or a common noun
    ("the man who sold suya", "sit in the danfo", "25,000 dong", "stay in the albergues"),
    since such prose capitalises its names."""
    value = text[span.start : span.end]
    return (span.label in ("LOCATION", "ORGANIZATION", "PERSON")
            and span.source.startswith(_UNLISTED_IN_PROSE) and any(c.isalpha() for c in value)
            and value == value.lower() and not any(c.isdigit() for c in value)  # "ulica 3"
            and value not in _STREET_WORDS  # "Wolfova ulica 3": a street's word abroad
            and not _after_a_name_word(text, span.start)  # "Nevsky pr., d. 66", "Phạm Công ty
            # Cổ phần": the lower-case words of a name
            and not (_BY_BEFORE.search(line_before(text, span.start, 8))  # "signed out by
                     and not is_dictionary_word(value))                   # vandamm", no word
            and edited_prose(text) and not has_cue(text, span.start, span.end, span.label))


#: A capitalised word right before a span, one space between.
_CAPITALISED_BEFORE = re.compile(r"(?<![\w'’-])([^\W\d_a-z][\w'’-]*)\.?[ ]$")


def _after_a_name_word(text: str, start: int) -> bool:
    """Whether a capitalised word that is no common word stands right before ``start`` ("Nevsky
    pr.", "Cổ phần"; not "My mam", "Try qifqi", "Bright dorms")."""
    match = _CAPITALISED_BEFORE.search(line_before(text, start, 30))
    return match is not None and not is_common_word(match.group(1))


#: "by" right before a word: who did something, a user's id in lower case when no dictionary
#: holds the word ("electronically signed out by vandamm"; "arrested by gendarmes" stays).
_BY_BEFORE = re.compile(r"(?i)\bby[ \t]+$")
#: The word for a street in other languages, in lower case after the street's name.
_STREET_WORDS = frozenset("ulica ulice ulitsa utca sokak sokağı caddesi cadde gatan gata gade "
                          "vej weg straße strasse steeg laan".split())


#: Recognizers whose lower-case finds edited prose does not take as names: the models, the
#: gazetteer and the name lists without a cue ("the metro station", "vinho verde").
_UNLISTED_IN_PROSE = (*_MODEL_SOURCES, "places:", "names:given", "names:lists")


#: A verb of a consultation before "by" ("seen by EP", "evaluated by GI").
_SEEN_BY = re.compile(r"(?i:\b(?:seen|evaluated|examined|followed|reviewed|consulted|assessed|"
                      r"cleared|managed)[ \t]+by[ \t]+)$")


def _service_by(text: str, span: Span) -> bool:
    """A model's "name" that is a clinical service's short form in capitals after "seen by"
    ("Seen by EP , Dr. Achterberg", "evaluated by GI"): the service, not a person. With a
    title before it, a name ("seen by Dr. NG")."""
    value = text[span.start : span.end]
    return (span.label == "PERSON" and value.isupper() and value.isalpha() and len(value) <= 4
            and is_technical_word(value)
            and _SEEN_BY.search(text, max(0, span.start - 20), span.start) is not None)


def _word_after_by(text: str, span: Span) -> bool:
    """A lower-case word after a plain "by" that the user-id rule took, followed by the noun it
    qualifies on a line of mixed case ("alleviated by anti-tussive therapy", "confirmed by
    transient elastometry"): an adjective, not a user id ("updated by jdoe on 3/4" stays)."""
    value = text[span.start : span.end]
    if span.source != "names:user_field" or not re.fullmatch(r"[a-z]+(?:-[a-z]+)*", value):
        return False
    if not re.search(r"\bby[ \t]+$", text[max(0, span.start - 6) : span.start]):
        return False
    nxt = re.match(r"[ \t]+([a-z]{4,}(?:-[a-z]+)*)\b", text[span.end : span.end + 40])
    if nxt is None or nxt.group(1) in _NOT_QUALIFIED:
        return False
    if not all(is_common_word(p) for p in nxt.group(1).split("-")):
        return False
    return letters_case(line_around(text, span.start, span.end)) != "lower"


#: An indefinite determiner or a count before a noun ("a Kitner", "another Kitner", "more
#: Viscoat", "a second Kitner", "An Edwards Intuity").
_INDEFINITE = re.compile(
    r"(?i:\b(?:a|an|another|more|each|every|(?:a|an)[ \t]+(?:second|third|small|new|large))"
    r"[ \t]+)$")


def _counted_thing(text: str, span: Span) -> bool:
    """A model's one- or two-word person or place after "a", "another", "more" and before
    "was placed" or a clinical word ("a Kitner was placed", "more Viscoat was injected", "an
    Edwards Perimount aortic valve"): something counted or measured, not someone. A person
    after a cue ("a Dr. Lee") stays."""
    value = text[span.start : span.end]
    if span.label not in ("PERSON", "LOCATION") or not span.source.startswith(_MODEL_SOURCES):
        return False
    lead = re.match(r"(?i:an?)[ \t]+", value)
    if lead is not None:
        value = value[lead.end() :]
    elif _INDEFINITE.search(text, max(0, span.start - 20), span.start) is None:
        return False
    words = value.split()
    if not (1 <= len(words) <= 2 and all(w[:1].isupper() for w in words)):
        return False
    article = re.search(r"(?i:\ba)[ \t]+$", text[max(0, span.start - 3) : span.start])
    if article is not None and value[:1] in "AEIOU":
        return False  # "a" before a vowel is no English article ("No gedear a Agustina")
    nxt = re.match(r"[ \t]+(?:(?:was|were)[ \t]+(?:\w+[ \t]+)?[a-z]+ed\b|([a-z]{5,}))",
                   text[span.end : span.end + 40])
    if nxt is None or (nxt.group(1) is not None and not is_technical_word(nxt.group(1))):
        return False  # "not a Belieber but ...": no thing placed, injected or implanted
    return not has_cue(text, span.start, span.end, span.label)


#: A figure reference spaCy took for a person ("Fig. 2", "Figs 3a").
_FIGURE_NAME = re.compile(r"Figs?")
#: A figure's number after "Fig", however typeset ("Fig. 2", "Fig.S1", "Fig.\u200b2",
#: "Fig.(Fig.4)").
_FIGURE_NUMBER = re.compile(r"\.?[ \t\u200b(]*(?:Fig\.?[ \t\u200b]*)?[A-Z]?\d")


#: A law report's neutral citation: "[2004] EWCA Civ 1234", "[2019] UKSC 41", "[2001] EWHC
#: 1234 (QB)"; ECHR's reports: "Reports 1998-I", "ECHR 2000-XI".
_CITATION = re.compile(r"\[(?:19|20)\d\d\][ \t]+[A-Z]{2,6}(?:[ \t]+[A-Z][a-z]{1,5})?[ \t]+\d{1,5}"
                       r"|\b(?:Reports|ECHR)[ \t]+(?:19|20)\d\d-[IVX]+\b")


def _citation(text: str, span: Span) -> bool:
    """A model's name inside a law report's citation ("EWCA Civ" of "[2004] EWCA Civ 1234")."""
    low = max(0, span.start - 12)
    return any(m.start() <= span.start and span.end <= m.end()
               for m in _CITATION.finditer(text, low, span.end + 12))


def _figure(text: str, span: Span) -> bool:
    """ "Fig" before a figure's number, which spaCy calls a person."""
    return (span.source.startswith("spacy:") and _FIGURE_NAME.fullmatch(text[span.start : span.end])
            is not None and _FIGURE_NUMBER.match(text, span.end, span.end + 12) is not None)


#: A maker or product cue inside a bracket ("ROTEM®", "Takara Bio Inc.", "Boston Scientific
#: Corporation", "Bard Peripheral Vascular"): the bracket cites a device's or a reagent's maker.
_MAKER = re.compile(
    r"[®™]|\b(?:inc|co|ltd|gmbh|corp|corporation|ag|llc|plc|s\.?a|scientific|vascular|"
    r"laboratories|biosystems|pharmaceuticals?|pharma|diagnostics|instruments|technologies|"
    r"lifesciences|biotech|headquarters|medical[ \t]+systems)\b",
    re.IGNORECASE,
)
#: An institution that treats people: a bracket naming one is no maker's citation.
_CARE = re.compile(r"\b(?:hospital|clinic|university|infirmary|hospice|school)\b", re.IGNORECASE)
_COUNTRY_CODES = frozenset({"usa", "u.s.a", "us", "u.s", "uk", "u.k", "prc", "p.r. china"})


def _bracket_around(text: str, start: int, end: int) -> str | None:
    """The text inside the round or square bracket that holds ``start:end``, or None."""
    before = text[max(0, start - 160) : start]
    opening = max(before.rfind("("), before.rfind("["))
    if opening < 0 or max(before.rfind(")"), before.rfind("]")) > opening:
        return None
    after = text[end : end + 160]
    closing = min((i for i in (after.find(")"), after.find("]")) if i >= 0), default=-1)
    if closing < 0 or "\n" in after[:closing] or "\n" in before[opening:]:
        return None
    return before[opening + 1 :] + text[start:end] + after[:closing]


def _maker_citation(text: str, span: Span) -> bool:
    """An organisation or place in the bracket that cites a device's or reagent's maker
    ("(ROTEM®, Pentapharm Co., Munich, Germany)", "(Boston Scientific Corporation, Natick,
    MA, USA)"): the maker and its town are no one's personal data. The bracket must end in a
    country and name a maker (a company word or a trade mark); a hospital's stays."""
    listed_place = (span.source.startswith(("names:given", "names:lists", "hf_ner", "spacy"))
                    and text[span.start : span.end].casefold() in place_names())
    if not listed_place and (span.label not in ("ORGANIZATION", "LOCATION")
                             or span.source.startswith(("names:", "deny_list", "custom"))):
        return False  # a name rule's person stays, unless a name list or a model took a town
        # for one ("Arizona", "(Hoffmann-La Roche, Nutley, NJ, USA)")
    inside = _bracket_around(text, span.start, span.end)
    if inside is None or not re.search(r"[,;]", inside) or _CARE.search(inside):
        return False
    last = re.split(r"[,;]", inside)[-1].strip(" \t.").casefold()
    if last not in _COUNTRY_CODES and last not in country_names():
        return False
    before = text[max(0, span.start - len(inside) - 3) : span.start]
    return bool(_MAKER.search(inside) or re.search(r"[®™]\W*$", before)
                or any(_code_token(t) for t in inside.split()[:3]))


#: Nouns that make the name after them a storm's or an operation's ("Cyclone Phailin",
#: "Hurricane Katrina", "Tropical Storm Allison", "Operation Overlord"): a thing named like a
#: person, no one's personal data. (A ship's name is not among them: "USS Greer, FPO AP 03013"
#: is a sailor's address.)
_THING_NOUN = (r"(?:(?:Super[ \t]+)?(?:Cyclone|Hurricane|Typhoon|Tropical[ \t]+(?:Storm|Cyclone|"
               r"Depression)|Storm|Tornado|Blizzard|Operation)|"
               r"CYCLONE|HURRICANE|TYPHOON|STORM|OPERATION)")
_THING_START = re.compile(rf"{_THING_NOUN}[ \t]+(?=[A-Z])")
_THING_BEFORE = re.compile(rf"\b{_THING_NOUN}[ \t]+$")
_THING_NAME = re.compile(rf"\b{_THING_NOUN}[ \t]+([A-Z][\w'’-]*)")


@lru_cache(maxsize=8)
def _things_named_in(text: str) -> frozenset[str]:
    """The names that follow a storm's or an operation's noun anywhere in ``text`` (one pass
    per text: a string's hash is kept, so its later spans look it up for free)."""
    return frozenset(m.group(1) for m in _THING_NAME.finditer(text))


def _named_thing(text: str, span: Span) -> bool:
    """A model's or a list's name that a storm or an operation bears: it starts with or follows
    such a noun ("Cyclone Phailin", "Hurricane Katrina", "Operation Overlord"), or, anywhere
    else in the document, is a name that follows one there ("Phailin's winds will weaken" after
    "Cyclone Phailin"). A name after a title or role ("Dr. Katrina Lee") stays."""
    if not (needs_evidence(span) or span.source == "names:echo") or span.label == "NRP":
        return False
    value = text[span.start : span.end]
    start = _THING_START.match(value)
    name = value[start.end() :] if start is not None else value
    name = re.sub(r"['’]s$", "", name.split("\n")[0]).strip()
    if not name[:1].isupper():
        return False
    thing = (start is not None
             or _THING_BEFORE.search(text, max(0, span.start - 25), span.start) is not None
             or (len(name) >= 3 and name in _things_named_in(text)))
    return thing and not has_cue(text, span.start, span.end, span.label)


#: Greetings and thanks of other languages than English, which models read as names ("Kia ora
#: koutou", "Ngā mihi", "Namaskar trekkers!", "Fa'afetai tele lava"), folded; a greeting must
#: hold one of the first set, and its other words may be of the second (none a given name).
_GREETINGS = frozenset("""
    kia ora tena mihi namaste namaskar namaskaram vanakkam salaam assalamu alaikum aleikum
    shalom aloha mahalo talofa faafetai fa'afetai fa’afetai malo bula vinaka jambo habari asante
    sawubona dumela sannu ndewo mabuhay kumusta konnichiwa arigato annyeong annyeonghaseyo
    kamsahamnida merhaba hola gracias bonjour merci ciao grazie danke obrigado obrigada shukran
    dhanyavaad dhanyavad sawasdee selamat terima kasih kaabo spasibo marhaba ahlan sabaidee
    salamat
""".split())
_GREETING_WORDS = frozenset(
    "koutou katoa korua nga nui lava tele po pagi datang tack tusen".split())


def _greeting(text: str, span: Span) -> bool:
    """A model's name made of a greeting of another language than English (:data:`_GREETINGS`),
    or of the greeting's other words right after it ("koutou" of "Kia ora koutou"), with no
    cue: no one's name."""
    if not needs_evidence(span):
        return False
    words = _folded_words(text[span.start : span.end])
    before = _folded_words(line_before(text, span.start, 16))[-2:]
    return (bool(words) and any(w in _GREETINGS for w in words + before)
            and all(w in _GREETINGS or w in _GREETING_WORDS for w in words)
            and not has_cue(text, span.start, span.end, span.label))


#: Everyday words of other Englishes and of the languages mixed into them, which models read
#: as names in posts: dishes, dress, kin words that no name list holds, particles of pidgin,
#: Taglish, Hinglish and Spanglish ("best jollof in Peckham", "a plate of momos", "grabe ang
#: init"). Not words that are given names too ("Sana", "Lola", "Tito", "Nana") or holidays,
#: which are dates ("Diwali").
_WORLD_WORDS = frozenset("""
    jollof suya fufu egusi ugali chapati injera biryani momos samosa samosas dosa idli pozole
    tamales bigos pierogi pierniki agbada kente babcia ciocia abuela abuelo bhaiya didi mija mijo
    bunso grabe talaga naman yaar arre accha habibi yalla wallah inshallah mashallah mzee karibu
    eish braai bakkie craic eejit chisme orale andale wagwan mandem innit bruv chale periamma
    habibti alhaja alhaji plov medyo nanaman nyo mera ghar nahi
""".split())


def _world_words(text: str, span: Span) -> bool:
    """A model's or a list's name made only of :data:`_WORLD_WORDS`, with no cue."""
    words = _folded_words(text[span.start : span.end])
    return (needs_evidence(span) and bool(words) and all(w in _WORLD_WORDS for w in words)
            and not has_cue(text, span.start, span.end, span.label))


def _folded_words(text: str) -> list[str]:
    """The words of ``text``, without accents, case-folded."""
    return [fold(w).casefold() for w in re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", text)]


#: The transformer's confidence from which its name, place or organisation, when spaCy reports
#: the same one, is a name whatever its words ("Microsoft will eliminate", "Tim's real life").
AGREED_SCORE = 0.9


def agreed_names(spans: Sequence[Span], text: str = "") -> frozenset[tuple[int, int, str]]:
    """The (start, end, label) of the names, places and organisations that the transformer (at
    :data:`AGREED_SCORE` or more) and spaCy both report, with the same offsets and label; and,
    given the ``text``, of spaCy's person of several words that holds a shorter person of the
    transformer's, at any score ("ya do van quan" around its "van quan": a chat's name that
    spaCy read whole, which :func:`_unlisted_lower_case_phrase_of_spacy` must not drop)."""
    spacy = {(s.start, s.end, s.label) for s in spans
             if s.source.startswith("spacy:") and s.label in _CAPITALISED_LABELS}
    models = [s for s in spans if s.source.startswith(("hf_ner", "transformer"))]
    exact = {(s.start, s.end, s.label) for s in models
             if s.score >= AGREED_SCORE and (s.start, s.end, s.label) in spacy}
    around = {(start, end, label) for start, end, label in spacy
              if label == "PERSON" and " " in text[start:end].strip() and any(
                  m.label == "PERSON" and start <= m.start and m.end <= end
                  and m.end - m.start < end - start for m in models)}
    return frozenset(exact | around)


def _agreed_name(text: str, span: Span) -> bool:
    """Two models' capitalised name on a line of mixed case in a text that is not a clinical
    note: at the start of a sentence ("Tim's real life", "Microsoft will eliminate 18,000
    jobs") the capital says nothing, but two models that agree do. In clinical notes the
    models agree on drugs and devices too, and the lexicon decides."""
    return (text[span.start : span.start + 1].isupper()
            and not clinical_register(text)
            and letters_case(line_around(text, span.start, span.end)) == "mixed")


#: Laughter and spelled-out reactions, by shape ("Hahaha", "LMAOO", "Yasss").
_CHAT_SHAPES = re.compile(  # never two letters alone: "Ha", "He", "Oh", "Um" are surnames
    r"(?:(?:ha|he|ah){2,}h?|l+o+l+|l+m+f*a+o+|o+m+f*g+|w+t+f+|a+w{2,}|y+a+s{2,}|u+g+h+|r+o+f+l+)",
    re.IGNORECASE,
)


def chat_words_only(value: str) -> bool:
    """Whether ``value`` is made only of chat words or laughter ("OMFG", "Hahaha", "lmaoo")."""
    words = re.findall(r"[^\W\d_]+", value)
    return bool(words) and all(w.casefold() in CHAT_WORDS or _CHAT_SHAPES.fullmatch(w) is not None
                               for w in words)


#: The capitalised words of a hashtag ("ThrowbackThursday" -> "Throwback", "Thursday").
_CAMEL_PART = re.compile(r"[A-Z][a-z]+|[a-z]+|[A-Z]+(?![a-z])")


#: A match's hashtag: two sides' codes joined by "v" ("#INDvAUS", "#PAKvENG", "#LIVvsMCI").
_FIXTURE = re.compile(r"[A-Z]{2,4}vs?[A-Z]{2,4}")


def _hashtag_of_words(text: str, span: Span) -> bool:
    """A model's span that is a whole hashtag run together from two or more words of English
    ("#TheDress", "#ThrowbackThursday") or a match's ("#INDvAUS"): a topic, not a name. Not
    one that holds a word no dictionary lists in lower case, a listed name or a place
    ("#TeamVillarosa", "#StormBert", "#ManUnited", "#LeedsUnited")."""
    value = text[span.start : span.end]
    if value.startswith("#"):
        value = value[1:]
    elif text[max(0, span.start - 1) : span.start] != "#":
        return False
    if not value.isalpha() or re.match(r"\w", text[span.end : span.end + 1]):
        return False
    if _FIXTURE.fullmatch(value):
        return True
    parts = _CAMEL_PART.findall(value)
    return (len(parts) >= 2 and "".join(parts) == value
            and all(_listed_in_lower_case(p) and not is_listed_name(p)
                    and p.casefold() not in place_names() for p in parts))


def _agreed_lower_case_name(text: str, span: Span, words: Sequence[str]) -> bool:
    """Two models' name in lower case, outside clinical notes, whose every word is a listed name
    and no English word ("kendrick is the goat", "ok thx wei li"): in chat the capital that
    :func:`_agreed_name` asks for is missing, and the name lists stand in for it."""
    value = text[span.start : span.end]
    return (span.label == "PERSON" and value.islower() and not clinical_register(text)
            and all(is_listed_name(w) and not is_dictionary_word(w) for w in words))



#: Words of a link a transformer may take for a name ("https").
_LINK_WORDS = frozenset({"http", "https", "www"})


def _unlisted_word_outside_notes(text: str, span: Span, words: Sequence[str]) -> bool:
    """A transformer's find in a text that is no note
    (:func:`~redactor.detect.lexicon.note_register`: posts, news, judgments, whatever
    everyday words the clinical lists know) holding a word of three letters or more that no
    dictionary lists in lower case ("verizon", "putin", "tesco", "mtv", "#ohio"). Philter's
    whitelist, made from clinical notes, holds many such names and brands, which posts write
    in lower case; a chat word ("lmaooo"), a drug, a field label ("VIN") and a link's "https"
    are no such word."""
    if not span.source.startswith("hf_ner") or note_register(text):
        return False
    return any(len(w) >= 3 and not _listed_in_lower_case(w) for w in words)


def _listed_in_lower_case(word: str) -> bool:
    """A word of a link, of chat, of a form's labels, of clinical vocabulary, or one that GCIDE
    or Webster's lists in lower case (its plural too)."""
    folded = word.casefold()
    if folded in _LINK_WORDS or folded in CHAT_WORDS or folded in NOT_ENTITIES:
        return True
    if _CHAT_SHAPES.fullmatch(folded) is not None:
        return True
    return (is_technical_word(word) or is_dictionary_word(word)
            or any(w in lower_case_words() for w in (folded, folded.rstrip("s"))))


def ordinary_language(text: str, span: Span, *, agreed: bool = False) -> bool:
    """True when ``span`` should be dropped: it needs evidence, every word of it is English or
    clinical vocabulary, and nothing says it is a name.

    What says it is a name: a cue around it (:func:`has_cue`); being a listed country, US state
    or city, whatever label the model gave it; a capital letter in the middle of a sentence
    of mixed-case text, unless the words are technical vocabulary (drugs, devices, shorthand)
    that is capitalised anyway; outside clinical notes, both models reporting it (``agreed``:
    its offsets and label are among :func:`agreed_names`); and outside a note, the
    transformer's being sure of it (:func:`sure_model_name`).
    """
    if sure_model_name(text, span):
        return False
    if _named_thing(text, span) or _greeting(text, span) or _world_words(text, span):
        return True
    if needs_evidence(span) and chat_words_only(text[span.start : span.end]):
        return True  # "OMFG", "Hahaha", "Dude", "LMAOO": what a post says, not who
    if needs_evidence(span) and _hashtag_of_words(text, span):
        return True  # "#TheDress", "#ThrowbackThursday": a topic, not a name
    if span.source == "names:echo":
        return _lower_case_echo(text, span)
    if _maker_citation(text, span) or _word_after_by(text, span):
        return True
    if _words_after_a_cue_in_capitals(text, span):
        return True
    if not needs_evidence(span):
        return False
    value = text[span.start : span.end]
    words = words_of(value)
    if (_exclamation(text, span) or _demonym(text, span) or _figure(text, span)
            or _title_before_a_name(text, span)
            or _citation(text, span)
            or _nationality_or_faith(text, span) or _national_institution(text, span)
            or _car(text, span)
            or _piece_of_a_term(text, span) or _kin_before_a_name(text, span)
            or _kin_word_alone(span, words) or _care_role(words)
            or _lower_case_header(text, span) or _service(text, span)):
        return True
    if ((_biomedical_code(text, span) or _defined_abbreviation(text, span)
            or _clinical_result(text, span) or _counted_thing(text, span))
            and not has_cue(text, span.start, span.end, span.label)):
        return True
    if (_thing_in_a_note(text, span) or _shorthand_of_spacy_in_a_note(text, span)
            or _department(text, span, words) or _service_by(text, span)
            or _lower_case_word_in_a_note(text, span) or _lower_case_in_edited_prose(text, span)
            or ((_lone_lower_case_word_of_spacy(text, span, words)
                 or _unlisted_lower_case_phrase_of_spacy(text, span, words, agreed=agreed)
                 or _unlisted_lone_word_of_spacy_in_a_note(text, span, words, agreed=agreed))
                and not has_cue(text, span.start, span.end, span.label))
            or (_two_capitals_in_a_note(text, span, words)
                and not has_cue(text, span.start, span.end, span.label))):
        return True
    if _sure_of_english_words(text, span, value, words):
        return False
    if not words or not all(is_common_word(w) for w in words) or _named_street(text, span):
        return False
    if (span.label != "PERSON" and _header(text, span)
            and not INSTITUTION.fullmatch(words[-1]) and at_line_start(text, span.start)):
        return True  # a section's header, whatever word of an institution it holds ("HOSPITAL
        # COURSE:"), unless it ends in one ("MERCY HOSPITAL:"); a person's is a speaker's
    if has_cue(text, span.start, span.end, span.label):
        return False
    place = next((p for p in (value.casefold(), _DETERMINER.sub("", value).casefold())
                  if p in place_names() and p not in GRAMMAR_WORDS), "")  # not "Of", Turkey
    if place and (not value.islower() or place in country_names()) and not (
            place not in country_names()
            and all(is_technical_word(w) or w.isupper() for w in words)
            and not PLACE_PREPOSITION.search(line_before(text, span.start, 12))
            and clinical_register(text)):
        return False  # a place whatever the model says; a country in any case ("india"); not
        # a note's shorthand or word in capitals that is a town's name too ("LIMA-LAD" graft,
        # "HIDA scan", "GAP 28"), unless a preposition of place stands before it ("AT CVS IN
        # NORWOOD")
    if place and _town_after_a_preposition(text, span, place):
        return False
    if _header(text, span):
        return True
    if _acronym_of_an_organisation(text, span, words) or (
            agreed and (_agreed_name(text, span) or _agreed_lower_case_name(text, span, words))):
        return False
    if _unlisted_word_outside_notes(text, span, words):
        return False
    capitalised = words[0][:1].isupper() and words[-1][:1].isupper() and all(
        w[:1].isupper() or w in _NAME_JOINERS for w in words)  # "House of Commons"
    if capitalised and _mid_sentence(text, span.start) and not shouting(text, span.start, span.end):
        if _lone_word_of_spacy_in_a_note(text, span, words, agreed=agreed) or _role(span, words):
            return True
        return _technical_name(words)
    return True


#: The transformer's score from which its name or place outside a note stands against the
#: lexicon (:func:`sure_model_name`).
SURE_MODEL_SCORE = 0.97
#: A subject line's label right before a span: a topic, no name ("Re: Separation").
_SUBJECT_BEFORE = re.compile(r"(?i)\b(?:re|subject|fwd?)[ \t]*:[ \t]*$")


def sure_model_name(text: str, span: Span) -> bool:
    """A name or place the transformer is sure of (:data:`SURE_MODEL_SCORE`) outside a note,
    which stands though its words are English ("Curran's late strike", "D. Brown, flat 4",
    "now in boston"): capitalised, of four letters or more, with a listed name or a word no
    lexicon holds and not only clinical vocabulary, not in capitals ("Smt", "Do", "NICU NSG",
    "Bair Hugger" are not), or in lower case a listed place ("boston"; not "widow", "flat"); no
    car, nationality or subject line's topic ("2018 Nissan Rogue", "Re: Separation")."""
    if (not span.source.startswith("hf_ner") or span.score < SURE_MODEL_SCORE
            or span.label not in NAMEISH or note_register(text)):
        return False
    if (_car(text, span) or _SUBJECT_BEFORE.search(line_before(text, span.start, 12))
            is not None):
        return False
    value = text[span.start : span.end]
    if value.islower():
        return value.casefold() in place_names()
    words = words_of(value)
    return (value[:1].isupper() and len(value) >= 4 and not value.isupper()
            and not all(map(is_technical_word, words))
            and any(is_listed_name(w) or not is_common_word(w) for w in words)
            and not _nationality_or_faith(text, span))


#: How sure the transformer must be of a name, place or organisation made of English words for
#: it to stand in any text, a clinical note's too (:func:`_sure_of_english_words`).
SURE_OF_WORDS_SCORE = 0.95


def _sure_of_english_words(text: str, span: Span, value: str, words: list[str]) -> bool:
    """The transformer's name, place or organisation made of English or clinical words, which
    it is sure of (:data:`SURE_OF_WORDS_SCORE`) in any text, a note's included: a colleague
    whose name is a word ("LC FAITH IN TO ASSIST"), a home named in words ("FROM PALM GARDEN
    OF WINTER HAVEN"), a friend in lower case ("ahmed got extra tix").

    Not a word alone in lower case that no name list holds or the dictionary writes in lower
    case ("arose", "flat", "mark"); not two letters or fewer; not only clinical or technical
    vocabulary; not a header or a field's label (``tables.HEADERS``: "CORONER: NOT REFERRED",
    "Guarantor:"; an interview's speaker at a line's start is none: "Rose: I think..."); not
    a capital that starts a sentence of mixed case, which says nothing ("Reports came in",
    "Tim's real life": there both models must agree, :func:`_agreed_name`). The other rules
    of :func:`ordinary_language` (titles, kin, services, drugs in notes...) have run before
    it."""
    if not (span.source.startswith("hf_ner") and span.score >= SURE_OF_WORDS_SCORE
            and span.label in NAMEISH and len(value) >= 3
            and not all(map(is_technical_word, words))):
        return False
    if len(words) == 1 and value.islower() and (not is_listed_name(value)
                                                or value in lower_case_words()):
        return False
    header = _header(text, span)
    speaker = span.label == "PERSON" and header  # a name before a colon
    if header and not (speaker and at_line_start(text, span.start)
                       and not shouting(text, span.start, span.end)
                       and value.casefold() not in FIELD_HEADERS):
        return False  # only an interview's speaker stands before its colon
    return speaker or not (value[:1].isupper() and not _mid_sentence(text, span.start)
                           and letters_case(line_around(text, span.start, span.end)) == "mixed")


#: A street named in capitalised words of the dictionary, in mixed-case text: "Harbor Street
#: will be closed", "on Station Road" (a place, though its words are English).
_NAMED_STREET = re.compile(r"(?:[A-Z][a-z]+[ ]){1,2}(?:Street|Road|Avenue|Lane|Drive|Boulevard"
                           r"|Close|Crescent|Terrace|Square|Parade"
                           # a post writes the street's word in lower case: "on Broad street"
                           r"|street|road|avenue|lane|drive|crescent|terrace)")


def _named_street(text: str, span: Span) -> bool:
    """A model's place that is a street named in capitalised words, in mixed-case text ("Hollins
    Lane", "on Broad street")."""
    return (span.label == "LOCATION" and _NAMED_STREET.fullmatch(text, span.start, span.end)
            is not None and not shouting(text, span.start, span.end))


def _town_after_a_preposition(text: str, span: Span, place: str) -> bool:
    """A town in lower case after "in", "to", "from" or "near": one that is no word of the
    clinic, and no word of the dictionary or one it writes only capitalised, in any text ("at
    her mum's in rochdale", "transferred from brockton", "living in glasgow"); in lay text, a
    city of 200,000 people or more ("in istanbul for the first time"), one that is a word too
    ("reading", "nice") only of a million or more; and one of a million or more in any text but
    a note, however short ("flight to accra delayed")."""
    from redactor.detect.places import city_populations

    if PLACE_PREPOSITION.search(line_before(text, span.start, 12)) is None:
        return False
    if not is_technical_word(place) and (not is_dictionary_word(place)
                                         or place not in lower_case_words()):
        return True  # no word, or one that the dictionaries write only capitalised: a
        # proper noun ("glasgow", "accra"), not "reading", "bath" or "boston" (a card game)
    population = city_populations().get(place, 0)
    return ((population >= 200_000 and lay_register(text)
             and (population >= 1_000_000 or not is_dictionary_word(place)))
            or (population >= 1_000_000 and not note_register(text)))


#: Lower-case words inside a capitalised name ("House of Commons", "Transport for Wales").
_NAME_JOINERS = frozenset("of for and the on in de du la le von van".split())


#: Kin words a note writes before a relative's name in brackets ("Son (Mike) called").
_KIN = RELATIVES | {"friend"}


def _kin_before_a_name(text: str, span: Span) -> bool:
    """A model's person that is a kin word alone, before the relative's name in brackets: "Son
    (Mike) called" (the name in brackets is the person)."""
    return (text[span.start : span.end].casefold() in _KIN
            and re.match(r"[ \t]*\(", text[span.end : span.end + 3]) is not None)


#: What a family calls its own, which a model takes for a name ("Mum and Dad love you").
_KIN_ADDRESS = _KIN | FAMILY_ADDRESS


#: People around a patient or a writer, named by what they are ("Imam requested", "left with
#: neighbour Bill"): never a name where they stand alone, whatever label a model gave them.
_PEOPLE_AROUND = frozenset("""
neighbour neighbor neighbours neighbors imam chaplain pastor priest rabbi vicar reverend carer
carers caregiver landlord landlady flatmate housemate roommate interpreter keyworker shaman
healer husb fiance fiancee fiancé fiancée
""".split())
#: Who cares for a patient, named by their trade, which a model takes for a person after a
#: name and a comma or before one in brackets ("Ffion Mathias, Dietitian", "A. Okonkwo-Reid,
#: Clinical Pharmacist", "physio (Ciara)"); :data:`_CARE_ROLE_WORDS` go with them.
_CARE_ROLES = frozenset("""
physio physios physiotherapist physiotherapists dietitian dietitians dietician dieticians
pharmacist pharmacists nutritionist therapist therapists midwife midwives nurse nurses
doctor doctors consultant consultants paramedic paramedics physician physicians surgeon
surgeons psychologist psychiatrist podiatrist chiropodist optometrist audiologist radiographer
sonographer phlebotomist counsellor counselor coordinator liaison technician
""".split())
_CARE_ROLE_WORDS = frozenset("""
clinical senior junior staff charge community specialist registered student ward lead
principal advanced assistant occupational speech language social health district practice
mental renal diabetes stoma respiratory palliative tissue viability infection control
""".split())
#: Languages a note names for its interpreter, which a model takes for a person or a firm
#: alone ("PT FARSI SPEAKING", "KREYOL INTERPRETER USED"); nationalities are judged apart.
_LANGUAGES = frozenset("""
farsi dari pashto kreyol creole tagalog hmong khmer lao amharic tigrinya somali swahili
cantonese mandarin punjabi gujarati bengali urdu hindi nepali burmese twi yoruba igbo
hausa asl bsl
""".split())
#: Titles that a model takes for a person on their own ("attending Dr. Lindqvist" as "Dr").
_TITLES_ALONE = frozenset("dr drs mr mrs ms mx miss prof sr rev fr".split())


def _kin_word_alone(span: Span, words: list[str]) -> bool:
    """A model's PERSON that is one kin word or title alone, in any case: "Mum and Dad love
    you x", "Dr"; or one word of the people around someone ("Imam", "neighbour") or a language
    an interpreter speaks ("FARSI"), whatever its label."""
    if len(words) != 1:
        return False
    word = words[0].casefold()
    if word in _PEOPLE_AROUND or word in _LANGUAGES:
        return True
    return span.label == "PERSON" and (word in _KIN_ADDRESS or word in _TITLES_ALONE)


def _care_role(words: list[str]) -> bool:
    """A model's name made of a trade of care and its qualifiers, one of them a trade
    (:data:`_CARE_ROLES`): "Dietitian", "Clinical Pharmacist", "physio"; not "Nurse Ratched"."""
    folded = [w.casefold() for w in words]
    return (any(w in _CARE_ROLES for w in folded)
            and all(w in _CARE_ROLES or w in _CARE_ROLE_WORDS for w in folded))


def _role(span: Span, words: list[str]) -> bool:
    """A model's one word of :data:`~redactor.detect.lexicon.ROLE_WORDS`, whatever label it
    gave ("the Respondent" as a place, "(of Counsel)"), with no cue, as
    :func:`ordinary_language` asks before."""
    return len(words) == 1 and words[0].casefold() in ROLE_WORDS


#: Words a model often takes into a name before it: titles, greetings, imperatives, roles,
#: relatives, "I'm" ("DR. KOWALSKI", "Dear Baseer", "Call Raj Patel", "Customer Jane Doe",
#: "DAUGHTER LINDA", "SW Kelly", "I'm Maria Gonzalez"; a "Son" that is a name stays:
#: :func:`_given_name_son`).
#: Words that address or reach someone before their name, which a model takes in with it,
#: whatever label it gives ("Congratulations Priya", "Contact Ayesha at ...", "Call Raj Patel").
_ADDRESSING = r"congratulations|congrats|contact|call|e-?mail|ask|message"
#: A chat line's time before its sender, which a model takes into the sender's name ("22:44 -
#: Brian K: I've called the guards").
_CHAT_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[AaPp]\.?[Mm]\.?)?[ \t]*[-–—][ \t]*"
_LEADING_WORDS = re.compile(
    r"(?:(?:(?:dr|drs|mr|mrs|ms|miss|mx|" + "|".join(TITLES_ABROAD) + r"|prof|sir|dame|dear|hi|"
    r"hello|hey|tell|" + _ADDRESSING + "|"
    # kin titles of many languages ("Tito Boy", "maman Shirin", "Auntie Ngozi")
    r"tito|tita|kuya|maman|auntie|aunty|yiayia|grandma|grandpa|granny|abuela|abuelo|"
    r"text|ping|page|paged|thank|thanks|"
    r"customer|client|pt['’]s|patient['’]s|patient|pt|caller|user|member|agent|applicant|claimant|"
    r"defendant|"
    r"plaintiff|witness|employee|i['’]?m|i[ \t]+am|this[ \t]+is|meet|welcome|attn|cc|re|"
    r"son|daughter|wife|husband|sister|brother|mother|in[ \t-]law|electronically|signed|"
    r"father|mom|dad|mum|niece|nephew|aunt|uncle|cousin|grandson|granddaughter|friend|sw|cm|"
    r"grandmother|grandfather|neighbou?r|infant|chaplain|fr|visited|"  # "NEIGHBOR WINSTON"
    r"dtr|dau|husb|"  # a note's shorthand for kin ("DTR JOY WILL BE PRIMARY CONTACT")
    r"hcp|pcp|her|his|their|"  # a possessive before a role: "told her cm jill"
    r"baby[ \t]+(?:boy|girl)|"  # a newborn's note: "BABY BOY OLIVEIRA"
    # a credential that ended the line before ("KELLY, M.D.\nJRK/mlt")
    r"md|rn|np|phd|dds|pharmd|fnp|lcsw|msw)\b|m\.d\.|ph\.d\.)"
    r"[ \t,:.-]*|(?<=\.)\n"
    # a church's titles, never before a comma ("Pastor Odom will open with prayer", "Rev.
    # Mensah"; "BISHOP, ELEANOR MD" is a surname)
    r"|(?:pastor|rev|reverend|deacon|bishop|imam|rabbi|evangelist)\b\.?[ \t]+"
    # an elected office ("Councillor Ana Zec asked", "Cllr Hussain", "Mayor Okafor")
    r"|(?:ward[ \t]+)?(?:councillor|councilor|cllr|alderman|alderwoman|mayor|senator|governor)"
    r"\b\.?[ \t]+|" + _CHAT_TIME + ")+",
    re.IGNORECASE,
)


#: Words of moving and living a model takes into a place before its name ("LIVES IN FLORIDA",
#: "moved to Leeds", "flew in from Chicago").
_LEADING_PLACE_WORDS = re.compile(
    r"(?:(?:lives|lived|living|resides|resided|moved|moving|staying|stays|visiting|went|going|"
    r"flew|flying|in|to|from|at)\b[ \t]*)+",
    re.IGNORECASE,
)


#: Prepositions before a model's date ("in 1958", "on 3 May", "Class of 2024"; "the summer of"
#: stays).
_LEADING_DATE_WORDS = re.compile(
    r"(?i:(?:in|on|at|of|since|from|by|during|until|till|before|after|around|circa|day)"
    r"[ \t]+)+")  # ("Zosyn day 6/14": the day of a course, read with its number as a score)


#: A relative or a member of the care team before a note's "organisation" that is their
#: name ("SW Kelly", "DAUGHTER LINDA" read as an organisation).
_LEADING_ROLE_WORDS = re.compile(
    r"(?:(?:sw|cm|hcp|pcp|rn|np|son|daughter|wife|husband|sister|brother|mother|father"
    r"|grandmother|grandfather|neighbou?r|infant|" + _ADDRESSING
    + r"|electronically|signed|(?:mr|mrs|ms|" + "|".join(TITLES_ABROAD) + r")\.?)[ \t]+|"
    + _CHAT_TIME + ")+",
    re.IGNORECASE)  # "Electronically Signed LEE , AN"; spaCy's "organisation" "Mdm Lim"


#: What a model takes in before an entity, by label.
_LEADING = {"PERSON": _LEADING_WORDS, "LOCATION": _LEADING_PLACE_WORDS,
            "DATE": _LEADING_DATE_WORDS, "ORGANIZATION": _LEADING_ROLE_WORDS}


#: A title inside a model's person, after other words ("APS DR CHOI", "Cardiology Dr. Ruiz"):
#: the name starts after it.
_INNER_TITLE = re.compile(r"(?<=[ \t])(?:Dr|DR|Mr|MR|Mrs|MRS|Ms)\.?[ \t]+(?=[^\W\d_])")


def trim_leading_words(text: str, span: Span, *, exact: bool = False) -> Span:
    """A PERSON span without the title, imperative, role word or "I'm" a model took in before
    the name (and without what stands before a title inside it), a LOCATION span without the
    words of living or moving before the place, a DATE without the preposition before it ("in
    1958": generalised to its year, it had lost the "in"; alone, a year is no date the policy
    changes); the span itself when there is none (or nothing would be left), or when the span
    is ``exact`` (its recognizer's spans are:
    :meth:`redactor.detect.engine.Engine.is_exact`)."""
    words = _LEADING.get(span.label)
    if words is None or exact:
        return span
    if span.label in ("PERSON", "ORGANIZATION"):  # a service or role before the title: "APS
        # DR CHOI", spaCy's "organisation" "Visited Mr MacLeod"
        title = _INNER_TITLE.search(text, span.start + 1, span.end)
        if title is not None and title.end() < span.end:
            span = replace(span, start=title.end())
    match = words.match(text, span.start, span.end)
    if match is None or match.end() >= span.end or not text[match.end()].isalnum():
        return span
    if _given_name_son(text, match, span.end):
        return span
    return replace(span, start=match.end())


def _given_name_son(text: str, match: re.Match[str], end: int) -> bool:
    """A "Son" that is a name, not a relative: the patient's ("Pt Son Lam"), a field's
    ("NAME: SON SOO-JIN"), a "Last, First" pair's ("SON, MIN-SEO"), a signature's ("SON PHAN,
    RN"), or before a Korean given name ("Son Ye-jin") or a surname that is no given name
    ("Son Nguyen"; "Son Michael" is kin)."""
    if re.search(r"(?i)\bson[ \t,:.-]*$", match.group()) is None:
        return False
    before = line_before(text, match.start(), 12)
    if (re.search(r"(?i)\b(?:pt|patient|mr|ms|mrs)\.?[ \t]*$", before)
            or (re.search(r":[ \t]*$", before) and not match.group()[:1].islower())
            or "," in match.group() or _CUE_AFTER.match(text[end : end + 12])):
        return True  # ("HCP: son Walter": in lower case after a label, a relative)
    following = re.match(r"[^\W\d_][\w'’-]*", text[match.end() : end])
    word = following.group().title() if following else ""
    return "-" in word or (word in family_names() and word not in given_names())


#: The last word of a model's "name" that makes it an instrument, device or disease named
#: after a person ("Foley Catheter", "Potts Elevator", "Moya Moya disease").
_EPONYM_LAST = re.compile(
    r"(?i)(?:catheters?|fascia|elevator|dissector|needle|blade|forceps|retractors?|clamps?|"
    r"resectoscope|dressing|syndrome|disease|palsy|sign|maneuver|reflex|stain|sutures?)"
)
#: A structure named after a person, before "of" and the name ("line of Toldt", "space of
#: Retzius", "pouch of Douglas"), and a solution's or a test's word before it ("lactated
#: Ringer's", "modified Allen's").
_EPONYM_BEFORE = re.compile(
    r"\b(?:line|space|pouch|fascia|canal|ligament|triangle|angle|duct|loop|circle|ampulla|"
    r"sphincter|tubercle|foramen|island|islets|crypts?|node|organ|ducts)[ \t]+of[ \t]+$"
    r"|\bfascia[ \t]+$"  # "tensor fascia lata"
    r"|\b(?:lactated|modified)[ \t]+$",  # "lactated Ringer's", "modified Allen's test"
    re.IGNORECASE,
)


#: What follows a name used as the name of a test, sign, procedure or organism: a clinical
#: noun, perhaps after one lower-case word ("Beighton hypermobility scale", "Goldmann
#: applanation tonometry", "Ivor-Lewis esophagectomy", "Epstein–Barr virus", "Nocardia
#: infection"), or a species' Latin epithet ("Streptococcus pneumoniae", "Staphylococcus
#: aureus"). A possessive before a lower-case word is a person's ("Smith's blood test").
_CLINICAL_AFTER = re.compile(
    r"^(?:[ \t]+(?!(?:was|is|has|had|and|or|to|the|his|her|their|with|in|on|at|by|for|of|"
    r"from|who|which|that)\b)[a-z][a-z-]*(?<!ed)(?<!ing)(?<![^s]s)){0,2}[ \t]+"
    r"(?:scale|score|test|sign|syndrome|criteria|classification|stain(?:ing)?|"
    r"[a-z]*(?:ectomy|otomy|ostomy|plasty|scopy|metry|graphy)|"
    # a device and what it is made of ("SynchroMed pump catheter", "Tessio catheters",
    # "Yankauer suction", "Toronto stentless porcine valve")
    r"catheters?|pumps?|suction|valves?|implants?|applicators?|prosthes[ie]s|"
    r"bioprosthesis|occluders?|stents?|material|dissection|"
    # a stitch, splint, taper or sponge named after its maker ("Heaney stitch", "Doyle
    # splints", "Morse taper", "Kennedy Merocel sponges", "tailor bunion deformity")
    r"stitch(?:es)?|splints?|taper|sponges?|deformity|"
    # a bandage, incision or cannula named after its maker ("Esmarch bandage", "Pfannenstiel
    # skin incision", "Viscoat cannula")
    r"bandages?|incisions?|cannulas?|tourniquets?|retractors?|clamps?|drapes?)\b"
    r"|^[ \t]+(?:virus|infections?|spp\.?|sp\.|species)\b"
)
#: Devices that are also everyday things, named after their maker in a note ("Falope rings").
_NOTE_DEVICE_AFTER = re.compile(r"^(?:[ \t]+[a-z][a-z-]*){0,1}[ \t]+(?:rings?|wraps?)\b")
#: A species' Latin epithet after its genus; the genus must be a word of the lexicon
#: ("Streptococcus" is, "Chris" of "Chris davis" is not).
_EPITHET_AFTER = re.compile(r"^[ \t]+[a-z]{3,}(?:ae|ii|us|um|is|ensis)(?=[\s,.;:)])")
#: What follows a body's or a place's name used as the name of its scale or staging ("Eastern
#: Cooperative Oncology Group performance status", "NYHA (New York Heart Association) class
#: II", "Glasgow Coma Scale").
_SCALE_AFTER = re.compile(
    r"^(?:[ \t]+(?:[A-Z][\w-]*|of|on|for|and))*\)?(?:[ \t]*\([A-Z]{2,6}\))?[ \t]+"
    r"(?:performance[ \t]+status|(?:functional[ \t]+)?class(?![ \t]+of)|staging|"
    r"classification|criteria|[Ss]cale)\b"
)

#: Recognizers besides the models whose organisation or place may be a scale's body.
_SCALE_SOURCES = ("pattern:org", "pattern:facility", "places:")


def clinical_name(text: str, span: Span) -> bool:
    """A model's or a list's name, or an organisation pattern's name, used as the name of a
    test, sign, procedure, organism or clinical scale (see ``_CLINICAL_AFTER`` and
    ``_SCALE_AFTER``; in a note in capitals the words after it are read in lower case), with
    no cue around it that says it is a person."""
    after = text[span.end : span.end + 60]
    if span.label in ("ORGANIZATION", "LOCATION") and _SCALE_AFTER.match(after) and (
            needs_evidence(span) or span.source.startswith(_SCALE_SOURCES)):
        return True
    if not needs_evidence(span) and span.source != "names:echo":
        return False
    if shouting(text, span.start, span.end):  # "ROBINSON CATHETERS", "HEANEY STITCH"
        after = after.lower()
    species = (_EPITHET_AFTER.match(after) is not None
               and is_common_word(text[span.start : span.end]))
    # a ring or a wrap is a device's only in a clinical note ("Falope rings"; "Vera Wang
    # engagement ring" is the designer's)
    device = _NOTE_DEVICE_AFTER.match(after) is not None and clinical_register(text)
    if not (species or device or _CLINICAL_AFTER.match(after)):
        return False
    return not has_cue(text, span.start, span.end, span.label)


def eponym(text: str, span: Span) -> bool:
    """A model's or a name list's name used as the name of a thing: followed by "disease",
    "sign", "catheter", "fascia" ... ("Wilson disease", "Murphy's sign", "Potts elevator"), or
    ending in such a word ("Foley Catheter"), or after "line of" / "space of" ("line of
    Toldt")."""
    from redactor.detect.spacy_ner import EPONYM_AFTER

    if clinical_name(text, span):
        return True
    value = text[span.start : span.end]
    words = value.split()
    if not needs_evidence(span) and span.source != "names:echo":
        return span.source.startswith("places:") and _device_of_the_note(text, span, words)
    if EPONYM_AFTER.match(text[span.end : span.end + 40]):
        return True
    if len(words) >= 2 and _EPONYM_LAST.fullmatch(words[-1]):
        return True
    if _EPONYM_BEFORE.search(text[max(0, span.start - 30) : span.start]) is not None:
        return True
    return _device_of_the_note(text, span, words) or _scale_of_the_note(text, span, words)


#: Devices a note names by their maker alone, with no noun after ("FOLEY DRAINING CLEAR
#: URINE", "Swan pulled", "Hickman site clean"): surnames elsewhere, the device in a note.
_DEVICES_BY_NAME = frozenset("foley swan swan-ganz hickman broviac groshong quinton penrose "
                             "dobhoff yankauer blakemore tenckhoff".split())


#: Scales a note names by their author alone, with their value after ("BRADEN 14", "BERG
#: 41/56", "FINNEGAN 6, 9, 7", "Morse 45"): surnames elsewhere, a score in a note.
_SCALES_BY_NAME = frozenset("braden morse berg finnegan norton waterlow apgar apgars glasgow "
                            "ramsay barthel tinetti aldrete mallampati karnofsky ranson "
                            "bishop".split())
#: A score's value after its scale's name: a number or a fraction, no phone's or date's digits
#: ("FINNEGAN SCORES 6, 9, 7"; "Harry Kane scores again" is a footballer's).
_SCORE_VALUE = re.compile(r"[ \t]*(?P<word>(?i:scores?|scale)[ \t]*)?(?:[:=][ \t]*)?"
                          r"\d{1,2}(?P<of>/\d{1,3})?(?:-\d{1,2})?(?![\d/-])")


def _scale_of_the_note(text: str, span: Span, words: list[str]) -> bool:
    """One word that names a clinical scale before its value: a score's fraction or the word
    "score" after it in a text not in lay language ("BERG 41/56", "FINNEGAN SCORES 6"), a bare
    number in a clinical note ("BRADEN 14"; "Berg 41 minutes in" is a footballer's)."""
    if len(words) != 1 or words[0].lower() not in _SCALES_BY_NAME:
        return False
    value = _SCORE_VALUE.match(text, span.end)
    if value is None:
        return False
    if value.group("word") or value.group("of"):
        return not lay_register(text)
    return note_register(text)


def _device_of_the_note(text: str, span: Span, words: list[str]) -> bool:
    """One word that names a device, a sign or a test elsewhere in the same clinical note: "a
    20-French Foley catheter ... The Foley was then inflated", "straight Ochsner clamps ...
    Two straight Ochsner's", in any case; or a device a note names by its maker alone ("FOLEY
    DRAINING", "Foley patent", with the shorthand after it in lower case: "foley d/c'd"). A
    cue ("Mr. Foley") keeps it."""
    value = text[span.start : span.end]
    first, _, rest = value.partition(" ")
    if rest and rest.islower() and first.casefold() in _DEVICES_BY_NAME:  # "foley d/c'd"
        value, words = first, [first]
    name = re.sub(r"['’][sS]?$", "", value).casefold()
    return (len(words) == 1 and (name in _DEVICES_BY_NAME or name in _eponyms_in(text))
            and note_register(text)
            and not has_cue(text, span.start, span.end, span.label))


_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][A-Za-z]+(?:-[A-Z][A-Za-z]+)?(?![\w-])")


@lru_cache(maxsize=8)
def _eponyms_in(text: str) -> frozenset[str]:
    """The capitalised words (case-folded) that a clinical noun follows somewhere in ``text``
    ("Foley" of "Foley catheter", "OCHSNER" of "OCHSNER CLAMPS"): the names of things there."""
    from redactor.detect.spacy_ner import EPONYM_AFTER

    out = set()
    for m in _CAPITALISED.finditer(text):
        after = text[m.end() : m.end() + 40]
        if EPONYM_AFTER.match(after.lower() if m.group().isupper() else after):
            out.add(m.group().casefold())
    return frozenset(out)


#: Recognizers whose span confirms a spaCy name in a note written in capitals: the uncased
#: transformer (capitals change nothing for it), the patterns, the cued name rules.
_CONFIRMING = ("hf_ner", "transformer", "pattern", "names:")
#: Name rules that confirm nothing: they read capitals as badly as spaCy ("AS WERE").
_UNCONFIRMING = ("names:lists", "names:given", "names:echo")


def spacy_in_capitals(text: str, span: Span) -> bool:
    """Whether ``span`` is spaCy's name, place or organisation on a line written in capitals."""
    return (span.source.startswith("spacy:") and span.label in NAMEISH
            and shouting(text, span.start, span.end))


def unconfirmed_in_capitals(text: str, span: Span, others: Sequence[Span]) -> bool:
    """True when ``span`` should be dropped: spaCy's name, place or organisation in a clinical
    note (:func:`redactor.detect.lexicon.note_register`, which the caller checks) written
    in capitals, where spaCy (trained on mixed case) takes verbs and instrument names for
    names ("THE AMPULLAE WERE MOBILIZED", "A KITNER WAS USED"), that no other recognizer
    found, with no cue around it, no place's name, and no listed given name or surname in it
    but one that is a word too ("STRONG NONPROD COUGH", "WILL REOFFER W/ PM DOSE")."""
    if not spacy_in_capitals(text, span):
        return False
    for other in others:
        if (other.start < span.end and span.start < other.end
                and other.source.startswith(_CONFIRMING)
                and not other.source.startswith(_UNCONFIRMING)):
            return False
    if has_cue(text, span.start, span.end, span.label):
        return False
    value = text[span.start : span.end]
    if _DETERMINER.sub("", value).casefold() in place_names():
        return False
    if _SAINTS_PLACE.search(value) and not _SAINTS_HERB.match(text, span.end):
        return False  # "TRANSFER TO ST. ISIDORE'S", "FROM SAINT ANNE'S"
    return not any(is_listed_name(w) and not is_common_word(w) for w in words_of(value))


#: A place named for a saint: a hospital, a home, a church or a school ("ST. ISIDORE'S", "ST.
#: AGNES", "SAINT LUKE'S", "ST BRENDAN'S"; not "ST ELEVATION", sinus rhythm's "ST 110S").
_SAINTS_PLACE = re.compile(r"(?<![\w.])(?:(?:ST\.|SAINT)[ \t]+[A-Z][A-Z-]+"
                           r"|ST[ \t]+[A-Z][A-Z-]+['’]S\b)")
#: ... but St John's wort, a herb.
_SAINTS_HERB = re.compile(r"(?i)[ \t]+wort\b")


#: Labels whose model spans are fitted to their capitalised words.
_CAPITALISED_LABELS = frozenset({"PERSON", "LOCATION", "ORGANIZATION"})
#: Lower-case words that belong to a name at its edge ("van Gogh", "de la Cruz", "bin Salman"):
#: never trimmed off, though some are English words.
_NAME_PARTICLES = frozenset("""
a al ap bin ben ibn d da das de del della der di do dos du e el het la las le les lo los mac
mc san st ste ter ten van vander von y zu
""".split())
#: Nouns that end a name in informal writing, where a name's head word is often left in lower
#: case ("Zac brown band", "the Coen brothers", "Kayangan lakes", "Joe's pizza"): never
#: trimmed off a name's end.
_NAME_HEADS = frozenset("""
band bands brothers bros sisters family boys girls crew gang club team fc united
lake lakes river rivers creek mountain mountains mount hill hills island islands bay beach
falls valley park street st road rd avenue ave lane square bridge tower towers city county
airport station hall church school college academy institute university hospital clinic
center centre museum
library theatre theater stadium arena mall market restaurant cafe bar pub hotel inn pizza
company co inc corp group records studios
""".split())
#: A token of a span: its characters up to the next whitespace.
_TOKEN = re.compile(r"\S+")


def _common_lower(token: str, *, leading: bool) -> bool:
    """A lower-case English or clinical word, no name particle ("lodged", "with", "the"); at a
    name's end no head noun ("band") and no listed name ("paul walker"), at its start no short
    word or listed name, which may be a name written in lower case ("bo Burnham")."""
    word = token.strip(_TOKEN_EDGE)
    if not (word and word.isalpha() and word.islower()) or word in _NAME_PARTICLES:
        return False
    if word in FUNCTION_WORDS:
        return True
    if (leading and len(word) < 4) or is_listed_name(word):
        return False
    return (leading or word not in _NAME_HEADS) and is_common_word(word)


def _chat_token(token: str) -> bool:
    """A word of chat in lower case, drawn out or not ("lmao", "lmaooo", "omg"), that no name
    list holds."""
    word = token.strip(_TOKEN_EDGE)
    return (word.isalpha() and word.islower() and not is_listed_name(word)
            and chat_words_only(word))


def _capitalised(token: str) -> bool:
    """A token that starts with a capital letter or a digit ("Turkey", "O'Neill", "7-Eleven")."""
    word = token.lstrip(_TOKEN_EDGE)
    return bool(word) and (word[0].isupper() or word[0].isdigit())


#: Punctuation a model takes in at a name's edges ("- Mercy Valley Hospital", "Smith:"); a
#: comma after a name may be inside a firm's ("Phillips, Simmons and Villarreal") and stays.
_LEADING_MARKS = " \t-–—,;:*•>"
_TRAILING_MARKS = " \t-–—:"


#: Types whose value is one token of letters and digits, maybe joined by "-", "/" or ".".
_TOKEN_LABELS = frozenset({
    "MEDICAL_RECORD_NUMBER", "ID_NUMBER", "ACCOUNT_NUMBER", "HEALTH_PLAN_ID", "LICENSE_NUMBER",
    "VEHICLE_ID", "DEVICE_ID", "BIOMETRIC_ID", "US_SSN", "US_ITIN", "US_NPI", "ZIP_CODE",
    "PHONE_NUMBER", "FAX_NUMBER",
})  # fmt: skip
_JOINERS = "-/."


def extend_to_whole_token(text: str, span: Span, *, exact: bool = False) -> Span:
    """A model's identifier, phone or ZIP over the whole token it ends or starts in: "311-52-09-"
    of "311-52-09-7" left the "7" in the text. A joiner ("-", "/", ".") is crossed between
    letters or digits only; the span itself when nothing is added or it is ``exact``. A model's
    date that is a piece of a day and month too (:func:`~redactor.detect.validity.piece_of_a_date`:
    the transformer labels "/14" of "3/14", BERT's words being "3", "/", "14")."""
    if exact or not span.source.startswith(_MODEL_SOURCES):
        return span
    if span.label not in _TOKEN_LABELS and not (
            span.label == "DATE" and piece_of_a_date(text, span.start, span.end)):
        return span
    start, end = span.start, span.end
    # a span that starts or ends inside a token (a letter, a digit or a joiner at its edge)
    while 0 < start < end and (text[start].isalnum() or text[start] in _JOINERS) and (
            text[start - 1].isalnum() or (text[start - 1] in _JOINERS and start > 1
                                          and text[start - 2].isalnum())):
        start -= 1
    while start < end < len(text) and (text[end - 1].isalnum() or text[end - 1] in _JOINERS) and (
            text[end].isalnum() or (text[end] in _JOINERS and end + 1 < len(text)
                                    and text[end + 1].isalnum())):
        end += 1
    if (start, end) == (span.start, span.end):
        return span
    return replace(span, start=start, end=end)


def _symbol(char: str) -> bool:
    """An emoji or another symbol, or what joins and styles one (a flag's letters, "❤️"'s
    variation selector, the joiner of a family's emoji): no letter of a name."""
    return char in "\ufe0f\ufe0e\u200d" or unicodedata.category(char) in ("So", "Sk")


def trim_punctuation_edges(text: str, span: Span, *, exact: bool = False) -> Span:
    """A model's name, place, organisation or date without the dashes, colons, bullets and
    emoji at its edges (and commas and a word's full stop before it: "M.D. 09/22/2004" lost its
    "." to the date; "jollof 🥹❤️" its emoji); the span itself when it is ``exact`` or nothing
    would be left."""
    if exact or (span.label not in NAMEISH and span.label != "DATE"):
        return span
    start, end = span.start, span.end
    # a hyphen that joins the span to a word outside it stays ("-Parker" of "Jimenez-Parker")
    # a full stop before a space ends the word before ("v. POLAND"); ".NET" keeps its own
    while start < end and (text[start] in _LEADING_MARKS or text[start : start + 2] in (". ", ".\t")
                           or _symbol(text[start])
                           ) and not (text[start] == "-" and start and text[start - 1].isalnum()):
        start += 1
    while end > start and (text[end - 1] in _TRAILING_MARKS or _symbol(text[end - 1]) or (
            span.label == "DATE" and text[end - 1] == ",")) and not (
            text[end - 1] == "-" and end < len(text) and text[end].isalnum()):
        end -= 1
    if start == end or (start, end) == (span.start, span.end):
        return span
    return replace(span, start=start, end=end)


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_LINE_BREAK = re.compile(r"[ \t]*\r?\n(?:[ \t]*\r?\n)*")
#: What ends a date: a blank line, or a line break before a numbered paragraph ("on 2 April
#: 2004.\n7. On 15 September": the "7" is no part of the date).
_DATE_BREAK = re.compile(rf"{_PARAGRAPH_BREAK.pattern}|\n(?=[ \t]*\d{{1,3}}\.[ \t])")
#: Words of three letters or more that a full stop abbreviates inside a name ("Mrs. Haas",
#: "Prof. Eastman", "Chas. Dickens").
_NAME_ABBREVIATIONS = (
    "atty", "benj", "bros", "capt", "chas", "cmdr", "col", "cpl", "dott", "dra", "esq", "gen",
    "geo", "gov", "hon", "ing", "insp", "jas", "jos", "maj", "mgr", "mlle", "mme", "mrs",
    "msgr", "pres", "prof", "pvt", "rep", "rev", "sen", "sgt", "sra", "srta", "ste", "supt",
    "thos",
)  # fmt: skip
#: A sentence's end: a full stop after a word of three letters or more that abbreviates
#: nothing, before the next word ("Dr Papadakis. NPO after MN": "NPO" is no part of the name).
_SENTENCE_END = re.compile(
    r"(?i:(?<=[^\W\d_]{3})" + "".join(rf"(?<!\b{word})" for word in _NAME_ABBREVIATIONS)
    + r")[ \t]?\.[ \t]+(?=[^\W\d_])")  # a dictated report's tokens: "his wife , Mei . VNA"
#: What ends a person's name: a line break, the semicolon between the entries of a list
#: ("Attendees: He, Yan; Brown, Alice"), or a sentence's end.
_PERSON_BREAK = re.compile(rf"{_LINE_BREAK.pattern}|[ \t]*;[ \t]*|{_SENTENCE_END.pattern}")


def split_at_paragraph_breaks(text: str, span: Span, *, exact: bool = False) -> list[Span]:
    """A model's span that runs over a blank line, as one span per paragraph (without the
    blank lines, and without a sentence's full stop after a number); a person's or an
    organisation's over any line break, one per line (a person's also at a list's semicolon);
    the span itself when it stays in one paragraph (line) or is ``exact``. No entity runs
    from one paragraph into the next: "20 January 1997.\n\n7. In the summer", taken whole,
    lost the next paragraph's number and the break to the year it was generalised to; "Fami
    Tarhan\nDavis-Roberts" (a name, then an employer on the next line) lost the line break,
    and "NHLANHLA J. SIGEGEDE\nHOSPITAL" took in the next line's word."""
    if exact:
        return [span]
    # (read a little past the span's end: a break's lookahead sees the next line's "7.")
    near = text[span.start : span.end + 8]
    if "\n" not in near and (span.label != "PERSON" or ("." not in near and ";" not in near)):
        return [span]  # (cheap: every break holds a line break, but a person's own ones)
    breaks = {"PERSON": _PERSON_BREAK, "ORGANIZATION": _LINE_BREAK,
              "DATE": _DATE_BREAK}.get(span.label, _PARAGRAPH_BREAK)
    inside = [b for b in breaks.finditer(text, span.start, span.end + 8)
              if b.start() < span.end]
    if not inside:
        return [span]
    pieces, pos = [], span.start
    for brk in inside:
        pieces.append((pos, brk.start()))
        pos = min(brk.end(), span.end)
    pieces.append((pos, span.end))
    out = []
    for start, end in pieces:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end - start >= 2 and text[end - 1] == "." and text[end - 2].isdigit():
            end -= 1
        piece = text[start:end]
        # a date's piece needs a number ("To Whom It May Concern" after "August 3, 2017"), a
        # name's more than words of the dictionary in lower case ("Declares himself emperor"
        # before "Emperor Joshua Norton")
        if span.label == "DATE":
            kept = any(c.isdigit() for c in piece)
        elif start > span.start and text[start - 2 : start].strip() == "." and re.fullmatch(
                r"[A-Z]{2,5}s?", piece):
            kept = False  # shorthand that starts the next sentence: "Mr Hakimi. TTOs to be"
        else:
            words = words_of(piece)
            kept = any(c.isalnum() for c in piece) and not (
                span.label in NAMEISH and words and piece.islower()
                and all(is_dictionary_word(w) for w in words))
        if kept:
            out.append(replace(span, start=start, end=end))
    return out


def trim_lower_case_edges(text: str, span: Span, *, exact: bool = False) -> Span:
    """A model's person, place or organisation without the lower-case English words it ran into
    at either edge ("Republic of Turkey lodged" -> "Republic of Turkey", "Norton summoned" ->
    "Norton", "the Bay of Bengal" -> "Bay of Bengal"), when what is left starts and ends with a
    capital, or is a listed name the span starts with ("Wait simon wears glasses" -> "simon"),
    and the line is not written in lower case (where "son tom called" keeps its words for the
    other rules). Words of chat at either edge go in any line ("Pilar lmaooo", "lmao jake").
    Name particles stay ("van Gogh"); the span itself when nothing is trimmed, nothing would be
    left, or the span is ``exact``."""
    if (exact or span.label not in _CAPITALISED_LABELS
            or not span.source.startswith(_MODEL_SOURCES)):
        return span
    tokens = list(_TOKEN.finditer(text, span.start, span.end))
    first, last = 0, len(tokens)
    while last > first + 1 and _chat_token(tokens[last - 1].group()):
        last -= 1
    while first + 1 < last and _chat_token(tokens[first].group()):
        first += 1
    if (first, last) != (0, len(tokens)):
        span = replace(span, start=tokens[first].start(), end=tokens[last - 1].end())
        tokens = tokens[first:last]
        first, last = 0, len(tokens)
    while last > first and _common_lower(tokens[last - 1].group(), leading=False):
        last -= 1
    while first < last and _common_lower(tokens[first].group(), leading=True):
        first += 1
    if last <= first or (first == 0 and last == len(tokens)):
        return span
    core = [m.group() for m in tokens[first:last]]
    lone_name = len(core) == 1 and first == 0 and is_listed_name(core[0].strip(_TOKEN_EDGE))
    if not (lone_name or (_capitalised(core[0]) and _capitalised(core[-1]))):
        return span
    if letters_case(line_around(text, span.start, span.end)) == "lower":
        return span
    return replace(span, start=tokens[first].start(), end=tokens[last - 1].end())


_NEXT_NAME_WORD = re.compile(r"[ \t]+([^\W\d_][\w'’-]*)")


def complete_after_particle(text: str, span: Span, *, exact: bool = False) -> Span:
    """A person's span that ends with a surname's particle, over the word after it: "sven de"
    of "case manager: sven de wit" -> "sven de wit"; the span itself otherwise."""
    if exact or span.label != "PERSON":
        return span
    last = text[span.start : span.end].rsplit(None, 1)
    after = _NEXT_NAME_WORD.match(text, span.end)
    if len(last) < 2 or not ends_no_name(last[1]) or after is None:
        return span
    return replace(span, end=after.end(1))


#: An office or rank that edited prose writes before a name as part of how it names the
#: person ("Professor Eastman says", "Secretary Cardona invoked"): a courtesy title ("Dr",
#: "Mr") is no part of a name, and a clinical note's "Dr" is never taken in.
_OFFICE_BEFORE = re.compile(
    r"(?:Professor|Secretary|President|Senator|Governor|Minister|Chancellor|General|Colonel"
    r"|Captain|Lieutenant|Sergeant|Inspector|Ambassador|Commissioner|Mayor)[ ]$")


def extend_over_office(text: str, span: Span, *, exact: bool = False) -> Span:
    """A model's person in edited prose over the office or rank right before it ("Eastman" of
    "Professor Eastman says"), as the press and the web name people; the span itself
    otherwise."""
    if exact or span.label != "PERSON" or not text[span.start : span.start + 1].isupper():
        return span
    office = _OFFICE_BEFORE.search(text, max(0, span.start - 14), span.start)
    if office is None or not edited_prose(text):
        return span
    return replace(span, start=office.start())


#: A word that ends a place's or a firm's name, after a name a model found without it:
#: places of care and worship (a place under Safe Harbor), then firms.
_PLACE_ENDINGS = ("Pharmacy", "Hospital", "Clinic", "Hospice", "Church", "Parish", "Mosque",
                  "Temple", "Synagogue", "Cathedral", "Chapel")
_FIRM_ENDINGS = ("Foods", "Motors", "Bank", "Insurance", "Foundation", "School", "College",
                 "University", "Academy")  # (legal forms: the org_suffix pattern's)
_PLACE_ENDINGS_FOLDED = frozenset(w.casefold() for w in _PLACE_ENDINGS)
_ENDING_AFTER = re.compile(
    r"(?:['’][sS])?[ ](?P<word>(?P<title>" + "|".join(_PLACE_ENDINGS + _FIRM_ENDINGS) + ")|"
    + "|".join(w.upper() for w in _PLACE_ENDINGS + _FIRM_ENDINGS) + r")(?![\w'’-])")


def extend_over_name_ending(text: str, span: Span, *, exact: bool = False) -> Span:
    """A model's person, place or organisation over the word after it that ends the name of a
    place or a firm, in the span's case: "TYSON" of "TYSON FOODS PLANT", "ST. PETER" of "ST.
    PETER'S CHURCH" (then a place, or an organisation); the span itself otherwise."""
    if exact or span.label not in ("PERSON", "LOCATION", "ORGANIZATION"):
        return span
    value = text[span.start : span.end]
    match = _ENDING_AFTER.match(text, span.end)
    if match is None or not value[-1:].isalpha() or not value[:1].isupper():
        return span
    if (match.group("title") is None) != value.isupper():
        return span  # "MERCY HOSPITAL", "Mercy Hospital"; not "Mercy HOSPITAL"
    place = match.group("word").casefold() in _PLACE_ENDINGS_FOLDED
    return replace(span, end=match.end(), label="LOCATION" if place else "ORGANIZATION")


def trim_sentence_verbs(text: str, span: Span, *, exact: bool = False) -> Span:
    """A model's person written all in capitals or all in lower case in a clinical note, without
    the words of the sentence it ran into after the name: English that no name list holds
    ("DAUGHTER SIOBHAN DRIVING IN" gave "SIOBHAN DRIVING", "WIFE MARIE-CLAUDE SPEAKS CREOLE",
    "HUSBAND IVAN DIED", "dr ng aware"); the span itself when nothing is trimmed or it is
    ``exact``."""
    if exact or span.label != "PERSON" or not span.source.startswith(_MODEL_SOURCES):
        return span
    tokens = list(_TOKEN.finditer(text, span.start, span.end))
    value = text[span.start : span.end]
    if len(tokens) < 2 or not (value.isupper() or value.islower()):
        return span
    last = len(tokens)
    while last > 1 and (not any(c.isalpha() for c in tokens[last - 1].group())  # "@" of "NEO
                        or sentence_word_in_capitals(  # STARTED @ 0.5"
                            tokens[last - 1].group().strip(_TOKEN_EDGE).upper())
                        ) and not after_particle(tokens[last - 2].group()):
        last -= 1
    # (the note's register read last, and only where a word would go: it reads the whole text)
    if last < len(tokens) and clinical_register(text):  # not a post's "LMSD FROZEN" (a band)
        return replace(span, end=tokens[last - 1].end())
    if value.islower():  # a post's verb after a name: "ranieri deserves", "netflix canceling"
        last = len(tokens)
        while last > 1 and _verb_form(tokens[last - 1].group().strip(_TOKEN_EDGE)):
            last -= 1
        if last < len(tokens):
            return replace(span, end=tokens[last - 1].end())
    return span


#: A word's endings of a verb's forms: "deserves", "deserved", "canceling".
_VERB_ENDING = re.compile(r"[a-z]{3,}(?:s|ed|ing)")


def _verb_form(word: str) -> bool:
    """A lower-case word with a verb's ending whose stem the dictionary holds, and that no name
    list holds ("deserves", "reacted", "canceling", "cancelled"; not "jones", "reed")."""
    if _VERB_ENDING.fullmatch(word) is None or is_listed_name(word):
        return False
    return is_dictionary_word(word) or any(map(is_dictionary_word, _stems(word)))


def _stems(word: str) -> list[str]:
    """What a verb's form may be made of: "reacted" -> "react", "making" -> "make",
    "cancelled" -> "cancel", "watches" -> "watch"."""
    for ending in ("ing", "ed", "es", "s"):
        if word.endswith(ending):
            stem = word[: -len(ending)]
            stems = [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                stems.append(stem[:-1])  # a doubled consonant
            return stems
    return []


#: Prepositions and conjunctions that join no name's words ("of", "and" do: "Catherine of
#: Aragon", "Tom and Jerry").
_NO_NAME_JOINERS = frozenset("from to at by for with w/ about into through during before after "
                             "above below under over than because if while re".split())


#: What a date's words after a comma hold when they still belong to it: a year or a month.
_DATE_TAIL = re.compile(r"(?i)\b(?:1[89]\d\d|20\d\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|"
                        r"dec)")


#: A clock time at a date's end, which is no part of it ("4/19 1645", "6/14 @ 0300", "3/2
#: 10:30 am"); four digits that may be a year (19xx, 20xx) are not read as a time.
_CLOCK_TAIL = re.compile(
    r"[ \t]+(?:@[ \t]*|(?i:at)[ \t]+)?"
    r"(?:(?:[01]\d|2[0-3])[0-5]\d(?<!19\d\d)(?<!20\d\d)"
    r"|(?:[01]?\d|2[0-3]):[0-5]\d(?:[ ]?(?i:am|pm))?|(?:1[0-2]|0?[1-9])[ ]?(?i:am|pm))"
    r"[ \t]*$")


def trim_date_tail(text: str, span: Span, *, exact: bool = False) -> Span:
    """A model's DATE without the clause after a comma that holds no year or month ("6/14, now
    day 6" -> "6/14"; "June 3, 2016" stays) and without a clock time at its end ("4/19 1645"
    -> "4/19"); the span itself otherwise, or when ``exact``."""
    if exact or span.label != "DATE":
        return span
    clock = _CLOCK_TAIL.search(text, span.start, span.end)
    if clock is not None and any(ch.isdigit() for ch in text[span.start : clock.start()]):
        span = replace(span, end=clock.start())
    cut = text.find(",", span.start, span.end)
    if cut <= span.start or not any(ch.isdigit() for ch in text[span.start : cut]):
        return span
    if _DATE_TAIL.search(text, cut, span.end) is not None:
        return span
    return replace(span, end=cut)


#: A role after a name and a comma that a model took in: "Vang, Judge", "Lindahl, Presiding
#: Judge", "F. Ardenne, Deputy Registrar".
_TRAILING_ROLE = re.compile(
    r",[ \t]*(?:(?:Presiding|Chief|Deputy|Senior|Associate|Acting|Vice)[ \t]+)?"
    r"(?:Judge|Justice|President|Registrar|Magistrate|Chairman|Chairperson)[ \t]*$")


def trim_trailing_role(text: str, span: Span, *, exact: bool = False) -> Span:
    """A PERSON span without the role after its name and a comma ("Vang, Judge" -> "Vang");
    the span itself when there is none, or when it is ``exact``."""
    if exact or span.label != "PERSON":
        return span
    match = _TRAILING_ROLE.search(text, span.start, span.end)
    if match is None or match.start() <= span.start:
        return span
    return replace(span, end=match.start())


def trim_at_joining_words(text: str, span: Span, *, exact: bool = False) -> Span:
    """A model's person or place without the lower-case words from a preposition inside it on
    ("mcnamara from renal" -> "mcnamara", "hall w/ pt" -> "hall"; "w/" in capitals too: "HALL
    W/"): no name's words are joined so (an organisation's are: "Society for Neuroscience"; a
    band's or a title's in capitals too: "Death Cab for Cutie"). The span itself when there is
    none, it is the first word, or the span is ``exact``."""
    if (exact or span.label not in ("PERSON", "LOCATION")
            or not span.source.startswith(_MODEL_SOURCES)):
        return span
    tokens = list(_TOKEN.finditer(text, span.start, span.end))
    for i, token in enumerate(tokens[1:], start=1):
        word = token.group().lower()
        if word == "w" and text.startswith("/", token.end()):  # a span cut inside "HALL W/ PT"
            word = "w/"
        if word == "w/" or (word in _NO_NAME_JOINERS and not any(
                c.isupper() for t in tokens[i:] for c in t.group())):  # "Death Cab for Cutie"
            end = tokens[i - 1].end()
            while end > span.start and text[end - 1] in ",;:":
                end -= 1
            return replace(span, end=end) if end > span.start else span
    return span


#: A retweet marker before a handle ("RT @nasa", "MT @nasa").
_RETWEET = frozenset({"rt", "mt"})


def _handle(token: str) -> bool:
    """An @handle ("@nasa", "@Real_Liam_Payne", "@rohit.mehra94")."""
    return re.fullmatch(r"@\w[\w.]{0,29}", token) is not None


def _post_word(token: str) -> bool:
    """A post's word in lower case that is no name: chat ("omg", "ya"), or a word of the
    dictionary that no name list holds ("lame", "you"; not "luke", "jess")."""
    return token.islower() and (token in CHAT_WORDS or (
        _listed_in_lower_case(token) and not is_listed_name(token)))


def trim_around_handles(text: str, span: Span, *, exact: bool = False) -> Span:
    """A model's name, place or organisation that took in the words around an @handle, cut back:
    a retweet marker before the handle ("RT @nasa" -> "@nasa"), a retweet after a name ("Tony
    Mayo RT @SKTV_" -> "Tony Mayo"), the colon and the retweeted text after it ("RT
    @worldnetdaily : Jailed Marine" -> "@worldnetdaily"), marks and emoji after it ("@x 😂"),
    the post's words in lower case after it, words of the dictionary or of chat ("@jessieeexo
    ya i saw" -> "@jessieeexo"; not a name: "@luke5sos luke").
    The span itself when there is no handle in it, or it is ``exact``."""
    if (exact or span.label not in _CAPITALISED_LABELS
            or not span.source.startswith(_MODEL_SOURCES)
            or "@" not in text[span.start : span.end]):
        return span
    tokens = [m for m in _TOKEN.finditer(text, span.start, span.end)]
    words = [m.group() for m in tokens]
    first, last = 0, len(tokens)
    for i in range(1, last - 1):  # a name, then a retweet: the name is the span's
        if (words[i].casefold() in _RETWEET and _handle(words[i + 1])
                and not any(_handle(w) for w in words[:i])):
            last = i
            break
    if last - first >= 2 and words[0].casefold() in _RETWEET and _handle(words[1]):
        first = 1
    handles = [i for i in range(first, last) if _handle(words[i])]
    if handles and handles[-1] + 1 < last:
        after = words[handles[-1] + 1 : last]
        if (after[0] == ":" or not any(ch.isalnum() for w in after for ch in w)
                or all(_post_word(w) for w in after)):
            # the post's words: "@jessieeexo ya"; not a name: "@luke5sos luke, i love you"
            last = handles[-1] + 1
    if (first, last) == (0, len(tokens)):
        return span
    return replace(span, start=tokens[first].start(), end=tokens[last - 1].end())
