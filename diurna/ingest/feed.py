"""RSS and Atom feed files (feedparser): one article per item.

Each item's text is its full content when the feed carries it (`content:encoded`, Atom `content`),
else its summary/description, flattened from HTML with `fragment_to_text`. The url is the item's link,
the date its published (else updated) date, the title its title, and the source the feed's title.

A feed that is not well-formed XML (feedparser's "bozo" flag) still yields every item feedparser
could recover, after a warning naming the line of the first syntax error. A feed file is parsed
whole (feeds are small); beyond MAX_FEED_BYTES only the beginning is read, with a warning.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from typing import Iterator, Optional

from diurna.ingest.base import (
    IngestError,
    IngestItem,
    RawArticle,
    failure_reason,
    origin_of,
    parse_pubdate,
    pubdate_problem,
    read_date,
    warning,
)
from diurna.ingest.decode import DecodeFailure, byte_order_mark, reject_binary
from diurna.ingest.html import fragment_to_text
from diurna.ingest.text import read_file_head

MAX_FEED_BYTES = 64 * 1024 * 1024
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_feed(path: str) -> Iterator[IngestItem]:
    """The items of an RSS or Atom file as articles; errors and warnings name the item or line."""
    head = read_file_head(path, MAX_FEED_BYTES)
    if isinstance(head, IngestError):
        yield head
        return
    data, complete = head
    failure = _not_a_text_file(data)
    if failure is not None:
        yield IngestError(path, failure.position(), failure.message)
        return
    if not complete:
        yield warning(path, None, "larger than %d bytes: only the items in the beginning were read" % MAX_FEED_BYTES)
    yield from feed_items(data, path)


def _not_a_text_file(data: bytes) -> Optional[DecodeFailure]:
    """Why `data` cannot be a feed at all (empty, or binary), or None."""
    if not data.strip():
        return DecodeFailure("empty file")
    codec, _ = byte_order_mark(data)
    if codec is None:  # UTF-16 feeds have NUL bytes; feedparser decodes those itself
        try:
            reject_binary(data)
        except DecodeFailure as failure:
            return failure
    return None


def feed_items(data: bytes, path: str) -> Iterator[IngestItem]:
    """The articles of a feed document given as bytes (feedparser reads the XML encoding declaration)."""
    import feedparser

    # Bytes, never a path or URL: feedparser would fetch a string that looks like a URL.
    parsed = feedparser.parse(data)
    if parsed.bozo:
        line, reason = _syntax_error(parsed.get("bozo_exception"))
        if not parsed.entries:
            yield IngestError(path, line, "not a readable RSS or Atom feed: %s" % reason)
            return
        yield warning(
            path,
            line,
            "the feed is not well-formed (%s): the %d items that could be read are kept"
            % (reason, len(parsed.entries)),
        )
    elif not parsed.entries:
        yield warning(path, None, "the feed has no items")
    source = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, start=1):
        yield from entry_items(entry, path, number, source)


def entry_items(entry, path: str, number: int, source: Optional[str]) -> Iterator[IngestItem]:
    """The article one feed item holds (after a warning for a date it could not use), or an error
    naming `item N` when it holds no text."""
    position = "item %d" % number
    text = _entry_text(entry)
    if not text:
        yield IngestError(path, position, "the item has neither content nor a summary with text")
        return
    date, problem = _entry_date(entry)
    if problem:
        yield warning(path, position, "%s: ignored (the default publication date is used)" % problem)
    yield RawArticle(
        origin=origin_of(path, position),
        text=text,
        title=entry.get("title") or None,
        date=date,
        url=_entry_link(entry),
        source=source,
    )


def _entry_text(entry) -> str:
    """The item's full content when present (the longest part), else its summary, as plain text."""
    parts = [(part.get("value") or "", part.get("type")) for part in entry.get("content") or []]
    if not any(value.strip() for value, _ in parts):
        detail = entry.get("summary_detail") or {}
        parts = [(entry.get("summary") or "", detail.get("type", "text/html"))]
    value, kind = max(parts, key=lambda part: len(part[0]))
    if kind in _HTML_TYPES:
        return fragment_to_text(value)
    return "\n".join(line.strip() for line in value.strip().splitlines() if line.strip())


def _entry_date(entry) -> tuple[Optional[str], Optional[str]]:
    """(the publication date, why the date the item states was refused): the date as written (keeping
    the publisher's local day), else as feedparser parsed it. feedparser normalises impossible dates
    (2017-13-45 becomes 2018-01-01), so its parse is used only when the written date is in a form
    diurna does not read, never to overrule a written date diurna found invalid."""
    for name in ("published", "updated"):
        written = entry.get(name)
        if not written or not written.strip():
            continue
        problem = pubdate_problem(written)
        if read_date(written) is not None:  # valid, or a real date out of range
            return parse_pubdate(written), problem
        parsed: Optional[time.struct_time] = entry.get(name + "_parsed")
        if parsed is None or not _states(written, parsed):
            return None, problem
        date = dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()
        return parse_pubdate(date), pubdate_problem(date)
    return None, None


def _states(written: str, parsed: time.struct_time) -> bool:
    """Whether feedparser's reading keeps the year and day the item wrote (rather than rolling an
    impossible day over into the next month or year)."""
    numbers = {int(n) for n in re.findall(r"\d+", written)}
    return parsed.tm_year in numbers and parsed.tm_mday in numbers


def _entry_link(entry) -> Optional[str]:
    """The item's link when it is a web address (feedparser also copies a non-URL guid into `link`)."""
    link = (entry.get("link") or "").strip()
    return link if link.startswith(("http://", "https://")) else None


def _syntax_error(exc: Optional[BaseException]) -> tuple[Optional[str], str]:
    """("line N" or None, a short reason) for feedparser's bozo exception."""
    if exc is None:
        return None, "unknown problem"
    line = exc.getLineNumber() if hasattr(exc, "getLineNumber") else None
    reason = failure_reason(exc)
    if hasattr(exc, "getMessage"):  # SAX errors: the message without the "<unknown>:4:43:" prefix
        reason = exc.getMessage()
    return ("line %d" % line if line else None), reason
