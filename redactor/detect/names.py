"""Person names found by their surroundings: titles, labelled fields, signatures, user ids.

Statistical NER misses names it has seldom seen (many non-US names) and names in the terse
layouts of clinical notes and forms. Where the layout says "a name comes here", these rules
find the name whatever its origin. The rules are data: a regex for the cue and the name shape.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from redactor.detect import scripts
from redactor.detect.casing import line_before, shouting
from redactor.detect.lexicon import (
    FAITH,
    FAMILY_ADDRESS,
    FUNCTION_WORDS,
    GRAMMAR_WORDS,
    NOT_ENTITIES,
    RELATIVES,
    ROLE_WORDS,
    SERVICE_WORDS,
    TITLES_ABROAD,
    clinical_register,
    clinical_share,
    country_names,
    is_common_word,
    is_technical_word,
    lay_register,
    note_register,
    place_names,
)
from redactor.detect.name_lists import (
    CHAT_WORDS,
    NOT_NAME_LOWER,
    NOT_NAME_WORDS,
    cued_name_words,
    dictionary_words,
    family_names,
    given_names,
    is_dictionary_word,
    is_listed_name,
    is_unambiguous_given_name,
)
from redactor.detect.prefilter import Literals, folded, literal_tests, required_literals
from redactor.detect.regex_prefix import hoisted
from redactor.detect.regexes import portable
from redactor.span import Span

#: Credentials after a clinician's name, in one table; each rule takes the groups it can trust
#: where it reads. Degrees and licences stand after a name anywhere ("Li Wei RN", "Kwame
#: Mensah, MD"). The other care staff's letters are words or jobs as well ("PT" a patient, "OT"
#: a theatre, "RM" a room, "works as a CNA"), so they are read only where a note is signed at
#: its end ("Sokha RRT", "Mei-Ling Tan SLP"). A nurse's initials sign before a nurse's or a
#: midwife's credential only, in either case ("-tlv rn", "PD RN").
_DEGREES = ("MD", r"M\.D\.", "DO", "RN", "NP", "PA-C", "PA", "PhD", "DDS", "PharmD", "MSW",
            "LCSW", "FNP", "CNM", "DPM")
_CARE_STAFF = ("LPN", "RRT", "CNA", "RGN", "RM", "CMW", "RMN", "RT", "SW", "LICSW", "RD", "SLP",
               "OTR", "PT", "OT")
#: Credentials that sign a nurse's initials, students', enrolled nurses' and nurse
#: specialists' too ("SRT CNS").
_INITIALS_CREDENTIALS = ("RN", "LPN", "RRT", "CNA", "RGN", "RM", "SN", "EN", "CNS", "RPN", "APRN",
                         "CPN")


def _alternatives(*words: str) -> str:
    """A non-capturing group of the given regex alternatives, longest first."""
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


_CREDENTIALS = _alternatives(*_DEGREES)
_CREDENTIAL = re.compile(_CREDENTIALS)

# One name word: capitalised (incl. accented letters), allowing O'Neil, Al-Sayed, McDonald,
# and short lower-case particles between words (van, de, bin, al).
#: Upper-case Latin letters, accented ones included (Đặng, Şule, Élodie, Łukasz, Ömer).
_UP = "A-Z" + "".join(
    c for c in map(chr, [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]) if c.isupper()
)
_LETTER = r"a-zA-Z\u00C0-\u024F\u1E00-\u1EFF"
_TITLES = r"(?:Dr|Mr|Mrs|Ms|Mx|Miss|Prof|Professor|Doctor|Nurse|Sr|Sra|Srta|Herr|Frau|Mme|Mlle)"
#: ... and those of Singapore, Malaysia and India, which only the title and relative rules read
#: (not every name word's test).
_TITLES_ABROAD = "(?:" + "|".join(TITLES_ABROAD) + ")"
# A hyphen may join a lower-case part (Min-jun, Ji-yeon) as well as a capitalised one (Al-Sayed);
# a title is never the name itself ("Seen by Dr. [PERSON]").
_WORD = (
    rf"(?:(?!{_TITLES}\.?(?:[ \t]|$))"
    rf"[{_UP}][{_LETTER}'’]*(?:-[{_LETTER}][{_LETTER}'’]*)*+\.?)"  # *+: see detect/regexes.py
)
_PARTICLE = (
    r"(?:(?:van|von|der|den|de|del|della|da|di|du|le|la|bin|binti|ibn|al|el|dos|das|ten|ter)"
    r"[ \t]+)"
)
_NAME = rf"{_WORD}(?:[ \t]+{_PARTICLE}*{_WORD}){{0,3}}"
# "SMITH, JOHN A" / "Smith, John" (surname first, as in headers and lists)
_INVERTED = (
    rf"{_WORD}(?:[ \t]+{_WORD})?,[ \t]*(?!{_CREDENTIALS}\b)"  # SMITH, (not "Smith, MD")
    rf"{_WORD}(?:[ \t]+{_WORD}){{0,2}}(?:[ \t]+[A-Z]\.?(?!\w))?"  # JOHN A.
)
_UPPER_NAME = rf"[{_UP}][{_UP}'’-]+(?:[ \t]+[{_UP}][{_UP}'’-]+){{1,3}}"

_FIELD_LABELS = (
    r"(?:policyholder|policy[ \t]+holder|insured|claimant|client|taxpayer|member|"
    r"subscriber|prescriber|ordering[ \t]+(?:physician|provider)|person[ \t]+involved|"
    r"driver|witness|"
    r"patient(?:[ \t]+name)?|name|full[ \t]+name|pt[ \t]+name|attending(?:[ \t]+physician)?|"
    r"physician|provider|pcp|referring(?:[ \t]+physician)?|resident|surgeon|nurse|rn|np|"
    r"(?:electronically[ \t]+)?signed(?:[ \t]+by)?|dictated[ \t]+by|transcribed[ \t]+by|"
    r"author|from|to|cc|contact|emergency[ \t]+contact|guardian|mother|father|spouse|"
    r"next[ \t]+of[ \t]+kin|nok|hcp|health[ \t]+care[ \t]+proxy|employee|customer|requester|"
    r"reported[ \t]+by|assigned[ \t]+to|"
    r"approved[ \t]+by|reviewed[ \t]+by|cardholder|account[ \t]+holder|beneficiary|"
    # a report's requesting and reading doctors ("REQ: CHAUHAN", "Interpreted by: ...")
    r"req|requested[ \t]+by|interpreted[ \t]+by|read[ \t]+by|performed[ \t]+by)"
)


@dataclass(frozen=True)
class NameRule:
    """A cue and where the name sits relative to it (regex group ``name``)."""

    name: str
    regex: re.Pattern[str]
    score: float


def _rule(name: str, pattern: str, score: float, flags: int = 0) -> NameRule:
    return NameRule(name, hoisted(re.compile(portable(pattern), flags)), score)


#: Roles a note writes in brackets after a colleague's name ("Will (HCA)", "Jo (DC coord)").
_BRACKET_ROLES = (r"hca|rn|lpn|cna|pca|hha|sw|cm|ot|pt|slt|salt|physio|dn|np|pa|gp|rt|rrt|ho"
                  r"|sho|fy1|fy2|dc[ \t]+coord(?:inator)?|discharge[ \t]+coord(?:inator)?"
                  r"|social[ \t]+worker|case[ \t]+manager|carer|key[ \t]?worker|dietitian"
                  r"|chaplain|charge[ \t]+nurse|nurse[ \t]+in[ \t]+charge|nic|ward[ \t]+clerk")

#: Relatives and others close to a patient, before their name ("husband (Raj)", "son
#: Oluwaseun visits"); a baby's mother, father and grandmothers in a NICU note ("MOB Faith",
#: "MGM ROSE").
_KIN_WORDS = (r"(?:(?:son|daughter|dtr|dau|brother|sister|mother|father)-in-law"
              r"|wife|husband|spouse|partner|son|daughter|dtr|dau|mother|father|mom|dad|brother"
              r"|sister|sibling|grandson|granddaughter|grandmother|grandfather|grandma|grandpa"
              r"|aunt|uncle|niece|nephew|cousin|fianc[eé]e?|boyfriend|girlfriend|friend"
              r"|neighbou?r|caregiver|roommate|nok|mob|fob|mgm|pgm|mgf|pgf)")


#: The unit of a rate after a slash, which no typist's initials are ("BM/day", "CC/hr"; "cc"
#: and "mg" may be: "AA/cc").
_PER_UNIT = r"(?i:day|hr|hrs|min|mins|wk|wks|yr|yrs|kg|dl|sec|shift)"


#: Verbs of a note's report after a relative or a name ("SON STATES", "WIFE MARY VISITED"):
#: never the name itself (the relative rule, :data:`_NAME_VERB_CAPS`).
_REPORT_VERBS = ("called", "visited", "states", "stated", "reports", "reported", "says", "said",
                 "aware", "updated", "notified", "present", "asked", "agrees", "agreed",
                 "requests", "requested", "wants", "wanted", "here")


RULES: tuple[NameRule, ...] = (
    # "Dr. Adeyemi", "Mrs. Nguyen Thi Lan", "Prof. van der Berg"
    # ("Dr . Cox" in text split into tokens, as tweet corpora are)
    _rule("title", rf"\b(?:{_TITLES}|{_TITLES_ABROAD})(?:[ \t]?\.)?[ \t]+"
          rf"(?P<name>{_PARTICLE}*{_NAME})", 0.9),
    # ... and its name on the next line of a note wrapped mid-sentence ("per anesthesia, Dr\nCash
    # aware"), not a header there ("Dr.\nPLAN:")
    _rule("title", rf"\b{_TITLES}(?:[ \t]?\.)?[ \t]*\n[ \t]*"
          rf"(?P<name>{_PARTICLE}*{_NAME})(?![\w'’-]|[ \t]*:)", 0.85),
    # "CONSULT DR. TO.", "DR. MCALLISTER AND TEAM" in a note in capitals: "DR." with its dot
    # ("NO DR NOTED" is diabetic retinopathy), a word or two that end the clause or stop before
    # "AND" or a possessive ("DR. X TO DISCUSS INTERSTIM" is no name of four words)
    _rule("title", rf"\bDR\.[ \t]+(?P<name>[{_UP}][{_UP}-]*(?:[ \t]+[{_UP}][{_UP}-]*)?)"
          r"(?=['’]S\b|[ \t]*(?:[.,;:)]|\n|$|AND\b|OR\b))", 0.9),
    # "DR SNOW AWARE", "FELLOW DR HO SAW PT", "DR LOVE AND RT AT BEDSIDE": "DR" without its dot
    # in a note in capitals, one word and what a doctor does, "and", or where a clause ends
    # ("NO DR NOTED" is retinopathy)
    _rule("title", rf"(?<!NO )\bDR[ \t]+(?P<name>[{_UP}][{_UP}'’-]+)"
          r"(?=[ \t]*(?:[.,;:)]|\n|$|(?:AWARE|NOTIFIED|PAGED|CALLED|SAW|SEES|IN[ \t]+TO|AT[ \t]+"
          r"BEDSIDE|UPDATED|FOLLOWING|FOLLOWS|CONSULTED|TO[ \t]+SEE|AND|MADE[ \t]+AWARE"
          r"|INFORMED|ORDERED|EVALUATED|EXAMINED|RECOMMENDS|SPOKE|CAME|VISITED|WANTS"
          r"|REQUESTS)\b))", 0.85),
    # "GIVEN BY DR FROST WITH CONVERSION", "D/W DR OKAFOR": "DR" without its dot in capitals
    # after a preposition or a verb of reaching someone, then one word, no sentence word ("PER
    # DR ORDERS", "TO DR OFFICE": checked in the detector's loop, as for the rules above)
    _rule("title_caps", r"(?=DR[ \t])(?:(?<=\bBY )|(?<=\bPER )|(?<=\bTO )|(?<=\bFROM )|"
          r"(?<=\bWITH )|(?<=\bW/ )|(?<=\bD/W )|(?<=\bPAGED )|(?<=\bCALLED )|(?<=\bNOTIFIED )|"
          r"(?<=\bINFORMED ))"
          rf"DR[ \t]+(?P<name>[{_UP}][{_UP}'’-]+)(?![\w'’-]|\.\w)", 0.85),
    # A member of the clergy by their title: "Rev. Odom", "Fr. Bohdan", "Imam Yusuf Diallo",
    # "Pastor Tunde" (not kin's "Father", "Sister"; in capitals, "REV. TO FOLLOW", the models';
    # not a catheter's French gauge after its number, "28 Fr CT", "6 Fr Glidesheath")
    _rule("title", r"(?<![\w'’-])(?<!\d[ \t])(?:Rev|Revd|Reverend|Fr|Pastor|Imam|Rabbi)"
          r"(?:[ \t]?\.)?[ \t]+"
          rf"(?P<name>{_PARTICLE}*{_NAME})", 0.85),
    # A nurse who signs a ward's report at its end by a title of the Commonwealth's wards, the
    # name alone on the line or before a comma: "S/N MERE", "SN Farah", "SSN Norhayati, Ward
    # 57", "Staff Nurse Adaeze Obi" (not a device's serial number, which has digits: "S/N
    # 4471-A"; not a verb, "SN ORDERED"; not a heading, "SN VISIT\nPT 84 YO F ...")
    _rule("title", r"(?m)^[ \t>*-]*(?:S/N|SN|SSN|SRN|SEN|Staff[ \t]+Nurse|STAFF[ \t]+NURSE"
          r"|Staff[ \t]+nurse|Matron|MATRON)\.?[ \t]+(?![A-Za-z]+(?:ED|ING|ed|ing)\b)"
          rf"(?P<name>{_NAME})[ \t]*(?:$|,)(?=[^\n]*(?:\n[^\n]*)?[ \t\n]*\Z)", 0.8),
    # A judge in a judgment's heading: "LADY JUSTICE PENROSE", "MR JUSTICE O'DONNELL"
    _rule("title", rf"\b(?:LORD|LADY|MR|MRS|MS|MADAM)\.?[ \t]+JUSTICE[ \t]+"
          rf"(?P<name>[{_UP}][{_UP}'’-]+(?:[ \t]+[{_UP}][{_UP}'’-]+)?)(?![\w'’-])", 0.85),
    # "Patient: SMITH, JOHN", "Attending: Kwame Mensah", "Signed by: Li Wei"
    _rule(
        "field",
        rf"(?im)^[ \t>*_#-]*{_FIELD_LABELS}[ \t*_]*[:=][ \t*_]*(?:{_TITLES}\.?[ \t]+)?"
        # "SMITH, JOHN A" only where the field ends there (line end, a column gap, "(")
        rf"(?-i:(?P<name>{_INVERTED}(?=[ \t]*(?:$|[ \t]{{2}}|[(;|]))|{_UPPER_NAME}|{_NAME}))",
        0.85,
    ),
    # "Electronically signed by Kwame Mensah, MD on ..." (no colon)
    # (not a department, "REVIEWED BY CASE MGMT", "seen by Social Work", nor a role)
    _rule(
        "signed",
        rf"(?i:\b(?:signed|dictated|transcribed|seen|examined|evaluated|reviewed|referred)"
        rf"[ \t]+by)[ \t]+(?:{_TITLES}\.?[ \t]+)?(?![\w'’-]+[ \t]+(?i:mgmt|management|work|"
        rf"team|services?|dept|department|staff|committee)\b)"
        # (a role: "seen by GP", "seen by OOH GP re fall", "reviewed by on-call SW", "Reviewed
        # by SHO Dr Nwachukwu")
        rf"(?!(?i:(?:ooh|on[ -]?call|duty|covering)[ \t]+)?(?i:gp|pcp|ooh|sw|phn|ho|md|np|pa|rn"
        rf"|ot|pt|slp|dn|hca|sho|spr|fy[12]|reg)\b)(?P<name>{_NAME})",
        0.85,
    ),
    # "Kwame Mensah, MD" / "Li Wei RN"
    # (from a word start only: inside "AAAA..." every position would scan to its end)
    # ("DO" and "PA" only after a comma: in capitals they are words, "THANK YOU TO DO THIS")
    # ("Per MD, hold heparin": a note's "per" is no name)
    _rule("credential", rf"(?<![\w'’-])(?!(?:Per|PER)[ \t]+{_CREDENTIALS})(?P<name>{_NAME})"
          rf"(?:,[ \t]+{_CREDENTIALS}|[ \t]+(?!(?:DO|PA)\b){_CREDENTIALS})\b"
          # (a note's heading: "BHU RN NOTE 1500", "MOTHER/BABY RN NOTE")
          r"(?![ \t]+(?i:note|notes|progress|shift|admission|assessment)\b)"
          # (nasopharyngeal: "STRONG NP COUGH", "NP SUCTIONED")
          r"(?<!NP(?=[ \t]+(?i:cough|suction\w*|sxn|sx\w*|swab|airway|trumpet|aspirate)\b))",
          0.85),
    # "Thanks, María" / "Best regards,\nKofi Mensah" (sign-offs)
    _rule(
        "closing",
        rf"(?i:\b(?:thanks|thank[ \t]+you|regards|best[ \t]+regards|kind[ \t]+regards|best|"
        rf"cheers|sincerely|yours[ \t]+(?:truly|sincerely|faithfully)|faithfully|cordially|"
        rf"respectfully|warm(?:est)?[ \t]+regards|many[ \t]+thanks|with[ \t]+thanks|"
        rf"take[ \t]+care)),?[ \t]*\n?[ \t]*(?P<name>{_NAME})[ \t]*(?:$|\n|[,.!])",
        0.8,
        re.M,
    ),
    # "Dear Laila", "Hi Kofi" (greetings)
    _rule("greeting", rf"(?i:\b(?:dear|hi|hello|hey|good[ \t]+(?:morning|afternoon)))[ \t,]+"
          rf"(?:{_TITLES}\.?[ \t]+)?(?P<name>{_NAME})", 0.8),
    # "Agent Manal:", "Witness Ko Hyo-jin", "Security officer Kwame Mensah"
    _rule("role", rf"(?i:\b(?:agent|witness|officer|volunteer|technician|interpreter|caller|"
          rf"counsell?or|chaplain|pharmacist|therapist|coordinator|case[ \t]+manager|"
          rf"resident|fellow|intern|attending|"  # "COVERING RESIDENT OKAFOR AWARE"
          rf"social[ \t]+worker|rep(?:resentative)?|"
          # a placement's screener, a patient's advocate or aide: "SPAULDING screener Joy
          # reviewed chart", "advocate Soledad will meet pt"
          rf"screener|liaison|advocate|aide|nurse|soc[ \t]+worker|staff[ \t]+member|"
          rf"lactation[ \t]+consultant|doula|midwife|"  # "STAFF MEMBER WILL AT BS"
          # the crew or the police who bring a patient in: "medic Brown gave report",
          # "DETECTIVE PRICE CALLED", "Constable Mthembu"
          rf"medic|paramedic|emt|detective|constable|sergeant|sgt|trooper))[ \t]+"
          # (not a title, which has its own rule, nor a service's word: "INTERPRETER LINE USED")
          rf"(?!(?i:dr|mr|mrs|ms|line|services?|phone|present|needed|used|via|lt|sgt|capt"
          rf"|cpt|col|maj|det|insp|fr|rev|sr|br|pastor|father|sister)\b)"  # "chaplain Fr. Ryan"
          rf"(?P<name>{_NAME})", 0.75),  # (a title after it has its own rule: "FELLOW DR HO")
    # a social worker or case manager by their shorthand: "SW DEVON ARRANGED CAB", "CM Rosa
    # will call" (a listed name that is no word: not "SW FOLLOWING", "CM AWARE")
    _rule("role_short", rf"(?<![\w/])(?:SW|CM|Sw|Cm|sw|cm)[ \t]+(?P<name>{_NAME})", 0.7),
    # a care team member's name in brackets after the role: "SW (FAITH) FOLLOWING", "CM (Rosa)"
    # (read from the bracket, a cheap first test; the role before it: _ROLE_BEFORE_BRACKET)
    _rule("role_bracketed", rf"\((?!(?i:per|prn|am|pm|rn|md|np|pa|only|aware|present)\b)"
          rf"(?P<name>{_NAME})\)", 0.75),
    # a colleague's name before their role in brackets: "Will (HCA) to visit later", "Jo (DC
    # coord) ext 6632", "Amara (SW) met with family" (checked: _name_before_role)
    _rule("name_role", rf"(?<![\w'’-])(?P<name>{_NAME})[ \t]*\((?i:{_BRACKET_ROLES})\)", 0.75),
    # whom a nurse hands the patient over to: "Handed over by T. Mensah RN to Dawn", "report
    # given to Priya RN", "handoff to Tomas"
    _rule("handover", rf"(?i:\b(?:handed[ ]over|hand(?:ed)?[ ]?off|handover|report[ ]given)"
          rf"(?:[ \t]+by[ \t]+[^\n]{{1,30}}?)?[ \t]+to)[ \t]+(?:(?i:rn|nurse)[ \t]+)?"
          rf"(?P<name>{_NAME})", 0.7),
    # "Met with Meiling at the bedside", "I talked to Hope on Sunday", "Reminder: Xiaoyan, you
    # have ..."
    _rule("conversation", rf"(?i:\b(?:met|spoke|spoken|talked|meeting|visited|called)[ \t]+with|"
          rf"\b(?:spoke|spoken|talked)[ \t]+to|"
          rf"\b(?:reminder|attn|attention)[ \t]*:)[ \t]+(?P<name>{_NAME})", 0.7),
    # "husband (Raj)", "son Oluwaseun visits", "her daughter, Amina, called"
    _rule("relative", rf"(?i:\b{_KIN_WORDS}\b)[ \t]*[,(]?[ \t]*"
          rf"(?!(?i:and|or|all|the|i|we|you|they|he|she|it|my|our|your|his|her|to|at|in|on|is|"
          rf"was|has|had|asks|{'|'.join(_REPORT_VERBS)}|{_KIN_WORDS})\b)"
          rf"(?:{_TITLES_ABROAD}\.?[ \t]+)?(?P<name>{_NAME})", 0.75),  # "mother, Smt. Devi"
    # a newborn by the family's surname in a NICU note: "BABY BOY ECHEVARRIA DOL 6", "Baby
    # Girl Nwosu" (not a twin's letter, "BABY GIRL A"; checked as weakly cued: "BABY BOY IS
    # FEEDING WELL" holds no name)
    _rule("newborn", rf"(?<![\w'’-])(?i:baby)[ \t]+(?i:boy|girl)[ \t]+"
          rf"(?![A-Za-z](?![\w'’-])|(?i:twin|[ab]|was|is|has|had|born|delivered|admitted)\b)"
          rf"(?P<name>{_WORD})", 0.7),
    # A note in lower case: "dr vanterpool in to see", "dr le aware" (a listed surname or a
    # word no dictionary holds, no clinical word: not "dr aware", "dr to see")
    _rule("title_lower", r"(?<![\w/])dr\.?[ \t]+(?P<name>[a-z][a-z'’-]{0,19}[a-z])(?![\w'’-])",
          0.6),
    # ... and a surname in capitals after it: "dr KING paged re: ?anticoag" (not "dr OR", a
    # sentence word: checked in the detector's loop, as "DR" in capitals)
    _rule("title_caps", r"(?<![\w/])dr\.?[ \t]+(?P<name>[A-Z][A-Z'’-]*[A-Z])(?![\w'’-])", 0.75),
    # Social posts in lower case: "my bestie jasmine", "coach ramirez" (a listed name only)
    _rule("relative_lower", r"\b(?:wife|husband|son|daughter|dtr|dau|mom|dad|mother|father|"
          r"brother|sister|bro|sis|cousin|aunt|aunty|auntie|uncle|niece|nephew|grandma|grandpa|"
          r"sons|daughters|brothers|sisters|"  # "sons will and peter plan to stay"
          r"granny|nana|nan|nanny|gran|grandad|lola|lolo|abuela|abuelo|abuelita|nonna|nonno|"
          r"bestie|bff|bf|gf|boyfriend|girlfriend|hubby|wifey|fianc[eé]e?|friend|"
          r"roommate|partner|spouse|"
          r"neighbou?r|coach|teacher|boss|classmate|coworker)[ \t]+(?!(?:per|via)\b)"
          r"(?P<name>[^\W\d_A-Z][^\W\d_'’-]{1,19}[^\W\d_])(?![\w'’-])", 0.6),
    # A note in lower case: a member of the care team by their role ("case mgr abimbola
    # following", "chaplain mbeki visited", "per fellow achterberg"; checked: a surname or a
    # given name, no word of the dictionary or the clinic: not "sw following", "rt aware")
    _rule("role_lower", r"(?<![\w/])(?:case[ \t]+(?:mgr|manager)|sw|social[ \t]+worker"
          r"|chaplain|dietitian|dietician|nutritionist|pharmacist|rt|slp|np|resident|fellow"
          r"|attending|intern|sitter|interpreter|aide|cna|lpn|charge[ \t]+(?:rn|nurse))[ \t]+"
          r"(?P<name>[a-z][a-z'’-]{1,19}[a-z])(?![\w'’-])", 0.6),
    # ... and by their name in brackets after their role or kin ("dtr (wanjiru) updated", "pt/ot
    # (sipho) rec rehab")
    _rule("bracketed_lower", r"(?<![\w])(?:dtr|dau|daughter|son|wife|husband|mother|father"
          r"|sister|brother|niece|nephew|friend|neighbou?r|hcp|nok|sw|pt/ot|ot|rt|slp|np"
          r"|chaplain|dietitian|interpreter)[ \t]*\((?P<name>[a-z][a-z'’-]{1,19}[a-z])\)", 0.6),
    # Chat self-introductions in lower case at the end of a turn: "hi this is bo ram seo"
    _rule("self_intro", r"(?im)\b(?:this[ \t]+is|my[ \t]+name[ \t]+is|my[ \t]+name's)[ \t]+"
          r"(?P<name>[^\W\d_][^\W\d_'’-]+(?:[ \t]+[^\W\d_][^\W\d_'’-]+){1,2})[ \t]*[.!]?"
          r"[ \t]*$", 0.6),
    # A player by what players do, in lay text: "haaland scoring a hat trick", "Mbappe scores
    # again" (a given name or a word no lexicon knows, no clinical word: not "pain scores",
    # "Finnegan scores" in a note)
    _rule("player", r"(?<![\w@#'’-])(?P<name>[^\W\d_][^\W\d_'’-]{2,19})[ ]"
          r"(?:scoring|scored|scores|benched|subbed|traded)\b", 0.6),
    # ... and someone a post in lower case tells of at a sentence's start by what they said or
    # did to the writer: "summer said she'd be ready in 5", "bilal brought the speaker"
    _rule("teller", r"(?m)(?:^|(?<=[.!?])[ \t]+)(?P<name>[a-z][a-z'’-]{1,19})[ ]"
          r"(?:said|says|texted|replied|told[ ]me|asked[ ]me|brought[ ]the)\b", 0.6),
    # Someone from the writer's work or street: "Rose from work has just brought in cake",
    # "Summer from accounts and i",
    # "liên next door brought over bánh xèo"; whom the writer is with: "hope and i are going
    # to japan", "Will and I just booked", "me n hope at coney island"; whom it thanks: "Shout
    # out to Summer at the Boots" (a given name or a word no lexicon knows: _companion_name)
    _rule("companion", r"(?<![\w'’-])(?P<name>[^\W\d_][^\W\d_'’-]{1,19})[ ]"
          r"(?:from[ ](?:work|school|uni|college|church|the[ ]gym|the[ ]office|accounts|hr|HR"
          r"|payroll|reception|upstairs|downstairs)|next[ ]door)\b",
          0.6),
    # (one space around "and" and after "I": the prefilter then reads " and i " and "me and ",
    # which few texts hold)
    _rule("companion", r"(?m)(?:^|(?<=[.!?]))[ \t]*(?P<name>[^\W\d_][^\W\d_'’-]{1,19})"
          r"[ ](?:and|n|&)[ ](?:i|I)[ ]", 0.6),
    _rule("companion", r"(?i:\bme[ ](?:and|n|&)[ ])(?P<name>[^\W\d_][^\W\d_'’-]{1,19})"
          r"(?![\w'’-])", 0.6),
    _rule("companion", r"(?i:\bshout[ -]?outs?|\bs/o)[ \t]+(?i:to[ \t]+)?"
          r"(?:(?i:the|my|our)[ \t]+(?:(?i:lovely|amazing|wonderful|brilliant|fab|awesome)"
          r"[ \t]+)?)?(?P<name>[^\W\d_][^\W\d_'’-]{1,19})(?![\w'’-])", 0.6),
    # the name someone goes by: 'CALLS HIMSELF "SMOKEY"', "prefers to be called Bill", "goes
    # by Tee", "aka Big Mike" (a nickname is a name, whatever its words; not "goes by bus";
    # not "known as", which names places and things too: 'known as "Bar Street"')
    _rule("nickname", r"(?i:\bcalls[ \t]+(?:himself|herself|themself|themselves)|\bgoes[ \t]+by"
          r"|\b(?:likes|prefers|wants|asks)[ \t]+to[ \t]+be[ \t]+called|\ba\.?k\.?a\.?"
          r"|\bnicknamed)[ \t]+[\"“'‘]?"
          r"(?P<name>[^\W\d_][^\W\d_'’-]{1,19}(?:[ ][^\W\d_][^\W\d_'’-]{1,19})?)[\"”'’]?"
          r"(?=[ \t]*(?:[.,;:!?)]|\n|$|(?i:rather|instead|by|and|but|at|in|on|to|so)\b))",
          0.7),
    # whom a post thanks for something: "thank u inês for showing us the best pastéis",
    # "thanks jess for the lift" (a given name or a word no lexicon knows: _companion_name)
    _rule("companion", r"(?i:\bthank[ \t]+(?:you|u)|\bthanks|\bthx|\bty)[ \t,]+"
          r"(?P<name>[^\W\d_][^\W\d_'’-]{1,19})[ \t,]+(?i:for|4)\b", 0.6),
    # A name given in lower case: "my name is thida", "his name's bilal and ...", "ur name is jo"
    _rule("name_given", r"\b(?:my|his|her|their|your|ur)[ \t]+name(?:[ \t]+(?:is|was)|['’]s)"
          r"[ \t]+(?P<name>[^\W\d_][^\W\d_'’-]*[^\W\d_](?:[ \t]+[^\W\d_][^\W\d_'’-]*[^\W\d_])??)"
          r"(?=[ \t]*(?:$|[.,!?:;)]|(?:and|but|&|lol|haha|btw|from|im|i['’]m)\b))", 0.6, re.M),
    # Clinical user ids "ABC:smith"
    _rule("user_id", r"\b[A-Z]{2,4}:(?P<name>[a-z][a-z0-9]{2,15})\b", 0.8),
    # User names after a person field: "Reporter: trochimk", "Processed by: vkrishnamurthy4",
    # "Electronically signed out by jfriend"
    _rule(
        "user_field",
        r"(?i:\b(?:reporter|assignee|assigned[ \t]+to|owner|created[ \t]+by|updated[ \t]+by|"
        r"processed[ \t]+by|approved[ \t]+by|signed(?:[ \t]+(?:out|off))?[ \t]+by|"
        r"user(?:name|[ \t]?id)?|login|"
        # "by" after a verb of handling a record ("closed by jsmith") or in a credit ("photo by
        # lenilen"), not in prose ("sung by salarymen", "overwhelmed by butthurt")
        r"agent|(?:closed|resolved|edited|posted|submitted|modified|reviewed|written|sent|"
        r"escalated|reassigned|commented|uploaded|requested|opened|logged|entered|verified|"
        r"completed|deleted|changed|added|raised|filed|reported|handled|cancell?ed|"
        r"acknowledged|triaged|merged|committed|authored|shared|made|photographed|"
        r"drawn|painted|designed|filmed|produced|directed|photo|pic|picture|video|art|artwork|"
        r"drawing|edit|cover|design|candid|shot|remix|gif|meme|logo|fanart|painting|sketch|"
        r"illustration)[ \t]+by))"
        r"[ \t]*:?[ \t]+(?P<name>[a-z][a-z0-9._-]{2,30}[0-9]*)\b(?![@.]\w)",
        0.6,
    ),
    # Chat logs: "[10:42] <kenji_t> yo", "<b0bbyz> nah" (an HTML tag is not a nick)
    _rule(
        "chat_nick",
        r"(?m)^[ \t]*(?:\[[^\]\n]{1,25}\][ \t]*|\d{1,2}:\d{2}(?::\d{2})?[ \t]+)?<[@+%&~]?"
        r"(?!(?i:p|br|b|i|u|s|em|div|span|li|ul|ol|dl|dt|dd|td|tr|th|table|thead|tbody|h[1-6]|"
        r"a|img|hr|strong|small|html|body|head|title|pre|code|blockquote|script|style|sup|sub|"
        r"font|center|form|input|label|button|option|select|section|article|nav|footer|header|"
        r"main|meta|link|tt|kbd|var|cite|abbr|mark|del|ins|q|wbr)>)"
        r"(?P<name>[A-Za-z0-9_\-\[\]\\^{}|`.]{2,30})>[ \t]",
        0.75,
    ),
    # Accounts named by their service: "snap: aaliyah.b2004", "IG @kwame_asante87"
    _rule(
        "social_account",
        r"(?i:\b(?:snap(?:chat)?|insta(?:gram)?|ig|twitter|tiktok|discord|kik|telegram|skype|"
        r"wechat|whatsapp|gamertag|psn|xbox|steam|twitch|reddit|venmo|cashapp|handle))"
        r"[ \t]*(?:id|name|user(?:name)?)?[ \t]*(?:[:=][ \t]*@?|@)"
        r"(?P<name>(?=[\w.-]*[A-Za-z])[A-Za-z0-9_][\w.-]{2,29})(?<![.-])(?![\w@])",
        0.75,
    ),
    # Social handles "@nadia48" (an e-mail address is not a handle)
    _rule("handle", r"(?<![\w.@])(?P<name>@[A-Za-z0-9_]{2,30})\b", 0.7),
    # Dictation initials "TD/kl" at the foot of a note
    # a dictated letter's reference initials: the author's, then the typists' ("JRK/mlt/bsk")
    # (not a rate: "BM/day", "CC/hr")
    _rule("initials", rf"(?<![\w/])(?P<name>[{_UP}]{{2,3}}/(?!{_PER_UNIT}(?![\w/]))"
          rf"(?:(?![{_UP}])[^\W\d_]){{2,3}}(?:/[^\W\d_]{{2,3}})?)(?![\w/])", 0.7),
    # ... alone on their line, spaced as a tokenised record writes them or with a second
    # author's initials in capitals: "OH / bls", "AW/RT/nk   11/14/98" (a typist's in lower
    # case last)
    _rule("initials", rf"(?m)^[ \t]*(?P<name>[{_UP}]{{2,3}}(?:[ ]/[ ](?:[{_UP}]{{2,3}}[ ]/[ ])?"
          rf"|/[{_UP}]{{2,3}}/)(?!{_PER_UNIT}\b)[a-z]{{2,3}})[ \t]*(?=\r?$|[ \t]+\d)", 0.7),
    # ... and a nurse's initials in lower case signing a note in lower case: "gk rn" alone on
    # the last line ("ok rn", "pt rn" are words: _signature_initials)
    _rule("initials_signature", r"(?m)^[ \t]*(?P<name>[a-z]{2,3})[ \t]*,?[ \t]+"
          r"(?:rn|lpn|rrt|np|msw|lcsw|cna)(?=\s*\Z)", 0.7),
    # Names in other scripts (redactor.detect.scripts) after a title, a field label or a
    # greeting: "Dr. Иван Петров", "Patient: राहुल शर्मा", "姓名：王小明", "Dear محمد"
    _rule("script_title", rf"(?:\b{_TITLES}\.?|(?<!\w){scripts.TITLES})[ \t]*"
          rf"(?P<name>{scripts.NAME})", 0.85),
    _rule(
        "script_field",
        rf"(?im)^[ \t>*_#-]*(?:{_FIELD_LABELS}|{scripts.FIELD_LABELS})[ \t*_]*[:=][ \t*_]*"
        rf"(?:(?:{_TITLES}\.?|{scripts.TITLES})[ \t]*)?(?-i:(?P<name>{scripts.NAME}))",
        0.85,
    ),
    _rule("script_greeting", rf"(?:(?i:\b(?:dear|hi|hello))|(?<!\w){scripts.GREETINGS})[ \t,]*"
          rf"(?:(?:{_TITLES}\.?|{scripts.TITLES})[ \t]*)?(?P<name>{scripts.NAME})", 0.8),
)

#: Verbs of speech after a relative that are names too ("her brother said at last": Said).
_SPEECH_VERBS = frozenset("said says asked told".split())
#: Listed names that, in lower case after "my son", are more often a verb ("my son will ...").
_NAME_VERBS = frozenset("will may can might must shall should would could did does drew chase rob "
                        "sue mark bill grant hunt rose faith hope said says ran".split())


#: A member of the care team right before a bracket that holds their name ("SW (FAITH)").
_ROLE_BEFORE_BRACKET = re.compile(
    r"(?i:\b(?:sw|cm|lcsw|msw|rt|rrt|doula|interpreter|chaplain|midwife|cnm|case[ \t]+manager"
    r"|social[ \t]+worker|sitter|aide|cna|lna|pca|hha))[ \t]*$")
#: A service of the hospital, or a doctor who was told, right before a bracket that holds the
#: doctor's surname ("NEPHRO (THIBODEAUX) AWARE", "SURGERY (OKAFOR) FOLLOWING", "HO aware
#: (Castellanos)").
_SERVICE_BEFORE_BRACKET = re.compile(
    r"(?i:\b(?:nephro|renal|surgery|surg|ortho|neuro|neurosurg|nsgy|cards|cardiology|gi|id"
    r"|onc|heme|pulm|psych|anesthesia|ent|uro|urology|vascular|trauma|burns?|plastics|derm"
    r"|endo|rheum|palliative|hospitalist|micu|sicu|team|attending|fellow|resident"
    r"|(?:ho|md|np|pa|intern|covering|on-?call)[ \t]+(?:aware|notified|paged|informed|updated)))"
    r"[ \t]*$")


#: A letter three times in a row: a word of chat drawn out ("lmaooo", "bruhhh"), no name.
_DRAWN_OUT = re.compile(r"(.)\1\1")


def _lower_name(word: str) -> bool:
    """A lower-case word after a relation word that is a name: listed, and not a verb; a word
    of the dictionary only when it is a given name (relatives go by theirs: "son mark", not
    "mom held", whose "Held" is a surname); or, of three letters or more, a word no list or
    lexicon knows ("my lil sis mei", "my bestie thandi")."""
    if word in _NAME_VERBS or word in _NOT_USER or word in NOT_NAME_LOWER:
        return False
    if is_listed_name(word):
        return word.title() in given_names() or not is_dictionary_word(word)
    return (len(word) >= 3 and _lower_name_word(word)
            and _DRAWN_OUT.search(word) is None)  # no chat's "lmaooo"


#: What follows a person's name in a note in lower case and no verb's or word's use: a
#: verb of the report, a place or a bracketed service ("daughter hope will be in", "partner
#: will at bedside", "dr long updated x2", "dr strong (surgery) following").
_AFTER_A_NAME = re.compile(
    rf"[ \t]+(?:(?:will|is|was|at|in|here|came|and|from|has|had|paged"
    rf"|{'|'.join(_REPORT_VERBS)}|[a-z]{{3,}}ed)\b|\((?!\d))")  # "nan rose turned 94"


def _short_form_of_a_name(word: str) -> bool:
    """A word of three letters or more that no dictionary, clinical lexicon or chat knows, though
    Philter's whitelist (made from notes) holds it: a short form of a name ("kev", "jen",
    "becs"), which the name lists lack."""
    return (len(word) >= 3 and not is_dictionary_word(word) and not is_technical_word(word)
            and not _no_lower_name(word))


def _followed_as_a_name(text: str, match: re.Match[str]) -> bool:
    """A word after a relative or "dr" that is a verb, a modal or clinical vocabulary too
    ("hope", "will", "long", "strong"), or a short form of a name that Philter's whitelist
    holds ("son kev in this afternoon"), read as the given name or surname it also is where a
    name's words follow it (:data:`_AFTER_A_NAME`; "son will call" is the modal's)."""
    name = match.group("name")
    if not (name.title() in given_names() or name.title() in family_names()
            or _short_form_of_a_name(name)):
        return False
    after = _AFTER_A_NAME.match(text, match.end("name"))
    return after is not None and not (name == "will" and after.group().strip() == "will")


#: Who a writer may be with that is nobody's name ("me and the boys", "me n bae").
_NO_COMPANION = frozenset("you him her them us everyone everybody bae babe boo hubby wifey "
                          "bestie bff bf gf boyfriend girlfriend partner kids family friends "
                          "mates squad crew fam my our your his their the a an this that "
                          "guy guys girl girls lady ladies man men woman women lad lads boys "
                          "dude team staff people person gang".split())


def _signature_initials(token: str, *, dictionary: bool = True) -> bool:
    """Two or three lower-case letters before a credential that are a nurse's initials: no
    word of the dictionary (with ``dictionary``: before a credential in lower case, where
    "ok rn" is chat), the clinic's shorthand, grammar or chat ("gk rn", not "ok rn")."""
    return not ((dictionary and is_dictionary_word(token)) or is_technical_word(token)
                or token in GRAMMAR_WORDS
                or token in CHAT_WORDS or token in ("ok", "am", "pm", "md", "er"))


