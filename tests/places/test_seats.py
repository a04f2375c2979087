"""A court or police force named by its town or state acts there (diurna/places/seats.py)."""

from __future__ import annotations

import pytest


def _located(locate, text: str, trigger: str):
    from diurna.places import locate_event

    doc = locate(text)
    token = next(t for t in doc.spacy_doc if t.text == trigger)
    found = locate_event(doc, token.i)
    if found is None:
        return None
    place = next(p for p in doc.places if p.id == found.place_id)
    return place.name, found.rule


@pytest.mark.parametrize(
    "text, trigger, expected",
    [
        # a town opening a court's name (spaCy reads the whole as one organisation)
        (
            "The Kuala Lumpur Sessions Court charged the opposition leader with abuse of power.",
            "charged",
            "Kuala Lumpur",
        ),
        ("The Phnom Penh Municipal Court convicted the activists of incitement.", "convicted", "Phnom Penh"),
        ("A Seoul court sentenced the former minister to two years in prison.", "sentenced", "Seoul"),
        # the agent of a passive verb
        ("The activist was arrested by Moscow police on Tuesday.", "arrested", "Moscow"),
        # a state's demonym, the state named elsewhere in the article
        ("Kenyan police fired tear gas at the crowd. Protests have spread across Kenya.", "fired", "Kenya"),
    ],
)
def test_a_seated_body_acts_where_it_sits(locate, text, trigger, expected):
    assert _located(locate, text, trigger) == (expected, "seat_of_the_agent")


def test_the_clause_place_comes_first(locate):
    text = "Turkish police detained the journalist in Istanbul. Turkey denied it."
    assert _located(locate, text, "detained") == ("Istanbul", "own_clause")


@pytest.mark.parametrize(
    "text, trigger",
    [
        # other agents named by their state speak and decide wherever they are
        ("Chinese officials accused the envoy of spying. China expelled him.", "accused"),
        # a state never named as a place gives none
        ("Brazilian Federal Police arrested five officers involved in the plot.", "arrested"),
        # the body is the object, not the agent
        ("Protesters attacked Moscow police on Tuesday.", "attacked"),
    ],
)
def test_no_seat_without_a_seated_agent_or_a_named_state(locate, text, trigger):
    located = _located(locate, text, trigger)
    assert located is None or located[1] != "seat_of_the_agent"
