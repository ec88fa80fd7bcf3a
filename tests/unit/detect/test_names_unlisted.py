"""Names nobody listed (issue 10, "Fairness beyond our own name lists"): a surname alone in a
person's position, Korean hyphenated given names kept whole, short names in lower case and in
capitals after a cue. Every name here is checked to be in none of the detector's name lists, so
the tests measure what cues, shape and context find, not what the lists memorised.
"""

from __future__ import annotations

import pytest

from redactor.detect.name_lists import is_listed_name
from redactor.detect.names import (
    NameRecognizer,
    hyphen_extensions,
    korean_syllable,
    unknown_word,
)
from redactor.span import Span

REC = NameRecognizer()

#: Made-up or rare names in none of the name lists (asserted below).
UNLISTED = ("Oyelaran Tshabalala Thorvaldsen Ruhweza Vashchenko Przybylski Ahanonu Mbeki "
            "Achterberg Huamani Condori Velazco Ngata Tuilagi Olaniyan Oduya Yupanqui Illanes "
            "Abimbola Obiageli Baek Hwang Jeon Seo-yeon Ji-hoon Da-eun Chae-won Yoshikawa").split()


def _context_spans(text: str) -> list[str]:
    """What the name recognizer's rules of context and shape find in ``text``."""
    return [text[s.start : s.end] for s in REC.detect([text])[0]
            if s.source in ("names:context", "names:korean", "names:inverted")]


def _covered(text: str, name: str, spans: list[Span]) -> bool:
    """Every letter of ``name`` (its first occurrence in ``text``) lies in a span, whatever its
    type (the hidden probe, like eval-real, is type-blind)."""
    start = text.index(name)
    return all(any(s.start <= i < s.end for s in spans)
               for i in range(start, start + len(name)) if text[i].isalpha())


def test_probe_names_are_in_no_list() -> None:
    listed = [name for name in UNLISTED if any(is_listed_name(p) for p in name.split("-"))
              or is_listed_name(name)]
    assert listed == []


POSITIVE = [
    # a surname alone before a predicate only a person takes
    ("Oyelaran reviewed the chart and agreed.", "Oyelaran"),
    ("Thorvaldsen said the MRI was clear.", "Thorvaldsen"),
    ("Ruhweza was seen in clinic today.", "Ruhweza"),
    ("Vashchenko called to follow up on results.", "Vashchenko"),
    ("Seen at 0900. Przybylski reports pain 4/10.", "Przybylski"),
    ("Night shift: Mbeki afebrile, tolerating diet.", "Mbeki"),
    ("Velazco to follow up with cardiology in 2 weeks.", "Velazco"),
    # after a handover or sign-out cue
    ("handover: Tshabalala stable overnight", "Tshabalala"),
    ("Handover - Achterberg stable overnight, plan unchanged.", "Achterberg"),
    ("Bed 12: Ahanonu to follow up with cardiology.", "Ahanonu"),
    ("Sign-out: Condori afebrile, tolerating diet.", "Condori"),
    ("Per Ngata, no change in plan.", "Ngata"),
    ("Plan d/w Olaniyan, will reassess.", "Olaniyan"),
    ("handover: Yoshikawa stable overnight", "Yoshikawa"),  # a small town too: both cues
    ("Bed 9 Przybylski NBM from midnight for theatre.", "Przybylski"),
    ("Tshabalala pain controlled on paracetamol, home today.", "Tshabalala"),
    ("Ruhweza spiked 38.4 at 03:10, cultures sent, Achterberg aware.", "Achterberg"),
    ("Oyelaran's son to ring after 10.", "Oyelaran"),
    ("Handed over by Abimbola, taken by day staff.", "Abimbola"),
    # capitals and lower case
    ("RUHWEZA STABLE OVERNIGHT. PLAN UNCHANGED.", "RUHWEZA"),
    ("HANDOVER: ILLANES AFEBRILE, TOLERATING PO.", "ILLANES"),
    ("handover: oduya stable overnight", "oduya"),
    ("pt obiageli huamani stable overnight", "obiageli huamani"),
    ("pt wei li stable overnight", "wei li"),
    # two words, a dateline
    ("LIMA, May 2 (Reuters) - Condori Yupanqui said on Tuesday.", "Condori Yupanqui"),
    # surname first, at the start of a line, before a birth date or a record number
    ("Huamani, Obiageli\nDOB 03/04/1962", "Huamani, Obiageli"),
    ("Condori, Yupanqui  MRN 4471923", "Condori, Yupanqui"),
    ("TUILAGI, ABIMBOLA (MRN 4471923)", "TUILAGI, ABIMBOLA"),
    # predicates of a record, a chat and a news report
    ("Huamani Condori (DOB 01/02/1950) presented with cough.", "Huamani Condori"),
    ("Olaniyan Oduya, DOB: 03/04/1962", "Olaniyan Oduya"),
    ("OBIAGELI HUAMANI IS A 67 YO M ADMITTED WITH CHEST PAIN.", "OBIAGELI HUAMANI"),
    ("Obiageli Huamani is a 67-year-old woman with asthma.", "Obiageli Huamani"),
    ("Tshabalala and I went to the beach today", "Tshabalala"),
    ("Ruhweza, 54, was arrested on Friday.", "Ruhweza"),
]


