#!/usr/bin/env python3
"""Fit diurna/actors/data/sector_model.json: the learned sector of a named actor (person,
organisation, group) the rules leave without one (diurna/actors/sector_model.py; issue #21).

Data read (and nothing else):
- diurna's output on the tune split of the project's real-text set (eval/realtext/README.md), as
  `scripts/eval_realtext.py --split tune --keep CODED.jsonl` writes it (the article's text and its
  actors with their mentions' offsets): the features are read from it. An article of another split
  in the file is refused.
- the gold files of those tune articles (DATA/gold/<id>.json; DATA is $DIURNA_REALTEXT, else
  eval/opennews) for the labels. The frozen split is decided from the article id before any gold file is
  read, and never opened.

Examples: every output actor of a kind the model decides whose name matches, as whole words, an alias
of gold actors of its article (the figure's own test, scripts/eval_actor_countries.py) that agree on
the sectors they accept (their intersection; "-", a bare state, is not a sector). Each sector is one
logistic (scikit-learn at training time only: `pip install .[train]`) over the actor's features
(sector_model.features), trained on every such actor (those the rules coded too: their titles and
appositions teach the same words) and applied only to actors with no sector.

Model selection on held-out articles: the window, the vocabulary's minimum number of articles and the
regularisation strength are chosen by fitting on one id-hash half of the tune articles (A, B, as
scripts/train_arguments.py does) and scoring the other (gold-accepted sectors given to the held-out
actors that had none, minus the bare "-" answers lost); the threshold the same way. With `--half A` they
are chosen out-of-fold on 5 folds by article of half A alone, so that the model written never saw
half B's gold (code B with it: the held-out figure). The chosen
setting is then scored out-of-fold on 5 folds by article (`--oof-out` writes the coded output with
those out-of-fold sectors, to score with eval_realtext.py --pred and eval_actor_countries.py: the
held-out figures of docs/evaluation.md), and the shipped model is fitted on all tune articles.

    .venv/bin/python scripts/eval_realtext.py --split tune --keep /tmp/tune.jsonl   # code once
    .venv/bin/python scripts/train_actor_sector.py /tmp/tune.jsonl                  # select, write
    .venv/bin/python scripts/train_actor_sector.py /tmp/tune.jsonl --oof-out /tmp/tune.oof.jsonl
    .venv/bin/python scripts/train_actor_sector.py /tmp/tune.jsonl --half A --setting 4,2,3.0,0.15 --out /tmp/A.json
"""

from __future__ import annotations

import argparse
import itertools
import json
import pathlib
import sys
from collections import defaultdict

REPO = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from diurna.actors.sector_model import KINDS, MODEL_FILE, choose, features  # noqa: E402
from eval_actor_countries import named_alike  # noqa: E402  (the figure's own test of a gold alias)
from eval_realtext import default_data, fold_of, half_of, split_of  # noqa: E402  (the real-text set's own split)

WINDOWS = (0, 2, 4)
MIN_ARTICLES = (2, 3)
C_GRID = (0.3, 1.0, 3.0)
THRESHOLDS = (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)
MIN_SECTOR_EXAMPLES = 3  # a sector fewer training actors accept gets no logistic
PRUNE = 0.05  # weights smaller than this are left out of the file (and of the held-out models alike)


def gold_sectors(gold: dict, name: str) -> set | None:
    """The sectors every gold actor named like `name` accepts (None: no such actor, or none in common)."""
    sets = []
    for event in gold["events"] + gold.get("acceptable_extra", []):
        for side in ("source", "target"):
            actor = event.get(side)
            if actor and named_alike(name, actor.get("names") or []):
                sets.append(set(actor.get("sector") or []))
    if not sets:
        return None
    common = set.intersection(*sets) - {"-"}
    bare = all("-" in s for s in sets)
    return common | ({"-"} if bare else set()) if common or bare else None


def examples_of(coded: pathlib.Path, data: pathlib.Path) -> tuple[list[dict], list[dict]]:
    """(examples, the coded articles): one example per actor of a decided kind named alike a gold actor."""
    articles, examples = [], []
    for line in coded.open(encoding="utf-8"):
        if not line.strip():
            continue
        article = json.loads(line)
        article_id = article["article"]["id"]
        if split_of(article_id) != "tune":
            raise SystemExit("%s: article %s is not of the tune split; refusing it" % (coded, article_id))
        articles.append(article)
        gold = json.loads((data / "gold" / (article_id + ".json")).read_text(encoding="utf-8"))
        for actor in article["actors"]:
            if actor["kind"] not in KINDS:
                continue
            label = gold_sectors(gold, actor["name"])
            if label is None:
                continue
            examples.append(
                {
                    "article": article_id,
                    "id": actor["id"],
                    "kind": actor["kind"],
                    "coded": actor["sector"] is not None,
                    "spans": [(m["start"], m["end"]) for m in actor["mentions"]],
                    "text": article["article"]["text"],
                    "label": sorted(label),
                }
            )
    return examples, articles


