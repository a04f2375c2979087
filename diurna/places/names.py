"""How place names are compared: one folding used both to build the gazetteer and to look names up."""

from __future__ import annotations

import re
import unicodedata

# Dashes, apostrophes and dots vary between sources ("Al-Quds", "Al Quds"; "Sana'a", "Sana’a";
# "U.S.", "US") without changing the name, so they fold away.
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015_/]+")
_DROPPED = re.compile(r"[.'\u2018\u2019\u02bc\u02bb`´]")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
# "St." and "Ste." are how English writes Saint and Sainte in place names ("St. Petersburg" is
# GeoNames' Saint Petersburg): the abbreviation folds to the word, as a registered variant does.
_SAINT = re.compile(r"\b(st|ste)\b")


# Letters with no decomposition into a base letter and a mark, written in English with these:
# "Diyarbakır" is "Diyarbakir", "Łódź" "Lodz", "Tromsø" "Tromso", "Đakovo" "Dakovo".
_UNDECOMPOSED = str.maketrans(
    {
        "ı": "i",
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ß": "ss",
        "æ": "ae",
        "Æ": "Ae",
        "œ": "oe",
        "Œ": "Oe",
        "þ": "th",
        "ð": "d",
        "ħ": "h",
        "Ħ": "H",
    }
)


def fold(name: str) -> str:
    """The lookup key of a place name: accents stripped, case folded, separators unified.

    "Téhéran" -> "teheran", "Diyarbakır" -> "diyarbakir", "Al-Quds" -> "al quds", "U.S." -> "us",
    "St. Petersburg" -> "saint petersburg".
    """
    decomposed = unicodedata.normalize("NFKD", name.translate(_UNDECOMPOSED))
    without_marks = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    cleaned = _DROPPED.sub("", without_marks)
    key = _SEPARATORS.sub(" ", cleaned).strip().casefold()
    if "st" in key:
        key = _SAINT.sub(lambda m: "saint" if m.group(1) == "st" else "sainte", key)
    return key


_COMPASS_JOINED = re.compile(r"\b(north|south)(east|west)(ern)?\b")
_COMPASS_APART = re.compile(r"\b(north|south) (east|west)(ern)?\b")


def compass_respelt(key: str) -> str | None:
    """A folded key with its compass word written the other way - joined or apart, as the hyphen
    already folds to a space: "northwest region" <-> "north west region" ("the Northwest region" of
    Cameroon is GeoNames' North-West), or None when it has no such word. The same letters, one
    separator more or less: no respelling."""
    joined = _COMPASS_JOINED.sub(lambda m: "%s %s%s" % (m.group(1), m.group(2), m.group(3) or ""), key)
    if joined != key:
        return joined
    apart = _COMPASS_APART.sub(lambda m: m.group(1) + m.group(2) + (m.group(3) or ""), key)
    return apart if apart != key else None


def strip_article(name: str) -> str:
    """The name without a leading "the" ("the Gaza Strip" -> "Gaza Strip")."""
    return _LEADING_THE.sub("", name.strip())


def is_latin_name(name: str) -> bool:
    """True when a name is written in Latin letters and capitalised like an English proper name.

    GeoNames' alternate names include every script and lower-case transliterations
    ("askalds-angwrdany"); only names an English text could contain are worth indexing.
    """
    if len(name) < 3 or not name[0].isupper() or any(ch.isdigit() for ch in name):
        return False
    letters = [ch for ch in name if ch.isalpha()]
    if not letters or all(ch.isupper() for ch in letters):  # airport and postal codes: "THR", "PAR"
        return False
    return all(ord(ch) < 0x250 or unicodedata.combining(ch) for ch in letters)


_VOWELS = re.compile(r"[aeiou\s]+")
_DOUBLED = re.compile(r"(.)\1+")


def skeleton(name: str) -> str:
    """A name's consonants in order, doubled letters once: "Jenin" and "Janin", "Irbil" and "Erbil",
    "Hiiraan" and "Hiraan" share one. English spellings of Arabic, Persian or Somali names differ
    mostly in vowels and doubling, so two names with one skeleton are transliterations of one name,
    not different names (unlike "Central Park", a registered old name of Bethpage)."""
    return _VOWELS.sub("", _DOUBLED.sub(r"\1", fold(name)))


def transliterated(a: str, b: str) -> bool:
    """One name written two ways: same skeleton, same first sound class (both begin with a vowel or
    the same consonant) and at least three consonants, so that short names do not collide."""
    return respelling_of(a)(b)


def respelling_of(name: str):
    """A test of other names against `name` (its skeleton computed once, for many candidates)."""
    target = skeleton(name)
    opens_with_vowel = fold(name)[:1] in "aeiou"
    if len(target) < 3:
        return lambda other: False
    return lambda other: skeleton(other) == target and (fold(other)[:1] in "aeiou") == opens_with_vowel