@pytest.mark.parametrize(("text", "name"), POSITIVE)
def test_unlisted_names_found_by_context(text: str, name: str) -> None:
    assert name in _context_spans(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [("Baek Seo-yeon was admitted overnight.", "Seo-yeon"),
     ("Spoke with Hwang Da-eun and her mother.", "Da-eun"),
     ("Jeon Chae-won, 34, presented with fever.", "Chae-won")],
)
def test_korean_hyphenated_given_names_are_whole(text: str, name: str) -> None:
    assert name in _context_spans(text)


@pytest.mark.parametrize(
    "text",
    [
        "Patient stable overnight.",
        "handover: Patient stable overnight",
        "Lasix given at 0800, Zosyn to follow.",
        "Tylenol reported no relief.",
        "Boston reported record snowfall.",  # a large place
        "Houston said the launch was delayed.",  # a large place, even though a surname too
        "Pharmacy reviewed the chart and agreed.",
        "Cardiology called to follow up.",
        "Microsoft said the outage ended.",
        "Metoprolol was held overnight.",
        "Nursing reports pain controlled.",
        "Neuro stable overnight. Foley was removed.",
        "PT STABLE OVERNIGHT. NO ISSUES.",
        "CT reviewed with radiology.",
        "Everyone agreed with the plan.",
        "the Zanthorax reported losses",  # a determiner: a thing, not a person
        "pt afebrile, stable overnight",
        "handover: lasix stable overnight",
        "Yoshikawa said the trains were late.",  # a town with one cue only
        "#2014VerizonBreachReport says 87 % of skimming",
        "I pronounce it Nye-on cat. Re-do the dressing; so-so appetite.",
        "on the Servo-i ventilator",
        "Lisinopril (DOB 01/02/1950) was held.",  # a drug's word, not a name
        "Pharmacy and I agreed on the dose.",
        "The ward is a 20 bed unit.",
        "Boston, 12, was the score.",
        "In March, 54, were sold.",
        "Lasix, Tylenol 40 mg",
        "Boston, MA 02115",
        "Monday, March 3",
        "Bed 4 Vancomycin trough pending.",
        "Pain controlled overnight.",
        "Handover: Lasix held, Zosyn continued.",
    ],
)
def test_no_name_from_context_without_a_name(text: str) -> None:
    assert _context_spans(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [("Bo Lee said the scan was clear.", "Bo Lee"),
     ("Ha Le reviewed the chart and agreed.", "Ha Le"),
     ("BO LEE ADMITTED FROM ER.", "BO LEE"),
     ("BEIJING (AP) - Bo Lee, a spokesman, said on Monday.", "Bo Lee"),
     ("handover: Lee stable overnight", "Lee"),
     ("spoke with bo lee about the plan", "bo lee"),
     ("Lee, Bo\nDOB 03/04/1962", "Lee, Bo")],
)
def test_short_names_that_are_english_words_in_a_persons_place(text: str, name: str) -> None:
    """Listed names whose every word is also English ("lee", "bo", "ha", "le"): the lexicon
    filter drops the models' spans, so the place in the sentence must say it is a name."""
    assert name in _context_spans(text)


@pytest.mark.parametrize(
    "text",
    ["Do Long reported the results.", "May June said nothing.", "Sun Life reported a loss.",
     "Long Island said no.", "Per Lee, no change.", "LEE STABLE OVERNIGHT.",
     "Mark Will agreed"],
)
def test_english_words_need_a_pair_or_both_cues(text: str) -> None:
    assert _context_spans(text) == []


def test_a_lower_case_word_needs_a_cue_and_a_predicate() -> None:
    assert _context_spans("oduya stable overnight") == []
    assert _context_spans("handover: oduya") == []
    assert _context_spans("spoke with cardiolgy about it") == []  # a typo is no name


def test_capitals_need_a_line_in_capitals() -> None:
    assert _context_spans("Later RUHWEZA reported pain.") == []


@pytest.mark.parametrize(
    ("word", "unknown"),
    [("Tshabalala", True), ("Oyelaran", True), ("Lasix", False), ("Patient", False),
     ("stable", False), ("Microsoft", False), ("Hemostasis", False), ("Li", False)],
)
def test_unknown_word(word: str, unknown: bool) -> None:
    assert unknown_word(word) is unknown


@pytest.mark.parametrize(("part", "syllable"),
                         [("seo", True), ("Yeon", True), ("hoon", True), ("Kyung", True),
                          ("soo", True), ("based", False), ("like", False), ("str", False)])
def test_korean_syllable(part: str, syllable: bool) -> None:
    assert korean_syllable(part) is syllable


