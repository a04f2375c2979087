from __future__ import annotations

from diurna.document import ArticleDoc


class PlaceStage:
    """Finds and geocodes toponyms (filled in by issue 6)."""
    name = "places"

    def __call__(self, doc: ArticleDoc) -> None:
        return None


def event_place(doc: ArticleDoc, trigger_token: int) -> str | None:
    """The place id of the event whose trigger is token `trigger_token`, or None (issue 6)."""
    return None
