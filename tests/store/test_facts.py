"""The actor, place and copy fields each event row carries (diurna.store.facts, schema v6): they always
say what the joined actor, place and article rows say, however the store was written, regrouped,
rebuilt or upgraded, and every view gives the same answer as a store written in one batch."""

from __future__ import annotations

import dataclasses

import duckdb
import pytest
from store_factory import analyst_corpus

from diurna.store import SCHEMA_VERSION, EventFilter, SchemaError, Store, actor_parts, facts

# The facts as the joins give them: what the columns must always equal.
JOINED = """
SELECT e.article_id, e.id, s.key, s.name, s.code, s.country, t.key, t.name, t.code, t.country,
       p.name, p.geonameid, p.country, p.lat, p.lon, p.feature, w.name,
       (a.dup_group IS NOT NULL AND a.dup_group <> a.id)
FROM events e JOIN articles a ON a.id = e.article_id
LEFT JOIN actors s ON s.article_id = e.article_id AND s.id = e.source
LEFT JOIN actors t ON t.article_id = e.article_id AND t.id = e.target
LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place
LEFT JOIN actors w ON w.article_id = e.article_id AND w.id = e.attributed_to
ORDER BY e.article_id, e.id
"""
STORED = "SELECT article_id, id, %s FROM events ORDER BY article_id, id" % ", ".join(facts.COLUMNS)
ACTORS_JOINED = """
SELECT x.article_id, x.id, (a.dup_group IS NOT NULL AND a.dup_group <> a.id),
       x.seq = min(x.seq) OVER (PARTITION BY x.article_id, x.key)
FROM actors x JOIN articles a ON a.id = x.article_id ORDER BY x.article_id, x.id
"""
ACTORS_STORED = "SELECT article_id, id, %s FROM actors ORDER BY article_id, id" % ", ".join(facts.ACTOR_COLUMNS)


def _facts_are_current(store: Store) -> None:
    stored = store.con.execute(STORED).fetchall()
    assert stored == store.con.execute(JOINED).fetchall()
    assert any(row[2] for row in stored) and any(row[10] for row in stored)  # not all empty
    actors = store.con.execute(ACTORS_STORED).fetchall()
    assert actors == store.con.execute(ACTORS_JOINED).fetchall()
    _pairs_are_current(store)
    _actor_parts_are_current(store)


def _actor_parts_are_current(store: Store) -> None:
    """The actor list's kept groups (v8) are the groups of the actor rows as they are now."""
    kept = sorted(store.con.execute("SELECT * FROM actor_parts").fetchall(), key=repr)
    assert kept == sorted(store.con.execute(actor_parts.GROUPS.format(where="TRUE")).fetchall(), key=repr)
    assert kept and any(row[7] for row in kept)  # roles are counted


def _pairs_are_current(store: Store) -> None:
    """Each event's pair (v8) stands for its facts' actor pair, and `event_pairs` holds exactly the
    pairs of the stored events, with their fields."""
    rows = store.con.execute(
        "SELECT %s, pair FROM events ORDER BY article_id, id" % ", ".join(facts.COLUMNS[:8])
    ).fetchall()
    expected = {}
    for row in rows:
        fields = facts.pair_fields(row[:8])
        assert row[8] == (None if fields is None else facts.pair_id(fields))
        if fields is not None:
            expected[row[8]] = fields
    assert len(expected) > 3 and any(f[1] for f in expected.values())  # generic actors keep their country
    stored = store.con.execute("SELECT pair, %s FROM event_pairs" % ", ".join(facts.PAIR_FIELDS)).fetchall()
    assert {r[0]: tuple(r[1:]) for r in stored} == expected and len(stored) == len(expected)


def _views(store: Store) -> dict:
    """What every dashboard view reads, with the default and with narrowing filters."""
    out = {}
    for label, f in {
        "all": EventFilter(),
        "default": EventFilter(modality=["actual"], polarity=["asserted"]),
        "copies": EventFilter(include_duplicates=True),
        "kenya": EventFilter(actor="KEN"),
        "name": EventFilter(actor="ruto"),
        "kb": EventFilter(source="kenya"),
        "key": EventFilter(target="kb:ethiopia"),
        "country": EventFilter(country="CHL"),
        "place": EventFilter(place="nairobi"),
        "place_country": EventFilter(place_country="KEN"),
        "outlet": EventFilter(outlet="daily nation"),
    }.items():
        out[label] = (
            store.count_events(f),
            [(e.article_id, e.id) for e in store.events(f, limit=100)],
            store.timeline(f, freq="day", by="type"),
            store.map_summary(f),
            store.place_counts(f),
            store.network(filter=f),
            store.dyad_series("KEN", "ETH", freq="day", filter=f),
            store.clusters(f),
            store.count_clusters(f),
        )
    out["actors"] = store.top_actors(50)
    out["profile"] = store.actor_profile("kb:kenya")
    return out


@pytest.fixture(scope="module")
def corpus():
    return analyst_corpus()


@pytest.fixture(scope="module")
def one_batch(tmp_path_factory, corpus):
    with Store(str(tmp_path_factory.mktemp("facts") / "one.duckdb")) as store:
        store.write(corpus)
        _facts_are_current(store)
        return _views(store)


