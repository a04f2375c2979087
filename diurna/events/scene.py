"""Recipients from the story: a targetless event takes its recipient from its scene (the rules are
named in constructions.py: scene-victim, mutual-force, answer-to-request, denial-of-side,
evaluated-relative-act, condemned-act-agent, evaluated-move-agent, evaluated-told-act,
claim-author, answered-act-agent, protest-target-state, restricted-own-state, seized-state). Who the actors are is the actor stage's answer; this module only reads it."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Optional

from diurna.document import ArticleDoc, MentionRef
from diurna.events import constructions as cx
from diurna.events.arguments import Argument, Candidate, host_state
from diurna.events.dictionary import direct_objects, prep_objects
from diurna.nlp.index import paragraph_number
from diurna.nlp.syntax import possessors

if TYPE_CHECKING:
    from spacy.tokens import Token


# How many events back in the article a recipient from the story may be sought ("Poland accused
# Belarus ... // Minsk denied it"): the story's recent events, so the pass stays linear in its length.
STORY_WINDOW = 30


# ------------------------------------------------------------------ what each rule decides

ANSWERS = frozenset({"REJECT", "AGREE", "CONCEDE", "RETREAT"})
ASKS = frozenset({"REQUEST", "THREATEN"})
# What a denial answers: an accusation, or a charge, arrest, sentence or sanction that implies one
# ("A court convicted Bolsonaro ... The former president has denied any wrongdoing").
CHARGES = frozenset({"ACCUSE", "COERCE", "SANCTION"})


def scene_recipient(
    plover: str,
    source_id: str,
    earlier: list[tuple[str, Optional[str], Optional[str]]],
    before_in_article: list[tuple[str, Optional[str], Optional[str]]] = (),
    same_sentence: list[tuple[str, Optional[str], Optional[str]]] = (),
    side: frozenset[str] = frozenset(),
    state: frozenset[str] = frozenset(),
) -> tuple[Optional[str], Optional[str]]:
    """(actor id, rule) of the recipient a targetless event takes from its scene, or (None, None).

    `earlier` holds (type, source id, target id) of the events coded before it in its paragraph,
    nearest last, and those after it in its own sentence, nearest first: the extractor reads a
    sentence left to right, but "lobbed teargas canisters and arrested some Kenyans" names the
    victims only in the second clause. `same_sentence` holds the other events of its sentence told
    by other words than its own trigger; `side` the actor ids of the source's side whose charges a
    denial answers (denial-of-side); `state` the other organs of the source's own state, when the
    source is one (mutual-force)."""
    if plover in cx.FORCE and cx.enabled(cx.MUTUAL_FORCE):
        for kind, src, tgt in same_sentence:
            # one state's police and army, or its government and its forces, act side by side
            # ("imposed a curfew after security forces opened fire on protests"), not on each other
            if kind in cx.FORCE and src and src != source_id and src not in state and tgt in (None, source_id):
                return src, cx.MUTUAL_FORCE
    if plover in cx.FORCE and cx.enabled(cx.SCENE_VICTIM):
        for kind, src, tgt in earlier:
            if kind == "PROTEST" and src and src != source_id:
                return src, cx.SCENE_VICTIM
            if kind in cx.FORCE and src == source_id and tgt and tgt != source_id:
                return tgt, cx.SCENE_VICTIM
    if plover in ANSWERS and cx.enabled(cx.ANSWER_TO_REQUEST):
        for kind, src, tgt in earlier:
            if kind in ASKS and tgt == source_id and src and src != source_id:
                return src, cx.ANSWER_TO_REQUEST
        if plover == "REJECT":
            for kind, src, tgt in before_in_article:
                if kind in CHARGES and tgt == source_id and src and src != source_id:
                    return src, cx.ANSWER_TO_REQUEST
    if plover == "REJECT" and side and cx.enabled(cx.DENIAL_OF_SIDE):
        for kind, src, tgt in before_in_article:
            if kind in CHARGES and tgt in side and src and src != source_id and src not in side and tgt != source_id:
                return src, cx.DENIAL_OF_SIDE
    return None, None


def with_scene_recipients(doc: ArticleDoc, candidates: list[Candidate], episode: cx.Episode) -> list[Candidate]:
    """Targetless events take their recipient from the story (constructions.py: scene-victim,
    answer-to-request, denial-of-side, evaluated-relative-act, condemned-act-agent,
    evaluated-move-agent, evaluated-told-act, claim-author, answered-act-agent, protest-target-state,
    restricted-own-state, seized-state); the mention is the recipient's nearest one before the trigger."""
    actors = [(a.id, a.country, a.sector, a.kind, episode.mention_count(doc, a.id)) for a in doc.actors]
    paragraphs = [episode.paragraph(doc.spacy_doc[c.trigger_start].idx) for c in candidates]
    targeted = {_act_key(c) for c in candidates if c.target is not None and c.source is not None}
    out: list[Candidate] = []
    for i, cand in enumerate(candidates):
        if cand.target is not None or cand.source is None or _act_key(cand) in targeted:
            out.append(cand)  # a targetless twin of an act its sentence codes with a recipient is merged later
            continue
        actor_id, rule = _recipient_from_story(doc, candidates, i, paragraphs, actors)
        mention = mention_of(doc, actor_id, doc.spacy_doc[cand.trigger_start].idx) if actor_id else None
        out.append(replace(cand, target=Argument(actor_id, mention), rule=rule) if mention else cand)
    return out


