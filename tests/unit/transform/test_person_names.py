import pytest

from redactor.transform.person_names import (
    DocumentNames,
    gender_of,
    is_latin,
    locale_names,
    match_locale,
    name_key,
    parse_name,
)


def roles(text):
    return [(p.text, p.role) for p in parse_name(text).parts]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Maria Gonzalez", [("Maria", "given"), ("Gonzalez", "family")]),
        ("Ms. Gonzalez", [("Ms.", "title"), ("Gonzalez", "family")]),
        ("GONZALEZ, MARIA", [("GONZALEZ", "family"), ("MARIA", "given")]),
        ("M. Gonzalez", [("M.", "initial"), ("Gonzalez", "family")]),
        ("Smith, John A.", [("Smith", "family"), ("John", "given"), ("A.", "initial")]),
        ("Maria de la Cruz", [("Maria", "given"), ("de", "particle"), ("la", "particle"),
                              ("Cruz", "family")]),
        ("Dr. Ingrid Halvorsen", [("Dr.", "title"), ("Ingrid", "given"),
                                  ("Halvorsen", "family")]),
        ("Kwame Mensah, MD", [("Kwame", "given"), ("Mensah", "family"), ("MD", "suffix")]),
        ("J.R. Smith Jr.", [("J.R.", "initial"), ("Smith", "family"), ("Jr.", "suffix")]),
        ("María José García López", [("María", "given"), ("José", "given"),
                                     ("García", "family"), ("López", "family")]),
        ("Maria", [("Maria", "given")]),  # a listed given name alone
        ("Gonzalez", [("Gonzalez", "family")]),
        ("Dr. Maria", [("Dr.", "title"), ("Maria", "family")]),  # a title: a family name
        ("@nadia48", [("@nadia48", "handle")]),
        ("vkrishnamurthy4", [("vkrishnamurthy4", "handle")]),
    ],
)
def test_parse(text, expected):
    assert roles(text) == expected


def test_inverted_and_layout_kept():
    parsed = parse_name("  GONZALEZ,  MARIA")
    assert parsed.inverted and parsed.lead == "  "
    assert [p.sep for p in parsed.parts] == [",  ", ""]
    assert parsed.family == "gonzalez" and parsed.first_given == "maria"


@pytest.mark.parametrize(("word", "key"), [("González", "gonzalez"), ("GONZALEZ", "gonzalez"),
                                           ("M.", "m"), ("Nguyễn", "nguyen"), ("O'Neil", "o'neil")])
def test_name_key(word, key):
    assert name_key(word) == key


@pytest.mark.parametrize(
    ("name", "gender"),
    [("maria", "female"), ("ingrid", "female"), ("andrea", "female"), ("john", "male"),
     ("jonas", "male"), ("xyzzy", None)],
)
def test_gender_from_the_lists(name, gender):
    assert gender_of(name) == gender


@pytest.mark.parametrize(
    ("given", "family", "language"),
    [(["maria"], ["gonzalez"], "es"), (["john"], ["smith"], "en"), (["wei"], ["zhang"], "zh"),
     (["ingrid"], ["halvorsen"], "no"), ([], ["gonzalez"], "es"), (["jonas"], ["becker"], "de")],
)
def test_match_locale(given, family, language):
    assert match_locale(given, family, "latin").split("_")[0] == language


def test_match_locale_defaults():
    assert match_locale([], ["xyzzyqq"], "latin") == "en_US"
    assert match_locale(["john"], ["smith"], "latin") == "en_US"  # the default wins a tie


def test_scripts():
    assert is_latin("María José") and is_latin("GONZALEZ, MARIA") and is_latin("Nguyễn")
    assert not is_latin("王伟") and not is_latin("Иван")
    pools = locale_names()
    assert ("zh_CN", "latin") in pools and ("zh_CN", "native") in pools
    assert all(is_latin(n) for n in pools[("zh_CN", "latin")].family.names)


def test_document_names_resolve_partial_mentions():
    names = DocumentNames.build(["Maria Gonzalez", "Ms. Gonzalez", "John Smith", "Mary Smith"])
    assert names.given_for_initial("gonzalez", "M") == "maria"
    assert names.given_for_initial("smith", "J") == "john"
    assert names.given_for_initial("smith", "X") is None
    assert names.given_for_initial(None, "M") is None
    assert names.context_for(parse_name("Ms. Gonzalez")) == (["maria"], ["gonzalez"])
    assert names.context_for(parse_name("Maria")) == (["maria"], ["gonzalez"])
