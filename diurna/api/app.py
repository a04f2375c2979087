"""The HTTP API and dashboard: `create_app(db)` returns a FastAPI app over one diurna store.

Read-only by default. The store is opened read-only for queries; POST /api/code codes text without
storing it; POST /api/ingest exists only with `allow_ingest` and a token. Every query reaches
DuckDB through the store's parameterised queries; no endpoint reads a file named by a request.
"""

from __future__ import annotations

import contextlib
import os
import pathlib
import re
import threading
from dataclasses import dataclass, field
from typing import Iterator, Optional

from fastapi import Depends, FastAPI, File, Form, Header, HTTPException, Query, Request, UploadFile
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel

from diurna import __version__
from diurna.api.analysis import router as analysis_router
from diurna.api.cache import ResultCache, cached_queries
from diurna.api.filters import check_date, event_filter
from diurna.api.security import GuardMiddleware, Limits, upload_refusal
from diurna.records import ArticleDocument
from diurna.store import versions
from diurna.store.export import spreadsheet_cell
from diurna.store.query import (
    ActorCount,
    ActorProfile,
    ArticleSummary,
    ClusterDetail,
    DyadPoint,
    Edge,
    EventCluster,
    EventFilter,
    EventRow,
    PlaceCount,
    QueryMixin,
)

STATIC = pathlib.Path(__file__).resolve().parent / "static"
DOCS_PAGE = pathlib.Path(__file__).resolve().parent / "docs_page"
MAX_TEXT_CHARS = 200_000
# Paging offsets beyond this are refused (422): DuckDB's OFFSET is a 64-bit integer, and no store
# holds a trillion rows.
MAX_OFFSET = 10**12
# Upload names are kept (they name the upload in errors and choose the format) within this many bytes,
# under the 255 most file systems allow.
MAX_NAME_BYTES = 200
_NOT_IN_NAMES = re.compile("[\x00-\x1f\x7f-\x9f/\\\ud800-\udfff]")


@dataclass
class Settings:
    db: str = "diurna.duckdb"
    allow_ingest: bool = False
    token: Optional[str] = None
    limits: Limits = field(default_factory=Limits)
    # Host names the server answers to (DNS rebinding protection); None answers any (tests, and a
    # server bound to 0.0.0.0 without --allowed-host). `diurna serve` fills it from --host.
    allowed_hosts: Optional[list[str]] = None


