"""Coreference rules of diurna/actors/coref.py that have no case in cases.yaml of their own."""

from __future__ import annotations

from diurna.actors import coref
from diurna.actors.rules import switched_off


def _actor_of(doc, text):
    return next((a for a in doc.actors if any(m.text == text for m in a.mentions)), None)


def test_which_and_that_are_mentions_of_the_actor_their_clause_hangs_on(resolve_actors):
    doc = resolve_actors("Hamas, which controls the Gaza Strip, fired rockets at Israel on Tuesday.")
    assert _actor_of(doc, "which").name == "Hamas"
    doc = resolve_actors("Police arrested the activists that organised the march in Lagos.")
    assert _actor_of(doc, "that") is _actor_of(doc, "activists")
    with switched_off(coref.RELATIVE_ANTECEDENT):
        doc = resolve_actors("Hamas, which controls the Gaza Strip, fired rockets at Israel on Tuesday.")
    assert _actor_of(doc, "which") is None


def test_a_relative_on_a_thing_is_no_mention(resolve_actors):
    doc = resolve_actors("Parliament passed a law that bans protests near the palace.")
    assert _actor_of(doc, "that") is None
    doc = resolve_actors("Rebels seized the town of Kalehe, which lies on the lake, on Sunday.")
    assert _actor_of(doc, "which") is None