@pytest.mark.parametrize(
    ("text", "start", "end", "whole"),
    [("Kim Seo-yeon was seen.", 0, 7, "Kim Seo-yeon"),  # "Kim Seo" cut before "-yeon"
     ("pt min-seo stable", 6, 10, "min-seo"),  # "-seo" cut after "min"
     ("Dr. Baek Ji-hoon", 4, 11, "Baek Ji-hoon")],
)
def test_a_name_cut_at_a_hyphen_is_made_whole(text: str, start: int, end: int,
                                              whole: str) -> None:
    (span,) = hyphen_extensions(text, [Span(start, end, "PERSON", 0.9, "hf_ner:PERSON")])
    assert text[span.start : span.end] == whole and span.source == "names:hyphen"


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [("Servo-i ventilator", 0, 5), ("Nye-on cat", 0, 3), ("Smith-Jones", 0, 5),
     ("Kim-led team", 0, 3)],
)
def test_other_hyphens_do_not_extend_a_name(text: str, start: int, end: int) -> None:
    assert hyphen_extensions(text, [Span(start, end, "PERSON", 0.9, "hf_ner:PERSON")]) == []
    assert hyphen_extensions(text, [Span(start, end, "LOCATION", 0.9, "hf_ner:GPE")]) == []


def test_a_name_found_with_both_cues_echoes_in_the_document() -> None:
    text = "Handover: Tshabalala stable overnight.\nLATER TSHABALALA AMBULATING."
    spans = REC.detect([text])[0]
    echoes = REC.propagate(text, spans)
    assert any(text[s.start : s.end] == "TSHABALALA" for s in echoes)


@pytest.mark.parametrize(("text", "expected"), [
    ("Bed 12 Cho -- for CT head in am, NBM from midnight.", ["Cho"]),  # one syllable, a slot
    ("Bed 14 Ta -- for CT head in am.", ["Ta"]),
    ("Bed 15 On -- hold.\nBed 16 Ok -- d/c home.", []),
    ("Per Woo, no changes to plan overnight.", ["Woo"]),  # a name the lists leave out as a word
    ("Per de Groot, no changes.", ["de Groot"]),
    ("Seen at 0900. Per Belay, pain 4/10.", ["Belay"]),
    ("Per Neuro, no changes. Per Renal, continue HD.", []),  # services
    ("Per Son, she is tired. Per Protocol, no labs. per woo, ok", []),  # kin; no capital
])
def test_who_a_note_cites_with_per(text: str, expected: list[str]) -> None:
    assert [text[s.start : s.end] for s in REC.detect([text])[0]
            if s.source == "names:handover"] == expected


def test_a_name_found_with_one_cue_does_not_echo() -> None:
    text = "Per Ngata, no change.\nngata is a river."
    spans = REC.detect([text])[0]
    assert [s for s in REC.propagate(text, spans) if s.source == "names:echo"] == []


# The whole hipaa stack: the shapes the probe of real-world names misses today, and the
# shapes around them that the models already find (Last, First; signatures; datelines).
STACK_POSITIVE = [
    *POSITIVE,
    ("Plan discussed with family.\n-- K. Oyelaran", "Oyelaran"),
    ("Thanks,\nVelazco", "Velazco"),
    ("Baek Seo-yeon was admitted overnight.", "Baek Seo-yeon"),
    ("pt min-seo ahanonu stable overnight", "min-seo ahanonu"),
    ("TOKYO, March 3 (Reuters) - Kenji Ito said the talks would resume.", "Kenji Ito"),
    ("SEEN BY KENJI ITO TODAY. STABLE.", "KENJI ITO"),
    ("Bo Lee said the scan was clear.", "Bo Lee"),
    ("Lee, Bo\nDOB 03/04/1962", "Lee, Bo"),
    # who a note cites, a message's addressee, a judge, a list's "Last, First" entries
    ("Per Lopes, no changes to plan overnight.", "Lopes"),
    ("Nurse Per gave meds at 2200, pt tolerated well.", "Per"),  # a Nordic given name
    ("Meds given as ordered.\n-- L. Ly, RN", "L. Ly"),  # an initial, a word, a credential
    ("HX FROM PT AND FAMILY.\nNOK: UM SO-YOUNG  TEL +82 10-7103-4503", "UM SO-YOUNG"),  # a field
    ("NOK: THAN QUOC DUNG  TEL +84 90 360 7000", "THAN QUOC DUNG"),
    ("Witness statement of Su-ah Cha", "Su-ah Cha"),
    ("talked to seo-yeon um today, she said the results are fine", "seo-yeon um"),
    ("Message left for Aline at 555-201-3344.", "Aline"),
    ("Judge Than dismissed the appeal on all grounds.", "Than"),
    ("Attendees: Park, Ji-ho; Brown, Alice; Chen, Wei", "Park, Ji-ho"),
    ("Attendees: He, Yan; Brown, Alice; Chen, Wei", "He, Yan"),
    ("Attendees: Flores, Rose; Brown, Alice; Chen, Wei", "Rose"),  # a given name, and a verb
    ("Meds given as ordered.\n-- T. To, RN", "T. To"),  # an initial, a grammar word, a credential
]
STACK_NEGATIVE = [
    ("Patient stable overnight", "Patient"),
    ("Lasix given at 0800.", "Lasix"),
    ("Tylenol reported no relief.", "Tylenol"),
    ("Boston reported record snowfall.", "Boston"),
    ("Pharmacy reviewed the chart and agreed.", "Pharmacy"),
    ("Cardiology called to follow up.", "Cardiology"),
    ("Metoprolol was held overnight.", "Metoprolol"),
    ("Nursing reports pain controlled.", "Nursing"),
    ("Per MD, hold heparin tonight.", "Per"),
    ("Per Ortho, WBAT. Per Hospitalist, d/c in am.", "Ortho"),
    ("Judge To dismissed the appeal.", "Judge"),
    ("Plan: CABG Monday 10/9 w/ Dr Papadakis. NPO after MN Sunday.", "NPO"),
]


