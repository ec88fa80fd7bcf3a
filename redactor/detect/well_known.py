"""Organisations known everywhere by one name, which a post names without a capital or a cue:
online platforms and shop chains ("posted it on snapchat", "the greggs in wigan"), public
services and care firms that notes name ("MASSHEALTH", "NEOB"), bands ("coldplay in mumbai"),
and sports clubs ("sixers fans we stay suffering", "Spurs robbed AGAIN").

The lists are data, not guesses from the text: a name here is an organisation wherever it
stands, except a club's nickname that is also an English word ("heat", "jazz", "magic",
"giants", "mets": a note's metastases), which is one only in lay text about sport
(:func:`club_in_context`).
"""

from __future__ import annotations

import re

from redactor.detect.casing import shouting
from redactor.detect.lexicon import (
    clinical_register,
    clinical_register_without,
    lay_register,
    lay_register_without,
    note_register,
)
from redactor.detect.prefilter import folded
from redactor.detect.regexes import alternation

#: Platforms, apps, chains and parties named as organisations in posts and tweets. Not names
#: that are mostly a word, a verb or a product ("apple", "target", "next", "subway", "venmo me",
#: "iphone").
PLATFORMS_AND_CHAINS = (
    "Twitter", "Facebook", "Instagram", "Snapchat", "LinkedIn", "Tumblr", "TikTok", "Reddit",
    "Pinterest", "MySpace", "Netflix", "Spotify", "Hulu", "SoundCloud", "Airbnb", "DoorDash",
    "Deliveroo", "PayPal", "eBay", "Etsy", "Skype", "WeChat", "Weibo", "Fitbit",
    "Microsoft", "Samsung", "Nintendo", "Starbucks", "McDonald's", "McDonalds", "Walmart",
    "Walgreens", "Tesco", "Sainsbury's", "Sainsburys", "Asda", "Primark", "Greggs", "Costco",
    "IKEA", "Verizon", "Vodafone", "T-Mobile", "Chick-fil-A", "Chick fil A", "Trader Joe's",
    "Trader Joes", "Uber", "Lyft", "Amazon", "KFC", "Chipotle", "Cheesecake Factory", "Aldi",
    "Lidl", "Argos", "Morrisons", "Waitrose", "Nando's", "Nandos", "Wetherspoons", "Home Depot",
    "Best Buy", "Whole Foods", "Taco Bell", "Burger King", "Dunkin", "Market Basket",
    # broadcasters and airlines ("tonight on BBC Two", "easyJet cancelled again")
    "BBC One", "BBC Two", "BBC Three", "BBC Four", "ITV", "ITV2", "Channel 4", "Sky News",
    "Sky Sports", "talkSPORT", "ESPN", "CNN", "MSNBC", "Fox News", "HBO", "Comedy Central",
    "easyJet", "Ryanair", "British Airways", "JetBlue", "Ticketmaster", "Lenovo", "Google",
    "Comcast", "Xfinity", "Craigslist", "Revolut", "Monzo", "TfL",
    # leagues ("seven consecutive Premier League games") and firms posts complain to
    "Premier League", "Bundesliga", "La Liga", "Netgear", "AT&T",
    # insurers, home-care firms, laboratories and pharmacies that a case manager's note names
    # ("INSURANCE IS BLUE CROSS BLUE SHIELD", "home health agency Amedisys", "sent to LifeLabs")
    "Blue Cross Blue Shield", "Blue Cross", "BCBS", "Aetna", "Cigna", "Humana",
    "UnitedHealthcare", "Harvard Pilgrim", "Kaiser Permanente", "Amedisys", "Bayada",
    "Visiting Angels", "Comfort Keepers", "LabCorp", "Quest Diagnostics", "LifeLabs", "Rite Aid",
    "Shoppers Drug Mart", "Superdrug", "LloydsPharmacy", "Lloyds Pharmacy", "Rotech",
    # public services and the care, transport, equipment and dialysis firms that notes name
    # ("SW ASSISTING W/ MASSHEALTH APPLICATION", "ARRIVED VIA MEDFLIGHT", "NEOB NOTIFIED",
    # "home infusion by Option Care", "DCF 51A FILED", "HOME SUPPORT APPROVED BY HSE")
    "MassHealth", "Medi-Cal", "NEOB", "New England Organ Bank", "MedFlight", "AirLife",
    "LifeFlight", "Life Flight", "CareFlight", "PHI Air Medical",
    "Meals on Wheels", "Adult Protective Services", "Child Protective Services", "DCF", "RMV",
    "MBTA", "ModivCare", "LogistiCare", "DaVita", "Fresenius", "Lincare", "Apria",
    "Option Care", "Philips Lifeline", "Home Instead", "BrightStar Care", "Care Dimensions",
    "Red Cross", "Salvation Army", "AARP", "HSE", "Tusla", "DVLA", "DWP", "Royal Mail",
    "British Gas", "Carewatch", "Centrelink", "My Aged Care", "NDIS", "QAS", "SE Health",
    "Ontario Health atHome", "WINZ", "NEPA", "OSHA", "SAPS", "MTM", "LanguageLine",
    "Coast Guard", "Apple Health",
    # utilities and banks that a note or a post names ("says he's from Thames Water")
    "Thames Water", "Severn Trent", "Anglian Water", "Yorkshire Water", "Irish Water",
    "Uisce Éireann", "Con Edison", "ConEd", "PG&E", "Eversource", "Capital One",
    "Woolworths", "Kwik Fit",
    # chains of other countries that posts name ("Shoprite in Ikeja no get light today")
    "Shoprite", "Pick n Pay", "Jollibee", "Tim Hortons", "Bunnings", "Canadian Tire",
    "Dollarama",
    # political parties known by one name
    "UKIP", "SNP", "DUP", "GOP", "Tories", "Lib Dems", "Sinn Fein", "Sinn Féin",
)  # fmt: skip

