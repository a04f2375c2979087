"""Syntactic paths between a place mention and an event's trigger (issue 22): how near the place is
in the dependency tree, and whether the way up from the place to the trigger's clause passes through
another happening's phrase or clause, whose place it then is.

    "Afghanistan accused Pakistan of violating the truce with airstrikes in Paktika"
        accused: Paktika is the airstrikes' place, inside the act accused of ("of violating")
    "Japan lodged a protest via its embassy in Beijing"       lodged: Beijing is the embassy's place
    "Thailand recalled its ambassador and said it would expel Cambodia's envoy in Bangkok"
        recalled: Bangkok is inside what was said
    "Meeting in Brussels, the leaders demanded ..."     demanded: Brussels (a participle of the scene)
    "troops were deployed after clashes in the Amhara region"   deployed: Amhara
    "demonstrators took to Bangkok's busy Asok intersection"   took: Bangkok (a town's possession)
    "signed a pact during Putin's visit to Pyongyang"          signed: Pyongyang (where the visit is)

Each decision is a named rule with its example (`RULES`), tried in the order registered; one can be
switched off in a test (`switched_off(name)`) or for a measurement on real text
(DIURNA_PLACE_PATH_RULES_OFF=name,name): the place is then read as if the rule did not exist.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Optional

from diurna.nlp.syntax import tree_path
from diurna.places.lexicon import DIRECTIONAL, EVENT_NOUNS, LOCATIVE, PLACE_PART_NOUNS, STATIC
from diurna.rules import RuleSet

if TYPE_CHECKING:
    from spacy.tokens import Token

PATH_RULES = RuleSet("place path rule", env="DIURNA_PLACE_PATH_RULES_OFF")
RULES, _register, enabled, switched_off = PATH_RULES.parts()

# Prepositions whose phrase tells a medium, a reason or a contrast rather than the setting: a
# place inside is that other thing's ("lodged a protest via its embassy in Beijing", "amid setbacks
# in Russia's invasion of Ukraine"). Not "following", "after", "against" or "as": measured on the
# tune split and on PLV train (2026-12-06), "following a meeting in Jeddah, the OIC expressed",
# "strikes against Hamas targets throughout the Gaza Strip", "held civilians as human shields in
# Raqqa" carry the event's place more often than not.
OTHER_THAN_SETTING = {"via", "amid", "amidst", "despite", "because", "instead", "unlike", "than", "without"}
# Clauses whose content is another event (what was said, demanded, believed) or describes a
# participant (relative clauses) rather than set the scene.
CONTENT_CLAUSES = {"ccomp", "csubj", "relcl", "parataxis"}


def proximity(head: Token, trigger: Token) -> tuple[int, int]:
    """How near a place's head word is to the trigger: edges between them in the dependency tree,
    then words between them. The tree decides: in "the envoy in Baghdad was summoned over strikes
    on Iraq" Iraq hangs from "strikes", Baghdad from "envoy"."""
    path = tree_path(trigger, head)
    edges = len(path[0]) + len(path[1]) if path is not None else len(trigger.doc)
    return edges, abs(head.i - trigger.i)


# A step up the tree from the place (`token`, whose head is the next word up) that leaves the event's
# setting for another happening's: (rule name, test of the step given the trigger).
Detour = Callable[["Token", "Token"], bool]
DETOURS: list[tuple[str, Detour]] = []
_detour = PATH_RULES.ordered(DETOURS)


@_detour(
    "medium-or-reason",
    "Tokyo lodged a protest via its embassy in Beijing.",
    "A phrase of a medium, a reason or a contrast (OTHER_THAN_SETTING) tells another thing than the "
    "setting: a place inside it is that thing's.",
)
def _medium_or_reason(token: Token, trigger: Token) -> bool:
    return _under_preposition(token) and token.head.lower_ in OTHER_THAN_SETTING


@_detour(
    "gerund-after-of",
    "The court accused him of committing war crimes in Ukraine.",
    "A gerund after 'of' is the act someone is accused, suspected or convicted of: its place is not the accusation's.",
)
def _gerund_after_of(token: Token, trigger: Token) -> bool:
    return _under_preposition(token) and token.head.lower_ == "of" and token.dep_ == "pcomp"


