#!/usr/bin/env python
"""Train (and cross-validate) diurna's PLOVER pair classifier; writes diurna/events/model/.

    python scripts/train_classifier.py                 # train on everything, write the packaged model
    python scripts/train_classifier.py --cv 5          # 5-fold CV grouped by sentence_id, on PLV rows only

Training data: ../shared/data/plv/PLV_train.tsv (its `gold_root` column only: the other label
columns are a zero-shot model's outputs) plus the examples written for the project in
scripts/classifier_data/*.jsonl (NONE pairs and extra positives). PLV text is read at train
time and never copied into the repository.

The model is a multinomial logistic regression over the named features of
diurna/events/classifier.py (zone n-grams, character n-grams of the trigger region, trigger-lexicon
categories, cues). scikit-learn fits it here; the packaged model is numpy arrays (classifier.npz)
read by numpy alone. Deterministic: the same data and software give the same file.
(The fine-tuned MiniLM this replaced: `git show b5cf835:scripts/train_classifier.py`.)
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import datetime as dt
import json
import pathlib
import re
import subprocess
import sys
import tempfile
import time

import numpy as np

REPO = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from diurna.events.classifier import (
    BLOCKS,
    ENCODING,
    MODEL_DIR,
    NONE,
    LinearModel,
    PairFeaturizer,  # noqa: E402
    PairInput,
    PloverClassifier,
    RegionLexicon,
    block_of,
    find_span,
)

PLV_DEFAULT = REPO.parent / "shared" / "data" / "plv" / "PLV_train.tsv"
SCORER_DEFAULT = REPO.parent / "shared" / "eval" / "score_pairs.py"
PROJECT_DATA = REPO / "scripts" / "classifier_data"
# The 15 PLV labels (YIELD = PLOVER v2 CONCEDE + RETREAT) and NONE: no event between the pair.
LABELS = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "YIELD",
    "COOPERATE",
    "AID",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
    NONE,
]


@dataclasses.dataclass(frozen=True)
class Example:
    pair: PairInput
    label: str
    group: str  # examples sharing a group stay in one fold (PLV sentence_id, or a project file line)
    from_plv: bool


@dataclasses.dataclass(frozen=True)
class TrainConfig:
    c: float = 30.0  # inverse L2 strength of the logistic regression
    min_count: int = 2  # a feature seen in fewer training pairs is dropped
    seed: int = 13
    # Weight of each feature block after its own L2 normalisation (see LinearModel in classifier.py).
    # C, the character n-gram and lexicon weights were chosen on 5-fold CV of PLV_train (docs/evaluation.md).
    block_weights: tuple[tuple[str, float], ...] = (
        ("order", 0.5),
        ("gap", 0.3),
        ("wb", 1.0),
        ("wa", 0.7),
        ("wl", 0.5),
        ("bib", 0.6),
        ("bia", 0.4),
        ("bil", 0.3),
        ("ws", 0.5),
        ("head", 0.4),
        ("c", 2.0),
        ("lex", 0.5),
        ("neg", 0.3),
        ("modal", 0.3),
        ("contrast", 0.2),
    )


# --- data ----------------------------------------------------------------------------------------
_TAG = re.compile(r"</?[st]>")


def unmark_plv(marked: str) -> tuple[str, tuple[int, int] | None, tuple[int, int] | None]:
    """PLV's `<s>..</s>`/`<t>..</t>` sentence -> (plain sentence, source span, target span)."""
    plain: list[str] = []
    opened: dict[str, int] = {}
    spans: dict[str, tuple[int, int]] = {}
    cursor = length = 0
    for tag in _TAG.finditer(marked):
        chunk = marked[cursor : tag.start()]
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
        examples.append(
            Example(
                PairInput(sentence, source, target), row["gold_root"].strip().upper(), "plv:" + row["sentence_id"], True
            )
        )
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
            examples.append(Example(PairInput(sentence, source, target), label, "%s:%d" % (path.name, number), False))
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
def featurise(examples: list[Example]) -> list[dict[str, float]]:
    featurizer = PairFeaturizer(RegionLexicon.load())
    return [featurizer.features(e.pair) for e in examples]


