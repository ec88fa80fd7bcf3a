"""Name origins of the training-data generator: where names, addresses and phones come from.

Each :class:`Origin` names the Faker locales that supply its given and family names (romanised
where Faker writes the script natively: ``ja_JP`` and ``zh_CN`` through Faker's romanised names,
Cyrillic through :func:`translit`) or, for groups Faker has no Latin-script names for, short
hand-written lists; and the Faker locale whose street, city, postcode and telephone formats its
addresses use (None: the person lives in the US, as most people in US records do).

These lists are the training generator's own; the audit (``redactor/audits/origins.py``) and the
dev set (``benchmarks/devset``) keep theirs, so neither measures a memorised list.
"""

from __future__ import annotations

from dataclasses import dataclass

from redactor.util import accents

#: A piece of generated text and its entity label (None: not an identifier).
Segment = tuple[str, str | None]

def fold(text: str) -> str:
    """``text`` without diacritics (Nguyễn -> Nguyen, Łukasz -> Lukasz); ``Æ`` written ``AE``,
    as the training names always had it (:func:`redactor.util.accents.fold`)."""
    return accents.fold(text, accents.AE)


def _w(text: str) -> tuple[str, ...]:
    return tuple(text.split())


@dataclass(frozen=True)
class Origin:
    """A group of names and the country formats that go with them.

    ``name_locales``: Faker locales for names (``ja_JP``/``zh_CN``: romanised; ``ru_RU``/``uk_UA``:
    transliterated); ``given_f``/``given_m``/``family``: hand-written lists used instead of, or
    beside, Faker. ``home``: the Faker locale for addresses and phones of someone living in that
    country (None: US formats). ``family_first``: how often the name is written family first.
    """

    key: str
    weight: float
    name_locales: tuple[str, ...] = ()
    given_f: tuple[str, ...] = ()
    given_m: tuple[str, ...] = ()
    family: tuple[str, ...] = ()
    home: str | None = None
    family_first: float = 0.0
    fold_rate: float = 0.45


ORIGINS: tuple[Origin, ...] = (
    Origin("en_US", 6.0, ("en_US",)),
    Origin("en_GB", 1.2, ("en_GB", "en_IE"), home="en_GB"),
    Origin("es_MX", 2.5, ("es_MX", "es_CO", "es_AR"), home="es_MX"),
    Origin("es_ES", 0.8, ("es_ES",), home="es_ES"),
    Origin("pt_BR", 1.0, ("pt_BR", "pt_PT"), home="pt_BR"),
    Origin("fr_FR", 1.0, ("fr_FR", "fr_CA"), home="fr_FR"),
    Origin("de_DE", 1.0, ("de_DE", "de_AT"), home="de_DE"),
    Origin("it_IT", 0.8, ("it_IT",), home="it_IT"),
    Origin("nl_NL", 0.6, ("nl_NL", "nl_BE"), home="nl_NL"),
    Origin("pl_PL", 0.9, ("pl_PL",), home="pl_PL"),
    Origin("cs_RO_HU", 0.7, ("cs_CZ", "ro_RO", "hu_HU", "sk_SK", "hr_HR"), home="cs_CZ"),
    Origin("nordic", 0.5, ("sv_SE", "fi_FI", "no_NO", "da_DK")),
    Origin("ru_UA", 1.0, ("ru_RU", "uk_UA")),
    Origin("tr_TR", 0.9, ("tr_TR", "az_AZ"), home="tr_TR"),
    Origin("in_pk", 2.0, ("en_IN", "en_PK"), home="en_IN"),
    Origin("vi_VN", 1.0, ("vi_VN",), family_first=0.45, home="vi_VN"),
    Origin("zh", 1.5, ("zh_CN", "zh_TW"), family_first=0.45),
    Origin("ja_JP", 0.6, ("ja_JP",), family_first=0.3),
    Origin(
        "ko_KR",
        1.0,
        given_f=_w(
            "Ji-woo Seo-yeon Min-ji Soo-ah Ha-eun Yoon-seo Eun-ji Hye-jin Ji-hye Mi-kyung "
            "Sun-hee Yeon-woo Da-eun Na-rae Bo-ra Jiyoung Sooyeon Minseo Hyunjoo Seulgi"
        ),
        given_m=_w(
            "Min-jun Seo-jun Do-hyun Ji-ho Joon-young Sung-min Dong-hyun Jae-won Hyun-woo "
            "Tae-yang Kyung-ho Sang-woo Jinwoo Minsoo Jaehyun Seungho Youngjae Taehoon"
        ),
        family=_w(
            "Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn "
            "Song Yoo Hong Jeon Ko Moon Yang Baek Nam Noh Ha Kwak Byun"
        ),
        family_first=0.45,
    ),
    Origin(
        "ar",
        1.5,
        given_f=_w(
            "Fatima Aisha Mariam Noor Layla Huda Rania Yasmin Salma Amira Zainab Hanan "
            "Lubna Dalia Samira Nadia Reem Ghada Khadija Asma Mona Rasha"
        ),
        given_m=_w(
            "Mohammed Ahmed Omar Ali Hassan Khalid Youssef Ibrahim Tariq Samir Bilal "
            "Karim Walid Hamza Mustafa Faisal Nabil Rami Ziad Abdullah Mahmoud Anas"
        ),
        family=_w(
            "Al-Masri Haddad Khoury Nasser Mansour Saleh Qasim Farouk Hamdan Abbas Darwish "
            "Al-Amin Suleiman Aziz Mahfouz Bakr El-Sayed Jaber Othman Rahman Al-Tamimi "
            "Habib Shaheen Zaki Barakat Hijazi Issa Ayoub"
        ),
    ),
    Origin(
        "fa_he",
        0.4,
        given_f=_w("Shirin Parisa Leila Maryam Niloufar Talia Noa Yael Shira"),
        given_m=_w("Reza Dariush Kian Babak Arash Eitan Ariel Noam Yosef Avi"),
        family=_w("Tehrani Karimi Hosseini Rahimi Moradi Cohen Levi Mizrahi Peretz Friedman"),
    ),
    Origin("ng", 1.5, ("yo_NG", "ig_NG", "ha_NG", "en_NG")),
    Origin("east_africa", 0.8, ("en_KE", "sw")),
    Origin("south_west_africa", 0.6, ("zu_ZA", "tw_GH")),
    Origin("id_ID", 0.5, ("id_ID",)),
)

