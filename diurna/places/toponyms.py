"""Which spans of an article are toponyms.

spaCy's GPE, LOC and FAC entities are the first source; the gazetteer adds the names the small
model misses or mislabels (it tags "Al-Quds" ORG and may tag a surname GPE). A span becomes a
toponym only if the gazetteer knows the name, and not when the text uses it for a person.
Demonyms ("Iranian") never are: the gazetteer holds no demonyms and NORP entities are not read.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from diurna.document import ArticleDoc
from diurna.nlp.syntax import first_conjunct
from diurna.places.embedded import NAME_PARTICLES, embedded_places
from diurna.places.gazetteer import Candidate, Gazetteer
from diurna.places.kinds import (
    REGION_NOUNS,
    TOWN_NOUNS,
    bare_name_span,
    feature_hint,
    is_town_named,
    unit_phrase_name,
)
from diurna.places.lexicon import (
    ATTACKING,
    DIRECTION_WORDS,
    DIRECTIONAL,
    MOVEMENT,
    NOT_PLACE_NAMES,
    STATIC,
    US_STATE_ABBREVIATIONS,
    US_STATE_NAMES,
    VISITING,
    WORLD_REGIONS,
)
from diurna.places.names import fold, strip_article
from diurna.rules import RuleSet

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

TOPONYM_RULES = RuleSet("toponym rule", env="DIURNA_TOPONYM_RULES_OFF")
RULES, _register, enabled, switched_off = TOPONYM_RULES.parts()

SEVERAL_WORDS_IN_A_PLACES_SLOT = _register(
    "several-words-in-a-places-slot",
    "a car bomb exploded in Maidan Shahr (PERSON); shelling near Kaga Bandoro (PERSON)",
    "a name of several words tagged PERSON in a slot that takes a place is the town or district GeoNames "
    "knows by that main name, however small: full person names are almost never place names",
)

COUNTRY_OPENING_A_FACILITY = _register(
    "country-opening-a-facility",
    "a crowd by the gates of the Myanmar Embassy; protesters at the U.S. Consulate",
    "a country's name opening a facility's name that no gazetteer name matches is that country, a "
    "nominal modifier as in an institution's name ('the US State Department'); not water ('the Taiwan Strait')",
)

CONJUNCTS_OF_A_PLACE = _register(
    "conjuncts-of-a-place",
    "the cities of Barda and Shamakhi (PERSON); the towns of Kidal, Aguelhok and Tessalit (untagged)",
    "names coordinated with a place are places of its kind: the small model tags the later names of a "
    "list of unfamiliar towns PERSON or nothing, and the actor stage then makes persons of them",
)

NAME_FOUND_AS_A_PLACE_ELSEWHERE = _register(
    "name-found-as-a-place-elsewhere",
    "'fighting reached the town of Dorakh' ... 'troops were in Dorakh conducting searches' (Dorakh untagged)",
    "one name, one sense in an article: a proper name the article reads as a toponym once (by its kind "
    "noun, a tag, a list) is that toponym where it stands again in a slot that takes a place, however the "
    "small model tags that mention; not where it is a person's name or a part of another name",
)

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# A gazetteer name found outside spaCy's place entities must be a country, a region, a hand-kept
# alias or a city this large: small towns named like common words ("Police", "Of") would
# otherwise turn up in every article, while spaCy does label the small towns news writes about.
MIN_POPULATION_UNLABELLED = 100_000
MAX_NAME_TOKENS = 6
PROPER_TAGS = {"NNP", "NNPS"}
# Entities that cannot contain a name: the small model sometimes swallows one ("Aleppo overnight" TIME).
NUMERIC_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}


@dataclass
class Toponym:
    """A span naming a place, with every place its name may denote."""

    token_start: int
    token_end: int
    start: int  # character offsets into the article text
    end: int
    text: str
    candidates: list[Candidate]
    feature_hint: str | None = None  # "region" in "Idlib province", "district" in "Lubero territory",
    #                                     "city" in "the city of Kidal"
    dateline: bool = False  # the place the story was filed from ("KYIV, Ukraine (AP) -")


def never_a_place(text: str, hint: str | None) -> bool:
    """Continents, world regions ("the Gulf", "Africa"), generic nouns and bare direction words
    ("Western powers") are never towns, whatever namesakes GeoNames has. A direction word with
    its unit noun ("Western Province", "the Eastern region") is a region."""
    key = fold(strip_article(text))
    if key in DIRECTION_WORDS:
        return hint not in ("region", "district")
    # "West Africa's Sahel region" is the world region, whatever units GeoNames names so
    words = key.split()
    if len(words) > 1 and words[-1] in REGION_NOUNS and " ".join(words[:-1]) in WORLD_REGIONS:
        return True
    return key in NOT_PLACE_NAMES


# "the Republic of Azerbaijan", "the Kingdom of Saudi Arabia", "the Islamic Republic of Iran":
# a state's long form names the same country as its short name.
STATE_FORM = re.compile(
    r"^(?:the\s+)?(?:[A-Z][a-z]+\s+)*(?:Republic|Kingdom|State|Sultanate|Emirate|Principality|"
    r"Federation|Commonwealth|Union)\s+of\s+(?:the\s+)?(?P<name>[A-Z].+)$"
)


def state_abbreviation(gazetteer: Gazetteer, text: str) -> list[Candidate]:
    """ "Fla.", "Pa.", "Calif.": an AP abbreviation of a US state, written with its dot, is the state
    (GeoNames knows "Fla" only as a Norwegian village)."""
    code = US_STATE_ABBREVIATIONS.get(fold(text)) if text.endswith(".") else None
    if code is None:
        return []
    return [
        c for c in gazetteer.candidates(US_STATE_NAMES[code]) if c.entry.admin1 == code and c.entry.feature == "region"
    ]


def lookup(gazetteer: Gazetteer, text: str) -> list[Candidate]:
    """The places a span's text may name. "Western Province" may also be the unit GeoNames calls
    "Western": a trailing unit noun adds the units of the bare name."""
    abbreviated = state_abbreviation(gazetteer, text)
    if abbreviated:
        return abbreviated
    candidates = gazetteer.candidates(text)
    unit_name = unit_phrase_name(text)
    if not candidates and unit_name:
        return [c for c in gazetteer.candidates(unit_name) if c.entry.feature == "district"]
    words = text.split()
    if len(words) > 1 and words[-1].lower() in REGION_NOUNS:
        known = {c.entry.geonameid for c in candidates}
        candidates = candidates + [
            c
            for c in gazetteer.candidates(" ".join(words[:-1]))
            if c.entry.feature in ("region", "district") and c.entry.geonameid not in known
        ]
    if not candidates and len(words) > 1 and words[-1].lower() in TOWN_NOUNS:
        # "eastern Goma city", "Quetta city": a large town by its bare name ("Mexico City" is a name;
        # "the Old City" names no town "Old")
        candidates = [
            c
            for c in gazetteer.candidates(" ".join(words[:-1]))
            if c.strong and c.entry.feature == "city" and c.entry.population >= MIN_POPULATION_UNLABELLED
        ]
    if candidates:
        return candidates
    long_form = STATE_FORM.match(text)
    if long_form:
        # "the Republic of Azerbaijan" is the state; "the Republic of Karakalpakstan", "the Republic
        # of Crimea" name a first-level unit when no state has that name.
        named = gazetteer.candidates(long_form.group("name"))
        return [c for c in named if c.entry.feature == "country"] or [c for c in named if c.entry.feature == "region"]
    return []


@dataclass
class PersonEvidence:
    """What says a span names a person rather than a place."""

    tokens: set[int]  # spaCy PERSON names and known surnames: any overlap vetoes
    mentions: list[tuple[int, int]]  # the actor stage's person mentions (token spans)
    mislabelled: set[tuple[int, int]]  # entities of another type in a place's slot ("in Kyiv" PERSON)
    surnames: set[str] = frozenset()  # last words of the article's full person names

    def vetoes(self, start: int, end: int) -> bool:
        if any(i in self.tokens for i in range(start, end)):
            return True
        # A person mention vetoes a place that is its whole name or its final words ("Aruri"),
        # not one that merely modifies it ("the U.S. embassy", "Israel's prime minister").
        return any(m_start <= start and end == m_end for m_start, m_end in self.mentions)


def _person_evidence(doc: ArticleDoc, gazetteer: Gazetteer, embedded: set[int] = frozenset()) -> PersonEvidence:
    """A surname alone ("Aruri") is a person when a full name ending in it is tagged PERSON
    elsewhere in the article, however spaCy labels the short form. `embedded`: tokens of places
    hidden in other entities (`embedded.embedded_places`), which no person's name covers."""
    spacy_doc = doc.spacy_doc
    # "Dera Ismail Khan", "Novi Sad" tagged PERSON are the cities: their last word is no surname;
    # nor is the rest of "Luanda's Cazenga" or "Belarus Expels" once the place is read out of it.
    surnames = {
        ent[-1].text
        for ent in spacy_doc.ents
        if ent.label_ == "PERSON"
        and len(ent) > 1
        and not _known_place_name(ent, gazetteer)
        and not _several_words_in_a_places_slot(ent, gazetteer)
        and not any(i in embedded for i in range(ent.start, ent.end))
    }
    kinds = {a.id: a.kind for a in doc.actors}
    # A name tagged ORG that acts or owns somewhere in the article ("Gallup finds", "Gallup's
    # analysis") is that organisation in a place's slot too ("in Gallup"), not the New Mexico town.
    organisations = {
        e.text for e in spacy_doc.ents if e.label_ == "ORG" and e.root.dep_ in ("nsubj", "nsubjpass", "poss")
    }
    mislabelled = {
        (e.start, e.end)
        for e in spacy_doc.ents
        if e.text not in organisations and _mislabelled_place(e, surnames, gazetteer)
    }
    # One name, one sense in an article: a name its own words make a place somewhere ("the city of
    # Kherson", "the Gagauzia region", "in Lalibela") is that place where spaCy or the actor stage
    # took it for a person ("Kherson" PERSON elsewhere, "Gagauzia Governor Evghenia Gutul").
    places_by_text = (
        {spacy_doc[s:e].text for s, e in mislabelled}
        | {bare_name_span(e).text for e in spacy_doc.ents if e.label_ in PLACE_LABELS and _named_as_place(e)}
        | _places_by_their_slot(spacy_doc, gazetteer, surnames)
    )
    mislabelled |= {
        (e.start, e.end)
        for e in spacy_doc.ents
        if e.label_ not in PLACE_LABELS | NUMERIC_LABELS | {"NORP"} and e.text in places_by_text
    }
    # Where the actor stage resolved spaCy's "person" to a country ("withdrew from Mali"), it knows better.
    countries = {(m.token_start, m.token_end) for m in doc.mentions if kinds.get(m.actor_id) == "country"}
    tokens: set[int] = set()
    for ent in spacy_doc.ents:
        if ent.label_ == "PERSON" and (ent.start, ent.end) not in mislabelled | countries:
            tokens.update(i for i in range(ent.start, ent.end) if i not in embedded)
    inside_places = {i for start, end in mislabelled for i in range(start, end)}
    # "Sputnik Azerbaijan" tagged PERSON makes "Azerbaijan" a surname: not where the actor stage
    # read the word as the country ("Azerbaijan has detained seven people").
    inside_places |= {i for start, end in countries for i in range(start, end)}
    tokens.update(t.i for t in spacy_doc if t.text in surnames and t.i not in inside_places)
    # A person mention ending in a mislabelled place ("nearby Dera Ismail Khan") is that place.
    place_ends = {end for _, end in mislabelled} | {
        e.end for e in spacy_doc.ents if e.label_ in PLACE_LABELS and _named_as_place(e)
    }
    # A person mention that is a state's or a region's own name of several words ("withdraw the
    # Republika Srpska", "Nagorno-Karabakh's Stepanakert" aside) is the actor stage reading an
    # unlabelled name as someone: person names rarely are such names (`_known_place_name`).
    mentions = [
        (m.token_start, m.token_end)
        for m in doc.mentions
        if kinds.get(m.actor_id) == "person"
        and m.token_end not in place_ends
        and bare_name_span(spacy_doc[m.token_start : m.token_end]).text not in places_by_text
        and not _known_place_name(bare_name_span(spacy_doc[m.token_start : m.token_end]), gazetteer)
    ]
    return PersonEvidence(tokens, mentions, mislabelled, surnames)


