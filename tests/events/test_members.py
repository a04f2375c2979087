"""diurna/events/members.py: a reciprocal act of one plural party is done among its members
(among-members). Sentences written for these tests; accuracy on real news is measured on the real-text
sets (docs/evaluation.md)."""

from __future__ import annotations

import pytest

from diurna.events import members

# (three-sentence story: the event stands where a recipientless one would be withheld, trigger, type, party)
AMONG = [
    (
        "Foreign ministers of the Arab League met in Cairo on Sunday to discuss the crisis. The war has "
        "displaced millions. Fighting continued on Monday.",
        "met",
        "CONSULT",
        "Arab League",
    ),
    (
        "Opposition leaders met in Nairobi on Tuesday. They said the vote was rigged. Police fired tear gas "
        "at their supporters.",
        "met",
        "CONSULT",
        "Opposition leaders",
    ),
    (
        "Opposition party leaders negotiated a joint platform for two months. The army shelled the town. "
        "Residents fled.",
        "negotiated",
        "CONSULT",
        "Opposition party leaders",
    ),
]

# a partner named beside the verb, a fight, one person, one side: not among the party's members
NOT_AMONG = [
    (
        "Opposition leaders met with reporters on Tuesday. They said the vote was rigged. Police fired tear "
        "gas at their supporters.",
        "met",
    ),
    ("Rebels clashed near the border on Friday. Two soldiers were killed. The army sent reinforcements.", "clashed"),
    (
        "The prime minister met in Brussels on Monday. Farmers blocked the roads. Police cleared them.",
        "met",
    ),
    # a plural party noun names one side: the other is missing, not the party's own members
    ("The army shelled the hills. Villagers fled. The rebels agreed to talk.", "agreed"),
]


@pytest.fixture(scope="module")
def code():
    from diurna.pipeline import Pipeline

    pipeline = Pipeline()

    def run(text: str):
        doc = pipeline.code_text(text, published="2024-05-01")
        return doc, [
            (e.trigger.text, e.type, doc.actor(e.source).name if e.source else None, doc.actor(e.target).name)
            for e in doc.events
            if e.target
        ]

    return run


@pytest.mark.parametrize("text,trigger,plover,party", AMONG)
def test_among_members_codes_the_party_both_ways_only_with_the_rule(code, text, trigger, plover, party):
    _, events = code(text)
    assert (trigger, plover, party, party) in events
    with members.switched_off(members.AMONG_MEMBERS):
        _, events = code(text)
    assert not any(t == trigger and p == plover for t, p, *_ in events)


@pytest.mark.parametrize("text,trigger", NOT_AMONG)
def test_no_event_among_members_with_a_partner_a_fight_one_person_or_one_side(code, text, trigger):
    _, events = code(text)
    assert not any(t == trigger and s == o for t, _, s, o in events)


def test_the_rule_has_an_example_and_a_reason():
    for rule in members.RULES.values():
        assert rule.example and rule.why
