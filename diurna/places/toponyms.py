"""Which spans of an article are toponyms.

spaCy's GPE, LOC and FAC entities are the first source; the gazetteer adds the names the small
model misses or mislabels (it tags "Al-Quds" ORG and may tag a surname GPE). A span becomes a
toponym only if the gazetteer knows the name, and not when the text uses it for a person.
Demonyms ("Iranian") never are: the gazetteer holds no demonyms and NORP entities are not read.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

from diurna.document import ArticleDoc
from diurna.places.gazetteer import Candidate, Gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# A gazetteer name found outside spaCy's place entities must be a country, a region, a hand-kept
# alias or a city this large: small towns named like common words ("Police", "Of") would
# otherwise turn up in every article, while spaCy does label the small towns news writes about.
MIN_POPULATION_UNLABELLED = 100_000
MAX_NAME_TOKENS = 6
PROPER_TAGS = {"NNP", "NNPS"}
# Entities that cannot contain a name: the small model sometimes swallows one ("Aleppo overnight" TIME).
NUMERIC_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
# "in Kyiv", "at Aleppo": after these a one-word PERSON entity naming a large place is the place;
# the small model often tags unfamiliar city names PERSON. Directional "to" is left out, as
# people are spoken "to" far more often than they are sat "in".
STATIC_PREPOSITIONS = {"in", "at", "near", "inside", "outside", "across", "throughout", "within", "from"}


@dataclass
class Toponym:
    """A span naming a place, with every place its name may denote."""
    token_start: int
    token_end: int
    start: int          # character offsets into the article text
    end: int
    text: str
    candidates: list[Candidate]


def _strip_article(span: "Span") -> "Span":
    """"the Gaza Strip" -> "Gaza Strip": the article is not part of the name in the text."""
    start = span.start
    while start < span.end - 1 and span.doc[start].lower_ == "the":
        start += 1
    return span.doc[start:span.end]


def _person_tokens(doc: ArticleDoc, gazetteer: Gazetteer) -> set[int]:
    """Tokens the actor stage or spaCy attributes to a person.

    A surname alone ("Aruri") is a person when a full name ending in it is tagged PERSON
    elsewhere in the article, however spaCy labels the short form.
    """
    spacy_doc = doc.spacy_doc
    persons: set[int] = set()
    surnames = {ent[-1].text for ent in spacy_doc.ents if ent.label_ == "PERSON" and len(ent) > 1}
    for ent in spacy_doc.ents:
        if ent.label_ == "PERSON" and not _mislabelled_place(ent, surnames, gazetteer):
            persons.update(range(ent.start, ent.end))
    kinds = {a.id: a.kind for a in doc.actors}
    for mention in doc.mentions:
        if kinds.get(mention.actor_id) == "person" and not any(
                _mislabelled_place(e, surnames, gazetteer) for e in spacy_doc.ents
                if (e.start, e.end) == (mention.token_start, mention.token_end) and e.label_ == "PERSON"):
            persons.update(range(mention.token_start, mention.token_end))
    for token in spacy_doc:
        if token.text in surnames:
            persons.add(token.i)
    return persons


def _mislabelled_place(ent: "Span", surnames: set[str], gazetteer: Gazetteer) -> bool:
    """A one-word PERSON entity that is a large place's name, after "in"/"at"/"from"...: "in Kyiv"."""
    if len(ent) != 1 or ent.text in surnames:
        return False
    token = ent[0]
    if token.dep_ != "pobj" or token.head.lower_ not in STATIC_PREPOSITIONS:
        return False
    return _is_strong_unlabelled(gazetteer.candidates(ent.text))


def _is_strong_unlabelled(candidates: list[Candidate]) -> bool:
    return any(c.strong and (c.entry.feature != "city" or c.entry.population >= MIN_POPULATION_UNLABELLED)
               for c in candidates)


def _looks_like_name(span: "Span") -> bool:
    """Capitalised proper nouns ("U.S." included), not a sentence-initial common word."""
    return all(t.tag_ in PROPER_TAGS or (t.is_punct and t.text in "-.'") or t.lower_ in ("of", "the", "al")
               for t in span) and span[0].text[:1].isupper() and span[-1].tag_ in PROPER_TAGS


def _entity_spans(spacy_doc: "Doc") -> Iterator["Span"]:
    for ent in spacy_doc.ents:
        if ent.label_ in PLACE_LABELS:
            yield _strip_article(ent)


def _unlabelled_spans(spacy_doc: "Doc", covered: set[int], gazetteer: Gazetteer) -> Iterator[tuple["Span", list[Candidate]]]:
    """Longest gazetteer names among tokens no place entity covers, left to right.

    Inside another entity (spaCy calls "Al-Quds" ORG) a name counts only if it is the whole entity,
    so "Jerusalem" in "the Jerusalem Post" does not.
    """
    entity_of = {}
    for ent in spacy_doc.ents:
        if ent.label_ in NUMERIC_LABELS:
            continue
        bare = _strip_article(ent)
        for i in range(ent.start, ent.end):
            entity_of[i] = bare
    i = 0
    while i < len(spacy_doc):
        if i in covered or not spacy_doc[i].text[:1].isupper():
            i += 1
            continue
        found = None
        for j in range(min(len(spacy_doc), i + MAX_NAME_TOKENS), i, -1):
            if any(k in covered for k in range(i, j)):
                continue
            span = spacy_doc[i:j]
            entity = entity_of.get(i)
            if entity is not None and (entity.start, entity.end) != (i, j):
                continue
            if entity is None and any(k in entity_of for k in range(i, j)):
                continue
            if entity is None and not _looks_like_name(span):
                continue
            candidates = gazetteer.candidates(span.text)
            if candidates and _is_strong_unlabelled(candidates):
                found = (span, [c for c in candidates if c.strong])
                break
        if found:
            yield found
            i = found[0].end
        else:
            i += 1


def find_toponyms(doc: ArticleDoc, gazetteer: Gazetteer) -> list[Toponym]:
    spacy_doc = doc.spacy_doc
    persons = _person_tokens(doc, gazetteer)
    toponyms: list[Toponym] = []
    covered: set[int] = set()
    for span in _entity_spans(spacy_doc):
        if any(i in persons for i in range(span.start, span.end)):
            continue
        candidates = gazetteer.candidates(span.text)
        if not candidates:
            continue
        toponyms.append(Toponym(span.start, span.end, span.start_char, span.end_char, span.text, candidates))
        covered.update(range(span.start, span.end))
    # Tokens of unknown place entities ("the Middle East") are not searched again for shorter names.
    for ent in spacy_doc.ents:
        if ent.label_ in PLACE_LABELS:
            covered.update(range(ent.start, ent.end))
    for span, candidates in _unlabelled_spans(spacy_doc, covered | persons, gazetteer):
        toponyms.append(Toponym(span.start, span.end, span.start_char, span.end_char, span.text, candidates))
    toponyms.sort(key=lambda t: t.token_start)
    return toponyms