@pytest.fixture(scope="module")
def stack():  # type: ignore[no-untyped-def]
    from redactor.api import Redactor

    return Redactor("hipaa", ephemeral_key=True)


@pytest.mark.model
@pytest.mark.slow
def test_hipaa_stack_finds_unlisted_names(stack) -> None:  # type: ignore[no-untyped-def]
    texts = [t for t, _ in STACK_POSITIVE]
    found = stack.engine.analyze(texts)
    missed = [name for (text, name), spans in zip(STACK_POSITIVE, found, strict=True)
              if not _covered(text, name, spans)]
    assert missed == []


@pytest.mark.model
@pytest.mark.slow
def test_hipaa_stack_keeps_clinical_words_places_and_drugs(stack) -> None:  # type: ignore[no-untyped-def]
    found = stack.engine.analyze([t for t, _ in STACK_NEGATIVE])
    named = [word for (text, word), spans in zip(STACK_NEGATIVE, found, strict=True)
             if any(s.label == "PERSON" and s.start < text.index(word) + len(word)
                    and s.end > text.index(word) for s in spans)]
    assert named == []


# --- the audit's signature and chat shapes ------------------------------------------------


def _found(text: str) -> list[str]:
    from redactor.detect.names import NameRecognizer

    rec = NameRecognizer()
    spans = rec.detect([text])[0]
    spans += rec.propagate(text, spans)
    return sorted({text[s.start : s.end] for s in spans})


@pytest.mark.parametrize(("text", "name"), [
    ("Tigst Assefa just ran 2:11:53 in Berlin?!?", "Tigst Assefa"),
    ("omg. Oduya texted me at 3am", "Oduya"),
    ("checo getting outqualified by a rookie again", "checo"),  # in lower case, one word
    ("mrbeast giving away islands and im here", "mrbeast"),
])
def test_an_unknown_name_that_opens_a_posts_sentence_before_a_verb(text: str, name: str) -> None:
    assert name in _capitalised(text)


@pytest.mark.parametrize("text", [
    "Yesterday was wild lol", "Glasgow was amazing tonight", "Mum called again lol",
    "Oduya and the boys at the match",  # no verb after it
    "bruhhh just stop", "ngl this is good", "lowkey just want sleep",  # chat, drawn out or not
    "glasgow was amazing tonight", "yesterday was wild",
])
def test_no_opening_name_from_words_or_without_a_verb(text: str) -> None:
    assert _capitalised(text) == []


@pytest.mark.parametrize(("text", "initials"), [
    ("Reviewed.\n-- L. Gentile / lg\n", "lg"),
    ("Reviewed.\n-- Kwame Mensah/KM", "KM"),
])
def test_a_names_own_initials_after_a_slash_are_a_name(text: str, initials: str) -> None:
    from redactor.detect.names import initials_after_names

    start = text.index("-- ") + 3
    end = text.index("/", start)
    while text[end - 1] == " ":
        end -= 1
    name = Span(start, end, "PERSON", 0.9, "test")
    assert [text[s.start : s.end] for s in initials_after_names(text, [name])] == [initials]


@pytest.mark.parametrize("text", ["-- L. Gentile / xy\n", "-- L. Gentile / lg and more\n",
                                  "-- L. Gentile /lgx2\n"])
def test_other_letters_after_a_slash_are_not(text: str) -> None:
    from redactor.detect.names import initials_after_names

    name = Span(3, 13, "PERSON", 0.9, "test")
    assert text[3:13] == "L. Gentile"
    assert initials_after_names(text, [name]) == []


def test_time_stamped_chat_speakers_in_lower_case_are_names() -> None:
    text = "[08:55] bilal: hey u there\n[5:40 AM] lan: ya whats up\n[09:00] system: bye\n"
    found = _found(text)
    assert "bilal" in found and "lan" in found and "system" not in found


def test_speakers_without_a_time_stamp_need_the_lists() -> None:
    assert "lan" not in _found("lan: ya whats up\n")


def test_speakers_of_a_pasted_chat_are_names_whatever_the_word() -> None:
    text = ("summer: did anyone get the notes from bio\nhope: check the gc i sent them\n"
            "summer: ur an angel\nyoung: can someone send them to me too\n")
    spans = REC.detect([text])[0]
    assert sorted({text[s.start : s.end] for s in spans if s.source == "names:transcript"}) == [
        "hope", "summer", "young"]


def test_a_family_word_speaks_in_a_pasted_chat_but_is_no_name() -> None:
    text = "mom: did anyone feed the fish\ntariq: yes\nlayla: ALSO yes\nmom: ok so nobody\n"
    spans = REC.detect([text])[0]
    assert sorted({text[s.start : s.end] for s in spans if s.source == "names:transcript"}) == [
        "layla", "tariq"]


