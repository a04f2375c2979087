#!/usr/bin/env python
"""Calibrate the event verifier's probability (diurna/events/model/verifier.json) on tune half A.

    PYTHONPATH=<scikit-learn> .venv/bin/python scripts/calibrate_verifier.py \
        --cache /tmp/verifier.facts.json.gz --argument-cache /tmp/args.pkl            # figures, writes nothing
    ... scripts/calibrate_verifier.py --cache ... --write                               # rewrites the packaged file

Why: an event's `confidence` is the verifier's probability that it is right (the scorer's strict
match). The packaged verifier was fitted on an earlier, larger real-text set coded by an earlier
pipeline; on today's output it is under-confident (on the events the stage emits from tune half A,
mean p 0.55 where 0.73 are right). Platt scaling fixes the scale without touching the ranking:
p' = 1 / (1 + exp(-(a * z + b))), z the model's own score, (a, b) a two-parameter logistic fit on
the events the stage emits from tune half A (`train_verifier.withheld` left out, negated events
not labelled, as train_verifier.examples). Since z -> a * z + b is increasing (a > 0), it is folded
into the model (every weight times a, the bias a * bias + b) and the default threshold is moved to
its image, so that the stage emits exactly the same events: only the confidences change. The
script checks that (the events kept at the threshold, before and after, on every article of the
cache) and prints log loss, mean p against the share right, and calibration bins on half A (fitted
on), half B and realnews-dev (read by no choice: held-out checks), before and after.

The facts cache is scripts/train_verifier.py's --cache (coded once, reused); a model that already
carries a calibration is calibrated again from its raw score (the calibration is undone first).
"""

from __future__ import annotations

import argparse
import json
import math
import pathlib
import sys

REPO = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

import train_verifier as tv  # noqa: E402
from diurna.events.verifier import MODEL_PATH  # noqa: E402
from diurna.learned import logistic  # noqa: E402
from eval_realtext import default_data, half_of, scorer  # noqa: E402

BINS = ((0.0, 0.3), (0.3, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01))


def logit(p: float) -> float:
    return math.log(p / (1.0 - p))


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def raw(model: dict) -> dict:
    """The model without its calibration (weights and bias as the trainer fitted them)."""
    cal = (model.get("meta") or {}).get("calibration")
    if not cal:
        return model
    a, b = cal["a"], cal["b"]
    out = dict(model, weights={n: w / a for n, w in model["weights"].items()}, bias=(model["bias"] - b) / a)
    out["threshold"] = sigmoid((logit(model["threshold"]) - b) / a) if model.get("threshold") else 0.0
    return out


def calibrated(model: dict, a: float, b: float, fitted_on: str) -> dict:
    """The model with z -> a * z + b folded into its weights and bias, its threshold moved to its image."""
    meta = dict(model.get("meta") or {})
    meta["calibration"] = {
        "a": round(a, 6),
        "b": round(b, 6),
        "fitted_on": fitted_on,
        "threshold_before": model.get("threshold", 0.0),
        "script": "scripts/calibrate_verifier.py",
    }
    a, b = meta["calibration"]["a"], meta["calibration"]["b"]  # the rounded values the file keeps undo exactly
    t = model.get("threshold", 0.0)
    return dict(
        model,
        weights={n: w * a for n, w in model["weights"].items()},
        bias=model["bias"] * a + b,
        threshold=sigmoid(a * logit(t) + b) if t else 0.0,
        meta=meta,
    )


def emitted_rows(articles) -> list:
    """train_verifier.examples of the events the stage emits whatever the threshold (`withheld` left out)."""
    kept = []
    for a in articles:
        events = [e for e in a["record"]["events"] if not tv.withheld(a, e)]
        kept.append(dict(a, record=dict(a["record"], events=events)))
    return tv.examples(kept)


def probabilities(model: dict, rows) -> list[float]:
    return [logistic(model["bias"], model["weights"], r[0]) for r in rows]


