import pytest

from redactor.detect import names
from redactor.detect.names import NameRecognizer

REC = NameRecognizer()


def found(text):
    return [text[s.start:s.end] for s in REC.detect([text])[0]]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Seen by Dr. Mehmet Yılmaz today.", "Mehmet Yılmaz"),
        ("Mrs. van der Berg called.", "van der Berg"),
        ("Prof. Nguyen Van Minh lectured.", "Nguyen Van Minh"),
        ("Patient: NGUYEN, THI LAN\n", "NGUYEN, THI LAN"),
        ("Name: Smith, John A.\n", "Smith, John A"),
        ("Attending: Oluwaseun Adeyemi\n", "Oluwaseun Adeyemi"),
        ("PT: DOYLE, FRANCIS X   #4471902\nREQ: CHAUHAN\n\nINDICATION:", "CHAUHAN"),
        ("Interpreted by: Leila Haddad\n", "Leila Haddad"),
        ("Electronically signed by Kwame Mensah on 03/04/2021", "Kwame Mensah"),
        ("Chart reviewed by Aigerim Bekova.", "Aigerim Bekova"),
        ("Follow up with Priya Raghavan, MD.", "Priya Raghavan"),
        ("DT: 03/04/2021 ABC:jsmith", "jsmith"),
        ("Emergency contact: O'Connor-Hughes\n", "O'Connor-Hughes"),
        ("**Patient:** Mehmet Yılmaz (MRN 8820451)", "Mehmet Yılmaz"),
        ("Please update my address. Thanks, María", "María"),
        ("Best regards,\nKofi Mensah\n", "Kofi Mensah"),
        ("NOK: husband (Raj) 312.555.0199", "Raj"),
        ("[10:42] <kenji_t> yo did u talk to her", "kenji_t"),
        ("10:43 <b0bbyz> nah", "b0bbyz"),
        ("<@Mod|Anna> welcome all", "Mod|Anna"),
        ("DM me! snap: aaliyah.b2004", "aaliyah.b2004"),
        ("shoutout to my bestie jasmine 4 the bday gift", "jasmine"),
        ("can't believe coach ramirez benched him", "ramirez"),
        ("IG: kwame_asante87.", "kwame_asante87"),
        ("Venmo @Priya-R", "Priya-R"),
        ("son Oluwaseun visits weekly", "Oluwaseun"),
        ("Her daughter, Akosua, called back.", "Akosua"),
        ("NEONATOLOGY NOTE\nBABY BOY ECHEVARRIA DOL 6, CGA 32 4/7 WKS.", "ECHEVARRIA"),
        ("Baby Girl Nwosu is a 34 wk infant", "Nwosu"),
    ],
)
def test_cued_names_are_found(text, name):
    assert name in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "The patient was seen in clinic.",
        "Dr. appointment tomorrow.",
        "Diagnosis: Parkinson disease\n",
        "BP 120/80, HR 72, MD to follow.",
        "Subject: refund request\n",
        "Thanks for the help.",
    ],
)
def test_no_name_without_a_name(text):
    assert all(n.lower() not in {"parkinson disease", "refund request"} for n in found(text))
    assert "The" not in found(text) and "Patient" not in found(text)


@pytest.mark.parametrize("text", [
    "ONCE THE INTERSPACES WERE PREPARED, SONGER WIRES WERE THEN PASSED.",
    "HIS TWO SIBLINGS WERE ASYMPTOMATIC.",
])
def test_a_relative_is_a_whole_word(text):
    """"SON" in "SONGER", "SIBLING" in "SIBLINGS": no relative, no name after it."""
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    ["Father had MI at 50; mother (Type 2 diabetes) alive.", "Lives with husband on Sunday.",
     "<p> Dear reader,</p>\n<div> text </div>\n<td> cell </td>",
     "His friend Google told him.", "Spoke to sister about Plan B.",
     "handle with care; the steam was hot; snapchat is an app; IG: 42",
     "my son will be 5; her dad said no; my friend and i; coach bus; my sister is ok"],
)
def test_cue_words_alone_are_no_name(text):
    assert found(text) == []


def test_title_is_outside_the_span():
    (span, *_) = REC.detect(["Dr. Ana Souza"])[0]
    assert (span.start, span.end) == (4, 13) and span.label == "PERSON"


def test_credential_is_not_part_of_an_inverted_name():
    assert found("Attending: Oluwaseun Adeyemi, MD\n")[0] == "Oluwaseun Adeyemi"


@pytest.mark.parametrize(
    "name",
    ["Chinedu Okafor", "Nguyen Van Minh", "WEI ZHANG", "Mehmet Yilmaz", "Fatima Al-Sayed",
     "Maria del Carmen Lopez", "Kofi Mensah"],
)
def test_listed_names_of_many_origins(name):
    assert name in found(f"Yesterday {name} called about the refund.")


@pytest.mark.parametrize(
    "text", ["We met at Grace Church in New York.", "Massachusetts General Hospital",
             "Central Park West", "Monday March Report"],
)
def test_name_lists_ignore_places_and_institutions(text):
    assert [s for s in REC.detect([text])[0] if s.source == "names:lists"] == []


def test_name_lists_can_be_switched_off():
    rec = NameRecognizer(use_lists=False)
    assert rec.detect(["Yesterday Chinedu Okafor called."]) == [[]]


@pytest.mark.parametrize(
    "text",
    ["great vid man, imo the best", "I LOVE THIS", "Can I install it?", "21 miles away"],
)
def test_chat_words_and_pronouns_are_not_names(text):
    assert [text[s.start:s.end] for s in REC.detect([text])[0]
            if s.source in ("names:given", "names:lists")] == []


@pytest.mark.parametrize("text", ["omg nadia and armando!!", "thanks sevla", "du qiang said hi"])
def test_lower_case_given_names_in_chat(text):
    assert any(s.source == "names:given" for s in REC.detect([text])[0])


def test_a_name_list_match_never_ends_on_a_particle():
    spans = [s for s in REC.detect(["audition with Clair de Lune"])[0] if s.source == "names:lists"]
    assert spans == []


def test_inverted_name_only_where_the_field_ends():
    text = "PCP: Dr. Marta Kowalczyk, Riverside Family Practice, (617) 555-0143\n"
    assert "Marta Kowalczyk" in found(text)
    assert not any("Riverside" in name for name in found(text))
    assert "NGUYEN, THI LAN" in found("Patient: NGUYEN, THI LAN            MRN: 4471923\n")


@pytest.mark.parametrize(
    ("text", "echoed"),
    [
        ("Patient: Mai Duc Nam\nS: Nam slept poorly.", "Nam"),
        ("Driver: Luong Ngoc Ha\nHa admitted fault at the scene.", "Ha"),
        ("Patient: Nguyen Van Do\nDo not resuscitate.", None),
    ],
)
def test_a_name_found_once_is_found_again_even_at_a_sentence_start(text, echoed):
    first = REC.detect([text])[0]
    extra = [text[s.start:s.end] for s in REC.propagate(text, first) if s.start > text.index("\n")]
    assert extra == ([echoed] if echoed else [])


def test_context_candidates_come_one_at_a_time():
    # A list of every run held a regex match per word of the text (156 bytes per character of
    # "ab:ab:...", issue 13); the context rule reads the runs one at a time.
    text = "handover: Tshabalala stable overnight. " * 3
    lazy = names._candidates(text)
    assert iter(lazy) is lazy
    assert [c[:2] for c in lazy] == [c[:2] for c in list(names._candidates(text))]
    assert len(list(names._runs(text))) >= 3


