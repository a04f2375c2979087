#!/usr/bin/env python
"""Train diurna's learned nominal-event model (diurna/events/nominal_model.py); writes diurna/events/model/nominal.json.

    .venv/bin/python scripts/train_nominal.py --cache /tmp/nominal   # code once, select, fit on all, write
    .venv/bin/python scripts/train_nominal.py --cache /tmp/nominal --no-write   # selection figures only
    .venv/bin/python scripts/train_nominal.py --cache /tmp/nominal --setting 0.1,0.6,same+none  # one setting

Data read:
- the tuning part of the real-text set (eval/realtext/README.md, $DIURNA_REALTEXT, else eval/opennews):
  every noun occurrence with an event reading that no rule coded is an example; it is positive when
  the noun lies inside a gold event's evidence (or an acceptable extra's) whose type is the noun's
  reading type. The reading table (lemma -> type) is counted from the gold of the articles fitted
  on: nouns heading a gold evidence span (or the object of a light verb heading it). The frozen
  part is never read here.
- realnews-dev (../shared/data/realnews-dev): never trained on; coded with and without the model
  fitted on all tuning articles, as the last check.

Selection (`--select folds`, the default): the tuning articles are halved by id hash
(eval_realtext.half_of) and only half A is read (B stays the held-out check of the whole stage). A's
articles are split into FOLDS folds (eval_realtext.fold_of); for each setting, a model (and table)
fitted on the other folds codes each fold through the whole events stage, and the out-of-fold totals
over A are scored as below (eligible: strict rises and precision falls by no more points than strict
rises; the best balance is packaged, fitted on all of A). `--select halves` is the earlier selection:
for each
regularisation strength, threshold and set of sentences a noun may be coded in (SENTENCES: by what
the rules coded there: an event of the noun's type, only others, nothing), a model (and table) fitted on one half codes the other half
through the whole events stage (argument chooser, classifier, verifier), which realnews-dev's scorer
scores (strict recall of salient gold events, precision) against the stage without the model; both
directions. A setting is eligible when strict rises on both halves and precision falls by no more
points than strict rises; of those, the one with the largest sum over both halves of strict points
gained minus precision points lost is packaged, fitted on all tuning articles. None eligible: the first setting is written with threshold 1.01, so the packaged model never fires (the figures say why).

--cache DIR keeps the coded articles (pickled documents; the events stage is re-run on them, the
parse and the other stages are not). Texts are read where they are and never copied; the model
holds feature names, weights and a lemma table only.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import pickle
import sys
from collections import Counter, defaultdict
from types import SimpleNamespace

import numpy as np

REPO = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from diurna.events import nominal_model as nm  # noqa: E402
from diurna.events.dictionary import TriggerLexicon, in_list  # noqa: E402
from eval_realtext import default_data, fold_of, half_of, realnews_dev, scorer, tune_texts  # noqa: E402

MIN_COUNT = 2
MIN_TABLE = 2
C_GRID = (0.1, 0.3)
THRESHOLDS = (0.4, 0.5, 0.6, 0.7)
# the sentences a noun may be coded in (nominal_model.SENTENCE_STATES), tried in turn
SENTENCES = (("same", "other", "none"), ("same", "none"), ("none",), ("same",))
FOLDS = 5
SCORE_ARGS = SimpleNamespace(keep_negated=False, anywhere=False, lenient_null_target=False)


# ------------------------------------------------------------------ coding (cached)


def _articles(data: pathlib.Path, only_a: bool = False):
    tune = tune_texts(data)
    if only_a:
        tune = [a for a in tune if half_of(a[0]) == "A"]
    return {"tune": tune, "rn": realnews_dev()}


def coded(data: pathlib.Path, cache: pathlib.Path | None, only_a: bool = False) -> dict:
    """{"tune": [(id, pubdate, gold, ArticleDoc)], "rn": [...]}: the pipeline's documents (of tune
    half A only when `only_a`)."""
    out = {}
    for name, articles in _articles(data, only_a).items():
        stem = "tuneA" if name == "tune" and only_a else name
        path = cache / ("%s_docs.pkl" % stem) if cache else None
        if path is not None and path.exists():
            with open(path, "rb") as f:
                out[name] = pickle.load(f)
            continue
        from diurna.ingest.base import RawArticle
        from diurna.pipeline import Pipeline

        pipeline = Pipeline(time_budget=0)
        raws = [RawArticle(origin=i, text=t, date=d) for i, t, d, _ in articles]
        docs = []
        for (i, _, d, g), item in zip(articles, pipeline(raws)):
            if not hasattr(item, "spacy_doc"):
                raise SystemExit("%s: not coded: %s" % (i, item))
            item.spacy_doc.user_data.clear()  # per-article caches (weak references) are not picklable
            docs.append((i, d, g, item))
        out[name] = docs
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "wb") as f:
                pickle.dump(docs, f)
    return out


# ------------------------------------------------------------------ examples and labels


class Recorder(nm.NominalModel):
    """Stands in for the model in the extractor: records every eligible noun's features, codes none."""

    def __init__(self, table: dict[str, str]):
        # threshold 1.0, not above: learned_nominals skips a model packaged inert (> 1.0) before it
        # looks at a noun, and the recorder must see every eligible noun (it accepts none itself)
        super().__init__(0.0, {}, 1.0, table)
        self.seen: list[tuple] = []

    def accepts(self, doc, noun, names) -> bool:
        self.seen.append((doc.article.id, noun.idx, noun.lemma_.lower(), dict(names)))
        return False