# CAMEO 192, occupy territory: taking a town or a base (triggers.yaml: capture, seize, take)
TAKING_A_PLACE = "192"


def _taker(doc: ArticleDoc, before: list[Candidate], retaking: Candidate) -> Optional[str]:
    """The agent of the latest taking of the place retaken before it ("Separatists seized Kidal ...
    jihadists seized Gao ... the army retook Kidal": the separatists), else of the latest taking of
    any place (a story's offensive is mostly one side's, and the town may have been told lost in other
    words), never the retaker itself."""
    takings = [
        c
        for c in reversed(before)
        if c.cameo == TAKING_A_PLACE and c.source is not None and c.source.actor_id != retaking.source.actor_id
    ]
    retaken = _taken_place(doc, retaking)
    same = [c for c in takings if retaken is not None and _taken_place(doc, c) == retaken]
    chosen = (same or takings)[:1]
    return chosen[0].source.actor_id if chosen else None


def _taken_place(doc: ArticleDoc, taking: Candidate) -> Optional[str]:
    """The place a taking's object names, as the places stage resolved it (None when it names none)."""
    for obj in direct_objects(doc.spacy_doc[taking.trigger_start]):
        for token in obj.subtree:
            place = doc.place_at_token(token.i)
            if place is not None:
                return place
    return None


def _act_key(cand: Candidate) -> tuple:
    """One act of one source in one sentence ("took to the streets ... to protest against X")."""
    return (cand.sentence_start, cand.plover, cand.source.actor_id if cand.source else None)


# The kind a refused concession ("will not release the prisoners", refused-concession) has among the story's
# acts: a REJECT by type, but a step of its own that a later "called the decision a crime" is about, not
# a statement about another act (STATEMENTS; review13).
REFUSAL = "REFUSAL"


def _roles(cands: list[Candidate]) -> list[tuple[str, Optional[str], Optional[str]]]:
    return [
        (
            REFUSAL if c.rule == cx.REFUSED_CONCESSION else c.plover,
            c.source.actor_id if c.source else None,
            c.target.actor_id if c.target else None,
        )
        for c in cands
    ]


