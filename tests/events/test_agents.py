"""The agent rules of agentless coercion and violence (diurna/events/agents.py): each rule's cases
pass with the rule on and fail with it off, when state-authority's own choice (police, judiciary,
government, army, most-mentioned) stands, or the killing stays agentless.

The sentences are unit cases of one construction each, written for these tests; accuracy on real
news is measured on the real-text sets (docs/evaluation.md), not here."""

from __future__ import annotations

import importlib.util
import pathlib

import pytest

from diurna.events import agents


def _constructions_tests():
    # tests/events/test_constructions.py: its event matcher (the tests folders are no packages)
    spec = importlib.util.spec_from_file_location(
        "event_construction_tests", pathlib.Path(__file__).with_name("test_constructions.py")
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


found = _constructions_tests().found


# rule -> [(text, (trigger, type, source, target))]
CASES = {
    "story-coercer": [
        (
            # the police are only mentioned; the government is shown banning
            "The Zambian opposition leader praised Zambian police officers last year. The Zambian "
            "government banned the opposition party in May.\n\nFive Zambian activists were arrested on Monday.",
            ("arrested", "COERCE", "government", "activists"),
        ),
        (
            "Kenyan police officers were praised by the bishop. The Kenyan army detained two Kenyan "
            "journalists on Friday.\n\nThree Kenyan students were arrested at the border.",
            ("arrested", "COERCE", "army", "students"),
        ),
    ],
    "organ-of-act": [
        (
            "Russian police and the Russian Supreme Court did not comment on Monday.\n\n"
            "A Russian journalist was sentenced to six years in prison on Friday.",
            ("sentenced", "COERCE", "Supreme Court", "journalist"),
        ),
        (
            # in a coup the army detains, not the police the story happens to name
            "Malian police did not comment on Monday.\n\n"
            "Two Malian ministers were detained in a coup on Monday, the Malian army said.",
            ("detained", "COERCE", "army", "ministers"),
        ),
    ],
    "story-attacker": [
        (
            # the toll leads, the attacker comes after it: episode-agent reads only what came before
            "Three Somali officers were killed in Mogadishu on Friday, a doctor said.\n\n"
            "Al-Shabaab fighters attacked Somali troops near the city on Friday, the army said.",
            ("killed", "ASSAULT", "Al-Shabaab", "officers"),
        ),
    ],
}


@pytest.fixture(scope="module")
def rules_alone():
    """code(text, published) without the learned argument chooser (it may fill a role otherwise)."""
    from diurna.events.stage import EventStage
    from diurna.pipeline import Pipeline, default_stages

    stages = [EventStage(use_argument_model=False) if s.name == "events" else s for s in default_stages()]
    return Pipeline(stages=stages, default_pubdate="2024-06-19").code_text


def test_every_rule_has_cases_and_an_example():
    assert set(CASES) == set(agents.RULES)
    for rule in agents.RULES.values():
        assert rule.example and rule.why


@pytest.mark.parametrize("rule,text,expected", [(r, t, e) for r, cases in CASES.items() for t, e in cases])
def test_rule_codes_its_case_and_only_with_the_rule(rules_alone, rule, text, expected):
    assert found(rules_alone(text, "2024-06-19"), expected), "rule %s: %s" % (rule, expected)
    with agents.switched_off(rule):
        assert not found(rules_alone(text, "2024-06-19"), expected), "rule %s off, still %s" % (rule, expected)


def test_the_rules_only_re_decide_state_authority(rules_alone):
    # an agent the clause names is never re-decided, whatever the story's authorities
    doc = rules_alone(
        "The Zambian government banned the opposition party in May.\n\nZambian police arrested five Zambian activists.",
        "2024-06-19",
    )
    assert found(doc, ("arrested", "COERCE", "police", "activists"))


def test_no_story_attacker_when_two_sides_fight_alike(rules_alone):
    # each side attacks once: the story names no single attacker, the toll stays agentless
    doc = rules_alone(
        "Four civilians were killed on Monday, a doctor said.\n\n"
        "Armenian troops attacked Azerbaijani positions on Monday.\n\n"
        "Azerbaijani troops attacked Armenian positions on Tuesday.",
        "2024-06-19",
    )
    assert found(doc, ("killed", "ASSAULT", None, "civilians"))
