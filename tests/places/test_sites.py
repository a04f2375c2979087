"""sites.py: an act told as a description of a place happened at that place. Unit cases of one
construction each, written for these tests; accuracy on real news is measured on the real-text sets."""

from __future__ import annotations

import pytest


def _place_with_rule_off(place_and_rule, text: str, trigger: str, off: bool):
    from diurna.places import sites

    if not off:
        return place_and_rule(text, trigger)
    with sites.switched_off(sites.ACT_ON_A_DESCRIBED_PLACE):
        return place_and_rule(text, trigger)


@pytest.mark.parametrize(
    "text, trigger, expected",
    [
        # a passive participle on a place noun: the place in the noun's own phrase
        (
            "Crowds in Niamey sang about the three villages near Tillaberi captured in June by armed bandits.",
            "captured",
            "Tillabéri",
        ),
        (
            "Students in Lahore held a vigil for the villages near Peshawar flattened by the floods.",
            "flattened",
            "Peshawar",
        ),
        # a relative clause whose antecedent is its object
        (
            "Exiles in Paris mourned the villages in Darfur which the militia burned in 2004.",
            "burned",
            "Darfur",
        ),
    ],
)
def test_an_act_on_a_described_place_happened_there(place_and_rule, text, trigger, expected):
    found = _place_with_rule_off(place_and_rule, text, trigger, off=False)
    assert found == (expected, "described_place")
    assert _place_with_rule_off(place_and_rule, text, trigger, off=True) != found


@pytest.mark.parametrize(
    "text, trigger",
    [
        # the antecedent does the act: not where it happened
        ("Protesters in Berlin denounced Russia, which invaded Ukraine in 2022.", "invaded"),
        # a country named alone is the state
        ("Officials in Geneva met Iran, which was sanctioned by Washington last year.", "sanctioned"),
        # a place noun with no place of its own phrase
        ("Crowds in Cairo mourned the villages burned by the militia.", "burned"),
    ],
)
def test_no_place_from_an_agent_a_state_or_an_unnamed_place(place_and_rule, text, trigger):
    found = place_and_rule(text, trigger)
    assert found is None or found[1] != "described_place"
