"""Given names and surnames of many origins, from the Faker locales installed with redactor.

Statistical NER finds names it saw in training far more often than others (stock Presidio's
recall ranges from about 0.63 for Vietnamese, Nigerian and Turkish names to 0.94 for US
names). Name lists covering 80+ locales close much of that gap. Only Latin-script names are
kept (the romanised forms where Faker has them), each also in an accent-free spelling.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from functools import lru_cache
from pathlib import Path

from redactor.util import accents
from redactor.util.wordcache import cached_words

_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF'’-]+$")
#: Romanised Arabic names (Faker's Arabic locales are in Arabic script only).
ARABIC_GIVEN = """Ahmed Ahmad Mohammed Mohamed Muhammad Mahmoud Mustafa Omar Umar Ali Hassan Hussein
Hussain Ibrahim Ismail Yusuf Youssef Khalid Khaled Tariq Tarek Karim Kareem Hamza Bilal Anas Ziad
Samir Sami Nabil Walid Faisal Fahad Nasser Saeed Said Rashid Majid Amr Adel Adil Jamal Kamal Hisham
Osama Usama Ayman Imad Emad Rami Fadi Hadi Bassam Salman Sultan Mansour Nour Noor Fatima Fatma Aisha
Aicha Maryam Mariam Khadija Zainab Zaynab Layla Leila Laila Amira Yasmin Yasmine Salma Huda
Hoda Rana
Reem Rim Dina Hana Hanan Samira Nadia Nada Lina Rania Ghada Mona Muna Sara Sarah Asma Iman Eman Amal
Dalia Farah Jana Lubna Malak Rasha Rawan Sawsan Shaima Wafa Widad Zahra Zeinab Abdullah Abdallah
Abdulrahman Abdelkader Abdelaziz Abdulaziz Abdelrahman""".split()
ARABIC_FAMILY = """Al-Sayed Al-Hassan Al-Masri Al-Khatib Al-Rashid Al-Farsi Al-Amin Al-Najjar
Al-Tamimi
Al-Otaibi Al-Qahtani Al-Ghamdi Al-Zahrani Al-Harbi Al-Shammari Al-Mutairi Al-Dosari Al-Sabah
El-Sayed El-Masry Haddad Khoury Nasser Mansour Hamdan Saleh Salem Darwish Abbas Aziz Bakr Barakat
Ghanem Habib Hamid Hussein Ibrahim Jaber Kassem Qasim Khalil Mahmoud Mustafa Nasr Othman Rahman
Sabri Shaheen Suleiman Sulaiman Yassin Yacoub Zaki Farouk Fawzi Hijazi Jaafar Kanaan Makki Murad
Naji Obeid Qureshi Rizk Sharif Taha Wahba Yousef Zayed Benali Bouzid Belkacem Haddadi Mebarki
Cherif Boudiaf Amrani Alaoui Bennani Tazi Idrissi Chraibi Benjelloun""".split()

#: Capitalised words that are far more often something else in documents than part of a name.
NOT_NAME_WORDS = frozenset(
    """Hospital Clinic Center Centre Medical Health Care University College School Institute
    Department Unit Ward Street Avenue Road Lane Drive Boulevard Court Place Square Park Way
    County City State Republic Kingdom United North South East West Central New Old Saint San
    Santa Fort Lake River Mount Valley Beach Bay Island Church Chapel Memorial General Regional
    Community Family Practice Services Group Inc Ltd LLC Corp Company Bank Insurance Street
    January February March April June July August September October November December Monday
    Tuesday Wednesday Thursday Friday Saturday Sunday Patient Doctor Nurse Dear Hello Thanks
    Thank Regards Best Team Support Customer Service Account Order Invoice Ticket Note Notes
    Date Name Phone Email Address Plan Assessment History Diagnosis Discharge Admission Report
    Summary Follow Type Level Grade Stage Day Week Month Year Morning Evening Good Great Happy