def test_spans_of_one_rule_share_their_source_string():
    # One string per rule, not one per finding (60 bytes each on a text full of names).
    spans = [s for s in NameRecognizer().detect(["Mr. Smith and Mr. Jones."])[0]
             if s.source == "names:title"]
    assert len(spans) == 2
    assert spans[0].source is spans[1].source


def test_the_context_rule_looks_back_at_most_40_characters_for_a_line_start():
    # Looking back to the line's start without a bound read the whole text before each
    # candidate on a text without line breaks: 16 MB of "Mr. Smith " took 326 CPU-s, not 120.
    looked: list[int] = []

    class Text(str):
        def rfind(self, sub, start=None, end=None):  # type: ignore[override]
            looked.append(len(self) if end is None else end - (start or 0))
            return super().rfind(sub, start, end)

    text = Text("Mr. Smith " * 200 + "\nhandover: Tshabalala stable overnight.")
    found = [text[s.start : s.end] for s in names._context_names(text)]
    assert "Tshabalala" in found
    assert looked and max(looked) <= 40


# -- Signatures with initials: the writer's own initials vouch for a short surname.


@pytest.mark.parametrize(("text", "name", "initials"), [
    ("Reviewed.\n-- H. To / ht\n", "H. To", "ht"),
    ("-- K. Thân / kt\n", "K. Thân", "kt"),
    ("-- C. dela Cruz / cd\n", "C. dela Cruz", "cd"),
    ("-- L. Herrera Hernández / lh\n", "L. Herrera Hernández", "lh"),  # first two words
    ("-- N. Al-Subaie / na\n", "N. Al-Subaie", "na"),
    ("E. Cha/EC\n", "E. Cha", "EC"),
])
def test_an_initial_and_surname_signed_with_their_initials(text, name, initials):
    assert name in found(text) and initials in found(text)


@pytest.mark.parametrize("text", [
    "-- H. To / xy\n",  # not its initials
    "-- H. To / ht and more\n",  # not the end of the line
    "See Fig. 4 / fg\n",
    "Blood Pressure / bp\n",  # no initial: the initials alone vouch for nothing
    "Yes / no\n",
])
def test_no_signature_without_its_own_initials(text):
    assert all(s.source != "names:initials" for s in REC.detect([text])[0])


@pytest.mark.parametrize(("text", "name"), [
    ("BA/tđ  D: 10/30/21", "BA/tđ"),
    ("TD/kl\n", "TD/kl"),
])
def test_dictation_initials_in_any_script(text, name):
    assert name in found(text)


def test_an_initial_before_a_found_surname_is_the_same_person():
    text = "Subject: Results for E. Cha\n\nResults for Eun-ji Cha reviewed. See Fig. 4, P. Cha."
    start = text.index("Eun-ji")
    spans = [names.Span(start, start + len("Eun-ji Cha"), "PERSON", 0.9, "hf_ner")]
    assert [text[s.start : s.end] for s in names.initial_echoes(text, spans)] == ["E. Cha"]
    assert names.initial_echoes(text, []) == []


def test_a_credential_is_no_initial_and_surname_nor_an_echo():
    text = ("Dictated By: ALVAREZ, MARIA C. M.D.\nAttending: GLENN HOLLIS MD\n"
            "CC: 1. ANJALI VARMA, M.D. 2. THEODORE BANKS, M.D.")
    spans = [names.Span(text.index(v), text.index(v) + len(v), "PERSON", 0.9, "hf_ner")
             for v in ("MARIA C. M.D", "GLENN HOLLIS MD")]
    assert names.initial_echoes(text, spans) == []
    assert "M.D" not in " ".join(text[s.start : s.end] for s in names.echo_names(text, spans))


def test_a_surname_that_is_a_word_is_echoed_in_capitals_where_the_note_shouts():
    text = "HPI: 74 Y/O M. SUN REPORTS 2 DAYS OF SYMPTOMS. SUN EXPOSURE NOTED. (LINA SUN)."
    start = text.index("LINA SUN")
    spans = [names.Span(start, start + 8, "PERSON", 0.9, "hf_ner")]
    echoed = {s.start for s in names.echo_names(text, spans)}
    assert text.index("SUN REPORTS") in echoed  # a sentence start before a verb
    assert text.index("SUN EXPOSURE") not in echoed  # a sentence start without one


def test_capitals_are_not_echoed_from_a_name_in_title_case():
    text = "Lina Sun came in. SUN REPORTS ARE DUE."
    spans = [names.Span(0, 8, "PERSON", 0.9, "hf_ner")]
    assert all(text[s.start : s.end] != "SUN" for s in names.echo_names(text, spans))


@pytest.mark.parametrize(("text", "name"), [
    ("Ticket 4411\nUser ID: salam\nPriority: high", "salam"),
    ("Login: gus\n", "gus"),
])
def test_a_word_alone_in_a_user_id_field_is_a_user_name(text, name):
    assert name in found(text)


@pytest.mark.parametrize("text", [
    "User ID: guest\n",  # an account nobody owns
    "User ID: salam is locked\n",  # not alone on its line
    "processed by: salam\n",  # no user id field: a word stays a word
    "The parcel was x" * 3 + "login: gus\n",  # not the line's own label
])
def test_a_word_needs_the_user_id_field_alone(text):
    assert "guest" not in found(text) and "salam" not in found(text) and "gus" not in found(text)


@pytest.mark.parametrize(("text", "name"), [
    ("Results for Ana Machado reviewed. Ana to book a review in six weeks.", "Ana"),
])
def test_a_found_given_name_that_is_a_word_before_to_book(text, name):
    start = text.index(name)
    spans = [names.Span(start, start + len("Ana Machado"), "PERSON", 0.9, "hf_ner")]
    echoed = [text[s.start : s.end] for s in names.echo_names(text, spans)]
    assert echoed.count("Ana") == 2
    later = "Results for Ana Machado reviewed. Ana to the ward."
    spans = [names.Span(12, 23, "PERSON", 0.9, "hf_ner")]
    assert [later[s.start : s.end] for s in names.echo_names(later, spans)].count("Ana") == 1


def test_a_word_in_a_user_id_field_carries_a_cued_source():
    text = "Requester: Gus Park\nUser ID: gus\nDevice: laptop"
    sources = {text[s.start : s.end]: s.source for s in REC.detect([text])[0]}
    assert sources["gus"] == "names:user_id"
    assert REC.detect(["Assigned to: jdoe\n"])[0][0].source == "names:user_field"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("** Electronically signed out by jfriend on 26 November 2015 **", "jfriend"),
        ("Report signed off by mkowalski2 at 08:32", "mkowalski2"),
        ("Report signed out by pathology on 11/26", None),  # a word every dictionary holds
        ("Consent signed off by the patient", None),
    ],
)
def test_a_user_id_after_a_pathologist_signs_out(text: str, found: str | None) -> None:
    names_found = [text[s.start : s.end] for s in REC.detect([text])[0]
                   if s.source == "names:user_field"]  # fmt: skip
    assert names_found == ([found] if found else [])


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("hi this is bo ram seo", "bo ram seo"),
        ("ok thanks, my name is wei li", "wei li"),
        ("SEEN WITH JOHN SMITH, DO TODAY", "JOHN SMITH"),
        ("Follow up with Kwame Mensah, PA.", "Kwame Mensah"),
        ("Reviewed with Li Wei RN.", "Li Wei"),
    ],
)
def test_introductions_and_credentials_that_cue_a_name(text, name):
    assert name in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "they want a better future for everyone . this is my opinion",
        "has a nice voice , but this is made up stuff .",
        "this is so good",
        "OMG THANK YOU TO DO THIS , I would like it",
        "PLEASE CALL AHEAD TO PA IF LATE",
    ],
)
def test_grammar_words_and_bare_do_or_pa_cue_no_name(text):
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ticket closed by jsmith on Monday.", "jsmith"),
        ("Posted by kwame_a 3 hours ago", "kwame_a"),
        ("Escalated by vkrishnamurthy4", "vkrishnamurthy4"),
        ("Candid by lenilen . http://t.co/x", "lenilen"),
    ],
)
def test_a_user_name_after_a_verb_of_handling_a_record(text, name):
    assert name in found(text)


