from __future__ import annotations

from diurna.document import ArticleDoc


class QuoteStage:
    """Finds quotes and their speakers (filled in by issue 11)."""
    name = "quotes"

    def __call__(self, doc: ArticleDoc) -> None:
        return None
