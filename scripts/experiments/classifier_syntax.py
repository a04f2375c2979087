"""Experiment: do dependency-parse features of the pair add to the linear classifier?

    .venv/bin/python scripts/experiments/classifier_syntax.py [--weights 0.5,1,2]

Same folds as `scripts/train_classifier.py --cv 5`; every pair gets, besides the shipped features,
a "dep" block from spaCy's parse: the lemma of the lowest common ancestor of the two actors' heads
(the predicate that links them), the lemmas on the dependency path between them, each actor's
relation to its governor ("nsubj>accuse", "pobj:against>protest"), and the trigger-lexicon
categories of the path's words. Scored with scikit-learn's macro-F1, NONE never predicted on PLV rows.
"""

from __future__ import annotations

import argparse
import pathlib
import sys

import numpy as np

REPO = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "scripts"))
sys.path.insert(0, str(REPO))
import train_classifier as tc  # noqa: E402
from diurna.events import classifier as cl  # noqa: E402
from diurna.nlp import load as load_nlp  # noqa: E402


def span_head(doc, span):
    """The token of a char span whose head lies outside it (the actor's syntactic head)."""
    if span is None:
        return None
    tokens = [t for t in doc if span[0] <= t.idx < span[1]]
    if not tokens:
        return None
    inside = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in inside or t.head.i == t.i:
            return t
    return tokens[-1]


def ancestors_with_self(tok):
    chain = [tok]
    while chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain


def relation(tok):
    """nsubj>accuse, dobj>condemn, pobj:against>protest, poss>visit ..."""
    if tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "agent"):
        return "%s:%s>%s" % (tok.dep_, tok.head.lower_, tok.head.head.lemma_.lower())
    return "%s>%s" % (tok.dep_, tok.head.lemma_.lower())


def dep_features(doc, pair, lexicon) -> dict[str, float]:
    found: dict[str, float] = {}

    def add(name, value=1.0):
        found[name] = found.get(name, 0.0) + value

    heads = [h for h in (span_head(doc, pair.source), span_head(doc, pair.target)) if h is not None]
    if not heads:
        root = next((t for t in doc if t.dep_ == "ROOT"), None)
        if root is not None:
            add("dep=root:" + root.lemma_.lower())
        return found
    for role, h in zip(("s", "t"), (span_head(doc, pair.source), span_head(doc, pair.target))):
        if h is not None:
            add("dep=%s:%s" % (role, relation(h)))
    if len(heads) == 2:
        a, b = ancestors_with_self(heads[0]), ancestors_with_self(heads[1])
        b_ids = {t.i for t in b}
        lca = next((t for t in a if t.i in b_ids), None)
        if lca is None:
            return found
        path = [t for t in a if t.i != heads[0].i][: [t.i for t in a].index(lca.i)] + [
            t for t in b if t.i != heads[1].i
        ][: [t.i for t in b].index(lca.i)]
        path = [t for t in path if t.i != lca.i]
    else:
        lca = heads[0].head
        path = []
    spans = [s for s in (pair.source, pair.target) if s]

    def outside(t):
        return not any(s[0] <= t.idx < s[1] for s in spans)

    if outside(lca):
        add("dep=lca:" + lca.lemma_.lower())
        for category, weight in lexicon.categories(
            lca.lemma_.lower(), [c.lemma_.lower() for c in lca.children][:6]
        ).items():
            add("dep=lcalex:" + category, weight)
        # the predicate's complements: "urged X to <stage>", "refused to <support>"
        for child in lca.children:
            if child.dep_ in ("xcomp", "ccomp", "dobj") and outside(child):
                add("dep=comp:%s:%s" % (child.dep_, child.lemma_.lower()))
                for category, weight in lexicon.categories(child.lemma_.lower(), []).items():
                    add("dep=complex:" + category, 0.5 * weight)
            if child.dep_ == "neg":
                add("dep=neg")
            if child.dep_ == "aux" and child.lower_ in ("will", "would", "could", "may", "might"):
                add("dep=modal")
    for t in path:
        if outside(t):
            add("dep=path:" + t.lemma_.lower())
            for category, weight in lexicon.categories(t.lemma_.lower(), []).items():
                add("dep=pathlex:" + category, 0.5 * weight)
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--weights", default="0,0.5,1,1.5")
    args = ap.parse_args()
    from sklearn.metrics import f1_score

    cl.BLOCKS = cl.BLOCKS + ("dep",)
    tc.BLOCKS = cl.BLOCKS
    examples = tc.read_plv(tc.PLV_DEFAULT) + tc.read_project_examples(tc.PROJECT_DATA)
    base = tc.featurise(examples)
    nlp = load_nlp()
    lexicon = cl.RegionLexicon.load()
    docs = list(nlp.pipe([e.pair.sentence for e in examples], batch_size=64))
    dep = [dep_features(d, e.pair, lexicon) for d, e in zip(docs, examples)]
    folds = tc.grouped_folds(examples, 5, tc.TrainConfig.seed)
    none = tc.LABELS.index(tc.NONE)
    for w in [float(x) for x in args.weights.split(",")]:
        config = tc.TrainConfig(block_weights=tc.TrainConfig.block_weights + (("dep", w),))
        feats = [{**b, **d} if w else b for b, d in zip(base, dep)]
        gold_all, pred_all, f1s = [], [], []
        for held in folds:
            hs = set(held)
            tr = [i for i in range(len(examples)) if i not in hs]
            model = tc.fit([feats[i] for i in tr], [examples[i].label for i in tr], config)
            p = model.probabilities([feats[i] for i in held])
            p[:, none] = 0
            gold = [examples[i].label for i in held]
            pred = [tc.LABELS[j] for j in p.argmax(1)]
            f1s.append(f1_score(gold, pred, average="macro"))
            gold_all += gold
            pred_all += pred
        print(
            "dep weight %.2f: fold-mean macro-F1 %.3f pooled %.3f accuracy %.3f"
            % (
                w,
                np.mean(f1s),
                f1_score(gold_all, pred_all, average="macro"),
                np.mean(np.array(gold_all) == np.array(pred_all)),
            ),
            flush=True,
        )


if __name__ == "__main__":
    main()
