"""What a place name's own words say about it: the kind of place its nouns name ("Idlib
province", "the town of Kidal", "the Comoros capital Moroni") and the name without its article or
possessive ending. Shared by the toponym finder, the resolver's hints and the unlisted places."""

from __future__ import annotations

from typing import TYPE_CHECKING

from diurna.nlp.syntax import first_conjunct
from diurna.rules import RuleSet

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

KIND_RULES = RuleSet("place kind rule", env="DIURNA_PLACE_KIND_RULES_OFF")
RULES, _register, enabled, switched_off = KIND_RULES.parts()

LIST_IN_APPOSITION_TO_ITS_KIND = _register(
    "list-in-apposition-to-its-kind",
    "Troops entered Sikasso, Segou and Kayes, the three regions of the south.",
    "a plural unit noun in apposition to a list of names ('the three regions', 'two provinces') names "
    "the kind of each member, as 'the Khyber, Bannu and Dera Ismail Khan districts' does",
)

PART_OF_A_WHOLE = _register(
    "unit-of-a-whole",
    "Russian troops stay in Abkhazia, a breakaway region of Georgia. -> Georgia the country",
    "After 'of', a unit noun names the unit itself only when it is definite, singular and unnamed "
    "('the province of Idlib'); 'a region of X', 'the Tigray region of X' name a part of X, so X is "
    "the whole that holds it, a level above: a region's whole is a country, a district's a region.",
)

# Nouns that make the name before them a unit ("Anbar province", "the Lubero territory"): the
# first set usually names first-level units, the second second-level ones (countries differ:
# Kenya's counties are first-level, so the level is a preference, not a filter).
ADM1_NOUNS = {
    "province",
    "region",
    "state",
    "governorate",
    "oblast",
    "prefecture",
    "emirate",
    "krai",
    "republic",
    "canton",
    "wilaya",
}
ADM2_NOUNS = {
    "district",
    "county",
    "territory",
    "municipality",
    "sub-county",
    "subcounty",
    "division",
    "raion",
    "rayon",
    "department",
    "regency",  # Indonesia's kabupaten ("Maybrat regency", "the regency of Maybrat")
}
REGION_NOUNS = ADM1_NOUNS | ADM2_NOUNS
# Second-level units named by a phrase: Nigeria's "Chikun Local Government Area" (or "Chikun LGA").
ADM2_PHRASES = ("local government area", "local government", "lga")
CITY_NOUNS = {"city", "town", "village", "capital", "port"}
UNIT_ADJECTIVES = {"regional", "provincial", "oblast"}
TOWN_NOUNS = {"city", "town", "village"}


def unit_phrase_name(text: str) -> str | None:
    """The name before a trailing "Local Government Area" / "LGA", or None."""
    lowered = text.lower()
    for phrase in ADM2_PHRASES:
        if lowered.endswith(" " + phrase) and len(text) > len(phrase) + 1:
            return text[: -len(phrase) - 1].rstrip()
    return None


def feature_hint(span: Span) -> str | None:
    doc = span.doc
    if len(span) > 1 and span[-1].lower_ in REGION_NOUNS:
        return _unit_level(span[-1].lower_)  # "Western Province": the noun is part of the span
    if len(span) > 1 and span[-1].text in TOWN_NOUNS:
        return "city"  # "Goma city" tagged as one entity (capitalised, "Old City" is a name)
    if unit_phrase_name(span.text):
        return "district"
    following = " ".join(t.lower_ for t in doc[span.end : span.end + 3])
    if any(following == p or following.startswith(p + " ") for p in ADM2_PHRASES):
        return "district"
    # "the Khyber, Bannu and Dera Ismail Khan districts": the plural noun names each of the list
    after = singular_unit_noun(doc[span.end]) if span.end < len(doc) else ""
    if after in REGION_NOUNS:
        return _unit_level(after)
    # "Sumy's regional military administration", "the Belgorod regional governor": the unit's own
    # authorities (the city's would be "municipal", "city")
    adjective = span.end + (1 if after in POSSESSIVE_ENDINGS else 0)
    # (lower case: "the Kurdistan Regional Government" is an institution's name)
    if adjective < len(doc) and doc[adjective].text in UNIT_ADJECTIVES:
        return "region"
    if after in CITY_NOUNS:
        return "city"
    listed = _kind_of_the_list(span)
    if listed is not None:
        return listed
    if is_town_named(span):
        return "city"
    if span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in REGION_NOUNS:
        noun = doc[span.start - 2]
        if not _names_a_part(noun):
            return _unit_level(noun.lower_)
        # the whole holds a part of that level: a district's is a region ("the Southern District of
        # New York" is the state's), a region's a country, which needs no hint
        return "region" if _unit_level(noun.lower_) == "district" else None
    return None


def _names_a_part(noun: Token) -> bool:
    """ "a breakaway region of Georgia", "the Tigray region of Ethiopia": a unit noun that is
    indefinite or has a name of its own names a part of what follows its "of" (`PART_OF_A_WHOLE`);
    "the province of Idlib" names the province itself. (A plural noun never reaches here: "regions"
    is no unit noun.)"""
    if not enabled(PART_OF_A_WHOLE):
        return False
    determiners = [c.lower_ for c in noun.children if c.dep_ in ("det", "poss")]
    if any(d in ("a", "an", "one", "another") for d in determiners):
        return True
    return any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in noun.children)


def _kind_of_the_list(span: Span) -> str | None:
    """ "Troops entered Sikasso, Segou and Kayes, the three regions of the south", "Idlib and Hama, two
    provinces of the northwest": the unit level a plural unit noun in apposition to the list names."""
    if not enabled(LIST_IN_APPOSITION_TO_ITS_KIND):
        return None
    head = first_conjunct(span.root)
    if not head.conjuncts:
        return None  # a list, not one name ("Goma, the capital of the province")
    for child in head.children:
        if child.dep_ == "appos" and child.lower_.endswith("s"):
            unit = singular_unit_noun(child)
            if unit in REGION_NOUNS:
                return _unit_level(unit)
    return None


def singular_unit_noun(token: Token) -> str:
    lowered = token.lower_
    return lowered[:-1] if lowered.endswith("s") and lowered[:-1] in REGION_NOUNS else lowered


def _unit_level(noun: str) -> str:
    return "region" if noun in ADM1_NOUNS else "district"


def is_town_named(span: Span) -> bool:
    """ "the city of Al-ram", "the West Bank town of Beita": the name follows its kind's noun and "of";
    "the Comoros capital Moroni", "the provincial capital, Bunia", "the border town Rafah": or the
    lower-case noun itself, in apposition (a capitalised "Capital" or "Port" opens a name)."""
    doc = span.doc
    before = span.start - 1
    if before >= 0 and doc[before].text == ",":
        before -= 1
    if before >= 1 and doc[before].text in CITY_NOUNS and doc[before].tag_ == "NN":
        return True
    return span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in CITY_NOUNS


POSSESSIVE_ENDINGS = {"'s", "\u2019s", "'", "\u2019"}


def bare_name_span(span: Span) -> Span:
    """ "the Gaza Strip" -> "Gaza Strip", "New York's" -> "New York", "Azerbaijan," -> "Azerbaijan":
    the article, a possessive ending and trailing punctuation are not part of the name."""
    start, end = span.start, span.end
    while start < end - 1 and span.doc[start].lower_ == "the":
        start += 1
    while end - 1 > start and (span.doc[end - 1].text in POSSESSIVE_ENDINGS or span.doc[end - 1].is_punct):
        end -= 1
    return span.doc[start:end]
