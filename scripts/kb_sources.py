#!/usr/bin/env python3
"""Lay out the public datasets the actor KB is built from, from local git copies of their repositories.

    python scripts/kb_sources.py --mirrors DIR --out SOURCES

DIR holds one git copy per repository, named `<owner>+<name>/repo` (bare or with a work tree);
clone them from GitHub at the commits that SOURCES/manifest.json records to rebuild the same KB.
Nothing is fetched here and nothing of this runs at run time; `scripts/build_kb.py --sources
SOURCES` reads the result. Files already in SOURCES/world-leaders-2021 named `<commit>.csv` (a
version of the list newer than a local copy holds) are kept and recorded with their checksum.

Datasets and licences (docs/actors.md, "Sources"):
- Wikidata (CC0 1.0) as exported by EveryPolitician's per-country cabinet scrapers
  (github.com/every-politician-scrapers/<country>: html/holders21.csv, html/positions.csv, meta.json) and its
  world-leaders list (every-politician-scrapers/world-leaders-2021: data/wikidata.csv, every version).
- UCDP Actor Dataset 22.1 (CC BY 4.0; via skytheacademic/who_keeps_the_peace) and the UCDP/PRIO
  Armed Conflict and UCDP Non-State Conflict datasets 22.1 (CC BY 4.0; via andybega/ds-external-data).
- Party Facts core parties (MIT, hdigital/partyfactsdata: import/elecglob/partyfacts-core-parties.csv).
- The CIA World Factbook (a US Government work, public domain; the JSON conversion
  factbook/factbook.json is CC0): each country's "chief of state" and "head of government" as the
  Factbook wrote them, one snapshot per month of the repository's history (the last commit of each
  month), written as factbook/<date>-<commit>.csv (file, country, field, text).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import pathlib
import subprocess
import sys

EVERYPOLITICIAN = """
albania-cabinet algeria-cabinet andorra-cabinet angola antigua-barbuda-ministers argentina-ministers
armenia-ministers australia-cabinet austria-cabinet azerbaijan-cabinet bahamas-cabinet bahrain
bangladesh-ministers barbados-cabinet belarus-ministers belgium-cabinet belize-ministers bhutan-ministers
bolivia-ministers bosnia-herzegovina-ministers brazil-ministers bulgaria-cabinet burkina-faso cabo-verde
cameroon canada-cabinet central-african-republic chile-ministers china-ministers congo-brazzaville
congo-kinshasa-ministers costa-rica croatia-ministers cuba cyprus-cabinet czech-ministers denmark-cabinet
djibouti-ministers dominica dominican-republic ecuador-ministers egypt-ministers el-salvador-ministers
equatorial-guinea estonia ethiopia-ministers fiji-ministers finland-cabinet france-cabinet georgia-ministers
ghana-ministers greece-cabinet grenada guatemala-ministers guinea guinea-bissau guyana hungary-cabinet
india-ministers indonesia-ministers iran-ministers iraq-ministers ireland-ministers israel-ministers
italy-ministers ivory-coast jamaica-ministers japan-ministers jordan-ministers kazakhstan-cabinet kenya
kiribati-ministers kosovo-cabinet kuwait-ministers kyrgyzstan-ministers latvia-cabinet lesotho-ministers
liberia-ministers liechtenstein-ministers lithuania luxembourg-cabinet malawi-ministers malaysia-ministers
maldives-ministers malta-ministers marshall-islands-ministers mauritania mauritius-ministers
mexico-ministers micronesia-ministers moldova-ministers mongolia-ministers montenegro-cabinet
morocco-ministers mozambique myanmar-ministers nepal-ministers netherlands-cabinet new-zealand-cabinet
niger-ministers nigeria north-korea north-macedonia-ministers norway-cabinet oman pakistan-ministers
panama-ministers papua-new-guinea paraguay-ministers philippines-ministers poland-cabinet portugal-cabinet
romania-cabinet russia-cabinet rwanda-ministers san-marino-ministers sao-tome-and-principe saudi-ministers
senegal-ministers serbia-ministers sierra-leone singapore-ministers slovakia-cabinet slovenia-cabinet
solomons-ministers somalia-cabinet south-africa-cabinet south-korea-ministers south-sudan spain-ministers
sri-lanka-cabinet st-kitts-and-nevis-cabinet st-lucia-cabinet st-vincent-and-the-grenadines sudan suriname
sweden-cabinet swiss-federal-council syria taiwan tajikistan-ministers tanzania-ministers
timor-leste-ministers togo tonga-ministers trinidad-and-tobago-cabinet tunisia-ministers turkey-ministers
turkmenistan tuvalu-ministers uae-ministers uganda-ministers ukraine-cabinet united-kingdom-cabinet
uruguay-ministers us-cabinet uzbekistan-ministers vanuatu-cabinet venezuela vietnam yemen zambia-ministers
zimbabwe
""".split()
WIKIDATA = "CC0-1.0 (Wikidata)"
UCDP = "CC BY 4.0 (Uppsala Conflict Data Program)"
PARTYFACTS = "MIT (Party Facts, Bederke, Döring and Regel)"
FACTBOOK = "Public domain (CIA World Factbook, US Government work); JSON conversion CC0 (factbook/factbook.json)"
FACTBOOK_REPO = "factbook/factbook.json"
FACTBOOK_FIELDS = ("chief of state", "head of government")
SINGLE_FILES = (
    # (dataset, repository, path in it, file in SOURCES, licence)
    ("ucdp", "skytheacademic/who_keeps_the_peace", "data/ucdp_ged/ucdp-actor-221.csv", "ucdp/ucdp-actor-221.csv", UCDP),
    ("ucdp", "andybega/ds-external-data", "acd/input/v22.1/ucdp-prio-acd-221.csv", "ucdp/ucdp-prio-acd-221.csv", UCDP),
    ("ucdp", "andybega/ds-external-data", "acd/input/v22.1/ucdp-nonstate-221.csv", "ucdp/ucdp-nonstate-221.csv", UCDP),
    (
        "partyfacts",
        "hdigital/partyfactsdata",
        "import/elecglob/partyfacts-core-parties.csv",
        "partyfacts/partyfacts-core-parties.csv",
        PARTYFACTS,
    ),
)


def git_dir(mirrors: pathlib.Path, repo: str) -> pathlib.Path:
    base = mirrors / repo.replace("/", "+") / "repo"
    return base / ".git" if (base / ".git").is_dir() else base


def git(gd: pathlib.Path, *args: str) -> bytes:
    return subprocess.run(["git", "--git-dir", str(gd), *args], check=True, capture_output=True).stdout


def head(gd: pathlib.Path) -> tuple[str, str]:
    commit, date = git(gd, "log", "-1", "--format=%H %cs").decode().split()
    return commit, date


def record(dataset, repo, commit, date, path, rel, sha, licence) -> dict:
    """One manifest entry: where a source file came from, its checksum and its licence."""
    return {
        "dataset": dataset,
        "repo": repo,
        "commit": commit,
        "date": date,
        "path": path,
        "file": rel,
        "sha256": sha,
        "licence": licence,
    }


def write(out: pathlib.Path, rel: str, data: bytes) -> str:
    path = out / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return hashlib.sha256(data).hexdigest()


def factbook_snapshots(gd: pathlib.Path) -> list[tuple[str, str]]:
    """(commit, date) of the last commit of each month in the Factbook repository's history."""
    last: dict[str, tuple[str, str]] = {}
    for line in git(gd, "log", "--first-parent", "--format=%H %cs").decode().split("\n"):
        if line:
            commit, date = line.split()
            last.setdefault(date[:7], (commit, date))  # the log is newest first
    return [last[month] for month in sorted(last)]