def _recipient_from_story(
    doc: ArticleDoc, candidates: list[Candidate], i: int, paragraphs: list[int], actors: list
) -> tuple[Optional[str], Optional[str]]:
    cand = candidates[i]
    source_id = cand.source.actor_id
    if cand.plover == "COERCE" and cand.cameo in cx.POPULATION_RESTRICTIONS and cx.enabled(cx.RESTRICTED_OWN_STATE):
        state = own_state(doc.actor(source_id), actors)
        if state is not None and state != source_id:
            return state, cx.RESTRICTED_OWN_STATE
    if cand.plover == "COERCE" and _seizes_power(doc.spacy_doc[cand.trigger_start]) and cx.enabled(cx.SEIZED_STATE):
        state = own_state(doc.actor(source_id), actors)
        if state is not None and state != source_id:
            return state, cx.SEIZED_STATE
    earlier = candidates[max(0, i - STORY_WINDOW) : i][::-1]
    before = [c for j, c in zip(range(i - 1, -1, -1), earlier) if paragraphs[j] == paragraphs[i]]
    after = []
    for c in candidates[i + 1 : i + 1 + STORY_WINDOW]:
        if c.sentence_start != cand.sentence_start:
            break
        after.append(c)
    same = [
        c
        for c in candidates[max(0, i - STORY_WINDOW) : i + STORY_WINDOW]
        if c is not cand and c.sentence_start == cand.sentence_start
    ]
    # mutual-force pairs two acts of one sentence, not two readings of one trigger ("South African,
    # Ugandan and UN peacekeepers killed": three agents the parse offered for one act)
    others = [c for c in same if c.trigger_start != cand.trigger_start]
    # nor the agents of one act with each other through its other verbs ("troops and militiamen
    # surrounded the base, seizing weapons": the allies are agents of "seizing" too)
    co_agents = frozenset(
        c.source.actor_id for c in same if c.trigger_start == cand.trigger_start and c.source is not None
    )
    if cand.cameo == TAKING_A_PLACE and cx.retakes(doc.spacy_doc[cand.trigger_start]):
        return _taker(doc, candidates[:i], cand), cx.RETAKEN_FROM_TAKER
    recent = _roles(earlier)  # (type, source, target) of the story's recent events, nearest first
    side = _state_side(doc, source_id) if _denies(doc.spacy_doc[cand.trigger_start]) else frozenset()
    # a town or territory taken is the holder's loss, not the scene's people's (taken-place-no-victim)
    takes_a_place = cand.cameo == TAKING_A_PLACE and cx.enabled(cx.TAKEN_PLACE_NO_VICTIM)
    actor_id, rule = (
        (None, None)
        if takes_a_place
        else scene_recipient(
            cand.plover,
            source_id,
            _roles(after + before),
            recent,
            same_sentence=_roles(others),
            side=side,
            state=_state_organs(doc, source_id) | co_agents if cand.plover in cx.FORCE else frozenset(),
        )
    )
    if actor_id is None and cand.plover in cx.EVALUATIONS and cx.enabled(cx.EVALUATED_RELATIVE_ACT):
        actor_id, rule = _relative_act_agent(doc, cand, same), cx.EVALUATED_RELATIVE_ACT
    if (
        actor_id is None
        and cand.plover == "ACCUSE"
        and (_condemns_an_act(doc.spacy_doc[cand.trigger_start]) or _bare_statement(doc, cand))
    ):
        actor_id, rule = condemned_agent(source_id, recent), cx.CONDEMNED_ACT_AGENT
    if actor_id is None and cand.plover in cx.EVALUATIONS and _evaluates_a_move(doc.spacy_doc[cand.trigger_start]):
        actor_id, rule = move_agent(source_id, recent, _own_side(doc, source_id)), cx.EVALUATED_MOVE_AGENT
    if actor_id is None and cand.plover in cx.EVALUATIONS and cx.enabled(cx.EVALUATED_TOLD_ACT):
        actor_id, rule = _told_act_agent(doc, cand, same + earlier), cx.EVALUATED_TOLD_ACT
    if actor_id is None and cand.plover == "REJECT" and cx.enabled(cx.CLAIM_AUTHOR):
        actor_id, rule = claim_author(doc, doc.spacy_doc[cand.trigger_start], source_id), cx.CLAIM_AUTHOR
    if (
        actor_id is None
        and cand.plover in ANSWERING_TYPES
        and cx.enabled(cx.ANSWERED_ACT_AGENT)
        and _answers(doc.spacy_doc[cand.trigger_start])
    ):
        actor_id, rule = (
            answered_agent(source_id, _roles(others) + recent, _own_side(doc, source_id)),
            cx.ANSWERED_ACT_AGENT,
        )
    if actor_id is None and cand.plover in POLICING_TYPES:
        actor_id, rule = _protest_crowd(doc, cand, earlier), cx.POLICED_PROTEST
    if actor_id is None and cand.plover == "MOBILIZE" and cx.enabled(cx.JOINED_DEPLOYMENT):
        actor_id, rule = _joined_destination(doc, cand, before), cx.JOINED_DEPLOYMENT
    if actor_id is None and cand.plover in ("PROTEST", "REQUEST"):
        source = doc.actor(source_id)
        if source is not None:
            actor_id, rule = protested_state(source.country, source.sector, actors), cx.PROTEST_TARGET_STATE
    return (actor_id, rule) if actor_id and actor_id != source_id else (None, None)


