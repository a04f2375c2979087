"""The time stage: temporal expressions normalised against the publication date, and the
dates of events (`event_date`, called by the events stage for each trigger)."""

from __future__ import annotations

import datetime as dt
from typing import Optional

from diurna.document import ArticleDoc
from diurna.records import DateRef
from diurna.time.anaphora import resolve_event_references
from diurna.time.anchoring import anchor_event
from diurna.time.chooser import choose as choose_date
from diurna.time.dating import ATTACHMENTS_KEY, date_of_token
from diurna.time.detect import find_timexes


def _published(doc: ArticleDoc) -> Optional[dt.date]:
    try:
        return dt.date.fromisoformat(doc.article.published or "")
    except ValueError:
        return None


class TimeStage:
    """Fills `doc.timexes`: every temporal expression with its normalised interval, including
    references to earlier events ("During that visit") the text dates."""

    name = "time"
    # what the stage reads from the article and what it writes (the pipeline checks the order)
    requires = ("spacy_doc",)
    assigns = ("timexes",)

    def __call__(self, doc: ArticleDoc) -> None:
        published = _published(doc)
        if doc.spacy_doc is None:
            return
        if published is None:  # relative dates cannot be resolved; say so rather than guess
            doc.warnings.append("no publication date: temporal expressions left unresolved")
            return
        found = find_timexes(doc.spacy_doc, published, doc.text)
        doc.timexes = [f.timex for f in found]
        doc.spacy_doc.user_data[ATTACHMENTS_KEY] = [f.attachment for f in found]
        resolve_event_references(doc)


def publication_date(doc: ArticleDoc) -> DateRef:
    """The date of an event whose text gives none: the publication day, `text: null` (records.md)."""
    day = doc.article.published or ""
    return DateRef(text=None, start=day, end=day, granularity="day", anchored_to="published")


def event_date(doc: ArticleDoc, trigger_token: int, learned: bool = True) -> DateRef:
    """The date of the event whose trigger is token `trigger_token`: among the dates the anchor
    rules and the discourse offer, the one the learned chooser picks (`chooser.py`, with
    `learned`), else the one the anchor rules decide (`anchoring.py`: its own expression, the
    discourse's, or "before publication"); without a usable publication date, the governing
    expression or the publication field as given."""
    chosen = choose_date(doc, trigger_token) if learned else None
    return chosen[0] if chosen is not None else rules_date(doc, trigger_token)


def rules_date(doc: ArticleDoc, trigger_token: int) -> DateRef:
    """The date the anchor rules alone give the event at `trigger_token` (`event_date` without the
    learned chooser): what the rules' own tests check, and the interval the chooser may only
    narrow."""
    return anchor_event(doc, trigger_token) or date_of_token(doc, trigger_token) or publication_date(doc)
