"""Throughput of `diurna ingest` against raw spaCy parsing, measured in one run on the same articles.

    .venv/bin/python benchmarks/bench_ingest.py [PATH ...] [--repeat N] [--rounds R]

Reads the articles once (default: examples/), repeats them N times as distinct articles so the
run is long enough to time, then measures, each in its own process so peak memory is separate:
  1. raw spaCy: `nlp.pipe` over the texts (the floor diurna cannot beat);
  2. diurna: the full pipeline and DuckDB writes, as `diurna ingest` runs them.
Prints words/s for both, their ratio, each process's peak RSS, and the share of diurna's time
spent in each stage. On a shared machine the ratio of the two processes' CPU times is printed too:
other processes slow the wall clock of one run more than the other's, not the CPU time each needs.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import resource
import subprocess
import sys
import tempfile
import time

REPO = pathlib.Path(__file__).resolve().parent.parent
# this checkout's diurna, not whichever one the virtualenv has installed (both processes import it)
sys.path.insert(0, str(REPO))


def load_texts(paths: list[str], repeat: int) -> list[dict]:
    from diurna.ingest import read_paths
    from diurna.ingest.base import RawArticle
    from diurna.pipeline import prepare
    from diurna.records import Article

    articles = []
    for item in read_paths(paths):
        if isinstance(item, RawArticle):
            article = prepare(item, "2026-11-25")
            if isinstance(article, Article):
                articles.append({"text": article.text, "published": article.published})
    # Distinct copies: a marker line makes each repeat a new article id, so nothing is deduplicated.
    return [
        {"text": a["text"] + "\n\n(copy %d)" % r, "published": a["published"]} for r in range(repeat) for a in articles
    ]


def run_raw_spacy(texts: list[str]) -> dict:
    from diurna import nlp

    nlp.load()
    started, cpu = time.perf_counter(), time.process_time()
    words = sum(len(doc) for doc in nlp.parse(texts, batch_size=16))
    return {"seconds": time.perf_counter() - started, "cpu_seconds": time.process_time() - cpu, "tokens": words}


def run_diurna(articles: list[dict]) -> dict:
    from diurna.ingest.base import RawArticle
    from diurna.pipeline import Pipeline, Skipped
    from diurna.store import Store

    pipeline = Pipeline(batch_size=32)  # stage models load here, outside the timed part
    from diurna import nlp

    nlp.load()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(os.path.join(tmp, "bench.duckdb"))
        raws = [RawArticle(origin="bench@%d" % i, text=a["text"], date=a["published"]) for i, a in enumerate(articles)]
        started, cpu = time.perf_counter(), time.process_time()
        tokens, batch = 0, []
        for item in pipeline(raws, skip=lambda article: bool(store.known_articles([article.id]))):
            if isinstance(item, Skipped) or not hasattr(item, "spacy_doc"):
                continue
            tokens += len(item.spacy_doc)
            batch.append(item)
            if len(batch) >= 32:
                store.write(batch)
                batch = []
        store.write(batch)
        seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
        store.close()
    return {"seconds": seconds, "cpu_seconds": cpu_seconds, "tokens": tokens, "timings": pipeline.timings}


def child(mode: str, data_file: str) -> None:
    articles = json.load(open(data_file, encoding="utf-8"))
    result = run_raw_spacy([a["text"] for a in articles]) if mode == "spacy" else run_diurna(articles)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def _load() -> str:
    return open("/proc/loadavg").read().split()[0] if os.path.exists("/proc/loadavg") else "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", default=[str(REPO / "examples")])
    parser.add_argument("--repeat", type=int, default=5, help="copies of each article (default: %(default)s)")
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="run spaCy and diurna alternately this many times and keep each one's fastest run "
        "(on a shared machine; default: %(default)s)",
    )
    parser.add_argument("--child", choices=["spacy", "diurna"], help=argparse.SUPPRESS)
    parser.add_argument("--data", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child, args.data)

    articles = load_texts(args.paths, args.repeat)
    words = sum(len(a["text"].split()) for a in articles)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        json.dump(articles, f)
    results: dict[str, dict] = {}
    loads = [_load()]
    try:
        for _ in range(max(1, args.rounds)):
            for mode in ("spacy", "diurna"):
                out = subprocess.run(
                    [sys.executable, __file__, "--child", mode, "--data", f.name],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                result = json.loads(out.stdout.strip().splitlines()[-1])
                if mode not in results or result["seconds"] < results[mode]["seconds"]:
                    results[mode] = result
                loads.append(_load())
    finally:
        os.unlink(f.name)
    raw, full = results["spacy"], results["diurna"]
    raw_wps, full_wps = words / raw["seconds"], words / full["seconds"]
    print("articles %d, words %d (whitespace-separated), spaCy tokens %d" % (len(articles), words, raw["tokens"]))
    print(
        "raw spaCy nlp.pipe : %8.0f words/s  %6.1f s  peak RSS %6.0f MB" % (raw_wps, raw["seconds"], raw["peak_rss_mb"])
    )
    print(
        "diurna ingest      : %8.0f words/s  %6.1f s  peak RSS %6.0f MB  (%.2f articles/s)"
        % (full_wps, full["seconds"], full["peak_rss_mb"], len(articles) / full["seconds"])
    )
    print(
        "ratio diurna/spaCy : %.2f  (by CPU time of each process: %.2f; fastest of %d round(s); load average "
        "before and after each run: %s)"
        % (full_wps / raw_wps, raw["cpu_seconds"] / full["cpu_seconds"], max(1, args.rounds), " ".join(loads))
    )
    total = sum(full["timings"].values()) or 1.0
    print(
        "share of diurna's coding time per stage: "
        + ", ".join("%s %.1f%%" % (name, 100 * t / total) for name, t in full["timings"].items())
    )


if __name__ == "__main__":
    main()