def _bare_statement(doc: ArticleDoc, cand: Candidate) -> bool:
    """A statement noun told as arriving with nothing it is of or for ("Condemnation came from Jakarta
    and Kuala Lumpur", statement-from): it condemns the act the story has just told."""
    noun = doc.spacy_doc[cand.trigger_start]
    return cand.rule == cx.STATEMENT_FROM and not any(
        c.dep_ == "prep" and c.lower_ in ("of", "for", "over") for c in noun.children
    )


def _condemns_an_act(verb: "Token") -> bool:
    return any(o.lemma_.lower() in cx.ACT_NOUNS or o.lower_ in cx.ACT_NOUNS for o in _evaluated_nouns(verb))


def _told_act_agent(doc: ArticleDoc, cand: Candidate, told: list[Candidate]) -> Optional[str]:
    """The source of the event the evaluation's object names by its own word (evaluated-told-act):
    `told` holds the events of its sentence, then the earlier ones, nearest first."""
    source_id = cand.source.actor_id
    nouns = [
        n
        for n in _evaluated_nouns(doc.spacy_doc[cand.trigger_start])
        if n.pos_ == "NOUN" and n.lower_ not in MOVE_NOUNS and n.lemma_.lower() not in cx.ACT_NOUNS
    ]  # 'the attack', 'the move' are condemned-act-agent's and evaluated-move-agent's
    for c in told:
        if c.source is None or c.source.actor_id == source_id:
            continue
        trigger = doc.spacy_doc[c.trigger_start]
        if any(n.i == trigger.i or _same_act_word(n, trigger) for n in nouns):
            return c.source.actor_id
    return None


# How many sentences back the statement a denied claim refers to may be (claim-author): "Poland said
# the fire was Belarus's doing. Belarus rejected the allegation." One: further back, the latest
# speaker is as often someone else (an agency cited two sentences earlier, while critics made the
# charge the authorities reject).
CLAIM_WINDOW = 1


def claim_author(doc: ArticleDoc, verb: "Token", source_id: str) -> Optional[str]:
    """Who made the claim a denial or rejection has as object (claim-author): the actor the claim's
    own phrase names ("Kyiv's accusations", "the claim from Berlin", "allegations by the opposition"),
    else the speaker of the latest statement in the sentence before (CLAIM_WINDOW) that is not
    the denier's side; one whose words name the denier's side is preferred (the claim is about it)."""
    claims = [n for n in _evaluated_nouns(verb) if n.lemma_.lower() in cx.CLAIM_NOUNS or n.lower_ in cx.CLAIM_NOUNS]
    if not claims:
        return None
    side = _own_side(doc, source_id) | {source_id}
    for claim in claims:
        preps = prep_objects(claim)
        named = possessors(claim) + preps.get("from", []) + preps.get("by", [])
        for token in named:
            # "the claim from Berlin": a city names the state it lies in, when the story names that state
            actor_id = doc.actor_at_token(token.i) or next((a.actor_id for a in host_state(doc, [token])), None)
            if actor_id and actor_id not in side:
                return actor_id
    sentence = verb.sent
    earliest = sentence
    for _ in range(CLAIM_WINDOW):
        if earliest.start == 0:
            break
        earliest = doc.spacy_doc[earliest.start - 1].sent
    statements = sorted(
        (
            q
            for q in doc.quotes
            if q.speaker and q.speaker not in side and earliest.start_char <= q.content.start < sentence.start_char
        ),
        key=lambda q: q.content.start,
        reverse=True,
    )
    mentions = [m for a in side for m in doc.mention_index().of_actor(a)]
    for q in statements:
        if any(q.content.start <= m.start < q.content.end for m in mentions):
            return q.speaker
    return statements[0].speaker if statements else None