def _places_by_their_slot(spacy_doc: Doc, gazetteer: Gazetteer, surnames: set[str]) -> set[str]:
    """One name, one sense in an article: a one-word name spaCy tags a place in a slot that takes a
    place ("massing in Damara", "back from Gao"), and that GeoNames knows as a town, a region or a
    country by its main name, is that place where the small model or the actor stage took it for
    someone ("to take Damara" PERSON, "one united Mali" PERSON). Not a name that closes a person's
    full name in the article (a surname that is also a town: "Andrew Jackson ... in Jackson")."""
    return {
        ent.text
        for ent in spacy_doc.ents
        if ent.label_ in ("GPE", "LOC")
        and len(ent) == 1
        and ent.text not in surnames
        and _in_locative_position(ent.root)
        and any(c.strong and c.entry.feature in ("city", "region", "country") for c in gazetteer.candidates(ent.text))
    }


def _conjuncts_of_places(
    spacy_doc: Doc, gazetteer: Gazetteer, toponyms: list[Toponym], covered: set[int], surnames: set[str]
) -> Iterator[tuple[Span, list[Candidate]]]:
    """Names in coordination with a toponym ("the cities of Barda and Shamakhi", "the towns of Kidal,
    Aguelhok and Tessalit") are places of its kind, however the small
    model tags them and whoever the actor stage made of them: those GeoNames knows by a main name.
    A conjunct of a country must be a country or a region ("Russia and Putin" names no village);
    never a name that closes a person's full name in the article."""
    for toponym in list(toponyms):
        if toponym.dateline:
            continue
        place = spacy_doc[toponym.token_start : toponym.token_end]
        features = {c.entry.feature for c in toponym.candidates if c.strong}
        if not features:
            continue
        kinds = ("country", "region") if features == {"country"} else ("city", "district", "region", "country")
        for token in place.root.conjuncts:
            span = _name_ending_at(token)
            if span is None or any(i in covered for i in range(span.start, span.end)) or span.text in surnames:
                continue
            if not _looks_like_name(span) or never_a_place(span.text, feature_hint(span)):
                continue
            candidates = [c for c in lookup(gazetteer, span.text) if c.strong]
            if any(c.entry.feature in kinds for c in candidates):
                covered.update(range(span.start, span.end))
                yield span, candidates


