"""Plain-text articles: one file (or stdin) is one article, with no metadata."""

from __future__ import annotations

import sys
from typing import BinaryIO, Iterator, Optional

from diurna.ingest.base import IngestError, IngestItem, RawArticle, failure_reason, open_input, origin_of, warning
from diurna.ingest.decode import DecodeFailure, decode_bytes
from diurna.nlp import MAX_ARTICLE_CHARS

# One article is cut to MAX_ARTICLE_CHARS characters before parsing anyway; a character takes at most
# 4 bytes, so reading more than this could never change the article and would only cost memory.
MAX_ARTICLE_BYTES = 4 * MAX_ARTICLE_CHARS + 4
STDIN_PATH = "<stdin>"


def read_text(path: str) -> Iterator[IngestItem]:
    """The article a .txt (or .txt.gz) file holds, or the error saying why it holds none."""
    head = read_file_head(path, MAX_ARTICLE_BYTES, gz=path.endswith(".gz"))
    if isinstance(head, IngestError):
        yield head
        return
    yield from text_article(path, *head)


def read_stdin(stream: Optional[BinaryIO] = None) -> Iterator[IngestItem]:
    """One plain-text article from standard input (`diurna code -`)."""
    stream = stream if stream is not None else sys.stdin.buffer
    data, complete = read_at_most(stream, MAX_ARTICLE_BYTES)
    yield from text_article(STDIN_PATH, data, complete)


def read_file_head(path: str, limit: int, gz: bool = False) -> tuple[bytes, bool] | IngestError:
    """(up to `limit` bytes of the file, decompressed when `gz`, and whether that was all of it), or
    the error saying why the file cannot be read (unreadable, not a regular file, a corrupt .gz)."""
    try:
        with open_input(path, gz) as fh:
            return read_at_most(fh, limit)
    except (OSError, EOFError) as exc:
        return IngestError(path, None, "cannot read: %s" % failure_reason(exc))


def read_at_most(fh: BinaryIO, limit: int) -> tuple[bytes, bool]:
    """Up to `limit` bytes of `fh`, and whether that was all of it."""
    data = fh.read(limit + 1)
    return data[:limit], len(data) <= limit


def text_article(path: str, data: bytes, complete: bool = True) -> Iterator[IngestItem]:
    """The article in the bytes of a plain-text input (a warning first when it was read in part)."""
    try:
        decoded = decode_bytes(data, complete=complete)
    except DecodeFailure as failure:
        yield IngestError(path, failure.position(), failure.message)
        return
    if not complete:
        yield warning(
            path,
            None,
            "longer than %d bytes: only the beginning was read (an article is at most "
            "%d characters)" % (MAX_ARTICLE_BYTES, MAX_ARTICLE_CHARS),
        )
    yield RawArticle(origin=origin_of(path), text=decoded.text)
