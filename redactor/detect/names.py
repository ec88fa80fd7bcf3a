"""Person names found by their surroundings: titles, labelled fields, signatures, user ids.

Statistical NER misses names it has seldom seen (many non-US names) and names in the terse
layouts of clinical notes and forms. Where the layout says "a name comes here", these rules
find the name whatever its origin. The rules are data: a regex for the cue and the name shape.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from redactor.detect import scripts
from redactor.detect.name_lists import (
    NOT_NAME_LOWER,
    NOT_NAME_WORDS,
    dictionary_words,
    family_names,
    given_names,
    is_dictionary_word,
    is_listed_name,
    is_unambiguous_given_name,
)
from redactor.detect.regexes import portable
from redactor.span import Span

_CREDENTIALS = r"(?:MD|M\.D\.|DO|RN|NP|PA-C|PA|PhD|DDS|PharmD|MSW|LCSW|FNP|CNM|DPM)"

# One name word: capitalised (incl. accented letters), allowing O'Neil, Al-Sayed, McDonald,
# and short lower-case particles between words (van, de, bin, al).
#: Upper-case Latin letters, accented ones included (Đặng, Şule, Élodie, Łukasz, Ömer).
_UP = "A-Z" + "".join(
    c for c in map(chr, [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]) if c.isupper()
)
_LETTER = r"a-zA-Z\u00C0-\u024F\u1E00-\u1EFF"
_TITLES = r"(?:Dr|Mr|Mrs|Ms|Mx|Miss|Prof|Professor|Doctor|Nurse|Sr|Sra|Srta|Herr|Frau|Mme|Mlle)"
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
    r"next[ \t]+of[ \t]+kin|employee|customer|requester|reported[ \t]+by|assigned[ \t]+to|"
    r"approved[ \t]+by|reviewed[ \t]+by|cardholder|account[ \t]+holder|beneficiary)"
)


@dataclass(frozen=True)
class NameRule:
    """A cue and where the name sits relative to it (regex group ``name``)."""

    name: str
    regex: re.Pattern[str]
    score: float


def _rule(name: str, pattern: str, score: float, flags: int = 0) -> NameRule:
    return NameRule(name, re.compile(portable(pattern), flags), score)


RULES: tuple[NameRule, ...] = (
    # "Dr. Adeyemi", "Mrs. Nguyen Thi Lan", "Prof. van der Berg"
    _rule("title", rf"\b{_TITLES}\.?[ \t]+(?P<name>{_PARTICLE}*{_NAME})", 0.9),
    # "Patient: SMITH, JOHN", "Attending: Kwame Mensah", "Signed by: Li Wei"
    _rule(
        "field",
        rf"(?im)^[ \t>*_#-]*{_FIELD_LABELS}[ \t*_]*[:=][ \t*_]*(?:{_TITLES}\.?[ \t]+)?"
        # "SMITH, JOHN A" only where the field ends there (line end, a column gap, "(")
        rf"(?-i:(?P<name>{_INVERTED}(?=[ \t]*(?:$|[ \t]{{2}}|[(;|]))|{_UPPER_NAME}|{_NAME}))",
        0.85,
    ),
    # "Electronically signed by Kwame Mensah, MD on ..." (no colon)
    _rule(
        "signed",
        rf"(?i:\b(?:signed|dictated|transcribed|seen|examined|evaluated|reviewed|referred)"
        rf"[ \t]+by)[ \t]+(?:{_TITLES}\.?[ \t]+)?(?P<name>{_NAME})",
        0.85,
    ),
    # "Kwame Mensah, MD" / "Li Wei RN"
    # (from a word start only: inside "AAAA..." every position would scan to its end)
    _rule("credential", rf"(?<![\w'’-])(?P<name>{_NAME}),?[ \t]+{_CREDENTIALS}\b", 0.85),
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
          rf"social[ \t]+worker|rep(?:resentative)?))[ \t]+(?P<name>{_NAME})", 0.75),
    # "Met with Meiling at the bedside", "Reminder: Xiaoyan, you have ..."
    _rule("conversation", rf"(?i:\b(?:met|spoke|spoken|talked|meeting|visited|called)[ \t]+with|"
          rf"\b(?:reminder|attn|attention)[ \t]*:)[ \t]+(?P<name>{_NAME})", 0.7),
    # "husband (Raj)", "son Oluwaseun visits", "her daughter, Amina, called"
    _rule("relative", rf"(?i:\b(?:wife|husband|spouse|partner|son|daughter|mother|father|mom|"
          rf"dad|brother|sister|sibling|grandson|granddaughter|grandmother|grandfather|grandma|"
          rf"grandpa|aunt|uncle|niece|nephew|cousin|fianc[eé]e?|boyfriend|girlfriend|friend|"
          rf"neighbou?r|caregiver|roommate|nok))[ \t]*[,(]?[ \t]*(?P<name>{_NAME})", 0.75),
    # Social posts in lower case: "my bestie jasmine", "coach ramirez" (a listed name only)
    _rule("relative_lower", r"\b(?:wife|husband|son|daughter|mom|dad|mother|father|brother|"
          r"sister|bro|sis|cousin|aunt|aunty|auntie|uncle|niece|nephew|grandma|grandpa|granny|"
          r"nana|bestie|bff|bf|gf|boyfriend|girlfriend|hubby|wifey|fianc[eé]e?|friend|roommate|"
          r"neighbou?r|coach|teacher|boss|classmate|coworker)[ \t]+(?P<name>[a-z][a-z'’-]{2,20})"
          r"(?![\w'’-])", 0.6),
    # Chat self-introductions in lower case at the end of a turn: "hi this is bo ram seo"
    _rule("self_intro", r"(?im)\b(?:this[ \t]+is|my[ \t]+name[ \t]+is|my[ \t]+name's)[ \t]+"
          r"(?P<name>[a-z][a-z'’-]+(?:[ \t]+[a-z][a-z'’-]+){1,2})[ \t]*[.!]?[ \t]*$", 0.6),
    # Clinical user ids "ABC:smith"
    _rule("user_id", r"\b[A-Z]{2,4}:(?P<name>[a-z][a-z0-9]{2,15})\b", 0.8),
    # User names after a person field: "Reporter: trochimk", "Processed by: vkrishnamurthy4"
    _rule(
        "user_field",
        r"(?i:\b(?:reporter|assignee|assigned[ \t]+to|owner|created[ \t]+by|updated[ \t]+by|"
        r"processed[ \t]+by|approved[ \t]+by|signed[ \t]+by|user(?:name|[ \t]?id)?|login|"
        r"agent|by))"
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
    _rule("initials", r"(?<![\w/])(?P<name>[A-Z]{2,3}/[a-z]{2,3})(?![\w/])", 0.7),
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

#: Listed names that, in lower case after "my son", are more often a verb ("my son will ...").
_NAME_VERBS = frozenset("will may can might must shall should would could did does drew chase rob "
                        "sue mark bill grant hunt rose faith hope said says".split())


def _lower_name(word: str) -> bool:
    """A lower-case word after a relation word that is a name: listed, and not a verb."""
    return (word not in _NAME_VERBS and word not in _NOT_USER and word not in NOT_NAME_LOWER
            and is_listed_name(word))


#: Words in the user-name slot that are not user names.
_NOT_USER = frozenset("the a an and or to of in on at for with me you him her them us phone email "
                      "mail fax chat ticket name none n/a na unknown admin system".split())

_STOP = frozenset(
    "The This That Patient Name Date Phone Fax Email MRN DOB SSN Re Subject Dear Hi Hello Thanks "
    "Regards Sincerely Attending Admitted Discharged Diagnosis History Plan Assessment Note Notes "
    "Signed Department Hospital Clinic Center Medical Unit Room Street Avenue Road Monday Tuesday "
    "Manager Director Coordinator Supervisor Assistant Practitioner Kollegin Kollege Pt "
    "Wednesday Thursday Friday Saturday Sunday Team Support Customer Service Account "
    "Committee Admissions Sir Madam Colleague Colleagues All Everyone Hiring Triage".split()
)


#: Rules whose cue is strong enough that a name made of English words still counts
#: ("Dr. Hope Long", "Patient: Grace Hill").
_STRONG_CUES = frozenset(
    {"title", "field", "user_id", "handle", "initials", "user_field", "chat_nick", "social_account"}
)


def _plausible(rule: str, name: str) -> bool:
    """A weakly cued name must hold a word that is a listed name or not an English word
    ("Triage RN", "Dear Admissions Committee" are not names)."""
    if rule in _STRONG_CUES:
        return True
    words = re.findall(r"[^\W\d_][\w'’-]*", name)
    return any(is_listed_name(w) or not is_dictionary_word(w) for w in words)


#: Abbreviations inside a name that do not end its sentence ("Jr.", "St. John").
_ABBREVIATIONS = frozenset({"jr", "sr", "st", "ste", "mt", "mc", "dr", "mr", "mrs", "ms", "prof"})


def _trim_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Drop trailing stop words / punctuation a greedy match may have taken, and the next
    sentence ("I'm Maria Gonzalez. Call ...")."""
    words = list(re.finditer(r"\S+", text[start:end]))
    for i, word in enumerate(words[:-1]):  # a full stop after a word (not an initial) ends it
        token = word.group()
        if token.endswith(".") and len(token.rstrip(".")) > 1 and (
                token.rstrip(".").lower() not in _ABBREVIATIONS):
            words = words[: i + 1]
            break
    while words and words[-1].group().strip(".,") in _STOP:
        words.pop()
    while words and words[0].group().strip(".,") in _STOP:
        words.pop(0)
    if not words:
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
    r"(?m)^[ \t>]*(?:\[[^\]\n]{1,24}\][ \t]*|\d{1,2}:\d{2}(?:[ \t]?[ap]m?)?[ \t]+)?"
    r"(?P<name>[A-Za-z\u00C0-\u024F\u1E00-\u1EFF'’-]+"
    r"(?:[ \t]+[A-Za-z\u00C0-\u024F\u1E00-\u1EFF'’-]+){0,2})"
    r"(?:[ \t]*\([^)\n]{1,24}\))?[ \t]*(?::|[ \t]wrote:)[ \t]"
)
SPEAKER_SCORE = 0.75
_WORD_RE = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF'’-]+")
SINGLE_NAME_SCORE = 0.55