def fit(train: list[dict], window: int, min_articles: int, c: float) -> dict:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = [features(ex["text"], ex["spans"], ex["kind"], window) for ex in train]
    seen = defaultdict(set)
    for ex, row in zip(train, rows):
        for name in row:
            seen[name].add(ex["article"])
    vocab = {name for name, arts in seen.items() if len(arts) >= min_articles}
    rows = [{k: v for k, v in row.items() if k in vocab} for row in rows]
    vec = DictVectorizer()
    X = vec.fit_transform(rows)
    names = vec.get_feature_names_out()
    counts = defaultdict(int)
    for ex in train:
        for s in ex["label"]:
            counts[s] += 1
    sectors = sorted(s for s, n in counts.items() if n >= MIN_SECTOR_EXAMPLES and s != "-")
    model = {"window": window, "threshold": 0.0, "sectors": sectors, "bias": {}, "weights": {}}
    for s in sectors:
        y = [int(s in ex["label"]) for ex in train]
        lr = LogisticRegression(C=c, max_iter=3000)
        lr.fit(X, y)
        model["bias"][s] = round(float(lr.intercept_[0]), 4)
        model["weights"][s] = {n: round(float(w), 3) for n, w in zip(names, lr.coef_[0]) if abs(w) >= PRUNE}
    return model


def gain(model: dict, held: list[dict], threshold: float) -> tuple[int, int, int]:
    """(gain, sectors given, given sectors the gold accepts) on held-out actors that had no sector:
    accepted sectors given, minus bare answers ("-") the gold accepted and the model replaced."""
    model = dict(model, threshold=threshold)
    given = right = lost = 0
    for ex in held:
        if ex["coded"]:
            continue
        sector = choose(model, features(ex["text"], ex["spans"], ex["kind"], model["window"]))
        if sector is None:
            continue
        given += 1
        right += sector in ex["label"]
        lost += "-" in ex["label"]
    return right - lost, given, right


def packaged_gain(examples: list[dict], path: pathlib.Path = MODEL_FILE) -> None:
    """The packaged model's gain on each half, by `gain` with its own threshold: when it was fitted on
    other articles (an earlier real-text set) both halves are held out for it, so its figures stand
    beside the refit's held-out ones. Fair only on output coded without it (DIURNA_ACTOR_SECTOR_MODEL=""):
    else the actors it gave a sector are no longer open."""
    if not path.exists():
        return
    model = json.loads(path.read_text(encoding="utf-8"))
    per_half = {
        h: gain(model, [ex for ex in examples if half_of(ex["article"]) == h], model["threshold"]) for h in "AB"
    }
    total = tuple(sum(x) for x in zip(*per_half.values()))
    print(
        "packaged model (%s; threshold %.2f): gain %d (given %d, right %d); A %s, B %s"
        % (model.get("trained_on"), model["threshold"], *total, per_half["A"], per_half["B"])
    )


