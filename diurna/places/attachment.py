"""How a place's phrase attaches to an event's clause (issue 22): the words that share the trigger's
clause (`clause_group`), the way up from a place to the verb that governs it (`governing_verb`), and
whether that path makes the place the event's location (`locates`). The place rules of `clause.py`
ask these questions; `paths.py` adds the paths through another happening.

    "protesters gathered in Tehran and burned flags"   burned: Tehran (a conjoined verb sharing the subject)
    "Iranians took to the streets of Tehran"           took: Tehran (locative "to", narrowed by "of")
    "captured the strategic city of Uvira"             captured: Uvira (the place under its kind's noun)
    "Iran condemned the move"                          condemned: no location (a country object is an actor)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diurna.places.lexicon import (
    ATTACKING,
    COMPLEX_PREPOSITION_NOUNS,
    CONTAINMENT_NOUNS,
    COUNTRY_LOCATIVE,
    DIRECTIONAL,
    EVENT_NOUNS,
    LOCATIVE,
    MOVEMENT,
    PLACE_PART_NOUNS,
    REACTING,
    STATIC,
    TRAVEL_NOUNS,
    VISITING,
)
from diurna.places.paths import (
    PART_OF_PLACE_AS_OBJECT,
    SET_OFF_LOCATIVE,
    during_a_visit,
    enabled,
    leaving_from,
    possessor_relation,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

OWN_SUBJECT = {"nsubj", "nsubjpass", "csubj", "expl"}
PLACE_KIND_NOUNS = CONTAINMENT_NOUNS | {"capital"}


def is_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX")


def _has_own_subject(token: Token) -> bool:
    return any(child.dep_ in OWN_SUBJECT for child in token.children)


def clause_group(trigger: Token) -> set[Token]:
    """The trigger and the words that share its clause's setting: for a noun trigger, the verb it
    hangs from ("held protests in Tehran"); conjoined verbs without a subject of their own
    ("gathered in Tehran and burned flags"); xcomp and purpose complements, both ways."""
    group = {trigger}
    anchor = trigger
    while not is_verb(anchor) and anchor.head.i != anchor.i and anchor.dep_ not in ("ROOT", "ccomp"):
        anchor = anchor.head
        group.add(anchor)
        if is_verb(anchor):
            break
    frontier = list(group)
    while frontier:
        token = frontier.pop()
        related: list[Token] = []
        if token.dep_ in ("xcomp", "advcl") and token.head.i != token.i and not _has_own_subject(token):
            related.append(token.head)
        if token.dep_ == "conj" and not _has_own_subject(token):
            related.append(token.head)
        related.extend(
            c
            for c in token.children
            if c.dep_ == "xcomp" or (c.dep_ == "conj" and is_verb(c) and not _has_own_subject(c))
        )
        for other in related:
            if other not in group:
                group.add(other)
                frontier.append(other)
    return group


ARGUMENT = {"nsubj", "nsubjpass", "dobj"}
# Links that narrow a locative phrase down to a named place: "the streets of Tehran", "marched in
# several Italian cities, including Rome".
NARROWING = {"of", "including"}


def governing_verb(token: Token) -> tuple[Token | None, list[tuple[str, Token]], str]:
    """Walk up from a place's head word to the verb that governs it.

    Returns (the verb reached, the prepositions passed with the word each hangs from, the place's
    own relation). Stops at the first verb, so a place in a relative or adverbial clause of its
    own stays there.
    """
    preps: list[tuple[str, Token]] = []
    while token.dep_ == "conj" and token.head.i != token.i and token.head.pos_ in ("PROPN", "NOUN"):
        token = token.head  # "raided Jenin and Nablus": Nablus stands where Jenin does
    if _names_its_kind_noun(token):
        token = token.head  # "the rebels seized the capital Sanaa": the name stands where its noun does
    relation = token.dep_
    if relation == "poss":
        relation = possessor_relation(token)  # "poss", or POSSESSOR_OF_A_SETTING
        if relation is None:
            return None, preps, "poss"  # "Tel Aviv's war on Gaza": an owner, not a location
    current = token
    while current.head.i != current.i:
        parent = current.head
        if current.dep_ == "pobj" and parent.dep_ in ("prep", "agent"):
            preposition = parent.lower_
            if preposition == "in" and current.lemma_.lower() in COMPLEX_PREPOSITION_NOUNS and current.i != token.i:
                preposition = "in " + current.lemma_.lower()  # "in search of": no location
            preps.append((preposition, parent.head))
        # "including" is tagged a verb but links a list's member like a preposition
        if (is_verb(parent) and parent.dep_ != "prep") or parent.dep_ == "ROOT":
            return parent, preps, relation
        current = parent
    return None, preps, relation


def _attached_to(word: Token, preposition: str, group: set[Token]) -> bool:
    """A locative phrase sets the event's place when it hangs from the trigger's clause itself, or
    says where a participant is ("protesters in Tehran burned flags"). Directional phrases on a
    participant ("death to England") say nothing about where the event is, unless the participant
    is a going somewhere ("allowed aid workers access to the Tigray region", "sent a mission to Mali")."""
    if word in group:
        return True
    while word.dep_ == "pobj" and word.head.lower_ == "of" and word.head.head.i != word.head.i:
        word = word.head.head  # "sent a team of experts to Mali": the team goes there
    while word.dep_ == "appos" and word.head.i != word.i:
        word = word.head  # "attacked Bethel School, Maramara in Chikun": where the school is
    if word.dep_ not in ARGUMENT or word.head not in group:
        return False
    return preposition in STATIC or (preposition in DIRECTIONAL and word.lemma_ in TRAVEL_NOUNS)


def _set_off_by_a_comma(preps: list[tuple[str, Token]], group: set[Token]) -> list[tuple[str, Token]]:
    """ "met with Zalmay Khalilzad, a US envoy, in Doha": a static phrase after a comma, hung by the
    parser on a participant of the clause (an argument, or the object of one of the clause's own
    prepositions), is the clause's adjunct, as if it hung from the clause's word (`SET_OFF_LOCATIVE`)."""
    if not preps or not enabled(SET_OFF_LOCATIVE):
        return preps
    preposition, word = preps[0]
    if preposition not in STATIC:
        return preps
    if word.dep_ in ARGUMENT and word.head in group:
        clause_word, rest = word.head, preps[1:]
    elif word.dep_ == "pobj" and word.head.dep_ == "prep" and word.head.head in group and len(preps) > 1:
        clause_word, rest = word.head.head, preps[2:]
    else:
        return preps
    set_off = any(
        c.dep_ == "prep" and c.lower_ == preposition and c.i > word.i and c.nbor(-1).text == "," for c in word.children
    )
    return [(preposition, clause_word), *rest] if set_off and not rest else preps


def locates(
    place_feature: str, governor: Token, preps: list[tuple[str, Token]], relation: str, group: set[Token]
) -> bool:
    """Does the path from a place to a word of the trigger's clause make it the event's location?"""
    if preps and all(p == "of" for p, _ in preps) and _place_noun_object(preps[-1][1], group):
        # "captured the strategic city of Uvira", "visited the region's capital of Nukus": the
        # object is the place under its kind's noun, as if bare. Under a part's noun ("filled the
        # streets of Lima") a capital is the town, not its government.
        if place_feature == "capital" and _is_part_noun(preps[-1][1]):
            place_feature = "city"
        preps, relation, governor = [], "dobj", preps[-1][1].head
    if not preps:
        # A bare object: where one goes for visiting verbs; for others only a city or region
        # ("shelled Aleppo"), since a country object is the target actor ("condemned Iran"), and so
        # is a capital standing for its government ("accused Kigali", "warned Moscow").
        if relation != "dobj" or governor not in group:
            return False
        return (
            place_feature not in ("country", "capital") or governor.lemma_ in VISITING or governor.lemma_ in ATTACKING
        )
    preps = _set_off_by_a_comma(leaving_from(during_a_visit(preps)), group)
    if place_feature == "territory":
        # "shot down a drone over Lebanese territory": over a state's ground or sky is where it happened
        preps = [("at" if p == "over" else p, word) for p, word in preps]
    if any(p not in LOCATIVE and p not in NARROWING for p, _ in preps):
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
    if preposition in COUNTRY_LOCATIVE:
        return True
    # "travelled to Iran", "a visit to China"; "missile strikes on Pakistan" (not "sanctions on Iran")
    if preposition in ("to", "into") and (governor.lemma_ in MOVEMENT or word.lemma_ in TRAVEL_NOUNS):
        return True
    return preposition in ("on", "into") and word.lemma_ in ATTACKING


def noun_object(preps: list[tuple[str, Token]], trigger: Token) -> bool:
    """ "Russia's annexation of Crimea", "the siege of Mariupol": a place after an event noun's "of"
    is what the event is done to, as the object of its verb ("annexed Crimea"), read by the same
    rule (a country only for attacking and visiting nouns: "the invasion of Ukraine", not "the
    sanctions of the EU")."""
    return len(preps) == 1 and preps[0][0] == "of" and preps[0][1].i == trigger.i


def _place_noun_object(noun: Token, group: set[Token]) -> bool:
    """ "the city" in "captured the city of Uvira": a place's kind noun as the clause's object; so is a
    part of a place ("filled the streets of Lima", "shelled the outskirts of Aleppo")."""
    named = noun.lemma_.lower() in PLACE_KIND_NOUNS or _is_part_noun(noun)
    return named and noun.dep_ == "dobj" and noun.head in group


def _is_part_noun(noun: Token) -> bool:
    """ "streets", "outskirts", "centre": a part of a place, not a kind of place (`PART_OF_PLACE_AS_OBJECT`)."""
    lemma = noun.lemma_.lower()
    return (
        enabled(PART_OF_PLACE_AS_OBJECT)
        and lemma not in PLACE_KIND_NOUNS
        and (lemma in PLACE_PART_NOUNS or noun.lower_ in PLACE_PART_NOUNS)
    )


def up_to(preps: list[tuple[str, Token]], word: Token) -> list[tuple[str, Token]]:
    """The prepositions passed up to the one hanging from `word` (none if none does)."""
    for n, (_, head) in enumerate(preps):
        if head.i == word.i:
            return preps[: n + 1]
    return []


def of_another_event(preps: list[tuple[str, Token]], trigger: Token) -> bool:
    """ "condemned the attacks in Bannu": the place's phrase hangs from a noun of another event that
    a reacting verb has as its object; it places that event, not the reaction."""
    word = next((w for p, w in preps if p not in NARROWING), None)
    return (
        word is not None
        and word.i != trigger.i
        and word.lemma_.lower() in EVENT_NOUNS
        and trigger.lemma_.lower() in REACTING
        and trigger in word.ancestors
    )


def own_relative_clauses(trigger: Token) -> set[Token]:
    """ "protests that intensified in several cities": a relative clause on the trigger noun tells
    where the event itself happened."""
    return {child for child in trigger.children if child.dep_ == "relcl"}


def describes_another_participant(head: Token, trigger: Token) -> bool:
    """Is the place inside a relative clause or apposition hanging from a word other than the trigger?"""
    token = head
    while token.head.i != token.i:
        if _names_its_kind_noun(token):
            token = token.head  # "in the Thai capital, Bangkok": the name is the place itself, not a description
            continue
        if token.dep_ in ("relcl", "appos", "acl") and token.head.i != trigger.i and not _purpose(token):
            return trigger not in token.subtree
        token = token.head
    return False


def _names_its_kind_noun(token: Token) -> bool:
    """ "the Kenyan capital, Nairobi", "the border town, Rafah": a name in apposition to its kind's
    noun stands where the noun does (as in `governing_verb`)."""
    return token.dep_ == "appos" and token.head.lemma_.lower() in PLACE_KIND_NOUNS


PURPOSE_NOUNS = {"attempt", "bid", "effort", "order", "move"}


def _purpose(token: Token) -> bool:
    """ "fired tear gas in an attempt to disperse protesters in Cali": a purpose clause says what the
    event was for, not who a participant is."""
    return token.dep_ == "acl" and token.head.lemma_.lower() in PURPOSE_NOUNS and token.head.dep_ == "pobj"
