"""Word lists shared by toponym finding and event placing."""
from __future__ import annotations

# Prepositions that place what their clause describes.
LOCATIVE = {"in", "at", "near", "to", "into", "inside", "outside", "across", "throughout", "within",
            "around", "on", "onto", "over", "along", "towards", "toward", "off", "beside"}
# Where something is, rather than where it goes or what it targets.
STATIC = LOCATIVE - {"to", "into", "onto", "towards", "toward", "on", "over"}
DIRECTIONAL = {"to", "into", "towards", "toward"}
# A country after these is where something happened ("in Iran"); after "to" or "on" it is
# usually an addressee or a target ("spoke to Iran", "sanctions on Iran") unless one moves there.
COUNTRY_LOCATIVE = {"in", "inside", "across", "throughout", "within"}
MOVEMENT = {"come", "go", "travel", "fly", "return", "arrive", "move", "head", "flee", "deploy", "send",
            "march", "walk", "drive", "sail", "relocate", "escape", "take", "advance", "push", "retreat"}
# Verbs whose direct object is where the event happens, even when that object is a country.
VISITING = {"visit", "tour", "enter", "reach", "invade", "occupy", "storm", "leave", "cross", "patrol",
            "besiege", "raid", "shell", "bomb", "annex", "overrun", "capture", "seize"}

# Words that name no town however GeoNames spells its towns and units. A direction word alone
# ("Western powers", "Eastern Europe") is no place: Uganda's "Western" region needs its noun
# ("Western Province", "the Western region"). Continents and world regions are not in the
# gazetteer; their names must not fall to a namesake ("Africa" is a GeoNames alternate of a
# Tunisian town, "Gulf" a province of Papua New Guinea, "Asia" a Philippine village).
DIRECTION_WORDS = {"west", "western", "east", "eastern", "north", "northern", "south", "southern", "central",
                   "upper", "lower", "northeast", "northwest", "southeast", "southwest", "north east",
                   "north west", "south east", "south west", "northeastern", "northwestern", "southeastern",
                   "southwestern", "mid", "middle", "interior", "coast", "coastal"}
WORLD_REGIONS = {"africa", "asia", "europe", "oceania", "australasia", "eurasia", "middle east", "the middle east",
                 "near east", "far east", "gulf", "the gulf", "persian gulf", "arabian gulf", "the west", "the east",
                 "levant", "the levant", "maghreb", "the maghreb", "sahel", "the sahel", "balkans", "the balkans",
                 "caucasus", "the caucasus", "caribbean", "the caribbean", "latin america", "south america",
                 "north america", "central america", "central asia", "south asia", "southeast asia", "east asia",
                 "east africa", "west africa", "north africa", "southern africa", "central africa", "horn of africa",
                 "sub saharan africa", "scandinavia", "arctic", "the arctic", "antarctic", "pacific", "atlantic",
                 "mediterranean", "the mediterranean", "western europe", "eastern europe", "global south"}
# English common nouns that GeoNames also has as the name of some village or unit: written
# capitalised at a sentence start or in a title, they are still the noun.
GENERIC_NOUNS = {"union", "republic", "kingdom", "state", "states", "nation", "nations", "capital", "city", "town",
                 "village", "district", "county", "province", "region", "territory", "border", "valley", "bay",
                 "island", "islands", "mountain", "mountains", "river", "lake", "sea", "ocean", "desert", "delta",
                 "plateau", "peninsula", "harbour", "harbor", "port", "airport", "camp", "centre", "center",
                 "police", "army", "justice", "congress", "parliament", "senate", "court", "summit", "mercury",
                 "liberty", "independence", "victory", "unity", "progress", "hope", "paradise", "eden", "of", "is",
                 "no", "not", "as", "and", "say", "said", "will", "may", "march", "june", "july", "august",
                 "minister", "president", "government", "federal", "national", "general", "royal", "media"}
# Abbreviations of international bodies that fold like village names ("E.U." is Eu, France).
BODY_ABBREVIATIONS = {"eu", "un", "nato", "au", "asean", "opec", "imf", "icc", "isis", "isil", "ecowas", "sadc",
                      "g7", "g20", "brics", "oas", "osce", "iaea", "unhcr", "unicef", "wto", "who"}
