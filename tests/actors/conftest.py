"""The actor stage alone, on top of the session's spaCy pipeline (the other stages are not needed)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def actor_stage():
    from diurna.actors import ActorStage

    return ActorStage()


@pytest.fixture(scope="session")
def resolve_actors(nlp, actor_stage):
    """resolve_actors(text, published) -> ArticleDoc with actors and mentions filled."""
    from diurna.document import ArticleDoc
    from diurna.ids import article_id
    from diurna.records import Article

    def _resolve(text: str, published: str = "2018-06-01"):
        doc = ArticleDoc(article=Article(id=article_id(None, text), text=text, published=published))
        doc.spacy_doc = nlp(text)
        actor_stage(doc)
        return doc

    return _resolve
