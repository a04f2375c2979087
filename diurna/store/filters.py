"""The one filter set every query, export and dashboard view shares: `EventFilter`.

How an actor filter (`actor`, `source`, `target`, dyad sides) matches an actor:

- a value containing ":" is an actor key, the cross-article identity `top_actors` reports
  (`kb:vladimir_putin`, `country:IRN`, `person:KENGOV:odinga`; see diurna.store.clusters.actor_key);
- three, six or nine capital letters are a CAMEO code prefix. This is the **country roll-up**:
  `JPN` matches every actor coded JPN... — Japan itself, its government (JPNGOV), military
  (JPNMIL), police, officials and ministers (persons coded JPNGOV), and Japan's other groups
  (JPNOPP, JPNBUS) — while `JPNGOV` matches the government and its sub-codes (JPNGOVMIL) only.
  `kb:japan` is the narrowest (the state itself), the name `Japan` matches actors named so, and `JPN`
  the widest; the dashboard offers the roll-up first;
- anything else is a knowledge-base id (`hassan_rouhani`) or the start of a word of the actor's
  name, case-insensitive (`rouhani` matches "Hassan Rouhani"; `us` does not match "Russia").

`country` matches the ISO alpha-3 country of the source or the target (the actor's own country, coded
or not); `place_country` the country the event happened in (its place, else the stage's event country).

`modality`, `polarity` and `claimed` tell what was reported from what happened: an analyst counting
what happened asks for `modality=actual`, `polarity=asserted` (the dashboard's default); `claimed=False`
also leaves out events that are only someone's claim (attributed to a speaker or source).

Every user value reaches DuckDB as a bound parameter; only clause templates written here are ever part
of the SQL text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Optional, Sequence

COUNTED = "(a.dup_group IS NULL OR a.dup_group = a.id)"  # not a copy of another article
MODALITIES = ("actual", "intended", "demanded", "hypothetical")
POLARITIES = ("asserted", "negated")
_CODE = re.compile(r"^(?:[A-Z]{3}){1,3}$")


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _listed(value) -> list:
    return [value] if isinstance(value, (str, int)) else list(value)


@dataclass(frozen=True)
class ActorColumns:
    """Where a table keeps an actor's key, kb id, CAMEO code and name (SQL column expressions)."""

    key: str
    kb_id: Optional[str]
    code: str
    name: str


def actor_clause(cols: ActorColumns, value: str) -> tuple[str, list[Any]]:
    """SQL (with ? marks) and parameters matching one actor filter value (module docstring)."""
    value = value.strip()
    if ":" in value:
        return "%s = ?" % cols.key, [value]
    if _CODE.match(value):
        return "%s LIKE ? ESCAPE '\\'" % cols.code, [_like_escape(value) + "%"]
    word = _like_escape(value.lower())
    kb = ("%s = ?" % cols.kb_id) if cols.kb_id else "%s = 'kb:' || ?" % cols.key
    return (
        "(%s OR lower(%s) LIKE ? ESCAPE '\\' OR lower(%s) LIKE ? ESCAPE '\\')" % (kb, cols.name, cols.name),
        [value, word + "%", "% " + word + "%"],
    )


ACTOR_ROW = ActorColumns("x.key", "x.kb_id", "x.code", "x.name")
SOURCE = ActorColumns("s.key", "s.kb_id", "s.code", "s.name")
TARGET = ActorColumns("t.key", "t.kb_id", "t.code", "t.name")
CLUSTER_SOURCE = ActorColumns("c.source_key", None, "c.source_code", "c.source_name")
CLUSTER_TARGET = ActorColumns("c.target_key", None, "c.target_code", "c.target_name")


