"""Identifiers disguised to pass a detector (issue 13): each must still be found, and its
original characters (invisible ones included) covered; prose that looks alike must not be."""

import pytest

from redactor.detect.engine import Engine
from redactor.detect.names import NameRecognizer
from redactor.detect.patterns import PatternRecognizer
from redactor.policy import load_policy


@pytest.fixture(scope="module")
def engine() -> Engine:
    recognizers = [PatternRecognizer(), NameRecognizer()]
    return Engine.from_policy(load_policy("hipaa"), recognizers=recognizers)


# (label, text, the part of the text that must lie inside one span of that label)
EVASIONS = [
    # zero-width and other format characters inside the number
    ("US_SSN", "SSN 078\u200b-05-1120.", "078\u200b-05-1120"),
    ("US_SSN", "SSN 0\u200c7\u200d8-05-11\ufeff20", "0\u200c7\u200d8-05-11\ufeff20"),
    ("PHONE_NUMBER", "Call 617-555\u2060-0143 now", "617-555\u2060-0143"),
    ("PHONE_NUMBER", "Call 6\u00ad1\u00ad7-555-0143", "6\u00ad1\u00ad7-555-0143"),
    # fullwidth digits and letters
    ("US_SSN", "SSN １２３-４５-６７８９", "１２３-４５-６７８９"),
    ("PHONE_NUMBER", "tel （６１７） ５５５－０１４３", "（６１７） ５５５－０１４３"),
    ("EMAIL_ADDRESS", "mail ａｎａ＠ｅｘａｍｐｌｅ．ｏｒｇ ok", "ａｎａ＠ｅｘａｍｐｌｅ．ｏｒｇ"),
    ("EMAIL_ADDRESS", "mail ana@example\uff0eorg ok", "ana@example\uff0eorg"),
    # Unicode spaces and dashes as separators
    ("US_SSN", "SSN 078\u200905\u20091120", "078\u200905\u20091120"),
    ("US_SSN", "SSN 078\u201305\u20131120", "078\u201305\u20131120"),
    ("PHONE_NUMBER", "Call 617\u202f555\u202f0143", "617\u202f555\u202f0143"),
    ("PHONE_NUMBER", "Call 617\u2012555\u20120143", "617\u2012555\u20120143"),
    ("PHONE_NUMBER", "Call 617\u3000555\u30000143", "617\u3000555\u30000143"),
    ("PHONE_NUMBER", "Call 617 555-0143 or", "617 555-0143"),
    # split across a line break
    ("US_SSN", "SSN 078-05-\n1120 on file", "078-05-\n1120"),
    ("US_SSN", "SSN 078-\r\n05-1120", "078-\r\n05-1120"),
    ("PHONE_NUMBER", "Call 617-555-\n0143 today", "617-555-\n0143"),
    ("PHONE_NUMBER", "Call (617)\n555-0143", "(617)\n555-0143"),
    # digits one by one
    ("US_SSN", "SSN 0 7 8 - 0 5 - 1 1 2 0", "0 7 8 - 0 5 - 1 1 2 0"),
    ("US_SSN", "social security 0 7 8 0 5 1 1 2 0", "0 7 8 0 5 1 1 2 0"),
    ("PHONE_NUMBER", "reach me 6 1 7 - 5 5 5 - 0 1 4 3", "6 1 7 - 5 5 5 - 0 1 4 3"),
    ("PHONE_NUMBER", "(6 1 7) 5 5 5 - 0 1 4 3", "(6 1 7) 5 5 5 - 0 1 4 3"),
    ("PHONE_NUMBER", "call 5 5 5 - 1 2 3 4", "5 5 5 - 1 2 3 4"),
    ("PHONE_NUMBER", "phone: 6 1 7 5 5 5 0 1 4 3", "6 1 7 5 5 5 0 1 4 3"),
    # e-mail addresses spelled out or percent-encoded
    ("EMAIL_ADDRESS", "write john.smith at mass dot gov", "john.smith at mass dot gov"),
    ("EMAIL_ADDRESS", "is ana_lima at example dot co dot uk.", "ana_lima at example dot co dot uk"),
    ("EMAIL_ADDRESS", "ana at gmail dot com", "ana at gmail dot com"),
    ("EMAIL_ADDRESS", "email: ana AT example DOT org", "ana AT example DOT org"),
    ("EMAIL_ADDRESS", "mailto:ana.lima%40example.org", "ana.lima%40example.org"),
    ("EMAIL_ADDRESS", "/login?user=j.smith%40mass.gov&x=1", "j.smith%40mass.gov"),
    # dates and numbers in other scripts
    ("DATE", "入院日 2021年3月3日", "2021年3月3日"),
    ("DATE", "退院 ２０２１年３月３日", "２０２１年３月３日"),
    ("DATE", "3月14日に来院", "3月14日"),
    ("DATE", "방문 2021년 3월 3일", "2021년 3월 3일"),
    ("DATE", "DOB: ٠٣/١٤/١٩٦٢", "٠٣/١٤/١٩٦٢"),
    ("DATE", "DOB: ०३/१४/१९६२", "०३/१४/१९६२"),
    ("DATE", "born 二〇二一年三月三日", "二〇二一年三月三日"),
    ("PHONE_NUMBER", "هاتف ٦١٧-٥٥٥-٠١٤٣", "٦١٧-٥٥٥-٠١٤٣"),
    ("US_SSN", "SSN ০৭৮-০৫-১১২০", "০৭৮-০৫-১১২০"),
    # names in other scripts after a cue
    ("PERSON", "Dr. Иван Петров осмотрел", "Иван Петров"),
    ("PERSON", "Пациент: Анна Смирнова", "Анна Смирнова"),
    ("PERSON", "Уважаемый Сергей,", "Сергей"),
    ("PERSON", "Patient: राहुल शर्मा", "राहुल शर्मा"),
    ("PERSON", "श्री अमित कुमार", "अमित कुमार"),
    ("PERSON", "Name: محمد علي", "محمد علي"),
    ("PERSON", "عزيزي أحمد،", "أحمد"),
    ("PERSON", "姓名：王小明，男", "王小明"),
    ("PERSON", "患者: 田中太郎", "田中太郎"),
    ("PERSON", "Dear 김민준,", "김민준"),
    ("PERSON", "Mr. Παπαδόπουλος", "Παπαδόπουλος"),
]


