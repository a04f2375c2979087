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
TIMELINE_KEYS = {"quad_class": "e.quad_class", "type": "e.type"}
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
        # One scan, grouped finely enough that the totals, the undated and the granularities are
        # sums over its rows (three scans of a million events took three times as long). The events are
        # grouped by their raw date and key, and only the groups are cut to periods and named: a
        # date_trunc and a cast per event took half the time of the scan.
        rows = (
            self._cursor()
            .execute(
                "SELECT CAST(date_trunc('%s', d) AS VARCHAR) AS period, coalesce(CAST(k AS VARCHAR), '?') AS key, "
                "coalesce(g, 'none') AS granularity, sum(n)::BIGINT FROM (SELECT e.date_start AS d, %s AS k, "
                "e.date_granularity AS g, count(*) AS n %s WHERE %s GROUP BY ALL) GROUP BY ALL"
                % (freq, TIMELINE_KEYS[by], f.joins(), where),
                params,
            )
            .fetchall()
        )
        granularities: dict[str, int] = {}
        per_bar: dict[tuple[str, str], int] = {}
        undated = 0
        for period, key, granularity, n in rows:
            granularities[granularity] = granularities.get(granularity, 0) + n
            if period is None:
                undated += n
            else:
                per_bar[(period[:10], key)] = per_bar.get((period[:10], key), 0) + n
        coarser = sum(n for g, n in granularities.items() if GRANULARITY_DAYS.get(g, 0) > FREQUENCY_DAYS[freq])
        return Timeline(
            freq=freq,
            by=by,
            total=sum(granularities.values()),
            undated=undated,
            coarser=coarser,
            granularities=dict(sorted(granularities.items())),
            points=[TimelinePoint(period, key, n) for (period, key), n in sorted(per_bar.items())],
        )

    def map_summary(self, filter: Optional[EventFilter] = None) -> MapSummary:
        f = filter or EventFilter()
        where, params = f.where()
        # One scan with two groupings: by country (the choropleth and the totals) and by place (how
        # many distinct places are drawn). Grouping by both at once made a group per (country, place)
        # pair: 106,067 groups on the 200,000-article benchmark store, twice the time.
        rows = (
            self._cursor()
            .execute(
                "SELECT GROUPING(c) AS by_place, c, name, geonameid, located, count(*) FROM ("
                "SELECT coalesce(e.event_country, e.place_country) AS c, e.place_name AS name, "
                "e.place_geonameid AS geonameid, e.place_lat IS NOT NULL AND e.place_lon IS NOT NULL AS located "
                "%s WHERE %s) GROUP BY GROUPING SETS ((c, located), (name, geonameid, located))" % (f.joins(), where),
                params,
            )
            .fetchall()
        )
        events = placed = with_country = 0
        places: set[tuple] = set()
        countries: dict[str, int] = {}
        for by_place, code, name, geonameid, located, n in rows:
            if by_place:
                if located:
                    places.add((name, geonameid))
                continue
            events += n
            if located:
                placed += n
            if code:
                with_country += n
                countries[code] = countries.get(code, 0) + n
        ranked = sorted(countries.items(), key=lambda item: (-item[1], item[0]))
        return MapSummary(events, placed, with_country, len(places), [CountryCount(c, n) for c, n in ranked])

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
