"""Experiment (not part of the shipped model): variants of the linear classifier on the same 5-fold CV.

    .venv/bin/python scripts/experiments/classifier_embeddings.py   # once, for the embedding variants
    .venv/bin/python scripts/experiments/classifier_variants.py

Same folds and feature vectors as `scripts/train_classifier.py --cv 5` (cached in
out/classifier_cv_folds.pkl: delete it after changing the features or the lexicons), scored with
scikit-learn's macro-F1 over the gold labels, as score_pairs.py does, with NONE never predicted
(PLV pairs always hold an event). Prints one line per variant: class weighting, C, a linear SVM,
and the frozen MiniLM embedding blocks appended to the sparse features.
"""

import os
import pathlib
import pickle
import sys

import numpy as np

REPO = pathlib.Path(__file__).resolve().parents[2]
OUT = REPO / "out"
sys.path.insert(0, str(REPO / "scripts"))
sys.path.insert(0, str(REPO))
from scipy.sparse import csr_matrix, hstack
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.svm import LinearSVC

import train_classifier as tc
from diurna.events.classifier import BLOCKS, LinearModel, block_of

CACHE = str(OUT / "classifier_cv_folds.pkl")
config = tc.TrainConfig()
if os.path.exists(CACHE):
    ex_labels, folds, mats = pickle.load(open(CACHE, "rb"))
else:
    ex = tc.read_plv(tc.PLV_DEFAULT) + tc.read_project_examples(tc.PROJECT_DATA)
    feats = tc.featurise(ex)
    folds = tc.grouped_folds(ex, 5, config.seed)
    ex_labels = np.array([e.label for e in ex])
    mats = []
    for held in folds:
        hs = set(held)
        tr = [i for i in range(len(ex)) if i not in hs]
        dc = {}
        for i in tr:
            for n in feats[i]:
                dc[n] = dc.get(n, 0) + 1
        names = sorted(n for n, c in dc.items() if c >= config.min_count)
        voc = {n: i for i, n in enumerate(names)}
        idf = np.array([np.log((1 + len(tr)) / (1 + dc[n])) + 1.0 for n in names])
        block = np.array([block_of(n) for n in names], dtype=np.int64)
        wb = dict(config.block_weights)
        bw = np.array([wb[b] for b in BLOCKS])
        shell = LinearModel(tuple(tc.LABELS), voc, idf, block, bw, np.zeros((len(names), 16)), np.zeros(16))
        mats.append((tr, held, tc.vectorise_all(shell, feats, csr_matrix)))
    pickle.dump((ex_labels, folds, mats), open(CACHE, "wb"))
labels = ex_labels
emb = np.load(str(OUT / "classifier_embeddings.npz"))


def run(blocks=(), c=30.0, no_none=True, tag="", cw=None, learner="lr"):
    preds = {}
    probs = {}
    for tr, held, X in mats:
        X = hstack([X] + [csr_matrix(emb[name] * w) for name, w in blocks]).tocsr()
        present = sorted(set(labels[tr]))
        y = [present.index(l) for l in labels[tr]]
        if learner == "lr":
            m = LogisticRegression(C=c, max_iter=3000, random_state=13, class_weight=cw).fit(X[tr], y)
            P = m.predict_proba(X[held])
        else:
            m = LinearSVC(C=c, class_weight=cw).fit(X[tr], y)
            P = m.decision_function(X[held])
        if no_none:
            P[:, present.index("NONE")] = -1e9
        for i, k, row in zip(held, P.argmax(1), P):
            preds[i] = present[k]
            probs[i] = row
    ids = sorted(preds)
    g = labels[ids]
    p = np.array([preds[i] for i in ids])
    f = f1_score(g, p, labels=sorted(set(g)), average="macro", zero_division=0)
    fm = np.mean(
        [
            f1_score(labels[h], [preds[i] for i in h], labels=sorted(set(labels[h])), average="macro", zero_division=0)
            for _, h, _ in mats
        ]
    )
    print("%-44s pooled F1 %.3f  fold-mean %.3f  acc %.3f" % (tag, f, fm, accuracy_score(g, p)), flush=True)
    return preds, probs


if __name__ == "__main__":
    run(tag="base")
    run(cw="balanced", tag="base balanced")
    for c in (10, 100):
        run(c=c, cw="balanced", tag="balanced C%d" % c)
    run(learner="svm", c=1.0, tag="svm C1")
    run(learner="svm", c=1.0, cw="balanced", tag="svm C1 balanced")
    run(learner="svm", c=0.3, cw="balanced", tag="svm C0.3 balanced")
    run(blocks=[("region", 1.0)], cw="balanced", tag="region1 balanced")
    run(blocks=[("region", 1.0), ("sent", 0.5)], cw="balanced", tag="region1 sent.5 balanced")
