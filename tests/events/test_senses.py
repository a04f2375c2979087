"""Senses of event words that report no act or another type (diurna/events/senses.py): each rule changes
its own cases, and only while it is on; the literal uses beside them stay."""

from __future__ import annotations

import pytest

from diurna.events import senses


def events_of(doc, trigger: str) -> list[tuple[str, str]]:
    """(type, target name or '-') of the events whose trigger is `trigger`."""
    out = []
    for e in doc.events:
        if e.trigger.text == trigger and e.polarity != "negated":
            target = doc.actor(e.target) if e.target else None
            out.append((e.type, target.name if target is not None else "-"))
    return out


# rule -> (text, trigger, type the rule takes away)
WITHHELD = {
    "resultative-leave": [
        ("The army's offensive has left hundreds of civilians dead in the province.", "left", "RETREAT"),
        ("Fierce battles between the army and the rebels left dozens dead.", "left", "RETREAT"),
    ],
    "retort": [
        ('"We have nothing to hide," the interior minister shot back on Monday.', "shot", "ASSAULT"),
        ("The spokesman fired back at his critics, saying the report was a fabrication.", "fired", "ASSAULT"),
    ],
    "figurative-contest": [
        ("The bitter battle between Clinton and Sanders left the party divided.", "battle", "ASSAULT"),
        ("The legal battle between the government and the opposition party continued in court.", "battle", "ASSAULT"),
        ("Cruz will win his current battle with Trump for the nomination.", "battle", "ASSAULT"),
    ],
    "election-contest": [
        ("The governor beat the incumbent senator in the Democratic primary on Tuesday.", "beat", "ASSAULT"),
        ("Hillary Clinton beat Bernie Sanders in the Nevada caucuses on Saturday.", "beat", "ASSAULT"),
    ],
    "abstract-object": [
        ("The president struck a conciliatory tone in his speech on Tuesday.", "struck", "ASSAULT"),
        ("The senator has captured the support of younger voters.", "captured", "COERCE"),
    ],
}

# the literal uses beside them: the rules leave them as they are
KEPT = [
    # review15: real acts the sense rules must keep
    (
        "Rebels launched an attack on an army post near Beni on Monday, saying the troops had killed civilians.",
        "attack",
        "ASSAULT",
    ),
    ("Mobs carried out xenophobic attacks on foreign shopkeepers in Pretoria.", "attacks", "ASSAULT"),
    ("Ruling party youths beat an opposition candidate in Lilongwe during the election campaign.", "beat", "ASSAULT"),
    ("Russian drones struck the heart of Odesa on Monday.", "struck", "ASSAULT"),
    # review15: a physical attack on a politician by a civilian stays an assault
    ("A man attacked the mayor of Lodz with a knife on Tuesday at a charity concert.", "attacked", "ASSAULT"),
    ("Government troops left the border region after the ceasefire.", "left", "RETREAT"),
    ("Soldiers shot back at the gunmen, killing two of them.", "shot", "ASSAULT"),
    ("Rebels launched an attack on an army base near the border on Tuesday.", "attack", "ASSAULT"),
    ("The battle between the army and the rebels for control of the city intensified.", "battle", "ASSAULT"),
    ("Police beat the opposition leader during a rally on Sunday.", "beat", "ASSAULT"),
    ("Troops seized weapons and ammunition in the raid.", "seized", "COERCE"),
]

# rule -> (text, trigger, type before, type after)
RETYPED = {
    "verbal-attack": [
        (
            "The opposition leader launched a scathing attack on the prime minister, calling him a liar.",
            "attack",
            "ASSAULT",
            "ACCUSE",
        ),
        ("The senator launched a blistering attack on the government's budget plan.", "attack", "ASSAULT", "ACCUSE"),
        ("The governor's attacks on the president's record continued on Friday.", "attacks", "ASSAULT", "ACCUSE"),
        (
            "Donald Trump attacked Mitt Romney on Thursday for being a failed candidate.",
            "attacked",
            "ASSAULT",
            "ACCUSE",
        ),
    ],
}


def test_every_rule_has_cases_and_an_example():
    # campaign-rally needs a story's recipient to fire in the pipeline: its test builds the candidate
    assert set(WITHHELD) | set(RETYPED) | {"campaign-rally"} == set(senses.RULES)
    for rule in senses.RULES.values():
        assert rule.example and rule.why


@pytest.mark.parametrize("rule,text,trigger,etype", [(r, *c) for r, cases in WITHHELD.items() for c in cases])
def test_rule_withholds_its_case_and_only_with_the_rule(code, rule, text, trigger, etype):
    assert etype not in [t for t, _ in events_of(code(text), trigger)], rule
    with senses.switched_off(rule):
        assert etype in [t for t, _ in events_of(code(text), trigger)], "rule %s off: no %s" % (rule, etype)


@pytest.mark.parametrize("rule,text,trigger,before,after", [(r, *c) for r, cases in RETYPED.items() for c in cases])
def test_rule_retypes_its_case_and_only_with_the_rule(code, rule, text, trigger, before, after):
    types = [t for t, _ in events_of(code(text), trigger)]
    assert after in types and before not in types, rule
    with senses.switched_off(rule):
        types = [t for t, _ in events_of(code(text), trigger)]
        assert before in types and after not in types, "rule %s off" % rule


@pytest.mark.parametrize("text,trigger,etype", KEPT)
def test_literal_uses_stay(code, text, trigger, etype):
    assert etype in [t for t, _ in events_of(code(text), trigger)]


def test_retort_keeps_an_aimed_return_of_fire(code):
    """'shot back at the gunmen' is aimed: force, with the gunmen as its target."""
    assert ("ASSAULT", "gunmen") in events_of(code("Soldiers shot back at the gunmen, killing two."), "shot")


def _rally_candidate(doc, source_name: str):
    """A PROTEST candidate on the text's rally noun, by the actor named `source_name`."""
    from diurna.events.arguments import Argument, Candidate

    noun = next(t for t in doc.spacy_doc if t.lower_ in senses.RALLY_NOUNS)
    source = next(a for a in doc.actors if a.name == source_name)
    return Candidate(
        noun.i, noun.i + 1, None, "PROTEST", "141", None, Argument(source.id, None), None, "asserted", "actual",
        "nominal", noun.sent.start,
    )  # fmt: skip


def test_campaign_rally_is_the_persons_own_rally_only(code):
    """A rally named after the person taken as its protester is withheld; a crowd's rally is not."""
    doc = code("Senator Mark Fowler spoke to supporters at a Fowler rally in Columbus on Tuesday.")
    cand = _rally_candidate(doc, "Mark Fowler")
    assert senses.withholding_sense(doc, cand) == "campaign-rally"
    with senses.switched_off("campaign-rally"):
        assert senses.withholding_sense(doc, cand) is None
    doc = code("Senator Mark Fowler condemned a rally of farmers in Columbus on Tuesday.")
    assert senses.withholding_sense(doc, _rally_candidate(doc, "Mark Fowler")) is None
