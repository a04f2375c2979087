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


def test_a_relative_is_no_mention_of_a_setting_a_generic_noun_or_a_noun_across_another(resolve_actors):
    # review13: the parser also hangs 'which'/'that' on a place that is the setting, on 'any X', and on
    # a noun across an apposition; none of them is the relative's actor
    doc = resolve_actors("The governor signed the bill in Texas, which has long opposed the measure.")
    assert _actor_of(doc, "which") is None
    doc = resolve_actors("Unions warned any employer that cuts wages of a strike.")
    assert _actor_of(doc, "that") is None
    doc = resolve_actors("Envoys from Qatar, which has mediated between the two sides, arrived in Cairo.")
    assert _actor_of(doc, "which").name == "Qatar"


def test_a_description_coordinated_with_an_apposed_one_is_the_same_person(resolve_actors):
    """Rule coordinated-apposition: "Lena Ortiz, a retired judge and a writer who ..." is one person;
    "Ana Silva, a teacher, and a journalist" are two."""
    text = "Lena Ortiz, a retired judge and a writer who covered the trial, spoke first."
    doc = resolve_actors(text)
    assert _actor_of(doc, "writer") is _actor_of(doc, "Lena Ortiz")
    with switched_off(coref.COORDINATED_APPOSITION):
        doc = resolve_actors(text)
    assert _actor_of(doc, "writer") is not _actor_of(doc, "Lena Ortiz")
    doc = resolve_actors("Police arrested Ana Silva, a teacher, and a journalist who filmed the march.")
    assert _actor_of(doc, "journalist") is not _actor_of(doc, "Ana Silva")
    doc = resolve_actors("Protesters occupied Parliament, the city hall and the central bank on Sunday.")
    bank = _actor_of(doc, "central bank")
    assert bank is None or bank is not _actor_of(doc, "city hall")
    doc = resolve_actors("The envoy answers to two bosses, the president and the defence secretary.")
    assert _actor_of(doc, "defence secretary") is not _actor_of(doc, "president")
    doc = resolve_actors("Pedro Alves, the mayor, a senator, or a governor could lead the list.")
    assert _actor_of(doc, "governor") is not _actor_of(doc, "Pedro Alves")