@dataclass(frozen=True)
class Columns:
    """Where one table shape (event mentions, or cluster rows) keeps what the filters test."""

    source: ActorColumns
    target: ActorColumns
    countries: tuple[str, str]
    type: str
    quad_class: str
    date: str
    place: tuple[str, str]  # name, GeoNames id
    place_country: str
    modality: str
    polarity: str
    article: str  # clause with one ? for the article id
    granularity: str  # clause with one ? for the list of granularities
    unclaimed: str  # clause: not (only) someone's claim
    claimed: str  # clause: someone's claim
    outlet: str  # clause with one ? for the lower-cased outlet
    counted_only: Optional[str]  # clause leaving out copies unless include_duplicates
    # Event mentions name their actors by (article, actor id): an actor filter is then a semi-join of
    # those pairs with the matching actor rows, which needs no join of every event with its actors
    # (on 200,000 articles, the events of the busiest actor: 3.3 s with the joins, 1.4 s without).
    mention_pairs: bool


MENTIONS = Columns(
    source=SOURCE,
    target=TARGET,
    countries=("s.country", "t.country"),
    type="e.type",
    quad_class="e.quad_class",
    date="e.date_start",
    place=("p.name", "p.geonameid"),
    place_country="coalesce(e.event_country, p.country)",  # the events stage decides; else its place
    modality="e.modality",
    polarity="e.polarity",
    article="e.article_id = ?",
    granularity="e.date_granularity IN (SELECT unnest(?))",
    unclaimed="e.attributed_to IS NULL",
    claimed="e.attributed_to IS NOT NULL",
    outlet="lower(a.source) = ?",
    counted_only=COUNTED,
    mention_pairs=True,
)

# A cluster is claimed when every mention of it is someone's claim, and comes from an outlet or an
# article when one of its mentions does.
CLUSTERS = Columns(
    source=CLUSTER_SOURCE,
    target=CLUSTER_TARGET,
    countries=("c.source_country", "c.target_country"),
    type="c.type",
    quad_class="c.quad_class",
    date="c.date",
    place=("c.place_name", "c.geonameid"),
    place_country="c.place_country",
    modality="c.modality",
    polarity="c.polarity",
    article="c.id IN (SELECT cluster_id FROM events WHERE article_id = ?)",
    granularity="c.id IN (SELECT cluster_id FROM events WHERE date_granularity IN (SELECT unnest(?)))",
    unclaimed="c.id IN (SELECT cluster_id FROM events WHERE attributed_to IS NULL)",
    claimed="c.id NOT IN (SELECT cluster_id FROM events WHERE attributed_to IS NULL AND cluster_id IS NOT NULL)",
    outlet="c.id IN (SELECT ev.cluster_id FROM events ev JOIN articles ar ON ar.id = ev.article_id "
    "WHERE lower(ar.source) = ?)",
    counted_only="c.mentions > 0",  # a happening only wire copies report is shown with the copies only
    mention_pairs=False,
)


