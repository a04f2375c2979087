"""Countries for actors the text leaves without one, from the story: a step of the actor stage that
runs once places are geocoded.

Wire copy names a state once ("NAIROBI, Kenya -", "Kenyan police") and then writes "protesters",
"riot police", "the opposition", "the junta". Coded without a country, their events vanish from every
country and dyad count. An event-data coder gives such a generic actor the country of the story; so
does this step, and it says so (`Actor.country_inferred`), so a user who wants only stated countries
can filter.

Rules, in order, each with its example; switch one off with `switched_off(name)` or the
environment variable DIURNA_ACTOR_COUNTRY_RULES_OFF=name,...
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Optional

from diurna.actors.codes import join_code
from diurna.rules import RuleSet

if TYPE_CHECKING:
    from diurna.document import ArticleDoc
    from diurna.records import Actor


COUNTRY_RULES = RuleSet("actor-country rule", env="DIURNA_ACTOR_COUNTRY_RULES_OFF")
RULES, _register, enabled, switched_off = COUNTRY_RULES.parts()


STORY_FOCUS = _register(
    "story-focus",
    "KAMPALA, Uganda - ... Police fired tear gas at the protesters.",
    "A generic domestic actor (police, protesters, the army, the opposition, a person the knowledge "
    "base does not know) belongs to the country the story is about: the one country that most of its "
    "places and state actors name, when one clearly dominates.",
)

ORGANISATION_FOCUS = _register(
    "organisation-story-focus",
    "TRIPOLI, Libya - ... The Special Deterrence Force clashed with the 444 Brigade in Tripoli.",
    "An organisation the knowledge base does not know (a militia, a ministry, a school, a local "
    "company) belongs to the story's country like a generic actor; news organisations are left "
    "alone (agencies such as Reuters or AFP report on every country).",
)

STORY_PLURALITY = _register(
    "story-plurality",
    "KAMPALA, Uganda - Police fired tear gas at protesters ... (Uganda 8 votes; the US and British "
    "embassies, neighbouring Kenya, the UN's Geneva office: 2, 1, 1, 1) ... police arrested 40.",
    "A story about one country that mentions many others in passing (the envoys who reacted, the "
    "neighbours, the history) still has a focus: the country with at least twice the votes of any "
    "other, even below story-focus's share. Two-sided stories (Armenia 18 against Azerbaijan 10) "
    "stay without one.",
)

# Sectors an actor holds inside one state; international and transnational roles (IGO, NGO,
# multinational businesses) are not given the story's country.
DOMESTIC_SECTORS = frozenset(
    {
        "GOV",
        "MIL",
        "COP",
        "JUD",
        "LEG",
        "OPP",
        "PTY",
        "CVL",
        "PPL",
        "REB",
        "UAF",
        "INS",
        "SEP",
        "MED",
        "EDU",
        "LAB",
        "REL",
        "ELI",
        "SPY",
        "HLH",
        "AGR",
        "REF",
        "CRM",
        "BUS",
    }
)
# The focus country must hold this share of the story's country votes, and at least this many votes.
FOCUS_SHARE = 0.6
FOCUS_MIN_VOTES = 2
# story-plurality: the focus outweighs every other country this many times, with this many votes.
PLURALITY_RATIO = 2.0
PLURALITY_MIN_VOTES = 4


def country_votes(doc: "ArticleDoc") -> Counter:
    """Each mention of a country actor and each geocoded place mention votes for its country."""
    votes: Counter = Counter()
    kind_of = {a.id: a for a in doc.actors}
    for mention in doc.mentions:
        actor = kind_of.get(mention.actor_id)
        if actor is not None and actor.kind == "country" and actor.country:
            votes[actor.country] += 1
    place_country = {p.id: p.country for p in doc.places}
    for ref in doc.place_mentions:
        country = place_country.get(ref.place_id)
        if country:
            votes[country] += 1
    return votes


def focus_country(doc: "ArticleDoc") -> Optional[str]:
    """The country the story is about, when one clearly dominates its places and state actors."""
    return focus_of(country_votes(doc))


def focus_of(votes: Counter) -> Optional[str]:
    """The focus country of a story's country votes (rules story-focus, then story-plurality)."""
    if not votes:
        return None
    ranked = votes.most_common(2)
    top, n = ranked[0]
    if n >= FOCUS_MIN_VOTES and n >= FOCUS_SHARE * sum(votes.values()):
        return top
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if enabled(STORY_PLURALITY) and n >= PLURALITY_MIN_VOTES and n >= PLURALITY_RATIO * runner_up:
        return top
    return None


def needs_country(actor: "Actor") -> bool:
    """A generic or unknown actor the text gave no country: a group, a person or (rule
    organisation-story-focus) an organisation outside the knowledge base, in a domestic role (or none)."""
    if actor.country is not None or actor.kb_id is not None:
        return False
    if actor.kind == "organization" and enabled(ORGANISATION_FOCUS):
        return actor.sector is None or actor.sector in DOMESTIC_SECTORS - {"MED"}
    if actor.kind not in ("group", "person"):
        return False
    return actor.sector is None or actor.sector in DOMESTIC_SECTORS


class ActorCountryStage:
    """Gives generic actors the story's country (rule story-focus), marking it inferred."""

    name = "actor_countries"
    # what the stage reads from the article and what it writes (the pipeline checks the order)
    requires = ("actors", "mentions", "places", "place_mentions")
    assigns = ("actors",)

    def __call__(self, doc: "ArticleDoc") -> None:
        if not enabled(STORY_FOCUS):
            return
        country = focus_country(doc)
        if country is None:
            return
        for i, actor in enumerate(doc.actors):
            if needs_country(actor):
                doc.actors[i] = actor.model_copy(
                    update={
                        "country": country,
                        "country_inferred": True,
                        "code": join_code(country, actor.sector) if actor.sector else country,
                    }
                )