Christmas Easter God Lord Jesus English Spanish French German Chinese American
British Hcp Doc Husb Farsi Kreyol Creole Tagalog Hmong""".split()
)


#: Chat and web words that name lists also hold ("vid", "imo"), never taken alone as names.
NOT_NAME_LOWER = frozenset(
    """vid vids imo imho lol lmao omg idk tbh btw thx pls plz gonna wanna lotta gotta dick max
    var ina oni ute gal guy sir bro sis mom dad mum babe baby hun honey desi bae fam yall
    ima dont cant wont aint thats whats hows abt info admin user test demo""".split()
)


#: Words of chat and posts that the models take for names when capitalised, and the name
#: lists hold in part ("Dude", "Bro", "Kinda", "dem"): laughter and spelled-out reactions are
#: matched by shape (``evidence._CHAT_SHAPES``); never echoed either.
CHAT_WORDS = frozenset(
    """lol lmao lmfao rofl omg omfg wtf smh tbh idk imo imho ikr btw brb ty thx pls plz yall
    ya yo yea yeah yep yup nah nope dude bro bruh sis fam kinda gonna wanna gotta lotta
    dem dat dis ayy aye ugh meh wow oops whoa yay omw irl fyi asap bday bdays
    ngl aita aibu tifu eli5 til iirc afaik ftw fml yolo fomo szn tbt icymi wfh ootd nsfw tldr
    psa hmu ily idc lfg wyd hbu istg tho rn shoutout abeg ynwa amen howzit lekker wahala
    sef gawd tweet tweets retweet bff tysm wth stfu""".split()
)


def fold(name: str) -> str:
    """The name without accents (Nguyễn -> Nguyen, Yılmaz -> Yilmaz); ``Æ``, ``œ`` and ``Œ``
    written out and the result left decomposed, as the name lists always were
    (:func:`redactor.util.accents.fold`)."""
    return accents.fold(name, accents.LIGATURES, compose=False)


def _names(attr_prefixes: tuple[str, ...]) -> set[str]:
    import faker.providers.person as person

    out: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        for attr in dir(provider):
            if not attr.startswith(attr_prefixes) or attr.endswith("_formats"):
                continue
            value = getattr(provider, attr)
            if isinstance(value, (dict, list, tuple, set, frozenset)):
                out.update(n for n in value if isinstance(n, str) and _LATIN.match(n))
    return out


#: What the lists are built from besides the packages: this module and the accent folding.
_SOURCES = (Path(__file__), Path(accents.__file__))


def _listed(name: str, prefixes: tuple[str, ...], extra: list[str]) -> frozenset[str]:
    def build() -> frozenset[str]:
        names = _names(prefixes) | set(extra)
        return frozenset((names | {fold(n) for n in names}) - NOT_NAME_WORDS)

    return cached_words(name, build, packages=("faker",), files=_SOURCES)


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Given names (Latin script), with accent-free spellings, minus non-name words."""
    return _listed("given-names", ("first_name", "first_romanized"), ARABIC_GIVEN)


@lru_cache(maxsize=1)
def family_names() -> frozenset[str]:
    """Surnames (Latin script), with accent-free spellings, minus non-name words."""
    return _listed("family-names", ("last_name", "last_romanized"), ARABIC_FAMILY)


@lru_cache(maxsize=1)
def cued_name_words() -> frozenset[str]:
    """Words of :data:`NOT_NAME_WORDS` that the lists hold as a given name or surname ("Park",
    "Ward", "Lane"): left out of the lists, and a name only where a strong cue says so
    ("Bed 9 Park NBM", "taken by Park")."""
    prefixes = ("first_name", "first_romanized", "last_name", "last_romanized")
    return cached_words("cued-name-words", lambda: NOT_NAME_WORDS & _names(prefixes),
                        packages=("faker",), files=_SOURCES)


@lru_cache(maxsize=1)
def dictionary_words() -> frozenset[str]:
    """Lower-case English dictionary words (GCIDE), to tell "grace" the noun from a name."""

    def build() -> frozenset[str]:
        from english_words import get_english_words_set

        return frozenset(get_english_words_set(["gcide"], lower=True, alpha=True))

    return cached_words("dictionary-words", build, packages=("english-words",),
                        files=_SOURCES)


@lru_cache(maxsize=1)
def lower_case_words() -> frozenset[str]:
    """Words Webster's 2nd lists in lower case: common words ("nice", "reading", "mobile"), as
    opposed to the proper nouns it lists capitalised only ("Paris", "Lagos", "Atlanta")."""

    def build() -> frozenset[str]:
        from english_words import get_english_words_set

        return frozenset(w for w in get_english_words_set(["web2"], lower=False) if w.islower())

    return cached_words("web2-lower-words", build, packages=("english-words",),
                        files=_SOURCES)


def is_unambiguous_given_name(word: str) -> bool:
    """A listed given name that is not also an English dictionary word ("Emil", not "Will")."""
    title = word[:1].upper() + word[1:].lower()
    lower = word.lower()
    return (
        len(word) > (3 if word.islower() else 2)
        and title in given_names()
        and lower not in NOT_NAME_LOWER
        and not is_dictionary_word(lower)
        and not is_dictionary_word(fold(lower))
    )


def is_listed_name(word: str) -> bool:
    """A listed given name or surname, in any case."""
    title = "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))
    return title in given_names() or title in family_names()


def is_dictionary_word(word: str) -> bool:
    """An English dictionary word, plurals and -ly adverbs included ("vaccines",
    "delinquencies", "electronically")."""
    words = dictionary_words()
    w = word.lower()
    stems = [w]
    if w.endswith("s"):
        stems += [w[:-1], w[:-2]]  # vaccines, boxes
    if w.endswith("ies"):
        stems.append(w[:-3] + "y")  # delinquencies
    if w.endswith("ly"):
        stems += [w[:-2], w[:-4]]  # quickly, electronically
    return any(stem in words for stem in stems)