def _names_found_as_places(
    spacy_doc: Doc, toponyms: list[Toponym], covered: set[int], persons: PersonEvidence
) -> Iterator[tuple[Span, list[Candidate]]]:
    """Another mention of a one-word name the article already reads as a toponym, in a slot that
    takes a place ("troops were in Dorakh"), that no other name covers: an entity of its own only
    when the entity is the word itself (not "Dorakh Youth Union")."""
    found = {t.text: t.candidates for t in toponyms if t.token_end - t.token_start == 1 and not t.dateline}
    for token in spacy_doc:
        candidates = found.get(token.text)
        if candidates is None or token.i in covered or token.tag_ not in PROPER_TAGS:
            continue
        span = spacy_doc[token.i : token.i + 1]
        if token.ent_type_ and (
            token.ent_iob_ != "B" or (token.i + 1 < len(spacy_doc) and spacy_doc[token.i + 1].ent_iob_ == "I")
        ):
            continue
        if persons.vetoes(span.start, span.end) or token.text in persons.surnames:
            continue
        if _in_locative_position(token):
            yield span, candidates


def _name_ending_at(token: Token) -> Span | None:
    """The proper name a list's word closes: its entity where that ends at the word (not a number
    or a demonym), else the word with the proper nouns compounded before it ("Kaga Bandoro")."""
    doc = token.doc
    if token.ent_type_:
        ent = next((e for e in doc.ents if e.start <= token.i < e.end), None)
        if ent is None or ent.label_ in NUMERIC_LABELS or ent.label_ == "NORP":
            return None
        bare = bare_name_span(ent)
        return bare if bare.end == token.i + 1 else None
    start = token.i
    while start > 0 and doc[start - 1].tag_ in PROPER_TAGS and doc[start - 1].head.i == token.i:
        start -= 1
    return doc[start : token.i + 1]


