"""JSON Lines: every bad line is an error naming `line N`, and every good line around it is kept."""

from __future__ import annotations

import gzip
import json

import pytest
from ingest_fixtures import PROTEST, SANCTIONS, SANCTIONS_MORE, TALKS, page

from diurna.ingest.base import IngestError, RawArticle
from diurna.ingest.jsonl import read_jsonl
from diurna.pipeline import prepare
from diurna.records import Article


def _line(**fields) -> str:
    return json.dumps(fields, ensure_ascii=False)


def _write(tmp_path, lines, name="wire.jsonl"):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_each_line_is_an_article_with_its_metadata_and_line_number(tmp_path):
    path = _write(
        tmp_path,
        [
            _line(
                id="wire-001",
                text=TALKS,
                title="Andes water talks",
                date="2024-03-04",
                url="https://news.example.org/andes",
                source="Example Wire",
            ),
            _line(text=PROTEST, date="2024-03-06T18:45:00+03:00"),
        ],
    )
    first, second = read_jsonl(path)
    assert (first.id, first.text, first.title, first.date, first.url, first.source) == (
        "wire-001",
        TALKS,
        "Andes water talks",
        "2024-03-04",
        "https://news.example.org/andes",
        "Example Wire",
    )
    assert first.origin == path + "@line 1"
    assert second.origin == path + "@line 2" and second.id is None
    assert prepare(second).published == "2024-03-06"


def test_html_lines_have_their_boilerplate_removed_by_prepare(tmp_path):
    path = _write(tmp_path, [_line(html=page("EU sanctions", SANCTIONS, SANCTIONS_MORE), date="2024-03-07")])
    [raw] = read_jsonl(path)
    assert raw.html is not None and raw.text is None
    article = prepare(raw)
    assert isinstance(article, Article) and SANCTIONS in article.text and "Copyright" not in article.text


BAD_LINES = [
    ('{"text": "Unclosed string, the minister said.}', "malformed JSON"),
    ('["a list", "not an object"]', "array"),
    ('"just a string"', "string"),
    ('{"title": "No body at all"}', 'no "text" or "html"'),
    ('{"text": 42}', "'text' must be a string"),
    ('{"text": "Fine text.", "title": ["a", "list"]}', "'title' must be a string"),
    ('{"text": "Fine text.", "id": {"nested": true}}', "'id' must be a string or an integer"),
    ('{"text": "Fine text.", "date": 20240304}', "'date' must be a string"),
]


@pytest.mark.parametrize("bad, reason", BAD_LINES)
def test_a_bad_line_is_an_error_naming_it_and_its_neighbours_are_kept(tmp_path, bad, reason):
    path = _write(tmp_path, [_line(text=TALKS), bad, _line(text=PROTEST)])
    items = list(read_jsonl(path))
    assert [type(item) for item in items] == [RawArticle, IngestError, RawArticle]
    error = items[1]
    assert error.path == path and error.position == "line 2"
    assert reason in error.message
    assert [items[0].text, items[2].text] == [TALKS, PROTEST]


def test_an_undecodable_line_is_an_error_and_the_rest_is_read(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        _line(text=TALKS).encode()
        + b'\n{"text": "Caf\xe9 owners protested."}\n'
        + _line(text=SANCTIONS).encode()
        + b"\n"
    )
    items = list(read_jsonl(str(path)))
    assert [type(item) for item in items] == [RawArticle, IngestError, RawArticle]
    assert items[1].position == "line 2" and "UTF-8" in items[1].message


def test_blank_lines_and_a_bom_are_harmless_and_line_numbers_stay_true(tmp_path):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + _line(text=TALKS).encode() + b"\n\n   \n" + _line(text=PROTEST).encode())
    first, second = read_jsonl(str(path))
    assert first.origin.endswith("@line 1") and second.origin.endswith("@line 4")


def test_an_unreadable_date_is_a_warning_and_the_article_is_kept(tmp_path):
    path = _write(tmp_path, [_line(text=TALKS, date="the Monday after Easter")])
    warning, article = read_jsonl(path)
    assert warning.kind == "warning" and warning.position == "line 1" and "date" in warning.message
    assert isinstance(article, RawArticle) and article.date is None


def test_integer_ids_are_kept_as_strings(tmp_path):
    [article] = read_jsonl(_write(tmp_path, [_line(id=1042, text=TALKS)]))
    assert article.id == "1042"


