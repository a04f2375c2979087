"""Place names the small model buries in another entity or cuts short.

spaCy's small model reads a headline's or a title's leading country as the start of a person's
name ("Papua New Guinea PM", "the President of Belarus Lukashenko", "Belarus Expels Two More
Polish Diplomats"), runs a possessor into the name it owns ("Luanda's Cazenga" PERSON), tags a
unit with its noun as a person ("Rakhine State"), takes only the last words of a long name
("Ismail Khan" of "Dera Ismail Khan", "Domingo" of "Santo Domingo"), stops a Spanish name at its
particle ("San Antonio de" of "San Antonio de los Baños"), and calls unfamiliar towns in a list of
places persons or nationalities ("Diyarbakir, Mardin and Van"; "Güines (Mayabeque)"). Each named
rule of `RULES` finds one such construction and gives the token span of the place it hides; the
toponym finder (`toponyms.find_toponyms`) reads these spans before spaCy's own entities.

A rule may only return a span whose text the gazetteer knows by a main name (a "strong" name), and
one that is a country's, a region's or a large city's name or that the text itself vouches for (a
list of places, a bracketed region): a person's name rarely is one of those.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from diurna.places.gazetteer import Candidate, Gazetteer
from diurna.places.names import fold, strip_article

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

PLACE_LABELS = {"GPE", "LOC", "FAC"}
NUMERIC_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
LARGE_CITY = 100_000  # as toponyms.MIN_POPULATION_UNLABELLED: a name this large is no surname
# Lower-case particles inside Spanish, Portuguese and Italian place names ("Santiago de Cuba",
# "San Antonio de los Baños", "Pinar del Río").
NAME_PARTICLES = {"de", "del", "da", "do", "dos", "das", "di", "la", "las", "los", "el", "y"}
UNIT_NOUNS = {"state", "province", "region", "district", "township", "governorate", "oblast", "county"}
POSSESSIVE = {"'s", "\u2019s"}
DIRECTIONS = {"north", "south", "east", "west", "upper", "lower", "northern", "southern", "eastern", "western"}
MAX_EXTENSION = 3
# Titles a country's name modifies ("Palau President Surangel Whipps"): the country, not a given name.
TITLES = {"president", "pm", "prime", "premier", "minister", "foreign", "king", "queen", "governor", "leader"}
TITLES |= {"ambassador", "envoy", "army", "police", "government", "opposition", "defence", "defense", "interior"}


@dataclass
class Scene:
    """What the rules read: the parse, the gazetteer, and the names the article uses as places
    elsewhere (place entities' texts and the actor stage's country mentions), folded."""

    spacy_doc: Doc
    gazetteer: Gazetteer
    place_names: set[str]
    place_entity_of: dict[int, Span]  # token -> the spaCy place entity it is in
    persons: list[Span]  # the article's PERSON entities


@dataclass(frozen=True)
class EmbeddedRule:
    name: str
    example: str
    find: Callable[[Span, Scene], tuple[int, int] | list[tuple[int, int]] | None]  # the places' token spans


RULES: list[EmbeddedRule] = []


def embedded_rule(example: str):
    def register(fn: Callable):
        RULES.append(EmbeddedRule(fn.__name__, example, fn))
        return fn

    return register


def _bare_start(ent: Span) -> int:
    """Where the entity's name starts: after "the"."""
    return ent.start + (1 if ent[0].lower_ == "the" else 0)


def _strong(scene: Scene, text: str) -> list[Candidate]:
    return [c for c in scene.gazetteer.candidates(text) if c.strong]


def _own_name(candidate: Candidate, text: str) -> bool:
    return fold(candidate.entry.name) == fold(strip_article(text))


def _notable(candidates: list[Candidate]) -> bool:
    """A country's, a region's or a large city's name."""
    return any(c.entry.feature in ("country", "region") or c.entry.population >= LARGE_CITY for c in candidates)


