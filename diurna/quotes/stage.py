from __future__ import annotations

from diurna.document import ArticleDoc


class QuoteStage:
    """Finds quotes and their speakers (filled in by issue 11)."""
    name = "quotes"

    def __call__(self, doc: ArticleDoc) -> None:
        return None


def quote_at(doc: ArticleDoc, char_offset: int):
    """The quote whose content covers `char_offset` (the innermost), or None: events stated
    inside it are claims of its speaker (`attributed_to`)."""
    best = None
    for q in doc.quotes:
        if q.content.start <= char_offset < q.content.end and (
                best is None or q.content.end - q.content.start < best.content.end - best.content.start):
            best = q
    return best