def _companion_name(word: str) -> bool:
    """A word after "me and", before "and I" or "from work" that is a name: a given name or a
    word no lexicon knows; no grammar, chat, kin or companion word ("me and my mum", "me n
    bae")."""
    lower = word.casefold()
    if lower in FUNCTION_WORDS or lower in CHAT_WORDS or lower in _KIN or lower in _NO_COMPANION:
        return False
    if word[:1].upper() + word[1:].lower() in given_names():  # "Will and I", "me n hope"
        return True
    if lower in GRAMMAR_WORDS or lower in NOT_NAME_LOWER:
        return False
    return unknown_word(word)  # (a surname that is a word is none: "driving back from work")


def _lower_surname(word: str) -> bool:
    """A lower-case word after "dr" that is a surname: a listed one, even a word ("dr le"), or
    a word no dictionary holds ("vanterpool"); no grammar, verb or clinical word ("dr aware",
    "dr to see", "dr ct"; "dr long" too, "long" being clinical vocabulary)."""
    return (word not in GRAMMAR_WORDS and word not in _NAME_VERBS and word not in _NOT_USER
            and word not in NOT_NAME_LOWER and not is_technical_word(word)
            and (word.title() in family_names()
                 or not (is_dictionary_word(word) or is_common_word(word))))


