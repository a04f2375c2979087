#!/usr/bin/env python3
"""Rebuild diurna's actor knowledge base from the PETRARCH2 / Phoenix dictionaries.

    .venv/bin/python scripts/build_kb.py [--dictionaries ../shared/data/petrarch2] [--out PATH]

Writes diurna/actors/data/phoenix_kb.json.gz (committed, so installs need no dictionaries).
The overlay (diurna/actors/data/overlay.yaml) is applied at load time, not here.
"""

from __future__ import annotations

import argparse
import pathlib
import shutil
import sys
import time

REPO = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from diurna.actors.build import build, write  # noqa: E402
from diurna.actors.kb import KB_FILE  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dictionaries", type=pathlib.Path, default=REPO.parent / "shared" / "data" / "petrarch2")
    parser.add_argument("--out", type=pathlib.Path, default=KB_FILE)
    args = parser.parse_args()
    if not (args.dictionaries / "Phoenix.Countries.actors.txt").is_file():
        parser.error("no Phoenix dictionaries in %s" % args.dictionaries)
    started = time.perf_counter()
    kb, report = build(args.dictionaries)
    write(kb, args.out)
    licence = args.dictionaries / "LICENSE"
    if licence.is_file():  # the dictionaries' MIT licence travels with the derived data
        shutil.copyfile(licence, args.out.parent / "LICENSE.petrarch2")
    print(
        "%d actors (%d dictionary entries, %d without a role dropped), %d names, %d agent forms; "
        "%d unreadable role dates skipped; wrote %s (%d bytes) in %.1f s"
        % (
            len(kb.actors),
            report.entries,
            report.dropped_without_role,
            len(kb.by_name),
            len(kb.agents),
            len(report.bad_dates),
            args.out,
            args.out.stat().st_size,
            time.perf_counter() - started,
        )
    )
    for bad in report.bad_dates:
        print("  skipped role with unreadable dates: %s" % bad)
    return 0


if __name__ == "__main__":
    sys.exit(main())
