"""The DuckDB schema and its versioned migrations.

A store records its schema version in `meta`. Opening a store made by an older diurna runs
the migrations in order inside one transaction; a store from a newer diurna is refused with a
clear message rather than silently misread.

A migration step is either an SQL statement or a Python function of the connection, for data
that SQL cannot derive (v2 computes actor keys, near-duplicate groups and event clusters for
the articles a v1 store already holds).
"""

from __future__ import annotations

from typing import Callable, Union

SCHEMA_VERSION = 9

Step = Union[str, Callable[[object], None]]


def _backfill_v2(con) -> None:
    """Derive v2's columns and tables for the articles already in a v1 store."""
    from diurna.store.maintenance import rebuild_derived

    rebuild_derived(con, roles=False, facts=False)  # v3 adds and fills the role counts, v6 the event facts


def _backfill_v3(con) -> None:
    """actors.n_source / n_target for the actors a v2 store already holds."""
    from diurna.store.maintenance import rebuild_actor_roles

    rebuild_actor_roles(con)


def _backfill_v6(con) -> None:
    """The actor, place and copy fields of the events a v5 store already holds (diurna.store.facts)."""
    from diurna.store import facts

    facts.refresh(con)


def _backfill_v8(con) -> None:
    """The actor pairs of the events a v7 store already holds (diurna.store.facts.refresh_pairs) and
    the groups of its actor rows (diurna.store.actor_parts)."""
    from diurna.store import actor_parts, facts

    facts.refresh_pairs(con)
    actor_parts.refresh(con)


# The v8 table as v8 created it (a released migration never changes: the text is kept here).
_ACTOR_PARTS = """CREATE TABLE actor_parts (
    key VARCHAR, name VARCHAR, kb_id VARCHAR, code VARCHAR, country VARCHAR, sector VARCHAR,
    n_rows BIGINT NOT NULL, src BIGINT NOT NULL, tgt BIGINT NOT NULL, articles BIGINT NOT NULL)"""

