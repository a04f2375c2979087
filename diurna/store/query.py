"""Typed, parameterised queries over a diurna store (the Python API, the CLI and the HTTP API use these).

What the queries select is an `EventFilter` (diurna.store.filters: how actor values match, the
country roll-up, modality and polarity). Every user value reaches DuckDB as a bound parameter; only
whitelisted identifiers (the time bucket) and clause templates written here are ever part of the SQL text.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Optional

from diurna.store import aggregates
from diurna.store.filters import (  # noqa: F401  (re-exported: the names callers import from here)
    ACTOR_ROW,
    CLUSTER_SOURCE,
    CLUSTER_TARGET,
    COUNTED,
    SOURCE,
    TARGET,
    ActorColumns,
    EventFilter,
    _like_escape,
    actor_clause,
)
from diurna.store.views import ViewsMixin

PAGE_BY_ROW_ID = 1000  # pages up to this long are read back by row id (QueryMixin.events)
FREQUENCIES = {"day": "day", "week": "week", "month": "month", "year": "year"}
UNITS = ("events", "clusters")


@dataclass
class EventRow:
    """One event mention with its actors, place and evidence resolved to names."""

    id: str
    article_id: str
    type: str
    mode: Optional[str]
    cameo: Optional[str]
    quad_class: Optional[int]
    goldstein: Optional[float]
    date: Optional[str]
    date_end: Optional[str]
    date_granularity: Optional[str]
    date_text: Optional[str]
    source: Optional[str]
    source_name: Optional[str]
    source_code: Optional[str]
    source_country: Optional[str]
    target: Optional[str]
    target_name: Optional[str]
    target_code: Optional[str]
    target_country: Optional[str]
    trigger: Optional[str]
    sentence: Optional[str]
    place: Optional[str]
    place_name: Optional[str]
    place_country: Optional[str]
    lat: Optional[float]
    lon: Optional[float]
    polarity: Optional[str]
    modality: Optional[str]
    attributed_to: Optional[str]
    attributed_to_name: Optional[str]
    confidence: Optional[float]
    article_title: Optional[str]
    article_url: Optional[str]
    published: Optional[str]
    cluster_id: Optional[str] = None  # the real-world event this mention reports
    dup_group: Optional[str] = None  # the canonical article when this article is a near-duplicate


@dataclass
class EventCluster:
    """One real-world event: every mention of it in every stored article (diurna.store.clusters).
    Actors, codes and place are those of the first mention in the earliest report."""

    id: str
    type: str
    family: str
    cameo: Optional[str]
    quad_class: Optional[int]
    goldstein: Optional[float]  # mean over counted mentions
    date: Optional[str]  # earliest date a mention gives
    date_end: Optional[str]
    source_key: Optional[str]
    source_name: Optional[str]
    source_code: Optional[str]
    source_country: Optional[str]
    target_key: Optional[str]
    target_name: Optional[str]
    target_code: Optional[str]
    target_country: Optional[str]
    polarity: str
    modality: str
    first_article: str  # the earliest report
    first_published: Optional[str]
    mentions: int  # event mentions in independent (non-copy) articles
    articles: int  # independent reports (near-duplicate groups count once)
    copies: int  # every stored article that mentions it, copies included
    sources: int  # distinct news sources
    place_name: Optional[str]
    place_country: Optional[str]
    lat: Optional[float]
    lon: Optional[float]


@dataclass
class ClusterDetail:
    """A cluster with its mentions (copies included, flagged by `dup_group`) and its articles."""

    cluster: EventCluster
    mentions: list[EventRow] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)  # earliest report first


@dataclass
class DyadPoint:
    """Events from one side of a dyad to the other in one period."""

    period: str  # first day of the period (ISO)
    direction: str  # "a->b" or "b->a"
    events: int
    goldstein_sum: float
    cooperation: int  # quad classes 1 and 2
    conflict: int  # quad classes 3 and 4


@dataclass
class ActorCount:
    key: str
    name: str
    kb_id: Optional[str]
    code: Optional[str]
    country: Optional[str]
    sector: Optional[str]
    as_source: int
    as_target: int
    articles: int


@dataclass
class ArticleSummary:
    id: str
    title: Optional[str]
    published: Optional[str]
    source: Optional[str]
    url: Optional[str]
    events: int
    quotes: int
    dup_group: Optional[str]
    snippet: str


@dataclass
class PlaceCount:
    name: str
    country: Optional[str]
    geonameid: Optional[int]
    lat: Optional[float]
    lon: Optional[float]
    feature: Optional[str]
    events: int
    top_type: Optional[str] = None  # the PLOVER type of most of its events (the map colours by it)


@dataclass
class Edge:
    """Who acts on whom: the actor network's edges. A generic actor (`name:` keys such as "police")
    is one node per country (`source_country`, `target_country`): Kenyan and Chilean police are two."""

    source_key: str
    source_name: str
    target_key: str
    target_name: str
    events: int
    mean_goldstein: Optional[float]
    source_country: Optional[str] = None
    target_country: Optional[str] = None
    source_code: Optional[str] = None  # the CAMEO code most of the source's rows carry
    target_code: Optional[str] = None


@dataclass
class ActorProfile:
    actor: ActorCount
    names: list[str] = field(default_factory=list)
    events: list[EventRow] = field(default_factory=list)
    partners: list[Edge] = field(default_factory=list)


# An event row with its actors', place's and attribution's names (on the row itself: diurna.store.facts)
# and its article's title, address and evidence sentence (read from `articles a`).
EVENT_COLUMNS = """
SELECT e.id, e.article_id, e.type, e.mode, e.cameo, e.quad_class, e.goldstein,
       CAST(e.date_start AS VARCHAR), CAST(e.date_end AS VARCHAR), e.date_granularity, e.date_text,
       e.source, e.source_name, e.source_code, e.source_country, e.target, e.target_name, e.target_code,
       e.target_country, e.trigger_text, substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start),
       e.place, e.place_name, e.place_country, e.place_lat, e.place_lon, e.polarity, e.modality,
       e.attributed_to, e.attributed_name, e.confidence, a.title, a.url, CAST(a.published AS VARCHAR),
       e.cluster_id, a.dup_group
