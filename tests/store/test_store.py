"""The DuckDB store: round trip, idempotent writes, transactions, schema versions."""

from __future__ import annotations

import dataclasses

import duckdb
import pytest

from diurna.store import SCHEMA_VERSION, SchemaError, Store, facts

ARTICLES = [
    (
        "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi on Tuesday to discuss "
        'the drought. "We will work together," Ruto told reporters after the meeting.',
        "2023-03-14",
    ),
    (
        "Protesters marched through Santiago on Saturday, demanding higher pensions. Police fired tear gas at the "
        "crowd, according to local media.",
        "2022-10-02",
    ),
]


@pytest.fixture(scope="module")
def coded(pipeline):
    return [pipeline.code_text(text, published) for text, published in ARTICLES]


def test_round_trip_gives_back_the_same_documents(tmp_path, coded):
    with Store(str(tmp_path / "s.duckdb")) as store:
        store.write(coded)
        back = list(store.documents())
    assert [d.model_dump() for d in back] == [c.to_record().model_dump() for c in coded]


def test_the_count_of_events_left_out_is_stored_and_summed(tmp_path, coded):
    withheld = dataclasses.replace(coded[0], article=coded[0].article.model_copy(update={"events_withheld": 3}))
    with Store(str(tmp_path / "s.duckdb")) as store:
        result = store.write([withheld, coded[1]])
        back = {d.article.id: d.article.events_withheld for d in store.documents()}
    assert result.events_withheld == 3
    assert back == {coded[0].article.id: 3, coded[1].article.id: 0}


def test_writing_the_same_articles_twice_adds_nothing(tmp_path, coded):
    with Store(str(tmp_path / "s.duckdb")) as store:
        first = store.write(coded)
        before = store.counts()
        second = store.write(coded)
        assert store.counts() == before
    assert first.articles == 2 and second.articles == 0 and second.skipped == 2


def test_a_failed_batch_leaves_no_half_written_article(tmp_path, coded, monkeypatch):
    path = str(tmp_path / "s.duckdb")
    with Store(path) as store:
        real_insert = store._insert

        def failing_insert(table, rows):
            if table == "events" or table == "quotes":
                raise RuntimeError("disk full")
            real_insert(table, rows)

        monkeypatch.setattr(store, "_insert", failing_insert)
        with pytest.raises(RuntimeError):
            store.write(coded)
        monkeypatch.undo()
        assert store.counts()["articles"] == 0 and store.counts()["actors"] == 0
        store.write(coded)
        assert store.counts()["articles"] == 2


def test_errors_are_stored_once(tmp_path):
    from diurna.ingest.base import IngestError

    err = IngestError("feed.jsonl", "line 3", "not valid JSON")
    with Store(str(tmp_path / "s.duckdb")) as store:
        assert store.write([], [err]).errors == 1
        store.write([], [err])
        assert [str(e) for e in store.errors()] == ["feed.jsonl line 3: not valid JSON"]


def test_a_store_from_a_newer_diurna_is_refused(tmp_path):
    path = str(tmp_path / "s.duckdb")
    Store(path).close()
    con = duckdb.connect(path)
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION + 1)])
    con.close()
    with pytest.raises(SchemaError, match="newer"):
        Store(path)


def test_an_existing_store_is_opened_without_migrating_again(tmp_path, coded):
    path = str(tmp_path / "s.duckdb")
    with Store(path) as store:
        store.write(coded[:1])
    with Store(path) as store:
        assert store.counts()["articles"] == 1


