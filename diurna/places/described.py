"""Places named by description rather than by name: a capital, a national institution's seat, or a
state's territory.

    "riot police were deployed in Iraq's capital"            -> Baghdad (the possessor's capital)
    "marched in the capital after the vote in Kenya"          -> Nairobi (the sentence's country)
    "met at the Great Hall in the capital city"               -> Beijing (the last country named)
    "police marched into the National Assembly" (Senegal)     -> Dakar   (a parliament sits in the capital)
    "recognise Jerusalem as Israel's capital"                  -> nothing (predicative: no location)
    "carried out raids into Lebanese territory"               -> Lebanon (the state whose ground it is)

Only in a slot that takes a place (the object of a locative preposition). The country is the
possessor ("Iran's capital", "the Kenyan parliament"), else the nearest country named in the
sentence, else the last place named before. National institutions are assumed to sit in the
capital: true of most states, not all (South Africa's parliament is in Cape Town; Bolivia's
Congress in La Paz). A state's territory ("Lebanese territory", "German soil", "Belarusian
airspace") is that state, named by its demonym or its name, never by another place ("Djugu territory"
is a Congolese unit, "West Bank territory" the West Bank's).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from diurna.places.gazetteer import Gazetteer, GazetteerEntry, demonyms
from diurna.places.lexicon import LOCATIVE
from diurna.places.toponyms import Toponym

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# The seats of a state's institutions, by their head noun and the words before it.
INSTITUTIONS = {
    "national assembly",
    "parliament",
    "presidential palace",
    "supreme court",
    "congress",
    "constitutional court",
    "senate",
    "national congress",
    "parliament building",
    "parliament house",
    "presidential residence",
}

# Nouns for a state's ground, sea or sky: with the state's demonym or name before them they are the
# state as a location, never as an actor ("strikes on Pakistani territory", "over Lebanese territory").
TERRITORY_NOUNS = {"territory", "soil", "airspace", "waters"}


def is_territory_noun(token: Token) -> bool:
    """A noun of TERRITORY_NOUNS by its lemma or its own form: the lemmatizer reads "waters" as
    "water", which alone names no state's sea ("Philippine waters", not "Philippine water")."""
    return token.lemma_.lower() in TERRITORY_NOUNS or token.lower_ in TERRITORY_NOUNS


Described = tuple[int, int, int, int, str, GazetteerEntry]


def described_places(
    spacy_doc: Doc,
    toponyms: list[Toponym],
    entries: list[GazetteerEntry | None],
    gazetteer: Gazetteer,
    demonym_table: dict[str, str],
    story_country: str | None = None,
) -> Iterator[Described]:
    """(token start, token end, char start, char end, text, capital) for each described place."""
    located = [(t.token_start, e) for t, e in zip(toponyms, entries) if e is not None]
    named = {i for t in toponyms for i in range(t.token_start, t.token_end)}
    countries = {
        i
        for t, e in zip(toponyms, entries)
        if e is not None and e.feature == "country"
        for i in range(t.token_start, t.token_end)
    }
    for token in spacy_doc:
        if not (locative_object(token) or (token.dep_ == "poss" and locative_object(token.head))) or token.i in named:
            continue
        kind = described_kind(token, named)
        if kind is None or _named_beside(token, named - countries):
            continue
        if kind == "territory":
            state = state_of_territory(token, toponyms, entries, demonym_table)
            entry = gazetteer.country(state) if state else None
            if entry is not None:
                yield _mention(spacy_doc, token, named, entry)
            continue
        country = (
            possessor_country(token, toponyms, entries, demonym_table)
            or country_in_sentence(token, located)
            or (story_country if kind == "institution" else None)
            or preceding_country(token.i, located)
        )
        capital = _named_after(token, toponyms, entries) or (gazetteer.capital_of(country) if country else None)
        if capital is None:
            continue
        yield _mention(spacy_doc, token, named, capital)


def _mention(spacy_doc: Doc, token: Token, named: set[int], entry: GazetteerEntry) -> Described:
    """The description's words, from its first modifier to its noun, as a mention of `entry`."""
    first = min(
        [token] + [c for c in token.lefts if c.dep_ in ("det", "amod", "poss", "compound")], key=lambda t: t.i
    ).i
    # "the U.S. Senate": the named place keeps its own mention; the description is what follows it.
    first = max([first] + [i + 1 for i in range(first, token.i) if i in named])
    while first < token.i and (spacy_doc[first].tag_ == "POS" or spacy_doc[first].is_punct):
        first += 1  # "Nigeria's capital": the mention is "capital", not "'s capital"
    span = spacy_doc[first : token.i + 1]
    return (span.start, span.end, span.start_char, span.end_char, span.text, entry)