def factbook_rows(gd: pathlib.Path, commit: str, cache: dict[str, list[list[str]]]) -> list[list[str]]:
    """[file, country, field, text] for every country file of one commit that has an executive
    branch; each blob is parsed once (most files do not change from one month to the next)."""
    listing = git(gd, "ls-tree", "-r", commit).decode().split("\n")
    blobs = []
    for line in listing:
        if line.endswith(".json") and " blob " in line:
            meta, path = line.split("\t", 1)
            blobs.append((meta.split()[2], path))
    todo = [b for b, _ in blobs if b not in cache]
    if todo:
        out = subprocess.run(
            ["git", "--git-dir", str(gd), "cat-file", "--batch"],
            input="\n".join(todo).encode() + b"\n",
            check=True,
            capture_output=True,
        ).stdout
        pos = 0
        for blob in todo:
            header_end = out.index(b"\n", pos)
            size = int(out[pos:header_end].split()[2])
            body = out[header_end + 1 : header_end + 1 + size]
            pos = header_end + 1 + size + 1
            cache[blob] = _executive(body)
    rows = []
    for blob, path in sorted(blobs, key=lambda b: b[1]):
        rows.extend([path, *row] for row in cache[blob])
    return rows


def _executive(body: bytes) -> list[list[str]]:
    try:
        data = json.loads(body)
    except ValueError:
        return []  # an early version's partial file
    gov = data.get("Government") if isinstance(data, dict) else None
    if not isinstance(gov, dict) or not isinstance(gov.get("Executive branch"), dict):
        return []
    name = (gov.get("Country name") or {}).get("conventional short form") or {}
    country = name.get("text", "") if isinstance(name, dict) else ""
    branch = gov["Executive branch"]
    rows = []
    for field in FACTBOOK_FIELDS:
        text = (branch.get(field) or {}).get("text") if isinstance(branch.get(field), dict) else None
        if text:
            rows.append([country, field, text])
    return rows


