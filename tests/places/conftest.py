"""A pipeline of the stages places depends on (actors before places, as in the default order)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def place_pipeline(nlp):
    from diurna.actors import ActorStage
    from diurna.pipeline import Pipeline
    from diurna.places import PlaceStage

    return Pipeline(stages=[ActorStage(), PlaceStage()], default_pubdate="2017-12-11")


@pytest.fixture(scope="session")
def locate(place_pipeline):
    """locate(text) -> ArticleDoc with places found and resolved."""

    def _locate(text: str):
        return place_pipeline.code_text(text, "2017-12-11")

    return _locate


@pytest.fixture(scope="session")
def place_and_rule(locate):
    """place_and_rule(text, trigger word) -> (place name, rule that chose it) for the event the word
    states, or None when no rule places it."""
    from diurna.places import locate_event

    def _place_and_rule(text: str, trigger: str):
        doc = locate(text)
        token = next(t for t in doc.spacy_doc if t.text == trigger)
        found = locate_event(doc, token.i)
        names = {p.id: p.name for p in doc.places}
        return (names[found.place_id], found.rule) if found else None

    return _place_and_rule
