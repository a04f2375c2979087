"""Event candidates from the dependency parse: trigger, source and target, polarity and modality.

A candidate is one (trigger, source actor, target actor) triple with a PLOVER type proposed by the
trigger dictionaries (dictionary.py). The arguments come from the parse:

- subjects, objects and the trigger's target prepositions; passives ("was attacked by X");
- coordination: "Israel and the U.S." gives one candidate per conjunct; a coordinated subject with
  no target ("Hamas and Iran agreed") gives the two directions of a reciprocal event;
- control: "urged X to Y" (REQUEST, target X, Y not coded on its own), "refused to support X"
  (REJECT, target X), "stopped supplying X" (SANCTION, target X), "agreed/threatened to ...";
- shared subjects of conjoined verbs, relative clauses and participles;
- evaluations in reported speech: "X said Y's decision was a violation" (ACCUSE X -> Y) and
  "described Y's move as insulting";
- nominal events: "held talks with", "imposed sanctions on", "Israel's recognition of Kosovo".
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Iterator, Optional

from diurna.document import ArticleDoc, MentionRef
from diurna.events import codes
from diurna.events import constructions as cx
from diurna.events import polarity as pol
from diurna.events.detector import NONE, default_detector
from diurna.events.dictionary import (
    Sense,
    TriggerLexicon,
    direct_objects,
    in_list,
    is_infinitive,
    lexicon_type,
    modal_complement,
    prep_objects,
)
from diurna.nlp.dateline import in_dateline
from diurna.nlp.syntax import is_passive, is_reduced_passive

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
HOSTILE = {"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
# What a warning may announce for it to be a threat: "warned X it would retaliate / impose sanctions".
THREATENED = {"THREATEN", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
PERSONAL_PRONOUNS = {"it", "they", "we", "he", "she", "i"}
# Sectors of a state's own organs: "Myanmar military" is the state's army, not the bare state.
STATE_ORGANS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
MODIFIER_DEPS = ("poss", "compound", "nmod", "amod")
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


# ------------------------------------------------------------------ actors in phrases


def actor_in_phrase(doc: ArticleDoc, head: "Token", depth: int = 0) -> Optional[Argument]:
    """The actor a noun phrase names: its own mention, else an apposition, a modifier that is an
    actor ("Hamas delegation", "U.S. move", "Trump's decision"), or an "of"/"from" phrase
    ("dozens of Palestinian prisoners", "a delegation from Somalia"). When the head is only a
    description ("Boko Haram fighters", "Italy's prime minister"), a modifier that names an actor
    outright stands for the phrase: the group or state is the party to the event."""
    if depth > 3:
        return None
    if in_dateline(head):
        # "NAIROBI, Nov 25 (Wire) - Kenyan Foreign Minister Daniel Mwangi met ...": the parser makes
        # the dateline's city the subject and the real subject its apposition
        for child in head.children:
            if child.dep_ == "appos" and not in_dateline(child):
                return actor_in_phrase(doc, child, depth + 1)
        return None
    mention = doc.mention_at_token(head.i)
    if mention is not None and mention.how not in ("description", "pronoun"):
        return Argument(mention.actor_id, mention)
    if head.lower_ in RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
        return actor_in_phrase(doc, head.head.head, depth + 1)
    named = _named_modifier(doc, head) if mention is None or mention.how == "description" else None
    if named is not None and not _state_organ(doc, mention, named):
        return named
    if mention is not None:
        return Argument(mention.actor_id, mention)
    for child in head.children:
        if child.dep_ == "appos":
            found = actor_in_phrase(doc, child, depth + 1)
            if found:
                return found
    # the modifier nearest the head wins: "senior Hamas official" -> Hamas
    for child in sorted((c for c in head.children if c.dep_ in MODIFIER_DEPS and c.i < head.i), key=lambda c: -c.i):
        found = actor_in_phrase(doc, child, depth + 1)
        if found:
            return found
    preps = prep_objects(head)
    for obj in preps.get("of", []) + preps.get("from", []):
        found = actor_in_phrase(doc, obj, depth + 1)
        if found:
            return found
    return None


def _state_organ(doc: ArticleDoc, mention: Optional[MentionRef], named: Argument) -> bool:
    """ "Myanmar military", "Italy's prime minister": a description coded with a country and a sector
    whose named modifier is that very country is the state's organ (CAMEO MMRMIL, ITAGOV), a more
    exact actor than the bare country; a group named in the modifier ("Boko Haram fighters") still
    stands for the phrase."""
    if mention is None or mention.how != "description":
        return False
    organ, state = doc.actor(mention.actor_id), doc.actor(named.actor_id)
    return (
        organ is not None
        and state is not None
        and state.kind == "country"
        and organ.sector in STATE_ORGANS
        and organ.country == state.country
    )


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


def _coordinated_names(doc: ArticleDoc, subjects: list["Token"], known: str) -> list[Argument]:
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
            modifier = _is_demonym(doc, m)  # "North Korean (leader)" names a country, not a party
            if (
                m.how in ("name", "alias")
                and not modifier
                and m.actor_id != known
                and all(a.actor_id != m.actor_id for a in out)
            ):
                out.append(Argument(m.actor_id, m))
    return out


def _destination_states(doc: ArticleDoc, heads: list["Token"], sources: list[Argument]) -> list[Argument]:
    """The states of the places things are sent 'to'/'into' (destination-state), not the senders' own."""
    places = [o for h in heads for p in ("to", "into") for o in prep_objects(h).get(p, [])]
    own = {doc.actor(s.actor_id).country for s in sources if doc.actor(s.actor_id) is not None}
    return [a for a in host_state(doc, places) if doc.actor(a.actor_id).country not in own]


