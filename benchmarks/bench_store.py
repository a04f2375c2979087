"""Store benchmark: load a synthetic store through `Store.write`, then time typical queries.

    nice .venv/bin/python benchmarks/bench_store.py [--articles 200000] [--events-per-article 5]
                                                    [--batch 20000] [--db PATH] [--repeat 5]

The synthetic news: ARTICLES articles over three years, arriving in date order as a news stream
does (publication dates jitter by two days), each with EVENTS_PER_ARTICLE events
between actors drawn (with a heavy tail, like real coverage) from 60 countries, 120 named
persons and 60 generic groups, half of them placed in one of 2,000 places (a Zipf tail: a few
capitals, many small towns; one GeoNames id is one place, as the geocoder gives it; before
2026-12-06 every article drew its own random coordinates, a map of 200,000 one-article places that
no real store has); every article has a 60-90 word text made of words from a fixed
vocabulary, and 5 % of articles are near-copies of an earlier one (a few words changed), so the
near-duplicate and cluster work is real. Generation is timed apart from loading.

Load = every `Store.write` call (rows, MinHash bands, inserts, duplicate groups, clusters,
commit). Queries run on the loaded store opened read-only; each is timed REPEAT times and the
median reported. Targets (issue 7): queries under 1 s, load under 60 s.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from typing import Callable

from diurna.document import ArticleDoc
from diurna.records import Actor, Article, CharRange, DateRef, Event, Place, TextSpan

TYPES = [
    ("CONSULT", "040", 1, 1.0),
    ("AGREE", "030", 1, 4.0),
    ("SUPPORT", "051", 1, 3.4),
    ("AID", "070", 2, 7.0),
    ("COOPERATE", "060", 2, 6.0),
    ("REQUEST", "100", 3, -5.0),
    ("ACCUSE", "112", 3, -2.0),
    ("REJECT", "120", 3, -4.0),
    ("THREATEN", "130", 3, -4.4),
    ("PROTEST", "140", 3, -6.5),
    ("SANCTION", "160", 3, -4.0),
    ("COERCE", "170", 4, -7.0),
    ("ASSAULT", "180", 4, -9.0),
]
COUNTRIES = [
    "USA",
    "CHN",
    "RUS",
    "UKR",
    "IRN",
    "ISR",
    "PSE",
    "IND",
    "PAK",
    "TUR",
    "GBR",
    "FRA",
    "DEU",
    "JPN",
    "KOR",
    "PRK",
    "SAU",
    "EGY",
    "SYR",
    "IRQ",
    "AFG",
    "NGA",
    "KEN",
    "ETH",
    "SDN",
    "ZAF",
    "BRA",
    "ARG",
    "MEX",
    "VEN",
    "COL",
    "CAN",
    "AUS",
    "IDN",
    "PHL",
    "VNM",
    "THA",
    "MMR",
    "BGD",
    "LBN",
    "JOR",
    "YEM",
    "QAT",
    "ARE",
    "POL",
    "HUN",
    "SRB",
    "GEO",
    "ARM",
    "AZE",
    "KAZ",
    "BLR",
    "ITA",
    "ESP",
    "GRC",
    "CHL",
    "PER",
    "CUB",
    "LBY",
    "SOM",
]
SECTORS = ["GOV", "MIL", "OPP", "COP", "REB", "CVL", "BUS", "MED"]
WORDS = (
    "government minister talks border security agreement said officials capital forces troops aid "
    "sanctions protest police city region president leaders meeting week statement ministry crisis "
    "election parliament economy trade energy oil gas prices water food refugees camp attack strike "
    "drone missile ceasefire peace deal court judge opposition party vote reform budget bank loan "
    "investment port railway road bridge school hospital doctors students workers union strike fuel "
    "taxes inflation currency exports imports talks delegation envoy embassy visit summit council "
    "resolution united nations european union africa asia americas north south east west"
).split()


def make_actors(rng: random.Random) -> list[tuple]:
    """(name, kb_id, code, country, sector, kind) of the synthetic actor population."""
    actors = [("Country %s" % c, "country_%s" % c.lower(), c, c, None, "country") for c in COUNTRIES]
    for i in range(120):
        c = rng.choice(COUNTRIES)
        actors.append(("Person%03d Surname%03d" % (i, i), "person_%03d" % i, c + "GOV", c, "GOV", "person"))
    for i in range(60):
        c, s = rng.choice(COUNTRIES), rng.choice(SECTORS)
        actors.append(("%s %s group %d" % (c, s.lower(), i), None, c + s, c, s, "group"))
    return actors


def make_places(rng: random.Random, n: int = 2000) -> tuple[list[tuple], list[float]]:
    """A gazetteer of `n` places, (name, country, geonameid, lat, lon), and their weights: news names
    a few capitals far more often than small towns (Zipf), and one GeoNames id is always one place
    with one name, country and position, as the offline geocoder gives it."""
    places = [
        ("City %d" % i, rng.choice(COUNTRIES), 100000 + i, rng.uniform(-40, 60), rng.uniform(-120, 140))
        for i in range(n)
    ]
    return places, [1.0 / (i + 1) for i in range(n)]


def make_text(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(60, 90))) + "."


def near_copy(text: str, rng: random.Random) -> str:
    words = text.split()
    for _ in range(3):
        words[rng.randrange(len(words))] = rng.choice(WORDS)
    return " ".join(words) + " (agency copy)"


def make_doc(
    i: int,
    rng: random.Random,
    actors: list[tuple],
    texts: list[str],
    events_per_article: int,
    start: float,
    total: int,
    gazetteer: tuple[list[tuple], list[float]],
) -> ArticleDoc:
    """One synthetic coded article (records built without validation: they are well-formed by construction)."""
    day = start + (i * 3 * 365 // total + rng.randint(-2, 2)) * 86400
    published = time.strftime("%Y-%m-%d", time.gmtime(day))
    text = near_copy(rng.choice(texts), rng) if texts and rng.random() < 0.05 else make_text(rng)
    texts.append(text)
    aid = "art_%016x" % i
    weights_n = len(actors)
    chosen = {}
    events = []
    name, country, geonameid, lat, lon = rng.choices(gazetteer[0], gazetteer[1])[0]
    place = Place.model_construct(
        id="plc_0", name=name, country=country, geonameid=geonameid, lat=lat, lon=lon, feature="city", mentions=[]
    )
    for j in range(events_per_article):
        # A heavy tail: low indices (big countries, a few leaders) act far more often.
        src = actors[min(int(rng.paretovariate(1.2)) - 1, weights_n - 1)]
        tgt = actors[min(int(rng.paretovariate(1.2)) - 1 + rng.randrange(3), weights_n - 1)]
        for a in (src, tgt):
            if a[0] not in chosen:
                chosen[a[0]] = Actor.model_construct(
                    id="act_%d" % len(chosen),
                    name=a[0],
                    kb_id=a[1],
                    code=a[2],
                    country=a[3],
                    sector=a[4],
                    kind=a[5],
                    mentions=[],
                )
        etype, cameo, quad, goldstein = rng.choice(TYPES)
        event_day = time.strftime("%Y-%m-%d", time.gmtime(day - rng.randrange(3) * 86400))
        events.append(
            Event.model_construct(
                id="evt_%d" % j,
                type=etype,
                mode=None,
                cameo=cameo,
                quad_class=quad,
                goldstein=goldstein,
                source=chosen[src[0]].id,
                target=chosen[tgt[0]].id,
                trigger=TextSpan.model_construct(text="said", start=0, end=4),
                sentence=CharRange.model_construct(start=0, end=len(text)),
                date=DateRef.model_construct(
                    text=None, start=event_day, end=event_day, granularity="day", anchored_to="published"
                ),
                place=place.id if rng.random() < 0.5 else None,
                polarity="asserted",
                modality="actual",
                attributed_to=None,
                confidence=0.8,
            )
        )
    article = Article.model_construct(
        id=aid,
        title=None,
        url="https://news.example/%d" % i,
        source="src%d" % (i % 40),
        published=published,
        text=text,
        language="en",
    )
    return ArticleDoc(
        article=article, actors=list(chosen.values()), events=events, places=[place], sentence_spans=[(0, len(text))]
    )


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=200_000)
    ap.add_argument("--events-per-article", type=int, default=5)
    ap.add_argument("--batch", type=int, default=20_000, help="articles per Store.write call")
    ap.add_argument("--db", help="store file (default: a temporary file, deleted afterwards)")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args(argv)

    from diurna.store import Store

    rng = random.Random(args.seed)
    actors = make_actors(rng)
    gazetteer = make_places(rng)
    tmpdir = tempfile.mkdtemp(prefix="bench_store_")
    path = args.db or os.path.join(tmpdir, "bench.duckdb")
    start = time.mktime((2022, 1, 1, 0, 0, 0, 0, 0, 0))
    texts: list[str] = []
    gen_s = load_s = load_cpu_s = 0.0
    with Store(path) as store:
        for first in range(0, args.articles, args.batch):
            t0 = time.perf_counter()
            docs = [
                make_doc(i, rng, actors, texts, args.events_per_article, start, args.articles, gazetteer)
                for i in range(first, min(first + args.batch, args.articles))
            ]
            texts = texts[-5000:]  # copies come from recent stories, as in a news stream
            t1 = time.perf_counter()
            c1 = time.process_time()
            store.write(docs)
            t2 = time.perf_counter()
            load_cpu_s += time.process_time() - c1
            gen_s += t1 - t0
            load_s += t2 - t1
            sys.stderr.write("  %d articles: write %.1f s\n" % (first + len(docs), t2 - t1))
        counts = store.counts()
    print(
        "store: %(articles)d articles, %(events)d events, %(duplicates)d near-duplicate articles, "
        "%(clusters)d event clusters" % counts
    )
    print("generate: %.1f s (not part of the load)" % gen_s)
    print("load (Store.write, %d articles per call): %.1f s  [target < 60 s]" % (args.batch, load_s))
    # On a shared machine the wall time depends on the other jobs; the CPU time (every thread of
    # this process, DuckDB's included) says how much work the load itself was.
    print("load CPU time (all threads of this process): %.1f s" % load_cpu_s)
    print("file size: %.0f MB" % (os.path.getsize(path) / 1e6))

    with Store(path, read_only=True) as store:
        queries = {
            "dyad series USA<->CHN per month (event mentions)": lambda: store.dyad_series("USA", "CHN", freq="month"),
            "dyad series USA<->CHN per week (real-world events)": lambda: store.dyad_series(
                "USA", "CHN", freq="week", unit="clusters"
            ),
            "events: country=IRN, type ACCUSE/THREATEN, 2023, first 100": lambda: store.events(
                country="IRN", type=["ACCUSE", "THREATEN"], start="2023-01-01", end="2023-12-31", limit=100
            ),
            "events: actor name 'surname007', QuadClass 4, first 100": lambda: store.events(
                actor="surname007", quad_class=4, limit=100
            ),
            "count events: country=RUS, 2024": lambda: store.count_events(
                country="RUS", start="2024-01-01", end="2024-12-31"
            ),
            "clusters: actor RUS, at least 2 articles, first 100": lambda: store.clusters(
                actor="RUS", min_articles=2, limit=100
            ),
            "top 20 actors": lambda: store.top_actors(20),
        }
        for name, fn in queries.items():
            seconds, result = timed(fn, args.repeat)
            size = len(result) if isinstance(result, list) else result
            print("query %-58s %.3f s  (%s rows)  [target < 1 s]" % (name + ":", seconds, size))
    print("peak RSS: %.0f MB" % (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))
    if not args.db:
        os.remove(path)
        os.rmdir(tmpdir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
