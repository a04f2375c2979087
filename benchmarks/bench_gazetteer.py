"""Gazetteer benchmark: loading time and memory, and lookup speed (issue 22).

    nice .venv/bin/python benchmarks/bench_gazetteer.py [--repeat 5] [--lookups 20000]

Each load runs in a fresh interpreter (the gazetteer is cached per process), so the figure is what
one worker pays once: wall and CPU seconds of `diurna.places.gazetteer.load()`, and the growth of
the process's peak resident memory across the load. Targets (issue 22): load <= 1 s and <= 150 MB
more memory. Lookups: `candidates()` for names drawn from the gazetteer itself (found) and
made-up names (not found), after the load.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import textwrap

ONE_LOAD = textwrap.dedent("""
    import json, resource, time
    import diurna.places.names, diurna.places.build  # the modules, not the data
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    wall, cpu = time.perf_counter(), time.process_time()
    from diurna.places import gazetteer
    g = gazetteer.load()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"wall": wall, "cpu": cpu, "mb": (after - before) / 1024, "places": len(g)}))
""")


def one_load() -> dict:
    out = subprocess.run([sys.executable, "-c", ONE_LOAD], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def lookups(n: int) -> tuple[float, float]:
    import random
    import time

    from diurna.places import gazetteer

    g = gazetteer.load()
    rng = random.Random(22)
    names = [g.entry(rng.randrange(len(g))).name for _ in range(n)]
    made_up = ["Zq%dxv" % i for i in range(n)]
    started = time.perf_counter()
    for name in names:
        g.candidates(name)
    found = (time.perf_counter() - started) / n
    started = time.perf_counter()
    for name in made_up:
        g.candidates(name)
    missing = (time.perf_counter() - started) / n
    return found, missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--lookups", type=int, default=20000)
    args = parser.parse_args()
    runs = [one_load() for _ in range(args.repeat)]
    wall = statistics.median(r["wall"] for r in runs)
    cpu = statistics.median(r["cpu"] for r in runs)
    mb = statistics.median(r["mb"] for r in runs)
    print(
        "gazetteer: %d places; load median of %d fresh processes: %.2f s wall, %.2f s CPU, +%.0f MB peak RSS"
        % (runs[0]["places"], len(runs), wall, cpu, mb)
    )
    print(
        "targets (issue 22): load <= 1 s: %s; <= 150 MB more memory: %s"
        % ("met" if wall <= 1.0 else "NOT met", "met" if mb <= 150 else "NOT met")
    )
    found, missing = lookups(args.lookups)
    print(
        "candidates(): %.1f us per known name (with its rows parsed), %.1f us per unknown name"
        % (found * 1e6, missing * 1e6)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