def _same_act_word(noun: "Token", trigger: "Token") -> bool:
    """'the charges' / 'charged', 'the arrests' / 'arrested', 'the executions' / 'executed'."""
    verb = trigger.lemma_.lower()
    word = noun.lemma_.lower()
    stem = verb[:-1] if verb.endswith("e") else verb
    return len(stem) >= 4 and (word == verb or word.startswith(stem))


# Verbs of a free relative by which a speaker names what it evaluates ("slammed what it called a
# 'political' ruling", "condemned what it described as an act of aggression").
NAMING_VERBS = frozenset({"call", "describe", "term", "brand", "label", "dub"})


def _evaluated_nouns(verb: "Token") -> list["Token"]:
    """The verb's objects, or the nouns of a free relative object that names the thing evaluated."""
    nouns = list(direct_objects(verb))
    for clause in verb.children:
        if clause.dep_ == "ccomp" and clause.lemma_.lower() in NAMING_VERBS:
            if any(c.lower_ == "what" for c in clause.children):
                nouns += [c for c in clause.subtree if c.dep_ in ("oprd", "attr", "pobj") and c.pos_ == "NOUN"]
    return nouns


def _relative_act_agent(doc: ArticleDoc, cand: Candidate, same: list[Candidate]) -> Optional[str]:
    """The agent of the act a relative object evaluates ("fired a missile, which Seoul condemned"):
    the source of the event coded on the thing or on the verb it is the object of, else the actor
    the actor stage finds as that verb's subject."""
    verb = doc.spacy_doc[cand.trigger_start]
    if verb.dep_ != "relcl" or not any(o.tag_ in ("WDT", "WP") for o in verb.children if o.dep_ == "dobj"):
        return None
    thing = verb.head
    act = thing.head if thing.dep_ in ("dobj", "nsubjpass") else None
    if thing.dep_ == "pobj" and thing.head.dep_ == "prep" and thing.head.head.pos_ == "VERB":
        act = thing.head.head  # "fired a missile into the sea, which Japan condemned"
    for c in same:
        if (
            c.source is not None
            and c.plover not in cx.EVALUATIONS
            and c.trigger_start in (thing.i, act.i if act else -1)
        ):
            return c.source.actor_id
    if act is None:
        return None
    subjects = [c for c in act.children if c.dep_ == "nsubj"]
    return doc.actor_at_token(subjects[0].i) if subjects else None


def _own_side(doc: ArticleDoc, source_id: str) -> set[str]:
    """The speaker's state and the actors of its state and sector ("Scholz" DEUGOV: Germany, the
    German government)."""
    source = doc.actor(source_id)
    if source is None or not source.country:
        return set()
    return {
        a.id
        for a in doc.actors
        if a.country == source.country and (a.kind == "country" or (a.sector and a.sector == source.sector))
    }


# Words of denial: a denial answers a charge, a refusal a request (denial-of-side reads only these).
DENIAL_WORDS = frozenset({"deny", "denial", "dismiss", "refute", "dispute", "rebuff", "disavow"})


def _denies(trigger: "Token") -> bool:
    return trigger.lemma_.lower() in DENIAL_WORDS


# Sectors of a state's organs: a state denies what they are charged with (denial-of-side).
STATE_ORGANS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})


