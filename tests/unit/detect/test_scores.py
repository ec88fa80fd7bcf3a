"""A pain score or an exam grade is no date (issue 10: "HE REPORTS PAIN 4/10" in a note in
capitals was a DATE from the models): dropped from any recognizer, while dates in other shapes
and fractions after a word that dates stay."""

from __future__ import annotations

import pytest
from fakes import Fixed

from redactor.detect.engine import Engine
from redactor.detect.patterns import PatternRecognizer
from redactor.detect.scores import SCORE_WORDS, exam_score, score_before
from redactor.policy import load_policy
from redactor.span import Span


def _date(text: str, value: str, source: str = "hf_ner:DATE") -> Span:
    start = text.index(value)
    return Span(start, start + len(value), "DATE", 0.8, source)


@pytest.mark.parametrize(("text", "value"), [
    ("HE REPORTS PAIN 4/10.", "4/10"),
    ("PAIN SCORE 7/10", "7/10"),
    ("PAIN SCORE: 7/10 AFTER AMBULATION", "7/10"),
    ("Pt rates pain 6/10 today.", "6/10"),
    ("pain 8/10 at rest", "8/10"),
    ("PAIN LEVEL IS 4/10.", "4/10"),
    ("PT C/O INCISIONAL PAIN, RATES IT 5/10.", "5/10"),
    ("pain improved from 8/10 to 3/10", "8/10"),
    ("pain improved from 8/10 to 3/10", "3/10"),
    ("PAIN SCORE 7/10 AT 1400, NOW 3/10.", "3/10"),
    ("pain 7/10 at 14:00, now 3/10", "3/10"),
    ("grade 2/6 systolic murmur", "2/6"),
    ("strength 5/5 bilaterally", "5/5"),
    ("CVP 8-10. Aline dampened", "8-10"),        # measurements a note writes as a range
    ("PEEP 5-8, FiO2 40%", "5-8"),
    ("SATS 9/10 OF THE TIME", "9/10"),
    ("Neuro: A&Ox3, HA improved 3/10. no focal deficits", "3/10"),  # a headache's score
    ("Intubated, CPAP 5/5", "5/5"),              # a ventilator's settings
    ("BIPAP 12/5, tolerating well", "12/5"),
    ("strength 2/5 right arm , 4/5 right leg , 5/5 left side .", "5/5"),  # scores in a row
    ("ID: afebrile, Zosyn day 6/14.", "6/14"),                             # a course's day
    ("RT Note: Pt remains on CPAP via trach 5/5 40%, tol well.", "5/5"),  # FiO2 after
    ("LACTULOSE 30ML Q2H VIA NGT UNTIL 3-4 BM'S. RIFAXIMIN STARTED.", "3-4"),  # what it counts
    ("advised to walk 2-3 times a day", "2-3"),
    ("Couple lives nearby with 3 children ages 4-11.", "4-11"),          # children's ages
    ("PAIN 9/10 ON ARRIVAL -> 3/10 AFTER GEL.", "3/10"),                 # a score's change
    ("STRENGTH BIL LE 3/5, UE 4/5, AREFLEXIC.", "3/5"),
    ("a 31 y/o G2 P1001 who presented at 38 4/7 weeks with SROM", "4/7"),  # a gestation
    ("C/O EPIGASTRIC PAIN RADIATING TO BACK 8/10, DILAUDID UP", "8/10"),  # pain, far before
    ("PAIN 8/10, DILAUDID PCA INCREASED TO 0.3MG Q10MIN, NOW 4/10.", "4/10"),  # another score
    ("Pt paralyzed on cisatracurium, TOF 1/4.", "1/4"),                    # a train of four
    ("pt c/o cp 4/10 @ 0230, ekg done", "4/10"),                           # chest pain
    ("Her visual acuity was documented as 6/18 in both eyes", "6/18"),     # Snellen
    ("hypermobility (9/9 on the Beighton hypermobility scale)", "9/9"),  # its scale after
])
def test_scores_after_a_score_word_are_no_dates(text: str, value: str) -> None:
    assert exam_score(text, _date(text, value))


@pytest.mark.parametrize(("text", "value"), [
    ("pain since 4/10/2021", "4/10/2021"),        # a full date, whatever precedes it
    ("CHEST PAIN SINCE 4/10.", "4/10"),           # a word that dates comes between
    ("seen 4/10 for pain", "4/10"),               # the score word comes after
    ("pain clinic appointment 4/10", "4/10"),     # too many other words between
    ("back pain, admitted 8/10 via the ED", "8/10"),  # an event between pain and the day
    ("Painter 4/10", "4/10"),                     # a whole word only
    ("pain since 2019, seen 4/10", "4/10"),       # a word that dates between
    ("PAIN\n4/10 SEEN IN CLINIC", "4/10"),        # on another line
    ("CVP line placed 8-10", "8-10"),             # too many other words between
    ("HR 80, seen 8-10", "8-10"),                 # a word that dates between
    ("seen 5/5, 40 mg given", "5/5"),             # a dose, no percentage, after it
    ("seen 3/4 x-ray done", "3/4"),               # "x" of "x-ray" counts nothing
    ("back 3/14 days after", "3/14"),             # a year-less day before a word: a day still
    ("Next vac change Sat 2/17.", "2/17"),        # a Saturday, no saturation
    ("NEXT VISIT SATURDAY, 3/2", "3/2"),
    ("vision clinic appt on 6/18", "6/18"),       # a visit between
    ("admitted 9/9 on the ward", "9/9"),          # no scale after
])
def test_dates_in_other_shapes_or_places_stay(text: str, value: str) -> None:
    assert not exam_score(text, _date(text, value))


def test_only_dates_are_judged() -> None:
    text = "pain 4/10"
    assert not exam_score(text, Span(5, 9, "ID_NUMBER", 0.8, "hf_ner:ID_NUMBER"))
    assert score_before(text, 5)


def test_the_patterns_leave_out_the_same_score_words() -> None:
    rec = PatternRecognizer()
    assert "pain" in SCORE_WORDS
    assert not [s for s in rec.detect(["labs drawn, pain 4/10"])[0] if s.label == "DATE"]
    assert [s for s in rec.detect(["labs drawn 4/10"])[0] if s.label == "DATE"]


def test_the_engine_drops_a_models_score_and_keeps_its_date() -> None:
    text = "HE REPORTS PAIN 4/10. SEEN 4/12 IN CLINIC."
    spans = [_date(text, "4/10"), _date(text, "4/12")]
    engine = Engine(load_policy("hipaa"), [Fixed(spans)])
    assert engine.reject_reason(text, spans[0]) == "score"
    (out,) = engine.analyze([text])
    assert [text[s.start : s.end] for s in out] == ["4/12"]
