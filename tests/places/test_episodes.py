"""episodes.py: an act told as earlier than the story's scene takes no carried place. Unit cases of
one construction each, written for these tests; accuracy on real news is measured on the real-text sets."""

from __future__ import annotations

import pytest


def _place_with_rule_off(place_and_rule, text: str, trigger: str, rule: str | None):
    from diurna.places import episodes

    if rule is None:
        return place_and_rule(text, trigger)
    with episodes.switched_off(rule):
        return place_and_rule(text, trigger)


@pytest.mark.parametrize(
    "text, trigger, rule",
    [
        (
            "Crowds gathered in Minsk on Sunday. Police said the activist had been arrested.",
            "arrested",
            "past-perfect-takes-no-carried-scene",
        ),
        (
            "Hundreds of farmers rallied in Nairobi on Tuesday. Officials said gunmen had attacked a convoy.",
            "attacked",
            "past-perfect-takes-no-carried-scene",
        ),
        (
            "Exiles rallied in Bangkok on Monday. They marked three years since the army seized power.",
            "seized",
            "span-from-an-act-takes-no-carried-scene",
        ),
    ],
)
def test_an_earlier_act_takes_no_carried_scene(place_and_rule, text, trigger, rule):
    assert _place_with_rule_off(place_and_rule, text, trigger, None) is None
    assert _place_with_rule_off(place_and_rule, text, trigger, rule) is not None


@pytest.mark.parametrize(
    "text, trigger, expected",
    [
        # its own sentence still places it
        ("Crowds gathered in Minsk. Police said the activist had been arrested in Gomel.", "arrested", "Homyel'"),
        # a simple past keeps the scene carried from the sentence before
        ("Crowds gathered in Minsk on Sunday. Police arrested the activist.", "arrested", "Minsk"),
        # so does a past perfect measured up to a time of the episode
        ("Crowds gathered in Minsk on Sunday. By nightfall police had arrested 200 people.", "arrested", "Minsk"),
        ("Crowds gathered in Minsk on Sunday. Police had arrested 200 people by the evening.", "arrested", "Minsk"),
        # and a past perfect dated by a day of the story's week: the episode's eve (review15)
        (
            "Students occupied the campus in Novi Sad on Tuesday. They had marched to city hall on Monday.",
            "marched",
            "Novi Sad",
        ),
    ],
)
def test_own_places_and_the_present_episode_stay(place_and_rule, text, trigger, expected):
    found = place_and_rule(text, trigger)
    assert found is not None and found[0] == expected


@pytest.mark.parametrize(
    "text, trigger",
    [
        # a place of what might happen sets no scene for the next sentence
        (
            "The minister warned that the two states might end up before the court in The Hague. "
            "Later the minister met with the president.",
            "met",
        ),
        # nor places another event of its sentence
        (
            "Police arrested the organisers on Monday, although the strike might resume in Lagos next week.",
            "arrested",
        ),
    ],
)
def test_a_place_of_what_may_happen_places_no_other_event(place_and_rule, text, trigger):
    assert _place_with_rule_off(place_and_rule, text, trigger, None) is None
    assert _place_with_rule_off(place_and_rule, text, trigger, "unrealised-clause-sets-no-scene") is not None


def test_the_unrealised_clause_keeps_its_own_place(place_and_rule):
    text = "Officials said the rebels would hold talks in Geneva next week."
    assert place_and_rule(text, "talks")[0] == "Geneva"


def test_a_conjunct_with_a_tense_of_its_own_is_not_under_the_modal(place_and_rule):
    # the parser hangs "called" on "open"; its past tense says it is no part of what would happen
    text = (
        "The opposition leader told reporters his party would open aid depots in Kenya and called on the army to act."
    )
    assert _place_with_rule_off(place_and_rule, text, "called", None) is None
    assert _place_with_rule_off(place_and_rule, text, "called", "unrealised-clause-sets-no-scene") is not None
