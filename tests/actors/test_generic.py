"""Generic actors (diurna/actors/generic.py): a description that refers back to no one is an actor
of its own, one actor for the descriptions that name it alike, two for two sides' troops."""

from __future__ import annotations


def _holders(doc):
    """Mention text -> the id of the actor it is a mention of."""
    return {m.text: a.id for a in doc.actors for m in a.mentions}


def test_descriptions_named_alike_are_one_generic_actor(resolve_actors):
    # generic-actor: no one named before, so "Kenyan police" is an actor of its own, once
    doc = resolve_actors("Kenyan police fired tear gas on Tuesday. Kenyan police arrested 30 people.", "2024-06-01")
    police = [a for a in doc.actors if any(m.text == "Kenyan police" for m in a.mentions)]
    assert len(police) == 1 and len(police[0].mentions) == 2, doc.actors


def test_two_sides_troops_are_two_actors(resolve_actors):
    # generic-owner: the acronym before the head tells whose troops they are
    doc = resolve_actors("AA troops overran the outpost on Monday. Junta troops shelled the village.", "2024-06-01")
    holders = _holders(doc)
    assert holders["AA troops"] != holders["Junta troops"]
