"""The PLOVER pair classifier: which event type, if any, links a source and a target in a sentence.

The model is all-MiniLM-L6-v2 fine-tuned with a 16-way head (the 15 PLV labels, where YIELD
stands for CONCEDE + RETREAT, plus NONE), exported to ONNX with int8 weights, and run with
onnxruntime + `tokenizers` + numpy only: no torch at run time. `scripts/train_classifier.py`
rebuilds it; `diurna/events/model/README.md` says how it was trained and what it scores.

Input encoding (shared with the training script, so the two cannot drift apart): the source
span is wrapped in ``@ ... @`` and the target span in ``# ... #`` (typed-marker style of
Zhou & Chen 2021, "An Improved Baseline for Sentence-level Relation Extraction"), and the
head reads the encoder's states at [CLS] and at the two opening markers ("entity start"
pooling, Baldini Soares et al. 2019). A missing actor gets no marker and points at [CLS].
"""
from __future__ import annotations

import functools
import json
import os
import pathlib
import re
from dataclasses import dataclass
from typing import Sequence

import numpy as np

MODEL_DIR = pathlib.Path(__file__).resolve().parent / "model"
ENCODING = "entity-start-markers-v1"   # bump when the text/marker encoding changes
SOURCE_MARK = "@"
TARGET_MARK = "#"
NONE = "NONE"


@dataclass(frozen=True)
class PairInput:
    sentence: str
    source: tuple[int, int] | None   # char span of the source actor inside `sentence`, None if absent
    target: tuple[int, int] | None   # char span of the target actor, None if absent


@dataclass(frozen=True)
class PairPrediction:
    type: str            # a PLOVER v2 type (CONCEDE/RETREAT, never YIELD) or "NONE"
    confidence: float    # probability of `type`
    scores: dict[str, float]   # label -> probability, over the model's labels (YIELD kept as one label here)


@dataclass(frozen=True)
class EncodedBatch:
    """Model inputs for a batch of pairs, padded to the longest."""
    input_ids: np.ndarray        # int64 [batch, length]
    attention_mask: np.ndarray   # int64 [batch, length]
    source_index: np.ndarray     # int64 [batch]: token of the source's opening marker, 0 ([CLS]) if absent
    target_index: np.ndarray     # int64 [batch]


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


def mark_sentence(pair: PairInput) -> tuple[str, int | None, int | None]:
    """The sentence with both actors marked, and the char offsets of the two opening markers.

    Markers are inserted with spaces around them so the tokenizer always splits them off;
    nested spans (a target inside the source) are closed innermost-first.
    """
    inserts: list[tuple[int, int, str, str]] = []   # (position, order at that position, kind, text)
    for kind, span, mark in (("source", pair.source, SOURCE_MARK), ("target", pair.target, TARGET_MARK)):
        if span is None:
            continue
        start, end = _clamp_span(span, len(pair.sentence))
        length = end - start
        if length == 0:
            continue
        # At one position: closings before openings; longer spans open first and close last.
        inserts.append((start, 1_000_000 - length, kind, " %s " % mark))
        inserts.append((end, -1_000_000 + length, "close", " %s " % mark))
    inserts.sort(key=lambda item: (item[0], item[1]))
    pieces: list[str] = []
    opened: dict[str, int] = {}
    cursor = 0
    length_so_far = 0
    for position, _, kind, text in inserts:
        chunk = pair.sentence[cursor:position]
        pieces.append(chunk)
        length_so_far += len(chunk)
        if kind != "close":
            opened[kind] = length_so_far + 1   # the marker character itself, after its leading space
        pieces.append(text)
        length_so_far += len(text)
        cursor = position
    pieces.append(pair.sentence[cursor:])
    return "".join(pieces), opened.get("source"), opened.get("target")


def _clamp_span(span: tuple[int, int], size: int) -> tuple[int, int]:
    start, end = max(0, min(span[0], size)), max(0, min(span[1], size))
    return (start, end) if start <= end else (end, start)


