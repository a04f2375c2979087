"""What every reader yields: raw articles, or errors that name the file and position at fault."""

from __future__ import annotations

import datetime as dt
import gzip
import os
import re
import stat
from dataclasses import dataclass
from typing import BinaryIO, Iterator, Optional, Union


@dataclass
class RawArticle:
    """An article as a reader found it, before any language processing.

    Exactly one of `text` and `html` is set. `origin` names where it came from
    ("news.warc.gz@offset 1234", "feed.jsonl:17") so that errors downstream can say so.
    """

    origin: str
    text: Optional[str] = None
    html: Optional[str] = None
    id: Optional[str] = None
    title: Optional[str] = None
    date: Optional[str] = None  # ISO 8601 date or datetime as found; normalised later
    url: Optional[str] = None
    source: Optional[str] = None


@dataclass
class IngestError:
    """A record that could not be read. `position` is "line 17", "offset 1234", "item 3" ..."""

    path: str
    position: Optional[str]
    message: str
    kind: str = "error"  # error | warning | skipped

    def __post_init__(self) -> None:
        # Errors are printed to terminals and stored as UTF-8: no escape sequences, no surrogates.
        from diurna.ingest.sanitize import printable

        self.path = printable(self.path)
        self.position = printable(self.position)
        self.message = printable(self.message)

    def __str__(self) -> str:
        where = self.path + (" " + self.position if self.position else "")
        return "%s: %s" % (where, self.message)


IngestItem = Union[RawArticle, IngestError]
IngestStream = Iterator[IngestItem]


# Publication dates diurna accepts. Outside them a date is a typo or a placeholder (0001-01-01,
# 9999-12-31), and relative dates resolved against it ("last year", "in 50 years") would leave
# Python's calendar (years 1-9999) and lose the whole article. No printed newspaper predates 1605.
EARLIEST_PUBDATE = dt.date(1600, 1, 1)
LATEST_PUBDATE = dt.date(2999, 12, 31)


def parse_pubdate(value: str | None) -> str | None:
    """An ISO date (YYYY-MM-DD) from the many forms feeds and WARCs use, or None (also for a date
    outside EARLIEST_PUBDATE..LATEST_PUBDATE: see `pubdate_problem` for why a date was refused)."""
    date = read_date(value)
    if date is None or not EARLIEST_PUBDATE <= date <= LATEST_PUBDATE:
        return None
    return date.isoformat()


def pubdate_problem(value: str | None) -> str | None:
    """Why `value` is not a usable publication date, or None when it is one (or is empty)."""
    if not value or not value.strip():
        return None
    date = read_date(value)
    if date is None:
        return "date %r is not a valid date (ISO 8601 or RFC 822)" % value
    if not EARLIEST_PUBDATE <= date <= LATEST_PUBDATE:
        return "date %r is outside the publication dates diurna accepts (%s to %s)" % (
            value,
            EARLIEST_PUBDATE,
            LATEST_PUBDATE,
        )
    return None


def read_date(value: str | None) -> dt.date | None:
    """The date `value` states (ISO 8601 date or datetime, RFC 822), whatever its year; else None."""
    if not value:
        return None
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime  # RFC 822 dates of RSS and HTTP headers

    try:
        date = parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    else:
        # email.utils reads a year below 100 as two digits: "Mon, 01 Jan 0001" would be 2001-01-01.
        written = re.search(r"\b(\d{4})\b", value)
        if written and int(written.group(1)) != date.year:
            try:
                return date.replace(year=int(written.group(1)))
            except ValueError:
                return None
        return date
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except (ValueError, OverflowError):
        return None


def origin_of(path: str, position: Optional[str] = None) -> str:
    """The `RawArticle.origin` of a record: "path" or "path@line 17" (pipeline.prepare splits on "@")."""
    return path if not position else "%s@%s" % (path, position)


_POSITION = re.compile(r"@((?:line|offset|item) \d+)$")


def split_origin(origin: str) -> tuple[str, Optional[str]]:
    """(path, position) of an origin made by `origin_of`; safe for paths that contain "@" themselves."""
    match = _POSITION.search(origin)
    if match is None:
        return origin, None
    return origin[: match.start()], match.group(1)


def warning(path: str, position: Optional[str], message: str) -> IngestError:
    """A problem worth reporting that loses nothing (a feed with a syntax slip, a file read in part)."""
    return IngestError(path, position, message, kind="warning")


def failure_reason(exc: BaseException) -> str:
    """A short reason for an I/O or format failure, without the path (the error names it already)."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


class NotRegularFile(OSError):
    """A path that names a FIFO, a device, a socket or a folder: never read as an article file
    (a FIFO blocks for ever, /dev/zero never ends)."""


_FILE_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


def open_input(path: str, gz: bool = False) -> BinaryIO:
    """`path` opened for binary reading (decompressed when `gz`), only when it is a regular file;
    NotRegularFile otherwise. Every reader opens its files here. The file is opened first and
    checked after (fstat), so a file swapped for a FIFO in between cannot make diurna hang, and
    without blocking, so opening a FIFO with no writer returns at once."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = next((name for test, name in _FILE_KINDS if test(mode)), "not a regular file")
            raise NotRegularFile(0, "%s, not a regular file" % kind, path)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        raw = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    return _ClosingGzip(raw) if gz else raw


class _ClosingGzip(gzip.GzipFile):
    """A GzipFile over an open file that closes that file too (GzipFile leaves it open)."""

    def __init__(self, raw: BinaryIO):
        super().__init__(fileobj=raw, mode="rb")
        self._raw = raw

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._raw.close()
