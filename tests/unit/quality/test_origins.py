"""The audit's people: 31 origins from public name statistics, apart from the detectors' lists.

The detectors' name lists come from Faker; the audit's names must not, or the audit measures
what the lists memorised instead of how detection generalises (issue 10).
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from pathlib import Path

import pytest

import redactor.detect
from redactor.quality.origins import (
    BY_KEY,
    GENDERS,
    ORIGIN_KEYS,
    ORIGINS,
    base_surname,
    feminine_surname,
    fold,
)
from redactor.quality.synth import Generator, generate
from redactor.quality.templates import TEMPLATES
from redactor.synthetic.seeding import SeededFakers

_LATIN_NAME = re.compile(r"^[^\W\d_]+(?:[ '-][^\W\d_]+)*$")


def test_thirty_one_origins_each_with_enough_names():
    assert len(ORIGINS) == 31 and len(set(ORIGIN_KEYS)) == 31
    for o in ORIGINS:
        assert len(set(o.female)) >= 30 and len(set(o.male)) >= 30, o.key
        assert len(set(o.family)) >= 40, o.key
        for name in (*o.female, *o.male, *o.family):
            assert _LATIN_NAME.match(name), (o.key, name)  # romanised, one name per entry


def test_no_list_repeats_a_name():
    for o in ORIGINS:
        for names in (o.female, o.male, o.family):
            repeated = [n for n, c in Counter(names).items() if c > 1]
            assert not repeated, (o.key, repeated)


def test_lists_hold_the_shapes_the_real_world_probe_showed():
    # Hyphenated Korean given names and short East Asian names, which detection cut or missed.
    korean = BY_KEY["korea"]
    assert sum("-" in n for n in (*korean.female, *korean.male)) >= 50
    assert {"Seo-yeon", "Min-jun"} <= {*korean.female, *korean.male}
    assert {"Li", "Wei"} <= {*BY_KEY["china"].family, *BY_KEY["china"].male}
    assert "Ito" in BY_KEY["japan"].family


class _Spy:
    """A Faker stand-in that records which attributes the generator asks for."""

    def __init__(self, real, asked: list[str]) -> None:
        self._real, self._asked = real, asked

    def __getattr__(self, name: str):
        self._asked.append(name)
        return getattr(self._real, name)


def test_the_generator_draws_no_name_from_faker(monkeypatch):
    asked: list[str] = []
    real = SeededFakers.faker
    monkeypatch.setattr(SeededFakers, "faker", lambda self, locale: _Spy(real(self, locale), asked))
    docs = generate(len(TEMPLATES) * 3, 5)
    assert docs and any(s.label == "PERSON" for d in docs for s in d.spans)
    assert asked, "the spy saw no call: employer names should still come from Faker"
    assert set(asked) == {"company"}, sorted(set(asked))


def test_people_are_drawn_without_faker_at_all(monkeypatch):
    def refuse(self, locale):
        raise AssertionError(f"Faker({locale}) asked for a person")

    monkeypatch.setattr(SeededFakers, "faker", refuse)
    gen = Generator(3)
    for key in ORIGIN_KEYS:
        for gender in GENDERS:
            person = gen.person(key, gender)
            assert person.given and person.family


def test_every_drawn_name_comes_from_the_origins_own_lists():
    gen = Generator(17)
    for key in ORIGIN_KEYS:
        o = BY_KEY[key]
        given = {fold(n) for n in (*o.female, *o.male)}
        given |= {fold(n.replace("-", sep)).lower() for n in given for sep in ("", " ")}
        family = {fold(n) for n in o.family}
        for gender in GENDERS:
            for _ in range(15):
                p = gen.person(key, gender)
                assert fold(p.given) in given or fold(p.given).lower() in given, (key, p)
                base = fold(base_surname(o, p.family))
                assert base in family or all(  # or two family names (Spain, Mexico)
                    fold(base_surname(o, part)) in family for part in p.family.split(" ")
                ), (key, p)


def test_a_noticeable_share_of_audit_names_is_not_in_the_detector_lists():
    from redactor.detect.name_lists import family_names, given_names

    listed = given_names() | family_names()
    entries = {n for o in ORIGINS for n in (*o.female, *o.male, *o.family)}
    unlisted = {n for n in entries if n not in listed and fold(n) not in listed}
    share = len(unlisted) / len(entries)
    assert share >= 0.2, f"only {share:.1%} of {len(entries)} audit names are unlisted"
    # and in the set itself, as drawn: names the detector cannot have memorised
    docs = generate(len(ORIGINS) * 2 * 3, 1, labels={"PERSON"})
    words = [w for d in docs for s in d.spans
             for w in re.split(r"[ ,.]+", d.text[s.start : s.end]) if len(w) > 2]
    title = [w[:1].upper() + w[1:].lower() if w.isupper() or w.islower() else w for w in words]
    drawn = sum(w not in listed and fold(w) not in listed for w in title) / len(title)
    assert drawn >= 0.15, f"only {drawn:.1%} of name words in the audit set are unlisted"


def test_the_detectors_do_not_read_the_audits_names():
    # Keep the two apart: no module of redactor.detect imports the audit's origins or set.
    for path in Path(redactor.detect.__file__).parent.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                assert not (node.module or "").startswith("redactor.quality"), path.name
            elif isinstance(node, ast.Import):
                assert not any(a.name.startswith("redactor.quality") for a in node.names), path


@pytest.mark.parametrize(("origin", "masculine", "feminine"), [
    ("poland", "Kowalski", "Kowalska"), ("russia", "Ivanov", "Ivanova"),
    ("russia", "Kovalevsky", "Kovalevskaya"), ("russia", "Shevchenko", "Shevchenko"),
    ("greece", "Papadopoulos", "Papadopoulou"), ("greece", "Georgiou", "Georgiou"),
])
def test_surnames_take_the_form_of_the_bearers_gender(origin, masculine, feminine):
    o = BY_KEY[origin]
    assert feminine_surname(o, masculine) == feminine
    assert base_surname(o, feminine) == masculine


def test_relatives_share_the_family_name_in_their_own_gender():
    gen = Generator(4)
    seen = 0
    for _ in range(60):
        woman = gen.person("russia", "female")
        man = gen.person("russia", "male", like=woman)
        if man.family.endswith(("ov", "ev", "in", "sky")) and woman.family.startswith(
                man.family):
            seen += 1
        assert not man.family.endswith(("ova", "eva", "skaya")), (woman.family, man.family)
    assert seen >= 10