@embedded_rule(
    "'Papua New Guinea PM declares ...', 'The President of Belarus Lukashenko', 'Belarus Expels Two More"
    " Polish Diplomats': a country the article names elsewhere, opening another entity"
)
def country_opening_an_entity(ent: Span, scene: Scene) -> tuple[int, int] | None:
    if ent.label_ in PLACE_LABELS:
        return None
    start = _bare_start(ent)
    for end in range(min(ent.end - 1, start + MAX_EXTENSION + 1), start, -1):
        text = scene.spacy_doc[start:end].text
        countries = [c for c in _strong(scene, text) if c.entry.feature == "country"]
        # A name of several words is no given name; one word must be the country of the article
        # (one name, one sense) and stand where a person's name would not open: after "of"/"in"
        # ("the President of Belarus Lukashenko") or opening a headline whose other words name no
        # person of the article ("Belarus Expels Two More Polish Diplomats"). "Foreign Minister
        # Israel Katz" and "Jordan Bardella" are persons.
        if countries and (end - start > 1 or (fold(text) in scene.place_names and _country_slot(ent, end, scene))):
            return start, end
    return None


def _country_slot(ent: Span, end: int, scene: Scene) -> bool:
    doc = scene.spacy_doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.lower_ in ("of", "in", "from", "to", "for"):
        return True
    if end < ent.end and doc[end].lower_ in TITLES:  # "Palau President Surangel Whipps", "Belarus PM"
        return True
    heads_a_line = before is None or "\n" in before.text or before.is_space
    rest = {t.text for t in doc[end : ent.end]}
    others = {t.text for e in scene.persons if (e.start, e.end) != (ent.start, ent.end) for t in e}
    return heads_a_line and not rest & others


@embedded_rule("'Luanda's Cazenga area' tagged PERSON: a country, region or large city owning the name after it")
def possessor_in_an_entity(ent: Span, scene: Scene) -> list[tuple[int, int]] | None:
    if ent.label_ in PLACE_LABELS:
        return None
    doc = scene.spacy_doc
    for token in ent[1:]:
        if token.text in POSSESSIVE:  # also closing the entity: "Palau’s" PERSON
            start = _bare_start(ent)
            # by its own name: "Kremlin's spokesman" names Moscow only by a hand-kept metonym
            named = [c for c in _strong(scene, doc[start : token.i].text) if _own_name(c, doc[start : token.i].text)]
            if start < token.i and _notable(named):
                owned = doc[token.i + 1 : ent.end]
                # the owned name is a place too when the gazetteer knows it ("Cazenga")
                known = len(owned) > 0 and _strong(scene, owned.text)
                return [(start, token.i)] + ([(owned.start, owned.end)] if known else [])
    return None


@embedded_rule("'Rakhine State' and 'Rathedaung Township' tagged PERSON: a unit's name with its noun")
def unit_with_its_noun(ent: Span, scene: Scene) -> tuple[int, int] | None:
    if ent.label_ in PLACE_LABELS or len(ent) < 2 or ent[-1].lower_ not in UNIT_NOUNS:
        return None
    start = _bare_start(ent)
    bare = scene.spacy_doc[start : ent.end - 1].text
    if not bare or not bare[:1].isupper():
        return None
    units = [c for c in scene.gazetteer.candidates(bare) if c.entry.feature in ("region", "district")]
    return (start, ent.end) if units else None


@embedded_rule(
    "'in Dera Ismail Khan' (only 'Ismail Khan' PERSON), 'Santo Domingo said' ('Domingo' PERSON), 'San"
    " Antonio de los Baños' ('San Antonio de' GPE): the entity is the end or the start of a longer known name"
)
def longer_known_name(ent: Span, scene: Scene) -> tuple[int, int] | None:
    doc = scene.spacy_doc
    start = _bare_start(ent)
    best = None
    for left in range(max(0, start - MAX_EXTENSION), start + 1):
        if left < start and not _free_name_tokens(doc, left, start):
            continue
        for right in range(ent.end, min(len(doc), ent.end + MAX_EXTENSION) + 1):
            if right > ent.end and not _free_name_tokens(doc, ent.end, right):
                break
            if (left, right) == (start, ent.end) or doc[right - 1].lower_ in NAME_PARTICLES:
                continue
            candidates = _strong(scene, doc[left:right].text)
            # A place entity cut short may be any town; a person's name must be a notable place's.
            if candidates and (ent.label_ in PLACE_LABELS or _notable(candidates)):
                if best is None or right - left > best[1] - best[0]:
                    best = (left, right)
    return best


