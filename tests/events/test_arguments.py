"""diurna/events/arguments.py: which actor a phrase names. Unit cases of one construction each,
written for these tests; accuracy on real news is measured on the real-text sets (docs/evaluation.md)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def code():
    from diurna.pipeline import Pipeline

    pipeline = Pipeline()

    def run(text: str) -> list[tuple[str, str, str]]:
        doc = pipeline.code_text(text, published="2024-05-01")
        name = lambda actor_id: doc.actor(actor_id).name if actor_id else None  # noqa: E731
        return [(e.trigger.text, name(e.source), name(e.target)) for e in doc.events]

    return run


@pytest.mark.parametrize(
    "text, trigger, target",
    [
        # a person's people are not the person
        ("Pakistani police fired tear gas at supporters of former Prime Minister Imran Khan.", "fired", "supporters"),
        ("Police arrested dozens of Ousmane Sonko's supporters in Dakar.", "arrested", "supporters"),
        # a state's own opposition is not the state
        ("The court banned Tajikistan's opposition organization on Monday.", "banned", "opposition organization"),
    ],
)
def test_description_stands_for_its_own_party(code, text, trigger, target):
    targets = [t for trig, _, t in code(text) if trig == trigger]
    assert targets and all(t is not None and target in t for t in targets), code(text)


def test_named_group_still_stands_for_its_fighters(code):
    # "Boko Haram fighters": the group named in the modifier is the party
    assert any(
        t == "Boko Haram" for trig, _, t in code("Nigerian troops killed 20 Boko Haram fighters.") if trig == "killed"
    )


@pytest.mark.parametrize(
    "text, trigger, target",
    [
        # the place hangs on the declared state, not on the verb: its state is the recipient
        (
            "Uzbekistan's president declared a state of emergency in Karakalpakstan on Saturday.",
            "declared",
            "Uzbekistan",
        ),
        # "across"/"throughout" a country name the population restricted as "in" does
        ("Police imposed a strict curfew across Bangladesh on Saturday.", "curfew", "Bangladesh"),
    ],
)
def test_a_restriction_is_imposed_on_the_place_it_covers(code, text, trigger, target):
    assert any(trig == trigger and t == target for trig, _, t in code(text)), code(text)


@pytest.mark.parametrize(
    "text, trigger, target",
    [
        # staff of another state's mission: the mission is the party (CAMEO codes its government)
        ("Germany declared two employees of the Iranian embassy persona non grata on Monday.", "declared", "Iranian"),
        ("Maduro responded by expelling employees from the Colombian embassy in Caracas.", "expelling", "Colombian"),
        ("Poland expelled three diplomats working at the Russian embassy in Warsaw.", "expelled", "Russian"),
    ],
)
def test_staff_stand_for_the_institution_of_another_state(code, text, trigger, target):
    targets = [t for trig, _, t in code(text) if trig == trigger]
    assert targets and all(t is not None and target in t and "embassy" in t.lower() for t in targets), code(text)


def test_staff_of_their_own_states_institution_keep_their_own_phrase(code):
    # the same state's staff: the description is as exact as the institution, and stays
    text = "Kenyan police arrested three employees of the Kenyan health ministry on Monday."
    targets = [t for trig, _, t in code(text) if trig == "arrested"]
    assert targets and all(t is not None and "employees" in t for t in targets), code(text)


@pytest.mark.parametrize(
    "text, trigger, source",
    [
        # the spokesperson speaks for the institution: the institution condemns
        (
            "Russia denied the claims. A spokeswoman for the French government sharply condemned Russia on Tuesday.",
            "condemned",
            "French government",
        ),
        (
            "Ukraine's president visited the front. A spokesman for the Russian Foreign Ministry condemned the visit.",
            "condemned",
            "Foreign Ministry",
        ),
    ],
)
def test_a_spokesperson_speaks_for_the_institution(code, text, trigger, source):
    sources = [s for trig, s, _ in code(text) if trig == trigger]
    assert sources and all(s is not None and source.lower() in s.lower() for s in sources), code(text)


@pytest.mark.parametrize(
    "text, trigger, source",
    [
        ("Malian troops were unable to recapture Gao before the rainy season.", "recapture", "troops"),
        ("Kenyan police were able to arrest the gang's leader in Mombasa.", "arrest", "police"),
    ],
)
def test_an_ability_adjectives_infinitive_is_done_by_the_copulas_subject(code, text, trigger, source):
    sources = [s for trig, s, _ in code(text) if trig == trigger]
    assert sources and all(s is not None and source in s for s in sources), code(text)


@pytest.mark.parametrize(
    "text,trigger,target",
    [
        # sense key `owner`: whose the frozen or cut-off thing is, is the one sanctioned
        ("The European Union froze the Russian central bank's assets.", "froze", "Russian central bank"),
        ("Washington froze Venezuela's assets in American banks.", "froze", "Venezuela"),
    ],
)
def test_the_owner_of_frozen_assets_is_the_target(code, text, trigger, target):
    assert any(trig == trigger and t == target for trig, _, t in code(text)), code(text)


@pytest.mark.parametrize(
    "text, trigger, source",
    [
        # causatives control like "forced": the one prompted does the complement
        (
            "The rebels shelled the market on Monday, prompting the army to open fire on their positions.",
            "open",
            "army",
        ),
        ("The sanctions led the government to release the jailed activists.", "release", "government"),
        ("The attack compelled Kenya to withdraw its troops from the border.", "withdraw", "Kenya"),
    ],
)
def test_a_causatives_object_does_its_complement(code, text, trigger, source):
    assert any(trig == trigger and s == source for trig, s, _ in code(text)), code(text)


@pytest.mark.parametrize(
    "text, noun, own",
    [
        # the trigger's object is an act its own subject does: its modifier is the doer's means
        ("Moscow threatened a military response to the strike.", "response", True),
        # an act the subject is against, or a thing it acts on: the modifier names whose it is
        ("Students rallied against the military takeover.", "takeover", False),
        ("Gunmen attacked a police post near the border.", "post", False),
    ],
)
def test_an_act_noun_as_the_triggers_object_is_the_subjects_own(nlp, text, noun, own):
    from diurna.events.arguments import _own_act_object

    assert _own_act_object(next(t for t in nlp(text) if t.text == noun)) is own