@pytest.mark.parametrize(
    "text",
    ["company songs sung by salarymen. Unfortunately", "He was overwhelmed by butthurt ."],
)
def test_a_lower_case_word_after_by_in_prose_is_no_user_name(text):
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "absent", "name"),
    [
        ("THE PATIENT'S WIFE AND I HAVE DISCUSSED HIS TREATMENT OPTIONS", "AND I HAVE", None),
        ("MOTHER AND INFANT ARE IN RECOVERY DOING WELL", "AND INFANT", None),
        ("PT'S WIFE MARY WAS AT BEDSIDE", "MARY WAS", "MARY"),
        ("THE ELLIS WERE REMOVED AND USED", "ELLIS WERE", None),
        ("LIVEBORN FEMALE AND MALE WERE DELIVERED.", "MALE", None),
        ("PERRLA. SON TOM CALLED, WIFE MARY AT BEDSIDE.", "TOM CALLED", "TOM"),
        ("DAUGHTER LINH NGUYEN VISITED TODAY", "VISITED", "LINH NGUYEN"),
        ("WIFE (CAROL) AND BROTHER JIM IN TO VISIT", "JIM IN", "JIM"),  # a grammar word
        ("SPOKE WITH DR. NGUYEN RE: PLAN OF CARE", "NGUYEN RE", "NGUYEN"),  # that is a name too
        # a modal that is a name too, before a verb: no name at all
        ("SOCIAL: WIFE CAN BE REACHED AT HOME", "CAN", None),
        ("SON WILL CALL TONIGHT. DAUGHTER MAY VISIT.", "WILL", None),
        ("SON WILL IN TO VISIT WITH WIFE MAY.", "WILL IN", "WILL"),  # no verb: names
        # any English verb's base form that no name list holds, after a modal
        ("RESPITE OFFERED, WIFE WILL THINK ABOUT IT. SW VISIT SCHEDULED.", "WILL", None),
        ("SON WILL SMITH CALLED FROM HOME", "CALLED", "WILL SMITH"),  # a surname after it
        # a word of the sentence no name list holds ends it too
        ("HUSBAND IVAN DIED 1999. PLAN: RETURN HOME", "IVAN DIED", "IVAN"),
        ("DAUGHTER SIOBHAN DRIVING IN FROM WORCESTER", "SIOBHAN DRIVING", "SIOBHAN"),
    ],
)
def test_a_grammar_word_ends_a_name_in_capitals(text, absent, name):
    spans = found(text)
    assert not any(absent in s for s in spans)
    if name:
        assert name in spans


def test_dictation_initials_after_a_signature():
    assert "TD/kl" in found("Dictated by T. Dunn\nTD/kl")
    assert "DO/by" in found("-- D. Oberl\u00e4nder / do\nDO/by  D: 1/10/21")  # "DO": initials


@pytest.mark.parametrize(("text", "initials"), [
    ("OLAF  HALVORSEN ,  M.D.\n\nOH / bls\nD :  12 / 30 / 98", "OH / bls"),  # tokenised
    ("upon completion of microscopic examination.\n\nAW/RT/nk   11/14/98\n", "AW/RT/nk"),
])
def test_dictation_initials_spaced_or_of_two_authors_alone_on_their_line(text, initials):
    assert initials in found(text)


@pytest.mark.parametrize("text", ["BM / day\n", "Tolerating diet, IV / po meds today\n"])
def test_a_rate_or_a_route_is_no_initials(text):
    assert found(text) == []


def test_a_sentence_word_of_a_found_name_echoes_only_before_a_verb():
    text = ("Patient: Long Duc Dinh   MRN 31316718\nS: Long slept poorly. Long term plan "
            "unchanged. A Long history of falls. May was cold.")
    spans = [names.Span(9, 22, "PERSON", 0.9, "hf_ner")]
    echoed = [text[s.start : s.end] for s in names.echo_names(text, spans)
              if s.start > 22]
    assert echoed == ["Long"]
    assert text.index("Long slept") in [s.start for s in names.echo_names(text, spans)]


def test_an_echo_is_a_whole_word_found_case_blind():
    text = ("Patient: İhsan Yıldız-Koç\nihsan called; YILDIZ-KOÇ paged. Ihsanoglu, Yildiz's, "
            "yıldız-koç-x and o'ihsan are other words. Ihsan' signed.")
    spans = [names.Span(9, 25, "PERSON", 0.9, "hf_ner")]
    echoed = [(s.start, text[s.start : s.end]) for s in names.echo_names(text, spans)]
    assert echoed == [(9, "İhsan"), (15, "Yıldız-Koç"),  # the name's own words
                      (text.index("ihsan called"), "ihsan"),
                      (text.index("YILDIZ-KOÇ"), "YILDIZ-KOÇ"),
                      (text.index("Ihsan' signed"), "Ihsan")]  # fmt: skip


def test_a_chat_word_in_a_found_name_is_not_echoed():
    text = "dem eat pum pum all day. dem said so. Kofi Mensah said so too."
    spans = [names.Span(0, 15, "PERSON", 0.85, "spacy:PERSON"),
             names.Span(38, 49, "PERSON", 0.9, "hf_ner")]  # fmt: skip
    echoed = {text[s.start : s.end] for s in names.echo_names(text, spans)}
    assert "dem" not in echoed and {"Kofi", "Mensah"} <= echoed


def test_a_name_written_together_in_a_hashtag():
    text = ("RIP legend #RIPJohnnyWinter #DonaldSterling banned. #HappyMothersDay #MayDay "
            "#GameOfThrones #MarkMyWords #TeamSmithFamily #MildredGaddis")
    found = [text[s.start : s.end] for s in names._hashtag_names(text)]
    assert found == ["JohnnyWinter", "DonaldSterling", "MildredGaddis"]
    assert "JohnnyWinter" in {text[s.start:s.end] for s in REC.detect([text])[0]}


def _person(text: str, word: str) -> names.Span:
    start = text.index(word)
    return names.Span(start, start + len(word), "PERSON", 0.9, "hf_ner")


@pytest.mark.parametrize(("text", "found", "others"), [
    ("Hoffman and Smith were precision engineers.", "Smith", ["Hoffman"]),
    ("the brainchild of our 3 founders: Miller, Stone and Taylor.", "Taylor",
     ["Miller", "Stone"]),
    ("our founders: Hall, Weaver & Cole.", "Hall", ["Weaver", "Cole"]),
    # the last of a list may be a given name that is a word too
    ("Grace and Will got engaged this morning", "Grace", ["Will"]),
    ("Met Sarah and Hope at the cafe", "Sarah", ["Hope"]),
])
def test_surnames_listed_with_a_found_surname_are_names(text, found, others):
    spans = [_person(text, found)]
    assert [text[s.start : s.end] for s in names.coordinated_names(text, spans)] == others