def _free_name_tokens(doc: Doc, start: int, end: int) -> bool:
    """Tokens outside every entity that can continue a name: capitalised words and particles."""
    return all(
        not t.ent_type_
        and (t.text[:1].isupper() or t.lower_ in NAME_PARTICLES)
        and not t.is_punct
        and t.lower_ != "the"  # "The US State Department": the article is no part of the name
        for t in doc[start:end]
    )


@embedded_rule(
    "'Diyarbakir, Mardin and Van' (Mardin PERSON), 'a flight from Athens to Vilnius' (Vilnius PERSON):"
    " a name coordinated with a place entity, or the other end of a route from or to one"
)
def partner_of_a_place(ent: Span, scene: Scene) -> tuple[int, int] | None:
    if ent.label_ in PLACE_LABELS or ent.label_ in NUMERIC_LABELS:
        return None
    start = _bare_start(ent)
    if start >= ent.end or not _strong(scene, scene.spacy_doc[start : ent.end].text):
        return None
    root = scene.spacy_doc[start : ent.end].root
    partners = [t for t in list(root.conjuncts) + _route_ends(root) if not ent.start <= t.i < ent.end]
    if any(t.i in scene.place_entity_of and _strong(scene, scene.place_entity_of[t.i].text) for t in partners):
        return start, ent.end
    return None


def _route_ends(token) -> list:
    """The other end of "from X to Y" (either way round): "to" hangs on "from" or both on one head."""
    if token.dep_ != "pobj" or token.head.lower_ not in ("from", "to"):
        return []
    preposition = token.head
    other = "to" if preposition.lower_ == "from" else "from"
    linked = [c for c in preposition.children if c.lower_ == other]  # "from Athens to Vilnius"
    if preposition.head.lower_ == other:
        linked.append(preposition.head)
    linked += [c for c in preposition.head.children if c.lower_ == other and c.i != preposition.i]
    return [c for p in linked for c in p.children if c.dep_ == "pobj"]


@embedded_rule(
    "'Güines (Mayabeque)', 'Palma Soriano (Santiago de Cuba)', 'Centro Habana (Havana)': a name with"
    " the place it lies in bracketed after it"
)
def bracketed_container_after(ent: Span, scene: Scene) -> tuple[int, int] | None:
    if ent.label_ in PLACE_LABELS or ent.label_ in NUMERIC_LABELS:
        return None
    doc = scene.spacy_doc
    start = _bare_start(ent)
    if ent.end + 2 >= len(doc) or doc[ent.end].text != "(":
        return None
    close = next((t.i for t in doc[ent.end + 1 : ent.end + 2 + MAX_EXTENSION] if t.text == ")"), None)
    if close is None or close == ent.end + 1:
        return None
    containers = _strong(scene, doc[ent.end + 1 : close].text)
    named = _strong(scene, doc[start : ent.end].text)
    countries = {c.entry.country for c in containers}
    if any(c.entry.country in countries and c.entry.feature != "country" for c in named):
        return start, ent.end
    return None


@embedded_rule(
    "'between North and South Korea', 'North and South Kivu', 'East and West Germany': the last of"
    " two direction words sharing one name is that name's place"
)
def shared_name_after_directions(ent: Span, scene: Scene) -> tuple[int, int] | None:
    doc = scene.spacy_doc
    start = _bare_start(ent)
    words = [t.lower_ for t in doc[start : ent.end]]
    if len(words) < 4 or words[1] not in ("and", "&") or words[0] not in DIRECTIONS or words[2] not in DIRECTIONS:
        return None
    last = (start + 2, ent.end)
    return last if _strong(scene, doc[last[0] : last[1]].text) else None