def evidence_spans(sc, doc, gold) -> list[tuple[int, int, set]]:
    ntext, idx = sc.norm_map(doc.article.text)
    out = []
    for g in gold["events"] + gold.get("acceptable_extra", []):
        for q in [g["evidence"]] + list(g.get("evidence_alt") or []):
            for a, b in sc.locate(q, ntext, idx):
                out.append((a, b, sc.types_of(g)))
    return out


def heading_nouns(sc, lexicon, doc, gold) -> list[tuple[str, str]]:
    """(lemma, gold type) of the noun heading each gold evidence span (or the object of a light verb
    heading it): what the reading table is counted from."""
    out = []
    ntext, idx = sc.norm_map(doc.article.text)
    for g in gold["events"]:
        spans = sc.locate(g["evidence"], ntext, idx)
        if not spans:
            continue
        span = doc.spacy_doc.char_span(spans[0][0], spans[0][1], alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        noun = root if root.pos_ == "NOUN" else None
        if noun is None and root.pos_ in ("VERB", "AUX") and in_list(root, lexicon.light_verbs):
            noun = next((c for c in root.children if c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "NOUN"), None)
        if noun is not None and doc.mention_at_token(noun.i) is None:
            t = g["type"] if isinstance(g["type"], str) else g["type"][0]
            out.append((noun.lemma_.lower(), t))
    return out


def table_of(heads: list[tuple[str, str]], lexicon) -> dict[str, str]:
    counts: dict[str, Counter] = defaultdict(Counter)
    for lemma, t in heads:
        counts[lemma][t] += 1
    return {
        lemma: c.most_common(1)[0][0]
        for lemma, c in counts.items()
        if sum(c.values()) >= MIN_TABLE and lemma not in lexicon.nouns and nm.verb_reading(lexicon, lemma) is None
    }


def examples(stage, sc, lexicon, docs, full_table) -> tuple[list[dict], dict]:
    """Every eligible noun of the articles, labelled; and {article id: heading nouns}."""
    recorder = Recorder(full_table)
    stage.extract.nominal_model = recorder
    rows, heads = [], {}
    for aid, _, gold, doc in docs:
        recorder.seen.clear()
        list(stage.extract(doc))
        spans = evidence_spans(sc, doc, gold)
        for _, at, lemma, names in recorder.seen:
            plover = next(n[5:] for n in names if n.startswith("type="))
            origin = next(n[7:] for n in names if n.startswith("origin="))
            y = int(any(a <= at < b and plover in types for a, b, types in spans))
            rows.append({"article": aid, "at": at, "lemma": lemma, "origin": origin, "f": names, "y": y})
        heads[aid] = heading_nouns(sc, lexicon, doc, gold)
    stage.extract.nominal_model = None
    return rows, heads


# ------------------------------------------------------------------ fitting and scoring


def fit(rows, c: float) -> tuple[float, dict[str, float]]:
    from scipy.sparse import csr_matrix

    counts = Counter(n for r in rows for n in r["f"])
    names = sorted(n for n, k in counts.items() if k >= MIN_COUNT)
    index = {n: i for i, n in enumerate(names)}
    data, indices, indptr = [], [], [0]
    for r in rows:
        for n, v in r["f"].items():
            if n in index:
                indices.append(index[n])
                data.append(v)
        indptr.append(len(indices))
    x = csr_matrix((data, indices, indptr), shape=(len(rows), len(names)))
    bias, coef = _l2_logistic(x.toarray(), np.array([r["y"] for r in rows], dtype=float), c)
    weights = {n: round(float(w), 5) for n, w in zip(names, coef) if abs(w) > 1e-6}
    return round(float(bias), 5), weights


def _l2_logistic(x, y, c: float, iterations: int = 50) -> tuple[float, "np.ndarray"]:
    """Newton's method on C * log-loss + |w|^2 / 2, the intercept not penalised: scikit-learn's
    LogisticRegression(C=c) objective (lbfgs), in numpy, so the script needs no scikit-learn."""
    xb = np.hstack([x, np.ones((x.shape[0], 1))])
    w = np.zeros(xb.shape[1])
    penalty = np.ones(xb.shape[1])
    penalty[-1] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(xb @ w)))
        grad = c * xb.T @ (p - y) + penalty * w
        hess = c * (xb.T * (p * (1 - p))) @ xb + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[-1], w[:-1]