@pytest.mark.parametrize(("text", "found"), [
    ("Paris and London were lovely.", "Paris"),            # places, no surnames
    ("Dr. Smith and Pharmacy agreed.", "Smith"),           # a department is no surname
    ("Nurse and Doctor agreed with Hoffman.", "Hoffman"),   # the found name is in no list
    ("Smith and May were late; Smith and Paris agreed", "Smith"),  # a month, a large place
])
def test_no_list_of_names_without_a_found_surname_and_listed_others(text, found):
    assert names.coordinated_names(text, [_person(text, found)]) == []
    assert names.coordinated_names("Hoffman and Smith were engineers.", []) == []


def test_a_long_list_is_read_from_its_first_word_once():
    # each word of a list without "and" was a new start that read the rest: quadratic
    text = ", ".join(["Smith"] * 20000) + " and Jones."
    spans = names.coordinated_names(text, [_person(text, "Smith")])
    assert len(spans) == 20000 and text[spans[-1].start : spans[-1].end] == "Jones"
    assert [m.start() for m in names._COORDINATED.finditer("Hall, Weaver and Cole")] == [0]


@pytest.mark.parametrize(("text", "value", "whole"), [
    ("-- C. Thai, RN", "Thai", "C. Thai"),
    ("represented by Mr J.-P. Costa, a lawyer", "Costa", "J.-P. Costa"),
    ("he was given vitamin C. Thai food was served", "food", None),  # lower case: no name
    ("Seen by Dr. Okafor", "Okafor", None),                       # a title is no initial
])
def test_initials_before_a_found_name_join_it(text, value, whole):
    start = text.index(value)
    spans = [names.Span(start, start + len(value), "PERSON", 0.9, "hf_ner")]
    assert [text[s.start : s.end] for s in names.initial_extensions(text, spans)] == (
        [whole] if whole else [])


@pytest.mark.parametrize(("text", "given", "whole"), [
    ("talked to seo-yeon um today, she said the results are fine", "seo-yeon", "seo-yeon um"),
    ("Witness statement of Su-ah Cha", "Su-ah", "Su-ah Cha"),
    ("thanks min-jun so much", "min-jun", None),     # a grammar word
    ("min-jun got home late", "min-jun", None),      # a verb before more words
    ("ji-woo ok?", "ji-woo", None),                  # chat
    ("Seo-yeon bae.", "Seo-yeon", None),             # not in the name's case
    ("Jean-Pierre Le, MD", "Jean-Pierre", None),     # no Korean given name
    # a surname with letters beyond ASCII after any given name
    ("Pt Yến Thân seen in clinic today", "Yến", "Yến Thân"),
    ("talked to minh vũ today", "minh", "minh vũ"),
    ("Pt Minh Vu seen in clinic today", "Minh", None),  # ASCII: the lists' and models' to find
    ("Pt Yến café today", "Yến", None),                 # not in the name's case
    ("Pt Yến Thân-Lê seen", "Yến", None),               # a hyphen: the hyphen rule's
    # a surname of two letters that is a grammar word, before a record's or a report's words
    ("Trung To (DOB 01/02/1950) presented with cough.", "Trung", "Trung To"),
    ("LAGOS, March 3 (Reuters) - Ngan To, a spokesman for the ministry", "Ngan", "Ngan To"),
    ("Mary To go home tomorrow", "Mary", None),
    ("Pt John Is stable, a good day", "John", None),
])
def test_a_surname_after_a_found_given_name_joins_it(text, given, whole):
    start = text.index(given)
    spans = [names.Span(start, start + len(given), "PERSON", 0.9, "hf_ner")]
    assert [text[s.start : s.end] for s in names.surname_after(text, spans)] == (
        [whole] if whole else [])


@pytest.mark.parametrize(("text", "name"), [
    ("mom held infant's hand and participated in cares", None),  # "Held" is a surname only
    ("wife asks about transfer back to the floor", None),
    ("son kevin called, will visit in am", "kevin"),
    ("dad long in at 1300 w/ mom", "long"),  # a given name that is a word too
])
def test_a_relatives_lower_case_name_is_a_given_name_or_no_word(text, name):
    got = [text[s.start:s.end] for s in REC.detect([text])[0]
           if s.source == "names:relative_lower"]
    assert got == ([name] if name else [])


def test_an_office_inside_a_found_name_is_not_echoed():
    from redactor.detect.names import echo_names
    from redactor.span import Span

    text = "In attendance: Ward Cllr T. Malik\n24/031 Apologies: Cllr Wainwright. (Clerk)"
    found = Span(text.index("Ward"), text.index("\n"), "PERSON", 0.9, "spacy:PERSON")
    echoed = {text[s.start:s.end] for s in echo_names(text, [found])}
    assert "Cllr" not in echoed


@pytest.mark.parametrize(("text", "name"), [
    ("ALL OTHER PATIENTS SETTLED. WARD CLEAN.\nS/N MERE\n", "MERE"),
    ("fluid quota reviewed.\nSSN Norhayati, Ward 57\n", "Norhayati"),
    ("handed over to night staff.\nStaff Nurse Adaeze Obi\n", "Adaeze Obi"),
])
def test_a_ward_title_signs_a_report_at_its_end(text, name):
    assert name in found(text)


@pytest.mark.parametrize("text", [
    "SN VISIT\nPT 84 YO F W/ DM2 ON INSULIN, STABLE.\nLIVES ALONE.\nBS 140\n",  # a heading
    "Plan: review.\nSN ORDERED\n",  # a verb
    "pump S/N 4471-A\n",  # a serial number
])
def test_no_ward_signature_in_a_heading_a_verb_or_a_serial(text):
    assert not [s for s in REC.detect([text])[0] if s.source == "names:title"]


def test_a_role_inside_a_found_name_is_not_echoed():
    from redactor.detect.names import echo_names
    from redactor.span import Span

    text = "DELGADO, Petitioner v. TRI-COUNTY FREIGHT\non behalf of Petitioner. Delgado said"
    found = Span(0, text.index(" FREIGHT"), "PERSON", 0.9, "spacy:PERSON")
    echoed = {text[s.start:s.end] for s in echo_names(text, [found])}
    assert "Petitioner" not in echoed and "Delgado" in echoed


@pytest.mark.parametrize(("text", "name"), [
    ("NATRECOR DISCUSSED BUT BP TOO SOFT, DR SNOW AWARE.", "SNOW"),
    ("STROKE FELLOW DR HO SAW PT AND SPOKE W/ FAMILY.", "HO"),
    ("Social: Dtr Hope here from Sarasota.", "Hope"),
    ("NO DR NOTED ON FUNDOSCOPIC EXAM.", None),  # diabetic retinopathy
    ("ADENOSINE 6MG IV GIVEN BY DR FROST WITH CONVERSION TO NSR.", "FROST"),
    ("D/W DR OKAFOR RE: PLAN FOR AM.", "OKAFOR"),
    ("HEPARIN HELD PER DR ORDERS. PT TO DR OFFICE IN AM.", None),  # sentence words
    ("Fly to the airport (DAD IATA), then a taxi.", None),  # a code in mixed case
    ("PRONED AT 1300 PER TEAM. DR LOVE AND RT AT BEDSIDE.", "LOVE"),
    ("STROKE FELLOW DR HO SAW PT AND SPOKE W/ FAMILY", "HO"),  # the title's rule, no "SAW PT"
    ("Before :\n\nLADY JUSTICE PENROSE\nand", "PENROSE"),  # a judge in a heading
])
def test_a_doctor_in_capitals_and_a_daughter_in_shorthand(text, name):
    got = [text[s.start:s.end] for s in REC.detect([text])[0]
           if s.source in ("names:title", "names:title_caps", "names:relative")]
    assert got == ([name] if name else [])


