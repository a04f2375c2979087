"""diurna.ingest.sanitize: strings from outside are made storable and printable at one boundary."""

from __future__ import annotations

import os

from ingest_fixtures import TALKS

from diurna.ingest import read_paths
from diurna.ingest.base import IngestError, RawArticle
from diurna.ingest.sanitize import printable, repair_article, without_surrogates


def test_lone_surrogates_become_replacement_characters_and_are_counted():
    assert without_surrogates("a\ud800b\udfffc") == ("a\ufffdb\ufffdc", 2)
    assert without_surrogates("plain – text 😀") == ("plain – text 😀", 0)
    "a\ufffdb".encode("utf-8")  # what replaces them is encodable


def test_a_repaired_article_says_what_was_repaired():
    raw = RawArticle(origin="x.jsonl@line 2", text=TALKS + "\udc00", title="\ud800", id="a\ud83d")
    messages = repair_article(raw)
    assert raw.title == "\ufffd" and raw.text.endswith("\ufffd") and raw.id == "a\ufffd"
    assert len(messages) == 1 and "1 in text" in messages[0] and "1 in title" in messages[0]
    assert repair_article(RawArticle(origin="y.txt", text=TALKS)) == []


def test_errors_never_carry_escape_sequences_or_surrogates():
    error = IngestError("\x1b[31mred.warc", "offset 0", "bad header \x1b]0;title\x07 \udcff")
    assert "\x1b" not in str(error) and "\x07" not in str(error)
    assert "\\x1b[31mred.warc" in str(error) and "\\udcff" in str(error)
    str(error).encode("utf-8")
    assert printable("ordinary path/ä.txt") == "ordinary path/ä.txt"


def test_read_paths_repairs_every_reader_and_warns_at_the_record(tmp_path):
    (tmp_path / "wire.jsonl").write_text('{"id": "a", "title": "\\ud800", "text": "%s"}\n' % TALKS, encoding="utf-8")
    items = list(read_paths([str(tmp_path)]))
    warning, article = items
    assert warning.kind == "warning" and warning.position == "line 1" and "surrogates" in warning.message
    assert isinstance(article, RawArticle) and article.title == "\ufffd"


def test_a_file_name_with_undecodable_bytes_is_read_and_named_printably(tmp_path):
    name = os.fsencode(tmp_path) + b"/\xff\x1b.txt"
    with open(name, "wb") as out:
        out.write(TALKS.encode())
    items = list(read_paths([str(tmp_path)]))
    article = next(i for i in items if isinstance(i, RawArticle))
    assert "\\udcff\\x1b.txt" in article.origin
    article.origin.encode("utf-8")