def _speakers(text: str) -> list[Span]:
    """Chat speakers whose every word is a listed name, in any case."""
    out = []
    for match in _SPEAKER.finditer(text):
        words = match.group("name").split()
        if (
            all(is_listed_name(w) and not w.isupper() for w in words)
            and not all(w.lower() in dictionary_words() for w in words)
        ):
            out.append(Span(*match.span("name"), "PERSON", SPEAKER_SCORE, "names:speaker"))
    return out


def _single_given_names(text: str) -> list[Span]:
    """Single words that can only be a given name (listed, and not an English word)."""
    out = []
    for match in _WORD_RE.finditer(text):
        word = match.group()
        cased = word[:1].isupper() or word.islower()
        if cased and word.upper() != word and is_unambiguous_given_name(word) and word not in _STOP:
            out.append(Span(*match.span(), "PERSON", SINGLE_NAME_SCORE, "names:given"))
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


# After a name that starts a sentence: a verb or a clause ("Nam slept", "Ha is", "Son can").
_SENTENCE_VERB = re.compile(
    r"[ \t]+(?:is|was|has|had|have|can|could|will|would|did|does|said|says|told|asked|called|"
    r"reports?|reported|denies|denied|slept|designed|admitted|joined|came|went|left|lives|"
    r"lived|works|worked|felt|feels|remains|remained|returned|presents|presented|agreed|"
    r"declined|understands|states|stated|notes|noted|wants|wanted|arrived|got|gets)\b"
)