# A settlement's kind: the name in apposition to it or after its "of" is a settlement's name.
SETTLEMENT_NOUNS = {"capital", "city", "town", "village", "port"}


@embedded_rule(
    "'in the capital Nouakchott' (Nouakchott PERSON), 'the town of Kaedi' (Kaedi ORG): a name in apposition"
    " to a settlement's noun or after its 'of'"
)
def name_of_a_settlement_noun(ent: Span, scene: Scene) -> tuple[int, int] | None:
    if ent.label_ in PLACE_LABELS or ent.label_ in NUMERIC_LABELS:
        return None
    start = _bare_start(ent)
    if start >= ent.end:
        return None
    root = scene.spacy_doc[start : ent.end].root
    if root.dep_ == "appos":
        noun = root.head
    elif root.dep_ == "pobj" and root.head.lower_ == "of":
        noun = root.head.head
    else:
        return None
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in SETTLEMENT_NOUNS or noun.i > start:
        return None
    text = scene.spacy_doc[start : ent.end].text
    if any(_own_name(c, text) and c.entry.feature == "city" for c in _strong(scene, text)):
        return start, ent.end
    return None


# Bodies a town's name opens when they are that town's own: its courts and its police.
SEATED_BODY_NOUNS = {"court", "tribunal", "police"}


@embedded_rule(
    "'The Kuala Lumpur Sessions Court', 'the Phnom Penh Municipal Court', 'Seoul Central District Court'"
    " (ORG): a large city opening the name of a court or police force that sits in it"
)
def town_opening_a_seated_body(ent: Span, scene: Scene) -> tuple[int, int] | None:
    if ent.label_ != "ORG" or ent[-1].lower_ not in SEATED_BODY_NOUNS:
        return None
    start = _bare_start(ent)
    # the longest opening that is a large city's own name ("Kuala Lumpur", not "Kuala"); a country
    # opening the name is `country_opening_an_entity`'s. One word must be a place the article names
    # elsewhere: "the Kennedy Court" is a person's, whatever town shares the name.
    for end in range(min(ent.end - 1, start + MAX_EXTENSION), start, -1):
        text = scene.spacy_doc[start:end].text
        towns = [c for c in _strong(scene, text) if _own_name(c, text) and c.entry.feature == "city"]
        if any(c.entry.population >= LARGE_CITY for c in towns) and (
            end - start > 1 or fold(text) in scene.place_names
        ):
            return start, end
    return None


def embedded_places(spacy_doc: Doc, gazetteer: Gazetteer, country_mentions: set[tuple[int, int]]) -> Iterator[Span]:
    """Spans of places hidden in or cut by spaCy's entities, each once, left to right."""
    places = [e for e in spacy_doc.ents if e.label_ in PLACE_LABELS]
    place_entity_of = {i: e for e in places for i in range(e.start, e.end)}
    place_names = {fold(strip_article(e.text)) for e in places}
    place_names |= {fold(spacy_doc[s:e].text) for s, e in country_mentions}
    persons = [e for e in spacy_doc.ents if e.label_ == "PERSON"]
    scene = Scene(spacy_doc, gazetteer, place_names, place_entity_of, persons)
    found: dict[tuple[int, int], str] = {}
    for ent in spacy_doc.ents:
        if ent.label_ in NUMERIC_LABELS:
            continue
        for r in RULES:
            spans = r.find(ent, scene)
            if spans is not None:
                for span in [spans] if isinstance(spans, tuple) else spans:
                    found.setdefault(span, r.name)
                break
    taken: set[int] = set()
    for start, end in sorted(found, key=lambda s: (s[0], -(s[1] - s[0]))):
        if any(i in taken for i in range(start, end)):
            continue
        taken.update(range(start, end))
        yield spacy_doc[start:end]