def _known_place_name(ent: Span, gazetteer: Gazetteer) -> bool:
    """A name of several words that is a country's, a region's or a large city's own name: person
    names rarely are ("Dera Ismail Khan", "Novi Sad" tagged PERSON)."""
    return len(ent) > 1 and any(
        c.strong and (c.entry.feature in ("country", "region") or c.entry.population >= MIN_POPULATION_UNLABELLED)
        for c in gazetteer.candidates(ent.text)
    )


def _several_words_in_a_places_slot(ent: Span, gazetteer: Gazetteer) -> bool:
    """ "exploded in Maidan Shahr", "near Kaga Bandoro" (PERSON): a PERSON name of several words in a
    slot that takes a place, which GeoNames knows as a town or a district by a main name, whatever
    its size (a full name of a person almost never is one; "in Donald Trump's" is a possessive)."""
    return (
        enabled(SEVERAL_WORDS_IN_A_PLACES_SLOT)
        and ent.label_ == "PERSON"
        and len(ent) > 1
        and _in_locative_position(ent.root)
        and any(c.strong and c.entry.feature in ("city", "district") for c in gazetteer.candidates(ent.text))
    )


def _named_as_place(span: Span) -> bool:
    """Its own words say it is a place: a unit's noun ("the Gagauzia region") or a town's ("the city of Kherson")."""
    return feature_hint(span) in ("region", "district") or is_town_named(span)


