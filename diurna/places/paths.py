"""Syntactic paths between a place mention and an event's trigger (issue 22): how near the place is
in the dependency tree, and whether the way up from the place to the trigger's clause passes through
another happening's phrase or clause, whose place it then is.

    "Afghanistan accused Pakistan of violating the truce with airstrikes in Paktika"
        accused: Paktika is the airstrikes' place, inside the act accused of ("of violating")
    "Japan lodged a protest via its embassy in Beijing"       lodged: Beijing is the embassy's place
    "Thailand recalled its ambassador and said it would expel Cambodia's envoy in Bangkok"
        recalled: Bangkok is inside what was said
    "Meeting in Brussels, the leaders demanded ..."     demanded: Brussels (a participle of the scene)
    "troops were deployed after clashes in the Amhara region"   deployed: Amhara
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diurna.nlp.syntax import tree_path
from diurna.places.lexicon import LOCATIVE

if TYPE_CHECKING:
    from spacy.tokens import Token

# Prepositions whose phrase tells a medium, a reason or a contrast rather than the setting: a
# place inside is that other thing's ("lodged a protest via its embassy in Beijing", "amid setbacks
# in Russia's invasion of Ukraine"). Not "following", "after", "against" or "as": measured on the
# tune split and on PLV train (2026-12-06), "following a meeting in Jeddah, the OIC expressed",
# "strikes against Hamas targets throughout the Gaza Strip", "held civilians as human shields in
# Raqqa" carry the event's place more often than not.
OTHER_THAN_SETTING = {"via", "amid", "amidst", "despite", "because", "instead", "unlike", "than", "without"}
# Clauses whose content is another event (what was said, demanded, believed) or describes a
# participant (relative clauses) rather than set the scene.
CONTENT_CLAUSES = {"ccomp", "csubj", "relcl", "parataxis"}


def proximity(head: Token, trigger: Token) -> tuple[int, int]:
    """How near a place's head word is to the trigger: edges between them in the dependency tree,
    then words between them. The tree decides: in "the envoy in Baghdad was summoned over strikes
    on Iraq" Iraq hangs from "strikes", Baghdad from "envoy"."""
    path = tree_path(trigger, head)
    edges = len(path[0]) + len(path[1]) if path is not None else len(trigger.doc)
    return edges, abs(head.i - trigger.i)


def through_another_happening(head: Token, trigger: Token) -> bool:
    """Does the way up from the place to the nearest word above the trigger pass through another
    happening: a phrase of a medium, reason or contrast ("via its embassy in X", "amid setbacks in
    X"), a gerund after "of" ("accused of committing crimes in X"), a clause of what another verb
    said or of who a participant is? What the trigger itself says stays its own ("the army said it
    launched airstrikes in Gaza": said -> Gaza)."""
    path = tree_path(trigger, head)
    climbed = path[1] if path is not None else [head, *head.ancestors][:-1]
    for token in climbed:
        parent = token.head
        if token.dep_ in ("pobj", "pcomp") and parent.dep_ in ("prep", "agent"):
            preposition = parent.lower_
            if preposition in OTHER_THAN_SETTING or (preposition == "of" and token.dep_ == "pcomp"):
                return True
        elif token.dep_ in CONTENT_CLAUSES and parent.i != trigger.i and not _names_a_locative_object(parent):
            return True
    return False


def _names_a_locative_object(verb: Token) -> bool:
    """ "fired missiles at what it said were spy headquarters in Irbil": a clause of saying that stands
    as a locative's object names the place hit, not what was said elsewhere."""
    return verb.dep_ == "pcomp" and verb.head.lower_ in LOCATIVE
