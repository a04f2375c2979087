#!/usr/bin/env python3
"""Rebuild diurna's actor knowledge base from the Phoenix dictionaries and public datasets.

    .venv/bin/python scripts/build_kb.py [--dictionaries ../shared/data/petrarch2] [--sources DIR] [--out PATH]

The PETRARCH2 / Phoenix dictionaries give the base. `--sources DIR` (laid out by
`scripts/kb_sources.py`, which records each file's repository, commit, checksum and licence in
DIR/manifest.json) adds Wikidata's dated office holders, the CIA World Factbook's heads of state and
government (monthly snapshots), UCDP's armed groups and Party Facts' parties; without it the KB is the dictionaries alone. Writes diurna/actors/data/actors_kb.json.gz
and, with --sources, diurna/actors/data/kb_sources.json (what went in, under which licence), both
committed so that installs need none of the sources. The overlay (diurna/actors/data/overlay.yaml)
is applied at load time, not here.
"""

from __future__ import annotations

import argparse
import collections
import json
import pathlib
import shutil
import sys
import time

REPO = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from diurna.actors.build import add_sources, build, write  # noqa: E402
from diurna.actors.kb import DATA_DIR, KB_FILE  # noqa: E402

PHOENIX_LICENCE = "MIT (PETRARCH2 / Phoenix dictionaries, Open Event Data Alliance)"


def source_summary(sources: pathlib.Path) -> list[dict]:
    """One entry per dataset: licence, repositories and commits, files and their checksums."""
    manifest = json.loads((sources / "manifest.json").read_text(encoding="utf-8"))
    grouped: dict[str, list[dict]] = collections.defaultdict(list)
    for item in manifest:
        grouped[item["dataset"]].append(item)
    out = []
    for dataset, items in sorted(grouped.items()):
        out.append(
            {
                "dataset": dataset,
                "licence": items[0]["licence"],
                "files": [
                    {k: item[k] for k in ("repo", "commit", "date", "path", "sha256")}
                    for item in sorted(items, key=lambda i: (i["repo"], i["path"], i["commit"]))
                ],
            }
        )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dictionaries", type=pathlib.Path, default=REPO.parent / "shared" / "data" / "petrarch2")
    parser.add_argument("--sources", type=pathlib.Path, default=None, help="folder written by scripts/kb_sources.py")
    parser.add_argument("--out", type=pathlib.Path, default=KB_FILE)
    args = parser.parse_args()
    if not (args.dictionaries / "Phoenix.Countries.actors.txt").is_file():
        parser.error("no Phoenix dictionaries in %s" % args.dictionaries)
    if args.sources is not None and not (args.sources / "manifest.json").is_file():
        parser.error("no manifest.json in %s: lay the sources out with scripts/kb_sources.py" % args.sources)
    started = time.perf_counter()
    kb, report = build(args.dictionaries)
    phoenix_actors = len(kb.actors)
    kb.sources = [{"dataset": "phoenix", "licence": PHOENIX_LICENCE, "files": [{"path": str(args.dictionaries.name)}]}]
    if args.sources is not None:
        enrich, groups, raw_terms = add_sources(kb, args.sources)
        kb.sources += source_summary(args.sources)
    write(kb, args.out)
    licence = args.dictionaries / "LICENSE"
    if licence.is_file():  # the dictionaries' MIT licence travels with the derived data
        shutil.copyfile(licence, args.out.parent / "LICENSE.petrarch2")
    print(
        "Phoenix: %d actors (%d dictionary entries, %d without a role dropped), %d unreadable role dates skipped"
        % (phoenix_actors, report.entries, report.dropped_without_role, len(report.bad_dates))
    )
    if args.sources is not None:
        wikidata_terms, factbook_terms, president_governs = raw_terms
        print(
            "Wikidata: %d raw terms, CIA World Factbook: %d terms (%d countries whose president heads the "
            "government) -> %d office terms; %d new persons (%d without a name), %d Phoenix persons dated"
            % (
                wikidata_terms,
                factbook_terms,
                president_governs,
                enrich.terms,
                enrich.persons_new,
                enrich.persons_unnamed,
                enrich.persons_merged,
            )
        )
        print(
            "groups: %d UCDP armed groups, %d Party Facts parties read; %d added, %d already in the KB, "
            "%d names shared by several dropped, %d with an unknown country"
            % (
                groups.ucdp_groups,
                groups.parties,
                enrich.groups_added,
                enrich.group_names_taken,
                groups.shared_names_dropped,
                groups.unknown_country,
            )
        )
        if args.out == KB_FILE:
            summary = DATA_DIR / "kb_sources.json"
            summary.write_text(json.dumps(kb.sources, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(
        "%d actors, %d names, %d agent forms, %d office terms; wrote %s (%d bytes) in %.1f s"
        % (
            len(kb.actors),
            len(kb.by_name),
            len(kb.agents),
            len(kb.offices.terms),
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
