"""Readers for every input format; each yields RawArticle or IngestError, one record at a time.

`read_paths` is the one entry point the command line needs: files, directories (walked recursively in
sorted path order, so every run sees the same order) and "-" for one plain-text article on stdin.
Symbolic links found inside a folder are reported and not followed unless asked (`follow_symlinks`,
`--follow-symlinks`): a link to /etc/passwd in an upload folder must not end up in the store. Paths
named on the command line are followed, as `find -H` does. Only regular files are ever read: a
FIFO, a device or a socket is an error, never opened for reading (it would hang or never end). It never raises on bad input: every problem is an IngestError
naming the file and, where there is one, the line, byte offset or feed item; the valid records around
it are still yielded. Warnings (kind "warning") lose nothing: a file skipped in a folder, a feed with
an XML slip, a date that could not be read, a file read only in part.

    format  extensions                           one article is       position in errors
    txt     .txt .text .txt.gz                   the whole file       byte offset
    html    .html .htm .xhtml                    the whole page       byte offset
    jsonl   .jsonl .ndjson .jsonl.gz             a line               line N
    warc    .warc .warc.gz .arc .arc.gz          an HTML response     offset N (of the record)
    feed    .rss .atom, .xml holding RSS/Atom    an item              item N (line N for XML errors)
"""

from __future__ import annotations

import os
from typing import Callable, Iterable, Iterator, Literal, Optional

from diurna.ingest.base import (
    IngestError,
    IngestItem,
    IngestStream,
    RawArticle,
    failure_reason,
    open_input,
    split_origin,
    warning,
)

Format = Literal["txt", "html", "jsonl", "warc", "feed"]
Reader = Callable[[str], IngestStream]

STDIN = "-"
_EXTENSIONS: dict[str, Format] = {
    ".txt": "txt",
    ".text": "txt",
    ".txt.gz": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonl.gz": "jsonl",
    ".ndjson.gz": "jsonl",
    ".warc": "warc",
    ".warc.gz": "warc",
    ".arc": "warc",
    ".arc.gz": "warc",
    ".rss": "feed",
    ".atom": "feed",
}
# Root elements of RSS 2.0 / 0.9x, Atom, and RSS 1.0 (RDF): how a generic .xml file is recognised.
_FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf")

__all__ = ["Format", "IngestError", "RawArticle", "detect_format", "read_file", "read_paths"]


def detect_format(path: str) -> Optional[Format]:
    """The input format of `path` from its extension ("-" is plain text on stdin); an .xml file is a
    feed when its root element is RSS or Atom. None when diurna does not read it."""
    if path == STDIN:
        return "txt"
    extension = known_extension(path)
    if extension in _EXTENSIONS:
        return _EXTENSIONS[extension]
    if extension == ".xml" and _looks_like_feed(path):
        return "feed"
    return None


def known_extension(path: str) -> Optional[str]:
    """The input extension `path` ends with, the most specific one (".jsonl.gz" before ".gz"), in
    lower case; None when it ends with none diurna reads."""
    name = os.path.basename(path).lower()
    for extension in sorted([*_EXTENSIONS, ".xml"], key=len, reverse=True):
        if name.endswith(extension):
            return extension
    return None


def read_file(path: str, fmt: Optional[Format] = None) -> IngestStream:
    """The records of one file in format `fmt` (detected when not given); never raises on bad input."""
    fmt = fmt or detect_format(path)
    if fmt is None:
        yield IngestError(path, None, "not an input format diurna reads (%s)" % supported_extensions())
        return
    reader = _reader(fmt)
    yield from _guarded(reader(path), path)


def read_paths(paths: Iterable[str], follow_symlinks: bool = False) -> IngestStream:
    """Every record in `paths`: files, directories (recursively, sorted), or "-" for stdin. Links
    inside directories are followed only with `follow_symlinks`."""
    for path in paths:
        if path == STDIN:
            from diurna.ingest.text import read_stdin

            yield from _guarded(read_stdin(), "<stdin>")
        elif os.path.isdir(path):
            yield from _read_directory(path, follow_symlinks, _Visited())
        elif os.path.exists(path):
            yield from read_file(path)
        else:
            yield IngestError(path, None, "no such file or directory")


def supported_extensions() -> str:
    return "supported: " + " ".join(sorted(_EXTENSIONS)) + " .xml (RSS/Atom)"


class _Visited(set):
    """(device, inode) of the folders walked so far: a link back up the tree is walked once."""

    def first_visit(self, path: str) -> bool:
        try:
            info = os.stat(path)
        except OSError:
            return True  # reported when it is listed
        key = (info.st_dev, info.st_ino)
        if key in self:
            return False
        self.add(key)
        return True


def _read_directory(root: str, follow_symlinks: bool, visited: _Visited) -> IngestStream:
    """The files under `root` in sorted path order (files and folders interleaved by name, as `ls -R`
    sorted would list them); hidden files and folders are skipped, and other files diurna does not read
    are reported as warnings (a folder often holds notes or scripts beside the articles)."""
    if not visited.first_visit(root):
        yield warning(root, None, "skipped: a link to a folder already read (a loop of symbolic links)")
        return
    try:
        entries = sorted(os.scandir(root), key=lambda entry: entry.name)
    except OSError as exc:
        yield IngestError(root, None, "cannot list: %s" % failure_reason(exc))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_symlink() and not follow_symlinks:
            yield warning(
                entry.path,
                None,
                "skipped: a symbolic link (to %s); links are followed only with "
                "--follow-symlinks" % _link_target(entry.path),
            )
        elif entry.is_dir():
            yield from _read_directory(entry.path, follow_symlinks, visited)
        elif detect_format(entry.path) is None:
            yield warning(entry.path, None, "skipped: not an input format diurna reads")
        else:
            yield from read_file(entry.path)


def _link_target(path: str) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return "an unreadable target"


def _reader(fmt: Format) -> Reader:
    if fmt == "txt":
        from diurna.ingest.text import read_text

        return read_text
    if fmt == "html":
        from diurna.ingest.html import read_html

        return read_html
    if fmt == "jsonl":
        from diurna.ingest.jsonl import read_jsonl

        return read_jsonl
    if fmt == "warc":
        from diurna.ingest.warc import read_warc

        return read_warc
    from diurna.ingest.feed import read_feed

    return read_feed


def _guarded(items: Iterator[IngestItem], path: str) -> IngestStream:
    """Items of one reader, with strings made safe to store (diurna.ingest.sanitize); an unexpected
    failure becomes an error for that file, so one bad file never stops a run (the readers report
    every anticipated problem themselves)."""
    try:
        for item in items:
            if isinstance(item, RawArticle):
                yield from repair_warnings(item)
            yield item
    except Exception as exc:  # noqa: BLE001 — the point is to catch what the readers did not anticipate
        yield IngestError(path, None, "reading stopped: %s: %s" % (type(exc).__name__, exc))


def repair_warnings(raw: RawArticle) -> IngestStream:
    """Repair `raw` in place (diurna.ingest.sanitize.repair_article); a warning for each repair."""
    from diurna.ingest.sanitize import repair_article

    messages = repair_article(raw)
    if messages:
        where, position = split_origin(raw.origin)
        for message in messages:
            yield warning(where, position, message)


def _looks_like_feed(path: str) -> bool:
    try:
        with open_input(path) as fh:
            head = fh.read(4096).lower()
    except OSError:
        return False
    return any(root in head for root in _FEED_ROOTS)
