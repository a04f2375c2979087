"""The event verifier: the probability that an event the stage is about to emit is right (issue #26).

The rules and the pair classifier decide *whether* a candidate is an event; the verifier says *how
likely* the event is right as a whole — its type, its source and its target, the real-text scorer's
strict match (../shared/data/realnews-dev/score.py) — from what the stage knows and a record does not
show: which rule proposed the candidate and where its type came from, whether the pair classifier
agreed and how sure it was, how each role was filled (the extraction rule, the argument chooser, the
story's agent) and what kind of actor filled it (named, description, pronoun; known to the KB; its
country stated or inferred), the trigger's part of speech and lemma, whether it is inside a quote,
where the sentence stands in the article, and the other events of its sentence.

It is a logistic model over sparse named features, weights in JSON (model/verifier.json), numpy-free
at run time; `scripts/train_verifier.py` fits it on the tuning part of the real-text set (grouped by
article, out-of-fold figures in docs/evaluation.md; the argument chooser's probabilities it learns
from are out of fold too) and writes the file. The stage writes the probability as the event's
`confidence` and drops events below the model's threshold (chosen on held-out articles; applied only
to texts that read as a story, EventStage.threshold_for) or the user's `--min-confidence`.

`facts` (what the stage knows, JSON-able so that training caches it) and `features` (their encoding)
are kept apart: a new encoding is retrained from cached facts without coding the articles again.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import pathlib
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from diurna.document import ArticleDoc
from diurna.events.arguments import Argument, Candidate
from diurna.learned import logistic

if TYPE_CHECKING:
    from diurna.records import Event

log = logging.getLogger(__name__)

MODEL_PATH = pathlib.Path(__file__).parent / "model" / "verifier.json"
ENCODING = "verifier-facts-4"  # bump when `facts` or `features` change meaning: the model must be retrained


@dataclass(frozen=True)
class Judged:
    """One event the stage is about to emit, with what the stage knows of it."""

    cand: Candidate  # the candidate as emitted (roles possibly filled by the argument chooser)
    plover: str  # the type it is emitted with (the classifier may have relabelled it)
    prior: float  # the stage's combined confidence (origin prior and classifier; stage.combine)
    reading: Optional[object]  # the pair classifier's PairPrediction for this pair, None without one
    ruled: Candidate  # the candidate as the rules (and story agents) made it, before the argument chooser


# ------------------------------------------------------------------ facts


def _role_facts(doc: ArticleDoc, prefix: str, arg: Optional[Argument], ruled: Optional[Argument], story: bool) -> dict:
    """How a role was filled and by what kind of actor."""
    if arg is None:
        return {prefix: "none", prefix + "_by": "chooser" if ruled is not None else "none"}
    if ruled is None or ruled.actor_id != arg.actor_id:
        by = "chooser"
    else:
        by = "story" if story else "rule"
    actor = doc.actor(arg.actor_id)
    out = {prefix: arg.mention.how, prefix + "_by": by}
    if actor is not None:
        out.update(
            {
                prefix + "_kb": actor.kb_id is not None,
                prefix + "_country": "inferred"
                if actor.country_inferred
                else ("stated" if actor.country is not None else "none"),
                prefix + "_sector": actor.sector or "none",
                prefix + "_kind": actor.kind,
                prefix + "_mentions": len(actor.mentions),
                prefix + "_coded": actor.code is not None,
            }
        )
    # the word that names it ("medics", "protesters", "ministry"): some heads are rarely a party
    head = doc.spacy_doc[max(arg.mention.token_start, arg.mention.token_end - 1)]
    out[prefix + "_head"] = head.lemma_.lower()
    return out


def _reading_facts(plover: str, reading) -> dict:
    if reading is None:
        return {"clf": "absent"}
    scores = reading.scores
    own = scores.get("YIELD" if plover in ("CONCEDE", "RETREAT") else plover, 0.0)
    agrees = reading.type == plover or (reading.type in ("CONCEDE", "RETREAT") and plover in ("CONCEDE", "RETREAT"))
    return {
        "clf": "agrees" if agrees else ("none" if reading.type == "NONE" else "other"),
        "clf_type": reading.type,
        "clf_p": round(reading.confidence, 4),
        "clf_p_own": round(own, 4),
        "clf_p_none": round(scores.get("NONE", 0.0), 4),
    }


def candidate_key(cand: Candidate) -> tuple:
    """A candidate named by what it is (trigger, type, rule, roles' mentions), stable across copies."""

    def role(arg: Optional[Argument]):
        return None if arg is None else (arg.actor_id, arg.mention.token_start, arg.mention.token_end)

    return (cand.trigger_start, cand.trigger_end, cand.plover, cand.rule, role(cand.source), role(cand.target))


def _argument_facts(doc: ArticleDoc, cand: Candidate, ruled: Candidate, model, seen: dict) -> dict:
    """How sure the learned argument chooser is of the roles as filled: its probability for the
    filled actor and for the best other actor of the sentence, per role (one of the surest signals
    of a wrong source or target, which are most of the wrong events). The probabilities are those of
    the options as the chooser saw them, the rules' candidate (`ruled`): read off the emitted
    candidate, a mention the chooser added would carry the features that say the rules chose it,
    and the verifier would take a guess for a rule's choice. `seen` holds each rules' candidate's
    options, computed once per candidate of the article (keyed by `candidate_key`, never by id())."""
    from diurna.events.argmodel import candidate_options

    key = candidate_key(ruled)
    if key not in seen:
        opts = candidate_options(doc, ruled)
        seen[key] = [
            (
                o.mention.actor_id,
                {role: model.probability(role, o.features) for role in ("source", "target") if role in model.weights},
            )
            for o in opts
        ]
    opts = seen[key]
    out = {"options": len(opts)}
    for role, arg in (("source", cand.source), ("target", cand.target)):
        if role not in model.weights:
            continue
        mine, other = [], [0.0]
        for actor_id, p in opts:
            (mine if arg is not None and actor_id == arg.actor_id else other).append(p[role])
        out[role + "_argp"] = round(max(mine), 4) if mine else (-1.0 if arg is not None else 0.0)
        out[role + "_argp_other"] = round(max(other), 4)
    return out


def facts(doc: ArticleDoc, judged: list[Judged], events: list["Event"], arguments=None) -> list[dict]:
    """What the stage knows of each event it is about to emit (`events[k]` is `judged[k]`'s record);
    `arguments`: the stage's argument model (diurna.events.argmodel), when it has one."""
    sdoc = doc.spacy_doc
    sentences = {s.start: k for k, s in enumerate(sdoc.sents)}
    n_sentences = max(1, len(sentences))
    per_sentence: dict[int, list[Judged]] = {}
    for j in judged:
        per_sentence.setdefault(j.cand.sentence_start, []).append(j)
    sources = [j.cand.source.actor_id if j.cand.source else None for j in judged]
    events_of = Counter(sources)  # each source's events in the article
    out = []
    options_seen: dict[tuple, list] = {}
    for j, event, source in zip(judged, events, sources):
        cand = j.cand
        trigger = sdoc[cand.trigger_start]
        sent = trigger.sent
        rule, _, agent_rule = cand.rule.partition(":")
        same_sentence = per_sentence.get(cand.sentence_start, [])
        target = cand.target.actor_id if cand.target else None
        f = {
            "type": j.plover,
            "origin": cand.sense.origin,
            "rule": rule,
            "agent_rule": agent_rule or "none",
            "relabelled": j.plover != cand.plover,
            "mode": event.mode or "none",
            "modality": cand.modality,
            "polarity": cand.polarity,
            "prior": round(j.prior, 4),
            "pos": trigger.pos_,
            "dep": trigger.dep_,
            "lemma": trigger.lemma_.lower(),
            "trigger_tokens": cand.trigger_end - cand.trigger_start,
            "trigger_is_root": trigger.head.i == trigger.i,
            "quoted": event.attributed_to is not None,
            "sentence_index": sentences.get(sent.start, 0),
            "sentence_share": round(sentences.get(sent.start, 0) / n_sentences, 4),
            "sentence_tokens": len(sent),
            "evidence_chars": event.sentence.end - event.sentence.start,
            "in_sentence": len(same_sentence),
            "same_type_in_sentence": sum(o.plover == j.plover for o in same_sentence) - 1,
            "same_trigger": sum(o.cand.trigger_start == cand.trigger_start for o in same_sentence) - 1,
            "same_type_source_in_sentence": sum(
                o.plover == j.plover and (o.cand.source.actor_id if o.cand.source else None) == source
                for o in same_sentence
            )
            - 1,
            "source_events": events_of[source] if source else 0,
            "events_in_article": len(judged),
            "same_actor": source is not None and source == target,
            "date_stated": event.date is not None and event.date.text is not None,
            "place": event.place is not None,
        }
        f.update(_reading_facts(j.plover, j.reading))
        if arguments is not None:
            f.update(_argument_facts(doc, cand, j.ruled, arguments, options_seen))
        f.update(_role_facts(doc, "source", cand.source, j.ruled.source, bool(agent_rule)))
        f.update(_role_facts(doc, "target", cand.target, j.ruled.target, False))
        for role, arg in (("source", cand.source), ("target", cand.target)):
            if arg is not None:
                f[role + "_distance"] = abs(arg.mention.token_start - cand.trigger_start)
                f[role + "_side"] = "before" if arg.mention.token_start < cand.trigger_start else "after"
        out.append(f)
    return out


# ------------------------------------------------------------------ features


def _bin(value: float, edges: tuple) -> str:
    for edge in edges:
        if value <= edge:
            return "<=%s" % edge
    return ">%s" % edges[-1]


CATEGORICAL = (
    "type origin rule agent_rule relabelled mode modality polarity pos dep quoted trigger_is_root same_actor "
    "date_stated place clf clf_type source source_by source_kb source_country source_sector source_kind "
    "target target_by target_kb target_country target_sector target_kind source_coded target_coded "
    "source_head target_head source_side target_side"
).split()
BINNED = {
    "trigger_tokens": (1, 2),
    "sentence_index": (0, 1, 3, 7, 15),
    "sentence_tokens": (12, 25, 40, 60),
    "evidence_chars": (80, 160, 260),
    "in_sentence": (1, 2, 3, 5),
    "same_type_in_sentence": (0, 1, 2),
    "same_trigger": (0, 1),
    "same_type_source_in_sentence": (0, 1),
    "source_events": (0, 1, 2, 4, 8),
    "events_in_article": (2, 5, 10, 20),
    "source_mentions": (1, 2, 4, 8),
    "target_mentions": (1, 2, 4, 8),
    "options": (1, 2, 3, 5),
    "source_argp": (-0.5, 0.0, 0.1, 0.3, 0.5, 0.7, 0.9),
    "target_argp": (-0.5, 0.0, 0.1, 0.3, 0.5, 0.7, 0.9),
    "source_argp_other": (0.1, 0.3, 0.5, 0.7),
    "target_argp_other": (0.1, 0.3, 0.5, 0.7),
    "source_distance": (1, 3, 6, 12),
    "target_distance": (1, 3, 6, 12),
    "prior": (0.3, 0.5, 0.65, 0.8, 0.9),
    "clf_p_own": (0.1, 0.25, 0.5, 0.75),
}
NUMERIC = ("prior", "clf_p", "clf_p_own", "clf_p_none", "sentence_share")
# the argument chooser's probabilities, where the role is filled by an actor among its options
ARGUMENT_P = ("source_argp", "target_argp", "source_argp_other", "target_argp_other")
# pairs whose meaning depends on each other: a rule is reliable for one type and not another, a
# filled target matters for a directed type, the classifier's agreement means more for some types
CROSSES = (
    ("type", "origin"),
    ("type", "rule"),
    ("type", "clf"),
    ("type", "target"),
    ("type", "source"),
    ("type", "target_by"),
    ("type", "source_by"),
    ("type", "lemma"),
    ("type", "modality"),
    ("type", "quoted"),
    ("rule", "clf"),
    ("type", "target_sector"),
    ("type", "source_sector"),
    ("type", "source_side"),
    ("type", "target_side"),
    ("target_by", "target"),
)


def features(f: dict) -> dict[str, float]:
    """The named features of one event's facts (a name absent from the model weighs nothing)."""
    out: dict[str, float] = {}
    for name in CATEGORICAL:
        if name in f:
            out["%s=%s" % (name, f[name])] = 1.0
    out["lemma=" + f["lemma"]] = 1.0
    for name, edges in BINNED.items():
        if name in f:
            out["%s%s" % (name, _bin(f[name], edges))] = 1.0
    for name in NUMERIC:
        if name in f:
            out[name] = float(f[name])
    for name in ARGUMENT_P:
        if f.get(name, -1.0) >= 0.0:
            out[name] = float(f[name])
    for a, b in CROSSES:
        if a in f and b in f:
            out["%s=%s&%s=%s" % (a, f[a], b, f[b])] = 1.0
    return out


# ------------------------------------------------------------------ the model


@dataclass(frozen=True)
class Verifier:
    """A logistic model: p = 1 / (1 + exp(-(bias + sum of weights of the features present)))."""

    weights: dict[str, float]
    bias: float
    threshold: float = 0.0  # events below it are dropped by default (0: none; see the training report)
    meta: Optional[dict] = None

    @classmethod
    def read(cls, path: pathlib.Path = MODEL_PATH) -> "Verifier":
        data = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
        if data.get("encoding") != ENCODING:
            raise ValueError(
                "verifier model %s was built for features %r, this code computes %r; rebuild it with "
                "scripts/train_verifier.py" % (path, data.get("encoding"), ENCODING)
            )
        return cls(
            weights=dict(data["weights"]),
            bias=float(data["bias"]),
            threshold=float(data.get("threshold", 0.0)),
            meta=data.get("meta"),
        )

    def probability(self, feats: dict[str, float]) -> float:
        return logistic(self.bias, self.weights, feats)

    def probabilities(
        self, doc: ArticleDoc, judged: list[Judged], events: list["Event"], arguments=None
    ) -> list[float]:
        return [self.probability(features(f)) for f in facts(doc, judged, events, arguments)]


@functools.lru_cache(maxsize=1)
def default_verifier() -> Optional[Verifier]:
    """The packaged verifier, or None (events keep the stage's prior confidence) when its file is
    absent or was built for other features. `DIURNA_VERIFIER_MODEL_FILE` names another model file (a
    refit coded end to end on held-out text before it replaces the packaged one)."""
    path = pathlib.Path(os.environ.get("DIURNA_VERIFIER_MODEL_FILE") or MODEL_PATH)
    if not path.is_file():
        log.info("event verifier not available (%s missing); confidences are the stage's priors", path)
        return None
    try:
        return Verifier.read(path)
    except (ValueError, KeyError, OSError) as exc:
        log.warning("event verifier not used: %s", exc)
        return None