@pytest.mark.parametrize(("text", "name"), [
    ("ortho (dr vanterpool) in to see ex fix, pin care done.", "vanterpool"),
    ("octreotide started, dr le aware of output.", "le"),
    ("md aware, dr aware of output, dr to see in am, dr ct reviewed", None),
    ("pt nods yes/no. dtr ana in at lunch, helped w/ mouth care", "ana"),
    ("states mother ran out of insulin 1 wk ago", None),  # a verb's past, though a name
])
def test_a_lower_case_doctor_or_daughter(text, name):
    got = [text[s.start:s.end] for s in REC.detect([text])[0]
           if s.source in ("names:title_lower", "names:relative_lower")]
    assert got == ([name] if name else [])


def test_a_relatives_role_in_brackets_is_no_name():
    text = "cont abx, pulm toilet. Son (HCP) aware of admission, will come in tomorrow."
    assert "HCP" not in found(text)


@pytest.mark.parametrize(("text", "name"), [
    ("PLAN: NA Q6H. REPORT TO FAITH RN AT 0700.", "FAITH"),  # the word right before it
    ("wound care by Ana Reyes, RN today", "Ana Reyes"),
    # no name: a sentence ended before the credential, an airway's NP, the team's roles
    ("BS CLEAR UPPER, DIMINISHED LOWER. STRONG NP COUGH.", None),
    ("NP SUCTIONED FOR THICK SECRETIONS", None),
    ("family meeting held w/ Dr Haddad, SW, RN. present were", None),
    ("REPORT GIVEN TO FLOOR RN. PT TRANSFERRED VIA WHEELCHAIR.", None),  # a nurse's kind
    ("currently on 2L NC. RN cleared pt for mobility.", None),  # the next sentence's RN
    ("SKIN: STAGE III SACRAL DECUB, WOUND CARE PER WOC RN. ON KINAIR.", None),
])
def test_the_name_before_a_credential(text, name):
    got = [text[s.start:s.end] for s in REC.detect([text])[0] if s.source == "names:credential"]
    assert got == ([name] if name else [])


@pytest.mark.parametrize("text", [
    "GUARDIANSHIP PAPERWORK BEING REVIEWED BY CASE MGMT.",  # a department after "by"
    "Pt seen by Social Work today.",
    "Lactulose started, goal 2-3 BM/day.",  # a rate, no typist's initials
    "DAUGHTER-IN-LAW STATES THAT THE HOUSE HAS STAIRS TO THE BEDROOM.",  # a compound of words
    "She was evaluated by Radiation Oncology ( Dr. ) and will begin",  # a service
    "ABG 7.38/44/76. COVERING RESIDENT PAGED, RESIDENT AWARE.",  # a role, no name after it
    "Resident: (Radiology)\nAttending Radiologist: see below",
    "Lunch @ Nandos with the girls; meet me @ Starbucks",  # no name on both sides of "@"
])
def test_departments_rates_and_kin_are_no_names(text):
    assert found(text) == []


@pytest.mark.parametrize(("text", "names"), [
    ("COVERING RESIDENT OKAFOR AWARE.", ["OKAFOR"]),
    ("CRIMINAL APPEAL NO. 1187 OF 2016\n\nRajesh Kumar @ Raju    ...Appellant",
     ["Rajesh Kumar", "Raju"]),
    ("Mohd. Salim alias Pappu was arrested on the spot.", ["Mohd. Salim", "Pappu"]),
])
def test_a_role_before_a_name_and_a_name_with_its_alias(text, names):
    got = {text[s.start:s.end] for s in REC.detect([text])[0]
           if s.source in ("names:role", "names:alias")}
    assert got == set(names)


@pytest.mark.parametrize(("text", "names"), [
    ("FAMILY HAS MANY QUESTIONS RE: PROGNOSIS, SW (FAITH) FOLLOWING.", ["FAITH"]),
    ("CM (Rosa) aware of plan.", ["Rosa"]),
    ("RT (DANA) RECRUITED X1 WITH IMPROVEMENT IN SATS", ["DANA"]),
    ("SITTER (1:1) AT BEDSIDE. SW (PER CONSULT) AWARE. AIDE (PRN) CALLED", []),
])
def test_a_care_team_members_name_in_brackets_after_the_role(text, names):
    got = [text[s.start:s.end] for s in REC.detect([text])[0]
           if s.source == "names:role_bracketed"]
    assert got == names


@pytest.mark.parametrize("text", [
    "SHE WILL ADD MGM TO LIST. DCF WORKER FOLLOWING",
    "BROTHER STATES HE WILL FLY IN SAT.",
    "DAUGHTER AWARE OF PLAN, SON UPDATED BY PHONE",
])
def test_a_verb_or_preposition_after_a_relative_is_no_name(text):
    assert [text[s.start:s.end] for s in REC.detect([text])[0]
            if s.source == "names:relative"] == []


@pytest.mark.parametrize(("text", "name"), [
    ("Met w/ MOB Faith and FOB Hunter at bedside.", "Faith"),
    ("Met w/ MOB Faith and FOB Hunter at bedside.", "Hunter"),
    ("PAR: MOM, DAD AND GRANDMA ROSE IN TO VISIT, UPDATED BY NNP.", "ROSE"),
    ("FAM: DAD WILL CALLED AT 1500 AND UPDATED BY THIS RN.", "WILL"),
    ("bp stable. dr KING paged re: ?anticoag, aware.", "KING"),
    ("SKIN: FAINT MACULAR RASH PALMS - DR WEISSMAN MADE AWARE, ? EARLY GVHD", "WEISSMAN"),
    ("BP 80S, DR OKONKWO INFORMED, 500CC BOLUS GIVEN", "OKONKWO"),
])
def test_a_babys_parents_a_relative_after_a_list_and_a_surname_after_dr(text, name):
    assert name in found(text)


@pytest.mark.parametrize(("text", "word"), [
    ("PAR: MOM, DAD AND GRANDMA ROSE IN TO VISIT", "DAD AND GRANDMA ROSE"),  # no list as one
    ("SOC: MOM IN TO VISIT W/ MGM, HELD BABY SKIN TO SKIN", "HELD BABY"),   # a sentence's word
    ("Mom , Dad , All I See is Concrete", "All I See"),
    ("dr ICU aware of labs", "ICU"),                                         # shorthand
    ("the mob boss left", "boss"),
])
def test_a_relatives_list_or_a_sentence_word_is_no_name(text, word):
    cued = [text[s.start:s.end] for s in REC.detect([text])[0] if s.source != "names:lists"]
    assert all(word not in f for f in cued)


@pytest.mark.parametrize(("text", "name"), [
    ("Insulin gtt held per anesthesia, Dr\nCash aware, FS 142.", "Cash"),
    ("Seen by Dr.\nOkafor today.", "Okafor"),
])
def test_a_title_at_a_lines_end_and_its_name_on_the_next(text, name):
    assert name in found(text)


@pytest.mark.parametrize("text", ["Attending: Dr.\nPLAN: cont", "Referred by Dr.\nASSESSMENT:"])
def test_a_header_on_the_line_after_a_title_is_no_name(text):
    assert not found(text)


