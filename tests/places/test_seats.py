"""A court or police force named by its town or state acts there (diurna/places/seats.py)."""

from __future__ import annotations

import pytest


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
def test_a_seated_body_acts_where_it_sits(place_and_rule, text, trigger, expected):
    assert place_and_rule(text, trigger) == (expected, "seat_of_the_agent")


def test_the_clause_place_comes_first(place_and_rule):
    text = "Turkish police detained the journalist in Istanbul. Turkey denied it."
    assert place_and_rule(text, "detained") == ("Istanbul", "own_clause")


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
def test_no_seat_without_a_seated_agent_or_a_named_state(place_and_rule, text, trigger):
    located = place_and_rule(text, trigger)
    assert located is None or located[1] != "seat_of_the_agent"
