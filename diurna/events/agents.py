"""Who did an act the clause tells without its agent ("Ghannouchi was arrested last month",
"Three officers were killed"), from what the story shows (issue #26: event sources).

Coercion. When the extractor fell back on the victims' state (constructions.py: state-authority),
it took the victims' state's police, then judiciary, government, army, as the story
names them, most-mentioned first: on real news that is often an actor the story never shows acting
(the police officers someone insulted, the court of another case, the ministry that announced the
coup). The rules below choose among the same state's authorities with what the story says: which of
them it shows doing such acts, and what kind of act it is. Each is a named rule with its example and
reason (model: diurna/time/grammar.py), tried in the order registered; one can be switched off in a
test (`switched_off(name)`) or for a measurement on real text (DIURNA_AGENT_RULES_OFF=name,name), and
state-authority's own choice then stands.

Violence. An agentless killing no earlier scene gives an agent (constructions.py: episode-agent)
takes the attacker the rest of the story names (story-attacker), else stays agentless.

Who the actors are is the actor stage's answer (their country, sector and mentions); this module
only reads it. The stage calls `with_story_agents` before the argument model, which keeps a filled
source.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Callable, Optional

from diurna.document import ArticleDoc
from diurna.events import constructions as cx
from diurna.events.arguments import Argument, Candidate, fellow_victims
from diurna.events.scene import mention_of
from diurna.rules import RuleSet

if TYPE_CHECKING:
    from diurna.records import Actor

AGENT_RULES = RuleSet("agent rule", env="DIURNA_AGENT_RULES_OFF")
RULES, _register, enabled, switched_off = AGENT_RULES.parts()

# Which of a state's organs does an act, most likely first, by the kind of act (the trigger's lemma).
# A court sentences and convicts; police and government arrest and ban; an army takes power.
JUDICIAL_ACTS = frozenset(
    "sentence convict jail imprison indict prosecute fine acquit try charge find".split()
)  # "was sentenced to 16 years", "was jailed on corruption charges", "was found guilty"
COUP_WORDS = frozenset("coup putsch junta takeover".split())
JUDICIAL_ORDER = ("JUD", "GOV", "COP", "MIL")
POLICE_ORDER = ("COP", "GOV", "MIL", "JUD")
COUP_ORDER = ("MIL", "GOV", "COP", "JUD")

# Events whose named source shows an actor acting as a state's coercive authority: an arrest or a
# ban, and force (the riot police who fired tear gas are the likeliest to have made the arrests).
COERCIVE = frozenset({"COERCE", "SANCTION", "ASSAULT"})

# (doc, the agentless candidate, the authorities of the victims' state, the story's coercers) -> agent id
AgentRule = Callable[[ArticleDoc, Candidate, list["Actor"], set[str]], Optional[str]]
AGENT_RULE_LIST: list[tuple[str, AgentRule]] = []
_agent = AGENT_RULES.ordered(AGENT_RULE_LIST)


def act_order(doc: ArticleDoc, cand: Candidate) -> tuple[str, ...]:
    """The organs that do this kind of act, most likely first: a coup's army (the clause says
    'coup'), a court for sentences and convictions, else police and government."""
    trigger = doc.spacy_doc[cand.trigger_start]
    if any(t.lemma_.lower() in COUP_WORDS for t in trigger.sent):
        return COUP_ORDER
    if trigger.lemma_.lower() in JUDICIAL_ACTS:
        return JUDICIAL_ORDER
    return POLICE_ORDER


def _first_by(doc: ArticleDoc, order: tuple[str, ...], actors: list["Actor"]) -> Optional[str]:
    """The actor of the first sector in `order`, the most mentioned of that sector first."""
    mentions = doc.mention_index()  # built once per article, not a pass over the mentions per call
    ranked = [(order.index(a.sector), -len(mentions.of_actor(a.id)), a.id) for a in actors if a.sector in order]
    return min(ranked)[2] if ranked else None


@_agent(
    "story-coercer",
    "Saied dissolved the chamber in July 2021 ... Ghannouchi was arrested last month.",
    "An agentless arrest, detention or ban of a state's people is most likely the act of that state's "
    "authority the story shows arresting, banning or dissolving elsewhere (a named source of its own "
    "coercion or force), not of one it only mentions ('accused of calling police officers tyrants'); among "
    "several, the organ that does this kind of act (act_order).",
)
def _story_coercer(doc: ArticleDoc, cand: Candidate, authorities: list["Actor"], coercers: set[str]) -> Optional[str]:
    return _first_by(doc, act_order(doc, cand), [a for a in authorities if a.id in coercers])


@_agent(
    "organ-of-act",
    "Mr Gershkovich had recently been sentenced to 16 years in a maximum-security prison.",
    "With no authority shown acting, the organ that does this kind of act: a court sentences, police "
    "and government arrest (state-authority puts the court before the government for every act, so "
    "an arrest went to a court of another case), an army detains in a coup.",
)
def _organ_of_act(doc: ArticleDoc, cand: Candidate, authorities: list["Actor"], coercers: set[str]) -> Optional[str]:
    return _first_by(doc, act_order(doc, cand), authorities)


def story_coercers(candidates: list[Candidate]) -> set[str]:
    """The actors the story shows coercing: named sources of coercion, not ones a rule supplied."""
    # a learned nominal's source is mostly the argument chooser's or the scene's (nominal_model.py)
    supplied = {cx.STATE_AUTHORITY, cx.EPISODE_AGENT, cx.AGENTLESS_PASSIVE, cx.LEARNED_NOMINAL}
    return {c.source.actor_id for c in candidates if c.plover in COERCIVE and c.source and c.rule not in supplied}


def victims_authorities(doc: ArticleDoc, cand: Candidate, victims: set[str]) -> list["Actor"]:
    """The authorities (police, judiciary, government, army) of the victim's state, none of the
    victims of the act (`victims`: "Suu Kyi and President Win Myint were detained")."""
    victim = doc.actor(cand.target.actor_id) if cand.target else None
    if victim is None or not victim.country:
        return []
    return [
        a
        for a in doc.actors
        if a.country == victim.country and a.sector in cx.AUTHORITY_SECTORS and a.id not in victims
    ]


STORY_ATTACKER = _register(
    "story-attacker",
    "Three officers were killed on Friday. ... The Pakistani Taliban attacked the convoy, police said.",
    "An agentless killing or wounding that no earlier scene gives an agent (episode-agent reads the "
    "attackers of the verbs told before it) is most likely the act of the attacker the story names "
    "most often as the source of the acts of force the scene does not read: told after it (the toll "
    "often leads, the claim of responsibility follows) or by a noun ('an attack by the armed group'); "
    "not one of the victims nor of their own side, and more often than any other. A story whose "
    "sides attack alike names no single attacker: the act stays agentless.",
)


def story_attacker(doc: ArticleDoc, cand: Candidate, told: list[Candidate], victims: set[str]) -> Optional[str]:
    """The attacker the article names most often as the source of the acts of force in `told`
    (story-attacker): none of `victims` nor of their own side (their country and sector: soldiers
    are not killed by their own army), and more often than any other; else None."""
    # a learned nominal's source is mostly the argument chooser's or the scene's (nominal_model.py)
    supplied = {cx.STATE_AUTHORITY, cx.EPISODE_AGENT, cx.AGENTLESS_PASSIVE, cx.LEARNED_NOMINAL}
    sides = {(a.country, a.sector) for a in (doc.actor(v) for v in victims) if a is not None and a.country}
    counts: dict[str, int] = {}
    for c in told:
        if c.plover != "ASSAULT" or c.source is None or c.rule in supplied or c.source.actor_id in victims:
            continue
        actor = doc.actor(c.source.actor_id)
        if actor is None or (actor.country, actor.sector) in sides:
            continue
        counts[c.source.actor_id] = counts.get(c.source.actor_id, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _unread_by_episode(doc: ArticleDoc, candidates: list[Candidate], i: int) -> list[Candidate]:
    """The acts the scene (episode-agent) does not read for candidate `i`: those told after it, and
    those told by a noun before it ("an attack by gunmen"): episode-agent reads the verbs before."""
    before = [c for c in candidates[:i] if doc.spacy_doc[c.trigger_start].pos_ in ("NOUN", "PROPN")]
    return before + candidates[i + 1 :]


def with_story_agents(doc: ArticleDoc, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates, each agentless coercion that state-authority gave an agent re-decided by the
    first rule of `AGENT_RULE_LIST` that finds one, each agentless act of force with no agent given
    the story's attacker (story-attacker); the mention is the agent's nearest before the trigger;
    the others unchanged."""
    coercers = story_coercers(candidates)
    victims: dict[int, set[str]] = {}
    for c in candidates:
        if c.target is not None:
            victims.setdefault(c.trigger_start, set()).add(c.target.actor_id)
            victims[c.trigger_start].update(a.actor_id for a in fellow_victims(doc, c.trigger_start))
    out = []
    for i, cand in enumerate(candidates):
        if cand.rule == cx.AGENTLESS_PASSIVE and cand.source is None and cand.plover == "ASSAULT":
            told = _unread_by_episode(doc, candidates, i) if enabled(STORY_ATTACKER) else []
            agent = story_attacker(doc, cand, told, victims.get(cand.trigger_start, set())) if told else None
            mention = mention_of(doc, agent, doc.spacy_doc[cand.trigger_start].idx) if agent else None
            out.append(
                replace(cand, source=Argument(agent, mention), rule="%s:%s" % (cand.rule, STORY_ATTACKER))
                if mention
                else cand
            )
            continue
        if cand.rule != cx.STATE_AUTHORITY or cand.source is None:
            out.append(cand)
            continue
        authorities = victims_authorities(doc, cand, victims.get(cand.trigger_start, set()))
        for name, rule in AGENT_RULE_LIST:
            agent = rule(doc, cand, authorities, coercers) if enabled(name) else None
            mention = mention_of(doc, agent, doc.spacy_doc[cand.trigger_start].idx) if agent else None
            if mention is not None:
                # the rule keeps state-authority's name first: the argument model reads it as a feature
                cand = replace(cand, source=Argument(agent, mention), rule="%s:%s" % (cand.rule, name))
                break
        out.append(cand)
    return out
