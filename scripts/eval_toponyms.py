#!/usr/bin/env python3
"""Score diurna's toponym resolution against the toponym gold sets in tests/places/toponyms/.

    .venv/bin/python scripts/eval_toponyms.py [--set polnear|realtext|opennews|all] [--split tune|frozen|all]
                                              [--half A|B] [--errors] [--frozen-errors]
                                              [--shared ../shared] [--realtext DATA]

Three gold sets (README.md beside them says how each was written, before diurna was run on its texts):
- polnear:  polnear_train_gold.tsv, 11 PolNeAR train articles read from SHARED/data/polnear/train;
            frozen = articles 0260 0348 0357 0358, the others are the development part ("dev");
- realtext: realtext_gold.tsv, 54 articles of the project's real-text set (REALTEXT, default
            $DIURNA_REALTEXT, else eval/opennews; the text's path is the "file" of REALTEXT/manifest/ID.json);
            frozen/tune exactly as the event set: scripts/eval_realtext.split_of(article id);
            its texts were lost with the first set, so it scores only where $DIURNA_REALTEXT has a copy;
- opennews: opennews_gold.tsv, 101 articles of eval/opennews (the repository's own real-text set, read
            through eval_realtext.default_data()), split as the event set (split_of).
--set all scores polnear and opennews, and realtext too when its texts are there.

For every gold toponym the place diurna gives the overlapping span is:
- exact: the gold GeoNames id (one of them, where the gold allows two), or within 25 km of the gold point;
  rows with neither id nor point (a place the annotator could not locate) count for the country only;
- right country: the gold ISO alpha-3 (a country-level answer counts here too);
- unresolved: no place at all (counted as wrong in both measures, as issue 22 asks).
Words that must not become places (level none: "Gulf", "Western", "Africa") are counted apart: a city,
district or region given to one is a false geocode.

Every gold surface is checked against its text (text[start:end]) before anything is coded.
The frozen articles' errors are listed only with --frozen-errors.
--half A|B cuts a real-text set's tune part to one of its two id-hash halves (eval_realtext.half_of), the
halves every tune figure is developed on (A) and checked on (B): B is held out, so --half B prints its
totals and refuses --errors. --half implies --split tune and needs --set opennews or realtext.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import math
import pathlib
import sys

REPO = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

import eval_realtext  # a sibling script: where the real-text set lives, and its frozen/tune split

GOLD_DIR = REPO / "tests" / "places" / "toponyms"
GOLD = GOLD_DIR / "polnear_train_gold.tsv"
REALTEXT_GOLD = GOLD_DIR / "realtext_gold.tsv"
OPENNEWS_GOLD = GOLD_DIR / "opennews_gold.tsv"
COLUMNS = ("article", "start", "end", "surface", "geonameid", "lat", "lon", "country", "level")
LEVELS = ("country", "region", "district", "place", "none")
POLNEAR_FROZEN = {"0260", "0348", "0357", "0358"}
FROZEN = POLNEAR_FROZEN  # the name earlier callers used
EXACT_KM = 25.0


class GoldSet:
    """One gold file with the texts its offsets point into (a plain class: the tests load this script
    with importlib, where a dataclass cannot find its module)."""

    def __init__(self, name: str, rows: list[dict], texts: dict[str, str], pubdates: dict[str, str] | None = None):
        self.name = name
        self.rows = rows
        self.texts = texts
        self.pubdates = pubdates or {}

    def split(self, article: str) -> str:
        if self.name == "polnear":
            return "frozen" if article in POLNEAR_FROZEN else "dev"
        return eval_realtext.split_of(article)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def read_gold(path: pathlib.Path = GOLD) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def has_location(gold: dict) -> bool:
    """False for rows the annotator could name only by country (no id, no point): exact is not scored."""
    return bool(gold["geonameid"] or gold["lat"])


def is_exact(gold: dict, place) -> bool:
    ids = {int(x) for x in gold["geonameid"].split("|") if x}
    if place.geonameid in ids:
        return True
    if gold["lat"] and place.lat is not None and place.feature != "country":
        return haversine_km(float(gold["lat"]), float(gold["lon"]), place.lat, place.lon) <= EXACT_KM
    return False


def surface_problems(gold_set: GoldSet) -> list[str]:
    """Rows whose text[start:end] is not their surface, or whose article has no text."""
    problems = []
    for g in gold_set.rows:
        text = gold_set.texts.get(g["article"])
        if text is None:
            problems.append("%s %s: no text for this article" % (gold_set.name, g["article"]))
            continue
        surface = text[int(g["start"]) : int(g["end"])]
        if surface != g["surface"]:
            problems.append(
                "%s %s:%s: gold surface %r, text has %r"
                % (gold_set.name, g["article"], g["start"], g["surface"], surface)
            )
    return problems


def load_polnear(shared: pathlib.Path) -> GoldSet:
    folder = shared / "data" / "polnear" / "train"
    if not folder.is_dir():
        folder = pathlib.Path("/work/shared/data/polnear/train")
    if not folder.is_dir():
        raise SystemExit("no PolNeAR train articles at %s (set --shared)" % folder)
    rows = read_gold(GOLD)
    names = sorted({g["article"] for g in rows})
    texts = {n: (folder / "articles" / ("%s.txt" % n)).read_text(encoding="utf-8") for n in names}
    pubdates = {}
    for line in (folder / "pubdates.tsv").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            pubdates[parts[0]] = parts[1]
    return GoldSet("polnear", rows, texts, pubdates)


def realtext_articles(data: pathlib.Path, names) -> tuple[dict[str, str], dict[str, str]]:
    """Texts and publication dates of these real-text articles, by id (from their manifests)."""
    texts, pubdates, missing = {}, {}, []
    for name in sorted(names):
        manifest_path = data / "manifest" / ("%s.json" % name)
        if not manifest_path.is_file():
            missing.append(str(manifest_path))
            continue
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        texts[name] = (data / manifest["file"]).read_text(encoding="utf-8")
        pubdates[name] = manifest.get("published")
    if missing:
        raise SystemExit("the real-text set at %s lacks the manifests of:\n  %s" % (data, "\n  ".join(missing)))
    return texts, pubdates


def load_realtext(data: pathlib.Path, name: str = "realtext", gold: pathlib.Path = REALTEXT_GOLD) -> GoldSet:
    """A gold file over a real-text set laid out as eval/opennews (manifest/ID.json naming each text)."""
    if not (data / "manifest").is_dir():
        raise SystemExit("no real-text set at %s (set --realtext or $DIURNA_REALTEXT)" % data)
    rows = read_gold(gold)
    texts, pubdates = realtext_articles(data, {g["article"] for g in rows})
    return GoldSet(name, rows, texts, pubdates)


def load_opennews(data: pathlib.Path) -> GoldSet:
    return load_realtext(data, "opennews", OPENNEWS_GOLD)


def has_texts(data: pathlib.Path, gold: pathlib.Path) -> bool:
    """Whether every article of this gold file has its manifest in the set at data."""
    return all((data / "manifest" / ("%s.json" % a)).is_file() for a in {g["article"] for g in read_gold(gold)})


def in_split(split: str, wanted: str) -> bool:
    """PolNeAR's development part ("dev") is what the real-text sets call tune."""
    return wanted == "all" or split == wanted or (wanted == "tune" and split == "dev")