@_detour(
    "content-clause",
    "Thailand recalled its ambassador and said it would expel the envoy in Bangkok.",
    "A clause of what another verb said, demanded or believed, or of who a participant is (a relative "
    "clause), is another event; what the trigger itself says stays its own ('the army said it launched "
    "airstrikes in Gaza': said -> Gaza), and so does a clause standing as a locative's object.",
)
def _content_clause(token: Token, trigger: Token) -> bool:
    parent = token.head
    return token.dep_ in CONTENT_CLAUSES and parent.i != trigger.i and not _names_a_locative_object(parent)


# Verbs of asking whose "for" is what is asked: "called for a return to order in the country",
# "pushed for elections in Tigray", "appealed for aid to Gaza".
ASKING_FOR = {"call", "appeal", "push", "press", "plead", "lobby", "campaign", "clamor", "clamour", "beg"}
# What one person does or has done to them ("called for the president's resignation in Nairobi"): no
# happening with a place of its own, so a place the parser hangs on it is the asking's (review14).
PERSONAL_ACTS = {
    "resignation",
    "release",
    "removal",
    "ouster",
    "arrest",
    "dismissal",
    "prosecution",
    "punishment",
    "impeachment",
    "extradition",
    "freedom",
    "departure",
    "apology",
    "exit",
}


@_detour(
    "what-is-asked-for",
    "The union called for new elections in the province; the bloc sanctioned Niger as it called for "
    "a return to order in the country.",
    "The 'for' of a verb of asking ('called for', 'pushed for', 'appealed for') is what is asked, a "
    "wished-for event: a place inside it is where that would happen, not where the asking or an event "
    "beside it happened.",
)
def _what_is_asked_for(token: Token, trigger: Token) -> bool:
    parent = token.head
    return (
        token.dep_ in ("pobj", "pcomp")
        and parent.lower_ == "for"
        and parent.dep_ == "prep"
        and parent.head.lemma_.lower() in ASKING_FOR
        and token.lemma_.lower() not in PERSONAL_ACTS
    )


def _under_preposition(token: Token) -> bool:
    return token.dep_ in ("pobj", "pcomp") and token.head.dep_ in ("prep", "agent")


def through_another_happening(head: Token, trigger: Token) -> bool:
    """Does the way up from the place to the nearest word above the trigger pass through another
    happening (`DETOURS`): a phrase of a medium, reason or contrast ("via its embassy in X", "amid
    setbacks in X"), a gerund after "of" ("accused of committing crimes in X"), a clause of what
    another verb said or of who a participant is?"""
    path = tree_path(trigger, head)
    climbed = path[1] if path is not None else [head, *head.ancestors][:-1]
    return any(enabled(name) and detour(token, trigger) for token in climbed for name, detour in DETOURS)


def _names_a_locative_object(verb: Token) -> bool:
    """ "fired missiles at what it said were spy headquarters in Irbil": a clause of saying that stands
    as a locative's object names the place hit, not what was said elsewhere."""
    return verb.dep_ == "pcomp" and verb.head.lower_ in LOCATIVE


# What a place's possessive heads that is no thing in it: "outside Russia's embassy" is not in Russia;
# "at Dushanbe's request" names who asked.
ABROAD_NOUNS = {"embassy", "consulate", "mission", "envoy", "ambassador"}
AGENCY_NOUNS = {"request", "invitation", "behest", "order", "orders", "initiative", "urging", "instigation"}
# The relation `attachment.governing_verb` gives a town's or region's possessive whose head is a locative's object.
POSSESSOR_OF_A_SETTING = "poss:setting"


PART_OF_PLACE = _register(
    "part-of-place",
    "Clashes erupted on Nairobi's outskirts on Monday.",
    "A possessive whose head is a part of it (a name, or a part noun: 'Mali's north', 'the city's "
    "streets') says where the head is.",
)
SET_OFF_LOCATIVE = _register(
    "set-off-locative-is-the-clauses",
    "The Taliban met with Zalmay Khalilzad, a US envoy, in Doha.",
    "A locative phrase set off by a comma after a participant of the clause (an argument, or the object "
    "of one of the clause's prepositions) says where the clause happened, however the parser hung it: "
    "a modifier of the noun would follow it without a comma.",
)