@dataclass
class EventFilter:
    """What every event query selects. Every field is optional; fields combine with AND."""

    actor: Optional[str] = None  # source or target (see the module docstring)
    source: Optional[str] = None
    target: Optional[str] = None
    country: Optional[str] = None  # ISO alpha-3 of source or target (actor country)
    type: Optional[Sequence[str]] = None  # PLOVER types
    quad_class: Optional[int] = None
    start: Optional[str] = None  # ISO date: events whose date starts on or after it
    end: Optional[str] = None  # ISO date: events whose date starts on or before it
    place: Optional[str] = None  # place name (case-insensitive) or GeoNames id
    article_id: Optional[str] = None
    include_duplicates: bool = False  # events of near-duplicate articles (wire copies) too
    granularity: Optional[Sequence[str]] = None  # date granularities ("day", "before", ...; records.md)
    place_country: Optional[str] = None  # ISO alpha-3 of the event's place (event place country)
    modality: Optional[Sequence[str]] = None  # "actual", "intended", "demanded", "hypothetical"
    polarity: Optional[Sequence[str]] = None  # "asserted", "negated"
    claimed: Optional[bool] = None  # True: only events someone claims; False: none of them
    outlet: Optional[str] = None  # the article's news source (case-insensitive)

    def where(self) -> tuple[str, list[Any]]:
        """WHERE clause over `events e JOIN articles a`, actors `s`/`t` and place `p` (see joins())."""
        return self._where(MENTIONS)

    def cluster_where(self) -> tuple[str, list[Any]]:
        """The same selection over `event_clusters c` (one row per real-world event)."""
        return self._where(CLUSTERS)

    def joins(self, actors: bool = False) -> str:
        """FROM `events e` with only the joins this filter's WHERE clause needs: a count or a tally
        over a million events without an actor filter need not join two actor rows to each.
        `actors` joins the source `s` and target `t` anyway (for a query that reads them)."""
        sql = "FROM events e"
        if not self.include_duplicates or self.outlet:
            sql += " JOIN articles a ON a.id = e.article_id"
        if actors:
            sql += (
                " LEFT JOIN actors s ON s.article_id = e.article_id AND s.id = e.source"
                " LEFT JOIN actors t ON t.article_id = e.article_id AND t.id = e.target"
            )
        if self.place or self.place_country:
            sql += " LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place"
        return sql

    def _where(self, cols: Columns) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []

        def add(sql: str, values: list[Any]) -> None:
            clauses.append(sql)
            params.extend(values)

        if cols.mention_pairs:
            for value, sides in ((self.actor, BOTH), (self.source, ("source",)), (self.target, ("target",))):
                if value:
                    add(*mentions_of(*actor_clause(ACTOR_ROW, value), sides))
            if self.country:
                add(*mentions_of("x.country = ?", [self.country.upper()], BOTH))
        else:
            if self.actor:
                s_sql, s_params = actor_clause(cols.source, self.actor)
                t_sql, t_params = actor_clause(cols.target, self.actor)
                add("(%s OR %s)" % (s_sql, t_sql), s_params + t_params)
            if self.source:
                add(*actor_clause(cols.source, self.source))
            if self.target:
                add(*actor_clause(cols.target, self.target))
            if self.country:
                add("(%s = ? OR %s = ?)" % cols.countries, [self.country.upper()] * 2)
        if self.type:
            add("%s IN (SELECT unnest(?))" % cols.type, [[t.upper() for t in _listed(self.type)]])
        if self.quad_class is not None:
            add("%s = ?" % cols.quad_class, [int(self.quad_class)])
        if self.start:
            add("%s >= ?" % cols.date, [parse_date(self.start)])
        if self.end:
            add("%s <= ?" % cols.date, [parse_date(self.end)])
        if self.place:
            if re.fullmatch(r"[0-9]{1,18}", str(self.place)):  # a GeoNames id fits a BIGINT
                add("%s = ?" % cols.place[1], [int(self.place)])
            else:
                add("lower(%s) = ?" % cols.place[0], [str(self.place).lower()])
        if self.place_country:
            add("%s = ?" % cols.place_country, [self.place_country.upper()])
        if self.article_id:
            add(cols.article, [self.article_id])
        if self.granularity:
            add(cols.granularity, [[g.lower() for g in _listed(self.granularity)]])
        if self.modality:
            add("%s IN (SELECT unnest(?))" % cols.modality, [[m.lower() for m in _listed(self.modality)]])
        if self.polarity:
            add("%s IN (SELECT unnest(?))" % cols.polarity, [[p.lower() for p in _listed(self.polarity)]])
        if self.claimed is not None:
            clauses.append(cols.claimed if self.claimed else cols.unclaimed)
        if self.outlet:
            add(cols.outlet, [self.outlet.strip().lower()])
        if cols.counted_only and not self.include_duplicates:
            clauses.append(cols.counted_only)
        return (" AND ".join(clauses) or "TRUE"), params


BOTH = ("source", "target")


def mentions_of(sql: str, params: list[Any], sides: Sequence[str]) -> tuple[str, list[Any]]:
    """Event mentions whose actor on one of `sides` is an actor row `x` matching `sql`."""
    rows = "(SELECT (x.article_id, x.id) FROM actors x WHERE %s)" % sql
    clause = " OR ".join("(e.article_id, e.%s) IN %s" % (side, rows) for side in sides)
    return "(%s)" % clause, params * len(sides)


def parse_date(value) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise ValueError("not a date in YYYY-MM-DD form: %r" % (value,))