@pytest.mark.parametrize(("text", "name"), [
    ("transferred a total of $1,260,000 to Mdm Lim and to the second defendant", "Lim"),
    ("two minor children and his mother, Smt. Bhagwati Devi, who was aged 64", "Bhagwati Devi"),
    ("deposed by Shri Vinod Kumar, clerk of the office", "Vinod Kumar"),
])
def test_titles_of_singapore_and_india_cue_the_name_after_them(text, name):
    got = found(text)
    assert name in got and not any(g.startswith(("Mdm", "Smt", "Shri")) for g in got)


@pytest.mark.parametrize(("text", "name"), [
    ("family requesting their priest, Fr. Bohdan, to come in am", "Bohdan"),
    ("met w/ palliative and chaplain, Rev. Odom prayed w/ family", "Odom"),
    ("a message from Pastor Tolu. bring a friend", "Tolu"),
])
def test_a_clergy_title_cues_the_name_after_it(text, name):
    assert name in found(text)


@pytest.mark.parametrize("text", [
    "L hemothorax s/p 28 Fr CT. 6 Fr Glidesheath Slender placed",  # a catheter's gauge
    "Father aware. Fr. to visit in am.",
])
def test_no_clergy_name_after_a_gauge_or_a_word(text):
    assert not [s for s in REC.detect([text])[0] if s.source == "names:title"]


def test_a_relatives_name_in_capitals_stops_before_the_notes_verb():
    got = found("#4 PARENTING: MOM HOPE ROOMED IN LAST NIGHT IN PARENT ROOM, DID ALL CARES")
    assert "HOPE" in got and "HOPE ROOMED" not in got


@pytest.mark.parametrize("text", ["BHU RN NOTE 1500-2330\nPT REMAINS ON 1:1",
                                  "MOTHER/BABY RN NOTE 1630: PPD#1"])
def test_a_notes_heading_is_no_signature(text):
    assert [s for s in REC.detect([text])[0] if s.source == "names:credential"] == []


@pytest.mark.parametrize(("text", "names"), [
    ("happy bday to my lil sis mei, sept 3 gang rise up", ["mei"]),
    ("my bestie thandi is here", ["thandi"]),
    ("my dad bday today", []),
    ("my bro lmaooo", []),
])
def test_a_word_no_list_knows_after_a_relative_in_lower_case(text, names):
    assert [text[s.start:s.end] for s in REC.detect([text])[0]
            if s.source == "names:relative_lower"] == names


@pytest.mark.parametrize("text", [
    'calling for "Albert" (late husband per son), settled with reassurance',
    "PT SPANISH SPEAKING, INTERPRETER LINE USED.",
    "Interpreter services used for consent",
])
def test_a_service_or_a_preposition_after_a_role_or_relative_is_no_name(text):
    assert not any(w in found(text) for w in ("per", "LINE", "services"))


@pytest.mark.parametrize(("text", "name"), [
    ("son grant called at 2100. daughter hope will be in at 8.", "hope"),
    ("pt tired, partner will at bedside overnight.", "will"),
    ("dr strong (surgery) also following.", "strong"),
    ("gcs 7t. dr long updated x2 overnight.", "long"),
])
def test_a_word_that_is_a_name_too_is_one_where_a_names_words_follow(text, name):
    assert name in found(text)


@pytest.mark.parametrize("text", [
    "son will call in am. wife may visit. mom hopes to come",
    "dr aware, dr to see. dr long-term plan",
])
def test_a_verb_or_a_word_after_a_relative_or_dr_stays_one_when_a_verb_follows(text):
    assert not any(w in found(text) for w in ("will", "may", "hopes", "aware", "long"))


@pytest.mark.parametrize(("text", "name"), [
    ("hope and i are FINALLY going to japan in april", "hope"),
    ("Will and I just booked Lisbon for May 17th!!!", "Will"),
    ("me n hope at coney island yesterday", "hope"),
    ("Shout out to Summer at the Boots in Meadowhall", "Summer"),
    ("Shout out to the lovely Faith at Boots who sorted it", "Faith"),
])
def test_whom_a_post_is_with_or_thanks_is_named(text, name):
    assert name in found(text)


@pytest.mark.parametrize("text", [
    "me and my mum went to the shops", "Mum and I went", "He and I agree", "me and the boys",
    "shoutout to the guy at best buy", "then you and I", "me and him",
])
def test_a_pronoun_kin_or_common_noun_is_no_companion(text):
    assert not [n for n in found(text) if n.lower() not in ("best buy",)]


@pytest.mark.parametrize(("text", "name"), [
    ("Handed over by T. Mensah RN to Dawn", "Dawn"),
    ("SPAULDING screener Joy reviewed chart and saw pt", "Joy"),
    ("SW contacted hotline; advocate Soledad will meet pt", "Soledad"),
    ("GROUP HOME STAFF MEMBER WILL AT BS 1900-2300, VERY HELPFUL", "WILL"),
    ("latch improving, lactation consultant Dana in to assist", "Dana"),
    ("c/o ringing in ears. next visit 8/21.\ngk rn\n", "gk"),
    # the crew and the police who bring a patient in
    ("ems arrival via AMR, medic Brown gave report. pt is 22yo f", "Brown"),
    ("SOCIAL: BOSTON POLICE DETECTIVE PRICE CALLED TWICE", "PRICE"),
    # a social worker or case manager by their shorthand, before a listed name
    ("TRANSPORT DID NOT ARRIVE, SW DEVON ARRANGED CAB.", "DEVON"),
    ("CM Rosa will call family in am", "Rosa"),
    ("discussed poor prognosis w/ dtr, SW Tigist and this RN.", "Tigist"),
    # relatives by an in-law's word, and sons by the plural
    ("ambulating w/ walker. dtr-in-law Summer will arrange VNA services", "Summer"),
    ("will readdress in 48 hrs. sons will and peter plan to stay overnight", "will"),
    # a doctor's surname in brackets after a service; a nurse and a social worker in capitals
    ("BP 84/50, UF STOPPED. NEPHRO (THIBODEAUX) AWARE.", "THIBODEAUX"),
    ("Stat HCT 27 from 28. HO aware (Castellanos). Pt restrained.", "Castellanos"),
    # a colleague's name before their role in brackets
    ("Just-in-case meds checked. Will (HCA) to visit later for mouth care.", "Will"),
    ("Transport booked.\nJo (DC coord) ext 6632", "Jo"),
    ("family meeting held, Tigist (SW) present", "Tigist"),
    ("COORDINATED W/ JAIL INFIRMARY (NURSE OKAFOR 404-612-4410).", "OKAFOR"),
    ("OUTPT UNIT SOC WORKER LANDRY NOTIFIED 337-555-0122.", "LANDRY"),
    # the name someone goes by
    ('KNOWS NAME + CITY, NOT DATE. CALLS HIMSELF "SMOKEY". NO ID ON PERSON.', "SMOKEY"),
    ("Pt prefers to be called Bill rather than William.", "Bill"),
])
def test_a_care_team_members_name_after_a_handover_or_role_or_as_initials(text, name):
    assert name in found(text)