def _write_v1_store(path: str, docs) -> None:
    """A store as diurna with schema v1 wrote it: v1 tables, no keys, bands or clusters."""
    from diurna.store.schema import MIGRATIONS
    from diurna.store.store import COLUMNS, _Rows

    con = duckdb.connect(path)
    con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    for statement in MIGRATIONS[1]:
        con.execute(statement)
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    rows = _Rows()
    for doc in docs:
        rows.add_article(doc)
    for table, table_rows in rows.tables.items():
        if table == "article_bands" or not table_rows:
            continue
        keep = [
            i
            for i, c in enumerate(COLUMNS[table])
            if c
            not in (
                "key",
                "block",
                "target_link",
                "n_source",
                "pubdate_assumed",
                "n_target",
                "country_inferred",
                "place_basis",
                "place_precision",
                "event_country",
                "precision",
                *facts.COLUMNS,
                *facts.ACTOR_COLUMNS,
                "place_rule",
                "pair",
                "events_withheld",
            )
        ]
        names = ", ".join('"%s"' % COLUMNS[table][i] for i in keep)
        con.executemany(
            "INSERT INTO %s (%s) VALUES (%s)" % (table, names, ", ".join("?" for _ in keep)),
            [tuple(r[i] for i in keep) for r in table_rows],
        )
    con.close()


def test_a_v1_store_is_upgraded_with_keys_duplicates_and_clusters(tmp_path, coded):
    from store_factory import article, event

    body = (
        "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi on Tuesday to "
        "discuss the drought, his office said, and the two leaders agreed to share weather data."
    )
    meeting = [event("CONSULT", "ruto", "abiy", "2023-03-14")]
    copies = [
        article(body, "2023-03-14", meeting, url="https://a.example/1"),
        article(body + " (Bureau report)", "2023-03-15", meeting, url="https://b.example/2"),
    ]
    path = str(tmp_path / "old.duckdb")
    _write_v1_store(path, list(coded) + copies)
    with Store(path) as store:
        assert store.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(
            SCHEMA_VERSION
        )
        # a v1 store never recorded which countries were the story's (v5): they read back as stated
        assert [d.model_dump() for d in store.documents(ids=[c.article.id for c in coded])] == [
            _countries_as_stated(c.to_record().model_dump()) for c in coded
        ]
        assert store.con.execute("SELECT count(*) FROM actors WHERE key IS NULL").fetchone()[0] == 0
        assert store.duplicates_of(copies[1].article.id) == [copies[0].article.id]
        (cluster_id,) = {e.cluster_id for e in store.events(article_id=copies[1].article.id, include_duplicates=True)}
        detail = store.cluster(cluster_id)
        assert {c.article.id for c in copies} <= set(detail.article_ids)
        assert detail.cluster.copies - detail.cluster.articles == 1  # the copy is listed, not counted
        assert (
            store.counts()["clusters"]
            == store.con.execute("SELECT count(DISTINCT cluster_id) FROM events").fetchone()[0]
        )


def test_a_failed_upgrade_leaves_the_old_store_as_it_was(tmp_path, coded, monkeypatch):
    from diurna.store import maintenance

    path = str(tmp_path / "old.duckdb")
    _write_v1_store(path, coded)

    def broken(con, **options):
        raise RuntimeError("power cut during the upgrade")

    monkeypatch.setattr(maintenance, "rebuild_derived", broken)
    with pytest.raises(RuntimeError):
        Store(path)
    con = duckdb.connect(path)
    assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == "1"
    assert "key" not in [r[0] for r in con.execute("DESCRIBE actors").fetchall()]
    con.close()