def test_speakers_of_a_pasted_chat_in_title_case_or_capitals_are_listed_or_unknown_words() -> None:
    text = ("Rose: ok florist confirmed\nWill: how much\nRose: dont ask\nWILL: ROSE\n"
            "Aigerim: did you sort the seating\nMum: put her at the kids table\n")
    spans = REC.detect([text])[0]
    assert sorted({text[s.start : s.end] for s in spans if s.source == "names:transcript"}) == [
        "Aigerim", "Rose", "WILL", "Will"]


@pytest.mark.parametrize("text", [
    "jiwoo: omw\nminjun: u said that 30 min ago\n",  # two lines: no transcript yet
    "Me: can u come\nHim: no\nMe: why not\n",  # words of grammar
    "Update: found him\nEdit: thanks all\nUpdate: he is home\n",  # a post's labels
    "NEURO: A&OX3\nCV: NSR 80S\nRESP: CLEAR\nNEURO: NO CHANGE\n",  # a note's systems
    "Interviewer: so\nMaria: yes\nInterviewer: and then\n",  # a role speaks
    "Staff: hi\nCustomer: my bike\nStaff: ok\n",
    "neuro: a&ox3\ncv: nsr 80s\nresp: ls clear\nneuro: no change\n",  # a note's systems
    "host: welcome back\nguest: thanks\nhost: so tell us\n",  # roles
    "name: ana\nphone: 555\nname: li\nphone: 556\n",  # a form's labels
    "jiwoo: omw\nminjun: u said that\njiwoo: im here\nso we went home and that was it\n"
    "it rained\nthe end\nreally\n",  # a third of the lines only
])
def test_pasted_chats_need_three_turns_and_speakers_that_are_no_labels(text: str) -> None:
    assert not [s for s in REC.detect([text])[0] if s.source == "names:transcript"]


# -- this stop: cued slots that take a surname whatever its lexicon ------------------------------

#: Surnames in no list, rare English words or too short for the context rule: only a slot that
#: cues on both sides say is a person's takes them.
SLOT_NAMES = ("Venter", "Wolde", "Belay", "Um")


def _by(text: str, source: str) -> list[str]:
    return [text[s.start : s.end] for s in REC.detect([text])[0] if s.source == source]


def test_slot_names_are_in_no_list() -> None:
    assert [n for n in SLOT_NAMES if is_listed_name(n)] == []


HANDOVER = """NIGHT HANDOVER 4 EAST
Venter stable overnight, plan CT head this am. Obs ok, he ate breakfast.
Wolde pain controlled on empagliflozin 10 mg, home today if bloods ok.
Um spiked 38.4 at 2155, cultures sent.
Belay's son Andile to ring after 10.
Bloods stable overnight. Obs stable overnight. Sats settled.
Temp spiked 38.4 at 0200.
Wound pain controlled.
Patient stable overnight."""


def test_a_handovers_slot_takes_a_surname_no_common_lexicon_knows() -> None:
    assert _by(HANDOVER, "names:handover") == ["Venter", "Wolde", "Um", "Belay"]


def test_a_slot_takes_a_surname_with_accents_and_a_nurse_s_predicate() -> None:
    text = ("NIGHT HANDOVER WARD 6\nVõ pain controlled on amlodipine 5 mg daily.\n"
            "Tạ spiked 38.4 at 1630, cultures sent.\nRiviere is alert and oriented.\n"
            "VÕ stable overnight.\nPain is alert.\n")
    assert _by(text, "names:handover") == ["Võ", "Tạ", "Riviere"]


def test_the_slot_needs_a_handover() -> None:
    text = HANDOVER.replace("NIGHT HANDOVER 4 EAST", "NIGHT NOTE 4 EAST")
    assert _by(text, "names:handover") == []


@pytest.mark.parametrize(("text", "names"), [
    ("Note to pharmacy: please call Rose at 0917 984 1663 when ready.", ["Rose"]),
    ("Please ring Venter on 011 970 9629 after 10.", ["Venter"]),
    ("Call Ana Lima at (617) 555-0100.", ["Ana Lima"]),
    ("please call Pharmacy at 555 1234", []),
    ("ring Mum on 07700 900123", []),
    ("call Boston at 617 555 0100", []),
    ("please call Security on 2222", []),
    ("call Us on 0800 123 456", []),
    ("call Rose tomorrow", []),  # no number: the flower or the verb may be meant
    ("Update (4:40 PM): called Garba at 0810-202-1150, reset it.", ["Garba"]),
    ("Update: phoned Navarro Puig on 600142944.", ["Navarro Puig"]),
])
def test_someone_to_call_at_a_number_is_a_person(text: str, names: list[str]) -> None:
    assert _by(text, "names:called") == names


@pytest.mark.parametrize(("text", "names"), [
    ("[14:30] kaveh: clinic moved my appt to Oct 31, can u tell lan", ["lan"]),
    ("[8:40 PM] rosalinda: kk. say hi to rin from me and marcin czarnecki",
     ["rin", "marcin czarnecki"]),
    ("[4:00 AM] cheruiyot: ok np. is vy still driving u", ["vy"]),
    ("can u tell camila", ["camila"]),
    ("ask jake lol", ["jake"]),
    ("[1530] travis: ok np. is bo ram still driving u", ["bo ram"]),
])
def test_names_in_lower_case_messages_after_a_cue(text: str, names: list[str]) -> None:
    assert _by(text, "names:lower_cue") == names