PART_OF_PLACE_AS_OBJECT = _register(
    "part-of-place-as-object",
    "Students filled the streets of Lima; the army shelled the outskirts of Aleppo.",
    "An object that is a part of a place ('the streets of', 'the outskirts of', 'the centre of') stands "
    "for the place under its 'of', as a kind noun does ('captured the city of Uvira').",
)
COUNTRY_OF_A_MISSION = _register(
    "country-of-a-mission",
    "Police fired tear gas at protesters near the U.S. Embassy; a crowd by the gates of the Myanmar Embassy.",
    "A country naming an embassy, a consulate or a mission ('the U.S. Embassy') is the state it "
    "represents abroad, not where the building stands (as for a possessive: 'outside Russia's embassy'); "
    "a town naming one is where it is ('the Kabul embassy').",
)
POSSESSED_SETTING = _register(
    "possessed-setting",
    "Demonstrators took to Bangkok's busy Asok intersection.",
    "A possessive whose head is the object of a static or directional preposition says where the "
    "setting is, unless the head is a thing abroad, someone's request or an event ('outside Russia's "
    "embassy', 'at Dushanbe's request', 'Tel Aviv's war on Gaza'). Not under 'on': 'sanctions on "
    "Moscow's banks' target them wherever they are.",
)


DESCRIBED_PARTICIPANT = _register(
    "described-participant-takes-no-scene",
    "Troops arrived in Bangui to reinforce the regional force, which is backing the army. -> backing: not Bangui",
    "A relative clause on a participant of another clause tells who that participant is or what it "
    "does in general: the other clause's scene ('arrived in Bangui') is not its event's. Not a clause "
    "opened by 'where' ('a summit where the presidents signed'), which tells what happened there.",
)


MODIFIER_EVENT = _register(
    "modifier-event-takes-no-scene",
    "Violence flared in Aleppo in breach of a Russian-brokered truce. -> brokered: not Aleppo",
    "An event named by a participle modifying a noun ('a Qatari-brokered truce', 'the US-backed "
    "forces') is a past fact about that thing, told as its attribute: the scene of the clause above "
    "('flared in Aleppo') is not where it happened.",
)


def modifier_event(trigger: Token) -> bool:
    """Is the trigger a participle modifying a noun (`MODIFIER_EVENT`): "a Qatari-brokered truce"?"""
    if not enabled(MODIFIER_EVENT) or trigger.dep_ != "amod" or trigger.tag_ != "VBN":
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children)  # a clause misread as amod


def in_a_description_below(trigger: Token, governor: Token, place: Optional[Token] = None) -> bool:
    """Is the trigger inside a relative clause that hangs, below `governor`, from a participant
    (`DESCRIBED_PARTICIPANT`)? ("arrived in Bangui to reinforce the force, which is backing ...").
    Not when the place stands in that participant's own phrase ("Protesters in Nairobi, who were
    demanding ...", review14): it locates the participant, and so what the participant does there."""
    if not enabled(DESCRIBED_PARTICIPANT):
        return False
    token = trigger
    while token.head.i != token.i and token.i != governor.i:
        if token.dep_ == "relcl" and not _opened_by_where(token):
            return place is None or not _in_the_phrase_of(place, token.head, token)
        token = token.head
    return False


def _in_the_phrase_of(place: Token, noun: Token, clause: Token) -> bool:
    """Whether `place` is in `noun`'s own phrase ("Protesters in Nairobi"), outside the relative `clause`."""
    in_noun = place.i == noun.i or noun.is_ancestor(place)
    return in_noun and not (place.i == clause.i or clause.is_ancestor(place))


def _opened_by_where(clause: Token) -> bool:
    """ "an AU summit where the presidents signed": a relative clause opened by "where" (or "at
    which", "during which") tells what happened at its antecedent, so at its scene."""
    first = clause.left_edge  # read off the words: the parser may hang "where" on a phrase inside
    if first.lower_ == "where":
        return True
    return first.dep_ == "prep" and first.i + 1 < len(clause.doc) and first.nbor(1).lower_ == "which"


