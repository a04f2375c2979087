"""The arguments of an event in the parse: which actor a phrase names, who does it (subjects,
passive agents, controllers) and where its recipient may be (objects, target prepositions, the
states of places). The candidate extractor (candidates.py) and the scene's rules (scene.py) ask here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from diurna.document import ArticleDoc, MentionRef
from diurna.events.constructions import (
    CAPITAL_STATE,
    FELLOW_VICTIMS,
    FINITE_BESIDE_INFINITIVE,
    MODIFIER_STORY_ACTOR,
    SHARED_HEAD_PARTIES,
    SHARED_PASSIVE_AGENT,
    STATE_ORGAN_HOLDER,
    TIME_PHRASE,
    enabled,
    located_places,
    recipient_prepositions,
    statement_maker,
)
from diurna.events.dictionary import QUANTITY_NOUNS, Sense, direct_objects, is_partitive, prep_objects
from diurna.events.holders import story_actor_by_head
from diurna.events.standing import description_stands
from diurna.nlp.dateline import in_dateline
from diurna.nlp.syntax import is_infinitive, is_reduced_passive, relative_antecedent, shared_passive_agent

if TYPE_CHECKING:
    from spacy.tokens import Token

PERSONAL_PRONOUNS = {"it", "they", "we", "he", "she", "i"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
MODIFIER_DEPS = ("poss", "compound", "nmod", "amod")
# Nouns of a point or stretch of time ("at the time of", "at the height of", "on the eve of", "in the
# wake of"): the phrase they head dates an act; the actors in their "of" phrase are no party to it.
TIME_NOUNS = frozenset(
    {"time", "times", "moment", "height", "eve", "wake", "aftermath", "run-up", "start", "beginning", "end", "day"}
)
# Verbs whose object is also the subject of their complement ("forced X to", "persuaded X to").
OBJECT_CONTROL = {
    "urge",
    "ask",
    "call",
    "force",
    "persuade",
    "order",
    "tell",
    "encourage",
    "press",
    "allow",
    "permit",
    "invite",
    "help",
    "implore",
    "request",
    "appeal",
    "plead",
    "push",
    # causatives: "prompting the army to open fire", "led the government to release", "compelled Kenya
    # to withdraw": the one prompted does the complement, not the prompting clause's subject
    "prompt",
    "lead",
    "cause",
    "compel",
    "oblige",
    "drive",
    "provoke",
    "spur",
    "enable",
}


@dataclass(frozen=True)
class Argument:
    """An actor filling a role: which actor, and the mention that names it."""

    actor_id: str
    mention: MentionRef


@dataclass(frozen=True)
class Candidate:
    trigger_start: int  # token offsets, end-exclusive
    trigger_end: int
    sense: Sense
    plover: str
    cameo: str
    mode: Optional[str]
    source: Optional[Argument]
    target: Optional[Argument]
    polarity: str
    modality: str
    rule: str  # which extraction rule proposed it (for review and confidence)
    sentence_start: int  # token offset of the sentence (duplicates are merged per sentence)


def in_time_phrase(token: "Token") -> bool:
    """Whether a token stands in the "of" phrase of a noun of time ("touring Beijing at the time of
    the Taliban offensive": Taliban), within its own clause: such a phrase dates the act and names no
    party to it (time-phrase). The rules read it in `actor_in_phrase`; the argument chooser asks
    this so that it does not refill the role the rule left empty."""
    if not enabled(TIME_PHRASE):
        return False
    for ancestor in token.ancestors:
        if ancestor.dep_ == "prep" and ancestor.lower_ == "of" and ancestor.head.lower_ in TIME_NOUNS:
            return True
        if ancestor.pos_ in ("VERB", "AUX"):
            return False
    return False


# ------------------------------------------------------------------ actors in phrases


def actor_in_phrase(doc: ArticleDoc, head: "Token", depth: int = 0, aimed: bool = False) -> Optional[Argument]:
    """The actor a noun phrase names: its own mention, else an apposition, a modifier that is an
    actor ("Hamas delegation", "U.S. move", "Trump's decision"), or an "of"/"from" phrase
    ("dozens of Palestinian prisoners", "a delegation from Somalia"). When the head is only a
    description ("Boko Haram fighters", "Italy's prime minister"), a modifier that names an actor
    outright stands for the phrase: the group or state is the party to the event. `aimed`: the phrase is
    what an act against someone is aimed at, whose bare modifiers may name the story's actors
    (modifier-story-actor)."""
    if depth > 3:
        return None
    if in_dateline(head):
        # "NAIROBI, Nov 25 (Wire) - Kenyan Foreign Minister Daniel Mwangi met ...": the parser makes
        # the dateline's city the subject and the real subject its apposition
        for child in head.children:
            if child.dep_ == "appos" and not in_dateline(child):
                return actor_in_phrase(doc, child, depth + 1)
        return None
    if head.lower_ in TIME_NOUNS and enabled(TIME_PHRASE):
        # "touring Beijing at the time of the Taliban offensive", "at the height of the protests": a
        # time an event is placed in names no party of it (time-phrase)
        return None
    if head.lower_ in QUANTITY_NOUNS or is_partitive(head):
        # "the crowd of students", "hundreds of protesters", "a group of gunmen", "many of its bases":
        # the people or things counted are the party, not the count (the actor stage may make "crowd"
        # an actor of its own; partitive-object)
        for obj in prep_objects(head).get("of", []):
            found = actor_in_phrase(doc, obj, depth + 1)
            if found:
                return found
    mention = doc.mention_at_token(head.i)
    if mention is not None and mention.how not in ("description", "pronoun"):
        return Argument(mention.actor_id, mention)
    if head.lower_ in RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
        return actor_in_phrase(doc, relative_antecedent(head.head), depth + 1)
    named = _named_modifier(doc, head) if mention is None or mention.how == "description" else None
    if named is not None and not description_stands(doc, head, mention, named.actor_id):
        return (_organ_holder(doc, head, named) if mention is None else None) or named
    if mention is not None:
        return _staff_institution(doc, head, mention) or Argument(mention.actor_id, mention)
    for child in head.children:
        if child.dep_ == "appos":
            found = actor_in_phrase(doc, child, depth + 1)
            if found:
                return found
    if aimed and head.lemma_.lower() == "capital" and enabled(CAPITAL_STATE):
        # "threaten the capital, Bangui": an act against a state's capital is against that state
        found = host_state(doc, [c for c in head.children if c.dep_ == "appos"])
        if found:
            return found[0]
    # the modifier nearest the head wins: "senior Hamas official" -> Hamas
    for child in sorted((c for c in head.children if c.dep_ in MODIFIER_DEPS and c.i < head.i), key=lambda c: -c.i):
        found = actor_in_phrase(doc, child, depth + 1) or (_story_actor_modifier(doc, child) if aimed else None)
        if found:
            return found
    preps = prep_objects(head)
    for obj in preps.get("of", []) + preps.get("from", []):
        found = actor_in_phrase(doc, obj, depth + 1)
        if found:
            return found
    return None


# Acts against someone: a bare modifier of what they are aimed at names whose it is ("fired on a police
# post"); in other acts it names a domain ("military cooperation", "police training").
AIMED_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN", "PROTEST", "ACCUSE", "REJECT"})


def _story_actor_modifier(doc: ArticleDoc, word: "Token") -> Optional[Argument]:
    """ "against the military takeover", "fired on a police post", "shelled civilian homes": a modifier
    that is no mention names the article's actor whose head word it is (modifier-story-actor)."""
    if not enabled(MODIFIER_STORY_ACTOR) or word.dep_ not in ("amod", "compound") or word.pos_ not in ("NOUN", "ADJ"):
        return None
    if doc.mention_at_token(word.i) is not None or _own_act_object(word.head):
        return None
    found = story_actor_by_head(doc, word)
    return Argument(found.actor_id, found) if found is not None else None


# Verbs whose object is an act their own subject does or would do ("threatened a military response",
# "launched an army operation", "vowed a police crackdown").
OWN_ACT_VERBS = frozenset("threaten vow promise pledge launch conduct mount stage order announce".split())


def _own_act_object(noun: "Token") -> bool:
    """ "threatened a military response", "launched an army operation": the object of a verb whose object
    is its subject's own act (OWN_ACT_VERBS); its modifier is the doer's own means, not whom the act is
    aimed at ("rallied against the military takeover", "attacked a police post" keep it; review13)."""
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in OWN_ACT_VERBS


# People who work for an institution and act or are acted on as its staff ("expelled two employees
# of the Iranian embassy", "diplomats from the Colombian embassy"), and those who speak for it ("the
# spokeswoman for the French government condemned ...": the government condemns).
STAFF_NOUNS = frozenset(
    """employee staff staffer diplomat official officer personnel worker envoy member representative
    attache attaché spokesperson spokesman spokeswoman""".split()
)
# Those who speak for an institution: what they say, it says, whichever state the story made them of.
SPEAKER_NOUNS = frozenset({"spokesperson", "spokesman", "spokeswoman"})


def _staff_institution(doc: ArticleDoc, head: "Token", mention: MentionRef) -> Optional[Argument]:
    """The institution a description of its staff stands for ("expelled employees from the Colombian
    embassy" -> the Colombian embassy; "two employees of the Iranian Embassy in Berlin" -> the
    Iranian Embassy; "a spokeswoman for the French government" -> the French government): an
    organ of a state (an actor with a country and a sector) in the staff noun's of/from/at/for phrase, or a participle's ("a diplomat working at the embassy"), when it belongs to
    another state than the one the description was coded with. The party to an expulsion is the
    state whose mission it is (CAMEO codes its government), not the host whose country the bare
    noun took from the story."""
    if mention.how != "description" or head.lemma_.lower() not in STAFF_NOUNS:
        return None
    staff = doc.actor(mention.actor_id)
    preps = prep_objects(head)
    places = [o for p in ("of", "from", "at", "for") for o in preps.get(p, [])] + _verb_attached_from(head)
    for participle in (c for c in head.children if c.dep_ == "acl" and c.tag_ == "VBG"):
        places += prep_objects(participle).get("at", []) + prep_objects(participle).get("for", [])
    for token in places:
        found = doc.mention_at_token(token.i)
        institution = doc.actor(found.actor_id) if found is not None else None
        if (
            institution is not None
            and institution.country
            and institution.sector
            and (staff is None or institution.country != staff.country or head.lemma_.lower() in SPEAKER_NOUNS)
        ):
            return Argument(found.actor_id, found)
    return None


def _organ_holder(doc: ArticleDoc, head: "Token", state: Argument) -> Optional[Argument]:
    """ "attacked Ukraine's navy base", "Iraq's army headquarters": a thing (no actor itself) that a
    state and, nearer to it, one of that state's organs modify is the organ's (state-organ-holder)."""
    country = doc.actor(state.actor_id)
    if not enabled(STATE_ORGAN_HOLDER) or country is None or country.kind != "country":
        return None
    for child in sorted(
        (c for c in head.children if c.dep_ == "compound" and c.i > state.mention.token_start), key=lambda c: -c.i
    ):
        found = doc.mention_at_token(child.i)
        organ = doc.actor(found.actor_id) if found is not None else None
        if organ is not None and organ.sector and organ.country == country.country and organ.id != country.id:
            return Argument(found.actor_id, found)
    return None


def _named_modifier(doc: ArticleDoc, head: "Token") -> Optional[Argument]:
    """A proper-name actor among a description's modifiers or its of/from phrase."""
    preps = prep_objects(head)
    near_first = sorted((c for c in head.children if c.dep_ in MODIFIER_DEPS and c.i < head.i), key=lambda c: -c.i)
    for token in near_first + preps.get("of", []) + preps.get("from", []) + _verb_attached_from(head):
        m = doc.mention_at_token(token.i)
        if m is not None and m.how in ("name", "alias") and m.token_start > head.i - 8:
            return Argument(m.actor_id, m)
    return None


# Parts of speech a long coordinated noun phrase is made of ("Iranian leader A and Saudi counterpart B").
NOMINAL_POS = frozenset({"PROPN", "NOUN", "ADJ", "DET", "CCONJ", "PART", "NUM"})


def coordinated_names(doc: ArticleDoc, subjects: list["Token"], known: str) -> list[Argument]:
    """Other actors named (not merely described) in a subject phrase that 'and' coordinates."""
    out: list[Argument] = []
    sdoc = doc.spacy_doc
    for subj in subjects:
        lo, hi = subj.left_edge.i, subj.right_edge.i + 1
        # the phrase may reach further left than the parse says: walk back over nominal material
        while lo > subj.sent.start and sdoc[lo - 1].pos_ in NOMINAL_POS:
            lo -= 1
        if not any(t.lower_ == "and" for t in sdoc[lo:hi]):
            continue
        for m in doc.mention_index().starting_in(lo, hi):
            modifier = is_demonym(doc, m)  # "North Korean (leader)" names a country, not a party
            if (
                m.how in ("name", "alias")
                and not modifier
                and m.actor_id != known
                and all(a.actor_id != m.actor_id for a in out)
            ):
                out.append(Argument(m.actor_id, m))
    return out


def destination_states(doc: ArticleDoc, heads: list["Token"], sources: list[Argument]) -> list[Argument]:
    """The states of the places things are sent 'to'/'into' (destination-state), not the senders' own."""
    places = [o for h in heads for p in ("to", "into") for o in prep_objects(h).get(p, [])]
    own = {doc.actor(s.actor_id).country for s in sources if doc.actor(s.actor_id) is not None}
    return [a for a in host_state(doc, places) if doc.actor(a.actor_id).country not in own]


def is_demonym(doc: ArticleDoc, mention: MentionRef) -> bool:
    actor = doc.actor(mention.actor_id)
    last = doc.spacy_doc[mention.token_end - 1]
    return mention.how == "adjective" or (actor is not None and actor.kind == "country" and last.dep_ in MODIFIER_DEPS)


def modifier_actors(doc: ArticleDoc, noun: "Token") -> list[Argument]:
    """The actors named before a noun ("an Israeli raid", "a Russian missile strike", "Hamas's attack")."""
    mods = [c for c in noun.children if c.dep_ in MODIFIER_DEPS and c.i < noun.i]
    return actors_of(doc, mods)


def host_state(doc: ArticleDoc, places: list["Token"]) -> list[Argument]:
    """The host of a visit to a city: the state it lies in, when that state is an actor of the
    article ("visited Tehran" -> Iran). CAMEO and PLOVER code the host government, not the town."""
    out: list[Argument] = []
    # "to Cabo Delgado province", "in Kherson region": the name is the head noun's compound;
    # "captured the city of Bambari", "villages around Kharkiv": the name is in the thing's locating
    # phrase (place-of-object, constructions.located_places)
    places = [
        n
        for t in places
        for n in [t] + [c for c in t.children if c.dep_ == "compound" and c.pos_ == "PROPN"] + located_places(t)
    ]
    for token in places:
        place_id = doc.place_at_token(token.i)
        place = next((p for p in doc.places if p.id == place_id), None) if place_id else None
        country = place.country if place is not None else _city_country(token)
        if not country:
            continue
        for mention in doc.mentions:
            actor = doc.actor(mention.actor_id)
            if (
                actor is not None
                and actor.kind == "country"
                and actor.country == country
                and mention.how in ("name", "alias")
            ):
                if all(a.actor_id != actor.id for a in out):
                    out.append(Argument(actor.id, mention))
                break
    return out


def _city_country(token: "Token") -> Optional[str]:
    """The country of a city the actor KB lists among a country's names ("Kharkiv" -> UKR), for a town
    the places stage did not geocode."""
    from diurna.actors import default_kb
    from diurna.actors.codes import split_code
    from diurna.actors.kb import name_key

    kb = default_kb()
    key = name_key(token.text)
    for actor in kb.lookup(token.text):
        if actor.kind == "country" and key in actor.cities and actor.roles:
            return split_code(actor.roles[-1].code)[0]
    return None


def _verb_attached_from(head: "Token") -> list["Token"]:
    """ "hosted a delegation from Somalia": the parser often hangs a "from" phrase right after an
    object on the verb; it still says whom the object stands for."""
    verb = head.head
    if head.dep_ not in ("dobj", "nsubjpass") or verb.pos_ != "VERB":
        return []
    return [
        o
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "from" and c.i == head.right_edge.i + 1
        for o in c.children
        if o.dep_ == "pobj"
    ]


def conjuncts(token: "Token") -> list["Token"]:
    """The token and the tokens coordinated with it ("Israel and the U.S.")."""
    return [token] + [c for c in token.conjuncts if c.i > token.i]


def actors_of(doc: ArticleDoc, tokens: list["Token"], aimed: bool = False) -> list[Argument]:
    out: list[Argument] = []
    for token in tokens:
        for conj in conjuncts(token):
            arg = actor_in_phrase(doc, conj, aimed=aimed)
            for found in [arg] + also_mentioned(doc, arg) + shared_head_parties(doc, conj, arg) if arg else []:
                if all(a.actor_id != found.actor_id for a in out):
                    out.append(found)
    return out


def shared_head_parties(doc: ArticleDoc, head: "Token", first: Argument) -> list[Argument]:
    """ "met the presidents of Kenya and Uganda", "the foreign ministers of Egypt and Jordan": a plural
    noun that only describes (no name covers it), whose "of" object is coordinated, stands for each of the coordinated
    parties (shared-head-parties); `first` is the one `actor_in_phrase` found."""
    own = doc.mention_at_token(head.i)
    if not enabled(SHARED_HEAD_PARTIES) or head.tag_ != "NNS" or (own is not None and own.how != "description"):
        return []
    if first.mention.token_start < head.i:
        return []  # the party came from a modifier ("Kenyan and Ugandan ministers" are coordinated already)
    out = []
    for obj in prep_objects(head).get("of", []):
        for other in [c for c in obj.conjuncts if c.i > obj.i]:
            found = actor_in_phrase(doc, other)
            if found is not None and found.actor_id != first.actor_id:
                out.append(found)
    return out


def also_mentioned(doc: ArticleDoc, arg: Argument) -> list[Argument]:
    """The other actors the argument's words are a mention of: the actor stage records "both
    countries" or "each other" as a mention of each of the two parties (actors/dyads.py)."""
    m = arg.mention
    return [
        Argument(other.actor_id, other)
        for other in doc.mention_index().starting_in(m.token_start, m.token_start + 1)
        if other.token_end == m.token_end and other.actor_id != m.actor_id
    ]


# ------------------------------------------------------------------ subjects and objects


# Predicate adjectives whose infinitive is done (or tried) by the copula's subject: "were unable to
# retake the town" tells an attempt, "was able to broker a deal" an act; "ready", "willing" only an
# intention, so they are not listed.
ABILITY_ADJECTIVES = frozenset({"able", "unable"})


def subject_tokens(verb: "Token", depth: int = 0) -> list["Token"]:
    """Who does it: the nominal subject, the passive agent, or the controller/shared subject."""
    if depth > 4:
        return []
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or is_reduced_passive(verb):
        # "was attacked and wounded by militiamen": the by-phrase the parser hangs on the last passive (shared-passive-agent)
        shared = shared_passive_agent(verb) if enabled(SHARED_PASSIVE_AGENT) else []
        return prep_objects(verb).get("by", []) or shared
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if subj:
        return subj
    head = verb.head
    if head.i == verb.i:
        return []
    if verb.dep_ == "xcomp" and head.dep_ == "acomp" and head.lower_ in ABILITY_ADJECTIVES:
        # "soldiers were unable to recapture the village", "was able to broker a deal": the copula's subject
        return subject_tokens(head.head, depth + 1)
    if verb.dep_ == "xcomp" or (verb.dep_ in ("ccomp", "advcl") and is_infinitive(verb)):
        # object control: "urged Muslims to stand" -> Muslims stand
        if head.lemma_.lower() in OBJECT_CONTROL:
            objs = direct_objects(head) or prep_objects(head).get("on", []) or prep_objects(head).get("upon", [])
            if objs:
                return objs
        return subject_tokens(head, depth + 1)
    if verb.dep_ == "conj" and finite_beside_infinitive(verb, head):
        # "told the army to halt operations and urged rebels to disarm": the parser hangs "urged" on the
        # infinitive, but a finite verb is no part of what was told; it shares the teller's subject
        while head.dep_ in ("xcomp", "ccomp", "advcl") and head.head.i != head.i and head.tag_ == "VB":
            head = head.head
        return subject_tokens(head, depth + 1)
    if verb.dep_ in ("conj", "advcl"):
        return subject_tokens(head, depth + 1)
    if verb.dep_ == "relcl":
        return [relative_antecedent(verb)]
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        maker = statement_maker(head)  # "issued a statement condemning X": the statement's maker
        if maker is not None:
            return maker
    if verb.dep_ == "acl" and (
        verb.tag_ in ("VBG", "VBD") or (verb.tag_ == "VBN" and any(c.dep_ == "dobj" for c in verb.children))
    ):
        # "the delegation visiting Tehran"; VBD, or VBN with an object: a finite verb the parser
        # misread as a modifier ("BAGHDAD (Reuters) - Iraqi forces killed four protesters")
        return [head]
    return []


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def finite_beside_infinitive(verb: "Token", head: "Token") -> bool:
    """A finite verb coordinated with an infinitive complement (finite-beside-infinitive): "told X
    to halt and urged Y" is the teller's second act, not a second thing told."""
    return enabled(FINITE_BESIDE_INFINITIVE) and verb.tag_ in FINITE_TAGS and head.tag_ == "VB" and is_infinitive(head)


# "detained along with other officials", "arrested together with his deputy", "alongside X".
FELLOW_WORDS = frozenset({"along", "together", "alongside"})


def fellow_victims(doc: ArticleDoc, trigger_i: int) -> list[Argument]:
    """The actors the clause names as suffering the act with its victim ("the prime minister was
    detained along with several ministers, including the finance minister"): victims too, never its agent."""
    if not enabled(FELLOW_VICTIMS):
        return []
    trigger = doc.spacy_doc[trigger_i]
    phrases = []
    for prep in (c for c in trigger.children if c.dep_ == "prep" and c.lower_ in FELLOW_WORDS):
        withs = [prep] if prep.lower_ == "alongside" else [w for w in prep.children if w.lower_ == "with"]
        phrases += [o for w in withs for o in w.children if o.dep_ == "pobj"]
    # "several ministers, including the finance minister": the ones the phrase includes
    phrases += [
        o for p in phrases for i in p.children if i.lower_ == "including" for o in i.children if o.dep_ == "pobj"
    ]
    return actors_of(doc, phrases)


def target_groups(verb: "Token", sense: Sense) -> list[list["Token"]]:
    """Where the target may be, in order: the direct object (or passive subject) unless it is the
    theme ("sent aid"), the verb's target prepositions, the object's own ("sanctions on X"), a dative."""
    groups: list[list["Token"]] = []
    objs = direct_objects(verb)
    if objs and not sense.theme:
        groups.append(objs)
    preps = recipient_prepositions(sense)  # "defend X against Y": Y is no recipient (adversary-not-recipient)
    verb_preps = prep_objects(verb)
    groups.extend(verb_preps[p] for p in preps if p in verb_preps)
    for obj in objs:
        obj_preps = prep_objects(obj)
        groups.extend(obj_preps[p] for p in preps if p in obj_preps)
    groups.append([c for c in verb.children if c.dep_ == "dative"])
    if sense.owner:
        # "froze their assets", "cut off the nation's currency": whose the object is bears the act
        groups.append([c for obj in objs for c in obj.children if c.dep_ == "poss"])
    return [g for g in groups if g]


def first_actors(doc: ArticleDoc, groups: list[list["Token"]], aimed: bool = False) -> list[Argument]:
    """The actors of the first group that has any (`aimed`: as `actor_in_phrase`)."""
    for group in groups:
        found = actors_of(doc, group, aimed)
        if found:
            return found
    return []


def complement_of(verb: "Token") -> Optional["Token"]:
    """The verb's infinitival complement ("refused to support", "urged X to stage"), if any."""
    for child in verb.children:
        if child.dep_ == "xcomp" or (child.dep_ == "ccomp" and is_infinitive(child)):
            return child
    return None