def only_split(gold_set: GoldSet, wanted: str) -> GoldSet:
    """The gold set cut to one split's articles, so the other split's texts are never coded."""
    rows = [g for g in gold_set.rows if in_split(gold_set.split(g["article"]), wanted)]
    names = {g["article"] for g in rows}
    texts = {n: t for n, t in gold_set.texts.items() if n in names}
    return GoldSet(gold_set.name, rows, texts, gold_set.pubdates)


def only_half(gold_set: GoldSet, half: str) -> GoldSet:
    """The (tune) gold set cut to one id-hash half's articles (eval_realtext.half_of)."""
    rows = [g for g in gold_set.rows if eval_realtext.half_of(g["article"]) == half]
    names = {g["article"] for g in rows}
    texts = {n: t for n, t in gold_set.texts.items() if n in names}
    return GoldSet(gold_set.name, rows, texts, gold_set.pubdates)


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


def describe(place) -> str:
    if place is None:
        return "unresolved"
    return "%s %s/%s %s" % (place.name, place.country, place.geonameid, place.feature)


def score(gold_set: GoldSet, predictions: dict, tally: dict, errors: list) -> None:
    """Add each gold row's verdict to tally[(set, split, level)] and its error, if any, to errors."""
    for g in gold_set.rows:
        split = gold_set.split(g["article"])
        start, end = int(g["start"]), int(g["end"])
        hits = [p for s, e, p in predictions[g["article"]] if s < end and start < e]
        place = hits[0] if hits else None
        t = tally[(gold_set.name, split, g["level"])]
        where = "%s %s %s:%d %r" % (gold_set.name, split, g["article"], start, g["surface"])
        if g["level"] == "none":
            wrong = place is not None and place.feature != "country"
            t["negatives"] += 1
            t["false_geocodes"] += wrong
            if wrong:
                errors.append((split, "%s must not be a place -> %s" % (where, describe(place))))
            continue
        locatable = has_location(g)
        exact = place is not None and locatable and is_exact(g, place)
        country = place is not None and place.country == g["country"]
        t["toponyms"] += 1
        t["locatable"] += locatable
        t["exact"] += exact
        t["country"] += country
        t["unresolved"] += place is None
        if (locatable and not exact) or not country:
            gold_place = g["geonameid"] or (g["lat"] + "," + g["lon"] if g["lat"] else "country only")
            errors.append(
                (split, "%s (%s, %s, %s) -> %s" % (where, gold_place, g["country"], g["level"], describe(place)))
            )


