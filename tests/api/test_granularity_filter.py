"""`/api/events?granularity=`: users select events by the precision of their dates (issue 25)."""

from __future__ import annotations

import pathlib
import sys

import pytest
from fastapi.testclient import TestClient

from diurna.api import Settings, create_app
from diurna.store import EventFilter, Store

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "store"))
from store_factory import article, event  # noqa: E402  (hand-built events: exact granularities, no parse)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("granularity") / "g.duckdb")
    docs = [
        article(
            "Kenya accused Ethiopia on Monday.", "2024-03-20", [event("ACCUSE", "kenya", "ethiopia", "2024-03-18")]
        ),
        article(
            "Police had arrested protesters.",
            "2024-03-20",
            [event("COERCE", "police", "protesters", "2023-03-21", "2024-03-20", granularity="before")],
        ),
        article(
            "Ruto met Abiy in March.",
            "2024-03-20",
            [event("CONSULT", "ruto", "abiy", "2024-03-01", "2024-03-31", granularity="month")],
        ),
    ]
    with Store(path) as s:
        s.write(docs)
    return path


def test_the_store_filters_by_granularity(db):
    with Store(db, read_only=True) as s:
        assert [e.date_granularity for e in s.events(EventFilter(granularity=["before"]))] == ["before"]
        assert sorted(e.date_granularity for e in s.events(EventFilter(granularity=["day", "month"]))) == [
            "day",
            "month",
        ]
        assert len(s.events(EventFilter())) == 3


def test_the_api_filters_by_granularity_and_refuses_unknown_values(db):
    with TestClient(create_app(Settings(db=db))) as client:
        page = client.get("/api/events", params={"granularity": "before"}).json()
        assert [e["date_granularity"] for e in page["events"]] == ["before"] and page["total"] == 1
        assert client.get("/api/events", params={"granularity": ["day", "before"]}).json()["total"] == 2
        assert client.get("/api/clusters", params={"granularity": "month"}).json()["total"] == 1
        r = client.get("/api/events", params={"granularity": "fortnight"})
        assert r.status_code == 422 and "fortnight" in r.text
