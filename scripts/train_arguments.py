#!/usr/bin/env python
"""Train diurna's learned argument chooser (diurna/events/argmodel.py); writes diurna/events/model/arguments.json.

    .venv/bin/pip install scikit-learn                       # training only (pyproject extra "train")
    .venv/bin/python scripts/train_arguments.py              # extract, select on tune-B, fit on all, write
    .venv/bin/python scripts/train_arguments.py --no-write   # selection figures only
    .venv/bin/python scripts/train_arguments.py --cache /tmp/args.pkl     # reuse the coded articles

Examples are (candidate event, actor mention) pairs from diurna's own extractor on real sentences,
each mention labelled for the source and the target role:
- ../shared/data/plv/PLV_train.tsv: a candidate of the sentence's gold type (or whose trigger
  governs the marked target) is the marked event; a mention overlapping the marked source (target),
  or another mention of the same actor in the sentence, fills that role, every other mention not;
- the tuning part of the real-text set (eval/realtext/README.md): a candidate whose trigger lies in
  a gold event's evidence sentence and whose type is the gold type is that event; a mention whose
  actor the scorer would accept for the gold source (target) fills the role (the scorer's own
  `actor_ok`, ../shared/data/realnews-dev/score.py); a gold event with no source or no target
  teaches "none" for that role.
  The frozen part is never read here.

Model selection: the tuning articles are halved by id hash (A, B); fits on PLV + A are scored on B's
candidates, and fits on PLV + B on A's, for each regularisation strength and threshold, by the share
whose source AND target both satisfy the gold (as the scorer's strict match) under the packaged
policy (the model fills the roles the rules left empty), against the rules' own choices on the same
candidates; the setting with the best mean of the two halves is kept. The packaged model is then fitted on PLV + A + B with the selected setting.
Texts are read where they are and never copied; the model holds feature names and weights only.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import pathlib
import pickle
import sys
from collections import Counter
from typing import Optional

import numpy as np

REPO = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from diurna.events.argmodel import ENCODING, MODEL_PATH, ROLES, ArgumentModel, candidate_options  # noqa: E402
from diurna.events.classifier import find_span  # noqa: E402
from diurna.events.stage import EventStage, deduplicate, reports_an_event  # noqa: E402
from diurna.ingest.base import RawArticle  # noqa: E402
from diurna.pipeline import Pipeline  # noqa: E402

PLV = REPO.parent / "shared" / "data" / "plv" / "PLV_train.tsv"
SCORER = REPO.parent / "shared" / "data" / "realnews-dev" / "score.py"
MIN_COUNT = 2


def scorer():
    spec = importlib.util.spec_from_file_location("realnews_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def actor_dict(doc, actor_id):
    a = doc.actor(actor_id)
    return None if a is None else {"name": a.name, "kb_id": a.kb_id, "country": a.country, "sector": a.sector}


def _label(plover: str) -> str:
    return "CONCEDE" if plover == "YIELD" else plover


def coded(raws):
    pipeline = Pipeline(time_budget=0)
    stage = next(s for s in pipeline.stages if isinstance(s, EventStage))
    for item in pipeline(raws):
        if hasattr(item, "spacy_doc"):
            yield item, deduplicate([c for c in stage.extract(item) if reports_an_event(c)])


def example(group, cand, doc, labels_for):
    """One candidate's options with their labels: {"group", "rule": [src ok, tgt ok], "options": [...]}"""
    opts = candidate_options(doc, cand)
    labels = [labels_for(o.mention) for o in opts]
    return {
        "group": group,
        "options": [{"f": list(o.features), "y": y, "actor": o.mention.actor_id} for o, y in zip(opts, labels)],
    }


def coded_sets(tune_articles, cache: Optional[pathlib.Path]):
    """The coded PLV sentences and tuning articles with their candidates, pickled in `cache` so that
    a change of features does not re-run the pipeline."""
    if cache is not None and cache.exists():
        with open(cache, "rb") as f:
            return pickle.load(f)
    rows = list(csv.DictReader(PLV.open(encoding="utf-8", newline=""), delimiter="\t"))
    raws = [RawArticle(origin="plv-%s" % r["sentence_id"], text=r["sentence"], date="2018-06-01") for r in rows]
    plv = [(row, doc, cands) for row, (doc, cands) in zip(rows, coded(raws))]
    raws = [RawArticle(origin=m["id"], text=text, date=m["published"]) for m, _, text in tune_articles]
    tune = [(m, g, doc, cands) for (m, g, _), (doc, cands) in zip(tune_articles, coded(raws))]
    if cache is not None:
        for _, doc, _ in plv:
            doc.spacy_doc.user_data.clear()  # the stages' per-article caches (weak references) are not picklable
        for _, _, doc, _ in tune:
            doc.spacy_doc.user_data.clear()
        partial = cache.with_name(cache.name + ".partial")
        with open(partial, "wb") as f:
            pickle.dump((plv, tune), f)
        partial.replace(cache)  # a run stopped while writing leaves no truncated cache behind
    return plv, tune


