#!/usr/bin/env python
"""Train diurna's statement model (diurna/events/statements.py); writes diurna/events/model/statements.json.

    .venv/bin/pip install scikit-learn                    # training only (pyproject extra "train")
    .venv/bin/python scripts/train_statements.py --cache /tmp/statements.json.gz     # one command
    .venv/bin/python scripts/train_statements.py --cache /tmp/statements.json.gz --no-write

Data read (texts read where they are, never copied; the model holds feature names and weights only):
- the TUNING part of the real-text set ($DIURNA_REALTEXT, else eval/opennews; split as
  scripts/eval_realtext.py splits it). The frozen part is never read: its articles are skipped
  before they are opened.
- ../shared/data/realnews-dev (20 articles): never trained on, scored as an extra held-out check.

Each article is coded once by the whole pipeline WITHOUT the statement model (DIURNA_STATEMENTS=0);
for every quote the quote stage found with a speaker (statements.statements) the script keeps the
model's features, where its candidate's trigger would sit, its source (the speaker) and, per type,
the target the rules of statements.TARGET_RULES choose and whether the stage already had an event of
that type from the speaker there (`--cache` keeps all of it with the coded records; delete the cache
after changing `features` or the pipeline).

Labels: a quote is labelled with the type of a gold event (salient or not, or an acceptable extra)
of one of TYPES when its candidate's trigger lies in the sentence of that event's evidence and the
speaker is the event's source by the realnews-dev scorer's own actor matching (score.py's locate,
sentence_spans, actor_ok); else NONE (printed, for the record). What each type's model learns is
"right": for every type the stage has not already coded from the speaker there, whether the event
the stage would add (that type, the speaker, the target the rules chose) is right by the scorer's
strict match (score_article) -- what the stage adds, so that precision is what is learned.

Selection, out of fold only: the tuning articles are halved by id hash (A, B: eval_realtext.half_of);
a logistic per type fitted on A reads B's quotes and one fitted on B reads A's, for each
regularisation strength and threshold; B's (A's) coded records with the statement events added are
scored with the realnews-dev scorer (strict recall, precision; the events are added to the records as
the stage would add them, without the pair classifier's veto, which can only drop some). A threshold is packaged only when
strict rises on BOTH halves and precision does not fall more than strict gains; then the model fitted
on all tuning articles is checked on realnews-dev the same way (it must not be worse). When no
threshold passes, the packaged thresholds are 1.01 (the model never fires) and the script says so.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import sys
import time
from types import SimpleNamespace

REPO = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))
os.environ["DIURNA_STATEMENTS"] = "0"  # the articles are coded without the model being trained

from diurna.events import statements as stm  # noqa: E402
from eval_realtext import default_data, half_of, load_cache, realnews_dev, save_cache, scorer, tune_texts  # noqa: E402

TYPES = ("ACCUSE", "REJECT", "REQUEST", "THREATEN", "SUPPORT")
MIN_COUNT = 3  # a feature seen in fewer training quotes gets no weight
C_GRID = (0.1, 0.3, 1.0)
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6)
# `features` of these encodings are the same: -3 added the speaker/recipient pair, computed from the
# cached records (add_pairs)
CACHE_ENCODINGS = (stm.ENCODING, "statement-features-2")
SCORE_ARGS = SimpleNamespace(keep_negated=False, anywhere=False, lenient_null_target=False)


# ------------------------------------------------------------------ coding


def read_statements(stage, doc) -> list[dict]:
    """What the trainer needs of each statement of a coded article (see the module docstring)."""
    existing = stage.candidates(doc)
    out = []
    for st in stm.statements(doc):
        base = {}
        for plover in TYPES:
            cand, rule = stm.targeted(doc, st, plover, stage.arguments)
            base[plover] = {
                "alts": {
                    r.name: (lambda a: a.actor_id if a else None)(r.find(doc, st, cand, stage.arguments))
                    for r in stm.TARGET_RULES
                },
                "target": cand.target.actor_id if cand.target else None,
                "rule": rule,
                "already": stm.already_coded(st, existing, plover),
            }
        sent = st.head.sent
        out.append(
            {
                "features": stm.features(doc, st, existing),
                "speaker": st.speaker.actor_id,
                "trigger": [st.head.idx, st.head.idx + len(st.head.text), st.head.text],
                "sentence": [sent.start_char, sent.end_char],
                "per_type": base,
            }
        )
    return out


def code(items):
    """[(id, text, pubdate)] -> [(record dict, [statement])], in order."""
    from diurna.events.stage import EventStage
    from diurna.ingest.base import RawArticle
    from diurna.pipeline import Pipeline

    pipeline = Pipeline(time_budget=0)
    stage = next(s for s in pipeline.stages if isinstance(s, EventStage))
    assert stage.statements is None
    raws = [RawArticle(origin=i, text=t, date=d) for i, t, d in items]
    out = []
    started = time.monotonic()
    for (article_id, _, _), item in zip(items, pipeline(raws)):
        if not hasattr(item, "spacy_doc"):
            raise SystemExit("%s: not coded: %s" % (article_id, item))
        out.append((item.to_record().model_dump(mode="json"), read_statements(stage, item)))
        if len(out) % 25 == 0:
            print("  coded %d/%d (%.0f s)" % (len(out), len(items), time.monotonic() - started), file=sys.stderr)
    return out


def coded_sets(data: pathlib.Path, cache: pathlib.Path | None) -> dict:
    """{"tune": [article], "realnews": [article]}; an article is {"id", "gold", "record", "statements"}."""
    sets = load_cache(cache)
    if sets is not None:
        if sets.get("encoding") in CACHE_ENCODINGS:
            return sets
        print("cache %s holds %r: coding again" % (cache, sets.get("encoding")), file=sys.stderr)
    sets = {"encoding": stm.ENCODING}
    for name, articles in (("tune", tune_texts(data)), ("realnews", realnews_dev())):
        print("coding %d %s articles" % (len(articles), name), file=sys.stderr)
        coded = code([(i, t, d) for i, t, d, _ in articles])
        sets[name] = [
            {"id": i, "gold": g, "record": r, "statements": s} for (i, _, _, g), (r, s) in zip(articles, coded)
        ]
    save_cache(cache, sets)
    return sets


# ------------------------------------------------------------------ labels


def described(actors: dict, actor_id):
    a = actors.get(actor_id) if actor_id else None
    return (a.get("country"), a.get("sector")) if a else None


def add_pairs(articles) -> None:
    """Each statement's per-type `pair` (statements.pair_features of speaker and target), in place,
    from the coded record's actors (what the stage reads from doc.actor)."""
    for a in articles:
        actors = {x["id"]: x for x in a["record"].get("actors", [])}
        for s in a["statements"]:
            for v in s["per_type"].values():
                v["pair"] = stm.pair_features(described(actors, s["speaker"]), described(actors, v["target"]))


