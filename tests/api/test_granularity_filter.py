"""`/api/events?granularity=`: users select events by the precision of their dates (issue 25)."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from diurna.api import Settings, create_app
from diurna.cli import main

# A dated lead, and a second article whose past event the text does not date ("before").
ARTICLES = {
    "dated.txt": "Chinese coast guard ships fired water cannon at a Philippine supply boat near a disputed shoal on "
                 "Sunday, the Philippine military said.",
    "undated.txt": "The election commission published the results. Observers say the count was fair. "
                   "Police arrested dozens of opposition activists in the capital, a party spokesman said.",
}


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    root = tmp_path_factory.mktemp("granularity")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    path = str(root / "store.duckdb")
    assert main(["ingest", str(corpus), "--db", path, "--pubdate", "2024-03-24", "--no-progress"]) == 0
    with TestClient(create_app(Settings(db=path))) as c:
        yield c


def _granularities(client, **params) -> list[str]:
    page = client.get("/api/events", params={"limit": 1000, **params}).json()
    return [e["date_granularity"] for e in page["events"]]


def test_granularity_selects_events_by_date_precision(client):
    everything = _granularities(client)
    assert "day" in everything and "before" in everything
    assert set(_granularities(client, granularity="before")) == {"before"}
    both = _granularities(client, granularity=["day", "before"])
    assert sorted(both) == sorted(g for g in everything if g in ("day", "before"))
    assert client.get("/api/clusters", params={"granularity": "before"}).status_code == 200


def test_unknown_granularity_is_a_clear_422(client):
    r = client.get("/api/events", params={"granularity": "fortnight"})
    assert r.status_code == 422 and "fortnight" in r.text
