"""diurna/events/mediation.py: who mediated and between whom, read off the parse (the constructions
hyphen-mediator and mediated-parties apply it: tests/events/test_constructions.py). Unit cases of
one form each, written for these tests."""

from __future__ import annotations

import pytest

from diurna.events import mediation


def _word(nlp, text: str, word: str):
    return next(t for t in nlp(text) if t.text == word)


@pytest.mark.parametrize(
    "text, word, agents, nouns, parties",
    [
        # the mediator glued by a hyphen; a party named with the deal and the subject reporting it
        ("Armenia announced a Russian-mediated cease-fire with Azerbaijan.", "mediated", ["Russian"], ["fire"],
         ["Azerbaijan", "Armenia"]),
        # a deal brokered by someone: the parties are the subject of the clause the deal is an adjunct of
        ("The Taliban released two Americans in a deal brokered by Qatar.", "brokered", [], ["deal"], ["Taliban"]),
        # the mediator as the verb's own subject is not a party ("between": the first of the pair;
        # the events stage takes its conjuncts)
        ("China mediated a rapprochement between Saudi Arabia and Iran.", "mediated", [], ["rapprochement"],
         ["Arabia"]),
        # a hyphened mediator and no party named
        ("The US-brokered truce held on Monday.", "brokered", ["US"], ["truce"], []),
    ],
)  # fmt: skip
def test_mediator_mediated_and_parties(nlp, text, word, agents, nouns, parties):
    verb = _word(nlp, text, word)
    assert [t.text for t in mediation.hyphen_agents(verb)] == agents
    assert [t.text for t in mediation.mediated_nouns(verb)] == nouns
    assert [t.text for t in mediation.mediated_parties(verb)] == parties