#: Bands that posts name in any case, by names that are no English word ("coldplay in mumbai",
#: "my cousin got me into blackpink"); not "The 1975", which a court writes of an Act. No one
#: person is listed: a singer's name is a person's, which a policy that keeps organisations
#: (``gdpr``) must not keep.
MUSIC = (
    "BTS", "Blackpink", "Coldplay", "Arctic Monkeys", "Slipknot", "One Direction", "Metallica",
    "Radiohead", "Paramore", "Fall Out Boy", "Green Day", "Linkin Park", "Maroon 5",
    "Imagine Dragons", "Twenty One Pilots", "Little Mix", "Fifth Harmony", "5SOS",
    "5 Seconds of Summer", "Jonas Brothers", "Backstreet Boys", "NSYNC", "Spice Girls",
    "Westlife", "McFly", "Kasabian", "Foo Fighters", "Red Hot Chili Peppers", "Gorillaz",
    "Mumford & Sons", "Vampire Weekend", "Kings of Leon", "Snow Patrol", "Guns N' Roses",
    "AC/DC", "Iron Maiden", "Pink Floyd", "Led Zeppelin", "The Beatles", "Rolling Stones",
    "Stray Kids", "EXO", "SNSD", "NewJeans", "LCD Soundsystem", "Boygenius",
)  # fmt: skip

#: Clubs' names that are no English word: a club wherever they stand.
CLUBS = (
    # football
    "Tottenham", "Everton", "Man Utd", "Man United", "Man City", "MUFC", "LFC", "CFC", "THFC",
    "AVFC", "NUFC", "Juventus", "Bayern", "PSG", "Barcelona FC", "Real Madrid",
    "RealMadrid", "Atletico Madrid", "Borussia Dortmund", "Flamengo", "Galatasaray",
    "Fenerbahce", "Fenerbahçe", "Besiktas", "Beşiktaş",
    # basketball
    "Lakers", "Celtics", "Knicks", "76ers", "Sixers", "Cavs", "Mavs", "Timberwolves",
    "Grizzlies",
    # American football
    "Bengals", "Steelers", "Seahawks", "Broncos", "49ers", "Niners", "Texans", "Buccaneers",
    "Bucs", "Redskins",
    # baseball
    "Yankees", "Dodgers", "Astros", "Phillies", "Orioles", "Padres", "Red Sox", "White Sox",
    "Blue Jays",
    # ice hockey
    "Bruins", "Canadiens", "Habs", "Blackhawks", "Oilers", "Canucks", "Maple Leafs", "Sabres",
    # cricket ("RCB fans please take note")
    "RCB", "CSK", "KKR",
)  # fmt: skip

