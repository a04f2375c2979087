"""The HTTP API: every endpoint on real data, and abuse: injection, traversal, oversized and malformed
requests, tokens, rate limits, and reads during writes (issues 8 and 10)."""

from __future__ import annotations

import threading

import pytest
from fastapi.testclient import TestClient

from diurna.api import Settings, create_app
from diurna.api.security import Limits
from diurna.cli import main

ARTICLES = {
    "talks.txt": "Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk Yeol in Tokyo on "
    "Thursday, and the two leaders agreed to resume regular security talks.",
    "clash.txt": "Chinese coast guard ships fired water cannon at a Philippine supply boat near a disputed shoal on "
    "Sunday, the Philippine military said.",
    "script.txt": "<script>alert('x')</script> Police in Dhaka arrested dozens of opposition activists on Sunday, "
    "a party spokesman said.",
}
INJECTIONS = ["' OR '1'='1", "x'); DROP TABLE events; --", "%", "_", "\\", '" OR 1=1 --', "1; SELECT * FROM articles"]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    root = tmp_path_factory.mktemp("api")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    path = str(root / "store.duckdb")
    assert main(["ingest", str(corpus), "--db", path, "--pubdate", "2024-03-24", "--no-progress"]) == 0
    return path


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(Settings(db=db))) as c:
        yield c


def test_every_read_endpoint_answers_with_data(client):
    assert client.get("/api/health").json()["status"] == "ok"
    articles = client.get("/api/articles").json()
    assert len(articles) == len(ARTICLES)
    page = client.get("/api/events").json()
    assert page["total"] == len(page["events"]) > 0
    actors = client.get("/api/actors").json()
    assert actors
    profile = client.get("/api/actors/" + actors[0]["key"]).json()
    assert profile["actor"]["key"] == actors[0]["key"] and profile["names"]
    assert client.get("/api/network").status_code == 200
    assert client.get("/api/places").status_code == 200
    assert client.get("/api/dyads", params={"a": "CHN", "b": "PHL"}).status_code == 200
    doc = client.get("/api/articles/" + articles[0]["id"]).json()
    assert doc["article"]["id"] == articles[0]["id"]


def test_filters_narrow_the_events(client):
    everything = client.get("/api/events").json()["events"]
    chinese = client.get("/api/events", params={"country": "CHN"}).json()["events"]
    assert 0 < len(chinese) < len(everything)
    assert all("CHN" in (e["source_country"], e["target_country"]) for e in chinese)
    one_type = everything[0]["type"]
    typed = client.get("/api/events", params={"type": [one_type]}).json()["events"]
    assert typed and {e["type"] for e in typed} == {one_type}
    assert client.get("/api/events", params={"start": "2030-01-01"}).json()["total"] == 0


def test_clusters_count_each_real_world_event_once(client):
    page = client.get("/api/clusters").json()
    assert page["total"] == len(page["clusters"]) > 0
    mentions = client.get("/api/events").json()["total"]
    assert page["total"] <= mentions  # several mentions can report one event, never the reverse
    first = page["clusters"][0]
    detail = client.get("/api/clusters/" + first["id"]).json()
    assert detail["cluster"]["id"] == first["id"] and detail["mentions"]
    assert all(m["cluster_id"] == first["id"] for m in detail["mentions"])
    assert set(detail["article_ids"]) == {m["article_id"] for m in detail["mentions"]}
    chinese = client.get("/api/clusters", params={"country": "CHN"}).json()["clusters"]
    assert chinese and all("CHN" in (c["source_country"], c["target_country"]) for c in chinese)
    assert client.get("/api/clusters", params={"min_articles": 50}).json()["clusters"] == []


def test_events_of_one_article(client):
    article = next(a for a in client.get("/api/articles").json() if "Philippine" in a["snippet"])
    page = client.get("/api/events", params={"article": article["id"]}).json()
    assert page["total"] == article["events"] > 0
    assert {e["article_id"] for e in page["events"]} == {article["id"]}


