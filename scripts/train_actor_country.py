#!/usr/bin/env python3
"""Fit diurna/actors/data/country_model.json: the learned choice of the country of an actor only the
story can give one (rule learned-country, diurna/actors/country_model.py; issue #21).

Data read (and nothing else): the tune split of the project's real-text set (eval/realtext/README.md;
DATA is $DIURNA_REALTEXT, else eval/opennews): each tune article's text and manifest, coded by diurna up to
the places stage, and its gold file for the labels. The frozen split is decided from the manifest id
before any text or gold file is read, and never opened.

Examples: every actor the country stage would let the story decide (no stated country, not one
called foreign, not given one by rule owner-of-its or same-head-country) whose name matches, as whole
words, an alias of gold actors of its article that all agree on a country set (docs/annotation.md:
"country"; an organisation above states has none). Each candidate country of the story, and the
option of no country, is one row of features (country_model.FEATURES), labelled by whether the gold
accepts it; a logistic regression (scikit-learn, at training time only: `pip install .[train]`)
scores the rows, and an actor the rules gave no country gets its best-scored candidate (the rules'
choices stand: where the model chose otherwise it was right as often as wrong on held-out articles).

Model selection on held-out articles: the tune articles are halved by id hash (A, B, as
scripts/train_arguments.py does); each regularisation strength is fitted on one half and scored on
the other (the share of held-out actors whose chosen country the gold accepts), against the rules'
own choices on the same actors. The strength with the best mean is kept, and the shipped model is
fitted on both halves. `--half A` writes the model fitted on half A only, its strength selected
out-of-fold on 5 folds by article of half A alone (B's gold is never read to make it), to code
half B with $DIURNA_ACTOR_COUNTRY_MODEL pointing at it: the held-out figures of docs/evaluation.md.

    .venv/bin/python scripts/train_actor_country.py                   # code, cache, select, write
    .venv/bin/python scripts/train_actor_country.py --cache rows.json # reuse the coded examples
    .venv/bin/python scripts/train_actor_country.py --half A --out /tmp/country_A.json
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys

REPO = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from diurna.actors.country_model import FEATURES, MODEL_FILE  # noqa: E402
from eval_actor_countries import named_alike  # noqa: E402  (the figure's own test of a gold alias)
from eval_realtext import default_data, fold_of, half_of, split_of  # noqa: E402  (the real-text set's own split: frozen never read)

C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0, 10.0)


def gold_countries(gold: dict, name: str, iso: frozenset) -> set | None:
    """The one country set (None for no country) the gold actors named like `name` agree on, else None."""
    sets = set()
    for event in gold["events"] + gold.get("acceptable_extra", []):
        for side in ("source", "target"):
            actor = event.get(side)
            if actor and named_alike(name, actor.get("names") or []):
                wanted = actor.get("country")
                wanted = wanted if isinstance(wanted, list) else [wanted]
                sets.add(frozenset(c if c in iso else None for c in wanted))
    return set(sets.pop()) if len(sets) == 1 else None


def code_examples(data: pathlib.Path) -> list[dict]:
    """Code the tune articles up to the places stage and gather one example per decidable actor."""
    from diurna.actors import ActorStage
    from diurna.actors.codes import iso3_codes
    from diurna.actors.country import country_evidence, rule_choices
    from diurna.ingest.base import RawArticle
    from diurna.pipeline import Pipeline
    from diurna.places import PlaceStage
    from diurna.time import TimeStage

    iso = iso3_codes()
    articles = []
    for mpath in sorted((data / "manifest").glob("*.json")):
        manifest = json.loads(mpath.read_text(encoding="utf-8"))
        if split_of(manifest["id"]) == "tune":
            articles.append(manifest)
    gold = {m["id"]: json.loads((data / "gold" / (m["id"] + ".json")).read_text(encoding="utf-8")) for m in articles}
    raws = [
        RawArticle(origin=m["id"], id=m["id"], text=(data / m["file"]).read_text(encoding="utf-8"), date=m["published"])
        for m in articles
    ]
    examples = []
    pipeline = Pipeline(stages=[ActorStage(), TimeStage(), PlaceStage()], time_budget=0)
    for k, doc in enumerate(pipeline(raws)):
        article_id = doc.article.id
        chosen, open_ = rule_choices(doc)
        evidence = country_evidence(doc)
        for actor in open_:
            wanted = gold_countries(gold[article_id], actor.name, iso)
            if wanted is None:
                continue
            rows = evidence.rows(actor, chosen.get(actor.id))
            examples.append(
                {
                    "article": article_id,
                    "actor": actor.name,
                    "rule": chosen.get(actor.id),
                    "gold": sorted(wanted, key=str),
                    "rows": [[c, x, c in wanted] for c, x in rows],
                }
            )
        if (k + 1) % 25 == 0:
            print("  coded %d/%d articles, %d examples" % (k + 1, len(raws), len(examples)), file=sys.stderr)
    return examples


def fit(examples: list[dict], c: float):
    from sklearn.linear_model import LogisticRegression

    X = [x for ex in examples for _, x, _ in ex["rows"]]
    y = [int(ok) for ex in examples for _, _, ok in ex["rows"]]
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit(X, y)
    return {"weights": [float(w) for w in model.coef_[0]], "bias": float(model.intercept_[0])}


def accuracy(model: dict, examples: list[dict]) -> tuple[int, int]:
    """(actors whose country the gold accepts, actors) under the stage's policy: the rules' choice
    where they made one, else the model's (country.ActorCountryStage.choices)."""
    right = 0
    for ex in examples:
        right += decide(model, ex) in ex["gold"]
    return right, len(examples)


def decide(model: dict, ex: dict):
    from diurna.actors.country_model import choose

    return ex["rule"] if ex["rule"] is not None else choose(model, [(c, x) for c, x, _ in ex["rows"]])


