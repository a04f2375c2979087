"""A learned event detector beside the dictionaries: is this verb an event, and of which PLOVER type?

The trigger lexicons code the verbs someone wrote down; real news uses many they lack ("sealed off
roads", "pelted", "rounded up", "stormed"). This detector reads a verb in its clause and gives a
probability for each PLOVER root type and for NONE. The extractor asks it only about verbs no lexicon
entry codes, and takes its answer only when it is confident and the parse gives the event a source
(candidates.py, rule "detector"); its contribution is measured with and without it
(docs/evaluation.md).

Features are named and readable (the verb's lemma, its object's and prepositions' lemmas, what kind
of entity its subject and object are, what the lexicons say of the lemma, negation and modals); the
model is a multinomial logistic regression fitted by `scripts/train_detector.py` on real sentences
(PLV_train's marked events, and the tuning half of the real-text set: verbs inside a gold event's
evidence and verbs of sentences that report no event), stored as numpy arrays and read with numpy
alone. Featurizer and trainer are this module's code, so they cannot drift apart.
"""

from __future__ import annotations

import functools
import json
import logging
import pathlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

import numpy as np

if TYPE_CHECKING:
    from spacy.tokens import Token

log = logging.getLogger(__name__)
MODEL_DIR = pathlib.Path(__file__).resolve().parent / "model" / "detector"
ENCODING = "verb-features-v2"  # bump when features change: an older model is then refused
DENSE_ROLES = ("verb", "subject", "object")  # whose contextual vectors (spaCy tok2vec) are features
NONE = "NONE"
# How a verb's probabilities become an answer (chosen with the threshold by scripts/train_detector.py):
# "argmax": the most probable label, when it is an event type at or above the threshold;
# "event-mass": the most probable event type, when all event types together (1 - P(NONE)) reach the
# threshold: a verb the model finds eventful but splits between two close types (ASSAULT, COERCE) is
# still proposed.
DECISIONS = ("argmax", "event-mass")
ENTITY_KINDS = {"PERSON": "person", "ORG": "org", "GPE": "state", "NORP": "group", "LOC": "place", "FAC": "place"}


def _entity_kind(token: "Token") -> str:
    """What a subject or object is: a named entity's kind, else a pronoun or a plain noun."""
    for t in token.subtree:
        if t.ent_type_ in ENTITY_KINDS:
            return ENTITY_KINDS[t.ent_type_]
    if token.pos_ == "PRON":
        return "pron"
    return "noun" if token.pos_ in ("NOUN", "PROPN") else "other"


def features(verb: "Token", lexicon_type: Optional[str] = None) -> list[str]:
    """The named features of a verb in its clause."""
    lemma = verb.lemma_.lower()
    out = ["lemma=" + lemma, "tag=" + verb.tag_, "dep=" + verb.dep_]
    if lexicon_type:
        out.append("lex=" + lexicon_type)
    for child in verb.children:
        dep = child.dep_
        if dep in ("nsubj", "nsubjpass", "agent"):
            out.append("%s=%s" % (dep, _entity_kind(child)))
        elif dep in ("dobj", "attr", "oprd"):
            obj = child.lemma_.lower()
            out += ["obj=" + obj, "obj_kind=" + _entity_kind(child), "lemma_obj=%s_%s" % (lemma, obj)]
        elif dep == "prep":
            objs = [g.lemma_.lower() for g in child.children if g.dep_ == "pobj"]
            out.append("prep=" + child.lower_)
            out += ["prep_obj=%s_%s" % (child.lower_, o) for o in objs]
            out += ["lemma_prep=%s_%s" % (lemma, child.lower_)]
            out += ["prep_kind=%s_%s" % (child.lower_, _entity_kind(g)) for g in child.children if g.dep_ == "pobj"]
        elif dep == "prt":
            out.append("lemma_prt=%s_%s" % (lemma, child.lower_))
        elif dep == "neg":
            out.append("neg")
        elif dep == "aux" and child.lower_ in ("will", "would", "could", "may", "might", "should", "must", "to"):
            out.append("aux=" + child.lower_)
        elif dep in ("xcomp", "ccomp"):
            out.append("comp=" + child.lemma_.lower())
    if verb.dep_ in ("xcomp", "ccomp", "advcl", "conj", "relcl"):
        out.append("head=%s_%s" % (verb.dep_, verb.head.lemma_.lower()))
    return out


