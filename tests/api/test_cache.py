"""The API's answers kept per write version (diurna.api.cache): a repeated question is answered from
memory, and no answer computed before a write is ever given after it."""

from __future__ import annotations

from fastapi.testclient import TestClient
from store_factory import analyst_corpus

from diurna.api import Settings, create_app
from diurna.api.cache import ResultCache
from diurna.store import Store

ACTUAL = {"modality": "actual", "polarity": "asserted"}
# Every call the dashboard's views make, with their parameters.
CALLS = [
    ("/api/events", {**ACTUAL, "limit": 50}),
    ("/api/clusters", {**ACTUAL, "limit": 50, "min_articles": 1}),
    ("/api/timeline", {**ACTUAL, "freq": "day", "by": "type"}),
    ("/api/map", ACTUAL),
    ("/api/places", {**ACTUAL, "limit": 5000}),
    ("/api/network", {**ACTUAL, "limit": 150}),
    ("/api/dyads", {**ACTUAL, "a": "KEN", "b": "ETH", "freq": "day"}),
    ("/api/actors", {"limit": 300}),
    ("/api/actors/kb:kenya", ACTUAL),
    ("/api/outlets", {}),
]


def _answers(client: TestClient) -> list:
    out = []
    for path, params in CALLS:
        r = client.get(path, params=params)
        assert r.status_code == 200, (path, r.text)
        out.append(r.json())
    return out


def test_answers_are_kept_until_the_store_is_written_and_never_served_after(tmp_path):
    corpus = analyst_corpus()
    db = str(tmp_path / "s.duckdb")
    with Store(db) as store:
        store.write(corpus[3:])  # the Chilean and Kenyan police, the January protests
    with TestClient(create_app(Settings(db=db, allow_ingest=True, token="t"))) as client:
        services = client.app.state.services
        first = _answers(client)
        misses = services.cache.misses
        assert _answers(client) == first
        assert services.cache.misses == misses and services.cache.hits >= len(CALLS)  # all from memory
        with services.main_connection() as store:
            store.write(corpus[:3])  # two reports of Kenya accusing Ethiopia, and a wire copy
        after = _answers(client)
        assert services.cache.misses > misses
    with TestClient(create_app(Settings(db=db))) as fresh:  # no answer kept from before the write
        assert after == _answers(fresh)
    assert after != first
    assert after[0]["total"] > first[0]["total"]


def test_the_cache_forgets_the_least_recently_used_answers():
    cache = ResultCache(max_entries=2)
    computed = []

    def compute(value):
        computed.append(value)
        return value

    for key in ("a", "b", "a", "c", "a", "b"):
        assert cache.answer((1, key), lambda: compute(key)) == key
    # "b" was the least recently used when "c" came, so it was computed again at the end
    assert computed == ["a", "b", "c", "b"]
    assert cache.answer((2, "a"), lambda: compute("a2")) == "a2"  # another write version: computed again
