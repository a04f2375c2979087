"""speech.py: an act of speech takes no place from what it says. Unit cases of one construction each,
written for these tests; accuracy on real news is measured on the real-text sets."""

from __future__ import annotations

import pytest

from diurna.places import event_place


def _place_of(locate, text: str, trigger: str):
    doc = locate(text)
    token = next(t for t in doc.spacy_doc if t.text == trigger)
    place_id = event_place(doc, token.i)
    return next((p.name for p in doc.places if p.id == place_id), None)


@pytest.mark.parametrize(
    "text, trigger, expected",
    [
        # a place in what an act of speech says, or to whom, is its topic, not where it was said
        ("The envoy spoke about the fighting in Afghanistan.", "spoke", None),
        # the bare object of the clause it says
        ("Protests spread across Latvia. The minister asked the Russian envoy to leave the country.", "asked", None),
        ("The leader threatened to withdraw Puntland from the federal talks.", "threatened", None),
        ("The minister urged foreign firms to stay away from oil installations in the UAE.", "urged", None),
        ("The U.S. has blamed such attacks on Iranian proxies in Iraq.", "blamed", None),
        # its adjuncts still set its scene
        ("After talks in Doha, the two sides agreed to a truce.", "agreed", "Doha"),
        # a commitment is placed where what it commits to is to be done
        ("The governor agreed to set up two field hospitals in Louisiana.", "agreed", "Louisiana"),
        ("Meeting in Brussels, the leaders demanded the release of the journalist.", "demanded", "Brussels"),
    ],
)
def test_an_act_of_speech_is_not_placed_by_what_it_says(locate, text, trigger, expected):
    assert _place_of(locate, text, trigger) == expected


def _place_and_rule_off(locate, text: str, trigger: str, rule: str | None):
    from diurna.places import speech

    if rule is None:
        return _place_of(locate, text, trigger)
    with speech.switched_off(rule):
        return _place_of(locate, text, trigger)


@pytest.mark.parametrize(
    "text, trigger",
    [
        ("The envoy urged the militias in Libya to lay down their arms.", "urged"),
        ("The council called on the militias in Tripoli to withdraw.", "called"),
        # the infinitive parsed as an adverbial clause after a prepositional addressee
        ("We call on the government of Chile to refrain from force against the strikers.", "call"),
        ("We call on the leaders of Bolivia to refrain from violence.", "call"),
    ],
)
def test_the_place_of_an_addressee_asked_to_act_is_not_the_askings(locate, text, trigger):
    assert _place_and_rule_off(locate, text, trigger, None) is None
    assert _place_and_rule_off(locate, text, trigger, "addressee-is-no-scene") is not None


def test_an_audience_told_something_keeps_its_place(locate):
    # no act asked of the audience: the speaker may well be where it is
    assert _place_of(locate, "The president told lawmakers in Nairobi that the budget would pass.", "told") == "Nairobi"


@pytest.mark.parametrize(
    "text, trigger",
    [
        (
            "The minister said in Geneva on Friday, after the parliament of Norway rejected the treaty.",
            "rejected",
        ),
        (
            "Officials in Baku said the shelling had stopped, while Yerevan accused the army of new raids.",
            "accused",
        ),
    ],
)
def test_a_statements_place_is_not_that_of_an_event_told_beside_it(locate, text, trigger):
    assert _place_and_rule_off(locate, text, trigger, None) is None
    assert _place_and_rule_off(locate, text, trigger, "statement-keeps-its-scene") is not None


def test_an_act_just_outside_a_statement_keeps_its_scene(locate):
    # the speaker answers what happens around them
    text = "The interior minister said in Nairobi on Monday that the count was fair, while opposition supporters marched outside the electoral commission."
    assert _place_of(locate, text, "marched") == "Nairobi"


@pytest.mark.parametrize(
    "text, trigger",
    [
        (
            "The foreign minister said in Vienna on Friday, after soldiers shelled a border village overnight.",
            "shelled",
        ),
        ("The envoy said in Vienna on Friday that talks would resume, while the rebels raided an army base.", "raided"),
    ],
)
def test_an_act_beside_a_statement_not_said_to_be_near_it_is_not_placed_there(locate, text, trigger):
    assert _place_of(locate, text, trigger) != "Vienna"


def test_what_a_statement_says_still_takes_its_scene(locate):
    assert _place_of(locate, "In Ankara, officials said Turkey would retaliate.", "retaliate") == "Ankara"


def test_an_order_is_no_report_its_scene_is_the_events_beside_it(locate):
    from diurna.places import event_place

    doc = locate("The governor ordered a curfew in Kano after gangs looted shops.")
    token = next(t for t in doc.spacy_doc if t.text == "looted")
    assert next(p.name for p in doc.places if p.id == event_place(doc, token.i)) == "Kano"


def test_an_event_told_inside_what_was_said_keeps_the_statements_scene(locate):
    # "after ..." inside the reported clause is part of what was said, not a clause beside the statement
    text = "Officials in Kano said police arrested 20 people after gangs looted shops."
    assert _place_of(locate, text, "looted") == "Kano"
