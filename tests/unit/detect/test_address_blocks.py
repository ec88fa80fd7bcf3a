"""Addresses of any country after a cue (issue 10, from the audit's misses: "Vesterbrogade
197", "303 76 Thessaloniki", "Qom 41656-51856", "İstiklal Cad. No: 132 D: 7"), read by shape;
countries, states and what a redaction wrote are left alone."""

from __future__ import annotations

import pytest

from redactor.detect.address_blocks import AddressBlockRecognizer


def _found(text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.label) for s in AddressBlockRecognizer().detect([text])[0]]


@pytest.mark.parametrize(("text", "expected"), [
    (" Home address: No. 197, Valiasr Street, Qom 41656-51856\n\nWe also need the IBAN",
     [("No. 197", "STREET_ADDRESS"), ("Valiasr Street", "STREET_ADDRESS"),
      ("41656-51856", "ZIP_CODE"), ("Qom", "LOCATION")]),
    ("Address:\n44 Castle Street, Leeds I64 8CK\n\nThe refund will be sent",
     [("44 Castle Street", "STREET_ADDRESS"), ("I64 8CK", "ZIP_CODE"), ("Leeds", "LOCATION")]),
    ("June 23, 2021\n\nMr. Håkon Lehtonen\nVesterbrogade 197\n269 89 Turku\n\nDear Mr. Lehtonen,",
     [("Vesterbrogade 197", "STREET_ADDRESS"), ("269 89", "ZIP_CODE"), ("Turku", "LOCATION")]),
    ("He lives with his father, Jakub Wozniak, at\nal. Mickiewicza 32/4, 98-259 Lublin\n"
     "and has no health insurance.",
     [("al. Mickiewicza 32/4", "STREET_ADDRESS"), ("98-259", "ZIP_CODE"),
      ("Lublin", "LOCATION")]),
    ("David Carmel lives at Weizmann St 14\nPetah Tikva 6782151.\n\nFor verification, please",
     [("Weizmann St 14", "STREET_ADDRESS"), ("6782151", "ZIP_CODE"),
      ("Petah Tikva", "LOCATION")]),
    ("Address:\nul. Lenina, d. 197, Nizhny Novgorod 548911\n\nRx: amlodipine 5 mg daily",
     [("ul. Lenina", "STREET_ADDRESS"), ("d. 197", "STREET_ADDRESS"), ("548911", "ZIP_CODE"),
      ("Nizhny Novgorod", "LOCATION")]),
    ("Rabia Gunes lives at İstiklal Cad. No: 132 D: 7\n69118 Nilüfer/Bursa.\n\nFor verification",
     [("İstiklal Cad. No: 132 D: 7", "STREET_ADDRESS"), ("69118", "ZIP_CODE"),
      ("Nilüfer/Bursa", "LOCATION")]),
    ("Mr. Kenji Hashimoto\n4-8-2 Minatomirai, Room 962, Naka-ku, Yokohama 458-7281\n\nDear Mr",
     [("4-8-2 Minatomirai", "STREET_ADDRESS"), ("Room 962", "STREET_ADDRESS"),
      ("Naka-ku", "LOCATION"), ("458-7281", "ZIP_CODE"), ("Yokohama", "LOCATION")]),
    ("Address: 4410 Lakeview Avenue, Chicago, IL 60613\nPlan: continue metformin",
     [("4410 Lakeview Avenue", "STREET_ADDRESS"), ("Chicago", "LOCATION"),
      ("60613", "ZIP_CODE")]),
])
def test_an_address_after_a_cue_is_read_by_shape(text: str,
                                                 expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a country, a state, a state's abbreviation or a region after the town stays
    ("Address: Villa 30, Hamra Road, Jeddah 24560, Saudi Arabia\n",
     [("Villa 30", "STREET_ADDRESS"), ("Hamra Road", "STREET_ADDRESS"), ("24560", "ZIP_CODE"),
      ("Jeddah", "LOCATION")]),
    ("Address: Av. Revolución 31, Col. Roma Norte\n39920 León, Gto.\n\nRx: Keppra",
     [("Av. Revolución 31", "STREET_ADDRESS"), ("Col. Roma Norte", "LOCATION"),
      ("39920", "ZIP_CODE"), ("León", "LOCATION")]),
    ("Address: 12 Green Park Road, Adyar\nChennai 288054, Tamil Nadu\n\nDear Ms. Rao,",
     [("12 Green Park Road", "STREET_ADDRESS"), ("Adyar", "LOCATION"), ("288054", "ZIP_CODE"),
      ("Chennai", "LOCATION")]),
])
def test_regions_and_countries_are_no_identifiers(text: str,
                                                  expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize("text", [
    "He lives at 12 Main St with his wife and two kids since 2010.",  # prose, not a block
    "Mr. Smith was seen today.\nHe is well.\n",                      # no street line
    "Mr. Alan Smith\nThank you for referring this pleasant 45-year-old man.\n",
    "Email address: ana@example.org\n",
    "IP address: 10.0.0.1\n",
    "Address: Emeka Street, GRA, Port Harcourt\n",                   # no number: not read
    "Address: [STREET_ADDRESS], [LOCATION], MA 021**.\n",            # what a redaction wrote
    "The address: see the attached form for details of the new home.\n",
])
def test_no_address_without_its_shape(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    # a street line that starts a block, quoted or not: unit, town, postcode under it
    (">Mr. Stephen Sims\n>Veronica King\n>4887 Hamilton Hill\n>Suite 002\n>Larafort\n"
     ">Guyana 26694",
     [("4887 Hamilton Hill", "STREET_ADDRESS"), ("Suite 002", "STREET_ADDRESS"),
      ("Larafort", "LOCATION"), ("26694", "ZIP_CODE")]),
    ("??? Green LLC\n??? 0743 Melissa Forest\n??? Suite 899\n??? South Susan\n"
     "??? Nigeria 42227\n\nThank you",
     [("0743 Melissa Forest", "STREET_ADDRESS"), ("Suite 899", "STREET_ADDRESS"),
      ("South Susan", "LOCATION"), ("42227", "ZIP_CODE")]),
    ("221 Baker Street\nLondon\nNW1 6XE\n",
     [("221 Baker Street", "STREET_ADDRESS"), ("London", "LOCATION"),
      ("NW1 6XE", "STREET_ADDRESS")]),
])
def test_the_lines_under_a_street_line_are_its_address(text: str,
                                                       expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("27 Mar 2020\n\nMr. Denis Oliynyk\nul. Tverskaya, d. 117\nKazan 648702\n\nDear Mr. O",
     [("ul. Tverskaya", "STREET_ADDRESS"), ("d. 117", "STREET_ADDRESS"), ("648702", "ZIP_CODE"),
      ("Kazan", "LOCATION")]),
    ("Mr. Kodwo Sarpong\n109 Osu Badu Street\nTeshie\n\nDear Mr. Sarpong,\n",
     [("109 Osu Badu Street", "STREET_ADDRESS"), ("Teshie", "LOCATION")]),
])
def test_a_recipients_block_may_open_with_a_street_name_and_end_with_its_town(
        text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


def test_prose_under_a_street_line_is_no_address() -> None:
    text = "12 Main Street\nPatient seen today for follow up of his knee.\n"
    assert _found(text) == [("12 Main Street", "STREET_ADDRESS")]
    assert _found("Take 2 Tablets\nMorning And Evening\n") == []  # no street's type


def test_a_long_field_label_or_a_phone_line_ends_a_block() -> None:
    text = ("Address: 24 Sutton Way, Oakland CA  15316\n"
            "Taxpayer identification number: 902-95-0392\n")
    assert all("Taxpayer" not in v for v, _ in _found(text))
    letter = "10881 Meadow Ave.\nColumbia, SC  50019\nTel 216-617-8830 | Fax 503-454-8489\n"
    assert all("Tel" not in v for v, _ in _found(letter))


def test_a_block_ends_at_a_blank_line_a_label_or_prose() -> None:
    text = ("Address: 4410 Lakeview Avenue, Chicago, IL 60613\n"
            "A 67-year-old man from ZIP 03601 was admitted in 2019; follow-up 04/01/2021.\n")
    assert [v for v, _ in _found(text)] == ["4410 Lakeview Avenue", "Chicago", "60613"]
    labelled = "Address:\n55 Quezon Avenue, Cebu City 1906\nPhone: 0917 555 0100\n"
    assert [v for v, _ in _found(labelled)] == ["55 Quezon Avenue", "1906", "Cebu City"]


def test_a_sentence_after_a_title_opens_no_recipients_block() -> None:
    text = ("Dr. Lee will see pt 2/12. F/U with PCP 2/20 at 10am.\n"
            "Baseline Cr 1.1 (12/08). Hx of PE ('04), DVT 6/05.\n")
    assert AddressBlockRecognizer().detect([text]) == [[]]
