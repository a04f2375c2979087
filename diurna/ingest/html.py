"""HTML to article text with trafilatura (boilerplate removal), plus title and date from metadata.

Also the .html/.htm file reader, the charset rules for HTML bytes, and `fragment_to_text` for the
small HTML fragments feeds carry (trafilatura is built for whole pages and discards short fragments).
"""

from __future__ import annotations

import html as html_entities
import re
from dataclasses import dataclass
from typing import Iterator, Optional

from diurna.ingest.base import IngestError, IngestItem, RawArticle, origin_of, warning
from diurna.ingest.decode import Decoded, DecodeFailure, decode_bytes
from diurna.ingest.text import read_file_head

# Web pages are mostly markup; beyond this a file is not one news page and only its start is read.
MAX_PAGE_BYTES = 32 * 1024 * 1024
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Elements that start a new line of text when a fragment is flattened.
_BLOCK_TAGS = (
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "figure",
    "figcaption",
    "dd",
    "dt",
    "hr",
)
_NOT_TEXT_TAGS = ("script", "style", "noscript", "iframe", "object", "embed", "template")


# libxml2 stops building the tree 255 elements deep unless told the document is huge; text nested
# deeper (pages built by broken templates, or made to hide text) was silently lost.
LIBXML_DEPTH = 255
# libxml2's hard limit even for huge documents: deeper elements are dropped from the tree.
MAX_NESTING = 2048


@dataclass
class ExtractedHTML:
    text: str
    title: Optional[str] = None
    date: Optional[str] = None
    problem: Optional[str] = None  # why there is no text, when it is not simply boilerplate


def html_to_text(html: str) -> ExtractedHTML:
    """Main text of a web page; empty text when the page has none (the caller reports it)."""
    import trafilatura
    from trafilatura.settings import use_config

    if not html or not html.strip():
        return ExtractedHTML("")
    config = use_config()
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # signals do not work outside the main thread
    options = dict(include_comments=False, include_tables=False, favor_precision=True, config=config)
    text = trafilatura.extract(html, **options) or ""
    problem = None
    if not text:
        text, problem = _deeply_nested_text(html, options)
    # Only dates the page states in its markup (meta tags, <time>, URL): the extensive search also
    # guesses from free text, and takes "Copyright 2024" for a publication date of 2024-01-01.
    meta = trafilatura.extract_metadata(html, extensive=False)
    title = getattr(meta, "title", None) if meta else None
    date = getattr(meta, "date", None) if meta else None
    return ExtractedHTML(text=text, title=title, date=date, problem=problem)


def _deeply_nested_text(html: str, options: dict) -> tuple[str, Optional[str]]:
    """(text, problem) for a page trafilatura found empty because its text lies deeper than libxml2
    builds by default: the page is parsed again whole (huge_tree) and extracted from that tree."""
    import lxml.etree
    import lxml.html
    import trafilatura

    try:
        tree = lxml.html.fromstring(html, parser=lxml.html.HTMLParser(huge_tree=True))
    except (lxml.etree.ParserError, ValueError):
        return "", None
    depth = _depth(tree)
    if depth <= LIBXML_DEPTH:
        return "", None  # not a nesting problem: the page has no article text
    text = trafilatura.extract(tree, **options) or ""
    if text:
        return text, None
    if depth >= MAX_NESTING:
        return "", (
            "no article text found: the page's markup is nested at least %d elements deep, beyond what "
            "the HTML parser reads" % MAX_NESTING
        )
    return "", "no article text in the page (its markup is nested %d elements deep)" % depth


def _depth(tree) -> int:
    """The deepest element's depth, without recursion (the tree may be thousands deep)."""
    deepest, stack = 0, [(tree, 1)]
    while stack:
        element, level = stack.pop()
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in element)
    return deepest


def read_html(path: str) -> Iterator[IngestItem]:
    """The web page in an .html/.htm file, as HTML (boilerplate is removed by pipeline.prepare)."""
    head = read_file_head(path, MAX_PAGE_BYTES)
    if isinstance(head, IngestError):
        yield head
        return
    data, complete = head
    try:
        page = decode_html(data, complete=complete)
    except DecodeFailure as failure:
        yield IngestError(path, failure.position(), failure.message)
        return
    if not complete:
        yield warning(path, None, "larger than %d bytes: only the beginning was read" % MAX_PAGE_BYTES)
    yield RawArticle(origin=origin_of(path), html=page.text)


def decode_html(data: bytes, declared: Optional[str] = None, complete: bool = True) -> Decoded:
    """HTML bytes as text: a byte-order mark, else valid UTF-8, else the charset the HTTP header
    (`declared`) or the page's own <meta> names, else the legacy rule of diurna.ingest.decode."""
    return decode_bytes(data, complete=complete, declared=declared or meta_charset(data))


def meta_charset(data: bytes) -> Optional[str]:
    """The charset a page declares in a <meta> tag within its first 4 KB (where HTML5 says it must be)."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def fragment_to_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed item's content), one line per block element."""
    import lxml.etree
    import lxml.html

    if not fragment or not fragment.strip():
        return ""
    if "<" not in fragment:  # already plain text, perhaps with entities
        return _tidy_lines(html_entities.unescape(fragment))
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return ""
    for element in list(root.iter(*_NOT_TEXT_TAGS)):
        element.drop_tree()
    for element in root.iter(*_BLOCK_TAGS):
        element.text = "\n" + (element.text or "")
        element.tail = "\n" + (element.tail or "")
    return _tidy_lines(root.text_content())


def _tidy_lines(text: str) -> str:
    """White space folded inside lines; empty lines dropped."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)
