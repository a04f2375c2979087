"""WARC archives: HTML responses become articles; damaged records are errors naming their offset."""

from __future__ import annotations

import pytest
from ingest_fixtures import PROTEST, PROTEST_MORE, SANCTIONS, SANCTIONS_MORE, TALKS, TALKS_MORE, page

from diurna.ingest.base import IngestError, RawArticle
from diurna.ingest.warc import read_warc
from diurna.pipeline import prepare
from diurna.records import Article

PAGES = [
    ("https://news.example.org/2024/03/andes-water", page("Andes water talks", TALKS, TALKS_MORE)),
    ("https://news.example.org/2024/03/nairobi-teachers", page("Teachers march", PROTEST, PROTEST_MORE)),
    ("https://news.example.org/2024/03/eu-minsk", page("EU sanctions", SANCTIONS, SANCTIONS_MORE)),
]


def _archive(warc_builder, path, gzip=True):
    builder = warc_builder(path, gzip=gzip)
    for url, html in PAGES:
        builder.request(url)
        builder.response(url, html.encode("utf-8"))
    return builder.close()


def _articles(items):
    return [item for item in items if isinstance(item, RawArticle)]


@pytest.mark.parametrize("gzip", [True, False])
def test_html_responses_become_articles_with_url_date_and_record_offset(tmp_path, warc_builder, gzip):
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    offsets = _archive(warc_builder, path, gzip)
    items = list(read_warc(str(path)))
    assert all(isinstance(item, RawArticle) for item in items)
    assert [a.url for a in items] == [url for url, _ in PAGES]
    assert [a.origin for a in items] == ["%s@offset %d" % (path, offsets[i]) for i in (1, 3, 5)]
    assert items[0].date == "2024-03-05" and items[0].title == "Andes water talks"
    assert TALKS in items[0].text and "Copyright" not in items[0].text
    assert isinstance(prepare(items[1]), Article)


def test_other_records_statuses_and_content_types_are_skipped(tmp_path, warc_builder):
    builder = warc_builder(tmp_path / "mixed.warc.gz")
    builder.response(
        "https://news.example.org/missing", page("Not found", "Page not found.").encode(), status="404 Not Found"
    )
    builder.response("https://news.example.org/logo.png", b"\x89PNG\r\n\x1a\n", content_type="image/png")
    builder.response("https://news.example.org/moved", b"", status="301 Moved Permanently")
    builder.response(
        "https://news.example.org/andes",
        page("Andes", TALKS, TALKS_MORE).encode(),
        content_type="application/xhtml+xml",
    )
    builder.close()
    [article] = read_warc(str(tmp_path / "mixed.warc.gz"))
    assert article.url == "https://news.example.org/andes"


def test_a_page_date_later_than_the_capture_is_not_believed(tmp_path, warc_builder):
    builder = warc_builder(tmp_path / "dates.warc.gz")
    builder.response(
        "https://a.example.org/1",
        page("A", TALKS, TALKS_MORE, published="2024-02-28").encode(),
        date="2024-03-05T10:00:00Z",
    )
    builder.response(
        "https://a.example.org/2",
        page("B", PROTEST, PROTEST_MORE, published="2031-01-01").encode(),
        date="2024-03-05T10:00:00Z",
    )
    builder.close()
    first, second = read_warc(str(tmp_path / "dates.warc.gz"))
    assert first.date == "2024-02-28"  # the page's own publication date
    assert second.date == "2024-03-05"  # capture date: a page cannot be published after its capture


def test_a_legacy_charset_from_the_http_header_is_used(tmp_path, warc_builder):
    text = "Министр иностранных дел Беларуси заявил в понедельник, что Минск ответит на новые санкции ЕС."
    html = page("Минск", text, text.replace("понедельник", "вторник"), charset="windows-1251")
    builder = warc_builder(tmp_path / "cyr.warc.gz")
    builder.response(
        "https://by.example.org/1",
        html.replace('<meta charset="windows-1251">', "").encode("cp1251"),
        content_type="text/html; charset=windows-1251",
    )
    builder.close()
    [article] = read_warc(str(tmp_path / "cyr.warc.gz"))
    assert text in article.text


@pytest.mark.parametrize("gzip", [True, False])
def test_a_truncated_last_record_is_an_error_at_its_offset_and_earlier_records_are_kept(tmp_path, warc_builder, gzip):
    whole = tmp_path / ("whole.warc.gz" if gzip else "whole.warc")
    offsets = _archive(warc_builder, whole, gzip)
    cut = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    cut.write_bytes(whole.read_bytes()[: offsets[5] + 200])  # in the middle of the last response
    items = list(read_warc(str(cut)))
    assert [a.url for a in _articles(items)] == [PAGES[0][0], PAGES[1][0]]
    [error] = [item for item in items if isinstance(item, IngestError)]
    assert error.path == str(cut) and error.position == "offset %d" % offsets[5]
    assert "truncated or corrupt" in error.message


@pytest.mark.parametrize("gzip", [True, False])
def test_a_corrupt_record_in_the_middle_is_skipped_and_reading_resumes_after_it(tmp_path, warc_builder, gzip):
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    offsets = _archive(warc_builder, path, gzip)
    data = bytearray(path.read_bytes())
    garbage = b"\x00garbage written over the record head\x00"
    data[offsets[3] : offsets[3] + len(garbage)] = garbage
    path.write_bytes(bytes(data))
    items = list(read_warc(str(path)))
    assert [a.url for a in _articles(items)] == [PAGES[0][0], PAGES[2][0]]
    errors = [item for item in items if isinstance(item, IngestError) and item.kind == "error"]
    assert [e.position for e in errors] == ["offset %d" % offsets[3]]
    resumed = [item for item in items if isinstance(item, IngestError) and item.kind == "warning"]
    assert resumed and "resumed" in resumed[0].message


def test_a_file_that_is_not_a_warc_is_one_error(tmp_path):
    path = tmp_path / "page.warc"
    path.write_text(page("Andes", TALKS), encoding="utf-8")
    [error] = read_warc(str(path))
    assert isinstance(error, IngestError) and error.position == "offset 0"


def test_an_empty_warc_is_an_error(tmp_path):
    path = tmp_path / "empty.warc.gz"
    path.write_bytes(b"")
    [error] = read_warc(str(path))
    assert "empty" in error.message
