"""The actor stage's named rules: what is a mention, which actor it is, and how the actor is coded.

Every decision the resolver makes is a rule registered here by the module that applies it, with an
example from news copy and the reason it holds (the model is diurna/time/grammar.py). A rule can be
found by name, listed with its example (`RULES`), switched off in a test (`switched_off(name)`) or
for a measurement on real text (the environment variable DIURNA_ACTOR_RULES_OFF=name,name).

The order in which rules are consulted is explicit where it matters:

- mention finding: `resolve.CANDIDATE_SOURCES` (names, then descriptions, adjectives, pronouns,
  handles; a token taken by an earlier source is not offered to a later one), and inside the name
  source the steps of `names.NameSpans.name_candidates`;
- coreference: `coref.ATTACH_RULES`, the first rule that applies to a mention and finds an actor
  decides it;
- naming and coding: `stage.display_name` and `stage.ActorStage.coding`.

Switching a rule off removes only what it adds (a mention, a merge, a repair): the mention or actor
then comes out as the rules after it decide.
"""

from __future__ import annotations

from diurna.rules import RuleSet

ACTOR_RULES = RuleSet("actor rule", env="DIURNA_ACTOR_RULES_OFF")
RULES, register, enabled, switched_off = ACTOR_RULES.parts()