def _in_locative_position(token: Token) -> bool:
    """ "in Kyiv", "advanced towards Goma", "visited Antofagasta": a slot that takes a place, also
    for the later conjuncts of a list in it ("in Bannu and Dera Ismail Khan")."""
    token = first_conjunct(token)
    head = token.head
    if token.dep_ == "pobj" and (head.lower_ in STATIC or head.lower_ == "from"):
        return True
    if token.dep_ == "pobj" and head.lower_ in DIRECTIONAL and head.head.lemma_ in MOVEMENT:
        return True
    if token.dep_ == "pobj" and head.lower_ in ("on", "against") and head.head.lemma_ in ATTACKING:
        return True  # "a drone attack on Kyiv" (Kyiv tagged PERSON)
    return token.dep_ == "dobj" and (head.lemma_ in VISITING or head.lemma_ in ATTACKING)


def _mislabelled_place(ent: Span, surnames: set[str], gazetteer: Gazetteer) -> bool:
    """A one-word entity of another type that is a place's name in a slot that takes a place.

    The small model often tags unfamiliar city names PERSON, ORG or even LANGUAGE ("in Tunis").
    A unit's noun after the name says so in any slot: "the Tigray region" (tagged PERSON).
    """
    if ent.label_ in PLACE_LABELS or ent.label_ in NUMERIC_LABELS or ent.label_ == "NORP":
        return False
    if _known_place_name(ent, gazetteer) and (_in_locative_position(ent.root) or _named_as_place(ent)):
        return True  # "in nearby Dera Ismail Khan", "the city of Novi Sad" (PERSON)
    if _several_words_in_a_places_slot(ent, gazetteer):
        return True
    if len(ent) != 1 or ent.text in surnames:
        return False
    if feature_hint(ent) in ("region", "district"):
        return any(c.entry.feature in ("region", "district") for c in gazetteer.candidates(ent.text))
    if is_town_named(ent):
        return any(c.strong and c.entry.feature == "city" for c in gazetteer.candidates(ent.text))
    if not _in_locative_position(ent[0]):
        return False
    return any(c.strong for c in gazetteer.candidates(ent.text))


def _is_strong_unlabelled(candidates: list[Candidate], hint: str | None, town_named: bool = False) -> bool:
    """Outside spaCy's place entities a name must be a country, a first-level region, a hand-kept
    alias or a large city; a district only with its noun ("Lubero territory", then also by its bare
    name, a weak key): 47,000 district names include too many words and surnames. A town the text
    calls one ("the West Bank city of Al-ram") may be any town, by any registered name."""
    unit_hint = hint in ("region", "district")
    return any(_kept(c, hint, town_named) for c in candidates) and any(
        (c.strong and (c.entry.feature in ("country", "region") or c.entry.population >= MIN_POPULATION_UNLABELLED))
        or (unit_hint and c.entry.feature in ("region", "district"))
        or (town_named and c.entry.feature == "city")
        for c in candidates
    )


def _kept(candidate: Candidate, hint: str | None, town_named: bool) -> bool:
    """A candidate an unlabelled name keeps: a main name, or a weak one its kind's noun vouches for."""
    if candidate.strong:
        return True
    if hint in ("region", "district"):
        return candidate.entry.feature in ("region", "district")
    return town_named and candidate.entry.feature == "city"


# Lower-case words inside a name: "Bosnia and Herzegovina" aside, "the Gulf of Aden", "Santiago de Cuba".
NAMES_INNER_WORDS = {"of", "the", "al"} | NAME_PARTICLES


def _looks_like_name(span: Span) -> bool:
    """Capitalised proper nouns ("U.S." included), not a sentence-initial common word."""
    return (
        all(t.tag_ in PROPER_TAGS or (t.is_punct and t.text in "-.'") or t.lower_ in NAMES_INNER_WORDS for t in span)
        and span[0].text[:1].isupper()
        and span[-1].tag_ in PROPER_TAGS
    )