def _is_demonym(doc: ArticleDoc, mention: MentionRef) -> bool:
    actor = doc.actor(mention.actor_id)
    last = doc.spacy_doc[mention.token_end - 1]
    return mention.how == "adjective" or (actor is not None and actor.kind == "country" and last.dep_ in MODIFIER_DEPS)


def _modifier_actors(doc: ArticleDoc, noun: "Token") -> list[Argument]:
    """The actors named before a noun ("an Israeli raid", "a Russian missile strike", "Hamas's attack")."""
    mods = [c for c in noun.children if c.dep_ in MODIFIER_DEPS and c.i < noun.i]
    return actors_of(doc, mods)


def host_state(doc: ArticleDoc, places: list["Token"]) -> list[Argument]:
    """The host of a visit to a city: the state it lies in, when that state is an actor of the
    article ("visited Tehran" -> Iran). CAMEO and PLOVER code the host government, not the town."""
    out: list[Argument] = []
    # "to Cabo Delgado province", "in Kherson region": the name is the head noun's compound
    places = [n for t in places for n in [t] + [c for c in t.children if c.dep_ == "compound" and c.pos_ == "PROPN"]]
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


def actors_of(doc: ArticleDoc, tokens: list["Token"]) -> list[Argument]:
    out: list[Argument] = []
    for token in tokens:
        for conj in conjuncts(token):
            arg = actor_in_phrase(doc, conj)
            if arg and all(a.actor_id != arg.actor_id for a in out):
                out.append(arg)
    return out


# ------------------------------------------------------------------ subjects and objects


def subject_tokens(verb: "Token", depth: int = 0) -> list["Token"]:
    """Who does it: the nominal subject, the passive agent, or the controller/shared subject."""
    if depth > 4:
        return []
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or is_reduced_passive(verb):
        return prep_objects(verb).get("by", [])
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if subj:
        return subj
    head = verb.head
    if head.i == verb.i:
        return []
    if verb.dep_ == "xcomp" or (verb.dep_ in ("ccomp", "advcl") and is_infinitive(verb)):
        # object control: "urged Muslims to stand" -> Muslims stand
        if head.lemma_.lower() in OBJECT_CONTROL:
            objs = direct_objects(head) or prep_objects(head).get("on", []) or prep_objects(head).get("upon", [])
            if objs:
                return objs
        return subject_tokens(head, depth + 1)
    if verb.dep_ in ("conj", "advcl"):
        return subject_tokens(head, depth + 1)
    if verb.dep_ == "relcl":
        return [head]
    if verb.dep_ == "acl" and (
        verb.tag_ in ("VBG", "VBD") or (verb.tag_ == "VBN" and any(c.dep_ == "dobj" for c in verb.children))
    ):
        # "the delegation visiting Tehran"; VBD, or VBN with an object: a finite verb the parser
        # misread as a modifier ("BAGHDAD (Reuters) - Iraqi forces killed four protesters")
        return [head]
    return []


def target_groups(verb: "Token", sense: Sense) -> list[list["Token"]]:
    """Where the target may be, in order: the direct object (or passive subject) unless it is the
    theme ("sent aid"), the verb's target prepositions, the object's own ("sanctions on X"), a dative."""
    groups: list[list["Token"]] = []
    objs = direct_objects(verb)
    if objs and not sense.theme:
        groups.append(objs)
    verb_preps = prep_objects(verb)
    groups.extend(verb_preps[p] for p in sense.targets if p in verb_preps)
    for obj in objs:
        obj_preps = prep_objects(obj)
        groups.extend(obj_preps[p] for p in sense.targets if p in obj_preps)
    groups.append([c for c in verb.children if c.dep_ == "dative"])
    return [g for g in groups if g]


def first_actors(doc: ArticleDoc, groups: list[list["Token"]]) -> list[Argument]:
    """The actors of the first group that has any."""
    for group in groups:
        found = actors_of(doc, group)
        if found:
            return found
    return []


