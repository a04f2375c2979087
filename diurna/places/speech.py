"""What an act of speech says is its topic, not its scene (issue 22): an act of speech happens where
the speaker is, so a place in its object, its content clause or its prepositional complement does not
place it ("urged firms to stay away from installations in the UAE", "threatened to withdraw the
Republika Srpska from national institutions"). The place rules of `clause.py` ask these two questions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from diurna.places.scene import SPEECH_ACTS

if TYPE_CHECKING:
    from spacy.tokens import Token

# What an act of speech says and to whom: its object, its clause, its prepositional complements
# ("called on", "blamed on", "spoke about"; "accused of" is `paths.py`'s rule). Its adjuncts ("After
# talks in Doha, the sides agreed", "Meeting in Brussels, the leaders demanded") and subject stay, and
# so does "for", a purpose as often as what is asked ("welcomed Blinken for discussions in Beijing").
SAID = {"dobj", "ccomp", "xcomp", "dative", "attr", "oprd"}
SAID_PREPOSITIONS = {"on", "to", "against", "about", "over", "with"}
SAID_CLAUSES = {"ccomp", "xcomp"}
# A commitment is placed where what it commits to is to be done: "has agreed to set up field hospitals
# in Louisiana", "agreed to set up the institute in Barcelona" (PLV train's event places).
COMMITTING = {"agree", "pledge", "promise", "vow"}


def _spoken(trigger: Token) -> bool:
    lemma = trigger.lemma_.lower()
    return lemma in SPEECH_ACTS and lemma not in COMMITTING


def object_of_what_is_said(governor: Token, preps: list, relation: str, trigger: Token) -> bool:
    """ "threatened to withdraw the Republika Srpska from national institutions", "asked the Russian
    ambassador to leave the country": the bare object of the clause an act of speech says is what it
    is about, not where it was said. (A locative there stays: "agree to truce in Doha", as parsed.)"""
    if preps or relation != "dobj" or governor.i == trigger.i or not _spoken(trigger):
        return False
    return any(child.dep_ in SAID_CLAUSES and governor in child.subtree for child in trigger.children)


def in_what_is_said(head: Token, trigger: Token) -> bool:
    """An act of speech happens where the speaker is; a place in what it says is the topic, not the
    scene: "urged civilians to stay away from installations in the UAE", "called on members to deliver
    assistance in Afghanistan", "voted to demand that Russia stop its offensive in Ukraine", "blamed
    such attacks on proxies in Iraq", "denied a request by U.S. officials in Moscow"."""
    if not _spoken(trigger):
        return False
    return any(
        (child.dep_ in SAID or child.dep_ == "prep" and child.lower_ in SAID_PREPOSITIONS) and head in child.subtree
        for child in trigger.children
    )