def test_an_empty_text_reaches_prepare_which_reports_the_line(tmp_path):
    path = _write(tmp_path, [_line(text="   ")])
    [raw] = read_jsonl(path)
    error = prepare(raw)
    assert isinstance(error, IngestError) and error.position == "line 1" and error.path == path


def test_an_empty_file_is_an_error(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_bytes(b"")
    [error] = read_jsonl(str(path))
    assert isinstance(error, IngestError) and "empty" in error.message


def test_gzipped_jsonl_is_streamed_and_a_cut_gzip_keeps_the_lines_before_it(tmp_path):
    lines = "".join(_line(id="a%d" % i, text=TALKS + " (%d)" % i) + "\n" for i in range(400))
    packed = gzip.compress(lines.encode("utf-8"))
    whole = tmp_path / "wire.jsonl.gz"
    whole.write_bytes(packed)
    assert len([item for item in read_jsonl(str(whole)) if isinstance(item, RawArticle)]) == 400
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(packed[: len(packed) // 2])
    items = list(read_jsonl(str(cut)))
    assert isinstance(items[-1], IngestError) and items[-1].position.startswith("line ")
    kept = [item for item in items if isinstance(item, RawArticle)]
    assert 0 < len(kept) < 400
    assert [a.id for a in kept] == ["a%d" % i for i in range(len(kept))]


# ---------------------------------------------------------------- hostile lines (issue 23)


def test_a_line_over_the_limit_is_skipped_unread_and_the_next_lines_kept(tmp_path):
    import io

    from diurna.ingest.jsonl import read_jsonl_stream

    data = (_line(id="a", text=TALKS) + "\n" + "x" * 5000 + "\n" + _line(id="b", text=TALKS) + "\n").encode()
    items = list(read_jsonl_stream(io.BytesIO(data), "wire.jsonl", max_line=1000))
    assert [i.id for i in items if isinstance(i, RawArticle)] == ["a", "b"]
    error = next(i for i in items if isinstance(i, IngestError))
    assert error.position == "line 2" and "longer than 1000 bytes (5001 bytes)" in error.message


def test_a_gzipped_line_far_over_the_limit_is_skipped(tmp_path, monkeypatch):
    from diurna.ingest import jsonl

    path = tmp_path / "z.jsonl.gz"
    with gzip.open(path, "wb", compresslevel=1) as out:
        out.write(b"a" * (8 * 1024 * 1024) + b"\n" + _line(id="after", text=TALKS).encode() + b"\n")
    monkeypatch.setattr(jsonl, "MAX_LINE_BYTES", 1024 * 1024)
    items = list(jsonl.read_jsonl(str(path)))
    assert "line longer than" in items[0].message and items[1].id == "after"


@pytest.mark.parametrize(
    "bad, reason",
    [
        ('{"id": "d", "text": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply"),
        ('{"id": "n", "text": "x", "count": ' + "9" * 5000 + "}", "more than 4,300 digits"),
    ],
)
def test_lines_that_used_to_end_the_file_are_errors_of_their_line(tmp_path, bad, reason):
    path = _write(tmp_path, [_line(id="a", text=TALKS), bad, _line(id="b", text=TALKS)])
    items = list(read_jsonl(path))
    assert [i.id for i in items if isinstance(i, RawArticle)] == ["a", "b"]
    error = next(i for i in items if isinstance(i, IngestError))
    assert error.position == "line 2" and reason in error.message


@pytest.mark.parametrize(
    "encoding, bom", [("utf-16-le", True), ("utf-16-be", True), ("utf-16-le", False), ("utf-32-le", True)]
)
def test_utf16_and_utf32_files_are_named_as_such(tmp_path, encoding, bom):
    path = tmp_path / "wide.jsonl"
    path.write_bytes(("\ufeff" if bom else "").encode(encoding) + (_line(text=TALKS) + "\n").encode(encoding))
    [error] = list(read_jsonl(str(path)))
    assert error.message.startswith("the file is UTF-%s" % encoding[4:6]) and "must be UTF-8" in error.message


@pytest.mark.parametrize(
    "date, problem",
    [
        ("0001-01-01", "outside the publication dates"),
        ("9999-12-31", "outside the publication dates"),
        ("2017-13-45", "not a valid date"),
    ],
)
def test_unusable_dates_are_warned_about_and_the_article_kept(tmp_path, date, problem):
    items = list(read_jsonl(_write(tmp_path, [_line(id="a", text=TALKS, date=date)])))
    warning, article = items
    assert warning.kind == "warning" and problem in warning.message
    assert article.date is None