def fit(features: list[dict[str, float]], labels: list[str], config: TrainConfig) -> LinearModel:
    """Vocabulary and idf from the training pairs, then the logistic regression on their vectors."""
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    document_count: dict[str, int] = {}
    for named in features:
        for name in named:
            document_count[name] = document_count.get(name, 0) + 1
    names = sorted(n for n, count in document_count.items() if count >= config.min_count)
    vocabulary = {name: i for i, name in enumerate(names)}
    idf = np.array([np.log((1 + len(features)) / (1 + document_count[n])) + 1.0 for n in names])
    block = np.array([block_of(n) for n in names], dtype=np.int64)
    weights_by_block = dict(config.block_weights)
    block_weight = np.array([weights_by_block[b] for b in BLOCKS])
    shell = LinearModel(
        tuple(LABELS), vocabulary, idf, block, block_weight, np.zeros((len(names), len(LABELS))), np.zeros(len(LABELS))
    )
    matrix = vectorise_all(shell, features, csr_matrix)
    present = sorted(set(labels))
    regression = LogisticRegression(C=config.c, max_iter=3000, random_state=config.seed)
    regression.fit(matrix, [present.index(label) for label in labels])
    weights = np.full((len(names), len(LABELS)), 0.0)
    bias = np.full(len(LABELS), -30.0)  # a label absent from training is never predicted
    for k, label in enumerate(present):
        weights[:, LABELS.index(label)] = regression.coef_[k]
        bias[LABELS.index(label)] = regression.intercept_[k]
    return dataclasses.replace(shell, weights=weights, bias=bias)


def vectorise_all(model: LinearModel, features: list[dict[str, float]], csr_matrix):
    rows, columns, values = [], [], []
    for row, named in enumerate(features):
        cols, vals = model.vectorise(named)
        rows += [row] * len(cols)
        columns += list(cols)
        values += list(vals)
    return csr_matrix((values, (rows, columns)), shape=(len(features), len(model.vocabulary)))


def write_model(model: LinearModel, out_dir: pathlib.Path, metadata: dict) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    model.save(out_dir / "classifier.npz")
    (out_dir / "labels.json").write_text(
        json.dumps({"labels": LABELS, "encoding": ENCODING, **metadata}, indent=2) + "\n", encoding="utf-8"
    )


# --- evaluation ------------------------------------------------------------------------------------
def score(scorer: pathlib.Path, gold: list[tuple[str, str]], predicted: list[tuple[str, str]]) -> dict:
    """Run the shared scorer (score_pairs.py) on {"id","type"} lists; returns its --json report."""
    with tempfile.TemporaryDirectory() as tmp:
        gold_path, pred_path = pathlib.Path(tmp) / "gold.jsonl", pathlib.Path(tmp) / "pred.jsonl"
        gold_path.write_text("".join(json.dumps({"id": i, "type": t}) + "\n" for i, t in gold), encoding="utf-8")
        pred_path.write_text("".join(json.dumps({"id": i, "type": t}) + "\n" for i, t in predicted), encoding="utf-8")
        done = subprocess.run(
            [sys.executable, str(scorer), "--gold", str(gold_path), "--pred", str(pred_path), "--json"],
            capture_output=True,
            text=True,
            check=True,
        )
    return json.loads(done.stdout)


