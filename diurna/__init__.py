"""diurna: news in, political event data out: who did what to whom, when, where, and according to whom."""

from __future__ import annotations

__version__ = "0.1.0"


def code(text: str, published: str | None = None, **meta):
    """Code one article given as plain text; returns its `ArticleDocument` record."""
    return _default_pipeline().code_text(text, published, **meta).to_record()


_PIPELINE = None


def _default_pipeline():
    global _PIPELINE
    if _PIPELINE is None:
        from diurna.pipeline import Pipeline

        _PIPELINE = Pipeline()
    return _PIPELINE


def open(path: str = "diurna.duckdb", read_only: bool = False):  # noqa: A001 - mirrors duckdb.connect
    """Open a diurna store (DuckDB file): `diurna.open("diurna.duckdb").events(country="IRN")`."""
    from diurna.store import Store

    return Store(path, read_only=read_only)
