"""What each event row carries of its actors, its place and its article (schema v6), so that every
filter and aggregate the dashboard runs reads the one `events` table.

An event names its source, target and place by (article id, row id). Filtering or grouping a million
events by their actors' keys, names, codes or countries, or by their place, then joins each event with
two actor rows and a place row: on 200,000 articles those joins were most of the time of the network,
the dyad, the actor profile and the map (1.2-6.7 s on a loaded machine). The fields they read are
copied onto the event row when it is written, as `source_*`, `target_*` and `place_*` columns (and
the name of the actor an event is attributed to, so a page of events needs no actor rows); they
cannot go stale, because an article's actors and places never change once stored: only the derived
actor keys are ever recomputed (maintenance.rebuild_derived), and that calls `refresh` below.

`is_copy` says the event's (or actor row's) article is a near-duplicate copy of another (dedup.py):
it is what the filters' "copies left out" tests, and what the actor list leaves out of its counts.
Unlike the other fields it changes after the article is written, when a later article regroups it,
so the store marks it in the same transaction as every change of `articles.dup_group`
(`mark_copies`). `actors.key_first` (ACTOR_COLUMNS) lets the actor list count articles.

`pair` (schema v8) names what the actor network groups by: the event's two actor keys (a generic
actor's with its country), their names and their CAMEO codes, as one 64-bit number whose fields are
kept once in `event_pairs` (PAIR_FIELDS). Grouping the events of the busiest actor (650,000 of a
million on 200,000 articles) by those eight strings was most of its profile's time; by one integer it
is a fifth of that, and the few thousand groups are joined to their fields afterwards. The number is a
hash of the fields (`pair_id`), so the same fields get the same number in every batch, in a rebuild
and in the upgrade, with no counter to keep; it is derived from the other facts, so it changes only
when they do (`refresh_pairs`).
"""

from __future__ import annotations

import functools
import hashlib
import json
from typing import Optional, Sequence

# The columns, in the order `event_facts` gives them (appended to the events table's own columns).
COLUMNS = [
    "source_key",
    "source_name",
    "source_code",
    "source_country",
    "target_key",
    "target_name",
    "target_code",
    "target_country",
    "place_name",
    "place_geonameid",
    "place_country",
    "place_lat",
    "place_lon",
    "place_feature",
    "attributed_name",
    "is_copy",
]

# What each actor row carries besides its own fields: whether its article is a copy, and whether it is
# the first row of its actor key in its article (an article may hold two rows of one key: counting
# these rows counts the articles an actor is in, without a count(DISTINCT article_id) of every row).
ACTOR_COLUMNS = ["is_copy", "key_first"]

_NO_ACTOR = (None, None, None, None)
_NO_PLACE = (None, None, None, None, None, None)


def event_facts(event, actors: dict, keys: dict[str, str], places: dict) -> tuple:
    """The COLUMNS values of one event being written: `actors` and `places` map the article's ids to
    its records, `keys` its actor ids to their actor keys. `is_copy` is false until the article's
    duplicate group is known (`mark_copies`, same transaction)."""

    def actor(actor_id: Optional[str]) -> tuple:
        a = actors.get(actor_id or "")
        return _NO_ACTOR if a is None else (keys[a.id], a.name, a.code, a.country)

    p = places.get(event.place or "")
    place = _NO_PLACE if p is None else (p.name, p.geonameid, p.country, p.lat, p.lon, p.feature)
    speaker = actors.get(event.attributed_to or "")
    return (*actor(event.source), *actor(event.target), *place, speaker.name if speaker else None, False)


# The fields a pair stands for, in `event_pairs` (after its `pair` column) and in `pair_fields`' order:
# a generic actor (`name:` key, such as police) is one network node per country, so its country is
# part of its pair; a named actor's is not.
PAIR_FIELDS = [
    "source_key",
    "source_node_country",
    "target_key",
    "target_node_country",
    "source_name",
    "target_name",
    "source_code",
    "target_code",
]


def _node_country(key: Optional[str], country: Optional[str]) -> Optional[str]:
    return country if key is not None and key.startswith("name:") else None


def pair_fields(facts: tuple) -> Optional[tuple]:
    """The PAIR_FIELDS of an event from its COLUMNS values; None when it lacks a source or a target
    (the network leaves those events out)."""
    source_key, source_name, source_code, source_country = facts[0:4]
    target_key, target_name, target_code, target_country = facts[4:8]
    if source_key is None or target_key is None:
        return None
    return (
        source_key,
        _node_country(source_key, source_country),
        target_key,
        _node_country(target_key, target_country),
        source_name,
        target_name,
        source_code,
        target_code,
    )