#: Clubs' names that are also English words: clubs only in lay text about sport.
CLUB_WORDS = (
    "Arsenal", "Spurs", "Celtic", "Rangers", "Gunners", "Wolves", "Warriors", "Clippers",
    "Bulls", "Heat", "Nets", "Pistons", "Pacers", "Bucks", "Raptors", "Hawks", "Hornets",
    "Magic", "Wizards", "Rockets", "Mavericks", "Pelicans", "Thunder", "Jazz", "Nuggets",
    "Suns", "Kings", "Blazers", "Patriots", "Packers", "Cowboys", "Chiefs", "Eagles", "Giants",
    "Ravens", "Raiders", "Titans", "Falcons", "Saints", "Panthers", "Vikings", "Bears",
    "Lions", "Jets", "Dolphins", "Bills", "Browns", "Colts", "Jaguars", "Chargers", "Rams",
    "Cardinals", "Mets", "Cubs", "Braves", "Mariners", "Royals", "Tigers", "Twins", "Brewers",
    "Reds", "Pirates", "Marlins", "Rockies", "Angels", "Penguins", "Flames", "Senators",
    "Capitals", "Islanders", "Devils", "Flyers", "Leafs", "Lightning", "Avalanche", "Stars",
    "Predators", "Hurricanes", "Blues", "Sharks", "Ducks", "Kraken", "Coyotes", "Red Wings",
    "Golden Knights", "Guardians", "Trail Blazers", "Hammers", "Toffees", "Magpies", "Foxes",
    "Villa", "Canaries", "Seagulls", "Cherries", "Baggies", "Clarets",
)  # fmt: skip

#: Words that only a text about sport uses (not "beat", "match", "score": a note's words too),
#: as regexes of whole words in any case.
_SPORT_ONLY = ("season", "playoffs?", "fans?", "league", "nba", "nfl", "nhl", "mlb", "epl",
               "coach", "drafted", "quarterback", "touchdowns?", "innings", "pitcher",
               "hat[ ]trick", "kick-?off", "half-?time", "overtime", "mvp", "rookie", "roster",
               "stadium", "super[ ]?bowl", "world[ ]?series", "stanley[ ]?cup", "fa[ ]?cup",
               "referee", "striker", "footy", "derby", "tailgate", "relegat(?:ed|ion)",
               "half[ ]time", "full[ ]time", "extra[ ]time", "#coy[a-z]*", "#[a-z]*derby",
               "[⚽🏀🏈⚾🏒🏉🏏]")  # fmt: skip
#: ... and those that other texts use too.
_SPORT_TOO = ("games?", "team", "match(?:es)?", "win", "beat", "qb", "goals", "scored",
              "penalty", r"vs\.?")
SPORT_ONLY_WORDS = re.compile(rf"(?i)(?<!\w)(?:{'|'.join(_SPORT_ONLY)})(?!\w)")
#: Words of a text about sport.
SPORT_WORDS = re.compile(rf"(?i)(?<!\w)(?:{'|'.join(_SPORT_ONLY + _SPORT_TOO)})(?!\w)")


#: Where a listed name stands as a word of its own: after a space, a quote or "#", or beside
#: another word across a slash ("AARP/UnitedHealthcare", "free care/MassHealth"); never in a
#: handle, a link or a longer word ("@twitter", "twitter.com", "Facebooking"; a slash in a link
#: or a path is :func:`_in_a_link`'s).
_BEFORE = r"(?<![\w@.'’-])(?<![^A-Za-z]/)(?<!^/)"
_AFTER = r"(?![\w@-]|\.\w|/(?![A-Za-z]))"