"""
EVENT_DETAIL_JOINS = " JOIN articles a ON a.id = e.article_id"  # what EVENT_COLUMNS reads besides `events e`
EVENT_SELECT = EVENT_COLUMNS + " FROM events e " + EVENT_DETAIL_JOINS

CLUSTER_SELECT = """
SELECT c.id, c.type, c.family, c.cameo, c.quad_class, c.goldstein, CAST(c.date AS VARCHAR),
       CAST(c.date_end AS VARCHAR), c.source_key, c.source_name, c.source_code, c.source_country,
       c.target_key, c.target_name, c.target_code, c.target_country, c.polarity, c.modality,
       c.first_article, CAST(c.first_published AS VARCHAR), c.mentions, c.articles, c.copies, c.sources,
       c.place_name, c.place_country, c.lat, c.lon
FROM event_clusters c
"""


def _criteria(filter: Optional[EventFilter], criteria: dict) -> EventFilter:
    if filter is not None and criteria:
        raise TypeError("give either an EventFilter or keyword criteria, not both")
    return filter or EventFilter(**criteria)


class QueryMixin(ViewsMixin):
    """The read side of `Store`: typed queries. Expects `self.con` (a DuckDB connection)."""

    con: Any

    def _cursor(self):
        # A cursor per query: DuckDB connections are not to be shared between threads (HTTP API).
        return self.con.cursor()

    # ------------------------------------------------------------------ events and clusters

    def events(
        self, filter: Optional[EventFilter] = None, limit: int = 100, offset: int = 0, **criteria
    ) -> list[EventRow]:
        """Event mentions matching `filter` (or the same fields as keywords), newest first. Mentions
        in near-duplicate copies are left out unless `include_duplicates`."""
        f = _criteria(filter, criteria)
        where, params = f.where()
        order = "ORDER BY e.date_start DESC NULLS LAST, e.article_id, e.seq"
        # The page's row ids first (DuckDB keeps the top rows of one narrow scan), then those rows and
        # their articles, looked up by row id and primary key: joining every selected event with its
        # article, actors and place before sorting took 15 s on 200,000 articles, and sorting whole
        # rows (or joining the page back to `events`) 0.25-0.4 s for an actor in 600,000 events.
        keys = (
            self._cursor()
            .execute(
                "SELECT e.rowid, e.article_id, e.id %s WHERE %s %s LIMIT ? OFFSET ?" % (f.joins(), where, order),
                params + [int(limit), int(offset)],
            )
            .fetchall()
        )
        if not keys:
            return []
        if len(keys) <= PAGE_BY_ROW_ID:
            articles = sorted({k[1] for k in keys})
            # The row-id range lets DuckDB skip the row groups outside it (the IN list alone is a
            # join with every row of the groups it reads: 0.024 -> 0.016 s of CPU for a page of 100).
            row_ids = [k[0] for k in keys]
            sql = "%s FROM events e %s WHERE e.rowid BETWEEN ? AND ? AND e.rowid IN (%s) AND a.id IN (%s)" % (
                EVENT_COLUMNS,
                EVENT_DETAIL_JOINS,
                ", ".join("?" * len(keys)),
                ", ".join("?" * len(articles)),
            )
            found = self._cursor().execute(sql, [min(row_ids), max(row_ids)] + row_ids + articles).fetchall()
            by_key = {(row[1], row[0]): row for row in found}
            if len(found) == len(keys) and all((k[1], k[2]) in by_key for k in keys):
                return [EventRow(*by_key[(k[1], k[2])]) for k in keys]
        # A long page, or row ids that moved between the two reads (a concurrent write outside this
        # snapshot): the page in one statement.
        sql = "WITH page AS MATERIALIZED (SELECT * %s WHERE %s %s LIMIT ? OFFSET ?) %s FROM page e %s %s" % (
            f.joins(),
            where,
            order,
            EVENT_COLUMNS,
            EVENT_DETAIL_JOINS,
            order,
        )
        rows = self._cursor().execute(sql, params + [int(limit), int(offset)]).fetchall()
        return [EventRow(*row) for row in rows]

    def count_events(self, filter: Optional[EventFilter] = None, **criteria) -> int:
        """How many event mentions `events` would return without a limit."""
        f = _criteria(filter, criteria)
        where, params = f.where()
        return self._cursor().execute("SELECT count(*) %s WHERE %s" % (f.joins(), where), params).fetchone()[0]

    def clusters(
        self, filter: Optional[EventFilter] = None, limit: int = 100, offset: int = 0, min_articles: int = 1, **criteria
    ) -> list[EventCluster]:
        """Real-world events (one row each, however many articles report them) matching `filter`,
        newest first; `min_articles` keeps those reported independently at least that often."""
        where, params = _criteria(filter, criteria).cluster_where()
        sql = CLUSTER_SELECT + (
            " WHERE %s AND c.articles >= ? ORDER BY c.date DESC NULLS LAST, c.articles DESC, c.id "
            "LIMIT ? OFFSET ?" % where
        )
        rows = self._cursor().execute(sql, params + [int(min_articles), int(limit), int(offset)]).fetchall()
        return [EventCluster(*row) for row in rows]

    def count_clusters(self, filter: Optional[EventFilter] = None, min_articles: int = 1, **criteria) -> int:
        """How many rows `clusters` would return without a limit (with the same `min_articles`)."""
        where, params = _criteria(filter, criteria).cluster_where()
        sql = "SELECT count(*) FROM event_clusters c WHERE %s AND c.articles >= ?" % where
        return self._cursor().execute(sql, params + [int(min_articles)]).fetchone()[0]

    def cluster(self, cluster_id: str) -> Optional[ClusterDetail]:
        """One real-world event with all its mentions, copies included (earliest report first)."""
        rows = self._cursor().execute(CLUSTER_SELECT + " WHERE c.id = ?", [cluster_id]).fetchall()
        if not rows:
            return None
        mentions = [
            EventRow(*r)
            for r in self._cursor()
            .execute(
                EVENT_SELECT + " WHERE e.cluster_id = ? ORDER BY a.published NULLS LAST, e.article_id, e.seq",
                [cluster_id],
            )
            .fetchall()
        ]
        article_ids = list(dict.fromkeys(m.article_id for m in mentions))
        return ClusterDetail(EventCluster(*rows[0]), mentions, article_ids)

    def dyad_series(
        self,
        a: str,
        b: str,
        freq: str = "month",
        start: Optional[str] = None,
        end: Optional[str] = None,
        unit: str = "events",
        filter: Optional[EventFilter] = None,
    ) -> list[DyadPoint]:
        """Counts and Goldstein sums per period of events from a to b and from b to a.
        `a` and `b` match actors like EventFilter.actor. `unit="events"` counts event mentions
        (copies left out); `unit="clusters"` counts each real-world event once, on its first date.
        `filter` narrows both directions further (its own source and target are replaced by a and b)."""
        if freq not in FREQUENCIES:
            raise ValueError("freq must be one of %s" % ", ".join(FREQUENCIES))
        if unit not in UNITS:
            raise ValueError("unit must be one of %s" % ", ".join(UNITS))
        base = dataclasses.asdict(filter) if filter is not None else {}
        base.update(source=None, target=None, actor=None)
        base.update({k: v for k, v in (("start", start), ("end", end)) if v})
        f = EventFilter(**base)
        # Both directions in one scan: the pair's clause picks the events, a CASE names the direction.
        # Both sides are read from the event row's copies of its actors' fields (diurna.store.facts).
        if unit == "events":
            where, params = f.where()
            src, tgt = SOURCE, TARGET
            date_col, source = "e.date_start", f.joins()
            goldstein, quad = "e.goldstein", "e.quad_class"
        else:
            where, params = f.cluster_where()
            src, tgt = CLUSTER_SOURCE, CLUSTER_TARGET
            date_col, source = "c.date", "FROM event_clusters c"
            goldstein, quad = "c.goldstein", "c.quad_class"

        def side(value: str, role: str) -> tuple[str, list]:
            return actor_clause(src if role == "source" else tgt, value)

        def pair(first: str, second: str) -> tuple[str, list]:
            s_sql, s_params = side(first, "source")
            t_sql, t_params = side(second, "target")
            return "(%s AND %s)" % (s_sql, t_sql), s_params + t_params

        (ab, ab_params), (ba, ba_params) = pair(a, b), pair(b, a)
        # Grouped by raw date first, cut to periods after (as the timeline: diurna.store.views).
        sql = (
            "SELECT CAST(date_trunc('{freq}', d) AS VARCHAR) AS period, direction, sum(n)::BIGINT, "
            "coalesce(sum(g), 0), sum(coop)::BIGINT, sum(conf)::BIGINT FROM ("
            "SELECT {d} AS d, CASE WHEN {ab} THEN 'a->b' ELSE 'b->a' END AS direction, count(*) AS n, sum({g}) AS g, "
            "count(*) FILTER (WHERE {q} <= 2) AS coop, count(*) FILTER (WHERE {q} >= 3) AS conf {source} "
            "WHERE {where} AND ({ab} OR {ba}) AND {d} IS NOT NULL GROUP BY ALL) GROUP BY period, direction"
        ).format(freq=FREQUENCIES[freq], d=date_col, g=goldstein, q=quad, source=source, where=where, ab=ab, ba=ba)
        rows = self._cursor().execute(sql, ab_params + params + ab_params + ba_params).fetchall()
        points = [
            DyadPoint(period[:10], direction, n, float(g), coop, conf) for period, direction, n, g, coop, conf in rows
        ]
        points.sort(key=lambda p: (p.period, p.direction))
        return points

    # ------------------------------------------------------------------ actors

    def top_actors(self, n: int = 20, country: Optional[str] = None, q: Optional[str] = None) -> list[ActorCount]:
        """Actors (by cross-article key) in the most event mentions, as source or target; copies of
        articles are not counted. `q` matches like EventFilter.actor."""
        clauses, params = ["TRUE"], []
        if country:
            clauses.append("x.country = ?")
            params.append(country.upper())
        if q:
            sql, values = actor_clause(ActorColumns("x.key", "x.kb_id", "x.code", "x.name"), q)
            clauses.append(sql)
            params.extend(values)
        sql = aggregates.TOP_ACTORS.format(where=" AND ".join(clauses))  # the kept groups of `actors`
        rows = self._cursor().execute(sql, params + [int(n)]).fetchall()
        return [ActorCount(*row) for row in rows]

    def actor_profile(self, key: str, limit: int = 100, filter: Optional[EventFilter] = None) -> Optional[ActorProfile]:
        """One actor (by the key `top_actors` gives): its names, its events and its partners among
        the events `filter` selects (its own actor field is replaced by the key)."""
        # its names from the actor list's groups (diurna.store.actor_parts), not from every actor row
        rows = (
            self._cursor()
            .execute("SELECT DISTINCT name FROM actor_parts WHERE key = ? ORDER BY name", [key])
            .fetchall()
        )
        if not rows:
            return None
        counts = self.top_actors(1, q=key)
        summary = counts[0] if counts else ActorCount(key, rows[0][0], None, None, None, None, 0, 0, 0)
        mine = dataclasses.replace(filter or EventFilter(), actor=key)
        events = self.events(mine, limit=limit)
        partners = self.network(limit=10_000, filter=mine)
        return ActorProfile(summary, [r[0] for r in rows], events, partners)

    def network(self, limit: int = 200, min_events: int = 1, filter: Optional[EventFilter] = None) -> list[Edge]:
        """Who acts on whom: one edge per (source, target) actor pair among the events `filter`
        selects, heaviest first. Generic actors are told apart by country (Edge)."""
        f = filter or EventFilter()
        where, params = f.where()
        # The events are grouped by their actor pair, one integer on the row (diurna.store.facts);
        # the pairs' keys, names and codes are read for the groups (diurna.store.aggregates).
        sql = aggregates.NETWORK.format(events=f.joins(), where=where)
        rows = self._cursor().execute(sql, params + [int(min_events), int(limit)]).fetchall()
        return [Edge(*r) for r in rows]

    # ------------------------------------------------------------------ articles and places

    def articles(self, limit: int = 50, offset: int = 0, q: Optional[str] = None) -> list[ArticleSummary]:
        """Stored articles, newest publication first; `q` searches title and text (substring)."""
        where, params = "TRUE", []
        if q:
            where = "(lower(a.title) LIKE ? ESCAPE '\\' OR lower(a.text) LIKE ? ESCAPE '\\')"
            params = ["%" + _like_escape(q.lower()) + "%"] * 2
        # The page first, then its counts: DuckDB turns the per-row counts into a grouping of every
        # stored event and quote, which is what an unpaged listing would need, not a page of 50.
        sql = """
            WITH page AS (SELECT a.id, a.published FROM articles a WHERE {where}
                          ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?),
                 ev AS (SELECT article_id, count(*) AS n FROM events
                        WHERE article_id IN (SELECT id FROM page) GROUP BY article_id),
                 qu AS (SELECT article_id, count(*) AS n FROM quotes
                        WHERE article_id IN (SELECT id FROM page) GROUP BY article_id)
            SELECT a.id, a.title, CAST(a.published AS VARCHAR), a.source, a.url, coalesce(ev.n, 0),
                   coalesce(qu.n, 0), a.dup_group, substr(a.text, 1, 200)
            FROM page JOIN articles a ON a.id = page.id
            LEFT JOIN ev ON ev.article_id = a.id LEFT JOIN qu ON qu.article_id = a.id
            ORDER BY page.published DESC NULLS LAST, a.id
        """.format(where=where)
        rows = self._cursor().execute(sql, params + [int(limit), int(offset)]).fetchall()
        return [ArticleSummary(*r) for r in rows]

    def duplicates_of(self, article_id: str) -> list[str]:
        """The other members of an article's near-duplicate group, canonical article first."""
        rows = (
            self._cursor()
            .execute(
                """SELECT id FROM articles WHERE dup_group = (SELECT dup_group FROM articles WHERE id = ?)
               AND id <> ? ORDER BY id <> dup_group, id""",
                [article_id, article_id],
            )
            .fetchall()
        )
        return [r[0] for r in rows]

    def place_counts(self, filter: Optional[EventFilter] = None, limit: int = 500) -> list[PlaceCount]:
        """Event counts per place (for the map), over the events `filter` selects."""
        f = filter or EventFilter()
        where, params = f.where()
        # Counted per place and type first, so each place's main type is the one with the most events
        # (ties go to the first type in alphabetical order: the same answer on every call; places with as
        # many events are ordered by every field, so a limit keeps the same ones every time). The place's
        # fields are on the event row (diurna.store.facts); a stored place always has a name.
        sql = (
            "WITH per_type AS (SELECT e.place_name AS name, e.place_country AS country, "
            "e.place_geonameid AS geonameid, e.place_lat AS lat, e.place_lon AS lon, e.place_feature AS feature, "
            "e.type, count(*) AS n " + f.joins() + " WHERE e.place_name IS NOT NULL AND %s GROUP BY ALL) "
            "SELECT name, country, geonameid, lat, lon, feature, sum(n)::BIGINT AS total, "
            "arg_min(type, (-n, type)) FROM per_type "
            "GROUP BY name, country, geonameid, lat, lon, feature "
            "ORDER BY total DESC, name, country, geonameid, lat, lon LIMIT ?" % where
        )
        return [PlaceCount(*r) for r in self._cursor().execute(sql, params + [int(limit)]).fetchall()]