@pytest.mark.parametrize("text", [
    "[3:10 PM] matti: ok np. is mina still driving u",  # "mina" is a word too, after "is"
    "netflix and chill", "tell everyone i said hi", "thank god", "with love",
    "can u tell mom", "is it still raining", "tell will", "i love to eat",
    "is traffic still bad", "Can u tell Jake",  # mixed case: the other rules' work
    "defaults and delinquencies will surge", "transfusions and phlebotomies.",
    "is so far still ok", "is he ok now",  # no two syllables of Korean before a verb
    "tried to get to the toilet, did not use call bell. no head injury",  # a call bell
])
def test_words_in_lower_case_messages_stay(text: str) -> None:
    assert _by(text, "names:lower_cue") == []


@pytest.mark.parametrize(("text", "names"), [
    ("omg tshabalala just texted me lol", ["tshabalala"]),
    ("francisco called me last night", ["francisco"]),
    ("ok so bo ram told me he is coming", ["bo ram"]),
    ("lol. oduya literally facetimed us at 3am", ["oduya"]),
    ("omg panos just texted me lol", ["panos"]),  # a word only GCIDE knows
    ("talked to obiageli huamani today, she said it's fine", ["obiageli huamani"]),
])
def test_someone_who_texted_or_called_the_writer_is_a_person(text: str,
                                                              names: list[str]) -> None:
    assert _by(text, "names:lower_cue") == names


@pytest.mark.parametrize(("text", "names"), [
    ("Dr . Cox still hittin em with some heavy life lessons", ["Cox"]),  # split into tokens
    ("should I move to North Korea in order to get some attention Mr . President ?", []),
    ("Thank you, Madam Speaker.", []),
])
def test_a_title_in_text_split_into_tokens(text: str, names: list[str]) -> None:
    assert _by(text, "names:title") == names


@pytest.mark.parametrize("text", [
    "he just texted me", "the doctor called me", "mom called me", "we called u yesterday",
    "bae texted me", "my boss texted me", "someone called me", "work called me",
    "Francisco called me",  # mixed case: the other rules' work
    "the clinic said Francisco called me", "talked to my mom today", "spoke with the team today",
])
def test_other_subjects_who_texted_the_writer_stay(text: str) -> None:
    assert _by(text, "names:lower_cue") == []


@pytest.mark.parametrize(("text", "names"), [
    ("hi my name is thida, nice to meet u", ["thida"]),
    ("my name is oduya and im 17 lol", ["oduya"]),
    ("his name's tshabalala btw", ["tshabalala"]),
    ("my name is hằng and im 17 lol", ["hằng"]),  # letters beyond ASCII
])
def test_a_name_given_in_lower_case(text: str, names: list[str]) -> None:
    assert _by(text, "names:name_given") == names


@pytest.mark.parametrize("text", [
    "my name is not important", "what's your name is it long", "my name is on the list",
    "my name is so hard to spell", "my name is Hằng and im 17",  # capitalised: others' work
])
def test_words_after_my_name_is_that_are_no_name(text: str) -> None:
    assert _by(text, "names:name_given") == []


@pytest.mark.parametrize(("text", "names"), [
    ("Bed 12 Luna -- for CT head in am, NBM from midnight.", ["Luna"]),
    ("Rm 4 Okafor: febrile overnight", ["Okafor"]),
    ("bed 7 - duval: still confused overnight, pulled at IV x2.", ["duval"]),
    ("bed 3 - du plessis: for discharge", ["du plessis"]),
    ("bed 7 - hong: still confused overnight", ["hong"]),
    ("bed 2 - võ: afebrile", ["võ"]),
])
def test_a_beds_patient_without_a_handover_header(text: str, names: list[str]) -> None:
    assert _by(text, "names:handover") == names


@pytest.mark.parametrize("text", [
    "Bed 3 Empty -- ready for admission", "bed 3 - empty", "bed 4: clean, ready for admission",
    "Bed 12 Side rails up x2.", "bed 5 - pain: 4/10 overnight", "Luna -- for CT head in am",
    "the bed 7 - duval: note",
])
def test_other_words_after_a_bed_number_stay(text: str) -> None:
    assert _by(text, "names:handover") == []


@pytest.mark.parametrize(("text", "name"), [
    ("Woo, 54, was arrested on Friday.", "Woo"),
    ("Police said Min Cho, aged 71, who lives alone, was found.", "Min Cho"),
    ("SON, 45, HAS DIED.", "SON"),
])
def test_a_name_before_the_age_a_report_gives(text: str, name: str) -> None:
    assert name in _by(text, "names:context")


@pytest.mark.parametrize("text", [
    "The company, 54, was sold.", "In March, 54, were sold.", "Boston, 12, was the score.",
    "Chapter 5, 12, was cut.", "Pages 4, 12, and 19.",
])
def test_other_words_before_a_number_between_commas_stay(text: str) -> None:
    assert _by(text, "names:context") == []