# Each migration takes the store from version N-1 to N. Never edit a released one: add another.
MIGRATIONS: dict[int, list[Step]] = {
    1: [
        """CREATE TABLE articles (
            id VARCHAR PRIMARY KEY, title VARCHAR, url VARCHAR, source VARCHAR, published DATE,
            text VARCHAR NOT NULL, language VARCHAR, origin VARCHAR,
            ingested_at TIMESTAMP DEFAULT current_timestamp, dup_group VARCHAR)""",
        """CREATE TABLE sentences (
            article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, "start" INTEGER NOT NULL, "end" INTEGER NOT NULL,
            PRIMARY KEY (article_id, idx))""",
        """CREATE TABLE actors (
            article_id VARCHAR NOT NULL, id VARCHAR NOT NULL, name VARCHAR, kb_id VARCHAR, country VARCHAR,
            sector VARCHAR, code VARCHAR, kind VARCHAR, seq INTEGER, PRIMARY KEY (article_id, id))""",
        """CREATE TABLE mentions (
            article_id VARCHAR NOT NULL, actor_id VARCHAR NOT NULL, text VARCHAR,
            "start" INTEGER NOT NULL, "end" INTEGER NOT NULL, seq INTEGER)""",
        """CREATE TABLE events (
            article_id VARCHAR NOT NULL, id VARCHAR NOT NULL, type VARCHAR NOT NULL, mode VARCHAR, cameo VARCHAR,
            quad_class TINYINT, goldstein DOUBLE, source VARCHAR, target VARCHAR,
            trigger_text VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
            sentence_start INTEGER, sentence_end INTEGER,
            date_text VARCHAR, date_start DATE, date_end DATE, date_granularity VARCHAR, date_anchored_to VARCHAR,
            place VARCHAR, polarity VARCHAR, modality VARCHAR, attributed_to VARCHAR, confidence DOUBLE,
            seq INTEGER, PRIMARY KEY (article_id, id))""",
        """CREATE TABLE quotes (
            article_id VARCHAR NOT NULL, id VARCHAR NOT NULL, kind VARCHAR,
            content_text VARCHAR, content_start INTEGER, content_end INTEGER,
            speaker VARCHAR, speaker_text VARCHAR, speaker_start INTEGER, speaker_end INTEGER,
            cue_text VARCHAR, cue_start INTEGER, cue_end INTEGER, via VARCHAR[],
            seq INTEGER, PRIMARY KEY (article_id, id))""",
        """CREATE TABLE places (
            article_id VARCHAR NOT NULL, id VARCHAR NOT NULL, name VARCHAR, country VARCHAR, geonameid BIGINT,
            lat DOUBLE, lon DOUBLE, feature VARCHAR, seq INTEGER, PRIMARY KEY (article_id, id))""",
        """CREATE TABLE place_mentions (
            article_id VARCHAR NOT NULL, place_id VARCHAR NOT NULL, text VARCHAR,
            "start" INTEGER NOT NULL, "end" INTEGER NOT NULL, seq INTEGER)""",
        """CREATE TABLE errors (
            path VARCHAR NOT NULL, position VARCHAR NOT NULL DEFAULT '', message VARCHAR NOT NULL,
            kind VARCHAR NOT NULL, reported_at TIMESTAMP DEFAULT current_timestamp,
            PRIMARY KEY (path, position, message))""",
    ],
    # v2: near-duplicate articles and event clusters (docs/store.md).
    2: [
        # Cross-article identity of an actor (diurna.store.clusters.actor_key).
        "ALTER TABLE actors ADD COLUMN key VARCHAR",
        # LSH bands of each article's MinHash signature (diurna.store.dedup): two articles that share
        # a (band, hash) are candidate near-duplicates.
        """CREATE TABLE article_bands (band UTINYINT NOT NULL, hash BIGINT NOT NULL, article_id VARCHAR NOT NULL)""",
        # Which real-world happening an event reports (diurna.store.clusters): `block` is what two
        # events must share to be linked at all, `target_link` their target's link key, and
        # `cluster_id` the happening they were linked into.
        "ALTER TABLE events ADD COLUMN block VARCHAR",
        "ALTER TABLE events ADD COLUMN target_link VARCHAR",
        "ALTER TABLE events ADD COLUMN cluster_id VARCHAR",
        """CREATE TABLE event_clusters (
            id VARCHAR PRIMARY KEY, block VARCHAR NOT NULL, family VARCHAR, type VARCHAR, cameo VARCHAR,
            quad_class TINYINT, goldstein DOUBLE,
            source_key VARCHAR, source_name VARCHAR, source_code VARCHAR, source_country VARCHAR,
            target_key VARCHAR, target_name VARCHAR, target_code VARCHAR, target_country VARCHAR,
            polarity VARCHAR, modality VARCHAR, date DATE, date_end DATE, last_start DATE,
            first_article VARCHAR, first_event VARCHAR, first_published DATE,
            mentions INTEGER, articles INTEGER, copies INTEGER, sources INTEGER,
            place VARCHAR, place_name VARCHAR, place_country VARCHAR, lat DOUBLE, lon DOUBLE,
            place_feature VARCHAR, geonameid BIGINT, is_root BOOLEAN, added_at TIMESTAMP, target_link VARCHAR)""",
        _backfill_v2,
    ],
    # v3: each actor row carries its roles in its article's events, so `top_actors` is one scan of
    # `actors` instead of a join of every event with its two actors (1.8 s -> ~0.3 s on 1M events).
    3: [
        "ALTER TABLE actors ADD COLUMN n_source INTEGER DEFAULT 0",
        "ALTER TABLE actors ADD COLUMN n_target INTEGER DEFAULT 0",
        _backfill_v3,
    ],
    # v4: whether an article's publication date is its own or a default (records.md: pubdate_assumed).
    # Articles stored before were not told apart: they keep false, as their documents said.
    4: [
        "ALTER TABLE articles ADD COLUMN pubdate_assumed BOOLEAN DEFAULT false",
    ],
    # v5: whether an actor's country is the story's (records.md: country_inferred; actors stored before
    # read false), and how each event's place was chosen and how exact it is (place_basis,
    # place_precision, the event's country; places' precision): null for rows stored before.
    5: [
        "ALTER TABLE actors ADD COLUMN country_inferred BOOLEAN DEFAULT false",
        "ALTER TABLE events ADD COLUMN place_basis VARCHAR",
        "ALTER TABLE events ADD COLUMN place_precision VARCHAR",
        "ALTER TABLE events ADD COLUMN event_country VARCHAR",
        "ALTER TABLE places ADD COLUMN precision VARCHAR",
    ],
    # v6: each event row carries its actors' keys, names, codes and countries, its place's fields and
    # whether its article is a copy (diurna.store.facts), so the dashboard's filters and aggregates
    # read `events` alone instead of joining every event with two actors and a place; each actor row
    # says whether its article is a copy and whether it is its key's first row in its article.
    6: [
        "ALTER TABLE events ADD COLUMN source_key VARCHAR",
        "ALTER TABLE events ADD COLUMN source_name VARCHAR",
        "ALTER TABLE events ADD COLUMN source_code VARCHAR",
        "ALTER TABLE events ADD COLUMN source_country VARCHAR",
        "ALTER TABLE events ADD COLUMN target_key VARCHAR",
        "ALTER TABLE events ADD COLUMN target_name VARCHAR",
        "ALTER TABLE events ADD COLUMN target_code VARCHAR",
        "ALTER TABLE events ADD COLUMN target_country VARCHAR",
        "ALTER TABLE events ADD COLUMN place_name VARCHAR",
        "ALTER TABLE events ADD COLUMN place_geonameid BIGINT",
        "ALTER TABLE events ADD COLUMN place_country VARCHAR",
        "ALTER TABLE events ADD COLUMN place_lat DOUBLE",
        "ALTER TABLE events ADD COLUMN place_lon DOUBLE",
        "ALTER TABLE events ADD COLUMN place_feature VARCHAR",
        "ALTER TABLE events ADD COLUMN attributed_name VARCHAR",
        "ALTER TABLE events ADD COLUMN is_copy BOOLEAN DEFAULT false",
        "ALTER TABLE actors ADD COLUMN is_copy BOOLEAN DEFAULT false",
        "ALTER TABLE actors ADD COLUMN key_first BOOLEAN DEFAULT true",
        _backfill_v6,
    ],
    # v7: which named place rule chose each event's place (records.md: place_rule), so that a user can
    # filter or audit one rule; null for rows stored before.
    7: [
        "ALTER TABLE events ADD COLUMN place_rule VARCHAR",
    ],
    # v8: each event row names its actor pair (two actor keys, names and codes) by one number whose
    # fields `event_pairs` keeps once (diurna.store.facts), so the network and an actor's partners
    # group a million events by one integer instead of eight strings; `actor_parts` keeps the actor
    # rows grouped as the actor list reports them (diurna.store.actor_parts).
    8: [
        "ALTER TABLE events ADD COLUMN pair BIGINT",
        """CREATE TABLE event_pairs (
            pair BIGINT PRIMARY KEY, source_key VARCHAR NOT NULL, source_node_country VARCHAR,
            target_key VARCHAR NOT NULL, target_node_country VARCHAR, source_name VARCHAR, target_name VARCHAR,
            source_code VARCHAR, target_code VARCHAR)""",
        _ACTOR_PARTS,
        _backfill_v8,
    ],
    # v9: how many events each article's coding left out below the confidence threshold (records.md:
    # events_withheld); articles stored before read 0, as their documents said nothing.
    9: [
        "ALTER TABLE articles ADD COLUMN events_withheld INTEGER DEFAULT 0",
    ],
}


class SchemaError(RuntimeError):
    """The store cannot be used by this version of diurna."""


def current_version(con) -> int:
    """The schema version of an open store; 0 for an empty database."""
    has_meta = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'").fetchone()[0]
    if not has_meta:
        return 0
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def migrate(con, path: str) -> int:
    """Bring the store at `path` up to SCHEMA_VERSION; returns the version it had."""
    found = current_version(con)
    if found > SCHEMA_VERSION:
        raise SchemaError(
            "%s has schema version %d, newer than this diurna understands (%d): "
            "upgrade diurna to read it" % (path, found, SCHEMA_VERSION)
        )
    if found == SCHEMA_VERSION:
        return found
    con.execute("BEGIN TRANSACTION")
    try:
        if found == 0:
            con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        for version in range(found + 1, SCHEMA_VERSION + 1):
            for step in MIGRATIONS[version]:
                if callable(step):
                    step(con)
                else:
                    con.execute(step)
        con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return found