#: Every listed name in one regex (one pass over a text costs a third of three);
#: :func:`well_known_organisation` tells which list a match is from.
_ALL_NAMES = PLATFORMS_AND_CHAINS + MUSIC + CLUBS + CLUB_WORDS
WELL_KNOWN_REGEX = rf"(?i:{_BEFORE}(?:{alternation(_ALL_NAMES)}){_AFTER})"
#: What a text folded as the prefilter folds it holds where :data:`WELL_KNOWN_REGEX` matches
#: it: a listed name in lower case at a word's start (one search costs half the regex's: no
#: case to fold at each character).
WELL_KNOWN_NEEDS = rf"{_BEFORE}(?:{alternation([folded(n) for n in _ALL_NAMES])})"
CLUB_REGEX = rf"(?i:{_BEFORE}(?:{alternation(CLUBS)}){_AFTER})"
_ALWAYS = frozenset(name.casefold() for name in PLATFORMS_AND_CHAINS + MUSIC + CLUBS)
_PLATFORMS = frozenset(name.casefold() for name in PLATFORMS_AND_CHAINS)
_CLUB = re.compile(CLUB_REGEX)


#: Venues, stadiums, landmarks and airports that posts name in any case ("one direction at the
#: o2 tonight", "the wifi at heathrow", "first time at wrigley"): places, in lay text only
#: (:func:`well_known_venue`; a note's "O2" is oxygen, "MSG" a seasoning).
VENUES = (
    "O2", "O2 Arena", "Madison Square Garden", "MSG", "Wembley", "Brixton Academy",
    "Ally Pally", "Alexandra Palace", "Red Rocks", "Wrigley", "Wrigley Field", "Fenway",
    "Fenway Park", "Old Trafford", "Anfield", "Stamford Bridge", "Etihad Stadium",
    "Emirates Stadium", "Croke Park", "Twickenham", "Murrayfield", "Ibrox", "Celtic Park",
    "Villa Park", "Goodison", "Goodison Park", "St James' Park", "MCG", "SCG", "Eden Gardens",
    "Wankhede", "Hollywood Bowl", "Royal Albert Hall", "Glastonbury", "Coachella", "Temple Bar",
    "Big Ben", "Times Square", "Heathrow", "Gatwick", "Stansted", "JFK", "LAX", "O'Hare",
    "Piccadilly Circus", "Trafalgar Square", "Camden Market", "Borough Market",
)  # fmt: skip
VENUE_REGEX = rf"(?i:{_BEFORE}(?:{alternation(VENUES)}){_AFTER})"
VENUE_NEEDS = rf"{_BEFORE}(?:{alternation([folded(n) for n in VENUES])})"
#: Short names that are a place only where "at", "in", "to" or "from" stands before them
#: ("at msg tmrw", "flight from jfk"; not "no msg added", "ate at JFK's favourite").
_VENUE_AFTER_A_PREPOSITION = frozenset(("msg", "jfk", "lax", "scg", "mcg"))
_PLACE_BEFORE = re.compile(r"(?i:\b(?:at|in|to|from|outside|near)[ \t]+)$")
_THE_BEFORE = re.compile(r"(?i:\bthe[ ])$")


def well_known_venue(match: re.Match[str]) -> bool:
    """Whether a match of :data:`VENUE_REGEX` names the place: never in clinical text (a
    note's "O2" is oxygen); after a preposition of place, or anywhere in lay text; a short name
    only after the preposition, and "O2" only after "the"."""
    text = match.string
    if clinical_register(text):
        return False
    placed = _PLACE_BEFORE.search(text, max(0, match.start() - 10), match.start()) is not None
    name = match.group().casefold()
    if name == "o2":  # the arena, not the gas of a note ("THE O2 WEANED TO 1L")
        before = text[max(0, match.start() - 4) : match.start()]
        return (_THE_BEFORE.search(before) is not None and not before.isupper()
                and not note_register(text))
    if name in _VENUE_AFTER_A_PREPOSITION:
        return placed
    return placed or lay_register(text)


