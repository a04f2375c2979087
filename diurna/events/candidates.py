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

The readings of nouns and predicates (the last two) and the pairing of arguments are in nominal.py,
which this class inherits.
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from typing import TYPE_CHECKING, Iterator, Optional

from diurna.actors.anaphora import names_a_party
from diurna.actors.mentions import DEFINITE
from diurna.document import ArticleDoc
from diurna.events import clause_parties, codes, mediation, senses
from diurna.events import constructions as cx
from diurna.events import polarity as pol
from diurna.events.argmodel import default_argument_model
from diurna.events.arguments import (
    AIMED_TYPES,
    PERSONAL_PRONOUNS,
    Argument,
    Candidate,
    actors_of,
    complement_of,
    coordinated_names,
    destination_states,
    fellow_victims,
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
from diurna.events.nominal import LINKING_VERBS, NounEvents
from diurna.events.nominal_model import default_nominal_model, learned_nominals
from diurna.events.scene import mention_of, own_side_of, with_scene_recipients
from diurna.nlp.syntax import (
    by_agents,
    clause_reporters,
    first_conjunct,
    is_infinitive,
    is_passive,
    is_reduced_passive,
    possessors,
    quoted_predicate,
)
from diurna.quotes import quote_at
from diurna.quotes.lexicon import SPEECH_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from diurna.records import Quote

COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
HOSTILE = {"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
# What a warning may announce for it to be a threat: "warned X it would retaliate / impose sanctions".
THREATENED = {"THREATEN", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
# ------------------------------------------------------------------ the extractor


def quote_cues_by_sentence(doc: ArticleDoc) -> dict[int, list[tuple["Token", "Quote"]]]:
    """(cue verb, quote) for the quote stage's quotes, by the first token of the sentence their cue
    starts in, in one pass over the quotes (asking every sentence about every quote made the events
    stage's cost grow with the square of the article's length)."""
    sents = list(doc.spacy_doc.sents)
    starts = [s.start_char for s in sents]
    out: dict[int, list[tuple["Token", "Quote"]]] = {}
    for quote in doc.quotes:
        if quote.cue is None or quote.cue.end <= quote.cue.start:
            continue  # (a cue must be a span of text; one that is not is the quote stage's error, not a reason to stop)
        k = bisect.bisect_right(starts, quote.cue.start) - 1
        if k < 0 or quote.cue.start >= sents[k].end_char:
            continue
        cue = doc.spacy_doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
        verbs = [t for t in cue if t.pos_ in ("VERB", "AUX")] if cue is not None else []
        if verbs:
            out.setdefault(sents[k].start, []).append((verbs[0], quote))
    return out


def detector_may_read(lexicon: TriggerLexicon, verb: "Token") -> bool:
    """Whether the learned detector may read a verb no lexicon sense codes: not a speech verb (its
    content is the statement model's) nor a light verb (its object noun is the event). The detector's
    trainer scores its selection on the verbs this lets through."""
    return not in_list(verb, lexicon.speech_verbs) and not in_list(verb, lexicon.light_verbs)


class CandidateExtractor(NounEvents):
    def __init__(self, lexicon: Optional[TriggerLexicon] = None, use_detector: bool = True):
        self.lexicon = lexicon or TriggerLexicon.load()
        self.detector = default_detector() if use_detector else None
        self.nominal_model = default_nominal_model() if use_detector else None
        # whose choice fills a learned nominal's empty roles: the events stage gives its own chooser
        self.argument_model = default_argument_model() if use_detector else None
        # when a list: each candidate made and then withheld by a rule, as (candidate, rule name), for
        # a user asking why an event is not in the output (events/explain.py); None: nothing recorded
        self.trace: Optional[list[tuple[Candidate, str]]] = None

    def __call__(self, doc: ArticleDoc) -> Iterator[Candidate]:
        episode = cx.Episode(doc.text)
        cues = quote_cues_by_sentence(doc)
        found = [c for sent in doc.spacy_doc.sents for c in self.sentence(doc, sent, episode, cues)]
        # an announced attack is a threat before the story's recipients are read: it is no act of force
        # a later condemnation of "the attack" could be addressed to
        found = [announced_threat(doc, senses.right_sense(doc, c)) for c in found]
        kept = []
        for cand in found:
            withheld_by = withholding_rule(doc, cand) or senses.withholding_sense(doc, cand)
            if withheld_by is None:
                kept.append(cand)
            elif self.trace is not None:
                self.trace.append((cand, withheld_by))
        # (after the conditions are dropped: "if X will not release them" states no refusal)
        found = [refused_concession(doc, c) for c in kept]
        for cand in with_scene_recipients(doc, found, episode):
            if cand.rule == cx.OPEN_NOMINAL and cand.target is None:
                if self.trace is not None:
                    self.trace.append((cand, cx.OPEN_NOMINAL))  # the story named no recipient for it
                continue
            yield cand

    def sentence(
        self,
        doc: ArticleDoc,
        sent: "Span",
        episode: Optional[cx.Episode] = None,
        cues: Optional[dict[int, list[tuple["Token", "Quote"]]]] = None,
    ) -> list[Candidate]:
        """The candidates of one sentence; `cues` are the article's quote cues by sentence
        (`quote_cues_by_sentence`, computed once per article by `__call__`)."""
        episode = episode if episode is not None else cx.Episode(doc.text)
        cues = cues if cues is not None else quote_cues_by_sentence(doc)
        consumed: set[int] = set()  # complements already coded as part of their governor
        verb_triggers: set[int] = set()
        out: list[Candidate] = self._requests_by_noun(doc, sent, consumed)
        out.extend(self._deadlines(doc, sent, consumed))  # "gave the junta 72 hours to hand over power"
        for token in sent:
            if token.pos_ != "VERB" or token.i in consumed:
                continue
            sense = self.lexicon.verb_sense(token)  # once: the detector reads only verbs no lexicon codes
            found = self._stated_readiness(doc, token, consumed) or (
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
        for token, quote in cues.get(sent.start, []):
            out.extend(self._reported_evaluation(doc, token, quote))
        out.extend(self._stated_judgements(doc, sent))  # "is gravely concerned about", "held X responsible"
        for token in sent:
            if token.pos_ in ("NOUN", "PROPN") and token.i not in consumed:
                out.extend(self._nominal(doc, token, verb_triggers))
        out.extend(self._gerund_nominals(doc, sent, verb_triggers, consumed))  # "Fighting between A and B broke out"
        if self.nominal_model is not None and cx.enabled(cx.LEARNED_NOMINAL):
            out.extend(
                learned_nominals(
                    doc,
                    self.lexicon,
                    self.nominal_model,
                    sent,
                    out,
                    verb_triggers,
                    consumed,
                    episode,
                    self.argument_model,
                )
            )
        return out

    # ---------------------------------------------------------------- verbs

    def _detected(
        self, doc: ArticleDoc, verb: "Token", consumed: set[int], episode: Optional[cx.Episode]
    ) -> list[Candidate]:
        """A verb no lexicon entry codes (the caller has asked the lexicon), read by the learned detector
        (detector.py): coded as a plain transitive event of the detected type when the model is confident."""
        if self.detector is None or not cx.enabled(cx.DETECTOR) or not detector_may_read(self.lexicon, verb):
            return []
        if cx.enabled(cx.NO_EVENT_SENSE) and self.lexicon.says_no_event(verb):
            return []  # "put the government in an awkward position" (no-event-sense)
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

    def _stated_readiness(self, doc: ArticleDoc, verb: "Token", consumed: set[int]) -> list[Candidate]:
        """ "X is ready / willing / prepared to <act> Y" (stated-readiness): an offer (AGREE 030) or, for
        a hostile act, a threat (THREATEN 130) by the copula's subject to the act's recipient (else the
        place it leaves or reaches, or that place's state), typed as
        "pledged to" is (`_complement_type`), except that readiness to withdraw or yield is an offer,
        not yet the concession. Nothing under negation or a condition, nor without a recipient."""
        adjective = cx.readiness_adjective(verb)
        if adjective is None:
            return []
        clause = adjective.head
        if pol.is_negated(adjective) or pol.is_negated(clause) or pol.in_conditional(clause):
            return []  # "is not willing to talk", "if X is ready to help": no offer stated
        if cx.asked_or_assessed(clause):
            return []  # "Is Russia ready to ...?", "officials believe Iran is ready to ...": no one stated it
        probe: set[int] = set()
        comp_sense, targets = self._complement_event(doc, verb, probe)
        if comp_sense is not None and not targets:
            # "ready to withdraw its troops from Iraq", "to send doctors to Haiti": the place the act
            # leaves or reaches, or the state that holds it
            places = [
                o for h in [verb] + direct_objects(verb) for p in ("from", "to") for o in prep_objects(h).get(p, [])
            ]
            targets = actors_of(doc, places) or host_state(doc, places)
        sources = actors_of(doc, subject_tokens(clause))
        if comp_sense is None or not targets or not sources:
            return []
        offer = Sense(adjective.lemma_.lower(), "adj", "030", "AGREE", None, origin="diurna")
        plover, cameo, mode = self._complement_type(offer, comp_sense, verb)
        if plover == "CONCEDE":
            plover, cameo, mode = offer.plover, offer.cameo, offer.mode
        consumed.update(probe)
        self._consume(verb, consumed)
        return self._combine(
            doc,
            adjective.i,
            verb.i + 1,
            offer,
            plover,
            cameo,
            mode,
            sources,
            targets,
            "asserted",
            pol.modality(clause),
            cx.STATED_READINESS,
            False,
        )

    def _verb(
        self,
        doc: ArticleDoc,
        verb: "Token",
        consumed: set[int],
        episode: Optional[cx.Episode] = None,
        sense: Optional[Sense] = None,
    ) -> list[Candidate]:
        sense = sense or self.lexicon.verb_sense(verb)
        if sense is None or (
            is_reduced_passive(verb) and (sense.origin != "diurna" or cx.standing_backing(sense.lemma))
        ):
            # the broad dictionaries read "a delegation headed by X" as an act; only the project's own
            # lexicon is trusted with reduced passives ("the activists detained by soldiers"), and not
            # for backing (standing-backing)
            return []
        for act in cx.denied_acts(verb):
            # "denied supporting the rebels": the support is not coded, nor the act a light verb's
            # object names ("denied carrying out the raids"); a coordinated finite verb is the
            # denier's own next act, which the parser hangs on the gerund ("denied carrying out the
            # raids and accused Congo")
            for denied in [act] + [c for c in act.conjuncts if c.i > act.i and c.tag_ == act.tag_]:
                consumed.add(denied.i)
                consumed.update(noun.i for noun in direct_objects(denied))
        frame = sense.frame
        comp = complement_of(verb)
        plover, cameo, mode = sense.plover, sense.cameo, sense.mode
        targets = first_actors(doc, target_groups(verb, sense), aimed=sense.plover in AIMED_TYPES)
        sources = actors_of(doc, subject_tokens(verb) + clause_parties.listed_subjects(verb))
        if not sources:
            sources = actors_of(doc, clause_parties.gerund_adjunct_subjects(verb))  # "after accusing X"
        qualified = cx.by_gerund_head(verb) if not sources else None
        if qualified is not None:
            sources = actors_of(doc, subject_tokens(qualified))  # "Maduro responded by expelling ..."
        mediator = not sources and mediation.is_mediation(sense) and cx.enabled(cx.HYPHEN_MEDIATOR)
        if mediator:
            sources = actors_of(doc, mediation.hyphen_agents(verb))  # "a US-brokered truce"
        polarity = pol.polarity(verb)
        if sense.negated_only:
            if polarity != "negated":
                return []  # "hesitated to act" states no act
            polarity = "asserted"  # "will not hesitate to impose sanctions": the negation is the threat
        rule = cx.HYPHEN_MEDIATOR if mediator and sources else frame
        if frame == "request":
            preps = prep_objects(verb)
            # "urged X", "called on X", "appealed to X", "requested help from X"
            targets = first_actors(
                doc,
                [asked_objects(direct_objects(verb)), preps.get(sense.prep or "on", []), preps.get("on", [])]
                + [g for g in target_groups(verb, replace(sense, theme=True)) if not of_patient_act(g)],
            )
            if comp is not None:
                self._consume(comp, consumed)
                # "urged the EU to press Egypt to release prisoners": what the asked one is to get
                # another to do is asked for too, not done
                inner = comp
                while nxt := next(
                    (c for c in inner.children if c.dep_ in ("xcomp", "advcl") and is_infinitive(c)), None
                ):
                    self._consume(nxt, consumed)
                    inner = nxt
        elif frame == "complement":
            if comp is not None:
                self._consume(comp, consumed)
                comp_sense, comp_targets = self._complement_event(doc, comp, consumed)
                if sense.negated_only and (comp_sense is None or comp_sense.plover not in THREATENED):
                    return []  # "will not hesitate to help" is no threat
                plover, cameo, mode = self._complement_type(sense, comp_sense, comp)
                # "refused to support X": X is the target only when the complement is itself an
                # event ("agreed to set aside their differences" has no target: it is reciprocal)
                if not targets and comp_sense is not None:
                    targets = comp_targets
                if not targets:
                    targets = actors_of(doc, clause_parties.committed_relation_recipients(comp))
                    rule = cx.COMMITTED_RELATION if targets else rule
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
            if not self._evaluative_predicate(verb):
                if not (
                    cx.enabled(cx.PRAISED_AS) and self._evaluative_predicate(verb, self.lexicon.is_positive_evaluation)
                ):
                    return []
                plover, cameo, mode = "SUPPORT", "051", None  # "called the order decisive" (praised-as)
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
            comp = modal_complement(verb)
            if warned and comp is not None and cx.faces_penalty(comp):
                # "warned Washington that Israel would face consequences": the one who would face the
                # penalty is threatened, not the one told (warned-penalty)
                targets = warned
            else:
                targets = actors_of(doc, direct_objects(verb)) or warned
        if not sources and sense.theme and plover == "MOBILIZE" and is_passive(verb):
            # "Chinese navy vessels were deployed near ...": with no agent, whose forces they are
            sources = actors_of(doc, [c for c in verb.children if c.dep_ == "nsubjpass"])
        if plover == "CONSULT" and mode == "visit" and not targets:
            targets = host_state(
                doc, direct_objects(verb) + [o for p in sense.targets for o in prep_objects(verb).get(p, [])]
            )
        elif plover in ("ASSAULT", "COERCE") and not targets and sense.frame == "direct":
            # "fired shells aimed at a radar station in Turkey": whom the thing fired is aimed at
            aimed = cx.aimed_objects(direct_objects(verb))
            targets = actors_of(doc, aimed) or host_state(doc, aimed + cx.located_objects(verb, aimed))
            rule = cx.AIMED_RECIPIENT if targets else rule
        if plover in ("ASSAULT", "COERCE") and not targets and sense.frame == "direct" and not cx.retakes(verb):
            # (a place taken back is taken from its taker, not its state: retaken-from-taker, scene.py)
            # "Russian artillery struck Kharkiv": a town attacked stands for the state it lies in, when
            # that state is an actor of the article (as for visits; CAMEO codes the state as target);
            # "declared a state of emergency in Karakalpakstan": the place may hang on the object
            holders = [verb] + direct_objects(verb)
            targets = host_state(
                doc,
                direct_objects(verb)
                + [o for h in holders for p in sense.targets for o in prep_objects(h).get(p, [])]
                + cx.located_objects(verb, direct_objects(verb)),
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
        if not targets and sense.prep:
            # "called for protests against X": the target hangs on the object of the sense's preposition
            governed = prep_objects(verb).get(sense.prep, [])
            # ("agreed on sanctions against X": no agreement with X, adversary-not-recipient)
            preps = cx.recipient_prepositions(sense)
            targets = first_actors(doc, [prep_objects(o).get(p, []) for p in preps for o in governed])
        if not targets and mediation.is_mediation(sense) and cx.enabled(cx.MEDIATED_PARTIES):
            targets = actors_of(doc, mediation.mediated_parties(verb))
            rule = cx.MEDIATED_PARTIES if targets else rule
        if not targets and (plover == "REQUEST" or frame == "request"):
            targets, rule = self._request_recipients(doc, verb, consumed, rule)
        if not targets and plover in cx.FORCE:
            targets = actors_of(doc, clause_parties.purpose_objects(verb))
            rule = cx.PURPOSE_RECIPIENT if targets else rule
        if plover in cx.FORCE:
            for dispersal in clause_parties.purpose_dispersals(verb):
                consumed.add(dispersal.i)  # "fired pepper spray to disperse them": one act, the force's
        sourceless = cx.is_agentless_passive(verb, plover, bool(sources), bool(targets))
        act = cx.act_subject(verb, plover) if not sources and targets else None
        if act is not None:
            # "a car bombing by the rebels killed ...": the attack's own agent
            sources = self._attack_agents(doc, act, targets)
            rule = cx.ACT_SUBJECT if sources else rule
        if sense.reciprocal and len(sources) == 1 and not targets and cx.enabled(cx.COORDINATED_PARTIES):
            others = coordinated_names(doc, subject_tokens(verb), sources[0].actor_id)
            if others:
                sources, rule = sources + others, cx.COORDINATED_PARTIES
        if sourceless:
            sources, rule = self._agent_in_adjunct(doc, verb, targets)
        if sourceless and not sources:
            sources, rule = self._agent_from_context(doc, verb, plover, targets, episode)
        if sense.origin.startswith("petrarch2") and not all(names_a_party(doc, a.mention) for a in sources):
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
        asked, acts = clause_parties.asked_subjects(verb)
        targets = actors_of(doc, asked)
        if targets:
            for act in acts:
                self._consume(act, consumed)
            return targets, cx.ASKED_SUBJECT
        targets = actors_of(doc, clause_parties.requested_relation_recipients(verb))
        return targets, (cx.REQUESTED_RELATION if targets else rule)

    def _act_agents(self, doc: ArticleDoc, objects: list["Token"]) -> list[Argument]:
        """The by-phrase agents of act nouns among `objects` ("the release of X by Y" -> Y)."""
        acts = [o for o in objects if self.lexicon.noun_sense(o) is not None or o.lemma_.lower() in cx.ACT_NOUNS]
        return actors_of(doc, [a for o in acts for a in prep_objects(o).get("by", [])])

    @staticmethod
    def _attack_agents(doc: ArticleDoc, attack: "Token", targets: list[Argument]) -> list[Argument]:
        """Who made an attack named by a noun: its by-phrase ("a bombing by X"), that of a participle on
        it ("a bomb planted by X", "a missile fired by X") or an actor modifying it ("an Israeli
        airstrike"), not one of its victims."""
        victims = {t.actor_id for t in targets}
        by = prep_objects(attack).get("by", []) + [a for c in attack.children if c.dep_ == "acl" for a in by_agents(c)]
        found = actors_of(doc, by) or modifier_actors(doc, attack)
        return [a for a in found if a.actor_id not in victims]

    def _agent_in_adjunct(self, doc: ArticleDoc, verb: "Token", targets: list[Argument]) -> tuple[list[Argument], str]:
        """ "were killed in an attack by X" / "in an Israeli raid" / "when X stormed the base" (adjunct-agent);
        "dissolved by court order" (ordering-agent)."""
        nouns, clauses = cx.adjunct_acts(verb)
        victims = {t.actor_id for t in targets}
        for noun in nouns:
            by = prep_objects(noun).get("by", []) or cx.clash_opponents(noun)  # "in clashes with militants"
            found = [a for a in (actors_of(doc, by) or modifier_actors(doc, noun)) if a.actor_id not in victims]
            if found:
                return found, cx.ADJUNCT_AGENT
        for noun in cx.ordering_nouns(verb):
            # "dissolved by court order", "on the orders of the governor": who ordered it did it
            preps = prep_objects(noun)
            givers = [o for p in ("of", "from", "by") for o in preps.get(p, [])]
            found = [a for a in (actors_of(doc, givers) or modifier_actors(doc, noun)) if a.actor_id not in victims]
            if found:
                return found, cx.ORDERING_AGENT
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
            fellows = {a.actor_id for a in fellow_victims(doc, verb.i)}  # "along with other officials"
            authorities = [
                (a.id, a.country, a.sector or "", episode.mention_count(doc, a.id))
                for a in doc.actors
                if a.id not in fellows
            ]
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
            return comp_sense, first_actors(
                doc, target_groups(comp, comp_sense), aimed=comp_sense.plover in AIMED_TYPES
            )
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
        if cx.faces_penalty(comp):
            # "warned that Somalia would face consequences" (warned-penalty): the one who would face it
            self._consume(comp, consumed)
            warner = {s.actor_id for s in sources}
            return [a for a in actors_of(doc, subj) if a.actor_id not in warner]
        if subj[0].lower_ not in PERSONAL_PRONOUNS:
            own = actors_of(doc, subj)
            if not own or not sources or not self._warner_side(doc, subj[0], own[0].actor_id, sources[0].actor_id):
                return None
        probe: set[int] = set()
        comp_sense, comp_targets = self._complement_event(doc, comp, probe)
        if comp_sense is None or comp_sense.plover not in THREATENED:
            return None
        consumed.update(probe)
        self._consume(comp, consumed)
        return comp_targets

    @staticmethod
    def _warner_side(doc: ArticleDoc, subject: "Token", actor_id: str, warner_id: str) -> bool:
        """The actor who would act is the warner, or its own side (warned-own-side): of its state and
        sector ("warned the rebels that the army would crush them"), or owned by it ("his government",
        the possessor being the warner as the actor stage resolves it)."""
        if actor_id == warner_id:
            return True
        if not cx.enabled(cx.WARNED_OWN_SIDE):
            return False
        owners = {doc.actor_at_token(p.i) for p in possessors(subject)}
        return actor_id in own_side_of(doc, warner_id) or warner_id in owners

    def _complement_type(
        self, sense: Sense, comp: Optional[Sense], comp_token: Optional["Token"] = None
    ) -> tuple[str, str, Optional[str]]:
        """ "agreed to withdraw" is a CONCEDE, "vowed to retaliate" a THREATEN (PLOVER v2 AGREE/CONCEDE
        notes); "pledged to send troops to Haiti" is a promise of help (AGREE), "vowed to deploy troops
        against the rebels" a threat: a promised deployment threatens only when it is against someone."""
        if sense.plover == "AGREE" and comp_token is not None and cx.defiant_content(comp_token):
            return "REJECT", "120", None  # "vowed not to give in", "pledged to stay put"
        if sense.plover != "AGREE" or comp is None:
            return sense.plover, sense.cameo, sense.mode
        if comp.plover in ("RETREAT", "CONCEDE"):
            return "CONCEDE", "080", None
        if comp.plover == "MOBILIZE" and comp_token is not None:
            holders = [comp_token] + direct_objects(comp_token)  # "deploy troops against X": on either
            if not any("against" in prep_objects(h) for h in holders):
                return sense.plover, sense.cameo, sense.mode
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
            return self._halted_flow_or_member(verb)
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

    @staticmethod
    def _halted_flow_or_member(verb: "Token"):
        """The halt of no event noun that is still a sanction: of a flow to someone ("suspended flights
        to X", halted-flow; the flow noun names the recipient) or of a state's membership ("suspended
        Madagascar", suspended-member; the verb's object is the target)."""
        for obj in direct_objects(verb):
            flow = Sense(obj.lemma_.lower(), "noun", "163", "SANCTION", None, targets=("to", "for", "from"))
            if cx.halted_flow(obj) and any(p in prep_objects(h) for h in (obj, verb) for p in flow.targets):
                # only a flow to someone: "suspended flights because of the storm" sanctions no one
                if cx.commercial_or_safety_halt(verb):
                    return None  # "the airline suspended flights to X because of the outbreak"
                return "SANCTION", "163", codes.mode_for("SANCTION", "163"), obj, flow
            if cx.suspended_member(verb, obj):
                return "SANCTION", "160", codes.mode_for("SANCTION", "160"), verb, None
        return None

    def _evaluative_predicate(self, verb: "Token", evaluates=None) -> bool:
        """Whether the describing verb's predicate carries an evaluation word: a negative one by
        default, or the words `evaluates` accepts (praised-as reads the positive ones)."""
        evaluates = evaluates or self.lexicon.is_negative_evaluation
        for prep in ("as",):
            for obj in prep_objects(verb).get(prep, []):
                if any(evaluates(t) for t in obj.subtree):
                    return True
        for child in verb.children:
            if child.dep_ in ("oprd", "xcomp", "acomp") or (child.dep_ == "prep" and child.lower_ == "as"):
                if any(evaluates(t) for t in child.subtree):
                    return True
        # "branded the deal a violation": the small model often reads the predicate as a second object
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if len(objects) >= 2 and any(evaluates(t) for t in objects[-1].subtree):
            return True
        # 'called the decision "outrageous"': a quoted predicate the parse hung on the object
        return cx.enabled(cx.QUOTED_PREDICATE) and any(evaluates(t) for t in quoted_predicate(verb))


# Modalities of an act not (yet) done: announced force is a threat (announced-force).
UNDONE = frozenset({"intended", "hypothetical"})


def _announcers(doc: ArticleDoc, trigger: "Token") -> set[str]:
    """Who says the act will be done: the speaker of the quote it lies in (the quote stage makes "X
    said it would attack" an indirect quote of X), and the reporter of the clause it heads when a
    speech verb reports it (nlp.syntax.clause_reporters; the quote stage's speech verbs)."""
    speakers = set()
    quote = quote_at(doc, trigger.idx)
    if quote is not None and quote.speaker:
        speakers.add(quote.speaker)
    if trigger.head.lemma_.lower() in SPEECH_VERBS:
        speakers.update(filter(None, (doc.actor_at_token(t.i) for t in clause_reporters(trigger))))
    return speakers


def conditional_act(doc: ArticleDoc, cand: Candidate) -> bool:
    """An act in an 'if'/'unless' clause (conditional-act): a condition, not a report of an act. Also
    an act intended inside the condition ("if Washington wants to help Caracas"): the intention
    verb makes its complement `intended`, but the wish is as conditional as a plain verb there."""
    return (
        cand.modality in UNDONE
        and cx.enabled(cx.CONDITIONAL_ACT)
        and pol.in_conditional(doc.spacy_doc[cand.trigger_start])
    )


def assessed_act(doc: ArticleDoc, cand: Candidate) -> bool:
    """An act not done that a clause tells as someone's fear, belief, hope or expectation (assessed-act):
    "residents fear the rebels will attack", "there were fears that troops would storm the building".
    Not the agent's own ("Russia expects to sign the deal"; "we hope to reach a deal")."""
    if cand.modality not in UNDONE or not cx.enabled(cx.ASSESSED_ACT):
        return False
    trigger = doc.spacy_doc[cand.trigger_start]
    clause = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    assessor = cx.assessor_of(clause)
    if assessor is None:
        return False
    holders = {doc.actor_at_token(c.i) for c in assessor.children if c.dep_ in ("nsubj", "poss")}
    return cand.source is None or cand.source.actor_id not in holders


def asked_act(doc: ArticleDoc, cand: Candidate) -> bool:
    """An act a question asks about (asked-act: constructions.asked_clause): "Did Russia attack the
    convoy?", "it is unclear whether police arrested them"."""
    if not cx.enabled(cx.ASKED_ACT):
        return False
    trigger = doc.spacy_doc[cand.trigger_start]
    return cx.asked_clause(trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head)


def contest_won(doc: ArticleDoc, cand: Candidate) -> bool:
    """A game told with a verb of force (sporting-contest): "Nigeria beat Ghana 2-0 in the final"."""
    trigger = doc.spacy_doc[cand.trigger_start]
    return (
        cand.plover in ("ASSAULT", "COERCE")
        and trigger.pos_ == "VERB"
        and cx.enabled(cx.SPORTING_CONTEST)
        and cx.sporting_contest(trigger)
    )


def described_event(doc: ArticleDoc, cand: Candidate) -> bool:
    """An event noun a linking verb describes (described-event): "the agreement between X and Y is
    null and void" tells of the agreement, it does not report it (nominal.LINKING_VERBS). Only a
    noun that points back ("the", "this" and no possessor) is one already told: "Oman's offer of
    talks was the first in years" introduces its event, and is coded."""
    noun = doc.spacy_doc[cand.trigger_start]
    clause = noun.head
    return (
        cx.enabled(cx.DESCRIBED_EVENT)
        and noun.pos_ == "NOUN"
        and noun.dep_ == "nsubj"
        and clause.lemma_ in LINKING_VERBS
        and any(c.dep_ in ("acomp", "attr") for c in clause.children)
        and points_back(noun)
    )


def asked_objects(objects: list["Token"]) -> list["Token"]:
    """The direct objects of a request that may name the one asked (requested-patient): not an act done
    to someone ("demanded the release of the journalists", "demand his removal"), whose "of" phrase
    or possessor is the one it is done to; "demanded the resignation of the minister" asks the minister."""
    if not cx.enabled(cx.REQUESTED_PATIENT):
        return objects
    return [o for o in objects if not cx.patient_act(o)]


def of_patient_act(phrase: list["Token"]) -> bool:
    """Whether a phrase is the "of" object of an act done to someone ("the release of X"): X is not the
    one asked (requested-patient)."""
    return any(cx.patient_of_act(t) for t in phrase)


# Sectors of a state's armed and police forces: they disperse protests, they do not stage them.
FORCES_SECTORS = frozenset({"COP", "MIL"})


def forces_protest(doc: ArticleDoc, cand: Candidate) -> bool:
    """A protest the learned detector reads into an act of police or soldiers (detected-forces-protest):
    "police blocked protesters from marching" is the police's coercion of a protest, not a protest by
    the police; the lexicon's own protests (a strike of police officers) are left alone."""
    if not cx.enabled(cx.DETECTED_FORCES_PROTEST) or cand.plover != "PROTEST" or cand.sense.origin != "detector":
        return False
    source = doc.actor(cand.source.actor_id) if cand.source is not None else None
    return source is not None and source.sector in FORCES_SECTORS


# CAMEO codes of visits (042 make a visit, 043 host a visit).
VISITS = frozenset({"042", "043"})


def domestic_visit(doc: ArticleDoc, cand: Candidate) -> bool:
    """A visit whose only host is the visitor's own state (domestic-visit): a minister "visiting the town
    of X" in his own country travels at home; no two parties meet."""
    if not cx.enabled(cx.DOMESTIC_VISIT) or cand.cameo not in VISITS or cand.source is None or cand.target is None:
        return False
    visitor, host = doc.actor(cand.source.actor_id), doc.actor(cand.target.actor_id)
    return (
        visitor is not None
        and host is not None
        and host.kind == "country"
        and visitor.kind != "country"
        and bool(visitor.country)
        and visitor.country == host.country
    )


# Nouns whose "of" phrase names an event long past that the story marks, not reports.
COMMEMORATING_NOUNS = frozenset({"anniversary", "commemoration", "memorial", "remembrance", "memory", "eve"})


def commemorated_event(doc: ArticleDoc, cand: Candidate) -> bool:
    """An event noun that an anniversary, commemoration or memorial is of (commemorated-event): "the
    30th anniversary of the massacre", "a memorial to the victims of the bombing" (the noun, or a
    noun it is the "of" phrase of: "the victims of")."""
    if not cx.enabled(cx.COMMEMORATED_EVENT):
        return False
    noun = first_conjunct(doc.spacy_doc[cand.trigger_start])
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    for _ in range(3):  # "anniversary of the victims of the bombing": a short chain of phrases
        prep = noun.head
        if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in ("of", "to"):
            return False
        if prep.head.lemma_.lower() in COMMEMORATING_NOUNS:
            return True
        noun = first_conjunct(prep.head)
    return False


# Nouns of asking whose content a copula or "include" names (demanded-content).
DEMAND_NOUNS = frozenset({"demand", "call", "condition", "request", "precondition", "ultimatum"})
CONTENT_VERBS = frozenset({"include", "be", "remain", "involve"})


def demanded_content(doc: ArticleDoc, cand: Candidate) -> bool:
    """An act that a demand, call or condition is said to include or be (demanded-content): "their
    demands included dissolving parliament", "the main demand is that the government withdraw the
    tax", "the conditions include the release of prisoners": asked for, not done."""
    if not cx.enabled(cx.DEMANDED_CONTENT):
        return False
    act = first_conjunct(doc.spacy_doc[cand.trigger_start])  # "included dissolving X and freeing Y"
    verb = act.head
    if act.dep_ not in ("dobj", "attr", "ccomp", "xcomp", "acomp") or verb.lemma_.lower() not in CONTENT_VERBS:
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(s.lemma_.lower() in DEMAND_NOUNS for s in subjects)


def points_back(noun: "Token") -> bool:
    """A noun phrase that refers to something already told: a definite or demonstrative determiner
    and no possessor ("the raid", "this agreement"; not "Russia's raid", "a raid")."""
    return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children) and not possessors(noun)


def awaited_act(doc: ArticleDoc, cand: Candidate) -> bool:
    """An act wished for another or waited on (awaited-act: polarity.is_awaited): not done."""
    return cx.enabled(cx.AWAITED_ACT) and pol.is_awaited(doc.spacy_doc[cand.trigger_start])


def demanded_of_another(doc: ArticleDoc, cand: Candidate) -> bool:
    """An act that a speaker says someone else must or should do (demanded-of-another): the quote's
    speaker or the reporter of its clause (of the first verb of a coordination: "chanted that X is
    killing people and must resign") says so, and the act is not the speaker's own."""
    if cand.modality != "demanded" or not cx.enabled(cx.DEMANDED_OF_ANOTHER):
        return False
    trigger = doc.spacy_doc[cand.trigger_start]
    trigger = first_conjunct(trigger)
    speakers = _announcers(doc, trigger)
    return bool(speakers) and (cand.source is None or cand.source.actor_id not in speakers)


def announced_threat(doc: ArticleDoc, cand: Candidate) -> Candidate:
    """An attack its own agent says it will or would make is a threat against the recipient
    (announced-force): the agent is the speaker of the quote the act lies in, or the subject of
    the speech verb whose complement it is."""
    if (
        cand.plover != "ASSAULT"
        or cand.modality not in UNDONE
        or cand.polarity != "asserted"
        or cand.source is None
        or not cx.enabled(cx.ANNOUNCED_FORCE)
    ):
        return cand
    trigger = doc.spacy_doc[cand.trigger_start]
    if cand.source.actor_id not in _announcers(doc, trigger):
        return cand
    return replace(
        cand, plover="THREATEN", cameo="138", mode=codes.mode_for("THREATEN", "138"), rule=cx.ANNOUNCED_FORCE
    )


# The concessions (CAMEO 08x, PLOVER CONCEDE and RETREAT) and the refusal of each (124x).
CONCESSIONS = frozenset({"CONCEDE", "RETREAT"})
REFUSAL_OF = {"081": "1241", "082": "1242", "084": "1243", "085": "1244", "086": "1245", "087": "1246"}


def refused_concession(doc: ArticleDoc, cand: Candidate) -> Candidate:
    """A concession its agent will not or would not make is a refusal (refused-concession): REJECT,
    asserted, by the same parties, coded as the decline of the concession named ("will not release"
    1243, "will not end the strike" 1242, "would not withdraw" 1246; else 124). Only a refusal the
    agent declares (`says_it_will_not`: not "may not release", a possibility others fear; review13)."""
    if (
        cand.plover not in CONCESSIONS
        or cand.polarity != "negated"
        or cand.modality not in UNDONE
        or cand.source is None
        or not cx.enabled(cx.REFUSED_CONCESSION)
        or not pol.says_it_will_not(doc.spacy_doc[cand.trigger_start])
    ):
        return cand
    cameo = REFUSAL_OF.get((cand.cameo or "")[:3], "124")
    return replace(
        cand,
        plover="REJECT",
        cameo=cameo,
        mode=codes.mode_for("REJECT", cameo),
        polarity="asserted",
        modality="actual",
        rule=cx.REFUSED_CONCESSION,
    )


# Candidates that name an act the sentence does not report as done or as an act between two parties
# (each a named rule of constructions.py, switched off there): an event is withheld when any holds.
# (rule name, test), so that a withheld candidate names the rule that withheld it (`CandidateExtractor.trace`)
NOT_REPORTED_ACTS = (
    (cx.CONDITIONAL_ACT, conditional_act),
    (cx.ASSESSED_ACT, assessed_act),
    (cx.ASKED_ACT, asked_act),
    (cx.SPORTING_CONTEST, contest_won),
    (cx.DEMANDED_OF_ANOTHER, demanded_of_another),
    (cx.AWAITED_ACT, awaited_act),
    (cx.DESCRIBED_EVENT, described_event),
    (cx.COMMEMORATED_EVENT, commemorated_event),
    (cx.DOMESTIC_VISIT, domestic_visit),
    (cx.DETECTED_FORCES_PROTEST, forces_protest),
    (cx.DEMANDED_CONTENT, demanded_content),
)


def withholding_rule(doc: ArticleDoc, cand: Candidate) -> Optional[str]:
    """The first rule of NOT_REPORTED_ACTS that withholds the candidate (its act is not reported as
    done, or not as an act between two parties), or None."""
    return next((name for name, unreported in NOT_REPORTED_ACTS if unreported(doc, cand)), None)
