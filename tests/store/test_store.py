"""The DuckDB store: round trip, idempotent writes, transactions, schema versions."""
from __future__ import annotations

import duckdb
import pytest

from diurna.store import SCHEMA_VERSION, SchemaError, Store

ARTICLES = [
    ("Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi on Tuesday to discuss "
     "the drought. \"We will work together,\" Ruto told reporters after the meeting.", "2023-03-14"),
    ("Protesters marched through Santiago on Saturday, demanding higher pensions. Police fired tear gas at the "
     "crowd, according to local media.", "2022-10-02"),
]


@pytest.fixture(scope="module")
def coded(pipeline):
    return [pipeline.code_text(text, published) for text, published in ARTICLES]


def test_round_trip_gives_back_the_same_documents(tmp_path, coded):
    with Store(str(tmp_path / "s.duckdb")) as store:
        store.write(coded)
        back = list(store.documents())
    assert [d.model_dump() for d in back] == [c.to_record().model_dump() for c in coded]


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