def dense(verb: "Token") -> np.ndarray:
    """The parser's own contextual vectors of the verb, its subject and its object, each scaled to unit
    length (zeros where the role is empty): they let the model generalise from the verbs it was
    trained on to verbs it never saw ("sealed off" near "blocked"), which lemma features cannot."""
    roles = {"verb": verb, "subject": None, "object": None}
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and roles["subject"] is None:
            roles["subject"] = child
        elif child.dep_ in ("dobj", "attr") and roles["object"] is None:
            roles["object"] = child
    width = verb.doc.tensor.shape[1] if verb.doc.tensor is not None and verb.doc.tensor.size else 0
    parts = []
    for role in DENSE_ROLES:
        token = roles[role]
        vector = (
            np.asarray(token.vector, dtype=np.float32) if token is not None and width else np.zeros(width, np.float32)
        )
        norm = float(np.linalg.norm(vector))
        parts.append(vector / norm if norm else vector)
    return np.concatenate(parts) if parts else np.zeros(0, np.float32)


@dataclass(frozen=True)
class Detection:
    type: str  # a PLOVER type or NONE
    probability: float


class EventDetector:
    """The fitted model: a vocabulary of feature names and a weight matrix over the labels."""

    def __init__(
        self,
        vocabulary: dict[str, int],
        labels: list[str],
        weights: np.ndarray,
        bias: np.ndarray,
        threshold: float,
        decision: str = "argmax",
    ):
        if decision not in DECISIONS:
            raise ValueError("unknown detector decision %r" % decision)
        self.vocabulary, self.labels = vocabulary, labels
        self.weights, self.bias, self.threshold, self.decision = weights, bias, threshold, decision

    @classmethod
    def load(cls, directory: pathlib.Path = MODEL_DIR) -> "EventDetector":
        meta = json.loads((directory / "detector.json").read_text(encoding="utf-8"))
        if meta.get("encoding") != ENCODING:
            raise ValueError(
                "event detector model %s was built for features %r, not %r"
                % (directory, meta.get("encoding"), ENCODING)
            )
        arrays = np.load(directory / "detector.npz")
        return cls(
            meta["vocabulary"],
            meta["labels"],
            arrays["weights"],
            arrays["bias"],
            meta["threshold"],
            meta.get("decision", "argmax"),
        )

    def probabilities(self, names: list[str], vector: np.ndarray) -> np.ndarray:
        idx = [self.vocabulary[n] for n in set(names) if n in self.vocabulary]
        n_sparse = len(self.vocabulary)
        scores = self.weights[:, idx].sum(axis=1) + self.bias
        if vector.size and self.weights.shape[1] == n_sparse + vector.size:
            scores = scores + self.weights[:, n_sparse:] @ vector
        scores = np.exp(scores - scores.max())
        return scores / scores.sum()

    def detect(self, verb: "Token", lexicon_type: Optional[str] = None) -> Detection:
        """The verb's answer: a type with the confidence the threshold is compared with (decide)."""
        return decide(self.probabilities(features(verb, lexicon_type), dense(verb)), self.labels, self.decision)


def decide(p: np.ndarray, labels: list[str], decision: str = "argmax") -> Detection:
    """The answer of one verb's probabilities under a decision (DECISIONS); the trainer selects with
    this same function, so selection and stage cannot differ."""
    if decision == "argmax":
        best = int(p.argmax())
        return Detection(labels[best], float(p[best]))
    none = labels.index(NONE)
    events = p.copy()
    events[none] = -1.0
    return Detection(labels[int(events.argmax())], float(1.0 - p[none]))


@functools.lru_cache(maxsize=1)
def default_detector() -> Optional[EventDetector]:
    """The packaged detector, or None when its files are absent or from other features."""
    try:
        return EventDetector.load()
    except (OSError, ValueError, KeyError) as exc:
        log.info("event detector not available (%s); the dictionaries alone propose events", exc)
        return None
