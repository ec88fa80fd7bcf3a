"""The name origins of the audit set: given names, surnames, addresses and phone numbers.

Each :class:`Origin` is data: hand-written romanised name lists (written for the audit, apart
from the detectors' own lists), the Faker locales that add more names where Faker has them, and
the street, city and postcode shapes and the telephone formats of the matching country (or
countries, for the Arabic-speaking group). Names are drawn half from the hand-written lists and
half from Faker, so the audit does not only test names that the detectors' Faker-based lists
already hold.

A phone format uses ``#`` for any digit and ``N`` for a digit 2-9.
"""

from __future__ import annotations

import random
import re
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
    """One group of the audit: where a name comes from and how its country writes addresses."""

    key: str
    country: str
    female: tuple[str, ...]
    male: tuple[str, ...]
    family: tuple[str, ...]
    fakers: tuple[str, ...] = ()
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


# --------------------------------------------------------------------------- the origins

ORIGINS: tuple[Origin, ...] = (
    Origin(
        key="us", country="United States", fakers=("en_US",), fold_rate=0.0,
        female=_w("""Jennifer Ashley Megan Brittany Kayla Tiffany Shanice Latoya Heather Amber
            Courtney Destiny Madison Brianna Kimberly Crystal Danielle Lindsey Taylor Savannah
            Keisha Ebony Whitney Rebecca"""),
        male=_w("""Tyler Cody Brandon Dustin Travis Jamal DeShawn Tyrone Kyle Justin Bradley Garrett
            Colton Hunter Darnell Marcus Wyatt Logan Chase Trevor Derek Caleb Jeremiah Terrell"""),
        family=_w("""Johnson Williams Brown Jones Miller Davis Wilson Anderson Thomas Jackson White
            Harris Martin Thompson Robinson Walker Young Allen King Wright Hill Scott Green Baker
            Adams Nelson Carter Mitchell Campbell Roberts Washington Jefferson Freeman Brooks"""),
        phones=("(N##) N##-####", "N##-N##-####", "N##.N##.####", "+1 N## N## ####",
                "1-N##-N##-####"),
        email_domains=("gmail.com", "yahoo.com", "aol.com", "comcast.net", "icloud.com"),
        streets=_w("""Maple_Ave Oak_Street Pine_Ridge_Rd Cedar_Lane Elm_St. Willow_Creek_Dr
            Highland_Avenue Lakeview_Blvd Sycamore_Ct Magnolia_Way Hickory_Hill_Rd Birch_Street
            Chestnut_Pl Sunset_Boulevard Meadowbrook_Ln Jefferson_St Lincoln_Ave Park_Place"""),
        cities=_w("""Springfield|IL Columbus|OH Knoxville|TN Tulsa|OK Wichita|KS Fresno|CA
            Lubbock|TX Albany|NY Raleigh|NC Tacoma|WA Boise|ID Des_Moines|IA Mobile|AL
            Lexington|KY Greenville|SC Reno|NV Toledo|OH Fort_Wayne|IN"""),
        address=_us_address, date_styles=("us_num", "us_long"),
    ),
    Origin(
        key="mexico", country="Mexico", fakers=("es_MX",),
        female=_w("""Guadalupe María_José Ximena Fernanda Daniela Alejandra Citlali Itzel Yesenia
            Marisol Araceli Rocío Paola Valeria Brenda Leticia Socorro Lupita Maricela Xóchitl
            Nayeli Karla Mónica Verónica"""),
        male=_w("""José_Luis Juan_Carlos Alejandro Jesús Francisco Miguel_Ángel Cuauhtémoc Arturo
            Ricardo Rodrigo Eduardo Raúl Joaquín Ernesto Gerardo Salvador Armando Héctor Ignacio
            Rogelio Sergio Efraín Octavio Emiliano"""),
        family=_w("""Hernández García Martínez López González Pérez Rodríguez Sánchez Ramírez
            Cruz Flores Gómez Morales Vázquez Reyes Jiménez Torres Díaz Gutiérrez Ruiz Mendoza
            Aguilar Ortiz Moreno Castillo Romero Álvarez Méndez Chávez Rivera Juárez Domínguez
            Velázquez Zúñiga Guzmán Villalobos"""),
        phones=("+52 ## #### ####", "(##) #### ####", "## ####-####", "+52 1 ## #### ####"),
        email_domains=("gmail.com", "hotmail.com", "yahoo.com.mx", "outlook.com", "prodigy.net.mx"),
        streets=_w("""Hidalgo Morelos Juárez Reforma Insurgentes Madero Zaragoza Allende
            Independencia Revolución Niños_Héroes Vallarta Chapultepec Constitución"""),
        cities=_w("""Guadalajara|Jal. Monterrey|N.L. Puebla|Pue. Tijuana|B.C. León|Gto.
            Mérida|Yuc. Querétaro|Qro. Oaxaca|Oax. Hermosillo|Son. Morelia|Mich. Toluca|Méx."""),
        address=_mx_address, date_styles=("dmy_slash",),
    ),
    Origin(
        key="france", country="France", fakers=("fr_FR",),
        female=_w("""Camille Chloé Manon Léa Océane Mathilde Clémence Aurélie Élodie Margaux Solène
            Anaïs Capucine Ségolène Brigitte Sandrine Nathalie Véronique Sylvie Isabelle Maëlle
            Inès Apolline Héloïse"""),
        male=_w("""Mathieu Théo Baptiste Quentin Guillaume Florian Jérôme Benoît Sébastien Thierry
            Pascal Hervé Yannick Gaël Loïc Antoine Clément Arnaud Maxime Rémi Étienne Grégoire
            Aurélien Jean-Baptiste"""),
        family=_w("""Martin Bernard Dubois Durand Leroy Moreau Lefebvre Fournier Girard Mercier
            Dupont Lambert Bonnet Rousseau Guérin Lemaire Duval Chevalier Deschamps Carpentier
            Lacroix Rivière Le_Gall Marchal Beaulieu Delacroix Desjardins Tessier Courtois
            Vasseur Lefèvre Gauthier Boulanger"""),
        phones=("0N ## ## ## ##", "+33 N ## ## ## ##", "0N.##.##.##.##", "+33 (0)N ## ## ## ##"),
        email_domains=("orange.fr", "free.fr", "gmail.com", "laposte.net", "sfr.fr"),
        streets=_w("""de_la_République Victor_Hugo Jean_Jaurès des_Lilas du_Général_Leclerc
            Pasteur de_la_Gare Gambetta des_Écoles Voltaire du_Moulin Saint-Michel"""),
        cities=_w("""Paris Lyon Marseille Toulouse Nantes Lille Rennes Montpellier Grenoble Dijon
            Angers Reims Saint-Étienne Aix-en-Provence Besançon"""),
        address=_fr_address, iban_country="FR", date_styles=("dmy_slash", "dmy_long"),
    ),
    Origin(
        key="germany", country="Germany", fakers=("de_DE",),
        female=_w("""Ursula Gisela Brigitte Annegret Heike Silke Anke Katrin Birgit Jutta Dörte
            Wiebke Frauke Svenja Jana Lena Leonie Anja Sabine Elke Ingrid Hannelore Waltraud
            Mareike"""),
        male=_w("""Jürgen Klaus Dieter Wolfgang Uwe Horst Günter Manfred Helmut Rüdiger Torsten Sven
            Jörg Dirk Björn Lars Henning Volker Lukas Maximilian Jannik Florian Matthias
            Reinhard"""),
        family=_w("""Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann
            Schäfer Koch Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger
            Hartmann Lange Krause Lehmann Köhler Große Brandt Vogt Kühn Ostermann Oberländer
            Weißenberger Riedel Dreher"""),
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
        key="poland", country="Poland", fakers=("pl_PL",),
        female=_w("""Agnieszka Małgorzata Katarzyna Joanna Magdalena Barbara Ewa Dorota Beata
            Grażyna Bożena Jadwiga Krystyna Wiesława Zofia Zuzanna Julia Aleksandra Weronika
            Justyna Halina Danuta Renata Monika"""),
        male=_w("""Krzysztof Grzegorz Andrzej Piotr Tomasz Paweł Marcin Michał Łukasz Wojciech
            Jarosław Zbigniew Stanisław Mirosław Ryszard Dariusz Bartosz Jacek Przemysław Sławomir
            Kazimierz Bogdan Mateusz Szymon"""),
        family=_w("""Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński
            Szymański Woźniak Dąbrowski Kozłowski Jankowski Mazur Kwiatkowski Krawczyk Piotrowski
            Grabowski Pawłowski Michalski Wróbel Jabłoński Król Wieczorek Jaworski Majewski
            Olszewski Stępień Górski Sikora Brzozowski Przybylski Szczepański Chmielewski"""),
        phones=("+48 ## ### ## ##", "N## ### ###", "+48 N##-###-###", "(##) ### ## ##"),
        email_domains=("wp.pl", "onet.pl", "interia.pl", "o2.pl", "gmail.com"),
        streets=_w("""Długa Krótka Mickiewicza Słowackiego Kościuszki Piłsudskiego Polna Leśna
            Ogrodowa Kwiatowa Lipowa Szkolna Jana_Pawła_II Wojska_Polskiego"""),
        cities=_w("""Warszawa Kraków Łódź Wrocław Poznań Gdańsk Szczecin Bydgoszcz Lublin Białystok
            Katowice Rzeszów Toruń"""),
        address=_pl_address, iban_country="PL", date_styles=("dmy_dot",),
    ),
    Origin(
        key="turkey", country="Turkey", fakers=("tr_TR",),
        female=_w("""Ayşe Fatma Emine Hatice Zeynep Elif Merve Büşra Esra Özlem Gülşen Sevgi Derya
            Tuğba Şule Ebru Gizem Nur Dilek Yasemin Hülya Songül Nurcan Çiğdem"""),
        male=_w("""Mehmet Mustafa Ahmet Ali Hüseyin Hasan İbrahim İsmail Osman Yusuf Murat Ömer
            Ramazan Halil Süleyman Abdullah Mahmut Recep Emre Burak Oğuz Serkan Tolga Çağlar"""),
        family=_w("""Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan
            Kılıç Aslan Çetin Kara Koç Kurt Özkan Şimşek Polat Korkmaz Erdoğan Güneş Aktaş
            Karakaya Bozkurt Uçar Türkmen Erdem Kahraman Tekin Güler Acar Ateş"""),
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
        key="nigeria", country="Nigeria", fakers=("yo_NG", "ig_NG", "ha_NG"), fold_rate=0.0,
        female=_w("""Chiamaka Ngozi Adaeze Chinwe Ifeoma Nneka Oluwaseun Folake Funmilayo Titilayo
            Yetunde Abimbola Bukola Omolara Temitope Aisha Hauwa Zainab Amina Halima Blessing
            Precious Chidinma Adebimpe"""),
        male=_w("""Chukwuemeka Obinna Ikechukwu Chinedu Nnamdi Emeka Babatunde Olumide Adewale
            Ayodele Oluwafemi Segun Tunde Kayode Musa Abubakar Ibrahim Usman Aliyu Sani Godwin
            Kelechi Uchenna Oluwatobi"""),
        family=_w("""Okafor Okonkwo Nwosu Eze Obi Okeke Chukwu Nwachukwu Okoro Adeyemi Adebayo
            Ogunleye Olawale Oyelaran Balogun Akinola Ogunbanjo Adeleke Afolabi Bello Abdullahi
            Danjuma Garba Lawal Oyebanji Ekwueme Okorie Anyanwu Uzoma Ezeani Adegoke Ibekwe"""),
        phones=("+234 80# ### ####", "080# ### ####", "+234 (0)70# ### ####", "081#-###-####",
                "0906 ### ####"),
        email_domains=("gmail.com", "yahoo.com", "yahoo.co.uk", "hotmail.com"),
        streets=_w("""Adeola_Odeku Awolowo Herbert_Macaulay Allen Ogunlana Admiralty Aminu_Kano
            Ahmadu_Bello Obafemi_Awolowo Ozumba_Mbadiwe Bode_Thomas Ogui"""),
        cities=_w("""Ikeja|Lagos|Lagos Surulere|Lagos|Lagos Yaba|Lagos|Lagos
            Lekki_Phase_1|Lagos|Lagos
            Wuse_II|Abuja|FCT Garki|Abuja|FCT Bodija|Ibadan|Oyo GRA|Port_Harcourt|Rivers
            Nassarawa|Kano|Kano Independence_Layout|Enugu|Enugu"""),
        address=_ng_address, date_styles=("dmy_slash", "dmy_long"),
    ),
    Origin(
        key="kenya", country="Kenya", fakers=("en_KE",), fold_rate=0.0,
        female=_w("""Wanjiru Wambui Njeri Nyambura Wanjiku Akinyi Achieng Atieno Awino Chebet
            Jepkoech Jeptoo Chepkemoi Mwende Nduku Kalekye Zawadi Neema Nafula Khadija Mercy
            Faith Nekesa Wairimu"""),
        male=_w("""Kamau Njoroge Mwangi Kariuki Otieno Ochieng Odhiambo Omondi Kiprono Kipchoge
            Kiplagat Cheruiyot Mutua Musyoka Wafula Barasa Juma Baraka Onyango Wekesa Kimani
            Kibet Mwenda Githinji"""),
        family=_w("""Kamau Mwangi Njoroge Kariuki Githinji Wambugu Otieno Ochieng Odhiambo Onyango
            Owino Okoth Kiprotich Kipchumba Rotich Cheruiyot Koech Kibet Mutua Musyoka Kilonzo
            Wanyama Wafula Barasa Simiyu Nyongesa Abdi Chege Ngugi Maina Waweru Karanja"""),
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
        key="india", country="India", fakers=("en_IN",), fold_rate=0.0,
        female=_w("""Priya Ananya Deepika Kavya Lakshmi Meenakshi Pooja Sneha Divya Shreya
            Aishwarya Swati Nandini Gayatri Harpreet Simran Rukmini Sunita Anjali Radhika Bhavana
            Padmavathi Revathi Shalini"""),
        male=_w("""Rahul Arjun Vikram Rajesh Suresh Ramesh Venkatesh Srinivas Aditya Rohan
            Siddharth Karthik Anil Sanjay Manoj Amitabh Gurpreet Harjinder Prakash Naveen Abhishek
            Vivek Balaji Subramanian"""),
        family=_w("""Sharma Verma Gupta Patel Shah Mehta Reddy Rao Naidu Iyer Iyengar Nair Menon
            Pillai Krishnan Subramaniam Chatterjee Banerjee Mukherjee Bhattacharya Das Ghosh Singh
            Gill Sandhu Desai Joshi Kulkarni Deshpande Agarwal Khanna Malhotra Kapoor Chaudhary
            Yadav Venkataraman Ramachandran"""),
        phones=("+91 9#### #####", "+91 8#### #####", "09#### #####", "+91-##-####-####",
                "+91 7#########"),
        email_domains=("gmail.com", "yahoo.co.in", "rediffmail.com", "outlook.com"),
        streets=_w("""MG Gandhi Nehru Tagore Shivaji Ashoka Lotus Sai_Krupa Green_Park Nanda
            Rajaji Vivekananda"""),
        cities=_w("""Andheri_West|Mumbai|Maharashtra Bandra|Mumbai|Maharashtra
            Koramangala|Bengaluru|Karnataka Indiranagar|Bengaluru|Karnataka
            T._Nagar|Chennai|Tamil_Nadu Adyar|Chennai|Tamil_Nadu
            Banjara_Hills|Hyderabad|Telangana Kothrud|Pune|Maharashtra
            Salt_Lake|Kolkata|West_Bengal Lajpat_Nagar|New_Delhi|Delhi
            Navrangpura|Ahmedabad|Gujarat Kakkanad|Kochi|Kerala"""),
        address=_in_address, date_styles=("dmy_slash", "dmy_dash"),
    ),
    Origin(
        key="vietnam", country="Vietnam", fakers=("vi_VN",), family_first=0.75, fold_rate=0.5,
        female=_w("""Lan Hương Mai Linh Thảo Trang Ngọc Hà Hạnh Phương Thủy Yến Nhung Hằng Quyên Vy
            Uyên Ánh Diệp Loan Tuyết Oanh Nga Xuân"""),
        male=_w("""Minh Hùng Dũng Tuấn Quang Thắng Long Hải Sơn Phúc Khoa Bảo Huy Đức Trung Hoàng
            Vinh Tâm Thành Nam Cường Lộc Khánh Tài"""),
        family=_w("""Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh
            Trương Lương Tạ Châu Quách Thái Cao"""),
        middle_female=_w("Thị Ngọc Thu Thanh Kim Bích"),
        middle_male=_w("Văn Đức Minh Quốc Hữu Công"),
        middle_rate=0.7,
        phones=("+84 9# ### ####", "09# ### ####", "+84 (0)28 #### ####", "09##.###.###",
                "+84 3########"),
        email_domains=("gmail.com", "yahoo.com.vn", "outlook.com"),
        streets=_w("""Nguyễn_Huệ Lê_Lợi Hai_Bà_Trưng Trần_Hưng_Đạo Điện_Biên_Phủ Lý_Thường_Kiệt
            Pasteur Cách_Mạng_Tháng_Tám Võ_Văn_Tần Phan_Đình_Phùng"""),
        cities=_w("""Ho_Chi_Minh_City TP._Hồ_Chí_Minh Hanoi Hà_Nội Đà_Nẵng Da_Nang Hải_Phòng
            Cần_Thơ Huế Nha_Trang"""),
        address=_vn_address, date_styles=("dmy_slash",),
    ),
    Origin(
        key="china", country="China", fakers=("zh_CN",), family_first=0.5, fold_rate=0.0,
        female=_w("""Xiaomei Yuxin Shuang Jingyi Lihua Xiulan Meiling Huiling Yanping Xiaoyan Ruoxi
            Zixuan Yutong Wenjing Qiuyue Lingling Fang Juan Ping Min Hong Yan Dan Ying"""),
        male=_w("""Wei Jianguo Zhiqiang Jianhua Xiaoming Haoyu Zihan Yichen Junjie Tianyu Guoqiang
            Zhenhua Hongwei Jun Lei Bin Gang Qiang Peng Feng Hao Kai Xin Zhiyuan"""),
        family=_w("""Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin
            Luo Zheng Liang Xie Song Tang Han Feng Deng Cao Zeng Xiao Tian Dong Pan Yuan Cai"""),
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
            Bushra Ruqayya Sumaya Iman Lubna Nisreen Suha Manal Wafaa Hiba Kholoud"""),
        male=_w("""Mohammed Abdulrahman Abdelilah Marwan Ghassan Yazan Mahmoud Tamer Ayman Hazem
            Moataz Khaled Saif Rakan Mishal Fawaz Nawaf Tareq Anwar Jihad Munir Raed Suhail
            Zaid"""),
        family=_w("""Al-Jabouri Al-Hashimi Al-Kuwari Al-Shehri Al-Subaie Al-Anazi Abu-Khalil
            Abu_Zaid Bishara Sabbagh Kabbani Haddad Khoury Nassar Mansour Hamdan Barghouti Qasem
            El-Khatib El-Shazly Abdel-Fattah Abdelaziz Ben_Youssef Bensalem El_Idrissi Lahlou
            Benkirane Mahfouz Zayani Darwish Saad Hamid Al_Masri"""),
        phones=("+20 1## ### ####", "+962 7 #### ####", "+966 5# ### ####", "+212 6## ## ## ##",
                "+971 5# ### ####", "+961 3 ### ###", "05# ### ####"),
        email_domains=("gmail.com", "hotmail.com", "yahoo.com", "outlook.sa"),
        streets=_w("""Tahrir King_Fahd Hamra Mohammed_V Al-Rashid Al-Nasr Salah_Al-Din
            Gamal_Abdel_Nasser
            Al-Orouba Zahran"""),
        cities=_w("""Cairo|Egypt Giza|Egypt Alexandria|Egypt Amman|Jordan Irbid|Jordan
            Riyadh|Saudi_Arabia Jeddah|Saudi_Arabia Casablanca|Morocco Rabat|Morocco
            Beirut|Lebanon Dubai|United_Arab_Emirates Tunis|Tunisia"""),
        address=_ar_address, iban_country="SA", date_styles=("dmy_slash",),
    ),
    Origin(
        key="brazil", country="Brazil", fakers=("pt_BR",),
        female=_w("""Ana_Clara Beatriz Larissa Letícia Luana Thaís Gabriela Juliana Fernanda Camila
            Jéssica Raquel Vitória Yasmin Rayssa Francisca Antônia Conceição Luciana Patrícia
            Sônia Débora Tatiane Daiane"""),
        male=_w("""João_Pedro Gustavo Guilherme Matheus Thiago Rafael Vinícius Leonardo Caio Diego
            Rodrigo Fábio Márcio Sérgio Anderson Cláudio Wellington Edson Reginaldo Luiz_Carlos
            Francisco Raimundo Cauã Enzo"""),
        family=_w("""da_Silva dos_Santos Oliveira Souza Rodrigues Ferreira Alves Pereira Lima Gomes
            Ribeiro Carvalho Almeida Lopes Soares Fernandes Vieira Barbosa Rocha Dias Nascimento
            Andrade Moreira Nunes Marques Machado Mendes Freitas Cardoso Gonçalves Santana
            Teixeira Cavalcanti Araújo Monteiro"""),
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
            So-young Mi-sook Kyung-hee Young-mi Jung-eun Da-hye Seul-gi Na-yeon Bo-ram Hyo-jin"""),
        male=_w("""Min-jun Seo-jun Do-yoon Ji-ho Joon-young Sung-ho Dong-hyun Jae-hyun Hyun-woo
            Tae-hoon Sang-min Young-soo Kwang-ho Chul-soo Jin-woo Woo-jin Seung-hoon Byung-chul
            Jong-min Kyu-won"""),
        family=_w("""Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn
            Song Yoo Hong Jeon Ko Moon Yang Son Baek Heo Nam Noh Ha"""),
        phones=("+82 10-####-####", "010-####-####", "02-###-####", "+82 2 #### ####",
                "010 #### ####"),
        email_domains=("naver.com", "daum.net", "gmail.com", "kakao.com"),
        streets=_w("""Teheran Gangnam Sejong Olympic Hakdong Dosan Itaewon Yanghwa Haeundae
            Jungang"""),
        cities=_w("""Gangnam-gu|Seoul Mapo-gu|Seoul Songpa-gu|Seoul Jongno-gu|Seoul
            Haeundae-gu|Busan Yeonsu-gu|Incheon Suseong-gu|Daegu Yuseong-gu|Daejeon"""),
        address=_kr_address, date_styles=("iso",),
    ),
)

