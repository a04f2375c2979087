"""WARC-writing helper for the reliability tests."""

from __future__ import annotations

import io


def warc_response(writer, url: str, body: bytes, content_type: str = "text/html; charset=utf-8") -> None:
    """Append one HTTP response record to a warcio WARCWriter."""
    from warcio.statusandheaders import StatusAndHeaders

    headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(body),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": "2024-03-05T10:00:00Z"},
        )
    )
