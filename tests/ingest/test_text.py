"""Plain-text files and stdin: one article each; empty, binary and corrupt files are located errors."""

from __future__ import annotations

import codecs
import gzip
import io

from ingest_fixtures import PROTEST, PROTEST_MORE

from diurna.ingest.base import IngestError, RawArticle
from diurna.ingest.text import MAX_ARTICLE_BYTES, read_stdin, read_text


def test_a_text_file_is_one_article_with_its_path_as_origin(tmp_path):
    path = tmp_path / "nairobi.txt"
    path.write_text(PROTEST + "\n\n" + PROTEST_MORE, encoding="utf-8")
    [article] = read_text(str(path))
    assert isinstance(article, RawArticle)
    assert article.text == PROTEST + "\n\n" + PROTEST_MORE
    assert article.origin == str(path)
    assert article.date is None and article.url is None


def test_utf16_text_with_a_bom_is_read(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + PROTEST.encode("utf-16-le"))
    [article] = read_text(str(path))
    assert article.text == PROTEST


def test_an_empty_file_is_an_error_naming_it(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    [error] = read_text(str(path))
    assert isinstance(error, IngestError)
    assert error.path == str(path) and "empty" in error.message


def test_a_pdf_named_txt_is_reported_as_binary(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    [error] = read_text(str(path))
    assert isinstance(error, IngestError)
    assert "PDF" in error.message and error.position == "offset 0"


def test_undecodable_bytes_are_an_error_naming_the_byte_offset(tmp_path):
    path = tmp_path / "corrupt.txt"
    head = "Délégués à Genève: ".encode("utf-8")
    path.write_bytes(head + b"\xc3\x28 the talks ended.")
    [error] = read_text(str(path))
    assert isinstance(error, IngestError)
    assert error.position == "offset %d" % len(head)
    assert str(path) in str(error) and "offset %d" % len(head) in str(error)


def test_gzipped_text_is_read(tmp_path):
    path = tmp_path / "nairobi.txt.gz"
    path.write_bytes(gzip.compress(PROTEST.encode("utf-8")))
    [article] = read_text(str(path))
    assert article.text == PROTEST


def test_a_truncated_gzip_is_an_error_not_a_crash(tmp_path):
    path = tmp_path / "cut.txt.gz"
    path.write_bytes(gzip.compress((PROTEST * 20).encode("utf-8"))[:60])
    [error] = read_text(str(path))
    assert isinstance(error, IngestError) and error.path == str(path)


def test_a_huge_file_is_read_only_as_far_as_one_article_can_go(tmp_path):
    path = tmp_path / "huge.txt"
    sentence = (PROTEST + "\n").encode("utf-8")
    path.write_bytes(sentence * (MAX_ARTICLE_BYTES // len(sentence) + 10))
    warning, article = read_text(str(path))
    assert warning.kind == "warning" and "only the beginning" in warning.message
    assert len(article.text.encode("utf-8")) <= MAX_ARTICLE_BYTES


def test_stdin_is_one_plain_text_article():
    [article] = read_stdin(io.BytesIO(PROTEST.encode("utf-8")))
    assert article.text == PROTEST and article.origin == "<stdin>"