def _state_side(doc: ArticleDoc, source_id: str) -> frozenset[str]:
    """A denier's side (denial-of-side): its own side (_own_side) and, when it is a state, the
    state's organs ("Russia denied" after "Russian diplomats" were expelled)."""
    source = doc.actor(source_id)
    if source is None or not source.country:
        return frozenset()
    organs = {a.id for a in doc.actors if a.country == source.country and a.sector in STATE_ORGANS}
    # the denier itself is answer-to-request's: this rule reads only the rest of its side
    return frozenset((_own_side(doc, source_id) | (organs if source.kind == "country" else set())) - {source_id})


def own_side_of(doc: ArticleDoc, source_id: str) -> frozenset[str]:
    """The source's own side: the actors of its state and sector (`_own_side`) and, for a state or one of
    its organs, the state's other organs (`_state_organs`). A claim of their acts is no accusation
    (alleged-act)."""
    return frozenset(_own_side(doc, source_id)) | _state_organs(doc, source_id)


def _state_organs(doc: ArticleDoc, source_id: str) -> frozenset[str]:
    """The other organs of the source's state (and the state itself), when the source is one: a
    state ("Sri Lanka") or an actor of a state-organ sector ("police" LKACOP). Empty for anyone else
    (protesters, rebels), whose clashes with their own state's forces are what mutual-force pairs.
    Organs with no country ("authorities", "soldiers" in a story that never names the state) are
    taken to be one state's: a story about two states' forces names the states."""
    source = doc.actor(source_id)
    if source is None or not (source.kind == "country" or source.sector in STATE_ORGANS):
        return frozenset()
    return frozenset(
        a.id
        for a in doc.actors
        if a.id != source_id and a.country == source.country and (a.kind == "country" or a.sector in STATE_ORGANS)
    )


# Words that tell an act as the answer to another ("vowed retaliation", "in response to", "responded
# by", "reserved the right to respond", "a tit-for-tat expulsion").
RESPONSE_WORDS = frozenset(
    """respond response retaliate retaliation retaliatory reprisal reprisals revenge retribution
    avenge riposte tit-for-tat react reaction""".split()
)


# Acts a responder takes against the one it answers; a statement told as a response (a rejection, a
# criticism) is about what it answers, which the evaluation rules read (condemned-act-agent, ...).
ANSWERING_TYPES = frozenset({"THREATEN", "MOBILIZE", "ASSAULT", "SANCTION", "COERCE"})


def _answers(trigger: "Token") -> bool:
    """Whether the trigger is itself told as a response (answered-act-agent): it is a response word, or
    hangs on one ("responded by hurling stones"), or its object, complement or "in" phrase is one
    ("vowed retaliation", "threatened to retaliate", "in retaliation", "reserved the right to
    respond", "its right to an adequate response"); not a response word elsewhere ("criticized
    nations for their responses")."""
    near = [trigger, trigger.head]
    if trigger.dep_ == "pcomp":
        near.append(trigger.head.head)  # "responded by hurling stones"
    for child in trigger.children:
        if child.dep_ in ("dobj", "xcomp", "attr"):
            near.append(child)
            near += [g for g in child.children if g.dep_ in ("acl", "xcomp")]  # "the right to respond"
            near += [o for p in child.children if p.dep_ == "prep" and p.lower_ == "to" for o in p.children]
        elif child.dep_ == "prep" and child.lower_ == "in":
            near += [g for g in child.children if g.dep_ == "pobj"]  # "in retaliation", "in response"
    return any(t.lemma_.lower() in RESPONSE_WORDS or t.lower_ in RESPONSE_WORDS for t in near)


def answered_agent(
    source_id: str, acts: list[tuple[str, Optional[str], Optional[str]]], own_side: set[str]
) -> Optional[str]:
    """The source of the first act in `acts` (its sentence's other acts in the order the extractor coded
    them, then the story's earlier acts, nearest first) done by someone not on the responder's side
    (answered-act-agent)."""
    for _, src, _ in acts:
        if src and src != source_id and src not in own_side:
            return src
    return None


def _evaluates_a_move(verb: "Token") -> bool:
    return any(o.lower_ in MOVE_NOUNS for o in _evaluated_nouns(verb))


# ------------------------------------------------------------------ the story's agents (constructions.py names the rules)

