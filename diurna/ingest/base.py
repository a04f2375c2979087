"""What every reader yields: raw articles, or errors that name the file and position at fault."""
from __future__ import annotations

import datetime as dt
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