def _entity_spans(spacy_doc: Doc) -> Iterator[Span]:
    for ent in spacy_doc.ents:
        if ent.label_ in PLACE_LABELS:
            yield bare_name_span(ent)


def _unlabelled_spans(
    spacy_doc: Doc, covered: set[int], gazetteer: Gazetteer, country_mentions: set[tuple[int, int]]
) -> Iterator[tuple[Span, list[Candidate]]]:
    """Longest gazetteer names among tokens no place entity covers, left to right.

    Inside another entity (spaCy calls "Al-Quds" ORG) a name counts only if it is the whole entity,
    so "Jerusalem" in "the Jerusalem Post" does not, or if the actor stage read it as a country
    ("the U.S. Foreign Agents Registration Act", "In China Shantou University is..." mis-chunked).
    """
    entity_of = {}
    for ent in spacy_doc.ents:
        if ent.label_ in NUMERIC_LABELS:
            continue
        bare = bare_name_span(ent)
        for i in range(ent.start, ent.end):
            entity_of[i] = bare

    def read(i: int, j: int) -> tuple[Span, list[Candidate]] | None:
        if any(k in covered for k in range(i, j)):
            return None
        span = spacy_doc[i:j]
        entity = entity_of.get(i)
        if (
            entity is not None
            and (entity.start, entity.end) != (i, j)
            and (i, j) not in country_mentions
            and not _located_end_of(entity, i, j)
            and not _opens_a_name(entity, span, gazetteer)
        ):
            return None
        if entity is None and any(k in entity_of for k in range(i, j)):
            return None
        # A name the actor stage read as a country is one, however the tagger took its word
        # ("Senegal plunges further into unknown": "Senegal" JJ in a headline).
        if entity is None and not _looks_like_name(span) and (i, j) not in country_mentions:
            return None
        candidates = lookup(gazetteer, span.text)
        hint = feature_hint(span)
        town_named = is_town_named(span)
        if candidates and _is_strong_unlabelled(candidates, hint, town_named) and not never_a_place(span.text, hint):
            return span, [c for c in candidates if _kept(c, hint, town_named)]
        return None

    return _leftmost_longest(spacy_doc, 1, read)


def _leftmost_longest(spacy_doc: Doc, fewest: int, read) -> Iterator[tuple[Span, list[Candidate]]]:
    """Names left to right, the longest first at each capitalised token (at least `fewest` and at
    most MAX_NAME_TOKENS tokens): `read(i, j)` says what tokens i..j name, or None; the scan goes on
    after a name found."""
    i = 0
    while i < len(spacy_doc):
        found = None
        if spacy_doc[i].text[:1].isupper():
            for j in range(min(len(spacy_doc), i + MAX_NAME_TOKENS), i + fewest - 1, -1):
                found = read(i, j)
                if found is not None:
                    break
        if found:
            yield found
            i = found[0].end
        else:
            i += 1


def _opens_a_name(entity: Span, span: Span, gazetteer: Gazetteer) -> bool:
    """ "The US State Department", "North Darfur State's Health Ministry", "the Kathmandu District
    Administration Office": a country, or a unit with its noun, opening an institution's name is
    that place (a town is not: "the Jerusalem Post" is a newspaper, not where it is)."""
    if span.start != entity.start:
        return False
    hint = feature_hint(span)
    return any(
        c.strong
        and (
            c.entry.feature == "country"
            or (hint in ("region", "district") and c.entry.feature in ("region", "district"))
        )
        for c in gazetteer.candidates(span.text)
    )


def _joined_names(spacy_doc: Doc, gazetteer: Gazetteer) -> Iterator[tuple[Span, list[Candidate]]]:
    """Names spaCy splits at a hyphen or "and" ("Trinidad" GPE and "Tobago" ORG, "Rostov" and
    "Don" PERSON, "Centre" of "Centre-nord"): the longest run that is a country's, a region's or a
    large city's own name is one toponym, whatever the entities say."""

    def read(i: int, j: int) -> tuple[Span, list[Candidate]] | None:
        span = spacy_doc[i:j]
        if span[-1].is_punct or not any(t.text == "-" or t.lower_ == "and" for t in span[1:-1]):
            return None
        candidates = [
            c
            for c in lookup(gazetteer, span.text)
            if c.strong
            and (c.entry.feature in ("country", "region") or c.entry.population >= MIN_POPULATION_UNLABELLED)
        ]
        return (span, candidates) if candidates else None

    return _leftmost_longest(spacy_doc, 3, read)


