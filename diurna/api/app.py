"""The HTTP API and dashboard: `create_app(db)` returns a FastAPI app over one diurna store.

Read-only by default. The store is opened read-only for queries; POST /api/code codes text without
storing it; POST /api/ingest exists only with `allow_ingest` and a token. Every query reaches
DuckDB through the store's parameterised queries; no endpoint reads a file named by a request.
"""
from __future__ import annotations

import hmac
import pathlib
import threading
from dataclasses import dataclass, field
from typing import Optional

from fastapi import Depends, FastAPI, File, Form, Header, HTTPException, Request, UploadFile
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from diurna import __version__
from diurna.api.security import GuardMiddleware, Limits
from diurna.records import ArticleDocument

STATIC = pathlib.Path(__file__).resolve().parent / "static"
MAX_TEXT_CHARS = 200_000


@dataclass
class Settings:
    db: str = "diurna.duckdb"
    allow_ingest: bool = False
    token: Optional[str] = None
    limits: Limits = field(default_factory=Limits)


class Services:
    """What the endpoints share: the store and, built on first use, the coding pipeline."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._pipeline = None
        self._pipeline_lock = threading.Lock()     # the stages keep per-call state: one article at a time
        self._store_lock = threading.Lock()
        self._store = None

    def store(self):
        from diurna.store import Store
        with self._store_lock:
            if self._store is None:
                self._store = Store(self.settings.db, read_only=not self.settings.allow_ingest)
            return self._store

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
        if not result or not isinstance(result[0], ArticleDoc):
            raise HTTPException(422, str(result[0]) if result else "no article text")
        return result[0].to_record()

    def close(self) -> None:
        if self._store is not None:
            self._store.close()


def create_app(settings: Settings) -> FastAPI:
    app = FastAPI(title="diurna", version=__version__,
                  description="Political event data coded from news: articles, PLOVER events, actors, quotes, "
                              "dates and places. Read-only unless started with --allow-ingest.")
    services = Services(settings)
    app.state.services = services
    app.add_middleware(GuardMiddleware, limits=settings.limits)

    def svc(request: Request) -> Services:
        return request.app.state.services

    @app.get("/api/health")
    def health() -> dict:
        return {"status": "ok", "version": __version__}

    @app.get("/api/articles/{article_id}", response_model=ArticleDocument)
    def article(article_id: str, s: Services = Depends(svc)) -> ArticleDocument:
        doc = s.store().document(article_id)
        if doc is None:
            raise HTTPException(404, "no article with id %r" % article_id)
        return doc

    @app.post("/api/code", response_model=ArticleDocument)
    def code(text: Optional[str] = Form(None), published: Optional[str] = Form(None),
             file: Optional[UploadFile] = File(None), s: Services = Depends(svc)) -> ArticleDocument:
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
            _check_date(published)
        return s.code(text, published)

    def require_token(authorization: Optional[str] = Header(None)) -> None:
        if not settings.allow_ingest:
            raise HTTPException(403, "this server is read-only (start it with --allow-ingest to accept uploads)")
        expected = "Bearer %s" % settings.token
        if not authorization or not hmac.compare_digest(authorization.encode(), expected.encode()):
            raise HTTPException(401, "a valid 'Authorization: Bearer TOKEN' header is required")

    @app.post("/api/ingest", dependencies=[Depends(require_token)])
    def ingest(file: UploadFile = File(...), s: Services = Depends(svc)) -> dict:
        """Code an uploaded article file (any input format) into the store."""
        import os
        import tempfile

        from diurna.document import ArticleDoc
        from diurna.ingest import detect_format, read_paths
        from diurna.ingest.base import IngestError

        name = os.path.basename(file.filename or "upload.txt")
        if detect_format(name) is None:
            raise HTTPException(415, "unsupported file type %r" % name)
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, name)
            with open(path, "wb") as out:
                out.write(file.file.read(settings.limits.max_ingest_bytes + 1))
            items = s.run_pipeline(read_paths([path]))
        docs = [i for i in items if isinstance(i, ArticleDoc)]
        errors = [i for i in items if isinstance(i, IngestError)]
        for e in errors:           # name the upload, not the temporary path
            e.path = name
        result = s.store().write(docs, errors)
        return {"articles": result.articles, "already_stored": result.skipped, "events": result.events,
                "quotes": result.quotes, "errors": [str(e) for e in errors]}

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    if STATIC.is_dir():
        app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.on_event("shutdown")
    def shutdown() -> None:
        services.close()

    return app


def _check_date(value: str) -> None:
    import datetime as dt
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise HTTPException(422, "published must be a date in YYYY-MM-DD form")