@functools.lru_cache(maxsize=1 << 16)  # a batch repeats few pairs many times (4,700 in a million events)
def pair_id(fields: tuple) -> int:
    """The 64-bit number (a signed BIGINT) standing for one PAIR_FIELDS tuple: the same in every
    process and version of Python (blake2b of the fields as JSON, not Python's salted hash)."""
    digest = hashlib.blake2b(json.dumps(list(fields)).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


# Each of PAIR_FIELDS as SQL over the `events` table (its facts).
_PAIR_SQL = [
    "events.source_key",
    "CASE WHEN events.source_key LIKE 'name:%' THEN events.source_country END",
    "events.target_key",
    "CASE WHEN events.target_key LIKE 'name:%' THEN events.target_country END",
    "events.source_name",
    "events.target_name",
    "events.source_code",
    "events.target_code",
]


def refresh_pairs(con) -> None:
    """Recompute every event's `pair` and the `event_pairs` table from the events' facts (the v8
    migration, and maintenance.rebuild_derived after `refresh`), inside the caller's transaction."""
    rows = con.execute(
        "SELECT DISTINCT %s FROM events WHERE events.source_key IS NOT NULL AND events.target_key IS NOT NULL"
        % ", ".join(_PAIR_SQL)
    ).fetchall()
    con.execute("DELETE FROM event_pairs")
    con.execute("UPDATE events SET pair = NULL WHERE pair IS NOT NULL")
    store_pairs(con, {pair_id(r): r for r in rows})
    matches = " AND ".join("%s IS NOT DISTINCT FROM p.%s" % pair for pair in zip(_PAIR_SQL, PAIR_FIELDS))
    con.execute(
        "UPDATE events SET pair = p.pair FROM event_pairs p WHERE events.source_key IS NOT NULL "
        "AND events.target_key IS NOT NULL AND " + matches
    )


def store_pairs(con, pairs: dict[int, tuple]) -> None:
    """Add the `event_pairs` rows of a batch being written (`pairs`: pair_id -> PAIR_FIELDS) that the
    store does not hold yet (inside the caller's transaction)."""
    import pyarrow as pa

    if not pairs:
        return
    table = pa.table(
        {"pair": pa.array(list(pairs), pa.int64())}
        | {name: pa.array([f[i] for f in pairs.values()], pa.string()) for i, name in enumerate(PAIR_FIELDS)}
    )
    con.register("_pairs", table)
    try:
        con.execute("INSERT OR IGNORE INTO event_pairs SELECT * FROM _pairs")
    finally:
        con.unregister("_pairs")


def first_of_key(actors: Sequence, keys: dict[str, str]) -> set[str]:
    """Ids of the actors (in their article's order) that are the first of their actor key."""
    seen: set[str] = set()
    first = set()
    for actor in actors:
        if keys[actor.id] not in seen:
            seen.add(keys[actor.id])
            first.add(actor.id)
    return first


def mark_copies(con, article_ids: Sequence[str]) -> None:
    """Set `is_copy` of the events and actors of `article_ids` from their articles' duplicate groups
    (after dedup.assign_groups changed them; inside the caller's transaction)."""
    if not article_ids:
        return
    for table in ("events", "actors"):
        con.execute(
            "UPDATE %s SET is_copy = (a.dup_group IS NOT NULL AND a.dup_group <> a.id) FROM articles a "
            "WHERE %s.article_id = a.id AND a.id IN (SELECT unnest(?))" % (table, table),
            [sorted(set(article_ids))],
        )


def refresh(con) -> None:
    """Recompute every event's COLUMNS and every actor's ACTOR_COLUMNS from the stored actors, places
    and articles (the v6 migration, and maintenance.rebuild_derived after actor keys or duplicate
    groups were recomputed)."""
    con.execute("""
        UPDATE events SET source_key = s.key, source_name = s.name, source_code = s.code, source_country = s.country
        FROM actors s WHERE s.article_id = events.article_id AND s.id = events.source""")
    con.execute("""
        UPDATE events SET target_key = t.key, target_name = t.name, target_code = t.code, target_country = t.country
        FROM actors t WHERE t.article_id = events.article_id AND t.id = events.target""")
    con.execute("""
        UPDATE events SET place_name = p.name, place_geonameid = p.geonameid, place_country = p.country,
                          place_lat = p.lat, place_lon = p.lon, place_feature = p.feature
        FROM places p WHERE p.article_id = events.article_id AND p.id = events.place""")
    con.execute("""
        UPDATE events SET attributed_name = w.name
        FROM actors w WHERE w.article_id = events.article_id AND w.id = events.attributed_to""")
    for table in ("events", "actors"):
        con.execute(
            "UPDATE %s SET is_copy = (a.dup_group IS NOT NULL AND a.dup_group <> a.id) "
            "FROM articles a WHERE a.id = %s.article_id" % (table, table)
        )
    con.execute("""
        UPDATE actors SET key_first = (f.first_seq = actors.seq)
        FROM (SELECT article_id, key, min(seq) AS first_seq FROM actors GROUP BY article_id, key) f
        WHERE f.article_id = actors.article_id AND f.key IS NOT DISTINCT FROM actors.key""")