def test_a_copy_written_before_its_original_stops_counting_when_the_original_arrives(tmp_path, corpus, one_batch):
    original, copy = corpus[0], corpus[2]  # the agency copy is published a day after the original
    with Store(str(tmp_path / "s.duckdb")) as store:
        store.write([copy])
        # alone, the copy is its own canonical article: its three events count
        assert store.count_events() == 3
        store.write([original])
        assert store.duplicates_of(copy.article.id) == [original.article.id]
        assert store.con.execute(
            "SELECT count(*) FROM events WHERE is_copy AND article_id = ?", [copy.article.id]
        ).fetchone() == (3,)
        assert store.count_events() == 3  # the original's, not the copy's as well
        store.write([d for d in corpus if d not in (original, copy)])
        _facts_are_current(store)
        assert _views(store) == one_batch


def test_every_view_is_the_same_whatever_the_batches(tmp_path, corpus, one_batch):
    with Store(str(tmp_path / "s.duckdb")) as store:
        for doc in reversed(corpus):
            store.write([doc])
        _facts_are_current(store)
        assert _views(store) == one_batch


def test_a_rebuild_recomputes_the_facts(tmp_path, corpus, one_batch):
    with Store(str(tmp_path / "s.duckdb")) as store:
        store.write(corpus)
        store.con.execute(
            "UPDATE events SET source_key = 'stale', place_name = NULL, is_copy = NOT is_copy, pair = NULL"
        )
        store.con.execute("DELETE FROM event_pairs WHERE source_code IS NOT NULL")
        store.con.execute("UPDATE actor_parts SET src = src + 5, name = 'stale'")
        store.con.execute("UPDATE actors SET is_copy = NOT is_copy, key_first = NOT key_first")
        assert _views(store) != one_batch
        store.rebuild_derived()
        _facts_are_current(store)
        assert _views(store) == one_batch


def _make_v5_store(path: str, docs) -> None:
    """A store as diurna with schema v5 left it: everything but the events' facts of v6 and the
    place rule of v7."""
    with Store(path) as store:
        store.write(docs)
    con = duckdb.connect(path)
    drop_event_facts(con)
    con.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
    con.close()


def drop_event_facts(con) -> None:
    for column in facts.COLUMNS:
        con.execute("ALTER TABLE events DROP COLUMN %s" % column)
    for column in facts.ACTOR_COLUMNS:
        con.execute("ALTER TABLE actors DROP COLUMN %s" % column)
    con.execute("ALTER TABLE events DROP COLUMN place_rule")  # v7
    drop_pairs(con)
    drop_withheld(con)


def drop_pairs(con) -> None:
    """What v8 added."""
    con.execute("ALTER TABLE events DROP COLUMN pair")
    con.execute("DROP TABLE event_pairs")
    con.execute("DROP TABLE actor_parts")


def drop_withheld(con) -> None:
    """What v9 added (records.md: article.events_withheld)."""
    con.execute("ALTER TABLE articles DROP COLUMN events_withheld")


def test_a_v5_store_is_upgraded_with_the_facts_and_gives_the_same_views(tmp_path, corpus, one_batch):
    path = str(tmp_path / "v5.duckdb")
    _make_v5_store(path, corpus)
    with pytest.raises(SchemaError, match="schema version 5 .* open it once for writing"):
        Store(path, read_only=True)
    with Store(path) as store:
        assert (
            store.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
            == str(SCHEMA_VERSION)
            == "9"
        )
        _facts_are_current(store)
        assert _views(store) == one_batch


def test_a_v7_store_is_upgraded_with_the_actor_pairs_and_gives_the_same_views(tmp_path, corpus, one_batch):
    path = str(tmp_path / "v7.duckdb")
    with Store(path) as store:
        store.write(corpus)
    con = duckdb.connect(path)
    drop_pairs(con)
    drop_withheld(con)
    con.execute("UPDATE meta SET value = '7' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(SchemaError, match="schema version 7 .* open it once for writing"):
        Store(path, read_only=True)
    with Store(path) as store:
        _facts_are_current(store)
        assert _views(store) == one_batch


def test_the_filters_read_the_event_row_alone():
    # What makes the views fast: no filter joins the actors, places or articles of every event.
    f = EventFilter(
        actor="JPN", source="kb:japan", target="tokyo", country="JPN", place="Tokyo", place_country="JPN",
        modality=["actual"], polarity=["asserted"], claimed=False, granularity=["day"], type=["AID"],
        start="2024-01-01", end="2024-12-31", quad_class=2,
    )  # fmt: skip
    where, _ = f.where()
    assert f.joins() == "FROM events e"
    assert " s." not in where and " t." not in where and " p." not in where and " a." not in where
    assert "JOIN" not in where.upper()
    assert dataclasses.replace(f, outlet="Wire").where()[0].count("articles") == 1  # a semi-join on a few ids


def test_a_page_read_back_by_row_id_is_the_page_read_in_one_statement(tmp_path, corpus, monkeypatch):
    from diurna.store import query

    with Store(str(tmp_path / "s.duckdb")) as store:
        store.write(corpus)
        filters = [EventFilter(), EventFilter(actor="CHL"), EventFilter(include_duplicates=True, place="Nairobi")]
        by_row_id = [store.events(f, limit=4, offset=1) for f in filters]
        monkeypatch.setattr(query, "PAGE_BY_ROW_ID", 0)
        assert [store.events(f, limit=4, offset=1) for f in filters] == by_row_id
    assert all(by_row_id) and by_row_id[0] != by_row_id[1]
