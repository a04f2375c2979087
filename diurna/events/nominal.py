"""Event candidates whose trigger is a noun, and the pairing every candidate goes through.

The candidate extractor (candidates.py) reads verbs; this is the part of it that reads nouns and
predicates, kept apart because it is a reading of its own:

- nominal events: "held talks with", "imposed sanctions on", "Israel's recognition of Kosovo",
  "talks between X and Y", "condemnation from the African Union";
- requests by noun: "repeated calls for the Philippines to remove a warship" (REQUEST);
- evaluations in reported speech: "X said Y's decision was a violation" (ACCUSE X -> Y);
- `_combine`, which turns a trigger with its sources and targets into one candidate per pair, for
  the verbs as well.

`CandidateExtractor` inherits these methods; they read its trigger lexicon (`self.lexicon`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from diurna.document import ArticleDoc
from diurna.events import clause_parties
from diurna.events import constructions as cx
from diurna.events import polarity as pol
from diurna.events.arguments import Argument, Candidate, actors_of, conjuncts, modifier_actors, subject_tokens
from diurna.events.dictionary import Sense, TriggerLexicon, direct_objects, in_list, merged_preps, prep_objects
from diurna.events.scene import mention_of, own_side_of, story_protesters
from diurna.events.statements import content_head
from diurna.nlp.syntax import between_parties, is_infinitive, is_passive, is_reduced_passive, possessors

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from diurna.records import Quote


def _noun_polarity(noun: "Token") -> str:
    return "negated" if pol.is_negated(noun) else "asserted"


class NounEvents:
    """The noun and predicate readings of the candidate extractor, and its pairing of arguments."""

    lexicon: TriggerLexicon

    # ---------------------------------------------------------------- a noun's targets, requests by noun

    def _noun_targets(self, noun: "Token", sense: Sense, verb: "Token") -> list["Token"]:
        """The objects of the sense's target prepositions on the noun or its verb, else the verb's
        dative ("gave Ukraine aid"); the verb readings ask it too, for a noun complement."""
        for owner in (noun, verb):
            preps = prep_objects(owner) if owner is verb else merged_preps(noun, sense.prep, sense.targets)
            for prep in sense.targets:
                if prep in preps:
                    return preps[prep]
        datives = [c for c in verb.children if c.dep_ == "dative"]
        return datives

    @staticmethod
    def _consume(comp: "Token", consumed: set[int]) -> None:
        """Mark a complement coded as part of its governor (and its conjuncts) as not an event of its own."""
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
            out.extend(
                self._request(
                    doc,
                    noun,
                    "noun",
                    sources,
                    actors_of(doc, asked),
                    pol.polarity(noun.head),
                    pol.modality(noun.head),
                    cx.REQUESTED_ACTION,
                )
            )
        return out

    def _deadlines(self, doc: ArticleDoc, sent: "Span", consumed: set[int]) -> list[Candidate]:
        """ "ECOWAS gave the junta 72 hours to hand over power" (deadline-given): THREATEN by the giver to
        the one given the time; the giving and the act asked for are consumed (not coded as done)."""
        out: list[Candidate] = []
        for verb in sent:
            found = cx.deadline_given(verb)
            if found is None:
                continue
            given, act = found
            givers = actors_of(doc, subject_tokens(verb))
            side = side_of(doc, givers)
            given_actors = [a for a in actors_of(doc, given) if a.actor_id not in side]
            if not given_actors:
                # "the president gave his ministers two weeks to submit their plans": an instruction to
                # one's own side, no ultimatum
                continue
            self._consume(act, consumed)
            consumed.add(verb.i)
            sense = Sense(lemma="give", pos="verb", cameo="139", plover="THREATEN", mode=None, frame="ultimatum")
            out.extend(
                self._combine(
                    doc,
                    verb.i,
                    verb.i + 1,
                    sense,
                    "THREATEN",
                    "139",
                    None,
                    givers,
                    given_actors,
                    pol.polarity(verb),
                    pol.modality(verb),
                    cx.DEADLINE_GIVEN,
                    False,
                    need_target=True,
                )
            )
        return out

    def _request(
        self,
        doc: ArticleDoc,
        token: "Token",
        pos: str,
        sources: list[Argument],
        targets: list[Argument],
        polarity: str,
        modality: str,
        rule: str,
        need_target: bool = False,
    ) -> list[Candidate]:
        """A REQUEST (CAMEO 100) at `token` by each source to each target, named by `rule`."""
        sense = Sense(lemma=token.lemma_.lower(), pos=pos, cameo="100", plover="REQUEST", mode=None, frame="request")
        return self._combine(
            doc,
            token.i,
            token.i + 1,
            sense,
            "REQUEST",
            "100",
            None,
            sources,
            targets,
            polarity,
            modality,
            rule,
            False,
            need_target=need_target,
        )

    # ---------------------------------------------------------------- reported evaluations

    def _reported_evaluation(self, doc: ArticleDoc, speech: "Token", quote: "Quote") -> list[Candidate]:
        """ "X said Y's decision was a blatant violation": X (the quote's speaker) accuses Y."""
        out: list[Candidate] = []
        mention = mention_of(doc, quote.speaker, speech.idx) if quote.speaker else None
        speakers = [Argument(quote.speaker, mention)] if mention is not None else []
        if not speakers:
            return out
        out.extend(self._alleged_act(doc, speech, speakers))
        out.extend(self._cleft_doer(doc, speech, quote, speakers))
        out.extend(self._stated_responsibility(doc, speech, quote, speakers))
        out.extend(self._reported_demand(doc, speech, speakers))
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

    def _reported_demand(self, doc: ArticleDoc, speech: "Token", speakers: list[Argument]) -> list[Candidate]:
        """ "X said Y must go" (reported-demand): X asks it of Y, the subject of the demanding clause."""
        out: list[Candidate] = []
        for clause in cx.demanded_clauses(speech):
            targets = [
                t
                for t in actors_of(doc, cx.demand_subjects(clause))
                if not any(_same_state(doc, t.actor_id, s.actor_id) for s in speakers)
            ]  # "Putin said Russia must defend its interests" is no demand on another
            out.extend(
                self._request(
                    doc,
                    speech,
                    "verb",
                    speakers,
                    targets,
                    pol.polarity(speech),
                    "actual",
                    cx.REPORTED_DEMAND,
                    need_target=True,
                )
            )
        return out

    def _alleged_act(self, doc: ArticleDoc, speech: "Token", speakers: list[Argument]) -> list[Candidate]:
        """ "X alleged Y was hiding the figures" (alleged-act): X accuses Y, the subject of the alleged
        clause; after "claimed" only when the claimed act is a hostile one the lexicon codes."""
        lemma = speech.lemma_.lower()
        if not cx.enabled(cx.ALLEGED_ACT) or lemma not in cx.ALLEGING_VERBS | cx.CLAIMING_VERBS:
            return []
        out: list[Candidate] = []
        for clause in speech.children:
            if clause.dep_ != "ccomp" or clause.pos_ not in ("VERB", "AUX"):
                continue
            if lemma in cx.CLAIMING_VERBS:
                sense = self.lexicon.verb_sense(clause)
                if sense is None or sense.plover not in cx.HOSTILE_TYPES:
                    continue
            targets = actors_of(doc, [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")])
            if is_passive(clause):
                targets = actors_of(doc, prep_objects(clause).get("by", []))  # "alleged he was forced out by X"
            if lemma in cx.CLAIMING_VERBS:
                # "the army claimed its troops destroyed three camps": a claim of one's own side's act
                # is a claim of success, not an accusation
                side = side_of(doc, speakers)
                targets = [t for t in targets if t.actor_id not in side]
            sense = Sense(lemma=lemma, pos="verb", cameo="112", plover="ACCUSE", mode="disapprove", frame="evaluation")
            out.extend(
                self._combine(
                    doc,
                    speech.i,
                    speech.i + 1,
                    sense,
                    "ACCUSE",
                    "112",
                    "disapprove",
                    speakers,
                    targets,
                    pol.polarity(speech),
                    pol.modality(speech),
                    cx.ALLEGED_ACT,
                    False,
                    need_target=True,
                )
            )
        return out

    def _cleft_doer(
        self, doc: ArticleDoc, speech: "Token", quote: "Quote", speakers: list[Argument]
    ) -> list[Candidate]:
        """ "The rebels said it was the militia that burned the market" (cleft-doer): the speaker blames the
        doer the cleft puts in focus for the act of force its statement tells (the quote stage's
        content), when that doer is no part of the speaker's own side."""
        lemma = speech.lemma_.lower()
        if not cx.enabled(cx.CLEFT_DOER) or lemma in cx.ALLEGING_VERBS | cx.CLAIMING_VERBS | cx.NOT_ACCUSING_CUES:
            return []
        if pol.is_negated(speech) or pol.modality(speech) != "actual":
            return []
        content = doc.spacy_doc.char_span(quote.content.start, quote.content.end, alignment_mode="expand")
        cleft = cx.cleft_act(content_head(content)) if content is not None and len(content) else None
        if cleft is None:
            return []
        act, focus = cleft
        if self._told_act_type(act) not in cx.CLEFT_ACT_TYPES or pol.is_negated(act) or pol.modality(act) != "actual":
            return []
        side = side_of(doc, speakers)
        targets = [t for t in actors_of(doc, [focus]) if t.actor_id not in side]
        accuse = Sense(lemma=lemma, pos="verb", cameo="112", plover="ACCUSE", mode="disapprove", frame="evaluation")
        return self._combine(
            doc,
            speech.i,
            speech.i + 1,
            accuse,
            "ACCUSE",
            "112",
            "disapprove",
            speakers,
            targets,
            "asserted",
            "actual",
            cx.CLEFT_DOER,
            False,
            need_target=True,
        )

    def _told_act_type(self, act: "Token") -> Optional[str]:
        """The type the lexicons give the act a statement tells: its verb's, else, for a light verb
        ("did the shelling", "carried out the arrests"), its object noun's."""
        if act.pos_ not in ("VERB", "AUX"):
            return None
        sense = self.lexicon.verb_sense(act)
        if sense is None and (in_list(act, self.lexicon.light_verbs) or act.lemma_.lower() in cx.DOING_VERBS):
            objects = [c for o in direct_objects(act) for c in conjuncts(o)]
            sense = next((s for s in map(self.lexicon.noun_sense, objects) if s is not None), None)
        return sense.plover if sense is not None else None

    def _stated_responsibility(
        self, doc: ArticleDoc, speech: "Token", quote: "Quote", speakers: list[Argument]
    ) -> list[Candidate]:
        """ "The government said the rebels were responsible for the attack" (stated-responsibility): the
        speaker blames the one its statement holds responsible for a harm."""
        lemma = speech.lemma_.lower()
        if lemma in cx.NOT_ACCUSING_CUES or pol.is_negated(speech):
            return []
        content = doc.spacy_doc.char_span(quote.content.start, quote.content.end, alignment_mode="expand")
        clauses = [c for c in speech.children if c.dep_ == "ccomp"]
        if content is not None and len(content):
            clauses.append(content_head(content))
        out: list[Candidate] = []
        for clause in dict.fromkeys(clauses):
            blamed = cx.blamed_clause(clause)
            if blamed is None:
                continue
            subjects, harms, must_harm = blamed
            if must_harm and not any(self._is_harm(h) for h in harms):
                continue
            if not actual_judgement(clause):
                continue
            # the speaker's own side is asked only here: own_side_of reads every actor of the article,
            # and asking it for every statement made the stage's cost grow with the square of its length
            side = side_of(doc, speakers)
            targets = [t for t in actors_of(doc, subjects) if t.actor_id not in side]
            out.extend(self._judgement(doc, speech, "verb", "112", speakers, targets, clause, cx.STATED_RESPONSIBILITY))
        return out

    def _hostile_act(self, token: "Token") -> bool:
        """A participle or clause on a noun that tells a hostile act the lexicons code (stated-concern)."""
        if token.dep_ != "acl":
            return False
        sense = self.lexicon.verb_sense(token)
        return sense is not None and sense.plover in cx.HOSTILE_TYPES

    def _is_harm(self, noun: "Token") -> bool:
        """A harm being responsible for which is blame: an act of force or coercion the lexicons code,
        a crime or violation they name as a negative evaluation, or a harm noun (stated-responsibility)."""
        sense = self.lexicon.noun_sense(noun)
        if sense is not None and sense.plover in cx.HOSTILE_TYPES:
            return True
        return noun.lemma_.lower() in cx.HARM_NOUNS or self.lexicon.is_negative_evaluation(noun)

    def _held_responsible(self, doc: ArticleDoc, sent: "Span") -> list[Candidate]:
        """ "Kyiv held Moscow responsible for the strike" (held-responsible): ACCUSE subject -> the one held."""
        out: list[Candidate] = []
        for verb in sent:
            held = cx.held_responsible(verb)
            if not held or not actual_judgement(verb):
                continue
            holders = subject_tokens(verb)
            if not holders or any(doc.mention_at_token(h.i) is None for h in holders):
                # "Peru's new law holds mayors accountable": a thing's provision, not someone's blame
                # (the law's possessor would otherwise stand for it)
                continue
            out.extend(
                self._judgement(
                    doc, verb, "verb", "112", actors_of(doc, holders), actors_of(doc, held), verb, cx.HELD_RESPONSIBLE
                )
            )
        return out

    def _stated_judgements(self, doc: ArticleDoc, sent: "Span") -> list[Candidate]:
        """The judgements a sentence states without a verb the lexicons code: concern (stated-concern)
        and holding someone responsible (held-responsible)."""
        return self._stated_concern(doc, sent) + self._held_responsible(doc, sent)

    def _stated_concern(self, doc: ArticleDoc, sent: "Span") -> list[Candidate]:
        """ "The UN is gravely concerned about the arrest of X by police" (stated-concern): ACCUSE by the
        one concerned against the one the concern is about."""
        out: list[Candidate] = []
        for token in sent:
            holders = cx.concern_holders(token)
            sources = actors_of(doc, holders) if holders else []
            if not sources:
                continue
            governor = token.head if token.dep_ == "acomp" else token
            if not actual_judgement(governor):
                continue  # "said it was not concerned by ...": no concern stated
            objects = [o for p, objs in prep_objects(token).items() if p in cx.CONCERN_PREPOSITIONS for o in objs]
            # the act's agent ("the arrest of X by police" -> police), else the owner of what it is about
            # ("China's drills"), else an actor told doing something ("the media declaring ..."); not a
            # person the concern is for ("was concerned about her daughter, a student") nor the one an
            # act was done to
            targets = self._act_agents(doc, objects) or [
                a for o in objects if not _victim_phrase(o) for a in modifier_actors(doc, o)
            ]
            if not targets:
                # an actor told doing a hostile act ("the media declaring ..."), not any act ("refugees
                # arriving from Libya": a concern for them)
                targets = actors_of(doc, [o for o in objects if any(self._hostile_act(c) for c in o.children)])
            if not targets:
                targets = actors_of(doc, clause_parties.content_subjects(token, governor))
            out.extend(self._judgement(doc, token, "noun", "111", sources, targets, governor, cx.STATED_CONCERN))
        return out

    def _judgement(
        self,
        doc: ArticleDoc,
        trigger: "Token",
        pos: str,
        cameo: str,
        sources: list[Argument],
        targets: list[Argument],
        head: "Token",
        rule: str,
    ) -> list[Candidate]:
        """The ACCUSE a stated judgement makes (stated-responsibility, held-responsible, stated-concern):
        disapproval (CAMEO 111 or 112) by `sources` of `targets`, its polarity and modality those of the
        clause that states it (`head`), kept only with a recipient."""
        lemma = trigger.lemma_.lower() if pos == "verb" else trigger.lower_
        sense = Sense(lemma=lemma, pos=pos, cameo=cameo, plover="ACCUSE", mode="disapprove", frame="evaluation")
        return self._combine(
            doc,
            trigger.i,
            trigger.i + 1,
            sense,
            "ACCUSE",
            cameo,
            "disapprove",
            sources,
            targets,
            pol.polarity(head),
            pol.modality(head),
            rule,
            False,
            need_target=True,
        )

    # ---------------------------------------------------------------- nominal events

    def _at_request(self, doc: ArticleDoc, noun: "Token") -> list[Candidate]:
        """ "sent soldiers at a president's request" (at-request): the requester (possessor
        or "of" phrase) asked it of the act's agent."""
        act = cx.requested_act(noun)
        if act is None:
            return []
        sources = actors_of(doc, possessors(noun) + prep_objects(noun).get("of", []))
        targets = actors_of(doc, subject_tokens(act))
        sense = Sense(lemma=noun.lemma_.lower(), pos="noun", cameo="100", plover="REQUEST", mode=None, frame="request")
        return self._noun_event(doc, noun, sense, sources, targets, "asserted", "actual", cx.AT_REQUEST, False)

    def _intensified_act(self, noun: "Token", verb: "Token") -> bool:
        """intensified-act: the verb steps up the act its object noun names, and its subject is that act's
        agent. Not when the subject is itself an act ("the arrest of X intensified protests": a cause,
        whose complement is no protester) nor when the noun names its own agent ("sustained an attack
        by X": the subject suffered it)."""
        if not cx.enabled(cx.INTENSIFIED_ACT) or in_list(verb, self.lexicon.light_verbs):
            return False
        if noun.dep_ != "dobj" or not self.lexicon.is_continuing_verb(verb):
            return False
        subjects = subject_tokens(verb)
        if subjects and all(self.lexicon.noun_sense(s) is not None for s in subjects):
            return False
        preps = prep_objects(noun)
        return not (preps.get("by") or preps.get("from"))

    def _gerund_nominals(
        self, doc: ArticleDoc, sent: "Span", verb_triggers: set[int], consumed: set[int]
    ) -> list[Candidate]:
        """ "Fighting between A and B broke out" (gerund-event-noun): the small parser tags a
        sentence-initial event word as a verb; as a subject with no clause of its own it is the noun."""
        if not cx.enabled(cx.GERUND_EVENT_NOUN):
            return []
        out: list[Candidate] = []
        for token in sent:
            if token.i in verb_triggers or token.i in consumed or not _gerund_as_noun(token):
                continue
            if self.lexicon.noun_sense(token) is not None:
                out.extend(self._nominal(doc, token, verb_triggers))
        return out

    def _nominal(self, doc: ArticleDoc, noun: "Token", verb_triggers: set[int]) -> list[Candidate]:
        requested = self._at_request(doc, noun)
        if requested:
            return requested
        sense = self.lexicon.noun_sense(noun)
        if sense is None or doc.mention_at_token(noun.i) is not None:
            return []
        head = noun.head
        as_object = noun.dep_ in ("dobj", "nsubjpass")
        misread = self._misread_light_verb(noun)
        if misread is not None:
            head, as_object = misread, True
        response = cx.response_verb(noun)  # "responded with the expulsion of ...": a light use of "respond"
        if response is not None:
            head, as_object = response, True
        # "launched a wave of attacks on X": the series noun stands in the verb's object slot for the act
        # "launched a mediation effort between X and Y": so does a carrier noun the act noun modifies
        series = cx.series_of(noun) or cx.carrier_of(noun)
        if series is not None and response is None and misread is None:
            head, as_object = series.head, True
        told = series if series is not None and head.i == series.head.i else noun
        continuing = self._intensified_act(told, head)
        light = response is not None or in_list(head, self.lexicon.light_verbs) or continuing
        if as_object and light and head.i not in verb_triggers:
            if _infinitive_content(head) and self._inside_event_argument(head, verb_triggers):
                return []  # "urged the parties to hold talks": the talks are asked for, not held
            sources = (
                actors_of(doc, subject_tokens(head))
                if told.dep_ != "nsubjpass"
                else actors_of(doc, prep_objects(head).get("by", []))
            )
            targets = actors_of(doc, self._noun_targets(noun, sense, head))
            if not targets and told is not noun:
                # "a wave of attacks on X": the parse may hang the recipient on the series noun
                targets = actors_of(doc, [o for p in sense.targets for o in prep_objects(told).get(p, [])])
            rule = cx.INTENSIFIED_ACT if continuing else "light-verb"
            if not targets and sense.plover == "COERCE" and sense.cameo in cx.POPULATION_RESTRICTIONS:
                targets = restriction_holders(doc, noun, sources)
                rule = cx.RESTRICTED_OWN_STATE if targets else rule
            if not targets and sense.plover in cx.EVALUATIONS:
                # "expressed concern that Russia had moved troops": the content clause's doer
                targets = actors_of(doc, clause_parties.content_subjects(noun, head))
                rule = cx.EVALUATED_CONTENT if targets else rule
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
                rule,
                sense.reciprocal,
            )
        if self._inside_event_argument(noun, verb_triggers):
            return []
        arrival = cx.arrival_verb(noun, sense.plover)
        if arrival is not None:
            return self._statement_from(doc, noun, sense, arrival)
        own = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < noun.i]
        preps = prep_objects(noun)
        happening = cx.occurrence_verb(noun)
        if happening is not None:
            # "clashes broke out on Tuesday between A and B": the parties hang on the verb
            for prep, objs in prep_objects(happening).items():
                if prep in cx.OCCURRENCE_PREPS:
                    preps.setdefault(prep, objs)
        sources = actors_of(doc, own) or actors_of(doc, preps.get("by", []))
        if not sources:
            participle = self._light_participle(noun)
            if participle is not None:
                # "the curfew imposed by the army", "sanctions imposed by the EU on Moscow"
                sources = actors_of(doc, prep_objects(participle).get("by", []))
                for prep, objs in prep_objects(participle).items():
                    preps.setdefault(prep, objs)
        if not sources and sense.plover in cx.FORCE:
            # "X claimed responsibility for the attack on Y", "the ambush, blamed on X"
            sources = actors_of(doc, cx.claimed_act_agents(noun))
        if not sources and "from" not in sense.targets:
            # "condemnation from the African Union", "aid from Qatar" ("withdrawal from X": X is the target)
            sources = actors_of(doc, preps.get("from", []))
        if not sources and sense.reciprocal:
            # "(Egypt hosted) talks between Sudanese factions", "talks between X and Y": the parties
            parties = actors_of(doc, between_parties(preps.get("between", [])))
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
        rule = "nominal"
        if not sources and sense.plover == "PROTEST" and _a_told_protest(noun) and cx.enabled(cx.STORY_PROTESTERS):
            named = story_protesters(doc, noun.idx)
            sources, rule = ([Argument(named.actor_id, named)] if named else []), cx.STORY_PROTESTERS
        if not sources:
            return []
        # the recipient may hang on the complement the sense asks for ("a suspension of aid to Egypt")
        recipients = merged_preps(noun, sense.prep, sense.targets)
        targets = actors_of(doc, [o for p in sense.targets for o in preps.get(p) or recipients.get(p, [])])
        if not targets:
            if not cx.enabled(cx.OPEN_NOMINAL):
                return []
            rule = cx.OPEN_NOMINAL  # kept only if the story names the recipient (__call__)
        elif rule == cx.STORY_PROTESTERS:
            rule = "nominal"  # the recipient is the phrase's own ("protests against the bill")
        return self._noun_event(doc, noun, sense, sources, targets, _noun_polarity(noun), "actual", rule, False)

    def _statement_from(self, doc: ArticleDoc, noun: "Token", sense: Sense, verb: "Token") -> list[Candidate]:
        """ "Condemnation came from X, Y and several countries including Z" (statement-from): each
        maker the arrival verb's 'from' phrase lists (the parse hangs later items of a long list on
        the subject, as appositions or conjuncts after the verb), each member of an 'including' list;
        the recipient is what the statement is of or for, or the agent of that act ("for the militia's
        raids")."""
        listed = list(prep_objects(verb).get("from", []))
        subject = next(c for c in verb.children if c.dep_ == "nsubj")
        listed += [c for c in subject.children if c.dep_ in ("appos", "conj") and c.i > verb.i]
        items = [t for token in listed for t in conjuncts(token)]
        # "from AU chairman Moussa Faki, the French foreign ministry and the European Commission": the
        # parse may make the rest of a long list an apposition of its first item
        items += [c for t in items for a in t.children if a.dep_ == "appos" for c in conjuncts(a)]
        items += [m for t in items for m in cx.listed_members(t)]
        sources = actors_of(doc, items)
        # what it is for: the sense's own prepositions, and "for" after any statement noun ("words of
        # condemnation for the militia's raids", "praise for"), which the parse may hang on the carrier
        # ("messages of solidarity for Kenya's government")
        owners = [noun] + ([subject] if subject.i != noun.i else [])
        objects = [o for owner in owners for p in sense.targets + ("for",) for o in prep_objects(owner).get(p, [])]
        objects = [o for o in objects if o.i != noun.i]  # the carrier's "of" is the statement noun itself
        targets = actors_of(doc, objects) or actors_of(doc, [p for o in objects for p in possessors(o)])
        return self._noun_event(
            doc, noun, sense, sources, targets, _noun_polarity(noun), "actual", cx.STATEMENT_FROM, False
        )

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

    def _light_participle(self, noun: "Token") -> Optional["Token"]:
        """ "the curfew imposed by the army": a light verb's passive participle after the event noun,
        whose by-phrase names who did it (participle-agent)."""
        if not cx.enabled(cx.PARTICIPLE_AGENT):
            return None
        for child in noun.children:
            # the shared toolkit's reduced passive: it also refuses a participle with an object of its
            # own, a finite verb the parser misread
            if (
                child.i > noun.i
                and is_reduced_passive(child)
                and in_list(child, self.lexicon.light_verbs)
                and prep_objects(child).get("by")
            ):
                return child
        return None

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
        objs = between_parties(prep_objects(noun).get("between", []))
        parties = actors_of(doc, objs)
        if len(parties) >= 2:
            return parties[:1], parties[1:]
        return None

    @staticmethod
    def _inside_event_argument(noun: "Token", verb_triggers: set[int]) -> bool:
        """Whether the noun is (inside) the object of a coded verb: "condemned Israel's recognition of
        X" reports the condemnation; the recognition is its topic. A subject ("U.S. airstrikes killed
        ...") is an event in its own right. An infinitive on the way is the coded verb's content ("agreed
        to accelerate preparations to resume the summit", "urged the parties to hold talks"): the
        summit is agreed on, the talks asked for, neither held; an adjunct of the infinitive is not
        ("pledged to give X rights during talks hosted by Y": the talks took place)."""
        node = noun
        while node.head.i != node.i:
            if node.dep_ in ("nsubj", "nsubjpass", "csubj"):
                return False
            below, node = node, node.head
            if node.i in verb_triggers:
                return True
            if node.pos_ == "VERB" and not (_infinitive_content(node) and below.dep_ in CONTENT_LINKS):
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
            if plover == "ASSAULT":
                targets = other_side_casualties(doc, sources, targets)
            pairs = [(s, t) for s in sources for t in targets if s.actor_id != t.actor_id]
        elif need_target:
            return []
        else:
            pairs = [(s, None) for s in sources]
        sentence_start = doc.spacy_doc[start].sent.start
        out = []
        for s, t in pairs:
            typed: Typed = (plover, cameo, mode, rule)
            if sense.by_agent and s is not None and cx.enabled(cx.AGENT_DECIDES_FORCE):
                typed = force_by_agent(doc, s, typed)
            out.append(Candidate(start, end, sense, *typed[:3], s, t, polarity, modality, typed[3], sentence_start))
        return out


def restriction_holders(doc: ArticleDoc, noun: "Token", sources: list[Argument]) -> list[Argument]:
    """ "extended the nation's state of emergency", "lifted the city's curfew": the possessor of a
    restriction is the one it is imposed on, when it is not its agent (restricted-own-state's first
    reading; with no holder the scene gives the declaring authority's own state)."""
    if not cx.enabled(cx.RESTRICTED_OWN_STATE):
        return []
    agents = {s.actor_id for s in sources}
    return [a for a in actors_of(doc, [c for c in noun.children if c.dep_ == "poss"]) if a.actor_id not in agents]


def other_side_casualties(doc: ArticleDoc, sources: list[Argument], targets: list[Argument]) -> list[Argument]:
    """ "killing six rebels and two soldiers", "five soldiers and 12 rebels were killed when the rebels
    attacked": of several listed casualties, those of the agents' own side (the same actor code) are
    their losses, not their victims (own-side-casualty); a list of only those is left as it is."""
    if len(targets) < 2 or not cx.enabled(cx.OWN_SIDE_CASUALTY):
        return targets
    own = {_code(doc, s.actor_id) for s in sources} - {None}
    others = [t for t in targets if _code(doc, t.actor_id) not in own]
    return others or targets


def _code(doc: ArticleDoc, actor_id: str) -> Optional[str]:
    actor = doc.actor(actor_id)
    return actor.code if actor is not None else None


def _a_told_protest(noun: "Token") -> bool:
    """ "the protests continued", "protests have taken place", "(what began as) a peaceful
    demonstration": a protest told as the thing that happens, the subject or predicate of its clause.
    As an object or in an adjunct it is mostly a protest told elsewhere ("quell the protests", "during
    the demonstration", "plan another rally"), and "resigned in protest" the manner of another act."""
    if noun.dep_ not in ("nsubj", "nsubjpass", "attr"):
        return False
    if not (noun.tag_ in ("NNS", "NNPS") or any(c.dep_ in TOLD_MODIFIERS for c in noun.children)):
        return False
    clause = noun.head
    if noun.dep_ == "nsubj" and clause.lemma_ in LINKING_VERBS:
        # "the demonstrations were largely peaceful", "protests turned violent": a protest told, described
        return False
    if pol.is_negated(clause):
        return False  # "no protests were held in the north"
    # "since the protests began", "before the demonstration started": the time of another act
    return not any(c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS for c in clause.children)


def _gerund_as_noun(token: "Token") -> bool:
    """An '-ing' word the parse makes a clause's subject with nothing a clause of its own has (a
    subject, an object, a complement, an auxiliary): a noun misread as a verb ("Fighting between A and
    B broke out"), not a gerund clause ("Killing civilians is a crime", "Fighting them would be a
    mistake")."""
    if token.tag_ != "VBG" or token.dep_ not in GERUND_SUBJECT_LINKS:
        return False
    return not any(c.dep_ in CLAUSE_DEPENDENTS for c in token.children)


# How a misread event gerund hangs on its clause (_gerund_as_noun), and what a true gerund clause has.
GERUND_SUBJECT_LINKS = ("nsubj", "nsubjpass", "csubj", "csubjpass")
CLAUSE_DEPENDENTS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "dative", "attr", "ccomp", "xcomp", "aux", "auxpass", "prt", "acomp", "oprd"}
)


