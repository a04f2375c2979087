"""diurna.api.security and the API's edges (issue 23): DNS rebinding, cross-site posts, permission
before the body, headers and Retry-After on refusals, bearer in any case, no 500 for huge numbers,
odd upload names, or a store that cannot be opened."""

from __future__ import annotations

import asyncio

import pytest
from fastapi.testclient import TestClient

from diurna.api import Settings, create_app
from diurna.api.app import MAX_NAME_BYTES, upload_name
from diurna.api.security import Limits, allowed_hosts_for, bearer_token_ok, host_name
from diurna.store import Store

LOCAL = ["127.0.0.1", "localhost", "::1"]
ARTICLE = b"Peruvian lawmakers voted on Tuesday to remove the interior minister after weeks of protests."


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("security") / "store.duckdb")
    Store(path).close()
    return path


@pytest.fixture
def local(db):
    with TestClient(create_app(Settings(db=db, allowed_hosts=LOCAL)), base_url="http://127.0.0.1:8000") as c:
        yield c


def test_only_the_bound_names_are_answered(local):
    assert local.get("/api/health").status_code == 200
    for host in ("localhost:8000", "[::1]:8000", "LOCALHOST"):
        assert local.get("/api/health", headers={"Host": host}).status_code == 200, host
    refused = local.get("/api/health", headers={"Host": "rebound.evil.example"})
    assert refused.status_code == 400 and "DNS rebinding" in refused.json()["detail"]
    assert refused.headers["content-security-policy"] and refused.headers["x-frame-options"] == "DENY"


def test_the_names_follow_the_bound_address():
    assert set(allowed_hosts_for("127.0.0.1")) == set(LOCAL)
    assert allowed_hosts_for("0.0.0.0") is None
    assert allowed_hosts_for("0.0.0.0", ("news.example.org",)) == ["news.example.org"]
    assert allowed_hosts_for("10.0.0.5", ("proxy:443",)) == ["10.0.0.5", "proxy"]
    assert host_name("[::1]:8000") == "::1" and host_name("Example.ORG:80") == "example.org"


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
        {"Origin": "http://127.0.0.1:9999"},
    ],
)
def test_cross_site_posts_are_refused_before_any_work(local, headers):
    r = local.post("/api/code", data={"text": ARTICLE.decode()}, headers=headers)
    assert r.status_code == 403 and "refused" in r.json()["detail"]


def test_same_origin_and_non_browser_posts_and_any_reads_pass(local):
    same = local.post(
        "/api/code", data={"text": ""}, headers={"Origin": "http://127.0.0.1:8000", "Sec-Fetch-Site": "same-origin"}
    )
    assert same.status_code == 422  # reached the endpoint: the text was empty
    assert local.post("/api/code", data={"text": ""}).status_code == 422
    assert local.get("/api/health", headers={"Origin": "https://evil.example"}).status_code == 200


def _asgi_post(app, path: str, headers: dict[str, str]) -> tuple[int, int]:
    """(status, how many times the app asked for the request body) for a 1 MB POST."""
    asked = 0
    messages: list[dict] = []

    async def receive():
        nonlocal asked
        asked += 1
        return {"type": "http.request", "body": b"x" * (1 << 20), "more_body": asked < 50}

    async def send(message):
        messages.append(message)

    scope = {
        "type": "http",
        "method": "POST",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
        "client": ("1.2.3.4", 5),
        "server": ("127.0.0.1", 8000),
        "scheme": "http",
        "http_version": "1.1",
        "root_path": "",
    }
    asyncio.run(app(scope, receive, send))
    status = next(m["status"] for m in messages if m["type"] == "http.response.start")
    return status, asked


@pytest.mark.parametrize(
    "allow_ingest, authorization, status", [(False, "Bearer t", 403), (True, None, 401), (True, "Bearer wrong", 401)]
)
def test_uploads_are_refused_before_their_body_is_read(db, allow_ingest, authorization, status):
    app = create_app(Settings(db=db, allow_ingest=allow_ingest, token="t"))
    headers = {"host": "testserver", "content-type": "multipart/form-data; boundary=x"}
    if authorization:
        headers["authorization"] = authorization
    assert _asgi_post(app, "/api/ingest", headers) == (status, 0)


