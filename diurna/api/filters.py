"""The one set of event filters every endpoint takes (query parameters), parsed in one place.

`event_filter` is a FastAPI dependency: an endpoint that lists, counts, charts or downloads events
declares `f: EventFilter = Depends(event_filter)` and so takes exactly the same parameters as every
other. The dashboard keeps the same names in its address (#/events?country=IRN&modality=actual), so
a view's address and its API calls say the same thing.
"""

from __future__ import annotations

import datetime as dt
from typing import Optional

from fastapi import HTTPException, Query

from diurna.records import GRANULARITIES
from diurna.store.filters import MODALITIES, POLARITIES, EventFilter

_ISO3 = "^[A-Za-z]{3}$"


def check_date(value: str) -> None:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise HTTPException(422, "%r is not a date in YYYY-MM-DD form" % value)


def _check_values(name: str, values: Optional[list[str]], allowed) -> Optional[list[str]]:
    for value in values or ():
        if value.lower() not in allowed:
            raise HTTPException(422, "%s %r is none of %s" % (name, value, ", ".join(allowed)))
    return [v.lower() for v in values] if values else None


def event_filter(
    actor: Optional[str] = Query(
        None,
        max_length=200,
        description="source or target: an actor key (kb:japan), a CAMEO code prefix - the country "
        "roll-up: JPN is Japan with its government, military, officials and groups - a KB id or a name word",
    ),
    source: Optional[str] = Query(None, max_length=200, description="the source actor, matched like `actor`"),
    target: Optional[str] = Query(None, max_length=200, description="the target actor, matched like `actor`"),
    country: Optional[str] = Query(None, pattern=_ISO3, description="actor country: ISO alpha-3 of source or target"),
    place_country: Optional[str] = Query(None, pattern=_ISO3, description="ISO alpha-3 of where the event happened"),
    type: Optional[list[str]] = Query(None, description="PLOVER type (repeatable)"),
    quad_class: Optional[int] = Query(None, ge=1, le=4),
    start: Optional[str] = Query(None, max_length=10, description="events dated on or after (YYYY-MM-DD)"),
    end: Optional[str] = Query(None, max_length=10, description="events dated on or before (YYYY-MM-DD)"),
    place: Optional[str] = Query(None, max_length=200, description="place name or GeoNames id"),
    article: Optional[str] = Query(None, max_length=200),
    outlet: Optional[str] = Query(None, max_length=200, description="the article's news source"),
    modality: Optional[list[str]] = Query(
        None, description="actual, intended, demanded, hypothetical (repeatable); all when absent"
    ),
    polarity: Optional[list[str]] = Query(None, description="asserted, negated (repeatable); both when absent"),
    claimed: Optional[bool] = Query(
        None, description="true: only events someone claims (attributed); false: none of them; absent: both"
    ),
    include_duplicates: bool = Query(False, description="also the events of near-duplicate copies (wire copies)"),
    granularity: Optional[list[str]] = Query(None, description="date precision (repeatable): day ... years, before"),
) -> EventFilter:
    """The event filters every endpoint shares. Events of near-duplicate copies of an article (wire
    copy) are left out unless `include_duplicates=true`. `granularity` keeps events whose date has
    that precision: `day` ... `years`, or `before` for an undated past event ("before publication,
    day unknown")."""
    for value in (start, end):
        if value:
            check_date(value)
    return EventFilter(
        actor=actor,
        source=source,
        target=target,
        country=country.upper() if country else None,
        type=type or None,
        quad_class=quad_class,
        start=start,
        end=end,
        place=place,
        article_id=article,
        include_duplicates=include_duplicates,
        granularity=_check_values("granularity", granularity, GRANULARITIES),
        place_country=place_country.upper() if place_country else None,
        modality=_check_values("modality", modality, MODALITIES),
        polarity=_check_values("polarity", polarity, POLARITIES),
        claimed=claimed,
        outlet=outlet.strip() if outlet and outlet.strip() else None,
    )
