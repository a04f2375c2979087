"""The bundled example corpus reads cleanly in every format and has the properties its README promises."""

from __future__ import annotations

import pathlib
import re

import pytest

from diurna.ingest import detect_format, read_paths
from diurna.ingest.base import RawArticle, parse_pubdate, split_origin
from diurna.ingest.html import html_to_text
from diurna.pipeline import prepare
from diurna.records import Article

EXAMPLES = pathlib.Path(__file__).resolve().parents[2] / "examples"
WARC = EXAMPLES / "warc" / "crawl-2026-11.warc.gz"
TXT_PUBDATE = "2026-11-25"
ENGLISH_WORDS = {"the", "and", "of", "to", "in", "said", "on", "a", "that", "was"}


@pytest.fixture(scope="module")
def raw_items():
    return list(read_paths([str(EXAMPLES)]))


@pytest.fixture(scope="module")
def corpus(raw_items):
    """The Articles prepared from examples/, and every error, warning or skip reported on the way."""
    articles, problems = [], []
    for item in raw_items:
        if isinstance(item, RawArticle):
            item = prepare(item, TXT_PUBDATE)
        (articles if isinstance(item, Article) else problems).append(item)
    return articles, problems


def _raw_text(item: RawArticle) -> str:
    return item.text if item.text is not None else html_to_text(item.html).text


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def test_the_corpus_reads_without_errors_and_skips_only_its_readme_and_script(raw_items, corpus):
    problems = [item for item in raw_items if not isinstance(item, RawArticle)]
    assert all(p.kind == "warning" for p in problems), [str(p) for p in problems]
    assert sorted(pathlib.Path(p.path).name for p in problems) == ["README.md", "make_warc.py"]
    # Preparing them loses nothing but what prepare() skips on purpose (the non-English article).
    from_prepare = [p for p in corpus[1] if p not in problems]
    assert [p.kind for p in from_prepare] == ["skipped"], [str(p) for p in from_prepare]


def test_every_input_format_is_represented(raw_items):
    formats = {detect_format(str(path)) for path in EXAMPLES.rglob("*") if path.is_file()}
    assert {"txt", "html", "jsonl", "warc", "feed"} <= formats
    assert any(path.suffix == ".rss" for path in EXAMPLES.rglob("*")) and any(
        path.suffix == ".atom" for path in EXAMPLES.rglob("*")
    )
    assert len([item for item in raw_items if isinstance(item, RawArticle)]) >= 30


def test_every_article_is_80_to_300_words_and_dated(raw_items):
    for item in raw_items:
        if isinstance(item, RawArticle):
            assert 80 <= len(_raw_text(item).split()) <= 300, item.origin
            date = item.date or (html_to_text(item.html).date if item.html else None)
            if item.origin.endswith(".txt"):
                assert date is None  # plain text has no metadata: --pubdate dates it
            else:
                assert parse_pubdate(date).startswith("2026-1"), item.origin


def test_exactly_one_article_is_not_english(raw_items):
    def english_share(text):
        words = _words(text)
        return sum(word in ENGLISH_WORDS for word in words) / len(words)

    shares = {item.origin: english_share(_raw_text(item)) for item in raw_items if isinstance(item, RawArticle)}
    foreign = [origin for origin, share in shares.items() if share < 0.05]
    assert foreign == [str(EXAMPLES / "jsonl" / "wire.jsonl") + "@line 3"]
    assert all(share > 0.1 for origin, share in shares.items() if origin not in foreign)


def _shingles(text: str, n: int = 5) -> set[tuple[str, ...]]:
    words = _words(text)
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def test_one_wire_story_is_duplicated_with_light_edits_and_the_rest_are_distinct(corpus):
    articles, _ = corpus
    # The WARC repeats three HTML pages verbatim by design; compare the other articles.
    distinct = {a.text: a for a in articles if not (a.url or "").startswith("https://news.example.net/")}
    shingles = {text: _shingles(text) for text in distinct}
    near = []
    texts = list(distinct)
    for i, first in enumerate(texts):
        for second in texts[i + 1 :]:
            jaccard = len(shingles[first] & shingles[second]) / len(shingles[first] | shingles[second])
            if jaccard > 0.2:
                near.append((distinct[first].id, distinct[second].id, jaccard))
    assert len(near) == 1, near
    assert near[0][2] < 0.95  # edited, not identical


def test_the_warc_holds_three_of_the_html_pages_with_urls_and_the_committed_file_is_reproducible(tmp_path):
    import subprocess
    import sys

    rebuilt = tmp_path / WARC.name  # the warcinfo record names the file
    subprocess.run([sys.executable, str(EXAMPLES / "make_warc.py"), "--output", str(rebuilt)], check=True)
    assert rebuilt.read_bytes() == WARC.read_bytes()

    from_warc = [prepare(item) for item in read_paths([str(WARC)])]
    assert len(from_warc) == 3 and all(a.url.startswith("https://news.example.net/") for a in from_warc)
    html_texts = {prepare(item).text for item in read_paths([str(EXAMPLES / "html")])}
    assert all(a.text in html_texts for a in from_warc)
    assert all(split_origin(item.origin)[1].startswith("offset ") for item in read_paths([str(WARC)]))