def report(name: str, rows, before: dict, after: dict) -> None:
    ys = [r[1] for r in rows]
    for label, model in (("before", before), ("after", after)):
        ps = probabilities(model, rows)
        loss = -sum(math.log(p) if y else math.log(1.0 - p) for p, y in zip(ps, ys)) / len(ys)
        bins = []
        for lo, hi in BINS:
            inside = [(p, y) for p, y in zip(ps, ys) if lo <= p < hi]
            if inside:
                bins.append(
                    "[%.1f,%.1f) %d: %.2f/%.2f"
                    % (
                        lo,
                        min(hi, 1.0),
                        len(inside),
                        sum(p for p, _ in inside) / len(inside),
                        sum(y for _, y in inside) / len(inside),
                    )
                )
        print(
            "  %-12s %-6s %3d events, right %.3f, mean p %.3f, log loss %.4f | %s"
            % (name, label, len(ys), sum(ys) / len(ys), sum(ps) / len(ps), loss, "; ".join(bins))
        )


def same_events(articles, before: dict, after: dict) -> bool:
    """Whether the stage keeps the same events of every article at the two models' thresholds."""
    for a in articles:
        for e in a["record"]["events"]:
            f = a["facts"].get(e["id"])
            if f is None or not a.get("story", True):
                continue
            feats = tv.features(f)
            keep_before = logistic(before["bias"], before["weights"], feats) >= before.get("threshold", 0.0)
            keep_after = logistic(after["bias"], after["weights"], feats) >= after.get("threshold", 0.0)
            if keep_before != keep_after:
                return False
    return True


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", type=pathlib.Path, required=True, help="scripts/train_verifier.py's --cache")
    ap.add_argument("--argument-cache", type=pathlib.Path, help="scripts/train_verifier.py's --argument-cache")
    ap.add_argument("--model", type=pathlib.Path, default=MODEL_PATH, help="the verifier to calibrate")
    ap.add_argument("--write", action="store_true", help="rewrite --model (else --out, else nothing)")
    ap.add_argument("--out", type=pathlib.Path, help="write the calibrated model here")
    args = ap.parse_args()
    from sklearn.linear_model import LogisticRegression

    sets = tv.coded_sets(default_data(), args.cache, args.argument_cache)
    sc = scorer()
    tv.label(sc, sets["tune"])
    tv.label(sc, sets["realnews"])
    parts = {h: [a for a in sets["tune"] if half_of(a["id"]) == h] for h in ("A", "B")}
    rows = {
        "half A": emitted_rows(parts["A"]),
        "half B": emitted_rows(parts["B"]),
        "realnews-dev": emitted_rows(sets["realnews"]),
    }
    model = raw(json.loads(args.model.read_text(encoding="utf-8")))
    z = [[logit(min(1 - 1e-9, max(1e-9, p)))] for p in probabilities(model, rows["half A"])]
    fit = LogisticRegression(C=1e4, max_iter=1000).fit(z, [r[1] for r in rows["half A"]])
    a, b = float(fit.coef_[0][0]), float(fit.intercept_[0])
    if a <= 0:
        print("the fitted slope %.3f is not positive: the ranking would turn; nothing written" % a)
        return 1
    fitted_on = "tune half A: the %d events the stage emits (recipientless-in-story left out)" % len(rows["half A"])
    new = calibrated(model, a, b, fitted_on)
    print(
        "Platt scaling on %s: a %.4f, b %.4f; threshold %s -> %.4f"
        % (fitted_on, a, b, model.get("threshold"), new["threshold"])
    )
    print("(half A fitted on; half B and realnews-dev held out: read by no choice)")
    for name, r in rows.items():
        report(name, r, model, new)
    every = sets["tune"] + sets["realnews"]
    if not same_events(every, model, new):
        print("the calibrated model keeps other events at its threshold: nothing written")
        return 1
    print("the same events kept at the threshold on all %d articles (only the confidences change)" % len(every))
    out = args.model if args.write else args.out
    if out is not None:
        new["weights"] = {n: round(w, 6) for n, w in sorted(new["weights"].items())}
        new["bias"] = round(new["bias"], 6)
        if not same_events(every, model, new):
            print("after rounding the weights, other events are kept: nothing written")
            return 1
        out.write_text(json.dumps(new, indent=0, sort_keys=False) + "\n", encoding="utf-8")
        print("wrote %s" % out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
