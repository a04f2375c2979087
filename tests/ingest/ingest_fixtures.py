"""Shared by the reader tests: short news texts written for these tests, a web page maker, a WARC writer.

Imported by name (`from ingest_fixtures import ...`): pytest puts this folder on sys.path."""

from __future__ import annotations

import io
import pathlib
from typing import Optional

# Invented news copy (not taken from any publisher), long enough for trafilatura to keep as main text.
TALKS = (
    "The foreign ministers of Chile and Argentina met in Santiago on Monday to discuss a joint plan "
    "for managing glacier water in the Andes, officials from both governments said."
)
TALKS_MORE = (
    "Neither side announced an agreement, but the Argentine minister told reporters that technical "
    "teams would meet again next month to compare river flow data collected since 2019."
)
PROTEST = (
    "Several thousand teachers marched through central Nairobi on Wednesday to demand overdue pay, "
    "and police fired tear gas when the crowd approached the parliament building, witnesses said."
)
PROTEST_MORE = (
    "The Kenya National Union of Teachers said it would call a national strike next week if the "
    "Treasury did not release the funds, according to a statement issued late on Wednesday."
)
SANCTIONS = (
    "The European Union on Thursday imposed asset freezes on six officials it accuses of organising "
    "the violent dispersal of opposition rallies in Minsk last spring, diplomats in Brussels said."
)
SANCTIONS_MORE = (
    "The Belarusian foreign ministry called the measures an unfriendly act and said it would "
    "respond in kind, without giving details of what steps it was considering."
)


def page(title: str, *paragraphs: str, published: Optional[str] = None, charset: str = "utf-8") -> str:
    """A news web page with navigation and footer boilerplate around the article."""
    meta = '<meta property="article:published_time" content="%s">' % published if published else ""
    body = "".join("<p>%s</p>" % p for p in paragraphs)
    return (
        '<!DOCTYPE html><html><head><meta charset="%s"><title>%s</title>%s</head><body>'
        '<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>'
        "<article><h1>%s</h1>%s</article>"
        "<footer>Copyright 2024 Example Daily. All rights reserved.</footer></body></html>"
        % (charset, title, meta, title, body)
    )


class WarcBuilder:
    """Writes a WARC file record by record (with warcio), remembering where each record starts."""

    def __init__(self, path: pathlib.Path, gzip: bool):
        from warcio.warcwriter import WARCWriter

        self.path = path
        self.fh = open(path, "wb")
        self.writer = WARCWriter(self.fh, gzip=gzip)
        self.offsets: list[int] = []

    def response(
        self,
        url: str,
        body: bytes,
        status: str = "200 OK",
        content_type: str = "text/html; charset=utf-8",
        date: str = "2024-03-05T10:00:00Z",
    ) -> None:
        from warcio.statusandheaders import StatusAndHeaders

        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = self.writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=headers, warc_headers_dict={"WARC-Date": date}
        )
        self._write(record)

    def request(self, url: str) -> None:
        from warcio.statusandheaders import StatusAndHeaders

        headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example.org")], is_http_request=True)
        self._write(self.writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=headers))

    def _write(self, record) -> None:
        self.offsets.append(self.fh.tell())
        self.writer.write_record(record)

    def close(self) -> list[int]:
        self.fh.close()
        return self.offsets