@pytest.mark.parametrize(("text", "name"), [
    ("Nam and I went to the beach today", "Nam"),  # a listed name that is a word too
    ("Panos and I went to the beach today", "Panos"),  # a word only GCIDE knows
    ("Long, 54, was arrested.", "Long"),
    ("Nam (DOB 01/02/1950) presented with cough.", "Nam"),
])
def test_what_only_a_name_comes_before_takes_a_name_that_is_a_word(text: str,
                                                                   name: str) -> None:
    assert _by(text, "names:context") == [name]


@pytest.mark.parametrize("text", [
    "Work and I do not get along.", "Mom and I went shopping.", "Pain and I are old friends.",
    "Hope and I went home.",
])
def test_words_before_and_i_stay(text: str) -> None:
    assert _by(text, "names:context") == []


@pytest.mark.parametrize(("text", "initials"), [
    ("D: 05/11/91  T: 05/12/91\nJRK/mlt/bsk   cc: Dr. Farah Haddad", ["JRK/mlt/bsk"]),
    ("Dictated but not read.\nJRK/mlt\n", ["JRK/mlt"]),
])
def test_a_dictated_letters_reference_initials_are_names(text: str, initials: list[str]) -> None:
    assert _by(text, "names:initials") == initials


@pytest.mark.parametrize("text", [
    # capitals on both sides, one letter: shorthand ("PT/po" stays a name's shape: typists'
    # initials are as often "ac", "la", "ns", "pc")
    "PT/INR\n", "BMP/CMP\n", "S/P\n", "Check PT/INR in am\n",
])
def test_shorthand_with_a_slash_is_no_reference_line(text: str) -> None:
    assert _by(text, "names:initials") == []


@pytest.mark.parametrize(("text", "names"), [
    ("PLAN: ADMIT TO MEDICINE, CONSULT DR. TO. D/W QASEM AND FAMILY.", ["TO"]),
    ("DR. MCALLISTER AWARE. SEEN BY DR. LE AND TEAM.", ["MCALLISTER", "LE"]),
    ("DR. X TO DISCUSS INTERSTIM OPTIONS.", []),   # no name of four words in capitals
    ("NO DR NOTED ON FUNDOSCOPY.", []),           # diabetic retinopathy: no dot
])
def test_a_doctor_in_capitals_after_dr_with_its_dot(text: str, names: list[str]) -> None:
    assert [n for n in _by(text, "names:title")] == names


def test_a_doctor_in_capitals_survives_the_capitals_filter() -> None:
    """"TO" is an English word; after "DR." and before the clause's end it is a name."""
    from redactor.detect.engine import Engine
    from redactor.policy import load_policy

    engine = Engine.from_policy(load_policy("hipaa"), exclude=("spacy", "transformer"))
    text = "PLAN: ADMIT TO MEDICINE, CONSULT DR. TO. D/W LY AND FAMILY."
    found = {text[s.start : s.end] for s in engine.analyze([text], extra=[[]])[0]}
    assert {"TO", "LY"} <= found


def test_a_rare_english_word_of_a_found_name_echoes_mid_sentence() -> None:
    from redactor.detect.names import echo_names

    text = "Discussed plan with Venter and with Ruan Venter by phone. Venter agreed."
    found = Span(text.index("Ruan Venter"), text.index("Ruan Venter") + 11, "PERSON", 0.95,
                 "hf_ner:PER")
    echoed = sorted(s.start for s in echo_names(text, [found]) if text[s.start:s.end] == "Venter")
    assert text.index("Venter") in echoed          # mid-sentence
    assert text.rindex("Venter") in echoed         # at a sentence's start, before a verb


@pytest.mark.parametrize(("text", "names"), [
    ("Rose's mother Erlinda joined the call.", ["Rose"]),
    ("Wood's daughter called the ward.", ["Wood"]),
    ("Patient's mother called.", []),     # a role
    ("God's son", []),
    ("England's daughter", []),            # a large place
    ("Grave's disease was ruled out.", []),  # no relative
])
def test_a_name_before_a_relative_is_a_person(text: str, names: list[str]) -> None:
    assert _by(text, "names:kin") == names


@pytest.mark.parametrize(("text", "names"), [
    ("BRIEF-ANA DIAS NAMED HEAD OF REGIONAL OFFICE\n\nCAMPINAS", ["ANA DIAS"]),
    ("BRIEF-Okonkwo Adebayo to step down as CEO", ["Okonkwo Adebayo"]),
    ("BRIEF-ACME CORP SAYS Q3 PROFIT UP", []),
    ("BRIEF-Tesla says deliveries rose", []),   # one word: a company as often
    ("BRIEF-FOR THE RECORD SAYS", []),
])
def test_a_person_a_news_briefs_headline_names(text: str, names: list[str]) -> None:
    assert _by(text, "names:brief") == names


def test_discussed_with_a_surname_in_capitals_that_is_a_body_site() -> None:
    from redactor.detect.engine import Engine
    from redactor.policy import load_policy

    engine = Engine.from_policy(load_policy("hipaa"), exclude=("spacy", "transformer"))
    text = "PLAN: ADMIT TO MEDICINE, CONSULT DR. SHAPIRO. D/W SHIN AND FAMILY."
    found = {text[s.start : s.end] for s in engine.analyze([text], extra=[[]])[0]}
    assert "SHIN" in found


