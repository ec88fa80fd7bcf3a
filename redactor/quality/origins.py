"""The name origins of the audit set: given names, surnames, addresses and phone numbers.

Each :class:`Origin` is data: hand-written romanised name lists, and the street, city and
postcode shapes and the telephone formats of the matching country (or countries, for the
Arabic-speaking, Nordic, Pakistani-Bangladeshi and British-Irish groups).

**Where the names come from.** 31 origins, each with about 30 or more female and male given
names and 40 or more family names: the most common names of that country as its public name
statistics report them (national statistics offices' lists of the most frequent given names
and surnames, civil registries, and the frequency tables reference works print from them),
transcribed by hand and romanised the way people of that country write their names in English
text (``Seo-yeon``, ``Min-jun``, ``Nguyễn``, ``Ito``, ``Li``, ``O'Brien``). These are name facts,
not a copied database. The detectors' name lists (:mod:`redactor.detect.name_lists`) come from
Faker's locale data; the audit never draws a name from Faker or from those lists, so common
names appear in both only because they are common, and the audit measures how detection
generalises to names it was not given, not what a list memorised
(``tests/unit/quality/test_origins.py`` checks both). Faker is used here for company names only
(``company_fakers``).

A phone format uses ``#`` for any digit and ``N`` for a digit 2-9; a postcode shape also uses
``A`` for a capital letter.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from redactor.synthetic.people import GENDERS as GENDERS  # re-exported: audit.py
from redactor.synthetic.values import fill_shape
from redactor.util import accents

#: (text, entity label or None): one piece of a generated value, e.g. an address.
Segment = tuple[str, str | None]


def fold(text: str) -> str:
    """``text`` without diacritics (Nguyễn -> Nguyen, Yılmaz -> Yilmaz, Łódź -> Lodz); ``Æ``
    and ``œ`` kept, as the audit set always had them (:func:`redactor.util.accents.fold`)."""
    return accents.fold(text)


def digits(rng: random.Random, shape: str) -> str:
    """``shape`` with each ``#`` replaced by a digit and each ``N`` by a digit 2-9."""
    return fill_shape(rng, shape, lowest_n=2, letters=None)


def _w(text: str) -> tuple[str, ...]:
    """A whitespace-separated word list (``_`` stands for a space inside one entry)."""
    return tuple(word.replace("_", " ") for word in text.split())


AddressMaker = Callable[[random.Random, "Origin"], list[Segment]]


@dataclass(frozen=True)
class Origin:
    """One group of the audit: where a name comes from and how its country writes addresses.

    ``company_fakers``: Faker locales for employer names (never for people's names).
    ``family_first``: how often the name is written family name first; ``double_family``: how
    often a person bears two family names (Spanish-speaking countries).
    """

    key: str
    country: str
    female: tuple[str, ...]
    male: tuple[str, ...]
    family: tuple[str, ...]
    company_fakers: tuple[str, ...] = ()
    family_first: float = 0.0
    fold_rate: float = 0.4
    phones: tuple[str, ...] = ()
    email_domains: tuple[str, ...] = ("gmail.com", "yahoo.com", "outlook.com", "hotmail.com")
    streets: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()
    address: AddressMaker | None = None
    iban_country: str | None = None
    middle_female: tuple[str, ...] = ()
    middle_male: tuple[str, ...] = ()
    middle_rate: float = 0.0
    date_styles: tuple[str, ...] = ()
    double_family: float = 0.0


# --------------------------------------------------------------------------- addresses


def _us_address(r: random.Random, o: Origin) -> list[Segment]:
    city, state = r.choice(o.cities).split("|")
    street = f"{r.randint(2, 9899)} {r.choice(o.streets)}"
    if r.random() < 0.3:
        unit = f"{r.randint(1, 40)}{r.choice('ABC')}"
        street += r.choice([", Apt ", " Apt. ", ", Unit ", " #"]) + unit
    zip_code = digits(r, "#####") if r.random() < 0.8 else digits(r, "#####-####")
    zip_code = str(max(int(zip_code[:5]), 1001)).zfill(5) + zip_code[5:]
    sep = r.choice(["\n", ", "])
    return [(street, "STREET_ADDRESS"), (sep, None), (city, "LOCATION"), (f", {state} ", None),
            (zip_code, "ZIP_CODE")]


def _mx_address(r: random.Random, o: Origin) -> list[Segment]:
    city, state = r.choice(o.cities).split("|")
    name = r.choice(o.streets)
    street = r.choice([f"Calle {name} {r.randint(1, 2999)}", f"Av. {name} {r.randint(10, 4999)}",
                       f"{name} #{r.randint(1, 999)} Int. {r.randint(1, 12)}"])
    colonia = r.choice(["Centro", "Americana", "Del Valle", "Roma Norte", "Chapultepec",
                        "Las Águilas"])
    street += f", Col. {colonia}"
    return [(street, "STREET_ADDRESS"), (r.choice(["\n", ", "]), None),
            (f"{r.randint(1000, 99999):05d}", "ZIP_CODE"), (" ", None),
            (city, "LOCATION"), (f", {state}", None)]


def _fr_address(r: random.Random, o: Origin) -> list[Segment]:
    num = f"{r.randint(1, 180)}{r.choice(['', '', '', ' bis', ' ter'])}"
    kind = r.choice(["rue", "avenue", "boulevard", "allée", "impasse", "place"])
    street = f"{num} {kind} {r.choice(o.streets)}"
    if r.random() < 0.25:
        street = f"Bât. {r.choice('ABC')}, {street}"
    return [(street, "STREET_ADDRESS"), (r.choice(["\n", ", "]), None),
            (f"{r.randint(1, 95):02d}{r.randint(0, 999):03d}", "ZIP_CODE"), (" ", None),
            (r.choice(o.cities), "LOCATION")]


def _de_address(r: random.Random, o: Origin) -> list[Segment]:
    base = r.choice(o.streets)
    street = r.choice([f"{base}straße {r.randint(1, 220)}", f"{base}weg {r.randint(1, 90)}",
                       f"{base}str. {r.randint(1, 150)}{r.choice(['', 'a', 'b'])}",
                       f"Am {base}platz {r.randint(1, 40)}", f"{base}allee {r.randint(1, 120)}"])
    return [(street, "STREET_ADDRESS"), (r.choice(["\n", ", "]), None),
            (f"{r.randint(1067, 99998):05d}", "ZIP_CODE"), (" ", None),
            (r.choice(o.cities), "LOCATION")]


def _pl_address(r: random.Random, o: Origin) -> list[Segment]:
    street = f"{r.choice(['ul.', 'ul.', 'al.', 'os.'])} {r.choice(o.streets)} {r.randint(1, 150)}"
    if r.random() < 0.6:
        street += f"/{r.randint(1, 80)}"
    return [(street, "STREET_ADDRESS"), (r.choice(["\n", ", "]), None),
            (f"{r.randint(0, 99):02d}-{r.randint(0, 999):03d}", "ZIP_CODE"), (" ", None),
            (r.choice(o.cities), "LOCATION")]


def _tr_address(r: random.Random, o: Origin) -> list[Segment]:
    district, city = r.choice(o.cities).split("|")
    name = r.choice(o.streets)
    street = r.choice([f"{name} Cad. No: {r.randint(1, 200)} D: {r.randint(1, 30)}",
                       f"{name} Sok. No:{r.randint(1, 90)}/{r.randint(1, 20)}",
                       f"{name} Mah. {r.choice(o.streets)} Sk. No: {r.randint(1, 60)}"])
    return [(street, "STREET_ADDRESS"), (r.choice(["\n", ", "]), None),
            (f"{r.randint(1, 81):02d}{r.randint(0, 999):03d}", "ZIP_CODE"), (" ", None),
            (district, "LOCATION"), ("/", None), (city, "LOCATION")]


def _ng_address(r: random.Random, o: Origin) -> list[Segment]:
    area, city, state = r.choice(o.cities).split("|")
    street = (f"{r.randint(1, 120)} {r.choice(o.streets)} "
              f"{r.choice(['Street', 'Close', 'Crescent', 'Road', 'Avenue'])}, {area}")
    seg: list[Segment] = [(street, "STREET_ADDRESS"), (r.choice(["\n", ", "]), None),
                          (city, "LOCATION")]
    if r.random() < 0.4:
        seg += [(" ", None), (f"{r.randint(10, 99)}{digits(r, '####')}", "ZIP_CODE")]
    seg.append((f", {state} State", None))
    return seg


def _ke_address(r: random.Random, o: Origin) -> list[Segment]:
    estate, city = r.choice(o.cities).split("|")
    seg: list[Segment]
    if r.random() < 0.5:
        seg = [(f"P.O. Box {r.randint(10, 99999)}", "STREET_ADDRESS"), ("-", None),
               (f"00{r.randint(100, 999)}", "ZIP_CODE")]
    else:
        seg = [(f"{r.choice(o.streets)} {r.choice(['Road', 'Avenue', 'Lane', 'Drive'])}, {estate}",
                "STREET_ADDRESS")]
    return [*seg, (r.choice(["\n", ", "]), None), (city, "LOCATION")]


def _in_address(r: random.Random, o: Origin) -> list[Segment]:
    area, city, state = r.choice(o.cities).split("|")
    name = r.choice(o.streets)
    street = r.choice([f"Flat {r.randint(1, 20)}{r.choice('ABCD')}, {name} Apartments, {area}",
                       f"{r.randint(1, 400)}, {name} Road, {area}",
                       f"H.No. {r.randint(1, 30)}-{r.randint(1, 99)}, {name} Nagar, {area}"])
    return [(street, "STREET_ADDRESS"), (r.choice(["\n", ", "]), None), (city, "LOCATION"),
            (r.choice([" - ", " "]), None), (f"{r.randint(11, 85)}{digits(r, '####')}", "ZIP_CODE"),
            (f", {state}", None)]


def _vn_address(r: random.Random, o: Origin) -> list[Segment]:
    name = r.choice(o.streets)
    if r.random() < 0.5:
        street = (f"{r.randint(1, 300)} {name} Street, Ward {r.randint(1, 15)}, "
                  f"District {r.randint(1, 12)}")
    else:
        street = (f"Số {r.randint(1, 300)} đường {name}, Phường {r.randint(1, 15)}, "
                  f"Quận {r.randint(1, 12)}")
    return [(street, "STREET_ADDRESS"), (r.choice(["\n", ", "]), None),
            (r.choice(o.cities), "LOCATION")]