#: A field that holds a user name alone ("User ID: salam", "Login: gus"): there a word is one
#: too, unless it names an account nobody owns ("guest", "test", "root").
_USER_ID_FIELD = re.compile(r"(?im)^[ \t>*-]*(?:user(?:name|[ \t]?id)?|login)[ \t]*:[ \t]*$")
#: The source of such a user name: that of the clinical user id rule, a cued one.
_USER_ID_SOURCE = "names:user_id"
_NO_OWNER = frozenset("guest test root anonymous anon nobody service default public shared "
                      "visitor temp demo".split())


def _user_id_field(text: str, match: re.Match[str]) -> bool:
    """Whether a user name of the ``user_field`` rule fills a user id field alone on its line."""
    name, start = match.group("name"), match.start("name")
    head = line_before(text, start, 40)
    whole = start == len(head) or text[start - len(head) - 1] == "\n"  # the line's start
    return (name.lower() not in _NO_OWNER and whole
            and _USER_ID_FIELD.search(head) is not None
            and re.match(r"[ \t]*(?:\n|$)", text[match.end("name") : match.end("name") + 3])
            is not None)


#: Words that start no name after "this is" ("this is my opinion", "this is so good").
_NOT_INTRODUCED = frozenset("my your his her its our their so not just what how why really "
                            "gonna going getting because where when who very too".split())


def _introduced(name: str) -> bool:
    """A lower-case self-introduction's words are a name: no grammar word among them
    ("this is made up stuff", "this is my opinion" are no introductions)."""
    words = name.split()
    return words[0] not in _NOT_INTRODUCED and not any(w in FUNCTION_WORDS for w in words)


#: Words in the user-name slot that are not user names.
_NOT_USER = frozenset("the a an and or to of in on at for with me you him her them us phone email "
                      "mail fax chat ticket name none n/a na unknown admin system".split())

_STOP = frozenset(
    "The This That Patient Name Date Phone Fax Email MRN DOB SSN Re Subject Dear Hi Hello Thanks "
    "Regards Sincerely Attending Admitted Discharged Diagnosis History Plan Assessment Note Notes "
    "Signed Department Hospital Clinic Center Medical Unit Room Street Avenue Road Monday Tuesday "
    "Manager Director Coordinator Supervisor Assistant Practitioner Kollegin Kollege Pt "
    "Wednesday Thursday Friday Saturday Sunday Team Support Customer Service Account "
    "Committee Admissions Sir Madam Colleague Colleagues All Everyone Hiring Triage "
    # offices one addresses with a title ("Mr. President", "Madam Speaker")
    "President Chairman Chairwoman Chair Speaker Ambassador Mayor Minister Commissioner".split()
)


#: Rules whose cue is strong enough that a name made of English words still counts
#: ("Dr. Hope Long", "Patient: Grace Hill").
_STRONG_CUES = frozenset(
    {"title", "title_caps", "field", "user_id", "handle", "initials", "user_field", "chat_nick",
     "social_account"}
)


#: An initial and a capitalised word: a name's shape whatever the word ("L. Ly", "J.-P. Costa").
_INITIAL_AND_WORD = re.compile(r"(?:[A-Z]\.-?[ \t]?)+[A-Z][a-z][\w'’-]*")


#: The care team's roles by their initials ("SW, RN" is the social worker and the nurse), and
#: the nurse's kinds before "RN" ("REPORT GIVEN TO FLOOR RN", "oncoming RN").
_CARE_TEAM = frozenset("SW CM PT OT RT SLP RD CNA LPN NP PA RN MD FLOOR NIGHT DAY ONCOMING "
                       "CHARGE PRIMARY RECEIVING COVERING FLOAT TRAVEL STAFF UNIT TRIAGE "
                       "RESOURCE EVENING NIGHTS DAYS WOC WOCN".split())


def _plausible(rule: str, name: str) -> bool:
    """A weakly cued name must hold a word that is a listed name or not an English word, or be
    an initial and a word ("Triage RN", "Dear Admissions Committee" are not names)."""
    if rule in _STRONG_CUES or _INITIAL_AND_WORD.fullmatch(name):
        return True  # an initial before a word: "L. Ly, RN" (a signature's shape)
    words = re.findall(r"[^\W\d_][\w'’-]*", name)
    if words and all(w.title() in NOT_NAME_WORDS or w.upper() in _CARE_TEAM
                     or w.casefold() in SERVICE_WORDS for w in words):
        return False  # "Son (HCP) aware": a role, no name; "w/ Dr Haddad, SW, RN"; "evaluated
        # by Radiation Oncology"
    return any(is_listed_name(w) or not (
        is_dictionary_word(w) or (len(w) > 3 and is_common_word(w)))  # "Attending Radiologist:"
               for w in words)  # (a word of the lexicon; initials stay: "hey GT")


#: Abbreviations inside a name that do not end its sentence ("Jr.", "St. John", "Mohd. Salim",
#: "Wm. Kelly").
_ABBREVIATIONS = frozenset({"jr", "sr", "st", "ste", "mt", "mc", "dr", "mr", "mrs", "ms", "prof",
                            "mohd", "muhd", "wm", "chas", "thos", "jas"})


#: Verbs of a note's report that follow a name in capitals ("SON TOM CALLED", "WIFE MARY
#: VISITED"): past tense or third person, never a name word.
_NAME_VERB_CAPS = re.compile("|".join(w.upper() for w in _REPORT_VERBS) + "|" + (
    r"SPOKE|LEFT|ARRIVED|INFORMED|ROOMED|HELD|FED|GAVE|DID|CAME|STAYED|BATHED|CHANGED|VISITS|"
    r"CALLS|PHONED"))


#: A surname of two letters that is a word of grammar too, in title case ("To", "Do", "Ly" of
#: Vietnamese names): a surname only where a strong cue says so.
_SHORT_SURNAME = re.compile(r"[A-Z][a-z]")
_INITIAL = re.compile(r"[A-Z]\.")
#: A credential after a name ("T. To, RN").
_CREDENTIAL_AFTER = re.compile(rf"[ \t]*,[ \t]*{_CREDENTIALS}(?!\w)")
#: What follows a surname in a record or a report: a birth date or record number in brackets,
#: an apposition, an age or a credential ("Trung To (DOB ...", "Ngan To, a spokesman").
_RECORD_AFTER = re.compile(rf"[ \t]*(?:\((?:DOB|D\.O\.B|MRN|born|age|aged|\d)|,[ \t]*(?:an?[ \t]"
                           rf"|aged|\d|{_CREDENTIALS}(?!\w)))")


def after_particle(word: str) -> bool:
    """Whether ``word`` is a surname's particle, which the next word is the surname after
    ("DE" of "MILA DE VRIES")."""
    return word.strip(".,").lower() in _PARTICLES


def ends_no_name(word: str) -> bool:
    """Whether ``word`` is a particle that no name ends with ("de", "van"; "le", "la", "al",
    "el" are surnames too: "Nguyen Le")."""
    return word.lower() in _INNER_PARTICLES


def sentence_word_in_capitals(word: str) -> bool:
    """A word in capitals of the sentence around a name: English that no name list holds
    ("DRIVING", "SPEAKS", "DIED"; not "SMITH", "ROSE", "HOPE", nor "LONG", "PARK": names the
    lists leave out as words, nor a short word or a syllable that may be a surname: "CHO")."""
    return (len(word) >= 4 and word.isalpha() and word.isupper() and is_common_word(word)
            and not is_listed_name(word) and word.title() not in cued_name_words()
            and not _syllable_surname(word))


#: Grammar words that are names too ("In", "To", "So"), which end a name in capitals after
#: its first word: "BROTHER JIM IN TO VISIT", "DR. NGUYEN RE: PLAN".
_GRAMMAR_CAPS = frozenset({"IN", "TO", "ON", "RE", "SO", "NO", "MY", "WILL", "MAY", "CAN"})
#: Modals in capitals that are names too ("Can", "Will", "May"), and verbs that follow them in
#: a note ("SON WILL CALL", "WIFE CAN BE REACHED", "DAUGHTER MAY VISIT").
_MODALS_CAPS = frozenset({"WILL", "MAY", "CAN"})
_VERBS_CAPS = frozenset("BE CALL VISIT COME GO RETURN BRING PICK TAKE STAY SEE SPEAK TALK UPDATE "
                        "FOLLOW NEED HAVE GET LEAVE ARRIVE DECIDE DISCUSS MEET PHONE RING TRY "
                        "NOT ALSO CONTACT SIGN DRIVE".split())


def _base_verb_in_capitals(word: str) -> bool:
    """A verb's base form in capitals, as a modal takes it ("WIFE WILL THINK ABOUT IT", "SON
    MAY VISIT"): a listed verb, or an English word that no name list holds and that ends in
    neither -ED nor -S, no grammar word ("WILL SMITH", "WILL IS HERE", "WILL CALLED", "WILL IN
    TO VISIT" are a name's)."""
    if word in _VERBS_CAPS:
        return True
    return (len(word) >= 3 and word.casefold() not in GRAMMAR_WORDS
            and is_common_word(word) and not is_listed_name(word)
            and not word.endswith("ED") and not (word.endswith("S") and not word.endswith("SS")))


def _has_grammar_word(name: str) -> bool:
    """Whether a grammar word ("were", "and", "over") is among the words of ``name``."""
    return any(w.strip(".,").casefold() in FUNCTION_WORDS for w in name.split())


#: A full stop after a word of two letters or more at a name's end: its sentence ends there.
_SENTENCE_DOT = re.compile(r"[^\W\d_]{2,}\.$")
#: Grammar words that end what stands before a name (the short ones are names too: "To").
_BEFORE_A_NAME = FUNCTION_WORDS | {"to", "in", "on", "re", "so", "no", "my", "per"}


def _ends_sentence(token: str) -> bool:
    """Whether a word's full stop ends its sentence: not an initial's ("J.") nor an
    abbreviation's inside a name ("St.", "Mohd.")."""
    return (token.endswith(".") and len(token.rstrip(".")) > 1
            and token.rstrip(".").lower() not in _ABBREVIATIONS)


def _words_before_credential(text: str, start: int, end: int) -> tuple[int, int]:
    """The words of a credential rule's match after its last grammar word or sentence end:
    the name stands right before the credential ("REPORT TO FAITH RN" -> "FAITH")."""
    words = list(re.finditer(r"\S+", text[start:end]))
    for word in reversed(words[:-1]):
        token = word.group()
        if token.strip(".,").casefold() in _BEFORE_A_NAME or _ends_sentence(token):
            return start + word.end() + 1, end
    return start, end


