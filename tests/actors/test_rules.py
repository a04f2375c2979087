"""The actor stage's named rules (diurna/actors/rules.py): each has an example and a reason, and
switching a rule off changes what the stage makes of its own example (so the rule, and nothing
else, decides it)."""

from __future__ import annotations

import pytest

from diurna.actors import first_person, resolve  # noqa: F401  (import every module that registers a rule)
from diurna.actors.coref import ATTACH_RULES
from diurna.actors.rules import RULES, switched_off


def _outcome(doc) -> list[tuple]:
    """What the stage made of a text: each actor with its coding and its mentions."""
    return sorted((a.name, a.kind, a.code, a.kb_id, tuple((m.start, m.end) for m in a.mentions)) for a in doc.actors)


def test_every_rule_has_an_example_and_a_reason():
    assert len(RULES) >= 40
    assert all(rule.example and rule.why for rule in RULES.values())


def test_attach_rules_are_registered_once_each():
    names = [rule.name for rule in ATTACH_RULES]
    assert len(names) == len(set(names)) and set(names) <= set(RULES)


def test_an_unknown_rule_cannot_be_switched_off():
    with pytest.raises(KeyError):
        with switched_off("no-such-rule"):
            pass


# Rules applied after the quote stage (diurna/actors/first_person.py): their example is run through
# the whole pipeline, not the actor stage alone.
AFTER_QUOTES = {first_person.QUOTE_WE}


@pytest.mark.parametrize("name", sorted(RULES))
def test_switching_a_rule_off_changes_its_example(resolve_actors, code, name):
    example = RULES[name].example
    run = code if name in AFTER_QUOTES else resolve_actors
    with_rule = _outcome(run(example))
    with switched_off(name):
        without = _outcome(run(example))
    assert with_rule != without, "rule %s does not decide its own example: %s" % (name, with_rule)


def test_each_mention_carries_the_rule_that_attached_it(actor_stage, nlp):
    from diurna.actors.resolve import ArticleResolver

    text = "Hassan Rouhani spoke in Tehran. He said the deal would hold."
    drafts = ArticleResolver(actor_stage.kb, actor_stage.finder, nlp(text), "2016-01-17").run()
    rouhani = next(d for d in drafts if d.kb is not None and d.kb.id == "hassan_rouhani")
    assert rouhani.decided_by == ["named-actor", "pronoun-antecedent"]