class Services:
    """What the endpoints share: the store and, built on first use, the coding pipeline."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._pipeline = None
        self._pipeline_lock = threading.Lock()  # the stages keep per-call state: one article at a time
        self._store_lock = threading.Lock()
        self._connection_lock = threading.Lock()
        self._store = None
        self.cache = ResultCache()

    def store(self):
        from diurna.store import Store

        with self._store_lock:
            if self._store is None:
                self._store = Store(self.settings.db, read_only=not self.settings.allow_ingest)
            return self._store

    def warm(self) -> None:
        """Open the store before the first request (at server start), so that the first view of a
        session does not wait for it. A store that cannot be opened now is not an error yet: the
        first request tries again and reports why (503), as it would without this."""
        try:
            self.store()
        except Exception:  # noqa: BLE001 - reported by the requests themselves
            pass

    @contextlib.contextmanager
    def main_connection(self):
        """The store with its own connection, for calls that use it directly (one thread at a time)."""
        with self._connection_lock:
            yield self.store()

    @contextlib.contextmanager
    def snapshot(self) -> Iterator["ReadSnapshot"]:
        """The store as of one moment: every query of a request reads the same committed state, even
        while an upload writes (DuckDB's MVCC; the transaction is read-only and rolled back)."""
        cursor = self.store().con.cursor()
        cursor.execute("BEGIN TRANSACTION")
        try:
            snapshot = ReadSnapshot(cursor)
            # Answers are kept per write version, read in this same transaction (diurna.api.cache).
            cached_queries(snapshot, self.cache, lambda: versions.current(cursor))
            yield snapshot
        finally:
            cursor.execute("ROLLBACK")
            cursor.close()

    def run_pipeline(self, items) -> list:
        """Code raw articles (the pipeline is built on first use: it loads models for seconds)."""
        from diurna.pipeline import Pipeline

        with self._pipeline_lock:
            if self._pipeline is None:
                self._pipeline = Pipeline()
            return list(self._pipeline(items))

    def code(self, text: str, published: Optional[str]) -> ArticleDocument:
        from diurna.document import ArticleDoc
        from diurna.ingest.base import RawArticle

        result = self.run_pipeline([RawArticle(origin="<request>", text=text, date=published)])
        docs = [item for item in result if isinstance(item, ArticleDoc)]
        if not docs:
            refusals = [str(item) for item in result if getattr(item, "kind", "") != "warning"]
            raise HTTPException(422, refusals[0] if refusals else "no article text")
        return docs[0].to_record()

    def close(self) -> None:
        if self._store is not None:
            self._store.close()


class ReadSnapshot(QueryMixin):
    """The store's typed queries, all run on one cursor inside one transaction."""

    def __init__(self, cursor):
        self.con = cursor

    def _cursor(self):
        return self.con


def create_app(settings: Settings) -> FastAPI:
    services = Services(settings)

    @contextlib.asynccontextmanager
    async def lifespan(app_: FastAPI):
        services.warm()
        await _serve_once(app_, "/", (settings.allowed_hosts or ["localhost"])[0])
        yield
        services.close()

    # FastAPI's own /docs page loads Swagger UI from a CDN; diurna serves its vendored Swagger UI 5
    # (docs_page/swagger-ui/VENDORED.md: 4.x cannot read OpenAPI 3.1), so the docs work offline and
    # under the strict CSP.
    app = FastAPI(
        title="diurna",
        version=__version__,
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
        description="Political event data coded from news: articles, PLOVER events, actors, quotes, "
        "dates and places. Read-only unless started with --allow-ingest.",
    )

    app.state.services = services
    app.add_middleware(
        GuardMiddleware,
        limits=settings.limits,
        allowed_hosts=settings.allowed_hosts,
        upload_gate=lambda authorization: upload_refusal(settings.allow_ingest, settings.token, authorization),
    )

    from diurna.store.store import StoreBusy, StoreError

    @app.exception_handler(StoreBusy)
    async def store_busy(_request: Request, exc: StoreBusy) -> JSONResponse:
        # A `diurna ingest` holding the file when the server first opens it: the server opens the store
        # again on the next request, so this is a temporary condition, not a server fault.
        return JSONResponse({"detail": str(exc)}, status_code=503, headers={"Retry-After": "30"})

    @app.exception_handler(StoreError)
    async def store_failed(_request: Request, exc: StoreError) -> JSONResponse:
        # The store cannot be opened or written (disk full, read-only, not a store): the message says
        # what happened; nothing of the request was stored.
        return JSONResponse({"detail": str(exc)}, status_code=503)

    def svc(request: Request) -> Services:
        return request.app.state.services

    @app.get("/api/health")
    def health() -> dict:
        return {"status": "ok", "version": __version__}

    @app.get("/api/articles", response_model=list[ArticleSummary])
    def articles(
        limit: int = Query(50, ge=1, le=500),
        offset: int = Query(0, ge=0, le=MAX_OFFSET),
        q: Optional[str] = Query(None, max_length=200),
        s: Services = Depends(svc),
    ):
        """Stored articles, newest first; `q` searches titles and text."""
        with s.snapshot() as store:
            return store.articles(limit=limit, offset=offset, q=q)

    @app.get(
        "/api/events",
        response_model=EventPage,
        responses={200: {"content": {"text/csv": {}}, "description": "JSON page, or CSV with format=csv"}},
    )
    def events(
        f: EventFilter = Depends(event_filter),
        limit: int = Query(100, ge=1, le=10_000),
        offset: int = Query(0, ge=0, le=MAX_OFFSET),
        format: str = Query("json", pattern="^(json|csv)$"),
        s: Services = Depends(svc),
    ):
        """Events matching the filters, newest first; `format=csv` downloads them."""
        with s.snapshot() as store:
            rows = _query(lambda: store.events(f, limit=limit, offset=offset))
            if format == "csv":
                return _csv_response(rows, "diurna-events.csv")
            return EventPage(total=_query(lambda: store.count_events(f)), limit=limit, offset=offset, events=rows)

    @app.get("/api/clusters", response_model=ClusterPage)
    def clusters(
        f: EventFilter = Depends(event_filter),
        min_articles: int = Query(1, ge=1),
        limit: int = Query(100, ge=1, le=10_000),
        offset: int = Query(0, ge=0, le=MAX_OFFSET),
        s: Services = Depends(svc),
    ):
        """Real-world events (one row each, however many articles report them), newest first; the same
        filters as /api/events; `min_articles` keeps those reported independently at least that often."""
        with s.snapshot() as store:
            rows = _query(lambda: store.clusters(f, limit=limit, offset=offset, min_articles=min_articles))
            total = _query(lambda: store.count_clusters(f, min_articles=min_articles))
            mentions = _query(lambda: store.count_events(f))
            return ClusterPage(total=total, mentions=mentions, limit=limit, offset=offset, clusters=rows)

    @app.get("/api/clusters/{cluster_id}", response_model=ClusterDetail)
    def cluster(cluster_id: str, s: Services = Depends(svc)):
        """One real-world event with every mention of it, copies included, earliest report first."""
        with s.snapshot() as store:
            detail = store.cluster(cluster_id)
        if detail is None:
            raise HTTPException(404, "no event cluster with id %r" % cluster_id)
        return detail

    @app.get("/api/actors", response_model=list[ActorCount])
    def actors(
        q: Optional[str] = Query(None, max_length=200),
        country: Optional[str] = Query(None, max_length=3),
        limit: int = Query(20, ge=1, le=1000),
        s: Services = Depends(svc),
    ):
        """Actors in the most events; `q` searches names, KB ids and CAMEO codes."""
        with s.snapshot() as store:
            return store.top_actors(limit, country=country, q=q)

    @app.get("/api/actors/{key:path}", response_model=ActorProfile)
    def actor(
        key: str,
        f: EventFilter = Depends(event_filter),
        limit: int = Query(100, ge=1, le=1000),
        s: Services = Depends(svc),
    ):
        """One actor (by the `key` /api/actors gives) with its events and the actors it deals with,
        among the events the filters select (the filter's own `actor` is this key)."""
        with s.snapshot() as store:
            profile = _query(lambda: store.actor_profile(key, limit=limit, filter=f))
        if profile is None:
            raise HTTPException(404, "no actor with key %r" % key)
        return profile

    @app.get("/api/dyads", response_model=list[DyadPoint])
    def dyads(
        a: str = Query(..., min_length=1, max_length=200),
        b: str = Query(..., min_length=1, max_length=200),
        f: EventFilter = Depends(event_filter),
        freq: str = Query("month", pattern="^(day|week|month|year)$"),
        unit: str = Query("events", pattern="^(events|clusters)$"),
        s: Services = Depends(svc),
    ):
        """Events from a to b and from b to a per period: counts, cooperation/conflict, Goldstein sums,
        among the events the filters select (`a` and `b` take the place of `source` and `target`).
        `unit=clusters` counts each real-world event once, on its first date, instead of each mention."""
        with s.snapshot() as store:
            return _query(lambda: store.dyad_series(a, b, freq=freq, unit=unit, filter=f))

    @app.get("/api/network", response_model=list[Edge])
    def network(
        f: EventFilter = Depends(event_filter),
        limit: int = Query(200, ge=1, le=5000),
        min_events: int = Query(1, ge=1),
        s: Services = Depends(svc),
    ):
        """Who acts on whom among the events the filters select: one edge per (source, target) pair with
        its event count and mean Goldstein; generic actors ("police") are one node per country."""
        with s.snapshot() as store:
            return _query(lambda: store.network(limit=limit, min_events=min_events, filter=f))

    @app.get("/api/places", response_model=list[PlaceCount])
    def places(
        f: EventFilter = Depends(event_filter), limit: int = Query(500, ge=1, le=5000), s: Services = Depends(svc)
    ):
        """Event counts per place, over the events the filters select (for the map)."""
        with s.snapshot() as store:
            return _query(lambda: store.place_counts(f, limit=limit))

    @app.get("/api/articles/{article_id}", response_model=ArticleDocument)
    def article(article_id: str, s: Services = Depends(svc)) -> ArticleDocument:
        with s.main_connection() as store:
            doc = store.document(article_id)
        if doc is None:
            raise HTTPException(404, "no article with id %r" % article_id)
        return doc

    @app.post("/api/code", response_model=ArticleDocument)
    def code(
        text: Optional[str] = Form(None),
        published: Optional[str] = Form(None),
        file: Optional[UploadFile] = File(None),
        s: Services = Depends(svc),
    ) -> ArticleDocument:
        """Code pasted text (form field `text`) or an uploaded plain-text file, without storing it."""
        if file is not None:
            raw = file.file.read(settings.limits.max_body_bytes + 1)
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                raise HTTPException(422, "the uploaded file is not UTF-8 text (bad byte at offset %d)" % exc.start)
        if not text or not text.strip():
            raise HTTPException(422, "give the article as the form field 'text' or as an uploaded file")
        if len(text) > MAX_TEXT_CHARS:
            raise HTTPException(413, "article over %d characters" % MAX_TEXT_CHARS)
        if published is not None:
            check_date(published)
        return s.code(text, published)

    def require_token(authorization: Optional[str] = Header(None)) -> None:
        # The middleware refuses first, before the body is read; this keeps the endpoint safe on its own.
        denied = upload_refusal(settings.allow_ingest, settings.token, authorization)
        if denied:
            raise HTTPException(*denied)

    @app.post("/api/ingest", dependencies=[Depends(require_token)])
    def ingest(file: UploadFile = File(...), s: Services = Depends(svc)) -> dict:
        """Code an uploaded article file (any input format) into the store."""
        import tempfile

        from diurna.document import ArticleDoc
        from diurna.ingest import detect_format, read_paths
        from diurna.ingest.base import IngestError

        name = upload_name(file.filename)
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, name)
            with open(path, "wb") as out:
                out.write(file.file.read(settings.limits.max_ingest_bytes + 1))
            # Detected on the saved upload: a generic .xml is a feed only if its own first bytes say so.
            if detect_format(path) is None:
                raise HTTPException(415, "unsupported file type %r" % name)
            items = s.run_pipeline(read_paths([path]))
        docs = [i for i in items if isinstance(i, ArticleDoc)]
        errors = [i for i in items if isinstance(i, IngestError)]
        for e in errors:  # name the upload, not the temporary path
            e.path = name
        with s.main_connection() as store:
            result = store.write_isolating(docs, errors)
        return {
            "articles": result.articles,
            "already_stored": result.skipped,
            "events": result.events,
            "quotes": result.quotes,
            "errors": [str(e) for e in errors],
        }

    app.include_router(analysis_router)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(DOCS_PAGE / "index.html")

    app.mount("/docs-assets", StaticFiles(directory=DOCS_PAGE / "swagger-ui"), name="docs-assets")
    app.mount("/docs-page", StaticFiles(directory=DOCS_PAGE), name="docs-page")
    if STATIC.is_dir():
        app.mount("/static", StaticFiles(directory=STATIC), name="static")

    return app


