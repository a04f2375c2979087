"""diurna/events/standing.py: the named rules by which a description keeps its own actor although a
modifier names another. Unit cases of one construction each, written for these tests; accuracy on
real news is measured on the real-text sets (docs/evaluation.md)."""

from __future__ import annotations

import pytest

from diurna.events import standing

# rule -> (text, trigger, the target with the rule, the target without it)
CASES = {
    "own-state-sector": (
        "The court banned Tajikistan's opposition organization on Monday.",
        "banned",
        "opposition organization",
        "Tajikistan",
    ),
    "persons-people": (
        "Pakistani police fired tear gas at supporters of former Prime Minister Imran Khan.",
        "fired",
        "supporters",
        "Imran Khan",
    ),
}


@pytest.fixture(scope="module")
def targets():
    from diurna.pipeline import Pipeline

    pipeline = Pipeline()

    def run(text: str, trigger: str) -> list[str]:
        doc = pipeline.code_text(text, published="2024-05-01")
        return [doc.actor(e.target).name for e in doc.events if e.trigger.text == trigger and e.target]

    return run


def test_every_standing_rule_has_a_case_and_an_example():
    assert set(CASES) | {standing.HOLDER_OF_PLACE} == set(standing.RULES)
    assert [name for name, _ in standing.STANDING_RULES] == [r for r in standing.RULES if r != standing.HOLDER_OF_PLACE]
    assert all(rule.example and rule.why for rule in standing.RULES.values())


@pytest.mark.parametrize("rule", sorted(CASES))
def test_a_standing_rule_keeps_the_description_and_only_with_the_rule(targets, rule):
    text, trigger, with_rule, without = CASES[rule]
    found = targets(text, trigger)
    assert found and all(with_rule in t for t in found), found
    with standing.switched_off(rule):
        found = targets(text, trigger)
    assert found and all(without in t for t in found), found


def test_a_place_stands_for_its_named_holder_and_only_with_the_rule(targets):
    """holder-of-place: "Chad's army posts" / "Kenya's ports" is no party itself; without the rule a
    description the actor stage coded with the holder's country and a sector keeps its own actor."""
    text = "Militants attacked Nigeria's military bases in the northeast."
    found = targets(text, "attacked")
    assert found and all("Nigeria" in t for t in found), found
    with standing.switched_off(standing.HOLDER_OF_PLACE):
        found = targets(text, "attacked")
    assert found and all("Nigeria" not in t for t in found), found
