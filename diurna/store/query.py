"""Typed, parameterised queries over a diurna store (the Python API, the CLI and the HTTP API use these).

Actor identity across articles: an actor is named by its knowledge-base id when it has one, else by
its CAMEO code and name. Filters match an actor by kb_id, by CAMEO code (prefix: "IRN" matches
IRNGOV), or by name (case-insensitive substring), whichever the value fits.

Every user value reaches DuckDB as a bound parameter; only whitelisted identifiers (the time bucket)
are ever written into SQL text.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Optional, Sequence

FREQUENCIES = {"day": "day", "week": "week", "month": "month", "year": "year"}
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}

# An actor's identity across articles (see module docstring).
ACTOR_KEY = "coalesce({a}.kb_id, coalesce({a}.code, '') || ':' || lower({a}.name))"


@dataclass
class EventFilter:
    """What `Store.events` selects. Every field is optional; fields combine with AND."""
    actor: Optional[str] = None          # source or target: kb_id, CAMEO code prefix, or name substring
    source: Optional[str] = None
    target: Optional[str] = None
    country: Optional[str] = None        # ISO alpha-3 of source or target
    type: Optional[Sequence[str]] = None  # PLOVER types
    quad_class: Optional[int] = None
    start: Optional[str] = None          # ISO date: events whose date starts on or after it
    end: Optional[str] = None            # ISO date: events whose date starts on or before it
    place: Optional[str] = None          # place name (case-insensitive) or GeoNames id
    article_id: Optional[str] = None
    include_duplicates: bool = False     # events of near-duplicate articles (wire copies) too

    def where(self) -> tuple[str, list[Any]]:
        clauses, params = [], []

        def actor_match(alias: str, value: str) -> None:
            clauses.append("({a}.kb_id = ? OR {a}.code LIKE ? OR lower({a}.name) LIKE ?)".format(a=alias))
            params.extend([value, value.upper() + "%", "%" + value.lower() + "%"])

        if self.actor:
            clauses.append("((s.kb_id = ? OR s.code LIKE ? OR lower(s.name) LIKE ?) OR "
                           "(t.kb_id = ? OR t.code LIKE ? OR lower(t.name) LIKE ?))")
            v = self.actor
            params.extend([v, v.upper() + "%", "%" + v.lower() + "%"] * 2)
        if self.source:
            actor_match("s", self.source)
        if self.target:
            actor_match("t", self.target)
        if self.country:
            clauses.append("(s.country = ? OR t.country = ?)")
            params.extend([self.country.upper()] * 2)
        if self.type:
            types = [self.type] if isinstance(self.type, str) else list(self.type)
            clauses.append("e.type IN (SELECT unnest(?))")
            params.append([t.upper() for t in types])
        if self.quad_class is not None:
            clauses.append("e.quad_class = ?")
            params.append(int(self.quad_class))
        if self.start:
            clauses.append("e.date_start >= ?")
            params.append(_date(self.start))
        if self.end:
            clauses.append("e.date_start <= ?")
            params.append(_date(self.end))
        if self.place:
            if str(self.place).isdigit():
                clauses.append("p.geonameid = ?")
                params.append(int(self.place))
            else:
                clauses.append("lower(p.name) = ?")
                params.append(str(self.place).lower())
        if self.article_id:
            clauses.append("e.article_id = ?")
            params.append(self.article_id)
        if not self.include_duplicates:
            clauses.append("(a.dup_group IS NULL OR a.dup_group = a.id)")
        return (" AND ".join(clauses) or "TRUE"), params


def _date(value) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise ValueError("not a date in YYYY-MM-DD form: %r" % (value,))


@dataclass
class EventRow:
    """One event with its actors, place and evidence resolved to names."""
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


@dataclass
class DyadPoint:
    """Events from one side of a dyad to the other in one period."""
    period: str              # first day of the period (ISO)
    direction: str           # "a->b" or "b->a"
    events: int
    goldstein_sum: float
    cooperation: int         # quad classes 1 and 2
    conflict: int            # quad classes 3 and 4


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


@dataclass
class Edge:
    """Who acts on whom: the actor network's edges."""
    source_key: str
    source_name: str
    target_key: str
    target_name: str
    events: int
    mean_goldstein: Optional[float]


@dataclass
class ActorProfile:
    actor: ActorCount
    names: list[str] = field(default_factory=list)
    events: list[EventRow] = field(default_factory=list)
    partners: list[Edge] = field(default_factory=list)