# Nouns by which a statement refers to a step the story has told (evaluated-move-agent).
MOVE_NOUNS = frozenset(
    """move moves decision decisions announcement step steps measure measures ruling verdict deal
    agreement news designation reinstatement proposal sentence sentencing ban order""".split()
)
# Events that are themselves statements about another act: not the step a later statement refers to.
STATEMENTS = frozenset({"ACCUSE", "SUPPORT", "REJECT", "REQUEST"})
# Sectors whose protests and demands are addressed to their own state.
PROTESTING_SECTORS = frozenset({"OPP", "CVL", "PPL", "EDU", "LAB", "MED", "REL", "AGR", "HLH", "PTY"})


def condemned_agent(source_id: str, before_in_article: list[tuple[str, Optional[str], Optional[str]]]) -> Optional[str]:
    """The agent of the latest act of force told before a condemnation of 'the attack' / 'the coup'."""
    if not cx.enabled(cx.CONDEMNED_ACT_AGENT):
        return None
    for kind, src, _ in before_in_article:
        if kind in cx.FORCE and src and src != source_id:
            return src
    return None


def move_agent(
    source_id: str, before_in_article: list[tuple[str, Optional[str], Optional[str]]], own_side: set[str]
) -> Optional[str]:
    """The source of the latest act, not itself a statement, told before 'welcomed the move'; none
    when that act is the speaker's own or its own side's (`own_side`: its state and the state's
    organs of its own sector), whose step it defends rather than addresses."""
    if not cx.enabled(cx.EVALUATED_MOVE_AGENT):
        return None
    for kind, src, _ in before_in_article:
        if kind not in STATEMENTS and src:
            return src if src != source_id and src not in own_side else None
    return None


def protested_state(
    country: Optional[str], sector: Optional[str], actors: list[tuple[str, Optional[str], Optional[str], str, int]]
) -> Optional[str]:
    """The government of protesters of `country`, as the story names it (its most-mentioned actor of
    that country in the GOV sector): `actors` are (id, country, sector, kind, mention count)."""
    if not cx.enabled(cx.PROTEST_TARGET_STATE) or not country or sector not in PROTESTING_SECTORS:
        return None
    governments = [(-n, a) for a, c, sec, kind, n in actors if c == country and sec == "GOV"]
    return min(governments)[1] if governments else None


def _seizes_power(trigger: "Token") -> bool:
    """ "seized power", "grabbed power in a coup": the trigger's object is the state's power (seized-state)."""
    return any(o.lemma_.lower() in cx.STATE_POWER for o in direct_objects(trigger))


def own_state(source, actors: list) -> Optional[str]:
    """The state an authority belongs to, as the story names it (restricted-own-state): the article's
    most-mentioned country actor of the source's country; `actors` as `with_scene_recipients` lists them."""
    if source is None or not source.country:
        return None
    states = [(-n, a) for a, c, sec, kind, n in actors if c == source.country and kind == "country"]
    return min(states)[1] if states else None


def mention_of(doc: ArticleDoc, actor_id: str, char: int) -> Optional[MentionRef]:
    """The actor's mention nearest before `char` (else its first after it)."""
    mine = doc.mention_index().of_actor(actor_id)
    before = [m for m in mine if m.start <= char]
    if before:
        return max(before, key=lambda m: m.start)
    return min(mine, key=lambda m: m.start) if mine else None


# How many paragraphs before a protest told by its noun alone its protesters may be named
# (story-protesters): further back, "protesters" may be another crowd, of another place or day.
PROTESTERS_PARAGRAPHS = 2


# Where a deployment goes: "deployed to", "sent into", "arrived in" a place (joined-deployment).
DESTINATION_PREPS = ("to", "into", "in")


# Verbs that send forces somewhere; mobilising reservists or putting forces on alert is done at home and
# joins no deployment abroad ("Israel mobilised reservists the same day", review14).
SENDING_VERBS = frozenset({"send", "dispatch", "deploy", "contribute", "commit"})

# Prepositions by which a deployment places itself ("deployed soldiers along its eastern border"): it
# then has a place of its own and joins no other (review14).
OWN_PLACE_PREPS = ("along", "on", "at", "near", "across", "inside", "within")  # not "in": "sending in reinforcements"


