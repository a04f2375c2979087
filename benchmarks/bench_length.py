"""Cost per word against article length: is every stage linear in the length of the text?

    .venv/bin/python benchmarks/bench_length.py [--lengths 250,1000,2000,4000,8000,16000] [--start K] [--repeat N]

Builds one text of each length by concatenating real articles paragraph by paragraph (PolNeAR
train, read from ../shared at run time, never copied into the repo; `--start` picks the first
article), codes it with the full pipeline, and prints each stage's milliseconds per 1,000 words.
A linear stage prints the same figure at every length. With `--pieces` (the default) the same
paragraphs are also coded as the separate articles they came from, and the last column is the
ratio of the two costs: 1.0 when one long article costs what its pieces cost. The per-article
time budget is switched off here, so that what is timed is the whole work.
All lengths are measured in one run, one process, after a warm-up. Times are this process's CPU
time by default (`--clock wall` for wall-clock time): on a shared machine, other processes make
wall-clock figures swing by a factor of two from one text to the next, CPU time far less.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import sys
import time

REPO = pathlib.Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
if not SHARED.is_dir():  # a copy of the repo outside the checkout: the machine's shared data
    SHARED = pathlib.Path("/work/shared")
ARTICLES = SHARED / "data" / "polnear" / "train" / "articles"


def paragraphs(folder: pathlib.Path, start: int) -> list[tuple[int, str]]:
    """(article number, paragraph) of every article from the `start`-th on, in order."""
    out = []
    for n, path in enumerate(sorted(folder.glob("*.txt"))[start:]):
        for para in path.read_text(encoding="utf-8").split("\n\n"):
            if para.strip():
                out.append((n, para.strip()))
    return out


def build(paras: list[tuple[int, str]], words: int) -> tuple[str, list[str]]:
    """The first paragraphs holding at least `words` words, as one text and as the articles they
    came from (the same paragraphs, grouped by their article)."""
    taken, count = [], 0
    for n, para in paras:
        if count >= words:
            break
        taken.append((n, para))
        count += len(para.split())
    pieces: dict[int, list[str]] = {}
    for n, para in taken:
        pieces.setdefault(n, []).append(para)
    return "\n\n".join(p for _, p in taken), ["\n\n".join(ps) for ps in pieces.values()]


class Timed:
    """A stage that adds the time it takes (by `clock`) to `spent[name]`."""

    def __init__(self, stage, clock, spent: dict[str, float]):
        self.stage, self.name, self.clock, self.spent = stage, stage.name, clock, spent

    def __call__(self, doc) -> None:
        started = self.clock()
        self.stage(doc)
        self.spent[self.name] += self.clock() - started


def timed_parse(parse, clock, spent: dict[str, float]):
    """`diurna.nlp.parse` adding the time of each parsed text to `spent["nlp"]`."""

    def parse_timed(texts, batch_size=16):
        docs = parse(texts, batch_size)
        while True:
            started = clock()
            try:
                doc = next(docs)
            except StopIteration:
                return
            finally:
                spent["nlp"] += clock() - started
            yield doc

    return parse_timed


def code(pipeline, texts: list[str], clock, spent: dict[str, float]) -> dict[str, float]:
    """Seconds per stage (by `clock`) to code `texts` (each one article) with `pipeline`."""
    for name in spent:
        spent[name] = 0.0
    started = clock()
    for text in texts:
        doc = pipeline.code_text(text, "2016-06-01")
        if any("time budget" in w for w in doc.warnings):
            print("warning: the time budget cut an article short; figures are not the whole work", file=sys.stderr)
    timings = dict(spent)
    timings["total"] = clock() - started
    return timings


def fastest(pipeline, texts: list[str], repeat: int, clock, spent: dict[str, float]) -> dict[str, float]:
    """Per stage, the least time of `repeat` runs: on a shared machine the other processes only
    ever add time, so the minimum is the nearest to the work itself."""
    runs = [code(pipeline, texts, clock, spent) for _ in range(repeat)]
    return {name: min(run[name] for run in runs) for name in runs[0]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lengths", default="250,1000,2000,4000,8000,16000", help="words per text (default: %(default)s)")
    ap.add_argument("--start", type=int, default=0, help="first PolNeAR train article used (default: %(default)s)")
    ap.add_argument(
        "--no-pieces",
        dest="pieces",
        action="store_false",
        help="do not also code the same paragraphs as separate articles",
    )
    ap.add_argument(
        "--repeat", type=int, default=1, help="runs of each text; the least time counts (default: %(default)s)"
    )
    ap.add_argument(
        "--clock",
        choices=["cpu", "wall"],
        default="cpu",
        help="CPU time of this process (default; other processes on a shared machine do not "
        "add to it) or wall-clock time",
    )
    ap.add_argument("--articles", default=str(ARTICLES), help="folder of .txt articles (default: PolNeAR train)")
    args = ap.parse_args()

    os.environ["DIURNA_TIME_BUDGET"] = "0"  # no budget: time the whole work
    sys.path.insert(0, str(REPO))
    from diurna import nlp
    from diurna.pipeline import Pipeline, default_stages

    clock = time.process_time if args.clock == "cpu" else time.perf_counter
    stages = default_stages()
    spent = {"nlp": 0.0, **{stage.name: 0.0 for stage in stages}}
    nlp.parse = timed_parse(nlp.parse, clock, spent)
    pipeline = Pipeline(stages=[Timed(stage, clock, spent) for stage in stages])
    pipeline.warm_up()
    paras = paragraphs(pathlib.Path(args.articles), args.start)
    stages = list(spent)
    print(
        "load average %s at the start; %s time"
        % (
            open("/proc/loadavg").read().split()[0] if os.path.exists("/proc/loadavg") else "?",
            "CPU (this process)" if args.clock == "cpu" else "wall-clock",
        )
    )
    print("ms per 1,000 words; 'pieces' = the same paragraphs coded as the articles they came from")
    print(
        "%7s %6s %8s  " % ("words", "pieces", "")
        + " ".join("%8s" % s for s in stages)
        + " %8s %8s" % ("total", "long/pcs")
    )
    for words in [int(w) for w in args.lengths.split(",")]:
        text, pieces = build(paras, words)
        n = len(text.split())
        long = fastest(pipeline, [text], args.repeat, clock, spent)
        row = " ".join("%8.0f" % (1000 * 1000 * long.get(s, 0.0) / n) for s in stages)
        ratio = ""
        if args.pieces:
            split = fastest(pipeline, pieces, args.repeat, clock, spent)
            ratio = "%8.2f" % (long["total"] / split["total"])
        print("%7d %6d %8s  %s %8.0f %s" % (n, len(pieces), "long", row, 1e6 * long["total"] / n, ratio), flush=True)
        if args.pieces:
            row = " ".join("%8.0f" % (1000 * 1000 * split.get(s, 0.0) / n) for s in stages)
            print("%7s %6s %8s  %s %8.0f" % ("", "", "pieces", row, 1e6 * split["total"] / n), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