# --- capitalised words in the middle of a post's sentence ------------------------------------

def _capitalised(text: str) -> list[str]:
    return [text[s.start : s.end] for s in REC.detect([text])[0]
            if s.source == "names:capitalised"]


@pytest.mark.parametrize(("text", "name"), [
    ("squad is out and no Oduya?? abeg wetin", "Oduya"),
    ("Police appeal after man, 34, injured in Ruhweza assault http://t.co/x", "Ruhweza"),
    ("so proud of our Love Tshabalala walking across that stage", "Tshabalala"),  # no "Love"
    ("big thanks to Mme Ruhweza for the lessons lol", "Ruhweza"),  # the title rules' title
])
def test_an_unknown_capitalised_word_mid_sentence_in_a_post_is_a_name(text: str,
                                                                       name: str) -> None:
    assert not is_listed_name(name)
    assert _capitalised(text) == [name]


@pytest.mark.parametrize("text", [
    "so so proud of our Joy walking across that stage",        # a word of the dictionary
    "who said I'm going lol",                                   # "I'm"
    "and honestly Don't care anymore lol",                      # a contraction
    "Teach Like a Champion: 49 Techniques That Put Oduya On",   # a headline in title case
    ("neuro: a+ox3, mae. cv: nsr 80s, bp 120s. resp: ls clear, 2l nc. gi: tf at goal, "  # a note
     "abd soft. gu: foley draining clear urine. started on Tygacil per id, lasix gtt at 10"),
    "The applicant, a national of Tshabalala, " + "lodged the application. " * 80,  # no post
    "omg can u Tweet me back",                                  # chat
])
def test_no_mid_sentence_name_outside_a_posts_sentence(text: str) -> None:
    assert _capitalised(text) == []


@pytest.mark.parametrize(("text", "initials"), [
    ("KPLC why are you like this. tokens finished again", "KPLC"),
    ("freshers at the QMU was mental, still recovering", "QMU"),
])
def test_an_organisations_unknown_initials_in_a_post(text: str, initials: str) -> None:
    found = [s for s in REC.detect([text])[0] if s.source == "names:capitalised"]
    assert [(text[s.start : s.end], s.label) for s in found] == [(initials, "ORGANIZATION")]


@pytest.mark.parametrize("text", [
    "AITA for not letting my SIL bring her 3 dogs to the party",   # a forum's chat
    "shares fell 8% by 1015 GMT, an NGO said",                     # no organisation's
    "KPLC WHY ARE YOU LIKE THIS. TOKENS FINISHED AGAIN",            # a post in capitals
    "Aggressive with other consumers, redirected. Remains on ITO, EPOA is sister.",  # a note
    "omg the PDF wont open and my BMI is fine lol",                 # words of the lexicons
    "my IBAN is on the form, ask Henry VII lol",                    # ... and a Roman numeral
    "Client: Yeshi Desta   ITIN: 900-65-9492   Paired phone IMEI: 350886183285368",  # labels
    ("Dear team, please find attached the minutes of Tuesday's meeting. The QXR review will "
     "move to the new quarter, and the budget lines stay as agreed. Let me know if anything "
     "is missing before Friday, since the summary goes to the board next week and I would "
     "rather fix it now than after it has been circulated."),   # prose, no post
])
def test_no_organisations_initials_from_chat_words_or_notes(text: str) -> None:
    assert [s for s in REC.detect([text])[0]
            if s.source == "names:capitalised" and s.label == "ORGANIZATION"] == []


# --- a care team member by role in a note in lower case --------------------------------------

_NOTE_LOWER = ("neuro: a+ox3, mae, follows commands. cv: nsr 80s, bp 110s/60s. resp: ls clear, "
               "2l nc, sats 96%. gi: tf at goal, abd soft. gu: foley to gravity, uo adequate. ")


@pytest.mark.parametrize(("text", "name"), [
    ("case mgr abimbola following for dispo.", "abimbola"),
    ("chaplain mbeki visited.", "mbeki"),
    ("team aware, per fellow achterberg ok to hold heparin.", "achterberg"),
    ("sw kagiso following.", "kagiso"),
    ("pt/ot (sipho) rec rehab.", "sipho"),
    ("dtr (wanjiru) updated by phone.", "wanjiru"),
])
def test_a_care_team_member_by_role_in_lower_case(text: str, name: str) -> None:
    note = _NOTE_LOWER + text
    assert name in [note[s.start : s.end] for s in REC.detect([note])[0]
                    if s.source in ("names:role_lower", "names:bracketed_lower")]


@pytest.mark.parametrize("text", [
    "sw following for dispo.", "rt aware of abg.", "np aware, no new orders.",
    "case mgr following.", "interpreter used for update.", "charge rn notified.",
    "dtr (hcp) updated.", "a 1.5 cm clean-based gastric ulcer.",
])
def test_a_role_before_a_word_of_the_note_is_no_name(text: str) -> None:
    found = [s for s in REC.detect([_NOTE_LOWER + text])[0]
             if s.source in ("names:role_lower", "names:bracketed_lower")]
    assert found == []
