"""Mediation: a third party bringing others to talks or a deal (PLOVER CONSULT, CAMEO 045).

News names the mediator and the parties in forms a verb's own arguments do not cover: the mediator
glued to the participle by a hyphen ("a US-brokered truce", "a Russian-mediated cease-fire"), the
parties in the clause that reports the deal ("Armenia announced a Russian-mediated cease-fire with
Azerbaijan", "the Taliban released two Americans in a deal brokered by Qatar"). The constructions
are registered in constructions.py (hyphen-mediator, mediated-parties); candidates.py applies them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diurna.events.arguments import subject_tokens
from diurna.events.dictionary import Sense, direct_objects, prep_objects

if TYPE_CHECKING:
    from spacy.tokens import Token

MEDIATION_CODE = "045"
# the deal's parties as the mediated noun names them ("a cease-fire with Azerbaijan", "talks between")
PARTY_PREPS = ("with", "between")


def is_mediation(sense: Sense) -> bool:
    return sense.cameo == MEDIATION_CODE


def hyphen_agents(verb: "Token") -> list["Token"]:
    """ "a US-brokered truce", "a Vatican-brokered deal": the name joined by a hyphen to a participle
    that modifies a noun is the participle's agent."""
    if verb.dep_ != "amod" or verb.tag_ != "VBN" or verb.i < 2 or verb.doc[verb.i - 1].text != "-":
        return []
    return [c for c in verb.children if c.i == verb.i - 2 and c.dep_ in ("npadvmod", "compound", "nmod", "amod")]


def mediated_nouns(verb: "Token") -> list["Token"]:
    """What was mediated: the noun a participle modifies ("a deal brokered by Qatar", "a US-brokered
    truce"), else the verb's object ("China mediated a rapprochement")."""
    if verb.dep_ in ("amod", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return [verb.head]
    return direct_objects(verb)


def mediated_parties(verb: "Token") -> list["Token"]:
    """The parties a mediation brought together: those the mediated noun names ("a cease-fire with
    Azerbaijan"), and the subject of the clause whose object or adjunct the deal is ("Armenia
    announced a ... cease-fire", "the Taliban released two Americans in a deal brokered by Qatar")."""
    out: list["Token"] = []
    for noun in mediated_nouns(verb):
        preps = prep_objects(noun)
        out.extend(o for p in PARTY_PREPS for o in preps.get(p, []))
        node = noun.head if noun.dep_ == "pobj" else noun
        # (the subject of the mediation verb itself is the mediator: "China mediated a deal")
        if node.dep_ in ("dobj", "prep") and node.head.pos_ in ("VERB", "AUX") and node.head.i != verb.i:
            out.extend(subject_tokens(node.head))
    return out