#: Public bodies known everywhere by their initials, which posts and the news name bare ("WHO
#: warns of a rise in dengue", "a referendum on EU membership", "a filing with the SEC"):
#: international organisations, governments' agencies, leagues, broadcasters (not a news
#: agency in a dateline: "PARIS (AFP) -" names no one). In capitals only, and never in clinical
#: text or a shouted line (:func:`public_body`: "WHO GRADE II", "WHO IS THIS").
PUBLIC_BODIES = (
    "UN", "UNICEF", "UNESCO", "UNHCR", "UNRWA", "WHO", "NATO", "IMF", "OECD", "OPEC", "WTO",
    "EU", "ASEAN", "FIFA", "UEFA", "IAAF", "IOC", "ICRC", "MSF", "FBI", "CIA", "NSA",
    "NASA", "CDC", "FDA", "EPA", "IRS", "DHS", "ATF", "DEA", "TSA", "FEMA", "NOAA", "USPS",
    "FTC", "FCC", "SEC", "NIH", "NHS", "HMRC", "DVSA", "MI5", "MI6", "GCHQ", "KGB", "FSB",
    "IDF", "ANC", "ISIS", "ISIL", "NFL", "NBA", "MLB", "NHL", "NCAA", "WWE",
    "UFC", "BBC", "RTÉ", "RTE", "NPR", "PBS", "CBC", "NBC", "CBS",
)  # fmt: skip
PUBLIC_BODY_REGEX = rf"(?<![\w@#/.'’-])(?:{alternation(PUBLIC_BODIES)})(?![\w@/'’-]|\.\w)"
#: What follows a body's initials where they name a grade or a scale ("WHO grade II", "WHO
#: classification") or label a number ("NHS No: 485 777 3456", "DEA AH0602284"), and what a
#: number puts before them ("30 SEC": seconds).
_BODY_TERM_AFTER = re.compile(r"(?i:[ \t]+(?:grade|grading|class|classification|criteria|stage"
                              r"|scale|score|type|functional|performance|no\b|number)\b"
                              r"|[ \t]*(?:[:#]|[A-Z]{1,2}\d))")
_NUMBER_BEFORE = re.compile(r"\d[ \t]*$")


def public_body(match: re.Match[str]) -> bool:
    """Whether a match of :data:`PUBLIC_BODY_REGEX` names the body: in a text that does not
    read as a note (whose "ANC", "CBC" and "DHS" are shorthand), on a line not shouted in
    capitals, not a grade's or a scale's name nor a number's label, and after no number."""
    text = match.string
    if _BODY_TERM_AFTER.match(text, match.end()):
        return False
    if _NUMBER_BEFORE.search(text, max(0, match.start() - 4), match.start()):
        return False
    if shouting(text, match.start(), match.end(), reach=200):
        return False
    return not note_register(text)


#: A British or Irish party by its name before one of its people or bodies ("Labour MP Jess
#: Phillips", "Tory leader", "Lib Dem councillors") or a result ("Labour hold Heywood",
#: "if Conservatives win"): the name alone is a word ("labour"), and so is "Labour minister"
#: (a minister of labour).
PARTY_REGEX = r"""
    (?P<value>Labour|Conservatives?|Tory|Tories|Lib[ ]Dems?|Liberal[ ]Democrats?|Greens?
      |Fianna[ ]F[aá]il|Fine[ ]Gael|Plaid(?:[ ]Cymru)?)
    (?=[ ](?:MPs?|MSPs?|MEPs?|TDs?|AMs?|peers?|councillors?|leader|leadership|party|government
           |candidates?|voters|members|manifesto|conference|whip|backbenchers?
           |frontbench(?:ers?)?|spokesman|spokeswoman|spokesperson
           |holds?|gains?|wins?|won|retains?|takes|majority|landslide|victory)\b)
"""