NOT_PLACE_NAMES = DIRECTION_WORDS | WORLD_REGIONS | GENERIC_NOUNS | BODY_ABBREVIATIONS

# AP-style abbreviations of US states, read only as the qualifier of a place before them
# ("Lewisburg, Pa.", "Arlington, Va."): alone they are too short to be names.
US_STATE_ABBREVIATIONS = {
    "ala": "US.AL", "ariz": "US.AZ", "ark": "US.AR", "calif": "US.CA", "colo": "US.CO", "conn": "US.CT",
    "del": "US.DE", "fla": "US.FL", "ga": "US.GA", "ill": "US.IL", "ind": "US.IN", "kan": "US.KS",
    "ky": "US.KY", "la": "US.LA", "md": "US.MD", "mass": "US.MA", "mich": "US.MI", "minn": "US.MN",
    "miss": "US.MS", "mo": "US.MO", "mont": "US.MT", "neb": "US.NE", "nev": "US.NV", "nh": "US.NH",
    "nj": "US.NJ", "nm": "US.NM", "ny": "US.NY", "nc": "US.NC", "nd": "US.ND", "okla": "US.OK",
    "ore": "US.OR", "pa": "US.PA", "ri": "US.RI", "sc": "US.SC", "sd": "US.SD", "tenn": "US.TN",
    "vt": "US.VT", "va": "US.VA", "wash": "US.WA", "wva": "US.WV", "wis": "US.WI", "wyo": "US.WY",
    "dc": "US.DC",
}
# Nouns of a place's kind between it and the place it lies in: "Kiwanja area of North Kivu",
# "the Lubero territory in North Kivu", "the village of X in Y".
CONTAINMENT_NOUNS = {"area", "district", "territory", "region", "province", "county", "town", "village",
                     "city", "neighbourhood", "neighborhood", "suburb", "camp", "municipality", "governorate",
                     "state", "locality", "commune", "sector", "zone", "prefecture", "department"}
# Verbs and nouns of attacking whose "on X" names where the attack happens, even for a country
# ("missile strikes on Pakistan"), unlike "sanctions on Iran" or "spoke on Iran".
ATTACKING = {"attack", "strike", "airstrike", "raid", "assault", "offensive", "bombardment", "bombing",
             "shelling", "incursion", "invasion", "drone", "missile", "rocket", "fire"}
# Nouns of going somewhere: "a visit to China", "his trip to Kenya" place the event there.
TRAVEL_NOUNS = {"visit", "trip", "journey", "tour", "mission", "voyage", "pilgrimage", "return", "deployment",
                "access", "delegation", "team"}
US_STATE_NAMES = {
    "US.AL": "Alabama", "US.AZ": "Arizona", "US.AR": "Arkansas", "US.CA": "California", "US.CO": "Colorado",
    "US.CT": "Connecticut", "US.DE": "Delaware", "US.FL": "Florida", "US.GA": "Georgia", "US.IL": "Illinois",
    "US.IN": "Indiana", "US.KS": "Kansas", "US.KY": "Kentucky", "US.LA": "Louisiana", "US.MD": "Maryland",
    "US.MA": "Massachusetts", "US.MI": "Michigan", "US.MN": "Minnesota", "US.MS": "Mississippi", "US.MO": "Missouri",
    "US.MT": "Montana", "US.NE": "Nebraska", "US.NV": "Nevada", "US.NH": "New Hampshire", "US.NJ": "New Jersey",
    "US.NM": "New Mexico", "US.NY": "New York", "US.NC": "North Carolina", "US.ND": "North Dakota",
    "US.OK": "Oklahoma", "US.OR": "Oregon", "US.PA": "Pennsylvania", "US.RI": "Rhode Island",
    "US.SC": "South Carolina", "US.SD": "South Dakota", "US.TN": "Tennessee", "US.VT": "Vermont", "US.VA": "Virginia",
    "US.WA": "Washington", "US.WV": "West Virginia", "US.WI": "Wisconsin", "US.WY": "Wyoming",
    "US.DC": "District of Columbia",
}
