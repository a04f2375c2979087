"""The PLOVER pair classifier: which event type, if any, links a source and a target in a sentence.

Two models vote, each giving probabilities over 16 labels (the 15 PLV labels, where YIELD stands
for CONCEDE + RETREAT, plus NONE), and the classifier averages them:

- a multinomial logistic regression over named features of the pair (pair_features.py): words and
  character n-grams by their position relative to the two actors, and the PLOVER categories
  diurna's trigger lexicons give those words. Numpy only; `scripts/train_classifier.py` fits it with scikit-learn
  and uses the same featurizer, so training and prediction cannot drift apart;
- all-MiniLM-L6-v2 fine-tuned on the same pairs (diurna/events/encoder.py, int8 ONNX, trained by
  `scripts/train_encoder.py`). It reads word order and context the bag of features cannot.

The average beats either model alone on cross-validation; `load(encoder=False)` gives the linear
model alone, several times faster. `diurna/events/model/README.md` says how both were trained.
"""

from __future__ import annotations

import functools
import json
import logging
import pathlib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

import numpy as np

# The features live in pair_features.py; `inflections`, `words_of` and `zones_of` are imported from
# here by the tests, the benchmarks and the training scripts, so this module re-exports them.
from diurna.events.pair_features import (  # noqa: F401
    PairFeaturizer,
    RegionLexicon,
    inflections,
    words_of,
    zones_of,
)

if TYPE_CHECKING:
    from diurna.events.encoder import EncoderModel

log = logging.getLogger(__name__)
MODEL_DIR = pathlib.Path(__file__).resolve().parent / "model"
ENCODING = "pair-features-v1"  # bump when the features change: old model files are then refused
NONE = "NONE"


@dataclass(frozen=True)
class PairInput:
    sentence: str
    source: tuple[int, int] | None  # char span of the source actor inside `sentence`, None if absent
    target: tuple[int, int] | None  # char span of the target actor, None if absent


@dataclass(frozen=True)
class PairPrediction:
    type: str  # a PLOVER v2 type (CONCEDE/RETREAT, never YIELD) or "NONE"
    confidence: float  # probability of `type`
    scores: dict[str, float]  # label -> probability, over the model's labels (YIELD kept as one label here)


def find_span(sentence: str, phrase: str | None) -> tuple[int, int] | None:
    """Character span of `phrase` in `sentence`: exact match first, then case-insensitive; None if absent.

    The first occurrence is taken: the pair files name actors by their text only, so when a
    name occurs twice nothing tells which occurrence was meant.
    """
    if not phrase or not phrase.strip():
        return None
    phrase = phrase.strip()
    at = sentence.find(phrase)
    if at < 0:
        at = sentence.lower().find(phrase.lower())
    return (at, at + len(phrase)) if at >= 0 else None


# --- YIELD -> CONCEDE / RETREAT -------------------------------------------------------------
# PLV (and CAMEO) have one YIELD class; PLOVER v2 splits it. The codebook's line: RETREAT is a
# concession with immediate material consequences (withdrawing, releasing, returning, disarming,
# observing a ceasefire, allowing access, resigning); CONCEDE is verbal (apologies, admissions,
# pardons and amnesties, easing restrictions or curfews) and includes *announced or promised*
# retreats ("said it would withdraw troops" is CONCEDE). So: a verbal-concession cue wins; a
# retreat cue that is promised or future is CONCEDE; a retreat cue otherwise is RETREAT; with no
# cue at all, CONCEDE (a concession with no material act described is a verbal one).
_VERBAL_CONCESSION = re.compile(
    r"\b(apolog\w*|regret\w*|remorse|admit\w*\s+(?:that|to|guilt|responsibility|wrongdoing|mistakes?|fault)"
    r"|conced\w*|acknowledg\w*|pardon\w*|amnest\w*|acquit\w*|clemency"
    r"|lift\w*|eas(?:e|ed|es|ing)|relax\w*|waiv\w*|scrap\w*|revok\w*|reversed?|backtrack\w*|back(?:ed|s)?\s+down"
    r"|dropp?\w*\s+(?:its\s+|their\s+|his\s+|her\s+|the\s+)?(?:demands?|charges?|objections?|claims?|case)"
    r"|accede\w*|gave\s+in|give\s+in|comply|complied)\b",
    re.IGNORECASE,
)
_RETREAT = re.compile(
    r"\b(withdr[ae]w\w*|pull(?:ed|s|ing)?\s+(?:[\w-]+\s+){0,3}?(?:out|back)\b|retreat\w*|evacuat\w*|ced(?:e|ed|es|ing)"
    r"|releas\w*|freed|frees|set\s+free|swapp?\w*|exchang\w*\s+(?:of\s+)?(?:prisoners|captives|detainees)"
    r"|return\w*|repatriat\w*|hand(?:ed|s|ing)?\s+(?:over|back)"
    r"|disarm\w*|demobili[sz]\w*|decommission\w*|la(?:y|id)\s+down|surrender\w*"
    r"|ceasefire|cease-fire|truce|halt\w*|stopp?\w*\s+(?:fighting|attacks|shelling|the\s+offensive)"
    r"|allow\w*\s+(?:[\w-]+\s+){0,8}?(?:access|entry|in|into|through)\b|admitted|let\s+in"
    r"|open\w*\s+(?:the\s+)?(?:border|crossing|corridor)|access"
    r"|resign\w*|step(?:s|ped|ping)?\s+down|quit\w*)\b",
    re.IGNORECASE,
)
_FUTURE_AFTER = re.compile(r"^\W*(?:[\w-]+\W+){0,3}?(will|would|shall|is\s+to|are\s+to|set\s+to)\b", re.IGNORECASE)
_PROMISE = re.compile(
    r"\b(will|would|shall|'ll|plans?|planning|pledg\w*|promis\w*|vow\w*|agree\w*|offer\w*|intend\w*"
    r"|ready|willing|prepared|set\s+to|expected\s+to|to\s+be|announc\w*|declar\w*)\b",
    re.IGNORECASE,
)


