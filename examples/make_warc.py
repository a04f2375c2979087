"""Build examples/warc/crawl-2026-11.warc.gz from HTML examples, as a crawler would have captured them.

    .venv/bin/python examples/make_warc.py        # rewrites the committed WARC; the output is byte-identical
                                                  # on every run (fixed dates, record ids derived from URLs)

The archive holds what a real crawl holds around the pages diurna wants: a warcinfo record, a request
before each response, a 404 page, an image and a redirect. `diurna` reads only the three HTML pages
answered with status 200; tests/ingest/test_examples.py checks that, and that this script reproduces
the committed file.
"""

from __future__ import annotations

import argparse
import io
import pathlib
import uuid
from typing import Optional

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = pathlib.Path(__file__).resolve().parent
OUTPUT = HERE / "warc" / "crawl-2026-11.warc.gz"
SITE = "https://news.example.net"

# (HTML example, the URL it was captured from, when it was captured)
CAPTURES = [
    (
        "html/yemen-airstrike-market.html",
        SITE + "/middle-east/2026/10/29/yemen-saada-market-airstrike",
        "2026-10-29T17:42:10Z",
    ),
    (
        "html/niger-reservists-mobilised.html",
        SITE + "/africa/2026/11/05/niger-reservists-tillaberi",
        "2026-11-06T06:15:33Z",
    ),
    (
        "html/turkey-egypt-phone-call.html",
        SITE + "/world/2026/11/20/turkey-egypt-call-gaza-libya",
        "2026-11-20T19:03:51Z",
    ),
]
NOT_FOUND = (
    b"<!DOCTYPE html><html><head><title>Page not found</title></head><body><h1>404</h1>"
    b"<p>The page you requested does not exist.</p></body></html>"
)
# The smallest valid GIF: a 1x1 transparent pixel, as tracking images are.
PIXEL = bytes.fromhex("47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b")


def record_id(*parts: str) -> str:
    """A WARC-Record-ID that is the same on every run (uuid5 of the URL and record type)."""
    return "<urn:uuid:%s>" % uuid.uuid5(uuid.NAMESPACE_URL, "|".join(parts))


def write_request(writer: WARCWriter, url: str, date: str) -> None:
    path = "/" + url.split("/", 3)[3]
    http = StatusAndHeaders(
        "GET %s HTTP/1.1" % path,
        [("Host", url.split("/")[2]), ("User-Agent", "diurna-example-crawler/1.0")],
        is_http_request=True,
    )
    writer.write_record(
        writer.create_warc_record(
            url,
            "request",
            payload=io.BytesIO(b""),
            http_headers=http,
            warc_headers_dict={"WARC-Date": date, "WARC-Record-ID": record_id(url, "request")},
        )
    )


def write_response(
    writer: WARCWriter,
    url: str,
    date: str,
    body: bytes,
    status: str,
    content_type: str,
    extra_headers: Optional[list[tuple[str, str]]] = None,
) -> None:
    http = StatusAndHeaders(
        status,
        [("Content-Type", content_type), ("Content-Length", str(len(body)))] + (extra_headers or []),
        protocol="HTTP/1.1",
    )
    writer.write_record(
        writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(body),
            http_headers=http,
            warc_headers_dict={"WARC-Date": date, "WARC-Record-ID": record_id(url, "response")},
        )
    )


def build(output: pathlib.Path) -> None:
    output.parent.mkdir(parents=True, exist_ok=True)
    with open(output, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        info = writer.create_warcinfo_record(
            output.name,
            {"software": "diurna examples/make_warc.py", "description": "invented pages for diurna's examples"},
        )
        info.rec_headers.replace_header("WARC-Date", "2026-11-20T19:00:00Z")
        info.rec_headers.replace_header("WARC-Record-ID", record_id(output.name, "warcinfo"))
        writer.write_record(info)
        for example, url, date in CAPTURES:
            body = (HERE / example).read_bytes()
            write_request(writer, url, date)
            write_response(writer, url, date, body, "200 OK", "text/html; charset=utf-8")
        write_response(
            writer,
            SITE + "/world/2026/11/01/removed-story",
            "2026-11-06T06:16:02Z",
            NOT_FOUND,
            "404 Not Found",
            "text/html; charset=utf-8",
        )
        write_response(writer, SITE + "/pixel.gif", "2026-11-06T06:16:05Z", PIXEL, "200 OK", "image/gif")
        write_response(
            writer,
            SITE + "/world",
            "2026-11-20T19:04:12Z",
            b"",
            "301 Moved Permanently",
            "text/html; charset=utf-8",
            [("Location", SITE + "/world/")],
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=pathlib.Path, default=OUTPUT, help="where to write (default: %(default)s)")
    build(parser.parse_args().output)


if __name__ == "__main__":
    main()