def options(s: dict) -> dict:
    return {t: (v["rule"], v["already"], tuple(v["pair"])) for t, v in s["per_type"].items()}


def event_of(s: dict, k: int, plover: str, p: float = 1.0) -> dict:
    """The event the stage would add for statement `s` read as `plover` (as a record's event)."""
    lo, hi, word = s["trigger"]
    return {
        "id": "stm_%d_%s" % (k, plover),
        "type": plover,
        "source": s["speaker"],
        "target": s["per_type"][plover]["target"],
        "trigger": {"text": word, "start": lo, "end": hi},
        "sentence": {"start": s["sentence"][0], "end": s["sentence"][1]},
        "polarity": "asserted",
        "confidence": p,
    }


def label(sc, articles) -> None:
    """Each statement's "label" (a type of TYPES whose gold event it tells, or NONE: the module
    docstring) and "right" (per type not already coded: would its event, with the rules' target, be
    right by the scorer's strict match), in place. The model learns "right": what the stage would add."""
    for a in articles:
        text = a["record"]["article"].get("text") or ""
        ntext, idx = sc.norm_map(text)
        sents = sc.sentence_spans(text)
        actors = {x["id"]: x for x in a["record"].get("actors", [])}
        golds = list(a["gold"]["events"]) + list(a["gold"].get("acceptable_extra", []))
        spans = []
        for g in golds:
            where = []
            for q in [g["evidence"]] + list(g.get("evidence_alt") or []):
                for lo, hi in sc.locate(q, ntext, idx):
                    ss = [s for s in sents if s[0] < hi and lo < s[1]]
                    where.append((min(s[0] for s in ss), max(s[1] for s in ss)) if ss else (lo, hi))
            spans.append(where)
        for s in a["statements"]:
            s["label"] = "NONE"
            at = s["trigger"][0]
            for g, where in zip(golds, spans):
                kinds = sc.types_of(g) & set(TYPES)
                if (
                    kinds
                    and any(lo <= at < hi for lo, hi in where)
                    and sc.actor_ok(actors.get(s["speaker"]), g.get("source"))
                ):
                    s["label"] = sorted(kinds)[0]
                    break
        every = [
            event_of(s, k, t) for k, s in enumerate(a["statements"]) for t in TYPES if not s["per_type"][t]["already"]
        ]
        r = sc.score_article(a["gold"], dict(a["record"], events=every), SCORE_ARGS)
        right = {row["pred"]["e"]["id"]: int(row["correct"]) for row in r["_detail"]["pred_rows"]}
        for k, s in enumerate(a["statements"]):
            s["right"] = {t: right.get("stm_%d_%s" % (k, t), 0) for t in TYPES}