EVENT_SELECT = """
SELECT e.id, e.article_id, e.type, e.mode, e.cameo, e.quad_class, e.goldstein,
       CAST(e.date_start AS VARCHAR), CAST(e.date_end AS VARCHAR), e.date_granularity, e.date_text,
       e.source, s.name, s.code, s.country, e.target, t.name, t.code, t.country,
       e.trigger_text, substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start),
       e.place, p.name, p.country, p.lat, p.lon, e.polarity, e.modality,
       e.attributed_to, w.name, e.confidence, a.title, a.url, CAST(a.published AS VARCHAR)
FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN actors s ON s.article_id = e.article_id AND s.id = e.source
LEFT JOIN actors t ON t.article_id = e.article_id AND t.id = e.target
LEFT JOIN actors w ON w.article_id = e.article_id AND w.id = e.attributed_to
LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place
"""


class QueryMixin:
    """The read side of `Store`: typed queries. Expects `self.con` (a DuckDB connection)."""

    con: Any

    def _cursor(self):
        # A cursor per query: DuckDB connections are not to be shared between threads (HTTP API).
        return self.con.cursor()

    def events(self, filter: Optional[EventFilter] = None, limit: int = 100, offset: int = 0,
               **criteria) -> list[EventRow]:
        """Events matching `filter` (or the same fields as keywords), newest first."""
        f = filter or EventFilter(**criteria)
        where, params = f.where()
        sql = EVENT_SELECT + " WHERE %s ORDER BY e.date_start DESC NULLS LAST, e.article_id, e.seq LIMIT ? OFFSET ?" % where
        rows = self._cursor().execute(sql, params + [int(limit), int(offset)]).fetchall()
        return [EventRow(*row) for row in rows]

    def count_events(self, filter: Optional[EventFilter] = None, **criteria) -> int:
        f = filter or EventFilter(**criteria)
        where, params = f.where()
        sql = ("SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id "
               "LEFT JOIN actors s ON s.article_id = e.article_id AND s.id = e.source "
               "LEFT JOIN actors t ON t.article_id = e.article_id AND t.id = e.target "
               "LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place WHERE " + where)
        return self._cursor().execute(sql, params).fetchone()[0]

    def dyad_series(self, a: str, b: str, freq: str = "month", start: Optional[str] = None,
                    end: Optional[str] = None) -> list[DyadPoint]:
        """Counts and Goldstein sums per period of events from a to b and from b to a.
        `a` and `b` match actors like EventFilter.actor (kb_id, CAMEO code prefix, or name)."""
        if freq not in FREQUENCIES:
            raise ValueError("freq must be one of %s" % ", ".join(FREQUENCIES))
        points: list[DyadPoint] = []
        for direction, src, dst in (("a->b", a, b), ("b->a", b, a)):
            where, params = EventFilter(source=src, target=dst, start=start, end=end).where()
            sql = ("SELECT CAST(date_trunc('%s', e.date_start) AS VARCHAR) AS period, count(*), "
                   "coalesce(sum(e.goldstein), 0), count(*) FILTER (WHERE e.quad_class <= 2), "
                   "count(*) FILTER (WHERE e.quad_class >= 3) "
                   "FROM events e JOIN articles a ON a.id = e.article_id "
                   "LEFT JOIN actors s ON s.article_id = e.article_id AND s.id = e.source "
                   "LEFT JOIN actors t ON t.article_id = e.article_id AND t.id = e.target "
                   "LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place "
                   "WHERE %s AND e.date_start IS NOT NULL GROUP BY period ORDER BY period"
                   % (FREQUENCIES[freq], where))
            for period, n, gsum, coop, conf in self._cursor().execute(sql, params).fetchall():
                points.append(DyadPoint(period[:10], direction, n, float(gsum), coop, conf))
        points.sort(key=lambda p: (p.period, p.direction))
        return points

    def top_actors(self, n: int = 20, country: Optional[str] = None, q: Optional[str] = None) -> list[ActorCount]:
        """Actors in the most events, as source or target."""
        clauses, params = ["TRUE"], []
        if country:
            clauses.append("x.country = ?")
            params.append(country.upper())
        if q:
            clauses.append("(lower(x.name) LIKE ? OR x.kb_id = ? OR x.code LIKE ?)")
            params.extend(["%" + q.lower() + "%", q, q.upper() + "%"])
        key = ACTOR_KEY.format(a="x")
        sql = """
            WITH x AS (SELECT * FROM actors), roles AS (
                SELECT e.article_id, e.source AS actor_id, 1 AS src, 0 AS tgt FROM events e
                UNION ALL SELECT e.article_id, e.target, 0, 1 FROM events e WHERE e.target IS NOT NULL)
            SELECT {key} AS k, arg_max(x.name, length(x.name)), any_value(x.kb_id), any_value(x.code),
                   any_value(x.country), any_value(x.sector), coalesce(sum(r.src), 0), coalesce(sum(r.tgt), 0),
                   count(DISTINCT x.article_id)
            FROM x LEFT JOIN roles r ON r.article_id = x.article_id AND r.actor_id = x.id
            WHERE {where}
            GROUP BY k ORDER BY coalesce(sum(r.src), 0) + coalesce(sum(r.tgt), 0) DESC, k LIMIT ?
        """.format(key=key, where=" AND ".join(clauses))
        rows = self._cursor().execute(sql, params + [int(n)]).fetchall()
        return [ActorCount(*row) for row in rows]

    def actor_profile(self, key: str, limit: int = 100) -> Optional[ActorProfile]:
        """One actor (by the key `top_actors` gives): its names, its events, and its partners."""
        k = ACTOR_KEY.format(a="x")
        rows = self._cursor().execute(
            "SELECT DISTINCT x.name FROM actors x WHERE %s = ? ORDER BY x.name" % k, [key]).fetchall()
        if not rows:
            return None
        counts = [c for c in self.top_actors(10_000) if c.key == key]
        summary = counts[0] if counts else ActorCount(key, rows[0][0], None, None, None, None, 0, 0, 0)
        events = self._events_of_key(key, limit)
        partners = [e for e in self.network(limit=10_000) if key in (e.source_key, e.target_key)]
        return ActorProfile(summary, [r[0] for r in rows], events, partners)

    def _events_of_key(self, key: str, limit: int) -> list[EventRow]:
        sk, tk = ACTOR_KEY.format(a="s"), ACTOR_KEY.format(a="t")
        sql = EVENT_SELECT + (" WHERE (%s = ? OR %s = ?) AND (a.dup_group IS NULL OR a.dup_group = a.id) "
                              "ORDER BY e.date_start DESC NULLS LAST LIMIT ?" % (sk, tk))
        return [EventRow(*r) for r in self._cursor().execute(sql, [key, key, int(limit)]).fetchall()]

    def network(self, limit: int = 200, min_events: int = 1) -> list[Edge]:
        """Who acts on whom: one edge per (source, target) actor pair, heaviest first."""
        sk, tk = ACTOR_KEY.format(a="s"), ACTOR_KEY.format(a="t")
        sql = """
            SELECT {sk} AS sk, arg_max(s.name, length(s.name)), {tk} AS tk, arg_max(t.name, length(t.name)),
                   count(*) AS n, avg(e.goldstein)
            FROM events e JOIN articles a ON a.id = e.article_id
            JOIN actors s ON s.article_id = e.article_id AND s.id = e.source
            JOIN actors t ON t.article_id = e.article_id AND t.id = e.target
            WHERE (a.dup_group IS NULL OR a.dup_group = a.id)
            GROUP BY sk, tk HAVING count(*) >= ? ORDER BY n DESC, sk, tk LIMIT ?
        """.format(sk=sk, tk=tk)
        return [Edge(*r) for r in self._cursor().execute(sql, [int(min_events), int(limit)]).fetchall()]

    def articles(self, limit: int = 50, offset: int = 0, q: Optional[str] = None) -> list[ArticleSummary]:
        """Stored articles, newest publication first; `q` searches title and text (substring)."""
        where, params = "TRUE", []
        if q:
            where = "(lower(a.title) LIKE ? OR lower(a.text) LIKE ?)"
            params = ["%" + q.lower() + "%"] * 2
        sql = """
            SELECT a.id, a.title, CAST(a.published AS VARCHAR), a.source, a.url,
                   (SELECT count(*) FROM events e WHERE e.article_id = a.id),
                   (SELECT count(*) FROM quotes q WHERE q.article_id = a.id), a.dup_group, substr(a.text, 1, 200)
            FROM articles a WHERE {where}
            ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?
        """.format(where=where)
        rows = self._cursor().execute(sql, params + [int(limit), int(offset)]).fetchall()
        return [ArticleSummary(*r) for r in rows]

    def place_counts(self, filter: Optional[EventFilter] = None, limit: int = 500) -> list[PlaceCount]:
        """Event counts per place (for the map), over the events `filter` selects."""
        where, params = (filter or EventFilter()).where()
        sql = ("SELECT p.name, p.country, p.geonameid, p.lat, p.lon, p.feature, count(*) AS n "
               "FROM events e JOIN articles a ON a.id = e.article_id "
               "LEFT JOIN actors s ON s.article_id = e.article_id AND s.id = e.source "
               "LEFT JOIN actors t ON t.article_id = e.article_id AND t.id = e.target "
               "JOIN places p ON p.article_id = e.article_id AND p.id = e.place "
               "WHERE %s GROUP BY p.name, p.country, p.geonameid, p.lat, p.lon, p.feature "
               "ORDER BY n DESC, p.name LIMIT ?" % where)
        return [PlaceCount(*r) for r in self._cursor().execute(sql, params + [int(limit)]).fetchall()]