def realtext_examples(coded_articles) -> list[dict]:
    sc = scorer()
    out = []
    for manifest, gold, doc, cands in coded_articles:
        ntext, idx = sc.norm_map(doc.article.text)
        sents = sc.sentence_spans(doc.article.text)
        golds = []
        for g in gold["events"]:
            spans = []
            for q in [g["evidence"]] + list(g.get("evidence_alt") or []):
                for a, b in sc.locate(q, ntext, idx):
                    ss = [s for s in sents if s[0] < b and a < s[1]]
                    spans.append((min(s[0] for s in ss), max(s[1] for s in ss)) if ss else (a, b))
            golds.append((g, spans))
        for cand in cands:
            at = doc.spacy_doc[cand.trigger_start].idx
            matching = [g for g, spans in golds if any(a <= at < b for a, b in spans) and cand.plover in sc.types_of(g)]
            if len(matching) != 1:
                continue  # no gold event, or several of one type in the sentence: which is meant is unknown
            g = matching[0]
            rule = [
                sc.actor_ok(actor_dict(doc, cand.source.actor_id) if cand.source else None, g.get("source")),
                sc.actor_ok(actor_dict(doc, cand.target.actor_id) if cand.target else None, g.get("target")),
            ]

            def labels_for(m, g=g):
                pa = actor_dict(doc, m.actor_id)
                src = 0 if g.get("source") is None else int(sc.actor_ok(pa, g["source"]))
                tgt = 0 if g.get("target") is None else int(sc.actor_ok(pa, g["target"]))
                return [src, tgt]

            ex = example(manifest["id"], cand, doc, labels_for)
            ex["rule"] = rule
            ex["none_ok"] = [g.get("source") is None, g.get("target") is None]
            out.append(ex)
    return out


def plv_examples(coded_rows) -> list[dict]:
    out = []
    for row, doc, cands in coded_rows:
        spans = {role: find_span(row["sentence"], row[role]) for role in ROLES}
        if spans["source"] is None or spans["target"] is None:
            continue
        target_tokens = doc.spacy_doc.char_span(*spans["target"], alignment_mode="expand")
        governors = {t.i for t in target_tokens.root.ancestors} if target_tokens is not None else set()
        actors = {}
        for role, (a, b) in spans.items():
            actors[role] = {m.actor_id for m in doc.mentions if m.start < b and a < m.end}
        if actors["source"] & actors["target"]:
            continue
        for cand in cands:
            if cand.plover != _label(row["gold_root"]) and cand.trigger_start not in governors:
                continue
            rule = [
                bool(cand.source and cand.source.actor_id in actors["source"]),
                bool(cand.target and cand.target.actor_id in actors["target"]),
            ]

            def labels_for(m):
                return [int(m.actor_id in actors["source"]), int(m.actor_id in actors["target"])]

            ex = example("plv", cand, doc, labels_for)
            ex["rule"] = rule
            ex["none_ok"] = [False, False]
            out.append(ex)
            break
    return out


def half_of(article_id: str) -> str:
    import hashlib

    return "A" if int(hashlib.sha256(("half:" + article_id).encode()).hexdigest()[:8], 16) % 2 == 0 else "B"


# ------------------------------------------------------------------ fitting and selection


def rows_of(examples, role: int):
    """(features, label) of every option for one role; a candidate whose gold actor no option names
    teaches nothing about choosing among the options (nor that none is right), so it is left out."""
    for ex in examples:
        if not ex["none_ok"][role] and not any(o["y"][role] for o in ex["options"]):
            continue
        for o in ex["options"]:
            if o["y"][role] is not None:
                yield o["f"], o["y"][role]


def fit(examples, c: float):
    from scipy.sparse import lil_matrix
    from sklearn.linear_model import LogisticRegression

    counts = Counter(n for ex in examples for o in ex["options"] for n in set(o["f"]))
    vocabulary = {n: i for i, n in enumerate(sorted(n for n, k in counts.items() if k >= MIN_COUNT))}
    weights = {}
    for r, role in enumerate(ROLES):
        rows = list(rows_of(examples, r))
        X = lil_matrix((len(rows), len(vocabulary)), dtype=np.float32)
        for i, (names, _) in enumerate(rows):
            for n in set(names):
                if n in vocabulary:
                    X[i, vocabulary[n]] = 1.0
        model = LogisticRegression(C=c, max_iter=3000)
        model.fit(X.tocsr(), [y for _, y in rows])
        weights[role] = np.concatenate([model.coef_[0], model.intercept_]).tolist()
    return vocabulary, weights