def _cn_address(r: random.Random, o: Origin) -> list[Segment]:
    district, city = r.choice(o.cities).split("|")
    room = r.choice(["", f"Room {r.randint(101, 2808)}, "])
    kind = r.choice(["Road", "Street", "Avenue"])
    street = f"{room}No. {r.randint(1, 999)} {r.choice(o.streets)} {kind}, {district} District"
    return [(street, "STREET_ADDRESS"), (r.choice(["\n", ", "]), None), (city, "LOCATION"),
            (" ", None), (f"{r.randint(10, 85)}{digits(r, '####')}", "ZIP_CODE")]


def _ar_address(r: random.Random, o: Origin) -> list[Segment]:
    city, country = r.choice(o.cities).split("|")
    name = r.choice(o.streets)
    street = r.choice([f"{r.randint(1, 250)} {name} Street",
                       f"Building {r.randint(1, 90)}, {name} St.",
                       f"{r.randint(1, 99)}, Rue {name}", f"Villa {r.randint(1, 60)}, {name} Road"])
    seg: list[Segment] = [(street, "STREET_ADDRESS"), (r.choice(["\n", ", "]), None),
                          (city, "LOCATION")]
    if country != "United Arab Emirates":
        seg += [(" ", None), (digits(r, "N####"), "ZIP_CODE")]
    seg.append((f", {country}", None))
    return seg


def _br_address(r: random.Random, o: Origin) -> list[Segment]:
    city, state = r.choice(o.cities).split("|")
    kind = r.choice(["Rua", "Av.", "Travessa", "Rua"])
    street = f"{kind} {r.choice(o.streets)}, {r.randint(1, 3999)}"
    if r.random() < 0.5:
        street += f", apto {r.randint(11, 1804)}"
    return [(street, "STREET_ADDRESS"), (r.choice(["\n", " - "]), None),
            (f"{r.randint(10000, 99999)}-{r.randint(0, 999):03d}", "ZIP_CODE"), (" ", None),
            (city, "LOCATION"), (f" - {state}", None)]


def _kr_address(r: random.Random, o: Origin) -> list[Segment]:
    district, city = r.choice(o.cities).split("|")
    road = f"{r.choice(o.streets)}-{r.choice(['ro', 'gil', 'daero'])}"
    street = f"{r.randint(1, 400)} {road}, {district}"
    if r.random() < 0.4:
        street = f"Apt {r.randint(101, 1503)}, {street}"
    return [(street, "STREET_ADDRESS"), (r.choice(["\n", ", "]), None), (city, "LOCATION"),
            (" ", None), (digits(r, "0####"), "ZIP_CODE")]



def _jp_address(r: random.Random, o: Origin) -> list[Segment]:
    district, city = r.choice(o.cities).split("|")
    street = f"{r.randint(1, 5)}-{r.randint(1, 30)}-{r.randint(1, 20)} {r.choice(o.streets)}"
    if r.random() < 0.4:
        street += f", Room {r.randint(101, 1205)}"
    return [(f"{street}, {district}", "STREET_ADDRESS"), (r.choice(["\n", ", "]), None),
            (city, "LOCATION"), (" ", None), (digits(r, "###-####"), "ZIP_CODE")]


def simple_address(street: str, postcode: str | None, postcode_first: bool = False) -> AddressMaker:
    """An address maker for a country that writes ``street`` (``{n}``: a house number, ``{s}``:
    one of the origin's streets), then the postcode of shape ``postcode`` and the city, in the
    order the country uses (``postcode_first``: "28013 Madrid"; else "Leeds LS6 2AB")."""

    def make(r: random.Random, o: Origin) -> list[Segment]:
        line = street.format(n=r.randint(1, 199), s=r.choice(o.streets))
        seg: list[Segment] = [(line, "STREET_ADDRESS"), (r.choice(["\n", ", "]), None)]
        city: list[Segment] = [(r.choice(o.cities), "LOCATION")]
        if postcode is None:
            return seg + city
        code: list[Segment] = [(fill_shape(r, postcode, lowest_n=1), "ZIP_CODE")]
        if postcode_first:
            return [*seg, *code, (" ", None), *city]
        return [*seg, *city, (" ", None), *code]

    return make
# --------------------------------------------------------------------------- the origins