def test_read_only_opening_refuses_what_it_would_misread(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such diurna store"):
        Store(str(tmp_path / "missing.duckdb"), read_only=True)
    path = str(tmp_path / "old.duckdb")
    Store(path).close()
    con = duckdb.connect(path)
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(SchemaError, match="open it once for writing"):
        Store(path, read_only=True)


def test_a_store_held_by_another_process_is_a_clear_error(tmp_path):
    import subprocess
    import sys

    from diurna.store.store import StoreBusy

    path = str(tmp_path / "held.duckdb")
    Store(path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('held', flush=True); time.sleep(60)",
            path,
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(StoreBusy, match="in use by another process"):
            Store(path)
    finally:
        holder.kill()
        holder.wait()


def _countries_as_stated(document: dict) -> dict:
    """What a store written before v5 gives back: no inferred countries, no place basis or precision."""
    for actor in document["actors"]:
        actor["country_inferred"] = False
    for event in document["events"]:
        event.update(place_basis=None, place_precision=None, country=None, place_rule=None)
    for place in document["places"]:
        place["precision"] = None
    return document


def _make_v2_store(path: str, docs) -> None:
    """A store as diurna with schema v2 left it: everything but the actors' role counts of v3."""
    with Store(path) as store:
        store.write(docs)
    con = duckdb.connect(path)
    con.execute("ALTER TABLE actors DROP COLUMN n_source")
    con.execute("ALTER TABLE actors DROP COLUMN n_target")
    con.execute("ALTER TABLE articles DROP COLUMN pubdate_assumed")
    con.execute("ALTER TABLE actors DROP COLUMN country_inferred")
    for table, column in (
        ("events", "place_basis"),
        ("events", "place_precision"),
        ("events", "event_country"),
        ("places", "precision"),
        ("events", "place_rule"),
    ):
        con.execute("ALTER TABLE %s DROP COLUMN %s" % (table, column))
    for column in facts.COLUMNS:  # v6
        con.execute("ALTER TABLE events DROP COLUMN %s" % column)
    for column in facts.ACTOR_COLUMNS:
        con.execute("ALTER TABLE actors DROP COLUMN %s" % column)
    con.execute("ALTER TABLE events DROP COLUMN pair")  # v8
    con.execute("ALTER TABLE articles DROP COLUMN events_withheld")  # v9
    con.execute("DROP TABLE event_pairs")
    con.execute("DROP TABLE actor_parts")
    con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    con.close()


def test_a_v2_store_is_upgraded_with_actor_roles_and_gives_the_same_top_actors(tmp_path, coded):
    from store_factory import article, event

    body = "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi on Tuesday."
    docs = list(coded) + [
        article(
            body,
            "2023-03-14",
            [event("CONSULT", "ruto", "abiy", "2023-03-14"), event("ACCUSE", "ruto", "abiy", "2023-03-14")],
            url="https://a.example/1",
        ),
        article(
            body + " (copy)", "2023-03-15", [event("CONSULT", "ruto", "abiy", "2023-03-14")], url="https://b.example/2"
        ),
    ]
    fresh = str(tmp_path / "fresh.duckdb")
    with Store(fresh) as store:
        store.write(docs)
        expected_roles = store.con.execute(
            "SELECT article_id, id, n_source, n_target FROM actors ORDER BY article_id, id"
        ).fetchall()
        expected_top = store.top_actors(50)
    assert any(r[2] == 2 for r in expected_roles)  # Ruto: source of two events in one article
    old = str(tmp_path / "v2.duckdb")
    _make_v2_store(old, docs)
    with pytest.raises(SchemaError, match="open it once for writing"):
        Store(old, read_only=True)
    with Store(old) as store:
        assert (
            store.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
            == str(SCHEMA_VERSION)
            == "9"
        )
        assert (
            store.con.execute(
                "SELECT article_id, id, n_source, n_target FROM actors ORDER BY article_id, id"
            ).fetchall()
            == expected_roles
        )
        assert store.top_actors(50) == expected_top


def test_top_actors_counts_roles_in_counted_articles_only(tmp_path):
    """What the stored role counts must give: the copy's events are not counted, its article is."""
    from store_factory import article, event

    body = (
        "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi on Tuesday to "
        "discuss the drought, his office said, and the two leaders agreed to share weather data."
    )
    meeting = [event("CONSULT", "ruto", "abiy", "2023-03-14"), event("ACCUSE", "abiy", "ruto", "2023-03-14")]
    with Store(str(tmp_path / "t.duckdb")) as store:
        store.write(
            [
                article(body, "2023-03-14", meeting, url="https://a.example/1"),
                article(body + " (Bureau report)", "2023-03-15", meeting, url="https://b.example/2"),
            ]
        )
        top = {a.key: a for a in store.top_actors(10)}
    ruto = top["kb:william_ruto"]
    assert (ruto.as_source, ruto.as_target, ruto.articles) == (1, 1, 2)
