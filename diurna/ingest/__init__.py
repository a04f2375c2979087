"""Readers for every input format; each yields RawArticle or IngestError, one record at a time."""
from diurna.ingest.base import IngestError, RawArticle

__all__ = ["IngestError", "RawArticle"]