class EventPage(BaseModel):
    total: int
    limit: int
    offset: int
    events: list[EventRow]


class ClusterPage(BaseModel):
    total: int  # real-world events the filters (and min_articles) select
    mentions: Optional[int] = None  # event mentions the same filters select (copies as include_duplicates says)
    limit: int
    offset: int
    clusters: list[EventCluster]


def upload_name(filename: Optional[str]) -> str:
    """A name to save an upload under and to name it by in errors: its base name without control
    characters, NUL or surrogates, cut to MAX_NAME_BYTES keeping its extension (which picks the
    format); "upload.txt" when nothing usable is left."""
    base = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = _NOT_IN_NAMES.sub("", base).strip()
    if name in ("", ".", ".."):
        return "upload.txt"
    if len(name.encode("utf-8")) <= MAX_NAME_BYTES:
        return name
    from diurna.ingest import known_extension

    extension = known_extension(name) or os.path.splitext(name)[1][:16]
    stem = name[: len(name) - len(extension)].encode("utf-8")[: MAX_NAME_BYTES - len(extension.encode("utf-8"))]
    return stem.decode("utf-8", "ignore") + extension


async def _serve_once(app: FastAPI, path: str, host: str) -> None:
    """Answer one GET of `path` inside the process, before the server takes requests: the first file
    a new server sends costs it ~40 ms of CPU more than the next (the first FileResponse sets up
    what Starlette loads lazily), which the first page of the first visitor would otherwise wait for.
    Nothing is kept from the answer."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", host.encode("idna"))],
        "client": ("127.0.0.1", 0),
        "server": (host, 80),
    }

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(_message: dict) -> None:
        pass

    try:
        await app(scope, receive, send)
    except Exception:  # noqa: BLE001 - a warm-up that fails changes nothing: requests are served as before
        pass


def _query(run):
    """Run a store query; a value the store refuses (a malformed date) is the client's 422."""
    try:
        return run()
    except ValueError as exc:
        raise HTTPException(422, str(exc))


def _csv_response(rows: list, filename: str) -> Response:
    import csv
    import dataclasses
    import io

    out = io.StringIO()
    names = [f.name for f in dataclasses.fields(EventRow)]
    writer = csv.writer(out)
    writer.writerow(names)
    for row in rows:
        writer.writerow([spreadsheet_cell(getattr(row, n)) for n in names])
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="%s"' % filename},
    )