def _trim_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Drop trailing stop words / punctuation a greedy match may have taken, and the next
    sentence ("I'm Maria Gonzalez. Call ...")."""
    words = list(re.finditer(r"\S+", text[start:end]))
    for i, (word, after) in enumerate(pairwise(words)):  # a column gap ends a field's value
        gap = text[start + word.end() : start + after.start()]
        if "\t" in gap or "  " in gap:  # "Policyholder: Ana Silva   DOB ..."
            words = words[: i + 1]
            break
    for i, word in enumerate(words[:-1]):
        if _ends_sentence(word.group()):
            words = words[: i + 1]
            break
    while words and words[-1].group().strip(".,") in _STOP:
        words.pop()
    while words and words[0].group().strip(".,") in _STOP:
        words.pop(0)
    # a grammar word ends a name, and starts none: in capitals every word looks like a name
    # word ("WIFE AND I HAVE DISCUSSED", "THE ELLIS WERE REMOVED", "WIFE MARY WAS AT BEDSIDE");
    # there a greedy match also runs on into the verb after the name ("SON TOM CALLED")
    for i, word in enumerate(words):
        token = word.group().strip(".,")
        if i and _SHORT_SURNAME.fullmatch(token) and _INITIAL.fullmatch(words[i - 1].group()) and (
                _CREDENTIAL_AFTER.match(text, start + word.end())):
            continue  # a surname that is a grammar word after an initial: "-- T. To, RN"
        if token.casefold() in FUNCTION_WORDS or (
                i and token.isupper() and (_NAME_VERB_CAPS.fullmatch(token)
                                           or token in _GRAMMAR_CAPS
                                           or (sentence_word_in_capitals(token) and not (
                                               after_particle(words[i - 1].group()))))):
            words = words[:i]
            break
    if not words:
        return None
    if words[0].group() in _MODALS_CAPS:  # a verb after it: a modal ("WIFE CAN BE REACHED")
        after = words[1].group() if len(words) > 1 else text[start + words[0].end() :][:20]
        verb = re.match(r"[ \t]*([A-Z]{2,})\b", after)
        if verb is not None and _base_verb_in_capitals(verb.group(1)):
            return None
    s, e = start + words[0].start(), start + words[-1].end()
    while e > s and text[e - 1] in ".,":
        e -= 1
    return (s, e) if e > s else None


# A run of capitalised words on one line (candidates for the name-list rule).
# At most 50 words a run: the regex engine keeps state per word, so an unbounded run over
# 1 MB of "John John ..." held about 90 MB.
_CAP_RUN = re.compile(portable(
    rf"(?<![\w'’-])(?:{_WORD}|[A-Z][A-Z'’-]+)"
    rf"(?:[ \t]+{_PARTICLE}*(?:{_WORD}|[A-Z][A-Z'’-]+)){{1,49}}"
))
_RUN_WORD = re.compile(r"[^\s]+")
_PARTICLES = frozenset(_PARTICLE.strip("(?:)[ \\t]+").replace(")", "").split("|"))
#: Particles that no name ends with ("le", "la", "al", "el" are surnames too: "Nguyen Le").
_INNER_PARTICLES = _PARTICLES - {"le", "la", "al", "el"}
GAZETTEER_SCORE = 0.7


def _listed_names(text: str) -> list[tuple[int, int]]:
    """Spans of 2-4 words that read as given name + surname (either order) by the name lists."""
    given, family = given_names(), family_names()
    found = []
    for run in _CAP_RUN.finditer(text):
        words = [(m.start() + run.start(), m.end() + run.start(), m.group().rstrip(".").title())
                 for m in _RUN_WORD.finditer(run.group())]
        i = 0
        while i < len(words) - 1:
            best = None
            for j in range(min(len(words) - 1, i + 3), i, -1):
                first, last = words[i][2], words[j][2]
                if min(len(first), len(last)) < 2 or last.lower() in _PARTICLES:
                    continue
                middle_ok = all(w[2] in given or w[2] in family or w[2].lower() in _PARTICLES
                                for w in words[i + 1 : j])
                if middle_ok and ((first in given and last in family)
                                  or (first in family and last in given)):
                    best = j
                    break
            if best is None:
                i += 1
            else:
                found.append((words[i][0], words[best][1]))
                i = best + 1
    return found


# "[3:20a] du qiang: ...", "Hiral (Support): ...", "> Zhiwei wrote:" (chat and thread speakers)
_SPEAKER = re.compile(
    r"(?m)^[ \t>]*(?P<stamp>\[[^\]\n]{1,24}\][ \t]*|\d{1,2}:\d{2}(?:[ \t]?[ap]m?)?[ \t]+"
    r"|\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?,?[ \t]+\d{1,2}:\d{2}[^-\n]{0,6}-[ \t]+)?"
    r"(?P<name>[A-Za-z\u00C0-\u024F\u1E00-\u1EFF'’-]+"
    r"(?:[ \t]+[A-Za-z\u00C0-\u024F\u1E00-\u1EFF'’-]+){0,2})"
    r"(?:[ \t]*\([^)\n]{1,24}\))?[ \t]*(?::|[ \t]wrote:)[ \t]"
)
SPEAKER_SCORE = 0.75
_WORD_RE = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF'’-]+")
SINGLE_NAME_SCORE = 0.55


#: A writer's initials that end a text: alone after its last sentence or on its last line, or
#: before a nurse's credential ("... NOT ADVISABLE AT THIS TIME.\nLK", "NUMBER CONFIRMED.\nPD
#: RN", "MM/RN", "-tlv rn", "POA SON GERALD 401-555-0163. JK"), or after a caret as a firm's
#: tweet signs its agent ("Sorry for any inconvenience ^KM").
#: A credential after a nurse's initials, in capitals or lower case ("RN", "rn", "SN").
#: A second role may follow it: a nurse case manager's "--tw rn cm".
_INITIALS_CREDENTIAL = (_alternatives(*_INITIALS_CREDENTIALS, "rn", "lpn", "sn")
                        + r"(?:[ \t]*[,/]?[ \t]*(?:cm|CM|bsn|BSN|ccrn|CCRN)\b)?")
_LAST_INITIALS = re.compile(
    r"(?:^|(?<=[.!?])|(?<=--)|(?P<caret>\^))[ \t]*-?(?P<name>[A-Z]{2,3}|[a-z]{2,3})"
    r"(?:(?:,?[ \t]+|[ \t]*/[ \t]*)(?P<credential>" + _INITIALS_CREDENTIAL + "))?"
    r"\s*\Z", re.M)
#: Capitals at a note's end that are no one's initials.
_NOT_INITIALS = frozenset("OK NO YES AM PM MD ER ED PER AND THE VE".split())  # "-ve": negative


def _initials_a_word(token: str, credential: str) -> bool:
    """Whether letters that sign a note are a word instead: no one's initials, a word of
    grammar, or in lower case a word of the dictionary, the clinic or chat
    (:func:`_signature_initials`; before "RN" in capitals, "mjs" signs)."""
    return (token.upper() in _NOT_INITIALS or token.casefold() in GRAMMAR_WORDS
            or (token.islower()
                and not _signature_initials(token, dictionary=not credential.isupper())))


def _last_initials(text: str) -> list[Span]:
    """The initials that sign a text at its end (:data:`_LAST_INITIALS`): after a caret in any
    text; otherwise no word of grammar, and in lower case no word of the dictionary, the clinic
    or chat (:func:`_signature_initials`: "pt rn"); before a credential, that is all; alone,
    in a note only (clinical language, or text of 20 words or more not in lay language whose
    letters are no chat: not "lol ... JK"), and no clinical shorthand ("DNR", "NPO")."""
    match = _LAST_INITIALS.search(text, max(0, len(text) - 24))
    if match is None:
        return []
    token = match.group("name")
    if not match.group("caret"):
        if _initials_a_word(token, match.group("credential") or ""):
            return []  # "plan.\npt rn", "ok"
        note = clinical_register(text) or (
            not lay_register(text) and token.casefold() not in CHAT_WORDS
            and len(_WORD_RE.findall(text, 0, 2000)) >= 20)  # (a short text's register: noise)
        if not match.group("credential") and not (note and not is_technical_word(token)):
            return []
    return [Span(*match.span("name"), "PERSON", 0.7, "names:last_initials")]


#: A writer's initials that sign one entry of a note, inside it: alone on a line before a
#: nurse's credential ("km rn", "KM RN"; a listed given name in lower case too, "amy rn"), or
#: after an entry's last sentence and a dash or a slash at the end of its line ("no c/o pain.
#: -kt", "update family in AM. /hl"; not a result's "screen -ve", which no sentence ends
#: before).
_ENTRY_INITIALS = re.compile(
    r"(?m)(?:^[ \t]*-{0,2}(?P<name>[A-Z]{2,3}|[a-z]{2,12})(?:,?[ \t]+|[ \t]*/[ \t]*)"
    r"(?P<credential>" + _INITIALS_CREDENTIAL + ")"
    r"|(?<=[.!?])[ \t]+(?:-{1,2}|/)[ \t]?(?P<signed>[A-Z]{2,3}|[a-z]{2,3}))[ \t]*$")


#: Words before a credential on a line of their own that say which nurse, not who.
_NO_SIGNER = frozenset("charge float agency primary travel traveler staff male female student "
                       "new this".split())


def _entry_initials(text: str) -> list[Span]:
    """The initials that sign an entry inside a note (:data:`_ENTRY_INITIALS`), as
    :func:`_last_initials` judges them at its end: no word of grammar, no clinical shorthand,
    in lower case no word of the dictionary or chat; and only in clinical register."""
    spans = []
    for match in _ENTRY_INITIALS.finditer(text):
        group = "name" if match.group("name") else "signed"
        token = match.group(group)
        given = (group == "name" and token.islower() and is_listed_name(token)
                 and _lower_name_word(token))  # a given name in lower case: "amy rn"
        if len(token) > 3 or given:  # (no shift's or team's word: "float rn", "night rn")
            if not given or (token.upper() in _CARE_TEAM or token in _NO_SIGNER
                             or is_technical_word(token)):
                continue
        elif _initials_a_word(token, match.group("credential") or "") or is_technical_word(token):
            continue
        spans.append(Span(*match.span(group), "PERSON", 0.7, "names:last_initials"))
    return spans if spans and clinical_register(text) else []


#: A clinician's name before a credential at a note's end, after its last sentence or alone on
#: its last line: "bridge of nose. Sokha RRT", "Mei-Ling Tan RN", "Jo (CMW)".
_SIGNING_CREDENTIALS = _alternatives(*_DEGREES, *_CARE_STAFF)
_LAST_NAME_CREDENTIAL = re.compile(
    r"(?:^|(?<=[.!?]))[ \t]*(?:-{1,2}[ \t]*)?(?P<name>[A-Z][a-z'’]+(?:[ -][A-Z][a-z'’]+){0,2})"
    rf"(?:[ \t]*,?[ \t]+{_SIGNING_CREDENTIALS}\.?|[ \t]*\({_SIGNING_CREDENTIALS}\))\s*\Z", re.M)


def _last_name_before_credential(text: str) -> list[Span]:
    """A clinician who signs a text's end with a name and a credential (see
    :data:`_LAST_NAME_CREDENTIAL`), every word of it (the first part of a hyphenated one) a
    listed name or a word no lexicon knows (not "Family RN", "Respiratory RT")."""
    match = _LAST_NAME_CREDENTIAL.search(text, max(0, len(text) - 48))
    if match is None:
        return []
    words = [w.split("-")[0] for w in match.group("name").split()]  # "Mei" of "Mei-Ling"
    if not all(is_listed_name(w) or unknown_word(w) for w in words):
        return []
    return [Span(*match.span("name"), "PERSON", 0.7, "names:last_initials")]


#: Speakers of a chat log that are no person.
_NOT_SPEAKERS = frozenset("system bot admin support me you note subject re fw fwd to from cc "
                          "date sent agent customer user guest operator moderator".split())
#: A chat log's time stamp ("[08:55]", "[5:40 AM]", "[1410]").
CHAT_CLOCK = re.compile(r"\[[ \t]*\d{1,2}:?\d{2}(?::\d{2})?[ \t]*(?:[ap]\.?m\.?)?[ \t]*\]",
                        re.IGNORECASE)
#: The date and time that open each line of an exported chat: WhatsApp's "12/09, 18:02 - ",
#: "12/9/24, 6:02 PM - " and "[12/09/2024, 18:02:33] ".
CHAT_EXPORT_STAMP = re.compile(
    r"\[?\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?,?[ \t]+\d{1,2}:\d{2}(?::\d{2})?"
    r"(?:[ \t\u202f]?[ap]\.?m\.?)?(?:\][ \t]*|[ \t]+-[ \t]+)", re.IGNORECASE)


def _speakers(text: str) -> list[Span]:
    """Chat speakers whose every word is a listed name, in any case; after a time stamp
    ("[08:55] bilal: hey"), a speaker of a word or two in lower case, whatever it is; after an
    exported chat's date and time ("12/09, 18:05 - Joe: not me"), a speaker of up to three
    words in any case, no system's or role's word."""
    out = []
    for match in _SPEAKER.finditer(text):
        words = match.group("name").split()
        stamp = match.group("stamp")
        stamped = stamp is not None and CHAT_CLOCK.match(stamp)
        exported = stamp is not None and CHAT_EXPORT_STAMP.fullmatch(stamp)
        if (
            all(is_listed_name(w) and not w.isupper() for w in words)
            and not all(w.lower() in dictionary_words() for w in words)
        ) or (stamped and len(words) <= 2 and all(w.islower() for w in words)
              and not any(w in _NOT_SPEAKERS for w in words)) or (
                exported and not any(w.lower() in _NOT_SPEAKERS or w.lower() in ROLE_WORDS
                                     or w.lower() in FUNCTION_WORDS
                                     or w.lower() in _FAMILY_SPEAKERS for w in words)):
            out.append(Span(*match.span("name"), "PERSON", SPEAKER_SCORE, "names:speaker"))
    return out


def _note_speaker(word: str) -> bool:
    """A line's opening word in lower case that is no chat speaker: a system's or a form's
    label, a role or clinical shorthand ("system:", "nurse:", "neuro 0800:")."""
    return word in _NOT_SPEAKERS or word in ROLE_WORDS or is_technical_word(word)


def _cased_note_speaker(word: str) -> bool:
    """A line's opening word with a capital (case-folded here) that is no chat speaker: a
    system's, a form's or a role's word, or a word of some lexicon that no name list holds
    ("Update:", "Me:", "Neuro:"; "Will:" and "Rose:" speak)."""
    if word in _NOT_SPEAKERS or word in ROLE_WORDS or word in NOT_ENTITIES:
        return True
    return word not in _FAMILY_SPEAKERS and not is_listed_name(word) and not unknown_word(word)


#: A chat line whose speaker comes before its time stamp, as a copied group chat shows it:
#: "hưng 12am: i can take her", "jennifer 1:05 PM: thanks", "mahmud 2332: anyone".
_SPEAKER_THEN_CLOCK = re.compile(
    r"(?m)^[ \t>]*(?P<name>[a-z\u00DF-\u00FF\u0100-\u024F\u1E00-\u1EFF][\w'’-]{1,19})[ \t]+"
    r"(?:\d{1,2}:\d{2}(?:[ \t]?(?i:[ap]\.?m\.?))?|\d{1,2}[ \t]?(?i:[ap]\.?m\.?)|[0-2]\d[0-5]\d)"
    r"[ \t]*:[ \t]+\S")


def _speakers_then_clocks(text: str) -> list[Span]:
    """Speakers in lower case before a time stamp and a colon, in a chat of two lines or more
    and two speakers or more, none a note's word: shorthand, a dictionary word that no name
    list holds, a role ("neuro 0800: alert", "pain 2200: 4/10", "note 12:30: ...")."""
    found = list(_SPEAKER_THEN_CLOCK.finditer(text)) if ":" in text else []
    names = {m.group("name") for m in found}
    if len(found) < 2 or len(names) < 2 or any(
            _note_speaker(n) or (is_dictionary_word(n) and not is_listed_name(n))
            for n in names):
        return []
    return [Span(*m.span("name"), "PERSON", SPEAKER_SCORE, "names:speaker") for m in found]


#: A line of a chat pasted without time stamps: a speaker of one word, a colon, the message
#: ("summer: ur an angel", "Rose: dont ask", "WILL: ROSE").
_TRANSCRIPT_LINE = re.compile(
    r"(?m)^[ \t]*(?P<name>[A-Za-z][a-z'’-]{1,19}|[A-Z][A-Z'’-]{1,19}):[ \t]+\S")
TRANSCRIPT_SOURCE = "names:transcript"
#: Speakers of a family's chat named by what they are to the writer ("mom: did anyone feed
#: the fish"): no name, though the chat's other speakers are.
_FAMILY_SPEAKERS = FAMILY_ADDRESS | frozenset("ma pa sis bro babcia dziadek abuela abuelo "
                                              "abuelita nonna nonno yiayia papou bubbe".split())


def _transcript_speakers(text: str) -> list[Span]:
    """The speakers of a chat pasted without time stamps ("summer:", "hope:", "minjun:",
    "Rose:", "WILL:"): three lines or more, two thirds of the text's lines, open with a word
    and a colon; two speakers or more, one of whom speaks again after another. Not a form's or
    a note's labels: no speaker is a field label, a role or clinical vocabulary ("name:",
    "host:", "neuro:"). A speaker in lower case may be any other word; one with a capital
    must be a listed name or a word no lexicon knows ("Will:", "Aigerim:", not "Update:",
    "Me:"). A family word speaks but is no name ("mom:")."""
    if text.count(":") < 3:  # (cheap: most texts hold no three colons)
        return []
    found = list(_TRANSCRIPT_LINE.finditer(text))
    if len(found) < 3 or 3 * len(found) < 2 * sum(1 for line in text.splitlines() if line.strip()):
        return []
    names = [m.group("name").lower() for m in found]
    again = any(name in names[:i] and name != names[i - 1] for i, name in enumerate(names))
    if len(set(names)) < 2 or not again or any(
            (_note_speaker(n) or n in NOT_ENTITIES) if m.group("name").islower()
            else _cased_note_speaker(n) for n, m in zip(names, found, strict=True)):
        return []
    return [Span(*m.span("name"), "PERSON", SPEAKER_SCORE, TRANSCRIPT_SOURCE)
            for n, m in zip(names, found, strict=True) if n not in _FAMILY_SPEAKERS]


#: Someone a message in lower case speaks of, after a verb of telling or greeting, or before
#: what a person does: "can u tell camila", "say hi to rin from me", "is vy still driving u",
#: "ya than bích ngân picks me up", "me and nils nilsen".
_LOWER_CUED = re.compile(portable(
    r"(?<![\w'’-])(?P<cue>tell|ask|text|call|ping|msg|message|remind|thank|thanks|thx|"
    r"(?:hi|hello|bye|love)[ \t]+to|is|was|and|ya|yeah|yea|(?:talked|spoke)[ \t]+(?:to|with)|"
    r"met[ \t]+(?:up[ \t]+)?with|hung[ \t]+out[ \t]+with|saw)[ \t]+"
    r"(?P<name>[^\W\d_A-Z][^\W\d_]*(?:-[^\W\d_]+)?(?:[ \t]+[^\W\d_A-Z][^\W\d_]*){0,2}?)"
    r"(?=[ \t]*(?:(?P<verb>still|picks|picked|said|says|is[ \t]+coming|will|texted|called|"
    r"drove)\b|$|[.,!?]|(?:from|for)[ \t]+me\b|too\b|lol\b|lmao\b|haha|pls\b|plz\b|tho\b|"
    r"asap\b|now\b|tonight\b|today\b|tmrw\b|tomorrow\b))"), re.MULTILINE)
#: Where the clause of a cue starts: after a sentence's or a speaker's mark, or at the line's.
_CLAUSE_START = re.compile(r"[.,!?;:\n][^.,!?;:\n]*$")
#: Cues after which a word of English may be a name ("tell roman"), and those after which it
#: is more often the word ("is mina still" may be a mine).
_TELLING = frozenset("tell ask text call ping msg message remind thank thanks thx".split())
_GREETING_TO = frozenset("hi hello bye love".split())
#: What a "call" before it names in a note: the call bell, its light ("did not use call bell").
_CALL_THINGS = frozenset("bell bells light lights button buttons back system".split())
LOWER_CUED_SCORE = 0.6


def _korean_given(word: str) -> bool:
    """A given name of two syllables of romanised Korean joined by a hyphen ("sung-min")."""
    first, _, second = word.partition("-")
    return bool(second) and _name_syllable(first) and _name_syllable(second)


def _lower_cued_names(text: str) -> list[Span]:
    """Names in a message written in lower case (a chat line's stamp aside), between a cue and
    the end of the message or a person's verb (:data:`_LOWER_CUED`): one to three words, each a
    listed name or a word no lexicon knows, none a grammar, chat or kin word. After "is",
    "and", "ya", "talked to", "met with" or "saw", at least one must be no English word, and
    every one listed unless a person's verb follows or two words make the name, none English
    ("is mina still" stays a word, "and phlebotomies." too; "is vy still", "me and marcin
    czarnecki" are names); two syllables of romanised Korean before a person's verb are a
    given name ("is bo ram still").
    """
    out = []
    for match in _LOWER_CUED.finditer(text):
        words = match.group("name").split()
        head = text[max(0, match.start() - 60) : match.start()]
        clause = _CLAUSE_START.search(head)
        if any(ch.isupper() for ch in (clause.group() if clause else head)):
            continue  # the clause is written in lower case ("appt to Oct 31, can u tell lan")
        if not all(_korean_given(w) if "-" in w else _lower_name_word(w) for w in words):
            continue  # "thanks sung-min!!" ("thanks co-op!!" is no name)
        cue = match.group("cue").split()
        if cue[0].lower() == "call" and words[0].lower() in _CALL_THINGS:
            continue
        telling = cue[0].lower() in _TELLING or cue[0].lower() in _GREETING_TO  # "hi to"
        english = [is_dictionary_word(w) or is_common_word(w) for w in words]
        korean = (match.group("verb") is not None and len(words) == 2
                  and all(map(korean_syllable, words)))  # "is bo ram still driving u"
        if not telling and not korean and not (  # "is vy still", "and nils nilsen"; not
                (match.group("verb") or all(map(is_listed_name, words))  # "and phlebotomies."
                 or (len(words) >= 2 and not any(english))) and not all(english)):
            continue
        out.append(Span(*match.span("name"), "PERSON", LOWER_CUED_SCORE, "names:lower_cue"))
    return out


#: What someone does to the writer of a message ("bilal just texted me", "jo called us").
#: (The verb first: a regex that opens with a space would be tried at every space.)
_TO_ME = re.compile(portable(
    r"(?<![\w'’])(?:texted|called|messaged|dmed|dm['’]d|snapped|snapchatted|facetimed|told|"
    r"asked|invited|tagged|rang|emailed|phoned|hugged|kissed|picked[ \t]+up|dropped[ \t]+off|"
    r"visited|replied[ \t]+to|followed|blocked|unfollowed)[ \t]+(?:me|u|us|ya)(?![\w'’])"))
#: An adverb between the subject and the verb ("bilal just texted me").
_ADVERB_BEFORE = re.compile(r"[ \t]+(?:just|also|literally|finally|already|never|still|even|"
                            r"prob|probably)[ \t]*$|[ \t]+$")
#: Words that may open a message's clause before its subject ("omg bilal just texted me").
_OPENERS = CHAT_WORDS | frozenset(
    "and but so then ok okay haha hahaha wait guess what also yesterday today tonight".split())
#: Subjects of such a clause that are no names ("he", "bae", "someone", "work").
_NO_SUBJECTS = frozenset("he she i we they you u it someone somebody everyone everybody nobody "
                         "noone anyone bae babe boo hun bestie bff bf gf hubby wifey".split())


def _subject_word(word: str) -> bool:
    """A word of the name of someone who texted the writer: a lower-case name's word, even
    one that only GCIDE knows ("panos"); no pronoun or endearment (:data:`_NO_SUBJECTS`)."""
    return word not in _NO_SUBJECTS and _lower_name_word(word, dictionary=False)


def _lower_subjects(text: str) -> list[Span]:
    """Someone who texted, called or told the writer, named in lower case at the start of a
    clause of a message in lower case ("omg bilal just texted me", "francisco called me last
    night"): one or two words, each a listed name or a word no lexicon knows, none a
    pronoun, kin or chat word; only chat words before them in the clause."""
    out = []
    for match in _TO_ME.finditer(text):
        start = match.start()
        adverb = _ADVERB_BEFORE.search(text, max(0, start - 16), start)
        if adverb is None:
            continue
        start = adverb.start()
        head = text[max(0, start - 60) : start]
        clause = _CLAUSE_START.search(head)
        part = clause.group()[1:] if clause else head
        if any(ch.isupper() for ch in part):
            continue
        words = list(_CTX_WORD.finditer(part))
        for n in (2, 1):
            if len(words) < n:
                continue
            name, opening = words[-n:], words[:-n]
            if (all(_subject_word(w.group()) for w in name)
                    and all(w.group() in _OPENERS for w in opening)
                    and re.fullmatch(r"[ \t]*", part[name[-1].end():]) is not None):
                offset = start - len(part)
                out.append(Span(offset + name[0].start(), offset + name[-1].end(), "PERSON",
                                LOWER_CUED_SCORE, "names:lower_cue"))
                break
    return out


def _lower_name_word(word: str, *, dictionary: bool = True) -> bool:
    """A word of a lower-case name: a listed name, even one that is a word or a drug's brand
    ("roman", "camila"), or a word no lexicon knows (with ``dictionary`` off, none but GCIDE);
    no grammar, chat, kin, sentence or field word."""
    if len(word) < 2 or _no_lower_name(word):
        return False
    return is_listed_name(word) or unknown_word(word, dictionary=dictionary, shortest=2)


def _no_lower_name(word: str) -> bool:
    """A word that is no name in lower case, whatever the lists say: grammar, chat, kin, a
    sentence's or a field's word."""
    lower, title = word.lower(), word[:1].upper() + word[1:].lower()
    return (lower in FUNCTION_WORDS or lower in CHAT_WORDS or lower in NOT_NAME_LOWER
            or lower in _KIN or title in _STOP or title in _SENTENCE_WORDS
            or title in NOT_NAME_WORDS)


def _single_given_names(text: str) -> list[Span]:
    """Single words that can only be a given name (listed, and not an English word)."""
    out = []
    for match in _WORD_RE.finditer(text):
        word = match.group()
        cased = word[:1].isupper() or word.islower()
        if cased and word.upper() != word and is_unambiguous_given_name(word) and word not in _STOP:
            out.append(Span(*match.span(), "PERSON", SINGLE_NAME_SCORE, "names:given"))
    return out


#: One to three capitalised words in the middle of a sentence: after a lower-case word or a
#: comma and one space ("proud of our Joy walking", "no Odunsi??", "injured in Tollcross"),
#: none past a possessive ("Soto's Cautionary Tales") and none a contraction ("Don't").
_MID_SENTENCE_CAPITALS = re.compile(
    r"(?<=[a-z,][ ])(?P<name>(?:[A-Z](?:[a-z]*['’][A-Z])?[a-z]+)"  # "Oduya", "O'Brien"
    r"(?:[ ][A-Z](?:[a-z]*['’][A-Z])?[a-z]+){0,2})"
    r"(?:(?=['’]s\b)|(?![\w'’-]))")  # a possessive after it, outside: "Oduya's"
#: A title of the name rules', at home or abroad ("Mr", "Shri", "Mdm"): before a name, never
#: in it.
_TITLE_WORD = re.compile(rf"{_TITLES}|{_TITLES_ABROAD}")
#: Its score: under a model's, that the evidence rules judge like a list's guess.
MID_SENTENCE_SCORE = 0.55
#: The longest text read as a post for it: a judgment or an article capitalises its terms
#: ("the Division Bench", "a Polish national", "Your Honor").
POST_LENGTH = 1500


def _capitalised_in_posts(text: str) -> list[Span]:
    """Capitalised words in the middle of a sentence of a post, where the writer capitalises
    only names ("so proud of our Tshabalala walking across that stage", "no Odunsi?? abeg"): a
    name, a place or a firm that no model reported. One that holds a word no lexicon knows and
    the dictionary does not hold ("Joy" is one), its dictionary words before it left out
    ("Love Miccoli"); on a line that is not a headline in title case ("Teach Like a
    Champion"); not "I'm"; in a text no longer than a post (:data:`POST_LENGTH`) and no note
    (:func:`~redactor.detect.lexicon.note_register`). The evidence rules judge it as they
    judge a model's (nationalities, chat, holidays: ``names:capitalised`` needs evidence).
    Two or three such words of the dictionary may be a venue instead (:func:`_venue_in_posts`).
    In the same texts, a name that opens a sentence before a verb
    (:func:`_opening_names_in_posts`) and an organisation's initials
    (:func:`_acronyms_in_posts`)."""
    if len(text) > POST_LENGTH or note_register(text):
        return []
    out = []
    for match in _MID_SENTENCE_CAPITALS.finditer(text):
        words = match.group("name").split()
        if any(w in NOT_NAME_WORDS or is_technical_word(w) for w in words):
            continue
        if all(is_common_word(w) or is_dictionary_word(w) or w.casefold() in CHAT_WORDS
               for w in words):
            if len(words) > 1 and not all(is_common_word(w) for w in words):
                venue = _venue_in_posts(text, match)  # "at The Ferryman", "Rusty Anchor"
                out.extend([venue] if venue else [])
            continue
        if _headline_line(text, match.start(), match.end()):
            continue  # a headline or a title in title case
        start, end = match.span("name")
        while words and (is_dictionary_word(words[0]) or _TITLE_WORD.fullmatch(words[0])):
            start += len(words.pop(0)) + 1  # a word or a title before it: "Love Miccoli",
            # "Shri Vinod Kumar"
        if not words:
            continue
        out.append(Span(start, end, "PERSON", MID_SENTENCE_SCORE, "names:capitalised"))
    return out + _opening_names_in_posts(text) + _acronyms_in_posts(text)


def _headline_line(text: str, start: int, end: int) -> bool:
    """Whether the line around ``text[start:end]`` capitalises most of its words: a headline
    or a title in title case ("Teach Like a Champion"), where capitals say nothing."""
    line_end = text.find("\n", end)
    line = text[text.rfind("\n", 0, start) + 1 : line_end if line_end >= 0 else None]
    tokens = re.findall(r"[A-Za-z][\w'’]*", line)
    return 2 * sum(t[:1].isupper() for t in tokens) > len(tokens)


def _venue_in_posts(text: str, match: re.Match[str]) -> Span | None:
    """Capitalised words of the dictionary in the middle of a post's sentence, one at least
    rarer than everyday language: a pub's, a band's or a shop's name ("went to the Rusty
    Anchor", "at the Copper Kettle"), on a line that is not a headline in title case; not the
    end of a title ("Tube Snake Boogie") or words in quotes, nor a greeting's or a title's
    word before a person's name ("Hi Harry", "Mdm Lim"), nor a faith ("Orthodox Christian")."""
    if _headline_line(text, match.start(), match.end()):
        return None
    before = text[text.rfind("\n", 0, match.start()) + 1 : match.start()]
    previous = before.split()[-1:]
    if (previous and not previous[0].islower()) or sum(map(before.count, '"“”')) % 2:
        return None  # inside a title, or in quotes
    words = match.group("name").split()
    first, last = words[0], words[-1]
    if ((is_listed_name(last) and not is_dictionary_word(last)) or first.lower() in _HAILS
            or _TITLE_WORD.fullmatch(first)):
        return None  # a name after a greeting or a title: "Hi Harry", "Mdm Lim"
    if any(FAITH.fullmatch(w) for w in words):
        return None  # a faith: "identifies as Orthodox Christian"
    return Span(*match.span("name"), "ORGANIZATION", MID_SENTENCE_SCORE, "names:capitalised")


#: Words that greet or hail someone before their name ("Hi Harry", "Happy Birthday Grace").
_HAILS = frozenset("hi hey hello dear thanks thank congrats congratulations happy welcome bye "
                   "go rip".split())


#: One or two capitalised words that open a sentence, then a verb of a report ("Mehmet called
#: me yesterday", "Tobi scored again", "Adaeze Okoro is back").
_OPENING_NAME = re.compile(
    r"(?:^|(?<=[.!?][ ])|(?<=[.!?][ ][ ]))[\"'“(]*(?P<name>[A-Z][a-z]+(?:[ ][A-Z][a-z]+)?)"
    r"(?=[ ,](?:is|was|has|had|will|can|said|says|called|came|went|got|just|told|asked|wants"
    r"|gave|sent|loves|[a-z]{2,}ed)\b)", re.MULTILINE)


#: The same in lower case, one word before a verb of a post ("checo getting outqualified
#: again", "mrbeast giving away islands"), at a line's or a sentence's start or after a word of
#: surprise ("omg ...").
_OPENING_LOWER_NAME = re.compile(
    r"(?:^|(?<=[.!?][ ])|(?<=[.!?][ ][ ])|(?<=^omg[ ])|(?<=^wow[ ])|(?<=^lol[ ])|(?<=^yo[ ]))"
    r"(?P<name>[a-z][a-z]{2,})"
    r"(?=[ ](?:is|was|has|had|just|said|says|called|texted|scored|got|getting|giving|won|lost"
    r"|went|came|told|asked|wants|posted|dropped|really|finally|always|never)\b)", re.MULTILINE)


def _opening_names_in_posts(text: str) -> list[Span]:
    """A name that opens a sentence of a post before a verb (:data:`_OPENING_NAME`,
    :data:`_OPENING_LOWER_NAME`), where no model reads a lone name without context: every word
    one that no dictionary, lexicon or chat list holds, and no word of chat drawn out
    ("bruhhh"). Called from :func:`_capitalised_in_posts`, in the same texts."""
    out = []
    for match in (*_OPENING_NAME.finditer(text), *_OPENING_LOWER_NAME.finditer(text)):
        words = match.group("name").split()
        if any(is_dictionary_word(w) or is_common_word(w) or is_technical_word(w)
               or w.casefold() in CHAT_WORDS or w in NOT_NAME_WORDS
               or w.casefold() in NOT_NAME_LOWER or _DRAWN_OUT.search(w) for w in words):
            continue
        out.append(Span(*match.span("name"), "PERSON", MID_SENTENCE_SCORE, "names:capitalised"))
    return out


#: Three to five capitals that stand alone as a word ("bills from KPLC", "the LVG lot"), no
#: Roman numeral ("Henry VII", "Chapter XIV").
_ACRONYM = re.compile(r"(?<![\w@#/&.'’-])(?!(?:C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})(?!\w))"
                      r"[A-Z]{3,5}(?![\w/&'’-])")
#: Capitals of three to five letters that are no organisation's initials in a post: a forum's
#: shorthand ("NTA", "SIL" for a sister-in-law), time zones, common nouns, documents and
#: everyday technology ("GMT", "NGO", "PDF", "IBAN", "VPN", "IMEI"). Read by
#: :func:`_acronyms_in_posts` only: as shared field labels or chat they would drop names
#: elsewhere ("Ram", "Swift", a nurse's "dh rn").
_ORDINARY_INITIALS = frozenset("""
    nta yta esh sil bil mil fil gmt utc bst est pst cet ist ngo ngos ceo cfo cto faq pdf apr kyc
    pin atm gst vat odi iban swift bic vip vlog vpn api sql kpi roi sla usb hdmi gps sms otp cpu
    gpu ram ssd hdd crm erp saas fbar itin imei
    """.split())
#: What follows a field's label or a model's letters: "ITIN: 900-65-9492", "IMEI: 35...", "RTX
#: 3080".
_LABEL_AFTER = re.compile(r"[ \t]*(?:[:#=]|\d)")
#: What marks a text as a post: an emoji, a handle or a hashtag.
_POST_MARK = re.compile(r"[\U0001F300-\U0001FAFF\u2600-\u27BF]|(?<![\w@#])[@#][A-Za-z_]\w")
#: The longest text read as a post without such marks (a tweet's length).
TWEET_LENGTH = 280


def _post(text: str) -> bool:
    """Whether ``text`` reads as a post: a tweet's length, or an emoji, a handle, a hashtag or
    a word of chat in it (not a support ticket's or a form's prose)."""
    return (len(text) <= TWEET_LENGTH or _POST_MARK.search(text) is not None
            or any(w in CHAT_WORDS for w in re.findall(r"[a-z]+", text.lower())))


def _acronyms_in_posts(text: str) -> list[Span]:
    """An organisation's initials in a post written in lower and mixed case ("KPLC took the
    light again", "queue at the QMU"): three to five capitals that no lexicon, chat list or
    clinical shorthand knows, no field's label ("ITIN: ..."). Only in a post
    (:func:`_post`), not in one written in capitals, where every word is one, nor in a short
    note that tells of care (under 20 words, or under :func:`note_register`'s share: "remains
    on ITO", "questions for MDT"): a share of clinical words under 0.3."""
    out = []
    for match in _ACRONYM.finditer(text):
        word = match.group()
        if (is_dictionary_word(word.lower()) or is_technical_word(word)
                or word.lower() in CHAT_WORDS or word.lower() in NOT_ENTITIES
                or word.lower() in _ORDINARY_INITIALS or word.title() in NOT_NAME_WORDS
                or _LABEL_AFTER.match(text, match.end())):
            continue
        out.append(Span(*match.span(), "ORGANIZATION", MID_SENTENCE_SCORE, "names:capitalised"))
    if not out:  # (the text's tests after the words': most texts hold no such word)
        return []
    upper = sum(map(str.isupper, text))
    if (3 * upper > sum(map(str.islower, text)) or not _post(text)
            or clinical_share(text) >= 0.3):
        return []
    return out


_ECHO_TOKEN = re.compile(r"[^\W\d_][\w'’-]*")
#: Words that start sentences far more often as English than as a name ("Do not ...", "Long
#: term ..."), never echoed there even when a name in the document holds them.
_SENTENCE_WORDS = frozenset(
    """Do Does Did May Might Will Would Can Could Shall Should Must Long Most More Many Much
    Some Any All No Not So Then Than Now Here There Where When Why How What Who Which This
    That These Those It He She We They You I A An The And But Or If As At By In On To Up Go
    Get Let Make Keep See Call Ask Tell Give Take Bring Please Thanks Yes Well Good Great Hi
    Hello Dear Oh Ok Us Me My Be Is Of Ah Am Mark Bill Hope Grace Joy Rose Will Art Guy""".split()
)
ECHO_SCORE = 0.7
ECHO_MIN_SOURCE_SCORE = 0.8


#: The sentence words that a found name's word echoes as before a verb ("Long slept poorly"
#: after "Patient: Long Duc Dinh"); the others never ("May was cold", "He is").
_NAMES_AMONG_SENTENCE_WORDS = frozenset(
    "Art Bill Grace Guy Hope Joy Long Mark Rose Than".split())
# After a name that starts a sentence: a verb or a clause ("Nam slept", "Ha is", "Son can").
_SENTENCE_VERB = re.compile(
    r"[ \t]+(?:is|was|has|had|have|can|could|will|would|did|does|said|says|told|asked|called|"
    r"reports?|reported|denies|denied|slept|designed|admitted|joined|came|went|left|lives|"
    r"lived|works|worked|felt|feels|remains|remained|returned|presents|presented|agreed|"
    r"declined|understands|states|stated|notes|noted|wants|wanted|arrived|got|gets|"
    r"to[ \t]+(?:book|call|ring|phone|contact|return|attend|see|follow))\b"
)
#: The same in a note written in capitals ("SUN REPORTS 2 DAYS OF SYMPTOMS").
_SHOUTED_VERB = re.compile(_SENTENCE_VERB.pattern, re.IGNORECASE)


def echo_names(text: str, spans: Sequence[Span]) -> list[Span]:
    """Other mentions in ``text`` of the words of confidently found names: the given or family
    name alone ("Bushra slept poorly" after "Patient: Bushra Al-Hashimi").

    Words that are English dictionary words are echoed only when they are listed names, rare
    words no common lexicon holds ("Venter") or a word of a name of three words or more
    ("Tram" of "Kieu Bich Tram"), capitalised, and not at the start of a sentence or line
    unless a verb follows ("Hill", "Walker"); words that start sentences ("Long", "Than",
    "Will") only before a verb ("Long slept poorly").
    """
    safe: set[str] = set()
    wordlike: set[str] = set()
    before_verb: set[str] = set()
    for span in spans:
        if span.label != "PERSON" or span.score < ECHO_MIN_SOURCE_SCORE:
            continue
        tokens = list(_ECHO_TOKEN.finditer(text[span.start : span.end]))
        for match in tokens:
            word = match.group()
            if (len(word) < 2 or word.title() in NOT_NAME_WORDS or word.title() in _STOP
                    or word.casefold() in FUNCTION_WORDS  # "WE WERE ABLE TO" echoes no "WERE"
                    or word.casefold() in CHAT_WORDS  # "dem eat ..." echoes no "dem"
                    or word.casefold() in ROLE_WORDS  # "DELGADO, Petitioner v. ..." no role
                    or _CREDENTIAL.fullmatch(word)  # "GLENN HOLLIS MD" echoes no "M.D."
                    or _TITLE_WORD.fullmatch(word)  # "hi, Professor." echoes no title
                    or (len(word) >= 3 and word.casefold() in NOT_ENTITIES)):  # "DOB", "MRN"
                continue
            upper = word.isupper()
            word = word.title() if upper or word.islower() else word
            if not is_dictionary_word(word):
                safe.add(word)
            elif word in _SENTENCE_WORDS:
                if word in _NAMES_AMONG_SENTENCE_WORDS:
                    before_verb.add(word)  # "Long slept poorly" after "Patient: Long Đức Đinh"
            elif is_listed_name(word) or not is_common_word(word) or len(tokens) >= 3:
                wordlike.add(word)  # "Venter"; "Tram" of "Kieu Bich Tram"
                if upper and shouting(text, span.start, span.end):  # "SUN REPORTS"
                    wordlike.add(word.upper())
    out: list[Span] = []
    for start, end in _mentions(text, before_verb, fold=False) if before_verb else ():
        if _SENTENCE_VERB.match(text, end):
            out.append(Span(start, end, "PERSON", 0.65, "names:echo"))
    for words, flags, score in ((safe, re.IGNORECASE, ECHO_SCORE), (wordlike, 0, 0.65)):
        if not words:
            continue
        for start, end in _mentions(text, words, fold=bool(flags)):
            if not flags:  # at a sentence or line start (looked up without copying the text)
                i = start
                while i > 0 and text[i - 1] in " \t":
                    i -= 1
                at_start = i == 0 or text[i - 1] in ".!?:\n"
                verb = (_SHOUTED_VERB if text[start:end].isupper() else _SENTENCE_VERB).match(
                    text, end)
                if at_start and not verb:
                    continue
            out.append(Span(start, end, "PERSON", score, "names:echo"))
    return out


#: A run of word characters, apostrophes and hyphens, from its start.
_RUN = re.compile(r"(?<![\w'’-])[\w'’-]+")


def _mentions(text: str, words: set[str], fold: bool) -> Iterator[tuple[int, int]]:
    """Where a word of ``words`` stands whole in ``text`` (case-blind with ``fold``): at the
    start of a run of word characters, apostrophes and hyphens, and running to its last word
    character or beyond ("Smith", "Smith'", not "Smith's" or "Smithson"); the longest such
    word where several fit. One lookup per run, where an alternation of the words would be
    compiled anew for every document."""
    keys = {folded(w) for w in words} if fold else words
    longest = max(map(len, words))
    for run in _RUN.finditer(text):
        token = run.group()
        shortest = len(token.rstrip("'’-"))
        for length in range(min(len(token), longest), shortest - 1, -1):
            piece = token[:length]
            if (folded(piece) if fold else piece) in keys:
                yield run.start(), run.start() + length
                break


#: Cue and predicate phrases of the context rule (one a line, two sections).
_CONTEXT_DATA = Path(__file__).with_name("data") / "person_context.txt"
#: A word of a name in running text: letters, an apostrophe or hyphen inside ("O'Neil",
#: "Seo-yeon", "Al-Sayed").
_CTX_WORD = re.compile(
    r"(?<![\w#@])[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+(?:['’][^\W\d_]+)*)*(?![\w@])")
#: Words before a capitalised word that make it a thing, not a person ("the Xyz said").
_DETERMINERS = frozenset("the a an this that these those our their his her its my your of in "
                         "at on from into onto by with".split())
#: A place is a name only when a name list holds it and it is smaller than this ("Nakamura",
#: "Jackson" are surnames; "Boston reported", "Houston said" are places or their teams).
CONTEXT_MAX_PLACE_POPULATION = 500_000
CONTEXT_SCORE = 0.6
#: Both a cue before and a predicate after: confident enough to echo ("names:echo").
CONTEXT_BOTH_SCORE = 0.85
_MAX_RUN = 3


@lru_cache(maxsize=1)
def _context_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The cue regexes (anchored at the end of the text before a name: the cues of section
    ``alone``, then all cues) and the predicate regex (anchored at the end of the name), from
    :data:`_CONTEXT_DATA`."""
    sections: dict[str, list[str]] = {"alone": [], "before": [], "after": []}
    current: list[str] | None = None
    for raw in _CONTEXT_DATA.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections[line[1:-1]]
        elif current is not None:
            current.append(line.replace(" ", r"[ \t]+"))

    def cue(phrases: list[str]) -> re.Pattern[str]:
        return re.compile(rf"(?i:(?<![\w/])(?:{'|'.join(phrases)}))(?!\w)[ \t]*[:,\-–]?[ \t]*$")

    after = re.compile(rf"[ \t]*(?i:(?:{'|'.join(sections['after'])}))(?![\w/'’-])")
    return cue(sections["alone"]), cue(sections["alone"] + sections["before"]), after


def person_predicate_at(text: str, end: int) -> bool:
    """Whether what follows ``end`` is something only a person does ("said", "reviewed the
    chart", "stable overnight": section ``after`` of :data:`_CONTEXT_DATA`)."""
    return _context_patterns()[2].match(text, end) is not None


@lru_cache(maxsize=1 << 16)
def _word_case(word: str) -> str:
    """``upper``, ``lower``, ``title`` ("Okonkwo", "O'Neil", "McAdams", "Seo-yeon"; not
    "VerizonBreachReport") or ``other``."""
    if word.isupper():
        return "upper"
    if word.islower():
        return "lower"
    first, *rest = re.split(r"['’-]", re.sub(r"^(?:Mc|Mac|O['’]|D['’])(?=[A-Z])", "", word))
    if (len(first) >= 2 and first[0].isupper() and first[1:].islower()
            and all(p[1:].islower() or len(p) <= 1 for p in rest)):
        return "title"
    return "other"


@lru_cache(maxsize=1 << 14)
def _place(word: str) -> str:
    """``""`` for no place, ``small`` for a city of fewer than
    :data:`CONTEXT_MAX_PLACE_POPULATION` people, ``large`` for a larger one, a country or a
    US state ("Nakamura" and "Jackson" are small places and surnames; "Boston" is large)."""
    from redactor.detect.places import city_populations

    folded = word.casefold()
    if folded not in place_names():
        return ""
    if folded in country_names():
        return "large"
    small = city_populations().get(folded, 0) < CONTEXT_MAX_PLACE_POPULATION
    return "small" if small else "large"


def unknown_word(word: str, *, dictionary: bool = True, shortest: int = 3) -> bool:
    """A word no lexicon of the project knows: not English (GCIDE, Philter's whitelist), not
    clinical or a drug, no stop word, and no place unless a small one that a name list holds.
    Such a word in a person's position is read as a name ("Okonkwo", "Tshabalala"). Places
    are judged apart (:func:`_place`). Without ``dictionary``, a word that only GCIDE holds
    counts too ("Venter", "Belay": rare English, common surnames), for slots where a cue on
    both sides says "person"; ``shortest``: its fewest letters."""
    title = word[:1].upper() + word[1:].lower()
    if (len(word) < shortest or title in NOT_NAME_WORDS or title in _STOP
            or title in _SENTENCE_WORDS):
        return False
    lower = word.lower()
    if lower in NOT_NAME_LOWER or lower in _NAME_VERBS or lower in _NOT_USER:
        return False
    return not is_common_word(word) and not (dictionary and is_dictionary_word(word))


@lru_cache(maxsize=1 << 16)
def _name_word(word: str) -> bool:
    """A word that may stand in a name of the context rule: unknown, or a listed name that
    is no word of the lexicons ("li" of "wei li"; not "will", "hope", nor a compound of
    English words: "DAUGHTER-IN-LAW")."""
    parts = [part for part in word.split("-") if part]
    if len(parts) > 1 and all(map(is_common_word, parts)) and not is_listed_name(parts[0]):
        return False  # ("Young-mi" starts with a name)
    if unknown_word(word):
        return True
    lower = word.lower()
    return (len(word) >= 2 and is_listed_name(word) and not is_common_word(word)
            and lower not in NOT_NAME_LOWER and lower not in _NAME_VERBS
            and word.title() not in NOT_NAME_WORDS and word.title() not in _STOP)


@lru_cache(maxsize=1 << 16)
def _pair_word(word: str) -> bool:
    """A listed name that is also an English word ("Lee", "Tran", "Bo", "Ha", "Sun"): a name
    of the context rule only as half of a given name and surname pair, or with both cues."""
    title = word[:1].upper() + word[1:].lower()
    lower = word.lower()
    return (len(word) >= 2 and is_listed_name(word) and title not in NOT_NAME_WORDS
            and title not in _STOP and title not in _SENTENCE_WORDS
            and lower not in NOT_NAME_LOWER and lower not in _NAME_VERBS
            and lower not in _NOT_USER and not is_technical_word(word))


def _listed_pair(words: Sequence[str]) -> bool:
    """Two words that the name lists read as given name and surname, either order ("Bo Lee",
    "Tran An", "na li")."""
    if len(words) != 2:
        return False
    first, last = (w[:1].upper() + w[1:].lower() for w in words)
    given, family = given_names(), family_names()
    return (first in given and last in family) or (first in family and last in given)


_Run = tuple[int, int, str, list[str]]


@lru_cache(maxsize=1 << 16)
def _run_word(word: str) -> bool:
    """A word that may stand in a run of the context rule: a name's word, a listed name that
    is a word too, or a word only GCIDE knows ("Panos", before what only a name takes)."""
    return _name_word(word) or _pair_word(word) or unknown_word(word, dictionary=False,
                                                                 shortest=2)


def _runs(text: str) -> Iterator[list[re.Match[str]]]:
    """Runs of up to :data:`_MAX_RUN` words of one casing that may be names, separated by one
    space or tab, one at a time (a list of them all held a match per word of the text)."""
    run: list[re.Match[str]] = []
    case = ""
    for match in _CTX_WORD.finditer(text):
        word = match.group()
        this = _word_case(word) if _run_word(word) else "other"
        if (this == case and len(run) < _MAX_RUN
                and text[run[-1].end() : match.start()] in (" ", "\t")):
            run.append(match)
            continue
        if run:
            yield run
        run, case = ([match], this) if this != "other" else ([], "")
    if run:
        yield run


def _candidates(text: str) -> Iterator[_Run]:
    """(start, end, casing, words) of each run, and of the two pairs inside a run of three
    whose words are not all unknown ("Rose Bo Lee": "Bo Lee" too), one at a time."""
    for run in _runs(text):
        words = [m.group() for m in run]
        parts = [run]
        if len(run) == 3 and not all(_name_word(w) for w in words):
            parts += [run[:2], run[1:]]
        for p in parts:
            found = [m.group() for m in p]
            end = p[-1].end()
            if found[-1][-2:] in ("'s", "’s") and len(found[-1]) > 4:  # "Oyelaran's son"
                found[-1], end = found[-1][:-2], end - 2
            yield (p[0].start(), end, _word_case(p[0].group()), found)


#: What follows a person's name and nothing else: "and I" ("Nam and I went"), an age between
#: commas ("Woo, 54, was"), a birth date ("Won (DOB 01/02/1950)"), "is a 67 yo".
_PERSON_ONLY_AFTER = re.compile(
    r"[ \t]+and[ \t]+(?:I|me)(?![\w'’])|,[ \t]+(?:aged[ \t]+)?\d{1,3},"
    r"|[ \t]*[,(]?[ \t]*(?i:dob|d\.o\.b\.?|date[ \t]+of[ \t]+birth)\b"
    r"|[ \t]+(?i:is|was)[ \t]+(?i:an?)[ \t]+\d{1,3}(?:-|[ \t])?(?i:yo|y/o|y\.o\.|year|yr)")


def _context_names(text: str) -> list[Span]:
    """Names nobody listed, read from where they stand: a word no lexicon knows after a
    handover or sign-out cue ("handover: Tshabalala", "Per Oyelaran,") or before a predicate
    only a person takes ("Okonkwo reviewed the chart", "AHANONU STABLE OVERNIGHT").

    Title case needs a cue or a predicate (and no determiner before it: "the Xyz said");
    capitals need a line in capitals and a predicate; lower case needs a cue and a predicate
    ("pt oduya stable overnight"), or a cue before a listed pair ("spoke with bo lee"). At
    least one word must be no English word (unless a listed pair says "name": "Bo Lee"); no
    word may be a large place or a country, and a small place needs a name list or both cues
    ("handover: Yoshikawa stable overnight")."""
    alone, before, after = _context_patterns()
    out = []
    for start, end, case, words in _candidates(text):
        predicate = after.match(text, end) is not None
        if (case == "upper" and not predicate) or (
                case == "lower" and not predicate and not _listed_pair(words)):
            continue  # a predicate needed: no cue is looked for
        if any(w[:1].upper() + w[1:].lower() in NOT_NAME_WORDS for w in words):
            continue  # no name's word: "HUSB ASKED ABT CHEMO"
        head = line_before(text, start, 40)  # never the whole text
        cue = before.search(head) is not None
        if not (cue or predicate):
            continue
        # what only a person's name comes before ("Nam and I went", "Won, 54, was") takes a
        # listed name or a word only GCIDE knows ("Panos") as well
        certain = (case != "lower" and _PERSON_ONLY_AFTER.match(text, end) is not None
                   and all(_pair_word(w) or unknown_word(w, dictionary=False, shortest=2)
                           for w in words))
        if not all(_name_word(w) for w in words):  # a word of English: "Bo Lee", "Tran"
            single = len(words) == 1 and case != "lower"
            if not (_listed_pair(words) or (single and cue and predicate) or certain):
                continue
        elif all(is_dictionary_word(w) for w in words) and not certain:
            continue
        places = {_place(w) for w in words}
        if "large" in places:
            continue
        if case == "upper" and (not shouting(text, start, end) or (
                any(len(w) < 3 for w in words) and not _listed_pair(words))):
            continue
        previous = head.split()[-1].lower() if head.split() else ""
        if case == "lower":  # "pt oduya stable overnight", "spoke with bo lee"
            ok = cue and (predicate or _listed_pair(words))
        elif case == "upper":
            ok = predicate and (cue or not head.strip(" \t-*•>#") or head.rstrip()[-1] in ".!?;:")
        else:
            boundary = re.match(r"[ \t]*(?:[,.;:)]|[ \t]-|$)", text[end : end + 3]) is not None
            ok = ((cue and (predicate or boundary or alone.search(head) is not None))
                  or (predicate and previous not in _DETERMINERS))
        if ok and "small" in places:  # a town unless a name list holds it, or both cues say so
            ok = (cue and predicate) or all(is_listed_name(w) for w in words if _place(w))
        if ok:
            score = CONTEXT_BOTH_SCORE if cue and predicate and case != "lower" else CONTEXT_SCORE
            out.append(Span(start, end, "PERSON", score, "names:context"))
    return out


#: A name with the age a news report or a record gives after it, then the rest of the clause:
#: "Woo, 54, was arrested", "Sadia Rahman, 34, a nurse from Dhaka", "MIN, aged 71, who".
_AGED = re.compile(portable(
    r",[ \t]+(?i:aged[ \t]+)?\d{1,3},[ \t]+(?=(?i:was|is|were|has|had|who|whose|a|an|the|of|"
    r"from|said|told|says|died|and|his|her|their|will|would|lives|worked|works)\b)"))
#: The name before such an age (the age is looked for first: it is rare, capitals are not).
_AGED_NAME = re.compile(portable(
    rf"(?<![\w'’-])[{_UP}][\w'’-]*(?:[ \t]+[{_UP}][\w'’-]*){{0,2}}$"))


def _aged_names(text: str) -> list[Span]:
    """A name before the age a report gives it and the rest of its clause (:data:`_AGED`),
    whatever its words, but no field, place, month, grammar or institution word ("Woo, 54, was
    arrested"; not "In March, 54, were" or "Boston, 12, ...")."""
    out = []
    for match in _AGED.finditer(text):
        name = _AGED_NAME.search(text, max(0, match.start() - 80), match.start())
        if name is None:
            continue
        words = name.group().split()
        if all(w.lower() not in FUNCTION_WORDS and w.title() not in _STOP
               and w.title() not in NOT_NAME_WORDS and _place(w) != "large"
               and not w.isdigit() for w in words):
            out.append(Span(*name.span(), "PERSON", CONTEXT_SCORE, "names:context"))
    return out


# "Huamani, Obiageli  DOB 03/04/1962", "CONDORI, YUPANQUI (MRN 4471923)": surname, comma, given
# name at the start of a line, then a birth date, a record number or another number.
_INVERTED_LINE = re.compile(portable(
    r"(?m)^[ \t>*-]*(?P<name>[^\W\d_][\w'’-]*(?:[ \t][^\W\d_][\w'’-]*)?,[ \t]*"
    r"[^\W\d_][\w'’-]*(?:[ \t][^\W\d_][\w'’-]*)?)"
    r"(?=(?:[ \t]*,[ \t]*|[ \t]{2,}|\t|[ \t]*\([ \t]*|[ \t]*\n[ \t]*)"
    r"(?:DOB\b|D\.O\.B|MRN\b|\d))"
))


def _inverted_names(text: str) -> list[Span]:
    """Surname-first names at the start of a line before a birth date or a record number, in
    capitals or title case: every word unknown to the lexicons (:func:`_name_word`, one at
    least no English word, none a place), or a surname and given name of the lists that are
    English words too ("Lee, Bo"), which the lexicon filter drops from the models."""
    out = []
    for match in _INVERTED_LINE.finditer(text):
        words = re.findall(r"[^\W\d_][\w'’-]*", match.group("name"))
        if not all(_word_case(w) in ("title", "upper") and _place(w) != "large" for w in words):
            continue
        unknown = all(_name_word(w) and not _place(w) for w in words) and not all(
            is_dictionary_word(w) for w in words)
        if unknown or (_listed_pair(words) and all(map(_pair_word, words))):  # "Lee, Bo"
            out.append(Span(*match.span("name"), "PERSON", CONTEXT_SCORE, "names:inverted"))
    return out


# -- Surnames that are English words too ("Wood", "Fuchs", "Park", "SHIN", "HE"): no lexicon
# test can tell them from the word, so only a strong cue on both sides takes one.

#: A handover, hand-off or sign-out: a note whose lines start with the patient's surname.
_HANDOVER = re.compile(r"(?i)(?<![\w/])(?:hand-?over|hand-?off|hand(?:ed)? over|sign-?out)"
                       r"(?!\w)")
#: Where a handover names a patient: the start of a line (after a bullet and a bed or room
#: number), or after a comma or semicolon ("cultures sent, Brooks aware").
_HANDOVER_SLOT = re.compile(portable(
    r"(?m)(?:^[ \t>*•-]*(?P<bed>(?i:bed|rm|room)[ \t]+\d{1,3}[a-dA-D]?[ \t]*[:,-]?[ \t]*)?"
    r"|[,;][ \t]+)"
    r"(?P<name>(?:(?:de|van|van[ \t]+der|von|le|la|du|da|di|el|al)[ \t]+)?"  # "de Vries"
    rf"[{_UP}][^\W\d_{_UP}]+(?:['’][{_UP}][^\W\d_{_UP}]+)?)(?P<own>['’]s)?(?![\w'’-])"))
#: Predicates a body site or a symptom takes as well as a person ("Back pain controlled",
#: "Temp spiked"): after them only a listed surname that is no clinical word is taken, and
#: never after a comma.
_WEAK_PREDICATES = frozenset("pain spiked febrile afebrile settled remains remained".split())
#: Body sites, some of them surnames too ("Back", "Hand", "Wall", "Chin"): never a handover's
#: patient; but one "discussed with" is a person ("D/W SHIN AND FAMILY").
_BODY_SITES = frozenset(
    "back hand foot feet wall head neck chest arm leg knee hip side flank joint bone eye ear jaw "
    "heel toe finger shoulder elbow wrist ankle belly gut skin throat tooth lip nose mouth groin "
    "rib spine stomach abdomen pelvis breast nail face brow cheek chin palm thumb shin calf thigh "
    "buttock wound stump site line drain port tube".split())
#: A person handed over or taking over: "Handed over by Lovely, taken by Ravi".
_HANDED_BY = re.compile(portable(
    r"(?i:(?<![\w/])(?:hand(?:ed)?[ \t]+over|taken|received|relieved|covered)[ \t]+(?:by|to))"
    r"[ \t]+(?P<name>[A-Z][a-z]+)(?=[ \t]*(?:[,.;)]|$|\n))"))
#: A surname's particle before a one-word surname in a slot ("Per de Groot,", "bed 3 - du
#: plessis:").
_SLOT_PARTICLE = r"(?:(?:de|van|van[ \t]+der|van[ \t]+den|von|le|la|du|da|di|el|al)[ \t]+)?"
#: Who a note's "Per ..." cites, before a comma, at a line's or a sentence's start: "Per Woo,
#: no changes to plan overnight", "Per de Groot, ...".
_PER_SOURCE = re.compile(portable(
    r"(?m)(?:^|(?<=[.;!?])[ \t])[ \t>*•-]*(?:Per|PER)[ \t]+"
    rf"(?P<name>{_SLOT_PARTICLE}[A-Z][^\W\d_]*(?:['’-][^\W\d_]+)?)(?=[ \t]*,)"))
#: A person discussed with, with their family: "D/W HE AND FAMILY", "spoke with Park and wife".
_WITH_FAMILY = re.compile(portable(
    r"(?i:(?<![\w/])(?:d/w|discussed[ \t]+with|spoke[ \t]+(?:to|with)|talked[ \t]+(?:to|with)|"
    r"met[ \t]+with|updated))[ \t]+(?P<name>[^\W\d_][\w'’-]*)[ \t]+"
    r"(?i:(?:and|&)[ \t]+(?:(?:his|her|their|the)[ \t]+)?(?:family|wife|husband|partner|son|"
    r"daughter|parents|mother|father|mum|mom|dad|relatives|carer|children))(?!\w)"))
SURNAME_WORD_SCORE = 0.6
#: What ends a bed's patient's name before the note on them: "Bed 12 Luna -- for CT",
#: "bed 7 - duval: confused", "Rm 4 Okafor (78M)".
_SLOT_END = re.compile(r"[ \t]*(?:--?|–|—|:|\()")
#: A line that starts with a bed's or a room's number.
_BED_LINE = re.compile(r"(?im)^[ \t>*•-]*(?:bed|rm|room)[ \t]+\d")
#: A bed's or a room's patient in a note in lower case: "bed 7 - duval: still confused".
_BED_LOWER = re.compile(
    r"(?m)^[ \t>*•-]*(?:bed|rm|room)[ \t]+\d{1,3}[a-d]?[ \t]*[:,-]?[ \t]*"
    rf"(?P<name>{_SLOT_PARTICLE}[^\W\d_][^\W\d_'’]*(?:['’-][^\W\d_]+)?)(?![\w'’-])")


#: Words the lists hold as names that never name a patient or a nurse in a handover's slot
#: ("Bed 9 Doctor aware", "taken by Day").
_NOT_PATIENT_WORDS = frozenset("Doctor Nurse Patient Day Date Ward Company Church Street Lane "
                               "Way North South East West Best Good Lord Jesus English French "
                               "General River Saint Santa".split())


def _surname_word(word: str, *, given: bool = False, cued: bool = False) -> bool:
    """A listed surname (or given name, with ``given``) that may be an English word too, but
    no stop word, field label, pronoun, relation word, verb of a name's place or large
    place. With ``cued`` (a strong cue on both sides, away from a sentence start), a name
    the lists leave out as a word ("Park", "Long") counts too, and one that is a verb of a
    sentence ("Flores, Rose")."""
    title = word[:1].upper() + word[1:].lower()
    lower = word.lower()
    if cued and title in cued_name_words() and title not in _NOT_PATIENT_WORDS:
        return True
    listed = title in family_names() or (given and title in given_names())
    return (listed and len(word) >= 2 and title not in NOT_NAME_WORDS and title not in _STOP
            and (cued or (title not in _SENTENCE_WORDS and lower not in _NAME_VERBS))
            and lower not in NOT_NAME_LOWER and lower not in _NOT_USER
            and _place(word) != "large")


#: Relatives and roles one discusses a plan with ("D/W SISTER AND FAMILY").
_KIN = RELATIVES | frozenset("parent parents friend carer patient pt team staff".split())


def _discussed_with(word: str) -> bool:
    """A word after "D/W" and before "and family" that is a person: a listed name, even a
    pronoun's spelling ("HE": "discussed with he" is no English) or a body site's ("SHIN"), or
    a word no common lexicon knows ("LY"), in title case or capitals; no relative, role,
    object pronoun, service or department."""
    title, lower = word[:1].upper() + word[1:].lower(), word.lower()
    return (_word_case(word) in ("title", "upper") and len(word) >= 2
            and lower not in _KIN and lower not in _NOT_USER and lower not in NOT_NAME_LOWER
            and title not in _STOP and title not in NOT_NAME_WORDS
            and (is_listed_name(word) or lower in _BODY_SITES
                 or unknown_word(word, dictionary=False, shortest=2)))  # "D/W LY AND FAMILY"


#: A hashtag in CamelCase ("#DonaldSterling", "#RIPJohnnyWinter", "#TeamSmithFamily").
_HASHTAG = re.compile(r"(?<![\w#])#(?P<tag>[A-Za-z][A-Za-z]{3,60})\b")
_CAMEL_WORD = re.compile(r"[A-Z][a-z]+")
HASHTAG_SCORE = 0.7


def _hashtag_names(text: str) -> list[Span]:
    """A given name and a surname written together in a hashtag ("#DonaldSterling",
    "#RIPJohnnyWinter" -> "JohnnyWinter"): a listed given name, then a listed surname, a word no
    dictionary holds, or a listed name after a given name that is no English word ("#MayDay",
    "#HappyMothersDay", "#MarkMyWords" hold none). The pair is the span; the rest of the tag
    ("RIP", "Team") stays."""
    out = []
    for match in _HASHTAG.finditer(text):
        words = list(_CAMEL_WORD.finditer(match.group("tag")))
        base = match.start("tag")
        for first, second in pairwise(words):
            if first.end() != second.start():
                continue
            given, family = first.group(), second.group()
            if given in given_names() and (
                    family in family_names() or not is_dictionary_word(family.lower())
                    or (family in given_names() and not is_dictionary_word(given.lower()))):
                out.append(Span(base + first.start(), base + second.end(), "PERSON",
                                HASHTAG_SCORE, "names:hashtag"))
                break
    return out


#: Someone to call at a number: "please call Rose at 0917 984 1663", "ring Okafor on 07700".
_CALLED_AT = re.compile(portable(
    r"(?i:(?<![\w/])(?:call|called|phone|phoned|ring|rang|text|texted|page|paged|contact|"
    r"contacted|reach|reached))[ \t]+"
    r"(?P<name>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)[ \t]+(?i:at|on)[ \t]+(?=[+(]?\d)"))


def _called_at(text: str) -> list[Span]:
    """A name (listed, or a word no lexicon knows; no role, service or relative) between "call"
    and a phone number: "please call Rose at 0917 984 1663". "call Pharmacy at" stays."""
    out = []
    for match in _CALLED_AT.finditer(text):
        words = match.group("name").split()
        if all(map(_cued_word, words)) or (  # "Ana Lima": a given name, then any surname
                len(words) == 2 and _cued_word(words[0]) and words[0] in given_names()
                and words[1] not in NOT_NAME_WORDS):
            out.append(Span(*match.span("name"), "PERSON", SURNAME_WORD_SCORE, "names:called"))
    return out


#: A name and its alias, as an Indian judgment or a charge sheet writes them: "Rajesh Kumar @
#: Raju", "Mohd. Salim alias Pappu".
_ALIAS = re.compile(portable(
    rf"(?<![\w'’@.-])(?P<name>{_WORD}(?:[ \t]+{_WORD}){{0,2}})[ \t]+(?:@|alias|a/k/a)[ \t]+"
    rf"(?P<alias>{_WORD}(?:[ \t]+{_WORD}){{0,2}})"))


def _aliases(text: str) -> list[Span]:
    """A name and its alias, each a listed name or a word no lexicon knows ("Rajesh Kumar @
    Raju"; not "Lunch @ Nandos", whose first half is a word)."""
    out: list[Span] = []
    if "@" not in text and "alias" not in text and "a/k/a" not in text:
        return out  # (the regex would try every word of the text)
    for match in _ALIAS.finditer(text):
        halves = [_trim_name(text, *match.span(group)) for group in ("name", "alias")]
        if all(h is not None and _plausible("alias", text[h[0] : h[1]])
               and not _has_grammar_word(text[h[0] : h[1]]) for h in halves):
            out.extend(Span(*h, "PERSON", CONTEXT_SCORE, "names:alias") for h in halves if h)
    return out


#: A person named by a relative of theirs: "Uri's father Moshe joined", "Rose's mother".
_POSSESSIVE_KIN = re.compile(portable(
    r"(?<![\w'’-])(?P<name>[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)['’]s[ \t]+"
    r"(?:son|daughter|wife|husband|partner|mother|father|mum|mom|dad|brother|sister|niece|"
    r"nephew|aunt|uncle|grandson|granddaughter|grandmother|grandfather|fianc[ée]e?|girlfriend|"
    r"boyfriend|carer|caregiver|guardian)\b"))


def _possessive_kin(text: str) -> list[Span]:
    """A name before "'s" and a relative ("Uri's father Moshe", "Rose's mother Erlinda"): a
    listed name or a word no common lexicon knows, whatever starts the sentence; no role
    ("Patient's mother"), relative, grammar word or large place ("England's daughter")."""
    return [Span(*m.span("name"), "PERSON", SURNAME_WORD_SCORE, "names:kin")
            for m in _POSSESSIVE_KIN.finditer(text) if all(map(_cued_word, m["name"].split()))]


def _cued_word(word: str) -> bool:
    """A word of a name where cues on both sides say "person" (a number to call after it, a
    relative after its "'s"): a slot's word (:func:`_slot_word`), or a listed name even where
    it is a word or a verb too ("Rose"), but no role, relative, stop, chat or grammar word and
    no large place."""
    return _slot_word(word) or (
        (word in given_names() or word in family_names()) and word not in NOT_NAME_WORDS
        and word not in _NOT_PATIENT_WORDS and word not in _STOP
        and word.lower() not in _KIN and word.lower() not in NOT_NAME_LOWER
        and word.casefold() not in FUNCTION_WORDS and _place(word) != "large")


#: A news brief's headline about a person: "BRIEF-ANA DIAS NAMED HEAD OF REGIONAL OFFICE".
_BRIEF = re.compile(portable(
    rf"(?m)^[ \t]*BRIEF-(?P<name>[{_UP}][{_LETTER}'’-]+(?:[ \t][{_UP}][{_LETTER}'’-]+){{1,3}}?)"
    r"[ \t]+(?i:named|says|said|appointed|elected|joins|quits|resigns|steps[ \t]+down|"
    r"to[ \t]+(?:join|step|lead|head|leave|retire))\b"))
#: Words of a company's name in a brief ("BRIEF-ACME CORP SAYS ...").
_COMPANY_WORDS = frozenset("corp corporation inc ltd plc ag sa nv co group holdings bank "
                           "capital partners fund trust energy systems technologies".split())


def _brief_headline(text: str) -> list[Span]:
    """A person a news brief's headline names before what they did, in any case, each word a
    listed name or one no lexicon knows; a company's name stays."""
    out = []
    for match in _BRIEF.finditer(text):
        words = match["name"].split()
        if not any(w.lower() in _COMPANY_WORDS for w in words) and all(
                is_listed_name(w) or unknown_word(w, dictionary=False, shortest=2)
                for w in words):
            out.append(Span(*match.span("name"), "PERSON", CONTEXT_SCORE, "names:brief"))
    return out


def _syllable_surname(word: str) -> bool:
    """A word of one romanised East Asian syllable that may be a surname: no grammar or chat
    word ("Cho", "um"; not "so", "ok", "lol")."""
    lower = word.lower()
    return (_name_syllable(word) and lower not in FUNCTION_WORDS and lower not in CHAT_WORDS
            and lower != "ok")


def _short_syllable_name(word: str) -> bool:
    """A capitalised surname of one syllable (:func:`_syllable_surname`), two letters or three
    that no dictionary holds: a surname in a bed's slot, where a status would be a longer word
    ("Cho", "Bae", "Ta"; not "Ok", "On", "Man")."""
    return (_word_case(word) == "title" and _syllable_surname(word)
            and (len(word) == 2 or (len(word) == 3 and not is_dictionary_word(word.lower()))))


def _slot_word(word: str) -> bool:
    """A capitalised word that no common lexicon knows (:func:`unknown_word` without GCIDE, two
    letters enough), no patient's, relative's or large place's name: in a slot that cues say
    is a person's, a surname whatever its origin ("Venter", "Wolde", "Um")."""
    return (_word_case(word) == "title" and unknown_word(word, dictionary=False, shortest=2)
            and word not in _NOT_PATIENT_WORDS and word.lower() not in _KIN
            and _place(word) != "large")


#: A patient a ward's list names at a line's start (after its number or bed) before their age
#: and sex: "3. Faleolo 31M  cellulitis", "BED 3 – LIM 58/M. ACS", "BED 4 – GRACE SY 24/F".
_AGE_SEX_LINE = re.compile(portable(
    r"(?m)^[ \t>*•-]*(?:(?i:bed|rm|room|bay)[ \t]*\d{1,3}[a-dA-D]?[ \t]*[-–—:.)]?[ \t]*"
    r"|\d{1,2}[.)][ \t]*)?"
    rf"(?P<name>[{_UP}][\w'’-]*(?:[ \t]+[{_UP}][\w'’-]*){{0,2}})"
    r"[ \t]+\d{1,3}[ \t]?/?[ \t]?[MF](?![\w'’-])"))


#: Words a ward's list writes where a patient's name would be, before their age and sex.
_NO_PATIENT_NAME = frozenset("male female man woman boy girl baby infant child lady gentleman "
                             "gent client resident patient pt".split())


def _age_sex_names(text: str) -> list[Span]:
    """The patients a ward's list names before their age and sex (:data:`_AGE_SEX_LINE`):
    every word a listed name or one no lexicon knows, none a word of grammar, a care team's,
    a clinic's or a field's ("Pt 31M", "Bed 3 - Male 58/M", "HPI 45F" are no names)."""
    out = []
    for match in _AGE_SEX_LINE.finditer(text):
        words = match.group("name").split()
        if all((is_listed_name(w) or unknown_word(w, dictionary=False, shortest=2))
               and w.lower() not in FUNCTION_WORDS and w.title() not in NOT_NAME_WORDS
               and w.title() not in _STOP and w.upper() not in _CARE_TEAM
               and w.lower() not in _NO_PATIENT_NAME and not is_technical_word(w)
               for w in words):
            out.append(Span(*match.span("name"), "PERSON", CONTEXT_SCORE, "names:handover"))
    return out


def _handover_surnames(text: str) -> list[Span]:
    """Surnames where a handover names its patients (listed ones that are English words too,
    and words no lexicon knows): after a handover header (or a bed or room number) at the
    start of a line or after a comma, and before a predicate only a person takes ("NIGHT
    HANDOVER ... Wood stable overnight", "Bed 9 Weber NBM", "cultures sent, Brooks aware",
    "Wood's daughter"); handed over by or to someone ("Handed over by Lovely"); or cited by a
    note's "Per" ("Per Woo, no changes")."""
    header = _HANDOVER.search(text)
    out = []
    if header or _BED_LINE.search(text):  # without a header, a bed's or a room's number
        alone = _context_patterns()[0]
        after = _context_patterns()[2]
        for match in _HANDOVER_SLOT.finditer(text, header.end() if header else 0):
            cued = match.group("bed") is not None  # "Bed 9 Park NBM"
            if not (header or cued):
                continue
            word = match.group("name").split()[-1]  # "de Vries": the surname after a particle
            end = match.end("name")
            predicate = after.match(text, end)
            # a word the lists leave out ("Park", "Long") only with both a header and a bed
            listed = _surname_word(word, given=True, cued=cued and header is not None)
            unknown = not listed and _slot_word(word)  # "Venter", "Wolde", "Um"
            ended = cued and _SLOT_END.match(text, end) is not None  # "Bed 12 Luna -- for CT"
            if ended and not (listed or unknown) and _short_syllable_name(word):
                unknown = True  # "Bed 12 Cho -- for CT", "Bed 12 Ta --"
            if not (predicate or ended) or word.lower() in _BODY_SITES or not (listed or unknown):
                continue
            said = predicate.group().strip(" \t,").lower() if predicate else ""
            if said in _WEAK_PREDICATES and (is_technical_word(word) or not (
                    unknown or _surname_word(word))):
                continue  # "Richter pain", "Rose pain": an eponym or a flower may come first
            if match.group().startswith((",", ";")) and said in _WEAK_PREDICATES:
                continue
            head = line_before(text, match.start("name"), 40)
            if head.strip(" \t>*•-") and not (head.rstrip()[-1] in ",;" or alone.search(head)):
                continue
            out.append(Span(match.start("name"), end, "PERSON", SURNAME_WORD_SCORE,
                            "names:handover"))
    for match in _BED_LOWER.finditer(text):
        word, end = match.group("name").split()[-1], match.end("name")  # "du plessis"
        ended = _SLOT_END.match(text, end) is not None
        if (word.islower() and (ended or person_predicate_at(text, end))
                and word not in _BODY_SITES and (_lower_name_word(word) or (
                    ended and _short_syllable_name(word.title())))):  # "bed 7 - cho: ..."
            out.append(Span(*match.span("name"), "PERSON", SURNAME_WORD_SCORE, "names:handover"))
    for match in _HANDED_BY.finditer(text):
        if _surname_word(match.group("name"), given=True, cued=True):  # "taken by Long"
            out.append(Span(*match.span("name"), "PERSON", SURNAME_WORD_SCORE, "names:handover"))
    for match in _PER_SOURCE.finditer(text):  # "Per Woo," ("Per Neuro," is a service)
        word = match.group("name").split()[-1]
        if word.lower() not in _KIN and not is_technical_word(word) and (
                _surname_word(word, given=True, cued=True) or _slot_word(word)
                or _short_syllable_name(word)):  # "Per Gu,"
            out.append(Span(*match.span("name"), "PERSON", SURNAME_WORD_SCORE, "names:handover"))
    for match in _WITH_FAMILY.finditer(text):
        if _discussed_with(match.group("name")):
            out.append(Span(*match.span("name"), "PERSON", SURNAME_WORD_SCORE, "names:handover"))
    return out


# -- "Last, First" pairs: surname, comma, given name(s), where a form or a list puts one.
_PAIR_WORD = r"[^\W\d_][\w'’-]*"
#: A pair in a list or a field: after the start of a line, a label's colon, a semicolon, a tab
#: or two spaces; before a semicolon, a full stop, the end of the line, a tab or two spaces,
#: a bracket, or a comma before a birth date, a record number, a number or a credential
#: ("Dictated by: Smith, Amber, MD"); a dictated report's tokens stand apart ("LEE , SOON-JA").
_PAIR = re.compile(portable(
    rf"(?m)(?:^[ \t>*-]*|[:;][ \t]*|\t[ \t]*|  [ \t]*)"
    rf"(?P<last>{_PAIR_WORD}(?:[ \t]{_PAIR_WORD}){{0,2}})[ \t]?,[ \t]*"
    rf"(?P<first>{_PAIR_WORD}(?:[ \t]{_PAIR_WORD}){{0,2}})"
    rf"(?=[ \t]*(?:[;.)(]|$|\t|  |,[ \t]*(?:DOB\b|D\.O\.B|MRN\b|\d|{_CREDENTIALS}(?!\w))"
    rf"|\d{{3}}-))"))  # a record number after it: "KOWALSKA , IRENA 114-72-06-3"
#: A label that says a pair follows: "Name (Last, First):", "Surname, given name:".
_PAIR_LABEL = re.compile(r"(?i)(?:last|family|sur)[ \t]*(?:name)?,[ \t]*(?:first|given)"
                         r"(?:[ \t]*names?)?[ \t]*\)?[ \t]*:[ \t]*$")


def _pair_half(words: Sequence[str], *, surname: bool = False) -> bool:
    """The other half of a pair whose one half is a found name: capitalised words (particles
    may be lower case: "van de Ven") that are names or no English word, no large place, no
    clinical term ("Mensah, Cardiology" is no pair). The pair is the cue: a surname may be
    one that the lists leave out as a word ("Park, Ji-ho") or, before a found given name
    (``surname``), one of two letters that is a word of grammar too ("Do, Giang"); a given
    name may be a word of a sentence ("Flores, Rose")."""
    capitalised = [w for w in words if w.lower() not in _PARTICLES  # an initial goes with
                   and not (len(w) == 1 and w.isupper())]  # a name ("NGUYEN , BAO Q. , M.D.")
    if surname and len(capitalised) == 1 and _SHORT_SURNAME.fullmatch(capitalised[0]):
        return True  # "Attendees: Do, Giang;", "Ly, Dung;"
    return bool(capitalised) and all(
        _word_case(w) in ("title", "upper", "other") and w[0].isupper()
        and (_name_word(w) or _pair_word(w) or _surname_word(w, given=True, cued=True))
        and _place(w) != "large" for w in capitalised)


def _labelled_pairs(text: str) -> list[Span]:
    """A pair after a label that asks for one ("Primary care (Last, First): Fuchs, Frank"):
    capitalised words, none a stop word or field label."""
    out = []
    for match in _PAIR.finditer(text):
        if not _PAIR_LABEL.search(line_before(text, match.start("last"), 60)):
            continue
        words = re.findall(_PAIR_WORD, match.group("last") + " " + match.group("first"))
        if all(w.lower() in _PARTICLES or (w[0].isupper() and w.title() not in _STOP
                                            and w.title() not in NOT_NAME_WORDS) for w in words):
            out.append(Span(match.start("last"), match.end("first"), "PERSON", CONTEXT_BOTH_SCORE,
                            "names:pair"))
    return out


def _head(text: str, start: int, end: int) -> int:
    """Where a surname starts after its particles ("Vries" of "de Vries")."""
    for word in re.finditer(_PAIR_WORD, text[start:end]):
        if word.group().lower() not in _PARTICLES:
            return start + word.start()
    return start


def pair_completions(text: str, spans: Sequence[Span]) -> list[Span]:
    """"Last, First" pairs made whole: where a found name covers one half of a pair in a list
    or a field (or both halves as two spans, the comma between left out), the whole pair, if
    the other half is names too ("Brown, David"; "Today's list: Nguyen, Van; Fox, Ann"). A
    half counts as found when its surname ("Vries" of "de Vries") or its first given name is."""
    found = [(s.start, s.end) for s in spans if s.label == "PERSON"]
    if not found:
        return []

    def covered(start: int, end: int) -> bool:
        return any(a <= start and end <= b for a, b in found)

    out = []
    for match in _PAIR.finditer(text):
        last, first = match.span("last"), match.span("first")
        if covered(match.start("last"), match.end("first")):
            continue
        given = re.match(_PAIR_WORD, text[first[0] : first[1]])
        has_last = covered(_head(text, *last), last[1])
        has_first = given is not None and covered(first[0], first[0] + given.end())
        other = (None if has_last and has_first else match.group("first") if has_last
                 else match.group("last") if has_first else "")
        if other == "" or (other is not None and not _pair_half(
                re.findall(_PAIR_WORD, other), surname=has_first and not has_last)):
            continue
        out.append(Span(last[0], first[1], "PERSON", CONTEXT_SCORE, "names:pair"))
    return out


#: Capitalised single words joined by commas and "and" or "&" ("Miller, Stone and Taylor").
#: A list starts at its first word (not after "Hall, "), and its words are read once: linear
#: time on a long list without "and".
_COORDINATED = re.compile(portable(
    r"(?<![\w'’-])(?<![A-Za-z'’-],[ ])[A-Z][a-z'’-]++(?:,[ ][A-Z][a-z'’-]++)*+,?[ ](?:and|&)[ ]"
    r"[A-Z][a-z'’-]+(?![\w'’-])"))
_COORDINATED_WORD = re.compile(r"[A-Z][a-z'’-]+")
#: A pronoun's or a verb's contraction, no surname: "I've", "We'll", "It's", "Don't".
_CONTRACTION = re.compile(r"(?:I|We|You|They|He|She|It|That|There|Don|Can|Won|Didn)['’]"
                          r"(?:ve|ll|re|d|m|s|t)")


def _coordinated_given_name(word: str) -> bool:
    """The last word of a list of names, after "and", that is a listed given name, though a
    word too ("Grace and Will got engaged"): no large place ("Paris and London") or month
    (:data:`NOT_NAME_WORDS` holds the others; "Smith and May" is rarer than "April and May")."""
    title = word[:1].upper() + word[1:].lower()
    return (title in given_names() and title != "May"
            and word.casefold() not in place_names() and title not in NOT_NAME_WORDS)


#: A word in lower case joined by "and" to a name in lower case, before or after it ("ama and
#: kofi waited", "kofi n ama").
_JOINED_BEFORE = re.compile(r"(?<![\w'’@#-])([a-z][a-z'’-]{1,19})[ ](?:and|&|n)[ ]$")
_JOINED_AFTER = re.compile(r"[ ](?:and|&|n)[ ]([a-z][a-z'’-]{1,19})(?![\w'’@-])")


def joined_lower_names(text: str, spans: Sequence[Span]) -> list[Span]:
    """The other of two names in lower case joined by "and" once one of them is found as a
    person ("ama and kofi waited at osu" once "kofi" is): a listed name, no kin word, and a
    name by :func:`_lower_name` (no verb or modal: not "me and kofi", "kofi and will", "emre
    and can", "mary and son")."""
    out = []
    found = [(s.start, s.end) for s in spans]
    for span in spans:
        value = text[span.start : span.end]
        if span.label != "PERSON" or not value.isalpha() or not value.islower():
            continue
        before = _JOINED_BEFORE.search(text, max(0, span.start - 26), span.start)
        after = _JOINED_AFTER.match(text, span.end)
        for match in (before, after):
            word = match.group(1) if match is not None else ""
            if not word or word in _KIN or not is_listed_name(word) or not _lower_name(word):
                continue
            start, end = match.span(1)
            if not any(a < end and start < b for a, b in found):
                out.append(Span(start, end, "PERSON", CONTEXT_SCORE, "names:coordinated"))
    return out


def coordinated_names(text: str, spans: Sequence[Span]) -> list[Span]:
    """The other surnames of a list in which a found name stands alone as one word: "Hoffman
    and Smith were ...", "our founders: Miller, Stone and Taylor" once "Smith" or "Taylor"
    is found. The others must be listed surnames or words no lexicon knows ("Paris and
    London" stays: no large place is a surname here); the last, after "and", may be a given
    name that is a word too ("Grace and Will": :func:`_coordinated_given_name`)."""
    alone = {(s.start, s.end) for s in spans if s.label == "PERSON"}
    if not alone:
        return []
    found = [(s.start, s.end) for s in spans]
    out = []
    for match in _COORDINATED.finditer(text):
        words = [(match.start() + w.start(), match.start() + w.end())
                 for w in _COORDINATED_WORD.finditer(match.group())]
        if not any(w in alone for w in words):
            continue
        for start, end in words:
            word = text[start:end]
            if any(a < end and start < b for a, b in found):
                continue
            last = (start, end) == words[-1]
            if _CONTRACTION.fullmatch(word):  # "Whitby and I've"
                continue
            if (_surname_word(word) or unknown_word(word)
                    or (last and _coordinated_given_name(word))):
                out.append(Span(start, end, "PERSON", CONTEXT_SCORE, "names:coordinated"))
    return out


#: One syllable of romanised Korean (Revised Romanization, with the spellings names keep:
#: "Soo", "Hee", "Young"): the parts of a hyphenated given name ("Seo-yeon", "Ji-hoon").
_KO_SYLLABLE = re.compile(
    r"(?i:(?:kk|tt|pp|ss|jj|ch|g|k|n|d|t|r|l|m|b|p|s|j|h|w|y)?"
    r"(?:yae|yeo|wae|eui|you|woo|ae|ya|eo|ye|wa|oe|yo|wo|we|wi|yu|eu|ui|oo|ee|a|e|o|u|i)"
    r"(?:ng|k|n|t|l|m|p)?)"
)
_HYPHENATED = re.compile(r"(?<![\w'’-])([A-Z][a-z]{0,5})-([A-Za-z][a-z]{0,5})(?![\w'’-])")
_HYPHEN_RIGHT = re.compile(r"-([^\W\d_]{1,6})(?![\w'’-])")
_HYPHEN_LEFT = re.compile(r"(?<![\w'’-])([^\W\d_]{1,6})-$")
KOREAN_SCORE = 0.6


def korean_syllable(part: str) -> bool:
    """Whether ``part`` is one syllable of romanised Korean ("seo", "yeon", "Ji")."""
    return _KO_SYLLABLE.fullmatch(part) is not None


def _korean_given_names(text: str) -> list[Span]:
    """Hyphenated given names of two Korean syllables ("Seo-yeon", "Da-Eun"), kept whole.
    One whose part is an English word ("Ji-min", but also "Nye-on", "Re-do") needs a name or
    a Korean surname beside it ("Kim Ji-min", "Jeon Chae-won", "Young-mi Park")."""
    out = []
    for match in _HYPHENATED.finditer(text):
        first, second = match.group(1), match.group(2)
        if (not korean_syllable(first) or not korean_syllable(second)
                or is_common_word(match.group())):
            continue
        if any(is_dictionary_word(p) or is_common_word(p) for p in (first, second)):
            before = re.search(r"([^\W\d_]+)[ \t]+$", text[max(0, match.start() - 20) :
                                                             match.start()])
            after = re.match(r"[ \t]+([^\W\d_]+)", text[match.end() : match.end() + 20])
            beside = [m.group(1) for m in (before, after) if m]
            if not any(_word_case(w) == "title" and (is_listed_name(w) or _name_syllable(w)
                                                     or w in cued_name_words())
                       for w in beside):  # "Young-mi Park"
                continue
        out.append(Span(*match.span(), "PERSON", KOREAN_SCORE, "names:korean"))
    return out


#: Short English words of syllable shape that a hyphen joins to a name ("Nye-on", "Kim-to").
_NOT_NAME_SYLLABLES = frozenset("re co de un in on an to so no go do be me we he ye up ex non mid "
                                "pro lo ha oh".split())


def _name_syllable(part: str) -> bool:
    """A Korean syllable of two letters or more that is no short English word: "yeon", "seo",
    "min"; not "on" ("Nye-on") or "i" ("Servo-i")."""
    return (len(part) >= 2 and korean_syllable(part)
            and part.lower() not in _NOT_NAME_SYLLABLES)


def hyphen_extensions(text: str, spans: Sequence[Span]) -> list[Span]:
    """Names cut at a hyphen made whole: a PERSON span that stops at "-yeon" of "Seo-yeon" or
    starts at "-seo" of "Min-seo" is extended over the Korean syllable on the other side."""
    out = []
    for span in spans:
        if span.label != "PERSON":
            continue
        start, end = span.start, span.end
        right = _HYPHEN_RIGHT.match(text, end)
        if right and end > 0 and text[end - 1].isalpha() and _name_syllable(right.group(1)):
            end = right.end()
        hyphen = start if text[start : start + 1] == "-" else start - 1
        if hyphen >= 0 and text[hyphen : hyphen + 1] == "-":
            left = _HYPHEN_LEFT.search(text, max(0, hyphen - 8), hyphen + 1)
            if left and _name_syllable(left.group(1)):
                start = left.start()
        if (start, end) != (span.start, span.end):
            out.append(Span(start, end, "PERSON", span.score, "names:hyphen"))
    return out


#: A Korean given name written first ("seo-yeon", "Su-ah"), and the word after it.
_KOREAN_GIVEN_FIRST = re.compile(r"([^\W\d_]{1,5})-([^\W\d_]{1,5})")
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]{2,7})\b(?![-'’])")
_ONE_WORD = re.compile(r"[^\W\d_]{2,12}")
#: What may follow a name's last word: the end of a clause or a line, a day, or what a
#: person does ("talked to seo-yeon um today", "Pt Min-ho Won seen"; not "min-jun got home").
_AFTER_SURNAME = re.compile(r"[ \t]*(?:[,.!?;:)]|$|\n|(?i:today|yesterday|tonight|tomorrow|"
                            r"again|now|seen|was|is|has|had|said|says|called|presented|"
                            r"reports|denies|states)\b)")


def _surname_after(given: str, word: str) -> bool:
    """Whether ``word`` may be the surname written after the found given name ``given``: one
    syllable of romanised Korean, or a surname the lists leave out as a word, after a Korean
    given name ("seo-yeon um", "Young-mi Park"), or, after any
    one-word given name, a word with letters beyond ASCII that no dictionary holds ("Yến
    Thân", "Minh Vũ")."""
    korean = _KOREAN_GIVEN_FIRST.fullmatch(given)
    if korean is not None and korean_syllable(korean.group(1)):
        return (len(word) <= 4 and _syllable_surname(word)) or (
            word in cued_name_words() and word not in _NOT_PATIENT_WORDS)  # "Young-mi Park"
    return (_ONE_WORD.fullmatch(given) is not None and not word.isascii()
            and _lower_name_word(word))


def surname_after(text: str, spans: Sequence[Span]) -> list[Span]:
    """A found given name extended over the surname written after it (:func:`_surname_after`),
    in the same case, before the end of a clause, a day or a person's predicate ("talked to
    seo-yeon um today", "Witness statement of Su-ah Cha", "Pt Yến Thân seen"; "min-jun so
    much", "ji-woo ok", "min-jun got home" stay); or a surname of two letters, a grammar word
    too, before what a record or a report writes after a name ("Trung To (DOB ...", "Ngan To,
    a spokesman")."""
    out = []
    for span in spans:
        if span.label != "PERSON":
            continue
        given = text[span.start : span.end]
        after = _NEXT_WORD.match(text, span.end)
        if after is None:
            continue
        word = after.group(1)
        same_case = word.islower() if given.islower() else _word_case(word) == "title"
        ends = (_AFTER_SURNAME.match(text, after.end()) is not None
                or person_predicate_at(text, after.end()))
        short = (_SHORT_SURNAME.fullmatch(word) is not None and _ONE_WORD.fullmatch(given)
                 is not None and _RECORD_AFTER.match(text, after.end()) is not None)
        if same_case and ((ends and _surname_after(given, word)) or short):
            out.append(Span(span.start, after.end(), "PERSON", span.score, "names:surname"))
    return out


#: Initials right before a name ("C. " of "-- C. Thai, RN", "J.-P. " of "J.-P. Costa").
_INITIALS_BEFORE = re.compile(rf"(?<![\w.])(?:[{_UP}]\.-?[ \t]?)+$")


def initial_extensions(text: str, spans: Sequence[Span]) -> list[Span]:
    """A found name extended over the initials just before it, which a model left out ("Thai"
    of "C. Thai, RN" -> "C. Thai"; a span that starts in lower case takes none)."""
    out = []
    for span in spans:
        if span.label != "PERSON" or not text[span.start : span.start + 1].isupper():
            continue
        before = _INITIALS_BEFORE.search(text, max(0, span.start - 12), span.start)
        if before is not None:
            out.append(Span(before.start(), span.end, "PERSON", span.score, "names:initials"))
    return out


#: After a name, a slash and two to four letters at the end of the line: the writer's
#: initials ("-- L. Gentile / lg", "K. Mensah/KM").
_INITIALS_AFTER = re.compile(r"[ \t]*/[ \t]*([^\W\d_]{2,4})(?=[ \t]*(?:\n|$))")
INITIALS_SCORE = 0.8


def _initials(name: str) -> str:
    """The first letters of a name's words, folded ("L. Gentile" -> "lg")."""
    return "".join(w[0] for w in re.findall(r"[^\W\d_]+", name)).casefold()


def own_initials(name: str, initials: str) -> bool:
    """Whether ``initials`` are the name's own: the first letters of all its words, or of its
    first two words or more, a hyphen splitting a word or not ("L. Gentile" -> "lg",
    "L. Herrera Hernández" -> "lh", "N. Al-Subaie" -> "na" or "nas", "C. dela Cruz" -> "cd")."""
    folded = initials.casefold()
    spaced = "".join(w[0] for w in re.findall(r"[^\W\d_][\w'’-]*", name)).casefold()
    return len(folded) >= 2 and (folded == _initials(name) or (
        len(spaced) >= len(folded) and spaced.startswith(folded)))


def initials_after_names(text: str, spans: Sequence[Span]) -> list[Span]:
    """A found name followed by a slash and its own initials, at the end of its line."""
    out = []
    for span in spans:
        if span.label != "PERSON":
            continue
        match = _INITIALS_AFTER.match(text, span.end)
        if match and own_initials(text[span.start : span.end], match.group(1)):
            out.append(Span(*match.span(1), "PERSON", INITIALS_SCORE, "names:initials"))
    return out


#: A signature line: a name that starts with an initial ("H. To", "K. Thân", "C. dela Cruz"),
#: then a slash and the writer's initials, alone on its line ("-- H. To / ht").
_SIGNED_INITIALS = re.compile(portable(
    rf"(?m)^[ \t>]*(?:--?|[—–])?[ \t]*"
    rf"(?P<name>[{_UP}]\.(?:[ \t]?[{_UP}]\.)?[ \t]+(?:[a-z]{{1,4}}[ \t]+){{0,2}}"  # "dela"
    rf"[{_UP}][{_LETTER}'’-]*(?:[ \t]+(?:[a-z]{{1,4}}[ \t]+){{0,2}}[{_UP}][{_LETTER}'’-]*){{0,2}})"
    rf"[ \t]*/[ \t]*(?P<initials>[^\W\d_]{{2,4}})[ \t]*$"))


def _signed_initials(text: str) -> list[Span]:
    """A signature of an initial and a surname with the writer's own initials after a slash
    ("-- H. To / ht", "K. Thân/KT"): the initials vouch for the name whatever its words, a
    short surname that is an English word ("To", "Long") included."""
    out = []
    for match in _SIGNED_INITIALS.finditer(text):
        if own_initials(match.group("name"), match.group("initials")):
            out.append(Span(*match.span("name"), "PERSON", INITIALS_SCORE, "names:initials"))
            out.append(Span(*match.span("initials"), "PERSON", INITIALS_SCORE,
                            "names:initials"))
    return out


#: An initial before a word: "E. Cha", "A. Strand".
_INITIAL_SURNAME = re.compile(
    rf"(?<![\w.])(?P<initial>[{_UP}])\.[ \t]?(?P<surname>[{_UP}][\w'’-]*)")


def initial_echoes(text: str, spans: Sequence[Span]) -> list[Span]:
    """An initial and a surname where a found name of the document has that surname and a
    given name of that initial ("Results for E. Cha" after "Eun-ji Cha"; not "Fig. 4")."""
    known: set[tuple[str, str]] = set()
    for span in spans:
        if span.label != "PERSON":
            continue
        words = re.findall(r"[^\W\d_][\w'’-]*", text[span.start : span.end])
        if len(words) >= 2 and len(words[-1]) >= 2:  # "MARIA C. M.D": "D" is no surname
            known.add((words[0][0].casefold(), words[-1].casefold()))
    out = []
    if not known:
        return out
    for match in _INITIAL_SURNAME.finditer(text):
        key = (match.group("initial").casefold(), match.group("surname").casefold())
        if key in known:
            out.append(Span(*match.span(), "PERSON", ECHO_SCORE, "names:echo"))
    return out


def _post_name(match: re.Match[str]) -> bool:
    """A name a post gives (:func:`_companion_name`) that is no clinical word."""
    name = match.group("name")
    return _companion_name(name) and not is_technical_word(name)


def _named_in_a_post(text: str, match: re.Match[str]) -> bool:
    """The "teller" rule's word: :func:`_post_name`, in a text that is no clinical note
    ("summer said she'd be ready")."""
    return _post_name(match) and not clinical_register(text)


def _player(text: str, match: re.Match[str]) -> bool:
    """The "player" rule's word: :func:`_post_name`, in lay text ("haaland scoring"; not
    "Finnegan scores" in a note)."""
    return _post_name(match) and lay_register(text)


def _bracketed_name(text: str, match: re.Match[str]) -> bool:
    """A name in brackets (the ``role_bracketed`` rule) after a care team's role ("SW (FAITH)
    FOLLOWING"), or after a service when it is a doctor's surname: one word, listed or no word
    any lexicon knows ("NEPHRO (THIBODEAUX)"; not "SURGERY (AWARE)", "GI (EGD)")."""
    before = max(0, match.start() - 20)
    if _ROLE_BEFORE_BRACKET.search(text, before, match.start()) is not None:
        return True
    name = match.group("name")
    return (_SERVICE_BEFORE_BRACKET.search(text, before, match.start()) is not None
            and " " not in name and not is_common_word(name) and not is_technical_word(name)
            and (is_listed_name(name) or unknown_word(name)))


def _name_before_role(name: str) -> bool:
    """A name before a role in brackets (the ``name_role`` rule): each word a listed given
    name or family name, or no word any lexicon knows ("Will (HCA)", "Tigist (SW)"); not a
    note's words ("Patient (RN) ...", "Family (SW) meeting")."""
    return all((is_listed_name(w) and not (is_common_word(w) and w.title() not in given_names()))
               or unknown_word(w) for w in name.split())


#: What one "goes by" or is "called" that is no name ("goes by bus", "goes by car").
_NOT_NICKNAMES = frozenset("bus car train foot bike taxi cab ambulance well much many several "
                           "someone something anyone people everyone nobody him her them mr "
                           "mrs ms dr sir madam".split())


def _short_role_name(word: str) -> bool:
    """A name after "SW" or "CM": a listed name that is no word ("SW DEVON"), or in mixed case
    a word no lexicon knows too ("SW Tigist"); not "SW FOLLOWING", nor an agency's initials in
    capitals ("CM DFCS")."""
    if is_common_word(word):
        return False
    return is_listed_name(word) or (not word.isupper() and unknown_word(word))


def _role_name(text: str, match: re.Match[str]) -> bool:
    """After a role, no sentence's word in capitals ("AIDE HELPED")."""
    name = match.group("name")
    return not (name.isupper() and sentence_word_in_capitals(name.split()[0]))


def _relative_name(text: str, match: re.Match[str]) -> bool:
    """After a relative: in capitals in mixed-case text, listed names only ("(DAD IATA)" is
    none); after a relative and a comma in capitals, no sentence's word ("W/ MGM, HELD BABY";
    "DAUGHTER, MARY, CALLED" stays)."""
    name = match.group("name")
    if (match.group().isupper() and not shouting(text, match.start(), match.end())
            and not all(map(is_listed_name, name.split()))):
        return False
    return not (name.isupper() and "," in text[match.start() : match.start("name")]
                and is_common_word(name.split()[0]))


def _lower_team_name(text: str, match: re.Match[str]) -> bool:
    """A lower-case word after a care team member's role (or in brackets after a role or kin)
    that is their name: a surname (:func:`_lower_surname`) or a given name
    (:func:`_lower_name`); no word of the dictionary that is no given name, no clinical
    word ("sw following", "rt aware", "cm (ccm)")."""
    word = match.group("name")
    return not is_technical_word(word) and (_lower_surname(word) or _lower_name(word))


def _lower_surname_after_dr(text: str, match: re.Match[str]) -> bool:
    """After "dr" in lower case, a surname (:func:`_lower_surname`), or a listed surname that is
    a word too where a name's words follow it ("dr long updated x2")."""
    name = match.group("name")
    return _lower_surname(name) or (name.title() in family_names()
                                    and _followed_as_a_name(text, match))


def _titled_name(text: str, match: re.Match[str]) -> bool:
    """After "DR" in capitals, no sentence's word ("PER DR ORDERS")."""
    return not (re.match(r"(?:DR|dr\.?)[ \t]", match.group())
                and sentence_word_in_capitals(match.group("name")))


def _titled_name_in_capitals(text: str, match: re.Match[str]) -> bool:
    """As :func:`_titled_name`, and after "dr" in lower case no note's shorthand ("dr ICU
    aware")."""
    return _titled_name(text, match) and not (match.group().startswith("dr")
                                              and is_technical_word(match.group("name")))


#: What a rule's match must pass besides its regex, by rule (a rule not here: nothing).
_RULE_CHECKS: dict[str, Callable[[str, re.Match[str]], bool]] = {
    "companion": lambda text, match: _companion_name(match.group("name")),
    "teller": _named_in_a_post,
    "player": _player,
    "initials_signature": lambda text, match: _signature_initials(match.group("name")),
    "role": _role_name,
    "role_short": lambda text, match: _short_role_name(match.group("name").split()[0]),
    "nickname": lambda text, match: not any(
        w.casefold() in FUNCTION_WORDS or w.casefold() in _NOT_NICKNAMES
        for w in match.group("name").split()),
    "relative_lower": lambda text, match: (
        _lower_name(match.group("name"))
        or (match.group("name") not in _SPEECH_VERBS and _followed_as_a_name(text, match))),
    "role_bracketed": _bracketed_name,
    "name_role": lambda text, match: _name_before_role(match.group("name")),
    "relative": _relative_name,
    "title_lower": _lower_surname_after_dr,
    "role_lower": _lower_team_name,
    "bracketed_lower": _lower_team_name,
    "title": _titled_name,
    "title_caps": _titled_name_in_capitals,
    "self_intro": lambda text, match: _introduced(match.group("name")),
    "name_given": lambda text, match: match.group("name").islower() and all(
        map(_lower_name_word, match.group("name").split())),
}


@dataclass
class NameRecognizer:
    """Person names cued by titles, field labels, signatures, credentials and user ids, and
    pairs of listed given names and surnames of many origins."""

    rules: tuple[NameRule, ...] = RULES
    use_lists: bool = True
    name: str = "names"

    def __post_init__(self) -> None:
        # what a text must hold for each rule to match (a rule is skipped on a text without)
        self._needs: tuple[Literals | None, ...] = tuple(
            required_literals(rule.regex) for rule in self.rules)
        self._tests = literal_tests(self._needs)

    def detect(self, texts: Sequence[str]) -> list[list[Span]]:
        """PERSON spans for each text."""
        results = []
        for text in texts:
            spans = []
            lowered = folded(text)
            for rule, test in zip(self.rules, self._tests, strict=True):
                if test is not None and not test(lowered):  # a word it needs is not in the text
                    continue
                source = f"names:{rule.name}"  # one string per rule, not one per span
                keep = _RULE_CHECKS.get(rule.name)
                for match in rule.regex.finditer(text):
                    if keep is not None and not keep(text, match):
                        continue
                    cued = source
                    if rule.name == "user_field" and is_dictionary_word(match.group("name")):
                        # a word is a user name only alone in a user id field, a strong cue
                        cued = _USER_ID_SOURCE if _user_id_field(text, match) else ""
                    if rule.name == "user_field" and (
                            not cued or match.group("name").lower() in _NOT_USER):
                        continue
                    found = match.span("name")
                    if rule.name == "credential":  # the words right before the credential
                        found = _words_before_credential(text, *found)
                    trimmed = _trim_name(text, *found) if found[1] > found[0] else None
                    if trimmed and rule.name == "credential" and (
                            "." in text[trimmed[1] : match.end("name")].rstrip(" \t.,")
                            or _SENTENCE_DOT.search(match.group("name"))):
                        trimmed = None  # the credential is in the next sentence: "LOWER. STRONG
                        # NP", "on 2L NC. RN cleared pt"
                    if trimmed and _plausible(rule.name, text[trimmed[0] : trimmed[1]]):
                        spans.append(Span(*trimmed, "PERSON", rule.score, cued))
            if self.use_lists:
                for start, end in _listed_names(text):
                    if _has_grammar_word(text[start:end]):  # "MALE WERE", no "MALE" alone
                        continue
                    trimmed = _trim_name(text, start, end)
                    if trimmed:
                        spans.append(Span(*trimmed, "PERSON", GAZETTEER_SCORE, "names:lists"))
                spans.extend(_speakers(text))
                spans.extend(_last_initials(text))
                spans.extend(_entry_initials(text))
                spans.extend(_last_name_before_credential(text))
                spans.extend(_transcript_speakers(text))
                spans.extend(_speakers_then_clocks(text))
                spans.extend(_single_given_names(text))
                spans.extend(_capitalised_in_posts(text))
                spans.extend(_context_names(text))
                spans.extend(_inverted_names(text))
                spans.extend(_aged_names(text))
                spans.extend(_korean_given_names(text))
                spans.extend(_handover_surnames(text))
                spans.extend(_age_sex_names(text))
                spans.extend(_called_at(text))
                spans.extend(_aliases(text))
                spans.extend(_possessive_kin(text))
                spans.extend(_brief_headline(text))
                spans.extend(_lower_cued_names(text))
                spans.extend(_lower_subjects(text))
                spans.extend(_hashtag_names(text))
                spans.extend(_labelled_pairs(text))
            spans.extend(_signed_initials(text))
            results.append(spans)
        return results

    def propagate(self, text: str, accepted: Sequence[Span]) -> list[Span]:
        """Second pass over one document: other mentions of the names found in it (an initial
        and the surname too), names cut at a hyphen made whole, a name's own initials after
        it, initials before it that a model left out, and the surname written after a given
        name (:func:`surname_after`)."""
        echoes = echo_names(text, accepted) if self.use_lists else []
        pairs = pair_completions(text, accepted) if self.use_lists else []
        initials = initial_echoes(text, accepted) if self.use_lists else []
        coordinated = (coordinated_names(text, accepted) + joined_lower_names(text, accepted)
                       if self.use_lists else [])
        return (echoes + pairs + initials + coordinated + hyphen_extensions(text, accepted)
                + initials_after_names(text, accepted) + initial_extensions(text, accepted)
                + surname_after(text, accepted))
