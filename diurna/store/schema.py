"""The DuckDB schema and its versioned migrations.

A store records its schema version in `meta`. Opening a store made by an older diurna runs
the migrations in order inside one transaction; a store from a newer diurna is refused with a
clear message rather than silently misread.
"""
from __future__ import annotations

SCHEMA_VERSION = 1

# Each migration takes the store from version N-1 to N. Never edit a released one: add another.
MIGRATIONS: dict[int, list[str]] = {
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
}


class SchemaError(RuntimeError):
    """The store cannot be used by this version of diurna."""


def current_version(con) -> int:
    """The schema version of an open store; 0 for an empty database."""
    has_meta = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'").fetchone()[0]
    if not has_meta:
        return 0
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def migrate(con, path: str) -> int:
    """Bring the store at `path` up to SCHEMA_VERSION; returns the version it had."""
    found = current_version(con)
    if found > SCHEMA_VERSION:
        raise SchemaError("%s has schema version %d, newer than this diurna understands (%d): "
                          "upgrade diurna to read it" % (path, found, SCHEMA_VERSION))
    if found == SCHEMA_VERSION:
        return found
    con.execute("BEGIN TRANSACTION")
    try:
        if found == 0:
            con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        for version in range(found + 1, SCHEMA_VERSION + 1):
            for statement in MIGRATIONS[version]:
                con.execute(statement)
        con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return found