def test_the_bearer_scheme_is_matched_in_any_case():
    assert bearer_token_ok("bearer s3cret", "s3cret") and bearer_token_ok("BEARER  s3cret ", "s3cret")
    assert not bearer_token_ok("Basic s3cret", "s3cret") and not bearer_token_ok("bearer", "s3cret")
    assert not bearer_token_ok("Bearer s3cret", None)


def test_refusals_carry_the_security_headers_and_429_a_retry_after(db):
    with TestClient(create_app(Settings(db=db, limits=Limits(requests_per_minute=2)))) as c:
        answers = [c.get("/api/health") for _ in range(3)]
    limited = answers[-1]
    assert limited.status_code == 429 and int(limited.headers["retry-after"]) >= 1
    assert limited.headers["content-security-policy"] and limited.headers["x-content-type-options"] == "nosniff"
    with TestClient(create_app(Settings(db=db))) as c:
        big = c.post("/api/code", data={"text": "x" * (Limits().max_body_bytes + 10)})
    assert big.status_code == 413 and big.headers["content-security-policy"]


def test_numbers_beyond_int64_are_client_errors_not_500s(db):
    with TestClient(create_app(Settings(db=db)), raise_server_exceptions=False) as c:
        for path in ("/api/articles", "/api/events", "/api/clusters"):
            assert c.get(path, params={"offset": 10**20}).status_code == 422, path
        for place in (str(10**20), "9" * 5000):
            assert c.get("/api/events", params={"place": place[:200]}).status_code == 200


def test_upload_names_are_cleaned_and_bounded():
    assert upload_name("../../etc/passwd") == "passwd" and upload_name("a\\b\\c.txt") == "c.txt"
    assert upload_name("a\x00b\x1b[31m.txt") == "ab[31m.txt"
    assert upload_name(None) == upload_name("..") == upload_name("\x00") == "upload.txt"
    long = upload_name("é" * 300 + ".jsonl.gz")
    assert long.endswith(".jsonl.gz") and len(long.encode("utf-8")) <= MAX_NAME_BYTES


def test_odd_upload_names_never_give_a_500(tmp_path):
    path = str(tmp_path / "rw.duckdb")
    Store(path).close()
    auth = {"Authorization": "Bearer t"}
    with TestClient(create_app(Settings(db=path, allow_ingest=True, token="t")), raise_server_exceptions=False) as c:
        for name in ("a\x00b.txt", "x" * 300 + ".txt", "\x1b[2J.txt", "\udcff.txt".encode("utf-8", "replace").decode()):
            r = c.post("/api/ingest", files={"file": (name, ARTICLE, "text/plain")}, headers=auth)
            assert r.status_code == 200, (name, r.text)


def test_a_store_that_cannot_be_opened_is_a_503_with_the_reason(tmp_path):
    with TestClient(create_app(Settings(db=str(tmp_path))), raise_server_exceptions=False) as c:
        r = c.get("/api/events")
    assert r.status_code == 503 and "is a folder" in r.json()["detail"]


def test_an_upload_with_a_lone_surrogate_is_stored_not_a_500(tmp_path):
    path = str(tmp_path / "rw.duckdb")
    Store(path).close()
    line = b'{"id": "a", "title": "\\ud800", "text": "%s"}\n' % ARTICLE
    with TestClient(create_app(Settings(db=path, allow_ingest=True, token="t")), raise_server_exceptions=False) as c:
        r = c.post(
            "/api/ingest",
            files={"file": ("wire.jsonl", line, "application/jsonl")},
            headers={"Authorization": "Bearer t"},
        )
    assert r.status_code == 200 and r.json()["articles"] == 1, r.text
    assert any("surrogates" in message for message in r.json()["errors"])
