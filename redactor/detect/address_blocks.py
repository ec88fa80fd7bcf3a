"""Addresses of any country, read from where a document puts one: after an address label
("Address:", "Home address:"), after "lives at" or "resides at", in a letter's recipient
block (the lines under "Mr. Kenji Hashimoto"), and under a street line that starts a block
("4887 Hamilton Hill" / "Suite 002" / "Larafort" / "Guyana 26694").

The street patterns know street lines of a few countries ("12 Main Street", "Hauptstraße 5");
the world writes "Vesterbrogade 197", "al. Mickiewicza 32/4", "İstiklal Cad. No: 132 D: 7",
"4-8-2 Minatomirai", "303 76 Thessaloniki" and "Qom 41656-51856". Where a cue says an address
follows, its parts are read by shape, whatever the country: a part with a number is the street
(or a postcode beside a town), a part of words alone is a town or district. Countries, states
and provinces are no identifiers under Safe Harbor and are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from redactor.detect.lexicon import country_names
from redactor.detect.patterns import STREET_ABBREVIATIONS, STREET_SUFFIXES, USPS_SUFFIXES
from redactor.span import Span

SOURCE = "pattern:address_block"
SCORE = 0.8

#: A recipient's name alone on its line: up to five capitalised words, initials or
#: particles ("Kenji Hashimoto", "J. van der Berg"; "Lee will see pt 2/12." is a sentence).
_NAME_LINE = (r"(?-i:[A-ZÀ-Þ][\w'’.-]*(?:[ \t]+(?:(?:van|von|de|der|den|da|di|du|la|le|bin|al"
              r"|el)[ \t]+)*[A-ZÀ-Þ][\w'’.-]*){0,4}),?[ \t]*$")
#: What starts an address: a label, "lives at", a line ending in "at" after "lives with ...",
#: or a letter's recipient ("Mr. Kenji Hashimoto" alone on its line).
_CUE = re.compile(
    r"(?im)(?:\b(?:home|mailing|postal|street|current|billing|residential|permanent|"
    r"delivery|shipping)[ \t]+)?(?<!mail )(?<!e-mail )(?<!ip )(?<!mac )(?<!web )(?<!ipv4 )"
    r"(?<!ipv6 )\baddress[ \t]*:[ \t]*"
    r"|\b(?:lives|living|resides|residing|reside|live|stays|staying)[ \t]+at[ \t]+"
    r"|\b(?:lives|living|resides|residing|stays|staying)\b[^\n]{0,80}\bat[ \t]*(?=\n)"
    r"|(?P<recipient>^[ \t]*(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?[ \t]+" + _NAME_LINE + r")"
)
#: A line that starts with a mark a mail client or a list puts there ("> ", "??? ", "* ").
_LINE_MARK = r"[ \t]*(?:>|\?{3}|[*•|])?[ \t]*"
#: The characters of those marks, and the blanks around them, where a part or a line is read.
_MARK_CHARS = " \t>?*•|"
#: A street's type, full or abbreviated ("Street", "St", "Spurs").
_STREET_TYPE = "|".join(STREET_SUFFIXES + STREET_ABBREVIATIONS + USPS_SUFFIXES)
#: A street line alone on its line, a house number first and a street's type last: the lines
#: under it (unit, town, postcode, country) are the rest of the address.
_STREET_LINE = re.compile(
    rf"(?m)^{_LINE_MARK}(?=\d{{1,6}}[A-Z]?[ \t]+(?:[A-Z][\w'’.-]*[ \t]+){{1,4}}"
    rf"(?:{_STREET_TYPE})\.?[ \t]*$)")
#: A line that ends a block: a field's label ("Phone: ...", "Tel 216-617-8830") or a greeting.
_STOP_LINE = re.compile(r"^[ \t]*(?:[A-Za-z][\w ]{0,40}:|dear\b|to whom\b|(?:tel|telephone|phone"
                        r"|ph|fax|mobile|cell|e-?mail|web|www|https?)\b)", re.IGNORECASE)
#: Postcodes of many countries: "303 76", "98-259", "458-7281", "7727 NJ", "41656-51856",
#: "67158-294", "6782151", "1906", "X21 5PG" (Eircode), "I64 8CK" (UK).
_POSTCODE = (r"(?:\d{2,3}[ -]\d{2,4}(?:[ ][A-Z]{2})?|\d{4}[ ][A-Z]{2}|\d{4,7}(?:-\d{3,5})?"
             r"|[A-Z]\d{2}[ ]?[A-Z0-9]{4}|[A-Z]{1,2}\d[A-Z\d]?[ ]\d[A-Z]{2})")
_TOWN = r"[^\W\d_][^\d,\n]*?"
_ZIP_TOWN = re.compile(rf"(?P<zip>{_POSTCODE})[ \t]+(?P<town>{_TOWN})")
_TOWN_ZIP = re.compile(rf"(?P<town>{_TOWN})[ \t]+(?P<zip>{_POSTCODE})")
#: A town's line under a street line: a mark, then one to four capitalised words.
_TOWN_LINE = re.compile(rf"{_LINE_MARK}[A-ZÀ-Þ][^\s\d,]*(?:[ \t]+[A-ZÀ-Þ][^\s\d,]*){{0,3}}[ \t]*")
#: Parts of a block: split at commas, line breaks and a spaced dash ("1992 - 67158-294").
_PART = re.compile(r"[^,\n]+?(?=[ \t]*(?:,|\n|[ \t]-[ \t]|$))")
#: Words that end a region's name, which is no identifier ("Rivers State").
_REGION = re.compile(r"(?i)\b(?:state|province|region|oblast|prefecture|territory)$")


def _block(text: str, start: int) -> tuple[int, int]:
    """The extent of the address after a cue ending at ``start``: the rest of the cue's line
    (or the next line, when the cue ends its line), and the lines after it up to a blank line,
    a field's label, a long line, or three lines in all. When the block starts with a street
    line, it has four lines, and a short line of capitalised words (a town) goes on it."""
    pos = start
    eol = text.find("\n", pos)
    eol = len(text) if eol < 0 else eol
    if not text[pos:eol].strip():  # the cue ends its line: the address is on the next
        pos = min(eol + 1, len(text))
    line_start = text.rfind("\n", 0, pos) + 1
    street_first = _STREET_LINE.match(text, line_start) is not None and not text[
        line_start:pos].strip(_MARK_CHARS)
    end, lines = pos, 0
    while end < len(text) and lines < (4 if street_first else 3):
        stop = text.find("\n", end)
        stop = len(text) if stop < 0 else stop
        line = text[end:stop]
        if not line.strip() or len(line) > 90 or (lines and _STOP_LINE.match(line)):
            break
        town = street_first and _TOWN_LINE.fullmatch(line) is not None
        if lines and not town and (not re.search(r"\d", line) or len(line.split()) > 6):
            break  # a next line without a number, or a long one, is prose
        end, lines = stop, lines + 1
        if end < len(text):
            end += 1
    return pos, end


def _parts(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    for match in _PART.finditer(text, start, end):
        s, e = match.start(), match.end()
        while s < e and text[s] in _MARK_CHARS + "-–":
            s += 1
        while e > s and text[e - 1] in " \t.;":
            e -= 1
        if e > s:
            yield s, e


def _region(value: str) -> bool:
    """A country, a US state, a region's name or a short code ("AM", "MA", "Gto.", "Yuc."):
    no identifier."""
    return (value.casefold() in country_names() or _REGION.search(value) is not None
            or (len(value) <= 3 and value.isupper())
            or re.fullmatch(r"[A-Z][a-z]{1,3}\.", value) is not None)


def _abbreviated(text: str, start: int, end: int) -> bool:
    """A short word with its dot ("Gto.", "Yuc.", "Son."): a state's abbreviation."""
    return re.fullmatch(r"[A-Z][a-z]{1,3}", text[start:end]) is not None and (
        text[end : end + 1] == ".")


