"""Fuzzing every reader and the coding pipeline: random and mutated inputs never raise, every bad
record becomes an error naming its file and position, and good records in the same file are kept."""

from __future__ import annotations

import gzip
import json
import pathlib
import tempfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warc_helpers import warc_response

from diurna.document import ArticleDoc
from diurna.ingest import read_paths
from diurna.ingest.base import IngestError, RawArticle

FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
EXTENSIONS = [".txt", ".html", ".jsonl", ".warc", ".warc.gz", ".rss", ".atom", ".xml", ".jsonl.gz", ".txt.gz"]
GOOD_LINE = {
    "id": "ok-1",
    "text": "Kenya and Ethiopia signed a border agreement in Nairobi on Monday, officials said.",
    "date": "2024-03-04",
}
SEED_HTML = (
    "<html><head><title>Talks resume</title></head><body><article><h1>Talks resume</h1><p>Negotiators from "
    "Sudan's army and the Rapid Support Forces met in Jeddah on Saturday for a new round of ceasefire talks, "
    "Saudi mediators said.</p><p>Both sides agreed to allow aid convoys into Khartoum.</p></article>"
    "</body></html>"
)
SEED_RSS = (
    "<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title><item><title>Vote</title>"
    "<link>https://news.example.org/vote</link><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>"
    "<description>Lawmakers in Lima voted on Tuesday to remove the interior minister.</description></item>"
    "</channel></rss>"
)


def read_all(path: pathlib.Path) -> list:
    items = list(read_paths([str(path)]))
    for item in items:
        assert isinstance(item, (RawArticle, IngestError)), item
        if isinstance(item, IngestError):
            assert item.path == str(path), item  # every error names the file at fault
            assert item.message
        else:
            assert (item.text is None) != (item.html is None)
    return items


def write(tmp: pathlib.Path, name: str, data: bytes) -> pathlib.Path:
    path = tmp / name
    if name.endswith(".gz") and not name.endswith(".warc.gz"):
        data = gzip.compress(data)
    path.write_bytes(data)
    return path


@FUZZ
@given(data=st.binary(max_size=4096), ext=st.sampled_from(EXTENSIONS))
def test_random_bytes_never_raise_in_any_reader(data, ext):
    with tempfile.TemporaryDirectory() as tmp:
        read_all(write(pathlib.Path(tmp), "input" + ext, data))


def mutate(data: bytes, cuts: list[int], noise: bytes) -> bytes:
    """Truncate, splice random bytes in, and duplicate a piece: the damage real files show."""
    out = bytearray(data)
    for cut in cuts:
        if out:
            pos = cut % len(out)
            out[pos : pos + len(noise)] = noise
    return bytes(out[: max(1, (cuts[0] % (len(out) + 1)) if cuts else len(out))])


