"""Where a body that sits in one place acts: a court or a police force named by its town or its
state (issue 22).

    "The Kuala Lumpur Sessions Court charged the opposition leader"   charged   -> Kuala Lumpur
    "A Seoul court sentenced the former minister"                     sentenced -> Seoul
    "Brazilian Federal Police arrested five officers"                 arrested  -> Brazil (*)
    "an Iranian court sentenced a German-Iranian citizen to death"    sentenced -> Iran (*)
    "The activist was arrested by Moscow police"                      arrested  -> Moscow

(*) when the article names that state elsewhere (below).

A court judges where it sits and a town's or a state's police act within its bounds, so the town or
the state that names the agent of the clause is where the act happened, when nothing in the clause
says otherwise (the clause rules come first: "Turkish police detained him in Istanbul" is Istanbul).
Not for other agents named by their state ("Iranian officials said", "Chinese authorities accused"):
a government's people speak and decide wherever they are. A state named by its demonym gives a
place only when the article names that state elsewhere (the place the event points to must be one
of the article's places).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from diurna.places.gazetteer import demonyms

if TYPE_CHECKING:
    from spacy.tokens import Token

    from diurna.document import ArticleDoc, PlaceRef

# Agents whose acts happen where they sit (lemmas; "Police" is also read as a proper noun).
SEATED_BODIES = {"court", "tribunal", "police", "prosecutor", "prosecution", "judge", "magistrate"}


def seated_agents(group: set[Token]) -> list[Token]:
    """The seated bodies that do what the clause says: the subjects of its active verbs and the
    objects of "by" after its passive ones ("was arrested by Moscow police")."""
    agents = []
    for word in group:
        for child in word.children:
            if child.dep_ == "nsubj":
                agents.append(child)
            elif child.dep_ == "agent":
                agents.extend(g for g in child.children if g.dep_ == "pobj")
    return sorted((a for a in agents if a.lemma_.lower() in SEATED_BODIES), key=lambda t: t.i)


def seat_of_agent(doc: ArticleDoc, group: set[Token], specificity: Callable[[ArticleDoc, str], int]) -> PlaceRef | None:
    """The town or state named in the words before a seated agent's noun: a place mention among
    them (the most specific), else the state of a demonym among them that the article names."""
    for agent in seated_agents(group):
        start = agent.left_edge.i
        inside = [ref for ref in doc.place_mentions if start <= ref.token_start and ref.token_end <= agent.i]
        if inside:
            return min(inside, key=lambda ref: (specificity(doc, ref.place_id), ref.token_start))
        for word in doc.spacy_doc[start : agent.i]:
            state = demonyms().get(word.text) if word.dep_ in ("amod", "compound") else None
            if state is not None:
                found = _mention_of_state(doc, state)
                if found is not None:
                    return found
    return None


def _mention_of_state(doc: ArticleDoc, country: str) -> PlaceRef | None:
    ids = {p.id for p in doc.places if p.feature == "country" and p.country == country}
    return next((ref for ref in doc.place_mentions if ref.place_id in ids), None)
