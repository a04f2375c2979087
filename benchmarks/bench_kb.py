#!/usr/bin/env python
"""Actor knowledge base: load time and memory, office queries, and (optionally) build time.

    .venv/bin/python benchmarks/bench_kb.py                       # load + queries
    .venv/bin/python benchmarks/bench_kb.py --build SOURCES       # also rebuild into a temporary file

Load is measured in a fresh process (`KnowledgeBase.load()` with the shipped overlay, after the
import of `diurna.actors`, timed apart): CPU seconds, wall seconds and the peak RSS it adds. Actors
are made from their rows when first used (`kb.LazyActors`): the cost of making all of them is
printed after. Queries: `holders()` for every UN member
and office on one day, and `coverage()` for one day. The build (with --build, a folder laid out by
scripts/kb_sources.py) is timed in a subprocess writing to a temporary file, never over the
committed KB. The issue's targets (#21): load <= 1 s and <= +200 MB.
"""

from __future__ import annotations

import argparse
import pathlib
import resource
import subprocess
import sys
import tempfile
import time

REPO = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", type=pathlib.Path, default=None, help="sources folder: time a rebuild too")
    ap.add_argument("--day", default="2025-01-01", help="the day for the office queries")
    args = ap.parse_args()

    cpu = time.process_time()
    from diurna.actors.kb import KnowledgeBase

    imported = time.process_time() - cpu
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    cpu, wall = time.process_time(), time.perf_counter()
    kb = KnowledgeBase.load()
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        "KB load: %.2f CPU s (%.2f s wall; importing diurna.actors before it %.2f CPU s); %d actors, %d names, "
        "%d office terms; peak RSS %.0f MB (+%.0f MB over the imported modules)"
        % (cpu, wall, imported, len(kb.actors), len(kb.by_name), len(kb.offices.terms), peak, peak - before)
    )
    t = time.process_time()
    for kb_id in kb.actors:  # every actor made, as a long run that meets all of them would
        kb.actors[kb_id]
    print("every KBActor made afterwards: %.2f CPU s" % (time.process_time() - t))

    from diurna.actors.offices import OFFICES
    from diurna.actors.roles import UN_MEMBERS, coverage

    t = time.perf_counter()
    n = sum(len(kb.offices.holders(c, o, args.day)) for c in sorted(UN_MEMBERS) for o in OFFICES)
    held = time.perf_counter() - t
    t = time.perf_counter()
    coverage(kb.offices, args.day)
    cov = time.perf_counter() - t
    print(
        "queries on %s: holders() for %d member x office pairs in %.3f s (%d terms found); coverage() in %.3f s"
        % (args.day, len(UN_MEMBERS) * len(OFFICES), held, n, cov)
    )

    if args.build is not None:
        with tempfile.TemporaryDirectory() as tmp:
            out = pathlib.Path(tmp) / "kb.json.gz"
            t = time.perf_counter()
            subprocess.run(
                [
                    sys.executable,
                    str(REPO / "scripts" / "build_kb.py"),
                    "--sources",
                    str(args.build),
                    "--out",
                    str(out),
                ],
                check=True,
                stdout=subprocess.DEVNULL,
            )
            print("KB build: %.1f s wall, %d bytes" % (time.perf_counter() - t, out.stat().st_size))
    return 0


if __name__ == "__main__":
    sys.exit(main())
