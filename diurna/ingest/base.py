"""What every reader yields: raw articles, or errors that name the file and position at fault."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Iterator, Optional, Union


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
    date: Optional[str] = None      # ISO 8601 date or datetime as found; normalised later
    url: Optional[str] = None
    source: Optional[str] = None


@dataclass
class IngestError:
    """A record that could not be read. `position` is "line 17", "offset 1234", "item 3" ..."""
    path: str
    position: Optional[str]
    message: str
    kind: str = "error"             # error | warning

    def __str__(self) -> str:
        where = self.path + (" " + self.position if self.position else "")
        return "%s: %s" % (where, self.message)


IngestItem = Union[RawArticle, IngestError]
IngestStream = Iterator[IngestItem]


def parse_pubdate(value: str | None) -> str | None:
    """An ISO date (YYYY-MM-DD) from the many forms feeds and WARCs use, or None."""
    if not value:
        return None
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime  # RFC 822 dates of RSS and HTTP headers
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
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
    return origin[:match.start()], match.group(1)


def warning(path: str, position: Optional[str], message: str) -> IngestError:
    """A problem worth reporting that loses nothing (a feed with a syntax slip, a file read in part)."""
    return IngestError(path, position, message, kind="warning")


def failure_reason(exc: BaseException) -> str:
    """A short reason for an I/O or format failure, without the path (the error names it already)."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__