def usable(rows, table) -> list[dict]:
    """The examples a model with this table sees (a table reading exists only for the table's lemmas)."""
    return [r for r in rows if r["origin"] != "table" or r["lemma"] in table]


def per_article(stage, sc, docs, model) -> dict[str, Counter]:
    """The scorer's counts per article coded by the events stage with `model` (None: without)."""
    stage.extract.nominal_model = model
    out = {}
    for aid, _, gold, doc in docs:
        doc.events = []
        stage(doc)
        record = doc.to_record().model_dump(mode="json")
        r = sc.score_article(gold, record, SCORE_ARGS)
        out[aid] = Counter({k: r[k] for k in ("strict", "sal", "correct", "n_pred")})
        out[aid]["added"] = sum(1 for e in doc.events if _learned(doc, e))
    stage.extract.nominal_model = None
    return out


def accepted(model, rows) -> set[str]:
    """The articles in which the model codes at least one noun (the others code as without it)."""
    return {
        r["article"]
        for r in usable(rows, model.table)
        if nm.sentence_state(r["f"]) in model.sentences and model.probability(r["f"]) >= model.threshold
    }


def score(stage, sc, docs, model, base: dict, rows) -> dict:
    """Totals over the articles, re-coding only those where the model codes a noun."""
    changed = accepted(model, rows) if model is not None else set()
    counts = dict(base)
    counts.update(per_article(stage, sc, [d for d in docs if d[0] in changed], model))
    totals = Counter()
    for d in docs:
        totals.update(counts[d[0]])
    totals["recall"] = totals["strict"] / max(1, totals["sal"])
    totals["precision"] = totals["correct"] / max(1, totals["n_pred"])
    return totals


def _learned(doc, event) -> bool:
    token = doc.spacy_doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return token is not None and len(token) == 1 and token[0].pos_ in ("NOUN", "PROPN")


def shown(t: dict, base: dict) -> str:
    return "strict %d/%d (%+d)  precision %d/%d %.3f (%+.3f)  noun events %d" % (
        t["strict"],
        t["sal"],
        t["strict"] - base["strict"],
        t["correct"],
        t["n_pred"],
        t["precision"],
        t["precision"] - base["precision"],
        t["added"] - base["added"],
    )