BY_KEY: dict[str, Origin] = {o.key: o for o in ORIGINS}

#: US cities with their state (Faker's US cities are invented; real ones read like real text).
US_CITIES: tuple[tuple[str, str], ...] = tuple(
    (item.split("|")[0], item.split("|")[1])
    for item in (
        "Springfield|IL,Columbus|OH,Raleigh|NC,Tucson|AZ,Omaha|NE,Albany|NY,Spokane|WA,Fresno|CA,"
        "Boise|ID,Dayton|OH,Savannah|GA,Madison|WI,Reno|NV,Lansing|MI,Tulsa|OK,Wichita|KS,"
        "Stockton|CA,Durham|NC,Provo|UT,Akron|OH,Tacoma|WA,Toledo|OH,Mobile|AL,Topeka|KS,"
        "Richmond|VA,Norfolk|VA,Worcester|MA,Lowell|MA,Hartford|CT,Camden|NJ,Trenton|NJ,"
        "Erie|PA,Scranton|PA,Allentown|PA,Knoxville|TN,Chattanooga|TN,Lexington|KY,"
        "Louisville|KY,Jackson|MS,Shreveport|LA,Lubbock|TX,Laredo|TX,Amarillo|TX,Waco|TX,"
        "El Paso|TX,San Antonio|TX,Corpus Christi|TX,Des Moines|IA,Sioux Falls|SD,Fargo|ND,"
        "Billings|MT,Cheyenne|WY,Santa Fe|NM,Las Cruces|NM,Eugene|OR,Salem|OR,Anchorage|AK,"
        "Honolulu|HI,Burlington|VT,Portland|ME,Manchester|NH,Providence|RI,Dover|DE,"
        "Baltimore|MD,Silver Spring|MD,Fort Wayne|IN,Gary|IN,Peoria|IL,Rockford|IL,"
        "Green Bay|WI,Duluth|MN,Rochester|MN,St. Paul|MN,Kansas City|MO,St. Louis|MO,"
        "Little Rock|AR,Birmingham|AL,Pensacola|FL,Tampa|FL,Orlando|FL,Hialeah|FL,"
        "Newark|NJ,Yonkers|NY,Bronx|NY,Brooklyn|NY,Oakland|CA,Fremont|CA,Modesto|CA"
    ).split(",")
)

US_STREETS = _w(
    "Maple Oak Pine Cedar Elm Willow Birch Walnut Chestnut Hickory Magnolia Sycamore Laurel "
    "Washington Lincoln Jefferson Madison Franklin Jackson Adams Monroe Hamilton Grant Main "
    "Church Mill Park Lake Hill River Spring Meadow Valley Ridge Forest Prospect Highland "
    "Sunset Orchard Harbor Bay Cherry Dogwood Aspen Poplar Juniper Cypress Fairview Lakeview "
    "Riverside Broad Market Union Center College Academy Mulberry Linden Holly Briar"
)
US_STREET_TYPES = _w(
    "St Street Ave Avenue Rd Road Dr Drive Ln Lane Blvd Ct Court Way Pl Terrace Cir Pkwy"
)