def summed(tally: dict, **where) -> collections.Counter:
    total = collections.Counter()
    for (set_name, split, level), counts in tally.items():
        key = {"set": set_name, "split": split, "level": level}
        if all(key[k] == v for k, v in where.items()):
            total.update(counts)
    return total


def table_row(label: str, t: collections.Counter, negatives: bool = True) -> str:
    n, m = t["toponyms"], t["locatable"]

    def ratio(a: int, b: int) -> str:
        return "%5d/%-5d %5.3f" % (a, b, a / b) if b else "%17s" % "-"

    row = "%-20s %s  %s  %s" % (label, ratio(t["exact"], m), ratio(t["country"], n), ratio(t["unresolved"], n))
    return row + ("  | %4d  %d" % (t["negatives"], t["false_geocodes"]) if negatives else "")


def report(tally: dict, set_names: list[str], splits: dict[str, tuple[str, ...]]) -> list[str]:
    lines = [
        "%-20s %17s  %17s  %17s  | %4s  %s" % ("set", "exact", "right country", "unresolved", "none", "false geocodes")
    ]
    for set_name in set_names:
        # An "all" row only where it sums more than one split.
        for split in splits[set_name] + (("all",) if len(splits[set_name]) > 1 else ()):
            where = {"set": set_name} if split == "all" else {"set": set_name, "split": split}
            lines.append(table_row("%s %s" % (set_name, split), summed(tally, **where)))
            for level in LEVELS[:-1]:
                lines.append(table_row("  %s" % level, summed(tally, level=level, **where), negatives=False))
            # The harder part: most toponyms of news are country names.
            not_country = summed(tally, **where)
            not_country.subtract(summed(tally, level="country", **where))
            lines.append(table_row("  not country", not_country, negatives=False))
    if len(set_names) > 1:
        lines.append(table_row("all sets", summed(tally)))
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0], formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__
    )
    parser.add_argument(
        "--set", choices=("polnear", "realtext", "opennews", "all"), default="polnear", help="gold set to score"
    )
    parser.add_argument("--shared", type=pathlib.Path, default=REPO.parent / "shared")
    parser.add_argument("--realtext", type=pathlib.Path, default=eval_realtext.default_data())
    parser.add_argument(
        "--split",
        choices=("tune", "frozen", "all"),
        default="all",
        help="code and score only these articles (tune: PolNeAR's dev part and the real-text sets' tune part)",
    )
    parser.add_argument(
        "--half",
        choices=("A", "B"),
        help="only this half of a real-text set's tune part (eval_realtext.half_of); B is held out: totals only",
    )
    parser.add_argument("--errors", action="store_true", help="list the development (tune) articles' errors")
    parser.add_argument("--frozen-errors", action="store_true", help="list the frozen articles' errors too")
    args = parser.parse_args()
    if args.half:
        if args.set not in ("opennews", "realtext"):
            parser.error("--half needs --set opennews or --set realtext (PolNeAR has no halves)")
        if args.split == "frozen":
            parser.error("--half cuts the tune part: it cannot go with --split frozen")
        if args.half == "B" and (args.errors or args.frozen_errors):
            parser.error("half B is the held-out check: read its totals only (no --errors)")
        args.split = "tune"
    gold_sets = []
    if args.set in ("polnear", "all"):
        gold_sets.append(load_polnear(args.shared))
    if args.set == "realtext" or (args.set == "all" and has_texts(args.realtext, REALTEXT_GOLD)):
        gold_sets.append(load_realtext(args.realtext))
    if args.set in ("opennews", "all"):
        gold_sets.append(load_opennews(args.realtext))
    gold_sets = [only_split(gold_set, args.split) for gold_set in gold_sets]
    if args.half:
        gold_sets = [only_half(gold_set, args.half) for gold_set in gold_sets]
    problems = [p for gold_set in gold_sets for p in surface_problems(gold_set)]
    if problems:
        raise SystemExit("gold rows do not match their texts:\n  " + "\n  ".join(problems))
    tally: dict = collections.defaultdict(collections.Counter)
    errors: list = []
    for gold_set in gold_sets:
        predictions = dict(code_articles(gold_set.texts, gold_set.pubdates))
        score(gold_set, predictions, tally, errors)
    splits = {"polnear": ("dev", "frozen"), "realtext": ("tune", "frozen"), "opennews": ("tune", "frozen")}
    if args.split != "all":
        splits = {name: tuple(s for s in kept if in_split(s, args.split)) for name, kept in splits.items()}
    print("\n".join(report(tally, [s.name for s in gold_sets], splits)))
    print("exact: over rows with a GeoNames id or a point; country and unresolved: over all non-none rows")
    if args.errors or args.frozen_errors:
        for split, line in errors:
            if split != "frozen" or args.frozen_errors:
                print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
