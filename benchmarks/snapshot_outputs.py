"""Code a folder of articles and write each record as canonical JSON, to check that a change that
should not alter behaviour (a speed-up, a refactor) leaves every output byte-identical.

    .venv/bin/python benchmarks/snapshot_outputs.py OUT.jsonl [--split dev|train] [--sample N]
    diff before.jsonl after.jsonl

Reads the PolNeAR articles from ../shared at run time (their texts never enter the repo); each line
is one article's contract record plus the document's warnings, keys sorted, so a plain `diff` shows
any change. Timings are not part of the records, so two runs of the same code give the same file.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys

REPO = pathlib.Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
if not SHARED.is_dir():  # a copy of the repo outside the checkout: the machine's shared data
    SHARED = pathlib.Path("/work/shared")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", help="where to write the canonical JSON lines")
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    ap.add_argument("--sample", type=int, help="only every k-th article, about N in all")
    ap.add_argument("--data", default=str(SHARED / "data" / "polnear"), help="PolNeAR folder (default: %(default)s)")
    ap.add_argument(
        "--long",
        default="",
        help="also code long texts of these many words, made of train articles "
        "as benchmarks/bench_length.py makes them (e.g. 4000,8000)",
    )
    args = ap.parse_args()

    sys.path.insert(0, str(REPO))
    sys.path.insert(0, str(REPO / "scripts"))
    from diurna.pipeline import Pipeline
    from eval_polnear import pubdates, sampled  # the quote evaluation's dates and sample

    split_dir = pathlib.Path(args.data) / args.split
    paths = sampled(sorted((split_dir / "articles").glob("*.txt")), args.sample)
    dates = pubdates(split_dir)
    pipeline = Pipeline()
    with open(args.out, "w", encoding="utf-8") as out:
        for path in paths:
            try:
                doc = pipeline.code_text(path.read_text(encoding="utf-8"), dates.get(path.stem), source=path.name)
            except ValueError as exc:
                out.write(json.dumps({"article": path.name, "error": str(exc)}, sort_keys=True) + "\n")
                continue
            record = json.loads(doc.to_record().model_dump_json())
            out.write(
                json.dumps(
                    {"article": path.name, "record": record, "warnings": doc.warnings},
                    sort_keys=True,
                    ensure_ascii=False,
                )
                + "\n"
            )
        if args.long:
            sys.path.insert(0, str(REPO / "benchmarks"))
            from bench_length import build, paragraphs

            paras = paragraphs(pathlib.Path(args.data) / "train" / "articles", 0)
            for words in [int(w) for w in args.long.split(",")]:
                doc = pipeline.code_text(build(paras, words)[0], "2016-06-01")
                record = json.loads(doc.to_record().model_dump_json())
                out.write(
                    json.dumps(
                        {"article": "long-%d" % words, "record": record, "warnings": doc.warnings},
                        sort_keys=True,
                        ensure_ascii=False,
                    )
                    + "\n"
                )
    print(
        "%d articles written to %s; coding time per stage (s): %s"
        % (len(paths), args.out, ", ".join("%s %.1f" % (name, t) for name, t in pipeline.timings.items()))
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