def select(stage, sc, lexicon, rows, heads, halves, by_article, base, settings):
    """(C, threshold, sentences) of the best eligible setting on the two halves, or None."""
    results = {}
    for c in sorted({s[0] for s in settings}):
        for fit_on, held in (("A", "B"), ("B", "A")):
            table = table_of([x for d in halves[fit_on] for x in heads[d[0]]], lexicon)
            train = usable([r for r in rows if half_of(r["article"]) == fit_on], table)
            bias, weights = fit(train, c)
            held_rows = [r for r in rows if half_of(r["article"]) == held]
            for _, t, where in [s for s in settings if s[0] == c]:
                model = nm.NominalModel(bias, weights, t, table, where)
                got = score(stage, sc, halves[held], model, by_article, held_rows)
                results[(c, t, where, held)] = got
                print(
                    "C=%-4s t=%.2f sentences=%-16s fit %s code %s: %s"
                    % (c, t, "+".join(where), fit_on, held, shown(got, base[held])),
                    flush=True,
                )
    eligible = []
    for c, t, where in settings:
        gains = [results[(c, t, where, h)]["strict"] - base[h]["strict"] for h in "AB"]
        losses = [100 * (base[h]["precision"] - results[(c, t, where, h)]["precision"]) for h in "AB"]
        gains_pts = [100 * g / base[h]["sal"] for g, h in zip(gains, "AB")]
        if all(g > 0 for g in gains) and all(lo <= gp for lo, gp in zip(losses, gains_pts)):
            # the best balance, not the most strict: the largest strict gain sits at the edge of the
            # precision bound, and on realnews-dev it crossed it (docs/evaluation.md)
            eligible.append((sum(gains_pts) - sum(losses), c, t, where))
    return max(eligible)[1:] if eligible else None


def select_folds(stage, sc, lexicon, rows, heads, docs, by_article, base, settings):
    """(C, threshold, sentences) of the best eligible setting out of fold on half A's FOLDS folds, or
    None: each fold coded by a model fitted on the others, the totals summed over the folds."""
    folds = {k: [d for d in docs if fold_of(d[0], FOLDS) == k] for k in range(FOLDS)}
    totals = {s: Counter() for s in settings}
    for c in sorted({s[0] for s in settings}):
        for k, held in folds.items():
            fitted = [d for j, f in folds.items() if j != k for d in f]
            table = table_of([x for d in fitted for x in heads[d[0]]], lexicon)
            train = usable([r for r in rows if fold_of(r["article"], FOLDS) != k], table)
            if not any(r["y"] for r in train):
                continue
            bias, weights = fit(train, c)
            held_rows = [r for r in rows if fold_of(r["article"], FOLDS) == k]
            for setting in [s for s in settings if s[0] == c]:
                model = nm.NominalModel(bias, weights, setting[1], table, setting[2])
                got = score(stage, sc, held, model, by_article, held_rows)
                totals[setting].update({key: got[key] for key in ("strict", "sal", "correct", "n_pred", "added")})
    eligible = []
    for setting, t in totals.items():
        t["recall"] = t["strict"] / max(1, t["sal"])
        t["precision"] = t["correct"] / max(1, t["n_pred"])
        print(
            "C=%-4s t=%.2f sentences=%-16s out of fold on A: %s"
            % (setting[0], setting[1], "+".join(setting[2]), shown(t, base)),
            flush=True,
        )
        gain = 100 * (t["strict"] - base["strict"]) / base["sal"]
        loss = 100 * (base["precision"] - t["precision"])
        if t["strict"] > base["strict"] and loss <= gain:
            eligible.append((gain - loss, setting))
    return max(eligible)[1] if eligible else None


def _setting(text: str) -> tuple[float, float, tuple[str, ...]]:
    c, t, where = text.split(",")
    return float(c), float(t), tuple(where.split("+"))


