"""JSON Lines: one article per line, `{"id", "text" | "html", "title", "date", "url", "source"}`.

The file is read line by line, and a line is read only up to MAX_LINE_BYTES: a longer one (a file
with no newlines, a 2 GB line of a 2 MB .gz) is an error naming it, skipped without being held in
memory, so a file of any size takes at most one bounded line's memory. Every bad line (malformed,
nested too deep, a number too long to convert, wrong types) is an error naming `line N`; the good
lines around it are all kept. Blank lines are skipped. A UTF-16 or UTF-32 file is one error saying so.
"""

from __future__ import annotations

import json
from typing import Any, BinaryIO, Iterator, Optional, Union

from diurna.ingest.base import (
    IngestError,
    IngestItem,
    RawArticle,
    failure_reason,
    open_input,
    origin_of,
    parse_pubdate,
    pubdate_problem,
    warning,
)
from diurna.ingest.decode import byte_order_mark

TEXT_FIELDS = ("text", "html")
# The longest line read: an HTML page (read up to 32 MB by the HTML reader) with JSON escapes fits;
# parsing such a line takes a few times its size in memory, far below the 1.5 GB bound.
MAX_LINE_BYTES = 64 * 1024 * 1024
_SKIP_CHUNK = 1 << 20
META_FIELDS = ("title", "url", "source")


class LineError(ValueError):
    """Why one line is not an article."""


def read_jsonl(path: str) -> Iterator[IngestItem]:
    """Each line of a .jsonl (or .jsonl.gz) file as an article, or an error naming the line."""
    try:
        fh = open_input(path, gz=path.endswith(".gz"))
    except OSError as exc:
        yield IngestError(path, None, "cannot read: %s" % failure_reason(exc))
        return
    with fh:
        yield from read_jsonl_stream(fh, path)


def read_jsonl_stream(fh: BinaryIO, path: str, max_line: Optional[int] = None) -> Iterator[IngestItem]:
    """The articles of an open JSON Lines byte stream; `path` names it in origins and errors; lines
    are read up to `max_line` bytes (MAX_LINE_BYTES, read at call time, when not given)."""
    max_line = MAX_LINE_BYTES if max_line is None else max_line
    lineno = 0
    try:
        while True:
            line = fh.readline(max_line + 1)
            if not line:
                break
            lineno += 1
            if lineno == 1 and _wide_encoding(line):
                yield IngestError(
                    path,
                    None,
                    "the file is %s; JSON Lines must be UTF-8 (convert it, e.g. "
                    "`iconv -f %s -t UTF-8`)" % (_wide_encoding(line), _wide_encoding(line)),
                )
                return
            if len(line) > max_line and not line.endswith(b"\n"):
                skipped = len(line) + _skip_rest_of_line(fh)
                yield IngestError(
                    path,
                    "line %d" % lineno,
                    "line longer than %d bytes (%d bytes): skipped; split "
                    "the record or shorten its text" % (max_line, skipped),
                )
                continue
            yield from _line_items(path, lineno, line)
    except (OSError, EOFError) as exc:  # a disk error, or a .gz cut short, after `lineno` lines
        yield IngestError(path, "line %d" % (lineno + 1), "cannot read further: %s" % failure_reason(exc))
        return
    if lineno == 0:
        yield IngestError(path, None, "empty file")


def _skip_rest_of_line(fh: BinaryIO) -> int:
    """Read past the end of the current line without keeping it; how many bytes that took."""
    skipped = 0
    while True:
        chunk = fh.readline(_SKIP_CHUNK)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped


def _wide_encoding(first_line: bytes) -> Optional[str]:
    """ "UTF-16" or "UTF-32" when the file starts with their byte-order mark or has their NUL bytes."""
    codec, _ = byte_order_mark(first_line)
    if codec and codec.startswith(("utf-16", "utf-32")):
        return codec[:6].upper()
    if first_line[:4] in (b"{\x00\x00\x00", b"\x00\x00\x00{"):
        return "UTF-32"
    if first_line[:2] in (b"{\x00", b"\x00{"):
        return "UTF-16"
    return None


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
    except RecursionError:
        raise LineError("JSON nested too deeply to read (an article is one flat object)") from None
    except ValueError as exc:  # an integer of more than 4,300 digits (Python's conversion limit)
        reason = "a number of more than 4,300 digits" if "digits" in str(exc) else failure_reason(exc)
        raise LineError("unreadable JSON value: %s" % reason) from None
    if not isinstance(value, dict):
        raise LineError('a JSON %s, not an object with a "text" or "html" field' % _json_type(value))
    return value


def article_from_record(record: dict, origin: str) -> RawArticle:
    """The RawArticle a JSON object describes; LineError when a field has the wrong type or text is missing."""
    present = [name for name in TEXT_FIELDS if record.get(name) is not None]
    if not present:
        raise LineError('no "text" or "html" field')
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
    problem = pubdate_problem(record.get("date"))
    if problem:
        messages.append("%s: ignored (the default publication date is used)" % problem)
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
