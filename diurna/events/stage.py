"""The event stage: candidates from the parse, coded, checked, and written as contract `Event`s."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from diurna.document import ArticleDoc
from diurna.events import codes
from diurna.events import constructions as cx
from diurna.events.agents import with_story_agents
from diurna.events.argmodel import ArgumentModel, default_argument_model
from diurna.events.arguments import Candidate
from diurna.events.candidates import CandidateExtractor
from diurna.events.statements import StatementModel, default_statement_model
from diurna.events.verifier import Judged, Verifier, default_verifier
from diurna.ids import stable_id
from diurna.nlp.index import index
from diurna.nlp.syntax import object_points_back
from diurna.places import event_place_fields
from diurna.quotes import quote_at
from diurna.records import CharRange, Event, TextSpan
from diurna.time import event_date

if TYPE_CHECKING:
    from spacy.tokens import Span

log = logging.getLogger(__name__)

# Prior confidence of a candidate by where its type came from: diurna's lexicon was written for
# news text; the PETRARCH2 dictionary is broad and known to over-generate.
ORIGIN_CONFIDENCE = {"diurna": 0.75, "petrarch2+pattern": 0.6, "petrarch2": 0.5, "detector": 0.6}
CLASSIFIER_AGREES_BONUS = 0.15
CLASSIFIER_OVERRIDE_CONFIDENCE = 0.9  # drop a candidate only when the classifier is this sure of no event
# relabel a PETRARCH2-typed candidate when the classifier is this sure of another type
CLASSIFIER_RELABEL_CONFIDENCE = 0.9
# The argument chooser's probability at which an event withheld for want of a recipient takes one from
# the sentence before (recipient-one-sentence-back). Chosen on tune half A alone, the best of 0.4-0.8
# on both strict recall and precision there (docs/evaluation.md, thirteenth session, gate13).
RECIPIENT_ONE_SENTENCE_BACK_BAR = 0.7

# What became of a candidate (EventStage.decide): emitted, or the step that left it out.
EMITTED = "emitted"
CLASSIFIER_NONE = "classifier-none"  # the pair classifier sure there is no event (combine)
DUPLICATE = "duplicate"  # another candidate of the sentence has its (source, type, target) (deduplicate)
BELOW_THRESHOLD = "below-threshold"  # the verifier's probability under the threshold (threshold_for)
RECIPIENTLESS = "recipientless"  # no recipient in a story (withholds_recipientless)
DROP_STEPS = (CLASSIFIER_NONE, DUPLICATE, BELOW_THRESHOLD, RECIPIENTLESS)
# a candidate that does not report an event (`reports_an_event`), before the steps above
NEGATED_INTENTION = "negated-intention"


@dataclass(frozen=True)
class Fate:
    """One candidate's outcome in the stage: as the rules made it, as coded (the argument chooser may
    have refilled its roles), the step, and its record where one was made (emitted, or withheld
    after the record was made: below the threshold or recipientless)."""

    ruled: Candidate
    cand: Candidate
    step: str
    event: Optional[Event] = None


class EventStage:
    """Codes PLOVER events: syntax proposes (trigger, source, target, type), an optional pair classifier
    confirms or relabels, duplicates are merged, and each event gets its date, place and attribution."""

    name = "events"
    # what the stage reads from the article and what it writes (the pipeline checks the order)
    requires = ("spacy_doc", "actors", "mentions", "timexes", "places", "place_mentions", "quotes")
    assigns = ("events",)

    def __init__(
        self,
        classifier=None,
        use_classifier: bool = True,
        use_encoder: bool = False,
        arguments: Optional[ArgumentModel] = None,
        use_argument_model: bool = True,
        verifier: Optional[Verifier] = None,
        use_verifier: bool = True,
        min_confidence: Optional[float] = None,
        statements: Optional[StatementModel] = None,
        use_statements: bool = True,
    ):
        """`arguments` (default: the packaged model, when `use_argument_model`) re-chooses each
        candidate's source and target among the actors its sentence names. `use_encoder` adds the fine-tuned MiniLM half of the pair classifier. It is off by default
        here: on news articles it changed no event of the bundled examples (the classifier only
        relabels at >= 0.9 confidence) while making the events stage about 7x slower and the whole
        pipeline about 1.5x slower (docs/evaluation.md); `diurna classify` uses it.

        `verifier` (default: the packaged model, when `use_verifier`) writes each event's probability
        of being right as its `confidence`; events below `min_confidence` (default: the model's own
        threshold, 0 unless its held-out figures showed dropping to pay) are not emitted.

        `statements` (default: the packaged model, when `use_statements`) reads the quote stage's
        quotes as accusations, rejections, requests, threats or support told as statements
        (statements.py) and adds them as candidates."""
        self.arguments = (
            arguments if arguments is not None else (default_argument_model() if use_argument_model else None)
        )
        self.extract = CandidateExtractor()
        self.extract.argument_model = self.arguments  # it fills learned nominals' empty roles (nominal_model.py)
        # statements whose content is the act (statements.py): a learned reading of the quote stage's quotes
        self.statements = (
            statements if statements is not None else (default_statement_model() if use_statements else None)
        )
        self.classifier = (
            classifier if classifier is not None else (_load_classifier(use_encoder) if use_classifier else None)
        )
        self.verifier = verifier if verifier is not None else (default_verifier() if use_verifier else None)
        self.min_confidence = min_confidence
        # the verifier's threshold was chosen on articles coded with the packaged classifier (linear
        # model alone) and argument chooser: another configuration gives it features it never saw
        self._as_trained = (
            classifier is None
            and arguments is None
            and not use_encoder
            and self.classifier is not None
            and self.arguments is not None
        )

    @property
    def threshold(self) -> float:
        """The confidence below which an event is not emitted: the user's, else the verifier's own, which
        was chosen on held-out articles coded by the stage with its packaged pair classifier and
        argument chooser; a stage without them or with others (rule tests, measurements of one part)
        gives the verifier features it was not trained on: it writes the probability but drops nothing
        unless asked."""
        if self.min_confidence is not None:
            return self.min_confidence
        if self.verifier is None or not self._as_trained:
            return 0.0
        return self.verifier.threshold

    def candidates(self, doc: ArticleDoc) -> list[Candidate]:
        """The candidates the stage codes: the extractor's, with the story's agents given
        (agents.py), those that report an event, deduplicated. The argument chooser is trained on
        exactly these (scripts/train_arguments.py). Statements the learned statement model reads as
        acts (accusations, rejections, requests, threats told as what someone said, statements.py) are
        added where the rules coded no event of that type from the same speaker."""
        made = with_story_agents(doc, list(self.extract(doc)))
        if self.extract.trace is not None:  # asked why (events/explain.py)
            self.extract.trace.extend((c, NEGATED_INTENTION) for c in made if not reports_an_event(c))
        found = deduplicate([c for c in made if reports_an_event(c)])
        if self.statements is not None and doc.quotes:
            found = deduplicate(found + self.statements.candidates(doc, found, self.arguments))
        return found

    def __call__(self, doc: ArticleDoc) -> None:
        if doc.spacy_doc is None:
            return
        doc.events.extend(f.event for f in self.decide(doc) if f.step == EMITTED)

    def decide(self, doc: ArticleDoc) -> list["Fate"]:
        """What became of each candidate the stage codes (`candidates`): emitted, with its record, or
        the step that left it out (`DROP_STEPS`). The stage emits exactly the emitted ones; the fates of
        the others are what scripts/experiments/candidate_fates.py reads (which step loses events)."""
        if doc.spacy_doc is None:
            return []
        ruled = self.candidates(doc)
        # one row per candidate, kept by position (never by id(): an object's id names another object
        # once the first is gone): (candidate, (type or None, prior), the classifier's reading, the
        # candidate as the rules made it, before the argument chooser)
        rows = self._rows(doc, ruled)
        if self.arguments is not None:
            rows = self._with_chosen_arguments(doc, rows)
        fates = self._fates(doc, rows)
        if (
            self.arguments is not None
            and self.withholds_recipientless(doc)
            and cx.enabled(cx.RECIPIENT_ONE_SENTENCE_BACK)
        ):
            # recipient-one-sentence-back: the events withheld for want of a recipient, given one
            # from the sentence before where the chooser is sure of it, are coded and judged again
            again = self._with_recipients_one_sentence_back(
                doc, rows, [k for k, f in enumerate(fates) if f.step == RECIPIENTLESS]
            )
            if again is not rows:
                fates = self._fates(doc, again)
        made = sum(f.step in (EMITTED, BELOW_THRESHOLD, RECIPIENTLESS) for f in fates)
        emitted = sum(f.step == EMITTED for f in fates)
        # say how many were left out, so that no count downstream is silently capped
        withheld = doc.article.events_withheld + made - emitted
        doc.article = doc.article.model_copy(update={"events_withheld": withheld})
        return fates

    def _fates(self, doc: ArticleDoc, rows: list[tuple]) -> list["Fate"]:
        """The fate of each row (`decide`): deduplicated, recorded and verified."""
        kept = set(deduplicated_positions([cand for cand, *_ in rows]))
        fates: list[Optional[Fate]] = [None] * len(rows)
        judged, positions = [], []
        for k, (cand, (plover, confidence), reading, rules) in enumerate(rows):
            if plover is None:
                fates[k] = Fate(rules, cand, CLASSIFIER_NONE)
            elif k not in kept:
                fates[k] = Fate(rules, cand, DUPLICATE)
            else:
                judged.append(Judged(cand, plover, confidence, reading, rules))
                positions.append(k)
        events = [self._event(doc, j.cand, j.plover, j.prior) for j in judged]
        for k, j, (event, step) in zip(positions, judged, self._verified(doc, judged, events)):
            fates[k] = Fate(j.ruled, j.cand, step, event)
        return fates

    def _with_recipients_one_sentence_back(
        self, doc: ArticleDoc, rows: list[tuple], positions: list[int]
    ) -> list[tuple]:
        """`rows` with the candidates at `positions` given a recipient from the sentence before
        (ArgumentModel.recipient_one_sentence_back, at RECIPIENT_ONE_SENTENCE_BACK_BAR), where the
        classifier, reading the new pair, codes the same type (as `_with_chosen_arguments`); `rows`
        itself when none is."""
        chosen = {}
        for k in positions:
            cand = rows[k][0]
            # only an object that refers back ("rejected the offer", "accept it") has its recipient in
            # the sentence before: without one the chooser takes whoever that sentence names (review13:
            # "condemned the attack on the dam site" got the ministers who met the day before)
            if cand.source is not None and object_points_back(doc.spacy_doc[cand.trigger_start]):
                found = self.arguments.recipient_one_sentence_back(doc, cand, RECIPIENT_ONE_SENTENCE_BACK_BAR)
                if found is not None:
                    chosen[k] = found
        again = dict(zip(chosen, self._rows(doc, list(chosen.values()))))
        out, changed = list(rows), False
        for k, (cand, verdict, reading, rules) in again.items():
            if verdict[0] is not None and verdict[0] == rows[k][1][0]:
                out[k], changed = (cand, verdict, reading, rows[k][3]), True
        return out if changed else rows

    def threshold_for(self, doc: ArticleDoc) -> float:
        """The threshold for this text: the user's wherever it is given; else the verifier's own only on
        a text that reads as a story (`DocIndex.reads_as_story`, three sentences or more). The verifier
        was fitted and its threshold chosen on whole articles: a sentence or two (a wire brief, a
        headline, one of the written event cases) is outside what it saw (a one-sentence resignation,
        whose event rightly has no target, gets p ~0.02), so there every event is kept, with the
        probability as its confidence."""
        if self.min_confidence is not None:
            return self.min_confidence
        threshold = self.threshold
        if threshold <= 0.0 or doc.spacy_doc is None or not index(doc.spacy_doc).reads_as_story:
            return 0.0
        return threshold

    def withholds_recipientless(self, doc: ArticleDoc) -> bool:
        """Whether events with no recipient are withheld in this text (recipientless-in-story): in a
        text that reads as a story, whatever threshold is set, except 0 (`--min-confidence 0` emits every
        event the stage codes); never in a sentence or two."""
        return (
            self.min_confidence != 0
            and cx.enabled(cx.RECIPIENTLESS_IN_STORY)
            and doc.spacy_doc is not None
            and index(doc.spacy_doc).reads_as_story
        )

    def _verified(self, doc: ArticleDoc, judged: list[Judged], events: list[Event]) -> list[tuple[Event, str]]:
        """Each event with the verifier's probability as its confidence (without a verifier, the
        stage's prior confidence) and its step: EMITTED, or BELOW_THRESHOLD (`threshold_for`), or in a
        story RECIPIENTLESS (`withholds_recipientless`; the verifier reads every event of the sentence
        first, as it was trained)."""
        if not events:
            return []
        out = [(event, EMITTED) for event in events]
        if self.verifier is not None:
            threshold = self.threshold_for(doc)
            probabilities = self.verifier.probabilities(doc, judged, events, self.arguments)
            out = [
                (
                    event.model_copy(update={"confidence": round(min(1.0, max(0.0, p)), 3)}),
                    EMITTED if p >= threshold else BELOW_THRESHOLD,
                )
                for event, p in zip(events, probabilities)
            ]
        if self.withholds_recipientless(doc):
            out = [
                (
                    e,
                    RECIPIENTLESS
                    if step == EMITTED and e.target is None and e.type not in cx.RECIPIENTLESS_TYPES
                    else step,
                )
                for e, step in out
            ]
        return out

    def _rows(self, doc: ArticleDoc, candidates: list[Candidate]) -> list[tuple]:
        """(candidate, verdict, the classifier's reading or None, the candidate itself) per candidate."""
        readings: list = []
        verdicts = self._confidences(doc, candidates, readings)
        if len(readings) != len(candidates):  # no classifier, or it failed: no reading
            readings = [None] * len(candidates)
        return [(c, v, r, c) for c, v, r in zip(candidates, verdicts, readings)]

    def _with_chosen_arguments(self, doc: ArticleDoc, rows: list[tuple]) -> list[tuple]:
        """Each candidate with the roles the argument chooser filled (or overruled), unless the classifier, reading
        the new pair, drops it or codes another type than it codes the rules' pair: then the rules'
        candidate stands (a filled role must not cost an event its type or its existence)."""
        chosen = rechoose_arguments(doc, [cand for cand, *_ in rows], self.arguments)
        changed = [k for k, row in enumerate(rows) if chosen[k] != row[0]]
        again = dict(zip(changed, self._rows(doc, [chosen[k] for k in changed])))
        out = []
        for k, (cand, verdict, reading, rules) in enumerate(rows):
            new = again.get(k)
            keep_new = new is not None and new[1][0] is not None and new[1][0] == verdict[0]
            out.append((chosen[k], new[1], new[2], cand) if keep_new else (cand, verdict, reading, rules))
        return out

    # ---------------------------------------------------------------- combining with the classifier

    def _confidences(
        self, doc: ArticleDoc, candidates: list[Candidate], readings: Optional[dict] = None
    ) -> list[tuple[Optional[str], float]]:
        """(type or None to drop, confidence) per candidate; the classifier's reading of each pair is
        appended to `readings` (in the candidates' order; nothing without a classifier) for the verifier."""
        priors = [(c.plover, ORIGIN_CONFIDENCE.get(c.sense.origin, 0.5)) for c in candidates]
        if self.classifier is None or not candidates:
            return priors
        try:
            predictions = self.classifier.predict([_pair_input(doc, c) for c in candidates])
        except Exception as exc:  # a broken model must not lose the dictionary's events
            log.warning("event classifier failed, using the dictionary alone: %s", exc)
            return priors
        if len(predictions) != len(candidates):
            log.warning(
                "event classifier returned %d predictions for %d pairs; using the dictionary alone",
                len(predictions),
                len(candidates),
            )
            return priors
        if readings is not None:
            readings.extend(predictions)
        return [combine(c, prior, p) for c, prior, p in zip(candidates, priors, predictions)]

    # ---------------------------------------------------------------- the record

    def _event(self, doc: ArticleDoc, cand: Candidate, plover: str, confidence: float) -> Event:
        sdoc = doc.spacy_doc
        trigger = sdoc[cand.trigger_start : cand.trigger_end]
        start, end = evidence_span(doc.text, trigger.sent, trigger.start_char, trigger.end_char)
        cameo = codes.cameo_for(plover, cand.cameo)
        mode = cand.mode if plover == cand.plover else codes.mode_for(plover, cameo)
        source = cand.source.actor_id if cand.source else None
        target = cand.target.actor_id if cand.target else None
        quote = quote_at(doc, trigger.start_char)
        # who claims it is the quote stage's answer (one reported-speech authority), not the events stage's
        attributed = quote.speaker if quote is not None else None
        return Event(
            id=stable_id("evt_", doc.article.id, trigger.start_char, plover, source, target),
            type=plover,
            mode=mode,
            cameo=cameo,
            quad_class=codes.quad_class(plover),
            goldstein=codes.goldstein(cameo),
            source=source,
            target=target,
            trigger=TextSpan(text=trigger.text, start=trigger.start_char, end=trigger.end_char),
            sentence=CharRange(start=start, end=end),
            date=event_date(doc, cand.trigger_start),
            **event_place_fields(doc, cand.trigger_start, plover),
            polarity=cand.polarity,
            modality=cand.modality,
            attributed_to=attributed,
            confidence=round(min(1.0, max(0.0, confidence)), 3),
        )


def combine(cand: Candidate, prior: tuple[str, float], prediction) -> tuple[Optional[str], float]:
    """Keep a candidate when the classifier agrees (confidence up) or is unsure (prior kept); relabel it
    when the classifier is very sure of another type; drop it when it is very sure there is no event."""
    plover, confidence = prior
    predicted = "CONCEDE" if prediction.type == "YIELD" else prediction.type
    if predicted == plover or (prediction.type == "YIELD" and plover in ("CONCEDE", "RETREAT")):
        return plover, min(1.0, max(confidence, prediction.confidence) + CLASSIFIER_AGREES_BONUS)
    if predicted == "NONE" and prediction.confidence >= CLASSIFIER_OVERRIDE_CONFIDENCE:
        return None, prediction.confidence
    if predicted != "NONE" and cand.sense.origin.startswith("petrarch2"):
        if prediction.confidence >= CLASSIFIER_RELABEL_CONFIDENCE:
            return predicted, prediction.confidence * 0.8
    return plover, confidence * (1.0 - 0.5 * prediction.confidence)


def rechoose_arguments(doc: ArticleDoc, candidates: list[Candidate], model: ArgumentModel) -> list[Candidate]:
    """Each candidate with the source and target the learned model prefers, except where the rules
    made several events of one trigger (one per recipient of a coordinated list, or both directions
    of a mutual act): the model chooses one pair per candidate and would fold them into one."""
    per_trigger: dict[int, int] = {}
    for cand in candidates:
        per_trigger[cand.trigger_start] = per_trigger.get(cand.trigger_start, 0) + 1
    return [model.choose(doc, c) if per_trigger[c.trigger_start] == 1 else c for c in candidates]


def reports_an_event(cand: Candidate) -> bool:
    """A negated intention or hypothesis ("do not want to recognize", "would not meet") reports
    neither an act nor a commitment to act: it is not coded. (Negated facts are, as 'negated';
    refusals are coded REJECT by the extractor.)"""
    return not (cand.polarity == "negated" and cand.modality in ("intended", "hypothetical"))


def deduplicate(candidates: list[Candidate]) -> list[Candidate]:
    """One candidate per (sentence, type, source, target); a targetless candidate is dropped when the
    same source has a targeted one of the same type in that sentence ("took to the streets … to protest
    against X" is one protest, against X)."""
    return [candidates[k] for k in deduplicated_positions(candidates)]


def deduplicated_positions(candidates: list[Candidate]) -> list[int]:
    """The positions of the candidates `deduplicate` keeps, in order."""
    seen: dict[tuple, int] = {}
    for k, cand in enumerate(candidates):
        target = cand.target.actor_id if cand.target else None
        seen.setdefault(_party_key(cand) + (target,), k)
    kept = list(seen.values())
    targeted = {_party_key(candidates[k]) for k in kept if candidates[k].target is not None}
    return [k for k in kept if candidates[k].target is not None or _party_key(candidates[k]) not in targeted]


def _party_key(cand: Candidate) -> tuple:
    """(source id, type, sentence): what two candidates of one event share, whatever their target."""
    return (cand.source.actor_id if cand.source else None, cand.plover, cand.sentence_start)


def evidence_span(text: str, sent: "Span", start: int, end: int) -> tuple[int, int]:
    """The trigger's sentence, cut at blank lines: the parser sometimes runs a sentence across a
    paragraph break, and a person checking the event should see only the trigger's own paragraph."""
    s, e = sent.start_char, sent.end_char
    before = text.rfind("\n", s, start)
    if before != -1:
        s = before + 1
    after = text.find("\n", end, e)
    if after != -1:
        e = after
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _pair_input(doc: ArticleDoc, cand: Candidate):
    from diurna.events.classifier import PairInput  # only reached when a classifier is loaded

    sdoc = doc.spacy_doc
    trigger = sdoc[cand.trigger_start]
    s, e = evidence_span(doc.text, trigger.sent, trigger.idx, trigger.idx + len(trigger))

    def span(arg):
        if arg is None:
            return None
        m = arg.mention
        if m.start < s or m.end > e:
            return None
        return (m.start - s, m.end - s)

    return PairInput(sentence=doc.text[s:e], source=span(cand.source), target=span(cand.target))


def _load_classifier(encoder: bool):
    """The PLOVER pair classifier when its module and model are installed, else None (dictionary alone)."""
    try:
        from diurna.events.classifier import PloverClassifier
    except ImportError:
        return None
    try:
        return PloverClassifier.load(encoder=encoder)
    except Exception as exc:  # model files absent or unreadable: code with the dictionary alone
        log.info("event classifier not available (%s); coding with the dictionaries alone", exc)
        return None