def test_dyads_by_mentions_and_by_real_world_events(client):
    by_mention = client.get("/api/dyads", params={"a": "CHN", "b": "PHL", "freq": "year"}).json()
    by_event = client.get("/api/dyads", params={"a": "CHN", "b": "PHL", "freq": "year", "unit": "clusters"}).json()
    assert by_mention and by_event
    assert sum(p["events"] for p in by_event) <= sum(p["events"] for p in by_mention)
    assert {p["direction"] for p in by_mention} <= {"a->b", "b->a"}


def test_csv_download_is_an_attachment_without_formulas(client):
    r = client.get("/api/events", params={"format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    header, *rows = r.text.splitlines()
    assert header.startswith("id,article_id,type")
    assert rows


def test_csv_cells_that_look_like_formulas_are_defused():
    from diurna.store.export import spreadsheet_cell

    assert spreadsheet_cell('=HYPERLINK("http://x")').startswith("'=")
    assert spreadsheet_cell("-7.0") == "-7.0"
    assert spreadsheet_cell(None) == ""


@pytest.mark.parametrize("field", ["actor", "source", "target", "country", "type", "place", "article", "q"])
def test_injection_in_every_filter_is_harmless(client, field):
    before = client.get("/api/events").json()["total"]
    clusters_before = client.get("/api/clusters").json()["total"]
    paths = ["/api/articles", "/api/actors"] if field == "q" else ["/api/events", "/api/clusters", "/api/places"]
    for value in INJECTIONS:
        for path in paths:
            r = client.get(path, params={field: value})
            assert r.status_code in (200, 422), (path, field, value, r.text)
            if r.status_code == 200 and path in ("/api/events", "/api/clusters"):
                assert r.json()["total"] == 0, (path, field, value)
            elif r.status_code == 200 and path == "/api/places":
                assert r.json() == [], (field, value)
    assert client.get("/api/events").json()["total"] == before  # nothing dropped or altered
    assert client.get("/api/clusters").json()["total"] == clusters_before


def test_injection_in_path_and_dyads_is_harmless(client):
    for value in INJECTIONS:
        assert client.get("/api/actors/" + value).status_code == 404
        assert client.get("/api/articles/" + value).status_code == 404
        assert client.get("/api/clusters/" + value).status_code == 404
        assert client.get("/api/dyads", params={"a": value, "b": value}).json() == []


@pytest.mark.parametrize(
    "path",
    [
        "/static/../../../../etc/passwd",
        "/static/%2e%2e/%2e%2e/etc/passwd",
        "/docs-assets/../../../../etc/passwd",
        "/static/..%2f..%2fapp.py",
        "/api/articles/..%2f..%2fetc%2fpasswd",
    ],
)
def test_path_traversal_reads_nothing(client, path):
    r = client.get(path)
    assert r.status_code in (400, 404)
    assert "root:" not in r.text and "import" not in r.text


def test_stored_html_stays_text_and_pages_forbid_inline_script(client):
    article = next(a for a in client.get("/api/articles").json() if "Dhaka" in a["snippet"])
    r = client.get("/api/articles/" + article["id"])
    assert r.headers["content-type"].startswith("application/json")
    assert "<script>alert('x')</script>" in r.json()["article"]["text"]  # data, returned as data
    csp = client.get("/api/health").headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp


def test_docs_are_served_offline(client):
    page = client.get("/docs").text
    assert "/docs-assets/swagger-ui-bundle.js" in page and "http" not in page.lower().replace("http-equiv", "")
    assert client.get("/docs-assets/swagger-ui-bundle.js").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    for endpoint in (
        "/api/articles",
        "/api/events",
        "/api/clusters",
        "/api/clusters/{cluster_id}",
        "/api/actors",
        "/api/dyads",
        "/api/network",
        "/api/places",
        "/api/code",
    ):
        assert endpoint in paths


def test_bad_requests_get_clear_4xx(client):
    assert client.get("/api/events", params={"start": "last week"}).status_code == 422
    assert client.get("/api/events", params={"quad_class": 9}).status_code == 422
    assert client.get("/api/events", params={"limit": 10**9}).status_code == 422
    assert client.get("/api/dyads", params={"a": "USA", "b": "CHN", "freq": "fortnight"}).status_code == 422
    assert client.get("/api/dyads", params={"a": "USA", "b": "CHN", "unit": "tweets"}).status_code == 422
    assert client.get("/api/dyads", params={"a": "USA", "b": "CHN", "start": "2024-13-01"}).status_code == 422
    assert client.get("/api/clusters", params={"min_articles": 0}).status_code == 422
    assert client.post("/api/code", data={}).status_code == 422
    assert client.post("/api/code", data={"text": "Talks resumed.", "published": "soon"}).status_code == 422
    assert (
        client.post("/api/code", content=b"{not json", headers={"content-type": "application/json"}).status_code == 422
    )
    r = client.post("/api/code", content=b"--broken\r\n", headers={"content-type": "multipart/form-data; boundary=x"})
    assert 400 <= r.status_code < 500
    assert client.post("/api/code", files={"file": ("a.txt", b"\xff\xfe\x00bad", "text/plain")}).status_code == 422


def test_oversized_bodies_are_refused(client):
    big = "x" * (Limits().max_body_bytes + 10)
    assert client.post("/api/code", data={"text": big}).status_code == 413


def test_code_endpoint_codes_without_storing(client):
    before = len(client.get("/api/articles").json())
    r = client.post(
        "/api/code",
        data={
            "text": "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi on Tuesday.",
            "published": "2023-03-14",
        },
    )
    assert r.status_code == 200
    doc = r.json()
    assert doc["article"]["published"] == "2023-03-14" and doc["actors"]
    assert len(client.get("/api/articles").json()) == before


def test_ingest_needs_the_flag_and_the_token(db, tmp_path):
    upload = {
        "file": ("wire.txt", b"Peruvian lawmakers voted on Tuesday to remove the interior minister.", "text/plain")
    }
    with TestClient(create_app(Settings(db=db))) as read_only:
        assert read_only.post("/api/ingest", files=upload).status_code == 403
    copy = tmp_path / "rw.duckdb"
    copy.write_bytes(open(db, "rb").read())
    with TestClient(create_app(Settings(db=str(copy), allow_ingest=True, token="s3cret"))) as rw:
        assert rw.post("/api/ingest", files=upload).status_code == 401
        assert rw.post("/api/ingest", files=upload, headers={"Authorization": "Bearer wrong"}).status_code == 401
        ok = rw.post("/api/ingest", files=upload, headers={"Authorization": "Bearer s3cret"})
        assert ok.status_code == 200 and ok.json()["articles"] == 1
        again = rw.post("/api/ingest", files=upload, headers={"Authorization": "Bearer s3cret"})
        assert again.json()["articles"] == 0 and again.json()["already_stored"] == 1
        bad = rw.post(
            "/api/ingest",
            files={"file": ("../../etc/passwd", b"x", "text/plain")},
            headers={"Authorization": "Bearer s3cret"},
        )
        assert bad.status_code == 415


FEED = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>Chile recalls envoy'
    b"</title><pubDate>Tue, 05 Mar 2024 09:00:00 GMT</pubDate><description>Chile recalled its ambassador to "
    b"Venezuela on Tuesday after a dispute over a detained opposition politician.</description></item>"
    b"</channel></rss>"
)


def test_an_xml_upload_is_judged_by_its_own_bytes_not_a_file_on_the_server(db, tmp_path, monkeypatch):
    served_from = tmp_path / "cwd"
    served_from.mkdir()
    (served_from / "news.xml").write_bytes(FEED)  # a file beside the server that shares the upload's name
    monkeypatch.chdir(served_from)
    copy = tmp_path / "rw.duckdb"
    copy.write_bytes(open(db, "rb").read())
    auth = {"Authorization": "Bearer s3cret"}
    with TestClient(create_app(Settings(db=str(copy), allow_ingest=True, token="s3cret"))) as rw:
        not_a_feed = rw.post(
            "/api/ingest", files={"file": ("news.xml", b"<notes>plain</notes>", "text/xml")}, headers=auth
        )
        assert not_a_feed.status_code == 415
        feed = rw.post("/api/ingest", files={"file": ("wire.xml", FEED, "application/rss+xml")}, headers=auth)
        assert feed.status_code == 200 and feed.json()["articles"] == 1, feed.text


def test_rate_limits_answer_429(db):
    limits = Limits(requests_per_minute=5)
    with TestClient(create_app(Settings(db=db, limits=limits))) as c:
        codes = [c.get("/api/health").status_code for _ in range(8)]
    assert codes[:5] == [200] * 5 and 429 in codes[5:]


def test_queries_during_uploads_see_whole_articles_only(db, tmp_path):
    copy = tmp_path / "live.duckdb"
    copy.write_bytes(open(db, "rb").read())
    texts = [
        "Officials in Quito said on Monday that Ecuador would send troops to the border, report %d." % i
        for i in range(4)
    ]
    failures, totals = [], []
    with TestClient(
        create_app(Settings(db=str(copy), allow_ingest=True, token="t", limits=Limits(requests_per_minute=100_000)))
    ) as c:

        def upload():
            for i, text in enumerate(texts):
                r = c.post(
                    "/api/ingest",
                    files={"file": ("u%d.txt" % i, text.encode(), "text/plain")},
                    headers={"Authorization": "Bearer t"},
                )
                if r.status_code != 200:
                    failures.append(r.text)

        writer = threading.Thread(target=upload)
        writer.start()
        while writer.is_alive():
            page = c.get("/api/events", params={"limit": 10_000})
            if page.status_code != 200:
                failures.append(page.text)
                continue
            body = page.json()
            if body["total"] != len(body["events"]):  # count and rows from one snapshot
                failures.append("torn read: total %d, rows %d" % (body["total"], len(body["events"])))
            totals.append(body["total"])
        writer.join()
        final = c.get("/api/articles", params={"limit": 500}).json()
    assert not failures, failures[:3]
    assert totals == sorted(totals), "a later read never sees fewer events"
    assert len(final) == len(ARTICLES) + len(texts)


def test_a_store_held_by_an_ingest_answers_503_until_it_is_free(db, tmp_path):
    """DuckDB lets one process write a file, and no other process open it meanwhile: a request that
    meets a running ingest is told to retry (503), and the server opens the store once it is free."""
    import shutil
    import subprocess
    import sys

    path = str(tmp_path / "busy.duckdb")
    shutil.copy(db, path)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys; con = duckdb.connect(sys.argv[1]); print('held', flush=True); sys.stdin.read()",
            path,
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        with TestClient(create_app(Settings(db=path))) as c:
            r = c.get("/api/events")
            assert r.status_code == 503 and r.headers["retry-after"] == "30"
            assert "in use by another process" in r.json()["detail"]
            holder.stdin.close()
            holder.wait(timeout=30)
            assert c.get("/api/events").json()["total"] > 0
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait(timeout=30)


def test_the_store_is_open_before_the_first_request_and_one_missing_at_start_is_opened_later(db, tmp_path):
    import shutil

    app = create_app(Settings(db=db, allowed_hosts=["127.0.0.1"]))
    with TestClient(app, base_url="http://127.0.0.1") as c:
        assert app.state.services._store is not None  # opened at start, not by the first view's request
        assert c.get("/").status_code == 200 and c.get("/api/events").json()["total"] > 0
    later = str(tmp_path / "later.duckdb")
    missing = create_app(Settings(db=later))
    with TestClient(missing) as c:  # the server starts without it, and opens it when it is there
        assert missing.state.services._store is None
        shutil.copy(db, later)
        assert c.get("/api/events").json()["total"] > 0