def add_factbook(mirrors: pathlib.Path, out: pathlib.Path, manifest: list, missing: list) -> None:
    gd = git_dir(mirrors, FACTBOOK_REPO)
    if not gd.is_dir():
        missing.append(FACTBOOK_REPO)
        return
    cache: dict[str, list[list[str]]] = {}
    for commit, date in factbook_snapshots(gd):
        rows = factbook_rows(gd, commit, cache)
        if not rows:
            continue
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(["file", "country", "field", "text"])
        writer.writerows(rows)
        rel = "factbook/%s-%s.csv" % (date, commit)
        sha = write(out, rel, buf.getvalue().encode("utf-8"))
        manifest.append(
            record("factbook", FACTBOOK_REPO, commit, date, "*/*.json: Government.Executive branch", rel, sha, FACTBOOK)
        )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mirrors", type=pathlib.Path, required=True, help="folder of <owner>+<name>/repo git copies")
    ap.add_argument("--out", type=pathlib.Path, required=True, help="sources folder to write")
    args = ap.parse_args()
    manifest, missing = [], []
    for name in EVERYPOLITICIAN:
        repo = "every-politician-scrapers/" + name
        gd = git_dir(args.mirrors, repo)
        if not gd.is_dir():
            missing.append(repo)
            continue
        commit, date = head(gd)
        for path in ("html/holders21.csv", "html/positions.csv", "meta.json"):
            rel = "everypolitician/%s/%s" % (name, path.split("/")[-1])
            if path.endswith("positions.csv") and not git(gd, "ls-tree", commit, path):
                continue  # some countries' folders list no positions
            sha = write(args.out, rel, git(gd, "show", "%s:%s" % (commit, path)))
            manifest.append(record("everypolitician", repo, commit, date, path, rel, sha, WIKIDATA))
    repo = "every-politician-scrapers/world-leaders-2021"
    gd = git_dir(args.mirrors, repo)
    seen_blobs = set()
    if gd.is_dir():
        for line in git(gd, "log", "--format=%H %cs", "--", "data/wikidata.csv").decode().split("\n"):
            if not line:
                continue
            commit, date = line.split()
            blob = git(gd, "rev-parse", "%s:data/wikidata.csv" % commit).decode().strip()
            if blob in seen_blobs:
                continue
            seen_blobs.add(blob)
            rel = "world-leaders-2021/%s.csv" % commit
            sha = write(args.out, rel, git(gd, "show", "%s:data/wikidata.csv" % commit))
            manifest.append(record("world-leaders", repo, commit, date, "data/wikidata.csv", rel, sha, WIKIDATA))
    else:
        missing.append(repo)
    recorded = {m["file"] for m in manifest}
    for path in sorted((args.out / "world-leaders-2021").glob("*.csv")):
        rel = "world-leaders-2021/" + path.name
        if rel not in recorded:  # a newer version placed here by hand (see the docstring)
            manifest.append(
                record(
                    "world-leaders",
                    repo,
                    path.stem,
                    None,
                    "data/wikidata.csv",
                    rel,
                    hashlib.sha256(path.read_bytes()).hexdigest(),
                    WIKIDATA,
                )
            )
    for dataset, repo, path, rel, licence in SINGLE_FILES:
        gd = git_dir(args.mirrors, repo)
        if not gd.is_dir():
            missing.append(repo)
            continue
        commit, date = head(gd)
        sha = write(args.out, rel, git(gd, "show", "%s:%s" % (commit, path)))
        manifest.append(record(dataset, repo, commit, date, path, rel, sha, licence))
    add_factbook(args.mirrors, args.out, manifest, missing)
    (args.out / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print("%d files from %d repositories into %s" % (len(manifest), len({m["repo"] for m in manifest}), args.out))
    for repo in missing:
        print("  not found under %s: %s" % (args.mirrors, repo), file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