ORIGIN_KEYS: tuple[str, ...] = tuple(o.key for o in ORIGINS)
BY_KEY: dict[str, Origin] = {o.key: o for o in ORIGINS}

_POLISH_FEMININE = (("ski", "ska"), ("cki", "cka"), ("dzki", "dzka"))


def feminine_surname(origin: Origin, family: str) -> str:
    """The form of ``family`` a woman bears where the language inflects it (Polish -ski/-ska)."""
    if origin.key == "poland":
        for masc, fem in _POLISH_FEMININE:
            if family.endswith(masc):
                return family[: -len(masc)] + fem
    return family


_CLEAN_NAME = re.compile(r"^[^\W\d_]+(?:[ '’-][^\W\d_]+)*$")
_BAD_PARTS = frozenset({"II", "III", "IV", "Jr", "Sr", "MBA", "PhD", "Dr", "Prof"})


def clean_name(name: str) -> str | None:
    """``name`` when it is a plain Latin-letter name (no titles, numerals or scripts we skip)."""
    name = name.strip()
    if not _CLEAN_NAME.match(name) or any(p in _BAD_PARTS for p in re.split(r"[ '’.-]", name)):
        return None
    if any(ord(c) > 0x024F and not 0x1E00 <= ord(c) <= 0x1EFF for c in name):
        return None  # not Latin script (Faker's Chinese characters, Devanagari, ...)
    return name


def phone_for(rng: random.Random, origin: Origin, formats: Sequence[str] | None = None) -> str:
    """A telephone number in one of the country's formats."""
    return digits(rng, rng.choice(list(formats or origin.phones)))