ORIGINS: tuple[Origin, ...] = (
    Origin(
        key="us", country="United States", company_fakers=("en_US",), fold_rate=0.0,
        female=_w("""Jennifer Ashley Megan Brittany Kayla Tiffany Shanice Latoya Heather Amber
            Courtney Destiny Madison Brianna Kimberly Crystal Danielle Lindsey Taylor Savannah
            Keisha Ebony Whitney Rebecca Jessica Sarah Emily Elizabeth Mary Patricia Linda Lisa
            Nicole Stephanie Samantha Amanda"""),
        male=_w("""Tyler Cody Brandon Dustin Travis Jamal DeShawn Tyrone Kyle Justin Bradley Garrett
            Colton Hunter Darnell Marcus Wyatt Logan Chase Trevor Derek Caleb Jeremiah Terrell James
            John Robert Michael William David Christopher Matthew Joshua Daniel Anthony Andrew"""),
        family=_w("""Johnson Williams Brown Jones Miller Davis Wilson Anderson Thomas Jackson White
            Harris Martin Thompson Robinson Walker Young Allen King Wright Hill Scott Green Baker
            Adams Nelson Carter Mitchell Campbell Roberts Washington Jefferson Freeman Brooks Smith
            Garcia Rodriguez Martinez Lopez Gonzalez Hernandez Moore Taylor Lee Clark Lewis"""),
        phones=("(N##) N##-####", "N##-N##-####", "N##.N##.####", "+1 N## N## ####",
                "1-N##-N##-####"),
        email_domains=("gmail.com", "yahoo.com", "aol.com", "comcast.net", "icloud.com"),
        streets=_w("""Maple_Ave Oak_Street Pine_Ridge_Rd Cedar_Lane Elm_St. Willow_Creek_Dr
            Highland_Avenue Lakeview_Blvd Sycamore_Ct Magnolia_Way Hickory_Hill_Rd Birch_Street
            Chestnut_Pl Sunset_Boulevard Meadowbrook_Ln Jefferson_St Lincoln_Ave Park_Place"""),
        cities=_w("""Springfield|IL Columbus|OH Knoxville|TN Tulsa|OK Wichita|KS Fresno|CA
            Lubbock|TX Albany|NY Raleigh|NC Tacoma|WA Boise|ID Des_Moines|IA Mobile|AL Lexington|KY
            Greenville|SC Reno|NV Toledo|OH Fort_Wayne|IN"""),
        address=_us_address, date_styles=("us_num", "us_long"),
    ),
    Origin(
        key="mexico", country="Mexico", company_fakers=("es_MX",), double_family=0.4,
        female=_w("""Guadalupe María_José Ximena Fernanda Daniela Alejandra Citlali Itzel Yesenia
            Marisol Araceli Rocío Paola Valeria Brenda Leticia Socorro Lupita Maricela Xóchitl
            Nayeli Karla Mónica Verónica Juana Margarita Patricia Rosa Adriana Gabriela Elizabeth
            Sofía Regina Camila Valentina Andrea"""),
        male=_w("""José_Luis Juan_Carlos Alejandro Jesús Francisco Miguel_Ángel Cuauhtémoc Arturo
            Ricardo Rodrigo Eduardo Raúl Joaquín Ernesto Gerardo Salvador Armando Héctor Ignacio
            Rogelio Sergio Efraín Octavio Emiliano Juan José Luis Carlos Jorge Manuel Pedro Fernando
            Santiago Mateo Diego Leonardo"""),
        family=_w("""Hernández García Martínez López González Pérez Rodríguez Sánchez Ramírez Cruz
            Flores Gómez Morales Vázquez Reyes Jiménez Torres Díaz Gutiérrez Ruiz Mendoza Aguilar
            Ortiz Moreno Castillo Romero Álvarez Méndez Chávez Rivera Juárez Domínguez Velázquez
            Zúñiga Guzmán Villalobos Ramos Herrera Medina Castro Vargas Guerrero Estrada Contreras
            Rojas Luna Soto Delgado"""),
        phones=("+52 ## #### ####", "(##) #### ####", "## ####-####", "+52 1 ## #### ####"),
        email_domains=("gmail.com", "hotmail.com", "yahoo.com.mx", "outlook.com", "prodigy.net.mx"),
        streets=_w("""Hidalgo Morelos Juárez Reforma Insurgentes Madero Zaragoza Allende
            Independencia Revolución Niños_Héroes Vallarta Chapultepec Constitución"""),
        cities=_w("""Guadalajara|Jal. Monterrey|N.L. Puebla|Pue. Tijuana|B.C. León|Gto. Mérida|Yuc.
            Querétaro|Qro. Oaxaca|Oax. Hermosillo|Son. Morelia|Mich. Toluca|Méx."""),
        address=_mx_address, date_styles=("dmy_slash",),
    ),
    Origin(
        key="france", country="France", company_fakers=("fr_FR",),
        female=_w("""Camille Chloé Manon Léa Océane Mathilde Clémence Aurélie Élodie Margaux Solène
            Anaïs Capucine Ségolène Brigitte Sandrine Nathalie Véronique Sylvie Isabelle Maëlle Inès
            Apolline Héloïse Marie Julie Céline Stéphanie Emma Jade Louise Alice Lina Chantal
            Françoise Monique"""),
        male=_w("""Mathieu Théo Baptiste Quentin Guillaume Florian Jérôme Benoît Sébastien Thierry
            Pascal Hervé Yannick Gaël Loïc Antoine Clément Arnaud Maxime Rémi Étienne Grégoire
            Aurélien Jean-Baptiste Jean Pierre Michel Philippe Alain Nicolas Christophe Frédéric
            Gabriel Louis Raphaël Hugo"""),
        family=_w("""Martin Bernard Dubois Durand Leroy Moreau Lefebvre Fournier Girard Mercier
            Dupont Lambert Bonnet Rousseau Guérin Lemaire Duval Chevalier Deschamps Carpentier
            Lacroix Rivière Le_Gall Marchal Beaulieu Delacroix Desjardins Tessier Courtois Vasseur
            Lefèvre Gauthier Boulanger Bertrand Roux Fontaine Robert Richard Petit Simon Laurent
            Michel Morel André Blanc Faure"""),
        phones=("0N ## ## ## ##", "+33 N ## ## ## ##", "0N.##.##.##.##", "+33 (0)N ## ## ## ##"),
        email_domains=("orange.fr", "free.fr", "gmail.com", "laposte.net", "sfr.fr"),
        streets=_w("""de_la_République Victor_Hugo Jean_Jaurès des_Lilas du_Général_Leclerc Pasteur
            de_la_Gare Gambetta des_Écoles Voltaire du_Moulin Saint-Michel"""),
        cities=_w("""Paris Lyon Marseille Toulouse Nantes Lille Rennes Montpellier Grenoble Dijon
            Angers Reims Saint-Étienne Aix-en-Provence Besançon"""),
        address=_fr_address, iban_country="FR", date_styles=("dmy_slash", "dmy_long"),
    ),
    Origin(
        key="germany", country="Germany", company_fakers=("de_DE",),
        female=_w("""Ursula Gisela Brigitte Annegret Heike Silke Anke Katrin Birgit Jutta Dörte
            Wiebke Frauke Svenja Jana Lena Leonie Anja Sabine Elke Ingrid Hannelore Waltraud Mareike
            Maria Petra Monika Andrea Stefanie Julia Laura Sophie Emilia Hanna Mia Claudia"""),
        male=_w("""Jürgen Klaus Dieter Wolfgang Uwe Horst Günter Manfred Helmut Rüdiger Torsten Sven
            Jörg Dirk Björn Lars Henning Volker Lukas Maximilian Jannik Florian Matthias Reinhard
            Thomas Michael Andreas Stefan Peter Frank Christian Markus Ben Paul Jonas Felix"""),
        family=_w("""Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann
            Schäfer Koch Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger
            Hartmann Lange Krause Lehmann Köhler Große Brandt Vogt Kühn Ostermann Oberländer
            Weißenberger Riedel Dreher Schmitt Werner Krämer Lang Schumacher Peters Walter Möller
            König Huber Kaiser Fuchs"""),
        phones=("0### #######", "+49 ## ########", "0151 ########", "(0###) ######",
                "+49 (0)### ######"),
        email_domains=("web.de", "gmx.de", "t-online.de", "gmail.com", "posteo.de"),
        streets=_w("""Haupt Linden Goethe Schiller Bahnhof Garten Kirch Berg Wald Mozart Rosen
            Birken Friedrich Bismarck Ahorn Buchen"""),
        cities=_w("""Berlin München Hamburg Köln Stuttgart Düsseldorf Leipzig Dortmund Essen Bremen
            Dresden Hannover Nürnberg Bielefeld Münster Mainz"""),
        address=_de_address, iban_country="DE", date_styles=("dmy_dot", "dmy_long"),
    ),
    Origin(
        key="poland", country="Poland", company_fakers=("pl_PL",),
        female=_w("""Agnieszka Małgorzata Katarzyna Joanna Magdalena Barbara Ewa Dorota Beata
            Grażyna Bożena Jadwiga Krystyna Wiesława Zofia Zuzanna Julia Aleksandra Weronika Justyna
            Halina Danuta Renata Monika Anna Maria Marta Paulina Natalia Karolina Alicja Hanna
            Elżbieta Teresa"""),
        male=_w("""Krzysztof Grzegorz Andrzej Piotr Tomasz Paweł Marcin Michał Łukasz Wojciech
            Jarosław Zbigniew Stanisław Mirosław Ryszard Dariusz Bartosz Jacek Przemysław Sławomir
            Kazimierz Bogdan Mateusz Szymon Jan Adam Marek Kamil Jakub Filip Dawid Henryk"""),
        family=_w("""Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński
            Szymański Woźniak Dąbrowski Kozłowski Jankowski Mazur Kwiatkowski Krawczyk Piotrowski
            Grabowski Pawłowski Michalski Wróbel Jabłoński Król Wieczorek Jaworski Majewski
            Olszewski Stępień Górski Sikora Brzozowski Przybylski Szczepański Chmielewski Zając
            Baran Kaczmarek Duda Adamczyk Dudek Pawlak Walczak Sobczak Czarnecki Sadowski
            Zawadzki"""),
        phones=("+48 ## ### ## ##", "N## ### ###", "+48 N##-###-###", "(##) ### ## ##"),
        email_domains=("wp.pl", "onet.pl", "interia.pl", "o2.pl", "gmail.com"),
        streets=_w("""Długa Krótka Mickiewicza Słowackiego Kościuszki Piłsudskiego Polna Leśna
            Ogrodowa Kwiatowa Lipowa Szkolna Jana_Pawła_II Wojska_Polskiego"""),
        cities=_w("""Warszawa Kraków Łódź Wrocław Poznań Gdańsk Szczecin Bydgoszcz Lublin Białystok
            Katowice Rzeszów Toruń"""),
        address=_pl_address, iban_country="PL", date_styles=("dmy_dot",),
    ),
    Origin(
        key="turkey", country="Turkey", company_fakers=("tr_TR",),
        female=_w("""Ayşe Fatma Emine Hatice Zeynep Elif Merve Büşra Esra Özlem Gülşen Sevgi Derya
            Tuğba Şule Ebru Gizem Nur Dilek Yasemin Hülya Songül Nurcan Çiğdem Zehra Sultan Hacer
            Melek Yeter Esma Rabia Kübra Ecem Defne Ela Azra"""),
        male=_w("""Mehmet Mustafa Ahmet Ali Hüseyin Hasan İbrahim İsmail Osman Yusuf Murat Ömer
            Ramazan Halil Süleyman Abdullah Mahmut Recep Emre Burak Oğuz Serkan Tolga Çağlar Hakan
            Kemal Cem Fatih Eren Yiğit Kerem Barış Onur Uğur Erkan Volkan"""),
        family=_w("""Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan
            Kılıç Aslan Çetin Kara Koç Kurt Özkan Şimşek Polat Korkmaz Erdoğan Güneş Aktaş Karakaya
            Bozkurt Uçar Türkmen Erdem Kahraman Tekin Güler Acar Ateş Özer Coşkun Sarı Ünal Işık
            Avcı Bulut Keskin Turan Tunç"""),
        phones=("+90 5## ### ## ##", "0 (N##) ### ## ##", "05## ### ####", "+90 (N##) ### ####"),
        email_domains=("gmail.com", "hotmail.com", "yandex.com.tr", "outlook.com"),
        streets=_w("""Atatürk İstiklal Cumhuriyet Bağdat Gazi Fevzi_Çakmak Mimar_Sinan Barbaros
            Menekşe Lale Gül Çınar"""),
        cities=_w("""Kadıköy|İstanbul Üsküdar|İstanbul Beşiktaş|İstanbul Çankaya|Ankara
            Keçiören|Ankara Karşıyaka|İzmir Bornova|İzmir Nilüfer|Bursa Muratpaşa|Antalya
            Selçuklu|Konya"""),
        address=_tr_address, iban_country="TR", date_styles=("dmy_dot",),
    ),
    Origin(
        key="nigeria", country="Nigeria", company_fakers=("yo_NG", "ig_NG", "ha_NG"), fold_rate=0.0,
        female=_w("""Chiamaka Ngozi Adaeze Chinwe Ifeoma Nneka Oluwaseun Folake Funmilayo Titilayo
            Yetunde Abimbola Bukola Omolara Temitope Aisha Hauwa Zainab Amina Halima Blessing
            Precious Chidinma Adebimpe Esther Ruth Joy Kemi Chioma Ebere Amarachi Ogechi Fatima
            Maryam Khadija Tolani"""),
        male=_w("""Chukwuemeka Obinna Ikechukwu Chinedu Nnamdi Emeka Babatunde Olumide Adewale
            Ayodele Oluwafemi Segun Tunde Kayode Musa Abubakar Ibrahim Usman Aliyu Sani Godwin
            Kelechi Uchenna Oluwatobi Emmanuel Samuel Daniel John Yusuf Suleiman Chibuike Ifeanyi
            Tochukwu Femi Dapo Ahmed"""),
        family=_w("""Okafor Okonkwo Nwosu Eze Obi Okeke Chukwu Nwachukwu Okoro Adeyemi Adebayo
            Ogunleye Olawale Oyelaran Balogun Akinola Ogunbanjo Adeleke Afolabi Bello Abdullahi
            Danjuma Garba Lawal Oyebanji Ekwueme Okorie Anyanwu Uzoma Ezeani Adegoke Ibekwe Ogundipe
            Olatunji Nwankwo Onyeka Ibrahim Mohammed Yusuf Suleiman Akande Oladipo Ogunyemi"""),
        phones=("+234 80# ### ####", "080# ### ####", "+234 (0)70# ### ####", "081#-###-####",
                "0906 ### ####"),
        email_domains=("gmail.com", "yahoo.com", "yahoo.co.uk", "hotmail.com"),
        streets=_w("""Adeola_Odeku Awolowo Herbert_Macaulay Allen Ogunlana Admiralty Aminu_Kano
            Ahmadu_Bello Obafemi_Awolowo Ozumba_Mbadiwe Bode_Thomas Ogui"""),
        cities=_w("""Ikeja|Lagos|Lagos Surulere|Lagos|Lagos Yaba|Lagos|Lagos
            Lekki_Phase_1|Lagos|Lagos Wuse_II|Abuja|FCT Garki|Abuja|FCT Bodija|Ibadan|Oyo
            GRA|Port_Harcourt|Rivers Nassarawa|Kano|Kano Independence_Layout|Enugu|Enugu"""),
        address=_ng_address, date_styles=("dmy_slash", "dmy_long"),
    ),
    Origin(
        key="kenya", country="Kenya", company_fakers=("en_KE",), fold_rate=0.0,
        female=_w("""Wanjiru Wambui Njeri Nyambura Wanjiku Akinyi Achieng Atieno Awino Chebet
            Jepkoech Jeptoo Chepkemoi Mwende Nduku Kalekye Zawadi Neema Nafula Khadija Mercy Faith
            Nekesa Wairimu Wangari Moraa Kemunto Nyokabi Muthoni Grace Esther Mary Jane Ann Lucy
            Cynthia"""),
        male=_w("""Kamau Njoroge Mwangi Kariuki Otieno Ochieng Odhiambo Omondi Kiprono Kipchoge
            Kiplagat Cheruiyot Mutua Musyoka Wafula Barasa Juma Baraka Onyango Wekesa Kimani Kibet
            Mwenda Githinji John Joseph Peter David James Samuel Ouma Kiprop Langat Mutiso Kiptoo
            Ndirangu"""),
        family=_w("""Kamau Mwangi Njoroge Kariuki Githinji Wambugu Otieno Ochieng Odhiambo Onyango
            Owino Okoth Kiprotich Kipchumba Rotich Cheruiyot Koech Kibet Mutua Musyoka Kilonzo
            Wanyama Wafula Barasa Simiyu Nyongesa Abdi Chege Ngugi Maina Waweru Karanja Omondi Ouma
            Wanjala Nyaga Kiptoo Langat Mutai Kirui Korir Ndungu Gitau Macharia"""),
        middle_female=_w("Wanjiru Akinyi Chebet Mwende Nafula Wambui Atieno Njeri"),
        middle_male=_w("Kamau Otieno Kiprono Mutua Wafula Mwangi Ochieng Kibet"),
        middle_rate=0.35,
        phones=("+254 7## ######", "07## ### ###", "+254 (0)7##-###-###", "0722 ######",
                "+254 20 #######"),
        email_domains=("gmail.com", "yahoo.com", "outlook.com"),
        streets=_w("""Moi Kenyatta Ngong Waiyaki Kimathi Haile_Selassie Argwings_Kodhek Lenana
            Muthaiga Riverside"""),
        cities=_w("""Westlands|Nairobi Kilimani|Nairobi Karen|Nairobi Eastleigh|Nairobi
            Kasarani|Nairobi Nyali|Mombasa Milimani|Kisumu Section_58|Nakuru Elgon_View|Eldoret"""),
        address=_ke_address, date_styles=("dmy_slash",),
    ),
    Origin(
        key="india", country="India", company_fakers=("en_IN",), fold_rate=0.0,
        female=_w("""Priya Ananya Deepika Kavya Lakshmi Meenakshi Pooja Sneha Divya Shreya Aishwarya
            Swati Nandini Gayatri Harpreet Simran Rukmini Sunita Anjali Radhika Bhavana Padmavathi
            Revathi Shalini Aarti Rekha Kavita Neha Ritu Manisha Asha Usha Geeta Shanti Jyoti
            Preeti"""),
        male=_w("""Rahul Arjun Vikram Rajesh Suresh Ramesh Venkatesh Srinivas Aditya Rohan Siddharth
            Karthik Anil Sanjay Manoj Amitabh Gurpreet Harjinder Prakash Naveen Abhishek Vivek
            Balaji Subramanian Amit Sunil Vijay Ravi Deepak Ajay Mohan Ashok Raju Santosh Mahesh
            Ganesh"""),
        family=_w("""Sharma Verma Gupta Patel Shah Mehta Reddy Rao Naidu Iyer Iyengar Nair Menon
            Pillai Krishnan Subramaniam Chatterjee Banerjee Mukherjee Bhattacharya Das Ghosh Singh
            Gill Sandhu Desai Joshi Kulkarni Deshpande Agarwal Khanna Malhotra Kapoor Chaudhary
            Yadav Venkataraman Ramachandran Kumar Mishra Pandey Tiwari Jain Saxena Bose Thakur"""),
        phones=("+91 9#### #####", "+91 8#### #####", "09#### #####", "+91-##-####-####",
                "+91 7#########"),
        email_domains=("gmail.com", "yahoo.co.in", "rediffmail.com", "outlook.com"),
        streets=_w("""MG Gandhi Nehru Tagore Shivaji Ashoka Lotus Sai_Krupa Green_Park Nanda Rajaji
            Vivekananda"""),
        cities=_w("""Andheri_West|Mumbai|Maharashtra Bandra|Mumbai|Maharashtra
            Koramangala|Bengaluru|Karnataka Indiranagar|Bengaluru|Karnataka
            T._Nagar|Chennai|Tamil_Nadu Adyar|Chennai|Tamil_Nadu Banjara_Hills|Hyderabad|Telangana
            Kothrud|Pune|Maharashtra Salt_Lake|Kolkata|West_Bengal Lajpat_Nagar|New_Delhi|Delhi
            Navrangpura|Ahmedabad|Gujarat Kakkanad|Kochi|Kerala"""),
        address=_in_address, date_styles=("dmy_slash", "dmy_dash"),
    ),
    Origin(
        key="vietnam", country="Vietnam", company_fakers=("vi_VN",), family_first=0.75,
        fold_rate=0.5,
        female=_w("""Lan Hương Mai Linh Thảo Trang Ngọc Hà Hạnh Phương Thủy Yến Nhung Hằng Quyên Vy
            Uyên Ánh Diệp Loan Tuyết Oanh Nga Xuân Trâm Chi Giang Hoa Huyền My Nhi Ngân Quỳnh
            Trinh"""),
        male=_w("""Minh Hùng Dũng Tuấn Quang Thắng Long Hải Sơn Phúc Khoa Bảo Huy Đức Trung Hoàng
            Vinh Tâm Thành Nam Cường Lộc Khánh Tài Anh Duy Hiếu Tùng Thịnh Phong Toàn Kiên Nhân
            Quân"""),
        family=_w("""Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh
            Trương Lương Tạ Châu Quách Thái Cao Trịnh Mai Đoàn Tô Hà Lâm Kiều Lưu Đào Vương Triệu
            Tăng Hứa Mạc Tôn Thân"""),
        middle_female=_w("Thị Ngọc Thu Thanh Kim Bích"),
        middle_male=_w("Văn Đức Minh Quốc Hữu Công"),
        middle_rate=0.7,
        phones=("+84 9# ### ####", "09# ### ####", "+84 (0)28 #### ####", "09##.###.###",
                "+84 3########"),
        email_domains=("gmail.com", "yahoo.com.vn", "outlook.com"),
        streets=_w("""Nguyễn_Huệ Lê_Lợi Hai_Bà_Trưng Trần_Hưng_Đạo Điện_Biên_Phủ Lý_Thường_Kiệt
            Pasteur Cách_Mạng_Tháng_Tám Võ_Văn_Tần Phan_Đình_Phùng"""),
        cities=_w("""Ho_Chi_Minh_City TP._Hồ_Chí_Minh Hanoi Hà_Nội Đà_Nẵng Da_Nang Hải_Phòng Cần_Thơ
            Huế Nha_Trang"""),
        address=_vn_address, date_styles=("dmy_slash",),
    ),
    Origin(
        key="china", country="China", company_fakers=("zh_CN",), family_first=0.5, fold_rate=0.0,
        female=_w("""Xiaomei Yuxin Shuang Jingyi Lihua Xiulan Meiling Huiling Yanping Xiaoyan Ruoxi
            Zixuan Yutong Wenjing Qiuyue Lingling Fang Juan Ping Min Hong Yan Dan Ying Jing Na
            Xiuying Li Yun Xia Hui Ting Xue Lina"""),
        male=_w("""Wei Jianguo Zhiqiang Jianhua Xiaoming Haoyu Zihan Yichen Junjie Tianyu Guoqiang
            Zhenhua Hongwei Jun Lei Bin Gang Qiang Peng Feng Hao Kai Xin Zhiyuan Yong Jie Tao Ming
            Chao Yang Long Bo Hai Yi"""),
        family=_w("""Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin
            Luo Zheng Liang Xie Song Tang Han Feng Deng Cao Zeng Xiao Tian Dong Pan Yuan Cai Ye Lu
            Jiang Du Su Wei Cheng Ding Shen Ren Yao"""),
        phones=("+86 13# #### ####", "13#-####-####", "+86 10 #### ####", "+86 21 ########",
                "18# #### ####"),
        email_domains=("qq.com", "163.com", "126.com", "sina.com", "gmail.com"),
        streets=_w("""Nanjing Huaihai Zhongshan Renmin Jiefang Heping Changan Xinhua Jianshe
            Dongfeng"""),
        cities=_w("""Huangpu|Shanghai Pudong_New_Area|Shanghai Xuhui|Shanghai Chaoyang|Beijing
            Haidian|Beijing Tianhe|Guangzhou Nanshan|Shenzhen Wuhou|Chengdu Xihu|Hangzhou
            Wuchang|Wuhan Gulou|Nanjing"""),
        address=_cn_address, date_styles=("iso",),
    ),
    Origin(
        key="arabic", country="Arabic-speaking countries", fold_rate=0.0,
        female=_w("""Fatima Aisha Maryam Noura Hessa Lamya Ghada Rasha Yara Rawan Dana Haya Shaima
            Bushra Ruqayya Sumaya Iman Lubna Nisreen Suha Manal Wafaa Hiba Kholoud Layla Salma Rania
            Nour Hala Amal Dalia Reem Samar Asma"""),
        male=_w("""Mohammed Abdulrahman Abdelilah Marwan Ghassan Yazan Mahmoud Tamer Ayman Hazem
            Moataz Khaled Saif Rakan Mishal Fawaz Nawaf Tareq Anwar Jihad Munir Raed Suhail Zaid
            Ahmed Omar Youssef Hassan Ali Ibrahim Karim Hamza Bilal Nasser Walid"""),
        family=_w("""Al-Jabouri Al-Hashimi Al-Kuwari Al-Shehri Al-Subaie Al-Anazi Abu-Khalil
            Abu_Zaid Bishara Sabbagh Kabbani Haddad Khoury Nassar Mansour Hamdan Barghouti Qasem
            El-Khatib El-Shazly Abdel-Fattah Abdelaziz Ben_Youssef Bensalem El_Idrissi Lahlou
            Benkirane Mahfouz Zayani Darwish Saad Hamid Al_Masri Al-Harbi Al-Otaibi Al-Qahtani
            Al-Ghamdi El-Sayed Ibrahim Hassan Mahmoud Mustafa Khalil"""),
        phones=("+20 1## ### ####", "+962 7 #### ####", "+966 5# ### ####", "+212 6## ## ## ##",
                "+971 5# ### ####", "+961 3 ### ###", "05# ### ####"),
        email_domains=("gmail.com", "hotmail.com", "yahoo.com", "outlook.sa"),
        streets=_w("""Tahrir King_Fahd Hamra Mohammed_V Al-Rashid Al-Nasr Salah_Al-Din
            Gamal_Abdel_Nasser Al-Orouba Zahran"""),
        cities=_w("""Cairo|Egypt Giza|Egypt Alexandria|Egypt Amman|Jordan Irbid|Jordan
            Riyadh|Saudi_Arabia Jeddah|Saudi_Arabia Casablanca|Morocco Rabat|Morocco Beirut|Lebanon
            Dubai|United_Arab_Emirates Tunis|Tunisia"""),
        address=_ar_address, iban_country="SA", date_styles=("dmy_slash",),
    ),
    Origin(
        key="brazil", country="Brazil", company_fakers=("pt_BR",),
        female=_w("""Ana_Clara Beatriz Larissa Letícia Luana Thaís Gabriela Juliana Fernanda Camila
            Jéssica Raquel Vitória Yasmin Rayssa Francisca Antônia Conceição Luciana Patrícia Sônia
            Débora Tatiane Daiane Maria Ana Adriana Aline Bruna Alice Helena Manuela Valentina"""),
        male=_w("""João_Pedro Gustavo Guilherme Matheus Thiago Rafael Vinícius Leonardo Caio Diego
            Rodrigo Fábio Márcio Sérgio Anderson Cláudio Wellington Edson Reginaldo Luiz_Carlos
            Francisco Raimundo Cauã Enzo José João Antônio Carlos Paulo Pedro Lucas Marcos Luiz
            Bernardo Davi Heitor"""),
        family=_w("""da_Silva dos_Santos Oliveira Souza Rodrigues Ferreira Alves Pereira Lima Gomes
            Ribeiro Carvalho Almeida Lopes Soares Fernandes Vieira Barbosa Rocha Dias Nascimento
            Andrade Moreira Nunes Marques Machado Mendes Freitas Cardoso Gonçalves Santana Teixeira
            Cavalcanti Araújo Monteiro Costa Martins Ramos Reis Castro Pinto Batista Correia"""),
        phones=("+55 ## 9####-####", "(##) 9####-####", "(##) N###-####", "+55 (##) 9 ####-####"),
        email_domains=("gmail.com", "uol.com.br", "bol.com.br", "hotmail.com", "terra.com.br"),
        streets=_w("""das_Flores Augusta Sete_de_Setembro XV_de_Novembro Tiradentes Getúlio_Vargas
            Paulista Bahia Amazonas dos_Andradas"""),
        cities=_w("""São_Paulo|SP Rio_de_Janeiro|RJ Belo_Horizonte|MG Salvador|BA Fortaleza|CE
            Recife|PE Curitiba|PR Porto_Alegre|RS Manaus|AM Goiânia|GO Campinas|SP"""),
        address=_br_address, iban_country="BR", date_styles=("dmy_slash",),
    ),
    Origin(
        key="korea", country="South Korea", family_first=0.5, fold_rate=0.0,
        female=_w("""Ji-yeon Seo-yeon Min-seo Ha-eun Ji-woo Su-bin Ye-jin Eun-ji Hye-won Yu-na
            So-young Mi-sook Kyung-hee Young-mi Jung-eun Da-hye Seul-gi Na-yeon Bo-ram Hyo-jin
            Ji-min Soo-jin Eun-young Hye-jin Min-ji Ji-hye Yoon-seo Chae-won Ha-yoon Su-ah Seo-hyun
            Ye-eun"""),
        male=_w("""Min-jun Seo-jun Do-yoon Ji-ho Joon-young Sung-ho Dong-hyun Jae-hyun Hyun-woo
            Tae-hoon Sang-min Young-soo Kwang-ho Chul-soo Jin-woo Woo-jin Seung-hoon Byung-chul
            Jong-min Kyu-won Ji-hoon Hyun-jun Seung-woo Jun-seo Ye-jun Si-woo Ha-jun Do-hyun Ji-hwan
            Min-ho Sung-min Jae-won"""),
        family=_w("""Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn
            Song Yoo Hong Jeon Ko Moon Yang Son Baek Heo Nam Noh Ha Bae Jo Yu Ryu Gu Woo Min Jin Cha
            Byun Um Won"""),
        phones=("+82 10-####-####", "010-####-####", "02-###-####", "+82 2 #### ####",
                "010 #### ####"),
        email_domains=("naver.com", "daum.net", "gmail.com", "kakao.com"),
        streets=_w("""Teheran Gangnam Sejong Olympic Hakdong Dosan Itaewon Yanghwa Haeundae
            Jungang"""),
        cities=_w("""Gangnam-gu|Seoul Mapo-gu|Seoul Songpa-gu|Seoul Jongno-gu|Seoul
            Haeundae-gu|Busan Yeonsu-gu|Incheon Suseong-gu|Daegu Yuseong-gu|Daejeon"""),
        address=_kr_address, date_styles=("iso",),
    ),
    Origin(
        key="japan", country="Japan", family_first=0.4, fold_rate=0.0,
        female=_w("""Yui Aoi Yuna Hina Sakura Mei Rin Yuki Haruka Misaki Ayaka Nanami Yuka Megumi
            Akiko Keiko Kazuko Yoko Michiko Tomoko Naoko Emi Mai Saki Miyu Kaori Noriko Hiromi Ayumi
            Asuka Mio Riko"""),
        male=_w("""Hiroshi Takashi Kenji Satoshi Daiki Haruto Ren Sota Yuto Minato Riku Kaito Takumi
            Shota Kazuki Naoki Yusuke Daisuke Kenta Ryota Takuya Koji Makoto Akira Shin Tetsuya
            Hideki Masato Kazuo Hiroki Sho Jun"""),
        family=_w("""Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato
            Yoshida Yamada Sasaki Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu Yamazaki Mori Abe
            Ikeda Hashimoto Yamashita Ishikawa Nakajima Maeda Fujita Ogawa Goto Okada Hasegawa
            Murakami Kondo Ishii Saito Sakamoto Endo Aoki Fujii Nishimura Fukuda Ota Miura Fujiwara
            Okamoto Matsuda"""),
        phones=("090-####-####", "080-####-####", "+81 90-####-####", "03-####-####",
                "+81 3-####-####"),
        email_domains=("gmail.com", "yahoo.co.jp", "docomo.ne.jp", "icloud.com"),
        streets=_w("""Jingumae Ebisu Shinjuku Roppongi Ginza Nishi-Azabu Umeda Namba Sakae Tenjin
            Minatomirai Kitahama"""),
        cities=_w("""Shibuya-ku|Tokyo Shinjuku-ku|Tokyo Minato-ku|Tokyo Chuo-ku|Osaka Kita-ku|Osaka
            Naka-ku|Nagoya Chuo-ku|Fukuoka Naka-ku|Yokohama Sakyo-ku|Kyoto Chuo-ku|Sapporo"""),
        address=_jp_address, date_styles=("iso",),
    ),
    Origin(
        key="philippines", country="Philippines", company_fakers=("en_PH",), fold_rate=0.0,
        female=_w("""Maria Mary_Grace Jennifer Michelle Kristine Angelica Princess Jasmine Mary_Joy
            Rose Lovely Jessa Marites Rowena Marilou Maricel Jocelyn Cristina Analyn Rachelle Rhea
            Joy Erlinda Corazon Leonora Teresita Luzviminda Rosalinda Divina Imelda Liza Hazel"""),
        male=_w("""Jose Juan John_Paul Mark John_Mark Christian Jerome Rodel Romeo Ramon Ricardo
            Eduardo Antonio Rogelio Danilo Ernesto Rolando Renato Reynaldo Jomar Jayson Ariel Arnel
            Emmanuel Carlo Francis Kenneth Paolo Rey Joel Noel Manuel"""),
        family=_w("""dela_Cruz Garcia Reyes Ramos Mendoza Santos Flores Gonzales Bautista Villanueva
            Fernandez Cruz de_Guzman Lopez Perez Castillo Francisco Rivera Aquino Castro Sanchez
            Torres de_Leon Domingo Martinez Rodriguez Santiago Soriano Delos_Santos Diaz Hernandez
            Tolentino Valdez Ramirez Morales Mercado Tan Aguilar Navarro Manalo Gutierrez Pascual
            Salazar Dizon Macaraeg Dimaculangan Magbanua Lacson"""),
        middle_female=_w("Santos Reyes Cruz Bautista Ocampo Mercado Villanueva Aquino"),
        middle_male=_w("Santos Reyes Cruz Bautista Ocampo Mercado Villanueva Aquino"),
        middle_rate=0.3,
        phones=("0917 ### ####", "+63 917 ### ####", "+63 9## ### ####", "(02) 8###-####",
                "09##-###-####"),
        email_domains=("gmail.com", "yahoo.com", "yahoo.com.ph", "outlook.com"),
        streets=_w("""Rizal_Street Mabini_Street Bonifacio_Avenue Aguinaldo_Highway Quezon_Avenue
            Luna_Street Burgos_Street Del_Pilar_Street Katipunan_Avenue Shaw_Boulevard"""),
        cities=_w("""Quezon_City Manila Makati Pasig Taguig Cebu_City Davao_City Iloilo_City Bacolod
            Baguio Cagayan_de_Oro Antipolo"""),
        address=simple_address("{n} {s}", "####"), date_styles=("us_num", "us_long"),
    ),
    Origin(
        key="indonesia", country="Indonesia", company_fakers=("id_ID",), fold_rate=0.0,
        female=_w("""Siti Sri Dewi Nur Putri Ayu Rina Wati Indah Fitri Ratna Yuliana Kartika Lestari
            Wulan Nurul Dian Rahmawati Novita Intan Anisa Aulia Nabila Kurniasih Ningsih Puspita
            Sari Eka Maya Citra Ratih Endang"""),
        male=_w("""Muhammad Ahmad Agus Budi Eko Joko Slamet Bambang Hendra Dedi Andi Rizki Arif
            Yusuf Hadi Dwi Bayu Fajar Rudi Wahyu Irfan Aditya Fikri Dimas Iwan Teguh Supriyadi
            Sutrisno Gilang Putra Adi Yoga"""),
        family=_w("""Wijaya Santoso Susanto Hidayat Saputra Nugroho Siregar Simanjuntak Sitompul
            Hasibuan Lubis Nasution Harahap Pratama Kusuma Setiawan Gunawan Halim Sulistyo Purnomo
            Wibowo Hartono Kurniawan Suharto Rahman Firmansyah Hakim Ramadhan Permana Hutapea Sinaga
            Panjaitan Manurung Situmorang Tanjung Syahputra Prasetyo Utomo Handoko Salim Lim
            Sembiring"""),
        phones=("0812-####-####", "+62 812 #### ####", "+62 21 #######", "(021) #######",
                "0813 #### ####"),
        email_domains=("gmail.com", "yahoo.co.id", "yahoo.com", "outlook.com"),
        streets=_w("""Jl._Sudirman Jl._Thamrin Jl._Gatot_Subroto Jl._Diponegoro Jl._Merdeka
            Jl._Ahmad_Yani Jl._Pemuda Jl._Gajah_Mada Jl._Hayam_Wuruk Jl._Kartini"""),
        cities=_w("""Jakarta Surabaya Bandung Medan Semarang Makassar Palembang Yogyakarta Malang
            Denpasar Bogor Depok"""),
        address=simple_address("{s} No. {n}", "#####"), date_styles=("dmy_slash",),
    ),
    Origin(
        key="thailand", country="Thailand", fold_rate=0.0,
        female=_w("""Somsri Malee Siriporn Sunisa Kanya Pornthip Nattaya Wanida Supaporn Jintana
            Rattana Araya Ploy Pim Chanida Kannika Benjamas Duangjai Nongnuch Pranee Suda Thida
            Waraporn Yupin Anong Kamonwan Lalita Nisa Orathai Phailin Sasithorn Thanyarat"""),
        male=_w("""Somchai Somsak Somporn Sombat Prasert Surachai Wichai Anan Boonmee Chaiwat
            Kittisak Nattapong Pongsak Sakchai Thanawat Wirot Apichat Chatchai Ekachai Kiat Narong
            Preecha Sarawut Supachai Teerapong Thawatchai Wanchai Yutthana Arthit Krit Phichit
            Suthep"""),
        family=_w("""Saetang Saelim Saeheng Saeyang Saechua Saelee Srisuk Thongdee Kaewkham Bunma
            Chaiyasit Wongsawat Sukprasert Phromma Suwannarat Charoenphon Siriwat Jaidee Boonyarat
            Kittikul Chaiyaporn Srisawat Thongchai Intharasuk Pattanapong Somboon Nakprasit
            Rungruang Wattanakul Sangthong Phanthong Kongsak Sirichai Chantharasuk Yodsuwan
            Panyawong Khamphan Duangkaew Inthong Kaewmanee"""),
        phones=("08#-###-####", "+66 8# ### ####", "02-###-####", "+66 2 ### ####",
                "09# ### ####"),
        email_domains=("gmail.com", "hotmail.com", "yahoo.co.th", "outlook.co.th"),
        streets=_w("""Sukhumvit_Road Silom_Road Ratchadaphisek_Road Phahonyothin_Road Rama_IV_Road
            Charoen_Krung_Road Nimmanhaemin_Road Thanon_Phetchaburi"""),
        cities=_w("""Bangkok Chiang_Mai Nonthaburi Khon_Kaen Hat_Yai Nakhon_Ratchasima Pattaya
            Udon_Thani Phuket Chiang_Rai"""),
        address=simple_address("{n} {s}", "#####"), date_styles=("dmy_slash",),
    ),
    Origin(
        key="pakistan", country="Pakistan and Bangladesh", fold_rate=0.0,
        female=_w("""Ayesha Fatima Zainab Maryam Hira Sana Mahnoor Iqra Amna Khadija Nadia Rabia
            Saima Shabana Nasreen Rubina Farzana Tahmina Nusrat Sharmin Taslima Shirin Rukhsana
            Bushra Samina Uzma Mehwish Anika Sadia Nazia Shamima Rehana"""),
        male=_w("""Muhammad Ahmed Ali Hassan Usman Bilal Imran Kamran Asif Tariq Faisal Naveed
            Shahid Zubair Waqas Adnan Arif Rashid Rafiq Shafiqul Mizanur Rezaul Anisur Kamal Jamal
            Habib Sohel Rakib Tanvir Shakil Nasir Javed"""),
        family=_w("""Khan Ahmed Ali Hussain Shah Butt Malik Chaudhry Qureshi Sheikh Siddiqui Akhtar
            Iqbal Raza Abbasi Awan Mirza Baig Rana Javed Rehman Hashmi Bhatti Anwar Aslam Rahman
            Hossain Islam Uddin Chowdhury Begum Akter Mia Sarkar Haque Alam Talukder Bhuiyan Karim
            Molla Sikder Mondal Khatun"""),
        phones=("+92 3## #######", "03##-#######", "+92 42 ########", "+880 17## ######",
                "017##-######"),
        email_domains=("gmail.com", "yahoo.com", "hotmail.com", "outlook.com"),
        streets=_w("""Mall_Road Jinnah_Avenue Shahrah-e-Faisal Ferozepur_Road University_Road
            Mirpur_Road Satmasjid_Road Gulshan_Avenue Airport_Road Canal_Road"""),
        cities=_w("""Lahore Karachi Islamabad Rawalpindi Faisalabad Multan Peshawar Dhaka Chittagong
            Sylhet Khulna Rajshahi"""),
        address=simple_address("House {n}, {s}", "#####"), iban_country="PK",
        date_styles=("dmy_slash", "dmy_dash"),
    ),
    Origin(
        key="iran", country="Iran", fold_rate=0.0,
        female=_w("""Fatemeh Zahra Maryam Masoumeh Zeinab Narges Sara Leila Mahsa Niloufar Parisa
            Shirin Roya Fereshteh Mina Azadeh Elham Samira Nazanin Hanieh Ghazal Setareh Mahtab
            Yasaman Shiva Golnaz Sepideh Negar Arezoo Tahereh Soheila Parvaneh"""),
        male=_w("""Mohammad Ali Hossein Reza Mehdi Amir Abolfazl Mahdi Hamid Saeed Majid Mostafa
            Javad Morteza Hassan Ebrahim Behnam Babak Dariush Kourosh Farhad Pouya Arash Omid Navid
            Siavash Kaveh Payam Shahram Bahram Ramin Vahid"""),
        family=_w("""Mohammadi Hosseini Ahmadi Rezaei Moradi Karimi Jafari Rahimi Mousavi Hashemi
            Ghasemi Sadeghi Heidari Akbari Mohammadzadeh Ebrahimi Kazemi Rostami Abbasi Najafi
            Soltani Ghorbani Bagheri Nazari Taheri Amiri Shirazi Tehrani Esfahani Farahani Asadi
            Zamani Safavi Alavi Yazdani Kamali Nouri Jalali Shahbazi Azizi Hosseinzadeh Mirzaei"""),
        phones=("+98 912 ### ####", "0912 ### ####", "+98 21 #### ####", "021-####-####",
                "0935 ### ####"),
        email_domains=("gmail.com", "yahoo.com", "chmail.ir", "outlook.com"),
        streets=_w("""Valiasr_Street Enghelab_Street Azadi_Street Shariati_Street Motahari_Street
            Ferdowsi_Avenue Hafez_Street Chaharbagh_Avenue Zand_Boulevard Imam_Reza_Street"""),
        cities=_w("""Tehran Mashhad Isfahan Shiraz Tabriz Karaj Qom Ahvaz Kermanshah Rasht Yazd
            Kerman"""),
        address=simple_address("No. {n}, {s}", "#####-#####"), date_styles=("iso",),
    ),
    Origin(
        key="israel", country="Israel", fold_rate=0.0,
        female=_w("""Noa Tamar Maya Yael Shira Adi Talia Avigail Hila Michal Efrat Orly Sarit Limor
            Galit Keren Liat Rivka Esther Miriam Hadas Noya Romi Ayala Shani Neta Inbal Dana Roni
            Yarden Sivan Osnat"""),
        male=_w("""Yosef David Moshe Avraham Itai Noam Ariel Eitan Yonatan Omer Amit Uri Yair Gil
            Oren Eyal Ronen Ofer Tal Nadav Asaf Shlomo Yehuda Yitzhak Menachem Gilad Lior Erez Doron
            Avi Boaz Amir"""),
        family=_w("""Cohen Levi Mizrahi Peretz Biton Dahan Avraham Friedman Azoulay Malka Katz Yosef
            Amar Ohana Hadad Gabay Ben-David Ben-Haim Shapiro Segal Goldberg Rosenberg Weiss Klein
            Levin Ashkenazi Shalom Alon Sasson Barak Golan Carmel Ben-Ami Navon Harel Elbaz
            Ben-Shimon Avital Mor Zur"""),
        phones=("+972 5#-###-####", "05#-###-####", "03-###-####", "+972 3-###-####",
                "02-###-####"),
        email_domains=("gmail.com", "walla.co.il", "012.net.il", "outlook.com"),
        streets=_w("""Herzl Dizengoff Ben_Yehuda Rothschild Jabotinsky Allenby Weizmann HaNevi'im
            Ibn_Gabirol Bialik"""),
        cities=_w("""Tel_Aviv Jerusalem Haifa Rishon_LeZion Petah_Tikva Ashdod Netanya Beersheba
            Holon Ramat_Gan Rehovot Herzliya"""),
        address=simple_address("{s} St {n}", "#######"), iban_country="IL",
        date_styles=("dmy_slash", "dmy_dot"),
    ),
    Origin(
        key="ethiopia", country="Ethiopia", fold_rate=0.0,
        female=_w("""Tigist Hirut Meseret Selamawit Bethlehem Almaz Aster Mekdes Hana Tsion Liya
            Meron Eden Birtukan Genet Hiwot Rahel Saba Senait Tsehay Yeshi Zewditu Kidist Mahlet
            Blen Feven Marta Lemlem Abeba Netsanet Frehiwot Tirunesh"""),
        male=_w("""Abebe Dawit Yohannes Solomon Tesfaye Getachew Mulugeta Biruk Henok Samuel Yonas
            Natnael Kaleab Mesfin Tewodros Girma Bereket Fikru Haile Kebede Alemayehu Desta Fasil
            Elias Ermias Habtamu Mekonnen Tadesse Wondimu Yared Zerihun Abel"""),
        family=_w("""Tesfaye Bekele Girma Alemu Haile Tadesse Kebede Wolde Mengistu Getachew Assefa
            Abebe Tekle Gebre Gebremariam Gebremedhin Woldemariam Hailemariam Mulugeta Desta Tilahun
            Lemma Ayele Negash Demissie Mekonnen Shiferaw Berhanu Asfaw Worku Tefera Yilma Fikre
            Gizaw Belay Teshome Amare Wondimu Kassa Mersha Zewde Derese"""),
        phones=("+251 9## ### ###", "09## ### ###", "+251 11 ### ####", "011 ### ####"),
        email_domains=("gmail.com", "yahoo.com", "ethionet.et", "outlook.com"),
        streets=_w("""Bole_Road Churchill_Avenue Africa_Avenue Haile_Gebrselassie_Road
            Ras_Desta_Damtew_Street Cameroon_Street Jomo_Kenyatta_Avenue Mexico_Square"""),
        cities=_w("""Addis_Ababa Dire_Dawa Mekelle Gondar Bahir_Dar Hawassa Adama Jimma Dessie
            Harar"""),
        address=simple_address("House No. {n}, {s}", None), date_styles=("dmy_slash",),
    ),
    Origin(
        key="ghana", country="Ghana", company_fakers=("tw_GH",), fold_rate=0.0,
        female=_w("""Akosua Adwoa Abena Akua Yaa Afua Ama Efua Esi Araba Abla Dzifa Esinam Mawusi
            Enyonam Naa Adjoa Akuba Ewurabena Gifty Comfort Mercy Patience Grace Priscilla Joyce
            Vida Dorcas Abigail Felicia Rita Ohemaa"""),
        male=_w("""Kwame Kwabena Kwaku Yaw Kofi Kwasi Kojo Kwadwo Kwesi Ekow Kobina Fiifi Kodwo Nii
            Selorm Edem Delali Senyo Kwamena Emmanuel Samuel Isaac Prince Eric Ebenezer Richmond
            Bright Kelvin Evans Nana Kwabla Mawuli"""),
        family=_w("""Mensah Owusu Boateng Asante Osei Agyei Appiah Amoah Acheampong Adjei Ofori
            Darko Opoku Antwi Sarpong Frimpong Gyamfi Annan Quaye Tetteh Addo Ansah Nkrumah Amponsah
            Asamoah Bonsu Danquah Kuffour Ampofo Ocran Quartey Lamptey Aryee Agbeko Dogbe Amankwah
            Badu Donkor Fosu Nyarko Yeboah Kyei Oduro"""),
        phones=("+233 2# ### ####", "02# ### ####", "+233 5# ### ####", "05# ### ####",
                "030 ### ####"),
        email_domains=("gmail.com", "yahoo.com", "hotmail.com", "outlook.com"),
        streets=_w("""Oxford_Street Liberation_Road Independence_Avenue Ring_Road Kojo_Thompson_Road
            Castle_Road Osu_Badu_Street Spintex_Road Nkrumah_Avenue Harper_Road"""),
        cities=_w("""Accra Kumasi Tamale Takoradi Cape_Coast Tema Koforidua Sunyani Ho Obuasi Madina
            Teshie"""),
        address=simple_address("{n} {s}", None), date_styles=("dmy_slash", "dmy_long"),
    ),
    Origin(
        key="south_africa", country="South Africa", company_fakers=("zu_ZA",), fold_rate=0.0,
        female=_w("""Thandiwe Nomvula Lerato Palesa Zanele Nokuthula Ayanda Busisiwe Nomsa Sibongile
            Thembi Lindiwe Refilwe Naledi Dineo Kgomotso Nthabiseng Zodwa Zinhle Amahle Nosipho
            Khanyisile Mbali Precious Annelie Elize Marietjie Charlene Chantelle Michelle Bronwyn
            Nandi"""),
        male=_w("""Sipho Thabo Themba Bongani Mandla Sibusiso Lungile Tshepo Kagiso Mthunzi
            Siyabonga Jabulani Lwandile Sizwe Vusi Musa Tebogo Kabelo Lesego Katlego Xolani Zola
            Andile Mpho Johan Pieter Willem Hendrik Gerhard Francois Jacques Ruan"""),
        family=_w("""Nkosi Dlamini Ndlovu Khumalo Sithole Mahlangu Mokoena Mthembu Zulu Ngcobo
            Buthelezi Mkhize Shabalala Molefe Mabaso Nxumalo Zwane Cele Gumede Hadebe Ntuli Radebe
            Maseko Mazibuko Mofokeng Mokwena Baloyi Chauke Maluleke Nkuna Naidoo Pillay Govender
            van_der_Merwe Botha Pretorius Smit du_Plessis Venter Coetzee Fourie Nel van_Wyk Jacobs
            le_Roux"""),
        phones=("+27 8# ### ####", "08# ### ####", "+27 11 ### ####", "011 ### ####",
                "07# ### ####"),
        email_domains=("gmail.com", "webmail.co.za", "mweb.co.za", "outlook.com"),
        streets=_w("""Jan_Smuts_Avenue Oxford_Road Long_Street Voortrekker_Road Main_Road
            Church_Street Vilakazi_Street Florida_Road Beyers_Naudé_Drive Nelson_Mandela_Drive"""),
        cities=_w("""Johannesburg Soweto Pretoria Durban Cape_Town Gqeberha Bloemfontein
            Pietermaritzburg Polokwane Mbombela East_London Kimberley"""),
        address=simple_address("{n} {s}", "####"), date_styles=("iso", "dmy_long"),
    ),
    Origin(
        key="spain", country="Spain", company_fakers=("es_ES",), fold_rate=0.4,
        double_family=0.6,
        female=_w("""María Carmen Lucía Laura Marta Paula Sara Ana Cristina Elena Isabel Pilar
            Dolores Rosario Mercedes Montserrat Nuria Raquel Silvia Beatriz Alba Irene Claudia
            Noelia Rocío Inmaculada Encarnación Concepción Begoña Amaia Ainhoa Itziar Sofía
            Martina"""),
        male=_w("""Antonio Manuel José Francisco David Juan Javier Daniel Carlos Jesús Alejandro
            Miguel Rafael Pablo Pedro Ángel Sergio Fernando Jorge Luis Alberto Álvaro Adrián Diego
            Iker Hugo Mario Rubén Íñigo Jordi Xavier Unai Gonzalo Joaquín Ramón"""),
        family=_w("""García Rodríguez González Fernández López Martínez Sánchez Pérez Gómez Martín
            Jiménez Ruiz Hernández Díaz Moreno Muñoz Álvarez Romero Alonso Gutiérrez Navarro Torres
            Domínguez Vázquez Ramos Gil Ramírez Serrano Blanco Molina Morales Suárez Ortega Delgado
            Castro Ortiz Rubio Marín Sanz Iglesias Núñez Medina Garrido Cortés Castillo Lozano
            Guerrero Cano Prieto Méndez Calvo Gallego Vidal Etxeberria Puig"""),
        phones=("+34 6## ### ###", "6## ## ## ##", "91 ### ## ##", "+34 91 ### ## ##",
                "6########"),
        email_domains=("gmail.com", "hotmail.es", "yahoo.es", "telefonica.net", "outlook.es"),
        streets=_w("""Calle_Mayor Calle_Real Gran_Vía Calle_de_Alcalá Avenida_de_la_Constitución
            Paseo_de_Gracia Calle_Serrano Calle_Colón Plaza_de_España Calle_San_Vicente"""),
        cities=_w("""Madrid Barcelona Valencia Sevilla Zaragoza Málaga Murcia Bilbao Alicante
            Córdoba Valladolid Vigo Granada Palma"""),
        address=simple_address("{s}, {n}", "#####", postcode_first=True), iban_country="ES",
        date_styles=("dmy_slash", "dmy_long"),
    ),
    Origin(
        key="italy", country="Italy", company_fakers=("it_IT",), fold_rate=0.3,
        female=_w("""Giulia Sofia Aurora Alice Ginevra Emma Giorgia Beatrice Francesca Chiara Maria
            Anna Giuseppina Rosa Angela Giovanna Teresa Lucia Carmela Caterina Valentina Federica
            Silvia Elisa Martina Alessandra Paola Roberta Elena Simona Serena Ilaria Antonella
            Daniela"""),
        male=_w("""Giuseppe Giovanni Antonio Mario Luigi Francesco Angelo Vincenzo Pietro Salvatore
            Carlo Franco Domenico Bruno Paolo Michele Giorgio Aldo Sergio Luciano Alessandro Andrea
            Matteo Lorenzo Leonardo Marco Luca Stefano Davide Simone Gabriele Riccardo Tommaso
            Federico Niccolò"""),
        family=_w("""Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno
            Gallo Conti De_Luca Mancini Costa Giordano Rizzo Lombardi Moretti Barbieri Fontana
            Santoro Mariani Rinaldi Caruso Ferrara Galli Martini Leone Longo Gentile Martinelli
            Vitale Lombardo Serra Coppola De_Santis D'Angelo Marchetti Parisi Villa Conte Ferraro
            Ferri Fabbri Bianco Marini Grasso Valentini Messina Sala"""),
        phones=("+39 3## ### ####", "3## #######", "06 ########", "+39 02 ########",
                "3##-###-####"),
        email_domains=("gmail.com", "libero.it", "virgilio.it", "alice.it", "tiscali.it"),
        streets=_w("""Via_Roma Via_Garibaldi Corso_Italia Via_Mazzini Via_Dante
            Corso_Vittorio_Emanuele Via_Verdi Piazza_della_Repubblica Via_Cavour
            Viale_dei_Mille"""),
        cities=_w("""Roma Milano Napoli Torino Palermo Genova Bologna Firenze Bari Catania Verona
            Venezia Padova Trieste"""),
        address=simple_address("{s} {n}", "#####", postcode_first=True), iban_country="IT",
        date_styles=("dmy_slash", "dmy_long"),
    ),
    Origin(
        key="russia", country="Russia and Ukraine", fold_rate=0.0,
        female=_w("""Anastasia Maria Daria Anna Elena Olga Tatiana Natalia Irina Svetlana Ekaterina
            Yulia Ksenia Alina Polina Sofia Viktoria Valentina Galina Lyudmila Nadezhda Oksana
            Larisa Marina Vera Lyubov Kristina Yana Alyona Veronika Olena Kateryna Iryna Halyna"""),
        male=_w("""Aleksandr Sergei Dmitry Andrei Alexei Maxim Ivan Mikhail Nikolai Vladimir Evgeny
            Artem Pavel Igor Oleg Yuri Roman Denis Anton Kirill Viktor Konstantin Vadim Vasily Ilya
            Gleb Bogdan Taras Oleksandr Volodymyr Mykola Andriy Serhiy Yaroslav"""),
        family=_w("""Ivanov Smirnov Kuznetsov Popov Vasiliev Petrov Sokolov Mikhailov Novikov
            Fedorov Morozov Volkov Alekseev Lebedev Semenov Egorov Pavlov Kozlov Stepanov Nikolaev
            Orlov Andreev Makarov Nikitin Zakharov Zaitsev Soloviev Borisov Yakovlev Grigoriev
            Romanov Vorobiev Sergeev Frolov Belov Shevchenko Kovalenko Bondarenko Tkachenko
            Kravchenko Oliynyk Boyko Melnyk Koval Kovalchuk Polishchuk Lysenko Rudenko Savchenko
            Marchenko Kalinin Kovalevsky"""),
        middle_female=_w("""Aleksandrovna Sergeevna Ivanovna Vladimirovna Nikolaevna Petrovna
            Mikhailovna Andreevna"""),
        middle_male=_w("""Aleksandrovich Sergeevich Ivanovich Vladimirovich Nikolaevich Petrovich
            Mikhailovich Andreevich"""),
        middle_rate=0.25,
        phones=("+7 9## ###-##-##", "8 (9##) ###-##-##", "+7 (495) ###-##-##",
                "+380 ## ### ## ##", "8-9##-###-##-##"),
        email_domains=("mail.ru", "yandex.ru", "gmail.com", "ukr.net", "rambler.ru"),
        streets=_w("""ul._Lenina ul._Pushkina ul._Gagarina pr._Mira ul._Sadovaya ul._Tverskaya
            Nevsky_pr. vul._Khreshchatyk ul._Sovetskaya ul._Shevchenko"""),
        cities=_w("""Moscow Saint_Petersburg Novosibirsk Yekaterinburg Kazan Nizhny_Novgorod Samara
            Kyiv Kharkiv Odesa Lviv Dnipro"""),
        address=simple_address("{s}, d. {n}", "######"), date_styles=("dmy_dot",),
    ),
    Origin(
        key="greece", country="Greece", fold_rate=0.0,
        female=_w("""Maria Eleni Aikaterini Vasiliki Sofia Angeliki Georgia Dimitra Konstantina
            Paraskevi Ioanna Evangelia Christina Panagiota Anastasia Athanasia Despoina Stavroula
            Eirini Kyriaki Theodora Alexandra Chrysoula Zoi Foteini Niki Argyro Efthymia Magdalini
            Marina Styliani Katerina"""),
        male=_w("""Georgios Ioannis Konstantinos Dimitrios Nikolaos Panagiotis Vasileios Christos
            Athanasios Michail Evangelos Spyridon Antonios Anastasios Theodoros Andreas Charalampos
            Alexandros Emmanouil Ilias Stavros Petros Sotirios Stylianos Eleftherios Apostolos
            Kyriakos Pavlos Gerasimos Giorgos Kostas Yannis Dimitris Panos"""),
        family=_w("""Papadopoulos Papadakis Papageorgiou Georgiou Oikonomou Vasileiou Nikolaou
            Karagiannis Papanikolaou Dimitriou Ioannou Konstantinidis Pappas Makris Georgiadis
            Papadimitriou Athanasiou Christodoulou Antoniou Alexiou Theodorou Vlachos Nikolaidis
            Angelopoulos Michailidis Kontos Mavridis Panagiotopoulos Stavropoulos Triantafyllou
            Dimopoulos Kyriakou Papaioannou Spanos Lambrou Anagnostou Giannopoulos Sideris Tsakiris
            Petridis Galanis Christou"""),
        phones=("+30 69# ### ####", "69# ### ####", "21# ### ####", "+30 21# #######"),
        email_domains=("gmail.com", "yahoo.gr", "hotmail.com", "otenet.gr"),
        streets=_w("""Ermou Stadiou Panepistimiou Akadimias Patision Vasilissis_Sofias Egnatia
            Tsimiski Kifisias Syngrou"""),
        cities=_w("""Athina Thessaloniki Patra Irakleio Larisa Volos Ioannina Chania Kalamata
            Peiraias Rodos"""),
        address=simple_address("{s} {n}", "### ##", postcode_first=True), iban_country="GR",
        date_styles=("dmy_slash",),
    ),
    Origin(
        key="netherlands", country="Netherlands", company_fakers=("nl_NL",), fold_rate=0.0,
        female=_w("""Emma Julia Mila Tess Sophie Zoë Sara Anna Eva Lotte Sanne Fleur Anouk Lisa
            Femke Maaike Marloes Ingrid Willemijn Annemieke Johanna Geertje Hendrika Wilhelmina
            Cornelia Maria Petra Monique Saskia Ilse Esther Marieke Noor"""),
        male=_w("""Daan Sem Lucas Levi Finn Bram Thijs Jesse Ruben Lars Sven Joost Pieter Jan
            Johannes Cornelis Hendrik Willem Gerrit Jacobus Maarten Wouter Bas Koen Niels Jeroen
            Sander Stijn Thomas Tim Rutger Marco Erik"""),
        family=_w("""de_Jong Jansen de_Vries van_den_Berg van_Dijk Bakker Janssen Visser Smit Meijer
            de_Boer Mulder de_Groot Bos Vos Peters Hendriks van_Leeuwen Dekker Brouwer de_Wit
            Dijkstra Smits de_Graaf van_der_Meer van_der_Linden Kok Jacobs de_Haan Vermeulen
            van_den_Heuvel van_der_Veen van_den_Broek de_Bruijn van_der_Heijden Schouten van_Beek
            Willems van_Vliet van_de_Ven Hoekstra Maas Verhoeven Koster van_Dam van_der_Wal Prins
            Blom Huisman"""),
        phones=("06-########", "+31 6 ########", "020-#######", "+31 (0)20 ### ####",
                "06 ## ## ## ##"),
        email_domains=("gmail.com", "ziggo.nl", "kpnmail.nl", "hotmail.nl", "outlook.com"),
        streets=_w("""Kerkstraat Dorpsstraat Schoolstraat Molenweg Stationsweg Julianastraat
            Beatrixlaan Prinsengracht Wilhelminastraat Hoofdstraat Nieuwstraat Kastanjelaan"""),
        cities=_w("""Amsterdam Rotterdam Utrecht Eindhoven Groningen Tilburg Almere Breda Nijmegen
            Haarlem Arnhem Zwolle Leiden Maastricht"""),
        address=simple_address("{s} {n}", "#### AA", postcode_first=True), iban_country="NL",
        date_styles=("dmy_dash",),
    ),
    Origin(
        key="nordic", country="Nordic countries", company_fakers=("sv_SE",), fold_rate=0.4,
        female=_w("""Anna Maria Eva Karin Kristina Lena Sara Emma Ingrid Astrid Sigrid Elsa Ebba
            Maja Alma Freja Ida Nora Sofie Mette Hanne Kirsten Birgitte Liv Solveig Ragnhild Marit
            Aino Helmi Tuula Päivi Sanna Johanna Linnea Agnes"""),
        male=_w("""Lars Anders Johan Erik Per Karl Nils Mikael Magnus Oskar William Liam Hugo Elias
            Lukas Ole Jens Søren Mads Rasmus Henrik Bjørn Knut Arne Håkon Sindre Jukka Mikko Juha
            Timo Matti Antti Pekka Eero Gustav Axel"""),
        family=_w("""Johansson Andersson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson
            Gustafsson Pettersson Jonsson Lindberg Lindqvist Lindström Bergström Sandberg Lundgren
            Hansen Johansen Olsen Larsen Andersen Pedersen Nilsen Kristiansen Jensen Nielsen
            Rasmussen Christensen Sørensen Madsen Korhonen Virtanen Mäkinen Nieminen Mäkelä
            Hämäläinen Laine Heikkinen Koskinen Järvinen Lehtonen Halvorsen Haugen Berg Dahl Bakke
            Strand"""),
        phones=("+46 7#-### ## ##", "07#-### ## ##", "+47 ### ## ###", "+45 ## ## ## ##",
                "+358 4# ### ####", "04# ### ####"),
        email_domains=("gmail.com", "hotmail.se", "telia.com", "online.no", "outlook.com"),
        streets=_w("""Storgatan Drottninggatan Kungsgatan Vasagatan Karl_Johans_gate Storgata
            Vesterbrogade Nørregade Mannerheimintie Hämeenkatu"""),
        cities=_w("""Stockholm Göteborg Malmö Uppsala Oslo Bergen Trondheim København Aarhus Odense
            Helsinki Tampere Turku"""),
        address=simple_address("{s} {n}", "### ##", postcode_first=True), iban_country="SE",
        date_styles=("iso", "dmy_dot"),
    ),
    Origin(
        key="uk", country="United Kingdom and Ireland", company_fakers=("en_GB",), fold_rate=0.3,
        female=_w("""Olivia Amelia Isla Ava Emily Sophie Charlotte Grace Poppy Lily Jessica Sarah
            Emma Hannah Rebecca Lauren Chloe Gemma Kirsty Louise Claire Nicola Joanne Siobhan Aoife
            Niamh Ciara Saoirse Sinéad Orla Róisín Aisling Caoimhe Eilidh Rhiannon Cerys Bethan
            Megan"""),
        male=_w("""Oliver Harry George Jack Noah Charlie Thomas James William Daniel Jamie Callum
            Lewis Ryan Liam Connor Conor Seán Cian Oisín Darragh Eoin Ciarán Pádraig Fionn Rhys
            Dylan Gareth Dafydd Owain Euan Alistair Hamish Fraser Gavin Declan"""),
        family=_w("""Smith Jones Williams Taylor Davies Brown Evans Wilson Thomas Roberts Johnson
            Lewis Walker Robinson Wood Thompson White Watson Jackson Wright Green Harris Cooper King
            Murphy Kelly O'Sullivan Walsh O'Brien Byrne Ryan O'Connor O'Neill O'Reilly Doyle
            McCarthy Gallagher Doherty Kennedy Lynch Murray Quinn Moore McLaughlin Campbell
            MacDonald Stewart Hughes Price Morgan Griffiths Owen Llewellyn"""),
        phones=("07### ######", "+44 7### ######", "020 #### ####", "+44 (0)20 #### ####",
                "+353 8# ### ####", "08# ### ####"),
        email_domains=("gmail.com", "btinternet.com", "hotmail.co.uk", "eircom.net",
                       "outlook.com"),
        streets=_w("""High_Street Station_Road Church_Lane Victoria_Road Mill_Lane Park_Avenue
            Queen's_Road Manor_Way Main_Street O'Connell_Street Castle_Street Green_Lane"""),
        cities=_w("""London Manchester Birmingham Leeds Glasgow Edinburgh Bristol Cardiff Liverpool
            Belfast Dublin Cork Galway Limerick"""),
        address=simple_address("{n} {s}", "AN# #AA"), iban_country="GB",
        date_styles=("dmy_slash", "dmy_long"),
    ),
)

