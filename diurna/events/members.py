"""Reciprocal acts of one plural party (issue #26): "Foreign ministers of the Arab League met in
Cairo", "the bloc's trade ministers agreed to meet again in June", "Opposition party leaders negotiated
a joint platform".

A reciprocal sense (meet, negotiate, agree, sign; triggers.yaml `reciprocal: true`) pairs its parties
both ways when the subject names two or more ("Kenya and Uganda met"). When it names one plural
party and no partner, the partners are the party's own members: the real-text set's gold codes such an
event with the party as source and target (docs/annotation.md's symmetric meetings, one party on both
sides). Without this the
candidate has no recipient, and in a story it is withheld (recipientless-in-story), although nothing
was missed. The argument chooser already gives such an event no added target (argmodel.decide: "a
meeting the rules left with one party is among its own members"); this rule says whom it is among.

Each rule is named, with its example and reason (model: diurna/time/grammar.py); switch one off in a
test (`switched_off(name)`) or for a measurement (DIURNA_RECIPROCAL_RULES_OFF=name).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diurna.document import ArticleDoc
from diurna.events.arguments import subject_tokens
from diurna.rules import RuleSet

if TYPE_CHECKING:
    from spacy.tokens import Token

    from diurna.events.arguments import Argument

RECIPROCAL_RULES = RuleSet("reciprocal rule", env="DIURNA_RECIPROCAL_RULES_OFF")
RULES, _register, enabled, switched_off = RECIPROCAL_RULES.parts()

AMONG_MEMBERS = _register(
    "among-members",
    "Foreign ministers of the Arab League met in Cairo on Sunday to discuss the crisis.",
    "A cooperative reciprocal act (a meeting, talks, an agreement, a signing) whose one party is a plural "
    "noun of members or representatives ('ministers', 'leaders', 'delegations', 'member states') and which "
    "names no partner is done among the group's members: the group is source and target. Not for a plural "
    "party noun ('the rebels agreed to talk': with the government, who is missing), nor for fighting "
    "('rebels clashed'), nor where a partner is named in a form that is no actor ('met with reporters', "
    "'met the press'), nor for one person or one state.",
)

# Reciprocal types a group does among its own members; fighting (ASSAULT) is left out: "rebels clashed"
# names one side of a fight whose other side the story tells elsewhere.
AMONG_MEMBERS_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE", "SUPPORT"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# Plural nouns that name the members or representatives of one or several bodies, who can act among
# themselves ("the ministers met"); a plural party noun ("rebels", "protesters", "troops") names one side,
# whose partner is missing when none is named ("the rebels agreed to talk": with the government).
MEMBER_NOUNS = frozenset(
    {
        "leaders",
        "ministers",
        "heads",
        "presidents",
        "premiers",
        "officials",
        "delegates",
        "delegations",
        "representatives",
        "envoys",
        "negotiators",
        "diplomats",
        "lawmakers",
        "legislators",
        "parliamentarians",
        "chiefs",
        "factions",
        "parties",
        "sides",
        "members",
        "states",
        "countries",
        "nations",
        "governments",
        "mediators",
    }
)
# the verb's dependents that name a partner, actor or not ("met with reporters", "met the king")
PARTNER_DEPS = frozenset({"dobj", "dative"})
PARTNER_PREPOSITIONS = frozenset({"with", "to", "between", "among"})


def names_a_partner(verb: "Token") -> bool:
    """Whether the verb names someone it is done with or to, whether or not an actor: an object that is
    no agreed thing ("met the king"), or a with / to / between phrase ("met with reporters")."""
    for child in verb.children:
        if child.dep_ in PARTNER_DEPS and child.pos_ in ("PROPN", "PRON", "NOUN") and child.ent_type_ != "DATE":
            if child.ent_type_ or child.pos_ in ("PROPN", "PRON") or child.tag_ in PLURAL_TAGS:
                return True
        if child.dep_ == "prep" and child.lower_ in PARTNER_PREPOSITIONS:
            return True
    return False


def among_members(doc: ArticleDoc, verb: "Token", plover: str, sources: list["Argument"]) -> bool:
    """Whether a reciprocal act with one source and no target is done among the source's members
    (among-members): a cooperative type, one plural noun of members or representatives as the verb's
    subject (MEMBER_NOUNS: "ministers", "leaders", whatever actor the phrase stands for: "Foreign
    ministers of the Arab League" is the League), that actor no person or state, and no partner named
    beside the verb."""
    if not enabled(AMONG_MEMBERS) or plover not in AMONG_MEMBERS_TYPES or len(sources) != 1:
        return False
    if sources[0].mention.how not in ("description", "name", "alias"):
        return False  # a pronoun's antecedent decides, not its own form ("they met")
    subjects = subject_tokens(verb)
    if len(subjects) != 1 or subjects[0].tag_ not in PLURAL_TAGS or subjects[0].conjuncts:
        return False
    if subjects[0].lower_ not in MEMBER_NOUNS:
        return False  # "the rebels agreed to talk": one side, the other missing
    actor = doc.actor(sources[0].actor_id)
    if actor is None or actor.kind in ("person", "country"):
        return False
    return not names_a_partner(verb)
