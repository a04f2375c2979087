"""Aggregates the dashboard draws, over the events an `EventFilter` selects: the event-volume timeline,
the map's counts (how many events are placed, per place and per country) and a full, unpaged walk
over the selection for downloads. Each says what it leaves out rather than capping silently.

Mixed into `QueryMixin` (diurna.store.query), so `Store` and the HTTP API's snapshots both have them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Optional

from diurna.store.filters import EventFilter

FREQUENCIES = ("day", "week", "month")
TIMELINE_KEYS = {"quad_class": "CAST(e.quad_class AS VARCHAR)", "type": "e.type"}
# How coarse each date granularity is, in days: an event dated "in March" is drawn on March 1st, so a
# daily timeline says how many of its events are dated more coarsely than a day.
GRANULARITY_DAYS = {"day": 1, "week": 7, "month": 31, "season": 92, "year": 366, "years": 3660, "before": 3660}
FREQUENCY_DAYS = {"day": 1, "week": 7, "month": 31}


@dataclass
class TimelinePoint:
    period: str  # the first day of the day, week (Monday) or month
    key: str  # the QuadClass ("1".."4") or PLOVER type the bar segment counts
    events: int


@dataclass
class Timeline:
    """Event mentions per period, stacked by `by`; undated events are counted, not drawn."""

    freq: str
    by: str
    total: int  # every event the filter selects
    undated: int  # of which without a date (not in `points`)
    coarser: int  # dated events whose date is coarser than `freq` (drawn at their first day)
    granularities: dict[str, int] = field(default_factory=dict)  # events per date granularity
    points: list[TimelinePoint] = field(default_factory=list)


@dataclass
class CountryCount:
    country: str  # ISO alpha-3 of the event's place (the events stage's event country, else the place's)
    events: int


@dataclass
class MapSummary:
    """What the map can and cannot show: `placed` of `events` have a place with coordinates."""

    events: int  # events the filter selects
    placed: int  # of which at a place with coordinates (drawn)
    with_country: int  # of which with a country of the event (shaded), placed or not
    places_total: int  # distinct places with coordinates
    countries: list[CountryCount] = field(default_factory=list)


@dataclass
class OutletCount:
    outlet: str
    articles: int


class ViewsMixin:
    """Aggregates for the dashboard (see the module docstring). Expects `_cursor()`."""

    def outlets(self, limit: int = 500) -> list[OutletCount]:
        """News sources by stored articles, most first (the outlet filter's suggestions)."""
        rows = self._cursor().execute(
            "SELECT source, count(*) AS n FROM articles WHERE source IS NOT NULL GROUP BY source "
            "ORDER BY n DESC, source LIMIT ?",
            [int(limit)],
        )
        return [OutletCount(*r) for r in rows.fetchall()]

    def timeline(self, filter: Optional[EventFilter] = None, freq: str = "month", by: str = "quad_class") -> Timeline:
        if freq not in FREQUENCIES:
            raise ValueError("freq must be one of %s" % ", ".join(FREQUENCIES))
        if by not in TIMELINE_KEYS:
            raise ValueError("by must be one of %s" % ", ".join(TIMELINE_KEYS))
        f = filter or EventFilter()
        where, params = f.where()
        joins = f.joins()
        cursor = self._cursor()
        granularities = dict(
            cursor.execute(
                "SELECT coalesce(e.date_granularity, 'none') g, count(*) %s WHERE %s GROUP BY g ORDER BY g"
                % (joins, where),
                params,
            ).fetchall()
        )
        undated = cursor.execute(
            "SELECT count(*) %s WHERE %s AND e.date_start IS NULL" % (joins, where), params
        ).fetchone()[0]
        rows = cursor.execute(
            "SELECT CAST(date_trunc('%s', e.date_start) AS VARCHAR) AS period, coalesce(%s, '?') AS k, count(*) "
            "%s WHERE %s AND e.date_start IS NOT NULL GROUP BY period, k ORDER BY period, k"
            % (freq, TIMELINE_KEYS[by], joins, where),
            params,
        ).fetchall()
        coarser = sum(n for g, n in granularities.items() if GRANULARITY_DAYS.get(g, 0) > FREQUENCY_DAYS[freq])
        return Timeline(
            freq=freq,
            by=by,
            total=sum(granularities.values()),
            undated=undated,
            coarser=coarser,
            granularities=granularities,
            points=[TimelinePoint(period[:10], key, n) for period, key, n in rows],
        )

    def map_summary(self, filter: Optional[EventFilter] = None) -> MapSummary:
        from diurna.store.query import with_places

        f = filter or EventFilter()
        where, params = f.where()
        joins = with_places(f)
        country = "coalesce(e.event_country, p.country)"
        cursor = self._cursor()
        events, placed, with_country, places = cursor.execute(
            "SELECT count(*), count(*) FILTER (WHERE p.lat IS NOT NULL AND p.lon IS NOT NULL), "
            "count(*) FILTER (WHERE %s IS NOT NULL), "
            "count(DISTINCT (p.name, p.geonameid, p.lat, p.lon)) FILTER (WHERE p.lat IS NOT NULL) %s WHERE %s"
            % (country, joins, where),
            params,
        ).fetchone()
        countries = cursor.execute(
            "SELECT %s AS c, count(*) AS n %s WHERE %s AND %s IS NOT NULL GROUP BY c ORDER BY n DESC, c"
            % (country, joins, where, country),
            params,
        ).fetchall()
        return MapSummary(events, placed, with_country, places, [CountryCount(c, n) for c, n in countries])

    def iter_events(self, filter: Optional[EventFilter] = None, batch: int = 5000) -> Iterator:
        """Every event the filter selects, newest first, fetched `batch` rows at a time (downloads)."""
        from diurna.store.query import EVENT_SELECT, EventRow

        where, params = (filter or EventFilter()).where()
        cursor = self._cursor()
        cursor.execute(
            EVENT_SELECT + " WHERE %s ORDER BY e.date_start DESC NULLS LAST, e.article_id, e.seq" % where, params
        )
        while True:
            rows = cursor.fetchmany(batch)
            if not rows:
                return
            for row in rows:
                yield EventRow(*row)