def _qualified_names(spacy_doc: Doc, covered: set[int], gazetteer: Gazetteer) -> Iterator[tuple[Span, list[Candidate]]]:
    """ "Eastern Ukraine", "Northern Syria", "the Czech Republic days": a place entity no name
    matches whose other words are only direction words or lower case (spaCy's over-extension) holds
    a country's or a region's own name. Capitalised other words make another name: "the Sea of
    Japan", "the Taiwan Strait", "the South China Sea" are water, not the country."""
    for ent in spacy_doc.ents:
        if ent.label_ not in PLACE_LABELS or any(i in covered for i in range(ent.start, ent.end)):
            continue
        bare = bare_name_span(ent)
        for size in range(len(bare) - 1, 0, -1):
            found = next((hit for hit in _names_of_size(bare, size, gazetteer) if hit), None)
            if found:
                yield found
                break


# Water is named after places without being in them: "the Taiwan Strait", "the Gulf of Aden".
WATER_NOUNS = {"sea", "ocean", "river", "lake", "gulf", "strait", "straits", "bay", "channel"}


def _countries_opening_facilities(
    spacy_doc: Doc, covered: set[int], gazetteer: Gazetteer
) -> Iterator[tuple[Span, list[Candidate]]]:
    """ "the Myanmar Embassy", "the U.S. Consulate" (FAC): a facility entity no name matches that
    opens with a country's own name holds that country, as an institution's name does
    (`_opens_a_name`); a water body named after one does not ("the Taiwan Strait")."""
    for ent in spacy_doc.ents:
        if ent.label_ != "FAC" or any(i in covered for i in range(ent.start, ent.end)):
            continue
        bare = bare_name_span(ent)
        if len(bare) < 2 or bare[-1].lower_ in WATER_NOUNS or lookup(gazetteer, bare.text):
            continue
        for end in range(bare.end - 1, bare.start, -1):
            span = spacy_doc[bare.start : end]
            countries = [c for c in lookup(gazetteer, span.text) if c.strong and c.entry.feature == "country"]
            if countries:
                yield span, countries
                break


def _units_of_a_country(
    spacy_doc: Doc, covered: set[int], gazetteer: Gazetteer
) -> Iterator[tuple[Span, list[Candidate]]]:
    """ "the Kurdistan Region of Iraq", "the Tigray Region of Ethiopia": a place entity no name
    matches, a unit's name with its noun, "of", and a country's own name, is two toponyms (the
    resolver then reads the country as the unit's container)."""
    for ent in spacy_doc.ents:
        if ent.label_ not in PLACE_LABELS or any(i in covered for i in range(ent.start, ent.end)):
            continue
        bare = bare_name_span(ent)
        of = next((t.i for t in bare if t.lower_ == "of"), None)
        if (
            of is None
            or of - bare.start < 2
            or of + 1 >= bare.end
            or bare[of - bare.start - 1].lower_ not in REGION_NOUNS
        ):
            continue
        unit, country = spacy_doc[bare.start : of], spacy_doc[of + 1 : bare.end]
        if lookup(gazetteer, bare.text):
            continue
        countries = [c for c in lookup(gazetteer, country.text) if c.strong and c.entry.feature == "country"]
        units = [c for c in lookup(gazetteer, unit.text) if c.entry.feature in ("region", "district")]
        if countries and units:
            yield unit, units
            yield country, countries


def _names_of_size(bare: Span, size: int, gazetteer: Gazetteer) -> Iterator[tuple[Span, list[Candidate]] | None]:
    for start in range(bare.start, bare.end - size + 1):
        span = bare.doc[start : start + size]
        others = [t for t in bare if not start <= t.i < start + size]
        if not all(t.lower_ in DIRECTION_WORDS or t.is_punct or not t.text[:1].isupper() for t in others):
            yield None
            continue
        candidates = [c for c in lookup(gazetteer, span.text) if c.strong and c.entry.feature in ("country", "region")]
        yield (span, candidates) if candidates and not never_a_place(span.text, None) else None


def _located_end_of(entity: Span, i: int, j: int) -> bool:
    """ "the José Carreras Institute against Leukaemia in Barcelona" tagged ORG as a whole: a name
    closing the entity after a static preposition is where the thing is, not part of its name
    ("the University of Pennsylvania" has "of", "the Carnegie Moscow Center" no preposition)."""
    return j == entity.end and i - 1 > entity.start and entity.doc[i - 1].lower_ in ("in", "at", "near")


