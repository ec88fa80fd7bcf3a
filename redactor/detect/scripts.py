"""Names written in non-Latin scripts, as regex pieces for the cued name rules of
:mod:`redactor.detect.names` ("Dr. Иван Петров", "Patient: राहुल शर्मा", "姓名：王小明").

The statistical models of the bundled policies read English; a name in Cyrillic, Arabic,
Hebrew, Greek, Devanagari and other Indic scripts, Thai, Chinese, Japanese or Korean passes
them. Where a cue says a name comes next (a title, a field label, a greeting, in English or in
the script's language), these pieces take the run of letters that follows:

* Cyrillic, Greek, Armenian (cased): one to four capitalised words;
* Arabic, Hebrew, Indic, Thai, Georgian (uncased): one to three words;
* Chinese, Japanese, Korean (written without spaces): two to four characters, the length of
  nearly every name (fail closed: a longer run loses its first four).

Data only; the rules that use them live beside the other name rules.
"""

from __future__ import annotations

#: Letters and combining marks of the uncased scripts (Arabic letters without the Arabic comma,
#: semicolon and full stop; Devanagari to Sinhala; Thai; Georgian).
_UNCASED = (
    "\u0590-\u05ff"  # Hebrew
    "\u0620-\u065f\u066e-\u06d3\u06d5-\u06ff\u0750-\u077f\u08a0-\u08ff"  # Arabic
    "\u0900-\u0963\u0966-\u0dff"  # Devanagari .. Sinhala, without the dandas
    "\u0e00-\u0e7f"  # Thai
    "\u10d0-\u10ff"  # Georgian
)
_CYRILLIC_UPPER = "\u0400-\u042f\u0460-\u0481\u048a-\u04ff"
_CYRILLIC_LOWER = "\u0430-\u045f\u0460-\u0481\u048a-\u04ff"
_GREEK_UPPER = "\u0386\u0388-\u038f\u0391-\u03ab"
_GREEK_LOWER = "\u03ac-\u03ce"
_ARMENIAN_UPPER = "\u0531-\u0556"
_ARMENIAN_LOWER = "\u0561-\u0587"
#: Han characters, kana (with the middle dot and prolonged sound mark), Hangul syllables.
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3041-\u3096\u30a1-\u30fa\u30fc\uac00-\ud7a3"

_CASED_WORD = (
    rf"(?:[{_CYRILLIC_UPPER}][{_CYRILLIC_LOWER}\u0301-]+"
    rf"|[{_GREEK_UPPER}][{_GREEK_LOWER}-]+"
    rf"|[{_ARMENIAN_UPPER}][{_ARMENIAN_LOWER}-]+)"
)
_UNCASED_WORD = rf"[{_UNCASED}]+"

#: A name in one of these scripts (regex, no groups).
NAME = (
    rf"(?:{_CASED_WORD}(?:[ \t]+{_CASED_WORD}){{0,3}}"
    rf"|{_UNCASED_WORD}(?:[ \t]+{_UNCASED_WORD}){{0,2}}"
    rf"|[{_CJK}](?:[{_CJK}]|\u30fb){{1,3}})"
)

#: Titles before a name in these languages: Russian (г-н, г-жа, д-р, доктор), Arabic (السيد,
#: السيدة, الدكتور, د.), Hindi (श्री, श्रीमती, डॉ.), Chinese and Japanese (医生 comes after).
TITLES = (
    r"(?:г-н|г-жа|д-р|доктор|господин|госпожа|проф\.?"
    r"|السيد|السيدة|الدكتور|الدكتورة|د\."
    r"|श्रीमती|श्री|डॉ\.?|कुमारी)"
)

#: Field labels before a name in these languages (then ":" as in "Patient:").
FIELD_LABELS = (
    r"(?:ФИО|Ф\.И\.О\.|Имя|Пациент|Пациентка|Врач|Фамилия"
    r"|الاسم|المريض|المريضة|اسم[ \t]+المريض|الطبيب"
    r"|नाम|रोगी|मरीज़?|डॉक्टर"
    r"|姓名|患者|病人|医生|氏名|名前|환자|이름|성명)"
)

#: Greetings before a name in these languages ("Dear" and the like).
GREETINGS = r"(?:Уважаемая|Уважаемый|Дорогая|Дорогой|Здравствуйте,?|عزيزي|عزيزتي|प्रिय)"