def fills(model: dict, examples: list[dict]) -> tuple[int, int]:
    """(countries the model gave where the rules gave none that the gold accepts, all it gave)."""
    given = [ex for ex in examples if ex["rule"] is None and decide(model, ex) is not None]
    return sum(decide(model, ex) in ex["gold"] for ex in given), len(given)


def select_across_halves(halves: dict[str, list[dict]]) -> tuple[dict, dict]:
    """Each strength fitted on one half and scored on the other: (C -> held-out share right, C ->
    (fills right, fills)). For the shipped model, fitted on both halves."""
    scores, filled = {}, {}
    for c in C_GRID:
        fit_a, fit_b = fit(halves["A"], c), fit(halves["B"], c)
        on_b, on_a = accuracy(fit_a, halves["B"]), accuracy(fit_b, halves["A"])
        scores[c] = (on_a[0] + on_b[0]) / (on_a[1] + on_b[1])
        fill_a, fill_b = fills(fit_b, halves["A"]), fills(fit_a, halves["B"])
        filled[c] = (fill_a[0] + fill_b[0], fill_a[1] + fill_b[1])
        print(
            "  C=%-5g held out: A %d/%d, B %d/%d (%.3f); where the rules gave none, %d of %d given right"
            % (c, *on_a, *on_b, scores[c], *filled[c])
        )
    return scores, filled


def select_within(examples: list[dict], half: str, k: int = 5) -> tuple[dict, dict]:
    """Each strength scored out-of-fold on `k` folds by article of one half only: a model fitted on
    half A and selected this way never saw half B's gold, so B stays a held-out check of it."""
    scores, filled = {}, {}
    for c in C_GRID:
        right = total = fill_right = fill_all = 0
        for fold in range(k):
            train = [ex for ex in examples if fold_of(ex["article"], k) != fold]
            held = [ex for ex in examples if fold_of(ex["article"], k) == fold]
            if not train or not held:
                continue
            model = fit(train, c)
            r, n = accuracy(model, held)
            fr, fa = fills(model, held)
            right, total, fill_right, fill_all = right + r, total + n, fill_right + fr, fill_all + fa
        scores[c] = right / (total or 1)
        filled[c] = (fill_right, fill_all)
        print(
            "  C=%-5g out-of-fold within half %s: %d/%d (%.3f); where the rules gave none, %d of %d given right"
            % (c, half, right, total, scores[c], fill_right, fill_all)
        )
    return scores, filled


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__
    )
    ap.add_argument("--data", type=pathlib.Path, default=default_data(), help="the real-text set (default %(default)s)")
    ap.add_argument("--cache", type=pathlib.Path, help="examples file: read if present, else written after coding")
    ap.add_argument("--half", choices=("A", "B"), help="fit on this id-hash half of the tune articles only")
    ap.add_argument("--out", type=pathlib.Path, default=MODEL_FILE, help="where to write (default %(default)s)")
    args = ap.parse_args()
    if args.cache and args.cache.is_file():
        examples = json.loads(args.cache.read_text(encoding="utf-8"))
    else:
        if not (args.data / "manifest").is_dir():
            raise SystemExit("no real-text set at %s (set --data or $DIURNA_REALTEXT)" % args.data)
        examples = code_examples(args.data)
        if args.cache:
            args.cache.write_text(json.dumps(examples), encoding="utf-8")
    halves = {h: [ex for ex in examples if half_of(ex["article"]) == h] for h in "AB"}
    rule_right = {h: sum(ex["rule"] in ex["gold"] for ex in halves[h]) for h in "AB"}
    print(
        "%d examples (A %d, B %d); the rules' choice right: A %d, B %d"
        % (len(examples), len(halves["A"]), len(halves["B"]), rule_right["A"], rule_right["B"])
    )
    if MODEL_FILE.exists():
        # the packaged model on the same actors: when it was fitted on other articles (an earlier
        # real-text set), both halves are held out for it, beside the refit's held-out figures below
        packaged = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
        on_a, on_b = accuracy(packaged, halves["A"]), accuracy(packaged, halves["B"])
        given = [a + b for a, b in zip(fills(packaged, halves["A"]), fills(packaged, halves["B"]))]
        print(
            "  packaged (%s): A %d/%d, B %d/%d (%.3f); where the rules gave none, %d of %d given right"
            % (packaged.get("trained_on"), *on_a, *on_b, (on_a[0] + on_b[0]) / ((on_a[1] + on_b[1]) or 1), *given)
        )
    if args.half:
        scores, filled = select_within(halves[args.half], args.half)
    else:
        scores, filled = select_across_halves(halves)
    best = max(C_GRID, key=lambda c: (scores[c], -c))
    train = halves[args.half] if args.half else examples
    model = fit(train, best)
    rules = (rule_right[args.half] if args.half else rule_right["A"] + rule_right["B"]) / (len(train) or 1)
    model.update(
        {
            "features": list(FEATURES),
            "C": best,
            "trained_on": "tune split of the real-text set%s: %d actors"
            % (
                " (half %s)" % args.half if args.half else "",
                len(train),
            ),
            "held_out": {
                "model": round(scores[best], 3),
                "rules": round(rules, 3),
                "actors": len(train),
                "given_where_rules_gave_none": {"right": filled[best][0], "all": filled[best][1]},
            },
            "rebuild": "scripts/train_actor_country.py",
        }
    )
    args.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print("C=%g: held-out share right %.3f (rules %.3f) -> %s" % (best, scores[best], rules, args.out))
    for name, w in zip(FEATURES, model["weights"]):
        print("  %-20s %+.3f" % (name, w))
    return 0


if __name__ == "__main__":
    sys.exit(main())