# ------------------------------------------------------------------ the model


def fit(quotes: list[dict], c: float) -> dict:
    """A logistic per type, fitted on the quotes in which the stage has no event of that type from the
    speaker (only those can become candidates of it), to "right"; features seen in >= MIN_COUNT of them."""
    from collections import Counter

    import numpy as np
    from sklearn.linear_model import LogisticRegression

    model = {"encoding": stm.ENCODING, "types": [], "bias": {}, "weights": {}, "threshold": {}}
    for plover in TYPES:
        rows = [
            stm.with_rule(q["features"], q["per_type"][plover]["rule"], q["per_type"][plover]["pair"])
            for q in quotes
            if not q["per_type"][plover]["already"]
        ]
        y = np.array([q["right"][plover] for q in quotes if not q["per_type"][plover]["already"]], dtype=int)
        if y.sum() < 3:
            continue
        counts = Counter(name for f in rows for name in f)
        vocab = sorted(n for n, k in counts.items() if k >= MIN_COUNT)
        index = {n: k for k, n in enumerate(vocab)}
        x = np.zeros((len(rows), len(vocab)))
        for r, f in enumerate(rows):
            for name, v in f.items():
                if name in index:
                    x[r, index[name]] = v
        lr = LogisticRegression(C=c, max_iter=2000).fit(x, y)
        model["types"].append(plover)
        model["bias"][plover] = round(float(lr.intercept_[0]), 5)
        model["weights"][plover] = {n: round(float(w), 5) for n, w in zip(vocab, lr.coef_[0]) if abs(w) >= 1e-4}
        model["threshold"][plover] = 1.01
    return model


def added_events(article: dict, model: stm.StatementModel) -> list[dict]:
    """The events the stage would add to the article's record with `model` (as records' events)."""
    out = []
    for k, s in enumerate(article["statements"]):
        plover, p = model.reading(s["features"], options(s))
        if plover is not None:
            out.append(event_of(s, k, plover, p))
    return out


def figures(sc, articles: list[dict], model: stm.StatementModel | None) -> dict:
    """Strict recall and precision of the articles' records, with the model's events added."""
    n = dict(strict=0, sal=0, correct=0, pred=0, added=0, added_right=0)
    for a in articles:
        extra = added_events(a, model) if model is not None else []
        record = dict(a["record"], events=a["record"]["events"] + extra)
        r = sc.score_article(a["gold"], record, SCORE_ARGS)
        n["strict"] += r["strict"]
        n["sal"] += r["sal"]
        n["correct"] += r["correct"]
        n["pred"] += r["n_pred"]
        rows = r["_detail"]["pred_rows"]
        n["added"] += len(extra)
        n["added_right"] += sum(row["correct"] for row in rows if row["pred"]["e"]["id"].startswith("stm_"))
    n["recall"] = n["strict"] / max(1, n["sal"])
    n["precision"] = n["correct"] / max(1, n["pred"])
    return n


def with_threshold(model: dict, t: float, need_target: bool) -> stm.StatementModel:
    return stm.StatementModel(dict(model, threshold={k: t for k in model["types"]}, need_target=need_target))


