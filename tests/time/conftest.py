"""Helpers for the time tests: run the time stage on one news text with a publication date."""

from __future__ import annotations

import pytest

from diurna.document import ArticleDoc
from diurna.records import Article
from diurna.time import TimeStage


@pytest.fixture(scope="session")
def time_doc(nlp):
    """time_doc(text, published) -> ArticleDoc parsed and passed through the time stage only."""
    stage = TimeStage()

    def _make(text: str, published: str) -> ArticleDoc:
        doc = ArticleDoc(article=Article(id="test", text=text, published=published))
        doc.spacy_doc = nlp(text)
        stage(doc)
        return doc

    return _make