# Verbs that link a subject to what it is or became ("protests turned violent"): a description.
LINKING_VERBS = frozenset({"be", "turn", "become", "grow", "remain", "stay", "seem", "appear"})
# What makes a singular protest noun a told one ("the protest", "Sunday's rally", "a peaceful march").
TOLD_MODIFIERS = ("det", "poss", "amod", "compound", "nummod")
# Subordinators of a clause that dates another act by a protest (_a_told_protest).
BACKGROUND_MARKS = frozenset({"since", "before", "after", "until", "till"})


# How an infinitive hangs on the verb whose content it is (_inside_event_argument).
INFINITIVE_LINKS = ("xcomp", "ccomp", "advcl", "acl")
# What the content below an infinitive hangs on it by: its object, or a further infinitive.
CONTENT_LINKS = ("dobj",) + INFINITIVE_LINKS


def _same_state(doc: ArticleDoc, one: str, other: str) -> bool:
    """Whether `one` is `other`, or the state `other` belongs to (a speaker's own country)."""
    if one == other:
        return True
    a, b = doc.actor(one), doc.actor(other)
    return a is not None and b is not None and a.kind == "country" and a.country is not None and a.country == b.country


def _infinitive_content(verb: "Token") -> bool:
    """ "(urged X) to hold talks", "(agreed) to accelerate preparations": an infinitive hanging on what
    governs it, whose content it may be; a finite verb ("while Israel has carried out raids") is not."""
    return verb.dep_ in INFINITIVE_LINKS and is_infinitive(verb)


