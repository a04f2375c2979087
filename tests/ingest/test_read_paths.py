"""read_paths: format detection, directory walks, stdin, missing files, and stable article ids."""

from __future__ import annotations

import io
import json

import pytest
from ingest_fixtures import PROTEST, PROTEST_MORE, SANCTIONS, SANCTIONS_MORE, TALKS, TALKS_MORE, page

from diurna.ingest import detect_format, read_file, read_paths
from diurna.ingest.base import IngestError, RawArticle, split_origin
from diurna.pipeline import prepare
from diurna.records import Article


@pytest.mark.parametrize(
    "name, fmt",
    [
        ("a.txt", "txt"),
        ("A.TXT", "txt"),
        ("a.txt.gz", "txt"),
        ("a.html", "html"),
        ("a.htm", "html"),
        ("a.jsonl", "jsonl"),
        ("a.ndjson", "jsonl"),
        ("a.jsonl.gz", "jsonl"),
        ("a.warc", "warc"),
        ("a.warc.gz", "warc"),
        ("a.rss", "feed"),
        ("a.atom", "feed"),
        ("a.pdf", None),
        ("a.json", None),
        ("a.gz", None),
        ("-", "txt"),
    ],
)
def test_formats_are_detected_from_extensions(name, fmt):
    assert detect_format(name) == fmt


def test_xml_files_are_feeds_only_when_their_root_is_rss_or_atom(tmp_path):
    feed = tmp_path / "news.xml"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', encoding="utf-8")
    sitemap = tmp_path / "sitemap.xml"
    sitemap.write_text(
        '<?xml version="1.0"?><urlset><url><loc>https://a.example</loc></url></urlset>', encoding="utf-8"
    )
    assert detect_format(str(feed)) == "feed"
    assert detect_format(str(sitemap)) is None


def _corpus(root):
    """A folder holding one article in each format, in nested folders, plus files diurna does not read."""
    (root / "b" / "deep").mkdir(parents=True)
    (root / "a.txt").write_text(PROTEST + " " + PROTEST_MORE, encoding="utf-8")
    (root / "b" / "page.html").write_text(page("Andes", TALKS, TALKS_MORE), encoding="utf-8")
    (root / "b" / "deep" / "wire.jsonl").write_text(
        json.dumps({"id": "w1", "text": SANCTIONS, "date": "2024-03-07"}) + "\n", encoding="utf-8"
    )
    (root / "c.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><item><link>https://w.example/1</link>'
        "<description>%s</description></item></channel></rss>" % SANCTIONS_MORE,
        encoding="utf-8",
    )
    (root / "notes.md").write_text("# Notes\n", encoding="utf-8")
    (root / ".hidden.txt").write_text("Not to be read.", encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "HEAD.txt").write_text("Not to be read either.", encoding="utf-8")


def test_directories_are_walked_recursively_in_sorted_order_skipping_hidden_files(tmp_path):
    _corpus(tmp_path)
    items = list(read_paths([str(tmp_path)]))
    articles = [item for item in items if isinstance(item, RawArticle)]
    assert [split_origin(a.origin)[0] for a in articles] == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "b" / "deep" / "wire.jsonl"),
        str(tmp_path / "b" / "page.html"),
        str(tmp_path / "c.rss"),
    ]
    [skipped] = [item for item in items if isinstance(item, IngestError)]
    assert skipped.kind == "warning" and skipped.path == str(tmp_path / "notes.md")


def test_every_reader_output_prepares_into_an_article(tmp_path):
    _corpus(tmp_path)
    articles = [prepare(item, "2024-03-10") for item in read_paths([str(tmp_path)]) if isinstance(item, RawArticle)]
    assert len(articles) == 4 and all(isinstance(a, Article) for a in articles)
    assert [a.published for a in articles] == ["2024-03-10", "2024-03-07", "2024-03-10", "2024-03-10"]


def test_the_same_input_gives_the_same_article_ids_twice(tmp_path):
    _corpus(tmp_path)

    def ids():
        return [prepare(item, "2024-03-10").id for item in read_paths([str(tmp_path)]) if isinstance(item, RawArticle)]

    first = ids()
    assert first == ids() and len(set(first)) == 4
    assert "w1" in first  # an id the JSONL gives is kept as it is


