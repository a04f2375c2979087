from __future__ import annotations

from diurna.document import ArticleDoc


class PlaceStage:
    """Finds and geocodes toponyms (filled in by issue 6)."""
    name = "places"

    def __call__(self, doc: ArticleDoc) -> None:
        return None
