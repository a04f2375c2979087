#!/usr/bin/env python3
"""Code the PolNeAR dev (or train) articles and score the quotes with ../shared/eval/score_quotes.py.

    .venv/bin/python scripts/eval_polnear.py [--split dev|train] [--sample N] [--only-quotes] [--json]

Predictions go to a temporary file (or --keep FILE). `--only-quotes` runs just the stages quotes need
(actors, quotes): faster while developing; the figures in docs/evaluation.md use the full pipeline.
`--sample N` codes every k-th article so that about N are coded (train has 840) and scores only those.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import subprocess
import sys
import tempfile

REPO = pathlib.Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


def pubdates(split_dir: pathlib.Path) -> dict[str, str]:
    out = {}
    for line in (split_dir / "pubdates.tsv").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 2 and parts[0] != "article":
            out[parts[0]] = parts[1][:10]
    return out


def sampled(paths: list[pathlib.Path], sample: int | None) -> list[pathlib.Path]:
    if not sample or sample >= len(paths):
        return paths
    step = len(paths) / float(sample)
    return [paths[int(i * step)] for i in range(sample)]


def subset_gold(split_dir: pathlib.Path, names: set[str], into: pathlib.Path) -> None:
    """A gold folder holding only the sampled articles (the scorer counts every gold article)."""
    (into / "articles").mkdir(parents=True)
    for name in names:
        (into / "articles" / (name + ".txt")).write_bytes((split_dir / "articles" / (name + ".txt")).read_bytes())
    with (
        open(split_dir / "gold.jsonl", encoding="utf-8") as src,
        open(into / "gold.jsonl", "w", encoding="utf-8") as dst,
    ):
        for line in src:
            if line.strip() and json.loads(line)["article"] in names:
                dst.write(line)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    ap.add_argument("--sample", type=int, help="code about N articles, evenly spread")
    ap.add_argument("--only-quotes", action="store_true", help="run only the actor and quote stages")
    ap.add_argument("--keep", help="write the predictions here instead of a temporary file")
    ap.add_argument("--json", action="store_true", help="the scorer's JSON report")
    ap.add_argument("--verbose", action="store_true", help="the scorer's per-article listing")
    args = ap.parse_args()

    split_dir = SHARED / "data" / "polnear" / args.split
    if not (split_dir / "gold.jsonl").is_file():
        print("PolNeAR %s split not found under %s" % (args.split, split_dir), file=sys.stderr)
        return 2
    sys.path.insert(0, str(REPO))
    from diurna.pipeline import Pipeline

    stages = None
    if args.only_quotes:
        from diurna.actors import ActorStage
        from diurna.quotes import QuoteStage

        stages = [ActorStage(), QuoteStage()]
    pipeline = Pipeline(stages=stages)
    dates = pubdates(split_dir)
    paths = sampled(sorted((split_dir / "articles").glob("*.txt")), args.sample)
    with tempfile.TemporaryDirectory() as tmp:
        pred = pathlib.Path(args.keep) if args.keep else pathlib.Path(tmp) / "pred.jsonl"
        with open(pred, "w", encoding="utf-8") as out:
            for path in paths:
                try:
                    doc = pipeline.code_text(
                        path.read_text(encoding="utf-8"), dates.get(path.stem), source=str(path.relative_to(split_dir))
                    )
                except ValueError as exc:  # an article the pipeline skipped or failed on: say so, go on
                    print("skipped %s: %s" % (path.name, exc), file=sys.stderr)
                    continue
                out.write(doc.to_record().model_dump_json() + "\n")
        gold_dir = split_dir
        if len(paths) < len(list((split_dir / "articles").glob("*.txt"))):
            gold_dir = pathlib.Path(tmp) / "gold"
            subset_gold(split_dir, {p.stem for p in paths}, gold_dir)
        cmd = [
            sys.executable,
            str(SHARED / "eval" / "score_quotes.py"),
            "--gold-dir",
            str(gold_dir),
            "--pred",
            str(pred),
        ]
        cmd += ["--json"] if args.json else []
        cmd += ["--verbose"] if args.verbose else []
        return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