def choose(model: ArgumentModel, ex):
    """The (source option, target option) indices the packaged policy picks (None = no actor): the
    rules' choice where they made one, else the model's best option above the role's threshold
    (ArgumentModel.choose)."""
    opts = ex["options"]
    rule = {role: next((k for k, o in enumerate(opts) if "rule_%s_mention" % role in o["f"]), None) for role in ROLES}

    def best(role, other):
        scored = [
            (model.probability(role, tuple(o["f"])), k)
            for k, o in enumerate(opts)
            if other is None or not same_actor(opts, k, other)
        ]
        if not scored:
            return None
        top, k = max(scored)
        return k if top >= model.thresholds[role] else None

    source = rule["source"] if rule["source"] is not None else best("source", rule["target"])
    target = rule["target"] if rule["target"] is not None else best("target", source)
    return source, target


def same_actor(opts, i: int, j: int) -> bool:
    return opts[i].get("actor") == opts[j].get("actor")


def right(ex, k, role: int) -> bool:
    """Whether the option chosen for a role is right. Stricter than the scorer, which accepts any
    actor where the gold has none: an actor given where the text names none is wrong here (the
    issue asks for a null role exactly where the text names nobody), so that selection does not
    reward filling every gap."""
    if k is None:
        return ex["none_ok"][role]
    return not ex["none_ok"][role] and bool(ex["options"][k]["y"][role])


def rule_right(ex, role: int) -> bool:
    """`right` for the rules' own choice (the option marked as theirs, or none)."""
    mark = "rule_%s_mention" % ROLES[role]
    return right(ex, next((k for k, o in enumerate(ex["options"]) if mark in o["f"]), None), role)


def evaluate(vocabulary, weights, thresholds, examples) -> dict:
    model = ArgumentModel(
        vocabulary, {role: np.asarray(w, dtype=np.float64) for role, w in weights.items()}, thresholds
    )
    both = src = tgt = rule_both = 0
    for ex in examples:
        i, j = choose(model, ex)
        s, t = right(ex, i, 0), right(ex, j, 1)
        src += s
        tgt += t
        both += s and t
        rule_both += rule_right(ex, 0) and rule_right(ex, 1)
    n = len(examples) or 1
    return {
        "n": len(examples),
        "both": round(both / n, 3),
        "source": round(src / n, 3),
        "target": round(tgt / n, 3),
        "rules_both": round(rule_both / n, 3),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument(
        "--cache", type=pathlib.Path, help="coded articles (pickle): read from here if it exists, else written there"
    )
    args = ap.parse_args()
    from train_detector import load_tune_articles

    coded_plv, coded_tune = coded_sets(load_tune_articles(), args.cache)
    data = {"plv": plv_examples(coded_plv), "tune": realtext_examples(coded_tune)}
    plv = data["plv"]
    part_a = [ex for ex in data["tune"] if half_of(ex["group"]) == "A"]
    part_b = [ex for ex in data["tune"] if half_of(ex["group"]) == "B"]
    print("candidates with a gold event: PLV %d, tune-A %d, tune-B %d" % (len(plv), len(part_a), len(part_b)))
    best = None
    for c in (0.03, 0.1, 0.3, 1.0):
        fits = {"B": fit(plv + part_a, c), "A": fit(plv + part_b, c)}
        for ts in (0.3, 0.5, 0.65):
            for tt in (0.2, 0.35, 0.5, 0.65):
                thresholds = {"source": ts, "target": tt}
                s = evaluate(*fits["B"], thresholds, part_b)
                s_a = evaluate(*fits["A"], thresholds, part_a)
                mean = round((s["both"] + s_a["both"]) / 2, 3)
                print("C=%-5s thresholds=%s  tune-B: %s  tune-A (fitted on B): %s" % (c, thresholds, s, s_a))
                if best is None or mean > best[0]:
                    best = (mean, c, thresholds, s, s_a)
    _, c, thresholds, s, s_a = best
    print("selected C=%s thresholds=%s (tune-B %s; tune-A %s)" % (c, thresholds, s, s_a))
    if args.no_write:
        return 0
    vocabulary, weights = fit(plv + part_a + part_b, c)
    meta = {
        "encoding": ENCODING,
        "trained_on": "PLV_train (%d candidates) + real-text tune part (%d)" % (len(plv), len(part_a) + len(part_b)),
        "selection": {"C": c, "thresholds": thresholds, "tune_B": s, "tune_A": s_a},
        "vocabulary": vocabulary,
        "weights": {role: [round(x, 5) for x in w] for role, w in weights.items()},
        "thresholds": thresholds,
    }
    MODEL_PATH.write_text(json.dumps(meta, sort_keys=True), encoding="utf-8")
    print("wrote %s (%d features)" % (MODEL_PATH.relative_to(REPO), len(vocabulary)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
