"""Words of English temporal expressions, as regex fragments and lookup tables.

The regex fragments are matched case-insensitively against raw article text (`grammar.py`),
so they accept the spellings news copy uses: "Dec." and "Dec", "mid-October", "Sept. 30".
"""

from __future__ import annotations

import re

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
SEASONS = ("spring", "summer", "autumn", "fall", "winter")

NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "a couple of": 2,
    "a couple": 2,
    "couple of": 2,
    "a dozen": 12,
    "dozen": 12,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "a hundred": 100,
    "one hundred": 100,
}
for _tens in ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"):
    for _unit_word in ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine"):
        NUMBER_WORDS["%s-%s" % (_tens, _unit_word)] = NUMBER_WORDS[_tens] + NUMBER_WORDS[_unit_word]
# Vague counts, as the (fewest, most) units they are read as; the interval spans both ends.
VAGUE_COUNTS = {
    "a few": (2, 4),
    "few": (2, 4),
    "several": (3, 7),
    "some": (2, 7),
    "a number of": (2, 7),
    "many": (5, 20),
    "": (2, 10),  # "": a bare plural, "years ago"
}

# Regex fragments. Long alternatives first: Python's regex alternation is first-match.
_month_words = sorted(MONTHS, key=len, reverse=True)
_full_months = [w for w in _month_words if len(w) > 4 or w in ("may", "june", "july")]
_abbreviations = [w for w in _month_words if w not in _full_months]
# Only abbreviations take a full stop: "in March." ends a sentence, "Dec." abbreviates.
MONTH = r"(?:(?:%s)\.?|%s)" % ("|".join(_abbreviations), "|".join(_full_months))
WEEKDAY = r"(?:%s)" % "|".join(WEEKDAYS)
SEASON = r"(?:%s)" % "|".join(SEASONS)
DAYPART = r"(?:morning|afternoon|evening|night)"
SP = r"[ \t\u00a0]+"  # words of one expression never span a line break
COMMA = r",?[ \t\u00a0]+"
YEAR = r"(?:1[89]\d\d|20\d\d)"
ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
}
for _unit_word, _n in list(ORDINAL_WORDS.items())[:9]:
    ORDINAL_WORDS["twenty-" + _unit_word] = 20 + _n
ORDINAL_WORDS["thirty-first"] = 31
DAY_NO = r"(?:(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?|%s)" % "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True))
_number_words = sorted(NUMBER_WORDS, key=len, reverse=True)
COUNT = r"(?:\d{1,3}|%s)" % "|".join(w.replace(" ", SP) for w in _number_words)
_vague_words = sorted((w for w in VAGUE_COUNTS if w), key=len, reverse=True)
VAGUE = r"(?:%s)" % "|".join(w.replace(" ", SP) for w in _vague_words)
UNIT = r"(?:days?|weeks?|months?|years?|decades?)"
POSSESSIVE = r"(?:'s|\u2019s)?"

# Prepositions that may open a temporal expression; kept in the expression's text, as the
# contract's example "on Monday" does, and stripped before normalising.
PREPOSITIONS = (
    "on",
    "in",
    "during",
    "since",
    "until",
    "till",
    "by",
    "from",
    "at",
    "before",
    "after",
    "through",
    "throughout",
    "over",
    "around",
    "as of",
    "as early as",
    "earlier in",
    "later in",
    "for",
)
PREPOSITION = r"(?:%s)" % "|".join(sorted((p.replace(" ", SP) for p in PREPOSITIONS), key=len, reverse=True))

# Words whose capitalisation tells a month or weekday from a verb or noun ("may", "march").
CALENDAR_NAME = r"\b(?:%s|%s)\b" % ("|".join(_month_words), "|".join(WEEKDAYS))


def day_value(word: str) -> int:
    """The day of the month a numeral or ordinal stands for ("8th" -> 8, "eighth" -> 8)."""
    word = word.lower()
    digits = re.match(r"\d+", word)
    return int(digits.group()) if digits else ORDINAL_WORDS[word]


def count_value(word: str) -> int:
    """The number a count word or numeral stands for ("two" -> 2, "12" -> 12)."""
    word = " ".join(word.lower().split())
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


# Nouns of an occasion: an event with a day of its own ("the vote Tuesday", "Sunday's attack", "the
# party's victory on Sunday"). A date after such a subject is the occasion's, not the day of a present
# or future predicate that speaks of its consequences (syntax._climb).
OCCASION_NOUNS = {
    "attack",
    "bombing",
    "blast",
    "explosion",
    "shooting",
    "killing",
    "raid",
    "strike",
    "coup",
    "arrest",
    "vote",
    "election",
    "primary",
    "caucus",
    "referendum",
    "win",
    "victory",
    "defeat",
    "loss",
    "meeting",
    "summit",
    "talks",
    "visit",
    "speech",
    "debate",
    "rally",
    "protest",
    "march",
    "demonstration",
    "clash",
    "ruling",
    "verdict",
    "decision",
    "announcement",
    "violence",
    "fighting",
    "unrest",
    "massacre",
    "crackdown",
    "assault",
    "offensive",
    "shelling",
    "incident",
}
