#!/usr/bin/env python
"""Throughput of `diurna classify`: pairs per second through the same code path as the command.

    .venv/bin/python benchmarks/bench_classify.py                  # project-written pairs, 2,000 in all
    .venv/bin/python benchmarks/bench_classify.py --pairs P.jsonl  # your own pair file ({"id","sentence","source","target"})
    .venv/bin/python benchmarks/bench_classify.py --plv            # PLV_train's 1,050 pairs from ../shared (longer sentences)

Prints one line per model, in one run: the default classifier (linear model averaged with the
fine-tuned MiniLM encoder) and, with --linear-too, the linear model alone (`diurna classify
--linear-only`): pairs/s over one timed run each (model load timed separately), mean words per
sentence, and the process's peak RSS. The default pairs are the ones written for the project
(scripts/classifier_data/*.jsonl and tests/events/classifier_cases.yaml), repeated to --n.
"""

from __future__ import annotations

import argparse
import io
import json
import pathlib
import resource
import sys
import time

REPO = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def project_pairs() -> list[dict]:
    import yaml

    pairs = []
    for path in sorted((REPO / "scripts" / "classifier_data").glob("*.jsonl")):
        pairs += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    pairs += yaml.safe_load((REPO / "tests" / "events" / "classifier_cases.yaml").read_text(encoding="utf-8"))
    return [{"sentence": p["sentence"], "source": p.get("source"), "target": p.get("target")} for p in pairs]


def plv_pairs() -> list[dict]:
    sys.path.insert(0, str(REPO / "scripts"))
    from train_classifier import PLV_DEFAULT, read_plv

    return [
        {
            "sentence": e.pair.sentence,
            "source": e.pair.sentence[slice(*e.pair.source)] if e.pair.source else None,
            "target": e.pair.sentence[slice(*e.pair.target)] if e.pair.target else None,
        }
        for e in read_plv(PLV_DEFAULT)
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--pairs", type=pathlib.Path, help="a pair file to time instead of the project's pairs")
    source.add_argument("--plv", action="store_true", help="time PLV_train's pairs (read from ../shared)")
    parser.add_argument("--n", type=int, default=2000, help="pairs to classify (the set is repeated to reach it)")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--linear-too", action="store_true", help="also time the linear model alone")
    args = parser.parse_args()

    if args.pairs:
        base = [json.loads(line) for line in args.pairs.read_text(encoding="utf-8").splitlines() if line.strip()]
    else:
        base = plv_pairs() if args.plv else project_pairs()
    lines = [json.dumps({"id": i, **base[i % len(base)]}) for i in range(args.n)]

    from diurna.events.classifier import PloverClassifier, words_of
    from diurna.events.cli import classify_stream

    tokens = sum(len(words_of(pair["sentence"], {})) for pair in base) / len(base)
    rates = {}
    for name, encoder in (("linear + encoder", True), ("linear only", False))[: 2 if args.linear_too else 1]:
        started = time.perf_counter()
        PloverClassifier.load(encoder=encoder)
        load_seconds = time.perf_counter() - started
        classify_stream(lines[:64], io.StringIO(), sys.stderr, "warm-up", args.batch_size, encoder=encoder)
        started = time.perf_counter()
        out = io.StringIO()
        classify_stream(lines, out, sys.stderr, "benchmark", args.batch_size, encoder=encoder)
        seconds = time.perf_counter() - started
        assert len(out.getvalue().splitlines()) == len(lines)
        rates[name] = len(lines) / seconds
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            "classify (%s): %d pairs in %.2f s = %.0f pairs/s (batch %d, %.1f words/pair; model load %.2f s; "
            "peak RSS so far %.0f MB)"
            % (name, len(lines), seconds, rates[name], args.batch_size, tokens, load_seconds, peak_mb),
            flush=True,
        )
    if len(rates) == 2:
        print(
            "the linear model alone is %.1fx the speed of the default classifier"
            % (rates["linear only"] / rates["linear + encoder"])
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