def test_explicit_unknown_or_missing_paths_are_errors_and_the_rest_is_read(tmp_path):
    (tmp_path / "a.txt").write_text(TALKS, encoding="utf-8")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4\n")
    items = list(read_paths([str(tmp_path / "report.pdf"), str(tmp_path / "nowhere.txt"), str(tmp_path / "a.txt")]))
    assert [type(item) for item in items] == [IngestError, IngestError, RawArticle]
    assert items[0].path.endswith("report.pdf") and "not an input format" in items[0].message
    assert items[1].path.endswith("nowhere.txt") and "no such file" in items[1].message
    assert items[2].text == TALKS


def test_a_dash_reads_one_plain_text_article_from_stdin(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(PROTEST.encode("utf-8")), encoding="utf-8"))
    [article] = read_paths(["-"])
    assert article.text == PROTEST


def test_an_unexpected_reader_failure_becomes_an_error_for_that_file(tmp_path, monkeypatch):
    def broken_reader(path):
        yield RawArticle(origin=path, text=TALKS)
        raise RuntimeError("disk went away")

    monkeypatch.setattr("diurna.ingest._reader", lambda fmt: broken_reader)
    (tmp_path / "a.txt").write_text(TALKS, encoding="utf-8")
    article, error = read_file(str(tmp_path / "a.txt"))
    assert article.text == TALKS
    assert isinstance(error, IngestError) and "disk went away" in error.message


@pytest.mark.parametrize(
    "origin, parts",
    [
        ("news/wire.jsonl@line 17", ("news/wire.jsonl", "line 17")),
        ("crawl@2024/a.warc.gz@offset 1234", ("crawl@2024/a.warc.gz", "offset 1234")),
        ("mail@home/a.txt", ("mail@home/a.txt", None)),
    ],
)
def test_origins_split_back_into_path_and_position_even_with_at_signs_in_paths(origin, parts):
    assert split_origin(origin) == parts


# ---------------------------------------------------------------- links and special files (issue 23)


def test_links_inside_a_folder_are_reported_not_followed(tmp_path):
    import os

    (tmp_path / "a.txt").write_text(TALKS, encoding="utf-8")
    os.symlink("/etc/passwd", tmp_path / "passwd.txt")
    os.symlink("/dev/zero", tmp_path / "zero.jsonl")
    items = list(read_paths([str(tmp_path)]))
    articles = [i for i in items if isinstance(i, RawArticle)]
    assert [split_origin(a.origin)[0] for a in articles] == [str(tmp_path / "a.txt")]
    skipped = {i.path: i for i in items if isinstance(i, IngestError)}
    assert skipped[str(tmp_path / "passwd.txt")].kind == "warning"
    assert "a symbolic link (to /etc/passwd)" in skipped[str(tmp_path / "passwd.txt")].message
    assert "--follow-symlinks" in skipped[str(tmp_path / "zero.jsonl")].message


def test_followed_links_still_read_only_regular_files_and_walk_a_loop_once(tmp_path):
    import os

    target = tmp_path / "elsewhere.txt"
    target.write_text(TALKS, encoding="utf-8")
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    os.symlink(target, corpus / "linked.txt")
    os.symlink("/dev/zero", corpus / "zero.jsonl")
    os.symlink("..", corpus / "sub" / "up")
    items = list(read_paths([str(corpus)], follow_symlinks=True))
    assert [i.text for i in items if isinstance(i, RawArticle)] == [TALKS]
    messages = {i.path: i.message for i in items if isinstance(i, IngestError)}
    assert messages[str(corpus / "zero.jsonl")] == "cannot read: a character device, not a regular file"
    assert "already read" in messages[str(corpus / "sub" / "up")]


@pytest.mark.timeout(60)
@pytest.mark.parametrize("name", ["fifo.txt", "fifo.jsonl", "fifo.warc", "fifo.html", "fifo.xml"])
def test_a_fifo_is_an_error_never_a_hang(tmp_path, name):
    import os

    os.mkfifo(tmp_path / name)
    (tmp_path / "b.txt").write_text(TALKS, encoding="utf-8")
    items = list(read_paths([str(tmp_path)]))  # a blocking open() would never return
    assert [i.text for i in items if isinstance(i, RawArticle)] == [TALKS]
    [problem] = [i for i in items if isinstance(i, IngestError)]
    assert "named pipe" in problem.message or "not an input format" in problem.message
    assert list(read_paths([str(tmp_path / name)]))  # named on its own: an error too, not a hang
