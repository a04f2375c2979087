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