def show(name: str, n: dict) -> str:
    return "%s strict %d/%d = %.4f  precision %d/%d = %.4f  added %d (right %d)" % (
        name,
        n["strict"],
        n["sal"],
        n["recall"],
        n["correct"],
        n["pred"],
        n["precision"],
        n["added"],
        n["added_right"],
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=pathlib.Path, default=default_data(), help="the real-text set (tuning part read)")
    ap.add_argument("--cache", type=pathlib.Path, help="coded records and statements (gzip JSON)")
    ap.add_argument("--no-write", action="store_true", help="do not write the model")
    ap.add_argument("--out", type=pathlib.Path, default=stm.MODEL_PATH)
    args = ap.parse_args()
    sc = scorer()
    sets = coded_sets(args.data, args.cache)
    tune, realnews = sets["tune"], sets["realnews"]
    label(sc, tune)
    label(sc, realnews)
    add_pairs(tune)
    add_pairs(realnews)
    quotes = [s for a in tune for s in a["statements"]]
    from collections import Counter

    print("tuning quotes with a speaker: %d; labels %s" % (len(quotes), dict(Counter(q["label"] for q in quotes))))
    print("right as a new event, per type: %s" % {t: sum(q["right"][t] for q in quotes) for t in TYPES})
    halves = {h: [a for a in tune if half_of(a["id"]) == h] for h in "AB"}
    base = {h: figures(sc, halves[h], None) for h in "AB"}
    for h in "AB":
        print(show("half %s main      " % h, base[h]))
    best = None
    for c in C_GRID:
        fitted = {h: fit([s for a in halves[o] for s in a["statements"]], c) for h, o in (("A", "B"), ("B", "A"))}
        # need_target=False was measured too (eighth session): with the "target_rule:none" feature
        # it added the same events at every setting, so only statements with a recipient are read
        for t, need in [(t, True) for t in THRESHOLDS]:
            held = {h: figures(sc, halves[h], with_threshold(fitted[h], t, need)) for h in "AB"}
            gains = {
                h: (held[h]["recall"] - base[h]["recall"], held[h]["precision"] - base[h]["precision"]) for h in "AB"
            }
            ok = all(g[0] > 0 and -g[1] <= g[0] for g in gains.values())
            print(
                "C=%.2f t=%.2f need_target=%d  %s | %s  %s"
                % (c, t, need, show("A", held["A"]), show("B", held["B"]), "passes" if ok else "")
            )
            if ok:
                score = sum(g[0] + g[1] for g in gains.values())
                if best is None or score > best[0]:
                    best = (score, c, t, need)
    final = fit(quotes, best[1] if best else C_GRID[0])
    t = best[2] if best else 1.01
    need = best[3] if best else True
    model = with_threshold(final, t, need)
    rn_base, rn = figures(sc, realnews, None), figures(sc, realnews, model)
    print(show("realnews-dev main ", rn_base))
    print(show("realnews-dev model", rn))
    if best is None:
        print("no threshold passed on both halves: the packaged model never fires (thresholds 1.01)")
    elif rn["recall"] < rn_base["recall"] or (
        rn["recall"] == rn_base["recall"] and rn["precision"] < rn_base["precision"]
    ):
        print("worse on realnews-dev: the packaged model never fires (thresholds 1.01)")
        t = 1.01
    else:
        print("packaged: C=%.2f threshold %.2f" % (best[1], t))
    final["threshold"] = {k: t for k in final["types"]}
    final["need_target"] = need
    final["meta"] = {
        "trained_on": "real-text set, tuning part (%d articles, %d quotes)" % (len(tune), len(quotes)),
        "C": best[1] if best else None,
        "min_count": MIN_COUNT,
        "script": "scripts/train_statements.py",
        # what the held-out selection chose, and what it did on realnews-dev, whether packaged or not
        "selected_threshold": best[2] if best else None,
        "realnews_dev": {
            "main": [rn_base["strict"], rn_base["sal"], rn_base["correct"], rn_base["pred"]],
            "selected": [rn["strict"], rn["sal"], rn["correct"], rn["pred"]],
        },
    }
    if not args.no_write:
        args.out.write_text(json.dumps(final, indent=0, sort_keys=True) + "\n", encoding="utf-8")
        print("wrote %s" % args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