def echo_names(text: str, spans: Sequence[Span]) -> list[Span]:
    """Other mentions in ``text`` of the words of confidently found names: the given or family
    name alone ("Bushra slept poorly" after "Patient: Bushra Al-Hashimi").

    Words that are English dictionary words are echoed only when they are listed names,
    capitalised, and not at the start of a sentence or line ("Hill", "Walker", "Will").
    """
    safe: set[str] = set()
    wordlike: set[str] = set()
    for span in spans:
        if span.label != "PERSON" or span.score < ECHO_MIN_SOURCE_SCORE:
            continue
        for match in _ECHO_TOKEN.finditer(text[span.start : span.end]):
            word = match.group()
            if len(word) < 2 or word.title() in NOT_NAME_WORDS or word.title() in _STOP:
                continue
            word = word.title() if word.isupper() or word.islower() else word
            if not is_dictionary_word(word):
                safe.add(word)
            elif is_listed_name(word) and word not in _SENTENCE_WORDS:
                wordlike.add(word)
    out: list[Span] = []
    for words, flags, score in ((safe, re.IGNORECASE, ECHO_SCORE), (wordlike, 0, 0.65)):
        if not words:
            continue
        alternation = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
        for match in re.finditer(rf"(?<![\w'’-])(?:{alternation})(?![\w'’-]*\w)", text, flags):
            if not flags:  # at a sentence or line start (looked up without copying the text)
                i = match.start()
                while i > 0 and text[i - 1] in " \t":
                    i -= 1
                at_start = i == 0 or text[i - 1] in ".!?:\n"
                if at_start and not _SENTENCE_VERB.match(text, match.end()):
                    continue
            out.append(Span(match.start(), match.end(), "PERSON", score, "names:echo"))
    return out


@dataclass
class NameRecognizer:
    """Person names cued by titles, field labels, signatures, credentials and user ids, and
    pairs of listed given names and surnames of many origins."""

    rules: tuple[NameRule, ...] = RULES
    use_lists: bool = True
    name: str = "names"

    def detect(self, texts: Sequence[str]) -> list[list[Span]]:
        """PERSON spans for each text."""
        results = []
        for text in texts:
            spans = []
            for rule in self.rules:
                for match in rule.regex.finditer(text):
                    if rule.name == "relative_lower" and not _lower_name(match.group("name")):
                        continue
                    if rule.name == "user_field" and (
                        match.group("name").lower() in _NOT_USER
                        or is_dictionary_word(match.group("name"))
                    ):
                        continue
                    trimmed = _trim_name(text, *match.span("name"))
                    if trimmed and _plausible(rule.name, text[trimmed[0] : trimmed[1]]):
                        spans.append(Span(*trimmed, "PERSON", rule.score, f"names:{rule.name}"))
            if self.use_lists:
                for start, end in _listed_names(text):
                    trimmed = _trim_name(text, start, end)
                    if trimmed:
                        spans.append(Span(*trimmed, "PERSON", GAZETTEER_SCORE, "names:lists"))
                spans.extend(_speakers(text))
                spans.extend(_single_given_names(text))
            results.append(spans)
        return results

    def propagate(self, text: str, accepted: Sequence[Span]) -> list[Span]:
        """Second pass over one document: other mentions of the names found in it."""
        return echo_names(text, accepted) if self.use_lists else []