def names_a_mission(head: Token) -> bool:
    """Is the place's word a modifier of an embassy, a consulate or a mission ("the U.S. Embassy")?"""
    return enabled(COUNTRY_OF_A_MISSION) and head.dep_ == "compound" and head.head.lemma_.lower() in ABROAD_NOUNS


def possessor_relation(token: Token) -> Optional[str]:
    """How a place's possessive (`token`, dep poss) locates what it possesses: "poss" when the head is a
    part of it ("Baghdad's Tahrir Square", "Mali's north"), `POSSESSOR_OF_A_SETTING` when the head is
    where something happens, the object of a static or directional preposition ("took to Bangkok's busy
    Asok intersection", "gathered near Hong Kong's parliament"; a country's possession is its own
    wherever it stands: "fired at Cambodia's positions"), None when the possessor is an owner ("Tel
    Aviv's war on Gaza")."""
    head = token.head
    if enabled(PART_OF_PLACE) and (head.pos_ == "PROPN" or head.lemma_.lower() in PLACE_PART_NOUNS):
        return "poss"
    if enabled(POSSESSED_SETTING) and _possessed_setting(head):
        return POSSESSOR_OF_A_SETTING
    return None


def _possessed_setting(head: Token) -> bool:
    lemma = head.lemma_.lower()
    if head.dep_ != "pobj" or lemma in ABROAD_NOUNS or lemma in AGENCY_NOUNS or lemma in EVENT_NOUNS:
        return False
    return head.head.lower_ in STATIC or head.head.lower_ in DIRECTIONAL


# Nouns of a stay somewhere: what happens "during" one happens where it goes.
STAY_NOUNS = {"visit", "trip", "tour", "stay"}


DURING_A_VISIT = _register(
    "during-a-visit",
    "They signed a pact during Putin's visit to Pyongyang.",
    "What happens during a visit, trip or stay happens where it goes, as if 'in Pyongyang' hung from the verb.",
)


def during_a_visit(preps: list[tuple[str, Token]]) -> list[tuple[str, Token]]:
    """ "signed a pact during Putin's visit to Pyongyang", "met Erdogan on a trip to Ankara": the
    event is where the visit is, as if "in Pyongyang" hung from its verb. (`preps`: the prepositions
    passed from the place up to its governing verb, each with the word it hangs from.)"""
    if not enabled(DURING_A_VISIT):
        return preps
    for n in range(1, len(preps)):
        (inner, noun), (outer, word) = preps[n - 1], preps[n]
        if inner in ("to", "in") and outer in ("during", "on") and noun.lemma_.lower() in STAY_NOUNS:
            return [*preps[: n - 1], ("in", word), *preps[n + 1 :]]
    return preps


# Verbs and nouns of leaving or removing from somewhere: their "from X" is where the act happens
# (troops withdraw from a town in it; a diplomat is expelled from the town where they serve).
DEPARTING = {
    "withdraw",
    "withdrawal",
    "retreat",
    "pullout",
    "expel",
    "expulsion",
    "deport",
    "deportation",
    "evict",
    "eviction",
    "evacuate",
    "evacuation",
    "oust",
    "flee",
    "depart",
    "departure",
    "exit",
}


def leaving_from(preps: list[tuple[str, Token]]) -> list[tuple[str, Token]]:
    """ "China expels Canadian diplomat from Shanghai", "the army withdrew from Kidal": a leaving's
    "from" names where it happens, as if "at X" hung from its word - a town's or a region's name;
    a country's only after the prepositions that place in a country (`COUNTRY_LOCATIVE`), as
    elsewhere: on the tune split (2026-12-06, night) "withdraw from (south) Lebanon", "deported from
    Cambodia" were plans and background the gold leaves unplaced. Any other "from" is an origin
    ("troops from Rwanda", "returning from Djibo")."""
    return [("at", word) if p == "from" and word.lemma_.lower() in DEPARTING else (p, word) for p, word in preps]
