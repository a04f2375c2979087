"""WARC archives (.warc, .warc.gz): the HTML pages of successful HTTP responses, one record at a time.

Only `response` records with HTTP status 200 and an HTML content type become articles; other records
(requests, metadata, images, redirects, errors) are skipped silently, as every crawl is full of them.
The URL is the record's WARC-Target-URI. The date is the page's own publication date (from its
metadata) when it is no later than the capture, else the capture date (WARC-Date): a page cannot be
published after it was captured, so a later metadata date is a misreading.

Damage: a record whose block is shorter than its Content-Length (a file cut short) or that warcio
cannot parse (corrupt header or gzip member) is an error naming its byte offset. Records before it are
kept. Reading then resumes at the next record boundary after the damage (the next gzip member header
in a .warc.gz, the next "WARC/1." line in a .warc), so intact records after it are kept too; a warning
names the offset where reading resumed. The file is streamed: one record's body is in memory at a time.
"""

from __future__ import annotations

import os
from typing import BinaryIO, Iterator, Optional

from diurna.ingest.base import (
    IngestError,
    IngestItem,
    RawArticle,
    failure_reason,
    open_input,
    origin_of,
    parse_pubdate,
    warning,
)
from diurna.ingest.decode import DecodeFailure
from diurna.ingest.html import MAX_PAGE_BYTES, decode_html, html_to_text

HTML_TYPES = ("text/html", "application/xhtml+xml")
_GZIP_MEMBER = b"\x1f\x8b\x08"
_WARC_RECORD = b"\nWARC/1."
_SCAN_CHUNK = 1 << 20
# How every archive diurna reads begins: a gzip member, a WARC record, or an ARC file header.
_ARCHIVE_STARTS = (_GZIP_MEMBER[:2], b"WARC/", b"filedesc://")


class TruncatedRecord(ValueError):
    """A record whose block ends before its declared Content-Length."""


def read_warc(path: str) -> Iterator[IngestItem]:
    """The HTML pages of a WARC file as articles, and an error for each damaged stretch."""
    try:
        fh = open_input(path)
    except OSError as exc:
        yield IngestError(path, None, "cannot read: %s" % failure_reason(exc))
        return
    with fh:
        size = os.fstat(fh.fileno()).st_size
        if size == 0:
            yield IngestError(path, None, "empty file")
            return
        head = fh.read(16)
        if not head.startswith(_ARCHIVE_STARTS):
            # Checked here because warcio would read some text files as ARC records with nonsense headers.
            yield IngestError(path, "offset 0", "not a WARC or ARC file: it starts with %r" % head)
            return
        yield from _read_records(fh, path, size, compressed=head.startswith(_GZIP_MEMBER[:2]))


def _read_records(fh: BinaryIO, path: str, size: int, compressed: bool) -> Iterator[IngestItem]:
    from warcio.archiveiterator import ArchiveIterator

    start: Optional[int] = 0
    damaged_at: Optional[int] = None  # offset of the damage we are recovering from
    while start is not None and start < size:
        fh.seek(start)
        records = ArchiveIterator(fh)
        try:
            for record in records:
                offset = records.offset  # the start of this record (get_record_offset would read it all)
                item = _record_item(record, path, offset)
                if damaged_at is not None:
                    yield warning(
                        path,
                        "offset %d" % offset,
                        "reading resumed here, after the damaged data at offset %d" % damaged_at,
                    )
                    damaged_at = None
                if item is not None:
                    yield item
            offset = records.offset
            if not _has_data_after(fh, offset, size):
                return
            error = "truncated or corrupt WARC record (%d bytes left unread)" % (size - offset)
        except Exception as exc:  # warcio raises ArchiveLoadFailed, zlib.error, EOFError, ValueError ...
            offset = records.offset  # the record being parsed or read when it failed
            error = "truncated or corrupt WARC record: %s" % _describe(exc)
        if damaged_at is None:  # report each damaged stretch once, not every failed resynchronisation
            damaged_at = offset
            yield IngestError(path, "offset %d" % offset, error)
        start = _next_boundary(fh, offset + 1, compressed)


def _record_item(record, path: str, offset: int) -> Optional[IngestItem]:
    """The article an HTML response record holds; None for any other record; raises on damage."""
    if record.rec_type != "response":
        _drain(record)
        return None
    declared = record.rec_headers.get_header("Content-Length")
    if declared is None or not declared.strip().isdigit():
        # warcio reads on past such a header; the record's bytes cannot be trusted, so say so.
        return IngestError(
            path, "offset %d" % offset, "response record with an invalid Content-Length header (%r)" % declared
        )
    if record.http_headers is None:
        _drain(record)
        return IngestError(path, "offset %d" % offset, "response record without HTTP headers")
    content_type = record.http_headers.get_header("Content-Type") or ""
    if record.http_headers.get_statuscode() != "200" or not _is_html(content_type):
        _drain(record)
        return None
    body = record.content_stream().read(MAX_PAGE_BYTES + 1)
    _drain(record)
    position = "offset %d" % offset
    try:
        page = decode_html(body[:MAX_PAGE_BYTES], declared=_charset(content_type), complete=len(body) <= MAX_PAGE_BYTES)
    except DecodeFailure as failure:
        return IngestError(path, position, "HTML body: %s" % failure.message)
    captured = parse_pubdate(record.rec_headers.get_header("WARC-Date"))
    extracted = html_to_text(page.text)
    return RawArticle(
        origin=origin_of(path, position),
        text=extracted.text,
        title=extracted.title,
        date=_publication_date(parse_pubdate(extracted.date), captured),
        url=record.rec_headers.get_header("WARC-Target-URI"),
    )


def _drain(record) -> None:
    """Read the rest of the record's block; raise TruncatedRecord when the file ends inside it."""
    stream = record.raw_stream
    while stream.read(_SCAN_CHUNK):
        pass
    missing = getattr(stream, "limit", 0)
    if missing:
        raise TruncatedRecord("the record ends %d bytes before its Content-Length of %d" % (missing, record.length))


def _publication_date(published: Optional[str], captured: Optional[str]) -> Optional[str]:
    if published and (captured is None or published <= captured):
        return published
    return captured


def _is_html(content_type: str) -> bool:
    return content_type.split(";")[0].strip().lower() in HTML_TYPES


def _charset(content_type: str) -> Optional[str]:
    for parameter in content_type.split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _has_data_after(fh: BinaryIO, offset: int, size: int) -> bool:
    """Whether anything but white space follows the last record warcio could read."""
    if offset >= size:
        return False
    fh.seek(offset)
    return bool(fh.read(_SCAN_CHUNK).strip())


def _next_boundary(fh: BinaryIO, position: int, compressed: bool) -> Optional[int]:
    """The offset of the next place a record may start, at or after `position`; None at the end."""
    marker = _GZIP_MEMBER if compressed else _WARC_RECORD
    skip = 0 if compressed else 1  # a WARC record starts after the newline the marker includes
    fh.seek(position)
    carried = b""
    base = position
    while True:
        chunk = fh.read(_SCAN_CHUNK)
        if not chunk:
            return None
        data = carried + chunk
        found = data.find(marker)
        if found >= 0:
            return base + found + skip
        keep = len(marker) - 1
        carried = data[-keep:]
        base += len(data) - len(carried)


def _describe(exc: Exception) -> str:
    """The exception's type and the first line of its message (warcio quotes the damaged bytes there)."""
    lines = failure_reason(exc).strip().splitlines() or [""]
    first = lines[0].encode("ascii", "backslashreplace").decode("ascii")[:120]
    return "%s: %s" % (type(exc).__name__, first)
