"""HTML files: boilerplate removed (by pipeline.prepare), charset found, empty pages reported."""

from __future__ import annotations

from ingest_fixtures import TALKS, TALKS_MORE, page

from diurna.ingest.base import IngestError, RawArticle
from diurna.ingest.html import fragment_to_text, meta_charset, read_html
from diurna.pipeline import prepare
from diurna.records import Article


def test_an_html_file_becomes_its_article_text_title_and_date(tmp_path):
    path = tmp_path / "andes.html"
    path.write_text(
        page("Chile and Argentina discuss glacier water", TALKS, TALKS_MORE, published="2024-03-04T09:30:00+00:00"),
        encoding="utf-8",
    )
    [raw] = read_html(str(path))
    assert isinstance(raw, RawArticle) and raw.origin == str(path)
    article = prepare(raw)
    assert isinstance(article, Article)
    assert TALKS in article.text and TALKS_MORE in article.text
    assert "All rights reserved" not in article.text and "Sport" not in article.text
    assert article.title == "Chile and Argentina discuss glacier water"
    assert article.published == "2024-03-04"


def test_a_page_in_a_declared_legacy_charset_is_decoded_by_its_meta_tag(tmp_path):
    text = "Министр иностранных дел Беларуси заявил в понедельник, что Минск ответит на новые санкции."
    html = page("Минск", text, text.replace("понедельник", "вторник"), charset="windows-1251")
    path = tmp_path / "minsk.htm"
    path.write_bytes(html.encode("cp1251"))
    [raw] = read_html(str(path))
    assert text in raw.html


def test_meta_charset_is_found_in_both_html5_and_http_equiv_forms():
    assert meta_charset(b'<head><meta charset="ISO-8859-2">') == "ISO-8859-2"
    assert meta_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">') == "koi8-r"
    assert meta_charset(b"<head><title>No charset</title>") is None


def test_html_with_no_text_is_an_error_naming_the_file(tmp_path):
    path = tmp_path / "blank.html"
    path.write_text(
        "<!DOCTYPE html><html><head><title></title></head><body><div></div></body></html>", encoding="utf-8"
    )
    [raw] = read_html(str(path))
    error = prepare(raw)
    assert isinstance(error, IngestError)
    assert error.path == str(path) and "no article text" in error.message


def test_an_image_named_html_is_a_binary_error(tmp_path):
    path = tmp_path / "photo.html"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
    [error] = read_html(str(path))
    assert isinstance(error, IngestError) and "PNG" in error.message


def test_fragments_keep_paragraphs_and_drop_scripts():
    fragment = (
        "<p>Talks resumed in <b>Doha</b> on Sunday.</p><p>A deal is &quot;close&quot;, aides said.</p>"
        "<script>track()</script>"
    )
    assert fragment_to_text(fragment) == 'Talks resumed in Doha on Sunday.\nA deal is "close", aides said.'


def test_a_plain_text_fragment_is_unescaped_as_is():
    assert fragment_to_text("Aid convoy reaches Goma &amp; Bukavu") == "Aid convoy reaches Goma & Bukavu"


def test_text_nested_deeper_than_the_parser_default_is_read():
    """libxml2 stops building the tree 255 elements deep; the page is parsed again as a huge tree."""
    from diurna.ingest.html import html_to_text

    deep = "<html><body>" + "<div>" * 300 + "<p>" + TALKS + "</p>" + "</div>" * 300 + "</body></html>"
    extracted = html_to_text(deep)
    assert extracted.text == TALKS and extracted.problem is None


def test_text_beyond_what_the_parser_reads_is_reported_as_such():
    deep = "<html><body>" + "<div>" * 5000 + "<p>" + TALKS + "</p>" + "</div>" * 5000 + "</body></html>"
    result = prepare(RawArticle(origin="deep.html", html=deep))
    assert isinstance(result, IngestError) and "nested at least 2048 elements deep" in result.message