def well_known_organisation(match: re.Match[str]) -> bool:
    """Whether a match of :data:`WELL_KNOWN_REGEX` names the organisation: a platform, chain
    or club whose name is no word always, a club whose name is a word in context
    (:func:`club_in_context`)."""
    name = match.group().casefold()
    if name in _PLATFORMS and _VERB_USE.match(match.string, match.end()):
        return False  # a platform's name as a verb: "just google it", "uber there"
    if _in_a_link(match):
        return False
    return name in _ALWAYS or club_in_context(match)


#: A word with a slash that is a link, a path or a forum's name: "youtube.com/spotify",
#: "www.x.org/Tesco", "/home/netflix", "r/nba", "~/spotify".
_LINK = re.compile(r"(?i)://|www\.|\.[a-z]{2,}/|^[@/~]|^[a-z]/")


#: How far the word around a name is read each way (a long run without a space is read once
#: per name in it, not to its ends).
_LINK_REACH = 256
_WORD_START = re.compile(r"\S*$")
_WORD_END = re.compile(r"\S*")


def _in_a_link(match: re.Match[str]) -> bool:
    """Whether a listed name joined to its neighbour by a slash stands in a link or a path
    rather than beside another name ("AARP/UnitedHealthcare")."""
    text = match.string
    before, after = text[match.start() - 1 : match.start()], text[match.end() : match.end() + 1]
    if "/" not in (before, after):
        return False  # no slash beside it: a word of its own (see _BEFORE and _AFTER)
    start = _WORD_START.search(text, max(0, match.start() - _LINK_REACH), match.start()).start()
    end = _WORD_END.match(text, match.end(), match.end() + _LINK_REACH).end()
    return _LINK.search(text[start:end]) is not None  # (its "^" is the word's start)


#: What follows a platform's name used as a verb ("google it", "facetime me", "uber there").
_VERB_USE = re.compile(r"[ \t]+(?i:it|that|this|them|him|her|me|us|you|u|how|what|why|where"
                       r"|there|home)\b")


#: A match's score after a club's name, with at most a verb of the result between: "Arsenal
#: 2-0 up", "Patriots down 28-3", "the cubs lost 11-2"; not a range of a measure ("thunder 1-2
#: miles away", "Bears 2-3 times").
_SCORE_AFTER = re.compile(r"""
    [ \t]+(?:(?i:won|lost|lose|beat|drew|draw|down|up|lead|leading|trail(?:ing)?|win)[ \t]+)?
    \d{1,3}[ ]?[-–][ ]?\d{1,3}(?![\d/.:-])
    (?![ \t]*(?i:miles?|mi|km|mins?|minutes|hours?|hrs?|days?|weeks?|wks?|months?|years?|yrs?
                |times|x|kg|lbs?|%|inches|in|feet|ft|people|of|per)\b)
""", re.VERBOSE)


def club_in_context(match: re.Match[str]) -> bool:
    """Whether a club's name that is also a word ("heat", "giants") names the club: the text
    speaks of sport, or names another club, and is in lay language without the name
    (:func:`~redactor.detect.lexicon.lay_register`: "heat" is a clinical word); a short text
    (a tweet: "Habs beat Lightning 4 - 3 ... #StanleyCup playoffs") is enough when it is not
    clinical and uses a word only sport does; so is a score after the name ("Arsenal 2-0 up")
    in a text that is not clinical."""
    text = match.string
    if _SCORE_AFTER.match(text, match.end()) and not clinical_register(text):
        return True  # its score: "Chiefs 2-1 #SowetoDerby", "the cubs lost 11-2"
    if SPORT_WORDS.search(text) is None and _CLUB.search(text) is None:
        return False  # (cheap first: the register reads the text's words; every word only
        # sport uses is a word of sport too)
    if lay_register_without(text, match.start(), match.end()):
        return True
    return (SPORT_ONLY_WORDS.search(text) is not None
            and not clinical_register_without(text, match.start(), match.end()))