def _joined_destination(doc: ArticleDoc, cand: Candidate, before: list[Candidate]) -> Optional[str]:
    """The state a deployment told before it in its paragraph (`before`, nearest first) goes to: the
    host state of its to/into/in place, not the sender's own (joined-deployment). Only a sending verb
    with no place of its own joins one."""
    verb = doc.spacy_doc[cand.trigger_start]
    if verb.lemma_.lower() not in SENDING_VERBS:
        return None
    if any(prep_objects(verb).get(p) for p in OWN_PLACE_PREPS):
        return None
    sender = doc.actor(cand.source.actor_id)
    own = sender.country if sender is not None else None
    for told in before:
        if told.plover != "MOBILIZE" or told.trigger_start == cand.trigger_start:
            continue
        verb = doc.spacy_doc[told.trigger_start]
        places = [o for p in DESTINATION_PREPS for o in prep_objects(verb).get(p, [])]
        for state in host_state(doc, places):
            actor = doc.actor(state.actor_id)
            if actor is not None and actor.country != own:
                return state.actor_id
        return None  # the latest deployment names no destination: no other is joined
    return None


# What forces do at a protest: deploy there (MOBILIZE) or use force on it (policed-protest).
POLICING_TYPES = frozenset({"MOBILIZE", "COERCE", "ASSAULT"})


# Sectors of a state's own organs: "the president's rally", "the government's march" is no crowd that
# forces are deployed against (policed-protest).
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "ELI"})


def _state_side_actor(doc: ArticleDoc, actor_id: str) -> bool:
    """Whether the actor is a state or one of its organs or office holders (STATE_SECTORS)."""
    actor = doc.actor(actor_id)
    return actor is not None and (actor.kind == "country" or actor.sector in STATE_SECTORS)


def _protest_crowd(doc: ArticleDoc, cand: Candidate, earlier: list[Candidate]) -> Optional[str]:
    """The crowd of a protest the act of forces is placed at ("deployed during the rally"): the party
    the protest noun names (its possessor or modifier, "the opposition's rally"; not a state's organ:
    "the president's rally"), else the agent of the
    story's latest protest before it (`earlier`, nearest first), else the story's protesters
    (story_protesters) (policed-protest)."""
    source_id = cand.source.actor_id
    for noun in cx.policed_protests(doc.spacy_doc[cand.trigger_start]):
        own = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < noun.i]
        for token in own:
            mention = doc.mention_at_token(token.i)
            if mention is not None and mention.actor_id != source_id and not _state_side_actor(doc, mention.actor_id):
                return mention.actor_id
        for told in earlier:
            if told.plover == "PROTEST" and told.source is not None and told.source.actor_id != source_id:
                return told.source.actor_id
        named = story_protesters(doc, noun.idx)
        if named is not None and named.actor_id != cand.source.actor_id:
            return named.actor_id
    return None


def story_protesters(doc: ArticleDoc, char: int) -> Optional[MentionRef]:
    """The story's protesters for a protest told at `char` by its noun alone ("the protests
    continued"): the mention nearest before it in its paragraph or the PROTESTERS_PARAGRAPHS before,
    else the first after it in its own paragraph (story-protesters). A mention counts by the word the
    text calls them (constructions.PROTESTER_WORDS: "protesters", "demonstrators", ...), not by the
    actor stage's sector: the text's own word is what makes them this protest's crowd."""
    text, tokens = doc.article.text, doc.spacy_doc
    here = paragraph_number(text, char)
    named = [
        m
        for m in doc.mentions
        if tokens[m.token_end - 1].lower_ in cx.PROTESTER_WORDS
        and 0 <= here - paragraph_number(text, m.start) <= PROTESTERS_PARAGRAPHS
    ]
    before = [m for m in named if m.start < char]
    if before:
        return max(before, key=lambda m: m.start)
    after = [m for m in named if paragraph_number(text, m.start) == here]
    return min(after, key=lambda m: m.start) if after else None