@pytest.mark.parametrize("text", [
    "handed over to night staff", "AIDE HELPED W/ BATH", "plan cont.\nok rn", "plan.\npt rn\n",
    "SW FOLLOWING. CM AWARE. SW TO SEE PT.", "Sw consult placed",
    "SURGERY (AWARE). GI (EGD) TODAY. NURSE AT BEDSIDE.",
    "Family (SW) meeting at 2. Patient (RN) aware. Plan (MD) reviewed. PT (OT) eval today.",
    "Seen by OOH GP re slide from chair. seen by GP at the surgery. reviewed by SW today",
    "Reviewed by SHO at 0410. Seen by SpR on ward round. Seen by FY1 overnight",
    "pt goes by bus to dialysis, goes by car on weekends",
    "restricted per DOC, call DOC liaison Lt. Garrison at the desk",  # a rank, no name
    "STAFF MEMBER WILL CALL FAMILY. Staff member present. midwife to review",
    "Spoke to Radiology re: CT. SPOKE TO RN. Talked to Case Management, spoke to Pharmacy",
])
def test_a_word_after_a_handover_or_role_or_before_rn_is_no_name(text):
    assert found(text) == []


@pytest.mark.parametrize(("text", "name"), [
    ("Rose from work has just brought in homemade brownies", "Rose"),
    ("the aircon has carked it. Summer from accounts and i are living in the freezer", "Summer"),
    ("Thanks for the kind words. I talked to Hope on Sunday and she is fine", "Hope"),
    ("bà liên next door brought over bánh xèo again", "liên"),
    ("my great nan rose turned 94 on the 12th", "rose"),
    ("lisbon hits different ☀️ thank u inês for showing us the best pastéis", "inês"),
])
def test_a_neighbour_a_colleague_or_a_grandmother_in_a_post_is_named(text, name):
    assert name in found(text)


@pytest.mark.parametrize("text", [
    "husband driving back from work tonight", "the guy from work said so", "mom rose early",
    "thanks everyone for coming, thank you all for the support, thanks mum for dinner",
])
def test_a_word_before_from_work_or_after_kin_stays_a_word(text):
    words = ("back", "guy", "rose", "everyone", "all", "mum")
    assert not [n for n in found(text) if n.lower() in words]


def test_a_player_by_what_players_do_in_lay_text():
    post = "haaland scoring a hat trick and then looking bored in the interview lol"
    assert "haaland" in found(post)
    note = ("NAS: INFANT W/ IN UTERO EXPOSURE. Infant being scored q3-4h (Finnegan scores "
            "3-6), no tx needed. MORPHINE WEANED, VS STABLE, FEEDS TOLERATED, VOIDING")
    from redactor.detect.names import NameRecognizer

    spans = NameRecognizer().detect([note])[0]
    assert not [s for s in spans if s.source == "names:player"]  # a note: no player
    assert not any(n.lower() == "pain" for n in found("pain scores 6, 9, 7 overnight"))


def test_someone_a_post_tells_of_by_what_they_said_or_did():
    from redactor.detect.names import NameRecognizer

    post = "summer said she'd be ready in 5 mins. that was an hour ago"
    spans = NameRecognizer().detect([post])[0]
    assert [post[s.start : s.end] for s in spans if s.source == "names:teller"] == ["summer"]
    words = ("mum said no. everyone said it was fine. he said yes. nobody texted back. frosty "
             "brought the speaker")  # kin, grammar, words that are no given name
    assert not [s for s in NameRecognizer().detect([words])[0] if s.source == "names:teller"]


_NOTE = ("PT AGITATED OVERNIGHT, EXPLAINED THIS NOT ADVISABLE AT THIS TIME. SEDATED W/ PROPOFOL, "
         "VENT SETTINGS UNCHANGED, SBP 110S, HR 80S SR, FOLEY DRAINING CLEAR URINE.")


@pytest.mark.parametrize(("text", "initials"), [
    (_NOTE + "\nLK", "LK"),                                    # alone on the last line
    (_NOTE + " JK", "JK"),                                      # after the last sentence
    ("FAMILY UPDATED. NUMBER CONFIRMED 603-555-1187.\nPD RN", "PD"),  # before a credential
    ("Pt must make own way, so transport needed.\nBK SN\n", "BK"),
    ("Sorry for any inconvenience ^KM", "KM"),                  # a firm's agent signs a tweet
    ("HIM THEMSELVES. PLEASE DO NOT DISCUSS.\nMM/RN", "MM"),     # initials/credential
    ("guardian meeting thurs.\n-tlv rn\n", "tlv"),              # after a dash, lower case
    ("- aggressive pulm toilet\n- PT/OT\nmjs RN\n", "mjs"),   # a word's letters before "RN"
    ("plan: cont abx, f/u cultures.\ndh rn\n", "dh"),        # a forum's "DH" is no chat here
    ("DNACPR in house.\nwill visit am.\nSRT CNS\n", "SRT"),  # a nurse specialist's
])
def test_initials_that_sign_a_text_at_its_end(text, initials):
    assert initials in found(text)


@pytest.mark.parametrize("text", [
    _NOTE + "\nDNR",                    # shorthand, no initials
    _NOTE + "\nOK",                     # a word
    "lol that was great. JK",           # a post's chat, too short to be a note
    "CALLED PT AT HOME.\nOK RN",         # a word before a credential
    "We met at the museum. It was great. NYC",  # capitals at a post's end
    "plan.\npt rn\n",                   # shorthand in lower case
    "plan: cont abx.\n-pt rn",          # ... after a dash too
    "plan: cont abx.\nok RN",            # grammar and chat stay words before "RN" too
    "NEURO: NO FOCAL DEFICITS. INTACT CNS",  # the nervous system
])
def test_no_initials_at_the_end_of_a_text_that_are_a_word_or_shorthand(text):
    assert not [s for s in REC.detect([text])[0] if s.source == "names:last_initials"]


_ENTRIES = ("0300: pt resting, VSS, no c/o pain. Neuro: A&Ox3, MAE, PERRL. CV: NSR 80s, SBP "
            "110s. Resp: LS coarse, sx sm amt. GI: abd soft, +BS, TF @ goal.")


@pytest.mark.parametrize(("text", "initials"), [
    (_ENTRIES + " -kt\n0500: labs drawn, K 3.6.\n", "kt"),        # an entry's dash and initials
    (_ENTRIES + " /hl\n0500: report given to day RN.\n", "hl"),  # ... or its slash
    (_ENTRIES + "\nkm rn\n\nAddendum: family called, updated.\n", "km"),  # a line before "rn"
    (_ENTRIES + "\nDK RN\n\nADDENDUM 0400: PT C/O CP, MD AWARE.\n", "DK"),
    (_ENTRIES + "\namy rn\n", "amy"),          # a given name in lower case before "rn"
    (_ENTRIES + "\n--tw rn cm\n", "tw"),       # a second role after the credential
])
def test_initials_that_sign_an_entry_inside_a_note(text, initials):
    assert initials in found(text)


@pytest.mark.parametrize("text", [
    _ENTRIES + "\nMRSA screen -ve\n0500: labs drawn.\n",  # a result's sign, no sentence before
    _ENTRIES + " -ve\n0500: labs drawn.\n",               # ... or one of the dictionary's
    _ENTRIES + "\npt rn\n0500: labs drawn.\n",            # shorthand before "rn"
    _ENTRIES + " -ok\n0500: labs drawn.\n",               # chat
    "lol that was so funny. -kt\nsee u tmrw\n",           # a post, no note
    _ENTRIES + "\ncharge rn\nfloat rn\nnight rn\n0500: labs drawn.\n",  # which nurse, not who
])
def test_no_entry_initials_that_are_shorthand_a_word_or_outside_a_note(text):
    assert not [s for s in REC.detect([text])[0]
                if s.source == "names:last_initials" and s.end < len(text.rstrip())]