def select(examples: list[dict], half: str | None = None) -> tuple[tuple, float]:
    """The setting (window, min_articles, C) and threshold of the largest held-out gain: each half's
    fit scored on the other half; with `half`, out-of-fold on 5 folds by article of that half alone
    (a model fitted on half A and selected so never saw half B's gold, which stays a held-out check)."""
    if half:
        own = [ex for ex in examples if half_of(ex["article"]) == half]
        splits = [
            ([ex for ex in own if fold_of(ex["article"], 5) != k], [ex for ex in own if fold_of(ex["article"], 5) == k])
            for k in range(5)
        ]
    else:
        halves = {h: [ex for ex in examples if half_of(ex["article"]) == h] for h in "AB"}
        splits = [(halves["A"], halves["B"]), (halves["B"], halves["A"])]
    best = None
    for window, min_articles, c in itertools.product(WINDOWS, MIN_ARTICLES, C_GRID):
        models = [fit(train, window, min_articles, c) for train, _ in splits]
        for t in THRESHOLDS:
            scores = [gain(model, held, t) for model, (_, held) in zip(models, splits)]
            total = tuple(sum(x) for x in zip(*scores))
            print(
                "  window %d min_articles %d C %-4s threshold %.2f: held-out gain %d (given %d, right %d)"
                % (window, min_articles, c, t, *total)
            )
            key = (total[0], t)  # the larger gain; at a tie, the higher threshold (fewer guesses)
            if best is None or key > best[0]:
                best = (key, (window, min_articles, c), t)
    return best[1], best[2]


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__
    )
    ap.add_argument("coded", type=pathlib.Path, help="diurna's output on the tune split (eval_realtext.py --keep)")
    ap.add_argument("--data", type=pathlib.Path, default=default_data(), help="the real-text set (default %(default)s)")
    ap.add_argument("--out", type=pathlib.Path, default=MODEL_FILE, help="where to write (default %(default)s)")
    ap.add_argument("--oof-out", type=pathlib.Path, help="write the coded output with out-of-fold sectors here")
    ap.add_argument(
        "--half",
        choices=("A", "B"),
        help="fit on this id-hash half of the tune articles only (to code the other half with "
        "$DIURNA_ACTOR_SECTOR_MODEL pointing at it: the held-out figure with the events stage in the loop)",
    )
    ap.add_argument(
        "--setting",
        metavar="W,MIN,C,T",
        help="window, min_articles, C and threshold to use instead of selecting them (e.g. 4,2,3.0,0.15)",
    )
    args = ap.parse_args()
    if not (args.data / "gold").is_dir():
        raise SystemExit("no real-text set at %s (set --data or $DIURNA_REALTEXT)" % args.data)
    examples, articles = examples_of(args.coded, args.data)
    open_ = [ex for ex in examples if not ex["coded"]]
    print(
        "%d labelled actors from %d articles; %d without a sector (the bare answer accepted for %d)"
        % (len(examples), len({ex["article"] for ex in examples}), len(open_), sum("-" in ex["label"] for ex in open_))
    )
    packaged_gain(examples)
    if args.setting:
        w, m, c_, t = args.setting.split(",")
        (window, min_articles, c), threshold = (int(w), int(m), float(c_)), float(t)
    else:
        (window, min_articles, c), threshold = select(examples, args.half)
    print("setting: window %d, min_articles %d, C %s, threshold %.2f" % (window, min_articles, c, threshold))
    if args.half:
        examples = [ex for ex in examples if half_of(ex["article"]) == args.half]
        args.oof_out = None  # out-of-fold figures are of the whole tune split
    oof: dict[str, str] = {}
    total = [0, 0, 0]
    for k in range(5 if not args.half else 0):
        train = [ex for ex in examples if fold_of(ex["article"], 5) != k]
        model = dict(fit(train, window, min_articles, c), threshold=threshold)
        held = [ex for ex in examples if fold_of(ex["article"], 5) == k]
        total = [a + b for a, b in zip(total, gain(model, held, threshold))]
        for article in articles:
            if fold_of(article["article"]["id"], 5) != k:
                continue
            text = article["article"]["text"]
            for actor in article["actors"]:
                if actor["kind"] in KINDS and actor["sector"] is None:
                    spans = [(m["start"], m["end"]) for m in actor["mentions"]]
                    sector = choose(model, features(text, spans, actor["kind"], window))
                    if sector is not None:
                        oof[actor["id"]] = sector
    if not args.half:
        print(
            "out-of-fold (5 folds by article), labelled actors without a sector: gain %d (given %d, right %d)"
            % tuple(total)
        )
    if args.oof_out:
        with args.oof_out.open("w", encoding="utf-8") as out:
            for article in articles:
                for actor in article["actors"]:
                    if actor["id"] in oof:
                        actor["sector"] = oof[actor["id"]]
                        # the country or a people's prefix, then the sector
                        actor["code"] = (actor["code"] or "") + actor["sector"]
                out.write(json.dumps(article, ensure_ascii=False) + "\n")
        print("wrote %s (%d actors given an out-of-fold sector)" % (args.oof_out, len(oof)))
    model = dict(fit(examples, window, min_articles, c), threshold=threshold)
    model["trained_on"] = "real-text tune split%s: %d labelled actors, %d articles" % (
        " (half %s)" % args.half if args.half else "",
        len(examples),
        len({ex["article"] for ex in examples}),
    )
    args.out.write_text(json.dumps(model, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    print("wrote %s (%d sectors)" % (args.out, len(model["sectors"])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