def described_kind(token: Token, named: set[int] = frozenset()) -> str | None:
    """ "capital" for "the capital", "the Iranian capital", "the capital city"; "institution" for
    "the National Assembly", "the Kenyan parliament"."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    lemma = token.lemma_.lower()
    if lemma == "capital" and token.pos_ == "NOUN":
        return "capital"
    if is_territory_noun(token) and token.pos_ == "NOUN":
        return "territory"
    if lemma == "city" and any(c.lower_ == "capital" and c.dep_ in ("compound", "amod") for c in token.children):
        return "capital"
    modifiers = [c for c in token.lefts if c.dep_ in ("compound", "amod")]
    words = [c.lower_ for c in modifiers] + [token.lower_]
    for n in range(len(words)):
        if " ".join(words[n:]) in INSTITUTIONS:
            # "the European Parliament", "the Scottish Parliament": a named modifier that is no
            # state's demonym makes it another body's institution, not the state's.
            others = [
                c for c in modifiers[:n] if c.text[:1].isupper() and c.text not in demonyms() and c.i not in named
            ]
            return None if others else "institution"
    return None


def _named_beside(token: Token, named: set[int]) -> bool:
    """ "Khorog, the capital of Gorno-Badakhshan", "in the capital, Baku", "the capital of Gorno-
    Badakhshan": the description stands beside a place the text names, or is another unit's capital
    (a region's capital is not the country's)."""
    if token.dep_ == "appos" and token.head.i in named:
        return True
    for child in token.children:
        # "the capital Nouakchott" with the name unread: the text names the city, the story's capital
        # would be a guess against it
        if child.dep_ == "appos" and (child.i in named or child.pos_ == "PROPN"):
            return True
        if child.dep_ == "prep" and child.lower_ == "of" and any(g.i in named for g in child.children):
            return True
    return False


def _named_after(token: Token, toponyms: list[Toponym], entries) -> GazetteerEntry | None:
    """ "in the capital, Baku": the city named right after the description is the one it means
    (the parse may hang the name elsewhere)."""
    doc = token.doc
    if token.i + 2 >= len(doc) or doc[token.i + 1].text != ",":
        return None
    return next(
        (
            e
            for t, e in zip(toponyms, entries)
            if e is not None and t.token_start == token.i + 2 and e.feature == "city"
        ),
        None,
    )


def locative_object(token: Token) -> bool:
    return token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.lower_ in LOCATIVE


def possessor_country(token: Token, toponyms: list[Toponym], entries, demonyms: dict[str, str]) -> str | None:
    """ "Iran's capital", "the U.S. Senate" (a place before it), "the Kenyan parliament" (a demonym)."""
    for child in token.lefts:
        if child.dep_ in ("poss", "compound", "amod"):
            for t, e in zip(toponyms, entries):
                if e is not None and t.token_start <= child.i < t.token_end:
                    return e.country
        if child.dep_ in ("amod", "compound") and child.text in demonyms:
            return demonyms[child.text]
    return None


def state_of_territory(token: Token, toponyms: list[Toponym], entries, demonyms: dict[str, str]) -> str | None:
    """The state whose territory the noun is: "Lebanese territory", "Pakistani soil" (a demonym), "China's
    territory", "Russian and Belarusian airspace"; not "Djugu territory" or "West Bank territory" (a
    place other than a country names its own unit, which the toponym stage reads)."""
    for child in token.lefts:
        if child.dep_ not in ("poss", "compound", "amod"):
            continue
        for t, e in zip(toponyms, entries):
            if t.token_start <= child.i < t.token_end:
                return e.country if e is not None and e.feature == "country" else None
        if child.dep_ in ("amod", "compound") and child.text in demonyms:
            return demonyms[child.text]
    return None


def country_in_sentence(token: Token, located: list[tuple[int, GazetteerEntry]]) -> str | None:
    """ "marched in the capital after the vote in Kenya": the sentence's nearest country name."""
    sentence = token.sent
    near = [
        (abs(start - token.i), e)
        for start, e in located
        if sentence.start <= start < sentence.end and e.feature == "country"
    ]
    return min(near, key=lambda de: de[0])[1].country if near else None


def preceding_country(i: int, located: list[tuple[int, GazetteerEntry]]) -> str | None:
    before = [e for start, e in located if start < i]
    return before[-1].country if before else None