class PairEncoder:
    """Turns pairs into padded model inputs with the MiniLM WordPiece tokenizer."""

    def __init__(self, tokenizer_path: pathlib.Path, max_length: int = 128):
        from tokenizers import Tokenizer
        self.tokenizer = Tokenizer.from_file(str(tokenizer_path))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()   # we window around the markers ourselves
        self.max_length = max_length
        self.cls_id = self.tokenizer.token_to_id("[CLS]")
        self.sep_id = self.tokenizer.token_to_id("[SEP]")
        self.pad_id = self.tokenizer.token_to_id("[PAD]")

    def encode(self, pairs: Sequence[PairInput]) -> EncodedBatch:
        rows = [self._encode_one(pair) for pair in pairs]
        width = max((len(ids) for ids, _, _ in rows), default=2)
        input_ids = np.full((len(rows), width), self.pad_id, dtype=np.int64)
        attention = np.zeros((len(rows), width), dtype=np.int64)
        for i, (ids, _, _) in enumerate(rows):
            input_ids[i, :len(ids)] = ids
            attention[i, :len(ids)] = 1
        return EncodedBatch(input_ids, attention,
                            np.array([s for _, s, _ in rows], dtype=np.int64),
                            np.array([t for _, _, t in rows], dtype=np.int64))

    def _encode_one(self, pair: PairInput) -> tuple[list[int], int, int]:
        text, source_char, target_char = mark_sentence(pair)
        encoding = self.tokenizer.encode(text, add_special_tokens=False)
        ids, offsets = encoding.ids, encoding.offsets
        source_tok = _token_at(offsets, source_char)
        target_tok = _token_at(offsets, target_char)
        start, stop = self._window(len(ids), source_tok, target_tok)
        ids = [self.cls_id] + ids[start:stop] + [self.sep_id]
        return ids, _shift(source_tok, start, stop), _shift(target_tok, start, stop)

    def _window(self, n_tokens: int, source_tok: int | None, target_tok: int | None) -> tuple[int, int]:
        """The slice of at most max_length - 2 tokens to keep, centred on the marked actors."""
        room = self.max_length - 2
        if n_tokens <= room:
            return 0, n_tokens
        anchors = [t for t in (source_tok, target_tok) if t is not None] or [0]
        centre = (min(anchors) + max(anchors)) // 2
        start = max(0, min(centre - room // 2, n_tokens - room))
        return start, start + room


def _token_at(offsets: list[tuple[int, int]], char: int | None) -> int | None:
    if char is None:
        return None
    for i, (start, end) in enumerate(offsets):
        if start <= char < end:
            return i
    return None


def _shift(token: int | None, start: int, stop: int) -> int:
    """Token index after windowing and the leading [CLS]; [CLS] itself when absent or cut off."""
    if token is None or not start <= token < stop:
        return 0
    return token - start + 1


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
    r"|accede\w*|gave\s+in|give\s+in|comply|complied)\b", re.IGNORECASE)
_RETREAT = re.compile(
    r"\b(withdr[ae]w\w*|pull(?:ed|s|ing)?\s+(?:[\w-]+\s+){0,3}?(?:out|back)\b|retreat\w*|evacuat\w*|ced(?:e|ed|es|ing)"
    r"|releas\w*|freed|frees|set\s+free|swapp?\w*|exchang\w*\s+(?:of\s+)?(?:prisoners|captives|detainees)"
    r"|return\w*|repatriat\w*|hand(?:ed|s|ing)?\s+(?:over|back)"
    r"|disarm\w*|demobili[sz]\w*|decommission\w*|la(?:y|id)\s+down|surrender\w*"
    r"|ceasefire|cease-fire|truce|halt\w*|stopp?\w*\s+(?:fighting|attacks|shelling|the\s+offensive)"
    r"|allow\w*\s+(?:[\w-]+\s+){0,8}?(?:access|entry|in|into|through)\b|admitted|let\s+in"
    r"|open\w*\s+(?:the\s+)?(?:border|crossing|corridor)|access"
    r"|resign\w*|step(?:s|ped|ping)?\s+down|quit\w*)\b", re.IGNORECASE)
_FUTURE_AFTER = re.compile(r"^\W*(?:[\w-]+\W+){0,3}?(will|would|shall|is\s+to|are\s+to|set\s+to)\b", re.IGNORECASE)
_PROMISE = re.compile(
    r"\b(will|would|shall|'ll|plans?|planning|pledg\w*|promis\w*|vow\w*|agree\w*|offer\w*|intend\w*"
    r"|ready|willing|prepared|set\s+to|expected\s+to|to\s+be|announc\w*|declar\w*)\b", re.IGNORECASE)


def split_yield(pair: PairInput) -> str:
    """CONCEDE or RETREAT for a pair the model put in YIELD, by the lexical rule above."""
    region = _trigger_region(pair)
    if _VERBAL_CONCESSION.search(region):
        return "CONCEDE"
    retreat = _RETREAT.search(region)
    if retreat is None:
        return "CONCEDE"
    if _PROMISE.search(region[:retreat.start()]) or _FUTURE_AFTER.search(region[retreat.end():]):
        return "CONCEDE"   # announced, promised or future: "would withdraw", "the truce will start"
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
    return pair.sentence[start:end + 80]


# --- the model -------------------------------------------------------------------------------
class PloverClassifier:
    """Predicts a PLOVER type or NONE for (sentence, source, target) pairs; load once per process."""

    def __init__(self, model_dir: pathlib.Path):
        import onnxruntime as ort
        meta = json.loads((model_dir / "labels.json").read_text(encoding="utf-8"))
        if meta.get("encoding") != ENCODING:
            raise RuntimeError("classifier model in %s was built for encoding %r, this code expects %r; "
                               "rebuild it with scripts/train_classifier.py" % (model_dir, meta.get("encoding"), ENCODING))
        self.labels: list[str] = list(meta["labels"])
        self.encoder = PairEncoder(model_dir / "tokenizer.json", int(meta["max_length"]))
        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        # onnxruntime otherwise spins a thread per core in every process; a Ray worker that owns one
        # CPU (Ray sets OMP_NUM_THREADS to its CPU count) must not compete with its neighbours.
        threads = os.environ.get("DIURNA_THREADS") or os.environ.get("OMP_NUM_THREADS")
        if threads and threads.isdigit() and int(threads) > 0:
            options.intra_op_num_threads = int(threads)
            options.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(model_dir / "classifier.onnx"), options,
                                            providers=["CPUExecutionProvider"])

    @classmethod
    def load(cls) -> "PloverClassifier":
        """The packaged model, loaded on first use and shared by every caller in the process."""
        return _load_packaged()

    @classmethod
    def from_dir(cls, model_dir: str | pathlib.Path) -> "PloverClassifier":
        """A model from another directory (training and cross-validation use this)."""
        return cls(pathlib.Path(model_dir))

    def probabilities(self, pairs: Sequence[PairInput], batch_size: int = 64) -> np.ndarray:
        """[n_pairs, n_labels] label probabilities, in input order."""
        result = np.zeros((len(pairs), len(self.labels)), dtype=np.float32)
        # Batches of similar length waste less work on padding.
        order = sorted(range(len(pairs)), key=lambda i: len(pairs[i].sentence))
        for at in range(0, len(order), batch_size):
            chunk = order[at:at + batch_size]
            batch = self.encoder.encode([pairs[i] for i in chunk])
            logits = self.session.run(["logits"], {
                "input_ids": batch.input_ids, "attention_mask": batch.attention_mask,
                "source_index": batch.source_index, "target_index": batch.target_index})[0]
            result[chunk] = _softmax(logits)
        return result

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


@functools.lru_cache(maxsize=1)
def _load_packaged() -> PloverClassifier:
    if not (MODEL_DIR / "classifier.onnx").is_file():
        raise RuntimeError("the event classifier model is missing from %s; rebuild it with "
                           "`python scripts/train_classifier.py`" % MODEL_DIR)
    return PloverClassifier(MODEL_DIR)


def _softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=1, keepdims=True)
