"""The story's country for generic actors (diurna/actors/country.py): given with the rule on, marked
inferred, never given when no country dominates or the actor's role is international."""

from __future__ import annotations

from diurna.actors import country as ac
from diurna.records import Actor

KENYA = (
    "NAIROBI, Kenya - Police fired tear gas at protesters in Nairobi on Tuesday as Kenya's parliament "
    "debated the finance bill. Protesters in Mombasa and Kisumu also marched."
)
TWO_STATES = "Police in Paris and protesters in Madrid both gathered on Tuesday."


def _actor(doc, word):
    return next(a for a in doc.actors if any(word in m.text.lower() for m in a.mentions))


def test_generic_actors_take_the_story_country_marked_inferred(code):
    doc = code(KENYA, "2024-06-19")
    police = _actor(doc, "police")
    assert (police.country, police.country_inferred) == ("KEN", True)
    assert police.code == "KEN" + (police.sector or "")


def test_rule_off_leaves_them_without_country(code):
    with ac.switched_off(ac.STORY_FOCUS):
        doc = code(KENYA, "2024-06-19")
    police = _actor(doc, "police")
    assert police.country is None and not police.country_inferred


def test_no_dominant_country_no_inference(code):
    doc = code(TWO_STATES, "2024-06-19")
    assert not any(a.country_inferred for a in doc.actors)


def test_a_country_twice_as_named_as_any_other_is_the_focus_below_the_share():
    from collections import Counter

    many = Counter({"UGA": 8, "USA": 2, "GBR": 1, "KEN": 1, "CHE": 1, "FRA": 1, "DEU": 1, "ETH": 1})  # 8/16
    assert ac.focus_of(many) == "UGA"
    with ac.switched_off(ac.STORY_PLURALITY):
        assert ac.focus_of(many) is None
    assert ac.focus_of(Counter({"ARM": 18, "AZE": 10, "RUS": 5})) is None  # two-sided: no focus
    assert ac.focus_of(Counter({"UGA": 3, "USA": 1, "KEN": 1})) == "UGA"  # story-focus's share (0.6)
    assert ac.focus_of(Counter({"UGA": 3, "USA": 1, "KEN": 1, "GBR": 1})) is None  # too few votes


def test_international_roles_and_known_actors_are_left_alone():
    assert not ac.needs_country(Actor(id="a", name="UN agencies", sector="IGO", kind="group"))
    assert not ac.needs_country(Actor(id="b", name="Amnesty", kb_id="amnesty", kind="organization"))
    assert not ac.needs_country(Actor(id="c", name="Kenya", country="KEN", kind="country"))
    assert ac.needs_country(Actor(id="d", name="riot police", sector="COP", kind="group"))
    assert ac.needs_country(Actor(id="e", name="Faith Odhiambo", kind="person"))


def test_every_rule_has_an_example():
    assert ac.RULES and all(r.example and r.why for r in ac.RULES.values())


def test_organisations_the_kb_does_not_know_take_the_story_country_but_news_agencies_do_not():
    militia = Actor(id="f", name="the 444 Brigade", kind="organization")
    agency = Actor(id="g", name="Reuters", sector="MED", kind="organization")
    assert ac.needs_country(militia) and not ac.needs_country(agency)
    with ac.switched_off(ac.ORGANISATION_FOCUS):
        assert not ac.needs_country(militia)
