"""Scaling of `diurna ingest --engine ray`: the same corpus with 1 and 2 workers, in one run.

    .venv/bin/python benchmarks/bench_ray.py [PATH ...] [--copies N]

Copies the articles of PATH (default: examples/) N times as distinct .txt files, so there are
enough shards to keep every worker busy, then times the Ray run with 1 worker and with 2 on a
fresh local runtime each. Prints the fixed start-up cost (runtime + one model load per worker),
the coding time after start-up, articles/s per worker, and the speed-up of 2 workers over 1.
"""
from __future__ import annotations

import argparse
import pathlib
import shutil
import sys
import tempfile

REPO = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))


def make_corpus(paths: list[str], copies: int, root: pathlib.Path) -> int:
    from bench_ingest import load_texts
    articles = load_texts(paths, copies)
    for i, article in enumerate(articles):
        (root / ("article-%05d.txt" % i)).write_text(article["text"], encoding="utf-8")
    return len(articles)


def timed_run(corpus: pathlib.Path, workers: int, work: pathlib.Path):
    from diurna.scale import shards
    from diurna.scale.ray_engine import run
    shards.SHARD_FILES = 10           # many small shards, so two workers share the load evenly
    return run([str(corpus)], str(work), workers=workers, default_pubdate="2026-11-25")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", default=[str(REPO / "examples")])
    parser.add_argument("--copies", type=int, default=8)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = pathlib.Path(tmp)
        corpus = root / "corpus"
        corpus.mkdir()
        n = make_corpus(args.paths, args.copies, corpus)
        results = {}
        for workers in (1, 2):
            work = root / ("work%d" % workers)
            summary = timed_run(corpus, workers, work)
            shutil.rmtree(work)
            coding = summary.seconds - summary.startup_seconds
            results[workers] = (summary, coding)
            print("%d worker(s): %d articles, start-up %.1f s, coding %.1f s, %.2f articles/s in total, "
                  "per worker: %s" % (workers, summary.articles_coded, summary.startup_seconds, coding,
                                      summary.articles_coded / coding,
                                      ", ".join("%.2f art/s" % (a / b) for a, b in summary.per_worker.values())))
        speedup = results[1][1] / results[2][1]
        total_speedup = results[1][0].seconds / results[2][0].seconds
        print("articles: %d; speed-up of 2 workers over 1: %.2fx after start-up, %.2fx including start-up"
              % (n, speedup, total_speedup))


if __name__ == "__main__":
    main()