def toponym_of(span: Span, candidates: list[Candidate]) -> Toponym:
    return Toponym(span.start, span.end, span.start_char, span.end_char, span.text, candidates, feature_hint(span))


def find_toponyms(doc: ArticleDoc, gazetteer: Gazetteer) -> list[Toponym]:
    spacy_doc = doc.spacy_doc
    kinds = {a.id: a.kind for a in doc.actors}
    country_mentions = {(m.token_start, m.token_end) for m in doc.mentions if kinds.get(m.actor_id) == "country"}
    hidden = [span for span in embedded_places(spacy_doc, gazetteer, country_mentions) if lookup(gazetteer, span.text)]
    persons = _person_evidence(doc, gazetteer, {i for span in hidden for i in range(span.start, span.end)})
    toponyms: list[Toponym] = []
    covered: set[int] = set()
    for span, candidates in _joined_names(spacy_doc, gazetteer):
        toponyms.append(toponym_of(span, candidates))
        covered.update(range(span.start, span.end))
    # Places spaCy buried in another entity or cut short ("Belarus Lukashenko", "Ismail Khan").
    for span in hidden:
        if any(i in covered for i in range(span.start, span.end)) or never_a_place(span.text, feature_hint(span)):
            continue
        toponyms.append(toponym_of(span, lookup(gazetteer, span.text)))
        covered.update(range(span.start, span.end))
    mislabelled = [spacy_doc[start:end] for start, end in sorted(persons.mislabelled)]
    for span in list(_entity_spans(spacy_doc)) + mislabelled:
        if any(i in covered for i in range(span.start, span.end)):
            continue
        if persons.vetoes(span.start, span.end) or never_a_place(span.text, feature_hint(span)):
            continue
        candidates = lookup(gazetteer, span.text)
        if not candidates:
            continue
        toponyms.append(toponym_of(span, candidates))
        covered.update(range(span.start, span.end))
    for span, candidates in _units_of_a_country(spacy_doc, covered, gazetteer):
        toponyms.append(toponym_of(span, candidates))
        covered.update(range(span.start, span.end))
    for span, candidates in _qualified_names(spacy_doc, covered, gazetteer):
        if not persons.vetoes(span.start, span.end):
            toponyms.append(toponym_of(span, candidates))
            covered.update(range(span.start, span.end))
    if enabled(COUNTRY_OPENING_A_FACILITY):
        for span, candidates in _countries_opening_facilities(spacy_doc, covered, gazetteer):
            toponyms.append(toponym_of(span, candidates))
            covered.update(range(span.start, span.end))
    # Tokens of unknown place entities ("the Middle East") are not searched again for shorter names.
    for ent in spacy_doc.ents:
        if ent.label_ in PLACE_LABELS:
            covered.update(range(ent.start, ent.end))
    for span, candidates in _unlabelled_spans(spacy_doc, covered | persons.tokens, gazetteer, country_mentions):
        if persons.vetoes(span.start, span.end):
            continue
        toponyms.append(toponym_of(span, candidates))
        covered.update(range(span.start, span.end))
    if enabled(CONJUNCTS_OF_A_PLACE):
        for span, candidates in _conjuncts_of_places(spacy_doc, gazetteer, toponyms, covered, persons.surnames):
            toponyms.append(toponym_of(span, candidates))
            covered.update(range(span.start, span.end))
    if enabled(NAME_FOUND_AS_A_PLACE_ELSEWHERE):
        for span, candidates in _names_found_as_places(spacy_doc, toponyms, covered, persons):
            toponyms.append(toponym_of(span, candidates))
            covered.update(range(span.start, span.end))
    toponyms.sort(key=lambda t: t.token_start)
    return toponyms


def countries_by_demonym(spacy_doc: Doc, table: dict[str, str]) -> Counter:
    """Countries the article's demonyms point to ("Iranian officials", "Syrians"): one piece of
    evidence per distinct demonym."""
    found: dict[str, str] = {}
    for token in spacy_doc:
        if not token.text[:1].isupper():
            continue
        iso3 = table.get(token.text)
        if iso3 is None and token.text.endswith("s"):
            iso3 = table.get(token.text[:-1])
        if iso3 is not None:
            found[token.text.rstrip("s")] = iso3
    return Counter(found.values())
