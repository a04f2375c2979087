"""Where an event happened: the place its clause governs, else one the sentence sets the scene with.

    "a delegation visited Tehran"                         -> Tehran (object of a visiting verb)
    "Iranians took to the streets of Tehran"              -> Tehran (locative "to", through "of")
    "protesters gathered in Tehran and burned flags"      -> Tehran (conjoined verb sharing the subject)
    "In Ankara, officials said Turkey would retaliate"    -> Ankara (scene of the clause that embeds it)
    "Iran condemned the move"                             -> None   (a country as an actor is no location)

The article's first place is never a default: an event whose sentence places it nowhere has no place.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Optional

from diurna.document import ArticleDoc, PlaceRef
from diurna.places.lexicon import COUNTRY_LOCATIVE, LOCATIVE, MOVEMENT, STATIC, VISITING

if TYPE_CHECKING:
    from spacy.tokens import Token

SPECIFICITY = {"city": 0, "region": 1, "country": 2}
OWN_SUBJECT = {"nsubj", "nsubjpass", "csubj", "expl"}


def _is_verb(token: "Token") -> bool:
    return token.pos_ in ("VERB", "AUX")


def _has_own_subject(token: "Token") -> bool:
    return any(child.dep_ in OWN_SUBJECT for child in token.children)


def clause_group(trigger: "Token") -> set["Token"]:
    """The trigger and the words that share its clause's setting: for a noun trigger, the verb it
    hangs from ("held protests in Tehran"); conjoined verbs without a subject of their own
    ("gathered in Tehran and burned flags"); xcomp and purpose complements, both ways."""
    group = {trigger}
    anchor = trigger
    while not _is_verb(anchor) and anchor.head.i != anchor.i and anchor.dep_ not in ("ROOT", "ccomp"):
        anchor = anchor.head
        group.add(anchor)
        if _is_verb(anchor):
            break
    frontier = list(group)
    while frontier:
        token = frontier.pop()
        related: list["Token"] = []
        if token.dep_ in ("xcomp", "advcl") and token.head.i != token.i and not _has_own_subject(token):
            related.append(token.head)
        if token.dep_ == "conj" and not _has_own_subject(token):
            related.append(token.head)
        related.extend(c for c in token.children if c.dep_ == "xcomp"
                       or (c.dep_ == "conj" and _is_verb(c) and not _has_own_subject(c)))
        for other in related:
            if other not in group:
                group.add(other)
                frontier.append(other)
    return group


ARGUMENT = {"nsubj", "nsubjpass", "dobj"}


def _governor(token: "Token") -> tuple[Optional["Token"], list[tuple[str, "Token"]], str]:
    """Walk up from a place's head word to the verb that governs it.

    Returns (the verb reached, the prepositions passed with the word each hangs from, the place's
    own relation). Stops at the first verb, so a place in a relative or adverbial clause of its
    own stays there.
    """
    preps: list[tuple[str, "Token"]] = []
    relation = token.dep_
    current = token
    while current.head.i != current.i:
        parent = current.head
        if current.dep_ == "pobj" and parent.dep_ in ("prep", "agent"):
            preps.append((parent.lower_, parent.head))
        if _is_verb(parent) or parent.dep_ == "ROOT":
            return parent, preps, relation
        current = parent
    return None, preps, relation


def _attached_to(word: "Token", preposition: str, group: set["Token"]) -> bool:
    """A locative phrase sets the event's place when it hangs from the trigger's clause itself, or
    says where a participant is ("protesters in Tehran burned flags"). Directional phrases on a
    participant ("death to England") say nothing about where the event is."""
    if word in group:
        return True
    return preposition in STATIC and word.dep_ in ARGUMENT and word.head in group


def _locates(place_feature: str, governor: "Token", preps: list[tuple[str, "Token"]], relation: str,
             group: set["Token"]) -> bool:
    """Does the path from a place to a word of the trigger's clause make it the event's location?"""
    if not preps:
        # A bare object: where one goes for visiting verbs; for others only a city or region
        # ("shelled Aleppo"), since a country object is the target actor ("condemned Iran").
        return relation == "dobj" and governor in group and (place_feature != "country" or governor.lemma_ in VISITING)
    if any(p not in LOCATIVE and p != "of" for p, _ in preps):
        return False
    # The outermost locative phrase is the one that attaches the place to the clause;
    # the "of" links below it only narrow it down ("the streets of Tehran").
    locatives = [(p, word) for p, word in preps if p in LOCATIVE]
    if not locatives:
        return False
    preposition, word = locatives[-1]
    if not _attached_to(word, preposition, group):
        return False
    if place_feature != "country" or preps[0][0] != preposition:
        return True
    return preposition in COUNTRY_LOCATIVE or (preposition in ("to", "into") and governor.lemma_ in MOVEMENT)


QUOTE_MARKS = {'"', "\u201c", "\u201d", "``", "''"}


def _quoted_tokens(sentence) -> set[int]:
    """Tokens between paired quotation marks of the sentence."""
    inside: set[int] = set()
    opened = None
    for token in sentence:
        if token.text in QUOTE_MARKS:
            if opened is None:
                opened = token.i
            else:
                inside.update(range(opened + 1, token.i))
                opened = None
    return inside


def _places_in_sentence(doc: ArticleDoc, trigger: "Token") -> Iterable[tuple[PlaceRef, "Token"]]:
    """Place mentions of the trigger's sentence; a place inside a quotation ("death to England")
    belongs to the quoted words, not to an event told outside them."""
    sentence = trigger.sent
    quoted = _quoted_tokens(sentence)
    for ref in doc.place_mentions:
        if sentence.start <= ref.token_start and ref.token_end <= sentence.end:
            if ref.token_start in quoted and trigger.i not in quoted:
                continue
            yield ref, doc.spacy_doc[ref.token_start:ref.token_end].root


def _feature(doc: ArticleDoc, place_id: str) -> str:
    for place in doc.places:
        if place.id == place_id:
            return place.feature
    return "city"


def _best(found: list[tuple[PlaceRef, int]], doc: ArticleDoc) -> str:
    """The most specific place, then the nearest to the trigger."""
    ref, _ = min(found, key=lambda rd: (SPECIFICITY.get(_feature(doc, rd[0].place_id), 3), rd[1], rd[0].token_start))
    return ref.place_id


def event_place(doc: ArticleDoc, trigger_token: int) -> str | None:
    """The place id of the event whose trigger is token `trigger_token`, or None."""
    if doc.spacy_doc is None or not doc.place_mentions or not 0 <= trigger_token < len(doc.spacy_doc):
        return None
    trigger = doc.spacy_doc[trigger_token]
    group = clause_group(trigger)
    in_clause: list[tuple[PlaceRef, int]] = []
    in_scene: list[tuple[PlaceRef, int]] = []
    for ref, head in _places_in_sentence(doc, trigger):
        if ref.token_start <= trigger_token < ref.token_end:
            continue    # the trigger is the place's own name
        governor, preps, relation = _governor(head)
        if governor is None:
            continue
        feature = _feature(doc, ref.place_id)
        distance = abs(head.i - trigger_token)
        if _locates(feature, governor, preps, relation, group):
            in_clause.append((ref, distance))
        elif preps and governor in trigger.ancestors and _locates(feature, governor, preps, relation, {governor}):
            in_scene.append((ref, distance))
    if in_clause:
        return _best(in_clause, doc)
    if in_scene:
        return _best(in_scene, doc)
    return None