def split_yield(pair: PairInput) -> str:
    """CONCEDE or RETREAT for a pair the model put in YIELD, by the lexical rule above."""
    region = _trigger_region(pair)
    if _VERBAL_CONCESSION.search(region):
        return "CONCEDE"
    retreat = _RETREAT.search(region)
    if retreat is None:
        return "CONCEDE"
    if _PROMISE.search(region[: retreat.start()]) or _FUTURE_AFTER.search(region[retreat.end() :]):
        return "CONCEDE"  # announced, promised or future: "would withdraw", "the truce will start"
    return "RETREAT"


def _trigger_region(pair: PairInput) -> str:
    """Where the event's trigger is: from the first actor to a little past the last one.

    Looking at the whole sentence would let a second clause ("..., after the army withdrew")
    decide; the trigger of the pair's own event sits between or just after its actors.
    """
    spans = [s for s in (pair.source, pair.target) if s is not None]
    if not spans:
        return pair.sentence
    start = min(s[0] for s in spans)
    end = max(s[1] for s in spans)
    return pair.sentence[start : end + 80]


# --- the model -------------------------------------------------------------------------------
@dataclass(frozen=True)
class LinearModel:
    """Multinomial logistic regression over L2-normalised TF-IDF blocks of named features.

    Features are grouped into blocks by the prefix of their name ("wb", "c", "lex", ...); each
    block is scaled to unit length separately so a long sentence's many character n-grams cannot
    drown its few lexicon hits. Everything is numpy: scikit-learn is used to fit, never to predict.
    """

    labels: tuple[str, ...]
    vocabulary: dict[str, int]  # feature name -> column
    idf: np.ndarray  # [n_features]
    block: np.ndarray  # [n_features] block number of each column
    block_weight: np.ndarray  # [n_blocks]
    weights: np.ndarray  # [n_features, n_labels]
    bias: np.ndarray  # [n_labels]

    def vectorise(self, features: dict[str, float]) -> tuple[np.ndarray, np.ndarray]:
        """(columns, values) of one pair's sparse feature vector."""
        columns = [self.vocabulary[name] for name in features if name in self.vocabulary]
        if not columns:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        columns_array = np.array(columns, dtype=np.int64)
        counts = np.array([features[name] for name in features if name in self.vocabulary])
        return columns_array, block_normalise(
            columns_array, (1.0 + np.log(counts)) * self.idf[columns_array], self.block, self.block_weight
        )

    def probabilities(self, features: Sequence[dict[str, float]]) -> np.ndarray:
        logits = np.tile(self.bias, (len(features), 1))
        for row, named in enumerate(features):
            columns, values = self.vectorise(named)
            logits[row] += values @ self.weights[columns]
        return _softmax(logits)

    def save(self, path: pathlib.Path) -> None:
        names = sorted(self.vocabulary, key=self.vocabulary.get)
        np.savez_compressed(
            path,
            labels=np.array(self.labels),
            names=np.array(names),
            idf=self.idf.astype(np.float32),
            block=self.block.astype(np.int16),
            block_weight=self.block_weight.astype(np.float32),
            weights=self.weights.astype(np.float32),
            bias=self.bias.astype(np.float32),
        )

    @classmethod
    def read(cls, path: pathlib.Path) -> "LinearModel":
        with np.load(path, allow_pickle=False) as data:
            names = [str(n) for n in data["names"]]
            return cls(
                tuple(str(x) for x in data["labels"]),
                {n: i for i, n in enumerate(names)},
                data["idf"].astype(np.float64),
                data["block"].astype(np.int64),
                data["block_weight"].astype(np.float64),
                data["weights"].astype(np.float64),
                data["bias"].astype(np.float64),
            )