def _covered(engine: Engine, text: str, label: str, part: str) -> bool:
    start = text.index(part)
    end = start + len(part)
    return any(
        s.label == label and s.start <= start and end <= s.end
        for s in engine.analyze([text])[0]
    )


@pytest.mark.parametrize(("label", "text", "part"), EVASIONS, ids=[e[1] for e in EVASIONS])
def test_evasion_is_found(engine: Engine, label: str, text: str, part: str) -> None:
    assert _covered(engine, text, label, part)


# (label, text): prose that must keep that label out
PROSE = [
    ("EMAIL_ADDRESS", "Look at the dot com bubble of 1999."),
    ("EMAIL_ADDRESS", "We arrived at home dot on time."),
    ("EMAIL_ADDRESS", "She works at Google dot com and likes it."),
    ("EMAIL_ADDRESS", "Meet John at noon. Dot the i's."),
    ("EMAIL_ADDRESS", "a 100%40 increase"),
    ("PHONE_NUMBER", "Strength 5 5 5 5 4 in all limbs; reflexes 2 2 2 2."),
    ("PHONE_NUMBER", "Grades: 5 5 5 - 4 4 4 4 at follow-up."),
    ("PHONE_NUMBER", "APGAR 8 9, pain 3 - 4 5 6 7 in the morning"),
    ("US_SSN", "Scores 1 2 3 - 4 5 - 6 7 8 9 10 11 on the scale"),
    ("US_SSN", "Lot 123\n45 units\n6789 total"),
    ("DATE", "2021年の報告"),
    ("PERSON", "The book was in Russian: Война и мир"),
    ("PERSON", "Diagnosis: 高血圧"),
]


@pytest.mark.parametrize(("label", "text"), PROSE, ids=[p[1] for p in PROSE])
def test_prose_is_not_an_identifier(engine: Engine, label: str, text: str) -> None:
    assert not [s for s in engine.analyze([text])[0] if s.label == label]
