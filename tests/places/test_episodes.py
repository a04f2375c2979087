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
    ],
)
def test_own_places_and_the_present_episode_stay(place_and_rule, text, trigger, expected):
    found = place_and_rule(text, trigger)
    assert found is not None and found[0] == expected