def cross_validate(
    examples: list[Example], n_folds: int, config: TrainConfig, scorer: pathlib.Path, report_path: pathlib.Path, log
) -> dict:
    """Train on all but one fold of PLV (plus every project pair), predict the held-out PLV rows
    through PloverClassifier (the shipped code path), score with score_pairs.py."""
    folds = grouped_folds(examples, n_folds, config.seed)
    features = featurise(examples)
    gold_all, predicted_all, per_fold = [], [], []
    for number, held_out in enumerate(folds, 1):
        held = set(held_out)
        training = [i for i in range(len(examples)) if i not in held]
        model = fit([features[i] for i in training], [examples[i].label for i in training], config)
        with tempfile.TemporaryDirectory() as tmp:
            write_model(model, pathlib.Path(tmp), {"note": "cross-validation fold"})
            predictions = PloverClassifier.from_dir(tmp).predict([examples[i].pair for i in held_out])
        gold = [("r%d" % i, examples[i].label) for i in held_out]
        predicted = [("r%d" % i, p.type) for i, p in zip(held_out, predictions)]
        per_fold.append({"fold": number, "n": len(held_out), **_headline(score(scorer, gold, predicted))})
        log(
            "fold %d/%d: %d training pairs, %d held-out PLV rows: macro-F1 %.3f accuracy %.3f"
            % (number, n_folds, len(training), len(held_out), per_fold[-1]["macro_f1"], per_fold[-1]["accuracy"])
        )
        gold_all += gold
        predicted_all += predicted
    report = {
        "date": dt.date.today().isoformat(),
        "model": "linear",
        "folds": per_fold,
        "config": dataclasses.asdict(config),
        "n_plv": len(gold_all),
        "n_project_examples": sum(not e.from_plv for e in examples),
        "mean": {k: float(np.mean([f[k] for f in per_fold])) for k in ("macro_f1", "accuracy")},
        "pooled": score(scorer, gold_all, predicted_all),
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
    parser.add_argument(
        "--project-data",
        type=pathlib.Path,
        default=PROJECT_DATA,
        help="folder of *.jsonl pairs written for the project",
    )
    parser.add_argument("--no-project-data", action="store_true", help="PLV rows only (an ablation)")
    parser.add_argument("--cv", type=int, default=0, metavar="K", help="K-fold cross-validation instead of training")
    parser.add_argument("--cv-report", type=pathlib.Path, default=REPO / "out" / "classifier_cv.json")
    parser.add_argument("--scorer", type=pathlib.Path, default=SCORER_DEFAULT)
    parser.add_argument("--out", type=pathlib.Path, default=MODEL_DIR, help="model folder to write")
    parser.add_argument("--c", type=float, default=TrainConfig.c, help="inverse regularisation strength")
    parser.add_argument("--min-count", type=int, default=TrainConfig.min_count)
    parser.add_argument("--seed", type=int, default=TrainConfig.seed)
    args = parser.parse_args(argv)

    def log(message: str) -> None:
        print("[%s] %s" % (time.strftime("%H:%M:%S"), message), flush=True)

    if not args.plv.is_file():
        parser.error("%s not found (PLV_train.tsv from ../shared/data/plv)" % args.plv)
    config = TrainConfig(c=args.c, min_count=args.min_count, seed=args.seed)
    examples = read_plv(args.plv)
    if not args.no_project_data:
        examples += read_project_examples(args.project_data)
    log(
        "%d examples (%d PLV, %d written for the project)"
        % (len(examples), sum(e.from_plv for e in examples), sum(not e.from_plv for e in examples))
    )
    if args.cv:
        report = cross_validate(examples, args.cv, config, args.scorer, args.cv_report, log)
        log(
            "mean over folds: macro-F1 %.3f accuracy %.3f; pooled: macro-F1 %.3f accuracy %.3f; report in %s"
            % (
                report["mean"]["macro_f1"],
                report["mean"]["accuracy"],
                report["pooled"]["macro_f1"],
                report["pooled"]["accuracy"],
                args.cv_report,
            )
        )
        return 0
    model = fit(featurise(examples), [e.label for e in examples], config)
    write_model(
        model,
        args.out,
        {
            "model": "multinomial logistic regression over named pair features (diurna/events/classifier.py)",
            "trained_on": {
                "plv_rows": sum(e.from_plv for e in examples),
                "project_examples": sum(not e.from_plv for e in examples),
            },
            "features": len(model.vocabulary),
            "config": dataclasses.asdict(config),
        },
    )
    log(
        "wrote %s (%d features, %.1f MB)"
        % (args.out, len(model.vocabulary), (args.out / "classifier.npz").stat().st_size / 1e6)
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