NEVER = 1.01  # the threshold of a model no selection passed: it never fires


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__
    )
    ap.add_argument("--data", type=pathlib.Path, default=default_data(), help="the real-text set (default %(default)s)")
    ap.add_argument("--cache", type=pathlib.Path, help="a folder for the coded articles (reused when present)")
    ap.add_argument("--no-write", action="store_true", help="selection figures only")
    ap.add_argument("--out", type=pathlib.Path, default=nm.MODEL_PATH)
    ap.add_argument(
        "--setting",
        type=_setting,
        help="C,THRESHOLD,SENTENCES (e.g. 0.1,0.5,same+none): measure only this setting on the halves (written, "
        "inert unless eligible), instead of the whole grid",
    )
    ap.add_argument(
        "--select",
        choices=("folds", "halves"),
        default="folds",
        help="folds: out of fold on tune half A only (B never read); halves: fit on one half, code the other",
    )
    args = ap.parse_args()

    from diurna.events.stage import EventStage

    sc = scorer()
    lexicon = TriggerLexicon.load()
    by_folds = args.select == "folds"
    sets = coded(args.data, args.cache, only_a=by_folds)
    tune = sets["tune"]
    stage = EventStage()
    halves = {h: [d for d in tune if half_of(d[0]) == h] for h in "AB"}
    # the widest table (all tuning gold) only decides which nouns are recorded; each fit uses its own
    all_heads = [h for d in tune for h in heading_nouns(sc, lexicon, d[3], d[2])]
    rows, heads = examples(stage, sc, lexicon, tune, table_of(all_heads, lexicon))
    print(
        "examples: %d nouns, %d positive; by origin %s"
        % (len(rows), sum(r["y"] for r in rows), dict(Counter(r["origin"] for r in rows)))
    )
    by_article = per_article(stage, sc, tune, None)
    base = {h: score(stage, sc, halves[h], None, by_article, rows) for h in (("A",) if by_folds else "AB")}
    for h in base:
        print(
            "half %s without the model: strict %d/%d precision %.3f"
            % (h, base[h]["strict"], base[h]["sal"], base[h]["precision"])
        )
    settings = [args.setting] if args.setting else [(c, t, w) for c in C_GRID for t in THRESHOLDS for w in SENTENCES]
    if by_folds:
        chosen = select_folds(stage, sc, lexicon, rows, heads, tune, by_article, base["A"], settings)
    else:
        chosen = select(stage, sc, lexicon, rows, heads, halves, by_article, base, settings)
    eligible = chosen is not None
    if not eligible:
        # a model left from an earlier selection must not stay on: the first setting is fitted and
        # written with threshold 1.01, so the packaged model never fires until a selection passes
        print(
            "no setting raises strict on both halves without losing more precision than it gains: "
            "the packaged model is written inert (threshold 1.01)"
        )
        c, _, where = settings[0]
        chosen = (c, NEVER, where)
    c, t, where = chosen
    print("%s C=%s threshold=%.2f sentences=%s" % ("selected" if eligible else "inert", c, t, "+".join(where)))
    table = table_of(all_heads, lexicon)
    bias, weights = fit(usable(rows, table), c)
    model = nm.NominalModel(bias, weights, t, table, where)
    rn_rows, _ = examples(stage, sc, lexicon, sets["rn"], table)
    rn_by_article = per_article(stage, sc, sets["rn"], None)
    rn_base = score(stage, sc, sets["rn"], None, rn_by_article, rn_rows)
    rn = score(stage, sc, sets["rn"], model, rn_by_article, rn_rows)
    print(
        "realnews-dev without: strict %d/%d precision %.3f" % (rn_base["strict"], rn_base["sal"], rn_base["precision"])
    )
    print("realnews-dev with:    %s" % shown(rn, rn_base))
    if args.no_write:
        return 0
    meta = {
        "encoding": nm.ENCODING,
        "threshold": t,
        "sentences": list(where),
        "bias": bias,
        "meta": {
            "trained_on": "real-text set, tuning part%s (%d articles, %d noun occurrences)"
            % (" half A" if by_folds else "", len(tune), len(rows)),
            "selection": "out of fold on tune half A (%d folds)" % FOLDS if by_folds else "across tune halves",
            "C": c,
            "min_count": MIN_COUNT,
            "min_table": MIN_TABLE,
            "script": "scripts/train_nominal.py",
            "eligible": eligible,
        },
        "table": dict(sorted(table.items())),
        "weights": dict(sorted(weights.items())),
    }
    args.out.write_text(json.dumps(meta, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print("wrote %s (%d weights, %d table lemmas)" % (args.out, len(weights), len(table)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
