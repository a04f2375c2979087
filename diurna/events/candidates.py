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

from dataclasses import replace
from typing import TYPE_CHECKING, Iterator, Optional

from diurna.document import ArticleDoc
from diurna.events import codes
from diurna.events import constructions as cx
from diurna.events import polarity as pol
from diurna.events.arguments import (
    PERSONAL_PRONOUNS,
    Argument,
    Candidate,
    actors_of,
    complement_of,
    conjuncts,
    coordinated_names,
    destination_states,
    first_actors,
    host_state,
    modifier_actors,
    subject_tokens,
    target_groups,
)
from diurna.events.detector import NONE, default_detector
from diurna.events.dictionary import (
    Sense,
    TriggerLexicon,
    direct_objects,
    in_list,
    lexicon_type,
    modal_complement,
    prep_objects,
)
from diurna.events.scene import mention_of, with_scene_recipients
from diurna.nlp.syntax import is_passive, is_reduced_passive

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from diurna.records import Quote

COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
HOSTILE = {"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
# What a warning may announce for it to be a threat: "warned X it would retaliate / impose sanctions".
THREATENED = {"THREATEN", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
# ------------------------------------------------------------------ the extractor


def _quote_cues(doc: ArticleDoc, sent: "Span") -> list[tuple["Token", "Quote"]]:
    """(cue verb, quote) for the quote stage's quotes whose cue is a verb of this sentence."""
    out = []
    for quote in doc.quotes:
        if (
            quote.cue is None
            or quote.cue.end <= quote.cue.start
            or not (sent.start_char <= quote.cue.start < sent.end_char)
        ):
            continue  # (a cue must be a span of text; one that is not is the quote stage's error, not a reason to stop)
        cue = doc.spacy_doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
        verbs = [t for t in cue if t.pos_ in ("VERB", "AUX")] if cue is not None else []
        if verbs:
            out.append((verbs[0], quote))
    return out


def _noun_polarity(noun: "Token") -> str:
    return "negated" if pol.is_negated(noun) else "asserted"


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
        # reported speech is the quote stage's: its cues are the speech verbs whose content may evaluate
        for token, quote in _quote_cues(doc, sent):
            out.extend(self._reported_evaluation(doc, token, quote))
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
            targets = destination_states(doc, [verb] + direct_objects(verb), sources)
            rule = cx.DESTINATION_STATE if targets else rule
        if not targets and plover == "REQUEST":
            targets, rule = self._request_recipients(doc, verb, consumed, rule)
        if not targets and plover in cx.FORCE:
            targets = actors_of(doc, cx.purpose_objects(verb))
            rule = cx.PURPOSE_RECIPIENT if targets else rule
        sourceless = cx.is_agentless_passive(verb, plover, bool(sources), bool(targets))
        if sense.reciprocal and len(sources) == 1 and not targets and cx.enabled(cx.COORDINATED_PARTIES):
            others = coordinated_names(doc, subject_tokens(verb), sources[0].actor_id)
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
            found = [a for a in (actors_of(doc, by) or modifier_actors(doc, noun)) if a.actor_id not in victims]
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
            mention = mention_of(doc, actor_id, verb.idx) if actor_id else None
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

    def _reported_evaluation(self, doc: ArticleDoc, speech: "Token", quote: "Quote") -> list[Candidate]:
        """ "X said Y's decision was a blatant violation": X (the quote's speaker) accuses Y."""
        out: list[Candidate] = []
        mention = mention_of(doc, quote.speaker, speech.idx) if quote.speaker else None
        speakers = [Argument(quote.speaker, mention)] if mention is not None else []
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
            return self._noun_event(
                doc,
                noun,
                sense,
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
            parties = actors_of(doc, preps.get("between", []))
            if parties:
                return self._noun_event(
                    doc,
                    noun,
                    sense,
                    parties,
                    [],
                    _noun_polarity(noun),
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
        return self._noun_event(doc, noun, sense, sources, targets, _noun_polarity(noun), "actual", rule, False)

    def _noun_event(
        self,
        doc: ArticleDoc,
        noun: "Token",
        sense: Sense,
        sources: list[Argument],
        targets: list[Argument],
        polarity: str,
        modality: str,
        rule: str,
        reciprocal: bool,
    ) -> list[Candidate]:
        """Candidates for a nominal trigger coded with its own sense (one-token trigger)."""
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
            polarity,
            modality,
            rule,
            reciprocal,
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