BLOCKS = ("order", "gap", "wb", "wa", "wl", "bib", "bia", "bil", "ws", "head", "c", "lex", "neg", "modal", "contrast")


def block_of(name: str) -> int:
    """Block number of a feature name: its prefix up to '=' (or the whole name), cues grouped."""
    prefix = name.split("=", 1)[0]
    for number, block in enumerate(BLOCKS):
        if (
            prefix == block
            or (block in ("lex", "neg", "modal", "contrast") and prefix.startswith(block))
            or (block == "head" and prefix.startswith("head"))
        ):
            return number
    raise ValueError("feature %r belongs to no block" % name)


def block_normalise(columns: np.ndarray, values: np.ndarray, block: np.ndarray, block_weight: np.ndarray) -> np.ndarray:
    blocks = block[columns]
    norms = np.zeros(len(block_weight))
    np.add.at(norms, blocks, values**2)
    norms = np.sqrt(norms)
    norms[norms == 0] = 1.0
    return values / norms[blocks] * block_weight[blocks]


class PloverClassifier:
    """Predicts a PLOVER type or NONE for (sentence, source, target) pairs; load once per process."""

    def __init__(self, model: LinearModel, featurizer: PairFeaturizer, encoder: "EncoderModel | None" = None):
        self.model = model
        self.labels: list[str] = list(model.labels)
        self.featurizer = featurizer
        if encoder is not None and list(encoder.labels) != self.labels:
            raise RuntimeError(
                "the encoder model's labels %s differ from the linear model's %s; retrain both"
                % (encoder.labels, self.labels)
            )
        self.encoder = encoder

    @classmethod
    def load(cls, encoder: bool = True) -> "PloverClassifier":
        """The packaged model, loaded on first use and shared by every caller in the process.
        `encoder=False` gives the linear model alone (faster, less accurate)."""
        return _load_packaged(encoder)

    @classmethod
    def from_dir(cls, model_dir: str | pathlib.Path, encoder: bool = True) -> "PloverClassifier":
        """A model from another directory (training and cross-validation use this). The fine-tuned
        encoder in its `encoder/` folder is used when present and `encoder` is true."""
        model_dir = pathlib.Path(model_dir)
        meta = json.loads((model_dir / "labels.json").read_text(encoding="utf-8"))
        if meta.get("encoding") != ENCODING:
            raise RuntimeError(
                "classifier model in %s was built for features %r, this code computes %r; "
                "rebuild it with scripts/train_classifier.py" % (model_dir, meta.get("encoding"), ENCODING)
            )
        fine_tuned = None
        if encoder and (model_dir / "encoder" / "model.onnx").is_file():
            from diurna.events.encoder import EncoderModel

            fine_tuned = EncoderModel(model_dir / "encoder")
        elif encoder and model_dir == MODEL_DIR:  # the package lost a file: say so, then go on with less
            log.warning(
                "the fine-tuned encoder is missing from %s; classifying with the linear model alone "
                "(rebuild it with scripts/train_encoder.py)",
                model_dir / "encoder",
            )
        return cls(LinearModel.read(model_dir / "classifier.npz"), PairFeaturizer(RegionLexicon.load()), fine_tuned)

    def probabilities(self, pairs: Sequence[PairInput], batch_size: int = 64) -> np.ndarray:
        """[n_pairs, n_labels] label probabilities, in input order: the linear model's, averaged
        with the fine-tuned encoder's when it is loaded (the average beats either alone on PLV
        cross-validation, docs/evaluation.md)."""
        if not pairs:
            return np.zeros((0, len(self.labels)))
        linear = self.model.probabilities([self.featurizer.features(pair) for pair in pairs])
        if self.encoder is None:
            return linear
        return (linear + self.encoder.probabilities(pairs, batch_size)) / 2

    def predict(self, pairs: Sequence[PairInput], batch_size: int = 64) -> list[PairPrediction]:
        probabilities = self.probabilities(pairs, batch_size)
        return [self._prediction(pair, row) for pair, row in zip(pairs, probabilities)]

    def _prediction(self, pair: PairInput, row: np.ndarray) -> PairPrediction:
        best = int(row.argmax())
        label = self.labels[best]
        if label == "YIELD":
            label = split_yield(pair)
        scores = {name: float(p) for name, p in zip(self.labels, row)}
        return PairPrediction(type=label, confidence=float(row[best]), scores=scores)


@functools.lru_cache(maxsize=2)
def _load_packaged(encoder: bool) -> PloverClassifier:
    if not (MODEL_DIR / "classifier.npz").is_file():
        raise RuntimeError(
            "the event classifier model is missing from %s; rebuild it with "
            "`python scripts/train_classifier.py`" % MODEL_DIR
        )
    return PloverClassifier.from_dir(MODEL_DIR, encoder=encoder)


def _softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=1, keepdims=True)
