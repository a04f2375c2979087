"""`diurna query …` and `diurna stats`: the store's Python API on the command line.

    diurna query events   [filters] [--limit N]     event mentions (copies of articles left out)
    diurna query clusters [filters] [--min-articles N]  real-world events, one row each
    diurna query cluster ID                          one real-world event and its mentions
    diurna query dyad A B [--freq month] [--unit events|clusters]   both directions per period
    diurna query actors   [--country C] [--q X] [-n N]   actors in the most events
    diurna query places   [filters] [--limit N]     places with the most events (for maps)
    diurna query articles [--q TEXT]                 stored articles, newest first
    diurna query article ID                          one article with its records (JSON)
    diurna stats                                     what the store holds

Every listing prints as an aligned table (default), CSV with a header (`--format csv`) or JSON
Lines (`--format json`). Filters are the fields of `diurna.store.EventFilter`; actor values are
matched as described in diurna.store.query.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import datetime as dt
import json
import sys
from typing import Any, Sequence

DEFAULT_DB = "diurna.duckdb"

# Columns a table shows (CSV and JSON carry every field).
TABLE_COLUMNS = {
    "events": [
        "date",
        "type",
        "source_name",
        "target_name",
        "place_name",
        "quad_class",
        "goldstein",
        "trigger",
        "article_id",
    ],
    "clusters": [
        "date",
        "type",
        "source_name",
        "target_name",
        "place_name",
        "articles",
        "mentions",
        "copies",
        "sources",
        "id",
    ],
    "dyad": ["period", "direction", "events", "goldstein_sum", "cooperation", "conflict"],
    "actors": ["key", "name", "code", "country", "as_source", "as_target", "articles"],
    "places": ["name", "country", "events", "lat", "lon", "feature", "geonameid"],
    "articles": ["published", "id", "title", "source", "events", "quotes", "dup_group"],
    "stats": ["name", "value"],
}
_WIDTH = 40  # longest cell a table shows; CSV and JSON are never cut


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _records(items: Sequence[Any]) -> list[dict]:
    return [
        {k: _plain(v) for k, v in (dataclasses.asdict(i) if dataclasses.is_dataclass(i) else i).items()} for i in items
    ]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return "%.2f" % value
    text = " ".join(str(value).split())
    return text if len(text) <= _WIDTH else text[: _WIDTH - 1] + "…"


def print_rows(rows: list[dict], columns: list[str], fmt: str, out=None) -> None:
    """`rows` as a table (only `columns`), CSV or JSON Lines (every field)."""
    out = out or sys.stdout
    if fmt == "json":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    if fmt == "csv":
        fields = list(rows[0]) if rows else columns
        from diurna.store.export import spreadsheet_cell

        writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows({name: spreadsheet_cell(value) for name, value in row.items()} for row in rows)
        return
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    out.write("  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip() + "\n")
    for r in cells:
        out.write("  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() + "\n")
    if not rows:
        out.write("(no rows)\n")


def _open(args):
    from diurna.store import Store

    return Store(args.db, read_only=True)


def _filter(args):
    from diurna.store import EventFilter

    return EventFilter(
        actor=args.actor,
        source=args.source,
        target=args.target,
        country=args.country,
        type=args.type,
        quad_class=args.quad_class,
        start=args.start,
        end=args.end,
        place=args.place,
        article_id=args.article,
        include_duplicates=getattr(args, "include_duplicates", False),
    )


def cmd_events(args) -> int:
    with _open(args) as store:
        rows = store.events(_filter(args), limit=args.limit, offset=args.offset)
    print_rows(_records(rows), TABLE_COLUMNS["events"], args.format)
    return 0


def cmd_clusters(args) -> int:
    with _open(args) as store:
        rows = store.clusters(_filter(args), limit=args.limit, offset=args.offset, min_articles=args.min_articles)
    print_rows(_records(rows), TABLE_COLUMNS["clusters"], args.format)
    return 0


def cmd_cluster(args) -> int:
    with _open(args) as store:
        detail = store.cluster(args.id)
    if detail is None:
        sys.stderr.write("diurna query: no cluster %s\n" % args.id)
        return 1
    if args.format == "json":
        print(json.dumps(_records([detail])[0], ensure_ascii=False))
        return 0
    print_rows(_records([detail.cluster]), TABLE_COLUMNS["clusters"], args.format)
    if args.format == "table":
        print()
    print_rows(_records(detail.mentions), TABLE_COLUMNS["events"] + ["dup_group"], args.format)
    return 0


def cmd_dyad(args) -> int:
    with _open(args) as store:
        points = store.dyad_series(args.a, args.b, freq=args.freq, start=args.start, end=args.end, unit=args.unit)
    print_rows(_records(points), TABLE_COLUMNS["dyad"], args.format)
    return 0


def cmd_actors(args) -> int:
    with _open(args) as store:
        rows = store.top_actors(args.n, country=args.country, q=args.q)
    print_rows(_records(rows), TABLE_COLUMNS["actors"], args.format)
    return 0


def cmd_places(args) -> int:
    with _open(args) as store:
        rows = store.place_counts(_filter(args), limit=args.limit)
    print_rows(_records(rows), TABLE_COLUMNS["places"], args.format)
    return 0


def cmd_articles(args) -> int:
    with _open(args) as store:
        rows = store.articles(limit=args.limit, offset=args.offset, q=args.q)
    print_rows(_records(rows), TABLE_COLUMNS["articles"], args.format)
    return 0


def cmd_article(args) -> int:
    """The article document (as `diurna code` prints it) plus where the store put it: its
    near-duplicate group and the real-world events (clusters) its events belong to."""
    with _open(args) as store:
        doc = store.document(args.id)
        if doc is None:
            sys.stderr.write("diurna query: no article %s\n" % args.id)
            return 1
        events = store.events(article_id=args.id, include_duplicates=True, limit=10_000)
        duplicates = store.duplicates_of(args.id)
    record = doc.model_dump()
    record["store"] = {"duplicates": duplicates, "clusters": {e.id: e.cluster_id for e in events}}
    if args.format == "json":
        print(json.dumps(record, ensure_ascii=False))
        return 0
    a = doc.article
    rows = [
        {"name": "id", "value": a.id},
        {"name": "title", "value": a.title},
        {"name": "published", "value": a.published},
        {"name": "source", "value": a.source},
        {"name": "url", "value": a.url},
        {"name": "actors", "value": len(doc.actors)},
        {"name": "events", "value": len(doc.events)},
        {"name": "quotes", "value": len(doc.quotes)},
        {"name": "places", "value": len(doc.places)},
        {"name": "duplicates", "value": " ".join(duplicates)},
    ]
    print_rows(rows, TABLE_COLUMNS["stats"], args.format)
    if args.format == "table":
        print()
    print_rows(_records(events), TABLE_COLUMNS["events"] + ["cluster_id"], args.format)
    return 0


def store_stats(store) -> dict[str, Any]:
    """Counts, date range and events per type: what `diurna stats` prints."""
    stats: dict[str, Any] = dict(store.counts())
    first, last = store.con.execute("SELECT min(date_start), max(date_start) FROM events").fetchone()
    stats["first_event_date"] = _plain(first)
    stats["last_event_date"] = _plain(last)
    stats["counted_events"] = store.count_events()
    for event_type, n in store.con.execute(
        "SELECT type, count(*) FROM event_clusters GROUP BY type ORDER BY count(*) DESC, type"
    ).fetchall():
        stats["clusters_" + event_type] = n
    return stats


def cmd_stats(args) -> int:
    with _open(args) as store:
        stats = store_stats(store)
    if args.json or args.format == "json":
        print(json.dumps(stats))
    else:
        print_rows([{"name": k, "value": v} for k, v in stats.items()], TABLE_COLUMNS["stats"], args.format)
    return 0


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=DEFAULT_DB, help="DuckDB file (default: %(default)s)")
    p.add_argument(
        "--format",
        choices=["table", "csv", "json"],
        default="table",
        help="table (default), csv with a header, or json (one object per line)",
    )


def _filters(p: argparse.ArgumentParser, paging: bool = True) -> None:
    p.add_argument(
        "--actor",
        help="source or target: actor key (kb:…, country:…), CAMEO code (IRN, IRNGOV), "
        "knowledge-base id, or a word that starts a name",
    )
    p.add_argument("--source", help="the acting side, matched like --actor")
    p.add_argument("--target", help="the side acted on, matched like --actor")
    p.add_argument("--country", help="ISO alpha-3 country of the source or the target")
    p.add_argument("--type", nargs="+", metavar="TYPE", help="PLOVER types (CONSULT ACCUSE …)")
    p.add_argument("--quad-class", type=int, choices=[1, 2, 3, 4], help="QuadClass")
    p.add_argument("--start", metavar="YYYY-MM-DD", help="events dated on or after")
    p.add_argument("--end", metavar="YYYY-MM-DD", help="events dated on or before")
    p.add_argument("--place", help="place name or GeoNames id")
    p.add_argument("--article", help="events of one article id")
    p.add_argument("--limit", type=int, default=50, help="rows (default: %(default)s)")
    if paging:  # place counts are a ranking for a map: no pages
        p.add_argument("--offset", type=int, default=0, help="rows to skip (paging)")


def _run(func):
    """Turn a bad filter value into a one-line error rather than a traceback."""

    def run(args) -> int:
        try:
            return func(args)
        except ValueError as error:
            sys.stderr.write("diurna: error: %s\n" % error)
            return 2

    return run


def add_stats_parser(sub, name: str = "stats") -> None:
    p = sub.add_parser(name, help="what a store holds: counts, duplicates, clusters, dates, types")
    _common(p)
    p.add_argument("--json", action="store_true", help="print one JSON object (same as --format json)")
    p.set_defaults(func=_run(cmd_stats))


def register(subparsers) -> None:
    """Add `query` (and `stats`, unless the main CLI still defines its own) to the diurna CLI."""
    query = subparsers.add_parser(
        "query",
        help="query the store: events, clusters, dyads, actors, places, articles",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    q = query.add_subparsers(dest="query", metavar="WHAT", required=True)

    p = q.add_parser("events", help="event mentions matching the filters, newest first")
    _common(p)
    _filters(p)
    p.add_argument("--include-duplicates", action="store_true", help="also events of near-duplicate copies")
    p.set_defaults(func=_run(cmd_events))

    p = q.add_parser("clusters", help="real-world events (one row each, however many reports)")
    _common(p)
    _filters(p)
    p.add_argument("--min-articles", type=int, default=1, help="reported by at least N independent articles")
    p.set_defaults(func=_run(cmd_clusters))

    p = q.add_parser("cluster", help="one real-world event and all its mentions")
    _common(p)
    p.add_argument("id", help="cluster id (evc_…)")
    p.set_defaults(func=_run(cmd_cluster))

    p = q.add_parser("dyad", help="events between two actors per period, both directions")
    _common(p)
    p.add_argument("a", help="one side, matched like --actor")
    p.add_argument("b", help="the other side")
    p.add_argument("--freq", choices=["day", "week", "month", "year"], default="month")
    p.add_argument(
        "--unit",
        choices=["events", "clusters"],
        default="events",
        help="count event mentions (default) or real-world events",
    )
    p.add_argument("--start", metavar="YYYY-MM-DD")
    p.add_argument("--end", metavar="YYYY-MM-DD")
    p.set_defaults(func=_run(cmd_dyad))

    p = q.add_parser("actors", help="actors in the most events")
    _common(p)
    p.add_argument("-n", type=int, default=20, help="how many (default: %(default)s)")
    p.add_argument("--country", help="ISO alpha-3")
    p.add_argument("--q", help="actor key, code, kb id or name word")
    p.set_defaults(func=_run(cmd_actors))

    p = q.add_parser("places", help="places with the most events matching the filters (copies left out)")
    _common(p)
    _filters(p, paging=False)
    p.add_argument("--include-duplicates", action="store_true", help="also events of near-duplicate copies")
    p.set_defaults(func=_run(cmd_places))

    p = q.add_parser("articles", help="stored articles, newest first")
    _common(p)
    p.add_argument("--q", help="text to look for in title or body")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--offset", type=int, default=0)
    p.set_defaults(func=_run(cmd_articles))

    p = q.add_parser("article", help="one article with its records, duplicates and clusters")
    _common(p)
    p.add_argument("id", help="article id (art_…)")
    p.set_defaults(func=_run(cmd_article))

    add_stats_parser(q, "stats")
    if "stats" not in subparsers.choices:
        add_stats_parser(subparsers)
