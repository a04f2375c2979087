"""JSON Lines: one article per line, `{"id", "text" | "html", "title", "date", "url", "source"}`.

The file is read line by line (a file of any size takes one line's memory). Every bad line is an
error naming `line N`; the good lines around it are all kept. Blank lines are skipped.
"""
from __future__ import annotations

import gzip
import json
from typing import Any, BinaryIO, Iterator, Optional, Union

from diurna.ingest.base import IngestError, IngestItem, RawArticle, failure_reason, origin_of, parse_pubdate, warning

TEXT_FIELDS = ("text", "html")
META_FIELDS = ("title", "url", "source")


class LineError(ValueError):
    """Why one line is not an article."""


def read_jsonl(path: str) -> Iterator[IngestItem]:
    """Each line of a .jsonl (or .jsonl.gz) file as an article, or an error naming the line."""
    opener = gzip.open if path.endswith(".gz") else open
    try:
        fh = opener(path, "rb")
    except OSError as exc:
        yield IngestError(path, None, "cannot read: %s" % failure_reason(exc))
        return
    with fh:
        yield from read_jsonl_stream(fh, path)


def read_jsonl_stream(fh: BinaryIO, path: str) -> Iterator[IngestItem]:
    """The articles of an open JSON Lines byte stream; `path` names it in origins and errors."""
    lineno = 0
    try:
        for lineno, line in enumerate(fh, start=1):
            yield from _line_items(path, lineno, line)
    except (OSError, EOFError) as exc:  # a disk error, or a .gz cut short, after `lineno` lines
        yield IngestError(path, "line %d" % (lineno + 1), "cannot read further: %s" % failure_reason(exc))
        return
    if lineno == 0:
        yield IngestError(path, None, "empty file")


def _line_items(path: str, lineno: int, line: bytes) -> Iterator[IngestItem]:
    position = "line %d" % lineno
    if lineno == 1 and line.startswith(b"\xef\xbb\xbf"):  # a UTF-8 byte-order mark some editors write
        line = line[3:]
    if not line.strip():
        return
    try:
        record = _parse_object(line)
        article = article_from_record(record, origin_of(path, position))
    except LineError as exc:
        yield IngestError(path, position, str(exc))
        return
    for message in _record_warnings(record):
        yield warning(path, position, message)
    yield article


def _parse_object(line: bytes) -> dict:
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LineError("undecodable bytes at column %d: JSON Lines must be UTF-8" % (exc.start + 1)) from None
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LineError("malformed JSON at column %d: %s" % (exc.colno, exc.msg)) from None
    if not isinstance(value, dict):
        raise LineError("a JSON %s, not an object with a \"text\" or \"html\" field" % _json_type(value))
    return value


def article_from_record(record: dict, origin: str) -> RawArticle:
    """The RawArticle a JSON object describes; LineError when a field has the wrong type or text is missing."""
    present = [name for name in TEXT_FIELDS if record.get(name) is not None]
    if not present:
        raise LineError("no \"text\" or \"html\" field")
    for name in present + ["date", *META_FIELDS]:
        _require_string(record, name)
    return RawArticle(
        origin=origin,
        # An extracted text is what diurna would make of the html, so it wins when both are given.
        text=record.get("text"),
        html=record.get("html") if record.get("text") is None else None,
        id=_article_id(record.get("id")),
        title=record.get("title"),
        date=record.get("date") if parse_pubdate(record.get("date")) else None,
        url=record.get("url"),
        source=record.get("source"),
    )


def _record_warnings(record: dict) -> list[str]:
    """Problems that lose nothing worth having: the article is kept. (Unknown fields are ignored
    silently: exports from other tools carry many, and one warning per line would drown the rest.)"""
    messages = []
    if record.get("date") and not parse_pubdate(record["date"]):
        messages.append("date %r is not an ISO 8601 date or datetime: ignored (the default publication date "
                        "is used)" % record["date"])
    return messages


def _require_string(record: dict, name: str) -> None:
    value = record.get(name)
    if value is not None and not isinstance(value, str):
        raise LineError("field %r must be a string, not a JSON %s" % (name, _json_type(value)))


def _article_id(value: Any) -> Optional[str]:
    """Ids may be strings or integers (many exports number their articles); anything else is an error."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise LineError("field 'id' must be a string or an integer, not a JSON %s" % _json_type(value))
    value = str(value).strip()
    if not value:
        raise LineError("field 'id' is empty")
    return value


def _json_type(value: Union[dict, list, str, int, float, bool, None]) -> str:
    if isinstance(value, bool):
        return "boolean"
    return {dict: "object", list: "array", str: "string", int: "number", float: "number"}.get(type(value), "null")
