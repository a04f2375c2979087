#!/usr/bin/env python3
"""Score diurna's toponym resolution against tests/places/toponyms/polnear_train_gold.tsv.

    .venv/bin/python scripts/eval_toponyms.py [--errors] [--frozen-errors] [--shared ../shared]

For every gold toponym the place diurna gives the overlapping span is:
- exact: the gold GeoNames id (one of them, where the gold allows two), or within 25 km of the gold point;
- right country: the gold ISO alpha-3 (a country-level answer counts here too);
- unresolved: no place at all (counted as wrong in both measures, as the issue asks).
Words that must not become places ("Gulf", "Western", "Africa") are counted apart: a city,
district or region given to one is a false geocode.

The frozen articles' errors are listed only with --frozen-errors (see the gold's README).
"""

from __future__ import annotations

import argparse
import collections
import csv
import math
import pathlib
import sys

REPO = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

GOLD = REPO / "tests" / "places" / "toponyms" / "polnear_train_gold.tsv"
FROZEN = {"0260", "0348", "0357", "0358"}
EXACT_KM = 25.0


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def read_gold(path: pathlib.Path = GOLD) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def is_exact(gold: dict, place) -> bool:
    ids = {int(x) for x in gold["geonameid"].split("|") if x}
    if place.geonameid in ids:
        return True
    if gold["lat"] and place.lat is not None and place.feature != "country":
        return haversine_km(float(gold["lat"]), float(gold["lon"]), place.lat, place.lon) <= EXACT_KM
    return False


def predicted_places(doc, offset: int) -> list[tuple[int, int, object]]:
    by_id = {p.id: p for p in doc.places}
    return [(ref.start + offset, ref.end + offset, by_id[ref.place_id]) for ref in doc.place_mentions]


def code_articles(articles: dict[str, str], pubdates: dict[str, str]):
    from diurna.actors import ActorStage
    from diurna.pipeline import Pipeline
    from diurna.places import PlaceStage

    pipeline = Pipeline(stages=[ActorStage(), PlaceStage()])
    for name, text in articles.items():
        doc = pipeline.code_text(text, pubdates.get(name))
        # The pipeline strips leading blank lines: offsets shift by what it removed.
        offset = len(text) - len(text.lstrip("\n"))
        if doc.article.text != text.strip("\n").replace("\r\n", "\n"):
            raise SystemExit("%s: the coded text differs from the file; offsets cannot be compared" % name)
        yield name, predicted_places(doc, offset)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=pathlib.Path, default=REPO.parent / "shared")
    parser.add_argument("--errors", action="store_true", help="list the development articles' errors")
    parser.add_argument("--frozen-errors", action="store_true", help="list the frozen articles' errors too")
    args = parser.parse_args()
    folder = args.shared / "data" / "polnear" / "train"
    if not folder.is_dir():
        folder = pathlib.Path("/work/shared/data/polnear/train")
    gold = read_gold()
    names = sorted({g["article"] for g in gold})
    articles = {n: (folder / "articles" / ("%s.txt" % n)).read_text(encoding="utf-8") for n in names}
    pubdates = {}
    for line in (folder / "pubdates.tsv").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            pubdates[parts[0]] = parts[1]
    for g in gold:
        surface = articles[g["article"]][int(g["start"]) : int(g["end"])]
        if surface != g["surface"]:
            raise SystemExit("%s:%s: gold surface %r, text has %r" % (g["article"], g["start"], g["surface"], surface))
    predictions = dict(code_articles(articles, pubdates))
    tally: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    errors = []
    for g in gold:
        split = "frozen" if g["article"] in FROZEN else "dev"
        start, end = int(g["start"]), int(g["end"])
        hits = [p for s, e, p in predictions[g["article"]] if s < end and start < e]
        place = hits[0] if hits else None
        if g["level"] == "none":
            wrong = place is not None and place.feature != "country"
            for key in (split, "all"):
                tally[key]["negatives"] += 1
                tally[key]["false_geocodes"] += wrong
            if wrong:
                errors.append(
                    (
                        split,
                        "%s:%d %r must not be a place -> %s (%s)"
                        % (g["article"], start, g["surface"], place.name, place.country),
                    )
                )
            continue
        exact = place is not None and is_exact(g, place)
        country = place is not None and place.country == g["country"]
        for key in (split, "all", "non-country" if g["level"] != "country" else "country-level"):
            tally[key]["toponyms"] += 1
            tally[key]["exact"] += exact
            tally[key]["country"] += country
            tally[key]["unresolved"] += place is None
        if not exact:
            got = (
                "unresolved"
                if place is None
                else "%s %s/%s %s" % (place.name, place.country, place.geonameid, place.feature)
            )
            errors.append(
                (
                    split,
                    "%s:%d %r (%s, %s) -> %s"
                    % (
                        g["article"],
                        start,
                        g["surface"],
                        g["geonameid"] or g["lat"] + "," + g["lon"],
                        g["country"],
                        got,
                    ),
                )
            )
    print("set          toponyms  exact  country  unresolved  | negatives  false geocodes")
    for key in ("dev", "frozen", "all", "non-country", "country-level"):
        t = tally[key]
        if not t["toponyms"]:
            continue
        n = t["toponyms"]
        print(
            "%-12s %8d  %5.3f  %7.3f  %10.3f  | %9d  %d"
            % (key, n, t["exact"] / n, t["country"] / n, t["unresolved"] / n, t["negatives"], t["false_geocodes"])
        )
    if args.errors or args.frozen_errors:
        for split, line in errors:
            if split == "dev" or args.frozen_errors:
                print(split, line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