def complement_of(verb: "Token") -> Optional["Token"]:
    """The verb's infinitival complement ("refused to support", "urged X to stage"), if any."""
    for child in verb.children:
        if child.dep_ == "xcomp" or (child.dep_ == "ccomp" and is_infinitive(child)):
            return child
    return None


# ------------------------------------------------------------------ recipients from the scene


# How many events back in the article a recipient from the story may be sought ("Poland accused
# Belarus ... // Minsk denied it"): the story's recent events, so the pass stays linear in its length.
STORY_WINDOW = 30


def with_scene_recipients(doc: ArticleDoc, candidates: list[Candidate], episode: cx.Episode) -> list[Candidate]:
    """Targetless events take their recipient from the story (constructions.py: scene-victim,
    answer-to-request, condemned-act-agent, protest-target-state); the mention is the recipient's
    nearest one before the trigger."""
    actors = [(a.id, a.country, a.sector, a.kind, episode.mention_count(doc, a.id)) for a in doc.actors]
    paragraphs = [episode.paragraph(doc.spacy_doc[c.trigger_start].idx) for c in candidates]
    targeted = {_act_key(c) for c in candidates if c.target is not None and c.source is not None}
    out: list[Candidate] = []
    for i, cand in enumerate(candidates):
        if cand.target is not None or cand.source is None or _act_key(cand) in targeted:
            out.append(cand)  # a targetless twin of an act its sentence codes with a recipient is merged later
            continue
        actor_id, rule = _recipient_from_story(doc, candidates, i, paragraphs, actors)
        mention = _mention_of(doc, actor_id, doc.spacy_doc[cand.trigger_start].idx) if actor_id else None
        out.append(replace(cand, target=Argument(actor_id, mention), rule=rule) if mention else cand)
    return out


def _act_key(cand: Candidate) -> tuple:
    """One act of one source in one sentence ("took to the streets ... to protest against X")."""
    return (cand.sentence_start, cand.plover, cand.source.actor_id if cand.source else None)


def _roles(cands: list[Candidate]) -> list[tuple[str, Optional[str], Optional[str]]]:
    return [(c.plover, c.source.actor_id if c.source else None, c.target.actor_id if c.target else None) for c in cands]


def _recipient_from_story(
    doc: ArticleDoc, candidates: list[Candidate], i: int, paragraphs: list[int], actors: list
) -> tuple[Optional[str], Optional[str]]:
    cand = candidates[i]
    source_id = cand.source.actor_id
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
    actor_id, rule = cx.scene_recipient(
        cand.plover, source_id, _roles(after + before), _roles(earlier), same_sentence=_roles(same)
    )
    if actor_id is None and cand.plover == "ACCUSE" and _condemns_an_act(doc.spacy_doc[cand.trigger_start]):
        actor_id, rule = cx.condemned_agent(source_id, _roles(earlier)), cx.CONDEMNED_ACT_AGENT
    if actor_id is None and cand.plover in ("PROTEST", "REQUEST"):
        source = doc.actor(source_id)
        if source is not None:
            actor_id, rule = cx.protested_state(source.country, source.sector, actors), cx.PROTEST_TARGET_STATE
    return (actor_id, rule) if actor_id and actor_id != source_id else (None, None)


def _condemns_an_act(verb: "Token") -> bool:
    return any(o.lemma_.lower() in cx.ACT_NOUNS or o.lower_ in cx.ACT_NOUNS for o in direct_objects(verb))


def _mention_of(doc: ArticleDoc, actor_id: str, char: int) -> Optional[MentionRef]:
    """The actor's mention nearest before `char` (else its first after it)."""
    mine = doc.mention_index().of_actor(actor_id)
    before = [m for m in mine if m.start <= char]
    if before:
        return max(before, key=lambda m: m.start)
    return min(mine, key=lambda m: m.start) if mine else None


# ------------------------------------------------------------------ the extractor