@FUZZ
@given(
    cuts=st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=4),
    noise=st.binary(max_size=16),
    which=st.sampled_from(["html", "rss", "jsonl"]),
)
def test_mutated_documents_never_raise(cuts, noise, which):
    seed = {"html": SEED_HTML, "rss": SEED_RSS, "jsonl": json.dumps(GOOD_LINE)}[which].encode("utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        read_all(write(pathlib.Path(tmp), "input." + which, mutate(seed, cuts, noise)))


@FUZZ
@given(
    bad=st.lists(
        st.one_of(
            st.builds(
                json.dumps,
                st.dictionaries(
                    st.sampled_from(["id", "text", "html", "title", "date", "url", "source"]),
                    st.one_of(
                        st.none(),
                        st.integers(),
                        st.floats(allow_nan=True),
                        st.lists(st.integers(), max_size=2),
                        st.text(max_size=20),
                    ),
                    max_size=5,
                ),
            ),
            st.text(max_size=40),
            st.builds(json.dumps, st.lists(st.integers(), max_size=3)),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_jsonl_with_wrong_types_keeps_every_good_line(bad):
    lines = [json.dumps(GOOD_LINE)] + [b.replace("\n", " ") for b in bad] + [json.dumps(dict(GOOD_LINE, id="ok-2"))]
    with tempfile.TemporaryDirectory() as tmp:
        items = read_all(write(pathlib.Path(tmp), "wire.jsonl", "\n".join(lines).encode("utf-8")))
    kept = [i.id for i in items if isinstance(i, RawArticle)]
    assert kept[0] == "ok-1" and kept[-1] == "ok-2"
    for error in (i for i in items if isinstance(i, IngestError) and i.kind == "error"):
        assert error.position and error.position.startswith("line ")


@pytest.mark.parametrize(
    "encoding,bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("utf-8", b"\xef\xbb\xbf"), ("utf-8", b"")]
)
def test_unicode_encodings_with_and_without_bom(tmp_path, encoding, bom):
    text = "Chile's president met Argentina's foreign minister in Santiago on Friday."
    items = read_all(write(tmp_path, "a.txt", bom + text.encode(encoding)))
    if bom or encoding == "utf-8":
        assert [i.text.strip() for i in items if isinstance(i, RawArticle)] == [text]
    else:
        assert items


def test_utf16_without_bom_is_an_error_not_gibberish(tmp_path):
    text = "Chile's president met Argentina's foreign minister in Santiago on Friday."
    items = read_all(write(tmp_path, "a.txt", text.encode("utf-16-le")))
    assert all(isinstance(i, IngestError) for i in items)


def test_invalid_utf8_names_the_byte_offset(tmp_path):
    data = "Talks in Doha — the first since March — ended on Sunday.".encode("utf-8")
    data = data[:20] + b"\xc3\x28" + data[20:]
    items = read_all(write(tmp_path, "a.txt", data))
    errors = [i for i in items if isinstance(i, IngestError) and i.kind == "error"]
    assert errors and "20" in (errors[0].position or "") + errors[0].message


def test_warc_with_broken_headers_keeps_the_good_records(tmp_path):
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        warc_response(writer, "https://news.example.org/a", SEED_HTML.encode())
        fh.write(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: banana\r\n\r\ngarbage\r\n\r\n")
        warc_response(writer, "https://news.example.org/b", SEED_HTML.replace("Jeddah", "Geneva").encode())
    items = read_all(path)
    urls = [i.url for i in items if isinstance(i, RawArticle)]
    assert "https://news.example.org/a" in urls
    assert any(isinstance(i, IngestError) and i.kind == "error" for i in items)


def test_feed_with_missing_fields(tmp_path):
    rss = (
        "<?xml version='1.0'?><rss version='2.0'><channel><item><title>No body</title></item>"
        "<item><description>Police in Dhaka arrested dozens of opposition activists on Sunday.</description></item>"
        "<item></item></channel></rss>"
    )
    items = read_all(write(tmp_path, "wire.rss", rss.encode()))
    assert [i.text for i in items if isinstance(i, RawArticle)] == [
        "Police in Dhaka arrested dozens of opposition activists on Sunday."
    ]


# ------------------------------------------------------------------ the coding pipeline


@settings(max_examples=25, deadline=None)
@given(text=st.text(alphabet=st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=600))
def test_pipeline_codes_any_text_without_raising(pipeline, text):
    for item in pipeline([RawArticle(origin="fuzz.txt", text=text)]):
        assert isinstance(item, (ArticleDoc, IngestError))
        if isinstance(item, ArticleDoc):
            record = item.to_record()
            for actor in record.actors:
                for m in actor.mentions:
                    assert record.article.text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    "text",
    [
        "",  # nothing at all
        "\u200b\u200c\u200d\ufeff",  # zero-width characters only
        "...  ---  !!!",  # no sentence
        "\u202eThe minister resigned on Monday.\u202c \u200fالرئيس التقى الوزير\u200f",  # RTL overrides and Arabic
        "President\u200b Ruto\u200d met\u2060 the envoy in Nairobi on Monday.",  # zero-width inside words
    ],
)
def test_pipeline_handles_odd_text(pipeline, text):
    items = list(pipeline([RawArticle(origin="odd.txt", text=text)]))
    assert len(items) == 1 and isinstance(items[0], (ArticleDoc, IngestError))


@pytest.mark.slow
def test_one_ten_megabyte_sentence_is_truncated_with_a_warning(pipeline):
    from diurna import nlp

    sentence = "The talks between the delegations continued " + "and continued " * 760_000 + "until Friday."
    assert len(sentence) > 10_000_000
    (doc,) = list(pipeline([RawArticle(origin="huge.txt", text=sentence)]))
    assert isinstance(doc, ArticleDoc)
    assert len(doc.article.text) <= nlp.MAX_ARTICLE_CHARS
    assert any("truncated" in w for w in doc.warnings)
