from __future__ import annotations

from diurna.document import ArticleDoc
from diurna.records import DateRef


class TimeStage:
    """Finds temporal expressions and normalises them (filled in by issue 6)."""
    name = "time"

    def __call__(self, doc: ArticleDoc) -> None:
        return None


def publication_date(doc: ArticleDoc) -> DateRef:
    """The date of an event whose text gives none: the publication day, `text: null` (records.md)."""
    day = doc.article.published or ""
    return DateRef(text=None, start=day, end=day, granularity="day", anchored_to="published")


def event_date(doc: ArticleDoc, trigger_token: int) -> DateRef:
    """The date of the event whose trigger is token `trigger_token` (issue 6 fills in the rules)."""
    return publication_date(doc)