# Sectors whose raids and stormings are armed attacks, and those whose are searches and seizures
# (agent-decides-force); a state named as such ("Israel carried out raids") acts through its forces.
ARMED_SECTORS = frozenset({"MIL", "REB", "UAF", "INS"})
ENFORCING_SECTORS = frozenset({"COP", "JUD", "GOV"})
ARMED_ATTACK = ("ASSAULT", "190", None)
SEARCH_OR_SEIZURE = ("COERCE", "171", "seize")
# (plover, cameo, mode, rule) of a candidate
Typed = tuple[str, str, Optional[str], str]


def force_by_agent(doc: ArticleDoc, source: Argument, typed: Typed) -> Typed:
    """(plover, cameo, mode, rule) of a raid or storming as its agent makes it: armed forces, rebels
    and states attack, police, courts and ministries search and seize; other agents (protesters,
    unknown actors) keep the lexicon's type."""
    actor = doc.actor(source.actor_id)
    if actor is None:
        return typed
    if actor.sector in ARMED_SECTORS or (actor.kind == "country" and not actor.sector):
        found = ARMED_ATTACK
    elif actor.sector in ENFORCING_SECTORS:
        found = SEARCH_OR_SEIZURE
    else:
        return typed
    if found[0] == typed[0]:
        return typed
    return (*found, cx.AGENT_DECIDES_FORCE)


def _victim_phrase(noun: "Token") -> bool:
    """An act noun whose own actor is its victim ("the arrest of the journalists"): its "of" or "on"
    phrase names who it was done to, not who did it (stated-concern takes no recipient from it)."""
    preps = prep_objects(noun)
    return bool(preps.get("of") or preps.get("on") or preps.get("against")) and not possessors(noun)


def actual_judgement(head: "Token") -> bool:
    """A judgement is stated only when asserted and actual: "said the rebels were not responsible",
    "would be responsible for any attack", "was not concerned by" blame no one (stated-responsibility,
    held-responsible, stated-concern)."""
    return pol.polarity(head) == "asserted" and pol.modality(head) == "actual"


def side_of(doc: ArticleDoc, parties: list[Argument]) -> set[str]:
    """The parties and their own sides (scene.own_side_of): whose acts are their own, not another's.
    It reads every actor of the article: ask it only once a construction has matched."""
    return {a.actor_id for a in parties} | {o for a in parties for o in own_side_of(doc, a.actor_id)}
