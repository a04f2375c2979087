"""Scaling of `diurna ingest --engine ray`: the same corpus with 1 and 2 workers, in one run.

    .venv/bin/python benchmarks/bench_ray.py [PATH ...] [--copies N] [--repeat R]

Copies the articles of PATH (default: examples/) N times as distinct .txt files, so there are
enough shards to keep every worker busy, then times the Ray run with 1 worker and with 2 on a
fresh local runtime each, R times alternating, and prints the medians: the fixed start-up cost
(runtime + one model load per worker), the coding time after start-up, articles/s per worker,
and the speed-up of 2 workers over 1.

The same run also measures the machine's own ceiling: the same corpus coded by the plain
pipeline in one process, and split in two halves over two independent processes (no Ray).
On a virtual machine two cores rarely give 2.0x (shared caches, memory bandwidth, neighbours
on the host), so Ray's speed-up is only meaningful next to that ceiling.
"""

from __future__ import annotations

import argparse
import multiprocessing
import pathlib
import shutil
import statistics
import sys
import tempfile
import time

REPO = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))


def make_corpus(paths: list[str], copies: int, root: pathlib.Path) -> list[str]:
    from bench_ingest import load_texts

    files = []
    for i, article in enumerate(load_texts(paths, copies)):
        path = root / ("article-%05d.txt" % i)
        path.write_text(article["text"], encoding="utf-8")
        files.append(str(path))
    return files


def ray_run(corpus: pathlib.Path, workers: int, work: pathlib.Path):
    """One Ray run; returns (summary, coding seconds after start-up)."""
    from diurna.scale import shards
    from diurna.scale.ray_engine import run

    shards.SHARD_FILES = 10  # many small shards, so two workers share the load evenly
    summary = run([str(corpus)], str(work), workers=workers, default_pubdate="2026-11-25")
    shutil.rmtree(work)
    return summary, summary.seconds - summary.startup_seconds


def code_files(files: list[str]) -> float:
    """Code files with a plain Pipeline in this process; returns the seconds after the model load."""
    from diurna.ingest import read_paths
    from diurna.pipeline import Pipeline

    pipeline = Pipeline(default_pubdate="2026-11-25")
    list(pipeline(read_paths(files[:2])))  # load every lazy model before the clock starts
    started = time.perf_counter()
    for _ in pipeline(read_paths(files)):
        pass
    return time.perf_counter() - started


def plain_processes(files: list[str], processes: int) -> float:
    """Wall seconds (model loads excluded) to code `files` split over independent processes."""
    parts = [files[i::processes] for i in range(processes)]
    with multiprocessing.get_context("spawn").Pool(processes) as pool:
        return max(pool.map(code_files, parts))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", default=[str(REPO / "examples")])
    parser.add_argument("--copies", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=3, help="runs per setting; medians are printed")
    parser.add_argument("--no-ceiling", action="store_true", help="skip the plain two-process measurement")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = pathlib.Path(tmp)
        corpus = root / "corpus"
        corpus.mkdir()
        files = make_corpus(args.paths, args.copies, corpus)
        n = len(files)
        coding: dict[int, list[float]] = {1: [], 2: []}
        total: dict[int, list[float]] = {1: [], 2: []}
        startup: dict[int, list[float]] = {1: [], 2: []}
        plain: dict[int, list[float]] = {1: [], 2: []}
        for r in range(args.repeat):
            for workers in (1, 2):
                summary, seconds = ray_run(corpus, workers, root / ("work%d" % workers))
                coding[workers].append(seconds)
                total[workers].append(summary.seconds)
                startup[workers].append(summary.startup_seconds)
                print(
                    "run %d, ray %d worker(s): %d articles, start-up %.1f s, coding %.1f s, %.2f articles/s; per worker: %s"
                    % (
                        r + 1,
                        workers,
                        summary.articles_coded,
                        summary.startup_seconds,
                        seconds,
                        summary.articles_coded / seconds,
                        ", ".join("%.2f art/s" % (a / b) for a, b in summary.per_worker.values()),
                    ),
                    flush=True,
                )
            if not args.no_ceiling:
                for processes in (1, 2):
                    seconds = plain_processes(files, processes)
                    plain[processes].append(seconds)
                    print(
                        "run %d, plain pipeline in %d process(es), no Ray: coding %.1f s, %.2f articles/s"
                        % (r + 1, processes, seconds, n / seconds),
                        flush=True,
                    )
        med = {k: statistics.median(v) for k, v in coding.items()}
        print()
        print("articles: %d, runs per setting: %d (medians)" % (n, args.repeat))
        print(
            "start-up (runtime + model loads): %.1f s with 1 worker, %.1f s with 2"
            % (statistics.median(startup[1]), statistics.median(startup[2]))
        )
        print("ray: 1 worker %.2f articles/s, 2 workers %.2f articles/s" % (n / med[1], n / med[2]))
        print(
            "speed-up of 2 Ray workers over 1: %.2fx after start-up, %.2fx including start-up"
            % (med[1] / med[2], statistics.median(total[1]) / statistics.median(total[2]))
        )
        if plain[1]:
            ceiling = statistics.median(plain[1]) / statistics.median(plain[2])
            print(
                "machine ceiling, two plain processes over one (no Ray): %.2fx; Ray reaches %.0f %% of it"
                % (ceiling, 100 * (med[1] / med[2]) / ceiling)
            )


if __name__ == "__main__":
    main()
