"""HTML to article text with trafilatura (boilerplate removal), plus title and date from metadata."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional


@dataclass
class ExtractedHTML:
    text: str
    title: Optional[str] = None
    date: Optional[str] = None


def html_to_text(html: str) -> ExtractedHTML:
    """Main text of a web page; empty text when the page has none (the caller reports it)."""
    import trafilatura
    from trafilatura.settings import use_config

    if not html or not html.strip():
        return ExtractedHTML("")
    config = use_config()
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # signals do not work outside the main thread
    text = trafilatura.extract(html, include_comments=False, include_tables=False,
                               favor_precision=True, config=config) or ""
    meta = trafilatura.extract_metadata(html)
    title = getattr(meta, "title", None) if meta else None
    date = getattr(meta, "date", None) if meta else None
    return ExtractedHTML(text=text, title=title, date=date)
