from __future__ import annotations

from diurna.document import ArticleDoc


class EventStage:
    """Codes PLOVER events (filled in by issue 5)."""
    name = "events"

    def __call__(self, doc: ArticleDoc) -> None:
        return None