#: A street's name without its number: a street word at its end ("Valiasr Street", "Hamra
#: Road") or a street's abbreviation before it ("ul. Lenina", "al. Jerozolimskie", "Rua X").
_STREET_NAME = re.compile(
    r"(?:[^\d]+[ \t](?:Street|St|Road|Rd|Avenue|Ave|Lane|Way|Boulevard|Blvd|Drive|Square|"
    r"Cad|Caddesi|Sok|Sokak|Mah|Mahallesi|Strasse|Straße|straat|gade|gatan|vej|veien|"
    r"Ulitsa|Prospekt)\.?"
    r"|(?:ul|al|pl|os|per|pr|prosp|str|c/|rua|calle|via|avenida|rue|av)\.?[ \t]+[^\W\d_][^\d]*)",
    re.IGNORECASE)
#: A street's type at the end of a part.
_STREET_END = re.compile(rf"[ \t](?:{_STREET_TYPE})\.?$")
#: A town's or district's words: capitalised, with particles and initials ("T. Nagar",
#: "Pudong New Area District", "Naka-ku", "Nilüfer/Bursa", "Port of Spain").
_PLACE_WORDS = re.compile(r"(?:[A-ZÀ-Þ][^\s\d]*|of|de|del|la|le|am|an|der|upon|on|sur)"
                          r"(?:[ \t]+(?:[A-ZÀ-Þ][^\s\d]*|of|de|del|la|le|am|an|der|upon|on|sur))"
                          r"{0,3}")