def test_a_listed_name_joined_in_lower_case_to_a_found_one_is_a_name_too():
    text = "bro where were u?? ama and kofi waited at osu till 11"
    start = text.index("kofi")
    kofi = names.Span(start, start + 4, "PERSON", 0.9, "hf_ner:PERSON")
    assert [text[s.start : s.end] for s in names.joined_lower_names(text, [kofi])] == ["ama"]


@pytest.mark.parametrize("text", [
    "me and kofi went", "kofi and will be there", "emre and can at the match",
    "mary and son called", "kofi and the boys",
])
def test_no_word_verb_or_kin_is_joined_to_a_found_name(text):
    start = text.index(next(w for w in ("kofi", "emre", "mary") if w in text))
    end = start + 4
    found_span = names.Span(start, end, "PERSON", 0.9, "hf_ner:PERSON")
    assert names.joined_lower_names(text, [found_span]) == []


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("mahmud 2332: anyone covering today?\nhưng 12am: i can take her 2pm pts\n"
         "jennifer 1:05 PM: thanks guys!!", ["mahmud", "hưng", "jennifer"]),
        ("neuro 0800: alert, oriented\nresp 0800: clear bilat\ncv 0800: nsr", []),  # shorthand
        ("pain 2200: 4/10\nsleep 0200: fair", []),  # words of a note
        ("mahmud 2332: anyone covering today?", []),  # one line is no chat
    ],
)
def test_chat_speakers_before_their_time_stamps(text: str, speakers: list[str]) -> None:
    found = [text[s.start : s.end] for s in REC.detect([text])[0] if s.source == "names:speaker"]
    assert found == speakers


@pytest.mark.parametrize(("text", "name"), [
    ("Resp: bipap overnight. Mask fit good, no skin breakdown at bridge of nose. Sokha RRT",
     "Sokha"),
    ("Plan: continue diuresis.\nMei-Ling Tan RN", "Mei-Ling Tan"),
    ("transfer to HV team booked for Fri 18th.\nJo (CMW)\n", "Jo"),  # credential in brackets
    ("pt slept well, no prn needed. bm x1. -- Lindiwe, RN\n", "Lindiwe"),  # after a dash
    ("Continue plan. Family RN", None),           # a word, no name
    ("Continue plan. Family (RN)", None),
    ("Plan: neb q4h.\nRespiratory RT", None),
])
def test_a_name_before_a_credential_that_ends_a_note(text, name):
    from redactor.detect.names import _last_name_before_credential

    found = [text[s.start : s.end] for s in _last_name_before_credential(text)]
    assert found == ([name] if name else [])


@pytest.mark.parametrize(("text", "expected"), [
    # a short form of a name that Philter's whitelist holds, after a relative and before a
    # name's words
    ("R thigh dsg c/d/i.\nsocial: son kev in this afternoon, very supportive.", ["kev"]),
    # shorthand after a relative stays shorthand
    ("son pt is here. wife hcp at bedside. son pcp will call. dtr dnr is", []),
])
def test_a_short_form_of_a_name_after_a_relative(text: str, expected: list[str]) -> None:
    assert [n for n in found(text) if n in ("kev", "pt", "hcp", "pcp", "dnr")] == expected


@pytest.mark.parametrize("text", ["BABY GIRL A FEEDING WELL", "BABY BOY IS FEEDING WELL",
                                  "baby girl doing well", "BABY BOY STABLE ON RA",
                                  "BABY GIRL WEIGHT 2.1KG"])
def test_a_newborn_without_a_surname_is_no_name(text):
    assert not [s for s in REC.detect([text])[0] if s.source == "names:newborn"]


@pytest.mark.parametrize(("text", "speakers"), [
    ("12/09, 18:02 - Sana: genuinely asking\n12/09, 18:05 - Joe: not me\n"
     "12/9/24, 6:02 PM - Will Osei: ok", ["Joe", "Will Osei"]),   # WhatsApp's export
    ("[12/09/2024, 18:02:33] Hope: hi\n[12/09/2024, 18:03:01] Grace: ok", ["Hope", "Grace"]),
    ("12/09, 18:02 - Messages and calls are end-to-end encrypted.\n"
     "12/09, 18:05 - system: you were added", []),   # no speaker; a system's word
    ("12/03/2024, 19:15 - Babcia: <Media omitted>\n12/03/2024, 19:16 - Mum: eat\n"
     "12/03/2024, 19:21 - Kasia: yes", ["Kasia"]),   # a family's words speak, no name
])
def test_speakers_of_an_exported_chat_in_any_case(text, speakers):
    found = [text[s.start : s.end] for s in REC.detect([text])[0] if s.source == "names:speaker"]
    assert [n for n in found if n not in ("Sana",)] == speakers


@pytest.mark.parametrize("text", [
    "Spotted this sign outside a chippy in Whitby and I've not stopped laughing.",
    "For those who don't know me, I'm Callum Reyes, and I've known Sam since we were eleven.",
])
def test_a_contraction_after_and_is_no_coordinated_name(text):
    spans = REC.detect([text])[0]
    assert "I've" not in [text[s.start : s.end] for s in spans]


def test_a_verb_of_speech_after_a_relative_is_no_name():
    text = '"Well," her brother said at last. "You\'d better come in, so."'
    assert "said" not in found(text)


def test_a_title_is_never_echoed_as_a_name():
    text = ("Professor Ruth Okoye taught me English. Professor Okoye is retired now, and she is "
            "watching, so, hi, Professor. I learned.")
    model = names.Span(0, len("Professor Ruth Okoye"), "PERSON", 0.9, "hf_ner:PERSON")  # title in
    echoed = [text[s.start : s.end] for s in names.echo_names(text, [model])]
    assert "Okoye" in echoed and "Professor" not in echoed


@pytest.mark.parametrize(("text", "name"), [
    ("HANDOVER\n3. Faleolo 31M  cellulitis R hand post punch injury", "Faleolo"),
    ("FOR DEBRIDEMENT TOMORROW.\nBED 3 – LIM 58/M. ACS. HEPARIN DRIP", "LIM"),
    ("BED 4 – GRACE SY 24/F. DENGUE W/ WARNING SIGNS. PLT 48K.", "GRACE SY"),
])
def test_a_ward_list_names_its_patient_before_age_and_sex(text, name):
    assert name in [text[s.start : s.end] for s in REC.detect([text])[0]
                    if s.source == "names:handover"]


@pytest.mark.parametrize("text", [
    "HANDOVER\n4. Pt 45F  cellulitis\nBed 5 - Male 58/M\nHPI 45F\nCC 45M\n1. Female 45F",
])
def test_no_patient_name_where_a_ward_list_writes_a_word(text):
    assert not [s for s in REC.detect([text])[0] if s.source == "names:handover"]


@pytest.mark.parametrize(("text", "venue"), [
    ("went to the Rusty Anchor last night, a true dive", "Rusty Anchor"),
    ("we ended up at the Copper Kettle on fenwick", "Copper Kettle"),
])
def test_a_venue_of_dictionary_words_in_a_posts_sentence(text, venue):
    assert [(s.label, text[s.start : s.end]) for s in names._capitalised_in_posts(text)] == [
        ("ORGANIZATION", venue)]


@pytest.mark.parametrize("text", [
    'my fave is "Tube Snake Boogie" by them',   # a title in quotes
    "so proud, Hi Harry",                      # a greeting before a name
    "went for a Long Walk and a Big Breakfast",  # everyday words
    "is Ethiopian and identifies as Orthodox Christian. She lives with",  # a faith
])
def test_no_venue_in_a_title_a_greeting_or_everyday_words(text):
    assert not [s for s in names._capitalised_in_posts(text) if s.label == "ORGANIZATION"]
