"""Which actor a description phrase stands for when one of its modifiers names another actor outright
("Boko Haram fighters", "Italy's prime minister", "supporters of Imran Khan").

By default the named modifier stands for the phrase: the group or state is the party to the event
(`arguments.actor_in_phrase`). The rules below are the exceptions, where the description keeps its own
actor because the modifier only locates it or relates it to someone. Each is a named rule with its
example and reason (model: diurna/time/grammar.py), tried in the order registered (`STANDING_RULES`);
one can be switched off in a test (`switched_off(name)`) or for a measurement on real text
(DIURNA_ARGUMENT_RULES_OFF=name,name), and the modifier then stands for the phrase.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Optional

from diurna.document import ArticleDoc, MentionRef
from diurna.rules import RuleSet

if TYPE_CHECKING:
    from spacy.tokens import Token

    from diurna.records import Actor

ARGUMENT_RULES = RuleSet("argument rule", env="DIURNA_ARGUMENT_RULES_OFF")
RULES, _register, enabled, switched_off = ARGUMENT_RULES.parts()

# (head of the phrase, the actor the description was coded as, the actor its modifier names) -> stands?
StandingRule = Callable[["Token", "Actor", "Actor"], bool]
STANDING_RULES: list[tuple[str, StandingRule]] = []
_standing = ARGUMENT_RULES.ordered(STANDING_RULES)


@_standing(
    "own-state-sector",
    "The court banned Tajikistan's opposition organization on Monday.",
    "A description coded with a country and a sector whose named modifier is that very country "
    "('Myanmar military', 'Italy's prime minister') is a more exact actor (MMRMIL, ITAGOV, TJKOPP) than "
    "the bare country.",
)
def _own_state_sector(head: "Token", described: "Actor", modifier: "Actor") -> bool:
    return modifier.kind == "country" and bool(described.sector) and described.country == modifier.country


@_standing(
    "persons-people",
    "Pakistani police fired tear gas at supporters of former Prime Minister Imran Khan.",
    "A plural description around a person ('Khan's supporters', 'Lula's lawyers') is the group around "
    "the person, not the person; a group with no country of its own ('the Biden and Trump "
    "administrations') says less than the person.",
)
def _persons_people(head: "Token", described: "Actor", modifier: "Actor") -> bool:
    return (
        modifier.kind == "person"
        and head.tag_ in ("NNS", "NNPS")
        and described.kind == "group"
        and bool(described.country)
    )


HOLDER_OF_PLACE = _register(
    "holder-of-place",
    "Militants attacked Nigeria's military bases in the northeast.",
    "A place or facility ('Chad's bases', 'Mali's northern towns', 'the country's ports') is no party "
    "itself, whatever sector the actor stage gave its description: the state or group that holds it, "
    "named in its modifier, is the party (CAMEO codes the holder), so no standing rule keeps the "
    "description.",
)


# Place nouns that also name an organ or an office ("Kenya's defence department", "the army's
# headquarters", "a counter-terrorism centre", "the security sector"): the description may be the organ,
# a more exact party than its state, so holder-of-place leaves them to the standing rules.
ORGAN_PLACE_NOUNS = frozenset({"department", "headquarters", "center", "centre", "sector", "state", "country"})


def _names_a_place(head: "Token") -> bool:
    """Whether a description's head is a place or facility noun ("bases", "towns", "ports"), not one
    that also names an organ (ORGAN_PLACE_NOUNS)."""
    from diurna.places.lexicon import is_place_noun

    words = {head.lemma_.lower(), head.lower_}
    return not words & ORGAN_PLACE_NOUNS and any(is_place_noun(w) for w in words)


def description_stands(doc: ArticleDoc, head: "Token", mention: Optional[MentionRef], modifier_id: str) -> bool:
    """Whether the description `mention` (headed by `head`) keeps its own actor although a modifier
    names the actor `modifier_id` outright: a rule of `STANDING_RULES` says so. A group named in the
    modifier ("Boko Haram fighters") still stands for the phrase."""
    if mention is None or mention.how != "description":
        return False
    if enabled(HOLDER_OF_PLACE) and _names_a_place(head):
        return False
    described, modifier = doc.actor(mention.actor_id), doc.actor(modifier_id)
    if described is None or modifier is None:
        return False
    return any(enabled(name) and rule(head, described, modifier) for name, rule in STANDING_RULES)