def _read(text: str, start: int, end: int, *, first_needs_number: bool = False) -> list[Span]:
    """The parts of one block as spans: postcode and town, street (a number and a word, six
    words at most: a longer part is prose), town or district (capitalised words, only in a
    block that has a number). With ``first_needs_number`` the block starts with a street: a
    part with a number or a street's name. Parts with "@" or a web address are no address's,
    nor those a redaction wrote ("[LOCATION]", "MA 021**")."""
    parts = [(s, e) for s, e in _parts(text, start, end)
             if not re.search(r"@|https?:|www\.|[*\[\]]", text[s:e])
             and len(text[s:e].split()) <= 6]
    numbered = [p for p in parts if re.search(r"\d", text[p[0] : p[1]])]
    if not numbered or (first_needs_number and parts and parts[0] != numbered[0]
                        and not _STREET_NAME.fullmatch(text[parts[0][0] : parts[0][1]])):
        return []  # "ul. Tverskaya, d. 117" may open a recipient's block
    out: list[Span] = []
    after_postcode = False  # words after "Chennai 288054" name a region ("Tamil Nadu")
    for s, e in parts:
        value = text[s:e]
        if (_region(value) or _abbreviated(text, s, e)
                or (after_postcode and not re.search(r"\d", value))):
            continue
        street = _STREET_END.search(value) is not None  # "4410 Lakeview Avenue": no "4410"
        for shape in () if street else (_ZIP_TOWN, _TOWN_ZIP):
            match = shape.fullmatch(value)
            if match:
                town = match.group("town").strip()
                out.append(Span(s + match.start("zip"), s + match.end("zip"), "ZIP_CODE", SCORE,
                                SOURCE))
                if not _region(town):
                    t = s + match.start("town")
                    out.append(Span(t, t + len(town), "LOCATION", SCORE, SOURCE))
                after_postcode = True
                break
        else:
            if ((re.search(r"\d", value) and re.search(r"[^\W\d_]", value))
                    or _STREET_NAME.fullmatch(value)):
                out.append(Span(s, e, "STREET_ADDRESS", SCORE, SOURCE))
            elif _PLACE_WORDS.fullmatch(value):
                out.append(Span(s, e, "LOCATION", SCORE, SOURCE))
    return out


class AddressBlockRecognizer:
    """Streets, postcodes and towns of any country where a cue says an address follows."""

    name = "address_block"
    exact = True
    sources = (SOURCE,)

    def detect(self, texts: Sequence[str]) -> list[list[Span]]:
        """The address parts of each text."""
        return [self._find(text) for text in texts]

    @staticmethod
    def _find(text: str) -> list[Span]:
        out: list[Span] = []
        covered = 0
        cues = sorted([(m.start(), m.end(), m.group("recipient") is not None)
                       for m in _CUE.finditer(text)]
                      + [(m.start(), m.end(), True) for m in _STREET_LINE.finditer(text)])
        for cue_start, cue_end, recipient in cues:
            if cue_start < covered:
                continue
            start, end = _block(text, cue_end)
            # a recipient's block starts with its street line ("Mr. Smith" may start prose)
            out.extend(_read(text, start, end, first_needs_number=recipient))
            covered = end
        return out
