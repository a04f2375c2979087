"""The analysts' endpoints (issue 24) over the hand-built newsroom (tests/store/store_factory.py):
every event endpoint takes the same filters, downloads are complete and streamed, totals are honest."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient
from store_factory import ANALYST_COUNTS, analyst_corpus

from diurna.api import Settings, create_app
from diurna.store import Store

ACTUAL = {"modality": "actual", "polarity": "asserted"}
# Every endpoint that selects events, with the parameters it needs besides the filters.
FILTERED = {
    "/api/events": {},
    "/api/clusters": {},
    "/api/places": {},
    "/api/map": {},
    "/api/timeline": {},
    "/api/network": {},
    "/api/dyads": {"a": "KEN", "b": "ETH"},
    "/api/actors/kb:kenya": {},
    "/api/events/download": {},
}


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("analysis") / "store.duckdb")
    with Store(db) as store:
        store.write(analyst_corpus())
    with TestClient(create_app(Settings(db=db))) as c:
        yield c


def test_every_event_endpoint_documents_the_same_filters(client):
    paths = client.get("/openapi.json").json()["paths"]
    shared = {
        "actor",
        "country",
        "place_country",
        "type",
        "quad_class",
        "start",
        "end",
        "outlet",
        "modality",
        "polarity",
        "claimed",
        "include_duplicates",
        "granularity",
    }
    for path in FILTERED:
        documented = {p["name"] for p in paths[path.replace("kb:kenya", "{key}")]["get"]["parameters"]}
        assert shared <= documented, (path, shared - documented)


@pytest.mark.parametrize("path", sorted(FILTERED))
def test_every_event_endpoint_refuses_the_same_bad_values(client, path):
    for bad in ({"modality": "maybe"}, {"polarity": "sometimes"}, {"start": "2024-02-30"}, {"place_country": "KENYA"}):
        r = client.get(path, params={**FILTERED[path], **bad})
        assert r.status_code == 422, (path, bad, r.text)


def test_the_default_and_the_switch_count_what_they_say(client):
    assert client.get("/api/events", params=ACTUAL).json()["total"] == ANALYST_COUNTS["actual_asserted"]
    assert client.get("/api/events").json()["total"] == ANALYST_COUNTS["mentions"]
    everything = client.get("/api/events", params={"include_duplicates": "true"}).json()["total"]
    assert everything == ANALYST_COUNTS["with_copies"]
    timeline = client.get("/api/timeline", params={**ACTUAL, "freq": "day"}).json()
    assert timeline["total"] == ANALYST_COUNTS["actual_asserted"] == sum(p["events"] for p in timeline["points"])
    network = client.get("/api/network", params={**ACTUAL, "outlet": "The Standard"}).json()
    assert {(e["source_name"], e["target_name"]) for e in network} == {
        ("Kenya", "Ethiopia"),
        ("William Ruto", "Abiy Ahmed"),
        ("protesters", "police"),
    }


def test_cluster_total_is_the_number_of_rows_min_articles_selects(client):
    page = client.get("/api/clusters", params={"min_articles": 2}).json()
    assert page["total"] == len(page["clusters"]) == 2  # issue 24: a total of 98 with no rows
    assert page["mentions"] == ANALYST_COUNTS["mentions"]


@pytest.mark.parametrize("fmt", ["csv", "json", "geojson"])
def test_downloads_hold_every_selected_event(client, fmt):
    r = client.get("/api/events/download", params={"format": fmt, "include_duplicates": "true"})
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    assert r.headers["x-total-count"] == str(ANALYST_COUNTS["with_copies"])
    if fmt == "csv":
        records = list(csv.DictReader(io.StringIO(r.text)))
    elif fmt == "json":
        records = json.loads(r.text)
    else:
        collection = json.loads(r.text)
        assert collection["type"] == "FeatureCollection"
        records = [f["properties"] for f in collection["features"]]
        located = [f for f in collection["features"] if f["geometry"]]
        assert all(f["geometry"]["coordinates"] == [36.82, -1.28] for f in located) and len(located) == 3
    assert len(records) == ANALYST_COUNTS["with_copies"]
    assert len({(e["article_id"], e["id"]) for e in records}) == len(records)


def test_downloads_are_not_capped_at_a_page(client, monkeypatch):
    # the stream reads in batches: a batch smaller than the selection still yields every row
    from diurna.store import views

    original = views.ViewsMixin.iter_events
    monkeypatch.setattr(views.ViewsMixin, "iter_events", lambda self, f=None, batch=5000: original(self, f, batch=2))
    r = client.get("/api/events/download", params={"format": "json"})
    assert len(json.loads(r.text)) == ANALYST_COUNTS["mentions"]


def test_map_and_outlets(client):
    summary = client.get("/api/map", params=ACTUAL).json()
    assert (summary["events"], summary["placed"]) == (ANALYST_COUNTS["actual_asserted"], 2)
    assert summary["countries"] == [{"country": "KEN", "events": 2}]
    outlets = client.get("/api/outlets").json()
    assert {o["outlet"]: o["articles"] for o in outlets} == {"Daily Nation": 2, "The Standard": 2, "Wire": 1}


def test_dyad_takes_the_shared_filters(client):
    both = client.get("/api/dyads", params={"a": "KEN", "b": "ETH", "freq": "year"}).json()
    happened = client.get("/api/dyads", params={"a": "KEN", "b": "ETH", "freq": "year", **ACTUAL}).json()
    assert sum(p["events"] for p in both) > sum(p["events"] for p in happened)
    assert all(p["direction"] == "a->b" for p in happened)  # the only b->a event is a denied threat
