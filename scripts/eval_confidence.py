#!/usr/bin/env python
"""How well each event's `confidence` ranks right events from wrong ones, on gold in realnews-dev's format.

    .venv/bin/python scripts/eval_confidence.py eval/opennews/.gold.tune.jsonl OUT.jsonl
    .venv/bin/python scripts/eval_confidence.py ../shared/data/realnews-dev/gold.jsonl rn.out.jsonl

OUT.jsonl is `diurna code` output of the same articles (e.g. `eval_realtext.py --keep OUT.jsonl`).
By default the stage already leaves out a story's events under the packaged threshold: to see every
threshold from 0, code with `--min-confidence 0`.
Each emitted event is labelled right when realnews-dev's scorer (score.py's `score_article`) matches it
strictly to a gold or acceptable-extra event, as scripts/train_verifier.py labels its training events.
Prints the AUC of `confidence`, its calibration by bins, and strict recall / precision when the events
under each threshold are left out (what `diurna code --min-confidence T` would emit). Totals only, so it
may be run on the frozen part when reporting; never choose a threshold with the frozen part.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys
from types import SimpleNamespace

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from eval_realtext import scorer  # noqa: E402  (the scripts' one loader of realnews-dev's scorer)

THRESHOLDS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5)
BINS = ((0.0, 0.1), (0.1, 0.2), (0.2, 0.3), (0.3, 0.4), (0.4, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 1.01))
# labelling keeps negated events (they are emitted and carry a confidence); the totals score as score.py does
LABEL_ARGS = SimpleNamespace(keep_negated=True, anywhere=False, lenient_null_target=False)
SCORE_ARGS = SimpleNamespace(keep_negated=False, anywhere=False, lenient_null_target=False)


def article_keys(gold: dict) -> set[str]:
    """The ids an output record may carry for this gold: realnews-dev's are the file's stem
    ("01_kenya_lsk_police"), the real-text set's the part before the slug ("rt-a-01")."""
    stem = pathlib.PurePosixPath(gold.get("file", "")).stem
    if not stem:
        raise SystemExit("gold record without a file: %r" % sorted(gold))
    return {stem, stem.split("_", 1)[0]}


def pairs(gold_path: pathlib.Path, pred_path: pathlib.Path) -> list[tuple[dict, dict]]:
    gold = {}
    for n, line in enumerate(gold_path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            record = json.loads(line)
            gold.update(dict.fromkeys(article_keys(record), record))
    out = []
    for n, line in enumerate(pred_path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        record = json.loads(line)
        key = str(record["article"]["id"])
        if key not in gold:
            raise SystemExit("%s line %d: article %r has no gold in %s" % (pred_path, n, key, gold_path))
        out.append((gold[key], record))
    return out


def auc(rows: list[tuple[float, int]]) -> float:
    right = [p for p, y in rows if y]
    wrong = [p for p, y in rows if not y]
    if not right or not wrong:
        return float("nan")
    return sum((r > w) + 0.5 * (r == w) for r in right for w in wrong) / (len(right) * len(wrong))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", type=pathlib.Path, help="gold JSONL (realnews-dev's format)")
    parser.add_argument("pred", type=pathlib.Path, help="diurna's output JSONL for the same articles")
    args = parser.parse_args()
    sc = scorer()
    articles = pairs(args.gold, args.pred)
    rows = []
    for gold, record in articles:
        result = sc.score_article(gold, record, LABEL_ARGS)
        for event, verdict in zip(record["events"], result["_detail"]["pred_rows"]):
            rows.append((float(event.get("confidence") or 0.0), int(verdict["correct"])))
    print(
        "%d articles, %d events, %d right; AUC of confidence %.3f"
        % (len(articles), len(rows), sum(y for _, y in rows), auc(rows))
    )
    print("  bin          events  mean p  right")
    for lo, hi in BINS:
        inside = [(p, y) for p, y in rows if lo <= p < hi]
        if inside:
            mean_p = sum(p for p, _ in inside) / len(inside)
            share = sum(y for _, y in inside) / len(inside)
            print("  [%.1f,%.1f)  %6d  %6.3f  %5.3f" % (lo, min(hi, 1.0), len(inside), mean_p, share))
    for t in THRESHOLDS:
        totals = dict(strict=0, sal=0, correct=0, n_pred=0)
        for gold, record in articles:
            kept = dict(record, events=[e for e in record["events"] if float(e.get("confidence") or 0.0) >= t])
            result = sc.score_article(gold, kept, SCORE_ARGS)
            for key in totals:
                totals[key] += result[key]
        recall = totals["strict"] / totals["sal"] if totals["sal"] else 0.0
        precision = totals["correct"] / totals["n_pred"] if totals["n_pred"] else 0.0
        print(
            "  t=%.2f: events %d, strict %d/%d = %.3f, precision %d/%d = %.3f"
            % (
                t,
                totals["n_pred"],
                totals["strict"],
                totals["sal"],
                recall,
                totals["correct"],
                totals["n_pred"],
                precision,
            )
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