class CandidateExtractor:
    def __init__(self, lexicon: Optional[TriggerLexicon] = None, use_detector: bool = True):
        self.lexicon = lexicon or TriggerLexicon.load()
        self.detector = default_detector() if use_detector else None

    def __call__(self, doc: ArticleDoc) -> Iterator[Candidate]:
        episode = cx.Episode(doc.text)
        found = [c for sent in doc.spacy_doc.sents for c in self.sentence(doc, sent, episode)]
        for cand in with_scene_recipients(doc, found, episode):
            if cand.rule == cx.OPEN_NOMINAL and cand.target is None:
                continue  # the story named no recipient for it
            yield cand

    def sentence(self, doc: ArticleDoc, sent: "Span", episode: Optional[cx.Episode] = None) -> list[Candidate]:
        episode = episode if episode is not None else cx.Episode(doc.text)
        consumed: set[int] = set()  # complements already coded as part of their governor
        verb_triggers: set[int] = set()
        out: list[Candidate] = self._requests_by_noun(doc, sent, consumed)
        for token in sent:
            if token.pos_ != "VERB" or token.i in consumed:
                continue
            sense = self.lexicon.verb_sense(token)  # once: the detector reads only verbs no lexicon codes
            found = (
                self._verb(doc, token, consumed, episode, sense=sense)
                if sense is not None
                else self._detected(doc, token, consumed, episode)
            )
            if found:
                verb_triggers.add(token.i)
                out.extend(found)
                for cand in found:
                    episode.record(token.idx, cand.plover, cand.source)
        for token in sent:
            if token.pos_ == "VERB" and in_list(token, self.lexicon.speech_verbs):
                out.extend(self._reported_evaluation(doc, token))
        for token in sent:
            if token.pos_ in ("NOUN", "PROPN") and token.i not in consumed:
                out.extend(self._nominal(doc, token, verb_triggers))
        return out

    # ---------------------------------------------------------------- verbs

    def _detected(
        self, doc: ArticleDoc, verb: "Token", consumed: set[int], episode: Optional[cx.Episode]
    ) -> list[Candidate]:
        """A verb no lexicon entry codes (the caller has asked the lexicon), read by the learned detector
        (detector.py): coded as a plain transitive event of the detected type when the model is confident."""
        if (
            self.detector is None
            or not cx.enabled(cx.DETECTOR)
            or in_list(verb, self.lexicon.speech_verbs)
            or in_list(verb, self.lexicon.light_verbs)
        ):
            return []
        found = self.detector.detect(verb, lexicon_type(self.lexicon, verb))
        if found.type in (NONE, "YIELD") or found.probability < self.detector.threshold:
            return []
        sense = Sense(
            lemma=verb.lemma_.lower(),
            pos="verb",
            cameo=codes.cameo_for(found.type, None),
            plover=found.type,
            mode=None,
            origin="detector",
        )
        return self._verb(doc, verb, consumed, episode, sense=sense)

    def _verb(
        self,
        doc: ArticleDoc,
        verb: "Token",
        consumed: set[int],
        episode: Optional[cx.Episode] = None,
        sense: Optional[Sense] = None,
    ) -> list[Candidate]:
        sense = sense or self.lexicon.verb_sense(verb)
        if sense is None or (is_reduced_passive(verb) and sense.origin != "diurna"):
            # the broad dictionaries read "a delegation headed by X" as an act; only the project's own
            # lexicon is trusted with reduced passives ("the activists detained by soldiers")
            return []
        frame = sense.frame
        comp = complement_of(verb)
        plover, cameo, mode = sense.plover, sense.cameo, sense.mode
        targets = first_actors(doc, target_groups(verb, sense))
        sources = actors_of(doc, subject_tokens(verb) + cx.listed_subjects(verb))
        polarity = pol.polarity(verb)
        rule = frame
        if frame == "request":
            preps = prep_objects(verb)
            # "urged X", "called on X", "appealed to X", "requested help from X"
            targets = first_actors(
                doc,
                [direct_objects(verb), preps.get(sense.prep or "on", []), preps.get("on", [])]
                + target_groups(verb, replace(sense, theme=True)),
            )
            if comp is not None:
                self._consume(comp, consumed)
        elif frame == "complement":
            if comp is not None:
                self._consume(comp, consumed)
                comp_sense, comp_targets = self._complement_event(doc, comp, consumed)
                plover, cameo, mode = self._complement_type(sense, comp_sense)
                # "refused to support X": X is the target only when the complement is itself an
                # event ("agreed to set aside their differences" has no target: it is reciprocal)
                if not targets and comp_sense is not None:
                    targets = comp_targets
        elif frame == "halt":
            halted = self._halted(verb, comp)
            if halted is None:
                return []
            plover, cameo, mode, halted_token, halted_sense = halted
            if comp is not None:
                self._consume(comp, consumed)
            if halted_token.i != verb.i:
                consumed.add(halted_token.i)
                targets = (
                    first_actors(doc, target_groups(halted_token, halted_sense))
                    if halted_token.pos_ == "VERB"
                    else actors_of(doc, self._noun_targets(halted_token, halted_sense, verb))
                )
        elif frame == "describe":
            if not self._negative_predicate(verb):
                return []
        elif frame == "allow":
            targets = actors_of(
                doc,
                direct_objects(verb) or ([c for c in comp.children if c.dep_ == "nsubj"] if comp is not None else []),
            )
            if comp is not None:
                self._consume(comp, consumed)
            if polarity == "negated":
                plover, cameo, mode, polarity, rule = "REJECT", "120", None, "asserted", "negated-allow"
        elif frame == "host":
            sources, targets = actors_of(doc, direct_objects(verb)), sources
        elif frame == "warn":
            warned = self._warned_action(doc, verb, sources, consumed)
            if warned is None:
                return []
            targets = actors_of(doc, direct_objects(verb)) or warned
        if not sources and sense.theme and plover == "MOBILIZE" and is_passive(verb):
            # "Chinese navy vessels were deployed near ...": with no agent, whose forces they are
            sources = actors_of(doc, [c for c in verb.children if c.dep_ == "nsubjpass"])
        if plover == "CONSULT" and mode == "visit" and not targets:
            targets = host_state(
                doc, direct_objects(verb) + [o for p in sense.targets for o in prep_objects(verb).get(p, [])]
            )
        elif plover in ("ASSAULT", "COERCE") and not targets and sense.frame == "direct":
            # "Russian artillery struck Kharkiv": a town attacked stands for the state it lies in, when
            # that state is an actor of the article (as for visits; CAMEO codes the state as target)
            targets = host_state(
                doc, direct_objects(verb) + [o for p in sense.targets for o in prep_objects(verb).get(p, [])]
            )
        if frame == "complement" and polarity == "negated" and plover in COOPERATIVE:
            # "did not agree to meet": a refusal, not a negated promise
            plover, cameo, mode, polarity, rule = "REJECT", "120", None, "asserted", "negated-" + frame
        if plover in cx.EVALUATIONS and cx.enabled(cx.EVALUATED_ACT_AGENT):
            agents = self._act_agents(doc, direct_objects(verb))
            if agents:
                targets, rule = agents, cx.EVALUATED_ACT_AGENT
        if not targets and plover in cx.SENDING and cx.enabled(cx.DESTINATION_STATE):
            targets = _destination_states(doc, [verb] + direct_objects(verb), sources)
            rule = cx.DESTINATION_STATE if targets else rule
        if not targets and plover == "REQUEST":
            targets, rule = self._request_recipients(doc, verb, consumed, rule)
        if not targets and plover in cx.FORCE:
            targets = actors_of(doc, cx.purpose_objects(verb))
            rule = cx.PURPOSE_RECIPIENT if targets else rule
        sourceless = cx.is_agentless_passive(verb, plover, bool(sources), bool(targets))
        if sense.reciprocal and len(sources) == 1 and not targets and cx.enabled(cx.COORDINATED_PARTIES):
            others = _coordinated_names(doc, subject_tokens(verb), sources[0].actor_id)
            if others:
                sources, rule = sources + others, cx.COORDINATED_PARTIES
        if sourceless:
            sources, rule = self._agent_in_adjunct(doc, verb, targets)
        if sourceless and not sources:
            sources, rule = self._agent_from_context(doc, verb, plover, targets, episode)
        if sense.origin.startswith("petrarch2") and not all(
            a.mention.how in ("name", "alias", "adjective") for a in sources
        ):
            return []  # the broad CAMEO dictionary is trusted only between named actors
        return self._combine(
            doc,
            verb.i,
            verb.i + 1,
            sense,
            plover,
            cameo,
            mode,
            sources,
            targets,
            polarity,
            pol.modality(verb),
            rule,
            sense.reciprocal,
            need_target=sense.origin.startswith(("petrarch2", "detector")),
            allow_sourceless=sourceless,
        )

    def _request_recipients(
        self, doc: ArticleDoc, verb: "Token", consumed: set[int], rule: str
    ) -> tuple[list[Argument], str]:
        """Whom a request with no object is made to: the subject of its content clause (the clause is
        then the requested act, not coded), or the recipient of a requested relation."""
        asked, acts = cx.asked_subjects(verb)
        targets = actors_of(doc, asked)
        if targets:
            for act in acts:
                self._consume(act, consumed)
            return targets, cx.ASKED_SUBJECT
        targets = actors_of(doc, cx.requested_relation_recipients(verb))
        return targets, (cx.REQUESTED_RELATION if targets else rule)

    def _act_agents(self, doc: ArticleDoc, objects: list["Token"]) -> list[Argument]:
        """The by-phrase agents of act nouns among `objects` ("the release of X by Y" -> Y)."""
        acts = [o for o in objects if self.lexicon.noun_sense(o) is not None or o.lemma_.lower() in cx.ACT_NOUNS]
        return actors_of(doc, [a for o in acts for a in prep_objects(o).get("by", [])])

    def _agent_in_adjunct(self, doc: ArticleDoc, verb: "Token", targets: list[Argument]) -> tuple[list[Argument], str]:
        """ "were killed in an attack by X" / "in an Israeli raid" / "when X stormed the base" (adjunct-agent)."""
        nouns, clauses = cx.adjunct_acts(verb)
        victims = {t.actor_id for t in targets}
        for noun in nouns:
            by = prep_objects(noun).get("by", [])
            found = [a for a in (actors_of(doc, by) or _modifier_actors(doc, noun)) if a.actor_id not in victims]
            if found:
                return found, cx.ADJUNCT_AGENT
        for clause in clauses:
            sense = self.lexicon.verb_sense(clause)
            if sense is None or sense.plover not in cx.FORCE:
                continue
            found = [a for a in actors_of(doc, subject_tokens(clause)) if a.actor_id not in victims]
            if found:
                return found, cx.ADJUNCT_AGENT
        return [], cx.AGENTLESS_PASSIVE

    @staticmethod
    def _agent_from_context(
        doc: ArticleDoc, verb: "Token", plover: str, targets: list[Argument], episode: Optional[cx.Episode]
    ) -> tuple[list[Argument], str]:
        """The agent of an agentless passive: the scene's agent of force, else (for coercion) the
        victims' state's authority, else none (constructions.py)."""
        episode = episode if episode is not None else cx.Episode(doc.text)
        agent = episode.agent_for(verb.idx, plover, targets)
        if agent is not None:
            return [agent], cx.EPISODE_AGENT
        if plover == "COERCE":
            victims = [
                ((doc.actor(t.actor_id).country if doc.actor(t.actor_id) else None), t.actor_id) for t in targets
            ]
            authorities = [(a.id, a.country, a.sector or "", episode.mention_count(doc, a.id)) for a in doc.actors]
            actor_id = cx.state_authority(victims, authorities)
            mention = _mention_of(doc, actor_id, verb.idx) if actor_id else None
            if mention is not None:
                return [Argument(actor_id, mention)], cx.STATE_AUTHORITY
        return [], cx.AGENTLESS_PASSIVE

    def _complement_event(self, doc: ArticleDoc, comp: "Token", consumed: set[int]):
        """The event a complement describes and its target: a coded verb ("to support X"), or a light
        verb with an event noun ("to impose sanctions on X"), whose noun is then not coded again."""
        comp_sense = self.lexicon.verb_sense(comp)
        if comp_sense is not None:
            return comp_sense, first_actors(doc, target_groups(comp, comp_sense))
        if in_list(comp, self.lexicon.light_verbs):
            for obj in direct_objects(comp):
                noun_sense = self.lexicon.noun_sense(obj)
                if noun_sense is not None:
                    consumed.add(obj.i)
                    return noun_sense, actors_of(doc, self._noun_targets(obj, noun_sense, comp))
        return None, []

    def _warned_action(
        self, doc: ArticleDoc, verb: "Token", sources: list[Argument], consumed: set[int]
    ) -> Optional[list[Argument]]:
        """ "warned Seoul (that) it would retaliate": a threat when the complement is a hostile act
        (a coded verb, or a light verb + event noun) whose subject is the warner: a pronoun or the
        same actor. Returns the complement's targets ([] for none), or None when it is no threat
        ("warned that prices would rise")."""
        comp = modal_complement(verb)
        if comp is None:
            return None
        subj = [c for c in comp.children if c.dep_ == "nsubj"]
        if not subj:
            return None
        if subj[0].lower_ not in PERSONAL_PRONOUNS:
            own = actors_of(doc, subj)
            if not own or not sources or own[0].actor_id != sources[0].actor_id:
                return None
        probe: set[int] = set()
        comp_sense, comp_targets = self._complement_event(doc, comp, probe)
        if comp_sense is None or comp_sense.plover not in THREATENED:
            return None
        consumed.update(probe)
        self._consume(comp, consumed)
        return comp_targets

    def _complement_type(self, sense: Sense, comp: Optional[Sense]) -> tuple[str, str, Optional[str]]:
        """ "agreed to withdraw" is a CONCEDE, "vowed to retaliate" a THREATEN (PLOVER v2 AGREE/CONCEDE notes)."""
        if sense.plover != "AGREE" or comp is None:
            return sense.plover, sense.cameo, sense.mode
        if comp.plover in ("RETREAT", "CONCEDE"):
            return "CONCEDE", "080", None
        if comp.plover in ("ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "THREATEN"):
            return "THREATEN", "130", None
        return sense.plover, sense.cameo, sense.mode

    def _halted(self, verb: "Token", comp: Optional["Token"]):
        """What "stopped/suspended/halted" applies to: a cooperative act halted is a SANCTION, a hostile one
        a RETREAT (a protest suspended is a CONCEDE)."""
        candidates: list[tuple["Token", Sense]] = []
        if comp is not None:
            s = self.lexicon.verb_sense(comp)
            if s:
                candidates.append((comp, s))
        for obj in direct_objects(verb):
            s = self.lexicon.noun_sense(obj)
            if s:
                candidates.append((obj, s))
        if not candidates:
            return None
        token, sense = candidates[0]
        if sense.plover == "AID":
            return "SANCTION", "162", "discontinue", token, sense
        if sense.plover in ("CONSULT", "AGREE"):
            return "SANCTION", "164", "withdraw", token, sense
        if sense.plover in ("COOPERATE", "SUPPORT"):
            return "SANCTION", "160", "discontinue", token, sense
        if sense.plover == "PROTEST":
            return "CONCEDE", "082", None, token, sense
        if sense.plover in ("ASSAULT", "COERCE", "MOBILIZE"):
            return "RETREAT", "087", None, token, sense
        return None

    def _noun_targets(self, noun: "Token", sense: Sense, verb: "Token") -> list["Token"]:
        for owner in (noun, verb):
            preps = prep_objects(owner)
            for prep in sense.targets:
                if prep in preps:
                    return preps[prep]
        datives = [c for c in verb.children if c.dep_ == "dative"]
        return datives

    def _negative_predicate(self, verb: "Token") -> bool:
        for prep in ("as",):
            for obj in prep_objects(verb).get(prep, []):
                if any(self.lexicon.is_negative_evaluation(t) for t in obj.subtree):
                    return True
        for child in verb.children:
            if child.dep_ in ("oprd", "xcomp", "acomp") or (child.dep_ == "prep" and child.lower_ == "as"):
                if any(self.lexicon.is_negative_evaluation(t) for t in child.subtree):
                    return True
        # "branded the deal a violation": the small model often reads the predicate as a second object
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        return len(objects) >= 2 and any(self.lexicon.is_negative_evaluation(t) for t in objects[-1].subtree)

    @staticmethod
    def _consume(comp: "Token", consumed: set[int]) -> None:
        for conj in conjuncts(comp):
            consumed.add(conj.i)

    def _requests_by_noun(self, doc: ArticleDoc, sent: "Span", consumed: set[int]) -> list[Candidate]:
        """ "repeated calls for the Philippines to remove a warship": a REQUEST by the caller to the one
        asked; the requested verb is consumed, so it is not coded as an act (constructions.py)."""
        out: list[Candidate] = []
        for noun, verb, asked in cx.requested_actions(sent):
            self._consume(verb, consumed)
            consumed.add(noun.i)
            owner = [c for c in noun.children if c.dep_ == "poss"]
            sources = actors_of(doc, owner) or (
                actors_of(doc, subject_tokens(noun.head)) if noun.dep_ in ("dobj", "nsubjpass") else []
            )
            sense = Sense(
                lemma=noun.lemma_.lower(), pos="noun", cameo="100", plover="REQUEST", mode=None, frame="request"
            )
            out.extend(
                self._combine(
                    doc,
                    noun.i,
                    noun.i + 1,
                    sense,
                    "REQUEST",
                    "100",
                    None,
                    sources,
                    actors_of(doc, asked),
                    pol.polarity(noun.head),
                    pol.modality(noun.head),
                    cx.REQUESTED_ACTION,
                    False,
                )
            )
        return out

    # ---------------------------------------------------------------- reported evaluations

    def _reported_evaluation(self, doc: ArticleDoc, speech: "Token") -> list[Candidate]:
        """ "X said Y's decision was a blatant violation": X accuses Y."""
        out: list[Candidate] = []
        speakers = actors_of(doc, subject_tokens(speech))
        if not speakers:
            return out
        for clause in speech.children:
            if clause.dep_ != "ccomp" or clause.lemma_ != "be":
                continue
            predicate = [c for c in clause.children if c.dep_ in ("attr", "acomp")]
            if not predicate or not any(
                self.lexicon.is_negative_evaluation(t)
                for p in predicate
                for t in p.subtree
                if t.dep_ not in ("prep", "pobj")
            ):
                continue
            subjects = [c for c in clause.children if c.dep_ == "nsubj"]
            targets = actors_of(doc, subjects)
            trigger = predicate[0]
            sense = Sense(
                lemma=trigger.lemma_.lower(),
                pos="noun",
                cameo="111",
                plover="ACCUSE",
                mode="disapprove",
                frame="evaluation",
            )
            out.extend(
                self._combine(
                    doc,
                    trigger.i,
                    trigger.i + 1,
                    sense,
                    "ACCUSE",
                    "111",
                    "disapprove",
                    speakers,
                    targets,
                    pol.polarity(clause),
                    pol.modality(clause),
                    "reported-evaluation",
                    False,
                    need_target=True,
                )
            )
        return out

    # ---------------------------------------------------------------- nominal events

    def _nominal(self, doc: ArticleDoc, noun: "Token", verb_triggers: set[int]) -> list[Candidate]:
        sense = self.lexicon.noun_sense(noun)
        if sense is None or doc.mention_at_token(noun.i) is not None:
            return []
        head = noun.head
        as_object = noun.dep_ in ("dobj", "nsubjpass")
        misread = self._misread_light_verb(noun)
        if misread is not None:
            head, as_object = misread, True
        if as_object and in_list(head, self.lexicon.light_verbs) and head.i not in verb_triggers:
            sources = (
                actors_of(doc, subject_tokens(head))
                if noun.dep_ != "nsubjpass"
                else actors_of(doc, prep_objects(head).get("by", []))
            )
            targets = actors_of(doc, self._noun_targets(noun, sense, head))
            pairs = self._between(doc, noun) if sense.reciprocal and not targets else None
            if pairs:
                sources, targets = pairs
            return self._combine(
                doc,
                noun.i,
                noun.i + 1,
                sense,
                sense.plover,
                sense.cameo,
                sense.mode,
                sources,
                targets,
                pol.polarity(head),
                pol.modality(head),
                "light-verb",
                sense.reciprocal,
            )
        if self._inside_event_argument(noun, verb_triggers):
            return []
        own = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < noun.i]
        preps = prep_objects(noun)
        sources = actors_of(doc, own) or actors_of(doc, preps.get("by", []))
        if not sources and "from" not in sense.targets:
            # "condemnation from the African Union", "aid from Qatar" ("withdrawal from X": X is the target)
            sources = actors_of(doc, preps.get("from", []))
        if not sources and sense.reciprocal:
            # "(Egypt hosted) talks between Sudanese factions", "talks between X and Y": the parties
            parties = actors_of(doc, prep_objects(noun).get("between", []))
            if parties:
                return self._combine(
                    doc,
                    noun.i,
                    noun.i + 1,
                    sense,
                    sense.plover,
                    sense.cameo,
                    sense.mode,
                    parties,
                    [],
                    "negated" if pol.is_negated(noun) else "asserted",
                    pol.modality(noun.head),
                    "nominal-between",
                    True,
                )
        if not sources:
            return []
        targets = actors_of(doc, [o for p in sense.targets for o in preps.get(p, [])])
        rule = "nominal"
        if not targets:
            if not cx.enabled(cx.OPEN_NOMINAL):
                return []
            rule = cx.OPEN_NOMINAL  # kept only if the story names the recipient (__call__)
        return self._combine(
            doc,
            noun.i,
            noun.i + 1,
            sense,
            sense.plover,
            sense.cameo,
            sense.mode,
            sources,
            targets,
            "negated" if pol.is_negated(noun) else "asserted",
            "actual",
            rule,
            False,
        )

    def _misread_light_verb(self, noun: "Token") -> Optional["Token"]:
        """ "Orban held talks with Zelensky": the small model sometimes reads the light verb as an
        adjective of the noun ("held" amod of "talks", which becomes the root); the verb keeps its
        subject, so it can still be read as the light verb."""
        for child in noun.children:
            if (
                child.dep_ in ("amod", "acl")
                and child.i < noun.i
                and child.tag_ == "VBD"
                and in_list(child, self.lexicon.light_verbs)
                and any(c.dep_ == "nsubj" for c in child.children)
            ):
                return child
        return None

    def _between(self, doc: ArticleDoc, noun: "Token"):
        objs = prep_objects(noun).get("between", [])
        parties = actors_of(doc, objs)
        if len(parties) >= 2:
            return parties[:1], parties[1:]
        return None

    @staticmethod
    def _inside_event_argument(noun: "Token", verb_triggers: set[int]) -> bool:
        """Whether the noun is (inside) the object of a coded verb: "condemned Israel's recognition of
        X" reports the condemnation; the recognition is its topic. A subject ("U.S. airstrikes killed
        ...") is an event in its own right."""
        node = noun
        while node.head.i != node.i:
            if node.dep_ in ("nsubj", "nsubjpass", "csubj"):
                return False
            node = node.head
            if node.i in verb_triggers:
                return True
            if node.pos_ == "VERB":
                return False
        return False

    # ---------------------------------------------------------------- shared

    def _combine(
        self,
        doc: ArticleDoc,
        start: int,
        end: int,
        sense: Sense,
        plover: str,
        cameo: str,
        mode: Optional[str],
        sources: list[Argument],
        targets: list[Argument],
        polarity: str,
        modality: str,
        rule: str,
        reciprocal: bool,
        need_target: bool = False,
        allow_sourceless: bool = False,
    ) -> list[Candidate]:
        """One candidate per (source, target) pair; reciprocal events with coordinated subjects and
        no target pair the subjects both ways. An event needs a source: who did it is its core, except
        where a construction names only the victim (`allow_sourceless`: "five activists were arrested")."""
        pairs: list[tuple[Optional[Argument], Optional[Argument]]]
        if not sources:
            if not (allow_sourceless and targets):
                return []
            pairs = [(None, t) for t in targets]
        elif not targets and reciprocal and len(sources) >= 2:
            pairs = [(a, b) for a in sources for b in sources if a.actor_id != b.actor_id]
        elif targets:
            pairs = [(s, t) for s in sources for t in targets if s.actor_id != t.actor_id]
        elif need_target:
            return []
        else:
            pairs = [(s, None) for s in sources]
        sentence_start = doc.spacy_doc[start].sent.start
        return [
            Candidate(start, end, sense, plover, cameo, mode, s, t, polarity, modality, rule, sentence_start)
            for s, t in pairs
        ]
