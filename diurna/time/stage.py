from __future__ import annotations

from diurna.document import ArticleDoc


class TimeStage:
    """Finds temporal expressions and normalises them (filled in by issue 6)."""
    name = "time"

    def __call__(self, doc: ArticleDoc) -> None:
        return None