ORIGIN_KEYS: tuple[str, ...] = tuple(o.key for o in ORIGINS)
BY_KEY: dict[str, Origin] = {o.key: o for o in ORIGINS}

#: Masculine -> feminine surname endings, per origin whose language inflects surnames.
_FEMININE: dict[str, tuple[tuple[str, str], ...]] = {
    "poland": (("dzki", "dzka"), ("ski", "ska"), ("cki", "cka")),
    "russia": (("skiy", "skaya"), ("sky", "skaya"), ("ov", "ova"), ("ev", "eva"), ("in", "ina")),
    "greece": (("os", "ou"), ("is", "i"), ("as", "a")),
}


def feminine_surname(origin: Origin, family: str) -> str:
    """The form of ``family`` a woman bears where the language inflects it (Polish -ski/-ska,
    Russian -ov/-ova, Greek -os/-ou); other surnames unchanged."""
    for masc, fem in _FEMININE.get(origin.key, ()):
        if family.endswith(masc):
            return family[: -len(masc)] + fem
    return family


def base_surname(origin: Origin, family: str) -> str:
    """The listed (masculine) form of ``family`` when it is a listed surname of ``origin`` in
    either form, accents folded or not; else ``family`` itself (a relative's surname)."""
    for listed in origin.family:
        if family in (listed, fold(listed)):
            return family
        if family == feminine_surname(origin, listed):
            return listed
        if family == fold(feminine_surname(origin, listed)):
            return fold(listed)
    return family


def phone_for(rng: random.Random, origin: Origin, formats: Sequence[str] | None = None) -> str:
    """A telephone number in one of the country's formats."""
    return digits(rng, rng.choice(list(formats or origin.phones)))
